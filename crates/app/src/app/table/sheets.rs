//! The table's tabs: one per kind of element a sheet holds. A tab's columns are its
//! kind's sheet columns (`interchange::columns`: the fields of `model::fields` and the
//! touchpoint sheet's own), with a width; what a cell shows is the field's value in
//! words (`words::value`), what it completes to follows its shape, and a typed value is
//! a one-cell sheet read by the one set of sheet rules (`interchange::set_cells`): a
//! typed cell and a pasted one are one path.

use crate::i18n::I18n;
use crate::interchange::sheet::{self, Column, What};
use crate::model::fields::{Field, Shape};
use crate::model::names::fold;
use crate::model::{
    Edit, ElementId, ElementKind, Evidence, GreyArea, Item, Journey, Opportunity, Rgb, Stage, Step,
    Touchpoint,
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

/// A column of a tab: a sheet column by name, and its width.
pub struct ColumnSpec {
    /// The sheet column's name (`pain points`), or `LINKED`.
    pub name: &'static str,
    pub width: f32,
}

/// The evidence tab's column of the elements that cite each item (worked out).
pub const LINKED: &str = "cited by";

const fn col(name: &'static str, width: f32) -> ColumnSpec {
    ColumnSpec { name, width }
}

const TOUCHPOINT_COLUMNS: &[ColumnSpec] = &[
    col("stage", 130.0),
    col("phase", 130.0),
    col("title", 240.0),
    col("channel", 170.0),
    col("department", 160.0),
    col("doing", 220.0),
    col("thinking", 220.0),
    col("expectation", 200.0),
    col("emotion", 80.0),
    col("word", 110.0),
    col("pain points", 220.0),
    col("opportunities", 220.0),
    col("deviation", 120.0),
    col("moment of truth", 120.0),
    col("physical evidence", 200.0),
    col("evidence text", 260.0),
];

const EVIDENCE_COLUMNS: &[ColumnSpec] = &[
    col("kind", 120.0),
    col("text", 300.0),
    col("source", 160.0),
    col("date", 110.0),
    col("confidence", 110.0),
    col("metric", 110.0),
    col("value", 80.0),
    col("sample size", 90.0),
    col(LINKED, 260.0),
];

const GREY_COLUMNS: &[ColumnSpec] = &[
    col("title", 220.0),
    col("from", 200.0),
    col("to", 200.0),
    col("kind", 160.0),
    col("severity", 100.0),
    col("status", 110.0),
    col("experience", 260.0),
    col("fix", 240.0),
    col("owner", 150.0),
];

const OPPORTUNITY_COLUMNS: &[ColumnSpec] = &[
    col("target", 220.0),
    col("idea", 300.0),
    col("owner", 150.0),
    col("status", 110.0),
    col("expected effect", 240.0),
    col("value", 80.0),
    col("effort", 80.0),
];

const STEP_COLUMNS: &[ColumnSpec] = &[
    col("stage", 130.0),
    col("phase", 130.0),
    col("lane", 130.0),
    col("title", 260.0),
    col("actor", 160.0),
    col("serves", 220.0),
    col("after", 160.0),
    col("wait", 100.0),
    col("duration", 100.0),
    col("time standard", 110.0),
    col("fail point", 100.0),
    col("fail rate", 90.0),
    col("physical evidence", 220.0),
    col("description", 240.0),
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

    /// The column a new row is typed into first: its title, text or idea.
    pub fn first_text_column(self) -> usize {
        let wanted = match self {
            Tab::Touchpoints | Tab::GreyAreas | Tab::Steps => "title",
            Tab::Evidence => "text",
            Tab::Opportunities => "idea",
        };
        self.columns()
            .iter()
            .position(|c| c.name == wanted)
            .unwrap_or(0)
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

    /// The sheet column under table column `col` (none: worked out by the table).
    pub fn sheet_column(self, col: usize) -> Option<Column> {
        let name = self.columns().get(col)?.name;
        crate::interchange::columns(self.kind())
            .into_iter()
            .find(|c| c.name == name)
    }

    /// The message id of column `col`'s header.
    pub fn column_label(self, col: usize) -> &'static str {
        self.sheet_column(col).map_or("col-linked", |c| c.label)
    }

    /// The shape of column `col`'s field, if it is a field.
    pub fn shape(self, col: usize) -> Option<Shape> {
        let What::Field(index) = self.sheet_column(col)?.what else {
            return None;
        };
        Some(match self {
            Tab::Touchpoints => shape_of::<Touchpoint>(index),
            Tab::Evidence => shape_of::<Evidence>(index),
            Tab::GreyAreas => shape_of::<GreyArea>(index),
            Tab::Opportunities => shape_of::<Opportunity>(index),
            Tab::Steps => shape_of::<Step>(index),
        })
    }

    /// Whether a typed value can go into column `col`.
    pub fn editable(self, col: usize) -> bool {
        match self.sheet_column(col).map(|c| c.what) {
            Some(What::Field(_)) => self.shape(col).is_some_and(Shape::in_sheets),
            Some(What::Own(_)) => true,
            _ => false,
        }
    }

    /// Whether column `col` holds a list, one item a line (Shift+Enter for a line).
    pub fn list(self, col: usize) -> bool {
        match self.sheet_column(col).map(|c| c.what) {
            Some(What::Own(_)) => self.columns()[col].name == "opportunities",
            Some(What::Field(_)) => {
                matches!(self.shape(col), Some(Shape::Lines | Shape::Refs { .. }))
            }
            _ => false,
        }
    }
}

fn shape_of<T: Item>(index: usize) -> Shape {
    T::FIELDS.get(index).map_or(Shape::Other, |f| f.shape)
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
    ) -> Option<&'j Evidence> {
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
    /// A channel's kind, whose icon the cell shows on its swatch.
    pub icon: Option<crate::model::ChannelKind>,
}

