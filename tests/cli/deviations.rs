//! Planned vs actual: the bundled broadband example (after the Telenor case of the
//! customer journey modelling language) round-trips canonically, checks clean, and
//! every deviation is visible in its export: an ad hoc card below the planned line, a
//! missing one as a ghost outline, a failing one crossed out, an out-of-order one with
//! an arrow to where it was planned, and a grey area on the failing touchpoint alone.

use crate::support::{broadband, n};
use journeymap::export;
use journeymap::layout::{AD_HOC_DROP, Lane, PLANNED_PATH_Y, Point, Rect};
use journeymap::model::*;
use journeymap::theme::Theme;

#[test]
fn the_broadband_example_has_all_four_deviations_and_round_trips() {
    let (journey, text) = broadband();
    assert_eq!(journey.state, JourneyState::Actual);
    let deviations: Vec<Deviation> = journey
        .touchpoints
        .iter()
        .filter_map(|t| t.deviation)
        .collect();
    for d in Deviation::ALL {
        assert!(deviations.contains(d), "{d:?} is in the example");
    }
    assert_eq!(
        journeymap::format::to_text(&journey).unwrap(),
        text,
        "canonical"
    );
    assert!(journeymap::format::check(&text).is_empty());
    // A grey area sits on the failing touchpoint alone.
    let failing = journey
        .touchpoints
        .iter()
        .find(|t| t.deviation == Some(Deviation::Failing))
        .unwrap();
    assert!(journey.grey_areas.iter().any(|g| g.from == failing.id
        && g.to == failing.id
        && g.kind == GreyAreaKind::FailingTouchpoint));
    assert!(
        journey
            .grey_areas
            .iter()
            .any(|g| g.kind == GreyAreaKind::AdHoc)
    );
}

