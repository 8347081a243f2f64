//! The session: the open document with its history, and everything that keeps it
//! safe: opening, saving, autosave, recovery, the outside-change watch and the view of
//! a file that failed to load. No egui here; the editor is one front end of it and the
//! tests drive it without a window.
//!
//! Invariants:
//! - every file is read and written through `Fs`, on worker threads: nothing the
//!   session does on the caller's thread waits for a disk (`Session::start` excepted,
//!   which runs before the first frame);
//! - results come back as `Event`s through the `Sink` the session was given, and change
//!   the session only when its owner hands them to `on_event`;
//! - the document is replaced at exactly one point (`replace`);
//! - saves run in the order asked for; a save that fails leaves the edits unsaved and
//!   in the recovery file; dropping the session waits for pending writes.

pub mod autosave;
pub mod disk;
/// The file system the session goes through (`format::fs`), under its old name.
pub mod fs {
    pub use crate::format::fs::*;
}
pub mod open;
pub mod recovery;

pub use disk::{DiskStamp, OutsideChange};
pub use fs::{Fs, Gate, RealFs, ScriptedFs};
pub use open::{Failure, Opening, Purpose};

use crate::document::{Document, EditLabel};
use crate::model::{Edit, EditError, ElementId, Journey};
use disk::{Disk, SaveJob, Target};
use open::Loaded;
use recovery::{Found, Recovery};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

pub use autosave::{AUTOSAVE_DELAY_SECS, AUTOSAVE_MAX_WAIT_SECS};
/// How often frames that happen anyway also look at the file (the watch's fallback).
const DISK_CHECK_SECS: f64 = 1.0;
/// How long after the start the recovery folder is looked at again.
const SECOND_LOOK_SECS: f64 = 2.0;
/// While a file is being opened the window redraws this often (the seconds go by).
const OPENING_REDRAW_SECS: f64 = 0.1;

/// A change of the open document (see `Session::change`).
#[derive(Debug)]
pub enum Change {
    /// An edit made against the document as it was.
    Edit(Box<Edit>),
    /// The journey `to`, planned from `from` (a pasted sheet's review): what differs
    /// between them is applied to the document as it is now.
    Between {
        from: Box<Journey>,
        to: Box<Journey>,
    },
}

/// A change, its undo label, its typing key, and the count of changes it was made
/// against.
#[derive(Debug)]
pub struct ChangeRequest {
    pub change: Change,
    pub label: EditLabel,
    pub coalesce: Option<String>,
    pub base: u64,
}

/// Why a change was not made.
#[derive(Debug, PartialEq)]
pub enum ChangeError {
    Edit(EditError),
    /// What it changes was changed meanwhile: these elements (by name).
    Stale(Vec<String>),
}

/// Where the session's events go: the editor turns them into actions of its own.
pub type Sink = Arc<dyn Fn(Event) + Send + Sync>;

/// Something to do once unsaved changes are dealt with (after a save, say).
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// An empty journey: no catalogue entries, nothing on the map.
    New,
    /// An empty journey with a starter catalogue of common channels and departments.
    NewWithCatalogue,
    /// This journey as a new, unsaved document (an import).
    NewJourney(Box<Journey>),
    /// A new journey from the template with this key.
    NewFromTemplate(&'static str),
    Open,
    OpenPath(PathBuf),
    Quit,
}

/// What a worker thread did, for `Session::on_event`.
#[derive(Debug)]
pub enum Event {
    Loaded {
        id: u64,
        result: Box<Loaded>,
    },
    Saved {
        document: u64,
        revision: u64,
        path: PathBuf,
        /// The file as written (no re-read).
        stamp: Option<DiskStamp>,
        then: Option<Pending>,
    },
    /// The file changed on disk since it was opened: the person decides.
    SaveRefused {
        document: u64,
        path: PathBuf,
        then: Option<Pending>,
    },
    SaveFailed {
        document: u64,
        path: PathBuf,
        error: String,
    },
    Outside {
        document: u64,
        change: OutsideChange,
    },
    FailedFileChanged {
        path: PathBuf,
    },
    Restored(Box<Found>),
    RestoreFailed(String),
    AutosaveFailed(String),
    /// A recovery write succeeded after failures.
    AutosaveWorks,
    /// The recovery folder looked at again a moment after the start.
    SecondLook {
        found: Vec<Found>,
        open_elsewhere: bool,
    },
    /// A picture or data export finished (the files written and what to know of them,
    /// or the error).
    Exported(Result<crate::export::Exported, String>),
}

