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
mod references;
pub mod resolve;
mod values;

pub use markers::{Labels, to_text, to_text_labelled};

use crate::model::*;
use crate::tree::{Node, TreeError};
use foldhash::{HashMap, HashSet};
use references::{rename_colliding_additions, restore_referenced};
use values::{merge_struct, show};

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
    // Normalising also makes reference lists sets: a union of both sides' links names
    // each id once.
    journey.normalize();
    Ok(Merged {
        journey,
        conflicts,
        renamed,
        reorders_kept,
    })
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

/// The merged list, and whether both sides reordered it differently. Ids are borrowed
/// and looked up in hash maps, so the cost is linear in the lists.
fn merge_list<T: Item>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    conflicts: &mut Vec<Conflict>,
) -> Result<(Vec<T>, bool), MergeError> {
    fn by_id<T: Item>(list: &[T]) -> HashMap<&str, usize> {
        list.iter().enumerate().map(|(i, e)| (e.id(), i)).collect()
    }
    let (base_at, ours_at, theirs_at) = (by_id(base), by_id(ours), by_id(theirs));
    let mut kept: HashMap<&str, T> =
        HashMap::with_capacity_and_hasher(ours.len().max(theirs.len()), Default::default());
    for o in ours {
        let id = o.id();
        match (base_at.get(id), theirs_at.get(id)) {
            (Some(&b), Some(&t)) => {
                let merged = merge_element(&base[b], o, &theirs[t], conflicts)?;
                kept.insert(id, merged);
            }
            // Added by ours (or by both, identically).
            (None, _) => {
                kept.insert(id, o.clone());
            }
            // Deleted by theirs, untouched by ours.
            (Some(&b), None) if base[b] == *o => {}
            (Some(_), None) => {
                conflicts.push(delete_conflict(o, false, Reason::DeletedEdited));
                kept.insert(id, o.clone());
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
        kept.insert(id, t.clone());
    }
    fn ids<T: Item>(list: &[T]) -> Vec<&str> {
        list.iter().map(Item::id).collect()
    }
    let (order, both_reordered) = merge_order(&ids(base), &ids(ours), &ids(theirs), &kept);
    let list = order.into_iter().filter_map(|id| kept.remove(id)).collect();
    Ok((list, both_reordered))
}

/// The order of the merged list: the side that reordered the elements both kept gives
/// the order (ours when neither or both did); the other side's additions go after
/// their predecessor there. Returns whether both sides reordered differently.
fn merge_order<'a, V>(
    base: &[&'a str],
    ours: &[&'a str],
    theirs: &[&'a str],
    keep: &HashMap<&str, V>,
) -> (Vec<&'a str>, bool) {
    let set = |list: &[&'a str]| -> HashSet<&'a str> { list.iter().copied().collect() };
    let (in_base, in_ours, in_theirs) = (set(base), set(ours), set(theirs));
    let common = |list: &[&'a str]| -> Vec<&'a str> {
        list.iter()
            .copied()
            .filter(|id| in_base.contains(id) && in_ours.contains(id) && in_theirs.contains(id))
            .collect()
    };
    let (b, o, t) = (common(base), common(ours), common(theirs));
    let (ours_moved, theirs_moved) = (o != b, t != b);
    let (primary, secondary, secondary_set) = if theirs_moved && !ours_moved {
        (theirs, ours, &in_ours)
    } else {
        (ours, theirs, &in_theirs)
    };
    let result: Vec<&'a str> = primary
        .iter()
        .copied()
        .filter(|id| keep.contains_key(id))
        .collect();
    // Each of the other side's additions goes after its predecessor there (anchored to
    // the nearest id the primary side has), after the primary side's own additions at
    // that place; one pass, so the cost stays linear in the list.
    let primary_set: HashSet<&str> = result.iter().copied().collect();
    let mut anchored: HashMap<Option<&str>, Vec<&'a str>> = HashMap::default();
    let mut anchor: Option<&str> = None;
    for &id in secondary {
        if primary_set.contains(id) {
            anchor = Some(id);
        } else if keep.contains_key(id) {
            anchored.entry(anchor).or_default().push(id);
        }
    }
    let own_addition = |id: &str| !in_base.contains(id) && !secondary_set.contains(id);
    let mut pending = anchored.remove(&None).unwrap_or_default();
    let mut ordered = Vec::with_capacity(result.len() + keep.len());
    for &id in &result {
        if !pending.is_empty() && !own_addition(id) {
            ordered.append(&mut pending);
        }
        ordered.push(id);
        if let Some(chain) = anchored.remove(&Some(id)) {
            pending.extend(chain);
        }
    }
    ordered.append(&mut pending);
    let mut result = ordered;
    let mut placed: HashSet<&str> = result.iter().copied().collect();
    for &id in base {
        if keep.contains_key(id) && placed.insert(id) {
            result.push(id);
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
    if !found.is_empty() {
        let theirs_text = crate::format::pretty(theirs).unwrap_or_default();
        conflicts.extend(found.into_iter().map(|c| {
            Conflict::both_changed(Some(T::KIND), ours.id(), ours.name(), c, &theirs_text)
        }));
    }
    merged.rebuild().map_err(rebuild_error)
}

impl Conflict {
    /// A value both sides changed differently, in an element (or the header when
    /// `kind` is None); `theirs_text` is theirs' element (or journey) as written.
    fn both_changed(
        kind: Option<ElementKind>,
        id: &str,
        name: String,
        c: values::FieldConflict,
        theirs_text: &str,
    ) -> Conflict {
        Conflict {
            kind,
            id: id.to_owned(),
            name,
            ours: show(&c.ours),
            theirs: show(&c.theirs),
            base: show(&c.base),
            field: Some(c.path),
            reason: Reason::BothChanged,
            deleted_by_ours: false,
            top: Some(c.top),
            theirs_lines: field_lines(theirs_text, c.top),
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
    let (base, ours, theirs) = (base.header(), ours.header(), theirs.header());
    if ours == theirs || theirs == base {
        return Ok(()); // the journey already holds ours' header
    }
    let tree = |header: &Header| Node::of(header).map_err(MergeError::Header);
    let mut found = Vec::new();
    let merged = merge_struct(&tree(&base)?, &tree(&ours)?, &tree(&theirs)?, &mut found);
    if !found.is_empty() {
        // The header's fields are written as in the journey's own text.
        let theirs_text = crate::format::pretty(&theirs).unwrap_or_default();
        conflicts.extend(
            found
                .into_iter()
                .map(|c| Conflict::both_changed(None, "", ours.title.clone(), c, &theirs_text)),
        );
    }
    journey.set_header(merged.rebuild().map_err(MergeError::Header)?);
    Ok(())
}

#[cfg(test)]
mod tests;
