//! View ▸ Outline: the map as headings and lists, in the map's language: each stage
//! with its notes and the curve through it, its cards with their facts, its grey areas
//! by number. The fastest way through a map for a screen reader, and a plain reading of
//! it for anyone; the same outline the published page and the SVG's description give
//! (`export::outline`).

use crate::export::outline::{self, Block};
use crate::i18n::I18n;
use crate::model::Journey;

pub fn ui(ui: &mut egui::Ui, journey: &Journey, words: &I18n, i18n: &I18n) {
    egui::Panel::right("outline")
        .resizable(true)
        .default_size(380.0)
        .size_range(260.0..=640.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.heading(i18n.tr("cmd-outline"));
            ui.separator();
            let width = ui.available_width();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(width);
                    let blocks = outline::blocks(journey, words);
                    if blocks.is_empty() {
                        ui.label(i18n.tr("outline-empty"));
                    }
                    for block in blocks {
                        match block {
                            Block::Stage(name) => {
                                ui.add_space(10.0);
                                ui.heading(name);
                            }
                            Block::Card(title) => {
                                ui.add_space(4.0);
                                ui.label(egui::RichText::new(title).strong().size(15.0));
                            }
                            Block::Heading(text) => {
                                ui.add_space(4.0);
                                ui.label(egui::RichText::new(text).strong());
                            }
                            Block::Line(text) => {
                                ui.label(text);
                            }
                            Block::Quote(text) => {
                                ui.label(egui::RichText::new(text).italics());
                            }
                            Block::Item(opportunity, text) => {
                                let mark = if opportunity { "+" } else { "\u{2212}" };
                                ui.label(format!("{mark} {text}"));
                            }
                            Block::Grey(number, text) => {
                                ui.label(format!("{number}. {text}"));
                            }
                            Block::EndCard => ui.add_space(2.0),
                        }
                    }
                });
        });
}
