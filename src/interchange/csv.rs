//! A spreadsheet of touchpoints: one row per touchpoint, for a facilitator who
//! transcribes a workshop's sticky notes, or a team that works in a spreadsheet.
//! `docs/csv.md` defines the format; this module is its one implementation, and every
//! CSV path (export, import as a new journey, import into one) goes through it.
//!
//! - Columns are named by the header row; an unknown name is an error naming the
//!   closest known column. Importing into a journey changes only the columns the sheet
//!   has, of the rows it has: a sheet of `id,emotion` changes emotions and nothing else.
//! - Text cells keep their exact text: spaces, line breaks, quotes.
//! - List cells (pain points, opportunities and their owners, statuses and expected
//!   effects, evidence) hold one item per line; inside an item a line break is written
//!   `\n` and a backslash `\\`. The opportunity columns are aligned line by line.
//! - A cell a spreadsheet would evaluate (starting with `=`, `+`, `-`, `@`, a tab, a
//!   carriage return or `'`) is written with a leading `'`, except plain numbers;
//!   reading removes one leading `'`, so a round trip is exact.
//! - A bad row stops the import with `LINE: message` and changes nothing.

use crate::i18n::I18n;
use crate::model::{
    ChannelId, DepartmentId, Deviation, Emotion, EvidenceId, Journey, Language, Opportunity,
    OpportunityId, OpportunityStatus, OpportunityTarget, Stage, Touchpoint, TouchpointId,
};
use thiserror::Error;

/// The columns, in the order export writes them. The table view's touchpoint columns
/// are these (its labels are `label_id`), so a paste and a copy follow the sheet's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Id,
    Stage,
    /// The map's own name for the row's stage.
    StageLabel,
    Position,
    Title,
    Channel,
    Department,
    Doing,
    Thinking,
    Expectation,
    Emotion,
    Word,
    KeyMoment,
    Deviation,
    PainPoints,
    Opportunities,
    OpportunityOwners,
    OpportunityStatuses,
    ExpectedEffects,
    Evidence,
    /// The linked evidence as a reader reads it (kind and text, or the metric and its
    /// value); derived from the evidence, so reading ignores it.
    EvidenceText,
}

pub const ALL_COLUMNS: [Column; 21] = [
    Column::Id,
    Column::Stage,
    Column::StageLabel,
    Column::Position,
    Column::Title,
    Column::Channel,
    Column::Department,
    Column::Doing,
    Column::Thinking,
    Column::Expectation,
    Column::Emotion,
    Column::Word,
    Column::KeyMoment,
    Column::Deviation,
    Column::PainPoints,
    Column::Opportunities,
    Column::OpportunityOwners,
    Column::OpportunityStatuses,
    Column::ExpectedEffects,
    Column::Evidence,
    Column::EvidenceText,
];

impl Column {
    /// The column's name in a sheet's header.
    pub fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Stage => "stage",
            Column::StageLabel => "stage label",
            Column::Position => "position",
            Column::Title => "title",
            Column::Channel => "channel",
            Column::Department => "department",
            Column::Doing => "doing",
            Column::Thinking => "thinking",
            Column::Expectation => "expectation",
            Column::Emotion => "emotion",
            Column::Word => "word",
            Column::KeyMoment => "moment of truth",
            Column::Deviation => "deviation",
            Column::PainPoints => "pain points",
            Column::Opportunities => "opportunities",
            Column::OpportunityOwners => "opportunity owners",
            Column::OpportunityStatuses => "opportunity statuses",
            Column::ExpectedEffects => "expected effects",
            Column::Evidence => "evidence",
            Column::EvidenceText => "evidence text",
        }
    }

    /// The message id of the column's label in the table view (and a header may use
    /// that label, in English or Spanish, instead of the name).
    pub fn label_id(self) -> &'static str {
        match self {
            Column::Id => "col-id",
            Column::Stage => "col-stage",
            Column::StageLabel => "col-stage-label",
            Column::Position => "col-position",
            Column::Title => "col-title",
            Column::Channel => "col-channel",
            Column::Department => "col-department",
            Column::Doing => "col-doing",
            Column::Thinking => "col-thinking",
            Column::Expectation => "col-expectation",
            Column::Emotion => "col-emotion",
            Column::Word => "col-word",
            Column::KeyMoment => "col-key-moment",
            Column::Deviation => "col-deviation",
            Column::PainPoints => "col-pain-points",
            Column::Opportunities => "col-opportunities",
            Column::OpportunityOwners => "col-opportunity-owners",
            Column::OpportunityStatuses => "col-opportunity-statuses",
            Column::ExpectedEffects => "col-expected-effects",
            Column::Evidence => "col-evidence",
            Column::EvidenceText => "col-evidence-text",
        }
    }

    /// Other names a header may use for the column.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Emotion => &["emotion score", "score", "emocion", "puntuacion"],
            Column::Word => &["emotion word", "palabra"],
            Column::KeyMoment => &["key moment"],
            Column::Thinking => &["thinks"],
            Column::Doing => &["does"],
            _ => &[],
        }
    }

    /// Whether reading a sheet ignores the column (it is derived from other fields).
    pub fn is_derived(self) -> bool {
        self == Column::EvidenceText
    }

    /// The column a header cell names: its name, an alias, or its label in English or
    /// Spanish, ignoring case, accents and spaces.
    pub fn named(header: &str) -> Option<Column> {
        let wanted = crate::model::names::fold(header);
        if wanted.is_empty() {
            return None;
        }
        let labels = [I18n::new(Language::En), I18n::new(Language::Es)];
        ALL_COLUMNS.iter().copied().find(|c| {
            c.name() == wanted
                || c.aliases().contains(&wanted.as_str())
                || labels
                    .iter()
                    .any(|i18n| crate::model::names::fold(&i18n.tr(c.label_id())) == wanted)
        })
    }
}

