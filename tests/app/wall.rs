//! The wall layout in the real app: a whole example readable at 1280×720, cards that
//! click and drag in their grid, the choice remembered per file; and the export window's
//! choices (format, page, layout) written and remembered.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::app::{JourneyApp, Settings};
use journeymap::layout::Arrangement;
use journeymap::model::*;
use std::path::{Path, PathBuf};

fn example_on_file(dir: &Path) -> (PathBuf, Journey) {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let path = dir.join("journey.ron");
    std::fs::copy(&source, &path).unwrap();
    let journey = journeymap::format::load(&path).unwrap().journey;
    (path, journey)
}

#[test]
fn the_wall_at_1280x720_shows_every_card_with_titles_of_12_px_or_more() {
    let dir = tempfile::tempdir().unwrap();
    let (path, journey) = example_on_file(dir.path());
    let mut h = harness_sized(app_on_file(&path), 1280.0, 720.0);
    // The timeline fitted to this window shows a few stages at a time.
    let canvas = h.state().canvas_rect().unwrap();
    let on_screen = |h: &Harness<'_, JourneyApp>| {
        let canvas = h.state().canvas_rect().unwrap();
        journey
            .touchpoints
            .iter()
            .filter(|tp| {
                painted_texts(h).iter().any(|(text, size, rect)| {
                    text == &tp.title && *size >= 12.0 && canvas.contains_rect(*rect)
                })
            })
            .count()
    };
    assert!(
        on_screen(&h) < journey.touchpoints.len(),
        "timeline: {}",
        on_screen(&h)
    );

    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::H); // both panels away
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::W); // the wall
    assert_eq!(h.state().workspace().arrangement, Arrangement::Wall);
    let canvas_now = h.state().canvas_rect().unwrap();
    assert!(canvas_now.width() > canvas.width());
    // Every card's title is painted inside the canvas at 12 px or more.
    let texts = painted_texts(&h);
    for tp in &journey.touchpoints {
        let title = texts
            .iter()
            .find(|(text, _, _)| text == &tp.title)
            .unwrap_or_else(|| panic!("{:?} is not painted", tp.title));
        assert!(title.1 >= 12.0, "{:?} at {} px", tp.title, title.1);
        assert!(
            canvas_now.contains_rect(title.2),
            "{:?} at {:?} is outside {canvas_now:?}",
            tp.title,
            title.2
        );
    }
    assert_eq!(on_screen(&h), journey.touchpoints.len());

    // Again: back to the timeline, in the same place as before.
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::W);
    assert_eq!(h.state().workspace().arrangement, Arrangement::Timeline);
}

#[test]
fn wall_cards_click_and_drag_in_their_grid_and_the_wall_is_remembered_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = example_on_file(dir.path());
    let mut h = harness_sized(app_on_file(&path), 1280.0, 720.0);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::H);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::W);

    click(&mut h, "Checkout form");
    assert_eq!(
        h.state().workspace().selection,
        vec![ElementId::Touchpoint("tp-7".into())]
    );

    // Drag "Checkout form" (Action) below the last card of Usage: it becomes the last
    // touchpoint of Usage.
    let usage = h.state().journey().touchpoints_in(Stage::Usage);
    let last = usage.last().unwrap().title.clone();
    let count = usage.len();
    let from = h.get_by_label("Checkout form").rect().center();
    let below = h.get_by_label(&last).rect();
    let target = egui::pos2(below.center().x, below.bottom() + below.height() * 0.6);
    h.drag_at(from);
    h.run();
    for step in 1..=5 {
        h.hover_at(from + (target - from) * (step as f32 / 5.0));
        h.run();
    }
    h.drop_at(target);
    h.run();
    let usage: Vec<String> = h
        .state()
        .journey()
        .touchpoints_in(Stage::Usage)
        .iter()
        .map(|t| t.title.clone())
        .collect();
    assert_eq!(usage.len(), count + 1);
    assert_eq!(usage.last().map(String::as_str), Some("Checkout form"));

    // The choice is a view setting for this file, not part of the journey.
    let settings: Settings = h.state().settings().clone();
    assert_eq!(settings.arrangement_for(Some(&path)), Arrangement::Wall);
    press(&mut h, Modifiers::COMMAND, Key::S);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(!saved.contains("Wall"), "the layout is not in the journey");

    // Opened again with those settings: the wall. Another file: the timeline.
    let (app, _) = app_on_file_with(&path, settings.clone());
    let h = harness_sized(app, 1280.0, 720.0);
    assert_eq!(h.state().workspace().arrangement, Arrangement::Wall);
    let other = dir.path().join("other.ron");
    std::fs::copy(&path, &other).unwrap();
    let (app, _) = app_on_file_with(&other, settings);
    let h = harness_sized(app, 1280.0, 720.0);
    assert_eq!(h.state().workspace().arrangement, Arrangement::Timeline);
}

