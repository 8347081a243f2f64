//! The blueprint's flow on the map: a path for each `after` edge, from the earlier
//! step's card to the later one's, orthogonal and through the gaps between cards. Each
//! edge tries its paths best first (straight along a lane; down or up the gap before
//! the later card, or after the earlier one; straight down or up in one column; along
//! the top or the bottom of the later card's lane) and takes the first that crosses no
//! other card, found through a grid of the cards, so the cost grows with the edges.

use super::{Point, Rect, StepBox};
use crate::model::Journey;
use foldhash::HashMap;

/// One arrow of the flow.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowBox {
    /// The two steps, as indexes of `journey.steps`.
    pub from: usize,
    pub to: usize,
    pub points: Vec<Point>,
    /// The path's bounding box (to draw only what is in view).
    pub bounds: Rect,
}

/// The side of a grid cell.
const CELL: f32 = 128.0;

/// The step cards by the grid cells they cover.
struct Grid<'a> {
    steps: &'a [StepBox],
    cells: HashMap<(i32, i32), Vec<usize>>,
}

impl<'a> Grid<'a> {
    fn new(steps: &'a [StepBox]) -> Self {
        let mut cells: HashMap<(i32, i32), Vec<usize>> = HashMap::default();
        for (k, s) in steps.iter().enumerate() {
            for cell in cells_of(s.rect) {
                cells.entry(cell).or_default().push(k);
            }
        }
        Grid { steps, cells }
    }

    /// Whether the segment crosses a card other than those at `skip`.
    fn blocked(&self, p: Point, q: Point, skip: [usize; 2]) -> bool {
        let span = Rect {
            min: Point::new(p.x.min(q.x), p.y.min(q.y)),
            max: Point::new(p.x.max(q.x), p.y.max(q.y)),
        };
        cells_of(span).any(|cell| {
            self.cells.get(&cell).is_some_and(|found| {
                found
                    .iter()
                    .any(|&k| !skip.contains(&k) && crosses(p, q, self.steps[k].rect))
            })
        })
    }
}

fn cells_of(r: Rect) -> impl Iterator<Item = (i32, i32)> {
    let (x0, x1) = (
        (r.min.x / CELL).floor() as i32,
        (r.max.x / CELL).floor() as i32,
    );
    let (y0, y1) = (
        (r.min.y / CELL).floor() as i32,
        (r.max.y / CELL).floor() as i32,
    );
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

/// Whether a segment crosses the inside of `r`.
fn crosses(p: Point, q: Point, r: Rect) -> bool {
    let r = r.shrink(1.0);
    if p.x.max(q.x) < r.min.x
        || p.x.min(q.x) > r.max.x
        || p.y.max(q.y) < r.min.y
        || p.y.min(q.y) > r.max.y
    {
        return false;
    }
    // An orthogonal segment (the arrows' are) overlapping the box on both axes crosses
    // it; a slanted one is sampled.
    (p.x - q.x).abs() < 0.01
        || (p.y - q.y).abs() < 0.01
        || (0..=16).any(|k| {
            let t = k as f32 / 16.0;
            r.contains(Point::new(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t))
        })
}

/// The paths an arrow from `a` to `b` may take, best first.
fn paths(a: Rect, b: Rect, gap: f32, lane_gap: f32) -> Vec<Vec<Point>> {
    let mut paths = Vec::new();
    let (ya, yb) = (a.center().y, b.center().y);
    if (a.center().x - b.center().x).abs() < 1.0 {
        paths.push(if b.min.y >= a.max.y {
            vec![
                Point::new(a.center().x, a.max.y),
                Point::new(b.center().x, b.min.y),
            ]
        } else {
            vec![
                Point::new(a.center().x, a.min.y),
                Point::new(b.center().x, b.max.y),
            ]
        });
    }
    if b.min.x >= a.max.x {
        if (a.min.y - b.min.y).abs() < 1.0 {
            paths.push(vec![Point::new(a.max.x, ya), Point::new(b.min.x, yb)]);
        } else {
            // A third of the way across the gap: a grey area's bar between two steps
            // runs at two thirds.
            let before_b = (b.min.x - gap * 2.0 / 3.0).max(a.max.x + 1.0);
            let after_a = (a.max.x + gap / 3.0).min(b.min.x - 1.0);
            for x in [before_b, after_a] {
                paths.push(vec![
                    Point::new(a.max.x, ya),
                    Point::new(x, ya),
                    Point::new(x, yb),
                    Point::new(b.min.x, yb),
                ]);
            }
        }
    }
    // Out of `a`'s side, along the top of `b`'s lane a third of the lane gap above its
    // cards (its line runs at half), or along its bottom, then down or up the gap
    // before `b`.
    let (start, out_x) = if b.min.x >= a.max.x {
        (Point::new(a.max.x, ya), a.max.x + gap / 2.0)
    } else {
        (Point::new(a.min.x, ya), a.min.x - gap / 2.0)
    };
    let in_x = b.min.x - gap / 2.0;
    for corridor in [b.min.y - lane_gap / 3.0, b.max.y + lane_gap / 3.0] {
        paths.push(vec![
            start,
            Point::new(out_x, ya),
            Point::new(out_x, corridor),
            Point::new(in_x, corridor),
            Point::new(in_x, yb),
            Point::new(b.min.x, yb),
        ]);
    }
    paths
}

/// Every `after` edge between two steps laid out in `steps` (each step's box there
/// found by its index in the journey), with its path.
pub fn flows(journey: &Journey, steps: &[StepBox], gap: f32, lane_gap: f32) -> Vec<FlowBox> {
    if steps.is_empty() {
        return Vec::new();
    }
    let at: HashMap<usize, usize> = steps
        .iter()
        .enumerate()
        .map(|(k, s)| (s.index, k))
        .collect();
    let grid = Grid::new(steps);
    let mut out = Vec::new();
    for (k, to) in steps.iter().enumerate() {
        let Some(step) = journey.steps.get(to.index) else {
            continue;
        };
        for before in &step.after {
            let Some(from) = journey
                .step_position(before)
                .and_then(|i| at.get(&i).copied())
            else {
                continue;
            };
            let skip = [from, k];
            let mut options = paths(steps[from].rect, to.rect, gap, lane_gap);
            let last = options.pop().unwrap_or_default();
            let points = options
                .into_iter()
                .find(|path| path.windows(2).all(|s| !grid.blocked(s[0], s[1], skip)))
                .unwrap_or(last);
            let bounds = points.iter().fold(
                Rect {
                    min: Point::new(f32::MAX, f32::MAX),
                    max: Point::new(f32::MIN, f32::MIN),
                },
                |r, p| Rect {
                    min: Point::new(r.min.x.min(p.x), r.min.y.min(p.y)),
                    max: Point::new(r.max.x.max(p.x), r.max.y.max(p.y)),
                },
            );
            out.push(FlowBox {
                from: steps[from].index,
                to: to.index,
                points,
                // A straight arrow is a line: its box gets the head's room.
                bounds: bounds.shrink(-8.0),
            });
        }
    }
    out
}
