//! The six-stage canvas: pan (drag the background, scroll), zoom (Ctrl+wheel, Ctrl
//! +/-/0), select (click, Shift+click), drag a card to another place or stage. A
//! component: it owns its view (pan and zoom), the drag, its layout and where it was on
//! screen; it reads the journey and the shared view state and answers with actions.
//! It paints from the shared layout and only what is visible; painting lives in
//! `paint`, pan and zoom in `view`.

pub(crate) mod paint;
mod spotlight;
mod view;

pub(in crate::app) use paint::Painter;
pub use view::View;
use view::{Fitted, MIN_ZOOM};

use super::action::{Actions, ViewChange};
use super::panels::grey_list::SHOWN_SUGGESTIONS;
use super::widgets::{colour, field_id};
use super::workspace::{DisplayMode, Filter, Notice, Workspace};
use crate::i18n::I18n;
use crate::layout::{Arrangement, MapLayout, Rect};
use crate::model::{Edit, ElementId, Journey, TouchpointId};
use crate::scene;
use egui::{Pos2, Sense, Vec2};

/// The smallest zoom of the wall in presentation mode.
const PRESENTED_WALL_MIN_ZOOM: f32 = 0.6;

/// Below this on-screen card width the map is drawn as an overview.
const DETAIL_MIN_CARD_PX: f32 = 24.0;

/// A card being dragged.
#[derive(Clone, Debug, PartialEq)]
pub struct Drag {
    pub id: TouchpointId,
    /// Pointer position minus the card's top-left, in screen points.
    pub grab: Vec2,
}

/// What the canvas's layout was computed from.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    revision: u64,
    display: DisplayMode,
    collapse: bool,
    evidence: bool,
    blueprint: bool,
    arrangement: Arrangement,
    /// The canvas's width / height in twentieths, for the wall.
    shape: i32,
}

/// The canvas and what it keeps between frames.
#[derive(Debug, Default)]
pub struct Canvas {
    pub view: View,
    drag: Option<Drag>,
    /// Where the canvas was on screen last frame.
    rect: Option<egui::Rect>,
    layout: Option<(LayoutKey, MapLayout)>,
    /// What each card, cell and callout needs, kept between layouts.
    fit: scene::Fit,
    /// Scroll to show this card next frame.
    reveal: Option<TouchpointId>,
}

/// What the canvas reads, and where its actions go.
pub struct Context<'a> {
    pub journey: &'a Journey,
    /// The document revision the journey is at (the layout is kept per revision).
    pub revision: u64,
    pub workspace: &'a Workspace,
    /// The interface's words (notices, what a button does).
    pub i18n: &'a I18n,
    /// The map's own words: everything drawn on the canvas speaks the map's language,
    /// as its exports do, whatever the interface speaks.
    pub words: &'a I18n,
    pub actions: &'a Actions,
    /// Handoffs worth marking, most likely first, as the journey index of each pair's
    /// first touchpoint: drawn as faint candidates.
    pub suggestions: &'a [usize],
}

/// The theme the canvas lays the map out in: the display's, with empty stages
/// collapsed or not.
/// No text on a projector is drawn under this many pixels.
pub const PROJECTOR_TEXT_PX: f32 = 18.0;

/// The zoom under which the theme's smallest type would pass the projector's floor.
fn projector_floor(theme: &crate::theme::Theme) -> f32 {
    let smallest = [
        theme.small_size,
        theme.body_size,
        theme.card_title_size,
        theme.badge_size,
    ]
    .into_iter()
    .fold(f32::MAX, f32::min);
    PROJECTOR_TEXT_PX / smallest
}

fn canvas_theme(workspace: &Workspace) -> crate::theme::Theme {
    let mut theme = workspace.theme.clone();
    theme.metrics = theme
        .metrics
        .collapsing_empty_stages(workspace.collapse_empty_stages);
    if !workspace.show_blueprint {
        theme.metrics.step_height = 0.0;
    }
    theme
}

impl Canvas {
    /// Where the canvas was drawn last frame.
    pub fn rect(&self) -> Option<egui::Rect> {
        self.rect
    }

