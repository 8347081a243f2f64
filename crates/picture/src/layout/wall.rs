//! The wall: six stage columns side by side, each stage's cards stacked in reading
//! order (a grid when the stage holds many), so a whole journey fits a window or a
//! page. Below the cards, the emotion curve runs through every touchpoint left to right
//! with the grey areas marked on it, and the grey areas' callouts under that, as on the
//! timeline. What a touchpoint's card holds is drawn as on the timeline; its doing,
//! thinking and pain-point lanes are the timeline's (the wall is the overview).
//!
//! The number of card rows is chosen for the space: the one that lets the stages,
//! cards and curve be drawn largest in a `width / height = aspect` window.

use super::{
    Arrangement, BRACKET_HEIGHT, GreyAreaBox, Lane, LaneBox, MapLayout, Point, Rect, Slot,
    StageBox, StepBox, place_callouts,
};
use crate::model::{Journey, Stage, StepId, TouchpointId};
use crate::theme::Metrics;

/// Space between two callouts on the wall.
const CALLOUT_GAP: f32 = 12.0;

/// Each grey area's callout under its own stage (the column holding its band's
/// middle), under its band as far as the column allows, the stage's callouts stacked
/// in the order of their bands, each as high up as the callouts already placed allow; a straight leader from the band (or
/// bracket) down to the callout's top, drawn behind the callouts it passes. Returns
/// the callouts' right ends and the grey-area lane's height; none without grey areas.
fn under_own_stages(
    grey_areas: &mut [GreyAreaBox],
    stages: &[StageBox],
    grey_top: f32,
    m: &Metrics,
) -> Option<(Vec<f32>, f32)> {
    // Under the brackets, where the timeline's placement starts its first row.
    let top = grey_areas
        .iter()
        .map(|g| g.callout.min.y)
        .fold(None, |least: Option<f32>, y| {
            Some(least.map_or(y, |l| l.min(y)))
        })?;
    let (width, height) = (m.callout_width, m.callout_height);
    let mut order: Vec<usize> = (0..grey_areas.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| (grey_areas[i].band.center().x, grey_areas[i].index);
        key(a).0.total_cmp(&key(b).0).then(key(a).1.cmp(&key(b).1))
    });
    let mut placed: Vec<Rect> = Vec::with_capacity(order.len());
    // The leaders drawn so far: the x they span and their run from the band down.
    let mut leaders: Vec<(f32, f32, f32, f32)> = Vec::with_capacity(order.len());
    for i in order {
        let grey = &mut grey_areas[i];
        // The leader starts where the timeline's placement starts it: at a band's
        // foot (side by side when bands are shared), below a bracket's badge.
        let start = grey
            .leader
            .first()
            .copied()
            .unwrap_or(Point::new(grey.band.center().x, grey.band.max.y));
        let middle = start.x;
        let from_y = start.y;
        let column = stages
            .iter()
            .find(|s| s.column.min.x <= middle && middle < s.column.max.x)
            .map_or(Rect::from_min_size(middle, 0.0, 0.0, 0.0), |s| s.column);
        // (The map grows on its right for a callout wider than the last column.)
        let on_map = |x: f32| x.max(PADDING);
        // Under its band as far as its column allows; else at either side of the
        // column.
        let centred = on_map(
            (middle - width / 2.0)
                .min(column.max.x - PADDING - width)
                .max(column.min.x + PADDING),
        );
        let candidates = [
            centred,
            on_map(column.min.x + PADDING),
            on_map(column.max.x - PADDING - width),
        ];
        // The highest place at `x` that covers no callout and no leader, and whether
        // its own leader would pass behind a callout.
        let highest = |x: f32| {
            let leader_x = middle.clamp(x + 16.0, x + width - 16.0);
            let mut y = top;
            loop {
                let here = Rect::from_min_size(x, y, width, height);
                let over = |a0: f32, a1: f32, b0: f32, b1: f32| a0 < b1 && b0 < a1;
                let callouts = placed
                    .iter()
                    .filter(|p| {
                        over(
                            p.min.x - CALLOUT_GAP,
                            p.max.x + CALLOUT_GAP,
                            here.min.x,
                            here.max.x,
                        ) && over(
                            p.min.y - CALLOUT_GAP,
                            p.max.y + CALLOUT_GAP,
                            here.min.y,
                            here.max.y,
                        )
                    })
                    .map(|p| p.max.y + CALLOUT_GAP);
                let covered = leaders
                    .iter()
                    .filter(|(x0, x1, y0, y1)| {
                        over(*x0, *x1 + 0.1, here.min.x, here.max.x)
                            && over(*y0, *y1, here.min.y, here.max.y)
                    })
                    .map(|(_, _, _, y1)| y1 + CALLOUT_GAP);
                let crossed = placed
                    .iter()
                    .filter(|p| {
                        over(
                            p.min.x - 4.0,
                            p.max.x + 4.0,
                            middle.min(leader_x),
                            middle.max(leader_x) + 0.1,
                        ) && over(from_y, here.min.y, p.min.y, p.max.y)
                    })
                    .map(|p| p.max.y);
                // Lower down the leader only grows: a crossing stays.
                let crossing = crossed.count() > 0;
                match callouts.chain(covered).reduce(f32::max) {
                    Some(below) => y = below,
                    None => return (crossing, y, leader_x),
                }
            }
        };
        // A leader behind no callout first, then the highest.
        let (x, (_, y, leader_x)) = candidates
            .iter()
            .map(|&x| (x, highest(x)))
            .min_by(|a, b| a.1.0.cmp(&b.1.0).then(a.1.1.total_cmp(&b.1.1)))
            .unwrap_or((centred, (false, top, middle)));
        let callout = Rect::from_min_size(x, y, width, height);
        placed.push(callout);
        leaders.push((middle.min(leader_x), middle.max(leader_x), from_y, y));
        grey.callout = callout;
        grey.leader = vec![
            Point::new(middle, from_y),
            Point::new(leader_x, callout.min.y),
        ];
    }
    let bottom = placed.iter().map(|p| p.max.y).fold(top, f32::max);
    let ends = placed.iter().map(|p| p.max.x).collect();
    Some((ends, bottom + CALLOUT_GAP - grey_top))
}

