//! The touchpoint spreadsheet: one row per touchpoint, for a facilitator who
//! transcribes a workshop's sticky notes, or a team that works in a spreadsheet.
//! `docs/csv.md` defines it. Its columns are a touchpoint's fields (`model::fields`)
//! and a few of its own: the stage's label, the card's position in its stage, the
//! opportunities on the card (ideas, owners, statuses and expected effects, aligned
//! line by line), and the evidence as a reader reads it (written, never read). Every
//! cell is read and written by the one set of sheet rules (`sheet.rs`); this module
//! reads only its own columns.

use super::sheet::{self, Column, Own, Row, What};
use crate::i18n::I18n;
use crate::model::fields::TOUCHPOINT_FIELDS;
use crate::model::{
    ElementId, Journey, Language, Opportunity, OpportunityId, OpportunityStatus, OpportunityTarget,
    Stage, Touchpoint, TouchpointId,
};

pub use sheet::{Catalogue, CsvError, Matched, Options, Plan, Report, neutralised, read_cell};

/// The sheet's own columns.
const STAGE_LABEL: u8 = 0;
const POSITION: u8 = 1;
const OPPORTUNITIES: u8 = 2;
const OWNERS: u8 = 3;
const STATUSES: u8 = 4;
const EFFECTS: u8 = 5;
/// Derived: the linked evidence in words.
const EVIDENCE_TEXT: u8 = 0;

/// The touchpoint fields, by name, in the order export writes them among the sheet's
/// own columns.
fn field(name: &str, label: &'static str) -> Column {
    let (index, f) = TOUCHPOINT_FIELDS
        .iter()
        .enumerate()
        .find(|(_, f)| f.name == name)
        .unwrap_or_else(|| unreachable!("the touchpoint has a field {name}"));
    Column {
        name: f.column,
        aliases: f.aliases,
        label,
        what: What::Field(index),
    }
}

const fn own(name: &'static str, label: &'static str, what: What) -> Column {
    Column {
        name,
        aliases: &[],
        label,
        what,
    }
}

/// The columns, in the order export writes them.
pub fn columns() -> Vec<Column> {
    vec![
        own("id", "col-id", What::Id),
        field("stage", "col-stage"),
        field("phase", "field-phase"),
        own("stage label", "col-stage-label", What::Own(STAGE_LABEL)),
        own("position", "col-position", What::Own(POSITION)),
        field("title", "col-title"),
        field("channel", "col-channel"),
        field("department", "col-department"),
        field("action", "col-doing"),
        field("thought", "col-thinking"),
        field("expectation", "col-expectation"),
        field("emotion", "col-emotion"),
        field("word", "col-word"),
        field("key_moment", "col-key-moment"),
        field("deviation", "col-deviation"),
        field("pain_points", "col-pain-points"),
        own(
            "opportunities",
            "col-opportunities",
            What::Own(OPPORTUNITIES),
        ),
        own(
            "opportunity owners",
            "col-opportunity-owners",
            What::Own(OWNERS),
        ),
        own(
            "opportunity statuses",
            "col-opportunity-statuses",
            What::Own(STATUSES),
        ),
        own(
            "expected effects",
            "col-expected-effects",
            What::Own(EFFECTS),
        ),
        field("evidence", "col-evidence"),
        own(
            "evidence text",
            "col-evidence-text",
            What::Derived(EVIDENCE_TEXT),
        ),
        field("description", "col-description"),
        field("planned_after", "field-planned-after"),
        field("physical_evidence", "field-physical-evidence"),
        field("scores", "field-curves"),
    ]
}

/// The column a header cell (or a column name) names.
pub fn column_named(name: &str) -> Option<Column> {
    let wanted = crate::model::fields::header_key(name);
    let labels = [I18n::new(Language::En), I18n::new(Language::Es)];
    columns().into_iter().find(|c| {
        crate::model::fields::header_key(c.name) == wanted
            || c.aliases
                .iter()
                .any(|a| crate::model::fields::header_key(a) == wanted)
            || labels
                .iter()
                .any(|i18n| crate::model::fields::header_key(&i18n.tr(c.label)) == wanted)
    })
}

/// One row per touchpoint, in journey order, with a header row.
pub fn to_csv(journey: &Journey) -> String {
    let all: Vec<&Touchpoint> = journey.touchpoints.iter().collect();
    write(journey, &all, &columns(), b',')
}

