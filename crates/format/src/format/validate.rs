//! Errors that make a parsed journey unusable: malformed or duplicate ids, references
//! to ids that do not exist, values off their scale. A journey with any of these is not
//! loaded. Each finding names the element by id.

use super::diagnostic::{Anchor, Finding};
use crate::model::*;
use foldhash::HashSet;
use std::path::{Component, Path};

pub const TOUCHPOINTS: &str = ElementKind::Touchpoint.section();
pub const EVIDENCE: &str = ElementKind::Evidence.section();
pub const GREY_AREAS: &str = ElementKind::GreyArea.section();
pub const STEPS: &str = ElementKind::Step.section();
pub const OPPORTUNITIES: &str = ElementKind::Opportunity.section();

pub fn validate(journey: &Journey) -> Vec<Finding> {
    let mut out = Vec::new();
    // Ids: well formed and unique within their list, for every kind.
    struct Ids<'a> {
        journey: &'a Journey,
        out: &'a mut Vec<Finding>,
    }
    impl KindVisitor for Ids<'_> {
        fn visit<T: Item>(&mut self) {
            let ids = T::list(self.journey).iter().map(Item::id);
            unique_ids(self.out, T::KIND, ids);
        }
    }
    each_kind(&mut Ids {
        journey,
        out: &mut out,
    });
    // The map's elements share one id space: a card and a step never share an id.
    struct Shared<'a> {
        journey: &'a Journey,
        owners: foldhash::HashMap<&'a str, ElementKind>,
        out: &'a mut Vec<Finding>,
    }
    impl<'a> KindVisitor for Shared<'a> {
        fn visit<T: Item>(&mut self) {
            if !T::KIND.shares_ids() {
                return;
            }
            let journey: &'a Journey = self.journey;
            for element in T::list(journey) {
                let id = element.id();
                match self.owners.get(id) {
                    Some(owner) if *owner != T::KIND => self.out.push(Finding::error(
                        Anchor::element(T::KIND.section(), id),
                        format!(
                            "{} id {id} is also a {}'s: touchpoints, steps, grey areas, \
                             evidence and opportunities share one id space",
                            T::KIND.singular(),
                            owner.singular()
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        self.owners.insert(id, T::KIND);
                    }
                }
            }
        }
    }
    each_kind(&mut Shared {
        journey,
        owners: foldhash::HashMap::default(),
        out: &mut out,
    });
    // References: every id an element names exists, for every kind.
    struct References<'a> {
        journey: &'a Journey,
        ids: std::collections::HashMap<ElementKind, HashSet<&'a str>>,
        out: &'a mut Vec<Finding>,
    }
    impl<'a> KindVisitor for References<'a> {
        fn visit<T: Item>(&mut self) {
            let journey: &'a Journey = self.journey;
            for element in T::list(journey) {
                let id = element.id();
                for r in element.references() {
                    if !self
                        .ids
                        .get(&r.kind)
                        .is_some_and(|ids| ids.contains(r.id.as_str()))
                    {
                        self.out.push(Finding::error(
                            Anchor::field(T::KIND.section(), id, r.field),
                            format!(
                                "{} {id} refers to {} \"{}\", which does not exist",
                                T::KIND.singular(),
                                r.kind.singular(),
                                r.id
                            ),
                        ));
                    }
                }
            }
        }
    }
    struct Collect<'a> {
        journey: &'a Journey,
        ids: std::collections::HashMap<ElementKind, HashSet<&'a str>>,
    }
    impl<'a> KindVisitor for Collect<'a> {
        fn visit<T: Item>(&mut self) {
            let journey: &'a Journey = self.journey;
            self.ids
                .insert(T::KIND, T::list(journey).iter().map(Item::id).collect());
        }
    }
    let mut collect = Collect {
        journey,
        ids: Default::default(),
    };
    each_kind(&mut collect);
    each_kind(&mut References {
        journey,
        ids: collect.ids,
        out: &mut out,
    });

    for t in &journey.touchpoints {
        let id = t.id.as_str();
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
    for o in &journey.opportunities {
        for (field, rating) in [("value", o.value), ("effort", o.effort)] {
            if rating.is_some_and(|r| !(1..=5).contains(&r)) {
                out.push(Finding::error(
                    Anchor::field(OPPORTUNITIES, o.id.as_str(), field),
                    format!(
                        "opportunity {}: {field} {} is outside 1..5",
                        o.id,
                        rating.unwrap_or_default()
                    ),
                ));
            }
        }
    }
    // Extra-curve scores (the curves' ids and the scores' references are checked
    // above, with every kind's): once per touchpoint, on the scale.
    for t in &journey.touchpoints {
        let id = t.id.as_str();
        let mut seen: HashSet<&str> = HashSet::default();
        for s in &t.scores {
            let curve = s.curve.as_str();
            let message = if !seen.insert(curve) {
                Some(format!("touchpoint {id} scores curve {curve:?} twice"))
            } else if !(EMOTION_MIN..=EMOTION_MAX).contains(&s.score) {
                Some(format!(
                    "touchpoint {id}: score {} on curve {curve:?} is outside the scale {EMOTION_MIN}..{EMOTION_MAX}",
                    s.score
                ))
            } else {
                None
            };
            if let Some(message) = message {
                out.push(Finding::error(
                    Anchor::field(TOUCHPOINTS, id, "scores"),
                    message,
                ));
            }
        }
    }
    validate_flow(&mut out, journey);
    validate_phases(&mut out, journey);
    if !journey.start.is_empty() && flow::read_clock(&journey.start).is_none() {
        out.push(Finding::error(
            Anchor::TopLevel("start"),
            format!(
                "start {:?} is not a time of day: write it as HH:MM, e.g. \"09:00\"",
                journey.start
            ),
        ));
    }
    for g in &journey.grey_areas {
        // Only a failing touchpoint is a break on its own.
        if g.from == g.to && g.kind != GreyAreaKind::FailingTouchpoint {
            out.push(Finding::error(
                Anchor::field(GREY_AREAS, g.id.as_str(), "to"),
                format!(
                    "grey area {} joins {} {} to itself; only a grey area of kind FailingTouchpoint may sit on one touchpoint",
                    g.id,
                    if g.from.is_step() { "step" } else { "touchpoint" },
                    g.from
                ),
            ));
        }
    }
    out
}

