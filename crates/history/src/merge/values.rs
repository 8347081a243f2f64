//! Merging values inside an element or the header, as serde trees: structs field by
//! field, maps key by key, lists by diff3; a value both sides changed differently is a
//! `FieldConflict`, and ours is kept until a person picks.

use crate::tree::Node;

/// A value both sides changed differently, before it is tied to an element.
pub(super) struct FieldConflict {
    pub path: String,
    pub top: &'static str,
    pub base: Option<Node>,
    pub ours: Option<Node>,
    pub theirs: Option<Node>,
}

pub(super) fn show(node: &Option<Node>) -> String {
    match node {
        Some(Node::Absent) | None => "(none)".to_owned(),
        Some(node) => node.to_ron(),
    }
}

/// Merges two structs field by field; each top-level field names its conflicts' `top`.
pub(super) fn merge_struct(
    base: &Node,
    ours: &Node,
    theirs: &Node,
    found: &mut Vec<FieldConflict>,
) -> Node {
    let fields = |n: &Node| match n {
        Node::Struct(fields) => fields.clone(),
        _ => Vec::new(),
    };
    merge_fields(None, &fields(base), &fields(ours), &fields(theirs), found)
}

/// The fields of ours and theirs (ours' order, then theirs' new ones), each merged
/// three ways. `at` is the struct's path and top-level field, None at the top.
fn merge_fields(
    at: Option<(&str, &'static str)>,
    b: &[(&'static str, Node)],
    o: &[(&'static str, Node)],
    t: &[(&'static str, Node)],
    found: &mut Vec<FieldConflict>,
) -> Node {
    let get = |list: &[(&'static str, Node)], name: &str| {
        list.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    let mut names: Vec<&'static str> = o.iter().map(|(n, _)| *n).collect();
    for (name, _) in t {
        if !names.contains(name) {
            names.push(name);
        }
    }
    let mut merged = Vec::new();
    for name in names {
        let (path, top) = match at {
            Some((path, top)) => (format!("{path}.{name}"), top),
            None => (name.to_owned(), name),
        };
        let value = merge_node(&path, top, get(b, name), get(o, name), get(t, name), found);
        if let Some(value) = value {
            merged.push((name, value));
        }
    }
    Node::Struct(merged)
}

fn merge_node(
    path: &str,
    top: &'static str,
    base: Option<Node>,
    ours: Option<Node>,
    theirs: Option<Node>,
    found: &mut Vec<FieldConflict>,
) -> Option<Node> {
    let present = |n: Option<Node>| n.filter(|n| *n != Node::Absent);
    let (base, ours, theirs) = (present(base), present(ours), present(theirs));
    if ours == theirs || theirs == base {
        return ours;
    }
    if ours == base {
        return theirs;
    }
    let join = |name: &str| format!("{path}.{name}");
    match (&ours, &theirs) {
        (Some(Node::Struct(o)), Some(Node::Struct(t))) => {
            let b = match &base {
                Some(Node::Struct(b)) => b.clone(),
                _ => Vec::new(),
            };
            Some(merge_fields(Some((path, top)), &b, o, t, found))
        }
        (Some(Node::Map(_)) | None, Some(Node::Map(_)) | None)
            if matches!(base, Some(Node::Map(_)) | None) =>
        {
            let entries = |n: &Option<Node>| match n {
                Some(Node::Map(entries)) => entries.clone(),
                _ => Vec::new(),
            };
            let (b, o, t) = (entries(&base), entries(&ours), entries(&theirs));
            let mut keys: Vec<String> = o.iter().map(|(k, _)| k.clone()).collect();
            for (key, _) in t.iter().chain(&b) {
                if !keys.contains(key) {
                    keys.push(key.clone());
                }
            }
            keys.sort();
            let get = |list: &[(String, Node)], key: &str| {
                list.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
            };
            let mut merged = Vec::new();
            for key in keys {
                let value = merge_node(
                    &join(&key),
                    top,
                    get(&b, &key),
                    get(&o, &key),
                    get(&t, &key),
                    found,
                );
                if let Some(value) = value {
                    merged.push((key, value));
                }
            }
            Some(Node::Map(merged))
        }
        (Some(Node::Seq(_)) | None, Some(Node::Seq(_)) | None)
            if matches!(base, Some(Node::Seq(_)) | None) =>
        {
            let items = |n: &Option<Node>| match n {
                Some(Node::Seq(items)) => items.clone(),
                _ => Vec::new(),
            };
            let (b, o, t) = (items(&base), items(&ours), items(&theirs));
            // Records in a list of the same length on all sides (an evidence item's
            // metrics) merge field by field, item by item: one side's new value and the
            // other's new label both land.
            let records = |list: &[Node]| list.iter().all(|n| matches!(n, Node::Struct(_)));
            if b.len() == o.len() && o.len() == t.len() && records(&b) && records(&o) && records(&t)
            {
                let merged = (0..b.len())
                    .map(|i| {
                        merge_node(
                            &format!("{path}.[{i}]"),
                            top,
                            Some(b[i].clone()),
                            Some(o[i].clone()),
                            Some(t[i].clone()),
                            found,
                        )
                        .unwrap_or_else(|| o[i].clone())
                    })
                    .collect();
                return Some(Node::Seq(merged));
            }
            match merge_items(&b, &o, &t) {
                Some(merged) => Some(Node::Seq(merged)),
                None => {
                    found.push(FieldConflict {
                        path: path.to_owned(),
                        top,
                        base,
                        ours: ours.clone(),
                        theirs,
                    });
                    ours
                }
            }
        }
        _ => {
            found.push(FieldConflict {
                path: path.to_owned(),
                top,
                base,
                ours: ours.clone(),
                theirs,
            });
            ours
        }
    }
}

/// A change of one side to a list: `base[start..end]` becomes `items`.
#[derive(Clone, Debug, PartialEq)]
struct Hunk {
    start: usize,
    end: usize,
    items: Vec<Node>,
}

fn hunks(base: &[Node], side: &[Node]) -> Vec<Hunk> {
    use similar::DiffOp;
    let mut out: Vec<Hunk> = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, base, side) {
        let hunk = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index, old_len, ..
            } => Hunk {
                start: old_index,
                end: old_index + old_len,
                items: Vec::new(),
            },
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => Hunk {
                start: old_index,
                end: old_index,
                items: side[new_index..new_index + new_len].to_vec(),
            },
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => Hunk {
                start: old_index,
                end: old_index + old_len,
                items: side[new_index..new_index + new_len].to_vec(),
            },
        };
        // A delete next to an insert is one replacement.
        match out.last_mut() {
            Some(last) if last.end == hunk.start => {
                last.end = hunk.end;
                last.items.extend(hunk.items);
            }
            _ => out.push(hunk),
        }
    }
    out
}

/// Whether two changes touch the same items. Insertions at one place do not overlap
/// (both are kept); an insertion strictly inside a changed range does.
fn overlap(a: &Hunk, b: &Hunk) -> bool {
    let inside = |point: usize, h: &Hunk| h.start < point && point < h.end;
    match (a.start == a.end, b.start == b.end) {
        (true, true) => false,
        (true, false) => inside(a.start, b),
        (false, true) => inside(b.start, a),
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// A three-way merge of a list inside a value (diff3): each side's changes apply where
/// they do not touch; changes of the same items conflict (None). Both sides adding items
/// at one place keeps both, ours first.
fn merge_items(base: &[Node], ours: &[Node], theirs: &[Node]) -> Option<Vec<Node>> {
    let (o, t) = (hunks(base, ours), hunks(base, theirs));
    for a in &o {
        for b in &t {
            if a != b && overlap(a, b) {
                return None;
            }
        }
    }
    let mut all: Vec<&Hunk> = o.iter().collect();
    for hunk in &t {
        if !o.contains(hunk) {
            all.push(hunk);
        }
    }
    // Insertions before replacements at the same place; ours before theirs.
    all.sort_by_key(|h| (h.start, h.end != h.start));
    let mut out = Vec::with_capacity(base.len() + 8);
    let mut at = 0;
    for hunk in all {
        out.extend_from_slice(&base[at..hunk.start.max(at)]);
        out.extend(hunk.items.iter().cloned());
        at = at.max(hunk.end);
    }
    out.extend_from_slice(&base[at.min(base.len())..]);
    Some(out)
}
