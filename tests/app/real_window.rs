//! The shipped binary in a real X window: Xvfb, driven by xdotool as a person types,
//! with a private HOME so settings and recovery files stay in the test's folder. These
//! catch what only a real window shows: keys batched by slow frames, Alt+digit text,
//! focus, crash and restart, files changed on disk.
//!
//! Needs `Xvfb` and `xdotool` (`scripts/install-deps.sh`). Without them the tests say
//! so and pass locally; under CI (`CI` set) a missing display server is a failure.
//! Each scenario waits on conditions (the window, the saved file, the window title),
//! never on a fixed sleep, except where the scenario itself is a delay ("kill 0.3 s
//! after an edit", "within 2 s"). On failure a screenshot's path is printed.

use crate::common::app_on_file;
use egui_kittest::kittest::Queryable;
use journeymap::app::JourneyApp;
use journeymap::format;
use journeymap::model::{Journey, Language};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The window's inner size, as `app::run` asks for it.
const WINDOW: (f32, f32) = (1440.0, 900.0);
/// One real window at a time: software GL on two cores.
static SERIAL: Mutex<()> = Mutex::new(());

fn on_path(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether the tools are here; under CI their absence fails the test.
fn tools_present() -> bool {
    let missing: Vec<&str> = ["Xvfb", "xdotool"]
        .into_iter()
        .filter(|p| !on_path(p))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "real-window tests need {missing:?} in CI: run scripts/install-deps.sh"
    );
    eprintln!("skipping a real-window test: {missing:?} not installed (scripts/install-deps.sh)");
    false
}

struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Self {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1600x900x24",
                "-nolisten",
                "tcp",
                // Without it, the server resets when its last client (the killed app)
                // disconnects, and a client connecting meanwhile is refused.
                "-noreset",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("Xvfb's stdout"))
            .read_line(&mut line)
            .expect("Xvfb prints its display number");
        let display = format!(":{}", line.trim());
        assert!(display.len() > 1, "Xvfb gave no display number");
        Self { child, display }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// A test's private world: display, HOME, runtime folder, and the running app.
struct Session {
    name: &'static str,
    xvfb: Xvfb,
    home: tempfile::TempDir,
    app: Option<Child>,
    /// Windows launched before the current one, still running.
    others: Vec<Child>,
    window: String,
    _serial: std::sync::MutexGuard<'static, ()>,
}

impl Session {
    fn new(name: &'static str) -> Option<Self> {
        if !tools_present() {
            return None;
        }
        let serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let home = tempfile::tempdir().expect("a HOME");
        let runtime = home.path().join("runtime");
        std::fs::create_dir(&runtime).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        Some(Self {
            name,
            xvfb: Xvfb::start(),
            home,
            app: None,
            others: Vec::new(),
            window: String::new(),
            _serial: serial,
        })
    }

    fn dir(&self) -> &Path {
        self.home.path()
    }

