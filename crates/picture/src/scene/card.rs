//! A touchpoint's card and its column in the lanes below: the evidence behind it;
//! doing, thinking and expecting; pain points and opportunities; the department chip.
//!
//! Each part is laid out top down and says how high its content is, so the layout can
//! give every lane the room its fullest cell needs (`fit.rs`): boxes grow before words
//! are cut. What a theme lets a card's title take (`Theme::card_title_lines`) is the one
//! place text may be shortened on purpose; otherwise only fields of 200 characters or
//! more are cut, at `LONG_FIELD_LINES` lines, with "…".

use super::{Align, Line, Paint, Shape, TextBox};
use crate::i18n::I18n;
use crate::layout::{Point, Rect, Slot};
use crate::model::{Confidence, Deviation, Evidence, Journey, Touchpoint};
use crate::text;
use crate::theme::Theme;

/// A field this long or longer may be shortened (a pasted log); shorter ones never.
pub const LONG_FIELD: usize = 200;
/// The lines a long field keeps.
pub const LONG_FIELD_LINES: usize = 6;
/// Space inside a card and between its parts.
const PAD: f32 = 10.0;
/// The channel-coloured strip at a card's top.
const STRIP: f32 = 7.0;
/// Space inside a lane's cell.
const CELL_PAD: f32 = 6.0;

/// The lines `value` may take: all of them, up to `cap`; a long field at most
/// `LONG_FIELD_LINES`.
pub fn allowed(value: &str, cap: usize) -> usize {
    // Fewer bytes than LONG_FIELD are fewer characters too: no need to count them.
    if value.len() >= LONG_FIELD && value.chars().take(LONG_FIELD).count() >= LONG_FIELD {
        cap.min(LONG_FIELD_LINES)
    } else {
        cap
    }
}

