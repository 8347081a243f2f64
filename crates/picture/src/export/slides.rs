//! Slides: a 16:9 deck for presenting a journey, 1920 × 1080 units a page, composed
//! from the map's own pieces (the scene's stages, curve, cards, lanes and callouts; no
//! second drawing of any of them).
//!
//! First the overview: the title, persona and scenario whole, the emotion curve across
//! the six stages (the map's curve, on a strip of the map that has only its stage
//! headers and its emotion lane) and the lowest moments by name. Then the grey areas,
//! most severe first, as the map's callouts with the two touchpoints each joins. Then
//! each stage that has touchpoints: a strip of the map with only that stage (its
//! header with its notes, its cards, their evidence, doing and thinking, the curve
//! through it, pain points and opportunities with owners, departments), scaled to fill
//! the slide, and under it the callouts of the grey areas that touch those cards. A
//! stage with more cards than a slide holds continues on the next, numbered. No text is
//! smaller than 18 units (18 px on a 1920 × 1080 screen).

use super::{ExportOptions, Picture};
use crate::i18n::I18n;
use crate::layout::{self, MapLayout, Point, Rect};
use crate::model::{GreyArea, Journey, Stage, StageNotes, Touchpoint};
use crate::scene::{self, Fit, Shape, block};
use crate::theme::{Metrics, Theme};
use std::collections::BTreeMap;

pub const SLIDE_WIDTH: f32 = 1920.0;
pub const SLIDE_HEIGHT: f32 = 1080.0;
/// The smallest text on a slide.
pub const SLIDE_MIN_TEXT: f32 = 18.0;
const MARGIN: f32 = 80.0;
const TOP: f32 = 56.0;
const CONTENT_WIDTH: f32 = SLIDE_WIDTH - 2.0 * MARGIN;
/// Space between the parts of a slide.
const GAP: f32 = 24.0;
const TITLE_SIZE: f32 = 52.0;
const HEADING_SIZE: f32 = 44.0;
const SUBHEADING_SIZE: f32 = 28.0;
const LEAD_SIZE: f32 = 24.0;
/// Callouts side by side on a slide.
const CALLOUT_COLUMNS: usize = 3;
const CALLOUT_GAP: f32 = 40.0;
/// A stage strip's cards are at least this wide, and at most that.
const MIN_SLOT: f32 = 240.0;
const MAX_SLOT: f32 = 800.0;
/// A stage of this many cards or fewer is never split over slides.
const WHOLE_STAGE: usize = 6;
/// A blueprint's strip is drawn at most this much larger than its theme's size.
const MAX_BLUEPRINT_SCALE: f32 = 1.8;
/// A stage of fewer cards than this shares its slide with a neighbour.
const SMALL_STAGE: usize = 3;
/// A strip is drawn at most this much larger than its theme's size.
const MAX_STRIP_SCALE: f32 = 1.4;
/// The overview's emotion lane, and its stages' least width.
const CURVE_HEIGHT: f32 = 300.0;
const CURVE_STAGE_WIDTH: f32 = 200.0;
/// The lowest moments named on the overview.
const LOWEST_NAMED: usize = 3;
/// A box measured in this height never runs out of room.
const TALL: f32 = 1.0e7;

/// The slides' theme: the light theme with no type under 18 units, every title whole,
/// and lanes only as high as their words (a strip has no empty room to spare).
pub fn slide_theme() -> Theme {
    let light = Theme::light();
    Theme {
        text_muted: crate::model::Rgb::hex(0x2f3645),
        lane_label_text: crate::model::Rgb::hex(0x1f2430),
        title_size: 34.0,
        stage_size: 26.0,
        card_title_size: 22.0,
        body_size: 19.0,
        small_size: SLIDE_MIN_TEXT + 0.5,
        badge_size: 22.0,
        card_title_lines: usize::MAX,
        header_button_room: 0.0,
        // A callout stands alone on a slide's white: a wash of its severity makes it
        // a panel.
        callout_tint: 0.07,
        metrics: Metrics {
            lane_label_width: 170.0,
            slot_width: MIN_SLOT,
            slot_gap: 18.0,
            grey_gap: 18.0,
            stage_padding: 14.0,
            empty_stage_width: 0.0,
            stage_header_height: 0.0,
            card_height: 0.0,
            doing_height: 0.0,
            emotion_height: 170.0,
            pains_height: 0.0,
            department_height: 0.0,
            // A stage's slide leaves the blueprint out: with its lanes the strip no
            // longer fits 16:9 with every text at 18 px or more.
            step_height: 0.0,
            step_empty_height: 0.0,
            line_label_room: 0.0,
            physical_height: 0.0,
            // A stage's slide names its moments in its title.
            curve_label_room: 0.0,
            // The stage's phases over its cards, as on the map.
            phase_height: 44.0,
            lane_gap: 10.0,
            card_rounding: 10.0,
            callout_width: callout_width(),
            callout_height: 0.0,
            collapsed_stage_width: 0.0,
            evidence_height: 0.0,
            badge_room: 0.0,
            stage_least: [0.0; 6],
            grey_lane_when_empty: false,
        },
        ..light
    }
}

fn callout_width() -> f32 {
    (CONTENT_WIDTH - (CALLOUT_COLUMNS - 1) as f32 * CALLOUT_GAP) / CALLOUT_COLUMNS as f32
}

/// One slide before the deck is counted: its heading (none on the overview) and what
/// is under it. Slides of one group (a stage, the grey areas) are numbered together.
struct Slide {
    heading: Option<String>,
    group: usize,
    body: Vec<Shape>,
    /// The stages the slide tells (their place on the progress strip).
    stages: Vec<Stage>,
}

/// Where a slide's body starts under a heading of `size`: room for the heading with a
/// page count (which is known only once the group is paginated).
fn body_top(heading: &str, size: f32) -> f32 {
    let (_, height) = block(
        Point::new(0.0, 0.0),
        format!("{heading} (88/88)"),
        size,
        true,
        crate::model::Rgb::hex(0),
        CONTENT_WIDTH,
        usize::MAX,
    );
    TOP + height + GAP
}

