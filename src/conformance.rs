//! The conformance report (`conform -o out.md|out.html`): a log's numbers against a
//! map, in the report's words, through the portfolio report's writers (its blocks,
//! its Markdown and its one HTML page), the funnel drawn.

use crate::i18n::I18n;
use crate::interchange::eventlog::Conformance;
use crate::interchange::eventlog::evidence::duration_words;
use crate::model::{Deviation, Journey, Stage};
use crate::report::{Block, FunnelRow};

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!("{:.1} %", part as f64 * 100.0 / whole as f64)
    }
}

/// The day of an ISO 8601 time.
fn day(time: Option<&str>) -> String {
    time.map(|t| t.get(..10).unwrap_or(t).to_owned())
        .unwrap_or_default()
}

/// The report's blocks: the summary, the funnel of stages, the deviations, every
/// measured element and the activities no element maps to.
pub fn blocks(journey: &Journey, numbers: &Conformance, log: &str, i18n: &I18n) -> Vec<Block> {
    let tr = |id: &str| i18n.tr(id);
    let mut out = vec![Block::Heading(crate::tr!(
        i18n,
        "conform-title",
        map = journey.title.clone(),
        log = log.to_owned()
    ))];
    let verdicts = &numbers.conformance;
    out.push(Block::Text(crate::tr!(
        i18n,
        "conform-summary",
        cases = numbers.cases as i64,
        events = numbers.events as i64,
        first = day(numbers.first.as_deref()),
        last = day(numbers.last.as_deref()),
        conformant = percent(verdicts.conformant, numbers.cases),
        deviating = percent(verdicts.deviating, numbers.cases),
        dropped = percent(verdicts.dropped, numbers.cases),
        flight = percent(verdicts.in_flight, numbers.cases)
    )));
    out.push(Block::Heading(tr("conform-funnel")));
    out.push(Block::Funnel {
        of: numbers.cases,
        rows: numbers
            .stages
            .iter()
            .zip(Stage::ALL)
            .map(|(s, stage)| FunnelRow {
                name: i18n.stage_name(journey, *stage),
                count: s.entered,
                note: crate::tr!(
                    i18n,
                    "conform-funnel-note",
                    dropped = s.dropped as i64,
                    flight = s.in_flight as i64
                ),
            })
            .collect(),
    });
    out.push(Block::Heading(tr("conform-deviations")));
    out.push(Block::Table(
        vec![
            tr("conform-deviation"),
            tr("conform-cases"),
            tr("conform-share"),
        ],
        Deviation::ALL
            .iter()
            .map(|d| {
                let count = numbers.deviations.get(d.key()).copied().unwrap_or(0);
                vec![
                    i18n.term("deviation", d.key()),
                    count.to_string(),
                    percent(count, numbers.cases),
                ]
            })
            .collect(),
    ));
    out.push(Block::Heading(tr("conform-elements")));
    let minutes = |m: Option<f64>| m.map(duration_words).unwrap_or_else(|| "–".into());
    out.push(Block::Table(
        vec![
            tr("conform-element"),
            tr("conform-stage"),
            tr("conform-cases"),
            tr("conform-share"),
            tr("conform-p50"),
            tr("conform-p90"),
            tr("conform-over-standard"),
        ],
        numbers
            .elements
            .iter()
            .map(|e| {
                let stage = Stage::ALL
                    .iter()
                    .find(|s| s.key() == e.stage)
                    .map(|s| i18n.stage_name(journey, *s))
                    .unwrap_or_else(|| e.stage.clone());
                vec![
                    format!("{} ({})", e.title, e.reference),
                    stage,
                    e.cases.to_string(),
                    format!("{:.1} %", e.share * 100.0),
                    minutes(e.p50_minutes),
                    minutes(e.p90_minutes),
                    e.over_standard
                        .map(|o| format!("{:.1} %", o * 100.0))
                        .unwrap_or_else(|| "–".into()),
                ]
            })
            .collect(),
    ));
    if !numbers.unmapped.is_empty() {
        out.push(Block::Heading(tr("conform-unmapped")));
        out.push(Block::Table(
            vec![tr("conform-activity"), tr("conform-events")],
            numbers
                .unmapped
                .iter()
                .map(|u| vec![u.activity.clone(), u.events.to_string()])
                .collect(),
        ));
    }
    out
}
