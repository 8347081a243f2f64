//! The Find bar (Ctrl+F): text in any field of any element, the matches listed, and
//! Enter / Shift+Enter (or Next / Previous) stepping through them: each is selected, so
//! the inspector shows it, and its card is scrolled into view. Works in presentation
//! mode too. Esc or Close hides the bar.

use crate::app::action::{Actions, ViewChange};
use crate::i18n::I18n;
use crate::model::search::{self, Match, Place};
use crate::model::{ElementId, Journey};

/// Matches listed under the field, at most.
const LISTED: usize = 6;

#[derive(Clone, Debug, Default)]
pub struct Find {
    pub open: bool,
    pub query: String,
    /// The match shown last, an index into the matches.
    pub current: Option<usize>,
    focus: bool,
    /// The document revision and query the matches are for.
    found_for: Option<(u64, String)>,
    matches: Vec<Match>,
}

impl Find {
    /// Shows the bar with its field focused.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// For a new document: the matches were another journey's.
    pub fn forget_matches(&mut self) {
        self.found_for = None;
        self.matches.clear();
        self.current = None;
    }

    fn refresh(&mut self, revision: u64, journey: &Journey) {
        let key = (revision, self.query.clone());
        if self.found_for.as_ref() == Some(&key) {
            return;
        }
        let query_changed = self
            .found_for
            .as_ref()
            .is_none_or(|(_, q)| *q != self.query);
        self.matches = search::find(journey, &self.query);
        if query_changed {
            self.current = None;
        } else if self.current.is_some_and(|c| c >= self.matches.len()) {
            self.current = self.matches.len().checked_sub(1);
        }
        self.found_for = Some(key);
    }

    /// The index `step` places from the current match, wrapping around.
    fn stepped(&self, step: isize) -> Option<usize> {
        let count = self.matches.len() as isize;
        if count == 0 {
            return None;
        }
        let next = match self.current {
            None if step < 0 => count - 1,
            None => 0,
            Some(c) => (c as isize + step).rem_euclid(count),
        };
        Some(next as usize)
    }
}

impl Find {
    /// The bar, when it is open; a match chosen is selected and shown.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        journey: &Journey,
        revision: u64,
        i18n: &I18n,
        actions: &Actions,
    ) {
        if !self.open {
            return;
        }
        self.refresh(revision, journey);
        let find = self;
        let mut step = None;
        let mut jump = None;
        let mut close = false;
        egui::Panel::top("find_bar").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let label = ui.label(i18n.tr("find-label"));
                let response = ui
                    .add(
                        egui::TextEdit::singleline(&mut find.query)
                            .hint_text(i18n.tr("find-hint"))
                            .desired_width(320.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut find.focus) {
                    response.request_focus();
                }
                // Enter ends a one-line field's editing (focus comes back); Shift+Enter
                // keeps it.
                let (enter, escape, shift) = ui.input(|i| {
                    // Shift as the key event carries it (the frame's modifier state may
                    // lag behind a burst of events).
                    let shift = i.events.iter().any(|e| {
                        matches!(e, egui::Event::Key { key: egui::Key::Enter, pressed: true, modifiers, .. }
                            if modifiers.shift)
                    });
                    (
                        i.key_pressed(egui::Key::Enter),
                        i.key_pressed(egui::Key::Escape),
                        shift,
                    )
                });
                if enter && (response.lost_focus() || response.has_focus()) {
                    step = Some(if shift { -1 } else { 1 });
                    find.focus = true;
                } else if escape && response.lost_focus() {
                    close = true;
                }
                let total = find.matches.len();
                let count = match (find.query.trim().is_empty(), total, find.current) {
                    (true, _, _) => String::new(),
                    (false, 0, _) => i18n.tr("find-none"),
                    (false, _, Some(current)) => {
                        crate::tr!(i18n, "find-count", current = current + 1, total = total)
                    }
                    (false, _, None) => crate::tr!(i18n, "find-total", total = total),
                };
                ui.label(count);
                if ui.button(i18n.tr("find-previous")).clicked() {
                    step = Some(-1);
                }
                if ui.button(i18n.tr("find-next")).clicked() {
                    step = Some(1);
                }
                if ui.button(i18n.tr("find-close")).clicked() {
                    close = true;
                }
            });
            // The matches around the current one.
            let first = find
                .current
                .unwrap_or(0)
                .saturating_sub(LISTED / 2)
                .min(find.matches.len().saturating_sub(LISTED));
            for (i, m) in find.matches.iter().enumerate().skip(first).take(LISTED) {
                let text = format!(
                    "{} · {}: {}",
                    place_name(journey, &m.place, i18n),
                    i18n.tr(m.field),
                    crate::bounded::first_line(&m.text, 100).0
                );
                if ui.selectable_label(find.current == Some(i), text).clicked() {
                    jump = Some(i);
                }
            }
            let hidden = find.matches.len().saturating_sub(first + LISTED);
            if hidden > 0 {
                ui.label(crate::tr!(i18n, "find-more", count = hidden));
            }
            ui.add_space(4.0);
        });
        if close {
            find.open = false;
        }
        if let Some(index) = jump.or_else(|| step.and_then(|s| find.stepped(s))) {
            find.go_to_match(index, journey, actions);
        }
    }

    /// Selects the match's element (the inspector shows it) and brings it into view.
    fn go_to_match(&mut self, index: usize, journey: &Journey, actions: &Actions) {
        let Some(found) = self.matches.get(index).cloned() else {
            return;
        };
        self.current = Some(index);
        match found.place {
            Place::Element(element) => {
                let card = match &element {
                    ElementId::Touchpoint(id) => Some(id.clone()),
                    ElementId::GreyArea(id) => journey
                        .grey_area(id)
                        .and_then(|g| first_touchpoint(journey, &g.from, &g.to)),
                    ElementId::Step(id) => journey
                        .step(id)
                        .and_then(|s| first_touchpoint_of(journey, s)),
                    ElementId::Opportunity(id) => journey
                        .opportunities
                        .iter()
                        .find(|o| &o.id == id)
                        .and_then(|o| match &o.target {
                            crate::model::OpportunityTarget::Touchpoint(t) => Some(t.clone()),
                            crate::model::OpportunityTarget::GreyArea(g) => journey
                                .grey_area(g)
                                .and_then(|g| first_touchpoint(journey, &g.from, &g.to)),
                            crate::model::OpportunityTarget::Step(s) => journey
                                .step(s)
                                .and_then(|s| first_touchpoint_of(journey, s)),
                        }),
                    ElementId::Channel(_)
                    | ElementId::Department(_)
                    | ElementId::Curve(_)
                    | ElementId::Actor(_) => {
                        actions.view(ViewChange::ShowCatalogue(true));
                        None
                    }
                    ElementId::Evidence(_) | ElementId::VoteRound(_) => None,
                };
                if let Some(card) = card {
                    if let Some(t) = journey.touchpoint(&card) {
                        actions.view(ViewChange::ActiveStage(t.stage));
                    }
                    actions.view(ViewChange::Reveal(card));
                }
                actions.select(vec![element]);
            }
            Place::Stage(stage) => {
                actions.select(Vec::new());
                actions.view(ViewChange::ActiveStage(stage));
                actions.view(ViewChange::FocusStage(stage));
            }
            Place::Journey => {
                actions.select(Vec::new());
                actions.view(ViewChange::ShowJourneyPanel);
            }
        }
    }
}