    /// The map's extent in layout coordinates, as last laid out.
    pub fn map_bounds(&self) -> Option<Rect> {
        self.layout.as_ref().map(|(_, layout)| layout.bounds)
    }

    /// Where card `index` (its place in the layout's slots) was drawn last frame.
    pub fn card_on_screen(&self, index: usize) -> Option<egui::Rect> {
        let (_, layout) = self.layout.as_ref()?;
        let origin = self.rect()?.min;
        let card = layout.slots.get(index)?.card;
        Some(self.view.rect_to_screen(origin, &card))
    }

    pub fn is_dragging(&self) -> bool {
        self.drag.is_some()
    }

    /// Scrolls the canvas to show `id` next frame.
    pub fn reveal(&mut self, id: TouchpointId) {
        self.reveal = Some(id);
    }

    /// Page Down or Page Up on the projector: turns a page within `stage` when it is
    /// wider than the window; false when there is no page that way.
    pub fn page_within(&mut self, stage: crate::model::Stage, forward: bool) -> bool {
        let (Some(rect), Some((_, layout))) = (self.rect, self.layout.as_ref()) else {
            return false;
        };
        self.view.page_within(rect, layout, stage, forward)
    }

    /// A new document or display: a fresh view, fitted next frame; no drag.
    pub fn refit(&mut self) {
        self.view = View::fit_on_next_frame();
        self.drag = None;
    }

