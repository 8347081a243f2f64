//! Every file the session and the exports read or write goes through `Fs`: the open
//! journey, its saves, the disk checks, the recovery folder and its locks, and every
//! exported file. `RealFs` is the machine's file
//! system (the guarded reader, the atomic writer, inotify and friends through
//! `notify`); `ScriptedFs` is the same file system with delays, holds and failures a
//! test injects, and with the operating system's change notifications switched off
//! when a test wants to say exactly when a change is noticed.
//!
//! Invariants: `read` only reads regular files, at most `limit` bytes (never a FIFO or
//! a device); `replace` never leaves a half-written file, and an error from its
//! `check` leaves the old file untouched.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime};

/// What a file looks like without reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stat {
    pub modified: Option<SystemTime>,
    pub len: u64,
}

/// Something that wakes a watcher: called from the operating system's thread.
pub type Wake = Box<dyn Fn() + Send + Sync>;

/// A running watch; dropping it stops the notifications.
pub trait WatchHandle: Send {}

impl<T: Send> WatchHandle for T {}

pub trait Fs: Send + Sync {
    /// A regular file's bytes, at most `limit` of them.
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>>;
    /// A regular file to stream (an event log of gigabytes), and its length: the
    /// guarded reader's refusals without reading it whole.
    fn open(&self, path: &Path) -> io::Result<(Box<dyn io::Read + Send>, u64)>;
    /// The file's time and size; `None` when nothing is there.
    fn stat(&self, path: &Path) -> io::Result<Option<Stat>>;
    /// Replaces `path` with `bytes` atomically; `check` runs once the new bytes are on
    /// disk beside it, just before the rename, and its error leaves the old file.
    fn replace(
        &self,
        path: &Path,
        bytes: &[u8],
        check: &mut dyn FnMut() -> io::Result<()>,
    ) -> io::Result<()>;
    /// Removes a file; a missing one is fine.
    fn remove(&self, path: &Path) -> io::Result<()>;
    /// The entries of a folder.
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
    /// Calls `wake` when anything in `dir` changes, for as long as the handle lives;
    /// `None` when the system cannot (then the caller polls).
    fn watch(&self, dir: &Path, wake: Wake) -> Option<Box<dyn WatchHandle>>;
    /// Writes exported files as a set, by the guarded output writer: a link in the way
    /// is refused, each file is written beside its place and renamed onto it once all
    /// are written; a failure leaves none of them.
    fn write_outputs(&self, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()>;
    /// Makes a folder and the folders above it.
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;
    /// Opens a lock file for reading and writing (a new one only, when `new`).
    fn open_lock(&self, path: &Path, new: bool) -> io::Result<std::fs::File>;
}

/// The machine's file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFs;

impl Fs for RealFs {
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        crate::format::read_regular(path, limit)
    }

    fn open(&self, path: &Path) -> io::Result<(Box<dyn io::Read + Send>, u64)> {
        let (file, len) = crate::format::open_regular(path)?;
        Ok((Box::new(file), len))
    }

    fn write_outputs(&self, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
        match files {
            [(path, bytes)] => crate::format::write_output(path, bytes),
            files => crate::format::write_output_set(files),
        }
    }

    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)
    }

    fn open_lock(&self, path: &Path, new: bool) -> io::Result<std::fs::File> {
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true);
        if new {
            options.create_new(true);
        } else {
            options.create(true).truncate(false);
        }
        options.open(path)
    }

    fn stat(&self, path: &Path) -> io::Result<Option<Stat>> {
        match std::fs::metadata(path) {
            Ok(meta) => Ok(Some(Stat {
                modified: meta.modified().ok(),
                len: meta.len(),
            })),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    fn replace(
        &self,
        path: &Path,
        bytes: &[u8],
        check: &mut dyn FnMut() -> io::Result<()>,
    ) -> io::Result<()> {
        crate::format::atomic_write_checked(path, bytes, check)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        std::fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.path()))
            .collect()
    }

    fn watch(&self, dir: &Path, wake: Wake) -> Option<Box<dyn WatchHandle>> {
        use notify::Watcher;
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                // Reading a file is an event too (inotify reports opens and closes):
                // only what can change it wakes the watcher.
                if event.is_ok_and(|e| !matches!(e.kind, notify::EventKind::Access(_))) {
                    wake();
                }
            })
            .ok()?;
        // The folder, not the file: a save by rename replaces the file's inode, and a
        // watch on the old inode would go quiet.
        watcher
            .watch(dir, notify::RecursiveMode::NonRecursive)
            .ok()?;
        Some(Box::new(watcher))
    }
}

/// A gate a test holds shut: operations wait at it until it opens.
#[derive(Clone, Debug, Default)]
pub struct Gate(Arc<(Mutex<bool>, Condvar)>);

impl Gate {
    /// A shut gate.
    pub fn shut() -> Self {
        Self::default()
    }

    pub fn open(&self) {
        let (open, changed) = &*self.0;
        *open.lock().unwrap_or_else(|e| e.into_inner()) = true;
        changed.notify_all();
    }

    fn pass(&self) {
        let (open, changed) = &*self.0;
        let mut open = open.lock().unwrap_or_else(|e| e.into_inner());
        while !*open {
            open = changed.wait(open).unwrap_or_else(|e| e.into_inner());
        }
    }
}

#[derive(Debug, Default)]
struct Script {
    write_delay: Duration,
    write_gate: Option<Gate>,
    failing_writes: usize,
    /// Writes to this path fail (the count is how many).
    failing_path: Option<(PathBuf, usize)>,
    read_delay: Duration,
    read_gate: Option<Gate>,
    no_notifications: bool,
    writes: usize,
    /// The next this many exports fail (a full disk).
    failing_outputs: usize,
    /// The next this many lock files cannot be opened.
    failing_locks: usize,
}

