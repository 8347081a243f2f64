//! Find (Ctrl+F) in the real app: type, step with Enter and Shift+Enter, the selection
//! and the view follow; in presentation mode too; Esc closes.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::app::JourneyApp;
use journeymap::model::*;

fn example() -> Journey {
    journeymap::format::parse(include_str!(
        "../../journeys/online-order-delivery-return.ron"
    ))
    .unwrap()
    .journey
}

fn selected(h: &Harness<'_, JourneyApp>) -> Vec<ElementId> {
    h.state().workspace().selection.clone()
}

/// Whether the touchpoint's own text (not its links) holds `needle`.
fn holds(tp: &Touchpoint, needle: &str) -> bool {
    let mut texts = vec![
        &tp.title,
        &tp.description,
        &tp.action,
        &tp.thought,
        &tp.expectation,
    ];
    texts.extend(&tp.pain_points);
    texts.iter().any(|t| t.to_lowercase().contains(needle))
}

#[test]
fn ctrl_f_finds_steps_selects_and_scrolls_to_each_match() {
    let journey = example();
    let (app, _) = app_with(journey.clone(), Language::En);
    let mut h = harness(app);
    send(&mut h, shortcut(Modifiers::COMMAND, Key::F), 1);
    send(&mut h, typing("refund"), 1);
    let total = journeymap::model::search::find(&journey, "refund").len();
    assert!(total >= 3, "the example mentions refunds");
    assert!(h.query_by_label(&format!("{total} matches")).is_some());

    // Enter: the first match, selected, its card on screen.
    send(&mut h, shortcut(Modifiers::NONE, Key::Enter), 1);
    assert!(h.query_by_label(&format!("1 of {total}")).is_some());
    let first = selected(&h);
    let ElementId::Touchpoint(id) = &first[0] else {
        panic!("the first match is a card: {first:?}")
    };
    let card = journey.touchpoint(id).unwrap();
    assert!(holds(card, "refund"), "{}", card.title);

    // Enter again and again: the selection moves through the matches; a card far to
    // the right is scrolled into view.
    let mut seen = vec![first.clone()];
    for n in 2..=total {
        send(&mut h, shortcut(Modifiers::NONE, Key::Enter), 1);
        assert!(
            h.query_by_label(&format!("{n} of {total}")).is_some(),
            "{n}"
        );
        seen.push(selected(&h));
        if let [ElementId::Touchpoint(id)] = selected(&h).as_slice() {
            let title = &journey.touchpoint(id).unwrap().title;
            let canvas = h.state().canvas_rect().unwrap();
            let rect = h
                .query_all_by_label(title)
                .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
                .map(|n| n.rect())
                .unwrap_or_else(|| panic!("{title:?} is not on the canvas"));
            assert!(
                canvas.intersects(rect),
                "{title:?} at {rect:?} is off screen"
            );
        }
    }
    seen.dedup();
    assert!(seen.len() > 2, "the selection moved: {seen:?}");
    // Past the last, back to the first; Shift+Enter goes back.
    send(&mut h, shortcut(Modifiers::NONE, Key::Enter), 1);
    assert!(h.query_by_label(&format!("1 of {total}")).is_some());
    send(&mut h, shortcut(Modifiers::SHIFT, Key::Enter), 1);
    assert!(h.query_by_label(&format!("{total} of {total}")).is_some());

    // Nothing found says so; Esc closes the bar and leaves the document alone.
    send(&mut h, typing("zzz"), 1);
    assert!(h.query_by_label("No matches").is_some());
    send(&mut h, shortcut(Modifiers::NONE, Key::Escape), 1);
    assert!(h.query_by_label("Find").is_none());
    assert!(!h.state().document().is_modified());
}

#[test]
fn find_works_in_presentation_mode_and_reaches_grey_areas_and_stage_notes() {
    let journey = example();
    let (app, _) = app_with(journey.clone(), Language::En);
    let mut h = harness(app);
    send(&mut h, shortcut(Modifiers::NONE, Key::F11), 1);
    send(&mut h, shortcut(Modifiers::COMMAND, Key::F), 1);
    send(&mut h, typing("nobody owns"), 1);
    send(&mut h, shortcut(Modifiers::NONE, Key::Enter), 1);
    let grey = journey
        .grey_areas
        .iter()
        .find(|g| g.title.contains("nobody owns"))
        .unwrap();
    assert_eq!(selected(&h), vec![ElementId::GreyArea(grey.id.clone())]);
    assert!(h.state().workspace().display.presenting());

    // A stage note: the stage becomes the active one.
    let note = &journey.stages[&Stage::Usage].goal;
    send(&mut h, shortcut(Modifiers::COMMAND, Key::A), 1);
    send(&mut h, typing(note), 1);
    send(&mut h, shortcut(Modifiers::NONE, Key::Enter), 1);
    assert_eq!(h.state().workspace().active_stage, Some(Stage::Usage));
}
