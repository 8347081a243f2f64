//! Resolving a merge conflict in the app, on a file produced by a real `git merge`
//! through the journeymap driver: every difference is listed with both values, the
//! person picks ours, theirs or types a text, a choice that leaves the map invalid is
//! refused with the reason, and the saved file loads without markers.

use crate::common::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::format;
use journeymap::model::*;
use std::path::Path;
use std::process::Command;

fn git(repo: &Path, args: &[&str]) {
    let output = Command::new("git")
        .current_dir(repo)
        .args(args)
        .output()
        .expect("git is installed");
    assert!(
        output.status.success() || args[0] == "merge",
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn edit(path: &Path, change: impl FnOnce(&mut Journey)) {
    let mut journey = format::load(path).unwrap().journey;
    change(&mut journey);
    format::save(path, &journey).unwrap();
}

fn card<'a>(journey: &'a mut Journey, id: &str) -> &'a mut Touchpoint {
    journey
        .touchpoints
        .iter_mut()
        .find(|t| t.id.as_str() == id)
        .unwrap()
}

/// A journey left conflicted by `git merge feature` with the driver: the scenario and
/// tp-7's title changed on both sides, and ours deleted tp-16 while theirs attached an
/// opportunity to it.
fn conflicted_repo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    git(repo, &["config", "user.name", "Test"]);
    git(repo, &["config", "user.email", "test@example.com"]);
    let path = repo.join("journey.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron"),
        &path,
    )
    .unwrap();
    let setup = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .current_dir(repo)
        .arg("git-setup")
        .output()
        .unwrap();
    assert!(setup.status.success(), "{setup:?}");
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "base"]);
    git(repo, &["checkout", "-q", "-b", "feature"]);
    edit(&path, |j| {
        j.scenario = "Theirs scenario".into();
        card(j, "tp-7").title = "Express checkout".into();
        j.opportunities.push(Opportunity {
            owner: "Social team".into(),
            ..Opportunity::new(
                "op-6".into(),
                OpportunityTarget::Touchpoint("tp-16".into()),
                "Answer every review within a day",
            )
        });
    });
    git(repo, &["commit", "-q", "-am", "theirs"]);
    git(repo, &["checkout", "-q", "main"]);
    edit(&path, |j| {
        j.scenario = "Ours scenario".into();
        card(j, "tp-7").title = "One-page checkout".into();
        Edit::delete(j, &ElementId::Touchpoint("tp-16".into()))
            .apply(j)
            .unwrap();
    });
    git(repo, &["commit", "-q", "-am", "ours"]);
    git(repo, &["merge", "--no-edit", "feature"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("<<<<<<<"), "git left a conflict: {text}");
    (dir, path)
}

#[test]
fn a_conflict_from_git_is_resolved_in_the_app_and_saved_without_markers() {
    let (_dir, path) = conflicted_repo();
    let mut h = harness(app_on_file(&path));
    assert!(h.state().load_failure().is_some());
    click(&mut h, "Resolve 3 conflicts here…");

    // Each difference, both values side by side, in the interface language.
    assert!(
        h.query_by_label("3 differences to resolve in “journey.ron”")
            .is_some()
    );
    assert!(h.query_by_label("The journey · Scenario").is_some());
    assert!(
        h.query_by_label("Touchpoint tp-7 “One-page checkout” · Title")
            .is_some()
    );
    assert!(h.query_by_label("Express checkout").is_some());
    assert!(h.query_by_label("One-page checkout").is_some());
    assert!(
        h.query_by_label("Touchpoint tp-16 “Review posted on social media”")
            .is_some()
    );
    assert!(h.query_by_label("(deleted)").is_some());
    let ours = h
        .query_all_by_label_contains("Keep ")
        .next()
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .unwrap();
    let theirs_label = |h: &egui_kittest::Harness<'_, _>| -> Vec<String> {
        h.query_all_by_role(Role::RadioButton)
            .filter_map(|n| n.accesskit_node().label())
            .filter(|l| l.starts_with("Keep ") && *l != ours)
            .collect()
    };
    assert_eq!(theirs_label(&h).len(), 3);

    // Scenario: a new text. tp-7: theirs. tp-16: ours (deleted) for now.
    h.query_all_by_label("Type a new text:")
        .next()
        .unwrap()
        .click();
    h.run();
    let field = h.get_by_role(Role::TextInput);
    field.focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text(", agreed");
    h.run();
    let theirs = theirs_label(&h)[1].clone();
    h.query_all_by_label(&theirs).nth(1).unwrap().click();
    h.run();

    // Keeping ours' deletion leaves op-6 pointing nowhere: refused, with the reason.
    click(&mut h, "Use these choices");
    assert!(h.state().load_failure().is_some(), "not applied");
    assert!(
        h.query_by_label_contains("refers to touchpoint \"tp-16\"")
            .is_some()
    );
    h.query_all_by_label(&theirs).nth(2).unwrap().click();
    h.run();
    click(&mut h, "Use these choices");
    assert!(h.state().load_failure().is_none(), "resolved");
    assert!(h.state().document().is_modified(), "to be saved");

    press(&mut h, egui::Modifiers::COMMAND, egui::Key::S);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
    let saved = format::parse(&text).expect("the saved file loads").journey;
    assert_eq!(saved.scenario, "Ours scenario, agreed");
    assert_eq!(
        saved.touchpoint(&"tp-7".into()).unwrap().title,
        "Express checkout"
    );
    assert!(saved.touchpoint(&"tp-16".into()).is_some());
    assert!(saved.opportunity(&"op-6".into()).is_some());
}
