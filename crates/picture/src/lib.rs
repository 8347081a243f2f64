//! Every picture: the text engine, the theme, the pure layout, the scene (one display list), and the exports (SVG, PNG, PDF, posters, slides, the published page).

pub use journeymap_format::tr;
pub use journeymap_format::{catalogue, format, generate, i18n, startup, templates, tree, words};
pub use journeymap_history::{diff, history, merge};
pub use journeymap_interchange::interchange;
pub use journeymap_model::{bounded, model};

pub mod export;
pub mod fonts;
pub mod icon;
pub mod icons;
pub mod layout;
pub mod scene;
pub mod text;
pub mod theme;
