//! Journeys from data (issue 44): `conform` reads an event log once, streamed, and
//! measures the map against it.
//!
//! Targets:
//! - a 1,000,000-event, 100,000-case CSV (an 11-card map, 5 % of each deviation, 10 %
//!   dropping), read and measured: in less than half the time Python's `csv` module
//!   takes only to read the file (side by side as whole processes on the benchmark
//!   page; here the library's share), peak memory <= 500 MB;
//! - the same log sorted by time (cases interleaved) and as XES;
//! - hostile logs, cost linear in the events: every event a new unmapped activity,
//!   one case of 200,000 events, activity names of 64 KB, and each case's events in
//!   reverse time order.

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::generate::generate;
use journeymap::interchange::eventlog::generate::{self as log, Order, Rates};
use journeymap::interchange::eventlog::read::{LogFormat, ReadOptions, read_file};
use journeymap::interchange::eventlog::{Conformance, Conformer, Options, Plan};
use journeymap::model::Journey;
use std::path::Path;

fn measure(journey: &Journey, path: &Path, format: LogFormat) -> Conformance {
    let plan = Plan::new(journey, None).unwrap();
    let mut conformer = Conformer::new(&plan, Options::default());
    read_file(path, format, ReadOptions::default(), &mut |e| {
        conformer.event(e)
    })
    .unwrap();
    conformer.finish().unwrap()
}

fn generated(journey: &Journey, cases: usize, format: LogFormat, order: Order) -> Vec<u8> {
    let options = log::Options {
        cases,
        seed: 1,
        rates: Rates {
            ad_hoc: 0.05,
            missing: 0.05,
            failing: 0.05,
            out_of_order: 0.05,
            drop: 0.1,
        },
        format,
        order,
    };
    log::generate(journey, &options).unwrap().0
}

fn logs(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let journey = generate(11, 1);
    let mut group = c.benchmark_group("conform");
    group.sample_size(10);
    for (name, format, order) in [
        ("csv_1m_events_100k_cases", LogFormat::Csv, Order::Case),
        (
            "csv_by_time_1m_events_100k_cases",
            LogFormat::Csv,
            Order::Time,
        ),
        ("xes_1m_events_100k_cases", LogFormat::Xes, Order::Case),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, generated(&journey, 100_000, format, order)).unwrap();
        let events = measure(&journey, &path, format).events;
        assert!(events > 1_000_000, "{events}");
        group.bench_function(name, |b| b.iter(|| measure(&journey, &path, format)));
    }
    group.finish();
}

/// A CSV log of `rows` (case, activity, time).
fn csv(path: &Path, rows: impl Iterator<Item = (String, String, String)>) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "case,activity,timestamp").unwrap();
    for (case, activity, time) in rows {
        writeln!(out, "{case},{activity},{time}").unwrap();
    }
}

fn time(minutes: usize) -> String {
    let t = journeymap::interchange::eventlog::timestamp::parse(b"2026-01-01T00:00:00Z").unwrap()
        + minutes as i64 * 60_000;
    journeymap::interchange::eventlog::timestamp::format(t)
}

fn hostile(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let journey = generate(11, 1);
    let plan = Plan::new(&journey, None).unwrap();
    let first = plan.elements[0].end.as_str().to_owned();
    let mut group = c.benchmark_group("conform_hostile");
    group.sample_size(10);
    let run = |path: &Path| {
        let mut conformer = Conformer::new(&plan, Options::default());
        read_file(path, LogFormat::Csv, ReadOptions::default(), &mut |e| {
            conformer.event(e)
        })
        .unwrap();
        conformer.finish().unwrap()
    };
    for n in [100_000usize, 200_000] {
        // Every event a new activity no element maps to.
        let unmapped = dir.path().join(format!("unmapped-{n}.csv"));
        csv(
            &unmapped,
            (0..n).map(|i| (format!("c{}", i / 10), format!("activity {i}"), time(i))),
        );
        assert_eq!(run(&unmapped).unmapped.len(), n);
        group.bench_function(format!("{n}_unmapped_activities"), |b| {
            b.iter(|| run(&unmapped))
        });
        // One case of n events, walking back and forth over the plan.
        let deep = dir.path().join(format!("deep-{n}.csv"));
        let elements: Vec<String> = plan.elements.iter().map(|e| e.end.to_string()).collect();
        csv(
            &deep,
            (0..n).map(|i| ("one".into(), elements[i % elements.len()].clone(), time(i))),
        );
        group.bench_function(format!("one_case_of_{n}_events"), |b| b.iter(|| run(&deep)));
        // Each case's ten events in reverse time order (sorted within the case).
        let reversed = dir.path().join(format!("reversed-{n}.csv"));
        csv(
            &reversed,
            (0..n).map(|i| (format!("c{}", i / 10), first.clone(), time(n - i))),
        );
        group.bench_function(format!("{n}_events_reversed_in_their_cases"), |b| {
            b.iter(|| run(&reversed))
        });
    }
    // Activity names of 64 KB, 2,000 events (128 MB of names read).
    let huge = dir.path().join("huge.csv");
    csv(
        &huge,
        (0..2_000).map(|i| {
            (
                format!("c{i}"),
                "x".repeat(65_536) + &(i % 7).to_string(),
                time(i),
            )
        }),
    );
    group.bench_function("2000_events_of_64kb_activities", |b| b.iter(|| run(&huge)));
    group.finish();
}

criterion_group!(benches, logs, hostile);
criterion_main!(benches);
