//! Workshop mode, played with key events only: a live session builds ten cards across
//! three stages, sets emotions, marks a grey area, moves a card and undoes a step; each
//! card costs at most three keystrokes beyond its title. And the projector theme's
//! smallest text at 1920x1080.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use journeymap::app::{Action, ViewChange};
use journeymap::app::{DisplayMode, JourneyApp, Modal, Notice};
use journeymap::model::*;

/// Counts the keystrokes that are not part of typing a title.
struct Keys<'a, 'b> {
    h: &'a mut Harness<'b, JourneyApp>,
    count: usize,
}

impl Keys<'_, '_> {
    /// A key press as egui-winit sends it (with the text it types).
    fn press(&mut self, modifiers: Modifiers, key: Key) {
        self.count += 1;
        send(self.h, shortcut(modifiers, key), 1);
    }

    fn type_title(&mut self, title: &str) {
        send(self.h, typing(title), 1);
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
    keys.h.state().act(Action::View(ViewChange::Select(vec![
        ElementId::Touchpoint("tp-8".into()),
    ])));
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
        h.state().workspace().spotlight.as_ref().map(|g| g.as_str()),
        Some("ga-2"),
        "the critical one first"
    );
    // The spotlight shows the grey area in words, not only its band.
    let grey = h
        .state()
        .journey()
        .grey_area(&"ga-2".into())
        .unwrap()
        .clone();
    // With its number, as every picture numbers it.
    let journey = h.state().journey().clone();
    let number = journey.grey_area_numbers()[journey
        .grey_areas
        .iter()
        .position(|g| g.id == grey.id)
        .unwrap()];
    assert!(
        h.query_by_label(&format!("{number}. {}", grey.title))
            .is_some(),
        "title {:?} in the spotlight, numbered {number}",
        grey.title
    );
    assert!(h.query_by_label(&grey.experience).is_some(), "experience");
    assert!(h.query_by_label(&grey.fix).is_some(), "fix");
    assert!(
        h.query_by_label("Department handoff · Critical · Mitigating")
            .is_some()
    );
    press(&mut h, Modifiers::NONE, Key::S);
    assert_eq!(
        h.state().workspace().spotlight.as_ref().map(|g| g.as_str()),
        Some("ga-6"),
        "then the other critical one, between two blueprint steps"
    );
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().workspace().spotlight.is_none());
    assert!(
        h.query_by_label(&grey.experience).is_none(),
        "the card goes with it"
    );
    press(&mut h, Modifiers::NONE, Key::C);
    assert_eq!(
        h.state().workspace().filter,
        journeymap::app::Filter::Channel(ChannelId::new("store"))
    );
    press(&mut h, Modifiers::NONE, Key::E);
    assert_eq!(
        h.state().workspace().filter,
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
    // The harness every test uses (a worker's wake-up may cost a frame more than the
    // default four on a loaded machine).
    let mut h = harness_sized(app, 1920.0, 1080.0);
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
        let expected = if dark {
            DisplayMode::PresentationDark
        } else {
            DisplayMode::Presentation
        };
        assert_eq!(h.state().workspace().display, expected);
        let sizes = painted_text_sizes(&h);
        assert!(sizes.len() > 30, "the map is drawn: {} texts", sizes.len());
        let smallest = sizes.iter().copied().fold(f32::MAX, f32::min);
        assert!(smallest >= 24.0, "smallest text {smallest} px");
        if !dark {
            h.key_press(Key::F11);
            h.run();
            assert_eq!(h.state().workspace().display, DisplayMode::Editor);
        }
    }
}

/// The app on a copy of an empty journey file in a temp folder (so Ctrl+S writes).
fn on_file(dir: &std::path::Path) -> (Harness<'static, JourneyApp>, std::path::PathBuf) {
    let path = dir.join("live.ron");
    journeymap::format::save(&path, &Journey::new("Live", Language::En)).unwrap();
    let app = app_on_file(&path);
    (harness(app), path)
}

