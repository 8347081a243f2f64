//! Three-way merge of journeys, element by element, by id (git's merge-driver job).
//!
//! - Edits to different elements, or to different fields of one element, merge cleanly.
//! - Lists inside an element (pain points, evidence links) merge as sets.
//! - Both sides adding elements keeps both; when both picked the same new id (both
//!   added `tp-17`), theirs is renumbered along with every reference to it.
//! - A deletion on one side and an edit on the other, or one field changed differently
//!   on both sides, is a conflict. The result keeps ours, and `to_text` writes both
//!   values between git-style markers at the exact lines, so nothing is lost and the
//!   file refuses to load until a person picks.

mod markers;

pub use markers::to_text;

use crate::diff::{Kind, Named, Value, fields};
use crate::model::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::{BTreeSet, HashMap};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: Kind,
    pub id: String,
    pub name: String,
    /// The field, or None when one side deleted the element the other edited.
    pub field: Option<String>,
    pub ours: String,
    pub theirs: String,
    /// For a field conflict, theirs' whole top-level field as canonical lines.
    theirs_lines: Vec<String>,
    /// For a delete/edit conflict: true when ours deleted it.
    deleted_by_ours: bool,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = self.kind.singular();
        match &self.field {
            Some(field) => write!(
                f,
                "{kind} {} \"{}\": {field} changed on both sides: ours {} / theirs {}",
                self.id, self.name, self.ours, self.theirs
            ),
            None if self.deleted_by_ours => {
                write!(
                    f,
                    "{kind} {} \"{}\": deleted in ours, edited in theirs (kept)",
                    self.id, self.name
                )
            }
            None => write!(
                f,
                "{kind} {} \"{}\": deleted in theirs, edited in ours (kept)",
                self.id, self.name
            ),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Merged {
    pub journey: Journey,
    pub conflicts: Vec<Conflict>,
    /// Ids of theirs renamed because both sides added the same id: (old, new).
    pub renamed: Vec<(String, String)>,
}

trait Element: Named + DeserializeOwned + Clone + PartialEq {}
impl<T: Named + DeserializeOwned + Clone + PartialEq> Element for T {}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &Journey, ours: &Journey, theirs: &Journey) -> Merged {
    let mut theirs = theirs.clone();
    let renamed = rename_colliding_additions(base, ours, &mut theirs);
    let mut conflicts = Vec::new();
    let mut journey = ours.clone();
    journey.touchpoints = merge_list(
        Kind::Touchpoint,
        &base.touchpoints,
        &ours.touchpoints,
        &theirs.touchpoints,
        &mut conflicts,
    );
    journey.grey_areas = merge_list(
        Kind::GreyArea,
        &base.grey_areas,
        &ours.grey_areas,
        &theirs.grey_areas,
        &mut conflicts,
    );
    journey.evidence = merge_list(
        Kind::Evidence,
        &base.evidence,
        &ours.evidence,
        &theirs.evidence,
        &mut conflicts,
    );
    journey.opportunities = merge_list(
        Kind::Opportunity,
        &base.opportunities,
        &ours.opportunities,
        &theirs.opportunities,
        &mut conflicts,
    );
    journey.channels = merge_list(
        Kind::Channel,
        &base.channels,
        &ours.channels,
        &theirs.channels,
        &mut conflicts,
    );
    journey.departments = merge_list(
        Kind::Department,
        &base.departments,
        &ours.departments,
        &theirs.departments,
        &mut conflicts,
    );
    merge_header(base, ours, &theirs, &mut journey, &mut conflicts);
    journey.normalize();
    Merged {
        journey,
        conflicts,
        renamed,
    }
}

