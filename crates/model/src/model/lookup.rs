//! Finding an element of a long list by id in constant time, with the journey still
//! plain data: a small per-thread memo of id → position, keyed by the list's buffer
//! and length. Every hit is checked against the list (the element at that position
//! has that id), so a memo made stale by an edit in place can only cost a rebuild,
//! never return the wrong element. Short lists are searched directly.

use std::cell::RefCell;

/// Below this many elements a linear search is as fast as a lookup.
const SHORT: usize = 48;
/// Lists remembered per thread (a diff or a merge reads two or three journeys).
const REMEMBERED: usize = 6;

struct Memo {
    /// The list's buffer, its length and its element type.
    key: (usize, usize, std::any::TypeId),
    positions: foldhash::HashMap<String, usize>,
}

thread_local! {
    static MEMOS: RefCell<Vec<Memo>> = const { RefCell::new(Vec::new()) };
}

/// The position of the element of `list` whose id (`id_of`) is `id`.
pub fn position<T: 'static>(list: &[T], id: &str, id_of: impl Fn(&T) -> &str) -> Option<usize> {
    if list.len() < SHORT {
        return list.iter().position(|e| id_of(e) == id);
    }
    let key = (
        list.as_ptr() as usize,
        list.len(),
        std::any::TypeId::of::<T>(),
    );
    let rebuild = |memos: &mut Vec<Memo>| {
        let positions = list
            .iter()
            .enumerate()
            .map(|(i, e)| (id_of(e).to_owned(), i))
            .collect();
        memos.retain(|m| m.key != key);
        if memos.len() >= REMEMBERED {
            memos.remove(0);
        }
        memos.push(Memo { key, positions });
    };
    let verified = |memos: &Vec<Memo>| {
        memos
            .iter()
            .rev()
            .find(|m| m.key == key)
            .and_then(|m| m.positions.get(id).copied())
            .filter(|i| list.get(*i).is_some_and(|e| id_of(e) == id))
    };
    MEMOS.with(|memos| {
        let mut memos = memos.borrow_mut();
        if !memos.iter().any(|m| m.key == key) {
            rebuild(&mut memos);
        }
        if let Some(found) = verified(&memos) {
            return Some(found);
        }
        // A miss may be a stale memo (an element renamed in place): once more, fresh.
        rebuild(&mut memos);
        verified(&memos)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_memo_never_answers_wrong() {
        let mut ids: Vec<String> = (0..200).map(|n| format!("ev-{n}")).collect();
        assert_eq!(position(&ids, "ev-150", String::as_str), Some(150));
        // Renamed in place: same buffer, same length.
        ids[150] = "ev-x".to_owned();
        assert_eq!(position(&ids, "ev-150", String::as_str), None);
        assert_eq!(position(&ids, "ev-x", String::as_str), Some(150));
        ids.swap(3, 4);
        assert_eq!(position(&ids, "ev-3", String::as_str), Some(4));
        assert_eq!(position(&ids, "missing", String::as_str), None);
    }
}
