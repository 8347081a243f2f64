//! Prompts over the editor: unsaved changes (save / discard / cancel) and the shortcut
//! sheet, generated from the command table so it is never out of date.

use crate::app::*;

impl JourneyApp {
    /// Export options: scale (PNG) and background, then the save dialog.
    /// Returns whether the window stays open.
    pub(in crate::app) fn export_window_ui(
        &mut self,
        ctx: &egui::Context,
        request: &mut ExportRequest,
    ) -> bool {
        let i18n = &self.i18n;
        let title = match request.format {
            crate::export::Format::Png => i18n.tr("cmd-export-png"),
            crate::export::Format::Svg => i18n.tr("cmd-export-svg"),
            crate::export::Format::Pdf => i18n.tr("export-pdf-title"),
        };
        let mut open = true;
        let mut go = false;
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                if request.format == crate::export::Format::Png {
                    let label = ui.label(i18n.tr("export-scale"));
                    ui.add(
                        egui::Slider::new(&mut request.options.scale, 1.0..=4.0)
                            .step_by(0.5)
                            .suffix("×"),
                    )
                    .labelled_by(label.id);
                }
                ui.checkbox(
                    &mut request.options.transparent,
                    i18n.tr("export-transparent"),
                );
                ui.checkbox(
                    &mut request.options.collapse_empty_stages,
                    i18n.tr("export-collapse-empty-stages"),
                );
                ui.label(egui::RichText::new(i18n.tr("export-hint")).small().weak());
                go = ui.button(i18n.tr("export-choose-file")).clicked();
            });
        let escaped = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        if go {
            self.ask_export_path(*request, ctx);
            return false;
        }
        open && !escaped
    }

    /// Save, discard or cancel; returns whether the prompt stays open.
    pub(in crate::app) fn confirm_ui(
        &mut self,
        ctx: &egui::Context,
        action: PendingAction,
    ) -> bool {
        let i18n = &self.i18n;
        let name = self
            .document
            .file_name()
            .unwrap_or_else(|| i18n.tr("untitled"));
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(i18n.tr("unsaved-title"));
            ui.label(crate::tr!(i18n, "unsaved-body", file = name));
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("unsaved-save")).clicked() {
                    choice = Some(0);
                }
                if ui.button(i18n.tr("unsaved-discard")).clicked() {
                    choice = Some(1);
                }
                if ui.button(i18n.tr("cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                self.save(Some(action), ctx);
                false
            }
            Some(1) => {
                self.perform_discarding(action, ctx);
                false
            }
            Some(_) => false,
            None => true,
        }
    }

    fn perform_discarding(&mut self, action: PendingAction, ctx: &egui::Context) {
        self.forget_recovery();
        if action == PendingAction::Quit {
            self.quit_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.perform_now(action, ctx);
        }
    }

    /// The shortcut sheet (F1), in the projector's 24 px type in presentation mode.
    pub(in crate::app) fn shortcut_sheet_ui(&mut self, ctx: &egui::Context) -> bool {
        let i18n = &self.i18n;
        let mut open = !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        let size = if self.ui_state.display.presenting() {
            PRESENTATION_TEXT_SIZE
        } else {
            14.0
        };
        let max_height = ctx.content_rect().height() * 0.8;
        let half = AppCommand::ALL.len().div_ceil(2);
        egui::Window::new(egui::RichText::new(i18n.tr("shortcuts-title")).size(size * 1.2))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(max_height)
                    .min_scrolled_height(max_height)
                    .show(ui, |ui| {
                        ui.horizontal_top(|ui| {
                            for (column, commands) in AppCommand::ALL.chunks(half).enumerate() {
                                egui::Grid::new(("shortcut_sheet", column))
                                    .num_columns(2)
                                    .striped(true)
                                    .spacing([18.0, 6.0])
                                    .show(ui, |ui| {
                                        for command in commands {
                                            ui.label(
                                                egui::RichText::new(i18n.tr(command.label_id()))
                                                    .size(size),
                                            );
                                            let keys: Vec<String> = command
                                                .shortcuts()
                                                .iter()
                                                .map(|s| ctx.format_shortcut(s))
                                                .collect();
                                            ui.label(
                                                egui::RichText::new(keys.join(" / "))
                                                    .monospace()
                                                    .size(size),
                                            );
                                            ui.end_row();
                                        }
                                    });
                                ui.add_space(24.0);
                            }
                        });
                    });
            });
        open
    }
}

/// Text in presentation mode is never smaller than this (the projector rule).
pub const PRESENTATION_TEXT_SIZE: f32 = 24.0;
