//! Exported pictures, decoded and inspected: size, content at the layout's coordinates,
//! transparency, SVG text, determinism, language, errors, and one image snapshot.

use crate::support::svg_texts;
use journeymap::export::{self, ExportOptions};
use journeymap::format;
use journeymap::model::*;
use journeymap::theme::Theme;
use std::path::{Path, PathBuf};
use std::process::Command;

fn example(name: &str) -> Journey {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name);
    format::load(&path).unwrap().journey
}

fn online() -> Journey {
    example("online-order-delivery-return.ron")
}

fn decode(bytes: &[u8]) -> image::RgbaImage {
    image::load_from_memory_with_format(bytes, image::ImageFormat::Png)
        .unwrap()
        .to_rgba8()
}

/// The pixel at a page point (layout units), at `scale`.
fn pixel(image: &image::RgbaImage, x: f32, y: f32, scale: f32) -> [u8; 4] {
    image.get_pixel((x * scale) as u32, (y * scale) as u32).0
}

#[test]
fn png_size_is_the_page_times_the_scale_and_it_is_not_blank() {
    let journey = online();
    let page = export::page_of(&journey, &ExportOptions::default());
    for scale in [1.0, 2.0] {
        let image = decode(
            &export::png(
                &journey,
                ExportOptions {
                    scale,
                    transparent: false,
                    collapse_empty_stages: false,
                    ..ExportOptions::default()
                },
            )
            .unwrap(),
        );
        assert_eq!(image.width(), (page.width * scale).ceil() as u32);
        assert_eq!(image.height(), (page.height * scale).ceil() as u32);
        let white = image
            .pixels()
            .filter(|p| p.0 == [255, 255, 255, 255])
            .count();
        let total = (image.width() * image.height()) as usize;
        assert!(
            white < total * 9 / 10,
            "mostly blank: {white} of {total} white"
        );
        assert!(
            image.pixels().all(|p| p.0[3] == 255),
            "an opaque background"
        );
    }
}

#[test]
fn grey_areas_and_the_emotion_curve_are_where_the_layout_puts_them() {
    let journey = online();
    let page = export::page_of(&journey, &ExportOptions::default());
    let scale = 2.0;
    let image = decode(
        &export::png(
            &journey,
            ExportOptions {
                scale,
                transparent: false,
                collapse_empty_stages: false,
                ..ExportOptions::default()
            },
        )
        .unwrap(),
    );
    for band in page.layout.grey_areas.iter().filter(|b| b.neighbours) {
        // Mid-height of the band, in the emotion lane: the hatched fill in its
        // severity's colour over the stage (brackets, between non-neighbours or steps,
        // are in the grey-area lane).
        let at = page.on_page(journey_point(
            band.band.center().x,
            page.layout.neutral_y + 40.0,
        ));
        let [r, g, b, _] = pixel(&image, at.x, at.y, scale);
        let colour = Theme::light().grey_area_fill(band.severity);
        let tinted = |alpha: f32, under: u8, over: u8| {
            (f32::from(over) * alpha + f32::from(under) * (1.0 - alpha)) as i32
        };
        let stage = Theme::light().stage_fill;
        let near = [0.28f32, 0.6].iter().any(|&alpha| {
            stage.iter().any(|s| {
                (tinted(alpha, s.0, colour.0) - i32::from(r)).abs()
                    + (tinted(alpha, s.1, colour.1) - i32::from(g)).abs()
                    + (tinted(alpha, s.2, colour.2) - i32::from(b)).abs()
                    < 60
            })
        });
        assert!(
            near,
            "grey area {} at {at:?}: {r},{g},{b}, not its severity's {colour}",
            band.id
        );
    }
    for slot in &page.layout.slots {
        let (Some(point), Some(score)) = (slot.emotion, slot.score) else {
            continue;
        };
        let at = page.on_page(point);
        let [r, g, b, _] = pixel(&image, at.x, at.y, scale);
        match score {
            s if s < 0 => assert!(
                r > 170 && g < 110 && b < 110,
                "{} red at {at:?}: {r},{g},{b}",
                slot.id
            ),
            s if s > 0 => assert!(
                g > 120 && r < 110,
                "{} green at {at:?}: {r},{g},{b}",
                slot.id
            ),
            _ => assert!(
                r.abs_diff(b) < 30 && r < 200,
                "{} neutral grey: {r},{g},{b}",
                slot.id
            ),
        }
    }
}

