//! The one set of sheet rules (`docs/csv.md`): every sheet a person pastes or imports,
//! of any kind of element, is read here, and every sheet the app writes is written
//! here. A kind's columns are its fields (`model::fields`), after an `id` column; the
//! touchpoint sheet adds a few of its own (`csv.rs`).
//!
//! - The text is CSV, or TSV when its first line holds a tab (what spreadsheets put on
//!   the clipboard); a byte-order mark is dropped. A header row names the columns by
//!   their column, file name, another name, or label in English or Spanish (ignoring
//!   case, accents, spaces and underscores). An unknown name is refused naming the
//!   closest column; a column named twice is refused.
//! - A row shorter than the header leaves the missing fields as they are; a cell left
//!   empty between two separators clears its field (the review names every field that
//!   will be cleared). A cell past the last column that holds anything is refused.
//! - One row per id: an id on two rows is refused, and so is an id another kind of
//!   element has (the map's elements share one id space).
//! - Cells a spreadsheet would run are written with a leading `'` (before `=`, `+`,
//!   `-`, `@`, a tab, a carriage return or `'`; plain numbers stay); reading removes a
//!   `'` only before those, so `'Tis` stays `'Tis`.
//! - One reader per shape: text as written; lines one item a line (`\n` and `\\` inside
//!   an item); yes/no (`yes`, `y`, `sí`, `x`, `1`, `true`; `no`, `n`, `0`, `false`, empty)
//!   and nothing else; whole numbers and numbers in their range; durations (`30 min`,
//!   in English or Spanish units); choices by key or name in English or Spanish; stages
//!   also by the map's labels; references by id or name, catalogue entries made from a
//!   new name (reported), elements that must exist.
//! - A bad cell stops the sheet at its line and changes nothing.

use crate::i18n::I18n;
use crate::model::fields::{Blank, Field, Shape, Value, header_key, stage_of};
use crate::model::names::{Found, How, find, fold};
use crate::model::{
    Duration, ElementId, ElementKind, Item, Journey, KindVisitor, Language, Stage, TimeUnit,
    is_valid_id, with_kind,
};
use std::borrow::Cow;
use thiserror::Error;

#[derive(Clone, Debug, Error, PartialEq)]
#[error("{line}: {message}")]
pub struct CsvError {
    pub line: u64,
    pub message: String,
}

impl CsvError {
    pub fn new(line: u64, message: impl Into<String>) -> Self {
        Self {
            line,
            message: message.into(),
        }
    }
}

/// A catalogue a sheet's names are matched against (and new entries made in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Catalogue {
    Channel,
    Department,
    Actor,
    /// The extra curves a card scores (a new name is a new curve).
    Curve,
}

impl Catalogue {
    pub fn kind(self) -> ElementKind {
        match self {
            Catalogue::Channel => ElementKind::Channel,
            Catalogue::Department => ElementKind::Department,
            Catalogue::Actor => ElementKind::Actor,
            Catalogue::Curve => ElementKind::Curve,
        }
    }

    pub fn of(kind: ElementKind) -> Option<Self> {
        match kind {
            ElementKind::Channel => Some(Catalogue::Channel),
            ElementKind::Department => Some(Catalogue::Department),
            ElementKind::Actor => Some(Catalogue::Actor),
            ElementKind::Curve => Some(Catalogue::Curve),
            _ => None,
        }
    }

    /// The catalogue's entries: (id, name).
    pub fn entries(self, journey: &Journey) -> Vec<(String, String)> {
        match self {
            Catalogue::Channel => journey
                .channels
                .iter()
                .map(|c| (c.id.0.clone(), c.name.clone()))
                .collect(),
            Catalogue::Department => journey
                .departments
                .iter()
                .map(|d| (d.id.0.clone(), d.name.clone()))
                .collect(),
            Catalogue::Actor => journey
                .actors
                .iter()
                .map(|a| (a.id.0.clone(), a.name.clone()))
                .collect(),
            Catalogue::Curve => journey
                .curves
                .iter()
                .map(|c| (c.id.0.clone(), c.name.clone()))
                .collect(),
        }
    }

    /// The field label naming one of its values (`field-channel`).
    pub fn label(self) -> &'static str {
        match self {
            Catalogue::Channel => "field-channel",
            Catalogue::Department => "field-department",
            Catalogue::Actor => "field-actor",
            Catalogue::Curve => "field-curves",
        }
    }
}

/// A catalogue value of the sheet and what it became.
#[derive(Clone, Debug, PartialEq)]
pub struct Matched {
    pub catalogue: Catalogue,
    /// The value as the sheet has it.
    pub value: String,
    /// The entry it names (its id), or `None`: a new entry.
    pub entry: Option<String>,
    /// That entry's name (the value itself for a new entry).
    pub name: String,
    /// How: `None` for a new entry, or one chosen in the confirmation.
    pub how: Option<How>,
    /// Other entries that fit as well (a tie), for the person to choose among.
    pub candidates: Vec<String>,
}

/// What reading a sheet did besides its rows, for the person to read.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
    /// References the sheet had that the journey cannot hold (dropped), and the like.
    pub warnings: Vec<String>,
    /// Catalogue entries the sheet added (`channel "Fax"`).
    pub new_entries: Vec<String>,
    /// Every catalogue value that was not an entry's exact name: its match, or a new
    /// entry.
    pub matches: Vec<Matched>,
}

