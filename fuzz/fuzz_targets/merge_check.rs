//! The merge target's check, shared with the bounded run in the test suite
//! (`tests/core/fuzz_bounded.rs`), so CI runs the same invariants on random scripts.

use super::mutate;
use journeymap::{format, merge};

/// Merges two fuzz-chosen edits of a real journey and checks the driver's contract.
pub fn check(data: &[u8]) {
    let Some((base, ours, theirs)) = mutate::sides(data) else {
        return;
    };
    let text = |j: &journeymap::model::Journey| format::to_text(j).unwrap();
    let only_ours = merge::merge(&base, &ours, &base).expect("merges");
    assert!(only_ours.conflicts.is_empty());
    same(&text(&only_ours.journey), &text(&ours), "ours alone");
    let only_theirs = merge::merge(&base, &base, &theirs).expect("merges");
    assert!(only_theirs.conflicts.is_empty());
    same(&text(&only_theirs.journey), &text(&theirs), "theirs alone");

    let whole_sides = || {
        let written = format!(
            "<<<<<<< ours\n{}=======\n{}>>>>>>> theirs\n",
            text(&ours),
            text(&theirs)
        );
        assert!(format::parse(&written).is_err(), "markers refuse to load");
        merge::resolve::Resolution::new(&written).expect("the resolver reads both sides");
    };
    let Ok(merged) = merge::merge(&base, &ours, &theirs) else {
        return whole_sides();
    };
    let written = merge::to_text(&merged).expect("writes");
    if merged.conflicts.is_empty() {
        if !format::validate(&merged.journey).is_empty() {
            return whole_sides();
        }
        let again = format::parse(&written).expect("a clean merge loads");
        assert_eq!(text(&again.journey), written);
    } else {
        assert!(written.contains("<<<<<<< "));
        assert!(format::parse(&written).is_err(), "markers refuse to load");
    }
}

/// Asserts two texts are equal, showing the first lines that differ.
fn same(merged: &str, side: &str, what: &str) {
    if merged == side {
        return;
    }
    let at = merged
        .lines()
        .zip(side.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(merged.lines().count().min(side.lines().count()));
    let around = |text: &str| -> String {
        let lines: Vec<&str> = text.lines().collect();
        lines[at.saturating_sub(3)..(at + 3).min(lines.len())].join("\n")
    };
    panic!(
        "{what}: the merge differs from the side at line {}:\nmerged:\n{}\nside:\n{}",
        at + 1,
        around(merged),
        around(side)
    );
}
