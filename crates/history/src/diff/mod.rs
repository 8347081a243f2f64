//! Semantic diff of two journeys: elements matched by id, changes named in the domain's
//! terms (touchpoint added, moved to another stage, emotion -1 -> -2, grey area
//! resolved...). Values are compared as trees read through serde (`crate::tree`), so
//! every field at any depth is seen, and values read exactly as in the file.

use crate::model::*;
use crate::tree::Node;
use similar::{Algorithm, DiffOp, capture_diff_slices};

pub use crate::model::ElementKind as Kind;
pub use render::{escape_markdown, render_markdown, render_text};

mod fields;
mod render;

pub use fields::{FieldChange, field_changes};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Header(FieldChange),
    Added {
        kind: Kind,
        id: String,
        name: String,
    },
    Removed {
        kind: Kind,
        id: String,
        name: String,
    },
    /// A touchpoint moved to another stage.
    Moved {
        id: String,
        name: String,
        from: Stage,
        to: Stage,
    },
    /// An element changed place in its list (a touchpoint, within its stage).
    Reordered {
        kind: Kind,
        id: String,
        name: String,
        stage: Option<Stage>,
    },
    Edited {
        kind: Kind,
        id: String,
        name: String,
        changes: Vec<FieldChange>,
    },
    /// A grey area whose status became resolved.
    Resolved {
        id: String,
        name: String,
    },
}

impl Change {
    /// The element the change is about, if any (the header is not an element).
    pub fn element(&self) -> Option<(Kind, &str)> {
        match self {
            Change::Header(_) => None,
            Change::Added { kind, id, .. }
            | Change::Removed { kind, id, .. }
            | Change::Reordered { kind, id, .. }
            | Change::Edited { kind, id, .. } => Some((*kind, id)),
            Change::Moved { id, .. } => Some((Kind::Touchpoint, id)),
            Change::Resolved { id, .. } => Some((Kind::GreyArea, id)),
        }
    }
}

/// A tree that cannot be built is an empty struct: never happens for journey types,
/// whose every value serializes.
fn tree<T: serde::Serialize>(value: &T) -> Node {
    Node::of(value).unwrap_or(Node::Struct(Vec::new()))
}

fn elements<T: Item>(out: &mut Vec<Change>, old: &[T], new: &[T], skip: &[&str]) {
    use foldhash::HashMap;
    let old_by_id: HashMap<&str, &T> = old.iter().map(|e| (e.id(), e)).collect();
    let new_by_id: HashMap<&str, &T> = new.iter().map(|e| (e.id(), e)).collect();
    for e in new.iter().filter(|e| !old_by_id.contains_key(e.id())) {
        out.push(Change::Added {
            kind: T::KIND,
            id: e.id().to_owned(),
            name: e.name(),
        });
    }
    for e in old.iter().filter(|e| !new_by_id.contains_key(e.id())) {
        out.push(Change::Removed {
            kind: T::KIND,
            id: e.id().to_owned(),
            name: e.name(),
        });
    }
    for e in new {
        let Some(before) = old_by_id.get(e.id()) else {
            continue;
        };
        if *before == e {
            continue;
        }
        let changes = field_changes(&tree(*before), &tree(e), skip);
        if !changes.is_empty() {
            out.push(Change::Edited {
                kind: T::KIND,
                id: e.id().to_owned(),
                name: e.name(),
                changes,
            });
        }
    }
}

/// Ids in `b` that changed place relative to the others both lists hold: those
/// outside a longest common subsequence.
fn moved_ids(a: &[&str], b: &[&str]) -> Vec<usize> {
    if a == b {
        return Vec::new();
    }
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        if let DiffOp::Insert {
            new_index, new_len, ..
        }
        | DiffOp::Replace {
            new_index, new_len, ..
        } = op
        {
            out.extend(new_index..new_index + new_len);
        }
    }
    out
}

struct Diff<'a> {
    old: &'a Journey,
    new: &'a Journey,
    out: Vec<Change>,
}

impl KindVisitor for Diff<'_> {
    fn visit<T: Item>(&mut self) {
        let (old, new) = (self.old, self.new);
        let mut changes = Vec::new();
        if T::KIND == Kind::Touchpoint {
            elements(&mut changes, &old.touchpoints, &new.touchpoints, &["stage"]);
            touchpoint_moves(&mut changes, old, new);
        } else {
            elements(&mut changes, T::list(old), T::list(new), &[]);
            let b = stayed::<T>(new, old);
            for index in moved_ids(&stayed::<T>(old, new), &b) {
                let name = T::list(new)
                    .iter()
                    .find(|e| e.id() == b[index])
                    .map(Item::name)
                    .unwrap_or_default();
                changes.push(Change::Reordered {
                    kind: T::KIND,
                    id: b[index].to_owned(),
                    name,
                    stage: None,
                });
            }
        }
        if T::KIND == Kind::GreyArea {
            say_resolved(&mut changes, old, new);
        }
        self.out.extend(changes);
    }
}

