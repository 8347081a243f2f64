//! The editor, driven like a person would: click by label, type, pick from combo boxes,
//! Shift+click, drag a card, press shortcuts; then save through Ctrl+S and check the
//! file on disk.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::app::{DialogKind, JourneyApp, ScriptedDialogs, Startup};
use journeymap::format;
use journeymap::model::*;

const STAGES: [(&str, &str); 6] = [
    ("Awareness", "Sees a billboard"),
    ("Interest", "Compares plans online"),
    ("Consideration", "Visits the store"),
    ("Action", "Signs the contract"),
    ("Usage", "Calls support"),
    ("Advocacy", "Posts a review"),
];

#[test]
fn build_a_map_save_it_and_load_it_back() {
    let (app, dialogs) = app_with(Journey::new("Workshop", Language::En), Language::En);
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::Num0); // fit the whole (empty) map

    // A touchpoint in each of the six stages: the "+" of the stage, then type its title.
    for (stage, title) in STAGES {
        press(&mut h, Modifiers::COMMAND, Key::Num0); // the map grows: fit it again
        click(&mut h, &format!("Add touchpoint to {stage}"));
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
            .type_text(title);
        h.run();
    }
    let journey = h.state().journey().clone();
    let titles: Vec<(&str, Stage)> = journey
        .touchpoints
        .iter()
        .map(|t| (t.title.as_str(), t.stage))
        .collect();
    let expected: Vec<(&str, Stage)> = STAGES
        .iter()
        .zip(Stage::ALL)
        .map(|((_, title), stage)| (*title, *stage))
        .collect();
    assert_eq!(titles, expected);

    // Channel, department and emotion of "Calls support" (still selected: the last one added
    // was "Posts a review", so select "Calls support" on the canvas).
    click(&mut h, "Calls support");
    pick(&mut h, "Channel", "Phone / contact centre");
    pick(&mut h, "Department", "Customer service");
    click(&mut h, "−2");
    type_into(&mut h, "Emotion word", "furious");
    let support = h
        .state()
        .journey()
        .touchpoint(&"tp-5".into())
        .unwrap()
        .clone();
    assert_eq!(support.channel, Some(ChannelId::new("phone")));
    assert_eq!(support.department, Some(DepartmentId::new("service")));
    assert_eq!(
        support.emotion,
        Some(Emotion {
            score: -2,
            word: "furious".into()
        })
    );

    // New evidence on "Calls support", then link the same evidence to "Posts a review".
    click(&mut h, "New evidence");
    type_into(&mut h, "Quote, finding or note", "Transferred three times");
    click(&mut h, "Posts a review");
    pick(&mut h, "Link evidence", "Quote: Transferred three times");
    let journey = h.state().journey().clone();
    assert_eq!(journey.evidence.len(), 1);
    assert_eq!(journey.evidence[0].text, "Transferred three times");
    assert_eq!(
        journey.touchpoint(&"tp-5".into()).unwrap().evidence,
        vec![EvidenceId::new("ev-1")]
    );
    assert_eq!(
        journey.touchpoint(&"tp-6".into()).unwrap().evidence,
        vec![EvidenceId::new("ev-1")]
    );

    // Mark a grey area: click one card, Shift+click the other, Ctrl+G.
    click(&mut h, "Signs the contract");
    h.get_by_label("Calls support")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::G);
    let grey = h
        .state()
        .journey()
        .grey_areas
        .first()
        .cloned()
        .expect("a grey area");
    assert_eq!((grey.from.as_str(), grey.to.as_str()), ("tp-4", "tp-5"));
    assert_eq!(
        grey.kind,
        GreyAreaKind::DepartmentHandoff,
        "service differs from none"
    );

    // Drag "Sees a billboard" onto the Consideration stage, after "Visits the store".
    let from = h.get_by_label("Sees a billboard").rect().center();
    let store = h.get_by_label("Visits the store").rect();
    let target = store.center() + egui::vec2(store.width() * 0.3, 0.0); // right half: after it
    h.drag_at(from);
    h.run();
    for step in 1..=5 {
        h.hover_at(from + (target - from) * (step as f32 / 5.0));
        h.run();
    }
    h.drop_at(target);
    h.run();
    let moved = h
        .state()
        .journey()
        .touchpoint(&"tp-1".into())
        .unwrap()
        .clone();
    assert_eq!(moved.stage, Stage::Consideration);
    let consideration: Vec<&str> = h
        .state()
        .journey()
        .touchpoints_in(Stage::Consideration)
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(consideration, ["Visits the store", "Sees a billboard"]);

    // Save with Ctrl+S: an untitled journey asks where (the stand-in answers).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    dialogs.answer(Some(path.clone()));
    assert!(h.state().document().is_modified());
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogKind::SaveJourney { .. })
    ));
    assert!(!h.state().document().is_modified());
    assert!(
        h.state()
            .window_title()
            .contains(" — workshop.ron — journeymap")
            && !h.state().window_title().starts_with('●'),
        "{}",
        h.state().window_title()
    );

    let saved = format::load(&path).unwrap().journey;
    assert_eq!(&saved, h.state().journey());
    assert_eq!(saved.touchpoints.len(), 6);
    assert_eq!(
        saved.touchpoint(&"tp-1".into()).unwrap().stage,
        Stage::Consideration
    );
    assert_eq!(saved.grey_areas.len(), 1);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("title: \"Calls support\""));
    assert!(text.contains("word: \"furious\""));
}

