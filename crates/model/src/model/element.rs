//! The kinds of element a journey lists, in one table (`element_kinds!`). Ids,
//! references, validation, renaming, deletion, diff, merge, the resolver, find and the
//! editor's selection reach every kind through `Item`, `each_kind` and the types the
//! table generates, so a new kind of element is a row in the table, its struct, its
//! list in `Journey` and its `Item` impl below.

use super::fields::{Field, Shape, Value, stage_of};
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
        $kind:ident($item:ident, $id:ident, $singular:literal, $section:ident, $key:literal, $numbered:literal, $fields:ident, $name:expr);
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
                match self { $(ElementKind::$kind => stringify!($section)),+ }
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

        $(
            impl Item for $item {
                const KIND: ElementKind = ElementKind::$kind;
                const FIELDS: &'static [Field<Self>] = super::fields::$fields;
                fn id(&self) -> &str {
                    self.id.as_str()
                }
                fn set_id(&mut self, id: String) {
                    self.id = $id(id);
                }
                fn name(&self) -> String {
                    let name: fn(&Self) -> String = $name;
                    name(self)
                }
                fn list(journey: &Journey) -> &Vec<Self> {
                    &journey.$section
                }
                fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
                    &mut journey.$section
                }
                fn into_element(self) -> Element {
                    Element::$kind(self)
                }
            }
        )+
    };
}

element_kinds! {
    Touchpoint(Touchpoint, TouchpointId, "touchpoint", touchpoints, "touchpoints", true, TOUCHPOINT_FIELDS, |t| shown(&t.title));
    /// A step of the service blueprint (frontstage, backstage, support).
    Step(Step, StepId, "step", steps, "steps", true, STEP_FIELDS, |s| shown(&s.title));
    GreyArea(GreyArea, GreyAreaId, "grey area", grey_areas, "grey-areas", true, GREY_AREA_FIELDS, |g| {
        if g.title.is_empty() {
            format!("{} → {}", g.from, g.to)
        } else {
            shown(&g.title)
        }
    });
    Evidence(Evidence, EvidenceId, "evidence", evidence, "evidence", true, EVIDENCE_FIELDS, |e| {
        crate::bounded::ellipsized(&e.text, 60).into_owned()
    });
    Opportunity(Opportunity, OpportunityId, "opportunity", opportunities, "opportunities", true, OPPORTUNITY_FIELDS, |o| shown(&o.idea));
    Channel(Channel, ChannelId, "channel", channels, "channels", false, CHANNEL_FIELDS, |c| shown(&c.name));
    Department(Department, DepartmentId, "department", departments, "departments", false, DEPARTMENT_FIELDS, |d| shown(&d.name));
    /// Who does a step (customer, staff, system, partner).
    Actor(Actor, ActorId, "actor", actors, "actors", false, ACTOR_FIELDS, |a| shown(&a.name));
    /// An extra curve (trust, a segment…) that touchpoints score.
    Curve(Curve, CurveId, "curve", curves, "curves", false, CURVE_FIELDS, |c| shown(&c.name));
    /// A round of the room's dot votes.
    VoteRound(VoteRound, VoteRoundId, "vote round", votes, "votes", true, VOTE_FIELDS, |v| shown(&v.question));
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub kind: ElementKind,
    /// The referring element's field that holds the id.
    pub field: &'static str,
    pub id: String,
}

