//! Event logs with known truth (`journeymap generate-log`), for tests and demos: each
//! case walks the planned journey (stage by stage, cards by position, steps in flow
//! order) and departs from it at chosen rates: it stops early (drop-off), skips a
//! planned element a later one needs (missing), swaps two planned neighbours (out of
//! order), does something the plan does not have (ad hoc) or fails at an event. The
//! truth written beside the log is what `conform` must find, taken from what the
//! generator did: which cases it made deviate and how, where each stopped, what it
//! visited and the times it drew.

use super::conform::{
    CaseVerdict, Conformance, ElementNumbers, Mapped, StageNumbers, Unmapped, Verdicts, percentile,
    share,
};
use super::plan::{MappedBy, Plan};
use super::read::LogFormat;
use super::timestamp::{self, DAY, MINUTE, Millis};
use crate::generate::Rng;
use crate::model::{Deviation, Journey, Stage};
use std::collections::BTreeMap;

/// How often each departure from the plan happens, 0 to 1 of the cases.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rates {
    pub ad_hoc: f64,
    pub missing: f64,
    pub failing: f64,
    pub out_of_order: f64,
    pub drop: f64,
}

/// The order of the log's lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Each case's events together, cases one after another.
    #[default]
    Case,
    /// All events by time, cases interleaved (as a system writes them).
    Time,
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub cases: usize,
    pub seed: u64,
    pub rates: Rates,
    pub format: LogFormat,
    pub order: Order,
}

/// What the unplanned activities are called.
const AD_HOC: &[&str] = &[
    "Called the helpline",
    "Chat with support",
    "Visited a store",
    "Emailed a complaint",
];

/// One generated event.
struct Generated {
    case: usize,
    activity: String,
    element: Option<usize>,
    time: Millis,
    failed: bool,
}

/// A log of `options.cases` cases over `journey`, and its truth (what `conform` with
/// the default options must find, with `--cases`).
pub fn generate(journey: &Journey, options: &Options) -> Result<(Vec<u8>, Conformance), String> {
    let plan = Plan::new(journey, None).map_err(|e| e.to_string())?;
    let n = plan.elements.len();
    if n == 0 {
        return Err("the map has no touchpoints or steps to walk".into());
    }
    // What each element is called in the log: its title when that maps to it, else
    // its id (steps are logged by id, as systems do).
    let names: Vec<String> = plan
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let title = e.title.trim();
            let by_title = !e.end.is_step()
                && !title.is_empty()
                && plan.element_of(title.as_bytes()).map(|(x, _)| x as usize) == Some(i);
            if by_title {
                title.to_owned()
            } else {
                e.end.as_str().to_owned()
            }
        })
        .collect();
    let ad_hoc: Vec<String> = AD_HOC
        .iter()
        .map(|a| {
            let mut name = (*a).to_owned();
            while plan.element_of(name.as_bytes()).is_some() {
                name.push_str(" (unplanned)");
            }
            name
        })
        .collect();
    let first_end = (0..n).find(|&i| plan.ends.get(i)).unwrap_or(n - 1);
    let mut rng = Rng::new(options.seed);
    let base = timestamp::parse(b"2026-01-05T08:00:00Z").unwrap_or(0);
    let period = 120 * DAY;
    let spacing = period / options.cases.max(1) as Millis;
    let mut events: Vec<Generated> = Vec::new();
    let mut flags: Vec<u8> = Vec::new();
    let mut stopped: Vec<bool> = Vec::new();
    for case in 0..options.cases {
        let mut path: Vec<usize> = (0..n).collect();
        let mut case_flags = 0u8;
        let mut truncated = false;
        if first_end > 0 && rng.unit() < options.rates.drop {
            path.truncate(1 + rng.below(first_end));
            truncated = true;
        }
        if rng.unit() < options.rates.missing {
            let candidates: Vec<usize> = (0..path.len())
                .filter(|&k| (k + 1..path.len()).any(|j| plan.before(path[k], path[j])))
                .collect();
            if !candidates.is_empty() {
                path.remove(candidates[rng.below(candidates.len())]);
                case_flags |= 2;
            }
        }
        if rng.unit() < options.rates.out_of_order {
            let candidates: Vec<usize> = (0..path.len().saturating_sub(1))
                .filter(|&k| plan.before(path[k], path[k + 1]))
                .collect();
            if !candidates.is_empty() {
                let k = candidates[rng.below(candidates.len())];
                path.swap(k, k + 1);
                case_flags |= 8;
            }
        }
        let mut time = base + case as Millis * spacing + rng.below(3600) as Millis * 1000;
        let start = events.len();
        for (k, &e) in path.iter().enumerate() {
            if k > 0 {
                let minutes = match plan.elements[e].standard {
                    Some(standard) => standard * (0.5 + rng.unit()),
                    None => 10.0 * (1 + e % 7) as f64 * (0.5 + rng.unit()),
                };
                time += ((minutes * 60.0).round() as Millis).max(1) * 1000;
            }
            events.push(Generated {
                case,
                activity: names[e].clone(),
                element: Some(e),
                time,
                failed: false,
            });
        }
        if rng.unit() < options.rates.ad_hoc {
            let at = start + 1 + rng.below(path.len());
            let before = events[at - 1].time;
            let time = match events.get(at).filter(|e| e.case == case) {
                Some(after) => before + (after.time - before) / 2000 * 1000,
                None => before + 30 * MINUTE,
            };
            events.insert(
                at,
                Generated {
                    case,
                    activity: ad_hoc[rng.below(ad_hoc.len())].clone(),
                    element: None,
                    time,
                    failed: false,
                },
            );
            case_flags |= 1;
        }
        if rng.unit() < options.rates.failing {
            let count = events.len() - start;
            events[start + rng.below(count)].failed = true;
            case_flags |= 4;
        }
        flags.push(case_flags);
        stopped.push(truncated);
    }
    let truth = truth(&plan, &events, &flags, &stopped, options.cases);
    if options.order == Order::Time {
        events.sort_by_key(|e| e.time);
    }
    let log = match options.format {
        LogFormat::Csv => csv_log(journey, &plan, &events),
        LogFormat::Xes => xes_log(&events),
    };
    Ok((log, truth))
}

