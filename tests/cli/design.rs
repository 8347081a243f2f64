//! The visual system, measured on the composed pictures themselves (the display list
//! every writer draws), not on a list of colours: every text reads against what it
//! is drawn on, every mark stands out, grey areas carry one number everywhere, cards
//! carry their channel's icon, the curve is the spine, the blueprint has its physical
//! evidence row, and every cited source is in the references.

use journeymap::export::{self, ExportOptions, Picture};
use journeymap::layout::Rect;
use journeymap::model::{Journey, Language, Rgb};
use journeymap::scene::{Paint, Shape};
use journeymap::theme::contrast_ratio;
use std::path::Path;

fn example(name: &str) -> Journey {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name);
    journeymap::format::load(&path).unwrap().journey
}

const EXAMPLES: [&str; 3] = [
    "online-order-delivery-return.ron",
    "broadband-onboarding-planned-vs-actual.ron",
    "portabilidad-operador-movil.ron",
];

fn maps() -> Vec<(String, Journey)> {
    let mut out: Vec<(String, Journey)> = EXAMPLES
        .iter()
        .map(|name| (name.to_string(), example(name)))
        .collect();
    for template in journeymap::templates::TEMPLATES {
        for language in [Language::En, Language::Es] {
            out.push((
                format!("template {} {language:?}", template.key),
                journeymap::templates::build(template, language),
            ));
        }
    }
    out
}

fn blend(over: Paint, under: Rgb) -> Rgb {
    let a = over.alpha.clamp(0.0, 1.0);
    let mix = |o: u8, u: u8| (f32::from(o) * a + f32::from(u) * (1.0 - a)).round() as u8;
    Rgb(
        mix(over.colour.0, under.0),
        mix(over.colour.1, under.1),
        mix(over.colour.2, under.2),
    )
}

/// What a filled shape paints at `p`, if it paints there.
fn fill_at(shape: &Shape, x: f32, y: f32) -> Option<Paint> {
    let inside = |r: &Rect| x >= r.min.x && x <= r.max.x && y >= r.min.y && y <= r.max.y;
    match shape {
        Shape::Rect {
            rect,
            fill: Some(fill),
            ..
        } if inside(rect) => Some(*fill),
        Shape::Area { rect, paint } if inside(rect) => Some(*paint),
        Shape::Circle {
            center,
            radius,
            fill: Some(fill),
            ..
        } if (center.x - x).powi(2) + (center.y - y).powi(2) <= radius * radius => Some(*fill),
        _ => None,
    }
}

/// The colour the picture has at (x, y) under everything drawn from `before` on: the
/// fills drawn earlier, composited over the background.
fn colour_under(picture: &Picture, before: usize, x: f32, y: f32) -> Rgb {
    let background = picture.background.unwrap_or(Rgb::hex(0xffffff));
    let mut stack = Vec::new();
    for shape in picture.shapes[..before].iter().rev() {
        if let Some(fill) = fill_at(shape, x, y) {
            stack.push(fill);
            if fill.alpha >= 1.0 {
                break;
            }
        }
    }
    stack
        .into_iter()
        .rev()
        .fold(background, |under, over| blend(over, under))
}

