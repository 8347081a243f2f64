//! The open file on disk, off the frame. Two threads share what the session knows of
//! the file (`State`: which file, its stamp as last loaded or written, the bytes being
//! written now):
//! - the **writer** runs saves and re-stamps in the order they were asked for (writes
//!   to one path run in edit order); a save refuses, before writing and again just
//!   before its rename, to replace a file that changed since the session knew it;
//! - the **checker** wakes on the operating system's notifications for the file's
//!   folder (`Fs::watch`), on a slow poll (the fallback when there are none), or when
//!   the session asks, and reports an outside change once per new content.
//!
//! Invariant: the app's own writes are never reported as outside changes. The writer
//! records the hash of the bytes it is about to rename into place before it renames,
//! and the checker compares what it read against the state as it is *after* reading.

use super::fs::{Fs, Stat, WatchHandle};
use super::{Busy, Event, Pending, Sink, Token};
use crate::format::{self, LineEnding};
use crate::model::Journey;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// How often the checker looks at the file without a notification.
const POLL_MILLIS: u64 = 250;

/// What the file looked like when it was last loaded or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    stat: Stat,
    hash: u64,
}

impl DiskStamp {
    /// The stamp of `bytes`, just read from or written to a file that now has `stat`.
    pub fn of(stat: Stat, bytes: &[u8]) -> Self {
        Self {
            stat,
            hash: fnv1a(bytes),
        }
    }

    /// Reads the file; `None` when it is not there or cannot be read.
    pub fn read(fs: &dyn Fs, path: &Path) -> Option<Self> {
        let stat = fs.stat(path).ok()??;
        let bytes = fs.read(path, format::MAX_JOURNEY_BYTES).ok()?;
        Some(Self::of(stat, &bytes))
    }
}

/// A stable hash (FNV-1a), for comparing file contents cheaply.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A change to the open file made outside the app.
#[derive(Clone, Debug, PartialEq)]
pub enum OutsideChange {
    Modified(Box<Journey>),
    /// Changed on disk, and the new text does not load (a merge conflict, say).
    Unreadable(String),
    Deleted,
}

/// Which file is watched, and as what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The open document's file.
    Document(PathBuf),
    /// A file that failed to load, shown instead of the map: it is opened again when
    /// it changes.
    Failed(PathBuf),
}

impl Target {
    fn path(&self) -> &Path {
        match self {
            Target::Document(path) | Target::Failed(path) => path,
        }
    }
}

/// What has already been said about the file, so a change is reported once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reported {
    Missing,
    Content(u64),
}

#[derive(Default)]
struct State {
    /// The document the stamp belongs to (reports and saves carry it).
    document: u64,
    target: Option<Target>,
    known: Option<DiskStamp>,
    /// The hash of the bytes a save is renaming into place right now.
    writing: Option<u64>,
    reported: Option<Reported>,
    /// Checks asked for and not yet done; each holds a busy token.
    asked: Vec<Token>,
    /// The last save that reached the disk: (document, revision).
    landed: Option<(u64, u64)>,
    poked: bool,
    stop: bool,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn poke(&self) {
        self.lock().poked = true;
        self.wake.notify_all();
    }
}

/// A save, with everything the writer needs and nothing it must ask the UI for.
pub struct SaveJob {
    pub document: u64,
    pub revision: u64,
    pub path: PathBuf,
    pub journey: Box<Journey>,
    pub line_ending: LineEnding,
    /// Write even over a file that changed on disk (the person said so).
    pub force: bool,
    pub then: Option<Pending>,
}

enum Job {
    Save(Box<SaveJob>, Token),
    /// Take the file as it is on disk now as known (the person keeps their version).
    Restamp(u64, Token),
}

/// The writer and the checker of one session.
pub struct Disk {
    shared: Arc<Shared>,
    jobs: Option<Sender<Job>>,
    writer: Option<JoinHandle<()>>,
    checker: Option<JoinHandle<()>>,
    busy: Busy,
    sink: Sink,
}

