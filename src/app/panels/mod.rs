//! The panels around the map: the menu bar, the journey panel on the left (header,
//! stage notes, grey-area list, catalogues), the status bar.

pub mod catalogue;
pub mod find;
pub mod journey;
pub mod menu_bar;
mod status_bar;