/// The touchpoint to scroll to for a grey area: its first end that is one, else a
/// touchpoint its step serves.
pub fn first_touchpoint(
    journey: &Journey,
    from: &crate::model::End,
    to: &crate::model::End,
) -> Option<crate::model::TouchpointId> {
    [from, to]
        .into_iter()
        .find_map(|e| e.touchpoint().cloned())
        .or_else(|| {
            [from, to]
                .into_iter()
                .filter_map(|e| e.step().and_then(|s| journey.step(s)))
                .find_map(|s| first_touchpoint_of(journey, s))
        })
}

/// A touchpoint a step serves, else the first of its stage.
fn first_touchpoint_of(
    journey: &Journey,
    step: &crate::model::Step,
) -> Option<crate::model::TouchpointId> {
    step.serves.first().cloned().or_else(|| {
        journey
            .touchpoints_in(step.stage)
            .first()
            .map(|t| t.id.clone())
    })
}

/// What the match belongs to, in a few words.
fn place_name(journey: &Journey, place: &Place, i18n: &I18n) -> String {
    let named = |name: Option<&str>, kind: &str| match name {
        Some(name) if !name.trim().is_empty() => {
            crate::bounded::first_line(name, 60).0.into_owned()
        }
        _ => i18n.tr(kind),
    };
    match place {
        Place::Element(ElementId::Touchpoint(id)) => named(
            journey.touchpoint(id).map(|t| t.title.as_str()),
            "element-touchpoints",
        ),
        Place::Element(ElementId::GreyArea(id)) => named(
            journey.grey_area(id).map(|g| g.title.as_str()),
            "element-grey-areas",
        ),
        Place::Element(ElementId::Evidence(_)) => i18n.tr("element-evidence"),
        Place::Element(ElementId::Opportunity(_)) => i18n.tr("element-opportunities"),
        Place::Element(ElementId::Channel(_)) => i18n.tr("element-channels"),
        Place::Element(ElementId::Department(_)) => i18n.tr("element-departments"),
        Place::Element(ElementId::Curve(_)) => i18n.tr("element-curves"),
        Place::Element(ElementId::Step(id)) => {
            named(journey.step(id).map(|s| s.title.as_str()), "element-steps")
        }
        Place::Element(ElementId::Actor(_)) => i18n.tr("element-actors"),
        Place::Element(ElementId::VoteRound(id)) => named(
            journey
                .votes
                .iter()
                .find(|v| &v.id == id)
                .map(|v| v.question.as_str()),
            "element-votes",
        ),
        Place::Stage(stage) => i18n.stage_name(journey, *stage),
        Place::Journey => i18n.tr("find-journey"),
    }
}
