//! An event log's two forms, streamed: CSV (a header naming `case`, `activity` and
//! `timestamp`, and optionally `channel`, `resource` and `outcome`) and XES (IEEE 1849:
//! traces of events, `concept:name` and `time:timestamp`, read with quick-xml without
//! building a tree). The file is opened through the guarded reader's refusals (a FIFO
//! or a device is never opened) and read once; its SHA-256 is taken on the way when
//! asked, and `progress` hears how many bytes are read.

use super::timestamp::{self, Millis};
use super::{LogError, LogEvent};
use sha2::Digest;
use std::io::Read;
use std::path::Path;

/// The forms a log comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Csv,
    Xes,
}

impl LogFormat {
    /// The form a file's name says (`.csv`, `.xes`); `None` for others.
    pub fn of(path: &Path) -> Option<LogFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" | "txt" => Some(LogFormat::Csv),
            "xes" | "xml" => Some(LogFormat::Xes),
            _ => None,
        }
    }
}

/// How a log is read.
#[derive(Default)]
pub struct ReadOptions<'a> {
    /// Skip rows that do not read (a bad time, a missing cell), counting them, instead
    /// of stopping at the first.
    pub skip_bad: bool,
    /// Take the file's SHA-256 while reading it.
    pub digest: bool,
    /// Hears the bytes read so far and the file's length, about every megabyte.
    pub progress: Option<&'a mut dyn FnMut(u64, u64)>,
}

/// What reading found besides the events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadSummary {
    /// The file's SHA-256 in hex, when asked.
    pub sha256: Option<String>,
    pub bytes: u64,
    /// Rows skipped with `skip_bad`, and the first few reasons (`line:column: why`).
    pub skipped: u64,
    pub skipped_examples: Vec<String>,
}

/// Reads the log at `path` through the guarded reader, giving each event to `sink`.
pub fn read_file(
    path: &Path,
    format: LogFormat,
    options: ReadOptions<'_>,
    sink: &mut dyn FnMut(LogEvent<'_>) -> Result<(), LogError>,
) -> Result<ReadSummary, LogError> {
    let (file, len) = crate::format::open_regular(path)?;
    read_stream(file, len, format, options, sink)
}

/// Reads a log opened through the guarded reader (`open_regular`, `Fs::open`) of
/// `len` bytes, giving each event to `sink`.
pub fn read_stream(
    file: impl Read,
    len: u64,
    format: LogFormat,
    options: ReadOptions<'_>,
    sink: &mut dyn FnMut(LogEvent<'_>) -> Result<(), LogError>,
) -> Result<ReadSummary, LogError> {
    let mut counted = Counted {
        inner: file,
        hasher: options.digest.then(sha2::Sha256::new),
        read: 0,
        reported: 0,
        len,
        progress: options.progress,
    };
    let mut summary = ReadSummary::default();
    match format {
        LogFormat::Csv => read_csv(&mut counted, options.skip_bad, &mut summary, sink)?,
        LogFormat::Xes => read_xes(&mut counted, options.skip_bad, &mut summary, sink)?,
    }
    // A reader may stop before the end (XES after its log element): the digest is of
    // the whole file.
    std::io::copy(&mut counted, &mut std::io::sink())?;
    summary.bytes = counted.read;
    summary.sha256 = counted.hasher.map(|h| {
        h.finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    });
    Ok(summary)
}

/// A reader that counts, hashes and reports progress.
struct Counted<'a, R> {
    inner: R,
    hasher: Option<sha2::Sha256>,
    read: u64,
    reported: u64,
    len: u64,
    progress: Option<&'a mut dyn FnMut(u64, u64)>,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(h) = &mut self.hasher {
            h.update(&buf[..n]);
        }
        self.read += n as u64;
        if let Some(progress) = &mut self.progress
            && (self.read - self.reported >= 1 << 20 || n == 0)
        {
            self.reported = self.read;
            progress(self.read, self.len);
        }
        Ok(n)
    }
}

fn skip_or_fail(
    skip_bad: bool,
    summary: &mut ReadSummary,
    error: LogError,
) -> Result<(), LogError> {
    if !skip_bad {
        return Err(error);
    }
    summary.skipped += 1;
    if summary.skipped_examples.len() < 10 {
        summary.skipped_examples.push(error.to_string());
    }
    Ok(())
}

/// The columns of a CSV log, by their header's names (case does not matter; XES's
/// names are taken too).
struct Columns {
    case: usize,
    activity: usize,
    time: usize,
    outcome: Option<usize>,
}

