//! The blueprint's steps as a spreadsheet (`journeymap export -o steps.csv --steps`,
//! `journeymap import steps.csv --into map.ron --steps`): one row per step, in journey
//! order, by the same rules as the touchpoint sheet (`docs/csv.md`): a header names the
//! columns, a row with an id updates that step's columns and one without adds a step,
//! stages by key, English or Spanish name or the map's own label, actors by id or name
//! (ignoring case and accents; a new name is a new actor, reported), formula cells
//! neutralised with a leading `'`.

use super::csv::{CsvError, csv_error, neutralised, read_cell, stage_key, stage_names};
use crate::model::names::{Found, find};
use crate::model::{
    Actor, ActorKind, BlueprintLane, Duration, Edit, EvidenceId, Journey, Step, StepId,
    TouchpointId, distinct_colour,
};

/// The columns, in the order export writes them.
pub const COLUMNS: [&str; 11] = [
    "id",
    "stage",
    "lane",
    "actor",
    "title",
    "description",
    "serves",
    "duration",
    "time_standard",
    "fail_point",
    "evidence",
];

/// One row per step with a header row.
pub fn to_csv(journey: &Journey) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let mut ok = writer.write_record(COLUMNS).is_ok();
    for s in &journey.steps {
        let actor = s
            .actor
            .as_ref()
            .map(|a| journey.actor(a).map_or(a.as_str(), |a| a.name.as_str()))
            .unwrap_or_default();
        let ids = |ids: Vec<&str>| ids.join(" ");
        let record = [
            s.id.as_str().to_owned(),
            stage_key(s.stage).to_owned(),
            format!("{:?}", s.lane),
            actor.to_owned(),
            s.title.clone(),
            s.description.clone(),
            ids(s.serves.iter().map(|t| t.as_str()).collect()),
            s.duration.map(|d| d.to_string()).unwrap_or_default(),
            s.time_standard.map(|d| d.to_string()).unwrap_or_default(),
            if s.fail_point { "yes" } else { "" }.to_owned(),
            ids(s.evidence.iter().map(|e| e.as_str()).collect()),
        ]
        .map(neutralised);
        ok &= writer.write_record(&record).is_ok();
    }
    debug_assert!(ok, "writing CSV into memory cannot fail");
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// What an import of steps did: rows added and updated, new actors, warnings.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
    pub added: Vec<StepId>,
    pub updated: Vec<StepId>,
    pub new_actors: Vec<String>,
    pub warnings: Vec<String>,
}

/// Reads a steps sheet into `journey` as one edit: nothing changes on an error (the
/// line says where), and the result validates.
pub fn import_into(journey: &mut Journey, text: &str) -> Result<Report, CsvError> {
    let mut work = journey.clone();
    let report = read(&mut work, text)?;
    let findings = crate::format::validate(&work);
    if let Some(first) = findings.first() {
        return Err(CsvError {
            line: 1,
            message: first.message.clone(),
        });
    }
    let edit = Edit::between(journey, &work);
    edit.apply(journey).map_err(|e| CsvError {
        line: 1,
        message: e.to_string(),
    })?;
    Ok(report)
}