/// A left-aligned text box of `value` in `width` at `pos`, taking the lines it needs
/// (up to `cap`), and the height those lines take.
pub fn block(
    pos: Point,
    value: String,
    size: f32,
    bold: bool,
    colour: crate::model::Rgb,
    width: f32,
    cap: usize,
) -> (Shape, f32) {
    let boxed = TextBox {
        pos,
        max_lines: allowed(&value, cap),
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

/// What the card says about its evidence: nothing, an assumption, the weakest
/// confidence, or the count of sources.
fn evidence_tag(
    journey: &Journey,
    tp: &Touchpoint,
    theme: &Theme,
    i18n: &I18n,
) -> Option<(String, crate::model::Rgb)> {
    let weakest = weakest(journey, tp);
    match weakest {
        None if tp.evidence.is_empty() => Some((i18n.tr("tag-assumption"), theme.no_evidence)),
        None => None,
        // One word and one colour for "not shown yet", whatever the reason.
        Some(Confidence::Inferred | Confidence::Assumed) => {
            Some((i18n.tr("tag-weak"), theme.no_evidence))
        }
        Some(Confidence::Observed) => Some((sources(i18n, tp.evidence.len()), theme.text_muted)),
    }
}

/// "3 sources" in the map's language: the same few words for every card, formatted
/// once per count (a 10,000-card map would format them 10,000 times a layout).
fn sources(i18n: &I18n, count: usize) -> String {
    thread_local! {
        static WORDS: std::cell::RefCell<foldhash::HashMap<(crate::model::Language, usize), String>> =
            std::cell::RefCell::new(foldhash::HashMap::default());
    }
    WORDS.with(|words| {
        words
            .borrow_mut()
            .entry((i18n.language(), count))
            .or_insert_with(|| crate::tr!(i18n, "card-evidence", count = count))
            .clone()
    })
}

/// The weakest confidence of the card's evidence.
fn weakest(journey: &Journey, tp: &Touchpoint) -> Option<Confidence> {
    tp.evidence
        .iter()
        .filter_map(|id| journey.evidence_item(id))
        .map(|e| e.confidence)
        .max()
}

/// A touchpoint's card drawn in `card`; returns the height its content needs.
pub fn card(
    out: &mut Vec<Shape>,
    journey: &Journey,
    card: Rect,
    tp: &Touchpoint,
    theme: &Theme,
    i18n: &I18n,
) -> f32 {
    let radius = theme.metrics.card_rounding;
    let channel = tp.channel.as_ref().and_then(|c| journey.channel(c));
    let channel_colour = channel.map_or(theme.card_border, |c| c.colour);
    let weak = matches!(
        weakest(journey, tp),
        Some(Confidence::Inferred | Confidence::Assumed)
    );
    let deviation = tp.deviation;
    // A missing touchpoint is a ghost: an outline where it should have been.
    let ghost = deviation == Some(Deviation::Missing);
    let border = match deviation {
        Some(Deviation::Missing) => Line::dashed(theme.text_muted, 2.0, 4.0, 4.0),
        Some(Deviation::AdHoc) => Line::dashed(theme.key_moment, 2.5, 10.0, 4.0),
        _ if tp.evidence.is_empty() || weak => Line::dashed(theme.no_evidence, 2.0, 6.0, 4.0),
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
    out.push(Shape::Rect {
        rect: Rect {
            min: card.min,
            max: Point::new(card.max.x, card.min.y + STRIP),
        },
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
    let width = card.width() - 2.0 * PAD;
    let x = card.min.x + PAD;
    let failing = deviation == Some(Deviation::Failing);
    // The star of a key moment and the cross of a failing card sit at the top right,
    // beside the words, never over them.
    let marks = usize::from(tp.key_moment) + usize::from(failing);
    let star = marks as f32 * theme.badge_size * 1.2;
    let mut y = card.min.y + STRIP + PAD - 2.0;
    if failing {
        out.push(Shape::Rect {
            rect: card,
            radius,
            fill: None,
            stroke: Some(Line::solid(theme.pain_point, 2.5)),
        });
        let side = theme.badge_size * 0.8;
        let right = card.max.x - PAD - if tp.key_moment { star / 2.0 } else { 0.0 };
        let mark = Rect::from_min_size(right - side, y + 2.0, side, side);
        for points in [
            vec![mark.min, mark.max],
            vec![
                Point::new(mark.min.x, mark.max.y),
                Point::new(mark.max.x, mark.min.y),
            ],
        ] {
            out.push(Shape::Polyline {
                points,
                line: Line::solid(theme.pain_point, 3.0),
            });
        }
    }
    // The deviation's name above the title, in its colour.
    if let Some(deviation) = deviation {
        let (shape, height) = block(
            Point::new(x, y),
            i18n.term("deviation", deviation.key()).to_uppercase(),
            theme.small_size,
            true,
            deviation_colour(theme, deviation),
            width - star,
            usize::MAX,
        );
        out.push(shape);
        y += height + 2.0;
    }
    let (title, title_colour) = if tp.title.trim().is_empty() {
        (i18n.tr("new-touchpoint"), theme.text_muted)
    } else {
        (tp.title.clone(), theme.text)
    };
    let title_colour = if ghost {
        theme.text_muted
    } else {
        title_colour
    };
    if tp.key_moment {
        out.push(Shape::Text(TextBox {
            pos: Point::new(card.max.x - PAD, y),
            text: "★".to_owned(),
            size: theme.badge_size,
            bold: false,
            colour: theme.key_moment,
            max_width: theme.badge_size * 1.2,
            max_lines: 1,
            align: Align::Right,
        }));
    }
    let (shape, height) = block(
        Point::new(x, y),
        title,
        theme.card_title_size,
        true,
        title_colour,
        width - star,
        theme.card_title_lines,
    );
    out.push(shape);
    let top_part = y + height - card.min.y;

    // From the bottom up: the emotion and the evidence tag, then channel · department.
    // The projector's card names its channel alone (its words stay short).
    let department = tp
        .department
        .as_ref()
        .and_then(|d| journey.department(d))
        .filter(|_| !theme.brief);
    let meta: Vec<&str> = [
        channel.map(|c| c.name.as_str()),
        department.map(|d| d.name.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let meta = meta.join(" · ");
    let small = theme.small_size;
    let emotion = tp.emotion.as_ref().map(|emotion| match emotion.score {
        0 => format!("0 {}", emotion.word),
        s => format!("{s:+} {}", emotion.word),
    });
    // The projector's card leaves its sources to the editor (a card with none still
    // has the dashed border that says so).
    let tag = evidence_tag(journey, tp, theme, i18n).filter(|_| !theme.brief);
    // The tag keeps its whole word; the emotion gets the rest of the row, or a row of
    // its own when they do not fit side by side.
    let tag_width = tag
        .as_ref()
        .map_or(0.0, |(t, _)| text::width(t, small, true).min(width));
    let emotion_width = emotion
        .as_ref()
        .map_or(0.0, |e| text::width(e.trim_end(), small, true));
    let side_by_side = emotion_width + tag_width + 8.0 <= width;
    let mut bottom_parts: Vec<(Shape, f32)> = Vec::new();
    let row = text::height(1, small);
    let bottom = card.max.y - PAD;
    let mut rows_height = 0.0;
    if let Some((tag, colour)) = tag {
        out.push(Shape::Text(TextBox {
            pos: Point::new(card.max.x - PAD, bottom - row),
            text: tag,
            size: small,
            bold: true,
            colour,
            max_width: width,
            max_lines: 1,
            align: Align::Right,
        }));
        rows_height = row;
    }
    if let Some(emotion) = emotion {
        let room = if side_by_side {
            width - tag_width - 8.0
        } else {
            width
        };
        let lines = text::wrap(&emotion, small, true, room).len();
        let height = text::height(lines, small);
        let top = if side_by_side || rows_height == 0.0 {
            bottom - height.max(rows_height)
        } else {
            bottom - rows_height - 2.0 - height
        };
        out.push(Shape::Text(TextBox {
            pos: Point::new(x, top),
            text: emotion,
            size: small,
            bold: true,
            colour: theme.emotion_colour(tp.emotion_score().unwrap_or(0)),
            max_width: room,
            max_lines: lines,
            align: Align::Left,
        }));
        rows_height = bottom - top;
    }
    // The channel's icon on a chip of its colour (the kind told by shape, so the map
    // survives greyscale), then channel · department.
    let chip = channel.map(|c| (c, icon_chip(small)));
    let indent = chip.as_ref().map_or(0.0, |(_, side)| side + 5.0);
    if !meta.is_empty() || chip.is_some() {
        let lines = text::wrap(&meta, small, false, width - indent).len();
        let height = text::height(lines, small).max(chip.as_ref().map_or(0.0, |c| c.1));
        let top = bottom - rows_height - 4.0 - height;
        if let Some((channel, side)) = chip {
            channel_chip(out, Point::new(x, top), side, channel, theme);
        }
        if !meta.is_empty() {
            bottom_parts.push(block(
                Point::new(x + indent, top),
                meta,
                small,
                false,
                theme.text_muted,
                width - indent,
                lines,
            ));
        }
        rows_height += 4.0 + height;
    }
    for (shape, _) in bottom_parts {
        out.push(shape);
    }
    // The room's dots, astride the card's top edge at its left.
    let size = theme.small_size.max(11.0);
    super::votes_pill(
        out,
        journey,
        tp.id.as_str(),
        Point::new(card.min.x + 4.0 * size, card.min.y),
        false,
        theme,
        i18n,
    );
    top_part + 8.0 + rows_height + PAD
}

/// The side of a channel's icon chip beside text of `size`.
pub fn icon_chip(size: f32) -> f32 {
    (size * 1.45).round()
}

/// A channel's icon on a chip of its colour at `at`, `side` square: the icon in black
/// or white, whichever reads on the colour; a chip too light for the card (under 3:1)
/// gets a dark outline.
pub fn channel_chip(
    out: &mut Vec<Shape>,
    at: Point,
    side: f32,
    channel: &crate::model::Channel,
    theme: &Theme,
) {
    let rect = Rect::from_min_size(at.x, at.y, side, side);
    let faint = crate::theme::contrast_ratio(channel.colour, theme.card_fill) < 3.0;
    out.push(Shape::Rect {
        rect,
        radius: side * 0.2,
        fill: Some(Paint::solid(channel.colour)),
        stroke: faint.then(|| Line::solid(theme.text_muted, 1.0)),
    });
    let inset = side * 0.14;
    out.push(Shape::Icon {
        rect: rect.shrink(inset),
        kind: channel.kind,
        colour: theme.text_on(channel.colour),
    });
}

/// A touchpoint's card and its cells in the lanes below, in its slot; the evidence it
/// cites numbered by `numbers`.
pub fn touchpoint(
    out: &mut Vec<Shape>,
    journey: &Journey,
    slot: &Slot,
    tp: &Touchpoint,
    numbers: &Numbers<'_>,
    theme: &Theme,
    i18n: &I18n,
) {
    card(out, journey, slot.card, tp, theme, i18n);
    if slot.evidence.height() > 1.0 {
        evidence(out, journey, slot.evidence, tp, numbers, theme, i18n);
    }
    if slot.doing.height() > 1.0 {
        doing(
            out,
            slot.doing,
            tp,
            slot.physical.height() > 1.0,
            theme,
            i18n,
        );
    }
    if slot.pains.height() > 1.0 {
        pains(out, journey, slot.pains, tp, theme, i18n);
    }
    if slot.department.height() > 16.0 {
        department(out, journey, slot.department, tp, theme);
    }
}

/// What the customer sees or holds at a touchpoint: the card's physical evidence, then
/// that of each step serving it, once each, in journey order.
pub fn physical_evidence_of<'a>(
    tp: &'a Touchpoint,
    serving: &[&'a crate::model::Step],
) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for text in std::iter::once(tp.physical_evidence.trim())
        .chain(serving.iter().map(|s| s.physical_evidence.trim()))
    {
        if !text.is_empty() && !seen.contains(&text) {
            seen.push(text);
        }
    }
    seen
}

/// A cell of the physical-evidence row: each thing seen or held, whole, under a small
/// square, from `cell`'s top. Returns the height its content needs.
pub fn physical_cell(out: &mut Vec<Shape>, cell: Rect, things: &[&str], theme: &Theme) -> f32 {
    let mark = theme.small_size * 0.45;
    let indent = mark + 6.0;
    let width = cell.width() - 2.0 * CELL_PAD - indent;
    let x = cell.min.x + CELL_PAD;
    let mut y = cell.min.y + CELL_PAD;
    for thing in things {
        out.push(Shape::Rect {
            rect: Rect::from_min_size(x, y + theme.small_size * 0.45, mark, mark),
            radius: 1.0,
            fill: Some(Paint::solid(theme.text_muted)),
            stroke: None,
        });
        let (shape, height) = block(
            Point::new(x + indent, y),
            (*thing).to_owned(),
            theme.small_size,
            false,
            theme.text,
            width,
            usize::MAX,
        );
        out.push(shape);
        y += height + 3.0;
    }
    y - cell.min.y + CELL_PAD
}

/// The colour a deviation is marked in.
pub fn deviation_colour(theme: &Theme, deviation: Deviation) -> crate::model::Rgb {
    match deviation {
        Deviation::AdHoc => theme.key_moment,
        Deviation::Missing => theme.text_muted,
        Deviation::Failing => theme.pain_point,
        Deviation::OutOfOrder => theme.no_evidence,
    }
}

/// The touchpoint's strongest quote: someone's words, the surest first, quotes before
/// the rest.
pub fn strongest_quote<'a>(journey: &'a Journey, tp: &Touchpoint) -> Option<&'a Evidence> {
    let items: Vec<&Evidence> = tp
        .evidence
        .iter()
        .filter_map(|id| journey.evidence_item(id))
        .collect();
    crate::words::strongest_of(&items)
}

/// The strongest finding of a card with no one's words: an analytics figure or an
/// observation, the surest first.
fn strongest_fact<'a>(journey: &'a Journey, tp: &Touchpoint) -> Option<&'a Evidence> {
    tp.evidence
        .iter()
        .filter_map(|id| journey.evidence_item(id))
        .filter(|e| e.metrics.is_empty() && !e.text.trim().is_empty())
        .min_by_key(|e| e.confidence)
}

/// The evidence a card's cell in the evidence lane cites, in the order it draws them:
/// the strongest quote (or finding), then every item with metrics.
pub fn cited<'a>(journey: &'a Journey, tp: &Touchpoint) -> Vec<&'a Evidence> {
    let mut out: Vec<&Evidence> = strongest_quote(journey, tp)
        .or_else(|| strongest_fact(journey, tp))
        .into_iter()
        .collect();
    for e in tp
        .evidence
        .iter()
        .filter_map(|id| journey.evidence_item(id))
    {
        if !e.metrics.is_empty() && !out.iter().any(|o| o.id == e.id) {
            out.push(e);
        }
    }
    out
}

