//! Never lose work: autosave to a recovery file after edits pause, the restore offer
//! after a crash, and noticing when the open file changes on disk (git pull, another
//! editor) or disappears. Autosave writes the same canonical text as Ctrl+S, atomically.

use super::*;
use crate::recovery::{self, Changes, Found, Recovery};
use std::time::SystemTime;

/// Autosave runs this long after the last edit (well within the promised 2 seconds).
pub const AUTOSAVE_DELAY_SECS: f64 = 1.0;
/// How often the open file's timestamp is checked.
const DISK_CHECK_SECS: f64 = 1.0;

/// What the file on disk looked like when we last loaded or saved it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    modified: Option<SystemTime>,
    len: u64,
    hash: u64,
}

impl DiskStamp {
    /// The stamp of a file whose bytes we just wrote: only its metadata is read.
    pub fn written(path: &std::path::Path, bytes: &[u8]) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Self {
            modified: metadata.modified().ok(),
            len: bytes.len() as u64,
            hash: recovery::fnv1a(bytes),
        })
    }

    pub fn read(path: &std::path::Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        let bytes = crate::format::read_regular(path, crate::format::MAX_JOURNEY_BYTES).ok()?;
        Some(Self {
            modified: metadata.modified().ok(),
            len: metadata.len(),
            hash: recovery::fnv1a(&bytes),
        })
    }

    fn same_metadata(&self, path: &std::path::Path) -> Option<bool> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(metadata.modified().ok() == self.modified && metadata.len() == self.len)
    }
}

/// A change to the open file made outside the app.
#[derive(Clone, Debug, PartialEq)]
pub enum OutsideChange {
    Modified {
        theirs: Box<crate::model::Journey>,
        show_changes: bool,
    },
    /// Changed on disk, and the new text does not load (a merge conflict, say).
    Unreadable(String),
    Deleted,
}

/// The safety state of the app: transient, per window.
#[derive(Debug, Default)]
pub struct Safety {
    pub recovery_dir: Option<PathBuf>,
    /// This window's place in the recovery folder (its recovery file and lock), worked
    /// by the autosave thread: nothing of autosave runs on the frame but the snapshot.
    autosaver: Option<crate::autosave::Autosaver>,
    /// The file recorded in the slot as open in this window.
    open_recorded: Option<Option<PathBuf>>,
    autosaved: Option<u64>,
    last_seen: Option<u64>,
    last_edit_secs: f64,
    last_disk_check_secs: f64,
    /// When (app time) to look at the recovery folder once more after the start: a
    /// window killed a moment before this one started may still be exiting, holding
    /// its lock, and its work is offered as soon as the lock is free.
    second_look: SecondLook,
    pub disk: Option<DiskStamp>,
    /// Wakes the UI when the open (or failed) file changes on disk.
    watch: super::disk_watch::DiskWatch,
    /// Wakes the UI when the autosave worker reports a failure.
    wake: Waker,
}

/// The one extra look at the recovery folder after the start.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum SecondLook {
    /// Not yet scheduled (the first frame schedules it).
    #[default]
    Pending,
    At(f64),
    Done,
}

/// How long after the start the recovery folder is looked at again.
const SECOND_LOOK_SECS: f64 = 2.0;

/// A handle the worker threads use to wake the window (set on the first frame).
#[derive(Clone, Default)]
pub struct Waker(std::sync::Arc<std::sync::Mutex<Option<egui::Context>>>);

impl std::fmt::Debug for Waker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Waker")
    }
}

impl Waker {
    fn set(&self, ctx: &egui::Context) {
        let mut slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some(ctx.clone());
        }
    }

    fn wake(&self) {
        let slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ctx) = &*slot {
            ctx.request_repaint();
        }
    }
}

impl Safety {
    pub fn new(recovery_dir: Option<PathBuf>) -> Self {
        let mut safety = Self::default();
        safety.recovery_dir = recovery_dir;
        safety
    }