fn case_name(case: usize) -> String {
    format!("C{:06}", case + 1)
}

/// The numbers `conform` must find, from what the generator did.
fn truth(
    plan: &Plan,
    events: &[Generated],
    flags: &[u8],
    stopped: &[bool],
    cases: usize,
) -> Conformance {
    let n = plan.elements.len();
    let last_time = events.iter().map(|e| e.time).max();
    let mut reached = vec![0u64; n];
    let mut waits: Vec<Vec<Millis>> = vec![Vec::new(); n];
    let mut over = vec![0u64; n];
    let mut entered = [0u64; 6];
    let mut dropped = [0u64; 6];
    let mut in_flight = [0u64; 6];
    let mut verdicts = Verdicts::default();
    let mut per_case = Vec::new();
    let mut unmapped: BTreeMap<&str, u64> = BTreeMap::new();
    let mut mapped: BTreeMap<(String, &str), u64> = BTreeMap::new();
    let mut at = 0;
    for case in 0..cases {
        let end = events[at..]
            .iter()
            .position(|e| e.case != case)
            .map_or(events.len(), |p| at + p);
        let own = &events[at..end];
        at = end;
        let mut visited = vec![false; n];
        let mut stages = [false; 6];
        let mut previous: Option<Millis> = None;
        for e in own {
            let Some(element) = e.element else {
                *unmapped.entry(&e.activity).or_default() += 1;
                continue;
            };
            *mapped
                .entry((plan.elements[element].end.as_str().to_owned(), &e.activity))
                .or_default() += 1;
            if !visited[element] {
                visited[element] = true;
                reached[element] += 1;
            }
            stages[plan.elements[element].stage.index()] = true;
            if let Some(previous) = previous {
                let wait = e.time - previous;
                waits[element].push(wait);
                let standard = plan.elements[element]
                    .standard
                    .map(|m| (m * MINUTE as f64).round() as Millis);
                if standard.is_some_and(|s| wait > s) {
                    over[element] += 1;
                }
            }
            previous = Some(e.time);
        }
        for (s, on) in stages.iter().enumerate() {
            entered[s] += u64::from(*on);
        }
        let mut verdict = if flags[case] != 0 {
            "deviating"
        } else {
            "conformant"
        };
        if stopped[case] {
            let last_mapped = own.iter().rev().find_map(|e| e.element);
            let stage = last_mapped.map_or(0, |e| plan.elements[e].stage.index());
            let last = own.iter().map(|e| e.time).max().unwrap_or(0);
            if last_time.unwrap_or(0) - last >= 30 * DAY {
                dropped[stage] += 1;
                verdict = "dropped";
            } else {
                in_flight[stage] += 1;
                if flags[case] == 0 {
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
        per_case.push(CaseVerdict {
            case: case_name(case),
            verdict: verdict.to_owned(),
            deviations: deviation_keys(flags[case]),
        });
    }
    let mut deviations = BTreeMap::new();
    for (bit, deviation) in DEVIATIONS {
        let count = flags.iter().filter(|f| *f & bit != 0).count() as u64;
        deviations.insert(deviation.key().to_owned(), count);
    }
    let mut unmapped: Vec<Unmapped> = unmapped
        .into_iter()
        .map(|(activity, events)| Unmapped {
            activity: activity.to_owned(),
            events,
        })
        .collect();
    unmapped.sort_by(|a, b| b.events.cmp(&a.events).then(a.activity.cmp(&b.activity)));
    Conformance {
        cases: cases as u64,
        events: events.len() as u64,
        first: events.iter().map(|e| e.time).min().map(timestamp::format),
        last: last_time.map(timestamp::format),
        unmapped,
        mapped: mapped
            .into_iter()
            .map(|((reference, activity), events)| Mapped {
                by: match plan.element_of(activity.as_bytes()).map(|(_, by)| by) {
                    Some(MappedBy::Title) => "title",
                    Some(MappedBy::Sheet) => "sheet",
                    _ => "id",
                }
                .to_owned(),
                activity: activity.to_owned(),
                reference,
                events,
            })
            .collect(),
        elements: plan
            .elements
            .iter()
            .enumerate()
            .map(|(e, planned)| {
                waits[e].sort_unstable();
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
                    cases: reached[e],
                    share: share(reached[e], cases as u64),
                    waits: waits[e].len() as u64,
                    p50_minutes: percentile(&waits[e], 0.5),
                    p90_minutes: percentile(&waits[e], 0.9),
                    over_standard: planned.standard.and_then(|_| {
                        (!waits[e].is_empty()).then(|| share(over[e], waits[e].len() as u64))
                    }),
                }
            })
            .collect(),
        stages: Stage::ALL
            .iter()
            .map(|s| StageNumbers {
                stage: s.key().to_owned(),
                entered: entered[s.index()],
                dropped: dropped[s.index()],
                in_flight: in_flight[s.index()],
            })
            .collect(),
        deviations,
        conformance: verdicts,
        per_case,
    }
}

const DEVIATIONS: [(u8, Deviation); 4] = [
    (1, Deviation::AdHoc),
    (2, Deviation::Missing),
    (4, Deviation::Failing),
    (8, Deviation::OutOfOrder),
];

fn deviation_keys(flags: u8) -> Vec<String> {
    DEVIATIONS
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, d)| d.key().to_owned())
        .collect()
}