/// The numbers a picture shows: each grey area's (`Journey::grey_area_numbers`) and
/// the reference number of each evidence item it cites ([1] the first it cites, in the
/// journey's order), so a reader can look up its source, date and sample in the
/// references list. Taken from the whole journey, so a slide of one stage numbers as
/// the map does.
#[derive(Debug, Default)]
pub struct Numbers<'a> {
    /// The cited items, in number order.
    pub cited: Vec<&'a Evidence>,
    evidence: foldhash::HashMap<&'a crate::model::EvidenceId, usize>,
    grey_areas: foldhash::HashMap<&'a crate::model::GreyAreaId, usize>,
    /// Measuring: every item as if numbered in the hundreds (the widest a mark is).
    measuring: bool,
}

impl<'a> Numbers<'a> {
    /// The grey areas' numbers and the evidence the map's cards cite, numbered.
    pub fn of(journey: &'a Journey) -> Self {
        let mut numbers = Self::grey_areas_of(journey);
        for tp in &journey.touchpoints {
            for e in cited(journey, tp) {
                if !numbers.evidence.contains_key(&e.id) {
                    numbers.cited.push(e);
                    numbers.evidence.insert(&e.id, numbers.cited.len());
                }
            }
        }
        numbers
    }

    /// The grey areas' numbers alone (the editor's canvas, which has no references
    /// list).
    pub fn grey_areas_of(journey: &'a Journey) -> Self {
        Self {
            grey_areas: journey
                .grey_areas
                .iter()
                .map(|g| &g.id)
                .zip(journey.grey_area_numbers())
                .collect(),
            ..Self::default()
        }
    }

