//! The monkey: the real app driven by random keys, typing, clicks on whatever the
//! accessibility tree offers, clicks and drags anywhere, pastes of hostile sheets and
//! scrolling, over every view (canvas, table and its tabs, inspector, workshop mode,
//! windows and dialogs; file dialogs are scripted and answer nothing), on the examples,
//! an empty map and a 1,000-card map. Never Quit, never a link. Nothing may panic, and
//! every 500 events and at the end the document must save and load back equal to what
//! it holds.
//!
//! In CI a fixed seed and a bounded run (`MONKEY_EVENTS` per map, default below);
//! `MONKEY_EVENTS=20000 MONKEY_SEED=7 cargo test --test app monkey` runs a long one.

use crate::common::*;
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use journeymap::app::JourneyApp;
use journeymap::model::{Journey, Language};
use std::path::Path;

/// Events per map in the default (CI) run.
const CI_EVENTS: usize = 700;
const WINDOW: (f32, f32) = (1400.0, 900.0);

/// xorshift64*: small, seeded, the same run every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn point(&mut self) -> Pos2 {
        Pos2::new(
            self.below(WINDOW.0 as usize) as f32,
            self.below(WINDOW.1 as usize) as f32,
        )
    }
}

const NONE: Modifiers = Modifiers::NONE;
const CTRL: Modifiers = Modifiers::COMMAND;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;
const CTRL_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: true,
    shift: true,
    mac_cmd: false,
    command: true,
};

/// The keys a person presses, with the shortcuts of every view (Ctrl+Q and Ctrl+W are
/// left out: the monkey never quits).
const KEYS: &[(Modifiers, Key)] = &[
    (NONE, Key::ArrowUp),
    (NONE, Key::ArrowDown),
    (NONE, Key::ArrowLeft),
    (NONE, Key::ArrowRight),
    (SHIFT, Key::ArrowDown),
    (SHIFT, Key::ArrowUp),
    (ALT, Key::ArrowUp),
    (ALT, Key::ArrowDown),
    (NONE, Key::Enter),
    (SHIFT, Key::Enter),
    (CTRL, Key::Enter),
    (CTRL_SHIFT, Key::Enter),
    (NONE, Key::Escape),
    (NONE, Key::Tab),
    (SHIFT, Key::Tab),
    (NONE, Key::Delete),
    (NONE, Key::Backspace),
    (NONE, Key::Home),
    (NONE, Key::End),
    (NONE, Key::PageDown),
    (NONE, Key::PageUp),
    (NONE, Key::F1),
    (NONE, Key::F2),
    (NONE, Key::F11),
    (NONE, Key::N),
    (NONE, Key::G),
    (NONE, Key::S),
    (NONE, Key::E),
    (NONE, Key::C),
    (NONE, Key::D),
    (ALT, Key::Num1),
    (ALT, Key::Num3),
    (ALT, Key::Num5),
    (CTRL, Key::Z),
    (CTRL, Key::Y),
    (CTRL_SHIFT, Key::Z),
    (CTRL, Key::T),
    (CTRL, Key::G),
    (CTRL, Key::F),
    (CTRL, Key::E),
    (CTRL, Key::K),
    (CTRL, Key::Num0),
    (CTRL, Key::Plus),
    (CTRL, Key::Minus),
    (CTRL, Key::A),
    (CTRL, Key::S),
    (CTRL, Key::N),
    (CTRL, Key::O),
    (CTRL_SHIFT, Key::B),
    (CTRL_SHIFT, Key::W),
    (CTRL_SHIFT, Key::K),
    (CTRL_SHIFT, Key::V),
    (CTRL_SHIFT, Key::S),
];

/// Text a person or a hostile paste types.
const WORDS: &[&str] = &[
    "Calls the contact centre",
    "ñandú über café",
    "=HYPERLINK(\"x\")",
    "'Tis the season",
    "-2",
    "42",
    "  padded  ",
    "</script><script>alert(1)</script>",
    "a\tb\tc",
    "\u{202e}reversed\u{2069}",
    "🙂 emoji",
    "x",
    "",
    "مرحبا بالعميل",
];

/// Sheets a paste brings: good, bad and hostile.
const SHEETS: &[&str] = &[
    "id\tstage\ttitle\ntp-1\tUsage\tRenamed by paste\n",
    "stage\ttitle\tchannel\temotion\nUsage\tNew card\tFax\t-2\nAwareness\tAnother\tWeb\t1\n",
    "id\ttitle\ttitle\ntp-1\ta\tb\n",
    "id\tfail point\nst-1\tmaybe\n",
    "id\tlane\ttitle\nst-1\tBackstage\tRenamed step\n",
    "title\tfrom\tto\tkind\tseverity\nNew gap\ttp-1\ttp-2\tsystem-gap\thigh\n",
    "kind\ttext\nquote\t'Tis what they said\n",
    "one value",
    "\u{0}\u{1}binary",
    "a,b\n\"unclosed,\n",
];

/// Whether a node may be clicked: never a link, never quitting.
fn clickable(node: &egui_kittest::kittest::AccessKitNode<'_>) -> bool {
    use egui::accesskit::Role;
    let label = node.label().unwrap_or_default().to_lowercase();
    !matches!(
        node.role(),
        Role::Link | Role::Window | Role::GenericContainer
    ) && !label.contains("quit")
        && !label.contains("salir")
        && !label.contains("exit")
        && node.has_bounds()
}

