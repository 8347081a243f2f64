//! Boxes grow before words are cut: the metrics that give every lane the room its
//! fullest cell needs, every card its title, every callout its words and every stage
//! header its name and notes. The needs are measured by drawing each part into a
//! scratch list (the same code that draws it), so what is measured is what is drawn.
//!
//! `Fit` keeps each element's needs with a digest of what it draws from, so the editor
//! lays a 10,000-card map out again on a keystroke by measuring the one card that
//! changed; `fitted` measures everything once (exports).

use super::Shape;
use super::{HEADER_INSET, LANE_LABEL_INSET, blueprint, card, grey_areas, stage_header};
use crate::i18n::I18n;
use crate::layout::{AD_HOC_DROP, Lane, Rect};
use crate::model::{
    Deviation, Evidence, EvidenceId, GreyArea, Journey, Opportunity, OpportunityTarget, Step,
    Touchpoint, TouchpointId,
};
use crate::theme::{Metrics, Theme};
use std::hash::{Hash, Hasher};

/// The smallest evidence lane (one line of quote), when it is shown.
const MIN_EVIDENCE: f32 = 36.0;
/// A part measured in a box this high never runs out of room.
const TALL: f32 = 1.0e7;

/// What one touchpoint's card and cells need, in height.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Needs {
    card: f32,
    evidence: f32,
    doing: f32,
    pains: f32,
    department: f32,
}

/// Each element's needs with the digest of what they were measured from, for the
/// styles (theme and language) used lately: switching to presentation mode and back
/// measures nothing the second time.
#[derive(Debug, Default)]
pub struct Fit {
    /// The style now in use, and its needs.
    style: u64,
    needs: Measured,
    /// Other styles' needs, most recent last.
    kept: Vec<(u64, Measured)>,
}

/// How many styles' needs are kept besides the one in use.
const KEPT_STYLES: usize = 3;

/// One style's needs.
#[derive(Debug, Default)]
struct Measured {
    touchpoints: foldhash::HashMap<TouchpointId, (u64, Needs)>,
    grey_areas: foldhash::HashMap<String, (u64, f32)>,
    steps: foldhash::HashMap<String, (u64, f32)>,
}

/// The least a score point moves the curve, however long the moments' names.
const LEAST_SCORE_STEP: f32 = 16.0;

/// The metrics that fit `journey`, measured once.
pub fn fitted(journey: &Journey, theme: &Theme, i18n: &I18n, evidence_lane: bool) -> Metrics {
    Fit::default().metrics(journey, theme, i18n, evidence_lane)
}

fn digest(parts: impl FnOnce(&mut foldhash::fast::FoldHasher<'static>)) -> u64 {
    static SEED: std::sync::OnceLock<foldhash::fast::FixedState> = std::sync::OnceLock::new();
    let state = SEED.get_or_init(|| foldhash::fast::FixedState::with_seed(0x6a6d));
    let mut hasher = std::hash::BuildHasher::build_hasher(state);
    parts(&mut hasher);
    hasher.finish()
}

fn style_digest(theme: &Theme, i18n: &I18n) -> u64 {
    digest(|h| {
        let m = &theme.metrics;
        for size in [
            theme.card_title_size,
            theme.body_size,
            theme.small_size,
            theme.stage_size,
            theme.badge_size,
            m.slot_width,
            m.callout_width,
        ] {
            size.to_bits().hash(h);
        }
        theme.card_title_lines.hash(h);
        theme.brief.hash(h);
        i18n.language().key().hash(h);
    })
}

/// The evidence items and opportunities each touchpoint draws, found once.
struct Index<'a> {
    evidence: foldhash::HashMap<&'a EvidenceId, &'a Evidence>,
    opportunities: foldhash::HashMap<&'a TouchpointId, Vec<&'a Opportunity>>,
}

impl<'a> Index<'a> {
    fn new(journey: &'a Journey) -> Self {
        let mut opportunities: foldhash::HashMap<&TouchpointId, Vec<&Opportunity>> =
            foldhash::HashMap::default();
        for o in &journey.opportunities {
            if let OpportunityTarget::Touchpoint(t) = &o.target {
                opportunities.entry(t).or_default().push(o);
            }
        }
        Self {
            evidence: journey.evidence.iter().map(|e| (&e.id, e)).collect(),
            opportunities,
        }
    }
}