fn text(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        ..Cell::default()
    }
}

/// The colour of a catalogue entry a value names (a channel's, say).
fn swatch(journey: &Journey, value: &crate::model::fields::Value<'_>) -> Option<Rgb> {
    let crate::model::fields::Value::Ref(Some(id)) = value else {
        return None;
    };
    match id {
        ElementId::Channel(c) => journey.channel(c).map(|c| c.colour),
        ElementId::Department(d) => journey.department(d).map(|d| d.colour),
        ElementId::Actor(a) => journey.actor(a).map(|a| a.colour),
        _ => None,
    }
}

/// Column `what` of `element` as a cell shows it, for the fields of any kind.
fn field_cell<T: Item>(journey: &Journey, i18n: &I18n, element: &T, what: What) -> Option<Cell> {
    let What::Field(index) = what else {
        return None;
    };
    let field: &Field<T> = T::FIELDS.get(index)?;
    let value = (field.get)(element);
    Some(Cell {
        text: crate::words::value(journey, i18n, field.shape, &value),
        muted: false,
        swatch: swatch(journey, &value),
        icon: match &value {
            crate::model::fields::Value::Ref(Some(ElementId::Channel(c))) => {
                journey.channel(c).map(|c| c.kind)
            }
            _ => None,
        },
    })
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
    let Some(column) = tab.sheet_column(col) else {
        return linked_cell(journey, i18n, index);
    };
    let shown = match tab {
        Tab::Touchpoints => {
            let t = &journey.touchpoints[index];
            match column.what {
                What::Derived(_) => return evidence_cell(journey, i18n, evidence, t),
                What::Own(_) => Some(text(crate::interchange::csv::cell_of(
                    journey,
                    i18n,
                    t,
                    column.name,
                ))),
                what => field_cell(journey, i18n, t, what),
            }
        }
        Tab::Evidence => field_cell(journey, i18n, &journey.evidence[index], column.what),
        Tab::GreyAreas => field_cell(journey, i18n, &journey.grey_areas[index], column.what),
        Tab::Opportunities => field_cell(journey, i18n, &journey.opportunities[index], column.what),
        Tab::Steps => field_cell(journey, i18n, &journey.steps[index], column.what),
    };
    shown.unwrap_or_default()
}

/// The evidence tab's "cited by": the cards, steps and grey areas that cite the item.
fn linked_cell(journey: &Journey, i18n: &I18n, index: usize) -> Cell {
    let Some(e) = journey.evidence.get(index) else {
        return Cell::default();
    };
    let mut names: Vec<String> = Vec::new();
    let name = |id: ElementId| crate::words::element_name(journey, &id, i18n);
    names.extend(
        journey
            .touchpoints
            .iter()
            .filter(|t| t.evidence.contains(&e.id))
            .map(|t| name(ElementId::Touchpoint(t.id.clone()))),
    );
    names.extend(
        journey
            .steps
            .iter()
            .filter(|s| s.evidence.contains(&e.id))
            .map(|s| name(ElementId::Step(s.id.clone()))),
    );
    names.extend(
        journey
            .grey_areas
            .iter()
            .filter(|g| g.evidence.contains(&e.id))
            .map(|g| name(ElementId::GreyArea(g.id.clone()))),
    );
    text(names.join(" · "))
}

