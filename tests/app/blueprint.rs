//! The service blueprint in the real app: a backstage step added with its lane's "+",
//! titled, serving a touchpoint; a grey area marked between two steps with Shift+click
//! and Ctrl+G; Ctrl+Shift+Enter under a card; saved, loaded back, drawn.

use crate::common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use journeymap::model::*;
use std::path::Path;

#[test]
fn a_backstage_step_serving_a_touchpoint_and_a_grey_area_between_two_steps_are_saved_and_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let path = dir.path().join("journey.ron");
    std::fs::copy(&source, &path).unwrap();
    let before = journeymap::format::load(&path).unwrap().journey;
    let mut h = harness_sized(app_on_file(&path), 1600.0, 1000.0);
    settle(&mut h);

    // The lane's "+" in Interest adds a backstage step there; its title takes the keys.
    click(&mut h, "Add a Backstage step to Interest");
    let step = h.state().journey().steps.last().cloned().map(|_| ());
    assert!(step.is_some());
    let added = h
        .state()
        .journey()
        .steps
        .iter()
        .find(|s| !before.steps.iter().any(|b| b.id == s.id))
        .cloned()
        .expect("a new step");
    assert_eq!(
        (added.stage, added.lane),
        (Stage::Interest, BlueprintLane::Backstage)
    );
    h.get_by_role_and_label(Role::TextInput, "Title")
        .type_text("Stock check for the boots");
    settle(&mut h);
    // It serves the touchpoint above it: a checkbox in the inspector.
    h.get_by_role_and_label(Role::CheckBox, "Browse the winter collection")
        .click();
    settle(&mut h);
    type_into(&mut h, "Duration", "45 min");
    let step = h.state().journey().step(&added.id).cloned().unwrap();
    assert_eq!(step.title, "Stock check for the boots");
    assert_eq!(step.serves, vec![TouchpointId::new("tp-3")]);
    assert_eq!(
        step.duration.map(|d| d.to_string()).as_deref(),
        Some("45 min")
    );

    // A support step in the same stage, then a grey area between the two steps: click
    // one, Shift+click the other, Ctrl+G.
    click(&mut h, "Add a Support step to Interest");
    h.get_by_role_and_label(Role::TextInput, "Title")
        .type_text("Stock system answers");
    settle(&mut h);
    let support = h
        .state()
        .journey()
        .steps
        .iter()
        .find(|s| s.title == "Stock system answers")
        .cloned()
        .unwrap();
    // The cards on the map (the inspector lists the first step too, as one the
    // second may follow).
    h.get_by_role_and_label(Role::Button, "Stock check for the boots")
        .click();
    settle(&mut h);
    h.get_by_role_and_label(Role::Button, "Stock system answers")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::G);
    let grey = h
        .state()
        .journey()
        .grey_areas
        .iter()
        .find(|g| !before.grey_areas.iter().any(|b| b.id == g.id))
        .cloned()
        .expect("a new grey area");
    assert_eq!(grey.from, End::Step(added.id.clone()));
    assert_eq!(grey.to, End::Step(support.id.clone()));

    // Ctrl+Shift+Enter under a selected card: a frontstage step serving it.
    h.get_by_role_and_label(Role::Button, "Browse the winter collection")
        .click();
    settle(&mut h);
    let count = h.state().journey().steps.len();
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter);
    assert_eq!(h.state().journey().steps.len(), count + 1);
    let below = h
        .state()
        .journey()
        .steps
        .iter()
        .find(|s| s.lane == BlueprintLane::Frontstage && s.stage == Stage::Interest)
        .cloned()
        .expect("a frontstage step under the card");
    assert_eq!(below.serves, vec![TouchpointId::new("tp-3")]);

    press(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let saved = journeymap::format::load(&path).unwrap().journey;
    assert_eq!(&saved, h.state().journey());
    assert!(saved.step(&added.id).is_some());
    assert!(saved.grey_area(&grey.id).is_some_and(|g| g.from.is_step()));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(&format!("from: Step(\"{}\")", added.id)),
        "the new form"
    );

    // Drawn: the step's card and the grey area's mark are in the map's layout and the
    // canvas paints the step's title.
    let theme = journeymap::theme::Theme::light();
    let i18n = journeymap::i18n::I18n::new(saved.language);
    let metrics = journeymap::scene::fitted(&saved, &theme, &i18n, false);
    let layout = journeymap::layout::layout(&saved, &metrics);
    assert!(layout.steps.iter().any(|s| s.id == added.id));
    assert!(layout.grey_areas.iter().any(|g| g.id == grey.id));
    let painted = painted_texts(&h);
    assert!(
        painted
            .iter()
            .any(|(text, _, _)| text.contains("Stock check")),
        "the canvas draws the new step"
    );
}

/// The example on a file, the step the first grey area between steps starts on (the
/// first of its lane in Usage: the next one is beside it), and that grey area.
fn step_with_a_grey_area(dir: &std::path::Path) -> (std::path::PathBuf, StepId, GreyArea) {
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let path = dir.join("journey.ron");
    std::fs::copy(&source, &path).unwrap();
    let journey = journeymap::format::load(&path).unwrap().journey;
    let grey = journey
        .grey_areas
        .iter()
        .find(|g| g.from.is_step() && !g.fix.is_empty())
        .expect("a grey area starting on a step, with a fix")
        .clone();
    (path, grey.from.step().unwrap().clone(), grey)
}

