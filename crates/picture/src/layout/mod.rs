//! Layout: a pure function from a journey and the theme's metrics to rectangles and
//! points. The canvas and every export draw from this one geometry, so the picture a
//! designer exports is the picture on screen.
//!
//! Touchpoints sit in slots left to right in journey order, one column each; stages
//! are the column groups. Horizontal lanes cross all stages: cards, doing/thinking,
//! the emotion curve, pain points and opportunities, departments, and the grey areas'
//! callouts. A grey area between neighbours widens the gap between their slots so its
//! band cannot be missed; one between non-neighbours is a bracket in the grey-area lane,
//! never a band over the cards in between. Each grey area's callout (its words) sits in
//! the last lane under its band, in as many rows as needed so no two overlap.

mod flow;
mod geometry;
mod wall;

pub use flow::FlowBox;
pub use geometry::{Point, Rect};
pub use wall::{PADDING as WALL_PADDING, wall, wall_rows, wall_with, wall_with_rows};

use crate::model::{
    BlueprintLane, EMOTION_MAX, End, GreyAreaId, Journey, Severity, Stage, StepId, TouchpointId,
};
use crate::theme::Metrics;

/// The horizontal lanes, top to bottom below the stage headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    /// The service blueprint's top row (Shostack's form): what the customer sees or
    /// holds at each touchpoint, from the card and the steps that serve it. Only where
    /// the blueprint is drawn and something has physical evidence.
    PhysicalEvidence,
    Cards,
    /// The strongest quote and the metrics behind each touchpoint (when shown).
    Evidence,
    Doing,
    Emotion,
    Pains,
    Departments,
    /// The service blueprint's layers (when the map has steps and shows them).
    Frontstage,
    Backstage,
    Support,
    GreyAreas,
}

impl Lane {
    pub const ALL: [Lane; 11] = [
        Lane::PhysicalEvidence,
        Lane::Cards,
        Lane::Evidence,
        Lane::Doing,
        Lane::Emotion,
        Lane::Pains,
        Lane::Departments,
        Lane::Frontstage,
        Lane::Backstage,
        Lane::Support,
        Lane::GreyAreas,
    ];

    /// The blueprint's lane of a step's layer.
    pub fn of(layer: BlueprintLane) -> Lane {
        match layer {
            BlueprintLane::Frontstage => Lane::Frontstage,
            BlueprintLane::Backstage => Lane::Backstage,
            BlueprintLane::Support => Lane::Support,
        }
    }

    /// The layer a blueprint lane holds.
    pub fn layer(self) -> Option<BlueprintLane> {
        match self {
            Lane::Frontstage => Some(BlueprintLane::Frontstage),
            Lane::Backstage => Some(BlueprintLane::Backstage),
            Lane::Support => Some(BlueprintLane::Support),
            _ => None,
        }
    }

