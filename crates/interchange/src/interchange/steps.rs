//! The blueprint's steps as a spreadsheet (`journeymap export -o steps.csv --steps`,
//! `journeymap import steps.csv --into map.ron --steps`, a paste into the table's Steps
//! tab, File ▸ Import of a sheet with step columns): an `id` column and a column per
//! field of a step (`model::fields`), read and written by the one set of sheet rules
//! (`sheet.rs`, `docs/csv.md`), plus `actor kind`: the kind of the row's actor
//! (`customer`, `staff`, `system`, `partner`), so a sheet that brings new actors says
//! what they are. Nothing else here parses a cell.

use super::sheet::{
    self, Catalogue, Column, CsvError, Options, Own, Report as SheetReport, Row, What,
};
use crate::model::{ActorKind, ElementId, Journey, Step, StepId};

const ACTOR_KIND: u8 = 0;

/// The columns, in the order export writes them: the step's fields, its actor's kind
/// after its actor.
pub fn columns() -> Vec<Column> {
    let mut columns = sheet::field_columns::<Step>();
    let at = columns
        .iter()
        .position(|c| c.name == "actor")
        .map_or(columns.len(), |i| i + 1);
    columns.insert(
        at,
        Column {
            name: "actor kind",
            aliases: &["actor type", "tipo de actor"],
            label: "col-actor-kind",
            what: What::Own(ACTOR_KIND),
        },
    );
    columns
}

/// The actor kind of a step's row.
fn own_cell(journey: &Journey, step: &Step, what: What) -> String {
    match what {
        What::Own(ACTOR_KIND) => step
            .actor
            .as_ref()
            .and_then(|a| journey.actor(a))
            .map(|a| a.kind.key().to_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// One row per step with a header row.
pub fn to_csv(journey: &Journey) -> String {
    let all: Vec<&Step> = journey.steps.iter().collect();
    sheet::write(journey, &all, &columns(), b',', &|s, what| {
        own_cell(journey, s, what)
    })
}

/// The steps `steps` as a sheet with `delimiter` (the table's copy).
pub fn write(journey: &Journey, steps: &[&Step], columns: &[Column], delimiter: u8) -> String {
    sheet::write(journey, steps, columns, delimiter, &|s, what| {
        own_cell(journey, s, what)
    })
}

/// Reads the `actor kind` column: each row's actor takes the kind given (a new actor
/// the sheet made is `staff` until it says otherwise).
struct StepColumns;

impl Own for StepColumns {
    fn apply(
        &mut self,
        journey: &mut Journey,
        header: &[Column],
        rows: &[(&Row, ElementId)],
        report: &mut SheetReport,
    ) -> Result<(), CsvError> {
        for (row, id) in rows {
            let Some(text) = row
                .cell(header, What::Own(ACTOR_KIND))
                .map(str::trim)
                .filter(|t| !t.is_empty())
            else {
                continue;
            };
            let folded = crate::model::names::fold(text);
            let kind = ActorKind::ALL
                .iter()
                .copied()
                .find(|k| crate::model::names::fold(k.key()) == folded)
                .ok_or_else(|| {
                    CsvError::new(
                        row.line,
                        format!(
                            "actor kind: {text:?} is not one of: {}",
                            ActorKind::ALL
                                .iter()
                                .map(|k| k.key())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )
                })?;
            let Some(actor_id) = journey
                .step(&StepId::new(id.as_str()))
                .and_then(|s| s.actor.clone())
            else {
                return Err(CsvError::new(
                    row.line,
                    format!("actor kind {text:?} is given for a step without an actor"),
                ));
            };
            let made_here = |name: &str| {
                report.matches.iter().any(|m| {
                    m.catalogue == Catalogue::Actor && m.entry.is_none() && m.value.trim() == name
                })
            };
            if let Some(actor) = journey.actors.iter_mut().find(|a| a.id == actor_id)
                && actor.kind != kind
            {
                if made_here(&actor.name) {
                    actor.kind = kind;
                    continue;
                }
                report.warnings.push(format!(
                    "line {}: actor {:?} is now {}",
                    row.line,
                    actor.name,
                    kind.key()
                ));
                actor.kind = kind;
            }
        }
        Ok(())
    }
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
    sheet::plan::<Step>(journey, text, &columns(), options, &mut StepColumns)
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
