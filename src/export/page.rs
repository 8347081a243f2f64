//! The exported page: a header (title, persona, scenario, state, date) above the map
//! and a legend (channels, emotion scale, grey-area severities, the no-evidence marker)
//! below it, around the shared map layout.

use crate::i18n::I18n;
use crate::layout::{MapLayout, Point, Rect};
use crate::model::{EMOTION_MAX, EMOTION_MIN, Journey, Severity};
use crate::scene::{Align, Line, Paint, Shape, TextBox, text};
use crate::theme::Theme;

pub(super) const MARGIN: f32 = 48.0;
/// The header's title and state lines, before the persona rows.
const HEADER_TOP: f32 = 72.0;
const TEXT_ROW: f32 = 36.0;
/// What each further line adds to a row's height.
const SECOND_LINE: f32 = 18.0;
/// Lines a header row may take (a long scenario).
const ROW_LINES: usize = 4;
/// The header's label column.
const LABEL_WIDTH: f32 = 110.0;
const LIST_ROW: f32 = 38.0;
const LEGEND_GAP: f32 = 36.0;
const LEGEND_HEIGHT: f32 = 180.0;
const MIN_WIDTH: f32 = 1100.0;
const CHANNEL_COLUMN: f32 = 190.0;
const EMOTION_COLUMN: f32 = 200.0;
const GREY_COLUMN: f32 = 180.0;
const MARKERS_COLUMN: f32 = 300.0;

/// Where everything sits on the exported page, in layout units (1 unit = 1 px at 1x).
#[derive(Clone, Debug)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// Where the map's layout origin sits on the page.
    pub map_origin: Point,
    pub layout: MapLayout,
    pub legend: Rect,
    /// How wide the header's text may run (narrower when the legend sits beside it).
    pub header_width: f32,
}

impl Page {
    /// A point of the map layout on the page.
    pub fn on_page(&self, p: Point) -> Point {
        Point::new(self.map_origin.x + p.x, self.map_origin.y + p.y)
    }
}

/// The page of the timeline.
pub fn page(journey: &Journey, theme: &Theme) -> Page {
    page_with(journey, crate::layout::layout(journey, &theme.metrics))
}

/// The page around a map laid out in any arrangement.
pub fn page_with(journey: &Journey, layout: MapLayout) -> Page {
    let width = (layout.bounds.width() + 2.0 * MARGIN).max(MIN_WIDTH);
    let map_origin = Point::new(
        MARGIN,
        MARGIN + header_height(journey, width - 2.0 * MARGIN),
    );
    let legend_top = map_origin.y + layout.bounds.height() + LEGEND_GAP;
    let legend = Rect::from_min_size(
        MARGIN,
        legend_top,
        width - 2.0 * MARGIN,
        legend_height(journey),
    );
    Page {
        width,
        height: legend.max.y + MARGIN,
        map_origin,
        layout,
        legend,
        header_width: width - 2.0 * MARGIN,
    }
}

/// The page of a poster: the legend beside the title block when the page is wide
/// enough for both, so the map gets the sheet's height.
pub fn poster_page(journey: &Journey, layout: MapLayout) -> Page {
    let page = page_with(journey, layout);
    let legend_width = legend_width(journey);
    let header_width = page.width - 2.0 * MARGIN - legend_width - LEGEND_GAP;
    if header_width < 560.0 {
        return page;
    }
    let header = header_height(journey, header_width).max(legend_height(journey) + 24.0);
    let map_origin = Point::new(MARGIN, MARGIN + header);
    let legend = Rect::from_min_size(
        page.width - MARGIN - legend_width,
        MARGIN + 8.0,
        legend_width,
        legend_height(journey),
    );
    Page {
        height: map_origin.y + page.layout.bounds.height() + MARGIN,
        map_origin,
        legend,
        header_width,
        ..page
    }
}

/// The legend's height: room for the emotion scale and the extra curves under it.
fn legend_height(journey: &Journey) -> f32 {
    LEGEND_HEIGHT.max(24.0 + (5 + journey.curves.len()) as f32 * 20.0 + 10.0)
}

/// The channels the legend lists: those the map uses.
fn used_channels(journey: &Journey) -> Vec<&crate::model::Channel> {
    let used: std::collections::HashSet<&crate::model::ChannelId> = journey
        .touchpoints
        .iter()
        .filter_map(|t| t.channel.as_ref())
        .chain(journey.grey_areas.iter().flat_map(|g| &g.channels))
        .collect();
    journey
        .channels
        .iter()
        .filter(|c| used.contains(&c.id))
        .collect()
}

