//! Nothing lost on any path beside the editor's save: imports change only what they
//! carry, every importer reads through the guarded reader, outputs never follow links,
//! a slide deck is written as a set, Markdown is safe to paste. Each test failed
//! before its fix.

use journeymap::format;
use journeymap::model::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name)
}

const EXAMPLES: [&str; 3] = [
    "online-order-delivery-return.ron",
    "broadband-onboarding-planned-vs-actual.ron",
    "portabilidad-operador-movil.ron",
];

fn copy(name: &str, dir: &Path) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(example(name), &path).unwrap();
    path
}

#[test]
fn a_sheet_with_three_columns_changes_only_those_three() {
    let dir = tempfile::tempdir().unwrap();
    let map = copy("online-order-delivery-return.ron", dir.path());
    let before = format::load(&map).unwrap().journey;
    let sheet = dir.path().join("titles.csv");
    let mut text = String::from("id,stage,title\n");
    for t in &before.touchpoints {
        text.push_str(&format!(
            "{},{:?},\"{} (reviewed)\"\n",
            t.id.as_str(),
            t.stage,
            t.title
        ));
    }
    std::fs::write(&sheet, text).unwrap();
    let output = journeymap(&[&"import", &sheet, &"--into", &map]);
    assert!(output.status.success(), "{}", stderr(&output));
    let after = format::load(&map).unwrap().journey;
    assert_eq!(
        after.opportunities, before.opportunities,
        "no opportunity lost"
    );
    for (old, new) in before.touchpoints.iter().zip(&after.touchpoints) {
        assert_eq!(new.title, format!("{} (reviewed)", old.title));
        let mut same = new.clone();
        same.title.clone_from(&old.title);
        assert_eq!(&same, old, "every other field kept");
    }
}

#[test]
fn a_misspelt_header_is_an_error_naming_the_column_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let map = copy("online-order-delivery-return.ron", dir.path());
    let bytes = std::fs::read(&map).unwrap();
    let sheet = dir.path().join("bad.csv");
    std::fs::write(&sheet, "id,Pain point\ntp-1,Slow\n").unwrap();
    let output = journeymap(&[&"import", &sheet, &"--into", &map]);
    assert!(!output.status.success());
    let said = stderr(&output);
    assert!(
        said.contains("bad.csv:1: unknown column \"Pain point\": did you mean \"pain points\"?"),
        "{said}"
    );
    assert_eq!(std::fs::read(&map).unwrap(), bytes);
}

#[test]
fn into_keeps_crlf_and_refuses_to_drop_comments() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    let text = std::fs::read_to_string(example("online-order-delivery-return.ron")).unwrap();
    std::fs::write(&map, text.replace('\n', "\r\n")).unwrap();
    let sheet = dir.path().join("emotion.csv");
    std::fs::write(&sheet, "id,emotion\ntp-1,-1\n").unwrap();
    let output = journeymap(&[&"import", &sheet, &"--into", &map]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written = std::fs::read_to_string(&map).unwrap();
    assert!(written.contains("\r\n") && !written.replace("\r\n", "").contains('\n'));
    let with_comment = text.replacen("Journey(", "// kept by hand\nJourney(", 1);
    std::fs::write(&map, &with_comment).unwrap();
    let output = journeymap(&[&"import", &sheet, &"--into", &map]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("importing would remove this comment"));
    assert_eq!(std::fs::read_to_string(&map).unwrap(), with_comment);
}

