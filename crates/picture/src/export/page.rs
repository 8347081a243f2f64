//! The exported page, composed once into one display list: a title block (title,
//! state and date, persona, scenario, the persona's lists) above the map, and a legend
//! (channels, emotion scale and curves, grey-area severities, markers, the evidence
//! lane) below it or beside the title block, around the shared map layout. Every text
//! is whole and measured by the text engine: the blocks are as high as their words.

use crate::i18n::I18n;
use crate::layout::{MapLayout, Point, Rect};
use crate::model::{Deviation, EMOTION_MAX, EMOTION_MIN, Journey, Severity};
use crate::scene::{Align, Line, Paint, Shape, TextBox, allowed};
use crate::text;
use crate::theme::Theme;

pub(super) const MARGIN: f32 = 48.0;
/// The title block's label column.
const LABEL_WIDTH: f32 = 110.0;
const LEGEND_GAP: f32 = 36.0;
const MIN_WIDTH: f32 = 1100.0;
const CHANNEL_COLUMN: f32 = 190.0;
const EMOTION_COLUMN: f32 = 200.0;
const GREY_COLUMN: f32 = 180.0;
const MARKERS_COLUMN: f32 = 300.0;
/// Channels a legend column lists.
const CHANNELS_PER_COLUMN: usize = 5;
/// The title's size on a page at 1x (a poster sets its own, to the sheet).
pub const TITLE_SIZE: f32 = 30.0;
const HEADER_SIZE: f32 = 14.0;
const LEGEND_HEADING: f32 = 13.0;

/// Where everything sits on the exported page, in layout units (1 unit = 1 px at 1x).
#[derive(Clone, Debug)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// Where the map's layout origin sits on the page.
    pub map_origin: Point,
    pub layout: MapLayout,
    pub legend: Rect,
    /// The references list (the sources of the evidence the map cites), under the
    /// legend; empty when the map cites none.
    pub references: Rect,
    /// How wide the title block's text may run (narrower when the legend sits beside
    /// it).
    pub header_width: f32,
    /// The title's type size, in units.
    pub title_size: f32,
}

impl Page {
    /// A point of the map layout on the page.
    pub fn on_page(&self, p: Point) -> Point {
        Point::new(self.map_origin.x + p.x, self.map_origin.y + p.y)
    }
}

/// The page around a map laid out in any arrangement.
pub fn page_with(journey: &Journey, layout: MapLayout, theme: &Theme, i18n: &I18n) -> Page {
    page_titled(journey, layout, TITLE_SIZE, theme, i18n)
}

/// The page around a map, its title `title_size` units.
fn page_titled(
    journey: &Journey,
    layout: MapLayout,
    title_size: f32,
    theme: &Theme,
    i18n: &I18n,
) -> Page {
    // Whole units, so a picture at 1x fills its last row and column of pixels.
    let width = (layout.bounds.width() + 2.0 * MARGIN).max(MIN_WIDTH).ceil();
    let header_width = width - 2.0 * MARGIN;
    let (_, header_height) = header(journey, header_width, title_size, theme, i18n);
    let map_origin = Point::new(MARGIN, MARGIN + header_height);
    let legend_top = map_origin.y + layout.bounds.height() + LEGEND_GAP;
    let (_, legend_height) = legend_at(
        journey,
        &layout,
        Point::new(MARGIN, legend_top),
        theme,
        i18n,
    );
    let legend = Rect::from_min_size(MARGIN, legend_top, width - 2.0 * MARGIN, legend_height);
    let references = references_below(journey, &layout, legend.max.y, width, theme, i18n);
    Page {
        width,
        height: (legend.max.y.max(references.max.y) + MARGIN).ceil(),
        map_origin,
        layout,
        legend,
        references,
        header_width,
        title_size,
    }
}

/// Where the references list goes under `top` on a page `width` wide (no height when
/// the map cites nothing).
fn references_below(
    journey: &Journey,
    layout: &MapLayout,
    top: f32,
    width: f32,
    theme: &Theme,
    i18n: &I18n,
) -> Rect {
    let numbers = page_numbers(journey, layout);
    if numbers.cited.is_empty() {
        return Rect::from_min_size(MARGIN, top, width - 2.0 * MARGIN, 0.0);
    }
    let at = Point::new(MARGIN, top + LEGEND_GAP);
    let (_, height) = references_at(&numbers, at, width - 2.0 * MARGIN, theme, i18n);
    Rect::from_min_size(at.x, at.y, width - 2.0 * MARGIN, height)
}

