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
    let mut value = serde_json::to_value(&schema).unwrap_or_default();
    tighten(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// What the loader accepts beyond the types: the format versions this build reads,
/// scores on their -2..2 scale, ids of lowercase letters, digits, `-` and `_` starting
/// with a letter or digit (at most 64). Rules between elements (references resolve, ids
/// are unique) cannot be said in a JSON Schema: `docs/` lists them beside it.
fn tighten(schema: &mut serde_json::Value) {
    use serde_json::json;
    if let Some(version) = schema.pointer_mut("/properties/version") {
        *version = json!({
            "type": "integer",
            "minimum": 1,
            "maximum": crate::model::CURRENT_VERSION,
        });
    }
    for score in [
        "/$defs/Emotion/properties/score",
        "/$defs/CurveScore/properties/score",
    ] {
        if let Some(score) = schema.pointer_mut(score) {
            *score = json!({
                "type": "integer",
                "minimum": crate::model::EMOTION_MIN,
                "maximum": crate::model::EMOTION_MAX,
            });
        }
    }
    let Some(definitions) = schema.pointer_mut("/$defs").and_then(|d| d.as_object_mut()) else {
        return;
    };
    for (name, definition) in definitions.iter_mut() {
        if name.ends_with("Id")
            && let Some(object) = definition.as_object_mut()
            && object.get("type") == Some(&json!("string"))
        {
            object.insert("pattern".to_owned(), json!(ID_PATTERN));
            object.insert("maxLength".to_owned(), json!(64));
        }
    }
}

/// `model::is_valid_id` as a regular expression.
const ID_PATTERN: &str = "^[a-z0-9][a-z0-9_-]*$";
