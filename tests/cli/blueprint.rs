//! The service blueprint on the command line: its lanes and the three lines in the
//! SVG and the A3 poster in both languages, `--blueprint off`, the diff of a step, and
//! merges of steps and actors.

use journeymap::model::{
    BlueprintLane, Edit, ElementId, ElementKind, Journey, Language, Stage, Step,
};
use std::path::{Path, PathBuf};
use std::process::Command;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron")
}

fn load(path: &Path) -> Journey {
    journeymap::format::load(path).unwrap().journey
}

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of the SVG's text elements, in order.
fn svg_words(svg: &str) -> String {
    squeeze(&crate::support::svg_texts(svg).join(" "))
}

fn pdf_words(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    squeeze(&String::from_utf8_lossy(&output.stdout))
}

#[test]
fn the_examples_svg_and_a3_poster_hold_the_three_lines_and_every_step_whole_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let english = load(&example());
    assert!(english.steps.len() >= 9 && english.actors.len() >= 7);
    let mut spanish = english.clone();
    spanish.language = Language::Es;
    let spanish_path = dir.path().join("es.ron");
    journeymap::format::save(&spanish_path, &spanish).unwrap();
    for (path, lines) in [
        (
            example(),
            [
                "Line of interaction",
                "Line of visibility",
                "Line of internal interaction",
            ],
        ),
        (
            spanish_path.clone(),
            [
                "Línea de interacción",
                "Línea de visibilidad",
                "Línea de interacción interna",
            ],
        ),
    ] {
        let journey = load(&path);
        let svg_path = dir.path().join("map.svg");
        let pdf_path = dir.path().join("map.pdf");
        for (out, extra) in [(&svg_path, None), (&pdf_path, Some("a3"))] {
            let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"export", &path, &"-o", out];
            if let Some(page) = &extra {
                args.push(&"--page");
                args.push(page);
            }
            let output = journeymap(&args);
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let svg = svg_words(&std::fs::read_to_string(&svg_path).unwrap());
        let pdf = pdf_words(&pdf_path);
        let i18n = journeymap::i18n::I18n::new(journey.language);
        let mut words: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for step in &journey.steps {
            words.push(squeeze(&step.title));
            let (actor, time) = journeymap::words::step_facts(&journey, step, &i18n);
            words.extend(actor.into_iter().chain(time).map(|w| squeeze(&w)));
        }
        for lane in ["frontstage", "backstage", "support"] {
            words.push(i18n.term("lane", lane));
        }
        for word in &words {
            assert!(
                svg.contains(word.as_str()),
                "{word:?} not whole in the SVG of {}",
                path.display()
            );
            assert!(
                pdf.contains(word.as_str()),
                "{word:?} not whole in the A3 PDF of {}",
                path.display()
            );
        }
    }
    // Off: no lanes, no lines; a map without steps looks as before.
    let off = dir.path().join("off.svg");
    let output = journeymap(&[&"export", &example(), &"-o", &off, &"--blueprint", &"off"]);
    assert!(output.status.success());
    let svg = svg_words(&std::fs::read_to_string(&off).unwrap());
    assert!(!svg.contains("Line of interaction"));
    assert!(!svg.contains(english.steps[0].title.as_str()));
}

#[test]
fn a_journey_without_steps_draws_exactly_as_with_the_blueprint_off() {
    let mut journey = load(&example());
    journey.steps.clear();
    journey
        .grey_areas
        .retain(|g| !g.from.is_step() && !g.to.is_step());
    let on = journeymap::export::svg(&journey, false);
    let mut without = journey.clone();
    without.actors.clear();
    assert_eq!(on, journeymap::export::svg(&without, false));
    assert!(!on.contains("Line of interaction"));
}

#[test]
fn diff_reports_a_steps_title_change_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let old = load(&example());
    let mut new = old.clone();
    new.steps[1].title = "Warehouse picks, checks and packs the boots".into();
    let new_path = dir.path().join("new.ron");
    journeymap::format::save(&new_path, &new).unwrap();
    let output = journeymap(&[&"diff", &example(), &new_path]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(
        lines[0].contains("step st-2") && lines[0].contains("title"),
        "{text}"
    );
    // And the file changes by one line.
    let before = std::fs::read_to_string(example()).unwrap();
    let after = std::fs::read_to_string(&new_path).unwrap();
    let changed = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(
        (changed, before.lines().count()),
        (1, after.lines().count())
    );
}

fn step(journey: &Journey, title: &str) -> Step {
    let mut step = Step::new(
        journey.next_step_id(),
        Stage::Action,
        BlueprintLane::Backstage,
        title,
    );
    step.actor = Some("warehouse".into());
    step
}

