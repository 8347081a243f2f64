//! The map as a display list: rectangles, lines, circles, hatching and text boxes in
//! layout units, built from the journey, its layout and the theme. The canvas renders
//! it with egui and the exports render it as SVG, so screen and export cannot drift
//! apart. Egui-free. Editor chrome (selection, drag ghost, sticky labels) is not here.

use crate::i18n::I18n;
use crate::layout::{Lane, MapLayout, Point, Rect, Slot};
use crate::model::{Journey, Rgb, Touchpoint};
use crate::theme::Theme;

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
    pub max_lines: usize,
    pub align: Align,
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
    Text(TextBox),
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
        if !stage_box.column.intersects(visible) {
            continue;
        }
        let fill = Some(Paint::solid(theme.stage_fill[i % 2]));
        out.push(Shape::Rect {
            rect: stage_box.column,
            radius: 0.0,
            fill,
            stroke: None,
        });
        let header = stage_box.header.shrink(2.0);
        out.push(Shape::Rect {
            rect: header,
            radius: 6.0,
            fill: Some(Paint::solid(theme.stage_header_fill)),
            stroke: None,
        });
        let pad = 12.0;
        out.push(text(
            Point::new(header.min.x + pad, header.min.y + pad),
            i18n.stage_name(journey, stage_box.stage),
            theme.stage_size,
            true,
            theme.stage_header_text,
            header.width() - 60.0,
            1,
        ));
        if let Some(notes) = journey.stages.get(&stage_box.stage) {
            // All four notes, one line each, labelled.
            let mut y = header.min.y + pad + theme.stage_size * 1.4;
            for (label, value) in [
                ("field-stage-goal", &notes.goal),
                ("field-stage-doing", &notes.doing),
                ("field-stage-thinking", &notes.thinking),
                ("field-stage-feeling", &notes.feeling),
            ] {
                if value.trim().is_empty() {
                    continue;
                }
                out.push(text(
                    Point::new(header.min.x + pad, y),
                    format!("{}: {value}", i18n.tr(label)),
                    theme.small_size,
                    false,
                    theme.stage_header_text,
                    header.width() - 2.0 * pad,
                    1,
                ));
                y += theme.small_size * 1.35;
            }
        }
    }
    for lane in &layout.lanes {
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

/// Lane names in the label column at the map's left edge.
pub fn lane_labels(out: &mut Vec<Shape>, layout: &MapLayout, theme: &Theme, i18n: &I18n) {
    for lane in &layout.lanes {
        let pos = Point::new(lane.label.min.x + 10.0, lane.label.min.y + 8.0);
        let name = i18n.term("lane", lane.lane.key());
        out.push(text(
            pos,
            name,
            theme.body_size,
            true,
            theme.lane_label_text,
            lane.label.width() - 16.0,
            3,
        ));
    }
}

/// Grey areas: hatched bands between neighbouring touchpoints (darker the more severe,
/// with a badge), brackets between non-neighbours (never over the cards between), and
/// each one's callout with its words: title, kind, severity, status, what the customer
/// experiences and the fix with its owner.
pub fn grey_areas(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &MapLayout,
    theme: &Theme,
    i18n: &I18n,
    visible: &Rect,
) {
    for grey_box in layout
        .grey_areas
        .iter()
        .filter(|b| b.band.intersects(visible) || b.callout.intersects(visible))
    {
        let colour = theme.grey_area_fill(grey_box.severity);
        let rect = grey_box.band;
        let size = theme.badge_size;
        let badge = if grey_box.neighbours {
            out.push(Shape::Rect {
                rect,
                radius: 4.0,
                fill: Some(Paint::faded(colour, 0.28)),
                stroke: None,
            });
            out.push(Shape::Hatch {
                rect,
                line: Line {
                    paint: Paint::faded(colour, 0.55),
                    width: 2.0,
                    dash: None,
                },
                spacing: theme.grey_area_hatch(grey_box.severity),
            });
            out.push(Shape::Rect {
                rect,
                radius: 4.0,
                fill: None,
                stroke: Some(Line::solid(colour, 2.0)),
            });
            Point::new(rect.center().x, rect.min.y + size)
        } else {
            // ├────┤ from one card's centre to the other's.
            let (y0, y1) = (rect.min.y, rect.max.y);
            let mid = (y0 + y1) / 2.0;
            for points in [
                vec![Point::new(rect.min.x, y0), Point::new(rect.min.x, y1)],
                vec![Point::new(rect.max.x, y0), Point::new(rect.max.x, y1)],
                vec![Point::new(rect.min.x, mid), Point::new(rect.max.x, mid)],
            ] {
                out.push(Shape::Polyline {
                    points,
                    line: Line::solid(colour, 3.0),
                });
            }
            Point::new(rect.center().x, mid)
        };
        out.push(Shape::Circle {
            center: badge,
            radius: size * 0.8,
            fill: Some(Paint::solid(colour)),
            stroke: None,
        });
        out.push(Shape::Text(TextBox {
            pos: Point::new(badge.x, badge.y - size * 0.6),
            text: "!".to_owned(),
            size,
            bold: true,
            colour: theme.text_on(colour),
            max_width: size * 1.4,
            max_lines: 1,
            align: Align::Center,
        }));
        if let Some(grey) = journey.grey_areas.get(grey_box.index) {
            callout(out, journey, grey, grey_box, colour, theme, i18n);
        }
    }
}

fn callout(
    out: &mut Vec<Shape>,
    journey: &Journey,
    grey: &crate::model::GreyArea,
    grey_box: &crate::layout::GreyAreaBox,
    colour: crate::model::Rgb,
    theme: &Theme,
    i18n: &I18n,
) {
    let rect = grey_box.callout;
    // A dashed line from the band (or bracket) down to its callout.
    let from = Point::new(grey_box.band.center().x, grey_box.band.max.y);
    out.push(Shape::Polyline {
        points: vec![
            from,
            Point::new(from.x.clamp(rect.min.x + 8.0, rect.max.x - 8.0), rect.min.y),
        ],
        line: Line::dashed(colour, 2.0, 5.0, 4.0),
    });
    out.push(Shape::Rect {
        rect,
        radius: theme.metrics.card_rounding,
        fill: Some(Paint::solid(theme.card_fill)),
        stroke: Some(Line::solid(colour, 2.0)),
    });
    let stripe = Rect::from_min_size(rect.min.x, rect.min.y, 6.0, rect.height());
    out.push(Shape::Rect {
        rect: stripe,
        radius: 3.0,
        fill: Some(Paint::solid(colour)),
        stroke: None,
    });
    let pad = 10.0;
    let x = rect.min.x + pad + 4.0;
    let width = rect.width() - 2.0 * pad - 4.0;
    let mut y = rect.min.y + pad - 2.0;
    let title = if grey.title.trim().is_empty() {
        let name = |id: &crate::model::TouchpointId| {
            journey
                .touchpoint(id)
                .map_or_else(|| id.to_string(), |t| t.title.clone())
        };
        crate::tr!(
            i18n,
            "callout-between",
            from = name(&grey.from),
            to = name(&grey.to)
        )
    } else {
        grey.title.clone()
    };
    let title_size = theme.card_title_size;
    // The bundled font's real widths, as the exports wrap it.
    let title_lines = crate::export::text::wrap(&title, title_size, true, width, 2)
        .len()
        .clamp(1, 2);
    out.push(text(
        Point::new(x, y),
        title,
        title_size,
        true,
        theme.text,
        width,
        2,
    ));
    y += title_size * 1.3 * title_lines as f32 + title_size * 0.1;
    let meta = format!(
        "{} · {} · {}",
        i18n.term("grey-kind", grey.kind.key()),
        i18n.term("severity", grey.severity.key()),
        i18n.term("grey-status", grey.status.key())
    );
    out.push(text(
        Point::new(x, y),
        meta,
        theme.small_size,
        true,
        theme.text_muted,
        width,
        1,
    ));
    y += theme.small_size * 1.45;
    if !grey.experience.trim().is_empty() {
        out.push(text(
            Point::new(x, y),
            grey.experience.clone(),
            theme.small_size,
            false,
            theme.text,
            width,
            2,
        ));
        y += theme.small_size * 1.3 * 2.0;
    }
    let mut fix = String::new();
    if !grey.fix.trim().is_empty() {
        fix = crate::tr!(i18n, "callout-fix", fix = grey.fix.as_str());
    }
    if !grey.owner.trim().is_empty() {
        let owner = crate::tr!(i18n, "callout-owner", owner = grey.owner.as_str());
        fix = if fix.is_empty() {
            owner
        } else {
            format!("{fix} · {owner}")
        };
    }
    if !fix.is_empty() {
        out.push(text(
            Point::new(x, y),
            fix,
            theme.small_size,
            false,
            theme.text,
            width,
            2,
        ));
    }
    // Opportunities on the grey area, the first with its owner and status.
    let ideas: Vec<_> = journey
        .opportunities
        .iter()
        .filter(
            |o| matches!(&o.target, crate::model::OpportunityTarget::GreyArea(g) if *g == grey.id),
        )
        .collect();
    if let Some(first) = ideas.first() {
        let y = rect.max.y - 6.0 - theme.small_size * 1.3;
        let status = i18n.term("opportunity-status", first.status.key());
        let who = if first.owner.trim().is_empty() {
            status
        } else {
            format!("{} · {status}", first.owner)
        };
        let mut line = format!("+ {} ({who})", first.idea);
        if ideas.len() > 1 {
            line.push_str(&format!(" +{}", ideas.len() - 1));
        }
        out.push(text(
            Point::new(x, y),
            line,
            theme.small_size,
            true,
            theme.opportunity,
            width,
            1,
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
/// share a pixel); the lowest points are always drawn.
pub fn emotion_curve_sampled(
    out: &mut Vec<Shape>,
    layout: &MapLayout,
    theme: &Theme,
    slots: std::ops::Range<usize>,
    step: usize,
) {
    let step = step.max(1);
    let lane = layout.lane(Lane::Emotion).rect;
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
            line: Line::solid(theme.emotion_line, 3.0),
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
            radius: 7.0,
            fill,
            stroke: Some(Line::solid(Rgb::hex(0xffffff), 1.5)),
        });
    }
}

/// A touchpoint's card and its column in the lanes below.
pub fn touchpoint(
    out: &mut Vec<Shape>,
    journey: &Journey,
    slot: &Slot,
    tp: &Touchpoint,
    theme: &Theme,
    i18n: &I18n,
) {
    let card = slot.card;
    let radius = theme.metrics.card_rounding;
    let channel = tp.channel.as_ref().and_then(|c| journey.channel(c));
    let channel_colour = channel.map_or(theme.card_border, |c| c.colour);
    let assumption = tp.evidence.is_empty();
    // The weakest confidence of the card's evidence: inferred or assumed evidence is
    // marked like an assumption.
    let weakest = tp
        .evidence
        .iter()
        .filter_map(|id| journey.evidence_item(id))
        .map(|e| e.confidence)
        .max();
    let weak = matches!(
        weakest,
        Some(crate::model::Confidence::Inferred | crate::model::Confidence::Assumed)
    );
    let border = if assumption || weak {
        Line::dashed(theme.no_evidence, 2.0, 6.0, 4.0)
    } else {
        Line::solid(theme.card_border, 1.0)
    };
    out.push(Shape::Rect {
        rect: card,
        radius,
        fill: Some(Paint::solid(theme.card_fill)),
        stroke: None,
    });
    let strip = Rect {
        min: card.min,
        max: Point::new(card.max.x, card.min.y + 7.0),
    };
    out.push(Shape::Rect {
        rect: strip,
        radius: 0.0,
        fill: Some(Paint::solid(channel_colour)),
        stroke: None,
    });
    out.push(Shape::Rect {
        rect: card,
        radius,
        fill: None,
        stroke: Some(border),
    });

    let pad = 10.0;
    let width = card.width() - 2.0 * pad;
    let (title, title_colour) = if tp.title.trim().is_empty() {
        (i18n.tr("new-touchpoint"), theme.text_muted)
    } else {
        (tp.title.clone(), theme.text)
    };
    let title_width = width - if tp.key_moment { 16.0 } else { 0.0 };
    let top = card.min.y + pad + 4.0;
    out.push(text(
        Point::new(card.min.x + pad, top),
        title,
        theme.card_title_size,
        true,
        title_colour,
        title_width,
        3,
    ));
    let department = tp.department.as_ref().and_then(|d| journey.department(d));
    let meta: Vec<&str> = [
        channel.map(|c| c.name.as_str()),
        department.map(|d| d.name.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let meta_y = card.max.y - pad - theme.small_size * 2.6;
    out.push(text(
        Point::new(card.min.x + pad, meta_y),
        meta.join(" · "),
        theme.small_size,
        false,
        theme.text_muted,
        width,
        1,
    ));
    if tp.key_moment {
        out.push(Shape::Text(TextBox {
            pos: Point::new(card.max.x - pad, top),
            text: "★".to_owned(),
            size: theme.badge_size,
            bold: false,
            colour: theme.key_moment,
            max_width: theme.badge_size * 1.2,
            max_lines: 1,
            align: Align::Right,
        }));
    }
    let bottom = card.max.y - pad - theme.small_size * 1.2;
    if let Some(emotion) = &tp.emotion {
        let label = match emotion.score {
            0 => format!("0 {}", emotion.word),
            s => format!("{s:+} {}", emotion.word),
        };
        out.push(text(
            Point::new(card.min.x + pad, bottom),
            label,
            theme.small_size,
            true,
            theme.emotion_colour(emotion.score),
            width / 2.0,
            1,
        ));
    }
    let evidence_tag = match weakest {
        None if assumption => Some((i18n.tr("tag-assumption"), theme.no_evidence)),
        None => None,
        Some(confidence) => {
            let count = crate::tr!(i18n, "card-evidence", count = tp.evidence.len());
            if weak {
                // The weakest confidence says it all; the count would not fit beside it.
                Some((i18n.term("confidence", confidence.key()), theme.no_evidence))
            } else {
                Some((count, theme.text_muted))
            }
        }
    };
    if let Some((tag, colour)) = evidence_tag {
        out.push(Shape::Text(TextBox {
            pos: Point::new(card.max.x - pad, bottom),
            text: tag,
            size: theme.small_size,
            bold: true,
            colour,
            max_width: width / 2.0,
            max_lines: 1,
            align: Align::Right,
        }));
    }
    lanes_below(out, journey, slot, tp, theme, i18n);
}

fn lanes_below(
    out: &mut Vec<Shape>,
    journey: &Journey,
    slot: &Slot,
    tp: &Touchpoint,
    theme: &Theme,
    i18n: &I18n,
) {
    let pad = 6.0;
    let doing = slot.doing;
    let width = doing.width() - 2.0 * pad;
    let line_height = theme.body_size * 1.3;
    // What the customer does, thinks ("…") and expects, as many lines as the lane holds.
    let mut y = doing.min.y + pad;
    let expects = (!tp.expectation.trim().is_empty())
        .then(|| crate::tr!(i18n, "card-expects", text = tp.expectation.as_str()));
    let thought = (!tp.thought.trim().is_empty()).then(|| format!("“{}”", tp.thought));
    for (value, colour, most) in [
        (Some(tp.action.clone()), theme.text, 3),
        (thought, theme.text_muted, 2),
        (expects, theme.text_muted, 2),
    ] {
        let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        let room = ((doing.max.y - y) / line_height).floor() as usize;
        let lines =
            crate::export::text::wrap(&value, theme.body_size, false, width, most.min(room));
        if lines.is_empty() {
            break;
        }
        out.push(text(
            Point::new(doing.min.x + pad, y),
            value,
            theme.body_size,
            false,
            colour,
            width,
            lines.len(),
        ));
        y += lines.len() as f32 * line_height + 4.0;
    }
    let pains = slot.pains;
    let mut y = pains.min.y + pad;
    let items = tp
        .pain_points
        .iter()
        .map(|s| (s.as_str(), theme.pain_point, "–"));
    // Pain points, then opportunities with their owner and status on a line of their own.
    let items = items.map(|(item, colour, mark)| (format!("{mark} {item}"), colour, None));
    let ideas = journey.opportunities_for(&tp.id).map(|o| {
        let status = i18n.term("opportunity-status", o.status.key());
        let who = if o.owner.trim().is_empty() {
            status
        } else {
            format!("{} · {status}", o.owner)
        };
        (format!("+ {}", o.idea), theme.opportunity, Some(who))
    });
    let small_line = theme.small_size * 1.3;
    for (item, colour, who) in items.chain(ideas) {
        let needed = line_height + if who.is_some() { small_line } else { 0.0 };
        if y + needed > pains.max.y {
            break;
        }
        let lines = crate::export::text::wrap(&item, theme.body_size, false, width, 2).len();
        out.push(text(
            Point::new(pains.min.x + pad, y),
            item,
            theme.body_size,
            false,
            colour,
            width,
            2,
        ));
        y += lines as f32 * line_height;
        if let Some(who) = who {
            let room = (((pains.max.y - y) / small_line).floor() as usize).clamp(1, 2);
            let lines =
                crate::export::text::wrap(&who, theme.small_size, true, width - 10.0, room).len();
            out.push(text(
                Point::new(pains.min.x + pad + 10.0, y),
                who,
                theme.small_size,
                true,
                theme.text_muted,
                width - 10.0,
                room,
            ));
            y += lines as f32 * small_line;
        }
        y += 3.0;
    }
    if let Some(department) = tp.department.as_ref().and_then(|d| journey.department(d)) {
        let chip = slot.department.shrink(4.0);
        out.push(Shape::Rect {
            rect: chip,
            radius: chip.height() / 2.0,
            fill: Some(Paint::faded(department.colour, 0.35)),
            stroke: None,
        });
        let pos = Point::new(
            chip.min.x + 10.0,
            chip.min.y + (chip.height() - theme.small_size * 1.2) / 2.0,
        );
        out.push(text(
            pos,
            department.name.clone(),
            theme.small_size,
            true,
            theme.text,
            chip.width() - 14.0,
            1,
        ));
    }
}

/// A rough line count for laying out text blocks one under another: an average glyph
/// is about half the font size wide.
pub fn estimate_lines(text: &str, size: f32, width: f32) -> usize {
    if text.is_empty() {
        return 0;
    }
    let per_line = (width / (size * 0.52)).max(1.0);
    ((text.chars().count() as f32 / per_line).ceil() as usize).max(1)
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

/// The whole map (every slot), as exports draw it.
pub fn map(journey: &Journey, layout: &MapLayout, theme: &Theme, i18n: &I18n) -> Vec<Shape> {
    let mut out = Vec::new();
    let all = layout.bounds;
    stages(&mut out, journey, layout, theme, i18n, &all);
    grey_areas(&mut out, journey, layout, theme, i18n, &all);
    emotion_curve(&mut out, layout, theme, 0..layout.slots.len());
    for slot in &layout.slots {
        if let Some(tp) = journey.touchpoints.get(slot.index) {
            touchpoint(&mut out, journey, slot, tp, theme, i18n);
        }
    }
    lane_labels(&mut out, layout, theme, i18n);
    out
}