/// The legend's width: its channel columns, emotion, grey areas and markers.
fn legend_width(journey: &Journey) -> f32 {
    used_channels(journey).len().div_ceil(5).max(1) as f32 * CHANNEL_COLUMN
        + 30.0
        + EMOTION_COLUMN
        + GREY_COLUMN
        + MARKERS_COLUMN
}

/// The persona's lists as header rows: (label id, items joined).
fn persona_lists(journey: &Journey) -> Vec<(&'static str, String)> {
    let persona = &journey.persona;
    [
        ("field-goals", &persona.goals),
        ("field-needs", &persona.needs),
        ("field-expectations", &persona.expectations),
    ]
    .into_iter()
    .filter(|(_, items)| items.iter().any(|i| !i.trim().is_empty()))
    .map(|(label, items)| (label, items.join(" · ")))
    .collect()
}

/// The header's rows under the title: persona and scenario, then the persona's lists;
/// each a label, its text and the height it takes in `width` (a second line adds one).
fn header_rows(journey: &Journey, width: f32) -> Vec<(&'static str, String, f32)> {
    [
        ("export-persona", persona_line(journey), TEXT_ROW),
        ("export-scenario", journey.scenario.clone(), TEXT_ROW),
    ]
    .into_iter()
    .filter(|(_, value, _)| !value.is_empty())
    .chain(
        persona_lists(journey)
            .into_iter()
            .map(|(label, items)| (label, items, LIST_ROW)),
    )
    .map(|(label, value, height)| {
        let lines = super::text::wrap(&value, 14.0, false, width - LABEL_WIDTH, ROW_LINES).len();
        (
            label,
            value,
            height + lines.saturating_sub(1) as f32 * SECOND_LINE,
        )
    })
    .collect()
}

/// Room for the title, state, persona, scenario and the persona's lists in `width`.
fn header_height(journey: &Journey, width: f32) -> f32 {
    let rows: f32 = header_rows(journey, width).iter().map(|(_, _, h)| h).sum();
    (HEADER_TOP + rows + 12.0).max(150.0)
}

pub fn header(journey: &Journey, page: &Page, theme: &Theme, i18n: &I18n) -> Vec<Shape> {
    let width = page.header_width;
    let mut out = Vec::new();
    let mut y = MARGIN;
    out.push(text(
        Point::new(MARGIN, y),
        journey.title.clone(),
        30.0,
        true,
        theme.text,
        width,
        1,
    ));
    y += 46.0;
    let state = i18n.term("state", journey.state.key());
    let meta = if journey.date.is_empty() {
        state
    } else {
        format!("{state} · {}", journey.date)
    };
    out.push(text(
        Point::new(MARGIN, y),
        meta,
        14.0,
        true,
        theme.text_muted,
        width,
        1,
    ));
    y += 26.0;
    let label_width = LABEL_WIDTH;
    // Persona and scenario, then the persona's lists: a label and up to four lines each.
    for (label, value, height) in header_rows(journey, width) {
        out.push(text(
            Point::new(MARGIN, y),
            i18n.tr(label),
            14.0,
            true,
            theme.text,
            label_width,
            1,
        ));
        out.push(text(
            Point::new(MARGIN + label_width, y),
            value,
            14.0,
            false,
            theme.text,
            width - label_width,
            ROW_LINES,
        ));
        y += height;
    }
    out
}

fn persona_line(journey: &Journey) -> String {
    match (
        journey.persona.name.as_str(),
        journey.persona.description.as_str(),
    ) {
        ("", d) => d.to_owned(),
        (n, "") => n.to_owned(),
        (n, d) => format!("{n} — {d}"),
    }
}

