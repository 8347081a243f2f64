//! Deleting what others refer to: the one rule the canvas, the table and the inspector
//! share. Deleting a touchpoint or a step that grey areas, opportunities or steps refer
//! to first names them; the person re-points them to the element beside it (the one
//! before it in the same stage and lane, else the one after; the choice is absent when
//! there is neither), deletes them with it, or cancels. Either way it is one undo step.

use crate::model::*;

/// What deleting some elements would touch.
#[derive(Clone, Debug, PartialEq)]
pub struct Deletion {
    /// What the person asked to delete.
    pub elements: Vec<ElementId>,
    /// The elements elsewhere that refer to one of them (a grey area ending on a card,
    /// an opportunity on it, a step serving it), in the table's order.
    pub referrers: Vec<ElementId>,
    /// For each deleted element with referrers, the element its references would move
    /// to; `None` when one of them has no neighbour (re-pointing is not offered).
    pub repoint: Option<Vec<(ElementId, ElementId)>>,
}

impl Deletion {
    /// Whether the person must be asked first.
    pub fn asks(&self) -> bool {
        !self.referrers.is_empty()
    }
}

/// What to do with the elements that refer to what is deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referrers {
    /// Their references move to the deleted element's neighbour.
    Repoint,
    /// They are deleted with it.
    Delete,
}

/// Whether deleting elements of `kind` asks first when others refer to them.
fn guarded(kind: ElementKind) -> bool {
    matches!(kind, ElementKind::Touchpoint | ElementKind::Step)
}

/// What deleting `elements` from `journey` would touch.
pub fn deletion(journey: &Journey, elements: &[ElementId]) -> Deletion {
    let mut referrers: Vec<ElementId> = Vec::new();
    let mut repoint = Some(Vec::new());
    for element in elements.iter().filter(|e| guarded(e.kind())) {
        // A round of votes is never deleted or re-pointed with what it counted: the
        // deleted element's dots are forgotten (`delete_edit`).
        let found: Vec<ElementId> = referring(journey, element)
            .into_iter()
            .filter(|r| !elements.contains(r) && r.kind() != ElementKind::VoteRound)
            .collect();
        if found.is_empty() {
            continue;
        }
        for r in found {
            if !referrers.contains(&r) {
                referrers.push(r);
            }
        }
        match (neighbour(journey, element, elements), &mut repoint) {
            (Some(next), Some(pairs)) => pairs.push((element.clone(), next)),
            _ => repoint = None,
        }
    }
    Deletion {
        elements: elements.to_vec(),
        referrers,
        repoint,
    }
}

/// Every element that refers to `target`.
pub fn referring(journey: &Journey, target: &ElementId) -> Vec<ElementId> {
    struct Referring<'a> {
        journey: &'a Journey,
        target: &'a ElementId,
        found: Vec<ElementId>,
    }
    impl KindVisitor for Referring<'_> {
        fn visit<T: Item>(&mut self) {
            let (kind, id) = (self.target.kind(), self.target.as_str());
            for element in T::list(self.journey) {
                if element
                    .references()
                    .iter()
                    .any(|r| r.kind == kind && r.id == id)
                {
                    self.found.push(ElementId::new(T::KIND, element.id()));
                }
            }
        }
    }
    let mut referring = Referring {
        journey,
        target,
        found: Vec::new(),
    };
    each_kind(&mut referring);
    referring.found
}

/// The element beside `element` that its references can move to: the one before it in
/// the same stage (and, for a step, the same lane), else the one after; never one of
/// `deleted`.
pub fn neighbour(
    journey: &Journey,
    element: &ElementId,
    deleted: &[ElementId],
) -> Option<ElementId> {
    let alive = |id: &ElementId| !deleted.contains(id);
    match element {
        ElementId::Touchpoint(id) => {
            let stage = journey.touchpoint(id)?.stage;
            let at = journey.touchpoint_index(id)?;
            let same: Vec<(usize, ElementId)> = journey
                .touchpoints
                .iter()
                .enumerate()
                .filter(|(_, t)| t.stage == stage)
                .map(|(i, t)| (i, ElementId::Touchpoint(t.id.clone())))
                .filter(|(_, e)| alive(e))
                .collect();
            pick(&same, at)
        }
        ElementId::Step(id) => {
            let step = journey.step(id)?;
            let at = journey.steps.iter().position(|s| &s.id == id)?;
            let same: Vec<(usize, ElementId)> = journey
                .steps
                .iter()
                .enumerate()
                .filter(|(_, s)| s.stage == step.stage && s.lane == step.lane)
                .map(|(i, s)| (i, ElementId::Step(s.id.clone())))
                .filter(|(_, e)| alive(e))
                .collect();
            pick(&same, at)
        }
        _ => None,
    }
}

