//! Warnings: a journey that loads but is weaker than it should be. A touchpoint with
//! no evidence is an assumption; a stage with no touchpoint is a hole in the map; a
//! grey area should join neighbours; an opportunity needs an owner.

use super::diagnostic::{Anchor, Finding};
use super::validate::{
    EVIDENCE, GREY_AREAS, OPPORTUNITIES, STEPS, TOUCHPOINTS, date_message, is_valid_date,
};
use crate::model::*;
use foldhash::HashSet;

pub fn lint(journey: &Journey) -> Vec<Finding> {
    let mut out = Vec::new();
    if journey.persona.name.trim().is_empty() {
        out.push(Finding::warning(
            Anchor::TopLevel("persona"),
            "the journey names no persona: a map models one clearly named customer type",
        ));
    }
    if !journey.date.is_empty() && !is_valid_date(&journey.date) {
        out.push(Finding::warning(
            Anchor::TopLevel("date"),
            date_message(&journey.date),
        ));
    }
    for stage in Stage::ALL {
        if journey.touchpoints_in(*stage).is_empty() {
            out.push(Finding::warning(
                Anchor::TopLevel("touchpoints"),
                format!("stage {} has no touchpoint", stage.key()),
            ));
        }
    }
    if journey
        .touchpoints
        .windows(2)
        .any(|w| w[0].stage > w[1].stage)
    {
        out.push(Finding::warning(
            Anchor::TopLevel("touchpoints"),
            "touchpoints are not grouped in stage order; `journeymap fmt` will reorder them",
        ));
    }
    for t in &journey.touchpoints {
        let id = t.id.as_str();
        let anchor = || Anchor::element(TOUCHPOINTS, id);
        if t.title.trim().is_empty() {
            out.push(Finding::warning(
                anchor(),
                format!("touchpoint {id} has no title"),
            ));
        }
        match (t.evidence.is_empty(), t.deviation) {
            (true, Some(deviation)) => out.push(Finding::warning(
                anchor(),
                format!(
                    "touchpoint {id} \"{}\" is marked {} but has no evidence: a deviation from the plan needs what shows it happened",
                    t.title,
                    deviation.key()
                ),
            )),
            (true, None) => out.push(Finding::warning(
                anchor(),
                format!(
                    "touchpoint {id} \"{}\" has no evidence: it is an assumption",
                    t.title
                ),
            )),
            (false, _) => {}
        }
        match (t.deviation, &t.planned_after) {
            (Some(Deviation::OutOfOrder), None) => out.push(Finding::warning(
                anchor(),
                format!(
                    "touchpoint {id} is out of order but says nowhere where it was planned: set planned_after"
                ),
            )),
            (deviation, Some(after)) if deviation != Some(Deviation::OutOfOrder) => {
                out.push(Finding::warning(
                    anchor(),
                    format!(
                        "touchpoint {id} has planned_after {after} but is not marked OutOfOrder"
                    ),
                ))
            }
            _ => {}
        }
        if t.channel.is_none() {
            out.push(Finding::warning(
                anchor(),
                format!("touchpoint {id} \"{}\" has no channel", t.title),
            ));
        }
        if t.emotion.is_none() {
            out.push(Finding::warning(
                anchor(),
                format!("touchpoint {id} \"{}\" has no emotion score", t.title),
            ));
        }
    }
    let linked: HashSet<&EvidenceId> = journey
        .touchpoints
        .iter()
        .flat_map(|t| &t.evidence)
        .chain(journey.steps.iter().flat_map(|s| &s.evidence))
        .chain(journey.grey_areas.iter().flat_map(|g| &g.evidence))
        .collect();
    for e in &journey.evidence {
        let id = e.id.as_str();
        if !linked.contains(&e.id) {
            out.push(Finding::warning(
                Anchor::element(EVIDENCE, id),
                format!("evidence {id} is not linked to any touchpoint, step or grey area"),
            ));
        }
        if !e.date.is_empty() && !is_valid_date(&e.date) {
            out.push(Finding::warning(
                Anchor::field(EVIDENCE, id, "date"),
                format!("evidence {id}: {}", date_message(&e.date)),
            ));
        }
        for m in &e.metrics {
            if m.name == MetricName::Custom && m.label.trim().is_empty() {
                out.push(Finding::warning(
                    Anchor::field(EVIDENCE, id, "metrics"),
                    format!("evidence {id}: a Custom metric needs a label naming it"),
                ));
            }
            if m.sample_size.is_none() {
                out.push(Finding::warning(
                    Anchor::field(EVIDENCE, id, "metrics"),
                    format!(
                        "evidence {id}: metric {} has no sample size",
                        metric_name(m)
                    ),
                ));
            }
        }
        if e.kind == EvidenceKind::Metric && e.metrics.is_empty() {
            out.push(Finding::warning(
                Anchor::element(EVIDENCE, id),
                format!("evidence {id} is a metric but has no `metrics` value"),
            ));
        }
    }
    for s in &journey.steps {
        if s.fail_point && s.evidence.is_empty() {
            out.push(Finding::warning(
                Anchor::field(STEPS, s.id.as_str(), "fail_point"),
                format!(
                    "step {}: a fail point with no evidence; link what shows it fails",
                    s.id
                ),
            ));
        }
    }
    for g in &journey.grey_areas {
        let id = g.id.as_str();
        let both_exist = g
            .from
            .touchpoint()
            .is_some_and(|t| journey.touchpoint(t).is_some())
            && g.to
                .touchpoint()
                .is_some_and(|t| journey.touchpoint(t).is_some());
        // A failing touchpoint's grey area sits on the one touchpoint (validation
        // allows nothing else to).
        let on_one = g.from == g.to;
        if both_exist && !on_one && !journey.are_neighbours(&g.from, &g.to) {
            out.push(Finding::warning(
                Anchor::field(GREY_AREAS, id, "to"),
                format!(
                    "grey area {id}: touchpoints {} and {} are not neighbours in the journey",
                    g.from, g.to
                ),
            ));
        }
        if g.evidence.is_empty() {
            out.push(Finding::warning(
                Anchor::element(GREY_AREAS, id),
                format!("grey area {id} has no evidence"),
            ));
        }
    }
    colours_apart(journey, &mut out);
    for o in &journey.opportunities {
        if o.owner.trim().is_empty() {
            let id = o.id.as_str();
            out.push(Finding::warning(
                Anchor::element(OPPORTUNITIES, id),
                format!("opportunity {id} has no owner"),
            ));
        }
    }
    out
}