#[test]
fn a_malformed_file_gets_its_own_view_and_back_keeps_the_open_map() {
    let (app, dialogs) = app_with(Journey::new("Keep me", Language::En), Language::En);
    let mut h = harness(app);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let broken = "Journey(\n    version: 1,\n    title: 42,\n)\n";
    std::fs::write(&path, broken).unwrap();
    dialogs.answer(Some(path.clone()));
    press(&mut h, Modifiers::COMMAND, Key::O);
    assert!(h.query_by_label("Cannot open “broken.ron”").is_some());
    assert!(h.query_by_label("line 3, column 12:").is_some());
    assert!(h.query_by_label_contains("Expected string").is_some());
    assert!(
        h.state()
            .window_title()
            .starts_with("broken.ron (cannot open)")
    );
    // Nothing saves while the failure is shown: no file written, no dialog asked.
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert_eq!(dialogs.asked().len(), 1, "only the Open dialog");
    click(&mut h, "Back to “Untitled”");
    assert!(h.state().load_failure().is_none());
    assert_eq!(h.state().journey().title, "Keep me");
}

#[test]
fn a_conflicted_file_at_start_shows_its_errors_and_loads_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("conflicted.ron");
    let good = journeymap::format::to_text(&Journey::new("Fixed", Language::En)).unwrap();
    let conflicted = good.replace(
        "    title: \"Fixed\",\n",
        "<<<<<<< ours\n    title: \"Ours\",\n=======\n    title: \"Theirs\",\n>>>>>>> theirs\n",
    );
    std::fs::write(&path, &conflicted).unwrap();
    let app = app_on_file(&path);
    let mut h = harness(app);
    let failure = h.state().load_failure().expect("the failure view");
    assert_eq!(failure.path, path);
    assert_eq!(failure.diagnostics.len(), 1, "{:?}", failure.diagnostics);
    assert!(!failure.can_go_back, "no way back to the bundled example");
    assert!(h.query_by_label("Cannot open “conflicted.ron”").is_some());
    assert!(h.query_by_label("line 3, column 1:").is_some());
    // No map is described behind it: no panels, no counts of the bundled example.
    assert!(h.query_by_label_contains("Add to Goals").is_none());
    assert!(h.query_by_label_contains("touchpoints,").is_none());

    std::fs::write(&path, &good).unwrap();
    // The watch sees the fix (a notification, or the poll within a quarter second)
    // and the file loads; frames run until it has, however busy the machine.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while h.state().load_failure().is_some() && std::time::Instant::now() < deadline {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    settle(&mut h);
    assert!(h.state().load_failure().is_none(), "reloaded by itself");
    assert_eq!(h.state().journey().title, "Fixed");
    assert_eq!(h.state().document().path.as_deref(), Some(path.as_path()));
}

#[test]
fn without_system_dialogs_the_builtin_picker_opens_a_journey() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("picked.ron");
    journeymap::format::save(&path, &Journey::new("Picked", Language::En)).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a journey").unwrap();
    let app = JourneyApp::start(Startup {
        journey: Some(Journey::new("Start", Language::En)),
        recovery_dir: Some(test_recovery_dir()),
        ..Startup::new(english(), Box::new(ScriptedDialogs::unavailable()))
    });
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::O);
    assert!(h.state().file_picker_open());
    assert!(h.query_by_label_contains("No system file dialog").is_some());
    let folder = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Folder");
    folder.focus();
    h.run();
    // Select all and replace the folder with the temp folder, then Enter.
    send(&mut h, shortcut(Modifiers::COMMAND, Key::A), 1);
    send(&mut h, typing(&format!("{}\n", dir.path().display())), 64);
    assert!(h.query_by_label("sub/").is_some(), "folders are listed");
    assert!(h.query_by_label("picked.ron").is_some());
    assert!(
        h.query_by_label("notes.txt").is_none(),
        "other kinds are not"
    );
    click(&mut h, "picked.ron");
    click(&mut h, "Open");
    assert!(!h.state().file_picker_open());
    assert_eq!(h.state().journey().title, "Picked");
    assert_eq!(h.state().document().path.as_deref(), Some(path.as_path()));
}

