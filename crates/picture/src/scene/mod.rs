//! The map as a display list: rectangles, lines, circles, hatching and text boxes in
//! layout units, built from the journey, its layout and the theme. The canvas renders
//! it with egui and the exports render it as SVG, so screen and export cannot drift
//! apart. Egui-free. Editor chrome (selection, drag ghost, sticky labels) is not here.

use crate::i18n::I18n;
use crate::layout::{Lane, MapLayout, Point, Rect, Slot};
use crate::model::{EMOTION_MAX, EMOTION_MIN, Journey, Rgb};
use crate::theme::Theme;

mod blueprint;
mod card;
mod data;
mod fit;
mod grey_areas;
pub mod overlap;

pub use blueprint::{
    LINES as BLUEPRINT_LINES, blueprint, line_labels as blueprint_line_labels, step_card,
    visible_steps, widest_line_label,
};
pub use card::{
    LONG_FIELD, LONG_FIELD_LINES, Numbers, allowed, block, channel_chip, cited, deviation_colour,
    icon_chip, out_of_order_arrows, planned_path, strongest_quote, touchpoint,
};
pub use data::data;
pub use fit::{Fit, fitted, header_least_widths, lane_label_height, widest_word};
pub use grey_areas::{callout, callout_box, grey_areas, number_badge};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    pub colour: Rgb,
    /// 0 transparent .. 1 opaque.
    pub alpha: f32,
}

impl Paint {
    pub fn solid(colour: Rgb) -> Self {
        Self { colour, alpha: 1.0 }
    }

    pub fn faded(colour: Rgb, alpha: f32) -> Self {
        Self { colour, alpha }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    pub paint: Paint,
    pub width: f32,
    /// Dash and gap lengths, for dashed lines.
    pub dash: Option<(f32, f32)>,
}

impl Line {
    pub fn solid(colour: Rgb, width: f32) -> Self {
        Self {
            paint: Paint::solid(colour),
            width,
            dash: None,
        }
    }

