//! The menu bar. Entries come from the command table (label, shortcut, tooltip); the
//! undo and redo entries name what they will undo. It reads a `Menu` and answers with
//! the action the person chose.

use crate::app::action::{Action, Actions, ViewChange};
use crate::app::commands::AppCommand;
use crate::document::EditLabel;
use crate::i18n::I18n;
use crate::model::Language;
use crate::session::Pending;
use std::path::PathBuf;

/// What the menu bar shows.
pub struct Menu<'a> {
    pub i18n: &'a I18n,
    pub recent_files: &'a [PathBuf],
    pub language: Language,
    pub undo_label: Option<EditLabel>,
    pub redo_label: Option<EditLabel>,
    /// Which commands can run now (the others are greyed out).
    pub enabled: &'a dyn Fn(AppCommand) -> bool,
    /// The journey's extra curves, and whether each is shown.
    pub curves: Vec<(crate::model::CurveId, String, bool)>,
}

pub fn ui(menu: &Menu<'_>, ui: &mut egui::Ui, actions: &Actions) {
    let mut choice = None;
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            let groups: [(&str, &[Option<AppCommand>]); 3] = [
                (
                    "menu-file",
                    &[
                        Some(AppCommand::New),
                        Some(AppCommand::NewFromTemplate),
                        Some(AppCommand::Open),
                        Some(AppCommand::Import),
                        None,
                        Some(AppCommand::Save),
                        Some(AppCommand::SaveAs),
                        None,
                        Some(AppCommand::ExportPng),
                        Some(AppCommand::ExportSvg),
                        None,
                        Some(AppCommand::Quit),
                    ],
                ),
                (
                    "menu-edit",
                    &[
                        Some(AppCommand::Undo),
                        Some(AppCommand::Redo),
                        None,
                        Some(AppCommand::AddTouchpoint),
                        Some(AppCommand::MarkGreyArea),
                        Some(AppCommand::AddStep),
                        Some(AppCommand::Delete),
                        None,
                        Some(AppCommand::Find),
                        None,
                    ],
                ),
                (
                    "menu-view",
                    &[
                        Some(AppCommand::ZoomIn),
                        Some(AppCommand::ZoomOut),
                        Some(AppCommand::ZoomFit),
                        Some(AppCommand::CollapseEmptyStages),
                        Some(AppCommand::EvidenceLane),
                        Some(AppCommand::BlueprintLanes),
                        Some(AppCommand::WallLayout),
                        Some(AppCommand::TableView),
                        None,
                        Some(AppCommand::ToggleJourneyPanel),
                        Some(AppCommand::ToggleInspector),
                        Some(AppCommand::TogglePanels),
                        None,
                        Some(AppCommand::Presentation),
                        Some(AppCommand::PresentationDark),
                        None,
                        Some(AppCommand::FilterNoEvidence),
                        Some(AppCommand::FilterChannel),
                        Some(AppCommand::FilterDepartment),
                        Some(AppCommand::Spotlight),
                        Some(AppCommand::ClearFilter),
                        None,
                        Some(AppCommand::ShowShortcuts),
                    ],
                ),
            ];
            for (title, entries) in groups {
                ui.menu_button(menu.i18n.tr(title), |ui| {
                    for entry in entries.iter() {
                        match entry {
                            Some(command) => {
                                if command_button(menu, ui, *command) {
                                    choice = Some(Action::Command(*command));
                                }
                            }
                            None => {
                                ui.separator();
                            }
                        }
                        // The recent files follow Open.
                        if *entry == Some(AppCommand::Open)
                            && let Some(path) = recent_menu(menu, ui)
                        {
                            choice = Some(Action::Request(Pending::OpenPath(path)));
                        }
                    }
                    if title == "menu-view" {
                        for (id, name, shown) in &menu.curves {
                            let label = crate::tr!(menu.i18n, "curve-show", curve = name.clone());
                            if ui.checkbox(&mut shown.clone(), label).clicked() {
                                choice = Some(Action::View(ViewChange::ToggleCurve(id.clone())));
                                ui.close();
                            }
                        }
                    }
                    if title == "menu-edit" && ui.button(menu.i18n.tr("menu-catalogue")).clicked() {
                        choice = Some(Action::View(ViewChange::ShowCatalogue(true)));
                        ui.close();
                    }
                });
            }
            ui.menu_button(menu.i18n.tr("menu-language"), |ui| {
                for option in Language::ALL {
                    let label = menu.i18n.term("language", option.key());
                    if ui.radio(menu.language == *option, label).clicked() {
                        choice = Some(Action::Language(*option));
                    }
                }
            });
        });
    });
    if let Some(action) = choice {
        actions.push(action);
    }
}

/// One command's entry; returns whether it was chosen.
fn command_button(menu: &Menu<'_>, ui: &mut egui::Ui, command: AppCommand) -> bool {
    let label = match command {
        AppCommand::Undo => named(menu, "cmd-undo-named", menu.undo_label),
        AppCommand::Redo => named(menu, "cmd-redo-named", menu.redo_label),
        _ => None,
    }
    .unwrap_or_else(|| menu.i18n.tr(command.label_id()));
    let shortcut = command
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    let button = egui::Button::new(label).shortcut_text(shortcut);
    let response = ui
        .add_enabled((menu.enabled)(command), button)
        .on_hover_text(menu.i18n.tr(&command.tooltip_id()));
    let clicked = response.clicked();
    if clicked {
        ui.close();
    }
    clicked
}

/// "Undo: move touchpoint".
fn named(menu: &Menu<'_>, id: &'static str, what: Option<EditLabel>) -> Option<String> {
    let what = menu.i18n.tr(what?);
    Some(crate::tr!(menu.i18n, id, what = what))
}

fn recent_menu(menu: &Menu<'_>, ui: &mut egui::Ui) -> Option<PathBuf> {
    let mut picked = None;
    ui.add_enabled_ui(!menu.recent_files.is_empty(), |ui| {
        ui.menu_button(menu.i18n.tr("menu-recent"), |ui| {
            for path in menu.recent_files {
                if ui.button(path.display().to_string()).clicked() {
                    picked = Some(path.clone());
                    ui.close();
                }
            }
        });
    });
    picked
}
