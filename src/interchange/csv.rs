//! A spreadsheet of touchpoints: one row per touchpoint, for a facilitator who
//! transcribes a workshop's sticky notes, or a team that works in a spreadsheet.
//!
//! Columns: id, stage, position, title, channel, department, doing, thinking,
//! expectation, emotion, word, pain points, opportunities, evidence. Stages are their
//! file names (`Awareness`) or their names in English or Spanish; channels and
//! departments are names (or ids) from the catalogues, and a new name adds one; lists
//! (pain points, opportunity ideas, evidence ids) are one item per line within the
//! cell. Importing into a journey matches rows to touchpoints by id: the row's fields
//! replace the touchpoint's, a row without a known id adds a touchpoint, and
//! touchpoints without a row stay as they are, after the listed ones of their stage.
//! A bad row stops the import with `FILE:LINE: message` and changes nothing.

use crate::i18n::I18n;
use crate::model::{
    Channel, ChannelKind, Department, Emotion, EvidenceId, Journey, Language, Opportunity,
    OpportunityStatus, OpportunityTarget, Rgb, Stage, Touchpoint, TouchpointId,
};
use thiserror::Error;

pub const COLUMNS: [&str; 14] = [
    "id",
    "stage",
    "position",
    "title",
    "channel",
    "department",
    "doing",
    "thinking",
    "expectation",
    "emotion",
    "word",
    "pain points",
    "opportunities",
    "evidence",
];

#[derive(Debug, Error, PartialEq)]
#[error("{line}: {message}")]
pub struct CsvError {
    pub line: u64,
    pub message: String,
}

/// One row per touchpoint, in journey order, with a header row.
pub fn to_csv(journey: &Journey) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(COLUMNS);
    for stage in Stage::ALL {
        for (position, index) in journey.stage_range(*stage).enumerate() {
            let t = &journey.touchpoints[index];
            let channel = t
                .channel
                .as_ref()
                .and_then(|c| journey.channel(c))
                .map_or(String::new(), |c| c.name.clone());
            let department = t
                .department
                .as_ref()
                .and_then(|d| journey.department(d))
                .map_or(String::new(), |d| d.name.clone());
            let ideas: Vec<&str> = journey
                .opportunities_for(&t.id)
                .map(|o| o.idea.as_str())
                .collect();
            let evidence: Vec<&str> = t.evidence.iter().map(|e| e.as_str()).collect();
            let (score, word) = t.emotion.as_ref().map_or((String::new(), ""), |e| {
                (e.score.to_string(), e.word.as_str())
            });
            let _ = writer.write_record([
                t.id.as_str(),
                stage_key(*stage),
                &(position + 1).to_string(),
                &t.title,
                &channel,
                &department,
                &t.action,
                &t.thought,
                &t.expectation,
                &score,
                word,
                &t.pain_points.join("\n"),
                &ideas.join("\n"),
                &evidence.join("\n"),
            ]);
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The stage's name as the file writes it (`Awareness`).
fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::Awareness => "Awareness",
        Stage::Interest => "Interest",
        Stage::Consideration => "Consideration",
        Stage::Action => "Action",
        Stage::Usage => "Usage",
        Stage::Advocacy => "Advocacy",
    }
}

/// A row as read, before it is placed.
struct Row {
    line: u64,
    id: Option<TouchpointId>,
    stage: Stage,
    position: usize,
    touchpoint: Touchpoint,
    ideas: Vec<String>,
}

/// A new journey in `language` from a spreadsheet.
pub fn new_from_csv(text: &str, title: &str, language: Language) -> Result<Journey, CsvError> {
    let mut journey = Journey::new(title, language);
    import_into(&mut journey, text)?;
    Ok(journey)
}

/// Merges a spreadsheet into `journey` by touchpoint id. On error the journey is
/// unchanged.
pub fn import_into(journey: &mut Journey, text: &str) -> Result<(), CsvError> {
    let mut work = journey.clone();
    let rows = read_rows(&mut work, text)?;
    place(&mut work, rows);
    *journey = work;
    Ok(())
}

