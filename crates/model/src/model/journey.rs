//! The journey document: plain data, no egui. Its serde shape *is* the file format
//! (see `crate::format`): field order here is line order in files, empty optional
//! fields are left out so a new value adds one line and a changed value changes one.
//!
//! Invariant kept by `normalize` and every edit: touchpoints are grouped by stage in
//! stage order; within a stage, list order is the touchpoints' position.

use super::Rgb;
use super::ids::*;
use super::kinds::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

/// Format version this build writes. Files with a larger number are refused.
/// Version 2 writes a grey area's ends as element references (`Touchpoint("tp-3")`,
/// `Step("st-2")`); version 1 files (ends as plain touchpoint ids) still load.
pub const CURRENT_VERSION: u32 = 3;

/// The lowest and highest emotion score.
pub const EMOTION_MIN: i8 = -2;
pub const EMOTION_MAX: i8 = 2;

fn is_false(value: &bool) -> bool {
    !value
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Journey {
    pub version: u32,
    pub title: String,
    #[serde(default)]
    pub language: Language,
    #[serde(default)]
    pub state: JourneyState,
    /// When the map was made or last reviewed, `YYYY-MM-DD` or `YYYY-MM`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scenario: String,
    /// The time of day the journey starts (`09:00`), which turns the blueprint's
    /// elapsed times into clock times; empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub start: String,
    #[serde(default)]
    pub persona: Persona,
    /// Notes per stage; stages with no notes are absent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stages: BTreeMap<Stage, StageNotes>,
    #[serde(default)]
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub departments: Vec<Department>,
    /// Who does the steps of the service blueprint (customer, staff, systems,
    /// partners).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
    /// The service blueprint beneath the touchpoints: frontstage, backstage and
    /// support steps, grouped by stage like the touchpoints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub grey_areas: Vec<GreyArea>,
    #[serde(default)]
    pub opportunities: Vec<Opportunity>,
    /// Suggested handoffs the team looked at and decided are not grey areas, so every
    /// teammate sees the same short list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed_suggestions: Vec<Handoff>,
    /// Curves drawn besides the emotion curve (relevance, enjoyability, one per
    /// segment): each touchpoint may score each on the same -2..2 scale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub curves: Vec<Curve>,
    /// The room's dot votes (`journeymap room`, Workshop ▸ Open the room…): each round's
    /// question and how many dots each grey area, opportunity or touchpoint got.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<VoteRound>,
}

/// What a room can vote on.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum VoteTarget {
    GreyArea(GreyAreaId),
    Opportunity(OpportunityId),
    Touchpoint(TouchpointId),
}

impl VoteTarget {
    /// The element voted on.
    pub fn element(&self) -> super::ElementId {
        match self {
            VoteTarget::GreyArea(g) => super::ElementId::GreyArea(g.clone()),
            VoteTarget::Opportunity(o) => super::ElementId::Opportunity(o.clone()),
            VoteTarget::Touchpoint(t) => super::ElementId::Touchpoint(t.clone()),
        }
    }

    /// The target for an element, if a room can vote on its kind.
    pub fn of(element: &super::ElementId) -> Option<VoteTarget> {
        match element {
            super::ElementId::GreyArea(g) => Some(VoteTarget::GreyArea(g.clone())),
            super::ElementId::Opportunity(o) => Some(VoteTarget::Opportunity(o.clone())),
            super::ElementId::Touchpoint(t) => Some(VoteTarget::Touchpoint(t.clone())),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            VoteTarget::GreyArea(g) => g.as_str(),
            VoteTarget::Opportunity(o) => o.as_str(),
            VoteTarget::Touchpoint(t) => t.as_str(),
        }
    }
}

/// One round of dot voting: the question the room answered, on which day, how many
/// took part, and the dots each element got (anonymous: no one's votes are kept).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteRound {
    pub id: VoteRoundId,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub question: String,
    #[serde(default)]
    pub participants: u32,
    /// Each element voted on and its dots, most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<(VoteTarget, u32)>,
}

impl VoteRound {
    pub fn new(id: VoteRoundId, question: impl Into<String>) -> Self {
        Self {
            id,
            date: String::new(),
            question: question.into(),
            participants: 0,
            counts: Vec::new(),
        }
    }

    /// The dots `element` got in this round.
    pub fn count(&self, element: &str) -> Option<u32> {
        self.counts
            .iter()
            .find(|(t, _)| t.as_str() == element)
            .map(|(_, n)| *n)
    }
}

