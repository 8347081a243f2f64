//! The confirmation of a pasted or imported sheet: before anything changes, the rows
//! it adds and updates, what each catalogue value was matched to (changeable here),
//! and every new catalogue entry. Enter applies it as one undo step; Esc cancels.

use crate::app::action::{Action, Actions};
use crate::app::review::PasteReview;
use crate::i18n::I18n;
use crate::interchange::sheet::{Catalogue, Plan};
use crate::model::Language;
use crate::session::Pending;

/// How many rows of each list are named before "and N more".
const LISTED: usize = 12;

/// One frame of the review; whether it stays open.
pub fn review_ui(
    ctx: &egui::Context,
    i18n: &I18n,
    language: Language,
    actions: &Actions,
    review: &mut PasteReview,
) -> bool {
    let mut open = true;
    let mut apply = false;
    let mut start_new = false;
    let mut choice: Option<(Catalogue, String, Option<String>)> = None;
    let title = match &review.import {
        Some(import) => crate::tr!(i18n, "paste-title-import", file = import.file.clone()),
        None => i18n.tr("paste-title"),
    };
    // A window rather than egui's modal: the match choices are combo boxes, whose
    // popups a modal layer would sit over. The table under it is covered meanwhile.
    egui::Window::new(title)
        .id(egui::Id::unique("paste_review"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            match &review.plan {
                Err(error) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        crate::tr!(
                            i18n,
                            "paste-error",
                            line = error.line,
                            message = error.message.clone()
                        ),
                    );
                    ui.label(i18n.tr("paste-nothing-changed"));
                }
                Ok(plan) => {
                    summary_ui(ui, i18n, review.kind, plan);
                    choice = matches_ui(ui, i18n, review, plan);
                }
            }
            ui.separator();
            ui.horizontal(|ui| {
                let ready = review.plan.is_ok();
                if ui
                    .add_enabled(ready, egui::Button::new(i18n.tr("paste-apply")))
                    .clicked()
                {
                    apply = true;
                }
                if ui.button(i18n.tr("cancel")).clicked() {
                    open = false;
                }
            });
            if let Some(import) = &mut review.import
                && review.kind == crate::model::ElementKind::Touchpoint
            {
                ui.separator();
                ui.label(i18n.tr("paste-or-new"));
                ui.horizontal(|ui| {
                    let label = ui.label(i18n.tr("field-title"));
                    ui.add(
                        egui::TextEdit::singleline(&mut import.title)
                            .id(egui::Id::unique("import_title"))
                            .desired_width(280.0),
                    )
                    .labelled_by(label.id);
                    let titled = !import.title.trim().is_empty();
                    if ui
                        .add_enabled(titled, egui::Button::new(i18n.tr("paste-new-journey")))
                        .clicked()
                    {
                        start_new = true;
                    }
                });
            }
        });
    let typing = ctx.memory(|m| m.focused()) == Some(egui::Id::unique("import_title"));
    if !typing && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)) {
        apply = review.plan.is_ok();
    }
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        open = false;
    }
    if let Some((catalogue, value, entry)) = choice {
        review.choose(catalogue, &value, entry);
    }
    if apply && let Ok(plan) = &review.plan {
        let label = if review.import.is_some() {
            "edit-import"
        } else {
            "edit-paste"
        };
        // Planned from the journey as it was when the sheet was read: the session
        // rebases it on edits made meanwhile, or refuses it naming what they changed.
        actions.push(Action::ApplyPlanned {
            base: review.base_changes,
            from: review.base.clone(),
            to: Box::new(plan.journey.clone()),
            label,
        });
        open = false;
    }
    if start_new && let Some(import) = &review.import {
        match crate::interchange::csv::new_from_csv(&review.text, import.title.trim(), language) {
            Ok((journey, _)) => {
                actions.push(Action::Request(Pending::NewJourney(Box::new(journey))));
                open = false;
            }
            Err(error) => actions.notice(crate::app::Notice::Error(error.to_string())),
        }
    }
    open
}

fn summary_ui(ui: &mut egui::Ui, i18n: &I18n, kind: crate::model::ElementKind, plan: &Plan) {
    let title = |id: &crate::model::ElementId| {
        let name = crate::words::element_name(&plan.journey, id, i18n);
        let stage = match id {
            crate::model::ElementId::Touchpoint(t) => plan.journey.touchpoint(t).map(|t| t.stage),
            crate::model::ElementId::Step(s) => plan.journey.step(s).map(|s| s.stage),
            _ => None,
        };
        match stage {
            Some(stage) => format!(
                "{} — {}",
                i18n.stage_name(&plan.journey, stage),
                name.trim()
            ),
            None => name.trim().to_owned(),
        }
    };
    for (ids, message) in [
        (&plan.added, "paste-adds"),
        (&plan.updated, "paste-updates"),
    ] {
        ui.label(
            egui::RichText::new(crate::tr!(
                i18n,
                message,
                kind = kind.key(),
                count = ids.len()
            ))
            .strong(),
        );
        for id in ids.iter().take(LISTED) {
            ui.label(format!("  • {}", title(id)));
        }
        if ids.len() > LISTED {
            ui.label(crate::tr!(i18n, "paste-more", count = ids.len() - LISTED));
        }
    }
    if !plan.cleared.is_empty() {
        ui.label(
            egui::RichText::new(crate::tr!(i18n, "paste-clears", count = plan.cleared.len()))
                .strong()
                .color(ui.visuals().warn_fg_color),
        );
        for (id, field) in plan.cleared.iter().take(LISTED) {
            ui.label(format!("  • {} — {}", title(id), i18n.tr(field)));
        }
        if plan.cleared.len() > LISTED {
            ui.label(crate::tr!(
                i18n,
                "paste-more",
                count = plan.cleared.len() - LISTED
            ));
        }
    }
    for warning in &plan.report.warnings {
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
}

/// Each catalogue value that was not an exact name: its match, or a new entry, with a
/// choice of every entry of its catalogue. Returns the person's new choice.
fn matches_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    review: &PasteReview,
    plan: &Plan,
) -> Option<(Catalogue, String, Option<String>)> {
    if plan.report.matches.is_empty() {
        return None;
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(i18n.tr("paste-matches")).strong());
    let mut chosen = None;
    for (n, matched) in plan.report.matches.iter().enumerate() {
        let entries: Vec<(String, String)> = matched.catalogue.entries(&review.base);
        let what = i18n.tr(matched.catalogue.label());
        let new_entry = i18n.tr("paste-new-entry");
        let shown = match &matched.entry {
            Some(id) => entries
                .iter()
                .find(|(i, _)| i == id)
                .map_or_else(|| matched.name.clone(), |(_, n)| n.clone()),
            None => format!("{new_entry}: {}", matched.value),
        };
        ui.horizontal(|ui| {
            egui::ComboBox::new(("paste_match", n), format!("{what}: “{}”", matched.value))
                .selected_text(shown)
                .height(480.0)
                .show_ui(ui, |ui| {
                    let selected = matched.entry.is_none();
                    if ui
                        .selectable_label(selected, format!("{new_entry}: {}", matched.value))
                        .clicked()
                        && !selected
                    {
                        chosen = Some((matched.catalogue, matched.value.clone(), None));
                    }
                    ui.separator();
                    for (id, name) in &entries {
                        let selected = matched.entry.as_deref() == Some(id.as_str());
                        if ui.selectable_label(selected, name).clicked() && !selected {
                            chosen =
                                Some((matched.catalogue, matched.value.clone(), Some(id.clone())));
                        }
                    }
                });
        });
    }
    chosen
}