/// The column names, in the order export writes them.
pub fn columns() -> Vec<&'static str> {
    ALL_COLUMNS.iter().map(|c| c.name()).collect()
}

#[derive(Debug, Error, PartialEq)]
#[error("{line}: {message}")]
pub struct CsvError {
    pub line: u64,
    pub message: String,
}

/// What an import did besides its rows, for the person to read.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
    /// References the sheet had that the journey cannot hold (dropped), and the like.
    pub warnings: Vec<String>,
    /// Catalogue entries the import added: (channel or department, name).
    pub new_entries: Vec<String>,
    /// Every catalogue value the sheet had that was not an entry's exact id or name:
    /// what it was matched to, or that it became a new entry.
    pub matches: Vec<Matched>,
}

/// A channel or a department: the catalogues a sheet's values are matched against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Catalogue {
    Channel,
    Department,
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
    pub how: Option<crate::model::names::How>,
    /// Other entries that fit as well (a tie), for the person to choose among.
    pub candidates: Vec<String>,
}

/// How a sheet is read besides its text.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The columns of a sheet without a header row (the table's visible columns): used
    /// when the first row names no column. Without it, a header is required.
    pub columns_without_header: Option<Vec<Column>>,
    /// The person's choices for catalogue values: an entry's id, or `None` for a new
    /// entry.
    pub choices: Vec<(Catalogue, String, Option<String>)>,
}

/// What reading a sheet into a journey would do, before anything changes: the journey
/// as it would be, the rows added and updated, and the report (matches, new entries).
#[derive(Debug)]
pub struct Plan {
    pub journey: Journey,
    pub added: Vec<TouchpointId>,
    pub updated: Vec<TouchpointId>,
    pub report: Report,
}

/// One row per touchpoint, in journey order, with a header row.
pub fn to_csv(journey: &Journey) -> String {
    let all: Vec<&Touchpoint> = journey.touchpoints.iter().collect();
    write_sheet(journey, &all, &ALL_COLUMNS, b',')
}

/// The rows of `touchpoints` with `columns`, separated by tabs with a header, as a
/// spreadsheet takes them from the clipboard (the table's Ctrl+C).
pub fn to_tsv(journey: &Journey, touchpoints: &[&Touchpoint], columns: &[Column]) -> String {
    write_sheet(journey, touchpoints, columns, b'\t')
}

fn write_sheet(
    journey: &Journey,
    touchpoints: &[&Touchpoint],
    columns: &[Column],
    delimiter: u8,
) -> String {
    let i18n = I18n::new(journey.language);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let names: Vec<&str> = columns.iter().map(|c| c.name()).collect();
    let mut ok = writer.write_record(&names).is_ok();
    for t in touchpoints {
        let position = journey
            .touchpoint_index(&t.id)
            .map_or(0, |at| at - journey.stage_range(t.stage).start);
        let record: Vec<String> = columns
            .iter()
            .map(|c| neutralised(cell_of(journey, &i18n, t, position, *c)))
            .collect();
        ok &= writer.write_record(&record).is_ok();
    }
    debug_assert!(ok, "writing CSV into memory cannot fail");
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A cell's text as the sheet writes it (the table shows the same text).
pub fn cell_of(
    journey: &Journey,
    i18n: &I18n,
    t: &Touchpoint,
    position: usize,
    column: Column,
) -> String {
    let opportunities = || journey.opportunities_for(&t.id);
    match column {
        Column::Id => t.id.as_str().to_owned(),
        Column::Stage => stage_key(t.stage).to_owned(),
        Column::StageLabel => journey.stage_label(t.stage).unwrap_or_default().to_owned(),
        Column::KeyMoment => if t.key_moment { "yes" } else { "" }.to_owned(),
        Column::Deviation => t.deviation.map(|d| d.key()).unwrap_or_default().to_owned(),
        Column::EvidenceText => list(
            t.evidence
                .iter()
                .filter_map(|id| journey.evidence_item(id))
                .map(|e| evidence_text(e, i18n))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        ),
        Column::Position => (position + 1).to_string(),
        Column::Title => t.title.clone(),
        Column::Channel => t
            .channel
            .as_ref()
            .map(|c| journey.channel(c).map_or(c.as_str(), |c| c.name.as_str()))
            .unwrap_or_default()
            .to_owned(),
        Column::Department => t
            .department
            .as_ref()
            .map(|d| {
                journey
                    .department(d)
                    .map_or(d.as_str(), |d| d.name.as_str())
            })
            .unwrap_or_default()
            .to_owned(),
        Column::Doing => t.action.clone(),
        Column::Thinking => t.thought.clone(),
        Column::Expectation => t.expectation.clone(),
        Column::Emotion => t
            .emotion
            .as_ref()
            .map(|e| e.score.to_string())
            .unwrap_or_default(),
        Column::Word => t
            .emotion
            .as_ref()
            .map(|e| e.word.clone())
            .unwrap_or_default(),
        Column::PainPoints => list(t.pain_points.iter().map(String::as_str)),
        Column::Opportunities => list(opportunities().map(|o| o.idea.as_str())),
        Column::OpportunityOwners => aligned(opportunities().map(|o| o.owner.as_str())),
        Column::OpportunityStatuses => aligned(opportunities().map(|o| o.status.key())),
        Column::ExpectedEffects => aligned(opportunities().map(|o| o.expected_effect.as_str())),
        Column::Evidence => list(t.evidence.iter().map(EvidenceId::as_str)),
    }
}

/// A piece of evidence as one line: "Quote: …", or the metric with its value.
pub fn evidence_text(evidence: &crate::model::Evidence, i18n: &I18n) -> String {
    crate::scene::metric_line(evidence, i18n).unwrap_or_else(|| {
        format!(
            "{}: {}",
            i18n.term("evidence-kind", evidence.kind.key()),
            evidence.text.trim()
        )
    })
}

/// A list cell: one escaped item a line.
fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.map(escape_item).collect::<Vec<_>>().join("\n")
}

