//! The editor in Spanish: switch the language from the menu, find widgets by their
//! Spanish labels, build a touchpoint and save. The file is the same as one built the
//! same way in English: files keep language-neutral keys.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use journeymap::model::*;

/// Builds one touchpoint through the UI using the given labels, saves, returns the text.
fn build_and_save(spanish: bool) -> String {
    let (app, dialogs) = app_with(Journey::new("Taller", Language::En), Language::En);
    let mut h = harness(app);
    if spanish {
        click(&mut h, "Language");
        click(&mut h, "Español");
        press(&mut h, Modifiers::NONE, Key::Escape);
        assert!(
            h.query_by_label("Archivo").is_some(),
            "the menus are in Spanish"
        );
    }
    let l = |en: &'static str, es: &'static str| if spanish { es } else { en };
    press(&mut h, Modifiers::COMMAND, Key::Num0);
    click(
        &mut h,
        l(
            "Add touchpoint to Consideration",
            "Añadir punto de contacto a Consideración",
        ),
    );
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, l("Title", "Título"))
        .type_text("Visita a la tienda");
    h.run();
    // Channel and department names are the team's own content (this journey was made in
    // English); only the vocabulary (stages, kinds) follows the interface language.
    pick(&mut h, l("Channel", "Canal"), "Store");
    pick(&mut h, l("Department", "Área"), "Sales");
    click(&mut h, "+2");
    pick(&mut h, l("Stage", "Etapa"), l("Action", "Acción"));
    click(&mut h, l("New evidence", "Nueva evidencia"));
    pick(&mut h, l("Kind", "Tipo"), l("Observation", "Observación"));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    dialogs.answer(Some(path.clone()));
    press(&mut h, Modifiers::COMMAND, Key::S);
    std::fs::read_to_string(&path).unwrap()
}

#[test]
fn building_in_spanish_saves_the_same_file_as_in_english() {
    let spanish = build_and_save(true);
    let english = build_and_save(false);
    assert_eq!(spanish, english);
    let journey = journeymap::format::parse(&spanish).unwrap().journey;
    let tp = &journey.touchpoints[0];
    assert_eq!(
        (tp.stage, tp.title.as_str()),
        (Stage::Action, "Visita a la tienda")
    );
    assert_eq!(tp.channel, Some(ChannelId::new("store")));
    assert_eq!(tp.department, Some(DepartmentId::new("sales")));
    assert_eq!(tp.emotion_score(), Some(2));
    assert_eq!(journey.evidence[0].kind, EvidenceKind::Observation);
    assert!(spanish.contains("stage: Action,") && spanish.contains("kind: Observation,"));
}

#[test]
fn a_new_journey_takes_the_interface_language() {
    let (app, _dialogs) = app_with(Journey::new("x", Language::En), Language::Es);
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::N);
    let journey = h.state().journey();
    assert_eq!(journey.language, Language::Es);
    assert_eq!(journey.title, "Viaje sin título");
    // Empty: the team types its own channels and departments.
    assert!(journey.channels.is_empty() && journey.departments.is_empty());
    // The gallery's second choice brings a starter catalogue, in Spanish.
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    click(
        &mut h,
        "Un mapa vacío con canales y departamentos habituales",
    );
    let journey = h.state().journey();
    assert_eq!(journey.language, Language::Es);
    assert_eq!(journey.channels[0].name, "Tienda");
}

#[test]
fn the_interface_language_does_not_change_an_export() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let journey = journeymap::format::load(&path).unwrap().journey;
    let dir = tempfile::tempdir().unwrap();
    let mut pictures = Vec::new();
    for language in [Language::En, Language::Es] {
        let (mut app, _dialogs) = app_with(journey.clone(), Language::En);
        app.set_language(language);
        let mut h = harness(app);
        let svg = dir.path().join(format!("{}.svg", language.key()));
        h.state().act(journeymap::app::Action::FileChosen(
            journeymap::app::DialogPurpose::Export {
                options: journeymap::export::ExportOptions::default(),
            },
            svg.clone(),
        ));
        crate::common::settle(&mut h);
        pictures.push(std::fs::read(&svg).unwrap());
    }
    assert_eq!(pictures[0], pictures[1]);
    let text = String::from_utf8(pictures.remove(0)).unwrap();
    assert!(
        text.contains(">Awareness<") && !text.contains(">Descubrimiento<"),
        "the journey is in English"
    );
}

/// The canvas speaks the map's language, as the exports do: a Spanish map under the
/// English interface draws its stages and counts in Spanish, while the menus stay
/// English.
#[test]
fn a_spanish_map_under_the_english_interface_is_drawn_in_spanish() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/portabilidad-operador-movil.ron");
    let mut h = harness_sized(app_on_file(&file), 1600.0, 1000.0);
    settle(&mut h);
    assert!(
        h.query_by_label("File").is_some(),
        "the interface is English"
    );
    let texts: Vec<String> = painted_texts(&h).into_iter().map(|(t, ..)| t).collect();
    assert!(
        texts.iter().any(|t| t == "Descubrimiento"),
        "the first stage's header in Spanish: {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("1 fuente")),
        "a card's evidence count in Spanish: {texts:?}"
    );
    for english in ["Awareness", "1 source", "Touchpoints", "Emotion"] {
        assert!(
            !texts.iter().any(|t| t.contains(english)),
            "{english:?} drawn on a Spanish map: {texts:?}"
        );
    }
}

/// The editor's grey-area list numbers each grey area as the map, the slides, the page
/// and the report do, in that order.
#[test]
fn the_grey_area_list_numbers_them_as_every_picture_does() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let journey = journeymap::format::load(&file).unwrap().journey;
    let mut h = harness_sized(app_on_file(&file), 1600.0, 1000.0);
    settle(&mut h);
    let texts: Vec<String> = painted_texts(&h).into_iter().map(|(t, ..)| t).collect();
    let numbers = journey.grey_area_numbers();
    let mut listed: Vec<(usize, usize)> = Vec::new();
    for (i, (grey, n)) in journey.grey_areas.iter().zip(&numbers).enumerate() {
        let start: String = grey.title.chars().take(12).collect();
        let at = texts
            .iter()
            .position(|t| t.starts_with(&format!("{n}. {start}")))
            .unwrap_or_else(|| panic!("{n}. {start}… in the list: {texts:?}"));
        listed.push((at, i));
    }
    listed.sort();
    let order: Vec<usize> = listed.iter().map(|(_, i)| numbers[*i]).collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted, "listed in number order");
}