/// The rows of `touchpoints` with `columns` (by name), separated by tabs with a header,
/// as a spreadsheet takes them from the clipboard (the table's Ctrl+C).
pub fn to_tsv(journey: &Journey, touchpoints: &[&Touchpoint], columns: &[&str]) -> String {
    let chosen: Vec<Column> = columns.iter().filter_map(|n| column_named(n)).collect();
    write(journey, touchpoints, &chosen, b'\t')
}

fn write(
    journey: &Journey,
    touchpoints: &[&Touchpoint],
    columns: &[Column],
    delimiter: u8,
) -> String {
    let i18n = I18n::new(journey.language);
    sheet::write(journey, touchpoints, columns, delimiter, &|t, what| {
        own_cell(journey, &i18n, t, what)
    })
}

/// The text of one of the sheet's own columns for `t`.
fn own_cell(journey: &Journey, i18n: &I18n, t: &Touchpoint, what: What) -> String {
    let opportunities = || journey.opportunities_for(&t.id);
    match what {
        What::Own(STAGE_LABEL) => journey.stage_label(t.stage).unwrap_or_default().to_owned(),
        What::Own(POSITION) => journey
            .touchpoint_index(&t.id)
            .map_or(0, |at| at - journey.stage_range(t.stage).start + 1)
            .to_string(),
        What::Own(OPPORTUNITIES) => sheet::list(opportunities().map(|o| o.idea.as_str())),
        What::Own(OWNERS) => aligned(opportunities().map(|o| o.owner.as_str())),
        What::Own(STATUSES) => aligned(opportunities().map(|o| o.status.key())),
        What::Own(EFFECTS) => aligned(opportunities().map(|o| o.expected_effect.as_str())),
        What::Derived(EVIDENCE_TEXT) => sheet::list(
            t.evidence
                .iter()
                .filter_map(|id| journey.evidence_item(id))
                .map(|e| crate::words::evidence_words(e, i18n))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        ),
        _ => String::new(),
    }
}

/// A cell's text as the sheet writes it, by column name (the table shows the same
/// text for the sheet's own columns).
pub fn cell_of(journey: &Journey, i18n: &I18n, t: &Touchpoint, column: &str) -> String {
    match column_named(column).map(|c| c.what) {
        Some(What::Id) => t.id.as_str().to_owned(),
        Some(What::Field(index)) => sheet::cell_text(journey, &(TOUCHPOINT_FIELDS[index].get)(t)),
        Some(what) => own_cell(journey, i18n, t, what),
        None => String::new(),
    }
}

/// A list aligned with another: empty when every item is empty.
fn aligned<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    if items.iter().all(|i| i.is_empty()) {
        String::new()
    } else {
        sheet::list(items.into_iter())
    }
}

/// Reads the sheet's own columns: stage labels, positions, opportunities.
struct TouchpointColumns {
    /// The sheet has a position column: every stage is ordered here.
    positions: bool,
}

impl Own for TouchpointColumns {
    fn places(&self) -> bool {
        self.positions
    }

    fn apply(
        &mut self,
        journey: &mut Journey,
        header: &[Column],
        rows: &[(&Row, ElementId)],
        report: &mut Report,
    ) -> Result<(), CsvError> {
        let mut positions: Vec<(TouchpointId, usize)> = Vec::new();
        let mut ideas: Vec<(TouchpointId, Vec<OpportunityCells>)> = Vec::new();
        for (row, id) in rows {
            let id = TouchpointId::new(id.as_str());
            let line = row.line;
            let error = |message: String| CsvError::new(line, message);
            let cell = |what| row.cell(header, What::Own(what));
            if let Some(label) = cell(STAGE_LABEL).map(str::trim).filter(|l| !l.is_empty())
                && let Some(stage) = journey.touchpoint(&id).map(|t| t.stage)
            {
                match journey.stage_label(stage) {
                    None => journey.stages.entry(stage).or_default().label = label.to_owned(),
                    Some(mine) if mine == label => {}
                    Some(mine) => report.warnings.push(format!(
                        "line {line}: the stage label {label:?} is not the map's {mine:?}; the \
                         map's was kept"
                    )),
                }
            }
            if let Some(position) = cell(POSITION).map(str::trim).filter(|p| !p.is_empty()) {
                let position = position
                    .parse::<usize>()
                    .ok()
                    .filter(|p| *p >= 1)
                    .ok_or_else(|| {
                        error(format!("position {position:?} is not a number from 1"))
                    })?;
                positions.push((id.clone(), position));
            }
            if let Some(list) = cell(OPPORTUNITIES) {
                let mut cells: Vec<OpportunityCells> = sheet::items(list, false)
                    .into_iter()
                    .map(|idea| OpportunityCells {
                        idea,
                        ..OpportunityCells::default()
                    })
                    .collect();
                let aligned = |what| cell(what).map(|c| sheet::items(c, true));
                align(
                    &mut cells,
                    aligned(OWNERS),
                    aligned(STATUSES),
                    aligned(EFFECTS),
                )
                .map_err(error)?;
                ideas.push((id, cells));
            } else if [OWNERS, STATUSES, EFFECTS]
                .iter()
                .any(|w| header.iter().any(|c| c.what == What::Own(*w)))
                && !header.iter().any(|c| c.what == What::Own(OPPORTUNITIES))
            {
                return Err(CsvError::new(
                    1,
                    "the opportunity owners, statuses and expected effects are aligned with \
                     \"opportunities\", which the sheet does not have",
                ));
            }
        }
        if self.positions {
            place(journey, rows, &positions);
        }
        place_opportunities(journey, ideas);
        Ok(())
    }
}