fn read_rows(journey: &mut Journey, text: &str) -> Result<Vec<Row>, CsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| csv_error(&e, 1))?.clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let Some(title_column) = column("title") else {
        return Err(CsvError {
            line: 1,
            message: format!(
                "the first row names the columns and needs a \"title\" column; the columns are: {}",
                COLUMNS.join(", ")
            ),
        });
    };
    let columns: Vec<Option<usize>> = COLUMNS.iter().map(|c| column(c)).collect();
    let stage_names = stage_names();
    let mut rows = Vec::new();
    let mut seen_ids = std::collections::HashSet::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e, 0))?;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |name: &str| {
            let index = COLUMNS.iter().position(|c| *c == name)?;
            columns[index].and_then(|i| record.get(i)).map(str::trim)
        };
        let error = |message: String| CsvError { line, message };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let title = record.get(title_column).unwrap_or("").trim();
        if title.is_empty() {
            return Err(error("the row has no title".to_owned()));
        }
        let stage = match cell("stage").filter(|s| !s.is_empty()) {
            None => return Err(error(format!("{title:?} has no stage"))),
            Some(name) => stage_names
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, s)| *s)
                .ok_or_else(|| {
                    error(format!(
                        "{name:?} is not a stage: use Awareness, Interest, Consideration, Action, Usage or Advocacy"
                    ))
                })?,
        };
        let position = match cell("position").filter(|s| !s.is_empty()) {
            None => usize::MAX,
            Some(p) => p
                .parse::<usize>()
                .ok()
                .filter(|p| *p >= 1)
                .ok_or_else(|| error(format!("position {p:?} is not a number from 1")))?,
        };
        let id = match cell("id").filter(|s| !s.is_empty()) {
            None => None,
            Some(id) => {
                if !crate::model::is_valid_id(id) {
                    return Err(error(format!(
                        "{id:?} is not an id: letters, digits and dashes"
                    )));
                }
                if !seen_ids.insert(id.to_owned()) {
                    return Err(error(format!("id {id:?} is on two rows")));
                }
                Some(TouchpointId(id.to_owned()))
            }
        };
        let emotion = match cell("emotion").filter(|s| !s.is_empty()) {
            None => None,
            Some(score) => {
                let score: i8 = score
                    .trim_start_matches('+')
                    .parse()
                    .ok()
                    .filter(|s| (-2..=2).contains(s))
                    .ok_or_else(|| error(format!("emotion {score:?} is not -2 to 2")))?;
                Some(Emotion {
                    score,
                    word: cell("word").unwrap_or("").to_owned(),
                })
            }
        };
        if emotion.is_none() && cell("word").is_some_and(|w| !w.is_empty()) {
            return Err(error(format!(
                "{title:?} has an emotion word but no score (-2 to 2)"
            )));
        }
        let mut touchpoint = Touchpoint::new(
            id.clone().unwrap_or_else(|| TouchpointId(String::new())),
            stage,
            title,
        );
        touchpoint.channel = cell("channel")
            .filter(|s| !s.is_empty())
            .map(|name| channel(journey, name));
        touchpoint.department = cell("department")
            .filter(|s| !s.is_empty())
            .map(|name| department(journey, name));
        touchpoint.action = cell("doing").unwrap_or("").to_owned();
        touchpoint.thought = cell("thinking").unwrap_or("").to_owned();
        touchpoint.expectation = cell("expectation").unwrap_or("").to_owned();
        touchpoint.emotion = emotion;
        touchpoint.pain_points = lines(cell("pain points"));
        for evidence in lines(cell("evidence")) {
            let evidence = EvidenceId(evidence);
            if journey.evidence_item(&evidence).is_none() {
                return Err(error(format!(
                    "evidence {:?} does not exist in the journey",
                    evidence.as_str()
                )));
            }
            touchpoint.evidence.push(evidence);
        }
        rows.push(Row {
            line,
            id,
            stage,
            position,
            touchpoint,
            ideas: lines(cell("opportunities")),
        });
    }
    Ok(rows)
}

