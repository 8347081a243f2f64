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

/// One entry of a menu: a command from the table, a separator, or a submenu of
/// commands under a title.
#[derive(Clone, Copy, PartialEq)]
enum Entry {
    Command(AppCommand),
    Separator,
    Sub(&'static str, &'static [AppCommand]),
}

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
            use Entry::{Command as C, Separator as S, Sub};
            let groups: [(&str, &[Entry]); 4] = [
                (
                    "menu-file",
                    &[
                        C(AppCommand::New),
                        C(AppCommand::NewFromTemplate),
                        C(AppCommand::Open),
                        C(AppCommand::Import),
                        C(AppCommand::ImportLog),
                        S,
                        C(AppCommand::Save),
                        C(AppCommand::SaveAs),
                        S,
                        C(AppCommand::ExportPng),
                        C(AppCommand::ExportSvg),
                        S,
                        C(AppCommand::Quit),
                    ],
                ),
                (
                    "menu-edit",
                    &[
                        C(AppCommand::Undo),
                        C(AppCommand::Redo),
                        S,
                        C(AppCommand::AddTouchpoint),
                        C(AppCommand::MarkGreyArea),
                        C(AppCommand::AddStep),
                        C(AppCommand::Delete),
                        S,
                        C(AppCommand::Find),
                        S,
                    ],
                ),
                // Short enough to stay on a 720-pixel screen at twice the interface
                // size: the rest in submenus.
                (
                    "menu-view",
                    &[
                        C(AppCommand::ZoomIn),
                        C(AppCommand::ZoomOut),
                        C(AppCommand::ZoomFit),
                        S,
                        C(AppCommand::WallLayout),
                        C(AppCommand::TableView),
                        C(AppCommand::Outline),
                        Sub(
                            "menu-lanes",
                            &[
                                AppCommand::CollapseEmptyStages,
                                AppCommand::EvidenceLane,
                                AppCommand::BlueprintLanes,
                                AppCommand::DataView,
                            ],
                        ),
                        Sub(
                            "menu-panels",
                            &[
                                AppCommand::ToggleJourneyPanel,
                                AppCommand::ToggleInspector,
                                AppCommand::TogglePanels,
                            ],
                        ),
                        Sub(
                            "menu-interface-size",
                            &[AppCommand::InterfaceLarger, AppCommand::InterfaceSmaller],
                        ),
                        S,
                        Sub(
                            "menu-presentation",
                            &[AppCommand::Presentation, AppCommand::PresentationDark],
                        ),
                        Sub(
                            "menu-highlight",
                            &[
                                AppCommand::FilterNoEvidence,
                                AppCommand::FilterChannel,
                                AppCommand::FilterDepartment,
                                AppCommand::Spotlight,
                                AppCommand::ClearFilter,
                            ],
                        ),
                        S,
                        C(AppCommand::ShowShortcuts),
                    ],
                ),
                (
                    "menu-workshop",
                    &[
                        C(AppCommand::OpenRoom),
                        S,
                        C(AppCommand::Presentation),
                        C(AppCommand::Spotlight),
                    ],
                ),
            ];
            for (title, entries) in groups {
                ui.menu_button(menu.i18n.tr(title), |ui| {
                    for entry in entries.iter() {
                        match entry {
                            Entry::Command(command) => {
                                if command_button(menu, ui, *command) {
                                    choice = Some(Action::Command(*command));
                                }
                            }
                            Entry::Separator => {
                                ui.separator();
                            }
                            Entry::Sub(title, commands) => {
                                ui.menu_button(menu.i18n.tr(title), |ui| {
                                    for command in commands.iter() {
                                        if command_button(menu, ui, *command) {
                                            choice = Some(Action::Command(*command));
                                        }
                                    }
                                });
                            }
                        }
                        // The recent files follow Open.
                        if *entry == Entry::Command(AppCommand::Open)
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
