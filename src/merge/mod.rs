//! Three-way merge of journeys by structure (git's merge-driver job). Elements are
//! matched by id and merged field by field through their serde trees (`crate::tree`),
//! so every field at any depth, in the header and in every kind of element, is merged.
//!
//! - Edits to different elements, or to different fields of one element, merge cleanly.
//! - Lists inside a value (pain points, goals, evidence links) merge item by item
//!   (diff3): changes to different items apply, additions from both sides at one place
//!   are both kept, two changes to the same items conflict.
//! - A list reordered on one side and edited on the other keeps the new order and the
//!   edits. When both sides reorder differently, ours' order is kept and the merge says so.
//! - Both sides adding elements keeps both; when both picked the same new id (both
//!   added `tp-17`, or a channel `sms`) with different content, theirs is renumbered
//!   along with every reference to it.
//! - A deletion on one side and an edit on the other, a deletion on one side and a new
//!   reference to the deleted element on the other, or one field changed differently
//!   on both sides, is a conflict. The result keeps the element (and ours' value), and
//!   `to_text` writes both sides between git-style markers at the exact lines, so
//!   nothing is lost and the file refuses to load until a person picks.
//! - Nothing falls back silently: a value that cannot be rebuilt is an error.

mod markers;
pub mod resolve;

pub use markers::{Labels, to_text, to_text_labelled};

use crate::model::*;
use crate::tree::{Node, TreeError};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Why a conflict is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// One value changed differently on both sides.
    BothChanged,
    /// One side deleted the element, the other edited it.
    DeletedEdited,
    /// One side deleted the element, the other refers to it (from `by`).
    DeletedReferenced { by: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The kind of element, or None for the journey's header.
    pub kind: Option<ElementKind>,
    /// The element's id ("" for the header).
    pub id: String,
    pub name: String,
    /// The value's path (`emotion.score`, `persona.goals`) for a field conflict.
    pub field: Option<String>,
    /// The value on each side as written in a file; `(none)` when absent.
    pub ours: String,
    pub theirs: String,
    pub base: String,
    pub reason: Reason,
    /// True when ours deleted the element (delete conflicts).
    pub deleted_by_ours: bool,
    /// The top-level field of the element (or journey) holding the value.
    top: Option<&'static str>,
    /// For a field conflict, theirs' whole top-level field as canonical lines.
    theirs_lines: Vec<String>,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            Some(kind) => write!(f, "{} {} \"{}\": ", kind.singular(), self.id, self.name)?,
            None => write!(f, "journey: ")?,
        }
        let (deleted_in, other) = if self.deleted_by_ours {
            ("ours", "theirs")
        } else {
            ("theirs", "ours")
        };
        match (&self.reason, &self.field) {
            (Reason::BothChanged, Some(field)) => write!(
                f,
                "{field} changed on both sides: ours {} / theirs {}",
                self.ours, self.theirs
            ),
            (Reason::BothChanged, None) => write!(f, "changed on both sides"),
            (Reason::DeletedEdited, _) => {
                write!(f, "deleted in {deleted_in}, edited in {other} (kept)")
            }
            (Reason::DeletedReferenced { by }, _) => write!(
                f,
                "deleted in {deleted_in}, but {other} refers to it from {by} (kept)"
            ),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Merged {
    pub journey: Journey,
    pub conflicts: Vec<Conflict>,
    /// Ids of theirs renamed because both sides added the same id: (kind, old, new).
    pub renamed: Vec<(ElementKind, String, String)>,
    /// Lists both sides reordered differently: ours' order was kept.
    pub reorders_kept: Vec<ElementKind>,
}

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("{kind} {id}: {2}", kind = .0.singular(), id = .1)]
    Rebuild(ElementKind, String, TreeError),
    #[error("the journey's header: {0}")]
    Header(TreeError),
    #[error("{0} refers to {1} {2}, which no side has")]
    Dangling(String, &'static str, String),
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &Journey, ours: &Journey, theirs: &Journey) -> Result<Merged, MergeError> {
    let mut theirs = theirs.clone();
    let renamed = rename_colliding_additions(base, ours, &mut theirs);
    let mut lists = Lists {
        base,
        ours,
        theirs: &theirs,
        journey: ours.clone(),
        conflicts: Vec::new(),
        reorders_kept: Vec::new(),
        error: None,
    };
    each_kind(&mut lists);
    if let Some(error) = lists.error {
        return Err(error);
    }
    let Lists {
        mut journey,
        mut conflicts,
        reorders_kept,
        ..
    } = lists;
    restore_referenced(base, ours, &theirs, &mut journey, &mut conflicts)?;
    merge_header(base, ours, &theirs, &mut journey, &mut conflicts)?;
    journey.normalize();
    Ok(Merged {
        journey,
        conflicts,
        renamed,
        reorders_kept,
    })
}

