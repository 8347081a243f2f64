//! Small labelled widgets shared by the panels. Every field carries its label as its
//! accessible name, so tests (and screen readers) find it by label.

use crate::i18n::I18n;
use crate::model::Rgb;
use egui::{Response, TextEdit, Ui};

/// A model colour as egui's.
pub fn colour(rgb: Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// Text longer than this is not edited in a field: egui lays out a field's whole text
/// every frame, and a pasted log of megabytes would stall the editor. Such a field
/// shows its start and offers to shorten it (one undoable edit).
pub const MAX_EDITABLE_BYTES: usize = 64 * 1024;
/// What "Shorten" keeps of a too-large field, in characters.
pub const SHORTENED_CHARS: usize = 2_000;
/// How much of a too-large field is shown, in characters.
const PREVIEW_CHARS: usize = 300;

/// A one-line text field under its label.
pub fn text_field(ui: &mut Ui, i18n: &I18n, label: &str, value: &mut String) -> Response {
    text_field_with_id(ui, i18n, None, label, value)
}

/// A one-line text field under its label, with a fixed id when given.
pub fn text_field_with_id(
    ui: &mut Ui,
    i18n: &I18n,
    id: Option<egui::Id>,
    label: &str,
    value: &mut String,
) -> Response {
    let label = ui.label(egui::RichText::new(label).small().strong());
    if let Some(response) = too_large(ui, i18n, value) {
        return response;
    }
    let mut field = TextEdit::singleline(value).desired_width(f32::INFINITY);
    if let Some(id) = id {
        field = field.id(id);
    }
    ui.add(field).labelled_by(label.id)
}

/// A multi-line text field under its label.
pub fn text_area(
    ui: &mut Ui,
    i18n: &I18n,
    label: &str,
    value: &mut String,
    rows: usize,
) -> Response {
    text_area_with_id(ui, i18n, None, label, value, rows)
}

/// A field too large to edit: its start, its size, and "Shorten", whose response is
/// marked changed when it shortened the text. None for a field of ordinary size.
pub fn too_large(ui: &mut Ui, i18n: &I18n, value: &mut String) -> Option<Response> {
    if value.len() <= MAX_EDITABLE_BYTES {
        return None;
    }
    let megabytes = format!("{:.1}", value.len() as f64 / 1_000_000.0);
    let mut response = egui::Frame::group(ui.style())
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new(crate::bounded::ellipsized(value, PREVIEW_CHARS))
                    .monospace()
                    .weak(),
            );
            ui.label(
                egui::RichText::new(crate::tr!(i18n, "field-too-large", megabytes = megabytes))
                    .color(ui.visuals().warn_fg_color),
            );
            ui.button(crate::tr!(i18n, "field-shorten", count = SHORTENED_CHARS))
        })
        .inner;
    if response.clicked() {
        let (start, _) = crate::bounded::prefix(value, SHORTENED_CHARS);
        *value = start.to_owned();
        response.mark_changed();
    }
    Some(response)
}

/// The id of an element's field, known before the field is drawn, so that creating
/// the element can put the keyboard focus in it (`focus_field`).
pub fn field_id(element: &str, field: &str) -> egui::Id {
    egui::Id::unique(("field", element, field))
}

/// Moves the keyboard focus to a field drawn this frame or the next one.
pub fn focus_field(ui: &Ui, id: egui::Id) {
    ui.memory_mut(|m| m.request_focus(id));
}

/// Focuses a field and selects its placeholder text ("New channel"), so typing
/// replaces it.
pub fn focus_field_selecting(ui: &Ui, id: egui::Id, text: &str) {
    let mut state = egui::text_edit::TextEditState::default();
    state
        .cursor
        .set_char_range(Some(egui::text_selection::CCursorRange::select_all_str(
            text,
        )));
    state.store(ui.ctx(), id);
    focus_field(ui, id);
}

/// A multi-line text field under its label, with a fixed id when given.
pub fn text_area_with_id(
    ui: &mut Ui,
    i18n: &I18n,
    id: Option<egui::Id>,
    label: &str,
    value: &mut String,
    rows: usize,
) -> Response {
    let label = ui.label(egui::RichText::new(label).small().strong());
    if let Some(response) = too_large(ui, i18n, value) {
        return response;
    }
    let mut field = TextEdit::multiline(value)
        .desired_rows(rows)
        .desired_width(f32::INFINITY);
    if let Some(id) = id {
        field = field.id(id);
    }
    ui.add(field).labelled_by(label.id)
}