/// The deck's pages, composed.
pub fn compose_slides(journey: &Journey, options: &ExportOptions) -> Vec<Picture> {
    let theme = slide_theme();
    let i18n = I18n::new(journey.language);
    let footer_height = footer(&mut Vec::new(), journey, 1, 1, &theme);
    let bottom = SLIDE_HEIGHT - 24.0 - footer_height - GAP;
    let mut slides = overview(journey, &theme, &i18n, bottom);
    let mut ranked: Vec<&GreyArea> = journey.grey_areas.iter().collect();
    ranked.sort_by_key(|g| std::cmp::Reverse(g.severity));
    if !ranked.is_empty() {
        let heading = i18n.tr("slides-grey-areas-ranked");
        let top = body_top(&heading, HEADING_SIZE);
        let pages = callout_pages(
            journey,
            &ranked,
            top,
            top,
            bottom,
            &theme,
            &i18n,
            Vec::new(),
        );
        slides.extend(pages.into_iter().map(|body| Slide {
            heading: Some(heading.clone()),
            group: 1,
            body,
            stages: Vec::new(),
        }));
    }
    let mut strips = Strips::new(journey, options, &theme, &i18n);
    let groups = stage_groups(journey);
    for stage in Stage::ALL {
        if journey.stage_range(*stage).is_empty() {
            continue;
        }
        // A small stage is told with its neighbour: the group's slides come at its
        // first stage.
        if let Some(group) = groups.iter().find(|g| g.first() == Some(stage)) {
            // What the stages' story is (their worst grey area, else their lowest
            // moment), in the map's language; the stages named once.
            let heading = action_title(journey, group, &i18n);
            let top = body_top(&heading, HEADING_SIZE);
            for body in strips.stage(group, top, bottom) {
                slides.push(Slide {
                    heading: Some(heading.clone()),
                    group: 2 + stage.index(),
                    body,
                    stages: group.clone(),
                });
            }
        }
        let heading = i18n.stage_name(journey, *stage);
        // The blueprint behind the stage, on slides of its own (its lanes under the
        // stage's strip would shrink the words under the slide's least size).
        let heading = crate::tr!(i18n, "slides-blueprint", stage = heading.as_str());
        let top = body_top(&heading, HEADING_SIZE);
        for body in strips.blueprint(*stage, top, bottom) {
            slides.push(Slide {
                heading: Some(heading.clone()),
                group: 2 + Stage::ALL.len() + stage.index(),
                body,
                stages: vec![*stage],
            });
        }
    }

    // The sources of the evidence the stages' slides cite, as panels filling slides.
    let numbers = scene::Numbers::of(journey);
    if options.evidence && !numbers.cited.is_empty() {
        let heading = i18n.tr("export-references");
        let top = body_top(&heading, HEADING_SIZE);
        for body in reference_pages(&numbers.cited, top, bottom, &theme, &i18n) {
            slides.push(Slide {
                heading: Some(heading.clone()),
                group: 2 + 2 * Stage::ALL.len(),
                body,
                stages: Vec::new(),
            });
        }
    }

    let count = slides.len();
    let background = (!options.transparent).then_some(theme.background);
    let group_size = |group: usize| slides.iter().filter(|s| s.group == group).count();
    let sizes: Vec<usize> = slides.iter().map(|s| group_size(s.group)).collect();
    let mut seen: BTreeMap<usize, usize> = BTreeMap::new();
    slides
        .into_iter()
        .zip(sizes)
        .enumerate()
        .map(|(n, (slide, pages))| {
            let mut shapes = Vec::new();
            // The slide in words: its title (the overview's is the journey's).
            let mut description = journey.title.trim().to_owned();
            if let Some(heading) = &slide.heading {
                let page = seen.entry(slide.group).or_insert(0);
                *page += 1;
                let text = if pages > 1 {
                    crate::tr!(
                        i18n,
                        "slides-continued",
                        stage = heading.as_str(),
                        page = *page,
                        pages = pages
                    )
                } else {
                    heading.clone()
                };
                description = text.clone();
                let (shape, _) = block(
                    Point::new(MARGIN, TOP),
                    text,
                    HEADING_SIZE,
                    true,
                    theme.text,
                    CONTENT_WIDTH,
                    usize::MAX,
                );
                shapes.push(shape);
            }
            shapes.extend(slide.body);
            if !slide.stages.is_empty() {
                progress(&mut shapes, journey, &slide.stages, &theme, &i18n);
            }
            footer(&mut shapes, journey, n + 1, count, &theme);
            Picture {
                width: SLIDE_WIDTH,
                height: SLIDE_HEIGHT,
                shapes,
                paper_mm: None,
                background,
                title: journey.title.clone(),
                description,
            }
        })
        .collect()
}

