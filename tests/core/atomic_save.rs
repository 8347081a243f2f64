//! Saves are atomic: a failure in the middle of writing leaves the original intact and
//! no temp file behind.

use journeymap::format;
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