/// The workshop burst of the real-window suite: F11, N, five titles with Enter between
/// them, Alt+4 and Alt+2 on two of them, Esc, Ctrl+S — delivered `per_frame` events at
/// a time, down to everything in a single frame.
fn workshop_burst(per_frame: usize) {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = on_file(dir.path());
    let mut events = shortcut(Modifiers::NONE, Key::F11);
    events.extend(shortcut(Modifiers::NONE, Key::N));
    events.extend(typing("Reads reviews"));
    events.extend(shortcut(Modifiers::ALT, Key::Num4));
    events.extend(typing("\nCompares prices\nSigns up"));
    events.extend(shortcut(Modifiers::ALT, Key::Num2));
    events.extend(typing("\nGets a welcome mail\nnd the first invoice"));
    events.extend(shortcut(Modifiers::NONE, Key::Escape));
    events.extend(shortcut(Modifiers::COMMAND, Key::S));
    send(&mut h, events, per_frame);

    let saved = journeymap::format::load(&path).unwrap().journey;
    let cards: Vec<(&str, Option<i8>)> = saved
        .touchpoints
        .iter()
        .map(|t| (t.title.as_str(), t.emotion.as_ref().map(|e| e.score)))
        .collect();
    assert_eq!(
        cards,
        vec![
            ("Reads reviews", Some(1)),
            ("Compares prices", None),
            ("Signs up", Some(-1)),
            ("Gets a welcome mail", None),
            ("nd the first invoice", None),
        ],
        "{per_frame} events per frame"
    );
    assert!(!h.state().document().is_modified());
}

#[test]
fn a_burst_of_keys_one_event_per_frame() {
    workshop_burst(1);
}

#[test]
fn a_burst_of_keys_several_per_frame() {
    workshop_burst(3);
    workshop_burst(7);
}

#[test]
fn a_burst_of_keys_all_in_one_frame() {
    workshop_burst(usize::MAX);
}

#[test]
fn alt_digit_sets_the_emotion_without_typing_the_digit() {
    let (app, _dialogs) = app_with(Journey::new("Live", Language::En), Language::En);
    let mut h = harness(app);
    send(&mut h, shortcut(Modifiers::NONE, Key::N), 1);
    let mut events = typing("Review current plan");
    events.extend(shortcut(Modifiers::ALT, Key::Num3));
    send(&mut h, events, 64);
    let card = &h.state().journey().touchpoints[0];
    assert_eq!(card.title, "Review current plan");
    assert_eq!(card.emotion.as_ref().map(|e| e.score), Some(0));
}

#[test]
fn add_to_goals_then_type_lands_in_the_new_row() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = on_file(dir.path());
    let before = h.state().journey().touchpoints.len();
    // Click, then keys that are canvas commands (N, S, D, G) arrive in the same frame.
    let button = h.get_by_label("Add to Goals").rect().center();
    let mut events = vec![
        egui::Event::PointerMoved(button),
        egui::Event::PointerButton {
            pos: button,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        },
        egui::Event::PointerButton {
            pos: button,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        },
    ];
    events.extend(typing("Never wait on hold"));
    events.extend(shortcut(Modifiers::COMMAND, Key::S));
    send(&mut h, events, usize::MAX);
    let saved = journeymap::format::load(&path).unwrap().journey;
    assert_eq!(saved.persona.goals, vec!["Never wait on hold".to_owned()]);
    assert_eq!(saved.touchpoints.len(), before, "no card was started");
    assert!(h.state().entering().is_none());
}

#[test]
fn the_shortcut_sheet_closes_with_esc_and_uses_projector_type() {
    let (app, _dialogs) = app_with(Journey::new("Live", Language::En), Language::En);
    let mut h = harness(app);
    send(&mut h, shortcut(Modifiers::NONE, Key::F11), 1);
    send(&mut h, shortcut(Modifiers::NONE, Key::F1), 1);
    assert!(matches!(h.state().modal(), Some(Modal::Shortcuts)));
    let sizes = painted_text_sizes(&h);
    let smallest = sizes.iter().copied().fold(f32::MAX, f32::min);
    assert!(smallest >= 24.0, "smallest text in the sheet: {smallest}");
    send(&mut h, shortcut(Modifiers::NONE, Key::Escape), 1);
    assert!(h.state().modal().is_none());
}