/// The references on slides: each source on a panel of its own, in rows of two, as
/// many a slide as fit at the slide's body size; a slide's panels share its height and
/// their words grow with the room (up to twice the size), so a short list is a slide
/// that reads from the back of the room, not three lines in a corner.
fn reference_pages(
    cited: &[&crate::model::Evidence],
    top: f32,
    bottom: f32,
    theme: &Theme,
    i18n: &I18n,
) -> Vec<Vec<Shape>> {
    const COLUMNS: usize = 2;
    const PAD: f32 = 16.0;
    let room = bottom - top;
    let width = (CONTENT_WIDTH - (COLUMNS - 1) as f32 * GAP) / COLUMNS as f32;
    // The panels of `items` (numbered from `first`) with words at `size`, their rows
    // spread over the room; none when they do not fit.
    let lay = |items: &[&crate::model::Evidence], first: usize, size: f32| {
        let columns = COLUMNS.min(items.len());
        let width = (CONTENT_WIDTH - (columns - 1) as f32 * GAP) / columns as f32;
        let rows: Vec<Vec<(Shape, f32)>> = items
            .chunks(columns)
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(c, e)| {
                        block(
                            Point::new(0.0, 0.0),
                            super::reference_line(first + r * columns + c, e, i18n),
                            size,
                            false,
                            theme.text,
                            width - 2.0 * PAD,
                            usize::MAX,
                        )
                    })
                    .collect()
            })
            .collect();
        let needed: f32 = rows
            .iter()
            .map(|row| row.iter().map(|(_, h)| h + 2.0 * PAD).fold(0.0, f32::max))
            .sum::<f32>()
            + (rows.len() - 1) as f32 * GAP;
        if needed > room {
            return None;
        }
        // The room left shared among the rows, a row at most three times its words.
        let spare = (room - needed) / rows.len() as f32;
        let mut page = Vec::new();
        let mut y = top;
        for row in rows {
            let words = row.iter().map(|(_, h)| *h).fold(0.0, f32::max);
            let height = (words + 2.0 * PAD + spare).min(3.0 * words + 2.0 * PAD);
            for (c, (shape, h)) in row.into_iter().enumerate() {
                let x = MARGIN + c as f32 * (width + GAP);
                page.push(Shape::Rect {
                    rect: Rect::from_min_size(x, y, width, height),
                    radius: theme.metrics.card_rounding,
                    fill: Some(scene::Paint::solid(theme.stage_fill[1])),
                    stroke: None,
                });
                page.push(shape.placed(x + PAD, y + (height - h) / 2.0, 1.0));
            }
            y += height + GAP;
        }
        Some(page)
    };
    let sizes = [2.0, 1.75, 1.5, 1.25, 1.0].map(|k| k * theme.body_size.max(SLIDE_MIN_TEXT + 0.5));
    let mut pages = Vec::new();
    let mut first = 0;
    while first < cited.len() {
        let rest = &cited[first..];
        // The largest words at which all that is left fits; else the most items that
        // fit at the body size; else one.
        let (page, count) = sizes
            .iter()
            .find_map(|&size| lay(rest, first + 1, size).map(|p| (p, rest.len())))
            .or_else(|| {
                (1..rest.len())
                    .rev()
                    .find_map(|n| lay(&rest[..n], first + 1, sizes[4]).map(|p| (p, n)))
            })
            .unwrap_or_else(|| {
                let (shape, _) = block(
                    Point::new(MARGIN, top),
                    super::reference_line(first + 1, rest[0], i18n),
                    sizes[4],
                    false,
                    theme.text,
                    width,
                    usize::MAX,
                );
                (vec![shape], 1)
            });
        pages.push(page);
        first += count;
    }
    pages
}

/// A stage slide's title: its story in the map's language. Its most severe grey area
/// when that is High or Critical, else its lowest moment when that is negative, else
/// the stage's name.
fn action_title(journey: &Journey, stages: &[Stage], i18n: &I18n) -> String {
    let name = match stages {
        [one] => i18n.stage_name(journey, *one),
        [first, .., last] => crate::tr!(
            i18n,
            "slides-stages-together",
            first = i18n.stage_name(journey, *first),
            last = i18n.stage_name(journey, *last)
        ),
        [] => String::new(),
    };
    let numbers = journey.grey_area_numbers();
    let worst = journey
        .grey_areas
        .iter()
        .zip(&numbers)
        .filter(|(g, _)| {
            g.severity >= crate::model::Severity::High
                && [&g.from, &g.to]
                    .iter()
                    .any(|end| journey.end_stage(end).is_some_and(|s| stages.contains(&s)))
        })
        .min_by_key(|(g, n)| (std::cmp::Reverse(g.severity), **n));
    if let Some((grey, number)) = worst {
        return crate::tr!(
            i18n,
            "slides-action-grey",
            stage = name,
            number = *number,
            title = crate::words::grey_area_title(journey, grey, i18n),
            severity = i18n.term("severity", grey.severity.key()).to_lowercase()
        );
    }
    let lowest = stages
        .iter()
        .flat_map(|s| &journey.touchpoints[journey.stage_range(*s)])
        .filter_map(|t| Some((t.emotion_score()?, t)))
        .filter(|(score, _)| *score < 0)
        .min_by_key(|(score, _)| *score);
    match lowest {
        Some((score, t)) => crate::tr!(
            i18n,
            "slides-action-low",
            stage = name,
            title = t.title.trim(),
            score = format!("\u{2212}{}", -score)
        ),
        None => name,
    }
}

/// The stages with cards, in groups a slide tells together: a stage of fewer than
/// three cards shares its slides with a neighbour (the smaller of the two), as long as
/// the two together are a whole stage's worth of cards.
fn stage_groups(journey: &Journey) -> Vec<Vec<Stage>> {
    let count =
        |group: &[Stage]| -> usize { group.iter().map(|s| journey.stage_range(*s).len()).sum() };
    let mut groups: Vec<Vec<Stage>> = Stage::ALL
        .iter()
        .filter(|s| !journey.stage_range(**s).is_empty())
        .map(|s| vec![*s])
        .collect();
    while let Some((at, with)) = (0..groups.len())
        .filter(|&i| count(&groups[i]) < SMALL_STAGE)
        .flat_map(|i| [(i, i.wrapping_sub(1)), (i, i + 1)])
        .filter(|&(_, j)| j < groups.len())
        .map(|(i, j)| (i.min(j), count(&groups[i]) + count(&groups[j])))
        .filter(|&(_, together)| together <= WHOLE_STAGE)
        .min_by_key(|&(i, together)| (together, i))
        .map(|(i, _)| (i, i + 1))
    {
        let next = groups.remove(with);
        groups[at].extend(next);
    }
    groups
}

/// The six stages across the slide's top, the one the slide tells marked: where in
/// the journey the room is. A stage's name that does not fit its place on one line is
/// its number.
fn progress(
    out: &mut Vec<Shape>,
    journey: &Journey,
    current: &[Stage],
    theme: &Theme,
    i18n: &I18n,
) {
    let width = CONTENT_WIDTH / Stage::ALL.len() as f32;
    let y = 10.0;
    let size = SLIDE_MIN_TEXT;
    let height = crate::text::height(1, size);
    for (k, stage) in Stage::ALL.iter().enumerate() {
        let x = MARGIN + k as f32 * width;
        let here = current.contains(stage);
        let name = i18n.stage_name(journey, *stage);
        let label = if crate::text::width(&name, size, here) <= width - 12.0 {
            name
        } else {
            (k + 1).to_string()
        };
        out.push(Shape::Text(scene::TextBox {
            pos: Point::new(x, y),
            text: label,
            size,
            bold: here,
            colour: if here { theme.text } else { theme.text_muted },
            max_width: width - 8.0,
            max_lines: 1,
            align: scene::Align::Left,
        }));
        out.push(Shape::Rect {
            rect: Rect::from_min_size(
                x,
                y + height + 3.0,
                width - 8.0,
                if here { 4.0 } else { 2.0 },
            ),
            radius: 0.0,
            fill: Some(scene::Paint::solid(if here {
                theme.stage_rule
            } else {
                theme.lane_rule
            })),
            stroke: None,
        });
    }
}

