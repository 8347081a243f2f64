//! The desktop editor. `JourneyApp` is the whole app, exposed so tests drive the real
//! thing with egui_kittest; `run` wraps it in an eframe window.
//!
//! Three kinds of state, three places: the document (`Document`, saved in the .ron),
//! the user's settings (`Settings`, persisted by eframe), and transient UI state
//! (`UiState`: selection, view, open dialogs). Widgets never change the document: they
//! push `Edit`s into `Edits`, applied once at the end of the frame.

pub mod actions;
mod canvas;
mod canvas_paint;
mod catalogue_panel;
mod commands;
mod disk_watch;
mod evidence_panel;
mod execute;
mod file_dialog;
mod file_picker;
mod fonts;
mod grey_area_panel;
mod input;
mod inspector_panel;
mod journey_panel;
mod load_failure;
mod menu_bar;
mod modal;
mod modals;
mod safety;
mod safety_modals;
mod settings;
pub mod thumbnails;
mod widgets;
mod workshop;

pub use crate::document::{Document, EditLabel};
pub use canvas::View;
pub use commands::AppCommand;
pub use file_dialog::{
    DialogKind, DialogPurpose, DialogReply, DialogUnavailable, FileDialogs, NativeDialogs,
    ScriptedDialogs,
};
pub use load_failure::LoadFailure;
pub use modal::Modal;
pub use safety::{AUTOSAVE_DELAY_SECS, OutsideChange};
pub use settings::Settings;
pub use workshop::Filter;

use crate::i18n::I18n;
use crate::layout::MapLayout;
use crate::model::{Edit, ElementId, Journey, Stage, TouchpointId};
use crate::theme::Theme;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Edits requested by widgets during a frame.
#[derive(Default)]
pub struct Edits {
    list: Vec<(Edit, EditLabel, Option<String>)>,
}

impl Edits {
    pub fn push(&mut self, edit: Edit, label: EditLabel) {
        self.list.push((edit, label, None));
    }

    /// An edit that merges with the previous one of the same key (typing in a field).
    pub fn push_typing(&mut self, edit: Edit, label: EditLabel, key: String) {
        self.list.push((edit, label, Some(key)));
    }
}

/// Something to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingAction {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
}

/// Transient UI state: never saved with the document.
#[derive(Debug, Default)]
pub struct UiState {
    /// Selected elements; the last one is shown in the inspector.
    pub selection: Vec<ElementId>,
    pub view: View,
    /// Where "add touchpoint" puts the new card.
    pub active_stage: Option<Stage>,
    pub drag: Option<canvas::Drag>,
    /// The field that takes the keyboard focus when this frame ends (a new card's
    /// title): set where the command runs, so the next frame's keys already go there.
    pub focus_request: Option<egui::Id>,
    pub show_catalogue: bool,
    /// The window or prompt over the map, if any: one at a time.
    pub modal: Option<Modal>,
    pub notice: Option<Notice>,
    /// Scroll the canvas to show this touchpoint.
    pub reveal: Option<TouchpointId>,
    /// Editor or presentation (full screen, panels hidden, projector theme).
    pub display: DisplayMode,
    /// The card whose title is being typed in keyboard entry.
    pub entry: Option<TouchpointId>,
    pub filter: Filter,
    /// The grey area in the spotlight: everything else is dimmed.
    pub spotlight: Option<crate::model::GreyAreaId>,
    /// Where the canvas was on screen last frame.
    pub canvas_rect: Option<egui::Rect>,
}

/// How the map is shown; the theme follows from it (`theme`), never stored beside it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DisplayMode {
    #[default]
    Editor,
    /// Full screen, panels hidden, the projector theme.
    Presentation,
    /// Presentation, light on black for washed-out projectors.
    PresentationDark,
}

impl DisplayMode {
    pub fn presenting(self) -> bool {
        self != DisplayMode::Editor
    }

