//! The bundled Inter family (OFL), regular and bold, with the bundled Arabic and Hebrew
//! fallbacks: the app and the exports draw with the same type on every machine.

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
    // The bundled Arabic and Hebrew faces, after egui's own fallbacks (its emoji):
    // the canvas shows their letters (egui lays text out left to right; the exports
    // shape right-to-left text properly).
    let mut scripts = Vec::new();
    let mut bold_scripts = Vec::new();
    for (family, regular, bold) in crate::fonts::FALLBACKS {
        if family.contains("Emoji") {
            continue; // egui ships the same Noto Emoji
        }
        let name = family.to_lowercase().replace(' ', "-");
        fonts
            .font_data
            .insert(name.clone(), Arc::new(FontData::from_static(regular)));
        scripts.push(name.clone());
        if let Some(bold) = bold {
            let bold_name = format!("{name}-bold");
            fonts
                .font_data
                .insert(bold_name.clone(), Arc::new(FontData::from_static(bold)));
            bold_scripts.push(bold_name);
        } else {
            bold_scripts.push(name);
        }
    }
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "inter".into());
    proportional.extend(scripts);
    let mut bold_family = vec!["inter-bold".to_owned()];
    bold_family.extend(fallbacks);
    bold_family.extend(bold_scripts);
    fonts.families.insert(bold(), bold_family);
    ctx.set_fonts(fonts);
    // A light interface matches the light map and reads better on projectors.
    ctx.set_visuals(egui::Visuals::light());
    ctx.global_style_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}