    /// Room for a number on everything: what a cell needs whatever its numbers are.
    pub fn measuring() -> Self {
        Self {
            measuring: true,
            ..Self::default()
        }
    }

    /// An evidence item's reference number, if the picture cites it.
    pub fn evidence(&self, id: &crate::model::EvidenceId) -> Option<usize> {
        if self.measuring {
            return Some(999);
        }
        self.evidence.get(id).copied()
    }

    /// " [3]" after the words citing an item; nothing when it has no number.
    pub fn mark(&self, id: &crate::model::EvidenceId) -> String {
        self.evidence(id)
            .map_or_else(String::new, |n| format!(" [{n}]"))
    }

    /// A grey area's number (99 while measuring; 0 when unknown).
    pub fn grey_area(&self, id: &crate::model::GreyAreaId) -> usize {
        if self.measuring {
            return 99;
        }
        self.grey_areas.get(id).copied().unwrap_or(0)
    }
}

/// The evidence lane's cell: the strongest quote, whole, and every metric with its
/// value, each marked with its confidence when that is less than observed and with its
/// reference number. Returns the height its content needs.
pub fn evidence(
    out: &mut Vec<Shape>,
    journey: &Journey,
    cell: Rect,
    tp: &Touchpoint,
    numbers: &Numbers<'_>,
    theme: &Theme,
    i18n: &I18n,
) -> f32 {
    let width = cell.width() - 2.0 * CELL_PAD;
    let x = cell.min.x + CELL_PAD;
    let mut y = cell.min.y + CELL_PAD;
    let mark = |e: &Evidence| {
        let confidence = match e.confidence {
            Confidence::Observed => String::new(),
            other => format!(" ({})", i18n.term("confidence", other.key()).to_lowercase()),
        };
        format!("{confidence}{}", numbers.mark(&e.id))
    };
    if let Some(quote) = strongest_quote(journey, tp) {
        let colour = if quote.confidence == Confidence::Observed {
            theme.text
        } else {
            theme.no_evidence
        };
        let (shape, height) = block(
            Point::new(x, y),
            format!("“{}”{}", quote.text.trim(), mark(quote)),
            theme.body_size,
            false,
            colour,
            width,
            usize::MAX,
        );
        out.push(shape);
        y += height + 4.0;
    } else if let Some(fact) = strongest_fact(journey, tp) {
        // No one's words: the strongest finding (an analytics figure, an observation),
        // named by its kind.
        let (shape, height) = block(
            Point::new(x, y),
            format!(
                "{}: {}{}",
                i18n.term("evidence-kind", fact.kind.key()),
                fact.text.trim(),
                mark(fact)
            ),
            theme.small_size,
            false,
            if fact.confidence == Confidence::Observed {
                theme.text_muted
            } else {
                theme.no_evidence
            },
            width,
            usize::MAX,
        );
        out.push(shape);
        y += height + 4.0;
    }
    for evidence in tp
        .evidence
        .iter()
        .filter_map(|id| journey.evidence_item(id))
    {
        // Every metric of the item, a line each (a survey with three figures), the
        // item's marks after the last.
        let lines = crate::words::metric_lines(evidence, i18n);
        let count = lines.len();
        for (k, line) in lines.into_iter().enumerate() {
            let marks = if k + 1 == count {
                mark(evidence)
            } else {
                String::new()
            };
            let (shape, height) = block(
                Point::new(x, y),
                format!("{line}{marks}"),
                theme.small_size,
                true,
                theme.text_muted,
                width,
                usize::MAX,
            );
            out.push(shape);
            y += height + 3.0;
        }
    }
    y - cell.min.y + CELL_PAD
}

