//! History, blame, the report and the diff give right answers for every name and date:
//! a file called `café.ron`, a file deleted in the last commit, a shallow clone, pages
//! in sub-folders and a file named like a `javascript:` link, an unreadable folder, a
//! date with a space before it, a title with a line break. One test a case.

use std::path::Path;
use std::process::{Command, Output};

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn journeymap(dir: &Path, args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    command.current_dir(dir);
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

fn example() -> journeymap::model::Journey {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    journeymap::format::load(&source).unwrap().journey
}

/// A repository with `name` committed three times (its title changed each time).
fn repository(name: &str) -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    let root = repo.path();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["config", "user.name", "Test"]);
    git(root, &["config", "user.email", "test@example.org"]);
    git(root, &["config", "commit.gpgsign", "false"]);
    let mut journey = example();
    for n in 1..=3 {
        journey.title = format!("Version {n}");
        journeymap::format::save(&root.join(name), &journey).unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", &format!("version {n}")]);
    }
    repo
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn history_of_a_file_with_a_non_ascii_name_reads_every_version() {
    let repo = repository("café.ron");
    let out = stdout(&journeymap(repo.path(), &[&"history", &"café.ron"]));
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(!out.contains("does not read"), "{out}");
    let blame = stdout(&journeymap(repo.path(), &[&"blame", &"café.ron"]));
    assert!(blame.contains("version 1"), "{blame}");
}

#[test]
fn history_of_a_file_deleted_in_the_last_commit_is_found_by_its_path() {
    let repo = repository("journey.ron");
    git(repo.path(), &["rm", "-q", "journey.ron"]);
    git(repo.path(), &["commit", "-q", "-m", "removed"]);
    let output = journeymap(repo.path(), &[&"history", &"journey.ron"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("not in a git repository"), "{stderr}");
    let out = stdout(&output);
    assert!(out.contains("version 3"), "{out}");
}

#[test]
fn a_shallow_clone_says_where_its_history_starts() {
    let repo = repository("journey.ron");
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    let status = Command::new("git")
        .args(["clone", "-q", "--depth", "2", &url])
        .arg(clone.path().join("c"))
        .status()
        .unwrap();
    assert!(status.success());
    let dir = clone.path().join("c");
    for command in ["history", "blame"] {
        let output = journeymap(&dir, &[&command, &"journey.ron"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(
            stderr.contains("shallow clone: history starts at"),
            "{command}: {stderr}"
        );
    }
    let report = dir.join("report.md");
    let output = journeymap(&dir, &[&"report", &".", &"-o", &report]);
    assert!(output.status.success());
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("shallow clone: history starts at"), "{text}");
}

#[test]
fn report_links_reach_pages_in_sub_folders_and_a_name_is_never_a_scheme() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("teams/retail a");
    std::fs::create_dir_all(&sub).unwrap();
    let mut journey = example();
    for (folder, name) in [
        (&sub, "map.ron"),
        (&dir.path().to_path_buf(), "javascript:alert(1).ron"),
    ] {
        journey.title = name.to_owned();
        let file = folder.join(name);
        journeymap::format::save(&file, &journey).unwrap();
        std::fs::write(
            file.with_extension("html"),
            "<!DOCTYPE html><title>page</title>",
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let report = out.join("report.html");
    let output = journeymap(
        dir.path(),
        &[&"report", &".", &"-o", &report, &"--no-history"],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(&report).unwrap();
    let links: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    assert!(links.contains(&"../teams/retail%20a/map.html"), "{links:?}");
    assert!(
        links.contains(&"../javascript%3Aalert%281%29.html"),
        "{links:?}"
    );
    for link in &links {
        assert!(link.starts_with("./") || link.starts_with("../"), "{link}");
        // Each link names a file that is there, from the report's folder.
        let decoded = link
            .replace("%20", " ")
            .replace("%3A", ":")
            .replace("%28", "(")
            .replace("%29", ")");
        assert!(out.join(decoded).is_file(), "{link}");
    }
}

#[test]
fn an_unreadable_folder_is_named_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    journeymap::format::save(&dir.path().join("map.ron"), &example()).unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    journeymap::format::save(&locked.join("hidden.ron"), &example()).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let report = dir.path().join("report.md");
    // Root reads any folder: the report then runs as another user, as a person would.
    let root = unsafe_is_root();
    let mut command = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_journeymap"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_journeymap"))
    };
    let output = command
        .current_dir(dir.path())
        .args(["report", ".", "--no-history", "-o"])
        .arg(&report)
        .output()
        .unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("locked") && stderr.contains("cannot read the folder"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains("locked") && text.contains("cannot read the folder"),
        "{text}"
    );
}

/// Whether the tests run as root (CI's container does).
fn unsafe_is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn a_date_with_a_space_is_one_thing_everywhere_not_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut journey = example();
    journey.evidence[0].date = " 2020-01-01".to_owned();
    let file = dir.path().join("map.ron");
    journeymap::format::save(&file, &journey).unwrap();
    let output = journeymap(
        dir.path(),
        &[
            &"check",
            &"--stale",
            &"12m",
            &"--as-of",
            &"2026-12-05",
            &file,
        ],
    );
    let said = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("not a real date"), "{said}");
    let id = journey.evidence[0].id.to_string();
    assert!(
        !said.contains(&format!("evidence {id}: dated")),
        "read as a date by --stale too: {said}"
    );
}

#[test]
fn a_title_with_a_line_break_stays_on_its_line_in_the_diff() {
    let dir = tempfile::tempdir().unwrap();
    let old = example();
    let mut new = old.clone();
    new.touchpoints[0].title = "Two\nlines".to_owned();
    new.title = "A map\ntitled in two lines".to_owned();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    journeymap::format::save(&a, &old).unwrap();
    journeymap::format::save(&b, &new).unwrap();
    let output = journeymap(dir.path(), &[&"diff", &a, &b]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(text.lines().count(), 2, "one line a change:\n{text}");
    for line in text.lines() {
        assert!(
            line.starts_with("journey:") || line.starts_with("~ "),
            "{line}"
        );
    }
}
