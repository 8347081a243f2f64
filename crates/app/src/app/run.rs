//! What commands do. Keys, menus and buttons only push `Action::Command`; the handler
//! runs it here through one exhaustive `match` (a new command does not compile until it
//! is handled), and `command_enabled`, exhaustive too, greys out the menu entries that
//! cannot run now.

use super::action::DialogPurpose;
use super::commands::AppCommand;
use super::dialogs::file_dialog::DialogKind;
use super::dialogs::link_evidence;
use super::dialogs::modal::Modal;
use super::workshop::{self, PAN_STEP};
use super::workspace::{DisplayMode, ExportRequest, Filter, Notice, Workspace};
use super::{JourneyApp, Pending};
use crate::document::{EditLabel, new_touchpoint};
use crate::layout::Arrangement;
use crate::model::{Edit, Element, ElementId, Emotion, Stage};
use crate::session::Session;

/// The largest interface size: 200 %.
pub(crate) const INTERFACE_MAX: f32 = 2.0;

/// Commands that make sense while a file that failed to load is shown.
fn works_without_document(command: AppCommand) -> bool {
    matches!(
        command,
        AppCommand::New
            | AppCommand::Open
            | AppCommand::Quit
            | AppCommand::ShowShortcuts
            | AppCommand::InterfaceLarger
            | AppCommand::InterfaceSmaller
    )
}

/// Commands that may run while a file is being opened (none of them edits the map
/// about to be replaced).
fn works_while_opening(command: AppCommand) -> bool {
    use AppCommand::*;
    matches!(
        command,
        Quit | ShowShortcuts
            | ZoomIn
            | ZoomOut
            | ZoomFit
            | PanLeft
            | PanRight
            | PanUp
            | PanDown
            | EvidenceLane
            | BlueprintLanes
            | InterfaceLarger
            | InterfaceSmaller
    )
}

/// Whether a command can run now: menus grey out the others.
pub fn command_enabled(
    session: &Session,
    workspace: &Workspace,
    entering: bool,
    command: AppCommand,
) -> bool {
    if session.failure().is_some() && !works_without_document(command) {
        return false;
    }
    let document = session.document();
    let card = || workspace.selected_touchpoint().is_some();
    use AppCommand::*;
    match command {
        Undo => document.undo_label().is_some(),
        Redo => document.redo_label().is_some(),
        Delete => !workspace.selection.is_empty(),
        MarkGreyArea => workspace.selected_ends().len() == 2,
        AddStep => card(),
        OpenCard => matches!(
            workspace.selection.last(),
            Some(ElementId::Touchpoint(_) | ElementId::Step(_) | ElementId::GreyArea(_))
        ),
        MoveToNextStage | MoveToPreviousStage | MarkGreyAreaWithNext => card(),
        Emotion(_) => card() || entering,
        Spotlight | GreyAreaHere => !document.journey.grey_areas.is_empty(),
        IntoBlueprint => !document.journey.steps.is_empty(),
        OutOfBlueprint => matches!(
            workspace.selection.last(),
            Some(ElementId::Step(_) | ElementId::GreyArea(_))
        ),
        LinkEvidence => {
            matches!(
                workspace.selection.last(),
                Some(ElementId::Touchpoint(_) | ElementId::Step(_) | ElementId::GreyArea(_))
            ) && !document.journey.evidence.is_empty()
        }
        MoveLater | MoveEarlier => matches!(
            workspace.selection.last(),
            Some(ElementId::Touchpoint(_) | ElementId::Step(_))
        ),
        InterfaceLarger => workspace.interface_scale < INTERFACE_MAX - 1e-3,
        InterfaceSmaller => workspace.interface_scale > 1.0 + 1e-3,
        EntryNext | EntryNextStage | EntryStop => entering,
        New | NewFromTemplate | Open | Save | SaveAs | ExportPng | ExportSvg | Quit
        | AddTouchpoint | ZoomIn | ZoomOut | ZoomFit | ShowShortcuts | Presentation
        | PresentationDark | StartEntry | NextCard | PreviousCard | NextStage | PreviousStage
        | FocusNextStage | FocusPreviousStage | FilterNoEvidence | FilterChannel
        | FilterDepartment | ClearFilter | PanLeft | PanRight | PanUp | PanDown
        | CollapseEmptyStages | EvidenceLane | BlueprintLanes | ToggleJourneyPanel
        | ToggleInspector | TogglePanels | WallLayout | TableView | Import | ImportLog
        | DataView | Find | Outline | OpenRoom => true,
    }
}