/// How a sheet is read besides its text.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The columns (by their column names) of a sheet without a header row (the
    /// table's visible columns): used when the first row names no column. Without it,
    /// a header is required.
    pub columns_without_header: Option<Vec<&'static str>>,
    /// The person's choices for catalogue values: an entry's id, or `None` for a new
    /// entry.
    pub choices: Vec<(Catalogue, String, Option<String>)>,
}

// ---------------------------------------------------------------- cells

/// A cell a spreadsheet would evaluate gets a leading `'` (plain numbers stay).
pub fn neutralised(cell: String) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']);
    if risky && !is_plain_number(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

/// Reading undoes `neutralised`: a `'` goes only where the writer put one, before a
/// character a spreadsheet would run (`'Tis` stays as it is).
pub fn read_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
        _ => cell,
    }
}

/// A list cell: one escaped item a line.
pub fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.map(escape_item).collect::<Vec<_>>().join("\n")
}

fn escape_item(item: &str) -> String {
    let mut out = String::with_capacity(item.len());
    for c in item.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape_item(item: &str) -> String {
    let mut out = String::with_capacity(item.len());
    let mut chars = item.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Splits a list cell into its items (an empty cell has none; empty lines are empty
/// items only where `keep_empty`, in aligned lists).
pub fn items(cell: &str, keep_empty: bool) -> Vec<String> {
    if cell.is_empty() {
        return Vec::new();
    }
    cell.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| keep_empty || !line.is_empty())
        .map(unescape_item)
        .collect()
}

/// "yes" or "no" as a sheet may write them (English, Spanish, x, 1/0, true/false).
pub fn yes_or_no(cell: &str) -> Option<bool> {
    match fold(cell).as_str() {
        "" | "no" | "n" | "false" | "0" => Some(false),
        "yes" | "y" | "si" | "s" | "x" | "true" | "1" => Some(true),
        _ => None,
    }
}

/// The stage's name as files write it (`Awareness`).
pub fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::Awareness => "Awareness",
        Stage::Interest => "Interest",
        Stage::Consideration => "Consideration",
        Stage::Action => "Action",
        Stage::Usage => "Usage",
        Stage::Advocacy => "Advocacy",
    }
}

/// Stage names a sheet may use: the file's, the map's own labels, English, Spanish
/// and former names.
pub fn stage_names(journey: &Journey) -> Vec<(String, Stage)> {
    let mut names: Vec<(String, Stage)> = Stage::ALL
        .iter()
        .map(|s| (stage_key(*s).to_owned(), *s))
        .collect();
    names.extend(
        Stage::ALL
            .iter()
            .filter_map(|s| journey.stage_label(*s).map(|label| (label.to_owned(), *s))),
    );
    for language in [Language::En, Language::Es] {
        let i18n = I18n::new(language);
        names.extend(Stage::ALL.iter().map(|s| (i18n.term("stage", s.key()), *s)));
    }
    names.extend(
        crate::i18n::FORMER_STAGE_NAMES
            .iter()
            .map(|(name, stage)| ((*name).to_owned(), *stage)),
    );
    names
}

/// The stage a cell names, or why not.
pub fn stage_named(journey: &Journey, cell: &str) -> Result<Stage, String> {
    let key = cell.trim();
    let names = stage_names(journey);
    let folded = fold(key);
    names
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(key))
        .or_else(|| names.iter().find(|(n, _)| fold(n) == folded))
        .map(|(_, s)| *s)
        .ok_or_else(|| {
            format!(
                "{key:?} is not a stage: use Awareness, Interest, Consideration, Action, \
                 Usage or Advocacy (or their names in the map)"
            )
        })
}