/// Ids both sides added with different content: theirs gets a fresh id, and its
/// references follow.
fn rename_colliding_additions(
    base: &Journey,
    ours: &Journey,
    theirs: &mut Journey,
) -> Vec<(ElementKind, String, String)> {
    struct Collisions<'a> {
        base: &'a Journey,
        ours: &'a Journey,
        theirs: &'a mut Journey,
        renamed: Vec<(ElementKind, String, String)>,
    }
    impl KindVisitor for Collisions<'_> {
        fn visit<T: Item>(&mut self) {
            let mut taken: BTreeSet<String> = T::list(self.base)
                .iter()
                .chain(T::list(self.ours))
                .chain(T::list(self.theirs))
                .map(|e| e.id().to_owned())
                .collect();
            let in_base: HashSet<&str> = T::list(self.base).iter().map(Item::id).collect();
            let in_ours: HashMap<&str, &T> =
                T::list(self.ours).iter().map(|o| (o.id(), o)).collect();
            let colliding: Vec<String> = T::list(self.theirs)
                .iter()
                .filter(|t| !in_base.contains(t.id()))
                .filter(|t| in_ours.get(t.id()).is_some_and(|o| *o != *t))
                .map(|t| t.id().to_owned())
                .collect();
            for old in colliding {
                let new = T::KIND.fresh_id(&old, &taken);
                taken.insert(new.clone());
                self.theirs.rename(T::KIND, &old, &new);
                self.renamed.push((T::KIND, old, new));
            }
        }
    }
    let mut collisions = Collisions {
        base,
        ours,
        theirs,
        renamed: Vec::new(),
    };
    each_kind(&mut collisions);
    collisions.renamed
}

struct Lists<'a> {
    base: &'a Journey,
    ours: &'a Journey,
    theirs: &'a Journey,
    journey: Journey,
    conflicts: Vec<Conflict>,
    reorders_kept: Vec<ElementKind>,
    error: Option<MergeError>,
}

impl KindVisitor for Lists<'_> {
    fn visit<T: Item>(&mut self) {
        if self.error.is_some() {
            return;
        }
        let (base, ours, theirs) = (T::list(self.base), T::list(self.ours), T::list(self.theirs));
        match merge_list(base, ours, theirs, &mut self.conflicts) {
            Ok((list, reorder_kept)) => {
                *T::list_mut(&mut self.journey) = list;
                if reorder_kept {
                    self.reorders_kept.push(T::KIND);
                }
            }
            Err(error) => self.error = Some(error),
        }
    }
}