    /// Stable key, for message ids (`lane-cards`).
    pub fn key(self) -> &'static str {
        match self {
            Lane::PhysicalEvidence => "physical-evidence",
            Lane::Cards => "cards",
            Lane::Evidence => "evidence",
            Lane::Doing => "doing",
            Lane::Emotion => "emotion",
            Lane::Pains => "pains",
            Lane::Departments => "departments",
            Lane::Frontstage => "frontstage",
            Lane::Backstage => "backstage",
            Lane::Support => "support",
            Lane::GreyAreas => "grey-areas",
        }
    }

    /// The fixed height of a lane; the grey-area lane grows with its rows of callouts.
    fn height(self, m: &Metrics) -> f32 {
        match self {
            Lane::PhysicalEvidence => m.physical_height,
            Lane::Cards => m.card_height,
            Lane::Evidence => m.evidence_height,
            Lane::Doing => m.doing_height,
            Lane::Emotion => m.emotion_height,
            Lane::Pains => m.pains_height,
            Lane::Departments => m.department_height,
            Lane::Frontstage | Lane::Backstage | Lane::Support => m.step_height,
            Lane::GreyAreas => m.callout_height + 2.0 * CALLOUT_GAP + m.badge_room,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageBox {
    pub stage: Stage,
    /// The whole column, header to the bottom lane.
    pub column: Rect,
    pub header: Rect,
    /// Range of slot indices in this stage.
    pub slots: std::ops::Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaneBox {
    pub lane: Lane,
    /// The lane across all stages, label column excluded.
    pub rect: Rect,
    pub label: Rect,
}

/// One touchpoint's column.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub id: TouchpointId,
    /// Index of the touchpoint in `journey.touchpoints` for the journey laid out.
    pub index: usize,
    pub stage: Stage,
    pub card: Rect,
    /// The touchpoint's cell in the physical-evidence row (empty without the row).
    pub physical: Rect,
    /// The touchpoint's cell in the evidence lane (empty without the lane).
    pub evidence: Rect,
    pub doing: Rect,
    pub pains: Rect,
    pub department: Rect,
    /// Where the emotion curve passes, when the touchpoint has a score.
    pub emotion: Option<Point>,
    /// Where each extra curve passes (its index in `journey.curves`), for the curves
    /// the touchpoint scores.
    pub curves: Vec<(usize, Point)>,
    pub score: Option<i8>,
    /// One of the journey's lowest emotion points.
    pub is_low: bool,
}

/// One step of the service blueprint, in its layer's lane.
#[derive(Clone, Debug, PartialEq)]
pub struct StepBox {
    pub id: StepId,
    /// Index of the step in `journey.steps` for the journey laid out.
    pub index: usize,
    pub stage: Stage,
    pub lane: BlueprintLane,
    pub rect: Rect,
}

/// Whether the map draws its blueprint lanes: it has steps and the metrics give them
/// room (View > Blueprint lanes, `--blueprint off` set none).
pub fn shows_blueprint(journey: &Journey, m: &Metrics) -> bool {
    !journey.steps.is_empty() && m.step_height > 0.0
}

/// Whether the map draws the physical-evidence row: its blueprint is drawn and a card
/// or a step names what the customer sees there.
pub fn shows_physical_evidence(journey: &Journey, m: &Metrics) -> bool {
    shows_blueprint(journey, m)
        && m.physical_height > 0.0
        && (journey
            .touchpoints
            .iter()
            .any(|t| !t.physical_evidence.trim().is_empty())
            || journey
                .steps
                .iter()
                .any(|s| !s.physical_evidence.trim().is_empty()))
}

/// A blueprint lane's height: a row of steps where the layer has some, room for its
/// name where it has none (so the three lines always stand apart); none when the
/// blueprint is not shown.
fn blueprint_height(journey: &Journey, m: &Metrics, lane: Lane, rows: usize) -> f32 {
    let Some(layer) = lane.layer() else {
        return 0.0;
    };
    if !shows_blueprint(journey, m) {
        return 0.0;
    }
    if journey.steps.iter().any(|s| s.lane == layer) {
        rows.max(1) as f32 * m.step_height + (rows.max(1) - 1) as f32 * m.lane_gap
    } else {
        m.step_empty_height
    }
}

/// Each step's column within its stage (0 = the stage's first column): under the
/// first touchpoint it serves in that stage, or the first column free in its lane from
/// there on (steps serving one card stand side by side, in the journey's order); a step
/// serving none of the stage's cards goes after the step before it in its lane. So a
/// step listed after one that serves a later card is still drawn under its own, not
/// after the later one. Returns the columns and how many each stage needs.
fn step_columns(journey: &Journey) -> (Vec<usize>, [usize; 6]) {
    let mut columns = vec![0; journey.steps.len()];
    let mut needed = [0usize; 6];
    for stage in Stage::ALL {
        let touchpoints = journey.stage_range(*stage);
        let at: foldhash::HashMap<&TouchpointId, usize> = journey.touchpoints[touchpoints.clone()]
            .iter()
            .enumerate()
            .map(|(k, t)| (&t.id, k))
            .collect();
        // Per lane, the first free column from each column on (a taken column points
        // past itself: near constant time however many steps share a card), and the
        // column after its last step.
        let mut free: [Vec<usize>; 3] = Default::default();
        let mut after = [0usize; 3];
        let mut widest = 0;
        for i in journey.step_range(*stage) {
            let step = &journey.steps[i];
            let lane = step.lane as usize;
            let wanted = step
                .serves
                .iter()
                .find_map(|t| at.get(t).copied())
                .unwrap_or(after[lane]);
            let column = first_free(&mut free[lane], wanted);
            columns[i] = column;
            after[lane] = after[lane].max(column + 1);
            widest = widest.max(column + 1);
        }
        needed[stage.index()] = touchpoints.len().max(widest);
    }
    (columns, needed)
}

/// The first column at or after `wanted` not yet taken, taken now: `next[c]` is the
/// column to look at after `c` (itself while free), its paths halved as they are walked.
fn first_free(next: &mut Vec<usize>, wanted: usize) -> usize {
    let grow = |next: &mut Vec<usize>, to: usize| {
        while next.len() <= to {
            let c = next.len();
            next.push(c);
        }
    };
    grow(next, wanted);
    let mut c = wanted;
    while next[c] != c {
        let up = next[c];
        grow(next, up);
        next[c] = next[up];
        c = up;
    }
    grow(next, c + 1);
    next[c] = c + 1;
    c
}

/// Where a grey area's end is drawn: its card's or its step's rectangle.
pub(crate) fn end_rect(
    end: &End,
    slot_of: &foldhash::HashMap<&TouchpointId, usize>,
    step_of: &foldhash::HashMap<&StepId, usize>,
    slots: &[Slot],
    steps: &[StepBox],
) -> Option<Rect> {
    match end {
        End::Touchpoint(t) => slots.get(*slot_of.get(t)?).map(|s| s.card),
        End::Step(s) => steps.get(*step_of.get(s)?).map(|s| s.rect),
    }
}

/// A named phase inside a stage: the run of the stage's columns whose cards (or, in a
/// column of steps alone, steps) are in it, labelled in the row under the headers.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseBox {
    pub stage: Stage,
    pub name: String,
    /// Its label in the phase row.
    pub label: Rect,
    /// Its columns, from the phase row to the map's bottom.
    pub column: Rect,
}

/// Whether the map has phases to show (and room for their row).
pub fn shows_phases(journey: &Journey, m: &Metrics) -> bool {
    m.phase_height > 0.0 && journey.stages.values().any(|n| !n.phases.is_empty())
}

/// The phase of each of a stage's columns: its card's, or in a column without a card
/// (or whose card has none), the first step's there that has one.
fn column_phases<'a>(
    journey: &'a Journey,
    stage: Stage,
    columns: usize,
    step_column: &[usize],
) -> Vec<&'a str> {
    let mut phases: Vec<&str> = vec![""; columns];
    for (k, t) in journey.touchpoints[journey.stage_range(stage)]
        .iter()
        .enumerate()
    {
        phases[k] = &t.phase;
    }
    for i in journey.step_range(stage) {
        let step = &journey.steps[i];
        if let Some(slot) = step_column.get(i).and_then(|&c| phases.get_mut(c))
            && slot.is_empty()
        {
            *slot = &step.phase;
        }
    }
    phases
}