impl JourneyApp {
    pub(super) fn execute(&mut self, command: AppCommand) {
        if self.session.failure().is_some() && !works_without_document(command) {
            return;
        }
        if self.session.opening().is_some() && !works_while_opening(command) {
            return;
        }
        let view = &mut self.panels.canvas.view;
        use AppCommand::*;
        match command {
            New => self.request(Pending::New),
            NewFromTemplate => {
                self.open_modal(Modal::Templates);
            }
            Open => self.request(Pending::Open),
            Save => self.save(None),
            SaveAs => self.ask_save_as(None),
            ExportPng => self.open_export(None),
            ExportSvg => self.open_export(Some(crate::export::Format::Svg)),
            Quit => self.frame.viewport.push(egui::ViewportCommand::Close),
            Undo => {
                self.session.undo();
                self.workspace.prune(self.session.journey());
            }
            Redo => {
                self.session.redo();
                self.workspace.prune(self.session.journey());
            }
            AddTouchpoint
                if self.workspace.table
                    && self.panels.table.tab() != super::table::Tab::Touchpoints =>
            {
                self.add_row();
            }
            AddTouchpoint => {
                // In the table: a row after the cursor's, like it.
                let after = self.workspace.selected_touchpoint();
                let row = after.filter(|_| self.workspace.table).and_then(|id| {
                    crate::document::new_touchpoint_after(self.session.journey(), &id)
                });
                if let Some((edit, id, stage)) = row {
                    self.apply_edit(edit, "edit-add-touchpoint");
                    self.workspace.select_new_touchpoint(id.clone(), stage);
                    self.workspace.focus_request = None;
                    self.panels.table.edit_new_row(&id);
                } else {
                    let stage = self.workspace.current_stage(self.session.journey());
                    self.add_touchpoint(stage);
                    if self.workspace.table
                        && let Some(id) = self.workspace.selected_touchpoint()
                    {
                        self.workspace.focus_request = None;
                        self.panels.table.edit_new_row(&id);
                    }
                }
            }
            Delete => self.delete_selection(),
            MarkGreyArea => self.mark_grey_area(),
            ZoomIn => view.zoom_by(1.25),
            ZoomOut => view.zoom_by(0.8),
            ZoomFit => view.fit_whole(),
            ShowShortcuts => {
                if matches!(self.modal, Some(Modal::Shortcuts)) {
                    self.modal = None;
                } else {
                    self.open_modal(Modal::Shortcuts);
                }
            }
            Presentation => {
                let display = if self.workspace.display.presenting() {
                    DisplayMode::Editor
                } else {
                    DisplayMode::Presentation
                };
                self.set_display(display);
            }
            PresentationDark => {
                // Shift+F11 toggles between the two projector variants.
                let display = if self.workspace.display == DisplayMode::PresentationDark {
                    DisplayMode::Presentation
                } else {
                    DisplayMode::PresentationDark
                };
                self.set_display(display);
            }
            StartEntry => {
                let stage = self.workspace.current_stage(self.session.journey());
                self.start_entry(stage);
            }
            OpenCard => match self.workspace.selection.last().cloned() {
                Some(ElementId::Touchpoint(id)) => {
                    self.panels.entry.entry = Some(id);
                    self.workspace.focus_request = Some(workshop::entry_field_id());
                }
                // A step or a grey area: its title in the inspector (Esc comes back).
                Some(ElementId::Step(id)) => {
                    self.workspace.focus_request =
                        Some(super::widgets::field_id(id.as_str(), "title"));
                }
                Some(ElementId::GreyArea(id)) => {
                    self.workspace.focus_request =
                        Some(super::widgets::field_id(id.as_str(), "title"));
                }
                _ => {}
            },
            NextCard => workshop::step_card(self.session.journey(), &mut self.workspace, 1),
            PreviousCard => workshop::step_card(self.session.journey(), &mut self.workspace, -1),
            NextStage => {
                workshop::step_stage(self.session.journey(), &mut self.workspace, 1);
            }
            PreviousStage => {
                workshop::step_stage(self.session.journey(), &mut self.workspace, -1);
            }
            FocusNextStage | FocusPreviousStage => {
                let step = if command == FocusNextStage { 1 } else { -1 };
                let here = self.workspace.current_stage(self.session.journey());
                if self.workspace.display.presenting()
                    && self.panels.canvas.page_within(here, step > 0)
                {
                    return;
                }
                if let Some(stage) =
                    workshop::step_stage(self.session.journey(), &mut self.workspace, step)
                {
                    self.panels.canvas.view.focus_stage(stage);
                }
            }
            IntoBlueprint => workshop::into_blueprint(self.session.journey(), &mut self.workspace),
            OutOfBlueprint => {
                workshop::out_of_blueprint(self.session.journey(), &mut self.workspace);
            }
            GreyAreaHere => workshop::grey_area_here(self.session.journey(), &mut self.workspace),
            MoveLater | MoveEarlier => {
                let step = if command == MoveLater { 1 } else { -1 };
                let journey = self.session.journey();
                if let Some(edit) = workshop::move_within_stage(journey, &self.workspace, step) {
                    let label = match self.workspace.selection.last() {
                        Some(ElementId::Step(_)) => "edit-move-step",
                        _ => "edit-move-touchpoint",
                    };
                    let selection = self.workspace.selection.clone();
                    self.apply_edit(edit, label);
                    self.workspace.selection = selection;
                }
            }
            LinkEvidence => {
                let journey = self.session.journey();
                if let Some(target) = self.workspace.selection.last()
                    && let Some(link) =
                        link_evidence::LinkEvidence::new(journey, target, &self.i18n)
                {
                    self.open_modal(Modal::LinkEvidence(Box::new(link)));
                }
            }
            MoveToNextStage => self.move_selected(1),
            MoveToPreviousStage => self.move_selected(-1),
            Emotion(score) => self.set_emotion(score),
            MarkGreyAreaWithNext => self.mark_grey_area_with_next(),
            Spotlight => workshop::spotlight_next(self.session.journey(), &mut self.workspace),
            CollapseEmptyStages => {
                self.workspace.collapse_empty_stages = !self.workspace.collapse_empty_stages;
                view.fit_whole();
            }
            EvidenceLane => {
                self.workspace.show_evidence_lane = !self.workspace.show_evidence_lane;
            }
            BlueprintLanes => {
                self.workspace.show_blueprint = !self.workspace.show_blueprint;
            }
            AddStep => self.add_step_below(),
            Find => self.panels.find.open(),
            TableView => {
                self.workspace.table ^= true;
                if let Some(path) = &self.session.document().path {
                    self.settings.remember_table(path, self.workspace.table);
                }
            }
            Import => self.ask_file(DialogKind::OpenImport, DialogPurpose::Import),
            ImportLog => self.ask_file(DialogKind::OpenLog, DialogPurpose::ImportLog),
            DataView => self.workspace.show_data ^= true,
            OpenRoom => self.open_room(),
            WallLayout => {
                let arrangement = match self.workspace.arrangement {
                    Arrangement::Timeline => Arrangement::Wall,
                    Arrangement::Wall => Arrangement::Timeline,
                };
                self.workspace.arrangement = arrangement;
                if let Some(path) = &self.session.document().path {
                    self.settings.remember_arrangement(path, arrangement);
                }
                self.panels.canvas.refit();
            }
            ToggleJourneyPanel => self.workspace.hide_journey_panel ^= true,
            Outline => self.workspace.show_outline ^= true,
            InterfaceLarger | InterfaceSmaller => {
                let step = if command == InterfaceLarger {
                    0.25
                } else {
                    -0.25
                };
                let scale = (self.workspace.interface_scale + step).clamp(1.0, INTERFACE_MAX);
                self.workspace.interface_scale = scale;
                self.settings.interface_scale = scale;
            }
            ToggleInspector => self.workspace.hide_inspector ^= true,
            TogglePanels => {
                // Both hidden unless both already are: one key clears the screen.
                let workspace = &mut self.workspace;
                let hide = !(workspace.hide_journey_panel && workspace.hide_inspector);
                workspace.hide_journey_panel = hide;
                workspace.hide_inspector = hide;
            }
            FilterNoEvidence => {
                self.workspace.filter = if self.workspace.filter == Filter::NoEvidence {
                    Filter::None
                } else {
                    Filter::NoEvidence
                };
            }
            FilterChannel => {
                workshop::cycle_channel_filter(self.session.journey(), &mut self.workspace);
            }
            FilterDepartment => {
                workshop::cycle_department_filter(self.session.journey(), &mut self.workspace);
            }
            ClearFilter => {
                self.workspace.filter = Filter::None;
                self.workspace.spotlight = None;
            }
            PanLeft => view.offset.x += PAN_STEP,
            PanRight => view.offset.x -= PAN_STEP,
            PanUp => view.offset.y += PAN_STEP,
            PanDown => view.offset.y -= PAN_STEP,
            EntryNext | EntryStop if self.panels.entry.grey.is_some() => {
                self.panels.entry.grey = None;
            }
            EntryNextStage if self.panels.entry.grey.is_some() => {
                self.workspace.focus_request = self.panels.entry.next_grey_field();
            }
            EntryNext => self.entry_continue(false),
            EntryNextStage => self.entry_continue(true),
            EntryStop => self.entry_stop(),
        }
    }

