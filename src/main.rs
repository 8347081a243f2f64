use clap::Parser;
use journeymap::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    journeymap::startup::mark_process_start();
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        #[cfg(feature = "app")]
        None => journeymap::app::run(args.file),
        #[cfg(not(feature = "app"))]
        None => {
            eprintln!("journeymap: this build has no editor; see `journeymap --help`");
            ExitCode::FAILURE
        }
    }
}
