//! Crash recovery files: the autosaved state of open documents, written atomically to
//! the user's data folder (`~/.local/share/journeymap/recovery` on Linux), one file per
//! document. A clean save or an intentional discard removes it; after a crash the next
//! start finds it and offers to restore.
//!
//! A recovery file is RON: `Recovery(path: ..., autosaved_unix_secs: ..., pid: ..., journey: Journey(...))`.

use crate::format;
use crate::model::Journey;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The journey's file, or None for an untitled journey.
    pub path: Option<PathBuf>,
    pub autosaved_unix_secs: u64,
    /// The process that wrote it; a file of a process still running is not a crash.
    pub pid: u32,
    pub journey: Journey,
}

/// A recovery file found at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub file: PathBuf,
    pub recovery: Recovery,
}

/// The platform's data folder for journeymap's recovery files.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "journeymap")
        .map(|dirs| dirs.data_dir().join("recovery"))
}

/// The recovery file for a document: one per journey path, one per untitled session.
pub fn file_for(dir: &Path, path: Option<&Path>, session: &str) -> PathBuf {
    let name = match path {
        Some(path) => {
            let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
            format!("{:016x}.ron", fnv1a(absolute.to_string_lossy().as_bytes()))
        }
        None => format!("untitled-{session}.ron"),
    };
    dir.join(name)
}

/// A stable hash (FNV-1a): a journey maps to the same recovery file across runs, and
/// the editor compares file contents with it.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub fn now_unix_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Writes the recovery file atomically.
pub fn write(file: &Path, recovery: &Recovery) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // The same canonical writer as a journey file, so a restored journey saves alike.
    let text = format::pretty(recovery).map_err(std::io::Error::other)?;
    format::atomic_write(file, text.as_bytes())
}

/// Removes a recovery file; a missing one is fine.
pub fn remove(file: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Recovery files left by processes that are no longer running (crashes), newest
/// first. Unreadable files are skipped.
pub fn find(dir: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|file| file.extension().is_some_and(|e| e == "ron"))
        .filter_map(|file| {
            let text = std::fs::read_to_string(&file).ok()?;
            let mut recovery: Recovery = format::ron_options().from_str(&text).ok()?;
            // A recovery file is validated like a journey file: a damaged one is not offered.
            recovery.journey.normalize();
            if !format::validate(&recovery.journey).is_empty() {
                return None;
            }
            (!process_alive(recovery.pid)).then_some(Found { file, recovery })
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.recovery.autosaved_unix_secs));
    found
}

fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        false
    }
}

/// How a recovered journey differs from the file on disk, by touchpoint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    /// True when anything besides touchpoints differs (header, evidence, grey areas...).
    pub other: bool,
}

impl Changes {
    pub fn between(disk: &Journey, recovered: &Journey) -> Self {
        let disk_ids: BTreeSet<_> = disk.touchpoints.iter().map(|t| &t.id).collect();
        let recovered_ids: BTreeSet<_> = recovered.touchpoints.iter().map(|t| &t.id).collect();
        let changed = recovered
            .touchpoints
            .iter()
            .filter(|t| disk.touchpoint(&t.id).is_some_and(|d| d != *t))
            .count();
        let mut without_touchpoints = (disk.clone(), recovered.clone());
        without_touchpoints.0.touchpoints.clear();
        without_touchpoints.1.touchpoints.clear();
        Self {
            added: recovered_ids.difference(&disk_ids).count(),
            removed: disk_ids.difference(&recovered_ids).count(),
            changed,
            other: without_touchpoints.0 != without_touchpoints.1,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn write_find_remove() {
        let dir = tempfile::tempdir().unwrap();
        let file = file_for(dir.path(), None, "s1");
        let recovery = Recovery {
            path: None,
            autosaved_unix_secs: 1_700_000_000,
            pid: u32::MAX - 7, // no such process
            journey: Journey::new("Sin guardar ñ", Language::Es),
        };
        write(&file, &recovery).unwrap();
        assert_eq!(
            find(dir.path()),
            vec![Found {
                file: file.clone(),
                recovery
            }]
        );
        remove(&file).unwrap();
        assert!(find(dir.path()).is_empty());
        remove(&file).unwrap();
    }

    #[test]
    fn a_running_process_is_not_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let file = file_for(dir.path(), None, "live");
        let recovery = Recovery {
            path: None,
            autosaved_unix_secs: 1,
            pid: 1,
            journey: Journey::new("x", Language::En),
        };
        write(&file, &recovery).unwrap();
        if Path::new("/proc/1").exists() {
            assert!(find(dir.path()).is_empty(), "pid 1 is alive");
        }
    }

    #[test]
    fn same_path_same_file() {
        let dir = Path::new("/tmp/r");
        let a = file_for(dir, Some(Path::new("/x/y.ron")), "a");
        assert_eq!(a, file_for(dir, Some(Path::new("/x/y.ron")), "b"));
        assert_ne!(a, file_for(dir, Some(Path::new("/x/z.ron")), "a"));
    }

    #[test]
    fn changes_count_touchpoints() {
        let mut disk = Journey::new("t", Language::En);
        disk.touchpoints
            .push(Touchpoint::new("tp-1".into(), Stage::Usage, "a"));
        disk.touchpoints
            .push(Touchpoint::new("tp-2".into(), Stage::Usage, "b"));
        let mut recovered = disk.clone();
        recovered.touchpoints[0].title = "changed".into();
        recovered.touchpoints.remove(1);
        recovered
            .touchpoints
            .push(Touchpoint::new("tp-3".into(), Stage::Usage, "c"));
        assert_eq!(
            Changes::between(&disk, &recovered),
            Changes {
                added: 1,
                removed: 1,
                changed: 1,
                other: false
            }
        );
    }
}
