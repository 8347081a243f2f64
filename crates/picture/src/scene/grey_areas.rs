//! Grey areas on the map: bands between neighbours, brackets between non-neighbours,
//! and each one's callout with its words, every one of them whole: title, kind,
//! severity and status, what the customer experiences, the fix, its owner, and every
//! opportunity with its owner and status. The callout's leader runs where the layout
//! routed it, through the gaps between callouts.

use super::card::block;
use super::{Align, Line, Paint, Shape, TextBox};
use crate::i18n::I18n;
use crate::layout::{MapLayout, Point, Rect};
use crate::model::{GreyArea, Journey, OpportunityTarget};
use crate::theme::Theme;

/// Space inside a callout.
const PAD: f32 = 10.0;
/// The severity stripe at a callout's left.
const STRIPE: f32 = 6.0;

/// Grey areas: hatched bands between neighbouring touchpoints (darker the more severe,
/// with a badge), brackets between non-neighbours (never over the cards between), and
/// each one's callout with its words.
pub fn grey_areas(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &MapLayout,
    numbers: &super::Numbers<'_>,
    theme: &Theme,
    i18n: &I18n,
    visible: &Rect,
) {
    // Each grey area's number, the same in every medium (`Journey::grey_area_numbers`).
    // Grey areas between the same two cards share one band (or bracket) and one badge
    // with their numbers, in the most severe one's colour. Counted over the whole map,
    // so nothing changes as the view scrolls.
    let number = |b: &crate::layout::GreyAreaBox| numbers.grey_area(&b.id);
    let key = |r: &Rect| [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits);
    let mut shared: foldhash::HashMap<[u32; 4], (Vec<usize>, crate::model::Severity)> =
        foldhash::HashMap::default();
    let firsts: Vec<bool> = layout
        .grey_areas
        .iter()
        .map(|b| {
            let entry = shared
                .entry(key(&b.band))
                .or_insert((Vec::new(), b.severity));
            entry.0.push(number(b));
            entry.1 = entry.1.max(b.severity);
            entry.0.len() == 1
        })
        .collect();
    let size = theme.badge_size;
    let radius = size * 0.8;
    // The bars between ends in different lanes, drawn last, broken where any badge
    // sits on them.
    let mut bars: Vec<Shape> = Vec::new();
    let mut badges: Vec<Point> = Vec::new();
    let mut callouts: Vec<Shape> = Vec::new();
    for (grey_box, &first) in layout
        .grey_areas
        .iter()
        .zip(&firsts)
        .filter(|(b, _)| b.band.intersects(visible) || b.callout.intersects(visible))
    {
        let rect = grey_box.band;
        let (numbers_here, severity) = shared
            .get(&key(&rect))
            .cloned()
            .unwrap_or((vec![number(grey_box)], grey_box.severity));
        let colour = theme.grey_area_fill(severity);
        if first {
            let badge = if grey_box.neighbours {
                band(out, rect, colour, theme.grey_area_hatch(severity));
                // At the band's top, or at its foot where the curve crosses the top (on
                // the wall the band is on the curve).
                let crossing = [grey_box.slots.0, grey_box.slots.1]
                    .iter()
                    .filter_map(|&i| layout.slots.get(i).and_then(|s| s.emotion))
                    .map(|p| p.y)
                    .fold(None, |range: Option<(f32, f32)>, y| {
                        Some(range.map_or((y, y), |(a, b)| (a.min(y), b.max(y))))
                    });
                let room = 2.0 * size + 4.0;
                let from_top = match crossing {
                    Some((high, low)) if high - rect.min.y < room => {
                        rect.max.y - low < high - rect.min.y
                    }
                    _ => true,
                };
                let y = if from_top {
                    rect.min.y + size
                } else {
                    rect.max.y - size
                };
                Point::new(rect.center().x, y)
            } else {
                // ├──!──┤ from one card's centre to the other's, broken at the badge.
                let (y0, y1) = (rect.min.y, rect.max.y);
                let mid = (y0 + y1) / 2.0;
                let centre = rect.center().x;
                let mut lines = vec![
                    vec![Point::new(rect.min.x, y0), Point::new(rect.min.x, y1)],
                    vec![Point::new(rect.max.x, y0), Point::new(rect.max.x, y1)],
                ];
                if centre - radius > rect.min.x {
                    lines.push(vec![
                        Point::new(rect.min.x, mid),
                        Point::new(centre - radius, mid),
                    ]);
                }
                if rect.max.x > centre + radius {
                    lines.push(vec![
                        Point::new(centre + radius, mid),
                        Point::new(rect.max.x, mid),
                    ]);
                }
                for points in lines {
                    out.push(Shape::Polyline {
                        points,
                        line: Line::solid(colour, 3.0),
                    });
                }
                Point::new(centre, mid)
            };
            badges.push(badge);
            let mut sorted = numbers_here;
            sorted.sort_unstable();
            let room = if grey_box.neighbours {
                rect.width()
            } else {
                f32::MAX
            };
            number_badge(out, badge, &sorted, room, colour, size, theme);
            // The room's dots, under the number.
            super::votes_pill(
                out,
                journey,
                grey_box.id.as_str(),
                Point::new(badge.x, badge.y + 2.2 * size),
                true,
                theme,
                i18n,
            );
        }
        let colour = theme.grey_area_fill(grey_box.severity);
        if let Some((a, b)) = grey_box.ends {
            between_ends(&mut bars, a, b, colour, theme.metrics.slot_gap);
        }
        if grey_box.leader.len() >= 2 {
            // A leader that passes behind other callouts (on the wall) shows only in
            // the gaps between them.
            let others: Vec<Rect> = layout
                .grey_areas
                .iter()
                .filter(|b| b.id != grey_box.id && b.callout.width() > 0.0)
                .map(|b| b.callout)
                .collect();
            for run in grey_box.leader.windows(2) {
                for (a, b) in outside(run[0], run[1], &others) {
                    out.push(Shape::Polyline {
                        points: vec![a, b],
                        line: Line::dashed(colour, 2.0, 5.0, 4.0),
                    });
                }
            }
        }
        if let Some(grey) = journey.grey_areas.get(grey_box.index) {
            callout_box(
                &mut callouts,
                journey,
                grey,
                number(grey_box),
                grey_box.callout,
                theme,
                i18n,
            );
        }
    }
    // Over every leader: on the wall a leader may pass behind the callouts above its
    // own.
    out.append(&mut callouts);
    let cell = |p: Point| ((p.x / 64.0).floor() as i64, (p.y / 64.0).floor() as i64);
    let mut near: foldhash::HashMap<(i64, i64), Vec<(Point, f32)>> = foldhash::HashMap::default();
    for badge in badges {
        let (cx, cy) = cell(badge);
        for dx in -1..=1 {
            for dy in -1..=1 {
                near.entry((cx + dx, cy + dy))
                    .or_default()
                    .push((badge, radius));
            }
        }
    }
    for bar in bars {
        let mut on: Vec<(Point, f32)> = Vec::new();
        if let Shape::Polyline { points, .. } = &bar
            && let [a, b] = points.as_slice()
        {
            let ((x0, y0), (x1, y1)) = (cell(*a), cell(*b));
            for x in x0.min(x1)..=x0.max(x1) {
                for y in y0.min(y1)..=y0.max(y1) {
                    on.extend(near.get(&(x, y)).into_iter().flatten().copied());
                }
            }
        }
        out.extend(broken_at(bar, &on));
    }
}

