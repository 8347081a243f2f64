//! The inspector: edits every field of the selected touchpoint, grey area, evidence
//! item or opportunity. It edits a copy and, when the copy differs, pushes one
//! `Replace` edit (typing in one field coalesces into one undo step).

pub mod evidence;
pub mod grey_area;
pub mod step;

use super::panels::Panel;
use super::widgets::{
    choice, field_id, focus_field_selecting, heading, string_list, text_area, text_area_with_id,
    text_field, text_field_with_id,
};
use super::workspace::Notice;
use crate::model::{
    ChannelId, CurveId, CurveScore, DepartmentId, Deviation, EMOTION_MAX, EMOTION_MIN, Edit,
    Element, ElementId, Emotion, Item, Journey, Opportunity, OpportunityId, OpportunityStatus,
    OpportunityTarget, Stage, Touchpoint, TouchpointId,
};

pub fn ui(p: &mut Panel<'_>, ui: &mut egui::Ui) {
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size(340.0)
        .size_range(280.0..=560.0)
        .show(ui, |ui| {
            // Content wraps to the panel: what is selected never widens it.
            let width = ui.available_width();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(width);
                    let selected = p.workspace.selection.last().cloned();
                    match selected {
                        Some(ElementId::Touchpoint(id)) => touchpoint_ui(p, ui, &id),
                        Some(ElementId::Evidence(id)) => evidence::evidence_ui(p, ui, &id),
                        Some(ElementId::GreyArea(id)) => grey_area::inspector_ui(p, ui, &id),
                        Some(ElementId::Opportunity(id)) => opportunity_ui(p, ui, &id),
                        Some(ElementId::Step(id)) => step::inspector_ui(p, ui, &id),
                        _ => nothing_selected_ui(p, ui),
                    }
                });
        });
}

/// The journey's evidence as checkboxes (id and kind, the text as tooltip) that link it
/// to an element or not: a grey area's, a step's.
pub fn evidence_checkboxes(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
    journey: &Journey,
    linked: &mut Vec<crate::model::EvidenceId>,
) {
    ui.label(
        egui::RichText::new(i18n.tr("field-evidence"))
            .small()
            .strong(),
    );
    // Each item by its kind and words (a metric by its figures), one a line; the
    // whole text and the id on hover.
    egui::ScrollArea::vertical()
        .id_salt("evidence_checkboxes")
        .max_height(220.0)
        .show(ui, |ui| {
            for item in &journey.evidence {
                let mut on = linked.contains(&item.id);
                let words = crate::words::evidence_words(item, i18n);
                let shown: String = if words.chars().count() > 70 {
                    words.chars().take(69).chain(['…']).collect()
                } else {
                    words.clone()
                };
                if ui
                    .checkbox(&mut on, shown)
                    .on_hover_text(format!("{words}\n({})", item.id))
                    .changed()
                {
                    linked.retain(|e| e != &item.id);
                    if on {
                        linked.push(item.id.clone());
                    }
                }
            }
        });
}

fn nothing_selected_ui(p: &mut Panel<'_>, ui: &mut egui::Ui) {
    heading(ui, &p.i18n.tr("inspector-title"));
    ui.label(p.i18n.tr("inspector-empty"));
}