fn columns(header: &csv::ByteRecord) -> Result<Columns, LogError> {
    let find = |names: &[&str]| {
        header.iter().position(|h| {
            let h = String::from_utf8_lossy(h);
            let h = h.trim().trim_start_matches('\u{feff}');
            names.iter().any(|n| h.eq_ignore_ascii_case(n))
        })
    };
    let need = |names: &[&str]| {
        find(names).ok_or_else(|| {
            LogError::at(
                1,
                1,
                format!(
                    "the log has no `{}` column: its first line names the columns, among them \
                     case, activity and timestamp",
                    names[0]
                ),
            )
        })
    };
    Ok(Columns {
        case: need(&["case", "case:concept:name", "case_id", "case id"])?,
        activity: need(&["activity", "concept:name", "event"])?,
        time: need(&["timestamp", "time:timestamp", "time"])?,
        outcome: find(&["outcome"]),
    })
}

fn read_csv(
    reader: impl Read,
    skip_bad: bool,
    summary: &mut ReadSummary,
    sink: &mut dyn FnMut(LogEvent<'_>) -> Result<(), LogError>,
) -> Result<(), LogError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(reader);
    let header = reader.byte_headers().map_err(csv_error)?.clone();
    let columns = columns(&header)?;
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                // A row the CSV reader cannot take (a quote left open) ends the log.
                skip_or_fail(skip_bad, summary, csv_error(e))?;
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.len() == 1 && record.get(0).is_some_and(|f| f.is_empty()) {
            continue;
        }
        let column_of = |i: usize| -> u64 {
            (0..i)
                .map(|j| record.get(j).map_or(0, |f| f.len() as u64 + 1))
                .sum::<u64>()
                + 1
        };
        let (Some(case), Some(activity), Some(time)) = (
            record.get(columns.case),
            record.get(columns.activity),
            record.get(columns.time),
        ) else {
            let error = LogError::at(
                line,
                1,
                format!(
                    "the row has {} cells; the header has {}",
                    record.len(),
                    header.len()
                ),
            );
            skip_or_fail(skip_bad, summary, error)?;
            continue;
        };
        let Some(time) = timestamp::parse(time) else {
            let error = LogError::at(
                line,
                column_of(columns.time),
                format!(
                    "{:?} is not a time: write {}",
                    String::from_utf8_lossy(time),
                    timestamp::EXPECTED
                ),
            );
            skip_or_fail(skip_bad, summary, error)?;
            continue;
        };
        if case.is_empty() {
            let error = LogError::at(line, column_of(columns.case), "the case is empty".into());
            skip_or_fail(skip_bad, summary, error)?;
            continue;
        }
        let failed = columns
            .outcome
            .and_then(|o| record.get(o))
            .is_some_and(is_failed);
        sink(LogEvent {
            case,
            activity,
            time,
            failed,
            line,
        })?;
    }
    Ok(())
}

/// An outcome that says the event failed.
fn is_failed(outcome: &[u8]) -> bool {
    let outcome = outcome.trim_ascii();
    [&b"failed"[..], b"failure", b"fail", b"error"]
        .iter()
        .any(|f| outcome.eq_ignore_ascii_case(f))
}

fn csv_error(e: csv::Error) -> LogError {
    let line = e.position().map_or(0, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => format!("the log does not read as CSV: {e}"),
    };
    LogError::at(line, 1, message)
}

