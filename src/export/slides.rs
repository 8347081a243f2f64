//! Slides: a 16:9 deck for presenting a journey, 1920 × 1080 units a page. First an
//! overview (the emotion curve across the six stages with its lowest moments named,
//! and the grey areas ranked by severity), then a page per stage that has touchpoints:
//! its notes, its cards drawn larger than on the map, and the grey areas that touch it.
//! A stage with more cards than a page holds continues on the next. No text is smaller
//! than 18 units (18 px on a 1920 × 1080 screen).

use super::svg::SvgWriter;
use super::{ExportOptions, smallest_text};
use crate::i18n::I18n;
use crate::layout::{Point, Rect, Slot};
use crate::model::{EMOTION_MAX, GreyArea, Journey, Stage};
use crate::scene::{Line, Paint, Shape, text};
use crate::theme::Theme;

pub const SLIDE_WIDTH: f32 = 1920.0;
pub const SLIDE_HEIGHT: f32 = 1080.0;
/// The smallest text on a slide.
pub const SLIDE_MIN_TEXT: f32 = 18.0;
const MARGIN: f32 = 80.0;
const CONTENT_WIDTH: f32 = SLIDE_WIDTH - 2.0 * MARGIN;
/// The footer's top: the journey's title and the page number.
const FOOTER_TOP: f32 = SLIDE_HEIGHT - 56.0;
const ROW_GAP: f32 = 12.0;
/// Cards on a stage's page are drawn at most this much larger than on the map.
const MAX_CARD_SCALE: f32 = 2.4;
/// Grey areas listed on a stage's page, at most (the rest are counted).
const STAGE_GREY_ROWS: usize = 4;

/// A stage page's cards: scene shapes in card units, drawn `scale` times larger from
/// `top`.
struct CardGrid {
    top: f32,
    scale: f32,
    shapes: Vec<Shape>,
}

/// The deck's pages as SVG documents.
pub fn slides(journey: &Journey, options: &ExportOptions) -> Vec<String> {
    let theme = super::export_theme(options);
    let i18n = I18n::new(journey.language);
    let mut pages: Vec<Vec<Shape>> = Vec::new();
    let mut cards: Vec<Option<CardGrid>> = Vec::new();
    pages.push(overview(journey, &theme, &i18n));
    cards.push(None);
    for stage in Stage::ALL {
        let range = journey.stage_range(*stage);
        if range.is_empty() {
            continue;
        }
        for (page, grid) in stage_pages(journey, *stage, &theme, &i18n) {
            pages.push(page);
            cards.push(Some(grid));
        }
    }
    let count = pages.len();
    let background = (!options.transparent).then_some(theme.background);
    pages
        .into_iter()
        .zip(cards)
        .enumerate()
        .map(|(n, (mut shapes, grid))| {
            footer(&mut shapes, journey, n + 1, count, &theme);
            let mut writer = SvgWriter::new();
            writer.shapes(&shapes);
            if let Some(grid) = grid {
                writer.begin_scaled_group(MARGIN, grid.top, grid.scale);
                writer.shapes(&grid.shapes);
                writer.end_group();
            }
            writer.finish(SLIDE_WIDTH, SLIDE_HEIGHT, background, &journey.title)
        })
        .collect()
}

/// How much larger than on the map cards are drawn, so their smallest text is 18.
fn card_scale(theme: &Theme) -> f32 {
    (SLIDE_MIN_TEXT + 0.5) / smallest_text(theme)
}

fn footer(out: &mut Vec<Shape>, journey: &Journey, n: usize, count: usize, theme: &Theme) {
    out.push(text(
        Point::new(MARGIN, FOOTER_TOP),
        journey.title.clone(),
        SLIDE_MIN_TEXT,
        false,
        theme.text_muted,
        CONTENT_WIDTH - 200.0,
        1,
    ));
    out.push(Shape::Text(crate::scene::TextBox {
        pos: Point::new(SLIDE_WIDTH - MARGIN, FOOTER_TOP),
        text: format!("{n} / {count}"),
        size: SLIDE_MIN_TEXT,
        bold: false,
        colour: theme.text_muted,
        max_width: 180.0,
        max_lines: 1,
        align: crate::scene::Align::Right,
    }));
}