#[test]
fn unsaved_changes_ask_before_a_new_journey() {
    let (app, _dialogs) = app_with(Journey::new("Draft", Language::En), Language::En);
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::Enter); // add a touchpoint
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
        .type_text("Unsaved step");
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::N);
    assert!(h.query_by_label("Save your changes?").is_some());
    click(&mut h, "Cancel");
    assert_eq!(h.state().journey().touchpoints[0].title, "Unsaved step");

    press(&mut h, Modifiers::COMMAND, Key::N);
    click(&mut h, "Don't save");
    assert!(h.state().journey().touchpoints.is_empty());
    assert_eq!(h.state().journey().title, "Untitled journey");
}

#[test]
fn undo_names_the_step_and_redo_returns_it() {
    let (app, _dialogs) = app_with(Journey::new("Undo", Language::En), Language::En);
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
        .type_text("Checkout");
    h.run();
    click(&mut h, "Edit");
    let entries: Vec<String> = h
        .query_all_by_label_contains("Undo")
        .map(|n| format!("{:?}", n.accesskit_node().label()))
        .collect();
    assert!(
        h.query_by_label_contains("Undo: edit touchpoint").is_some(),
        "typing the title is one step: {entries:?}"
    );
    press(&mut h, Modifiers::NONE, Key::Escape);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().journey().touchpoints[0].title, "");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().journey().touchpoints.is_empty());
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(h.state().journey().touchpoints[0].title, "Checkout");
}

#[test]
fn export_png_from_the_app_with_options() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let journey = format::load(&path).unwrap().journey;
    let (app, dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness(app);
    let dir = tempfile::tempdir().unwrap();
    let picture = dir.path().join("map.png");

    press(&mut h, Modifiers::COMMAND, Key::E);
    click(&mut h, "Transparent background");
    dialogs.answer(Some(picture.clone()));
    click(&mut h, "Choose file…");
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogKind::SavePicture { .. })
    ));
    let image = image::load_from_memory(&std::fs::read(&picture).unwrap())
        .unwrap()
        .to_rgba8();
    let page = journeymap::export::compose(&journey, &Default::default());
    assert_eq!(image.width(), page.width.ceil() as u32);
    assert_eq!(image.get_pixel(1, 1).0[3], 0, "transparent, as chosen");
    assert!(h.query_by_label_contains("Exported").is_some());

    // The same through the File menu, as SVG.
    let vector = dir.path().join("map.svg");
    click(&mut h, "File");
    h.get_by_label_contains("Export SVG…").click();
    h.run();
    dialogs.answer(Some(vector.clone()));
    click(&mut h, "Choose file…");
    assert!(
        std::fs::read_to_string(&vector)
            .unwrap()
            .contains("Online order, delivery and return")
    );
}

#[test]
fn an_exports_warnings_reach_the_status_bar() {
    // A photo outside the journey's folder is left out of the published page: the
    // app says so, as the command line does.
    let dir = tempfile::tempdir().unwrap();
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let mut journey = format::load(&source).unwrap().journey;
    journey.evidence[0].attachments = vec!["photos/missing.jpg".into()];
    let file = dir.path().join("map.ron");
    format::save(&file, &journey).unwrap();
    let (app, dialogs) = app_on_file_with(&file, english());
    let mut h = harness(app);
    let page = dir.path().join("map.html");
    h.state().act(journeymap::app::Action::Export(
        journeymap::app::ExportRequest {
            format: journeymap::export::Format::Html,
            options: Default::default(),
        },
    ));
    dialogs.answer(Some(page.clone()));
    settle(&mut h);
    assert!(page.exists());
    let notice = format!("{:?}", h.state().workspace().notice);
    assert!(notice.contains("photo photos/missing.jpg"), "{notice}");
    assert!(
        h.query_by_label_contains("photo photos/missing.jpg")
            .is_some(),
        "the warning is shown: {notice}"
    );
}

#[test]
fn the_last_letter_before_esc_in_the_same_frame_is_kept() {
    let (app, _dialogs) = app_with(Journey::new("Esc", Language::En), Language::En);
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::Enter); // a new card, its title focused
    let mut events = typing("Inspector edit");
    events.extend(shortcut(Modifiers::NONE, Key::Escape));
    send(&mut h, events, usize::MAX);
    assert_eq!(h.state().journey().touchpoints[0].title, "Inspector edit");
}

#[test]
fn keys_after_esc_in_the_same_frame_reach_the_map() {
    let (app, _dialogs) = app_with(Journey::new("Esc", Language::En), Language::En);
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::Enter); // a new card, its title focused
    let mut events = typing("First");
    events.extend(shortcut(Modifiers::NONE, Key::Escape)); // leave the field
    events.extend(shortcut(Modifiers::NONE, Key::N)); // then N starts a card
    events.extend(typing("Second"));
    send(&mut h, events, usize::MAX);
    let titles: Vec<&str> = h
        .state()
        .journey()
        .touchpoints
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(titles, vec!["First", "Second"]);
}
