//! Journeys in git, with the real `git` binary in temporary repositories: the merge
//! driver merges parallel edits by id, keeps both sides' additions, reports true
//! conflicts with both values kept; the same scenarios conflict without it.

use journeymap::format;
use journeymap::model::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FILE: &str = "journey.ron";

fn git(repo: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(repo)
        .args(args)
        .output()
        .expect("git is installed")
}

fn ok(repo: &Path, args: &[&str]) {
    let output = git(repo, args);
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A repository with the example journey committed on `main`; with or without the driver.
fn repo(with_driver: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().to_owned();
    ok(&repo, &["init", "-q", "-b", "main"]);
    ok(&repo, &["config", "user.name", "Test"]);
    ok(&repo, &["config", "user.email", "test@example.com"]);
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    std::fs::copy(example, repo.join(FILE)).unwrap();
    if with_driver {
        let setup = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .current_dir(&repo)
            .arg("git-setup")
            .output()
            .unwrap();
        assert!(setup.status.success(), "{setup:?}");
        let said = String::from_utf8_lossy(&setup.stdout);
        assert!(
            said.contains("*.ron diff=journeymap merge=journeymap")
                && said.contains("merge.journeymap.driver"),
            "{said}"
        );
    }
    ok(&repo, &["add", "-A"]);
    ok(&repo, &["commit", "-q", "-m", "base"]);
    (dir, repo)
}

fn edit(repo: &Path, change: impl FnOnce(&mut Journey)) {
    let path = repo.join(FILE);
    let mut journey = format::load(&path).unwrap().journey;
    change(&mut journey);
    format::save(&path, &journey).unwrap();
}

/// Commits `ours` on main and `theirs` on a branch, then merges the branch into main.
fn branches(
    repo: &Path,
    ours: impl FnOnce(&mut Journey),
    theirs: impl FnOnce(&mut Journey),
) -> Output {
    ok(repo, &["checkout", "-q", "-b", "theirs"]);
    edit(repo, theirs);
    ok(repo, &["commit", "-q", "-am", "theirs"]);
    ok(repo, &["checkout", "-q", "main"]);
    edit(repo, ours);
    ok(repo, &["commit", "-q", "-am", "ours"]);
    git(repo, &["merge", "--no-edit", "theirs"])
}

fn git_has_driver_labels() -> bool {
    let version =
        String::from_utf8(Command::new("git").arg("version").output().unwrap().stdout).unwrap();
    let numbers: Vec<u32> = version
        .trim_start_matches("git version ")
        .split(|c: char| !c.is_ascii_digit())
        .take(2)
        .filter_map(|n| n.parse().ok())
        .collect();
    numbers >= vec![2, 44]
}

fn check(repo: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("check")
        .arg(repo.join(FILE))
        .output()
        .unwrap()
}

fn tp<'a>(journey: &'a mut Journey, id: &str) -> &'a mut Touchpoint {
    journey
        .touchpoints
        .iter_mut()
        .find(|t| t.id.as_str() == id)
        .unwrap()
}

/// Ours retitles tp-1; theirs changes tp-1's channel (the next line) and tp-9's emotion.
fn ours_retitle(j: &mut Journey) {
    tp(j, "tp-1").title = "Instagram reel for winter boots".into();
}

fn theirs_channel_and_emotion(j: &mut Journey) {
    tp(j, "tp-1").channel = Some(ChannelId::new("web"));
    tp(j, "tp-9").emotion = Some(Emotion {
        score: -2,
        word: "worried".into(),
    });
}

fn add_to_usage(title: &'static str) -> impl FnOnce(&mut Journey) {
    move |j| {
        let mut new = Touchpoint::new(j.next_touchpoint_id(), Stage::Usage, title);
        new.channel = Some(ChannelId::new("email"));
        let edit = Edit::add_touchpoint(j, new);
        edit.apply(j).unwrap();
    }
}

#[test]
fn parallel_edits_merge_cleanly_through_the_driver() {
    let (_dir, repo) = repo(true);
    let merge = branches(&repo, ours_retitle, theirs_channel_and_emotion);
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stdout)
    );
    assert!(check(&repo).status.success(), "the result passes check");
    let merged = format::load(&repo.join(FILE)).unwrap().journey;
    let first = merged.touchpoint(&"tp-1".into()).unwrap();
    assert_eq!(first.title, "Instagram reel for winter boots");
    assert_eq!(first.channel, Some(ChannelId::new("web")));
    assert_eq!(
        merged.touchpoint(&"tp-9".into()).unwrap().emotion_score(),
        Some(-2)
    );
}