    /// Applies one edit now, as one undo step.
    /// An edit made now, against the document as it is.
    fn apply_edit(&mut self, edit: Edit, label: EditLabel) {
        let base = self.session.document().changes();
        self.change(crate::session::ChangeRequest {
            change: crate::session::Change::Edit(Box::new(edit)),
            label,
            coalesce: None,
            base,
        });
    }

    fn set_display(&mut self, display: DisplayMode) {
        self.workspace.display = display;
        self.workspace.theme = display.theme();
        self.panels.canvas.refit();
        self.frame
            .viewport
            .push(egui::ViewportCommand::Fullscreen(display.presenting()));
    }

    /// Opens the export window with the last choices; `format` when a command names
    /// one, else the last format.
    fn open_export(&mut self, format: Option<crate::export::Format>) {
        let request = match &self.modal {
            Some(Modal::Export(request)) => ExportRequest {
                format: format.unwrap_or(request.format),
                ..*request
            },
            _ => {
                let last = self.settings.export;
                let mut options = last.options;
                // Export what the map shows: collapsed empty stages stay collapsed, and
                // the map's own size is drawn in the editor's layout.
                options.collapse_empty_stages = self.workspace.collapse_empty_stages;
                if options.paper.is_none() && !options.slides {
                    options.layout = Some(self.workspace.arrangement);
                }
                ExportRequest {
                    format: format.unwrap_or(last.format),
                    options,
                }
            }
        };
        self.open_modal(Modal::Export(request));
    }

