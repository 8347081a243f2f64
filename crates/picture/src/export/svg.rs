//! Writes scene shapes as SVG: real `<text>` elements (selectable and editable in design
//! tools), a `<tspan>` a line as the text engine broke them (`TextBox::lines`), hatching as patterns, dashes as
//! `stroke-dasharray`. Output is deterministic: numbers are printed with fixed
//! precision and pattern ids follow first use.

use crate::layout::{Point, Rect};
use crate::model::Rgb;
use crate::scene::{Align, Line, Paint, Shape, TextBox};
use std::fmt::Write;

pub struct SvgWriter {
    body: String,
    defs: String,
    patterns: Vec<(Paint, u32, u32)>,
    /// The printed size in millimetres, for pages of paper (the view box is in points).
    physical_mm: Option<(f32, f32)>,
}

/// A number with at most two decimals, no trailing zeros.
fn n(value: f32) -> String {
    let text = format!("{:.2}", value);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

use super::web::escape;

fn fill_attrs(paint: Option<Paint>) -> String {
    match paint {
        Some(p) if p.alpha >= 1.0 => format!(" fill=\"{}\"", p.colour),
        Some(p) => format!(" fill=\"{}\" fill-opacity=\"{}\"", p.colour, n(p.alpha)),
        None => " fill=\"none\"".to_owned(),
    }
}

fn stroke_attrs(line: Option<&Line>) -> String {
    let Some(line) = line else {
        return String::new();
    };
    let mut out = format!(
        " stroke=\"{}\" stroke-width=\"{}\"",
        line.paint.colour,
        n(line.width)
    );
    if line.paint.alpha < 1.0 {
        let _ = write!(out, " stroke-opacity=\"{}\"", n(line.paint.alpha));
    }
    if let Some((dash, gap)) = line.dash {
        let _ = write!(out, " stroke-dasharray=\"{} {}\"", n(dash), n(gap));
    }
    out
}

impl SvgWriter {
    pub fn new() -> Self {
        Self {
            body: String::new(),
            defs: String::new(),
            patterns: Vec::new(),
            physical_mm: None,
        }
    }

    /// Says the document is a page of paper this many millimetres wide and high.
    pub fn on_paper(&mut self, width_mm: f32, height_mm: f32) {
        self.physical_mm = Some((width_mm, height_mm));
    }

    /// Starts a group moved by (dx, dy); close it with `end_group`.
    pub fn begin_group(&mut self, dx: f32, dy: f32) {
        let _ = writeln!(
            self.body,
            "<g transform=\"translate({} {})\">",
            n(dx),
            n(dy)
        );
    }

    pub fn end_group(&mut self) {
        self.body.push_str("</g>\n");
    }

    pub fn shapes(&mut self, shapes: &[Shape]) {
        for shape in shapes {
            self.shape(shape);
        }
    }

    fn shape(&mut self, shape: &Shape) {
        // Writing to a String cannot fail.
        let _ = match shape {
            Shape::Rect {
                rect,
                radius,
                fill,
                stroke,
            } => writeln!(
                self.body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}{}{}/>",
                n(rect.min.x),
                n(rect.min.y),
                n(rect.width().max(0.0)),
                n(rect.height().max(0.0)),
                if *radius > 0.0 {
                    format!(" rx=\"{}\"", n(*radius))
                } else {
                    String::new()
                },
                fill_attrs(*fill),
                stroke_attrs(stroke.as_ref()),
            ),
            Shape::Area { rect, paint } => writeln!(
                self.body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}/>",
                n(rect.min.x),
                n(rect.min.y),
                n(rect.width().max(0.0)),
                n(rect.height().max(0.0)),
                fill_attrs(Some(*paint)),
            ),
            Shape::Icon { rect, kind, colour } => writeln!(
                self.body,
                "{}",
                crate::icons::svg_group(*kind, rect.min.x, rect.min.y, rect.width(), *colour)
            ),
            Shape::Polyline { points, line } => {
                let coords: Vec<String> = points
                    .iter()
                    .map(|p| format!("{},{}", n(p.x), n(p.y)))
                    .collect();
                writeln!(
                    self.body,
                    "<polyline points=\"{}\" fill=\"none\" stroke-linejoin=\"round\"{}/>",
                    coords.join(" "),
                    stroke_attrs(Some(line))
                )
            }
            Shape::Flow {
                points,
                head,
                line,
                from,
                to,
            } => {
                let coords = |points: &[crate::layout::Point]| {
                    points
                        .iter()
                        .map(|p| format!("{},{}", n(p.x), n(p.y)))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let solid = Line {
                    dash: None,
                    ..*line
                };
                writeln!(
                    self.body,
                    "<g class=\"flow\" data-from=\"{}\" data-to=\"{}\"><polyline points=\"{}\" fill=\"none\" stroke-linejoin=\"round\"{}/><polyline points=\"{}\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\"{}/></g>",
                    escape(from),
                    escape(to),
                    coords(points),
                    stroke_attrs(Some(line)),
                    coords(head),
                    stroke_attrs(Some(&solid)),
                )
            }
            Shape::Circle {
                center,
                radius,
                fill,
                stroke,
            } => writeln!(
                self.body,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}{}/>",
                n(center.x),
                n(center.y),
                n(*radius),
                fill_attrs(*fill),
                stroke_attrs(stroke.as_ref())
            ),
            Shape::Hatch {
                rect,
                line,
                spacing,
            } => {
                let id = self.pattern(line, *spacing);
                writeln!(
                    self.body,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{id})\"/>",
                    n(rect.min.x),
                    n(rect.min.y),
                    n(rect.width()),
                    n(rect.height())
                )
            }
            Shape::Text(text) => {
                self.text(text);
                Ok(())
            }
        };
    }

    fn pattern(&mut self, line: &Line, spacing: f32) -> String {
        let key = (
            line.paint,
            (line.width * 100.0) as u32,
            (spacing * 100.0) as u32,
        );
        let index = match self.patterns.iter().position(|p| *p == key) {
            Some(index) => index,
            None => {
                self.patterns.push(key);
                let index = self.patterns.len() - 1;
                let _ = writeln!(
                    self.defs,
                    "<pattern id=\"hatch-{index}\" patternUnits=\"userSpaceOnUse\" width=\"{s}\" height=\"{s}\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"{s}\"{}/></pattern>",
                    stroke_attrs(Some(line)),
                    s = n(spacing),
                );
                index
            }
        };
        format!("hatch-{index}")
    }

    fn text(&mut self, t: &TextBox) {
        if t.text.trim().is_empty() || t.max_width <= 0.0 {
            return;
        }
        let lines = t.lines();
        let anchor = match t.align {
            Align::Left => "",
            Align::Center => " text-anchor=\"middle\"",
            Align::Right => " text-anchor=\"end\"",
        };
        let weight = if t.bold { " font-weight=\"700\"" } else { "" };
        let baseline = t.pos.y + crate::text::ascent(t.bold) * t.size;
        let line_height = crate::text::line_height(t.size);
        let _ = write!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight}{anchor} fill=\"{}\">",
            n(t.pos.x),
            n(baseline),
            n(t.size),
            t.colour
        );
        for (i, line) in lines.iter().enumerate() {
            let y = baseline + i as f32 * line_height;
            let _ = write!(
                self.body,
                "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                n(t.pos.x),
                n(y),
                escape(line)
            );
        }
        self.body.push_str("</text>\n");
    }

    /// The finished document.
    pub fn finish(
        self,
        width: f32,
        height: f32,
        background: Option<Rgb>,
        title: &str,
        description: &str,
    ) -> String {
        let mut out = String::with_capacity(self.body.len() + self.defs.len() + 512);
        let (outer_w, outer_h) = match self.physical_mm {
            Some((w, h)) => (format!("{}mm", n(w)), format!("{}mm", n(h))),
            None => (n(width), n(height)),
        };
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{outer_w}\" height=\"{outer_h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{family}\">",
            w = n(width),
            h = n(height),
            // Inherited by every text: Inter, then the fallbacks for other scripts.
            family = crate::fonts::svg_family_list()
        );
        let _ = writeln!(out, "<title>{}</title>", escape(title));
        if !description.trim().is_empty() {
            let _ = writeln!(out, "<desc>{}</desc>", escape(description.trim()));
        }
        if !self.defs.is_empty() {
            let _ = write!(out, "<defs>\n{}</defs>\n", self.defs);
        }
        if let Some(background) = background {
            let rect = Rect {
                min: Point::new(0.0, 0.0),
                max: Point::new(width, height),
            };
            let _ = writeln!(
                out,
                "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"{background}\"/>",
                n(rect.width()),
                n(rect.height())
            );
        }
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_compact_and_stable() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.5), "1.5");
        assert_eq!(n(1.256), "1.26");
        assert_eq!(n(-0.001), "0");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        assert_eq!(escape("a\u{FFFE}b\u{FFFF}\u{1}c"), "ab c");
    }
}
