//! The bundled Inter family (OFL), regular and bold: the app and the exports draw with
//! the same type on every machine.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

use crate::fonts::{INTER_BOLD, INTER_REGULAR};

/// The family name for bold text: `FontId::new(size, bold())`.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "inter".into(),
        Arc::new(FontData::from_static(INTER_REGULAR)),
    );
    fonts.font_data.insert(
        "inter-bold".into(),
        Arc::new(FontData::from_static(INTER_BOLD)),
    );
    let fallbacks: Vec<String> = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "inter".into());
    let mut bold_family = vec!["inter-bold".to_owned()];
    bold_family.extend(fallbacks);
    fonts.families.insert(bold(), bold_family);
    ctx.set_fonts(fonts);
    // A light interface matches the light map and reads better on projectors.
    ctx.set_visuals(egui::Visuals::light());
    ctx.global_style_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}
