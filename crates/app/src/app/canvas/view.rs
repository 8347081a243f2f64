//! How layout coordinates map to the screen (pan and zoom), and the fits: lanes to the
//! window's height, the whole journey, one stage. Pure geometry on egui's vectors.

use crate::layout::{Point, Rect};
use egui::{Pos2, Vec2};

pub(in crate::app) const MIN_ZOOM: f32 = 0.002;
const MAX_ZOOM: f32 = 4.0;

/// How layout coordinates map to the screen: screen = canvas origin + offset + p * zoom.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub zoom: f32,
    pub offset: Vec2,
    fit: Option<Fit>,
    /// Zoom to apply around the canvas centre next frame (keyboard zoom).
    pub(super) pending_zoom: f32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Fit {
    /// All lanes fill the height; scroll sideways through the stages.
    Height,
    Whole,
    /// One stage's column fills the canvas.
    Stage(crate::model::Stage),
}

impl Default for View {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            offset: Vec2::ZERO,
            fit: Some(Fit::Height),
            pending_zoom: 1.0,
        }
    }
}

impl View {
    /// The view for a freshly opened map: lanes fit the window's height.
    pub fn fit_on_next_frame() -> Self {
        Self::default()
    }

    /// Fit the whole map in the window next frame.
    pub fn fit_whole(&mut self) {
        self.fit = Some(Fit::Whole);
    }

    /// Zoom to fit one stage next frame.
    pub fn focus_stage(&mut self, stage: crate::model::Stage) {
        self.fit = Some(Fit::Stage(stage));
    }

    pub fn zoom_by(&mut self, factor: f32) {
        self.pending_zoom *= factor;
    }

    pub fn to_screen(&self, origin: Pos2, p: Point) -> Pos2 {
        origin + self.offset + Vec2::new(p.x, p.y) * self.zoom
    }

    pub fn rect_to_screen(&self, origin: Pos2, r: &Rect) -> egui::Rect {
        egui::Rect::from_min_max(self.to_screen(origin, r.min), self.to_screen(origin, r.max))
    }

    pub fn from_screen(&self, origin: Pos2, p: Pos2) -> Point {
        let v = (p - origin - self.offset) / self.zoom;
        Point::new(v.x, v.y)
    }

    pub(super) fn zoom_around(&mut self, origin: Pos2, pivot: Pos2, factor: f32) {
        let new_zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let anchor = self.from_screen(origin, pivot);
        self.zoom = new_zoom;
        let moved = self.to_screen(origin, anchor);
        self.offset += pivot - moved;
    }

    /// Keeps the map in view: a map smaller than the canvas is centred on that axis; a
    /// larger one cannot be dragged away leaving empty canvas.
    pub(super) fn clamp(&mut self, canvas: egui::Rect, bounds: &Rect) {
        let margin = 16.0;
        let size = Vec2::new(bounds.width(), bounds.height()) * self.zoom;
        // The bounds kept in order: a map a rounding error from filling the canvas
        // must not make the lower bound pass the upper (a panic, found by the monkey).
        let clamp_axis = |offset: f32, map: f32, room: f32| {
            let far = room - map - margin;
            if map + 2.0 * margin <= room {
                offset.clamp(margin, far.max(margin))
            } else {
                offset.clamp(far.min(margin), margin)
            }
        };
        self.offset.x = clamp_axis(self.offset.x, size.x, canvas.width());
        self.offset.y = if size.y + 2.0 * margin <= canvas.height() {
            margin
        } else {
            clamp_axis(self.offset.y, size.y, canvas.height())
        };
    }

