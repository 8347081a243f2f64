//! The service blueprint beneath the touchpoints: a lane per layer (frontstage,
//! backstage, support), the three lines between them labelled on the line (the line of
//! interaction above frontstage, of visibility above backstage, of internal interaction
//! above support), each step's card with its actor and duration (over its time standard
//! in the warning colour), its wait and, when the journey has a start, its clock times,
//! the grey-area marker on fail points with the fail rate, the physical evidence, a
//! short arrow from a step up to each touchpoint it serves where that touchpoint is not
//! straight above, and the flow: an arrow from each step to each step that follows it.

use super::card::block;
use super::{Align, Line, Paint, Shape, TextBox};
use crate::i18n::I18n;
use crate::layout::{Lane, MapLayout, Point, Rect, StepBox};
use crate::model::{Journey, Step};
use crate::theme::Theme;

/// Space inside a step's card.
const PAD: f32 = 8.0;
/// The actor-coloured strip at a step card's left.
const STRIP: f32 = 5.0;

/// The lines a step's title takes on the projector before it is cut with "…" (the
/// whole title is the inspector's and every export's).
pub const BRIEF_STEP_LINES: usize = 2;

/// The three lines, top down: the lane each runs above, and its message id.
pub const LINES: [(Lane, &str); 3] = [
    (Lane::Frontstage, "blueprint-line-interaction"),
    (Lane::Backstage, "blueprint-line-visibility"),
    (Lane::Support, "blueprint-line-internal"),
];

/// The blueprint's lines, their labels and every step in view.
pub fn blueprint(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &MapLayout,
    theme: &Theme,
    i18n: &I18n,
    visible: &Rect,
) {
    if layout.steps.is_empty() {
        return;
    }
    lines(out, layout, theme, i18n, Some(visible));
    let physical_row = layout
        .lanes
        .iter()
        .any(|l| l.lane == crate::layout::Lane::PhysicalEvidence);
    if physical_row {
        physical_row_cells(out, journey, layout, theme, visible);
    }
    for step_box in visible_steps(layout, visible) {
        if let Some(step) = journey.steps.get(step_box.index) {
            let clock = crate::words::step_clock(journey, &layout.timing, step_box.index);
            step_card(
                out,
                journey,
                step_box.rect,
                step,
                StepShown {
                    clock: clock.as_deref(),
                    physical_row,
                },
                theme,
                i18n,
            );
            serves_arrows(out, layout, step_box, step, theme);
        }
    }
    flow_arrows(out, journey, layout, theme, visible);
}

/// The physical-evidence row's cells (Shostack's top row): under each card's column,
/// what the customer sees or holds there, from the card and the steps serving it; a
/// step serving no card shown gets its own cell above its column.
fn physical_row_cells(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &MapLayout,
    theme: &Theme,
    visible: &Rect,
) {
    let mut serving: foldhash::HashMap<&crate::model::TouchpointId, Vec<&Step>> =
        foldhash::HashMap::default();
    let shown: foldhash::HashSet<&crate::model::TouchpointId> =
        layout.slots.iter().map(|s| &s.id).collect();
    let mut alone: Vec<(&crate::layout::StepBox, &Step)> = Vec::new();
    for step_box in &layout.steps {
        let Some(step) = journey.steps.get(step_box.index) else {
            continue;
        };
        if step.physical_evidence.trim().is_empty() {
            continue;
        }
        match step.serves.iter().find(|t| shown.contains(t)) {
            Some(t) => serving.entry(t).or_default().push(step),
            None => alone.push((step_box, step)),
        }
    }
    let lane = layout.lane(crate::layout::Lane::PhysicalEvidence).rect;
    let range = layout.slots_in_x(visible.min.x, visible.max.x);
    for slot in &layout.slots[range] {
        let Some(tp) = journey.touchpoints.get(slot.index) else {
            continue;
        };
        let steps = serving.get(&slot.id).map_or(&[][..], Vec::as_slice);
        let things = super::card::physical_evidence_of(tp, steps);
        if !things.is_empty() {
            super::card::physical_cell(out, slot.physical, &things, theme);
        }
    }
    for (step_box, step) in alone {
        let cell = Rect::from_min_size(
            step_box.rect.min.x,
            lane.min.y,
            step_box.rect.width(),
            lane.height(),
        );
        if cell.intersects(visible) {
            super::card::physical_cell(out, cell, &[step.physical_evidence.trim()], theme);
        }
    }
}

