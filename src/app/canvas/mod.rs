//! The six-stage canvas: pan (drag the background, scroll), zoom (Ctrl+wheel, Ctrl
//! +/-/0), select (click, Shift+click), drag a card to another place or stage. It paints
//! from the shared layout and only what is visible; painting lives in `paint`, pan and zoom in `view`.

mod paint;
mod spotlight;
mod view;

pub(in crate::app) use paint::Painter;
pub use paint::colour;
use view::MIN_ZOOM;
pub use view::View;

use crate::app::*;
use crate::layout::Rect;
use crate::model::ElementId;
use crate::scene;
use egui::{Pos2, Sense, Vec2};

/// The smallest zoom of the wall in presentation mode.
const PRESENTED_WALL_MIN_ZOOM: f32 = 0.6;

/// Below this on-screen card width the map is drawn as an overview.
const DETAIL_MIN_CARD_PX: f32 = 24.0;

/// A card being dragged.
#[derive(Clone, Debug, PartialEq)]
pub struct Drag {
    pub id: crate::model::TouchpointId,
    /// Pointer position minus the card's top-left, in screen points.
    pub grab: Vec2,
}

/// What the canvas reads and changes: the journey and its layout to draw, the view
/// state (selection, pan and zoom, drag), and the edit sink.
pub struct Canvas<'a> {
    pub journey: &'a crate::model::Journey,
    pub layout: &'a crate::layout::MapLayout,
    pub ui_state: &'a mut UiState,
    pub i18n: &'a crate::i18n::I18n,
    pub theme: &'a crate::theme::Theme,
    pub edits: &'a mut Edits,
    /// Handoffs worth marking, most likely first: drawn as faint candidates.
    pub suggestions: &'a [(crate::model::TouchpointId, crate::model::TouchpointId)],
}

pub fn ui(canvas_ctx: Canvas<'_>, ui: &mut egui::Ui) {
    let canvas = ui.available_rect_before_wrap();
    let background = ui.interact(
        canvas,
        ui.scope_id().with("canvas"),
        Sense::click_and_drag(),
    );
    let Canvas {
        journey,
        layout,
        ui_state,
        i18n,
        theme,
        edits,
        suggestions,
    } = canvas_ctx;
    let origin = canvas.min;
    ui_state.canvas_rect = Some(canvas);

    // On a projector, text never shrinks below the theme's sizes; the wall, whose point
    // is the whole journey at once, may shrink it to 60 % (projector type is twice the
    // editor's, so titles stay about 17 px).
    let min_zoom = match (ui_state.display.presenting(), layout.arrangement) {
        (false, _) => MIN_ZOOM,
        (true, crate::layout::Arrangement::Timeline) => 1.0,
        (true, crate::layout::Arrangement::Wall) => PRESENTED_WALL_MIN_ZOOM,
    };
    // The projector view opens at full type size; Ctrl+0 and Ctrl+- may still zoom out.
    ui_state.view.apply_fit(canvas, layout, min_zoom);
    navigate(ui, &background, canvas, &mut ui_state.view);
    ui_state.view.clamp(canvas, &layout.bounds);
    if let Some(id) = ui_state.reveal.take()
        && let Some(slot) = layout.slots.iter().find(|s| s.id == id)
    {
        let card = ui_state.view.rect_to_screen(origin, &slot.card);
        if !canvas.contains_rect(card) {
            ui_state.view.offset.x += canvas.center().x - card.center().x;
        }
    }
    if background.clicked() {
        ui_state.selection.clear();
        let stage = layout.stage_at(
            ui_state
                .view
                .from_screen(origin, background.interact_pointer_pos().unwrap_or(origin))
                .x,
        );
        ui_state.active_stage = stage.or(ui_state.active_stage);
    }

    let painter = Painter::new(ui.painter_at(canvas), &ui_state.view, origin, theme, i18n);
    painter
        .egui
        .rect_filled(canvas, 0.0, paint::colour(theme.background));
    let visible = Rect {
        min: ui_state.view.from_screen(origin, canvas.min),
        max: ui_state.view.from_screen(origin, canvas.max),
    };
    let slots = layout.slots_in_x(visible.min.x, visible.max.x);
    let mut shapes = Vec::with_capacity(64 + slots.len() * 24);
    scene::stages(&mut shapes, journey, layout, theme, i18n, &visible);
    scene::grey_areas(&mut shapes, journey, layout, theme, i18n, &visible);
    // Level of detail: cards only a few pixels wide are drawn as channel-coloured
    // strokes, and the curve keeps about one point per pixel.
    let card_px = theme.metrics.slot_width * ui_state.view.zoom;
    let detailed = card_px >= DETAIL_MIN_CARD_PX;
    let step = if detailed {
        1
    } else {
        (1.5 / card_px).ceil() as usize
    };
    scene::extra_curves(
        &mut shapes,
        journey,
        layout,
        slots.clone(),
        &ui_state.hidden_curves,
    );
    scene::emotion_curve_sampled(&mut shapes, layout, theme, slots.clone(), step);
    if detailed {
        for slot in &layout.slots[slots.clone()] {
            if let Some(touchpoint) = journey.touchpoints.get(slot.index) {
                scene::touchpoint(&mut shapes, journey, slot, touchpoint, theme, i18n);
            }
        }
        scene::out_of_order_arrows(&mut shapes, journey, layout, theme);
    }
    painter.render(&shapes);
    if !detailed {
        overview_cards(&painter, layout, journey, slots.clone(), step);
    }
    if detailed && !ui_state.display.presenting() {
        suggested_handoffs(&painter, layout, suggestions);
    }
    dim_unmatched(&painter, layout, journey, slots.clone(), ui_state);
    for selected in &ui_state.selection {
        match selected {
            ElementId::Touchpoint(id) => {
                if let Some(slot) = layout.slots[slots.clone()].iter().find(|s| &s.id == id) {
                    paint::selection_outline(&painter, &slot.card, theme.metrics.card_rounding);
                }
            }
            ElementId::GreyArea(id) => {
                if let Some(band) = layout.grey_areas.iter().find(|b| &b.id == id) {
                    paint::selection_outline(&painter, &band.band, 4.0);
                }
            }
            _ => {}
        }
    }
    paint::sticky_lane_labels(&painter, layout, canvas);
    if let Some(grey) = ui_state
        .spotlight
        .as_ref()
        .and_then(|id| journey.grey_area(id))
    {
        let band_x = layout
            .grey_areas
            .iter()
            .find(|b| b.id == grey.id)
            .map_or(canvas.center().x, |b| {
                ui_state.view.rect_to_screen(origin, &b.band).center().x
            });
        spotlight::card(ui, canvas, journey, grey, band_x, theme, i18n);
    }

    stage_buttons(ui, (ui_state, i18n), layout, origin, edits, journey);
    if !detailed {
        // Too small to point at: zoom in to select or drag.
        return;
    }
    grey_area_hits(ui, (ui_state, i18n), layout, journey, origin);
    card_interactions(
        ui,
        (ui_state, i18n),
        layout,
        journey,
        origin,
        slots,
        edits,
        theme,
    );
}