/// Every text against what it sits on (at the middle and both ends of its first line),
/// at least 4.5:1; every disc at least 3:1 against what it sits on, by its fill or
/// its ring.
fn contrast_failures(name: &str, picture: &Picture) -> Vec<String> {
    let mut failures = Vec::new();
    for (i, shape) in picture.shapes.iter().enumerate() {
        match shape {
            Shape::Text(text) if !text.text.trim().is_empty() => {
                let extent = text.extent();
                let y = extent.min.y + extent.height().min(text.size * 1.2) / 2.0;
                for x in [extent.min.x + 1.0, extent.center().x, extent.max.x - 1.0] {
                    let under = colour_under(picture, i, x, y);
                    let ratio = contrast_ratio(text.colour, under);
                    if ratio < 4.5 {
                        failures.push(format!(
                            "{name}: text {:?} {} on {} is {ratio:.2}:1",
                            text.text.chars().take(40).collect::<String>(),
                            text.colour,
                            under
                        ));
                        break;
                    }
                }
            }
            Shape::Circle {
                center,
                radius,
                fill: Some(fill),
                stroke,
            } if *radius >= 5.0 => {
                // A disc stands out from what it sits on, or from its own ring (a
                // badge ringed in white on its band), or by its ring.
                let under = colour_under(picture, i, center.x + radius + 2.0, center.y);
                let fill_ratio = contrast_ratio(blend(*fill, under), under);
                let stroke_ratio = stroke.as_ref().map_or(1.0, |s| {
                    contrast_ratio(s.paint.colour, under)
                        .max(contrast_ratio(blend(*fill, under), s.paint.colour))
                });
                if fill_ratio < 3.0 && stroke_ratio < 3.0 {
                    failures.push(format!(
                        "{name}: a mark {} on {under} is {fill_ratio:.2}:1",
                        fill.colour
                    ));
                }
            }
            _ => {}
        }
    }
    failures
}

fn pictures(journey: &Journey) -> Vec<(&'static str, Picture)> {
    let mut out = vec![
        ("map", export::compose(journey, &ExportOptions::default())),
        (
            "wall",
            export::compose(
                journey,
                &ExportOptions {
                    layout: Some(journeymap::layout::Arrangement::Wall),
                    ..ExportOptions::default()
                },
            ),
        ),
    ];
    for slide in export::compose_slides(journey, &ExportOptions::default()) {
        out.push(("slide", slide));
    }
    out
}

#[test]
fn every_text_and_mark_of_every_export_reads_against_what_it_is_drawn_on() {
    let mut failures = Vec::new();
    for (name, journey) in maps() {
        for (medium, picture) in pictures(&journey) {
            failures.extend(contrast_failures(&format!("{name} {medium}"), &picture));
        }
    }
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn no_mark_is_drawn_across_text_on_any_export() {
    for (name, journey) in maps().into_iter().take(EXAMPLES.len()) {
        for (medium, picture) in pictures(&journey) {
            let overlaps = journeymap::scene::overlap::check(&picture.shapes);
            assert!(
                overlaps.is_empty(),
                "{name} {medium}: {:?}",
                overlaps.iter().take(5).collect::<Vec<_>>()
            );
        }
    }
}

/// The pair of three published maps: one colour to a deuteranope.
#[test]
fn check_warns_on_two_channels_a_colour_blind_reader_cannot_tell_apart() {
    let mut journey = example("online-order-delivery-return.ron");
    // The colours the published maps (and this example, before) gave these two.
    let mut set = |id: &str, colour: u32| {
        let channel = journey
            .channels
            .iter_mut()
            .find(|c| c.id.as_str() == id)
            .unwrap();
        channel.colour = Rgb::hex(colour);
    };
    set("mobile-app", 0x59a14f);
    set("phone", 0xe15759);
    let text = journeymap::format::to_text(&journey).unwrap();
    let findings = journeymap::format::check(&text);
    let warned: Vec<_> = findings
        .iter()
        .filter(|d| d.message.contains("look alike"))
        .collect();
    assert_eq!(warned.len(), 1, "{findings:#?}");
    let message = &warned[0].message;
    assert!(
        message.contains("#59a14f") && message.contains("#e15759"),
        "{message}"
    );
    assert!(message.contains("deuteranopia"), "{message}");
    let line = text.lines().position(|l| l.contains("#e15759")).unwrap() + 1;
    assert_eq!(warned[0].line, line, "warned at the second colour's line");
}

#[test]
fn every_catalogue_of_the_examples_and_templates_stays_apart_for_colour_blind_readers() {
    for (name, journey) in maps() {
        let text = journeymap::format::to_text(&journey).unwrap();
        let close: Vec<_> = journeymap::format::check(&text)
            .into_iter()
            .filter(|d| d.message.contains("look alike"))
            .map(|d| d.message)
            .collect();
        assert!(close.is_empty(), "{name}: {close:#?}");
    }
}

fn svg_of(journey: &Journey) -> String {
    export::svg(journey, false)
}

/// The `data-icon` kinds of the icon groups in an SVG document, in order.
fn icons(svg: &str) -> Vec<&str> {
    svg.split("data-icon=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn every_card_carries_its_channel_kinds_icon_and_the_legend_lists_them() {
    for name in EXAMPLES {
        let journey = example(name);
        let svg = svg_of(&journey);
        let drawn = icons(&svg);
        let with_channel: Vec<&str> = journey
            .touchpoints
            .iter()
            .filter_map(|t| t.channel.as_ref().and_then(|c| journey.channel(c)))
            .map(|c| c.kind.key())
            .collect();
        for kind in &with_channel {
            let count = |list: &[&str]| list.iter().filter(|k| *k == kind).count();
            let cards = count(&with_channel);
            assert!(
                count(&drawn) > cards,
                "{name}: {kind} drawn {} times for {cards} cards and the legend",
                count(&drawn)
            );
        }
        assert!(
            drawn.len() > with_channel.len(),
            "{name}: the legend's icons"
        );
    }
}

#[test]
fn the_curve_is_thick_with_a_labelled_scale() {
    for name in EXAMPLES {
        let journey = example(name);
        let picture = export::compose(&journey, &ExportOptions::default());
        let thickest = picture
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Polyline { points, line } if points.len() > 3 => Some(line.width),
                _ => None,
            })
            .fold(0.0, f32::max);
        assert!(thickest >= 4.0, "{name}: the curve is {thickest} wide");
        let texts: Vec<&str> = picture
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect();
        for label in ["+2", "+1", "0", "\u{2212}1", "\u{2212}2"] {
            assert!(texts.contains(&label), "{name}: no {label} on the scale");
        }
    }
}

