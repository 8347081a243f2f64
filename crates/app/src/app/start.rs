//! How the editor starts: `Startup` is everything it takes from outside, and
//! `JourneyApp::start` is the one constructor `run` (the binary) and the tests share.

use super::dialogs::file_dialog::{FileDialogs, NativeDialogs};
use super::{JourneyApp, Settings, settings};
use crate::model::Journey;
use crate::session::fs::{Fs, RealFs};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Everything the editor takes from outside when it starts. `run` fills it from the
/// platform; tests fill it with temp folders, scripted dialogs and a scripted file
/// system. Both then call `JourneyApp::start`, so the start path the tests drive is
/// the one that ships.
pub struct Startup {
    /// The journey file named on the command line.
    pub file: Option<PathBuf>,
    /// The journey shown when no file is given and none was open last time (the bundled
    /// example when `None`).
    pub journey: Option<Journey>,
    pub settings: Settings,
    pub dialogs: Box<dyn FileDialogs>,
    /// Where autosave writes recovery files (`recovery::default_dir()` in the binary).
    pub recovery_dir: Option<PathBuf>,
    /// Every file the session reads and writes goes through it.
    pub fs: Arc<dyn Fs>,
    /// When opening a file is given up.
    pub open_timeout: Duration,
}

impl Startup {
    /// What the binary starts with, but for the file, the settings and the dialogs:
    /// the machine's file system, no recovery folder, the usual timeout.
    pub fn new(settings: Settings, dialogs: Box<dyn FileDialogs>) -> Self {
        Self {
            file: None,
            journey: None,
            settings,
            dialogs,
            recovery_dir: None,
            fs: Arc::new(RealFs),
            open_timeout: crate::session::open::OPEN_TIMEOUT,
        }
    }
}

/// The window icon's size in pixels (the desktop scales it).
const WINDOW_ICON_SIZE: u32 = 128;

/// Runs the editor in a native window; opens `file`, or the last file, or an example.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("journeymap")
            .with_app_id("journeymap")
            .with_icon(std::sync::Arc::new(egui::IconData {
                rgba: crate::icon::rgba(WINDOW_ICON_SIZE),
                width: WINDOW_ICON_SIZE,
                height: WINDOW_ICON_SIZE,
            }))
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([960.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "journeymap",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, settings::STORAGE_KEY))
                .unwrap_or_default();
            let app = JourneyApp::start(Startup {
                file,
                recovery_dir: crate::session::recovery::default_dir(),
                ..Startup::new(settings, Box::new(NativeDialogs::detect()))
            });
            Ok(Box::new(EframeApp(app, 0, FrameProbe::from_env())))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "journeymap: cannot open the editor window ({error}). The command line works \
                 without a display: see `journeymap --help`."
            );
            ExitCode::FAILURE
        }
    }
}

/// `JOURNEYMAP_FRAME_PROBE=1`: the time inside the app's update for every frame since
/// the journey finished opening, printed as one line on stderr at exit, so a hitch can
/// be measured in a real window (not the GPU's time).
#[derive(Default)]
struct FrameProbe {
    update_ms: Vec<f64>,
    /// The first frame after the journey has loaded lays it out and shapes its text
    /// for the first time: that is part of opening it, not counted.
    first_seen: bool,
}

impl FrameProbe {
    fn from_env() -> Option<Self> {
        std::env::var_os("JOURNEYMAP_FRAME_PROBE")
            .filter(|v| v == "1")
            .map(|_| Self::default())
    }

    fn frame(&mut self, ms: f64) {
        if std::mem::replace(&mut self.first_seen, true) {
            self.update_ms.push(ms);
        }
    }

    /// `frames N, update p50 X ms, p99 Y ms, max Z ms`.
    fn summary(&self) -> String {
        let mut times = self.update_ms.clone();
        times.sort_by(f64::total_cmp);
        let at = |q: f64| {
            times
                .get(((times.len() as f64 - 1.0) * q).round().max(0.0) as usize)
                .copied()
                .unwrap_or(0.0)
        };
        format!(
            "frames {}, update p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            times.len(),
            at(0.5),
            at(0.99),
            times.last().copied().unwrap_or(0.0)
        )
    }
}

/// The app, the frames shown so far (for the start-up probe) and the frame probe.
struct EframeApp(JourneyApp, u32, Option<FrameProbe>);

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let started = std::time::Instant::now();
        let opened = self.0.session().opening().is_none();
        self.0.ui(ui);
        if let Some(probe) = &mut self.2
            && opened
        {
            probe.frame(started.elapsed().as_secs_f64() * 1000.0);
        }
        if crate::startup::probing() {
            // Frames of the map itself (not of "Opening…" while a big file is read):
            // at the second, the first has been presented.
            if opened {
                self.1 += 1;
            }
            if self.1 == 2 {
                println!(
                    "first frame presented after {:.1} ms",
                    crate::startup::elapsed_ms()
                );
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::STORAGE_KEY, self.0.settings());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(probe) = &self.2 {
            eprintln!("{}", probe.summary());
        }
    }
}
