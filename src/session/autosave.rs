//! Autosave off the frame: a worker thread owns the window's recovery `Slot` and does
//! every write, clear and hand-over for it, in the order they were asked for, so the
//! session only hands it a snapshot. Serialising and fsyncing a 10,000-touchpoint
//! journey takes a quarter of a second; none of it is on the frame.
//!
//! Invariants: jobs run in order (a clear after a write removes that write's file);
//! of several writes waiting in a row only the newest is written; dropping the
//! `Autosaver` waits for the jobs already asked for, then closes the slot (quitting
//! never loses the last autosave). Results come back as session events; every job
//! holds a busy token until its result is sent.

use super::recovery::{Found, Recovery, Slot};
use super::{Busy, Event, Sink, Token};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

enum Job {
    Write(Box<Recovery>),
    Clear,
    SetOpen(Option<PathBuf>),
    /// Take over a dead window's slot to restore its recovery; the old slot closes.
    Restore(Box<Found>),
    /// Take a dead window's slot and delete its recovery (the person does not want it).
    Discard(Box<Found>),
}

pub struct Autosaver {
    name: String,
    jobs: Option<Sender<(Job, Token)>>,
    worker: Option<JoinHandle<()>>,
    busy: Busy,
}

impl std::fmt::Debug for Autosaver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Autosaver")
            .field("slot", &self.name)
            .finish()
    }
}

impl Autosaver {
    /// Starts the worker for `slot`; its results go to `sink`.
    pub fn start(slot: Slot, sink: Sink, busy: Busy) -> std::io::Result<Self> {
        let (jobs, inbox) = channel();
        let name = slot.name().to_owned();
        let worker = std::thread::Builder::new()
            .name("journeymap-autosave".to_owned())
            .spawn(move || run(slot, &inbox, &sink))?;
        Ok(Self {
            name,
            jobs: Some(jobs),
            worker: Some(worker),
            busy,
        })
    }

    /// The slot's name (other windows' files are everything else). After a restore it
    /// is the restored slot's, once the worker has taken it over.
    pub fn slot_name(&self) -> &str {
        &self.name
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // The worker only stops when this side drops the sender.
            jobs.send((job, self.busy.token())).ok();
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

    /// Continues in `found`'s slot (its recovery is restored), closing the window's
    /// own; `Event::Restored` or `Event::RestoreFailed` follows.
    pub fn restore(&mut self, found: Found) {
        if let Some(name) = found.file.file_stem() {
            self.name = name.to_string_lossy().into_owned();
        }
        self.send(Job::Restore(Box::new(found)));
    }

    /// Deletes `found`'s recovery, taking its lock first (a window that restored it
    /// meanwhile keeps it).
    pub fn discard(&self, found: Found) {
        self.send(Job::Discard(Box::new(found)));
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

fn run(mut slot: Slot, inbox: &Receiver<(Job, Token)>, sink: &Sink) {
    let mut pending: Option<(Job, Token)> = None;
    loop {
        let (job, token) = match pending.take() {
            Some(job) => job,
            None => match inbox.recv() {
                Ok(job) => job,
                Err(_) => break,
            },
        };
        let mut tokens = vec![token];
        let result = match job {
            Job::Write(mut recovery) => {
                // Newer snapshots waiting right behind replace this one.
                loop {
                    match inbox.try_recv() {
                        Ok((Job::Write(newer), token)) => {
                            recovery = newer;
                            tokens.push(token);
                        }
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
            Job::Restore(found) => match Slot::adopt(slot.fs(), &found) {
                Ok(next) => {
                    let old = std::mem::replace(&mut slot, next);
                    let cleared = old.clear();
                    old.close();
                    sink(Event::Restored(found));
                    cleared
                }
                Err(error) => {
                    sink(Event::RestoreFailed(error.to_string()));
                    Ok(())
                }
            },
            Job::Discard(found) => Slot::adopt(slot.fs(), &found)
                .map_err(|e| std::io::Error::other(e.to_string()))
                .and_then(|taken| {
                    taken.clear()?;
                    taken.close();
                    Ok(())
                }),
        };
        if let Err(error) = result {
            sink(Event::AutosaveFailed(error.to_string()));
        }
        drop(tokens);
    }
    slot.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Journey, Language};
    use std::sync::{Arc, Mutex};

    fn recovery(title: &str) -> Recovery {
        Recovery {
            path: None,
            autosaved_unix_secs: 1,
            pid: std::process::id(),
            journey: Journey::new(title, Language::En),
        }
    }

    fn collecting() -> (Sink, Arc<Mutex<Vec<Event>>>) {
        let events = Arc::new(Mutex::new(Vec::new()));
        let into = Arc::clone(&events);
        let sink: Sink = Arc::new(move |event| into.lock().unwrap().push(event));
        (sink, events)
    }

    #[test]
    fn writes_run_in_order_and_dropping_waits_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let (sink, _) = collecting();
        let saver =
            Autosaver::start(Slot::claim(dir.path()).unwrap(), sink, Busy::default()).unwrap();
        for n in 0..50 {
            saver.write(recovery(&format!("edit {n}")));
        }
        drop(saver); // quitting: the last snapshot is on disk, the slot released
        let found = super::super::recovery::find(dir.path(), None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].recovery.journey.title, "edit 49");
    }

    #[test]
    fn a_clear_after_a_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (sink, _) = collecting();
        let saver =
            Autosaver::start(Slot::claim(dir.path()).unwrap(), sink, Busy::default()).unwrap();
        saver.write(recovery("unsaved"));
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
        let saver = Autosaver::start(slot, sink, busy.clone()).unwrap();
        saver.write(recovery("x"));
        assert!(busy.wait_idle(std::time::Duration::from_secs(10)));
        let events = events.lock().unwrap();
        assert!(
            matches!(events.as_slice(), [Event::AutosaveFailed(_)]),
            "{events:?}"
        );
    }
}
