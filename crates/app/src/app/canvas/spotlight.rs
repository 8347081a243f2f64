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
    let width = (canvas.width() * 0.45).clamp(320.0, 820.0);
    let room = (canvas.height() - 32.0 - 36.0).max(120.0);
    // As large as the whole grey area fits in six tenths of the canvas's height (the
    // map stays in view), down to the theme's body size (a longer one scrolls inside
    // the card, which is never taller than the canvas).
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
    let meta = format!(
        "{} · {} · {}",
        i18n.term("grey-kind", grey.kind.key()),
        i18n.term("severity", grey.severity.key()),
        i18n.term("grey-status", grey.status.key())
    );
    let title_of = |body: f32| theme.title_size.max(body * 1.3).min(body * 1.6);
    let needs = |body: f32| {
        let title_size = title_of(body);
        ui.ctx().fonts_mut(|fonts| {
            let mut height = 0.0;
            let mut add = |text: &str, size: f32| {
                if !text.trim().is_empty() {
                    let galley = fonts.layout(
                        text.to_owned(),
                        egui::FontId::proportional(size),
                        egui::Color32::BLACK,
                        width,
                    );
                    height += galley.size().y + 4.0;
                }
            };
            add(&title, title_size);
            add(&meta, body);
            let mut gaps = 0.0;
            for value in [&grey.experience, &grey.fix, &grey.owner] {
                if !value.trim().is_empty() {
                    gaps += body * 0.4;
                    add("Label", body * 0.8);
                    add(value, body);
                }
            }
            height + gaps
        })
    };
    let body = [1.45, 1.3, 1.15, 1.0]
        .into_iter()
        .map(|k| theme.body_size * k)
        .find(|&body| needs(body) <= room.min(canvas.height() * 0.6))
        .unwrap_or(theme.body_size);
    let title_size = title_of(body);
    // The side away from the band, so the band and its neighbours stay in view.
    // Hung from its top, so the whole of it has the room below (an area pinned by its
    // foot is given only what its first frame measured).
    // (With room for egui's spacing between the rows.)
    let content = (needs(body) + 24.0).min(room);
    let height = content + 2.0 * 18.0 + 8.0;
    let top = canvas.bottom() - 16.0 - height;
    let (anchor, pivot) = if band_x < canvas.center().x {
        (
            egui::pos2(canvas.right() - 16.0, top),
            egui::Align2::RIGHT_TOP,
        )
    } else {
        (
            egui::pos2(canvas.left() + 16.0, top),
            egui::Align2::LEFT_TOP,
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
                    // At least as tall as its words (an area keeps last frame's size
                    // for its contents, and a scroll area would not grow it).
                    egui::ScrollArea::vertical()
                        .max_height(room)
                        .min_scrolled_height(content)
                        .show(ui, |ui| {
                            ui.label(
                                egui::RichText::new(title.as_str())
                                    .size(title_size)
                                    .strong()
                                    .color(text),
                            );
                            ui.label(
                                egui::RichText::new(meta.as_str())
                                    .size(body)
                                    .strong()
                                    .color(muted),
                            );
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