/// Title, persona and scenario; the emotion curve across the stages; the grey areas,
/// most severe first.
fn overview(journey: &Journey, theme: &Theme, i18n: &I18n) -> Vec<Shape> {
    let mut out = Vec::new();
    out.push(text(
        Point::new(MARGIN, MARGIN - 20.0),
        journey.title.clone(),
        52.0,
        true,
        theme.text,
        CONTENT_WIDTH,
        1,
    ));
    let mut y = MARGIN + 56.0;
    let persona = match (
        journey.persona.name.as_str(),
        journey.persona.description.as_str(),
    ) {
        ("", d) => d.to_owned(),
        (n, "") => n.to_owned(),
        (n, d) => format!("{n} — {d}"),
    };
    for line in [persona, journey.scenario.clone()] {
        if line.trim().is_empty() {
            continue;
        }
        out.push(text(
            Point::new(MARGIN, y),
            line,
            24.0,
            false,
            theme.text_muted,
            CONTENT_WIDTH,
            1,
        ));
        y += 36.0;
    }
    curve(&mut out, journey, theme, i18n, 250.0);

    // The grey areas, most severe first.
    let top = 700.0;
    out.push(text(
        Point::new(MARGIN, top),
        i18n.tr("slides-grey-areas-ranked"),
        28.0,
        true,
        theme.text,
        CONTENT_WIDTH,
        1,
    ));
    let mut ranked: Vec<&GreyArea> = journey.grey_areas.iter().collect();
    ranked.sort_by_key(|g| std::cmp::Reverse(g.severity));
    let rows = ((FOOTER_TOP - 20.0 - (top + 50.0)) / 42.0).floor().max(1.0) as usize;
    grey_rows(
        &mut out,
        journey,
        &ranked,
        top + 50.0,
        rows,
        42.0,
        theme,
        i18n,
    );
    out
}

/// The emotion curve over six stage columns, from `top` (330 units high).
fn curve(out: &mut Vec<Shape>, journey: &Journey, theme: &Theme, i18n: &I18n, top: f32) {
    let label_width = 90.0;
    let left = MARGIN + label_width;
    let column = (CONTENT_WIDTH - label_width) / Stage::ALL.len() as f32;
    let chart_top = top + 72.0;
    let mid = chart_top + 130.0;
    let step = 55.0 / EMOTION_MAX as f32 * 2.0;
    for (i, stage) in Stage::ALL.iter().enumerate() {
        let x = left + i as f32 * column;
        out.push(Shape::Rect {
            rect: Rect::from_min_size(x, top, column, 340.0),
            radius: 0.0,
            fill: Some(Paint::solid(theme.stage_fill[i % 2])),
            stroke: None,
        });
        out.push(text(
            Point::new(x + 12.0, top + 10.0),
            i18n.stage_name(journey, *stage),
            24.0,
            true,
            theme.text,
            column - 24.0,
            2,
        ));
    }
    for score in [EMOTION_MAX, 0, -EMOTION_MAX] {
        let label = if score > 0 {
            format!("+{score}")
        } else {
            score.to_string()
        };
        out.push(text(
            Point::new(MARGIN, mid - score as f32 * step - 12.0),
            label,
            20.0,
            true,
            theme.emotion_colour(score),
            label_width - 10.0,
            1,
        ));
    }
    out.push(Shape::Polyline {
        points: vec![Point::new(left, mid), Point::new(left + column * 6.0, mid)],
        line: Line::dashed(theme.emotion_neutral_line, 2.0, 10.0, 8.0),
    });
    let lowest = journey
        .touchpoints
        .iter()
        .filter_map(|t| t.emotion_score())
        .min();
    let mut points = Vec::new();
    let mut dots = Vec::new();
    for (i, stage) in Stage::ALL.iter().enumerate() {
        let range = journey.stage_range(*stage);
        let n = range.len();
        for (k, index) in range.enumerate() {
            let tp = &journey.touchpoints[index];
            let Some(score) = tp.emotion_score() else {
                continue;
            };
            let x = left + i as f32 * column + (k as f32 + 0.5) * column / n as f32;
            let p = Point::new(x, mid - score as f32 * step);
            points.push(p);
            dots.push((p, score, score < 0 && Some(score) == lowest, &tp.title));
        }
    }
    if points.len() >= 2 {
        out.push(Shape::Polyline {
            points,
            line: Line::solid(theme.emotion_line, 4.0),
        });
    }
    let mut named = 0;
    let mut last_label: Option<Point> = None;
    for (p, score, low, title) in dots {
        if low {
            out.push(Shape::Circle {
                center: p,
                radius: 17.0,
                fill: None,
                stroke: Some(Line::solid(theme.emotion_low_marker, 3.0)),
            });
            // The lowest moments by name (the first three), under their point.
            if named < 3 {
                named += 1;
                // A label close to the one before goes a row lower, clear of it.
                let mut at = Point::new(p.x, p.y + 24.0);
                if let Some(last) = last_label
                    && (at.x - last.x).abs() < column
                    && (at.y - last.y).abs() < 52.0
                {
                    at.y = last.y + 52.0;
                }
                last_label = Some(at);
                out.push(Shape::Text(crate::scene::TextBox {
                    pos: at,
                    text: title.clone(),
                    size: 20.0,
                    bold: true,
                    colour: theme.text,
                    max_width: column - 16.0,
                    max_lines: 2,
                    align: crate::scene::Align::Center,
                }));
            }
        }
        out.push(Shape::Circle {
            center: p,
            radius: 9.0,
            fill: Some(Paint::solid(theme.emotion_colour(score))),
            stroke: Some(Line::solid(crate::model::Rgb::hex(0xffffff), 2.0)),
        });
    }
}

