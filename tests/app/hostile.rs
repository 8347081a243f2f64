//! Hostile files in the editor: a pasted log of megabytes in a field, thousands of
//! errors, a Windows checkout's CRLF file.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::app::JourneyApp;
use journeymap::generate::hostile;
use journeymap::model::*;

#[test]
fn a_ten_megabyte_title_is_shown_cut_and_can_be_shortened_in_one_undoable_step() {
    let journey = hostile::with_huge_field(12, 10_000_000, 3);
    let id = journey.touchpoints[0].id.clone();
    let (app, _) = app_with(journey, Language::En);
    app.act(journeymap::app::Action::View(
        journeymap::app::ViewChange::Select(vec![ElementId::Touchpoint(id.clone())]),
    ));
    let mut h = harness(app);
    // The inspector shows the start and the size, not a field of 10 MB.
    assert!(
        h.query_by_label_contains("MB of text: too large to edit here")
            .is_some()
    );
    // The card's title on the canvas is cut to its lines; every name is bounded.
    let name = h.state().journey().touchpoints[0].name();
    assert!(name.chars().count() <= NAME_CHARS + 1 && name.ends_with('…'));

    click(&mut h, "Shorten to the first 2000 characters");
    let title = &h.state().journey().touchpoints[0].title;
    assert_eq!(title.chars().count(), 2_000);
    assert!(title.starts_with("2026-11-01T09:14:03Z ERROR checkout"));
    // Now an ordinary field: edited as any other.
    assert!(
        h.query_by_label_contains("too large to edit here")
            .is_none()
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().journey().touchpoints[0].title.len() >= 10_000_000);
}

#[test]
fn thousands_of_errors_are_counted_and_the_first_ones_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let mut journey = journeymap::generate::generate(100, 5);
    hostile::add_errors(&mut journey, 5_000);
    std::fs::write(&path, journeymap::format::to_text(&journey).unwrap()).unwrap();
    let mut h = harness(app_on_file(&path));
    let failure = h.state().load_failure().expect("the failure view");
    assert_eq!(failure.diagnostics.len(), 5_000);
    assert!(h.query_by_label("5000 errors").is_some());
    let listed = h.query_all_by_label_contains("line ").count();
    assert_eq!(listed, journeymap::session::Failure::MAX_LISTED);
    assert!(
        h.query_by_label_contains("and 4800 more: `journeymap check")
            .is_some()
    );
    h.run();
}

#[test]
fn a_long_error_notice_stays_one_line() {
    let (app, _) = app_with(Journey::new("Notices", Language::En), Language::En);
    let long = format!("first line {}\nsecond\nthird", "x".repeat(5_000));
    app.act(journeymap::app::Action::View(
        journeymap::app::ViewChange::Notice(Some(journeymap::app::Notice::Error(long))),
    ));
    let h = harness(app);
    let node = h.query_by_label_contains("first line").expect("the notice");
    let node = node.accesskit_node();
    let shown = node.label().or_else(|| node.value()).unwrap_or_default();
    assert!(shown.contains("(+2 more lines)"), "{shown}");
    assert!(
        shown.chars().count() < 260,
        "{} characters",
        shown.chars().count()
    );
}

#[test]
fn saving_a_crlf_file_keeps_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.ron");
    let text = journeymap::format::to_text(&Journey::new("Checked out on Windows", Language::En))
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(&path, &text).unwrap();
    let mut h = harness(app_on_file(&path));
    click(&mut h, "Add touchpoint to Awareness");
    press(&mut h, Modifiers::COMMAND, Key::S);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_ne!(saved, text, "the new card was saved");
    assert_eq!(saved.matches('\n').count(), saved.matches("\r\n").count());
    assert!(journeymap::format::parse(&saved).is_ok());
}

mod slow_files {
    use super::*;
    use journeymap::session::{Gate, ScriptedFs};
    use std::time::{Duration, Instant};

    /// Steps frames (as the window would, ten a second) until `done`, or fails.
    fn step_until(
        h: &mut egui_kittest::Harness<'_, JourneyApp>,
        done: impl Fn(&JourneyApp) -> bool,
    ) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !done(h.state()) {
            assert!(Instant::now() < deadline, "not done after 30 s");
            h.step();
            std::thread::sleep(Duration::from_millis(20));
        }
        h.run();
    }

    fn file(dir: &std::path::Path, title: &str) -> std::path::PathBuf {
        let path = dir.join("slow.ron");
        let text = journeymap::format::to_text(&Journey::new(title, Language::En)).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Ctrl+O as a key press, without waiting for the session's jobs (a read is held).
    fn open_key(h: &mut egui_kittest::Harness<'_, JourneyApp>) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::O);
        h.run();
    }

    #[test]
    fn a_slow_file_opens_while_the_window_keeps_drawing() {
        let dir = tempfile::tempdir().unwrap();
        let path = file(dir.path(), "Read slowly");
        // A big map on a slow share: the read waits until the test lets it go.
        let fs = ScriptedFs::default();
        let (app, dialogs) = app_with_fs(
            Journey::new("Before", Language::En),
            fs.clone(),
            journeymap::session::open::OPEN_TIMEOUT,
        );
        let mut h = harness(app);
        let gate = Gate::shut();
        fs.hold_reads(gate.clone());
        dialogs.answer(Some(path));
        open_key(&mut h);
        // The frame came back: the window says what it is doing, the map is unchanged.
        step_until(&mut h, JourneyApp::is_opening);
        assert!(h.query_by_label_contains("Opening “slow.ron”…").is_some());
        assert_eq!(h.state().journey().title, "Before");
        // A shortcut meant for the map does nothing while a file is opening.
        h.key_press_modifiers(Modifiers::NONE, Key::A);
        h.run();
        assert!(h.state().journey().touchpoints.is_empty());
        gate.open();
        step_until(&mut h, |app| !app.is_opening());
        settle(&mut h);
        assert_eq!(h.state().journey().title, "Read slowly");
        assert!(h.state().load_failure().is_none());
    }

    #[test]
    fn a_hung_file_is_given_up_and_the_map_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = file(dir.path(), "Never read");
        let fs = ScriptedFs::default();
        let (app, dialogs) = app_with_fs(
            Journey::new("Kept", Language::En),
            fs.clone(),
            Duration::from_millis(500),
        );
        let mut h = harness(app);
        // A hung network mount: the read never returns (until the test ends).
        let gate = Gate::shut();
        fs.hold_reads(gate.clone());
        dialogs.answer(Some(path));
        open_key(&mut h);
        assert!(h.state().session().opening().is_some());
        step_until(&mut h, |app| app.load_failure().is_some());
        let failure = h.state().load_failure().unwrap();
        assert!(
            failure.message.contains("took more than 0.5 s to read"),
            "{}",
            failure.message
        );
        h.get_by_label("Back to “Untitled”").click();
        h.run();
        assert_eq!(h.state().journey().title, "Kept");
        gate.open();
    }
}