fn touchpoint_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, id: &TouchpointId) {
    let journey = p.journey;
    let Some(original) = journey.touchpoint(id) else {
        return;
    };
    let i18n = &p.i18n;
    let mut tp = original.clone();
    let mut typed: Option<&str> = None;

    heading(ui, &i18n.tr("inspector-touchpoint"));
    ui.label(egui::RichText::new(id.as_str()).small().weak());
    let title_id = field_id(id.as_str(), "title");
    let title = text_field_with_id(
        ui,
        i18n,
        Some(title_id),
        &i18n.tr("field-title"),
        &mut tp.title,
    );
    if title.changed() {
        typed = Some("title");
    }

    let mut stage = tp.stage;
    if choice(ui, &i18n.tr("field-stage"), &mut stage, Stage::ALL, |s| {
        i18n.stage_name(journey, s)
    }) {
        match Edit::move_touchpoint(journey, id, stage, usize::MAX) {
            Ok(edit) => p.actions.edit(edit, "edit-move-touchpoint"),
            Err(error) => p.actions.notice(Notice::Error(error.to_string())),
        }
        return;
    }
    move_buttons(p, ui);
    let i18n = &p.i18n;
    crate::app::widgets::phase_picker(ui, i18n, journey, tp.stage, id.as_str(), &mut tp.phase);
    catalogue_pickers(ui, i18n, journey, &mut tp);

    for (field, label, value) in [
        ("action", "field-action", &mut tp.action),
        ("thought", "field-thought", &mut tp.thought),
        ("expectation", "field-expectation", &mut tp.expectation),
        ("description", "field-description", &mut tp.description),
        (
            "physical_evidence",
            "field-physical-evidence",
            &mut tp.physical_evidence,
        ),
    ] {
        if text_area(ui, i18n, &i18n.tr(label), value, 2).changed() {
            typed = Some(field);
        }
    }
    emotion_ui(ui, i18n, &mut tp.emotion, &mut typed);
    ui.checkbox(&mut tp.key_moment, i18n.tr("field-key-moment"))
        .on_hover_text(i18n.tr("field-key-moment-tip"));
    deviation_pickers(ui, i18n, journey, &mut tp);
    curve_scores(ui, i18n, journey, &mut tp);
    if string_list(ui, i18n, &i18n.tr("field-pain-points"), &mut tp.pain_points) {
        typed = Some("pain_points");
    }

    if tp != *original {
        let edit = Edit::Replace(Element::Touchpoint(tp.clone()));
        match typed {
            Some(field) => p
                .actions
                .typing(edit, "edit-touchpoint", format!("{id}/{field}")),
            None => p.actions.edit(edit, "edit-touchpoint"),
        }
    }
    ui.separator();
    evidence::links_ui(p, ui, &tp);
    ui.separator();
    opportunities_ui(p, ui, OpportunityTarget::Touchpoint(id.clone()));
    ui.separator();
    if ui.button(p.i18n.tr("delete-touchpoint")).clicked() {
        p.actions.push(crate::app::action::Action::Delete(vec![
            ElementId::Touchpoint(id.clone()),
        ]));
    }
}

fn catalogue_pickers(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
    journey: &Journey,
    tp: &mut Touchpoint,
) {
    let none = i18n.tr("none");
    let channel_name = |c: &Option<ChannelId>| {
        c.as_ref()
            .and_then(|c| journey.channel(c))
            .map_or(none.clone(), |c| c.name.clone())
    };
    egui::ComboBox::from_label(i18n.tr("field-channel"))
        .selected_text(channel_name(&tp.channel))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut tp.channel, None, &none);
            for channel in &journey.channels {
                ui.selectable_value(&mut tp.channel, Some(channel.id.clone()), &channel.name);
            }
        });
    let department_name = |d: &Option<DepartmentId>| {
        d.as_ref()
            .and_then(|d| journey.department(d))
            .map_or(none.clone(), |d| d.name.clone())
    };
    egui::ComboBox::from_label(i18n.tr("field-department"))
        .selected_text(department_name(&tp.department))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut tp.department, None, &none);
            for department in &journey.departments {
                ui.selectable_value(
                    &mut tp.department,
                    Some(department.id.clone()),
                    &department.name,
                );
            }
        });
}