/// An extra curve: its name and colour on the map and in the legend.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Curve {
    pub id: CurveId,
    pub name: String,
    pub colour: Rgb,
}

/// A touchpoint's score on an extra curve, -2..2.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CurveScore {
    pub curve: CurveId,
    pub score: i8,
}

/// A pair of consecutive touchpoints, in journey order.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Handoff {
    pub from: End,
    pub to: End,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expectations: Vec<String>,
}

/// What the customer wants, does, thinks and feels across one stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageNotes {
    /// The team's own name for this stage ("Define", "Compare"), shown instead of the
    /// standard one; the stage itself stays one of the six.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doing: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub thinking: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feeling: String,
    /// Named phases inside the stage, in order ("Pharmacy check", "Dispensing"): a
    /// service's own sequence, drawn as labelled sub-columns. Touchpoints and steps
    /// name theirs in `phase`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<String>,
}

impl StageNotes {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub id: ChannelId,
    pub name: String,
    pub kind: ChannelKind,
    pub colour: Rgb,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub id: DepartmentId,
    pub name: String,
    pub colour: Rgb,
}

/// How the customer feels at a touchpoint: a score from -2 to +2 and an optional word.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Emotion {
    pub score: i8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub word: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Touchpoint {
    pub id: TouchpointId,
    pub stage: Stage,
    /// The phase of its stage it belongs to (one of the stage's `phases`), if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phase: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<ChannelId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentId>,
    /// What the customer does here.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// What the customer thinks here.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub thought: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expectation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion: Option<Emotion>,
    /// A "moment of truth": a touchpoint that decides the relationship.
    #[serde(default, skip_serializing_if = "is_false")]
    pub key_moment: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pain_points: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceId>,
    /// How the actual journey departs from the plan here, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deviation: Option<Deviation>,
    /// For an out-of-order touchpoint: the touchpoint it was planned to come after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_after: Option<TouchpointId>,
    /// Scores on the journey's extra curves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<CurveScore>,
    /// What the customer sees or holds here (the blueprint's physical evidence: a
    /// receipt, the parcel, the confirmation screen).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub physical_evidence: String,
}

impl Touchpoint {
    pub fn new(id: TouchpointId, stage: Stage, title: impl Into<String>) -> Self {
        Self {
            id,
            stage,
            phase: String::new(),
            title: title.into(),
            description: String::new(),
            channel: None,
            department: None,
            action: String::new(),
            thought: String::new(),
            expectation: String::new(),
            emotion: None,
            key_moment: false,
            pain_points: Vec::new(),
            evidence: Vec::new(),
            deviation: None,
            planned_after: None,
            scores: Vec::new(),
            physical_evidence: String::new(),
        }
    }

    pub fn emotion_score(&self) -> Option<i8> {
        self.emotion.as_ref().map(|e| e.score)
    }

    /// The touchpoint's score on an extra curve.
    pub fn curve_score(&self, curve: &CurveId) -> Option<i8> {
        self.scores
            .iter()
            .find(|s| &s.curve == curve)
            .map(|s| s.score)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub name: MetricName,
    /// The metric's name when `name` is `Custom`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub value: f64,
    /// The scale the value is on, e.g. `"-100..100"`, `"1-5"`, `"%"`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scale: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_size: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(from = "EvidenceFile")]
pub struct Evidence {
    pub id: EvidenceId,
    pub kind: EvidenceKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    /// Paths relative to the journey file's folder, with `/` separators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

impl Evidence {
    /// Evidence of `kind` saying `text`, nothing else known yet.
    pub fn new(id: EvidenceId, kind: EvidenceKind, text: impl Into<String>) -> Self {
        Self {
            id,
            kind,
            text: text.into(),
            source: String::new(),
            date: String::new(),
            confidence: Confidence::default(),
            metrics: Vec::new(),
            attachments: Vec::new(),
        }
    }

    /// The first metric, the one a card shows first and a sheet's metric columns hold.
    pub fn metric(&self) -> Option<&Metric> {
        self.metrics.first()
    }
}

/// Evidence as files hold it: versions 1 and 2 give one `metric`, version 3 a list of
/// `metrics`; either reads, and the single one becomes the list's first.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename = "Evidence")]
struct EvidenceFile {
    id: EvidenceId,
    kind: EvidenceKind,
    text: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    confidence: Confidence,
    /// The one metric of a version 1 or 2 file.
    #[serde(default)]
    metric: Option<Metric>,
    #[serde(default)]
    metrics: Vec<Metric>,
    #[serde(default)]
    attachments: Vec<String>,
}

impl From<EvidenceFile> for Evidence {
    fn from(file: EvidenceFile) -> Self {
        Evidence {
            id: file.id,
            kind: file.kind,
            text: file.text,
            source: file.source,
            date: file.date,
            confidence: file.confidence,
            metrics: file.metric.into_iter().chain(file.metrics).collect(),
            attachments: file.attachments,
        }
    }
}

/// Who does a step of the blueprint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub colour: Rgb,
}

/// A length of time, written `"30 min"`, `"2 h"`, `"1.5 d"`, `"1 w"` in files, so
/// two durations compare whatever their units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duration {
    pub amount: f64,
    pub unit: TimeUnit,
}

impl Eq for Duration {}

impl Duration {
    /// The duration in minutes (a day is 24 hours, a week 7 days).
    pub fn minutes(self) -> f64 {
        self.amount
            * match self.unit {
                TimeUnit::Min => 1.0,
                TimeUnit::H => 60.0,
                TimeUnit::D => 1440.0,
                TimeUnit::W => 10080.0,
            }
    }

