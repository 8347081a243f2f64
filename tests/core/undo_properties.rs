//! Random sequences of edits through the document's one edit path: undoing them all
//! gives back the original journey exactly, and redoing them all gives the edited one.

use journeymap::document::Document;
use journeymap::format;
use journeymap::model::*;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Add(usize),
    Move(usize, usize, usize),
    Delete(usize),
    Retitle(usize, String),
    Emotion(usize, i8),
    AddEvidence(usize),
    MarkGreyArea(usize),
    DeleteEvidence(usize),
    Header(String),
    DeleteChannel(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..6).prop_map(Op::Add),
        (0usize..100, 0usize..6, 0usize..10).prop_map(|(a, b, c)| Op::Move(a, b, c)),
        (0usize..100).prop_map(Op::Delete),
        (0usize..100, "[a-zñ ]{0,12}").prop_map(|(a, t)| Op::Retitle(a, t)),
        (0usize..100, -2i8..=2).prop_map(|(a, s)| Op::Emotion(a, s)),
        (0usize..100).prop_map(Op::AddEvidence),
        (0usize..100).prop_map(Op::MarkGreyArea),
        (0usize..100).prop_map(Op::DeleteEvidence),
        "[A-Za-z ]{0,10}".prop_map(Op::Header),
        (0usize..10).prop_map(Op::DeleteChannel),
    ]
}

fn nth<T>(items: &[T], n: usize) -> Option<&T> {
    if items.is_empty() {
        None
    } else {
        items.get(n % items.len())
    }
}

/// The edit an op makes on this journey (None when it does not apply), with a label and
/// coalescing key as the editor would give.
fn edit_for(journey: &Journey, op: &Op) -> Option<(Edit, Option<String>)> {
    Some(match op {
        Op::Add(stage) => {
            let tp = Touchpoint::new(journey.next_touchpoint_id(), Stage::ALL[*stage], "new");
            (Edit::add_touchpoint(journey, tp), None)
        }
        Op::Move(n, stage, index) => {
            let tp = nth(&journey.touchpoints, *n)?;
            (
                Edit::move_touchpoint(journey, &tp.id, Stage::ALL[*stage], *index).ok()?,
                None,
            )
        }
        Op::Delete(n) => (
            Edit::delete(
                journey,
                &ElementId::Touchpoint(nth(&journey.touchpoints, *n)?.id.clone()),
            ),
            None,
        ),
        Op::Retitle(n, title) => {
            let mut tp = nth(&journey.touchpoints, *n)?.clone();
            tp.title = title.clone();
            let key = format!("{}/title", tp.id);
            (Edit::Replace(Element::Touchpoint(tp)), Some(key))
        }
        Op::Emotion(n, score) => {
            let mut tp = nth(&journey.touchpoints, *n)?.clone();
            tp.emotion = Some(Emotion {
                score: *score,
                word: String::new(),
            });
            (Edit::Replace(Element::Touchpoint(tp)), None)
        }
        Op::AddEvidence(n) => {
            let mut tp = nth(&journey.touchpoints, *n)?.clone();
            let evidence = Evidence::new(journey.next_evidence_id(), EvidenceKind::Quote, "said");
            tp.evidence.push(evidence.id.clone());
            let index = journey.evidence.len();
            let edit = Edit::Batch(vec![
                Edit::Insert {
                    index,
                    element: Element::Evidence(evidence),
                },
                Edit::Replace(Element::Touchpoint(tp)),
            ]);
            (edit, None)
        }
        Op::MarkGreyArea(n) => {
            if journey.touchpoints.len() < 2 {
                return None;
            }
            let i = n % (journey.touchpoints.len() - 1);
            let (from, to) = (&journey.touchpoints[i].id, &journey.touchpoints[i + 1].id);
            let grey = journeymap::document::suggested_grey_area(
                journey,
                journey.next_grey_area_id(),
                from,
                to,
            );
            (
                Edit::Insert {
                    index: journey.grey_areas.len(),
                    element: Element::GreyArea(grey),
                },
                None,
            )
        }
        Op::DeleteEvidence(n) => (
            Edit::delete(
                journey,
                &ElementId::Evidence(nth(&journey.evidence, *n)?.id.clone()),
            ),
            None,
        ),
        Op::Header(title) => {
            let mut header = journey.header();
            header.title = title.clone();
            (Edit::Header(Box::new(header)), Some("header/title".into()))
        }
        Op::DeleteChannel(n) => (
            Edit::delete(
                journey,
                &ElementId::Channel(nth(&journey.channels, *n)?.id.clone()),
            ),
            None,
        ),
    })
}

fn example() -> Journey {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/portabilidad-operador-movil.ron");
    format::load(&path).unwrap().journey
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn undo_all_restores_and_redo_all_replays(ops in proptest::collection::vec(op(), 1..40)) {
        let original = example();
        let mut document = Document::new(original.clone(), None);
        for op in &ops {
            if let Some((edit, key)) = edit_for(&document.journey, op) {
                document.apply(edit, "edit-touchpoint", key).unwrap();
            }
        }
        let edited = document.journey.clone();
        // Every state stays a valid, saveable journey.
        let text = format::to_text(&edited).unwrap();
        prop_assert!(format::parse(&text).is_ok(), "{text}");
        while document.undo() {}
        prop_assert_eq!(&document.journey, &original);
        prop_assert!(!document.is_modified());
        while document.redo() {}
        prop_assert_eq!(&document.journey, &edited);
    }
}
