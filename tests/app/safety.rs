//! Never lose work, driven through the real app loop: autosave within two seconds,
//! restore after a crash (a SIGKILLed binary is in the real-window suite), and files
//! changed or deleted on disk while open.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use journeymap::app::{
    AUTOSAVE_DELAY_SECS, Action, JourneyApp, Pending, ScriptedDialogs, Settings, Startup,
    ViewChange,
};
use journeymap::format;
use journeymap::model::*;
use std::path::{Path, PathBuf};

/// Lets `secs` of app time pass (each harness step is a quarter second): the disk
/// check runs on the frame's clock.
fn advance(h: &mut Harness<'_, JourneyApp>, secs: f64) {
    for _ in 0..((secs / 0.25).ceil() as usize) {
        h.step();
    }
    settle(h);
}

/// Waits for the autosave: it writes on its own clock, a second after the last edit,
/// whether or not frames run (polled, with a limit).
fn autosaved(h: &mut Harness<'_, JourneyApp>) {
    let start = std::time::Instant::now();
    while h.state().autosave_waiting() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "the autosave never happened"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    settle(h);
}

fn copy_example(dir: &Path) -> PathBuf {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let path = dir.join("journey.ron");
    std::fs::copy(source, &path).unwrap();
    path
}

/// The app on `file`, autosaving into `recovery`.
fn open(file: &Path, recovery: &Path) -> Harness<'static, JourneyApp> {
    let settings = Settings {
        language: Language::En,
        recent_files: Vec::new(),
        ..Settings::default()
    };
    let app = JourneyApp::start(Startup {
        file: Some(file.to_owned()),
        recovery_dir: Some(recovery.to_owned()),
        ..Startup::new(settings, Box::new(ScriptedDialogs::default()))
    });
    harness(app)
}

/// A fresh start of the app after a crash, looking for recovery files in `recovery`.
fn restarted(recovery: &Path) -> Harness<'static, JourneyApp> {
    let settings = Settings {
        language: Language::En,
        recent_files: Vec::new(),
        ..Settings::default()
    };
    let app = JourneyApp::start(Startup {
        journey: Some(Journey::new("", Language::En)),
        recovery_dir: Some(recovery.to_owned()),
        ..Startup::new(settings, Box::new(ScriptedDialogs::default()))
    });
    harness(app)
}

/// The recovery files (not the windows' lock files beside them).
fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

/// Makes the edits the crash tests recover: a new touchpoint titled "Recovered step".
fn make_edits(h: &mut Harness<'_, JourneyApp>) {
    add_card(h, "Recovered step");
}

/// Adds a card in Usage (Ctrl+Enter) and types its title in the inspector.
fn add_card(h: &mut Harness<'_, JourneyApp>, title: &str) {
    h.state()
        .act(Action::View(ViewChange::ActiveStage(Stage::Usage)));
    h.run();
    press(h, Modifiers::COMMAND, Key::Enter);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
        .type_text(title);
    h.run();
}

fn autosaved_last_edit(file: &Path) -> bool {
    std::fs::read_to_string(file).is_ok_and(|text| text.contains("Recovered step"))
}

fn assert_recovered(journey: &Journey) {
    let step = journey
        .touchpoints
        .iter()
        .find(|t| t.title == "Recovered step")
        .expect("the edit came back");
    assert_eq!(step.stage, Stage::Usage);
}

#[test]
fn autosave_within_two_seconds_and_restore_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let original = std::fs::read(&file).unwrap();
    {
        let mut h = open(&file, &recovery);
        make_edits(&mut h);
        const { assert!(AUTOSAVE_DELAY_SECS < 2.0) };
        autosaved(&mut h);
        let files = recovery_files(&recovery);
        assert_eq!(files.len(), 1, "autosaved within two seconds");
        assert!(
            autosaved_last_edit(&files[0]),
            "the autosave holds the last edit"
        );
        // The harness is dropped without saving: a crash, as far as the files know.
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        original,
        "autosave never touches the journey file"
    );

    let mut h = restarted(&recovery);
    assert!(h.query_by_label("Restore unsaved work?").is_some());
    assert!(
        h.query_by_label_contains("Touchpoints: 1 added, 0 removed, 0 changed")
            .is_some()
    );
    click(&mut h, "Restore");
    assert_recovered(h.state().journey());
    assert_eq!(h.state().document().path.as_deref(), Some(file.as_path()));
    assert!(h.state().document().is_modified());

    press(&mut h, Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(
        recovery_files(&recovery).is_empty(),
        "a clean save removes the recovery file"
    );
    assert_recovered(&format::load(&file).unwrap().journey);
}

#[test]
fn discarding_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let mut h = open(&file, &recovery);
    make_edits(&mut h);
    autosaved(&mut h);
    assert_eq!(recovery_files(&recovery).len(), 1);
    press(&mut h, Modifiers::COMMAND, Key::N);
    click(&mut h, "Don't save");
    settle(&mut h);
    assert!(recovery_files(&recovery).is_empty());
}

