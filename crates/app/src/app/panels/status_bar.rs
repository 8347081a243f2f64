//! The bars along the bottom: the status bar (counts, zoom, unsaved marker, notices)
//! in the editor, one line of hints in presentation mode.

use crate::app::action::{Actions, ViewChange};
use crate::app::dialogs::prompts::PRESENTATION_TEXT_SIZE;
use crate::app::widgets::colour;
use crate::app::workspace::{Notice, Workspace};
use crate::i18n::I18n;
use crate::model::{Journey, Stage};

/// A notice's line in the status bar, in characters; the hover shows more.
const NOTICE_CHARS: usize = 200;
const NOTICE_HOVER_CHARS: usize = 4_000;

/// What the status bar shows.
pub struct Status<'a> {
    pub journey: &'a Journey,
    pub workspace: &'a Workspace,
    pub i18n: &'a I18n,
    /// The canvas's zoom.
    pub zoom: f32,
    pub unsaved: bool,
    /// A file that failed to load is shown instead of the map: no counts, no zoom.
    pub failed: bool,
    /// Why autosave is not working: shown until a recovery write succeeds.
    pub autosave_problem: Option<&'a str>,
}

/// The one line of chrome in presentation mode, in 24 px type.
pub fn presentation_ui(ui: &mut egui::Ui, journey: &Journey, workspace: &Workspace, i18n: &I18n) {
    let theme = &workspace.theme;
    egui::Panel::bottom("presentation_bar")
        .frame(
            egui::Frame::NONE
                .fill(colour(theme.background))
                .inner_margin(8.0),
        )
        .show(ui, |ui| {
            let stage = workspace.active_stage.unwrap_or(Stage::Awareness);
            let hint = crate::tr!(
                i18n,
                "presentation-hint",
                stage = i18n.stage_name(journey, stage)
            );
            ui.label(
                egui::RichText::new(hint)
                    .size(PRESENTATION_TEXT_SIZE)
                    .color(colour(theme.text)),
            );
        });
}

pub fn ui(ui: &mut egui::Ui, status: &Status<'_>, actions: &Actions) {
    let Status {
        journey,
        workspace,
        i18n,
        zoom,
        unsaved,
        failed,
        autosave_problem,
    } = *status;
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            // Behind the failure view the counts and zoom would describe another map.
            if !failed {
                ui.label(crate::tr!(
                    i18n,
                    "status-counts",
                    touchpoints = journey.touchpoints.len(),
                    grey_areas = journey.grey_areas.len(),
                    evidence = journey.evidence.len()
                ));
                ui.separator();
                ui.label(format!("{:.0}%", zoom * 100.0));
            }
            if !failed && unsaved {
                ui.separator();
                ui.label(i18n.tr("status-unsaved"));
            }
            if let Some(problem) = autosave_problem {
                ui.separator();
                ui.label(
                    egui::RichText::new(i18n.tr("status-autosave-off"))
                        .strong()
                        .color(ui.visuals().error_fg_color),
                )
                .on_hover_text(crate::bounded::ellipsized(problem, NOTICE_HOVER_CHARS));
            }
            if let Some(notice) = &workspace.notice {
                ui.separator();
                let (text, colour) = match notice {
                    Notice::Error(text) => (text, ui.visuals().error_fg_color),
                    Notice::Info(text) => (text, ui.visuals().text_color()),
                    Notice::Warning(text) => (text, ui.visuals().warn_fg_color),
                };
                // The button first: a long message is cut to the room left after it.
                if ui.small_button(i18n.tr("dismiss")).clicked() {
                    actions.view(ViewChange::Notice(None));
                }
                // One line, however long the message: the rest on hover.
                let (first, more) = crate::bounded::first_line(text, NOTICE_CHARS);
                let shown = if more > 0 {
                    crate::tr!(i18n, "notice-more-lines", text = first, count = more)
                } else {
                    first.into_owned()
                };
                let response =
                    ui.add(egui::Label::new(egui::RichText::new(shown).color(colour)).truncate());
                if more > 0 || text.len() > NOTICE_CHARS {
                    response.on_hover_text(crate::bounded::ellipsized(text, NOTICE_HOVER_CHARS));
                }
            }
        });
    });
}