#[test]
fn deleting_a_step_a_grey_area_ends_on_asks_first_from_the_canvas_and_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let (path, step, grey) = step_with_a_grey_area(dir.path());
    let mut h = harness(app_on_file(&path));
    let before = h.state().journey().clone();
    let select = |h: &mut egui_kittest::Harness<'_, journeymap::app::JourneyApp>| {
        h.state().act(journeymap::app::Action::View(
            journeymap::app::ViewChange::Select(vec![ElementId::Step(step.clone())]),
        ));
        settle(h);
    };
    // The canvas: Delete asks, naming the grey area; Cancel changes nothing.
    select(&mut h);
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert!(
        h.query_by_label_contains(&format!("grey area “{}”", grey.title.trim()))
            .is_some(),
        "the grey area is named"
    );
    click(&mut h, "Cancel");
    assert_eq!(h.state().journey(), &before);
    // Moved to the step beside it: the grey area keeps its fix and owner.
    select(&mut h);
    press(&mut h, Modifiers::NONE, Key::Delete);
    h.get_by_label_contains("Move them to").click();
    settle(&mut h);
    let journey = h.state().journey().clone();
    assert!(journey.step(&step).is_none(), "the step is gone");
    let kept = journey.grey_area(&grey.id).expect("the grey area stays");
    assert_eq!((&kept.fix, &kept.owner), (&grey.fix, &grey.owner));
    assert_ne!(kept.from.as_str(), step.as_str());
    // One undo step brings both back as they were.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().journey(), &before);
    // The table: the same rule. Delete them too: the grey area goes with it.
    press(&mut h, Modifiers::COMMAND, Key::T);
    click(&mut h, &format!("Steps ({})", before.steps.len()));
    let row = before.steps.iter().position(|s| s.id == step).unwrap();
    for _ in 0..row {
        send(&mut h, stroke(Modifiers::NONE, Key::ArrowDown, None), 1);
    }
    send(&mut h, stroke(Modifiers::NONE, Key::Delete, None), 1);
    settle(&mut h);
    assert!(
        h.query_by_label_contains(&format!("grey area “{}”", grey.title.trim()))
            .is_some()
    );
    click(&mut h, "Delete them too");
    let journey = h.state().journey().clone();
    assert!(journey.step(&step).is_none());
    assert!(journey.grey_area(&grey.id).is_none());
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().journey(), &before);
}

/// Zoomed far out, the blueprint's lines keep their names readable (11 px or more) and
/// no label's frame is drawn without its words.
#[test]
fn zoomed_out_the_blueprints_line_names_stay_readable_and_no_frame_is_empty() {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let mut h = harness_sized(app_on_file(&file), 1280.0, 720.0);
    settle(&mut h);
    // Out to a third of full size, where the cards' small words are too small to draw.
    for _ in 0..2 {
        send(&mut h, shortcut(Modifiers::COMMAND, Key::Minus), 1);
    }
    settle(&mut h);
    let texts = painted_texts(&h);
    let zoom: f32 = texts
        .iter()
        .find_map(|(t, ..)| t.strip_suffix('%')?.parse().ok())
        .expect("the status bar's zoom");
    assert!(zoom <= 40.0, "zoomed out to {zoom} %");
    for name in [
        "Line of interaction",
        "Line of visibility",
        "Line of internal interaction",
    ] {
        let (_, size, _) = texts
            .iter()
            .find(|(t, ..)| t == name)
            .unwrap_or_else(|| panic!("{name} drawn: {texts:?}"));
        assert!(*size >= 11.0, "{name} at {size} px");
    }
    // No label's frame without its words: every small rounded, filled rectangle (a
    // pill, a chip) on the canvas (right of the journey panel, above the status bar)
    // holds a painted text.
    let panel = texts
        .iter()
        .filter(|(t, ..)| t.starts_with("1. "))
        .map(|(_, _, at)| at.right())
        .fold(0.0, f32::max);
    let empty: Vec<egui::Rect> = pill_frames(&h)
        .into_iter()
        .filter(|r| r.left() > panel + 10.0 && r.bottom() < 690.0)
        .filter(|frame| {
            !texts
                .iter()
                .any(|(_, _, at)| frame.expand(2.0).contains_rect(*at))
        })
        .collect();
    assert!(empty.is_empty(), "{} empty frames: {empty:?}", empty.len());
}

/// The small rounded, filled rectangles the canvas painted: a label's frame.
fn pill_frames(h: &egui_kittest::Harness<'_, journeymap::app::JourneyApp>) -> Vec<egui::Rect> {
    fn walk(shape: &egui::Shape, out: &mut Vec<egui::Rect>) {
        match shape {
            egui::Shape::Rect(r)
                if r.corner_radius.nw > 0
                    && r.fill.a() > 0
                    && r.rect.height() >= 3.0
                    && r.rect.height() <= 30.0
                    && r.rect.width() >= 2.5 * r.rect.height() =>
            {
                out.push(r.rect)
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}