/// Grey areas as rows from `top`: a severity chip, the title, and the two touchpoints
/// it joins; at most `rows`, then how many more.
#[allow(clippy::too_many_arguments)]
fn grey_rows(
    out: &mut Vec<Shape>,
    journey: &Journey,
    greys: &[&GreyArea],
    top: f32,
    rows: usize,
    row_height: f32,
    theme: &Theme,
    i18n: &I18n,
) {
    if greys.is_empty() {
        out.push(text(
            Point::new(MARGIN, top),
            i18n.tr("slides-no-grey-areas"),
            22.0,
            false,
            theme.text_muted,
            CONTENT_WIDTH,
            1,
        ));
        return;
    }
    let shown = if greys.len() > rows {
        rows.saturating_sub(1)
    } else {
        greys.len()
    };
    let title_of = |id: &crate::model::TouchpointId| {
        journey
            .touchpoint(id)
            .map_or_else(|| id.as_str().to_owned(), |t| t.title.clone())
    };
    for (i, grey) in greys.iter().take(shown).enumerate() {
        let y = top + i as f32 * row_height;
        let colour = theme.grey_area_fill(grey.severity);
        let chip = Rect::from_min_size(MARGIN, y, 150.0, 30.0);
        out.push(Shape::Rect {
            rect: chip,
            radius: 15.0,
            fill: Some(Paint::solid(colour)),
            stroke: None,
        });
        out.push(Shape::Text(crate::scene::TextBox {
            pos: Point::new(chip.center().x, y + 3.0),
            text: i18n.term("severity", grey.severity.key()),
            size: 20.0,
            bold: true,
            colour: theme.text_on(colour),
            max_width: 140.0,
            max_lines: 1,
            align: crate::scene::Align::Center,
        }));
        let title = crate::scene::grey_area_title(journey, grey, i18n);
        out.push(text(
            Point::new(MARGIN + 170.0, y + 1.0),
            title,
            22.0,
            true,
            theme.text,
            880.0,
            1,
        ));
        out.push(text(
            Point::new(MARGIN + 1070.0, y + 2.0),
            format!("{} → {}", title_of(&grey.from), title_of(&grey.to)),
            20.0,
            false,
            theme.text_muted,
            CONTENT_WIDTH - 1070.0,
            1,
        ));
    }
    if shown < greys.len() {
        out.push(text(
            Point::new(MARGIN + 170.0, top + shown as f32 * row_height + 2.0),
            crate::tr!(i18n, "slides-more", count = greys.len() - shown),
            20.0,
            false,
            theme.text_muted,
            CONTENT_WIDTH,
            1,
        ));
    }
}

