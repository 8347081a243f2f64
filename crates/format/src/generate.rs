//! Realistic large journeys for benchmarks and stress tests, deterministic from a seed:
//! touchpoints spread over the six stages, about one evidence item per touchpoint, a
//! grey area per ten touchpoints between neighbours, and text of realistic length.

use crate::model::*;

/// A small deterministic PRNG (xorshift64*); good enough for test data, no dependency.
/// The journey and event-log generators share it.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const VERBS: &[&str] = &[
    "Compares",
    "Reads",
    "Asks about",
    "Signs up for",
    "Waits for",
    "Calls about",
    "Checks",
    "Opens",
    "Pays for",
    "Returns",
    "Reviews",
    "Shares",
    "Searches for",
    "Cancels",
];
const OBJECTS: &[&str] = &[
    "the delivery window",
    "the monthly plan",
    "a discount code",
    "the size guide",
    "the contract terms",
    "the refund",
    "the installation slot",
    "the loyalty points",
    "the order status",
    "the invoice",
    "a replacement part",
    "the opening hours",
];
const THOUGHTS: &[&str] = &[
    "Why is this so hard?",
    "That was quicker than I expected.",
    "I hope they call back.",
    "Nobody told me about this fee.",
    "This is exactly what I needed.",
    "Do I really need an account?",
];
const WORDS: &[&str] = &[
    "frustrated",
    "relieved",
    "curious",
    "anxious",
    "pleased",
    "confused",
    "delighted",
];

/// A journey with `touchpoints` touchpoints, deterministic for a given `seed`.
pub fn generate(touchpoints: usize, seed: u64) -> Journey {
    let mut rng = Rng::new(seed);
    let mut journey = Journey::new(
        format!("Generated journey ({touchpoints} touchpoints)"),
        Language::En,
    );
    journey.persona.name = "Generated persona".to_owned();
    journey.scenario = "A synthetic journey for benchmarks and stress tests.".to_owned();
    journey.date = "2026-11-01".to_owned();
    let channels: Vec<ChannelId> = journey.channels.iter().map(|c| c.id.clone()).collect();
    let departments: Vec<DepartmentId> = journey.departments.iter().map(|d| d.id.clone()).collect();
    let evidence_kinds = [
        EvidenceKind::Quote,
        EvidenceKind::Observation,
        EvidenceKind::Complaint,
        EvidenceKind::Metric,
    ];
    for n in 0..touchpoints {
        let stage = Stage::ALL[n * Stage::ALL.len() / touchpoints.max(1)];
        let id = TouchpointId(format!("tp-{}", n + 1));
        let evidence_id = EvidenceId(format!("ev-{}", n + 1));
        let mut tp = Touchpoint::new(
            id,
            stage,
            format!("{} {}", rng.pick(VERBS), rng.pick(OBJECTS)),
        );
        tp.channel = Some(rng.pick(&channels).clone());
        tp.department = Some(rng.pick(&departments).clone());
        tp.action = format!(
            "{} {} on a weekday evening",
            rng.pick(VERBS),
            rng.pick(OBJECTS)
        );
        tp.thought = rng.pick(THOUGHTS).to_string();
        tp.emotion = Some(Emotion {
            score: rng.below(5) as i8 - 2,
            word: rng.pick(WORDS).to_string(),
        });
        tp.key_moment = rng.below(12) == 0;
        if rng.below(3) == 0 {
            tp.pain_points
                .push(format!("Has to repeat {} twice", rng.pick(OBJECTS)));
        }
        tp.evidence.push(evidence_id.clone());
        let kind = *rng.pick(&evidence_kinds);
        let metric = (kind == EvidenceKind::Metric).then(|| Metric {
            name: MetricName::Csat,
            label: String::new(),
            value: (rng.below(40) + 60) as f64,
            scale: "%".to_owned(),
            sample_size: Some(rng.below(900) as u32 + 100),
        });
        journey.evidence.push(Evidence {
            source: format!("Interview {}", rng.below(60) + 1),
            date: "2026-10".to_owned(),
            metrics: metric.into_iter().collect(),
            ..Evidence::new(
                evidence_id,
                kind,
                format!(
                    "\"{}\" said a customer about {}",
                    rng.pick(THOUGHTS),
                    rng.pick(OBJECTS)
                ),
            )
        });
        journey.touchpoints.push(tp);
    }
    for g in 0..touchpoints / 10 {
        let from = g * 10 + rng.below(9);
        let (from_tp, to_tp) = (&journey.touchpoints[from], &journey.touchpoints[from + 1]);
        journey.grey_areas.push(GreyArea {
            id: GreyAreaId(format!("ga-{}", g + 1)),
            title: format!("Handoff around {}", rng.pick(OBJECTS)),
            from: from_tp.id.clone().into(),
            to: to_tp.id.clone().into(),
            kind: *rng.pick(GreyAreaKind::ALL),
            severity: *rng.pick(Severity::ALL),
            experience: "The customer has to explain everything again".to_owned(),
            departments: vec![rng.pick(&departments).clone()],
            channels: vec![rng.pick(&channels).clone()],
            evidence: vec![from_tp.evidence[0].clone()],
            fix: "Share the case history between the teams".to_owned(),
            owner: "Service design lead".to_owned(),
            status: GreyAreaStatus::Open,
        });
    }
    journey
}