#[test]
fn ctrl_0_in_presentation_shows_the_whole_journey_readable() {
    // Thirty cards at projector size: the whole timeline would put titles at 3 px, so
    // Ctrl+0 shows the wall (and says so), every title readable.
    let journey = journeymap::generate::generate(30, 7);
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness(app);
    send(&mut h, shortcut(Modifiers::NONE, Key::F11), 1);
    let zoom_presenting = h.state().view().zoom;
    send(&mut h, shortcut(Modifiers::COMMAND, Key::Num0), 1);
    h.run();
    assert_eq!(
        h.state().workspace().arrangement,
        journeymap::layout::Arrangement::Wall
    );
    assert!(
        matches!(&h.state().workspace().notice, Some(Notice::Info(text)) if text.contains("showing the wall instead")),
        "{:?}",
        h.state().workspace().notice
    );
    let zoom = h.state().view().zoom;
    assert!(zoom < zoom_presenting, "{zoom} < {zoom_presenting}");
    titles_readable(&h, &journey, journey.touchpoints.len());
    // Ctrl+- zooms out further still.
    send(&mut h, shortcut(Modifiers::COMMAND, Key::Minus), 1);
    assert!(h.state().view().zoom < zoom);
}

/// At least `at_least` of the journey's card titles are painted inside the canvas,
/// and none at under 9 px.
fn titles_readable(h: &Harness<'_, JourneyApp>, journey: &Journey, at_least: usize) {
    let canvas = h.state().canvas_rect().unwrap();
    let texts = painted_texts(h);
    let mut shown = 0;
    for tp in &journey.touchpoints {
        for (_, size, rect) in texts.iter().filter(|(text, _, _)| text == &tp.title) {
            assert!(*size >= 9.0, "{:?} at {size} px", tp.title);
            if canvas.contains_rect(*rect) {
                shown += 1;
            }
        }
    }
    assert!(
        shown >= at_least,
        "{shown} titles shown, {at_least} expected"
    );
}

#[test]
fn ctrl_0_never_leaves_titles_under_9_px() {
    // Nineteen cards in the editor, panels hidden: the wall holds them all readably.
    let journey = journeymap::generate::generate(19, 3);
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness_sized(app, 1280.0, 720.0);
    send(
        &mut h,
        shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::H),
        1,
    ); // panels away
    send(&mut h, shortcut(Modifiers::COMMAND, Key::Num0), 1);
    h.run();
    assert_eq!(
        h.state().workspace().arrangement,
        journeymap::layout::Arrangement::Wall
    );
    titles_readable(&h, &journey, journey.touchpoints.len());

    // Four hundred: not even the wall is readable whole; the timeline stays, zoomed
    // out as far as titles are read, at the current stage, and the notice says so.
    let journey = journeymap::generate::generate(400, 3);
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness_sized(app, 1280.0, 720.0);
    send(&mut h, shortcut(Modifiers::COMMAND, Key::Num0), 1);
    h.run();
    assert_eq!(
        h.state().workspace().arrangement,
        journeymap::layout::Arrangement::Timeline
    );
    assert!(
        h.query_by_label_contains("as far as card titles stay readable")
            .is_some()
    );
    titles_readable(&h, &journey, 3);
    // The first card of the current stage is in view, clear of the lane names.
    let canvas = h.state().canvas_rect().unwrap();
    let zoom = h.state().view().zoom;
    let labels = journeymap::theme::Theme::light().metrics.lane_label_width * zoom;
    let first = &journey.touchpoints[0].title;
    let (_, _, rect) = painted_texts(&h)
        .into_iter()
        .find(|(text, _, _)| text == first)
        .expect("the first card's title is painted");
    assert!(
        rect.left() >= canvas.left() + labels,
        "{rect:?} under the lane names"
    );
}

