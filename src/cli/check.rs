//! `journeymap check FILE...`: every error and warning, `file:line:column: level: message`.

use super::{CatalogueAction, CatalogueArgs, CheckArgs};
use crate::format::{self, Level};
use std::process::ExitCode;

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let (mut errors, mut warnings) = (0usize, 0usize);
    let today = match &args.as_of {
        Some(text) => format::stale::day(text)
            .ok_or_else(|| anyhow::anyhow!("--as-of {text}: write the day as YYYY-MM-DD"))?,
        None => format::stale::today(),
    };
    let mut staleness = format::Staleness::default();
    let shared = match &args.catalogue {
        Some(path) => Some(crate::catalogue::load(path).map_err(|e| catalogue_error(path, e))?),
        None => None,
    };
    for path in &args.files {
        let diagnostics = match format::read_regular(path, format::MAX_JOURNEY_BYTES) {
            Err(error) => {
                eprintln!("{}: error: cannot read: {error}", path.display());
                errors += 1;
                continue;
            }
            Ok(bytes) => match std::str::from_utf8(&bytes) {
                Ok(text) => {
                    let mut all = format::check(text);
                    if let Some(shared) = &shared {
                        all.extend(crate::catalogue::differences_in(text, shared));
                        all.sort_by_key(|d| (d.line, d.column, d.level));
                    }
                    if let Some(age) = args.stale {
                        let (found, counts) = format::stale(text, age, today);
                        all.extend(found);
                        all.sort_by_key(|d| (d.line, d.column, d.level));
                        staleness.evidence += counts.evidence;
                        staleness.older += counts.older;
                        staleness.undated += counts.undated;
                    }
                    all
                }
                Err(_) => format::parse_bytes(&bytes).err().unwrap_or_default(),
            },
        };
        for diagnostic in &diagnostics {
            println!("{}:{diagnostic}", path.display());
            match diagnostic.level {
                Level::Error => errors += 1,
                Level::Warning => warnings += 1,
            }
        }
    }
    eprintln!(
        "{} file(s) checked: {errors} error(s), {warnings} warning(s)",
        args.files.len()
    );
    if let Some(age) = args.stale {
        println!(
            "{} of {} evidence items older than {age}, {} undated",
            staleness.older, staleness.evidence, staleness.undated
        );
    }
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `journeymap catalogue sync CATALOGUE FILE...`.
pub fn run_catalogue(args: &CatalogueArgs) -> anyhow::Result<ExitCode> {
    let CatalogueAction::Sync { catalogue, files } = &args.action;
    let shared = crate::catalogue::load(catalogue).map_err(|e| catalogue_error(catalogue, e))?;
    let mut failed = false;
    for path in files {
        let parsed = match format::load(path) {
            Ok(parsed) => parsed,
            Err(error) => {
                eprintln!("{error}");
                failed = true;
                continue;
            }
        };
        if !parsed.comments.is_empty() {
            eprintln!(
                "{}: has // comments, which the canonical writer would drop: not changed",
                path.display()
            );
            failed = true;
            continue;
        }
        let mut journey = parsed.journey;
        let changed = match crate::catalogue::sync(&mut journey, &shared) {
            Ok(changed) => changed,
            Err(ambiguous) => {
                for message in ambiguous {
                    eprintln!("{}: {message}", path.display());
                }
                eprintln!("{}: not changed", path.display());
                failed = true;
                continue;
            }
        };
        if changed == 0 {
            eprintln!("{}: already in line", path.display());
            continue;
        }
        format::save_with(path, &journey, parsed.line_ending)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        eprintln!(
            "{}: {changed} catalogue entries brought in line",
            path.display()
        );
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `FILE:LINE:COLUMN: message` for a catalogue that does not read.
fn catalogue_error(
    path: &std::path::Path,
    error: crate::catalogue::CatalogueError,
) -> anyhow::Error {
    match error {
        crate::catalogue::CatalogueError::Read(message) => anyhow::anyhow!(message),
        parse => anyhow::anyhow!("{}:{parse}", path.display()),
    }
}
