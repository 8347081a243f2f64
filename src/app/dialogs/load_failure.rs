//! A journey file that cannot be opened (a merge conflict, a typo, a newer version)
//! gets its own view instead of the map: its name, every error with line and column,
//! and Reload. It reloads by itself when the file changes on disk and loads. While it
//! is shown nothing can be saved, so Ctrl+S never writes another map under that name;
//! after a failed Open, "Back" returns to the journey that was open, untouched.

use super::resolve::{Outcome, Resolving, resolve_ui};
use crate::app::safety::DiskStamp;
use crate::app::*;
use crate::format::{Diagnostic, FormatError};
use crate::merge::resolve::Resolution;

/// A message is cut here (a huge value quoted in an error stays readable).
const MAX_MESSAGE_CHARS: usize = 400;

#[derive(Debug)]
pub struct LoadFailure {
    pub path: PathBuf,
    /// Positioned errors; empty when the file could not be read at all.
    pub diagnostics: Vec<Diagnostic>,
    /// The error as one text, for read errors without a position.
    pub message: String,
    /// What the file looked like when it failed, to notice when it is fixed.
    stamp: Option<DiskStamp>,
    /// A journey was open before (a failed Open): "Back" returns to it.
    pub can_go_back: bool,
    /// A merge conflict whose two sides read as journeys: it can be resolved here.
    pub resolver: Option<Resolving>,
    /// The resolver is shown instead of the errors.
    pub resolving: bool,
}

impl LoadFailure {
    /// The errors listed in the view; the count says how many there are in all.
    pub const MAX_LISTED: usize = 200;

    pub fn new(path: &std::path::Path, error: &FormatError, can_go_back: bool) -> Self {
        Self {
            path: path.to_owned(),
            diagnostics: error.diagnostics().to_vec(),
            message: error.to_string(),
            stamp: DiskStamp::read(path),
            can_go_back,
            resolver: conflict_resolver(path, error),
            resolving: false,
        }
    }

    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Whether the file on disk differs from the one that failed.
    pub fn changed_on_disk(&self) -> bool {
        DiskStamp::read(&self.path) != self.stamp
    }
}

/// The resolver for a file with merge conflict markers, when both sides read.
fn conflict_resolver(path: &std::path::Path, error: &FormatError) -> Option<Resolving> {
    let conflicted = error
        .diagnostics()
        .iter()
        .any(|d| d.message.starts_with("unresolved merge conflict marker"));
    if !conflicted {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let resolution = Resolution::new(&text).ok()?;
    Some(Resolving {
        resolution,
        errors: Vec::new(),
    })
}

/// What the person chose in the view.
enum Choice {
    Resolve,
    Reload,
    Open,
    New,
    Back,
}

impl JourneyApp {
    /// Commands that make sense while a file that failed to load is shown.
    pub(in crate::app) fn works_without_document(command: AppCommand) -> bool {
        matches!(
            command,
            AppCommand::New | AppCommand::Open | AppCommand::Quit | AppCommand::ShowShortcuts
        )
    }

    /// Tries the failed file again; on success it becomes the open journey.
    pub fn retry_failed_load(&mut self) {
        let Some(failure) = self.failed.take() else {
            return;
        };
        let can_go_back = failure.can_go_back;
        self.open_path(&failure.path);
        if let Some(again) = &mut self.failed {
            again.can_go_back = can_go_back;
        }
    }

    /// Called with the disk checks: reload the failed file once it changes.
    pub(in crate::app) fn watch_failed_file(&mut self) {
        if self
            .failed
            .as_ref()
            .is_some_and(LoadFailure::changed_on_disk)
        {
            self.retry_failed_load();
        }
    }

    /// The resolver for a conflicted file, in place of its errors.
    fn resolver_ui(&mut self, ui: &mut egui::Ui) {
        let Some(failure) = &mut self.failed else {
            return;
        };
        let file = failure.file_name();
        let Some(resolving) = &mut failure.resolver else {
            failure.resolving = false;
            return;
        };
        let mut outcome = None;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(16.0);
            outcome = resolve_ui(ui, &self.i18n, &file, resolving);
        });
        match outcome {
            Some(Outcome::Cancel) => failure.resolving = false,
            Some(Outcome::Apply) => match resolving.resolution.result() {
                Ok(journey) => {
                    let path = failure.path.clone();
                    self.replace_document(Document::new_unsaved(journey, Some(path)));
                    self.ui_state.notice = Some(Notice::Info(self.i18n.tr("resolve-done")));
                }
                Err(errors) => resolving.errors = errors,
            },
            None => {}
        }
    }

    pub(in crate::app) fn load_failure_ui(&mut self, ui: &mut egui::Ui) {
        if self.failed.as_ref().is_some_and(|f| f.resolving) {
            self.resolver_ui(ui);
            return;
        }
        let Some(failure) = &self.failed else {
            return;
        };
        let i18n = &self.i18n;
        let mut choice = None;
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
                    egui::RichText::new(crate::tr!(i18n, "load-failed-count", count = total))
                        .strong(),
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
                    // The first ones first; a file with thousands of errors stays a
                    // list that draws in a frame, and `check` has the rest.
                    for diagnostic in failure.diagnostics.iter().take(LoadFailure::MAX_LISTED) {
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
                    if total > LoadFailure::MAX_LISTED {
                        ui.add_space(6.0);
                        ui.label(
                            egui::RichText::new(crate::tr!(
                                i18n,
                                "load-failed-more",
                                count = total - LoadFailure::MAX_LISTED,
                                file = failure.path.display().to_string()
                            ))
                            .italics(),
                        );
                    }
                });
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if let Some(resolver) = &failure.resolver {
                    let count = resolver.resolution.choices.len();
                    let label = crate::tr!(i18n, "resolve-open", count = count);
                    if ui.button(egui::RichText::new(label).strong()).clicked() {
                        choice = Some(Choice::Resolve);
                    }
                }
                if ui.button(i18n.tr("load-failed-reload")).clicked() {
                    choice = Some(Choice::Reload);
                }
                if ui.button(i18n.tr("cmd-open")).clicked() {
                    choice = Some(Choice::Open);
                }
                if ui.button(i18n.tr("cmd-new")).clicked() {
                    choice = Some(Choice::New);
                }
                if failure.can_go_back {
                    let name = self
                        .document
                        .file_name()
                        .unwrap_or_else(|| i18n.tr("untitled"));
                    let back = crate::tr!(i18n, "load-failed-back", file = name);
                    if ui.button(back).clicked() {
                        choice = Some(Choice::Back);
                    }
                }
            });
            ui.label(egui::RichText::new(i18n.tr("load-failed-watching")).weak());
        });
        match choice {
            Some(Choice::Resolve) => {
                if let Some(failure) = &mut self.failed {
                    failure.resolving = true;
                }
            }
            Some(Choice::Reload) => self.retry_failed_load(),
            Some(Choice::Open) => self.queue(AppCommand::Open),
            Some(Choice::New) => self.queue(AppCommand::New),
            Some(Choice::Back) => self.failed = None,
            None => {}
        }
    }
}