/// Space between a stage column's edge and its cards.
pub const PADDING: f32 = 6.0;
/// Space between columns of cards in a stage, at most.
const COLUMN_GAP: f32 = 10.0;

fn column_gap(m: &Metrics) -> f32 {
    m.slot_gap.min(COLUMN_GAP)
}

/// Space between rows of cards.
const ROW_GAP: f32 = 10.0;
/// Space between a card and its cells on a wall with every lane.
const CELL_GAP: f32 = 4.0;
/// Height of the emotion curve's band, as a share of the timeline's emotion lane.
const BAND_SHARE: f32 = 0.76;

fn band_height(m: &Metrics) -> f32 {
    m.emotion_height * BAND_SHARE
}

/// Lays out `journey` as a wall fitted to a window of `aspect` = width / height.
pub fn wall(journey: &Journey, m: &Metrics, aspect: f32) -> MapLayout {
    let rows = best_rows(&stage_counts(journey), m, aspect);
    wall_with_rows(journey, m, rows)
}

fn stage_counts(journey: &Journey) -> Vec<usize> {
    Stage::ALL
        .iter()
        .map(|s| journey.stage_range(*s).len())
        .collect()
}

/// The numbers of card rows worth trying for `journey`, most rows first: the fewest
/// rows for each number of columns in its fullest stage (about 2√n of them).
pub fn wall_rows(journey: &Journey) -> Vec<usize> {
    row_candidates(&stage_counts(journey))
}

fn row_candidates(counts: &[usize]) -> Vec<usize> {
    let fullest = counts.iter().copied().max().unwrap_or(0).max(1);
    let mut rows: Vec<usize> = Vec::new();
    for columns in 1..=fullest {
        let r = fullest.div_ceil(columns);
        if rows.last() != Some(&r) {
            rows.push(r);
        }
        if r == 1 {
            break;
        }
    }
    rows
}

/// Lays out `journey` as a wall with at most `rows` rows of cards in each stage.
pub fn wall_with_rows(journey: &Journey, m: &Metrics, rows: usize) -> MapLayout {
    wall_with(journey, m, rows, false)
}