    /// Lays the journey out again when what the layout depends on changed.
    fn ensure_layout(&mut self, cx: &Context<'_>) {
        let workspace = cx.workspace;
        let arrangement = workspace.arrangement;
        // The wall fits the canvas's shape (as last drawn): it is laid out again, and
        // fitted again, when the window's shape changes.
        let aspect = self
            .rect
            .map_or(16.0 / 9.0, |r| r.width() / r.height().max(1.0));
        let shape = match arrangement {
            Arrangement::Timeline => 0,
            Arrangement::Wall => (aspect * 20.0).round() as i32,
        };
        let key = LayoutKey {
            revision: cx.revision,
            display: workspace.display,
            collapse: workspace.collapse_empty_stages,
            evidence: workspace.show_evidence_lane,
            blueprint: workspace.show_blueprint,
            arrangement,
            shape,
        };
        if self.layout.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let refit = self.layout.as_ref().is_some_and(|(k, _)| {
            k.arrangement == Arrangement::Wall && k.shape != key.shape && k.revision == key.revision
        });
        // Boxes grow to what the map holds (cards capped by the theme).
        let metrics = self.fit.metrics(
            cx.journey,
            &canvas_theme(workspace),
            cx.words,
            workspace.show_evidence_lane,
        );
        let layout = crate::layout::arrange(cx.journey, &metrics, arrangement, aspect);
        self.layout = Some((key, layout));
        if refit {
            self.view = View::fit_on_next_frame();
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &Context<'_>) {
        self.ensure_layout(cx);
        let Canvas {
            view,
            drag,
            rect,
            layout,
            reveal,
            fit,
        } = self;
        let Some((_, layout)) = layout.as_ref() else {
            return;
        };
        let canvas = ui.available_rect_before_wrap();
        *rect = Some(canvas);
        let background = ui.interact(
            canvas,
            ui.scope_id().with("canvas"),
            Sense::click_and_drag(),
        );
        let Context {
            journey,
            workspace,
            i18n,
            words,
            actions,
            suggestions,
            ..
        } = *cx;
        let theme = &workspace.theme;
        let origin = canvas.min;

        // On a projector, text never shrinks below the theme's sizes; the wall, whose
        // point is the whole journey at once, may shrink it to 60 % (projector type is
        // twice the editor's, so titles stay about 17 px).
        let min_zoom = match (workspace.display.presenting(), layout.arrangement) {
            (false, _) => MIN_ZOOM,
            (true, Arrangement::Timeline) => 1.0,
            (true, Arrangement::Wall) => PRESENTED_WALL_MIN_ZOOM,
        };
        // The projector view opens at full type size; Ctrl+0 and Ctrl+- may still zoom
        // out.
        let readable = view::READABLE_TITLE_PX / theme.card_title_size;
        let current = workspace.current_stage(journey);
        let zooms = view::Zooms {
            min_zoom,
            readable,
            projector: workspace
                .display
                .presenting()
                .then(|| projector_floor(theme)),
        };
        if view.apply_fit(canvas, layout, zooms, current) == Some(Fitted::Readable) {
            // The whole timeline would be unreadable here: the wall, if it is readable
            // in this window; else the timeline as far out as it stays readable.
            let aspect = canvas.width() / canvas.height().max(1.0);
            // The projector keeps a map's blueprint (the wall has none).
            let keeps_blueprint = workspace.display.presenting() && !layout.steps.is_empty();
            let wall_fits = layout.arrangement == Arrangement::Timeline && !keeps_blueprint && {
                let metrics = fit.metrics(
                    journey,
                    &canvas_theme(workspace),
                    words,
                    workspace.show_evidence_lane,
                );
                let wall = crate::layout::arrange(journey, &metrics, Arrangement::Wall, aspect);
                let margin = 32.0;
                let zoom = ((canvas.height() - margin) / wall.focus.height().max(1.0))
                    .min((canvas.width() - margin) / wall.bounds.width().max(1.0));
                zoom >= readable
            };
            if wall_fits {
                actions.push(super::action::Action::Command(
                    super::AppCommand::WallLayout,
                ));
                actions.notice(Notice::Info(i18n.tr("notice-fit-wall")));
            } else {
                actions.notice(Notice::Info(i18n.tr("notice-fit-readable")));
            }
        }
        navigate(ui, &background, canvas, view);
        view.clamp(canvas, &layout.bounds);
        if let Some(id) = reveal.take()
            && let Some(slot) = layout.slots.iter().find(|s| s.id == id)
        {
            let card = view.rect_to_screen(origin, &slot.card);
            if !canvas.contains_rect(card) {
                view.offset.x += canvas.center().x - card.center().x;
            }
        }
        if background.clicked() {
            actions.select(Vec::new());
            let pointer = background.interact_pointer_pos().unwrap_or(origin);
            if let Some(stage) = layout.stage_at(view.from_screen(origin, pointer).x) {
                actions.view(ViewChange::ActiveStage(stage));
            }
        }

        let painter = Painter::new(ui.painter_at(canvas), view, origin, theme, words);
        painter
            .egui
            .rect_filled(canvas, 0.0, colour(theme.background));
        let visible = Rect {
            min: view.from_screen(origin, canvas.min),
            max: view.from_screen(origin, canvas.max),
        };
        let slots = layout.slots_in_x(visible.min.x, visible.max.x);
        let mut shapes = Vec::with_capacity(64 + slots.len() * 24);
        scene::stages(&mut shapes, journey, layout, theme, words, &visible);
        scene::emotion_tint(&mut shapes, layout, theme, slots.clone());
        scene::planned_path(&mut shapes, journey, layout, theme, slots.clone());
        let numbers = scene::Numbers::grey_areas_of(journey);
        scene::grey_areas(
            &mut shapes,
            journey,
            layout,
            &numbers,
            theme,
            words,
            &visible,
        );
        // Level of detail: cards only a few pixels wide are drawn as channel-coloured
        // strokes, and the curve keeps about one point per pixel.
        let card_px = theme.metrics.slot_width * view.zoom;
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
            &workspace.hidden_curves,
        );
        scene::emotion_curve_sampled(&mut shapes, layout, theme, slots.clone(), step);
        if detailed {
            scene::curve_moments(&mut shapes, journey, layout, theme, words, slots.clone());
            for slot in &layout.slots[slots.clone()] {
                if let Some(touchpoint) = journey.touchpoints.get(slot.index) {
                    scene::touchpoint(
                        &mut shapes,
                        journey,
                        slot,
                        touchpoint,
                        &numbers,
                        theme,
                        words,
                    );
                }
            }
            scene::out_of_order_arrows(&mut shapes, journey, layout, theme);
            scene::blueprint(&mut shapes, journey, layout, theme, words, &visible);
            if workspace.show_data {
                scene::data(&mut shapes, journey, layout, theme, words, slots.clone());
            }
        }
        painter.render(&shapes);
        if !detailed {
            overview_cards(&painter, layout, journey, slots.clone(), step);
        }
        if detailed && !workspace.display.presenting() {
            suggested_handoffs(&painter, layout, suggestions);
        }
        dim_unmatched(&painter, layout, journey, slots.clone(), workspace);
        for selected in &workspace.selection {
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
                ElementId::Step(id) => {
                    if let Some(step) = layout.steps.iter().find(|s| &s.id == id) {
                        paint::selection_outline(&painter, &step.rect, theme.metrics.card_rounding);
                    }
                }
                _ => {}
            }
        }
        paint::sticky_lane_labels(&painter, layout, canvas);
        if let Some(grey) = workspace
            .spotlight
            .as_ref()
            .and_then(|id| journey.grey_area(id))
        {
            let band_x = layout
                .grey_areas
                .iter()
                .find(|b| b.id == grey.id)
                .map_or(canvas.center().x, |b| {
                    view.rect_to_screen(origin, &b.band).center().x
                });
            spotlight::card(ui, canvas, journey, grey, band_x, theme, words);
        }

