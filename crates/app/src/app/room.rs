//! Workshop ▸ Open the room…: the room's server (`journeymap_room`) run from the
//! editor's window, which facilitates it. The window shows where to join (the address,
//! the PIN in large type and a QR code, for the projector), how many have joined, the
//! vote being set up or run (what, how many votes each, the cap per item, a timer;
//! how many have finished; results hidden until revealed) and the notes from the room
//! in an inbox: each accepted (a pain point, an opportunity or a quote on the card the
//! facilitator picks, or a new card) or discarded, each accept one undo step. The
//! round's dots go into the map's `votes` as they arrive, one undo step per round.

use crate::app::action::Actions;
use crate::i18n::I18n;
use crate::model::*;
use journeymap_room::{NoteKind, Room, RoomOptions, Snapshot};

/// What the room votes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ballot {
    GreyAreas,
    Opportunities,
    Touchpoints,
    /// The grey areas, opportunities and cards selected in the editor.
    Selection,
}

impl Ballot {
    fn key(self) -> &'static str {
        match self {
            Ballot::GreyAreas => "grey_areas",
            Ballot::Opportunities => "opportunities",
            Ballot::Touchpoints => "touchpoints",
            Ballot::Selection => "",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Ballot::GreyAreas => "room-ballot-grey-areas",
            Ballot::Opportunities => "room-ballot-opportunities",
            Ballot::Touchpoints => "room-ballot-touchpoints",
            Ballot::Selection => "room-ballot-selection",
        }
    }
}

/// A note waiting in the inbox, with the card it would go on.
struct Pending {
    note: journeymap_room::Note,
    card: Option<TouchpointId>,
}

pub struct RoomWindow {
    room: Room,
    url: String,
    pin: String,
    qr: Option<(usize, Vec<bool>)>,
    ballot: Ballot,
    question: String,
    budget: u32,
    cap: u32,
    seconds: u32,
    /// The round being voted and its id in the map.
    round: Option<VoteRoundId>,
    snapshot: Snapshot,
    inbox: Vec<Pending>,
    seen: usize,
    /// The round as last put into the map.
    applied: Option<VoteRound>,
    error: Option<String>,
}

impl RoomWindow {
    /// Opens the room on this machine's address on the local network (port 8080, or
    /// any free one); `wake` repaints the window when a phone calls.
    pub fn open(journey: &Journey, wake: journeymap_room::Wake) -> Result<Self, String> {
        let ip = journeymap_room::lan_address();
        let mut last = String::new();
        for port in [8080, 0] {
            let mut options = RoomOptions::new(std::net::SocketAddr::new(ip, port));
            options.writes_files = false;
            options.wake = Some(wake.clone());
            let map = std::path::PathBuf::new();
            match Room::open(journey.clone(), map, options) {
                Ok(room) => {
                    let url = room.join_url();
                    // For a terminal the editor was started from (and a script that
                    // drives the room with the facilitator's calls).
                    eprintln!(
                        "journeymap: the room is open at {url} (facilitator token: {})",
                        room.facilitator_token()
                    );
                    let qr = qrcode::QrCode::new(url.as_bytes()).ok().map(|code| {
                        let width = code.width();
                        let dark = code
                            .to_colors()
                            .into_iter()
                            .map(|c| c == qrcode::Color::Dark)
                            .collect();
                        (width, dark)
                    });
                    return Ok(RoomWindow {
                        pin: room.pin(),
                        room,
                        url,
                        qr,
                        ballot: Ballot::GreyAreas,
                        question: String::new(),
                        budget: 5,
                        cap: 3,
                        seconds: 0,
                        round: None,
                        snapshot: Snapshot::default(),
                        inbox: Vec::new(),
                        seen: 0,
                        applied: None,
                        error: None,
                    });
                }
                Err(e) => last = e.to_string(),
            }
        }
        Err(last)
    }

    /// The inbox as the window's recovery keeps it.
    pub fn pending_notes(&self) -> Vec<crate::session::recovery::PendingNote> {
        self.inbox
            .iter()
            .map(|p| crate::session::recovery::PendingNote {
                stage: p.note.stage,
                kind: kind_key(p.note.kind).to_owned(),
                text: p.note.text.clone(),
                participant: p.note.participant,
            })
            .collect()
    }

