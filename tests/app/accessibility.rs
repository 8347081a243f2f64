//! The map as a screen reader reads it, through the accessibility tree the app builds
//! (AccessKit, which egui_kittest queries as AT-SPI does): every card, step and grey
//! area is a node, in view or not, named by its title as drawn and described by its
//! facts in the interface's language.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::app::JourneyApp;
use journeymap::model::*;

/// The descriptions of the nodes named `name`.
fn descriptions(h: &egui_kittest::Harness<'_, JourneyApp>, name: &str) -> Vec<String> {
    h.query_all_by_label(name)
        .filter_map(|n| n.accesskit_node().description())
        .collect()
}

fn example(name: &str) -> Journey {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name);
    journeymap::format::load(&path).unwrap().journey
}

#[test]
fn every_element_of_the_map_is_in_the_tree_with_its_facts_in_english_and_spanish() {
    let journey = example("online-order-delivery-return.ron");
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    // The card the issue reads out, literally.
    let courier = descriptions(&h, "Courier misses the delivery");
    assert_eq!(courier.len(), 1, "{courier:?}");
    eprintln!("read out: {}", courier[0]);
    for fact in [
        "in Usage: Courier misses the delivery.",
        "Channel Courier",
        "Department Logistics.",
        "Emotion -2",
        "grey area 1, critical.",
        "Evidence:",
    ] {
        assert!(courier[0].contains(fact), "{fact:?} in {:?}", courier[0]);
    }
    every_element_described(&h, &journey, Language::En);

    let spanish = example("portabilidad-operador-movil.ron");
    let (app, _dialogs) = app_with(spanish.clone(), Language::Es);
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    every_element_described(&h, &spanish, Language::Es);
}

/// Each touchpoint, step and grey area has a node (most of them out of view at this
/// size) whose description says where it is and what it is.
fn every_element_described(
    h: &egui_kittest::Harness<'_, JourneyApp>,
    journey: &Journey,
    language: Language,
) {
    let i18n = journeymap::i18n::I18n::new(language);
    let (touchpoint, step, grey) = match language {
        Language::Es => ("Punto de contacto", "Paso", "Zona gris"),
        _ => ("Touchpoint", "Step", "Grey area"),
    };
    for tp in &journey.touchpoints {
        let stage = i18n.stage_name(journey, tp.stage);
        let found = descriptions(h, &tp.title);
        assert!(
            found.iter().any(|d| d.starts_with(touchpoint)
                && d.contains(&format!("{stage}: {}.", tp.title.trim()))),
            "{:?}: {found:?}",
            tp.title
        );
        if let Some(e) = &tp.emotion {
            assert!(
                found
                    .iter()
                    .any(|d| d.contains(&format!("{:+}", e.score).replace("+0", "0")))
            );
        }
    }
    for s in &journey.steps {
        let found = descriptions(h, &s.title);
        let lane = i18n.term("blueprint-lane", s.lane.key());
        assert!(
            found
                .iter()
                .any(|d| d.starts_with(step) && d.contains(&format!("{lane}: {}.", s.title.trim()))),
            "{:?}: {found:?}",
            s.title
        );
    }
    let numbers = journey.grey_area_numbers();
    let all: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().description())
        .collect();
    for (g, n) in journey.grey_areas.iter().zip(&numbers) {
        let severity = i18n.term("severity", g.severity.key()).to_lowercase();
        let said = format!("{grey} {n}, {severity}");
        let fix = g.fix.trim();
        assert!(
            all.iter()
                .any(|d| d.starts_with(&said) && d.contains(g.title.trim()) && d.contains(fix)),
            "{said} {:?}",
            g.title
        );
    }
}

/// View ▸ Outline shows the map as headings and lists: every stage and every card, by
/// the menu and by Ctrl+Shift+O.
#[test]
fn the_outline_shows_every_stage_and_card_and_toggles_from_the_menu_and_the_keyboard() {
    let journey = example("online-order-delivery-return.ron");
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness_sized(app, 1440.0, 900.0);
    h.run();
    let outline_texts = |h: &egui_kittest::Harness<'_, JourneyApp>| {
        h.query_all_by_role(egui::accesskit::Role::Label)
            .filter_map(|n| {
                let node = n.accesskit_node();
                node.label().or_else(|| node.value())
            })
            .collect::<Vec<String>>()
    };
    assert!(!outline_texts(&h).iter().any(|t| t.starts_with("Usage ·")));
    click(&mut h, "View");
    // A menu entry is named with its shortcut.
    click(&mut h, "Outline Ctrl+Shift+O");
    h.run();
    let texts = outline_texts(&h);
    assert!(
        h.state().workspace().show_outline,
        "the menu opened the outline"
    );
    let i18n = journeymap::i18n::I18n::new(Language::En);
    for stage in Stage::ALL {
        let cards = journey.touchpoints_in(*stage).len();
        if cards > 0 {
            let name = i18n.stage_name(&journey, *stage);
            assert!(
                texts.iter().any(|t| t.starts_with(&format!("{name} ·"))),
                "{name}"
            );
        }
    }
    for tp in &journey.touchpoints {
        assert!(texts.iter().any(|t| t == tp.title.trim()), "{:?}", tp.title);
    }
    for n in 1..=journey.grey_areas.len() {
        assert!(
            texts.iter().any(|t| t.starts_with(&format!("{n}. "))),
            "grey area {n}"
        );
    }
    send(
        &mut h,
        shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::O),
        1,
    );
    h.run();
    assert!(!h.state().workspace().show_outline);
    send(
        &mut h,
        shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::O),
        1,
    );
    h.run();
    assert!(h.state().workspace().show_outline);
}

