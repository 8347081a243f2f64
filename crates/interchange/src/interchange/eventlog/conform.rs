//! The measuring: events arrive one at a time (`Conformer::event`), each case's run of
//! events is put in time order and folded into a small state when the log moves on to
//! another case, and `finish` gives the numbers. Memory grows with the cases, not with
//! the events: a log grouped by case holds one case's events at a time, a log sorted by
//! time one event a case; each case keeps a few words and one bit an element, each
//! element the waiting times (8 bytes an event) its percentiles need exactly.
//!
//! A case's events may come in any order within a run of that case; a log whose case
//! comes back with an event earlier than what was already read of it (neither grouped
//! by case nor sorted by time) is refused at that line, with the sort that fixes it.

use super::plan::{MappedBy, Plan};
use super::timestamp::{self, Millis};
use super::{Bits, LogError, LogEvent};
use crate::model::{Deviation, Stage};
use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};

/// How the numbers are taken.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// A case not at the journey's end counts as dropped when its last event is at
    /// least this long before the log's last event (else it is in flight).
    pub inactive: Millis,
    /// List every case with its verdict.
    pub cases: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            inactive: 30 * timestamp::DAY,
            cases: false,
        }
    }
}

/// The numbers of one log against one map: `conform -o out.json` writes this, its
/// keys documented in `docs/conformance.md`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conformance {
    /// Distinct cases in the log.
    pub cases: u64,
    /// Events read (bad rows skipped with `--skip-bad` are not counted).
    pub events: u64,
    /// The log's first and last event, ISO 8601.
    pub first: Option<String>,
    pub last: Option<String>,
    /// Activities no element maps to, most events first.
    pub unmapped: Vec<Unmapped>,
    /// Activities mapped to elements, and how.
    pub mapped: Vec<Mapped>,
    /// The mapped elements in planned order.
    pub elements: Vec<ElementNumbers>,
    /// The six stages, in order.
    pub stages: Vec<StageNumbers>,
    /// Cases showing each deviation, keyed by `Deviation::key()`.
    pub deviations: std::collections::BTreeMap<String, u64>,
    pub conformance: Verdicts,
    /// With `--cases`: each case and its verdict, by case name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub per_case: Vec<CaseVerdict>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unmapped {
    pub activity: String,
    pub events: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mapped {
    pub activity: String,
    #[serde(rename = "ref")]
    pub reference: String,
    /// `sheet`, `id` or `title`.
    pub by: String,
    pub events: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ElementNumbers {
    #[serde(rename = "ref")]
    pub reference: String,
    /// `touchpoint` or `step`.
    pub kind: String,
    pub title: String,
    pub stage: String,
    /// Cases with at least one event of this element.
    pub cases: u64,
    /// `cases` over all the log's cases, 0 to 1.
    pub share: f64,
    /// The element's events that have a previous mapped event in their case.
    pub waits: u64,
    /// Time since the case's previous mapped event, over the element's events that
    /// have one: the median and the 90th percentile (nearest rank), in minutes.
    pub p50_minutes: Option<f64>,
    pub p90_minutes: Option<f64>,
    /// For a step with a time standard: the share of those times over it, 0 to 1.
    pub over_standard: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageNumbers {
    pub stage: String,
    /// Cases with a mapped event in this stage.
    pub entered: u64,
    /// Cases whose last mapped event is here, that never reach the journey's end, and
    /// whose last event is `--inactive` or more before the log's end.
    pub dropped: u64,
    /// The same, but more recent: they may still go on.
    pub in_flight: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdicts {
    pub conformant: u64,
    pub deviating: u64,
    pub dropped: u64,
    pub in_flight: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseVerdict {
    pub case: String,
    /// `conformant`, `deviating`, `dropped` or `in-flight`.
    pub verdict: String,
    /// The deviations it shows (`Deviation::key()`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deviations: Vec<String>,
}

const AD_HOC: u8 = 1;
const MISSING: u8 = 2;
const FAILING: u8 = 4;
const OUT_OF_ORDER: u8 = 8;
const FLAGS: [(u8, Deviation); 4] = [
    (AD_HOC, Deviation::AdHoc),
    (MISSING, Deviation::Missing),
    (FAILING, Deviation::Failing),
    (OUT_OF_ORDER, Deviation::OutOfOrder),
];

/// An event waiting for its case's run to end. `element` is `u32::MAX` when unmapped.
#[derive(Clone, Copy, Debug)]
struct Pending {
    element: u32,
    time: Millis,
    failed: bool,
    line: u64,
}

const UNMAPPED: u32 = u32::MAX;

struct Case {
    name: Box<str>,
    seen: Bits,
    stages: u8,
    flags: u8,
    /// The last mapped event folded: its element and time.
    last_mapped: Option<(u32, Millis)>,
    /// The last event folded (mapped or not), and its line.
    last_time: Option<(Millis, u64)>,
    pending: Vec<Pending>,
}

struct Activity {
    element: u32,
    by: Option<MappedBy>,
    name: Box<str>,
    events: u64,
}

pub struct Conformer<'p> {
    plan: &'p Plan,
    options: Options,
    activities: HashMap<Box<[u8]>, u32>,
    activity_list: Vec<Activity>,
    case_index: HashMap<Box<[u8]>, u32>,
    cases: Vec<Case>,
    current: Option<u32>,
    events: u64,
    first: Option<Millis>,
    last: Option<Millis>,
    reached: Vec<u64>,
    waits: Vec<Vec<Millis>>,
    over: Vec<u64>,
    standards: Vec<Option<Millis>>,
}

impl<'p> Conformer<'p> {
    pub fn new(plan: &'p Plan, options: Options) -> Self {
        let n = plan.elements.len();
        Conformer {
            plan,
            options,
            activities: HashMap::new(),
            activity_list: Vec::new(),
            case_index: HashMap::new(),
            cases: Vec::new(),
            current: None,
            events: 0,
            first: None,
            last: None,
            reached: vec![0; n],
            waits: vec![Vec::new(); n],
            over: vec![0; n],
            standards: plan
                .elements
                .iter()
                .map(|e| {
                    e.standard
                        .map(|m| (m * timestamp::MINUTE as f64).round() as Millis)
                })
                .collect(),
        }
    }

    /// Takes one event of the log.
    pub fn event(&mut self, event: LogEvent<'_>) -> Result<(), LogError> {
        let element = self.activity(event.activity, event.line)?;
        let case = match self.current {
            Some(c) if *self.case_key(c) == *event.case => c,
            _ => {
                if let Some(previous) = self.current {
                    self.fold(previous)?;
                }
                let c = self.case(event.case, event.line)?;
                self.current = Some(c);
                c
            }
        };
        self.events += 1;
        self.first = Some(self.first.map_or(event.time, |f| f.min(event.time)));
        self.last = Some(self.last.map_or(event.time, |l| l.max(event.time)));
        self.cases[case as usize].pending.push(Pending {
            element,
            time: event.time,
            failed: event.failed,
            line: event.line,
        });
        Ok(())
    }

    fn case_key(&self, case: u32) -> &[u8] {
        self.cases[case as usize].name.as_bytes()
    }

    /// The element of an activity (`UNMAPPED` if none), learnt once per activity.
    fn activity(&mut self, activity: &[u8], line: u64) -> Result<u32, LogError> {
        if let Some(&a) = self.activities.get(activity) {
            let entry = &mut self.activity_list[a as usize];
            entry.events += 1;
            return Ok(entry.element);
        }
        let name = utf8(activity, line, "activity")?;
        let (element, by) = match self.plan.element_of(name.trim().as_bytes()) {
            Some((e, by)) => (e, Some(by)),
            None => (UNMAPPED, None),
        };
        self.activities
            .insert(activity.into(), self.activity_list.len() as u32);
        self.activity_list.push(Activity {
            element,
            by,
            name: name.into(),
            events: 1,
        });
        Ok(element)
    }

    fn case(&mut self, key: &[u8], line: u64) -> Result<u32, LogError> {
        if let Some(&c) = self.case_index.get(key) {
            return Ok(c);
        }
        let name = utf8(key, line, "case")?;
        let c = self.cases.len() as u32;
        self.case_index.insert(key.into(), c);
        self.cases.push(Case {
            name: name.into(),
            seen: Bits::new(self.plan.elements.len()),
            stages: 0,
            flags: 0,
            last_mapped: None,
            last_time: None,
            pending: Vec::new(),
        });
        Ok(c)
    }

    /// Folds a case's waiting events, in time order, into its state.
    fn fold(&mut self, c: u32) -> Result<(), LogError> {
        let mut pending = std::mem::take(&mut self.cases[c as usize].pending);
        // Stable: events at the same time keep the log's order.
        pending.sort_by_key(|p| p.time);
        for p in &pending {
            self.fold_one(c, p)?;
        }
        pending.clear();
        // Keep the buffer for this case's next run only when it is small.
        if pending.capacity() <= 8 {
            self.cases[c as usize].pending = pending;
        }
        Ok(())
    }

    fn fold_one(&mut self, c: u32, p: &Pending) -> Result<(), LogError> {
        let plan = self.plan;
        let case = &mut self.cases[c as usize];
        if let Some((time, line)) = case.last_time
            && p.time < time
        {
            return Err(LogError::at(
                p.line,
                1,
                format!(
                    "case {:?} comes back at {} after its event at {} (line {line}): journeymap \
                     reads logs grouped by case or sorted by time; sort this one first (by \
                     case, then time: `sort -t, -k1,1 -k3,3`, keeping the header line)",
                    case.name,
                    timestamp::format(p.time),
                    timestamp::format(time),
                ),
            ));
        }
        case.last_time = Some((p.time, p.line));
        if p.failed {
            case.flags |= FAILING;
        }
        if p.element == UNMAPPED {
            case.flags |= AD_HOC;
            return Ok(());
        }
        let e = p.element as usize;
        if plan.successors[e].meets(&case.seen) {
            case.flags |= OUT_OF_ORDER;
        }
        if !case.seen.get(e) {
            case.seen.set(e);
            self.reached[e] += 1;
        }
        case.stages |= 1 << plan.elements[e].stage.index();
        if let Some((_, previous)) = case.last_mapped {
            let wait = p.time - previous;
            self.waits[e].push(wait);
            if self.standards[e].is_some_and(|s| wait > s) {
                self.over[e] += 1;
            }
        }
        case.last_mapped = Some((p.element, p.time));
        Ok(())
    }

    /// The numbers, once every event is in.
    pub fn finish(mut self) -> Result<Conformance, LogError> {
        if let Some(c) = self.current.take() {
            self.fold(c)?;
        }
        let plan = self.plan;
        let end = self.last.unwrap_or(0);
        let mut entered = [0u64; 6];
        let mut dropped = [0u64; 6];
        let mut in_flight = [0u64; 6];
        let mut deviations = [0u64; 4];
        let mut verdicts = Verdicts::default();
        let mut per_case = Vec::new();
        // The plan the log can show: the elements some case reached. An element no
        // event ever names (a backstage step no system logs) is never missing, and the
        // journey ends at the last elements the log shows.
        let mut observed = Bits::new(plan.elements.len());
        for (e, reached) in self.reached.iter().enumerate() {
            if *reached > 0 {
                observed.set(e);
            }
        }
        let before: Vec<Bits> = plan.predecessors.iter().map(|p| p.and(&observed)).collect();
        let mut ends = Bits::new(plan.elements.len());
        for e in observed.ones() {
            if !plan.successors[e].meets(&observed) {
                ends.set(e);
            }
        }
        for case in &mut self.cases {
            let seen = &case.seen;
            if seen.ones().any(|f| !before[f].within(seen)) {
                case.flags |= MISSING;
            }
            for (s, count) in entered.iter_mut().enumerate() {
                if case.stages & (1 << s) != 0 {
                    *count += 1;
                }
            }
            for (i, (flag, _)) in FLAGS.iter().enumerate() {
                if case.flags & flag != 0 {
                    deviations[i] += 1;
                }
            }
            let complete = seen.meets(&ends);
            let mut verdict = if case.flags != 0 {
                "deviating"
            } else {
                "conformant"
            };
            if let (false, Some((last, _))) = (complete, case.last_mapped) {
                let stage = plan.elements[last as usize].stage.index();
                let last_time = case.last_time.map_or(end, |(t, _)| t);
                if end - last_time >= self.options.inactive {
                    dropped[stage] += 1;
                    verdict = "dropped";
                } else {
                    in_flight[stage] += 1;
                    if case.flags == 0 {
                        verdict = "in-flight";
                    }
                }
            }
            match verdict {
                "conformant" => verdicts.conformant += 1,
                "deviating" => verdicts.deviating += 1,
                "dropped" => verdicts.dropped += 1,
                _ => verdicts.in_flight += 1,
            }
            if self.options.cases {
                per_case.push(CaseVerdict {
                    case: case.name.to_string(),
                    verdict: verdict.to_owned(),
                    deviations: FLAGS
                        .iter()
                        .filter(|(f, _)| case.flags & f != 0)
                        .map(|(_, d)| d.key().to_owned())
                        .collect(),
                });
            }
        }
        per_case.sort_by(|a, b| a.case.cmp(&b.case));
        let cases = self.cases.len() as u64;
        let elements = plan
            .elements
            .iter()
            .enumerate()
            .map(|(e, planned)| {
                let waits = &mut self.waits[e];
                waits.sort_unstable();
                ElementNumbers {
                    reference: planned.end.as_str().to_owned(),
                    kind: if planned.end.is_step() {
                        "step"
                    } else {
                        "touchpoint"
                    }
                    .to_owned(),
                    title: planned.title.clone(),
                    stage: planned.stage.key().to_owned(),
                    cases: self.reached[e],
                    share: share(self.reached[e], cases),
                    waits: waits.len() as u64,
                    p50_minutes: percentile(waits, 0.5),
                    p90_minutes: percentile(waits, 0.9),
                    over_standard: planned.standard.and_then(|_| {
                        (!waits.is_empty()).then(|| share(self.over[e], waits.len() as u64))
                    }),
                }
            })
            .collect();
        let mut unmapped: Vec<Unmapped> = self
            .activity_list
            .iter()
            .filter(|a| a.element == UNMAPPED)
            .map(|a| Unmapped {
                activity: a.name.to_string(),
                events: a.events,
            })
            .collect();
        unmapped.sort_by(|a, b| b.events.cmp(&a.events).then(a.activity.cmp(&b.activity)));
        let mut mapped: Vec<Mapped> = self
            .activity_list
            .iter()
            .filter_map(|a| {
                let by = a.by?;
                Some(Mapped {
                    activity: a.name.to_string(),
                    reference: plan.elements[a.element as usize].end.as_str().to_owned(),
                    by: match by {
                        MappedBy::Sheet => "sheet",
                        MappedBy::Id => "id",
                        MappedBy::Title => "title",
                    }
                    .to_owned(),
                    events: a.events,
                })
            })
            .collect();
        mapped.sort_by(|a, b| {
            a.reference
                .cmp(&b.reference)
                .then(a.activity.cmp(&b.activity))
        });
        Ok(Conformance {
            cases,
            events: self.events,
            first: self.first.map(timestamp::format),
            last: self.last.map(timestamp::format),
            unmapped,
            mapped,
            elements,
            stages: Stage::ALL
                .iter()
                .map(|s| StageNumbers {
                    stage: s.key().to_owned(),
                    entered: entered[s.index()],
                    dropped: dropped[s.index()],
                    in_flight: in_flight[s.index()],
                })
                .collect(),
            deviations: FLAGS
                .iter()
                .enumerate()
                .map(|(i, (_, d))| (d.key().to_owned(), deviations[i]))
                .collect(),
            conformance: verdicts,
            per_case,
        })
    }
}

/// `part` over `whole`, 0 when there is no whole.
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The nearest-rank percentile `q` of sorted times, in minutes.
pub fn percentile(sorted: &[Millis], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    let at = rank.clamp(1, sorted.len()) - 1;
    Some(sorted[at] as f64 / timestamp::MINUTE as f64)
}

fn utf8<'a>(bytes: &'a [u8], line: u64, what: &str) -> Result<&'a str, LogError> {
    std::str::from_utf8(bytes).map_err(|e| {
        LogError::at(
            line,
            1,
            format!(
                "the {what} is not UTF-8 text (a byte 0x{:02X} after {:?}): save the log as UTF-8",
                bytes[e.valid_up_to()],
                String::from_utf8_lossy(&bytes[..e.valid_up_to()])
            ),
        )
    })
}
