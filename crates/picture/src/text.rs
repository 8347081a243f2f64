//! The one text engine: how wide a text is and where its lines break, measured the way
//! the exports draw it. SVG has no wrapping, so every exported line is a `<tspan>` that
//! usvg shapes on its own (resvg draws PNGs and krilla PDFs from that same tree): this
//! shapes with the same shaper (rustybuzz), the same bundled faces in the same order,
//! the same bidirectional runs and the same fallback rule (the first face, in the order
//! the exports load them, that has a missing character), so a measured line is the
//! drawn line. Layout, the scene, the SVG writer, the canvas and the overlap check all
//! break lines here.
//!
//! Lines break at spaces; a word wider than a line breaks between characters. A word's
//! width is shaped once and kept (words repeat across a map); a line is the sum of its
//! words and spaces, checked by shaping the whole line once.

use crate::fonts;
use foldhash::HashMap;
use rustybuzz::{Direction, Face, UnicodeBuffer};
use std::cell::RefCell;
use std::sync::OnceLock;

/// Lines sit this many sizes apart.
pub const LINE_SPACING: f32 = 1.25;

/// The distance from a line's top to the next line's top at `size`.
pub fn line_height(size: f32) -> f32 {
    size * LINE_SPACING
}

/// A face to shape with, and what it has to say.
struct Shaper {
    face: Face<'static>,
    units_per_em: f32,
    ascent_em: f32,
}

/// Every bundled face, in the order the exports load them (`fonts::all_faces`).
fn faces() -> &'static [Shaper] {
    static FACES: OnceLock<Vec<Shaper>> = OnceLock::new();
    FACES.get_or_init(|| {
        fonts::all_faces()
            .filter_map(|bytes| Face::from_slice(bytes, 0))
            .map(|face| {
                let units_per_em = face.units_per_em().max(1) as f32;
                let ascent_em = f32::from(face.ascender()) / units_per_em;
                Shaper {
                    face,
                    units_per_em,
                    ascent_em,
                }
            })
            .collect()
    })
}

/// Inter regular is the first face, Inter bold the second.
fn primary(bold: bool) -> usize {
    usize::from(bold)
}

/// The glyph advances of `text` shaped in face `index`, in ems, one per glyph, with
/// the character each glyph starts at (`None` where the face lacks it).
fn shape_in(index: usize, text: &str) -> Vec<(usize, Option<f32>)> {
    let Some(shaper) = faces().get(index) else {
        return Vec::new();
    };
    let bidi = unicode_bidi::BidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
    let mut out = Vec::new();
    let Some(paragraph) = bidi.paragraphs.first() else {
        return out;
    };
    let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
    for run in runs {
        let sub = &text[run.clone()];
        if sub.is_empty() {
            continue;
        }
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(sub);
        buffer.set_direction(if levels[run.start].is_ltr() {
            Direction::LeftToRight
        } else {
            Direction::RightToLeft
        });
        let shaped = rustybuzz::shape(&shaper.face, &[], buffer);
        for (info, position) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            let advance = position.x_advance as f32 / shaper.units_per_em;
            let start = run.start + info.cluster as usize;
            out.push((start, (info.glyph_id != 0).then_some(advance)));
        }
    }
    out
}

/// Whether face `index` has a glyph for `c`.
fn has(index: usize, c: char) -> bool {
    faces()
        .get(index)
        .is_some_and(|f| f.face.glyph_index(c).is_some())
}

/// The width of `text` in ems (`shape_em`), remembered: a frame or a page measures
/// the same lines again and again, and shaping is the expensive part.
fn shaped_em(text: &str, bold: bool) -> f32 {
    if text.len() > CACHED_TEXT {
        return shape_em(text, bold);
    }
    LINES.with(|lines| {
        let mut lines = lines.borrow_mut();
        if let Some(width) = lines.get(&(text.to_owned(), bold)) {
            return *width;
        }
        let width = shape_em(text, bold);
        if lines.len() >= WORD_CACHE {
            lines.clear();
        }
        lines.insert((text.to_owned(), bold), width);
        width
    })
}