pub fn legend(journey: &Journey, page: &Page, theme: &Theme, i18n: &I18n) -> Vec<Shape> {
    let mut out = Vec::new();
    let top = page.legend.min.y;
    // Under the map, a rule above it; beside the title block, none.
    if top > page.map_origin.y {
        let rule = vec![
            Point::new(page.legend.min.x, top - LEGEND_GAP / 2.0),
            Point::new(page.legend.max.x, top - LEGEND_GAP / 2.0),
        ];
        out.push(Shape::Polyline {
            points: rule,
            line: Line::solid(theme.lane_rule, 1.0),
        });
    }
    let heading = |out: &mut Vec<Shape>, x: f32, id: &str| {
        out.push(text(
            Point::new(x, top),
            i18n.tr(id),
            13.0,
            true,
            theme.text,
            240.0,
            1,
        ));
    };
    let row = 20.0;
    let mut x = page.legend.min.x;

    // The channels the map uses, in columns of five, full names wrapped on two lines.
    heading(&mut out, x, "export-legend-channels");
    let channels = used_channels(journey);
    let channel_row = 29.0;
    for (i, channel) in channels.iter().enumerate() {
        let (column, line) = (i / 5, i % 5);
        let pos = Point::new(
            x + column as f32 * CHANNEL_COLUMN,
            top + 24.0 + line as f32 * channel_row,
        );
        let swatch = Rect::from_min_size(pos.x, pos.y + 2.0, 22.0, 10.0);
        out.push(Shape::Rect {
            rect: swatch,
            radius: 2.0,
            fill: Some(Paint::solid(channel.colour)),
            stroke: None,
        });
        let name = legend_channel_name(channel, i18n);
        out.push(text(
            Point::new(pos.x + 30.0, pos.y),
            name,
            theme.small_size,
            false,
            theme.text,
            150.0,
            2,
        ));
    }
    x += channels.len().div_ceil(5).max(1) as f32 * CHANNEL_COLUMN + 30.0;

    // Emotion scale.
    heading(&mut out, x, "export-legend-emotion");
    for (line, score) in (EMOTION_MIN..=EMOTION_MAX).rev().enumerate() {
        let pos = Point::new(x, top + 24.0 + line as f32 * row);
        let center = Point::new(pos.x + 7.0, pos.y + 7.0);
        out.push(Shape::Circle {
            center,
            radius: 6.0,
            fill: Some(Paint::solid(theme.emotion_colour(score))),
            stroke: None,
        });
        let label =
            format!("{score:+} {}", i18n.tr(&format!("emotion-score-{score}"))).replace("+0", "0");
        out.push(text(
            Point::new(pos.x + 20.0, pos.y),
            label,
            theme.small_size,
            false,
            theme.text,
            150.0,
            1,
        ));
    }
    // The extra curves, under the emotion scale: a dashed line in each one's colour.
    for (i, curve) in journey.curves.iter().enumerate() {
        let y = top + 24.0 + (5 + i) as f32 * row;
        out.push(Shape::Polyline {
            points: vec![Point::new(x, y + 7.0), Point::new(x + 16.0, y + 7.0)],
            line: Line::dashed(curve.colour, 2.5, 5.0, 3.0),
        });
        out.push(text(
            Point::new(x + 20.0, y),
            curve.name.clone(),
            theme.small_size,
            false,
            theme.text,
            EMOTION_COLUMN - 30.0,
            1,
        ));
    }
    x += EMOTION_COLUMN;

    // Grey-area severities.
    heading(&mut out, x, "export-legend-grey-areas");
    for (line, severity) in Severity::ALL.iter().enumerate() {
        let pos = Point::new(x, top + 24.0 + line as f32 * row);
        let swatch = Rect::from_min_size(pos.x, pos.y, 22.0, 14.0);
        let colour = theme.grey_area_fill(*severity);
        out.push(Shape::Rect {
            rect: swatch,
            radius: 2.0,
            fill: Some(Paint::faded(colour, 0.28)),
            stroke: None,
        });
        out.push(Shape::Hatch {
            rect: swatch,
            line: Line {
                paint: Paint::faded(colour, 0.55),
                width: 2.0,
                dash: None,
            },
            spacing: theme.grey_area_hatch(*severity),
        });
        out.push(Shape::Rect {
            rect: swatch,
            radius: 2.0,
            fill: None,
            stroke: Some(Line::solid(colour, 1.5)),
        });
        out.push(text(
            Point::new(pos.x + 30.0, pos.y),
            i18n.term("severity", severity.key()),
            theme.small_size,
            false,
            theme.text,
            150.0,
            1,
        ));
    }
    x += GREY_COLUMN;

    // Markers: no evidence, moment of truth, lowest emotion.
    heading(&mut out, x, "export-legend-markers");
    let pos = Point::new(x, top + 24.0);
    let card = Rect::from_min_size(pos.x, pos.y, 30.0, 16.0);
    out.push(Shape::Rect {
        rect: card,
        radius: 3.0,
        fill: Some(Paint::solid(theme.card_fill)),
        stroke: Some(Line::dashed(theme.no_evidence, 2.0, 4.0, 3.0)),
    });
    out.push(text(
        Point::new(pos.x + 40.0, pos.y + 1.0),
        i18n.tr("export-legend-assumption"),
        theme.small_size,
        false,
        theme.text,
        260.0,
        1,
    ));
    let star = Point::new(pos.x + 8.0, pos.y + row + 2.0);
    out.push(Shape::Text(TextBox {
        pos: star,
        text: "★".to_owned(),
        size: 14.0,
        bold: false,
        colour: theme.key_moment,
        max_width: 20.0,
        max_lines: 1,
        align: Align::Left,
    }));
    out.push(text(
        Point::new(pos.x + 40.0, pos.y + row + 2.0),
        i18n.tr("field-key-moment"),
        theme.small_size,
        false,
        theme.text,
        260.0,
        1,
    ));
    let low = Point::new(pos.x + 12.0, pos.y + 2.0 * row + 9.0);
    out.push(Shape::Circle {
        center: low,
        radius: 8.0,
        fill: None,
        stroke: Some(Line::solid(theme.emotion_low_marker, 2.0)),
    });
    out.push(Shape::Circle {
        center: low,
        radius: 4.0,
        fill: Some(Paint::solid(theme.emotion_colour(EMOTION_MIN))),
        stroke: None,
    });
    out.push(text(
        Point::new(pos.x + 40.0, pos.y + 2.0 * row + 2.0),
        i18n.tr("export-legend-lowest"),
        theme.small_size,
        false,
        theme.text,
        260.0,
        1,
    ));
    // Planned vs actual: the deviations the map marks.
    let used: Vec<crate::model::Deviation> = crate::model::Deviation::ALL
        .iter()
        .copied()
        .filter(|d| journey.touchpoints.iter().any(|t| t.deviation == Some(*d)))
        .collect();
    for (i, deviation) in used.into_iter().enumerate() {
        let y = pos.y + (3 + i) as f32 * row + 2.0;
        let colour = crate::scene::deviation_colour(theme, deviation);
        let glyph = Rect::from_min_size(pos.x, y, 30.0, 14.0);
        out.push(Shape::Rect {
            rect: glyph,
            radius: 3.0,
            fill: None,
            stroke: Some(Line::dashed(colour, 2.0, 4.0, 2.0)),
        });
        out.push(text(
            Point::new(pos.x + 40.0, y),
            format!(
                "{}: {}",
                i18n.tr("export-legend-deviations"),
                i18n.term("deviation", deviation.key())
            ),
            theme.small_size,
            false,
            theme.text,
            260.0,
            1,
        ));
    }
    out
}

