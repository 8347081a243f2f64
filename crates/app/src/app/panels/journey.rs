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
                phases_ui(p.journey, i18n, p.actions, ui, *stage, &name);
            });
    }
    h.stages.retain(|_, notes| !notes.is_empty());
    if h != original {
        push_header(p.actions, h, typed);
    }
}

/// A stage's phases: each renamed when its field is left (its cards and steps follow,
/// one undo step), removed with ×, added with a numbered name to type over.
fn phases_ui(
    journey: &crate::model::Journey,
    i18n: &crate::i18n::I18n,
    actions: &crate::app::action::Actions,
    ui: &mut egui::Ui,
    stage: Stage,
    stage_name: &str,
) {
    let phases: Vec<String> = journey
        .stages
        .get(&stage)
        .map(|n| n.phases.clone())
        .unwrap_or_default();
    let label = format!("{} ({stage_name})", i18n.tr("field-phases"));
    ui.label(egui::RichText::new(&label).small().strong());
    for (index, phase) in phases.iter().enumerate() {
        ui.horizontal(|ui| {
            let remove = crate::tr!(i18n, "remove-item", item = phase.clone());
            if crate::app::widgets::remove_button(ui, &remove).clicked() {
                actions.edit(Edit::rename_phase(journey, stage, phase, ""), "edit-phase");
            }
            let id = ui.make_persistent_id(("phase", stage, index));
            let mut text: String = ui
                .data(|d| d.get_temp::<(String, String)>(id))
                .filter(|(was, _)| was == phase)
                .map_or_else(|| phase.clone(), |(_, typed)| typed);
            let name = format!("{label} {}", index + 1);
            let response = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .id(id.with("field"))
                    .desired_width(f32::INFINITY),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, &name)
            });
            ui.data_mut(|d| d.insert_temp(id, (phase.clone(), text.clone())));
            let new = text.trim();
            if response.lost_focus()
                && !new.is_empty()
                && new != phase
                && !phases.iter().any(|p| p == new)
            {
                actions.edit(Edit::rename_phase(journey, stage, phase, new), "edit-phase");
            }
        });
    }
    if ui
        .small_button(crate::tr!(i18n, "add-item", list = label.clone()))
        .clicked()
    {
        let mut header = journey.header();
        let notes = header.stages.entry(stage).or_default();
        let fresh = (1..)
            .map(|n| crate::tr!(i18n, "phase-numbered", number = n))
            .find(|name| !notes.phases.contains(name))
            .unwrap_or_default();
        notes.phases.push(fresh);
        let id = ui.make_persistent_id(("phase", stage, notes.phases.len() - 1));
        crate::app::widgets::focus_field(ui, id.with("field"));
        actions.edit(Edit::Header(Box::new(header)), "edit-phase");
    }
}