    /// Reads `"30 min"`, `"2h"`, `"1.5 d"`: a non-negative number and a unit.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let split = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let amount: f64 = number
            .parse()
            .ok()
            .filter(|a: &f64| a.is_finite() && *a >= 0.0)
            .ok_or_else(|| {
                format!("`{text}` is not a duration: write a number and a unit, as \"30 min\" or \"2 d\"")
            })?;
        let unit = match unit.trim() {
            "min" | "m" => TimeUnit::Min,
            "h" => TimeUnit::H,
            "d" => TimeUnit::D,
            "w" => TimeUnit::W,
            other => {
                return Err(format!(
                    "`{other}` is not a unit of time: use min, h, d or w (\"30 min\", \"2 d\")"
                ));
            }
        };
        Ok(Self { amount, unit })
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = match self.unit {
            TimeUnit::Min => "min",
            TimeUnit::H => "h",
            TimeUnit::D => "d",
            TimeUnit::W => "w",
        };
        write!(f, "{} {unit}", self.amount)
    }
}

impl Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Duration::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Duration {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]+)? ?(min|m|h|d|w)$",
            "description": "a number and a unit of time: \"30 min\", \"2 h\", \"1.5 d\", \"1 w\""
        })
    }
}

/// A step of the service blueprint: what an actor does in one of the three layers,
/// in support of the customer's touchpoints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: StepId,
    pub stage: Stage,
    /// The phase of its stage it belongs to (one of the stage's `phases`), if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phase: String,
    pub lane: BlueprintLane,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorId>,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The touchpoints this step supports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serves: Vec<TouchpointId>,
    /// The steps this one follows (the flow): it starts once they are done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<StepId>,
    /// Waiting before the step starts (a queue, a delivery), beside `duration`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<Duration>,
    /// The hands-on time the step takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// How long the step should take; a longer `duration` is drawn in the warning
    /// colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_standard: Option<Duration>,
    /// Where the service is known to fail.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fail_point: bool,
    /// How often it fails, in percent (0 to 100), beside `fail_point`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_rate: Option<f64>,
    /// What the customer sees or holds at this step (a leaflet, a prescription).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub physical_evidence: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceId>,
}

/// A fail rate is a finite percentage (validation refuses others), so equality is one.
impl Eq for Step {}

impl Step {
    pub fn new(id: StepId, stage: Stage, lane: BlueprintLane, title: impl Into<String>) -> Self {
        Self {
            id,
            stage,
            phase: String::new(),
            lane,
            actor: None,
            title: title.into(),
            description: String::new(),
            serves: Vec::new(),
            after: Vec::new(),
            wait: None,
            duration: None,
            time_standard: None,
            fail_point: false,
            fail_rate: None,
            physical_evidence: String::new(),
            evidence: Vec::new(),
        }
    }

    /// Whether the step takes longer than its time standard.
    pub fn over_standard(&self) -> bool {
        matches!((self.duration, self.time_standard), (Some(d), Some(s)) if d.minutes() > s.minutes())
    }
}