/// The deck's pages as SVG documents.
pub fn slides(journey: &Journey, options: &ExportOptions) -> Vec<String> {
    compose_slides(journey, options)
        .iter()
        .map(Picture::svg)
        .collect()
}

/// The journey's title and the page number, at the foot; returns the height they take.
fn footer(out: &mut Vec<Shape>, journey: &Journey, n: usize, count: usize, theme: &Theme) -> f32 {
    let number_width = 180.0;
    let (title, height) = block(
        Point::new(MARGIN, 0.0),
        journey.title.clone(),
        SLIDE_MIN_TEXT,
        false,
        theme.text_muted,
        CONTENT_WIDTH - number_width - GAP,
        2,
    );
    let top = SLIDE_HEIGHT - 24.0 - height;
    out.push(title.placed(0.0, top, 1.0));
    out.push(Shape::Text(scene::TextBox {
        pos: Point::new(SLIDE_WIDTH - MARGIN, top),
        text: format!("{n} / {count}"),
        size: SLIDE_MIN_TEXT,
        bold: false,
        colour: theme.text_muted,
        max_width: number_width,
        max_lines: 1,
        align: scene::Align::Right,
    }));
    height
}

/// A journey with the same name, people, vocabularies, evidence and opportunities as
/// `journey`, holding `touchpoints`, these stage notes and no grey areas: a strip of
/// the map.
fn strip_journey(
    journey: &Journey,
    touchpoints: Vec<Touchpoint>,
    steps: Vec<crate::model::Step>,
    stages: BTreeMap<Stage, StageNotes>,
) -> Journey {
    Journey {
        version: journey.version,
        title: journey.title.clone(),
        language: journey.language,
        state: journey.state,
        date: journey.date.clone(),
        scenario: journey.scenario.clone(),
        start: journey.start.clone(),
        persona: journey.persona.clone(),
        stages,
        channels: journey.channels.clone(),
        departments: journey.departments.clone(),
        actors: journey.actors.clone(),
        touchpoints,
        steps,
        evidence: journey.evidence.clone(),
        grey_areas: Vec::new(),
        opportunities: journey.opportunities.clone(),
        dismissed_suggestions: Vec::new(),
        curves: journey.curves.clone(),
        votes: journey.votes.clone(),
    }
}

/// Only the stages' own names, none of their notes.
fn labels_only(journey: &Journey) -> BTreeMap<Stage, StageNotes> {
    journey
        .stages
        .iter()
        .filter(|(_, notes)| !notes.label.trim().is_empty())
        .map(|(stage, notes)| {
            let label = StageNotes {
                label: notes.label.clone(),
                ..StageNotes::default()
            };
            (*stage, label)
        })
        .collect()
}

/// A piece of the map composed on its own, `scale` times its size.
struct Strip {
    shapes: Vec<Shape>,
    size: Rect,
}

impl Strip {
    /// The scale that fits it in `width` × `height`, at most `MAX_STRIP_SCALE`.
    fn scale_in(&self, width: f32, height: f32) -> f32 {
        (width / self.size.width())
            .min(height / self.size.height())
            .min(MAX_STRIP_SCALE)
    }

    /// The scale that fits a blueprint's strip in `width` × `height`: larger than a
    /// stage's may grow (a blueprint of one or two cards is a few boxes, drawn big).
    fn blueprint_scale_in(&self, width: f32, height: f32) -> f32 {
        (width / self.size.width())
            .min(height / self.size.height())
            .min(MAX_BLUEPRINT_SCALE)
    }

    fn placed(&self, at: Point, scale: f32) -> impl Iterator<Item = Shape> + '_ {
        self.shapes.iter().map(move |s| s.placed(at.x, at.y, scale))
    }
}

/// Title, persona and scenario, whole; the emotion curve across the six stages; the
/// lowest moments by name. Lines that do not fit go on to a second page.
fn overview(journey: &Journey, theme: &Theme, i18n: &I18n, bottom: f32) -> Vec<Slide> {
    let mut body = Vec::new();
    let (title, height) = block(
        Point::new(MARGIN, TOP),
        journey.title.clone(),
        TITLE_SIZE,
        true,
        theme.text,
        CONTENT_WIDTH,
        usize::MAX,
    );
    body.push(title);
    let mut y = TOP + height + 12.0;
    let persona = match (
        journey.persona.name.trim(),
        journey.persona.description.trim(),
    ) {
        ("", d) => d.to_owned(),
        (n, "") => n.to_owned(),
        (n, d) => format!("{n} — {d}"),
    };
    for line in [persona, journey.scenario.trim().to_owned()] {
        if line.is_empty() {
            continue;
        }
        let (shape, height) = block(
            Point::new(MARGIN, y),
            line,
            LEAD_SIZE,
            false,
            theme.text_muted,
            CONTENT_WIDTH,
            usize::MAX,
        );
        body.push(shape);
        y += height + 8.0;
    }
    y += GAP - 8.0;
    let mut slides = Vec::new();
    let curve = curve_strip(journey, theme, i18n);
    let scale = curve.scale_in(CONTENT_WIDTH, TALL).min(1.0);
    if y + curve.size.height() * scale > bottom && !body.is_empty() {
        slides.push(Slide {
            heading: None,
            group: 0,
            body: std::mem::take(&mut body),
            stages: Vec::new(),
        });
        y = TOP;
    }
    body.extend(curve.placed(Point::new(MARGIN, y), scale));
    y += curve.size.height() * scale + GAP;

    // The lowest moments, by name.
    let mut lows: Vec<&Touchpoint> = journey
        .touchpoints
        .iter()
        .filter(|t| t.emotion_score().is_some_and(|s| s < 0))
        .collect();
    lows.sort_by_key(|t| t.emotion_score());
    lows.truncate(LOWEST_NAMED);
    if !lows.is_empty() {
        let mut lines = vec![(i18n.tr("slides-lowest"), SUBHEADING_SIZE, true)];
        for t in lows {
            let score = t.emotion_score().unwrap_or(0);
            let word = t.emotion.as_ref().map_or("", |e| e.word.trim());
            let mut line = format!(
                "{}{score} · {} · {}",
                if score > 0 { "+" } else { "" },
                i18n.stage_name(journey, t.stage),
                t.title.trim()
            );
            if !word.is_empty() {
                line.push_str(&format!(" ({word})"));
            }
            lines.push((line, LEAD_SIZE, false));
        }
        for (line, size, bold) in lines {
            let (shape, height) = block(
                Point::new(MARGIN, y),
                line,
                size,
                bold,
                theme.text,
                CONTENT_WIDTH,
                usize::MAX,
            );
            if y + height > bottom {
                slides.push(Slide {
                    heading: None,
                    group: 0,
                    body: std::mem::take(&mut body),
                    stages: Vec::new(),
                });
                body.push(shape.placed(0.0, TOP - y, 1.0));
                y = TOP;
            } else {
                body.push(shape);
            }
            y += height + 6.0;
        }
    }
    if journey.grey_areas.is_empty() {
        let (shape, _) = block(
            Point::new(MARGIN, y + GAP),
            i18n.tr("slides-no-grey-areas"),
            LEAD_SIZE,
            false,
            theme.text_muted,
            CONTENT_WIDTH,
            usize::MAX,
        );
        if y + GAP + 40.0 <= bottom {
            body.push(shape);
        }
    }
    slides.push(Slide {
        heading: None,
        group: 0,
        body,
        stages: Vec::new(),
    });
    slides
}

