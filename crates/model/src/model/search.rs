//! Finding text anywhere in a journey: every text field of every kind of element (each
//! kind lists its texts in the table of kinds: titles, what the customer does and
//! thinks, pain points, evidence, grey areas, opportunities, the catalogues, curves),
//! then stage notes, the header and persona; case-insensitively, in the table's order.
//! Egui-free; the editor's Find bar (Ctrl+F) steps through the matches.

use super::{ElementId, Item, Journey, KindVisitor, Stage, each_kind};

/// Where a match is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Element(ElementId),
    /// A stage's name on the map or its notes.
    Stage(Stage),
    /// The journey's header or persona.
    Journey,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub place: Place,
    /// Message id of the field's label (`field-title`).
    pub field: &'static str,
    /// The field's whole text.
    pub text: String,
}

/// Every field holding `query` (case-insensitive; surrounding spaces ignored). Empty
/// for an empty query.
pub fn find(journey: &Journey, query: &str) -> Vec<Match> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut check = |place: &dyn Fn() -> Place, field: &'static str, text: &str| {
        if text.to_lowercase().contains(&query) {
            out.push(Match {
                place: place(),
                field,
                text: text.to_owned(),
            });
        }
    };
    // Every kind of element, through the table: each gives its texts and labels.
    struct Elements<'a, F: FnMut(&dyn Fn() -> Place, &'static str, &str)>(&'a Journey, F);
    impl<F: FnMut(&dyn Fn() -> Place, &'static str, &str)> KindVisitor for Elements<'_, F> {
        fn visit<T: Item>(&mut self) {
            for element in T::list(self.0) {
                let place = || Place::Element(ElementId::new(T::KIND, element.id()));
                for field in T::FIELDS {
                    for text in (field.get)(element).texts() {
                        (self.1)(&place, field.label, text);
                    }
                }
            }
        }
    }
    let mut elements = Elements(journey, &mut check);
    each_kind(&mut elements);
    for (stage, notes) in &journey.stages {
        let place = || Place::Stage(*stage);
        check(&place, "field-stage-label", &notes.label);
        check(&place, "field-stage-goal", &notes.goal);
        check(&place, "field-stage-doing", &notes.doing);
        check(&place, "field-stage-thinking", &notes.thinking);
        check(&place, "field-stage-feeling", &notes.feeling);
    }
    let place = || Place::Journey;
    check(&place, "field-journey-title", &journey.title);
    check(&place, "field-scenario", &journey.scenario);
    let persona = &journey.persona;
    check(&place, "field-persona", &persona.name);
    check(&place, "field-persona-description", &persona.description);
    for (field, items) in [
        ("field-goals", &persona.goals),
        ("field-needs", &persona.needs),
        ("field-expectations", &persona.expectations),
    ] {
        for item in items {
            check(&place, field, item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Language, Touchpoint, TouchpointId};

    #[test]
    fn finds_any_field_case_insensitively_in_map_order() {
        let mut j = Journey::new("Boots", Language::En);
        let mut a = Touchpoint::new(TouchpointId("tp-1".into()), Stage::Awareness, "Ad");
        a.pain_points.push("The COURIER never came".into());
        let mut b = Touchpoint::new(TouchpointId("tp-2".into()), Stage::Usage, "Courier");
        b.thought = "where is the courier?".into();
        j.touchpoints = vec![a, b];
        j.scenario = "A courier story".into();
        let found = find(&j, "  courier ");
        let places: Vec<(&Place, &str)> = found.iter().map(|m| (&m.place, m.field)).collect();
        let tp = |id: &str| Place::Element(ElementId::Touchpoint(TouchpointId(id.into())));
        assert_eq!(
            places,
            vec![
                (&tp("tp-1"), "field-pain-points"),
                (&tp("tp-2"), "field-title"),
                (&tp("tp-2"), "field-thought"),
                (&Place::Journey, "field-scenario"),
            ]
        );
        assert!(find(&j, "").is_empty());
        assert!(find(&j, "bicycle").is_empty());
    }
}