/// A list aligned with another: empty when every item is empty.
fn aligned<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    if items.iter().all(|i| i.is_empty()) {
        String::new()
    } else {
        list(items.into_iter())
    }
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
/// items only in aligned lists, where `keep_empty`).
fn items(cell: &str, keep_empty: bool) -> Vec<String> {
    if cell.is_empty() {
        return Vec::new();
    }
    cell.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| keep_empty || !line.is_empty())
        .map(unescape_item)
        .collect()
}

/// A cell a spreadsheet would evaluate gets a leading `'` (plain numbers stay).
pub(crate) fn neutralised(cell: String) -> String {
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

/// Reading undoes `neutralised`: one leading `'` goes.
pub(crate) fn read_cell(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// The stage's name as the file writes it (`Awareness`).
pub(crate) fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::Awareness => "Awareness",
        Stage::Interest => "Interest",
        Stage::Consideration => "Consideration",
        Stage::Action => "Action",
        Stage::Usage => "Usage",
        Stage::Advocacy => "Advocacy",
    }
}

/// One opportunity as a row lists it.
#[derive(Clone, Debug, Default)]
struct OpportunityCells {
    idea: String,
    owner: Option<String>,
    status: Option<OpportunityStatus>,
    expected_effect: Option<String>,
}

/// A row as read: `None` for a column the sheet does not have.
#[derive(Debug, Default)]
struct Row {
    line: u64,
    id: Option<TouchpointId>,
    stage: Option<Stage>,
    position: Option<usize>,
    title: Option<String>,
    channel: Option<Option<ChannelId>>,
    department: Option<Option<DepartmentId>>,
    doing: Option<String>,
    thinking: Option<String>,
    expectation: Option<String>,
    score: Option<Option<i8>>,
    word: Option<String>,
    pain_points: Option<Vec<String>>,
    opportunities: Option<Vec<OpportunityCells>>,
    evidence: Option<Vec<EvidenceId>>,
    stage_label: Option<String>,
    key_moment: Option<bool>,
    deviation: Option<Option<Deviation>>,
}

/// How the import treats references the journey does not have.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Into an existing journey: a missing piece of evidence is an error.
    Into,
    /// A new journey from a sheet exported elsewhere: dropped, with a warning.
    New,
}

/// A new journey in `language` from a spreadsheet, and what the import reports.
pub fn new_from_csv(
    text: &str,
    title: &str,
    language: Language,
) -> Result<(Journey, Report), CsvError> {
    let mut journey = Journey::new(title, language);
    let report = import(&mut journey, text, Mode::New, &Options::default())?;
    Ok((journey, report))
}

/// Merges a spreadsheet into `journey` by touchpoint id, changing only the columns the
/// sheet has. On error the journey is unchanged.
pub fn import_into(journey: &mut Journey, text: &str) -> Result<Report, CsvError> {
    import(journey, text, Mode::Into, &Options::default())
}

/// What merging `text` (CSV, or TSV as a spreadsheet puts on the clipboard) into
/// `journey` would do; `journey` itself is not changed. The table's paste and the
/// app's import show it for confirmation, then apply `Plan::journey` as one step.
pub fn plan(journey: &Journey, text: &str, options: &Options) -> Result<Plan, CsvError> {
    let mut work = journey.clone();
    let report = import(&mut work, text, Mode::Into, options)?;
    let before: foldhash::HashMap<&TouchpointId, &Touchpoint> =
        journey.touchpoints.iter().map(|t| (&t.id, t)).collect();
    let mut added = Vec::new();
    let mut updated = Vec::new();
    for t in &work.touchpoints {
        match before.get(&t.id) {
            None => added.push(t.id.clone()),
            Some(old) => {
                let opportunities_changed = !journey
                    .opportunities_for(&t.id)
                    .eq(work.opportunities_for(&t.id));
                if *old != t || opportunities_changed {
                    updated.push(t.id.clone());
                }
            }
        }
    }
    Ok(Plan {
        journey: work,
        added,
        updated,
        report,
    })
}

