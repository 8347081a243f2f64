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
    theme: &Theme,
    i18n: &I18n,
    visible: &Rect,
) {
    // Grey areas between the same two cards share one band (or bracket) and one badge:
    // "!" for one, their number for several, in the most severe one's colour. Counted
    // over the whole map, so nothing changes as the view scrolls.
    let key = |r: &Rect| [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits);
    let mut shared: foldhash::HashMap<[u32; 4], (usize, crate::model::Severity)> =
        foldhash::HashMap::default();
    let firsts: Vec<bool> = layout
        .grey_areas
        .iter()
        .map(|b| {
            let entry = shared.entry(key(&b.band)).or_insert((0, b.severity));
            entry.0 += 1;
            entry.1 = entry.1.max(b.severity);
            entry.0 == 1
        })
        .collect();
    let size = theme.badge_size;
    let radius = size * 0.8;
    for (grey_box, &first) in layout
        .grey_areas
        .iter()
        .zip(&firsts)
        .filter(|(b, _)| b.band.intersects(visible) || b.callout.intersects(visible))
    {
        let rect = grey_box.band;
        let (count, severity) = shared
            .get(&key(&rect))
            .copied()
            .unwrap_or((1, grey_box.severity));
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
            out.push(Shape::Circle {
                center: badge,
                radius,
                fill: Some(Paint::solid(colour)),
                stroke: None,
            });
            let mark = if count > 1 {
                count.to_string()
            } else {
                "!".to_owned()
            };
            let mark_size = if mark.chars().count() > 1 {
                size * 0.8
            } else {
                size
            };
            out.push(Shape::Text(TextBox {
                pos: Point::new(badge.x, badge.y - mark_size * 0.6),
                text: mark,
                size: mark_size,
                bold: true,
                colour: theme.text_on(colour),
                max_width: radius * 2.0,
                max_lines: 1,
                align: Align::Center,
            }));
        }
        let colour = theme.grey_area_fill(grey_box.severity);
        if let Some((a, b)) = grey_box.ends {
            between_ends(out, a, b, colour, theme.metrics.slot_gap);
        }
        if grey_box.leader.len() >= 2 {
            out.push(Shape::Polyline {
                points: grey_box.leader.clone(),
                line: Line::dashed(colour, 2.0, 5.0, 4.0),
            });
        }
        if let Some(grey) = journey.grey_areas.get(grey_box.index) {
            callout_box(out, journey, grey, grey_box.callout, theme, i18n);
        }
    }
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

/// A grey area's callout: the box, edged and striped in its severity's colour, and its
/// words in it.
pub fn callout_box(
    out: &mut Vec<Shape>,
    journey: &Journey,
    grey: &GreyArea,
    rect: Rect,
    theme: &Theme,
    i18n: &I18n,
) {
    let colour = theme.grey_area_fill(grey.severity);
    out.push(Shape::Rect {
        rect,
        radius: theme.metrics.card_rounding,
        fill: Some(Paint::solid(theme.card_fill)),
        stroke: Some(Line::solid(colour, 2.0)),
    });
    out.push(Shape::Rect {
        rect: Rect::from_min_size(rect.min.x, rect.min.y, STRIPE, rect.height()),
        radius: 3.0,
        fill: Some(Paint::solid(colour)),
        stroke: None,
    });
    callout(out, journey, grey, rect, theme, i18n);
}

/// A grey area's words inside `rect`, top down; returns the height they need.
pub fn callout(
    out: &mut Vec<Shape>,
    journey: &Journey,
    grey: &GreyArea,
    rect: Rect,
    theme: &Theme,
    i18n: &I18n,
) -> f32 {
    let x = rect.min.x + PAD + STRIPE - 2.0;
    let width = rect.max.x - PAD - x;
    let mut y = rect.min.y + PAD - 2.0;
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
        crate::words::grey_area_title(journey, grey, i18n),
        theme.card_title_size,
        true,
        theme.text,
        0.0,
        3.0,
    );
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