/// The numbers a page's map shows: grey areas always; the evidence it cites when it
/// draws the evidence lane.
pub fn page_numbers<'a>(journey: &'a Journey, layout: &MapLayout) -> crate::scene::Numbers<'a> {
    let cites = layout
        .lanes
        .iter()
        .any(|l| l.lane == crate::layout::Lane::Evidence);
    if cites {
        crate::scene::Numbers::of(journey)
    } else {
        crate::scene::Numbers::grey_areas_of(journey)
    }
}

/// One reference as the list gives it: "[3] Source · kind · date · n = 540".
pub fn reference_line(number: usize, e: &crate::model::Evidence, i18n: &I18n) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !e.source.trim().is_empty() {
        parts.push(e.source.trim().to_owned());
    }
    parts.push(i18n.term("evidence-kind", e.kind.key()));
    if !e.date.trim().is_empty() {
        parts.push(e.date.trim().to_owned());
    }
    if let Some(n) = e.metrics.iter().filter_map(|m| m.sample_size).max() {
        parts.push(format!("n = {n}"));
    }
    if e.confidence != crate::model::Confidence::Observed {
        parts.push(i18n.term("confidence", e.confidence.key()).to_lowercase());
    }
    format!("[{number}] {}", parts.join(" · "))
}

/// The references list at `at`, `width` wide: a heading, then every cited item in
/// number order, down columns of about 420 units. Returns the shapes and their height.
pub fn references_at(
    numbers: &crate::scene::Numbers<'_>,
    at: Point,
    width: f32,
    theme: &Theme,
    i18n: &I18n,
) -> (Vec<Shape>, f32) {
    references_from(&numbers.cited, 1, at, width, theme, i18n)
}

/// `items` of the references list, the first numbered `first`, under a heading.
pub fn references_from(
    items: &[&crate::model::Evidence],
    first: usize,
    at: Point,
    width: f32,
    theme: &Theme,
    i18n: &I18n,
) -> (Vec<Shape>, f32) {
    let mut out = Vec::new();
    if items.is_empty() {
        return (out, 0.0);
    }
    let size = theme.small_size;
    let (heading, heading_height) = words(
        at,
        i18n.tr("export-references"),
        LEGEND_HEADING.max(theme.small_size),
        true,
        theme.text,
        width,
    );
    out.push(heading);
    let top = at.y + heading_height + 8.0;
    let columns = ((width / 420.0).floor() as usize).clamp(1, 6);
    let column_width = width / columns as f32;
    let per_column = items.len().div_ceil(columns);
    let mut bottom = top;
    for (column, chunk) in items.chunks(per_column).enumerate() {
        let x = at.x + column as f32 * column_width;
        let mut y = top;
        for (k, e) in chunk.iter().enumerate() {
            let number = first + column * per_column + k;
            let (shape, height) = words(
                Point::new(x, y),
                reference_line(number, e, i18n),
                size,
                false,
                theme.text,
                column_width - 24.0,
            );
            out.push(shape);
            y += height + 4.0;
        }
        bottom = bottom.max(y);
    }
    (out, bottom - at.y)
}

/// The page of a poster: the legend beside the title block when the page is wide
/// enough for both, so the map gets the sheet's height; the title `title_size` units.
pub fn poster_page(
    journey: &Journey,
    layout: MapLayout,
    title_size: f32,
    theme: &Theme,
    i18n: &I18n,
) -> Page {
    let page = page_titled(journey, layout, title_size, theme, i18n);
    let legend_width = legend_width(journey);
    let header_width = page.width - 2.0 * MARGIN - legend_width - LEGEND_GAP;
    if header_width < 560.0 {
        return page;
    }
    let (_, header_height) = header(journey, header_width, title_size, theme, i18n);
    let legend_left = page.width - MARGIN - legend_width;
    let (_, legend_height) = legend_at(
        journey,
        &page.layout,
        Point::new(legend_left, MARGIN + 8.0),
        theme,
        i18n,
    );
    let map_origin = Point::new(MARGIN, MARGIN + header_height.max(legend_height + 24.0));
    let references = references_below(
        journey,
        &page.layout,
        map_origin.y + page.layout.bounds.height(),
        page.width,
        theme,
        i18n,
    );
    let map_bottom = map_origin.y + page.layout.bounds.height();
    Page {
        height: (map_bottom.max(references.max.y) + MARGIN).ceil(),
        references,
        map_origin,
        legend: Rect::from_min_size(legend_left, MARGIN + 8.0, legend_width, legend_height),
        header_width,
        title_size,
        ..page
    }
}

