//! What is open over the map, in one place: at most one window or prompt at a time.
//! Whatever opens one goes through `open_modal`; a prompt that guards work (unsaved
//! changes, recovery, overwrite, an outside change, a file being picked) is never
//! replaced by another, while the shortcut sheet and the export window simply give way.

use crate::app::dialogs::file_picker::FilePicker;
use crate::app::safety::OutsideChange;
use crate::app::*;
use crate::recovery::Found;

#[derive(Debug)]
pub enum Modal {
    /// Save, discard or cancel before `PendingAction` replaces the document.
    UnsavedChanges(PendingAction),
    /// Export options, before the file is chosen.
    Export(ExportRequest),
    /// The shortcut sheet (F1).
    Shortcuts,
    /// The starting maps to choose from (File › New from template…).
    Templates,
    /// Recovery files left by a crash, offered at start.
    Recovery(Vec<Found>),
    /// Saving would overwrite a file changed on disk; `then` runs after the save.
    Overwrite { then: Option<PendingAction> },
    /// The open file changed on disk and there is something to decide.
    OutsideChange(OutsideChange),
    /// The app's own file picker, when the system has no dialog.
    FilePicker(Box<FilePicker>),
}

impl Modal {
    /// Windows that only show or prepare something: another modal may replace them.
    pub(in crate::app) fn gives_way(&self) -> bool {
        matches!(self, Modal::Shortcuts | Modal::Export(_) | Modal::Templates)
    }
}

impl JourneyApp {
    /// Opens `modal` unless a prompt that guards work is open. Returns whether it opened.
    pub(in crate::app) fn open_modal(&mut self, modal: Modal) -> bool {
        if self.ui_state.modal.as_ref().is_some_and(|m| !m.gives_way()) {
            return false;
        }
        self.ui_state.modal = Some(modal);
        true
    }

    /// Whether a window or prompt is over the map: plain-key map shortcuts wait, and
    /// Esc belongs to the window.
    pub(in crate::app) fn modal_open(&self) -> bool {
        // "Opening…" blocks the map too: no shortcut edits a document being replaced.
        self.ui_state.modal.is_some() || self.is_opening()
    }

    /// Whether the app's own file picker is open.
    pub fn file_picker_open(&self) -> bool {
        matches!(self.ui_state.modal, Some(Modal::FilePicker(_)))
    }

    /// Draws the open modal. Each prompt says whether it stays open; what it did may
    /// have opened the next one (Save in "unsaved changes" may ask about overwriting).
    pub(in crate::app) fn modals_ui(&mut self, ctx: &egui::Context) {
        let Some(mut modal) = self.ui_state.modal.take() else {
            return;
        };
        let keep = match &mut modal {
            Modal::UnsavedChanges(action) => self.confirm_ui(ctx, action.clone()),
            Modal::Export(request) => self.export_window_ui(ctx, request),
            Modal::Shortcuts => self.shortcut_sheet_ui(ctx),
            Modal::Templates => self.template_gallery_ui(ctx),
            Modal::Recovery(found) => {
                crate::app::dialogs::safety_prompts::recovery_ui(self, ctx, found)
            }
            Modal::Overwrite { then } => {
                crate::app::dialogs::safety_prompts::overwrite_ui(self, ctx, then)
            }
            Modal::OutsideChange(change) => {
                crate::app::dialogs::safety_prompts::outside_change_ui(self, ctx, change)
            }
            Modal::FilePicker(picker) => self.file_picker_ui(ctx, picker),
        };
        if keep && self.ui_state.modal.is_none() {
            self.ui_state.modal = Some(modal);
        }
    }
}
