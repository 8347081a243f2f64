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

/// Runs two jobs at once, one on a thread of its own: reading the sides of a diff or
/// a merge is most of its time, and each side reads alone.
fn both<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    std::thread::scope(|scope| {
        let first = scope.spawn(a);
        let second = b();
        let first = first
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, second)
    })
}

/// Two journeys read at once, as `diff` reads them.
pub fn load_pair(old: &Path, new: &Path) -> anyhow::Result<(Journey, Journey)> {
    let (old, new) = both(|| load(old), || load(new));
    Ok((old?, new?))
}

/// `journeymap diff OLD NEW`: exit 0 when equal, 1 when different (like `diff`).
pub fn run_diff(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let (old, new) = load_pair(&args.old, &args.new)?;
    let changes = diff::diff(&old, &new);
    if let Some(output) = &args.output {
        crate::export::export_change(&old, &new, output, crate::export::ExportOptions::default())
            .with_context(|| format!("cannot draw the change into {}", output.display()))?;
    }
    match args.format {
        DiffFormat::Text => print!("{}", diff::render_text(&changes)),
        DiffFormat::Markdown => {
            let i18n = crate::i18n::I18n::new(new.language);
            let mut markdown = diff::render_markdown(&changes, &i18n, &new);
            // The picture by a path relative to where the comment is written (the
            // current folder), never this machine's absolute path.
            let address = args.image_url.clone().or_else(|| {
                args.output.as_ref().map(|p| {
                    let here = std::env::current_dir().ok();
                    crate::report::relative_link(here.as_deref(), p)
                })
            });
            if let Some(address) = address {
                // The picture right under the heading.
                let at = markdown.find('\n').map_or(markdown.len(), |i| i + 1);
                markdown.insert_str(
                    at,
                    &format!("\n![{}]({address})\n", i18n.tr("diff-picture")),
                );
            }
            print!("{markdown}");
        }
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

/// One side of a merge, read and validated. Messages name the journey as git knows it
/// (`%P`), not git's temp file.
fn read_side(path: &Path, name: &str, side: &str) -> anyhow::Result<format::Parsed> {
    let bytes = format::read_regular(path, format::MAX_JOURNEY_BYTES)
        .with_context(|| format!("{name}: cannot read {side} version"))?;
    format::parse_bytes(&bytes).map_err(|diagnostics| {
        let lines: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{name} ({side}):{d}"))
            .collect();
        anyhow::anyhow!("{}", lines.join("\n"))
    })
}

/// git's merge-driver contract: merge into OURS; exit 0 when clean, 1 on conflicts.
/// A side that does not load exits 2 with OURS untouched (git reports a conflict, and
/// the file still fails `check` as that side did). When the merge by structure gives
/// up, or would produce a journey that does not load, OURS gets both whole sides
/// between conflict markers (exit 1): never ours alone, which would load and hide
/// theirs.
pub fn run_merge(args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let name = args
        .path
        .clone()
        .unwrap_or_else(|| args.ours.display().to_string());
    let ((base, ours), theirs) = both(
        || {
            both(
                || read_side(&args.base, &name, "common ancestor"),
                || read_side(&args.ours, &name, "our"),
            )
        },
        || read_side(&args.theirs, &name, "their"),
    );
    let (base, ours, theirs) = (base?, ours?, theirs?);
    let labels = merge::Labels {
        ours: args.ours_label.clone(),
        theirs: args.theirs_label.clone(),
    };
    if [&base, &ours, &theirs]
        .iter()
        .any(|side| !side.comments.is_empty())
    {
        return merge_lines(args, &name, &labels);
    }
    let merged = match merge::merge(&base.journey, &ours.journey, &theirs.journey) {
        Ok(merged) => merged,
        Err(error) => {
            let why = format!("the merge by structure gave up: {error}");
            return whole_sides(args, &name, &labels, &ours.journey, &theirs.journey, &why);
        }
    };
    let text = merge::to_text_labelled(&merged, &labels)?;
    if merged.conflicts.is_empty() {
        // Never hand git a clean merge that does not load: the merged journey gets the
        // loader's checks (the canonical writer's text reads back as the same journey).
        let findings = format::validate(&merged.journey);
        if !findings.is_empty() {
            let diagnostics = format::SourceIndex::new(&text).place(findings);
            let lines: Vec<String> = diagnostics
                .iter()
                .map(|d| format!("{name} (merged):{d}"))
                .collect();
            let why = format!("the merged journey would not load:\n{}", lines.join("\n"));
            return whole_sides(args, &name, &labels, &ours.journey, &theirs.journey, &why);
        }
    }
    format::atomic_write(&args.ours, text.as_bytes())
        .with_context(|| format!("cannot write {}", args.ours.display()))?;
    for (kind, old, new) in &merged.renamed {
        eprintln!(
            "journeymap merge: {name}: both sides added {} {old}; theirs is now {new}",
            kind.singular()
        );
    }
    for kind in &merged.reorders_kept {
        eprintln!(
            "journeymap merge: {name}: both sides reordered the {}; ours' order was kept",
            kind.section().replace('_', " ")
        );
    }
    if merged.conflicts.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    for conflict in &merged.conflicts {
        eprintln!("journeymap merge: {name}: conflict: {conflict}");
    }
    eprintln!(
        "journeymap merge: {name}: {} conflict(s) written between <<<<<<< and >>>>>>> markers; \
         open the file in journeymap to pick a side for each, or keep one side by hand, delete \
         the other and the marker lines, then `journeymap check` it",
        merged.conflicts.len(),
    );
    Ok(ExitCode::FAILURE)
}

/// Writes both sides whole between conflict markers: the file refuses to load until a
/// person picks, and the app's resolver offers every difference between the sides.
fn whole_sides(
    args: &MergeArgs,
    name: &str,
    labels: &merge::Labels,
    ours: &Journey,
    theirs: &Journey,
    why: &str,
) -> anyhow::Result<ExitCode> {
    let text = format!(
        "<<<<<<< {}\n{}=======\n{}>>>>>>> {}\n",
        labels.ours,
        format::to_text(ours)?,
        format::to_text(theirs)?,
        labels.theirs
    );
    format::atomic_write(&args.ours, text.as_bytes())
        .with_context(|| format!("cannot write {}", args.ours.display()))?;
    eprintln!("journeymap merge: {name}: {why}");
    eprintln!(
        "journeymap merge: {name}: both versions are in the file between <<<<<<< and >>>>>>> \
         markers; open it in journeymap to pick a side for each difference, then `journeymap \
         check` it"
    );
    Ok(ExitCode::FAILURE)
}

/// A side has `//` comments, which the structural merge would drop (as `fmt` would):
/// merge line by line with git's own merge instead, so the comments stay.
fn merge_lines(args: &MergeArgs, name: &str, labels: &merge::Labels) -> anyhow::Result<ExitCode> {
    let output = Command::new("git")
        .arg("merge-file")
        .arg("-p")
        .args(["-L", &labels.ours, "-L", "base", "-L", &labels.theirs])
        .arg(&args.ours)
        .arg(&args.base)
        .arg(&args.theirs)
        .output()
        .context("cannot run git merge-file")?;
    let conflicts = output.status.code().unwrap_or(-1);
    if conflicts < 0 {
        bail!(
            "git merge-file failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    format::atomic_write(&args.ours, &output.stdout)
        .with_context(|| format!("cannot write {}", args.ours.display()))?;
    eprintln!(
        "journeymap merge: {name}: the file has // comments, which a merge by structure would \
         drop; merged line by line instead"
    );
    if conflicts > 0 {
        eprintln!("journeymap merge: {name}: {conflicts} conflict(s) between markers");
        return Ok(ExitCode::FAILURE);
    }
    if let Err(diagnostics) = format::parse_bytes(&output.stdout) {
        for d in diagnostics {
            eprintln!("journeymap merge: {name}:{d}");
        }
        eprintln!("journeymap merge: {name}: the line-by-line merge does not load; fix it by hand");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
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

/// `word` quoted for the shell git runs drivers with.
fn shell_quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+=:,@".contains(&b))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// How git should run this binary: by name when `journeymap` on PATH is this very
/// binary (teammates' installs differ), else by its quoted absolute path.
fn driver_program() -> anyhow::Result<(String, &'static str)> {
    let exe = std::env::current_exe().context("cannot find the journeymap executable")?;
    let exe = std::fs::canonicalize(&exe).unwrap_or(exe);
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("journeymap"))
            .find(|candidate| candidate.is_file())
    });
    if let Some(found) = on_path
        && std::fs::canonicalize(&found).is_ok_and(|found| found == exe)
    {
        return Ok(("journeymap".to_owned(), "by name: journeymap is on PATH"));
    }
    Ok((
        shell_quote(&exe.display().to_string()),
        "by absolute path: journeymap is not on PATH (put it there and re-run git-setup so \
         teammates' clones work too)",
    ))
}

/// Whether git knows the `%X`/`%Y` marker labels for merge drivers (git 2.44 and later).
fn git_has_driver_labels() -> bool {
    let Ok(version) = git(&["version"]) else {
        return false;
    };
    let numbers: Vec<u32> = version
        .trim_start_matches("git version ")
        .split(|c: char| !c.is_ascii_digit())
        .take(2)
        .filter_map(|n| n.parse().ok())
        .collect();
    matches!(numbers.as_slice(), [major, minor] if (*major, *minor) >= (2, 44))
}

/// The external diff git runs: journeymap's semantic diff where `program` runs, else
/// git's own text diff of the two versions with a one-line note (a teammate without
/// journeymap still sees a diff; git stops at a diff that fails). git calls it through
/// the shell with the diff's seven arguments appended.
fn diff_driver(program: &str) -> String {
    format!(
        "jm() {{ if command -v {program} >/dev/null 2>&1; then {program} git-diff \"$@\"; \
         return; fi; echo \"journeymap is not installed here: a text diff of $1 instead of \
         the semantic one\" >&2; git --no-pager diff --no-index --no-ext-diff -- \"$2\" \"$5\"; \
         return 0; }}; jm"
    )
}

/// The merge driver git runs: journeymap's merge by structure where `program` runs, else
/// git's own line-by-line merge (conflict markers as usual) with a one-line note.
/// `labels`: git passes the branch names (2.44 and later).
fn merge_driver(program: &str, labels: bool) -> String {
    let (args, named, merge_labels) = if labels {
        (
            "%O %A %B %P %X %Y",
            " --ours-label \"$5\" --theirs-label \"$6\"",
            "-L \"$5\" -L base -L \"$6\"",
        )
    } else {
        ("%O %A %B %P", "", "-L ours -L base -L theirs")
    };
    format!(
        "jm() {{ if command -v {program} >/dev/null 2>&1; then {program} merge \"$1\" \"$2\" \
         \"$3\" \"$4\"{named}; return; fi; echo \"journeymap is not installed here: $4 merged \
         line by line by git instead of by structure\" >&2; git merge-file {merge_labels} \
         \"$2\" \"$1\" \"$3\"; }}; jm {args}"
    )
}

/// `journeymap git-setup`: `.gitattributes` and the repository's git config.
pub fn run_git_setup(args: &GitSetupArgs) -> anyhow::Result<ExitCode> {
    let root = git(&["rev-parse", "--show-toplevel"]).context("not inside a git repository")?;
    let (program, how) = driver_program()?;
    let attributes = Path::new(&root).join(".gitattributes");
    // The drivers, and LF line endings in every checkout (Windows included), so files
    // stay canonical and `fmt --check` agrees everywhere.
    let mut text = std::fs::read_to_string(&attributes).unwrap_or_default();
    let before = text.clone();
    for line in [
        format!("{} diff=journeymap merge=journeymap", args.pattern),
        format!("{} text eol=lf", args.pattern),
    ] {
        if text.lines().any(|l| l.trim() == line) {
            println!("{} already has: {line}", attributes.display());
            continue;
        }
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        println!("{}: added {line}", attributes.display());
    }
    if text != before {
        format::atomic_write(&attributes, text.as_bytes())?;
    }
    let labels = git_has_driver_labels();
    let driver = merge_driver(&program, labels);
    let settings = [
        ("diff.journeymap.command", diff_driver(&program)),
        (
            "merge.journeymap.name",
            "journeymap: merge journeys by structure".to_owned(),
        ),
        ("merge.journeymap.driver", driver),
    ];
    for (key, value) in settings {
        git(&["config", key, &value])?;
        println!("git config {key} {}", shell_quote(&value));
    }
    println!("the drivers run journeymap {how}");
    if !labels {
        println!("this git is older than 2.44: conflict markers say ours/theirs, not branch names");
    }
    println!(
        "`git diff` and `git log -p --ext-diff` now show semantic diffs; merges of {} go through journeymap.",
        args.pattern
    );
    Ok(ExitCode::SUCCESS)
}
