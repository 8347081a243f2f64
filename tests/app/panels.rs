//! The panels no other test drives: the catalogue (add, rename, recolour with a picker
//! drag, delete), the journey header, stage notes, the grey-area inspector and
//! opportunities. Each edits through the real app, saves with Ctrl+S and reads the file.

use crate::common::*;
use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::app::JourneyApp;
use journeymap::app::{Action, ViewChange};
use journeymap::format;
use journeymap::model::*;
use std::path::{Path, PathBuf};

fn example() -> Journey {
    format::parse(include_str!(
        "../../journeys/online-order-delivery-return.ron"
    ))
    .unwrap()
    .journey
}

/// The app on a copy of `journey` saved in a temp folder, so Ctrl+S writes a file.
fn on_file(dir: &Path, journey: &Journey) -> (Harness<'static, JourneyApp>, PathBuf) {
    let path = dir.join("journey.ron");
    format::save(&path, journey).unwrap();
    let app = app_on_file(&path);
    (harness(app), path)
}

fn save_and_load(h: &mut Harness<'_, JourneyApp>, path: &Path) -> Journey {
    send(h, shortcut(Modifiers::COMMAND, Key::S), 1);
    assert!(!h.state().document().is_modified(), "saved");
    format::load(path).unwrap().journey
}

fn pointer(pos: Pos2, pressed: Option<bool>) -> egui::Event {
    match pressed {
        None => egui::Event::PointerMoved(pos),
        Some(pressed) => egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        },
    }
}

#[test]
fn catalogue_add_rename_recolour_with_one_undo_step_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = on_file(dir.path(), &example());
    h.state().act(Action::View(ViewChange::ShowCatalogue(true)));
    h.run();

    // Add a channel: its name is selected, so typing replaces it.
    h.get_by_label("Add channel").scroll_to_me();
    h.run();
    click(&mut h, "Add channel");
    send(&mut h, typing("Kiosk"), 64);
    let saved = save_and_load(&mut h, &path);
    let kiosk = saved.channels.last().unwrap();
    assert_eq!(kiosk.name, "Kiosk");

    // Recolour Web shop by dragging across the picker: many frames, one undo step.
    let before = h.state().journey().channel(&"web".into()).unwrap().colour;
    h.get_by_label("Colour of Web shop").scroll_to_me();
    h.run();
    click(&mut h, "Colour of Web shop");
    let hue = h.get_by_label("Hue").rect();
    let (y, x0, x1) = (hue.center().y, hue.left() + 4.0, hue.right() - 4.0);
    send(&mut h, vec![pointer(Pos2::new(x0, y), None)], 1);
    send(&mut h, vec![pointer(Pos2::new(x0, y), Some(true))], 1);
    let mut seen = std::collections::BTreeSet::new();
    for step in 1..=12 {
        let x = x0 + (x1 - x0) * step as f32 / 12.0;
        send(&mut h, vec![pointer(Pos2::new(x, y), None)], 1);
        seen.insert(format!(
            "{}",
            h.state().journey().channel(&"web".into()).unwrap().colour
        ));
    }
    send(&mut h, vec![pointer(Pos2::new(x1, y), Some(false))], 1);
    send(&mut h, shortcut(Modifiers::NONE, Key::Escape), 1); // close the picker
    let after = h.state().journey().channel(&"web".into()).unwrap().colour;
    assert_ne!(after, before, "the drag recoloured the channel");
    assert!(
        seen.len() > 3,
        "the colour changed frame by frame: {seen:?}"
    );
    send(&mut h, shortcut(Modifiers::COMMAND, Key::Z), 1);
    assert_eq!(
        h.state().journey().channel(&"web".into()).unwrap().colour,
        before,
        "one undo step undoes the whole drag"
    );

    // Delete the new channel with its × button.
    let kiosk_id = kiosk.id.clone();
    h.get_by_label("Delete Kiosk").scroll_to_me();
    h.run();
    click(&mut h, "Delete Kiosk");
    let saved = save_and_load(&mut h, &path);
    assert!(saved.channel(&kiosk_id).is_none());
    assert_eq!(saved.channel(&"web".into()).unwrap().colour, before);
}

