//! What the editor does with files: new and open (after the unsaved-changes guard),
//! save and save as, the file dialogs' answers, exports (on a worker, their result an
//! action like any other), dropped files and attachments. Every read and write of the
//! journey goes through the session.

use super::action::{Action, DialogPurpose};
use super::dialogs::file_dialog::DialogKind;
use super::dialogs::file_picker::FilePicker;
use super::dialogs::modal::Modal;
use super::workspace::{ExportRequest, Notice};
use super::{JourneyApp, Pending, Settings, is_journey};
use crate::document::attachment_path;
use crate::format;
use crate::model::{Edit, Element, ElementId, EvidenceId, Journey, Language, slug};
use crate::session::{Change, ChangeRequest, Event};
use std::path::{Path, PathBuf};

/// The example shown the first time the app starts (no file given, none recent).
pub fn welcome_journey(settings: &Settings) -> Journey {
    let text = match settings.language {
        Language::Es => include_str!("../../../../journeys/portabilidad-operador-movil.ron"),
        Language::En => include_str!("../../../../journeys/online-order-delivery-return.ron"),
    };
    format::parse(text)
        .map(|p| p.journey)
        .unwrap_or_else(|_| Journey::new("", settings.language))
}

/// A file name for the journey's title, with `extension`.
fn suggested_name(title: &str, extension: &str) -> String {
    let base = slug(title);
    let base = if base.is_empty() { "journey" } else { &base };
    format!("{base}.{extension}")
}

impl JourneyApp {
    /// Does `pending` without asking about unsaved changes.
    pub(super) fn perform(&mut self, pending: Pending) {
        match pending {
            Pending::New => {
                let journey =
                    Journey::empty(self.i18n.tr("untitled-journey"), self.settings.language);
                let reports = self.session.new_document(journey);
                self.reports(reports);
            }
            Pending::NewWithCatalogue => {
                let journey =
                    Journey::new(self.i18n.tr("untitled-journey"), self.settings.language);
                let reports = self.session.new_document(journey);
                self.reports(reports);
            }
            Pending::NewJourney(journey) => {
                let reports = self.session.new_document(*journey);
                self.reports(reports);
            }
            Pending::NewFromTemplate(key) => {
                if let Some(template) = crate::templates::find(key) {
                    let journey = crate::templates::build(template, self.settings.language);
                    let reports = self.session.new_document(journey);
                    self.reports(reports);
                }
            }
            Pending::Open => self.ask_file(DialogKind::OpenJourney, DialogPurpose::Open),
            Pending::OpenPath(path) => self.session.open(&path, true),
            Pending::Quit => {
                self.frame.quit_confirmed = true;
                self.frame.viewport.push(egui::ViewportCommand::Close);
            }
        }
    }

    /// Saves to the document's path (Ctrl+S), or asks where first; `then` runs once the
    /// save has landed.
    pub(super) fn save(&mut self, then: Option<Pending>) {
        if self.session.failure().is_some() {
            return;
        }
        if let Err(then) = self.session.save(then) {
            self.ask_save_as(then);
        }
    }

    pub(super) fn ask_save_as(&mut self, then: Option<Pending>) {
        let suggested_name = suggested_name(&self.session.journey().title, "ron");
        self.ask_file(
            DialogKind::SaveJourney { suggested_name },
            DialogPurpose::SaveAs { then },
        );
    }

    /// Asks the system for a file; where it has no dialog, the app's own picker opens
    /// (and says why, once).
    pub(super) fn ask_file(&mut self, kind: DialogKind, purpose: DialogPurpose) {
        let sender = self.actions.sender();
        let reply = Box::new(move |path| sender.send(Action::FileChosen(purpose, path)));
        let Err((why, reply)) = self.dialogs.request(kind.clone(), reply) else {
            return;
        };
        if !self.frame.builtin_picker_explained {
            self.frame.builtin_picker_explained = true;
            self.workspace.notice = Some(Notice::Info(crate::tr!(
                self.i18n,
                "notice-builtin-picker",
                reason = why.0
            )));
        }
        let near = self
            .session
            .document()
            .path
            .as_deref()
            .and_then(Path::parent);
        let picker = FilePicker::new(kind, reply, near);
        self.open_modal(Modal::FilePicker(Box::new(picker)));
    }