/// The widest clock a step's card may show, for measuring, when the journey has a
/// start and the step a place on the clock; None otherwise.
pub fn clock_room(journey: &Journey, step: &Step) -> Option<&'static str> {
    (crate::model::flow::read_clock(&journey.start).is_some()
        && (step.wait.is_some() || step.duration.is_some() || !step.after.is_empty()))
    .then_some("00:00 +99 d → 00:00 +99 d")
}

/// The flow's arrows in view, each from a step to one that follows it, along the path
/// the layout found through the gaps.
pub fn flow_arrows(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &MapLayout,
    theme: &Theme,
    visible: &Rect,
) {
    for flow in layout.flows.iter().filter(|f| f.bounds.intersects(visible)) {
        let (Some(from), Some(to)) = (journey.steps.get(flow.from), journey.steps.get(flow.to))
        else {
            continue;
        };
        let points = &flow.points;
        let (Some(&tip), Some(&back)) = (points.last(), points.iter().rev().nth(1)) else {
            continue;
        };
        out.push(Shape::Flow {
            head: arrow_head(back, tip, 8.0),
            points: points.clone(),
            line: Line::solid(theme.emotion_line, 1.6),
            from: from.id.as_str().to_owned(),
            to: to.id.as_str().to_owned(),
        });
    }
}

/// An arrowhead at `tip` for a line coming from `back`: two barbs `size` long.
fn arrow_head(back: Point, tip: Point, size: f32) -> [Point; 3] {
    let (dx, dy) = (tip.x - back.x, tip.y - back.y);
    let length = (dx * dx + dy * dy).sqrt().max(0.001);
    let (ux, uy) = (dx / length, dy / length);
    let barb = |side: f32| {
        Point::new(
            tip.x - size * ux + side * size * 0.55 * uy,
            tip.y - size * uy - side * size * 0.55 * ux,
        )
    };
    [barb(1.0), tip, barb(-1.0)]
}

/// The steps in view: those of the stages whose column is in view (the layout lists
/// steps stage by stage, as the journey does), so a view of one stage of a large map
/// looks at that stage's steps only.
pub fn visible_steps<'a>(
    layout: &'a MapLayout,
    visible: &'a Rect,
) -> impl Iterator<Item = &'a StepBox> + 'a {
    let starts: Vec<usize> = layout
        .stages
        .iter()
        .map(|s| layout.steps.partition_point(|b| b.stage < s.stage))
        .collect();
    layout
        .stages
        .iter()
        .zip(starts)
        .filter(|(s, _)| s.column.max.x >= visible.min.x && s.column.min.x <= visible.max.x)
        .flat_map(move |(s, start)| {
            layout.steps[start..]
                .iter()
                .take_while(move |b| b.stage == s.stage)
        })
        .filter(move |b| b.rect.intersects(visible))
}

/// A dashed line across the map above each blueprint lane, its name on the line at the
/// lanes' left (in the label column on the timeline).
/// The three lines' labels alone (the canvas pins them with the lane names).
pub fn line_labels(out: &mut Vec<Shape>, layout: &MapLayout, theme: &Theme, i18n: &I18n) {
    if !layout.steps.is_empty() {
        lines(out, layout, theme, i18n, None);
    }
}