    /// Notes a crashed window's recovery brought back, into the inbox.
    pub fn restore(
        &mut self,
        notes: Vec<crate::session::recovery::PendingNote>,
        journey: &Journey,
    ) {
        for note in notes {
            let kind = match note.kind.as_str() {
                "idea" => NoteKind::Idea,
                "quote" => NoteKind::Quote,
                "touchpoint" => NoteKind::Touchpoint,
                _ => NoteKind::Pain,
            };
            let card = journey
                .touchpoints_in(note.stage)
                .last()
                .map(|t| t.id.clone());
            self.inbox.push(Pending {
                note: journeymap_room::Note {
                    stage: note.stage,
                    kind,
                    text: note.text,
                    participant: note.participant,
                },
                card,
            });
        }
    }

    /// The join URL and the facilitator's token.
    pub fn address(&self) -> (String, String) {
        (self.url.clone(), self.room.facilitator_token())
    }

    /// Takes in what the phones did: new notes into the inbox (each on its stage's
    /// last card by default), and the round's dots into the map (one undo step per
    /// round, through `actions`).
    pub fn sync(&mut self, journey: &Journey, actions: &Actions) {
        self.snapshot = self.room.snapshot();
        for note in self.snapshot.notes.iter().skip(self.seen) {
            let card = journey
                .touchpoints_in(note.stage)
                .last()
                .map(|t| t.id.clone());
            self.inbox.push(Pending {
                note: note.clone(),
                card,
            });
        }
        self.seen = self.snapshot.notes.len();
        // A round opened by the facilitator's calls (not the window) gets its id too.
        if self.round.is_none() && self.snapshot.round.is_some() {
            self.round = Some(journey.next_vote_round_id());
        }
        let (Some(id), Some(round)) = (&self.round, &self.snapshot.round) else {
            return;
        };
        let mut vote = VoteRound::new(id.clone(), round.question.clone());
        vote.date = today();
        vote.participants = round.voters as u32;
        vote.counts = round
            .totals
            .iter()
            .filter(|(t, n)| *n > 0 && journey.map_ids().any(|i| i == t.as_str()))
            .cloned()
            .collect();
        let in_map = journey.votes.iter().any(|v| v.id == vote.id);
        // Nothing to add before the first dot; a dot taken back is in the map too.
        if (vote.counts.is_empty() && !in_map) || self.applied.as_ref() == Some(&vote) {
            return;
        }
        let edit = match in_map {
            true => Edit::Replace(Element::VoteRound(vote.clone())),
            false => Edit::Insert {
                index: journey.votes.len(),
                element: Element::VoteRound(vote.clone()),
            },
        };
        actions.typing(edit, "edit-room-votes", format!("room-{}", vote.id));
        self.applied = Some(vote);
    }

