//! `journeymap export FILE.ron -o map.png|map.svg|map.pdf [--scale N] [--transparent]
//! [--layout wall|timeline] [--page a4..a0 [--portrait]] [--slides]`.

use super::ExportArgs;
use crate::export::{self, ExportOptions};
use crate::format;
use anyhow::Context;
use std::process::ExitCode;

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    // Check the format before loading, so a typo costs nothing.
    let format_of_output = export::Format::from_path(&args.output)?;
    if args.steps && format_of_output != export::Format::Csv {
        anyhow::bail!("--steps writes a spreadsheet: give a .csv output");
    }
    let parsed = format::load(&args.file)?;
    let options = ExportOptions {
        scale: args.scale,
        transparent: args.transparent,
        collapse_empty_stages: args.collapse_empty_stages
            || args.empty_stages == super::EmptyStages::Collapse,
        layout: args.layout,
        paper: args.page.map(|size| export::Paper {
            size,
            portrait: args.portrait,
        }),
        slides: args.slides,
        evidence: !args.no_evidence,
        blueprint: args.blueprint == super::OnOff::On,
        steps: args.steps,
        min_body: args.min_body,
        tiles: args.tiles == super::Tiles::Auto,
        data: args.data,
    };
    // The one export the app uses too: its warnings are said here.
    let exported =
        export::export_file_from(&parsed.journey, Some(&args.file), &args.output, options)
            .with_context(|| format!("cannot export {}", args.file.display()))?;
    for warning in &exported.warnings {
        eprintln!("{}: warning: {warning}", args.file.display());
    }
    for file in &exported.files {
        eprintln!("wrote {}", file.display());
    }
    if args.steps {
        eprintln!("({} steps)", parsed.journey.steps.len());
    }
    Ok(ExitCode::SUCCESS)
}
