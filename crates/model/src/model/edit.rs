//! The one way a journey changes. Every change is an `Edit`; `apply` performs it and
//! returns the inverse edit, so undo/redo, the unsaved marker and autosave hook in at
//! exactly one place. Compound changes (move, delete with its references) are built
//! from the primitives as a `Batch`, which applies all-or-nothing.

use super::*;
use thiserror::Error;

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Insert an element at `index` of its list.
    Insert { index: usize, element: Element },
    /// Replace the element with the same id, keeping its position.
    Replace(Element),
    /// Remove the element with this id.
    Remove(ElementId),
    /// Replace the header (title, persona, scenario, state, language, stage notes).
    Header(Box<Header>),
    /// Several edits, applied in order, all or nothing.
    Batch(Vec<Edit>),
}

impl Edit {
    /// The elements this edit inserts, replaces or removes, and whether it replaces the
    /// header.
    pub fn touches(&self) -> (Vec<ElementId>, bool) {
        let mut ids = Vec::new();
        let mut header = false;
        fn walk(edit: &Edit, ids: &mut Vec<ElementId>, header: &mut bool) {
            match edit {
                Edit::Insert { element, .. } | Edit::Replace(element) => ids.push(element.id()),
                Edit::Remove(id) => ids.push(id.clone()),
                Edit::Header(_) => *header = true,
                Edit::Batch(edits) => edits.iter().for_each(|e| walk(e, ids, header)),
            }
        }
        walk(self, &mut ids, &mut header);
        (ids, header)
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    #[error("no element with id {0}")]
    Missing(String),
    #[error("an element with id {0} already exists")]
    Duplicate(String),
    #[error("position {index} is outside the list of {len}")]
    OutOfRange { index: usize, len: usize },
    #[error("touchpoint {0} would leave its stage's group; move it instead")]
    BreaksStageOrder(String),
}

/// A card or step whose phase its stage does not list (it moved to another stage, or
/// the phase is gone) is in no phase.
fn fit_phase(element: &mut Element, journey: &Journey) {
    let (stage, phase) = match element {
        Element::Touchpoint(t) => (t.stage, &mut t.phase),
        Element::Step(s) => (s.stage, &mut s.phase),
        _ => return,
    };
    if !phase.is_empty() && !journey.stages_phase(stage, phase) {
        phase.clear();
    }
}

fn position<T: Item>(list: &[T], id: &str) -> Result<usize, EditError> {
    list.iter()
        .position(|item| item.id() == id)
        .ok_or_else(|| EditError::Missing(id.to_owned()))
}

pub(super) fn insert<T: Item>(
    journey: &mut Journey,
    index: usize,
    item: T,
) -> Result<(), EditError> {
    item.check_place(journey, index)?;
    let list = T::list_mut(journey);
    if list.iter().any(|existing| existing.id() == item.id()) {
        return Err(EditError::Duplicate(item.id().to_owned()));
    }
    if index > list.len() {
        return Err(EditError::OutOfRange {
            index,
            len: list.len(),
        });
    }
    list.insert(index, item);
    Ok(())
}

pub(super) fn replace<T: Item>(journey: &mut Journey, item: T) -> Result<T, EditError> {
    let index = position(T::list(journey), item.id())?;
    item.check_replace(&T::list(journey)[index])?;
    Ok(std::mem::replace(&mut T::list_mut(journey)[index], item))
}

pub(super) fn remove<T: Item>(
    journey: &mut Journey,
    id: &str,
) -> Result<(usize, Element), EditError> {
    let list = T::list_mut(journey);
    let index = position(list, id)?;
    Ok((index, list.remove(index).into_element()))
}

impl Edit {
    /// Applies the edit and returns its inverse. On error the journey is unchanged.
    pub fn apply(self, journey: &mut Journey) -> Result<Edit, EditError> {
        match self {
            Edit::Insert { index, mut element } => {
                let id = element.id();
                fit_phase(&mut element, journey);
                element.insert_into(journey, index)?;
                Ok(Edit::Remove(id))
            }
            Edit::Replace(mut element) => {
                fit_phase(&mut element, journey);
                element.replace_in(journey).map(Edit::Replace)
            }
            Edit::Remove(id) => {
                let (index, element) = id.remove_from(journey)?;
                Ok(Edit::Insert { index, element })
            }
            Edit::Header(header) => {
                let old = Edit::Header(Box::new(journey.set_header(*header)));
                // A phase the new header no longer lists leaves the cards and steps
                // that were in it (their phase empties); undo puts them back.
                let mut inverse = vec![old];
                let stages = std::mem::take(&mut journey.stages);
                let listed = |stage: Stage, phase: &str| {
                    phase.is_empty()
                        || stages
                            .get(&stage)
                            .is_some_and(|n| n.phases.iter().any(|p| p == phase))
                };
                for t in &mut journey.touchpoints {
                    if !listed(t.stage, &t.phase) {
                        inverse.push(Edit::Replace(Element::Touchpoint(t.clone())));
                        t.phase.clear();
                    }
                }
                for s in &mut journey.steps {
                    if !listed(s.stage, &s.phase) {
                        inverse.push(Edit::Replace(Element::Step(s.clone())));
                        s.phase.clear();
                    }
                }
                journey.stages = stages;
                Ok(if inverse.len() == 1 {
                    inverse.remove(0)
                } else {
                    Edit::Batch(inverse)
                })
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(journey) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            for inverse in inverses.into_iter().rev() {
                                // Inverses of edits that just applied cannot fail.
                                let _undone = inverse.apply(journey);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }

    /// Renames phase `old` of `stage` to `new` (or drops it when `new` is empty), with
    /// every card and step in it: one edit, one undo step.
    pub fn rename_phase(journey: &Journey, stage: Stage, old: &str, new: &str) -> Edit {
        let mut header = journey.header();
        let notes = header.stages.entry(stage).or_default();
        if new.is_empty() {
            notes.phases.retain(|p| p != old);
        } else {
            for phase in &mut notes.phases {
                if phase == old {
                    *phase = new.to_owned();
                }
            }
        }
        let mut edits = vec![Edit::Header(Box::new(header))];
        if !new.is_empty() {
            for t in journey
                .touchpoints
                .iter()
                .filter(|t| t.stage == stage && t.phase == old)
            {
                let mut t = t.clone();
                t.phase = new.to_owned();
                edits.push(Edit::Replace(Element::Touchpoint(t)));
            }
            for s in journey
                .steps
                .iter()
                .filter(|s| s.stage == stage && s.phase == old)
            {
                let mut s = s.clone();
                s.phase = new.to_owned();
                edits.push(Edit::Replace(Element::Step(s)));
            }
        }
        Edit::Batch(edits)
    }

    /// Whether the edit changes nothing (an empty batch).
    pub fn is_noop(&self) -> bool {
        matches!(self, Edit::Batch(edits) if edits.iter().all(Edit::is_noop))
    }

    /// Adds a touchpoint at the end of `stage`.
    pub fn add_touchpoint(journey: &Journey, touchpoint: Touchpoint) -> Edit {
        let index = journey.stage_range(touchpoint.stage).end;
        Edit::Insert {
            index,
            element: Element::Touchpoint(touchpoint),
        }
    }

    /// Adds a step to its stage at `index_in_stage` (clamped; `None`: at the end).
    pub fn add_step(journey: &Journey, step: Step, index_in_stage: Option<usize>) -> Edit {
        let range = journey.step_range(step.stage);
        let index = index_in_stage.map_or(range.end, |i| (range.start + i).min(range.end));
        Edit::Insert {
            index,
            element: Element::Step(step),
        }
    }

    /// Moves a touchpoint to `stage`, at `index_in_stage` (clamped to the stage's end).
    pub fn move_touchpoint(
        journey: &Journey,
        id: &TouchpointId,
        stage: Stage,
        index_in_stage: usize,
    ) -> Result<Edit, EditError> {
        let current = journey
            .touchpoint_index(id)
            .ok_or_else(|| EditError::Missing(id.to_string()))?;
        let others = journey
            .touchpoints
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != current);
        let before = others.clone().filter(|(_, t)| t.stage < stage).count();
        let in_stage = others.filter(|(_, t)| t.stage == stage).count();
        let mut moved = journey.touchpoints[current].clone();
        moved.stage = stage;
        Ok(Edit::Batch(vec![
            Edit::Remove(ElementId::Touchpoint(id.clone())),
            Edit::Insert {
                index: before + index_in_stage.min(in_stage),
                element: Element::Touchpoint(moved),
            },
        ]))
    }

    /// Deletes any element as one step, through the table of kinds: an element that
    /// refers to it and cannot lose the reference (`Item::forget` keeps it: a grey
    /// area's ends, an opportunity's target) is deleted first, the same way; every other
    /// reference to it is forgotten (an optional field empties, a list loses the id);
    /// then it goes. The inverse restores all of it.
    pub fn delete(journey: &Journey, element: &ElementId) -> Edit {
        let mut scratch = journey.clone();
        let mut edits = Vec::new();
        let mut visiting = Vec::new();
        delete_into(&mut scratch, element, &mut edits, &mut visiting);
        Edit::Batch(edits)
    }
}

impl Edit {
    /// The one step that turns `from` into `to`, through the table of kinds: for each
    /// kind, the elements that keep their order and place stay (replaced where they
    /// changed), the rest are removed and inserted where `to` has them; then the header.
    /// A paste, an import into the open journey and the like become one undo step this
    /// way, whatever they changed.
    pub fn between(from: &Journey, to: &Journey) -> Edit {
        struct Between<'a> {
            from: &'a Journey,
            to: &'a Journey,
            removes: Vec<Edit>,
            rest: Vec<Edit>,
        }
        impl KindVisitor for Between<'_> {
            fn visit<T: Item>(&mut self) {
                let (removes, rest) = list_between(T::list(self.from), T::list(self.to));
                self.removes.extend(removes);
                self.rest.extend(rest);
            }
        }
        let mut between = Between {
            from,
            to,
            removes: Vec::new(),
            rest: Vec::new(),
        };
        each_kind(&mut between);
        // Every removal first: an element inserted may take the id of one removed.
        let mut edits = between.removes;
        edits.extend(between.rest);
        let header = to.header();
        if from.header() != header {
            edits.push(Edit::Header(Box::new(header)));
        }
        Edit::Batch(edits)
    }
}

/// The removals, then the replacements and insertions, that turn the list `from` into
/// `to`. The elements kept in place are the longest run of ids both lists have in the
/// same order (and, for touchpoints, the same stage, which a replacement must keep);
/// after the removals the list is a subsequence of `to`, so inserting the others in
/// `to`'s order at their index in `to` rebuilds it, each insertion in a valid place.
fn list_between<T: Item>(from: &[T], to: &[T]) -> (Vec<Edit>, Vec<Edit>) {
    let at_in_to: foldhash::HashMap<&str, usize> =
        to.iter().enumerate().map(|(i, t)| (t.id(), i)).collect();
    // (index in from, index in to) of the elements both have that may stay in place.
    let common: Vec<(usize, usize)> = from
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let j = *at_in_to.get(item.id())?;
            to[j].check_replace(item).is_ok().then_some((i, j))
        })
        .collect();
    let kept = longest_increasing(&common);
    let mut keep_from = vec![false; from.len()];
    let mut keep_to = vec![false; to.len()];
    for &(i, j) in &kept {
        keep_from[i] = true;
        keep_to[j] = true;
    }
    let removes = from
        .iter()
        .zip(&keep_from)
        .filter(|(_, keep)| !**keep)
        .map(|(item, _)| Edit::Remove(ElementId::new(T::KIND, item.id())))
        .collect();
    let mut rest = Vec::new();
    for &(i, j) in &kept {
        if from[i] != to[j] {
            rest.push(Edit::Replace(to[j].clone().into_element()));
        }
    }
    for (j, item) in to.iter().enumerate() {
        if !keep_to[j] {
            rest.push(Edit::Insert {
                index: j,
                element: item.clone().into_element(),
            });
        }
    }
    (removes, rest)
}

