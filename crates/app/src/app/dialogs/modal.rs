//! What the editor opens over the map, in one place: at most one window or prompt at a
//! time. A prompt that guards work (unsaved changes, a file being picked) is never
//! replaced by another, while the shortcut sheet, the template gallery and the export
//! window simply give way. The session's own questions (recovery, overwrite, an
//! outside change) are drawn from the session (`safety_prompts.rs`) and take the place
//! of a window that gives way.

use super::file_picker::FilePicker;
use super::prompts;
use crate::app::action::Actions;
use crate::app::workspace::ExportRequest;
use crate::i18n::I18n;
use crate::model::Language;
use crate::session::Pending;

#[derive(Debug)]
pub enum Modal {
    /// Save, discard or cancel before `Pending` replaces the document.
    UnsavedChanges(Pending),
    /// Export options, before the file is chosen.
    Export(ExportRequest),
    /// The shortcut sheet (F1).
    Shortcuts,
    /// The starting maps to choose from (File › New from template…).
    Templates,
    /// The app's own file picker, when the system has no dialog.
    FilePicker(Box<FilePicker>),
    /// A pasted or imported sheet, before it changes anything.
    Paste(Box<crate::app::review::PasteReview>),
    /// Deleting a card or a step that others refer to: what becomes of them.
    ConfirmDelete(Box<super::delete::ConfirmDelete>),
    /// Link evidence… from the keyboard.
    LinkEvidence(Box<super::link_evidence::LinkEvidence>),
    /// An event log being measured (File ▸ Import event log…).
    Measuring(super::log_review::Measuring),
    /// An event log measured, before its numbers go on the map.
    LogReview(Box<super::log_review::LogReview>),
}

/// What the windows read.
pub struct Context<'a> {
    pub i18n: &'a I18n,
    pub language: Language,
    pub presenting: bool,
    /// The open document's file name, for the unsaved-changes prompt.
    pub document_name: String,
    pub actions: &'a Actions,
}

impl Modal {
    /// Windows that only show or prepare something: another may replace them.
    pub fn gives_way(&self) -> bool {
        matches!(
            self,
            Modal::Shortcuts
                | Modal::Export(_)
                | Modal::Templates
                | Modal::LinkEvidence(_)
                | Modal::Measuring(_)
                | Modal::LogReview(_)
        )
    }

    /// One frame of the window; whether it stays open.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &Context<'_>) -> bool {
        match self {
            Modal::UnsavedChanges(action) => {
                prompts::confirm_ui(ctx, cx.i18n, &cx.document_name, action, cx.actions)
            }
            Modal::Export(request) => prompts::export_window_ui(ctx, cx.i18n, request, cx.actions),
            Modal::Shortcuts => prompts::shortcut_sheet_ui(ctx, cx.i18n, cx.presenting),
            Modal::Templates => prompts::template_gallery_ui(ctx, cx.i18n, cx.language, cx.actions),
            Modal::FilePicker(picker) => picker.frame(ctx, cx.i18n),
            Modal::Paste(review) => {
                super::paste::review_ui(ctx, cx.i18n, cx.language, cx.actions, review)
            }
            Modal::ConfirmDelete(confirm) => {
                super::delete::confirm_delete_ui(ctx, cx.i18n, confirm, cx.actions)
            }
            Modal::LinkEvidence(link) => {
                super::link_evidence::link_evidence_ui(ctx, cx.i18n, link, cx.actions)
            }
            Modal::Measuring(measuring) => super::log_review::measuring_ui(ctx, cx.i18n, measuring),
            Modal::LogReview(review) => {
                super::log_review::review_ui(ctx, cx.i18n, review, cx.actions)
            }
        }
    }
}
