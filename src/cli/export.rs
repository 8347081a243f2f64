//! `journeymap export FILE.ron -o map.png|map.svg [--scale N] [--transparent]`.

use super::ExportArgs;
use crate::export::{self, ExportOptions};
use crate::format;
use anyhow::Context;
use std::process::ExitCode;

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    // Check the format before loading, so a typo costs nothing.
    export::Format::from_path(&args.output)?;
    let parsed = format::load(&args.file)?;
    let options = ExportOptions {
        scale: args.scale,
        transparent: args.transparent,
        collapse_empty_stages: args.collapse_empty_stages,
    };
    export::export_file(&parsed.journey, &args.output, options)
        .with_context(|| format!("cannot export {}", args.file.display()))?;
    eprintln!("wrote {}", args.output.display());
    Ok(ExitCode::SUCCESS)
}
