//! One set of sheet rules, whichever way a sheet comes in: the same sheets, good and
//! bad, given to `journeymap import --into` (with and without `--steps`), to File ▸
//! Import… and to a paste into the table give the same journey or the same refusal at
//! the same line.

use crate::common::*;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use journeymap::app::{Action, AppCommand, JourneyApp, Modal};
use journeymap::model::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a sheet did: the journey it made, or the line and message of its refusal.
#[derive(Debug, PartialEq)]
enum Outcome {
    Applied(Box<Journey>),
    Refused { line: u64, message: String },
}

fn example(dir: &Path) -> PathBuf {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let path = dir.join("journey.ron");
    std::fs::copy(source, &path).unwrap();
    path
}

/// `journeymap import SHEET --into MAP [--steps]` on a fresh copy of the example.
fn by_command_line(sheet: &str, steps_flag: bool) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    let map = example(dir.path());
    let file = dir.path().join("sheet.csv");
    std::fs::write(&file, sheet).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    command.arg("import").arg(&file).arg("--into").arg(&map);
    if steps_flag {
        command.arg("--steps");
    }
    let output = command.output().unwrap();
    if output.status.success() {
        return Outcome::Applied(Box::new(journeymap::format::load(&map).unwrap().journey));
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    // `sheet.csv:LINE: message`
    let rest = stderr
        .split_once("sheet.csv:")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("no place in {stderr}"));
    let (line, message) = rest.split_once(": ").unwrap();
    Outcome::Refused {
        line: line.parse().unwrap(),
        message: message.lines().next().unwrap().trim().to_owned(),
    }
}

/// The review the app shows, applied with Enter when it can be; its error otherwise.
fn reviewed(h: &mut egui_kittest::Harness<'_, JourneyApp>) -> Outcome {
    let error = match h.state().modal() {
        Some(Modal::Paste(review)) => review.plan.as_ref().err().cloned(),
        other => panic!("no review open: {other:?}"),
    };
    if let Some(error) = error {
        // The window says the same: "Line N: message".
        let shown = format!("Line {}: {}", error.line, error.message);
        assert!(h.query_by_label(&shown).is_some(), "{shown}");
        return Outcome::Refused {
            line: error.line,
            message: error.message,
        };
    }
    press(h, Modifiers::NONE, Key::Enter);
    Outcome::Applied(Box::new(h.state().journey().clone()))
}

/// File ▸ Import… of the sheet, in the app on the example.
fn by_import(sheet: &str) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    let map = example(dir.path());
    let file = dir.path().join("sheet.csv");
    std::fs::write(&file, sheet).unwrap();
    let (app, dialogs) = app_on_file_with(&map, english());
    let mut h = harness(app);
    dialogs.answer(Some(file));
    h.state().act(Action::Command(AppCommand::Import));
    settle(&mut h);
    reviewed(&mut h)
}

/// The sheet pasted into the table's `tab`, in the app on the example.
fn by_paste(sheet: &str, tab: &str) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    let map = example(dir.path());
    let mut h = harness(app_on_file(&map));
    press(&mut h, Modifiers::COMMAND, Key::T);
    click(&mut h, tab);
    send(&mut h, vec![Event::Paste(sheet.to_owned())], 1);
    settle(&mut h);
    reviewed(&mut h)
}

/// Every way in gives `expected` (a check of the journey, or the refusal).
fn every_way(sheet: &str, tab: &str, steps: bool, check: impl Fn(&Outcome)) {
    let first = by_command_line(sheet, steps);
    check(&first);
    let mut ways = vec![("import --into", by_command_line(sheet, false))];
    ways.push(("File ▸ Import", by_import(sheet)));
    ways.push(("paste", by_paste(sheet, tab)));
    for (way, outcome) in ways {
        assert_eq!(
            outcome, first,
            "{way} differs from the command line for:\n{sheet}"
        );
    }
}

fn refused_at(line: u64, words: &'static str) -> impl Fn(&Outcome) {
    move |outcome| match outcome {
        Outcome::Refused { line: l, message } => {
            assert_eq!(*l, line, "{message}");
            assert!(message.contains(words), "{message}");
        }
        Outcome::Applied(_) => panic!("applied; expected a refusal at line {line}"),
    }
}

fn applied(check: impl Fn(&Journey)) -> impl Fn(&Outcome) {
    move |outcome| match outcome {
        Outcome::Applied(journey) => check(journey),
        Outcome::Refused { line, message } => panic!("refused at {line}: {message}"),
    }
}

fn step<'a>(journey: &'a Journey, id: &str) -> &'a Step {
    journey.steps.iter().find(|s| s.id.as_str() == id).unwrap()
}

#[test]
fn bad_and_tricky_steps_sheets_read_alike_every_way_in() {
    let before = journeymap::format::load(&example(tempfile::tempdir().unwrap().path()))
        .unwrap()
        .journey;
    let actor_before = step(&before, "st-1").actor.clone();
    assert!(actor_before.is_some(), "the example's st-1 has an actor");
    // A short row: the actor it does not reach stays.
    every_way(
        "id,stage,lane,title,actor\nst-1,Action,Backstage,Renamed\n",
        "Steps (9)",
        true,
        applied(|j| {
            assert_eq!(step(j, "st-1").title, "Renamed");
            assert_eq!(step(j, "st-1").actor, actor_before);
        }),
    );
    every_way(
        "id,title,fail point\nst-1,A,\nst-1,B,\n",
        "Steps (9)",
        true,
        refused_at(3, "on two rows"),
    );
    every_way(
        "id,title,title\nst-1,A,B\n",
        "Steps (9)",
        true,
        refused_at(1, "named twice"),
    );
    every_way(
        "id,lane,fail point\nst-1,Backstage,maybe\n",
        "Steps (9)",
        true,
        refused_at(2, "\"maybe\" is not yes or no"),
    );
    every_way(
        "id,lane,fail point\nst-2,Frontstage,Y\n",
        "Steps (9)",
        true,
        applied(|j| assert!(step(j, "st-2").fail_point)),
    );
    every_way(
        "id,lane,description\nst-1,Backstage,'Tis the season\n",
        "Steps (9)",
        true,
        applied(|j| assert_eq!(step(j, "st-1").description, "'Tis the season")),
    );
}

#[test]
fn bad_and_tricky_touchpoint_sheets_read_alike_every_way_in() {
    every_way(
        "id,stage,title,channel\ntp-3,Interest,Browse RENAMED\n",
        "Touchpoints (16)",
        false,
        applied(|j| {
            let t = j
                .touchpoints
                .iter()
                .find(|t| t.id.as_str() == "tp-3")
                .unwrap();
            assert_eq!(t.title, "Browse RENAMED");
            assert!(t.channel.is_some(), "a missing cell leaves the channel");
        }),
    );
    every_way(
        "id,title\ntp-3,A\ntp-3,B\n",
        "Touchpoints (16)",
        false,
        refused_at(3, "on two rows"),
    );
    every_way(
        "id,moment of truth\ntp-3,maybe\n",
        "Touchpoints (16)",
        false,
        refused_at(2, "\"maybe\" is not yes or no"),
    );
    every_way(
        "id,title\ntp-3,'Tis the season\n",
        "Touchpoints (16)",
        false,
        applied(|j| {
            assert!(j.touchpoints.iter().any(|t| t.title == "'Tis the season"));
        }),
    );
    every_way(
        "id,title\nst-1,A step's id for a card\n",
        "Touchpoints (16)",
        false,
        refused_at(2, "share their ids"),
    );
}
