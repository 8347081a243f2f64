//! The spotlight's card: the grey area in the spotlight, in words, big enough for a
//! projector (title, kind, severity and status, what the customer experiences, the fix
//! and its owner), over the bottom corner of the canvas away from the grey area.

use crate::i18n::I18n;
use crate::model::{GreyArea, Journey};
use crate::theme::Theme;

pub(super) fn card(
    ui: &egui::Ui,
    canvas: egui::Rect,
    journey: &Journey,
    grey: &GreyArea,
    band_x: f32,
    theme: &Theme,
    i18n: &I18n,
) {
    let body = theme.body_size * 1.45;
    let title_size = theme.title_size.max(body * 1.3);
    let width = (canvas.width() * 0.45).clamp(320.0, 820.0);
    // The side away from the band, so the band and its neighbours stay in view.
    let (anchor, pivot) = if band_x < canvas.center().x {
        (
            canvas.right_bottom() + egui::vec2(-16.0, -16.0),
            egui::Align2::RIGHT_BOTTOM,
        )
    } else {
        (
            canvas.left_bottom() + egui::vec2(16.0, -16.0),
            egui::Align2::LEFT_BOTTOM,
        )
    };
    let colour = super::colour(theme.grey_area_fill(grey.severity));
    let text = super::colour(theme.text);
    let muted = super::colour(theme.text_muted);
    egui::Area::new(ui.scope_id().with("spotlight_card"))
        .order(egui::Order::Foreground)
        .fixed_pos(anchor)
        .pivot(pivot)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(super::colour(theme.card_fill))
                .stroke(egui::Stroke::new(4.0, colour))
                .corner_radius(10.0)
                .inner_margin(18.0)
                .show(ui, |ui| {
                    ui.set_max_width(width);
                    // Never cut: a long grey area scrolls inside the card, which stays
                    // within the canvas.
                    egui::ScrollArea::vertical()
                        .max_height((canvas.height() - 32.0 - 36.0).max(120.0))
                        .show(ui, |ui| {
                            let number = journey
                                .grey_areas
                                .iter()
                                .position(|g| g.id == grey.id)
                                .and_then(|i| journey.grey_area_numbers().get(i).copied())
                                .unwrap_or(0);
                            let title = format!(
                                "{number}. {}",
                                crate::words::grey_area_title(journey, grey, i18n)
                            );
                            ui.label(
                                egui::RichText::new(title)
                                    .size(title_size)
                                    .strong()
                                    .color(text),
                            );
                            let meta = format!(
                                "{} · {} · {}",
                                i18n.term("grey-kind", grey.kind.key()),
                                i18n.term("severity", grey.severity.key()),
                                i18n.term("grey-status", grey.status.key())
                            );
                            ui.label(egui::RichText::new(meta).size(body).strong().color(muted));
                            let field = |ui: &mut egui::Ui, label: &str, value: &str| {
                                if value.trim().is_empty() {
                                    return;
                                }
                                ui.add_space(body * 0.4);
                                ui.label(
                                    egui::RichText::new(i18n.tr(label))
                                        .size(body * 0.8)
                                        .color(muted),
                                );
                                ui.label(egui::RichText::new(value).size(body).color(text));
                            };
                            field(ui, "field-experience", &grey.experience);
                            field(ui, "field-fix", &grey.fix);
                            field(ui, "field-owner", &grey.owner);
                        });
                });
        });
}
