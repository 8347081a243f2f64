//! The step inspector: a blueprint step's title, layer, stage, actor (and the actor's
//! own name and kind), what it does, the touchpoints it serves, its duration against
//! its time standard, whether it is a fail point, and its evidence.

use crate::app::panels::Panel;
use crate::app::widgets::{
    choice, field_id, heading, id_from_name_edit, text_area, text_field_with_id,
};
use crate::model::{
    Actor, ActorId, ActorKind, BlueprintLane, Duration, Edit, Element, ElementId, ElementKind,
    Stage, Step, StepId,
};

pub fn inspector_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, id: &StepId) {
    let journey = p.journey;
    let Some(original) = journey.step(id) else {
        return;
    };
    let i18n = &p.i18n;
    let mut step = original.clone();
    let mut typed = None;
    heading(ui, &i18n.tr("inspector-step"));
    ui.label(egui::RichText::new(id.as_str()).small().weak());
    let title = text_field_with_id(
        ui,
        i18n,
        Some(field_id(id.as_str(), "title")),
        &i18n.tr("field-title"),
        &mut step.title,
    );
    if title.changed() {
        typed = Some("title");
    }
    choice(
        ui,
        &i18n.tr("field-lane"),
        &mut step.lane,
        BlueprintLane::ALL,
        |l| i18n.term("blueprint-lane", l.key()),
    );
    let mut stage = step.stage;
    if choice(ui, &i18n.tr("field-stage"), &mut stage, Stage::ALL, |s| {
        i18n.stage_name(journey, s)
    }) {
        p.actions
            .edit(move_step(journey, &step, stage), "edit-step");
        return;
    }
    super::move_buttons(p, ui);
    let i18n = &p.i18n;
    crate::app::widgets::phase_picker(ui, i18n, journey, step.stage, id.as_str(), &mut step.phase);
    actor_ui(p, ui, &mut step);
    let i18n = &p.i18n;
    if text_area(
        ui,
        i18n,
        &i18n.tr("field-description"),
        &mut step.description,
        2,
    )
    .changed()
    {
        typed = Some("description");
    }
    ui.label(
        egui::RichText::new(i18n.tr("field-serves"))
            .small()
            .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        // The stage's touchpoints, and any other it already serves.
        let shown: Vec<&crate::model::Touchpoint> = journey
            .touchpoints
            .iter()
            .filter(|t| t.stage == step.stage || step.serves.contains(&t.id))
            .collect();
        for tp in shown {
            let mut on = step.serves.contains(&tp.id);
            // An untitled card is named by its id: every box has a label.
            let name =
                crate::words::element_name(journey, &ElementId::Touchpoint(tp.id.clone()), i18n);
            if ui.checkbox(&mut on, name).changed() {
                step.serves.retain(|t| t != &tp.id);
                if on {
                    step.serves.push(tp.id.clone());
                }
            }
        }
    });
    after_ui(ui, i18n, journey, &mut step);
    for (field, label, value) in [
        ("wait", "field-wait", &mut step.wait),
        ("duration", "field-duration", &mut step.duration),
        (
            "time_standard",
            "field-time-standard",
            &mut step.time_standard,
        ),
    ] {
        duration_field(ui, i18n, id, field, label, value);
    }
    ui.checkbox(&mut step.fail_point, i18n.tr("field-fail-point"));
    if step.fail_point {
        ui.horizontal(|ui| {
            let label = ui.label(i18n.tr("field-fail-rate"));
            let mut known = step.fail_rate.is_some();
            let mut rate = step.fail_rate.unwrap_or(0.0);
            ui.checkbox(&mut known, i18n.tr("fail-rate-known"));
            if known {
                ui.add(
                    egui::DragValue::new(&mut rate)
                        .range(0.0..=100.0)
                        .speed(0.1)
                        .suffix(" %"),
                )
                .labelled_by(label.id);
            }
            step.fail_rate = known.then_some(rate);
        });
    }
    if text_area(
        ui,
        i18n,
        &i18n.tr("field-physical-evidence"),
        &mut step.physical_evidence,
        1,
    )
    .changed()
    {
        typed = Some("physical_evidence");
    }
    super::evidence_checkboxes(ui, i18n, journey, &mut step.evidence);
    if step != *original {
        let edit = Edit::Replace(Element::Step(step.clone()));
        match typed {
            Some(field) => p.actions.typing(edit, "edit-step", format!("{id}/{field}")),
            None => p.actions.edit(edit, "edit-step"),
        }
    }
    ui.separator();
    if ui.button(p.i18n.tr("delete-step")).clicked() {
        p.actions
            .push(crate::app::action::Action::Delete(vec![ElementId::Step(
                id.clone(),
            )]));
    }
}

/// The steps this one follows (the flow): any step but itself and those that follow it
/// (which would close a circle), by title; the ones it follows first.
fn after_ui(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
    journey: &crate::model::Journey,
    step: &mut Step,
) {
    ui.label(egui::RichText::new(i18n.tr("field-after")).small().strong());
    // The steps downstream of this one: following them would make a circle.
    let mut downstream: std::collections::HashSet<&str> = std::collections::HashSet::new();
    downstream.insert(step.id.as_str());
    let mut grew = true;
    while grew {
        grew = false;
        for s in &journey.steps {
            if !downstream.contains(s.id.as_str())
                && s.after.iter().any(|a| downstream.contains(a.as_str()))
            {
                downstream.insert(s.id.as_str());
                grew = true;
            }
        }
    }
    let stage_range = journey.step_range(step.stage);
    let candidates: Vec<&Step> = journey
        .steps
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            step.after.contains(&s.id)
                || (!downstream.contains(s.id.as_str())
                    && (stage_range.contains(i) || s.stage.next() == Some(step.stage)))
        })
        .map(|(_, s)| s)
        .collect();
    egui::ScrollArea::vertical()
        .id_salt(("after", step.id.as_str()))
        .max_height(160.0)
        .show(ui, |ui| {
            for s in candidates {
                let mut on = step.after.contains(&s.id);
                let name =
                    crate::words::element_name(journey, &ElementId::Step(s.id.clone()), i18n);
                if ui.checkbox(&mut on, name).changed() {
                    step.after.retain(|a| a != &s.id);
                    if on {
                        step.after.push(s.id.clone());
                    }
                }
            }
        });
}