/// The cells of a touchpoint's lanes under its card on a wall with every lane, top
/// down: evidence (when shown), doing and thinking, pain points and opportunities,
/// department; each `(height, gap above)`.
fn cells(m: &Metrics) -> [(f32, f32); 4] {
    let gap = |h: f32| if h > 0.0 { CELL_GAP } else { 0.0 };
    [
        (m.evidence_height, gap(m.evidence_height)),
        (m.doing_height, gap(m.doing_height)),
        (m.pains_height, gap(m.pains_height)),
        (m.department_height, gap(m.department_height)),
    ]
}

/// How high a card is on the wall: with every lane, its cells under it.
fn cell_height(m: &Metrics, every_lane: bool) -> f32 {
    if every_lane {
        m.card_height + cells(m).iter().map(|(h, g)| h + g).sum::<f32>()
    } else {
        m.card_height
    }
}

/// Lays out `journey` as a wall with at most `rows` rows of cards in each stage; with
/// `every_lane`, each card carries its evidence, doing and thinking, pain points and
/// opportunities and department under it (a large sheet prints the whole map as a
/// wall).
pub fn wall_with(journey: &Journey, m: &Metrics, rows: usize, every_lane: bool) -> MapLayout {
    let counts = stage_counts(journey);
    let rows = rows.max(1);
    let columns = |n: usize| n.div_ceil(rows).max(1);
    let cell = cell_height(m, every_lane);

    // The headers are as high as their names and notes need (`scene::fitted`).
    let header_height = m.stage_header_height;
    let cards_top = header_height + m.lane_gap;
    let cards_height = rows as f32 * cell + (rows - 1) as f32 * ROW_GAP;
    let band_top = cards_top + cards_height + m.lane_gap;
    let band = band_height(m);
    let neutral_y = band_top + band / 2.0;
    let score_step = super::score_step(band, 0.0);
    // The blueprint's lanes under the curve: each stage's steps of a layer in a grid
    // of the stage's card columns.
    let blueprint = super::shows_blueprint(journey, m);
    let mut step_rows = [0usize; 3];
    if blueprint {
        for (stage, &count) in Stage::ALL.iter().zip(&counts) {
            let mut per_lane = [0usize; 3];
            for step in &journey.steps[journey.step_range(*stage)] {
                per_lane[step.lane as usize] += 1;
            }
            for (rows_needed, n) in step_rows.iter_mut().zip(per_lane) {
                *rows_needed = (*rows_needed).max(n.div_ceil(columns(count)));
            }
        }
    }
    // On the wall the blueprint's lanes go under the callouts (laid out from 0 here,
    // moved down once the callouts' height is known), so no leader from the curve to
    // a callout crosses a step.
    let mut blueprint_rows = Vec::new();
    let mut y = 0.0;
    for lane in [Lane::Frontstage, Lane::Backstage, Lane::Support] {
        let k = lane.layer().map_or(0, |l| l as usize);
        let h = super::blueprint_height(journey, m, lane, step_rows[k]);
        // Room at the lane's top for its line's label (the wall has no label column).
        let h = if h > 0.0 { h + m.line_label_room } else { h };
        blueprint_rows.push((lane, y, h));
        if h > 0.0 {
            y += h + m.lane_gap;
        }
    }
    let blueprint_height = y;
    let grey_top = band_top + band + m.lane_gap;
    let lowest = journey
        .touchpoints
        .iter()
        .filter_map(|t| t.emotion_score())
        .min();

    let mut slots = Vec::with_capacity(journey.touchpoints.len());
    let mut steps: Vec<StepBox> = Vec::new();
    // Where each slot's point on the curve is, scored or not, left to right.
    let mut curve_x = Vec::with_capacity(journey.touchpoints.len());
    let mut stages = Vec::with_capacity(Stage::ALL.len());
    let mut x = 0.0;
    for (stage, &count) in Stage::ALL.iter().zip(&counts) {
        let range = journey.stage_range(*stage);
        let width = stage_width(*stage, count, columns(count), m);
        let inner = width - 2.0 * PADDING;
        // Cards centred in a stage wider than they need.
        let spare = if count == 0 {
            0.0
        } else {
            (width - natural_width(columns(count), m)) / 2.0
        };
        let first_slot = slots.len();
        for (k, index) in range.enumerate() {
            let t = &journey.touchpoints[index];
            let (row, column) = (k / columns(count), k % columns(count));
            let place = Rect::from_min_size(
                x + spare + PADDING + column as f32 * (m.slot_width + column_gap(m)),
                cards_top + row as f32 * (cell + ROW_GAP),
                m.slot_width,
                m.card_height,
            );
            let card = super::card_place(place, t);
            let below = Rect::from_min_size(card.min.x, card.max.y, card.width(), 0.0);
            let [evidence, doing, pains, department] = if every_lane {
                let mut y = place.max.y;
                cells(m).map(|(h, gap)| {
                    y += gap;
                    let r = Rect::from_min_size(place.min.x, y, place.width(), h);
                    y += h;
                    r
                })
            } else {
                [below; 4]
            };
            let point_x = x + PADDING + (k as f32 + 0.5) * inner / count as f32;
            curve_x.push(point_x);
            let score = t.emotion_score();
            slots.push(Slot {
                id: t.id.clone(),
                index,
                stage: *stage,
                card,
                // The wall keeps physical evidence in the cells and steps themselves.
                physical: Rect::from_min_size(card.min.x, card.min.y, card.width(), 0.0),
                evidence,
                doing,
                pains,
                department,
                emotion: score.map(|s| Point::new(point_x, neutral_y - s as f32 * score_step)),
                curves: super::curve_points(journey, t, point_x, neutral_y, score_step),
                is_low: score.is_some_and(|s| s < 0 && Some(s) == lowest),
                score,
            });
        }
        if blueprint {
            let mut placed = [0usize; 3];
            let step_width = m.slot_width.min(inner);
            for index in journey.step_range(*stage) {
                let step = &journey.steps[index];
                let k = step.lane as usize;
                let (row, column) = (placed[k] / columns(count), placed[k] % columns(count));
                placed[k] += 1;
                let top = blueprint_rows[k].1 + m.line_label_room;
                steps.push(StepBox {
                    id: step.id.clone(),
                    index,
                    stage: *stage,
                    lane: step.lane,
                    rect: Rect::from_min_size(
                        x + spare + PADDING + column as f32 * (m.slot_width + column_gap(m)),
                        top + row as f32 * (m.step_height + m.lane_gap),
                        step_width,
                        m.step_height,
                    ),
                });
            }
        }
        stages.push(StageBox {
            stage: *stage,
            column: Rect::from_min_size(x, 0.0, width, 0.0),
            header: Rect::from_min_size(x, 0.0, width, header_height),
            slots: first_slot..slots.len(),
        });
        x += width;
    }
    let right = x;

    // Grey areas on the curve: a hatched band between neighbours' points, a bracket
    // under the curve between others; callouts under those, as on the timeline.
    let index_of: foldhash::HashMap<&TouchpointId, usize> =
        slots.iter().enumerate().map(|(i, s)| (&s.id, i)).collect();
    let step_of: foldhash::HashMap<&StepId, usize> =
        steps.iter().enumerate().map(|(i, s)| (&s.id, i)).collect();
    let mut grey_areas: Vec<GreyAreaBox> = journey
        .grey_areas
        .iter()
        .enumerate()
        .filter_map(|(index, g)| {
            if g.from.is_step() || g.to.is_step() {
                let a = super::end_rect(&g.from, &index_of, &step_of, &slots, &steps)?;
                let b = super::end_rect(&g.to, &index_of, &step_of, &slots, &steps)?;
                return Some(super::step_grey_area(g, index, a, b, grey_top));
            }
            let (a, b) = (
                *index_of.get(g.from.touchpoint()?)?,
                *index_of.get(g.to.touchpoint()?)?,
            );
            let (left, right) = (a.min(b), a.max(b));
            let neighbours = right - left == 1;
            let band = if left == right {
                let x = curve_x[left];
                Rect {
                    min: Point::new(x - 14.0, grey_top),
                    max: Point::new(x + 14.0, grey_top + BRACKET_HEIGHT),
                }
            } else if neighbours {
                let (x0, x1) = (curve_x[left], curve_x[right]);
                let inset = ((x1 - x0) / 2.0 - 6.0).clamp(0.0, 16.0);
                Rect {
                    min: Point::new(x0 + inset, band_top + 4.0),
                    max: Point::new(x1 - inset, band_top + band - 4.0),
                }
            } else {
                super::bracket(curve_x[left], curve_x[right], grey_top)
            };
            Some(GreyAreaBox {
                id: g.id.clone(),
                index,
                severity: g.severity,
                band,
                neighbours,
                callout: Rect::default(),
                leader: Vec::new(),
                slots: (left, right),
                ends: None,
            })
        })
        .collect();
    let flush = Metrics {
        lane_label_width: 0.0,
        ..m.clone()
    };
    let (row_ends, grey_height) = place_callouts(&mut grey_areas, grey_top, right, &flush);
    // The brackets stay where the timeline's placement put them; the callouts go
    // under their own stages.
    let (row_ends, grey_height) =
        under_own_stages(&mut grey_areas, &stages, grey_top, m).unwrap_or((row_ends, grey_height));
    let blueprint_top = grey_top + grey_height + m.lane_gap;
    for step in &mut steps {
        step.rect.min.y += blueprint_top;
        step.rect.max.y += blueprint_top;
    }
    for row in &mut blueprint_rows {
        row.1 += blueprint_top;
    }
    let bottom = blueprint_top + blueprint_height;
    let stages_right = right;
    let right = right.max(row_ends.iter().copied().fold(0.0, f32::max) + PADDING);
    for stage in &mut stages {
        stage.column.max.y = bottom;
    }
    if let Some(last) = stages.last_mut() {
        last.column.max.x = right;
    }
    let lane = |lane: Lane, top: f32, height: f32| LaneBox {
        lane,
        rect: Rect::from_min_size(0.0, top, right, height),
        label: Rect::from_min_size(0.0, top, 0.0, height),
    };
    let mut lanes = vec![
        lane(Lane::Cards, cards_top, cards_height),
        lane(Lane::Emotion, band_top, band),
    ];
    lanes.push(lane(Lane::GreyAreas, grey_top, grey_height));
    lanes.extend(
        blueprint_rows
            .iter()
            .filter(|(_, _, h)| *h > 0.0)
            .map(|&(l, top, h)| lane(l, top, h)),
    );
    let timing = if steps.is_empty() {
        Default::default()
    } else {
        crate::model::flow::timing(journey)
    };
    let flows = super::flow::flows(journey, &steps, m.slot_gap, m.lane_gap);
    MapLayout {
        arrangement: Arrangement::Wall,
        bounds: Rect::from_min_size(0.0, 0.0, right, bottom),
        // The stages, cards and curve; the blueprint's lanes and the callouts are below.
        focus: Rect::from_min_size(0.0, 0.0, stages_right, band_top + band + m.lane_gap),
        stages,
        lanes,
        slots,
        steps,
        grey_areas,
        phases: Vec::new(),
        timing,
        flows,
        neutral_y,
        score_step,
        curve_room: 0.0,
    }
}

