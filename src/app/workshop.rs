//! Workshop mode: facilitate a live session from the keyboard. Presentation (F11) hides
//! the panels and switches to the large-type projector theme; N starts keyboard entry
//! in the current stage (type, Enter for the next card, Tab for the next stage, Esc to
//! stop, Alt+1..5 for the emotion); arrows and Tab move between cards and stages;
//! filters and the grey-area spotlight dim everything else. No dialog interrupts.

use super::*;
use crate::model::*;

/// What the quick filters highlight; the rest is dimmed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    None,
    NoEvidence,
    Channel(ChannelId),
    Department(DepartmentId),
}

impl Filter {
    pub fn matches(&self, touchpoint: &Touchpoint) -> bool {
        match self {
            Filter::None => true,
            Filter::NoEvidence => touchpoint.evidence.is_empty(),
            Filter::Channel(id) => touchpoint.channel.as_ref() == Some(id),
            Filter::Department(id) => touchpoint.department.as_ref() == Some(id),
        }
    }
}

/// The keyboard-entry title field: focused as soon as entry starts, so the keys of the
/// next frame already land in it.
pub(super) fn entry_field_id() -> egui::Id {
    egui::Id::unique("entry_title")
}

/// How far one keyboard pan moves, in screen points.
pub(super) const PAN_STEP: f32 = 240.0;

