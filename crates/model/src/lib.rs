//! The journey as plain data: its elements, ids, vocabularies, the table of kinds and of fields, and `Edit`, the one way a journey changes. Depends on no other crate of the project.

pub mod bounded;
pub mod model;
