//! The blueprint's steps as a spreadsheet (`journeymap export -o steps.csv --steps`,
//! `journeymap import steps.csv --into map.ron --steps`, a paste into the table's Steps
//! tab, File ▸ Import of a sheet with step columns): an `id` column and a column per
//! field of a step (`model::fields`), read and written by the one set of sheet rules
//! (`sheet.rs`, `docs/csv.md`). Nothing here parses a cell.

use super::sheet::{self, Catalogue, CsvError, Options};
use crate::model::{ElementId, Journey, Step};

/// The columns, in the order export writes them.
pub fn columns() -> Vec<sheet::Column> {
    sheet::field_columns::<Step>()
}

/// One row per step with a header row.
pub fn to_csv(journey: &Journey) -> String {
    sheet::to_csv::<Step>(journey)
}

/// What an import of steps did: rows added and updated, new actors, warnings.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
    pub added: Vec<ElementId>,
    pub updated: Vec<ElementId>,
    pub new_actors: Vec<String>,
    pub warnings: Vec<String>,
}

/// What reading a steps sheet into `journey` would do (the table's paste, File ▸
/// Import): the plan, for a review.
pub fn plan(journey: &Journey, text: &str, options: &Options) -> Result<sheet::Plan, CsvError> {
    sheet::plan::<Step>(journey, text, &columns(), options, &mut sheet::NoOwn)
}

/// Reads a steps sheet into `journey` as one edit: nothing changes on an error (the
/// line says where), and the result validates.
pub fn import_into(journey: &mut Journey, text: &str) -> Result<Report, CsvError> {
    let plan = plan(journey, text, &Options::default())?;
    let sheet::Plan {
        journey: planned,
        added,
        updated,
        report,
        ..
    } = plan;
    *journey = planned;
    Ok(Report {
        added,
        updated,
        new_actors: report
            .matches
            .iter()
            .filter(|m| m.catalogue == Catalogue::Actor && m.entry.is_none())
            .map(|m| m.value.trim().to_owned())
            .collect(),
        warnings: report.warnings,
    })
}