    fn recovery_dir(&self) -> PathBuf {
        self.dir().join(".local/share/journeymap/recovery")
    }

    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        let home = self.dir();
        command
            .env("DISPLAY", &self.xvfb.display)
            .env("HOME", home)
            .env("XDG_RUNTIME_DIR", home.join("runtime"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("LANG", "en_US.UTF-8")
            .env("LC_ALL", "en_US.UTF-8")
            .env("WINIT_X11_SCALE_FACTOR", "1")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("DBUS_SESSION_BUS_ADDRESS");
        command
    }

    /// Starts the binary on `file` and waits for its window, focused.
    fn launch(&mut self, file: &Path) {
        // The app's own messages, kept to explain a launch that shows no window.
        let log_path = self.dir().join("app-stderr.log");
        let log = std::fs::File::create(&log_path).expect("a log file");
        let child = self
            .command(env!("CARGO_BIN_EXE_journeymap"))
            .arg(file)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("the app starts");
        let pid = child.id().to_string();
        if let Some(earlier) = self.app.replace(child) {
            self.others.push(earlier);
        }
        let output = self
            .command("timeout")
            .args([
                "60",
                "xdotool",
                "search",
                "--sync",
                "--onlyvisible",
                "--pid",
                &pid,
            ])
            .output()
            .expect("xdotool runs");
        let window = String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        if window.is_empty() {
            let status = self.app.as_mut().and_then(|c| c.try_wait().ok().flatten());
            panic!(
                "{}: no window appeared (xdotool: {}; app exit: {status:?}; app stderr: {})",
                self.name,
                String::from_utf8_lossy(&output.stderr).trim(),
                std::fs::read_to_string(&log_path)
                    .unwrap_or_default()
                    .trim()
            );
        }
        self.window = window;
        self.xdotool(&["windowfocus", "--sync", &self.window.clone()]);
        // The title is set by the first frame: after it, the app is listening.
        self.wait_for_title(|title| title.contains("journeymap") && title != "journeymap");
    }

    fn xdotool(&self, args: &[&str]) {
        let status = self
            .command("xdotool")
            .args(args)
            .status()
            .expect("xdotool");
        assert!(status.success(), "{}: xdotool {args:?} failed", self.name);
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["key", "--delay", "30"];
        args.extend_from_slice(keys);
        self.xdotool(&args);
    }

    /// Types at 30 ms a key (no newlines: see the workshop burst).
    fn type_text(&self, text: &str) {
        self.xdotool(&["type", "--delay", "30", text]);
    }

    fn click_at(&self, (x, y): (f32, f32)) {
        let (x, y) = (x.round().to_string(), y.round().to_string());
        let window = self.window.clone();
        self.xdotool(&["mousemove", "--window", &window, &x, &y, "click", "1"]);
    }

    fn title(&self) -> String {
        let output = self
            .command("xdotool")
            .args(["getwindowname", &self.window])
            .output()
            .expect("xdotool");
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    fn wait_for_title(&self, ok: impl Fn(&str) -> bool) -> Duration {
        let start = Instant::now();
        wait_until(
            self.name,
            "the window title",
            Duration::from_secs(30),
            || ok(&self.title()),
        );
        start.elapsed()
    }

    /// Enter on the restore prompt (the newest autosave), then Ctrl+S. The prompt may
    /// come a moment after the window (a window killed just before is still exiting):
    /// Enter is pressed until the title shows unsaved changes, the restored work.
    fn restore_newest_and_save(&self) {
        wait_until(
            self.name,
            "the restore prompt",
            Duration::from_secs(15),
            || {
                self.keys(&["Return"]);
                std::thread::sleep(Duration::from_millis(200)); // a frame to act on it
                self.title().contains('●')
            },
        );
        self.keys(&["ctrl+s"]);
    }

    /// SIGKILLs every window: a crash, as far as the app knows.
    fn kill(&mut self) {
        for mut child in self.app.take().into_iter().chain(self.others.drain(..)) {
            child.kill().ok();
            child.wait().ok();
        }
    }

    /// SIGKILLs the window and does not wait for it: the next launch may find it a
    /// zombie, not yet reaped, as a fast restart does.
    fn kill_without_reaping(&mut self) -> Option<Child> {
        let mut child = self.app.take()?;
        child.kill().ok();
        Some(child)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let shot = std::env::temp_dir().join(format!("journeymap-{}.png", self.name));
            let taken = self
                .command("import")
                .args(["-window", "root"])
                .arg(&shot)
                .status()
                .is_ok_and(|s| s.success());
            if taken {
                eprintln!(
                    "screenshot of the failed real-window test: {}",
                    shot.display()
                );
            }
            eprintln!("window title at failure: {:?}", self.title());
        }
        self.kill();
    }
}

/// Polls `ok` every 50 ms until it holds; panics after `limit`.
fn wait_until(name: &str, what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < limit,
            "{name}: timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The recovery files' text: finished `.ron` files only, not an autosave's temp file
/// still being written (killing the app then would leave no recovery file yet).
fn recovery_text(dir: &Path) -> String {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|path| path.extension().is_some_and(|x| x == "ron"))
                .map(|path| read(&path))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

fn new_journey_file(dir: &Path, name: &str, title: &str) -> PathBuf {
    let path = dir.join(name);
    format::save(&path, &Journey::new(title, Language::En)).unwrap();
    path
}

/// Where a widget is in the real window: the same app, file and window size in a
/// kittest harness lays it out identically.
fn position_of(file: &Path, label: &str) -> (f32, f32) {
    let app = app_on_file(file);
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(WINDOW.0, WINDOW.1))
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui(ui), app);
    h.run();
    let centre = h.get_by_label(label).rect().center();
    (centre.x, centre.y)
}

