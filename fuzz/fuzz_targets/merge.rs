//! Fuzz the merge driver's core on real journeys edited by two fuzz-chosen scripts
//! (colliding ids, deletes against edits, reorders, curves and their scores,
//! deviations, catalogue edits): it never panics; one side unchanged gives the other
//! side; a clean result loads and reloads unchanged; a conflicted one writes markers
//! that refuse to load. Where the merge by structure gives up or would not load, the
//! driver writes both whole sides between markers: that text refuses to load too, and
//! the resolver reads both sides back.
#![no_main]

mod merge_check;
mod mutate;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| merge_check::check(data));
