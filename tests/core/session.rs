//! The session without a window: saves in order and off the caller's thread, a failed
//! save that loses nothing, the app's own writes never taken for outside changes, a
//! file changed during a slow save never overwritten, and quitting that waits for the
//! disk. Files are real, in temp folders; delays, holds and failures come from
//! `ScriptedFs`; every wait is on an event or the session's own jobs, never a clock.

use journeymap::format;
use journeymap::model::{Edit, Journey, Language, Stage, Touchpoint};
use journeymap::session::recovery;
use journeymap::session::{Answer, Config, Event, Gate, Prompt, Report, ScriptedFs, Session, Sink};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

/// A session on a copy of a small journey, with a recovery folder, and where its
/// events go.
struct Fixture {
    session: Session,
    events: Receiver<Event>,
    fs: ScriptedFs,
    file: PathBuf,
    recovery: PathBuf,
    _dir: tempfile::TempDir,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("journey.ron");
    format::save(&file, &Journey::new("On disk", Language::En)).unwrap();
    let recovery = dir.path().join("recovery");
    let fs = ScriptedFs::default();
    let (tx, events) = channel();
    let tx = Mutex::new(tx);
    let sink: Sink = Arc::new(move |event| {
        tx.lock().unwrap().send(event).ok();
    });
    let (mut session, reports) = Session::start(
        Config {
            fs: Arc::new(fs.clone()),
            recovery_dir: Some(recovery.clone()),
            sink,
            open_timeout: Duration::from_secs(60),
        },
        Journey::new("Welcome", Language::En),
    );
    assert!(reports.is_empty(), "{reports:?}");
    session.open(&file, false);
    let mut fixture = Fixture {
        session,
        events,
        fs,
        file,
        recovery,
        _dir: dir,
    };
    fixture.settle();
    assert_eq!(fixture.session.journey().title, "On disk");
    fixture
}

impl Fixture {
    /// Hands every event sent so far to the session, once its jobs are done.
    fn settle(&mut self) -> Vec<Report> {
        assert!(self.session.wait_idle(WAIT), "jobs still running");
        let mut reports = Vec::new();
        while let Ok(event) = self.events.try_recv() {
            reports.extend(self.session.on_event(event));
        }
        reports
    }

    /// Waits for an event the session did not ask for (the watch), up to `limit`.
    fn next_event(&mut self, limit: Duration) -> Option<Event> {
        self.events.recv_timeout(limit).ok()
    }

    fn add_card(&mut self, title: &str) {
        let journey = self.session.journey();
        let id = journey.next_touchpoint_id();
        let edit = Edit::add_touchpoint(journey, Touchpoint::new(id, Stage::Usage, title));
        self.session
            .apply(edit, "edit-add-touchpoint", None)
            .unwrap();
    }

    fn on_disk(&self) -> Journey {
        format::load(&self.file).unwrap().journey
    }
}

fn titles(journey: &Journey) -> Vec<&str> {
    journey
        .touchpoints
        .iter()
        .map(|t| t.title.as_str())
        .collect()
}