/// `column` of each touchpoint in `ids` set to `text`, by the sheet's rules (a cell
/// typed in the table, one value pasted over several rows): the plan, as for a paste.
pub fn set_cells(
    journey: &Journey,
    ids: &[TouchpointId],
    column: Column,
    text: &str,
) -> Result<Plan, CsvError> {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let mut ok = writer
        .write_record([Column::Id.name(), column.name()])
        .is_ok();
    for id in ids {
        ok &= writer
            .write_record([id.as_str(), &neutralised(text.to_owned())])
            .is_ok();
    }
    debug_assert!(ok, "writing CSV into memory cannot fail");
    let sheet = String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default();
    plan(journey, &sheet, &Options::default())
}

fn import(
    journey: &mut Journey,
    text: &str,
    mode: Mode,
    options: &Options,
) -> Result<Report, CsvError> {
    let mut work = journey.clone();
    let mut report = Report::default();
    let (header, rows) = read_rows(&mut work, text, mode, options, &mut report)?;
    place(&mut work, rows, &header)?;
    *journey = work;
    Ok(report)
}

/// Which column each header cell names.
fn read_header(record: &csv::StringRecord) -> Result<Vec<Column>, CsvError> {
    let error = |message: String| CsvError { line: 1, message };
    let mut header = Vec::with_capacity(record.len());
    for name in record.iter() {
        let Some(column) = Column::named(name) else {
            let wanted = name.trim().to_lowercase();
            let closest = ALL_COLUMNS
                .iter()
                .min_by_key(|c| edit_distance(c.name(), &wanted))
                .map_or("", |c| c.name());
            return Err(error(format!(
                "unknown column {name:?}: did you mean {closest:?}? The columns are: {}",
                columns().join(", ")
            )));
        };
        if header.contains(&column) {
            return Err(error(format!(
                "the column {:?} is named twice",
                column.name()
            )));
        }
        header.push(column);
    }
    check_header(&header, 1)
}

