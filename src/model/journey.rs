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
pub const CURRENT_VERSION: u32 = 1;

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
    #[serde(default)]
    pub persona: Persona,
    /// Notes per stage; stages with no notes are absent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stages: BTreeMap<Stage, StageNotes>,
    #[serde(default)]
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub departments: Vec<Department>,
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
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
    pub from: TouchpointId,
    pub to: TouchpointId,
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
}

impl Touchpoint {
    pub fn new(id: TouchpointId, stage: Stage, title: impl Into<String>) -> Self {
        Self {
            id,
            stage,
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
#[serde(deny_unknown_fields)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    /// Paths relative to the journey file's folder, with `/` separators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GreyArea {
    pub id: GreyAreaId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub from: TouchpointId,
    pub to: TouchpointId,
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

/// What an opportunity is attached to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum OpportunityTarget {
    Touchpoint(TouchpointId),
    GreyArea(GreyAreaId),
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
            persona: Persona::default(),
            stages: BTreeMap::new(),
            channels: super::catalog::default_channels(language),
            departments: super::catalog::default_departments(language),
            touchpoints: Vec::new(),
            evidence: Vec::new(),
            grey_areas: Vec::new(),
            opportunities: Vec::new(),
            dismissed_suggestions: Vec::new(),
            curves: Vec::new(),
        }
    }

    pub fn header(&self) -> Header {
        Header {
            title: self.title.clone(),
            language: self.language,
            state: self.state,
            date: self.date.clone(),
            scenario: self.scenario.clone(),
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
        self.persona = persona;
        self.stages = stages;
        self.dismissed_suggestions = dismissed_suggestions;
        old
    }

    /// Puts touchpoints in canonical order: grouped by stage, in stage order, keeping
    /// each stage's relative order. Also drops empty stage notes.
    pub fn normalize(&mut self) {
        self.touchpoints.sort_by_key(|t| t.stage);
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
        self.touchpoints.iter().find(|t| &t.id == id)
    }

    pub fn touchpoint_index(&self, id: &TouchpointId) -> Option<usize> {
        self.touchpoints.iter().position(|t| &t.id == id)
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

    pub fn evidence_item(&self, id: &EvidenceId) -> Option<&Evidence> {
        self.evidence.iter().find(|e| &e.id == id)
    }

    pub fn grey_area(&self, id: &GreyAreaId) -> Option<&GreyArea> {
        self.grey_areas.iter().find(|g| &g.id == id)
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

    /// Whether two touchpoints are next to each other in journey order (either way).
    pub fn are_neighbours(&self, a: &TouchpointId, b: &TouchpointId) -> bool {
        match (self.touchpoint_index(a), self.touchpoint_index(b)) {
            (Some(i), Some(j)) => i.abs_diff(j) == 1,
            _ => false,
        }
    }

    pub fn next_touchpoint_id(&self) -> TouchpointId {
        TouchpointId(next_numbered_id(
            TouchpointId::PREFIX,
            self.touchpoints.iter().map(|t| t.id.as_str()),
        ))
    }

    pub fn next_evidence_id(&self) -> EvidenceId {
        EvidenceId(next_numbered_id(
            EvidenceId::PREFIX,
            self.evidence.iter().map(|e| e.id.as_str()),
        ))
    }

    pub fn next_grey_area_id(&self) -> GreyAreaId {
        GreyAreaId(next_numbered_id(
            GreyAreaId::PREFIX,
            self.grey_areas.iter().map(|g| g.id.as_str()),
        ))
    }

    pub fn next_opportunity_id(&self) -> OpportunityId {
        OpportunityId(next_numbered_id(
            OpportunityId::PREFIX,
            self.opportunities.iter().map(|o| o.id.as_str()),
        ))
    }

    /// A catalogue id for a new channel named `name`: its slug, made unique.
    pub fn new_channel_id(&self, name: &str) -> ChannelId {
        ChannelId(unique_slug(name, ChannelId::PREFIX, |id| {
            self.channels.iter().any(|c| c.id.as_str() == id)
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