#[test]
fn header_fields_and_stage_notes_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = on_file(dir.path(), &Journey::new("Header", Language::En));
    type_into(&mut h, "Persona or segment", "Ana, first-time buyer");
    type_into(&mut h, "Scenario", "Buys a phone plan online");
    pick(&mut h, "State", "Future state");
    click(&mut h, "Add to Needs");
    send(&mut h, typing("Clear prices"), 64);
    click(&mut h, "Stage notes");
    click(&mut h, "Consideration");
    type_into(&mut h, "Thinking (Consideration)", "Is this the cheapest?");
    type_into(&mut h, "Feeling (Consideration)", "Unsure");
    let saved = save_and_load(&mut h, &path);
    assert_eq!(saved.persona.name, "Ana, first-time buyer");
    assert_eq!(saved.scenario, "Buys a phone plan online");
    assert_eq!(saved.state, JourneyState::Future);
    assert_eq!(saved.persona.needs, vec!["Clear prices".to_owned()]);
    let notes = &saved.stages[&Stage::Consideration];
    assert_eq!(notes.thinking, "Is this the cheapest?");
    assert_eq!(notes.feeling, "Unsure");
}

#[test]
fn a_stage_gets_the_teams_own_name_on_the_map_and_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut journey = Journey::new("Phases", Language::En);
    journey.touchpoints.push(Touchpoint::new(
        "tp-1".into(),
        Stage::Consideration,
        "Compares plans",
    ));
    let (mut h, path) = on_file(dir.path(), &journey);
    click(&mut h, "Stage notes");
    click(&mut h, "Consideration");
    type_into(&mut h, "Name on the map (Consideration)", "Compare");
    // The canvas and the inspector now say "Compare".
    assert!(
        h.query_by_label("Add touchpoint to Compare").is_some(),
        "the stage's add button is named after its label"
    );
    let saved = save_and_load(&mut h, &path);
    assert_eq!(saved.stage_label(Stage::Consideration), Some("Compare"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("label: \"Compare\""), "{text}");
    // The export draws it too.
    let svg = journeymap::export::svg(&saved, false);
    assert!(svg.contains(">Compare<"), "the exported stage header");
}

#[test]
fn dismissing_a_suggested_handoff_is_saved_in_the_journey() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = on_file(dir.path(), &example());
    let suggested = journeymap::document::grey_area_suggestions(&example());
    assert!(!suggested.is_empty(), "the example has candidates");
    let count = suggested.len();
    // The list counts the handoffs between blueprint steps too.
    let listed = count + journeymap::document::step_handoff_suggestions(&example()).len();
    let heading = h
        .query_all_by_label_contains("suggested handoff")
        .next()
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .expect("the suggestions are listed");
    assert!(heading.starts_with(&listed.to_string()), "{heading}");
    click(&mut h, &heading);
    h.query_all_by_label("Not a grey area")
        .next()
        .expect("each suggestion can be dismissed")
        .click();
    h.run();
    let saved = save_and_load(&mut h, &path);
    assert_eq!(
        saved.dismissed_suggestions,
        vec![Handoff {
            from: suggested[0].0.clone().into(),
            to: suggested[0].1.clone().into(),
        }]
    );
    let now = journeymap::document::grey_area_suggestions(&saved);
    assert_eq!(now.len(), count - 1);
    assert!(
        !now.contains(&suggested[0]),
        "gone for everyone who opens the file"
    );
}

#[test]
fn grey_area_inspector_edits_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = on_file(dir.path(), &example());
    let first = example().grey_areas[0].clone();
    let label = h
        .query_all_by_label_contains(first.title.as_str())
        .next()
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .expect("the grey-area list shows it");
    click(&mut h, &label);
    pick(&mut h, "Severity", "Low");
    pick(&mut h, "Kind of break", "System gap");
    type_into(&mut h, "Proposed fix", " Call back within an hour.");
    type_into(&mut h, "Owner", "Ops lead");
    let saved = save_and_load(&mut h, &path);
    let grey = saved.grey_area(&first.id).unwrap();
    assert_eq!(grey.severity, Severity::Low);
    assert_eq!(grey.kind, GreyAreaKind::SystemGap);
    assert!(
        grey.fix.ends_with("Call back within an hour."),
        "{}",
        grey.fix
    );
    assert_eq!(grey.owner, format!("{}Ops lead", first.owner));
}

