//! Errors that make a parsed journey unusable: malformed or duplicate ids, references
//! to ids that do not exist, values off their scale. A journey with any of these is not
//! loaded. Each finding names the element by id.

use super::diagnostic::{Anchor, Finding};
use crate::model::*;
use std::collections::HashSet;
use std::path::{Component, Path};

pub const CHANNELS: &str = "channels";
pub const DEPARTMENTS: &str = "departments";
pub const TOUCHPOINTS: &str = "touchpoints";
pub const EVIDENCE: &str = "evidence";
pub const GREY_AREAS: &str = "grey_areas";
pub const OPPORTUNITIES: &str = "opportunities";

pub fn validate(journey: &Journey) -> Vec<Finding> {
    let mut out = Vec::new();
    let channels = unique_ids(
        &mut out,
        CHANNELS,
        "channel",
        journey.channels.iter().map(|c| c.id.as_str()),
    );
    let departments = unique_ids(
        &mut out,
        DEPARTMENTS,
        "department",
        journey.departments.iter().map(|d| d.id.as_str()),
    );
    let touchpoints = unique_ids(
        &mut out,
        TOUCHPOINTS,
        "touchpoint",
        journey.touchpoints.iter().map(|t| t.id.as_str()),
    );
    let evidence = unique_ids(
        &mut out,
        EVIDENCE,
        "evidence",
        journey.evidence.iter().map(|e| e.id.as_str()),
    );
    let grey_areas = unique_ids(
        &mut out,
        GREY_AREAS,
        "grey area",
        journey.grey_areas.iter().map(|g| g.id.as_str()),
    );
    unique_ids(
        &mut out,
        OPPORTUNITIES,
        "opportunity",
        journey.opportunities.iter().map(|o| o.id.as_str()),
    );

    for t in &journey.touchpoints {
        let id = t.id.as_str();
        let missing = |field, what: &str, target: &str| {
            Finding::error(
                Anchor::field(TOUCHPOINTS, id, field),
                format!("touchpoint {id} refers to {what} \"{target}\", which does not exist"),
            )
        };
        if let Some(channel) = t
            .channel
            .as_ref()
            .filter(|c| !channels.contains(c.as_str()))
        {
            out.push(missing("channel", "channel", channel.as_str()));
        }
        if let Some(dept) = t
            .department
            .as_ref()
            .filter(|d| !departments.contains(d.as_str()))
        {
            out.push(missing("department", "department", dept.as_str()));
        }
        for link in t.evidence.iter().filter(|e| !evidence.contains(e.as_str())) {
            out.push(missing("evidence", "evidence", link.as_str()));
        }
        if let Some(emotion) = &t.emotion
            && !(EMOTION_MIN..=EMOTION_MAX).contains(&emotion.score)
        {
            out.push(Finding::error(
                Anchor::field(TOUCHPOINTS, id, "emotion"),
                format!(
                    "touchpoint {id}: emotion score {} is outside the scale {EMOTION_MIN}..{EMOTION_MAX}",
                    emotion.score
                ),
            ));
        }
    }
    for e in &journey.evidence {
        validate_evidence(&mut out, e);
    }
    for g in &journey.grey_areas {
        let id = g.id.as_str();
        let missing = |field, what: &str, target: &str| {
            Finding::error(
                Anchor::field(GREY_AREAS, id, field),
                format!("grey area {id} refers to {what} \"{target}\", which does not exist"),
            )
        };
        for (field, end) in [("from", &g.from), ("to", &g.to)] {
            if !touchpoints.contains(end.as_str()) {
                out.push(missing(field, "touchpoint", end.as_str()));
            }
        }
        if g.from == g.to {
            out.push(Finding::error(
                Anchor::field(GREY_AREAS, id, "to"),
                format!("grey area {id} joins touchpoint {} to itself", g.from),
            ));
        }
        for c in g.channels.iter().filter(|c| !channels.contains(c.as_str())) {
            out.push(missing("channels", "channel", c.as_str()));
        }
        for d in g
            .departments
            .iter()
            .filter(|d| !departments.contains(d.as_str()))
        {
            out.push(missing("departments", "department", d.as_str()));
        }
        for e in g.evidence.iter().filter(|e| !evidence.contains(e.as_str())) {
            out.push(missing("evidence", "evidence", e.as_str()));
        }
    }
    for o in &journey.opportunities {
        let id = o.id.as_str();
        let (exists, what, target) = match &o.target {
            OpportunityTarget::Touchpoint(t) => {
                (touchpoints.contains(t.as_str()), "touchpoint", t.as_str())
            }
            OpportunityTarget::GreyArea(g) => {
                (grey_areas.contains(g.as_str()), "grey area", g.as_str())
            }
        };
        if !exists {
            out.push(Finding::error(
                Anchor::field(OPPORTUNITIES, id, "target"),
                format!("opportunity {id} refers to {what} \"{target}\", which does not exist"),
            ));
        }
    }
    out
}

