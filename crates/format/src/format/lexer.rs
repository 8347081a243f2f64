//! A single linear pass over RON text that finds what serde cannot tell us: where
//! comments are (saving drops them) and where each `key:` stands, so semantic errors
//! can point at a line and column. Strings, raw strings and nested block comments are
//! skipped correctly; nothing here allocates per byte.

/// A `name:` found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key<'a> {
    pub name: &'a str,
    /// Bracket depth at the key: 1 for the fields of the top-level `Journey(...)`.
    pub depth: u32,
    pub offset: usize,
    /// The value when it is a plain string literal (ids are), without quotes.
    pub string_value: Option<&'a str>,
}

#[derive(Debug, Default)]
pub struct Scan<'a> {
    /// Byte offsets where comments start.
    pub comments: Vec<usize>,
    pub keys: Vec<Key<'a>>,
}

/// Byte offsets of comment starts; cheap when the text has no `/` followed by `/` or `*`.
pub fn comment_offsets(text: &str) -> Vec<usize> {
    if !text.contains("//") && !text.contains("/*") {
        return Vec::new();
    }
    scan(text).comments
}

pub fn scan(text: &str) -> Scan<'_> {
    let bytes = text.as_bytes();
    let mut out = Scan::default();
    let mut depth: u32 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                out.comments.push(i);
                i = memchr_newline(bytes, i);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                out.comments.push(i);
                i = skip_block_comment(bytes, i);
            }
            b'"' => i = skip_string(bytes, i),
            b'r' if is_raw_string_start(bytes, i) => i = skip_raw_string(bytes, i),
            b'\'' => i = skip_char(bytes, i),
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let after = skip_spaces(bytes, i);
                if bytes.get(after) == Some(&b':') {
                    let value_start = skip_spaces(bytes, after + 1);
                    let string_value = plain_string(text, value_start);
                    out.keys.push(Key {
                        name: &text[start..i],
                        depth,
                        offset: start,
                        string_value,
                    });
                    i = after + 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn skip_block_comment(bytes: &[u8], start: usize) -> usize {
    let mut nesting = 0usize;
    let mut i = start;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                nesting += 1;
                i += 2;
            }
            (b'*', b'/') => {
                nesting -= 1;
                i += 2;
                if nesting == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn is_raw_string_start(bytes: &[u8], i: usize) -> bool {
    let previous_is_ident = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
    if previous_is_ident {
        return false;
    }
    let mut j = i + 1;
    while bytes.get(j) == Some(&b'#') {
        j += 1;
    }
    bytes.get(j) == Some(&b'"')
}

fn skip_raw_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    let mut hashes = 0;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // opening quote
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

fn skip_char(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    if bytes.get(i) == Some(&b'\\') {
        i += 1;
    }
    // Step over one UTF-8 character, then the closing quote if present.
    i += 1;
    while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
        i += 1;
    }
    if bytes.get(i) == Some(&b'\'') {
        i + 1
    } else {
        i
    }
}

fn plain_string(text: &str, start: usize) -> Option<&str> {
    let rest = text.get(start..)?.strip_prefix('"')?;
    let end = rest.find(['"', '\\', '\n'])?;
    rest[end..].starts_with('"').then(|| &rest[..end])
}

/// 1-based line and column (in characters) of a byte offset. Scans the text before
/// the offset: for many offsets in one text, build a `LineIndex` once.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    (line, column(&before[line_start..]))
}

/// 1-based column of the end of a line's first bytes, in characters.
fn column(line_prefix: &[u8]) -> usize {
    String::from_utf8_lossy(line_prefix).chars().count() + 1
}

/// Where each line of a text starts, so that locating an offset costs a binary search
/// and a walk along its own line, not a scan from the top of the file.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        (line, column(&self.text.as_bytes()[line_start..offset]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_outside_strings_only() {
        let text = "A(\n  // hi\n  a: \"not // a comment\",\n  b: r#\"/* no \"# , /* yes /* nested */ */\n)";
        let scan = scan(text);
        assert_eq!(scan.comments.len(), 2);
        assert_eq!(line_column(text, scan.comments[0]), (2, 3));
        assert_eq!(line_column(text, scan.comments[1]), (4, 20));
    }

    #[test]
    fn keys_have_depth_and_plain_values() {
        let text = "Journey(\n    title: \"x\",\n    touchpoints: [\n        Touchpoint(\n            id: \"tp-1\",\n        ),\n    ],\n)";
        let scan = scan(text);
        let names: Vec<_> = scan
            .keys
            .iter()
            .map(|k| (k.name, k.depth, k.string_value))
            .collect();
        assert_eq!(
            names,
            [
                ("title", 1, Some("x")),
                ("touchpoints", 1, None),
                ("id", 3, Some("tp-1"))
            ]
        );
        assert_eq!(line_column(text, scan.keys[2].offset), (5, 13));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("ñandú: x", 7), (1, 6));
    }

    #[test]
    fn line_index_agrees_with_a_scan_from_the_top() {
        let text = "a\nñb\n\n  c\r\nlast";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            if !text.is_char_boundary(offset.min(text.len())) {
                continue;
            }
            let before = &text[..offset.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(index.locate(offset), (line, column), "offset {offset}");
        }
    }
}