/// One random thing a person does.
fn act(h: &mut Harness<'_, JourneyApp>, rng: &mut Rng) {
    match rng.below(100) {
        0..35 => {
            let (modifiers, key) = *rng.pick(KEYS);
            h.input_mut().events.extend(shortcut(modifiers, key));
        }
        35..50 => {
            let word = *rng.pick(WORDS);
            h.input_mut().events.extend(typing(word));
        }
        50..70 => {
            let targets: Vec<egui::Rect> = h
                .query_all(by().predicate(clickable))
                .map(|n| n.rect())
                .filter(|r| r.is_positive() && r.max.x < WINDOW.0 && r.max.y < WINDOW.1)
                .collect();
            if !targets.is_empty() {
                let at = rng.pick(&targets).center();
                click_at(h, at, PointerButton::Primary, rng.below(8) == 0);
            }
        }
        70..80 => {
            let at = rng.point();
            let button = if rng.below(5) == 0 {
                PointerButton::Secondary
            } else {
                PointerButton::Primary
            };
            click_at(h, at, button, rng.below(6) == 0);
        }
        80..88 => {
            let (from, to) = (rng.point(), rng.point());
            let events = &mut h.input_mut().events;
            events.push(Event::PointerMoved(from));
            events.push(pointer(from, PointerButton::Primary, true));
            h.step();
            for n in 1..=4 {
                let t = n as f32 / 4.0;
                h.input_mut()
                    .events
                    .push(Event::PointerMoved(from + (to - from) * t));
                h.step();
            }
            h.input_mut()
                .events
                .push(pointer(to, PointerButton::Primary, false));
        }
        88..94 => {
            let sheet = *rng.pick(SHEETS);
            h.input_mut().events.push(Event::Paste(sheet.to_owned()));
        }
        _ => {
            let at = rng.point();
            let delta = egui::vec2(0.0, rng.below(400) as f32 - 200.0);
            let events = &mut h.input_mut().events;
            events.push(Event::PointerMoved(at));
            events.push(Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta,
                phase: egui::TouchPhase::Move,
                modifiers: if delta.y > 150.0 { CTRL } else { NONE },
                source: egui::MouseWheelSource::Wheel,
            });
        }
    }
    h.step();
}

fn pointer(pos: Pos2, button: PointerButton, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button,
        pressed,
        modifiers: NONE,
    }
}

fn click_at(h: &mut Harness<'_, JourneyApp>, at: Pos2, button: PointerButton, double: bool) {
    let events = &mut h.input_mut().events;
    events.push(Event::PointerMoved(at));
    for _ in 0..if double { 2 } else { 1 } {
        events.push(pointer(at, button, true));
        events.push(pointer(at, button, false));
    }
}

/// The document saves and loads back as it is, and would open.
fn saves_and_loads_back(h: &Harness<'_, JourneyApp>, what: &str, at: usize) {
    let journey = h.state().journey();
    let findings = journeymap::format::validate(journey);
    assert!(
        findings.is_empty(),
        "{what}, event {at}: the map would not load: {findings:?}"
    );
    let text = journeymap::format::to_text(journey)
        .unwrap_or_else(|e| panic!("{what}, event {at}: cannot write: {e}"));
    let back = journeymap::format::parse(&text)
        .unwrap_or_else(|e| panic!("{what}, event {at}: does not read back: {e:?}"))
        .journey;
    assert_eq!(&back, journey, "{what}, event {at}: not what it holds");
}

fn events_per_map() -> usize {
    std::env::var("MONKEY_EVENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CI_EVENTS)
}

fn seed() -> u64 {
    std::env::var("MONKEY_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5eed_cafe)
}

/// `events` random events on the app showing `app`'s map.
fn run(app: JourneyApp, what: &str, events: usize, seed: u64) {
    let mut h = harness_sized(app, WINDOW.0, WINDOW.1);
    // A character no bundled face has is drawn as a box, as the app does outside
    // tests (the harness's own check would stop at it): the monkey looks for crashes.
    h.ctx
        .set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    let mut rng = Rng(seed | 1);
    for at in 1..=events {
        act(&mut h, &mut rng);
        if at % 20 == 0 {
            settle(&mut h);
        }
        if at % 500 == 0 {
            settle(&mut h);
            saves_and_loads_back(&h, what, at);
        }
    }
    settle(&mut h);
    saves_and_loads_back(&h, what, events);
}

fn copy(dir: &Path, name: &str) -> std::path::PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name);
    let path = dir.join(name);
    std::fs::copy(source, &path).unwrap();
    path
}

#[test]
fn the_monkey_on_the_examples_and_an_empty_map_breaks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let events = events_per_map();
    let mut seed = seed();
    for name in [
        "online-order-delivery-return.ron",
        "broadband-onboarding-planned-vs-actual.ron",
        "portabilidad-operador-movil.ron",
    ] {
        let file = copy(dir.path(), name);
        run(app_on_file(&file), name, events, seed);
        seed = seed.wrapping_add(1);
    }
    let (app, _) = app_with(Journey::new("", Language::En), Language::En);
    run(app, "an empty map", events, seed);
}

#[test]
fn the_monkey_on_a_thousand_cards_breaks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.ron");
    let journey = journeymap::generate::generate(1_000, 11);
    journeymap::format::save(&file, &journey).unwrap();
    run(
        app_on_file(&file),
        "1,000 cards",
        events_per_map() / 3,
        seed() ^ 0xbeef,
    );
}
