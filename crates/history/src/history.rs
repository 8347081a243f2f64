//! A journey's history from git (`journeymap history FILE`, `journeymap blame FILE`):
//! the commits that touched the file, read with the `git` command (paths after `--`, so
//! a path is never taken for an option), each version read through the journey parser;
//! per commit the counts a team follows, and per element the last commit that changed
//! it, found by id through the structure, not by line. Works from any folder of a
//! repository; outside one it says so.

use crate::model::{
    ElementKind, GreyAreaStatus, Item, Journey, KindVisitor, OpportunityStatus, each_kind,
};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{0}: not in a git repository (history and blame read the file's commits with git)")]
    NotARepository(PathBuf),
    #[error("{0}: no commit has this file yet")]
    NoCommits(PathBuf),
    #[error("cannot run git: {0}")]
    Git(String),
}

/// One commit that touched the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commit {
    pub hash: String,
    pub short: String,
    /// `YYYY-MM-DD`, the author date.
    pub date: String,
    pub author: String,
    pub subject: String,
}

/// The file's versions, oldest first: each commit with the journey it held (`None`
/// when that version does not read: a conflict committed, a broken edit).
pub struct Versions {
    pub file: PathBuf,
    pub commits: Vec<(Commit, Option<Journey>)>,
    /// In a shallow clone: the commit the history starts at (older ones are not here),
    /// so the oldest version is no one's first edit.
    pub shallow: Option<Commit>,
}

impl Versions {
    /// "shallow clone: history starts at …", when the history is cut.
    pub fn cut(&self) -> Option<String> {
        self.shallow.as_ref().map(|c| {
            format!(
                "shallow clone: history starts at {} ({}); older commits are not in this clone \
                 (git fetch --unshallow)",
                c.short, c.date
            )
        })
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, HistoryError> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        // Paths as they are (`café.ron`, not "caf\303\251.ron").
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .output()
        .map_err(|e| HistoryError::Git(e.to_string()))
}

/// The file's absolute path: its folder resolved (links, `..`), its name as given, so a
/// file deleted since its last commit is still found by path.
fn absolute(file: &Path) -> PathBuf {
    if let Ok(found) = std::fs::canonicalize(file) {
        return found;
    }
    let joined = if file.is_absolute() {
        file.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| file.to_path_buf(), |d| d.join(file))
    };
    match (joined.parent(), joined.file_name()) {
        (Some(parent), Some(name)) => {
            std::fs::canonicalize(parent).map_or_else(|_| joined.clone(), |p| p.join(name))
        }
        _ => joined,
    }
}