/// The width of `text` in ems, shaped as usvg shapes a line: in the primary face, then
/// each missing glyph from the first other face that has its character.
fn shape_em(text: &str, bold: bool) -> f32 {
    let first = primary(bold);
    let mut glyphs = shape_in(first, text);
    let mut used = vec![first];
    while let Some(missing) = glyphs
        .iter()
        .find(|(_, advance)| advance.is_none())
        .and_then(|(start, _)| text[*start..].chars().next())
    {
        let Some(fallback) = (0..faces().len()).find(|i| !used.contains(i) && has(*i, missing))
        else {
            break;
        };
        used.push(fallback);
        let again = shape_in(fallback, text);
        if again.iter().all(|(_, advance)| advance.is_some()) {
            glyphs = again;
            break;
        }
        if again.len() != glyphs.len() {
            break;
        }
        for (glyph, other) in glyphs.iter_mut().zip(again) {
            if glyph.1.is_none() && other.1.is_some() {
                *glyph = other;
            }
        }
    }
    // A glyph no face has is drawn as the primary face's missing-glyph box: measure it
    // as about half an em.
    glyphs
        .iter()
        .map(|(_, advance)| advance.unwrap_or(0.5))
        .sum()
}

thread_local! {
    /// Widths of words already shaped, in ems, by (word, bold).
    static WORDS: RefCell<HashMap<(String, bool), f32>> = RefCell::new(HashMap::default());
    /// Widths of whole lines already shaped, in ems, by (line, bold).
    static LINES: RefCell<HashMap<(String, bool), f32>> = RefCell::new(HashMap::default());
    /// Texts already wrapped: (text, size, bold, width, most lines) → lines.
    static WRAPPED: RefCell<HashMap<WrapKey, Vec<String>>> = RefCell::new(HashMap::default());
}

type WrapKey = (String, u32, bool, u32, usize);

/// Texts longer than this are measured and wrapped afresh each time (a pasted log
/// would only fill the caches).
const CACHED_TEXT: usize = 4096;
/// The most wrapped texts kept per thread before the memory is cleared.
const WRAP_CACHE: usize = 50_000;

/// The most words kept per thread before the memory is cleared.
const WORD_CACHE: usize = 200_000;

fn word_em(word: &str, bold: bool) -> f32 {
    WORDS.with(|words| {
        let mut words = words.borrow_mut();
        if let Some(width) = words.get(&(word.to_owned(), bold)) {
            return *width;
        }
        let width = shaped_em(word, bold);
        if words.len() >= WORD_CACHE {
            words.clear();
        }
        words.insert((word.to_owned(), bold), width);
        width
    })
}

/// The width of `text` at `size`, as the exports draw it.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    shaped_em(text, bold) * size
}

/// The face's ascent as a fraction of the size: baseline = top + ascent * size.
pub fn ascent(bold: bool) -> f32 {
    faces().get(primary(bold)).map_or(0.93, |f| f.ascent_em)
}

/// Every line of `text` no wider than `max_width` at `size`; paragraphs (`\n`) start
/// new lines. Nothing is cut (but a text of megabytes: see `wrap_at_most`).
pub fn wrap(text: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
    wrap_at_most(text, size, bold, max_width, usize::MAX)
}

/// `wrap`, at most `max_lines` lines: a text cut there ends with "…". Stops reading
/// once the lines are full, so a pasted log of megabytes costs what the lines shown
/// cost.
pub fn wrap_at_most(
    text: &str,
    size: f32,
    bold: bool,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    if text.len() > CACHED_TEXT {
        return wrap_afresh(text, size, bold, max_width, max_lines);
    }
    let key: WrapKey = (
        text.to_owned(),
        size.to_bits(),
        bold,
        max_width.to_bits(),
        max_lines,
    );
    if let Some(lines) = WRAPPED.with(|w| w.borrow().get(&key).cloned()) {
        return lines;
    }
    let lines = wrap_afresh(text, size, bold, max_width, max_lines);
    WRAPPED.with(|w| {
        let mut w = w.borrow_mut();
        if w.len() >= WRAP_CACHE {
            w.clear();
        }
        w.insert(key, lines.clone());
    });
    lines
}

