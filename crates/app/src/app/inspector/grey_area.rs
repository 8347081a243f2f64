//! The grey-area inspector: title, kind, severity, status, what the customer
//! experiences, the fix and its owner, departments and channels involved, evidence and
//! opportunities.

use crate::app::panels::Panel;
use crate::app::widgets::{choice, field_id, heading, text_area, text_area_with_id};
use crate::model::{
    Edit, Element, ElementId, GreyAreaId, GreyAreaKind, GreyAreaStatus, OpportunityTarget, Severity,
};

pub fn inspector_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, id: &GreyAreaId) {
    let journey = p.journey;
    let Some(original) = journey.grey_area(id) else {
        return;
    };
    let i18n = &p.i18n;
    let mut g = original.clone();
    let mut typed = None;
    heading(ui, &i18n.tr("inspector-grey-area"));
    let name = |end: &crate::model::End| journey.end_title(end).unwrap_or_default().to_owned();
    ui.label(format!("{} → {}", name(&g.from), name(&g.to)));
    let title_id = field_id(id.as_str(), "title");
    if text_area_with_id(
        ui,
        i18n,
        Some(title_id),
        &i18n.tr("field-title"),
        &mut g.title,
        1,
    )
    .changed()
    {
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
            // An entry without a name is named by its id: every box has a label.
            let name = crate::words::element_name(
                journey,
                &crate::model::ElementId::Department(department.id.clone()),
                i18n,
            );
            if ui.checkbox(&mut on, name).changed() {
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
            let name = crate::words::element_name(
                journey,
                &crate::model::ElementId::Channel(channel.id.clone()),
                i18n,
            );
            if ui.checkbox(&mut on, name).changed() {
                toggle(&mut g.channels, &channel.id, on);
            }
        }
    });
    super::evidence_checkboxes(ui, i18n, journey, &mut g.evidence);
    if g != *original {
        let edit = Edit::Replace(Element::GreyArea(g.clone()));
        match typed {
            Some(field) => p
                .actions
                .typing(edit, "edit-grey-area", format!("{id}/{field}")),
            None => p.actions.edit(edit, "edit-grey-area"),
        }
    }
    ui.separator();
    super::opportunities_ui(p, ui, OpportunityTarget::GreyArea(id.clone()));
    ui.separator();
    if ui.button(p.i18n.tr("delete-grey-area")).clicked() {
        p.actions.edit(
            Edit::delete(journey, &ElementId::GreyArea(id.clone())),
            "edit-delete",
        );
    }
}

fn toggle<T: PartialEq + Clone>(list: &mut Vec<T>, item: &T, on: bool) {
    list.retain(|x| x != item);
    if on {
        list.push(item.clone());
    }
}
