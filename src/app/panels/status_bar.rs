//! The bars along the bottom: the status bar (counts, zoom, unsaved marker, notices)
//! in the editor, one line of hints in presentation mode.

use crate::app::*;

/// A notice's line in the status bar, in characters; the hover shows more.
const NOTICE_CHARS: usize = 200;
const NOTICE_HOVER_CHARS: usize = 4_000;

impl JourneyApp {
    /// The one line of chrome in presentation mode, in 24 px type.
    pub(in crate::app) fn presentation_bar_ui(&mut self, ui: &mut egui::Ui) {
        let background = canvas::colour(self.theme.background);
        let text = canvas::colour(self.theme.text);
        egui::Panel::bottom("presentation_bar")
            .frame(egui::Frame::NONE.fill(background).inner_margin(8.0))
            .show(ui, |ui| {
                let stage = self.ui_state.active_stage.unwrap_or(Stage::Awareness);
                let hint = crate::tr!(
                    self.i18n,
                    "presentation-hint",
                    stage = self.i18n.stage_name(&self.document.journey, stage)
                );
                ui.label(
                    egui::RichText::new(hint)
                        .size(dialogs::prompts::PRESENTATION_TEXT_SIZE)
                        .color(text),
                );
            });
    }

    pub(in crate::app) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let journey = &self.document.journey;
                let counts = crate::tr!(
                    self.i18n,
                    "status-counts",
                    touchpoints = journey.touchpoints.len(),
                    grey_areas = journey.grey_areas.len(),
                    evidence = journey.evidence.len()
                );
                // Behind the failure view the counts and zoom would describe another map.
                if self.failed.is_none() {
                    ui.label(counts);
                    ui.separator();
                    let zoom = format!("{:.0}%", self.ui_state.view.zoom * 100.0);
                    ui.label(zoom);
                }
                if self.failed.is_none() && self.document.is_modified() {
                    ui.separator();
                    ui.label(self.i18n.tr("status-unsaved"));
                }
                if let Some(notice) = self.ui_state.notice.clone() {
                    ui.separator();
                    let (text, colour) = match &notice {
                        Notice::Error(text) => (text, ui.visuals().error_fg_color),
                        Notice::Info(text) => (text, ui.visuals().text_color()),
                        Notice::Warning(text) => (text, ui.visuals().warn_fg_color),
                    };
                    // The button first: a long message is cut to the room left after it.
                    if ui.small_button(self.i18n.tr("dismiss")).clicked() {
                        self.ui_state.notice = None;
                    }
                    // One line, however long the message: the rest on hover.
                    let (first, more) = crate::bounded::first_line(text, NOTICE_CHARS);
                    let shown = if more > 0 {
                        crate::tr!(self.i18n, "notice-more-lines", text = first, count = more)
                    } else {
                        first.into_owned()
                    };
                    let response = ui
                        .add(egui::Label::new(egui::RichText::new(shown).color(colour)).truncate());
                    if more > 0 || text.len() > NOTICE_CHARS {
                        response
                            .on_hover_text(crate::bounded::ellipsized(text, NOTICE_HOVER_CHARS));
                    }
                }
            });
        });
    }
}
