//! Errors and warnings about a journey file, each pointing at a line and column, and
//! how they are located: a semantic problem names an element (and maybe one of its
//! fields); `SourceIndex` turns that into a position in the text.

use super::lexer::{self, Key, LineIndex};
use foldhash::HashMap;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warning,
}

/// Where a problem is, before it is resolved to a position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// A field of the top-level journey (`title`, `touchpoints`, ...).
    TopLevel(&'static str),
    /// The `occurrence`-th element (0-based) with this id in list `section`, or one of
    /// its fields.
    Element {
        section: &'static str,
        id: String,
        occurrence: usize,
        field: Option<&'static str>,
    },
    /// An exact position already known (syntax errors).
    Position { line: usize, column: usize },
}

impl Anchor {
    pub fn element(section: &'static str, id: &str) -> Self {
        Anchor::Element {
            section,
            id: id.to_owned(),
            occurrence: 0,
            field: None,
        }
    }

    pub fn field(section: &'static str, id: &str, field: &'static str) -> Self {
        Anchor::Element {
            section,
            id: id.to_owned(),
            occurrence: 0,
            field: Some(field),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(
            f,
            "{}:{}: {level}: {}",
            self.line, self.column, self.message
        )
    }
}

/// A problem found in a parsed journey, not yet placed in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub level: Level,
    pub anchor: Anchor,
    pub message: String,
}

impl Finding {
    pub fn error(anchor: Anchor, message: impl Into<String>) -> Self {
        Self {
            level: Level::Error,
            anchor,
            message: message.into(),
        }
    }

    pub fn warning(anchor: Anchor, message: impl Into<String>) -> Self {
        Self {
            level: Level::Warning,
            anchor,
            message: message.into(),
        }
    }
}

/// Positions of keys in a journey's text, for placing findings. Built in one pass
/// (keys, line starts, element ids), so placing any number of findings is linear.
pub struct SourceIndex<'a> {
    keys: Vec<Key<'a>>,
    lines: LineIndex<'a>,
    /// Index in `keys` of each top-level field (the first, if written twice).
    top_level: HashMap<&'a str, usize>,
    /// For each (section, id): the indices in `keys` of its `id:` keys, in file order.
    ids: HashMap<(&'a str, &'a str), Vec<usize>>,
}

impl<'a> SourceIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let keys = lexer::scan(text).keys;
        let mut top_level = HashMap::default();
        let mut ids: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
        let mut section: Option<(&str, Option<u32>)> = None;
        for (index, key) in keys.iter().enumerate() {
            if key.depth == 1 {
                top_level.entry(key.name).or_insert(index);
                section = Some((key.name, None));
                continue;
            }
            let Some((name, id_depth)) = &mut section else {
                continue;
            };
            if key.name != "id" {
                continue;
            }
            // An element's id is the first `id:` of the section, and every one at its depth.
            let depth = *id_depth.get_or_insert(key.depth);
            if key.depth == depth
                && let Some(id) = key.string_value
            {
                ids.entry((*name, id)).or_default().push(index);
            }
        }
        Self {
            keys,
            lines: LineIndex::new(text),
            top_level,
            ids,
        }
    }

    /// Resolves findings to diagnostics sorted by position (errors first on a tie).
    pub fn place(&self, findings: Vec<Finding>) -> Vec<Diagnostic> {
        let mut diagnostics: Vec<Diagnostic> = findings
            .into_iter()
            .map(|finding| {
                let (line, column) = self.locate(&finding.anchor);
                Diagnostic {
                    level: finding.level,
                    line,
                    column,
                    message: finding.message,
                }
            })
            .collect();
        diagnostics.sort_by_key(|d| (d.line, d.column, d.level));
        diagnostics
    }

    /// 1-based line and column of a byte offset in the text.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        self.lines.locate(offset)
    }

    fn locate(&self, anchor: &Anchor) -> (usize, usize) {
        let offset = match anchor {
            Anchor::Position { line, column } => return (*line, *column),
            Anchor::TopLevel(name) => self.top_level.get(name).map(|&k| self.keys[k].offset),
            Anchor::Element {
                section,
                id,
                occurrence,
                field,
            } => self.element(section, id, *occurrence, *field),
        };
        offset.map_or((1, 1), |offset| self.lines.locate(offset))
    }

    fn element(
        &self,
        section: &str,
        id: &str,
        occurrence: usize,
        field: Option<&str>,
    ) -> Option<usize> {
        let positions = self.ids.get(&(section, id))?;
        let position = *positions.get(occurrence).or(positions.first())?;
        let id_key = &self.keys[position];
        let Some(field) = field else {
            return Some(id_key.offset);
        };
        // The element's own keys run to the next key at or above its depth that is an
        // id (the next element) or a top-level field (the next section).
        // A field an older version named otherwise is found under its old name too.
        let older = match field {
            "metrics" => "metric",
            _ => field,
        };
        let field_key = self.keys[position + 1..]
            .iter()
            .take_while(|k| k.depth > 1 && !(k.name == "id" && k.depth == id_key.depth))
            .filter(|k| k.depth == id_key.depth)
            .find(|k| k.name == field || k.name == older);
        Some(field_key.unwrap_or(id_key).offset)
    }
}