/// A drop-down over a closed vocabulary, each option named by `name`.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut T,
    options: &[T],
    name: impl Fn(T) -> String,
) -> bool {
    let before = *value;
    egui::ComboBox::from_label(label)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for option in options {
                ui.selectable_value(value, *option, name(*option));
            }
        });
    *value != before
}

/// An editable list of short texts (pain points, goals): edit, remove, add. "Add"
/// puts the keyboard focus in the new row, so what is typed next lands there and not on
/// the canvas, where single letters are commands. Returns whether the list changed.
pub fn string_list(ui: &mut Ui, i18n: &I18n, label: &str, items: &mut Vec<String>) -> bool {
    let mut changed = false;
    ui.label(egui::RichText::new(label).small().strong());
    let list_id = ui.make_persistent_id(("string_list", label));
    let mut remove = None;
    for (index, item) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let name = format!("{label} {}", index + 1);
            let remove_label = crate::tr!(i18n, "remove-item", item = name.clone());
            if remove_button(ui, &remove_label).clicked() {
                remove = Some(index);
            }
            if let Some(response) = too_large(ui, i18n, item) {
                changed |= response.changed();
                return;
            }
            let field = TextEdit::singleline(item)
                .id(list_id.with(index))
                .desired_width(f32::INFINITY);
            let response = ui.add(field);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, &name)
            });
            changed |= response.changed();
        });
    }
    if let Some(index) = remove {
        items.remove(index);
        changed = true;
    }
    if ui
        .small_button(crate::tr!(i18n, "add-item", list = label))
        .clicked()
    {
        items.push(String::new());
        // The row is drawn next frame; egui keeps a focus request for one frame.
        focus_field(ui, list_id.with(items.len() - 1));
        changed = true;
    }
    changed
}

/// The small "×" button that removes something, named for screen readers and tests
/// by what it removes ("Delete Kiosk"), with the same words as its tooltip.
pub fn remove_button(ui: &mut Ui, name: &str) -> Response {
    let response = ui.small_button("×").on_hover_text(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, name));
    response
}

/// A section heading inside a panel.
pub fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(egui::RichText::new(text).heading().strong());
    ui.add_space(2.0);
}

/// The names new catalogue entries of `kind` start with, in every interface language
/// ("New actor", "Nuevo actor"): an entry still under one has its id remade from the
/// first name typed (`model::id_from_name`).
pub fn placeholder_names(kind: crate::model::ElementKind) -> Vec<String> {
    use crate::model::ElementKind as K;
    let key = match kind {
        K::Actor => "actor-new-name",
        K::Channel => "new-channel",
        K::Department => "new-department",
        K::Curve => "new-curve",
        _ => return Vec::new(),
    };
    crate::model::Language::ALL
        .iter()
        .map(|language| I18n::new(*language).tr(key))
        .collect()
}

/// When the name field of catalogue entry `id` (of `kind`) loses focus with a name
/// typed over its placeholder: the edit that gives it an id made from that name (every
/// reference following), to merge into the typing's undo step. `named` is the journey
/// with the name as typed.
pub fn id_from_name_edit(
    journey: &crate::model::Journey,
    named: &crate::model::Journey,
    kind: crate::model::ElementKind,
    id: &str,
) -> Option<crate::model::Edit> {
    let work = crate::model::id_from_name(named, kind, id, &placeholder_names(kind))?;
    Some(crate::model::Edit::between(journey, &work))
}

/// The phase of its stage a card or step is in: none, or one the stage lists (a stage
/// without phases shows nothing). Returns whether it changed.
pub fn phase_picker(
    ui: &mut Ui,
    i18n: &I18n,
    journey: &crate::model::Journey,
    stage: crate::model::Stage,
    id: &str,
    phase: &mut String,
) -> bool {
    let phases: Vec<String> = journey
        .stages
        .get(&stage)
        .map(|n| n.phases.clone())
        .unwrap_or_default();
    if phases.is_empty() && phase.is_empty() {
        return false;
    }
    let none = i18n.tr("phase-none");
    let before = phase.clone();
    let label = ui.label(egui::RichText::new(i18n.tr("field-phase")).small().strong());
    let shown = if phase.is_empty() {
        none.clone()
    } else {
        phase.clone()
    };
    let combo = egui::ComboBox::from_id_salt(("phase", id))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(phase, String::new(), &none);
            for p in &phases {
                ui.selectable_value(phase, p.clone(), p);
            }
        });
    let _ = combo.response.labelled_by(label.id);
    *phase != before
}
