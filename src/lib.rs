//! journeymap: author customer journey maps.
//!
//! Dependencies point one way: `model` <- `format` <- `document`, `layout` <- `export`
//! <- `cli`, `app`. Only `app` (behind the `app` feature) knows egui.

#[cfg(feature = "app")]
pub mod app;
pub mod bounded;
pub mod catalogue;
pub mod cli;
pub mod diff;
pub mod document;
pub mod export;
pub mod fonts;
pub mod format;
pub mod generate;
pub mod history;
pub mod i18n;
pub mod icon;
pub mod interchange;
pub mod layout;
pub mod merge;
pub mod model;
pub mod report;
pub mod scene;
pub mod session;
pub mod startup;
pub mod templates;
pub mod text;
pub mod theme;
pub mod tree;
pub mod words;