/// The repository's top folder and the file's path in it, with `/`.
fn locate(file: &Path) -> Result<(PathBuf, String), HistoryError> {
    let absolute = absolute(file);
    let dir = absolute
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let top = git(&dir, &["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(HistoryError::NotARepository(file.to_path_buf()));
    }
    let top = PathBuf::from(String::from_utf8_lossy(&top.stdout).trim());
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    let relative = absolute
        .strip_prefix(&top)
        .map_err(|_| HistoryError::NotARepository(file.to_path_buf()))?;
    let relative: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok((top, relative.join("/")))
}

/// Every version of `file` in its repository's history (following renames), oldest
/// first. One `git log` and one `git cat-file --batch` for all the versions.
pub fn versions(file: &Path) -> Result<Versions, HistoryError> {
    let (top, relative) = locate(file)?;
    let log = git(
        &top,
        &[
            "log",
            "--follow",
            "--name-only",
            "-z",
            "--format=%x1e%H%x1f%h%x1f%ad%x1f%an%x1f%s",
            "--date=short",
            "--",
            &relative,
        ],
    )?;
    if !log.status.success() {
        return Err(HistoryError::Git(
            String::from_utf8_lossy(&log.stderr).trim().to_owned(),
        ));
    }
    let text = String::from_utf8_lossy(&log.stdout);
    // Each record: the commit's fields, a line break, then (after --name-only, with -z)
    // the path it had there, ended by NUL: names with line breaks or any character.
    let mut found: Vec<(Commit, String)> = Vec::new();
    for record in text
        .split('\u{1e}')
        .filter(|r| !r.trim_matches('\0').trim().is_empty())
    {
        let (head, names) = record.split_once('\n').unwrap_or((record, ""));
        let fields: Vec<&str> = head.trim_end_matches('\0').split('\u{1f}').collect();
        if fields.len() < 5 {
            continue;
        }
        let path = names
            .split('\0')
            .map(|n| n.trim_start_matches('\n'))
            .find(|n| !n.is_empty())
            .unwrap_or(&relative)
            .to_owned();
        found.push((
            Commit {
                hash: fields[0].to_owned(),
                short: fields[1].to_owned(),
                date: fields[2].to_owned(),
                author: fields[3].to_owned(),
                subject: fields[4].to_owned(),
            },
            path,
        ));
    }
    if found.is_empty() {
        return Err(HistoryError::NoCommits(file.to_path_buf()));
    }
    found.reverse();
    // A shallow clone's oldest commit is a graft: everything before it is missing.
    let shallow = git(&top, &["rev-parse", "--is-shallow-repository"])
        .ok()
        .filter(|o| String::from_utf8_lossy(&o.stdout).trim() == "true")
        .and_then(|_| found.first().map(|(c, _)| c.clone()));
    let texts = blobs(&top, found.iter().map(|(c, p)| format!("{}:{p}", c.hash)))?;
    // Reading the versions is most of the time: on every core.
    let journeys = parse_all(texts);
    let commits = found
        .into_iter()
        .map(|(commit, _)| commit)
        .zip(journeys)
        .collect();
    Ok(Versions {
        file: file.to_path_buf(),
        commits,
        shallow,
    })
}

/// Each text read as a journey (`None` where it does not read), in order, on as many
/// threads as the machine has cores.
fn parse_all(texts: Vec<Option<String>>) -> Vec<Option<Journey>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .max(1);
    let chunk = texts.len().div_ceil(threads).max(1);
    let read = |t: &Option<String>| {
        t.as_deref()
            .and_then(|t| crate::format::parse(t).ok().map(|p| p.journey))
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(read).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The contents of each `commit:path`, from one `git cat-file --batch`.
fn blobs(
    top: &Path,
    names: impl Iterator<Item = String>,
) -> Result<Vec<Option<String>>, HistoryError> {
    let names: Vec<String> = names.collect();
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| HistoryError::Git(e.to_string()))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| HistoryError::Git("no stdin".into()))?;
    let request = names.join("\n") + "\n";
    // Written from a thread: git answers while it reads, and a pipe holds little.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut out = BufReader::new(
        child
            .stdout
            .take()
            .ok_or_else(|| HistoryError::Git("no stdout".into()))?,
    );
    let mut texts = Vec::with_capacity(names.len());
    for _ in &names {
        let mut header = String::new();
        out.read_line(&mut header)
            .map_err(|e| HistoryError::Git(e.to_string()))?;
        let parts: Vec<&str> = header.split_whitespace().collect();
        if parts.len() < 3 || parts[1] != "blob" {
            texts.push(None);
            continue;
        }
        let size: usize = parts[2].parse().unwrap_or(0);
        let mut body = vec![0; size + 1];
        out.read_exact(&mut body)
            .map_err(|e| HistoryError::Git(e.to_string()))?;
        body.pop();
        texts.push(String::from_utf8(body).ok());
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(texts)
}

/// What `history` says of one version.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub touchpoints: usize,
    pub steps: usize,
    pub grey_open: usize,
    pub grey_resolved: usize,
    /// Opportunities by status, in `OpportunityStatus::ALL` order.
    pub opportunities: Vec<usize>,
    pub mean_emotion: Option<f64>,
}

