//! The table's tabs: which rows and columns each kind of element has, what a cell
//! shows, what editing it starts from, what it completes to, and the one edit a typed
//! value becomes. Touchpoint cells are the CSV sheet's columns and go through its
//! rules; the other kinds set their element's field and replace it.

use crate::i18n::I18n;
use crate::interchange::csv::{self, Column};
use crate::model::names::{Found, find, fold};
use crate::model::{
    Confidence, Edit, Element, ElementId, ElementKind, EvidenceKind, GreyAreaKind, GreyAreaStatus,
    Journey, MetricName, OpportunityStatus, OpportunityTarget, Rgb, Severity, Stage, TouchpointId,
};

/// One tab of the table: a kind of element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    #[default]
    Touchpoints,
    Evidence,
    GreyAreas,
    Opportunities,
    Steps,
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A touchpoint column of the sheet.
    Sheet(Column),
    EvidenceKind,
    EvidenceText,
    EvidenceSource,
    EvidenceDate,
    EvidenceConfidence,
    MetricName,
    MetricValue,
    /// The touchpoints that cite it (edited on the touchpoint).
    EvidenceLinks,
    GreyFrom,
    GreyTo,
    GreyKind,
    GreySeverity,
    GreyStatus,
    GreyExperience,
    GreyFix,
    GreyOwner,
    OpportunityTarget,
    OpportunityIdea,
    OpportunityOwner,
    OpportunityStatus,
    OpportunityEffect,
    OpportunityValue,
    OpportunityEffort,
    StepStage,
    StepLane,
    StepTitle,
    StepActor,
    StepServes,
    StepDuration,
    StepStandard,
    StepFailPoint,
    StepDescription,
}

pub struct ColumnSpec {
    pub label_id: &'static str,
    pub width: f32,
    pub editable: bool,
    /// A list of items, one a line (edited with Shift+Enter for a new line).
    pub list: bool,
    /// The sheet's column, for a paste or a copy without a header.
    pub csv: Option<Column>,
    pub field: Field,
}

const fn sheet(column: Column, label_id: &'static str, width: f32) -> ColumnSpec {
    ColumnSpec {
        label_id,
        width,
        editable: !matches!(column, Column::EvidenceText),
        list: matches!(column, Column::PainPoints | Column::Opportunities),
        csv: Some(column),
        field: Field::Sheet(column),
    }
}

const fn field(field: Field, label_id: &'static str, width: f32) -> ColumnSpec {
    ColumnSpec {
        label_id,
        width,
        editable: !matches!(
            field,
            Field::EvidenceLinks | Field::StepStage | Field::StepServes
        ),
        list: false,
        csv: None,
        field,
    }
}

const TOUCHPOINT_COLUMNS: &[ColumnSpec] = &[
    sheet(Column::Stage, "col-stage", 130.0),
    sheet(Column::Title, "col-title", 240.0),
    sheet(Column::Channel, "col-channel", 170.0),
    sheet(Column::Department, "col-department", 160.0),
    sheet(Column::Doing, "col-doing", 220.0),
    sheet(Column::Thinking, "col-thinking", 220.0),
    sheet(Column::Expectation, "col-expectation", 200.0),
    sheet(Column::Emotion, "col-emotion", 80.0),
    sheet(Column::Word, "col-word", 110.0),
    sheet(Column::PainPoints, "col-pain-points", 220.0),
    sheet(Column::Opportunities, "col-opportunities", 220.0),
    sheet(Column::Deviation, "col-deviation", 120.0),
    sheet(Column::KeyMoment, "col-key-moment", 120.0),
    sheet(Column::EvidenceText, "col-evidence", 260.0),
];

const EVIDENCE_COLUMNS: &[ColumnSpec] = &[
    field(Field::EvidenceKind, "col-kind", 120.0),
    field(Field::EvidenceText, "col-text", 300.0),
    field(Field::EvidenceSource, "col-source", 160.0),
    field(Field::EvidenceDate, "col-date", 100.0),
    field(Field::EvidenceConfidence, "col-confidence", 110.0),
    field(Field::MetricName, "col-metric", 110.0),
    field(Field::MetricValue, "col-value", 80.0),
    field(Field::EvidenceLinks, "col-linked", 260.0),
];