/// The overview: each card a short stroke in its channel's colour, one per pixel column.
fn overview_cards(
    painter: &Painter,
    layout: &crate::layout::MapLayout,
    journey: &crate::model::Journey,
    slots: std::ops::Range<usize>,
    step: usize,
) {
    let mut shapes = Vec::with_capacity(slots.len() / step + 1);
    for slot in layout.slots[slots].iter().step_by(step.max(1)) {
        let Some(touchpoint) = journey.touchpoints.get(slot.index) else {
            continue;
        };
        let colour = touchpoint
            .channel
            .as_ref()
            .and_then(|c| journey.channel(c))
            .map_or(painter.theme.card_border, |c| c.colour);
        let card = painter.view_rect(&slot.card);
        shapes.push(egui::Shape::rect_filled(card, 0.0, paint::colour(colour)));
    }
    painter.egui.extend(shapes);
}

/// Faint dashed outlines in the gaps the grey-area list suggests marking (the first
/// ones, most likely first), so the candidates are seen where they are.
fn suggested_handoffs(
    painter: &Painter,
    layout: &crate::layout::MapLayout,
    suggestions: &[(crate::model::TouchpointId, crate::model::TouchpointId)],
) {
    use crate::app::inspector::grey_area::SHOWN_SUGGESTIONS;
    // Suggestions sit in the gap between neighbouring cards; the wall's neighbours may
    // be rows apart, so there they are only listed in the journey panel.
    if layout.arrangement == crate::layout::Arrangement::Wall {
        return;
    }
    let index: std::collections::HashMap<&crate::model::TouchpointId, usize> = layout
        .slots
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let faint = paint::colour(painter.theme.text_muted).gamma_multiply(0.55);
    for (from, to) in suggestions.iter().take(SHOWN_SUGGESTIONS) {
        let (Some(&a), Some(&b)) = (index.get(from), index.get(to)) else {
            continue;
        };
        let (left, right) = (&layout.slots[a.min(b)], &layout.slots[a.max(b)]);
        let gap = Rect {
            min: crate::layout::Point::new(left.card.max.x + 2.0, left.card.min.y),
            max: crate::layout::Point::new(right.card.min.x - 2.0, left.card.max.y),
        };
        let rect = painter.view_rect(&gap);
        if rect.width() < 2.0 {
            continue;
        }
        let dashes = egui::Shape::dashed_line(
            &[
                rect.left_top(),
                rect.left_bottom(),
                rect.right_bottom(),
                rect.right_top(),
                rect.left_top(),
            ],
            egui::Stroke::new(1.5, faint),
            4.0,
            4.0,
        );
        painter.egui.extend(dashes);
    }
}

