//! The overlap invariant, checked on a composed display list (a whole page, slide or
//! poster, in one coordinate space): no text run intersects another text run, crosses
//! the edge of a box (a card, a callout, a chip, a band, a swatch), a line (a leader, a
//! bracket, a curve, a rule, an arrow) or a circle it does not sit inside (a badge, a
//! point of the curve). A box's edge crossed is also a text leaving its box. Only
//! backgrounds (`Shape::Area`) and lines drawn over text on purpose (`Shape::Cross`)
//! may lie under words.
//!
//! Extents are the text engine's (`TextBox::extent`): what every writer draws.

use super::{Shape, TextBox};
use crate::layout::{Point, Rect};

/// How much two things may touch before it counts (rounding, antialiasing).
const SLACK: f32 = 0.75;
/// The grid the page is cut into, so each thing is compared with its neighbours only.
const CELL: f32 = 256.0;

/// What a text run was found overlapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlap {
    /// The text run (its first line).
    pub text: String,
    /// What it overlaps, in words: "text “…”", "box", "line", "circle".
    pub other: String,
    pub at: Rect,
}

impl std::fmt::Display for Overlap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "“{}” overlaps {} at ({:.0}, {:.0})",
            self.text, self.other, self.at.min.x, self.at.min.y
        )
    }
}

enum Obstacle {
    /// A box: text must be wholly inside or wholly outside it.
    Box(Rect),
    Segment(Point, Point),
    Circle(Point, f32),
}

impl Obstacle {
    fn bounds(&self) -> Rect {
        match self {
            Obstacle::Box(r) => *r,
            Obstacle::Segment(a, b) => Rect {
                min: Point::new(a.x.min(b.x), a.y.min(b.y)),
                max: Point::new(a.x.max(b.x), a.y.max(b.y)),
            },
            Obstacle::Circle(c, r) => Rect {
                min: Point::new(c.x - r, c.y - r),
                max: Point::new(c.x + r, c.y + r),
            },
        }
    }

    /// Whether `text` (an extent) is in the way of this obstacle.
    fn hit(&self, text: &Rect) -> bool {
        let inner = shrink(text, SLACK);
        match self {
            Obstacle::Box(r) => {
                overlaps(&inner, r) && !contains(&grow(r, SLACK), text) && !contains(text, r)
            }
            Obstacle::Segment(a, b) => segment_hits(*a, *b, &inner),
            Obstacle::Circle(c, radius) => {
                let bounds = self.bounds();
                // A text set inside a circle (a badge's "!") belongs to it.
                overlaps(&inner, &bounds)
                    && !contains(&grow(&bounds, SLACK), text)
                    && circle_hits(*c, *radius, &inner)
            }
        }
    }

    fn name(&self) -> String {
        match self {
            Obstacle::Box(r) => format!(
                "the edge of a box ({:.0}, {:.0})–({:.0}, {:.0})",
                r.min.x, r.min.y, r.max.x, r.max.y
            ),
            Obstacle::Segment(a, b) => {
                format!("a line ({:.0}, {:.0})–({:.0}, {:.0})", a.x, a.y, b.x, b.y)
            }
            Obstacle::Circle(c, r) => {
                format!("a circle at ({:.0}, {:.0}), radius {r:.0}", c.x, c.y)
            }
        }
    }
}

fn shrink(r: &Rect, by: f32) -> Rect {
    Rect {
        min: Point::new(r.min.x + by, r.min.y + by),
        max: Point::new(r.max.x - by, r.max.y - by),
    }
}

fn grow(r: &Rect, by: f32) -> Rect {
    shrink(r, -by)
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
}

fn contains(outer: &Rect, inner: &Rect) -> bool {
    outer.min.x <= inner.min.x
        && outer.min.y <= inner.min.y
        && inner.max.x <= outer.max.x
        && inner.max.y <= outer.max.y
}

/// Whether the segment a–b passes through the rectangle.
fn segment_hits(a: Point, b: Point, r: &Rect) -> bool {
    r.min.x < r.max.x && r.min.y < r.max.y && clip(a, b, r).is_some()
}

/// The part of the segment a–b inside the rectangle, as the interval of t (a at 0, b at
/// 1) it spans; none when it misses (Liang–Barsky clipping).
pub(crate) fn clip(a: Point, b: Point, r: &Rect) -> Option<(f32, f32)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-dx, a.x - r.min.x),
        (dx, r.max.x - a.x),
        (-dy, a.y - r.min.y),
        (dy, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return None;
            }
        }
    }
    Some((t0, t1))
}

fn circle_hits(c: Point, radius: f32, r: &Rect) -> bool {
    let x = c.x.clamp(r.min.x, r.max.x);
    let y = c.y.clamp(r.min.y, r.max.y);
    (x - c.x).powi(2) + (y - c.y).powi(2) < radius * radius
}