/// The lines (across `visible` only: a 10,000-card map's line is millions of units of
/// dashes) and their labels; without `visible`, the labels alone.
fn lines(
    out: &mut Vec<Shape>,
    layout: &MapLayout,
    theme: &Theme,
    i18n: &I18n,
    visible: Option<&Rect>,
) {
    let size = theme.small_size;
    let pad = 4.0;
    for (lane, message) in LINES {
        let Some(lane_box) = layout.lanes.iter().find(|l| l.lane == lane) else {
            continue;
        };
        let y = lane_box.rect.min.y - theme.metrics.lane_gap / 2.0;
        // Without a label column (the wall), the line's label names the lane below it.
        let labelled = lane_box.label.width() >= 40.0;
        let label = if labelled {
            i18n.tr(message)
        } else {
            format!("{} · {}", i18n.tr(message), i18n.term("lane", lane.key()))
        };
        let left = if labelled {
            lane_box.label.min.x + super::LANE_LABEL_INSET
        } else {
            lane_box.rect.min.x + 6.0
        };
        // On the projector the lanes' names say it: the lines run bare.
        let (label, labelled) = if theme.brief {
            (String::new(), false)
        } else {
            (label, labelled)
        };
        let width = crate::text::width(&label, size, true);
        let height = crate::text::height(1, size);
        let pill = Rect::from_min_size(
            left - pad,
            y - height / 2.0 - 2.0,
            width + 2.0 * pad,
            height + 4.0,
        );
        // The line runs up to its label and on after it: the label sits on the line,
        // at both ends of the map (a long map is read from either side).
        let right_left = layout.bounds.max.x - 2.0 * super::LANE_LABEL_INSET - width;
        let right_pill =
            Rect::from_min_size(right_left - pad, pill.min.y, pill.width(), pill.height());
        let Some(visible) = visible else {
            if !label.is_empty() {
                push_label(out, pill, left, y, height, label, size, width, theme);
            }
            continue;
        };
        let style = line_style(lane, theme);
        // At the right end where there is a label column (the timeline), clear of
        // every step.
        let right_shown = labelled
            && right_pill.min.x > pill.max.x + 40.0
            && right_pill.intersects(visible)
            && !layout.steps.iter().any(|s| s.rect.intersects(&right_pill));
        // Whole dashes from the map's edge, so the pattern does not slide as it pans.
        let period = 13.0;
        let start = layout.bounds.min.x
            + ((visible.min.x - layout.bounds.min.x) / period)
                .floor()
                .max(0.0)
                * period;
        let end = visible.max.x.min(layout.bounds.max.x);
        let (middle_end, tail) = if right_shown {
            (right_pill.min.x.min(end), Some(right_pill.max.x))
        } else {
            (end, None)
        };
        let mut runs = if label.is_empty() {
            vec![(start, middle_end)]
        } else {
            vec![
                (start, pill.min.x.min(end)),
                (pill.max.x.max(start), middle_end),
            ]
        };
        if let Some(after) = tail {
            runs.push((after, end));
        }
        for (from, to) in runs {
            if to > from {
                out.push(Shape::Polyline {
                    points: vec![Point::new(from, y), Point::new(to, y)],
                    line: style,
                });
            }
        }
        if right_shown {
            push_label(
                out,
                right_pill,
                right_left,
                y,
                height,
                label.clone(),
                size,
                width,
                theme,
            );
        }
        if !label.is_empty() {
            push_label(out, pill, left, y, height, label, size, width, theme);
        }
    }
}

/// Each of the blueprint's three lines its own weight and pattern: the line of
/// interaction solid and heaviest, the line of visibility dashed, the line of internal
/// interaction dotted and lightest.
fn line_style(lane: Lane, theme: &Theme) -> Line {
    match lane {
        Lane::Frontstage => Line::solid(theme.emotion_line, 2.5),
        Lane::Backstage => Line::dashed(theme.emotion_line, 2.0, 10.0, 5.0),
        _ => Line::dashed(theme.text_muted, 1.5, 3.0, 4.0),
    }
}