/// Ids both sides added with different content: theirs gets a fresh id.
fn rename_colliding_additions(
    base: &Journey,
    ours: &Journey,
    theirs: &mut Journey,
) -> Vec<(String, String)> {
    let mut renamed = Vec::new();
    macro_rules! collisions {
        ($list:ident, $prefix:expr, $rename:ident) => {{
            let taken: BTreeSet<String> = base
                .$list
                .iter()
                .chain(&ours.$list)
                .chain(&theirs.$list)
                .map(|e| e.id.to_string())
                .collect();
            let mut taken = taken;
            let colliding: Vec<String> = theirs
                .$list
                .iter()
                .filter(|t| !base.$list.iter().any(|b| b.id == t.id))
                .filter(|t| ours.$list.iter().any(|o| o.id == t.id && o != *t))
                .map(|t| t.id.to_string())
                .collect();
            for old in colliding {
                let new = next_numbered_id($prefix, taken.iter().map(String::as_str));
                taken.insert(new.clone());
                $rename(theirs, &old, &new);
                renamed.push((old, new));
            }
        }};
    }
    collisions!(touchpoints, TouchpointId::PREFIX, rename_touchpoint);
    collisions!(evidence, EvidenceId::PREFIX, rename_evidence);
    collisions!(grey_areas, GreyAreaId::PREFIX, rename_grey_area);
    collisions!(opportunities, OpportunityId::PREFIX, rename_opportunity);
    renamed
}

fn rename_touchpoint(j: &mut Journey, old: &str, new: &str) {
    for t in j.touchpoints.iter_mut().filter(|t| t.id.as_str() == old) {
        t.id = TouchpointId::new(new);
    }
    for g in &mut j.grey_areas {
        for end in [&mut g.from, &mut g.to] {
            if end.as_str() == old {
                *end = TouchpointId::new(new);
            }
        }
    }
    for o in &mut j.opportunities {
        if matches!(&o.target, OpportunityTarget::Touchpoint(t) if t.as_str() == old) {
            o.target = OpportunityTarget::Touchpoint(TouchpointId::new(new));
        }
    }
}

fn rename_evidence(j: &mut Journey, old: &str, new: &str) {
    for e in j.evidence.iter_mut().filter(|e| e.id.as_str() == old) {
        e.id = EvidenceId::new(new);
    }
    let links = j.touchpoints.iter_mut().flat_map(|t| t.evidence.iter_mut());
    let grey_links = j.grey_areas.iter_mut().flat_map(|g| g.evidence.iter_mut());
    for link in links.chain(grey_links).filter(|l| l.as_str() == old) {
        *link = EvidenceId::new(new);
    }
}

fn rename_grey_area(j: &mut Journey, old: &str, new: &str) {
    for g in j.grey_areas.iter_mut().filter(|g| g.id.as_str() == old) {
        g.id = GreyAreaId::new(new);
    }
    for o in &mut j.opportunities {
        if matches!(&o.target, OpportunityTarget::GreyArea(g) if g.as_str() == old) {
            o.target = OpportunityTarget::GreyArea(GreyAreaId::new(new));
        }
    }
}

fn rename_opportunity(j: &mut Journey, old: &str, new: &str) {
    for o in j.opportunities.iter_mut().filter(|o| o.id.as_str() == old) {
        o.id = OpportunityId::new(new);
    }
}

fn merge_list<T: Element>(
    kind: Kind,
    base: &[T],
    ours: &[T],
    theirs: &[T],
    conflicts: &mut Vec<Conflict>,
) -> Vec<T> {
    let base_by_id: HashMap<&str, &T> = base.iter().map(|e| (e.id(), e)).collect();
    let theirs_by_id: HashMap<&str, &T> = theirs.iter().map(|e| (e.id(), e)).collect();
    let ours_ids: BTreeSet<&str> = ours.iter().map(Named::id).collect();
    let mut result: Vec<T> = Vec::with_capacity(ours.len().max(theirs.len()));
    for o in ours {
        match (base_by_id.get(o.id()), theirs_by_id.get(o.id())) {
            (Some(b), Some(t)) => result.push(merge_element(kind, b, o, t, conflicts)),
            (None, _) => result.push(o.clone()), // added by ours (or by both, identically)
            (Some(b), None) if *b == o => {}     // deleted by theirs, untouched by ours
            (Some(_), None) => {
                conflicts.push(delete_conflict(kind, o, false));
                result.push(o.clone());
            }
        }
    }
    // Theirs-only elements go after their predecessor in theirs' order.
    for (index, t) in theirs.iter().enumerate() {
        if ours_ids.contains(t.id()) {
            continue;
        }
        match base_by_id.get(t.id()) {
            Some(b) if *b == t => continue, // deleted by ours, untouched by theirs
            Some(_) => conflicts.push(delete_conflict(kind, t, true)),
            None => {}
        }
        let after = theirs[..index]
            .iter()
            .rev()
            .find_map(|p| result.iter().position(|r| r.id() == p.id()));
        let mut at = after.map_or(0, |p| p + 1);
        // After ours' own additions at the same place: ours first, then theirs.
        while at < result.len()
            && !base_by_id.contains_key(result[at].id())
            && !theirs_by_id.contains_key(result[at].id())
        {
            at += 1;
        }
        result.insert(at, t.clone());
    }
    result
}

