//! The planned journey a log is measured against: which activity is which element
//! (by id, by exact title, or through a mapping sheet `activity,element`), and the
//! planned order between the elements the log can show.
//!
//! The planned order is partial: stage order first; within a stage, touchpoints by
//! their position, and steps by the blueprint's flow (`after`, followed through steps
//! the log does not show). A touchpoint and a step of one stage, or two steps no flow
//! joins (parallel branches), are unordered: neither can be out of order or missing
//! because of the other. Ad hoc touchpoints (the map's own deviation) are not planned.

use super::{Bits, LogError};
use crate::model::{Deviation, End, Journey, Stage};
use foldhash::{HashMap, HashMapExt};

/// An element of the plan the log shows (an activity maps to it).
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    pub end: End,
    pub stage: Stage,
    pub title: String,
    /// A step's time standard, in minutes.
    pub standard: Option<f64>,
}

/// How a log's activities were tied to elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MappedBy {
    Sheet,
    Id,
    Title,
}

#[derive(Debug)]
pub struct Plan {
    /// The mapped elements in planned order (stage, touchpoints by position, then steps
    /// in flow order).
    pub elements: Vec<Planned>,
    activities: HashMap<Box<[u8]>, (u32, MappedBy)>,
    /// Each element's strict successors and predecessors in the planned order.
    pub(super) successors: Vec<Bits>,
    pub(super) predecessors: Vec<Bits>,
    /// Elements nothing planned follows: reaching one completes the journey.
    pub(super) ends: Bits,
    /// Titles that name more than one element (not used to map; listed).
    pub ambiguous_titles: Vec<String>,
}

/// An element of the map the plan may hold, before mapping: touchpoints (not ad hoc)
/// then steps, each with its stage.
struct Candidate<'a> {
    end: End,
    stage: Stage,
    title: &'a str,
    standard: Option<f64>,
    /// Touchpoints before steps within a stage, then list order.
    order: (usize, usize, usize),
}

fn candidates(journey: &Journey) -> Vec<Candidate<'_>> {
    let touchpoints = journey
        .touchpoints
        .iter()
        .enumerate()
        .filter(|(_, t)| t.deviation != Some(Deviation::AdHoc))
        .map(|(i, t)| Candidate {
            end: End::Touchpoint(t.id.clone()),
            stage: t.stage,
            title: &t.title,
            standard: None,
            order: (t.stage.index(), 0, i),
        });
    let flow = flow_order(journey);
    let steps = journey.steps.iter().enumerate().map(|(i, s)| Candidate {
        end: End::Step(s.id.clone()),
        stage: s.stage,
        title: &s.title,
        standard: s.time_standard.map(|d| d.minutes()),
        order: (s.stage.index(), 1, flow[i]),
    });
    touchpoints.chain(steps).collect()
}

/// Each step's place in a flow order of its stage (steps before the steps that come
/// after them, list order otherwise; a cycle keeps list order).
fn flow_order(journey: &Journey) -> Vec<usize> {
    let mut rank = vec![0; journey.steps.len()];
    for stage in Stage::ALL {
        let range = journey.step_range(*stage);
        let steps = &journey.steps[range.clone()];
        let index: HashMap<&str, usize> = steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        // Kahn's algorithm, always taking the earliest ready step in list order.
        let mut waiting: Vec<usize> = steps
            .iter()
            .map(|s| {
                s.after
                    .iter()
                    .filter(|a| index.contains_key(a.as_str()))
                    .count()
            })
            .collect();
        let mut done = vec![false; steps.len()];
        for next in 0..steps.len() {
            let pick = (0..steps.len())
                .find(|&i| !done[i] && waiting[i] == 0)
                .or_else(|| (0..steps.len()).find(|&i| !done[i]));
            let Some(pick) = pick else { break };
            done[pick] = true;
            rank[range.start + pick] = next;
            for (j, s) in steps.iter().enumerate() {
                if !done[j]
                    && s.after
                        .iter()
                        .any(|a| a.as_str() == steps[pick].id.as_str())
                {
                    waiting[j] = waiting[j].saturating_sub(1);
                }
            }
        }
    }
    rank
}

