//! Line breaking for exported text, measured with the bundled font's real advance
//! widths (SVG has no automatic wrapping). Words wrap at spaces; a word longer than a
//! line is broken between characters; text cut at `max_lines` ends with "…".

use crate::fonts::{INTER_BOLD, INTER_REGULAR};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

/// Advance widths of one face, in ems, for fast repeated measuring.
struct Metrics {
    ascent_em: f32,
    /// Advance of ASCII characters, in ems.
    ascii: [f32; 128],
    font: FontRef<'static>,
}

impl Metrics {
    fn load(bytes: &'static [u8]) -> Option<Self> {
        let font = FontRef::new(bytes).ok()?;
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let mut this = Self {
            ascent_em: metrics.ascent / units_per_em,
            ascii: [0.0; 128],
            font,
        };
        let ascii: Vec<f32> = (0u8..128)
            .map(|code| this.lookup(char::from(code)))
            .collect();
        this.ascii.copy_from_slice(&ascii);
        Some(this)
    }

    fn lookup(&self, c: char) -> f32 {
        advance_em(&self.font, c)
            // What Inter lacks is drawn with a fallback face: measure it there.
            .or_else(|| {
                crate::fonts::regular_faces()
                    .iter()
                    .skip(1)
                    .find_map(|face| advance_em(face, c))
            })
            .unwrap_or(0.6)
    }

    fn em(&self, c: char) -> f32 {
        match self.ascii.get(c as usize) {
            Some(width) if c.is_ascii() => *width,
            _ => self.lookup(c),
        }
    }
}

/// The advance of `c` in `font`, in ems, if the font has it.
fn advance_em(font: &FontRef<'_>, c: char) -> Option<f32> {
    let glyph = font.charmap().map(c)?;
    let metrics = font.metrics(Size::unscaled(), LocationRef::default());
    let units_per_em = f32::from(metrics.units_per_em.max(1));
    font.glyph_metrics(Size::unscaled(), LocationRef::default())
        .advance_width(glyph)
        .map(|a| a / units_per_em)
}

fn metrics(bold: bool) -> Option<&'static Metrics> {
    static REGULAR: OnceLock<Option<Metrics>> = OnceLock::new();
    static BOLD: OnceLock<Option<Metrics>> = OnceLock::new();
    let cell = if bold { &BOLD } else { &REGULAR };
    cell.get_or_init(|| Metrics::load(if bold { INTER_BOLD } else { INTER_REGULAR }))
        .as_ref()
}

/// Width of `text` at `size`, in the same units as `size`.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    match metrics(bold) {
        Some(m) => text.chars().map(|c| m.em(c)).sum::<f32>() * size,
        None => text.chars().count() as f32 * size * 0.55,
    }
}

/// The font's ascent as a fraction of the size: baseline = top + ascent * size.
pub fn ascent(bold: bool) -> f32 {
    metrics(bold).map_or(0.93, |m| m.ascent_em)
}

/// Breaks `text` into at most `max_lines` lines no wider than `max_width`. Stops
/// reading once the lines are full, so a pasted log of megabytes costs what the lines
/// shown cost.
pub fn wrap(text: &str, size: f32, bold: bool, max_width: f32, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    // No glyph is narrower than a tenth of an em, so no more characters than this can
    // show: the rest is never read.
    let per_line = (max_width / size.max(0.1) * 10.0).ceil().max(1.0) as usize;
    let (text, cut) = crate::bounded::prefix(text, per_line.saturating_mul(max_lines + 1));
    let mut lines: Vec<String> = Vec::new();
    // One line more than fits tells that the text was cut.
    let full = |lines: &Vec<String>| lines.len() > max_lines;
    'text: for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, size, bold) <= max_width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                if full(&lines) {
                    break 'text;
                }
            }
            // A word wider than the line is broken between characters.
            let mut line_width = 0.0;
            for c in word.chars() {
                let advance = width(c.encode_utf8(&mut [0; 4]), size, bold);
                if line_width + advance > max_width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                    if full(&lines) {
                        break 'text;
                    }
                }
                line.push(c);
                line_width += advance;
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
    if lines.len() > max_lines || cut {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            ellipsize(last, size, bold, max_width);
        }
    }
    lines
}

fn ellipsize(line: &mut String, size: f32, bold: bool, max_width: f32) {
    while !line.is_empty() && width(&format!("{line}…"), size, bold) > max_width {
        line.pop();
    }
    let trimmed = line.trim_end().len();
    line.truncate(trimmed);
    line.push('…');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_with_the_real_font() {
        let narrow = width("iiii", 10.0, false);
        let wide = width("MMMM", 10.0, false);
        assert!(wide > narrow * 2.0, "{narrow} vs {wide}");
        assert!(width("Bold", 10.0, true) > width("Bold", 10.0, false));
        assert!(width("ñandú", 10.0, false) > 0.0);
    }

    #[test]
    fn wraps_at_spaces_and_ellipsizes() {
        let lines = wrap(
            "one two three four five six seven eight",
            10.0,
            false,
            60.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(
            lines.iter().all(|l| width(l, 10.0, false) <= 60.0),
            "{lines:?}"
        );
        assert_eq!(wrap("short", 10.0, false, 100.0, 3), ["short"]);
        let long_word = wrap("Supercalifragilistic", 10.0, false, 40.0, 5);
        assert!(long_word.len() > 1 && long_word.iter().all(|l| width(l, 10.0, false) <= 40.0));
    }

    #[test]
    fn a_pasted_log_is_cut_at_the_lines_shown() {
        let log = "2026-11-01 ERROR checkout: gateway timeout\n".repeat(100_000);
        let lines = wrap(&log, 10.0, false, 200.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        let word = "x".repeat(1_000_000);
        let lines = wrap(&word, 10.0, false, 200.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| width(l, 10.0, false) <= 200.0));
    }
}
