//! The bundled type (SIL Open Font License): Inter, regular and bold, for every Latin,
//! Greek and Cyrillic text, and Noto fallbacks for what Inter lacks: Noto Sans Arabic
//! and Noto Sans Hebrew (regular and bold) and monochrome Noto Emoji. The editor and
//! every export draw with these bytes, so text looks the same on every machine.
//!
//! Scripts none of them covers (CJK, Thai, Devanagari…) are drawn in exports with the
//! machine's own fonts when it has some, with a warning that the picture then depends
//! on the machine; `uncovered` finds such characters.

use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

pub const INTER_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Inter-Regular.otf");
pub const INTER_BOLD: &[u8] = include_bytes!("../../../assets/fonts/Inter-Bold.otf");
/// The family name inside the font files.
pub const FAMILY: &str = "Inter";

/// A bundled fallback: its family name, its regular face and its bold face, if any.
pub type Fallback = (&'static str, &'static [u8], Option<&'static [u8]>);

/// The fallback faces, in the order they are tried.
pub const FALLBACKS: &[Fallback] = &[
    (
        "Noto Sans Arabic",
        include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf"),
        Some(include_bytes!(
            "../../../assets/fonts/NotoSansArabic-Bold.ttf"
        )),
    ),
    (
        "Noto Sans Hebrew",
        include_bytes!("../../../assets/fonts/NotoSansHebrew-Regular.ttf"),
        Some(include_bytes!(
            "../../../assets/fonts/NotoSansHebrew-Bold.ttf"
        )),
    ),
    (
        "Noto Emoji",
        include_bytes!("../../../assets/fonts/NotoEmoji-Regular.ttf"),
        None,
    ),
];

/// Every bundled face's bytes: Inter first, then the fallbacks.
pub fn all_faces() -> impl Iterator<Item = &'static [u8]> {
    [INTER_REGULAR, INTER_BOLD].into_iter().chain(
        FALLBACKS
            .iter()
            .flat_map(|(_, regular, bold)| std::iter::once(*regular).chain(*bold)),
    )
}

/// The CSS font-family list of exported SVG text: Inter, then the fallbacks, so a
/// browser or a design tool with these fonts draws what the PNG shows.
pub fn svg_family_list() -> String {
    let mut list = vec![FAMILY.to_owned()];
    list.extend(FALLBACKS.iter().map(|(family, ..)| format!("'{family}'")));
    list.push("sans-serif".to_owned());
    list.join(", ")
}

/// The regular faces, Inter first, parsed once.
pub fn regular_faces() -> &'static [FontRef<'static>] {
    static FACES: OnceLock<Vec<FontRef<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        std::iter::once(INTER_REGULAR)
            .chain(FALLBACKS.iter().map(|(_, regular, _)| *regular))
            .filter_map(|bytes| FontRef::new(bytes).ok())
            .collect()
    })
}

/// Whether a character needs no glyph: spaces, controls, joiners, variation
/// selectors and direction marks shape other characters but draw nothing themselves.
fn draws_nothing(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

/// Whether a bundled face has a glyph for `c`.
pub fn covers(c: char) -> bool {
    draws_nothing(c)
        || regular_faces()
            .iter()
            .any(|face| face.charmap().map(c).is_some())
}

/// The characters of `text` no bundled face covers, each once, in order.
pub fn uncovered(text: &str) -> Vec<char> {
    let mut seen = foldhash::HashSet::default();
    text.chars()
        .filter(|c| !c.is_ascii() && seen.insert(*c) && !covers(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_arabic_and_hebrew_are_covered_cjk_is_not() {
        assert!(uncovered("Llamó al soporte 😡 مرحبا بكم שלום ñ €").is_empty());
        assert_eq!(uncovered("配送 配送"), ['配', '送']);
        assert!(uncovered("a\u{200D}b\u{FE0F}\n").is_empty());
    }
}
