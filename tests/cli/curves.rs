//! Several curves: the broadband example's two extra curves round-trip, draw as their
//! own dashed lines through the layout's points with a legend, and bad scores or
//! unknown curves are errors; deleting a curve removes its scores in one undoable step.

use crate::support::{broadband, n};
use journeymap::export;
use journeymap::model::*;

#[test]
fn extra_curves_round_trip_and_draw_as_their_own_lines_with_a_legend() {
    let (journey, text) = broadband();
    assert!(journey.curves.len() >= 2);
    assert_eq!(journeymap::format::to_text(&journey).unwrap(), text);
    let svg = export::svg(&journey, false);
    let page = export::page_of(&journey, &Default::default());
    for (i, curve) in journey.curves.iter().enumerate() {
        // The dashed line in the curve's colour through every scored touchpoint.
        let points: Vec<String> = page
            .layout
            .slots
            .iter()
            .filter_map(|s| s.curves.iter().find(|(c, _)| *c == i))
            .map(|(_, p)| page.on_page(*p))
            .map(|p| format!("{},{}", n(p.x), n(p.y)))
            .collect();
        let scored = journey
            .touchpoints
            .iter()
            .filter(|t| t.curve_score(&curve.id).is_some())
            .count();
        assert_eq!(points.len(), scored);
        let line = format!("<polyline points=\"{}\"", points.join(" "));
        let drawn = svg
            .lines()
            .find(|l| l.starts_with(&line))
            .unwrap_or_else(|| panic!("no line for {}", curve.name));
        assert!(drawn.contains(&curve.colour.to_string()) && drawn.contains("stroke-dasharray"));
        assert!(
            svg.contains(&format!(">{}<", curve.name)),
            "{} in the legend",
            curve.name
        );
    }
    // A score of +2 is higher on the page than one of -2.
    let slot = |score: i8| {
        let index = journey
            .touchpoints
            .iter()
            .position(|t| t.curve_score(&journey.curves[1].id) == Some(score))
            .unwrap();
        let slot = page.layout.slots.iter().find(|s| s.index == index).unwrap();
        slot.curves.iter().find(|(c, _)| *c == 1).unwrap().1.y
    };
    assert!(slot(2) < slot(-2));
}

#[test]
fn a_score_off_the_scale_or_on_an_unknown_curve_is_an_error() {
    let (mut journey, _) = broadband();
    journey.touchpoints[0].scores[0].score = 3;
    journey.touchpoints[1].scores[0].curve = CurveId("joy".into());
    let text = journeymap::format::to_text(&journey).unwrap();
    let errors: Vec<String> = journeymap::format::parse(&text)
        .unwrap_err()
        .iter()
        .map(|d| d.to_string())
        .collect();
    let tp = |i: usize| journey.touchpoints[i].id.to_string();
    assert!(
        errors
            .iter()
            .any(|e| e.contains(&tp(0)) && e.contains("outside the scale")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains(&tp(1)) && e.contains("\"joy\", which does not exist")),
        "{errors:#?}"
    );
}

#[test]
fn deleting_a_curve_removes_its_scores_in_one_undoable_step() {
    let (mut journey, _) = broadband();
    let before = journey.clone();
    let id = journey.curves[0].id.clone();
    let edit = Edit::delete(&journey, &ElementId::Curve(id.clone()));
    let undo = edit.apply(&mut journey).unwrap();
    assert!(journey.curves.iter().all(|c| c.id != id));
    assert!(
        journey
            .touchpoints
            .iter()
            .all(|t| t.curve_score(&id).is_none())
    );
    assert!(journeymap::format::validate(&journey).is_empty());
    undo.apply(&mut journey).unwrap();
    assert_eq!(journey, before);
}
