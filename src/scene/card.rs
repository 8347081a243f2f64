//! A touchpoint's card and its column in the lanes below: doing, thinking and
//! expecting; pain points and opportunities; the department chip.

use super::{Align, Line, Paint, Shape, TextBox, text};
use crate::i18n::I18n;
use crate::layout::{Point, Rect, Slot};
use crate::model::{Journey, Touchpoint};
use crate::theme::Theme;

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
    use crate::model::Deviation;
    let deviation = tp.deviation;
    // A missing touchpoint is a ghost: an outline where it should have been.
    let ghost = deviation == Some(Deviation::Missing);
    let border = match deviation {
        Some(Deviation::Missing) => Line::dashed(theme.text_muted, 2.0, 4.0, 4.0),
        Some(Deviation::AdHoc) => Line::dashed(theme.key_moment, 2.5, 10.0, 4.0),
        _ if assumption || weak => Line::dashed(theme.no_evidence, 2.0, 6.0, 4.0),
        _ => Line::solid(theme.card_border, 1.0),
    };
    out.push(Shape::Rect {
        rect: card,
        radius,
        fill: Some(if ghost {
            Paint::faded(theme.card_fill, 0.35)
        } else {
            Paint::solid(theme.card_fill)
        }),
        stroke: None,
    });
    let strip = Rect {
        min: card.min,
        max: Point::new(card.max.x, card.min.y + 7.0),
    };
    out.push(Shape::Rect {
        rect: strip,
        radius: 0.0,
        fill: Some(Paint::faded(channel_colour, if ghost { 0.35 } else { 1.0 })),
        stroke: None,
    });
    out.push(Shape::Rect {
        rect: card,
        radius,
        fill: None,
        stroke: Some(border),
    });
    if deviation == Some(Deviation::Failing) {
        // A failing touchpoint is crossed out.
        let inset = card.shrink(6.0);
        for points in [
            vec![inset.min, inset.max],
            vec![
                Point::new(inset.min.x, inset.max.y),
                Point::new(inset.max.x, inset.min.y),
            ],
        ] {
            out.push(Shape::Polyline {
                points,
                line: Line {
                    paint: Paint::faded(theme.pain_point, 0.55),
                    width: 3.0,
                    dash: None,
                },
            });
        }
    }

    let pad = 10.0;
    let width = card.width() - 2.0 * pad;
    let (title, title_colour) = if tp.title.trim().is_empty() {
        (i18n.tr("new-touchpoint"), theme.text_muted)
    } else {
        (tp.title.clone(), theme.text)
    };
    let title_width = width - if tp.key_moment { 16.0 } else { 0.0 };
    let mut top = card.min.y + pad + 4.0;
    // The deviation's name above the title, in its colour.
    let title_lines = if let Some(deviation) = deviation {
        out.push(text(
            Point::new(card.min.x + pad, top - 2.0),
            i18n.term("deviation", deviation.key()).to_uppercase(),
            theme.small_size,
            true,
            deviation_colour(theme, deviation),
            title_width,
            1,
        ));
        top += theme.small_size * 1.3;
        2
    } else {
        3
    };
    let title_colour = if ghost {
        theme.text_muted
    } else {
        title_colour
    };
    out.push(text(
        Point::new(card.min.x + pad, top),
        title,
        theme.card_title_size,
        true,
        title_colour,
        title_width,
        title_lines,
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
            width * 0.62,
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
            max_width: width * 0.38,
            max_lines: 1,
            align: Align::Right,
        }));
    }
    lanes_below(out, journey, slot, tp, theme, i18n);
}

/// The colour a deviation is marked in.
pub fn deviation_colour(theme: &Theme, deviation: crate::model::Deviation) -> crate::model::Rgb {
    use crate::model::Deviation;
    match deviation {
        Deviation::AdHoc => theme.key_moment,
        Deviation::Missing => theme.text_muted,
        Deviation::Failing => theme.pain_point,
        Deviation::OutOfOrder => theme.no_evidence,
    }
}

fn lanes_below(
    out: &mut Vec<Shape>,
    journey: &Journey,
    slot: &Slot,
    tp: &Touchpoint,
    theme: &Theme,
    i18n: &I18n,
) {
    // The wall and slides draw the card alone: its lanes are the timeline's.
    if slot.doing.height() < 1.0 && slot.pains.height() < 1.0 {
        return;
    }
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
    // The wall has no department lane: the card's own line names the department.
    if let Some(department) = tp.department.as_ref().and_then(|d| journey.department(d))
        && slot.department.height() > 16.0
    {
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

/// For each out-of-order touchpoint, an arrow from its card to where it was planned:
/// just after the card of the touchpoint it was planned to follow.
pub fn out_of_order_arrows(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &crate::layout::MapLayout,
    theme: &Theme,
) {
    let colour = deviation_colour(theme, crate::model::Deviation::OutOfOrder);
    let line = Line::dashed(colour, 2.5, 8.0, 5.0);
    let out_of_order: Vec<(&crate::layout::Slot, &crate::model::TouchpointId)> = layout
        .slots
        .iter()
        .filter_map(|slot| {
            let tp = journey.touchpoints.get(slot.index)?;
            (tp.deviation == Some(crate::model::Deviation::OutOfOrder))
                .then_some(())
                .and(tp.planned_after.as_ref())
                .map(|after| (slot, after))
        })
        .collect();
    if out_of_order.is_empty() {
        return;
    }
    let by_id: foldhash::HashMap<&crate::model::TouchpointId, &crate::layout::Slot> =
        layout.slots.iter().map(|s| (&s.id, s)).collect();
    for (slot, after) in out_of_order {
        let Some(target) = by_id.get(after) else {
            continue;
        };
        // Over the cards: up from this card, across, down into the gap after the
        // planned predecessor.
        let from = Point::new(slot.card.center().x, slot.card.min.y);
        let to = Point::new(target.card.max.x + 6.0, target.card.min.y + 12.0);
        let lift = from.y.min(target.card.min.y) - 6.0;
        out.push(Shape::Polyline {
            points: vec![from, Point::new(from.x, lift), Point::new(to.x, lift), to],
            line,
        });
        // The arrowhead, pointing down into the gap.
        out.push(Shape::Polyline {
            points: vec![
                Point::new(to.x - 6.0, to.y - 9.0),
                to,
                Point::new(to.x + 6.0, to.y - 9.0),
            ],
            line: Line::solid(colour, 2.5),
        });
    }
}