/// With a position column each stage's rows go by position (ties in row order), then
/// its touchpoints that have no row in their places; rows moved to another stage or
/// new without a position go to its end.
fn place(journey: &mut Journey, rows: &[(&Row, ElementId)], positions: &[(TouchpointId, usize)]) {
    let row_of: foldhash::HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, (_, id))| (id.as_str(), i))
        .collect();
    let position_of: foldhash::HashMap<&TouchpointId, usize> =
        positions.iter().map(|(id, p)| (id, *p)).collect();
    let mut in_stage = [0usize; 6];
    let mut placed: Vec<(Stage, usize, u8, usize, Touchpoint)> = Vec::new();
    for (at, t) in std::mem::take(&mut journey.touchpoints)
        .into_iter()
        .enumerate()
    {
        in_stage[t.stage.index()] += 1;
        let key = match row_of.get(t.id.as_str()) {
            Some(row) => (
                position_of.get(&t.id).copied().unwrap_or(usize::MAX),
                0,
                *row,
            ),
            None => (in_stage[t.stage.index()], 1, at),
        };
        placed.push((t.stage, key.0, key.1, key.2, t));
    }
    placed.sort_by_key(|(stage, position, unlisted, row, _)| (*stage, *position, *unlisted, *row));
    journey.touchpoints = placed.into_iter().map(|(.., t)| t).collect();
}

