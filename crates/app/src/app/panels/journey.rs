//! The left panel: the journey's header (title, persona, scenario, state, language,
//! date), stage notes, the grey-area list, and the channel and department catalogues.

use super::Panel;
use crate::app::action::{Actions, ViewChange};
use crate::app::widgets::{choice, string_list, text_area, text_field};
use crate::model::{Edit, Header, JourneyState, Language, Stage};

pub fn ui(p: &mut Panel<'_>, ui: &mut egui::Ui) {
    egui::Panel::left("journey")
        .resizable(true)
        .default_size(300.0)
        .size_range(240.0..=520.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let i18n_grey = p.i18n.tr("section-grey-areas");
                    egui::CollapsingHeader::new(i18n_grey)
                        .default_open(true)
                        .show(ui, |ui| {
                            super::grey_list::ui(p, ui);
                        });
                    let header_title = p.i18n.tr("section-journey");
                    egui::CollapsingHeader::new(header_title)
                        .default_open(true)
                        .show(ui, |ui| {
                            header_ui(p, ui);
                        });
                    let stages_title = p.i18n.tr("section-stages");
                    egui::CollapsingHeader::new(stages_title)
                        .default_open(false)
                        .show(ui, |ui| {
                            stage_notes_ui(p, ui);
                        });
                    let catalogue_title = p.i18n.tr("section-catalogue");
                    // Asked to show the catalogue (Edit › Catalogue, Find): opened once.
                    let open = p.workspace.show_catalogue;
                    if open {
                        p.actions.view(ViewChange::ShowCatalogue(false));
                    }
                    egui::CollapsingHeader::new(catalogue_title)
                        .open(open.then_some(true))
                        .show(ui, |ui| {
                            crate::app::panels::catalogue::ui(p, ui);
                        });
                });
        });
}

fn push_header(actions: &Actions, header: Header, typed: Option<&str>) {
    let edit = Edit::Header(Box::new(header));
    match typed {
        Some(field) => actions.typing(edit, "edit-header", format!("header/{field}")),
        None => actions.edit(edit, "edit-header"),
    }
}

fn header_ui(p: &mut Panel<'_>, ui: &mut egui::Ui) {
    let i18n = &p.i18n;
    let original = p.journey.header();
    let mut h = original.clone();
    let mut typed = None;
    if text_field(ui, i18n, &i18n.tr("field-journey-title"), &mut h.title).changed() {
        typed = Some("title");
    }
    if text_field(ui, i18n, &i18n.tr("field-persona"), &mut h.persona.name).changed() {
        typed = Some("persona");
    }
    if text_area(
        ui,
        i18n,
        &i18n.tr("field-persona-description"),
        &mut h.persona.description,
        2,
    )
    .changed()
    {
        typed = Some("persona_description");
    }
    if text_area(ui, i18n, &i18n.tr("field-scenario"), &mut h.scenario, 2).changed() {
        typed = Some("scenario");
    }
    choice(
        ui,
        &i18n.tr("field-state"),
        &mut h.state,
        JourneyState::ALL,
        |s| i18n.term("state", s.key()),
    );
    choice(
        ui,
        &i18n.tr("field-journey-language"),
        &mut h.language,
        Language::ALL,
        |l| i18n.term("language", l.key()),
    );
    if text_field(ui, i18n, &i18n.tr("field-date"), &mut h.date).changed() {
        typed = Some("date");
    }
    for (field, label, list) in [
        ("goals", "field-goals", &mut h.persona.goals),
        ("needs", "field-needs", &mut h.persona.needs),
        (
            "expectations",
            "field-expectations",
            &mut h.persona.expectations,
        ),
    ] {
        if string_list(ui, i18n, &i18n.tr(label), list) {
            typed = Some(field);
        }
    }
    if h != original {
        push_header(p.actions, h, typed);
    }
}

fn stage_notes_ui(p: &mut Panel<'_>, ui: &mut egui::Ui) {
    let i18n = &p.i18n;
    let original = p.journey.header();
    let mut h = original.clone();
    let mut typed = None;
    for stage in Stage::ALL {
        let name = i18n.term("stage", stage.key());
        let title = match p.journey.stage_label(*stage) {
            Some(label) => format!("{name} — {label}"),
            None => name.clone(),
        };
        egui::CollapsingHeader::new(title)
            .id_salt(("notes", stage))
            .show(ui, |ui| {
                let notes = h.stages.entry(*stage).or_default();
                for (field, label, value) in [
                    ("label", "field-stage-label", &mut notes.label),
                    ("goal", "field-stage-goal", &mut notes.goal),
                    ("doing", "field-stage-doing", &mut notes.doing),
                    ("thinking", "field-stage-thinking", &mut notes.thinking),
                    ("feeling", "field-stage-feeling", &mut notes.feeling),
                ] {
                    if text_area(ui, i18n, &format!("{} ({name})", i18n.tr(label)), value, 1)
                        .changed()
                    {
                        typed = Some(field);
                    }
                }
            });
    }
    h.stages.retain(|_, notes| !notes.is_empty());
    if h != original {
        push_header(p.actions, h, typed);
    }
}