#[derive(Clone, Debug, PartialEq)]
pub struct GreyAreaBox {
    pub id: GreyAreaId,
    /// Index in `journey.grey_areas` for the journey laid out.
    pub index: usize,
    pub severity: Severity,
    /// Between neighbours: the band across the lanes, from the cards to the
    /// departments. Between non-neighbours: a bracket at the top of the grey-area lane,
    /// from one card's centre to the other's.
    pub band: Rect,
    /// Whether the two ends are neighbours (a band) or not (a bracket).
    pub neighbours: bool,
    /// The callout with the grey area's words, in the grey-area lane.
    pub callout: Rect,
    /// The leader from the band (or bracket) down to the callout: vertical and
    /// horizontal runs in the gaps between callouts, so it crosses none.
    pub leader: Vec<Point>,
    /// Slot indices of the two ends, left to right.
    pub slots: (usize, usize),
    /// A grey area with a step at an end: the two ends' rectangles, so it can be drawn
    /// between them across the lanes.
    pub ends: Option<(Rect, Rect)>,
}

/// How far below the planned line an ad hoc touchpoint's card sits.
pub const AD_HOC_DROP: f32 = 40.0;
/// How far down the card lane the planned path runs: under the grey areas' badges,
/// over the ad hoc cards.
pub const PLANNED_PATH_Y: f32 = AD_HOC_DROP - 8.0;

/// A card's place: an ad hoc touchpoint (one the plan did not have) sits below the
/// planned line, within its lane.
pub(crate) fn card_place(card: Rect, touchpoint: &crate::model::Touchpoint) -> Rect {
    if touchpoint.deviation == Some(crate::model::Deviation::AdHoc) {
        Rect {
            min: Point::new(card.min.x, card.min.y + AD_HOC_DROP),
            max: card.max,
        }
    } else {
        card
    }
}

/// Where the journey's extra curves pass at a touchpoint: at `x`, on the emotion
/// lane's scale.
pub(crate) fn curve_points(
    journey: &Journey,
    touchpoint: &crate::model::Touchpoint,
    x: f32,
    neutral_y: f32,
    step: f32,
) -> Vec<(usize, Point)> {
    if touchpoint.scores.is_empty() {
        return Vec::new();
    }
    journey
        .curves
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let score = touchpoint.curve_score(&c.id)?;
            Some((i, Point::new(x, neutral_y - score as f32 * step)))
        })
        .collect()
}

/// A grey area between non-neighbours: a bracket at the top of the grey-area lane from
/// one end's x to the other's (at least a unit wide).
pub(crate) fn bracket(from_x: f32, to_x: f32, top: f32) -> Rect {
    Rect {
        min: Point::new(from_x, top),
        max: Point::new(to_x.max(from_x + 1.0), top + BRACKET_HEIGHT),
    }
}

/// A grey area with a step at an end: a bracket in the grey-area lane from the left
/// end's centre to inside the right end's far edge, so its badge sits over a card, not
/// in the gap between them where a neighbouring band's leader runs down.
pub(crate) fn step_bracket(a: Rect, b: Rect, top: f32) -> Rect {
    let (left, right) = if a.center().x <= b.center().x {
        (a, b)
    } else {
        (b, a)
    };
    bracket(
        left.center().x,
        (right.max.x - 12.0).max(right.center().x),
        top,
    )
}

/// The box of a grey area with a step at an end, its ends drawn at `a` and `b`: a
/// bracket in the grey-area lane (or a mark under the one element), its callout placed
/// later with the others'.
pub(crate) fn step_grey_area(
    g: &crate::model::GreyArea,
    index: usize,
    a: Rect,
    b: Rect,
    grey_top: f32,
) -> GreyAreaBox {
    let band = if a == b {
        under_card(a, grey_top)
    } else {
        step_bracket(a, b, grey_top)
    };
    GreyAreaBox {
        id: g.id.clone(),
        index,
        severity: g.severity,
        band,
        neighbours: false,
        callout: Rect::default(),
        leader: Vec::new(),
        slots: (0, 0),
        ends: Some((a, b)),
    }
}

/// Where a grey area on one touchpoint (a failing one) is marked: under its card.
pub(crate) fn under_card(card: Rect, top: f32) -> Rect {
    Rect {
        min: Point::new(card.min.x + 12.0, top),
        max: Point::new(card.max.x - 12.0, top + BRACKET_HEIGHT),
    }
}

/// Space between callouts, and between a callout and its lane's edges.
const CALLOUT_GAP: f32 = 10.0;
/// Least space between two brackets on one row.
const BRACKET_GAP: f32 = 24.0;
/// Height of the bracket of a grey area between non-neighbours.
pub const BRACKET_HEIGHT: f32 = 14.0;

/// How the touchpoints are arranged: a view setting, never saved in the journey.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    clap::ValueEnum,
)]
#[strum(serialize_all = "lowercase")]
pub enum Arrangement {
    /// One column per touchpoint, left to right, the lanes across all stages.
    #[default]
    Timeline,
    /// Six stage columns that fit the window, cards stacked (in a grid) within each.
    Wall,
}

impl Arrangement {
    pub const ALL: &'static [Arrangement] = <Arrangement as strum::VariantArray>::VARIANTS;