fn journey_point(x: f32, y: f32) -> journeymap::layout::Point {
    journeymap::layout::Point::new(x, y)
}

#[test]
fn transparent_exports_have_a_transparent_background() {
    let journey = online();
    let image = decode(
        &export::png(
            &journey,
            ExportOptions {
                scale: 1.0,
                transparent: true,
                collapse_empty_stages: false,
                ..ExportOptions::default()
            },
        )
        .unwrap(),
    );
    assert_eq!(image.get_pixel(2, 2).0[3], 0, "the corner is transparent");
    let opaque = image.pixels().filter(|p| p.0[3] == 255).count();
    assert!(opaque > 1000, "the map itself is drawn");
}

/// Each `<text>` element's lines joined with spaces.

#[test]
fn svg_parses_and_holds_every_title_as_text() {
    for journey in [online(), example("portabilidad-operador-movil.ron")] {
        let svg = export::svg(&journey, false);
        let options = resvg::usvg::Options::default();
        resvg::usvg::Tree::from_str(&svg, &options).expect("valid SVG");
        let texts = svg_texts(&svg);
        for tp in &journey.touchpoints {
            assert!(
                texts.iter().any(|t| t == &tp.title),
                "title {:?} is not a text element",
                tp.title
            );
        }
        assert!(texts.contains(&journey.title));
    }
}

#[test]
fn spanish_text_survives_and_stage_headers_follow_the_journey_language() {
    let spanish = example("portabilidad-operador-movil.ron");
    let texts = svg_texts(&export::svg(&spanish, false));
    for stage in [
        "Descubrimiento",
        "Interés",
        "Consideración",
        "Acción",
        "Uso",
        "Recomendación",
    ] {
        assert!(texts.iter().any(|t| t == stage), "{stage}");
    }
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Búsqueda «mejor tarifa fibra y móvil»"))
    );
    assert!(
        texts.iter().any(|t| t == "Zonas grises"),
        "legend in Spanish"
    );

    let mut english = spanish.clone();
    english.language = Language::En;
    let texts = svg_texts(&export::svg(&english, false));
    assert!(texts.iter().any(|t| t == "Awareness") && !texts.iter().any(|t| t == "Descubrimiento"));
}

#[test]
fn exporting_twice_gives_identical_bytes() {
    let journey = online();
    let options = ExportOptions {
        scale: 2.0,
        transparent: false,
        collapse_empty_stages: false,
        ..ExportOptions::default()
    };
    assert_eq!(
        export::png(&journey, options).unwrap(),
        export::png(&journey, options).unwrap()
    );
    assert_eq!(export::svg(&journey, false), export::svg(&journey, false));
}

#[test]
fn the_1x_export_matches_its_snapshot() {
    let bytes = export::png(&online(), ExportOptions::default()).unwrap();
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/online-order-1x.png");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &bytes).unwrap();
    }
    assert!(
        path.exists(),
        "no baseline at {}; create it with UPDATE_SNAPSHOTS=1",
        path.display()
    );
    let expected = decode(&std::fs::read(&path).unwrap());
    let actual = decode(&bytes);
    assert_eq!(
        actual.dimensions(),
        expected.dimensions(),
        "picture size changed"
    );
    let differing = actual
        .pixels()
        .zip(expected.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0.iter()).any(|(x, y)| x.abs_diff(*y) > 8))
        .count();
    let total = (actual.width() * actual.height()) as usize;
    assert!(
        differing * 1000 < total,
        "{differing} of {total} pixels differ; if intended, run with UPDATE_SNAPSHOTS=1"
    );
}

fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