#[test]
fn a_merge_keeps_both_sides_new_steps_in_one_stage() {
    let base = load(&example());
    let mut ours = base.clone();
    Edit::add_step(&ours, step(&ours, "Fraud check on the payment"), None)
        .apply(&mut ours)
        .unwrap();
    let mut theirs = base.clone();
    Edit::add_step(
        &theirs,
        step(&theirs, "Label printed for the courier"),
        None,
    )
    .apply(&mut theirs)
    .unwrap();
    assert_eq!(
        ours.steps.last().map(|s| &s.id),
        theirs.steps.last().map(|s| &s.id)
    );
    let merged = journeymap::merge::merge(&base, &ours, &theirs).unwrap();
    assert!(merged.conflicts.is_empty());
    let titles: Vec<&str> = merged
        .journey
        .steps
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert!(titles.contains(&"Fraud check on the payment"), "{titles:?}");
    assert!(
        titles.contains(&"Label printed for the courier"),
        "{titles:?}"
    );
    assert!(
        merged
            .renamed
            .iter()
            .any(|(kind, _, _)| *kind == ElementKind::Step)
    );
    let text = journeymap::format::to_text(&merged.journey).unwrap();
    journeymap::format::parse(&text).unwrap();
}

#[test]
fn a_merge_where_ours_deletes_an_actor_theirs_assigns_conflicts() {
    let base = load(&example());
    let mut ours = base.clone();
    Edit::delete(&ours, &ElementId::Actor("refunds".into()))
        .apply(&mut ours)
        .unwrap();
    assert!(
        ours.steps
            .iter()
            .all(|s| s.actor.as_ref().map(|a| a.as_str()) != Some("refunds"))
    );
    let mut theirs = base.clone();
    let st = theirs
        .steps
        .iter_mut()
        .find(|s| s.id.as_str() == "st-8")
        .unwrap();
    st.actor = Some("refunds".into());
    let merged = journeymap::merge::merge(&base, &ours, &theirs).unwrap();
    assert!(
        !merged.conflicts.is_empty(),
        "ours deleted the actor theirs assigns: a conflict"
    );
    // Nothing dangles: the actor theirs needs is kept.
    let text = journeymap::format::to_text(&merged.journey).unwrap();
    journeymap::format::parse(&text).unwrap();
}

#[test]
fn the_steps_sheet_goes_out_and_back_in_by_id_and_reports_new_actors() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    std::fs::copy(example(), &map).unwrap();
    let sheet = dir.path().join("steps.csv");
    let output = journeymap(&[&"export", &map, &"-o", &sheet, &"--steps"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&sheet).unwrap();
    assert!(
        text.starts_with("id,stage,phase,lane,actor,actor kind,title,"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1 + load(&map).steps.len());
    // A changed title, a new row with a new actor and the team's Spanish stage name.
    let edited = text.replace(
        "Warehouse picks and packs the boots",
        "Warehouse picks and checks the boots",
    ) + ",Acción,,Backstage,Fraud desk,,Fraud check on the payment,,tp-7,,,10 min,,,,,\n";
    std::fs::write(&sheet, edited).unwrap();
    let output = journeymap(&[&"import", &sheet, &"--into", &map, &"--steps"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("new actor \"Fraud desk\""), "{stderr}");
    let journey = load(&map);
    assert_eq!(
        journey.step(&"st-2".into()).unwrap().title,
        "Warehouse picks and checks the boots"
    );
    let added = journey
        .steps
        .iter()
        .find(|s| s.title == "Fraud check on the payment")
        .unwrap();
    assert_eq!(
        (added.stage, added.lane),
        (Stage::Action, BlueprintLane::Backstage)
    );
    assert_eq!(added.id.as_str(), "st-10");
    // A bad duration names its line and changes nothing.
    let before = std::fs::read_to_string(&map).unwrap();
    std::fs::write(&sheet, "id,duration\nst-1,soon\n").unwrap();
    let output = journeymap(&[&"import", &sheet, &"--into", &map, &"--steps"]);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("steps.csv:2:"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(std::fs::read_to_string(&map).unwrap(), before);
    // Mermaid says what it leaves out.
    let mmd = dir.path().join("map.mmd");
    assert!(journeymap(&[&"export", &map, &"-o", &mmd]).status.success());
    let diagram = std::fs::read_to_string(&mmd).unwrap();
    assert!(
        diagram.contains("%% 10 blueprint steps are left out"),
        "{diagram}"
    );
}

#[test]
fn the_deck_gives_each_stage_with_steps_a_blueprint_slide_holding_every_step() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("deck.pdf");
    let output = journeymap(&[&"export", &example(), &"-o", &pdf, &"--slides"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = pdf_words(&pdf);
    let journey = load(&example());
    for stage in ["Action", "Usage", "Advocacy"] {
        assert!(
            text.contains(&format!("{stage}: service blueprint")),
            "{stage}"
        );
    }
    assert!(
        !text.contains("Awareness: service blueprint"),
        "no steps there"
    );
    for step in &journey.steps {
        assert!(
            text.contains(&squeeze(&step.title)),
            "{:?} on a slide",
            step.title
        );
    }
    assert!(text.contains("Line of internal interaction"));
}