    pub fn theme(self) -> Theme {
        match self {
            DisplayMode::Editor => Theme::light(),
            DisplayMode::Presentation => Theme::presentation(false),
            DisplayMode::PresentationDark => Theme::presentation(true),
        }
    }
}

/// What the export window is preparing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportRequest {
    pub format: crate::export::Format,
    pub options: crate::export::ExportOptions,
}

impl UiState {
    pub fn selected_touchpoints(&self) -> Vec<TouchpointId> {
        self.selection
            .iter()
            .filter_map(|e| match e {
                ElementId::Touchpoint(id) => Some(id.clone()),
                _ => None,
            })
            .collect()
    }

    /// Selects a just-created touchpoint, focuses its title and scrolls to it.
    pub fn select_new_touchpoint(&mut self, id: TouchpointId, stage: Stage) {
        self.selection = vec![ElementId::Touchpoint(id.clone())];
        self.active_stage = Some(stage);
        self.focus_request = Some(widgets::field_id(id.as_str(), "title"));
        self.reveal = Some(id);
    }

    /// Forgets everything that pointed into the previous document; display mode,
    /// notices and open tool windows stay.
    pub fn reset_for_new_document(&mut self) {
        let UiState {
            selection,
            view,
            active_stage,
            drag,
            focus_request,
            show_catalogue,
            modal: _,
            notice: _,
            reveal,
            display: _,
            entry,
            filter,
            spotlight,
            canvas_rect: _,
        } = self;
        selection.clear();
        *view = View::fit_on_next_frame();
        *active_stage = None;
        *drag = None;
        *focus_request = None;
        *show_catalogue = false;
        *reveal = None;
        *entry = None;
        *filter = Filter::None;
        *spotlight = None;
    }

    pub fn is_selected(&self, id: &ElementId) -> bool {
        self.selection.contains(id)
    }
}

pub struct JourneyApp {
    pub document: Document,
    pub settings: Settings,
    pub ui_state: UiState,
    i18n: I18n,
    theme: Theme,
    dialogs: Box<dyn FileDialogs>,
    dialog_tx: Sender<DialogReply>,
    dialog_rx: Receiver<DialogReply>,
    layout: Option<((u64, DisplayMode), MapLayout)>,
    fonts_installed: bool,
    quit_confirmed: bool,
    title_shown: String,
    thumbnails: thumbnails::Thumbnails,
    /// The focused widget last frame: typing coalesces only within one focus.
    last_focus: Option<egui::Id>,
    pub safety: safety::Safety,
    grey_list: grey_area_panel::ListCache,
    keyboard: input::KeyboardQueue,
    /// Commands asked for this frame, run when it ends.
    queued: Vec<AppCommand>,
    /// A journey file that failed to load, shown instead of the map.
    failed: Option<LoadFailure>,
    builtin_picker_explained: bool,
}

impl JourneyApp {
    fn new(document: Document, settings: Settings, dialogs: Box<dyn FileDialogs>) -> Self {
        let (dialog_tx, dialog_rx) = channel();
        Self {
            document,
            i18n: I18n::new(settings.language),
            settings,
            ui_state: UiState {
                view: View::fit_on_next_frame(),
                ..UiState::default()
            },
            theme: Theme::light(),
            dialogs,
            dialog_tx,
            dialog_rx,
            layout: None,
            fonts_installed: false,
            quit_confirmed: false,
            title_shown: String::new(),
            thumbnails: thumbnails::Thumbnails::default(),
            last_focus: None,
            // No recovery folder unless asked for: tests must not write to the home folder.
            safety: safety::Safety::new(None),
            grey_list: grey_area_panel::ListCache::default(),
            keyboard: input::KeyboardQueue::default(),
            queued: Vec::new(),
            failed: None,
            builtin_picker_explained: false,
        }
    }

    pub fn journey(&self) -> &Journey {
        &self.document.journey
    }