/// Quick filters and the spotlight: cover what does not match with the background.
fn dim_unmatched(
    painter: &Painter,
    layout: &crate::layout::MapLayout,
    journey: &crate::model::Journey,
    slots: std::ops::Range<usize>,
    ui_state: &UiState,
) {
    let spotlight = ui_state
        .spotlight
        .as_ref()
        .and_then(|id| journey.grey_area(id));
    if ui_state.filter == Filter::None && spotlight.is_none() {
        return;
    }
    let veil = paint::colour(painter.theme.background).gamma_multiply(0.78);
    for slot in &layout.slots[slots] {
        let Some(touchpoint) = journey.touchpoints.get(slot.index) else {
            continue;
        };
        let lit = match spotlight {
            Some(grey) => grey.from == slot.id || grey.to == slot.id,
            None => ui_state.filter.matches(touchpoint),
        };
        if !lit {
            let column = Rect {
                min: slot.card.min,
                max: slot.department.max,
            };
            painter.egui.rect_filled(
                ui_state.view.rect_to_screen(painter.origin, &column),
                0.0,
                veil,
            );
        }
    }
    if let Some(grey) = spotlight {
        for band in layout.grey_areas.iter().filter(|b| b.id != grey.id) {
            for rect in [&band.band, &band.callout] {
                painter.egui.rect_filled(
                    ui_state.view.rect_to_screen(painter.origin, rect),
                    0.0,
                    veil,
                );
            }
        }
    }
}

fn navigate(ui: &egui::Ui, background: &egui::Response, canvas: egui::Rect, view: &mut View) {
    if background.dragged() {
        view.offset += background.drag_delta();
    }
    let hovered = ui.rect_contains_pointer(canvas);
    let (zoom, scroll, pointer) = ui.input(|i| {
        (
            i.zoom_delta(),
            i.smooth_scroll_delta(),
            i.pointer.hover_pos(),
        )
    });
    if hovered {
        if zoom != 1.0 {
            view.zoom_around(canvas.min, pointer.unwrap_or(canvas.center()), zoom);
        } else if scroll != Vec2::ZERO {
            view.offset += scroll;
        }
    }
    if view.pending_zoom != 1.0 {
        let factor = std::mem::replace(&mut view.pending_zoom, 1.0);
        view.zoom_around(canvas.min, canvas.center(), factor);
    }
}

/// The "+" at each stage header: adds a touchpoint to that stage.
fn stage_buttons(
    ui: &mut egui::Ui,
    (ui_state, i18n): (&mut UiState, &crate::i18n::I18n),
    layout: &crate::layout::MapLayout,
    origin: Pos2,
    edits: &mut Edits,
    journey: &crate::model::Journey,
) {
    for stage_box in &layout.stages {
        let header = ui_state.view.rect_to_screen(origin, &stage_box.header);
        let size = (28.0 * ui_state.view.zoom).clamp(14.0, 40.0);
        let rect = egui::Rect::from_min_size(
            egui::pos2(header.right() - size - 8.0, header.top() + 8.0),
            Vec2::splat(size),
        );
        let stage_name = i18n.stage_name(journey, stage_box.stage);
        let label = crate::tr!(i18n, "add-touchpoint-to", stage = stage_name);
        let response = ui.interact(
            rect,
            ui.scope_id().with(("add", stage_box.stage)),
            Sense::click(),
        );
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label));
        let response = response.on_hover_text(&label);
        let visuals = ui.style().interact(&response);
        ui.painter()
            .circle_filled(rect.center(), size / 2.0, visuals.bg_fill);
        let stroke = egui::Stroke::new((size / 10.0).max(1.5), visuals.fg_stroke.color);
        let arm = size * 0.28;
        ui.painter().line_segment(
            [rect.center() - Vec2::X * arm, rect.center() + Vec2::X * arm],
            stroke,
        );
        ui.painter().line_segment(
            [rect.center() - Vec2::Y * arm, rect.center() + Vec2::Y * arm],
            stroke,
        );
        if response.clicked() {
            let (edit, id) = crate::document::new_touchpoint(journey, stage_box.stage);
            edits.push(edit, "edit-add-touchpoint");
            ui_state.select_new_touchpoint(id, stage_box.stage);
        }
    }
}

