//! `journeymap check FILE...`: every error and warning, `file:line:column: level: message`.

use super::CheckArgs;
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