/// The parts of the segment `a`–`b` outside every rectangle of `rects`.
fn outside(a: Point, b: Point, rects: &[Rect]) -> Vec<(Point, Point)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut inside: Vec<(f32, f32)> = rects
        .iter()
        .filter_map(|r| super::overlap::clip(a, b, r).filter(|(t0, t1)| t0 < t1))
        .collect();
    inside.sort_by(|x, y| x.0.total_cmp(&y.0));
    let at = |t: f32| Point::new(a.x + dx * t, a.y + dy * t);
    let mut runs = Vec::new();
    let mut from = 0.0_f32;
    for (t0, t1) in inside {
        if t0 > from {
            runs.push((at(from), at(t0)));
        }
        from = from.max(t1);
    }
    if from < 1.0 {
        runs.push((at(from), at(1.0)));
    }
    runs
}

/// A grey area's number on a disc of its severity's colour centred on `at`; for
/// several sharing a band, their numbers ("2,5"), else the first and "+" ("2+"), else
/// the first: whichever fits in the disc and in `room` (a narrow band's width), the
/// type shrunk to fit where it must.
pub fn number_badge(
    out: &mut Vec<Shape>,
    at: Point,
    numbers: &[usize],
    room: f32,
    colour: crate::model::Rgb,
    size: f32,
    theme: &Theme,
) {
    let radius = size * 0.8;
    let room = (2.0 * radius).min(room) - 3.0;
    let first = numbers.first().copied().unwrap_or(0).to_string();
    let all = numbers
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let mut choices = vec![all, format!("{first}+"), first.clone()];
    if numbers.len() < 2 {
        choices.drain(..2);
    }
    let (mark, text_size) = choices
        .iter()
        .flat_map(|mark| [0.9, 0.75, 0.62].map(|k| (mark, size * k)))
        .find(|(mark, s)| crate::text::width(mark, *s, true) <= room)
        .map_or((first, size * 0.62), |(m, s)| (m.clone(), s));
    out.push(Shape::Circle {
        center: at,
        radius,
        fill: Some(Paint::solid(colour)),
        stroke: Some(Line::solid(theme.card_fill, 1.5)),
    });
    out.push(Shape::Text(TextBox {
        pos: Point::new(at.x, at.y - crate::text::height(1, text_size) / 2.0),
        text: mark,
        size: text_size,
        bold: true,
        colour: theme.text_on(colour),
        max_width: 2.0 * radius,
        max_lines: 1,
        align: Align::Center,
    }));
}

