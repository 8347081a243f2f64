//! Workshop mode: facilitate a live session from the keyboard. Presentation (F11) hides
//! the panels and switches to the large-type projector theme; N starts keyboard entry
//! in the current stage (type, Enter for the next card, Tab for the next stage, Esc to
//! stop, Alt+1..5 for the emotion); arrows and Tab move between cards and stages;
//! filters and the grey-area spotlight dim everything else. No dialog interrupts.
//!
//! The entry bar is a component (it owns the card being typed); the moves between
//! cards and the filters change only the shared view state.

use super::action::Actions;
use super::workspace::{Filter, Workspace};
use crate::i18n::I18n;
use crate::model::{
    ChannelId, DepartmentId, Edit, Element, ElementId, GreyArea, Journey, Stage, TouchpointId,
};

/// The keyboard-entry title field: focused as soon as entry starts, so the keys of the
/// next frame already land in it.
pub fn entry_field_id() -> egui::Id {
    egui::Id::unique("entry_title")
}

/// How far one keyboard pan moves, in screen points.
pub const PAN_STEP: f32 = 240.0;

/// The bar at the bottom of the map while cards are entered from the keyboard.
#[derive(Debug, Default)]
pub struct EntryBar {
    /// The card whose title is being typed.
    pub entry: Option<TouchpointId>,
}

impl EntryBar {
    pub fn stop(&mut self) {
        self.entry = None;
    }

    pub fn is_entering(&self) -> bool {
        self.entry.is_some()
    }

    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        journey: &Journey,
        presenting: bool,
        i18n: &I18n,
        actions: &Actions,
    ) {
        let Some(id) = self.entry.clone() else {
            return;
        };
        let Some(touchpoint) = journey.touchpoint(&id) else {
            self.entry = None;
            return;
        };
        let size = if presenting { 28.0 } else { 18.0 };
        let stage = i18n.stage_name(journey, touchpoint.stage);
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
                            actions.typing(
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

/// The card `step` places from `id` in journey order.
pub fn neighbour(journey: &Journey, id: &TouchpointId, step: isize) -> Option<TouchpointId> {
    let list = &journey.touchpoints;
    let index = list.iter().position(|t| &t.id == id)?;
    let target = index.checked_add_signed(step)?;
    list.get(target).map(|t| t.id.clone())
}

/// Left/Right: the previous or next card (the first or last with none selected).
pub fn step_card(journey: &Journey, workspace: &mut Workspace, step: isize) {
    let list = &journey.touchpoints;
    let target = match workspace.selected_touchpoint() {
        Some(id) => neighbour(journey, &id, step),
        None if step > 0 => list.first().map(|t| t.id.clone()),
        None => list.last().map(|t| t.id.clone()),
    };
    if let Some(id) = target {
        workspace.select_card(journey, id);
    }
}

/// Up/Down: the first card of the previous/next stage. Returns the stage moved to.
pub fn step_stage(journey: &Journey, workspace: &mut Workspace, step: isize) -> Option<Stage> {
    let current = workspace.current_stage(journey);
    let stage = current
        .index()
        .checked_add_signed(step)
        .and_then(|i| Stage::ALL.get(i).copied())?;
    match journey.touchpoints_in(stage).first().map(|t| t.id.clone()) {
        Some(id) => workspace.select_card(journey, id),
        None => workspace.selection.clear(),
    }
    workspace.active_stage = Some(stage);
    Some(stage)
}

/// The next grey area in the spotlight, most severe first.
pub fn spotlight_next(journey: &Journey, workspace: &mut Workspace) {
    let mut order: Vec<&GreyArea> = journey.grey_areas.iter().collect();
    order.sort_by_key(|g| std::cmp::Reverse(g.severity));
    if order.is_empty() {
        return;
    }
    let next = match &workspace.spotlight {
        Some(current) => order
            .iter()
            .position(|g| &g.id == current)
            .map_or(0, |i| (i + 1) % order.len()),
        None => 0,
    };
    let grey = order[next];
    workspace.spotlight = Some(grey.id.clone());
    workspace.selection = vec![ElementId::GreyArea(grey.id.clone())];
    workspace.active_stage = journey.end_stage(&grey.from);
    workspace.reveal = crate::app::panels::find::first_touchpoint(journey, &grey.from, &grey.to);
}

/// C: highlight the next channel's cards (then none).
pub fn cycle_channel_filter(journey: &Journey, workspace: &mut Workspace) {
    let channels: Vec<ChannelId> = journey.channels.iter().map(|c| c.id.clone()).collect();
    workspace.filter = match &workspace.filter {
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

/// D: highlight the next department's cards (then none).
pub fn cycle_department_filter(journey: &Journey, workspace: &mut Workspace) {
    let departments: Vec<DepartmentId> = journey.departments.iter().map(|d| d.id.clone()).collect();
    workspace.filter = match &workspace.filter {
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