    /// Releases the window's slot at a clean exit, after the autosaves already asked
    /// for (its recovery, if any, stays offered).
    pub fn close(&mut self) {
        self.autosaver = None;
    }

    /// Waits until the autosaves asked for so far are on disk.
    pub fn flush(&self) {
        if let Some(autosaver) = &self.autosaver {
            autosaver.flush();
        }
    }

    fn own(&self) -> Option<&str> {
        self.autosaver
            .as_ref()
            .map(crate::autosave::Autosaver::slot_name)
    }
}

impl Drop for Safety {
    fn drop(&mut self) {
        self.close();
    }
}

impl JourneyApp {
    /// Where recovery files go (tests point it at a temp folder).
    pub(super) fn set_recovery_dir(&mut self, dir: Option<PathBuf>) {
        self.safety.close();
        self.safety.open_recorded = None;
        if let Some(dir) = &dir {
            let started = recovery::Slot::claim(dir)
                .map_err(|e| e.to_string())
                .and_then(|slot| {
                    let ctx = self.safety.wake.clone();
                    crate::autosave::Autosaver::start(slot, Box::new(move || ctx.wake()))
                        .map_err(|e| e.to_string())
                });
            match started {
                Ok(autosaver) => self.safety.autosaver = Some(autosaver),
                Err(error) => {
                    let text = crate::tr!(
                        self.i18n,
                        "notice-autosave-failed",
                        error = error.to_string()
                    );
                    self.ui_state.notice = Some(Notice::Error(text));
                }
            }
        }
        self.safety.recovery_dir = dir;
    }

    /// Looks for recovery files left by windows that died and offers them.
    pub(super) fn check_recovery(&mut self) {
        if let Some(dir) = &self.safety.recovery_dir {
            let found = recovery::find(dir, self.safety.own());
            if !found.is_empty() {
                self.open_modal(super::dialogs::modal::Modal::Recovery(found));
            }
        }
    }

