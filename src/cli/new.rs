//! `journeymap new -o FILE`: a fresh journey with the default catalogues.

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
    let journey = Journey::new(args.title.clone(), language);
    format::save(&args.output, &journey).context("cannot write the new journey")?;
    eprintln!("wrote {}", args.output.display());
    Ok(ExitCode::SUCCESS)
}
