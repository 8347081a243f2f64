//! The semantic diff's invariants, shared by the `diff` fuzz target and the bounded run
//! in `cargo test`: on real journeys edited by a script it never panics, a journey
//! differs from itself in nothing, a change is reported whenever the canonical text
//! changed, and both renderings (text, markdown) complete.

use super::mutate;
use journeymap::{diff, format, i18n::I18n};

pub fn check(data: &[u8]) {
    let Some((base, ours, _)) = mutate::sides(data) else {
        return;
    };
    assert!(diff::diff(&ours, &ours).is_empty());
    let changes = diff::diff(&base, &ours);
    let same_text = format::to_text(&base).unwrap() == format::to_text(&ours).unwrap();
    assert_eq!(changes.is_empty(), same_text, "{changes:?}");
    let _ = diff::render_text(&changes);
    let _ = diff::render_markdown(&changes, &I18n::new(ours.language), &ours);
}