const GREY_COLUMNS: &[ColumnSpec] = &[
    field(Field::GreyFrom, "col-from", 200.0),
    field(Field::GreyTo, "col-to", 200.0),
    field(Field::GreyKind, "col-kind", 160.0),
    field(Field::GreySeverity, "col-severity", 100.0),
    field(Field::GreyStatus, "col-status", 110.0),
    field(Field::GreyExperience, "col-experience", 260.0),
    field(Field::GreyFix, "col-fix", 240.0),
    field(Field::GreyOwner, "col-owner", 150.0),
];

const OPPORTUNITY_COLUMNS: &[ColumnSpec] = &[
    field(Field::OpportunityTarget, "col-target", 220.0),
    field(Field::OpportunityIdea, "col-idea", 300.0),
    field(Field::OpportunityOwner, "col-owner", 150.0),
    field(Field::OpportunityStatus, "col-status", 110.0),
    field(Field::OpportunityEffect, "col-effect", 240.0),
    field(Field::OpportunityValue, "col-value-rating", 80.0),
    field(Field::OpportunityEffort, "col-effort", 80.0),
];

const STEP_COLUMNS: &[ColumnSpec] = &[
    field(Field::StepStage, "col-stage", 130.0),
    field(Field::StepLane, "col-lane", 130.0),
    field(Field::StepTitle, "col-title", 260.0),
    field(Field::StepActor, "col-actor", 160.0),
    field(Field::StepServes, "col-serves", 220.0),
    field(Field::StepDuration, "col-duration", 100.0),
    field(Field::StepStandard, "col-time-standard", 110.0),
    field(Field::StepFailPoint, "col-fail-point", 100.0),
    field(Field::StepDescription, "col-description", 240.0),
];

impl Tab {
    pub const ALL: &'static [Tab] = &[
        Tab::Touchpoints,
        Tab::Evidence,
        Tab::GreyAreas,
        Tab::Opportunities,
        Tab::Steps,
    ];

    pub fn label_id(self) -> &'static str {
        match self {
            Tab::Touchpoints => "table-touchpoints",
            Tab::Evidence => "table-evidence",
            Tab::GreyAreas => "table-grey-areas",
            Tab::Opportunities => "table-opportunities",
            Tab::Steps => "table-steps",
        }
    }

    /// The kind of element its rows are, from the table of kinds.
    pub fn kind(self) -> ElementKind {
        match self {
            Tab::Touchpoints => ElementKind::Touchpoint,
            Tab::Evidence => ElementKind::Evidence,
            Tab::GreyAreas => ElementKind::GreyArea,
            Tab::Opportunities => ElementKind::Opportunity,
            Tab::Steps => ElementKind::Step,
        }
    }

    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            Tab::Touchpoints => TOUCHPOINT_COLUMNS,
            Tab::Evidence => EVIDENCE_COLUMNS,
            Tab::GreyAreas => GREY_COLUMNS,
            Tab::Opportunities => OPPORTUNITY_COLUMNS,
            Tab::Steps => STEP_COLUMNS,
        }
    }

    pub fn count(self, journey: &Journey) -> usize {
        match self {
            Tab::Touchpoints => journey.touchpoints.len(),
            Tab::Evidence => journey.evidence.len(),
            Tab::GreyAreas => journey.grey_areas.len(),
            Tab::Opportunities => journey.opportunities.len(),
            Tab::Steps => journey.steps.len(),
        }
    }
}

/// A row: a stage's heading (touchpoints are grouped by stage), or an element by its
/// index in its list and its id.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Row<'a> {
    Stage(Stage),
    Item(usize, &'a str),
}

impl Row<'_> {
    pub fn id(&self) -> Option<&str> {
        match self {
            Row::Stage(_) => None,
            Row::Item(_, id) => Some(id),
        }
    }

    pub fn element(&self, tab: Tab) -> Option<ElementId> {
        self.id().map(|id| ElementId::new(tab.kind(), id))
    }
}