/// Letters and digits only, folded: `Department handoff`, `department-handoff` and
/// `DepartmentHandoff` compare equal.
fn compact(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The key of the choice `cell` names: a key, or its word in English or Spanish.
pub fn choice_named(family: &str, keys: &[&'static str], cell: &str) -> Option<&'static str> {
    let wanted = compact(cell);
    if wanted.is_empty() {
        return None;
    }
    let words = [I18n::new(Language::En), I18n::new(Language::Es)];
    keys.iter()
        .copied()
        .find(|k| compact(k) == wanted)
        .or_else(|| {
            keys.iter().copied().find(|k| {
                words
                    .iter()
                    .any(|i18n| compact(&i18n.term(family, k)) == wanted)
            })
        })
}

/// A duration as a sheet or a cell writes it: the file's units, or the interface's in
/// English or Spanish (`2 sem`).
pub fn duration_named(cell: &str) -> Result<Duration, String> {
    let value = cell.trim();
    if let Ok(duration) = Duration::parse(value) {
        return Ok(duration);
    }
    for language in [Language::En, Language::Es] {
        let i18n = I18n::new(language);
        for unit in TimeUnit::ALL {
            let shown = i18n.term("time-unit", unit.key());
            if let Some(number) = value.strip_suffix(shown.as_str())
                && let Ok(duration) = Duration::parse(&format!("{}{}", number.trim(), unit.key()))
            {
                return Ok(duration);
            }
        }
    }
    Duration::parse(value)
}

/// A number as a sheet writes it: a decimal point or comma, an optional `%`.
fn number_named(cell: &str) -> Option<f64> {
    let text = cell.trim().trim_end_matches('%').trim().replace(',', ".");
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

// ---------------------------------------------------------------- references

/// Resolves references by id or name; makes catalogue entries from new names.
struct Resolver<'o> {
    options: &'o Options,
    report: Report,
    /// Ids of each kind, and (id, name) pairs, made once per sheet.
    names: foldhash::HashMap<ElementKind, Vec<(String, String)>>,
}

/// Each element of `kind` as (id, name).
fn named_elements(journey: &Journey, kind: ElementKind) -> Vec<(String, String)> {
    if let Some(catalogue) = Catalogue::of(kind) {
        return catalogue.entries(journey);
    }
    struct Names<'a>(&'a Journey, Vec<(String, String)>);
    impl KindVisitor for Names<'_> {
        fn visit<T: Item>(&mut self) {
            self.1 = T::list(self.0)
                .iter()
                .map(|e| (e.id().to_owned(), e.name()))
                .collect();
        }
    }
    let mut names = Names(journey, Vec::new());
    with_kind(kind, &mut names);
    names.1
}

impl Resolver<'_> {
    fn pairs(&mut self, journey: &Journey, kind: ElementKind) -> &Vec<(String, String)> {
        self.names
            .entry(kind)
            .or_insert_with(|| named_elements(journey, kind))
    }

    /// The element `value` names among `kinds`: an id exactly, else one name.
    fn reference(
        &mut self,
        journey: &mut Journey,
        kinds: &[ElementKind],
        value: &str,
    ) -> Result<ElementId, String> {
        let trimmed = value.trim();
        for kind in kinds {
            if let Some(catalogue) = Catalogue::of(*kind) {
                return Ok(ElementId::new(
                    *kind,
                    &self.entry(journey, catalogue, value),
                ));
            }
        }
        for kind in kinds {
            if self
                .pairs(journey, *kind)
                .iter()
                .any(|(id, _)| id == trimmed)
            {
                return Ok(ElementId::new(*kind, trimmed));
            }
        }
        let mut found: Vec<ElementId> = Vec::new();
        for kind in kinds {
            let pairs = self.pairs(journey, *kind);
            let exact: Vec<usize> = pairs
                .iter()
                .enumerate()
                .filter(|(_, (_, name))| name.trim() == trimmed)
                .map(|(i, _)| i)
                .collect();
            let hits = if exact.is_empty() {
                let folded = fold(trimmed);
                pairs
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, name))| fold(name) == folded)
                    .map(|(i, _)| i)
                    .collect()
            } else {
                exact
            };
            found.extend(hits.iter().map(|i| ElementId::new(*kind, &pairs[*i].0)));
        }
        let words: Vec<&str> = kinds.iter().map(|k| k.singular()).collect();
        match found.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(format!(
                "{trimmed:?} is not the id or title of a {} of the map",
                words.join(" or ")
            )),
            several => Err(format!(
                "{trimmed:?} is the title of {} elements: write its id ({})",
                several.len(),
                several
                    .iter()
                    .map(ElementId::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// The id of the catalogue entry `value` names (`names::find`), or of the person's
    /// choice for it; a value that names none, or ties, becomes a new entry in a colour
    /// of its own. Every value that was not an entry's own name is reported.
    fn entry(&mut self, journey: &mut Journey, catalogue: Catalogue, value: &str) -> String {
        let entries = catalogue.entries(journey);
        let seen = self
            .report
            .matches
            .iter()
            .find(|m| m.catalogue == catalogue && m.value == value);
        if let Some(seen) = seen
            && let Some(id) = &seen.entry
        {
            return id.clone();
        }
        let chosen = self
            .options
            .choices
            .iter()
            .find(|(c, v, _)| *c == catalogue && v == value)
            .map(|(_, _, choice)| choice.clone());
        let person_chose = chosen.is_some();
        let pairs = entries.iter().map(|(i, n)| (i.as_str(), n.as_str()));
        let (found, candidates) = match chosen {
            Some(Some(id)) if entries.iter().any(|(i, _)| *i == id) => {
                (Some((id, How::Exact)), vec![])
            }
            Some(_) => (None, vec![]),
            None => match find(value, pairs) {
                Found::Entry(at, how) => (Some((entries[at].0.clone(), how)), vec![]),
                Found::Tie(ties) => (None, ties.iter().map(|i| entries[*i].0.clone()).collect()),
                Found::None => (None, vec![]),
            },
        };
        match found {
            // The entry's own name: nothing to say. Its id under another name ("Phone"
            // for "Contact centre") is said, like any other match.
            Some((id, How::Exact))
                if !person_chose
                    && entries
                        .iter()
                        .any(|(i, n)| *i == id && n.trim() == value.trim()) =>
            {
                id
            }
            Some((id, how)) => {
                self.report.matches.push(Matched {
                    catalogue,
                    value: value.to_owned(),
                    name: entries
                        .iter()
                        .find(|(i, _)| *i == id)
                        .map_or_else(|| value.to_owned(), |(_, n)| n.clone()),
                    entry: Some(id.clone()),
                    how: (!person_chose).then_some(how),
                    candidates,
                });
                id
            }
            None => {
                let id = add_entry(journey, catalogue, value);
                self.names.remove(&catalogue.kind());
                self.report
                    .new_entries
                    .push(format!("{} {value:?}", catalogue.kind().singular()));
                self.report.matches.push(Matched {
                    catalogue,
                    value: value.to_owned(),
                    name: value.to_owned(),
                    entry: None,
                    how: None,
                    candidates,
                });
                id
            }
        }
    }
}

/// A new entry named `name`, in a colour no other entry of its catalogue has.
fn add_entry(journey: &mut Journey, catalogue: Catalogue, name: &str) -> String {
    match catalogue {
        Catalogue::Channel => {
            let channel = crate::model::new_channel(journey, name);
            let id = channel.id.0.clone();
            journey.channels.push(channel);
            id
        }
        Catalogue::Department => {
            let department = crate::model::new_department(journey, name);
            let id = department.id.0.clone();
            journey.departments.push(department);
            id
        }
        Catalogue::Actor => {
            let actor = crate::model::new_actor(journey, name);
            let id = actor.id.0.clone();
            journey.actors.push(actor);
            id
        }
        Catalogue::Curve => {
            let curve = crate::model::new_curve(journey, name);
            let id = curve.id.0.clone();
            journey.curves.push(curve);
            id
        }
    }
}

// ---------------------------------------------------------------- one cell

/// Reads `cell` as a value of `shape`; references resolve in `journey` (a new
/// catalogue name becomes an entry there).
fn parse_with(
    shape: Shape,
    cell: &str,
    journey: &mut Journey,
    resolver: &mut Resolver<'_>,
) -> Result<Value<'static>, String> {
    let key = cell.trim();
    Ok(match shape {
        Shape::Text => Value::Text(Cow::Owned(cell.to_owned())),
        Shape::Lines => Value::Lines(items(cell, false).into_iter().map(Cow::Owned).collect()),
        Shape::YesNo => {
            Value::YesNo(yes_or_no(key).ok_or_else(|| format!("{key:?} is not yes or no"))?)
        }
        Shape::Whole { min, max } => Value::Whole(if key.is_empty() {
            None
        } else {
            Some(
                key.trim_start_matches('+')
                    .parse::<i64>()
                    .ok()
                    .filter(|n| (min..=max).contains(n))
                    .ok_or_else(|| {
                        if min == i64::MIN || max >= i64::from(u32::MAX) {
                            format!("{key:?} is not a whole number")
                        } else {
                            format!("{key:?} is not a whole number from {min} to {max}")
                        }
                    })?,
            )
        }),
        Shape::Number { min, max } => Value::Number(if key.is_empty() {
            None
        } else {
            Some(
                number_named(key)
                    .filter(|n| (min..=max).contains(n))
                    .ok_or_else(|| {
                        if min <= f64::MIN {
                            format!("{key:?} is not a number")
                        } else {
                            format!("{key:?} is not a number from {min} to {max}")
                        }
                    })?,
            )
        }),
        Shape::Duration => Value::Duration(if key.is_empty() {
            None
        } else {
            Some(duration_named(key)?)
        }),
        Shape::Choice {
            family,
            keys,
            optional,
        } => {
            if key.is_empty() {
                if optional {
                    Value::Choice(None)
                } else {
                    return Err(format!("needs one of: {}", (keys)().join(", ")));
                }
            } else {
                let keys = (keys)();
                Value::Choice(Some(choice_named(family, &keys, key).ok_or_else(|| {
                    format!("{key:?} is not one of: {}", keys.join(", "))
                })?))
            }
        }
        Shape::Stage => Value::Stage(stage_named(journey, key)?),
        Shape::Ref { kinds, optional } => {
            if key.is_empty() {
                if optional {
                    Value::Ref(None)
                } else {
                    return Err("needs a value".to_owned());
                }
            } else {
                Value::Ref(Some(resolver.reference(journey, kinds, cell)?))
            }
        }
        Shape::Refs { kinds } => {
            let mut refs: Vec<ElementId> = Vec::new();
            for line in items(cell, false) {
                if line.trim().is_empty() {
                    continue;
                }
                let found = match resolver.reference(journey, kinds, &line) {
                    Ok(found) => vec![found],
                    // Ids separated by spaces (sheets written before one a line).
                    Err(error) if line.trim().contains(' ') && !Shape::makes_entries(shape) => line
                        .split_whitespace()
                        .map(|word| resolver.reference(journey, kinds, word))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|_| error)?,
                    Err(error) => return Err(error),
                };
                for id in found {
                    if !refs.contains(&id) {
                        refs.push(id);
                    }
                }
            }
            Value::Refs(refs)
        }
        Shape::Scores => {
            // `Trust: 1` a line; the curve by name or id.
            let mut scores: Vec<(ElementId, i64)> = Vec::new();
            for line in items(cell, false) {
                let Some((curve, score)) = line.rsplit_once(':') else {
                    return Err(format!("{line:?} is not `curve: score`"));
                };
                let curve = resolver.reference(journey, &[ElementKind::Curve], curve)?;
                let score = score
                    .trim()
                    .trim_start_matches('+')
                    .parse::<i64>()
                    .ok()
                    .filter(|s| (-2..=2).contains(s))
                    .ok_or_else(|| format!("{:?} is not a score from -2 to 2", score.trim()))?;
                scores.push((curve, score));
            }
            Value::Scores(scores)
        }
        Shape::Other => return Err("this column is not read from sheets".to_owned()),
    })
}