#[test]
fn a_multi_line_opportunity_keeps_its_owner_status_and_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let map = copy("online-order-delivery-return.ron", dir.path());
    let mut journey = format::load(&map).unwrap().journey;
    let target = journey.touchpoints[0].id.clone();
    journey.opportunities.push(Opportunity {
        expected_effect: "Fewer repeat calls".into(),
        owner: "Contact centre".into(),
        status: OpportunityStatus::Testing,
        ..Opportunity::new(
            "op-90".into(),
            OpportunityTarget::Touchpoint(target),
            "  Call back\nwithin a day  ",
        )
    });
    format::save(&map, &journey).unwrap();
    let sheet = dir.path().join("out.csv");
    let output = journeymap(&[&"export", &map, &"-o", &sheet]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = journeymap(&[&"import", &sheet, &"--into", &map]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(format::load(&map).unwrap().journey, journey);
}

#[test]
fn an_exported_sheet_starts_a_new_journey_for_every_example() {
    for name in EXAMPLES {
        let dir = tempfile::tempdir().unwrap();
        let sheet = dir.path().join("sheet.csv");
        let output = journeymap(&[&"export", &example(name), &"-o", &sheet]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let new = dir.path().join("new.ron");
        let output = journeymap(&[&"import", &sheet, &"-o", &new, &"--title", &"From a sheet"]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        assert!(
            stderr(&output).contains("was left out"),
            "{name}: dropped links are listed"
        );
        let journey = format::load(&new).unwrap().journey;
        let source = format::load(&example(name)).unwrap().journey;
        assert_eq!(journey.title, "From a sheet");
        assert_eq!(journey.touchpoints.len(), source.touchpoints.len());
    }
}

#[test]
fn import_refuses_a_pipe_and_a_device_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("f.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = dir.path().join("out.ron");
    for input in [fifo.as_path(), Path::new("/dev/zero")] {
        let start = Instant::now();
        let output = journeymap(&[&"import", &input, &"-o", &out]);
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{input:?} blocked"
        );
        assert!(!output.status.success());
        assert!(
            stderr(&output).contains("not a regular file"),
            "{}",
            stderr(&output)
        );
    }
    assert!(!out.exists());
}

#[test]
fn a_json_journey_that_would_not_load_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("map.json");
    let output = journeymap(&[&"export", &example(EXAMPLES[0]), &"-o", &json]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&json).unwrap();
    let (now, next) = (
        journeymap::model::CURRENT_VERSION,
        journeymap::model::CURRENT_VERSION + 1,
    );
    let newer = text.replacen(
        &format!("\"version\": {now}"),
        &format!("\"version\": {next}"),
        1,
    );
    assert_ne!(newer, text);
    std::fs::write(&json, newer).unwrap();
    let out = dir.path().join("out.ron");
    let output = journeymap(&[&"import", &json, &"-o", &out]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains(&format!("format version {next}")),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn outputs_never_follow_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.conf");
    std::fs::write(&victim, "secret = 1\n").unwrap();
    let map = example(EXAMPLES[0]);
    let sheet = dir.path().join("sheet.csv");
    assert!(
        journeymap(&[&"export", &map, &"-o", &sheet])
            .status
            .success()
    );
    for (name, args) in [
        ("map.png", vec!["export"]),
        ("map.svg", vec!["export"]),
        ("map.csv", vec!["export"]),
        ("change.svg", vec!["diff"]),
        ("new.ron", vec!["import"]),
        ("schema.json", vec!["schema"]),
    ] {
        let link = dir.path().join(name);
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
        command.args(&args);
        match args[0] {
            "export" => command.arg(&map),
            "diff" => command.arg(&map).arg(&map),
            "import" => command.arg(&sheet).arg("--force"),
            _ => &mut command,
        };
        let output = command.arg("-o").arg(&link).output().unwrap();
        assert!(!output.status.success(), "{name}");
        assert!(
            stderr(&output).contains("symbolic link"),
            "{name}: {}",
            stderr(&output)
        );
        assert_eq!(
            std::fs::read_to_string(&victim).unwrap(),
            "secret = 1\n",
            "{name}"
        );
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    // `check` on a journey that is a link to a secret quotes none of it.
    let link = dir.path().join("journey.ron");
    std::fs::write(&victim, "hunter2-token and more\n").unwrap();
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let output = journeymap(&[&"check", &link]);
    assert!(!output.status.success());
    let said = format!(
        "{}{}",
        stderr(&output),
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(said.contains("not a journey file"), "{said}");
    assert!(!said.contains("hunter2"), "{said}");
}

/// The numbered pages beside `deck` (`deck-01.svg`...), sorted.
fn pages(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("deck-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_deck_is_written_as_a_set_and_a_shorter_one_leaves_no_old_pages() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("deck.svg");
    // An older, longer deck of the same name (as a bigger map left it).
    for n in ["05", "06", "07", "100", "205"] {
        std::fs::write(dir.path().join(format!("deck-{n}.svg")), "old").unwrap();
    }
    std::fs::write(dir.path().join("deck-notes.svg"), "mine").unwrap();
    let output = journeymap(&[&"export", &example(EXAMPLES[0]), &"--slides", &"-o", &deck]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written = pages(dir.path());
    assert!(written.len() > 2, "{written:?}");
    assert!(
        written.contains(&"deck-notes.svg".to_owned()),
        "not a page: kept"
    );
    let numbered: Vec<&String> = written.iter().filter(|n| *n != "deck-notes.svg").collect();
    for page in &numbered {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(
            text.starts_with("<svg") || text.starts_with("<?xml"),
            "{page} is new"
        );
    }
    let width = numbered[0].len();
    assert!(numbered.iter().all(|n| n.len() == width), "{numbered:?}");
}

#[test]
fn markdown_diff_shows_titles_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let old = copy(EXAMPLES[0], dir.path());
    let new = dir.path().join("new.ron");
    let mut journey = format::load(&old).unwrap().journey;
    journey.touchpoints[0].title =
        "<img src=x onerror=alert(1)> ![pic](http://x/y.png) [link](http://x) `code`\nnext".into();
    format::save(&new, &journey).unwrap();
    let output = journeymap(&[&"diff", &old, &new, &"--format", &"markdown"]);
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(!shown.contains("<img"), "{shown}");
    assert!(!shown.contains("]("), "{shown}");
    assert!(!shown.contains("`code`"), "{shown}");
    assert!(
        shown.contains("&lt;img src=x onerror=alert\\(1\\)&gt;"),
        "{shown}"
    );
    let line = shown.lines().find(|l| l.contains("&lt;img")).unwrap();
    assert!(
        line.contains("next"),
        "the line break stays on one line: {shown}"
    );
}
