//! Resolving a merge conflict in the app: each difference between the two sides of a
//! conflicted journey (a field of an element or of the header, or an element one side
//! deleted) is listed with both values side by side; the person keeps ours, theirs, or
//! types a new text. "Use these choices" validates the result like any loaded file and
//! opens it as an unsaved journey, so Ctrl+S writes it without markers.

use crate::i18n::I18n;
use crate::merge::resolve::{Choice, Pick, Resolution};
use crate::model::ElementKind;

/// A conflicted file being resolved.
#[derive(Debug)]
pub struct Resolving {
    pub resolution: Resolution,
    /// Why the last "Use these choices" was refused.
    pub errors: Vec<String>,
}

/// The label of a file field in the interface language: an element's from the table
/// of kinds, the header's here.
fn field_label(i18n: &I18n, kind: Option<ElementKind>, field: &str) -> String {
    let id = match kind {
        Some(kind) => crate::model::field_label(kind, field),
        None => HEADER_LABELS
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, id)| *id),
    };
    id.map_or_else(|| field.to_owned(), |id| i18n.tr(id))
}

/// The header's fields in files, and their labels.
const HEADER_LABELS: &[(&str, &str)] = &[
    ("title", "field-journey-title"),
    ("language", "field-journey-language"),
    ("persona", "field-persona"),
    ("stages", "resolve-field-stages"),
    ("state", "field-state"),
    ("date", "field-date"),
    ("scenario", "field-scenario"),
];

/// What a choice is about: "Touchpoint tp-7 “Checkout” · Title".
fn subject(i18n: &I18n, choice: &Choice) -> String {
    let what = match choice.kind {
        None => i18n.tr("resolve-header"),
        Some(kind) => {
            let term = i18n.term("element", kind.key());
            let mut letters = term.chars();
            let term: String = letters
                .next()
                .map(|first| first.to_uppercase().chain(letters).collect())
                .unwrap_or_default();
            format!("{term} {} “{}”", choice.id, choice.name)
        }
    };
    match choice.field {
        Some(field) => format!("{what} · {}", field_label(i18n, choice.kind, field)),
        None => what,
    }
}

/// One side's value as shown: the value, or what its absence means.
fn shown(i18n: &I18n, choice: &Choice, value: &Option<String>) -> String {
    match (value, choice.field) {
        (Some(v), _) if !v.is_empty() => v.clone(),
        (_, None) => i18n.tr("resolve-deleted"),
        _ => i18n.tr("resolve-empty"),
    }
}

fn side(ui: &mut egui::Ui, choice: &mut Choice, pick: Pick, label: String, value: String) {
    ui.vertical(|ui| {
        if ui.radio(choice.pick == pick, label).clicked() {
            choice.pick = pick;
        }
        let colour = ui.visuals().strong_text_color();
        ui.add(egui::Label::new(egui::RichText::new(value).size(16.0).color(colour)).wrap());
    });
}

pub(in crate::app) enum Outcome {
    Apply,
    Cancel,
}

/// The resolver; returns what the person asked for.
pub(in crate::app) fn resolve_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    file: &str,
    resolving: &mut Resolving,
) -> Option<Outcome> {
    let mut outcome = None;
    let sides = resolving.resolution.sides.clone();
    // The branch names from the markers; plain ours/theirs when the markers have none.
    let side_name = |name: &str, fallback: &str| {
        if name.is_empty() {
            i18n.tr(fallback)
        } else {
            name.to_owned()
        }
    };
    let ours = side_name(&sides.ours_label, "resolve-ours");
    let theirs = side_name(&sides.theirs_label, "resolve-theirs");
    let count = resolving.resolution.choices.len();
    ui.heading(
        egui::RichText::new(crate::tr!(
            i18n,
            "resolve-title",
            count = count,
            file = file
        ))
        .size(24.0)
        .strong(),
    );
    ui.label(crate::tr!(
        i18n,
        "resolve-body",
        ours = ours.as_str(),
        theirs = theirs.as_str()
    ));
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .max_height(ui.available_height() - 110.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, choice) in resolving.resolution.choices.iter_mut().enumerate() {
                ui.push_id(index, |ui| {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(
                            egui::RichText::new(subject(i18n, choice))
                                .strong()
                                .size(16.0),
                        );
                        let (ours_value, theirs_value) = (
                            shown(i18n, choice, &choice.ours.clone()),
                            shown(i18n, choice, &choice.theirs.clone()),
                        );
                        ui.columns(2, |columns| {
                            let keep_ours = crate::tr!(i18n, "resolve-keep", side = ours.as_str());
                            let keep_theirs =
                                crate::tr!(i18n, "resolve-keep", side = theirs.as_str());
                            side(&mut columns[0], choice, Pick::Ours, keep_ours, ours_value);
                            side(
                                &mut columns[1],
                                choice,
                                Pick::Theirs,
                                keep_theirs,
                                theirs_value,
                            );
                        });
                        if choice.editable {
                            ui.horizontal(|ui| {
                                let editing = matches!(choice.pick, Pick::Edited(_));
                                let radio = ui.radio(editing, i18n.tr("resolve-edit"));
                                if radio.clicked() && !editing {
                                    choice.pick =
                                        Pick::Edited(choice.ours.clone().unwrap_or_default());
                                }
                                if let Pick::Edited(text) = &mut choice.pick {
                                    let field = egui::TextEdit::singleline(text)
                                        .desired_width(f32::INFINITY);
                                    ui.add(field).labelled_by(radio.id);
                                }
                            });
                        }
                    });
                });
                ui.add_space(6.0);
            }
        });
    for error in &resolving.errors {
        ui.label(
            egui::RichText::new(error)
                .color(ui.visuals().error_fg_color)
                .monospace(),
        );
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(i18n.tr("resolve-apply")).clicked() {
            outcome = Some(Outcome::Apply);
        }
        if ui.button(i18n.tr("resolve-cancel")).clicked() {
            outcome = Some(Outcome::Cancel);
        }
    });
    outcome
}