/// What the session's owner should tell the person, or do, after a call.
#[derive(Debug, PartialEq)]
pub enum Report {
    /// Another document is open: whatever pointed into the old one goes.
    Replaced,
    Opened {
        path: PathBuf,
        comments: usize,
    },
    /// The version on disk replaced the open one.
    Reloaded {
        path: PathBuf,
    },
    /// Another running window has the file open too.
    OpenElsewhere {
        path: PathBuf,
    },
    /// The window that had the file open is gone after all.
    NotOpenElsewhere,
    Saved {
        path: PathBuf,
    },
    SaveFailed(String),
    AutosaveFailed(String),
    /// Autosave works again after failing.
    AutosaveWorks,
    /// Restoring a recovery failed (another window took it, say).
    RestoreFailed(String),
    /// Run this now (it waited for a save).
    Then(Pending),
    /// A merge conflict was resolved into the open (unsaved) document.
    Resolved,
    Exported(Result<crate::export::Exported, String>),
}

/// Saving would overwrite a file changed on disk; `then` runs after the save.
#[derive(Debug, PartialEq)]
pub struct Overwrite {
    pub path: PathBuf,
    pub then: Option<Pending>,
}

/// The question the session waits on, at most one shown at a time.
#[derive(Debug)]
pub enum Prompt<'a> {
    /// Recovery files left by windows that died.
    Recovery(&'a [Found]),
    Overwrite(&'a Overwrite),
    Outside(&'a OutsideChange),
}

/// The answer to an overwrite or outside-change prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Save mine over it / keep mine.
    Mine,
    /// Take the version on disk.
    Theirs,
    /// Decide later (the overwrite prompt only).
    Cancel,
}

/// How the session is set up.
pub struct Config {
    pub fs: Arc<dyn Fs>,
    /// Where autosave writes recovery files (none: no autosave, nothing offered).
    pub recovery_dir: Option<PathBuf>,
    pub sink: Sink,
    /// When opening a file is given up.
    pub open_timeout: Duration,
}

/// Jobs started and not yet finished (their results sent): `wait_idle` waits for none.
#[derive(Clone, Debug, Default)]
pub struct Busy(Arc<(Mutex<usize>, Condvar)>);

/// One job in flight; dropped when its result has been sent.
#[derive(Debug)]
pub struct Token(Busy);

impl Busy {
    pub fn token(&self) -> Token {
        *self.0.0.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        Token(self.clone())
    }

    pub fn count(&self) -> usize {
        *self.0.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until no job is in flight, at most `timeout`; whether none is.
    pub fn wait_idle(&self, timeout: Duration) -> bool {
        let (count, changed) = &*self.0;
        let count = count.lock().unwrap_or_else(|e| e.into_inner());
        let (count, _) = changed
            .wait_timeout_while(count, timeout, |n| *n > 0)
            .unwrap_or_else(|e| e.into_inner());
        *count == 0
    }
}

impl Drop for Token {
    fn drop(&mut self) {
        let (count, changed) = &*self.0.0;
        let mut count = count.lock().unwrap_or_else(|e| e.into_inner());
        *count = count.saturating_sub(1);
        changed.notify_all();
    }
}

/// The one extra look at the recovery folder after the start.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum SecondLook {
    #[default]
    Pending,
    At(f64),
    Done,
}

/// Autosave and recovery: this window's slot and what it was last handed.
#[derive(Debug, Default)]
struct Safety {
    recovery_dir: Option<PathBuf>,
    autosaver: Option<autosave::Autosaver>,
    /// The file recorded in the slot as open in this window.
    open_recorded: Option<Option<PathBuf>>,
    /// The revision last handed to the autosaver.
    autosaved: Option<u64>,
    /// Why the recovery cannot be written, until a write succeeds.
    problem: Option<String>,
    /// When this window started (each recovery says so).
    started_unix_secs: u64,
    last_check_secs: f64,
    second_look: SecondLook,
    /// The person chose to lose the unsaved changes: nothing more is autosaved.
    discarded: bool,
    /// The room's notes waiting in the inbox, kept in the recovery with the journey.
    room_notes: Vec<recovery::PendingNote>,
    /// Notes a restored recovery brought back, for the editor to take.
    restored_notes: Vec<recovery::PendingNote>,
}

#[derive(Debug, Default)]
struct Prompts {
    recoveries: Vec<Found>,
    overwrite: Option<Overwrite>,
    outside: Option<OutsideChange>,
}

pub struct Session {
    document: Document,
    /// The open file's stamp as last loaded or saved (to watch it again after "Back").
    stamp: Option<DiskStamp>,
    failure: Option<Failure>,
    opening: Option<Opening>,
    prompts: Prompts,
    safety: Safety,
    /// Revisions of this document being saved now.
    saving: Vec<u64>,
    disk: Disk,
    fs: Arc<dyn Fs>,
    sink: Sink,
    busy: Busy,
    open_timeout: Duration,
    next_job: u64,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("path", &self.document.path)
            .field("revision", &self.document.revision())
            .finish()
    }
}