/// The recovery files' text once one holds `needle`, or as it is after `limit`
/// (polled: the autosaver writes on its own clock).
fn recovery_within(dir: &Path, needle: &str, limit: Duration) -> String {
    let start = std::time::Instant::now();
    loop {
        let written: String = std::fs::read_dir(dir)
            .map(|d| {
                d.map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                    .filter_map(|p| std::fs::read_to_string(p).ok())
                    .collect()
            })
            .unwrap_or_default();
        if written.contains(needle) || start.elapsed() > limit {
            return written;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_edit_reaches_the_recovery_without_a_single_frame() {
    // A covered window runs no frames: the session must not need one. No `tick`, no
    // `on_event`, no `settle`: only the edit.
    let mut f = fixture();
    let start = std::time::Instant::now();
    f.add_card("Typed, then covered");
    let written = recovery_within(&f.recovery, "Typed, then covered", Duration::from_secs(10));
    let took = start.elapsed();
    assert!(written.contains("Typed, then covered"), "never autosaved");
    assert!(took < Duration::from_secs(2), "autosaved after {took:?}");
    // A later edit replaces it, again with no frame.
    f.add_card("Second, still covered");
    let written = recovery_within(
        &f.recovery,
        "Second, still covered",
        Duration::from_secs(10),
    );
    assert!(written.contains("Typed, then covered") && written.contains("Second, still covered"));
    // Undone back to the file as it is on disk: nothing to recover.
    f.session.undo();
    f.session.undo();
    assert!(!f.session.document().is_modified());
    assert!(f.session.wait_idle(WAIT));
    let left = recovery_within(&f.recovery, "never there", Duration::from_millis(1500));
    assert!(left.is_empty(), "{left}");
}

#[test]
fn an_unwritable_recovery_folder_is_a_lasting_state_until_a_write_works() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("journey.ron");
    format::save(&file, &Journey::new("On disk", Language::En)).unwrap();
    // A file where the folder should be: the slot cannot be claimed.
    let recovery = dir.path().join("recovery");
    std::fs::write(&recovery, "in the way").unwrap();
    let (tx, events) = channel();
    let tx = Mutex::new(tx);
    let sink: Sink = Arc::new(move |event| {
        tx.lock().unwrap().send(event).ok();
    });
    let (mut session, reports) = Session::start(
        Config {
            fs: Arc::new(ScriptedFs::default()),
            recovery_dir: Some(recovery.clone()),
            sink,
            open_timeout: Duration::from_secs(60),
        },
        Journey::new("Welcome", Language::En),
    );
    assert!(
        matches!(reports.as_slice(), [Report::AutosaveFailed(_)]),
        "{reports:?}"
    );
    let handle = |session: &mut Session| {
        assert!(session.wait_idle(WAIT));
        let mut reports = Vec::new();
        while let Ok(event) = events.try_recv() {
            reports.extend(session.on_event(event));
        }
        reports
    };
    let add = |session: &mut Session, title: &str| {
        let journey = session.journey();
        let id = journey.next_touchpoint_id();
        let edit = Edit::add_touchpoint(journey, Touchpoint::new(id, Stage::Usage, title));
        session.apply(edit, "edit-add-touchpoint", None).unwrap();
    };
    // Later notices (a restore, a save) cannot hide it: it is the session's state.
    for title in ["One", "Two"] {
        add(&mut session, title);
        std::thread::sleep(Duration::from_millis(1500));
        let reports = handle(&mut session);
        assert!(
            !reports.iter().any(|r| matches!(r, Report::AutosaveWorks)),
            "{reports:?}"
        );
        assert!(
            session.autosave_problem().is_some(),
            "forgotten after {title}"
        );
    }
    // The folder becomes writable: the next edit claims the slot and writes.
    std::fs::remove_file(&recovery).unwrap();
    add(&mut session, "Three");
    let written = recovery_within(&recovery, "Three", Duration::from_secs(10));
    assert!(
        written.contains("One") && written.contains("Three"),
        "{written}"
    );
    let reports = handle(&mut session);
    assert!(
        reports.iter().any(|r| matches!(r, Report::AutosaveWorks)),
        "{reports:?}"
    );
    assert!(session.autosave_problem().is_none());
}

fn rewrite(path: &Path, title: &str) {
    let mut journey = format::load(path).unwrap().journey;
    journey.title = title.to_owned();
    format::save(path, &journey).unwrap();
}

#[test]
fn saves_run_in_order_off_the_callers_thread() {
    let mut f = fixture();
    // The disk is held: a save that waited for it would only return once the watchdog
    // lets the writes through, and then they would have happened.
    let gate = Gate::shut();
    f.fs.hold_writes(gate.clone());
    let watchdog = {
        let gate = gate.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(10));
            gate.open();
        })
    };
    f.add_card("First");
    f.session.save(None).unwrap();
    f.add_card("Second");
    f.session.save(None).unwrap();
    assert_eq!(f.fs.writes(), 0, "both calls returned before any write");
    assert!(f.session.is_saving());
    gate.open();
    drop(watchdog);
    let reports = f.settle();
    assert_eq!(
        reports
            .iter()
            .filter(|r| matches!(r, Report::Saved { .. }))
            .count(),
        2
    );
    assert_eq!(
        titles(&f.on_disk()),
        ["First", "Second"],
        "the later save wins"
    );
    assert!(!f.session.document().is_modified());
    assert_eq!(f.fs.writes(), 2);
}

#[test]
fn edits_made_while_a_save_is_on_its_way_stay_unsaved() {
    let mut f = fixture();
    let gate = Gate::shut();
    f.fs.hold_writes(gate.clone());
    f.add_card("Saved");
    f.session.save(None).unwrap();
    f.add_card("Typed during the save");
    gate.open();
    f.settle();
    assert_eq!(titles(&f.on_disk()), ["Saved"]);
    assert!(
        f.session.document().is_modified(),
        "the second card is not on disk"
    );
    assert!(f.session.needs_saving());
}

#[test]
fn a_failed_save_says_so_and_the_edits_stay_unsaved_and_recoverable() {
    let mut f = fixture();
    f.add_card("Not lost");
    f.fs.fail_writes_to(&f.file, 1);
    f.session.save(None).unwrap();
    let reports = f.settle();
    assert!(
        reports
            .iter()
            .any(|r| matches!(r, Report::SaveFailed(e) if e.contains("no space left"))),
        "{reports:?}"
    );
    assert!(f.session.document().is_modified());
    assert_eq!(f.on_disk().title, "On disk");
    assert!(titles(&f.on_disk()).is_empty(), "the old file is whole");
    // The edits go to the recovery file as any unsaved edits do, a second after the
    // last edit, on the autosaver's own clock.
    let written = recovery_within(&f.recovery, "Not lost", Duration::from_secs(10));
    assert!(written.contains("Not lost"), "{written}");
    // And once the window is gone, the next start offers them.
    let Fixture {
        session, recovery, ..
    } = f;
    drop(session);
    let found = recovery::find(&recovery, None);
    assert_eq!(found.len(), 1);
    assert_eq!(titles(&found[0].recovery.journey), ["Not lost"]);
}