fn rewrite_title(file: &Path, title: &str) {
    let mut journey = format::load(file).unwrap().journey;
    journey.title = title.to_owned();
    format::save(file, &journey).unwrap();
}

#[test]
fn an_outside_change_reloads_a_clean_document_and_asks_when_there_are_edits() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let mut h = open(&file, &recovery);

    // No unsaved edits: theirs is taken at once, and said so.
    rewrite_title(&file, "Changed by git pull");
    advance(&mut h, 1.5);
    assert_eq!(h.state().journey().title, "Changed by git pull");
    assert!(h.query_by_label_contains("Reloaded").is_some());

    // With unsaved edits: ask.
    make_edits(&mut h);
    rewrite_title(&file, "Changed again");
    advance(&mut h, 1.5);
    assert!(h.query_by_label("The file changed on disk").is_some());
    click(&mut h, "See what changed");
    assert!(
        h.query_by_label_contains("Touchpoints: 1 added, 0 removed, 0 changed")
            .is_some()
    );
    click(&mut h, "Keep mine");
    assert_recovered(h.state().journey());
    assert_eq!(h.state().journey().title, "Changed by git pull");
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert_recovered(&format::load(&file).unwrap().journey);

    // Reload theirs drops mine.
    make_edits(&mut h);
    rewrite_title(&file, "Theirs wins");
    advance(&mut h, 1.5);
    click(&mut h, "Reload theirs");
    assert_eq!(h.state().journey().title, "Theirs wins");
    assert!(!h.state().document().is_modified());
}

#[test]
fn saving_over_a_newer_file_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let mut h = open(&file, &recovery);
    make_edits(&mut h);
    rewrite_title(&file, "Newer on disk");
    press(&mut h, Modifiers::COMMAND, Key::S); // before the periodic check notices
    assert!(h.query_by_label("The file changed on disk").is_some());
    assert_eq!(
        format::load(&file).unwrap().journey.title,
        "Newer on disk",
        "not overwritten yet"
    );
    click(&mut h, "Save mine over it");
    let saved = format::load(&file).unwrap().journey;
    assert_recovered(&saved);
    assert_eq!(saved.title, "Online order, delivery and return");
}

#[test]
fn a_deleted_file_is_reported_and_save_writes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let mut h = open(&file, &recovery);
    std::fs::remove_file(&file).unwrap();
    advance(&mut h, 1.5);
    assert!(h.query_by_label("The file is gone").is_some());
    click(&mut h, "Dismiss");
    assert_eq!(
        h.state().journey().title,
        "Online order, delivery and return"
    );
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(format::load(&file).is_ok());
}

#[test]
fn a_file_with_conflict_markers_is_refused_and_the_map_stays() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let mut h = open(&file, &recovery);
    let conflicted = dir.path().join("conflicted.ron");
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "    title: \"Online order, delivery and return\",\n",
        "<<<<<<< HEAD\n    title: \"Ours\",\n=======\n    title: \"Theirs\",\n>>>>>>> branch\n",
        1,
    );
    std::fs::write(&conflicted, text).unwrap();
    h.state()
        .act(Action::Request(Pending::OpenPath(conflicted.clone())));
    settle(&mut h);
    assert_eq!(
        h.state().journey().title,
        "Online order, delivery and return"
    );
    // The failure view names the file and the conflict's line; Back returns to the map.
    assert!(h.query_by_label("Cannot open “conflicted.ron”").is_some());
    assert!(h.query_by_label("line 3, column 1:").is_some());
    assert!(
        h.query_by_label_contains("unresolved merge conflict marker")
            .is_some()
    );
    click(&mut h, "Back to “journey.ron”");
    assert!(h.state().load_failure().is_none());
    assert_eq!(h.state().document().path.as_deref(), Some(file.as_path()));
}

#[test]
fn a_recovery_file_left_by_a_dead_process_is_offered_when_starting_on_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let mut journey = format::load(&file).unwrap().journey;
    journey.title = "Hand-made recovery".to_owned();
    // Written by a window that then died: its slot's lock goes with it.
    let dead = journeymap::session::recovery::Slot::claim(&recovery_dir).unwrap();
    dead.write(&journeymap::session::recovery::Recovery {
        path: Some(file.clone()),
        autosaved_unix_secs: 1_700_000_000,
        window_started_unix_secs: 1_699_990_000,
        pid: 1, // a live process: liveness is the lock, not the pid
        journey,
        room_notes: Vec::new(),
    })
    .unwrap();
    drop(dead);
    let mut h = open(&file, &recovery_dir);
    assert!(h.query_by_label("Restore unsaved work?").is_some());
    send(&mut h, shortcut(Modifiers::NONE, Key::Enter), 1);
    assert_eq!(h.state().journey().title, "Hand-made recovery");
    assert_eq!(h.state().document().path.as_deref(), Some(file.as_path()));
    assert!(h.state().document().is_modified());
}

/// The recovery files' text, all together.
fn recovery_text(dir: &Path) -> String {
    recovery_files(dir)
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_default())
        .collect()
}

