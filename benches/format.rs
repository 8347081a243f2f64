//! Open and save a generated 10,000-touchpoint journey (and one with 20,000 steps).
//! Targets: load + validation within 1.5x a bare `ron::from_str` and under 150 ms;
//! save under 100 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::{format, generate::generate, model::Journey};
use ron::extensions::Extensions;
use std::hint::black_box;

fn open_and_save(c: &mut Criterion) {
    let journey = generate(10_000, 7);
    let text = format::to_text(&journey).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    std::fs::write(&path, &text).unwrap();
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);

    let mut group = c.benchmark_group("10k_touchpoints");
    group.sample_size(20);
    group.bench_function("bare_ron_from_str", |b| {
        b.iter(|| options.from_str::<Journey>(black_box(&text)).unwrap())
    });
    group.bench_function("parse_and_validate", |b| {
        b.iter(|| format::parse(black_box(&text)).unwrap())
    });
    group.bench_function("load_file", |b| {
        b.iter(|| format::load(black_box(&path)).unwrap())
    });
    group.bench_function("to_text", |b| {
        b.iter(|| format::to_text(black_box(&journey)).unwrap())
    });
    group.bench_function("save_file_atomic", |b| {
        b.iter(|| format::save(&path, black_box(&journey)).unwrap())
    });
    group.finish();

    // The service blueprint: 20,000 steps under the 10,000 touchpoints.
    let mut blueprint = generate(10_000, 7);
    journeymap::generate::add_steps(&mut blueprint, 2);
    let text = format::to_text(&blueprint).unwrap();
    let mut group = c.benchmark_group("10k_touchpoints_20k_steps");
    group.sample_size(10);
    group.bench_function("bare_ron_from_str", |b| {
        b.iter(|| options.from_str::<Journey>(black_box(&text)).unwrap())
    });
    group.bench_function("parse_and_validate", |b| {
        b.iter(|| format::parse(black_box(&text)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, open_and_save);
criterion_main!(benches);
