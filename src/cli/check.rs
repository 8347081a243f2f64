//! `journeymap check FILE...`: every error and warning, `file:line:column: level: message`.

use super::CheckArgs;
use crate::format::{self, Level};
use std::process::ExitCode;

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let (mut errors, mut warnings) = (0usize, 0usize);
    for path in &args.files {
        let diagnostics = match format::read_regular(path, format::MAX_JOURNEY_BYTES) {
            Err(error) => {
                eprintln!("{}: error: cannot read: {error}", path.display());
                errors += 1;
                continue;
            }
            Ok(bytes) => match std::str::from_utf8(&bytes) {
                Ok(text) => format::check(text),
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
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