#[test]
fn the_command_line_exports_png_and_svg_and_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let png = dir.path().join("map.png");
    let output = run(&[
        &"export",
        &source,
        &"-o",
        &png,
        &"--scale",
        &"2",
        &"--transparent",
    ]);
    assert!(output.status.success(), "{output:?}");
    let image = decode(&std::fs::read(&png).unwrap());
    assert_eq!(image.get_pixel(0, 0).0[3], 0);
    let svg = dir.path().join("map.svg");
    assert!(run(&[&"export", &source, &"-o", &svg]).status.success());
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));

    let bad_extension = dir.path().join("map.jpg");
    let output = run(&[&"export", &source, &"-o", &bad_extension]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("use a .png, .svg, .pdf, .html, .csv, .json, .mmd or .md file name")
    );
    assert!(!bad_extension.exists());

    let missing_dir = dir.path().join("no/such/dir/map.png");
    let output = run(&[&"export", &source, &"-o", &missing_dir]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/dir/map.png"));

    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Journey(version: 1, title: 3)").unwrap();
    let out_png = dir.path().join("broken.png");
    let output = run(&[&"export", &broken, &"-o", &out_png]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("broken.ron:1:28"),
        "{output:?}"
    );
    assert!(!out_png.exists());

    let scale = run(&[&"export", &source, &"-o", &png, &"--scale", &"9"]);
    assert_eq!(scale.status.code(), Some(2), "clap rejects the scale");

    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")),
        "no temp files: {names:?}"
    );
}

#[test]
fn every_grey_area_carries_its_words_in_the_export_in_the_maps_language() {
    for journey in [online(), example("portabilidad-operador-movil.ron")] {
        let texts = svg_texts(&export::svg(&journey, false));
        let i18n = journeymap::i18n::I18n::new(journey.language);
        let all = texts.join("\n");
        for grey in &journey.grey_areas {
            assert!(
                texts.iter().any(|t| t == &grey.title),
                "grey area title {:?}",
                grey.title
            );
            let meta = format!(
                "{} · {} · {}",
                i18n.term("grey-kind", grey.kind.key()),
                i18n.term("severity", grey.severity.key()),
                i18n.term("grey-status", grey.status.key())
            );
            assert!(texts.contains(&meta), "{meta:?} for {}", grey.id);
            let experience: String = grey.experience.chars().take(30).collect();
            assert!(all.contains(&experience), "experience of {}", grey.id);
            let fix: String = grey.fix.chars().take(20).collect();
            assert!(all.contains(&fix), "fix of {}", grey.id);
        }
    }
}

#[test]
fn every_note_expectation_opportunity_and_persona_list_is_in_the_export() {
    for journey in [online(), example("portabilidad-operador-movil.ron")] {
        let i18n = journeymap::i18n::I18n::new(journey.language);
        let texts = svg_texts(&export::svg(&journey, false));
        let all = texts.join("\n");
        let has = |what: &str, context: &str| {
            let start: String = what.chars().take(24).collect();
            assert!(all.contains(&start), "{context}: {what:?} not drawn");
        };
        for notes in journey.stages.values() {
            for (label, value) in [
                ("field-stage-goal", &notes.goal),
                ("field-stage-doing", &notes.doing),
                ("field-stage-thinking", &notes.thinking),
                ("field-stage-feeling", &notes.feeling),
            ] {
                if !value.is_empty() {
                    has(&format!("{}: {value}", i18n.tr(label)), "stage note");
                }
            }
        }
        for t in journey
            .touchpoints
            .iter()
            .filter(|t| !t.expectation.is_empty())
        {
            has(
                &journeymap::tr!(i18n, "card-expects", text = t.expectation.as_str()),
                "expectation",
            );
        }
        for o in journey.opportunities.iter().filter(|o| !o.owner.is_empty()) {
            has(&o.idea, "opportunity");
            if matches!(o.target, OpportunityTarget::Touchpoint(_)) {
                assert!(all.contains(&o.owner), "owner {:?} of {}", o.owner, o.id);
            }
        }
        for goal in &journey.persona.goals {
            assert!(all.contains(goal.as_str()), "persona goal {goal:?}");
        }
        for expectation in &journey.persona.expectations {
            assert!(all.contains(expectation.as_str()), "persona expectation");
        }
    }
}