/// The last of `same` before `at`, else the first after it.
fn pick(same: &[(usize, ElementId)], at: usize) -> Option<ElementId> {
    same.iter()
        .rev()
        .find(|(i, _)| *i < at)
        .or_else(|| same.iter().find(|(i, _)| *i > at))
        .map(|(_, e)| e.clone())
}

/// The one step that deletes `elements` and does `referrers` with what refers to them.
/// Re-pointing where it is not offered deletes them instead.
pub fn delete_edit(journey: &Journey, elements: &[ElementId], referrers: Referrers) -> Edit {
    let plan = deletion(journey, elements);
    let mut work = journey.clone();
    // The dots a deleted element got go with it: they were for it, not its neighbour.
    for round in &mut work.votes {
        round
            .counts
            .retain(|(target, _)| !elements.contains(&target.element()));
    }
    let mut doomed: Vec<ElementId> = Vec::new();
    match (referrers, &plan.repoint) {
        (Referrers::Repoint, Some(pairs)) => {
            for (from, to) in pairs {
                work.redirect(from.kind(), from.as_str(), to.as_str());
            }
            // A grey area whose two ends became one has nothing left to mark.
            for g in &work.grey_areas {
                if g.from == g.to {
                    doomed.push(ElementId::GreyArea(g.id.clone()));
                }
            }
            for s in &mut work.steps {
                let mut seen = Vec::new();
                s.serves.retain(|t| {
                    let first = !seen.contains(t);
                    seen.push(t.clone());
                    first
                });
            }
        }
        _ => doomed.extend(plan.referrers.iter().cloned()),
    }
    doomed.extend(elements.iter().cloned());
    for element in doomed {
        let edit = Edit::delete(&work, &element);
        // An element already gone with an earlier one is skipped.
        edit.apply(&mut work).ok();
    }
    Edit::between(journey, &work)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Journey {
        let path = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("journeys/online-order-delivery-return.ron");
        crate::format::load(&path).unwrap().journey
    }

    #[test]
    fn a_step_a_grey_area_ends_on_names_it_and_re_points_it() {
        let journey = example();
        let grey = journey
            .grey_areas
            .iter()
            .find(|g| g.to.is_step())
            .expect("the example has a grey area ending on a step")
            .clone();
        let step = ElementId::Step(grey.to.step().unwrap().clone());
        let plan = deletion(&journey, std::slice::from_ref(&step));
        assert!(
            plan.referrers
                .contains(&ElementId::GreyArea(grey.id.clone()))
        );
        let mut work = journey.clone();
        delete_edit(&journey, std::slice::from_ref(&step), Referrers::Repoint)
            .apply(&mut work)
            .unwrap();
        assert!(!work.has(ElementKind::Step, step.as_str()));
        match &plan.repoint {
            Some(pairs) => {
                let kept = work.grey_area(&grey.id).expect("re-pointed, not deleted");
                assert_eq!(kept.fix, grey.fix);
                assert_eq!(kept.to.as_str(), pairs[0].1.as_str());
            }
            None => assert!(work.grey_area(&grey.id).is_none()),
        }
        // Deleting them with it: the grey area goes too.
        let mut work = journey.clone();
        delete_edit(&journey, std::slice::from_ref(&step), Referrers::Delete)
            .apply(&mut work)
            .unwrap();
        assert!(work.grey_area(&grey.id).is_none());
        assert!(crate::format::validate(&work).is_empty());
    }

    #[test]
    fn a_card_with_no_neighbour_cannot_be_re_pointed() {
        let mut journey = Journey::new("J", Language::En);
        journey
            .touchpoints
            .push(Touchpoint::new("tp-1".into(), Stage::Usage, "Alone"));
        let mut step = Step::new("st-1".into(), Stage::Usage, BlueprintLane::Backstage, "S");
        step.serves = vec!["tp-1".into()];
        journey.steps.push(step);
        let plan = deletion(&journey, &[ElementId::Touchpoint("tp-1".into())]);
        assert_eq!(plan.referrers, [ElementId::Step("st-1".into())]);
        assert_eq!(plan.repoint, None);
        assert!(plan.asks());
    }
}