#[test]
fn without_the_driver_the_same_edits_conflict() {
    let (_dir, repo) = repo(false);
    let merge = branches(&repo, ours_retitle, theirs_channel_and_emotion);
    assert!(
        !merge.status.success(),
        "git's line merge conflicts on neighbouring lines"
    );
    assert!(
        std::fs::read_to_string(repo.join(FILE))
            .unwrap()
            .contains("<<<<<<<")
    );
}

#[test]
fn both_branches_adding_to_one_stage_keep_both() {
    let (_dir, repo) = repo(true);
    let merge = branches(
        &repo,
        add_to_usage("Ours: survey email"),
        add_to_usage("Theirs: loyalty email"),
    );
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stderr)
    );
    assert!(check(&repo).status.success());
    let merged = format::load(&repo.join(FILE)).unwrap().journey;
    let usage: Vec<&str> = merged
        .touchpoints_in(Stage::Usage)
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(
        &usage[usage.len() - 2..],
        ["Ours: survey email", "Theirs: loyalty email"]
    );
    let ids: Vec<&str> = merged.touchpoints.iter().map(|t| t.id.as_str()).collect();
    assert!(
        ids.contains(&"tp-17") && ids.contains(&"tp-18"),
        "theirs was renumbered: {ids:?}"
    );
}

#[test]
fn without_the_driver_both_additions_conflict() {
    let (_dir, repo) = repo(false);
    let merge = branches(
        &repo,
        add_to_usage("Ours: survey email"),
        add_to_usage("Theirs: loyalty email"),
    );
    assert!(!merge.status.success());
}

#[test]
fn the_same_field_edited_on_both_sides_is_a_conflict_that_keeps_both_values() {
    let (_dir, repo) = repo(true);
    let merge = branches(
        &repo,
        |j| tp(j, "tp-7").title = "Checkout in one page".into(),
        |j| tp(j, "tp-7").title = "Express checkout".into(),
    );
    assert!(!merge.status.success());
    let said = String::from_utf8_lossy(&merge.stderr);
    assert!(said.contains("touchpoint tp-7"), "{said}");
    assert!(said.contains("title changed on both sides: ours \"Checkout in one page\" / theirs \"Express checkout\""), "{said}");
    let text = std::fs::read_to_string(repo.join(FILE)).unwrap();
    // The markers name the branches (git 2.44 and later hand the driver their labels).
    let ours = if git_has_driver_labels() {
        "HEAD"
    } else {
        "ours"
    };
    let block = format!(
        "<<<<<<< {ours}\n            title: \"Checkout in one page\",\n=======\n            title: \"Express checkout\",\n>>>>>>> theirs\n"
    );
    assert!(text.contains(&block), "{text}");
    assert!(
        said.contains("journeymap merge: journey.ron: conflict"),
        "{said}"
    );
    assert!(
        !said.contains(".merge_file"),
        "messages name the journey: {said}"
    );
    let check = check(&repo);
    assert!(!check.status.success());
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        report.contains("error: unresolved merge conflict marker: keep one side"),
        "{report}"
    );

    // Resolving by hand (keep theirs) gives a valid journey with everything else merged.
    let resolved = text
        .replace(
            &format!("<<<<<<< {ours}\n            title: \"Checkout in one page\",\n=======\n"),
            "",
        )
        .replace(">>>>>>> theirs\n", "");
    let journey = format::parse(&resolved).unwrap().journey;
    assert_eq!(
        journey.touchpoint(&"tp-7".into()).unwrap().title,
        "Express checkout"
    );
}

#[test]
fn git_diff_shows_the_semantic_diff() {
    let (_dir, repo) = repo(true);
    edit(&repo, |j| {
        tp(j, "tp-7").emotion = Some(Emotion {
            score: -2,
            word: "furious".into(),
        })
    });
    let output = git(&repo, &["diff"]);
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("~ touchpoint tp-7 \"Checkout form\": emotion.score -1 -> -2; emotion.word \"annoyed\" -> \"furious\""), "{shown}");
}