/// The doing lane's cell: what the customer does, thinks (“…”) and expects, and the
/// physical evidence they see or hold there (unless the physical-evidence row above
/// the cards shows it: `physical_row`), whole.
/// Returns the height its content needs.
pub fn doing(
    out: &mut Vec<Shape>,
    cell: Rect,
    tp: &Touchpoint,
    physical_row: bool,
    theme: &Theme,
    i18n: &I18n,
) -> f32 {
    let width = cell.width() - 2.0 * CELL_PAD;
    let mut y = cell.min.y + CELL_PAD;
    let expects = (!tp.expectation.trim().is_empty())
        .then(|| crate::tr!(i18n, "card-expects", text = tp.expectation.as_str()));
    let thought = (!tp.thought.trim().is_empty()).then(|| format!("“{}”", tp.thought.trim()));
    let sees = (!physical_row && !tp.physical_evidence.trim().is_empty()).then(|| {
        crate::tr!(
            i18n,
            "card-physical-evidence",
            text = tp.physical_evidence.trim()
        )
    });
    for (value, colour) in [
        (Some(tp.action.clone()), theme.text),
        (thought, theme.text_muted),
        (expects, theme.text_muted),
        (sees, theme.text_muted),
    ] {
        let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        let (shape, height) = block(
            Point::new(cell.min.x + CELL_PAD, y),
            value,
            theme.body_size,
            false,
            colour,
            width,
            usize::MAX,
        );
        out.push(shape);
        y += height + 4.0;
    }
    y - cell.min.y + CELL_PAD
}