#[test]
fn the_blueprint_has_its_physical_evidence_row_above_the_customers() {
    for name in EXAMPLES {
        let journey = example(name);
        if journey.steps.is_empty() {
            continue;
        }
        let page = export::page_of(&journey, &ExportOptions::default());
        let lanes: Vec<_> = page.layout.lanes.iter().map(|l| l.lane).collect();
        let has = journey
            .steps
            .iter()
            .any(|s| !s.physical_evidence.trim().is_empty())
            || journey
                .touchpoints
                .iter()
                .any(|t| !t.physical_evidence.trim().is_empty());
        if !has {
            continue;
        }
        let physical = lanes
            .iter()
            .position(|l| *l == journeymap::layout::Lane::PhysicalEvidence)
            .unwrap_or_else(|| panic!("{name}: no physical evidence row in {lanes:?}"));
        let cards = lanes
            .iter()
            .position(|l| *l == journeymap::layout::Lane::Cards)
            .unwrap();
        assert!(physical < cards, "{name}: {lanes:?}");
        let svg = svg_of(&journey);
        let label = match journey.language {
            Language::En => "Physical evidence",
            Language::Es => "Evidencia física",
        };
        assert!(svg.contains(label), "{name}: the row is named");
        for step in journey
            .steps
            .iter()
            .filter(|s| !s.physical_evidence.is_empty())
        {
            let words = step.physical_evidence.split_whitespace().next().unwrap();
            assert!(svg.contains(words), "{name}: {words}");
        }
    }
}

#[test]
fn every_evidence_item_cited_on_the_picture_has_one_number_and_one_reference() {
    for name in EXAMPLES {
        let journey = example(name);
        let numbers = journeymap::scene::Numbers::of(&journey);
        assert!(!numbers.cited.is_empty(), "{name} cites evidence");
        let picture = export::compose(&journey, &ExportOptions::default());
        let texts: Vec<String> = picture
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text(t) => Some(t.text.clone()),
                _ => None,
            })
            .collect();
        let i18n = journeymap::i18n::I18n::new(journey.language);
        for (k, item) in numbers.cited.iter().enumerate() {
            let n = k + 1;
            assert_eq!(numbers.evidence(&item.id), Some(n));
            let entry = journeymap::export::reference_line(n, item, &i18n);
            assert_eq!(
                texts.iter().filter(|t| **t == entry).count(),
                1,
                "{name}: one reference {entry:?}"
            );
            let mark = format!(" [{n}]");
            assert!(
                texts.iter().any(|t| t.ends_with(&mark)),
                "{name}: [{n}] cited at its point of use"
            );
        }
        let ids: std::collections::HashSet<_> = numbers.cited.iter().map(|e| &e.id).collect();
        assert_eq!(ids.len(), numbers.cited.len(), "{name}: one number each");
    }
}