#[test]
fn every_deviation_is_drawn_where_the_layout_puts_it() {
    let (journey, _) = broadband();
    let svg = export::svg(&journey, false);
    let page = export::page_of(&journey, &Default::default());
    // The map is placed on the page at its origin: compare in page units.
    let rect_at = |r: &Rect| {
        let at = page.on_page(r.min);
        format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\"",
            n(at.x),
            n(at.y),
            n(r.width())
        )
    };
    let slot = |d: Deviation| {
        let index = journey
            .touchpoints
            .iter()
            .position(|t| t.deviation == Some(d))
            .unwrap();
        page.layout
            .slots
            .iter()
            .find(|s| s.index == index)
            .unwrap()
            .clone()
    };
    let cards = page.layout.lane(Lane::Cards).rect;
    let planned = page.layout.slots[0].card;

    // Ad hoc: below the planned line, within its lane, a dashed border.
    let ad_hoc = slot(Deviation::AdHoc);
    assert_eq!(ad_hoc.card.min.y, planned.min.y + AD_HOC_DROP);
    assert!(ad_hoc.card.max.y <= cards.max.y + 0.01);
    let line = svg
        .lines()
        .find(|l| l.starts_with(&rect_at(&ad_hoc.card)) && l.contains("stroke-dasharray"))
        .unwrap_or_else(|| panic!("no dashed ad hoc card in the SVG"));
    assert!(
        line.contains(&Theme::light().key_moment.to_string()),
        "{line}"
    );

    // The planned path runs along the card lane's top, over the ad hoc card, which
    // hangs below it.
    let path_y = page
        .on_page(Point::new(0.0, cards.min.y + PLANNED_PATH_Y))
        .y;
    let muted = Theme::light().text_muted.to_string();
    let over = svg.lines().any(|l| {
        let Some(points) = l
            .strip_prefix("<polyline points=\"")
            .and_then(|r| r.split('"').next())
        else {
            return false;
        };
        let xy: Vec<(f32, f32)> = points
            .split(' ')
            .filter_map(|p| {
                let (x, y) = p.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect();
        let (left, right) = (
            page.on_page(ad_hoc.card.min).x,
            page.on_page(ad_hoc.card.max).x,
        );
        l.contains(&format!("stroke=\"{muted}\""))
            && xy.len() == 2
            && xy.iter().all(|(_, y)| (y - path_y).abs() < 0.6)
            && xy[0].0 < left
            && xy[1].0 > right
    });
    assert!(
        over,
        "the planned path passes over the ad hoc card at y {path_y}"
    );

    // Missing: a ghost, faded fill and a dashed outline.
    let missing = slot(Deviation::Missing);
    assert!(
        svg.lines()
            .any(|l| l.starts_with(&rect_at(&missing.card)) && l.contains("fill-opacity=\"0.35\""))
    );
    assert!(
        svg.lines()
            .any(|l| l.starts_with(&rect_at(&missing.card)) && l.contains("stroke-dasharray"))
    );

    // Failing: edged in the pain colour, a cross at its top right beside the words
    // (never across them: the overlap check holds on every export).
    let failing = slot(Deviation::Failing).card;
    let pain = Theme::light().pain_point.to_string();
    assert!(
        svg.lines().any(|l| l.starts_with(&rect_at(&failing))
            && l.contains(&format!("stroke=\"{pain}\""))
            && l.contains("stroke-width=\"2.5\"")),
        "the failing card is edged in {pain}"
    );
    let corner = page.on_page(failing.max);
    let top = page.on_page(failing.min);
    let crosses: Vec<&str> = svg
        .lines()
        .filter(|l| l.starts_with("<polyline") && l.contains(&format!("stroke=\"{pain}\"")))
        .filter(|l| {
            let points = l.split('"').nth(1).unwrap_or_default();
            points.split(' ').all(|p| {
                let mut xy = p.split(',').map(|v| v.parse::<f32>().unwrap_or(-1.0));
                let (x, y) = (xy.next().unwrap_or(-1.0), xy.next().unwrap_or(-1.0));
                x > corner.x - 60.0 && x < corner.x && y > top.y && y < top.y + 60.0
            })
        })
        .collect();
    assert_eq!(crosses.len(), 2, "a cross of two strokes at the top right");

    // Out of order: an arrow from its card into the gap after the planned predecessor.
    let moved = slot(Deviation::OutOfOrder);
    let after = journey.touchpoints[moved.index]
        .planned_after
        .clone()
        .unwrap();
    let target = page.layout.slots.iter().find(|s| s.id == after).unwrap();
    let start = page.on_page(Point::new(moved.card.center().x, moved.card.min.y));
    let start = format!("<polyline points=\"{},{} ", n(start.x), n(start.y));
    let arrow = svg
        .lines()
        .find(|l| l.starts_with(&start))
        .expect("an arrow from the card");
    assert!(
        arrow.contains(&{
            let end = page.on_page(Point::new(target.card.max.x + 6.0, target.card.min.y + 2.0));
            format!("{},{}\"", n(end.x), n(end.y))
        }),
        "{arrow}"
    );

    // Each card says which deviation it is, in the map's language; the legend lists them.
    for label in [
        "AD HOC",
        "MISSING",
        "FAILED",
        "OUT OF ORDER",
        "Planned vs actual: Failed",
    ] {
        assert!(svg.contains(label), "{label}");
    }
}

#[test]
fn a_failing_touchpoints_grey_area_is_marked_under_its_card_and_only_it_may_sit_alone() {
    let (mut journey, _) = broadband();
    let layout = journeymap::layout::layout(&journey, &Theme::light().metrics);
    let grey = layout
        .grey_areas
        .iter()
        .find(|g| g.slots.0 == g.slots.1)
        .expect("the grey area on one touchpoint");
    let card = layout.slots[grey.slots.0].card;
    assert!(grey.band.min.x >= card.min.x && grey.band.max.x <= card.max.x);
    assert!(
        grey.band.width() > card.width() / 2.0,
        "visible, not a hairline"
    );
    assert!(!grey.callout.intersects(&card));

    // Any other kind on one touchpoint is an error that says what would be allowed.
    let index = journey
        .grey_areas
        .iter()
        .position(|g| g.from == g.to)
        .unwrap();
    journey.grey_areas[index].kind = GreyAreaKind::SystemGap;
    let text = journeymap::format::to_text(&journey).unwrap();
    let error = journeymap::format::parse(&text)
        .unwrap_err()
        .iter()
        .map(|d| d.to_string())
        .collect::<String>();
    assert!(
        error.contains("to itself") && error.contains("FailingTouchpoint"),
        "{error}"
    );
}

#[test]
fn check_warns_about_a_deviation_without_evidence_and_an_arrow_to_nowhere() {
    let (mut journey, _) = broadband();
    let failing = journey
        .touchpoints
        .iter()
        .position(|t| t.deviation == Some(Deviation::Failing))
        .unwrap();
    journey.touchpoints[failing].evidence.clear();
    let moved = journey
        .touchpoints
        .iter()
        .position(|t| t.deviation == Some(Deviation::OutOfOrder))
        .unwrap();
    journey.touchpoints[moved].planned_after = None;
    // An arrow on a touchpoint that is not out of order.
    journey.touchpoints[0].planned_after = Some(journey.touchpoints[1].id.clone());
    let text = journeymap::format::to_text(&journey).unwrap();
    let messages: Vec<String> = journeymap::format::check(&text)
        .into_iter()
        .map(|d| d.message)
        .collect();
    let id = |i: usize| journey.touchpoints[i].id.to_string();
    assert!(
        messages
            .iter()
            .any(|m| m.contains(&id(failing)) && m.contains("marked failing but has no evidence")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains(&id(moved)) && m.contains("set planned_after")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains(&id(0)) && m.contains("not marked OutOfOrder")),
        "{messages:#?}"
    );
    // planned_after is a reference like any other: a dangling one is an error.
    journey.touchpoints[moved].planned_after = Some(TouchpointId("tp-99".into()));
    let text = journeymap::format::to_text(&journey).unwrap();
    let error = journeymap::format::parse(&text)
        .unwrap_err()
        .iter()
        .map(|d| d.to_string())
        .collect::<String>();
    assert!(error.contains("tp-99"), "{error}");
}
