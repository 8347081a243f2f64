//! The one way a journey changes. Every change is an `Edit`; `apply` performs it and
//! returns the inverse edit, so undo/redo, the unsaved marker and autosave hook in at
//! exactly one place. Compound changes (move, delete with its references) are built
//! from the primitives as a `Batch`, which applies all-or-nothing.

use super::*;
use thiserror::Error;

/// One element of one of the journey's lists.
#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    Touchpoint(Touchpoint),
    Evidence(Evidence),
    GreyArea(GreyArea),
    Opportunity(Opportunity),
    Channel(Channel),
    Department(Department),
    Curve(Curve),
}

/// The id of an element, naming its list.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ElementId {
    Touchpoint(TouchpointId),
    Evidence(EvidenceId),
    GreyArea(GreyAreaId),
    Opportunity(OpportunityId),
    Channel(ChannelId),
    Department(DepartmentId),
    Curve(CurveId),
}

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

impl Element {
    pub fn id(&self) -> ElementId {
        match self {
            Element::Touchpoint(t) => ElementId::Touchpoint(t.id.clone()),
            Element::Evidence(e) => ElementId::Evidence(e.id.clone()),
            Element::GreyArea(g) => ElementId::GreyArea(g.id.clone()),
            Element::Opportunity(o) => ElementId::Opportunity(o.id.clone()),
            Element::Channel(c) => ElementId::Channel(c.id.clone()),
            Element::Department(d) => ElementId::Department(d.id.clone()),
            Element::Curve(c) => ElementId::Curve(c.id.clone()),
        }
    }
}

impl ElementId {
    pub fn as_str(&self) -> &str {
        match self {
            ElementId::Touchpoint(id) => id.as_str(),
            ElementId::Evidence(id) => id.as_str(),
            ElementId::GreyArea(id) => id.as_str(),
            ElementId::Opportunity(id) => id.as_str(),
            ElementId::Channel(id) => id.as_str(),
            ElementId::Department(id) => id.as_str(),
            ElementId::Curve(id) => id.as_str(),
        }
    }
}

fn position<T: Item>(list: &[T], id: &str) -> Result<usize, EditError> {
    list.iter()
        .position(|item| item.id() == id)
        .ok_or_else(|| EditError::Missing(id.to_owned()))
}