#[test]
fn the_apps_own_saves_are_never_outside_changes() {
    let mut f = fixture();
    for n in 0..20 {
        f.add_card(&format!("Card {n}"));
        f.session.save(None).unwrap();
    }
    f.settle();
    // Long enough for notifications and several polls of the watch.
    let late = f.next_event(Duration::from_millis(1200));
    assert!(late.is_none(), "{late:?}");
    assert!(f.session.prompt().is_none());
    assert_eq!(f.on_disk().touchpoints.len(), 20);
}

#[test]
fn an_outside_change_is_reported_once_and_a_clean_document_takes_it() {
    let mut f = fixture();
    rewrite(&f.file, "Changed by git pull");
    let event = f.next_event(WAIT).expect("the watch saw the change");
    assert!(matches!(event, Event::Outside { .. }), "{event:?}");
    f.session.on_event(event);
    // Nothing unsaved: the session reloads by itself.
    let reports = f.settle();
    assert!(reports.iter().any(|r| matches!(r, Report::Reloaded { .. })));
    assert_eq!(f.session.journey().title, "Changed by git pull");
    assert!(f.next_event(Duration::from_millis(800)).is_none(), "once");
}

#[test]
fn an_outside_change_to_an_edited_document_asks_and_mine_can_be_kept() {
    let mut f = fixture();
    f.add_card("Mine");
    rewrite(&f.file, "Theirs");
    let event = f.next_event(WAIT).expect("the watch saw the change");
    f.session.on_event(event);
    assert!(matches!(f.session.prompt(), Some(Prompt::Outside(_))));
    f.session.answer_outside(Answer::Mine);
    f.session.save(None).unwrap();
    f.settle();
    assert_eq!(
        titles(&f.on_disk()),
        ["Mine"],
        "kept mine: saved over theirs"
    );
}

#[test]
fn a_file_changed_during_a_slow_save_is_not_overwritten() {
    let mut f = fixture();
    let gate = Gate::shut();
    f.fs.hold_writes(gate.clone());
    f.add_card("Mine");
    f.session.save(None).unwrap();
    // While my save is writing its temp file, someone else saves theirs.
    rewrite(&f.file, "Theirs, meanwhile");
    gate.open();
    f.settle();
    assert!(
        matches!(
            f.session.prompt(),
            Some(Prompt::Overwrite(_) | Prompt::Outside(_))
        ),
        "the person is asked"
    );
    assert_eq!(f.on_disk().title, "Theirs, meanwhile", "theirs is not lost");
    assert!(
        f.session.document().is_modified(),
        "mine is not lost either"
    );
}

#[test]
fn quitting_waits_for_a_save_on_its_way() {
    let mut f = fixture();
    f.fs.delay_writes(Duration::from_millis(400));
    f.add_card("Saved while quitting");
    f.session.save(None).unwrap();
    assert!(
        !f.session.needs_saving(),
        "quitting need not ask: the save is on its way"
    );
    let Fixture {
        session,
        file,
        recovery,
        ..
    } = f;
    drop(session);
    assert_eq!(
        titles(&format::load(&file).unwrap().journey),
        ["Saved while quitting"]
    );
    assert!(
        recovery::find(&recovery, None).is_empty(),
        "nothing left to recover"
    );
}

#[test]
fn quitting_while_a_save_fails_leaves_the_work_in_the_recovery_file() {
    let mut f = fixture();
    f.fs.fail_writes_to(&f.file, 1);
    f.add_card("Kept by recovery");
    f.session.save(None).unwrap();
    let Fixture {
        session, recovery, ..
    } = f;
    drop(session);
    let found = recovery::find(&recovery, None);
    assert_eq!(found.len(), 1);
    assert_eq!(titles(&found[0].recovery.journey), ["Kept by recovery"]);
}

#[test]
fn a_document_replaced_meanwhile_is_never_marked_saved() {
    let mut f = fixture();
    let gate = Gate::shut();
    f.fs.hold_writes(gate.clone());
    f.add_card("Old document");
    f.session.save(None).unwrap();
    let old = f.session.document().id();
    f.session.new_document(Journey::new("New", Language::En));
    assert_ne!(f.session.document().id(), old);
    gate.open();
    f.settle();
    assert_eq!(f.session.journey().title, "New");
    assert_eq!(f.session.document().path, None::<PathBuf>);
    assert!(!f.session.document().is_modified());
}