    /// A file dialog's answer.
    pub(super) fn file_chosen(&mut self, purpose: DialogPurpose, path: PathBuf) {
        match purpose {
            DialogPurpose::Open => self.session.open(&path, true),
            DialogPurpose::SaveAs { then } => {
                let path = if path.extension().is_none() {
                    path.with_extension("ron")
                } else {
                    path
                };
                self.session.save_as(path, then);
            }
            DialogPurpose::AttachImage { evidence } => self.attach(&evidence, &path),
            DialogPurpose::Export { options } => self.export_to(path, options),
            DialogPurpose::Import => self.read_import(path),
            DialogPurpose::ImportLog => self.measure_log(path, None),
        }
    }

    /// Measures the map against an event log on a worker, streamed through the
    /// session's guarded reader; logs that take over a second show their progress. The
    /// numbers come back as `Action::LogMeasured`.
    pub(super) fn measure_log(&mut self, path: PathBuf, sheet: Option<String>) {
        use crate::interchange::eventlog::read::{LogFormat, ReadOptions, read_stream};
        use crate::interchange::eventlog::{Conformer, Options, Plan};
        let fs = self.session.fs();
        let sender = self.actions.sender();
        let journey = self.session.journey().clone();
        let token = self.session.busy().token();
        std::thread::spawn(move || {
            let name = crate::session::open::file_name(&path);
            let progress_sender = sender.clone();
            let progress_path = path.clone();
            let result = (|| {
                let plan = Plan::new(&journey, sheet.as_deref()).map_err(|e| e.to_string())?;
                let format = LogFormat::of(&path)
                    .ok_or_else(|| "a log is a .csv or .xes file".to_owned())?;
                let (file, len) = fs.open(&path).map_err(|e| e.to_string())?;
                let mut conformer = Conformer::new(&plan, Options::default());
                let start = std::time::Instant::now();
                let mut progress = |read: u64, len: u64| {
                    if start.elapsed() >= std::time::Duration::from_secs(1) {
                        progress_sender.send(Action::LogProgress(progress_path.clone(), read, len));
                    }
                };
                let options = ReadOptions {
                    skip_bad: false,
                    digest: true,
                    progress: Some(&mut progress),
                };
                let summary = read_stream(file, len, format, options, &mut |e| conformer.event(e))
                    .map_err(|e| format!("{name}:{e}"))?;
                let numbers = conformer.finish().map_err(|e| format!("{name}:{e}"))?;
                Ok((numbers, summary.sha256.unwrap_or_default()))
            })();
            sender.send(Action::LogMeasured(Box::new(super::action::LogMeasured {
                path,
                result,
            })));
            drop(token);
        });
    }

    /// Opens the room (or shows it, when it is open), its server waking the window
    /// through the action queue whenever a phone calls.
    pub(super) fn open_room(&mut self) {
        if self.room.is_some() {
            return;
        }
        let sender = self.actions.sender();
        let wake: journeymap_room::Wake =
            std::sync::Arc::new(move || sender.send(Action::RoomChanged));
        match super::room::RoomWindow::open(self.session.journey(), wake) {
            Ok(room) => self.room = Some(room),
            Err(error) => {
                self.workspace.notice = Some(Notice::Error(crate::tr!(
                    self.i18n,
                    "room-failed-to-open",
                    error = error
                )));
            }
        }
    }

    /// Takes in the room's notes and votes.
    pub(super) fn sync_room(&mut self) {
        let document = self.session.document();
        let actions = self.actions.for_frame(document.id(), document.changes());
        if let Some(room) = &mut self.room {
            room.sync(&document.journey, &actions);
        }
    }

    /// A log measured: its review, or why it could not be.
    pub(super) fn log_measured(&mut self, measured: super::action::LogMeasured) {
        if matches!(self.modal, Some(Modal::Measuring(_))) {
            self.modal = None;
        }
        let file = crate::session::open::file_name(&measured.path);
        match measured.result {
            Ok((numbers, sha256)) => {
                let review = super::dialogs::log_review::LogReview::new(
                    self.session.journey(),
                    measured.path,
                    &numbers,
                    &sha256,
                    &self.i18n,
                );
                self.open_modal(Modal::LogReview(Box::new(review)));
            }
            Err(error) => {
                self.workspace.notice = Some(Notice::Error(crate::tr!(
                    self.i18n,
                    "log-failed",
                    file = file,
                    error = error
                )));
            }
        }
    }

