#![allow(dead_code)]
//! Shared helpers for the egui_kittest tests: the real app in a harness, with scripted
//! file dialogs.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use journeymap::app::{JourneyApp, ScriptedDialogs, Settings, Startup};
use journeymap::model::{Journey, Language};

thread_local! {
    /// Recovery folders of this test's apps, removed when the test's thread ends.
    static RECOVERY_DIRS: std::cell::RefCell<Vec<tempfile::TempDir>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A recovery folder that lives as long as the current test.
pub fn test_recovery_dir() -> std::path::PathBuf {
    let dir = tempfile::Builder::new()
        .prefix("journeymap-recovery-")
        .tempdir()
        .expect("a temp folder");
    let path = dir.path().to_owned();
    RECOVERY_DIRS.with(|dirs| dirs.borrow_mut().push(dir));
    path
}

/// The app as `main` starts it on `file` with these settings, scripted dialogs and its
/// own recovery folder.
pub fn app_on_file_with(
    file: &std::path::Path,
    settings: Settings,
) -> (JourneyApp, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::default();
    let app = JourneyApp::start(Startup {
        file: Some(file.to_owned()),
        recovery_dir: Some(test_recovery_dir()),
        ..Startup::new(settings, Box::new(dialogs.clone()))
    });
    (app, dialogs)
}

/// The app as `main` starts it on `file` (`JourneyApp::start`), in English, with
/// scripted dialogs and its own recovery folder.
pub fn app_on_file(file: &std::path::Path) -> JourneyApp {
    JourneyApp::start(Startup {
        file: Some(file.to_owned()),
        recovery_dir: Some(test_recovery_dir()),
        ..Startup::new(english(), Box::new(ScriptedDialogs::default()))
    })
}

/// The app as `main` starts it (`JourneyApp::start`), showing `journey`, with scripted
/// dialogs and its own recovery folder.
pub fn app_with(journey: Journey, language: Language) -> (JourneyApp, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::default();
    let settings = Settings {
        language,
        recent_files: Vec::new(),
        ..Settings::default()
    };
    let app = JourneyApp::start(Startup {
        journey: Some(journey),
        recovery_dir: Some(test_recovery_dir()),
        ..Startup::new(settings, Box::new(dialogs.clone()))
    });
    (app, dialogs)
}

/// English settings with no recent files.
pub fn english() -> Settings {
    Settings {
        language: Language::En,
        recent_files: Vec::new(),
        ..Settings::default()
    }
}

/// `app_with`, its files read and written through `fs` (which a test scripts).
pub fn app_with_fs(
    journey: Journey,
    fs: journeymap::session::ScriptedFs,
    open_timeout: std::time::Duration,
) -> (JourneyApp, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::default();
    let app = JourneyApp::start(Startup {
        journey: Some(journey),
        recovery_dir: Some(test_recovery_dir()),
        fs: std::sync::Arc::new(fs),
        open_timeout,
        ..Startup::new(english(), Box::new(dialogs.clone()))
    });
    (app, dialogs)
}

/// Lets the app settle: frames run until none is asked for, and the session's jobs
/// (saves, opening, disk checks, autosave, exports) have sent their results and been
/// handled. Waits on the jobs themselves, never on a clock.
pub fn settle(h: &mut Harness<'_, JourneyApp>) {
    for _ in 0..400 {
        h.run();
        if h.state().is_idle() {
            return;
        }
        assert!(
            h.state().wait_for_jobs(std::time::Duration::from_secs(60)),
            "the session's jobs are still running after 60 s"
        );
    }
    panic!("the app never settled");
}

pub fn harness(app: JourneyApp) -> Harness<'static, JourneyApp> {
    harness_sized(app, 1600.0, 1000.0)
}

/// The app in a window of `width` × `height` points.
pub fn harness_sized(app: JourneyApp, width: f32, height: f32) -> Harness<'static, JourneyApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        // Keys batched in one frame are replayed a boundary per frame.
        .with_max_steps(400)
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui(ui), app);
    settle(&mut harness);
    harness
}

/// Presses a shortcut and lets the app settle.
pub fn press(harness: &mut Harness<'_, JourneyApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    settle(harness);
}