/// A line's label on its pill.
#[allow(clippy::too_many_arguments)]
fn push_label(
    out: &mut Vec<Shape>,
    pill: Rect,
    left: f32,
    y: f32,
    height: f32,
    label: String,
    size: f32,
    width: f32,
    theme: &Theme,
) {
    out.push(Shape::Rect {
        rect: pill,
        radius: 4.0,
        fill: Some(Paint::solid(theme.background)),
        stroke: Some(Line::solid(theme.emotion_line, 1.0)),
    });
    out.push(Shape::Text(TextBox {
        pos: Point::new(left, y - height / 2.0),
        text: label,
        size,
        bold: true,
        colour: theme.emotion_line,
        max_width: width + 1.0,
        max_lines: 1,
        align: Align::Left,
    }));
}

/// The height a line's label takes above and below its line.
pub fn line_label_room(theme: &Theme) -> f32 {
    crate::text::height(1, theme.small_size) / 2.0 + 4.0
}

/// The widest line label, so the label column holds it.
pub fn widest_line_label(theme: &Theme, i18n: &I18n) -> f32 {
    LINES
        .iter()
        .map(|(_, m)| crate::text::width(&i18n.tr(m), theme.small_size, true))
        .fold(0.0, f32::max)
        + 2.0 * super::LANE_LABEL_INSET
        + 8.0
}

/// What a step's card shows besides the step: its clock times, and whether the
/// physical-evidence row above the cards already shows its physical evidence.
#[derive(Clone, Copy, Debug, Default)]
pub struct StepShown<'a> {
    pub clock: Option<&'a str>,
    pub physical_row: bool,
}

/// A step's card drawn in `rect`, with its clock times when given; returns the height
/// its content needs.
pub fn step_card(
    out: &mut Vec<Shape>,
    journey: &Journey,
    rect: Rect,
    step: &Step,
    shown: StepShown<'_>,
    theme: &Theme,
    i18n: &I18n,
) -> f32 {
    let StepShown {
        clock,
        physical_row,
    } = shown;
    let actor = step.actor.as_ref().and_then(|a| journey.actor(a));
    let colour = actor.map_or(theme.card_border, |a| a.colour);
    out.push(Shape::Rect {
        rect,
        radius: theme.metrics.card_rounding,
        fill: Some(Paint::solid(theme.card_fill)),
        stroke: Some(if step.fail_point {
            Line::solid(theme.pain_point, 2.0)
        } else {
            Line::dashed(theme.card_border, 1.0, 5.0, 3.0)
        }),
    });
    out.push(Shape::Rect {
        rect: Rect::from_min_size(rect.min.x, rect.min.y, STRIP, rect.height()),
        radius: 2.0,
        fill: Some(Paint::solid(colour)),
        stroke: None,
    });
    let rate = step
        .fail_rate
        .filter(|_| step.fail_point)
        .map(crate::words::fail_rate);
    // The projector's step keeps its F; its rate is the editor's and the exports'.
    let rate = rate.filter(|_| !theme.brief);
    let marker = if step.fail_point {
        theme.badge_size * 0.8 * 2.0
            + 4.0
            + rate
                .as_ref()
                .map_or(0.0, |r| crate::text::width(r, theme.small_size, true) + 6.0)
    } else {
        0.0
    };
    let left = rect.min.x + STRIP + PAD;
    let width = rect.width() - STRIP - 2.0 * PAD;
    let mut y = rect.min.y + PAD;
    let (shape, height) = block(
        Point::new(left, y),
        step.title.clone(),
        theme.body_size,
        true,
        theme.text,
        width - marker,
        if theme.brief {
            BRIEF_STEP_LINES
        } else {
            usize::MAX
        },
    );
    out.push(shape);
    y += height.max(if step.fail_point { marker - 4.0 } else { 0.0 }) + 4.0;
    let (actor_name, time) = crate::words::step_facts(journey, step, i18n);
    let time_colour = if step.over_standard() {
        theme.pain_point
    } else {
        theme.text_muted
    };
    let sees = (!physical_row && !step.physical_evidence.trim().is_empty()).then(|| {
        crate::tr!(
            i18n,
            "card-physical-evidence",
            text = step.physical_evidence.trim()
        )
    });
    // The projector's step: its title and who does it in how long, on one line.
    let facts = if theme.brief {
        let line = [actor_name, time]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        vec![((!line.is_empty()).then_some(line), time_colour, false)]
    } else {
        vec![
            (actor_name, theme.text_muted, false),
            (crate::words::step_wait(step, i18n), theme.text_muted, false),
            (time, time_colour, step.over_standard()),
            (clock.map(str::to_owned), theme.text, true),
            (sees, theme.text_muted, false),
        ]
    };
    for (value, colour, bold) in facts {
        let Some(value) = value else { continue };
        let (shape, height) = block(
            Point::new(left, y),
            value,
            theme.small_size,
            bold,
            colour,
            width,
            if theme.brief { 1 } else { usize::MAX },
        );
        out.push(shape);
        y += height + 3.0;
    }
    if step.fail_point {
        fail_marker(out, rect, rate, theme);
    }
    y - rect.min.y + PAD
}

