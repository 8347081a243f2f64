//! `journeymap new -o FILE [--template NAME]`: a fresh journey with the default
//! catalogues, or a starting map; `journeymap templates` lists the starting maps.

use super::NewArgs;
use crate::{format, i18n, model::Journey};
use anyhow::{Context, bail};
use std::process::ExitCode;

pub fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    if args.output.exists() && !args.force {
        bail!(
            "{} already exists; pass --force to overwrite it",
            args.output.display()
        );
    }
    let language = args.language.unwrap_or_else(i18n::system_language);
    let mut journey = match args.template.as_deref().and_then(crate::templates::find) {
        Some(template) => crate::templates::build(template, language),
        None => Journey::new(i18n::I18n::new(language).tr("untitled-journey"), language),
    };
    if let Some(title) = &args.title {
        journey.title = title.clone();
    }
    format::save(&args.output, &journey).context("cannot write the new journey")?;
    eprintln!("wrote {}", args.output.display());
    Ok(ExitCode::SUCCESS)
}

/// One line a template: its name, then its title in English and Spanish.
pub fn list_templates() -> anyhow::Result<ExitCode> {
    use crate::model::Language;
    let width = crate::templates::TEMPLATES
        .iter()
        .map(|t| t.key.len())
        .max()
        .unwrap_or(0);
    for template in crate::templates::TEMPLATES {
        println!(
            "{:width$}  {} / {}",
            template.key,
            template.title(Language::En),
            template.title(Language::Es)
        );
    }
    Ok(ExitCode::SUCCESS)
}