/// The merged list, and whether both sides reordered it differently.
fn merge_list<T: Item>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    conflicts: &mut Vec<Conflict>,
) -> Result<(Vec<T>, bool), MergeError> {
    let by_id = |list: &[T]| -> HashMap<String, usize> {
        list.iter()
            .enumerate()
            .map(|(i, e)| (e.id().to_owned(), i))
            .collect()
    };
    let (base_at, ours_at, theirs_at) = (by_id(base), by_id(ours), by_id(theirs));
    let mut kept: HashMap<String, T> = HashMap::new();
    for o in ours {
        let id = o.id();
        match (base_at.get(id), theirs_at.get(id)) {
            (Some(&b), Some(&t)) => {
                let merged = merge_element(&base[b], o, &theirs[t], conflicts)?;
                kept.insert(id.to_owned(), merged);
            }
            // Added by ours (or by both, identically).
            (None, _) => {
                kept.insert(id.to_owned(), o.clone());
            }
            // Deleted by theirs, untouched by ours.
            (Some(&b), None) if base[b] == *o => {}
            (Some(_), None) => {
                conflicts.push(delete_conflict(o, false, Reason::DeletedEdited));
                kept.insert(id.to_owned(), o.clone());
            }
        }
    }
    for t in theirs {
        let id = t.id();
        if ours_at.contains_key(id) {
            continue;
        }
        match base_at.get(id) {
            Some(&b) if base[b] == *t => continue, // deleted by ours, untouched by theirs
            Some(_) => conflicts.push(delete_conflict(t, true, Reason::DeletedEdited)),
            None => {}
        }
        kept.insert(id.to_owned(), t.clone());
    }
    let ids = |list: &[T]| -> Vec<String> { list.iter().map(|e| e.id().to_owned()).collect() };
    let (order, both_reordered) = merge_order(&ids(base), &ids(ours), &ids(theirs), &kept);
    let list = order
        .into_iter()
        .filter_map(|id| kept.remove(&id))
        .collect();
    Ok((list, both_reordered))
}

/// The order of the merged list: the side that reordered the elements both kept gives
/// the order (ours when neither or both did); the other side's additions go after
/// their predecessor there. Returns whether both sides reordered differently.
fn merge_order<V>(
    base: &[String],
    ours: &[String],
    theirs: &[String],
    keep: &HashMap<String, V>,
) -> (Vec<String>, bool) {
    let (in_base, in_ours, in_theirs): (HashSet<&String>, HashSet<&String>, HashSet<&String>) = (
        base.iter().collect(),
        ours.iter().collect(),
        theirs.iter().collect(),
    );
    let common = |list: &[String]| -> Vec<String> {
        list.iter()
            .filter(|id| in_base.contains(id) && in_ours.contains(id) && in_theirs.contains(id))
            .cloned()
            .collect()
    };
    let (b, o, t) = (common(base), common(ours), common(theirs));
    let (ours_moved, theirs_moved) = (o != b, t != b);
    let (primary, secondary, secondary_set) = if theirs_moved && !ours_moved {
        (theirs, ours, &in_ours)
    } else {
        (ours, theirs, &in_theirs)
    };
    let mut result: Vec<String> = primary
        .iter()
        .filter(|id| keep.contains_key(*id))
        .cloned()
        .collect();
    let mut placed: HashSet<String> = result.iter().cloned().collect();
    for (index, id) in secondary.iter().enumerate() {
        if placed.contains(id) || !keep.contains_key(id) {
            continue;
        }
        let after = secondary[..index]
            .iter()
            .rev()
            .find_map(|p| result.iter().position(|r| r == p));
        let mut at = after.map_or(0, |p| p + 1);
        // After the primary side's own additions at the same place.
        while at < result.len()
            && !in_base.contains(&result[at])
            && !secondary_set.contains(&result[at])
        {
            at += 1;
        }
        result.insert(at, id.clone());
        placed.insert(id.clone());
    }
    for id in base {
        if keep.contains_key(id) && !placed.contains(id) {
            result.push(id.clone());
            placed.insert(id.clone());
        }
    }
    (result, ours_moved && theirs_moved && o != t)
}

fn delete_conflict<T: Item>(kept: &T, deleted_by_ours: bool, reason: Reason) -> Conflict {
    Conflict {
        kind: Some(T::KIND),
        id: kept.id().to_owned(),
        name: kept.name(),
        field: None,
        ours: String::new(),
        theirs: String::new(),
        base: String::new(),
        reason,
        deleted_by_ours,
        top: None,
        theirs_lines: Vec::new(),
    }
}

/// A value both sides changed differently, before it is tied to an element.
struct FieldConflict {
    path: String,
    top: &'static str,
    base: Option<Node>,
    ours: Option<Node>,
    theirs: Option<Node>,
}

