//! Starting maps: six common journeys, each in English and Spanish, with a persona, a
//! scenario, touchpoints in all six stages (channel, department, what the customer does
//! and thinks, an emotion) and the grey areas teams usually find there. Every card's
//! evidence is an assumption to check in research, so the map says plainly what is not
//! yet known. `journeymap templates` lists them; `journeymap new --template NAME` and
//! File › New from template… start one. Each passes `check --deny-warnings` (tested).

use crate::model::{
    Actor, ActorKind, BlueprintLane, ChannelId, Confidence, DepartmentId, Duration, Emotion,
    Evidence, EvidenceId, EvidenceKind, GreyArea, GreyAreaId, GreyAreaKind, GreyAreaStatus,
    Journey, Language, Severity, Stage, Step as BlueprintStep, StepId, Touchpoint, TouchpointId,
};

mod maps;

pub use maps::TEMPLATES;

/// Text in English and Spanish.
type Both = [&'static str; 2];

pub struct Template {
    /// The name on the command line (`bank-account`).
    pub key: &'static str,
    pub title: Both,
    persona: Both,
    description: Both,
    scenario: Both,
    steps: &'static [Step],
    greys: &'static [Grey],
    /// The service blueprint behind the touchpoints (none for most templates).
    blueprint: &'static [Behind],
}

/// A blueprint step: what an actor does behind (or in front of) touchpoint `serves`.
struct Behind {
    serves: usize,
    lane: BlueprintLane,
    actor: Both,
    kind: ActorKind,
    title: Both,
    duration: &'static str,
    standard: &'static str,
    fail_point: bool,
}

struct Step {
    stage: Stage,
    channel: &'static str,
    department: &'static str,
    score: i8,
    title: Both,
    doing: Both,
    thinking: Both,
}

/// A grey area between the steps at `from` and `from + 1`.
struct Grey {
    from: usize,
    kind: GreyAreaKind,
    severity: Severity,
    title: Both,
    experience: Both,
}

impl Template {
    pub fn title(&self, language: Language) -> &'static str {
        self.title[index(language)]
    }

    pub fn scenario(&self, language: Language) -> &'static str {
        self.scenario[index(language)]
    }
}

fn index(language: Language) -> usize {
    match language {
        Language::En => 0,
        Language::Es => 1,
    }
}

/// The template called `key`.
pub fn find(key: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.key == key)
}

/// A new journey from the template, in `language`.
pub fn build(template: &Template, language: Language) -> Journey {
    let l = index(language);
    let mut journey = Journey::new(template.title[l], language);
    journey.persona.name = template.persona[l].to_owned();
    journey.persona.description = template.description[l].to_owned();
    journey.scenario = template.scenario[l].to_owned();
    let (evidence_text, source) = match language {
        Language::En => ("To validate in research: ", "Template assumption"),
        Language::Es => ("Pendiente de validar: ", "Supuesto de la plantilla"),
    };
    for (n, step) in template.steps.iter().enumerate() {
        let id = TouchpointId(format!("tp-{}", n + 1));
        let evidence = EvidenceId(format!("ev-{}", n + 1));
        let mut tp = Touchpoint::new(id, step.stage, step.title[l]);
        tp.channel = Some(ChannelId(step.channel.to_owned()));
        tp.department = Some(DepartmentId(step.department.to_owned()));
        tp.action = step.doing[l].to_owned();
        tp.thought = step.thinking[l].to_owned();
        tp.emotion = Some(Emotion {
            score: step.score,
            word: String::new(),
        });
        tp.evidence.push(evidence.clone());
        journey.touchpoints.push(tp);
        journey.evidence.push(Evidence {
            source: source.to_owned(),
            confidence: Confidence::Assumed,
            ..Evidence::new(
                evidence,
                EvidenceKind::Observation,
                format!("{evidence_text}{}", step.title[l]),
            )
        });
    }
    for (n, grey) in template.greys.iter().enumerate() {
        let (from, to) = (
            &journey.touchpoints[grey.from],
            &journey.touchpoints[grey.from + 1],
        );
        let mut departments: Vec<DepartmentId> = [&from.department, &to.department]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        departments.dedup();
        journey.grey_areas.push(GreyArea {
            id: GreyAreaId(format!("ga-{}", n + 1)),
            title: grey.title[l].to_owned(),
            from: from.id.clone().into(),
            to: to.id.clone().into(),
            kind: grey.kind,
            severity: grey.severity,
            experience: grey.experience[l].to_owned(),
            departments,
            channels: Vec::new(),
            evidence: to.evidence.clone(),
            fix: String::new(),
            owner: String::new(),
            status: GreyAreaStatus::Open,
        });
    }
    for (n, behind) in template.blueprint.iter().enumerate() {
        let name = behind.actor[l];
        let actor = match journey.actors.iter().find(|a| a.name == name) {
            Some(actor) => actor.id.clone(),
            None => {
                let actor = Actor {
                    id: journey.new_actor_id(name),
                    name: name.to_owned(),
                    kind: behind.kind,
                    colour: crate::model::distinct_colour(journey.actors.iter().map(|a| a.colour)),
                };
                let id = actor.id.clone();
                journey.actors.push(actor);
                id
            }
        };
        let serves = &journey.touchpoints[behind.serves];
        let mut step = BlueprintStep::new(
            StepId(format!("st-{}", n + 1)),
            serves.stage,
            behind.lane,
            behind.title[l],
        );
        step.actor = Some(actor);
        step.serves.push(serves.id.clone());
        step.duration = Duration::parse(behind.duration).ok();
        step.time_standard = Duration::parse(behind.standard).ok();
        step.fail_point = behind.fail_point;
        if behind.fail_point {
            step.evidence.clone_from(&serves.evidence);
        }
        journey.steps.push(step);
    }
    journey.normalize();
    journey
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_checks_clean_in_both_languages() {
        assert!(TEMPLATES.len() >= 6);
        for template in TEMPLATES {
            for language in [Language::En, Language::Es] {
                let journey = build(template, language);
                let text = crate::format::to_text(&journey).unwrap();
                let findings = crate::format::check(&text);
                assert!(
                    findings.is_empty(),
                    "{} ({language:?}): {findings:#?}",
                    template.key
                );
                for stage in Stage::ALL {
                    assert!(!journey.touchpoints_in(*stage).is_empty());
                }
            }
        }
    }
}
