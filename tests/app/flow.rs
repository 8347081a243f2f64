//! A whole blueprint entered from the table and the keyboard: a sheet pasted into each
//! tab, Ctrl+Enter adding a row of the tab in view, an actor typed into the Actor cell,
//! an actor named over its placeholder getting its id from the name, workshop G
//! leaving the keyboard in the new grey area's title, New giving an empty catalogue,
//! the inspectors listing evidence by kind and words. Each on the real app, the result
//! read from the document and the saved file.

use crate::common::*;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::app::{JourneyApp, Modal, ViewChange};
use journeymap::model::*;
use std::path::{Path, PathBuf};

/// How many elements of one kind a journey has.
type Count = fn(&Journey) -> usize;

fn example_on_file(dir: &Path) -> (PathBuf, Journey) {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let path = dir.join("journey.ron");
    std::fs::copy(&source, &path).unwrap();
    let journey = journeymap::format::load(&path).unwrap().journey;
    (path, journey)
}

fn table(path: &Path) -> Harness<'static, JourneyApp> {
    let mut h = harness(app_on_file(path));
    press(&mut h, Modifiers::COMMAND, Key::T);
    assert!(h.state().workspace().table, "Ctrl+T shows the table");
    h
}

/// The tab whose label starts with `name` ("Steps (9)").
fn tab(h: &mut Harness<'static, JourneyApp>, name: &str) {
    let label = h
        .query_all_by_role(egui::accesskit::Role::Tab)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with(name))
        .unwrap_or_else(|| panic!("no tab {name}"));
    click(h, &label);
}

fn save(h: &mut Harness<'static, JourneyApp>, path: &Path) -> Journey {
    press(h, Modifiers::COMMAND, Key::S);
    journeymap::format::load(path).unwrap().journey
}

