//! The room's votes in the file (`votes: [VoteRound(...)]`): read and written
//! canonically, a dangling reference an error at its line, diffed and merged through
//! the table of kinds, forgotten with what they counted, drawn as dots on the map and
//! ranked in the report.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for a in args {
        command.arg(a);
    }
    command.output().unwrap()
}

const ROUND: &str = r#"    votes: [
        VoteRound(
            id: "vote-1",
            date: "2026-12-05",
            question: "Where does it hurt most?",
            participants: 12,
            counts: [
                (GreyArea("ga-1"), 7),
                (Touchpoint("tp-10"), 5),
                (Opportunity("op-1"), 4),
            ],
        ),
    ],
"#;

/// The example with a round of votes, canonical.
fn voted(dir: &Path) -> PathBuf {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let text = std::fs::read_to_string(source).unwrap();
    let end = text.trim_end().rfind(')').unwrap();
    let path = dir.join("voted.ron");
    std::fs::write(&path, format!("{}{ROUND})\n", &text[..end])).unwrap();
    let output = journeymap(&[&"fmt", &path]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    path
}

#[test]
fn votes_are_read_written_canonically_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = voted(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(ROUND),
        "written as the issue shows it:\n{text}"
    );
    let journey = journeymap::format::load(&path).unwrap().journey;
    assert_eq!(journey.latest_votes("ga-1"), Some(7));
    assert_eq!(journey.votes[0].participants, 12);
    // A count for what the map does not have is an error where it is written.
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        text.replace("(Opportunity(\"op-1\"), 4)", "(Opportunity(\"op-99\"), 4)"),
    )
    .unwrap();
    let output = journeymap(&[&"check", &broken]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let vote = text
        .lines()
        .position(|l| l.contains("id: \"vote-1\""))
        .unwrap();
    let line = vote
        + text
            .lines()
            .skip(vote)
            .position(|l| l.contains("counts: ["))
            .unwrap()
        + 1;
    assert!(!output.status.success());
    assert!(
        stdout.contains(&format!(
            "broken.ron:{line}:13: error: vote round vote-1 refers to opportunity \"op-99\", which does not exist"
        )),
        "{stdout}"
    );
    // Older files (no votes) load, and a file's round shares the map's id space.
    let shared = dir.path().join("shared.ron");
    std::fs::write(&shared, text.replace("id: \"vote-1\"", "id: \"tp-1\"")).unwrap();
    let stdout = String::from_utf8_lossy(&journeymap(&[&"check", &shared]).stdout).into_owned();
    assert!(stdout.contains("share one id space"), "{stdout}");
}

