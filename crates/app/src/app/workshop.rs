//! Workshop mode: facilitate a live session from the keyboard. Presentation (F11) hides
//! the panels and switches to the large-type projector theme; N starts keyboard entry
//! in the current stage (type, Enter for the next card, Tab for the next stage, Esc to
//! stop, Alt+1..5 for the emotion); arrows and Tab move between cards and stages;
//! G marks a grey area between the card and the next, its title typed at once (Tab
//! through its kind, severity, fix and owner; the arrows change a kind or a severity;
//! Enter or Esc ends); filters and the grey-area spotlight dim everything else. No
//! dialog interrupts.
//!
//! The entry bar is a component (it owns the card being typed); the moves between
//! cards and the filters change only the shared view state.

use super::action::Actions;
use super::workspace::{Filter, Workspace};
use crate::i18n::I18n;
use crate::model::{
    ChannelId, DepartmentId, Edit, Element, ElementId, GreyArea, GreyAreaId, GreyAreaKind, Journey,
    Severity, Stage, TouchpointId,
};

/// The keyboard-entry title field: focused as soon as entry starts, so the keys of the
/// next frame already land in it.
pub fn entry_field_id() -> egui::Id {
    egui::Id::unique("entry_title")
}

/// The grey-area entry's fields, in Tab order: title, kind, severity, fix, owner.
pub const GREY_FIELDS: usize = 5;

/// The grey-area entry's `field` (0 title … 4 owner).
pub fn grey_field_id(field: usize) -> egui::Id {
    egui::Id::unique(("grey_entry", field))
}

/// How far one keyboard pan moves, in screen points.
pub const PAN_STEP: f32 = 240.0;

/// The bar at the bottom of the map while cards are entered from the keyboard.
#[derive(Debug, Default)]
pub struct EntryBar {
    /// The card whose title is being typed.
    pub entry: Option<TouchpointId>,
    /// The grey area just marked whose words are being typed, and the field with the
    /// keyboard (0 title … 4 owner).
    pub grey: Option<(GreyAreaId, usize)>,
}

impl EntryBar {
    pub fn stop(&mut self) {
        self.entry = None;
        self.grey = None;
    }

    pub fn is_entering(&self) -> bool {
        self.entry.is_some() || self.grey.is_some()
    }

    /// Starts typing the words of the grey area `id`, its title first.
    pub fn start_grey(&mut self, id: GreyAreaId) {
        self.grey = Some((id, 0));
    }

    /// Tab: the grey area's next field; returns its id to focus.
    pub fn next_grey_field(&mut self) -> Option<egui::Id> {
        let (_, field) = self.grey.as_mut()?;
        *field = (*field + 1) % GREY_FIELDS;
        Some(grey_field_id(*field))
    }

    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        journey: &Journey,
        presenting: bool,
        i18n: &I18n,
        actions: &Actions,
    ) {
        if let Some((id, field)) = self.grey.clone() {
            self.grey_ui(ctx, journey, &id, field, presenting, i18n, actions);
            return;
        }
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

impl EntryBar {
    /// The bar naming a grey area just marked: its two ends, then its title, kind,
    /// severity, fix and owner; the field `field` has the keyboard.
    #[allow(clippy::too_many_arguments)]
    fn grey_ui(
        &mut self,
        ctx: &egui::Context,
        journey: &Journey,
        id: &GreyAreaId,
        field: usize,
        presenting: bool,
        i18n: &I18n,
        actions: &Actions,
    ) {
        let Some(original) = journey.grey_area(id) else {
            self.grey = None;
            return;
        };
        let size = if presenting { 28.0 } else { 18.0 };
        let mut grey = original.clone();
        let mut typed = None;
        egui::Area::new(egui::Id::unique("grey_entry_bar"))
            .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -48.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .inner_margin(14.0)
                    .show(ui, |ui| {
                        ui.set_width(760.0);
                        let between = crate::words::grey_area_between(journey, &grey, i18n);
                        let heading = crate::tr!(i18n, "grey-entry-label", between = between);
                        ui.label(egui::RichText::new(heading).size(size * 0.86).strong());
                        let font = egui::FontId::proportional(size);
                        let text =
                            |ui: &mut egui::Ui, k: usize, label: &str, value: &mut String| {
                                ui.horizontal(|ui| {
                                    let label =
                                        ui.label(egui::RichText::new(label).size(size * 0.7));
                                    let response = ui
                                        .add(
                                            egui::TextEdit::singleline(value)
                                                .id(grey_field_id(k))
                                                .font(font.clone())
                                                .desired_width(f32::INFINITY),
                                        )
                                        .labelled_by(label.id);
                                    if k == field && !response.has_focus() {
                                        response.request_focus();
                                    }
                                    response.changed()
                                })
                                .inner
                            };
                        if text(ui, 0, &i18n.tr("field-title"), &mut grey.title) {
                            typed = Some("title");
                        }
                        choice_row(
                            ui,
                            1,
                            field,
                            size,
                            &i18n.tr("field-grey-kind"),
                            &mut grey.kind,
                            GreyAreaKind::ALL,
                            |k| i18n.term("grey-kind", k.key()),
                        );
                        choice_row(
                            ui,
                            2,
                            field,
                            size,
                            &i18n.tr("field-severity"),
                            &mut grey.severity,
                            Severity::ALL,
                            |s| i18n.term("severity", s.key()),
                        );
                        if text(ui, 3, &i18n.tr("field-fix"), &mut grey.fix) {
                            typed = Some("fix");
                        }
                        if text(ui, 4, &i18n.tr("field-owner"), &mut grey.owner) {
                            typed = Some("owner");
                        }
                        ui.label(
                            egui::RichText::new(i18n.tr("grey-entry-hint"))
                                .size(size * 0.7)
                                .weak(),
                        );
                    });
            });
        if grey != *original {
            let edit = Edit::Replace(Element::GreyArea(grey));
            match typed {
                Some(name) => actions.typing(edit, "edit-grey-area", format!("{id}/{name}")),
                None => actions.edit(edit, "edit-grey-area"),
            }
        }
    }
}