/// The longest subsequence of `pairs` (in order of their first member) whose second
/// members increase: patience sorting, O(n log n).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < j);
        previous[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut next = tails.last().copied();
    while let Some(k) = next {
        out.push(pairs[k]);
        next = previous[k];
    }
    out.reverse();
    out
}

/// The edits that drop every reference to the `kind` element `id` (where the holder
/// can live without it).
/// Adds to `edits` the deletion of `target` from `scratch` (which it applies as it
/// goes, so each step is built against the journey as the previous ones leave it).
fn delete_into(
    scratch: &mut Journey,
    target: &ElementId,
    edits: &mut Vec<Edit>,
    visiting: &mut Vec<ElementId>,
) {
    if !scratch.has(target.kind(), target.as_str()) || visiting.contains(target) {
        return;
    }
    visiting.push(target.clone());
    for dependent in dependents(scratch, target) {
        delete_into(scratch, &dependent, edits, visiting);
    }
    let unlinked = unlink(scratch, target.kind(), target.as_str());
    for edit in unlinked.into_iter().chain([Edit::Remove(target.clone())]) {
        if edit.clone().apply(scratch).is_ok() {
            edits.push(edit);
        }
    }
}

/// The elements that refer to `target` and cannot live without it.
fn dependents(journey: &Journey, target: &ElementId) -> Vec<ElementId> {
    struct Dependents<'a> {
        journey: &'a Journey,
        kind: ElementKind,
        id: &'a str,
        found: Vec<ElementId>,
    }
    impl KindVisitor for Dependents<'_> {
        fn visit<T: Item>(&mut self) {
            let (kind, id) = (self.kind, self.id);
            let refers = |e: &T| e.references().iter().any(|r| r.kind == kind && r.id == id);
            for element in T::list(self.journey).iter().filter(|e| refers(e)) {
                let mut without = element.clone();
                without.forget(kind, id);
                if refers(&without) {
                    self.found.push(ElementId::new(T::KIND, element.id()));
                }
            }
        }
    }
    let mut dependents = Dependents {
        journey,
        kind: target.kind(),
        id: target.as_str(),
        found: Vec::new(),
    };
    each_kind(&mut dependents);
    dependents.found
}