        let at = Place {
            layout,
            view,
            origin,
            journey,
            i18n,
            actions,
        };
        stage_buttons(ui, &at);
        // Every element is in the accessibility tree, in view or not (the ones in view
        // below, as the buttons they are).
        accessible_nodes(ui, &at, detailed.then_some(slots.clone()), current);
        if !detailed {
            // Too small to point at: zoom in to select or drag.
            return;
        }
        grey_area_hits(ui, &at);
        step_interactions(ui, &at, workspace);
        let hits = card_interactions(ui, &at, workspace, drag, slots);
        drop_or_draw_drag(ui, &at, drag, hits, theme);
    }
}

/// The most elements a map has for each to be in the accessibility tree whether in
/// view or not; a larger map has its current stage's there, and the outline.
const ACCESSIBLE_ELEMENTS: usize = 1_000;

/// Nodes in the accessibility tree for the elements the frame has no button for (out
/// of view, or every one when the map is too far out to point at): each named with
/// its facts, where it is. Cards in `handled` (those in view, when the map is close
/// enough) and steps and grey areas within the clip get their buttons elsewhere.
fn accessible_nodes(
    ui: &mut egui::Ui,
    at: &Place<'_>,
    handled: Option<std::ops::Range<usize>>,
    current: crate::model::Stage,
) {
    let journey = at.journey;
    let all = journey.touchpoints.len() + journey.steps.len() + journey.grey_areas.len()
        <= ACCESSIBLE_ELEMENTS;
    let clip = ui.clip_rect();
    let node = |ui: &mut egui::Ui,
                rect: egui::Rect,
                id: egui::Id,
                name: &dyn Fn() -> String,
                facts: &dyn Fn() -> String| {
        let response = ui.interact(rect, id, Sense::hover());
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, name()));
        describe(ui, response.id, facts);
    };
    // Beyond the bound, the current stage's cards (at most the bound of them).
    let mut budget = ACCESSIBLE_ELEMENTS;
    for (k, slot) in at.layout.slots.iter().enumerate() {
        if handled.as_ref().is_some_and(|r| r.contains(&k)) || !(all || slot.stage == current) {
            continue;
        }
        if budget == 0 {
            break;
        }
        budget -= 1;
        let rect = at.view.rect_to_screen(at.origin, &slot.card);
        node(
            ui,
            rect,
            ui.scope_id().with(("card", &slot.id)),
            &|| card_name(at, slot.index),
            &|| crate::words::touchpoint_spoken(journey, slot.index, at.i18n),
        );
    }
    if !all {
        return;
    }
    for step_box in &at.layout.steps {
        let rect = at.view.rect_to_screen(at.origin, &step_box.rect);
        if handled.is_some() && clip.intersects(rect) {
            continue;
        }
        node(
            ui,
            rect,
            ui.scope_id().with(("step", &step_box.id)),
            &|| step_name(at, step_box.index),
            &|| crate::words::step_spoken(journey, step_box.index, at.i18n),
        );
    }
    for band in &at.layout.grey_areas {
        let rect = at.view.rect_to_screen(at.origin, &band.band);
        if handled.is_some() && clip.intersects(rect) {
            continue;
        }
        node(
            ui,
            rect,
            ui.scope_id().with(("grey", &band.id)),
            &|| grey_name(at, band.index),
            &|| crate::words::grey_area_spoken(journey, band.index, at.i18n),
        );
    }
}

