//! The shipped binary in a real X window, for the real-window tests and the window
//! benchmark: Xvfb, xdotool typing as a person does, a private HOME so settings and
//! recovery files stay in the caller's folder, the process's CPU time from the
//! scheduler, and the frame probe's line. Needs `Xvfb` and `xdotool`
//! (`scripts/install-deps.sh`); without them `Session::new` says so and gives `None`,
//! except under CI (`CI` set), where a missing display server is a failure.
#![allow(dead_code)]

use journeymap::format;
use journeymap::model::{Journey, Language};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One real window at a time: software GL on two cores.
static SERIAL: Mutex<()> = Mutex::new(());

pub fn on_path(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether the tools are here; under CI their absence fails the test.
pub fn tools_present() -> bool {
    let missing: Vec<&str> = ["Xvfb", "xdotool", "xclip"]
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

pub struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    pub fn start() -> Self {
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
pub struct Session {
    pub name: &'static str,
    xvfb: Xvfb,
    home: tempfile::TempDir,
    pub app: Option<Child>,
    /// Windows launched before the current one, still running.
    others: Vec<Child>,
    window: String,
    /// Launch with the frame probe on (`JOURNEYMAP_FRAME_PROBE=1`).
    pub probe: bool,
    _serial: std::sync::MutexGuard<'static, ()>,
}

impl Session {
    pub fn new(name: &'static str) -> Option<Self> {
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
            probe: false,
            _serial: serial,
        })
    }

    pub fn dir(&self) -> &Path {
        self.home.path()
    }

    pub fn recovery_dir(&self) -> PathBuf {
        self.dir().join(".local/share/journeymap/recovery")
    }

    pub fn command(&self, program: &str) -> Command {
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
    pub fn launch(&mut self, file: &Path) {
        // The app's own messages, kept to explain a launch that shows no window.
        let log_path = self.dir().join("app-stderr.log");
        let log = std::fs::File::create(&log_path).expect("a log file");
        let mut command = self.command(env!("CARGO_BIN_EXE_journeymap"));
        if self.probe {
            command.env("JOURNEYMAP_FRAME_PROBE", "1");
        }
        let child = command
            .arg(file)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("the app starts");
        let pid = child.id().to_string();
        if let Some(earlier) = self.app.replace(child) {
            self.others.push(earlier);
        }
        // xdotool's search dies of an X error when a window it is looking at goes away
        // meanwhile (a killed app's, just before): searched again until ours is there,
        // the app has exited, or a minute has passed.
        let started = std::time::Instant::now();
        let (output, window) = loop {
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
            let vanished = String::from_utf8_lossy(&output.stderr).contains("BadWindow");
            let running = self
                .app
                .as_mut()
                .is_some_and(|c| c.try_wait().ok().flatten().is_none());
            if !window.is_empty()
                || !vanished
                || !running
                || started.elapsed() > std::time::Duration::from_secs(60)
            {
                break (output, window);
            }
        };
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

    pub fn xdotool(&self, args: &[&str]) {
        let status = self
            .command("xdotool")
            .args(args)
            .status()
            .expect("xdotool");
        assert!(status.success(), "{}: xdotool {args:?} failed", self.name);
    }

    /// Presses `keys` ending in Ctrl+V, then Return until the paste's review has been
    /// applied (the title marks the map modified). The system's clipboard answers late
    /// on a loaded machine, or a paste read before the table shows is lost: after three
    /// seconds without a review, Ctrl+V again (a second review never opens over one).
    pub fn paste_and_apply(&self, keys: &[&str]) {
        self.keys(keys);
        let mut pasted = Instant::now();
        wait_until(
            self.name,
            "the paste's review",
            Duration::from_secs(45),
            || {
                if pasted.elapsed() >= Duration::from_secs(3) {
                    self.keys(&["ctrl+v"]);
                    pasted = Instant::now();
                }
                self.keys(&["Return"]);
                self.title().starts_with('●')
            },
        );
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["key", "--delay", "30"];
        args.extend_from_slice(keys);
        self.xdotool(&args);
    }

    /// Types at 30 ms a key (no newlines: see the workshop burst).
    pub fn type_text(&self, text: &str) {
        self.xdotool(&["type", "--delay", "30", text]);
    }

    pub fn click_at(&self, (x, y): (f32, f32)) {
        let (x, y) = (x.round().to_string(), y.round().to_string());
        let window = self.window.clone();
        self.xdotool(&["mousemove", "--window", &window, &x, &y, "click", "1"]);
    }

    pub fn title(&self) -> String {
        let output = self
            .command("xdotool")
            .args(["getwindowname", &self.window])
            .output()
            .expect("xdotool");
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    pub fn wait_for_title(&self, ok: impl Fn(&str) -> bool) -> Duration {
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
    pub fn restore_newest_and_save(&self) {
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
    pub fn kill(&mut self) {
        for mut child in self.app.take().into_iter().chain(self.others.drain(..)) {
            child.kill().ok();
            child.wait().ok();
        }
    }

    /// SIGKILLs the first window launched, leaving the others running.
    pub fn kill_first(&mut self) {
        let mut first = if self.others.is_empty() {
            self.app.take()
        } else {
            Some(self.others.remove(0))
        };
        if let Some(child) = &mut first {
            child.kill().ok();
            child.wait().ok();
        }
    }

    /// SIGKILLs the window and does not wait for it: the next launch may find it a
    /// zombie, not yet reaped, as a fast restart does.
    pub fn kill_without_reaping(&mut self) -> Option<Child> {
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
            let log =
                std::fs::read_to_string(self.dir().join("app-stderr.log")).unwrap_or_default();
            eprintln!("the app's stderr: {}", log.trim());
        }
        self.kill();
    }
}

/// The real-window tests' turn, for another test as heavy (a browser) that must not
/// starve their timings: held while it runs.
pub fn exclusive() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// Polls `ok` every 50 ms until it holds; panics after `limit`.
pub fn wait_until(name: &str, what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < limit,
            "{name}: timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The recovery files' text: finished `.ron` files only, not an autosave's temp file
/// still being written (killing the app then would leave no recovery file yet).
pub fn recovery_text(dir: &Path) -> String {
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

pub fn new_journey_file(dir: &Path, name: &str, title: &str) -> PathBuf {
    let path = dir.join(name);
    format::save(&path, &Journey::new(title, Language::En)).unwrap();
    path
}

/// CPU time the process's threads have used, in seconds, to the nanosecond: the
/// scheduler's own account (`/proc/PID/task/*/schedstat`), not the tick-sampled
/// `utime`, which charges a whole 10 ms tick to a thread that happens to run at it.
pub fn cpu_secs(pid: u32) -> f64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).unwrap();
    let nanos: u64 = tasks
        .filter_map(Result::ok)
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|line| line.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    nanos as f64 / 1e9
}

/// The share of a core the app uses over ten seconds of doing nothing, once opened.
pub fn idle_share(s: &mut Session, file: &Path) -> f64 {
    s.launch(file);
    let pid = s.app.as_ref().unwrap().id();
    // Opening (reading, fonts, the first layouts, the first autosave and disk look) is
    // not idle: wait until three seconds in a row each pass with under 5 ms of CPU (at
    // most 60 s). One quiet second is not enough on a loaded CI: a process starved of
    // the CPU is quiet for a second and then finishes its opening in the measured window.
    let settle = Instant::now();
    let mut quiet = 0;
    while quiet < 3 {
        let before = cpu_secs(pid);
        std::thread::sleep(Duration::from_secs(1));
        quiet = if cpu_secs(pid) - before < 0.005 {
            quiet + 1
        } else {
            0
        };
        assert!(
            settle.elapsed() < Duration::from_secs(60),
            "the window never went idle"
        );
    }
    // The scenario is ten idle seconds (CI_FULL=1); CI's short form measures five,
    // where the threshold still catches a window woken each second. A loaded machine
    // can still hand the process late work of its opening: of two windows in a row,
    // the quieter is the idle one (a window that wakes on a clock is busy in both).
    let window = if std::env::var("CI_FULL").is_ok_and(|v| v == "1") {
        10
    } else {
        5
    };
    let mut share = f64::INFINITY;
    for _ in 0..2 {
        let (cpu, wall) = (cpu_secs(pid), Instant::now());
        std::thread::sleep(Duration::from_secs(window));
        share = share.min((cpu_secs(pid) - cpu) / wall.elapsed().as_secs_f64());
        if share <= 0.002 {
            break;
        }
    }
    s.kill();
    share
}

/// `frames N, update p50 X ms, p99 Y ms, max Z ms` from the frame probe's line.
pub fn probe_max_ms(log: &str) -> Option<f64> {
    let line = log.lines().find(|l| l.starts_with("frames "))?;
    line.rsplit("max ")
        .next()?
        .trim_end_matches(" ms")
        .parse()
        .ok()
}

/// Types into a new card of `file` for ten seconds with the frame probe on and
/// autosave running, then Ctrl+S and Ctrl+Q; returns the probe's line and the saved
/// file's text.
pub fn type_for_ten_seconds(s: &mut Session, file: &Path) -> (String, String) {
    s.probe = true;
    s.launch(file);
    let name = file
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    // Reading a big map takes a moment: the keys go to the map once it is open.
    s.wait_for_title(|t| t.contains(&name));
    s.keys(&["ctrl+Return"]);
    let typed = Instant::now();
    while typed.elapsed() < Duration::from_secs(10) {
        s.type_text("Calls the contact centre again ");
    }
    s.keys(&["Escape", "ctrl+s"]);
    wait_until(s.name, "the saved file", Duration::from_secs(60), || {
        read(file).contains("Calls the contact centre again")
    });
    s.wait_for_title(|t| !t.starts_with('●'));
    s.keys(&["ctrl+q"]);
    let log_path = s.dir().join("app-stderr.log");
    wait_until(s.name, "the frame probe", Duration::from_secs(30), || {
        probe_max_ms(&read(&log_path)).is_some()
    });
    let log = read(&log_path);
    let line = log
        .lines()
        .find(|l| l.starts_with("frames "))
        .unwrap_or_default()
        .to_owned();
    (line, read(file))
}

/// Workshop mode on `file` with the frame probe: F11 on, a card typed (N, its title,
/// Enter, Esc), F11 off, Ctrl+S, then Ctrl+Q; returns the probe's line and the saved
/// file's text.
pub fn workshop_round(s: &mut Session, file: &Path, title: &str) -> (String, String) {
    s.probe = true;
    s.launch(file);
    let name = file
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    s.wait_for_title(|t| t.contains(&name));
    s.keys(&["F11", "n"]);
    s.type_text(title);
    s.keys(&["Return", "Escape", "F11", "ctrl+s"]);
    wait_until(s.name, "the saved file", Duration::from_secs(60), || {
        read(file).contains(title)
    });
    s.wait_for_title(|t| !t.starts_with('●'));
    s.keys(&["ctrl+q"]);
    let log_path = s.dir().join("app-stderr.log");
    wait_until(s.name, "the frame probe", Duration::from_secs(30), || {
        probe_max_ms(&read(&log_path)).is_some()
    });
    let log = read(&log_path);
    let line = log
        .lines()
        .find(|l| l.starts_with("frames "))
        .unwrap_or_default()
        .to_owned();
    (line, read(file))
}

/// A generated journey of `touchpoints` cards in `dir`, written by the binary.
pub fn generated(dir: &Path, touchpoints: usize) -> PathBuf {
    let path = dir.join("big.ron");
    let status = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["generate", "--touchpoints", &touchpoints.to_string(), "-o"])
        .arg(&path)
        .status()
        .expect("the binary runs");
    assert!(status.success());
    path
}