    /// Stable key, for message ids and the command line (`wall`).
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// Lays out `journey` in `arrangement`; the wall fits a `width` / `height` of `aspect`.
pub fn arrange(journey: &Journey, m: &Metrics, arrangement: Arrangement, aspect: f32) -> MapLayout {
    match arrangement {
        Arrangement::Timeline => layout(journey, m),
        Arrangement::Wall => wall(journey, m, aspect),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    pub arrangement: Arrangement,
    pub bounds: Rect,
    /// What fitting the map to a window shows at least: the whole map for the
    /// timeline; the stages, cards and emotion curve of the wall (its grey-area
    /// callouts are below).
    pub focus: Rect,
    pub stages: Vec<StageBox>,
    pub lanes: Vec<LaneBox>,
    /// In journey order, sorted by x.
    pub slots: Vec<Slot>,
    /// The blueprint's steps (none when it is not shown), in `journey.steps` order.
    pub steps: Vec<StepBox>,
    pub grey_areas: Vec<GreyAreaBox>,
    /// Each stage's phases, left to right (none when the map has none).
    pub phases: Vec<PhaseBox>,
    /// The blueprint's times along its flow (empty when the blueprint is not shown).
    pub timing: crate::model::flow::Timing,
    /// The flow's arrows between the steps laid out.
    pub flows: Vec<FlowBox>,
    /// The y of the neutral (score 0) line.
    pub neutral_y: f32,
    /// How far one score point moves the curve (up for positive scores).
    pub score_step: f32,
    /// The room over the highest dot and under the lowest for the moments' names
    /// (none on the wall, whose curve runs under the cards).
    pub curve_room: f32,
}

/// How far one score point moves the curve in a lane `lane_height` high: the scores
/// span the lane but for the dots' room and `room` for the moments' names.
pub fn score_step(lane_height: f32, room: f32) -> f32 {
    ((lane_height / 2.0 - 18.0 - room) / EMOTION_MAX as f32).max(4.0)
}

impl MapLayout {
    /// The lane's box; the wall has no doing, pains or department lanes (that text is
    /// on the timeline), so those fall back to the cards.
    pub fn lane(&self, lane: Lane) -> &LaneBox {
        self.lanes
            .iter()
            .find(|l| l.lane == lane)
            .or_else(|| self.lanes.iter().find(|l| l.lane == Lane::Cards))
            .unwrap_or(&self.lanes[0])
    }

    /// Slot indices whose column overlaps `[x_min, x_max]` (binary search: slots are
    /// sorted by x), so a canvas draws only what is visible. On the wall, the slots
    /// of the stages whose column overlaps.
    pub fn slots_in_x(&self, x_min: f32, x_max: f32) -> std::ops::Range<usize> {
        if self.arrangement == Arrangement::Wall {
            let mut overlapping = self
                .stages
                .iter()
                .filter(|s| s.column.max.x >= x_min && s.column.min.x <= x_max);
            let first = overlapping.next().map(|s| s.slots.clone());
            let last = overlapping.next_back().map(|s| s.slots.clone());
            return match (first, last) {
                (Some(a), Some(b)) => a.start..b.end,
                (Some(a), None) => a,
                _ => 0..0,
            };
        }
        let start = self.slots.partition_point(|s| s.card.max.x < x_min);
        let end = self.slots.partition_point(|s| s.card.min.x <= x_max);
        start..end.max(start)
    }

    /// The touchpoint whose card contains `p`.
    pub fn card_at(&self, p: Point) -> Option<usize> {
        let range = self.slots_in_x(p.x, p.x);
        range.into_iter().find(|&i| self.slots[i].card.contains(p))
    }

    pub fn stage_at(&self, x: f32) -> Option<Stage> {
        self.stages
            .iter()
            .find(|s| (s.column.min.x..=s.column.max.x).contains(&x))
            .map(|s| s.stage)
    }

    /// Where a card dropped at x lands: its stage and its index within the stage.
    pub fn drop_target(&self, x: f32) -> Stage {
        self.stage_at(x).unwrap_or_else(|| {
            if x < self.stages.first().map_or(0.0, |s| s.column.min.x) {
                Stage::Awareness
            } else {
                Stage::Advocacy
            }
        })
    }

    /// Index within `stage` for a card dropped at `at` (by the centres of the stage's
    /// cards; on the wall, in reading order: the rows above, then along its row).
    pub fn drop_index(&self, stage: Stage, at: Point, dragged: Option<&TouchpointId>) -> usize {
        let stage_box = &self.stages[stage.index()];
        let others = self.slots[stage_box.slots.clone()]
            .iter()
            .filter(|s| Some(&s.id) != dragged);
        match self.arrangement {
            Arrangement::Timeline => others.filter(|s| s.card.center().x < at.x).count(),
            Arrangement::Wall => others
                .filter(|s| {
                    let half_row = s.card.height() / 2.0 + 5.0;
                    let dy = at.y - s.card.center().y;
                    dy > half_row || (dy.abs() <= half_row && s.card.center().x < at.x)
                })
                .count(),
        }
    }
}

/// Lays out the whole map with its top-left corner at the origin.
pub fn layout(journey: &Journey, m: &Metrics) -> MapLayout {
    let mut lanes = Vec::with_capacity(Lane::ALL.len());
    let mut y = m.stage_header_height + m.lane_gap;
    let phase_row = shows_phases(journey, m).then(|| {
        let row = (y, m.phase_height);
        y += m.phase_height + m.lane_gap;
        row
    });
    let mut lane_rows = [(0.0f32, 0.0f32); Lane::ALL.len()];
    for (i, lane) in Lane::ALL.iter().enumerate() {
        let h = if lane.layer().is_some() {
            blueprint_height(journey, m, *lane, 1)
        } else if *lane == Lane::PhysicalEvidence && !shows_physical_evidence(journey, m) {
            0.0
        } else {
            lane.height(m)
        };
        // Without the emotion lane between them, the cards would meet the line of
        // interaction's label: it gets the room it takes above its line.
        if *lane == Lane::Frontstage && h > 0.0 && m.emotion_height <= 0.0 {
            y += m.line_label_room;
        }
        lane_rows[i] = (y, h);
        // A lane of no height (the evidence lane, hidden) takes no room at all.
        if h > 0.0 {
            y += h + m.lane_gap;
        }
    }
    let row = |lane: Lane| lane_rows[Lane::ALL.iter().position(|l| *l == lane).unwrap_or(0)];

    // Which neighbouring pairs carry a grey area: their gap is wider.
    let index_of: foldhash::HashMap<&TouchpointId, usize> = journey
        .touchpoints
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.id, i))
        .collect();
    let mut wide_gap_after = vec![false; journey.touchpoints.len()];
    for g in &journey.grey_areas {
        if let (Some(a), Some(b)) = (g.from.touchpoint(), g.to.touchpoint())
            && let (Some(&a), Some(&b)) = (index_of.get(a), index_of.get(b))
            && a.abs_diff(b) == 1
        {
            wide_gap_after[a.min(b)] = true;
        }
    }
    let blueprint = shows_blueprint(journey, m);
    let (step_column, stage_columns) = if blueprint {
        step_columns(journey)
    } else {
        (Vec::new(), [0; 6])
    };

