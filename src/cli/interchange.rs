//! `journeymap import FILE -o journey.ron` and `journeymap schema [-o FILE]`.

use super::{ImportArgs, SchemaArgs};
use crate::interchange::{json, mermaid};
use crate::{format, i18n};
use anyhow::{Context, bail};
use std::process::ExitCode;

pub fn run_import(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    if args.output.exists() && !args.force {
        bail!(
            "{} already exists; pass --force to overwrite it",
            args.output.display()
        );
    }
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let extension = args
        .file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let file = args.file.display();
    let journey = match extension.as_deref() {
        Some("json") => json::from_json(&text)
            .map_err(|e| anyhow::anyhow!("{file}:{}:{}: {e}", e.line(), e.column()))?,
        Some("mmd" | "md") => {
            let language = args.language.unwrap_or_else(i18n::system_language);
            mermaid::from_mermaid(&text, language).map_err(|e| anyhow::anyhow!("{file}:{e}"))?
        }
        _ => bail!("{file}: unknown format; import a .mmd, .md or .json file"),
    };
    // Nothing that would not load is written.
    let errors: Vec<String> = format::validate(&journey)
        .into_iter()
        .map(|f| f.message)
        .collect();
    if !errors.is_empty() {
        bail!("{file}: {}", errors.join("; "));
    }
    format::save(&args.output, &journey).context("cannot write the journey")?;
    eprintln!(
        "wrote {} ({} touchpoints)",
        args.output.display(),
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