#[test]
fn a_cards_evidence_is_counted_and_weak_evidence_marked() {
    let mut journey = online();
    let texts = svg_texts(&export::svg(&journey, false));
    assert!(texts.iter().any(|t| t == "1 source"), "the count per card");
    let weak = |texts: &[String]| texts.iter().filter(|t| *t == "weak evidence").count();
    let before = weak(&texts);
    // Make tp-1's only evidence assumed: its card says so.
    let link = journey.touchpoints[0].evidence[0].clone();
    journey
        .evidence
        .iter_mut()
        .find(|e| e.id == link)
        .unwrap()
        .confidence = Confidence::Assumed;
    let texts = svg_texts(&export::svg(&journey, false));
    assert!(
        weak(&texts) > before,
        "weak evidence is marked on the card, in the one word for it"
    );
    assert!(!texts.iter().any(|t| t == "Assumed" || t == "Inferred"));
}

#[test]
fn the_legend_lists_only_the_channels_the_map_uses_with_full_names() {
    let mut journey = online();
    journey.channels.push(Channel {
        id: "fax".into(),
        name: "Fax machine".into(),
        kind: ChannelKind::Other,
        colour: Rgb::hex(0x123456),
    });
    let texts = svg_texts(&export::svg(&journey, false));
    assert!(
        !texts.iter().any(|t| t.starts_with("Fax machine")),
        "an unused channel is not in the legend"
    );
    // A long name is wrapped, not cut.
    assert!(
        texts
            .iter()
            .any(|t| t == "Contact centre (Phone / contact centre)"),
        "{texts:?}"
    );
    // Five emotion scores, five colours.
    let theme = Theme::light();
    let colours: std::collections::HashSet<Rgb> = (EMOTION_MIN..=EMOTION_MAX)
        .map(|s| theme.emotion_colour(s))
        .collect();
    assert_eq!(colours.len(), 5);
}

#[test]
fn empty_stages_can_be_collapsed_on_export() {
    let mut journey = Journey::new("Two stages", Language::En);
    for (id, stage) in [("tp-1", Stage::Awareness), ("tp-2", Stage::Advocacy)] {
        journey
            .touchpoints
            .push(Touchpoint::new(id.into(), stage, "Card"));
    }
    let width = |collapse: bool| {
        let svg = export::svg_with(
            &journey,
            &ExportOptions {
                collapse_empty_stages: collapse,
                ..ExportOptions::default()
            },
        );
        let at = svg.find("width=\"").unwrap() + 7;
        svg[at..at + svg[at..].find('"').unwrap()]
            .parse::<f32>()
            .unwrap()
    };
    // Each empty stage goes from its full width to the collapsed one, or to what its
    // name's longest word needs, whichever is wider.
    let theme = export::export_theme(&ExportOptions {
        collapse_empty_stages: false,
        ..ExportOptions::default()
    });
    let least = journeymap::scene::header_least_widths(
        &journey,
        &theme,
        &journeymap::i18n::I18n::new(Language::En),
    );
    let m = &theme.metrics;
    let saved: f32 = [
        Stage::Interest,
        Stage::Consideration,
        Stage::Action,
        Stage::Usage,
    ]
    .iter()
    .map(|s| {
        let least = least[s.index()];
        m.empty_stage_width.max(least) - m.collapsed_stage_width.max(least)
    })
    .sum();
    assert!(saved > 150.0, "collapsing saves room: {saved}");
    assert!(
        (width(false) - width(true) - saved).abs() < 1.0,
        "four empty stages narrower by {saved}: {} vs {}",
        width(false),
        width(true)
    );
    // Collapsed is the default; the command line says which, and still takes the
    // older flag.
    assert_eq!(
        export::svg_with(&journey, &ExportOptions::default()),
        export::svg_with(
            &journey,
            &ExportOptions {
                collapse_empty_stages: true,
                ..ExportOptions::default()
            }
        )
    );
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("two.ron");
    format::save(&source, &journey).unwrap();
    let out = dir.path().join("two.svg");
    for (args, collapsed) in [
        (vec!["--collapse-empty-stages"], true),
        (vec!["--empty-stages", "collapse"], true),
        (vec![], true),
        (vec!["--empty-stages", "show"], false),
    ] {
        let mut all: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"export", &source, &"-o", &out];
        all.extend(args.iter().map(|a| a as &dyn AsRef<std::ffi::OsStr>));
        assert!(run(&all).status.success(), "{args:?}");
        assert!(
            std::fs::read_to_string(&out)
                .unwrap()
                .contains(&format!("width=\"{}\"", width(collapsed))),
            "{args:?}"
        );
    }
    let both = run(&[
        &"export",
        &source,
        &"-o",
        &out,
        &"--empty-stages",
        &"show",
        &"--collapse-empty-stages",
    ]);
    assert!(
        !both.status.success(),
        "show and collapse at once is refused"
    );
}