/// Two entries of one catalogue (channels, departments, actors, curves) whose colours a
/// colour-blind reader, or anyone, would take for one another: warned at the later
/// one's colour. Each entry is compared with those before it in its cells of a grid of
/// ΔE-sized cubes (one grid per vision), so the check stays linear in the catalogue and
/// each entry is named once.
fn colours_apart(journey: &Journey, out: &mut Vec<Finding>) {
    type Entries<'a> = Vec<(&'a str, &'a str, Rgb)>;
    let catalogues: [(ElementKind, Entries<'_>); 4] = [
        (
            ElementKind::Channel,
            journey
                .channels
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str(), c.colour))
                .collect(),
        ),
        (
            ElementKind::Department,
            journey
                .departments
                .iter()
                .map(|d| (d.id.as_str(), d.name.as_str(), d.colour))
                .collect(),
        ),
        (
            ElementKind::Actor,
            journey
                .actors
                .iter()
                .map(|a| (a.id.as_str(), a.name.as_str(), a.colour))
                .collect(),
        ),
        (
            ElementKind::Curve,
            journey
                .curves
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str(), c.colour))
                .collect(),
        ),
    ];
    let visions = [None, Some(Vision::Deuteranopia), Some(Vision::Protanopia)];
    for (kind, entries) in catalogues {
        let mut grids: [foldhash::HashMap<[i64; 3], Vec<usize>>; 3] = Default::default();
        for (i, &(id, name, colour)) in entries.iter().enumerate() {
            let mut close: Option<(usize, f64, Option<Vision>)> = None;
            for (grid, vision) in grids.iter_mut().zip(visions) {
                let lab = colour.lab(vision);
                let cell = lab.map(|v| (v / LEAST_DISTANCE).floor() as i64);
                if close.is_none() {
                    'cells: for dx in -1..=1 {
                        for dy in -1..=1 {
                            for dz in -1..=1 {
                                let near = [cell[0] + dx, cell[1] + dy, cell[2] + dz];
                                for &j in grid.get(&near).into_iter().flatten() {
                                    let distance = colour.distance(entries[j].2, vision);
                                    if distance < LEAST_DISTANCE {
                                        close = Some((j, distance, vision));
                                        break 'cells;
                                    }
                                }
                            }
                        }
                    }
                }
                grid.entry(cell).or_default().push(i);
            }
            let Some((j, distance, vision)) = close else {
                continue;
            };
            let (other_id, other_name, other_colour) = entries[j];
            let who = match vision {
                None => "anyone".to_owned(),
                Some(Vision::Deuteranopia) => "a reader with deuteranopia".to_owned(),
                Some(Vision::Protanopia) => "a reader with protanopia".to_owned(),
            };
            out.push(Finding::warning(
                Anchor::field(kind.section(), id, "colour"),
                format!(
                    "{} {id} \"{name}\" ({colour}) and {other_id} \"{other_name}\" ({other_colour}) look alike to {who} (ΔE {distance:.1}, under {LEAST_DISTANCE}): pick colours everyone can tell apart",
                    kind.singular(),
                ),
            ));
        }
    }
}

/// A metric's name in a message: its label, or its standard name.
fn metric_name(m: &crate::model::Metric) -> String {
    if m.label.trim().is_empty() {
        m.name.key().to_uppercase()
    } else {
        m.label.clone()
    }
}