/// An element's accessible description: its facts in words, written only when the
/// accessibility tree is being built (a screen reader, or a test).
fn describe(ui: &egui::Ui, id: egui::Id, facts: impl FnOnce() -> String) {
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_description(facts()));
}

/// A card's accessible name: its title as drawn (WCAG 2.5.3, the label in the name).
fn card_name(at: &Place<'_>, index: usize) -> String {
    match at.journey.touchpoints.get(index) {
        Some(t) if !t.title.trim().is_empty() => t.title.clone(),
        _ => at.i18n.tr("new-touchpoint"),
    }
}

/// A step's accessible name: its title as drawn.
fn step_name(at: &Place<'_>, index: usize) -> String {
    match at.journey.steps.get(index) {
        Some(s) if !s.title.trim().is_empty() => s.title.clone(),
        _ => at.i18n.tr("new-step-title"),
    }
}

/// A grey area's accessible name: its title and severity.
fn grey_name(at: &Place<'_>, index: usize) -> String {
    let Some(grey) = at.journey.grey_areas.get(index) else {
        return String::new();
    };
    crate::tr!(
        at.i18n,
        "grey-area-named",
        title = grey.title.clone(),
        severity = at.i18n.term("severity", grey.severity.key())
    )
}

/// What the interactions need to know of the canvas this frame.
struct Place<'a> {
    layout: &'a MapLayout,
    view: &'a View,
    origin: Pos2,
    journey: &'a Journey,
    i18n: &'a I18n,
    actions: &'a Actions,
}

/// The overview: each card a short stroke in its channel's colour, one per pixel column.
fn overview_cards(
    painter: &Painter,
    layout: &MapLayout,
    journey: &Journey,
    slots: std::ops::Range<usize>,
    step: usize,
) {
    let mut shapes = Vec::with_capacity(slots.len() / step + 1);
    for slot in layout.slots[slots].iter().step_by(step.max(1)) {
        let Some(touchpoint) = journey.touchpoints.get(slot.index) else {
            continue;
        };
        let fill = touchpoint
            .channel
            .as_ref()
            .and_then(|c| journey.channel(c))
            .map_or(painter.theme.card_border, |c| c.colour);
        let card = painter.view_rect(&slot.card);
        shapes.push(egui::Shape::rect_filled(card, 0.0, colour(fill)));
    }
    painter.egui.extend(shapes);
}

