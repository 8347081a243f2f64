//! Semantic diff of two journeys: elements matched by id, changes named in the domain's
//! terms (touchpoint added, moved to another stage, emotion -1 -> -2, grey area
//! resolved...). Values are compared as trees read through serde (`crate::tree`), so
//! every field at any depth is seen, and values read exactly as in the file.

use crate::i18n::I18n;
use crate::model::*;
use crate::tree::Node;
use similar::{Algorithm, DiffOp, capture_diff_slices};

pub use crate::model::ElementKind as Kind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldChange {
    /// A value changed, appeared (`old` None) or went away (`new` None).
    Set {
        field: String,
        old: Option<String>,
        new: Option<String>,
    },
    /// Items added to or removed from a list.
    List {
        field: String,
        added: Vec<String>,
        removed: Vec<String>,
    },
}

impl FieldChange {
    pub fn field(&self) -> &str {
        match self {
            FieldChange::Set { field, .. } | FieldChange::List { field, .. } => field,
        }
    }
}

/// Field-by-field changes between two values (trees of the same type), skipping the
/// top-level fields named in `skip`. Paths read `emotion.score`, `persona.goals`,
/// `stages.Usage.goal`.
pub fn field_changes(old: &Node, new: &Node, skip: &[&str]) -> Vec<FieldChange> {
    let mut out = Vec::new();
    match (old, new) {
        (Node::Struct(a), Node::Struct(b)) => {
            for name in field_names(a, b) {
                if !skip.contains(&name) {
                    walk(name, lookup(a, name), lookup(b, name), &mut out);
                }
            }
        }
        _ => walk("", Some(old), Some(new), &mut out),
    }
    out
}

