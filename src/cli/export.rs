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
    if format_of_output == export::Format::Html {
        let folder = args.file.parent();
        let options = ExportOptions {
            blueprint: args.blueprint == super::OnOff::On,
            evidence: !args.no_evidence,
            collapse_empty_stages: args.collapse_empty_stages,
            layout: args.layout,
            ..ExportOptions::default()
        };
        let published = export::html::publish(&parsed.journey, folder, &options);
        for warning in &published.warnings {
            eprintln!("{}: warning: {warning}", args.file.display());
        }
        format::write_output(&args.output, published.html.as_bytes())
            .with_context(|| format!("cannot write {}", args.output.display()))?;
        eprintln!("wrote {}", args.output.display());
        return Ok(ExitCode::SUCCESS);
    }
    if args.steps {
        let text = crate::interchange::steps::to_csv(&parsed.journey);
        format::write_output(&args.output, text.as_bytes())
            .with_context(|| format!("cannot write {}", args.output.display()))?;
        eprintln!(
            "wrote {} ({} steps)",
            args.output.display(),
            parsed.journey.steps.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let options = ExportOptions {
        scale: args.scale,
        transparent: args.transparent,
        collapse_empty_stages: args.collapse_empty_stages,
        layout: args.layout,
        paper: args.page.map(|size| export::Paper {
            size,
            portrait: args.portrait,
        }),
        slides: args.slides,
        evidence: !args.no_evidence,
        blueprint: args.blueprint == super::OnOff::On,
    };
    let written = export::export_file(&parsed.journey, &args.output, options)
        .with_context(|| format!("cannot export {}", args.file.display()))?;
    warn_uncovered(&args.file, &parsed.journey, &args.output);
    warn_small_print(&args.file, &parsed.journey, &options);
    for file in written {
        eprintln!("wrote {}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// On paper, says when the map is too large for the sheet to print its smallest text
/// at 6 pt or more, and which sheet would.
fn warn_small_print(
    file: &std::path::Path,
    journey: &crate::model::Journey,
    options: &ExportOptions,
) {
    let Some(paper) = options.paper else { return };
    // One plan, laid out once, fitted to every sheet.
    let plan = export::PosterPlan::new(journey, options);
    let smallest = |paper| plan.on(paper).smallest_text_pt();
    let size = smallest(paper);
    if size >= export::MIN_PRINT_PT {
        return;
    }
    let larger = export::PageSize::ALL
        .iter()
        .map(|&size| export::Paper { size, ..paper })
        .find(|p| smallest(*p) >= export::MIN_PRINT_PT);
    let advice = match larger {
        Some(p) => format!("--page {} prints it at 6 pt or more", p.size.key()),
        None => "even A0 prints it smaller; use SVG or PDF and zoom".to_owned(),
    };
    eprintln!(
        "{}: warning: the smallest text is {size:.1} pt on {}: {advice}",
        file.display(),
        paper.size.key().to_uppercase()
    );
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
