//! Fuzz the semantic diff on real journeys edited by a fuzz-chosen script: it never
//! panics, a journey differs from itself in nothing, a change is reported whenever the
//! canonical text changed, and both renderings (text, markdown) complete.
#![no_main]

mod mutate;

use journeymap::{diff, format, i18n::I18n};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((base, ours, _)) = mutate::sides(data) else {
        return;
    };
    assert!(diff::diff(&ours, &ours).is_empty());
    let changes = diff::diff(&base, &ours);
    let same_text = format::to_text(&base).unwrap() == format::to_text(&ours).unwrap();
    assert_eq!(changes.is_empty(), same_text, "{changes:?}");
    let _ = diff::render_text(&changes);
    let _ = diff::render_markdown(&changes, &I18n::new(ours.language), &ours);
});