#[test]
fn each_tab_takes_a_pasted_sheet_reviewed_and_applied_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = example_on_file(dir.path());
    let mut h = table(&path);
    let sheets: [(&str, String, Count); 4] = [
        (
            "Steps",
            "stage\tlane\ttitle\tactor\tactor kind\tserves\tafter\twait\tduration\n\
             Usage\tbackstage\tPharmacy checks the order\tPharmacist\tstaff\ttp-9\tst-3\t2 h\t20 min\n\
             Usage\tsupport\tLabel printer prints the slip\tLabel printer\tsystem\ttp-9\tst-4\t\t1 min\n"
                .to_owned(),
            |j| j.steps.len(),
        ),
        (
            "Evidence",
            "kind\ttext\tsource\tmetric\tvalue\tsample size\n\
             Survey\tPost-delivery survey\tSurvey, Nov\tcsat\t59\t300\n\
             Quote\t\"I waited all day\"\tInterview 4\t\t\t\n"
                .to_owned(),
            |j| j.evidence.len(),
        ),
        (
            "Opportunities",
            "target\tidea\towner\tvalue\teffort\n\
             st-5\tText the customer before the courier leaves\tLogistics lead\t4\t2\n\
             Checkout form\tGuest checkout\tE-commerce\t5\t3\n"
                .to_owned(),
            |j| j.opportunities.len(),
        ),
        (
            "Grey areas",
            "title\tfrom\tto\tkind\tseverity\n\
             Slip never reaches the courier\tst-3\tst-5\tSystemGap\thigh\n\
             Checkout to confirmation\tCheckout form\tOrder confirmation email\tChannelSwitch\tmedium\n"
                .to_owned(),
            |j| j.grey_areas.len(),
        ),
    ];
    for (name, text, count) in sheets {
        tab(&mut h, name);
        let was = count(h.state().journey());
        let undo_depth = h.state().journey().clone();
        h.input_mut().events.push(Event::Paste(text.clone()));
        settle(&mut h);
        assert!(
            matches!(h.state().modal(), Some(Modal::Paste(_))),
            "{name}: the paste is reviewed first"
        );
        press(&mut h, Modifiers::NONE, Key::Enter);
        assert!(h.state().modal().is_none(), "{name}: applied");
        assert_eq!(count(h.state().journey()), was + 2, "{name}");
        // One Ctrl+Z takes the whole paste back, and Ctrl+Y brings it again.
        press(&mut h, Modifiers::COMMAND, Key::Z);
        assert_eq!(h.state().journey(), &undo_depth, "{name}: one undo step");
        press(&mut h, Modifiers::COMMAND, Key::Y);
        assert_eq!(count(h.state().journey()), was + 2, "{name}: redone");
    }
    let saved = save(&mut h, &path);
    let checks = saved
        .steps
        .iter()
        .find(|s| s.title == "Pharmacy checks the order")
        .unwrap();
    let pharmacist = saved.actor(checks.actor.as_ref().unwrap()).unwrap();
    assert_eq!(pharmacist.id.as_str(), "pharmacist");
    assert_eq!(pharmacist.kind, ActorKind::Staff);
    assert_eq!(checks.after, vec![StepId::new("st-3")]);
    assert_eq!(checks.wait.map(|w| w.to_string()).as_deref(), Some("2 h"));
    let printer = saved
        .actors
        .iter()
        .find(|a| a.name == "Label printer")
        .unwrap();
    assert_eq!(printer.kind, ActorKind::System);
    let survey = saved
        .evidence
        .iter()
        .find(|e| e.text == "Post-delivery survey")
        .unwrap();
    assert_eq!(
        survey.metric().map(|m| (m.name, m.value)),
        Some((MetricName::Csat, 59.0))
    );
    let texting = saved
        .opportunities
        .iter()
        .find(|o| o.idea.starts_with("Text the customer"))
        .unwrap();
    assert_eq!(texting.target, OpportunityTarget::Step("st-5".into()));
    let guest = saved
        .opportunities
        .iter()
        .find(|o| o.idea == "Guest checkout")
        .unwrap();
    assert_eq!(guest.target, OpportunityTarget::Touchpoint("tp-7".into()));
    let slip = saved
        .grey_areas
        .iter()
        .find(|g| g.title == "Slip never reaches the courier")
        .unwrap();
    assert_eq!((slip.from.as_str(), slip.to.as_str()), ("st-3", "st-5"));
    let by_title = saved
        .grey_areas
        .iter()
        .find(|g| g.title == "Checkout to confirmation")
        .unwrap();
    assert_eq!(
        (by_title.from.as_str(), by_title.to.as_str()),
        ("tp-7", "tp-8")
    );
    assert_eq!(saved.steps.len(), before.steps.len() + 2);
}

#[test]
fn ctrl_enter_adds_a_row_of_the_tab_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = example_on_file(dir.path());
    let mut h = table(&path);
    let cases: [(&str, Count); 5] = [
        ("Touchpoints", |j| j.touchpoints.len()),
        ("Steps", |j| j.steps.len()),
        ("Evidence", |j| j.evidence.len()),
        ("Grey areas", |j| j.grey_areas.len()),
        ("Opportunities", |j| j.opportunities.len()),
    ];
    for (name, count) in cases {
        tab(&mut h, name);
        let was = count(h.state().journey());
        press(&mut h, Modifiers::COMMAND, Key::Enter);
        assert_eq!(
            count(h.state().journey()),
            was + 1,
            "{name}: a row of its own kind"
        );
        // The new row's first text cell has the keyboard: what is typed lands there.
        send(&mut h, typing("Typed at once\n"), 1);
        let journey = h.state().journey().clone();
        let typed = match name {
            "Touchpoints" => journey
                .touchpoints
                .iter()
                .any(|t| t.title == "Typed at once"),
            "Steps" => journey.steps.iter().any(|s| s.title == "Typed at once"),
            "Evidence" => journey.evidence.iter().any(|e| e.text == "Typed at once"),
            "Grey areas" => journey
                .grey_areas
                .iter()
                .any(|g| g.title == "Typed at once"),
            _ => journey
                .opportunities
                .iter()
                .any(|o| o.idea == "Typed at once"),
        };
        assert!(
            typed,
            "{name}: the new row's first text cell took the typing"
        );
    }
    let saved = save(&mut h, &path);
    assert_eq!(saved.touchpoints.len(), before.touchpoints.len() + 1);
    assert_eq!(saved.steps.len(), before.steps.len() + 1);
    // The new step follows the one the cursor was on.
    let step = saved
        .steps
        .iter()
        .find(|s| s.title == "Typed at once")
        .unwrap();
    assert_eq!(step.after.len(), 1);
    assert_eq!(saved.evidence.len(), before.evidence.len() + 1);
    assert_eq!(saved.grey_areas.len(), before.grey_areas.len() + 1);
    assert_eq!(saved.opportunities.len(), before.opportunities.len() + 1);
}

