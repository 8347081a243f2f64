//! Saves are atomic: a failure in the middle of writing leaves the original intact and
//! no temp file behind.

use journeymap::format;
use journeymap::model::{Journey, Language};
use std::io::{self, Write};

#[test]
fn a_failure_mid_write_leaves_the_original_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    let original = b"Journey(version: 1, title: \"original\")\n";
    std::fs::write(&path, original).unwrap();

    let result = format::atomic_write_with(&path, |file| {
        file.write_all(b"Journey(version: 1, title: \"half-writ")?;
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "disk full (injected)",
        ))
    });
    assert_eq!(result.unwrap_err().kind(), io::ErrorKind::StorageFull);
    assert_eq!(std::fs::read(&path).unwrap(), original);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["journey.ron"], "no temp file is left behind");
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/journey.ron");
    let journey = journeymap::model::Journey::new("x", journeymap::model::Language::En);
    let error = format::save(&path, &journey).unwrap_err();
    assert!(
        error.to_string().contains("no/such/folder/journey.ron"),
        "{error}"
    );
    assert!(!path.exists());
}

#[test]
fn a_successful_save_replaces_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    std::fs::write(&path, "old").unwrap();
    let journey = journeymap::model::Journey::new("Nuevo viaje ñ", journeymap::model::Language::Es);
    format::save(&path, &journey).unwrap();
    let loaded = format::load(&path).unwrap().journey;
    assert_eq!(loaded, journey);
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_rewrites_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.ron");
    let link = dir.path().join("link.ron");
    format::save(&target, &Journey::new("Before", Language::En)).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    format::save(&link, &Journey::new("After", Language::En)).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(format::load(&target).unwrap().journey.title, "After");
}

#[cfg(unix)]
#[test]
fn a_read_only_journey_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.ron");
    format::save(&path, &Journey::new("Locked", Language::En)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = format::save(&path, &Journey::new("Changed", Language::En)).unwrap_err();
    assert!(error.to_string().contains("read-only"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temp file left behind");
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_huge_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // Reading a FIFO with no writer would block forever; it must be refused at once.
    let error = format::load(&fifo).unwrap_err();
    assert!(error.to_string().contains("not a regular file"), "{error}");

    let huge = dir.path().join("huge.ron");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(format::MAX_JOURNEY_BYTES + 1).unwrap(); // sparse: no disk used
    let error = format::load(&huge).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("journeymap reads files up to 256 MB"),
        "{error}"
    );
}

#[cfg(unix)]
#[test]
fn an_attachment_linked_outside_the_journeys_folder_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.png");
    std::fs::write(&secret, b"not for the map").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("wall.png"), b"photo").unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("link.png")).unwrap();
    assert!(journeymap::document::resolve_attachment(dir.path(), "wall.png").is_ok());
    assert_eq!(
        journeymap::document::resolve_attachment(dir.path(), "link.png"),
        Err("notice-attach-outside"),
        "a symlink out of the folder is outside, like ../"
    );
}

#[test]
fn a_temp_file_left_by_a_killed_save_is_removed_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.ron");
    format::save(&path, &Journey::new("First", Language::En)).unwrap();
    // What a save killed mid-write leaves: `.journey.ron.XXXXXX.tmp`, half written.
    let stale = dir.path().join(".journey.ron.Ab12Cd.tmp");
    std::fs::write(&stale, b"Journey(version: 1, title: \"half").unwrap();
    let old = std::time::SystemTime::now() - format::STALE_TEMP_AGE * 2;
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    // One being written right now by another save is left alone, as is anything else.
    let fresh = dir.path().join(".journey.ron.Zz99Yy.tmp");
    std::fs::write(&fresh, b"in progress").unwrap();
    let other = dir.path().join(".other.ron.Ab12Cd.tmp");
    std::fs::write(&other, b"another file's").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&other)
        .unwrap()
        .set_modified(old)
        .unwrap();

    format::save(&path, &Journey::new("Second", Language::En)).unwrap();
    assert!(!stale.exists(), "the stale temp file is gone");
    assert!(fresh.exists() && other.exists());
    assert_eq!(format::load(&path).unwrap().journey.title, "Second");
    // A stale temp file is never read as the journey: the journey is the named file.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    assert_eq!(names, ["journey.ron"]);
}

#[test]
fn crlf_files_load_and_save_as_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.ron");
    let text = format::to_text(&Journey::new("Windows", Language::En))
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(&path, &text).unwrap();
    let (mut document, parsed) = journeymap::document::Document::load(&path).unwrap();
    assert_eq!(parsed.line_ending, format::LineEnding::Crlf);
    document.save_as(&path).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "byte for byte"
    );
}