impl Disk {
    /// Starts the writer and the checker. Should the system refuse a thread, saves
    /// report that they failed (and the edits stay unsaved) and changes go unnoticed.
    pub fn start(fs: Arc<dyn Fs>, sink: Sink, busy: Busy) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
        });
        let (jobs, inbox) = channel();
        let writer = {
            let (fs, sink, shared) = (Arc::clone(&fs), Arc::clone(&sink), Arc::clone(&shared));
            std::thread::Builder::new()
                .name("journeymap-save".to_owned())
                .spawn(move || write_jobs(&*fs, &sink, &shared, &inbox))
                .ok()
        };
        let checker = {
            let (sink, shared) = (Arc::clone(&sink), Arc::clone(&shared));
            std::thread::Builder::new()
                .name("journeymap-disk-check".to_owned())
                .spawn(move || check_loop(&fs, &sink, &shared))
                .ok()
        };
        Self {
            shared,
            jobs: writer.is_some().then_some(jobs),
            writer,
            checker,
            busy,
            sink,
        }
    }

    /// Waits for the saves already asked for and takes no more.
    pub fn finish_writes(&mut self) {
        self.jobs = None;
        if let Some(writer) = self.writer.take() {
            writer.join().ok();
        }
    }

    /// The last save that reached the disk: (document, revision).
    pub fn landed(&self) -> Option<(u64, u64)> {
        self.shared.lock().landed
    }

    /// From now on the file is `target` of `document`, as `stamp` says it was read.
    pub fn adopt(&self, document: u64, target: Option<Target>, stamp: Option<DiskStamp>) {
        let mut state = self.shared.lock();
        state.document = document;
        state.target = target;
        state.known = stamp;
        state.reported = None;
        state.poked = true;
        drop(state);
        self.shared.wake.notify_all();
    }

    /// Saves after the saves already asked for.
    pub fn save(&self, job: SaveJob) {
        if self.jobs.is_none() {
            (self.sink)(Event::SaveFailed {
                document: job.document,
                path: job.path,
                error: "journeymap could not start its saving thread".to_owned(),
            });
            return;
        }
        self.send(Job::Save(Box::new(job), self.busy.token()));
    }

    /// Takes the file on disk as known, after the saves already asked for.
    pub fn restamp(&self, document: u64) {
        self.send(Job::Restamp(document, self.busy.token()));
    }

    /// Looks at the file now (the frames' fallback for a missed notification).
    pub fn check(&self) {
        let token = self.busy.token();
        let mut state = self.shared.lock();
        state.asked.push(token);
        state.poked = true;
        drop(state);
        self.shared.wake.notify_all();
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // The writer stops only when this side drops the sender.
            jobs.send(job).ok();
        }
    }
}

impl Drop for Disk {
    /// Waits for the saves already asked for; stops the checker.
    fn drop(&mut self) {
        self.finish_writes();
        self.shared.lock().stop = true;
        self.shared.wake.notify_all();
        if let Some(checker) = self.checker.take() {
            checker.join().ok();
        }
    }
}

/// Why a save did not write.
#[derive(Debug)]
struct NewerOnDisk;

impl std::fmt::Display for NewerOnDisk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the file changed on disk since it was opened")
    }
}

impl std::error::Error for NewerOnDisk {}

fn write_jobs(fs: &dyn Fs, sink: &Sink, shared: &Shared, inbox: &Receiver<Job>) {
    while let Ok(job) = inbox.recv() {
        match job {
            Job::Save(save, token) => {
                let event = save_one(fs, shared, *save);
                sink(event);
                drop(token);
            }
            Job::Restamp(document, token) => {
                let target = {
                    let state = shared.lock();
                    (state.document == document)
                        .then(|| state.target.clone())
                        .flatten()
                };
                if let Some(target) = target {
                    let stamp = DiskStamp::read(fs, target.path());
                    let mut state = shared.lock();
                    if state.document == document {
                        state.known = stamp;
                        state.reported = None;
                    }
                }
                drop(token);
            }
        }
    }
}

/// Whether `path` still holds what the session last knew of it (a file that is not
/// there, or a path the session knows nothing of, holds nothing to lose).
fn unchanged(fs: &dyn Fs, shared: &Shared, document: u64, path: &Path) -> std::io::Result<()> {
    let known = {
        let state = shared.lock();
        let ours =
            state.document == document && state.target.as_ref().is_some_and(|t| t.path() == path);
        if ours { state.known.clone() } else { None }
    };
    let Some(known) = known else {
        return Ok(());
    };
    match fs.stat(path)? {
        None => Ok(()),
        Some(stat) if stat == known.stat => Ok(()),
        Some(_) => {
            let bytes = fs.read(path, format::MAX_JOURNEY_BYTES)?;
            if fnv1a(&bytes) == known.hash {
                Ok(())
            } else {
                Err(std::io::Error::other(NewerOnDisk))
            }
        }
    }
}

fn save_one(fs: &dyn Fs, shared: &Shared, job: SaveJob) -> Event {
    let SaveJob {
        document,
        revision,
        path,
        journey,
        line_ending,
        force,
        then,
    } = job;
    let failed = |error: String| Event::SaveFailed {
        document,
        path: path.clone(),
        error,
    };
    let text = match format::to_text(&journey) {
        Ok(text) => line_ending.apply(text),
        Err(error) => return failed(error.to_string()),
    };
    let bytes = text.into_bytes();
    let hash = fnv1a(&bytes);
    let refused = |error: &std::io::Error| {
        error
            .get_ref()
            .is_some_and(|inner| inner.downcast_ref::<NewerOnDisk>().is_some())
    };
    if !force && let Err(error) = unchanged(fs, shared, document, &path) {
        return if refused(&error) {
            Event::SaveRefused {
                document,
                path,
                then,
            }
        } else {
            failed(format_error(&path, error))
        };
    }
    shared.lock().writing = Some(hash);
    let mut check = || {
        if force {
            Ok(())
        } else {
            unchanged(fs, shared, document, &path)
        }
    };
    let written = fs.replace(&path, &bytes, &mut check);
    let mut state = shared.lock();
    state.writing = None;
    match written {
        Ok(()) => {
            if state.document == document {
                let stat = fs.stat(&path).ok().flatten().unwrap_or(Stat {
                    modified: None,
                    len: bytes.len() as u64,
                });
                state.known = Some(DiskStamp::of(stat, &bytes));
                state.target = Some(Target::Document(path.clone()));
                state.reported = None;
                state.poked = true;
            }
            state.landed = Some((document, revision));
            drop(state);
            shared.wake.notify_all();
            let stamp = fs
                .stat(&path)
                .ok()
                .flatten()
                .map(|stat| DiskStamp::of(stat, &bytes));
            Event::Saved {
                document,
                revision,
                path,
                stamp,
                then,
            }
        }
        Err(error) if refused(&error) => Event::SaveRefused {
            document,
            path,
            then,
        },
        Err(error) => {
            drop(state);
            failed(format_error(&path, error))
        }
    }
}

