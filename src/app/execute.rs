//! The one place app commands run. Keys, menus and buttons only *queue* a command during
//! the frame; `run_queued` executes them in order once the frame's edits are applied,
//! through one exhaustive `match` (a new command does not compile until it is handled
//! here).

use super::workshop::{Filter, PAN_STEP};
use super::*;

impl JourneyApp {
    /// Asks for a command; it runs at the end of this frame.
    pub fn queue(&mut self, command: AppCommand) {
        self.queued.push(command);
    }

    /// Runs the commands queued this frame, in order.
    pub(super) fn run_queued(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.queued) {
            self.execute(command, ctx);
        }
    }

    /// Whether a command can run now: menus grey out the others. Exhaustive, like
    /// `execute`.
    pub fn command_enabled(&self, command: AppCommand) -> bool {
        if self.failed.is_some() && !Self::works_without_document(command) {
            return false;
        }
        let card = || self.selected_touchpoint().is_some();
        let entering = self.ui_state.entry.is_some();
        use AppCommand::*;
        match command {
            Undo => self.document.undo_label().is_some(),
            Redo => self.document.redo_label().is_some(),
            Delete => !self.ui_state.selection.is_empty(),
            MarkGreyArea => self.ui_state.selected_touchpoints().len() == 2,
            OpenCard | MoveToNextStage | MoveToPreviousStage | MarkGreyAreaWithNext => card(),
            Emotion(_) => card() || entering,
            Spotlight => !self.document.journey.grey_areas.is_empty(),
            EntryNext | EntryNextStage | EntryStop => entering,
            New | NewFromTemplate | Open | Save | SaveAs | ExportPng | ExportSvg | Quit
            | AddTouchpoint | ZoomIn | ZoomOut | ZoomFit | ShowShortcuts | Presentation
            | PresentationDark | StartEntry | NextCard | PreviousCard | NextStage
            | PreviousStage | FocusNextStage | FocusPreviousStage | FilterNoEvidence
            | FilterChannel | FilterDepartment | ClearFilter | PanLeft | PanRight | PanUp
            | PanDown | CollapseEmptyStages | ToggleJourneyPanel | ToggleInspector
            | TogglePanels | WallLayout | Find => true,
        }
    }

    fn execute(&mut self, command: AppCommand, ctx: &egui::Context) {
        if self.failed.is_some() && !Self::works_without_document(command) {
            return;
        }
        use AppCommand::*;
        match command {
            New => self.request(PendingAction::New, ctx),
            NewFromTemplate => {
                self.open_modal(Modal::Templates);
            }
            Open => self.request(PendingAction::Open, ctx),
            Save => {
                self.save(None, ctx);
            }
            SaveAs => self.ask_save_as(None, ctx),
            ExportPng => self.open_export(None),
            ExportSvg => self.open_export(Some(crate::export::Format::Svg)),
            Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Undo => {
                self.document.undo();
                self.prune_selection();
            }
            Redo => {
                self.document.redo();
                self.prune_selection();
            }
            AddTouchpoint => {
                let stage = self.ui_state.active_stage.unwrap_or(Stage::Awareness);
                self.add_touchpoint(stage);
            }
            Delete => self.delete_selection(),
            MarkGreyArea => self.mark_grey_area(),
            ZoomIn => self.ui_state.view.zoom_by(1.25),
            ZoomOut => self.ui_state.view.zoom_by(0.8),
            ZoomFit => self.ui_state.view.fit_whole(),
            ShowShortcuts => {
                if matches!(self.ui_state.modal, Some(Modal::Shortcuts)) {
                    self.ui_state.modal = None;
                } else {
                    self.open_modal(Modal::Shortcuts);
                }
            }
            Presentation => {
                let display = if self.ui_state.display.presenting() {
                    DisplayMode::Editor
                } else {
                    DisplayMode::Presentation
                };
                self.set_display(display, ctx);
            }
            PresentationDark => {
                // Shift+F11 toggles between the two projector variants.
                let display = if self.ui_state.display == DisplayMode::PresentationDark {
                    DisplayMode::Presentation
                } else {
                    DisplayMode::PresentationDark
                };
                self.set_display(display, ctx);
            }
            StartEntry => self.start_entry(self.current_stage()),
            OpenCard => {
                if let Some(id) = self.selected_touchpoint() {
                    self.ui_state.entry = Some(id);
                    self.ui_state.focus_request = Some(super::workshop::entry_field_id());
                }
            }
            NextCard => self.step_card(1),
            PreviousCard => self.step_card(-1),
            NextStage => self.step_stage(1, false),
            PreviousStage => self.step_stage(-1, false),
            FocusNextStage => self.step_stage(1, true),
            FocusPreviousStage => self.step_stage(-1, true),
            MoveToNextStage => self.move_selected(1),
            MoveToPreviousStage => self.move_selected(-1),
            Emotion(score) => self.set_emotion(score),
            MarkGreyAreaWithNext => self.mark_grey_area_with_next(),
            Spotlight => self.spotlight_next(),
            CollapseEmptyStages => {
                self.ui_state.collapse_empty_stages = !self.ui_state.collapse_empty_stages;
                self.ui_state.view.fit_whole();
            }
            Find => self.ui_state.find.open(),
            WallLayout => {
                use crate::layout::Arrangement;
                let arrangement = match self.ui_state.arrangement {
                    Arrangement::Timeline => Arrangement::Wall,
                    Arrangement::Wall => Arrangement::Timeline,
                };
                self.ui_state.arrangement = arrangement;
                if let Some(path) = &self.document.path {
                    self.settings.remember_arrangement(path, arrangement);
                }
                self.ui_state.view = crate::app::canvas::View::fit_on_next_frame();
            }
            ToggleJourneyPanel => self.ui_state.hide_journey_panel ^= true,
            ToggleInspector => self.ui_state.hide_inspector ^= true,
            TogglePanels => {
                // Both hidden unless both already are: one key clears the screen.
                let hide = !(self.ui_state.hide_journey_panel && self.ui_state.hide_inspector);
                self.ui_state.hide_journey_panel = hide;
                self.ui_state.hide_inspector = hide;
            }
            FilterNoEvidence => {
                self.ui_state.filter = if self.ui_state.filter == Filter::NoEvidence {
                    Filter::None
                } else {
                    Filter::NoEvidence
                };
            }
            FilterChannel => self.cycle_channel_filter(),
            FilterDepartment => self.cycle_department_filter(),
            ClearFilter => {
                self.ui_state.filter = Filter::None;
                self.ui_state.spotlight = None;
            }
            PanLeft => self.ui_state.view.offset.x += PAN_STEP,
            PanRight => self.ui_state.view.offset.x -= PAN_STEP,
            PanUp => self.ui_state.view.offset.y += PAN_STEP,
            PanDown => self.ui_state.view.offset.y -= PAN_STEP,
            EntryNext => self.entry_continue(false),
            EntryNextStage => self.entry_continue(true),
            EntryStop => self.entry_stop(),
        }
    }
}