/// The map's stage headers and emotion lane across all six stages, as wide as a slide:
/// the map's own curve, lows ringed.
fn curve_strip(journey: &Journey, theme: &Theme, i18n: &I18n) -> Strip {
    let mut curve_journey = strip_journey(
        journey,
        journey.touchpoints.clone(),
        Vec::new(),
        labels_only(journey),
    );
    curve_journey.opportunities.clear();
    let least =
        scene::header_least_widths(&curve_journey, theme, i18n).map(|w| w.max(CURVE_STAGE_WIDTH));
    let base = Metrics {
        card_height: 0.0,
        evidence_height: 0.0,
        doing_height: 0.0,
        pains_height: 0.0,
        department_height: 0.0,
        emotion_height: CURVE_HEIGHT,
        slot_gap: 0.0,
        grey_gap: 0.0,
        stage_padding: 10.0,
        empty_stage_width: CURVE_STAGE_WIDTH,
        stage_least: least,
        ..theme.metrics.clone()
    };
    // The slot width that makes the six stages as wide as the slide.
    let width_at = |slot: f32| {
        base.lane_label_width
            + Stage::ALL
                .iter()
                .map(|s| {
                    let n = journey.stage_range(*s).len() as f32;
                    if n == 0.0 {
                        base.empty_width(*s)
                    } else {
                        (2.0 * base.stage_padding + n * slot).max(base.least(*s))
                    }
                })
                .sum::<f32>()
    };
    let (mut low, mut high) = (0.01f32, 400.0f32);
    for _ in 0..40 {
        let mid = (low + high) / 2.0;
        if width_at(mid) > CONTENT_WIDTH {
            high = mid;
        } else {
            low = mid;
        }
    }
    let mut curve_theme = Theme {
        metrics: Metrics {
            slot_width: low,
            ..base
        },
        ..theme.clone()
    };
    let header_height = Stage::ALL
        .iter()
        .map(|stage| {
            let header = Rect::from_min_size(0.0, 0.0, least[stage.index()], TALL);
            scene::stage_header(
                &mut Vec::new(),
                &curve_journey,
                header,
                *stage,
                None,
                theme,
                i18n,
            )
        })
        .fold(0.0, f32::max);
    curve_theme.metrics.stage_header_height = header_height + 4.0;
    let layout = layout::layout(&curve_journey, &curve_theme.metrics);
    let mut shapes = Vec::new();
    let all = layout.bounds;
    scene::stages(
        &mut shapes,
        &curve_journey,
        &layout,
        &curve_theme,
        i18n,
        &all,
    );
    let slots = 0..layout.slots.len();
    scene::emotion_tint(&mut shapes, &layout, &curve_theme, slots.clone());
    scene::extra_curves(&mut shapes, &curve_journey, &layout, slots.clone(), &[]);
    // Thousands of points share a few pixels each: the curve through every n-th.
    let step = layout.slots.len().div_ceil(400).max(1);
    scene::emotion_curve_sampled(&mut shapes, &layout, &curve_theme, slots, step);
    scene::lane_labels(&mut shapes, &layout, &curve_theme, i18n);
    Strip {
        shapes,
        size: layout.bounds,
    }
}

/// Callouts of `greys` in rows of three, each with the two touchpoints it joins,
/// flowing onto as many slides as they need: the first from `first_top` after the
/// shapes already in `first`, the others from `top`. A slide of callouts alone is
/// composed for what it holds: its callouts in balanced rows, as large as fills it (up
/// to twice the size, so one or two grey areas are a slide's message, not a corner of
/// it).
#[allow(clippy::too_many_arguments)]
fn callout_pages(
    journey: &Journey,
    greys: &[&GreyArea],
    first_top: f32,
    top: f32,
    bottom: f32,
    theme: &Theme,
    i18n: &I18n,
    first: Vec<Shape>,
) -> Vec<Vec<Shape>> {
    let callouts = Callouts::new(journey, theme, i18n);
    let mut greys = greys.to_vec();
    greys.sort_by_key(|g| callouts.number_of(g));
    let mut pages = Vec::new();
    let mut rest = &greys[..];
    // Under a strip: the rows that fit at their own size.
    if !first.is_empty() {
        let mut page = first;
        let mut y = first_top;
        let width = callout_width();
        while !rest.is_empty() {
            let row = &rest[..rest.len().min(CALLOUT_COLUMNS)];
            let (shapes, height) = callouts.row(row, width, CALLOUT_GAP);
            if y + height > bottom {
                break;
            }
            page.extend(shapes.iter().map(|s| s.placed(MARGIN, y, 1.0)));
            y += height + GAP;
            rest = &rest[row.len()..];
        }
        pages.push(page);
    }
    let room = bottom - top;
    while !rest.is_empty() {
        // The largest size at which all that is left fits this slide; else the most
        // callouts that fit at their own size.
        let whole = CALLOUT_SCALES.iter().find_map(|&scale| {
            callouts
                .page(rest, scale, room)
                .map(|page| (page, rest.len()))
        });
        let (page, count) = whole.unwrap_or_else(|| {
            (1..rest.len())
                .rev()
                .find_map(|n| callouts.page(&rest[..n], 1.0, room).map(|page| (page, n)))
                .unwrap_or_else(|| (callouts.forced(&rest[..1]), 1))
        });
        pages.push(
            page.into_iter()
                .map(|s| s.placed(MARGIN, top, 1.0))
                .collect(),
        );
        rest = &rest[count..];
    }
    pages
}