    /// The file that failed to load, while its errors are shown instead of the map.
    pub fn load_failure(&self) -> Option<&LoadFailure> {
        self.failed.as_ref()
    }

    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    pub fn set_language(&mut self, language: crate::model::Language) {
        self.settings.language = language;
        self.i18n = I18n::new(language);
    }

    /// The map's extent in layout coordinates, as last laid out.
    pub fn map_bounds(&self) -> Option<crate::layout::Rect> {
        self.layout.as_ref().map(|(_, layout)| layout.bounds)
    }

    /// Recomputes the layout when the document changed.
    fn ensure_layout(&mut self) {
        let key = (self.document.revision(), self.ui_state.display);
        if self.layout.as_ref().is_none_or(|(k, _)| *k != key) {
            let layout = crate::layout::layout(&self.document.journey, &self.theme.metrics);
            self.layout = Some((key, layout));
        }
    }

    /// One frame of the whole app.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            fonts::install(&ctx);
            self.fonts_installed = true;
        }
        self.receive_dialog_answers(&ctx);
        self.handle_dropped_files(&ctx);
        if let Some(command) = self.keyboard.take_command(&ctx) {
            self.queue(command);
        }
        self.handle_close_request(&ctx);

        if self.failed.is_some() {
            menu_bar::ui(self, ui);
            self.status_bar_ui(ui);
            self.load_failure_ui(ui);
            self.modals_ui(&ctx);
            self.run_queued(&ctx);
            self.safety_tick(&ctx);
            self.update_title(&ctx);
            self.keyboard.end_frame(false, self.modal_open());
            return;
        }
        let mut edits = Edits::default();
        if self.ui_state.display.presenting() {
            self.presentation_bar_ui(ui);
        } else {
            menu_bar::ui(self, ui);
            self.status_bar_ui(ui);
            journey_panel::ui(self, ui, &mut edits);
            inspector_panel::ui(self, ui, &mut edits);
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                canvas::ui(self, ui, &mut edits);
            });
        self.entry_bar_ui(&ctx, &mut edits);
        self.modals_ui(&ctx);
        let focus = ctx.memory(|m| m.focused());
        if focus != self.last_focus {
            self.document.break_coalescing();
            self.last_focus = focus;
        }
        self.apply_edits(edits);
        self.run_queued(&ctx);
        if let Some(id) = self.ui_state.focus_request.take() {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        self.safety_tick(&ctx);
        self.update_title(&ctx);
        // An open popup (combo box, colour picker, menu) owns Esc and plain keys too.
        let modal = self.modal_open() || egui::Popup::is_any_open(&ctx);
        self.keyboard
            .end_frame(self.ui_state.entry.is_some(), modal);
    }

    fn apply_edits(&mut self, edits: Edits) {
        for (edit, label, coalesce) in edits.list {
            if let Err(error) = self.document.apply(edit, label, coalesce) {
                self.ui_state.notice = Some(Notice::Error(error.to_string()));
            }
        }
        self.prune_selection();
    }

    /// Drops selected elements that no longer exist (after undo, delete, reload).
    fn prune_selection(&mut self) {
        let journey = &self.document.journey;
        self.ui_state.selection.retain(|element| match element {
            ElementId::Touchpoint(id) => journey.touchpoint(id).is_some(),
            ElementId::Evidence(id) => journey.evidence_item(id).is_some(),
            ElementId::GreyArea(id) => journey.grey_area(id).is_some(),
            ElementId::Opportunity(id) => journey.opportunity(id).is_some(),
            ElementId::Channel(id) => journey.channel(id).is_some(),
            ElementId::Department(id) => journey.department(id).is_some(),
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let name = match &self.failed {
            Some(failure) => {
                crate::tr!(self.i18n, "load-failed-window", file = failure.file_name())
            }
            None => self
                .document
                .file_name()
                .unwrap_or_else(|| self.i18n.tr("untitled")),
        };
        let marker = if self.failed.is_none() && self.document.is_modified() {
            "● "
        } else {
            ""
        };
        // The journey's own title first: what a person recognises on a projector.
        let journey_title = self.document.journey.title.trim();
        let title = if self.failed.is_some() || journey_title.is_empty() {
            format!("{marker}{name} — journeymap")
        } else {
            format!("{marker}{journey_title} — {name} — journeymap")
        };
        if title != self.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
    }

    /// The window title as last sent (for tests and the status bar).
    pub fn window_title(&self) -> &str {
        &self.title_shown
    }

    /// The one line of chrome in presentation mode, in 24 px type.
    fn presentation_bar_ui(&mut self, ui: &mut egui::Ui) {
        let background = canvas_paint::colour(self.theme.background);
        let text = canvas_paint::colour(self.theme.text);
        egui::Panel::bottom("presentation_bar")
            .frame(egui::Frame::NONE.fill(background).inner_margin(8.0))
            .show(ui, |ui| {
                let stage = self.ui_state.active_stage.unwrap_or(Stage::Awareness);
                let hint = crate::tr!(
                    self.i18n,
                    "presentation-hint",
                    stage = self.i18n.term("stage", stage.key())
                );
                ui.label(
                    egui::RichText::new(hint)
                        .size(modals::PRESENTATION_TEXT_SIZE)
                        .color(text),
                );
            });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let journey = &self.document.journey;
                let counts = crate::tr!(
                    self.i18n,
                    "status-counts",
                    touchpoints = journey.touchpoints.len(),
                    grey_areas = journey.grey_areas.len(),
                    evidence = journey.evidence.len()
                );
                // Behind the failure view the counts and zoom would describe another map.
                if self.failed.is_none() {
                    ui.label(counts);
                    ui.separator();
                    let zoom = format!("{:.0}%", self.ui_state.view.zoom * 100.0);
                    ui.label(zoom);
                }
                if self.failed.is_none() && self.document.is_modified() {
                    ui.separator();
                    ui.label(self.i18n.tr("status-unsaved"));
                }
                if let Some(notice) = self.ui_state.notice.clone() {
                    ui.separator();
                    let (text, colour) = match &notice {
                        Notice::Error(text) => (text, ui.visuals().error_fg_color),
                        Notice::Info(text) => (text, ui.visuals().text_color()),
                    };
                    ui.colored_label(colour, text.as_str());
                    if ui.small_button(self.i18n.tr("dismiss")).clicked() {
                        self.ui_state.notice = None;
                    }
                }
            });
        });
    }
}