#[test]
fn two_windows_on_one_file_each_keep_their_own_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let mut a = open(&file, &recovery);
    assert!(
        a.query_by_label_contains("also open in another journeymap window")
            .is_none()
    );
    let mut b = open(&file, &recovery);
    // The second window says so, and stays editable; Esc dismisses the notice.
    assert!(
        b.query_by_label_contains("also open in another journeymap window")
            .is_some()
    );
    press(&mut b, Modifiers::NONE, Key::Escape);
    assert!(
        b.query_by_label_contains("also open in another journeymap window")
            .is_none()
    );
    add_card(&mut a, "Card from window A");
    add_card(&mut b, "Card from window B");
    autosaved(&mut a);
    autosaved(&mut b);
    assert_eq!(recovery_files(&recovery).len(), 2, "one recovery a window");
    // B saves: its recovery goes, A's unsaved card stays recoverable.
    press(&mut b, Modifiers::COMMAND, Key::S);
    settle(&mut b);
    let text = recovery_text(&recovery);
    assert!(text.contains("Card from window A"), "{text}");
    assert!(!text.contains("Card from window B"));
    drop(b);
    drop(a); // A ends without saving
    let mut h = restarted(&recovery);
    assert!(h.query_by_label("Restore unsaved work?").is_some());
    click(&mut h, "Restore");
    assert!(
        h.state()
            .journey()
            .touchpoints
            .iter()
            .any(|t| t.title == "Card from window A")
    );
}

#[test]
fn both_windows_lost_both_are_offered_and_one_restored_leaves_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let file = copy_example(dir.path());
    {
        let mut a = open(&file, &recovery);
        let mut b = open(&file, &recovery);
        add_card(&mut a, "Card from window A");
        add_card(&mut b, "Card from window B");
        autosaved(&mut a);
        autosaved(&mut b);
    }
    let mut first = restarted(&recovery);
    assert_eq!(
        first.query_all_by_label("Restore").count(),
        2,
        "both offered"
    );
    assert!(
        first
            .query_all_by_label_contains("Touchpoints: 1 added, 0 removed, 0 changed")
            .count()
            == 2
    );
    press(&mut first, Modifiers::NONE, Key::Enter); // restores one
    let restored = first.state().journey().clone();
    // A second window started meanwhile offers only the other one.
    let mut second = restarted(&recovery);
    assert_eq!(second.query_all_by_label("Restore").count(), 1);
    click(&mut second, "Restore");
    let titles = |j: &Journey| -> Vec<String> {
        j.touchpoints
            .iter()
            .filter(|t| t.title.starts_with("Card from window"))
            .map(|t| t.title.clone())
            .collect()
    };
    let mut both = titles(&restored);
    both.extend(titles(second.state().journey()));
    both.sort();
    assert_eq!(both, ["Card from window A", "Card from window B"]);
}

#[test]
fn the_restore_prompt_names_every_kind_that_differs() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let mut journey = format::load(&file).unwrap().journey;
    journey.scenario.push_str(" (revised)");
    journey.grey_areas.pop();
    journey.evidence[0].text.push_str(" — and more");
    let dead = journeymap::session::recovery::Slot::claim(&recovery_dir).unwrap();
    dead.write(&journeymap::session::recovery::Recovery {
        path: Some(file.clone()),
        autosaved_unix_secs: 1_700_000_000,
        window_started_unix_secs: 1_699_990_000,
        pid: 0,
        journey,
        room_notes: Vec::new(),
    })
    .unwrap();
    drop(dead);
    let h = restarted(&recovery_dir);
    let summary = "title, persona or scenario; Grey areas: 0 added, 1 removed, 0 changed; \
                   Evidence: 0 added, 0 removed, 1 changed";
    assert!(
        h.query_by_label_contains(summary).is_some(),
        "the prompt says what differs besides touchpoints"
    );
}

#[test]
fn two_recoveries_of_one_file_say_what_each_holds_and_when_its_window_opened() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    let file = copy_example(dir.path());
    let base = format::load(&file).unwrap().journey;
    for (card, opened_minutes) in [
        ("Card from the morning window", 90),
        ("Card from the afternoon window", 7),
    ] {
        let mut journey = base.clone();
        let id = journey.next_touchpoint_id();
        Edit::add_touchpoint(&journey, Touchpoint::new(id, Stage::Usage, card))
            .apply(&mut journey)
            .unwrap();
        let slot = journeymap::session::recovery::Slot::claim(&recovery_dir).unwrap();
        slot.write(&journeymap::session::recovery::Recovery {
            path: Some(file.clone()),
            autosaved_unix_secs: 1_700_000_000,
            window_started_unix_secs: 1_700_000_000 - opened_minutes * 60,
            pid: 0,
            journey,
            room_notes: Vec::new(),
        })
        .unwrap();
        drop(slot);
    }
    let h = restarted(&recovery_dir);
    for words in [
        "It holds: “Card from the morning window”",
        "It holds: “Card from the afternoon window”",
        "Its window had been open 90 minutes",
        "Its window had been open 7 minutes",
    ] {
        assert!(h.query_by_label_contains(words).is_some(), "{words}");
    }
}
