//! Fuzz the merge driver's core on real journeys edited by two fuzz-chosen scripts
//! (colliding ids, deletes against edits, reorders, curves and their scores,
//! deviations, catalogue edits): it never panics; one side unchanged gives the other
//! side; a clean result loads and reloads unchanged; a conflicted one writes markers
//! that refuse to load. Where the merge by structure gives up or would not load, the
//! driver writes both whole sides between markers: that text refuses to load too, and
//! the resolver reads both sides back.
#![no_main]

mod mutate;

use journeymap::{format, merge};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((base, ours, theirs)) = mutate::sides(data) else {
        return;
    };
    let text = |j: &journeymap::model::Journey| format::to_text(j).unwrap();
    let only_ours = merge::merge(&base, &ours, &base).expect("merges");
    assert!(only_ours.conflicts.is_empty());
    assert_eq!(text(&only_ours.journey), text(&ours));
    let only_theirs = merge::merge(&base, &base, &theirs).expect("merges");
    assert!(only_theirs.conflicts.is_empty());
    assert_eq!(text(&only_theirs.journey), text(&theirs));

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
});
