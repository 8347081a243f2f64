//! Field-by-field changes between two values of one type, read as serde trees: every
//! field at any depth, lists compared item by item (`similar`).

use crate::tree::Node;
use similar::{Algorithm, DiffOp, capture_diff_slices};

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
