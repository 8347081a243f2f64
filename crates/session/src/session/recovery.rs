//! Crash recovery: the autosaved state of each open editor window, written atomically
//! to the user's data folder (`~/.local/share/journeymap/recovery` on Linux).
//!
//! Recovery belongs to a window, not to a path. Each running editor claims a `Slot`:
//! a name of its own (`w-PID-NANOS`), a recovery file `NAME.ron` and a lock file
//! `NAME.lock` that it holds with `File::try_lock` for its lifetime. The kernel drops
//! the lock when the process dies however it dies (kill -9, power cut, reboot), so a
//! recovery file whose lock nobody holds belongs to a dead editor and is offered,
//! whatever became of its PID. Invariants:
//! - the lock file is never replaced by a rename (that would leave the lock on a
//!   deleted file); only the recovery file is written atomically;
//! - saving removes only the saving window's recovery file;
//! - a window that restores a recovery takes over its lock, so no other window offers
//!   it again, and the other recoveries stay offered;
//! - the lock file holds the path of the journey the window has open, so a second
//!   window on the same file can say so.
//!
//! A recovery file is RON: `Recovery(path: ..., autosaved_unix_secs: ..., window_started_unix_secs: ..., pid: ..., journey: Journey(...))`.

use super::fs::{Fs, RealFs};
use crate::format;
use crate::model::{ElementKind, Journey};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The journey's file, or None for an untitled journey.
    pub path: Option<PathBuf>,
    pub autosaved_unix_secs: u64,
    /// When the window that wrote it started (two recoveries of one file differ by it);
    /// 0 in files written before it was kept.
    #[serde(default)]
    pub window_started_unix_secs: u64,
    /// The process that wrote it (for people reading the folder; liveness is the lock).
    pub pid: u32,
    pub journey: Journey,
    /// Notes from the room not yet accepted or discarded: the window's, never the map's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub room_notes: Vec<PendingNote>,
}

/// A note from the room waiting in the facilitator's inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingNote {
    pub stage: crate::model::Stage,
    /// `pain`, `idea`, `quote` or `touchpoint`.
    pub kind: String,
    pub text: String,
    pub participant: usize,
}

/// A recovery file found at start-up, with how it differs from its file on disk
/// (computed once, when found).
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub file: PathBuf,
    pub recovery: Recovery,
    /// None for an untitled journey or a file that no longer loads.
    pub changes: Option<Changes>,
}

/// The platform's data folder for journeymap's recovery files.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "journeymap")
        .map(|dirs| dirs.data_dir().join("recovery"))
}

pub fn now_unix_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

const RECOVERY_EXTENSION: &str = "ron";
const LOCK_EXTENSION: &str = "lock";

/// One window's place in the recovery folder, held for the window's lifetime. Its
/// recovery file is read, written and removed through the session's `Fs`; the lock is
/// the operating system's.
pub struct Slot {
    dir: PathBuf,
    name: String,
    /// Holds the lock; dropping it (or the process dying) releases it.
    lock: File,
    fs: Arc<dyn Fs>,
}

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Slot").field("name", &self.name).finish()
    }
}

/// Why a slot could not be had.
#[derive(Debug, thiserror::Error)]
pub enum SlotError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Another running window restored this recovery first.
    #[error("another journeymap window has taken this recovery")]
    Taken,
}

impl Slot {
    /// Claims a new slot in `dir` for this window, on the machine's file system.
    pub fn claim(dir: &Path) -> Result<Self, SlotError> {
        Self::claim_with(Arc::new(RealFs), dir)
    }