/// Everything a touchpoint's card and cells are drawn from.
fn touchpoint_digest(journey: &Journey, index: &Index<'_>, tp: &Touchpoint) -> u64 {
    digest(|h| {
        tp.title.hash(h);
        tp.deviation.map(Deviation::key).hash(h);
        tp.key_moment.hash(h);
        tp.emotion.as_ref().map(|e| (e.score, &e.word)).hash(h);
        tp.action.hash(h);
        tp.thought.hash(h);
        tp.expectation.hash(h);
        tp.physical_evidence.hash(h);
        tp.pain_points.hash(h);
        let channel = tp.channel.as_ref().and_then(|c| journey.channel(c));
        channel.map(|c| &c.name).hash(h);
        let department = tp.department.as_ref().and_then(|d| journey.department(d));
        department.map(|d| &d.name).hash(h);
        tp.evidence.len().hash(h);
        for id in &tp.evidence {
            if let Some(e) = index.evidence.get(id) {
                (e.kind, e.confidence, &e.text).hash(h);
                for m in &e.metrics {
                    (m.name, &m.label, m.value.to_bits(), &m.scale, m.sample_size).hash(h);
                }
            }
        }
        for o in index.opportunities.get(&tp.id).into_iter().flatten() {
            (&o.idea, &o.owner, o.status).hash(h);
            journey.latest_votes(o.id.as_str()).hash(h);
        }
    })
}

fn grey_digest(journey: &Journey, grey: &GreyArea) -> u64 {
    digest(|h| {
        (&grey.title, grey.kind, grey.severity, grey.status).hash(h);
        (&grey.experience, &grey.fix, &grey.owner).hash(h);
        if grey.title.trim().is_empty() {
            for end in [&grey.from, &grey.to] {
                journey.end_title(end).hash(h);
            }
        }
        for o in journey
            .opportunities
            .iter()
            .filter(|o| matches!(&o.target, OpportunityTarget::GreyArea(g) if *g == grey.id))
        {
            (&o.idea, &o.owner, o.status).hash(h);
        }
    })
}

/// Everything a step's card is drawn from.
fn step_digest(journey: &Journey, step: &Step) -> u64 {
    digest(|h| {
        (&step.title, step.fail_point).hash(h);
        step.actor
            .as_ref()
            .and_then(|a| journey.actor(a))
            .map(|a| &a.name)
            .hash(h);
        step.duration.map(|d| d.to_string()).hash(h);
        step.time_standard.map(|d| d.to_string()).hash(h);
        step.wait.map(|d| d.to_string()).hash(h);
        step.fail_rate.map(f64::to_bits).hash(h);
        step.physical_evidence.hash(h);
        blueprint::clock_room(journey, step).hash(h);
    })
}

fn measure_touchpoint(
    journey: &Journey,
    tp: &Touchpoint,
    theme: &Theme,
    i18n: &I18n,
    evidence_lane: bool,
    physical_row: bool,
) -> Needs {
    let width = theme.metrics.slot_width;
    let cell = Rect::from_min_size(0.0, 0.0, width, TALL);
    let mut scratch = Vec::new();
    let drop = if tp.deviation == Some(Deviation::AdHoc) {
        AD_HOC_DROP
    } else {
        0.0
    };
    // A cell that draws nothing needs nothing (a lane no card uses can go).
    let mut need = |draw: &mut dyn FnMut(&mut Vec<Shape>) -> f32| {
        scratch.clear();
        let height = draw(&mut scratch);
        if scratch.is_empty() { 0.0 } else { height }
    };
    Needs {
        card: card::card(&mut Vec::new(), journey, cell, tp, theme, i18n) + drop,
        // The evidence lane is measured only where it is shown.
        evidence: if evidence_lane {
            need(&mut |out| {
                card::evidence(
                    out,
                    journey,
                    cell,
                    tp,
                    &card::Numbers::measuring(),
                    theme,
                    i18n,
                )
            })
        } else {
            0.0
        },
        doing: need(&mut |out| card::doing(out, cell, tp, physical_row, theme, i18n)),
        pains: need(&mut |out| card::pains(out, journey, cell, tp, theme, i18n)),
        department: need(&mut |out| card::department(out, journey, cell, tp, theme)),
    }
}

