//! The journey as JSON, field for field as in the RON file, and the JSON Schema of that
//! format, generated from the model's own types (schemars), so the two cannot drift.

use crate::model::Journey;

/// The journey as pretty JSON (the same fields and names as the `.ron` file).
pub fn to_json(journey: &Journey) -> String {
    let mut text = serde_json::to_string_pretty(journey).unwrap_or_default();
    text.push('\n');
    text
}

/// A journey read back from JSON (validated like any loaded journey by the caller).
pub fn from_json(text: &str) -> Result<Journey, serde_json::Error> {
    serde_json::from_str(text)
}

/// The JSON Schema (draft 2020-12) of a journey in JSON.
pub fn schema() -> String {
    let mut schema = schemars::schema_for!(Journey);
    schema.insert(
        "$id".to_owned(),
        "https://journeymap.dev/schema/journey-v1.json".into(),
    );
    schema.insert(
        "description".to_owned(),
        format!(
            "A customer journey map, format version {} (journeymap).",
            crate::model::CURRENT_VERSION
        )
        .into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
