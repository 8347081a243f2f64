//! An event log's numbers over the map (View ▸ Data, `export --data`), read from the
//! evidence `conform --into` wrote: on each measured card, the share of the log's cases
//! that reached it, as a pill astride the card's foot; on the curve lane, at each border
//! between stages, the share of cases lost from the last measured card of a stage to
//! the first of the next.

use super::{Align, Line, Paint, Shape, TextBox};
use crate::i18n::I18n;
use crate::interchange::eventlog::evidence::reach;
use crate::layout::{Lane, MapLayout, Point, Rect};
use crate::model::Journey;
use crate::theme::Theme;

/// The pills and the stage borders' losses for the slots in `range`.
pub fn data(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &MapLayout,
    theme: &Theme,
    i18n: &I18n,
    range: std::ops::Range<usize>,
) {
    let size = theme.small_size.max(11.0);
    let reaches: Vec<Option<f64>> = layout
        .slots
        .iter()
        .map(|slot| {
            journey
                .touchpoints
                .get(slot.index)
                .and_then(|tp| reach(journey, &tp.evidence))
        })
        .collect();
    for (slot, value) in layout.slots[range.clone()]
        .iter()
        .zip(&reaches[range.clone()])
    {
        let Some(value) = value else { continue };
        let text = crate::tr!(i18n, "data-reached", share = format!("{value:.0}"));
        // Astride the card's foot, between the emotion word and the sources.
        let center = Point::new(slot.card.center().x, slot.card.max.y);
        super::pill(out, center, text, size, theme.text, theme.background);
    }
    // The losses between stages, over the curve lane's top.
    let lane = layout.lane(Lane::Emotion).rect;
    if lane.height() < 1.0 {
        return;
    }
    let measured = |stage: &crate::layout::StageBox, last: bool| {
        let mut slots = stage
            .slots
            .clone()
            .filter_map(|i| reaches.get(i).copied().flatten());
        if last {
            slots.next_back()
        } else {
            slots.next()
        }
    };
    for pair in layout.stages.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let shown = a.slots.start.max(b.slots.start.saturating_sub(1));
        if !range.contains(&shown) && !range.contains(&b.slots.start) {
            continue;
        }
        let (Some(before), Some(after)) = (measured(a, true), measured(b, false)) else {
            continue;
        };
        if before <= 0.0 {
            continue;
        }
        let lost = ((before - after) / before * 100.0).max(0.0);
        let text = crate::tr!(i18n, "data-lost", share = format!("{lost:.0}"));
        let width = crate::text::width(&text, size, true) + 10.0;
        let x = a.column.max.x;
        let rect = Rect::from_min_size(x - width / 2.0, lane.min.y + 4.0, width, size * 1.5);
        out.push(Shape::Rect {
            rect,
            radius: 3.0,
            fill: Some(Paint::solid(theme.background)),
            stroke: Some(Line::solid(theme.pain_point, 1.5)),
        });
        out.push(Shape::Text(TextBox {
            pos: Point::new(
                rect.min.x + 5.0,
                rect.min.y + (rect.height() - crate::text::height(1, size)) / 2.0,
            ),
            text,
            size,
            bold: true,
            colour: theme.text,
            max_width: width,
            max_lines: 1,
            align: Align::Left,
        }));
    }
}
