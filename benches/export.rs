//! Export speed. Issue target: a 1,000-touchpoint journey to PNG at 2x under 2 s and to
//! SVG under 200 ms. A 1,000-touchpoint map laid out as one journey is about 204,000
//! points wide, so its PNG exceeds any sane raster size and is refused (TooLarge); the
//! PNG benchmarks use the largest maps that make sense as pictures.

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::export::{self, ExportOptions};
use journeymap::generate::generate;
use std::hint::black_box;

fn example() -> journeymap::model::Journey {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    journeymap::format::load(&path).unwrap().journey
}

fn exports(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    let example = example();
    let at = |scale| ExportOptions {
        scale,
        transparent: false,
        collapse_empty_stages: false,
        ..ExportOptions::default()
    };
    group.bench_function("example_svg", |b| {
        b.iter(|| export::svg(black_box(&example), false))
    });
    group.bench_function("example_png_2x", |b| {
        b.iter(|| export::png(black_box(&example), at(2.0)).unwrap())
    });
    group.bench_function("example_png_4x", |b| {
        b.iter(|| export::png(black_box(&example), at(4.0)).unwrap())
    });
    let hundred = generate(100, 3);
    group.bench_function("100_touchpoints_png_2x", |b| {
        b.iter(|| export::png(black_box(&hundred), at(2.0)).unwrap())
    });
    let thousand = generate(1_000, 3);
    group.bench_function("1000_touchpoints_svg", |b| {
        b.iter(|| export::svg(black_box(&thousand), false))
    });
    assert!(matches!(
        export::png(&thousand, at(2.0)),
        Err(export::ExportError::TooLarge { .. })
    ));
    group.finish();
}

/// Issue target: PDF, an A3 poster and slides of 60 and 300 touchpoints, each within
/// 2 s, timed as `journeymap export` does them: laid out, drawn and written to a file.
fn pages(c: &mut Criterion) {
    let mut group = c.benchmark_group("pages");
    group.sample_size(10);
    let dir = tempfile::tempdir().unwrap();
    let a3 = Some(export::Paper {
        size: export::PageSize::A3,
        portrait: false,
    });
    for n in [60, 300] {
        let journey = generate(n, 3);
        let cases = [
            ("map.pdf", ExportOptions::default()),
            (
                "a3.pdf",
                ExportOptions {
                    paper: a3,
                    ..ExportOptions::default()
                },
            ),
            (
                "a3.png",
                ExportOptions {
                    paper: a3,
                    ..ExportOptions::default()
                },
            ),
            (
                "a1-tiled.pdf",
                ExportOptions {
                    paper: Some(export::Paper {
                        size: export::PageSize::A1,
                        portrait: false,
                    }),
                    tiles: true,
                    ..ExportOptions::default()
                },
            ),
            ("page.html", ExportOptions::default()),
            (
                "slides.pdf",
                ExportOptions {
                    slides: true,
                    ..ExportOptions::default()
                },
            ),
            (
                "slides.png",
                ExportOptions {
                    slides: true,
                    ..ExportOptions::default()
                },
            ),
        ];
        for (name, options) in cases {
            let path = dir.path().join(name);
            group.bench_function(format!("{n}_touchpoints_{name}"), |b| {
                b.iter(|| export::export_file(black_box(&journey), &path, options).unwrap())
            });
        }
    }
    group.finish();
}

/// The blueprint's flow (issue 39): laying out 10,000 touchpoints with 20,000 steps,
/// each after the one before (every arrow routed through the gaps), target <= 150 ms;
/// hostile: 20,000 steps on one card in one lane, a chain of 20,000 (<= 150 ms); and
/// `check` of a flow closed into one circle of 20,000 steps (<= 2 s): each linear.
fn flow(c: &mut Criterion) {
    use journeymap::model::{BlueprintLane, StepId};
    let mut group = c.benchmark_group("flow");
    group.sample_size(10);
    let metrics = journeymap::theme::Theme::light().metrics;
    let mut blueprint = generate(10_000, 11);
    journeymap::generate::add_steps(&mut blueprint, 2);
    let edges: usize = blueprint.steps.iter().map(|s| s.after.len()).sum();
    assert!(edges >= 20_000);
    group.bench_function("layout_10000_with_20000_steps_and_their_flow", |b| {
        b.iter(|| {
            journeymap::layout::layout(black_box(&blueprint), &metrics)
                .flows
                .len()
        })
    });
    let mut crowded = generate(10_000, 11);
    journeymap::generate::add_steps(&mut crowded, 2);
    let first = crowded.touchpoints[0].id.clone();
    let stage = crowded.touchpoints[0].stage;
    for step in &mut crowded.steps {
        step.serves = vec![first.clone()];
        step.stage = stage;
        step.lane = BlueprintLane::Backstage;
    }
    group.bench_function("layout_20000_steps_on_one_card_in_one_lane", |b| {
        b.iter(|| {
            journeymap::layout::layout(black_box(&crowded), &metrics)
                .steps
                .len()
        })
    });
    let mut circle = blueprint.clone();
    let last = StepId::new(format!("st-{}", circle.steps.len()));
    circle.steps[0].after = vec![last];
    let text = journeymap::format::to_text(&circle).unwrap();
    assert!(
        journeymap::format::check(&text)
            .iter()
            .any(|d| d.message.contains("circle"))
    );
    group.bench_function("check_a_circle_of_20000_steps", |b| {
        b.iter(|| journeymap::format::check(black_box(&text)).len())
    });
    group.finish();
}

criterion_group!(benches, exports, pages, flow);
criterion_main!(benches);