    /// Ctrl+Enter in a table tab other than the cards': a row of the tab's kind after
    /// the cursor's, its first text cell being edited.
    fn add_row(&mut self) {
        let journey = self.session.journey();
        let kind = self.panels.table.tab().kind();
        let after = self.panels.table.cursor_id(journey);
        let stage = self.workspace.current_stage(journey);
        let touchpoint = self.workspace.selected_touchpoint();
        match crate::document::new_row(journey, kind, after.as_deref(), stage, touchpoint.as_ref())
        {
            Some((edit, id)) => {
                self.apply_edit(edit, "edit-add-row");
                self.workspace.selection = vec![id.clone()];
                self.workspace.focus_request = None;
                self.panels.table.edit_new(id.as_str());
            }
            None => {
                self.workspace.notice =
                    Some(Notice::Error(self.i18n.tr("add-row-needs-touchpoint")));
            }
        }
    }

    fn add_touchpoint(&mut self, stage: Stage) {
        let (edit, id) = new_touchpoint(self.session.journey(), stage);
        self.apply_edit(edit, "edit-add-touchpoint");
        self.workspace.select_new_touchpoint(id, stage);
    }

    /// Deletes the selection as one undo step (asking first about what refers to it).
    fn delete_selection(&mut self) {
        let selection = std::mem::take(&mut self.workspace.selection);
        if !selection.is_empty() {
            self.delete(selection);
        }
    }