/// At 200 % (Ctrl+Shift+plus, four quarters) on a 1280 × 720 screen, every command of
/// the command table is reachable by its label: the menus' entries on screen, and the
/// shortcut sheet naming every one; Ctrl+plus still zooms the map, not the interface.
#[test]
fn at_twice_the_interface_size_every_command_is_reachable_by_its_label() {
    let journey = example("online-order-delivery-return.ron");
    let (app, _dialogs) = app_with(journey, Language::En);
    let mut h = harness_sized(app, 1280.0, 720.0);
    h.run();
    let map_zoom = h.state().view().zoom;
    for _ in 0..5 {
        send(
            &mut h,
            shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Plus),
            1,
        );
        h.run();
    }
    assert_eq!(h.state().workspace().interface_scale, 2.0, "at most 200 %");
    assert_eq!(h.ctx.zoom_factor(), 2.0);
    assert_eq!(h.state().view().zoom, map_zoom, "the map's zoom is its own");
    let i18n = journeymap::i18n::I18n::new(Language::En);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0));
    for menu in ["File", "Edit", "View"] {
        click(&mut h, menu);
        let labels: Vec<(String, egui::Rect)> = h
            .query_all_by_role(egui::accesskit::Role::Button)
            .filter_map(|n| {
                let label = n.accesskit_node().label()?;
                let bounds = n.accesskit_node().bounding_box()?;
                Some((
                    label,
                    egui::Rect::from_min_max(
                        egui::pos2(bounds.x0 as f32, bounds.y0 as f32),
                        egui::pos2(bounds.x1 as f32, bounds.y1 as f32),
                    ),
                ))
            })
            .collect();
        // A menu entry: the command's label and its first shortcut.
        let commands: Vec<String> = journeymap::app::AppCommand::ALL
            .iter()
            .map(|c| {
                let keys = c.shortcuts().first().map(|s| h.ctx.format_shortcut(s));
                format!("{} {}", i18n.tr(c.label_id()), keys.unwrap_or_default())
            })
            .collect();
        let entries: Vec<&(String, egui::Rect)> = labels
            .iter()
            .filter(|(label, _)| commands.contains(label))
            .collect();
        assert!(entries.len() >= 5, "{menu}: {entries:?}");
        for (label, rect) in entries {
            assert!(
                screen.contains_rect(*rect),
                "{menu} ▸ {label} at {rect:?} is off the 1280 × 720 screen"
            );
        }
        h.key_press(Key::Escape);
        h.run();
    }
    send(&mut h, shortcut(Modifiers::NONE, Key::F1), 1);
    h.run();
    for command in journeymap::app::AppCommand::ALL {
        let label = i18n.tr(command.label_id());
        assert!(
            h.query_all_by_label_contains(&label).next().is_some(),
            "{label:?} is on the shortcut sheet"
        );
    }
}

/// Selecting an element announces it: a polite live region says the card (or step, or
/// grey area) now selected, with its facts; selecting another says that one.
#[test]
fn a_selection_is_announced_in_a_polite_live_region() {
    let journey = example("online-order-delivery-return.ron");
    let (app, _dialogs) = app_with(journey, Language::En);
    let mut h = harness_sized(app, 1440.0, 900.0);
    h.run();
    let announced = |h: &egui_kittest::Harness<'_, JourneyApp>| {
        h.query_all_by_role(egui::accesskit::Role::Status)
            .filter(|n| n.accesskit_node().live() == egui::accesskit::Live::Polite)
            .filter_map(|n| n.accesskit_node().label())
            .collect::<Vec<String>>()
    };
    assert!(announced(&h).is_empty(), "nothing selected, nothing said");
    click(&mut h, "Instagram ad for winter boots");
    h.run();
    let said = announced(&h);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("Touchpoint 1 of 2 in Awareness: Instagram ad for winter boots."),
        "{said:?}"
    );
    // The keyboard moves the selection; the region says where it went.
    send(&mut h, shortcut(Modifiers::NONE, Key::ArrowRight), 1);
    h.run();
    let said = announced(&h);
    assert!(
        said.iter().any(|s| s.starts_with(
            "Touchpoint 2 of 2 in Awareness: Boots listed on a price comparison site."
        )),
        "{said:?}"
    );
}