/// The pain lane's cell: pain points, then opportunities, each with every owner and
/// its status on a line of its own, whole. Returns the height its content needs.
pub fn pains(
    out: &mut Vec<Shape>,
    journey: &Journey,
    cell: Rect,
    tp: &Touchpoint,
    theme: &Theme,
    i18n: &I18n,
) -> f32 {
    let width = cell.width() - 2.0 * CELL_PAD;
    let x = cell.min.x + CELL_PAD;
    let mut y = cell.min.y + CELL_PAD;
    for pain in &tp.pain_points {
        let (shape, height) = block(
            Point::new(x, y),
            format!("– {pain}"),
            theme.body_size,
            false,
            theme.pain_point,
            width,
            usize::MAX,
        );
        out.push(shape);
        y += height + 3.0;
    }
    for opportunity in journey.opportunities_for(&tp.id) {
        let (shape, height) = block(
            Point::new(x, y),
            format!("+ {}", opportunity.idea),
            theme.body_size,
            false,
            theme.opportunity,
            width,
            usize::MAX,
        );
        out.push(shape);
        y += height;
        let status = i18n.term("opportunity-status", opportunity.status.key());
        let mut who = if opportunity.owner.trim().is_empty() {
            status
        } else {
            format!("{} · {status}", opportunity.owner.trim())
        };
        // The room's dots in the latest round.
        if let Some(count) = journey
            .latest_votes(opportunity.id.as_str())
            .filter(|n| *n > 0)
        {
            let votes = crate::tr!(i18n, "votes-badge", count = i64::from(count));
            who.push_str(&format!(" · ● {votes}"));
        }
        let (shape, height) = block(
            Point::new(x + 10.0, y),
            who,
            theme.small_size,
            true,
            theme.text_muted,
            width - 10.0,
            usize::MAX,
        );
        out.push(shape);
        y += height + 3.0;
    }
    y - cell.min.y + CELL_PAD
}

/// The department lane's chip; returns the height its name needs.
pub fn department(
    out: &mut Vec<Shape>,
    journey: &Journey,
    cell: Rect,
    tp: &Touchpoint,
    theme: &Theme,
) -> f32 {
    let Some(department) = tp.department.as_ref().and_then(|d| journey.department(d)) else {
        return 0.0;
    };
    let chip = cell.shrink(4.0);
    let lines = text::wrap(
        &department.name,
        theme.small_size,
        true,
        chip.width() - 20.0,
    )
    .len();
    let needed = text::height(lines, theme.small_size) + 8.0 + 8.0;
    out.push(Shape::Rect {
        rect: chip,
        radius: (chip.height() / 2.0).min(14.0),
        fill: Some(Paint::faded(department.colour, 0.35)),
        stroke: None,
    });
    let height = text::height(lines, theme.small_size);
    out.push(Shape::Text(TextBox {
        pos: Point::new(
            chip.min.x + 10.0,
            chip.min.y + (chip.height() - height) / 2.0,
        ),
        text: department.name.clone(),
        size: theme.small_size,
        bold: true,
        colour: theme.text,
        max_width: chip.width() - 20.0,
        max_lines: allowed(&department.name, usize::MAX),
        align: Align::Left,
    }));
    needed
}

