//! Other tools' formats: spreadsheets of every kind of element (CSV and TSV, one set of
//! rules in `sheet.rs`: touchpoints in `csv.rs`, steps in `steps.rs`, evidence, grey
//! areas and opportunities by their fields alone), JSON (with a JSON Schema generated
//! from the model, so other tools can read maps) and Mermaid `journey` diagrams (so a
//! map renders in any markdown viewer that supports Mermaid, and a Mermaid journey can
//! start a map).

pub mod csv;
pub mod eventlog;
pub mod json;
pub mod mermaid;
pub mod sheet;
pub mod steps;

use crate::model::{ElementKind, Evidence, GreyArea, Journey, Opportunity};
use sheet::{Column, CsvError, Options, Plan};

/// The kinds a sheet can hold, one a sheet.
pub const SHEET_KINDS: [ElementKind; 5] = [
    ElementKind::Touchpoint,
    ElementKind::Step,
    ElementKind::Evidence,
    ElementKind::GreyArea,
    ElementKind::Opportunity,
];

/// The columns of `kind`'s sheet, in the order export writes them.
pub fn columns(kind: ElementKind) -> Vec<Column> {
    match kind {
        ElementKind::Touchpoint => csv::columns(),
        ElementKind::Step => steps::columns(),
        ElementKind::Evidence => sheet::field_columns::<Evidence>(),
        ElementKind::GreyArea => sheet::field_columns::<GreyArea>(),
        ElementKind::Opportunity => sheet::field_columns::<Opportunity>(),
        _ => Vec::new(),
    }
}

/// What reading `text` as a sheet of `kind` into `journey` would do.
pub fn plan(
    kind: ElementKind,
    journey: &Journey,
    text: &str,
    options: &Options,
) -> Result<Plan, CsvError> {
    let columns = columns(kind);
    let none = &mut sheet::NoOwn;
    match kind {
        ElementKind::Touchpoint => csv::plan(journey, text, options),
        ElementKind::Step => steps::plan(journey, text, options),
        ElementKind::Evidence => sheet::plan::<Evidence>(journey, text, &columns, options, none),
        ElementKind::GreyArea => sheet::plan::<GreyArea>(journey, text, &columns, options, none),
        ElementKind::Opportunity => {
            sheet::plan::<Opportunity>(journey, text, &columns, options, none)
        }
        other => Err(CsvError::new(
            1,
            format!(
                "{} are not read from sheets",
                other.section().replace('_', " ")
            ),
        )),
    }
}

/// The kind a sheet holds, by its header: the kind whose sheet names the most of its
/// columns (ties go to touchpoints, then steps). A sheet without a header row is
/// `fallback`'s.
pub fn kind_of(text: &str, fallback: ElementKind) -> ElementKind {
    let Ok(records) = sheet::records(text) else {
        return fallback;
    };
    let Some(first) = records.first() else {
        return fallback;
    };
    let named = |kind: ElementKind| {
        let columns = columns(kind);
        first
            .cells
            .iter()
            .filter(|cell| sheet::names_column(&columns, cell))
            .count()
    };
    let best = SHEET_KINDS
        .iter()
        .map(|k| (named(*k), *k))
        .max_by_key(|(count, k)| {
            (
                *count,
                std::cmp::Reverse(SHEET_KINDS.iter().position(|x| x == k)),
            )
        });
    match best {
        Some((count, kind)) if count > 0 && count * 2 >= first.cells.len() => kind,
        _ => fallback,
    }
}

/// `column` of each element of `kind` in `ids` set to `text`, by the sheet's rules (a
/// cell typed in the table, one value pasted over several rows): the plan, as for a
/// paste.
pub fn set_cells(
    kind: ElementKind,
    journey: &Journey,
    ids: &[&str],
    column: &str,
    text: &str,
) -> Result<Plan, CsvError> {
    let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let mut ok = writer.write_record(["id", column]).is_ok();
    for id in ids {
        ok &= writer
            .write_record([*id, &sheet::neutralised(text.to_owned())])
            .is_ok();
    }
    debug_assert!(ok, "writing CSV into memory cannot fail");
    let text = String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default();
    plan(kind, journey, &text, &Options::default())
}
