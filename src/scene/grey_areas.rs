//! Grey areas on the map: bands between neighbours, brackets between non-neighbours,
//! and each one's callout with its words.

use super::{Align, Line, Paint, Shape, TextBox, text};
use crate::i18n::I18n;
use crate::layout::{MapLayout, Point, Rect};
use crate::model::Journey;
use crate::theme::Theme;

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
    let title = grey_area_title(journey, grey, i18n);
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

/// A grey area's title, or "From card → To card" when it has none.
pub fn grey_area_title(journey: &Journey, grey: &crate::model::GreyArea, i18n: &I18n) -> String {
    if !grey.title.trim().is_empty() {
        return grey.title.clone();
    }
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
}