/// The flow runs one way (no step follows itself, directly or around a circle), and
/// each fail rate is a percentage.
fn validate_flow(out: &mut Vec<Finding>, journey: &Journey) {
    if let Some(circle) = flow::cycle(journey) {
        let names: Vec<&str> = circle.iter().map(StepId::as_str).collect();
        let message = if let [one] = names.as_slice() {
            format!("step {one} follows itself: a step cannot come after itself")
        } else {
            let mut path = names.join(" → ");
            path.push_str(" → ");
            path.push_str(names[0]);
            format!(
                "step {} is part of a circle in the flow ({path}): a step cannot come after itself",
                names[0]
            )
        };
        out.push(Finding::error(
            Anchor::field(STEPS, names[0], "after"),
            message,
        ));
    }
    for s in &journey.steps {
        if let Some(rate) = s.fail_rate
            && !(rate.is_finite() && (0.0..=100.0).contains(&rate))
        {
            out.push(Finding::error(
                Anchor::field(STEPS, s.id.as_str(), "fail_rate"),
                format!(
                    "step {}: fail rate {rate} is not a percentage from 0 to 100",
                    s.id
                ),
            ));
        }
    }
}

/// Each stage's phases are named once, and a touchpoint's or step's phase is one its
/// stage lists.
fn validate_phases(out: &mut Vec<Finding>, journey: &Journey) {
    for (stage, notes) in &journey.stages {
        let mut seen: HashSet<&str> = HashSet::default();
        for phase in &notes.phases {
            let problem = if phase.trim().is_empty() {
                Some(format!("stage {}: a phase needs a name", stage.key()))
            } else if phase.trim() != phase {
                Some(format!(
                    "stage {}: phase {phase:?} has spaces around its name",
                    stage.key()
                ))
            } else if !seen.insert(phase.as_str()) {
                Some(format!(
                    "stage {}: phase {phase:?} is listed twice",
                    stage.key()
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                out.push(Finding::error(Anchor::TopLevel("stages"), problem));
            }
        }
    }
    let listed = |stage: Stage, phase: &str| {
        journey
            .stages
            .get(&stage)
            .is_some_and(|n| n.phases.iter().any(|p| p == phase))
    };
    let unknown = |kind: &str, id: &str, stage: Stage, phase: &str| {
        let phases = journey
            .stages
            .get(&stage)
            .map(|n| n.phases.join(", "))
            .unwrap_or_default();
        if phases.is_empty() {
            format!(
                "{kind} {id} is in phase {phase:?}, but stage {} lists no phases",
                stage.key()
            )
        } else {
            format!(
                "{kind} {id} is in phase {phase:?}, which stage {} does not list (it lists {phases})",
                stage.key()
            )
        }
    };
    for t in &journey.touchpoints {
        if !t.phase.is_empty() && !listed(t.stage, &t.phase) {
            out.push(Finding::error(
                Anchor::field(TOUCHPOINTS, t.id.as_str(), "phase"),
                unknown("touchpoint", t.id.as_str(), t.stage, &t.phase),
            ));
        }
    }
    for s in &journey.steps {
        if !s.phase.is_empty() && !listed(s.stage, &s.phase) {
            out.push(Finding::error(
                Anchor::field(STEPS, s.id.as_str(), "phase"),
                unknown("step", s.id.as_str(), s.stage, &s.phase),
            ));
        }
    }
}

/// Checks ids are well formed and unique within their list; returns the set of ids.
fn unique_ids<'a>(out: &mut Vec<Finding>, kind: ElementKind, ids: impl Iterator<Item = &'a str>) {
    let (section, what) = (kind.section(), kind.singular());
    let mut seen: HashSet<&str> = HashSet::default();
    let mut repeats: std::collections::HashMap<&str, usize> = std::collections::HashMap::default();
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
}

fn validate_evidence(out: &mut Vec<Finding>, e: &Evidence) {
    let id = e.id.as_str();
    for metric in &e.metrics {
        let anchor = || Anchor::field(EVIDENCE, id, "metrics");
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

/// A date as files write it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dated {
    pub year: i32,
    pub month: Option<time::Month>,
    pub day: Option<u8>,
}

impl Dated {
    /// The last day it can mean (the year's, the month's, or the day itself).
    pub fn last_day(self) -> Option<time::Date> {
        let month = self.month.unwrap_or(time::Month::December);
        let day = self.day.unwrap_or_else(|| month.length(self.year));
        time::Date::from_calendar_date(self.year, month, day).ok()
    }
}

/// The one reading of a date in a file: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` exactly (no
/// spaces around it), a real calendar date (no 31 April, 29 February only in leap
/// years). Lints, `--stale` and the report all read dates through it.
pub fn read_date(date: &str) -> Option<Dated> {
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    let month = |m: &str| {
        number(m, 2)
            .and_then(|m| u8::try_from(m).ok())
            .and_then(|m| time::Month::try_from(m).ok())
    };
    let parts: Vec<&str> = date.split('-').collect();
    let dated = match parts.as_slice() {
        [y] => Dated {
            year: number(y, 4)?.into(),
            month: None,
            day: None,
        },
        [y, m] => Dated {
            year: number(y, 4)?.into(),
            month: Some(month(m)?),
            day: None,
        },
        [y, m, d] => Dated {
            year: number(y, 4)?.into(),
            month: Some(month(m)?),
            day: Some(u8::try_from(number(d, 2)?).ok()?),
        },
        _ => return None,
    };
    dated.last_day().map(|_| dated)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date (`read_date`).
pub fn is_valid_date(date: &str) -> bool {
    read_date(date).is_some()
}

pub fn date_message(date: &str) -> String {
    format!("date {date:?} is not a real date of the form YYYY-MM-DD, YYYY-MM or YYYY")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_valid_date("2026-11-23"));
        assert!(is_valid_date("2026-11"));
        assert!(is_valid_date("2026"));
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2026-02-29"));
        assert!(!is_valid_date("2026-02-31"));
        assert!(!is_valid_date("2026-04-31"));
        assert!(!is_valid_date("2026-13"));
        assert!(!is_valid_date("2026-00"));
        assert!(!is_valid_date("26-11-23"));
        assert!(!is_valid_date("yesterday"));
        assert!(!is_valid_date(" 2020-01-01"), "one reading: no spaces");
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