#[test]
fn an_actor_typed_into_the_actor_cell_is_a_new_actor() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = example_on_file(dir.path());
    let mut h = table(&path);
    tab(&mut h, "Steps");
    // stage, phase, lane, title, actor.
    for _ in 0..4 {
        send(&mut h, stroke(Modifiers::NONE, Key::ArrowRight, None), 1);
    }
    send(&mut h, typing("Pharmacist\n"), 1);
    let saved = save(&mut h, &path);
    assert_eq!(saved.actors.len(), before.actors.len() + 1);
    let actor = saved
        .actors
        .iter()
        .find(|a| a.name == "Pharmacist")
        .unwrap();
    assert_eq!(actor.id.as_str(), "pharmacist");
    assert_eq!(saved.steps[0].actor.as_ref(), Some(&actor.id));
}

#[test]
fn an_actor_named_over_its_placeholder_gets_its_id_from_the_name_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = example_on_file(dir.path());
    let mut h = harness(app_on_file(&path));
    let step = before.steps[0].id.clone();
    h.state()
        .act(journeymap::app::Action::View(ViewChange::Select(vec![
            ElementId::Step(step.clone()),
        ])));
    settle(&mut h);
    click(&mut h, "Add actor");
    let placeholder = h
        .state()
        .journey()
        .step(&step)
        .unwrap()
        .actor
        .clone()
        .unwrap();
    assert!(
        placeholder.as_str().starts_with("new-actor"),
        "{placeholder}"
    );
    let with_placeholder = h.state().journey().clone();
    // The new actor's name is selected in its field: typing replaces it.
    send(&mut h, typing("Pharmacist"), 1);
    assert_eq!(
        h.state()
            .journey()
            .actor(&placeholder)
            .map(|a| a.name.as_str()),
        Some("Pharmacist")
    );
    // Leaving the field (Enter) gives the actor its name's id, every step following.
    send(&mut h, stroke(Modifiers::NONE, Key::Enter, None), 1);
    let journey = h.state().journey().clone();
    let actor = journey.step(&step).unwrap().actor.clone().unwrap();
    assert_eq!(actor.as_str(), "pharmacist");
    assert!(journey.actor(&placeholder).is_none());
    assert_eq!(journey.actor(&actor).unwrap().name, "Pharmacist");
    // One Ctrl+Z: the name typed and the id made from it go together.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().journey(), &with_placeholder);
    press(&mut h, Modifiers::COMMAND, Key::Y);
    let saved = save(&mut h, &path);
    assert!(saved.actors.iter().any(|a| a.id.as_str() == "pharmacist"));
    assert!(
        !saved
            .actors
            .iter()
            .any(|a| a.id.as_str().starts_with("new-actor"))
    );
}

#[test]
fn workshop_g_puts_the_keyboard_in_the_new_grey_areas_title() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = example_on_file(dir.path());
    let mut h = harness(app_on_file(&path));
    press(&mut h, Modifiers::NONE, Key::F11);
    assert!(h.state().workspace().display.presenting());
    // The first card, then G: a grey area with the next one.
    send(&mut h, shortcut(Modifiers::NONE, Key::ArrowRight), 1);
    send(&mut h, shortcut(Modifiers::NONE, Key::G), 1);
    assert_eq!(
        h.state().journey().grey_areas.len(),
        before.grey_areas.len() + 1
    );
    // Typed at once into its title; Tab to the kind (the arrows change it), the
    // severity, the fix; Enter ends.
    send(&mut h, typing("Ad promise not kept"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::ArrowRight, None), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::ArrowRight, None), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, typing("Same offer on every channel"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, typing("Marketing lead\n"), 1);
    let made = h.state().journey().grey_areas.last().unwrap().clone();
    assert_eq!(made.title, "Ad promise not kept");
    assert_eq!(made.fix, "Same offer on every channel");
    assert_eq!(made.owner, "Marketing lead");
    let suggested = journeymap::document::suggested_grey_area(
        &before,
        made.id.clone(),
        made.from.touchpoint().unwrap(),
        made.to.touchpoint().unwrap(),
    );
    assert_ne!(made.kind, suggested.kind, "the arrows changed the kind");
    assert_ne!(made.severity, suggested.severity, "and the severity");
    // Enter ended the entry: letters are commands again (N starts a card).
    assert!(!h.state().is_entering());
    let saved = save(&mut h, &path);
    assert!(
        saved
            .grey_areas
            .iter()
            .any(|g| g.title == "Ad promise not kept")
    );
}

