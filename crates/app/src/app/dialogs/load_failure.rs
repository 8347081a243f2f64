//! A journey file that cannot be opened (a merge conflict, a typo, a newer version)
//! gets its own view instead of the map: its name, every error with line and column,
//! and Reload. The session opens it again by itself when the file changes on disk.
//! While it is shown nothing can be saved, so Ctrl+S never writes another map under
//! that name; after a failed Open, "Back" returns to the journey that was open,
//! untouched. A component: it owns the resolver while one is open.

use super::resolve::{Outcome, Resolving, resolve_ui};
use crate::app::action::{Action, Actions, FailureChoice};
use crate::app::commands::AppCommand;
use crate::i18n::I18n;
use crate::session::Failure;

/// A message is cut here (a huge value quoted in an error stays readable).
const MAX_MESSAGE_CHARS: usize = 400;

/// The view's own state: the resolver, open or not, for which failure.
#[derive(Debug, Default)]
pub struct FailureView {
    resolving: Option<Resolving>,
    /// The failure the resolver belongs to (path and message).
    of: Option<(std::path::PathBuf, String)>,
}

impl FailureView {
    /// Draws the view of `failure`; `behind` names the journey "Back" returns to.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        failure: &Failure,
        behind: &str,
        i18n: &I18n,
        actions: &Actions,
    ) {
        let key = (failure.path.clone(), failure.message.clone());
        if self.of.as_ref() != Some(&key) {
            self.of = Some(key);
            self.resolving = None;
        }
        if let Some(resolving) = &mut self.resolving {
            let mut outcome = None;
            egui::CentralPanel::default().show(ui, |ui| {
                ui.add_space(16.0);
                outcome = resolve_ui(ui, i18n, &failure.file_name(), resolving);
            });
            match outcome {
                Some(Outcome::Cancel) => self.resolving = None,
                Some(Outcome::Apply) => match resolving.resolution.result() {
                    Ok(journey) => actions.push(Action::Resolved(Box::new(journey))),
                    Err(errors) => resolving.errors = errors,
                },
                None => {}
            }
            return;
        }
        if errors_ui(ui, failure, behind, i18n, actions) {
            self.resolving = failure.resolution.clone().map(|resolution| Resolving {
                resolution,
                errors: Vec::new(),
            });
        }
    }
}

/// The errors and the buttons; returns whether the resolver was asked for.
fn errors_ui(
    ui: &mut egui::Ui,
    failure: &Failure,
    behind: &str,
    i18n: &I18n,
    actions: &Actions,
) -> bool {
    let mut resolve = false;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.set_max_width(860.0);
            ui.heading(
                egui::RichText::new(crate::tr!(
                    i18n,
                    "load-failed-title",
                    file = failure.file_name()
                ))
                .size(24.0)
                .strong(),
            );
            ui.label(egui::RichText::new(failure.path.display().to_string()).weak());
            ui.add_space(12.0);
            ui.label(i18n.tr("load-failed-body"));
            ui.add_space(12.0);
        });
        let total = failure.diagnostics.len();
        if total > 0 {
            ui.label(
                egui::RichText::new(crate::tr!(i18n, "load-failed-count", count = total)).strong(),
            );
        }
        egui::ScrollArea::vertical()
            .max_height(ui.available_height() - 80.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if failure.diagnostics.is_empty() {
                    ui.monospace(crate::bounded::ellipsized(
                        &failure.message,
                        MAX_MESSAGE_CHARS,
                    ));
                }
                // The first ones first; a file with thousands of errors stays a list
                // that draws in a frame, and `check` has the rest.
                for diagnostic in failure.diagnostics.iter().take(Failure::MAX_LISTED) {
                    let place = crate::tr!(
                        i18n,
                        "load-failed-at",
                        line = diagnostic.line,
                        column = diagnostic.column
                    );
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            egui::RichText::new(place)
                                .monospace()
                                .color(ui.visuals().error_fg_color),
                        );
                        ui.label(
                            egui::RichText::new(crate::bounded::ellipsized(
                                &diagnostic.message,
                                MAX_MESSAGE_CHARS,
                            ))
                            .monospace(),
                        );
                    });
                }
                if total > Failure::MAX_LISTED {
                    ui.add_space(6.0);
                    ui.label(
                        egui::RichText::new(crate::tr!(
                            i18n,
                            "load-failed-more",
                            count = total - Failure::MAX_LISTED,
                            file = failure.path.display().to_string()
                        ))
                        .italics(),
                    );
                }
            });
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if let Some(resolution) = &failure.resolution {
                let count = resolution.choices.len();
                let label = crate::tr!(i18n, "resolve-open", count = count);
                if ui.button(egui::RichText::new(label).strong()).clicked() {
                    resolve = true;
                }
            }
            if ui.button(i18n.tr("load-failed-reload")).clicked() {
                actions.push(Action::Failure(FailureChoice::Reload));
            }
            if ui.button(i18n.tr("cmd-open")).clicked() {
                actions.push(Action::Command(AppCommand::Open));
            }
            if ui.button(i18n.tr("cmd-new")).clicked() {
                actions.push(Action::Command(AppCommand::New));
            }
            if failure.can_go_back {
                let back = crate::tr!(i18n, "load-failed-back", file = behind);
                if ui.button(back).clicked() {
                    actions.push(Action::Failure(FailureChoice::Back));
                }
            }
        });
        ui.label(egui::RichText::new(i18n.tr("load-failed-watching")).weak());
    });
    resolve
}