/// The touchpoint's score on each of the journey's extra curves: −2 … +2 or none.
fn curve_scores(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
    journey: &Journey,
    tp: &mut Touchpoint,
) {
    for curve in &journey.curves {
        let current = tp.curve_score(&curve.id);
        let mut chosen = current;
        ui.label(egui::RichText::new(curve.name.as_str()).small());
        ui.horizontal(|ui| {
            for score in EMOTION_MIN..=EMOTION_MAX {
                let label = crate::tr!(
                    i18n,
                    "curve-score",
                    curve = curve.name.clone(),
                    score = format!("{score:+}").replace("+0", "0")
                );
                let text = format!("{score:+}").replace("+0", "0");
                let response = ui.selectable_label(current == Some(score), text);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::accesskit::Role::Button,
                        true,
                        current == Some(score),
                        &label,
                    )
                });
                if response.clicked() {
                    chosen = Some(score);
                }
            }
            let none = crate::tr!(i18n, "curve-no-score", curve = curve.name.clone());
            let response = ui.selectable_label(current.is_none(), i18n.tr("none"));
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::accesskit::Role::Button,
                    true,
                    current.is_none(),
                    &none,
                )
            });
            if response.clicked() {
                chosen = None;
            }
        });
        if chosen != current {
            tp.scores.retain(|s| s.curve != curve.id);
            if let Some(score) = chosen {
                tp.scores.push(CurveScore {
                    curve: curve.id.clone(),
                    score,
                });
                // In the journey's curve order, so the file does not churn.
                let order = |id: &CurveId| journey.curves.iter().position(|c| &c.id == id);
                tp.scores.sort_by_key(|s| order(&s.curve));
            }
        }
    }
}

/// Planned vs actual: the touchpoint's deviation and, when it is out of order, the
/// touchpoint it was planned to follow.
fn deviation_pickers(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
    journey: &Journey,
    tp: &mut Touchpoint,
) {
    let none = i18n.tr("none");
    let name = |d: Option<Deviation>| d.map_or(none.clone(), |d| i18n.term("deviation", d.key()));
    egui::ComboBox::from_label(i18n.tr("field-deviation"))
        .selected_text(name(tp.deviation))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut tp.deviation, None, name(None));
            for deviation in Deviation::ALL {
                ui.selectable_value(&mut tp.deviation, Some(*deviation), name(Some(*deviation)));
            }
        });
    if tp.deviation != Some(Deviation::OutOfOrder) {
        tp.planned_after = None;
        return;
    }
    let title = |id: &Option<TouchpointId>| {
        id.as_ref()
            .and_then(|id| journey.touchpoint(id))
            .map_or(none.clone(), |t| t.name())
    };
    egui::ComboBox::from_label(i18n.tr("field-planned-after"))
        .selected_text(title(&tp.planned_after))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut tp.planned_after, None, &none);
            for other in journey.touchpoints.iter().filter(|t| t.id != tp.id) {
                ui.selectable_value(&mut tp.planned_after, Some(other.id.clone()), other.name());
            }
        });
}

/// Five score buttons (−2 … +2), "no score", and the emotion word.
fn emotion_ui(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
    emotion: &mut Option<Emotion>,
    typed: &mut Option<&str>,
) {
    ui.label(
        egui::RichText::new(i18n.tr("field-emotion"))
            .small()
            .strong(),
    );
    ui.horizontal(|ui| {
        for score in EMOTION_MIN..=EMOTION_MAX {
            let selected = emotion.as_ref().is_some_and(|e| e.score == score);
            let text = emotion_label(score);
            let meaning = i18n.tr(&format!("emotion-score-{score}"));
            let response = ui.selectable_label(selected, text).on_hover_text(&meaning);
            if response.clicked() {
                let word = emotion.take().map(|e| e.word).unwrap_or_default();
                *emotion = Some(Emotion { score, word });
            }
        }
        if ui
            .selectable_label(emotion.is_none(), i18n.tr("emotion-none"))
            .clicked()
        {
            *emotion = None;
        }
    });
    // The word's row is always there (greyed out without a score), so choosing a
    // score moves nothing under the pointer.
    match emotion.as_mut() {
        Some(emotion) => {
            if text_field(ui, i18n, &i18n.tr("field-emotion-word"), &mut emotion.word).changed() {
                *typed = Some("emotion_word");
            }
        }
        None => {
            ui.add_enabled_ui(false, |ui| {
                text_field(ui, i18n, &i18n.tr("field-emotion-word"), &mut String::new());
            });
        }
    }
}

/// "−2", "−1", "0", "+1", "+2".
pub fn emotion_label(score: i8) -> String {
    match score {
        s if s < 0 => format!("−{}", -s),
        0 => "0".to_owned(),
        s => format!("+{s}"),
    }
}