    /// Applies the fit asked for, if any. `min_zoom` is the display's smallest zoom
    /// for its own fits; `readable` the smallest at which card titles are still read
    /// (no fit goes under it); `current` the stage the person is at. On a projector
    /// (`projector`, the zoom under which its type would pass its floor) the timeline
    /// opens on a stage and its blueprint.
    pub(super) fn apply_fit(
        &mut self,
        canvas: egui::Rect,
        layout: &crate::layout::MapLayout,
        zooms: Zooms,
        current: crate::model::Stage,
    ) -> Option<Fitted> {
        let Zooms {
            min_zoom,
            readable,
            projector,
        } = zooms;
        let fit = self.fit.take()?;
        let bounds = &layout.bounds;
        let margin = 16.0;
        // The lane names stay pinned at the canvas's left edge, over the map.
        let labels = layout.lanes.first().map_or(0.0, |l| l.label.width());
        if let Some(floor) = projector
            && layout.arrangement == crate::layout::Arrangement::Timeline
            && let Fit::Height | Fit::Stage(_) = fit
        {
            let stage = match fit {
                Fit::Stage(stage) => stage,
                _ => current,
            };
            self.stage_and_blueprint(canvas, layout, stage, floor);
            return Some(Fitted::Done);
        }
        let by_height = (canvas.height() - margin * 2.0) / bounds.height().max(1.0);
        let by_width = (canvas.width() - margin * 2.0) / bounds.width().max(1.0);
        let by_focus = (canvas.height() - margin * 2.0) / layout.focus.height().max(1.0);
        let mut fitted = Fitted::Done;
        let (zoom, left) = match fit {
            // The wall fits its stages, cards and curve to the window, both ways.
            // (A callout past the last stage may be scrolled to.)
            Fit::Height if layout.arrangement == crate::layout::Arrangement::Wall => {
                let by_stages = (canvas.width() - margin * 2.0) / layout.focus.width().max(1.0);
                (by_focus.min(by_stages).min(2.0), 0.0)
            }
            Fit::Height => (by_height.min(1.2), 0.0),
            Fit::Whole => {
                let whole = by_height.min(by_width);
                if whole >= readable {
                    (whole, 0.0)
                } else {
                    // Everything would be too small to read: as far out as titles
                    // stay readable, from the current stage.
                    fitted = Fitted::Readable;
                    let column = &layout.stages[current.index()].column;
                    (readable, column.min.x - labels)
                }
            }
            Fit::Stage(stage) => {
                let column = &layout.stages[stage.index()].column;
                let room = canvas.width() - margin * 2.0;
                let by_column = room / (column.width() + labels).max(1.0);
                (by_height.min(by_column), column.min.x - labels)
            }
        };
        let floor = match fit {
            Fit::Whole => readable,
            // A stage is brought into view whole, shrinking even a projector's type
            // as long as titles stay readable.
            Fit::Stage(_) => readable,
            Fit::Height => min_zoom,
        };
        self.zoom = zoom.clamp(floor.max(MIN_ZOOM), MAX_ZOOM);
        let map_width = bounds.width() * self.zoom;
        let x = if left > 0.0 {
            margin - left * self.zoom
        } else if map_width < canvas.width() {
            (canvas.width() - map_width) / 2.0
        } else {
            margin
        };
        self.offset = Vec2::new(x, margin);
        Some(fitted)
    }
}

/// The zooms a fit keeps to (see `View::apply_fit`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Zooms {
    pub min_zoom: f32,
    pub readable: f32,
    pub projector: Option<f32>,
}

impl View {
    /// The projector's fit: the stage's column from its header down to its last
    /// blueprint lane (the curve's, without a blueprint), as big as the window holds
    /// it and never under `floor`. A stage wider than that at `floor` shows its first
    /// cards; `page_within` turns to the rest.
    fn stage_and_blueprint(
        &mut self,
        canvas: egui::Rect,
        layout: &crate::layout::MapLayout,
        stage: crate::model::Stage,
        floor: f32,
    ) {
        let margin = 16.0;
        let labels = layout.lanes.first().map_or(0.0, |l| l.label.width());
        let column = &layout.stages[stage.index()].column;
        let bottom = projector_bottom(layout);
        let by_height = (canvas.height() - margin * 2.0) / bottom.max(1.0);
        let by_width = (canvas.width() - margin) / (column.width() + labels).max(1.0);
        self.zoom = by_height
            .min(by_width)
            .min(PROJECTOR_MAX_ZOOM)
            .max(floor)
            .clamp(MIN_ZOOM, MAX_ZOOM);
        let left = column.min.x - labels;
        // The stage starts at the pinned lane names; the room it leaves is on its right.
        self.offset = Vec2::new(-left * self.zoom, margin);
    }

