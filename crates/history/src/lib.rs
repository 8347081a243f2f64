//! Versions of a journey: the semantic diff, the three-way merge by structure, and a file's history and blame from git.

pub use journeymap_format::tr;
pub use journeymap_format::{catalogue, format, generate, i18n, startup, templates, tree, words};
pub use journeymap_model::{bounded, model};

pub mod diff;
pub mod history;
pub mod merge;
