//! `journeymap fmt FILE...`: rewrite in canonical form, atomically. Comments are not
//! kept by the format, so a file with comments is refused unless `--strip-comments`.

use super::FmtArgs;
use crate::format;
use std::path::Path;
use std::process::ExitCode;

enum Outcome {
    Canonical,
    Rewritten,
    /// Not canonical: the first line that differs, as written and as it would be.
    WouldRewrite {
        line: usize,
        found: String,
        canonical: String,
    },
    Failed,
}

pub fn run(args: &FmtArgs) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for path in &args.files {
        match format_file(path, args) {
            Outcome::Canonical => {}
            Outcome::Rewritten => eprintln!("formatted {}", path.display()),
            Outcome::WouldRewrite {
                line,
                found,
                canonical,
            } => {
                println!(
                    "{}:{line}:1: not in canonical form: found {found:?}, canonical is {canonical:?} (`journeymap fmt` rewrites it)",
                    path.display()
                );
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
    let bytes = match format::read_regular(path, format::MAX_JOURNEY_BYTES) {
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
        // A file with CRLF line endings (a Windows checkout) keeps them, like rustfmt's
        // `newline_style = "Auto"`: only the content is made canonical.
        Ok(text) => format::LineEnding::of(&bytes).apply(text),
        Err(error) => {
            eprintln!("{}: error: {error}", path.display());
            return Outcome::Failed;
        }
    };
    if text.as_bytes() == bytes.as_slice() {
        return Outcome::Canonical;
    }
    if args.check {
        let written = String::from_utf8_lossy(&bytes);
        let (mut old, mut new) = (written.split('\n'), text.split('\n'));
        let mut line = 1;
        loop {
            match (old.next(), new.next()) {
                (Some(a), Some(b)) if a == b => line += 1,
                (a, b) => {
                    let show = |s: Option<&str>| s.unwrap_or("(end of file)").to_owned();
                    return Outcome::WouldRewrite {
                        line,
                        found: show(a),
                        canonical: show(b),
                    };
                }
            }
        }
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