/// Everything the editor takes from outside when it starts. `run` fills it from the
/// platform; tests fill it with temp folders and scripted dialogs. Both then call
/// `JourneyApp::start`, so the start path the tests drive is the one that ships.
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
}

impl JourneyApp {
    /// The app as it starts: autosave into the recovery folder, recovery files left by
    /// a dead process offered, then the file asked for, else the last file, else the
    /// example. A file that fails to load shows its errors, never another map.
    pub fn start(startup: Startup) -> Self {
        let Startup {
            file,
            journey,
            settings,
            dialogs,
            recovery_dir,
        } = startup;
        let journey = journey.unwrap_or_else(|| actions::welcome_journey(&settings));
        let mut app = JourneyApp::new(Document::new(journey, None), settings, dialogs);
        app.set_recovery_dir(recovery_dir);
        app.check_recovery();
        app.open_at_start(file);
        app
    }
}

/// Runs the editor in a native window; opens `file`, or the last file, or an example.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("journeymap")
            .with_app_id("journeymap")
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
                journey: None,
                settings,
                dialogs: Box::new(NativeDialogs::detect()),
                recovery_dir: crate::recovery::default_dir(),
            });
            Ok(Box::new(EframeApp(app, 0)))
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

/// The app and, for the start-up probe, the frames shown so far.
struct EframeApp(JourneyApp, u32);

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.ui(ui);
        if crate::startup::probing() {
            // This is the second frame: the first has been presented.
            self.1 += 1;
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
        eframe::set_value(storage, settings::STORAGE_KEY, &self.0.settings);
    }
}
