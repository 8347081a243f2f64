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
    warn_uncovered(&args.file, &parsed.journey, &args.output);
    eprintln!("wrote {}", args.output.display());
    Ok(ExitCode::SUCCESS)
}

/// Says which elements hold text the bundled fonts do not cover: drawn with this
/// machine's fonts in a PNG (so the picture depends on the machine), or as boxes when
/// no font here has them. An SVG names the fallbacks and leaves it to its viewer.
fn warn_uncovered(
    file: &std::path::Path,
    journey: &crate::model::Journey,
    output: &std::path::Path,
) {
    let png = export::Format::from_path(output).is_ok_and(|f| f == export::Format::Png);
    for (element, chars) in export::uncovered_characters(journey) {
        let list = |chars: &[char]| chars.iter().take(12).collect::<String>();
        let missing = if png {
            export::missing_everywhere(&chars)
        } else {
            Vec::new()
        };
        let how = if !png {
            "the SVG's viewer needs a font for them"
        } else if missing.is_empty() {
            "drawn with this machine's own fonts, so the picture depends on the machine"
        } else {
            "no font here has them either: they show as boxes"
        };
        let shown = if missing.is_empty() {
            list(&chars)
        } else {
            list(&missing)
        };
        eprintln!(
            "{}: warning: {element}: no bundled font has {shown:?}: {how}",
            file.display()
        );
    }
}