/// Whether the columns make a sheet: an id or a title, and the aligned columns with
/// the one they align with.
fn check_header(header: &[Column], line: u64) -> Result<Vec<Column>, CsvError> {
    let error = |message: String| CsvError { line, message };
    if !header.contains(&Column::Id) && !header.contains(&Column::Title) {
        return Err(error(format!(
            "the first row names the columns and needs an \"id\" or a \"title\" column; the \
             columns are: {}",
            columns().join(", ")
        )));
    }
    for (needs, needed) in [
        (Column::OpportunityOwners, Column::Opportunities),
        (Column::OpportunityStatuses, Column::Opportunities),
        (Column::ExpectedEffects, Column::Opportunities),
    ] {
        if header.contains(&needs) && !header.contains(&needed) {
            return Err(error(format!(
                "the column {:?} is aligned with {:?}, which the sheet does not have",
                needs.name(),
                needed.name()
            )));
        }
    }
    Ok(header.to_vec())
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

/// The separator of a sheet: a tab when the first line has one (what spreadsheets put
/// on the clipboard), else a comma.
fn delimiter(text: &str) -> u8 {
    let first = text.split('\n').next().unwrap_or_default();
    if first.contains('\t') { b'\t' } else { b',' }
}

fn read_rows(
    journey: &mut Journey,
    text: &str,
    mode: Mode,
    options: &Options,
    report: &mut Report,
) -> Result<(Vec<Column>, Vec<Row>), CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter(text))
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let first = match records.next() {
        Some(record) => record.map_err(|e| csv_error(&e, 1))?,
        None => csv::StringRecord::new(),
    };
    // A sheet without a header row (pasted cells): the first row names no column.
    let headerless = options.columns_without_header.as_ref().filter(|_| {
        !first
            .iter()
            .filter(|c| !c.trim().is_empty())
            .all(|c| Column::named(c).is_some())
            || first.iter().all(|c| c.trim().is_empty())
    });
    let (header, first_row) = match headerless {
        Some(columns) => {
            let header: Vec<Column> = columns.iter().copied().take(first.len().max(1)).collect();
            (check_header(&header, 1)?, Some(first))
        }
        None => (read_header(&first)?, None),
    };
    let stage_names = stage_names(journey);
    let mut rows = Vec::new();
    let mut seen_ids = foldhash::HashSet::default();
    for record in first_row.into_iter().map(Ok).chain(records) {
        let record = record.map_err(|e| csv_error(&e, 0))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let error = |message: String| CsvError { line, message };
        let mut row = Row {
            line,
            ..Row::default()
        };
        let cells: Vec<(Column, &str)> = header
            .iter()
            .enumerate()
            .map(|(i, c)| (*c, read_cell(record.get(i).unwrap_or(""))))
            .collect();
        let mut owners = None;
        let mut statuses = None;
        let mut effects = None;
        for (column, cell) in cells {
            let key = cell.trim();
            match column {
                Column::Id => {
                    if !key.is_empty() {
                        if !crate::model::is_valid_id(key) {
                            return Err(error(format!(
                                "{key:?} is not an id: letters, digits and dashes"
                            )));
                        }
                        if !seen_ids.insert(key.to_owned()) {
                            return Err(error(format!("id {key:?} is on two rows")));
                        }
                        row.id = Some(TouchpointId(key.to_owned()));
                    }
                }
                Column::Stage => {
                    if !key.is_empty() {
                        let folded = crate::model::names::fold(key);
                        let stage = stage_names
                            .iter()
                            .find(|(n, _)| n.eq_ignore_ascii_case(key))
                            .or_else(|| {
                                stage_names
                                    .iter()
                                    .find(|(n, _)| crate::model::names::fold(n) == folded)
                            })
                            .map(|(_, s)| *s)
                            .ok_or_else(|| {
                                error(format!(
                                    "{key:?} is not a stage: use Awareness, Interest, \
                                     Consideration, Action, Usage or Advocacy (or their \
                                     names in the map)"
                                ))
                            })?;
                        row.stage = Some(stage);
                    }
                }
                Column::Position => {
                    if !key.is_empty() {
                        let position =
                            key.parse::<usize>()
                                .ok()
                                .filter(|p| *p >= 1)
                                .ok_or_else(|| {
                                    error(format!("position {key:?} is not a number from 1"))
                                })?;
                        row.position = Some(position);
                    }
                }
                Column::Title => row.title = Some(cell.to_owned()),
                Column::Channel => {
                    row.channel = Some((!key.is_empty()).then(|| {
                        ChannelId(entry(journey, Catalogue::Channel, cell, options, report))
                    }));
                }
                Column::Department => {
                    row.department = Some((!key.is_empty()).then(|| {
                        DepartmentId(entry(journey, Catalogue::Department, cell, options, report))
                    }));
                }
                Column::StageLabel => row.stage_label = Some(cell.trim().to_owned()),
                Column::KeyMoment => {
                    row.key_moment = Some(yes_or_no(key).ok_or_else(|| {
                        error(format!("moment of truth {key:?} is not yes or no"))
                    })?);
                }
                Column::Deviation => {
                    row.deviation = Some(if key.is_empty() {
                        None
                    } else {
                        Some(deviation(key).ok_or_else(|| {
                            error(format!(
                                "{key:?} is not a deviation: ad-hoc, missing, failing or \
                                 out-of-order"
                            ))
                        })?)
                    });
                }
                Column::EvidenceText => {}
                Column::Doing => row.doing = Some(cell.to_owned()),
                Column::Thinking => row.thinking = Some(cell.to_owned()),
                Column::Expectation => row.expectation = Some(cell.to_owned()),
                Column::Emotion => {
                    let score = if key.is_empty() {
                        None
                    } else {
                        Some(
                            key.trim_start_matches('+')
                                .parse::<i8>()
                                .ok()
                                .filter(|s| (-2..=2).contains(s))
                                .ok_or_else(|| error(format!("emotion {key:?} is not -2 to 2")))?,
                        )
                    };
                    row.score = Some(score);
                }
                Column::Word => row.word = Some(cell.to_owned()),
                Column::PainPoints => row.pain_points = Some(items(cell, false)),
                Column::Opportunities => {
                    row.opportunities = Some(
                        items(cell, false)
                            .into_iter()
                            .map(|idea| OpportunityCells {
                                idea,
                                ..OpportunityCells::default()
                            })
                            .collect(),
                    );
                }
                Column::OpportunityOwners => owners = Some(items(cell, true)),
                Column::OpportunityStatuses => statuses = Some(items(cell, true)),
                Column::ExpectedEffects => effects = Some(items(cell, true)),
                Column::Evidence => {
                    let mut links = Vec::new();
                    for id in items(cell, false) {
                        let id = EvidenceId(id.trim().to_owned());
                        if journey.evidence_item(&id).is_some() {
                            if !links.contains(&id) {
                                links.push(id);
                            }
                        } else if mode == Mode::New {
                            report.warnings.push(format!(
                                "line {line}: evidence {:?} is not in the new journey; the link \
                                 was left out",
                                id.as_str()
                            ));
                        } else {
                            return Err(error(format!(
                                "evidence {:?} does not exist in the journey",
                                id.as_str()
                            )));
                        }
                    }
                    row.evidence = Some(links);
                }
            }
        }
        if let Some(opportunities) = &mut row.opportunities {
            align(opportunities, owners, statuses, effects).map_err(error)?;
        }
        if let (Some(stage), Some(label)) = (row.stage, &row.stage_label)
            && !label.is_empty()
        {
            match journey.stage_label(stage) {
                None => journey.stages.entry(stage).or_default().label = label.clone(),
                Some(own) if own == label => {}
                Some(own) => report.warnings.push(format!(
                    "line {line}: the stage label {label:?} is not the map's {own:?}; the \
                     map's was kept"
                )),
            }
        }
        if row.score == Some(None) && row.word.as_deref().is_some_and(|w| !w.is_empty()) {
            return Err(error(
                "the row has an emotion word but no score (-2 to 2)".to_owned(),
            ));
        }
        rows.push(row);
    }
    Ok((header, rows))
}