/// The sizes a slide of callouts alone tries, largest first.
const CALLOUT_SCALES: [f32; 11] = [2.0, 1.9, 1.8, 1.7, 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0];

/// Grey-area callouts laid out for slides, each numbered as on the map.
struct Callouts<'a> {
    journey: &'a Journey,
    theme: &'a Theme,
    i18n: &'a I18n,
    numbers: Vec<usize>,
}

impl<'a> Callouts<'a> {
    fn new(journey: &'a Journey, theme: &'a Theme, i18n: &'a I18n) -> Self {
        Self {
            journey,
            theme,
            i18n,
            numbers: journey.grey_area_numbers(),
        }
    }

    fn number_of(&self, grey: &GreyArea) -> usize {
        self.journey
            .grey_areas
            .iter()
            .position(|g| g.id == grey.id)
            .and_then(|i| self.numbers.get(i).copied())
            .unwrap_or(0)
    }

    /// One row of callouts `width` wide from the origin, `gap` apart; its height.
    fn row(&self, row: &[&GreyArea], width: f32, gap: f32) -> (Vec<Shape>, f32) {
        let (journey, theme, i18n) = (self.journey, self.theme, self.i18n);
        let mut shapes = Vec::new();
        let mut height: f32 = 0.0;
        for (column, grey) in row.iter().enumerate() {
            let x = column as f32 * (width + gap);
            let mut h = 0.0;
            // The two ends, unless the callout's title already names them.
            if !grey.title.trim().is_empty() {
                let name = |end: &crate::model::End| {
                    journey
                        .end_title(end)
                        .map_or_else(|| end.to_string(), |t| t.trim().to_owned())
                };
                let between = crate::tr!(
                    i18n,
                    "callout-between",
                    from = name(&grey.from),
                    to = name(&grey.to)
                );
                let (shape, line) = block(
                    Point::new(x, 0.0),
                    between,
                    theme.small_size,
                    false,
                    theme.text_muted,
                    width,
                    usize::MAX,
                );
                shapes.push(shape);
                h += line + 6.0;
            }
            let words = Rect::from_min_size(x, h, width, TALL);
            let number = self.number_of(grey);
            let need = scene::callout(&mut Vec::new(), journey, grey, number, words, theme, i18n);
            let rect = Rect::from_min_size(x, h, width, need);
            scene::callout_box(&mut shapes, journey, grey, number, rect, theme, i18n);
            height = height.max(h + need);
        }
        (shapes, height)
    }

    /// `greys` on one slide `room` high at `scale`, in balanced rows (four as two and
    /// two, five as three and two), from the origin; none when they do not fit.
    fn page(&self, greys: &[&GreyArea], scale: f32, room: f32) -> Option<Vec<Shape>> {
        let rows = greys.len().div_ceil(CALLOUT_COLUMNS);
        let columns = greys.len().div_ceil(rows);
        let gap = CALLOUT_GAP / scale;
        let width = (CONTENT_WIDTH / scale - (columns - 1) as f32 * gap) / columns as f32;
        let mut page = Vec::new();
        let mut y = 0.0;
        for row in greys.chunks(columns) {
            let (shapes, height) = self.row(row, width, gap);
            if (y + height) * scale > room {
                return None;
            }
            page.extend(shapes.iter().map(|s| s.placed(0.0, y * scale, scale)));
            y += height + GAP / scale;
        }
        Some(page)
    }

    /// One callout too tall for any slide: at its own size, cut by the slide's edge.
    fn forced(&self, grey: &[&GreyArea]) -> Vec<Shape> {
        self.row(grey, CONTENT_WIDTH, CALLOUT_GAP).0
    }
}

/// The stage strips of one deck: the journey, its theme and language, and one fit
/// memo per card width (the cards are measured once for each width tried).
struct Strips<'a> {
    journey: &'a Journey,
    theme: &'a Theme,
    i18n: &'a I18n,
    evidence: bool,
    lowest: Option<i8>,
    fits: BTreeMap<(u32, bool), Fit>,
    /// The stage's strips without the evidence and doing lanes: a whole stage on one
    /// slide, its cards, curve and pain points and opportunities (the map has the rest).
    lean: bool,
}

impl<'a> Strips<'a> {
    fn new(
        journey: &'a Journey,
        options: &ExportOptions,
        theme: &'a Theme,
        i18n: &'a I18n,
    ) -> Self {
        Self {
            journey,
            theme,
            i18n,
            evidence: options.evidence,
            lowest: journey
                .touchpoints
                .iter()
                .filter_map(|t| t.emotion_score())
                .min(),
            fits: BTreeMap::new(),
            lean: false,
        }
    }

    /// The cards a strip holds side by side at their narrowest.
    fn most_cards(&self) -> usize {
        let m = &self.theme.metrics;
        let room = CONTENT_WIDTH - m.lane_label_width - 2.0 * m.stage_padding + m.slot_gap;
        ((room / (MIN_SLOT + m.slot_gap)).floor() as usize).max(1)
    }

    /// The strip of the map holding the touchpoints at `indices` of `stage`, its cards
    /// as wide as `k` of them need to fill the slide.
    fn strip(&mut self, stages: &[Stage], indices: &[usize]) -> Strip {
        self.strip_of(stages, indices, false, 1.0)
    }