    /// On the projector, Page Down and Page Up turn the pages of a stage too wide for
    /// the window before they leave it: true when they turned one. A page starts at a
    /// whole card.
    pub(super) fn page_within(
        &mut self,
        canvas: egui::Rect,
        layout: &crate::layout::MapLayout,
        stage: crate::model::Stage,
        forward: bool,
    ) -> bool {
        let labels = layout.lanes.first().map_or(0.0, |l| l.label.width());
        let column = &layout.stages[stage.index()].column;
        let shown_left = self.from_screen(canvas.min, canvas.min).x + labels;
        let shown_right = self.from_screen(canvas.min, canvas.max).x;
        let cards = &layout.slots[layout.stages[stage.index()].slots.clone()];
        // A page's first card has the room the stage's first card has.
        let pad = cards
            .first()
            .map_or(0.0, |s| (s.card.min.x - column.min.x).min(48.0));
        let start = if forward {
            // The first card not whole in view starts the next page.
            cards
                .iter()
                .find(|s| s.card.max.x > shown_right + 0.5 && s.card.min.x > shown_left)
                .map(|s| s.card.min.x - pad)
        } else {
            // The page before: the cards that end left of the window, as many as fit.
            let room = shown_right - shown_left;
            cards
                .iter()
                .filter(|s| s.card.min.x < shown_left - 0.5)
                .find(|s| shown_left - (s.card.min.x - pad) <= room + 0.5)
                .map(|s| (s.card.min.x - pad).max(column.min.x))
        };
        let Some(start) = start else {
            return false;
        };
        if start < column.min.x - 0.5 || start > column.max.x {
            return false;
        }
        self.offset.x = -(start - labels) * self.zoom;
        true
    }
}

/// Where the projector's view of a stage ends: under its last lane above the
/// grey areas' callouts.
fn projector_bottom(layout: &crate::layout::MapLayout) -> f32 {
    layout
        .lanes
        .iter()
        .filter(|l| l.lane != crate::layout::Lane::GreyAreas && l.rect.height() > 0.0)
        .map(|l| l.rect.max.y)
        .fold(0.0, f32::max)
}

/// The largest zoom the projector's stage fit goes to (a stage of one card stays a
/// card, not a billboard).
const PROJECTOR_MAX_ZOOM: f32 = 1.5;

/// What a fit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fitted {
    Done,
    /// The whole map would have put card titles under the readable size: it is fitted
    /// as far out as they stay readable, from the current stage.
    Readable,
}

/// The smallest size, in pixels, a fit leaves card titles at.
pub(super) const READABLE_TITLE_PX: f32 = 9.0;

#[cfg(test)]
mod tests {
    use super::*;

    /// A map whose zoomed size leaves the canvas a hair under its two margins, in
    /// either direction of the rounding (every f32 around that size, at zooms that
    /// round differently): the view is clamped, never a panic.
    #[test]
    fn a_map_a_rounding_error_from_the_canvas_size_clamps_without_a_panic() {
        // 1040: the map just under 1024 and the map plus its margins just over, where
        // their rounding differs.
        for room in [700.0_f32, 913.0, 1000.0, 1040.0, 1181.5] {
            let canvas = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(room, room));
            for zoom in [1.0_f32, 0.61, 0.437, 1.3] {
                let exact = (room - 32.0) / zoom;
                let mut width = exact - 0.01;
                while width < exact + 0.01 {
                    let mut view = View {
                        zoom,
                        ..View::default()
                    };
                    view.offset = Vec2::new(3.0, 500.0);
                    let bounds = Rect::from_min_size(0.0, 0.0, width, width);
                    view.clamp(canvas, &bounds);
                    assert!(view.offset.x.is_finite() && view.offset.y.is_finite());
                    width = f32::from_bits(width.to_bits() + 1);
                }
            }
        }
    }
}