/// One end of a grey area: a touchpoint or a step of the blueprint. Written as an
/// element reference (`Touchpoint("tp-3")`, `Step("st-2")`); a plain id (format
/// version 1) reads as a touchpoint.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub enum End {
    Touchpoint(TouchpointId),
    Step(StepId),
}

impl End {
    pub fn as_str(&self) -> &str {
        match self {
            End::Touchpoint(t) => t.as_str(),
            End::Step(s) => s.as_str(),
        }
    }

    /// The touchpoint at this end, if it is one.
    pub fn touchpoint(&self) -> Option<&TouchpointId> {
        match self {
            End::Touchpoint(t) => Some(t),
            End::Step(_) => None,
        }
    }

    pub fn step(&self) -> Option<&StepId> {
        match self {
            End::Step(s) => Some(s),
            End::Touchpoint(_) => None,
        }
    }

    pub fn is_step(&self) -> bool {
        matches!(self, End::Step(_))
    }
}

impl std::fmt::Display for End {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<TouchpointId> for End {
    fn from(id: TouchpointId) -> Self {
        End::Touchpoint(id)
    }
}

impl From<&str> for End {
    /// A touchpoint's id.
    fn from(id: &str) -> Self {
        End::Touchpoint(TouchpointId::from(id))
    }
}

impl PartialEq<TouchpointId> for End {
    fn eq(&self, other: &TouchpointId) -> bool {
        self.touchpoint() == Some(other)
    }
}

impl<'de> Deserialize<'de> for End {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        enum Tagged {
            Touchpoint(TouchpointId),
            Step(StepId),
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Plain(TouchpointId),
            Tagged(Tagged),
        }
        match Either::deserialize(deserializer).map_err(|_| {
            serde::de::Error::custom(
                "a grey area's end is `Touchpoint(\"tp-1\")` or `Step(\"st-1\")`",
            )
        })? {
            Either::Plain(id) | Either::Tagged(Tagged::Touchpoint(id)) => Ok(End::Touchpoint(id)),
            Either::Tagged(Tagged::Step(id)) => Ok(End::Step(id)),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GreyArea {
    pub id: GreyAreaId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub from: End,
    pub to: End,
    pub kind: GreyAreaKind,
    pub severity: Severity,
    /// What the customer experiences in the gap.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub experience: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<DepartmentId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<ChannelId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fix: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default)]
    pub status: GreyAreaStatus,
}

impl GreyArea {
    /// A handoff between two departments from `from` to `to`, of medium severity,
    /// open, nothing else known yet.
    pub fn new(id: GreyAreaId, from: impl Into<End>, to: impl Into<End>) -> Self {
        Self {
            id,
            title: String::new(),
            from: from.into(),
            to: to.into(),
            kind: GreyAreaKind::DepartmentHandoff,
            severity: Severity::Medium,
            experience: String::new(),
            departments: Vec::new(),
            channels: Vec::new(),
            evidence: Vec::new(),
            fix: String::new(),
            owner: String::new(),
            status: GreyAreaStatus::default(),
        }
    }
}

/// What an opportunity is attached to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum OpportunityTarget {
    Touchpoint(TouchpointId),
    GreyArea(GreyAreaId),
    Step(StepId),
}

impl OpportunityTarget {
    /// The element the opportunity is for.
    pub fn element(&self) -> super::ElementId {
        match self {
            OpportunityTarget::Touchpoint(t) => super::ElementId::Touchpoint(t.clone()),
            OpportunityTarget::GreyArea(g) => super::ElementId::GreyArea(g.clone()),
            OpportunityTarget::Step(s) => super::ElementId::Step(s.clone()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Opportunity {
    pub id: OpportunityId,
    pub target: OpportunityTarget,
    pub idea: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expected_effect: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default)]
    pub status: OpportunityStatus,
    /// What it is worth to the customer and the business, 1 (little) to 5 (much).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<u8>,
    /// What it takes to do, 1 (little) to 5 (much).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<u8>,
}

impl Opportunity {
    /// An idea for `target`, not yet rated, at its first status.
    pub fn new(id: OpportunityId, target: OpportunityTarget, idea: impl Into<String>) -> Self {
        Self {
            id,
            target,
            idea: idea.into(),
            expected_effect: String::new(),
            owner: String::new(),
            status: OpportunityStatus::default(),
            value: None,
            effort: None,
        }
    }
}

/// The map's header: everything that is not a list of elements. Edits replace it whole.
/// Serialized with the same field names as the file (diff and merge walk it that way).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Header {
    pub title: String,
    pub language: Language,
    pub state: JourneyState,
    pub date: String,
    pub scenario: String,
    pub start: String,
    pub persona: Persona,
    pub stages: BTreeMap<Stage, StageNotes>,
    pub dismissed_suggestions: Vec<Handoff>,
}

impl Journey {
    /// An empty journey with the default channel and department catalogues.
    pub fn new(title: impl Into<String>, language: Language) -> Self {
        Self {
            version: CURRENT_VERSION,
            title: title.into(),
            language,
            state: JourneyState::Current,
            date: String::new(),
            scenario: String::new(),
            start: String::new(),
            persona: Persona::default(),
            stages: BTreeMap::new(),
            channels: super::catalog::default_channels(language),
            departments: super::catalog::default_departments(language),
            actors: Vec::new(),
            touchpoints: Vec::new(),
            steps: Vec::new(),
            evidence: Vec::new(),
            grey_areas: Vec::new(),
            opportunities: Vec::new(),
            dismissed_suggestions: Vec::new(),
            curves: Vec::new(),
            votes: Vec::new(),
        }
    }