/// Each `<text>`'s position (in its group's coordinates) and its lines joined.
fn svg_positioned_texts(svg: &str) -> Vec<(f32, f32, String)> {
    let texts = svg_texts(svg);
    svg.split("<text ")
        .skip(1)
        .zip(texts)
        .map(|(element, text)| {
            let number = |name: &str| {
                let at = element.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                element[at..at + element[at..].find('"').unwrap()]
                    .parse::<f32>()
                    .unwrap()
            };
            (number("x"), number("y"), text)
        })
        .collect()
}

#[test]
fn grey_area_callouts_in_the_svg_neither_overlap_nor_cover_cards() {
    let mut journey = online();
    // Two more grey areas on the pair ga-1 joins, and one between non-neighbours.
    let first = journey.grey_areas[0].clone();
    for (id, title) in [
        ("ga-8", "Second gap on one pair"),
        ("ga-9", "Third gap on one pair"),
    ] {
        let mut more = first.clone();
        more.id = id.into();
        more.title = title.into();
        journey.grey_areas.push(more);
    }
    let mut far = first.clone();
    far.id = "ga-10".into();
    far.title = "Promise made early, broken late".into();
    far.from = "tp-1".into();
    far.to = "tp-9".into();
    journey.grey_areas.push(far);
    journeymap::format::validate(&journey)
        .is_empty()
        .then_some(())
        .expect("valid");

    let svg = export::svg(&journey, false);
    let texts = svg_positioned_texts(&svg);
    let theme = Theme::light();
    let layout = export::page_of(&journey, &ExportOptions::default()).layout;
    let place = |title: &str| {
        texts
            .iter()
            .find(|(_, _, t)| t == title)
            .map(|(x, y, _)| (*x, *y))
            .unwrap_or_else(|| panic!("{title:?} is drawn"))
    };
    let titles = [
        first.title.as_str(),
        "Second gap on one pair",
        "Third gap on one pair",
        "Promise made early, broken late",
    ];
    let (w, h) = (theme.metrics.callout_width, theme.metrics.callout_height);
    let boxes: Vec<(f32, f32)> = titles.iter().map(|t| place(t)).collect();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart = (a.0 - b.0).abs() >= w || (a.1 - b.1).abs() >= h;
            assert!(apart, "callouts at {a:?} and {b:?} overlap");
        }
        // Every callout title sits below the departments lane: never over a card.
        let cards_bottom = layout
            .slots
            .iter()
            .map(|s| s.department.max.y)
            .fold(0.0, f32::max);
        assert!(a.1 > cards_bottom, "{} over the cards", titles[i]);
    }
    // The far grey area's bracket covers no card.
    let far_box = layout
        .grey_areas
        .iter()
        .find(|g| g.id.as_str() == "ga-10")
        .unwrap();
    assert!(!far_box.neighbours);
    for slot in &layout.slots {
        assert!(!far_box.band.intersects(&slot.card), "covers {}", slot.id);
    }
}