fn wrap_afresh(text: &str, size: f32, bold: bool, max_width: f32, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let size = size.max(0.01);
    let max_em = (max_width / size).max(0.0);
    // No glyph is narrower than a tenth of an em, so no more characters than this can
    // show: the rest is never read.
    let per_line = (max_em * 10.0).ceil().max(1.0) as usize;
    let reach = per_line.saturating_mul(max_lines.saturating_add(1));
    let (text, cut) = crate::bounded::prefix(text, reach);
    let space = word_em(" ", bold);
    let mut lines: Vec<String> = Vec::new();
    let full = |lines: &Vec<String>| lines.len() > max_lines;
    'text: for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_em = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let w = word_em(word, bold);
            let candidate = if line.is_empty() {
                w
            } else {
                line_em + space + w
            };
            if candidate <= max_em {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_em = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_em = 0.0;
                if full(&lines) {
                    break 'text;
                }
            }
            if w <= max_em {
                line.push_str(word);
                line_em = w;
                continue;
            }
            // A word wider than the line is broken between characters.
            for c in word.chars() {
                let mut buffer = [0; 4];
                let advance = word_em(c.encode_utf8(&mut buffer), bold);
                if line_em + advance > max_em && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_em = 0.0;
                    if full(&lines) {
                        break 'text;
                    }
                }
                line.push(c);
                line_em += advance;
            }
        }
        lines.push(line);
        if full(&lines) {
            break;
        }
    }
    while lines.last().is_some_and(String::is_empty) && lines.len() > 1 {
        lines.pop();
    }
    let lines = settle(lines, bold, max_em);
    let mut lines = lines;
    if lines.len() > max_lines || cut {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            ellipsize(last, bold, max_em);
        }
    }
    lines
}

/// Each line shaped whole once: should the sum of its words run over (a kerning pair
/// across a space), its last word moves down. Rare, and the result is exact.
fn settle(lines: Vec<String>, bold: bool, max_em: f32) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut carry: Option<String> = None;
    for line in lines {
        let mut line = match carry.take() {
            Some(word) => format!("{word} {line}"),
            None => line,
        };
        while shaped_em(&line, bold) > max_em + 1e-4 {
            match line.rsplit_once(' ') {
                Some((head, last)) if !head.is_empty() => {
                    let last = last.to_owned();
                    line.truncate(head.len());
                    carry = Some(match carry.take() {
                        Some(more) => format!("{last} {more}"),
                        None => last,
                    });
                }
                _ => break,
            }
        }
        out.push(line);
    }
    if let Some(rest) = carry {
        out.push(rest);
    }
    out
}

fn ellipsize(line: &mut String, bold: bool, max_em: f32) {
    while !line.is_empty() && shaped_em(&format!("{line}…"), bold) > max_em {
        line.pop();
    }
    let trimmed = line.trim_end().len();
    line.truncate(trimmed);
    line.push('…');
}

/// The height `lines` lines take at `size` (the last line's full height included).
pub fn height(lines: usize, size: f32) -> f32 {
    if lines == 0 {
        0.0
    } else {
        (lines - 1) as f32 * line_height(size) + size * 1.2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_with_the_real_font_and_its_kerning() {
        let narrow = width("iiii", 10.0, false);
        let wide = width("MMMM", 10.0, false);
        assert!(wide > narrow * 2.0, "{narrow} vs {wide}");
        assert!(width("Bold", 10.0, true) > width("Bold", 10.0, false));
        assert!(width("ñandú", 10.0, false) > 0.0);
        // Kerning: "AV" is narrower than "A" and "V" apart.
        assert!(width("AV", 100.0, false) < width("A", 100.0, false) + width("V", 100.0, false));
        // Arabic and Hebrew are measured in their faces, emoji in Noto Emoji.
        assert!(width("مرحبا", 10.0, false) > 10.0);
        assert!(width("שלום", 10.0, false) > 10.0);
        assert!(width("🚚", 10.0, false) > 5.0);
    }

    #[test]
    fn wraps_at_spaces_and_keeps_every_word() {
        let text = "one two three four five six seven eight";
        let lines = wrap(text, 10.0, false, 60.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.join(" "), text, "nothing cut, nothing lost");
        assert!(
            lines.iter().all(|l| width(l, 10.0, false) <= 60.0),
            "{lines:?}"
        );
        assert_eq!(wrap("short", 10.0, false, 100.0), ["short"]);
        let long_word = wrap("Supercalifragilistic", 10.0, false, 40.0);
        assert!(long_word.len() > 1 && long_word.iter().all(|l| width(l, 10.0, false) <= 40.0));
        assert_eq!(long_word.concat(), "Supercalifragilistic");
    }

    #[test]
    fn a_cut_text_ends_with_an_ellipsis() {
        let lines = wrap_at_most(
            "one two three four five six seven eight",
            10.0,
            false,
            60.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 10.0, false) <= 60.0));
    }

    #[test]
    fn a_pasted_log_is_cut_at_the_lines_shown() {
        let log = "2026-11-01 ERROR checkout: gateway timeout\n".repeat(100_000);
        let lines = wrap_at_most(&log, 10.0, false, 200.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        let word = "x".repeat(1_000_000);
        let lines = wrap_at_most(&word, 10.0, false, 200.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| width(l, 10.0, false) <= 200.0));
    }
}