/// A value as a sheet writes it: language-neutral (keys, the file's stage names), a
/// catalogue entry by name, an element by id, lists one item a line.
pub fn cell_text(journey: &Journey, value: &Value<'_>) -> String {
    let reference = |id: &ElementId| -> String {
        match Catalogue::of(id.kind()) {
            Some(catalogue) => catalogue
                .entries(journey)
                .into_iter()
                .find(|(i, _)| i == id.as_str())
                .map_or_else(|| id.as_str().to_owned(), |(_, name)| name),
            None => id.as_str().to_owned(),
        }
    };
    match value {
        Value::Text(t) => t.to_string(),
        Value::Lines(l) => list(l.iter().map(AsRef::as_ref)),
        Value::YesNo(b) => if *b { "yes" } else { "" }.to_owned(),
        Value::Whole(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        Value::Number(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        Value::Duration(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        Value::Choice(c) => c.unwrap_or_default().to_owned(),
        Value::Stage(s) => stage_key(*s).to_owned(),
        Value::Ref(r) => r.as_ref().map(reference).unwrap_or_default(),
        Value::Refs(r) => {
            let names: Vec<String> = r.iter().map(reference).collect();
            list(names.iter().map(String::as_str))
        }
        Value::Scores(scores) => {
            let lines: Vec<String> = scores
                .iter()
                .map(|(curve, score)| {
                    let name = journey
                        .curves
                        .iter()
                        .find(|c| c.id.as_str() == curve.as_str())
                        .map_or(curve.as_str(), |c| c.name.as_str());
                    format!("{name}: {score}")
                })
                .collect();
            list(lines.iter().map(String::as_str))
        }
        Value::Other => String::new(),
    }
}

// ---------------------------------------------------------------- the grid

/// A sheet's rows as text: its line and its cells, `'` not yet removed.
pub struct Record {
    pub line: u64,
    pub cells: Vec<String>,
}

/// The separator of a sheet: a tab when the first line has one (what spreadsheets put
/// on the clipboard), else a comma.
fn delimiter(text: &str) -> u8 {
    let first = text.split('\n').next().unwrap_or_default();
    if first.contains('\t') { b'\t' } else { b',' }
}

pub fn csv_error(error: &csv::Error, fallback: u64) -> CsvError {
    CsvError {
        line: error.position().map_or(fallback, |p| p.line()),
        message: match error.kind() {
            csv::ErrorKind::Utf8 { .. } => "the text is not UTF-8".to_owned(),
            _ => error.to_string(),
        },
    }
}

/// Every row of `text` that holds anything, with its line.
pub fn records(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter(text))
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut last_line = 1;
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e, last_line))?;
        let line = record.position().map_or(last_line, |p| p.line());
        last_line = line;
        if out.is_empty() || !record.iter().all(|c| c.trim().is_empty()) {
            out.push(Record {
                line,
                cells: record.iter().map(str::to_owned).collect(),
            });
        }
    }
    Ok(out)
}

