//! The kinds of element a journey lists, in one table (`element_kinds!`). Ids,
//! references, validation, renaming, deletion, diff, merge, the resolver, find and the
//! editor's selection reach every kind through `Item`, `each_kind` and the types the
//! table generates, so a new kind of element is a row in the table, its struct, its
//! list in `Journey` and its `Item` impl below.

use super::fields::Field;
use super::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The one table of element kinds. Each row names the kind, its struct, its id type,
/// its word in messages, the section of files that lists it, its message-id key, and
/// whether its ids are numbered (`tp-7`) or catalogue slugs (`web`). Everything that
/// lists every kind is generated from it: `ElementKind` and its tables, `Element`,
/// `ElementId`, `each_kind`, and the per-kind dispatch of inserting, replacing and
/// removing. A new kind is a row here, its struct and list in `Journey`, its `Item`
/// impl below, its words, and its UI.
macro_rules! element_kinds {
    ($(
        $(#[$doc:meta])*
        $kind:ident($item:ident, $id:ident, $singular:literal, $section:literal, $key:literal, $numbered:literal);
    )+) => {
        /// One kind of element of a journey's lists.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ElementKind {
            $($(#[$doc])* $kind),+
        }

        /// How many kinds there are.
        const KIND_COUNT: usize = [$(stringify!($kind)),+].len();

        impl ElementKind {
            /// Every kind, in the order diffs and reports list them.
            pub const ALL: [ElementKind; KIND_COUNT] = [$(ElementKind::$kind),+];

            /// The element's name in command-line messages and file diagnostics.
            pub fn singular(self) -> &'static str {
                match self { $(ElementKind::$kind => $singular),+ }
            }

            /// The journey field holding this kind of element in files.
            pub const fn section(self) -> &'static str {
                match self { $(ElementKind::$kind => $section),+ }
            }

            /// Stable key for message ids (`grey-areas`).
            pub fn key(self) -> &'static str {
                match self { $(ElementKind::$kind => $key),+ }
            }

            /// Whether ids of this kind are numbered (`tp-7`) rather than catalogue
            /// slugs (`web`): the map's elements (touchpoints, steps, grey areas,
            /// evidence, opportunities), which share one id space.
            pub fn numbered(self) -> bool {
                match self { $(ElementKind::$kind => $numbered),+ }
            }

            fn prefix(self) -> &'static str {
                match self { $(ElementKind::$kind => $id::PREFIX),+ }
            }
        }

        /// One element of one of the journey's lists.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Element {
            $($kind($item)),+
        }

        /// The id of an element, naming its list.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ElementId {
            $($kind($id)),+
        }

        impl Element {
            pub fn id(&self) -> ElementId {
                match self { $(Element::$kind(e) => ElementId::$kind(e.id.clone())),+ }
            }

            pub fn kind(&self) -> ElementKind {
                match self { $(Element::$kind(_) => ElementKind::$kind),+ }
            }

            /// Inserts the element at `index` of its list.
            pub(super) fn insert_into(self, journey: &mut Journey, index: usize) -> Result<(), EditError> {
                match self { $(Element::$kind(e) => super::edit::insert(journey, index, e)),+ }
            }

            /// Puts the element in place of the one with its id; returns that one.
            pub(super) fn replace_in(self, journey: &mut Journey) -> Result<Element, EditError> {
                match self {
                    $(Element::$kind(e) => super::edit::replace(journey, e).map(Item::into_element)),+
                }
            }
        }

        impl ElementId {
            /// The id of the `kind` element `id`.
            pub fn new(kind: ElementKind, id: &str) -> Self {
                let id = id.to_owned();
                match kind { $(ElementKind::$kind => ElementId::$kind($id(id))),+ }
            }

            pub fn kind(&self) -> ElementKind {
                match self { $(ElementId::$kind(_) => ElementKind::$kind),+ }
            }

            pub fn as_str(&self) -> &str {
                match self { $(ElementId::$kind(id) => id.as_str()),+ }
            }

            /// Removes the element from its list; returns where it was and what it was.
            pub(super) fn remove_from(&self, journey: &mut Journey) -> Result<(usize, Element), EditError> {
                match self {
                    $(ElementId::$kind(id) => super::edit::remove::<$item>(journey, id.as_str())),+
                }
            }
        }

        /// The table of element types: `visit` once with each, in the table's order.
        pub fn each_kind(visitor: &mut impl KindVisitor) {
            $(visitor.visit::<$item>();)+
        }

        /// `visit` with the type of `kind` alone.
        pub fn with_kind(kind: ElementKind, visitor: &mut impl KindVisitor) {
            match kind { $(ElementKind::$kind => visitor.visit::<$item>()),+ }
        }
    };
}

