//! A log's numbers on the map (`conform --into`, File ▸ Import event log…): one
//! evidence item of kind Metric per measured element, `ev-log-<log>-<element>`, linked
//! to its element, its metrics the reach and the waiting times (and, for a step with a
//! standard, the share over it); its source names the log, its SHA-256, its dates and
//! its cases; its date is the log's last day, so `check --stale` ages it. Running again
//! replaces the log's items. An element where the cases drop off, or wait, beyond the
//! run's thresholds gets a `drop-off` or `wait ratio` metric: from those, whenever the
//! map is open, the editor suggests a grey area before the element (never written
//! without a person).

use super::conform::{Conformance, ElementNumbers};
use crate::i18n::I18n;
use crate::model::*;

/// The log the numbers come from.
#[derive(Clone, Debug)]
pub struct LogSource {
    /// The file's name (`orders.csv`).
    pub name: String,
    pub sha256: String,
}

/// When an element's numbers suggest a grey area before it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// The share of the previous element's cases that never reach this one, 0 to 1.
    pub drop: f64,
    /// How many times its median wait is its step's standard, or else the median of
    /// the log's elements' median waits.
    pub wait: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            drop: 0.2,
            wait: 2.0,
        }
    }
}

/// The prefix of a log's evidence ids.
pub fn id_prefix(log_name: &str) -> String {
    let stem = std::path::Path::new(log_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = match slug(&stem) {
        s if s.is_empty() => "log".to_owned(),
        s => s,
    };
    format!("ev-log-{stem}-")
}

/// The labels of the metrics that flag an element, in every language (a Spanish map
/// and an English one are read alike).
fn flag_labels() -> &'static [String] {
    static LABELS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| {
        Language::ALL
            .iter()
            .flat_map(|l| {
                let i18n = I18n::new(*l);
                [i18n.tr("log-metric-drop"), i18n.tr("log-metric-wait-ratio")]
            })
            .collect()
    })
}