/// A save's error as the person reads it: what, and where.
fn format_error(path: &Path, error: std::io::Error) -> String {
    format::FormatError::Io {
        path: path.to_owned(),
        error,
    }
    .to_string()
}

/// The checker: wait for a notification, a poll or a question; look; repeat.
fn check_loop(fs: &Arc<dyn Fs>, sink: &Sink, shared: &Arc<Shared>) {
    let mut watching: Option<(PathBuf, Option<Box<dyn WatchHandle>>)> = None;
    loop {
        let (target, asked) = {
            let mut state = shared.lock();
            let timeout = Duration::from_millis(POLL_MILLIS);
            if !state.poked && !state.stop {
                state = shared
                    .wake
                    .wait_timeout(state, timeout)
                    .map(|(guard, _)| guard)
                    .unwrap_or_else(|e| e.into_inner().0);
            }
            if state.stop {
                return;
            }
            state.poked = false;
            (state.target.clone(), std::mem::take(&mut state.asked))
        };
        // The watch follows the file to its folder (a Save As moves it).
        let folder = target.as_ref().and_then(|t| t.path().parent()).map(|dir| {
            if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir.to_owned()
            }
        });
        if watching.as_ref().map(|(dir, _)| dir) != folder.as_ref() {
            watching = folder.map(|dir| {
                let poke = Arc::clone(shared);
                let handle = fs.watch(&dir, Box::new(move || poke.poke()));
                (dir, handle)
            });
        }
        if let Some(target) = target {
            look(&**fs, sink, shared, &target);
        }
        drop(asked);
    }
}

/// Looks at the watched file once and reports what is new.
fn look(fs: &dyn Fs, sink: &Sink, shared: &Shared, target: &Target) {
    let (document, known) = {
        let state = shared.lock();
        if state.target.as_ref() != Some(target) {
            return;
        }
        (state.document, state.known.clone())
    };
    let path = target.path();
    let stat = match fs.stat(path) {
        Ok(stat) => stat,
        Err(_) => return, // cannot be looked at now: next time
    };
    let Some(stat) = stat else {
        if matches!(target, Target::Document(_)) && known.is_some() {
            let mut state = shared.lock();
            if state.document == document && state.reported != Some(Reported::Missing) {
                state.reported = Some(Reported::Missing);
                drop(state);
                sink(Event::Outside {
                    document,
                    change: OutsideChange::Deleted,
                });
            }
        }
        return;
    };
    if known.as_ref().is_some_and(|k| k.stat == stat) {
        let mut state = shared.lock();
        if state.reported == Some(Reported::Missing) {
            state.reported = None; // back as it was
        }
        return;
    }
    let Ok(bytes) = fs.read(path, format::MAX_JOURNEY_BYTES) else {
        return;
    };
    let hash = fnv1a(&bytes);
    let mut state = shared.lock();
    // Compared with the state as it is now: a save may have landed meanwhile.
    if state.document != document || state.target.as_ref() != Some(target) {
        return;
    }
    if state.known.as_ref().is_some_and(|k| k.hash == hash) {
        if let Some(known) = &mut state.known {
            known.stat = stat; // touched, not changed
        }
        return;
    }
    if state.writing == Some(hash) || state.reported == Some(Reported::Content(hash)) {
        return;
    }
    state.reported = Some(Reported::Content(hash));
    match target {
        Target::Failed(path) => {
            // The failed file is looked at again; its new stamp is the one to beat.
            state.known = Some(DiskStamp::of(stat, &bytes));
            drop(state);
            sink(Event::FailedFileChanged { path: path.clone() });
        }
        Target::Document(_) => {
            if state.known.is_none() {
                return;
            }
            drop(state);
            let change = match format::parse_bytes(&bytes) {
                Ok(parsed) => OutsideChange::Modified(Box::new(parsed.journey)),
                Err(diagnostics) => OutsideChange::Unreadable(
                    format::FormatError::Invalid {
                        path: path.to_owned(),
                        diagnostics,
                    }
                    .to_string(),
                ),
            };
            sink(Event::Outside { document, change });
        }
    }
}