/// A choice in the grey-area entry: its label and value, and the arrows change it while
/// it has the keyboard (a projector has no room for a list).
#[allow(clippy::too_many_arguments)]
fn choice_row<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    k: usize,
    field: usize,
    size: f32,
    label: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> String,
) {
    ui.horizontal(|ui| {
        let label = ui.label(egui::RichText::new(label).size(size * 0.7));
        let text = format!("‹ {} ›", name(*value));
        // A focusable value of its own id, so Tab's order can name it.
        let id = grey_field_id(k);
        let galley = ui.painter().layout_no_wrap(
            text.clone(),
            egui::FontId::proportional(size * 0.86),
            ui.visuals().text_color(),
        );
        let desired = galley.size() + egui::vec2(16.0, 8.0);
        let (rect, _) = ui.allocate_exact_size(desired, egui::Sense::hover());
        let response = ui.interact(rect, id, egui::Sense::click());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, name(*value))
        });
        let _ = response.clone().labelled_by(label.id);
        let focused = response.has_focus();
        let visuals = ui.style().interact_selectable(&response, focused);
        ui.painter().rect_filled(rect, 4.0, visuals.weak_bg_fill);
        if focused {
            ui.painter().rect_stroke(
                rect,
                4.0,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Inside,
            );
        }
        ui.painter().galley(
            rect.min + egui::vec2(8.0, 4.0),
            galley,
            visuals.text_color(),
        );
        if k == field && !focused {
            response.request_focus();
        }
        if focused {
            let at = all.iter().position(|v| v == value).unwrap_or(0);
            let step = ui.input_mut(|i| {
                if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight)
                    || i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown)
                {
                    1
                } else if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft)
                    || i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp)
                {
                    all.len() - 1
                } else {
                    0
                }
            });
            if step > 0 && !all.is_empty() {
                *value = all[(at + step) % all.len()];
            }
        }
    });
}

/// The card `step` places from `id` in journey order.
pub fn neighbour(journey: &Journey, id: &TouchpointId, step: isize) -> Option<TouchpointId> {
    let list = &journey.touchpoints;
    let index = list.iter().position(|t| &t.id == id)?;
    let target = index.checked_add_signed(step)?;
    list.get(target).map(|t| t.id.clone())
}

