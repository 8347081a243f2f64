//! `journeymap import FILE (-o journey.ron | --into journey.ron)` and
//! `journeymap schema [-o FILE]`.

use super::{ImportArgs, SchemaArgs};
use crate::interchange::{csv, json, mermaid};
use crate::model::Journey;
use crate::{format, i18n};
use anyhow::{Context, bail};
use std::process::ExitCode;

/// The largest sheet or diagram `import` reads.
const MAX_IMPORT_BYTES: u64 = format::MAX_JOURNEY_BYTES;

pub fn run_import(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let file = args.file.display();
    // The one guarded reader: regular files only, within the size limit (a FIFO or a
    // device is refused at once instead of blocking or filling memory).
    let bytes = format::read_regular(&args.file, MAX_IMPORT_BYTES)
        .with_context(|| format!("cannot read {file}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let (line, column) =
            format::line_column(std::str::from_utf8(valid).unwrap_or_default(), valid.len());
        anyhow::anyhow!("{file}:{line}:{column}: not UTF-8 text")
    })?;
    let extension = args
        .file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let language = || args.language.unwrap_or_else(i18n::system_language);
    if let Some(into) = &args.into {
        if extension.as_deref() != Some("csv") {
            bail!("{file}: --into merges a spreadsheet (.csv) into a journey");
        }
        return import_into(args, into, &text);
    }
    let Some(output) = &args.output else {
        bail!("say where the journey goes: -o FILE, or --into FILE to merge");
    };
    if std::fs::symlink_metadata(output).is_ok() && !args.force {
        bail!(
            "{} already exists; pass --force to overwrite it",
            output.display()
        );
    }
    let journey = match extension.as_deref() {
        Some("json") => json::from_json(&text)
            .map_err(|e| anyhow::anyhow!("{file}:{}:{}: {e}", e.line(), e.column()))?,
        Some("mmd" | "md") => {
            mermaid::from_mermaid(&text, language()).map_err(|e| anyhow::anyhow!("{file}:{e}"))?
        }
        Some("csv") => {
            // A sheet has no title, and its file's name is not one: --title, or asked
            // at a terminal; else the journey starts untitled, and says so.
            let title = match &args.title {
                Some(title) => title.clone(),
                None => ask_title().unwrap_or_else(|| {
                    eprintln!(
                        "{file}: warning: the new journey has no title; give it one with \
                         --title \"…\" (or in the app)"
                    );
                    String::new()
                }),
            };
            let (journey, report) = csv::new_from_csv(&text, &title, language())
                .map_err(|e| anyhow::anyhow!("{file}:{e}"))?;
            print_report(&file.to_string(), &report);
            journey
        }
        _ => bail!("{file}: unknown format; import a .csv, .mmd, .md or .json file"),
    };
    let text = loadable_text(&journey, &file.to_string())?;
    format::write_output(output, text.as_bytes())
        .with_context(|| format!("cannot write {}", output.display()))?;
    eprintln!(
        "wrote {} ({} touchpoints)",
        output.display(),
        journey.touchpoints.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// A sheet merged into a journey: only the columns it has change; the journey keeps
/// its line endings, and comments it cannot keep stop the import (like `fmt`).
fn import_into(args: &ImportArgs, into: &std::path::Path, text: &str) -> anyhow::Result<ExitCode> {
    let file = args.file.display().to_string();
    let parsed = format::load(into)?;
    if !parsed.comments.is_empty() && !args.strip_comments {
        for (line, column) in &parsed.comments {
            eprintln!(
                "{}:{line}:{column}: error: importing would remove this comment; move it into \
                 a notes field, or pass --strip-comments",
                into.display()
            );
        }
        bail!("{}: nothing was imported", into.display());
    }
    let journey = parsed.journey;
    // A steps sheet is known by its columns (`--steps` says so outright).
    let steps = args.steps
        || crate::interchange::kind_of(text, crate::model::ElementKind::Touchpoint)
            == crate::model::ElementKind::Step;
    let plan = if steps {
        crate::interchange::steps::plan(&journey, text, &csv::Options::default())
    } else {
        csv::plan(&journey, text, &csv::Options::default())
    }
    .map_err(|e| anyhow::anyhow!("{file}:{e}"))?;
    print_report(&file, &plan.report);
    for (id, field) in &plan.cleared {
        let i18n = crate::i18n::I18n::new(crate::model::Language::En);
        eprintln!(
            "{file}: {} {}: {} cleared (its cell is empty)",
            id.kind().singular(),
            id.as_str(),
            i18n.tr(field)
        );
    }
    let text = parsed
        .line_ending
        .apply(loadable_text(&plan.journey, &file)?);
    format::atomic_write(into, text.as_bytes())
        .with_context(|| format!("cannot write {}", into.display()))?;
    let what = if steps { "steps" } else { "touchpoints" };
    eprintln!(
        "wrote {} ({} {what} added, {} updated)",
        into.display(),
        plan.added.len(),
        plan.updated.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// The title typed at a terminal, if standard input is one and a title was typed.
fn ask_title() -> Option<String> {
    use std::io::{BufRead, IsTerminal, Write};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return None;
    }
    eprint!("Title of the new journey: ");
    std::io::stderr().flush().ok()?;
    let mut line = String::new();
    stdin.lock().read_line(&mut line).ok()?;
    let title = line.trim().to_owned();
    (!title.is_empty()).then_some(title)
}

fn print_report(source: &str, report: &csv::Report) {
    for warning in &report.warnings {
        eprintln!("{source}: warning: {warning}");
    }
    for entry in &report.new_entries {
        eprintln!("{source}: new {entry} added to the catalogue");
    }
    for matched in &report.matches {
        if matched.entry.is_some() {
            let what = matched.catalogue.kind().singular();
            eprintln!(
                "{source}: {what} {:?} taken as {:?}",
                matched.value, matched.name
            );
        }
    }
}

/// The journey's canonical text, if it loads as a file (version, references, values):
/// an import never writes a file that will not open.
fn loadable_text(journey: &Journey, source: &str) -> anyhow::Result<String> {
    let text = format::to_text(journey)?;
    if let Err(diagnostics) = format::parse(&text) {
        let messages: Vec<String> = diagnostics.iter().map(|d| d.message.clone()).collect();
        bail!("{source}: {}; nothing was written", messages.join("; "));
    }
    Ok(text)
}

pub fn run_schema(args: &SchemaArgs) -> anyhow::Result<ExitCode> {
    let schema = json::schema();
    match &args.output {
        Some(path) => {
            format::write_output(path, schema.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        None => print!("{schema}"),
    }
    Ok(ExitCode::SUCCESS)
}