/// A stage's pages: each with its heading, notes and grey areas, and a grid of cards
/// (in card units, drawn scaled from the returned top).
fn stage_pages(
    journey: &Journey,
    stage: Stage,
    theme: &Theme,
    i18n: &I18n,
) -> Vec<(Vec<Shape>, CardGrid)> {
    let m = &theme.metrics;
    let scale = card_scale(theme);
    let range = journey.stage_range(stage);
    let greys: Vec<&GreyArea> = journey
        .grey_areas
        .iter()
        .filter(|g| {
            [&g.from, &g.to]
                .iter()
                .any(|id| journey.touchpoint(id).is_some_and(|t| t.stage == stage))
        })
        .collect();
    let notes: Vec<String> = journey
        .stages
        .get(&stage)
        .map(|notes| {
            [
                ("field-stage-goal", &notes.goal),
                ("field-stage-doing", &notes.doing),
                ("field-stage-thinking", &notes.thinking),
                ("field-stage-feeling", &notes.feeling),
            ]
            .into_iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(label, value)| format!("{}: {value}", i18n.tr(label)))
            .collect()
        })
        .unwrap_or_default();
    let notes_height = notes.len() as f32 * 34.0;
    let grey_rows_shown = greys.len().min(STAGE_GREY_ROWS);
    let grey_height = if greys.is_empty() {
        0.0
    } else {
        46.0 + grey_rows_shown as f32 * 40.0
    };
    let cards_top = MARGIN + 70.0 + notes_height + 16.0;
    let cards_bottom = FOOTER_TOP - 20.0 - grey_height;
    let indices: Vec<usize> = range.collect();
    let (scale, columns, rows) = grid(indices.len(), cards_bottom - cards_top, scale, m);
    let per_page = columns * rows;
    let chunks: Vec<&[usize]> = indices.chunks(per_page).collect();
    let pages = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(page, chunk)| {
            let mut out = Vec::new();
            let name = i18n.stage_name(journey, stage);
            let heading = if pages > 1 {
                crate::tr!(
                    i18n,
                    "slides-continued",
                    stage = name,
                    page = page + 1,
                    pages = pages
                )
            } else {
                name
            };
            out.push(text(
                Point::new(MARGIN, MARGIN - 20.0),
                format!("{} · {heading}", stage.index() + 1),
                44.0,
                true,
                theme.text,
                CONTENT_WIDTH,
                1,
            ));
            for (i, note) in notes.iter().enumerate() {
                out.push(text(
                    Point::new(MARGIN, MARGIN + 50.0 + i as f32 * 34.0),
                    note.clone(),
                    22.0,
                    false,
                    theme.text,
                    CONTENT_WIDTH,
                    1,
                ));
            }
            if !greys.is_empty() {
                let top = cards_bottom + 20.0;
                out.push(text(
                    Point::new(MARGIN, top),
                    i18n.tr("export-legend-grey-areas"),
                    24.0,
                    true,
                    theme.text,
                    CONTENT_WIDTH,
                    1,
                ));
                let rows = if greys.len() > STAGE_GREY_ROWS {
                    STAGE_GREY_ROWS
                } else {
                    greys.len()
                };
                grey_rows(
                    &mut out,
                    journey,
                    &greys,
                    top + 40.0,
                    rows,
                    40.0,
                    theme,
                    i18n,
                );
            }
            let mut grid = Vec::new();
            for (k, &index) in chunk.iter().enumerate() {
                let tp = &journey.touchpoints[index];
                let (row, column) = (k / columns, k % columns);
                let card = Rect::from_min_size(
                    column as f32 * (m.slot_width + m.slot_gap),
                    row as f32 * (m.card_height + ROW_GAP),
                    m.slot_width,
                    m.card_height,
                );
                let below = Rect::from_min_size(card.min.x, card.max.y, card.width(), 0.0);
                let slot = Slot {
                    id: tp.id.clone(),
                    index,
                    stage,
                    card,
                    doing: below,
                    pains: below,
                    department: below,
                    emotion: None,
                    curves: Vec::new(),
                    score: tp.emotion_score(),
                    is_low: false,
                };
                crate::scene::touchpoint(&mut grid, journey, &slot, tp, theme, i18n);
            }
            let cards = CardGrid {
                top: cards_top,
                scale,
                shapes: grid,
            };
            (out, cards)
        })
        .collect()
}

/// The largest scale (at least `min_scale`, at most `MAX_CARD_SCALE`) and the grid
/// of columns and rows that shows `n` cards in a `CONTENT_WIDTH` × `height` area; when
/// even `min_scale` cannot show them all, the grid of one page at `min_scale`.
fn grid(n: usize, height: f32, min_scale: f32, m: &crate::theme::Metrics) -> (f32, usize, usize) {
    let width_at = |columns: usize| columns as f32 * (m.slot_width + m.slot_gap) - m.slot_gap;
    let height_at = |rows: usize| rows as f32 * (m.card_height + ROW_GAP) - ROW_GAP;
    let mut best: Option<(f32, usize, usize)> = None;
    for columns in 1..=n.max(1) {
        let rows = n.div_ceil(columns).max(1);
        let scale = (CONTENT_WIDTH / width_at(columns))
            .min(height / height_at(rows))
            .min(MAX_CARD_SCALE);
        if scale >= min_scale && best.is_none_or(|(s, _, _)| scale > s) {
            best = Some((scale, columns, rows));
        }
    }
    best.unwrap_or_else(|| {
        let fit = |room: f32, step: f32, gap: f32| (((room + gap) / step).floor() as usize).max(1);
        let columns = fit(
            CONTENT_WIDTH / min_scale,
            m.slot_width + m.slot_gap,
            m.slot_gap,
        );
        let rows = fit(height / min_scale, m.card_height + ROW_GAP, ROW_GAP);
        (min_scale, columns, rows)
    })
}
