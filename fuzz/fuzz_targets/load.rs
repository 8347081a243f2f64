//! Fuzz the journey loader (`load_check.rs` says what must hold).
#![no_main]

mod load_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| load_check::check(data));
