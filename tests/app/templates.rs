//! File › New from template…: the gallery lists the starting maps in the interface's
//! language; choosing one starts a journey from it.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use journeymap::model::*;

#[test]
fn the_gallery_starts_a_journey_from_a_template_in_the_interface_language() {
    let (app, _dialogs) = app_with(Journey::new("Draft", Language::En), Language::Es);
    let mut h = harness(app);
    send(
        &mut h,
        shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::N),
        1,
    );
    assert!(h.query_by_label("Nuevo desde plantilla").is_some());
    for template in journeymap::templates::TEMPLATES {
        assert!(
            h.query_by_label(template.title(Language::Es)).is_some(),
            "{}",
            template.key
        );
    }
    click(&mut h, "Abrir una cuenta bancaria");
    let journey = h.state().journey().clone();
    assert_eq!(journey.title, "Abrir una cuenta bancaria");
    assert_eq!(journey.language, Language::Es);
    assert_eq!(journey.touchpoints.len(), 7);
    assert!(h.state().modal().is_none());
    let text = journeymap::format::to_text(&journey).unwrap();
    assert!(journeymap::format::check(&text).is_empty());

    // With unsaved work, the usual question comes first; Esc closes the gallery.
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    send(&mut h, typing("Mi paso"), 64);
    send(&mut h, shortcut(Modifiers::NONE, Key::Escape), 1);
    send(
        &mut h,
        shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::N),
        1,
    );
    click(&mut h, "Parte de seguro de coche");
    // Exactly the unsaved-changes question, not any window.
    assert!(h.query_by_label("¿Guardar los cambios?").is_some());
    assert!(matches!(
        h.state().modal(),
        Some(journeymap::app::Modal::UnsavedChanges(_))
    ));
    click(&mut h, "Cancelar");
    assert_eq!(h.state().journey().title, "Abrir una cuenta bancaria");
    send(
        &mut h,
        shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::N),
        1,
    );
    send(&mut h, shortcut(Modifiers::NONE, Key::Escape), 1);
    assert!(h.state().modal().is_none());
}
