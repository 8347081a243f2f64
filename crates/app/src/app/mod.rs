//! The desktop editor. `JourneyApp` is the shell behind the window, exposed so tests
//! drive the real thing with egui_kittest; `run` wraps it in an eframe window.
//!
//! The shell holds the session (the document and its safety, `crate::session`), the
//! user's settings, the shared view state (`Workspace`), the components (`Panels`:
//! each owns its transient state), the one window over the map (`Modal`) and the one
//! action queue. A frame draws the components, which read and push `Action`s; then
//! the queue is drained once into one exhaustive handler (`handle.rs`), the only code
//! that changes the session or the view state. Commands run in `run.rs`, file
//! operations in `files.rs`.

mod action;
mod canvas;
mod commands;
mod dialogs;
mod files;
mod fonts;
mod handle;
mod input;
mod inspector;
mod panels;
mod review;
mod room;
mod run;
mod settings;
mod start;
mod table;
pub mod thumbnails;
mod widgets;
mod workshop;
mod workspace;

pub use crate::session::{AUTOSAVE_DELAY_SECS, Pending};
pub use action::DialogPurpose;
pub use action::{Action, ViewChange};
pub use canvas::View;
pub use commands::AppCommand;
pub use dialogs::file_dialog::{
    DialogKind, DialogUnavailable, FileDialogs, NativeDialogs, Reply, ScriptedDialogs,
};
pub use dialogs::modal::Modal;
pub use settings::Settings;
pub use start::{Startup, run};
pub use workspace::{DisplayMode, ExportRequest, Filter, Notice, Workspace};

/// The files File ▸ Import… opens: a sheet, a Mermaid diagram, a JSON journey.
pub const IMPORT_EXTENSIONS: [&str; 6] = ["csv", "tsv", "txt", "mmd", "md", "json"];

/// What File ▸ Import event log… opens.
pub const LOG_EXTENSIONS: [&str; 2] = ["csv", "xes"];

use crate::i18n::I18n;
use crate::model::{Journey, Language};
use crate::session::{Config, Failure, Prompt, Session, Sink};
use action::ActionQueue;
use input::KeyboardQueue;
use panels::Panels;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

pub struct JourneyApp {
    session: Session,
    settings: Settings,
    i18n: I18n,
    /// The open map's language, for what the canvas draws (kept while the map's
    /// language stays).
    words: I18n,
    workspace: Workspace,
    panels: Panels,
    /// The window or prompt of the editor's own over the map, if any.
    modal: Option<Modal>,
    actions: ActionQueue,
    dialogs: Box<dyn FileDialogs>,
    keyboard: KeyboardQueue,
    frame: FrameState,
    /// The room, while it is open (Workshop ▸ Open the room…).
    room: Option<room::RoomWindow>,
}

/// What the shell keeps from one frame to the next for the window itself.
#[derive(Default)]
struct FrameState {
    fonts_installed: bool,
    title_shown: String,
    /// The focused widget last frame: typing coalesces only within one focus.
    last_focus: Option<egui::Id>,
    quit_confirmed: bool,
    builtin_picker_explained: bool,
    /// Window commands the handler asked for, sent when the frame ends.
    viewport: Vec<egui::ViewportCommand>,
    /// The element last announced to a screen reader, and what was said.
    announced_for: Option<crate::model::ElementId>,
    announcement: String,
}