element_kinds! {
    Touchpoint(Touchpoint, TouchpointId, "touchpoint", "touchpoints", "touchpoints", true);
    /// A step of the service blueprint (frontstage, backstage, support).
    Step(Step, StepId, "step", "steps", "steps", true);
    GreyArea(GreyArea, GreyAreaId, "grey area", "grey_areas", "grey-areas", true);
    Evidence(Evidence, EvidenceId, "evidence", "evidence", "evidence", true);
    Opportunity(Opportunity, OpportunityId, "opportunity", "opportunities", "opportunities", true);
    Channel(Channel, ChannelId, "channel", "channels", "channels", false);
    Department(Department, DepartmentId, "department", "departments", "departments", false);
    /// Who does a step (customer, staff, system, partner).
    Actor(Actor, ActorId, "actor", "actors", "actors", false);
    /// An extra curve (trust, a segment…) that touchpoints score.
    Curve(Curve, CurveId, "curve", "curves", "curves", false);
}

impl ElementKind {
    /// Whether the kind is one of the map's elements, whose ids are unique across all
    /// of them (a catalogue entry's id is unique within its catalogue only).
    pub fn shares_ids(self) -> bool {
        self.numbered()
    }

    /// Hands out new ids for elements of this kind that are not in `taken`.
    pub fn allocator(self, taken: foldhash::HashSet<String>) -> IdAllocator {
        let largest = largest_number(self.prefix(), taken.iter().map(String::as_str));
        IdAllocator {
            kind: self,
            taken,
            next_number: largest + 1,
        }
    }
}

/// New ids of one kind: the next number for numbered kinds (`tp-18`), `old-2`,
/// `old-3`... for catalogue slugs. Constant time per id.
#[derive(Debug)]
pub struct IdAllocator {
    kind: ElementKind,
    taken: foldhash::HashSet<String>,
    next_number: u64,
}

impl IdAllocator {
    /// A fresh id for an element that had `old`.
    pub fn fresh(&mut self, old: &str) -> String {
        let new = if self.kind.numbered() {
            let prefix = self.kind.prefix();
            loop {
                let candidate = format!("{prefix}-{}", self.next_number);
                self.next_number += 1;
                if !self.taken.contains(&candidate) {
                    break candidate;
                }
            }
        } else {
            (2..)
                .map(|n| format!("{old}-{n}"))
                .find(|candidate| !self.taken.contains(candidate))
                .unwrap_or_else(|| old.to_owned())
        };
        self.taken.insert(new.clone());
        new
    }
}

/// A reference from one element to another, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference<'a> {
    pub kind: ElementKind,
    /// The referring element's field that holds the id.
    pub field: &'static str,
    pub id: &'a str,
}