    /// Deletes `elements` as one undo step; when grey areas, opportunities or steps
    /// refer to a card or a step among them, the person says first what becomes of
    /// them (re-point, delete too, or cancel).
    pub(super) fn delete(&mut self, elements: Vec<ElementId>) {
        let deletion = crate::document::deletion(self.session.journey(), &elements);
        if deletion.asks() {
            let confirm = super::dialogs::delete::ConfirmDelete::new(
                deletion,
                self.session.journey(),
                &self.i18n,
            );
            self.open_modal(Modal::ConfirmDelete(Box::new(confirm)));
        } else {
            self.delete_with(&elements, crate::document::Referrers::Delete);
        }
    }

    pub(super) fn delete_with(
        &mut self,
        elements: &[ElementId],
        referrers: crate::document::Referrers,
    ) {
        let edit = crate::document::delete_edit(self.session.journey(), elements, referrers);
        if !edit.is_noop() {
            self.apply_edit(edit, "edit-delete");
        }
    }

    /// Marks a grey area between the two selected touchpoints (in journey order).
    /// A frontstage step under the selected touchpoint, serving it (Ctrl+Shift+Enter);
    /// its title takes the keyboard.
    fn add_step_below(&mut self) {
        let Some(card) = self.workspace.selected_touchpoint() else {
            return;
        };
        let journey = self.session.journey();
        let Some(stage) = journey.touchpoint(&card).map(|t| t.stage) else {
            return;
        };
        let (edit, id) = crate::document::new_step(
            journey,
            stage,
            crate::model::BlueprintLane::Frontstage,
            Some(&card),
        );
        self.apply_edit(edit, "edit-add-step");
        self.workspace.show_blueprint = true;
        self.workspace.select_new_step(id, stage);
    }

    fn mark_grey_area(&mut self) {
        let selected = self.workspace.selected_ends();
        let [a, b] = selected.as_slice() else {
            self.workspace.notice = Some(Notice::Error(self.i18n.tr("notice-select-two")));
            return;
        };
        let journey = self.session.journey();
        // Touchpoints in journey order; a step's end where it was selected.
        let order = |e: &crate::model::End| match e {
            crate::model::End::Touchpoint(t) => journey.touchpoint_index(t),
            crate::model::End::Step(s) => journey.steps.iter().position(|x| &x.id == s),
        };
        let (Some(ia), Some(ib)) = (order(a), order(b)) else {
            return;
        };
        let (from, to) = if a.is_step() || b.is_step() || ia <= ib {
            (a, b)
        } else {
            (b, a)
        };
        let grey_area = crate::document::suggested_grey_area_between(
            journey,
            journey.next_grey_area_id(),
            from,
            to,
        );
        let id = grey_area.id.clone();
        let index = journey.grey_areas.len();
        self.apply_edit(
            Edit::Insert {
                index,
                element: Element::GreyArea(grey_area),
            },
            "edit-mark-grey-area",
        );
        self.workspace.selection = vec![ElementId::GreyArea(id)];
    }

