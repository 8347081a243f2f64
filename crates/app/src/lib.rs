//! The desktop editor (egui): a shell over the session. The only crate that knows egui.

pub use journeymap_format::tr;
pub use journeymap_format::{catalogue, format, generate, i18n, startup, templates, tree, words};
pub use journeymap_history::{diff, history, merge};
pub use journeymap_interchange::interchange;
pub use journeymap_model::{bounded, model};
pub use journeymap_picture::{export, fonts, icon, icons, layout, scene, text, theme};
pub use journeymap_session::{document, session};

pub mod app;