    let (emotion_y, emotion_h) = row(Lane::Emotion);
    let neutral_y = emotion_y + emotion_h / 2.0;
    let score_step = score_step(emotion_h, m.curve_label_room);
    let lowest = journey
        .touchpoints
        .iter()
        .filter_map(|t| t.emotion_score())
        .min();

    let mut slots = Vec::with_capacity(journey.touchpoints.len());
    let mut steps = Vec::with_capacity(if blueprint { journey.steps.len() } else { 0 });
    let mut stages = Vec::with_capacity(Stage::ALL.len());
    let mut phases: Vec<PhaseBox> = Vec::new();
    let mut x = m.lane_label_width;
    for stage in Stage::ALL {
        let range = journey.stage_range(*stage);
        let columns = stage_columns[stage.index()].max(range.len());
        // Columns of steps beyond the stage's last touchpoint.
        let extra = columns - range.len();
        let extra_width = extra as f32 * (m.slot_width + m.slot_gap);
        let column_start = x;
        x += m.stage_padding;
        let first_slot = slots.len();
        if columns == 0 {
            x += m.empty_width(*stage) - m.stage_padding * 2.0;
        }
        // Where each column of the stage starts.
        let mut column_x: Vec<f32> = Vec::with_capacity(columns);
        // A stage narrower than its least width has its slots centred in it.
        let spare = if columns == 0 {
            0.0
        } else if range.is_empty() {
            let natural = 2.0 * m.stage_padding + extra_width - m.slot_gap;
            (m.least(*stage) - natural).max(0.0) / 2.0
        } else {
            let gaps: f32 = range
                .clone()
                .map(|i| {
                    let wide = wide_gap_after[i];
                    match (i + 1 == range.end, wide) {
                        (false, true) => m.grey_gap,
                        (false, false) => m.slot_gap,
                        (true, true) => (m.grey_gap - m.stage_padding * 2.0).max(0.0),
                        (true, false) => 0.0,
                    }
                })
                .sum();
            let natural =
                2.0 * m.stage_padding + range.len() as f32 * m.slot_width + gaps + extra_width;
            (m.least(*stage) - natural).max(0.0) / 2.0
        };
        x += spare;
        for index in range.clone() {
            column_x.push(x);
            let t = &journey.touchpoints[index];
            let column = |lane: Lane| {
                let (top, h) = row(lane);
                Rect::from_min_size(x, top, m.slot_width, h)
            };
            let score = t.emotion_score();
            slots.push(Slot {
                id: t.id.clone(),
                index,
                stage: *stage,
                card: card_place(column(Lane::Cards), t),
                physical: column(Lane::PhysicalEvidence),
                evidence: column(Lane::Evidence),
                doing: column(Lane::Doing),
                pains: column(Lane::Pains),
                department: column(Lane::Departments),
                emotion: score
                    .map(|s| Point::new(x + m.slot_width / 2.0, neutral_y - s as f32 * score_step)),
                curves: curve_points(journey, t, x + m.slot_width / 2.0, neutral_y, score_step),
                is_low: score.is_some_and(|s| s < 0 && Some(s) == lowest),
                score,
            });
            x += m.slot_width;
            let last_in_stage = index + 1 == range.end;
            let gap = if wide_gap_after[index] {
                m.grey_gap
            } else {
                m.slot_gap
            };
            if !last_in_stage {
                x += gap;
            } else if wide_gap_after[index] {
                // The band straddles the stage boundary: the two stage paddings plus
                // this make the same wide gap as inside a stage.
                x += (m.grey_gap - m.stage_padding * 2.0).max(0.0);
            }
        }
        for k in 0..extra {
            if k > 0 || !range.is_empty() {
                x += m.slot_gap;
            }
            column_x.push(x);
            x += m.slot_width;
        }
        if blueprint {
            for index in journey.step_range(*stage) {
                let step = &journey.steps[index];
                let (top, h) = row(Lane::of(step.lane));
                let left = column_x.get(step_column[index]).copied().unwrap_or(x);
                steps.push(StepBox {
                    id: step.id.clone(),
                    index,
                    stage: *stage,
                    lane: step.lane,
                    rect: Rect::from_min_size(left, top, m.slot_width, h),
                });
            }
        }
        if let Some((top, h)) = phase_row {
            let names = column_phases(journey, *stage, column_x.len(), &step_column);
            let mut k = 0;
            while k < names.len() {
                let run = names[k..].iter().take_while(|n| **n == names[k]).count();
                if !names[k].is_empty() {
                    let left = column_x[k] - m.slot_gap / 2.0 + 2.0;
                    let last = k + run - 1;
                    let right = column_x[last] + m.slot_width + m.slot_gap / 2.0 - 2.0;
                    phases.push(PhaseBox {
                        stage: *stage,
                        name: names[k].to_owned(),
                        label: Rect::from_min_size(left, top, right - left, h),
                        column: Rect::from_min_size(left, top, right - left, 0.0),
                    });
                }
                k += run;
            }
        }
        x += m.stage_padding + spare;
        // The bottom is set once the grey-area lane knows its rows.
        let column = Rect {
            min: Point::new(column_start, 0.0),
            max: Point::new(x, 0.0),
        };
        let header =
            Rect::from_min_size(column_start, 0.0, x - column_start, m.stage_header_height);
        stages.push(StageBox {
            stage: *stage,
            column,
            header,
            slots: first_slot..slots.len(),
        });
    }
    let right = x;