    pub fn header(&self) -> Header {
        Header {
            title: self.title.clone(),
            language: self.language,
            state: self.state,
            date: self.date.clone(),
            scenario: self.scenario.clone(),
            start: self.start.clone(),
            persona: self.persona.clone(),
            stages: self.stages.clone(),
            dismissed_suggestions: self.dismissed_suggestions.clone(),
        }
    }

    /// Replaces the header, returning the old one.
    pub fn set_header(&mut self, header: Header) -> Header {
        let old = self.header();
        let Header {
            title,
            language,
            state,
            date,
            scenario,
            start,
            persona,
            mut stages,
            dismissed_suggestions,
        } = header;
        stages.retain(|_, notes| !notes.is_empty());
        self.title = title;
        self.language = language;
        self.state = state;
        self.date = date;
        self.scenario = scenario;
        self.start = start;
        self.persona = persona;
        self.stages = stages;
        self.dismissed_suggestions = dismissed_suggestions;
        old
    }

    /// A journey with nothing in it: no touchpoints and no catalogue entries (a team's
    /// own channels and departments are typed as they come).
    pub fn empty(title: impl Into<String>, language: Language) -> Self {
        let mut journey = Self::new(title, language);
        journey.channels.clear();
        journey.departments.clear();
        journey
    }

    /// Whether `stage` lists `phase` among its phases.
    pub fn stages_phase(&self, stage: Stage, phase: &str) -> bool {
        self.stages
            .get(&stage)
            .is_some_and(|n| n.phases.iter().any(|p| p == phase))
    }

    /// Puts touchpoints in canonical order: grouped by stage, in stage order, keeping
    /// each stage's relative order. Also drops empty stage notes.
    pub fn normalize(&mut self) {
        self.version = CURRENT_VERSION;
        self.touchpoints.sort_by_key(|t| t.stage);
        self.steps.sort_by_key(|s| s.stage);
        self.stages.retain(|_, notes| !notes.is_empty());
        self.dedupe_references();
    }

    /// Reference lists are sets: each names an id once (the first place it came; a
    /// merge's union of both sides' links, a hand-edited file). Two equal curve scores
    /// are one; two different scores on one curve stay, for validation to report.
    fn dedupe_references(&mut self) {
        fn dedupe<T: std::hash::Hash + Eq + Clone>(list: &mut Vec<T>) {
            if list.len() < 2 {
                return;
            }
            let mut seen: foldhash::HashSet<T> = foldhash::HashSet::default();
            list.retain(|item| seen.insert(item.clone()));
        }
        for touchpoint in &mut self.touchpoints {
            dedupe(&mut touchpoint.evidence);
            if touchpoint.scores.len() > 1 {
                let mut seen: foldhash::HashSet<(CurveId, i8)> = foldhash::HashSet::default();
                touchpoint
                    .scores
                    .retain(|s| seen.insert((s.curve.clone(), s.score)));
            }
        }
        for step in &mut self.steps {
            dedupe(&mut step.serves);
            dedupe(&mut step.evidence);
        }
        for grey_area in &mut self.grey_areas {
            dedupe(&mut grey_area.evidence);
            dedupe(&mut grey_area.departments);
            dedupe(&mut grey_area.channels);
        }
    }

