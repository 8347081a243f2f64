//! The blueprint's flow, time and phases from the command line: the example's SVG has
//! one arrow per `after` edge (named by its two steps), its phases are words in the SVG,
//! the PDF, the published page and the slides; a step's `after` change is one diff line;
//! a merge where ours deletes a step theirs follows conflicts and keeps it; a circle in
//! the flow is a `check` error at its line; an older file loads and `fmt` upgrades it.

use journeymap::model::{Edit, ElementId, Journey, Step, StepId};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron")
}

fn load(path: &Path) -> Journey {
    journeymap::format::load(path).unwrap().journey
}

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

fn ok(output: Output) -> Output {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The lines of a PDF's text, trimmed.
fn pdf_lines(pdf: &Path) -> Vec<String> {
    let output = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .flat_map(|l| {
            l.split("  ")
                .map(|part| part.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_example_draws_an_arrow_per_after_edge_and_its_phases_in_every_medium() {
    let dir = tempfile::tempdir().unwrap();
    let journey = load(&example());
    let edges: BTreeSet<(String, String)> = journey
        .steps
        .iter()
        .flat_map(|s| {
            s.after
                .iter()
                .map(|a| (a.as_str().to_owned(), s.id.as_str().to_owned()))
        })
        .collect();
    assert!(edges.len() >= 8, "the example has a flow: {edges:?}");
    let phases = &journey.stages[&journeymap::model::Stage::Usage].phases;
    assert_eq!(phases, &["Delivery", "Return"]);

    // SVG: one arrow per edge, named by its two steps; the phases as words.
    let svg_path = dir.path().join("map.svg");
    ok(journeymap(&[&"export", &example(), &"-o", &svg_path]));
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let document = resvg::usvg::roxmltree::Document::parse(&svg).unwrap();
    let arrows: Vec<(String, String)> = document
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("flow"))
        .map(|g| {
            (
                g.attribute("data-from").unwrap().to_owned(),
                g.attribute("data-to").unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(arrows.len(), edges.len(), "one arrow per edge");
    assert_eq!(arrows.into_iter().collect::<BTreeSet<_>>(), edges);
    let texts = crate::support::svg_texts(&svg);
    for phase in phases {
        assert!(texts.iter().any(|t| t == phase), "{phase} in the SVG");
    }
    // The fail rate on its marker, a wait, the stage's elapsed time.
    let words = texts.join(" ");
    assert!(words.contains("23.5 %"), "the fail rate");
    assert!(words.contains("Waits 4 h"), "a wait");
    assert!(words.contains("Elapsed"), "the elapsed time");

    // PDF and the slides: the phases' words.
    let pdf = dir.path().join("map.pdf");
    ok(journeymap(&[&"export", &example(), &"-o", &pdf]));
    let deck = dir.path().join("deck.pdf");
    ok(journeymap(&[
        &"export",
        &example(),
        &"-o",
        &deck,
        &"--slides",
    ]));
    for (what, file) in [("the PDF", &pdf), ("the slides", &deck)] {
        let lines = pdf_lines(file);
        for phase in phases {
            assert!(
                lines.iter().any(|l| l == phase),
                "{phase} in {what}: {lines:?}"
            );
        }
    }

    // The published page: its picture's words.
    let html = dir.path().join("map.html");
    ok(journeymap(&[&"export", &example(), &"-o", &html]));
    let page = std::fs::read_to_string(&html).unwrap();
    for phase in phases {
        assert!(page.contains(&format!(">{phase}<")), "{phase} in the page");
    }
    assert!(page.matches("class=\"flow\"").count() >= edges.len());
}

#[test]
fn a_steps_after_change_is_one_diff_line() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    let new = dir.path().join("new.ron");
    std::fs::copy(example(), &old).unwrap();
    let mut journey = load(&old);
    let step = journey
        .steps
        .iter_mut()
        .find(|s| s.id.as_str() == "st-6")
        .unwrap();
    assert_eq!(step.after, vec![StepId::new("st-5")]);
    step.after = vec![StepId::new("st-4")];
    journeymap::format::save(&new, &journey).unwrap();
    // The file: one line.
    let before = std::fs::read_to_string(&old).unwrap();
    let after = std::fs::read_to_string(&new).unwrap();
    let changed = similar::TextDiff::from_lines(&before, &after)
        .iter_all_changes()
        .filter(|c| c.tag() == similar::ChangeTag::Insert)
        .count();
    assert_eq!(changed, 1, "one line of the file");
    // The semantic diff: one line.
    let output = journeymap(&[&"diff", &old, &new]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let about: Vec<&&str> = lines.iter().filter(|l| l.contains("after")).collect();
    assert_eq!(about.len(), 1, "{text}");
    assert!(
        about[0].contains("st-5") && about[0].contains("st-4"),
        "{text}"
    );
}

#[test]
fn a_merge_where_ours_deletes_a_step_theirs_follows_conflicts_and_keeps_it() {
    let base = load(&example());
    let mut ours = base.clone();
    Edit::delete(&ours, &ElementId::Step(StepId::new("st-9")))
        .apply(&mut ours)
        .unwrap();
    assert!(ours.step(&StepId::new("st-9")).is_none());
    let mut theirs = base.clone();
    let mut follow = Step::new(
        StepId::new("st-10"),
        journeymap::model::Stage::Advocacy,
        journeymap::model::BlueprintLane::Frontstage,
        "Refunds team emails the customer",
    );
    follow.after = vec![StepId::new("st-9")];
    theirs.steps.push(follow);
    let merged = journeymap::merge::merge(&base, &ours, &theirs).unwrap();
    assert!(
        merged
            .conflicts
            .iter()
            .any(|c| c.id == "st-9" && c.deleted_by_ours),
        "{:?}",
        merged.conflicts
    );
    let kept = &merged.journey;
    assert!(
        kept.step(&StepId::new("st-9")).is_some(),
        "the step theirs follows is kept"
    );
    assert_eq!(
        kept.step(&StepId::new("st-10")).unwrap().after,
        vec![StepId::new("st-9")]
    );
    // What the merge wrote loads.
    let text = journeymap::format::to_text(kept).unwrap();
    journeymap::format::parse(&text).unwrap();
}

#[test]
fn a_circle_in_the_flow_is_a_check_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("circle.ron");
    let text = std::fs::read_to_string(example()).unwrap();
    // st-1 made to follow st-2, which follows st-1.
    let at = text.find("id: \"st-1\",").unwrap();
    let serves = at + text[at..].find("serves: [").unwrap();
    let text = format!(
        "{}after: [\n                \"st-2\",\n            ],\n            {}",
        &text[..serves],
        &text[serves..]
    );
    std::fs::write(&path, &text).unwrap();
    let output = journeymap(&[&"check", &path]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    let line = stdout
        .lines()
        .find(|l| l.contains("circle") || l.contains("follows itself"))
        .unwrap_or_else(|| panic!("{stdout}"));
    // file:line:column: at the `after` of a step on the circle.
    let place: Vec<&str> = line.splitn(4, ':').collect();
    let number: usize = place[1].parse().unwrap();
    let column: usize = place[2].parse().unwrap();
    let source = text.lines().nth(number - 1).unwrap();
    assert!(
        source[column - 1..].starts_with("after"),
        "{line}\n{source}"
    );
    assert!(line.contains("st-1") && line.contains("st-2"), "{line}");
}

#[test]
fn a_version_2_file_loads_and_fmt_writes_version_3_equal_in_meaning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.ron");
    // A version 2 file: a single metric per evidence item.
    let text =
        std::fs::read_to_string(example())
            .unwrap()
            .replacen("version: 3,", "version: 2,", 1);
    let mut v2 = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "metrics: [" {
            // metrics: [ Metric( … ), ] → metric: Metric( … ),
            let indent = &line[..line.len() - line.trim_start().len()];
            let mut inner = Vec::new();
            for next in lines.by_ref() {
                if next.trim() == "]," {
                    break;
                }
                inner.push(next);
            }
            assert_eq!(inner[0].trim(), "Metric(", "{inner:?}");
            v2.push_str(&format!("{indent}metric: Metric(\n"));
            for l in &inner[1..inner.len() - 1] {
                v2.push_str(&l[4..]);
                v2.push('\n');
            }
            v2.push_str(&format!("{indent}),\n"));
            continue;
        }
        v2.push_str(line);
        v2.push('\n');
    }
    assert!(v2.contains("metric: Metric(") && !v2.contains("metrics:"));
    std::fs::write(&path, &v2).unwrap();
    ok(journeymap(&[&"check", &path]));
    let read = load(&path);
    assert_eq!(
        read,
        load(&example()),
        "version 2 reads as the same journey"
    );
    ok(journeymap(&[&"fmt", &path]));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string(example()).unwrap(),
        "fmt writes version 3"
    );
}
