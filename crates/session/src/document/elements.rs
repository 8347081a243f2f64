//! Helpers that make new elements the way the editor does (a new card takes its stage's
//! channel and department; a new grey area guesses its kind), the handoffs worth marking,
//! and attachment paths relative to the journey's folder.

use crate::model::*;

/// Handoffs worth marking as grey areas, most likely first: consecutive touchpoints
/// where both the department and the channel change, where the emotion drops by two
/// or more, or where an event log's evidence on the second says the cases drop off or
/// wait beyond its thresholds (`conform --into`), that are not marked yet and that the
/// team has not dismissed.
pub fn grey_area_suggestions(journey: &Journey) -> Vec<(TouchpointId, TouchpointId)> {
    ranked_handoffs(journey)
        .into_iter()
        .map(|i| {
            let pair = &journey.touchpoints[i..=i + 1];
            (pair[0].id.clone(), pair[1].id.clone())
        })
        .collect()
}

/// The handoffs worth marking as the index of the first touchpoint of each pair in
/// journey order, most likely first (nothing cloned: a 10,000-card map is ranked on
/// every keystroke).
pub fn ranked_handoffs(journey: &Journey) -> Vec<usize> {
    let marked = marked_pairs(journey, |end| end.touchpoint().map(|t| t.as_str()));
    let mut ranked: Vec<(i32, usize)> = journey
        .touchpoints
        .windows(2)
        .enumerate()
        .filter_map(|(i, w)| {
            let both_change = w[0].department != w[1].department && w[0].channel != w[1].channel;
            let drop = match (w[0].emotion_score(), w[1].emotion_score()) {
                (Some(a), Some(b)) => i32::from(a) - i32::from(b),
                _ => 0,
            };
            let data = crate::interchange::eventlog::evidence::flagged(journey, &w[1].evidence);
            let likely = drop >= 2 || both_change || data;
            let unmarked = || !marked.contains(&(Some(w[0].id.as_str()), Some(w[1].id.as_str())));
            (likely && unmarked()).then(|| {
                let score =
                    drop.max(0) * 10 + if both_change { 5 } else { 0 } + if data { 25 } else { 0 };
                (score, i)
            })
        })
        .collect();
    // Most likely first; journey order among equals.
    ranked.sort_by_key(|(score, index)| (std::cmp::Reverse(*score), *index));
    ranked.into_iter().map(|(_, index)| index).collect()
}

/// The pairs of ends (both ways) already marked as grey areas or dismissed, each end
/// as `key` makes it: the one set both kinds of suggestion leave out.
fn marked_pairs<'a, K: std::hash::Hash + Eq>(
    journey: &'a Journey,
    key: impl Fn(&'a End) -> K,
) -> foldhash::HashSet<(K, K)> {
    journey
        .grey_areas
        .iter()
        .map(|g| (&g.from, &g.to))
        .chain(
            journey
                .dismissed_suggestions
                .iter()
                .map(|d| (&d.from, &d.to)),
        )
        .flat_map(|(a, b)| [(key(a), key(b)), (key(b), key(a))])
        .collect()
}

/// Handoffs behind the customer's back worth marking: consecutive steps of a stage (in
/// the order they run, across the layers) whose actor and layer both change, or where
/// an event log's evidence on the second flags drop-off or waiting, not marked yet and
/// not dismissed, in journey order.
pub fn step_handoff_suggestions(journey: &Journey) -> Vec<(StepId, StepId)> {
    let marked = marked_pairs(journey, |end| end);
    let mut out = Vec::new();
    for stage in Stage::ALL {
        for pair in journey.steps[journey.step_range(*stage)].windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let changes =
                a.actor.is_some() && b.actor.is_some() && a.actor != b.actor && a.lane != b.lane;
            let changes =
                changes || crate::interchange::eventlog::evidence::flagged(journey, &b.evidence);
            let (ea, eb) = (End::Step(a.id.clone()), End::Step(b.id.clone()));
            if changes && !marked.contains(&(&ea, &eb)) {
                out.push((a.id.clone(), b.id.clone()));
            }
        }
    }
    out
}

/// The edit adding an untitled touchpoint at the end of `stage`, and its id. It takes
/// the channel and department of the stage's last card: rooms call out steps in a row.
pub fn new_touchpoint(journey: &Journey, stage: Stage) -> (Edit, TouchpointId) {
    let id = journey.next_touchpoint_id();
    let mut touchpoint = Touchpoint::new(id.clone(), stage, "");
    // Like the card before it: the stage's last, else the last of an earlier stage.
    let end = journey.stage_range(stage).end;
    if let Some(previous) = journey.touchpoints[..end].last() {
        touchpoint.channel.clone_from(&previous.channel);
        touchpoint.department.clone_from(&previous.department);
    }
    (Edit::add_touchpoint(journey, touchpoint), id)
}