#[test]
fn page_down_in_presentation_brings_the_whole_stage_into_view() {
    let journey = journeymap::generate::generate(30, 7);
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness_sized(app, 1920.0, 1080.0);
    send(&mut h, shortcut(Modifiers::NONE, Key::F11), 1);
    for _ in 0..4 {
        send(&mut h, shortcut(Modifiers::NONE, Key::PageDown), 1);
        h.run();
        let stage = h
            .state()
            .workspace()
            .active_stage
            .expect("a stage is active");
        let canvas = h.state().canvas_rect().unwrap();
        let zoom = h.state().view().zoom;
        let labels = journeymap::theme::Theme::presentation(false)
            .metrics
            .lane_label_width
            * zoom;
        let texts = painted_texts(&h);
        for tp in journey.touchpoints_in(stage) {
            let (_, size, rect) = texts
                .iter()
                .find(|(text, _, _)| text == &tp.title)
                .unwrap_or_else(|| panic!("{:?} is painted", tp.title));
            assert!(*size >= 9.0);
            assert!(
                rect.left() >= canvas.left() + labels - 0.5 && rect.right() <= canvas.right() + 0.5,
                "{stage:?}: {:?} at {rect:?}, canvas {canvas:?}, labels to {}",
                tp.title,
                canvas.left() + labels
            );
        }
    }
}

#[test]
fn opening_another_journey_forgets_the_card_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    let mut theirs = Journey::new("Other", Language::En);
    theirs
        .touchpoints
        .push(Touchpoint::new("tp-1".into(), Stage::Awareness, "Theirs"));
    journeymap::format::save(&other, &theirs).unwrap();
    let (app, dialogs) = app_with(Journey::new("Mine", Language::En), Language::En);
    let mut h = harness(app);
    send(&mut h, shortcut(Modifiers::NONE, Key::N), 1);
    send(&mut h, typing("Half typed"), 64);
    h.state().act(Action::Command(
        journeymap::app::AppCommand::FilterNoEvidence,
    ));
    h.run();
    assert_eq!(
        h.state().workspace().filter,
        journeymap::app::Filter::NoEvidence
    );
    assert!(h.state().entering().is_some());
    dialogs.answer(Some(other.clone()));
    send(&mut h, shortcut(Modifiers::COMMAND, Key::O), 1);
    click(&mut h, "Don't save");
    let state = h.state();
    assert_eq!(state.journey().title, "Other");
    assert!(
        state.entering().is_none(),
        "no card of the old map is being typed"
    );
    assert!(state.workspace().selection.is_empty());
    assert_eq!(state.workspace().filter, journeymap::app::Filter::None);
    // Typing now does not retitle the new map's tp-1.
    send(&mut h, typing("xyz"), 64);
    assert_eq!(h.state().journey().touchpoints[0].title, "Theirs");
}

/// Whether the painted text `painted` begins with `whole`, or with its beginning cut
/// with "…" (the projector's cards and steps take three and two lines; a step's
/// actor may follow in the same type).
fn shows(painted: &str, whole: &str) -> bool {
    let whole: Vec<&str> = whole.split_whitespace().collect();
    let mut painted = painted.split_whitespace();
    for (i, word) in whole.iter().enumerate() {
        let Some(shown) = painted.next() else {
            return false;
        };
        if let Some(cut) = shown.strip_suffix('…') {
            return i > 0 && word.starts_with(cut);
        }
        if shown != *word {
            return false;
        }
    }
    true
}

