//! `journeymap import FILE (-o journey.ron | --into journey.ron)` and
//! `journeymap schema [-o FILE]`.

use super::{ImportArgs, SchemaArgs};
use crate::interchange::{csv, json, mermaid};
use crate::model::Journey;
use crate::{format, i18n};
use anyhow::{Context, bail};
use std::process::ExitCode;

pub fn run_import(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let extension = args
        .file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let file = args.file.display();
    let language = || args.language.unwrap_or_else(i18n::system_language);
    if let Some(into) = &args.into {
        if extension.as_deref() != Some("csv") {
            bail!("{file}: --into merges a spreadsheet (.csv) into a journey");
        }
        let mut journey = format::load(into)?.journey;
        csv::import_into(&mut journey, &text).map_err(|e| anyhow::anyhow!("{file}:{e}"))?;
        return write(&journey, into, &file.to_string());
    }
    let Some(output) = &args.output else {
        bail!("say where the journey goes: -o FILE, or --into FILE to merge");
    };
    if output.exists() && !args.force {
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
            let title = args
                .file
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            csv::new_from_csv(&text, &title, language())
                .map_err(|e| anyhow::anyhow!("{file}:{e}"))?
        }
        _ => bail!("{file}: unknown format; import a .csv, .mmd, .md or .json file"),
    };
    write(&journey, output, &file.to_string())
}

/// Writes the journey if it would load; nothing otherwise.
fn write(journey: &Journey, path: &std::path::Path, source: &str) -> anyhow::Result<ExitCode> {
    let errors: Vec<String> = format::validate(journey)
        .into_iter()
        .map(|f| f.message)
        .collect();
    if !errors.is_empty() {
        bail!("{source}: {}", errors.join("; "));
    }
    format::save(path, journey).context("cannot write the journey")?;
    eprintln!(
        "wrote {} ({} touchpoints)",
        path.display(),
        journey.touchpoints.len()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn run_schema(args: &SchemaArgs) -> anyhow::Result<ExitCode> {
    let schema = json::schema();
    match &args.output {
        Some(path) => {
            format::atomic_write(path, schema.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        None => print!("{schema}"),
    }
    Ok(ExitCode::SUCCESS)
}