/// The planned path, where the map has deviations from it: a line along the top of the
/// card lane through the gaps between the planned cards (never over a card), passing
/// over each ad hoc card, which hangs below it on a short dashed drop in its colour.
pub fn planned_path(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &crate::layout::MapLayout,
    theme: &Theme,
    slots: std::ops::Range<usize>,
) {
    if layout.arrangement != crate::layout::Arrangement::Timeline
        || !journey.touchpoints.iter().any(|t| t.deviation.is_some())
    {
        return;
    }
    let lane = layout.lane(crate::layout::Lane::Cards).rect;
    let y = lane.min.y + crate::layout::PLANNED_PATH_Y;
    let line = Line::solid(theme.text_muted, 2.0);
    let start = slots.start.saturating_sub(1);
    let end = (slots.end + 1).min(layout.slots.len());
    let ad_hoc = |slot: &Slot| {
        journey
            .touchpoints
            .get(slot.index)
            .is_some_and(|t| t.deviation == Some(Deviation::AdHoc))
    };
    let mut from: Option<f32> = None;
    for slot in &layout.slots[start..end] {
        if ad_hoc(slot) {
            // The path runs on over it; the card hangs from it.
            let drop = Line::dashed(theme.key_moment, 2.0, 3.0, 3.0);
            out.push(Shape::Polyline {
                points: vec![
                    Point::new(slot.card.center().x, y),
                    Point::new(slot.card.center().x, slot.card.min.y),
                ],
                line: drop,
            });
            continue;
        }
        if let Some(left) = from
            && slot.card.min.x > left
        {
            out.push(Shape::Polyline {
                points: vec![Point::new(left, y), Point::new(slot.card.min.x, y)],
                line,
            });
        }
        from = Some(slot.card.max.x);
    }
}

/// For each out-of-order touchpoint, an arrow from its card to where it was planned:
/// just after the card of the touchpoint it was planned to follow, run above the
/// cards.
pub fn out_of_order_arrows(
    out: &mut Vec<Shape>,
    journey: &Journey,
    layout: &crate::layout::MapLayout,
    theme: &Theme,
) {
    let colour = deviation_colour(theme, Deviation::OutOfOrder);
    let line = Line::dashed(colour, 2.5, 8.0, 5.0);
    let out_of_order: Vec<(&Slot, &crate::model::TouchpointId)> = layout
        .slots
        .iter()
        .filter_map(|slot| {
            let tp = journey.touchpoints.get(slot.index)?;
            (tp.deviation == Some(Deviation::OutOfOrder))
                .then_some(())
                .and(tp.planned_after.as_ref())
                .map(|after| (slot, after))
        })
        .collect();
    if out_of_order.is_empty() {
        return;
    }
    let by_id: foldhash::HashMap<&crate::model::TouchpointId, &Slot> =
        layout.slots.iter().map(|s| (&s.id, s)).collect();
    for (slot, after) in out_of_order {
        let Some(target) = by_id.get(after) else {
            continue;
        };
        // Over the cards: up from this card's top, across, down into the gap after the
        // planned predecessor (above its card's text).
        let from = Point::new(slot.card.center().x, slot.card.min.y);
        let to = Point::new(target.card.max.x + 6.0, target.card.min.y + 2.0);
        let lift = from.y.min(target.card.min.y) - 6.0;
        out.push(Shape::Polyline {
            points: vec![from, Point::new(from.x, lift), Point::new(to.x, lift), to],
            line,
        });
        // The arrowhead, pointing down into the gap.
        out.push(Shape::Polyline {
            points: vec![
                Point::new(to.x - 5.0, to.y - 8.0),
                to,
                Point::new(to.x + 5.0, to.y - 8.0),
            ],
            line: Line::solid(colour, 2.5),
        });
    }
}