/// Puts the rows in the journey: each stage's rows by position (ties in row order),
/// then its touchpoints that have no row.
fn place(journey: &mut Journey, mut rows: Vec<Row>) {
    rows.sort_by_key(|r| (r.stage, r.position, r.line));
    let existing: Vec<Touchpoint> = std::mem::take(&mut journey.touchpoints);
    let by_id: foldhash::HashMap<TouchpointId, usize> = existing
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    let mut listed = vec![false; existing.len()];
    let mut placed = Vec::with_capacity(rows.len() + existing.len());
    let mut ideas_for = Vec::with_capacity(rows.len());
    for row in rows {
        let mut touchpoint = row.touchpoint;
        if let Some(&at) = row.id.as_ref().and_then(|id| by_id.get(id)) {
            // The row's fields replace the touchpoint's; the rest (description, key
            // moment, deviation, extra-curve scores) stays.
            let old = &existing[at];
            listed[at] = true;
            touchpoint.description = old.description.clone();
            touchpoint.key_moment = old.key_moment;
            touchpoint.deviation = old.deviation;
            touchpoint.planned_after = old.planned_after.clone();
            touchpoint.scores = old.scores.clone();
        }
        placed.push(touchpoint);
        ideas_for.push(row.ideas);
    }
    let unlisted: Vec<Touchpoint> = existing
        .into_iter()
        .zip(listed)
        .filter_map(|(t, listed)| (!listed).then_some(t))
        .collect();
    // Ids for new rows, unique among everything.
    let mut taken: foldhash::HashSet<String> = placed
        .iter()
        .chain(&unlisted)
        .map(|t| t.id.0.clone())
        .filter(|id| !id.is_empty())
        .collect();
    let mut next = 1;
    for touchpoint in &mut placed {
        if touchpoint.id.0.is_empty() {
            while taken.contains(&format!("tp-{next}")) {
                next += 1;
            }
            touchpoint.id = TouchpointId(format!("tp-{next}"));
            taken.insert(touchpoint.id.0.clone());
        }
    }
    // Opportunity ideas of the listed touchpoints: the listed ones kept (with their
    // owner and status), new ones added, unlisted ones removed. One pass each way.
    let ideas: foldhash::HashMap<TouchpointId, Vec<String>> =
        placed.iter().map(|t| t.id.clone()).zip(ideas_for).collect();
    let mut kept: foldhash::HashSet<(TouchpointId, String)> = foldhash::HashSet::default();
    journey.opportunities.retain(|o| match &o.target {
        OpportunityTarget::Touchpoint(t) => match ideas.get(t) {
            Some(listed) if listed.contains(&o.idea) => {
                kept.insert((t.clone(), o.idea.clone()));
                true
            }
            Some(_) => false,
            None => true,
        },
        OpportunityTarget::GreyArea(_) => true,
    });
    let mut last = crate::model::largest_number(
        crate::model::OpportunityId::PREFIX,
        journey.opportunities.iter().map(|o| o.id.as_str()),
    );
    for touchpoint in &placed {
        for idea in &ideas[&touchpoint.id] {
            if kept.insert((touchpoint.id.clone(), idea.clone())) {
                last += 1;
                journey.opportunities.push(Opportunity {
                    id: crate::model::OpportunityId(format!(
                        "{}-{last}",
                        crate::model::OpportunityId::PREFIX
                    )),
                    target: OpportunityTarget::Touchpoint(touchpoint.id.clone()),
                    idea: idea.clone(),
                    expected_effect: String::new(),
                    owner: String::new(),
                    status: OpportunityStatus::default(),
                });
            }
        }
    }
    // Each stage: its rows in order, then its touchpoints without a row.
    let mut all: Vec<Touchpoint> = placed.into_iter().chain(unlisted).collect();
    all.sort_by_key(|t| t.stage);
    journey.touchpoints = all;
}

fn lines(cell: Option<&str>) -> Vec<String> {
    cell.unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn channel(journey: &mut Journey, name: &str) -> crate::model::ChannelId {
    if let Some(c) = journey
        .channels
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(name) || c.id.as_str() == name)
    {
        return c.id.clone();
    }
    let id = journey.new_channel_id(name);
    journey.channels.push(Channel {
        id: id.clone(),
        name: name.to_owned(),
        kind: ChannelKind::Other,
        colour: Rgb::hex(0x8c8c8c),
    });
    id
}

fn department(journey: &mut Journey, name: &str) -> crate::model::DepartmentId {
    if let Some(d) = journey
        .departments
        .iter()
        .find(|d| d.name.eq_ignore_ascii_case(name) || d.id.as_str() == name)
    {
        return d.id.clone();
    }
    let id = journey.new_department_id(name);
    journey.departments.push(Department {
        id: id.clone(),
        name: name.to_owned(),
        colour: Rgb::hex(0x9c755f),
    });
    id
}

/// Stage names a spreadsheet may use: the file's, English and Spanish.
fn stage_names() -> Vec<(String, Stage)> {
    let mut names: Vec<(String, Stage)> = Stage::ALL
        .iter()
        .map(|s| (stage_key(*s).to_owned(), *s))
        .collect();
    for language in [Language::En, Language::Es] {
        let i18n = I18n::new(language);
        names.extend(Stage::ALL.iter().map(|s| (i18n.term("stage", s.key()), *s)));
    }
    names
}

fn csv_error(error: &csv::Error, fallback: u64) -> CsvError {
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
        let j = new_from_csv(text, "Workshop", Language::En).unwrap();
        let titles: Vec<&str> = j.touchpoints.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, ["Sees an ad", "Asks a friend", "Calls support"]);
        assert_eq!(j.touchpoints[2].pain_points, ["On hold", "Transferred"]);
        let support = j.touchpoints[2].department.as_ref().unwrap();
        assert_eq!(j.department(support).unwrap().name, "Support desk");
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
        assert_eq!((error.line, error.message.contains("no stage")), (2, true));
        let error = import_into(&mut j, "stage,name\nUsage,Ad\n").unwrap_err();
        assert_eq!(error.line, 1);
    }
}