/// The text with the conflict marker lines taken out: both sides' lines kept.
fn without_markers(text: &str) -> String {
    text.lines()
        .filter(|l| {
            !l.starts_with("<<<<<<<") && !l.starts_with("=======") && !l.starts_with(">>>>>>>")
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

fn merged(repo: &Path) -> Journey {
    format::load(&repo.join(FILE)).unwrap().journey
}

fn new_opportunity(id: &str, target: OpportunityTarget) -> Opportunity {
    Opportunity {
        owner: "CX".into(),
        ..Opportunity::new(id.into(), target, "Follow up by SMS")
    }
}

#[test]
fn a_reference_to_an_element_the_other_side_deleted_is_a_conflict() {
    let (_dir, repo) = repo(true);
    let merge = branches(
        &repo,
        |j| {
            Edit::delete(j, &ElementId::Touchpoint("tp-16".into()))
                .apply(j)
                .unwrap();
        },
        |j| {
            j.opportunities.push(new_opportunity(
                "op-6",
                OpportunityTarget::Touchpoint("tp-16".into()),
            ))
        },
    );
    assert!(
        !merge.status.success(),
        "never a clean merge that fails check"
    );
    let said = String::from_utf8_lossy(&merge.stderr);
    assert!(
        said.contains("touchpoint tp-16 \"Review posted on social media\": deleted in ours, but theirs refers to it from opportunity op-6 (kept)"),
        "{said}"
    );
    // Keeping theirs' side (the touchpoint) gives a journey that loads with both.
    let text = std::fs::read_to_string(repo.join(FILE)).unwrap();
    let resolved = without_markers(&text);
    let journey = format::parse(&resolved).unwrap().journey;
    assert!(journey.touchpoint(&"tp-16".into()).is_some());
    assert!(journey.opportunity(&"op-6".into()).is_some());
}

#[test]
fn an_evidence_link_to_evidence_the_other_side_deleted_is_a_conflict() {
    let (_dir, repo) = repo(true);
    let merge = branches(
        &repo,
        |j| tp(j, "tp-3").evidence.push("ev-12".into()),
        |j| {
            Edit::delete(j, &ElementId::Evidence("ev-12".into()))
                .apply(j)
                .unwrap();
        },
    );
    assert!(!merge.status.success());
    let said = String::from_utf8_lossy(&merge.stderr);
    assert!(
        said.contains("evidence ev-12")
            && said
                .contains("deleted in theirs, but ours refers to it from touchpoint tp-3 (kept)"),
        "{said}"
    );
}

#[test]
fn both_adding_a_channel_with_one_id_keeps_both() {
    let (_dir, repo) = repo(true);
    let add = |name: &'static str, colour: u32, card: &'static str| {
        move |j: &mut Journey| {
            j.channels.push(Channel {
                id: "sms".into(),
                name: name.into(),
                kind: ChannelKind::Phone,
                colour: Rgb::hex(colour),
            });
            tp(j, card).channel = Some("sms".into());
        }
    };
    let merge = branches(
        &repo,
        add("SMS", 0x112233, "tp-3"),
        add("Text messages", 0x445566, "tp-5"),
    );
    assert!(merge.status.success(), "{merge:?}");
    let said = String::from_utf8_lossy(&merge.stderr);
    assert!(
        said.contains("both sides added channel sms; theirs is now sms-2"),
        "{said}"
    );
    let journey = merged(&repo);
    assert_eq!(journey.channel(&"sms".into()).unwrap().name, "SMS");
    assert_eq!(
        journey.channel(&"sms-2".into()).unwrap().name,
        "Text messages"
    );
    assert_eq!(
        journey.touchpoint(&"tp-5".into()).unwrap().channel,
        Some("sms-2".into()),
        "theirs' reference follows the new id"
    );
    assert_eq!(
        journey.touchpoint(&"tp-3".into()).unwrap().channel,
        Some("sms".into())
    );
}

#[test]
fn a_reorder_on_one_side_and_an_edit_on_the_other_keep_both() {
    let (_dir, repo) = repo(true);
    let usage = |j: &Journey| -> Vec<String> {
        j.touchpoints_in(Stage::Usage)
            .iter()
            .map(|t| t.id.to_string())
            .collect()
    };
    let before = usage(&format::load(&repo.join(FILE)).unwrap().journey);
    let last = before.last().unwrap().clone();
    let merge = branches(
        &repo,
        |j| tp(j, "tp-1").title = "Ours: edited".into(),
        move |j| {
            Edit::move_touchpoint(j, &last.as_str().into(), Stage::Usage, 0)
                .unwrap()
                .apply(j)
                .unwrap();
        },
    );
    assert!(merge.status.success(), "{merge:?}");
    let journey = merged(&repo);
    let mut expected = before.clone();
    expected.rotate_right(1);
    assert_eq!(usage(&journey), expected, "theirs' order");
    assert_eq!(
        journey.touchpoint(&"tp-1".into()).unwrap().title,
        "Ours: edited"
    );
}

#[test]
fn a_comment_added_on_one_side_is_kept() {
    let (_dir, repo) = repo(true);
    ok(&repo, &["checkout", "-q", "-b", "theirs"]);
    let path = repo.join(FILE);
    let text = std::fs::read_to_string(&path).unwrap();
    let commented = text.replacen(
        "    touchpoints: [\n",
        "    // Cards reviewed with the store team in March.\n    touchpoints: [\n",
        1,
    );
    assert_ne!(commented, text);
    std::fs::write(&path, commented).unwrap();
    ok(&repo, &["commit", "-q", "-am", "theirs"]);
    ok(&repo, &["checkout", "-q", "main"]);
    edit(&repo, ours_retitle);
    ok(&repo, &["commit", "-q", "-am", "ours"]);
    let merge = git(&repo, &["merge", "--no-edit", "theirs"]);
    assert!(merge.status.success(), "{merge:?}");
    let said = String::from_utf8_lossy(&merge.stderr);
    assert!(said.contains("merged line by line"), "{said}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("// Cards reviewed with the store team in March."));
    let journey = format::parse(&text).unwrap().journey;
    assert_eq!(
        journey.touchpoint(&"tp-1".into()).unwrap().title,
        "Instagram reel for winter boots"
    );
}

#[test]
fn setup_works_from_a_path_with_spaces_and_by_name_on_path() {
    let install = tempfile::tempdir().unwrap();
    let folder = install.path().join("Journey Tools (x86)");
    std::fs::create_dir_all(&folder).unwrap();
    let exe = folder.join("journeymap");
    std::fs::copy(env!("CARGO_BIN_EXE_journeymap"), &exe).unwrap();

    let (_dir, repo) = repo(false);
    let setup = Command::new(&exe)
        .current_dir(&repo)
        .env("PATH", "/usr/bin:/bin")
        .arg("git-setup")
        .output()
        .unwrap();
    assert!(setup.status.success(), "{setup:?}");
    let said = String::from_utf8_lossy(&setup.stdout);
    assert!(said.contains("by absolute path"), "{said}");
    ok(&repo, &["add", "-A"]);
    ok(&repo, &["commit", "-q", "-m", "drivers"]);
    let merge = branches(&repo, ours_retitle, theirs_channel_and_emotion);
    assert!(merge.status.success(), "{merge:?}");
    let journey = merged(&repo);
    assert_eq!(
        journey.touchpoint(&"tp-1".into()).unwrap().title,
        "Instagram reel for winter boots"
    );
    assert_eq!(
        journey.touchpoint(&"tp-1".into()).unwrap().channel,
        Some("web".into())
    );

    // With journeymap on PATH, the drivers name it, so every clone works.
    let path = format!("{}:/usr/bin:/bin", folder.display());
    let setup = Command::new(&exe)
        .current_dir(&repo)
        .env("PATH", &path)
        .arg("git-setup")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&setup.stdout);
    assert!(said.contains("by name"), "{said}");
    let driver = git(&repo, &["config", "merge.journeymap.driver"]);
    let driver = String::from_utf8_lossy(&driver.stdout).into_owned();
    assert!(
        driver.contains("then journeymap merge \"$1\" \"$2\" \"$3\" \"$4\"")
            && driver.contains("jm %O %A %B %P"),
        "{driver}"
    );
}

/// A repository whose drivers were set up with journeymap on PATH (by name), and a
/// PATH for git that lacks journeymap (a teammate who never installed it).
fn repo_for_a_teammate_without_journeymap()
-> (tempfile::TempDir, PathBuf, tempfile::TempDir, String) {
    let install = tempfile::tempdir().unwrap();
    let exe = install.path().join("journeymap");
    std::fs::copy(env!("CARGO_BIN_EXE_journeymap"), &exe).unwrap();
    let system = std::env::var("PATH").unwrap_or_default();
    let (dir, repo) = repo(false);
    let setup = Command::new(&exe)
        .current_dir(&repo)
        .env("PATH", format!("{}:{system}", install.path().display()))
        .arg("git-setup")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&setup.stdout);
    assert!(said.contains("by name"), "{said}");
    ok(&repo, &["add", "-A"]);
    ok(&repo, &["commit", "-q", "-m", "drivers"]);
    let without: Vec<String> = std::env::split_paths(&system)
        .filter(|p| !p.join("journeymap").exists())
        .map(|p| p.display().to_string())
        .collect();
    (dir, repo, install, without.join(":"))
}

fn git_with_path(repo: &Path, path: &str, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(repo)
        .env("PATH", path)
        .args(args)
        .output()
        .expect("git is installed")
}

#[test]
fn without_journeymap_git_diff_falls_back_to_a_text_diff_with_a_note() {
    let (_dir, repo, _install, path) = repo_for_a_teammate_without_journeymap();
    edit(&repo, ours_retitle);
    let diff = git_with_path(&repo, &path, &["diff"]);
    let stdout = String::from_utf8_lossy(&diff.stdout);
    let stderr = String::from_utf8_lossy(&diff.stderr);
    assert!(diff.status.success(), "{stderr}");
    assert!(!stderr.contains("external diff died"), "{stderr}");
    assert!(
        stderr.contains("journeymap is not installed here"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stdout.contains("+            title: \"Instagram reel for winter boots\","),
        "{stdout}"
    );
}

#[test]
fn without_journeymap_git_merge_falls_back_to_a_text_merge_with_a_note() {
    let (_dir, repo, _install, path) = repo_for_a_teammate_without_journeymap();
    ok(&repo, &["checkout", "-q", "-b", "theirs"]);
    edit(&repo, |j| tp(j, "tp-1").title = "Theirs".into());
    ok(&repo, &["commit", "-q", "-am", "theirs"]);
    ok(&repo, &["checkout", "-q", "main"]);
    edit(&repo, |j| tp(j, "tp-1").title = "Ours".into());
    ok(&repo, &["commit", "-q", "-am", "ours"]);
    let merge = git_with_path(&repo, &path, &["merge", "--no-edit", "theirs"]);
    let said = String::from_utf8_lossy(&merge.stdout).into_owned()
        + &String::from_utf8_lossy(&merge.stderr);
    assert!(!merge.status.success(), "a real conflict: {said}");
    assert!(said.contains("merged line by line by git"), "{said}");
    let text = std::fs::read_to_string(repo.join(FILE)).unwrap();
    assert!(
        text.contains("<<<<<<<")
            && text.contains("title: \"Ours\"")
            && text.contains("title: \"Theirs\""),
        "{text}"
    );
}

fn add_trust_curve(j: &mut Journey) {
    j.curves.push(Curve {
        id: "trust".into(),
        name: "Trust".into(),
        colour: Rgb::hex(0x7b4fd6),
    });
}

/// A merge the structure cannot make load: git gets both whole sides between markers
/// (exit 1), which `check` refuses and the app's resolver opens, never ours alone.
fn assert_both_sides_written(repo: &Path, merge: &Output, theirs_mark: &str) {
    assert!(!merge.status.success(), "a conflict for git");
    let said = String::from_utf8_lossy(&merge.stderr);
    assert!(said.contains("both versions are in the file"), "{said}");
    let text = std::fs::read_to_string(repo.join(FILE)).unwrap();
    assert!(text.starts_with("<<<<<<< "), "{text}");
    assert!(text.contains(theirs_mark), "theirs' edits are in the file");
    assert!(
        !check(repo).status.success(),
        "the file does not load as ours"
    );
    let resolution = journeymap::merge::resolve::Resolution::new(&text).unwrap();
    assert!(!resolution.choices.is_empty());
}

fn score(j: &mut Journey, touchpoint: &str, curve: &str, score: i8) {
    tp(j, touchpoint).scores.push(CurveScore {
        curve: curve.into(),
        score,
    });
}

#[test]
fn ours_deleting_a_curve_theirs_scores_is_a_conflict_that_keeps_the_curve() {
    let (_dir, repo) = repo(true);
    edit(&repo, add_trust_curve);
    ok(&repo, &["commit", "-q", "-am", "a curve"]);
    let merge = branches(
        &repo,
        |j| j.curves.clear(),
        |j| {
            score(j, "tp-2", "trust", 1);
            tp(j, "tp-3").title = "Unrelated edit from theirs".into();
        },
    );
    assert!(!merge.status.success(), "a conflict for git");
    let said = String::from_utf8_lossy(&merge.stderr);
    assert!(
        said.contains("curve trust \"Trust\": deleted in ours, but theirs refers to it from touchpoint tp-2 (kept)"),
        "{said}"
    );
    assert!(!check(&repo).status.success(), "markers refuse to load");
    let text = std::fs::read_to_string(repo.join(FILE)).unwrap();
    assert!(text.contains("Unrelated edit from theirs"));
    // Keeping theirs' side (the curve) loads with the score and the unrelated edit.
    let resolved = without_markers(&text);
    let journey = format::parse(&resolved).unwrap().journey;
    assert_eq!(journey.curves.len(), 1);
    assert_eq!(journey.touchpoint(&"tp-2".into()).unwrap().scores.len(), 1);
}

#[test]
fn both_adding_a_curve_with_one_id_keeps_both_and_the_scores_follow() {
    let (_dir, repo) = repo(true);
    let merge = branches(
        &repo,
        |j| {
            add_trust_curve(j);
            score(j, "tp-3", "trust", -1);
        },
        |j| {
            j.curves.push(Curve {
                id: "trust".into(),
                name: "Confidence in the courier".into(),
                colour: Rgb::hex(0x009e73),
            });
            score(j, "tp-2", "trust", 2);
        },
    );
    let said = String::from_utf8_lossy(&merge.stderr);
    assert!(merge.status.success(), "{said}");
    assert!(
        said.contains("both sides added curve trust; theirs is now trust-2"),
        "{said}"
    );
    let journey = merged(&repo);
    let names: Vec<(&str, &str)> = journey
        .curves
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [("trust", "Trust"), ("trust-2", "Confidence in the courier")]
    );
    let curve_of = |id: &str| {
        journey.touchpoint(&id.into()).unwrap().scores[0]
            .curve
            .clone()
    };
    assert_eq!(curve_of("tp-3").as_str(), "trust");
    assert_eq!(curve_of("tp-2").as_str(), "trust-2");
}

#[test]
fn a_merge_that_would_not_load_leaves_both_sides_for_a_person() {
    // Both sides score one card on one curve, differently: the scores list keeps both,
    // which does not load, so git gets both whole sides, never ours alone.
    let (_dir, repo) = repo(true);
    edit(&repo, add_trust_curve);
    ok(&repo, &["commit", "-q", "-am", "a curve"]);
    let merge = branches(
        &repo,
        |j| score(j, "tp-2", "trust", 1),
        |j| {
            score(j, "tp-2", "trust", -2);
            tp(j, "tp-3").title = "Unrelated edit from theirs".into();
        },
    );
    assert_both_sides_written(&repo, &merge, "Unrelated edit from theirs");
}

#[test]
fn a_union_of_evidence_links_names_each_once() {
    let (_dir, repo) = repo(true);
    let merge = branches(
        &repo,
        |j| tp(j, "tp-5").evidence.push("ev-1".into()),
        |j| tp(j, "tp-5").evidence.push("ev-1".into()),
    );
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stderr)
    );
    let journey = merged(&repo);
    let links = &journey.touchpoint(&"tp-5".into()).unwrap().evidence;
    let mut unique = links.clone();
    unique.dedup();
    unique.sort();
    let mut sorted = links.clone();
    sorted.sort();
    assert_eq!(sorted, unique, "{links:?}");
}