/// The whole page as one display list: title block, the map placed at its origin, the
/// legend.
pub fn compose(journey: &Journey, page: &Page, theme: &Theme, i18n: &I18n) -> Vec<Shape> {
    let (mut shapes, _) = header(journey, page.header_width, page.title_size, theme, i18n);
    let numbers = page_numbers(journey, &page.layout);
    let map = crate::scene::map(journey, &page.layout, &numbers, theme, i18n);
    let origin = page.map_origin;
    shapes.extend(map.iter().map(|s| s.placed(origin.x, origin.y, 1.0)));
    // Under the map, a rule above the legend; beside the title block, none.
    if page.legend.min.y > page.map_origin.y {
        let y = page.legend.min.y - LEGEND_GAP / 2.0;
        shapes.push(Shape::Polyline {
            points: vec![
                Point::new(page.legend.min.x, y),
                Point::new(page.legend.max.x, y),
            ],
            line: Line::solid(theme.lane_rule, 1.0),
        });
    }
    let (legend, _) = legend_at(journey, &page.layout, page.legend.min, theme, i18n);
    shapes.extend(legend);
    if page.references.height() > 0.0 {
        let (references, _) = references_at(
            &numbers,
            page.references.min,
            page.references.width(),
            theme,
            i18n,
        );
        shapes.extend(references);
    }
    shapes
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
    used_channels(journey)
        .len()
        .div_ceil(CHANNELS_PER_COLUMN)
        .max(1) as f32
        * CHANNEL_COLUMN
        + 30.0
        + EMOTION_COLUMN
        + GREY_COLUMN
        + MARKERS_COLUMN
}

/// The persona's lists as title-block rows: (label id, items joined).
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

/// A text box and the height its lines take.
fn words(
    pos: Point,
    value: String,
    size: f32,
    bold: bool,
    colour: crate::model::Rgb,
    width: f32,
) -> (Shape, f32) {
    let boxed = TextBox {
        pos,
        max_lines: allowed(&value, usize::MAX),
        text: value,
        size,
        bold,
        colour,
        max_width: width,
        align: Align::Left,
    };
    let height = text::height(boxed.lines().len(), size);
    (Shape::Text(boxed), height)
}

/// The title block in `width`: the title (wrapped), state and date, then persona,
/// scenario and the persona's lists, each a label and its whole text. Returns its
/// shapes and its height.
/// What a reader should take away first, a line each: the three most severe grey
/// areas (by number on the map) and the lowest moment on the curve.
pub fn key_insights(journey: &Journey, i18n: &I18n) -> String {
    let numbers = journey.grey_area_numbers();
    let mut greys: Vec<(&crate::model::GreyArea, usize)> = journey
        .grey_areas
        .iter()
        .zip(numbers.iter().copied())
        .collect();
    greys.sort_by_key(|(g, n)| (std::cmp::Reverse(g.severity), *n));
    let stage_of = |end: &crate::model::End| {
        journey
            .end_stage(end)
            .map(|s| i18n.stage_name(journey, s))
            .unwrap_or_default()
    };
    let mut lines: Vec<String> = greys
        .iter()
        .take(3)
        .map(|(g, n)| {
            crate::tr!(
                i18n,
                "insight-grey",
                number = *n,
                title = crate::words::grey_area_title(journey, g, i18n),
                severity = i18n.term("severity", g.severity.key()).to_lowercase(),
                stage = stage_of(&g.from)
            )
        })
        .collect();
    let lowest = journey
        .touchpoints
        .iter()
        .filter_map(|t| Some((t.emotion_score()?, t)))
        .filter(|(score, _)| *score < 0)
        .min_by_key(|(score, _)| *score);
    if let Some((score, t)) = lowest {
        lines.push(crate::tr!(
            i18n,
            "insight-low",
            title = t.title.trim(),
            score = format!("\u{2212}{}", -score),
            stage = i18n.stage_name(journey, t.stage)
        ));
    }
    lines.join("\n")
}