/// One column of a sheet: its header name, other names, label, and what it holds.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The name a header gives it, and export writes.
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// Message id of its label (a header may use it, in English or Spanish).
    pub label: &'static str,
    pub what: What,
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Id,
    /// The field with this index in the kind's table.
    Field(usize),
    /// A column of the sheet's own (the touchpoint sheet's position, stage label,
    /// opportunities); its number is the sheet's to read.
    Own(u8),
    /// Written for people, worked out from other fields; reading ignores it.
    Derived(u8),
}

impl Column {
    fn is_named(&self, header: &str, labels: &[I18n]) -> bool {
        let wanted = header_key(header);
        !wanted.is_empty()
            && (header_key(self.name) == wanted
                || self.aliases.iter().any(|a| header_key(a) == wanted)
                || labels
                    .iter()
                    .any(|i18n| header_key(&i18n.tr(self.label)) == wanted))
    }
}

/// Whether `cell` names one of `columns`.
pub fn names_column(columns: &[Column], cell: &str) -> bool {
    let labels = [I18n::new(Language::En), I18n::new(Language::Es)];
    columns.iter().any(|c| c.is_named(cell, &labels))
}

/// The `id` column and a column per field of `T` that sheets carry.
pub fn field_columns<T: Item>() -> Vec<Column> {
    let mut columns = vec![Column {
        name: "id",
        aliases: &[],
        label: "col-id",
        what: What::Id,
    }];
    columns.extend(
        T::FIELDS
            .iter()
            .enumerate()
            .filter(|(_, f)| f.shape.in_sheets())
            .map(|(i, f)| column_of(f, i)),
    );
    columns
}

fn column_of<T>(field: &Field<T>, index: usize) -> Column {
    Column {
        name: field.column,
        aliases: field.aliases,
        label: field.label,
        what: What::Field(index),
    }
}

/// Levenshtein distance, for naming the column a misspelt header meant.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// A sheet read against its columns: which column each header cell names, and the
/// rows. A cell is `None` where the row is shorter than the header (the field stays),
/// `Some` (with the writer's `'` removed) where the row has it, empty or not.
pub struct Read {
    pub header: Vec<Column>,
    pub rows: Vec<Row>,
}

pub struct Row {
    pub line: u64,
    pub cells: Vec<Option<String>>,
}

impl Row {
    /// The cell of `what`, if the sheet has that column and this row reaches it.
    pub fn cell(&self, header: &[Column], what: What) -> Option<&str> {
        header
            .iter()
            .position(|c| c.what == what)
            .and_then(|i| self.cells.get(i))
            .and_then(|c| c.as_deref())
    }
}