/// A new, empty touchpoint right after `after`, in its stage, with its channel and
/// department (the table's Ctrl+Enter).
pub fn new_touchpoint_after(
    journey: &Journey,
    after: &TouchpointId,
) -> Option<(Edit, TouchpointId, Stage)> {
    let at = journey.touchpoint_index(after)?;
    let like = &journey.touchpoints[at];
    let id = journey.next_touchpoint_id();
    let mut touchpoint = Touchpoint::new(id.clone(), like.stage, "");
    touchpoint.channel.clone_from(&like.channel);
    touchpoint.department.clone_from(&like.department);
    let stage = like.stage;
    let edit = Edit::Insert {
        index: at + 1,
        element: crate::model::Element::Touchpoint(touchpoint),
    };
    Some((edit, id, stage))
}

/// A new grey area between two touchpoints, its kind guessed from what changes there.
pub fn suggested_grey_area(
    journey: &Journey,
    id: GreyAreaId,
    from: &TouchpointId,
    to: &TouchpointId,
) -> GreyArea {
    let (a, b) = (journey.touchpoint(from), journey.touchpoint(to));
    let department_changes = a.map(|t| &t.department) != b.map(|t| &t.department);
    let channel_changes = a.map(|t| &t.channel) != b.map(|t| &t.channel);
    let kind = if department_changes {
        GreyAreaKind::DepartmentHandoff
    } else if channel_changes {
        GreyAreaKind::ChannelSwitch
    } else {
        GreyAreaKind::Other
    };
    let departments: Vec<DepartmentId> = [a, b]
        .iter()
        .flatten()
        .filter_map(|t| t.department.clone())
        .collect();
    let channels: Vec<ChannelId> = [a, b]
        .iter()
        .flatten()
        .filter_map(|t| t.channel.clone())
        .collect();
    GreyArea {
        kind,
        departments: dedup(departments),
        channels: dedup(channels),
        ..GreyArea::new(
            id,
            End::Touchpoint(from.clone()),
            End::Touchpoint(to.clone()),
        )
    }
}

/// A new grey area between any two ends (touchpoints or steps): between touchpoints,
/// as `suggested_grey_area`; with a step, a handoff between actors where the actor
/// changes, the two steps' actors' departments otherwise left to the team.
pub fn suggested_grey_area_between(
    journey: &Journey,
    id: GreyAreaId,
    from: &End,
    to: &End,
) -> GreyArea {
    if let (End::Touchpoint(a), End::Touchpoint(b)) = (from, to) {
        return suggested_grey_area(journey, id, a, b);
    }
    let actor = |end: &End| {
        end.step()
            .and_then(|s| journey.step(s))
            .and_then(|s| s.actor.clone())
    };
    let kind = if actor(from) != actor(to) {
        GreyAreaKind::ActorHandoff
    } else {
        GreyAreaKind::SystemGap
    };
    let departments = [from, to]
        .iter()
        .filter_map(|e| e.touchpoint().and_then(|t| journey.touchpoint(t)))
        .filter_map(|t| t.department.clone())
        .collect();
    GreyArea {
        kind,
        departments: dedup(departments),
        ..GreyArea::new(id, from.clone(), to.clone())
    }
}

/// A new step of `layer` in `stage`: serving `serves` (placed under it) or at the
/// end of the stage; its actor the one of the stage's last step in that layer.
pub fn new_step(
    journey: &Journey,
    stage: Stage,
    layer: BlueprintLane,
    serves: Option<&TouchpointId>,
) -> (Edit, StepId) {
    let id = journey.next_step_id();
    let mut step = Step::new(id.clone(), stage, layer, "");
    let range = journey.step_range(stage);
    step.actor = journey.steps[range.clone()]
        .iter()
        .rev()
        .find(|s| s.lane == layer)
        .and_then(|s| s.actor.clone());
    let mut at = None;
    if let Some(t) = serves {
        step.serves.push(t.clone());
        // After the steps serving this touchpoint or the ones before it.
        let before: Vec<&TouchpointId> = journey
            .touchpoints_in(stage)
            .iter()
            .take_while(|tp| &tp.id != t)
            .map(|tp| &tp.id)
            .chain([t])
            .collect();
        let last = journey.steps[range.clone()]
            .iter()
            .rposition(|s| s.serves.iter().any(|x| before.contains(&x)));
        at = Some(last.map_or(0, |i| i + 1));
    }
    (Edit::add_step(journey, step, at), id)
}