fn unlink(journey: &Journey, kind: ElementKind, id: &str) -> Vec<Edit> {
    struct Unlink<'a> {
        journey: &'a Journey,
        kind: ElementKind,
        id: &'a str,
        edits: Vec<Edit>,
    }
    impl KindVisitor for Unlink<'_> {
        fn visit<T: Item>(&mut self) {
            for element in T::list(self.journey) {
                let mut changed = element.clone();
                if changed.forget(self.kind, self.id) {
                    self.edits.push(Edit::Replace(changed.into_element()));
                }
            }
        }
    }
    let mut unlinking = Unlink {
        journey,
        kind,
        id,
        edits: Vec::new(),
    };
    each_kind(&mut unlinking);
    unlinking.edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journey_with(stages: &[Stage]) -> Journey {
        let mut journey = Journey::new("t", Language::En);
        for stage in stages {
            let tp = Touchpoint::new(journey.next_touchpoint_id(), *stage, "x");
            let edit = Edit::add_touchpoint(&journey, tp);
            edit.apply(&mut journey).unwrap();
        }
        journey
    }

    #[test]
    fn add_keeps_stage_grouping() {
        let journey = journey_with(&[Stage::Usage, Stage::Awareness, Stage::Usage, Stage::Action]);
        let stages: Vec<_> = journey.touchpoints.iter().map(|t| t.stage).collect();
        assert_eq!(
            stages,
            [Stage::Awareness, Stage::Action, Stage::Usage, Stage::Usage]
        );
    }

    #[test]
    fn move_then_undo_restores() {
        let mut journey = journey_with(&[Stage::Awareness, Stage::Awareness, Stage::Usage]);
        let original = journey.clone();
        let id = TouchpointId::new("tp-1");
        let edit = Edit::move_touchpoint(&journey, &id, Stage::Usage, 0).unwrap();
        let inverse = edit.apply(&mut journey).unwrap();
        assert_eq!(journey.touchpoints[1].id.as_str(), "tp-1");
        assert_eq!(journey.touchpoints[1].stage, Stage::Usage);
        assert_eq!(journey.touchpoints[2].id.as_str(), "tp-3");
        inverse.apply(&mut journey).unwrap();
        assert_eq!(journey, original);
    }

    #[test]
    fn failed_batch_changes_nothing() {
        let mut journey = journey_with(&[Stage::Awareness]);
        let original = journey.clone();
        let batch = Edit::Batch(vec![
            Edit::Remove(ElementId::Touchpoint("tp-1".into())),
            Edit::Remove(ElementId::Touchpoint("tp-404".into())),
        ]);
        assert_eq!(
            batch.apply(&mut journey),
            Err(EditError::Missing("tp-404".into()))
        );
        assert_eq!(journey, original);
    }

    #[test]
    fn delete_touchpoint_takes_its_grey_areas() {
        let mut journey = journey_with(&[Stage::Awareness, Stage::Interest]);
        let grey_area = GreyArea {
            kind: GreyAreaKind::ChannelSwitch,
            severity: Severity::High,
            ..GreyArea::new("ga-1".into(), "tp-1", "tp-2")
        };
        Edit::Insert {
            index: 0,
            element: Element::GreyArea(grey_area),
        }
        .apply(&mut journey)
        .unwrap();
        let before = journey.clone();
        let inverse = Edit::delete(&journey, &ElementId::Touchpoint("tp-2".into()))
            .apply(&mut journey)
            .unwrap();
        assert!(journey.grey_areas.is_empty());
        assert_eq!(journey.touchpoints.len(), 1);
        inverse.apply(&mut journey).unwrap();
        assert_eq!(journey, before);
    }
}