fn lookup<'a>(fields: &'a [(&'static str, Node)], name: &str) -> Option<&'a Node> {
    fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// Field names of both structs: `b`'s order, then those only in `a`.
fn field_names(a: &[(&'static str, Node)], b: &[(&'static str, Node)]) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = b.iter().map(|(n, _)| *n).collect();
    for (name, _) in a {
        if !names.contains(name) {
            names.push(name);
        }
    }
    names
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn present(node: Option<&Node>) -> Option<&Node> {
    node.filter(|n| **n != Node::Absent)
}

fn walk(path: &str, old: Option<&Node>, new: Option<&Node>, out: &mut Vec<FieldChange>) {
    let (old, new) = (present(old), present(new));
    if old == new {
        return;
    }
    match (old, new) {
        (Some(Node::Struct(a)), Some(Node::Struct(b))) => {
            for name in field_names(a, b) {
                walk(&join(path, name), lookup(a, name), lookup(b, name), out);
            }
        }
        // A struct that appears or goes away: each of its fields.
        (Some(Node::Struct(a)), None) => {
            for (name, value) in a {
                walk(&join(path, name), Some(value), None, out);
            }
        }
        (None, Some(Node::Struct(b))) => {
            for (name, value) in b {
                walk(&join(path, name), None, Some(value), out);
            }
        }
        (Some(Node::Map(_)) | None, Some(Node::Map(_)) | None) => {
            let entries = |n: Option<&Node>| match n {
                Some(Node::Map(entries)) => entries.clone(),
                _ => Vec::new(),
            };
            let (a, b) = (entries(old), entries(new));
            let mut keys: Vec<&String> = a.iter().map(|(k, _)| k).collect();
            for (key, _) in &b {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            keys.sort();
            for key in keys {
                let get = |list: &[(String, Node)]| {
                    list.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
                };
                walk(&join(path, key), get(&a).as_ref(), get(&b).as_ref(), out);
            }
        }
        (Some(Node::Seq(_)) | None, Some(Node::Seq(_)) | None) => {
            let items = |n: Option<&Node>| match n {
                Some(Node::Seq(items)) => items.iter().map(Node::to_ron).collect(),
                _ => Vec::new(),
            };
            let (a, b): (Vec<String>, Vec<String>) = (items(old), items(new));
            list_change(path, a, b, out);
        }
        (old, new) => out.push(FieldChange::Set {
            field: path.to_owned(),
            old: old.map(Node::to_ron),
            new: new.map(Node::to_ron),
        }),
    }
}

fn list_change(path: &str, a: Vec<String>, b: Vec<String>, out: &mut Vec<FieldChange>) {
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => removed.extend_from_slice(&a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => added.extend_from_slice(&b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                removed.extend_from_slice(&a[old_index..old_index + old_len]);
                added.extend_from_slice(&b[new_index..new_index + new_len]);
            }
        }
    }
    let (mut x, mut y) = (added.clone(), removed.clone());
    x.sort();
    y.sort();
    if x == y {
        // The same items in another order.
        let show = |items: &[String]| format!("[{}]", items.join(", "));
        out.push(FieldChange::Set {
            field: path.to_owned(),
            old: Some(show(&a)),
            new: Some(show(&b)),
        });
    } else {
        out.push(FieldChange::List {
            field: path.to_owned(),
            added,
            removed,
        });
    }
}

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
    use std::collections::HashMap;
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
    use std::collections::HashMap;
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

fn describe(change: &FieldChange) -> String {
    match change {
        FieldChange::Set { field, old, new } => {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
            format!("{field} {} -> {}", show(old), show(new))
        }
        FieldChange::List {
            field,
            added,
            removed,
        } => {
            let mut parts: Vec<String> = added.iter().map(|a| format!("+{a}")).collect();
            parts.extend(removed.iter().map(|r| format!("-{r}")));
            format!("{field} {}", parts.join(" "))
        }
    }
}

/// Plain text, one change per line (English, like the rest of the command line).
pub fn render_text(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let line = match change {
            Change::Header(c) => format!("journey: {}", describe(c)),
            Change::Added { kind, id, name } => {
                format!("+ {} {id} \"{name}\" added", kind.singular())
            }
            Change::Removed { kind, id, name } => {
                format!("- {} {id} \"{name}\" removed", kind.singular())
            }
            Change::Moved { id, name, from, to } => {
                format!(
                    "> touchpoint {id} \"{name}\" moved from {} to {}",
                    from.key(),
                    to.key()
                )
            }
            Change::Reordered {
                kind,
                id,
                name,
                stage,
            } => match stage {
                Some(stage) => format!(
                    "> {} {id} \"{name}\" reordered within {}",
                    kind.singular(),
                    stage.key()
                ),
                None => format!("> {} {id} \"{name}\" reordered", kind.singular()),
            },
            Change::Edited {
                kind,
                id,
                name,
                changes,
            } => {
                let what: Vec<String> = changes.iter().map(describe).collect();
                format!("~ {} {id} \"{name}\": {}", kind.singular(), what.join("; "))
            }
            Change::Resolved { id, name } => format!("✓ grey area {id} \"{name}\" resolved"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Markdown for a pull-request comment, in the journey's language.
pub fn render_markdown(changes: &[Change], i18n: &I18n) -> String {
    let mut out = format!(
        "### {}\n",
        crate::tr!(i18n, "diff-title", count = changes.len())
    );
    let section = |change: &Change| match change {
        Change::Header(_) => "diff-section-journey",
        Change::Added { kind, .. }
        | Change::Removed { kind, .. }
        | Change::Edited { kind, .. }
        | Change::Reordered { kind, .. } => match kind {
            Kind::Touchpoint => "diff-section-touchpoints",
            Kind::GreyArea => "diff-section-grey-areas",
            Kind::Evidence => "diff-section-evidence",
            Kind::Opportunity => "diff-section-opportunities",
            Kind::Channel | Kind::Department => "diff-section-catalogue",
        },
        Change::Moved { .. } => "diff-section-touchpoints",
        Change::Resolved { .. } => "diff-section-grey-areas",
    };
    let mut current = "";
    for change in changes {
        if section(change) != current {
            current = section(change);
            out.push_str(&format!("\n**{}**\n\n", i18n.tr(current)));
        }
        let line = match change {
            Change::Header(c) => describe(c),
            Change::Added { id, name, .. } => {
                crate::tr!(i18n, "diff-added", id = id.as_str(), name = name.as_str())
            }
            Change::Removed { id, name, .. } => {
                crate::tr!(i18n, "diff-removed", id = id.as_str(), name = name.as_str())
            }
            Change::Moved { id, name, from, to } => crate::tr!(
                i18n,
                "diff-moved",
                id = id.as_str(),
                name = name.as_str(),
                from = i18n.term("stage", from.key()),
                to = i18n.term("stage", to.key())
            ),
            Change::Reordered {
                id,
                name,
                stage: Some(stage),
                ..
            } => crate::tr!(
                i18n,
                "diff-reordered",
                id = id.as_str(),
                name = name.as_str(),
                stage = i18n.term("stage", stage.key())
            ),
            Change::Reordered {
                id,
                name,
                stage: None,
                ..
            } => crate::tr!(
                i18n,
                "diff-reordered-list",
                id = id.as_str(),
                name = name.as_str()
            ),
            Change::Edited {
                id, name, changes, ..
            } => {
                let what: Vec<String> = changes
                    .iter()
                    .map(|c| format!("`{}`", describe(c)))
                    .collect();
                format!(
                    "{} · {}",
                    crate::tr!(i18n, "diff-edited", id = id.as_str(), name = name.as_str()),
                    what.join(", ")
                )
            }
            Change::Resolved { id, name } => crate::tr!(
                i18n,
                "diff-resolved",
                id = id.as_str(),
                name = name.as_str()
            ),
        };
        out.push_str(&format!("- {line}\n"));
    }
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