#[test]
fn characters_xml_forbids_never_make_an_ill_formed_svg() {
    let mut journey = online();
    journey.title = "Returns\u{FFFE} and refunds\u{FFFF}".into();
    journey.touchpoints[0].title = "Tracks the parcel\u{FFFE}\u{0007}".into();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("odd.ron");
    format::save(&file, &journey).unwrap();
    // The map loads (the characters are legal in RON) and both exports succeed.
    let svg_path = dir.path().join("odd.svg");
    let png_path = dir.path().join("odd.png");
    for out in [&svg_path, &png_path] {
        let status = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .arg("export")
            .arg(&file)
            .arg("-o")
            .arg(out)
            .status()
            .unwrap();
        assert!(status.success(), "{}", out.display());
    }
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(!svg.contains('\u{FFFE}') && !svg.contains('\u{FFFF}'));
    assert!(svg.contains("Returns and refunds"));
    resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("well-formed");
    assert!(decode(&std::fs::read(&png_path).unwrap()).width() > 1000);
}

#[test]
fn a_png_too_large_is_refused_with_its_memory_before_rendering() {
    let journey = journeymap::generate::generate(2_000, 3);
    let error = export::png(
        &journey,
        ExportOptions {
            scale: 4.0,
            ..ExportOptions::default()
        },
    )
    .unwrap_err();
    let message = error.to_string();
    assert!(message.contains("too large for PNG"), "{message}");
    assert!(message.contains("MB to render"), "{message}");
}

/// A one-card map whose card title is `title`, as PNG pixels.
fn card_png(title: &str) -> image::RgbaImage {
    let mut journey = Journey::new("Scripts", Language::En);
    let card = Touchpoint::new(TouchpointId("tp-1".into()), Stage::Awareness, title);
    journey.touchpoints.push(card);
    decode(&export::png(&journey, ExportOptions::default()).unwrap())
}

#[test]
fn emoji_arabic_and_hebrew_draw_real_glyphs_not_tofu() {
    // The same text with every letter swapped for a character no font has: each draws
    // as the .notdef box. Were the fallback fonts missing, both would be the same boxes.
    let notdef = '\u{10FFFD}';
    for text in ["😡📦", "مرحبا بكم", "שלום עולם"] {
        let boxes: String = text
            .chars()
            .map(|c| if c == ' ' { ' ' } else { notdef })
            .collect();
        assert!(journeymap::fonts::uncovered(text).is_empty(), "{text}");
        let (real, tofu) = (card_png(text), card_png(&boxes));
        assert_eq!(real.dimensions(), tofu.dimensions());
        let differing = real
            .pixels()
            .zip(tofu.pixels())
            .filter(|(a, b)| a.0 != b.0)
            .count();
        assert!(
            differing > 40,
            "{text}: {differing} pixels differ from the boxes"
        );
    }
    // And every bundled face is in the SVG's font list, so other viewers fall back too.
    let svg = export::svg(&online(), false);
    for family in [
        "Inter",
        "Noto Sans Arabic",
        "Noto Sans Hebrew",
        "Noto Emoji",
    ] {
        assert!(svg.contains(family), "{family}");
    }
}

#[test]
fn text_no_bundled_font_covers_is_reported_by_element() {
    let mut journey = online();
    journey.touchpoints[2].title.push_str(" 配送が遅い");
    let id = journey.touchpoints[2].id.to_string();
    let found = export::uncovered_characters(&journey);
    assert_eq!(
        found,
        [(id.clone(), "配送が遅い".chars().collect::<Vec<_>>())]
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cjk.ron");
    format::save(&file, &journey).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("export")
        .arg(&file)
        .arg("-o")
        .arg(dir.path().join("cjk.svg"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "warning: {id}: no bundled font has \"配送が遅い\""
        )),
        "{stderr}"
    );
}