/// Faint dashed outlines in the gaps the grey-area list suggests marking (the first
/// ones, most likely first), so the candidates are seen where they are.
fn suggested_handoffs(painter: &Painter, layout: &MapLayout, suggestions: &[usize]) {
    // Suggestions sit in the gap between neighbouring cards; the wall's neighbours may
    // be rows apart, so there they are only listed in the journey panel.
    if layout.arrangement == Arrangement::Wall {
        return;
    }
    // Slots are in journey order: a card's slot is found by its index, not by a
    // search through ten thousand ids every frame.
    let slot_of = |index: usize| layout.slots.binary_search_by_key(&index, |s| s.index).ok();
    let faint = colour(painter.theme.text_muted).gamma_multiply(0.55);
    for &first in suggestions.iter().take(SHOWN_SUGGESTIONS) {
        let (Some(a), Some(b)) = (slot_of(first), slot_of(first + 1)) else {
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
    layout: &MapLayout,
    journey: &Journey,
    slots: std::ops::Range<usize>,
    workspace: &Workspace,
) {
    let spotlight = workspace
        .spotlight
        .as_ref()
        .and_then(|id| journey.grey_area(id));
    if workspace.filter == Filter::None && spotlight.is_none() {
        return;
    }
    let veil = colour(painter.theme.background).gamma_multiply(0.78);
    for slot in &layout.slots[slots] {
        let Some(touchpoint) = journey.touchpoints.get(slot.index) else {
            continue;
        };
        let lit = match spotlight {
            Some(grey) => grey.from == slot.id || grey.to == slot.id,
            None => workspace.filter.matches(touchpoint),
        };
        if !lit {
            let column = Rect {
                min: slot.card.min,
                max: slot.department.max,
            };
            painter
                .egui
                .rect_filled(painter.view_rect(&column), 0.0, veil);
        }
    }
    if let Some(grey) = spotlight {
        for band in layout.grey_areas.iter().filter(|b| b.id != grey.id) {
            for rect in [&band.band, &band.callout] {
                painter.egui.rect_filled(painter.view_rect(rect), 0.0, veil);
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

/// A round "+" button in `rect`, labelled for screen readers and its tooltip; `weak`
/// for the quieter fill of the blueprint lanes' buttons.
fn plus_button(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    id: egui::Id,
    label: &str,
    weak: bool,
) -> egui::Response {
    let response = ui.interact(rect, id, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, label));
    let response = response.on_hover_text(label);
    let visuals = ui.style().interact(&response);
    let size = rect.width();
    let fill = if weak {
        visuals.weak_bg_fill
    } else {
        visuals.bg_fill
    };
    ui.painter().circle_filled(rect.center(), size / 2.0, fill);
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
    response
}

/// The "+" at each stage header: adds a touchpoint to that stage.
fn stage_buttons(ui: &mut egui::Ui, at: &Place<'_>) {
    for stage_box in &at.layout.stages {
        let header = at.view.rect_to_screen(at.origin, &stage_box.header);
        let size = (28.0 * at.view.zoom).clamp(14.0, 40.0);
        let rect = egui::Rect::from_min_size(
            egui::pos2(header.right() - size - 8.0, header.top() + 8.0),
            Vec2::splat(size),
        );
        let stage_name = at.i18n.stage_name(at.journey, stage_box.stage);
        let label = crate::tr!(at.i18n, "add-touchpoint-to", stage = stage_name);
        let id = ui.scope_id().with(("add", stage_box.stage));
        if plus_button(ui, rect, id, &label, false).clicked() {
            let (edit, id) = crate::document::new_touchpoint(at.journey, stage_box.stage);
            at.actions.edit(edit, "edit-add-touchpoint");
            at.actions.view(ViewChange::SelectNew(id, stage_box.stage));
        }
    }
}

/// The "+" of each blueprint lane in each stage, where the lane's next step would go
/// (at the stage's right edge when the lane is full there); and a click on a step
/// selects it (Shift or Ctrl adds it, to mark a grey area between two steps), a double
/// click edits its title.
fn step_interactions(ui: &mut egui::Ui, at: &Place<'_>, workspace: &Workspace) {
    let layout = at.layout;
    if layout.steps.is_empty() {
        return;
    }
    let visible = Rect {
        min: at.view.from_screen(at.origin, ui.clip_rect().min),
        max: at.view.from_screen(at.origin, ui.clip_rect().max),
    };
    for step_box in crate::scene::visible_steps(layout, &visible) {
        let rect = at.view.rect_to_screen(at.origin, &step_box.rect);
        if !ui.clip_rect().intersects(rect) {
            continue;
        }
        if at.journey.steps.get(step_box.index).is_none() {
            continue;
        }
        let element = ElementId::Step(step_box.id.clone());
        let name = step_name(at, step_box.index);
        let response = ui.interact(
            rect,
            ui.scope_id().with(("step", &step_box.id)),
            Sense::click(),
        );
        describe(ui, response.id, || {
            crate::words::step_spoken(at.journey, step_box.index, at.i18n)
        });
        let selected = workspace.is_selected(&element);
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, &name)
        });
        if response.clicked() {
            if ui.input(|i| i.modifiers.shift || i.modifiers.command) {
                at.actions.view(ViewChange::ToggleSelected(element.clone()));
            } else {
                at.actions.select(vec![element.clone()]);
            }
            at.actions.view(ViewChange::ActiveStage(step_box.stage));
        }
        if response.double_clicked() {
            at.actions
                .view(ViewChange::Focus(field_id(step_box.id.as_str(), "title")));
            at.actions.select(vec![element]);
        }
    }
    let m = &workspace.theme.metrics;
    for lane_box in layout.lanes.iter().filter(|l| l.lane.layer().is_some()) {
        let Some(layer) = lane_box.lane.layer() else {
            continue;
        };
        for stage_box in layout.stages.iter().filter(|s| {
            s.column.width() >= 1.0
                && s.column.max.x >= visible.min.x
                && s.column.min.x <= visible.max.x
        }) {
            let start = layout.steps.partition_point(|s| s.stage < stage_box.stage);
            let last = layout.steps[start..]
                .iter()
                .take_while(|s| s.stage == stage_box.stage)
                .filter(|s| s.lane == layer)
                .map(|s| s.rect.max.x)
                .fold(None, |a: Option<f32>, x| Some(a.map_or(x, |a| a.max(x))));
            let first_x = layout.slots[stage_box.slots.clone()]
                .first()
                .map_or(stage_box.column.min.x + m.stage_padding, |s| s.card.min.x);
            let cell_x = last.map_or(first_x, |x| x + m.slot_gap);
            let size = 26.0;
            let free = cell_x + size <= stage_box.column.max.x - m.stage_padding / 2.0;
            let centre = if free {
                crate::layout::Point::new(
                    cell_x + size / 2.0 + 4.0,
                    lane_box.rect.min.y + size / 2.0 + 4.0,
                )
            } else {
                crate::layout::Point::new(
                    stage_box.column.max.x - size / 2.0 - 2.0,
                    lane_box.rect.max.y - size / 2.0 - 2.0,
                )
            };
            let centre = at.view.to_screen(at.origin, centre);
            let px = (size * at.view.zoom).clamp(14.0, 34.0);
            let rect = egui::Rect::from_center_size(centre, Vec2::splat(px));
            if !ui.clip_rect().intersects(rect) {
                continue;
            }
            let stage_name = at.i18n.stage_name(at.journey, stage_box.stage);
            let lane_name = at.i18n.term("blueprint-lane", layer.key());
            let label = crate::tr!(at.i18n, "add-step-to", lane = lane_name, stage = stage_name);
            let id = ui.scope_id().with(("add_step", stage_box.stage, layer));
            if plus_button(ui, rect, id, &label, true).clicked() {
                let (edit, id) =
                    crate::document::new_step(at.journey, stage_box.stage, layer, None);
                at.actions.edit(edit, "edit-add-step");
                at.actions.select(vec![ElementId::Step(id.clone())]);
                at.actions
                    .view(ViewChange::Focus(field_id(id.as_str(), "title")));
            }
        }
    }
}

fn grey_area_hits(ui: &mut egui::Ui, at: &Place<'_>) {
    for band in &at.layout.grey_areas {
        let rect = at.view.rect_to_screen(at.origin, &band.band);
        if !ui.clip_rect().intersects(rect) {
            continue;
        }
        let title = grey_name(at, band.index);
        let response = ui.interact(rect, ui.scope_id().with(("grey", &band.id)), Sense::click());
        describe(ui, response.id, || {
            crate::words::grey_area_spoken(at.journey, band.index, at.i18n)
        });
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &title));
        // Its callout selects it too (one accessible button per grey area is enough).
        let callout = at.view.rect_to_screen(at.origin, &band.callout);
        let callout = ui.interact(
            callout,
            ui.scope_id().with(("callout", &band.id)),
            Sense::click(),
        );
        if response.clicked() || callout.clicked() {
            at.actions
                .select(vec![ElementId::GreyArea(band.id.clone())]);
        }
    }
}

