//! `journeymap templates` and `journeymap new --template`: every starting map, in both
//! languages, is written and passes `check --deny-warnings`.

use std::process::Command;

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

#[test]
fn every_template_is_listed_written_and_checks_clean_in_both_languages() {
    let listed = journeymap(&[&"templates"]);
    assert!(listed.status.success());
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    let keys: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(keys.len() >= 6, "{listed}");
    let dir = tempfile::tempdir().unwrap();
    for key in &keys {
        for language in ["en", "es"] {
            let file = dir.path().join(format!("{key}-{language}.ron"));
            let output = journeymap(&[
                &"new",
                &"-o",
                &file,
                &"--template",
                key,
                &"--language",
                &language,
            ]);
            assert!(output.status.success(), "{key} {language}");
            let check = journeymap(&[&"check", &"--deny-warnings", &file]);
            assert!(
                check.status.success(),
                "{key} {language}: {}",
                String::from_utf8_lossy(&check.stderr)
            );
            let journey = journeymap::format::load(&file).unwrap().journey;
            let template = journeymap::templates::find(key).unwrap();
            let lang = if language == "es" {
                journeymap::model::Language::Es
            } else {
                journeymap::model::Language::En
            };
            assert_eq!(journey.title, template.title(lang));
            assert_eq!(journey.language, lang);
        }
    }
    // A name that is not a template says which are.
    let output = journeymap(&[
        &"new",
        &"-o",
        &dir.path().join("x.ron"),
        &"--template",
        &"moon",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bank-account"));
}