    /// One frame of the window; whether the room stays open.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        journey: &Journey,
        selection: &[ElementId],
        i18n: &I18n,
        actions: &Actions,
    ) -> bool {
        let mut open = true;
        let mut close = false;
        egui::Window::new(i18n.tr("room-title"))
            .open(&mut open)
            .default_pos([40.0, 60.0])
            .default_width(920.0)
            .show(ctx, |ui| {
                // Where to join and the vote on the left, the inbox on the right: all
                // in view on a 1280 × 720 projector.
                ui.columns(2, |columns| {
                    self.join_ui(&mut columns[0], i18n);
                    columns[0].separator();
                    close = self.vote_ui(&mut columns[0], journey, selection, i18n);
                    egui::ScrollArea::vertical()
                        .id_salt("room_inbox")
                        .max_height(ctx.content_rect().height() * 0.7)
                        .show(&mut columns[1], |ui| {
                            self.inbox_ui(ui, journey, i18n, actions);
                        });
                });
            });
        if close || !open {
            self.room.close().ok();
            return false;
        }
        true
    }

    fn join_ui(&self, ui: &mut egui::Ui, i18n: &I18n) {
        ui.horizontal(|ui| {
            if let Some((width, dark)) = &self.qr {
                let module = 5.0;
                let quiet = 4.0 * module;
                let side = *width as f32 * module + 2.0 * quiet;
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
                let painter = ui.painter();
                painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
                for (i, on) in dark.iter().enumerate() {
                    if *on {
                        let (x, y) = ((i % width) as f32, (i / width) as f32);
                        let min = rect.min + egui::vec2(quiet + x * module, quiet + y * module);
                        painter.rect_filled(
                            egui::Rect::from_min_size(min, egui::vec2(module, module)),
                            0.0,
                            egui::Color32::BLACK,
                        );
                    }
                }
            }
            ui.vertical(|ui| {
                ui.label(
                    egui::RichText::new(crate::tr!(i18n, "room-pin-is", pin = self.pin.clone()))
                        .size(40.0)
                        .strong(),
                );
                ui.label(
                    egui::RichText::new(crate::tr!(
                        i18n,
                        "room-participants",
                        count = self.snapshot.participants as i64
                    ))
                    .size(20.0),
                );
            });
        });
        // The address whole, on one line, large enough to type from the back row.
        ui.label(i18n.tr("room-join-at"));
        ui.add(
            egui::Label::new(egui::RichText::new(&self.url).monospace().size(20.0))
                .wrap_mode(egui::TextWrapMode::Extend),
        );
    }

    /// The vote: set up, running, revealed. Returns whether the room is to close.
    fn vote_ui(
        &mut self,
        ui: &mut egui::Ui,
        journey: &Journey,
        selection: &[ElementId],
        i18n: &I18n,
    ) -> bool {
        let mut close = false;
        match &self.snapshot.round {
            None => {
                ui.strong(i18n.tr("room-vote-setup"));
                egui::Grid::new("room_setup").num_columns(2).show(ui, |ui| {
                    let l = ui.label(i18n.tr("room-vote-on"));
                    egui::ComboBox::from_id_salt("room_ballot")
                        .selected_text(i18n.tr(self.ballot.label()))
                        .show_ui(ui, |ui| {
                            for b in [
                                Ballot::GreyAreas,
                                Ballot::Opportunities,
                                Ballot::Touchpoints,
                                Ballot::Selection,
                            ] {
                                ui.selectable_value(&mut self.ballot, b, i18n.tr(b.label()));
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(i18n.tr("field-question"));
                    ui.add(egui::TextEdit::singleline(&mut self.question).desired_width(280.0))
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(i18n.tr("room-budget"));
                    ui.add(egui::DragValue::new(&mut self.budget).range(1..=99))
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(i18n.tr("room-cap"));
                    ui.add(egui::DragValue::new(&mut self.cap).range(1..=99))
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(i18n.tr("room-timer"));
                    ui.add(
                        egui::DragValue::new(&mut self.seconds)
                            .range(0..=3600)
                            .suffix(" s"),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                });
                if ui.button(i18n.tr("room-start-vote")).clicked() {
                    let seconds = (self.seconds > 0).then_some(u64::from(self.seconds));
                    let refs: Vec<String> = match self.ballot {
                        Ballot::Selection => selection
                            .iter()
                            .filter_map(VoteTarget::of)
                            .map(|t| t.as_str().to_owned())
                            .collect(),
                        ballot => vec![ballot.key().to_owned()],
                    };
                    match self.room.open_round(
                        &refs,
                        self.budget,
                        self.cap,
                        &self.question,
                        seconds,
                    ) {
                        Ok(()) => {
                            self.round = Some(journey.next_vote_round_id());
                            self.applied = None;
                            self.error = None;
                        }
                        Err(e) => self.error = Some(e),
                    }
                }
            }
            Some(round) => {
                ui.strong(if round.question.is_empty() {
                    i18n.tr("room-vote-running")
                } else {
                    round.question.clone()
                });
                ui.label(
                    egui::RichText::new(crate::tr!(
                        i18n,
                        "room-finished",
                        finished = round.finished as i64,
                        count = self.snapshot.participants as i64
                    ))
                    .size(24.0),
                );
                if let Some(seconds) = round.seconds_left {
                    ui.label(crate::tr!(i18n, "room-seconds-left", n = seconds as i64));
                }
                if round.revealed {
                    for (target, n) in round.totals.iter().filter(|(_, n)| *n > 0) {
                        let name = crate::words::element_name(journey, &target.element(), i18n);
                        ui.label(format!("{n} · {name}"));
                    }
                } else if ui.button(i18n.tr("room-reveal")).clicked() {
                    self.room.reveal();
                }
            }
        }
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        if ui.button(i18n.tr("room-close")).clicked() {
            close = true;
        }
        close
    }

    fn inbox_ui(&mut self, ui: &mut egui::Ui, journey: &Journey, i18n: &I18n, actions: &Actions) {
        ui.strong(crate::tr!(
            i18n,
            "room-inbox",
            count = self.inbox.len() as i64
        ));
        let mut done = None;
        for (n, pending) in self.inbox.iter_mut().enumerate() {
            let note = &pending.note;
            ui.group(|ui| {
                let kind = i18n.tr(&format!("room-kind-{}", kind_key(note.kind)));
                ui.label(
                    egui::RichText::new(format!(
                        "{} · {kind}",
                        i18n.stage_name(journey, note.stage)
                    ))
                    .small(),
                );
                // The participant's words, as text.
                let words = ui.label(note.text.as_str());
                ui.horizontal(|ui| {
                    if note.kind != NoteKind::Touchpoint {
                        let cards = journey.touchpoints_in(note.stage);
                        let shown = pending
                            .card
                            .as_ref()
                            .and_then(|c| journey.touchpoint(c))
                            .map_or_else(|| i18n.tr("room-no-card"), |t| t.title.clone());
                        egui::ComboBox::from_id_salt(("room_card", n))
                            .selected_text(shown)
                            .width(220.0)
                            .show_ui(ui, |ui| {
                                for card in cards {
                                    ui.selectable_value(
                                        &mut pending.card,
                                        Some(card.id.clone()),
                                        card.title.as_str(),
                                    );
                                }
                            })
                            .response
                            .labelled_by(words.id);
                    }
                    let edit = accept_edit(journey, note, pending.card.as_ref());
                    let accept = ui
                        .add_enabled(edit.is_some(), egui::Button::new(i18n.tr("room-accept")))
                        .on_hover_text(i18n.tr("room-accept-tip"));
                    if accept.clicked()
                        && let Some(edit) = edit
                    {
                        actions.edit(edit, "edit-room-note");
                        done = Some(n);
                    }
                    if ui.button(i18n.tr("room-discard")).clicked() {
                        done = Some(n);
                    }
                });
            });
        }
        if let Some(n) = done {
            self.inbox.remove(n);
        }
    }
}

fn kind_key(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Pain => "pain",
        NoteKind::Idea => "idea",
        NoteKind::Quote => "quote",
        NoteKind::Touchpoint => "touchpoint",
    }
}

fn today() -> String {
    let d = crate::format::today();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// What accepting a note does to the map: a pain point or an opportunity on its card,
/// a quote as evidence from the workshop linked to its card, or a new card at the end
/// of its stage. `None` when the note needs a card and has none.
pub fn accept_edit(
    journey: &Journey,
    note: &journeymap_room::Note,
    card: Option<&TouchpointId>,
) -> Option<Edit> {
    let card = card.and_then(|c| journey.touchpoint(c));
    match note.kind {
        NoteKind::Touchpoint => {
            let (mut edit, id) = crate::document::new_touchpoint(journey, note.stage);
            if let Edit::Insert {
                element: Element::Touchpoint(t),
                ..
            } = &mut edit
                && t.id == id
            {
                t.title = note.text.clone();
            }
            Some(edit)
        }
        NoteKind::Pain => {
            let mut t = card?.clone();
            t.pain_points.push(note.text.clone());
            Some(Edit::Replace(Element::Touchpoint(t)))
        }
        NoteKind::Idea => {
            let id = journey.next_opportunity_id();
            let opportunity = Opportunity::new(
                id,
                OpportunityTarget::Touchpoint(card?.id.clone()),
                note.text.clone(),
            );
            Some(Edit::Insert {
                index: journey.opportunities.len(),
                element: Element::Opportunity(opportunity),
            })
        }
        NoteKind::Quote => {
            let id = journey.next_evidence_id();
            let mut t = card?.clone();
            let evidence = Evidence {
                source: format!("workshop {}, participant {}", today(), note.participant),
                date: today(),
                ..Evidence::new(id.clone(), EvidenceKind::Quote, note.text.clone())
            };
            t.evidence.push(id);
            Some(Edit::Batch(vec![
                Edit::Insert {
                    index: journey.evidence.len(),
                    element: Element::Evidence(evidence),
                },
                Edit::Replace(Element::Touchpoint(t)),
            ]))
        }
    }
}
