//! Deleting a card or a step that others refer to: the confirmation names them, and
//! the person re-points them to the element beside it, deletes them too, or cancels
//! (`document::delete`, the rule the canvas, the table and the inspector share).

use crate::app::action::{Action, Actions};
use crate::document::{Deletion, Referrers};
use crate::i18n::I18n;
use crate::model::{ElementId, Journey};

/// How many referrers are named before "and N more".
const LISTED: usize = 10;

/// The question, with every name worked out when it was asked.
#[derive(Debug)]
pub struct ConfirmDelete {
    pub deletion: Deletion,
    /// What is deleted, by name.
    what: String,
    /// Each referrer: its kind's word and its name.
    referrers: Vec<String>,
    /// The neighbour the references would move to, by name (one deleted element).
    onto: Option<String>,
}

impl ConfirmDelete {
    pub fn new(deletion: Deletion, journey: &Journey, i18n: &I18n) -> Self {
        let named = |id: &ElementId| {
            format!(
                "{} “{}”",
                i18n.tr(&format!("element-{}", id.kind().key())),
                crate::words::element_name(journey, id, i18n)
            )
        };
        let what = match deletion.elements.as_slice() {
            [one] => named(one),
            many => crate::tr!(i18n, "delete-confirm-many", count = many.len()),
        };
        let referrers = deletion.referrers.iter().map(named).collect();
        let onto = match deletion.repoint.as_deref() {
            Some([(_, to)]) => Some(named(to)),
            _ => None,
        };
        Self {
            deletion,
            what,
            referrers,
            onto,
        }
    }
}

/// One frame of the confirmation; whether it stays open.
pub fn confirm_delete_ui(
    ctx: &egui::Context,
    i18n: &I18n,
    confirm: &ConfirmDelete,
    actions: &Actions,
) -> bool {
    let mut choice: Option<Option<Referrers>> = None;
    let can_repoint = confirm.deletion.repoint.is_some();
    egui::Modal::new(egui::Id::unique("confirm_delete")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(crate::tr!(
            i18n,
            "delete-confirm-title",
            what = confirm.what.clone()
        ));
        ui.label(crate::tr!(
            i18n,
            "delete-confirm-body",
            count = confirm.referrers.len()
        ));
        for name in confirm.referrers.iter().take(LISTED) {
            ui.label(format!("  • {name}"));
        }
        if confirm.referrers.len() > LISTED {
            ui.label(crate::tr!(
                i18n,
                "paste-more",
                count = confirm.referrers.len() - LISTED
            ));
        }
        ui.add_space(12.0);
        ui.horizontal_wrapped(|ui| {
            if can_repoint {
                let label = match &confirm.onto {
                    Some(onto) => crate::tr!(i18n, "delete-repoint-onto", onto = onto.clone()),
                    None => i18n.tr("delete-repoint"),
                };
                if ui.button(label).clicked() {
                    choice = Some(Some(Referrers::Repoint));
                }
            }
            if ui.button(i18n.tr("delete-them-too")).clicked() {
                choice = Some(Some(Referrers::Delete));
            }
            if ui.button(i18n.tr("cancel")).clicked() {
                choice = Some(None);
            }
        });
        if !can_repoint {
            ui.label(egui::RichText::new(i18n.tr("delete-no-neighbour")).small());
        }
    });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        choice = Some(None);
    }
    match choice {
        Some(referrers) => {
            actions.push(Action::DeleteConfirmed(
                confirm.deletion.elements.clone(),
                referrers,
            ));
            false
        }
        None => true,
    }
}
