//! The grey-area list in the journey panel, sorted by severity (click selects and
//! scrolls to it), and the suggested handoffs (consecutive touchpoints that change
//! department or channel) with Mark and Dismiss. The list and the suggestions are
//! computed once per document revision; the canvas draws the same suggestions.

use super::Panel;
use crate::app::action::ViewChange;
use crate::model::{Edit, Element, ElementId, End, Handoff, Journey};

/// The grey-area list and the suggestions, computed once per document revision.
#[derive(Debug, Default)]
pub struct ListCache {
    key: Option<u64>,
    /// Indices into `journey.grey_areas`, in number order (most severe first).
    sorted: Vec<usize>,
    /// Each grey area's number, as every picture shows it.
    numbers: Vec<usize>,
    /// The first suggested handoffs (the ones shown), most likely first.
    suggested: Vec<(End, End)>,
    /// The same pairs as the index of their first touchpoint in the journey.
    shown: Vec<usize>,
    /// How many handoffs are suggested in all.
    suggested_count: usize,
}

impl ListCache {
    /// The shown suggestions as the journey index of each pair's first touchpoint.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    pub(in crate::app) fn refresh(&mut self, key: u64, journey: &Journey) {
        if self.key == Some(key) {
            return;
        }
        let numbers = journey.grey_area_numbers();
        let mut sorted: Vec<usize> = (0..journey.grey_areas.len()).collect();
        sorted.sort_by_key(|&i| numbers[i]);
        let ranked = crate::document::ranked_handoffs(journey);
        let steps = crate::document::step_handoff_suggestions(journey);
        let suggested = ranked
            .iter()
            .take(SHOWN_SUGGESTIONS)
            .map(|&i| {
                let pair = &journey.touchpoints[i..=i + 1];
                (
                    End::Touchpoint(pair[0].id.clone()),
                    End::Touchpoint(pair[1].id.clone()),
                )
            })
            .chain(
                steps
                    .iter()
                    .take(SHOWN_SUGGESTIONS)
                    .map(|(a, b)| (End::Step(a.clone()), End::Step(b.clone()))),
            )
            .collect();
        *self = Self {
            key: Some(key),
            sorted,
            numbers,
            suggested,
            shown: ranked.iter().take(SHOWN_SUGGESTIONS).copied().collect(),
            suggested_count: ranked.len() + steps.len(),
        };
    }
}

/// Suggestions listed (and shown on the canvas) at once; marking or dismissing them
/// makes room for the next.
pub const SHOWN_SUGGESTIONS: usize = 12;

/// Rows of the grey-area list are laid out only when visible: maps have hundreds.
const LIST_HEIGHT: f32 = 260.0;

pub fn ui(p: &mut Panel<'_>, ui: &mut egui::Ui) {
    let key = p.revision;
    p.caches.grey_list.refresh(key, p.journey);
    let i18n = &p.i18n;
    let journey = p.journey;
    if p.caches.grey_list.sorted.is_empty() {
        ui.label(egui::RichText::new(i18n.tr("grey-areas-none")).weak());
    }
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let rows = p.caches.grey_list.sorted.len();
    egui::ScrollArea::vertical()
        .id_salt("grey_list")
        .max_height(LIST_HEIGHT)
        .show_rows(ui, row_height, rows, |ui, range| {
            for &index in &p.caches.grey_list.sorted[range] {
                let grey = &journey.grey_areas[index];
                let severity = i18n.term("severity", grey.severity.key());
                let title = if grey.title.is_empty() {
                    i18n.tr("untitled")
                } else {
                    grey.title.clone()
                };
                let selected = p
                    .workspace
                    .is_selected(&ElementId::GreyArea(grey.id.clone()));
                let fill = crate::app::widgets::colour(p.theme.grey_area_fill(grey.severity));
                ui.horizontal(|ui| {
                    let (dot, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().circle_filled(dot.center(), 5.0, fill);
                    let number = p.caches.grey_list.numbers.get(index).copied().unwrap_or(0);
                    let label = egui::Button::selectable(
                        selected,
                        format!("{number}. {title} · {severity}"),
                    )
                    .truncate();
                    if ui.add(label).clicked() {
                        p.actions.select(vec![ElementId::GreyArea(grey.id.clone())]);
                        if let Some(card) =
                            super::find::first_touchpoint(journey, &grey.from, &grey.to)
                        {
                            p.actions.view(ViewChange::Reveal(card));
                        }
                    }
                });
            }
        });
    let suggested = &p.caches.grey_list.suggested;
    if suggested.is_empty() {
        return;
    }
    let heading = crate::tr!(
        i18n,
        "grey-suggestions",
        count = p.caches.grey_list.suggested_count
    );
    egui::CollapsingHeader::new(heading)
        .id_salt("grey_suggestions")
        .default_open(false)
        .show(ui, |ui| {
            let name = |end: &End| journey.end_title(end).unwrap_or_default().to_owned();
            for (from, to) in suggested {
                ui.horizontal(|ui| {
                    let mark = crate::tr!(
                        i18n,
                        "grey-suggestion-mark",
                        from = name(from),
                        to = name(to)
                    );
                    if ui
                        .small_button(i18n.tr("grey-mark"))
                        .on_hover_text(&mark)
                        .clicked()
                    {
                        let grey = crate::document::suggested_grey_area_between(
                            journey,
                            journey.next_grey_area_id(),
                            from,
                            to,
                        );
                        p.actions.select(vec![ElementId::GreyArea(grey.id.clone())]);
                        let index = journey.grey_areas.len();
                        p.actions.edit(
                            Edit::Insert {
                                index,
                                element: Element::GreyArea(grey),
                            },
                            "edit-mark-grey-area",
                        );
                    }
                    // Dismissed pairs are stored in the journey: the whole team sees
                    // the same short list.
                    if ui
                        .small_button(i18n.tr("grey-dismiss"))
                        .on_hover_text(i18n.tr("grey-dismiss-tip"))
                        .clicked()
                    {
                        let mut header = journey.header();
                        header.dismissed_suggestions.push(Handoff {
                            from: from.clone(),
                            to: to.clone(),
                        });
                        p.actions
                            .edit(Edit::Header(Box::new(header)), "edit-dismiss-suggestion");
                    }
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!("{} → {}", name(from), name(to))).small(),
                        )
                        .truncate(),
                    );
                });
            }
        });
}