pub fn rows(tab: Tab, journey: &Journey) -> Vec<Row<'_>> {
    match tab {
        Tab::Touchpoints => {
            let mut rows = Vec::with_capacity(journey.touchpoints.len() + Stage::ALL.len());
            for stage in Stage::ALL {
                rows.push(Row::Stage(*stage));
                for index in journey.stage_range(*stage) {
                    rows.push(Row::Item(index, journey.touchpoints[index].id.as_str()));
                }
            }
            rows
        }
        Tab::Evidence => items(journey.evidence.iter().map(|e| e.id.as_str())),
        Tab::GreyAreas => items(journey.grey_areas.iter().map(|g| g.id.as_str())),
        Tab::Opportunities => items(journey.opportunities.iter().map(|o| o.id.as_str())),
        Tab::Steps => items(journey.steps.iter().map(|s| s.id.as_str())),
    }
}

fn items<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<Row<'a>> {
    ids.enumerate().map(|(i, id)| Row::Item(i, id)).collect()
}

/// The journey's evidence by id, made the first time a cell needs it (a journey of
/// thousands of items is searched by hash, not in order).
#[derive(Debug, Default)]
pub struct EvidenceIndex(Option<foldhash::HashMap<String, usize>>);

impl EvidenceIndex {
    fn get<'j>(
        &mut self,
        journey: &'j Journey,
        id: &crate::model::EvidenceId,
    ) -> Option<&'j crate::model::Evidence> {
        let index = self.0.get_or_insert_with(|| {
            journey
                .evidence
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.0.clone(), i))
                .collect()
        });
        index.get(id.as_str()).map(|i| &journey.evidence[*i])
    }
}

/// What a cell shows.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub text: String,
    pub muted: bool,
    pub swatch: Option<Rgb>,
}

fn text(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        ..Cell::default()
    }
}

/// A touchpoint's title as a reference cell shows it: the title, or its id.
fn touchpoint_name(journey: &Journey, id: &TouchpointId) -> String {
    journey
        .touchpoint(id)
        .map(|t| t.title.trim())
        .filter(|t| !t.is_empty())
        .map_or_else(|| id.as_str().to_owned(), str::to_owned)
}

pub fn cell(
    tab: Tab,
    journey: &Journey,
    i18n: &I18n,
    evidence: &mut EvidenceIndex,
    row: &Row<'_>,
    col: usize,
) -> Cell {
    let Row::Item(index, _) = *row else {
        return Cell::default();
    };
    match tab.columns()[col].field {
        Field::Sheet(column) => touchpoint_cell(journey, i18n, evidence, index, column),
        field => {
            let shown = field_text(journey, i18n, tab, index, field);
            text(shown)
        }
    }
}

fn touchpoint_cell(
    journey: &Journey,
    i18n: &I18n,
    evidence_index: &mut EvidenceIndex,
    index: usize,
    column: Column,
) -> Cell {
    let t = &journey.touchpoints[index];
    match column {
        Column::Stage => text(i18n.stage_name(journey, t.stage)),
        Column::Channel => match t.channel.as_ref().and_then(|c| journey.channel(c)) {
            Some(c) => Cell {
                text: c.name.clone(),
                muted: false,
                swatch: Some(c.colour),
            },
            None => Cell::default(),
        },
        Column::Department => match t.department.as_ref().and_then(|d| journey.department(d)) {
            Some(d) => Cell {
                text: d.name.clone(),
                muted: false,
                swatch: Some(d.colour),
            },
            None => Cell::default(),
        },
        Column::KeyMoment => text(if t.key_moment {
            i18n.tr("yes")
        } else {
            String::new()
        }),
        Column::Deviation => text(
            t.deviation
                .map(|d| i18n.term("deviation", d.key()))
                .unwrap_or_default(),
        ),
        Column::EvidenceText => {
            let count = t.evidence.len();
            if count == 0 {
                return Cell {
                    text: i18n.tr("table-no-evidence"),
                    muted: true,
                    swatch: None,
                };
            }
            let items: Vec<&crate::model::Evidence> = t
                .evidence
                .iter()
                .filter_map(|id| evidence_index.get(journey, id))
                .collect();
            let strongest = crate::scene::strongest_of(&items)
                .map(|q| format!("“{}”", q.text.trim()))
                .or_else(|| {
                    items
                        .iter()
                        .find_map(|e| crate::scene::metric_line(e, i18n))
                })
                .unwrap_or_default();
            text(format!(
                "{} · {strongest}",
                crate::tr!(i18n, "table-sources", count = count)
            ))
        }
        column => text(csv::cell_of(journey, i18n, t, 0, column)),
    }
}

