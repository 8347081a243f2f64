//! The journey file format: RON, canonical, versioned.
//!
//! - `parse` turns text into a validated `Journey` or a list of diagnostics with line
//!   and column; it never panics on any input.
//! - `to_text` writes the canonical form: one field per line, empty optional fields
//!   left out, touchpoints grouped by stage, a final newline. Parsing canonical text and
//!   writing it again reproduces it byte for byte.
//! - `save` writes atomically (temp file, fsync, rename), so a file on disk is never
//!   half-written.

mod atomic;
mod attachments;
mod diagnostic;
pub mod fs;
mod lexer;
mod lint;
pub mod stale;
mod validate;

pub use atomic::{
    MAX_JOURNEY_BYTES, STALE_TEMP_AGE, atomic_write, atomic_write_checked, atomic_write_with,
    open_regular, read_regular, refuse_link, write_output, write_output_set,
};
pub use attachments::{attachment_path, resolve_attachment};
pub use diagnostic::{Anchor, Diagnostic, Finding, Level, SourceIndex};
pub use lexer::line_column;
pub use validate::{Dated, check_attachment_path, is_valid_date, read_date, validate};

use crate::model::{CURRENT_VERSION, Journey};
use ron::extensions::Extensions;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A successfully parsed journey and what the text held that saving will not keep.
#[derive(Debug)]
pub struct Parsed {
    pub journey: Journey,
    /// Line and column of each hand-written comment; saving drops comments.
    pub comments: Vec<(usize, usize)>,
    /// The file's line endings, which saving keeps.
    pub line_ending: LineEnding,
}

/// A file's line-ending style. Saving keeps it, like rustfmt's `newline_style =
/// "Auto"`: a Windows checkout with `autocrlf` stays CRLF, and only the content is made
/// canonical.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineEnding {
    #[default]
    Lf,
    Crlf,
}

impl LineEnding {
    /// The style of the first line of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        let crlf = bytes
            .iter()
            .position(|b| *b == b'\n')
            .is_some_and(|at| at > 0 && bytes[at - 1] == b'\r');
        if crlf { Self::Crlf } else { Self::Lf }
    }

    /// Canonical text (LF) in this style.
    pub fn apply(self, text: String) -> String {
        match self {
            Self::Lf => text,
            Self::Crlf => text.replace('\n', "\r\n"),
        }
    }
}

#[derive(Debug, Error)]
pub enum FormatError {
    /// The text is not a valid journey; each diagnostic has a line and column.
    #[error("{}", render(path, diagnostics))]
    Invalid {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
    /// The message already says what the OS said, so the I/O error is not also a
    /// `source` (an error chain would print it twice).
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("cannot write the journey as RON: {0}")]
    Serialize(String),
}

impl FormatError {
    /// The diagnostics of an invalid file (empty for I/O errors).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            FormatError::Invalid { diagnostics, .. } => diagnostics,
            _ => &[],
        }
    }
}

fn render(path: &Path, diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{}:{d}", path.display()))
        .collect();
    lines.join("\n")
}

/// The RON options of every journey file, recovery file and merge: options written
/// as plain values (`implicit_some`). The one place they are built.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Any part of a journey in the file's canonical style (one field per line, four-space
/// indentation, struct names), without the final newline. Diff and merge compare and
/// write elements through this, so they read exactly as in the file.
pub fn pretty<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .new_line("\n")
        .indentor("    ")
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    ron_options().to_string_pretty(value, config)
}

fn error_at(line: usize, column: usize, message: impl Into<String>) -> Vec<Diagnostic> {
    vec![Diagnostic {
        level: Level::Error,
        line,
        column,
        message: message.into(),
    }]
}

/// Parses raw bytes: rejects binary and non-UTF-8 data with a position, then `parse`s.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, Vec<Diagnostic>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            let (line, column) = line_column(valid, valid.len());
            return Err(error_at(
                line,
                column,
                "not UTF-8 text: this is not a journey file",
            ));
        }
    };
    parse(text)
}