/// The touchpoint tab's evidence cell: how many sources, and the strongest of them.
fn evidence_cell(
    journey: &Journey,
    i18n: &I18n,
    evidence_index: &mut EvidenceIndex,
    t: &Touchpoint,
) -> Cell {
    let count = t.evidence.len();
    if count == 0 {
        return Cell {
            text: i18n.tr("table-no-evidence"),
            muted: true,
            swatch: None,
            icon: None,
        };
    }
    let items: Vec<&Evidence> = t
        .evidence
        .iter()
        .filter_map(|id| evidence_index.get(journey, id))
        .collect();
    let strongest = crate::words::strongest_of(&items)
        .map(|q| format!("“{}”", q.text.trim()))
        .or_else(|| {
            items
                .iter()
                .find_map(|e| crate::words::metric_line(e, i18n))
        })
        .unwrap_or_default();
    text(format!(
        "{} · {strongest}",
        crate::tr!(i18n, "table-sources", count = count)
    ))
}

/// The text editing a cell starts from: what the sheet would read back as the same
/// value (texts and numbers as the sheet writes them, the rest as the cell shows it,
/// lists one item a line).
pub fn edit_text(tab: Tab, journey: &Journey, i18n: &I18n, row: &Row<'_>, col: usize) -> String {
    let Row::Item(index, _) = *row else {
        return String::new();
    };
    let Some(column) = tab.sheet_column(col) else {
        return String::new();
    };
    fn of<T: Item>(journey: &Journey, i18n: &I18n, element: &T, what: What) -> String {
        let What::Field(index) = what else {
            return String::new();
        };
        let Some(field) = T::FIELDS.get(index) else {
            return String::new();
        };
        let value = (field.get)(element);
        match (field.shape, &value) {
            (Shape::Text | Shape::Lines | Shape::Whole { .. } | Shape::Number { .. }, _) => {
                sheet::cell_text(journey, &value)
            }
            (_, crate::model::fields::Value::Refs(ids)) => sheet::list(
                ids.iter()
                    .map(|id| crate::words::element_name(journey, id, i18n))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str),
            ),
            _ => crate::words::value(journey, i18n, field.shape, &value),
        }
    }
    match tab {
        Tab::Touchpoints => {
            let t = &journey.touchpoints[index];
            match column.what {
                What::Own(_) => crate::interchange::csv::cell_of(journey, i18n, t, column.name),
                what => of(journey, i18n, t, what),
            }
        }
        Tab::Evidence => of(journey, i18n, &journey.evidence[index], column.what),
        Tab::GreyAreas => of(journey, i18n, &journey.grey_areas[index], column.what),
        Tab::Opportunities => of(journey, i18n, &journey.opportunities[index], column.what),
        Tab::Steps => of(journey, i18n, &journey.steps[index], column.what),
    }
}

/// The names a cell completes to (empty: free text).
pub fn choices(tab: Tab, journey: &Journey, i18n: &I18n, col: usize) -> Vec<String> {
    let Some(shape) = tab.shape(col) else {
        return Vec::new();
    };
    match shape {
        Shape::Stage => Stage::ALL
            .iter()
            .map(|s| i18n.stage_name(journey, *s))
            .collect(),
        Shape::Choice { family, keys, .. } => {
            (keys)().into_iter().map(|k| i18n.term(family, k)).collect()
        }
        Shape::YesNo => vec![i18n.tr("yes"), i18n.tr("no")],
        Shape::Ref { kinds, .. } | Shape::Refs { kinds } => kinds
            .iter()
            .flat_map(|kind| names_of(journey, *kind, i18n))
            .collect(),
        _ => Vec::new(),
    }
}