/// An element of one of the journey's lists.
pub trait Item: Clone + PartialEq + Serialize + DeserializeOwned + 'static {
    const KIND: ElementKind;
    fn id(&self) -> &str;
    fn set_id(&mut self, id: String);
    /// A name people recognise (a card's title, an idea, the start of a quote).
    /// What people call it (its title), cut to `NAME_CHARS` characters: a name is
    /// shown in lists, menus and messages, whatever the field holds.
    fn name(&self) -> String;
    fn list(journey: &Journey) -> &Vec<Self>;
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self>;
    /// The ids this element refers to.
    fn references(&self) -> Vec<Reference<'_>>;
    /// The same references, to rewrite them (renumbering on merge).
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)>;
    /// Drops this element's references to the `kind` element `id` where it can live
    /// without them (an optional field empties, a list loses the id); a reference the
    /// element cannot lose (a grey area's ends, an opportunity's target) stays, and
    /// deleting what it points at deletes the element too. Returns whether it changed.
    /// Kinds that refer to nothing keep the default.
    fn forget(&mut self, _kind: ElementKind, _id: &str) -> bool {
        false
    }
    /// Whether the element may go at `index` of its list (touchpoints stay grouped by
    /// stage); the others go anywhere.
    fn check_place(&self, _journey: &Journey, _index: usize) -> Result<(), EditError> {
        Ok(())
    }
    /// Whether the element may replace `old` in place (a touchpoint keeps its stage:
    /// another stage is a move).
    fn check_replace(&self, _old: &Self) -> Result<(), EditError> {
        Ok(())
    }
    fn into_element(self) -> Element;
    /// The kind's fields (`model::fields`): names, labels, shapes, and how to read and
    /// write each; sheets, the table, Find, the diff and the resolver go through them.
    const FIELDS: &'static [Field<Self>];
}

/// The message id labelling `field` of a `kind` element, from the table.
pub fn field_label(kind: ElementKind, field: &str) -> Option<&'static str> {
    struct Label<'a>(&'a str, Option<&'static str>);
    impl KindVisitor for Label<'_> {
        fn visit<T: Item>(&mut self) {
            self.1 = T::FIELDS.iter().find(|f| f.name == self.0).map(|f| f.label);
        }
    }
    let mut label = Label(field, None);
    with_kind(kind, &mut label);
    label.1
}

/// Something done once per kind of element: `each_kind` calls `visit` with each type.
pub trait KindVisitor {
    fn visit<T: Item>(&mut self);
}

/// Empties an optional reference that names `id`.
fn clear_if<T: AsRef<str>>(field: &mut Option<T>, id: &str) {
    if field.as_ref().is_some_and(|f| f.as_ref() == id) {
        *field = None;
    }
}

fn reference<'a>(kind: ElementKind, field: &'static str, id: &'a str) -> Reference<'a> {
    Reference { kind, field, id }
}

impl Item for Touchpoint {
    const KIND: ElementKind = ElementKind::Touchpoint;
    const FIELDS: &'static [Field<Self>] = super::fields::TOUCHPOINT_FIELDS;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = TouchpointId(id);
    }
    fn name(&self) -> String {
        shown(&self.title)
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.touchpoints
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.touchpoints
    }
    fn references(&self) -> Vec<Reference<'_>> {
        let mut out = Vec::new();
        if let Some(c) = &self.channel {
            out.push(reference(ElementKind::Channel, "channel", c.as_str()));
        }
        if let Some(d) = &self.department {
            out.push(reference(ElementKind::Department, "department", d.as_str()));
        }
        out.extend(
            self.evidence
                .iter()
                .map(|e| reference(ElementKind::Evidence, "evidence", e.as_str())),
        );
        if let Some(t) = &self.planned_after {
            out.push(reference(
                ElementKind::Touchpoint,
                "planned_after",
                t.as_str(),
            ));
        }
        out.extend(
            self.scores
                .iter()
                .map(|s| reference(ElementKind::Curve, "scores", s.curve.as_str())),
        );
        out
    }
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)> {
        let mut out = Vec::new();
        if let Some(c) = &mut self.channel {
            out.push((ElementKind::Channel, &mut c.0));
        }
        if let Some(d) = &mut self.department {
            out.push((ElementKind::Department, &mut d.0));
        }
        out.extend(
            self.evidence
                .iter_mut()
                .map(|e| (ElementKind::Evidence, &mut e.0)),
        );
        if let Some(t) = &mut self.planned_after {
            out.push((ElementKind::Touchpoint, &mut t.0));
        }
        out.extend(
            self.scores
                .iter_mut()
                .map(|s| (ElementKind::Curve, &mut s.curve.0)),
        );
        out
    }
    fn forget(&mut self, kind: ElementKind, id: &str) -> bool {
        let before = self.clone();
        match kind {
            ElementKind::Channel => clear_if(&mut self.channel, id),
            ElementKind::Department => clear_if(&mut self.department, id),
            ElementKind::Touchpoint => clear_if(&mut self.planned_after, id),
            ElementKind::Evidence => self.evidence.retain(|e| e.as_str() != id),
            ElementKind::Curve => self.scores.retain(|s| s.curve.as_str() != id),
            ElementKind::GreyArea
            | ElementKind::Opportunity
            | ElementKind::Step
            | ElementKind::Actor => {}
        }
        *self != before
    }
    fn check_place(&self, journey: &Journey, index: usize) -> Result<(), EditError> {
        let range = journey.stage_range(self.stage);
        if (range.start..=range.end).contains(&index) {
            Ok(())
        } else {
            Err(EditError::BreaksStageOrder(self.id.to_string()))
        }
    }
    fn check_replace(&self, old: &Self) -> Result<(), EditError> {
        if old.stage == self.stage {
            Ok(())
        } else {
            Err(EditError::BreaksStageOrder(self.id.to_string()))
        }
    }
    fn into_element(self) -> Element {
        Element::Touchpoint(self)
    }
}

