//! Planned vs actual in the inspector: a card's deviation and, for an out-of-order one,
//! where it was planned; drawn on the canvas, saved, undone.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use journeymap::app::{Action, ViewChange};
use journeymap::model::*;

#[test]
fn the_inspector_marks_a_deviation_and_where_an_out_of_order_card_was_planned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("journeys/online-order-delivery-return.ron"),
        &path,
    )
    .unwrap();
    let mut h = harness(app_on_file(&path));
    click(&mut h, "Instagram ad for winter boots");
    pick(&mut h, "Deviation from the plan", "Failed");
    let card = |h: &egui_kittest::Harness<'_, journeymap::app::JourneyApp>| {
        h.state()
            .journey()
            .touchpoint(&"tp-1".into())
            .unwrap()
            .clone()
    };
    assert_eq!(card(&h).deviation, Some(Deviation::Failing));

    pick(&mut h, "Deviation from the plan", "Out of order");
    // The card is on the canvas too: pick the entry in the list, outside the canvas.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Planned after")
        .click();
    h.run();
    let canvas = h.state().canvas_rect().unwrap();
    h.query_all_by_label("Browse the winter collection")
        .find(|n| !canvas.intersects(n.rect()))
        .expect("the entry in the list")
        .click();
    h.run();
    let moved = card(&h);
    assert_eq!(moved.deviation, Some(Deviation::OutOfOrder));
    let planned = h
        .state()
        .journey()
        .touchpoints
        .iter()
        .find(|t| t.title == "Browse the winter collection")
        .unwrap()
        .id
        .clone();
    assert_eq!(moved.planned_after, Some(planned.clone()));

    // Saved as two fields of the touchpoint.
    send(&mut h, shortcut(Modifiers::COMMAND, Key::S), 1);
    let saved = journeymap::format::load(&path).unwrap().journey;
    let saved_card = saved.touchpoint(&"tp-1".into()).unwrap();
    assert_eq!(saved_card.deviation, Some(Deviation::OutOfOrder));
    assert_eq!(saved_card.planned_after, Some(planned));

    // No deviation clears where it was planned; undo brings both back.
    pick(&mut h, "Deviation from the plan", "None");
    assert_eq!(card(&h).deviation, None);
    assert_eq!(card(&h).planned_after, None);
    send(&mut h, shortcut(Modifiers::COMMAND, Key::Z), 1);
    assert_eq!(card(&h).deviation, Some(Deviation::OutOfOrder));
    assert!(card(&h).planned_after.is_some());
}

#[test]
fn an_extra_curve_is_added_named_scored_on_a_card_hidden_in_the_view_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("journeys/online-order-delivery-return.ron"),
        &path,
    )
    .unwrap();
    let mut h = harness(app_on_file(&path));
    h.state().act(Action::View(ViewChange::ShowCatalogue(true)));
    h.run();
    h.get_by_label("Add curve").scroll_to_me();
    h.run();
    click(&mut h, "Add curve");
    // The new curve's name is selected: typing replaces it.
    send(&mut h, typing("Relevance"), 64);
    let curve = h.state().journey().curves[0].clone();
    assert_eq!(curve.name, "Relevance");

    click(&mut h, "Instagram ad for winter boots");
    click(&mut h, "Relevance: +2");
    let score = |h: &egui_kittest::Harness<'_, journeymap::app::JourneyApp>| {
        h.state()
            .journey()
            .touchpoint(&"tp-1".into())
            .unwrap()
            .curve_score(&curve.id)
    };
    assert_eq!(score(&h), Some(2));
    click(&mut h, "Relevance: no score");
    assert_eq!(score(&h), None);
    click(&mut h, "Relevance: -1");

    // The view can hide it (exports still draw it).
    click(&mut h, "View");
    click(&mut h, "Show Relevance");
    assert_eq!(h.state().workspace().hidden_curves, vec![curve.id.clone()]);

    send(&mut h, shortcut(Modifiers::COMMAND, Key::S), 1);
    let saved = journeymap::format::load(&path).unwrap().journey;
    assert_eq!(saved.curves, vec![curve.clone()]);
    assert_eq!(
        saved
            .touchpoint(&"tp-1".into())
            .unwrap()
            .curve_score(&curve.id),
        Some(-1)
    );
}
