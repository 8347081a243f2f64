//! The desktop editor. `JourneyApp` is the whole app, exposed so tests drive the real
//! thing with egui_kittest; `run` wraps it in an eframe window.
//!
//! Three kinds of state, three places: the document (`Document`, saved in the .ron),
//! the user's settings (`Settings`, persisted by eframe), and transient UI state
//! (`UiState`: selection, view, open dialogs). Widgets never change the document: they
//! push `Edit`s into `Edits`, applied once at the end of the frame.

pub mod actions;
mod canvas;
mod commands;
mod dialogs;
mod disk_watch;
mod execute;
mod fonts;
mod input;
mod inspector;
mod opening;
mod panels;
mod safety;
mod settings;
mod start;
mod state;
pub mod thumbnails;
mod widgets;
mod workshop;

pub use crate::document::{Document, EditLabel};
pub use canvas::View;
pub use commands::AppCommand;
pub use dialogs::file_dialog::{
    DialogKind, DialogPurpose, DialogReply, DialogUnavailable, FileDialogs, NativeDialogs,
    ScriptedDialogs,
};
pub use dialogs::load_failure::LoadFailure;
pub use dialogs::modal::Modal;
pub use safety::{AUTOSAVE_DELAY_SECS, OutsideChange};
pub use settings::Settings;
pub use start::{Startup, run};
pub use state::{Caches, DisplayMode, Edits, ExportRequest, Notice, Panel, PendingAction, UiState};
pub use workshop::Filter;

use crate::i18n::I18n;
use crate::layout::MapLayout;
use crate::model::{Edit, ElementId, Journey, Stage, TouchpointId};
use crate::theme::Theme;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender, channel};
pub struct JourneyApp {
    pub document: Document,
    pub settings: Settings,
    pub ui_state: UiState,
    i18n: I18n,
    theme: Theme,
    dialogs: Box<dyn FileDialogs>,
    dialog_tx: Sender<DialogReply>,
    dialog_rx: Receiver<DialogReply>,
    layout: Option<(LayoutKey, MapLayout)>,
    fonts_installed: bool,
    quit_confirmed: bool,
    title_shown: String,
    /// What the panels keep between frames, keyed by document revision.
    caches: Caches,
    /// The focused widget last frame: typing coalesces only within one focus.
    last_focus: Option<egui::Id>,
    pub safety: safety::Safety,
    keyboard: input::KeyboardQueue,
    /// Commands asked for this frame, run when it ends.
    queued: Vec<AppCommand>,
    /// A journey file that failed to load, shown instead of the map.
    failed: Option<LoadFailure>,
    builtin_picker_explained: bool,
    /// A journey file being read on its own thread.
    opening: Option<opening::Opening>,
    /// How files are read: `Document::load`; tests put slow readers here.
    pub loader: opening::Loader,
    /// When opening a file is given up.
    pub open_timeout: std::time::Duration,
}