#[test]
fn the_projector_shows_a_whole_stage_with_its_blueprint_and_no_text_under_18_px() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let journey = journeymap::format::load(&path).unwrap().journey;
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness_sized(app, 1280.0, 720.0);
    send(&mut h, shortcut(Modifiers::NONE, Key::F11), 1);
    let usage = journeymap::model::Stage::Usage;
    // Page Down from stage to stage, to the one with the blueprint's most steps.
    for _ in 0..6 {
        if h.state().workspace().active_stage == Some(usage) {
            break;
        }
        send(&mut h, shortcut(Modifiers::NONE, Key::PageDown), 1);
        h.run();
    }
    assert_eq!(h.state().workspace().active_stage, Some(usage));
    let cards: Vec<&str> = journey
        .touchpoints_in(usage)
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    let steps: Vec<&str> = journey
        .steps
        .iter()
        .filter(|s| s.stage == usage)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!((cards.len(), steps.len()), (5, 6), "the example's Usage");

    let check = |h: &Harness<'_, JourneyApp>| {
        let canvas = h.state().canvas_rect().unwrap();
        let texts = painted_texts(h);
        let inside = |title: &str| {
            texts
                .iter()
                .any(|(text, _, rect)| shows(text, title) && canvas.contains_rect(*rect))
        };
        for title in cards.iter().chain(&steps) {
            assert!(
                inside(title),
                "{title:?} is on the projector, whole in the window"
            );
        }
        for lane in [
            "Touchpoints",
            "Emotion",
            "Frontstage",
            "Backstage",
            "Support processes",
        ] {
            assert!(inside(lane), "the lane {lane:?} is named in the window");
        }
        // Nothing on the projector is drawn under 18 px: not the map, not its chrome.
        let sizes = painted_text_sizes(h);
        let smallest = sizes.iter().copied().fold(f32::MAX, f32::min);
        assert!(
            sizes.len() > 20,
            "the stage is drawn: {} texts",
            sizes.len()
        );
        assert!(smallest >= 18.0, "smallest text {smallest} px");
    };
    check(&h);
    // The spotlight's card says the whole grey area inside the window, never cut.
    send(&mut h, shortcut(Modifiers::NONE, Key::S), 1);
    h.run();
    let grey = h
        .state()
        .workspace()
        .spotlight
        .clone()
        .and_then(|id| journey.grey_area(&id).cloned())
        .expect("a grey area in the spotlight");
    let canvas = h.state().canvas_rect().unwrap();
    let texts = painted_texts(&h);
    for words in [&grey.experience, &grey.fix, &grey.owner] {
        assert!(
            texts.iter().any(|(text, size, rect)| text == words
                && *size >= 18.0
                && canvas.contains_rect(*rect)),
            "{words:?} whole in the spotlight"
        );
    }
    send(&mut h, shortcut(Modifiers::NONE, Key::Escape), 1);
    // The dark projector is the same view.
    send(&mut h, shortcut(Modifiers::SHIFT, Key::F11), 1);
    h.run();
    check(&h);

    // Ctrl+0 shows more of the journey and keeps the blueprint: the timeline stays.
    send(&mut h, shortcut(Modifiers::COMMAND, Key::Num0), 1);
    h.run();
    assert_eq!(
        h.state().workspace().arrangement,
        journeymap::layout::Arrangement::Timeline
    );
    let texts = painted_texts(&h);
    assert!(
        texts.iter().any(|(text, _, _)| shows(text, steps[0])),
        "a step is still drawn"
    );
}

#[test]
fn a_stage_wider_than_the_projector_pages_within_itself() {
    // Nine cards in one stage: Page Down shows the cards past the window's edge
    // before it leaves the stage; Page Up comes back.
    let mut journey = journeymap::generate::generate(30, 7);
    let stage = journeymap::model::Stage::Awareness;
    for tp in journey.touchpoints.iter_mut().take(9) {
        tp.stage = stage;
    }
    journey.touchpoints.sort_by_key(|t| t.stage);
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness_sized(app, 1280.0, 720.0);
    send(&mut h, shortcut(Modifiers::NONE, Key::F11), 1);
    h.run();
    let titles: Vec<String> = journey
        .touchpoints_in(stage)
        .iter()
        .map(|t| t.title.clone())
        .collect();
    let whole_in_view = |h: &Harness<'_, JourneyApp>| {
        let canvas = h.state().canvas_rect().unwrap();
        let texts = painted_texts(h);
        titles
            .iter()
            .map(|title| {
                texts
                    .iter()
                    .any(|(text, _, rect)| shows(text, title) && canvas.contains_rect(*rect))
            })
            .collect::<Vec<bool>>()
    };
    let first = whole_in_view(&h);
    assert!(first[0], "the stage opens at its first card");
    assert!(!first[8], "nine cards do not fit at 18 px: {first:?}");
    send(&mut h, shortcut(Modifiers::NONE, Key::PageDown), 1);
    h.run();
    assert_eq!(h.state().workspace().active_stage.unwrap_or(stage), stage);
    let second = whole_in_view(&h);
    assert!(second[8], "the next page shows the last card: {second:?}");
    // Every card was whole in view on one page or the other.
    assert!(
        first.iter().zip(&second).all(|(a, b)| *a || *b),
        "{first:?} {second:?}"
    );
    send(&mut h, shortcut(Modifiers::NONE, Key::PageUp), 1);
    h.run();
    assert_eq!(whole_in_view(&h), first, "Page Up turns back");
}
