//! Workshop mode, played with key events only: a live session builds ten cards across
//! three stages, sets emotions, marks a grey area, moves a card and undoes a step; each
//! card costs at most three keystrokes beyond its title. And the projector theme's
//! smallest text at 1920x1080.

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use journeymap::app::JourneyApp;
use journeymap::model::*;

/// Counts the keystrokes that are not part of typing a title.
struct Keys<'a, 'b> {
    h: &'a mut Harness<'b, JourneyApp>,
    count: usize,
}

impl Keys<'_, '_> {
    fn press(&mut self, modifiers: Modifiers, key: Key) {
        self.count += 1;
        self.h.key_press_modifiers(modifiers, key);
        self.h.run();
    }

    fn type_title(&mut self, title: &str) {
        self.h.event(egui::Event::Text(title.to_owned()));
        self.h.run();
    }

    /// One card: its title, its emotion (Alt+1..5), then `then` (Enter, Tab or Esc).
    fn card(&mut self, title: &str, score: i8, then: Key) {
        self.type_title(title);
        let digit = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5][(score + 2) as usize];
        self.press(Modifiers::ALT, digit);
        self.press(Modifiers::NONE, then);
    }
}

const CARDS: [(&str, i8, Stage); 10] = [
    ("Sees the ad", 1, Stage::Awareness),
    ("Hears from a friend", 2, Stage::Awareness),
    ("Reads reviews", 0, Stage::Awareness),
    ("Compares prices", 1, Stage::Interest),
    ("Watches a demo", 1, Stage::Interest),
    ("Signs up for the trial", 0, Stage::Interest),
    ("Gets a sales call", -1, Stage::Interest),
    ("Store visit", 2, Stage::Consideration),
    ("Asks for a discount", -1, Stage::Consideration),
    ("Waits for the quote", -2, Stage::Consideration),
];

#[test]
fn a_live_session_from_the_keyboard() {
    let (app, _dialogs) = app_with(Journey::new("Live workshop", Language::En), Language::En);
    let mut h = harness(app);
    let mut keys = Keys {
        h: &mut h,
        count: 0,
    };

    keys.press(Modifiers::NONE, Key::N); // start typing cards in the first stage
    for (index, (title, score, stage)) in CARDS.iter().enumerate() {
        let then = match CARDS.get(index + 1) {
            None => Key::Escape,
            Some((_, _, next)) if next != stage => Key::Tab,
            Some(_) => Key::Enter,
        };
        keys.card(title, *score, then);
    }
    let entry_keys = keys.count;
    assert!(
        entry_keys <= 3 * CARDS.len(),
        "{entry_keys} keystrokes for {} cards",
        CARDS.len()
    );

    let journey = keys.h.state().journey().clone();
    let built: Vec<(&str, i8, Stage)> = journey
        .touchpoints
        .iter()
        .map(|t| (t.title.as_str(), t.emotion_score().unwrap(), t.stage))
        .collect();
    assert_eq!(built, CARDS.to_vec(), "ten cards, no empty leftovers");

    // The last card is selected after Esc: go back two cards, mark the grey area with the
    // next one ("Store visit" -> "Asks for a discount").
    keys.press(Modifiers::NONE, Key::ArrowLeft);
    keys.press(Modifiers::NONE, Key::ArrowLeft);
    keys.press(Modifiers::NONE, Key::G);
    let grey = &keys.h.state().journey().grey_areas[0];
    assert_eq!((grey.from.as_str(), grey.to.as_str()), ("tp-8", "tp-9"));

    // Select "Gets a sales call" (Up: first card of the previous stage, then Right x3),
    // move it to Consideration, then undo the move.
    keys.press(Modifiers::NONE, Key::Escape); // clear the grey-area selection highlight
    keys.h.state_mut().ui_state.selection = vec![ElementId::Touchpoint("tp-8".into())];
    keys.press(Modifiers::NONE, Key::ArrowUp);
    for _ in 0..3 {
        keys.press(Modifiers::NONE, Key::ArrowRight);
    }
    keys.press(Modifiers::ALT, Key::ArrowRight);
    let moved = keys
        .h
        .state()
        .journey()
        .touchpoint(&"tp-7".into())
        .unwrap()
        .clone();
    assert_eq!(
        (moved.title.as_str(), moved.stage),
        ("Gets a sales call", Stage::Consideration)
    );
    keys.press(Modifiers::COMMAND, Key::Z);
    assert_eq!(
        keys.h
            .state()
            .journey()
            .touchpoint(&"tp-7".into())
            .unwrap()
            .stage,
        Stage::Interest
    );

    // Number keys set the selected card's emotion; Delete removes it, undoably.
    keys.press(Modifiers::NONE, Key::Num5);
    assert_eq!(
        keys.h
            .state()
            .journey()
            .touchpoint(&"tp-7".into())
            .unwrap()
            .emotion_score(),
        Some(2)
    );
    keys.press(Modifiers::NONE, Key::Delete);
    assert!(
        keys.h
            .state()
            .journey()
            .touchpoint(&"tp-7".into())
            .is_none()
    );
    keys.press(Modifiers::COMMAND, Key::Z);
    assert!(
        keys.h
            .state()
            .journey()
            .touchpoint(&"tp-7".into())
            .is_some()
    );
}