/// The opportunities on a touchpoint or a grey area: links to edit each, and "Add".
pub(super) fn opportunities_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, target: OpportunityTarget) {
    let i18n = &p.i18n;
    ui.label(
        egui::RichText::new(i18n.tr("field-opportunities"))
            .small()
            .strong(),
    );
    let journey = p.journey;
    for opportunity in journey.opportunities.iter().filter(|o| o.target == target) {
        let text = if opportunity.idea.is_empty() {
            i18n.tr("untitled")
        } else {
            opportunity.idea.clone()
        };
        if ui.link(text).clicked() {
            p.actions
                .select(vec![ElementId::Opportunity(opportunity.id.clone())]);
        }
    }
    if ui.small_button(i18n.tr("add-opportunity")).clicked() {
        let opportunity = Opportunity::new(
            journey.next_opportunity_id(),
            target,
            i18n.tr("new-opportunity"),
        );
        p.actions
            .select(vec![ElementId::Opportunity(opportunity.id.clone())]);
        focus_field_selecting(
            ui,
            field_id(opportunity.id.as_str(), "idea"),
            &opportunity.idea,
        );
        let index = journey.opportunities.len();
        p.actions.edit(
            Edit::Insert {
                index,
                element: Element::Opportunity(opportunity),
            },
            "edit-add-opportunity",
        );
    }
}

fn opportunity_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, id: &OpportunityId) {
    let Some(original) = p.journey.opportunity(id) else {
        return;
    };
    let i18n = &p.i18n;
    let mut o = original.clone();
    let mut typed = None;
    heading(ui, &i18n.tr("inspector-opportunity"));
    let target = o.target.element();
    if p.journey.has(target.kind(), target.as_str()) {
        let name = crate::words::element_name(p.journey, &target, i18n);
        ui.label(crate::tr!(i18n, "opportunity-for", target = name));
    }
    for (field, label, value) in [
        ("idea", "field-idea", &mut o.idea),
        (
            "expected_effect",
            "field-expected-effect",
            &mut o.expected_effect,
        ),
        ("owner", "field-owner", &mut o.owner),
    ] {
        let id = field_id(o.id.as_str(), field);
        if text_area_with_id(ui, i18n, Some(id), &i18n.tr(label), value, 1).changed() {
            typed = Some(field);
        }
    }
    choice(
        ui,
        &i18n.tr("field-status"),
        &mut o.status,
        OpportunityStatus::ALL,
        |s| i18n.term("opportunity-status", s.key()),
    );
    // Value and effort, 1..5 or not rated: the report's matrix.
    const RATINGS: &[Option<u8>] = &[None, Some(1), Some(2), Some(3), Some(4), Some(5)];
    let rated = |r: Option<u8>| r.map_or_else(|| i18n.tr("none"), |r| r.to_string());
    choice(ui, &i18n.tr("field-value"), &mut o.value, RATINGS, rated);
    choice(ui, &i18n.tr("field-effort"), &mut o.effort, RATINGS, rated);
    if o != *original {
        let edit = Edit::Replace(Element::Opportunity(o.clone()));
        match typed {
            Some(field) => p
                .actions
                .typing(edit, "edit-opportunity", format!("{id}/{field}")),
            None => p.actions.edit(edit, "edit-opportunity"),
        }
    }
    if ui.button(i18n.tr("delete-opportunity")).clicked() {
        p.actions.edit(
            Edit::Remove(ElementId::Opportunity(id.clone())),
            "edit-delete",
        );
    }
}

/// One click each for what dragging does within a stage (WCAG 2.5.7): the selected
/// card or step one place earlier or later, the commands Alt+Shift+Left and
/// Alt+Shift+Right run.
pub(super) fn move_buttons(p: &Panel<'_>, ui: &mut egui::Ui) {
    use crate::app::action::Action;
    use crate::app::commands::AppCommand;
    ui.horizontal(|ui| {
        for (command, arrow) in [
            (AppCommand::MoveEarlier, "◀ "),
            (AppCommand::MoveLater, "▶ "),
        ] {
            let label = format!("{arrow}{}", p.i18n.tr(command.label_id()));
            if ui
                .button(label)
                .on_hover_text(p.i18n.tr(&command.tooltip_id()))
                .clicked()
            {
                p.actions.push(Action::Command(command));
            }
        }
    });
}
