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

criterion_group!(benches, exports, pages);
criterion_main!(benches);
