//! `history` and `blame` on a generated repository of 30 commits, checked against the
//! commits the test made; outside a repository, a clear message.

use journeymap::model::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

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

fn journeymap(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn history_and_blame_follow_thirty_commits_by_id() {
    let repo = tempfile::tempdir().unwrap();
    let root = repo.path();
    git(root, &["init", "-q"]);
    git(root, &["config", "user.name", "Ana Test"]);
    git(root, &["config", "user.email", "ana@example.org"]);
    git(root, &["config", "commit.gpgsign", "false"]);
    std::fs::create_dir_all(root.join("maps/retail")).unwrap();
    std::fs::create_dir_all(root.join("docs")).unwrap();
    let file = root.join("maps/retail/journey.ron");
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let mut journey = journeymap::format::load(&source).unwrap().journey;
    // What the test did: per commit (hash, touchpoints, open, resolved); per element
    // the hash of the commit that last changed it.
    let mut made: Vec<(String, usize, usize, usize)> = Vec::new();
    let mut last: BTreeMap<String, String> = BTreeMap::new();
    let mut changed: Vec<String> = Vec::new();
    for n in 0..30 {
        match n {
            0 => {
                changed.extend(journey.touchpoints.iter().map(|t| t.id.to_string()));
                changed.extend(journey.steps.iter().map(|s| s.id.to_string()));
                changed.extend(journey.grey_areas.iter().map(|g| g.id.to_string()));
                changed.extend(journey.opportunities.iter().map(|o| o.id.to_string()));
            }
            n if n % 3 == 1 => {
                let id = journey.next_touchpoint_id();
                let tp = Touchpoint::new(
                    id.clone(),
                    Stage::Usage,
                    format!("Card added in commit {n}"),
                );
                Edit::add_touchpoint(&journey, tp)
                    .apply(&mut journey)
                    .unwrap();
                changed.push(id.to_string());
            }
            n if n % 3 == 2 => {
                let i = n % journey.touchpoints.len();
                journey.touchpoints[i].title.push_str(" (revised)");
                changed.push(journey.touchpoints[i].id.to_string());
            }
            n => {
                let i = (n / 3) % journey.grey_areas.len();
                let g = &mut journey.grey_areas[i];
                g.status = if g.status == GreyAreaStatus::Resolved {
                    GreyAreaStatus::Open
                } else {
                    GreyAreaStatus::Resolved
                };
                changed.push(g.id.to_string());
            }
        }
        journeymap::format::save(&file, &journey).unwrap();
        // Another file changes too: its commits are not the journey's.
        std::fs::write(root.join("docs/notes.md"), format!("note {n}\n")).unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", &format!("Change number {n}")]);
        let hash = git(root, &["rev-parse", "--short", "HEAD"]);
        for id in changed.drain(..) {
            last.insert(id, hash.clone());
        }
        let open = journey
            .grey_areas
            .iter()
            .filter(|g| g.status != GreyAreaStatus::Resolved)
            .count();
        made.push((
            hash,
            journey.touchpoints.len(),
            open,
            journey.grey_areas.len() - open,
        ));
        if n % 5 == 0 {
            // A commit that does not touch the journey.
            std::fs::write(root.join("docs/notes.md"), format!("only notes {n}\n")).unwrap();
            git(root, &["commit", "-q", "-am", &format!("Notes {n}")]);
        }
    }
    // From another folder of the repository, the path relative to it.
    let output = journeymap(
        &root.join("docs"),
        &["history", "../maps/retail/journey.ron", "-o", "history.svg"],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 30, "{stdout}");
    for (row, (hash, touchpoints, open, resolved)) in rows.iter().zip(&made) {
        assert_eq!(row[0], hash);
        assert_eq!(row[2], "Ana Test");
        assert_eq!(
            row[3..6],
            [
                touchpoints.to_string(),
                open.to_string(),
                resolved.to_string()
            ]
        );
        assert!(row.last().unwrap().starts_with("Change number"));
    }
    let svg = std::fs::read_to_string(root.join("docs/history.svg")).unwrap();
    assert!(svg.contains("30 commits") && svg.contains(&made[0].0));
    // Blame: every element, with the commit that last changed it.
    let output = journeymap(&root.join("maps"), &["blame", "retail/journey.ron"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut seen = 0;
    for line in stdout.lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        let id = cells[1];
        assert_eq!(Some(&cells[3].to_owned()), last.get(id), "{id}: {line}");
        assert_eq!(cells[5], "Ana Test");
        seen += 1;
    }
    let expected = journey.touchpoints.len()
        + journey.steps.len()
        + journey.grey_areas.len()
        + journey.opportunities.len();
    assert_eq!(seen, expected);
    // An edit not committed yet says so.
    journey.touchpoints[0].title = "Edited, not committed".into();
    journeymap::format::save(&file, &journey).unwrap();
    let output = journeymap(root, &["blame", "maps/retail/journey.ron"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let first = stdout
        .lines()
        .find(|l| l.contains(&format!("\t{}\t", journey.touchpoints[0].id)))
        .unwrap();
    assert!(first.ends_with("(not committed yet)"), "{first}");
}

#[test]
fn history_outside_a_repository_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("j.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron"),
        &file,
    )
    .unwrap();
    for command in ["history", "blame"] {
        let output = journeymap(dir.path(), &[command, "j.ron"]);
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("not in a git repository"), "{stderr}");
    }
}
