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

/// The selected element, as the inspector shows it.
fn selected(h: &egui_kittest::Harness<'_, JourneyApp>) -> Option<ElementId> {
    h.state().workspace().selection.last().cloned()
}

fn key(h: &mut egui_kittest::Harness<'_, JourneyApp>, modifiers: Modifiers, key: Key) {
    send(h, shortcut(modifiers, key), 1);
}

/// WCAG 2.1.1 and 2.5.7: the whole online-order map walked from the keyboard alone,
/// every card, step and grey area visited; a grey area marked, evidence linked, a card
/// and a step moved, the file saved. Only key events (with their text) are sent.
#[test]
fn the_whole_map_is_walked_and_edited_from_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("walk.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("journeys/online-order-delivery-return.ron"),
        &path,
    )
    .unwrap();
    let journey = journeymap::format::load(&path).unwrap().journey;
    let mut h = harness_sized(app_on_file(&path), 1600.0, 1000.0);
    h.run();
    let mut visited: std::collections::BTreeSet<ElementId> = Default::default();

    // Every card: Right from none selected to the last.
    for _ in 0..journey.touchpoints.len() {
        key(&mut h, Modifiers::NONE, Key::ArrowRight);
        visited.extend(selected(&h));
    }
    assert_eq!(
        selected(&h),
        Some(ElementId::Touchpoint(
            journey.touchpoints.last().unwrap().id.clone()
        ))
    );
    // Into the blueprint under the last card's stage, then Left through every step.
    key(&mut h, Modifiers::COMMAND, Key::ArrowDown);
    assert!(
        matches!(selected(&h), Some(ElementId::Step(_))),
        "{:?}",
        selected(&h)
    );
    visited.extend(selected(&h));
    for _ in 0..journey.steps.len() {
        key(&mut h, Modifiers::NONE, Key::ArrowLeft);
        visited.extend(selected(&h));
    }
    assert_eq!(
        selected(&h),
        Some(ElementId::Step(journey.steps[0].id.clone()))
    );
    // Back to the card that step serves; the grey area there, then all of them.
    key(&mut h, Modifiers::COMMAND, Key::ArrowUp);
    assert_eq!(
        selected(&h),
        Some(ElementId::Touchpoint(journey.steps[0].serves[0].clone()))
    );
    key(&mut h, Modifiers::SHIFT, Key::G);
    assert!(
        matches!(selected(&h), Some(ElementId::GreyArea(_))),
        "{:?}",
        selected(&h)
    );
    for _ in 0..journey.grey_areas.len() {
        key(&mut h, Modifiers::NONE, Key::ArrowLeft);
        visited.extend(selected(&h));
    }
    for _ in 0..journey.grey_areas.len() {
        key(&mut h, Modifiers::NONE, Key::ArrowRight);
        visited.extend(selected(&h));
    }
    let every: std::collections::BTreeSet<ElementId> = journey
        .touchpoints
        .iter()
        .map(|t| ElementId::Touchpoint(t.id.clone()))
        .chain(journey.steps.iter().map(|s| ElementId::Step(s.id.clone())))
        .chain(
            journey
                .grey_areas
                .iter()
                .map(|g| ElementId::GreyArea(g.id.clone())),
        )
        .collect();
    let missed: Vec<&ElementId> = every.difference(&visited).collect();
    assert!(
        missed.is_empty(),
        "not reached from the keyboard: {missed:?}"
    );

    // Mark a grey area between the first two cards (G), its title typed at once. Up
    // out of the grey area (to a step where it starts at one), and out to a card.
    for _ in 0..2 {
        if !matches!(selected(&h), Some(ElementId::Touchpoint(_))) {
            key(&mut h, Modifiers::COMMAND, Key::ArrowUp);
        }
    }
    for _ in 0..journey.touchpoints.len() {
        key(&mut h, Modifiers::NONE, Key::ArrowLeft);
    }
    let first = journey.touchpoints[0].id.clone();
    assert_eq!(selected(&h), Some(ElementId::Touchpoint(first.clone())));
    key(&mut h, Modifiers::NONE, Key::G);
    send(&mut h, typing("Ad and listing disagree"), 1);
    key(&mut h, Modifiers::NONE, Key::Escape);
    assert_eq!(
        h.state().journey().grey_areas.len(),
        journey.grey_areas.len() + 1
    );

    // The new grey area is selected; Up goes back to the card it starts at. Link
    // evidence to that card: Ctrl+L, Down, Enter.
    assert!(
        matches!(selected(&h), Some(ElementId::GreyArea(_))),
        "{:?}",
        selected(&h)
    );
    key(&mut h, Modifiers::COMMAND, Key::ArrowUp);
    assert_eq!(selected(&h), Some(ElementId::Touchpoint(first.clone())));
    let linked_before = h
        .state()
        .journey()
        .touchpoint(&first)
        .unwrap()
        .evidence
        .len();
    key(&mut h, Modifiers::COMMAND, Key::L);
    assert!(h.query_by_label_contains("Link evidence to").is_some());
    key(&mut h, Modifiers::NONE, Key::ArrowDown);
    key(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.state().modal().is_none(), "Enter links and closes");
    assert_eq!(
        h.state()
            .journey()
            .touchpoint(&first)
            .unwrap()
            .evidence
            .len(),
        linked_before + 1
    );

    // Move the card one place later in its stage; a step of Usage likewise.
    key(&mut h, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(
        h.state().journey().touchpoints[1].id,
        first,
        "the card moved"
    );
    for _ in 0..8 {
        key(&mut h, Modifiers::NONE, Key::ArrowRight);
    }
    let card = h.state().workspace().selected_touchpoint().unwrap();
    assert_eq!(
        h.state().journey().touchpoint(&card).unwrap().stage,
        Stage::Usage
    );
    key(&mut h, Modifiers::COMMAND, Key::ArrowDown);
    let Some(ElementId::Step(step)) = selected(&h) else {
        panic!("a step of Usage: {:?}", selected(&h));
    };
    let at = h.state().journey().step_position(&step).unwrap();
    key(&mut h, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(
        h.state().journey().step_position(&step),
        Some(at + 1),
        "the step moved"
    );

    // Enter edits the step's title in the inspector; Esc returns to the map, where
    // the arrows walk the steps again.
    key(&mut h, Modifiers::NONE, Key::Enter);
    send(&mut h, typing(" (checked)"), 1);
    key(&mut h, Modifiers::NONE, Key::Escape);
    let title = h.state().journey().step(&step).unwrap().title.clone();
    assert!(title.ends_with(" (checked)"), "{title:?}");
    key(&mut h, Modifiers::NONE, Key::ArrowLeft);
    assert_ne!(
        selected(&h),
        Some(ElementId::Step(step.clone())),
        "the arrows walk again"
    );
    key(&mut h, Modifiers::NONE, Key::ArrowRight);

    // Saved, and what the file holds is what was done.
    key(&mut h, Modifiers::COMMAND, Key::S);
    let saved = journeymap::format::load(&path).unwrap().journey;
    assert_eq!(saved.touchpoints[1].id, first);
    assert_eq!(saved.step_position(&step), Some(at + 1));
    assert_eq!(saved.step(&step).unwrap().title, title);
    assert!(
        saved
            .grey_areas
            .iter()
            .any(|g| g.title == "Ad and listing disagree")
    );
    assert_eq!(
        saved.touchpoint(&first).unwrap().evidence.len(),
        linked_before + 1
    );
    assert!(!h.state().document().is_modified());
}

/// WCAG 2.5.7: what a drag does within a stage is one click in the inspector, for a
/// card and for a step.
#[test]
fn a_card_and_a_step_move_within_their_stage_by_one_click_each() {
    let journey = example("online-order-delivery-return.ron");
    let (app, _dialogs) = app_with(journey.clone(), Language::En);
    let mut h = harness_sized(app, 1600.0, 1000.0);
    h.run();
    let first = journey.touchpoints[0].id.clone();
    key(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(selected(&h), Some(ElementId::Touchpoint(first.clone())));
    click(&mut h, "▶ Move one place later");
    assert_eq!(h.state().journey().touchpoints[1].id, first);
    click(&mut h, "◀ Move one place earlier");
    assert_eq!(h.state().journey().touchpoints[0].id, first);

    // A step of Usage: the blueprint under the ninth card.
    for _ in 0..8 {
        key(&mut h, Modifiers::NONE, Key::ArrowRight);
    }
    key(&mut h, Modifiers::COMMAND, Key::ArrowDown);
    let Some(ElementId::Step(step)) = selected(&h) else {
        panic!("a step: {:?}", selected(&h));
    };
    let at = h.state().journey().step_position(&step).unwrap();
    click(&mut h, "▶ Move one place later");
    assert_eq!(h.state().journey().step_position(&step), Some(at + 1));
    // One undo step each.
    send(&mut h, shortcut(Modifiers::COMMAND, Key::Z), 1);
    assert_eq!(h.state().journey().step_position(&step), Some(at));
}