/// A straight line broken where it passes through a badge's disc.
fn broken_at(shape: Shape, badges: &[(Point, f32)]) -> Vec<Shape> {
    let Shape::Polyline { points, line } = &shape else {
        return vec![shape];
    };
    let [a, b] = points.as_slice() else {
        return vec![shape];
    };
    let vertical = (a.x - b.x).abs() < 0.01;
    let Some((centre, radius)) = badges.iter().find(|(c, r)| {
        if vertical {
            (c.x - a.x).abs() < *r && c.y > a.y.min(b.y) && c.y < a.y.max(b.y)
        } else {
            (c.y - a.y).abs() < *r && c.x > a.x.min(b.x) && c.x < a.x.max(b.x)
        }
    }) else {
        return vec![shape];
    };
    let r = radius + 2.0;
    let pieces = if vertical {
        let (top, bottom) = (a.y.min(b.y), a.y.max(b.y));
        [(top, centre.y - r), (centre.y + r, bottom)]
            .map(|(from, to)| (Point::new(a.x, from), Point::new(a.x, to), to > from))
    } else {
        let (left, right) = (a.x.min(b.x), a.x.max(b.x));
        [(left, centre.x - r), (centre.x + r, right)]
            .map(|(from, to)| (Point::new(from, a.y), Point::new(to, a.y), to > from))
    };
    pieces
        .into_iter()
        .filter(|(_, _, kept)| *kept)
        .map(|(from, to, _)| Shape::Polyline {
            points: vec![from, to],
            line: *line,
        })
        .collect()
}

/// A grey area whose ends stand in different lanes, side by side or one above the
/// other, drawn between them: a bar in the gap beside them from one's middle to the
/// other's, a tick into each (its callout's bracket stays in the grey-area lane).
fn between_ends(out: &mut Vec<Shape>, a: Rect, b: Rect, colour: crate::model::Rgb, gap: f32) {
    if a == b || (a.min.y - b.min.y).abs() < 1.0 {
        return;
    }
    let (left, right) = if a.center().x <= b.center().x {
        (a, b)
    } else {
        (b, a)
    };
    let same_column = left.max.x > right.min.x;
    // No column between them (a gap may be a wide one, where a band stands).
    let adjacent = right.min.x >= left.max.x && right.min.x - left.max.x < left.width();
    // Two thirds of the way across the gap (a flow arrow runs at one third).
    let x = if same_column {
        left.max.x.max(right.max.x) + gap * 2.0 / 3.0
    } else if adjacent {
        left.max.x + (right.min.x - left.max.x).min(gap) * 2.0 / 3.0
    } else {
        return;
    };
    // Each tick a quarter of the card's height from its middle, towards the other card
    // (a flow arrow enters at the middle).
    let tick_y = |r: Rect, other: Rect| {
        if other.center().y > r.center().y {
            r.center().y + r.height() / 4.0
        } else {
            r.center().y - r.height() / 4.0
        }
    };
    let (ya, yb) = (tick_y(a, b), tick_y(b, a));
    let tick = |r: Rect, y: f32| {
        let edge = if r.center().x < x { r.max.x } else { r.min.x };
        vec![Point::new(edge, y), Point::new(x, y)]
    };
    for points in [
        tick(a, ya),
        tick(b, yb),
        vec![Point::new(x, ya), Point::new(x, yb)],
    ] {
        out.push(Shape::Polyline {
            points,
            line: Line::solid(colour, 3.0),
        });
    }
}