/// Reads XES: each `trace`'s `concept:name` is the case; each `event` inside it is one
/// event with its `concept:name` (the activity), `time:timestamp` and, optionally, an
/// `outcome`. Events whose `lifecycle:transition` is other than `complete` (a start, a
/// schedule) are left out: a step is counted once, when done.
fn read_xes(
    reader: impl Read,
    skip_bad: bool,
    summary: &mut ReadSummary,
    sink: &mut dyn FnMut(LogEvent<'_>) -> Result<(), LogError>,
) -> Result<(), LogError> {
    use quick_xml::events::Event;
    let mut xml =
        quick_xml::Reader::from_reader(std::io::BufReader::with_capacity(1 << 16, reader));
    xml.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut line: u64 = 1;
    // Where we are: depth of the open elements, and the depths of the trace and event.
    let mut depth = 0usize;
    let mut trace: Option<usize> = None;
    let mut event: Option<usize> = None;
    let mut case: Vec<u8> = Vec::new();
    let mut current = XesEvent::default();
    loop {
        buf.clear();
        let at = line;
        // What the tag says, taken out of the buffer before its lines are counted.
        let tag = match xml.read_event_into(&mut buf) {
            Err(e) => {
                return Err(LogError::at(
                    at,
                    1,
                    format!("the log does not read as XES: {e}"),
                ));
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => Tag::open(&e, true),
            Ok(Event::Empty(e)) => Tag::open(&e, false),
            Ok(Event::End(_)) => Tag::Close,
            Ok(_) => Tag::Other,
        };
        line += buf.iter().filter(|b| **b == b'\n').count() as u64;
        match tag {
            Tag::Other => {}
            Tag::Close => {
                if event == Some(depth) {
                    event = None;
                    let taken = std::mem::take(&mut current);
                    match taken.checked(&case) {
                        Ok(None) => {}
                        Ok(Some((activity, time))) => sink(LogEvent {
                            case: &case,
                            activity: &activity,
                            time,
                            failed: taken.failed,
                            line: taken.line,
                        })?,
                        Err(error) => skip_or_fail(skip_bad, summary, error)?,
                    }
                } else if trace == Some(depth) {
                    trace = None;
                    case.clear();
                }
                depth = depth.saturating_sub(1);
            }
            Tag::Open {
                name,
                opens,
                attribute,
            } => {
                if opens {
                    depth += 1;
                }
                let inner = if opens { depth } else { depth + 1 };
                match name {
                    XesName::Trace if opens && trace.is_none() => {
                        trace = Some(depth);
                        case.clear();
                    }
                    XesName::Event if opens && trace.is_some() && event.is_none() => {
                        event = Some(depth);
                        current = XesEvent {
                            line: at,
                            ..XesEvent::default()
                        };
                    }
                    _ => {
                        let Some((key, value)) = attribute else {
                            continue;
                        };
                        if event.is_some_and(|d| inner == d + 1) {
                            match key.as_slice() {
                                b"concept:name" => current.activity = Some(value),
                                b"time:timestamp" => current.time = Some(value),
                                b"lifecycle:transition" => current.lifecycle = Some(value),
                                b"outcome" => current.failed = is_failed(&value),
                                _ => {}
                            }
                        } else if event.is_none()
                            && trace.is_some_and(|d| inner == d + 1)
                            && key == b"concept:name"
                        {
                            case = value;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

enum XesName {
    Trace,
    Event,
    Other,
}

/// A tag of an XES file, as much of it as the reader needs.
enum Tag {
    Open {
        name: XesName,
        opens: bool,
        /// An attribute's key and value (`<string key=".." value=".."/>`).
        attribute: Option<(Vec<u8>, Vec<u8>)>,
    },
    Close,
    Other,
}

impl Tag {
    fn open(start: &quick_xml::events::BytesStart<'_>, opens: bool) -> Tag {
        let name = match start.local_name().as_ref() {
            b"trace" => XesName::Trace,
            b"event" => XesName::Event,
            _ => XesName::Other,
        };
        let (mut key, mut value) = (None, None);
        if matches!(name, XesName::Other) {
            for attribute in start.attributes().flatten() {
                let text = || {
                    attribute
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .ok()
                        .map(|v| v.into_owned().into_bytes())
                };
                match attribute.key.as_ref() {
                    b"key" => key = text(),
                    b"value" => value = text(),
                    _ => {}
                }
            }
        }
        Tag::Open {
            name,
            opens,
            attribute: key.zip(value),
        }
    }
}

#[derive(Default)]
struct XesEvent {
    activity: Option<Vec<u8>>,
    time: Option<Vec<u8>>,
    lifecycle: Option<Vec<u8>>,
    failed: bool,
    line: u64,
}

impl XesEvent {
    /// The event's activity and time; `None` for an event left out (not complete), an
    /// error for one that does not read.
    fn checked(&self, case: &[u8]) -> Result<Option<(Vec<u8>, Millis)>, LogError> {
        if self
            .lifecycle
            .as_deref()
            .is_some_and(|l| !l.trim_ascii().eq_ignore_ascii_case(b"complete"))
        {
            return Ok(None);
        }
        let line = self.line;
        if case.is_empty() {
            return Err(LogError::at(
                line,
                1,
                "the event's trace has no concept:name (its case)".into(),
            ));
        }
        let Some(activity) = &self.activity else {
            return Err(LogError::at(
                line,
                1,
                "the event has no concept:name (its activity)".into(),
            ));
        };
        let Some(time) = &self.time else {
            return Err(LogError::at(
                line,
                1,
                "the event has no time:timestamp".into(),
            ));
        };
        let Some(millis) = timestamp::parse(time) else {
            return Err(LogError::at(
                line,
                1,
                format!(
                    "{:?} is not a time: write {}",
                    String::from_utf8_lossy(time),
                    timestamp::EXPECTED
                ),
            ));
        };
        Ok(Some((activity.clone(), millis)))
    }
}