/// A fail point's own mark, Shostack's circled "F" (never a grey area's numbered
/// disc), at the step's top right, its fail rate beside it.
fn fail_marker(out: &mut Vec<Shape>, rect: Rect, rate: Option<String>, theme: &Theme) {
    let size = theme.badge_size;
    let radius = size * 0.8;
    let colour = theme.pain_point;
    let center = Point::new(rect.max.x - radius - 4.0, rect.min.y + radius + 4.0);
    if let Some(rate) = rate {
        let width = crate::text::width(&rate, theme.small_size, true);
        let height = crate::text::height(1, theme.small_size);
        out.push(Shape::Text(TextBox {
            pos: Point::new(center.x - radius - 4.0 - width, center.y - height / 2.0),
            text: rate,
            size: theme.small_size,
            bold: true,
            colour: theme.pain_point,
            max_width: width + 1.0,
            max_lines: 1,
            align: Align::Left,
        }));
    }
    out.push(Shape::Circle {
        center,
        radius,
        fill: Some(Paint::solid(theme.card_fill)),
        stroke: Some(Line::solid(colour, 2.5)),
    });
    out.push(Shape::Text(TextBox {
        pos: Point::new(center.x, center.y - size * 0.6),
        text: "F".to_owned(),
        size,
        bold: true,
        colour,
        max_width: radius * 2.0,
        max_lines: 1,
        align: Align::Center,
    }));
}

/// From a step's top to the line above its lane, under each touchpoint it serves that
/// is not straight above it: a thin line in the gap with an arrowhead at the line.
fn serves_arrows(
    out: &mut Vec<Shape>,
    layout: &MapLayout,
    step_box: &StepBox,
    step: &Step,
    theme: &Theme,
) {
    let Some(top) = layout
        .lanes
        .iter()
        .find(|l| l.lane == Lane::of(step_box.lane))
        .map(|l| l.rect.min.y - theme.metrics.lane_gap / 2.0)
    else {
        return;
    };
    let from = Point::new(step_box.rect.center().x, step_box.rect.min.y);
    // The served cards of the step's own stage (a step serving another stage's card
    // has no arrow: it would run across the stages between).
    let stage_slots = layout
        .stages
        .iter()
        .find(|s| s.stage == step_box.stage)
        .map_or(0..0, |s| s.slots.clone());
    for id in &step.serves {
        let Some(slot) = layout.slots[stage_slots.clone()]
            .iter()
            .find(|s| &s.id == id)
        else {
            continue;
        };
        let x = slot.card.center().x;
        if (slot.card.min.x..=slot.card.max.x).contains(&from.x) {
            continue;
        }
        let tip = Point::new(x, top + 3.0);
        let colour = theme.text_muted;
        out.push(Shape::Polyline {
            points: vec![from, Point::new(from.x, from.y - 6.0), tip],
            line: Line::dashed(colour, 1.0, 4.0, 3.0),
        });
        out.push(Shape::Polyline {
            points: vec![
                Point::new(tip.x - 4.0, tip.y + 6.0),
                tip,
                Point::new(tip.x + 4.0, tip.y + 6.0),
            ],
            line: Line::solid(colour, 1.2),
        });
    }
}
