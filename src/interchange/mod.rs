//! Other tools' formats: a touchpoint spreadsheet (CSV), JSON (with a JSON Schema generated from the model, so other
//! tools can read maps) and Mermaid `journey` diagrams (so a map renders in any
//! markdown viewer that supports Mermaid, and a Mermaid journey can start a map).

pub mod csv;
pub mod json;
pub mod mermaid;
pub mod steps;
