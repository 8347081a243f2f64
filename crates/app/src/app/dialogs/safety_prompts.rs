//! The prompts that keep work safe, drawn from the session's questions: restore after
//! a crash, a file changed on disk, and saving over a file that changed since it was
//! opened. Each answers with an action.

use crate::app::action::{Action, Actions};
use crate::i18n::I18n;
use crate::model::Journey;
use crate::session::recovery::{Changes, Found};
use crate::session::{Answer, OutsideChange};

/// The restore offer: one entry per recovery, newest first.
pub fn recovery_ui(ctx: &egui::Context, i18n: &I18n, found: &[Found], actions: &Actions) {
    let mut choice: Option<(usize, bool)> = None;
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
            let minutes = crate::session::recovery::now_unix_secs()
                .saturating_sub(recovery.autosaved_unix_secs)
                / 60;
            ui.label(crate::tr!(i18n, "recovery-when", minutes = minutes));
            // Two recoveries of one file differ by when their windows opened and by
            // what each holds.
            if recovery.window_started_unix_secs > 0 {
                let open_minutes = recovery
                    .autosaved_unix_secs
                    .saturating_sub(recovery.window_started_unix_secs)
                    / 60;
                ui.label(crate::tr!(
                    i18n,
                    "recovery-window-open",
                    minutes = open_minutes
                ));
            }
            let notes = found.recovery.room_notes.len();
            if notes > 0 {
                ui.label(crate::tr!(i18n, "recovery-room-notes", count = notes));
            }
            if let Some(changes) = &found.changes {
                let summary = changes_summary(i18n, changes);
                ui.label(crate::tr!(i18n, "recovery-changes", summary = summary));
                if !changes.names.is_empty() {
                    let names: Vec<String> =
                        changes.names.iter().map(|n| format!("“{n}”")).collect();
                    let total: usize = changes.kinds.iter().map(|k| k.added + k.changed).sum();
                    let mut holds = names.join(", ");
                    if total > names.len() {
                        holds = crate::tr!(
                            i18n,
                            "recovery-names-more",
                            names = holds,
                            count = total - names.len()
                        );
                    }
                    ui.label(crate::tr!(i18n, "recovery-holds", names = holds));
                }
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
    if let Some((index, restore)) = choice {
        actions.push(Action::Recovery { index, restore });
    }
}

/// Save over a file changed on disk, reload it, or cancel.
pub fn overwrite_ui(ctx: &egui::Context, i18n: &I18n, file: &str, actions: &Actions) {
    egui::Modal::new(egui::Id::unique("confirm_overwrite")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(i18n.tr("overwrite-title"));
        ui.label(crate::tr!(i18n, "overwrite-body", file = file));
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("overwrite-save")).clicked() {
                actions.push(Action::Overwrite(Answer::Mine));
            }
            if ui.button(i18n.tr("outside-reload")).clicked() {
                actions.push(Action::Overwrite(Answer::Theirs));
            }
            if ui.button(i18n.tr("cancel")).clicked() {
                actions.push(Action::Overwrite(Answer::Cancel));
            }
        });
    });
}

/// What the outside-change prompt shows.
pub struct Outside<'a> {
    pub file: &'a str,
    pub change: &'a OutsideChange,
    /// The open journey (to say what differs).
    pub mine: &'a Journey,
    /// "See what changed" was pressed.
    pub show_changes: &'a mut bool,
}

/// A file changed on disk: reload, keep mine, see what changed.
pub fn outside_change_ui(ctx: &egui::Context, i18n: &I18n, prompt: Outside<'_>, actions: &Actions) {
    let Outside {
        file,
        change,
        mine,
        show_changes,
    } = prompt;
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("outside_change")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        match change {
            OutsideChange::Deleted => {
                ui.heading(i18n.tr("outside-deleted-title"));
                ui.label(crate::tr!(i18n, "outside-deleted-body", file = file));
                if ui.button(i18n.tr("dismiss")).clicked() {
                    answer = Some(Answer::Mine);
                }
            }
            OutsideChange::Unreadable(error) => {
                ui.heading(i18n.tr("outside-title"));
                ui.label(crate::tr!(i18n, "outside-unreadable", file = file));
                ui.label(egui::RichText::new(error.as_str()).small().monospace());
                if ui.button(i18n.tr("outside-keep")).clicked() {
                    answer = Some(Answer::Mine);
                }
            }
            OutsideChange::Modified(theirs) => {
                ui.heading(i18n.tr("outside-title"));
                ui.label(crate::tr!(i18n, "outside-body", file = file));
                if *show_changes {
                    let changes = Changes::between(theirs, mine);
                    let summary = changes_summary(i18n, &changes);
                    ui.label(crate::tr!(i18n, "outside-changes", summary = summary));
                }
                ui.horizontal(|ui| {
                    if ui.button(i18n.tr("outside-reload")).clicked() {
                        answer = Some(Answer::Theirs);
                    }
                    if ui.button(i18n.tr("outside-keep")).clicked() {
                        answer = Some(Answer::Mine);
                    }
                    if !*show_changes && ui.button(i18n.tr("outside-show")).clicked() {
                        *show_changes = true;
                    }
                });
            }
        }
    });
    // Enter keeps mine: the choice that loses nothing.
    if answer.is_none() && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
    {
        answer = Some(Answer::Mine);
    }
    if let Some(answer) = answer {
        *show_changes = false;
        actions.push(Action::Outside(answer));
    }
}

/// The prompt's words for what a recovery (or an outside change) holds that the
/// other version does not: every part that differs, one line.
pub fn changes_summary(i18n: &I18n, changes: &Changes) -> String {
    let mut parts = Vec::new();
    for (differs, part) in [(changes.header, "header"), (changes.stages, "stages")] {
        if differs {
            parts.push(i18n.tr(&format!("changes-{part}")));
        }
    }
    for kind in &changes.kinds {
        parts.push(crate::tr!(
            i18n,
            "changes-kind",
            kind = i18n.term("kinds", kind.kind.key()),
            added = kind.added,
            removed = kind.removed,
            changed = kind.changed
        ));
    }
    if parts.is_empty() {
        i18n.tr("changes-none")
    } else {
        parts.join("; ")
    }
}
