//! Opening a journey file on a thread of its own, through the session's `Fs`: the
//! frame never waits for a read. A file that does not load becomes a `Failure` (every
//! error with line and column, and the resolver's choices when it holds merge-conflict
//! markers) shown instead of the map, while the journey that was open stays as it was.

use super::disk::DiskStamp;
use super::fs::Fs;
use super::recovery;
use crate::document::Document;
use crate::format::{self, Diagnostic, FormatError};
use crate::merge::resolve::Resolution;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a file may take to read before opening it is given up.
pub const OPEN_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the window waits before it says it is opening a file (an ordinary file is
/// read by then, so opening looks instant).
pub const OPEN_QUIET: Duration = Duration::from_millis(200);

/// Why a file is being opened: what the person is told when it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    /// Taking the version on disk (an outside change, or "Reload theirs").
    Reload,
    /// The failed file, tried again.
    Retry,
}

/// A file being read.
#[derive(Debug)]
pub struct Opening {
    pub id: u64,
    pub path: PathBuf,
    pub since: Instant,
    /// A journey was open before: a failure offers "Back" to it.
    pub can_go_back: bool,
    pub purpose: Purpose,
}

impl Opening {
    /// Whether the window should say it is opening (it is taking a while).
    pub fn shows(&self) -> bool {
        self.since.elapsed() >= OPEN_QUIET
    }
}

/// A journey file that cannot be opened.
#[derive(Debug)]
pub struct Failure {
    pub path: PathBuf,
    /// Positioned errors; empty when the file could not be read at all.
    pub diagnostics: Vec<Diagnostic>,
    /// The error as one text, for read errors without a position.
    pub message: String,
    /// A journey was open before (a failed Open): "Back" returns to it.
    pub can_go_back: bool,
    /// A merge conflict whose two sides read as journeys: it can be resolved.
    pub resolution: Option<Resolution>,
    /// What the file looked like when it failed, to notice when it is fixed.
    pub stamp: Option<DiskStamp>,
}

impl Failure {
    /// The errors listed in the view; the count says how many there are in all.
    pub const MAX_LISTED: usize = 200;

    pub fn file_name(&self) -> String {
        file_name(&self.path)
    }
}

/// The last part of a path, for prompts.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A journey file read into a document.
#[derive(Debug)]
pub struct Opened {
    pub document: Document,
    /// Hand-written comments, which saving will drop.
    pub comments: usize,
    pub stamp: Option<DiskStamp>,
    /// Another running window has this file open.
    pub open_elsewhere: bool,
}

/// What reading a file gave.
pub type Loaded = Result<Opened, Box<Failure>>;

/// Reads and parses `path` (on the opening thread).
pub fn load(
    fs: &dyn Fs,
    path: &Path,
    can_go_back: bool,
    recovery: Option<(&Path, Option<&str>)>,
) -> Loaded {
    let read = fs.stat(path).and_then(|stat| {
        let bytes = fs.read(path, format::MAX_JOURNEY_BYTES)?;
        Ok((stat, bytes))
    });
    let (stat, bytes) = match read {
        Ok(read) => read,
        Err(error) => {
            let error = FormatError::Io {
                path: path.to_owned(),
                error,
            };
            return Err(Box::new(failure(fs, path, &error, can_go_back, None)));
        }
    };
    let stamp = stat.map(|stat| DiskStamp::of(stat, &bytes));
    match format::parse_bytes(&bytes) {
        Ok(parsed) => {
            let comments = parsed.comments.len();
            let document = Document::from_parsed(parsed, path);
            let open_elsewhere =
                recovery.is_some_and(|(dir, own)| recovery::open_elsewhere(fs, dir, path, own));
            Ok(Opened {
                document,
                comments,
                stamp,
                open_elsewhere,
            })
        }
        Err(diagnostics) => {
            let error = FormatError::Invalid {
                path: path.to_owned(),
                diagnostics,
            };
            let read = Some((bytes.as_slice(), stamp));
            Err(Box::new(failure(fs, path, &error, can_go_back, read)))
        }
    }
}

/// The failure view's content for `error`.
pub fn failure(
    fs: &dyn Fs,
    path: &Path,
    error: &FormatError,
    can_go_back: bool,
    read: Option<(&[u8], Option<DiskStamp>)>,
) -> Failure {
    let (resolution, stamp) = match read {
        Some((bytes, stamp)) => (conflict_resolution(error, bytes), stamp),
        None => (None, DiskStamp::read(fs, path)),
    };
    Failure {
        path: path.to_owned(),
        diagnostics: error.diagnostics().to_vec(),
        message: error.to_string(),
        can_go_back,
        resolution,
        stamp,
    }
}

/// The resolver's choices for a file with merge conflict markers, when both sides read.
fn conflict_resolution(error: &FormatError, bytes: &[u8]) -> Option<Resolution> {
    let conflicted = error
        .diagnostics()
        .iter()
        .any(|d| d.message.starts_with("unresolved merge conflict marker"));
    if !conflicted {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    Resolution::new(text).ok()
}
