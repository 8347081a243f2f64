//! The map as a screen reader reads it, through the accessibility tree the app builds
//! (AccessKit, which egui_kittest queries as AT-SPI does): every card, step and grey
//! area is a node, in view or not, named by its title as drawn and described by its
//! facts in the interface's language.

use crate::common::*;
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::app::JourneyApp;
use journeymap::model::*;

/// The descriptions of the nodes named `name`.
fn descriptions(h: &egui_kittest::Harness<'_, JourneyApp>, name: &str) -> Vec<String> {
    h.query_all_by_label(name)
        .filter_map(|n| n.accesskit_node().description())
        .collect()
}

fn example(name: &str) -> Journey {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name);
    journeymap::format::load(&path).unwrap().journey
}

#[test]
fn every_element_of_the_map_is_in_the_tree_with_its_facts_in_english_and_spanish() {
    let journey = example("online-order-delivery-return.ron");
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    // The card the issue reads out, literally.
    let courier = descriptions(&h, "Courier misses the delivery");
    assert_eq!(courier.len(), 1, "{courier:?}");
    eprintln!("read out: {}", courier[0]);
    for fact in [
        "in Usage: Courier misses the delivery.",
        "Channel Courier",
        "Department Logistics.",
        "Emotion -2",
        "grey area 1, critical.",
        "Evidence:",
    ] {
        assert!(courier[0].contains(fact), "{fact:?} in {:?}", courier[0]);
    }
    every_element_described(&h, &journey, Language::En);

    let spanish = example("portabilidad-operador-movil.ron");
    let (app, _dialogs) = app_with(spanish.clone(), Language::Es);
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    every_element_described(&h, &spanish, Language::Es);
}

/// Each touchpoint, step and grey area has a node (most of them out of view at this
/// size) whose description says where it is and what it is.
fn every_element_described(
    h: &egui_kittest::Harness<'_, JourneyApp>,
    journey: &Journey,
    language: Language,
) {
    let i18n = journeymap::i18n::I18n::new(language);
    let (touchpoint, step, grey) = match language {
        Language::Es => ("Punto de contacto", "Paso", "Zona gris"),
        _ => ("Touchpoint", "Step", "Grey area"),
    };
    for tp in &journey.touchpoints {
        let stage = i18n.stage_name(journey, tp.stage);
        let found = descriptions(h, &tp.title);
        assert!(
            found.iter().any(|d| d.starts_with(touchpoint)
                && d.contains(&format!("{stage}: {}.", tp.title.trim()))),
            "{:?}: {found:?}",
            tp.title
        );
        if let Some(e) = &tp.emotion {
            assert!(
                found
                    .iter()
                    .any(|d| d.contains(&format!("{:+}", e.score).replace("+0", "0")))
            );
        }
    }
    for s in &journey.steps {
        let found = descriptions(h, &s.title);
        let lane = i18n.term("blueprint-lane", s.lane.key());
        assert!(
            found
                .iter()
                .any(|d| d.starts_with(step) && d.contains(&format!("{lane}: {}.", s.title.trim()))),
            "{:?}: {found:?}",
            s.title
        );
    }
    let numbers = journey.grey_area_numbers();
    let all: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().description())
        .collect();
    for (g, n) in journey.grey_areas.iter().zip(&numbers) {
        let severity = i18n.term("severity", g.severity.key()).to_lowercase();
        let said = format!("{grey} {n}, {severity}");
        let fix = g.fix.trim();
        assert!(
            all.iter()
                .any(|d| d.starts_with(&said) && d.contains(g.title.trim()) && d.contains(fix)),
            "{said} {:?}",
            g.title
        );
    }
}