#[test]
fn a_change_of_votes_is_one_line_diffed_and_merged_by_structure() {
    let dir = tempfile::tempdir().unwrap();
    let base = voted(dir.path());
    let text = std::fs::read_to_string(&base).unwrap();
    let ours = dir.path().join("ours.ron");
    std::fs::write(
        &ours,
        text.replace("(GreyArea(\"ga-1\"), 7)", "(GreyArea(\"ga-1\"), 8)"),
    )
    .unwrap();
    let diff = journeymap(&[&"diff", &base, &ours]);
    let stdout = String::from_utf8_lossy(&diff.stdout);
    assert_eq!(diff.status.code(), Some(1));
    assert!(stdout.contains("vote round vote-1"), "{stdout}");
    // Theirs adds a second round; ours changed a count: both land.
    let theirs = dir.path().join("theirs.ron");
    let second = "        VoteRound(\n            id: \"vote-2\",\n            question: \"What first?\",\n            participants: 3,\n            counts: [\n                (Opportunity(\"op-1\"), 3),\n            ],\n        ),\n    ],\n)\n";
    let end = text.trim_end().rfind("    ],\n)").unwrap();
    std::fs::write(&theirs, format!("{}{second}", &text[..end])).unwrap();
    assert!(journeymap::format::load(&theirs).is_ok());
    let merged = dir.path().join("merged.ron");
    std::fs::copy(&ours, &merged).unwrap();
    let output = journeymap(&[&"merge", &base, &merged, &theirs]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let journey = journeymap::format::load(&merged).unwrap().journey;
    assert_eq!(journey.votes.len(), 2);
    assert_eq!(journey.votes[0].count("ga-1"), Some(8));
    assert_eq!(journey.latest_votes("op-1"), Some(3));
}

#[test]
fn deleting_what_was_voted_on_forgets_its_dots_and_keeps_the_round() {
    let dir = tempfile::tempdir().unwrap();
    let journey = journeymap::format::load(&voted(dir.path()))
        .unwrap()
        .journey;
    use journeymap::document::{Referrers, delete_edit, deletion};
    use journeymap::model::ElementId;
    let card = ElementId::Touchpoint("tp-10".into());
    // The round is not among what the person is asked about.
    assert!(
        !deletion(&journey, std::slice::from_ref(&card))
            .referrers
            .iter()
            .any(|r| matches!(r, ElementId::VoteRound(_)))
    );
    for referrers in [Referrers::Repoint, Referrers::Delete] {
        let mut after = journey.clone();
        delete_edit(&journey, std::slice::from_ref(&card), referrers)
            .apply(&mut after)
            .unwrap();
        assert_eq!(after.votes.len(), 1, "the round stays");
        assert_eq!(
            after.votes[0].count("tp-10"),
            None,
            "its dots go with the card"
        );
        // What survives keeps its dots; what went with the card (a grey area ending on
        // it, deleted or left with one end) lost them.
        for (target, n) in &journey.votes[0].counts {
            let alive = after.map_ids().any(|id| id == target.as_str());
            let expected = alive.then_some(*n);
            assert_eq!(
                after.votes[0].count(target.as_str()),
                expected,
                "{target:?}"
            );
        }
        assert!(journeymap::format::validate(&after).is_empty());
    }
    let mut after = journey.clone();
    journeymap::model::Edit::delete(&journey, &ElementId::GreyArea("ga-1".into()))
        .apply(&mut after)
        .unwrap();
    assert_eq!(after.votes[0].count("ga-1"), None);
    assert_eq!(after.votes[0].counts.len(), 2);
}

#[test]
fn votes_are_drawn_as_dots_and_ranked_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = voted(dir.path());
    let svg = dir.path().join("map.svg");
    let output = journeymap(&[&"export", &path, &"-o", &svg]);
    assert!(output.status.success());
    let texts = crate::support::svg_texts(&std::fs::read_to_string(&svg).unwrap());
    assert!(texts.iter().any(|t| t == "● 5 votes"), "the card's dots");
    assert!(
        texts.iter().any(|t| t == "● 7"),
        "the grey area's dots, on its band"
    );
    assert!(
        texts.iter().any(|t| t.ends_with("· ● 4 votes")),
        "the opportunity's dots: {texts:?}"
    );
    // In Spanish too: the words follow the map's language.
    let spanish = dir.path().join("es.ron");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("language: En", "language: Es");
    std::fs::write(&spanish, text).unwrap();
    let svg = dir.path().join("es.svg");
    assert!(
        journeymap(&[&"export", &spanish, &"-o", &svg])
            .status
            .success()
    );
    let texts = crate::support::svg_texts(&std::fs::read_to_string(&svg).unwrap());
    assert!(texts.iter().any(|t| t == "● 5 votos"), "{texts:?}");
    // The report ranks what the room voted for.
    let report = dir.path().join("report.md");
    let output = journeymap(&[&"report", &path, &"-o", &report, &"--no-history"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let md = std::fs::read_to_string(&report).unwrap();
    let section = md
        .split("## What the rooms voted for")
        .nth(1)
        .expect("the section");
    let rows: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("| 7") || l.starts_with("| 4"))
        .collect();
    assert_eq!(rows.len(), 2, "{section}");
    assert!(rows[0].starts_with("| 7 | grey area"), "{rows:?}");
    assert!(rows[1].starts_with("| 4 | opportunity"), "{rows:?}");
}