#[test]
fn workshop_burst_typed_fast_keeps_every_card_and_score() {
    let Some(mut s) = Session::new("workshop-burst") else {
        return;
    };
    let file = new_journey_file(s.dir(), "live.ron", "Live workshop");
    s.launch(&file);
    // `xdotool type` sends a newline as the Linefeed keysym, which no keyboard's Enter
    // sends and winit does not report: Return is pressed as a key, as a person does.
    s.keys(&["F11", "n"]);
    s.type_text("Reads reviews");
    s.keys(&["alt+4", "Return"]);
    s.type_text("Compares prices");
    s.keys(&["Return"]);
    s.type_text("Signs up");
    s.keys(&["alt+2", "Return"]);
    s.type_text("Gets a welcome mail");
    s.keys(&["Return"]);
    s.type_text("nd the first invoice");
    s.keys(&["Escape", "ctrl+s"]);
    let mut saved = Journey::new("", Language::En);
    wait_until(s.name, "the saved file", Duration::from_secs(30), || {
        format::load(&file).is_ok_and(|p| {
            saved = p.journey;
            saved.touchpoints.len() >= 5
        })
    });
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
        ]
    );
}

#[test]
fn crash_then_restart_restores_the_autosaved_edits() {
    let Some(mut s) = Session::new("crash-restore") else {
        return;
    };
    let file = s.dir().join("journey.ron");
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    std::fs::copy(example, &file).unwrap();
    s.launch(&file);
    // A title typed in the inspector (Ctrl+Enter adds a card and focuses it there)...
    s.keys(&["ctrl+Return"]);
    s.type_text("Inspector edit");
    s.keys(&["Escape"]);
    // ...and one in workshop entry.
    s.keys(&["n"]);
    s.type_text("Workshop edit");
    let recovery = s.recovery_dir();
    wait_until(s.name, "the autosave", Duration::from_secs(10), || {
        let text = recovery_text(&recovery);
        text.contains("Inspector edit") && text.contains("Workshop edit")
    });
    s.kill();

    s.launch(&file);
    s.restore_newest_and_save();
    wait_until(s.name, "the restored file", Duration::from_secs(20), || {
        let text = read(&file);
        text.contains("Inspector edit") && text.contains("Workshop edit")
    });

    // Killed 0.3 s after an edit: what was autosaved before is still offered.
    s.keys(&["ctrl+Return"]);
    s.type_text("Early edit");
    s.keys(&["Escape"]);
    wait_until(
        s.name,
        "the second autosave",
        Duration::from_secs(10),
        || recovery_text(&recovery).contains("Early edit"),
    );
    s.keys(&["ctrl+Return"]);
    s.type_text("Late edit");
    std::thread::sleep(Duration::from_millis(300));
    s.kill();
    s.launch(&file);
    s.restore_newest_and_save();
    wait_until(
        s.name,
        "the file with the early edit",
        Duration::from_secs(20),
        || read(&file).contains("Early edit"),
    );
    assert!(read(&file).contains("Workshop edit"), "earlier work kept");
}

#[test]
fn a_file_changed_outside_shows_within_two_seconds_or_asks() {
    let Some(mut s) = Session::new("outside-change") else {
        return;
    };
    let file = new_journey_file(s.dir(), "shared.ron", "Before the pull");
    s.launch(&file);
    assert!(s.title().contains("Before the pull"));

    // No unsaved edits: the new content shows by itself.
    format::save(&file, &Journey::new("After the pull", Language::En)).unwrap();
    let took = s.wait_for_title(|t| t.contains("After the pull"));
    eprintln!("outside change shown after {:.2} s", took.as_secs_f64());
    assert!(took < Duration::from_secs(2), "took {took:?}");

    // Unsaved edits: it asks (Enter keeps mine), never reloads silently.
    s.keys(&["ctrl+Return"]);
    s.type_text("Mine");
    s.keys(&["Escape"]);
    s.wait_for_title(|t| t.starts_with('●'));
    format::save(&file, &Journey::new("Theirs again", Language::En)).unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let title = s.title();
    assert!(
        title.starts_with('●') && title.contains("After the pull"),
        "no silent reload: {title}"
    );
    s.restore_newest_and_save();
    wait_until(s.name, "my version saved", Duration::from_secs(20), || {
        read(&file).contains("Mine")
    });
}