    // Grey areas: a band between neighbours, a bracket between non-neighbours.
    let (cards_top, _) = row(Lane::Cards);
    let (departments_top, departments_h) = row(Lane::Departments);
    let (grey_top, _) = row(Lane::GreyAreas);
    let band_bottom = departments_top + departments_h + m.lane_gap / 2.0;
    let step_of: foldhash::HashMap<&StepId, usize> =
        steps.iter().enumerate().map(|(i, s)| (&s.id, i)).collect();
    let mut grey_areas: Vec<GreyAreaBox> = journey
        .grey_areas
        .iter()
        .enumerate()
        .filter_map(|(index, g)| {
            if g.from.is_step() || g.to.is_step() {
                let a = end_rect(&g.from, &index_of, &step_of, &slots, &steps)?;
                let b = end_rect(&g.to, &index_of, &step_of, &slots, &steps)?;
                return Some(step_grey_area(g, index, a, b, grey_top));
            }
            let (a, b) = (
                *index_of.get(g.from.touchpoint()?)?,
                *index_of.get(g.to.touchpoint()?)?,
            );
            let (left, right) = (a.min(b), a.max(b));
            let neighbours = right - left <= 1;
            let band = if left == right {
                under_card(slots[left].card, grey_top)
            } else if neighbours {
                Rect {
                    min: Point::new(slots[left].card.max.x, cards_top - m.lane_gap / 2.0),
                    max: Point::new(slots[right].card.min.x, band_bottom),
                }
            } else {
                bracket(
                    slots[left].card.center().x,
                    slots[right].card.center().x,
                    grey_top,
                )
            };
            Some(GreyAreaBox {
                id: g.id.clone(),
                index,
                severity: g.severity,
                band,
                neighbours: neighbours && left != right,
                callout: Rect::from_min_size(0.0, 0.0, 0.0, 0.0),
                leader: Vec::new(),
                slots: (left, right),
                ends: None,
            })
        })
        .collect();

    let (row_ends, grey_height) = place_callouts(&mut grey_areas, grey_top, right, m);
    let grey_index = Lane::ALL.len() - 1;
    lane_rows[grey_index].1 = grey_height;
    let bottom = grey_top + grey_height + m.lane_gap;
    let right = right.max(row_ends.iter().copied().fold(0.0, f32::max) + m.stage_padding);
    for stage in &mut stages {
        stage.column.max.y = bottom;
    }
    for phase in &mut phases {
        phase.column.max.y = bottom - m.lane_gap / 2.0;
    }
    if let Some(last) = stages.last_mut() {
        last.column.max.x = last.column.max.x.max(right);
    }
    for (i, lane) in Lane::ALL.iter().enumerate() {
        let (top, h) = lane_rows[i];
        if h <= 0.0 {
            continue;
        }
        lanes.push(LaneBox {
            lane: *lane,
            rect: Rect::from_min_size(m.lane_label_width, top, right - m.lane_label_width, h),
            label: Rect::from_min_size(0.0, top, m.lane_label_width, h),
        });
    }

    let bounds = Rect {
        min: Point::new(0.0, 0.0),
        max: Point::new(right, bottom),
    };
    let flows = flow::flows(journey, &steps, m.slot_gap, m.lane_gap);
    MapLayout {
        arrangement: Arrangement::Timeline,
        bounds,
        focus: bounds,
        stages,
        lanes,
        slots,
        steps,
        grey_areas,
        phases,
        timing: if blueprint {
            crate::model::flow::timing(journey)
        } else {
            Default::default()
        },
        flows,
        neutral_y,
        score_step,
        curve_room: m.curve_label_room,
    }
}