#[test]
fn grey_areas_are_numbered_alike_on_the_map_the_slides_the_page_and_the_report() {
    let journey = example("online-order-delivery-return.ron");
    let numbers = journey.grey_area_numbers();
    let mut sorted = numbers.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (1..=journey.grey_areas.len()).collect::<Vec<_>>());
    // Most severe first.
    for (i, a) in journey.grey_areas.iter().enumerate() {
        for (j, b) in journey.grey_areas.iter().enumerate() {
            if a.severity > b.severity {
                assert!(numbers[i] < numbers[j], "{} before {}", a.id, b.id);
            }
        }
    }
    let i18n = journeymap::i18n::I18n::new(journey.language);
    let title =
        |i: usize| journeymap::words::grey_area_title(&journey, &journey.grey_areas[i], &i18n);
    // The callouts of the map and of the slides: the number beside the title.
    let texts_of = |pictures: &[Picture]| -> Vec<String> {
        pictures
            .iter()
            .flat_map(|p| p.shapes.iter())
            .filter_map(|s| match s {
                Shape::Text(t) => Some(t.text.clone()),
                _ => None,
            })
            .collect()
    };
    let map = texts_of(&[export::compose(&journey, &ExportOptions::default())]);
    let slides = texts_of(&export::compose_slides(&journey, &ExportOptions::default()));
    for texts in [&map, &slides] {
        for (i, n) in numbers.iter().enumerate() {
            let at = texts
                .iter()
                .position(|t| *t == title(i))
                .unwrap_or_else(|| panic!("{} drawn", title(i)));
            assert_eq!(
                texts[at - 1],
                n.to_string(),
                "the number before {}",
                title(i)
            );
        }
    }
    // The published page's list.
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("map.html");
    export::export_file(&journey, &html, ExportOptions::default()).unwrap();
    let page = std::fs::read_to_string(&html).unwrap();
    for (i, n) in numbers.iter().enumerate() {
        let listed = format!("{n}. {}", title(i));
        let escaped = listed.replace('"', "\\\"");
        assert!(page.contains(&escaped), "the details say {listed:?}");
        let item = format!(
            "<li value=\"{n}\"><button type=\"button\" class=\"open\" data-id=\"grey-areas:{}\">{n}. ",
            journey.grey_areas[i].id
        );
        assert!(
            page.contains(&item),
            "the page's list has {listed:?}: {item}"
        );
    }
    // The report's table: the same number before each title.
    let report = dir.path().join("report.md");
    let map = dir.path().join("map.ron");
    journeymap::format::save(&map, &journey).unwrap();
    let done = std::process::Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["report"])
        .arg(&map)
        .arg("-o")
        .arg(&report)
        .args(["--no-history"])
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let report = std::fs::read_to_string(&report).unwrap();
    for (i, n) in numbers.iter().enumerate() {
        let escaped = journeymap::diff::escape_markdown(&title(i));
        assert!(
            report
                .lines()
                .any(|l| l.starts_with(&format!("| {n} |")) && l.contains(&escaped)),
            "the report numbers {} as {n}",
            title(i)
        );
    }
    // The PDF poster: each callout's number beside its title, as in the SVG.
    let pdf = dir.path().join("map.pdf");
    export::export_file(&journey, &pdf, ExportOptions::default()).unwrap();
    let text = std::process::Command::new("pdftotext")
        .args(["-raw"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, scripts/install-deps.sh)");
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (i, n) in numbers.iter().enumerate() {
        let first = title(i)
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(&format!("{n} {first}")),
            "the PDF has {n} before {first:?}"
        );
    }
}