    /// Claims a new slot in `dir`, its files written through `fs`.
    pub fn claim_with(fs: Arc<dyn Fs>, dir: &Path) -> Result<Self, SlotError> {
        fs.create_dir_all(dir)?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let base = format!("w-{}-{nanos}", std::process::id());
        for n in 0..1000 {
            let name = if n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            let path = lock_path(dir, &name);
            match fs.open_lock(&path, true) {
                Ok(lock) => {
                    lock_now(&lock)?;
                    return Ok(Self {
                        dir: dir.to_owned(),
                        name,
                        lock,
                        fs,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e.into()),
            }
        }
        Err(std::io::Error::other("no free recovery slot name").into())
    }

    /// Takes over the slot of a recovery left by a dead window (to restore it): its
    /// lock is ours from now on, so no other window offers it.
    pub fn adopt(fs: Arc<dyn Fs>, found: &Found) -> Result<Self, SlotError> {
        let dir = found
            .file
            .parent()
            .ok_or_else(|| std::io::Error::other("a recovery file outside a folder"))?;
        let name = found
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .ok_or_else(|| std::io::Error::other("a recovery file without a name"))?;
        let lock = fs.open_lock(&lock_path(dir, &name), false)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(SlotError::Taken),
            Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
        }
        // Gone meanwhile: someone restored and saved it.
        if fs.stat(&found.file)?.is_none() {
            return Err(SlotError::Taken);
        }
        Ok(Self {
            dir: dir.to_owned(),
            name,
            lock,
            fs,
        })
    }

    /// The recovery file this window writes.
    pub fn file(&self) -> PathBuf {
        self.dir.join(format!("{}.{RECOVERY_EXTENSION}", self.name))
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file system its files go through.
    pub fn fs(&self) -> Arc<dyn Fs> {
        Arc::clone(&self.fs)
    }

    /// Writes the window's recovery file atomically.
    pub fn write(&self, recovery: &Recovery) -> std::io::Result<()> {
        let text = format::pretty(recovery).map_err(std::io::Error::other)?;
        self.fs
            .replace(&self.file(), text.as_bytes(), &mut || Ok(()))
    }

    /// Removes this window's recovery file (the document was saved or discarded).
    pub fn clear(&self) -> std::io::Result<()> {
        self.fs.remove(&self.file())
    }

    /// Whether this window has a recovery file on disk.
    pub fn has_recovery(&self) -> bool {
        !matches!(self.fs.stat(&self.file()), Ok(None))
    }

    /// Records which journey the window has open, for other windows to see.
    pub fn set_open(&mut self, path: Option<&Path>) -> std::io::Result<()> {
        let text = path.map(canonical).unwrap_or_default();
        self.lock.set_len(0)?;
        self.lock.rewind()?;
        self.lock.write_all(text.to_string_lossy().as_bytes())?;
        self.lock.flush()
    }

    /// Ends the slot at a clean exit: without a recovery file there is nothing to
    /// offer, so the lock file goes too. With one (unsaved work), the lock is only
    /// released and the next start offers it.
    pub fn close(self) {
        if !self.has_recovery() {
            self.fs.remove(&lock_path(&self.dir, &self.name)).ok();
        }
    }
}

fn lock_now(lock: &File) -> std::io::Result<()> {
    match lock.try_lock() {
        Ok(()) => Ok(()),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(std::io::Error::other("a new recovery lock is already held"))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

fn lock_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.{LOCK_EXTENSION}"))
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// Whether the window that owns lock file `path` is running: it holds the lock.
/// A missing lock file means a dead window (or a recovery file of an older version).
fn held(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    matches!(
        file.try_lock_shared(),
        Err(std::fs::TryLockError::WouldBlock)
    )
}

/// `held`, asked again a few times over 60 ms before a recovery is taken for alive: a
/// process that is starting a child shares its open files with the child until the
/// child's exec (microseconds), so a window that just closed in this process can look
/// alive for that long. Only a lock held throughout belongs to a running window.
fn held_throughout(path: &Path) -> bool {
    for _ in 0..3 {
        if !held(path) {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    held(path)
}

/// A lock file without a recovery file this old is a dead window's leftover.
const STALE_LOCK: std::time::Duration = std::time::Duration::from_secs(60);

fn untouched_for(path: &Path, age: std::time::Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|elapsed| elapsed >= age)
}

/// `find_with` on the machine's file system.
pub fn find(dir: &Path, own: Option<&str>) -> Vec<Found> {
    find_with(&RealFs, dir, own)
}

/// Recovery files whose window is no longer running, newest first, except `own`'s.
/// Unreadable or invalid files are skipped; lock files of dead windows that left no
/// recovery are cleaned up. Each one's changes against its file are computed here,
/// once.
pub fn find_with(fs: &dyn Fs, dir: &Path, own: Option<&str>) -> Vec<Found> {
    let Ok(files) = fs.list(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for file in &files {
        let Some(name) = file.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        if Some(name.as_str()) == own {
            continue;
        }
        let extension = file.extension().and_then(|e| e.to_str());
        if extension == Some(LOCK_EXTENSION) {
            let recovery = dir.join(format!("{name}.{RECOVERY_EXTENSION}"));
            // Old enough not to be a slot being claimed this instant.
            if matches!(fs.stat(&recovery), Ok(None))
                && untouched_for(file, STALE_LOCK)
                && !held(file)
            {
                fs.remove(file).ok();
            }
            continue;
        }
        if extension != Some(RECOVERY_EXTENSION) || held_throughout(&lock_path(dir, &name)) {
            continue;
        }
        let Ok(bytes) = fs.read(file, format::MAX_JOURNEY_BYTES * 2) else {
            continue;
        };
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let Ok(mut recovery) = format::ron_options().from_str::<Recovery>(&text) else {
            continue;
        };
        // A recovery file is validated like a journey file: a damaged one is not offered.
        recovery.journey.normalize();
        if !format::validate(&recovery.journey).is_empty() {
            continue;
        }
        let disk = recovery
            .path
            .as_deref()
            .and_then(|path| fs.read(path, format::MAX_JOURNEY_BYTES).ok())
            .and_then(|bytes| format::parse_bytes(&bytes).ok());
        // The file already holds this work (a window killed between its save and
        // clearing its recovery): nothing to offer, and nothing to keep.
        if recovery.room_notes.is_empty()
            && disk
                .as_ref()
                .is_some_and(|disk| disk.journey == recovery.journey)
        {
            fs.remove(file).ok();
            continue;
        }
        let changes = disk.map(|disk| Changes::between(&disk.journey, &recovery.journey));
        found.push(Found {
            file: file.clone(),
            recovery,
            changes,
        });
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.recovery.autosaved_unix_secs));
    found
}

/// Whether another running window (not the slot named `own`) has `path` open.
pub fn open_elsewhere(fs: &dyn Fs, dir: &Path, path: &Path, own: Option<&str>) -> bool {
    let Ok(files) = fs.list(dir) else {
        return false;
    };
    let wanted = canonical(path);
    /// A lock file holds one path.
    const LOCK_BYTES: u64 = 64 * 1024;
    files
        .into_iter()
        .filter(|file| file.extension().is_some_and(|e| e == LOCK_EXTENSION))
        .filter(|file| file.file_stem().map(|s| s.to_string_lossy()).as_deref() != own)
        .any(|file| {
            fs.read(&file, LOCK_BYTES)
                .is_ok_and(|bytes| Path::new(&*String::from_utf8_lossy(&bytes)) == wanted)
                && held(&file)
        })
}

/// How one kind of element differs between two journeys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindChanges {
    pub kind: ElementKind,
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

/// How a recovered (or open) journey differs from another version of it: every part
/// that differs, so a prompt never says "nothing changed" when something did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Title, language, state, date, scenario, persona, dismissed suggestions.
    pub header: bool,
    /// Stage names and notes.
    pub stages: bool,
    /// The kinds of element with differences, in the table's order.
    pub kinds: Vec<KindChanges>,
    /// The names of the elements added or changed, in the table's order (at most
    /// `NAMED`): what a person recognises of their own work.
    pub names: Vec<String>,
}

/// How many changed elements a summary names.
pub const NAMED: usize = 8;

impl Changes {
    pub fn between(disk: &Journey, recovered: &Journey) -> Self {
        struct Count<'a> {
            disk: &'a Journey,
            recovered: &'a Journey,
            kinds: Vec<KindChanges>,
            names: Vec<String>,
        }
        impl crate::model::KindVisitor for Count<'_> {
            fn visit<T: crate::model::Item>(&mut self) {
                let old: foldhash::HashMap<&str, &T> =
                    T::list(self.disk).iter().map(|e| (e.id(), e)).collect();
                let new = T::list(self.recovered);
                let new_ids: foldhash::HashSet<&str> = new.iter().map(|e| e.id()).collect();
                let mut counts = KindChanges {
                    kind: T::KIND,
                    added: 0,
                    removed: old.keys().filter(|id| !new_ids.contains(*id)).count(),
                    changed: 0,
                };
                for element in new {
                    let differs = match old.get(element.id()) {
                        None => {
                            counts.added += 1;
                            true
                        }
                        Some(before) if *before != element => {
                            counts.changed += 1;
                            true
                        }
                        Some(_) => false,
                    };
                    if differs && self.names.len() < NAMED {
                        let name = element.name();
                        let name = crate::bounded::ellipsized(name.trim(), 60);
                        if !name.is_empty() {
                            self.names.push(name.into_owned());
                        }
                    }
                }
                if counts.added + counts.removed + counts.changed > 0 {
                    self.kinds.push(counts);
                }
            }
        }
        let mut count = Count {
            disk,
            recovered,
            kinds: Vec::new(),
            names: Vec::new(),
        };
        crate::model::each_kind(&mut count);
        let (mut old, mut new) = (disk.header(), recovered.header());
        let stages = old.stages != new.stages;
        (old.stages, new.stages) = (Default::default(), Default::default());
        Self {
            header: old != new,
            stages,
            kinds: count.kinds,
            names: count.names,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The counts for one kind (zero when it does not differ).
    pub fn of(&self, kind: ElementKind) -> KindChanges {
        self.kinds
            .iter()
            .find(|k| k.kind == kind)
            .copied()
            .unwrap_or(KindChanges {
                kind,
                added: 0,
                removed: 0,
                changed: 0,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn recovery(title: &str) -> Recovery {
        Recovery {
            path: None,
            autosaved_unix_secs: 1_700_000_000,
            window_started_unix_secs: 1_699_990_000,
            pid: u32::MAX - 7,
            journey: Journey::new(title, Language::Es),
            room_notes: Vec::new(),
        }
    }

    #[test]
    fn a_live_window_is_not_offered_and_a_dead_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let alive = Slot::claim(dir.path()).unwrap();
        alive.write(&recovery("Sin guardar ñ")).unwrap();
        let me = Slot::claim(dir.path()).unwrap();
        assert!(
            find(dir.path(), Some(me.name())).is_empty(),
            "its lock is held"
        );
        // The window dies without cleaning up: its lock goes with it.
        let file = alive.file();
        drop(alive);
        let found = find(dir.path(), Some(me.name()));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, file);
        assert_eq!(found[0].recovery, recovery("Sin guardar ñ"));
    }

    #[test]
    fn work_the_file_already_holds_is_not_offered() {
        // A window saved, then was killed before it cleared its recovery.
        let dir = tempfile::tempdir().unwrap();
        let map = dir.path().join("map.ron");
        let mut saved = recovery("Guardado");
        saved.path = Some(map.clone());
        crate::format::save(&map, &saved.journey).unwrap();
        let killed = Slot::claim(dir.path()).unwrap();
        killed.write(&saved).unwrap();
        let file = killed.file();
        drop(killed);
        assert!(find(dir.path(), None).is_empty());
        assert!(!file.exists(), "the leftover is removed");
        // Work that differs from the file is offered.
        let other = Slot::claim(dir.path()).unwrap();
        let mut unsaved = saved.clone();
        unsaved.journey.title = "Sin guardar".into();
        other.write(&unsaved).unwrap();
        drop(other);
        assert_eq!(find(dir.path(), None).len(), 1);
    }

    #[test]
    fn whatever_became_of_the_pid_a_dead_lock_is_offered() {
        let dir = tempfile::tempdir().unwrap();
        let mut old = recovery("x");
        old.pid = 1; // a live process after a reboot
        let slot = Slot::claim(dir.path()).unwrap();
        slot.write(&old).unwrap();
        drop(slot);
        assert_eq!(find(dir.path(), None).len(), 1);
        // A recovery file of an older version, with no lock file at all.
        std::fs::write(
            dir.path().join("0123456789abcdef.ron"),
            format::pretty(&old).unwrap(),
        )
        .unwrap();
        assert_eq!(find(dir.path(), None).len(), 2);
    }

    #[test]
    fn adopting_takes_the_lock_and_saving_clears_only_ones_own() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (
            Slot::claim(dir.path()).unwrap(),
            Slot::claim(dir.path()).unwrap(),
        );
        a.write(&recovery("A")).unwrap();
        b.write(&recovery("B")).unwrap();
        b.clear().unwrap();
        assert!(a.has_recovery(), "B's save leaves A's recovery");
        drop(a); // A dies with unsaved work
        b.close(); // B quits cleanly
        let found = find(dir.path(), None);
        assert_eq!(found.len(), 1);
        let adopted = Slot::adopt(Arc::new(RealFs), &found[0]).unwrap();
        assert!(
            find(dir.path(), None).is_empty(),
            "a restored recovery is held"
        );
        assert!(matches!(
            Slot::adopt(Arc::new(RealFs), &found[0]),
            Err(SlotError::Taken)
        ));
        adopted.clear().unwrap();
        adopted.close();
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn a_clean_exit_leaves_nothing_and_unsaved_work_stays_offered() {
        let dir = tempfile::tempdir().unwrap();
        let clean = Slot::claim(dir.path()).unwrap();
        clean.close();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let unsaved = Slot::claim(dir.path()).unwrap();
        unsaved.write(&recovery("kept")).unwrap();
        unsaved.close();
        assert_eq!(find(dir.path(), None).len(), 1);
    }

    #[test]
    fn another_window_on_the_same_file_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let journey = dir.path().join("map.ron");
        std::fs::write(&journey, "x").unwrap();
        let mut a = Slot::claim(dir.path()).unwrap();
        let b = Slot::claim(dir.path()).unwrap();
        assert!(!open_elsewhere(
            &RealFs,
            dir.path(),
            &journey,
            Some(b.name())
        ));
        a.set_open(Some(&journey)).unwrap();
        assert!(open_elsewhere(
            &RealFs,
            dir.path(),
            &journey,
            Some(b.name())
        ));
        assert!(
            !open_elsewhere(&RealFs, dir.path(), &journey, Some(a.name())),
            "not itself"
        );
        drop(a);
        assert!(
            !open_elsewhere(&RealFs, dir.path(), &journey, Some(b.name())),
            "a closed window"
        );
    }

    #[test]
    fn changes_name_every_part_that_differs() {
        let mut disk = Journey::new("t", Language::En);
        disk.touchpoints
            .push(Touchpoint::new("tp-1".into(), Stage::Usage, "a"));
        disk.touchpoints
            .push(Touchpoint::new("tp-2".into(), Stage::Usage, "b"));
        let mut recovered = disk.clone();
        assert!(Changes::between(&disk, &recovered).is_empty());
        recovered.touchpoints[0].title = "changed".into();
        recovered.touchpoints.remove(1);
        recovered
            .touchpoints
            .push(Touchpoint::new("tp-3".into(), Stage::Usage, "c"));
        recovered.scenario = "new".into();
        recovered.channels.pop();
        let changes = Changes::between(&disk, &recovered);
        assert_eq!(
            changes.of(ElementKind::Touchpoint),
            KindChanges {
                kind: ElementKind::Touchpoint,
                added: 1,
                removed: 1,
                changed: 1
            }
        );
        assert_eq!(changes.of(ElementKind::Channel).removed, 1);
        assert!(changes.header && !changes.stages);
    }
}