fn cells(r: &Rect) -> impl Iterator<Item = (i32, i32)> {
    let cell = |v: f32| (v / CELL).floor().clamp(-1.0e6, 1.0e6) as i32;
    let (x0, x1, y0, y1) = (cell(r.min.x), cell(r.max.x), cell(r.min.y), cell(r.max.y));
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

/// Every overlap in `shapes` (empty when the invariant holds).
pub fn check(shapes: &[Shape]) -> Vec<Overlap> {
    let mut texts: Vec<(Rect, &TextBox)> = Vec::new();
    let mut obstacles: Vec<Obstacle> = Vec::new();
    for shape in shapes {
        match shape {
            Shape::Text(t) => {
                let extent = t.extent();
                if extent.width() > 0.0 && extent.height() > 0.0 {
                    texts.push((extent, t));
                }
            }
            Shape::Rect { rect, .. } | Shape::Hatch { rect, .. } | Shape::Icon { rect, .. } => {
                obstacles.push(Obstacle::Box(*rect));
            }
            Shape::Polyline { points, .. } => {
                for pair in points.windows(2) {
                    obstacles.push(Obstacle::Segment(pair[0], pair[1]));
                }
            }
            Shape::Flow { points, head, .. } => {
                for pair in points.windows(2).chain(head.windows(2)) {
                    obstacles.push(Obstacle::Segment(pair[0], pair[1]));
                }
            }
            Shape::Circle { center, radius, .. } => {
                obstacles.push(Obstacle::Circle(*center, *radius));
            }
            Shape::Area { .. } => {}
        }
    }
    let mut grid: foldhash::HashMap<(i32, i32), Vec<usize>> = foldhash::HashMap::default();
    for (i, (extent, _)) in texts.iter().enumerate() {
        for cell in cells(extent) {
            grid.entry(cell).or_default().push(i);
        }
    }
    let first_line = |t: &TextBox| t.lines().into_iter().next().unwrap_or_default();
    let mut found = Vec::new();
    let mut pairs = foldhash::HashSet::default();
    for (i, (extent, t)) in texts.iter().enumerate() {
        for cell in cells(extent) {
            for &j in grid.get(&cell).into_iter().flatten() {
                if j <= i || !pairs.insert((i, j)) {
                    continue;
                }
                let (other, u) = &texts[j];
                if overlaps(&shrink(extent, SLACK), &shrink(other, SLACK)) {
                    found.push(Overlap {
                        text: first_line(t),
                        other: format!("text “{}”", first_line(u)),
                        at: *extent,
                    });
                }
            }
        }
    }
    for obstacle in &obstacles {
        let mut near = foldhash::HashSet::default();
        for cell in cells(&obstacle.bounds()) {
            near.extend(grid.get(&cell).into_iter().flatten().copied());
        }
        for i in near {
            let (extent, t) = &texts[i];
            if obstacle.hit(extent) {
                found.push(Overlap {
                    text: first_line(t),
                    other: obstacle.name(),
                    at: *extent,
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Align, Line, Paint};

    fn words(x: f32, y: f32, text: &str) -> Shape {
        Shape::Text(TextBox {
            pos: Point::new(x, y),
            text: text.to_owned(),
            size: 12.0,
            bold: false,
            colour: crate::model::Rgb::hex(0),
            max_width: 400.0,
            max_lines: 1,
            align: Align::Left,
        })
    }

    #[test]
    fn each_kind_of_overlap_is_found_and_clear_pages_pass() {
        let card = Rect::from_min_size(0.0, 0.0, 200.0, 100.0);
        let boxed = Shape::Rect {
            rect: card,
            radius: 4.0,
            fill: Some(Paint::solid(crate::model::Rgb::hex(0xffffff))),
            stroke: None,
        };
        // Inside its box, clear of everything: fine.
        assert!(check(&[boxed.clone(), words(10.0, 10.0, "Inside")]).is_empty());
        // Two runs on top of each other.
        assert_eq!(
            check(&[words(10.0, 10.0, "One"), words(12.0, 12.0, "Two")]).len(),
            1
        );
        // A run leaving its box.
        assert_eq!(
            check(&[boxed.clone(), words(150.0, 10.0, "Too long to stay in")]).len(),
            1
        );
        // A line through a run.
        let leader = Shape::Polyline {
            points: vec![Point::new(20.0, 0.0), Point::new(20.0, 50.0)],
            line: Line::solid(crate::model::Rgb::hex(0), 2.0),
        };
        assert_eq!(check(&[leader, words(10.0, 10.0, "Crossed")]).len(), 1);
        // A badge on a run; a text inside a badge is its own.
        let badge = Shape::Circle {
            center: Point::new(30.0, 18.0),
            radius: 10.0,
            fill: None,
            stroke: None,
        };
        assert_eq!(
            check(&[badge.clone(), words(10.0, 10.0, "Covered")]).len(),
            1
        );
        assert!(check(&[badge, words(27.0, 12.0, "!")]).is_empty());
        // Backgrounds and strike-throughs may lie under words.
        let area = Shape::Area {
            rect: Rect::from_min_size(0.0, 0.0, 15.0, 15.0),
            paint: Paint::solid(crate::model::Rgb::hex(0)),
        };
        assert!(check(&[area, words(10.0, 10.0, "Over a background")]).is_empty());
    }
}
