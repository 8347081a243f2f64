//! The `check`, `fmt` and `new` commands, run as the real binary on real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    command.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    command.output().unwrap()
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn new_writes_a_journey_that_checks_with_only_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.ron");
    let output = journeymap(&[
        &"new",
        &"-o",
        &path,
        &"--title",
        &"Mudanza de banco",
        &"--language",
        &"es",
    ]);
    assert!(output.status.success(), "{output:?}");
    let journey = journeymap::format::load(&path).unwrap().journey;
    assert_eq!(journey.title, "Mudanza de banco");
    assert_eq!(journey.language, journeymap::model::Language::Es);
    assert_eq!(journey.channels.len(), 8);
    assert_eq!(journey.channels[0].name, "Tienda");
    assert_eq!(journey.departments.len(), 5);

    let check = journeymap(&[&"check", &path]);
    assert_eq!(check.status.code(), Some(0), "warnings alone pass");
    assert!(stdout(&check).contains("warning: stage awareness has no touchpoint"));
    let strict = journeymap(&[&"check", &"--deny-warnings", &path]);
    assert_eq!(strict.status.code(), Some(1));

    let again = journeymap(&[&"new", &"-o", &path]);
    assert_eq!(again.status.code(), Some(1), "refuses to overwrite");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn check_reports_errors_with_file_line_column_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let text = std::fs::read_to_string(example("online-order-delivery-return.ron"))
        .unwrap()
        .replacen("score: 1,", "score: 7,", 1);
    std::fs::write(&path, &text).unwrap();
    let output = journeymap(&[&"check", &path]);
    assert_eq!(output.status.code(), Some(1));
    let line = text.lines().position(|l| l.contains("score: 7")).unwrap();
    // The error points at the `emotion:` field, the line above the score.
    let expected = format!(
        "{}:{}:13: error: touchpoint tp-1: emotion score 7",
        path.display(),
        line
    );
    assert!(stdout(&output).contains(&expected), "{}", stdout(&output));

    let missing = journeymap(&[&"check", &dir.path().join("nope.ron")]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn examples_pass_strict_check_and_fmt_check() {
    let a = example("online-order-delivery-return.ron");
    let b = example("portabilidad-operador-movil.ron");
    assert_eq!(
        journeymap(&[&"check", &"--deny-warnings", &a, &b])
            .status
            .code(),
        Some(0)
    );
    let fmt = journeymap(&[&"fmt", &"--check", &a, &b]);
    assert_eq!(fmt.status.code(), Some(0));
    assert_eq!(stdout(&fmt), "");
}

#[test]
fn fmt_check_lists_non_canonical_files_and_fmt_fixes_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messy.ron");
    let canonical = std::fs::read_to_string(example("portabilidad-operador-movil.ron")).unwrap();
    let messy = canonical.replace("    ", "  ");
    std::fs::write(&path, &messy).unwrap();

    let check = journeymap(&[&"fmt", &"--check", &path]);
    assert_eq!(check.status.code(), Some(1));
    // The first line that differs, as written and as it would be.
    assert_eq!(
        stdout(&check).trim(),
        format!(
            "{}:2:1: not in canonical form: found \"  version: 3,\", canonical is \"    version: 3,\" (`journeymap fmt` rewrites it)",
            path.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        messy,
        "--check changes nothing"
    );

    assert!(journeymap(&[&"fmt", &path]).status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), canonical);
}

#[test]
fn fmt_refuses_to_drop_comments_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("commented.ron");
    let canonical = std::fs::read_to_string(example("online-order-delivery-return.ron")).unwrap();
    let commented = canonical.replacen(
        "    title: ",
        "    // Reviewed with the CX team on 14 October\n    title: ",
        1,
    );
    std::fs::write(&path, &commented).unwrap();

    let refused = journeymap(&[&"fmt", &path]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:3:5: error: formatting would remove this comment",
            path.display()
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), commented);

    assert!(
        journeymap(&[&"fmt", &"--strip-comments", &path])
            .status
            .success()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), canonical);
}

#[test]
fn fmt_keeps_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    let canonical = std::fs::read_to_string(example("online-order-delivery-return.ron")).unwrap();
    std::fs::write(&path, canonical.replace("    ", "\t")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert!(journeymap(&[&"fmt", &path]).status.success());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temp file left behind");
}

#[cfg(feature = "app")]
#[test]
fn without_a_display_the_editor_explains_and_exits_non_zero() {
    let output = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg(example("online-order-delivery-return.ron"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot open the editor window"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
}

/// Built without the editor (`--no-default-features`), the binary says so.
#[cfg(not(feature = "app"))]
#[test]
fn a_build_without_the_editor_explains_and_exits_non_zero() {
    let output = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg(example("online-order-delivery-return.ron"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("this build has no editor"), "{stderr}");
}

#[test]
fn fmt_keeps_crlf_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.ron");
    let canonical = std::fs::read_to_string(example("portabilidad-operador-movil.ron")).unwrap();
    let crlf = canonical.replace('\n', "\r\n");
    std::fs::write(&path, &crlf).unwrap();
    // A Windows checkout of a canonical file is canonical.
    let check = journeymap(&[&"fmt", &"--check", &path]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    // Formatting a messy CRLF file keeps CRLF.
    std::fs::write(&path, crlf.replace("    ", "  ")).unwrap();
    assert!(journeymap(&[&"fmt", &path]).status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), crlf);
}

/// Runs the binary and fails the test if it has not finished within `limit`: a read
/// that blocks (a pipe, a device) must be refused at once, never waited on.
fn journeymap_within(limit: std::time::Duration, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + limit;
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().ok();
            panic!("journeymap {args:?} still running after {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_refused_without_reading_them() {
    let limit = std::time::Duration::from_secs(20);
    for command in ["check", "fmt"] {
        let output = journeymap_within(limit, &[command, "/dev/zero"]);
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("not a regular file"), "{stderr}");
    }
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let fifo = fifo.to_str().unwrap();
    for args in [
        &["check", fifo][..],
        &["fmt", "--check", fifo],
        &["diff", fifo, fifo],
    ] {
        let output = journeymap_within(limit, args);
        assert!(!output.status.success(), "{args:?}");
    }
}

#[test]
fn a_file_system_error_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let output = journeymap(&[&"diff", &missing, &missing]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn generate_bounds_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big.ron");
    let output = journeymap(&[
        &"generate",
        &"--touchpoints",
        &"18446744073709551615",
        &"-o",
        &out,
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("at most 1000000"));
    assert!(!out.exists());
    // The hostile generators: the counts asked for are the counts `check` finds.
    let output = journeymap(&[
        &"generate",
        &"--touchpoints",
        &"50",
        &"--errors",
        &"120",
        &"--comments",
        &"300",
        &"-o",
        &out,
    ]);
    assert!(output.status.success());
    let output = journeymap(&[&"check", &out]);
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(
        text.contains("120 error(s)"),
        "{}",
        text.lines().last().unwrap_or("")
    );
    let parsed = journeymap::format::load(&out);
    assert!(parsed.is_err(), "the dangling links make it fail to load");
    let comments = std::fs::read_to_string(&out)
        .unwrap()
        .matches("// note")
        .count();
    assert_eq!(comments, 300);
}
