//! The merge fuzz target's invariants, run a bounded number of times on random edit
//! scripts in every `cargo test` (the open-ended run is `cargo fuzz run merge`, which
//! needs a nightly toolchain). Curves, curve scores, deviations and catalogue edits
//! are among the scripts' edits.

#[path = "../../fuzz/fuzz_targets/mutate.rs"]
mod mutate;

#[path = "../../fuzz/fuzz_targets/merge_check.rs"]
mod merge_check;

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
