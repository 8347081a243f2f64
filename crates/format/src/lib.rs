//! Journeys as files and words: the canonical reader and writer, validation and lints, the file system everything goes through, the interface's languages, how elements read in words, a value as a tree, the shared catalogue, the templates and the generated maps.

pub use journeymap_model::{bounded, model};

pub mod catalogue;
pub mod format;
pub mod generate;
pub mod i18n;
pub mod startup;
pub mod templates;
pub mod tree;
pub mod words;