impl JourneyApp {
    /// What a screen reader announces when the selection moves: the element now
    /// selected, with its facts, in a polite live region (egui has no live-region API;
    /// AccessKit's node has one, and its AT-SPI adapter announces changes to it).
    fn announce(&mut self, ui: &mut egui::Ui) {
        use crate::model::ElementId;
        let selected = self.workspace.selection.last().cloned();
        if selected != self.frame.announced_for {
            let journey = &self.session.document().journey;
            let i18n = &self.i18n;
            self.frame.announcement = match &selected {
                Some(ElementId::Touchpoint(id)) => journey
                    .touchpoints
                    .iter()
                    .position(|t| t.id == *id)
                    .map(|k| crate::words::touchpoint_spoken(journey, k, i18n))
                    .unwrap_or_default(),
                Some(ElementId::Step(id)) => journey
                    .steps
                    .iter()
                    .position(|s| s.id == *id)
                    .map(|k| crate::words::step_spoken(journey, k, i18n))
                    .unwrap_or_default(),
                Some(ElementId::GreyArea(id)) => journey
                    .grey_areas
                    .iter()
                    .position(|g| g.id == *id)
                    .map(|k| crate::words::grey_area_spoken(journey, k, i18n))
                    .unwrap_or_default(),
                Some(other) => crate::words::element_name(journey, other, i18n),
                None => String::new(),
            };
            self.frame.announced_for = selected;
        }
        if self.frame.announcement.is_empty() {
            return;
        }
        let at = ui.max_rect().left_bottom() - egui::vec2(0.0, 1.0);
        let id = egui::Id::unique(("announcement", 1));
        let response = ui.interact(
            egui::Rect::from_min_size(at, egui::vec2(1.0, 1.0)),
            id,
            egui::Sense::hover(),
        );
        let text = &self.frame.announcement;
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Status, true, text));
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_live(egui::accesskit::Live::Polite);
        });
    }

    /// The app as it starts: autosave into the recovery folder, recovery files left by
    /// a dead process offered, then the file asked for, else the last file, else the
    /// example. A file that fails to load shows its errors, never another map. The one
    /// constructor the binary (`run`) and the tests share.
    pub fn start(startup: Startup) -> Self {
        let Startup {
            file,
            journey,
            settings,
            dialogs,
            recovery_dir,
            fs,
            open_timeout,
        } = startup;
        let journey = journey.unwrap_or_else(|| files::welcome_journey(&settings));
        let words = I18n::new(journey.language);
        let actions = ActionQueue::default();
        let sender = actions.sender();
        let sink: Sink = Arc::new(move |event| sender.send(Action::Session(event)));
        let (session, reports) = Session::start(
            Config {
                fs,
                recovery_dir,
                sink,
                open_timeout,
            },
            journey,
        );
        let mut app = JourneyApp {
            session,
            i18n: I18n::new(settings.language),
            words,
            workspace: Workspace {
                interface_scale: settings.interface_scale.clamp(1.0, run::INTERFACE_MAX),
                ..Workspace::default()
            },
            settings,
            panels: Panels::default(),
            modal: None,
            actions,
            dialogs,
            keyboard: KeyboardQueue::default(),
            frame: FrameState::default(),
            room: None,
        };
        for report in reports {
            app.report(report);
        }
        let recent = app
            .settings
            .last_file()
            .map(PathBuf::from)
            .filter(|p| p.exists());
        if let Some(path) = file.or(recent) {
            // Nothing was open before: a failure offers no way back to the example.
            app.session.open(&path, false);
            // Before the first frame, an ordinary file is read: the window opens on
            // it, not on the example.
            app.session.wait_idle(crate::session::open::OPEN_QUIET);
        }
        app.drain();
        app
    }

    /// One frame of the whole app.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.frame.fonts_installed {
            fonts::install(&ctx);
            self.frame.fonts_installed = true;
        }
        self.actions.waker().set(&ctx);
        // The interface's size (View ▸ Interface size); the map's zoom is the canvas's.
        let scale = self.workspace.interface_scale;
        if (ctx.zoom_factor() - scale).abs() > 1e-3 {
            ctx.set_zoom_factor(scale);
        }
        // Notes a crashed window's recovery kept come back into a room opened again.
        let restored = self.session.take_restored_notes();
        if !restored.is_empty() {
            self.open_room();
            if let Some(room) = &mut self.room {
                room.restore(restored, self.session.journey());
            }
        }
        let command = self.keyboard.take_command(&ctx);
        let document = self.session.document();
        let actions = self.actions.for_frame(document.id(), document.changes());
        self.frame_input(&ctx, &actions);
        if let Some(secs) = self.session.tick(ctx.input(|i| i.time)) {
            ctx.request_repaint_after(Duration::from_secs_f64(secs.max(0.0)));
        }
        self.draw(ui, &ctx, &actions);
        self.announce(ui);
        // A command waits for the widgets' edits of this frame (typing, then Ctrl+S).
        if let Some(command) = command
            && !self.dismisses_warning(command)
        {
            actions.push(Action::Command(command));
        }
        let focus = ctx.memory(|m| m.focused());
        if focus != self.frame.last_focus {
            actions.push(Action::FocusMoved);
            self.frame.last_focus = focus;
        }
        // What the actions changed was drawn before they ran: show it.
        if self.drain() {
            ctx.request_repaint();
        }
        // The room's inbox lives in the window's recovery, never in the map.
        let notes = self.room.as_ref().map(room::RoomWindow::pending_notes);
        self.session.set_room_notes(notes.unwrap_or_default());
        for command in self.frame.viewport.drain(..) {
            ctx.send_viewport_cmd(command);
        }
        if let Some(id) = self.workspace.focus_request.take() {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        self.update_title(&ctx);
        // An open popup (combo box, colour picker, menu) owns Esc and plain keys too.
        let modal = self.modal_open() || egui::Popup::is_any_open(&ctx);
        self.keyboard
            .end_frame(self.panels.entry.is_entering(), modal);
    }

    /// Handles every action waiting, in order (the handler may queue more); returns
    /// whether there was any.
    fn drain(&mut self) -> bool {
        let mut any = false;
        while let Some(action) = self.actions.next() {
            self.handle(action);
            any = true;
        }
        any
    }

    /// What the window delivers outside the widgets: dropped files, a close request.
    fn frame_input(&mut self, ctx: &egui::Context, actions: &action::Actions) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if !dropped.is_empty() {
            actions.push(Action::Dropped(dropped));
        }
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && self.session.needs_saving() && !self.frame.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            actions.push(Action::Request(Pending::Quit));
        }
        // Esc or Enter dismisses a warning notice, when no field or prompt has the keys.
        let warning = matches!(self.workspace.notice, Some(Notice::Warning(_)));
        if warning && !self.modal_open() && ctx.memory(|m| m.focused()).is_none() {
            let dismissed = ctx.input_mut(|i| {
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
                    || i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)
            });
            if dismissed {
                actions.view(ViewChange::Notice(None));
            }
        }
    }

    /// Esc and Enter (taken as commands when nothing has the keys) dismiss a warning
    /// notice before they do anything else.
    fn dismisses_warning(&mut self, command: AppCommand) -> bool {
        let dismiss = matches!(self.workspace.notice, Some(Notice::Warning(_)))
            && !self.modal_open()
            && matches!(command, AppCommand::ClearFilter | AppCommand::OpenCard);
        if dismiss {
            self.workspace.notice = None;
        }
        dismiss
    }

    /// Draws every component; they push what the person did into `actions`.
    fn draw(&mut self, ui: &mut egui::Ui, ctx: &egui::Context, actions: &action::Actions) {
        let language = self.session.document().journey.language;
        if self.words.language() != language {
            self.words = I18n::new(language);
        }
        let JourneyApp {
            session,
            settings,
            i18n,
            words,
            workspace,
            panels,
            modal,
            ..
        } = self;
        let document = session.document();
        let journey = &document.journey;
        let presenting = workspace.display.presenting();
        let failure = session.failure();
        let entering = panels.entry.is_entering();
        let enabled = |command| run::command_enabled(session, workspace, entering, command);
        let menu = || panels::menu_bar::Menu {
            i18n,
            recent_files: &settings.recent_files,
            language: settings.language,
            undo_label: document.undo_label(),
            redo_label: document.redo_label(),
            enabled: &enabled,
            curves: journey
                .curves
                .iter()
                .map(|c| {
                    let shown = !workspace.hidden_curves.contains(&c.id);
                    (c.id.clone(), c.name.clone(), shown)
                })
                .collect(),
        };
        let status = panels::status_bar::Status {
            journey,
            workspace,
            i18n,
            zoom: panels.canvas.view.zoom,
            unsaved: document.is_modified(),
            failed: failure.is_some(),
            autosave_problem: session.autosave_problem(),
        };
        if let Some(failure) = failure {
            panels::menu_bar::ui(&menu(), ui, actions);
            panels::status_bar::ui(ui, &status, actions);
            let behind = document.file_name().unwrap_or_else(|| i18n.tr("untitled"));
            panels.failure.ui(ui, failure, &behind, i18n, actions);
        } else {
            if presenting {
                panels::status_bar::presentation_ui(ui, journey, workspace, i18n);
            } else {
                panels::menu_bar::ui(&menu(), ui, actions);
                panels::status_bar::ui(ui, &status, actions);
                let mut panel = panels::Panel {
                    journey,
                    journey_path: document.path.as_deref(),
                    revision: document.revision(),
                    i18n,
                    theme: &workspace.theme,
                    workspace,
                    actions,
                    caches: &mut panels.caches,
                };
                if !workspace.hide_journey_panel {
                    panels::journey::ui(&mut panel, ui);
                }
                if !workspace.hide_inspector {
                    inspector::ui(&mut panel, ui);
                }
            }
            if workspace.show_outline && !presenting {
                panels::outline::ui(ui, journey, words, i18n);
            }
            panels
                .find
                .ui(ui, journey, document.revision(), i18n, actions);
            if let Some(id) = workspace.reveal.take() {
                panels.canvas.reveal(id);
            }
            panels
                .caches
                .grey_list
                .refresh(document.revision(), journey);
            let covered = modal.is_some() || session.prompt().is_some() || panels.find.open;
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    if workspace.table && !presenting {
                        let cx = table::Context {
                            journey,
                            revision: document.revision(),
                            workspace,
                            i18n,
                            actions,
                            covered,
                        };
                        ui.painter()
                            .rect_filled(ui.max_rect(), 0.0, ui.visuals().panel_fill);
                        ui.add_space(4.0);
                        panels.table.ui(ui, &cx);
                        return;
                    }
                    let cx = canvas::Context {
                        journey,
                        revision: document.revision(),
                        workspace,
                        i18n,
                        words,
                        actions,
                        suggestions: panels.caches.grey_list.shown(),
                    };
                    panels.canvas.ui(ui, &cx);
                });
            panels.entry.ui(ctx, journey, presenting, i18n, actions);
            if let Some(room) = &mut self.room
                && !room.ui(ctx, journey, &workspace.selection, i18n, actions)
            {
                self.room = None;
            }
        }
        opening_ui(ctx, session, i18n, actions);
        // The session's questions first; a window that only shows something gives way.
        match session.prompt() {
            Some(prompt) if modal.as_ref().is_none_or(Modal::gives_way) => {
                *modal = None;
                let file = document.file_name().unwrap_or_default();
                match prompt {
                    Prompt::Recovery(found) => {
                        dialogs::safety_prompts::recovery_ui(ctx, i18n, found, actions);
                    }
                    Prompt::Overwrite(_) => {
                        dialogs::safety_prompts::overwrite_ui(ctx, i18n, &file, actions);
                    }
                    Prompt::Outside(change) => {
                        let prompt = dialogs::safety_prompts::Outside {
                            file: &file,
                            change,
                            mine: journey,
                            show_changes: &mut panels.show_outside_changes,
                        };
                        dialogs::safety_prompts::outside_change_ui(ctx, i18n, prompt, actions);
                    }
                }
            }
            _ => {
                if let Some(open) = modal {
                    let cx = dialogs::modal::Context {
                        i18n,
                        language: settings.language,
                        presenting,
                        document_name: document.file_name().unwrap_or_else(|| i18n.tr("untitled")),
                        actions,
                    };
                    if !open.ui(ctx, &cx) {
                        *modal = None;
                    }
                }
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let document = self.session.document();
        let failure = self.session.failure();
        let name = match failure {
            Some(failure) => {
                crate::tr!(self.i18n, "load-failed-window", file = failure.file_name())
            }
            None => document
                .file_name()
                .unwrap_or_else(|| self.i18n.tr("untitled")),
        };
        let marker = if failure.is_none() && document.is_modified() {
            "● "
        } else {
            ""
        };
        // The journey's own title first: what a person recognises on a projector.
        let journey_title =
            crate::bounded::ellipsized(document.journey.title.trim(), crate::model::NAME_CHARS);
        let title = if failure.is_some() || journey_title.is_empty() {
            format!("{marker}{name} — journeymap")
        } else {
            format!("{marker}{journey_title} — {name} — journeymap")
        };
        if title != self.frame.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.frame.title_shown = title;
        }
    }

    /// Whether a window or prompt is over the map: plain-key map shortcuts wait, and
    /// Esc belongs to the window. "Opening…" blocks the map too: no shortcut edits a
    /// document about to be replaced.
    fn modal_open(&self) -> bool {
        self.modal.is_some() || self.session.prompt().is_some() || self.session.opening().is_some()
    }

    // ---- what tests and the window read ----

    /// Where the room is open, and the facilitator's token, when it is.
    pub fn room(&self) -> Option<(String, String)> {
        self.room.as_ref().map(|r| r.address())
    }

    pub fn journey(&self) -> &Journey {
        self.session.journey()
    }

    pub fn document(&self) -> &crate::document::Document {
        self.session.document()
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The canvas's pan and zoom.
    pub fn view(&self) -> &View {
        &self.panels.canvas.view
    }

    /// Where the canvas was drawn last frame.
    pub fn canvas_rect(&self) -> Option<egui::Rect> {
        self.panels.canvas.rect()
    }

    /// The map's extent in layout coordinates, as last laid out.
    pub fn map_bounds(&self) -> Option<crate::layout::Rect> {
        self.panels.canvas.map_bounds()
    }

    /// Where the canvas drew the `index`th card of its layout last frame.
    pub fn card_on_screen(&self, index: usize) -> Option<egui::Rect> {
        self.panels.canvas.card_on_screen(index)
    }

    /// Whether a card is being dragged on the canvas.
    pub fn is_dragging(&self) -> bool {
        self.panels.canvas.is_dragging()
    }

    /// The card being typed in keyboard entry.
    pub fn entering(&self) -> Option<&crate::model::TouchpointId> {
        self.panels.entry.entry.as_ref()
    }

    /// Whether anything is being typed from the workshop's keyboard entry (a card's
    /// title, a grey area's words).
    pub fn is_entering(&self) -> bool {
        self.panels.entry.is_entering()
    }

    /// The file that failed to load, while its errors are shown instead of the map.
    pub fn load_failure(&self) -> Option<&Failure> {
        self.session.failure()
    }

    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// Whether the app's own file picker is open.
    pub fn file_picker_open(&self) -> bool {
        matches!(self.modal, Some(Modal::FilePicker(_)))
    }

    /// A file is being read and the window says so.
    pub fn is_opening(&self) -> bool {
        self.session
            .opening()
            .is_some_and(crate::session::Opening::shows)
    }

    /// The window title as last sent.
    pub fn window_title(&self) -> &str {
        &self.frame.title_shown
    }

    /// Asks for `action`; it is handled with the next frame's.
    pub fn act(&self, action: Action) {
        self.actions.push(action);
    }

    /// Whether no job is running and no action waits (tests settle on it).
    pub fn is_idle(&self) -> bool {
        self.session.busy().count() == 0 && self.actions.is_empty()
    }

    /// Whether an autosave is waiting for edits to pause (it writes on its own clock).
    pub fn autosave_waiting(&self) -> bool {
        self.session.autosave_waiting()
    }

    /// Waits until the session's jobs have sent their results, at most `timeout`.
    pub fn wait_for_jobs(&self, timeout: Duration) -> bool {
        self.session.wait_idle(timeout)
    }

    pub fn set_language(&mut self, language: Language) {
        self.settings.language = language;
        self.i18n = I18n::new(language);
    }
}

/// "Opening…" over the map while a file takes a while to read, with Cancel.
fn opening_ui(ctx: &egui::Context, session: &Session, i18n: &I18n, actions: &action::Actions) {
    let Some(opening) = session.opening().filter(|o| o.shows()) else {
        return;
    };
    let name = crate::session::open::file_name(&opening.path);
    egui::Modal::new(egui::Id::unique("opening")).show(ctx, |ui| {
        // No spinner: it would repaint without end; the session's tick repaints ten
        // times a second, which also shows the time going by.
        let seconds = opening.since.elapsed().as_secs();
        ui.label(crate::tr!(
            i18n,
            "opening-file",
            file = name,
            seconds = seconds
        ));
        if ui.button(i18n.tr("cancel")).clicked() {
            actions.push(Action::CancelOpening);
        }
    });
}

/// Whether `path` names a journey file.
fn is_journey(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ron")
}
