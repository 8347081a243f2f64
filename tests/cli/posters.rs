//! Posters composed for their sheet, read back through poppler as a printer would: the
//! body (the 10th percentile of the words' sizes) at or over the sheet's floor, and the
//! content filling at least 85 % of the printable width and height, or the lanes left
//! out / the sheets tiled, and said. CI runs a short form; `POSTERS=full` runs every
//! example and template in both languages and generated maps of 10, 30 and 60 cards on
//! every sheet in both orientations.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The height poppler gives a word, per point of font size (Inter's ascender plus
/// descender, 0.969 + 0.242 em).
const WORD_HEIGHT_PER_POINT: f32 = 1.21;
/// The sheet's white border, in points (10 mm).
const BORDER: f32 = 10.0 * 72.0 / 25.4;

fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> (bool, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    let output = command.output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn tool(name: &str, args: &[&dyn AsRef<std::ffi::OsStr>]) -> String {
    let mut command = Command::new(name);
    for arg in args {
        command.arg(arg);
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils, scripts/install-deps.sh): {e}"));
    assert!(output.status.success(), "{name}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The sheets of a PDF and their size in points.
fn sheets(pdf: &Path) -> Vec<(f32, f32)> {
    crate::support::pdf_page_sizes(pdf)
}

/// The 10th percentile of the font sizes of the words printed on the sheets (inside
/// the white border, where the notes for the printer are), in points.
fn body_pt(pdf: &Path) -> f32 {
    let boxes = tool("pdftotext", &[&"-bbox", &pdf, &"-"]);
    let mut height = 0.0;
    let mut sizes: Vec<f32> = Vec::new();
    for line in boxes.lines().map(str::trim) {
        let attr = |rest: &str, name: &str| -> f32 {
            let start = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            let end = start + rest[start..].find('"').unwrap();
            rest[start..end].parse().unwrap()
        };
        if let Some(rest) = line.strip_prefix("<page ") {
            height = attr(rest, "height");
        }
        if let Some(rest) = line.strip_prefix("<word ") {
            let (top, bottom) = (attr(rest, "yMin"), attr(rest, "yMax"));
            if top >= BORDER - 0.5 && bottom <= height - BORDER + 0.5 {
                sizes.push((bottom - top) / WORD_HEIGHT_PER_POINT);
            }
        }
    }
    assert!(!sizes.is_empty(), "words on the sheet");
    sizes.sort_by(f32::total_cmp);
    sizes[sizes.len() / 10]
}

/// How much of the printable width and height the first sheet's ink covers.
fn fill(pdf: &Path, dir: &Path, (width, height): (f32, f32)) -> (f32, f32) {
    let stem = dir.join("render");
    let dpi = 20.0;
    tool(
        "pdftoppm",
        &[
            &"-r",
            &"20",
            &"-png",
            &"-singlefile",
            &"-f",
            &"1",
            &"-l",
            &"1",
            &pdf,
            &stem,
        ],
    );
    let image = image::open(stem.with_extension("png")).unwrap().to_rgb8();
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    for (x, y, p) in image.enumerate_pixels() {
        if p.0.iter().any(|c| *c < 235) {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
    }
    let pt = 72.0 / dpi;
    let inked = ((x1 + 1 - x0) as f32 * pt, (y1 + 1 - y0) as f32 * pt);
    (
        inked.0 / (width - 2.0 * BORDER),
        inked.1 / (height - 2.0 * BORDER),
    )
}

fn floor(size: &str) -> f32 {
    match size {
        "a2" => 12.0,
        "a1" | "a0" => 18.0,
        _ => 9.0,
    }
}

fn inputs(dir: &Path, full: bool) -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys");
    let mut out: Vec<(String, PathBuf)> = [
        "online-order-delivery-return.ron",
        "broadband-onboarding-planned-vs-actual.ron",
        "portabilidad-operador-movil.ron",
    ]
    .iter()
    .map(|name| (name.to_string(), root.join(name)))
    .collect();
    if full {
        for template in journeymap::templates::TEMPLATES {
            for language in [
                journeymap::model::Language::En,
                journeymap::model::Language::Es,
            ] {
                let path = dir.join(format!("{}-{language:?}.ron", template.key));
                journeymap::format::save(&path, &journeymap::templates::build(template, language))
                    .unwrap();
                out.push((format!("template {} {language:?}", template.key), path));
            }
        }
        for n in [10, 30, 60] {
            let path = dir.join(format!("g{n}.ron"));
            let (ok, err) = run(&[&"generate", &"-o", &path, &"--touchpoints", &n.to_string()]);
            assert!(ok, "{err}");
            out.push((format!("{n} cards"), path));
        }
    }
    out
}

#[test]
fn posters_print_their_body_at_the_sheets_floor_and_fill_it_or_say_what_they_did() {
    let full = std::env::var("POSTERS").is_ok_and(|v| v == "full");
    let dir = tempfile::tempdir().unwrap();
    let sizes: &[&str] = if full {
        &["a4", "a3", "a2", "a1", "a0", "letter", "tabloid"]
    } else {
        &["a3", "a1", "letter"]
    };
    let orientations: &[bool] = if full { &[false, true] } else { &[false] };
    let mut failures = Vec::new();
    for (name, source) in inputs(dir.path(), full) {
        for size in sizes {
            for &portrait in orientations {
                let pdf = dir.path().join("poster.pdf");
                let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![
                    &"export", &source, &"-o", &pdf, &"--page", size, &"--tiles", &"auto",
                ];
                if portrait {
                    args.push(&"--portrait");
                }
                let (ok, said) = run(&args);
                let what = format!(
                    "{name} on {size}{}",
                    if portrait { " portrait" } else { "" }
                );
                if !ok {
                    failures.push(format!("{what}: export failed: {said}"));
                    continue;
                }
                let pages = sheets(&pdf);
                let body = body_pt(&pdf);
                if body + 0.3 < floor(size) {
                    failures.push(format!("{what}: body {body:.1} pt under {}", floor(size)));
                }
                if pages.len() > 1 {
                    if !said.contains(&format!("tiled onto {} sheets", pages.len())) {
                        failures.push(format!("{what}: {} sheets, not said: {said}", pages.len()));
                    }
                    continue;
                }
                let (w, h) = fill(&pdf, dir.path(), pages[0]);
                if (w < 0.85 || h < 0.85) && !said.contains("left out") {
                    failures.push(format!(
                        "{what}: fills {:.0} % × {:.0} %",
                        w * 100.0,
                        h * 100.0
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_poster_says_its_version_date_and_commit_and_min_body_overrides_the_floor() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("map.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron"),
        &source,
    )
    .unwrap();
    let pdf = dir.path().join("map.pdf");
    let text = |pdf: &Path| {
        tool("pdftotext", &[&"-raw", &pdf, &"-"])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Outside git: the version and the map's date, no commit.
    let (ok, err) = run(&[&"export", &source, &"-o", &pdf, &"--page", &"a3"]);
    assert!(ok, "{err}");
    let said = text(&pdf);
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        said.contains(&format!("Made with journeymap {version} · 2026-10-14")),
        "{said}"
    );
    assert!(!said.contains("commit"), "{said}");
    // In git: the short commit, then "with changes" once the file is edited.
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    git(&["init", "-q"]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "add",
        "map.ron",
    ]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "-qm",
        "map",
    ]);
    let commit = git(&["rev-parse", "--short", "HEAD"]);
    let (ok, err) = run(&[&"export", &source, &"-o", &pdf, &"--page", &"a3"]);
    assert!(ok, "{err}");
    let said = text(&pdf);
    assert!(
        said.contains(&format!("commit {commit}")) && !said.contains("with changes"),
        "{said}"
    );
    let edited = std::fs::read_to_string(&source)
        .unwrap()
        .replace("winter boots", "winter shoes");
    std::fs::write(&source, edited).unwrap();
    let (ok, err) = run(&[&"export", &source, &"-o", &pdf, &"--page", &"a3"]);
    assert!(ok, "{err}");
    assert!(text(&pdf).contains(&format!("commit {commit} with changes")));
    // --min-body raises the floor: on Letter at 14 pt the map is tiled, and says so.
    let (ok, said) = run(&[
        &"export",
        &source,
        &"-o",
        &pdf,
        &"--page",
        &"letter",
        &"--min-body",
        &"14",
        &"--tiles",
        &"auto",
    ]);
    assert!(ok, "{said}");
    let pages = sheets(&pdf);
    assert!(pages.len() > 1, "{said}");
    assert!(said.contains("to print the body at 14 pt"), "{said}");
    assert!(body_pt(&pdf) + 0.3 >= 14.0);
    // Letter is 8.5 × 11 in; every sheet of a tiled poster has its map and its marks.
    for (w, h) in &pages {
        assert!(
            (w - 792.0).abs() < 1.0 && (h - 612.0).abs() < 1.0,
            "{w} × {h}"
        );
    }
    let all = text(&pdf);
    assert!(
        all.contains(&format!("Sheet 1 of {}", pages.len())),
        "{all}"
    );
    // Without tiles, the export says how small and what would hold it.
    let (ok, said) = run(&[
        &"export",
        &source,
        &"-o",
        &pdf,
        &"--page",
        &"letter",
        &"--min-body",
        &"14",
    ]);
    assert!(ok);
    assert!(
        said.contains("under its 14 pt floor") && said.contains("--tiles auto"),
        "{said}"
    );
    // Refused: a size no one prints.
    let (ok, said) = run(&[
        &"export",
        &source,
        &"-o",
        &pdf,
        &"--page",
        &"a3",
        &"--min-body",
        &"1",
    ]);
    assert!(!ok && said.contains("outside 4 to 200"), "{said}");
}

/// The first line's words (the title's) and the sheet's height, in points.
fn title_pt(pdf: &Path) -> (f32, f32) {
    let boxes = tool("pdftotext", &[&"-bbox", &pdf, &"-"]);
    let attr = |rest: &str, name: &str| -> f32 {
        let start = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + rest[start..].find('"').unwrap();
        rest[start..end].parse().unwrap()
    };
    let mut height = 0.0;
    for line in boxes.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("<page ") {
            height = attr(rest, "height");
        }
        if let Some(rest) = line.strip_prefix("<word ") {
            return (
                (attr(rest, "yMax") - attr(rest, "yMin")) / WORD_HEIGHT_PER_POINT,
                height,
            );
        }
    }
    panic!("no words in {pdf:?}")
}

/// A poster's title is read from across the room: about 5 % of the sheet's height where
/// the body prints at its floor with room to spare, never at the body's cost.
#[test]
fn a_posters_title_is_about_a_twentieth_of_the_sheet_and_never_costs_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("g10.ron");
    let (ok, err) = run(&[&"generate", &"-o", &source, &"--touchpoints", &"10"]);
    assert!(ok, "{err}");
    for (size, least) in [("a0", 0.04), ("a2", 0.025)] {
        let pdf = dir.path().join(format!("{size}.pdf"));
        let (ok, said) = run(&[&"export", &source, &"-o", &pdf, &"--page", &size]);
        assert!(ok, "{said}");
        let (title, sheet) = title_pt(&pdf);
        let share = title / sheet;
        assert!(
            (least..=0.055).contains(&share),
            "{size}: title {title:.1} pt on a {sheet:.0} pt sheet ({:.1} %)",
            share * 100.0
        );
        let body = body_pt(&pdf);
        assert!(body + 0.3 >= floor(size), "{size}: body {body:.1} pt");
    }
}
