//! The canvas and the exports measure words alike: every line the canvas paints is an
//! egui galley of the line the text engine broke. The tolerance this test states: in
//! Latin script (accents and punctuation included) egui's width is the engine's within
//! 0.5 % (measured: 0.1 % at most); in what egui cannot shape (Arabic letters joined,
//! an emoji sequence joined with zero-width joiners, drawn by egui one by one) within
//! 10 % (measured: 4 % and 7.5 %).

use crate::common::*;
use egui::{Key, Modifiers};

/// The lines the canvas painted: text, size in pixels, bold, and egui's width.
fn painted_lines(
    h: &egui_kittest::Harness<'_, journeymap::app::JourneyApp>,
) -> Vec<(String, f32, bool, f32)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, f32, bool, f32)>) {
        match shape {
            egui::Shape::Text(text) => {
                let job = &text.galley.job;
                if let [section] = job.sections.as_slice() {
                    let bold =
                        section.format.font_id.family == egui::FontFamily::Name("bold".into());
                    out.push((
                        job.text.clone(),
                        section.format.font_id.size,
                        bold,
                        text.galley.size().x,
                    ));
                }
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

#[test]
fn canvas_lines_measure_as_the_text_engine_measures_them() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let mut journey = journeymap::format::load(&path).unwrap().journey;
    // Other scripts too: accents, Arabic, Hebrew, an emoji sequence.
    journey.touchpoints[0].title = "Señal débil — أين طلبي؟ שלום 👩‍👩‍👧 ok".into();
    let (app, _dialogs) = app_with(journey.clone(), journeymap::model::Language::En);
    let mut h = harness_sized(app, 1600.0, 900.0);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::H);
    h.run();
    let journey_titles: Vec<&str> = journey
        .touchpoints
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    let mut compared = 0;
    let mut worst: (f32, String) = (0.0, String::new());
    for (line, size, bold, egui_width) in painted_lines(&h) {
        // The map's words (the panels' widgets are egui's own).
        let on_map = journey_titles.iter().any(|t| t.contains(line.trim()))
            || journey
                .touchpoints
                .iter()
                .any(|t| t.action.contains(line.trim()));
        if !on_map || line.trim().is_empty() {
            continue;
        }
        let engine = journeymap::text::width(&line, size, bold);
        let off = (egui_width - engine).abs();
        let latin = line
            .chars()
            .all(|c| (c as u32) < 0x0250 || ('\u{2000}'..='\u{206f}').contains(&c));
        let allowed = if latin {
            (0.005 * engine).max(0.25)
        } else {
            0.10 * engine
        };
        if off / engine.max(1.0) > worst.0 {
            worst = (off / engine.max(1.0), line.clone());
        }
        assert!(
            off <= allowed,
            "{line:?} at {size} px: egui {egui_width:.1}, engine {engine:.1}"
        );
        compared += 1;
    }
    eprintln!(
        "{compared} lines compared; worst {:.2} % on {:?}",
        worst.0 * 100.0,
        worst.1
    );
    assert!(compared >= 20, "{compared} lines compared");
}