#[test]
fn the_export_window_writes_an_a3_pdf_poster_and_remembers_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = example_on_file(dir.path());
    let (app, dialogs) = app_on_file_with(
        &path,
        Settings {
            language: Language::En,
            ..Settings::default()
        },
    );
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::E);
    click(&mut h, "PDF");
    pick(&mut h, "Page", "A3");
    pick(&mut h, "Layout", "Wall");
    let pdf = dir.path().join("poster.pdf");
    dialogs.answer(Some(pdf.clone()));
    click(&mut h, "Choose file…");
    assert!(h.query_by_label_contains("Exported").is_some());
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    assert!(info.contains("(A3)"), "{info}");

    // The same choices next time, in this run and the next.
    let remembered = h.state().settings().export;
    assert_eq!(remembered.format, journeymap::export::Format::Pdf);
    assert_eq!(
        remembered.options.paper.map(|p| p.size),
        Some(journeymap::export::PageSize::A3)
    );
    assert_eq!(remembered.options.layout, Some(Arrangement::Wall));
    let page = |h: &Harness<'_, JourneyApp>| {
        h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Page")
            .accesskit_node()
            .value()
    };
    press(&mut h, Modifiers::COMMAND, Key::E);
    assert_eq!(
        page(&h).as_deref(),
        Some("A3"),
        "the page is chosen already"
    );
    let (app, _) = app_on_file_with(&path, h.state().settings().clone());
    let mut again = harness(app);
    press(&mut again, Modifiers::COMMAND, Key::E);
    assert_eq!(page(&again).as_deref(), Some("A3"));
}

#[test]
fn slides_from_the_export_window_are_numbered_pngs() {
    let dir = tempfile::tempdir().unwrap();
    let (path, journey) = example_on_file(dir.path());
    let (app, dialogs) = app_on_file_with(
        &path,
        Settings {
            language: Language::En,
            ..Settings::default()
        },
    );
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::E);
    click(&mut h, "Slides (16:9): an overview and a page per stage");
    let deck = dir.path().join("deck.png");
    dialogs.answer(Some(deck.clone()));
    click(&mut h, "Choose file…");
    let stages = Stage::ALL
        .iter()
        .filter(|s| !journey.stage_range(**s).is_empty())
        .count();
    // The overview, the grey areas, a page per stage: the deck the library composes.
    let options = journeymap::export::ExportOptions {
        slides: true,
        ..Default::default()
    };
    let pages = journeymap::export::compose_slides(&journey, &options).len();
    assert!(pages >= stages + 2, "{pages} pages for {stages} stages");
    for n in 1..=pages {
        let image = image::open(dir.path().join(format!("deck-{n:02}.png"))).unwrap();
        assert_eq!((image.width(), image.height()), (1920, 1080));
    }
    assert!(
        !dir.path()
            .join(format!("deck-{:02}.png", pages + 1))
            .exists()
    );
}

#[test]
fn the_export_window_writes_the_journeys_data_for_other_tools() {
    let dir = tempfile::tempdir().unwrap();
    let (path, journey) = example_on_file(dir.path());
    let (app, dialogs) = app_on_file_with(
        &path,
        Settings {
            language: Language::En,
            ..Settings::default()
        },
    );
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::E);
    click(&mut h, "Mermaid");
    // A diagram has no page, layout or scale to choose.
    assert!(h.query_by_label("Page").is_none());
    let diagram = dir.path().join("map.mmd");
    dialogs.answer(Some(diagram.clone()));
    click(&mut h, "Choose file…");
    let text = std::fs::read_to_string(&diagram).unwrap();
    assert_eq!(text, journeymap::interchange::mermaid::to_mermaid(&journey));

    press(&mut h, Modifiers::COMMAND, Key::E);
    click(&mut h, "CSV");
    let sheet = dir.path().join("touchpoints.csv");
    dialogs.answer(Some(sheet.clone()));
    click(&mut h, "Choose file…");
    let rows = std::fs::read_to_string(&sheet).unwrap();
    assert!(rows.starts_with("id,stage,phase,stage label,position,title"));
    assert!(rows.contains("Checkout form"));
}
