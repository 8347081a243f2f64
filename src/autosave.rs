//! Autosave off the frame: a worker thread owns the window's recovery `Slot` and does
//! every write, clear and hand-over for it, in the order they were asked for, so the
//! editor only hands it a snapshot and goes on drawing. Serialising and fsyncing a
//! 10,000-touchpoint journey takes a quarter of a second; none of it is on the frame.
//!
//! Invariants: jobs run in order (a clear after a write removes that write's file);
//! of several writes waiting in a row only the newest is written; dropping the
//! `Autosaver` waits for the jobs already asked for, then closes the slot (quitting
//! never loses the last autosave). A failure comes back as an `Outcome`, and the `wake`
//! callback asks the window to look.

use crate::recovery::{Recovery, Slot};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;

enum Job {
    Write(Box<Recovery>),
    Clear,
    SetOpen(Option<PathBuf>),
    /// Take over another slot (a restored recovery); the old one closes.
    Replace(Slot),
    /// Answer once every job before it is done.
    Flush(Sender<()>),
}

/// What a job that failed said (successes are silent).
#[derive(Debug, PartialEq, Eq)]
pub struct Failure(pub String);

pub struct Autosaver {
    name: String,
    jobs: Option<Sender<Job>>,
    failures: Receiver<Failure>,
    worker: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Autosaver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Autosaver")
            .field("slot", &self.name)
            .finish()
    }
}

impl Autosaver {
    /// Starts the worker for `slot`; `wake` is called after a failure.
    pub fn start(slot: Slot, wake: Box<dyn Fn() + Send>) -> std::io::Result<Self> {
        let (jobs, inbox) = channel();
        let (report, failures) = channel();
        let name = slot.name().to_owned();
        let worker = std::thread::Builder::new()
            .name("journeymap-autosave".to_owned())
            .spawn(move || run(slot, &inbox, &report, &*wake))?;
        Ok(Self {
            name,
            jobs: Some(jobs),
            failures,
            worker: Some(worker),
        })
    }

    /// The slot's name (other windows' files are everything else).
    pub fn slot_name(&self) -> &str {
        &self.name
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // The worker only stops when this side drops the sender.
            jobs.send(job).ok();
        }
    }

    /// Writes this snapshot as the window's recovery, after the jobs before it.
    pub fn write(&self, recovery: Recovery) {
        self.send(Job::Write(Box::new(recovery)));
    }

    /// Removes the window's recovery (the document was saved or discarded).
    pub fn clear(&self) {
        self.send(Job::Clear);
    }

    /// Records which journey the window has open.
    pub fn set_open(&self, path: Option<PathBuf>) {
        self.send(Job::SetOpen(path));
    }

    /// Continues in `slot` (a restored recovery's), closing the window's own.
    pub fn replace(&mut self, slot: Slot) {
        self.name = slot.name().to_owned();
        self.send(Job::Replace(slot));
    }

    /// Waits until every job asked for so far is done (quitting, and tests that read the
    /// recovery folder).
    pub fn flush(&self) {
        let (done, wait) = channel();
        self.send(Job::Flush(done));
        wait.recv().ok();
    }

    /// The failures reported since the last call.
    pub fn failures(&self) -> Vec<Failure> {
        let mut out = Vec::new();
        loop {
            match self.failures.try_recv() {
                Ok(failure) => out.push(failure),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return out,
            }
        }
    }
}

impl Drop for Autosaver {
    /// Waits for the jobs already asked for, then closes the slot.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            worker.join().ok();
        }
    }
}

fn run(mut slot: Slot, inbox: &Receiver<Job>, report: &Sender<Failure>, wake: &dyn Fn()) {
    let mut pending: Option<Job> = None;
    loop {
        let job = match pending.take() {
            Some(job) => job,
            None => match inbox.recv() {
                Ok(job) => job,
                Err(_) => break,
            },
        };
        let result = match job {
            Job::Write(mut recovery) => {
                // Newer snapshots waiting right behind replace this one.
                loop {
                    match inbox.try_recv() {
                        Ok(Job::Write(newer)) => recovery = newer,
                        Ok(other) => {
                            pending = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                slot.write(&recovery)
            }
            Job::Clear => slot.clear(),
            Job::SetOpen(path) => slot.set_open(path.as_deref()),
            Job::Flush(done) => {
                done.send(()).ok();
                Ok(())
            }
            Job::Replace(next) => {
                let old = std::mem::replace(&mut slot, next);
                old.clear().map(|()| old.close())
            }
        };
        if let Err(error) = result {
            report.send(Failure(error.to_string())).ok();
            wake();
        }
    }
    slot.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Journey, Language};

    fn recovery(title: &str) -> Recovery {
        Recovery {
            path: None,
            autosaved_unix_secs: 1,
            pid: std::process::id(),
            journey: Journey::new(title, Language::En),
        }
    }

    #[test]
    fn writes_run_in_order_and_dropping_waits_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let saver = Autosaver::start(Slot::claim(dir.path()).unwrap(), Box::new(|| {})).unwrap();
        for n in 0..50 {
            saver.write(recovery(&format!("edit {n}")));
        }
        drop(saver); // quitting: the last snapshot is on disk, the slot released
        let found = crate::recovery::find(dir.path(), None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].recovery.journey.title, "edit 49");
    }

    #[test]
    fn a_clear_after_a_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let saver = Autosaver::start(Slot::claim(dir.path()).unwrap(), Box::new(|| {})).unwrap();
        saver.write(recovery("unsaved"));
        saver.clear();
        drop(saver);
        assert!(crate::recovery::find(dir.path(), None).is_empty());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_failed_write_is_reported_and_wakes_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let slot = Slot::claim(dir.path()).unwrap();
        // The recovery file's name taken by a folder: the write cannot replace it.
        std::fs::create_dir(slot.file()).unwrap();
        let woken = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = std::sync::Arc::clone(&woken);
        let saver = Autosaver::start(
            slot,
            Box::new(move || flag.store(true, std::sync::atomic::Ordering::SeqCst)),
        )
        .unwrap();
        saver.write(recovery("x"));
        let started = std::time::Instant::now();
        while !woken.load(std::sync::atomic::Ordering::SeqCst) {
            assert!(started.elapsed() < std::time::Duration::from_secs(10));
            std::thread::yield_now();
        }
        assert_eq!(saver.failures().len(), 1);
    }
}