/// Puts the owners, statuses and expected effects on the opportunities they line up with.
fn align(
    opportunities: &mut [OpportunityCells],
    owners: Option<Vec<String>>,
    statuses: Option<Vec<String>>,
    effects: Option<Vec<String>>,
) -> Result<(), String> {
    let count = opportunities.len();
    let check = |name: &str, items: &Option<Vec<String>>| match items {
        Some(items) if !items.is_empty() && items.len() != count => Err(format!(
            "{name} lists {} lines for {count} opportunities; put one line for each",
            items.len()
        )),
        _ => Ok(()),
    };
    check("opportunity owners", &owners)?;
    check("opportunity statuses", &statuses)?;
    check("expected effects", &effects)?;
    for (i, opportunity) in opportunities.iter_mut().enumerate() {
        let at = |items: &Option<Vec<String>>| {
            items
                .as_ref()
                .map(|items| items.get(i).cloned().unwrap_or_default())
        };
        opportunity.owner = at(&owners);
        opportunity.expected_effect = at(&effects);
        opportunity.status = match at(&statuses) {
            None => None,
            Some(name) if name.trim().is_empty() => Some(OpportunityStatus::default()),
            Some(name) => Some(opportunity_status(name.trim()).ok_or_else(|| {
                format!(
                    "{name:?} is not an opportunity status: idea, testing, validated or dropped"
                )
            })?),
        };
    }
    Ok(())
}

fn opportunity_status(name: &str) -> Option<OpportunityStatus> {
    let named = |language| {
        let i18n = I18n::new(language);
        OpportunityStatus::ALL.iter().copied().find(|s| {
            i18n.term("opportunity-status", s.key())
                .eq_ignore_ascii_case(name)
        })
    };
    OpportunityStatus::ALL
        .iter()
        .copied()
        .find(|s| s.key().eq_ignore_ascii_case(name))
        .or_else(|| named(Language::En))
        .or_else(|| named(Language::Es))
}

/// Applies a row's columns to a touchpoint (a new one, or the one with its id).
fn apply(touchpoint: &mut Touchpoint, row: &Row) -> Result<(), String> {
    let Row {
        line: _,
        id: _,
        stage,
        position: _,
        title,
        channel,
        department,
        doing,
        thinking,
        expectation,
        score,
        word,
        pain_points,
        opportunities: _,
        evidence,
        stage_label: _,
        key_moment,
        deviation,
    } = row;
    if let Some(key_moment) = key_moment {
        touchpoint.key_moment = *key_moment;
    }
    if let Some(deviation) = deviation {
        touchpoint.deviation = *deviation;
    }
    if let Some(stage) = stage {
        touchpoint.stage = *stage;
    }
    if let Some(title) = title {
        touchpoint.title.clone_from(title);
    }
    if let Some(channel) = channel {
        touchpoint.channel.clone_from(channel);
    }
    if let Some(department) = department {
        touchpoint.department.clone_from(department);
    }
    if let Some(doing) = doing {
        touchpoint.action.clone_from(doing);
    }
    if let Some(thinking) = thinking {
        touchpoint.thought.clone_from(thinking);
    }
    if let Some(expectation) = expectation {
        touchpoint.expectation.clone_from(expectation);
    }
    match (score, word) {
        (Some(None), _) => touchpoint.emotion = None,
        (Some(Some(score)), word) => {
            let word = word.clone().unwrap_or_else(|| {
                touchpoint
                    .emotion
                    .as_ref()
                    .map(|e| e.word.clone())
                    .unwrap_or_default()
            });
            touchpoint.emotion = Some(Emotion {
                score: *score,
                word,
            });
        }
        (None, Some(word)) => match &mut touchpoint.emotion {
            Some(emotion) => emotion.word.clone_from(word),
            None if word.is_empty() => {}
            None => return Err("the row has an emotion word but no score (-2 to 2)".to_owned()),
        },
        (None, None) => {}
    }
    if let Some(pain_points) = pain_points {
        touchpoint.pain_points.clone_from(pain_points);
    }
    if let Some(evidence) = evidence {
        touchpoint.evidence.clone_from(evidence);
    }
    Ok(())
}

