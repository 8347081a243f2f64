//! The loader's invariants, shared by the `load` fuzz target and the bounded run in
//! `cargo test`: any bytes either load or give positioned errors, never a panic;
//! whatever loads saves canonically, reloads to the same journey, and the check
//! command's lints run on it.

use journeymap::format;

pub fn check(data: &[u8]) {
    match format::parse_bytes(data) {
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            assert!(diagnostics.iter().all(|d| d.line >= 1 && d.column >= 1));
        }
        Ok(parsed) => {
            let text = format::to_text(&parsed.journey).expect("a loaded journey saves");
            let again = format::parse(&text).expect("a saved journey loads");
            assert_eq!(again.journey, parsed.journey);
            assert_eq!(format::to_text(&again.journey).expect("saves again"), text);
            if let Ok(source) = std::str::from_utf8(data) {
                let _diagnostics = format::check(source);
            }
        }
    }
}
