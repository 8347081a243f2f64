//! The journey map as plain data. Knows nothing of egui, files or the screen: a test
//! can build, edit and compare journeys without a window.

mod catalog;
mod colour;
mod edit;
mod element;
pub mod fields;
pub mod flow;
mod ids;
mod journey;
mod kinds;
mod lookup;
pub mod names;
pub mod search;

pub use catalog::{
    NEW_ENTRY_COLOURS, default_channels, default_departments, distinct_colour, id_from_name,
    is_placeholder_id, new_actor, new_channel, new_curve, new_department,
};
pub use colour::{LEAST_DISTANCE, Rgb, Vision};
pub use edit::{Edit, EditError};
pub use element::{
    Element, ElementId, ElementKind, IdAllocator, Item, KindVisitor, NAME_CHARS, Reference,
    each_kind, element_name, field_label, moved, with_kind,
};
pub use ids::*;
pub use journey::*;
pub use kinds::*;