    /// The blueprint behind the touchpoints at `indices`: their cards (titles, no
    /// lanes) over the stage's frontstage, backstage and support lanes.
    fn blueprint_strip(&mut self, stage: Stage, indices: &[usize]) -> Strip {
        self.strip_of(&[stage], indices, true, 1.0)
    }

    /// The blueprint strip of `indices` that fills the slide most: its cards as wide
    /// as fills the width, or narrower (the steps' words wrap, the strip grows taller
    /// and is drawn larger), whichever covers more of the `room` at its own size or
    /// larger.
    fn fullest_blueprint_strip(&mut self, stage: Stage, indices: &[usize], room: f32) -> Strip {
        let mut best: Option<(f32, Strip)> = None;
        for narrow in [1.0, 0.85, 0.7, 0.55] {
            let strip = self.strip_of(&[stage], indices, true, narrow);
            let scale = strip.blueprint_scale_in(CONTENT_WIDTH, room);
            if scale < 1.0 - 1e-4 {
                continue;
            }
            let area = strip.size.width() * strip.size.height() * scale * scale;
            if best.as_ref().is_none_or(|(a, _)| area > *a + 1.0) {
                best = Some((area, strip));
            }
        }
        best.map_or_else(|| self.blueprint_strip(stage, indices), |(_, strip)| strip)
    }

    fn strip_of(
        &mut self,
        stages: &[Stage],
        indices: &[usize],
        blueprint: bool,
        narrow: f32,
    ) -> Strip {
        let journey = self.journey;
        let stage = stages[0];
        // Each stage the strip holds has its own padding.
        let held = stages
            .iter()
            .filter(|s| indices.iter().any(|&i| journey.touchpoints[i].stage == **s))
            .count()
            .max(1) as f32;
        // The blueprint's label column holds its lines' names (as the fit will grow it).
        let labelled;
        let m = if blueprint {
            labelled = Metrics {
                lane_label_width: self
                    .theme
                    .metrics
                    .lane_label_width
                    .max(scene::widest_line_label(self.theme, self.i18n).ceil()),
                ..self.theme.metrics.clone()
            };
            &labelled
        } else {
            &self.theme.metrics
        };
        let k = indices.len().max(1) as f32;
        let room = CONTENT_WIDTH - m.lane_label_width - 2.0 * m.stage_padding * held;
        let slot = ((room - (k - 1.0) * m.slot_gap) / k * narrow).clamp(MIN_SLOT, MAX_SLOT);
        let theme = Theme {
            metrics: Metrics {
                slot_width: slot,
                // The blueprint slide: the cards and the three lanes, no curve.
                step_height: if blueprint { 110.0 } else { 0.0 },
                step_empty_height: if blueprint { 56.0 } else { 0.0 },
                emotion_height: if blueprint { 0.0 } else { m.emotion_height },
                ..m.clone()
            },
            ..self.theme.clone()
        };
        let touchpoints: Vec<Touchpoint> = indices
            .iter()
            .map(|&i| {
                let mut t = journey.touchpoints[i].clone();
                if blueprint {
                    // Only the card: the stage's own slide shows the rest.
                    let mut card = Touchpoint::new(t.id.clone(), t.stage, t.title.clone());
                    card.channel = t.channel.take();
                    card.key_moment = t.key_moment;
                    card.deviation = t.deviation;
                    card.evidence = std::mem::take(&mut t.evidence);
                    return card;
                }
                t
            })
            .collect();
        let mut notes = labels_only(journey);
        for stage in stages.iter().filter(|_| !blueprint) {
            if let Some(own) = journey.stages.get(stage) {
                notes.insert(*stage, own.clone());
            }
        }
        // The blueprint's steps behind these cards (the stage's steps serving none go
        // with its first cards).
        let first_of_stage = indices.first() == Some(&journey.stage_range(stage).start);
        let steps: Vec<crate::model::Step> = journey.steps[journey.step_range(stage)]
            .iter()
            .filter(|s| {
                s.serves
                    .iter()
                    .any(|t| touchpoints.iter().any(|tp| &tp.id == t))
                    || (s.serves.is_empty() && first_of_stage)
            })
            .cloned()
            .collect();
        let steps = if blueprint { steps } else { Vec::new() };
        let mut part = strip_journey(journey, touchpoints, steps, notes);
        if blueprint {
            part.opportunities.clear();
        }
        let lean = self.lean && !blueprint;
        let evidence = !blueprint
            && !lean
            && self.evidence
            && part.touchpoints.iter().any(|t| !t.evidence.is_empty());
        let fit = self.fits.entry((slot.to_bits(), blueprint)).or_default();
        let mut metrics = fit.metrics(&part, &theme, self.i18n, evidence);
        if lean {
            metrics.doing_height = 0.0;
        }
        let mut layout: MapLayout = layout::layout(&part, &metrics);
        // The journey's lowest moments are ringed, not the strip's.
        for slot in &mut layout.slots {
            slot.is_low = slot.score.is_some_and(|s| s < 0 && Some(s) == self.lowest);
        }
        let theme = Theme { metrics, ..theme };
        Strip {
            // Numbered as the whole map is, not as the strip alone would be.
            shapes: scene::map(
                &part,
                &layout,
                &scene::Numbers::of(self.journey),
                &theme,
                self.i18n,
            ),
            size: layout.bounds,
        }
    }

    /// The grey areas touching the touchpoints at `chunk` that are not yet `shown`, and
    /// the height their callouts take on a slide (with the gap above them).
    fn touching(&self, chunk: &[usize], shown: &[&GreyArea]) -> (Vec<&'a GreyArea>, f32) {
        let journey = self.journey;
        let ids: Vec<&crate::model::TouchpointId> =
            chunk.iter().map(|&i| &journey.touchpoints[i].id).collect();
        let greys: Vec<&GreyArea> = journey
            .grey_areas
            .iter()
            .filter(|g| {
                [&g.from, &g.to].iter().any(|end| {
                    // A step's grey area goes with the touchpoints of its stage.
                    match end {
                        crate::model::End::Touchpoint(t) => ids.contains(&t),
                        crate::model::End::Step(s) => journey.step(s).is_some_and(|s| {
                            ids.iter()
                                .any(|t| journey.touchpoint(t).is_some_and(|t| t.stage == s.stage))
                        }),
                    }
                })
            })
            .filter(|g| !shown.iter().any(|s| s.id == g.id))
            .collect();
        if greys.is_empty() {
            return (greys, 0.0);
        }
        // Their rows under the strip, at their own size.
        let callouts = Callouts::new(journey, self.theme, self.i18n);
        let mut sorted = greys.clone();
        sorted.sort_by_key(|g| callouts.number_of(g));
        let bottom: f32 = sorted
            .chunks(CALLOUT_COLUMNS)
            .map(|row| callouts.row(row, callout_width(), CALLOUT_GAP).1 + GAP)
            .sum();
        (greys, bottom)
    }