impl Fit {
    /// The theme's metrics grown to what `journey` needs; the evidence lane shown or
    /// not.
    pub fn metrics(
        &mut self,
        journey: &Journey,
        theme: &Theme,
        i18n: &I18n,
        evidence_lane: bool,
    ) -> Metrics {
        // Whether the evidence lane is shown decides what is measured: part of the style.
        let style = style_digest(theme, i18n) ^ u64::from(evidence_lane);
        if style != self.style {
            let kept = match self.kept.iter().position(|(s, _)| *s == style) {
                Some(at) => self.kept.remove(at).1,
                None => Measured::default(),
            };
            let previous = std::mem::replace(&mut self.needs, kept);
            self.kept.push((self.style, previous));
            if self.kept.len() > KEPT_STYLES {
                self.kept.remove(0);
            }
            self.style = style;
        }
        let Self { needs: cache, .. } = self;
        let index = Index::new(journey);
        let physical_row =
            !theme.brief && crate::layout::shows_physical_evidence(journey, &theme.metrics);
        let mut most = Needs::default();
        let mut seen = foldhash::HashSet::default();
        for tp in &journey.touchpoints {
            let key = touchpoint_digest(journey, &index, tp);
            let needs = match cache.touchpoints.get(&tp.id) {
                Some((k, needs)) if *k == key => *needs,
                _ => {
                    let needs =
                        measure_touchpoint(journey, tp, theme, i18n, evidence_lane, physical_row);
                    cache.touchpoints.insert(tp.id.clone(), (key, needs));
                    needs
                }
            };
            seen.insert(&tp.id);
            most.card = most.card.max(needs.card);
            most.evidence = most.evidence.max(needs.evidence);
            most.doing = most.doing.max(needs.doing);
            most.pains = most.pains.max(needs.pains);
            most.department = most.department.max(needs.department);
        }
        cache.touchpoints.retain(|id, _| seen.contains(id));
        let callout = Rect::from_min_size(0.0, 0.0, theme.metrics.callout_width, TALL);
        let mut callout_height: f32 = 0.0;
        let mut greys = foldhash::HashSet::default();
        for grey in &journey.grey_areas {
            let key = grey_digest(journey, grey);
            let height = match cache.grey_areas.get(grey.id.as_str()) {
                Some((k, height)) if *k == key => *height,
                _ => {
                    let height = grey_areas::callout(
                        &mut Vec::new(),
                        journey,
                        grey,
                        1,
                        callout,
                        theme,
                        i18n,
                    );
                    cache
                        .grey_areas
                        .insert(grey.id.as_str().to_owned(), (key, height));
                    height
                }
            };
            greys.insert(grey.id.as_str());
            callout_height = callout_height.max(height);
        }
        cache.grey_areas.retain(|id, _| greys.contains(id.as_str()));
        let step_cell = Rect::from_min_size(0.0, 0.0, theme.metrics.slot_width, TALL);
        let mut step_need: f32 = 0.0;
        let mut steps = foldhash::HashSet::default();
        if theme.metrics.step_height > 0.0 {
            for step in &journey.steps {
                let key = step_digest(journey, step);
                let height = match cache.steps.get(step.id.as_str()) {
                    Some((k, height)) if *k == key => *height,
                    _ => {
                        let height = blueprint::step_card(
                            &mut Vec::new(),
                            journey,
                            step_cell,
                            step,
                            blueprint::StepShown {
                                clock: blueprint::clock_room(journey, step),
                                physical_row,
                            },
                            theme,
                            i18n,
                        );
                        cache
                            .steps
                            .insert(step.id.as_str().to_owned(), (key, height));
                        height
                    }
                };
                steps.insert(step.id.as_str());
                step_need = step_need.max(height);
            }
        }
        cache.steps.retain(|id, _| steps.contains(id.as_str()));
        let m = &theme.metrics;
        // The narrowest each stage's column can be: an empty stage's is the metrics'
        // (collapsed or not; none when it is hidden), one with cards holds a card (on
        // the wall, whose columns are the narrower).
        let least = header_least_widths(journey, theme, i18n);
        let mut grown = m.clone();
        for (own, need) in grown.stage_least.iter_mut().zip(least) {
            *own = own.max(need);
        }
        let narrowest = |stage: crate::model::Stage| {
            if journey.stage_range(stage).is_empty() {
                grown.empty_width(stage)
            } else {
                let padding = m.stage_padding.min(crate::layout::WALL_PADDING);
                (m.slot_width + 2.0 * padding).max(grown.least(stage))
            }
        };
        let has_notes = !theme.brief
            && journey.stages.values().any(|n| {
                [&n.goal, &n.doing, &n.thinking, &n.feeling]
                    .iter()
                    .any(|v| !v.trim().is_empty())
            });
        // The blueprint's elapsed times, as the headers and the corner will say them.
        let timing = if crate::layout::shows_blueprint(journey, m) {
            crate::model::flow::timing(journey)
        } else {
            Default::default()
        };
        let header_height = crate::model::Stage::ALL
            .iter()
            .filter(|stage| narrowest(**stage) >= 1.0)
            .map(|stage| {
                let header = Rect::from_min_size(0.0, 0.0, narrowest(*stage), TALL);
                let elapsed = crate::words::elapsed_line(
                    &crate::model::flow::stage_elapsed(&timing, *stage),
                    i18n,
                );
                stage_header(
                    &mut Vec::new(),
                    journey,
                    header,
                    *stage,
                    elapsed.as_deref(),
                    theme,
                    i18n,
                ) + 4.0
            })
            .fold(0.0, f32::max);
        // The flow's total in the corner (none on the projector: each stage's header
        // says its own).
        let corner = if m.lane_label_width >= 40.0 && !theme.brief {
            super::flow_total(&mut Vec::new(), &timing, m.lane_label_width, theme, i18n)
        } else {
            0.0
        };
        let header_height = header_height.max(corner);
        // Every lane holds its label whole; every stage its name's longest word.
        let labelled = |lane: Lane, height: f32| {
            if height <= 0.0 {
                height
            } else {
                height.max(lane_label_height(lane, theme, i18n))
            }
        };
        let card_height = labelled(Lane::Cards, m.card_height.max(most.card));
        let evidence_height = if evidence_lane {
            labelled(Lane::Evidence, most.evidence.max(MIN_EVIDENCE))
        } else {
            0.0
        };
        let doing_height = labelled(Lane::Doing, m.doing_height.max(most.doing));
        let pains_height = labelled(Lane::Pains, m.pains_height.max(most.pains));
        let department_height =
            labelled(Lane::Departments, m.department_height.max(most.department));
        // The blueprint's lanes hold their fullest step and their names; the label
        // column its lines' names.
        let blueprint = crate::layout::shows_blueprint(journey, m);
        let lanes = [Lane::Frontstage, Lane::Backstage, Lane::Support];
        let named = lanes
            .iter()
            .map(|l| lane_label_height(*l, theme, i18n))
            .fold(0.0, f32::max);
        let (step_height, step_empty_height, lane_label_width) = if blueprint {
            // The projector's lines run bare (its lanes' names say it).
            let label_width = if m.lane_label_width >= 40.0 && !theme.brief {
                m.lane_label_width
                    .max(blueprint::widest_line_label(theme, i18n).ceil())
            } else {
                m.lane_label_width
            };
            (
                m.step_height.max(step_need).max(named),
                m.step_empty_height
                    .max(named + blueprint::line_label_room(theme)),
                label_width,
            )
        } else {
            (m.step_height, m.step_empty_height, m.lane_label_width)
        };
        // The physical-evidence row holds its fullest cell and its name.
        let physical_height = if physical_row {
            let cell = Rect::from_min_size(0.0, 0.0, m.slot_width, TALL);
            let mut serving: foldhash::HashMap<
                &crate::model::TouchpointId,
                Vec<&crate::model::Step>,
            > = foldhash::HashMap::default();
            let mut most: f32 = 0.0;
            for step in journey
                .steps
                .iter()
                .filter(|s| !s.physical_evidence.trim().is_empty())
            {
                match step.serves.first() {
                    Some(t) => serving.entry(t).or_default().push(step),
                    None => {
                        let things = [step.physical_evidence.trim()];
                        most = most.max(card::physical_cell(&mut Vec::new(), cell, &things, theme));
                    }
                }
            }
            for tp in &journey.touchpoints {
                let steps = serving.get(&tp.id).map_or(&[][..], Vec::as_slice);
                let things = card::physical_evidence_of(tp, steps);
                if !things.is_empty() {
                    most = most.max(card::physical_cell(&mut Vec::new(), cell, &things, theme));
                }
            }
            labelled(Lane::PhysicalEvidence, m.physical_height.max(most))
        } else {
            m.physical_height
        };
        // The curve's moments named whole over and under it, the scores still apart.
        let curve_label_room = if m.curve_label_room > 0.0 {
            m.curve_label_room
                .max(super::curve_moments_room(
                    journey,
                    m.slot_width,
                    theme,
                    i18n,
                ))
                .ceil()
        } else {
            0.0
        };
        // No emotion lane stays none (a blueprint's slide); one shown has room for
        // its scale and its moments' names.
        let emotion_height = if m.emotion_height > 0.0 {
            m.emotion_height
                .max(2.0 * (18.0 + curve_label_room) + 4.0 * LEAST_SCORE_STEP)
        } else {
            0.0
        };
        let grown = Metrics {
            curve_label_room,
            emotion_height,
            physical_height,
            step_height,
            step_empty_height,
            line_label_room: if blueprint && !theme.brief {
                2.0 * blueprint::line_label_room(theme)
            } else {
                0.0
            },
            lane_label_width,
            phase_height: if m.phase_height > 0.0 {
                m.phase_height
                    .max(crate::text::height(1, theme.small_size) + 12.0)
                    .ceil()
            } else {
                0.0
            },
            card_height,
            evidence_height,
            doing_height,
            pains_height,
            department_height,
            stage_least: grown.stage_least,
            callout_height: m.callout_height.max(callout_height),
            // Without notes, a header is its name; with them, at least the theme's.
            stage_header_height: if has_notes {
                m.stage_header_height.max(header_height)
            } else {
                header_height
            },
            ..m.clone()
        };
        if theme.brief {
            // The projector's composition keeps the lanes the room reads from afar.
            return Metrics {
                doing_height: 0.0,
                pains_height: 0.0,
                department_height: 0.0,
                evidence_height: 0.0,
                physical_height: 0.0,
                ..grown
            };
        }
        grown
    }
}

