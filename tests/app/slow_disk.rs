//! The real app on a slow and on a failing disk (`ScriptedFs`): a save that takes two
//! seconds holds no frame and an outside change made meanwhile is still seen within
//! half a second (and not overwritten); a save that fails says so and the edits stay
//! unsaved and recoverable.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use journeymap::app::{JourneyApp, ScriptedDialogs, Startup};
use journeymap::format;
use journeymap::session::ScriptedFs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The app and, for each frame, the wall time and the CPU time of its update.
struct Timed {
    app: JourneyApp,
    frames: Vec<(Duration, Duration)>,
}

/// This thread's CPU time as the scheduler counts it (Linux `schedstat`, in ns).
fn thread_cpu() -> Duration {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let nanos = text
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Duration::from_nanos(nanos)
}

fn timed_harness(app: JourneyApp) -> Harness<'static, Timed> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_max_steps(400)
        .build_ui_state(
            |ui, timed: &mut Timed| {
                let (wall, cpu) = (Instant::now(), thread_cpu());
                timed.app.ui(ui);
                timed.frames.push((wall.elapsed(), thread_cpu() - cpu));
            },
            Timed {
                app,
                frames: Vec::new(),
            },
        );
    harness.run();
    harness
}

fn copy_example(dir: &Path) -> PathBuf {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let path = dir.join("journey.ron");
    std::fs::copy(source, &path).unwrap();
    path
}

fn app_on(file: &Path, fs: &ScriptedFs, recovery: &Path) -> JourneyApp {
    app_and_dialogs(file, fs, recovery).0
}

fn app_and_dialogs(file: &Path, fs: &ScriptedFs, recovery: &Path) -> (JourneyApp, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::default();
    let app = JourneyApp::start(Startup {
        file: Some(file.to_owned()),
        recovery_dir: Some(recovery.to_owned()),
        fs: Arc::new(fs.clone()),
        ..Startup::new(english(), Box::new(dialogs.clone()))
    });
    (app, dialogs)
}

#[test]
fn a_two_second_save_holds_no_frame_and_an_outside_change_is_still_seen() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_example(dir.path());
    let fs = ScriptedFs::default();
    let mut h = timed_harness(app_on(&file, &fs, &dir.path().join("recovery")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter); // a new card
    h.run();
    assert_eq!(h.state().app.journey().touchpoints.len(), 17);

    fs.delay_writes(Duration::from_secs(2));
    h.state_mut().frames.clear();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.state().app.session().is_saving(),
        "the save is on its way"
    );

    // Another program saves the file while mine is still writing.
    let mut theirs = format::load(&file).unwrap().journey;
    theirs.title = "Saved by someone else".to_owned();
    format::save(&file, &theirs).unwrap();
    let changed = Instant::now();
    while h.query_by_label("The file changed on disk").is_none() {
        assert!(
            changed.elapsed() < Duration::from_millis(500),
            "the outside change was not seen within 0.5 s"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        h.state().app.session().is_saving(),
        "seen while the slow save was still writing"
    );
    // The frames go on until the save is done.
    let deadline = Instant::now() + Duration::from_secs(30);
    while h.state().app.session().is_saving() {
        assert!(Instant::now() < deadline, "the save never finished");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();

    let frames = &h.state().frames;
    let slowest = frames.iter().map(|(wall, _)| *wall).max().unwrap();
    let busiest = frames.iter().map(|(_, cpu)| *cpu).max().unwrap();
    eprintln!(
        "{} frames during the save: slowest {slowest:?} wall, busiest {busiest:?} CPU",
        frames.len()
    );
    assert!(frames.len() > 20, "{} frames", frames.len());
    // No frame waited for the two-second write...
    assert!(slowest < Duration::from_secs(1), "a frame took {slowest:?}");
    // ...and none did heavy work of its own.
    assert!(
        busiest < Duration::from_millis(16),
        "a frame used {busiest:?} of CPU"
    );
    // Theirs was not overwritten by the slow save, mine is still in the editor.
    assert_eq!(
        format::load(&file).unwrap().journey.title,
        "Saved by someone else"
    );
    assert!(h.state().app.document().is_modified());
    assert_eq!(h.state().app.journey().touchpoints.len(), 17);
}

#[test]
fn a_failed_save_says_so_and_the_edits_stay_recoverable() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_example(dir.path());
    let recovery = dir.path().join("recovery");
    let before = std::fs::read(&file).unwrap();
    let fs = ScriptedFs::default();
    {
        let mut h = harness(app_on(&file, &fs, &recovery));
        press(&mut h, Modifiers::COMMAND, Key::Enter); // a new card
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
            .type_text("Survives a full disk");
        settle(&mut h);
        fs.fail_writes_to(&file, 1);
        press(&mut h, Modifiers::COMMAND, Key::S);
        assert!(
            h.query_by_label_contains("no space left on device")
                .is_some(),
            "the failure is shown"
        );
        assert!(h.state().document().is_modified(), "still unsaved");
        assert!(h.state().window_title().starts_with('●'));
        assert_eq!(std::fs::read(&file).unwrap(), before, "the file is whole");
        // The edits reach the recovery file as unsaved edits always do.
        for _ in 0..8 {
            h.step();
        }
        settle(&mut h);
    }
    // The window is gone (a crash, a power cut): the next start offers the work.
    let restarted = JourneyApp::start(Startup {
        journey: Some(journeymap::model::Journey::new(
            "",
            journeymap::model::Language::En,
        )),
        recovery_dir: Some(recovery),
        ..Startup::new(english(), Box::new(ScriptedDialogs::default()))
    });
    let mut h = harness(restarted);
    assert!(h.query_by_label("Restore unsaved work?").is_some());
    click(&mut h, "Restore");
    assert!(
        h.state()
            .journey()
            .touchpoints
            .iter()
            .any(|t| t.title == "Survives a full disk")
    );
}

#[test]
fn an_export_that_cannot_be_written_says_so_and_leaves_nothing() {
    // Exports go through the session's file system like saves: a full disk is said,
    // and no half-written file is left.
    let dir = tempfile::tempdir().unwrap();
    let file = copy_example(dir.path());
    let recovery = dir.path().join("recovery");
    let fs = ScriptedFs::default();
    let (app, dialogs) = app_and_dialogs(&file, &fs, &recovery);
    let mut h = harness(app);
    fs.fail_outputs(1);
    let out = dir.path().join("map.svg");
    h.state().act(journeymap::app::Action::Export(
        journeymap::app::ExportRequest {
            format: journeymap::export::Format::Svg,
            options: Default::default(),
        },
    ));
    dialogs.answer(Some(out.clone()));
    settle(&mut h);
    assert!(!out.exists(), "nothing written");
    assert!(
        h.query_by_label_contains("no space left on device")
            .is_some(),
        "the failure is shown"
    );
}

#[test]
fn a_recovery_lock_that_cannot_be_made_is_a_lasting_state() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_example(dir.path());
    let recovery = dir.path().join("recovery");
    let fs = ScriptedFs::default();
    fs.fail_locks(1);
    let h = harness(app_on(&file, &fs, &recovery));
    assert!(
        h.query_by_label("Autosave is not working: save with Ctrl+S")
            .is_some(),
        "the status bar says so"
    );
}