fn grey_area_hits(
    ui: &mut egui::Ui,
    (ui_state, i18n): (&mut UiState, &crate::i18n::I18n),
    layout: &crate::layout::MapLayout,
    journey: &crate::model::Journey,
    origin: Pos2,
) {
    for band in &layout.grey_areas {
        let rect = ui_state.view.rect_to_screen(origin, &band.band);
        if !ui.clip_rect().intersects(rect) {
            continue;
        }
        let title = journey
            .grey_areas
            .get(band.index)
            .map(|g| g.title.clone())
            .unwrap_or_default();
        let severity = i18n.term("severity", band.severity.key());
        let title = crate::tr!(i18n, "grey-area-named", title = title, severity = severity);
        let response = ui.interact(rect, ui.scope_id().with(("grey", &band.id)), Sense::click());
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &title));
        // Its callout selects it too (one accessible button per grey area is enough).
        let callout = ui_state.view.rect_to_screen(origin, &band.callout);
        let callout = ui.interact(
            callout,
            ui.scope_id().with(("callout", &band.id)),
            Sense::click(),
        );
        if response.clicked() || callout.clicked() {
            ui_state.selection = vec![ElementId::GreyArea(band.id.clone())];
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn card_interactions(
    ui: &mut egui::Ui,
    (ui_state, i18n): (&mut UiState, &crate::i18n::I18n),
    layout: &crate::layout::MapLayout,
    journey: &crate::model::Journey,
    origin: Pos2,
    slots: std::ops::Range<usize>,
    edits: &mut Edits,
    theme: &crate::theme::Theme,
) {
    let mut dragging_now = None;
    for index in slots {
        let slot = &layout.slots[index];
        let rect = ui_state.view.rect_to_screen(origin, &slot.card);
        let Some(touchpoint) = journey.touchpoints.get(slot.index) else {
            continue;
        };
        let response = ui.interact(
            rect,
            ui.scope_id().with(("card", &slot.id)),
            Sense::click_and_drag(),
        );
        let selected = ui_state.is_selected(&ElementId::Touchpoint(slot.id.clone()));
        let name = if touchpoint.title.trim().is_empty() {
            i18n.tr("new-touchpoint")
        } else {
            touchpoint.title.clone()
        };
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, &name)
        });
        let element = ElementId::Touchpoint(slot.id.clone());
        if response.clicked() {
            let adding = ui.input(|i| i.modifiers.shift || i.modifiers.command);
            if adding {
                if let Some(at) = ui_state.selection.iter().position(|e| e == &element) {
                    ui_state.selection.remove(at);
                } else {
                    ui_state.selection.push(element.clone());
                }
            } else {
                ui_state.selection = vec![element.clone()];
            }
            ui_state.active_stage = Some(slot.stage);
        }
        if response.double_clicked() {
            ui_state.focus_request = Some(crate::app::widgets::field_id(slot.id.as_str(), "title"));
            ui_state.selection = vec![element];
        }
        if response.drag_started() {
            let grab = response
                .interact_pointer_pos()
                .map_or(Vec2::ZERO, |p| p - rect.min);
            ui_state.drag = Some(Drag {
                id: slot.id.clone(),
                grab,
            });
        }
        if response.dragged() || response.drag_stopped() {
            dragging_now = Some((response.clone(), rect.size()));
        }
    }
    let Some(drag) = ui_state.drag.clone() else {
        return;
    };
    let Some((response, size)) = dragging_now else {
        ui_state.drag = None;
        return;
    };
    let Some(pointer) = response
        .interact_pointer_pos()
        .or(ui.input(|i| i.pointer.latest_pos()))
    else {
        return;
    };
    let at = ui_state.view.from_screen(origin, pointer);
    let stage = layout.drop_target(at.x);
    let index = layout.drop_index(stage, at, Some(&drag.id));
    if response.drag_stopped() {
        ui_state.drag = None;
        let Some(current) = journey.touchpoint(&drag.id) else {
            return;
        };
        let current_index = journey
            .touchpoints_in(current.stage)
            .iter()
            .position(|t| t.id == drag.id);
        if current.stage != stage || current_index != Some(index) {
            match crate::model::Edit::move_touchpoint(journey, &drag.id, stage, index) {
                Ok(edit) => edits.push(edit, "edit-move-touchpoint"),
                Err(error) => ui_state.notice = Some(Notice::Error(error.to_string())),
            }
        }
        ui_state.active_stage = Some(stage);
    } else {
        let ghost = egui::Rect::from_min_size(pointer - drag.grab, size);
        paint::drag_ghost(
            ui.painter(),
            ghost,
            theme,
            journey.touchpoint(&drag.id),
            layout,
            stage,
            index,
            &ui_state.view,
            origin,
        );
    }
}