/// Checks ids are well formed and unique within their list; returns the set of ids.
fn unique_ids<'a>(
    out: &mut Vec<Finding>,
    section: &'static str,
    what: &str,
    ids: impl Iterator<Item = &'a str>,
) -> HashSet<&'a str> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut repeats: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for id in ids {
        if !is_valid_id(id) {
            out.push(Finding::error(
                Anchor::element(section, id),
                format!(
                    "{what} id {id:?} is not valid: use 1 to 64 lowercase letters, digits, '-' or '_'"
                ),
            ));
        }
        if !seen.insert(id) {
            let occurrence = repeats.entry(id).or_insert(0);
            *occurrence += 1;
            out.push(Finding::error(
                Anchor::Element {
                    section,
                    id: id.to_owned(),
                    occurrence: *occurrence,
                    field: None,
                },
                format!("duplicate {what} id {id}"),
            ));
        }
    }
    seen
}

fn validate_evidence(out: &mut Vec<Finding>, e: &Evidence) {
    let id = e.id.as_str();
    if let Some(metric) = &e.metric {
        let anchor = || Anchor::field(EVIDENCE, id, "metric");
        if !metric.value.is_finite() {
            out.push(Finding::error(
                anchor(),
                format!("evidence {id}: metric value must be a number"),
            ));
        } else if metric.name == MetricName::Nps && !(-100.0..=100.0).contains(&metric.value) {
            out.push(Finding::error(
                anchor(),
                format!("evidence {id}: NPS {} is outside -100..100", metric.value),
            ));
        }
    }
    for path in &e.attachments {
        if let Err(reason) = check_attachment_path(path) {
            out.push(Finding::error(
                Anchor::field(EVIDENCE, id, "attachments"),
                format!("evidence {id}: attachment {path:?} {reason}"),
            ));
        }
    }
}

/// Attachments are relative paths that stay inside the journey's folder.
pub fn check_attachment_path(path: &str) -> Result<(), &'static str> {
    if path.trim().is_empty() {
        return Err("is empty");
    }
    if path.contains('\\') {
        return Err("must use '/' as separator");
    }
    let mut depth: i32 = 0;
    for component in Path::new(path).components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return Err("points outside the journey's folder");
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err("must be relative to the journey's folder");
            }
        }
    }
    Ok(())
}

/// `YYYY-MM-DD` or `YYYY-MM` with a plausible month and day.
pub fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y, m] => number(y, 4).is_some() && number(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => {
            number(y, 4).is_some()
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

pub fn date_message(date: &str) -> String {
    format!("date {date:?} is not of the form YYYY-MM-DD or YYYY-MM")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_valid_date("2026-11-23"));
        assert!(is_valid_date("2026-11"));
        assert!(!is_valid_date("2026-13"));
        assert!(!is_valid_date("26-11-23"));
        assert!(!is_valid_date("yesterday"));
    }

    #[test]
    fn attachment_paths() {
        assert!(check_attachment_path("photos/wall.jpg").is_ok());
        assert!(check_attachment_path("a/../b.png").is_ok());
        assert!(check_attachment_path("../secret.png").is_err());
        assert!(check_attachment_path("/etc/passwd").is_err());
        assert!(check_attachment_path("a/../../b").is_err());
    }
}
