//! JSON with its schema, and Mermaid journey diagrams, both ways, on the bundled
//! examples, through the command line.

use journeymap::model::{Journey, Stage};
use std::path::{Path, PathBuf};
use std::process::Command;

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 2);
    files
}

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

fn ok(output: std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn json_exports_validate_against_the_published_schema_and_read_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let schema_file = dir.path().join("journey.schema.json");
    ok(journeymap(&[&"schema", &"-o", &schema_file]));
    let printed = ok(journeymap(&[&"schema"]));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_file).unwrap()).unwrap();
    assert_eq!(
        schema,
        serde_json::from_str::<serde_json::Value>(&printed).unwrap()
    );
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");

    for source in examples() {
        let journey = journeymap::format::load(&source).unwrap().journey;
        let json = dir.path().join("map.json");
        ok(journeymap(&[&"export", &source, &"-o", &json]));
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", source.display());
        // Imported back, it is the same journey, field for field.
        let back = dir.path().join("back.ron");
        ok(journeymap(&[&"import", &json, &"-o", &back, &"--force"]));
        assert_eq!(journeymap::format::load(&back).unwrap().journey, journey);
    }

    // The schema rejects what the format rejects: a wrong type, an unknown stage.
    let mut bad: serde_json::Value = serde_json::from_str(&journeymap::interchange::json::to_json(
        &journeymap::format::load(&examples()[0]).unwrap().journey,
    ))
    .unwrap();
    bad["touchpoints"][0]["stage"] = "Checkout".into();
    assert!(!validator.is_valid(&bad));
    bad["touchpoints"][0]["stage"] = "Action".into();
    bad["title"] = 7.into();
    assert!(!validator.is_valid(&bad));
    // ...and what the importer refuses: a version this build cannot read, a score off
    // the -2..2 scale, an id the format does not allow.
    let good = serde_json::from_str::<serde_json::Value>(&journeymap::interchange::json::to_json(
        &journeymap::format::load(&examples()[0]).unwrap().journey,
    ))
    .unwrap();
    assert!(validator.is_valid(&good));
    for (pointer, value) in [
        (
            "/version",
            serde_json::json!(journeymap::model::CURRENT_VERSION + 1),
        ),
        ("/version", serde_json::json!(0)),
        ("/touchpoints/0/emotion/score", serde_json::json!(3)),
        ("/touchpoints/0/id", serde_json::json!("TP 1")),
        ("/channels/0/id", serde_json::json!("-web")),
    ] {
        let mut bad = good.clone();
        *bad.pointer_mut(pointer).unwrap() = value.clone();
        assert!(!validator.is_valid(&bad), "{pointer} = {value}");
    }
}

/// What a Mermaid journey holds of a map: per stage, each touchpoint's title, score
/// and department's name.
fn mermaid_view(journey: &Journey) -> Vec<(Stage, String, Option<i8>, Option<String>)> {
    journey
        .touchpoints
        .iter()
        .map(|t| {
            let department = t
                .department
                .as_ref()
                .and_then(|d| journey.department(d))
                .map(|d| d.name.clone());
            (t.stage, t.title.clone(), t.emotion_score(), department)
        })
        .collect()
}

/// A title as the Mermaid export writes it: syntax characters as entity codes.
fn mermaid_coded(title: &str) -> String {
    title
        .chars()
        .map(|c| match c {
            '#' | ':' | ';' | ',' | '%' | '{' | '}' | '<' | '>' | '\n' => {
                format!("#{};", u32::from(c))
            }
            c => c.to_string(),
        })
        .collect()
}

#[test]
fn mermaid_round_trips_both_examples_and_renders_as_a_journey_diagram() {
    let dir = tempfile::tempdir().unwrap();
    for source in examples() {
        let journey = journeymap::format::load(&source).unwrap().journey;
        let mmd = dir.path().join("map.mmd");
        ok(journeymap(&[&"export", &source, &"-o", &mmd]));
        let text = std::fs::read_to_string(&mmd).unwrap();
        assert!(text.starts_with("journey\n    title "), "{text}");
        assert_eq!(text.matches("\n    section ").count(), 6);
        for tp in &journey.touchpoints {
            let score = tp.emotion_score().unwrap_or(0) + 3;
            assert!(
                text.contains(&format!("      {}: {score}: ", mermaid_coded(&tp.title))),
                "{:?} with score {score}",
                tp.title
            );
        }
        let back = dir.path().join("back.ron");
        ok(journeymap(&[
            &"import",
            &mmd,
            &"-o",
            &back,
            &"--force",
            &"--language",
            &journey.language.key(),
        ]));
        let imported = journeymap::format::load(&back).unwrap().journey;
        assert_eq!(imported.title, journey.title);
        assert_eq!(mermaid_view(&imported), mermaid_view(&journey));
        for stage in Stage::ALL {
            assert_eq!(imported.stage_label(*stage), journey.stage_label(*stage));
        }

        // In markdown: the same diagram in a fenced block, read back the same.
        let md = dir.path().join("map.md");
        ok(journeymap(&[&"export", &source, &"-o", &md]));
        let fenced = std::fs::read_to_string(&md).unwrap();
        assert_eq!(fenced, format!("```mermaid\n{text}```\n"));
        ok(journeymap(&[
            &"import",
            &md,
            &"-o",
            &back,
            &"--force",
            &"--language",
            &journey.language.key(),
        ]));
        let from_md = journeymap::format::load(&back).unwrap().journey;
        assert_eq!(mermaid_view(&from_md), mermaid_view(&journey));
    }
}