fn insert<T: Item>(journey: &mut Journey, index: usize, item: T) -> Result<(), EditError> {
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

fn replace<T: Item>(journey: &mut Journey, item: T) -> Result<T, EditError> {
    let list = T::list_mut(journey);
    let index = position(list, item.id())?;
    Ok(std::mem::replace(&mut list[index], item))
}

impl Edit {
    /// Applies the edit and returns its inverse. On error the journey is unchanged.
    pub fn apply(self, journey: &mut Journey) -> Result<Edit, EditError> {
        match self {
            Edit::Insert { index, element } => {
                let id = element.id();
                insert_element(journey, index, element)?;
                Ok(Edit::Remove(id))
            }
            Edit::Replace(element) => replace_element(journey, element).map(Edit::Replace),
            Edit::Remove(id) => {
                let (index, element) = remove_element(journey, &id)?;
                Ok(Edit::Insert { index, element })
            }
            Edit::Header(header) => Ok(Edit::Header(Box::new(journey.set_header(*header)))),
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

    /// Deletes any element as one step: what cannot live without it goes with it (a
    /// touchpoint's grey areas and opportunities, a grey area's opportunities), what
    /// only refers to it forgets the reference.
    pub fn delete(journey: &Journey, element: &ElementId) -> Edit {
        match element {
            ElementId::Touchpoint(id) => Edit::delete_touchpoint(journey, id),
            ElementId::GreyArea(id) => Edit::delete_grey_area(journey, id),
            other => Edit::delete_unlinking(journey, other.kind(), other.as_str()),
        }
    }

    /// Deletes a touchpoint with the grey areas and opportunities that point at it, and
    /// clears the `planned_after` of touchpoints planned after it.
    pub fn delete_touchpoint(journey: &Journey, id: &TouchpointId) -> Edit {
        // Other touchpoints planned after it lose that reference.
        let mut edits = unlink(journey, ElementKind::Touchpoint, id.as_str());
        for grey_area in journey
            .grey_areas
            .iter()
            .filter(|g| &g.from == id || &g.to == id)
        {
            edits.push(Edit::delete_grey_area(journey, &grey_area.id));
        }
        for opportunity in journey.opportunities_for(id) {
            edits.push(Edit::Remove(ElementId::Opportunity(opportunity.id.clone())));
        }
        edits.push(Edit::Remove(ElementId::Touchpoint(id.clone())));
        Edit::Batch(edits)
    }

    /// Deletes a grey area with the opportunities attached to it.
    pub fn delete_grey_area(journey: &Journey, id: &GreyAreaId) -> Edit {
        let mut edits: Vec<Edit> = journey
            .opportunities
            .iter()
            .filter(|o| matches!(&o.target, OpportunityTarget::GreyArea(g) if g == id))
            .map(|o| Edit::Remove(ElementId::Opportunity(o.id.clone())))
            .collect();
        edits.push(Edit::Remove(ElementId::GreyArea(id.clone())));
        Edit::Batch(edits)
    }

    /// Deletes an evidence item and unlinks it everywhere.
    pub fn delete_evidence(journey: &Journey, id: &EvidenceId) -> Edit {
        Edit::delete_unlinking(journey, ElementKind::Evidence, id.as_str())
    }

    /// Deletes a channel and clears it from touchpoints and grey areas.
    pub fn delete_channel(journey: &Journey, id: &ChannelId) -> Edit {
        Edit::delete_unlinking(journey, ElementKind::Channel, id.as_str())
    }

    /// Removes an extra curve and every touchpoint's score on it, as one step.
    pub fn delete_curve(journey: &Journey, id: &CurveId) -> Edit {
        Edit::delete_unlinking(journey, ElementKind::Curve, id.as_str())
    }

    /// Deletes a department and clears it from touchpoints and grey areas.
    pub fn delete_department(journey: &Journey, id: &DepartmentId) -> Edit {
        Edit::delete_unlinking(journey, ElementKind::Department, id.as_str())
    }

    /// Deletes the `kind` element `id` and every reference to it that its holder can
    /// lose (through `Item::forget`, for every kind in the table), as one step.
    pub fn delete_unlinking(journey: &Journey, kind: ElementKind, id: &str) -> Edit {
        let mut edits = unlink(journey, kind, id);
        edits.push(Edit::Remove(ElementId::new(kind, id)));
        Edit::Batch(edits)
    }
}

/// The edits that drop every reference to the `kind` element `id` (where the holder
/// can live without it).
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

fn insert_element(journey: &mut Journey, index: usize, element: Element) -> Result<(), EditError> {
    match element {
        Element::Touchpoint(t) => {
            let range = journey.stage_range(t.stage);
            if !(range.start..=range.end).contains(&index) {
                return Err(EditError::BreaksStageOrder(t.id.to_string()));
            }
            insert(journey, index, t)
        }
        Element::Evidence(e) => insert(journey, index, e),
        Element::GreyArea(g) => insert(journey, index, g),
        Element::Opportunity(o) => insert(journey, index, o),
        Element::Channel(c) => insert(journey, index, c),
        Element::Department(d) => insert(journey, index, d),
        Element::Curve(c) => insert(journey, index, c),
    }
}

fn replace_element(journey: &mut Journey, element: Element) -> Result<Element, EditError> {
    Ok(match element {
        Element::Touchpoint(t) => {
            let index = position(&journey.touchpoints, t.id.as_str())?;
            if journey.touchpoints[index].stage != t.stage {
                return Err(EditError::BreaksStageOrder(t.id.to_string()));
            }
            Element::Touchpoint(std::mem::replace(&mut journey.touchpoints[index], t))
        }
        Element::Evidence(e) => replace(journey, e)?.into_element(),
        Element::GreyArea(g) => replace(journey, g)?.into_element(),
        Element::Opportunity(o) => replace(journey, o)?.into_element(),
        Element::Channel(c) => replace(journey, c)?.into_element(),
        Element::Department(d) => replace(journey, d)?.into_element(),
        Element::Curve(c) => replace(journey, c)?.into_element(),
    })
}

fn remove_element(journey: &mut Journey, id: &ElementId) -> Result<(usize, Element), EditError> {
    struct Remove<'a> {
        journey: &'a mut Journey,
        kind: ElementKind,
        id: &'a str,
        removed: Option<Result<(usize, Element), EditError>>,
    }
    impl KindVisitor for Remove<'_> {
        fn visit<T: Item>(&mut self) {
            if T::KIND == self.kind {
                let list = T::list_mut(self.journey);
                self.removed = Some(
                    position(list, self.id).map(|index| (index, list.remove(index).into_element())),
                );
            }
        }
    }
    let mut remove = Remove {
        journey,
        kind: id.kind(),
        id: id.as_str(),
        removed: None,
    };
    each_kind(&mut remove);
    remove
        .removed
        .unwrap_or_else(|| Err(EditError::Missing(id.as_str().to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleting_a_touchpoint_clears_planned_after_and_undo_restores_it() {
        let text = include_str!("../../journeys/broadband-onboarding-planned-vs-actual.ron");
        let mut journey = crate::format::parse(text).unwrap().journey;
        let before = journey.clone();
        let planned: TouchpointId = "tp-11".into();
        assert_eq!(
            journey.touchpoint(&"tp-9".into()).unwrap().planned_after,
            Some(planned.clone()),
            "the example plans tp-9 after tp-11"
        );
        let inverse = Edit::delete_touchpoint(&journey, &planned)
            .apply(&mut journey)
            .unwrap();
        assert_eq!(
            journey.touchpoint(&"tp-9".into()).unwrap().planned_after,
            None
        );
        assert!(
            crate::format::validate(&journey).is_empty(),
            "no reference left dangling"
        );
        inverse.apply(&mut journey).unwrap();
        assert_eq!(journey, before);
    }

    #[test]
    fn deleting_any_catalogue_entry_unlinks_it_everywhere() {
        let text = include_str!("../../journeys/broadband-onboarding-planned-vs-actual.ron");
        let journey = crate::format::parse(text).unwrap().journey;
        for (kind, id) in [
            (ElementKind::Channel, journey.channels[0].id.as_str()),
            (ElementKind::Department, journey.departments[0].id.as_str()),
            (ElementKind::Evidence, journey.evidence[0].id.as_str()),
            (ElementKind::Curve, journey.curves[0].id.as_str()),
        ] {
            let mut changed = journey.clone();
            let inverse = Edit::delete_unlinking(&journey, kind, id)
                .apply(&mut changed)
                .unwrap();
            assert!(!changed.has(kind, id));
            assert!(
                crate::format::validate(&changed).is_empty(),
                "{kind:?} {id}: {:?}",
                crate::format::validate(&changed)
            );
            inverse.apply(&mut changed).unwrap();
            assert_eq!(changed, journey);
        }
    }

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
            id: "ga-1".into(),
            title: String::new(),
            from: "tp-1".into(),
            to: "tp-2".into(),
            kind: GreyAreaKind::ChannelSwitch,
            severity: Severity::High,
            experience: String::new(),
            departments: vec![],
            channels: vec![],
            evidence: vec![],
            fix: String::new(),
            owner: String::new(),
            status: GreyAreaStatus::Open,
        };
        Edit::Insert {
            index: 0,
            element: Element::GreyArea(grey_area),
        }
        .apply(&mut journey)
        .unwrap();
        let before = journey.clone();
        let inverse = Edit::delete_touchpoint(&journey, &"tp-2".into())
            .apply(&mut journey)
            .unwrap();
        assert!(journey.grey_areas.is_empty());
        assert_eq!(journey.touchpoints.len(), 1);
        inverse.apply(&mut journey).unwrap();
        assert_eq!(journey, before);
    }
}
