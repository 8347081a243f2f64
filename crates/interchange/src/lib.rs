//! Other tools' formats: every kind's spreadsheet (one set of sheet rules), JSON and its schema, Mermaid.

pub use journeymap_format::tr;
pub use journeymap_format::{catalogue, format, generate, i18n, startup, templates, tree, words};
pub use journeymap_model::{bounded, model};

pub mod interchange;