pub fn counts(journey: &Journey) -> Counts {
    let scores: Vec<f64> = journey
        .touchpoints
        .iter()
        .filter_map(|t| t.emotion_score())
        .map(f64::from)
        .collect();
    Counts {
        touchpoints: journey.touchpoints.len(),
        steps: journey.steps.len(),
        grey_open: journey
            .grey_areas
            .iter()
            .filter(|g| g.status != GreyAreaStatus::Resolved)
            .count(),
        grey_resolved: journey
            .grey_areas
            .iter()
            .filter(|g| g.status == GreyAreaStatus::Resolved)
            .count(),
        opportunities: OpportunityStatus::ALL
            .iter()
            .map(|s| {
                journey
                    .opportunities
                    .iter()
                    .filter(|o| o.status == *s)
                    .count()
            })
            .collect(),
        mean_emotion: (!scores.is_empty())
            .then(|| scores.iter().sum::<f64>() / scores.len() as f64),
    }
}

/// One line of `blame`: an element of the current file and the last commit that
/// changed it (`None`: changed since the last commit).
#[derive(Clone, Debug, PartialEq)]
pub struct Blamed {
    pub kind: ElementKind,
    pub id: String,
    pub name: String,
    pub commit: Option<Commit>,
}

/// The kinds `blame` lists, in this order.
pub const BLAMED: [ElementKind; 4] = [
    ElementKind::Touchpoint,
    ElementKind::Step,
    ElementKind::GreyArea,
    ElementKind::Opportunity,
];

/// Each element of `current` (the file as it is now) with the last commit of
/// `versions` in which it appeared or changed, compared by id, field by field.
pub fn blame(versions: &Versions, current: &Journey) -> Vec<Blamed> {
    // Each version is compared with the one before it, element by element by id (no
    // text is written): an element new or different there was changed by that commit.
    struct Walk<'a> {
        previous: Option<&'a Journey>,
        journey: &'a Journey,
        at: usize,
        changed: &'a mut foldhash::HashMap<(ElementKind, String), usize>,
    }
    impl KindVisitor for Walk<'_> {
        fn visit<T: Item>(&mut self) {
            if !BLAMED.contains(&T::KIND) {
                return;
            }
            let before: foldhash::HashMap<&str, &T> = self
                .previous
                .map(|p| T::list(p).iter().map(|e| (e.id(), e)).collect())
                .unwrap_or_default();
            for element in T::list(self.journey) {
                if before.get(element.id()).is_none_or(|was| *was != element) {
                    self.changed
                        .insert((T::KIND, element.id().to_owned()), self.at);
                }
            }
        }
    }
    let mut changed = foldhash::HashMap::default();
    let mut previous: Option<&Journey> = None;
    for (at, (_, journey)) in versions.commits.iter().enumerate() {
        if let Some(journey) = journey {
            each_kind(&mut Walk {
                previous,
                journey,
                at,
                changed: &mut changed,
            });
            previous = Some(journey);
        }
    }
    struct List<'a> {
        journey: &'a Journey,
        last: Option<&'a Journey>,
        changed: &'a foldhash::HashMap<(ElementKind, String), usize>,
        versions: &'a Versions,
        out: Vec<Blamed>,
    }
    impl KindVisitor for List<'_> {
        fn visit<T: Item>(&mut self) {
            let committed: foldhash::HashMap<&str, &T> = self
                .last
                .map(|p| T::list(p).iter().map(|e| (e.id(), e)).collect())
                .unwrap_or_default();
            for element in T::list(self.journey) {
                // As the last commit has it, else changed since.
                let same = committed
                    .get(element.id())
                    .is_some_and(|was| *was == element);
                let commit = same
                    .then(|| self.changed.get(&(T::KIND, element.id().to_owned())))
                    .flatten()
                    .map(|at| self.versions.commits[*at].0.clone());
                self.out.push(Blamed {
                    kind: T::KIND,
                    id: element.id().to_owned(),
                    name: element.name(),
                    commit,
                });
            }
        }
    }
    let mut list = List {
        journey: current,
        last: previous,
        changed: &changed,
        versions,
        out: Vec::new(),
    };
    for kind in BLAMED {
        crate::model::with_kind(kind, &mut list);
    }
    list.out
}