/// Clicks, double clicks and drag starts on the visible cards; returns the response
/// of the card being dragged, with its size.
fn card_interactions(
    ui: &mut egui::Ui,
    at: &Place<'_>,
    workspace: &Workspace,
    drag: &mut Option<Drag>,
    slots: std::ops::Range<usize>,
) -> Option<(egui::Response, Vec2)> {
    let mut dragging_now = None;
    for index in slots {
        let slot = &at.layout.slots[index];
        let rect = at.view.rect_to_screen(at.origin, &slot.card);
        if at.journey.touchpoints.get(slot.index).is_none() {
            continue;
        }
        let response = ui.interact(
            rect,
            ui.scope_id().with(("card", &slot.id)),
            Sense::click_and_drag(),
        );
        let element = ElementId::Touchpoint(slot.id.clone());
        let selected = workspace.is_selected(&element);
        let name = card_name(at, slot.index);
        describe(ui, response.id, || {
            crate::words::touchpoint_spoken(at.journey, slot.index, at.i18n)
        });
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, &name)
        });
        if response.clicked() {
            let adding = ui.input(|i| i.modifiers.shift || i.modifiers.command);
            if adding {
                at.actions.view(ViewChange::ToggleSelected(element.clone()));
            } else {
                at.actions.select(vec![element.clone()]);
            }
            at.actions.view(ViewChange::ActiveStage(slot.stage));
        }
        if response.double_clicked() {
            at.actions
                .view(ViewChange::Focus(field_id(slot.id.as_str(), "title")));
            at.actions.select(vec![element]);
        }
        if response.drag_started() {
            let grab = response
                .interact_pointer_pos()
                .map_or(Vec2::ZERO, |p| p - rect.min);
            *drag = Some(Drag {
                id: slot.id.clone(),
                grab,
            });
        }
        if response.dragged() || response.drag_stopped() {
            dragging_now = Some((response.clone(), rect.size()));
        }
    }
    dragging_now
}