/// The height a lane needs for its label in the label column, whole (none without the
/// column: the wall's lanes have no labels).
pub fn lane_label_height(lane: Lane, theme: &Theme, i18n: &I18n) -> f32 {
    let width = theme.metrics.lane_label_width;
    if width < 40.0 {
        return 0.0;
    }
    let name = i18n.term("lane", lane.key());
    let lines = crate::text::wrap(&name, theme.body_size, true, width - 2.0 * LANE_LABEL_INSET);
    crate::text::height(lines.len(), theme.body_size) + 2.0 * LANE_LABEL_INSET
}

/// The least width of each stage's column, so its name breaks between words only
/// (its longest word dropping under the header's "+" when it cannot sit beside it),
/// and no note's word is wider than the header (up to two cards' width: a web address
/// may overflow).
pub fn header_least_widths(journey: &Journey, theme: &Theme, i18n: &I18n) -> [f32; 6] {
    let mut widths = [0.0; 6];
    for (stage, width) in crate::model::Stage::ALL.iter().copied().zip(&mut widths) {
        let name = i18n.stage_name(journey, stage);
        let mut least = widest_word(&name, theme.stage_size, true) + HEADER_INSET;
        if let Some(notes) = journey.stages.get(&stage) {
            for note in [&notes.goal, &notes.doing, &notes.thinking, &notes.feeling] {
                let word = widest_word(note, theme.small_size, false) + HEADER_INSET;
                least = least.max(word.min(2.0 * theme.metrics.slot_width));
            }
        }
        *width = least.ceil();
    }
    widths
}

/// The widest word of `text`.
pub fn widest_word(text: &str, size: f32, bold: bool) -> f32 {
    text.split_whitespace()
        .map(|w| crate::text::width(w, size, bold))
        .fold(0.0, f32::max)
}
