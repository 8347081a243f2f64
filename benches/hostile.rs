//! Hostile inputs (issue 17): every pass must cost time linear in the file and in the
//! number of diagnostics, not only on well-formed maps.
//!
//! Targets, on a 10,000-touchpoint journey unless said:
//! - `check` with 3,700 touchpoints lacking evidence and their evidence unlinked (7,036 warnings) <= 3x a generic
//!   RON parse (`ron::Value`) of the same file;
//! - `check` with 40,000 dangling evidence links (40,000 errors) <= 2 s;
//! - `check` and `fmt --check` with 200,000 `//` comments <= 2 s;
//! - diff (read both files + diff) and merge (read three files, merge, validate, write)
//!   of 40,000 touchpoints <= 2 s.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use journeymap::cli::{self, Command, MergeArgs};
use journeymap::generate::{generate, hostile};
use journeymap::{diff, format, model::Journey};
use std::hint::black_box;
use std::path::Path;

fn write(path: &Path, journey: &Journey) -> String {
    let text = format::to_text(journey).unwrap();
    std::fs::write(path, &text).unwrap();
    text
}

fn diagnostics(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_check");
    group.sample_size(10);

    let mut warned = generate(10_000, 7);
    hostile::add_warnings(&mut warned, 3_700);
    let text = format::to_text(&warned).unwrap();
    let count = format::check(&text).len();
    // Each card without evidence warns, and so does its evidence item left unlinked
    // (unless a grey area cites it).
    assert!((7_000..=7_400).contains(&count), "{count} diagnostics");
    group.bench_function("generic_ron_value_parse_10k", |b| {
        b.iter(|| ron::from_str::<ron::Value>(black_box(&text)).unwrap())
    });
    group.bench_function("check_10k_7036_warnings", |b| {
        b.iter(|| format::check(black_box(&text)))
    });

    let mut broken = generate(10_000, 7);
    hostile::add_errors(&mut broken, 40_000);
    let text = format::to_text(&broken).unwrap();
    assert_eq!(format::check(&text).len(), 40_000);
    group.bench_function("check_10k_40000_errors", |b| {
        b.iter(|| format::check(black_box(&text)))
    });

    let plain = format::to_text(&generate(10_000, 7)).unwrap();
    let text = hostile::with_comments(&plain, 200_000);
    let parsed = format::parse(&text).unwrap();
    assert_eq!(parsed.comments.len(), 200_000);
    group.bench_function("check_10k_200000_comments", |b| {
        b.iter(|| format::check(black_box(&text)))
    });
    // What `fmt --check` does: parse, write canonically, compare.
    group.bench_function("fmt_check_10k_200000_comments", |b| {
        b.iter(|| {
            let parsed = format::parse(black_box(&text)).unwrap();
            format::to_text(&parsed.journey).unwrap() == text
        })
    });
    group.finish();
}

fn git(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile_git");
    group.sample_size(10);
    let dir = tempfile::tempdir().unwrap();
    let base = generate(40_000, 7);
    let mut ours = base.clone();
    for t in ours.touchpoints.iter_mut().step_by(100) {
        t.title.push_str(" (ours)");
    }
    let mut theirs = base.clone();
    for t in theirs.touchpoints.iter_mut().skip(50).step_by(100) {
        t.thought = "Theirs".into();
    }
    let path = |name: &str| dir.path().join(name);
    write(&path("base.ron"), &base);
    let ours_text = write(&path("ours.ron"), &ours);
    write(&path("theirs.ron"), &theirs);

    group.bench_function("diff_40k_files", |b| {
        b.iter(|| {
            let (old, new) = cli::load_pair(&path("base.ron"), &path("theirs.ron")).unwrap();
            diff::diff(&old, &new)
        })
    });
    group.bench_function("merge_40k_files", |b| {
        b.iter_batched(
            || std::fs::write(path("result.ron"), &ours_text).unwrap(),
            |()| {
                let code = cli::run(Command::Merge(MergeArgs {
                    base: path("base.ron"),
                    ours: path("result.ron"),
                    theirs: path("theirs.ron"),
                    path: None,
                    ours_label: "ours".into(),
                    theirs_label: "theirs".into(),
                }));
                assert_eq!(code, std::process::ExitCode::SUCCESS);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// Imports at scale: a 10,000-row spreadsheet merged by id into the 10,000-touchpoint
/// journey it came from (every row matched), and a 10,000-task Mermaid diagram.
fn imports(c: &mut Criterion) {
    use journeymap::interchange::{csv, mermaid};
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    let journey = journeymap::generate::generate(10_000, 5);
    let sheet = csv::to_csv(&journey);
    group.bench_function("csv_import_into_10k", |b| {
        b.iter_batched(
            || journey.clone(),
            |mut target| csv::import_into(&mut target, &sheet).unwrap(),
            BatchSize::LargeInput,
        )
    });
    let diagram = mermaid::to_mermaid(&journey);
    group.bench_function("mermaid_import_10k", |b| {
        b.iter(|| mermaid::from_mermaid(&diagram, journeymap::model::Language::En).unwrap())
    });
    group.finish();
}

criterion_group!(benches, diagnostics, git, imports);
criterion_main!(benches);