impl Session {
    /// A session showing `journey`, its slot claimed in the recovery folder and the
    /// recovery files of windows that died offered (read here: this runs before the
    /// first frame).
    pub fn start(config: Config, journey: Journey) -> (Self, Vec<Report>) {
        let Config {
            fs,
            recovery_dir,
            sink,
            open_timeout,
        } = config;
        let busy = Busy::default();
        let mut reports = Vec::new();
        let disk = Disk::start(Arc::clone(&fs), Arc::clone(&sink), busy.clone());
        let mut safety = Safety {
            recovery_dir: recovery_dir.clone(),
            started_unix_secs: recovery::now_unix_secs(),
            ..Safety::default()
        };
        if let Some(dir) = &recovery_dir {
            // Claimed now, so the recoveries offered below are other windows'; a slot
            // that cannot be claimed is claimed again with each edit's snapshot.
            let slot = match recovery::Slot::claim_with(Arc::clone(&fs), dir) {
                Ok(slot) => Some(slot),
                Err(error) => {
                    let error = error.to_string();
                    safety.problem = Some(error.clone());
                    reports.push(Report::AutosaveFailed(error));
                    None
                }
            };
            let place = autosave::Place {
                fs: Arc::clone(&fs),
                dir: dir.clone(),
            };
            match autosave::Autosaver::start(slot, place, Arc::clone(&sink), busy.clone()) {
                Ok(autosaver) => safety.autosaver = Some(autosaver),
                Err(error) => {
                    let error = error.to_string();
                    safety.problem = Some(error.clone());
                    reports.push(Report::AutosaveFailed(error));
                }
            }
        }
        let mut session = Self {
            document: Document::new(journey, None),
            stamp: None,
            failure: None,
            opening: None,
            prompts: Prompts::default(),
            safety,
            saving: Vec::new(),
            disk,
            fs,
            sink,
            busy,
            open_timeout,
            next_job: 0,
        };
        if let Some(dir) = &session.safety.recovery_dir {
            let own = session.own();
            session.prompts.recoveries = recovery::find_with(&*session.fs, dir, own.as_deref());
        }
        (session, reports)
    }

    // ---- what the session holds ----

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn journey(&self) -> &Journey {
        &self.document.journey
    }

    /// The file that failed to load, shown instead of the map.
    pub fn failure(&self) -> Option<&Failure> {
        self.failure.as_ref()
    }

    /// A file being read.
    pub fn opening(&self) -> Option<&Opening> {
        self.opening.as_ref()
    }

