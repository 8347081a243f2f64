//! The fuzz targets' invariants (merge, diff, load), run a bounded number of times in
//! every `cargo test` (the open-ended runs are `cargo fuzz run merge|diff|load`, which
//! need a nightly toolchain). Curves, curve scores, deviations and catalogue edits are
//! among the scripts' edits; the loader gets the examples with random bytes changed.

#[path = "../../fuzz/fuzz_targets/mutate.rs"]
mod mutate;

#[path = "../../fuzz/fuzz_targets/merge_check.rs"]
mod merge_check;

#[path = "../../fuzz/fuzz_targets/diff_check.rs"]
mod diff_check;

#[path = "../../fuzz/fuzz_targets/load_check.rs"]
mod load_check;

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn merges_of_random_edit_scripts_keep_the_drivers_contract(
        data in proptest::collection::vec(any::<u8>(), 1..160)
    ) {
        merge_check::check(&data);
    }
}

/// An example's text with `edits` changed (position, byte, how: replace, insert,
/// delete).
fn mutated(edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let examples = [
        include_str!("../../journeys/online-order-delivery-return.ron"),
        include_str!("../../journeys/portabilidad-operador-movil.ron"),
    ];
    let mut bytes = examples[edits.len() % 2].as_bytes().to_vec();
    for (at, byte, how) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at % bytes.len();
        match how % 3 {
            0 => bytes[at] = *byte,
            1 => bytes.insert(at, *byte),
            _ => {
                bytes.remove(at);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn diffs_of_random_edit_scripts_keep_their_contract(
        data in proptest::collection::vec(any::<u8>(), 1..160)
    ) {
        diff_check::check(&data);
    }

    #[test]
    fn any_bytes_load_or_are_placed_never_a_panic(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 0..6),
        raw in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        load_check::check(&mutated(&edits));
        load_check::check(&raw);
    }
}