/// Parses and validates journey text. Errors come back sorted by position.
pub fn parse(text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(error_at(
            1,
            1,
            "the file is empty: a journey file starts with `Journey(`",
        ));
    }
    if let Some(offset) = text.find('\0') {
        let (line, column) = line_column(text, offset);
        return Err(error_at(
            line,
            column,
            "binary data (a NUL byte): this is not a journey file",
        ));
    }
    let conflicts = conflict_marker_lines(text);
    if !conflicts.is_empty() {
        // Every conflict is listed, so one round of fixing is enough.
        return Err(conflicts
            .into_iter()
            .map(|line| Diagnostic {
                level: Level::Error,
                line,
                column: 1,
                message: "unresolved merge conflict marker: keep one side between <<<<<<< and \
                          >>>>>>>, delete the other and the marker lines, or open the file in \
                          journeymap, which lists each conflict to pick from \
                          (`journeymap git-setup` makes git merge journeys by structure)"
                    .to_owned(),
            })
            .collect());
    }
    let journey: Journey = match ron_options().from_str(text) {
        Ok(journey) => journey,
        Err(_) if !starts_like_a_journey(text) => {
            // Not a journey at all (a secret behind a link, a binary, a config file):
            // say so without quoting any of its content.
            let at = first_token(text);
            let (line, column) = line_column(text, at);
            return Err(error_at(
                line,
                column,
                "this is not a journey file: a journey file starts with `Journey(`",
            ));
        }
        Err(error) => {
            if let Some(version_error) = version_problem(text, sniff_version(text)) {
                return Err(version_error);
            }
            let (line, column) = on_token(text, error.span.start.line, error.span.start.col);
            return Err(error_at(line, column, error.code.to_string()));
        }
    };
    if let Some(version_error) = version_problem(text, Some(journey.version)) {
        return Err(version_error);
    }
    let findings = validate::validate(&journey);
    if !findings.is_empty() {
        return Err(SourceIndex::new(text).place(findings));
    }
    let offsets = lexer::comment_offsets(text);
    let comments = if offsets.is_empty() {
        Vec::new()
    } else {
        let lines = lexer::LineIndex::new(text);
        offsets.into_iter().map(|o| lines.locate(o)).collect()
    };
    let mut journey = journey;
    journey.normalize();
    Ok(Parsed {
        journey,
        comments,
        line_ending: LineEnding::of(text.as_bytes()),
    })
}

/// Errors and warnings for `journeymap check`, everything in one pass: a syntax error
/// stops it (nothing after it can be read), but a journey that reads gets every
/// semantic error (dangling references, duplicate ids, values off their scale) and
/// every warning, sorted by position.
pub use stale::{Age, Staleness, stale, today};

pub fn check(text: &str) -> Vec<Diagnostic> {
    let errors = match parse(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    // Lint the journey as written (before normalisation) so positions match.
    let Ok(as_written) = ron_options().from_str::<Journey>(text) else {
        return errors;
    };
    if errors.iter().any(|e| e.message.contains("format version")) {
        return errors;
    }
    let mut all = errors;
    all.extend(SourceIndex::new(text).place(lint::lint(&as_written)));
    all.sort_by_key(|d| (d.line, d.column, d.level));
    all
}

/// The byte offset of the first token, past whitespace and comments.
fn first_token(text: &str) -> usize {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        if let Some(comment) = trimmed.strip_prefix("//") {
            rest = comment.find('\n').map_or("", |end| &comment[end..]);
        } else if let Some(comment) = trimmed.strip_prefix("/*") {
            rest = comment.find("*/").map_or("", |end| &comment[end + 2..]);
        } else {
            return text.len() - trimmed.len();
        }
    }
}

/// Whether the text begins as a journey does (`Journey(`, a misspelt `Jorney(`, `(`,
/// or a `#![enable]` attribute), so ron's messages about it may quote it.
fn starts_like_a_journey(text: &str) -> bool {
    let start = &text[first_token(text)..];
    let name = start
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .unwrap_or(start.len());
    let struct_like = name > 0 && start[name..].trim_start().starts_with('(');
    start.starts_with("Journey") || struct_like || start.starts_with('(') || start.starts_with("#!")
}

