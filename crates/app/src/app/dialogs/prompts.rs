//! Windows and prompts over the editor: the export window, the template gallery,
//! unsaved changes (save / discard / cancel) and the shortcut sheet, generated from the
//! command table so it is never out of date. Each draws one frame, answers with
//! actions, and says whether it stays open.

use crate::app::action::{Action, Actions};
use crate::app::commands::AppCommand;
use crate::app::workspace::ExportRequest;
use crate::i18n::I18n;
use crate::model::Language;
use crate::session::Pending;

/// Export choices: format, layout, page and orientation, slides, scale (PNG),
/// background; then the save dialog (the choices are remembered for next time).
pub fn export_window_ui(
    ctx: &egui::Context,
    i18n: &I18n,
    request: &mut ExportRequest,
    actions: &Actions,
) -> bool {
    use crate::export::{Format, PageSize, Paper};
    use crate::layout::Arrangement;
    let mut open = true;
    let mut go = false;
    egui::Window::new(i18n.tr("export-title"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            let options = &mut request.options;
            egui::Grid::new("export_choices")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    ui.label(i18n.tr("export-format"));
                    ui.horizontal(|ui| {
                        for format in Format::ALL {
                            ui.selectable_value(&mut request.format, format, format.name());
                        }
                        ui.separator();
                        for format in Format::DATA {
                            ui.selectable_value(&mut request.format, format, format.name());
                        }
                    });
                    ui.end_row();
                    // The data formats have none of a picture's choices.
                    if !Format::ALL.contains(&request.format) {
                        return;
                    }

                    let label = ui.label(i18n.tr("export-layout"));
                    let layout_name = |layout: Option<Arrangement>| match layout {
                        None => i18n.tr("export-layout-auto"),
                        Some(a) => i18n.term("layout", a.key()),
                    };
                    egui::ComboBox::from_id_salt("export_layout")
                        .selected_text(layout_name(options.layout))
                        .show_ui(ui, |ui| {
                            for layout in
                                [None, Some(Arrangement::Timeline), Some(Arrangement::Wall)]
                            {
                                ui.selectable_value(
                                    &mut options.layout,
                                    layout,
                                    layout_name(layout),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();

                    let label = ui.label(i18n.tr("export-page"));
                    let size = options.paper.map(|p| p.size);
                    let page_name = |size: Option<PageSize>| match size {
                        None => i18n.tr("export-page-none"),
                        Some(s) => i18n.term("page-size", s.key()),
                    };
                    let mut chosen = size;
                    ui.add_enabled_ui(!options.slides, |ui| {
                        egui::ComboBox::from_id_salt("export_page")
                            .selected_text(page_name(size))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut chosen, None, page_name(None));
                                for &size in PageSize::ALL {
                                    ui.selectable_value(
                                        &mut chosen,
                                        Some(size),
                                        page_name(Some(size)),
                                    );
                                }
                            })
                            .response
                            .labelled_by(label.id);
                    });
                    ui.end_row();
                    let mut portrait = options.paper.is_some_and(|p| p.portrait);
                    ui.label("");
                    ui.add_enabled(
                        chosen.is_some() && !options.slides,
                        egui::Checkbox::new(&mut portrait, i18n.tr("export-portrait")),
                    );
                    ui.end_row();
                    options.paper = chosen.map(|size| Paper { size, portrait });
                    // At the sheet's floor over several sheets, or one sheet as large as
                    // it goes.
                    ui.label("");
                    ui.add_enabled(
                        chosen.is_some() && !options.slides,
                        egui::Checkbox::new(&mut options.tiles, i18n.tr("export-tiles")),
                    );
                    ui.end_row();

                    ui.label("");
                    ui.checkbox(&mut options.slides, i18n.tr("export-slides"));
                    ui.end_row();

                    if request.format == Format::Png {
                        let label = ui.label(i18n.tr("export-scale"));
                        ui.add(
                            egui::Slider::new(&mut options.scale, 1.0..=4.0)
                                .step_by(0.5)
                                .suffix("×"),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            let picture = Format::ALL.contains(&request.format);
            if picture {
                ui.checkbox(&mut options.transparent, i18n.tr("export-transparent"));
                ui.checkbox(
                    &mut options.collapse_empty_stages,
                    i18n.tr("export-collapse-empty-stages"),
                );
                ui.checkbox(&mut options.blueprint, i18n.tr("cmd-blueprint-lanes"));
            }
            let hint = if !picture {
                "export-data-hint"
            } else if options.paper.is_some() && !options.slides {
                "export-poster-hint"
            } else {
                "export-hint"
            };
            ui.label(egui::RichText::new(i18n.tr(hint)).small().weak());
            go = ui.button(i18n.tr("export-choose-file")).clicked();
        });
    let escaped = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    if go {
        actions.push(Action::Export(*request));
        return false;
    }
    open && !escaped
}

/// The starting maps, by title and scenario in the interface's language; choosing one
/// starts a new journey from it (asking about unsaved changes first).
pub fn template_gallery_ui(
    ctx: &egui::Context,
    i18n: &I18n,
    language: Language,
    actions: &Actions,
) -> bool {
    let mut open = !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    let mut chosen = None;
    let mut blank = None;
    egui::Window::new(i18n.tr("templates-title"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label(i18n.tr("templates-hint"));
            ui.add_space(8.0);
            // First an empty map (no catalogue: the team types its own channels and
            // departments), then one with a starter catalogue, then the templates.
            for (title, about, pending) in [
                ("new-empty", "new-empty-hint", Pending::New),
                (
                    "new-with-catalogue",
                    "new-with-catalogue-hint",
                    Pending::NewWithCatalogue,
                ),
            ] {
                let response = ui.add(
                    egui::Button::new(egui::RichText::new(i18n.tr(title)).strong())
                        .min_size(egui::vec2(500.0, 0.0)),
                );
                ui.label(egui::RichText::new(i18n.tr(about)).small().weak());
                ui.add_space(6.0);
                if response.clicked() {
                    blank = Some(pending);
                }
            }
            ui.separator();
            for template in crate::templates::TEMPLATES {
                let response = ui.add(
                    egui::Button::new(egui::RichText::new(template.title(language)).strong())
                        .min_size(egui::vec2(500.0, 0.0)),
                );
                ui.label(
                    egui::RichText::new(template.scenario(language))
                        .small()
                        .weak(),
                );
                ui.add_space(6.0);
                if response.clicked() {
                    chosen = Some(template.key);
                }
            }
        });
    if let Some(key) = chosen {
        actions.push(Action::Request(Pending::NewFromTemplate(key)));
        return false;
    }
    if let Some(pending) = blank {
        actions.push(Action::Request(pending));
        return false;
    }
    open
}

/// Save, discard or cancel before `action` replaces the document; returns whether the
/// prompt stays open.
pub fn confirm_ui(
    ctx: &egui::Context,
    i18n: &I18n,
    name: &str,
    action: &Pending,
    actions: &Actions,
) -> bool {
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
            actions.push(Action::SaveThen(action.clone()));
            false
        }
        Some(1) => {
            actions.push(Action::DiscardThen(action.clone()));
            false
        }
        Some(_) => false,
        None => true,
    }
}

/// The shortcut sheet (F1), in the projector's 24 px type in presentation mode.
pub fn shortcut_sheet_ui(ctx: &egui::Context, i18n: &I18n, presenting: bool) -> bool {
    let mut open = !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    let size = if presenting {
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

/// Text in presentation mode is never smaller than this (the projector rule).
pub const PRESENTATION_TEXT_SIZE: f32 = 24.0;
