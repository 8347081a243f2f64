//! `journeymap conform MAP LOG` (the map measured against an event log) and
//! `journeymap generate-log MAP` (a log with known truth).

use super::{ConformArgs, GenerateLogArgs};
use crate::format;
use crate::interchange::eventlog::evidence::{LogSource, Thresholds};
use crate::interchange::eventlog::generate::{self, Order, Rates};
use crate::interchange::eventlog::read::{LogFormat, ReadOptions, read_file};
use crate::interchange::eventlog::{Conformer, LogError, Options, Plan, evidence, timestamp};
use anyhow::{Context, bail};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// The largest mapping sheet read.
const MAX_SHEET_BYTES: u64 = 16 * 1024 * 1024;

pub fn run(args: &ConformArgs) -> anyhow::Result<ExitCode> {
    let map = format::load(&args.map)?;
    let journey = map.journey;
    let log_name = args.log.display().to_string();
    let log_file = args
        .log
        .file_name()
        .map_or_else(|| log_name.clone(), |n| n.to_string_lossy().into_owned());
    let Some(log_format) = LogFormat::of(&args.log) else {
        bail!("{log_name}: a log is a .csv or .xes file");
    };
    let sheet = match &args.mapping {
        Some(path) => {
            let bytes = format::read_regular(path, MAX_SHEET_BYTES)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Some(String::from_utf8(bytes).map_err(|_| {
                anyhow::anyhow!("{}: the mapping sheet is not UTF-8 text", path.display())
            })?)
        }
        None => None,
    };
    let plan = Plan::new(&journey, sheet.as_deref()).map_err(|e| {
        let sheet = args.mapping.as_ref().map(|p| p.display().to_string());
        anyhow::anyhow!("{}:{e}", sheet.unwrap_or_default())
    })?;
    if plan.elements.is_empty() {
        bail!(
            "{}: the map has no touchpoints or steps to measure",
            args.map.display()
        );
    }
    let inactive = crate::model::Duration::parse(&args.inactive)
        .map_err(|e| anyhow::anyhow!("--inactive: {e}"))?;
    let options = Options {
        inactive: (inactive.minutes() * timestamp::MINUTE as f64).round() as i64,
        cases: args.cases,
    };
    let mut conformer = Conformer::new(&plan, options);
    let mut bar = Progress::new(&log_name);
    let mut progress = |read: u64, len: u64| bar.show(read, len);
    let summary = read_file(
        &args.log,
        log_format,
        ReadOptions {
            skip_bad: args.skip_bad,
            digest: args.into.is_some(),
            progress: Some(&mut progress),
        },
        &mut |event| conformer.event(event),
    )
    .map_err(|e| located(&log_name, e))?;
    bar.done();
    let numbers = conformer.finish().map_err(|e| located(&log_name, e))?;
    for example in &summary.skipped_examples {
        eprintln!("{log_name}:{example} (skipped)");
    }
    if summary.skipped > 0 {
        eprintln!("{log_name}: {} bad rows skipped", summary.skipped);
    }
    for title in &plan.ambiguous_titles {
        eprintln!(
            "{}: warning: the title {title:?} names several elements; map its activity by id \
             or with --mapping",
            args.map.display()
        );
    }
    let language = args.language.unwrap_or(journey.language);
    match &args.output {
        Some(path) => write_report(path, &journey, &numbers, &log_file, language)?,
        None => print_summary(&numbers),
    }
    if let Some(into) = &args.into {
        write_into(args, into, &numbers, &summary.sha256.unwrap_or_default())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn located(file: &str, error: LogError) -> anyhow::Error {
    match error {
        LogError::At { .. } => anyhow::anyhow!("{file}:{error}"),
        LogError::Io(e) => anyhow::anyhow!("cannot read {file}: {e}"),
    }
}

fn print_summary(numbers: &crate::interchange::eventlog::Conformance) {
    let v = &numbers.conformance;
    println!(
        "{} cases, {} events: {} conformant, {} deviating, {} dropped, {} in flight",
        numbers.cases, numbers.events, v.conformant, v.deviating, v.dropped, v.in_flight
    );
    for (key, count) in &numbers.deviations {
        println!("  {key}: {count} cases");
    }
    if !numbers.unmapped.is_empty() {
        println!(
            "  unmapped activities: {}",
            numbers
                .unmapped
                .iter()
                .map(|u| format!("{} ({})", u.activity, u.events))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}

fn write_report(
    path: &std::path::Path,
    journey: &crate::model::Journey,
    numbers: &crate::interchange::eventlog::Conformance,
    log: &str,
    language: crate::model::Language,
) -> anyhow::Result<()> {
    let i18n = crate::i18n::I18n::new(language);
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match extension.as_deref() {
        Some("json") => {
            let mut text = serde_json::to_string_pretty(numbers)?;
            text.push('\n');
            text.into_bytes()
        }
        Some("md") => {
            crate::report::markdown(&crate::conformance::blocks(journey, numbers, log, &i18n))
                .into_bytes()
        }
        Some("html") => crate::report::html(
            &crate::conformance::blocks(journey, numbers, log, &i18n),
            language,
        )
        .into_bytes(),
        _ => bail!(
            "{}: write the numbers to a .json, .md or .html file",
            path.display()
        ),
    };
    format::write_output(path, &bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

/// The numbers as evidence on the map at `into`, saved through the atomic writer only
/// once everything has been measured.
fn write_into(
    args: &ConformArgs,
    into: &std::path::Path,
    numbers: &crate::interchange::eventlog::Conformance,
    sha256: &str,
) -> anyhow::Result<()> {
    let parsed = format::load(into)?;
    if !parsed.comments.is_empty() && !args.strip_comments {
        for (line, column) in &parsed.comments {
            eprintln!(
                "{}:{line}:{column}: error: writing the numbers would remove this comment; move \
                 it into a notes field, or pass --strip-comments",
                into.display()
            );
        }
        bail!("{}: nothing was written", into.display());
    }
    let mut journey = parsed.journey;
    let name = args
        .log
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let edit = evidence::edit(
        &journey,
        numbers,
        &LogSource {
            name,
            sha256: sha256.to_owned(),
        },
        Thresholds {
            drop: args.drop,
            wait: args.wait,
        },
    );
    edit.apply(&mut journey)
        .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was written", into.display()))?;
    let text = format::to_text(&journey)?;
    if let Err(diagnostics) = format::parse(&text) {
        let messages: Vec<String> = diagnostics.iter().map(|d| d.message.clone()).collect();
        bail!(
            "{}: {}; nothing was written",
            into.display(),
            messages.join("; ")
        );
    }
    let text = parsed.line_ending.apply(text);
    format::atomic_write(into, text.as_bytes())
        .with_context(|| format!("cannot write {}", into.display()))?;
    eprintln!(
        "wrote {} ({} elements measured)",
        into.display(),
        numbers.elements.len()
    );
    Ok(())
}

/// A progress bar on a terminal, for logs that take over a second.
struct Progress<'a> {
    name: &'a str,
    start: std::time::Instant,
    shown: bool,
    terminal: bool,
}

impl<'a> Progress<'a> {
    fn new(name: &'a str) -> Self {
        Progress {
            name,
            start: std::time::Instant::now(),
            shown: false,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn show(&mut self, read: u64, len: u64) {
        if !self.terminal || self.start.elapsed().as_secs_f32() < 1.0 || len == 0 {
            return;
        }
        let share = (read as f64 / len as f64).min(1.0);
        let filled = (share * 30.0).round() as usize;
        eprint!(
            "\r{} [{}{}] {:>3.0} % of {} MB",
            self.name,
            "#".repeat(filled),
            " ".repeat(30 - filled),
            share * 100.0,
            len / (1024 * 1024)
        );
        std::io::stderr().flush().ok();
        self.shown = true;
    }

    fn done(&mut self) {
        if self.shown {
            eprintln!();
        }
    }
}

pub fn run_generate_log(args: &GenerateLogArgs) -> anyhow::Result<ExitCode> {
    let journey = format::load(&args.map)?.journey;
    let log_format = match args.format {
        Some(f) => f,
        None => match LogFormat::of(&args.output) {
            Some(f) => f,
            None => bail!("{}: a log is a .csv or .xes file", args.output.display()),
        },
    };
    let options = generate::Options {
        cases: args.cases,
        seed: args.seed,
        rates: Rates {
            ad_hoc: args.ad_hoc,
            missing: args.missing,
            failing: args.failing,
            out_of_order: args.out_of_order,
            drop: args.drop,
        },
        format: log_format,
        order: if args.by_time {
            Order::Time
        } else {
            Order::Case
        },
    };
    let (log, truth) = generate::generate(&journey, &options)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.map.display()))?;
    let mut truth_path = args.output.clone().into_os_string();
    truth_path.push(".truth.json");
    let mut truth_text = serde_json::to_string_pretty(&truth)?;
    truth_text.push('\n');
    format::write_output_set(&[
        (args.output.clone(), log),
        (truth_path.clone().into(), truth_text.into_bytes()),
    ])
    .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "wrote {} ({} cases, {} events) and {}",
        args.output.display(),
        truth.cases,
        truth.events,
        std::path::Path::new(&truth_path).display()
    );
    Ok(ExitCode::SUCCESS)
}
