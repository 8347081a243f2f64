//! The semantic diff on pairs of journeys covering every kind of change.

use journeymap::diff::{self, Change, Kind};
use journeymap::format;
use journeymap::i18n::I18n;
use journeymap::model::*;
use std::path::Path;
use std::process::Command;

fn example(name: &str) -> Journey {
    format::load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("journeys")
            .join(name),
    )
    .unwrap()
    .journey
}

/// Every kind of change, applied to the English example.
fn changed(old: &Journey) -> Journey {
    let mut new = old.clone();
    new.title = "Online order, delivery and return (v2)".into();
    let checkout = new
        .touchpoints
        .iter_mut()
        .find(|t| t.id.as_str() == "tp-7")
        .unwrap();
    checkout.emotion = Some(Emotion {
        score: -2,
        word: "annoyed".into(),
    });
    checkout.pain_points.push("Address form resets".into());
    // Move tp-2 to interest; reorder usage (tp-12 before tp-11); add and remove.
    Edit::move_touchpoint(&new, &"tp-2".into(), Stage::Interest, 0)
        .unwrap()
        .apply(&mut new)
        .unwrap();
    Edit::move_touchpoint(&new, &"tp-12".into(), Stage::Usage, 2)
        .unwrap()
        .apply(&mut new)
        .unwrap();
    let added = Touchpoint::new(new.next_touchpoint_id(), Stage::Advocacy, "Loyalty email");
    Edit::add_touchpoint(&new, added).apply(&mut new).unwrap();
    Edit::delete(&new, &ElementId::Touchpoint("tp-16".into()))
        .apply(&mut new)
        .unwrap();
    // Grey areas: open one, change one, resolve one.
    let opened = journeymap::document::suggested_grey_area(
        &new,
        "ga-9".into(),
        &"tp-3".into(),
        &"tp-4".into(),
    );
    new.grey_areas.push(opened);
    new.grey_areas
        .iter_mut()
        .find(|g| g.id.as_str() == "ga-1")
        .unwrap()
        .severity = Severity::Critical;
    new.grey_areas
        .iter_mut()
        .find(|g| g.id.as_str() == "ga-3")
        .unwrap()
        .status = GreyAreaStatus::Resolved;
    // Evidence added and removed (unlinked first).
    new.evidence.push(Evidence::new(
        "ev-13".into(),
        EvidenceKind::Interview,
        "New interview",
    ));
    Edit::delete(&new, &ElementId::Evidence("ev-12".into()))
        .apply(&mut new)
        .unwrap();
    // Catalogue.
    new.channels
        .iter_mut()
        .find(|c| c.id.as_str() == "chat")
        .unwrap()
        .colour = Rgb::hex(0x123456);
    new
}

#[test]
fn every_kind_of_change_is_named() {
    let old = example("online-order-delivery-return.ron");
    let new = changed(&old);
    let changes = diff::diff(&old, &new);
    let text = diff::render_text(&changes);
    for expected in [
        "journey: title \"Online order, delivery and return\" -> \"Online order, delivery and return (v2)\"",
        "~ touchpoint tp-7 \"Checkout form\": emotion.score -1 -> -2; pain_points +\"Address form resets\"",
        "> touchpoint tp-2 \"Boots listed on a price comparison site\" moved from awareness to interest",
        "reordered within usage",
        "+ touchpoint tp-17 \"Loyalty email\" added",
        "- touchpoint tp-16 \"Review posted on social media\" removed",
        "+ grey area ga-9",
        "~ grey area ga-1 \"App tracking and courier system out of step\": severity High -> Critical",
        "✓ grey area ga-3 \"Bought online, cannot return in store\" resolved",
        "+ evidence ev-13 \"New interview\" added",
        "- evidence ev-12",
        "~ channel chat \"Live chat\": colour \"#76b7b2\" -> \"#123456\"",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(changes.iter().any(|c| matches!(
        c,
        Change::Removed {
            kind: Kind::Evidence,
            ..
        }
    )));
    assert!(diff::diff(&old, &old).is_empty());
}

#[test]
fn markdown_is_in_the_journeys_language() {
    let old = example("portabilidad-operador-movil.ron");
    let mut new = old.clone();
    Edit::move_touchpoint(&new, &"tp-6".into(), Stage::Action, 0)
        .unwrap()
        .apply(&mut new)
        .unwrap();
    let markdown = diff::render_markdown(&diff::diff(&old, &new), &I18n::new(new.language), &new);
    assert!(
        markdown.starts_with("### Un cambio en el viaje"),
        "{markdown}"
    );
    assert!(markdown.contains("**Puntos de contacto**"));
    assert!(
        markdown
            .contains("- Movido tp-6 «Chat para confirmar la cobertura» de Consideración a Acción"),
        "{markdown}"
    );
}

#[test]
fn the_command_exits_like_diff() {
    let dir = tempfile::tempdir().unwrap();
    let old_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let new_path = dir.path().join("new.ron");
    format::save(
        &new_path,
        &changed(&format::load(&old_path).unwrap().journey),
    )
    .unwrap();
    let run = |a: &Path, b: &Path, extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .arg("diff")
            .arg(a)
            .arg(b)
            .args(extra)
            .output()
            .unwrap()
    };
    assert_eq!(run(&old_path, &old_path, &[]).status.code(), Some(0));
    let different = run(&old_path, &new_path, &[]);
    assert_eq!(different.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&different.stdout).contains("moved from awareness to interest")
    );
    let markdown = run(&old_path, &new_path, &["--format", "markdown"]);
    assert!(String::from_utf8_lossy(&markdown.stdout).starts_with("### "));
    let missing = run(&old_path, &dir.path().join("nope.ron"), &[]);
    assert_eq!(missing.status.code(), Some(2), "trouble is 2, like diff");
}