/// The kind of element a grey area's end names.
fn end_kind(end: &End) -> ElementKind {
    match end {
        End::Touchpoint(_) => ElementKind::Touchpoint,
        End::Step(_) => ElementKind::Step,
    }
}

fn end_mut(end: &mut End) -> (ElementKind, &mut String) {
    match end {
        End::Touchpoint(t) => (ElementKind::Touchpoint, &mut t.0),
        End::Step(s) => (ElementKind::Step, &mut s.0),
    }
}

impl Item for Step {
    const KIND: ElementKind = ElementKind::Step;
    const FIELDS: &'static [Field<Self>] = super::fields::STEP_FIELDS;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = StepId(id);
    }
    fn name(&self) -> String {
        shown(&self.title)
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.steps
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.steps
    }
    fn references(&self) -> Vec<Reference<'_>> {
        let mut out = Vec::new();
        if let Some(a) = &self.actor {
            out.push(reference(ElementKind::Actor, "actor", a.as_str()));
        }
        out.extend(
            self.serves
                .iter()
                .map(|t| reference(ElementKind::Touchpoint, "serves", t.as_str())),
        );
        out.extend(
            self.evidence
                .iter()
                .map(|e| reference(ElementKind::Evidence, "evidence", e.as_str())),
        );
        out
    }
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)> {
        let mut out = Vec::new();
        if let Some(a) = &mut self.actor {
            out.push((ElementKind::Actor, &mut a.0));
        }
        out.extend(
            self.serves
                .iter_mut()
                .map(|t| (ElementKind::Touchpoint, &mut t.0)),
        );
        out.extend(
            self.evidence
                .iter_mut()
                .map(|e| (ElementKind::Evidence, &mut e.0)),
        );
        out
    }
    fn forget(&mut self, kind: ElementKind, id: &str) -> bool {
        let before = self.clone();
        match kind {
            ElementKind::Actor => clear_if(&mut self.actor, id),
            ElementKind::Touchpoint => self.serves.retain(|t| t.as_str() != id),
            ElementKind::Evidence => self.evidence.retain(|e| e.as_str() != id),
            _ => {}
        }
        *self != before
    }
    fn check_place(&self, journey: &Journey, index: usize) -> Result<(), EditError> {
        let range = journey.step_range(self.stage);
        if (range.start..=range.end).contains(&index) {
            Ok(())
        } else {
            Err(EditError::BreaksStageOrder(self.id.to_string()))
        }
    }
    fn check_replace(&self, old: &Self) -> Result<(), EditError> {
        if old.stage == self.stage {
            Ok(())
        } else {
            Err(EditError::BreaksStageOrder(self.id.to_string()))
        }
    }
    fn into_element(self) -> Element {
        Element::Step(self)
    }
}