    pub fn dashed(colour: Rgb, width: f32, dash: f32, gap: f32) -> Self {
        Self {
            paint: Paint::solid(colour),
            width,
            dash: Some((dash, gap)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    /// Top-left corner (top-centre for `Align::Center`, top-right for `Align::Right`).
    pub pos: Point,
    pub text: String,
    pub size: f32,
    pub bold: bool,
    pub colour: Rgb,
    pub max_width: f32,
    /// The lines it may take; a text that needs more is cut there with "…". The scene
    /// gives every field the lines it needs (exports cut none under 200 characters).
    pub max_lines: usize,
    pub align: Align,
}

impl TextBox {
    /// The lines as every writer draws them, broken by the one text engine.
    pub fn lines(&self) -> Vec<String> {
        if self.text.trim().is_empty() || self.max_width <= 0.0 {
            return Vec::new();
        }
        crate::text::wrap_at_most(
            &self.text,
            self.size,
            self.bold,
            self.max_width,
            self.max_lines.max(1),
        )
    }

    /// Where its lines are drawn: the widest line's width, the lines' height.
    pub fn extent(&self) -> Rect {
        let lines = self.lines();
        let width = lines
            .iter()
            .map(|l| crate::text::width(l, self.size, self.bold))
            .fold(0.0, f32::max);
        let height = crate::text::height(lines.len(), self.size);
        let left = match self.align {
            Align::Left => self.pos.x,
            Align::Center => self.pos.x - width / 2.0,
            Align::Right => self.pos.x - width,
        };
        Rect::from_min_size(left, self.pos.y, width, height)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        rect: Rect,
        radius: f32,
        fill: Option<Paint>,
        stroke: Option<Line>,
    },
    Polyline {
        points: Vec<Point>,
        line: Line,
    },
    Circle {
        center: Point,
        radius: f32,
        fill: Option<Paint>,
        stroke: Option<Line>,
    },
    /// Diagonal stripes clipped to a rectangle.
    Hatch {
        rect: Rect,
        line: Line,
        spacing: f32,
    },
    /// A background (a stage's column): text may lie across its edges.
    Area {
        rect: Rect,
        paint: Paint,
    },
    /// A channel kind's icon (`crate::icons`) in a square `rect`, stroked in `colour`.
    Icon {
        rect: Rect,
        kind: crate::model::ChannelKind,
        colour: Rgb,
    },
    /// An arrow of the blueprint's flow, from step `from` to step `to` (ids): its path
    /// and its head (three points, the tip in the middle).
    Flow {
        points: Vec<Point>,
        head: [Point; 3],
        line: Line,
        from: String,
        to: String,
    },
    Text(TextBox),
}

impl Shape {
    /// A box the shape stays within (for text, without wrapping it: as wide as it
    /// may be on either side of its anchor, as tall as its lines may run), to leave
    /// out what a sheet cannot show.
    pub fn reach(&self) -> Rect {
        let around = |points: &[Point], pad: f32| {
            let (mut min, mut max) = (
                Point::new(f32::MAX, f32::MAX),
                Point::new(f32::MIN, f32::MIN),
            );
            for p in points {
                min = Point::new(min.x.min(p.x), min.y.min(p.y));
                max = Point::new(max.x.max(p.x), max.y.max(p.y));
            }
            Rect {
                min: Point::new(min.x - pad, min.y - pad),
                max: Point::new(max.x + pad, max.y + pad),
            }
        };
        match self {
            Shape::Rect { rect, .. }
            | Shape::Hatch { rect, .. }
            | Shape::Area { rect, .. }
            | Shape::Icon { rect, .. } => *rect,
            Shape::Polyline { points, line } => around(points, line.width),
            Shape::Flow {
                points, head, line, ..
            } => {
                let mut all = points.clone();
                all.extend_from_slice(head);
                around(&all, line.width)
            }
            Shape::Circle { center, radius, .. } => around(&[*center], radius + 2.0),
            Shape::Text(t) => {
                let lines = t.max_lines.min(10_000) as f32;
                Rect {
                    min: Point::new(t.pos.x - t.max_width, t.pos.y - t.size),
                    max: Point::new(
                        t.pos.x + t.max_width,
                        t.pos.y + (lines * t.size * 1.5).min(1.0e7),
                    ),
                }
            }
        }
    }

    /// The shape moved by (dx, dy) after scaling by `scale`: a part of a page drawn at
    /// another place and size (a slide's cards, a page's map).
    pub fn placed(&self, dx: f32, dy: f32, scale: f32) -> Shape {
        let p = |p: &Point| Point::new(dx + p.x * scale, dy + p.y * scale);
        let r = |r: &Rect| Rect {
            min: p(&r.min),
            max: p(&r.max),
        };
        let l = |l: &Line| Line {
            paint: l.paint,
            width: l.width * scale,
            dash: l.dash.map(|(d, g)| (d * scale, g * scale)),
        };
        match self {
            Shape::Rect {
                rect,
                radius,
                fill,
                stroke,
            } => Shape::Rect {
                rect: r(rect),
                radius: radius * scale,
                fill: *fill,
                stroke: stroke.as_ref().map(l),
            },
            Shape::Polyline { points, line } => Shape::Polyline {
                points: points.iter().map(p).collect(),
                line: l(line),
            },
            Shape::Circle {
                center,
                radius,
                fill,
                stroke,
            } => Shape::Circle {
                center: p(center),
                radius: radius * scale,
                fill: *fill,
                stroke: stroke.as_ref().map(l),
            },
            Shape::Hatch {
                rect,
                line,
                spacing,
            } => Shape::Hatch {
                rect: r(rect),
                line: l(line),
                spacing: spacing * scale,
            },
            Shape::Area { rect, paint } => Shape::Area {
                rect: r(rect),
                paint: *paint,
            },
            Shape::Icon { rect, kind, colour } => Shape::Icon {
                rect: r(rect),
                kind: *kind,
                colour: *colour,
            },
            Shape::Flow {
                points,
                head,
                line,
                from,
                to,
            } => Shape::Flow {
                points: points.iter().map(p).collect(),
                head: head.each_ref().map(p),
                line: l(line),
                from: from.clone(),
                to: to.clone(),
            },
            Shape::Text(t) => Shape::Text(TextBox {
                pos: p(&t.pos),
                text: t.text.clone(),
                size: t.size * scale,
                bold: t.bold,
                colour: t.colour,
                max_width: t.max_width * scale,
                max_lines: t.max_lines,
                align: t.align,
            }),
        }
    }
}

/// The shapes of a stage column, its header and notes.
pub fn stages(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &MapLayout,
    theme: &Theme,
    i18n: &I18n,
    visible: &Rect,
) {
    for (i, stage_box) in layout.stages.iter().enumerate() {
        // A stage of no width (hidden, on a slide's strip) draws nothing.
        if !stage_box.column.intersects(visible) || stage_box.column.width() < 1.0 {
            continue;
        }
        out.push(Shape::Area {
            rect: stage_box.column,
            paint: Paint::solid(theme.stage_fill[i % 2]),
        });
        let elapsed = crate::words::elapsed_line(
            &crate::model::flow::stage_elapsed(&layout.timing, stage_box.stage),
            i18n,
        );
        stage_header(
            out,
            journey,
            stage_box.header,
            stage_box.stage,
            elapsed.as_deref(),
            theme,
            i18n,
        );
    }
    phases(out, layout, theme, visible);
    for (k, lane) in layout.lanes.iter().enumerate() {
        // Above a blueprint lane, its dashed line (labelled) is the rule.
        if layout
            .lanes
            .get(k + 1)
            .is_some_and(|next| next.lane.layer().is_some())
        {
            continue;
        }
        let y = lane.rect.max.y + theme.metrics.lane_gap / 2.0;
        let points = vec![
            Point::new(layout.bounds.min.x, y),
            Point::new(layout.bounds.max.x, y),
        ];
        out.push(Shape::Polyline {
            points,
            line: Line::solid(theme.lane_rule, 1.0),
        });
    }
}

pub use crate::theme::HEADER_BUTTON_ROOM;
/// How far down a stage header's name starts when it goes under the "+" (the button
/// is 28 high, 8 from the header's top).
pub const HEADER_BUTTON_ROW: f32 = 40.0;
/// A stage header's room around its words: the header's 2-unit inset and the 12-unit
/// padding, on both sides.
pub const HEADER_INSET: f32 = 28.0;

/// Each stage's phases: a label over its columns in the row under the headers, and a
/// faint rule down each side where it meets another phase or the stage's other columns.
pub fn phases(out: &mut Vec<Shape>, layout: &MapLayout, theme: &Theme, visible: &Rect) {
    // Down to the grey-area lane, whose callouts sit where room is found.
    let bottom = layout
        .lanes
        .iter()
        .find(|l| l.lane == Lane::GreyAreas)
        .map_or(layout.bounds.max.y, |l| {
            l.rect.min.y - theme.metrics.lane_gap / 2.0
        });
    let mut rules: Vec<f32> = Vec::new();
    for (k, phase) in layout.phases.iter().enumerate() {
        if !phase.column.intersects(visible) && !phase.label.intersects(visible) {
            continue;
        }
        out.push(Shape::Rect {
            rect: phase.label,
            radius: 4.0,
            fill: Some(Paint {
                colour: theme.stage_rule,
                alpha: 0.12,
            }),
            stroke: None,
        });
        let size = theme.small_size;
        let height = crate::text::height(1, size);
        out.push(Shape::Text(TextBox {
            pos: Point::new(
                phase.label.center().x,
                phase.label.center().y - height / 2.0,
            ),
            text: phase.name.clone(),
            size,
            bold: true,
            colour: theme.stage_rule,
            max_width: phase.label.width() - 12.0,
            max_lines: 1,
            align: Align::Center,
        }));
        // The edges between phases (and between a phase and the stage's columns in
        // none), not the stage's own edges.
        let stage = layout.stages.iter().find(|s| s.stage == phase.stage);
        let inside =
            |x: f32| stage.is_some_and(|s| x > s.column.min.x + 20.0 && x < s.column.max.x - 20.0);
        for x in [phase.label.min.x - 2.0, phase.label.max.x + 2.0] {
            let shared = k > 0 && (layout.phases[k - 1].label.max.x + 2.0 - x).abs() < 1.0;
            if inside(x) && !shared && !rules.iter().any(|r| (r - x).abs() < 1.0) {
                rules.push(x);
            }
        }
    }
    for x in rules {
        out.push(Shape::Polyline {
            points: vec![
                Point::new(x, layout.phases[0].label.max.y + 2.0),
                Point::new(x, bottom),
            ],
            line: Line::dashed(theme.lane_rule, 1.0, 3.0, 4.0),
        });
    }
}

/// The whole journey's time along the blueprint's flow, in the label column's top
/// corner: "Along the flow" and the elapsed line. Returns the height it needs.
pub fn flow_total(
    out: &mut Vec<Shape>,
    timing: &crate::model::flow::Timing,
    width: f32,
    theme: &Theme,
    i18n: &I18n,
) -> f32 {
    let Some(line) = crate::words::elapsed_line(&timing.total, i18n) else {
        return 0.0;
    };
    let inset = LANE_LABEL_INSET;
    let mut y = inset;
    for (text, bold, colour) in [
        (i18n.tr("flow-total"), true, theme.lane_label_text),
        (line, false, theme.text),
    ] {
        let (shape, height) = card::block(
            Point::new(inset, y),
            text,
            theme.small_size,
            bold,
            colour,
            width - 2.0 * inset,
            usize::MAX,
        );
        out.push(shape);
        y += height + 2.0;
    }
    y + inset
}

/// A stage's header in `header`: its name (on two lines if it needs them), every note,
/// labelled, and the blueprint's elapsed time in the stage, whole. Returns the height
/// they need.
pub fn stage_header(
    out: &mut Vec<Shape>,
    journey: &Journey,
    header: Rect,
    stage: crate::model::Stage,
    elapsed: Option<&str>,
    theme: &Theme,
    i18n: &I18n,
) -> f32 {
    let header = header.shrink(2.0);
    // A tint with a rule across its top: structure that stays quiet.
    out.push(Shape::Rect {
        rect: header,
        radius: 4.0,
        fill: Some(Paint::solid(theme.stage_header_fill)),
        stroke: None,
    });
    out.push(Shape::Rect {
        rect: Rect::from_min_size(header.min.x, header.min.y, header.width(), STAGE_RULE),
        radius: 0.0,
        fill: Some(Paint::solid(theme.stage_rule)),
        stroke: None,
    });
    let pad = 12.0;
    let x = header.min.x + pad;
    let mut y = header.min.y + pad;
    let name = i18n.stage_name(journey, stage);
    // Beside the "+", or under it when a word of the name would not fit beside it.
    let mut width = header.width() - pad - theme.header_button_room.max(pad);
    if theme.header_button_room > 0.0 && fit::widest_word(&name, theme.stage_size, true) > width {
        y = header.min.y + HEADER_BUTTON_ROW;
        width = header.width() - 2.0 * pad;
    }
    let (shape, height) = card::block(
        Point::new(x, y),
        name,
        theme.stage_size,
        true,
        theme.stage_header_text,
        width,
        usize::MAX,
    );
    out.push(shape);
    y += height + 6.0;
    if let Some(notes) = journey.stages.get(&stage).filter(|_| !theme.brief) {
        for (label, value) in [
            ("field-stage-goal", &notes.goal),
            ("field-stage-doing", &notes.doing),
            ("field-stage-thinking", &notes.thinking),
            ("field-stage-feeling", &notes.feeling),
        ] {
            if value.trim().is_empty() {
                continue;
            }
            let (shape, height) = card::block(
                Point::new(x, y),
                format!("{}: {}", i18n.tr(label), value.trim()),
                theme.small_size,
                false,
                theme.stage_header_text,
                header.width() - 2.0 * pad,
                usize::MAX,
            );
            out.push(shape);
            y += height + 3.0;
        }
    }
    // The projector's header is the stage's name (the editor's says its time too).
    if let Some(elapsed) = elapsed.filter(|_| !theme.brief) {
        let (shape, height) = card::block(
            Point::new(x, y),
            elapsed.to_owned(),
            theme.small_size,
            true,
            theme.stage_header_text,
            header.width() - 2.0 * pad,
            usize::MAX,
        );
        out.push(shape);
        y += height + 3.0;
    }
    y - header.min.y + pad + 4.0 - 6.0
}

/// The rule across a stage header's top.
pub const STAGE_RULE: f32 = 4.0;

/// Space around a lane's name in the label column.
pub const LANE_LABEL_INSET: f32 = 8.0;

/// Lane names in the label column at the map's left edge, whole (each lane is as high
/// as its name needs).
pub fn lane_labels(out: &mut Vec<Shape>, layout: &MapLayout, theme: &Theme, i18n: &I18n) {
    // In the label column's corner (the wall has none: its stage headers say theirs).
    if let Some(column) = layout
        .lanes
        .first()
        .filter(|l| l.label.width() >= 40.0 && !theme.brief)
    {
        flow_total(out, &layout.timing, column.label.width(), theme, i18n);
    }
    curve_scale(out, layout, theme);
    // The wall has no label column: its lanes speak for themselves.
    for lane in layout.lanes.iter().filter(|l| l.label.width() >= 40.0) {
        let inset = LANE_LABEL_INSET;
        let pos = Point::new(lane.label.min.x + inset, lane.label.min.y + inset);
        let name = i18n.term("lane", lane.lane.key());
        out.push(text(
            pos,
            name,
            theme.body_size,
            true,
            theme.lane_label_text,
            lane.label.width() - 2.0 * inset,
            usize::MAX,
        ));
    }
}

/// The emotion curve over the slots in `slots` (plus one either side, so the line runs
/// on past the edges of a partial view), with the neutral line and the lows ringed.
pub fn emotion_curve(
    out: &mut Vec<Shape>,
    layout: &MapLayout,
    theme: &Theme,
    slots: std::ops::Range<usize>,
) {
    emotion_curve_sampled(out, layout, theme, slots, 1);
}

/// The emotion curve through every `step`-th point (for overviews where many points
/// share a pixel); the lowest points are always drawn. The spine of the map: a thick
/// line over a lane tinted above and below zero, the lows ringed.
pub fn emotion_curve_sampled(
    out: &mut Vec<Shape>,
    layout: &MapLayout,
    theme: &Theme,
    slots: std::ops::Range<usize>,
    step: usize,
) {
    let step = step.max(1);
    let lane = layout.lane(Lane::Emotion).rect;
    // No emotion lane (a blueprint's slide): no curve.
    if lane.height() <= 0.0 {
        return;
    }
    // The neutral line spans only the slots drawn (plus their neighbours' gaps), not the
    // whole lane: on a 10,000-card map the lane is two million points long.
    let first = slots.start.checked_sub(1).and_then(|i| layout.slots.get(i));
    let last = layout.slots.get(slots.end);
    let left = first.map_or(lane.min.x, |s| s.card.min.x).max(lane.min.x);
    let right = last.map_or(lane.max.x, |s| s.card.max.x).min(lane.max.x);
    let neutral = vec![
        Point::new(left, layout.neutral_y),
        Point::new(right, layout.neutral_y),
    ];
    out.push(Shape::Polyline {
        points: neutral,
        line: Line::dashed(theme.emotion_neutral_line, 1.5, 8.0, 6.0),
    });
    let start = slots.start.saturating_sub(1);
    let end = (slots.end + 1).min(layout.slots.len());
    let scored: Vec<&Slot> = layout.slots[start..end]
        .iter()
        .enumerate()
        .filter(|(i, s)| s.emotion.is_some() && (i % step == 0 || s.is_low))
        .map(|(_, s)| s)
        .collect();
    let points: Vec<Point> = scored.iter().filter_map(|s| s.emotion).collect();
    if points.len() >= 2 {
        out.push(Shape::Polyline {
            points,
            line: Line::solid(theme.emotion_line, CURVE_WIDTH),
        });
    }
    for slot in scored.iter().filter(|s| step == 1 || s.is_low) {
        let Some(center) = slot.emotion else { continue };
        if slot.is_low {
            out.push(Shape::Circle {
                center,
                radius: 14.0,
                fill: None,
                stroke: Some(Line::solid(theme.emotion_low_marker, 2.5)),
            });
        }
        let fill = Some(Paint::solid(theme.emotion_colour(slot.score.unwrap_or(0))));
        out.push(Shape::Circle {
            center,
            radius: 8.0,
            fill,
            stroke: Some(Line::solid(Rgb::hex(0xffffff), 2.0)),
        });
    }
}

/// The emotion lane's tint over the slots in `slots` (and their neighbours' gaps):
/// above zero and below it, under everything else of the lane (grey areas' bands
/// included), so the scale reads before a dot is looked at.
pub fn emotion_tint(
    out: &mut Vec<Shape>,
    layout: &MapLayout,
    theme: &Theme,
    slots: std::ops::Range<usize>,
) {
    let lane = layout.lane(Lane::Emotion).rect;
    let first = slots.start.checked_sub(1).and_then(|i| layout.slots.get(i));
    let last = layout.slots.get(slots.end);
    let left = first.map_or(lane.min.x, |s| s.card.min.x).max(lane.min.x);
    let right = last.map_or(lane.max.x, |s| s.card.max.x).min(lane.max.x);
    if right <= left || layout.score_step <= 0.0 || layout.slots.is_empty() || lane.height() <= 0.0
    {
        return;
    }
    let reach = layout.score_step * f32::from(EMOTION_MAX) + 12.0;
    for (from, to, colour) in [
        (
            layout.neutral_y - reach,
            layout.neutral_y,
            theme.emotion_above,
        ),
        (
            layout.neutral_y,
            layout.neutral_y + reach,
            theme.emotion_below,
        ),
    ] {
        out.push(Shape::Area {
            rect: Rect {
                min: Point::new(left, from),
                max: Point::new(right, to),
            },
            paint: Paint::faded(colour, 0.85),
        });
    }
}

/// The emotion curve's stroke at zoom 1.
pub const CURVE_WIDTH: f32 = 5.0;

/// The first lowest and highest moments of `journey` (indices into its touchpoints,
/// their scores and their names as the curve gives them), when it has a low and a
/// high.
pub fn curve_moments_of(journey: &Journey, i18n: &I18n) -> Option<[(usize, i8, String); 2]> {
    let scored = || {
        journey
            .touchpoints
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Some((i, t.emotion_score()?)))
    };
    let low = scored().min_by_key(|&(i, score)| (score, i))?;
    let high = scored().min_by_key(|&(i, score)| (-score, i))?;
    if low.1 == high.1 {
        return None;
    }
    // A title of a long field's length or more is named by its start (the card
    // shows it whole, within the long-field rule).
    let name = |key: &str, i: usize| {
        let title = journey.touchpoints[i].title.trim();
        let title = if title.len() >= LONG_FIELD {
            let start: String = title.chars().take(LONG_FIELD / 2).collect();
            format!("{start}…")
        } else {
            title.to_owned()
        };
        crate::tr!(i18n, key, title = title)
    };
    Some([
        (low.0, low.1, name("curve-lowest", low.0)),
        (high.0, high.1, name("curve-highest", high.0)),
    ])
}

/// The room the moments' names need over and under the curve, `width` wide.
pub fn curve_moments_room(journey: &Journey, width: f32, theme: &Theme, i18n: &I18n) -> f32 {
    curve_moments_of(journey, i18n).map_or(0.0, |moments| {
        moments
            .iter()
            .map(|(_, _, words)| {
                let lines = crate::text::wrap(words, theme.small_size, true, width).len();
                crate::text::height(lines, theme.small_size) + 6.0
            })
            .fold(0.0, f32::max)
    })
}

/// The first lowest and highest moments named on the curve: under the lowest dot, over
/// the highest (nothing of the curve passes there: every other point is higher, or
/// lower), whole, in the room the layout keeps for them (none on the wall). Only those
/// among `slots` are drawn.
pub fn curve_moments(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &MapLayout,
    theme: &Theme,
    i18n: &I18n,
    slots: std::ops::Range<usize>,
) {
    if layout.curve_room < crate::text::height(1, theme.small_size) {
        return;
    }
    let Some(moments) = curve_moments_of(journey, i18n) else {
        return;
    };
    for (k, (index, _, words)) in moments.into_iter().enumerate() {
        let Some(slot) = layout.slots[slots.clone()]
            .iter()
            .find(|s| s.index == index)
        else {
            continue;
        };
        let Some(dot) = slot.emotion else { continue };
        let width = slot.card.width();
        let size = theme.small_size;
        let lines = crate::text::wrap(&words, size, true, width).len();
        let height = crate::text::height(lines, size);
        let y = if k == 0 {
            dot.y + 16.0
        } else {
            dot.y - 16.0 - height
        };
        out.push(Shape::Text(TextBox {
            pos: Point::new(dot.x, y),
            text: words,
            size,
            bold: true,
            colour: theme.text,
            max_width: width,
            max_lines: lines,
            align: Align::Center,
        }));
    }
}

/// The emotion lane's scale, +2 at the top to −2 at the bottom, in the label column
/// (none where there is no label column: the wall).
pub fn curve_scale(out: &mut Vec<Shape>, layout: &MapLayout, theme: &Theme) {
    let Some(lane) = layout
        .lanes
        .iter()
        .find(|l| l.lane == Lane::Emotion)
        .filter(|l| l.label.width() >= 40.0)
    else {
        return;
    };
    let size = theme.small_size;
    let right = lane.label.max.x - LANE_LABEL_INSET;
    // Every score where a line of text fits between two; else every other one.
    let every = if layout.score_step >= crate::text::height(1, size) {
        1
    } else {
        2
    };
    for score in (EMOTION_MIN..=EMOTION_MAX)
        .rev()
        .filter(|s| s.rem_euclid(every) == 0)
    {
        let y = layout.neutral_y - f32::from(score) * layout.score_step;
        let label = match score {
            0 => "0".to_owned(),
            s if s > 0 => format!("+{s}"),
            s => format!("−{}", -s),
        };
        out.push(Shape::Text(TextBox {
            pos: Point::new(right - 10.0, y - crate::text::height(1, size) / 2.0),
            text: label,
            size,
            bold: score == 0,
            colour: theme.text_muted,
            max_width: 3.0 * size,
            max_lines: 1,
            align: Align::Right,
        }));
        out.push(Shape::Polyline {
            points: vec![Point::new(right - 6.0, y), Point::new(right, y)],
            line: Line::solid(theme.lane_label_text, 1.5),
        });
    }
}

/// The journey's extra curves over the slots in `slots` (plus one either side), each a
/// dashed line in its colour with small squares at its points; `hidden` ones are left
/// out. The emotion curve stays the main, solid one.
pub fn extra_curves(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &MapLayout,
    slots: std::ops::Range<usize>,
    hidden: &[crate::model::CurveId],
) {
    if journey.curves.is_empty() {
        return;
    }
    let start = slots.start.saturating_sub(1);
    let end = (slots.end + 1).min(layout.slots.len());
    for (i, curve) in journey.curves.iter().enumerate() {
        if hidden.contains(&curve.id) {
            continue;
        }
        let points: Vec<Point> = layout.slots[start..end]
            .iter()
            .filter_map(|s| s.curves.iter().find(|(c, _)| *c == i).map(|(_, p)| *p))
            .collect();
        if points.len() >= 2 {
            out.push(Shape::Polyline {
                points: points.clone(),
                line: {
                    // Told apart by dash as well as colour.
                    let (dash, gap) = [(9.0, 5.0), (3.0, 4.0), (16.0, 5.0), (6.0, 3.0)][i % 4];
                    Line::dashed(curve.colour, 3.0, dash, gap)
                },
            });
        }
        for p in points {
            out.push(Shape::Rect {
                rect: Rect::from_min_size(p.x - 5.0, p.y - 5.0, 10.0, 10.0),
                radius: 1.0,
                fill: Some(Paint::solid(curve.colour)),
                stroke: Some(Line::solid(Rgb::hex(0xffffff), 1.0)),
            });
        }
    }
}

/// A left-aligned text box.
pub fn text(
    pos: Point,
    text: String,
    size: f32,
    bold: bool,
    colour: Rgb,
    max_width: f32,
    max_lines: usize,
) -> Shape {
    Shape::Text(TextBox {
        pos,
        text,
        size,
        bold,
        colour,
        max_width,
        max_lines,
        align: Align::Left,
    })
}

/// A small rounded label centred at `center`: `text` in bold `ink` on `fill` (the data
/// view's reach, the room's votes). Returns where it is.
pub fn pill(
    out: &mut Vec<Shape>,
    center: Point,
    text: String,
    size: f32,
    fill: Rgb,
    ink: Rgb,
) -> Rect {
    let width = crate::text::width(&text, size, true) + size;
    let height = size * 1.5;
    let rect = Rect::from_min_size(
        center.x - width / 2.0,
        center.y - height / 2.0,
        width,
        height,
    );
    out.push(Shape::Rect {
        rect,
        radius: height / 2.0,
        fill: Some(Paint::solid(fill)),
        stroke: None,
    });
    out.push(Shape::Text(TextBox {
        pos: Point::new(
            rect.min.x + size / 2.0,
            rect.min.y + (height - crate::text::height(1, size)) / 2.0,
        ),
        text,
        size,
        bold: true,
        colour: ink,
        max_width: width,
        max_lines: 1,
        align: Align::Left,
    }));
    rect
}

/// The dots the room gave `element` in the latest round of votes, as a pill centred at
/// `center`, if it got any: "● 7 votes", or "● 7" where room is `compact` (a grey
/// area's band).
pub fn votes_pill(
    out: &mut Vec<Shape>,
    journey: &Journey,
    element: &str,
    center: Point,
    compact: bool,
    theme: &Theme,
    i18n: &I18n,
) {
    if let Some(count) = journey.latest_votes(element).filter(|n| *n > 0) {
        let text = if compact {
            count.to_string()
        } else {
            crate::tr!(i18n, "votes-badge", count = i64::from(count))
        };
        let size = theme.small_size.max(11.0);
        pill(
            out,
            center,
            format!("● {text}"),
            size,
            theme.key_moment,
            theme.background,
        );
    }
}

/// The whole map (every slot), as exports draw it, numbered by `numbers` (the whole
/// journey's, when `journey` is a part of it: a slide's stage).
pub fn map(
    journey: &Journey,
    layout: &MapLayout,
    numbers: &Numbers<'_>,
    theme: &Theme,
    i18n: &I18n,
) -> Vec<Shape> {
    let mut out = Vec::new();
    let all = layout.bounds;
    stages(&mut out, journey, layout, theme, i18n, &all);
    emotion_tint(&mut out, layout, theme, 0..layout.slots.len());
    // Under the grey areas, so a badge sits over the path.
    planned_path(&mut out, journey, layout, theme, 0..layout.slots.len());
    grey_areas(&mut out, journey, layout, numbers, theme, i18n, &all);
    extra_curves(&mut out, journey, layout, 0..layout.slots.len(), &[]);
    emotion_curve(&mut out, layout, theme, 0..layout.slots.len());
    curve_moments(
        &mut out,
        journey,
        layout,
        theme,
        i18n,
        0..layout.slots.len(),
    );
    for slot in &layout.slots {
        if let Some(tp) = journey.touchpoints.get(slot.index) {
            touchpoint(&mut out, journey, slot, tp, numbers, theme, i18n);
        }
    }
    out_of_order_arrows(&mut out, journey, layout, theme);
    blueprint(&mut out, journey, layout, theme, i18n, &all);
    if theme.data {
        data(
            &mut out,
            journey,
            layout,
            theme,
            i18n,
            0..layout.slots.len(),
        );
    }
    lane_labels(&mut out, layout, theme, i18n);
    out
}
