//! The prompts that keep work safe: restore after a crash, a file changed on disk, and
//! saving over a file that changed since it was opened.

use crate::app::safety::OutsideChange;
use crate::app::*;
use crate::recovery::Found;

/// The restore offer; returns whether it stays open.
pub fn recovery_ui(app: &mut JourneyApp, ctx: &egui::Context, found: &mut Vec<Found>) -> bool {
    let mut choice: Option<(usize, bool)> = None;
    let i18n = &app.i18n;
    egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(i18n.tr("recovery-title"));
        ui.label(i18n.tr("recovery-body"));
        for (index, found) in found.iter().enumerate() {
            ui.separator();
            let recovery = &found.recovery;
            ui.label(egui::RichText::new(&recovery.journey.title).strong());
            let place = recovery
                .path
                .as_ref()
                .map_or_else(|| i18n.tr("untitled"), |p| p.display().to_string());
            ui.label(egui::RichText::new(place).small());
            let minutes =
                crate::recovery::now_unix_secs().saturating_sub(recovery.autosaved_unix_secs) / 60;
            ui.label(crate::tr!(i18n, "recovery-when", minutes = minutes));
            if let Some(changes) = &found.changes {
                let summary = crate::app::safety::changes_summary(i18n, changes);
                ui.label(crate::tr!(i18n, "recovery-changes", summary = summary));
            }
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("recovery-restore")).clicked() {
                    choice = Some((index, true));
                }
                if ui.button(i18n.tr("recovery-discard")).clicked() {
                    choice = Some((index, false));
                }
            });
        }
    });
    // Enter restores the newest; the prompt's default, as its first button.
    if choice.is_none() && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
    {
        choice = Some((0, true));
    }
    match choice {
        Some((index, true)) if index < found.len() => {
            // One document at a time: the rest stay on disk for the next start.
            app.restore(found.remove(index));
            false
        }
        Some((index, false)) if index < found.len() => {
            app.discard_recovery(&found.remove(index));
            !found.is_empty()
        }
        _ => !found.is_empty(),
    }
}

/// Save over a file changed on disk, reload it, or cancel; returns whether it stays open.
pub fn overwrite_ui(
    app: &mut JourneyApp,
    ctx: &egui::Context,
    then: &mut Option<PendingAction>,
) -> bool {
    let i18n = &app.i18n;
    let name = app.document.file_name().unwrap_or_default();
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("confirm_overwrite")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(i18n.tr("overwrite-title"));
        ui.label(crate::tr!(i18n, "overwrite-body", file = name));
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("overwrite-save")).clicked() {
                choice = Some(0);
            }
            if ui.button(i18n.tr("outside-reload")).clicked() {
                choice = Some(1);
            }
            if ui.button(i18n.tr("cancel")).clicked() {
                choice = Some(2);
            }
        });
    });
    match choice {
        Some(0) => {
            if let Some(path) = app.document.path.clone() {
                app.save_over(&path, then.take(), ctx);
            }
            false
        }
        Some(1) => {
            app.reload_from_disk();
            false
        }
        Some(_) => false,
        None => true,
    }
}

/// A file changed on disk: reload, keep mine, see what changed; returns whether the
/// prompt stays open.
pub fn outside_change_ui(
    app: &mut JourneyApp,
    ctx: &egui::Context,
    change: &mut OutsideChange,
) -> bool {
    // Nothing of ours to lose: take theirs without asking.
    if !app.document.is_modified() && matches!(change, OutsideChange::Modified { .. }) {
        app.reload_from_disk();
        let name = app.document.file_name().unwrap_or_default();
        app.ui_state.notice = Some(Notice::Info(crate::tr!(
            app.i18n,
            "outside-reloaded",
            file = name
        )));
        return false;
    }
    let i18n = &app.i18n;
    let name = app.document.file_name().unwrap_or_default();
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("outside_change")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        match change {
            OutsideChange::Deleted => {
                ui.heading(i18n.tr("outside-deleted-title"));
                ui.label(crate::tr!(
                    i18n,
                    "outside-deleted-body",
                    file = name.clone()
                ));
                if ui.button(i18n.tr("dismiss")).clicked() {
                    choice = Some(1);
                }
            }
            OutsideChange::Unreadable(error) => {
                ui.heading(i18n.tr("outside-title"));
                ui.label(crate::tr!(i18n, "outside-unreadable", file = name.clone()));
                ui.label(egui::RichText::new(error.as_str()).small().monospace());
                if ui.button(i18n.tr("outside-keep")).clicked() {
                    choice = Some(1);
                }
            }
            OutsideChange::Modified {
                theirs,
                show_changes,
            } => {
                ui.heading(i18n.tr("outside-title"));
                ui.label(crate::tr!(i18n, "outside-body", file = name.clone()));
                if *show_changes {
                    let changes = crate::recovery::Changes::between(theirs, &app.document.journey);
                    let summary = crate::app::safety::changes_summary(i18n, &changes);
                    ui.label(crate::tr!(i18n, "outside-changes", summary = summary));
                }
                ui.horizontal(|ui| {
                    if ui.button(i18n.tr("outside-reload")).clicked() {
                        choice = Some(0);
                    }
                    if ui.button(i18n.tr("outside-keep")).clicked() {
                        choice = Some(1);
                    }
                    if !*show_changes && ui.button(i18n.tr("outside-show")).clicked() {
                        *show_changes = true;
                    }
                });
            }
        }
    });
    // Enter keeps mine: the choice that loses nothing.
    if choice.is_none() && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
    {
        choice = Some(1);
    }
    match choice {
        Some(0) => {
            app.reload_from_disk();
            false
        }
        Some(_) => {
            app.keep_mine();
            false
        }
        None => true,
    }
}