/// Left/Right: the previous or next card (the first or last with none selected); with
/// a step or a grey area selected, the previous or next of those.
pub fn step_card(journey: &Journey, workspace: &mut Workspace, step: isize) {
    match workspace.selection.last().cloned() {
        Some(ElementId::Step(id)) => {
            let at = journey.step_position(&id);
            if let Some(next) = at
                .and_then(|i| i.checked_add_signed(step))
                .and_then(|i| journey.steps.get(i))
            {
                select_step(workspace, next);
            }
            return;
        }
        Some(ElementId::GreyArea(id)) => {
            let at = journey.grey_areas.iter().position(|g| g.id == id);
            if let Some(next) = at
                .and_then(|i| i.checked_add_signed(step))
                .and_then(|i| journey.grey_areas.get(i))
            {
                select_grey_area(journey, workspace, next);
            }
            return;
        }
        _ => {}
    }
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

/// Selects a step, its column scrolled into view (the card it serves).
fn select_step(workspace: &mut Workspace, step: &crate::model::Step) {
    workspace.active_stage = Some(step.stage);
    workspace.selection = vec![ElementId::Step(step.id.clone())];
    if let Some(card) = step.serves.first() {
        workspace.reveal = Some(card.clone());
    }
}

fn select_grey_area(journey: &Journey, workspace: &mut Workspace, grey: &GreyArea) {
    if let Some(stage) = grey_area_stage(journey, grey) {
        workspace.active_stage = Some(stage);
    }
    workspace.selection = vec![ElementId::GreyArea(grey.id.clone())];
    workspace.spotlight = None;
    if let Some(card) = [&grey.from, &grey.to]
        .into_iter()
        .find_map(|end| end.touchpoint())
    {
        workspace.reveal = Some(card.clone());
    }
}

/// The stage a grey area starts in.
fn grey_area_stage(journey: &Journey, grey: &GreyArea) -> Option<Stage> {
    match &grey.from {
        crate::model::End::Touchpoint(id) => journey.touchpoint(id).map(|t| t.stage),
        crate::model::End::Step(id) => journey.step(id).map(|s| s.stage),
    }
}

/// Ctrl+Down: from a card into the blueprint under it (the first step serving it, else
/// its stage's first step).
pub fn into_blueprint(journey: &Journey, workspace: &mut Workspace) {
    let stage = workspace.current_stage(journey);
    let card = workspace.selected_touchpoint();
    let steps = &journey.steps[journey.step_range(stage)];
    let step = card
        .and_then(|id| steps.iter().find(|s| s.serves.contains(&id)))
        .or_else(|| steps.first());
    if let Some(step) = step {
        select_step(workspace, step);
    }
}

/// Ctrl+Up: from a step back to the card it serves (else its stage's first card);
/// from a grey area to the card or step it starts at.
pub fn out_of_blueprint(journey: &Journey, workspace: &mut Workspace) {
    let card = match workspace.selection.last() {
        Some(ElementId::Step(id)) => journey.step(id).and_then(|step| {
            step.serves.first().cloned().or_else(|| {
                journey
                    .touchpoints_in(step.stage)
                    .first()
                    .map(|t| t.id.clone())
            })
        }),
        Some(ElementId::GreyArea(id)) => match journey.grey_area(id).map(|g| &g.from) {
            Some(crate::model::End::Touchpoint(id)) => Some(id.clone()),
            Some(crate::model::End::Step(id)) => {
                if let Some(step) = journey.step(id) {
                    select_step(workspace, step);
                }
                None
            }
            None => None,
        },
        _ => None,
    };
    if let Some(id) = card {
        workspace.select_card(journey, id);
    }
}

/// Shift+G: the grey area at the selected card or step (the first it is an end of),
/// else the map's first grey area.
pub fn grey_area_here(journey: &Journey, workspace: &mut Workspace) {
    let here = workspace.selected_ends();
    let grey = journey
        .grey_areas
        .iter()
        .find(|g| here.iter().any(|end| *end == g.from || *end == g.to))
        .or_else(|| journey.grey_areas.first());
    if let Some(grey) = grey {
        select_grey_area(journey, workspace, grey);
    }
}

/// Alt+Shift+Right/Left: the selected card, or step, one place later or earlier in
/// its stage; none at the stage's edge.
pub fn move_within_stage(journey: &Journey, workspace: &Workspace, step: isize) -> Option<Edit> {
    match workspace.selection.last()? {
        ElementId::Touchpoint(id) => {
            let tp = journey.touchpoint(id)?;
            let range = journey.stage_range(tp.stage);
            let at = journey.touchpoint_index(id)? - range.start;
            let to = at.checked_add_signed(step).filter(|i| *i < range.len())?;
            Edit::move_touchpoint(journey, id, tp.stage, to).ok()
        }
        ElementId::Step(id) => {
            let at = journey.step_position(id)?;
            let stage = journey.steps[at].stage;
            let range = journey.step_range(stage);
            let to = at.checked_add_signed(step).filter(|i| range.contains(i))?;
            Some(Edit::Batch(vec![
                Edit::Remove(ElementId::Step(id.clone())),
                Edit::Insert {
                    index: to,
                    element: Element::Step(journey.steps[at].clone()),
                },
            ]))
        }
        _ => None,
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