#[test]
fn a_bad_mermaid_line_is_reported_by_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mmd = dir.path().join("bad.mmd");
    std::fs::write(
        &mmd,
        "journey\n  title Day\n  section Go\n    Make tea: nine: Me\n",
    )
    .unwrap();
    let out = dir.path().join("day.ron");
    let output = journeymap(&[&"import", &mmd, &"-o", &out]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:4: \"nine\" is not a score", mmd.display())),
        "{stderr}"
    );
    assert!(!out.exists());
    // An existing journey is never overwritten without --force.
    std::fs::write(&mmd, "journey\n  section A\n    Tea: 4: Me\n").unwrap();
    std::fs::write(&out, "keep").unwrap();
    let output = journeymap(&[&"import", &mmd, &"-o", &out]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep");
}

/// The fields a touchpoint spreadsheet holds, with the opportunity ideas.
fn csv_view(journey: &Journey) -> Vec<String> {
    journey
        .touchpoints
        .iter()
        .map(|t| {
            let name = |found: Option<String>| found.unwrap_or_default();
            let channel = name(
                t.channel
                    .as_ref()
                    .and_then(|c| journey.channel(c))
                    .map(|c| c.name.clone()),
            );
            let department = name(
                t.department
                    .as_ref()
                    .and_then(|d| journey.department(d))
                    .map(|d| d.name.clone()),
            );
            let ideas: Vec<&str> = journey
                .opportunities_for(&t.id)
                .map(|o| o.idea.as_str())
                .collect();
            format!(
                "{}|{:?}|{}|{channel}|{department}|{}|{}|{}|{:?}|{:?}|{:?}|{:?}",
                t.id,
                t.stage,
                t.title,
                t.action,
                t.thought,
                t.expectation,
                t.emotion,
                t.pain_points,
                ideas,
                t.evidence
            )
        })
        .collect()
}

#[test]
fn csv_round_trips_both_examples_exactly_and_merges_by_id() {
    let dir = tempfile::tempdir().unwrap();
    for source in examples() {
        let journey = journeymap::format::load(&source).unwrap().journey;
        let csv = dir.path().join("touchpoints.csv");
        ok(journeymap(&[&"export", &source, &"-o", &csv]));
        let text = std::fs::read_to_string(&csv).unwrap();
        assert_eq!(
            text.lines().next().unwrap(),
            journeymap::interchange::csv::columns()
                .iter()
                .map(|c| c.name)
                .collect::<Vec<_>>()
                .join(",")
        );

        // Into the same journey: nothing changes.
        let same = dir.path().join("same.ron");
        std::fs::copy(&source, &same).unwrap();
        ok(journeymap(&[&"import", &csv, &"--into", &same]));
        assert_eq!(journeymap::format::load(&same).unwrap().journey, journey);

        // Into the journey without its touchpoints: they come back, field for field.
        let mut bare = journey.clone();
        bare.touchpoints.clear();
        bare.steps.clear();
        bare.opportunities.clear();
        bare.grey_areas.clear();
        bare.dismissed_suggestions.clear();
        let target = dir.path().join("bare.ron");
        journeymap::format::save(&target, &bare).unwrap();
        ok(journeymap(&[&"import", &csv, &"--into", &target]));
        let back = journeymap::format::load(&target).unwrap().journey;
        assert_eq!(csv_view(&back), csv_view(&journey), "{}", source.display());
    }
}

#[test]
fn a_facilitators_spreadsheet_starts_a_journey_and_a_bad_row_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("workshop.csv");
    std::fs::write(
        &sheet,
        "stage,title,channel,department,emotion,word,pain points\n\
         Awareness,Sees a billboard,Store,Marketing,1,curious,\n\
         Consideración,Compares tariffs,Web shop,,0,,\"Hidden fees\nSmall print\"\n\
         Usage,Calls about the first bill,Phone line,Billing,-2,angry,On hold 20 minutes\n",
    )
    .unwrap();
    let journey_file = dir.path().join("workshop.ron");
    ok(journeymap(&[
        &"import",
        &sheet,
        &"-o",
        &journey_file,
        &"--language",
        &"en",
    ]));
    let check = journeymap(&[&"check", &journey_file]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let journey = journeymap::format::load(&journey_file).unwrap().journey;
    assert_eq!(journey.touchpoints.len(), 3);
    assert_eq!(journey.touchpoints[1].stage, Stage::Consideration);
    assert_eq!(
        journey.touchpoints[1].pain_points,
        ["Hidden fees", "Small print"]
    );
    let phone = journey.touchpoints[2].channel.as_ref().unwrap();
    assert_eq!(
        journey.channel(phone).unwrap().name,
        "Phone line",
        "a new channel"
    );

    // A bad row (line 3: its cell spans two lines before it): the journey is untouched.
    let before = std::fs::read(&journey_file).unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "id,stage,title,emotion\ntp-1,Awareness,\"Sees a\nbillboard\",1\ntp-2,Somewhere,Lost,0\n",
    )
    .unwrap();
    let output = journeymap(&[&"import", &bad, &"--into", &journey_file]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:4: stage: \"Somewhere\" is not a stage",
            bad.display()
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&journey_file).unwrap(), before);
}