    /// The question waiting for an answer, if any: recovery first, then overwrite, then
    /// an outside change.
    pub fn prompt(&self) -> Option<Prompt<'_>> {
        let Prompts {
            recoveries,
            overwrite,
            outside,
        } = &self.prompts;
        if !recoveries.is_empty() {
            return Some(Prompt::Recovery(recoveries));
        }
        if let Some(overwrite) = overwrite {
            return Some(Prompt::Overwrite(overwrite));
        }
        outside.as_ref().map(Prompt::Outside)
    }

    /// Unsaved changes that no save in flight will write: quitting or replacing the
    /// document would lose them.
    pub fn needs_saving(&self) -> bool {
        self.document.is_modified() && !self.saving.contains(&self.document.revision())
    }

    /// Whether a save of the open document is on its way to the disk.
    pub fn is_saving(&self) -> bool {
        !self.saving.is_empty()
    }

    /// Jobs in flight (saves, checks, opening, autosave, exports).
    pub fn busy(&self) -> &Busy {
        &self.busy
    }

    /// Waits until every job asked for so far has sent its result, at most `timeout`.
    pub fn wait_idle(&self, timeout: Duration) -> bool {
        self.busy.wait_idle(timeout)
    }

    pub fn fs(&self) -> Arc<dyn Fs> {
        Arc::clone(&self.fs)
    }

    fn own(&self) -> Option<String> {
        self.safety
            .autosaver
            .as_ref()
            .and_then(autosave::Autosaver::slot_name)
    }

    /// Whether an edit's snapshot is waiting for edits to pause before it is written.
    pub fn autosave_waiting(&self) -> bool {
        self.safety
            .autosaver
            .as_ref()
            .is_some_and(autosave::Autosaver::is_waiting)
    }

    /// Why unsaved work is not reaching the recovery folder, until a write succeeds
    /// (a lasting state, not a notice).
    pub fn autosave_problem(&self) -> Option<&str> {
        self.safety.problem.as_deref()
    }

    // ---- editing ----

    /// The one door every change of the editor goes through: an edit made against the
    /// document as it was after `base` changes (`Document::changes`), or a journey a
    /// review planned from an older one. Made against an older state, it is rebased
    /// when it touches nothing that changed since; refused, naming what changed, when
    /// it does. Refused, nothing changes.
    pub fn change(&mut self, request: ChangeRequest) -> Result<(), ChangeError> {
        let ChangeRequest {
            change,
            label,
            coalesce,
            base,
        } = request;
        let current = self.document.changes();
        match change {
            Change::Edit(edit) => {
                if base != current {
                    let (touched, header) = self
                        .document
                        .touched_since(base)
                        .ok_or_else(|| ChangeError::Stale(Vec::new()))?;
                    let (mine, my_header) = edit.touches();
                    let mut clashes: Vec<ElementId> =
                        mine.into_iter().filter(|id| touched.contains(id)).collect();
                    clashes.dedup();
                    if !clashes.is_empty() || (header && my_header) {
                        return Err(ChangeError::Stale(self.names(&clashes)));
                    }
                }
                self.apply(*edit, label, coalesce)
                    .map_err(ChangeError::Edit)
            }
            Change::Between { from, to } => {
                let edit = if base == current {
                    Edit::between(&self.document.journey, &to)
                } else {
                    let merged = crate::merge::merge(&from, &self.document.journey, &to)
                        .map_err(|e| ChangeError::Stale(vec![e.to_string()]))?;
                    if !merged.conflicts.is_empty() {
                        let mut names: Vec<String> = Vec::new();
                        for c in &merged.conflicts {
                            let name = if c.name.trim().is_empty() {
                                c.id.clone()
                            } else {
                                c.name.clone()
                            };
                            if !names.contains(&name) {
                                names.push(name);
                            }
                        }
                        return Err(ChangeError::Stale(names));
                    }
                    Edit::between(&self.document.journey, &merged.journey)
                };
                self.apply(edit, label, coalesce).map_err(ChangeError::Edit)
            }
        }
    }

    /// What people call these elements (their titles, else their ids).
    fn names(&self, ids: &[ElementId]) -> Vec<String> {
        ids.iter()
            .map(|id| {
                let name = crate::model::element_name(&self.document.journey, id);
                if name.trim().is_empty() {
                    id.as_str().to_owned()
                } else {
                    name
                }
            })
            .collect()
    }

    /// Applies an edit; the snapshot goes to the autosave worker at once, which writes
    /// it when edits pause whether or not a frame ever runs again.
    pub fn apply(
        &mut self,
        edit: Edit,
        label: EditLabel,
        coalesce: Option<String>,
    ) -> Result<(), EditError> {
        let applied = self.document.apply(edit, label, coalesce);
        self.changed();
        applied
    }

    pub fn undo(&mut self) -> bool {
        let undone = self.document.undo();
        self.changed();
        undone
    }

    pub fn redo(&mut self) -> bool {
        let redone = self.document.redo();
        self.changed();
        redone
    }

    /// After the document changed: unsaved work is handed to the autosaver; back at
    /// the saved state, the recovery goes.
    fn changed(&mut self) {
        if !self.document.is_modified() {
            if self.safety.autosaved.is_some() {
                self.forget_recovery();
            }
            return;
        }
        if self.safety.discarded || self.safety.autosaved == Some(self.document.revision()) {
            return;
        }
        self.autosave(false);
    }

    /// The next edit starts a new undo step (focus moved to another field).
    pub fn break_coalescing(&mut self) {
        self.document.break_coalescing();
    }

    // ---- replacing the document ----

    /// The one place the open document is replaced.
    fn replace(&mut self, document: Document, stamp: Option<DiskStamp>) -> Report {
        self.document = document;
        self.failure = None;
        self.saving.clear();
        self.prompts.overwrite = None;
        self.prompts.outside = None;
        self.safety.autosaved = None;
        self.safety.discarded = false;
        self.stamp = stamp.clone();
        self.watch_document(stamp);
        self.record_open();
        Report::Replaced
    }

    fn watch_document(&self, stamp: Option<DiskStamp>) {
        let target = self.document.path.clone().map(Target::Document);
        self.disk.adopt(self.document.id(), target, stamp);
    }

    /// Tells other windows which file this one has open.
    fn record_open(&mut self) {
        let path = self.document.path.clone();
        if self.safety.open_recorded.as_ref() == Some(&path) {
            return;
        }
        self.safety.open_recorded = Some(path.clone());
        if let Some(autosaver) = &self.safety.autosaver {
            autosaver.set_open(path);
        }
    }

    /// A new journey (nothing on disk yet); the old one's recovery goes.
    pub fn new_document(&mut self, journey: Journey) -> Vec<Report> {
        self.forget_recovery();
        vec![self.replace(Document::new(journey, None), None)]
    }

    /// The unsaved changes are thrown away (the person said so): their recovery goes.
    pub fn discard_changes(&mut self) {
        self.forget_recovery();
        self.safety.discarded = true;
    }

    fn forget_recovery(&mut self) {
        // The room's notes outlive a save: they are the window's, not the file's.
        if !self.safety.room_notes.is_empty() && !self.safety.discarded {
            self.autosave(true);
            return;
        }
        if let Some(autosaver) = &self.safety.autosaver {
            autosaver.clear();
        }
        self.safety.autosaved = None;
    }

    // ---- opening ----

    /// Opens `path` on its own thread; the open journey stays until it has loaded.
    pub fn open(&mut self, path: &Path, can_go_back: bool) {
        self.open_for(path, can_go_back, Purpose::Open);
    }

    fn open_for(&mut self, path: &Path, can_go_back: bool, purpose: Purpose) {
        self.next_job += 1;
        let id = self.next_job;
        let token = self.busy.token();
        let (fs, sink, file) = (
            Arc::clone(&self.fs),
            Arc::clone(&self.sink),
            path.to_owned(),
        );
        let recovery_dir = self.safety.recovery_dir.clone();
        let own = self.own();
        let started = std::thread::Builder::new()
            .name("journeymap-open".into())
            .spawn(move || {
                let recovery = recovery_dir.as_deref().map(|dir| (dir, own.as_deref()));
                let result = open::load(&*fs, &file, can_go_back, recovery);
                sink(Event::Loaded {
                    id,
                    result: Box::new(result),
                });
                drop(token);
            });
        if let Err(error) = started {
            let error = crate::format::FormatError::Io {
                path: path.to_owned(),
                error,
            };
            self.show_failure(open::failure(&*self.fs, path, &error, can_go_back, None));
            return;
        }
        self.opening = Some(Opening {
            id,
            path: path.to_owned(),
            since: Instant::now(),
            can_go_back,
            purpose,
        });
    }

    /// Gives up the file being opened (Cancel); its result, when it comes, is dropped.
    pub fn cancel_opening(&mut self) {
        self.opening = None;
    }

    fn show_failure(&mut self, failure: Failure) {
        self.disk.adopt(
            self.document.id(),
            Some(Target::Failed(failure.path.clone())),
            failure.stamp.clone(),
        );
        self.failure = Some(failure);
    }

    fn loaded(&mut self, id: u64, result: Loaded) -> Vec<Report> {
        let Some(opening) = self.opening.take_if(|o| o.id == id) else {
            return Vec::new(); // given up, or a newer open asked for
        };
        match result {
            Ok(opened) => {
                let open::Opened {
                    document,
                    comments,
                    stamp,
                    open_elsewhere,
                } = opened;
                self.forget_recovery();
                let path = opening.path.clone();
                let mut reports = vec![self.replace(document, stamp)];
                reports.push(match opening.purpose {
                    Purpose::Reload => Report::Reloaded { path: path.clone() },
                    Purpose::Open | Purpose::Retry => Report::Opened {
                        path: path.clone(),
                        comments,
                    },
                });
                if open_elsewhere {
                    reports.push(Report::OpenElsewhere { path });
                }
                reports
            }
            Err(failure) => {
                self.show_failure(*failure);
                Vec::new()
            }
        }
    }

    /// Takes the version on disk, dropping the open document's changes once it loads.
    pub fn reload(&mut self) {
        if let Some(path) = self.document.path.clone() {
            self.prompts.outside = None;
            self.prompts.overwrite = None;
            self.open_for(&path, true, Purpose::Reload);
        }
    }

    /// Tries the failed file again.
    pub fn retry_failed(&mut self) {
        if let Some(failure) = &self.failure {
            let (path, back) = (failure.path.clone(), failure.can_go_back);
            self.open_for(&path, back, Purpose::Retry);
        }
    }

    /// Leaves the failure view for the journey that was open behind it.
    pub fn back_from_failure(&mut self) {
        if self.failure.take().is_some() {
            self.watch_document(self.stamp.clone());
        }
    }

    /// A resolved merge conflict becomes the open document, unsaved, under the
    /// conflicted file's name.
    pub fn resolved(&mut self, journey: Journey) -> Vec<Report> {
        let Some(path) = self.failure.as_ref().map(|f| f.path.clone()) else {
            return Vec::new();
        };
        let stamp = self.failure.as_ref().and_then(|f| f.stamp.clone());
        let replaced = self.replace(Document::new_unsaved(journey, Some(path)), stamp);
        // The resolution is work of its own: kept from now on.
        self.changed();
        vec![replaced, Report::Resolved]
    }

    // ---- saving ----

    /// Saves to the document's path; without one, gives `then` back so the owner asks
    /// where.
    pub fn save(&mut self, then: Option<Pending>) -> Result<(), Option<Pending>> {
        let Some(path) = self.document.path.clone() else {
            return Err(then);
        };
        self.save_to(path, false, then);
        Ok(())
    }

    /// Saves under a new name (the file dialog's answer).
    pub fn save_as(&mut self, path: PathBuf, then: Option<Pending>) {
        self.save_to(path, false, then);
    }

    fn save_to(&mut self, path: PathBuf, force: bool, then: Option<Pending>) {
        // Typing after Ctrl+S is a new undo step, as it was before the save.
        self.document.break_coalescing();
        let revision = self.document.revision();
        self.saving.push(revision);
        self.disk.save(SaveJob {
            document: self.document.id(),
            revision,
            path,
            journey: Box::new(self.document.journey.clone()),
            line_ending: self.document.line_ending,
            force,
            then,
        });
    }

    // ---- prompts ----

    /// Restores the recovery at `index` (the rest stay offered for the next start).
    pub fn restore(&mut self, index: usize) {
        if index >= self.prompts.recoveries.len() {
            return;
        }
        let found = self.prompts.recoveries.remove(index);
        self.prompts.recoveries.clear();
        match &mut self.safety.autosaver {
            Some(autosaver) => autosaver.restore(found),
            // No recovery folder, nothing could have been offered: take it as it is.
            None => (self.sink)(Event::Restored(Box::new(found))),
        }
    }

    /// The room's notes waiting in the inbox: written into this window's recovery (now
    /// or when edits pause), so a crash offers them back; never into the map.
    pub fn set_room_notes(&mut self, notes: Vec<recovery::PendingNote>) {
        if notes == self.safety.room_notes {
            return;
        }
        self.safety.room_notes = notes;
        if self.safety.room_notes.is_empty() && !self.document.is_modified() {
            self.forget_recovery();
        } else {
            self.autosave(true);
        }
    }

    /// Notes a restored recovery brought back (once).
    pub fn take_restored_notes(&mut self) -> Vec<recovery::PendingNote> {
        std::mem::take(&mut self.safety.restored_notes)
    }

    /// Deletes the recovery at `index`; the others stay offered.
    pub fn discard_recovery(&mut self, index: usize) {
        if index >= self.prompts.recoveries.len() {
            return;
        }
        let found = self.prompts.recoveries.remove(index);
        if let Some(autosaver) = &self.safety.autosaver {
            autosaver.discard(found);
        }
    }

    /// The overwrite prompt's answer.
    pub fn answer_overwrite(&mut self, answer: Answer) {
        let Some(Overwrite { path, then }) = self.prompts.overwrite.take() else {
            return;
        };
        match answer {
            Answer::Mine => self.save_to(path, true, then),
            Answer::Theirs => self.reload(),
            Answer::Cancel => {}
        }
    }

    /// The outside-change prompt's answer.
    pub fn answer_outside(&mut self, answer: Answer) {
        if self.prompts.outside.take().is_none() {
            return;
        }
        match answer {
            Answer::Theirs => self.reload(),
            // The next save writes mine over theirs without asking again.
            Answer::Mine | Answer::Cancel => self.disk.restamp(self.document.id()),
        }
    }

    // ---- time and results ----

    /// Called every frame with the app's clock: the disk check fallback, the second
    /// look at the recovery folder, the opening timeout. (Autosave keeps its own clock:
    /// a covered window runs no frames.)
    /// Returns when to be called again at the latest (in seconds from now).
    pub fn tick(&mut self, now_secs: f64) -> Option<f64> {
        let mut wake: Option<f64> = None;
        let mut wake_in = |secs: f64| {
            wake = Some(wake.map_or(secs, |w: f64| w.min(secs)));
        };
        if now_secs - self.safety.last_check_secs >= DISK_CHECK_SECS {
            self.safety.last_check_secs = now_secs;
            self.disk.check();
        }
        match self.safety.second_look {
            SecondLook::Pending => {
                self.safety.second_look = SecondLook::At(now_secs + SECOND_LOOK_SECS);
                wake_in(SECOND_LOOK_SECS);
            }
            SecondLook::At(at) if now_secs >= at => {
                self.safety.second_look = SecondLook::Done;
                self.look_again();
            }
            SecondLook::At(at) => wake_in(at - now_secs),
            SecondLook::Done => {}
        }
        if let Some(opening) = &self.opening {
            if opening.since.elapsed() >= self.open_timeout {
                let opening = self.opening.take().unwrap_or_else(|| unreachable!());
                let error = crate::format::FormatError::Io {
                    path: opening.path.clone(),
                    error: std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        format!(
                            "the file took more than {} s to read",
                            self.open_timeout.as_secs_f32()
                        ),
                    ),
                };
                let failure = Failure {
                    path: opening.path.clone(),
                    diagnostics: Vec::new(),
                    message: error.to_string(),
                    can_go_back: opening.can_go_back,
                    resolution: None,
                    stamp: None,
                };
                self.show_failure(failure);
            } else {
                wake_in(OPENING_REDRAW_SECS);
            }
        }
        wake
    }

    /// Hands the document to the autosaver: written when edits pause, or `now`.
    fn autosave(&mut self, now: bool) {
        let Some(autosaver) = &self.safety.autosaver else {
            return;
        };
        let recovery = Recovery {
            path: self.document.path.clone(),
            autosaved_unix_secs: recovery::now_unix_secs(),
            window_started_unix_secs: self.safety.started_unix_secs,
            pid: std::process::id(),
            journey: self.document.journey.clone(),
            room_notes: self.safety.room_notes.clone(),
        };
        if now {
            autosaver.write_now(recovery);
        } else {
            autosaver.write_later(recovery);
        }
        // Asked for once per revision; a failure comes back as an event.
        self.safety.autosaved = Some(self.document.revision());
    }

    /// Looks at the recovery folder once more: work of a window that was still exiting
    /// when this one started (killed just before) is offered now.
    fn look_again(&mut self) {
        let Some(dir) = self.safety.recovery_dir.clone() else {
            return;
        };
        let (fs, sink, own) = (Arc::clone(&self.fs), Arc::clone(&self.sink), self.own());
        let path = self.document.path.clone();
        self.spawn(move || {
            let open_elsewhere = path
                .as_deref()
                .is_some_and(|path| recovery::open_elsewhere(&*fs, &dir, path, own.as_deref()));
            let found = recovery::find_with(&*fs, &dir, own.as_deref());
            drop(sink);
            Event::SecondLook {
                found,
                open_elsewhere,
            }
        });
    }

    /// Runs `job` on a thread of its own; its event comes back through the sink.
    pub fn spawn(&self, job: impl FnOnce() -> Event + Send + 'static) {
        let token = self.busy.token();
        let sink = Arc::clone(&self.sink);
        let spawned = std::thread::Builder::new()
            .name("journeymap-job".into())
            .spawn(move || {
                sink(job());
                drop(token);
            });
        if let Err(error) = spawned {
            (self.sink)(Event::Exported(Err(error.to_string())));
        }
    }

    /// Takes a worker's result into the session.
    pub fn on_event(&mut self, event: Event) -> Vec<Report> {
        let id = self.document.id();
        match event {
            Event::Loaded { id, result } => self.loaded(id, *result),
            Event::Saved {
                document,
                revision,
                path,
                stamp,
                then,
            } => {
                if document != id {
                    return then.map(Report::Then).into_iter().collect();
                }
                self.saving.retain(|r| *r != revision);
                self.document.mark_saved(revision, path.clone());
                self.stamp = stamp;
                if !self.document.is_modified() {
                    self.forget_recovery();
                }
                self.prompts.outside = None;
                self.record_open();
                let mut reports = vec![Report::Saved { path }];
                reports.extend(then.map(Report::Then));
                reports
            }
            Event::SaveRefused {
                document,
                path,
                then,
            } => {
                if document == id {
                    self.saving.clear();
                    self.prompts.overwrite = Some(Overwrite { path, then });
                }
                Vec::new()
            }
            Event::SaveFailed {
                document, error, ..
            } => {
                if document == id {
                    self.saving.clear();
                }
                vec![Report::SaveFailed(error)]
            }
            Event::Outside { document, change } => {
                if document != id || self.failure.is_some() {
                    return Vec::new();
                }
                // Nothing of ours to lose: take theirs without asking.
                if !self.document.is_modified() && matches!(change, OutsideChange::Modified(_)) {
                    self.reload();
                } else {
                    self.prompts.outside = Some(change);
                }
                Vec::new()
            }
            Event::FailedFileChanged { path } => {
                if self.failure.as_ref().is_some_and(|f| f.path == path) {
                    self.retry_failed();
                }
                Vec::new()
            }
            Event::Restored(found) => {
                let Found { mut recovery, .. } = *found;
                self.safety.restored_notes = std::mem::take(&mut recovery.room_notes);
                self.safety.open_recorded = None;
                let path = recovery.path.clone();
                let report = self.replace(Document::new_unsaved(recovery.journey, path), None);
                // What the file on disk holds now is what the restored work is measured
                // against (read by the writer, not here).
                self.disk.restamp(self.document.id());
                vec![report]
            }
            Event::RestoreFailed(error) => vec![Report::RestoreFailed(error)],
            Event::AutosaveFailed(error) => {
                let first = self.safety.problem.is_none();
                self.safety.problem = Some(error.clone());
                // Said once as a notice; the status bar keeps it until a write works.
                if first {
                    vec![Report::AutosaveFailed(error)]
                } else {
                    Vec::new()
                }
            }
            Event::AutosaveWorks => {
                self.safety.problem = None;
                vec![Report::AutosaveWorks]
            }
            Event::SecondLook {
                found,
                open_elsewhere,
            } => {
                let mut reports = Vec::new();
                if !open_elsewhere {
                    reports.push(Report::NotOpenElsewhere);
                }
                // Offered only while nothing here could be lost by restoring.
                if self.prompt().is_none() && !self.document.is_modified() {
                    self.prompts.recoveries = found;
                }
                reports
            }
            Event::Exported(result) => vec![Report::Exported(result)],
        }
    }
}

impl Drop for Session {
    /// Pending saves land first; then unsaved work is left in the recovery file (or
    /// the recovery goes, if a save in flight wrote it all); then the autosave worker
    /// finishes and releases the slot.
    fn drop(&mut self) {
        self.disk.finish_writes();
        let current = (self.document.id(), self.document.revision());
        if self.disk.landed() == Some(current) {
            self.forget_recovery();
        } else if self.document.is_modified()
            && !self.safety.discarded
            && self.safety.autosaved != Some(current.1)
        {
            self.autosave(true);
        }
        self.safety.autosaver = None;
    }
}
