//! Errors and warnings about a journey file, each pointing at a line and column, and
//! how they are located: a semantic problem names an element (and maybe one of its
//! fields); `SourceIndex` turns that into a position in the text.

use super::lexer::{self, Key};
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

/// Positions of keys in a journey's text, for placing findings.
pub struct SourceIndex<'a> {
    text: &'a str,
    keys: Vec<Key<'a>>,
}

impl<'a> SourceIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            keys: lexer::scan(text).keys,
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

    fn locate(&self, anchor: &Anchor) -> (usize, usize) {
        let offset = match anchor {
            Anchor::Position { line, column } => return (*line, *column),
            Anchor::TopLevel(name) => self.top_level(name).map(|k| self.keys[k].offset),
            Anchor::Element {
                section,
                id,
                occurrence,
                field,
            } => self.element(section, id, *occurrence, *field),
        };
        offset.map_or((1, 1), |offset| lexer::line_column(self.text, offset))
    }

    fn top_level(&self, name: &str) -> Option<usize> {
        self.keys
            .iter()
            .position(|k| k.depth == 1 && k.name == name)
    }

    fn element(
        &self,
        section: &str,
        id: &str,
        occurrence: usize,
        field: Option<&str>,
    ) -> Option<usize> {
        let start = self.top_level(section)?;
        let end = self.keys[start + 1..]
            .iter()
            .position(|k| k.depth == 1)
            .map_or(self.keys.len(), |p| start + 1 + p);
        let section_keys = &self.keys[start + 1..end];
        let id_depth = section_keys.iter().find(|k| k.name == "id")?.depth;
        let mut ids = section_keys
            .iter()
            .enumerate()
            .filter(|(_, k)| k.name == "id" && k.depth == id_depth);
        let (position, id_key) =
            ids.find(|(_, k)| k.string_value == Some(id))
                .and_then(|first| {
                    if occurrence == 0 {
                        Some(first)
                    } else {
                        ids.filter(|(_, k)| k.string_value == Some(id))
                            .nth(occurrence - 1)
                    }
                })?;
        let Some(field) = field else {
            return Some(id_key.offset);
        };
        let element_keys = section_keys[position + 1..]
            .iter()
            .take_while(|k| !(k.name == "id" && k.depth == id_depth));
        let field_key = element_keys
            .filter(|k| k.depth == id_depth)
            .find(|k| k.name == field);
        Some(field_key.unwrap_or(id_key).offset)
    }
}