fn delete_conflict<T: Element>(kind: Kind, kept: &T, deleted_by_ours: bool) -> Conflict {
    Conflict {
        kind,
        id: kept.id().to_owned(),
        name: kept.name(),
        field: None,
        ours: String::new(),
        theirs: String::new(),
        theirs_lines: Vec::new(),
        deleted_by_ours,
    }
}

/// Field-by-field three-way merge of one element.
fn merge_element<T: Element>(
    kind: Kind,
    base: &T,
    ours: &T,
    theirs: &T,
    conflicts: &mut Vec<Conflict>,
) -> T {
    if ours == theirs || theirs == base {
        return ours.clone();
    }
    if ours == base {
        return theirs.clone();
    }
    let (b, o, t) = (fields(base), fields(ours), fields(theirs));
    let mut names: Vec<&String> = o.iter().map(|(n, _)| n).collect();
    for (n, _) in &t {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    let get = |list: &[(String, Value)], name: &str| {
        list.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    };
    let mut merged: Vec<(String, Value)> = Vec::new();
    for name in names {
        let (bv, ov, tv) = (get(&b, name), get(&o, name), get(&t, name));
        let value = if ov == tv || tv == bv {
            ov
        } else if ov == bv {
            tv
        } else if let (Some(Value::List(ol)), Some(Value::List(tl))) = (&ov, &tv) {
            let bl = match &bv {
                Some(Value::List(items)) => items.clone(),
                _ => Vec::new(),
            };
            let mut items = ol.clone();
            items.extend(
                tl.iter()
                    .filter(|x| !bl.contains(x) && !ol.contains(x))
                    .cloned(),
            );
            // Drop what theirs removed (in base, gone from theirs).
            items.retain(|x| !bl.contains(x) || tl.contains(x));
            Some(Value::List(items))
        } else {
            let show = |v: &Option<Value>| match v {
                Some(Value::Scalar(s)) => s.clone(),
                Some(Value::List(items)) => format!("[{}]", items.join(", ")),
                None => "(none)".to_owned(),
            };
            let top = name.split('.').next().unwrap_or(name);
            conflicts.push(Conflict {
                kind,
                id: ours.id().to_owned(),
                name: ours.name(),
                field: Some(name.clone()),
                ours: show(&ov),
                theirs: show(&tv),
                theirs_lines: field_lines(theirs, top),
                deleted_by_ours: false,
            });
            ov
        };
        if let Some(value) = value {
            merged.push((name.clone(), value));
        }
    }
    rebuild(&merged).unwrap_or_else(|| ours.clone())
}

/// An element from flattened fields: `(a: 1, e: (score: 1, word: "x"), l: [..])`.
fn rebuild<T: DeserializeOwned>(fields: &[(String, Value)]) -> Option<T> {
    let mut parts: Vec<String> = Vec::new();
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for (name, value) in fields {
        let value = match value {
            Value::Scalar(s) => s.clone(),
            Value::List(items) => format!("[{}]", items.join(", ")),
        };
        match name.split_once('.') {
            Some((group, sub)) => match groups.iter_mut().find(|(g, _)| g == group) {
                Some((_, subs)) => subs.push(format!("{sub}: {value}")),
                None => {
                    parts.push(format!("\u{0}{group}"));
                    groups.push((group.to_owned(), vec![format!("{sub}: {value}")]));
                }
            },
            None => parts.push(format!("{name}: {value}")),
        }
    }
    let parts: Vec<String> = parts
        .into_iter()
        .map(|p| match p.strip_prefix('\u{0}') {
            Some(group) => {
                let subs = groups
                    .iter()
                    .find(|(g, _)| g == group)
                    .map(|(_, s)| s.join(", "))
                    .unwrap_or_default();
                format!("{group}: ({subs})")
            }
            None => p,
        })
        .collect();
    let text = format!("({})", parts.join(", "));
    crate::format::ron_options().from_str(&text).ok()
}

/// The canonical lines of one top-level field of an element (indented as in a file's
/// element, four spaces in from the element).
fn field_lines<T: Serialize>(element: &T, field: &str) -> Vec<String> {
    let Ok(text) = crate::format::pretty(element) else {
        return Vec::new();
    };
    let lines: Vec<&str> = text.lines().collect();
    let prefix = format!("    {field}: ");
    let Some(start) = lines.iter().position(|l| l.starts_with(&prefix)) else {
        return Vec::new();
    };
    let mut end = start + 1;
    while end < lines.len() && lines[end].starts_with("        ") {
        end += 1;
    }
    // Include the closing bracket line of a multi-line value.
    if end > start + 1
        && end < lines.len()
        && lines[end].starts_with("    ")
        && !lines[end].starts_with("     ")
    {
        let trimmed = lines[end].trim();
        if trimmed.starts_with(')') || trimmed.starts_with(']') || trimmed.starts_with('}') {
            end += 1;
        }
    }
    lines[start..end].iter().map(|l| l.to_string()).collect()
}

fn merge_header(
    base: &Journey,
    ours: &Journey,
    theirs: &Journey,
    journey: &mut Journey,
    conflicts: &mut Vec<Conflict>,
) {
    let (b, o, t) = (base.header(), ours.header(), theirs.header());
    let pick = |b: &String, o: &String, t: &String| if o == b { t.clone() } else { o.clone() };
    let mut header = o.clone();
    header.title = pick(&b.title, &o.title, &t.title);
    header.date = pick(&b.date, &o.date, &t.date);
    header.scenario = pick(&b.scenario, &o.scenario, &t.scenario);
    if o.state == b.state {
        header.state = t.state;
    }
    if o.language == b.language {
        header.language = t.language;
    }
    if o.persona == b.persona {
        header.persona = t.persona.clone();
    }
    for stage in Stage::ALL {
        let (bn, on, tn) = (
            b.stages.get(stage),
            o.stages.get(stage),
            t.stages.get(stage),
        );
        if on == bn {
            match tn {
                Some(notes) => header.stages.insert(*stage, notes.clone()),
                None => header.stages.remove(stage),
            };
        }
    }
    // A header field both sides changed differently is a conflict: ours is kept and
    // theirs is written beside it. Stage notes conflict per stage.
    let stage_conflict = Stage::ALL.iter().any(|s| {
        let (bn, on, tn) = (b.stages.get(s), o.stages.get(s), t.stages.get(s));
        on != bn && tn != bn && on != tn
    });
    for field in [
        "title", "language", "state", "date", "scenario", "persona", "stages",
    ] {
        let (bl, ol, tl) = (
            field_lines(base, field),
            field_lines(ours, field),
            field_lines(theirs, field),
        );
        let both_changed = ol != bl && tl != bl && ol != tl;
        if both_changed && (field != "stages" || stage_conflict) {
            let show = |lines: &[String]| {
                let text: Vec<&str> = lines.iter().map(|l| l.trim()).collect();
                let text = text.join(" ");
                text.strip_prefix(&format!("{field}: "))
                    .unwrap_or(&text)
                    .trim_end_matches(',')
                    .to_owned()
            };
            conflicts.push(Conflict {
                kind: Kind::Touchpoint,
                id: "journey".to_owned(),
                name: ours.title.clone(),
                field: Some(field.to_owned()),
                ours: show(&ol),
                theirs: show(&tl),
                theirs_lines: tl,
                deleted_by_ours: false,
            });
        }
    }
    journey.set_header(header);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Journey {
        let mut j = Journey::new("Base", Language::En);
        for (n, stage) in [Stage::Awareness, Stage::Usage].iter().enumerate() {
            let mut tp = Touchpoint::new(
                TouchpointId(format!("tp-{}", n + 1)),
                *stage,
                format!("Step {}", n + 1),
            );
            tp.emotion = Some(Emotion {
                score: 0,
                word: String::new(),
            });
            j.touchpoints.push(tp);
        }
        j
    }

    #[test]
    fn different_fields_of_one_touchpoint_merge() {
        let base = base();
        let mut ours = base.clone();
        ours.touchpoints[0].title = "Ours".into();
        let mut theirs = base.clone();
        theirs.touchpoints[0].emotion = Some(Emotion {
            score: -2,
            word: "angry".into(),
        });
        theirs.touchpoints[0].pain_points.push("slow".into());
        let merged = merge(&base, &ours, &theirs);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let tp = &merged.journey.touchpoints[0];
        assert_eq!(tp.title, "Ours");
        assert_eq!(tp.emotion_score(), Some(-2));
        assert_eq!(tp.pain_points, ["slow"]);
    }

    #[test]
    fn the_same_field_changed_twice_conflicts_and_keeps_both() {
        let base = base();
        let mut ours = base.clone();
        ours.touchpoints[1].title = "Call centre".into();
        let mut theirs = base.clone();
        theirs.touchpoints[1].title = "Contact centre".into();
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        let text = to_text(&merged).unwrap();
        assert!(text.contains("<<<<<<< ours\n            title: \"Call centre\",\n=======\n            title: \"Contact centre\",\n>>>>>>> theirs"), "{text}");
        assert!(crate::format::parse(&text).is_err());
    }

    #[test]
    fn both_adding_the_same_id_keeps_both() {
        let base = base();
        let mut ours = base.clone();
        ours.touchpoints
            .push(Touchpoint::new("tp-3".into(), Stage::Usage, "Ours added"));
        let mut theirs = base.clone();
        theirs
            .touchpoints
            .push(Touchpoint::new("tp-3".into(), Stage::Usage, "Theirs added"));
        theirs.opportunities.push(Opportunity {
            id: "op-1".into(),
            target: OpportunityTarget::Touchpoint("tp-3".into()),
            idea: "x".into(),
            expected_effect: String::new(),
            owner: "o".into(),
            status: OpportunityStatus::Idea,
        });
        let merged = merge(&base, &ours, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.renamed, [("tp-3".to_owned(), "tp-4".to_owned())]);
        let titles: Vec<&str> = merged
            .journey
            .touchpoints_in(Stage::Usage)
            .iter()
            .map(|t| t.title.as_str())
            .collect();
        assert_eq!(titles, ["Step 2", "Ours added", "Theirs added"]);
        assert_eq!(
            merged.journey.opportunities[0].target,
            OpportunityTarget::Touchpoint("tp-4".into())
        );
    }

    #[test]
    fn header_conflicts_keep_both_values() {
        let base = base();
        let mut ours = base.clone();
        ours.persona.name = "Ana".into();
        ours.scenario = "Ours".into();
        let mut theirs = base.clone();
        theirs.persona.name = "Bea".into();
        theirs.state = JourneyState::Future;
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(
            merged.journey.state,
            JourneyState::Future,
            "one-sided changes merge"
        );
        assert_eq!(merged.journey.scenario, "Ours");
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        let text = to_text(&merged).unwrap();
        assert!(
            text.contains("name: \"Ana\"") && text.contains("name: \"Bea\""),
            "{text}"
        );
        assert!(
            text.contains("<<<<<<< ours\n    persona: Persona("),
            "{text}"
        );
    }

    #[test]
    fn delete_against_edit_conflicts() {
        let base = base();
        let mut ours = base.clone();
        ours.touchpoints.remove(0);
        let mut theirs = base.clone();
        theirs.touchpoints[0].title = "Edited".into();
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert!(
            merged.conflicts[0]
                .to_string()
                .contains("deleted in ours, edited in theirs")
        );
        let text = to_text(&merged).unwrap();
        assert!(
            text.contains("<<<<<<< ours\n=======\n        Touchpoint(\n            id: \"tp-1\","),
            "{text}"
        );
    }
}
