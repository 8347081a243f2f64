//! The open document with its history, and everything that keeps it safe: opening, saving, autosave, recovery, the outside-change watch.

pub use journeymap_format::tr;
pub use journeymap_format::{catalogue, format, generate, i18n, startup, templates, tree, words};
pub use journeymap_history::{diff, history, merge};
pub use journeymap_interchange::interchange;
pub use journeymap_model::{bounded, model};
pub use journeymap_picture::{export, fonts, icon, layout, scene, text, theme};

pub mod document;
pub mod session;