    /// The team's name for `stage`, if it set one.
    pub fn stage_label(&self, stage: Stage) -> Option<&str> {
        self.stages
            .get(&stage)
            .map(|n| n.label.trim())
            .filter(|l| !l.is_empty())
    }

    pub fn touchpoint(&self, id: &TouchpointId) -> Option<&Touchpoint> {
        self.touchpoint_index(id).map(|i| &self.touchpoints[i])
    }

    pub fn touchpoint_index(&self, id: &TouchpointId) -> Option<usize> {
        super::lookup::position(&self.touchpoints, id.as_str(), |t| t.id.as_str())
    }

    /// The index range of `stage`'s touchpoints (the list is grouped by stage).
    pub fn stage_range(&self, stage: Stage) -> Range<usize> {
        let start = self.touchpoints.partition_point(|t| t.stage < stage);
        let end = self.touchpoints.partition_point(|t| t.stage <= stage);
        start..end
    }

    pub fn touchpoints_in(&self, stage: Stage) -> &[Touchpoint] {
        &self.touchpoints[self.stage_range(stage)]
    }

    /// The index range of `stage`'s steps (grouped by stage like the touchpoints).
    pub fn step_range(&self, stage: Stage) -> Range<usize> {
        let start = self.steps.partition_point(|s| s.stage < stage);
        let end = self.steps.partition_point(|s| s.stage <= stage);
        start..end
    }

    pub fn step(&self, id: &StepId) -> Option<&Step> {
        self.step_position(id).map(|i| &self.steps[i])
    }

    /// Where the step `id` is in `steps`.
    pub fn step_position(&self, id: &StepId) -> Option<usize> {
        super::lookup::position(&self.steps, id.as_str(), |s| s.id.as_str())
    }

    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    /// Whether an end of a grey area names an element the journey has.
    pub fn has_end(&self, end: &End) -> bool {
        match end {
            End::Touchpoint(t) => self.touchpoint(t).is_some(),
            End::Step(s) => self.step(s).is_some(),
        }
    }

    /// The stage an end of a grey area is in.
    pub fn end_stage(&self, end: &End) -> Option<Stage> {
        match end {
            End::Touchpoint(t) => self.touchpoint(t).map(|t| t.stage),
            End::Step(s) => self.step(s).map(|s| s.stage),
        }
    }

    /// Where an end stands along the journey, to order grey areas by: its stage, then
    /// the place in the list of the card it is (or the first card its step serves),
    /// touchpoints before steps. Unknown ends come last.
    pub fn end_position(&self, end: &End) -> (usize, usize, usize) {
        match end {
            End::Touchpoint(t) => self.touchpoint_index(t).map_or((usize::MAX, 0, 0), |i| {
                (self.touchpoints[i].stage.index(), i, 0)
            }),
            End::Step(s) => self.step_position(s).map_or((usize::MAX, 0, 0), |i| {
                let step = &self.steps[i];
                let card = step
                    .serves
                    .iter()
                    .filter_map(|t| self.touchpoint_index(t))
                    .min()
                    .unwrap_or(usize::MAX);
                (step.stage.index(), card, 1 + i)
            }),
        }
    }

    /// The number each grey area goes by (1 for the first), in the order of
    /// `journey.grey_areas`: most severe first, then by where its earlier end stands in
    /// the journey, then by id. Computed, never stored: the band, the callout, the
    /// slide, the page's list, the report and the editor's list all show this number.
    pub fn grey_area_numbers(&self) -> Vec<usize> {
        let keys: Vec<_> = self
            .grey_areas
            .iter()
            .map(|g| {
                let first = self.end_position(&g.from).min(self.end_position(&g.to));
                (std::cmp::Reverse(g.severity), first, g.id.as_str())
            })
            .collect();
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        let mut numbers = vec![0; keys.len()];
        for (rank, index) in order.into_iter().enumerate() {
            numbers[index] = rank + 1;
        }
        numbers
    }

    /// What people call an end: the touchpoint's or step's title.
    pub fn end_title(&self, end: &End) -> Option<&str> {
        match end {
            End::Touchpoint(t) => self.touchpoint(t).map(|t| t.title.as_str()),
            End::Step(s) => self.step(s).map(|s| s.title.as_str()),
        }
    }