fn csv_log(journey: &Journey, plan: &Plan, events: &[Generated]) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let channel = |e: usize| -> String {
        let end = &plan.elements[e].end;
        end.touchpoint()
            .and_then(|t| journey.touchpoint(t))
            .and_then(|t| t.channel.as_ref())
            .and_then(|c| journey.channel(c))
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let resource = |e: usize| -> String {
        let end = &plan.elements[e].end;
        match end.step().and_then(|s| journey.step(s)) {
            Some(step) => step
                .actor
                .as_ref()
                .and_then(|a| journey.actor(a))
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            None => end
                .touchpoint()
                .and_then(|t| journey.touchpoint(t))
                .and_then(|t| t.department.as_ref())
                .and_then(|d| journey.department(d))
                .map(|d| d.name.clone())
                .unwrap_or_default(),
        }
    };
    let _ = out.write_record([
        "case",
        "activity",
        "timestamp",
        "channel",
        "resource",
        "outcome",
    ]);
    for e in events {
        let _ = out.write_record([
            case_name(e.case),
            e.activity.clone(),
            timestamp::format(e.time),
            e.element.map(channel).unwrap_or_default(),
            e.element.map(resource).unwrap_or_default(),
            if e.failed { "failed" } else { "ok" }.to_owned(),
        ]);
    }
    out.into_inner().unwrap_or_default()
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // As references: a reader normalizes raw line breaks and tabs in an
            // attribute to spaces.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// XES (IEEE 1849): a trace a case, its events in order; each event's `start` too
/// (a minute before), which a reader of completed events leaves out.
fn xes_log(events: &[Generated]) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n  <extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n  <extension name=\"Time\" prefix=\"time\" uri=\"http://www.xes-standard.org/time.xesext\"/>\n  <extension name=\"Lifecycle\" prefix=\"lifecycle\" uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n  <global scope=\"trace\">\n    <string key=\"concept:name\" value=\"__INVALID__\"/>\n  </global>\n",
    );
    let mut current = None;
    for e in events {
        if current != Some(e.case) {
            if current.is_some() {
                out.push_str("  </trace>\n");
            }
            out.push_str(&format!(
                "  <trace>\n    <string key=\"concept:name\" value=\"{}\"/>\n",
                case_name(e.case)
            ));
            current = Some(e.case);
        }
        let name = xml_escape(&e.activity);
        out.push_str(&format!(
            "    <event>\n      <string key=\"concept:name\" value=\"{name}\"/>\n      <string key=\"lifecycle:transition\" value=\"start\"/>\n      <date key=\"time:timestamp\" value=\"{}\"/>\n    </event>\n",
            timestamp::format(e.time - MINUTE)
        ));
        out.push_str(&format!(
            "    <event>\n      <string key=\"concept:name\" value=\"{name}\"/>\n      <string key=\"lifecycle:transition\" value=\"complete\"/>\n      <date key=\"time:timestamp\" value=\"{}\"/>\n{}    </event>\n",
            timestamp::format(e.time),
            if e.failed {
                "      <string key=\"outcome\" value=\"failed\"/>\n"
            } else {
                ""
            }
        ));
    }
    if current.is_some() {
        out.push_str("  </trace>\n");
    }
    out.push_str("</log>\n");
    out.into_bytes()
}
