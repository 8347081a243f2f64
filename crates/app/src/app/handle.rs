//! The one handler. Every `Action` the frame's components pushed, and every result a
//! worker sent, comes through `handle`, in order, once per frame: nothing else changes
//! the session or the shared view state. The match is exhaustive: a new action does not
//! compile until it is handled here.

use super::action::{Action, EditRequest, FailureChoice, ViewChange};
use super::dialogs::modal::Modal;
use super::workspace::Notice;
use super::{JourneyApp, Pending};
use crate::session::{Change, ChangeError, ChangeRequest, Report};

impl JourneyApp {
    pub(super) fn handle(&mut self, action: Action) {
        match action {
            Action::Command(command) => self.execute(command),
            Action::Edit(request) => self.apply_request(*request),
            Action::View(change) => self.view_change(change),
            Action::Request(pending) => self.request(pending),
            Action::SaveThen(pending) => self.save(Some(pending)),
            Action::DiscardThen(pending) => {
                self.session.discard_changes();
                self.perform(pending);
            }
            Action::Recovery { index, restore } => {
                if restore {
                    self.session.restore(index);
                } else {
                    self.session.discard_recovery(index);
                }
            }
            Action::Overwrite(answer) => self.session.answer_overwrite(answer),
            Action::Outside(answer) => self.session.answer_outside(answer),
            Action::Failure(FailureChoice::Reload) => self.session.retry_failed(),
            Action::Failure(FailureChoice::Back) => self.session.back_from_failure(),
            Action::ReviewPaste(review) => {
                self.open_modal(super::dialogs::modal::Modal::Paste(review));
            }
            Action::ImportRead(path, result) => self.imported(path, result),
            Action::MeasureLog(path, sheet) => self.measure_log(path, sheet),
            Action::LogProgress(path, read, len) => {
                let file = crate::session::open::file_name(&path);
                match &mut self.modal {
                    Some(super::dialogs::modal::Modal::Measuring(m)) => {
                        m.read = read;
                        m.len = len;
                    }
                    _ => {
                        self.open_modal(super::dialogs::modal::Modal::Measuring(
                            super::dialogs::log_review::Measuring { file, read, len },
                        ));
                    }
                }
            }
            Action::LogMeasured(measured) => self.log_measured(*measured),
            Action::RoomChanged => self.sync_room(),
            Action::ApplyPlanned {
                base,
                from,
                to,
                label,
            } => self.change(ChangeRequest {
                change: Change::Between { from, to },
                label,
                coalesce: None,
                base,
            }),
            Action::Delete(elements) => self.delete(elements),
            Action::DeleteConfirmed(elements, referrers) => {
                if let Some(referrers) = referrers {
                    self.delete_with(&elements, referrers);
                }
            }
            Action::Resolved(journey) => {
                let reports = self.session.resolved(*journey);
                self.reports(reports);
            }
            Action::AskFile(kind, purpose) => self.ask_file(kind, purpose),
            Action::FileChosen(purpose, path) => self.file_chosen(purpose, path),
            Action::Export(request) => {
                self.settings.export = super::settings::ExportChoices {
                    format: request.format,
                    options: request.options,
                };
                self.ask_export_path(request);
            }
            Action::Language(language) => self.set_language(language),
            Action::CancelOpening => self.session.cancel_opening(),
            Action::Dropped(paths) => self.dropped(paths),
            Action::FocusMoved => self.session.break_coalescing(),
            Action::Session(event) => {
                let reports = self.session.on_event(event);
                self.reports(reports);
            }
        }
    }

    /// An edit of the open document; one made against a document replaced meanwhile is
    /// dropped.
    fn apply_request(&mut self, request: EditRequest) {
        let EditRequest {
            document,
            base,
            edit,
            label,
            coalesce,
        } = request;
        // Nothing edits a document about to be replaced (a file is opening) or hidden
        // behind the failed-load view.
        let elsewhere = self.session.opening().is_some() || self.session.failure().is_some();
        if document != self.session.document().id() || elsewhere {
            return;
        }
        self.change(ChangeRequest {
            change: Change::Edit(Box::new(edit)),
            label,
            coalesce,
            base,
        });
    }

    /// The one place the app changes the document: through the session's door, which
    /// rebases a change made against an older state or refuses it, saying why.
    pub(super) fn change(&mut self, request: ChangeRequest) {
        match self.session.change(request) {
            Ok(()) => {}
            Err(ChangeError::Edit(error)) => {
                self.workspace.notice = Some(Notice::Error(error.to_string()));
            }
            Err(ChangeError::Stale(names)) => {
                let names: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
                self.workspace.notice = Some(Notice::Error(crate::tr!(
                    self.i18n,
                    "edit-refused-stale",
                    names = names.join(", "),
                    count = names.len()
                )));
            }
        }
        self.workspace.prune(self.session.journey());
    }

