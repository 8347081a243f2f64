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

/// The text of each `<text>` of an SVG of ours, its lines joined by spaces.
pub fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .map(|element| {
            let element = &element[..element.find("</text>").unwrap()];
            element
                .split("<tspan")
                .skip(1)
                .map(|span| {
                    let start = span.find('>').unwrap() + 1;
                    let end = span.find("</tspan>").unwrap();
                    span[start..end]
                        .replace("&apos;", "'")
                        .replace("&amp;", "&")
                        .replace("&quot;", "\"")
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