#[test]
fn pdf_is_vector_with_real_text_in_embedded_subset_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let pdf = dir.path().join("map.pdf");
    let status = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("export")
        .arg(&source)
        .arg("-o")
        .arg(&pdf)
        .status()
        .unwrap();
    assert!(status.success());
    let run = |tool: &str| {
        let output = Command::new(tool).arg(&pdf).arg("-").output();
        let output = output.unwrap_or_else(|e| panic!("{tool} (poppler-utils): {e}"));
        assert!(output.status.success(), "{tool}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    // The page is the map's page, one layout unit a point.
    let journey = online();
    let page = export::page_of(&journey, &ExportOptions::default());
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let size = format!("Page size:       {} x {} pts", page.width, page.height);
    assert!(info.contains(&size), "{info}");
    // Every touchpoint and grey-area title is text a reader can select and search.
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(&run("pdftotext"));
    for title in journey
        .touchpoints
        .iter()
        .map(|t| &t.title)
        .chain(journey.grey_areas.iter().map(|g| &g.title))
    {
        assert!(
            text.contains(&words(title)),
            "{title:?} is not in the PDF's text"
        );
    }
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout).into_owned();
    assert!(
        fonts.contains("+Inter-Regular") && fonts.contains("+Inter-Bold"),
        "{fonts}"
    );
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes yes ")),
        "embedded subsets: {fonts}"
    );
}

/// What every picture of `journey` must hold whole: each card's title, each stage's
/// name, each grey area's title, fix, owner and opportunities with their owners, each
/// card's strongest quote.
fn every_word(journey: &Journey) -> Vec<String> {
    let i18n = journeymap::i18n::I18n::new(journey.language);
    let mut said: Vec<String> = journey
        .touchpoints
        .iter()
        .map(|t| t.title.clone())
        .collect();
    said.extend(Stage::ALL.iter().map(|s| i18n.stage_name(journey, *s)));
    for grey in &journey.grey_areas {
        said.push(journeymap::words::grey_area_title(journey, grey, &i18n));
        if !grey.fix.is_empty() {
            said.push(journeymap::tr!(i18n, "callout-fix", fix = grey.fix.trim()));
        }
        if !grey.owner.is_empty() {
            said.push(journeymap::tr!(
                i18n,
                "callout-owner",
                owner = grey.owner.trim()
            ));
        }
    }
    for o in &journey.opportunities {
        said.push(o.idea.trim().to_owned());
        if !o.owner.is_empty() {
            said.push(o.owner.trim().to_owned());
        }
    }
    for t in &journey.touchpoints {
        if let Some(quote) = journeymap::scene::strongest_quote(journey, t) {
            said.push(quote.text.trim().to_owned());
        }
    }
    // The blueprint: every step's title, its actor and its time, and the three lines.
    for step in &journey.steps {
        said.push(step.title.trim().to_owned());
        let (actor, time) = journeymap::words::step_facts(journey, step, &i18n);
        said.extend(actor.into_iter().chain(time));
    }
    if !journey.steps.is_empty() {
        for (_, line) in journeymap::scene::BLUEPRINT_LINES {
            said.push(i18n.tr(line));
        }
    }
    said
}

#[test]
fn every_example_exports_every_word_whole_in_svg_and_pdf() {
    let squeeze = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let dir = tempfile::tempdir().unwrap();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    names.sort();
    assert!(names.len() >= 3);
    for source in names {
        let journey = format::load(&source).unwrap().journey;
        let svg = squeeze(&svg_texts(&export::svg(&journey, false)).join(" "));
        let pdf = dir.path().join("map.pdf");
        let status = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .arg("export")
            .arg(&source)
            .arg("-o")
            .arg(&pdf)
            .status()
            .unwrap();
        assert!(status.success());
        let output = Command::new("pdftotext")
            .arg("-raw")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = squeeze(&String::from_utf8_lossy(&output.stdout));
        for words in every_word(&journey) {
            let words = squeeze(&words);
            assert!(
                svg.contains(&words),
                "{}: {words:?} not whole in the SVG",
                source.display()
            );
            assert!(
                text.contains(&words),
                "{}: {words:?} not whole in the PDF",
                source.display()
            );
        }
    }
}
