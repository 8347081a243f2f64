//! Shared helpers for the egui_kittest tests: the real app in a harness, with scripted
//! file dialogs.
#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use journeymap::app::{Document, JourneyApp, ScriptedDialogs, Settings};
use journeymap::model::{Journey, Language};

pub fn app_with(journey: Journey, language: Language) -> (JourneyApp, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::default();
    let settings = Settings {
        language,
        recent_files: Vec::new(),
    };
    let app = JourneyApp::new(
        Document::new(journey, None),
        settings,
        Box::new(dialogs.clone()),
    );
    (app, dialogs)
}

pub fn harness(app: JourneyApp) -> Harness<'static, JourneyApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Presses a shortcut and lets the app settle.
pub fn press(harness: &mut Harness<'_, JourneyApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Clicks the widget with this label and lets the app settle.
pub fn click(harness: &mut Harness<'_, JourneyApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Opens a combo box by its label and picks an option.
pub fn pick(harness: &mut Harness<'_, JourneyApp>, combo: &str, option: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

/// Focuses a text field (one line or several) by label and types into it.
pub fn type_into(harness: &mut Harness<'_, JourneyApp>, label: &str, text: &str) {
    use egui::accesskit::Role;
    let role = if harness
        .query_by_role_and_label(Role::TextInput, label)
        .is_some()
    {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    };
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}