fn show(node: &Option<Node>) -> String {
    match node {
        Some(Node::Absent) | None => "(none)".to_owned(),
        Some(node) => node.to_ron(),
    }
}

/// Field-by-field three-way merge of one element.
fn merge_element<T: Item>(
    base: &T,
    ours: &T,
    theirs: &T,
    conflicts: &mut Vec<Conflict>,
) -> Result<T, MergeError> {
    if ours == theirs || theirs == base {
        return Ok(ours.clone());
    }
    if ours == base {
        return Ok(theirs.clone());
    }
    let rebuild_error = |e: TreeError| MergeError::Rebuild(T::KIND, ours.id().to_owned(), e);
    let tree = |e: &T| Node::of(e).map_err(rebuild_error);
    let mut found = Vec::new();
    let merged = merge_struct(&tree(base)?, &tree(ours)?, &tree(theirs)?, &mut found);
    let theirs_text = crate::format::pretty(theirs).unwrap_or_default();
    for c in found {
        conflicts.push(Conflict {
            kind: Some(T::KIND),
            id: ours.id().to_owned(),
            name: ours.name(),
            ours: show(&c.ours),
            theirs: show(&c.theirs),
            base: show(&c.base),
            field: Some(c.path),
            reason: Reason::BothChanged,
            deleted_by_ours: false,
            top: Some(c.top),
            theirs_lines: field_lines(&theirs_text, c.top),
        });
    }
    merged.rebuild().map_err(rebuild_error)
}

/// Merges two structs field by field; `top` names each top-level field.
fn merge_struct(base: &Node, ours: &Node, theirs: &Node, found: &mut Vec<FieldConflict>) -> Node {
    let fields = |n: &Node| match n {
        Node::Struct(fields) => fields.clone(),
        _ => Vec::new(),
    };
    let (b, o, t) = (fields(base), fields(ours), fields(theirs));
    let get = |list: &[(&'static str, Node)], name: &str| {
        list.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    let mut names: Vec<&'static str> = o.iter().map(|(n, _)| *n).collect();
    for (name, _) in &t {
        if !names.contains(name) {
            names.push(name);
        }
    }
    let mut merged = Vec::new();
    for name in names {
        let value = merge_node(
            name,
            name,
            get(&b, name),
            get(&o, name),
            get(&t, name),
            found,
        );
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
                let value = merge_node(
                    &join(name),
                    top,
                    get(&b, name),
                    get(o, name),
                    get(t, name),
                    found,
                );
                if let Some(value) = value {
                    merged.push((name, value));
                }
            }
            Some(Node::Struct(merged))
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
            match merge_items(&items(&base), &items(&ours), &items(&theirs)) {
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

/// Elements one side deleted while the other side refers to them are put back (the
/// referring side's version) as conflicts, until every reference resolves.
fn restore_referenced(
    base: &Journey,
    ours: &Journey,
    theirs: &Journey,
    journey: &mut Journey,
    conflicts: &mut Vec<Conflict>,
) -> Result<(), MergeError> {
    struct FindDangling<'a> {
        journey: &'a Journey,
        ids: HashMap<ElementKind, HashSet<String>>,
        found: Option<(ElementKind, String, String)>,
    }
    impl KindVisitor for FindDangling<'_> {
        fn visit<T: Item>(&mut self) {
            if self.found.is_some() {
                return;
            }
            for element in T::list(self.journey) {
                for r in element.references() {
                    if !self.ids.get(&r.kind).is_some_and(|ids| ids.contains(r.id)) {
                        let by = format!("{} {}", T::KIND.singular(), element.id());
                        self.found = Some((r.kind, r.id.to_owned(), by));
                        return;
                    }
                }
            }
        }
    }
    struct Ids<'a> {
        journey: &'a Journey,
        ids: HashMap<ElementKind, HashSet<String>>,
    }
    impl KindVisitor for Ids<'_> {
        fn visit<T: Item>(&mut self) {
            let ids = T::list(self.journey).iter().map(|e| e.id().to_owned());
            self.ids.insert(T::KIND, ids.collect());
        }
    }
    struct Restore<'a> {
        sides: [&'a Journey; 3],
        journey: &'a mut Journey,
        kind: ElementKind,
        id: &'a str,
        by: &'a str,
        conflict: Option<Conflict>,
    }
    impl KindVisitor for Restore<'_> {
        fn visit<T: Item>(&mut self) {
            if T::KIND != self.kind {
                return;
            }
            let [ours, theirs, base] = self.sides;
            let Some((side, element)) = [ours, theirs, base]
                .into_iter()
                .find_map(|side| side.item::<T>(self.id).map(|e| (side, e)))
            else {
                return;
            };
            // After its predecessor on the side it comes from.
            let source = T::list(side);
            let index = source.iter().position(|e| e.id() == self.id).unwrap_or(0);
            let list = T::list_mut(self.journey);
            let at = source[..index]
                .iter()
                .rev()
                .find_map(|p| list.iter().position(|e| e.id() == p.id()))
                .map_or(0, |p| p + 1);
            list.insert(at, element.clone());
            self.conflict = Some(delete_conflict(
                element,
                ours.item::<T>(self.id).is_none(),
                Reason::DeletedReferenced {
                    by: self.by.to_owned(),
                },
            ));
        }
    }
    loop {
        let mut ids = Ids {
            journey,
            ids: HashMap::new(),
        };
        each_kind(&mut ids);
        let mut find = FindDangling {
            journey,
            ids: ids.ids,
            found: None,
        };
        each_kind(&mut find);
        let Some((kind, id, by)) = find.found else {
            return Ok(());
        };
        let mut restore = Restore {
            sides: [ours, theirs, base],
            journey,
            kind,
            id: &id,
            by: &by,
            conflict: None,
        };
        each_kind(&mut restore);
        match restore.conflict {
            Some(conflict) => conflicts.push(conflict),
            None => return Err(MergeError::Dangling(by, kind.singular(), id)),
        }
    }
}