fn field_text(journey: &Journey, i18n: &I18n, tab: Tab, index: usize, field: Field) -> String {
    match tab {
        Tab::Evidence => {
            let e = &journey.evidence[index];
            match field {
                Field::EvidenceKind => i18n.term("evidence-kind", e.kind.key()),
                Field::EvidenceText => e.text.clone(),
                Field::EvidenceSource => e.source.clone(),
                Field::EvidenceDate => e.date.clone(),
                Field::EvidenceConfidence => i18n.term("confidence", e.confidence.key()),
                Field::MetricName => e
                    .metric
                    .as_ref()
                    .map(|m| {
                        if m.name == MetricName::Custom && !m.label.is_empty() {
                            m.label.clone()
                        } else {
                            i18n.term("metric", m.name.key())
                        }
                    })
                    .unwrap_or_default(),
                Field::MetricValue => e
                    .metric
                    .as_ref()
                    .map(|m| m.value.to_string())
                    .unwrap_or_default(),
                Field::EvidenceLinks => journey
                    .touchpoints
                    .iter()
                    .filter(|t| t.evidence.contains(&e.id))
                    .map(|t| touchpoint_name(journey, &t.id))
                    .collect::<Vec<_>>()
                    .join(" · "),
                _ => String::new(),
            }
        }
        Tab::GreyAreas => {
            let g = &journey.grey_areas[index];
            match field {
                Field::GreyFrom => end_name(journey, &g.from),
                Field::GreyTo => end_name(journey, &g.to),
                Field::GreyKind => i18n.term("grey-kind", g.kind.key()),
                Field::GreySeverity => i18n.term("severity", g.severity.key()),
                Field::GreyStatus => i18n.term("grey-status", g.status.key()),
                Field::GreyExperience => g.experience.clone(),
                Field::GreyFix => g.fix.clone(),
                Field::GreyOwner => g.owner.clone(),
                _ => String::new(),
            }
        }
        Tab::Opportunities => {
            let o = &journey.opportunities[index];
            match field {
                Field::OpportunityTarget => match &o.target {
                    OpportunityTarget::Touchpoint(id) => touchpoint_name(journey, id),
                    OpportunityTarget::GreyArea(id) => journey.grey_area(id).map_or_else(
                        || id.as_str().to_owned(),
                        |g| crate::scene::grey_area_title(journey, g, i18n),
                    ),
                },
                Field::OpportunityIdea => o.idea.clone(),
                Field::OpportunityOwner => o.owner.clone(),
                Field::OpportunityStatus => i18n.term("opportunity-status", o.status.key()),
                Field::OpportunityEffect => o.expected_effect.clone(),
                Field::OpportunityValue => o.value.map(|v| v.to_string()).unwrap_or_default(),
                Field::OpportunityEffort => o.effort.map(|v| v.to_string()).unwrap_or_default(),
                _ => String::new(),
            }
        }
        Tab::Steps => {
            let s = &journey.steps[index];
            let duration = |d: Option<crate::model::Duration>| {
                d.map(|d| crate::scene::duration_text(d, i18n))
                    .unwrap_or_default()
            };
            match field {
                Field::StepStage => i18n.stage_name(journey, s.stage),
                Field::StepLane => i18n.term("blueprint-lane", s.lane.key()),
                Field::StepTitle => s.title.clone(),
                Field::StepActor => s
                    .actor
                    .as_ref()
                    .and_then(|a| journey.actor(a))
                    .map(|a| a.name.clone())
                    .unwrap_or_default(),
                Field::StepServes => s
                    .serves
                    .iter()
                    .map(|t| touchpoint_name(journey, t))
                    .collect::<Vec<_>>()
                    .join(" · "),
                Field::StepDuration => duration(s.duration),
                Field::StepStandard => duration(s.time_standard),
                Field::StepFailPoint => {
                    if s.fail_point {
                        i18n.tr("yes")
                    } else {
                        String::new()
                    }
                }
                Field::StepDescription => s.description.clone(),
                _ => String::new(),
            }
        }
        Tab::Touchpoints => String::new(),
    }
}

