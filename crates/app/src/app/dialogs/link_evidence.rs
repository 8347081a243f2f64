//! Link evidence… (Ctrl+L): the keyboard's path for the inspector's "Link evidence"
//! list. The evidence items not yet linked to the selected card, step or grey area, one
//! per row; Up and Down choose, Enter links (one undo step), Esc closes. Each row is a
//! button too.

use crate::app::action::Actions;
use crate::i18n::I18n;
use crate::model::{Edit, Element, ElementId, EvidenceId, Journey};

/// The choice being made, with every row's words and edit worked out when it opened.
#[derive(Debug)]
pub struct LinkEvidence {
    name: String,
    rows: Vec<(String, Edit)>,
    cursor: usize,
}

impl LinkEvidence {
    /// The evidence `target` could link to; none for an element that holds no links.
    pub fn new(journey: &Journey, target: &ElementId, i18n: &I18n) -> Option<Self> {
        let linked: Vec<EvidenceId> = match target {
            ElementId::Touchpoint(id) => journey.touchpoint(id)?.evidence.clone(),
            ElementId::Step(id) => journey.step(id)?.evidence.clone(),
            ElementId::GreyArea(id) => journey.grey_area(id)?.evidence.clone(),
            _ => return None,
        };
        let with = |evidence: &EvidenceId| -> Option<Edit> {
            let element = match target {
                ElementId::Touchpoint(id) => {
                    let mut t = journey.touchpoint(id)?.clone();
                    t.evidence.push(evidence.clone());
                    Element::Touchpoint(t)
                }
                ElementId::Step(id) => {
                    let mut s = journey.step(id)?.clone();
                    s.evidence.push(evidence.clone());
                    Element::Step(s)
                }
                ElementId::GreyArea(id) => {
                    let mut g = journey.grey_area(id)?.clone();
                    g.evidence.push(evidence.clone());
                    Element::GreyArea(g)
                }
                _ => return None,
            };
            Some(Edit::Replace(element))
        };
        let rows = journey
            .evidence
            .iter()
            .filter(|e| !linked.contains(&e.id))
            .filter_map(|e| {
                let kind = i18n.term("evidence-kind", e.kind.key());
                let text: String = e.text.chars().take(80).collect();
                Some((format!("{kind}: {}", text.trim()), with(&e.id)?))
            })
            .collect();
        Some(Self {
            name: crate::words::element_name(journey, target, i18n),
            rows,
            cursor: 0,
        })
    }
}

/// One frame of the list; whether it stays open.
pub fn link_evidence_ui(
    ctx: &egui::Context,
    i18n: &I18n,
    link: &mut LinkEvidence,
    actions: &Actions,
) -> bool {
    let (escape, enter, down, up) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
        )
    });
    let count = link.rows.len();
    if down && count > 0 {
        link.cursor = (link.cursor + 1).min(count - 1);
    }
    if up {
        link.cursor = link.cursor.saturating_sub(1);
    }
    let mut open = !escape;
    let mut chosen = enter.then_some(link.cursor).filter(|c| *c < count);
    let title = crate::tr!(i18n, "link-evidence-title", name = link.name.clone());
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            if count == 0 {
                ui.label(i18n.tr("link-evidence-none"));
                return;
            }
            ui.label(egui::RichText::new(i18n.tr("link-evidence-hint")).weak());
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    for (i, (words, _)) in link.rows.iter().enumerate() {
                        let row = ui.add(
                            egui::Button::selectable(i == link.cursor, words.as_str())
                                .min_size(egui::vec2(540.0, 24.0)),
                        );
                        if i == link.cursor {
                            row.scroll_to_me(None);
                        }
                        if row.clicked() {
                            chosen = Some(i);
                        }
                    }
                });
        });
    if let Some(i) = chosen {
        let (_, edit) = link.rows.swap_remove(i);
        actions.edit(edit, "edit-link-evidence");
        return false;
    }
    open
}