impl Plan {
    /// The plan of `journey` with `sheet` (a mapping sheet's text, `activity,element`)
    /// and the log's activities resolved as they come (`element_of`).
    pub fn new(journey: &Journey, sheet: Option<&str>) -> Result<Plan, LogError> {
        let candidates = candidates(journey);
        let by_id: HashMap<&str, usize> = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (c.end.as_str(), i))
            .collect();
        let mut title_count: HashMap<&str, usize> = HashMap::new();
        for c in &candidates {
            *title_count.entry(c.title.trim()).or_default() += 1;
        }
        let mut ambiguous_titles: Vec<String> = title_count
            .iter()
            .filter(|(t, n)| **n > 1 && !t.is_empty())
            .map(|(t, _)| (*t).to_owned())
            .collect();
        ambiguous_titles.sort();
        // Which candidate each activity name maps to.
        // `None`: the sheet says the activity is not in the map.
        let mut named: Vec<(String, Option<usize>, MappedBy)> = Vec::new();
        if let Some(sheet) = sheet {
            named.extend(read_sheet(sheet, &by_id)?);
        }
        for (i, c) in candidates.iter().enumerate() {
            named.push((c.end.as_str().to_owned(), Some(i), MappedBy::Id));
            let title = c.title.trim();
            if !title.is_empty() && title_count[title] == 1 {
                named.push((title.to_owned(), Some(i), MappedBy::Title));
            }
        }
        // The first name wins: the sheet, then ids, then titles.
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (n, (name, _, _)) in named.iter().enumerate() {
            first.entry(name.as_str()).or_insert(n);
        }
        // Only elements a name maps to are planned elements the log can show.
        let mut used: Vec<usize> = named
            .iter()
            .enumerate()
            .filter(|(n, (name, _, _))| first[name.as_str()] == *n)
            .filter_map(|(_, (_, c, _))| *c)
            .collect();
        used.sort_by_key(|&c| candidates[c].order);
        used.dedup();
        let position: HashMap<usize, u32> = used
            .iter()
            .enumerate()
            .map(|(p, &c)| (c, p as u32))
            .collect();
        let mut activities = HashMap::new();
        for (n, (name, c, by)) in named.iter().enumerate() {
            if let (true, Some(c)) = (first[name.as_str()] == n, c) {
                activities.insert(name.as_bytes().into(), (position[c], *by));
            }
        }
        let elements: Vec<Planned> = used
            .iter()
            .map(|&c| Planned {
                end: candidates[c].end.clone(),
                stage: candidates[c].stage,
                title: candidates[c].title.to_owned(),
                standard: candidates[c].standard,
            })
            .collect();
        let (successors, predecessors) = order(journey, &elements);
        let mut ends = Bits::new(elements.len());
        for (i, s) in successors.iter().enumerate() {
            if s.is_empty() {
                ends.set(i);
            }
        }
        Ok(Plan {
            elements,
            activities,
            successors,
            predecessors,
            ends,
            ambiguous_titles,
        })
    }

    /// The element an activity is, and how that was found, if it is mapped.
    pub fn element_of(&self, activity: &[u8]) -> Option<(u32, MappedBy)> {
        self.activities.get(activity).copied()
    }

    /// Whether `a` comes strictly before `b` in the plan.
    pub fn before(&self, a: usize, b: usize) -> bool {
        self.successors[a].get(b)
    }
}

/// The strict planned order between `elements` (already in a planned total order), as
/// each one's successor and predecessor sets.
fn order(journey: &Journey, elements: &[Planned]) -> (Vec<Bits>, Vec<Bits>) {
    let n = elements.len();
    // Each stage's flow, followed through every step of the stage.
    let mut reach: HashMap<&str, Vec<&str>> = HashMap::new();
    for stage in Stage::ALL {
        let steps = &journey.steps[journey.step_range(*stage)];
        let ids: foldhash::HashSet<&str> = steps.iter().map(|s| s.id.as_str()).collect();
        let mut next: HashMap<&str, Vec<&str>> = HashMap::new();
        for s in steps {
            for a in s.after.iter().filter(|a| ids.contains(a.as_str())) {
                next.entry(a.as_str()).or_default().push(s.id.as_str());
            }
        }
        for s in steps {
            let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
            let mut stack = vec![s.id.as_str()];
            while let Some(at) = stack.pop() {
                for &n in next.get(at).into_iter().flatten() {
                    if seen.insert(n) {
                        stack.push(n);
                    }
                }
            }
            reach.insert(s.id.as_str(), seen.into_iter().collect());
        }
    }
    let index: HashMap<&str, usize> = elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.end.as_str(), i))
        .collect();
    let mut successors = vec![Bits::new(n); n];
    for (a, ea) in elements.iter().enumerate() {
        for (b, eb) in elements.iter().enumerate().skip(a + 1) {
            if ea.stage != eb.stage {
                successors[a].set(b);
            } else if let (End::Touchpoint(_), End::Touchpoint(_)) = (&ea.end, &eb.end) {
                successors[a].set(b);
            }
        }
        if let End::Step(s) = &ea.end {
            for later in reach.get(s.as_str()).into_iter().flatten() {
                if let Some(&b) = index.get(later) {
                    // A flow that loops back is no order.
                    let back = reach.get(later).is_some_and(|r| r.contains(&s.as_str()));
                    if b != a && !back {
                        successors[a].set(b);
                    }
                }
            }
        }
    }
    let mut predecessors = vec![Bits::new(n); n];
    for (a, s) in successors.iter().enumerate() {
        for b in s.ones() {
            predecessors[b].set(a);
        }
    }
    (successors, predecessors)
}

/// A mapping sheet: a header `activity,element`, then one activity a row, the element
/// by its id (an empty one: the activity is not in the map, whatever its name).
fn read_sheet(
    text: &str,
    by_id: &HashMap<&str, usize>,
) -> Result<Vec<(String, Option<usize>, MappedBy)>, LogError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| LogError::at(1, 1, format!("the mapping sheet does not read: {e}")))?
        .clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(activity), Some(element)) = (column("activity"), column("element")) else {
        return Err(LogError::at(
            1,
            1,
            "a mapping sheet's first line names its columns: activity,element".into(),
        ));
    };
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            LogError::at(line, 1, format!("the mapping sheet does not read: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let name = record.get(activity).unwrap_or_default().trim();
        let target = record.get(element).unwrap_or_default().trim();
        if name.is_empty() {
            continue;
        }
        if target.is_empty() {
            out.push((name.to_owned(), None, MappedBy::Sheet));
            continue;
        }
        let Some(&c) = by_id.get(target) else {
            return Err(LogError::at(
                line,
                1,
                format!("{target:?} is not a touchpoint or step of the map (activity {name:?})"),
            ));
        };
        out.push((name.to_owned(), Some(c), MappedBy::Sheet));
    }
    Ok(out)
}