    /// A stage's slides: a strip of its cards scaled to fill the slide, with the
    /// callouts of the grey areas that touch them below; as many cards as fit with
    /// their callouts (or, when even one card's do not, as fit alone). Callouts that
    /// do not fit under their strip follow on the stage's last slides; each grey area
    /// once a stage.
    fn stage(&mut self, stages: &[Stage], top: f32, bottom: f32) -> Vec<Vec<Shape>> {
        let journey = self.journey;
        self.lean = false;
        let indices: Vec<usize> = stages
            .iter()
            .flat_map(|s| journey.stage_range(*s))
            .collect();
        let room = bottom - top;
        let mut pages = Vec::new();
        let mut shown: Vec<&GreyArea> = Vec::new();
        let mut later: Vec<&GreyArea> = Vec::new();
        let mut start = 0;
        while start < indices.len() {
            let rest = &indices[start..];
            let most = self.most_cards().min(rest.len());
            let seen: Vec<&GreyArea> = shown.iter().chain(&later).copied().collect();
            // The most cards whose strip fits with its callouts, at its own size or
            // larger; else the most whose strip fits alone; else one.
            let fits = |this: &mut Self, k: usize, with_callouts: bool| {
                let strip = this.strip(stages, &rest[..k]);
                let callouts = if with_callouts {
                    this.touching(&rest[..k], &seen).1
                } else {
                    0.0
                };
                strip.scale_in(CONTENT_WIDTH, room - callouts) >= 1.0 - 1e-4
            };
            // A stage of up to six cards is never split: its callouts go on the next
            // slide when they do not fit under it, and its strip drops the evidence and
            // doing lanes when that is what keeps it whole.
            let whole = rest.len();
            let mut with_callouts = (1..=most).rev().find(|&k| fits(self, k, true));
            let keep_whole = start == 0 && whole <= most.min(WHOLE_STAGE) && {
                if with_callouts == Some(whole) || fits(self, whole, false) {
                    true
                } else {
                    self.lean = true;
                    let lean_fits = fits(self, whole, false);
                    if lean_fits {
                        with_callouts = fits(self, whole, true).then_some(whole);
                    } else {
                        self.lean = false;
                    }
                    lean_fits
                }
            };
            let chosen = if keep_whole {
                whole
            } else {
                with_callouts
                    .or_else(|| (1..=most).rev().find(|&k| fits(self, k, false)))
                    .unwrap_or(1)
            };
            // Shared evenly among the slides the rest of the stage needs, if that fits.
            let even = rest.len().div_ceil(rest.len().div_ceil(chosen));
            let k = if even < chosen && fits(self, even, with_callouts.is_some()) {
                even
            } else {
                chosen
            };
            let chunk = &rest[..k];
            let strip = self.strip(stages, chunk);
            let (greys, callouts) = self.touching(chunk, &seen);
            let shared = strip.scale_in(CONTENT_WIDTH, room - callouts);
            let under = shared >= 1.0 - 1e-4;
            let scale = if under {
                shared
            } else {
                strip.scale_in(CONTENT_WIDTH, room).min(1.0)
            };
            let page: Vec<Shape> = strip.placed(Point::new(MARGIN, top), scale).collect();
            if under && !greys.is_empty() {
                let first_top = top + strip.size.height() * scale + GAP;
                pages.extend(callout_pages(
                    journey, &greys, first_top, top, bottom, self.theme, self.i18n, page,
                ));
                shown.extend(greys);
            } else {
                pages.push(page);
                later.extend(greys);
            }
            start += k;
        }
        if !later.is_empty() {
            pages.extend(callout_pages(
                journey,
                &later,
                top,
                top,
                bottom,
                self.theme,
                self.i18n,
                Vec::new(),
            ));
        }
        pages
    }

    /// The slides of the blueprint behind `stage`'s touchpoints: as many cards a slide
    /// as fit at their own size or larger (none when the stage has no steps).
    fn blueprint(&mut self, stage: Stage, top: f32, bottom: f32) -> Vec<Vec<Shape>> {
        let journey = self.journey;
        if journey.step_range(stage).is_empty() {
            return Vec::new();
        }
        // The cards the stage's steps serve (the first card too, for steps serving none).
        let steps = &journey.steps[journey.step_range(stage)];
        let range = journey.stage_range(stage);
        let indices: Vec<usize> = range
            .clone()
            .filter(|&i| {
                let id = &journey.touchpoints[i].id;
                steps.iter().any(|s| s.serves.contains(id))
                    || (i == range.start && steps.iter().any(|s| s.serves.is_empty()))
            })
            .collect();
        let room = bottom - top;
        let mut pages = Vec::new();
        let mut start = 0;
        while start < indices.len() {
            let rest = &indices[start..];
            let most = self.most_cards().min(rest.len());
            let chosen = (1..=most)
                .rev()
                .find(|&k| {
                    self.blueprint_strip(stage, &rest[..k])
                        .scale_in(CONTENT_WIDTH, room)
                        >= 1.0 - 1e-4
                })
                .unwrap_or(1);
            let even = rest.len().div_ceil(rest.len().div_ceil(chosen));
            let k = even.min(chosen);
            let strip = self.fullest_blueprint_strip(stage, &rest[..k], room);
            let scale = strip.blueprint_scale_in(CONTENT_WIDTH, room);
            pages.push(strip.placed(Point::new(MARGIN, top), scale).collect());
            start += k;
        }
        pages
    }
}