impl Item for Actor {
    const KIND: ElementKind = ElementKind::Actor;
    const FIELDS: &'static [Field<Self>] = super::fields::ACTOR_FIELDS;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = ActorId(id);
    }
    fn name(&self) -> String {
        shown(&self.name)
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.actors
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.actors
    }
    fn references(&self) -> Vec<Reference<'_>> {
        Vec::new()
    }
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)> {
        Vec::new()
    }
    fn into_element(self) -> Element {
        Element::Actor(self)
    }
}

impl Item for GreyArea {
    const KIND: ElementKind = ElementKind::GreyArea;
    const FIELDS: &'static [Field<Self>] = super::fields::GREY_AREA_FIELDS;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = GreyAreaId(id);
    }
    fn name(&self) -> String {
        if self.title.is_empty() {
            format!("{} → {}", self.from, self.to)
        } else {
            shown(&self.title)
        }
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.grey_areas
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.grey_areas
    }
    fn references(&self) -> Vec<Reference<'_>> {
        let mut out = vec![
            reference(end_kind(&self.from), "from", self.from.as_str()),
            reference(end_kind(&self.to), "to", self.to.as_str()),
        ];
        out.extend(
            self.departments
                .iter()
                .map(|d| reference(ElementKind::Department, "departments", d.as_str())),
        );
        out.extend(
            self.channels
                .iter()
                .map(|c| reference(ElementKind::Channel, "channels", c.as_str())),
        );
        out.extend(
            self.evidence
                .iter()
                .map(|e| reference(ElementKind::Evidence, "evidence", e.as_str())),
        );
        out
    }
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)> {
        let mut out = vec![end_mut(&mut self.from), end_mut(&mut self.to)];
        out.extend(
            self.departments
                .iter_mut()
                .map(|d| (ElementKind::Department, &mut d.0)),
        );
        out.extend(
            self.channels
                .iter_mut()
                .map(|c| (ElementKind::Channel, &mut c.0)),
        );
        out.extend(
            self.evidence
                .iter_mut()
                .map(|e| (ElementKind::Evidence, &mut e.0)),
        );
        out
    }
    fn forget(&mut self, kind: ElementKind, id: &str) -> bool {
        let before = (
            self.departments.len(),
            self.channels.len(),
            self.evidence.len(),
        );
        match kind {
            ElementKind::Department => self.departments.retain(|d| d.as_str() != id),
            ElementKind::Channel => self.channels.retain(|c| c.as_str() != id),
            ElementKind::Evidence => self.evidence.retain(|e| e.as_str() != id),
            _ => {}
        }
        before
            != (
                self.departments.len(),
                self.channels.len(),
                self.evidence.len(),
            )
    }
    fn into_element(self) -> Element {
        Element::GreyArea(self)
    }
}

impl Item for Evidence {
    const KIND: ElementKind = ElementKind::Evidence;
    const FIELDS: &'static [Field<Self>] = super::fields::EVIDENCE_FIELDS;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = EvidenceId(id);
    }
    fn name(&self) -> String {
        crate::bounded::ellipsized(&self.text, 60).into_owned()
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.evidence
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.evidence
    }
    fn references(&self) -> Vec<Reference<'_>> {
        Vec::new()
    }
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)> {
        Vec::new()
    }
    fn into_element(self) -> Element {
        Element::Evidence(self)
    }
}