/// Puts each grey area's callout under its band, in rows, with a leader from its band
/// that crosses no callout: in band order, each goes in the first row where it fits
/// right of the callouts already there, covers no leader passing down through that
/// row, and can be reached by a leader that runs down through the rows above at some
/// free column (the band's own x when it can), along the gaps between rows. Returns
/// each row's right end and the grey-area lane's height.
pub(crate) fn place_callouts(
    grey_areas: &mut [GreyAreaBox],
    grey_top: f32,
    right: f32,
    m: &Metrics,
) -> (Vec<f32>, f32) {
    let width = m.callout_width;
    let height = m.callout_height;
    let mut order: Vec<usize> = (0..grey_areas.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| (grey_areas[i].band.center().x, grey_areas[i].index);
        key(a).0.total_cmp(&key(b).0).then(key(a).1.cmp(&key(b).1))
    });
    // Several grey areas on one band start their leaders side by side across it.
    let mut starts: Vec<f32> = vec![0.0; grey_areas.len()];
    for (i, grey) in grey_areas.iter().enumerate() {
        let same: Vec<usize> = (0..grey_areas.len())
            .filter(|&j| grey_areas[j].band == grey.band)
            .collect();
        let k = same.iter().position(|&j| j == i).unwrap_or(0) as f32;
        let n = same.len() as f32;
        let band = grey.band;
        let spread = (band.width() - 8.0).max(0.0);
        starts[i] = if n <= 1.0 {
            band.center().x
        } else {
            band.min.x + 4.0 + spread * (k + 0.5) / n
        };
    }
    // Brackets that overlap along the lane go on rows of their own, so no badge sits
    // on another bracket; grey areas between the same two cards share one.
    let bracket_row = BRACKET_HEIGHT.max(m.badge_room) + 4.0;
    let mut bracket_rows: Vec<Vec<Rect>> = Vec::new();
    for grey in grey_areas.iter_mut().filter(|g| !g.neighbours) {
        let band = grey.band;
        let clear = |row: &Vec<Rect>| {
            row.iter().all(|r| {
                *r == band
                    || r.max.x + BRACKET_GAP < band.min.x
                    || band.max.x + BRACKET_GAP < r.min.x
            })
        };
        let r = match bracket_rows.iter().position(clear) {
            Some(r) => r,
            None => {
                bracket_rows.push(Vec::new());
                bracket_rows.len() - 1
            }
        };
        bracket_rows[r].push(band);
        let dy = r as f32 * bracket_row;
        grey.band = Rect {
            min: Point::new(band.min.x, band.min.y + dy),
            max: Point::new(band.max.x, band.max.y + dy),
        };
    }
    let brackets_height = BRACKET_HEIGHT.max(m.badge_room)
        + bracket_rows.len().saturating_sub(1) as f32 * bracket_row;
    let callout_top = grey_top + brackets_height + CALLOUT_GAP;
    let row_top = |r: usize| callout_top + r as f32 * (height + CALLOUT_GAP);
    let left = m.lane_label_width;
    // Each row's callouts (x ranges), and the leaders' columns through each row.
    let mut rows: Vec<Vec<(f32, f32)>> = Vec::new();
    let mut descents: Vec<Vec<f32>> = Vec::new();
    let line_room = 3.0;
    let free_at = |rows: &Vec<Vec<(f32, f32)>>, r: usize, x: f32| {
        rows[r]
            .iter()
            .all(|(a, b)| x < a - line_room || x > b + line_room)
    };
    for i in order {
        let bx = starts[i];
        let wanted = (bx - width / 2.0).clamp(left, (right - width).max(left));
        let mut placed = None;
        for r in 0..=rows.len() {
            if r == rows.len() {
                rows.push(Vec::new());
                descents.push(Vec::new());
            }
            let end = rows[r]
                .iter()
                .map(|(_, b)| *b)
                .fold(f32::NEG_INFINITY, f32::max);
            let x = wanted.max(end + CALLOUT_GAP);
            // A row is full at the map's right edge (a callout alone may pass it).
            if x + width > right && !rows[r].is_empty() {
                continue;
            }
            // No leader already passing down through this row may be covered.
            if descents[r]
                .iter()
                .any(|d| *d >= x - line_room && *d <= x + width + line_room)
            {
                continue;
            }
            // A column free in every row above: the band's x, else beside a callout.
            let mut columns = vec![bx];
            for row in &rows[..r] {
                for (a, b) in row {
                    columns.push(a - CALLOUT_GAP / 2.0);
                    columns.push(b + CALLOUT_GAP / 2.0);
                }
            }
            columns.sort_by(|a, b| (a - bx).abs().total_cmp(&(b - bx).abs()));
            let Some(descent) = columns
                .into_iter()
                .find(|&c| c >= left && (0..r).all(|k| free_at(&rows, k, c)))
            else {
                continue;
            };
            placed = Some((r, x, descent));
            break;
        }
        let Some((r, x, descent)) = placed else {
            continue;
        };
        rows[r].push((x, x + width));
        for row in descents.iter_mut().take(r) {
            row.push(descent);
        }
        let callout = Rect::from_min_size(x, row_top(r), width, height);
        let attach = bx.clamp(x + 10.0, x + width - 10.0);
        let gap_above = |r: usize| row_top(r) - CALLOUT_GAP / 2.0;
        // From a band's foot; from a bracket, below its badge.
        let band = grey_areas[i].band;
        let start_y = if grey_areas[i].neighbours {
            band.max.y
        } else {
            band.min.y + BRACKET_HEIGHT.max(m.badge_room)
        };
        let start = Point::new(bx, start_y);
        let mut leader = vec![start, Point::new(bx, gap_above(0))];
        if r > 0 {
            leader.push(Point::new(descent, gap_above(0)));
            leader.push(Point::new(descent, gap_above(r)));
        }
        leader.push(Point::new(attach, gap_above(r)));
        leader.push(Point::new(attach, callout.min.y));
        leader.dedup();
        grey_areas[i].callout = callout;
        grey_areas[i].leader = leader;
    }
    let row_ends: Vec<f32> = rows
        .iter()
        .map(|row| row.iter().map(|(_, b)| *b).fold(0.0, f32::max))
        .collect();
    if grey_areas.is_empty() && !m.grey_lane_when_empty {
        return (row_ends, 0.0);
    }
    let count = rows.iter().filter(|r| !r.is_empty()).count().max(1) as f32;
    let lane_height = brackets_height + count * (height + CALLOUT_GAP) + CALLOUT_GAP;
    (row_ends, lane_height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn a_step_listed_after_one_serving_a_later_card_is_drawn_under_its_own() {
        let mut j = Journey::new("t", Language::En);
        for n in 1..=3 {
            j.touchpoints.push(Touchpoint::new(
                format!("tp-{n}").as_str().into(),
                Stage::Action,
                "c",
            ));
        }
        let step = |id: &str, serves: &str| {
            let mut s = Step::new(id.into(), Stage::Action, BlueprintLane::Backstage, id);
            s.serves = vec![serves.into()];
            s
        };
        // Dispensing (the third card) listed before the clinical check (the first).
        j.steps = vec![
            step("st-1", "tp-3"),
            step("st-2", "tp-1"),
            step("st-3", "tp-1"),
        ];
        let (columns, needed) = step_columns(&j);
        assert_eq!(
            columns,
            vec![2, 0, 1],
            "under their cards; two on one card side by side"
        );
        assert_eq!(needed[Stage::Action.index()], 3);
        // Many on one card: each the next free column, in the journey's order.
        j.steps = (1..=200)
            .map(|n| step(&format!("st-{n}"), "tp-2"))
            .collect();
        let (columns, _) = step_columns(&j);
        assert_eq!(columns, (1..=200).collect::<Vec<_>>());
    }

    fn sample() -> Journey {
        let mut j = Journey::new("t", Language::En);
        for (n, stage) in [
            Stage::Awareness,
            Stage::Awareness,
            Stage::Interest,
            Stage::Usage,
        ]
        .iter()
        .enumerate()
        {
            let mut tp = Touchpoint::new(TouchpointId(format!("tp-{}", n + 1)), *stage, "x");
            tp.emotion = Some(Emotion {
                score: [1, -2, 0, -2][n],
                word: String::new(),
            });
            j.touchpoints.push(tp);
        }
        j.grey_areas.push(GreyArea {
            kind: GreyAreaKind::SystemGap,
            severity: Severity::High,
            ..GreyArea::new("ga-1".into(), "tp-1", "tp-2")
        });
        j
    }

    #[test]
    fn slots_run_left_to_right_in_journey_order() {
        let l = layout(&sample(), &Metrics::default());
        assert_eq!(l.slots.len(), 4);
        assert!(
            l.slots
                .windows(2)
                .all(|w| w[0].card.max.x < w[1].card.min.x)
        );
        assert_eq!(l.stages.len(), 6);
        assert!(
            l.stages
                .windows(2)
                .all(|w| w[0].column.max.x <= w[1].column.min.x)
        );
        for s in &l.slots {
            let column = &l.stages[s.stage.index()].column;
            assert!(column.min.x <= s.card.min.x && s.card.max.x <= column.max.x);
        }
        assert!(l.bounds.width() > 0.0 && l.bounds.height() > 0.0);
    }

    #[test]
    fn emotion_points_rise_with_score_and_mark_the_lows() {
        let l = layout(&sample(), &Metrics::default());
        let y = |i: usize| l.slots[i].emotion.unwrap().y;
        assert!(y(0) < l.neutral_y && y(1) > l.neutral_y);
        assert_eq!(y(2), l.neutral_y);
        let lows: Vec<bool> = l.slots.iter().map(|s| s.is_low).collect();
        assert_eq!(lows, [false, true, false, true]);
    }

    #[test]
    fn a_grey_area_widens_its_gap_and_spans_the_lanes() {
        let m = Metrics::default();
        let l = layout(&sample(), &m);
        let band = l.grey_areas[0].band;
        assert_eq!(band.width(), m.grey_gap);
        assert_eq!(band.min.x, l.slots[0].card.max.x);
        assert!(band.max.y >= l.lane(Lane::Departments).rect.min.y);
    }

    #[test]
    fn a_grey_area_across_a_stage_boundary_is_as_wide() {
        let m = Metrics::default();
        let mut journey = sample();
        journey.grey_areas[0].from = "tp-2".into();
        journey.grey_areas[0].to = "tp-3".into();
        let l = layout(&journey, &m);
        assert_eq!(l.grey_areas[0].band.width(), m.grey_gap);
        assert_eq!(l.slots[1].stage, Stage::Awareness);
        assert_eq!(l.slots[2].stage, Stage::Interest);
    }

    #[test]
    fn visible_range_and_drop_targets() {
        let l = layout(&sample(), &Metrics::default());
        let second = &l.slots[1].card;
        assert_eq!(l.slots_in_x(second.min.x + 1.0, second.max.x - 1.0), 1..2);
        assert_eq!(l.card_at(second.center()), Some(1));
        let interest = &l.stages[Stage::Interest.index()];
        assert_eq!(l.drop_target(interest.column.center().x), Stage::Interest);
        assert_eq!(
            l.drop_index(
                Stage::Awareness,
                Point::new(l.slots[1].card.max.x + 1.0, 0.0),
                None
            ),
            2
        );
        assert_eq!(
            l.drop_index(Stage::Awareness, Point::new(0.0, 0.0), None),
            0
        );
    }

    #[test]
    fn grey_areas_on_one_pair_get_callouts_that_do_not_overlap() {
        let m = Metrics::default();
        let mut journey = sample();
        let mut second = journey.grey_areas[0].clone();
        second.id = "ga-2".into();
        second.severity = Severity::Critical;
        journey.grey_areas.push(second);
        let mut third = journey.grey_areas[0].clone();
        third.id = "ga-3".into();
        journey.grey_areas.push(third);
        let l = layout(&journey, &m);
        let callouts: Vec<Rect> = l.grey_areas.iter().map(|g| g.callout).collect();
        for (i, a) in callouts.iter().enumerate() {
            for b in &callouts[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
            let lane = l.lane(Lane::GreyAreas).rect;
            assert!(
                lane.min.y <= a.min.y && a.max.y <= lane.max.y,
                "inside its lane"
            );
            assert!(a.max.x <= l.bounds.max.x, "inside the map");
        }
    }

    #[test]
    fn a_grey_area_between_non_neighbours_covers_no_card() {
        let mut journey = sample();
        journey.grey_areas[0].to = "tp-4".into();
        let l = layout(&journey, &Metrics::default());
        let grey = &l.grey_areas[0];
        assert!(!grey.neighbours);
        for slot in &l.slots {
            for rect in [slot.card, slot.doing, slot.pains, slot.department] {
                assert!(
                    !grey.band.intersects(&rect),
                    "the bracket covers {}",
                    slot.id
                );
                assert!(!grey.callout.intersects(&rect));
            }
        }
        // It still spans from the first card to the last.
        assert_eq!(grey.band.min.x, l.slots[0].card.center().x);
        assert_eq!(grey.band.max.x, l.slots[3].card.center().x);
    }
}