/// The card being dragged: its ghost where it would land, or, when it is let go, the
/// move.
fn drop_or_draw_drag(
    ui: &mut egui::Ui,
    at: &Place<'_>,
    drag: &mut Option<Drag>,
    dragging_now: Option<(egui::Response, Vec2)>,
    theme: &crate::theme::Theme,
) {
    let Some(current_drag) = drag.clone() else {
        return;
    };
    let Some((response, size)) = dragging_now else {
        *drag = None;
        return;
    };
    let Some(pointer) = response
        .interact_pointer_pos()
        .or(ui.input(|i| i.pointer.latest_pos()))
    else {
        return;
    };
    let point = at.view.from_screen(at.origin, pointer);
    let stage = at.layout.drop_target(point.x);
    let index = at.layout.drop_index(stage, point, Some(&current_drag.id));
    if response.drag_stopped() {
        *drag = None;
        let Some(current) = at.journey.touchpoint(&current_drag.id) else {
            return;
        };
        let current_index = at
            .journey
            .touchpoints_in(current.stage)
            .iter()
            .position(|t| t.id == current_drag.id);
        if current.stage != stage || current_index != Some(index) {
            match Edit::move_touchpoint(at.journey, &current_drag.id, stage, index) {
                Ok(edit) => at.actions.edit(edit, "edit-move-touchpoint"),
                Err(error) => at.actions.notice(Notice::Error(error.to_string())),
            }
        }
        at.actions.view(ViewChange::ActiveStage(stage));
    } else {
        let ghost = egui::Rect::from_min_size(pointer - current_drag.grab, size);
        paint::drag_ghost(
            ui.painter(),
            ghost,
            theme,
            at.journey.touchpoint(&current_drag.id),
            at.layout,
            stage,
            index,
            at.view,
            at.origin,
        );
    }
}
