//! The model's rules on real files: deleting keeps every reference resolving (undo
//! restores it), and every field of every kind reads and writes back. (They read the
//! examples, so they live above the format layer, here.)

use journeymap::model::*;

#[test]
fn deleting_a_touchpoint_clears_planned_after_and_undo_restores_it() {
    let text = include_str!("../../journeys/broadband-onboarding-planned-vs-actual.ron");
    let mut journey = journeymap::format::parse(text).unwrap().journey;
    let before = journey.clone();
    let planned: TouchpointId = "tp-11".into();
    assert_eq!(
        journey.touchpoint(&"tp-9".into()).unwrap().planned_after,
        Some(planned.clone()),
        "the example plans tp-9 after tp-11"
    );
    let inverse = Edit::delete(&journey, &ElementId::Touchpoint(planned.clone()))
        .apply(&mut journey)
        .unwrap();
    assert_eq!(
        journey.touchpoint(&"tp-9".into()).unwrap().planned_after,
        None
    );
    assert!(
        journeymap::format::validate(&journey).is_empty(),
        "no reference left dangling"
    );
    inverse.apply(&mut journey).unwrap();
    assert_eq!(journey, before);
}

#[test]
fn deleting_any_catalogue_entry_unlinks_it_everywhere() {
    let text = include_str!("../../journeys/broadband-onboarding-planned-vs-actual.ron");
    let journey = journeymap::format::parse(text).unwrap().journey;
    for (kind, id) in [
        (ElementKind::Channel, journey.channels[0].id.as_str()),
        (ElementKind::Department, journey.departments[0].id.as_str()),
        (ElementKind::Evidence, journey.evidence[0].id.as_str()),
        (ElementKind::Curve, journey.curves[0].id.as_str()),
    ] {
        let mut changed = journey.clone();
        let inverse = Edit::delete(&journey, &ElementId::new(kind, id))
            .apply(&mut changed)
            .unwrap();
        assert!(!changed.has(kind, id));
        assert!(
            journeymap::format::validate(&changed).is_empty(),
            "{kind:?} {id}: {:?}",
            journeymap::format::validate(&changed)
        );
        inverse.apply(&mut changed).unwrap();
        assert_eq!(changed, journey);
    }
}

/// Every field's value, read and written back, leaves the element as it was.
fn round_trip<T: Item + std::fmt::Debug>(element: &T) {
    for field in T::FIELDS {
        if !field.shape.in_sheets() {
            continue;
        }
        let mut copy = element.clone();
        let value = (field.get)(element).into_owned();
        (field.set)(&mut copy, value).unwrap_or_else(|e| panic!("{}: {e}", field.name));
        assert_eq!(&copy, element, "{}", field.name);
    }
}

#[test]
fn every_field_of_the_examples_reads_and_writes_back() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let journey = journeymap::format::load(&path).unwrap().journey;
        journey.touchpoints.iter().for_each(round_trip);
        journey.steps.iter().for_each(round_trip);
        journey.grey_areas.iter().for_each(round_trip);
        journey.evidence.iter().for_each(round_trip);
        journey.opportunities.iter().for_each(round_trip);
        journey.channels.iter().for_each(round_trip);
        journey.departments.iter().for_each(round_trip);
        journey.actors.iter().for_each(round_trip);
        journey.curves.iter().for_each(round_trip);
    }
}