/// A stage column's width with its cards in `columns` columns; an empty stage keeps
/// the metrics' empty width so its name still reads.
fn stage_width(stage: Stage, count: usize, columns: usize, m: &Metrics) -> f32 {
    if count == 0 {
        return m.empty_width(stage);
    }
    natural_width(columns, m).max(m.least(stage))
}

/// A stage's width holding `columns` of cards, before its least width.
fn natural_width(columns: usize, m: &Metrics) -> f32 {
    2.0 * PADDING + columns as f32 * m.slot_width + (columns - 1) as f32 * column_gap(m)
}

/// The number of card rows that draws the stages, cards and curve largest in a window
/// of `aspect`: each candidate is the fewest rows for some number of columns in the
/// fullest stage (about 2√n candidates, six stages each).
fn best_rows(counts: &[usize], m: &Metrics, aspect: f32) -> usize {
    let aspect = if aspect.is_finite() && aspect > 0.0 {
        aspect
    } else {
        16.0 / 9.0
    };
    let mut best = (1, f32::NEG_INFINITY);
    for rows in row_candidates(counts) {
        let width: f32 = Stage::ALL
            .iter()
            .zip(counts)
            .map(|(stage, &n)| stage_width(*stage, n, n.div_ceil(rows).max(1), m))
            .sum();
        let height = m.stage_header_height
            + 3.0 * m.lane_gap
            + rows as f32 * m.card_height
            + (rows - 1) as f32 * ROW_GAP
            + band_height(m);
        // Proportional to the zoom that fits this wall in the window.
        let zoom = (aspect / width).min(1.0 / height);
        if zoom > best.1 {
            best = (rows, zoom);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Emotion, GreyArea, GreyAreaId, GreyAreaKind, GreyAreaStatus, Language, Severity, Touchpoint,
    };

    fn journey(per_stage: [usize; 6]) -> Journey {
        let mut j = Journey::new("t", Language::En);
        let mut n = 0;
        for (stage, count) in Stage::ALL.iter().zip(per_stage) {
            for _ in 0..count {
                n += 1;
                let mut tp = Touchpoint::new(TouchpointId(format!("tp-{n}")), *stage, "x");
                tp.emotion = Some(Emotion {
                    score: (n % 5) as i8 - 2,
                    word: String::new(),
                });
                j.touchpoints.push(tp);
            }
        }
        j
    }

    /// A high system gap `ga-N` between two touchpoints.
    fn grey(n: usize, from: &str, to: &str) -> GreyArea {
        GreyArea {
            id: GreyAreaId(format!("ga-{n}")),
            title: String::new(),
            from: from.into(),
            to: to.into(),
            kind: GreyAreaKind::SystemGap,
            severity: Severity::High,
            experience: String::new(),
            departments: vec![],
            channels: vec![],
            evidence: vec![],
            fix: String::new(),
            owner: String::new(),
            status: GreyAreaStatus::Open,
        }
    }

    #[test]
    fn cards_sit_in_their_stage_in_reading_order_without_overlap() {
        let j = journey([2, 2, 2, 2, 5, 3]);
        let l = wall(&j, &Metrics::default(), 1264.0 / 640.0);
        assert_eq!(l.slots.len(), 16);
        for s in &l.slots {
            let column = l.stages[s.stage.index()].column;
            assert!(column.min.x < s.card.min.x && s.card.max.x < column.max.x);
        }
        for (i, a) in l.slots.iter().enumerate() {
            for b in &l.slots[i + 1..] {
                assert!(!a.card.intersects(&b.card), "{} overlaps {}", a.id, b.id);
            }
        }
        // Reading order within a stage: each card is right of or below the one before.
        for w in l.slots.windows(2).filter(|w| w[0].stage == w[1].stage) {
            assert!(w[1].card.min.x > w[0].card.min.x || w[1].card.min.y > w[0].card.min.y);
        }
        // The curve runs left to right through every scored touchpoint.
        let xs: Vec<f32> = l
            .slots
            .iter()
            .filter_map(|s| s.emotion)
            .map(|p| p.x)
            .collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]));
        assert!(l.focus.height() < l.bounds.height() + 1.0);
    }

    #[test]
    fn a_wide_window_gets_fewer_rows_than_a_tall_one() {
        let j = journey([10, 10, 10, 10, 10, 10]);
        let m = Metrics::default();
        let rows = |l: &MapLayout| {
            let ys: std::collections::BTreeSet<i32> =
                l.slots.iter().map(|s| s.card.min.y as i32).collect();
            ys.len()
        };
        let wide = wall(&j, &m, 4.0);
        let tall = wall(&j, &m, 0.7);
        assert!(rows(&wide) < rows(&tall), "{} {}", rows(&wide), rows(&tall));
        for l in [&wide, &tall] {
            let ratio = l.focus.width() / l.focus.height();
            assert!(ratio < 6.0, "{ratio}");
        }
    }

    #[test]
    fn sixty_touchpoints_are_no_wider_than_three_to_one() {
        let j = journey([8, 12, 10, 6, 14, 10]);
        let l = wall(&j, &Metrics::default(), 16.0 / 9.0);
        let ratio = l.bounds.width() / l.bounds.height();
        assert!(ratio <= 3.0, "{ratio}");
    }

    #[test]
    fn grey_areas_mark_the_curve_and_get_callouts_clear_of_the_cards() {
        let mut j = journey([2, 2, 0, 1, 3, 1]);
        for (n, (from, to)) in [("tp-1", "tp-2"), ("tp-2", "tp-8"), ("tp-5", "tp-5")]
            .iter()
            .enumerate()
        {
            j.grey_areas.push(grey(n, from, to));
        }
        let l = wall(&j, &Metrics::default(), 2.0);
        assert_eq!(l.grey_areas.len(), 3);
        assert!(l.grey_areas[0].neighbours);
        assert!(!l.grey_areas[1].neighbours);
        assert!(!l.grey_areas[2].neighbours, "one touchpoint is a bracket");
        let band = l.lane(Lane::Emotion).rect;
        assert!(band.min.y <= l.grey_areas[0].band.min.y);
        for g in &l.grey_areas {
            for s in &l.slots {
                assert!(!g.callout.intersects(&s.card));
                assert!(!g.band.intersects(&s.card));
            }
            assert!(l.bounds.contains(g.callout.max));
        }
    }

    #[test]
    fn callouts_sit_under_their_own_stage_on_straight_leaders() {
        // Grey areas in three stages, four of them in Usage.
        let mut j = journey([2, 2, 2, 2, 6, 2]);
        let pairs = [
            ("tp-1", "tp-2"),
            ("tp-5", "tp-6"),
            ("tp-9", "tp-10"),
            ("tp-10", "tp-11"),
            ("tp-11", "tp-12"),
            ("tp-9", "tp-13"),
            ("tp-15", "tp-16"),
        ];
        for (n, (from, to)) in pairs.iter().enumerate() {
            j.grey_areas.push(grey(n, from, to));
        }
        let m = Metrics {
            callout_height: 120.0,
            ..Metrics::default()
        };
        let l = wall(&j, &m, 16.0 / 9.0);
        for g in &l.grey_areas {
            let middle = g.band.center().x;
            let own = l
                .stages
                .iter()
                .find(|s| s.column.min.x <= middle && middle < s.column.max.x)
                .expect("the band is in a stage");
            // Under its own stage: the callout starts in that stage's column.
            assert!(
                own.column.min.x <= g.callout.min.x && g.callout.min.x < own.column.max.x,
                "{}: callout at {:?}, its stage {:?}",
                g.id,
                g.callout,
                own.column
            );
            // One straight leader from the band down to the callout's top.
            assert_eq!(g.leader.len(), 2, "{}", g.id);
            // From the band's foot (below a bracket's badge).
            assert!(g.band.min.x <= g.leader[0].x && g.leader[0].x <= g.band.max.x);
            assert!(g.leader[0].y >= g.band.max.y - 0.01 || !g.neighbours);
            assert!((g.leader[1].y - g.callout.min.y).abs() < 0.01);
            assert!(g.callout.min.x < g.leader[1].x && g.leader[1].x < g.callout.max.x);
        }
        for (i, a) in l.grey_areas.iter().enumerate() {
            for b in &l.grey_areas[i + 1..] {
                assert!(!a.callout.intersects(&b.callout), "{} and {}", a.id, b.id);
            }
        }
    }

    #[test]
    fn drops_land_in_reading_order() {
        let j = journey([0, 0, 0, 0, 6, 0]);
        let l = wall(&j, &Metrics::default(), 0.5);
        let usage = &l.slots[l.stages[Stage::Usage.index()].slots.clone()];
        assert!(usage[2].card.min.y > usage[0].card.min.y, "a grid of rows");
        // Just left of the second row's first card: after the first row.
        let second_row = usage
            .iter()
            .position(|s| s.card.min.y > usage[0].card.min.y)
            .unwrap();
        let at = Point::new(
            usage[second_row].card.min.x - 1.0,
            usage[second_row].card.center().y,
        );
        assert_eq!(l.drop_index(Stage::Usage, at, None), second_row);
        let end = Point::new(l.bounds.max.x, l.bounds.max.y);
        assert_eq!(l.drop_index(Stage::Usage, end, None), 6);
        assert_eq!(l.slots_in_x(usage[0].card.min.x, usage[0].card.max.x), 0..6);
    }
}