/// A hatched band between two neighbouring cards, darker the more severe.
fn band(out: &mut Vec<Shape>, rect: Rect, colour: crate::model::Rgb, spacing: f32) {
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
        spacing,
    });
    out.push(Shape::Rect {
        rect,
        radius: 4.0,
        fill: None,
        stroke: Some(Line::solid(colour, 2.0)),
    });
}

/// A grey area's callout: the box, edged and striped in its severity's colour, its
/// number on the top edge, and its words in it.
pub fn callout_box(
    out: &mut Vec<Shape>,
    journey: &Journey,
    grey: &GreyArea,
    number: usize,
    rect: Rect,
    theme: &Theme,
    i18n: &I18n,
) {
    let colour = theme.grey_area_fill(grey.severity);
    out.push(Shape::Rect {
        rect,
        radius: theme.metrics.card_rounding,
        fill: Some(Paint::solid(theme.callout_fill(grey.severity))),
        stroke: Some(Line::solid(colour, 2.5)),
    });
    out.push(Shape::Rect {
        rect: Rect::from_min_size(rect.min.x, rect.min.y, STRIPE, rect.height()),
        radius: 3.0,
        fill: Some(Paint::solid(colour)),
        stroke: None,
    });
    callout(out, journey, grey, number, rect, theme, i18n);
}

/// A grey area's words inside `rect`, top down; returns the height they need.
pub fn callout(
    out: &mut Vec<Shape>,
    journey: &Journey,
    grey: &GreyArea,
    number: usize,
    rect: Rect,
    theme: &Theme,
    i18n: &I18n,
) -> f32 {
    let x = rect.min.x + PAD + STRIPE - 2.0;
    let width = rect.max.x - PAD - x;
    let mut y = rect.min.y + PAD - 2.0;
    // The number first, on its severity's disc, as on the band: the title beside it.
    let size = theme.badge_size;
    let disc = size * 1.6;
    number_badge(
        out,
        Point::new(x + disc / 2.0, y + disc / 2.0),
        &[number],
        f32::MAX,
        theme.grey_area_fill(grey.severity),
        size,
        theme,
    );
    let title_x = x + disc + 6.0;
    let title = crate::words::grey_area_title(journey, grey, i18n);
    // A one-line title is centred on the disc; a longer one starts there too.
    let shift = (disc - crate::text::height(1, theme.card_title_size)).max(0.0) / 2.0;
    let (shape, height) = block(
        Point::new(title_x, y + shift),
        title,
        theme.card_title_size,
        true,
        theme.text,
        rect.max.x - PAD - title_x,
        usize::MAX,
    );
    out.push(shape);
    y += (shift + height).max(disc) + 3.0;
    let small = theme.small_size;
    let mut push = |out: &mut Vec<Shape>, value: String, size, bold, colour, indent: f32, gap| {
        let (shape, height) = block(
            Point::new(x + indent, y),
            value,
            size,
            bold,
            colour,
            width - indent,
            usize::MAX,
        );
        out.push(shape);
        y += height + gap;
    };
    push(
        out,
        format!(
            "{} · {} · {}",
            i18n.term("grey-kind", grey.kind.key()),
            i18n.term("severity", grey.severity.key()),
            i18n.term("grey-status", grey.status.key())
        ),
        small,
        true,
        theme.text_muted,
        0.0,
        5.0,
    );
    if !grey.experience.trim().is_empty() {
        push(
            out,
            grey.experience.trim().to_owned(),
            small,
            false,
            theme.text,
            0.0,
            4.0,
        );
    }
    if !grey.fix.trim().is_empty() {
        let fix = crate::tr!(i18n, "callout-fix", fix = grey.fix.trim());
        push(out, fix, small, false, theme.text, 0.0, 2.0);
    }
    if !grey.owner.trim().is_empty() {
        let owner = crate::tr!(i18n, "callout-owner", owner = grey.owner.trim());
        push(out, owner, small, true, theme.text, 0.0, 4.0);
    }
    // Every opportunity on the grey area, with its owner and status.
    for opportunity in journey
        .opportunities
        .iter()
        .filter(|o| matches!(&o.target, OpportunityTarget::GreyArea(g) if *g == grey.id))
    {
        push(
            out,
            format!("+ {}", opportunity.idea.trim()),
            small,
            true,
            theme.opportunity,
            0.0,
            1.0,
        );
        let status = i18n.term("opportunity-status", opportunity.status.key());
        let who = if opportunity.owner.trim().is_empty() {
            status
        } else {
            format!("{} · {status}", opportunity.owner.trim())
        };
        push(out, who, small, false, theme.text_muted, 10.0, 3.0);
    }
    y - rect.min.y + PAD - 2.0
}
