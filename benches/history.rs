//! `history` and `blame` of a 1,000-touchpoint journey with 1,000 commits, on a
//! generated repository (made once, with `git fast-import`: a commit a version).
//! Target: each within 10 s. And the portfolio report over 100 journeys.

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::{format, generate::generate, history};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// A repository whose `journey.ron` has `commits` versions, each editing one card.
fn repository(dir: &Path, commits: usize) {
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .status()
            .unwrap();
        assert!(status.success());
    };
    git(&["init", "-q"]);
    let mut journey = generate(1_000, 3);
    let mut stream = Vec::new();
    for n in 0..commits {
        let i = n % journey.touchpoints.len();
        journey.touchpoints[i].title = format!("Card {i}, edited in commit {n}");
        let text = format::to_text(&journey).unwrap();
        write!(
            stream,
            "commit refs/heads/main\ncommitter Bench <b@example.org> {} +0000\ndata {}\nCommit {n}\nM 100644 inline journey.ron\ndata {}\n{text}\n",
            1_700_000_000 + n * 60,
            format!("Commit {n}").len(),
            text.len()
        )
        .unwrap();
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success());
    git(&["checkout", "-q", "main"]);
}

fn history_and_blame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    repository(dir.path(), 1_000);
    let file = dir.path().join("journey.ron");
    let current = format::load(&file).unwrap().journey;
    let mut group = c.benchmark_group("history_1000_commits_1000_touchpoints");
    group.sample_size(10);
    group.bench_function("history", |b| {
        b.iter(|| {
            let versions = history::versions(&file).unwrap();
            versions
                .commits
                .iter()
                .filter_map(|(_, j)| j.as_ref().map(history::counts))
                .count()
        })
    });
    group.bench_function("blame", |b| {
        b.iter(|| {
            let versions = history::versions(&file).unwrap();
            history::blame(&versions, &current).len()
        })
    });
    group.finish();
}

/// The portfolio report over 100 journeys of 1,000 touchpoints, without git: target
/// within 2x reading them.
fn report(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..100 {
        let journey = generate(1_000, n);
        format::save(&dir.path().join(format!("j{n:03}.ron")), &journey).unwrap();
    }
    let paths = vec![dir.path().to_path_buf()];
    let mut group = c.benchmark_group("report_100_journeys_1000_touchpoints");
    group.sample_size(10);
    group.bench_function("parse_them", |b| {
        b.iter(|| {
            journeymap::report::files(&paths)
                .0
                .iter()
                .map(|p| format::load(p).unwrap().journey.touchpoints.len())
                .sum::<usize>()
        })
    });
    let options = journeymap::report::Options {
        language: journeymap::model::Language::En,
        stale: format::Age::parse("12m").unwrap(),
        today: format::stale::day("2026-12-03").unwrap(),
        report_dir: None,
    };
    group.bench_function("report_markdown", |b| {
        b.iter(|| {
            let portfolio = journeymap::report::read(&paths, false);
            journeymap::report::markdown(&journeymap::report::blocks(&portfolio, &options)).len()
        })
    });
    group.finish();
}

criterion_group!(benches, history_and_blame, report);
criterion_main!(benches);