/// The text editing a cell starts from.
pub fn edit_text(tab: Tab, journey: &Journey, i18n: &I18n, row: &Row<'_>, col: usize) -> String {
    let Row::Item(index, _) = *row else {
        return String::new();
    };
    match tab.columns()[col].field {
        Field::Sheet(
            column @ (Column::PainPoints
            | Column::Opportunities
            | Column::Emotion
            | Column::Word
            | Column::Title
            | Column::Doing
            | Column::Thinking
            | Column::Expectation),
        ) => csv::cell_of(journey, i18n, &journey.touchpoints[index], 0, column),
        _ => cell(tab, journey, i18n, &mut EvidenceIndex::default(), row, col).text,
    }
}

/// The names a cell completes to (empty: free text).
pub fn choices(tab: Tab, journey: &Journey, i18n: &I18n, col: usize) -> Vec<String> {
    let terms = |family: &str, keys: &mut dyn Iterator<Item = &'static str>| -> Vec<String> {
        keys.map(|k| i18n.term(family, k)).collect()
    };
    match tab.columns()[col].field {
        Field::Sheet(Column::Stage) => Stage::ALL
            .iter()
            .map(|s| i18n.stage_name(journey, *s))
            .collect(),
        Field::Sheet(Column::Channel) => journey.channels.iter().map(|c| c.name.clone()).collect(),
        Field::Sheet(Column::Department) => {
            journey.departments.iter().map(|d| d.name.clone()).collect()
        }
        Field::Sheet(Column::Deviation) => terms(
            "deviation",
            &mut crate::model::Deviation::ALL.iter().map(|d| d.key()),
        ),
        Field::Sheet(Column::KeyMoment) => vec![i18n.tr("yes"), i18n.tr("no")],
        Field::EvidenceKind => terms(
            "evidence-kind",
            &mut EvidenceKind::ALL.iter().map(|k| k.key()),
        ),
        Field::EvidenceConfidence => {
            terms("confidence", &mut Confidence::ALL.iter().map(|k| k.key()))
        }
        Field::MetricName => terms("metric", &mut MetricName::ALL.iter().map(|k| k.key())),
        Field::GreyKind => terms("grey-kind", &mut GreyAreaKind::ALL.iter().map(|k| k.key())),
        Field::GreySeverity => terms("severity", &mut Severity::ALL.iter().map(|k| k.key())),
        Field::GreyStatus => terms(
            "grey-status",
            &mut GreyAreaStatus::ALL.iter().map(|k| k.key()),
        ),
        Field::OpportunityStatus => terms(
            "opportunity-status",
            &mut OpportunityStatus::ALL.iter().map(|k| k.key()),
        ),
        Field::StepLane => terms(
            "blueprint-lane",
            &mut crate::model::BlueprintLane::ALL.iter().map(|k| k.key()),
        ),
        Field::StepActor => journey.actors.iter().map(|a| a.name.clone()).collect(),
        Field::StepFailPoint => vec![i18n.tr("yes"), i18n.tr("no")],
        Field::GreyFrom | Field::GreyTo | Field::OpportunityTarget => journey
            .touchpoints
            .iter()
            .map(|t| touchpoint_name(journey, &t.id))
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether a value that completes to nothing becomes a new catalogue entry.
pub fn completes(tab: Tab, col: usize) -> bool {
    matches!(
        tab.columns()[col].field,
        Field::Sheet(Column::Channel | Column::Department)
    )
}

/// The one edit that sets `col` of each row in `cells` (id, column) to `value`;
/// `None` when nothing changes, an error in the person's words.
pub fn set(
    tab: Tab,
    journey: &Journey,
    i18n: &I18n,
    cells: &[(String, usize)],
    value: &str,
) -> Result<Option<Edit>, String> {
    let Some(&(_, col)) = cells.first() else {
        return Ok(None);
    };
    let field = tab.columns()[col].field;
    let edit = if let Field::Sheet(column) = field {
        let value = sheet_value(journey, i18n, column, value);
        let ids: Vec<TouchpointId> = cells.iter().map(|(id, _)| TouchpointId::new(id)).collect();
        let plan = csv::set_cells(journey, &ids, column, &value).map_err(|e| e.message)?;
        Edit::between(journey, &plan.journey)
    } else {
        let mut edits = Vec::new();
        for (id, _) in cells {
            if let Some(element) = set_field(tab, journey, i18n, id, field, value)? {
                edits.push(Edit::Replace(element));
            }
        }
        Edit::Batch(edits)
    };
    Ok((!edit.is_noop()).then_some(edit))
}

/// A typed value as the sheet reads it: choice columns take the interface's names.
fn sheet_value(journey: &Journey, i18n: &I18n, column: Column, value: &str) -> String {
    match column {
        Column::KeyMoment => {
            let folded = fold(value);
            if folded == fold(&i18n.tr("yes")) {
                "yes".to_owned()
            } else if folded == fold(&i18n.tr("no")) {
                String::new()
            } else {
                value.to_owned()
            }
        }
        Column::Stage => match find(
            value,
            Stage::ALL
                .iter()
                .map(|s| (s.key(), i18n.stage_name(journey, *s)))
                .collect::<Vec<_>>()
                .iter()
                .map(|(k, n)| (*k, n.as_str())),
        ) {
            Found::Entry(at, _) => i18n.stage_name(journey, Stage::ALL[at]),
            _ => value.to_owned(),
        },
        _ => value.to_owned(),
    }
}

/// A vocabulary value by its name in the interface (or its key), completed.
fn choose<T: Copy>(
    i18n: &I18n,
    family: &str,
    all: &[T],
    key: fn(T) -> &'static str,
    value: &str,
) -> Option<T> {
    let names: Vec<(String, String)> = all
        .iter()
        .map(|v| (key(*v).to_owned(), i18n.term(family, key(*v))))
        .collect();
    match find(value, names.iter().map(|(k, n)| (k.as_str(), n.as_str()))) {
        Found::Entry(at, _) => Some(all[at]),
        _ => None,
    }
}

/// A grey area's end by its title: a touchpoint's or a step's.
fn end_name(journey: &Journey, end: &crate::model::End) -> String {
    match end {
        crate::model::End::Touchpoint(t) => touchpoint_name(journey, t),
        crate::model::End::Step(s) => journey
            .step(s)
            .map(|s| s.title.trim())
            .filter(|t| !t.is_empty())
            .map_or_else(|| s.as_str().to_owned(), str::to_owned),
    }
}

/// The end a typed name (or id) names: a touchpoint, else a step.
fn end_named(journey: &Journey, value: &str) -> Option<crate::model::End> {
    if let Some(t) = touchpoint_named(journey, value) {
        return Some(crate::model::End::Touchpoint(t));
    }
    let names: Vec<(String, String)> = journey
        .steps
        .iter()
        .map(|s| {
            (
                s.id.as_str().to_owned(),
                end_name(journey, &crate::model::End::Step(s.id.clone())),
            )
        })
        .collect();
    match find(value, names.iter().map(|(k, n)| (k.as_str(), n.as_str()))) {
        Found::Entry(at, _) => Some(crate::model::End::Step(journey.steps[at].id.clone())),
        _ => None,
    }
}

fn touchpoint_named(journey: &Journey, value: &str) -> Option<TouchpointId> {
    let names: Vec<(String, String)> = journey
        .touchpoints
        .iter()
        .map(|t| (t.id.as_str().to_owned(), touchpoint_name(journey, &t.id)))
        .collect();
    match find(value, names.iter().map(|(k, n)| (k.as_str(), n.as_str()))) {
        Found::Entry(at, _) => Some(journey.touchpoints[at].id.clone()),
        _ => None,
    }
}

fn set_field(
    tab: Tab,
    journey: &Journey,
    i18n: &I18n,
    id: &str,
    field: Field,
    value: &str,
) -> Result<Option<Element>, String> {
    let unknown = || crate::tr!(i18n, "table-not-a-choice", value = value.to_owned());
    match tab {
        Tab::Evidence => {
            let Some(mut e) = journey
                .evidence
                .iter()
                .find(|e| e.id.as_str() == id)
                .cloned()
            else {
                return Ok(None);
            };
            match field {
                Field::EvidenceKind => {
                    e.kind = choose(
                        i18n,
                        "evidence-kind",
                        EvidenceKind::ALL,
                        EvidenceKind::key,
                        value,
                    )
                    .ok_or_else(unknown)?;
                }
                Field::EvidenceText => e.text = value.to_owned(),
                Field::EvidenceSource => e.source = value.to_owned(),
                Field::EvidenceDate => e.date = value.trim().to_owned(),
                Field::EvidenceConfidence => {
                    e.confidence =
                        choose(i18n, "confidence", Confidence::ALL, Confidence::key, value)
                            .ok_or_else(unknown)?;
                }
                Field::MetricName => {
                    if value.trim().is_empty() {
                        e.metric = None;
                    } else {
                        let name = choose(i18n, "metric", MetricName::ALL, MetricName::key, value);
                        let metric = e.metric.get_or_insert_with(|| crate::model::Metric {
                            name: MetricName::Custom,
                            label: String::new(),
                            value: 0.0,
                            scale: String::new(),
                            sample_size: None,
                        });
                        match name {
                            Some(name) => metric.name = name,
                            None => {
                                metric.name = MetricName::Custom;
                                metric.label = value.trim().to_owned();
                            }
                        }
                        e.kind = EvidenceKind::Metric;
                    }
                }
                Field::MetricValue => {
                    let number: f64 = value
                        .trim()
                        .replace(',', ".")
                        .parse()
                        .ok()
                        .filter(|v: &f64| v.is_finite())
                        .ok_or_else(|| {
                            crate::tr!(i18n, "table-not-a-number", value = value.to_owned())
                        })?;
                    let metric = e.metric.get_or_insert_with(|| crate::model::Metric {
                        name: MetricName::Custom,
                        label: String::new(),
                        value: 0.0,
                        scale: String::new(),
                        sample_size: None,
                    });
                    metric.value = number;
                    e.kind = EvidenceKind::Metric;
                }
                _ => return Ok(None),
            }
            Ok(Some(Element::Evidence(e)))
        }
        Tab::GreyAreas => {
            let Some(mut g) = journey
                .grey_areas
                .iter()
                .find(|g| g.id.as_str() == id)
                .cloned()
            else {
                return Ok(None);
            };
            match field {
                Field::GreyFrom => g.from = end_named(journey, value).ok_or_else(unknown)?,
                Field::GreyTo => g.to = end_named(journey, value).ok_or_else(unknown)?,
                Field::GreyKind => {
                    g.kind = choose(
                        i18n,
                        "grey-kind",
                        GreyAreaKind::ALL,
                        GreyAreaKind::key,
                        value,
                    )
                    .ok_or_else(unknown)?;
                }
                Field::GreySeverity => {
                    g.severity = choose(i18n, "severity", Severity::ALL, Severity::key, value)
                        .ok_or_else(unknown)?;
                }
                Field::GreyStatus => {
                    g.status = choose(
                        i18n,
                        "grey-status",
                        GreyAreaStatus::ALL,
                        GreyAreaStatus::key,
                        value,
                    )
                    .ok_or_else(unknown)?;
                }
                Field::GreyExperience => g.experience = value.to_owned(),
                Field::GreyFix => g.fix = value.to_owned(),
                Field::GreyOwner => g.owner = value.to_owned(),
                _ => return Ok(None),
            }
            Ok(Some(Element::GreyArea(g)))
        }
        Tab::Opportunities => {
            let Some(mut o) = journey
                .opportunities
                .iter()
                .find(|o| o.id.as_str() == id)
                .cloned()
            else {
                return Ok(None);
            };
            match field {
                Field::OpportunityTarget => {
                    o.target = OpportunityTarget::Touchpoint(
                        touchpoint_named(journey, value).ok_or_else(unknown)?,
                    );
                }
                Field::OpportunityIdea => o.idea = value.to_owned(),
                Field::OpportunityOwner => o.owner = value.to_owned(),
                Field::OpportunityStatus => {
                    o.status = choose(
                        i18n,
                        "opportunity-status",
                        OpportunityStatus::ALL,
                        OpportunityStatus::key,
                        value,
                    )
                    .ok_or_else(unknown)?;
                }
                Field::OpportunityEffect => o.expected_effect = value.to_owned(),
                Field::OpportunityValue | Field::OpportunityEffort => {
                    let rating = match value.trim() {
                        "" => None,
                        text => Some(
                            text.parse::<u8>()
                                .ok()
                                .filter(|r| (1..=5).contains(r))
                                .ok_or_else(unknown)?,
                        ),
                    };
                    if field == Field::OpportunityValue {
                        o.value = rating;
                    } else {
                        o.effort = rating;
                    }
                }
                _ => return Ok(None),
            }
            Ok(Some(Element::Opportunity(o)))
        }
        Tab::Steps => {
            let Some(mut s) = journey.steps.iter().find(|s| s.id.as_str() == id).cloned() else {
                return Ok(None);
            };
            let duration = |value: &str| -> Result<Option<crate::model::Duration>, String> {
                let value = value.trim();
                if value.is_empty() {
                    return Ok(None);
                }
                // The interface's units ("2 sem") and the file's ("2 w") alike.
                let file_form =
                    crate::model::TimeUnit::ALL
                        .iter()
                        .fold(value.to_owned(), |v, u| {
                            let shown = i18n.term("time-unit", u.key());
                            match v.strip_suffix(shown.as_str()) {
                                Some(number) if shown != u.key() => {
                                    format!("{}{}", number, u.key())
                                }
                                _ => v,
                            }
                        });
                crate::model::Duration::parse(&file_form)
                    .map(Some)
                    .map_err(|_| i18n.tr("notice-bad-duration"))
            };
            match field {
                Field::StepLane => {
                    s.lane = choose(
                        i18n,
                        "blueprint-lane",
                        crate::model::BlueprintLane::ALL,
                        crate::model::BlueprintLane::key,
                        value,
                    )
                    .ok_or_else(unknown)?;
                }
                Field::StepTitle => s.title = value.to_owned(),
                Field::StepActor => {
                    s.actor = if value.trim().is_empty() {
                        None
                    } else {
                        let names: Vec<(&str, &str)> = journey
                            .actors
                            .iter()
                            .map(|a| (a.id.as_str(), a.name.as_str()))
                            .collect();
                        match find(value, names) {
                            Found::Entry(at, _) => Some(journey.actors[at].id.clone()),
                            _ => return Err(unknown()),
                        }
                    };
                }
                Field::StepDuration => s.duration = duration(value)?,
                Field::StepStandard => s.time_standard = duration(value)?,
                Field::StepFailPoint => {
                    let folded = fold(value);
                    s.fail_point = !(folded.is_empty() || folded == fold(&i18n.tr("no")));
                }
                Field::StepDescription => s.description = value.to_owned(),
                _ => return Ok(None),
            }
            Ok(Some(Element::Step(s)))
        }
        Tab::Touchpoints => Ok(None),
    }
}

/// The selected rows as TSV with a header: touchpoints with their id and the sheet's
/// columns (pasted back, they update the same rows); the other kinds as shown.
pub fn copy(
    tab: Tab,
    journey: &Journey,
    i18n: &I18n,
    rows: &[Row<'_>],
    selected: &[usize],
) -> String {
    if tab == Tab::Touchpoints {
        let touchpoints: Vec<&crate::model::Touchpoint> = selected
            .iter()
            .filter_map(|i| match rows[*i] {
                Row::Item(index, _) => Some(&journey.touchpoints[index]),
                Row::Stage(_) => None,
            })
            .collect();
        let columns: Vec<Column> = std::iter::once(Column::Id)
            .chain(tab.columns().iter().filter_map(|c| c.csv))
            .collect();
        return csv::to_tsv(journey, &touchpoints, &columns);
    }
    let mut lines = vec![
        tab.columns()
            .iter()
            .map(|c| i18n.tr(c.label_id))
            .collect::<Vec<_>>()
            .join("\t"),
    ];
    for i in selected {
        let row = &rows[*i];
        let cells: Vec<String> = (0..tab.columns().len())
            .map(|col| {
                cell(tab, journey, i18n, &mut EvidenceIndex::default(), row, col)
                    .text
                    .replace(['\t', '\n'], " ")
            })
            .collect();
        lines.push(cells.join("\t"));
    }
    lines.join("\n") + "\n"
}