/// The edit that puts `numbers` on `journey` as evidence (one undo step in the
/// editor; the command line applies it and saves).
pub fn edit(
    journey: &Journey,
    numbers: &Conformance,
    source: &LogSource,
    thresholds: Thresholds,
) -> Edit {
    let i18n = I18n::new(journey.language);
    let prefix = id_prefix(&source.name);
    let mut edits = Vec::new();
    let mut written: foldhash::HashSet<String> = foldhash::HashSet::default();
    let by_ref: foldhash::HashMap<&str, &ElementNumbers> = numbers
        .elements
        .iter()
        .map(|e| (e.reference.as_str(), e))
        .collect();
    let median_wait = {
        let mut p50: Vec<f64> = numbers
            .elements
            .iter()
            .filter_map(|e| e.p50_minutes)
            .collect();
        p50.sort_by(f64::total_cmp);
        p50.get(p50.len().saturating_sub(1) / 2).copied()
    };
    let date = numbers
        .last
        .as_deref()
        .map(|l| l.get(..10).unwrap_or(l).to_owned())
        .unwrap_or_default();
    let first = numbers.first.as_deref().map(|f| f.get(..10).unwrap_or(f));
    let source_text = crate::tr!(
        i18n,
        "log-evidence-source",
        log = source.name.clone(),
        sha = source.sha256.clone(),
        first = first.unwrap_or_default().to_owned(),
        last = date.clone(),
        cases = numbers.cases as i64
    );
    // The element before each one, as the suggestions pair them: the card before a
    // card, the step before a step in its stage.
    let previous = |end: &End| -> Option<End> {
        match end {
            End::Touchpoint(t) => {
                let i = journey.touchpoint_index(t)?;
                let before = journey.touchpoints.get(i.checked_sub(1)?)?;
                Some(End::Touchpoint(before.id.clone()))
            }
            End::Step(s) => {
                let i = journey.step_position(s)?;
                let step = &journey.steps[i];
                let before = journey.steps.get(i.checked_sub(1)?)?;
                (before.stage == step.stage).then(|| End::Step(before.id.clone()))
            }
        }
    };
    for numbers_of in &numbers.elements {
        let end = match journey.step(&StepId::from(numbers_of.reference.as_str())) {
            Some(s) => End::Step(s.id.clone()),
            None => End::Touchpoint(TouchpointId::from(numbers_of.reference.as_str())),
        };
        if !journey.has_end(&end) {
            continue;
        }
        let id = EvidenceId(format!("{prefix}{}", numbers_of.reference));
        let mut metrics = vec![Metric {
            name: MetricName::Custom,
            label: i18n.tr("log-metric-reach"),
            value: round1(numbers_of.share * 100.0),
            scale: "%".into(),
            sample_size: u32::try_from(numbers.cases).ok(),
        }];
        for (label, value) in [
            ("log-metric-p50", numbers_of.p50_minutes),
            ("log-metric-p90", numbers_of.p90_minutes),
        ] {
            if let Some(minutes) = value {
                metrics.push(Metric {
                    name: MetricName::Custom,
                    label: i18n.tr(label),
                    value: round1(minutes),
                    scale: "min".into(),
                    sample_size: u32::try_from(numbers_of.waits).ok(),
                });
            }
        }
        if let Some(over) = numbers_of.over_standard {
            metrics.push(Metric {
                name: MetricName::Custom,
                label: i18n.tr("log-metric-over-standard"),
                value: round1(over * 100.0),
                scale: "%".into(),
                sample_size: u32::try_from(numbers_of.waits).ok(),
            });
        }
        let before = previous(&end)
            .and_then(|b| by_ref.get(b.as_str()).copied())
            .filter(|b| b.cases > 0);
        if let Some(before) = before {
            let drop = 1.0 - numbers_of.cases as f64 / before.cases as f64;
            if drop >= thresholds.drop {
                metrics.push(Metric {
                    name: MetricName::Custom,
                    label: i18n.tr("log-metric-drop"),
                    value: round1(drop * 100.0),
                    scale: "%".into(),
                    sample_size: u32::try_from(before.cases).ok(),
                });
            }
        }
        let standard = journey
            .step(&StepId::from(numbers_of.reference.as_str()))
            .and_then(|s| s.time_standard)
            .map(|d| d.minutes())
            .or(median_wait)
            .filter(|m| *m > 0.0);
        if let (Some(p50), Some(reference)) = (numbers_of.p50_minutes, standard) {
            let ratio = p50 / reference;
            if ratio >= thresholds.wait {
                metrics.push(Metric {
                    name: MetricName::Custom,
                    label: i18n.tr("log-metric-wait-ratio"),
                    value: round1(ratio),
                    scale: "×".into(),
                    sample_size: u32::try_from(numbers_of.waits).ok(),
                });
            }
        }
        let words = |m: Option<f64>| m.map(duration_words).unwrap_or_else(|| "—".into());
        let (p50, p90) = (words(numbers_of.p50_minutes), words(numbers_of.p90_minutes));
        let text = crate::tr!(
            i18n,
            "log-evidence-text",
            log = source.name.clone(),
            reached = numbers_of.cases as i64,
            cases = numbers.cases as i64,
            share = format!("{:.1}", numbers_of.share * 100.0),
            p50 = p50,
            p90 = p90
        );
        let evidence = Evidence {
            source: source_text.clone(),
            date: date.clone(),
            confidence: Confidence::Observed,
            metrics,
            ..Evidence::new(id.clone(), EvidenceKind::Metric, text)
        };
        written.insert(id.0.clone());
        edits.push(match journey.evidence_item(&id) {
            Some(old) if *old == evidence => continue,
            Some(_) => Edit::Replace(Element::Evidence(evidence)),
            None => Edit::Insert {
                index: journey.evidence.len() + edits_inserting(&edits),
                element: Element::Evidence(evidence),
            },
        });
    }
    // Links: each item on its element; the log's items no longer written go.
    let stale: Vec<&Evidence> = journey
        .evidence
        .iter()
        .filter(|e| e.id.as_str().starts_with(&prefix) && !written.contains(e.id.as_str()))
        .collect();
    for t in &journey.touchpoints {
        let want = EvidenceId(format!("{prefix}{}", t.id));
        let mut links = t.evidence.clone();
        links.retain(|l| !stale.iter().any(|s| s.id == *l));
        if written.contains(want.as_str()) && !links.contains(&want) {
            links.push(want);
        }
        if links != t.evidence {
            edits.push(Edit::Replace(Element::Touchpoint(Touchpoint {
                evidence: links,
                ..t.clone()
            })));
        }
    }
    for s in &journey.steps {
        let want = EvidenceId(format!("{prefix}{}", s.id));
        let mut links = s.evidence.clone();
        links.retain(|l| !stale.iter().any(|x| x.id == *l));
        if written.contains(want.as_str()) && !links.contains(&want) {
            links.push(want);
        }
        if links != s.evidence {
            edits.push(Edit::Replace(Element::Step(Step {
                evidence: links,
                ..s.clone()
            })));
        }
    }
    for g in &journey.grey_areas {
        if g.evidence.iter().any(|l| stale.iter().any(|s| s.id == *l)) {
            let mut g = g.clone();
            g.evidence.retain(|l| !stale.iter().any(|s| s.id == *l));
            edits.push(Edit::Replace(Element::GreyArea(g)));
        }
    }
    edits.extend(
        stale
            .iter()
            .map(|s| Edit::Remove(ElementId::Evidence(s.id.clone()))),
    );
    Edit::Batch(edits)
}

fn edits_inserting(edits: &[Edit]) -> usize {
    edits
        .iter()
        .filter(|e| matches!(e, Edit::Insert { .. }))
        .count()
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Minutes as people say them: `45 min`, `3.5 h`, `2.1 d`.
pub fn duration_words(minutes: f64) -> String {
    if minutes < 90.0 {
        format!("{} min", round1(minutes))
    } else if minutes < 36.0 * 60.0 {
        format!("{} h", round1(minutes / 60.0))
    } else {
        format!("{} d", round1(minutes / 1440.0))
    }
}

/// An element's reach in its latest event log's evidence (the share of the log's
/// cases that reached it, in percent), if a log measured it.
pub fn reach(journey: &Journey, links: &[EvidenceId]) -> Option<f64> {
    links
        .iter()
        .filter(|l| l.as_str().starts_with("ev-log-"))
        .filter_map(|l| journey.evidence_item(l))
        .filter_map(|e| {
            let m = e.metrics.first().filter(|m| m.scale == "%")?;
            Some((e.date.as_str(), m.value))
        })
        .max_by(|a, b| a.0.cmp(b.0))
        .map(|(_, value)| value)
}

/// Whether the evidence linked to an element says its cases drop off or wait beyond a
/// log's thresholds (a grey area before it is worth a look).
pub fn flagged(journey: &Journey, links: &[EvidenceId]) -> bool {
    links
        .iter()
        .filter(|l| l.as_str().starts_with("ev-log-"))
        .filter_map(|l| journey.evidence_item(l))
        .any(|e| e.metrics.iter().any(|m| flag_labels().contains(&m.label)))
}
