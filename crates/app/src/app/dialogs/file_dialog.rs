//! Native file dialogs behind a small trait, so tests answer "the user picked this
//! path" without a window. The real one runs rfd on a worker thread (a synchronous
//! dialog would freeze the UI) and sends the answer back as an action. When the
//! system has no dialog to show (Linux without an xdg-desktop-portal file chooser or
//! zenity), `request` says so and the app shows its own picker (`file_picker.rs`).

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogKind {
    OpenJourney,
    SaveJourney {
        suggested_name: String,
    },
    OpenImage,
    /// A sheet, a diagram or a JSON journey to import.
    OpenImport,
    /// An event log to measure the map against.
    OpenLog,
    SavePicture {
        suggested_name: String,
        format: crate::export::Format,
    },
}

/// Why no system dialog can be shown (for the notice).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogUnavailable(pub String);

/// Where the picked file goes (called from any thread; never when the person cancels).
pub type Reply = Box<dyn FnOnce(PathBuf) + Send>;

pub trait FileDialogs {
    /// Shows a dialog; the path picked goes to `reply`. Returns `Err` at once (and gives
    /// `reply` back) when no dialog can be shown at all.
    fn request(&mut self, kind: DialogKind, reply: Reply)
    -> Result<(), (DialogUnavailable, Reply)>;
}

fn answer(reply: Reply, picked: Option<PathBuf>) {
    if let Some(path) = picked {
        reply(path);
    }
}

/// rfd's native dialogs (xdg-portal on Linux, no GTK), on a worker thread.
pub struct NativeDialogs {
    available: Result<(), DialogUnavailable>,
}

impl NativeDialogs {
    /// Looks for what rfd needs. `JOURNEYMAP_FILE_DIALOG=builtin` forces the app's own
    /// picker, `=native` skips the check.
    pub fn detect() -> Self {
        let available = match std::env::var("JOURNEYMAP_FILE_DIALOG").as_deref() {
            Ok("builtin") => Err(DialogUnavailable(
                "JOURNEYMAP_FILE_DIALOG=builtin".to_owned(),
            )),
            Ok("native") => Ok(()),
            _ => probe(),
        };
        Self { available }
    }
}

/// On Linux rfd asks the xdg-desktop-portal over D-Bus, then falls back to zenity;
/// with neither it returns "cancelled" at once, which the person cannot tell from
/// nothing happening.
fn probe() -> Result<(), DialogUnavailable> {
    if !cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    )) {
        return Ok(());
    }
    if on_path("zenity") || (session_bus() && portal_file_chooser()) {
        Ok(())
    } else {
        Err(DialogUnavailable(
            "no xdg-desktop-portal file chooser and no zenity".to_owned(),
        ))
    }
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn session_bus() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists())
}

/// Whether an installed portal backend implements the file chooser.
fn portal_file_chooser() -> bool {
    let data_dirs =
        std::env::var("XDG_DATA_DIRS").unwrap_or_else(|_| "/usr/local/share:/usr/share".to_owned());
    data_dirs.split(':').any(|dir| {
        let Ok(entries) =
            std::fs::read_dir(std::path::Path::new(dir).join("xdg-desktop-portal/portals"))
        else {
            return false;
        };
        entries.filter_map(Result::ok).any(|entry| {
            std::fs::read_to_string(entry.path())
                .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
        })
    })
}

impl FileDialogs for NativeDialogs {
    fn request(
        &mut self,
        kind: DialogKind,
        reply: Reply,
    ) -> Result<(), (DialogUnavailable, Reply)> {
        if let Err(why) = self.available.clone() {
            return Err((why, reply));
        }
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
                DialogKind::OpenImport => dialog
                    .add_filter("CSV, Mermaid, JSON", &crate::app::IMPORT_EXTENSIONS)
                    .pick_file(),
                DialogKind::OpenLog => dialog
                    .add_filter("Event log (CSV, XES)", &crate::app::LOG_EXTENSIONS)
                    .pick_file(),
                DialogKind::SavePicture {
                    suggested_name,
                    format,
                } => {
                    let extension = format.extension();
                    dialog
                        .add_filter(extension.to_uppercase(), &[extension])
                        .set_file_name(suggested_name)
                        .save_file()
                }
            };
            // The app may have quit meanwhile; then nobody is waiting for the answer.
            answer(reply, picked);
        });
        Ok(())
    }
}

/// A stand-in for tests: answers every request at once with the next scripted path.
/// Clone it before handing it to the app to keep a handle for scripting.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<Option<PathBuf>>>>,
    asked: Arc<Mutex<Vec<DialogKind>>>,
    unavailable: bool,
}

impl ScriptedDialogs {
    /// The answer the next dialog gives (None: the person cancels).
    pub fn answer(&self, path: Option<PathBuf>) {
        self.answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(path);
    }

    /// A system with no file dialogs: every request fails as `NativeDialogs` does then.
    pub fn unavailable() -> Self {
        Self {
            unavailable: true,
            ..Self::default()
        }
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
        reply: Reply,
    ) -> Result<(), (DialogUnavailable, Reply)> {
        if self.unavailable {
            let why = DialogUnavailable("scripted: no system dialogs".to_owned());
            return Err((why, reply));
        }
        self.asked
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(kind);
        let picked = self
            .answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
            .flatten();
        answer(reply, picked);
        Ok(())
    }
}
