//! journeymap: author customer journey maps.
//!
//! The code is a workspace whose crates are its layers, each depending only on those
//! below. The map is in one place, ARCHITECTURE.md ("The code map"), and
//! `tests/cli/layers.rs` holds the crates' dependencies to it.
//!
//! This package is the command line (`cli`, `report`) and the binary, and re-exports
//! every layer's modules under the paths they always had (`journeymap::model`,
//! `journeymap::export`…). Only `app` (behind the `app` feature) knows egui.

pub use journeymap_format::tr;
pub use journeymap_format::{catalogue, format, generate, i18n, startup, templates, tree, words};
pub use journeymap_history::{diff, history, merge};
pub use journeymap_interchange::interchange;
pub use journeymap_model::{bounded, model};
pub use journeymap_picture::{export, fonts, icon, icons, layout, scene, text, theme};
pub use journeymap_room as room;
pub use journeymap_session::{document, session};

#[cfg(feature = "app")]
pub use journeymap_app::app;

pub mod cli;
pub mod conformance;
pub mod report;
