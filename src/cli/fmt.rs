//! `journeymap fmt FILE...`: rewrite in canonical form, atomically. Comments are not
//! kept by the format, so a file with comments is refused unless `--strip-comments`.

use super::FmtArgs;
use crate::format;
use std::path::Path;
use std::process::ExitCode;

enum Outcome {
    Canonical,
    Rewritten,
    WouldRewrite,
    Failed,
}

pub fn run(args: &FmtArgs) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for path in &args.files {
        match format_file(path, args) {
            Outcome::Canonical => {}
            Outcome::Rewritten => eprintln!("formatted {}", path.display()),
            Outcome::WouldRewrite => {
                println!("{}", path.display());
                failed = true;
            }
            Outcome::Failed => failed = true,
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn format_file(path: &Path, args: &FmtArgs) -> Outcome {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{}: error: cannot read: {error}", path.display());
            return Outcome::Failed;
        }
    };
    let parsed = match format::parse_bytes(&bytes) {
        Ok(parsed) => parsed,
        Err(diagnostics) => {
            for diagnostic in diagnostics {
                eprintln!("{}:{diagnostic}", path.display());
            }
            return Outcome::Failed;
        }
    };
    let text = match format::to_text(&parsed.journey) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{}: error: {error}", path.display());
            return Outcome::Failed;
        }
    };
    if text.as_bytes() == bytes.as_slice() {
        return Outcome::Canonical;
    }
    if args.check {
        return Outcome::WouldRewrite;
    }
    if !parsed.comments.is_empty() && !args.strip_comments {
        for (line, column) in &parsed.comments {
            eprintln!(
                "{}:{line}:{column}: error: formatting would remove this comment; move it into a \
                 notes field, or pass --strip-comments",
                path.display()
            );
        }
        return Outcome::Failed;
    }
    match format::atomic_write(path, text.as_bytes()) {
        Ok(()) => Outcome::Rewritten,
        Err(error) => {
            eprintln!("{}: error: cannot write: {error}", path.display());
            Outcome::Failed
        }
    }
}