/// What the canvas's layout was computed from.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    revision: u64,
    display: DisplayMode,
    collapse: bool,
    arrangement: crate::layout::Arrangement,
    /// The canvas's width / height in twentieths, for the wall.
    shape: i32,
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
            caches: Caches::default(),
            last_focus: None,
            // No recovery folder unless asked for: tests must not write to the home folder.
            safety: safety::Safety::new(None),
            keyboard: input::KeyboardQueue::default(),
            queued: Vec::new(),
            failed: None,
            builtin_picker_explained: false,
            opening: None,
            loader: |path| Document::load(path),
            open_timeout: opening::OPEN_TIMEOUT,
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

    /// Esc or Enter dismisses a warning notice, when no field or prompt has the keys.
    fn dismiss_warning_by_key(&mut self, ctx: &egui::Context) {
        if !matches!(self.ui_state.notice, Some(Notice::Warning(_)))
            || self.modal_open()
            || ctx.memory(|m| m.focused()).is_some()
        {
            return;
        }
        let dismissed = ctx.input_mut(|i| {
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)
        });
        if dismissed {
            self.ui_state.notice = None;
        }
    }

    /// Esc and Enter (taken as commands when nothing has the keys) dismiss a warning
    /// notice before they do anything else.
    fn dismisses_warning(&mut self, command: AppCommand) -> bool {
        let dismiss = matches!(self.ui_state.notice, Some(Notice::Warning(_)))
            && !self.modal_open()
            && matches!(command, AppCommand::ClearFilter | AppCommand::OpenCard);
        if dismiss {
            self.ui_state.notice = None;
        }
        dismiss
    }

    /// Recomputes the layout when the document changed.
    fn ensure_layout(&mut self) {
        use crate::layout::Arrangement;
        let arrangement = self.ui_state.arrangement;
        // The wall fits the canvas's shape (as last drawn): it is laid out again, and
        // fitted again, when the window's shape changes.
        let aspect = self
            .ui_state
            .canvas_rect
            .map_or(16.0 / 9.0, |r| r.width() / r.height().max(1.0));
        let shape = match arrangement {
            Arrangement::Timeline => 0,
            Arrangement::Wall => (aspect * 20.0).round() as i32,
        };
        let key = LayoutKey {
            revision: self.document.revision(),
            display: self.ui_state.display,
            collapse: self.ui_state.collapse_empty_stages,
            arrangement,
            shape,
        };
        if self.layout.as_ref().is_none_or(|(k, _)| *k != key) {
            let refit = self.layout.as_ref().is_some_and(|(k, _)| {
                k.arrangement == Arrangement::Wall
                    && k.shape != key.shape
                    && k.revision == key.revision
            });
            let metrics = self
                .theme
                .metrics
                .collapsing_empty_stages(self.ui_state.collapse_empty_stages);
            let layout =
                crate::layout::arrange(&self.document.journey, &metrics, arrangement, aspect);
            self.layout = Some((key, layout));
            if refit {
                self.ui_state.view = canvas::View::fit_on_next_frame();
            }
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
        self.dismiss_warning_by_key(&ctx);
        if let Some(command) = self.keyboard.take_command(&ctx)
            && !self.dismisses_warning(command)
        {
            self.queue(command);
        }
        self.handle_close_request(&ctx);
        self.opening_ui(&ctx);

        if self.failed.is_some() {
            self.menu_bar_ui(ui);
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
            self.menu_bar_ui(ui);
            self.status_bar_ui(ui);
            self.panels_ui(ui, &mut edits);
        }
        self.find_bar_ui(ui);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.ensure_layout();
                let JourneyApp {
                    document,
                    ui_state,
                    i18n,
                    theme,
                    layout,
                    caches,
                    ..
                } = self;
                caches
                    .grey_list
                    .refresh(document.revision(), &document.journey);
                if let Some((_, layout)) = layout.as_ref() {
                    let canvas = canvas::Canvas {
                        journey: &document.journey,
                        layout,
                        ui_state,
                        i18n,
                        theme,
                        edits: &mut edits,
                        suggestions: caches.grey_list.suggested(),
                    };
                    canvas::ui(canvas, ui);
                }
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

    /// The menu bar reads a `Menu`; what was chosen is carried out here.
    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        let enabled = |command| self.command_enabled(command);
        let menu = panels::menu_bar::Menu {
            i18n: &self.i18n,
            recent_files: &self.settings.recent_files,
            language: self.settings.language,
            undo_label: self.document.undo_label(),
            redo_label: self.document.redo_label(),
            enabled: &enabled,
            curves: self
                .document
                .journey
                .curves
                .iter()
                .map(|c| {
                    let shown = !self.ui_state.hidden_curves.contains(&c.id);
                    (c.id.clone(), c.name.clone(), shown)
                })
                .collect(),
        };
        let Some(choice) = panels::menu_bar::ui(&menu, ui) else {
            return;
        };
        use panels::menu_bar::MenuChoice;
        match choice {
            MenuChoice::Command(command) => self.queue(command),
            MenuChoice::OpenRecent(path) => {
                let ctx = ui.ctx().clone();
                self.request(PendingAction::OpenPath(path), &ctx);
            }
            MenuChoice::Language(language) => self.set_language(language),
            MenuChoice::ShowCatalogue => self.ui_state.show_catalogue = true,
            MenuChoice::ToggleCurve(id) => {
                let hidden = &mut self.ui_state.hidden_curves;
                if let Some(at) = hidden.iter().position(|h| *h == id) {
                    hidden.remove(at);
                } else {
                    hidden.push(id);
                }
            }
        }
    }

    /// The journey panel and the inspector, each given only a `Panel`.
    fn panels_ui(&mut self, ui: &mut egui::Ui, edits: &mut Edits) {
        let mut file_requests = Vec::new();
        let JourneyApp {
            document,
            i18n,
            theme,
            ui_state,
            caches,
            ..
        } = self;
        let mut panel = Panel {
            journey: &document.journey,
            journey_path: document.path.as_deref(),
            revision: document.revision(),
            i18n,
            theme,
            ui_state,
            edits,
            caches,
            file_requests: &mut file_requests,
        };
        if !panel.ui_state.hide_journey_panel {
            panels::journey::ui(&mut panel, ui);
        }
        if !panel.ui_state.hide_inspector {
            inspector::ui(&mut panel, ui);
        }
        let ctx = ui.ctx().clone();
        for (kind, purpose) in file_requests {
            self.ask_file(kind, purpose, &ctx);
        }
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
        self.ui_state
            .selection
            .retain(|element| journey.has(element.kind(), element.as_str()));
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
        let journey_title = crate::bounded::ellipsized(
            self.document.journey.title.trim(),
            crate::model::NAME_CHARS,
        );
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
}
