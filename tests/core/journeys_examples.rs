//! The bundled example journeys: byte-identical round trip, clean `check`, and the
//! content the README promises (all six stages, every channel kind, evidence kinds,
//! emotions that rise and fall, grey areas, one map in Spanish).

use journeymap::format;
use journeymap::model::*;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn example_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("journeys");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 2,
        "expected at least two example journeys, found {files:?}"
    );
    files
}

#[test]
fn every_example_round_trips_byte_for_byte() {
    for path in example_files() {
        let original = std::fs::read_to_string(&path).unwrap();
        let parsed = format::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let saved = format::to_text(&parsed.journey).unwrap();
        assert!(
            saved == original,
            "{} is not canonical; run `journeymap fmt` on it",
            path.display()
        );
    }
}

#[test]
fn every_example_checks_clean_without_warnings() {
    for path in example_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let diagnostics = format::check(&text);
        assert!(
            diagnostics.is_empty(),
            "{}: {diagnostics:#?}",
            path.display()
        );
    }
}

#[test]
fn examples_are_realistic_maps() {
    let mut languages = BTreeSet::new();
    for path in example_files() {
        let journey = format::load(&path).unwrap().journey;
        let name = path.display();
        languages.insert(journey.language);
        for stage in Stage::ALL {
            assert!(
                !journey.touchpoints_in(*stage).is_empty(),
                "{name}: {stage:?} is empty"
            );
        }
        let kinds_used: BTreeSet<ChannelKind> = journey
            .touchpoints
            .iter()
            .filter_map(|t| journey.channel(t.channel.as_ref()?))
            .map(|c| c.kind)
            .collect();
        let all_but_other: BTreeSet<ChannelKind> = ChannelKind::ALL
            .iter()
            .copied()
            .filter(|k| *k != ChannelKind::Other)
            .collect();
        assert!(
            all_but_other.is_subset(&kinds_used),
            "{name}: every channel kind is used: {kinds_used:?}"
        );
        let metrics: BTreeSet<MetricName> = journey
            .evidence
            .iter()
            .flat_map(|e| &e.metrics)
            .map(|m| m.name)
            .collect();
        for needed in [MetricName::Nps, MetricName::Csat, MetricName::Ces] {
            assert!(metrics.contains(&needed), "{name}: no {needed:?} evidence");
        }
        assert!(
            journey
                .evidence
                .iter()
                .any(|e| e.kind == EvidenceKind::Quote),
            "{name}: no quote"
        );
        let scores: Vec<i8> = journey
            .touchpoints
            .iter()
            .filter_map(Touchpoint::emotion_score)
            .collect();
        let rises = scores.windows(2).filter(|w| w[1] > w[0]).count();
        let falls = scores.windows(2).filter(|w| w[1] < w[0]).count();
        assert!(
            rises >= 2 && falls >= 2,
            "{name}: the emotion curve should rise and fall"
        );
        assert!(
            journey.grey_areas.len() >= 3,
            "{name}: at least three grey areas"
        );
    }
    assert!(
        languages.contains(&Language::Es),
        "one example is written in Spanish"
    );
}