/// Puts the rows in the journey. With a position column each stage's rows go by
/// position (ties in row order), then its touchpoints that have no row; without one,
/// touchpoints keep their places, and new rows (or rows moved to another stage) go
/// to the end of their stage.
fn place(journey: &mut Journey, rows: Vec<Row>, header: &[Column]) -> Result<(), CsvError> {
    let by_id: foldhash::HashMap<TouchpointId, usize> = journey
        .touchpoints
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    let mut updated = journey.touchpoints.clone();
    let mut listed: Vec<Option<usize>> = vec![None; updated.len()];
    let mut added: Vec<(usize, Touchpoint)> = Vec::new();
    let mut moved = vec![false; updated.len()];
    let mut taken: foldhash::HashSet<String> = updated.iter().map(|t| t.id.0.clone()).collect();
    let mut next = 1;
    let mut ideas: Vec<(TouchpointId, &Vec<OpportunityCells>)> = Vec::new();
    for (row_index, row) in rows.iter().enumerate() {
        let error = |message: String| CsvError {
            line: row.line,
            message,
        };
        match row.id.as_ref().and_then(|id| by_id.get(id)) {
            Some(&at) => {
                let before = updated[at].stage;
                apply(&mut updated[at], row).map_err(error)?;
                moved[at] = updated[at].stage != before;
                listed[at] = Some(row_index);
                if let Some(cells) = &row.opportunities {
                    ideas.push((updated[at].id.clone(), cells));
                }
            }
            None => {
                let (Some(stage), Some(title)) = (row.stage, row.title.as_ref()) else {
                    let what = row.id.as_ref().map_or_else(
                        || "a new row".to_owned(),
                        |id| format!("{:?}, not in the journey,", id.as_str()),
                    );
                    return Err(error(format!(
                        "{what} needs a stage and a title to become a touchpoint"
                    )));
                };
                if title.is_empty() {
                    return Err(error("the row has no title".to_owned()));
                }
                let id = match &row.id {
                    Some(id) => id.clone(),
                    None => loop {
                        let candidate = format!("{}-{next}", TouchpointId::PREFIX);
                        next += 1;
                        if !taken.contains(&candidate) {
                            break TouchpointId(candidate);
                        }
                    },
                };
                taken.insert(id.0.clone());
                let mut touchpoint = Touchpoint::new(id, stage, title.clone());
                apply(&mut touchpoint, row).map_err(error)?;
                if let Some(cells) = &row.opportunities {
                    ideas.push((touchpoint.id.clone(), cells));
                }
                added.push((row_index, touchpoint));
            }
        }
    }
    let ordered = if header.contains(&Column::Position) {
        // Rows by (stage, position, row); a touchpoint without a row keeps its own
        // place in its stage, after a row that asks for the same place.
        let mut placed: Vec<(Stage, usize, u8, usize, Touchpoint)> = Vec::new();
        let mut in_stage = [0usize; 6];
        for (at, touchpoint) in updated.into_iter().enumerate() {
            let own = journey.touchpoints[at].stage;
            in_stage[own.index()] += 1;
            match listed[at] {
                Some(row) => placed.push((
                    touchpoint.stage,
                    rows[row].position.unwrap_or(usize::MAX),
                    0,
                    row,
                    touchpoint,
                )),
                None => placed.push((touchpoint.stage, in_stage[own.index()], 1, at, touchpoint)),
            }
        }
        for (row, touchpoint) in added {
            placed.push((
                touchpoint.stage,
                rows[row].position.unwrap_or(usize::MAX),
                0,
                row,
                touchpoint,
            ));
        }
        placed.sort_by_key(|(stage, position, unlisted, row, _)| {
            (*stage, *position, *unlisted, *row)
        });
        placed.into_iter().map(|(.., t)| t).collect()
    } else {
        let mut stay = Vec::with_capacity(updated.len() + added.len());
        let mut last = Vec::new();
        for (at, touchpoint) in updated.into_iter().enumerate() {
            if moved[at] {
                last.push(touchpoint);
            } else {
                stay.push(touchpoint);
            }
        }
        stay.extend(last);
        stay.extend(added.into_iter().map(|(_, t)| t));
        stay
    };
    journey.touchpoints = ordered;
    journey.touchpoints.sort_by_key(|t| t.stage);
    let ideas: Vec<(TouchpointId, Vec<OpportunityCells>)> = ideas
        .into_iter()
        .map(|(id, cells)| (id, cells.clone()))
        .collect();
    place_opportunities(journey, ideas);
    Ok(())
}

/// The opportunities of the touchpoints whose rows list them: each listed idea keeps
/// the opportunity it names (its id, and the owner, status and effect the sheet does
/// not carry), new ideas are added, ideas no longer listed are removed.
fn place_opportunities(journey: &mut Journey, listed: Vec<(TouchpointId, Vec<OpportunityCells>)>) {
    if listed.is_empty() {
        return;
    }
    let mut wanted: foldhash::HashMap<TouchpointId, Vec<Option<OpportunityCells>>> = listed
        .into_iter()
        .map(|(id, cells)| (id, cells.into_iter().map(Some).collect()))
        .collect();
    // Existing opportunities, matched to a listed idea of the same text (in order).
    journey.opportunities.retain_mut(|o| {
        let OpportunityTarget::Touchpoint(t) = &o.target else {
            return true;
        };
        let Some(cells) = wanted.get_mut(t) else {
            return true;
        };
        let Some(slot) = cells
            .iter_mut()
            .find(|c| c.as_ref().is_some_and(|c| c.idea == o.idea))
        else {
            return false;
        };
        if let Some(cells) = slot.take() {
            update_opportunity(o, cells);
        }
        true
    });
    let mut last = crate::model::largest_number(
        OpportunityId::PREFIX,
        journey.opportunities.iter().map(|o| o.id.as_str()),
    );
    let order: Vec<TouchpointId> = journey.touchpoints.iter().map(|t| t.id.clone()).collect();
    for id in order {
        let Some(cells) = wanted.remove(&id) else {
            continue;
        };
        for cells in cells.into_iter().flatten() {
            last += 1;
            let mut opportunity = Opportunity {
                id: OpportunityId(format!("{}-{last}", OpportunityId::PREFIX)),
                target: OpportunityTarget::Touchpoint(id.clone()),
                idea: String::new(),
                expected_effect: String::new(),
                owner: String::new(),
                status: OpportunityStatus::default(),
                value: None,
                effort: None,
            };
            update_opportunity(&mut opportunity, cells);
            journey.opportunities.push(opportunity);
        }
    }
}

fn update_opportunity(opportunity: &mut Opportunity, cells: OpportunityCells) {
    let OpportunityCells {
        idea,
        owner,
        status,
        expected_effect,
    } = cells;
    opportunity.idea = idea;
    if let Some(owner) = owner {
        opportunity.owner = owner;
    }
    if let Some(status) = status {
        opportunity.status = status;
    }
    if let Some(effect) = expected_effect {
        opportunity.expected_effect = effect;
    }
}