pub fn header(
    journey: &Journey,
    width: f32,
    title_size: f32,
    theme: &Theme,
    i18n: &I18n,
) -> (Vec<Shape>, f32) {
    let mut out = Vec::new();
    let mut y = MARGIN;
    let (title, height) = words(
        Point::new(MARGIN, y),
        journey.title.clone(),
        title_size,
        true,
        theme.text,
        width,
    );
    out.push(title);
    y += height + 10.0;
    let state = i18n.term("state", journey.state.key());
    let meta = if journey.date.is_empty() {
        state
    } else {
        format!("{state} · {}", journey.date)
    };
    let (shape, height) = words(
        Point::new(MARGIN, y),
        meta,
        HEADER_SIZE,
        true,
        theme.text_muted,
        width,
    );
    out.push(shape);
    y += height + 10.0;
    let rows = [
        ("export-persona", persona_line(journey)),
        ("export-scenario", journey.scenario.clone()),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .chain(persona_lists(journey))
    .chain(
        Some(("export-key-insights", key_insights(journey, i18n))).filter(|(_, v)| !v.is_empty()),
    );
    for (label, value) in rows {
        let (label, label_height) = words(
            Point::new(MARGIN, y),
            i18n.tr(label),
            HEADER_SIZE,
            true,
            theme.text,
            LABEL_WIDTH - 10.0,
        );
        out.push(label);
        let (value, value_height) = words(
            Point::new(MARGIN + LABEL_WIDTH, y),
            value,
            HEADER_SIZE,
            false,
            theme.text,
            width - LABEL_WIDTH,
        );
        out.push(value);
        y += label_height.max(value_height) + 8.0;
    }
    (out, y - MARGIN + 16.0)
}

/// The legend from `at`: one column each for the channels (as many columns as they
/// need), the emotion scale and curves, the grey areas, the markers. Every entry is
/// whole and the next starts below it. Returns its shapes and its height.
pub fn legend_at(
    journey: &Journey,
    layout: &MapLayout,
    at: Point,
    theme: &Theme,
    i18n: &I18n,
) -> (Vec<Shape>, f32) {
    let mut out = Vec::new();
    let small = theme.small_size;
    let top = at.y;
    let entry_top = top + text::height(1, LEGEND_HEADING) + 8.0;
    let heading = |out: &mut Vec<Shape>, x: f32, id: &str, width: f32| {
        let (shape, _) = words(
            Point::new(x, top),
            i18n.tr(id),
            LEGEND_HEADING,
            true,
            theme.text,
            width,
        );
        out.push(shape);
    };
    let mut bottom = entry_top;
    let mut x = at.x;

    // The channels the map uses, in columns of five, full names wrapped.
    heading(&mut out, x, "export-legend-channels", CHANNEL_COLUMN - 10.0);
    let channels = used_channels(journey);
    for (column, chunk) in channels.chunks(CHANNELS_PER_COLUMN).enumerate() {
        let left = x + column as f32 * CHANNEL_COLUMN;
        let mut y = entry_top;
        for channel in chunk {
            // The chip every card carries: the kind's icon on the channel's colour.
            let side = crate::scene::icon_chip(small).min(20.0);
            crate::scene::channel_chip(&mut out, Point::new(left, y - 1.0), side, channel, theme);
            let (name, height) = words(
                Point::new(left + 30.0, y),
                legend_channel_name(channel, i18n),
                small,
                false,
                theme.text,
                CHANNEL_COLUMN - 40.0,
            );
            out.push(name);
            y += height.max(side) + 6.0;
        }
        bottom = bottom.max(y);
    }
    x += channels.len().div_ceil(CHANNELS_PER_COLUMN).max(1) as f32 * CHANNEL_COLUMN + 30.0;

    // The emotion scale, then the extra curves: a dashed line in each one's colour.
    heading(&mut out, x, "export-legend-emotion", EMOTION_COLUMN - 10.0);
    let mut y = entry_top;
    for score in (EMOTION_MIN..=EMOTION_MAX).rev() {
        out.push(Shape::Circle {
            center: Point::new(x + 7.0, y + 7.0),
            radius: 6.0,
            fill: Some(Paint::solid(theme.emotion_colour(score))),
            stroke: None,
        });
        let label =
            format!("{score:+} {}", i18n.tr(&format!("emotion-score-{score}"))).replace("+0", "0");
        let (shape, height) = words(
            Point::new(x + 20.0, y),
            label,
            small,
            false,
            theme.text,
            EMOTION_COLUMN - 30.0,
        );
        out.push(shape);
        y += height.max(14.0) + 5.0;
    }
    for curve in &journey.curves {
        out.push(Shape::Polyline {
            points: vec![Point::new(x, y + 7.0), Point::new(x + 16.0, y + 7.0)],
            line: Line::dashed(curve.colour, 2.5, 5.0, 3.0),
        });
        let (shape, height) = words(
            Point::new(x + 20.0, y),
            curve.name.clone(),
            small,
            false,
            theme.text,
            EMOTION_COLUMN - 30.0,
        );
        out.push(shape);
        y += height.max(14.0) + 5.0;
    }
    bottom = bottom.max(y);
    x += EMOTION_COLUMN;

    // Grey-area severities.
    heading(&mut out, x, "export-legend-grey-areas", GREY_COLUMN - 10.0);
    let mut y = entry_top;
    for severity in Severity::ALL {
        let swatch = Rect::from_min_size(x, y, 22.0, 14.0);
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
        let (shape, height) = words(
            Point::new(x + 30.0, y),
            i18n.term("severity", severity.key()),
            small,
            false,
            theme.text,
            GREY_COLUMN - 40.0,
        );
        out.push(shape);
        y += height.max(14.0) + 6.0;
    }
    bottom = bottom.max(y);
    x += GREY_COLUMN;

    // Markers: no evidence, moment of truth, lowest emotion, deviations, the evidence
    // lane.
    heading(&mut out, x, "export-legend-markers", MARKERS_COLUMN - 10.0);
    let mut y = entry_top;
    let label_x = x + 40.0;
    let label_width = MARKERS_COLUMN - 50.0;
    let entry = |out: &mut Vec<Shape>, y: &mut f32, value: String| {
        let (shape, height) = words(
            Point::new(label_x, *y),
            value,
            small,
            false,
            theme.text,
            label_width,
        );
        out.push(shape);
        *y += height.max(16.0) + 6.0;
    };
    out.push(Shape::Rect {
        rect: Rect::from_min_size(x, y, 30.0, 16.0),
        radius: 3.0,
        fill: Some(Paint::solid(theme.card_fill)),
        stroke: Some(Line::dashed(theme.no_evidence, 2.0, 4.0, 3.0)),
    });
    entry(&mut out, &mut y, i18n.tr("export-legend-assumption"));
    out.push(Shape::Text(TextBox {
        pos: Point::new(x + 8.0, y),
        text: "★".to_owned(),
        size: 14.0,
        bold: false,
        colour: theme.key_moment,
        max_width: 20.0,
        max_lines: 1,
        align: Align::Left,
    }));
    entry(&mut out, &mut y, i18n.tr("field-key-moment"));
    let low = Point::new(x + 12.0, y + 8.0);
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
    entry(&mut out, &mut y, i18n.tr("export-legend-lowest"));
    // Planned vs actual: the planned path and the deviations the map marks.
    if journey.touchpoints.iter().any(|t| t.deviation.is_some()) {
        out.push(Shape::Polyline {
            points: vec![Point::new(x, y + 7.0), Point::new(x + 30.0, y + 7.0)],
            line: Line::solid(theme.text_muted, 2.0),
        });
        entry(&mut out, &mut y, i18n.tr("export-legend-planned-path"));
    }
    for deviation in Deviation::ALL
        .iter()
        .copied()
        .filter(|d| journey.touchpoints.iter().any(|t| t.deviation == Some(*d)))
    {
        let colour = crate::scene::deviation_colour(theme, deviation);
        out.push(Shape::Rect {
            rect: Rect::from_min_size(x, y, 30.0, 14.0),
            radius: 3.0,
            fill: None,
            stroke: Some(Line::dashed(colour, 2.0, 4.0, 2.0)),
        });
        entry(
            &mut out,
            &mut y,
            format!(
                "{}: {}",
                i18n.tr("export-legend-deviations"),
                i18n.term("deviation", deviation.key())
            ),
        );
    }
    // The evidence lane, where the map draws it.
    if layout.slots.iter().any(|s| s.evidence.height() > 1.0) {
        out.push(Shape::Text(TextBox {
            pos: Point::new(x + 4.0, y),
            text: "“ ”".to_owned(),
            size: 14.0,
            bold: true,
            colour: theme.text_muted,
            max_width: 30.0,
            max_lines: 1,
            align: Align::Left,
        }));
        entry(&mut out, &mut y, i18n.tr("export-legend-evidence"));
    }
    bottom = bottom.max(y);
    (out, bottom - top)
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
