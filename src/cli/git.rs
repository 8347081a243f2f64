//! Journeys in git: `diff`, `merge` (a git merge driver), `git-diff` (a git external
//! diff driver) and `git-setup`, which wires both into the current repository.

use super::{DiffArgs, DiffFormat, GitDiffArgs, GitSetupArgs, MergeArgs};
use crate::{diff, format, merge, model::Journey};
use anyhow::{Context, bail};
use std::path::Path;
use std::process::{Command, ExitCode};

fn load(path: &Path) -> anyhow::Result<Journey> {
    Ok(format::load(path)?.journey)
}

/// `journeymap diff OLD NEW`: exit 0 when equal, 1 when different (like `diff`).
pub fn run_diff(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let (old, new) = (load(&args.old)?, load(&args.new)?);
    let changes = diff::diff(&old, &new);
    match args.format {
        DiffFormat::Text => print!("{}", diff::render_text(&changes)),
        DiffFormat::Markdown => print!(
            "{}",
            diff::render_markdown(&changes, &crate::i18n::I18n::new(new.language))
        ),
    }
    Ok(if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// git's external diff contract: `path old-file old-hex old-mode new-file new-hex new-mode`.
pub fn run_git_diff(args: &GitDiffArgs) -> anyhow::Result<ExitCode> {
    let side = |path: &Path| -> anyhow::Result<Journey> {
        if path == Path::new("/dev/null") {
            Ok(Journey::new("", crate::model::Language::En))
        } else {
            load(path)
        }
    };
    println!("journeymap diff a/{0} b/{0}", args.path);
    match (side(&args.old_file), side(&args.new_file)) {
        (Ok(old), Ok(new)) => print!("{}", diff::render_text(&diff::diff(&old, &new))),
        (Err(error), _) | (_, Err(error)) => println!("(not a loadable journey: {error:#})"),
    }
    Ok(ExitCode::SUCCESS)
}

/// git's merge-driver contract: merge into OURS; exit 0 when clean, 1 on conflicts.
pub fn run_merge(args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let base = load(&args.base).context("the common ancestor")?;
    let ours = load(&args.ours).context("our version")?;
    let theirs = load(&args.theirs).context("their version")?;
    let merged = merge::merge(&base, &ours, &theirs);
    let text = merge::to_text(&merged)?;
    format::atomic_write(&args.ours, text.as_bytes())
        .with_context(|| format!("cannot write {}", args.ours.display()))?;
    for (old, new) in &merged.renamed {
        eprintln!("journeymap merge: both sides added {old}; theirs is now {new}");
    }
    if merged.conflicts.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    for conflict in &merged.conflicts {
        eprintln!("journeymap merge: conflict: {conflict}");
    }
    eprintln!(
        "journeymap merge: {} conflict(s) written between <<<<<<< and >>>>>>> markers in {}; keep one side of \
         each, delete the other and the marker lines, then `journeymap check` the file",
        merged.conflicts.len(),
        args.ours.display()
    );
    Ok(ExitCode::FAILURE)
}

fn git(args: &[&str]) -> anyhow::Result<String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .context("cannot run git")?;
    if !output.status.success() {
        bail!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// `journeymap git-setup`: `.gitattributes` and the repository's git config.
pub fn run_git_setup(args: &GitSetupArgs) -> anyhow::Result<ExitCode> {
    let root = git(&["rev-parse", "--show-toplevel"]).context("not inside a git repository")?;
    let exe = std::env::current_exe().context("cannot find the journeymap executable")?;
    let exe = exe.display().to_string();
    let attributes = Path::new(&root).join(".gitattributes");
    let line = format!("{} diff=journeymap merge=journeymap", args.pattern);
    let existing = std::fs::read_to_string(&attributes).unwrap_or_default();
    if existing.lines().any(|l| l.trim() == line) {
        println!("{} already has: {line}", attributes.display());
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        format::atomic_write(&attributes, text.as_bytes())?;
        println!("{}: added {line}", attributes.display());
    }
    let settings = [
        ("diff.journeymap.command", format!("{exe} git-diff")),
        (
            "merge.journeymap.name",
            "journeymap: merge journeys element by element".to_owned(),
        ),
        ("merge.journeymap.driver", format!("{exe} merge %O %A %B")),
    ];
    for (key, value) in settings {
        git(&["config", key, &value])?;
        println!("git config {key} \"{value}\"");
    }
    println!(
        "`git diff` and `git log -p --ext-diff` now show semantic diffs; merges of {} go through journeymap.",
        args.pattern
    );
    Ok(ExitCode::SUCCESS)
}