impl Item for Opportunity {
    const KIND: ElementKind = ElementKind::Opportunity;
    const FIELDS: &'static [Field<Self>] = super::fields::OPPORTUNITY_FIELDS;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = OpportunityId(id);
    }
    fn name(&self) -> String {
        shown(&self.idea)
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.opportunities
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.opportunities
    }
    fn references(&self) -> Vec<Reference<'_>> {
        vec![match &self.target {
            OpportunityTarget::Touchpoint(t) => {
                reference(ElementKind::Touchpoint, "target", t.as_str())
            }
            OpportunityTarget::GreyArea(g) => {
                reference(ElementKind::GreyArea, "target", g.as_str())
            }
        }]
    }
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)> {
        vec![match &mut self.target {
            OpportunityTarget::Touchpoint(t) => (ElementKind::Touchpoint, &mut t.0),
            OpportunityTarget::GreyArea(g) => (ElementKind::GreyArea, &mut g.0),
        }]
    }
    fn into_element(self) -> Element {
        Element::Opportunity(self)
    }
}

impl Item for Channel {
    const KIND: ElementKind = ElementKind::Channel;
    const FIELDS: &'static [Field<Self>] = super::fields::CHANNEL_FIELDS;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = ChannelId(id);
    }
    fn name(&self) -> String {
        shown(&self.name)
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.channels
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.channels
    }
    fn references(&self) -> Vec<Reference<'_>> {
        Vec::new()
    }
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)> {
        Vec::new()
    }
    fn into_element(self) -> Element {
        Element::Channel(self)
    }
}

impl Item for Department {
    const KIND: ElementKind = ElementKind::Department;
    const FIELDS: &'static [Field<Self>] = super::fields::DEPARTMENT_FIELDS;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = DepartmentId(id);
    }
    fn name(&self) -> String {
        shown(&self.name)
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.departments
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.departments
    }
    fn references(&self) -> Vec<Reference<'_>> {
        Vec::new()
    }
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)> {
        Vec::new()
    }
    fn into_element(self) -> Element {
        Element::Department(self)
    }
}

impl Item for Curve {
    const KIND: ElementKind = ElementKind::Curve;
    const FIELDS: &'static [Field<Self>] = super::fields::CURVE_FIELDS;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn set_id(&mut self, id: String) {
        self.id = CurveId(id);
    }
    fn name(&self) -> String {
        shown(&self.name)
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.curves
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.curves
    }
    fn references(&self) -> Vec<Reference<'_>> {
        Vec::new()
    }
    fn references_mut(&mut self) -> Vec<(ElementKind, &mut String)> {
        Vec::new()
    }
    fn into_element(self) -> Element {
        Element::Curve(self)
    }
}

impl Journey {
    /// The element of type `T` with this id.
    pub fn item<T: Item>(&self, id: &str) -> Option<&T> {
        let list = T::list(self);
        super::lookup::position(list, id, Item::id).map(|i| &list[i])
    }

