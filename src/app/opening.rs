//! Opening a journey file on a thread of its own. The window waits for it at most
//! `OPEN_WAIT` (an ordinary file is read by then, so opening looks instant); a slower
//! one (a 100 MB map, a hung network share) shows "Opening…" over the map, with
//! Cancel, while the window stays responsive, and gives up after the timeout.

use super::*;
use crate::document::Document;
use crate::format::{FormatError, Parsed};
use std::sync::mpsc::{RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

/// How long the window waits for a file before showing that it is opening it.
pub const OPEN_WAIT: Duration = Duration::from_millis(200);
/// How long a file may take to read before opening it is given up.
pub const OPEN_TIMEOUT: Duration = Duration::from_secs(60);

type Loaded = Result<(Document, Parsed), FormatError>;

/// Reads a journey file into a document: `Document::load` in the app; tests put a
/// slow or hung reader here.
pub type Loader = fn(&std::path::Path) -> Loaded;

/// A journey file being read.
pub struct Opening {
    pub path: PathBuf,
    since: Instant,
    result: Receiver<Loaded>,
    /// A journey was open before: a failure offers "Back" to it.
    can_go_back: bool,
}

impl JourneyApp {
    /// Opens a journey file. On failure the current document stays open, unchanged, and
    /// the error (with line and column) is shown.
    pub fn open_path(&mut self, path: &std::path::Path) {
        self.open_path_from(path, true);
    }

    pub(super) fn open_path_from(&mut self, path: &std::path::Path, can_go_back: bool) {
        let (sender, result) = channel();
        let (loader, file) = (self.loader, path.to_owned());
        let started = std::thread::Builder::new()
            .name("open journey".into())
            .spawn(move || {
                sender.send(loader(&file)).ok();
            });
        if let Err(error) = started {
            let error = FormatError::Io {
                path: path.to_owned(),
                error,
            };
            self.failed = Some(LoadFailure::new(path, &error, can_go_back));
            return;
        }
        let opening = Opening {
            path: path.to_owned(),
            since: Instant::now(),
            result,
            can_go_back,
        };
        match opening.result.recv_timeout(OPEN_WAIT) {
            Ok(loaded) => self.finish_open(&opening, loaded),
            Err(RecvTimeoutError::Timeout) => self.opening = Some(opening),
            Err(RecvTimeoutError::Disconnected) => self.finish_open(&opening, Err(lost(path))),
        }
    }

    /// Each frame while a file is being read: take it when it is ready, give up at the
    /// timeout, else show that it is opening (and block the map behind, so no edit is
    /// made to a document about to be replaced).
    pub(super) fn opening_ui(&mut self, ctx: &egui::Context) {
        let Some(opening) = self.opening.take() else {
            return;
        };
        let loaded = match opening.result.try_recv() {
            Ok(loaded) => Some(loaded),
            Err(TryRecvError::Disconnected) => Some(Err(lost(&opening.path))),
            Err(TryRecvError::Empty) if opening.since.elapsed() >= self.open_timeout => {
                let error = std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!(
                        "the file took more than {} s to read",
                        self.open_timeout.as_secs_f32()
                    ),
                );
                Some(Err(FormatError::Io {
                    path: opening.path.clone(),
                    error,
                }))
            }
            Err(TryRecvError::Empty) => None,
        };
        if let Some(loaded) = loaded {
            self.finish_open(&opening, loaded);
            return;
        }
        let name = opening.path.file_name().map_or_else(
            || opening.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("opening")).show(ctx, |ui| {
            // No spinner: it would repaint without end; the poll below repaints
            // ten times a second, which also shows the time going by.
            let seconds = opening.since.elapsed().as_secs();
            ui.label(crate::tr!(
                self.i18n,
                "opening-file",
                file = name,
                seconds = seconds
            ));
            cancel = ui.button(self.i18n.tr("cancel")).clicked();
        });
        if cancel {
            return; // the reading thread finishes on its own; its result is dropped
        }
        ctx.request_repaint_after(Duration::from_millis(100));
        self.opening = Some(opening);
    }

    fn finish_open(&mut self, opening: &Opening, loaded: Loaded) {
        let path = opening.path.as_path();
        match loaded {
            Ok((document, parsed)) => {
                self.forget_recovery();
                self.replace_document(document);
                self.settings.remember(path);
                let comments = (!parsed.comments.is_empty()).then(|| {
                    Notice::Info(crate::tr!(
                        self.i18n,
                        "notice-comments",
                        count = parsed.comments.len()
                    ))
                });
                // A warning from opening it (open in another window) stays.
                if comments.is_some() || !matches!(self.ui_state.notice, Some(Notice::Warning(_))) {
                    self.ui_state.notice = comments;
                }
            }
            Err(error) => {
                // The open journey stays as it was, behind the failure view.
                self.failed = Some(LoadFailure::new(path, &error, opening.can_go_back));
            }
        }
    }

    /// A file is being read (the "Opening…" prompt is up).
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }
}

fn lost(path: &std::path::Path) -> FormatError {
    FormatError::Io {
        path: path.to_owned(),
        error: std::io::Error::other("the reading stopped unexpectedly"),
    }
}