/// The most touchpoints `generate` makes: about 900 bytes of text each, so this is a
/// journey of about 900 MB, well over what the loader accepts.
pub const MAX_TOUCHPOINTS: usize = 1_000_000;

/// Hostile variations of a generated journey, for benchmarks and tests: the cost of
/// every pass must stay linear in the input, not only on well-formed maps.
pub mod hostile {
    use super::generate;
    use crate::model::*;

    /// Takes the evidence off `warnings` touchpoints, spread evenly: one `check`
    /// warning each.
    pub fn add_warnings(journey: &mut Journey, warnings: usize) {
        let len = journey.touchpoints.len();
        let count = warnings.min(len);
        for k in 0..count {
            journey.touchpoints[k * len / count].evidence.clear();
        }
    }

    /// Adds `errors` evidence links to items that do not exist, dealt round the
    /// cards: one `check` error each.
    pub fn add_errors(journey: &mut Journey, errors: usize) {
        let len = journey.touchpoints.len();
        if len == 0 {
            return;
        }
        for e in 0..errors {
            journey.touchpoints[e % len]
                .evidence
                .push(EvidenceId(format!("ev-missing-{}", e + 1)));
        }
    }

    /// `text` with `comments` full-line `//` comments spread evenly before its lines
    /// (after the first, so the file still starts with `Journey(`).
    pub fn with_comments(text: &str, comments: usize) -> String {
        let lines: Vec<&str> = text.lines().collect();
        let mut out = String::with_capacity(text.len() + comments * 24);
        let slots = lines.len().saturating_sub(1).max(1);
        let mut placed = 0;
        for (index, line) in lines.iter().enumerate() {
            if index > 0 {
                let due = index * comments / slots;
                while placed < due.min(comments) {
                    placed += 1;
                    out.push_str(&format!("    // note {placed}\n"));
                }
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// A generated journey whose first touchpoint's title is a pasted log of about
    /// `bytes` bytes, in lines of 80 characters.
    pub fn with_huge_field(touchpoints: usize, bytes: usize, seed: u64) -> Journey {
        let mut journey = generate(touchpoints.max(1), seed);
        let line = "2026-11-01T09:14:03Z ERROR checkout: payment gateway timeout after 30s\n";
        let mut log = String::with_capacity(bytes + line.len());
        while log.len() < bytes {
            log.push_str(line);
        }
        journey.touchpoints[0].title = log;
        journey
    }
}

/// Adds `per_touchpoint` blueprint steps under every touchpoint of `journey` (each
/// serving it, the layers in turn, four actors, some over their time standard and some
/// fail points with their rates; each step after the one before, every fifth after the
/// one three before too, every fourth waiting): the benchmarks' blueprint.
pub fn add_steps(journey: &mut Journey, per_touchpoint: usize) {
    use crate::model::{Actor, ActorKind, BlueprintLane, Duration, Rgb, Step, TimeUnit};
    let kinds = [
        ActorKind::Staff,
        ActorKind::System,
        ActorKind::Partner,
        ActorKind::Staff,
    ];
    for (n, kind) in kinds.iter().enumerate() {
        journey.actors.push(Actor {
            id: format!("actor-{}", n + 1).as_str().into(),
            name: format!("Actor {}", n + 1),
            kind: *kind,
            colour: Rgb::hex(0x4e79a7 + 0x1f2f * n as u32),
        });
    }
    let mut number = 0;
    let mut steps = Vec::with_capacity(journey.touchpoints.len() * per_touchpoint);
    for tp in &journey.touchpoints {
        for k in 0..per_touchpoint {
            number += 1;
            let lane = BlueprintLane::ALL[(number + k) % 3];
            let mut step = Step::new(
                format!("st-{number}").as_str().into(),
                tp.stage,
                lane,
                format!("Step {number} behind {}", tp.title),
            );
            step.actor = Some(format!("actor-{}", number % 4 + 1).as_str().into());
            step.serves.push(tp.id.clone());
            step.duration = Some(Duration {
                amount: (number % 90) as f64,
                unit: TimeUnit::Min,
            });
            step.time_standard = Some(Duration {
                amount: 60.0,
                unit: TimeUnit::Min,
            });
            step.fail_point = number % 17 == 0;
            if step.fail_point {
                step.fail_rate = Some((number % 50) as f64 + 0.5);
            }
            if number > 1 {
                step.after
                    .push(format!("st-{}", number - 1).as_str().into());
            }
            if number > 3 && number % 5 == 0 {
                step.after
                    .push(format!("st-{}", number - 3).as_str().into());
            }
            if number % 4 == 0 {
                step.wait = Some(Duration {
                    amount: 30.0,
                    unit: TimeUnit::Min,
                });
            }
            steps.push(step);
        }
    }
    journey.steps = steps;
}