#[test]
fn new_is_an_empty_map() {
    let (app, _dialogs) = app_with(Journey::new("x", Language::En), Language::En);
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::N);
    let journey = h.state().journey();
    assert!(journey.channels.is_empty() && journey.departments.is_empty());
    assert!(journey.touchpoints.is_empty() && journey.actors.is_empty());
    // The gallery offers the empty map first.
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    let buttons: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    let first = buttons
        .iter()
        .position(|b| b == "An empty map")
        .expect("offered");
    let template = buttons
        .iter()
        .position(|b| b == "Online order, delivery and return" || b.contains("onboarding"))
        .unwrap_or(usize::MAX);
    assert!(first < template, "{buttons:?}");
}

#[test]
fn the_inspectors_list_evidence_by_kind_and_words() {
    let dir = tempfile::tempdir().unwrap();
    let (path, journey) = example_on_file(dir.path());
    let mut h = harness(app_on_file(&path));
    let quote = journey
        .evidence
        .iter()
        .find(|e| e.metrics.is_empty() && e.text.chars().count() < 60)
        .unwrap();
    let words = format!("{}: {}", "Quote", quote.text);
    for selected in [
        ElementId::Step(journey.steps[0].id.clone()),
        ElementId::GreyArea(journey.grey_areas[0].id.clone()),
    ] {
        h.state()
            .act(journeymap::app::Action::View(ViewChange::Select(vec![
                selected.clone(),
            ])));
        settle(&mut h);
        let boxes: Vec<String> = h
            .query_all_by_role(egui::accesskit::Role::CheckBox)
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(
            quote.kind != EvidenceKind::Quote || boxes.contains(&words),
            "{selected:?}: {boxes:?}"
        );
        // No box is named by an id.
        assert!(
            !boxes.iter().any(|b| b.starts_with("ev-")),
            "{selected:?}: {boxes:?}"
        );
        let metric = journey
            .evidence
            .iter()
            .find(|e| !e.metrics.is_empty())
            .unwrap();
        let line =
            journeymap::words::metric_line(metric, &journeymap::i18n::I18n::new(Language::En))
                .unwrap();
        assert!(boxes.contains(&line), "{selected:?}: {line} in {boxes:?}");
    }
}

#[test]
fn ctrl_page_down_and_up_walk_the_tabs() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = example_on_file(dir.path());
    let mut h = table(&path);
    // The tab shown, as a screen reader hears it: the one tab marked on.
    let shown = |h: &Harness<'static, JourneyApp>| {
        let on: Vec<String> = h
            .query_all_by_role(egui::accesskit::Role::Tab)
            .filter(|n| n.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True))
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert_eq!(on.len(), 1, "{on:?}");
        on[0].clone()
    };
    assert!(shown(&h).starts_with("Touchpoints"));
    for name in [
        "Evidence",
        "Grey areas",
        "Opportunities",
        "Steps",
        "Touchpoints",
    ] {
        // The key and frames drawn at once: the rows drawn are the new tab's.
        send(&mut h, stroke(Modifiers::COMMAND, Key::PageDown, None), 3);
        assert!(shown(&h).starts_with(name), "{name}: {}", shown(&h));
    }
    send(&mut h, stroke(Modifiers::COMMAND, Key::PageUp, None), 3);
    assert!(shown(&h).starts_with("Steps"));
}
