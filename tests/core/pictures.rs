//! Every picture keeps the overlap invariant and cuts no word: the composed display
//! list of every example, every template in both languages and generated maps made to
//! crowd (many grey areas in one stage, brackets across stages, long titles and
//! fields), in both layouts, at the map's own size and on every sheet, and the slides,
//! is checked for text on text, text across a box's edge, a line or a badge, and for
//! any field under 200 characters shortened.

use journeymap::export::{ExportOptions, PageSize, Paper, Picture, compose, compose_slides};
use journeymap::layout::Arrangement;
use journeymap::model::*;
use journeymap::scene::{LONG_FIELD, Shape, overlap};
use std::path::Path;

fn examples() -> Vec<(String, Journey)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys");
    let mut out: Vec<(String, Journey)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            let journey = journeymap::format::load(&p).unwrap().journey;
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                journey,
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn templates() -> Vec<(String, Journey)> {
    journeymap::templates::TEMPLATES
        .iter()
        .flat_map(|t| {
            [Language::En, Language::Es].map(|language| {
                (
                    format!("template {} ({})", t.key, language.key()),
                    journeymap::templates::build(t, language),
                )
            })
        })
        .collect()
}

/// Maps made to crowd the picture.
fn crowded() -> Vec<(String, Journey)> {
    let mut out = Vec::new();
    let base = journeymap::generate::generate(24, 7);
    // Five grey areas on one pair, and more within one stage.
    let mut many = base.clone();
    let usage: Vec<TouchpointId> = many
        .touchpoints_in(Stage::Usage)
        .iter()
        .map(|t| t.id.clone())
        .collect();
    if usage.len() >= 3 {
        for n in 0..5 {
            let (from, to) = (usage[0].clone(), usage[1 + n % 2].clone());
            let id = many.next_grey_area_id();
            many.grey_areas.push(GreyArea {
                id,
                title: format!("Handoff number {n} between the two teams that own this step"),
                from: from.into(),
                to: to.into(),
                kind: GreyAreaKind::DepartmentHandoff,
                severity: Severity::ALL[n % 4],
                experience: "The customer explains the problem again to someone new".into(),
                departments: vec![],
                channels: vec![],
                evidence: vec![],
                fix: "One owner per case from the first contact to the end".into(),
                owner: "Head of customer operations, with the logistics partner".into(),
                status: GreyAreaStatus::Open,
            });
        }
    }
    out.push(("many grey areas in one stage".to_owned(), many));
    // Brackets across stages: first card to last, and others far apart.
    let mut brackets = base.clone();
    let ids: Vec<TouchpointId> = brackets.touchpoints.iter().map(|t| t.id.clone()).collect();
    for (a, b) in [(0, ids.len() - 1), (1, ids.len() / 2), (3, ids.len() - 3)] {
        let id = brackets.next_grey_area_id();
        brackets.grey_areas.push(GreyArea {
            id,
            title: "Promise made in one stage, broken three stages later".into(),
            from: ids[a].clone().into(),
            to: ids[b].clone().into(),
            kind: GreyAreaKind::InconsistentMessage,
            severity: Severity::High,
            experience: String::new(),
            departments: vec![],
            channels: vec![],
            evidence: vec![],
            fix: String::new(),
            owner: String::new(),
            status: GreyAreaStatus::Mitigating,
        });
    }
    out.push(("brackets across stages".to_owned(), brackets));
    // Long titles and fields, just under and over the 200-character line.
    let mut long = base;
    let sentence = "Calls the contact centre again because the app still says the parcel is in \
                    transit while the courier's own site says it was delivered to a neighbour ";
    for (i, tp) in long.touchpoints.iter_mut().enumerate() {
        let n = 60 + (i * 23) % 180;
        tp.title = sentence
            .chars()
            .cycle()
            .take(n)
            .collect::<String>()
            .trim()
            .to_owned();
        tp.action = sentence
            .chars()
            .cycle()
            .take(190)
            .collect::<String>()
            .trim()
            .to_owned();
        tp.pain_points.push(sentence.repeat(3));
    }
    for stage in Stage::ALL {
        long.stages.entry(*stage).or_default().goal =
            "Know what happens next and when, without asking twice".into();
    }
    long.title = "A journey whose title is long enough to need two lines on the poster's title \
                  block and on the overview slide of the deck"
        .into();
    out.push(("long titles and fields".to_owned(), long));
    out
}

fn all_inputs() -> Vec<(String, Journey)> {
    let mut inputs = examples();
    inputs.extend(templates());
    inputs.extend(crowded());
    inputs
}

/// What a text box holds, whitespace aside.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The problems of one picture: overlaps, and fields under 200 characters shortened.
fn problems(picture: &Picture) -> Vec<String> {
    let mut out: Vec<String> = overlap::check(&picture.shapes)
        .into_iter()
        .map(|o| o.to_string())
        .collect();
    for shape in &picture.shapes {
        let Shape::Text(t) = shape else { continue };
        if t.text.chars().count() >= LONG_FIELD || t.text.trim().is_empty() {
            continue;
        }
        let drawn = t.lines().concat();
        if squeezed(&drawn) != squeezed(&t.text) {
            out.push(format!("“{}” drawn as “{}”", t.text, t.lines().join(" / ")));
        }
    }
    out
}

fn check(name: &str, picture: &Picture, failures: &mut Vec<String>) {
    for problem in problems(picture).into_iter().take(5) {
        failures.push(format!("{name}: {problem}"));
    }
}

#[test]
fn maps_at_their_own_size_in_both_layouts() {
    let mut failures = Vec::new();
    for (name, journey) in all_inputs() {
        for layout in Arrangement::ALL {
            let options = ExportOptions {
                layout: Some(*layout),
                ..ExportOptions::default()
            };
            let picture = compose(&journey, &options);
            check(&format!("{name}, {layout:?}"), &picture, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn posters_on_every_sheet() {
    let mut failures = Vec::new();
    for (name, journey) in all_inputs() {
        for &size in PageSize::ALL {
            for portrait in [false, true] {
                let options = ExportOptions {
                    paper: Some(Paper { size, portrait }),
                    ..ExportOptions::default()
                };
                let picture = compose(&journey, &options);
                let sheet = format!(
                    "{name}, {}{}",
                    size.key(),
                    if portrait { " portrait" } else { "" }
                );
                check(&sheet, &picture, &mut failures);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn slides() {
    let mut failures = Vec::new();
    for (name, journey) in all_inputs() {
        let options = ExportOptions {
            slides: true,
            ..ExportOptions::default()
        };
        for (i, picture) in compose_slides(&journey, &options).iter().enumerate() {
            check(&format!("{name}, slide {}", i + 1), picture, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