    /// Looks at the recovery folder once more a moment after the start: work of a
    /// window that was still exiting then (killed just before this one started) is
    /// offered now, and a notice that the file is open in that window goes.
    fn second_look(&mut self, ctx: &egui::Context, now: f64) {
        match self.safety.second_look {
            SecondLook::Pending => {
                self.safety.second_look = SecondLook::At(now + SECOND_LOOK_SECS);
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(SECOND_LOOK_SECS));
            }
            SecondLook::At(due) if now >= due => {
                self.safety.second_look = SecondLook::Done;
                let open_elsewhere = match (&self.safety.recovery_dir, &self.document.path) {
                    (Some(dir), Some(path)) => {
                        recovery::open_elsewhere(dir, path, self.safety.own())
                    }
                    _ => false,
                };
                if !open_elsewhere && matches!(self.ui_state.notice, Some(Notice::Warning(_))) {
                    self.ui_state.notice = None;
                }
                // Offered only while nothing here could be lost by restoring.
                if self.ui_state.modal.is_none() && !self.document.is_modified() {
                    self.check_recovery();
                }
            }
            _ => {}
        }
    }

    /// Called every frame: autosave after edits pause, and watch the file on disk.
    pub(super) fn safety_tick(&mut self, ctx: &egui::Context) {
        self.safety.wake.set(ctx);
        self.autosave_failures();
        let now = ctx.input(|i| i.time);
        self.second_look(ctx, now);
        let state = self.document.revision();
        if self.safety.last_seen != Some(state) {
            self.safety.last_seen = Some(state);
            self.safety.last_edit_secs = now;
        }
        let due = self.safety.last_edit_secs + AUTOSAVE_DELAY_SECS;
        if self.document.is_modified() && self.safety.autosaved != Some(state) {
            if now >= due {
                self.autosave(state);
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            }
        }
        let watched = match &self.failed {
            Some(failure) => Some(failure.path.clone()),
            None => self.document.path.clone(),
        };
        self.safety.watch.watch(watched.as_deref(), ctx);
        let poked = self.safety.watch.take_changed();
        if poked || now - self.safety.last_disk_check_secs >= DISK_CHECK_SECS {
            self.safety.last_disk_check_secs = now;
            if self.failed.is_some() {
                self.watch_failed_file();
            } else {
                self.check_disk();
            }
        }
        // No repaint is asked for here: an idle window stays idle. The watcher thread
        // wakes the window when the file changes; the timed check above is only the
        // fallback for frames that happen anyway.
        if watched.is_some() && !self.safety.watch.running() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(DISK_CHECK_SECS));
        }
    }

    fn autosave(&mut self, state: u64) {
        let Some(autosaver) = &self.safety.autosaver else {
            return;
        };
        let recovery = Recovery {
            path: self.document.path.clone(),
            autosaved_unix_secs: recovery::now_unix_secs(),
            pid: std::process::id(),
            journey: self.document.journey.clone(),
        };
        autosaver.write(recovery);
        // Asked for once per revision; a failure comes back from the worker.
        self.safety.autosaved = Some(state);
    }

    /// Failures the autosave worker reported since the last frame.
    fn autosave_failures(&mut self) {
        let failures = self
            .safety
            .autosaver
            .as_ref()
            .map(crate::autosave::Autosaver::failures)
            .unwrap_or_default();
        if let Some(crate::autosave::Failure(error)) = failures.into_iter().last() {
            self.autosave_failed(&error);
        }
    }

    fn autosave_failed(&mut self, error: &dyn std::fmt::Display) {
        let text = crate::tr!(
            self.i18n,
            "notice-autosave-failed",
            error = error.to_string()
        );
        self.ui_state.notice = Some(Notice::Error(text));
    }

    /// The document is saved or deliberately discarded: this window's recovery file
    /// goes (never another window's).
    pub(super) fn forget_recovery(&mut self) {
        if let Some(autosaver) = &self.safety.autosaver {
            autosaver.clear();
        }
        self.safety.autosaved = None;
    }

    /// A new document is open: remember what its file looks like on disk, tell other
    /// windows it is open here, and say so when another window has it open too.
    pub(super) fn stamp_disk(&mut self) {
        let stamp = self.document.path.as_deref().and_then(DiskStamp::read);
        self.note_stamp(stamp);
    }

    /// The document was just saved as `bytes`: stamp it without reading it back.
    pub(super) fn stamp_written(&mut self, bytes: &[u8]) {
        let stamp = self
            .document
            .path
            .as_deref()
            .and_then(|path| DiskStamp::written(path, bytes));
        self.note_stamp(stamp);
    }

    fn note_stamp(&mut self, stamp: Option<DiskStamp>) {
        self.safety.disk = stamp;
        self.close_outside_change();
        let path = self.document.path.clone();
        if self.safety.open_recorded.as_ref() == Some(&path) {
            return;
        }
        self.safety.open_recorded = Some(path.clone());
        let (Some(autosaver), Some(dir)) = (&self.safety.autosaver, &self.safety.recovery_dir)
        else {
            return;
        };
        autosaver.set_open(path.clone());
        if let Some(path) = &path
            && recovery::open_elsewhere(dir, path, Some(autosaver.slot_name()))
        {
            let name = self.document.file_name().unwrap_or_default();
            self.ui_state.notice = Some(Notice::Warning(crate::tr!(
                self.i18n,
                "notice-open-elsewhere",
                file = name
            )));
        }
    }

    /// Whether the file on disk differs from what we loaded or last saved.
    pub(super) fn disk_changed(&self) -> bool {
        let (Some(path), Some(stamp)) = (self.document.path.as_deref(), &self.safety.disk) else {
            return false;
        };
        DiskStamp::read(path).is_some_and(|now| now.hash != stamp.hash)
    }

    fn check_disk(&mut self) {
        let Some(path) = self.document.path.clone() else {
            return;
        };
        let Some(stamp) = self.safety.disk.clone() else {
            return;
        };
        // One question at a time: with a prompt open, look again at the next check.
        if self.ui_state.modal.as_ref().is_some_and(|m| !m.gives_way()) {
            return;
        }
        match stamp.same_metadata(&path) {
            Some(true) => {}
            None => {
                self.open_modal(super::dialogs::modal::Modal::OutsideChange(
                    OutsideChange::Deleted,
                ));
            }
            Some(false) => {
                let Some(now) = DiskStamp::read(&path) else {
                    return;
                };
                if now.hash == stamp.hash {
                    self.safety.disk = Some(now); // touched, not changed
                    return;
                }
                let change = match crate::format::load(&path) {
                    Ok(parsed) => OutsideChange::Modified {
                        theirs: Box::new(parsed.journey),
                        show_changes: false,
                    },
                    Err(error) => OutsideChange::Unreadable(error.to_string()),
                };
                self.open_modal(super::dialogs::modal::Modal::OutsideChange(change));
            }
        }
    }

    /// Takes the version on disk, dropping the open document's changes.
    pub fn reload_from_disk(&mut self) {
        if let Some(path) = self.document.path.clone() {
            self.forget_recovery();
            self.open_path(&path);
        }
    }

    /// Keeps the open document; the next save writes it over the outside change.
    pub fn keep_mine(&mut self) {
        self.safety.disk = self.document.path.as_deref().and_then(DiskStamp::read);
        self.close_outside_change();
    }

    /// A new stamp answers any open question about the file on disk.
    fn close_outside_change(&mut self) {
        if matches!(
            self.ui_state.modal,
            Some(super::dialogs::modal::Modal::OutsideChange(_))
        ) {
            self.ui_state.modal = None;
        }
    }

    /// Opens a recovered journey as an unsaved document. The window takes over the
    /// dead window's slot, so its recovery file stays until this window saves, and no
    /// other window offers it meanwhile.
    pub fn restore(&mut self, found: Found) {
        let adopted = match recovery::Slot::adopt(&found) {
            Ok(slot) => slot,
            Err(error) => {
                self.autosave_failed(&error);
                return;
            }
        };
        self.safety.autosaved = None;
        match &mut self.safety.autosaver {
            // The window's own recovery (nothing unsaved yet at start) closes with it.
            Some(autosaver) => autosaver.replace(adopted),
            None => adopted.close(),
        }
        self.safety.open_recorded = None;
        let Found { recovery, .. } = found;
        self.replace_document(Document::new_unsaved(recovery.journey, recovery.path));
    }

    /// Deletes a recovery the person does not want (taking its lock first, so a
    /// window that restored it meanwhile keeps it).
    pub fn discard_recovery(&mut self, found: &Found) {
        let discarded = recovery::Slot::adopt(found).and_then(|slot| {
            slot.clear()?;
            slot.close();
            Ok(())
        });
        if let Err(error) = discarded {
            self.autosave_failed(&error);
        }
    }
}

/// The prompt's words for what a recovery (or an outside change) holds that the
/// other version does not: every part that differs, one line.
pub fn changes_summary(i18n: &crate::i18n::I18n, changes: &Changes) -> String {
    let mut parts = Vec::new();
    for (differs, part) in [(changes.header, "header"), (changes.stages, "stages")] {
        if differs {
            parts.push(i18n.tr(&format!("changes-{part}")));
        }
    }
    for kind in &changes.kinds {
        parts.push(crate::tr!(
            i18n,
            "changes-kind",
            kind = i18n.term("kinds", kind.kind.key()),
            added = kind.added,
            removed = kind.removed,
            changed = kind.changed
        ));
    }
    if parts.is_empty() {
        i18n.tr("changes-none")
    } else {
        parts.join("; ")
    }
}