fn read(journey: &mut Journey, text: &str) -> Result<Report, CsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(&e, 1))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    for name in &header {
        if !COLUMNS.contains(&name.as_str()) {
            return Err(CsvError {
                line: 1,
                message: format!(
                    "unknown column `{name}`: a steps sheet has {}",
                    COLUMNS.join(", ")
                ),
            });
        }
    }
    let at = |name: &str| header.iter().position(|h| h == name);
    if at("title").is_none() && at("id").is_none() {
        return Err(CsvError {
            line: 1,
            message: "a steps sheet needs an `id` or a `title` column".to_owned(),
        });
    }
    let stages = stage_names(journey);
    let mut report = Report::default();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e, 1))?;
        let line = record.position().map_or(1, |p| p.line());
        let error = |message: String| CsvError { line, message };
        let cell = |name: &str| at(name).and_then(|i| record.get(i)).map(read_cell);
        let id = cell("id").map(str::trim).filter(|id| !id.is_empty());
        let existing = id.and_then(|id| journey.steps.iter().position(|s| s.id.as_str() == id));
        let stage = match cell("stage").map(str::trim).filter(|s| !s.is_empty()) {
            Some(value) => {
                let names: Vec<(&str, &str)> = stages
                    .iter()
                    .map(|(name, s)| (stage_key(*s), name.as_str()))
                    .collect();
                match find(value, names.iter().copied()) {
                    Found::Entry(i, _) => Some(stages[i].1),
                    _ => return Err(error(format!("`{value}` is not a stage"))),
                }
            }
            None => None,
        };
        let mut step = match existing {
            Some(i) => journey.steps[i].clone(),
            None => {
                let Some(stage) = stage else {
                    return Err(error("a new step needs its stage".to_owned()));
                };
                let id = match id {
                    Some(id) => StepId::new(id),
                    None => journey.next_step_id(),
                };
                Step::new(id, stage, BlueprintLane::Frontstage, "")
            }
        };
        if let Some(value) = cell("lane").map(str::trim).filter(|v| !v.is_empty()) {
            let names: Vec<(&str, String)> = BlueprintLane::ALL
                .iter()
                .map(|l| (l.key(), format!("{l:?}")))
                .collect();
            step.lane = match find(value, names.iter().map(|(k, n)| (*k, n.as_str()))) {
                Found::Entry(i, _) => BlueprintLane::ALL[i],
                _ => {
                    return Err(error(format!(
                        "`{value}` is not a layer: Frontstage, Backstage or Support"
                    )));
                }
            };
        }
        if let Some(value) = cell("actor") {
            step.actor = actor_named(journey, value.trim(), &mut report);
        }
        for (name, field) in [
            ("title", &mut step.title),
            ("description", &mut step.description),
        ] {
            if let Some(value) = cell(name) {
                *field = value.to_owned();
            }
        }
        if let Some(value) = cell("serves") {
            step.serves = value.split_whitespace().map(TouchpointId::new).collect();
        }
        if let Some(value) = cell("evidence") {
            step.evidence = value.split_whitespace().map(EvidenceId::new).collect();
        }
        for (name, field) in [
            ("duration", &mut step.duration),
            ("time_standard", &mut step.time_standard),
        ] {
            if let Some(value) = cell(name) {
                *field = match value.trim() {
                    "" => None,
                    text => Some(Duration::parse(text).map_err(error)?),
                };
            }
        }
        if let Some(value) = cell("fail_point") {
            step.fail_point = matches!(
                value.trim().to_lowercase().as_str(),
                "yes" | "sí" | "si" | "true" | "x" | "1"
            );
        }
        let moved = existing.is_some_and(|i| stage.is_some_and(|s| s != journey.steps[i].stage));
        match existing {
            Some(i) if !moved => {
                report.updated.push(step.id.clone());
                journey.steps[i] = step;
            }
            Some(i) => {
                journey.steps.remove(i);
                step.stage = stage.unwrap_or(step.stage);
                report.updated.push(step.id.clone());
                insert_in_stage(journey, step);
            }
            None => {
                if journey.steps.iter().any(|s| s.id == step.id) {
                    return Err(error(format!("step id {} is twice in the sheet", step.id)));
                }
                report.added.push(step.id.clone());
                insert_in_stage(journey, step);
            }
        }
    }
    Ok(report)
}

/// At the end of its stage (steps stay grouped by stage).
fn insert_in_stage(journey: &mut Journey, step: Step) {
    let at = journey.step_range(step.stage).end;
    journey.steps.insert(at, step);
}

/// The actor a cell names (by id or name, by the one naming rule), or a new one.
fn actor_named(
    journey: &mut Journey,
    value: &str,
    report: &mut Report,
) -> Option<crate::model::ActorId> {
    if value.is_empty() {
        return None;
    }
    let names: Vec<(&str, &str)> = journey
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    if let Found::Entry(i, _) = find(value, names) {
        return Some(journey.actors[i].id.clone());
    }
    let actor = Actor {
        id: journey.new_actor_id(value),
        name: value.to_owned(),
        kind: ActorKind::Staff,
        colour: distinct_colour(journey.actors.iter().map(|a| a.colour)),
    };
    report.new_actors.push(value.to_owned());
    let id = actor.id.clone();
    journey.actors.push(actor);
    Some(id)
}