/// Ids of `journey`'s `T` list that `other` also holds, in order.
fn stayed<'a, T: Item>(journey: &'a Journey, other: &Journey) -> Vec<&'a str> {
    let in_other: std::collections::HashSet<&str> = T::list(other).iter().map(Item::id).collect();
    T::list(journey)
        .iter()
        .map(Item::id)
        .filter(|id| in_other.contains(id))
        .collect()
}

fn touchpoint_moves(out: &mut Vec<Change>, old: &Journey, new: &Journey) {
    use foldhash::HashMap;
    let stages = |j: &'_ Journey| -> HashMap<String, Stage> {
        j.touchpoints
            .iter()
            .map(|t| (t.id.to_string(), t.stage))
            .collect()
    };
    let (old_stage, new_stage) = (stages(old), stages(new));
    for t in &new.touchpoints {
        if let Some(before) = old_stage.get(t.id.as_str())
            && *before != t.stage
        {
            out.push(Change::Moved {
                id: t.id.to_string(),
                name: t.title.clone(),
                from: *before,
                to: t.stage,
            });
        }
    }
    for stage in Stage::ALL {
        let stayed = |j: &'_ Journey, other: &HashMap<String, Stage>| -> Vec<String> {
            j.touchpoints_in(*stage)
                .iter()
                .filter(|t| other.get(t.id.as_str()) == Some(stage))
                .map(|t| t.id.to_string())
                .collect()
        };
        let (a, b) = (stayed(old, &new_stage), stayed(new, &old_stage));
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        let moved = moved_ids(&a, &b);
        if moved.is_empty() {
            continue;
        }
        let titles: HashMap<&str, &str> = new
            .touchpoints_in(*stage)
            .iter()
            .map(|t| (t.id.as_str(), t.title.as_str()))
            .collect();
        for index in moved {
            out.push(Change::Reordered {
                kind: Kind::Touchpoint,
                id: b[index].to_owned(),
                name: titles.get(b[index]).copied().unwrap_or_default().to_owned(),
                stage: Some(*stage),
            });
        }
    }
}

/// A grey area that became resolved is said once, as "resolved", not also as a status
/// edit.
fn say_resolved(out: &mut Vec<Change>, old: &Journey, new: &Journey) {
    for g in &new.grey_areas {
        if g.status == GreyAreaStatus::Resolved
            && old
                .grey_area(&g.id)
                .is_some_and(|b| b.status != GreyAreaStatus::Resolved)
        {
            for change in out.iter_mut() {
                if let Change::Edited { id, changes, .. } = change
                    && id == g.id.as_str()
                {
                    changes.retain(|c| c.field() != "status");
                }
            }
            out.retain(|c| !matches!(c, Change::Edited { changes, .. } if changes.is_empty()));
            out.push(Change::Resolved {
                id: g.id.to_string(),
                name: g.name(),
            });
        }
    }
}

/// Every change from `old` to `new`: the header, then each kind of element.
pub fn diff(old: &Journey, new: &Journey) -> Vec<Change> {
    let mut out: Vec<Change> = field_changes(&tree(&old.header()), &tree(&new.header()), &[])
        .into_iter()
        .map(Change::Header)
        .collect();
    let mut elements = Diff {
        old,
        new,
        out: Vec::new(),
    };
    each_kind(&mut elements);
    out.extend(elements.out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_lists_and_structs_are_seen() {
        let old = Journey::new("t", Language::En);
        let mut new = old.clone();
        new.persona.goals.push("Save time".into());
        new.stages.insert(
            Stage::Usage,
            StageNotes {
                goal: "Works".into(),
                ..StageNotes::default()
            },
        );
        let changes = diff(&old, &new);
        assert_eq!(
            changes,
            [
                Change::Header(FieldChange::List {
                    field: "persona.goals".into(),
                    added: vec!["\"Save time\"".into()],
                    removed: vec![],
                }),
                Change::Header(FieldChange::Set {
                    field: "stages.Usage.goal".into(),
                    old: None,
                    new: Some("\"Works\"".into()),
                }),
            ]
        );
        assert_eq!(
            render_text(&changes),
            "journey: persona.goals +\"Save time\"\njourney: stages.Usage.goal (none) -> \"Works\"\n"
        );
    }
}