/// Clicks the widget with this label and lets the app settle.
pub fn click(harness: &mut Harness<'_, JourneyApp>, label: &str) {
    harness.get_by_label(label).click();
    settle(harness);
}

/// Opens a combo box by its label and picks an option.
pub fn pick(harness: &mut Harness<'_, JourneyApp>, combo: &str, option: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .click();
    harness.run();
    harness.get_by_label(option).click();
    settle(harness);
}

/// Focuses a text field (one line or several) by label and types into it.
pub fn type_into(harness: &mut Harness<'_, JourneyApp>, label: &str, text: &str) {
    use egui::accesskit::Role;
    let role = if harness
        .query_by_role_and_label(Role::TextInput, label)
        .is_some()
    {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    };
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    settle(harness);
}

/// The events egui-winit sends for one key stroke: the press, the text it types (for
/// printable keys without Ctrl/Cmd, Alt+digit included), and the release.
pub fn stroke(modifiers: egui::Modifiers, key: egui::Key, text: Option<&str>) -> Vec<egui::Event> {
    let event = |pressed| egui::Event::Key {
        key,
        physical_key: Some(key),
        pressed,
        repeat: false,
        modifiers,
    };
    let mut events = vec![event(true)];
    if let Some(text) = text
        && !(modifiers.ctrl || modifiers.command || modifiers.mac_cmd)
    {
        events.push(egui::Event::Text(text.to_owned()));
    }
    events.push(event(false));
    events
}

/// A shortcut as a real keyboard sends it: letters and digits type their character
/// too unless Ctrl/Cmd is held.
pub fn shortcut(modifiers: egui::Modifiers, key: egui::Key) -> Vec<egui::Event> {
    let name = key.name();
    let text = (name.chars().count() == 1).then(|| {
        if modifiers.shift {
            name.to_owned()
        } else {
            name.to_lowercase()
        }
    });
    stroke(modifiers, key, text.as_deref())
}

/// Typing `text` key by key, as xdotool or a person does; a newline is Enter.
pub fn typing(text: &str) -> Vec<egui::Event> {
    use egui::{Key, Modifiers};
    let mut events = Vec::new();
    for c in text.chars() {
        if c == '\n' {
            events.extend(stroke(Modifiers::NONE, Key::Enter, None));
            continue;
        }
        let upper = c.to_uppercase().to_string();
        let key = if c == ' ' {
            Some(Key::Space)
        } else {
            Key::from_name(&upper).filter(|_| c.is_ascii_alphanumeric())
        };
        let modifiers = if c.is_uppercase() {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        match key {
            Some(key) => events.extend(stroke(modifiers, key, Some(&c.to_string()))),
            None => events.push(egui::Event::Text(c.to_string())),
        }
    }
    events
}

/// Delivers `events` `per_frame` at a time, as a slow frame batches them, then lets
/// the app settle.
pub fn send(h: &mut Harness<'_, JourneyApp>, events: Vec<egui::Event>, per_frame: usize) {
    for chunk in events.chunks(per_frame.max(1)) {
        h.input_mut().events.extend(chunk.iter().cloned());
        h.step();
    }
    settle(h);
}

/// Every text the frame painted: its text, font size and screen rectangle.
pub fn painted_texts(h: &Harness<'_, JourneyApp>) -> Vec<(String, f32, egui::Rect)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, f32, egui::Rect)>) {
        match shape {
            egui::Shape::Text(text) => {
                let job = &text.galley.job;
                let size = job
                    .sections
                    .iter()
                    .map(|s| s.format.font_id.size)
                    .fold(f32::MAX, f32::min);
                out.push((job.text.clone(), size, text.visual_bounding_rect()));
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut lines = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut lines);
    }
    // The canvas paints a wrapped text one line at a time: lines painted one after
    // the other, each under the one before, are one text again.
    let mut texts: Vec<(String, f32, egui::Rect)> = Vec::new();
    for (line, size, rect) in lines {
        if let Some((text, last_size, last)) = texts.last_mut()
            && (rect.top() - last.bottom()).abs() < 0.8 * size.max(*last_size)
            && (rect.left() - last.left()).abs() < 2.0 * size
            && *last_size == size
        {
            text.push(' ');
            text.push_str(&line);
            *last = last.union(rect);
            continue;
        }
        texts.push((line, size, rect));
    }
    texts
}
