//! Grey areas: the list sorted by severity (click selects and scrolls to it), the
//! suggested handoffs (consecutive touchpoints that change department or channel), and
//! the grey-area inspector.

use crate::app::widgets::{choice, heading, text_area};
use crate::app::*;
use crate::model::*;

/// The grey-area list and the suggestions, computed once per document revision.
#[derive(Debug, Default)]
pub struct ListCache {
    key: Option<u64>,
    /// Indices into `journey.grey_areas`, most severe first.
    sorted: Vec<usize>,
    suggested: Vec<(TouchpointId, TouchpointId)>,
}

impl ListCache {
    /// The suggested handoffs, most likely first.
    pub fn suggested(&self) -> &[(TouchpointId, TouchpointId)] {
        &self.suggested
    }

    pub(in crate::app) fn refresh(&mut self, key: u64, journey: &Journey) {
        if self.key == Some(key) {
            return;
        }
        let mut sorted: Vec<usize> = (0..journey.grey_areas.len()).collect();
        sorted.sort_by_key(|&i| {
            let g = &journey.grey_areas[i];
            (
                std::cmp::Reverse(g.severity),
                g.status == GreyAreaStatus::Resolved,
            )
        });
        *self = Self {
            key: Some(key),
            sorted,
            suggested: crate::document::grey_area_suggestions(journey),
        };
    }
}

/// Suggestions listed (and shown on the canvas) at once; marking or dismissing them
/// makes room for the next.
pub(in crate::app) const SHOWN_SUGGESTIONS: usize = 12;

/// Rows of the grey-area list are laid out only when visible: maps have hundreds.
const LIST_HEIGHT: f32 = 260.0;

pub fn list_ui(p: &mut Panel<'_>, ui: &mut egui::Ui) {
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
                    .ui_state
                    .is_selected(&ElementId::GreyArea(grey.id.clone()));
                let fill = crate::app::canvas::colour(p.theme.grey_area_fill(grey.severity));
                ui.horizontal(|ui| {
                    let (dot, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().circle_filled(dot.center(), 5.0, fill);
                    let label = egui::Button::selectable(selected, format!("{title} · {severity}"))
                        .truncate();
                    if ui.add(label).clicked() {
                        p.ui_state.selection = vec![ElementId::GreyArea(grey.id.clone())];
                        p.ui_state.reveal = Some(grey.from.clone());
                    }
                });
            }
        });
    let suggested = &p.caches.grey_list.suggested;
    if suggested.is_empty() {
        return;
    }
    let heading = crate::tr!(i18n, "grey-suggestions", count = suggested.len());
    egui::CollapsingHeader::new(heading)
        .id_salt("grey_suggestions")
        .default_open(false)
        .show(ui, |ui| {
            let suggested = &suggested[..suggested.len().min(SHOWN_SUGGESTIONS)];
            let name = |id: &TouchpointId| {
                journey
                    .touchpoint(id)
                    .map(|t| t.title.clone())
                    .unwrap_or_default()
            };
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
                        let grey = crate::document::suggested_grey_area(
                            journey,
                            journey.next_grey_area_id(),
                            from,
                            to,
                        );
                        p.ui_state.selection = vec![ElementId::GreyArea(grey.id.clone())];
                        let index = journey.grey_areas.len();
                        p.edits.push(
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
                        p.edits
                            .push(Edit::Header(Box::new(header)), "edit-dismiss-suggestion");
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

pub fn inspector_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, id: &GreyAreaId) {
    let journey = p.journey;
    let Some(original) = journey.grey_area(id) else {
        return;
    };
    let i18n = &p.i18n;
    let mut g = original.clone();
    let mut typed = None;
    heading(ui, &i18n.tr("inspector-grey-area"));
    let name = |t: &TouchpointId| {
        journey
            .touchpoint(t)
            .map(|t| t.title.clone())
            .unwrap_or_default()
    };
    ui.label(format!("{} → {}", name(&g.from), name(&g.to)));
    if text_area(ui, i18n, &i18n.tr("field-title"), &mut g.title, 1).changed() {
        typed = Some("title");
    }
    choice(
        ui,
        &i18n.tr("field-grey-kind"),
        &mut g.kind,
        GreyAreaKind::ALL,
        |k| i18n.term("grey-kind", k.key()),
    );
    choice(
        ui,
        &i18n.tr("field-severity"),
        &mut g.severity,
        Severity::ALL,
        |s| i18n.term("severity", s.key()),
    );
    choice(
        ui,
        &i18n.tr("field-status"),
        &mut g.status,
        GreyAreaStatus::ALL,
        |s| i18n.term("grey-status", s.key()),
    );
    for (field, label, value) in [
        ("experience", "field-experience", &mut g.experience),
        ("fix", "field-fix", &mut g.fix),
        ("owner", "field-owner", &mut g.owner),
    ] {
        if text_area(ui, i18n, &i18n.tr(label), value, 2).changed() {
            typed = Some(field);
        }
    }
    ui.label(
        egui::RichText::new(i18n.tr("field-departments"))
            .small()
            .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        for department in &journey.departments {
            let mut on = g.departments.contains(&department.id);
            if ui.checkbox(&mut on, &department.name).changed() {
                toggle(&mut g.departments, &department.id, on);
            }
        }
    });
    ui.label(
        egui::RichText::new(i18n.tr("field-channels"))
            .small()
            .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        for channel in &journey.channels {
            let mut on = g.channels.contains(&channel.id);
            if ui.checkbox(&mut on, &channel.name).changed() {
                toggle(&mut g.channels, &channel.id, on);
            }
        }
    });
    ui.label(
        egui::RichText::new(i18n.tr("field-evidence"))
            .small()
            .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        for item in &journey.evidence {
            let mut on = g.evidence.contains(&item.id);
            let kind = i18n.term("evidence-kind", item.kind.key());
            if ui
                .checkbox(&mut on, format!("{} {kind}", item.id))
                .on_hover_text(&item.text)
                .changed()
            {
                toggle(&mut g.evidence, &item.id, on);
            }
        }
    });
    if g != *original {
        let edit = Edit::Replace(Element::GreyArea(g.clone()));
        match typed {
            Some(field) => p
                .edits
                .push_typing(edit, "edit-grey-area", format!("{id}/{field}")),
            None => p.edits.push(edit, "edit-grey-area"),
        }
    }
    ui.separator();
    super::opportunities_ui(p, ui, OpportunityTarget::GreyArea(id.clone()));
    ui.separator();
    if ui.button(p.i18n.tr("delete-grey-area")).clicked() {
        p.edits
            .push(Edit::delete_grey_area(journey, id), "edit-delete");
    }
}

fn toggle<T: PartialEq + Clone>(list: &mut Vec<T>, item: &T, on: bool) {
    list.retain(|x| x != item);
    if on {
        list.push(item.clone());
    }
}