impl JourneyApp {
    pub(super) fn set_display(&mut self, display: DisplayMode, ctx: &egui::Context) {
        self.ui_state.display = display;
        self.theme = display.theme();
        self.ui_state.view = View::fit_on_next_frame();
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(display.presenting()));
    }

    pub(super) fn selected_touchpoint(&self) -> Option<TouchpointId> {
        match self.ui_state.selection.last() {
            Some(ElementId::Touchpoint(id)) => Some(id.clone()),
            _ => None,
        }
    }

    /// The stage keyboard actions work in: the selected card's, or the active stage.
    pub(super) fn current_stage(&self) -> Stage {
        self.selected_touchpoint()
            .and_then(|id| self.document.journey.touchpoint(&id).map(|t| t.stage))
            .or(self.ui_state.active_stage)
            .unwrap_or(Stage::Awareness)
    }

    fn select(&mut self, id: TouchpointId) {
        if let Some(t) = self.document.journey.touchpoint(&id) {
            self.ui_state.active_stage = Some(t.stage);
        }
        self.ui_state.selection = vec![ElementId::Touchpoint(id.clone())];
        self.ui_state.reveal = Some(id);
    }

    fn apply_one(&mut self, edit: Edit, label: EditLabel) {
        let mut edits = Edits::default();
        edits.push(edit, label);
        self.apply_edits(edits);
    }

    /// Starts keyboard entry: a new card at the end of `stage`, its title being typed.
    pub fn start_entry(&mut self, stage: Stage) {
        let (edit, id) = crate::document::new_touchpoint(&self.document.journey, stage);
        self.apply_one(edit, "edit-add-touchpoint");
        self.select(id.clone());
        self.ui_state.entry = Some(id);
        self.ui_state.focus_request = Some(entry_field_id());
    }

    /// Enter (same stage) or Tab (next stage): keep this card, start the next.
    pub(super) fn entry_continue(&mut self, next_stage: bool) {
        let Some(id) = self.ui_state.entry.take() else {
            return;
        };
        let Some(current) = self.document.journey.touchpoint(&id).cloned() else {
            return;
        };
        if current.title.trim().is_empty() && !next_stage {
            self.ui_state.entry = Some(id);
            return;
        }
        let stage = if next_stage {
            current.stage.next().unwrap_or(current.stage)
        } else {
            current.stage
        };
        if current.title.trim().is_empty() {
            // Tab on an empty card: move the empty card on rather than leave it behind.
            if let Ok(edit) = Edit::move_touchpoint(&self.document.journey, &id, stage, usize::MAX)
            {
                self.apply_one(edit, "edit-move-touchpoint");
            }
            self.select(id.clone());
            self.ui_state.entry = Some(id);
            return;
        }
        self.start_entry(stage);
    }

    /// Esc: stop entry; an untitled card is removed.
    pub(super) fn entry_stop(&mut self) {
        let Some(id) = self.ui_state.entry.take() else {
            return;
        };
        let untitled = self
            .document
            .journey
            .touchpoint(&id)
            .is_some_and(|t| t.title.trim().is_empty());
        if untitled {
            let previous = self.neighbour(&id, -1);
            self.apply_one(
                Edit::delete_touchpoint(&self.document.journey, &id),
                "edit-delete",
            );
            self.ui_state.selection.clear();
            if let Some(previous) = previous {
                self.select(previous);
            }
        }
    }

    fn neighbour(&self, id: &TouchpointId, step: isize) -> Option<TouchpointId> {
        let list = &self.document.journey.touchpoints;
        let index = list.iter().position(|t| &t.id == id)?;
        let target = index.checked_add_signed(step)?;
        list.get(target).map(|t| t.id.clone())
    }

    pub(super) fn step_card(&mut self, step: isize) {
        let list = &self.document.journey.touchpoints;
        let target = match self.selected_touchpoint() {
            Some(id) => self.neighbour(&id, step),
            None if step > 0 => list.first().map(|t| t.id.clone()),
            None => list.last().map(|t| t.id.clone()),
        };
        if let Some(id) = target {
            self.select(id);
        }
    }

    /// Up/Down: the first card of the previous/next stage; PageUp/PageDown also zoom to it.
    pub(super) fn step_stage(&mut self, step: isize, focus: bool) {
        let current = self.current_stage();
        let Some(stage) = current
            .index()
            .checked_add_signed(step)
            .and_then(|i| Stage::ALL.get(i).copied())
        else {
            return;
        };
        self.ui_state.active_stage = Some(stage);
        match self
            .document
            .journey
            .touchpoints_in(stage)
            .first()
            .map(|t| t.id.clone())
        {
            Some(id) => self.select(id),
            None => self.ui_state.selection.clear(),
        }
        self.ui_state.active_stage = Some(stage);
        if focus {
            self.ui_state.view.focus_stage(stage);
        }
    }

    pub(super) fn move_selected(&mut self, step: isize) {
        let Some(id) = self.selected_touchpoint() else {
            return;
        };
        let stage = self.current_stage();
        let Some(target) = stage
            .index()
            .checked_add_signed(step)
            .and_then(|i| Stage::ALL.get(i).copied())
        else {
            return;
        };
        if let Ok(edit) = Edit::move_touchpoint(&self.document.journey, &id, target, usize::MAX) {
            self.apply_one(edit, "edit-move-touchpoint");
            self.select(id);
        }
    }

    pub(super) fn set_emotion(&mut self, score: i8) {
        let Some(id) = self
            .ui_state
            .entry
            .clone()
            .or_else(|| self.selected_touchpoint())
        else {
            return;
        };
        let Some(mut touchpoint) = self.document.journey.touchpoint(&id).cloned() else {
            return;
        };
        let word = touchpoint
            .emotion
            .take()
            .map(|e| e.word)
            .unwrap_or_default();
        touchpoint.emotion = Some(Emotion { score, word });
        self.apply_one(
            Edit::Replace(Element::Touchpoint(touchpoint)),
            "edit-touchpoint",
        );
    }

    pub(super) fn mark_grey_area_with_next(&mut self) {
        let Some(id) = self.selected_touchpoint() else {
            return;
        };
        let Some(next) = self.neighbour(&id, 1) else {
            return;
        };
        self.ui_state.selection = vec![ElementId::Touchpoint(id), ElementId::Touchpoint(next)];
        self.mark_grey_area();
    }

    pub(super) fn spotlight_next(&mut self) {
        let journey = &self.document.journey;
        let mut order: Vec<&GreyArea> = journey.grey_areas.iter().collect();
        order.sort_by_key(|g| std::cmp::Reverse(g.severity));
        if order.is_empty() {
            return;
        }
        let next = match &self.ui_state.spotlight {
            Some(current) => order
                .iter()
                .position(|g| &g.id == current)
                .map_or(0, |i| (i + 1) % order.len()),
            None => 0,
        };
        let grey = order[next];
        self.ui_state.spotlight = Some(grey.id.clone());
        self.ui_state.selection = vec![ElementId::GreyArea(grey.id.clone())];
        self.ui_state.active_stage = journey.touchpoint(&grey.from).map(|t| t.stage);
        self.ui_state.reveal = Some(grey.from.clone());
    }

    pub(super) fn cycle_channel_filter(&mut self) {
        let channels: Vec<ChannelId> = self
            .document
            .journey
            .channels
            .iter()
            .map(|c| c.id.clone())
            .collect();
        self.ui_state.filter = match &self.ui_state.filter {
            Filter::Channel(id) => channels
                .iter()
                .position(|c| c == id)
                .and_then(|i| channels.get(i + 1))
                .cloned()
                .map_or(Filter::None, Filter::Channel),
            _ => channels
                .first()
                .cloned()
                .map_or(Filter::None, Filter::Channel),
        };
    }

    pub(super) fn cycle_department_filter(&mut self) {
        let departments: Vec<DepartmentId> = self
            .document
            .journey
            .departments
            .iter()
            .map(|d| d.id.clone())
            .collect();
        self.ui_state.filter = match &self.ui_state.filter {
            Filter::Department(id) => departments
                .iter()
                .position(|d| d == id)
                .and_then(|i| departments.get(i + 1))
                .cloned()
                .map_or(Filter::None, Filter::Department),
            _ => departments
                .first()
                .cloned()
                .map_or(Filter::None, Filter::Department),
        };
    }

    /// The bar at the bottom of the map while entering cards from the keyboard.
    pub(super) fn entry_bar_ui(&mut self, ctx: &egui::Context, edits: &mut Edits) {
        let Some(id) = self.ui_state.entry.clone() else {
            return;
        };
        let Some(touchpoint) = self.document.journey.touchpoint(&id).cloned() else {
            self.ui_state.entry = None;
            return;
        };
        let size = if self.ui_state.display.presenting() {
            28.0
        } else {
            18.0
        };
        let i18n = &self.i18n;
        let stage = i18n.stage_name(&self.document.journey, touchpoint.stage);
        egui::Area::new(egui::Id::unique("entry_bar"))
            .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -48.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .inner_margin(14.0)
                    .show(ui, |ui| {
                        ui.set_width(680.0);
                        let label = crate::tr!(i18n, "entry-label", stage = stage.clone());
                        let label = ui.label(egui::RichText::new(label).size(size * 0.86).strong());
                        let mut title = touchpoint.title.clone();
                        let field = egui::TextEdit::singleline(&mut title)
                            .id(entry_field_id())
                            .font(egui::FontId::proportional(size))
                            .desired_width(f32::INFINITY);
                        let response = ui.add(field).labelled_by(label.id);
                        response.request_focus();
                        if title != touchpoint.title {
                            let mut changed = touchpoint.clone();
                            changed.title = title;
                            edits.push_typing(
                                Edit::Replace(Element::Touchpoint(changed)),
                                "edit-touchpoint",
                                format!("{id}/title"),
                            );
                        }
                        ui.label(
                            egui::RichText::new(i18n.tr("entry-hint"))
                                .size(size * 0.86)
                                .weak(),
                        );
                    });
            });
    }
}