    fn view_change(&mut self, change: ViewChange) {
        let workspace = &mut self.workspace;
        match change {
            ViewChange::Select(selection) => workspace.selection = selection,
            ViewChange::ToggleSelected(element) => {
                if let Some(at) = workspace.selection.iter().position(|e| *e == element) {
                    workspace.selection.remove(at);
                } else {
                    workspace.selection.push(element);
                }
            }
            ViewChange::SelectNew(id, stage) => {
                workspace.select_new_touchpoint(id.clone(), stage);
                if workspace.table {
                    workspace.focus_request = None;
                    self.panels.table.edit_new_row(&id);
                }
            }
            ViewChange::ActiveStage(stage) => workspace.active_stage = Some(stage),
            ViewChange::Reveal(id) => workspace.reveal = Some(id),
            ViewChange::FocusStage(stage) => self.panels.canvas.view.focus_stage(stage),
            ViewChange::Focus(id) => workspace.focus_request = Some(id),
            ViewChange::ShowCatalogue(show) => workspace.show_catalogue = show,
            ViewChange::ShowJourneyPanel => workspace.hide_journey_panel = false,
            ViewChange::ToggleCurve(id) => workspace.toggle_curve(id),
            ViewChange::Notice(notice) => workspace.notice = notice,
        }
    }

    pub(super) fn reports(&mut self, reports: Vec<Report>) {
        for report in reports {
            self.report(report);
        }
    }

    /// What the session says happened, told to the person.
    pub(super) fn report(&mut self, report: Report) {
        let file = |path: &std::path::Path| crate::session::open::file_name(path);
        match report {
            Report::Replaced => {
                let path = self.session.document().path.clone();
                let arrangement = self.settings.arrangement_for(path.as_deref());
                let table = self.settings.table_for(path.as_deref());
                self.workspace.reset_for_new_document(arrangement, table);
                if matches!(self.modal, Some(super::dialogs::modal::Modal::Paste(_))) {
                    self.modal = None;
                }
                self.panels.reset_for_new_document();
            }
            Report::Opened { path, comments } => {
                self.settings.remember(&path);
                let warning = matches!(self.workspace.notice, Some(Notice::Warning(_)));
                if comments > 0 {
                    self.workspace.notice = Some(Notice::Info(crate::tr!(
                        self.i18n,
                        "notice-comments",
                        count = comments
                    )));
                } else if !warning {
                    self.workspace.notice = None;
                }
            }
            Report::Reloaded { path } => {
                self.workspace.notice = Some(Notice::Info(crate::tr!(
                    self.i18n,
                    "outside-reloaded",
                    file = file(&path)
                )));
            }
            Report::OpenElsewhere { path } => {
                self.workspace.notice = Some(Notice::Warning(crate::tr!(
                    self.i18n,
                    "notice-open-elsewhere",
                    file = file(&path)
                )));
            }
            Report::NotOpenElsewhere => {
                // Only the "open in another window" warning goes; another (an export's)
                // stays.
                let elsewhere =
                    self.session.document().path.as_deref().map(|path| {
                        crate::tr!(self.i18n, "notice-open-elsewhere", file = file(path))
                    });
                if let Some(Notice::Warning(text)) = &self.workspace.notice
                    && Some(text) == elsewhere.as_ref()
                {
                    self.workspace.notice = None;
                }
            }
            Report::Saved { path } => {
                self.settings.remember(&path);
                self.workspace.notice = Some(Notice::Info(crate::tr!(
                    self.i18n,
                    "notice-saved",
                    file = path.display().to_string()
                )));
            }
            Report::SaveFailed(error) => self.workspace.notice = Some(Notice::Error(error)),
            Report::AutosaveFailed(error) | Report::RestoreFailed(error) => {
                self.workspace.notice = Some(Notice::Error(crate::tr!(
                    self.i18n,
                    "notice-autosave-failed",
                    error = error
                )));
            }
            Report::AutosaveWorks => {
                self.workspace.notice = Some(Notice::Info(self.i18n.tr("notice-autosave-works")));
            }
            Report::Then(pending) => self.perform(pending),
            Report::Resolved => {
                self.workspace.notice = Some(Notice::Info(self.i18n.tr("resolve-done")));
            }
            Report::Exported(result) => {
                self.workspace.notice = Some(match result {
                    Ok(written) => {
                        let name = |p: &std::path::Path| p.display().to_string();
                        let files = match written.files.as_slice() {
                            [first, .., last] => format!("{} … {}", name(first), name(last)),
                            [one] => name(one),
                            [] => String::new(),
                        };
                        let done = crate::tr!(self.i18n, "notice-exported", file = files);
                        // What the export left out or printed small is said, not lost.
                        if written.warnings.is_empty() {
                            Notice::Info(done)
                        } else {
                            Notice::Warning(format!("{done}. {}", written.warnings.join("; ")))
                        }
                    }
                    Err(error) => Notice::Error(error),
                });
            }
        }
    }

    /// Opens `modal` unless a prompt that guards work is open. Returns whether it did.
    pub(super) fn open_modal(&mut self, modal: Modal) -> bool {
        if self.modal.as_ref().is_some_and(|m| !m.gives_way()) {
            return false;
        }
        self.modal = Some(modal);
        true
    }

    /// Runs an action that replaces the document, asking first about unsaved changes.
    pub(super) fn request(&mut self, pending: Pending) {
        if self.session.needs_saving() {
            self.open_modal(Modal::UnsavedChanges(pending));
        } else {
            self.perform(pending);
        }
    }
}