    /// Reads a file to import on a worker, through the one guarded reader (a pipe or a
    /// device is refused at once); its text comes back as `Action::ImportRead`.
    fn read_import(&mut self, path: PathBuf) {
        let fs = self.session.fs();
        let sender = self.actions.sender();
        // Counted as a job: tests and quitting wait for it like any other.
        let token = self.session.busy().token();
        std::thread::spawn(move || {
            let result = fs
                .read(&path, crate::format::MAX_JOURNEY_BYTES)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())
                });
            sender.send(Action::ImportRead(path, result));
            drop(token);
        });
    }

    /// A file to import, read: a sheet is reviewed like a paste (into this journey, or
    /// a new one with a title the person gives); a diagram or a JSON journey opens as a
    /// new, unsaved journey.
    pub(super) fn imported(&mut self, path: PathBuf, result: Result<String, String>) {
        let name = crate::session::open::file_name(&path);
        let text = match result {
            Ok(text) => text,
            Err(error) => {
                self.workspace.notice = Some(Notice::Error(crate::tr!(
                    self.i18n,
                    "import-failed",
                    file = name,
                    error = error
                )));
                return;
            }
        };
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let journey = match extension.as_deref() {
            Some("csv" | "tsv" | "txt") => {
                // A sheet of steps, evidence… is known by its columns.
                let kind =
                    crate::interchange::kind_of(&text, crate::model::ElementKind::Touchpoint);
                let changes = self.session.document().changes();
                let mut review = crate::app::review::PasteReview::new(
                    kind,
                    self.session.journey(),
                    changes,
                    text,
                    None,
                );
                review.import = Some(crate::app::review::ImportSource {
                    file: name,
                    title: String::new(),
                });
                self.open_modal(Modal::Paste(Box::new(review)));
                return;
            }
            Some("json") => crate::interchange::json::from_json(&text)
                .map_err(|e| format!("{name}:{}:{}: {e}", e.line(), e.column())),
            _ => crate::interchange::mermaid::from_mermaid(&text, self.settings.language)
                .map_err(|e| format!("{name}:{e}")),
        };
        match journey {
            Ok(journey) => self.request(Pending::NewJourney(Box::new(journey))),
            Err(error) => self.workspace.notice = Some(Notice::Error(error)),
        }
    }

    /// Asks where to write the picture the export window describes.
    pub(super) fn ask_export_path(&mut self, request: ExportRequest) {
        let kind = DialogKind::SavePicture {
            suggested_name: suggested_name(
                &self.session.journey().title,
                request.format.extension(),
            ),
            format: request.format,
        };
        let purpose = DialogPurpose::Export {
            options: request.options,
        };
        self.ask_file(kind, purpose);
    }

    /// Writes the whole map as a picture or data (format from the extension), on a
    /// worker: a poster of a large map takes a while to draw.
    fn export_to(&mut self, path: PathBuf, options: crate::export::ExportOptions) {
        let journey = self.session.journey().clone();
        // The published page embeds photos from the journey's folder; a poster's footer
        // names the file's commit.
        let source = self.session.document().path.clone();
        // Through the session's file system, as every file the app writes.
        let fs = self.session.fs();
        self.session.spawn(move || {
            let result =
                crate::export::export_file_with(&*fs, &journey, source.as_deref(), &path, options)
                    .map(|mut exported| {
                        if exported.files.is_empty() {
                            exported.files = vec![path];
                        }
                        exported
                    })
                    .map_err(|error| error.to_string());
            Event::Exported(result)
        });
    }

    /// Files dropped on the window: a journey opens (after the unsaved-changes guard);
    /// a picture is attached to the selected evidence.
    pub(super) fn dropped(&mut self, paths: Vec<PathBuf>) {
        for path in paths {
            if is_journey(&path) {
                self.request(Pending::OpenPath(path));
            } else if let Some(ElementId::Evidence(id)) = self.workspace.selection.last().cloned() {
                self.attach(&id, &path);
            } else {
                self.workspace.notice =
                    Some(Notice::Error(self.i18n.tr("notice-drop-needs-evidence")));
            }
        }
    }

    /// Adds an attachment to an evidence item, stored relative to the journey's folder.
    fn attach(&mut self, evidence: &EvidenceId, file: &Path) {
        let document = self.session.document();
        let relative = match attachment_path(document.path.as_deref(), file) {
            Ok(relative) => relative,
            Err(message_id) => {
                let text = crate::tr!(self.i18n, message_id, file = file.display().to_string());
                self.workspace.notice = Some(Notice::Error(text));
                return;
            }
        };
        let Some(item) = document.journey.evidence_item(evidence) else {
            return;
        };
        let mut item = item.clone();
        if !item.attachments.contains(&relative) {
            item.attachments.push(relative);
            let base = document.changes();
            self.change(ChangeRequest {
                change: Change::Edit(Box::new(Edit::Replace(Element::Evidence(item)))),
                label: "edit-attach",
                coalesce: None,
                base,
            });
        }
    }
}
