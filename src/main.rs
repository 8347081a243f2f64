use clap::Parser;
use journeymap::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => journeymap::app::run(args.file),
    }
}
