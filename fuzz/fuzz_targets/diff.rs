//! Fuzz the semantic diff (`diff_check.rs` says what must hold).
#![no_main]

mod diff_check;
mod mutate;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| diff_check::check(data));
