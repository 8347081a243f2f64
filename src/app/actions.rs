//! What commands do: file operations with the unsaved-changes guard, undo/redo, adding,
//! deleting, marking grey areas; and the modal prompts they raise.

use super::*;
use crate::document::{attachment_path, new_touchpoint, suggested_grey_area};
use crate::format;
use crate::model::*;

/// The example shown the first time the app starts (no file given, none recent).
pub fn welcome_journey(settings: &Settings) -> Journey {
    let text = match settings.language {
        Language::Es => include_str!("../../journeys/portabilidad-operador-movil.ron"),
        Language::En => include_str!("../../journeys/online-order-delivery-return.ron"),
    };
    format::parse(text)
        .map(|p| p.journey)
        .unwrap_or_else(|_| Journey::new("", settings.language))
}

impl JourneyApp {
    /// At start-up: the file asked for, else the most recent file, else the example.
    pub fn open_at_start(&mut self, file: Option<PathBuf>) {
        let recent = self
            .settings
            .last_file()
            .map(PathBuf::from)
            .filter(|p| p.exists());
        if let Some(path) = file.or(recent) {
            // Nothing was open before: a failure offers no way back to the example.
            self.open_path_from(&path, false);
        }
    }

    /// The one way the open document is replaced (open, new, restore, reload): every
    /// piece of per-document view state goes with the old one, so nothing (a selection,
    /// a card being typed, a filter) can point into the new journey by accident.
    pub(super) fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.failed = None;
        self.ui_state.reset_for_new_document();
        self.ui_state.arrangement = self.settings.arrangement_for(self.document.path.as_deref());
        self.layout = None;
        self.stamp_disk();
    }

    /// Runs an action that replaces the document, asking first about unsaved changes.
    pub fn request(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.document.is_modified() {
            self.open_modal(Modal::UnsavedChanges(action));
        } else {
            self.perform_now(action, ctx);
        }
    }

    /// Does the action without asking about unsaved changes.
    pub(super) fn perform_now(&mut self, action: PendingAction, ctx: &egui::Context) {
        match action {
            PendingAction::New => {
                self.forget_recovery();
                let journey =
                    Journey::new(self.i18n.tr("untitled-journey"), self.settings.language);
                self.replace_document(Document::new(journey, None));
            }
            PendingAction::NewFromTemplate(key) => {
                self.forget_recovery();
                if let Some(template) = crate::templates::find(key) {
                    let journey = crate::templates::build(template, self.settings.language);
                    self.replace_document(Document::new(journey, None));
                }
            }
            PendingAction::Open => {
                self.ask_file(DialogKind::OpenJourney, DialogPurpose::Open, ctx);
            }
            PendingAction::OpenPath(path) => self.open_path(&path),
            PendingAction::Quit => {
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Saves to the document's path (Ctrl+S), or asks where first. Returns whether the
    /// document is now saved.
    pub fn save(&mut self, then: Option<PendingAction>, ctx: &egui::Context) -> bool {
        let Some(path) = self.document.path.clone() else {
            self.ask_save_as(then, ctx);
            return false;
        };
        self.save_to(&path, then, ctx)
    }

    fn save_to(
        &mut self,
        path: &std::path::Path,
        then: Option<PendingAction>,
        ctx: &egui::Context,
    ) -> bool {
        let same_file = self.document.path.as_deref() == Some(path);
        if same_file && self.disk_changed() {
            self.open_modal(Modal::Overwrite { then });
            return false;
        }
        self.save_over(path, then, ctx)
    }

    /// Saves without checking the file on disk (after the person said overwrite).
    pub(super) fn save_over(
        &mut self,
        path: &std::path::Path,
        then: Option<PendingAction>,
        ctx: &egui::Context,
    ) -> bool {
        match self.document.save_as(path) {
            Ok(written) => {
                self.forget_recovery();
                self.stamp_written(written.as_bytes());
                self.settings.remember(path);
                self.ui_state.notice = Some(Notice::Info(crate::tr!(
                    self.i18n,
                    "notice-saved",
                    file = path.display().to_string()
                )));
                if let Some(action) = then {
                    self.perform_now(action, ctx);
                }
                true
            }
            Err(error) => {
                self.ui_state.notice = Some(Notice::Error(error.to_string()));
                false
            }
        }
    }

    pub(super) fn ask_save_as(&mut self, then: Option<PendingAction>, ctx: &egui::Context) {
        let base = slug(&self.document.journey.title);
        let suggested_name = format!(
            "{}.ron",
            if base.is_empty() {
                "journey".to_owned()
            } else {
                base
            }
        );
        self.ask_file(
            DialogKind::SaveJourney { suggested_name },
            DialogPurpose::SaveAs { then },
            ctx,
        );
    }

    /// Asks the system for a file; where it has no dialog, the app's own picker opens
    /// (and says why, once).
    pub(super) fn ask_file(
        &mut self,
        kind: DialogKind,
        purpose: DialogPurpose,
        ctx: &egui::Context,
    ) {
        let tx = self.dialog_tx.clone();
        let Err(why) = self.dialogs.request(kind.clone(), purpose.clone(), tx, ctx) else {
            return;
        };
        if !self.builtin_picker_explained {
            self.builtin_picker_explained = true;
            self.ui_state.notice = Some(Notice::Info(crate::tr!(
                self.i18n,
                "notice-builtin-picker",
                reason = why.0
            )));
        }
        let near = self.document.path.as_deref().and_then(|p| p.parent());
        let picker = super::dialogs::file_picker::FilePicker::new(kind, purpose, near);
        self.open_modal(Modal::FilePicker(Box::new(picker)));
    }

    pub(super) fn receive_dialog_answers(&mut self, ctx: &egui::Context) {
        while let Ok((purpose, answer)) = self.dialog_rx.try_recv() {
            let Some(path) = answer else { continue };
            match purpose {
                DialogPurpose::Open => self.open_path(&path),
                DialogPurpose::SaveAs { then } => {
                    let path = if path.extension().is_none() {
                        path.with_extension("ron")
                    } else {
                        path
                    };
                    self.save_to(&path, then, ctx);
                }
                DialogPurpose::AttachImage { evidence } => self.attach(&evidence, &path),
                DialogPurpose::Export { options } => self.export_to(&path, options),
            }
        }
    }

    /// Opens the export window with the last choices; `format` when a command names
    /// one, else the last format.
    pub(super) fn open_export(&mut self, format: Option<crate::export::Format>) {
        let request = match &self.ui_state.modal {
            Some(Modal::Export(request)) => ExportRequest {
                format: format.unwrap_or(request.format),
                ..*request
            },
            _ => {
                let last = self.settings.export;
                let mut options = last.options;
                // Export what the map shows: collapsed empty stages stay collapsed, and
                // the map's own size is drawn in the editor's layout.
                options.collapse_empty_stages = self.ui_state.collapse_empty_stages;
                if options.paper.is_none() && !options.slides {
                    options.layout = Some(self.ui_state.arrangement);
                }
                ExportRequest {
                    format: format.unwrap_or(last.format),
                    options,
                }
            }
        };
        self.open_modal(Modal::Export(request));
    }

    /// Asks where to write the picture the export window describes.
    pub(super) fn ask_export_path(&mut self, request: ExportRequest, ctx: &egui::Context) {
        let base = slug(&self.document.journey.title);
        let extension = request.format.extension();
        let suggested_name = format!(
            "{}.{extension}",
            if base.is_empty() {
                "journey".to_owned()
            } else {
                base
            }
        );
        let kind = DialogKind::SavePicture {
            suggested_name,
            format: request.format,
        };
        let purpose = DialogPurpose::Export {
            options: request.options,
        };
        self.ask_file(kind, purpose, ctx);
    }

    /// Writes the whole map as a picture (format from the extension).
    pub fn export_to(&mut self, path: &std::path::Path, options: crate::export::ExportOptions) {
        self.ui_state.notice = Some(
            match crate::export::export_file(&self.document.journey, path, options) {
                Ok(written) => {
                    let name = |p: &std::path::Path| p.display().to_string();
                    let file = match written.as_slice() {
                        [first, .., last] => format!("{} … {}", name(first), name(last)),
                        _ => name(path),
                    };
                    Notice::Info(crate::tr!(self.i18n, "notice-exported", file = file))
                }
                Err(error) => Notice::Error(error.to_string()),
            },
        );
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        for path in dropped {
            let is_journey = path.extension().is_some_and(|e| e == "ron");
            if is_journey {
                self.request(PendingAction::OpenPath(path), ctx);
            } else if let Some(ElementId::Evidence(id)) = self.ui_state.selection.last().cloned() {
                self.attach(&id, &path);
            } else {
                self.ui_state.notice =
                    Some(Notice::Error(self.i18n.tr("notice-drop-needs-evidence")));
            }
        }
    }

    /// Adds an attachment to an evidence item, stored relative to the journey's folder.
    pub fn attach(&mut self, evidence: &EvidenceId, file: &std::path::Path) {
        let relative = match attachment_path(self.document.path.as_deref(), file) {
            Ok(relative) => relative,
            Err(message_id) => {
                let text = crate::tr!(self.i18n, message_id, file = file.display().to_string());
                self.ui_state.notice = Some(Notice::Error(text));
                return;
            }
        };
        let Some(item) = self.document.journey.evidence_item(evidence) else {
            return;
        };
        let mut item = item.clone();
        if !item.attachments.contains(&relative) {
            item.attachments.push(relative);
            let mut edits = Edits::default();
            edits.push(Edit::Replace(Element::Evidence(item)), "edit-attach");
            self.apply_edits(edits);
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && self.document.is_modified() && !self.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.open_modal(Modal::UnsavedChanges(PendingAction::Quit));
        }
    }

    pub fn add_touchpoint(&mut self, stage: Stage) {
        let (edit, id) = new_touchpoint(&self.document.journey, stage);
        let mut edits = Edits::default();
        edits.push(edit, "edit-add-touchpoint");
        self.apply_edits(edits);
        self.ui_state.select_new_touchpoint(id, stage);
    }

    /// Deletes the selection as one undo step. Each delete is built against the journey
    /// as the previous ones leave it (deleting a touchpoint also removes its grey areas).
    pub fn delete_selection(&mut self) {
        let mut scratch = self.document.journey.clone();
        let mut steps = Vec::new();
        for element in std::mem::take(&mut self.ui_state.selection) {
            let edit = match &element {
                ElementId::Touchpoint(id) => Edit::delete_touchpoint(&scratch, id),
                ElementId::GreyArea(id) => Edit::delete_grey_area(&scratch, id),
                ElementId::Evidence(id) => Edit::delete_evidence(&scratch, id),
                ElementId::Channel(id) => Edit::delete_channel(&scratch, id),
                ElementId::Department(id) => Edit::delete_department(&scratch, id),
                ElementId::Curve(id) => Edit::delete_curve(&scratch, id),
                ElementId::Opportunity(id) => Edit::Remove(ElementId::Opportunity(id.clone())),
            };
            // An element already removed by an earlier delete is skipped.
            if edit.clone().apply(&mut scratch).is_ok() {
                steps.push(edit);
            }
        }
        if !steps.is_empty() {
            let mut edits = Edits::default();
            edits.push(Edit::Batch(steps), "edit-delete");
            self.apply_edits(edits);
        }
    }

    /// Marks a grey area between the two selected touchpoints (in journey order).
    pub fn mark_grey_area(&mut self) {
        let selected = self.ui_state.selected_touchpoints();
        let [a, b] = selected.as_slice() else {
            self.ui_state.notice = Some(Notice::Error(self.i18n.tr("notice-select-two")));
            return;
        };
        let journey = &self.document.journey;
        let (Some(ia), Some(ib)) = (journey.touchpoint_index(a), journey.touchpoint_index(b))
        else {
            return;
        };
        let (from, to) = if ia <= ib {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        };
        let grey_area = suggested_grey_area(journey, journey.next_grey_area_id(), &from, &to);
        let id = grey_area.id.clone();
        let mut edits = Edits::default();
        let index = journey.grey_areas.len();
        edits.push(
            Edit::Insert {
                index,
                element: Element::GreyArea(grey_area),
            },
            "edit-mark-grey-area",
        );
        self.apply_edits(edits);
        self.ui_state.selection = vec![ElementId::GreyArea(id)];
    }
}