/// The canonical lines of one top-level field in a struct's pretty text (indented as
/// in `text`, four spaces in from the struct).
fn field_lines(text: &str, field: &str) -> Vec<String> {
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

/// The header (title, persona, scenario, state, language, date, stage notes) merges
/// like an element, value by value.
fn merge_header(
    base: &Journey,
    ours: &Journey,
    theirs: &Journey,
    journey: &mut Journey,
    conflicts: &mut Vec<Conflict>,
) -> Result<(), MergeError> {
    let tree = |j: &Journey| Node::of(&j.header()).map_err(MergeError::Header);
    let mut found = Vec::new();
    let merged = merge_struct(&tree(base)?, &tree(ours)?, &tree(theirs)?, &mut found);
    let theirs_text = crate::format::pretty(theirs).unwrap_or_default();
    for c in found {
        conflicts.push(Conflict {
            kind: None,
            id: String::new(),
            name: ours.title.clone(),
            ours: show(&c.ours),
            theirs: show(&c.theirs),
            base: show(&c.base),
            field: Some(c.path),
            reason: Reason::BothChanged,
            deleted_by_ours: false,
            top: Some(c.top),
            theirs_lines: field_lines(&theirs_text, c.top),
        });
    }
    journey.set_header(merged.rebuild().map_err(MergeError::Header)?);
    Ok(())
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
        let merged = merge(&base, &ours, &theirs).unwrap();
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
        let merged = merge(&base, &ours, &theirs).unwrap();
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
        let merged = merge(&base, &ours, &theirs).unwrap();
        assert!(merged.conflicts.is_empty());
        assert_eq!(
            merged.renamed,
            [(
                ElementKind::Touchpoint,
                "tp-3".to_owned(),
                "tp-4".to_owned()
            )]
        );
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
        let merged = merge(&base, &ours, &theirs).unwrap();
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
        let merged = merge(&base, &ours, &theirs).unwrap();
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