/// The real file system with what a test injects: slow or held writes and reads,
/// failing writes, and no change notifications (changes are then seen by polling and
/// by the session's own checks). Clone it before handing it over to keep a handle.
#[derive(Clone, Debug, Default)]
pub struct ScriptedFs {
    script: Arc<Mutex<Script>>,
}

impl ScriptedFs {
    fn script(&self) -> std::sync::MutexGuard<'_, Script> {
        self.script.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The next `count` replacements of `path` fail; other files are written.
    pub fn fail_writes_to(&self, path: &Path, count: usize) {
        self.script().failing_path = Some((path.to_owned(), count));
    }

    /// Every replacement takes this long (after the new bytes are written, before the
    /// check and the rename: the slow part of a slow disk).
    pub fn delay_writes(&self, delay: Duration) {
        self.script().write_delay = delay;
    }

    /// Replacements wait at `gate` until the test opens it.
    pub fn hold_writes(&self, gate: Gate) {
        self.script().write_gate = Some(gate);
    }

    /// The next `count` replacements fail (a full disk); the old file stays.
    pub fn fail_writes(&self, count: usize) {
        self.script().failing_writes = count;
    }

    /// Every read takes this long.
    pub fn delay_reads(&self, delay: Duration) {
        self.script().read_delay = delay;
    }

    /// Reads wait at `gate` until the test opens it (a hung network share).
    pub fn hold_reads(&self, gate: Gate) {
        self.script().read_gate = Some(gate);
    }

    /// No change notifications from the operating system.
    pub fn without_notifications(&self) {
        self.script().no_notifications = true;
    }

    /// Replacements that reached the disk so far.
    pub fn writes(&self) -> usize {
        self.script().writes
    }

    /// The next `count` exports fail; nothing of them is written.
    pub fn fail_outputs(&self, count: usize) {
        self.script().failing_outputs = count;
    }

    /// The next `count` lock files cannot be opened (a recovery folder that went
    /// read-only).
    pub fn fail_locks(&self, count: usize) {
        self.script().failing_locks = count;
    }
}

impl Fs for ScriptedFs {
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        let (delay, gate) = {
            let script = self.script();
            (script.read_delay, script.read_gate.clone())
        };
        std::thread::sleep(delay);
        if let Some(gate) = gate {
            gate.pass();
        }
        RealFs.read(path, limit)
    }

    fn open(&self, path: &Path) -> io::Result<(Box<dyn io::Read + Send>, u64)> {
        let (delay, gate) = {
            let script = self.script();
            (script.read_delay, script.read_gate.clone())
        };
        std::thread::sleep(delay);
        if let Some(gate) = gate {
            gate.pass();
        }
        RealFs.open(path)
    }

    fn stat(&self, path: &Path) -> io::Result<Option<Stat>> {
        RealFs.stat(path)
    }

    fn replace(
        &self,
        path: &Path,
        bytes: &[u8],
        check: &mut dyn FnMut() -> io::Result<()>,
    ) -> io::Result<()> {
        let (delay, gate, fail) = {
            let mut script = self.script();
            let mut fail = script.failing_writes > 0;
            script.failing_writes = script.failing_writes.saturating_sub(1);
            if let Some((failing, count)) = &mut script.failing_path
                && failing == path
                && *count > 0
            {
                *count -= 1;
                fail = true;
            }
            (script.write_delay, script.write_gate.clone(), fail)
        };
        let script = Arc::clone(&self.script);
        let mut slow_then_check = move || {
            std::thread::sleep(delay);
            if let Some(gate) = &gate {
                gate.pass();
            }
            if fail {
                return Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "no space left on device (scripted)",
                ));
            }
            check()
        };
        RealFs.replace(path, bytes, &mut slow_then_check)?;
        script.lock().unwrap_or_else(|e| e.into_inner()).writes += 1;
        Ok(())
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        RealFs.remove(path)
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        RealFs.list(dir)
    }

    fn watch(&self, dir: &Path, wake: Wake) -> Option<Box<dyn WatchHandle>> {
        if self.script().no_notifications {
            return None;
        }
        RealFs.watch(dir, wake)
    }

    fn write_outputs(&self, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
        {
            let mut script = self.script();
            if script.failing_outputs > 0 {
                script.failing_outputs -= 1;
                return Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "no space left on device (scripted)",
                ));
            }
        }
        RealFs.write_outputs(files)
    }

    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        RealFs.create_dir_all(dir)
    }

    fn open_lock(&self, path: &Path, new: bool) -> io::Result<std::fs::File> {
        {
            let mut script = self.script();
            if script.failing_locks > 0 {
                script.failing_locks -= 1;
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "permission denied (scripted)",
                ));
            }
        }
        RealFs.open_lock(path, new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_check_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        std::fs::write(&path, "old").unwrap();
        let refused = RealFs.replace(&path, b"new", &mut || Err(io::Error::other("changed")));
        assert!(refused.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        RealFs.replace(&path, b"new", &mut || Ok(())).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn scripted_failures_and_holds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        let fs = ScriptedFs::default();
        fs.fail_writes(1);
        assert!(fs.replace(&path, b"x", &mut || Ok(())).is_err());
        assert!(!path.exists(), "a failed write leaves nothing");
        let gate = Gate::shut();
        fs.hold_writes(gate.clone());
        let writer = {
            let (fs, path) = (fs.clone(), path.clone());
            std::thread::spawn(move || fs.replace(&path, b"y", &mut || Ok(())))
        };
        std::thread::sleep(Duration::from_millis(20));
        assert!(!path.exists(), "held");
        gate.open();
        writer.join().unwrap().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"y");
        assert_eq!(fs.writes(), 1);
    }
}