/// An element of one of the journey's lists. The table of kinds implements it for
/// every kind; what depends on the fields (the references, what can be forgotten,
/// where an element may go) is read from the kind's field table.
pub trait Item: Clone + PartialEq + Serialize + DeserializeOwned + 'static {
    const KIND: ElementKind;
    /// The kind's fields (`model::fields`): names, labels, shapes, and how to read and
    /// write each; sheets, the table, Find, the diff and the resolver go through them.
    const FIELDS: &'static [Field<Self>];
    fn id(&self) -> &str;
    fn set_id(&mut self, id: String);
    /// What people call it (its title), cut to `NAME_CHARS` characters: a name is
    /// shown in lists, menus and messages, whatever the field holds.
    fn name(&self) -> String;
    fn list(journey: &Journey) -> &Vec<Self>;
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self>;
    fn into_element(self) -> Element;

    /// The ids this element refers to: its reference fields' values.
    fn references(&self) -> Vec<Reference> {
        let mut out = Vec::new();
        for field in Self::FIELDS {
            let mut push = |id: ElementId| {
                out.push(Reference {
                    kind: id.kind(),
                    field: field.name,
                    id: match id {
                        ElementId::Touchpoint(i) => i.0,
                        ElementId::Step(i) => i.0,
                        ElementId::GreyArea(i) => i.0,
                        ElementId::Evidence(i) => i.0,
                        ElementId::Opportunity(i) => i.0,
                        ElementId::Channel(i) => i.0,
                        ElementId::Department(i) => i.0,
                        ElementId::Actor(i) => i.0,
                        ElementId::Curve(i) => i.0,
                        ElementId::VoteRound(i) => i.0,
                    },
                });
            };
            match (field.get)(self) {
                Value::Ref(Some(id)) => push(id),
                Value::Refs(ids) => ids.into_iter().for_each(push),
                Value::Scores(scores) => scores.into_iter().for_each(|(id, _)| push(id)),
                _ => {}
            }
        }
        out
    }

    /// Rewrites every reference to a `kind` element that `to` maps to a new id (a
    /// rename, a merge's renumbering, a redirect). Returns whether anything changed.
    fn rewrite_references(
        &mut self,
        kind: ElementKind,
        to: &dyn Fn(&str) -> Option<String>,
    ) -> bool {
        let moved = |id: &ElementId| -> Option<ElementId> {
            (id.kind() == kind)
                .then(|| to(id.as_str()))
                .flatten()
                .map(|new| ElementId::new(kind, &new))
        };
        let mut changed = false;
        for field in Self::FIELDS {
            let value = match (field.get)(self) {
                Value::Ref(Some(id)) => match moved(&id) {
                    Some(new) => Value::Ref(Some(new)),
                    None => continue,
                },
                Value::Refs(ids) if ids.iter().any(|i| moved(i).is_some()) => Value::Refs(
                    ids.iter()
                        .map(|i| moved(i).unwrap_or_else(|| i.clone()))
                        .collect(),
                ),
                Value::Scores(scores) if scores.iter().any(|(i, _)| moved(i).is_some()) => {
                    Value::Scores(
                        scores
                            .iter()
                            .map(|(i, n)| (moved(i).unwrap_or_else(|| i.clone()), *n))
                            .collect(),
                    )
                }
                _ => continue,
            };
            if (field.set)(self, value).is_ok() {
                changed = true;
            }
        }
        changed
    }

    /// Drops this element's references to the `kind` element `id` where it can live
    /// without them (an optional field empties, a list loses the id); a reference the
    /// element cannot lose (a grey area's ends, an opportunity's target) stays, and
    /// deleting what it points at deletes the element too. Returns whether it changed.
    fn forget(&mut self, kind: ElementKind, id: &str) -> bool {
        let named = |i: &ElementId| i.kind() == kind && i.as_str() == id;
        let mut changed = false;
        for field in Self::FIELDS {
            let value = match ((field.get)(self), field.shape) {
                (Value::Ref(Some(i)), Shape::Ref { optional: true, .. }) if named(&i) => {
                    Value::Ref(None)
                }
                (Value::Refs(ids), _) if ids.iter().any(named) => {
                    Value::Refs(ids.into_iter().filter(|i| !named(i)).collect())
                }
                (Value::Scores(scores), _) if scores.iter().any(|(i, _)| named(i)) => {
                    Value::Scores(scores.into_iter().filter(|(i, _)| !named(i)).collect())
                }
                _ => continue,
            };
            if (field.set)(self, value).is_ok() {
                changed = true;
            }
        }
        changed
    }

    /// Whether the element may go at `index` of its list: a kind with a stage (cards,
    /// steps) stays grouped by stage; the others go anywhere.
    fn check_place(&self, journey: &Journey, index: usize) -> Result<(), EditError> {
        let Some(stage) = stage_of(self) else {
            return Ok(());
        };
        let list = Self::list(journey);
        let start = list.partition_point(|e| stage_of(e).is_some_and(|s| s < stage));
        let end = list.partition_point(|e| stage_of(e).is_some_and(|s| s <= stage));
        if (start..=end).contains(&index) {
            Ok(())
        } else {
            Err(EditError::BreaksStageOrder(self.id().to_owned()))
        }
    }

    /// Whether the element may replace `old` in place: it keeps its stage (another
    /// stage is a move).
    fn check_replace(&self, old: &Self) -> Result<(), EditError> {
        if stage_of(self) == stage_of(old) {
            Ok(())
        } else {
            Err(EditError::BreaksStageOrder(self.id().to_owned()))
        }
    }
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