/// A new row of the table's `kind` tab (its Ctrl+Enter), right after the row `after`
/// when there is one: a step like it (its stage, phase, lane and actor) that follows
/// it; evidence; an opportunity for what the row's is for (else `touchpoint`, else the
/// first card); a grey area like the row's (else from `touchpoint` to the card after
/// it). None when the map has nothing the new row could stand on (a grey area or an
/// opportunity on a map without touchpoints), or for a kind the table has no tab of.
pub fn new_row(
    journey: &Journey,
    kind: crate::model::ElementKind,
    after: Option<&str>,
    stage: Stage,
    touchpoint: Option<&TouchpointId>,
) -> Option<(Edit, crate::model::ElementId)> {
    use crate::model::{Element, ElementId, ElementKind, Evidence, EvidenceKind, Opportunity};
    let insert = |index: usize, element: Element| Edit::Insert { index, element };
    match kind {
        ElementKind::Touchpoint => {
            let (edit, id) = match after {
                Some(after) => {
                    let (edit, id, _) = new_touchpoint_after(journey, &TouchpointId::new(after))?;
                    (edit, id)
                }
                None => new_touchpoint(journey, stage),
            };
            Some((edit, ElementId::Touchpoint(id)))
        }
        ElementKind::Step => {
            let like = after.and_then(|a| journey.step_position(&StepId::new(a)));
            let Some(at) = like else {
                let (edit, id) = new_step(journey, stage, BlueprintLane::Frontstage, touchpoint);
                return Some((edit, ElementId::Step(id)));
            };
            let before = &journey.steps[at];
            let id = journey.next_step_id();
            let mut step = Step::new(id.clone(), before.stage, before.lane, "");
            step.phase.clone_from(&before.phase);
            step.actor.clone_from(&before.actor);
            step.serves.clone_from(&before.serves);
            step.after.push(before.id.clone());
            Some((insert(at + 1, Element::Step(step)), ElementId::Step(id)))
        }
        ElementKind::Evidence => {
            let at = after
                .and_then(|a| journey.evidence.iter().position(|e| e.id.as_str() == a))
                .map_or(journey.evidence.len(), |i| i + 1);
            let id = journey.next_evidence_id();
            let item = Evidence::new(id.clone(), EvidenceKind::Quote, "");
            Some((insert(at, Element::Evidence(item)), ElementId::Evidence(id)))
        }
        ElementKind::Opportunity => {
            let row = after.and_then(|a| {
                journey
                    .opportunities
                    .iter()
                    .position(|o| o.id.as_str() == a)
            });
            let target = match row {
                Some(i) => journey.opportunities[i].target.clone(),
                None => OpportunityTarget::Touchpoint(
                    touchpoint
                        .cloned()
                        .or_else(|| journey.touchpoints.first().map(|t| t.id.clone()))?,
                ),
            };
            let id = journey.next_opportunity_id();
            let item = Opportunity::new(id.clone(), target, "");
            let at = row.map_or(journey.opportunities.len(), |i| i + 1);
            Some((
                insert(at, Element::Opportunity(item)),
                ElementId::Opportunity(id),
            ))
        }
        ElementKind::GreyArea => {
            let row =
                after.and_then(|a| journey.grey_areas.iter().position(|g| g.id.as_str() == a));
            let id = journey.next_grey_area_id();
            let grey = match row {
                Some(i) => {
                    let like = &journey.grey_areas[i];
                    GreyArea {
                        kind: like.kind,
                        severity: like.severity,
                        ..GreyArea::new(id.clone(), like.from.clone(), like.to.clone())
                    }
                }
                None => {
                    let from = touchpoint
                        .cloned()
                        .or_else(|| journey.touchpoints.first().map(|t| t.id.clone()))?;
                    let at = journey.touchpoint_index(&from)?;
                    let to = journey
                        .touchpoints
                        .get(at + 1)
                        .map_or_else(|| from.clone(), |t| t.id.clone());
                    let mut grey = suggested_grey_area(journey, id.clone(), &from, &to);
                    if from == to {
                        grey.kind = crate::model::GreyAreaKind::FailingTouchpoint;
                    }
                    grey
                }
            };
            let at = row.map_or(journey.grey_areas.len(), |i| i + 1);
            Some((insert(at, Element::GreyArea(grey)), ElementId::GreyArea(id)))
        }
        _ => None,
    }
}

fn dedup<T: PartialEq>(mut items: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, channel: &str, department: &str, score: i8) -> Touchpoint {
        let mut t = Touchpoint::new(id.into(), Stage::Usage, id);
        t.channel = Some(channel.into());
        t.department = Some(department.into());
        t.emotion = Some(Emotion {
            score,
            word: String::new(),
        });
        t
    }

    #[test]
    fn suggestions_need_both_changes_or_a_drop_and_come_ranked() {
        let mut journey = Journey::new("t", Language::En);
        journey.touchpoints = vec![
            card("tp-1", "web", "sales", 1),
            card("tp-2", "email", "sales", 1), // only the channel changes: no
            card("tp-3", "phone", "service", 1), // both change: yes
            card("tp-4", "phone", "service", -1), // emotion drops by 2: yes, first
            card("tp-5", "phone", "service", -2), // drops by 1: no
        ];
        let pair = |a: &str, b: &str| (TouchpointId::from(a), TouchpointId::from(b));
        assert_eq!(
            grey_area_suggestions(&journey),
            vec![pair("tp-3", "tp-4"), pair("tp-2", "tp-3")]
        );
        journey.dismissed_suggestions.push(Handoff {
            from: "tp-3".into(),
            to: "tp-4".into(),
        });
        assert_eq!(grey_area_suggestions(&journey), vec![pair("tp-2", "tp-3")]);
    }
}