#[test]
fn an_opportunity_is_added_to_a_grey_area_edited_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = on_file(dir.path(), &example());
    let first = example().grey_areas[0].clone();
    let before = example().opportunities.len();
    let label = h
        .query_all_by_label_contains(first.title.as_str())
        .next()
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .expect("the grey-area list shows it");
    click(&mut h, &label);
    click(&mut h, "Add opportunity");
    send(&mut h, typing("One owner for every failed delivery"), 64);
    type_into(&mut h, "Owner", "Logistics lead");
    pick(&mut h, "Status", "Testing");
    let saved = save_and_load(&mut h, &path);
    assert_eq!(saved.opportunities.len(), before + 1);
    let added = saved.opportunities.last().unwrap();
    assert_eq!(added.target, OpportunityTarget::GreyArea(first.id.clone()));
    assert_eq!(added.idea, "One owner for every failed delivery");
    assert_eq!(added.owner, "Logistics lead");
    assert_eq!(added.status, OpportunityStatus::Testing);
}

#[test]
fn an_opportunity_is_added_to_a_card_and_edited() {
    let dir = tempfile::tempdir().unwrap();
    let mut journey = Journey::new("Opportunities", Language::En);
    journey.touchpoints.push(Touchpoint::new(
        "tp-1".into(),
        Stage::Awareness,
        "Calls support",
    ));
    let (mut h, path) = on_file(dir.path(), &journey);
    click(&mut h, "Calls support");
    click(&mut h, "Add opportunity");
    // The idea is focused with its placeholder selected: typing replaces it.
    send(&mut h, typing("Call back proactively"), 64);
    type_into(&mut h, "Owner", "Service team");
    let saved = save_and_load(&mut h, &path);
    assert_eq!(saved.opportunities.len(), 1);
    let opportunity = &saved.opportunities[0];
    assert_eq!(opportunity.idea, "Call back proactively");
    assert_eq!(opportunity.owner, "Service team");
    assert_eq!(
        opportunity.target,
        OpportunityTarget::Touchpoint("tp-1".into())
    );
}

#[test]
fn empty_stages_collapse_from_the_view_menu_shortcut() {
    let mut journey = Journey::new("Sparse", Language::En);
    journey
        .touchpoints
        .push(Touchpoint::new("tp-1".into(), Stage::Usage, "Uses it"));
    let (app, _dialogs) = app_with(journey, Language::En);
    let mut h = harness(app);
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Num0);
    // The add buttons sit at each stage's right edge: the three empty stages between
    // Awareness and Usage, measured against Usage's own width (the view fits the whole
    // map after the toggle, so absolute positions change).
    let ratio = |h: &egui_kittest::Harness<'_, JourneyApp>| {
        let x = |stage: &str| {
            h.get_by_label(&format!("Add touchpoint to {stage}"))
                .rect()
                .left()
        };
        (x("Action") - x("Awareness")) / (x("Usage") - x("Action"))
    };
    let before = ratio(&h);
    press(
        &mut h,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::K,
    );
    assert!(h.state().workspace().collapse_empty_stages);
    let after = ratio(&h);
    assert!(after < before * 0.8, "{after} < {before}");
}

#[test]
fn hiding_the_panels_gives_the_canvas_the_window() {
    let journey = journeymap::format::parse(include_str!(
        "../../journeys/online-order-delivery-return.ron"
    ))
    .unwrap()
    .journey;
    let (app, _) = app_with(journey, Language::En);
    let mut h = harness(app);
    let width = |h: &egui_kittest::Harness<'_, journeymap::app::JourneyApp>| {
        h.state()
            .canvas_rect()
            .expect("the canvas is drawn")
            .width()
    };
    let with_panels = width(&h);
    assert!(h.query_by_label("Inspector").is_some());

    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    assert!(
        h.query_by_label("Inspector").is_none(),
        "the inspector is hidden"
    );
    let without_inspector = width(&h);
    assert!(without_inspector > with_panels + 200.0);

    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::H);
    assert!(
        h.query_by_label("Journey title").is_none(),
        "both are hidden"
    );
    // The whole window but the canvas's own 8 px margins.
    assert!(width(&h) >= 1600.0 - 16.0, "{}", width(&h));

    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::H);
    assert!(h.query_by_label("Inspector").is_some());
    assert!(h.query_by_label("Journey title").is_some());
    assert!((width(&h) - with_panels).abs() < 1.0);

    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    assert!(h.query_by_label("Journey title").is_none());
    assert!(h.query_by_label("Inspector").is_some());
}