#[test]
fn the_picture_marks_each_change_where_it_sits() {
    use journeymap::export::{self, Mark};
    let dir = tempfile::tempdir().unwrap();
    let old_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let old = format::load(&old_path).unwrap().journey;
    let new = changed(&old);
    let new_path = dir.path().join("new.ron");
    format::save(&new_path, &new).unwrap();
    let png = dir.path().join("change.png");
    // Written beside the comment (the current folder): linked as ./change.png, never
    // by this machine's absolute path.
    let output = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .current_dir(dir.path())
        .arg("diff")
        .arg(&old_path)
        .arg(&new_path)
        .args(["--format", "markdown", "-o"])
        .arg(&png)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let markdown = String::from_utf8_lossy(&output.stdout);
    assert!(
        markdown.contains("![Picture of the change](./change.png)"),
        "{markdown}"
    );
    assert!(
        !markdown.contains(&dir.path().display().to_string()),
        "{markdown}"
    );

    // Decode the PNG and look at the outline left of each card (1 px per unit).
    let picture = image::open(&png).unwrap().to_rgb8();
    let page = export::page_of(&new, &Default::default());
    let near = |a: [u8; 3], b: Rgb| {
        a.iter()
            .zip([b.0, b.1, b.2])
            .all(|(x, y)| x.abs_diff(y) <= 24)
    };
    let outline_left_of = |id: &str| -> [u8; 3] {
        let slot = page
            .layout
            .slots
            .iter()
            .find(|s| s.id.as_str() == id)
            .unwrap();
        let x = page.map_origin.x + slot.card.min.x - 5.0;
        let y = page.map_origin.y + slot.card.center().y;
        picture.get_pixel(x.round() as u32, y.round() as u32).0
    };
    assert!(
        near(outline_left_of("tp-17"), Mark::Added.colour()),
        "added tp-17"
    );
    assert!(
        near(outline_left_of("tp-7"), Mark::Changed.colour()),
        "edited tp-7"
    );
    assert!(
        near(outline_left_of("tp-2"), Mark::Changed.colour()),
        "moved tp-2"
    );
    for unchanged in ["tp-3", "tp-5"] {
        let pixel = outline_left_of(unchanged);
        assert!(
            !near(pixel, Mark::Added.colour()) && !near(pixel, Mark::Changed.colour()),
            "{unchanged} is not marked: {pixel:?}"
        );
    }
    let grey = page
        .layout
        .grey_areas
        .iter()
        .find(|g| g.id.as_str() == "ga-1")
        .unwrap();
    let pixel = picture
        .get_pixel(
            (page.map_origin.x + grey.band.min.x - 5.0).round() as u32,
            (page.map_origin.y + grey.band.center().y).round() as u32,
        )
        .0;
    assert!(
        near(pixel, Mark::Changed.colour()),
        "ga-1's severity changed"
    );

    // What has no place on the new map is listed under it.
    let svg = dir.path().join("change.svg");
    let status = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("diff")
        .arg(&old_path)
        .arg(&new_path)
        .arg("-o")
        .arg(&svg)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(
        svg.contains("Removed touchpoint tp-16"),
        "the removed card is named"
    );
    assert!(svg.contains("Removed evidence ev-12"));
    assert!(svg.contains("Changed channel chat"));
}
