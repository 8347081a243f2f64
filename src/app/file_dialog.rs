//! Native file dialogs behind a small trait, so tests answer "the user picked this
//! path" without a window. The real one runs rfd on a worker thread (a synchronous
//! dialog would freeze the UI) and sends the answer back through a channel.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

/// What the answer is for, so the app knows what to do when it arrives.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogPurpose {
    Open,
    /// Save As; `then` runs after a successful save (quit, open, new).
    SaveAs {
        then: Option<super::PendingAction>,
    },
    AttachImage {
        evidence: crate::model::EvidenceId,
    },
    Export {
        options: crate::export::ExportOptions,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogKind {
    OpenJourney,
    SaveJourney {
        suggested_name: String,
    },
    OpenImage,
    SavePicture {
        suggested_name: String,
        format: crate::export::Format,
    },
}

pub type DialogReply = (DialogPurpose, Option<PathBuf>);

pub trait FileDialogs {
    /// Shows a dialog; the answer (None when cancelled) arrives on `reply`.
    fn request(
        &mut self,
        kind: DialogKind,
        purpose: DialogPurpose,
        reply: Sender<DialogReply>,
        ctx: &egui::Context,
    );
}

/// rfd's native dialogs (xdg-portal on Linux, no GTK), on a worker thread.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn request(
        &mut self,
        kind: DialogKind,
        purpose: DialogPurpose,
        reply: Sender<DialogReply>,
        ctx: &egui::Context,
    ) {
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new();
            let picked = match kind {
                DialogKind::OpenJourney => dialog.add_filter("Journey (RON)", &["ron"]).pick_file(),
                DialogKind::SaveJourney { suggested_name } => dialog
                    .add_filter("Journey (RON)", &["ron"])
                    .set_file_name(suggested_name)
                    .save_file(),
                DialogKind::OpenImage => dialog
                    .add_filter("Image", &["png", "jpg", "jpeg"])
                    .pick_file(),
                DialogKind::SavePicture {
                    suggested_name,
                    format,
                } => {
                    let (name, extension) = match format {
                        crate::export::Format::Png => ("PNG", "png"),
                        crate::export::Format::Svg => ("SVG", "svg"),
                    };
                    dialog
                        .add_filter(name, &[extension])
                        .set_file_name(suggested_name)
                        .save_file()
                }
            };
            // The app may have quit meanwhile; then nobody is waiting for the answer.
            if reply.send((purpose, picked)).is_ok() {
                ctx.request_repaint();
            }
        });
    }
}

/// A stand-in for tests: answers every request at once with the next scripted path.
/// Clone it before handing it to the app to keep a handle for scripting.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<Option<PathBuf>>>>,
    asked: Arc<Mutex<Vec<DialogKind>>>,
}

impl ScriptedDialogs {
    /// The answer the next dialog gives (None: the person cancels).
    pub fn answer(&self, path: Option<PathBuf>) {
        self.answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(path);
    }

    /// The dialogs shown so far.
    pub fn asked(&self) -> Vec<DialogKind> {
        self.asked.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn request(
        &mut self,
        kind: DialogKind,
        purpose: DialogPurpose,
        reply: Sender<DialogReply>,
        _ctx: &egui::Context,
    ) {
        self.asked
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(kind);
        let answer = self
            .answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
            .flatten();
        // The receiver lives in the app, which is calling us.
        reply.send((purpose, answer)).ok();
    }
}
