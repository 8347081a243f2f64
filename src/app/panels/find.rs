//! The Find bar (Ctrl+F): text in any field of any element, the matches listed, and
//! Enter / Shift+Enter (or Next / Previous) stepping through them: each is selected, so
//! the inspector shows it, and its card is scrolled into view. Works in presentation
//! mode too. Esc or Close hides the bar.

use crate::app::*;
use crate::model::search::{self, Match, Place};

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

    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    fn refresh(&mut self, revision: u64, journey: &crate::model::Journey) {
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

impl JourneyApp {
    pub(in crate::app) fn find_bar_ui(&mut self, ui: &mut egui::Ui) {
        if !self.ui_state.find.open {
            return;
        }
        let revision = self.document.revision();
        self.ui_state.find.refresh(revision, &self.document.journey);
        let i18n = &self.i18n;
        let journey = &self.document.journey;
        let find = &mut self.ui_state.find;
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
            self.go_to_match(index);
        }
    }

    /// Selects the match's element (the inspector shows it) and brings it into view.
    fn go_to_match(&mut self, index: usize) {
        let Some(found) = self.ui_state.find.matches.get(index).cloned() else {
            return;
        };
        self.ui_state.find.current = Some(index);
        let journey = &self.document.journey;
        let state = &mut self.ui_state;
        match found.place {
            Place::Element(element) => {
                let card = match &element {
                    ElementId::Touchpoint(id) => Some(id.clone()),
                    ElementId::GreyArea(id) => journey.grey_area(id).map(|g| g.from.clone()),
                    ElementId::Opportunity(id) => journey
                        .opportunities
                        .iter()
                        .find(|o| &o.id == id)
                        .and_then(|o| match &o.target {
                            crate::model::OpportunityTarget::Touchpoint(t) => Some(t.clone()),
                            crate::model::OpportunityTarget::GreyArea(g) => {
                                journey.grey_area(g).map(|g| g.from.clone())
                            }
                        }),
                    ElementId::Channel(_) | ElementId::Department(_) | ElementId::Curve(_) => {
                        state.show_catalogue = true;
                        None
                    }
                    ElementId::Evidence(_) => None,
                };
                if let Some(card) = card {
                    state.active_stage = journey.touchpoint(&card).map(|t| t.stage);
                    state.reveal = Some(card);
                }
                state.selection = vec![element];
            }
            Place::Stage(stage) => {
                state.selection.clear();
                state.active_stage = Some(stage);
                state.view.focus_stage(stage);
            }
            Place::Journey => {
                state.selection.clear();
                state.hide_journey_panel = false;
            }
        }
    }
}

/// What the match belongs to, in a few words.
fn place_name(journey: &crate::model::Journey, place: &Place, i18n: &crate::i18n::I18n) -> String {
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
        Place::Stage(stage) => i18n.stage_name(journey, *stage),
        Place::Journey => i18n.tr("find-journey"),
    }
}
