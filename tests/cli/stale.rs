//! `check --stale`: evidence older than an age is warned at its date, and the run ends
//! with the counts a CI log wants.

use std::path::Path;
use std::process::Command;

#[test]
fn stale_evidence_is_warned_where_its_date_is_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let mut journey = journeymap::format::load(&source).unwrap().journey;
    let dates = ["2024-01", "2025-12-02", "2025-12", ""];
    for (e, date) in journey.evidence.iter_mut().zip(dates.iter().cycle()) {
        e.date = (*date).to_owned();
    }
    let path = dir.path().join("map.ron");
    journeymap::format::save(&path, &journey).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["check", "--stale", "12m", "--as-of", "2026-12-03"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let total = journey.evidence.len();
    // "2024-01" and "2025-12-02" are older than 2025-12-03; "2025-12" may not be.
    let older: Vec<&journeymap::model::Evidence> = journey
        .evidence
        .iter()
        .filter(|e| e.date == "2024-01" || e.date == "2025-12-02")
        .collect();
    let undated = journey
        .evidence
        .iter()
        .filter(|e| e.date.is_empty())
        .count();
    assert!(
        stdout.ends_with(&format!(
            "{} of {total} evidence items older than 12m, {undated} undated\n",
            older.len()
        )),
        "{stdout}"
    );
    for e in &older {
        // The warning sits on the evidence's date line.
        let line = text
            .lines()
            .enumerate()
            .skip_while(|(_, l)| !l.contains(&format!("id: \"{}\"", e.id)))
            .find(|(_, l)| l.trim_start().starts_with("date:"))
            .map(|(n, _)| n + 1)
            .unwrap();
        let expected = format!("{}:{line}:", path.display());
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&expected)
                    && l.contains(&format!("evidence {}: dated", e.id))),
            "{expected} in {stdout}"
        );
    }
    assert_eq!(
        stdout.matches("older than 12m (before 2025-12-03)").count(),
        older.len()
    );
    // Without --stale nothing is said of dates; a bad age is refused.
    let plain = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("older than"));
    let bad = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["check", "--stale", "twelve"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