/// A channel as the legend names it: its name, and its kind in brackets only where the
/// kind adds something ("Courier (Partner)", not "Mobile app (Mobile app)" or
/// "SMS (Other)").
pub fn legend_channel_name(channel: &crate::model::Channel, i18n: &I18n) -> String {
    let kind = i18n.term("channel-kind", channel.kind.key());
    let name = channel.name.trim();
    let repeats = name.to_lowercase().contains(&kind.to_lowercase());
    if channel.kind == crate::model::ChannelKind::Other || repeats {
        name.to_owned()
    } else {
        format!("{name} ({kind})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, ChannelKind, Language, Rgb};

    #[test]
    fn the_legend_names_a_channels_kind_only_when_it_adds_something() {
        let i18n = I18n::new(Language::En);
        let channel = |name: &str, kind| Channel {
            id: "c".into(),
            name: name.into(),
            kind,
            colour: Rgb::hex(0),
        };
        let name = |name, kind| legend_channel_name(&channel(name, kind), &i18n);
        assert_eq!(name("Mobile app", ChannelKind::MobileApp), "Mobile app");
        assert_eq!(name("SMS", ChannelKind::Other), "SMS");
        assert_eq!(
            name("Telenor app", ChannelKind::MobileApp),
            "Telenor app (Mobile app)"
        );
        assert_eq!(name("Courier", ChannelKind::Partner), "Courier (Partner)");
        assert_eq!(name("Web shop", ChannelKind::Web), "Web shop");
    }
}