    /// Whether an element of `kind` with this id exists.
    pub fn has(&self, kind: ElementKind, id: &str) -> bool {
        struct Has<'a> {
            journey: &'a Journey,
            kind: ElementKind,
            id: &'a str,
            found: bool,
        }
        impl KindVisitor for Has<'_> {
            fn visit<T: Item>(&mut self) {
                if T::KIND == self.kind {
                    self.found = self.journey.item::<T>(self.id).is_some();
                }
            }
        }
        let mut has = Has {
            journey: self,
            kind,
            id,
            found: false,
        };
        each_kind(&mut has);
        has.found
    }

    /// Rewrites the id of the `kind` element `old` to `new`, and every reference to it.
    pub fn rename(&mut self, kind: ElementKind, old: &str, new: &str) {
        let renames = std::iter::once((old.to_owned(), new.to_owned())).collect();
        self.rename_all(kind, &renames);
    }

    /// Moves every reference to the `kind` element `from` onto `to` (the element keeps
    /// its id; what pointed at it now points at another).
    pub fn redirect(&mut self, kind: ElementKind, from: &str, to: &str) {
        struct Redirect<'a> {
            journey: &'a mut Journey,
            kind: ElementKind,
            from: &'a str,
            to: &'a str,
        }
        impl KindVisitor for Redirect<'_> {
            fn visit<T: Item>(&mut self) {
                for element in T::list_mut(self.journey) {
                    for (kind, id) in element.references_mut() {
                        if kind == self.kind && id == self.from {
                            *id = self.to.to_owned();
                        }
                    }
                }
            }
        }
        each_kind(&mut Redirect {
            journey: self,
            kind,
            from,
            to,
        });
    }

    /// Renames many elements of one kind (old id to new id) and every reference to
    /// them, in one pass over the journey.
    pub fn rename_all(&mut self, kind: ElementKind, renames: &foldhash::HashMap<String, String>) {
        struct Rename<'a> {
            journey: &'a mut Journey,
            kind: ElementKind,
            renames: &'a foldhash::HashMap<String, String>,
        }
        impl KindVisitor for Rename<'_> {
            fn visit<T: Item>(&mut self) {
                for element in T::list_mut(self.journey) {
                    if T::KIND == self.kind
                        && let Some(new) = self.renames.get(element.id())
                    {
                        element.set_id(new.clone());
                    }
                    for (kind, id) in element.references_mut() {
                        if kind == self.kind
                            && let Some(new) = self.renames.get(id.as_str())
                        {
                            *id = new.clone();
                        }
                    }
                }
            }
        }
        if renames.is_empty() {
            return;
        }
        each_kind(&mut Rename {
            journey: self,
            kind,
            renames,
        });
    }
}

/// The longest name `Item::name` gives, in characters.
pub const NAME_CHARS: usize = 120;

fn shown(text: &str) -> String {
    crate::bounded::ellipsized(text, NAME_CHARS).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_in_the_table_once() {
        struct Kinds(Vec<ElementKind>);
        impl KindVisitor for Kinds {
            fn visit<T: Item>(&mut self) {
                self.0.push(T::KIND);
            }
        }
        let mut kinds = Kinds(Vec::new());
        each_kind(&mut kinds);
        assert_eq!(kinds.0, ElementKind::ALL);
    }

    #[test]
    fn rename_follows_references() {
        let mut j = Journey::new("t", Language::En);
        j.touchpoints
            .push(Touchpoint::new("tp-1".into(), Stage::Usage, "a"));
        j.touchpoints
            .push(Touchpoint::new("tp-2".into(), Stage::Usage, "b"));
        j.touchpoints[0].channel = Some("web".into());
        j.opportunities.push(Opportunity {
            id: "op-1".into(),
            target: OpportunityTarget::Touchpoint("tp-1".into()),
            idea: "x".into(),
            expected_effect: String::new(),
            owner: String::new(),
            status: OpportunityStatus::Idea,
            value: None,
            effort: None,
        });
        j.curves.push(Curve {
            id: "trust".into(),
            name: "Trust".into(),
            colour: Rgb::hex(0x7b4fd6),
        });
        j.touchpoints[1].scores.push(CurveScore {
            curve: "trust".into(),
            score: 1,
        });
        assert!(
            j.touchpoints[1]
                .references()
                .iter()
                .any(|r| r.kind == ElementKind::Curve && r.id == "trust"),
            "a curve score is a reference"
        );
        j.rename(ElementKind::Curve, "trust", "trust-2");
        assert_eq!(j.touchpoints[1].scores[0].curve.as_str(), "trust-2");
        assert!(j.has(ElementKind::Curve, "trust-2"));
        j.rename(ElementKind::Touchpoint, "tp-1", "tp-9");
        j.rename(ElementKind::Channel, "web", "web-2");
        assert!(j.has(ElementKind::Touchpoint, "tp-9"));
        assert!(!j.has(ElementKind::Touchpoint, "tp-1"));
        assert!(j.has(ElementKind::Channel, "web-2"));
        assert_eq!(j.touchpoints[0].channel, Some("web-2".into()));
        assert_eq!(
            j.opportunities[0].target,
            OpportunityTarget::Touchpoint("tp-9".into())
        );
    }
}