#[test]
fn a_conflicted_file_at_start_shows_its_errors_then_loads_when_fixed() {
    let Some(mut s) = Session::new("conflict-at-start") else {
        return;
    };
    let good = format::to_text(&Journey::new("Resolved", Language::En)).unwrap();
    let conflicted = good.replace(
        "    title: \"Resolved\",\n",
        "<<<<<<< HEAD\n    title: \"Ours\",\n=======\n    title: \"Theirs\",\n>>>>>>> branch\n",
    );
    let file = s.dir().join("conflicted.ron");
    std::fs::write(&file, &conflicted).unwrap();
    s.launch(&file);
    let title = s.title();
    assert!(title.contains("conflicted.ron (cannot open)"), "{title}");
    s.keys(&["ctrl+s"]);
    assert_eq!(
        read(&file),
        conflicted,
        "nothing saved over the conflicted file"
    );
    std::fs::write(&file, &good).unwrap();
    let took = s.wait_for_title(|t| t.contains("Resolved") && !t.contains("cannot open"));
    eprintln!("fixed file loaded after {:.2} s", took.as_secs_f64());
}

#[test]
fn add_to_goals_then_typing_lands_in_the_goal() {
    let Some(mut s) = Session::new("add-goal") else {
        return;
    };
    let file = new_journey_file(s.dir(), "goals.ron", "Goals");
    let button = position_of(&file, "Add to Goals");
    s.launch(&file);
    s.click_at(button);
    // "on" holds N (start a card), "hold" D (filter), "wait" and "Never" more letters.
    s.type_text("Never wait on hold");
    s.keys(&["ctrl+s"]);
    let mut saved = Journey::new("", Language::En);
    wait_until(s.name, "the saved goal", Duration::from_secs(20), || {
        format::load(&file).is_ok_and(|p| {
            saved = p.journey;
            !saved.persona.goals.is_empty()
        })
    });
    assert_eq!(saved.persona.goals, vec!["Never wait on hold".to_owned()]);
    assert!(saved.touchpoints.is_empty(), "no card was created");
}

/// The example copied into the session's folder.
fn example_file(s: &Session) -> PathBuf {
    let file = s.dir().join("journey.ron");
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    std::fs::copy(example, &file).unwrap();
    file
}

#[test]
fn two_windows_on_one_file_killed_both_cards_are_offered() {
    let Some(mut s) = Session::new("two-windows") else {
        return;
    };
    let file = example_file(&s);
    let recovery = s.recovery_dir();
    s.launch(&file);
    s.keys(&["ctrl+Return"]);
    s.type_text("Card from window A");
    s.keys(&["Escape"]);
    wait_until(s.name, "A's autosave", Duration::from_secs(10), || {
        recovery_text(&recovery).contains("Card from window A")
    });
    s.launch(&file);
    s.keys(&["Escape"]); // dismisses the "open in another window" notice
    s.keys(&["ctrl+Return"]);
    s.type_text("Card from window B");
    s.keys(&["Escape"]);
    wait_until(s.name, "B's autosave", Duration::from_secs(10), || {
        let text = recovery_text(&recovery);
        text.contains("Card from window A") && text.contains("Card from window B")
    });
    s.kill();

    // The restart offers both: Enter restores the newest (B's) and Ctrl+S saves it...
    s.launch(&file);
    s.restore_newest_and_save();
    wait_until(s.name, "B's card saved", Duration::from_secs(20), || {
        read(&file).contains("Card from window B")
    });
    assert!(
        recovery_text(&recovery).contains("Card from window A"),
        "A's recovery is still there"
    );
    s.kill();
    // ...and the next start still offers A's.
    s.launch(&file);
    s.restore_newest_and_save();
    wait_until(s.name, "A's card saved", Duration::from_secs(20), || {
        read(&file).contains("Card from window A")
    });
}