/// Reads `text` against `columns`: the header, the rows, every sheet rule that does not
/// depend on the kind (unknown and repeated columns, cells past the last column).
pub fn read(text: &str, columns: &[Column], options: &Options) -> Result<Read, CsvError> {
    let mut records = records(text)?.into_iter();
    let Some(first) = records.next() else {
        return Err(CsvError::new(1, "the sheet is empty"));
    };
    let labels = [I18n::new(Language::En), I18n::new(Language::Es)];
    let names_a_column =
        |cell: &str| cell.trim().is_empty() || columns.iter().any(|c| c.is_named(cell, &labels));
    // A sheet without a header row (pasted cells): the first row names no column.
    let headerless = options.columns_without_header.as_ref().filter(|_| {
        !first.cells.iter().all(|c| names_a_column(c))
            || first.cells.iter().all(|c| c.trim().is_empty())
    });
    let (header, first_row) = match headerless {
        Some(names) => {
            let header: Vec<Column> = names
                .iter()
                .take(first.cells.len().max(1))
                .filter_map(|n| columns.iter().find(|c| c.name == *n).copied())
                .collect();
            (header, Some(first))
        }
        None => {
            let mut header: Vec<Column> = Vec::with_capacity(first.cells.len());
            for cell in &first.cells {
                if cell.trim().is_empty() && header.len() + 1 == first.cells.len() {
                    break; // a trailing separator
                }
                let Some(column) = columns.iter().find(|c| c.is_named(cell, &labels)) else {
                    let wanted = header_key(cell);
                    let closest = columns
                        .iter()
                        .min_by_key(|c| edit_distance(c.name, &wanted))
                        .map_or("", |c| c.name);
                    return Err(CsvError::new(
                        first.line,
                        format!(
                            "unknown column {cell:?}: did you mean {closest:?}? The columns are: {}",
                            columns
                                .iter()
                                .map(|c| c.name)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ));
                };
                if header.iter().any(|c| c.what == column.what) {
                    return Err(CsvError::new(
                        first.line,
                        format!("the column {:?} is named twice", column.name),
                    ));
                }
                header.push(*column);
            }
            (header, None)
        }
    };
    let mut rows = Vec::new();
    for record in first_row.into_iter().chain(records) {
        if record.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(extra) = record
            .cells
            .iter()
            .skip(header.len())
            .find(|c| !c.trim().is_empty())
        {
            return Err(CsvError::new(
                record.line,
                format!(
                    "the row has {} cells but the header names {} columns (a cell past the last \
                     column holds {:?})",
                    record.cells.len(),
                    header.len(),
                    crate::bounded::ellipsized(extra, 40)
                ),
            ));
        }
        let cells = (0..header.len())
            .map(|i| record.cells.get(i).map(|c| read_cell(c).to_owned()))
            .collect();
        rows.push(Row {
            line: record.line,
            cells,
        });
    }
    Ok(Read { header, rows })
}

// ---------------------------------------------------------------- a kind's sheet

/// What reading a sheet into a journey would do, before anything changes: the journey
/// as it would be, the elements added and updated, the fields it would clear, and the
/// report (matches, new entries, warnings).
#[derive(Debug)]
pub struct Plan {
    pub journey: Journey,
    pub added: Vec<ElementId>,
    pub updated: Vec<ElementId>,
    /// Fields that held something and would be emptied: (element, field label id).
    pub cleared: Vec<(ElementId, &'static str)>,
    pub report: Report,
}

/// The map's elements that share one id space (`ElementKind::shares_ids`).
pub const MAP_ELEMENTS: [ElementKind; 5] = [
    ElementKind::Touchpoint,
    ElementKind::Step,
    ElementKind::GreyArea,
    ElementKind::Evidence,
    ElementKind::Opportunity,
];

/// The kind of map element that already has `id`, if any.
pub fn id_owner(journey: &Journey, id: &str) -> Option<ElementKind> {
    MAP_ELEMENTS.into_iter().find(|k| journey.has(*k, id))
}

/// Hooks of a sheet with columns of its own (the touchpoint sheet's): read after the
/// fields of every row are set.
pub trait Own {
    /// Reads the sheet's own columns of `rows` (each with its element's id) into
    /// `journey`.
    fn apply(
        &mut self,
        journey: &mut Journey,
        header: &[Column],
        rows: &[(&Row, ElementId)],
        report: &mut Report,
    ) -> Result<(), CsvError>;
    /// Whether an element without a stage change must move (a position column).
    fn places(&self) -> bool {
        false
    }
}

/// No columns of its own.
pub struct NoOwn;

impl Own for NoOwn {
    fn apply(
        &mut self,
        _: &mut Journey,
        _: &[Column],
        _: &[(&Row, ElementId)],
        _: &mut Report,
    ) -> Result<(), CsvError> {
        Ok(())
    }
}

/// A phase a row names that its stage does not list yet joins the stage's phases (at
/// their end, in the sheet's order), as a new channel joins the catalogue: said among
/// the new entries.
fn list_new_phases<T: Item>(work: &mut Journey, rows: &[(&Row, ElementId)], report: &mut Report) {
    let Some(phase) = T::FIELDS.iter().find(|f| f.name == "phase") else {
        return;
    };
    for (_, id) in rows {
        let Some(element) = work.item::<T>(id.as_str()) else {
            continue;
        };
        let (Some(stage), Value::Text(name)) = (stage_of(element), (phase.get)(element)) else {
            continue;
        };
        let name = name.trim().to_owned();
        if name.is_empty() || work.stages_phase(stage, &name) {
            continue;
        }
        work.stages
            .entry(stage)
            .or_default()
            .phases
            .push(name.clone());
        report
            .new_entries
            .push(format!("phase {name:?} in stage {}", stage.key()));
    }
}

/// What reading `text` (a sheet of `T`, `columns` its columns) into `journey` would do;
/// `journey` is not changed. Rows with a known id update that element's columns; rows
/// without one, or with a new id, add an element.
pub fn plan<T: Blank>(
    journey: &Journey,
    text: &str,
    columns: &[Column],
    options: &Options,
    own: &mut dyn Own,
) -> Result<Plan, CsvError> {
    let read = read(text, columns, options)?;
    let header = &read.header;
    if !header.iter().any(|c| c.what == What::Id)
        && !T::REQUIRED
            .iter()
            .all(|name| header.iter().any(|c| field_named::<T>(c) == Some(*name)))
    {
        return Err(CsvError::new(
            1,
            format!(
                "the sheet needs an \"id\" column, or the columns a new {} needs ({})",
                T::KIND.singular(),
                T::REQUIRED.join(", ")
            ),
        ));
    }
    let mut work = journey.clone();
    let mut resolver = Resolver {
        options,
        report: Report::default(),
        names: foldhash::HashMap::default(),
    };
    // Pass 1: each row's element, new ones made (blank) so rows can name each other.
    let mut taken: foldhash::HashSet<String> = MAP_ELEMENTS
        .iter()
        .flat_map(|k| named_ids(journey, *k))
        .collect();
    let mut allocator = T::KIND.allocator(taken.clone());
    let mut seen: foldhash::HashMap<String, u64> = foldhash::HashMap::default();
    let mut targets: Vec<(usize, bool)> = Vec::with_capacity(read.rows.len());
    let mut added = Vec::new();
    for row in &read.rows {
        let id = row
            .cell(header, What::Id)
            .map(str::trim)
            .filter(|id| !id.is_empty());
        let at = match id {
            Some(id) => {
                if !is_valid_id(id) {
                    return Err(CsvError::new(
                        row.line,
                        format!("{id:?} is not an id: letters, digits, dashes and underscores"),
                    ));
                }
                if let Some(first) = seen.insert(id.to_owned(), row.line) {
                    return Err(CsvError::new(
                        row.line,
                        format!("id {id:?} is on two rows (lines {first} and {})", row.line),
                    ));
                }
                match T::list(&work).iter().position(|e| e.id() == id) {
                    Some(at) => (at, false),
                    None => {
                        if let Some(owner) = id_owner(&work, id) {
                            return Err(CsvError::new(
                                row.line,
                                format!(
                                    "id {id:?} is a {}'s: the map's touchpoints, steps, grey \
                                     areas, evidence and opportunities share their ids",
                                    owner.singular()
                                ),
                            ));
                        }
                        taken.insert(id.to_owned());
                        T::list_mut(&mut work).push(T::blank(id));
                        added.push(ElementId::new(T::KIND, id));
                        (T::list(&work).len() - 1, true)
                    }
                }
            }
            None => {
                let id = allocator.fresh("");
                T::list_mut(&mut work).push(T::blank(&id));
                added.push(ElementId::new(T::KIND, &id));
                (T::list(&work).len() - 1, true)
            }
        };
        if at.1 {
            for required in T::REQUIRED {
                let given = header
                    .iter()
                    .position(|c| field_named::<T>(c) == Some(*required))
                    .and_then(|i| row.cells.get(i))
                    .and_then(|c| c.as_deref())
                    .is_some_and(|c| !c.is_empty());
                if !given {
                    let what = id.map_or_else(
                        || "a new row".to_owned(),
                        |id| format!("{id:?}, not in the map,"),
                    );
                    return Err(CsvError::new(
                        row.line,
                        format!(
                            "{what} needs {} to become a {}",
                            T::REQUIRED.join(" and "),
                            T::KIND.singular()
                        ),
                    ));
                }
            }
        }
        targets.push(at);
    }
    // Pass 2: every field the rows carry, references last (they may name a row's
    // element by the title it is given here).
    let stages_before: Vec<Option<Stage>> = T::list(&work).iter().map(stage_of).collect();
    for references in [false, true] {
        for (row, (at, _)) in read.rows.iter().zip(&targets) {
            for (column, cell) in header.iter().zip(&row.cells) {
                let (What::Field(index), Some(cell)) = (column.what, cell) else {
                    continue;
                };
                let field = &T::FIELDS[index];
                if matches!(field.shape, Shape::Ref { .. } | Shape::Refs { .. }) != references {
                    continue;
                }
                let value = parse_with(field.shape, cell, &mut work, &mut resolver)
                    .map_err(|m| CsvError::new(row.line, format!("{}: {m}", column.name)))?;
                let element = &mut T::list_mut(&mut work)[*at];
                (field.set)(element, value)
                    .map_err(|m| CsvError::new(row.line, format!("{}: {m}", column.name)))?;
            }
        }
    }
    let rows_with_ids: Vec<(&Row, ElementId)> = read
        .rows
        .iter()
        .zip(&targets)
        .map(|(row, (at, _))| (row, ElementId::new(T::KIND, T::list(&work)[*at].id())))
        .collect();
    own.apply(&mut work, header, &rows_with_ids, &mut resolver.report)?;
    list_new_phases::<T>(&mut work, &rows_with_ids, &mut resolver.report);
    // Elements grouped by stage: a new row, or one moved to another stage, goes to the
    // end of its stage; the others keep their places.
    let listed: foldhash::HashSet<usize> = targets.iter().map(|(at, _)| *at).collect();
    if !own.places() && T::list(&work).first().and_then(stage_of).is_some() {
        let list = std::mem::take(T::list_mut(&mut work));
        let new: foldhash::HashSet<usize> = targets
            .iter()
            .filter(|(_, new)| *new)
            .map(|(at, _)| *at)
            .collect();
        let mut keyed: Vec<(Stage, bool, usize, T)> = list
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let stage = stage_of(&e).unwrap_or(Stage::Awareness);
                let moved = new.contains(&i)
                    || listed.contains(&i)
                        && stages_before.get(i).copied().flatten() != Some(stage);
                (stage, moved, i, e)
            })
            .collect();
        keyed.sort_by_key(|(stage, moved, i, _)| (*stage, *moved, *i));
        *T::list_mut(&mut work) = keyed.into_iter().map(|(.., e)| e).collect();
    }
    // What the rows changed, and what they emptied.
    let before: foldhash::HashMap<&str, &T> =
        T::list(journey).iter().map(|e| (e.id(), e)).collect();
    let mut updated = Vec::new();
    let mut cleared = Vec::new();
    for (row, id) in &rows_with_ids {
        let _ = row;
        let Some(old) = before.get(id.as_str()) else {
            continue;
        };
        let Some(new) = T::list(&work).iter().find(|e| e.id() == id.as_str()) else {
            continue;
        };
        if *old != new {
            updated.push(id.clone());
            for field in T::FIELDS {
                if !(field.get)(old).is_empty() && (field.get)(new).is_empty() {
                    cleared.push((id.clone(), field.label));
                }
            }
        }
    }
    updated.dedup();
    // The map as it would be must load: a dangling reference, a cycle, a bad value.
    if let Some(first) = crate::format::validate(&work).first() {
        let named = match &first.anchor {
            crate::format::Anchor::Element { id, .. } => Some(id.as_str()),
            _ => None,
        };
        let line = rows_with_ids
            .iter()
            .find(|(_, id)| Some(id.as_str()) == named)
            .map_or(1, |(row, _)| row.line);
        return Err(CsvError::new(line, first.message.clone()));
    }
    Ok(Plan {
        journey: work,
        added,
        updated,
        cleared,
        report: resolver.report,
    })
}

