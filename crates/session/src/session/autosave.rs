//! Autosave on its own clock: a worker thread owns the window's recovery `Slot` and
//! does every write, clear and hand-over for it, in the order they were asked for. The
//! session hands it a snapshot with each edit; the worker writes it once edits pause
//! (`AUTOSAVE_DELAY_SECS` after the last, at most `AUTOSAVE_MAX_WAIT_SECS` after the
//! first unwritten one), whether or not the window draws: a window that another covers
//! runs no frames, and its work must still reach the disk.
//!
//! Invariants: jobs run in order (a clear after a write removes that write's file, and
//! cancels a write still waiting); a newer snapshot replaces a waiting one; dropping the
//! `Autosaver` writes the waiting snapshot at once, then closes the slot (quitting never
//! loses the last edit). A slot that could not be claimed is claimed again with each
//! snapshot; every failure is reported, and the first success after failures too, so
//! the session can show a lasting state. Results come back as session events; a job
//! holds a busy token until its result is sent, except a snapshot waiting for its time
//! (tests and quitting wait for work in flight, not for a timer).

use super::fs::Fs;
use super::recovery::{Found, Recovery, Slot};
use super::{Busy, Event, Sink, Token};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A snapshot is written this long after the last edit (well within the promised two
/// seconds).
pub const AUTOSAVE_DELAY_SECS: f64 = 1.0;
/// However fast the typing, a snapshot waits at most this long.
pub const AUTOSAVE_MAX_WAIT_SECS: f64 = 5.0;

enum Job {
    /// Write this once edits pause.
    Later(Box<Recovery>),
    /// Write this now (the session is going away).
    Now(Box<Recovery>),
    Clear,
    SetOpen(Option<PathBuf>),
    /// Take over a dead window's slot to restore its recovery; the old slot closes.
    Restore(Box<Found>),
    /// Take a dead window's slot and delete its recovery (the person does not want it).
    Discard(Box<Found>),
}

/// Where the worker claims a slot when it has none.
pub struct Place {
    pub fs: Arc<dyn Fs>,
    pub dir: PathBuf,
}

pub struct Autosaver {
    /// The slot's name, once one is claimed (the worker may claim it later).
    name: Arc<Mutex<Option<String>>>,
    /// Snapshots handed over and not yet written, replaced or cancelled.
    waiting: Arc<AtomicUsize>,
    jobs: Option<Sender<(Job, Option<Token>)>>,
    worker: Option<JoinHandle<()>>,
    busy: Busy,
}

impl std::fmt::Debug for Autosaver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Autosaver")
            .field("slot", &self.slot_name())
            .finish()
    }
}

impl Autosaver {
    /// Starts the worker with `slot` (or none: it claims one in `place` with the first
    /// snapshot, and with each one after until a claim succeeds); results go to `sink`.
    pub fn start(
        slot: Option<Slot>,
        place: Place,
        sink: Sink,
        busy: Busy,
    ) -> std::io::Result<Self> {
        let (jobs, inbox) = channel();
        let name = Arc::new(Mutex::new(slot.as_ref().map(|s| s.name().to_owned())));
        let waiting = Arc::new(AtomicUsize::new(0));
        let worker = Worker {
            slot,
            place,
            name: Arc::clone(&name),
            waiting: Arc::clone(&waiting),
            sink,
            busy: busy.clone(),
            failing: false,
            open: None,
        };
        let worker = std::thread::Builder::new()
            .name("journeymap-autosave".to_owned())
            .spawn(move || worker.run(&inbox))?;
        Ok(Self {
            name,
            waiting,
            jobs: Some(jobs),
            worker: Some(worker),
            busy,
        })
    }

    /// The slot's name (other windows' files are everything else), if one is claimed.
    /// After a restore it is the restored slot's, once the worker has taken it over.
    pub fn slot_name(&self) -> Option<String> {
        self.name.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn send(&self, job: Job, busy: bool) {
        if let Some(jobs) = &self.jobs {
            let token = busy.then(|| self.busy.token());
            // The worker only stops when this side drops the sender.
            jobs.send((job, token)).ok();
        }
    }

    /// Writes this snapshot as the window's recovery once edits pause; a newer one
    /// replaces it.
    pub fn write_later(&self, recovery: Recovery) {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        self.send(Job::Later(Box::new(recovery)), false);
    }

    /// Whether a snapshot handed over is still waiting for its time.
    pub fn is_waiting(&self) -> bool {
        self.waiting.load(Ordering::SeqCst) > 0
    }

    /// Writes this snapshot now, after the jobs before it.
    pub fn write_now(&self, recovery: Recovery) {
        self.send(Job::Now(Box::new(recovery)), true);
    }

    /// Removes the window's recovery (the document was saved or discarded), and any
    /// snapshot still waiting.
    pub fn clear(&self) {
        self.send(Job::Clear, true);
    }

    /// Records which journey the window has open.
    pub fn set_open(&self, path: Option<PathBuf>) {
        self.send(Job::SetOpen(path), true);
    }

    /// Continues in `found`'s slot (its recovery is restored), closing the window's
    /// own; `Event::Restored` or `Event::RestoreFailed` follows.
    pub fn restore(&mut self, found: Found) {
        if let Some(name) = found.file.file_stem() {
            *self.name.lock().unwrap_or_else(|e| e.into_inner()) =
                Some(name.to_string_lossy().into_owned());
        }
        self.send(Job::Restore(Box::new(found)), true);
    }

    /// Deletes `found`'s recovery, taking its lock first (a window that restored it
    /// meanwhile keeps it).
    pub fn discard(&self, found: Found) {
        self.send(Job::Discard(Box::new(found)), true);
    }
}

impl Drop for Autosaver {
    /// Writes a waiting snapshot and the jobs already asked for, then closes the slot.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            worker.join().ok();
        }
    }
}

