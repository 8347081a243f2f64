//! File ▸ Import event log… and View ▸ Data in the editor: a log measured on a worker,
//! its mapping reviewed and changed (Measure again), its numbers put on the map in one
//! undo step, shown on the cards, and saved.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use journeymap::interchange::eventlog::generate::{self, Order, Rates};
use journeymap::interchange::eventlog::read::LogFormat;

fn log_items(h: &egui_kittest::Harness<'_, journeymap::app::JourneyApp>) -> usize {
    h.state()
        .journey()
        .evidence
        .iter()
        .filter(|e| e.id.as_str().starts_with("ev-log-orders-"))
        .count()
}

#[test]
fn an_event_log_is_reviewed_remapped_and_put_on_the_map_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("journeys/online-order-delivery-return.ron"),
        &map,
    )
    .unwrap();
    let journey = journeymap::format::load(&map).unwrap().journey;
    let options = generate::Options {
        cases: 300,
        seed: 4,
        rates: Rates {
            ad_hoc: 0.5,
            drop: 0.3,
            ..Rates::default()
        },
        format: LogFormat::Csv,
        order: Order::Case,
    };
    let (log, truth) = generate::generate(&journey, &options).unwrap();
    let path = dir.path().join("orders.csv");
    std::fs::write(&path, log).unwrap();
    let helpline = truth
        .unmapped
        .iter()
        .find(|u| u.activity == "Called the helpline")
        .expect("the log has helpline calls")
        .events;

    let (app, dialogs) = app_on_file_with(&map, english());
    let mut h = harness(app);
    dialogs.answer(Some(path.clone()));
    click(&mut h, "File");
    h.get_by_label_contains("Import event log…").click();
    settle(&mut h);
    assert!(matches!(
        dialogs.asked().last(),
        Some(journeymap::app::DialogKind::OpenLog)
    ));
    // The review: what the log holds, and an ad hoc activity not in the map.
    assert!(h.query_by_label_contains("300 cases").is_some());
    assert!(h.query_by_label("Called the helpline").is_some());
    assert_eq!(log_items(&h), 0, "nothing is written before Put on the map");
    // The helpline is the live chat, says the team: measured again with that choice.
    pick(
        &mut h,
        "Called the helpline",
        "Ask live chat about sizing (tp-6)",
    );
    click(&mut h, "Measure again");
    click(&mut h, "Put on the map");
    let planned = journey.touchpoints.len() + journey.steps.len();
    assert_eq!(log_items(&h), planned);
    let chat = h
        .state()
        .journey()
        .evidence_item(&"ev-log-orders-tp-6".into())
        .unwrap()
        .clone();
    let reach = chat.metrics[0].value;
    let before = truth
        .elements
        .iter()
        .find(|e| e.reference == "tp-6")
        .unwrap();
    assert!(
        reach > before.share * 100.0 && helpline > 0,
        "the helpline's cases now reach the chat: {reach} % against {} %",
        before.share * 100.0
    );
    assert!(
        h.state()
            .journey()
            .touchpoint(&"tp-6".into())
            .unwrap()
            .evidence
            .contains(&chat.id)
    );
    // One undo step takes it all back, and redo brings it again.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(log_items(&h), 0);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(log_items(&h), planned);

    // View ▸ Data: each measured card says how many reached it.
    assert!(
        !painted_texts(&h)
            .iter()
            .any(|(t, _, _)| t.ends_with("% reached")),
        "off by default"
    );
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    let reached: Vec<String> = painted_texts(&h)
        .into_iter()
        .map(|(t, _, _)| t)
        .filter(|t| t.ends_with("% reached"))
        .collect();
    assert!(reached.len() >= 3, "{reached:?}");

    // Saved, the numbers are in the file.
    press(&mut h, Modifiers::COMMAND, Key::S);
    let saved = journeymap::format::load(&map).unwrap().journey;
    assert_eq!(
        saved
            .evidence
            .iter()
            .filter(|e| e.id.as_str().starts_with("ev-log-orders-"))
            .count(),
        planned
    );
}

#[test]
fn a_log_that_does_not_read_says_where_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("journeys/online-order-delivery-return.ron"),
        &map,
    )
    .unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "case,activity,timestamp\na,tp-1,2026-01-01\na,tp-2,soon\n",
    )
    .unwrap();
    let (app, dialogs) = app_on_file_with(&map, english());
    let mut h = harness(app);
    let before = h.state().journey().clone();
    dialogs.answer(Some(path));
    press(&mut h, Modifiers::COMMAND | Modifiers::ALT, Key::I);
    assert!(
        h.query_by_label_contains("bad.csv:3:8: \"soon\" is not a time")
            .is_some(),
        "the notice names the file, line and column"
    );
    assert_eq!(h.state().journey(), &before);
    assert!(!h.state().document().is_modified());
}