    /// The ids of the map's elements (touchpoints, steps, grey areas, evidence,
    /// opportunities): one id space, so a new id is new among all of them.
    pub fn map_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.touchpoints
            .iter()
            .map(|t| t.id.as_str())
            .chain(self.steps.iter().map(|s| s.id.as_str()))
            .chain(self.grey_areas.iter().map(|g| g.id.as_str()))
            .chain(self.evidence.iter().map(|e| e.id.as_str()))
            .chain(self.opportunities.iter().map(|o| o.id.as_str()))
            .chain(self.votes.iter().map(|v| v.id.as_str()))
    }

    pub fn next_vote_round_id(&self) -> VoteRoundId {
        VoteRoundId(next_numbered_id(VoteRoundId::PREFIX, self.map_ids()))
    }

    /// The latest round of votes, and the dots `element` got in it, if any.
    pub fn latest_votes(&self, element: &str) -> Option<u32> {
        self.votes.last().and_then(|v| v.count(element))
    }

    pub fn next_step_id(&self) -> StepId {
        StepId(next_numbered_id(StepId::PREFIX, self.map_ids()))
    }

    pub fn new_actor_id(&self, name: &str) -> ActorId {
        ActorId(unique_slug(name, ActorId::PREFIX, |id| {
            self.actors.iter().any(|a| a.id.as_str() == id)
        }))
    }

    pub fn evidence_item(&self, id: &EvidenceId) -> Option<&Evidence> {
        super::lookup::position(&self.evidence, id.as_str(), |e| e.id.as_str())
            .map(|i| &self.evidence[i])
    }

    pub fn grey_area(&self, id: &GreyAreaId) -> Option<&GreyArea> {
        super::lookup::position(&self.grey_areas, id.as_str(), |g| g.id.as_str())
            .map(|i| &self.grey_areas[i])
    }

    pub fn opportunity(&self, id: &OpportunityId) -> Option<&Opportunity> {
        self.opportunities.iter().find(|o| &o.id == id)
    }

    pub fn channel(&self, id: &ChannelId) -> Option<&Channel> {
        self.channels.iter().find(|c| &c.id == id)
    }

    pub fn department(&self, id: &DepartmentId) -> Option<&Department> {
        self.departments.iter().find(|d| &d.id == id)
    }

    /// Opportunities attached to a touchpoint.
    pub fn opportunities_for(&self, id: &TouchpointId) -> impl Iterator<Item = &Opportunity> {
        self.opportunities
            .iter()
            .filter(move |o| matches!(&o.target, OpportunityTarget::Touchpoint(t) if t == id))
    }

    /// Whether two ends are touchpoints next to each other in journey order (either
    /// way).
    pub fn are_neighbours(&self, a: &End, b: &End) -> bool {
        let (Some(a), Some(b)) = (a.touchpoint(), b.touchpoint()) else {
            return false;
        };
        match (self.touchpoint_index(a), self.touchpoint_index(b)) {
            (Some(i), Some(j)) => i.abs_diff(j) == 1,
            _ => false,
        }
    }

    pub fn next_touchpoint_id(&self) -> TouchpointId {
        TouchpointId(next_numbered_id(TouchpointId::PREFIX, self.map_ids()))
    }

    pub fn next_evidence_id(&self) -> EvidenceId {
        EvidenceId(next_numbered_id(EvidenceId::PREFIX, self.map_ids()))
    }

    pub fn next_grey_area_id(&self) -> GreyAreaId {
        GreyAreaId(next_numbered_id(GreyAreaId::PREFIX, self.map_ids()))
    }

    pub fn next_opportunity_id(&self) -> OpportunityId {
        OpportunityId(next_numbered_id(OpportunityId::PREFIX, self.map_ids()))
    }

    /// A catalogue id for a new channel named `name`: its slug, made unique.
    pub fn new_channel_id(&self, name: &str) -> ChannelId {
        ChannelId(unique_slug(name, ChannelId::PREFIX, |id| {
            self.channels.iter().any(|c| c.id.as_str() == id)
        }))
    }

    pub fn new_curve_id(&self, name: &str) -> CurveId {
        CurveId(unique_slug(name, CurveId::PREFIX, |id| {
            self.curves.iter().any(|c| c.id.as_str() == id)
        }))
    }

    pub fn new_department_id(&self, name: &str) -> DepartmentId {
        DepartmentId(unique_slug(name, DepartmentId::PREFIX, |id| {
            self.departments.iter().any(|d| d.id.as_str() == id)
        }))
    }
}

fn unique_slug(name: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = match slug(name) {
        s if s.is_empty() => fallback.to_owned(),
        s => s,
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}