#[test]
fn one_window_saving_keeps_the_other_windows_recovery() {
    let Some(mut s) = Session::new("save-keeps-other") else {
        return;
    };
    let file = example_file(&s);
    let recovery = s.recovery_dir();
    s.launch(&file);
    s.keys(&["ctrl+Return"]);
    s.type_text("Unsaved in A");
    s.keys(&["Escape"]);
    wait_until(s.name, "A's autosave", Duration::from_secs(10), || {
        recovery_text(&recovery).contains("Unsaved in A")
    });
    s.launch(&file);
    s.keys(&["Escape", "ctrl+Return"]);
    s.type_text("Saved in B");
    s.keys(&["Escape", "ctrl+s"]);
    wait_until(s.name, "B's save", Duration::from_secs(20), || {
        read(&file).contains("Saved in B")
    });
    assert!(
        recovery_text(&recovery).contains("Unsaved in A"),
        "B's save removed only its own recovery"
    );
    s.kill();
    s.launch(&file);
    s.restore_newest_and_save();
    wait_until(s.name, "A's card restored", Duration::from_secs(20), || {
        read(&file).contains("Unsaved in A")
    });
}

#[test]
fn a_restart_right_after_a_kill_offers_the_recovery() {
    let Some(mut s) = Session::new("fast-restart") else {
        return;
    };
    let file = example_file(&s);
    let recovery = s.recovery_dir();
    s.launch(&file);
    s.keys(&["ctrl+Return"]);
    s.type_text("Before the kill");
    s.keys(&["Escape"]);
    wait_until(s.name, "the autosave", Duration::from_secs(10), || {
        recovery_text(&recovery).contains("Before the kill")
    });
    // Killed and started again at once, the old process not yet reaped (a zombie).
    let zombie = s.kill_without_reaping();
    s.launch(&file);
    if let Some(mut zombie) = zombie {
        zombie.wait().ok();
    }
    s.restore_newest_and_save();
    wait_until(s.name, "the restored card", Duration::from_secs(20), || {
        read(&file).contains("Before the kill")
    });
}

/// CPU time the process's threads have used, in seconds, to the nanosecond: the
/// scheduler's own account (`/proc/PID/task/*/schedstat`), not the tick-sampled
/// `utime`, which charges a whole 10 ms tick to a thread that happens to run at it.
fn cpu_secs(pid: u32) -> f64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).unwrap();
    let nanos: u64 = tasks
        .filter_map(Result::ok)
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|line| line.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    nanos as f64 / 1e9
}

/// The share of a core the app uses over 10 s of doing nothing.
fn idle_share(s: &mut Session, file: &Path) -> f64 {
    s.launch(file);
    let pid = s.app.as_ref().unwrap().id();
    // Opening (reading, fonts, the first layouts) is not idle: wait until a whole
    // second passes with under 5 ms of CPU (at most 30 s; under a loaded CI the opening
    // takes longer).
    let settle = Instant::now();
    loop {
        let before = cpu_secs(pid);
        std::thread::sleep(Duration::from_secs(1));
        if cpu_secs(pid) - before < 0.005 {
            break;
        }
        assert!(
            settle.elapsed() < Duration::from_secs(30),
            "the window never went idle"
        );
    }
    let (cpu, wall) = (cpu_secs(pid), Instant::now());
    std::thread::sleep(Duration::from_secs(10)); // the scenario is ten idle seconds
    let share = (cpu_secs(pid) - cpu) / wall.elapsed().as_secs_f64();
    s.kill();
    share
}

#[test]
fn an_idle_window_uses_almost_no_cpu() {
    let Some(mut s) = Session::new("idle") else {
        return;
    };
    let example = example_file(&s);
    let big = s.dir().join("big.ron");
    let generated = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["generate", "--touchpoints", "10000", "-o"])
        .arg(&big)
        .status()
        .unwrap();
    assert!(generated.success());
    for file in [example, big] {
        let share = idle_share(&mut s, &file);
        eprintln!(
            "idle with {}: {:.2} % of a core",
            file.display(),
            share * 100.0
        );
        assert!(
            share <= 0.005,
            "idle with {} used {:.2} % of a core",
            file.display(),
            share * 100.0
        );
    }
}
