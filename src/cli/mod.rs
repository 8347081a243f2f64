//! The command line: `journeymap check|fmt|new ...`. Needs no display. Messages are in
//! English; journey text inside them is quoted as written, in any language.

mod check;
mod fmt;
mod new;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "journeymap",
    version,
    about = "Author customer journey maps. With no command, opens the editor.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A journey file to open in the editor.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report errors and warnings in journey files (exit 1 on errors).
    Check(CheckArgs),
    /// Rewrite journey files in canonical form.
    Fmt(FmtArgs),
    /// Write a new, empty journey with the default catalogues.
    New(NewArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Treat warnings as errors (for CI).
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Change nothing; list the files that are not canonical and exit 1 if any.
    #[arg(long)]
    pub check: bool,
    /// Rewrite files even if that removes hand-written comments.
    #[arg(long)]
    pub strip_comments: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write the journey.
    #[arg(short, long)]
    pub output: PathBuf,
    #[arg(long, default_value = "Untitled journey")]
    pub title: String,
    /// Language of the journey: en or es (default: the system's).
    #[arg(long, value_parser = parse_language)]
    pub language: Option<crate::model::Language>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

fn parse_language(text: &str) -> Result<crate::model::Language, String> {
    use crate::model::Language;
    Language::ALL
        .iter()
        .copied()
        .find(|l| l.key() == text)
        .ok_or_else(|| format!("unknown language {text:?}; use en or es"))
}

/// Runs a command; the caller prints nothing further.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::New(args) => new::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("journeymap: {error:#}");
            ExitCode::FAILURE
        }
    }
}