/// The names of every element of `kind`, as cells show them.
fn names_of(journey: &Journey, kind: ElementKind, i18n: &I18n) -> Vec<String> {
    struct Names<'a>(&'a Journey, &'a I18n, Vec<String>);
    impl crate::model::KindVisitor for Names<'_> {
        fn visit<T: Item>(&mut self) {
            self.2 = T::list(self.0)
                .iter()
                .map(|e| {
                    crate::words::element_name(self.0, &ElementId::new(T::KIND, e.id()), self.1)
                })
                .collect();
        }
    }
    let mut names = Names(journey, i18n, Vec::new());
    crate::model::with_kind(kind, &mut names);
    names.2
}

/// Whether a value that completes to nothing becomes a new catalogue entry (channels,
/// departments, actors).
pub fn completes(tab: Tab, col: usize) -> bool {
    tab.shape(col).is_some_and(Shape::makes_entries)
}

/// The one edit that sets `col` of each row in `cells` (id, column) to `value`, read
/// as a one-column sheet; `None` when nothing changes, an error in the person's words.
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
    let Some(column) = tab.sheet_column(col).filter(|_| tab.editable(col)) else {
        return Err(i18n.tr("table-read-only"));
    };
    // The interface's words for yes and no read as the sheet's.
    let value = match tab.shape(col) {
        Some(Shape::YesNo) if fold(value) == fold(&i18n.tr("no")) => String::new(),
        Some(Shape::YesNo) if fold(value) == fold(&i18n.tr("yes")) => "yes".to_owned(),
        _ => value.to_owned(),
    };
    let ids: Vec<&str> = cells.iter().map(|(id, _)| id.as_str()).collect();
    let plan = crate::interchange::set_cells(tab.kind(), journey, &ids, column.name, &value)
        .map_err(|e| e.message)?;
    let edit = Edit::between(journey, &plan.journey);
    Ok((!edit.is_noop()).then_some(edit))
}

/// The selected rows as TSV with a header: the id and the tab's sheet columns, so the
/// rows pasted back update the same elements.
pub fn copy(
    tab: Tab,
    journey: &Journey,
    _i18n: &I18n,
    rows: &[Row<'_>],
    selected: &[usize],
) -> String {
    let indices: Vec<usize> = selected
        .iter()
        .filter_map(|i| match rows.get(*i) {
            Some(Row::Item(index, _)) => Some(*index),
            _ => None,
        })
        .collect();
    let names: Vec<&str> = std::iter::once("id")
        .chain(
            (0..tab.columns().len())
                .filter_map(|col| tab.sheet_column(col))
                .map(|c| c.name),
        )
        .collect();
    fn of<T: Item>(journey: &Journey, tab: Tab, indices: &[usize], names: &[&str]) -> String {
        let elements: Vec<&T> = indices
            .iter()
            .filter_map(|i| T::list(journey).get(*i))
            .collect();
        let columns: Vec<Column> = crate::interchange::columns(tab.kind())
            .into_iter()
            .filter(|c| names.contains(&c.name))
            .collect();
        // In the tab's order, the id first.
        let mut ordered: Vec<Column> = Vec::new();
        for name in names {
            if let Some(c) = columns.iter().find(|c| c.name == *name) {
                ordered.push(*c);
            }
        }
        sheet::write(journey, &elements, &ordered, b'\t', &|_, _| String::new())
    }
    match tab {
        Tab::Touchpoints => {
            let touchpoints: Vec<&Touchpoint> = indices
                .iter()
                .filter_map(|i| journey.touchpoints.get(*i))
                .collect();
            crate::interchange::csv::to_tsv(journey, &touchpoints, &names)
        }
        Tab::Evidence => of::<Evidence>(journey, tab, &indices, &names),
        Tab::GreyAreas => of::<GreyArea>(journey, tab, &indices, &names),
        Tab::Opportunities => of::<Opportunity>(journey, tab, &indices, &names),
        Tab::Steps => {
            // With each actor's kind, so the rows pasted into another map bring their
            // actors as they are.
            let mut names = names;
            let at = names
                .iter()
                .position(|n| *n == "actor")
                .map_or(names.len(), |i| i + 1);
            names.insert(at, "actor kind");
            let steps: Vec<&Step> = indices
                .iter()
                .filter_map(|i| journey.steps.get(*i))
                .collect();
            let columns: Vec<Column> = names
                .iter()
                .filter_map(|n| {
                    crate::interchange::steps::columns()
                        .into_iter()
                        .find(|c| c.name == *n)
                })
                .collect();
            crate::interchange::steps::write(journey, &steps, &columns, b'\t')
        }
    }
}