/// A snapshot waiting for edits to pause.
struct Waiting {
    recovery: Box<Recovery>,
    due: Instant,
    first: Instant,
}

struct Worker {
    slot: Option<Slot>,
    place: Place,
    name: Arc<Mutex<Option<String>>>,
    waiting: Arc<AtomicUsize>,
    sink: Sink,
    busy: Busy,
    /// The last write failed (a success is then reported).
    failing: bool,
    /// The journey the window has open, for a slot claimed later.
    open: Option<Option<PathBuf>>,
}

impl Worker {
    fn run(mut self, inbox: &Receiver<(Job, Option<Token>)>) {
        let delay = Duration::from_secs_f64(AUTOSAVE_DELAY_SECS);
        let max_wait = Duration::from_secs_f64(AUTOSAVE_MAX_WAIT_SECS);
        let mut waiting: Option<Waiting> = None;
        loop {
            let received = match &waiting {
                Some(w) => inbox.recv_timeout(w.due.saturating_duration_since(Instant::now())),
                None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            let (job, token) = match received {
                Ok(job) => job,
                Err(RecvTimeoutError::Timeout) => {
                    if let Some(w) = waiting.take() {
                        let _busy = self.busy.token();
                        self.write(&w.recovery);
                        self.done_waiting();
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            };
            match job {
                Job::Later(recovery) => {
                    let now = Instant::now();
                    let first = waiting.as_ref().map_or(now, |w| w.first);
                    if waiting.is_some() {
                        self.done_waiting();
                    }
                    waiting = Some(Waiting {
                        recovery,
                        due: (now + delay).min(first + max_wait),
                        first,
                    });
                }
                Job::Now(recovery) => {
                    if waiting.take().is_some() {
                        self.done_waiting();
                    }
                    self.write(&recovery);
                }
                Job::Clear => {
                    if waiting.take().is_some() {
                        self.done_waiting();
                    }
                    if let Some(slot) = &self.slot {
                        let cleared = slot.clear();
                        self.report(cleared);
                    }
                }
                Job::SetOpen(path) => {
                    if let Some(slot) = &mut self.slot {
                        let recorded = slot.set_open(path.as_deref());
                        self.report(recorded);
                    }
                    self.open = Some(path);
                }
                Job::Restore(found) => {
                    if waiting.take().is_some() {
                        self.done_waiting();
                    }
                    self.restore(*found);
                }
                Job::Discard(found) => {
                    let discarded = Slot::adopt(Arc::clone(&self.place.fs), &found)
                        .map_err(|e| std::io::Error::other(e.to_string()))
                        .and_then(|taken| {
                            taken.clear()?;
                            taken.close();
                            Ok(())
                        });
                    self.report(discarded);
                }
            }
            drop(token);
        }
        // The window is going away: what waits is written now.
        if let Some(w) = waiting.take() {
            self.write(&w.recovery);
            self.done_waiting();
        }
        if let Some(slot) = self.slot.take() {
            slot.close();
        }
    }

    fn done_waiting(&self) {
        self.waiting.fetch_sub(1, Ordering::SeqCst);
    }

    /// Claims a slot if there is none yet.
    fn claimed(&mut self) -> std::io::Result<&Slot> {
        if self.slot.is_none() {
            let mut slot = Slot::claim_with(Arc::clone(&self.place.fs), &self.place.dir)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            if let Some(open) = &self.open {
                slot.set_open(open.as_deref())?;
            }
            *self.name.lock().unwrap_or_else(|e| e.into_inner()) = Some(slot.name().to_owned());
            self.slot = Some(slot);
        }
        self.slot
            .as_ref()
            .ok_or_else(|| std::io::Error::other("no recovery slot"))
    }

    fn write(&mut self, recovery: &Recovery) {
        let written = self.claimed().and_then(|slot| slot.write(recovery));
        self.report(written);
    }

    fn restore(&mut self, found: Found) {
        match Slot::adopt(Arc::clone(&self.place.fs), &found) {
            Ok(next) => {
                let cleared = match self.slot.replace(next) {
                    Some(old) => {
                        let cleared = old.clear();
                        old.close();
                        cleared
                    }
                    None => Ok(()),
                };
                (self.sink)(Event::Restored(Box::new(found)));
                self.report(cleared);
            }
            Err(error) => (self.sink)(Event::RestoreFailed(error.to_string())),
        }
    }

    /// Every failure is said; so is the first success after one.
    fn report(&mut self, result: std::io::Result<()>) {
        match result {
            Err(error) => {
                self.failing = true;
                (self.sink)(Event::AutosaveFailed(error.to_string()));
            }
            Ok(()) if self.failing => {
                self.failing = false;
                (self.sink)(Event::AutosaveWorks);
            }
            Ok(()) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Journey, Language};
    use crate::session::RealFs;

    fn recovery(title: &str) -> Recovery {
        Recovery {
            path: None,
            autosaved_unix_secs: 1,
            window_started_unix_secs: 1,
            pid: std::process::id(),
            journey: Journey::new(title, Language::En),
            room_notes: Vec::new(),
        }
    }

    fn collecting() -> (Sink, Arc<Mutex<Vec<Event>>>) {
        let events = Arc::new(Mutex::new(Vec::new()));
        let into = Arc::clone(&events);
        let sink: Sink = Arc::new(move |event| into.lock().unwrap().push(event));
        (sink, events)
    }

    fn place(dir: &std::path::Path) -> Place {
        Place {
            fs: Arc::new(RealFs),
            dir: dir.to_owned(),
        }
    }

    fn saver(dir: &std::path::Path, sink: Sink, busy: Busy) -> Autosaver {
        let slot = Slot::claim(dir).unwrap();
        Autosaver::start(Some(slot), place(dir), sink, busy).unwrap()
    }

    #[test]
    fn the_last_snapshot_is_written_once_edits_pause_and_dropping_writes_what_waits() {
        let dir = tempfile::tempdir().unwrap();
        let (sink, _) = collecting();
        let saver = saver(dir.path(), sink, Busy::default());
        for n in 0..50 {
            saver.write_later(recovery(&format!("edit {n}")));
        }
        drop(saver); // quitting: the waiting snapshot is on disk, the slot released
        let found = super::super::recovery::find(dir.path(), None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].recovery.journey.title, "edit 49");
    }

    #[test]
    fn a_waiting_snapshot_is_written_on_the_workers_own_clock() {
        let dir = tempfile::tempdir().unwrap();
        let (sink, _) = collecting();
        let saver = saver(dir.path(), sink, Busy::default());
        saver.write_later(recovery("unattended"));
        let start = Instant::now();
        let file = dir
            .path()
            .join(format!("{}.ron", saver.slot_name().unwrap()));
        while !file.exists() && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
        }
        let took = start.elapsed().as_secs_f64();
        assert!(file.exists(), "never written");
        assert!(
            (AUTOSAVE_DELAY_SECS * 0.9..2.0).contains(&took),
            "written after {took} s"
        );
    }

    #[test]
    fn a_clear_after_a_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (sink, _) = collecting();
        let saver = saver(dir.path(), sink, Busy::default());
        saver.write_now(recovery("unsaved"));
        saver.write_later(recovery("unsaved, later"));
        saver.clear();
        drop(saver);
        assert!(super::super::recovery::find(dir.path(), None).is_empty());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_failed_write_is_reported_and_the_busy_count_waits_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let slot = Slot::claim(dir.path()).unwrap();
        // The recovery file's name taken by a folder: the write cannot replace it.
        std::fs::create_dir(slot.file()).unwrap();
        let (sink, events) = collecting();
        let busy = Busy::default();
        let saver = Autosaver::start(Some(slot), place(dir.path()), sink, busy.clone()).unwrap();
        saver.write_now(recovery("x"));
        assert!(busy.wait_idle(Duration::from_secs(10)));
        let events = events.lock().unwrap();
        assert!(
            matches!(events.as_slice(), [Event::AutosaveFailed(_)]),
            "{events:?}"
        );
    }

    #[test]
    fn a_slot_that_could_not_be_claimed_is_claimed_with_a_later_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("recovery");
        // A file where the folder should be: no claim can succeed.
        std::fs::write(&folder, "").unwrap();
        let (sink, events) = collecting();
        let busy = Busy::default();
        let saver = Autosaver::start(None, place(&folder), sink, busy.clone()).unwrap();
        saver.write_now(recovery("first"));
        assert!(busy.wait_idle(Duration::from_secs(10)));
        assert!(saver.slot_name().is_none());
        std::fs::remove_file(&folder).unwrap();
        saver.write_now(recovery("second"));
        assert!(busy.wait_idle(Duration::from_secs(10)));
        assert!(saver.slot_name().is_some());
        let events = events.lock().unwrap();
        assert!(
            matches!(
                events.as_slice(),
                [Event::AutosaveFailed(_), Event::AutosaveWorks]
            ),
            "{events:?}"
        );
        drop(events);
        drop(saver);
        let found = super::super::recovery::find(&folder, None);
        assert_eq!(found[0].recovery.journey.title, "second");
    }
}