/// "yes" / "no" as a sheet may write them (English, Spanish, x, 1/0, true/false).
fn yes_or_no(cell: &str) -> Option<bool> {
    match crate::model::names::fold(cell).as_str() {
        "" | "no" | "n" | "false" | "0" => Some(false),
        "yes" | "y" | "si" | "s" | "x" | "true" | "1" => Some(true),
        _ => None,
    }
}

/// A deviation by its key or its name in English or Spanish.
fn deviation(cell: &str) -> Option<Deviation> {
    let folded = crate::model::names::fold(cell);
    Deviation::ALL.iter().copied().find(|d| {
        d.key() == folded
            || [Language::En, Language::Es].iter().any(|l| {
                crate::model::names::fold(&I18n::new(*l).term("deviation", d.key())) == folded
            })
    })
}

/// The id of the catalogue entry `value` names (`names::find`: exactly, ignoring case
/// and accents, then by completion), or of the person's choice for it; a value that
/// names none, or ties, becomes a new entry in a colour of its own. Every value that
/// was not an exact match is reported.
fn entry(
    journey: &mut Journey,
    catalogue: Catalogue,
    value: &str,
    options: &Options,
    report: &mut Report,
) -> String {
    use crate::model::names::{Found, How, find};
    let entries: Vec<(String, String)> = match catalogue {
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
    };
    let pairs = entries.iter().map(|(i, n)| (i.as_str(), n.as_str()));
    let seen = report
        .matches
        .iter()
        .find(|m| m.catalogue == catalogue && m.value == value);
    if let Some(seen) = seen
        && let Some(id) = &seen.entry
    {
        return id.clone();
    }
    let chosen = options
        .choices
        .iter()
        .find(|(c, v, _)| *c == catalogue && v == value)
        .map(|(_, _, choice)| choice.clone());
    let person_chose = chosen.is_some();
    let (found, candidates) = match chosen {
        Some(Some(id)) if entries.iter().any(|(i, _)| *i == id) => (Some((id, How::Exact)), vec![]),
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
            report.matches.push(Matched {
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
            let word = match catalogue {
                Catalogue::Channel => "channel",
                Catalogue::Department => "department",
            };
            report.new_entries.push(format!("{word} {value:?}"));
            report.matches.push(Matched {
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
    }
}

/// Stage names a spreadsheet may use: the file's, English and Spanish, and the map's
/// own labels.
pub(crate) fn stage_names(journey: &Journey) -> Vec<(String, Stage)> {
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

pub(crate) fn csv_error(error: &csv::Error, fallback: u64) -> CsvError {
    CsvError {
        line: error.position().map_or(fallback, |p| p.line()),
        message: match error.kind() {
            csv::ErrorKind::Utf8 { .. } => "the text is not UTF-8".to_owned(),
            _ => error.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_facilitators_sheet_becomes_a_journey() {
        let text = "Stage,Title,Department,Emotion,Word,Pain points\n\
                    Conciencia,Sees an ad,Marketing,1,curious,\n\
                    Usage,\"Calls support\",Support desk,-2,angry,\"On hold\nTransferred\"\n\
                    Awareness,Asks a friend,,,,\n";
        let (j, report) = new_from_csv(text, "Workshop", Language::En).unwrap();
        let titles: Vec<&str> = j.touchpoints.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, ["Sees an ad", "Asks a friend", "Calls support"]);
        assert_eq!(j.touchpoints[2].pain_points, ["On hold", "Transferred"]);
        let support = j.touchpoints[2].department.as_ref().unwrap();
        assert_eq!(j.department(support).unwrap().name, "Support desk");
        assert_eq!(report.new_entries, ["department \"Support desk\""]);
        assert!(crate::format::validate(&j).is_empty());
    }

    #[test]
    fn a_bad_row_names_its_line_and_changes_nothing() {
        let mut j = Journey::new("J", Language::En);
        let before = j.clone();
        let text = "stage,title,emotion\nAwareness,Ad,1\n\"Usage\",\"Two\nlines\",5\n";
        let error = import_into(&mut j, text).unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.contains("not -2 to 2"), "{}", error.message);
        assert_eq!(j, before);
        let error = import_into(&mut j, "title\nAd\n").unwrap_err();
        assert_eq!(
            (error.line, error.message.contains("needs a stage")),
            (2, true)
        );
        let error = import_into(&mut j, "stage,name\nUsage,Ad\n").unwrap_err();
        assert_eq!(error.line, 1);
        assert_eq!(j, before);
    }

    #[test]
    fn a_misspelt_header_names_the_column_it_meant() {
        let mut j = Journey::new("J", Language::En);
        let error = import_into(&mut j, "id,Pain point\ntp-1,x\n").unwrap_err();
        assert_eq!(error.line, 1);
        assert!(
            error.message.contains("\"Pain point\"") && error.message.contains("\"pain points\""),
            "{}",
            error.message
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised_and_read_back() {
        for text in [
            "=HYPERLINK(\"x\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "-x",
            "'q",
            "\tt",
        ] {
            let cell = neutralised(text.to_owned());
            assert!(cell.starts_with('\''), "{cell}");
            assert_eq!(read_cell(&cell), text);
        }
        assert_eq!(neutralised("-2".to_owned()), "-2");
        assert_eq!(neutralised("plain".to_owned()), "plain");
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
}