/// The step moved to the end of `stage` (steps stay grouped by stage).
fn move_step(journey: &crate::model::Journey, step: &Step, stage: Stage) -> Edit {
    let others = journey.steps.iter().filter(|s| s.id != step.id);
    let index = others.filter(|s| s.stage <= stage).count();
    let mut moved = step.clone();
    moved.stage = stage;
    Edit::Batch(vec![
        Edit::Remove(ElementId::Step(step.id.clone())),
        Edit::Insert {
            index,
            element: Element::Step(moved),
        },
    ])
}

/// Who does the step: one of the actors, none, or a new one; the chosen actor's name
/// and kind edited here too (an actor is a catalogue entry, shared by its steps).
fn actor_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, step: &mut Step) {
    let journey = p.journey;
    let i18n = &p.i18n;
    let none = i18n.tr("step-no-actor");
    let name = |a: &Option<ActorId>| {
        a.as_ref()
            .and_then(|a| journey.actor(a))
            .map_or(none.clone(), |a| a.name.clone())
    };
    let mut create = false;
    egui::ComboBox::from_label(i18n.tr("field-actor"))
        .selected_text(name(&step.actor))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut step.actor, None, &none);
            for actor in &journey.actors {
                ui.selectable_value(&mut step.actor, Some(actor.id.clone()), &actor.name);
            }
        });
    // Beside the list, not in it: a click in a list closes it before a button there
    // hears it.
    if ui.small_button(i18n.tr("actor-add")).clicked() {
        create = true;
    }
    if create {
        let name = i18n.tr("actor-new-name");
        let actor = Actor {
            id: journey.new_actor_id(&name),
            name,
            kind: ActorKind::Staff,
            colour: crate::model::distinct_colour(journey.actors.iter().map(|a| a.colour)),
        };
        // Its name selected in its field, to be typed over.
        crate::app::widgets::focus_field_selecting(
            ui,
            field_id(actor.id.as_str(), "name"),
            &actor.name,
        );
        let mut assigned = step.clone();
        assigned.actor = Some(actor.id.clone());
        p.actions.edit(
            Edit::Batch(vec![
                Edit::Insert {
                    index: journey.actors.len(),
                    element: Element::Actor(actor),
                },
                Edit::Replace(Element::Step(assigned)),
            ]),
            "edit-actor",
        );
        *step = journey
            .step(&step.id)
            .cloned()
            .unwrap_or_else(|| step.clone());
        return;
    }
    let Some(actor) = step.actor.as_ref().and_then(|a| journey.actor(a)) else {
        return;
    };
    let mut edited = actor.clone();
    ui.indent("actor", |ui| {
        let name_field = text_field_with_id(
            ui,
            i18n,
            Some(field_id(edited.id.as_str(), "name")),
            &i18n.tr("resolve-field-name"),
            &mut edited.name,
        );
        let named = name_field.changed();
        choice(
            ui,
            &i18n.tr("field-kind"),
            &mut edited.kind,
            ActorKind::ALL,
            |k| i18n.term("actor-kind", k.key()),
        );
        if edited != *actor {
            let edit = Edit::Replace(Element::Actor(edited.clone()));
            if named {
                p.actions
                    .typing(edit, "edit-actor", format!("{}/name", edited.id));
            } else {
                p.actions.edit(edit, "edit-actor");
            }
        }
        // Named over its placeholder: its id from the name, in the typing's undo step.
        if name_field.lost_focus() {
            let mut named = journey.clone();
            if let Some(a) = named.actors.iter_mut().find(|a| a.id == edited.id) {
                a.name.clone_from(&edited.name);
            }
            let id = edited.id.as_str();
            if let Some(edit) = id_from_name_edit(journey, &named, ElementKind::Actor, id) {
                p.actions.typing(edit, "edit-actor", format!("{id}/name"));
            }
        }
    });
}

/// A duration typed as "30 min": what was typed stays while it is not one yet (with
/// the hint in the warning colour); a duration sets the field, an empty text clears it.
fn duration_field(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
    id: &StepId,
    field: &str,
    label: &str,
    value: &mut Option<Duration>,
) {
    let key = field_id(id.as_str(), field);
    let shown = value.map(|d| d.to_string()).unwrap_or_default();
    let mut text: String = ui
        .data(|d| d.get_temp::<(String, String)>(key))
        .filter(|(was, _)| *was == shown)
        .map_or(shown.clone(), |(_, typed)| typed);
    let label = ui.label(egui::RichText::new(i18n.tr(label)).small().strong());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(key)
                .hint_text(i18n.tr("duration-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    let parsed = Duration::parse(&text);
    if response.changed() {
        if text.trim().is_empty() {
            *value = None;
        } else if let Ok(d) = parsed {
            *value = Some(d);
        }
    }
    let now = value.map(|d| d.to_string()).unwrap_or_default();
    ui.data_mut(|d| d.insert_temp(key, (now, text.clone())));
    if !text.trim().is_empty() && Duration::parse(&text).is_err() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            egui::RichText::new(i18n.tr("notice-bad-duration")).small(),
        );
    }
}
