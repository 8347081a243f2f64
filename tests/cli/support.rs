//! Helpers the command-line test files share.

use journeymap::model::Journey;
use std::path::Path;

/// The bundled planned-vs-actual example, parsed, and its text.
pub fn broadband() -> (Journey, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/broadband-onboarding-planned-vs-actual.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    (journeymap::format::parse(&text).unwrap().journey, text)
}

/// A number as the SVG writer prints it (two decimals at most, no trailing zeros).
pub fn n(value: f32) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The text of each `<text>` of an SVG of ours, its lines joined by spaces, read by
/// an XML parser (every entity as XML reads it).
pub fn svg_texts(svg: &str) -> Vec<String> {
    let document = resvg::usvg::roxmltree::Document::parse(svg).expect("the SVG is XML");
    document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|text| {
            let spans: Vec<String> = text
                .children()
                .filter(|c| c.has_tag_name("tspan"))
                .map(|span| span.text().unwrap_or_default().to_owned())
                .collect();
            if spans.is_empty() {
                text.text().unwrap_or_default().to_owned()
            } else {
                spans.join(" ")
            }
        })
        .collect()
}

/// A PDF's pages and their size in points, from `pdfinfo -f 1 -l 999` (poppler-utils).
pub fn pdf_page_sizes(pdf: &std::path::Path) -> Vec<(f32, f32)> {
    let output = std::process::Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils, scripts/install-deps.sh)");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let numbers: Vec<f32> = l
                .split(':')
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (numbers[0], numbers[1])
        })
        .collect()
}