/// What people call the element `id` (`Item::name`); empty when the journey has none.
pub fn element_name(journey: &Journey, id: &ElementId) -> String {
    struct Name<'a>(&'a Journey, &'a ElementId, String);
    impl KindVisitor for Name<'_> {
        fn visit<T: Item>(&mut self) {
            if let Some(element) = self.0.item::<T>(self.1.as_str()) {
                self.2 = element.name();
            }
        }
    }
    let mut name = Name(journey, id, String::new());
    with_kind(id.kind(), &mut name);
    name.2
}

/// Something done once per kind of element: `each_kind` calls `visit` with each type.
pub trait KindVisitor {
    fn visit<T: Item>(&mut self);
}

/// The journey with the `kind` elements `ids` one place up (`by` < 0) or down: the
/// element beside the run of them goes to its other end. A kind with a stage (cards,
/// steps) moves within its stage. None when they cannot move that way (the first of
/// the list or of the stage, ids not found).
pub fn moved(journey: &Journey, kind: ElementKind, ids: &[&str], by: isize) -> Option<Journey> {
    struct Move<'a> {
        journey: Journey,
        ids: &'a [&'a str],
        by: isize,
        done: bool,
    }
    impl KindVisitor for Move<'_> {
        fn visit<T: Item>(&mut self) {
            let list = T::list_mut(&mut self.journey);
            let positions: Vec<usize> = self
                .ids
                .iter()
                .filter_map(|id| list.iter().position(|e| e.id() == *id))
                .collect();
            let (Some(&first), Some(&last)) = (positions.iter().min(), positions.iter().max())
            else {
                return;
            };
            let neighbour = if self.by < 0 {
                first.checked_sub(1)
            } else {
                Some(last + 1).filter(|&n| n < list.len())
            };
            let Some(neighbour) = neighbour else {
                return;
            };
            let stage = super::fields::stage_of(&list[first]);
            if super::fields::stage_of(&list[last]) != stage
                || super::fields::stage_of(&list[neighbour]) != stage
            {
                return;
            }
            let element = list.remove(neighbour);
            let to = if self.by < 0 { last } else { first };
            list.insert(to, element);
            self.done = true;
        }
    }
    let mut work = Move {
        journey: journey.clone(),
        ids,
        by,
        done: false,
    };
    with_kind(kind, &mut work);
    work.done.then_some(work.journey)
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
        let renames = std::iter::once((from.to_owned(), to.to_owned())).collect();
        self.rewrite_all(kind, &renames, false);
    }

    /// Renames many elements of one kind (old id to new id) and every reference to
    /// them, in one pass over the journey.
    pub fn rename_all(&mut self, kind: ElementKind, renames: &foldhash::HashMap<String, String>) {
        self.rewrite_all(kind, renames, true);
    }

    fn rewrite_all(
        &mut self,
        kind: ElementKind,
        renames: &foldhash::HashMap<String, String>,
        with_elements: bool,
    ) {
        struct Rename<'a> {
            journey: &'a mut Journey,
            kind: ElementKind,
            renames: &'a foldhash::HashMap<String, String>,
            with_elements: bool,
        }
        impl KindVisitor for Rename<'_> {
            fn visit<T: Item>(&mut self) {
                let to = |id: &str| self.renames.get(id).cloned();
                for element in T::list_mut(self.journey) {
                    if self.with_elements
                        && T::KIND == self.kind
                        && let Some(new) = self.renames.get(element.id())
                    {
                        element.set_id(new.clone());
                    }
                    element.rewrite_references(self.kind, &to);
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
            with_elements,
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
        j.opportunities.push(Opportunity::new(
            "op-1".into(),
            OpportunityTarget::Touchpoint("tp-1".into()),
            "x",
        ));
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
