//! Unit tests of the three-way merge.

use super::*;

fn base() -> Journey {
    let mut j = Journey::new("Base", Language::En);
    for (n, stage) in [Stage::Awareness, Stage::Usage].iter().enumerate() {
        let mut tp = Touchpoint::new(
            TouchpointId(format!("tp-{}", n + 1)),
            *stage,
            format!("Step {}", n + 1),
        );
        tp.emotion = Some(Emotion {
            score: 0,
            word: String::new(),
        });
        j.touchpoints.push(tp);
    }
    j
}

#[test]
fn different_fields_of_one_touchpoint_merge() {
    let base = base();
    let mut ours = base.clone();
    ours.touchpoints[0].title = "Ours".into();
    let mut theirs = base.clone();
    theirs.touchpoints[0].emotion = Some(Emotion {
        score: -2,
        word: "angry".into(),
    });
    theirs.touchpoints[0].pain_points.push("slow".into());
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let tp = &merged.journey.touchpoints[0];
    assert_eq!(tp.title, "Ours");
    assert_eq!(tp.emotion_score(), Some(-2));
    assert_eq!(tp.pain_points, ["slow"]);
}

#[test]
fn the_same_field_changed_twice_conflicts_and_keeps_both() {
    let base = base();
    let mut ours = base.clone();
    ours.touchpoints[1].title = "Call centre".into();
    let mut theirs = base.clone();
    theirs.touchpoints[1].title = "Contact centre".into();
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let text = to_text(&merged).unwrap();
    assert!(text.contains("<<<<<<< ours\n            title: \"Call centre\",\n=======\n            title: \"Contact centre\",\n>>>>>>> theirs"), "{text}");
    assert!(crate::format::parse(&text).is_err());
}

#[test]
fn both_adding_the_same_id_keeps_both() {
    let base = base();
    let mut ours = base.clone();
    ours.touchpoints
        .push(Touchpoint::new("tp-3".into(), Stage::Usage, "Ours added"));
    let mut theirs = base.clone();
    theirs
        .touchpoints
        .push(Touchpoint::new("tp-3".into(), Stage::Usage, "Theirs added"));
    theirs.opportunities.push(Opportunity {
        owner: "o".into(),
        ..Opportunity::new(
            "op-1".into(),
            OpportunityTarget::Touchpoint("tp-3".into()),
            "x",
        )
    });
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.renamed,
        [(
            ElementKind::Touchpoint,
            "tp-3".to_owned(),
            "tp-4".to_owned()
        )]
    );
    let titles: Vec<&str> = merged
        .journey
        .touchpoints_in(Stage::Usage)
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(titles, ["Step 2", "Ours added", "Theirs added"]);
    assert_eq!(
        merged.journey.opportunities[0].target,
        OpportunityTarget::Touchpoint("tp-4".into())
    );
}

#[test]
fn header_conflicts_keep_both_values() {
    let base = base();
    let mut ours = base.clone();
    ours.persona.name = "Ana".into();
    ours.scenario = "Ours".into();
    let mut theirs = base.clone();
    theirs.persona.name = "Bea".into();
    theirs.state = JourneyState::Future;
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert_eq!(
        merged.journey.state,
        JourneyState::Future,
        "one-sided changes merge"
    );
    assert_eq!(merged.journey.scenario, "Ours");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let text = to_text(&merged).unwrap();
    assert!(
        text.contains("name: \"Ana\"") && text.contains("name: \"Bea\""),
        "{text}"
    );
    assert!(
        text.contains("<<<<<<< ours\n    persona: Persona("),
        "{text}"
    );
}

#[test]
fn delete_against_edit_conflicts() {
    let base = base();
    let mut ours = base.clone();
    ours.touchpoints.remove(0);
    let mut theirs = base.clone();
    theirs.touchpoints[0].title = "Edited".into();
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert!(
        merged.conflicts[0]
            .to_string()
            .contains("deleted in ours, edited in theirs")
    );
    let text = to_text(&merged).unwrap();
    assert!(
        text.contains("<<<<<<< ours\n=======\n        Touchpoint(\n            id: \"tp-1\","),
        "{text}"
    );
}

#[test]
fn a_card_and_a_step_given_one_id_on_two_sides_are_both_kept_apart() {
    // One id space: ours' step and theirs' card cannot both be `x-1`.
    let base = base();
    let mut ours = base.clone();
    ours.steps.push(Step::new(
        "x-1".into(),
        Stage::Usage,
        BlueprintLane::Backstage,
        "Ours, a step",
    ));
    let mut theirs = base.clone();
    theirs.touchpoints.push(Touchpoint::new(
        "x-1".into(),
        Stage::Usage,
        "Theirs, a card",
    ));
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.renamed.len(), 1, "{:?}", merged.renamed);
    assert_eq!(merged.renamed[0].0, ElementKind::Touchpoint);
    assert!(crate::format::validate(&merged.journey).is_empty());
    assert!(merged.journey.steps.iter().any(|s| s.id.as_str() == "x-1"));
    assert!(
        merged
            .journey
            .touchpoints
            .iter()
            .any(|t| t.title == "Theirs, a card" && t.id.as_str() != "x-1")
    );
}