/// One opportunity as a row lists it.
#[derive(Clone, Debug, Default)]
struct OpportunityCells {
    idea: String,
    owner: Option<String>,
    status: Option<OpportunityStatus>,
    expected_effect: Option<String>,
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
    let keys: Vec<&'static str> = OpportunityStatus::ALL.iter().map(|s| s.key()).collect();
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
            Some(name) => Some(
                sheet::choice_named("opportunity-status", &keys, name.trim())
                    .and_then(|key| key.parse().ok())
                    .ok_or_else(|| {
                        format!(
                            "{name:?} is not an opportunity status: idea, testing, validated or \
                             dropped"
                        )
                    })?,
            ),
        };
    }
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
    let taken: foldhash::HashSet<String> = sheet::MAP_ELEMENTS
        .iter()
        .flat_map(|k| {
            let mut ids = Vec::new();
            struct Ids<'a>(&'a Journey, &'a mut Vec<String>);
            impl crate::model::KindVisitor for Ids<'_> {
                fn visit<T: crate::model::Item>(&mut self) {
                    self.1
                        .extend(T::list(self.0).iter().map(|e| e.id().to_owned()));
                }
            }
            crate::model::with_kind(*k, &mut Ids(journey, &mut ids));
            ids
        })
        .collect();
    let mut allocator = crate::model::ElementKind::Opportunity.allocator(taken);
    let order: Vec<TouchpointId> = journey.touchpoints.iter().map(|t| t.id.clone()).collect();
    for id in order {
        let Some(cells) = wanted.remove(&id) else {
            continue;
        };
        for cells in cells.into_iter().flatten() {
            let mut opportunity = Opportunity::new(
                OpportunityId(allocator.fresh("")),
                OpportunityTarget::Touchpoint(id.clone()),
                String::new(),
            );
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

/// What merging `text` (CSV, or TSV as a spreadsheet puts on the clipboard) into
/// `journey` would do; `journey` itself is not changed. The table's paste and the
/// app's import show it for confirmation, then apply `Plan::journey` as one step.
pub fn plan(journey: &Journey, text: &str, options: &Options) -> Result<Plan, CsvError> {
    let columns = columns();
    let positions = sheet::read(text, &columns, options)?
        .header
        .iter()
        .any(|c| c.what == What::Own(POSITION));
    let mut own = TouchpointColumns { positions };
    let mut plan = sheet::plan::<Touchpoint>(journey, text, &columns, options, &mut own)?;
    // A card whose opportunities changed is updated too.
    for t in &plan.journey.touchpoints {
        let id = ElementId::Touchpoint(t.id.clone());
        if plan.added.contains(&id) || plan.updated.contains(&id) {
            continue;
        }
        if !journey
            .opportunities_for(&t.id)
            .eq(plan.journey.opportunities_for(&t.id))
        {
            plan.updated.push(id);
        }
    }
    Ok(plan)
}

/// Merges a spreadsheet into `journey` by touchpoint id, changing only the columns the
/// sheet has. On error the journey is unchanged.
pub fn import_into(journey: &mut Journey, text: &str) -> Result<Report, CsvError> {
    let plan = plan(journey, text, &Options::default())?;
    *journey = plan.journey;
    Ok(plan.report)
}

/// A new journey in `language` from a spreadsheet, and what the import reports. The new
/// journey has no evidence: links are left out, each said in a warning.
pub fn new_from_csv(
    text: &str,
    title: &str,
    language: Language,
) -> Result<(Journey, Report), CsvError> {
    let journey = Journey::new(title, language);
    let evidence = column_named("evidence").map(|c| c.what);
    let mut without_links = columns();
    for column in &mut without_links {
        if Some(column.what) == evidence {
            column.what = What::Derived(u8::MAX);
        }
    }
    let read = sheet::read(text, &without_links, &Options::default())?;
    let mut warnings = Vec::new();
    for row in &read.rows {
        if let Some(links) = row.cell(&read.header, What::Derived(u8::MAX)) {
            for id in sheet::items(links, false) {
                warnings.push(format!(
                    "line {}: evidence {:?} is not in the new journey; the link was left out",
                    row.line,
                    id.trim()
                ));
            }
        }
    }
    let positions = read.header.iter().any(|c| c.what == What::Own(POSITION));
    let mut own = TouchpointColumns { positions };
    let plan = sheet::plan::<Touchpoint>(
        &journey,
        text,
        &without_links,
        &Options::default(),
        &mut own,
    )?;
    let mut report = plan.report;
    report.warnings.splice(0..0, warnings);
    Ok((plan.journey, report))
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
        assert!(error.message.contains("from -2 to 2"), "{}", error.message);
        assert_eq!(j, before);
        let error = import_into(&mut j, "title\nAd\n").unwrap_err();
        assert_eq!(
            (error.line, error.message.contains("stage, title")),
            (1, true),
            "{error}"
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
    fn a_short_row_leaves_the_fields_it_does_not_reach() {
        let mut j = Journey::new("J", Language::En);
        let mut t = Touchpoint::new("tp-3".into(), Stage::Interest, "Browse");
        t.channel = Some(j.channels[0].id.clone());
        t.action = "Scrolls".into();
        j.touchpoints.push(t);
        let sheet = "id\tstage\ttitle\tchannel\tdoing\ntp-3\tInterest\tBrowse RENAMED\n";
        let planned = plan(&j, sheet, &Options::default()).unwrap();
        let after = &planned.journey.touchpoints[0];
        assert_eq!(after.title, "Browse RENAMED");
        assert_eq!(after.channel, j.touchpoints[0].channel, "the channel stays");
        assert_eq!(after.action, "Scrolls");
        assert!(planned.cleared.is_empty());
        // An empty cell between separators clears, and the plan says so.
        let sheet = "id\ttitle\tchannel\tdoing\ntp-3\tBrowse\t\tScrolls\n";
        let planned = plan(&j, sheet, &Options::default()).unwrap();
        assert_eq!(planned.journey.touchpoints[0].channel, None);
        assert_eq!(
            planned.cleared,
            vec![(ElementId::Touchpoint("tp-3".into()), "field-channel")]
        );
    }
}
