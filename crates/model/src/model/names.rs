//! Matching what a person typed against the names of a list (catalogue entries,
//! stages): the one rule the table's completion, a paste, a CSV import and a Mermaid
//! import share, so "pho" completes to the entry a paste of "Phone" is matched to.
//!
//! A value names an entry, in order of preference: by its id or name exactly; by its
//! name ignoring case, accents and repeated spaces; by completion: names that start
//! with it, else names where each of its words starts a word ("app" → "Mobile app").
//! Within the first rule that finds anything, one candidate is a match; more is a tie.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` lowercased, without accents, with runs of spaces as one space and trimmed:
/// what "ignoring case and accents" compares.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// The words of a folded name: runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The entries (by index) `typed` completes to, best first: names that start with it,
/// in list order, then names where each of its words starts a word of the name. Empty
/// when `typed` is empty.
pub fn completions<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
    let typed = fold(typed);
    if typed.is_empty() {
        return Vec::new();
    }
    let typed_words: Vec<&str> = words(&typed).collect();
    let mut prefix = Vec::new();
    let mut anywhere = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let name = fold(name);
        if name.starts_with(&typed) {
            prefix.push(i);
        } else if !typed_words.is_empty()
            && typed_words
                .iter()
                .all(|t| words(&name).any(|w| w.starts_with(t)))
        {
            anywhere.push(i);
        }
    }
    prefix.extend(anywhere);
    prefix
}

/// How a value was matched to an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The entry's id or name, exactly.
    Exact,
    /// The name, ignoring case, accents and spaces.
    Folded,
    /// The only completion of the value.
    Completed,
}

/// What a value names in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Entry(usize, How),
    /// Several entries fit equally well: none is chosen.
    Tie(Vec<usize>),
    None,
}

/// The entry of `entries` (id, name) that `value` names, by the rules above.
pub fn find<'a>(
    value: &str,
    entries: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
) -> Found {
    let value_trimmed = value.trim();
    if value_trimmed.is_empty() {
        return Found::None;
    }
    let exact: Vec<usize> = entries
        .clone()
        .into_iter()
        .enumerate()
        .filter(|(_, (id, name))| *name == value || *name == value_trimmed || *id == value_trimmed)
        .map(|(i, _)| i)
        .collect();
    if let Some(first) = exact.first() {
        return Found::Entry(*first, How::Exact);
    }
    let folded = fold(value);
    let same: Vec<usize> = entries
        .clone()
        .into_iter()
        .enumerate()
        .filter(|(_, (id, name))| fold(name) == folded || fold(id) == folded)
        .map(|(i, _)| i)
        .collect();
    match same.as_slice() {
        [one] => return Found::Entry(*one, How::Folded),
        [] => {}
        _ => return Found::Tie(same),
    }
    let names: Vec<&str> = entries.into_iter().map(|(_, name)| name).collect();
    let prefix_count = names
        .iter()
        .filter(|n| fold(n).starts_with(&folded))
        .count();
    let completed = completions(value, names.iter().copied());
    let best: Vec<usize> = if prefix_count > 0 {
        completed[..prefix_count].to_vec()
    } else {
        completed
    };
    match best.as_slice() {
        [] => Found::None,
        [one] => Found::Entry(*one, How::Completed),
        _ => Found::Tie(best),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Ids compare like names ignoring case: "Phone" is the id "phone".
    const CHANNELS: [(&str, &str); 5] = [
        ("web", "Website"),
        ("app", "Mobile app"),
        ("phone", "Phone / contact centre"),
        ("social", "Social media"),
        ("store", "Store"),
    ];

    #[test]
    fn folding_ignores_case_accents_and_spaces() {
        assert_eq!(fold("  Atención   al Cliente "), "atencion al cliente");
        assert_eq!(fold("ÉXITO"), "exito");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn completion_takes_prefixes_then_words_anywhere() {
        let names = CHANNELS.iter().map(|(_, n)| *n);
        assert_eq!(completions("pho", names.clone()), [2]);
        assert_eq!(completions("app", names.clone()), [1]);
        assert_eq!(completions("s", names.clone()), [3, 4]);
        assert_eq!(completions("contact", names.clone()), [2]);
        assert!(completions("", names.clone()).is_empty());
        assert!(completions("fax", names).is_empty());
    }

    #[test]
    fn a_value_names_one_entry_or_none() {
        let entries = CHANNELS.iter().map(|(id, n)| (*id, *n));
        assert_eq!(find("Phone", entries.clone()), Found::Entry(2, How::Folded));
        // "app" is the id of the mobile app: exact before anything else.
        assert_eq!(find("app", entries.clone()), Found::Entry(1, How::Exact));
        assert_eq!(find("social", entries.clone()), Found::Entry(3, How::Exact));
        assert_eq!(
            find("Social", entries.clone()),
            Found::Entry(3, How::Folded)
        );
        assert_eq!(
            find("website", entries.clone()),
            Found::Entry(0, How::Folded)
        );
        assert_eq!(find("S", entries.clone()), Found::Tie(vec![3, 4]));
        assert_eq!(find("Fax", entries.clone()), Found::None);
        assert_eq!(find("  ", entries), Found::None);
        let spanish = [("atencion", "Atención al cliente")];
        assert_eq!(
            find("atencion", spanish.iter().map(|(i, n)| (*i, *n))),
            Found::Entry(0, How::Exact)
        );
        assert_eq!(
            find("ATENCION AL CLIENTE", spanish.iter().map(|(i, n)| (*i, *n))),
            Found::Entry(0, How::Folded)
        );
    }
}
