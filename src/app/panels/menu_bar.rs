//! The menu bar. Entries come from the command table (label, shortcut, tooltip); the
//! undo and redo entries name what they will undo.

use crate::app::*;

pub fn ui(app: &mut JourneyApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            let i18n_file = app.i18n.tr("menu-file");
            ui.menu_button(i18n_file, |ui| {
                command_button(app, ui, AppCommand::New);
                command_button(app, ui, AppCommand::Open);
                recent_menu(app, ui);
                ui.separator();
                command_button(app, ui, AppCommand::Save);
                command_button(app, ui, AppCommand::SaveAs);
                ui.separator();
                command_button(app, ui, AppCommand::ExportPng);
                command_button(app, ui, AppCommand::ExportSvg);
                ui.separator();
                command_button(app, ui, AppCommand::Quit);
            });
            let edit = app.i18n.tr("menu-edit");
            ui.menu_button(edit, |ui| {
                command_button(app, ui, AppCommand::Undo);
                command_button(app, ui, AppCommand::Redo);
                ui.separator();
                command_button(app, ui, AppCommand::AddTouchpoint);
                command_button(app, ui, AppCommand::MarkGreyArea);
                command_button(app, ui, AppCommand::Delete);
                ui.separator();
                if ui.button(app.i18n.tr("menu-catalogue")).clicked() {
                    app.ui_state.show_catalogue = true;
                }
            });
            let view = app.i18n.tr("menu-view");
            ui.menu_button(view, |ui| {
                command_button(app, ui, AppCommand::ZoomIn);
                command_button(app, ui, AppCommand::ZoomOut);
                command_button(app, ui, AppCommand::ZoomFit);
                ui.separator();
                command_button(app, ui, AppCommand::Presentation);
                command_button(app, ui, AppCommand::PresentationDark);
                ui.separator();
                command_button(app, ui, AppCommand::FilterNoEvidence);
                command_button(app, ui, AppCommand::FilterChannel);
                command_button(app, ui, AppCommand::FilterDepartment);
                command_button(app, ui, AppCommand::Spotlight);
                command_button(app, ui, AppCommand::ClearFilter);
                ui.separator();
                command_button(app, ui, AppCommand::ShowShortcuts);
            });
            let language = app.i18n.tr("menu-language");
            ui.menu_button(language, |ui| {
                for option in crate::model::Language::ALL {
                    let label = app.i18n.term("language", option.key());
                    if ui.radio(app.settings.language == *option, label).clicked() {
                        app.set_language(*option);
                    }
                }
            });
        });
    });
}

fn command_button(app: &mut JourneyApp, ui: &mut egui::Ui, command: AppCommand) {
    let label = match command {
        AppCommand::Undo => named(app, "cmd-undo-named", app.document.undo_label()),
        AppCommand::Redo => named(app, "cmd-redo-named", app.document.redo_label()),
        _ => None,
    }
    .unwrap_or_else(|| app.i18n.tr(command.label_id()));
    let shortcut = command
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    let button = egui::Button::new(label).shortcut_text(shortcut);
    let response = ui
        .add_enabled(app.command_enabled(command), button)
        .on_hover_text(app.i18n.tr(&command.tooltip_id()));
    if response.clicked() {
        app.queue(command);
        ui.close();
    }
}

/// "Undo: move touchpoint".
fn named(app: &JourneyApp, id: &'static str, what: Option<EditLabel>) -> Option<String> {
    let what = app.i18n.tr(what?);
    Some(crate::tr!(app.i18n, id, what = what))
}

fn recent_menu(app: &mut JourneyApp, ui: &mut egui::Ui) {
    let recent = app.settings.recent_files.clone();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button(app.i18n.tr("menu-recent"), |ui| {
            for path in recent {
                let name = path.display().to_string();
                if ui.button(name).clicked() {
                    let ctx = ui.ctx().clone();
                    app.request(PendingAction::OpenPath(path), &ctx);
                    ui.close();
                }
            }
        });
    });
}
