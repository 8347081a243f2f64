//! References across elements in a merge: ids both sides added with different content
//! are renumbered on theirs' side (references follow), and elements one side deleted
//! while the other refers to them are put back as conflicts.

use super::{Conflict, MergeError, Reason, delete_conflict};
use crate::model::*;
use foldhash::{HashMap, HashSet};

/// Ids both sides added with different content: theirs gets a fresh id, and its
/// references follow.
pub(super) fn rename_colliding_additions(
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
            let mut taken: HashSet<String> = T::list(self.base)
                .iter()
                .chain(T::list(self.ours))
                .chain(T::list(self.theirs))
                .map(|e| e.id().to_owned())
                .collect();
            // The map's elements share one id space: an id ours gave another kind of
            // element is taken too.
            let shared: HashSet<&str> = if T::KIND.shares_ids() {
                self.ours
                    .map_ids()
                    .filter(|id| !T::list(self.ours).iter().any(|e| e.id() == *id))
                    .collect()
            } else {
                HashSet::default()
            };
            taken.extend(shared.iter().map(|id| (*id).to_owned()));
            taken.extend(
                self.theirs
                    .map_ids()
                    .map(str::to_owned)
                    .filter(|_| T::KIND.shares_ids()),
            );
            let in_base: HashSet<&str> = T::list(self.base).iter().map(Item::id).collect();
            let in_ours: HashMap<&str, &T> =
                T::list(self.ours).iter().map(|o| (o.id(), o)).collect();
            let colliding: Vec<String> = T::list(self.theirs)
                .iter()
                .filter(|t| !in_base.contains(t.id()))
                .filter(|t| {
                    in_ours.get(t.id()).is_some_and(|o| *o != *t) || shared.contains(t.id())
                })
                .map(|t| t.id().to_owned())
                .collect();
            let mut ids = T::KIND.allocator(taken);
            let mut renames = HashMap::default();
            for old in colliding {
                let new = ids.fresh(&old);
                renames.insert(old.clone(), new.clone());
                self.renamed.push((T::KIND, old, new));
            }
            self.theirs.rename_all(T::KIND, &renames);
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

/// Elements one side deleted while the other side refers to them are put back (the
/// referring side's version) as conflicts, until every reference resolves.
pub(super) fn restore_referenced(
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
                    if !self
                        .ids
                        .get(&r.kind)
                        .is_some_and(|ids| ids.contains(r.id.as_str()))
                    {
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
            ids: HashMap::default(),
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