#[test]
fn filters_and_spotlight_from_the_keyboard() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let journey = journeymap::format::load(&path).unwrap().journey;
    let (app, _dialogs) = app_with(journey, Language::En);
    let mut h = harness(app);
    press(&mut h, Modifiers::NONE, Key::S);
    assert_eq!(
        h.state().ui_state.spotlight.as_ref().map(|g| g.as_str()),
        Some("ga-2"),
        "the critical one first"
    );
    press(&mut h, Modifiers::NONE, Key::S);
    assert!(matches!(
        h.state().ui_state.spotlight.as_ref().map(|g| g.as_str()),
        Some("ga-1" | "ga-3")
    ));
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().ui_state.spotlight.is_none());
    press(&mut h, Modifiers::NONE, Key::C);
    assert_eq!(
        h.state().ui_state.filter,
        journeymap::app::Filter::Channel(ChannelId::new("store"))
    );
    press(&mut h, Modifiers::NONE, Key::E);
    assert_eq!(
        h.state().ui_state.filter,
        journeymap::app::Filter::NoEvidence
    );
}

/// Every text size painted in the last frame, in points.
fn painted_text_sizes(h: &Harness<'_, JourneyApp>) -> Vec<f32> {
    fn walk(shape: &egui::Shape, out: &mut Vec<f32>) {
        match shape {
            egui::Shape::Text(text) => {
                let job = &text.galley.job;
                for section in &job.sections {
                    let range = section.byte_range.start.0..section.byte_range.end.0;
                    let shown = job.text.get(range).is_some_and(|s| !s.trim().is_empty());
                    if shown {
                        out.push(section.format.font_id.size);
                    }
                }
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut sizes = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut sizes);
    }
    sizes
}

#[test]
fn presentation_text_is_at_least_24_px_at_1920x1080() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let journey = journeymap::format::load(&path).unwrap().journey;
    let (app, _dialogs) = app_with(journey, Language::En);
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui(ui), app);
    h.run();
    let normal = painted_text_sizes(&h);
    assert!(
        normal.iter().any(|s| *s < 24.0),
        "the editor itself uses smaller type"
    );

    for dark in [false, true] {
        let key = if dark {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        h.key_press_modifiers(key, Key::F11);
        h.run();
        assert!(h.state().ui_state.presentation);
        assert_eq!(h.state().ui_state.dark, dark);
        let sizes = painted_text_sizes(&h);
        assert!(sizes.len() > 30, "the map is drawn: {} texts", sizes.len());
        let smallest = sizes.iter().copied().fold(f32::MAX, f32::min);
        assert!(smallest >= 24.0, "smallest text {smallest} px");
        if !dark {
            h.key_press(Key::F11);
            h.run();
            assert!(!h.state().ui_state.presentation);
        }
    }
}