fn field_named<T: Item>(column: &Column) -> Option<&'static str> {
    match column.what {
        What::Field(index) => T::FIELDS.get(index).map(|f| f.name),
        _ => None,
    }
}

fn named_ids(journey: &Journey, kind: ElementKind) -> Vec<String> {
    named_elements(journey, kind)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// `elements` of `T` as a sheet with `columns` (a header row, then one row each),
/// separated by `delimiter`; `own` writes the sheet's own columns.
pub fn write<T: Item>(
    journey: &Journey,
    elements: &[&T],
    columns: &[Column],
    delimiter: u8,
    own: &dyn Fn(&T, What) -> String,
) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
    let mut ok = writer.write_record(&names).is_ok();
    for element in elements {
        let record: Vec<String> = columns
            .iter()
            .map(|c| {
                neutralised(match c.what {
                    What::Id => element.id().to_owned(),
                    What::Field(index) => cell_text(journey, &(T::FIELDS[index].get)(element)),
                    what => own(element, what),
                })
            })
            .collect();
        ok &= writer.write_record(&record).is_ok();
    }
    debug_assert!(ok, "writing CSV into memory cannot fail");
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A sheet of `T` with its id and every field sheets carry.
pub fn to_csv<T: Item>(journey: &Journey) -> String {
    let all: Vec<&T> = T::list(journey).iter().collect();
    write(journey, &all, &field_columns::<T>(), b',', &|_, _| {
        String::new()
    })
}

/// Reads a sheet of `T` into `journey` as one edit: nothing changes on an error (the
/// line says where), and the result validates.
pub fn import_into<T: Blank>(journey: &mut Journey, text: &str) -> Result<Plan, CsvError> {
    let plan = plan::<T>(
        journey,
        text,
        &field_columns::<T>(),
        &Options::default(),
        &mut NoOwn,
    )?;
    *journey = plan.journey.clone();
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised_and_read_back() {
        for text in [
            "=HYPERLINK(\"x\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "-x",
            "'q",
            "\tt",
            "''",
        ] {
            let cell = neutralised(text.to_owned());
            assert!(cell.starts_with('\''), "{cell}");
            assert_eq!(read_cell(&cell), text);
        }
        assert_eq!(neutralised("-2".to_owned()), "-2");
        assert_eq!(neutralised("plain".to_owned()), "plain");
    }

    #[test]
    fn an_apostrophe_the_writer_did_not_add_stays() {
        for text in ["'Tis the season", "'quoted' start", "'", "'7"] {
            assert_eq!(read_cell(text), text);
        }
    }

    #[test]
    fn list_items_keep_line_breaks_and_backslashes() {
        for item in ["two\nlines", "back\\slash", "\\n literally", " spaced "] {
            assert_eq!(unescape_item(&escape_item(item)), item);
        }
        assert_eq!(
            items(&list(["a\nb", "c"].into_iter()), false),
            ["a\nb", "c"]
        );
    }

    #[test]
    fn yes_and_no_are_read_and_nothing_else() {
        for yes in ["yes", "Y", "sí", "SI", "x", "1", "true"] {
            assert_eq!(yes_or_no(yes), Some(true), "{yes}");
        }
        for no in ["", "no", "N", "0", "false", "  "] {
            assert_eq!(yes_or_no(no), Some(false), "{no:?}");
        }
        for neither in ["maybe", "ja", "yes please", "2"] {
            assert_eq!(yes_or_no(neither), None, "{neither}");
        }
    }

    #[test]
    fn choices_read_by_key_name_or_word_in_either_language() {
        let keys = crate::model::BlueprintLane::ALL
            .iter()
            .map(|l| l.key())
            .collect::<Vec<_>>();
        for cell in ["backstage", "Backstage", "BACKSTAGE", "Tras bastidores"] {
            assert_eq!(
                choice_named("blueprint-lane", &keys, cell),
                Some("backstage")
            );
        }
        assert_eq!(choice_named("blueprint-lane", &keys, "back"), None);
    }
}
