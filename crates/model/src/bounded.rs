//! Bounded views of unbounded text: a title can hold a pasted log of megabytes, and
//! whatever draws it (canvas, exports, lists, notices) reads only what it can show.

use std::borrow::Cow;

/// The first `max_chars` characters of `text`, and whether anything was left out.
pub fn prefix(text: &str, max_chars: usize) -> (&str, bool) {
    match text.char_indices().nth(max_chars) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}

/// `text` cut to `max_chars` characters, with "…" where it was cut.
pub fn ellipsized(text: &str, max_chars: usize) -> Cow<'_, str> {
    match prefix(text, max_chars) {
        (whole, false) => Cow::Borrowed(whole),
        (start, true) => Cow::Owned(format!("{}…", start.trim_end())),
    }
}

/// The first line of `text`, cut to `max_chars`, and how many lines follow it.
pub fn first_line(text: &str, max_chars: usize) -> (Cow<'_, str>, usize) {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let more = lines.count();
    (ellipsized(first, max_chars), more)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_characters_not_bytes() {
        assert_eq!(prefix("ñandú", 3), ("ñan", true));
        assert_eq!(prefix("ñandú", 5), ("ñandú", false));
        assert_eq!(ellipsized("uno dos tres", 4), "uno…");
        assert_eq!(ellipsized("uno", 4), "uno");
        assert_eq!(first_line("a\nb\nc", 10), (Cow::Borrowed("a"), 2));
    }
}