/// ron reports some errors at the whitespace before the offending token: move the
/// position forward to the token when it is on the same line.
fn on_token(text: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
        return (line, column);
    };
    let skipped = row
        .chars()
        .skip(column.saturating_sub(1))
        .take_while(|c| *c == ' ' || *c == '\t')
        .count();
    let rest = row.chars().count().saturating_sub(column.saturating_sub(1));
    if skipped < rest {
        (line, column + skipped)
    } else {
        (line, column)
    }
}

/// The line of each conflict: its `<<<<<<<` marker (or a stray `=======`/`>>>>>>>`
/// outside one).
fn conflict_marker_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut inside = false;
    for (index, line) in text.lines().enumerate() {
        if line.starts_with("<<<<<<< ") || line.trim_end() == "<<<<<<<" {
            lines.push(index + 1);
            inside = true;
        } else if line.starts_with(">>>>>>> ") || line.trim_end() == ">>>>>>>" {
            if !inside {
                lines.push(index + 1);
            }
            inside = false;
        } else if line.trim_end() == "=======" && !inside {
            lines.push(index + 1);
        }
    }
    lines
}

/// The `version:` of the top-level journey, read without a full parse.
fn sniff_version(text: &str) -> Option<u32> {
    let scan = lexer::scan(text);
    let key = scan
        .keys
        .iter()
        .find(|k| k.depth == 1 && k.name == "version")?;
    let rest = text[key.offset + "version".len()..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn version_problem(text: &str, version: Option<u32>) -> Option<Vec<Diagnostic>> {
    let version = version?;
    let place = |message: String| {
        SourceIndex::new(text).place(vec![Finding::error(Anchor::TopLevel("version"), message)])
    };
    if version > CURRENT_VERSION {
        Some(place(format!(
            "this file is format version {version}, written by a newer journeymap; \
             this build reads versions up to {CURRENT_VERSION}: upgrade journeymap to open it"
        )))
    } else if version == 0 {
        Some(place(format!(
            "format version 0 does not exist; the current version is {CURRENT_VERSION}"
        )))
    } else {
        None
    }
}

/// The canonical text of a journey, ending with a newline.
pub fn to_text(journey: &Journey) -> Result<String, FormatError> {
    let grouped = journey.touchpoints.is_sorted_by_key(|t| t.stage);
    let normalized;
    let journey = if grouped && journey.stages.values().all(|n| !n.is_empty()) {
        journey
    } else {
        normalized = {
            let mut copy = journey.clone();
            copy.normalize();
            copy
        };
        &normalized
    };
    let mut text = pretty(journey).map_err(|e| FormatError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Reads and parses a journey file.
pub fn load(path: &Path) -> Result<Parsed, FormatError> {
    let bytes = read_regular(path, MAX_JOURNEY_BYTES).map_err(|error| FormatError::Io {
        path: path.to_owned(),
        error,
    })?;
    parse_bytes(&bytes).map_err(|diagnostics| FormatError::Invalid {
        path: path.to_owned(),
        diagnostics,
    })
}

/// Writes a journey canonically and atomically, with LF line endings.
pub fn save(path: &Path, journey: &Journey) -> Result<(), FormatError> {
    save_with(path, journey, LineEnding::Lf)
}

/// Writes a journey canonically and atomically, with the given line endings.
pub fn save_with(path: &Path, journey: &Journey, ending: LineEnding) -> Result<(), FormatError> {
    save_returning_text(path, journey, ending).map(drop)
}

/// `save_with`, returning the text written (the editor stamps the file with it instead
/// of reading it back).
pub fn save_returning_text(
    path: &Path,
    journey: &Journey,
    ending: LineEnding,
) -> Result<String, FormatError> {
    let text = ending.apply(to_text(journey)?);
    atomic_write(path, text.as_bytes()).map_err(|error| FormatError::Io {
        path: path.to_owned(),
        error,
    })?;
    Ok(text)
}