    fn mark_grey_area_with_next(&mut self) {
        let Some(id) = self.workspace.selected_touchpoint() else {
            return;
        };
        let Some(next) = workshop::neighbour(self.session.journey(), &id, 1) else {
            return;
        };
        self.workspace.selection = vec![ElementId::Touchpoint(id), ElementId::Touchpoint(next)];
        self.mark_grey_area();
        // Its words typed at once: on the projector in the entry bar, in the editor in
        // the inspector's title.
        if let [ElementId::GreyArea(grey)] = self.workspace.selection.as_slice() {
            let grey = grey.clone();
            if self.workspace.display.presenting() {
                self.panels.entry.start_grey(grey);
                self.workspace.focus_request = Some(workshop::grey_field_id(0));
            } else {
                self.workspace.focus_request =
                    Some(super::widgets::field_id(grey.as_str(), "title"));
            }
        }
    }

    /// Starts keyboard entry: a new card at the end of `stage`, its title being typed.
    fn start_entry(&mut self, stage: Stage) {
        let (edit, id) = new_touchpoint(self.session.journey(), stage);
        self.apply_edit(edit, "edit-add-touchpoint");
        self.workspace
            .select_card(self.session.journey(), id.clone());
        self.panels.entry.entry = Some(id);
        self.workspace.focus_request = Some(workshop::entry_field_id());
    }

    /// Enter (same stage) or Tab (next stage): keep this card, start the next.
    fn entry_continue(&mut self, next_stage: bool) {
        let Some(id) = self.panels.entry.entry.take() else {
            return;
        };
        let Some(current) = self.session.journey().touchpoint(&id).cloned() else {
            return;
        };
        if current.title.trim().is_empty() && !next_stage {
            self.panels.entry.entry = Some(id);
            return;
        }
        let stage = if next_stage {
            current.stage.next().unwrap_or(current.stage)
        } else {
            current.stage
        };
        if current.title.trim().is_empty() {
            // Tab on an empty card: move the empty card on rather than leave it behind.
            if let Ok(edit) = Edit::move_touchpoint(self.session.journey(), &id, stage, usize::MAX)
            {
                self.apply_edit(edit, "edit-move-touchpoint");
            }
            self.workspace
                .select_card(self.session.journey(), id.clone());
            self.panels.entry.entry = Some(id);
            return;
        }
        self.start_entry(stage);
    }

    /// Esc: stop entry; an untitled card is removed.
    fn entry_stop(&mut self) {
        let Some(id) = self.panels.entry.entry.take() else {
            return;
        };
        let journey = self.session.journey();
        let untitled = journey
            .touchpoint(&id)
            .is_some_and(|t| t.title.trim().is_empty());
        if untitled {
            let previous = workshop::neighbour(journey, &id, -1);
            let delete = Edit::delete(journey, &ElementId::Touchpoint(id.clone()));
            self.apply_edit(delete, "edit-delete");
            self.workspace.selection.clear();
            if let Some(previous) = previous {
                self.workspace.select_card(self.session.journey(), previous);
            }
        }
    }

    fn move_selected(&mut self, step: isize) {
        let Some(id) = self.workspace.selected_touchpoint() else {
            return;
        };
        let journey = self.session.journey();
        let stage = self.workspace.current_stage(journey);
        let Some(target) = stage
            .index()
            .checked_add_signed(step)
            .and_then(|i| Stage::ALL.get(i).copied())
        else {
            return;
        };
        if let Ok(edit) = Edit::move_touchpoint(journey, &id, target, usize::MAX) {
            self.apply_edit(edit, "edit-move-touchpoint");
            self.workspace.select_card(self.session.journey(), id);
        }
    }

    fn set_emotion(&mut self, score: i8) {
        let Some(id) = self
            .panels
            .entry
            .entry
            .clone()
            .or_else(|| self.workspace.selected_touchpoint())
        else {
            return;
        };
        let Some(mut touchpoint) = self.session.journey().touchpoint(&id).cloned() else {
            return;
        };
        let word = touchpoint
            .emotion
            .take()
            .map(|e| e.word)
            .unwrap_or_default();
        touchpoint.emotion = Some(Emotion { score, word });
        self.apply_edit(
            Edit::Replace(Element::Touchpoint(touchpoint)),
            "edit-touchpoint",
        );
    }
}
