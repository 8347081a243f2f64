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
    Edit::delete_touchpoint(&new, &"tp-16".into())
        .apply(&mut new)
        .unwrap();
    // Grey areas: open one, change one, resolve one.
    let opened = journeymap::document::suggested_grey_area(
        &new,
        "ga-5".into(),
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
    new.evidence.push(Evidence {
        id: "ev-13".into(),
        kind: EvidenceKind::Interview,
        text: "New interview".into(),
        source: String::new(),
        date: String::new(),
        confidence: Confidence::Observed,
        metric: None,
        attachments: vec![],
    });
    Edit::delete_evidence(&new, &"ev-12".into())
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
        "+ grey area ga-5",
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
    let markdown = diff::render_markdown(&diff::diff(&old, &new), &I18n::new(new.language));
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
