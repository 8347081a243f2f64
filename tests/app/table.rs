//! The table view in the real app: entering cards by keyboard alone, completion of
//! catalogue cells, a pasted sheet reviewed and applied as one undo step, one value
//! over several rows, copy, delete, the canvas's single-key commands silent, the choice
//! remembered per file.

use crate::common::*;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use journeymap::app::{JourneyApp, Modal, Settings};
use journeymap::model::*;
use std::path::{Path, PathBuf};

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

/// Keys a person presses that are not typed text: counted by kind.
#[derive(Default)]
struct Keys {
    /// Tab between the fields of one row (the row typed as a sheet's line).
    separators: usize,
    other: usize,
}

impl Keys {
    fn tab(&mut self, h: &mut Harness<'_, JourneyApp>) {
        self.separators += 1;
        send(h, stroke(Modifiers::NONE, Key::Tab, None), 4);
    }

    fn key(&mut self, h: &mut Harness<'_, JourneyApp>, modifiers: Modifiers, key: Key) {
        self.other += 1;
        send(h, stroke(modifiers, key, None), 4);
    }
}

#[test]
fn five_cards_enter_by_keyboard_alone_with_completion_at_two_keys_a_card_at_most() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = example_on_file(dir.path());
    let mut h = table(&path);
    let mut keys = Keys::default();
    // The cursor to the last Advocacy card: End of the list by PageDown.
    for _ in 0..3 {
        keys.key(&mut h, Modifiers::NONE, Key::PageDown);
    }
    let cards = [
        (
            "Reads the refund email",
            "ema",
            "fin",
            "Opens the email",
            "Finally",
            "1",
        ),
        (
            "Calls about a second order",
            "cont",
            "cust",
            "Waits on hold",
            "Again?",
            "-1",
        ),
        (
            "Rates the shop",
            "web",
            "cust",
            "Gives three stars",
            "Could be better",
            "0",
        ),
        (
            "Tells a friend",
            "soc",
            "mark",
            "Posts a story",
            "Worth it",
            "2",
        ),
        (
            "Orders again",
            "mob",
            "e-c",
            "Uses saved details",
            "Quick now",
            "1",
        ),
    ];
    let mut typed = 0;
    for (title, channel, department, doing, thinking, emotion) in cards {
        // Ctrl+Enter: a row after the cursor's, its title being typed.
        keys.key(&mut h, Modifiers::COMMAND, Key::Enter);
        for (n, text) in [title, channel, department, doing, thinking, "", emotion]
            .iter()
            .enumerate()
        {
            if n > 0 {
                keys.tab(&mut h);
            }
            send(&mut h, typing(text), 3);
            typed += text.chars().count();
        }
    }
    // The last card's emotion is committed by Enter.
    keys.key(&mut h, Modifiers::NONE, Key::Enter);
    settle(&mut h);
    let per_card = (keys.other as f32 - 3.0) / 5.0;
    assert!(
        per_card <= 2.0,
        "{per_card} keys a card beyond {typed} typed characters"
    );
    press(&mut h, Modifiers::COMMAND, Key::S);
    let saved = journeymap::format::load(&path).unwrap().journey;
    assert_eq!(saved.touchpoints.len(), before.touchpoints.len() + 5);
    let name = |id: &Option<ChannelId>| {
        saved
            .channel(id.as_ref().unwrap())
            .map(|c| c.name.clone())
            .unwrap()
    };
    let department = |id: &Option<DepartmentId>| {
        saved
            .department(id.as_ref().unwrap())
            .map(|d| d.name.clone())
            .unwrap()
    };
    let expected = [
        ("Reads the refund email", "Email", "Finance and billing", 1),
        (
            "Calls about a second order",
            "Contact centre",
            "Customer service",
            -1,
        ),
        ("Rates the shop", "Web shop", "Customer service", 0),
        ("Tells a friend", "Social media", "Marketing", 2),
        ("Orders again", "Mobile app", "E-commerce", 1),
    ];
    let advocacy: Vec<&Touchpoint> = saved.touchpoints_in(Stage::Advocacy).iter().collect();
    assert!(
        advocacy.len() >= 5,
        "{:#?}",
        saved
            .touchpoints
            .iter()
            .map(|t| (t.stage, &t.title))
            .collect::<Vec<_>>()
    );
    let added = &advocacy[advocacy.len() - 5..];
    for (t, (title, channel, dept, score)) in added.iter().zip(expected) {
        assert_eq!(t.title, title);
        assert_eq!(name(&t.channel), channel, "{title}");
        assert_eq!(department(&t.department), dept, "{title}");
        assert_eq!(t.emotion_score(), Some(score), "{title}");
        assert!(!t.action.is_empty() && !t.thought.is_empty());
    }
    // No catalogue entry was made by the completions.
    assert_eq!(saved.channels.len(), before.channels.len());
    assert_eq!(saved.departments.len(), before.departments.len());
}

#[test]
fn a_catalogue_cell_offers_completions_and_a_new_name_as_a_new_entry() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = example_on_file(dir.path());
    let mut h = table(&path);
    // The cursor starts on the first card: right to the channel column (past the
    // phase and the title), and type.
    for _ in 0..3 {
        send(&mut h, stroke(Modifiers::NONE, Key::ArrowRight, None), 1);
    }
    let shown = |h: &Harness<'_, JourneyApp>| h.query_all_by_label("Contact centre").count();
    let cells = shown(&h);
    send(&mut h, typing("cont"), 1);
    assert_eq!(shown(&h), cells + 1, "the completion is listed");
    send(&mut h, stroke(Modifiers::NONE, Key::Escape, None), 1);
    assert_eq!(
        h.state().journey().touchpoints[0]
            .channel
            .as_ref()
            .unwrap()
            .as_str(),
        "social",
        "Esc changed nothing"
    );
    assert!(h.state().workspace().table, "Esc stays in the table");
    send(&mut h, typing("Carrier pigeon"), 2);
    assert!(h.query_by_label("New entry: “Carrier pigeon”").is_some());
    send(&mut h, stroke(Modifiers::NONE, Key::Enter, None), 1);
    let journey = h.state().journey();
    let channel = journey.touchpoints[0].channel.as_ref().unwrap();
    let made = journey.channel(channel).unwrap();
    assert_eq!(made.name, "Carrier pigeon");
    let others: Vec<Rgb> = journey
        .channels
        .iter()
        .filter(|c| c.id != made.id)
        .map(|c| c.colour)
        .collect();
    assert!(!others.contains(&made.colour), "a colour of its own");
    // One undo step takes the cell and the new entry back.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().journey().touchpoints[0]
            .channel
            .as_ref()
            .unwrap()
            .as_str(),
        "social"
    );
    assert!(
        h.state()
            .journey()
            .channel(&ChannelId::new("carrier-pigeon"))
            .is_none()
    );
}

#[test]
fn the_canvas_single_key_commands_do_not_fire_in_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = example_on_file(dir.path());
    let mut h = table(&path);
    send(&mut h, stroke(Modifiers::NONE, Key::ArrowDown, None), 1);
    for key in [Key::N, Key::G, Key::S, Key::E, Key::C, Key::D] {
        // Each starts typing in the cell; Esc throws it away.
        send(&mut h, shortcut(Modifiers::NONE, key), 1);
        send(&mut h, stroke(Modifiers::NONE, Key::Escape, None), 1);
    }
    assert!(
        h.state().entering().is_none(),
        "N did not start keyboard entry"
    );
    assert_eq!(h.state().workspace().filter, journeymap::app::Filter::None);
    assert!(h.state().workspace().spotlight.is_none());
    assert_eq!(h.state().journey(), &before);
    assert!(h.state().workspace().table);
}

#[test]
fn a_pasted_sheet_is_reviewed_then_applied_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = example_on_file(dir.path());
    // The map's own label for a stage, which a sheet may use.
    let mut journey = before.clone();
    journey.stages.entry(Stage::Usage).or_default().label = "Getting it".into();
    journeymap::format::save(&path, &journey).unwrap();
    let mut h = table(&path);
    let sheet = "Título\tEtapa\tCanal\tDepartamento\tEmoción\n\
                 Sees a poster\tDescubrimiento\tStore\tMarketing\t1\n\
                 Asks on the phone\tConsideración\tPhone\tCustomer service\t0\n\
                 Downloads the app\tgetting it\tapp\tE-commerce\t2\n\
                 Fax to the head office\tRecomendación\tFax\tBoard\t-2\n";
    h.input_mut().events.push(Event::Paste(sheet.to_owned()));
    settle(&mut h);
    assert!(
        matches!(h.state().modal(), Some(Modal::Paste(_))),
        "reviewed first"
    );
    assert_eq!(h.state().journey(), &journey, "nothing changed yet");
    for shown in [
        "Adds 4 touchpoints",
        "Channel: “Phone”",
        "Channel: “app”",
        "Channel: “Fax”",
        "Department: “Board”",
    ] {
        assert!(h.query_by_label(shown).is_some(), "{shown} is listed");
    }
    let Some(Modal::Paste(review)) = h.state().modal() else {
        unreachable!()
    };
    let plan = review.plan.as_ref().unwrap();
    let matched: Vec<(&str, Option<&str>)> = plan
        .report
        .matches
        .iter()
        .map(|m| (m.value.as_str(), m.entry.as_deref()))
        .collect();
    assert_eq!(
        matched,
        [
            ("Phone", Some("phone")),
            ("app", Some("mobile-app")),
            ("Fax", None),
            ("Board", None)
        ]
    );
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.state().modal().is_none());
    let after = h.state().journey().clone();
    assert_eq!(after.touchpoints.len(), journey.touchpoints.len() + 4);
    let find = |title: &str| after.touchpoints.iter().find(|t| t.title == title).unwrap();
    assert_eq!(find("Sees a poster").stage, Stage::Awareness);
    assert_eq!(find("Asks on the phone").stage, Stage::Consideration);
    assert_eq!(
        find("Asks on the phone").channel,
        Some(ChannelId::new("phone"))
    );
    assert_eq!(find("Downloads the app").stage, Stage::Usage);
    assert_eq!(
        find("Downloads the app").channel,
        Some(ChannelId::new("mobile-app"))
    );
    assert_eq!(find("Fax to the head office").stage, Stage::Advocacy);
    assert_eq!(after.channels.len(), journey.channels.len() + 1);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().journey(),
        &journey,
        "one undo step takes the paste back"
    );
}

#[test]
fn a_match_can_be_changed_in_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let (path, journey) = example_on_file(dir.path());
    let mut h = table(&path);
    h.input_mut().events.push(Event::Paste(
        "title\tstage\tchannel\nA call\tUsage\tPhone\n".to_owned(),
    ));
    settle(&mut h);
    pick(&mut h, "Channel: “Phone”", "New entry: Phone");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let after = h.state().journey();
    let call = after
        .touchpoints
        .iter()
        .find(|t| t.title == "A call")
        .unwrap();
    assert_eq!(
        after.channel(call.channel.as_ref().unwrap()).unwrap().name,
        "Phone"
    );
    assert_eq!(after.channels.len(), journey.channels.len() + 1);
}

#[test]
fn one_value_pasted_over_selected_rows_fills_them_and_copy_gives_tsv() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = example_on_file(dir.path());
    let mut h = table(&path);
    let original = h.state().journey().clone();
    send(&mut h, stroke(Modifiers::NONE, Key::ArrowDown, None), 1);
    for _ in 0..4 {
        send(&mut h, stroke(Modifiers::NONE, Key::ArrowRight, None), 1);
    }
    // The department of the first two Awareness cards and the next one.
    send(&mut h, stroke(Modifiers::SHIFT, Key::ArrowDown, None), 1);
    send(&mut h, stroke(Modifiers::SHIFT, Key::ArrowDown, None), 1);
    let selected = h.state().workspace().selected_touchpoints();
    assert_eq!(selected.len(), 3, "{selected:?}");
    h.input_mut()
        .events
        .push(Event::Paste("Sales\n".to_owned()));
    settle(&mut h);
    let journey = h.state().journey().clone();
    for id in &selected {
        assert_eq!(
            journey.touchpoint(id).unwrap().department,
            Some(DepartmentId::new("sales")),
            "{id}"
        );
    }
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().journey(), &original, "one undo step");
    h.input_mut().events.push(Event::Copy);
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .expect("copied");
    let mut lines = copied.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id\tstage\tphase\ttitle\tchannel")
    );
    assert_eq!(lines.count(), 3);
    // Pasted back, the copy changes nothing.
    let before = h.state().journey().clone();
    h.input_mut().events.push(Event::Paste(copied));
    settle(&mut h);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().journey(), &before);
}

#[test]
fn delete_removes_the_selected_rows_and_the_table_is_remembered_for_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, before) = example_on_file(dir.path());
    let mut h = table(&path);
    send(&mut h, stroke(Modifiers::SHIFT, Key::ArrowDown, None), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Delete, None), 1);
    assert_eq!(
        h.state().journey().touchpoints.len(),
        before.touchpoints.len() - 2
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().journey(), &before);
    // Alt+Down moves the card one place down in its stage.
    send(&mut h, stroke(Modifiers::NONE, Key::ArrowUp, None), 1);
    send(&mut h, stroke(Modifiers::ALT, Key::ArrowDown, None), 1);
    let first = &before.touchpoints[0].id;
    assert_eq!(&h.state().journey().touchpoints[1].id, first);
    let settings: Settings = h.state().settings().clone();
    let (app, _) = app_on_file_with(&path, settings);
    let h = harness(app);
    assert!(h.state().workspace().table, "remembered for this file");
}

#[test]
fn the_other_tabs_take_a_metric_and_a_grey_area_as_typing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = example_on_file(dir.path());
    let mut h = table(&path);
    click(&mut h, "Evidence (12)");
    // The first piece of evidence: kind, text… metric, value.
    for _ in 0..5 {
        send(&mut h, stroke(Modifiers::NONE, Key::ArrowRight, None), 1);
    }
    send(&mut h, typing("csa"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, typing("3.1"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Enter, None), 1);
    let metric = h.state().journey().evidence[0].metric().cloned().unwrap();
    assert_eq!((metric.name, metric.value), (MetricName::Csat, 3.1));
    click(&mut h, "Grey areas (6)");
    // Title, from, to, kind, severity: then the status.
    for _ in 0..5 {
        send(&mut h, stroke(Modifiers::NONE, Key::ArrowRight, None), 1);
    }
    send(&mut h, typing("resol"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, typing("Lost between teams"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, typing("One owner"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Enter, None), 1);
    let grey = &h.state().journey().grey_areas[0];
    assert_eq!(grey.status, GreyAreaStatus::Resolved);
    assert_eq!(grey.experience, "Lost between teams");
    assert_eq!(grey.fix, "One owner");
}

/// The rectangles of the inspector's widgets a person aims at.
fn inspector_rects(h: &Harness<'_, JourneyApp>) -> Vec<(String, egui::Rect)> {
    use egui::accesskit::Role;
    [
        (Role::ComboBox, "Stage"),
        (Role::ComboBox, "Channel"),
        (Role::ComboBox, "Department"),
        (Role::TextInput, "Emotion word"),
        (Role::CheckBox, "Moment of truth"),
        (Role::ComboBox, "Deviation from the plan"),
    ]
    .into_iter()
    .map(|(role, label)| {
        (
            label.to_owned(),
            h.get_by_role_and_label(role, label).rect(),
        )
    })
    .collect()
}

#[test]
fn the_inspector_stays_still_when_an_emotion_is_chosen_and_a_title_grows() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut journey) = example_on_file(dir.path());
    journey.touchpoints[0].emotion = None;
    journeymap::format::save(&path, &journey).unwrap();
    let mut h = harness(app_on_file(&path));
    h.state().act(journeymap::app::Action::View(
        journeymap::app::ViewChange::Select(vec![ElementId::Touchpoint(
            journey.touchpoints[0].id.clone(),
        )]),
    ));
    settle(&mut h);
    let before = inspector_rects(&h);
    let title_width = h
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
        .rect()
        .width();
    click(&mut h, "+1");
    assert_eq!(h.state().journey().touchpoints[0].emotion_score(), Some(1));
    assert_eq!(
        inspector_rects(&h),
        before,
        "choosing an emotion moved nothing"
    );
    type_into(
        &mut h,
        "Title",
        " and a title long enough to need far more than one line of this panel",
    );
    assert_eq!(inspector_rects(&h), before, "a long title moved nothing");
    let width = h
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
        .rect()
        .width();
    assert_eq!(width, title_width, "the panel kept its width");
}

#[test]
fn a_paste_in_the_frame_after_ctrl_t_is_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (path, journey) = example_on_file(dir.path());
    let mut h = harness(app_on_file(&path));
    // Ctrl+T and Ctrl+V as one burst, the way a quick hand sends them.
    let mut events = shortcut(Modifiers::COMMAND, Key::T);
    events.push(Event::Paste("title\tstage\nA new card\tUsage\n".to_owned()));
    send(&mut h, events, 8);
    assert!(
        matches!(h.state().modal(), Some(Modal::Paste(_))),
        "reviewed"
    );
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(
        h.state().journey().touchpoints.len(),
        journey.touchpoints.len() + 1
    );
}

#[test]
fn the_steps_tab_takes_a_layer_an_actor_and_durations_as_typing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, journey) = example_on_file(dir.path());
    let mut h = table(&path);
    click(&mut h, &format!("Steps ({})", journey.steps.len()));
    // The first step: stage, phase, layer, title, actor, serves, after, wait,
    // duration, standard.
    send(&mut h, stroke(Modifiers::NONE, Key::ArrowRight, None), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::ArrowRight, None), 1);
    send(&mut h, typing("back"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, typing("wareh"), 1);
    for _ in 0..4 {
        send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    }
    send(&mut h, typing("3 h"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Tab, None), 1);
    send(&mut h, typing("1 h"), 1);
    send(&mut h, stroke(Modifiers::NONE, Key::Enter, None), 1);
    let step = &h.state().journey().steps[0];
    assert_eq!(step.lane, BlueprintLane::Backstage);
    assert_eq!(step.actor.as_ref().map(|a| a.as_str()), Some("warehouse"));
    assert_eq!(step.duration.map(|d| d.to_string()).as_deref(), Some("3 h"));
    assert_eq!(
        step.time_standard.map(|d| d.to_string()).as_deref(),
        Some("1 h")
    );
    assert!(step.over_standard());
    // Each cell one undo step: undo the standard.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().journey().steps[0].time_standard,
        journey.steps[0].time_standard
    );
}

#[test]
fn every_tab_of_an_empty_map_takes_clicks_and_keys_without_a_panic() {
    // A new map, Ctrl+T, the "Steps (0)" tab: `selected_rows` indexed an empty tab.
    let (app, _) = app_with(Journey::new("Empty", Language::En), Language::En);
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND, Key::T);
    for tab in [
        "Steps (0)",
        "Evidence (0)",
        "Grey areas (0)",
        "Opportunities (0)",
        "Touchpoints (0)",
    ] {
        click(&mut h, tab);
        for (modifiers, key) in [
            (Modifiers::NONE, Key::ArrowDown),
            (Modifiers::SHIFT, Key::ArrowDown),
            (Modifiers::ALT, Key::ArrowUp),
            (Modifiers::NONE, Key::Delete),
            (Modifiers::NONE, Key::Enter),
            (Modifiers::NONE, Key::Escape),
        ] {
            press(&mut h, modifiers, key);
        }
        send(
            &mut h,
            vec![Event::Copy, Event::Paste("one value".into())],
            2,
        );
        settle(&mut h);
    }
    assert!(h.state().journey().touchpoints.is_empty());
}

/// The example in the table, a sheet retitling tp-1 pasted and its review open.
fn review_open(dir: &Path) -> (PathBuf, Harness<'static, JourneyApp>) {
    let (path, _) = example_on_file(dir);
    let mut h = table(&path);
    send(
        &mut h,
        vec![Event::Paste(
            "id\ttitle\ntp-1\tRetitled by the sheet\n".into(),
        )],
        1,
    );
    assert!(matches!(h.state().modal(), Some(Modal::Paste(_))));
    (path, h)
}

/// Types `title` into the inspector's title field of card `id`, as a person does.
fn retitle_in_inspector(h: &mut Harness<'_, JourneyApp>, id: &str, title: &str) {
    h.state().act(journeymap::app::Action::View(
        journeymap::app::ViewChange::Select(vec![ElementId::Touchpoint(id.into())]),
    ));
    settle(h);
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title");
    field.focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
        .type_text(&format!(" {title}"));
    settle(h);
}

#[test]
fn an_edit_to_another_card_while_a_paste_is_reviewed_is_kept_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = review_open(dir.path());
    retitle_in_inspector(&mut h, "tp-2", "(edited meanwhile)");
    click(&mut h, "Apply (Enter)");
    press(&mut h, Modifiers::COMMAND, Key::S);
    let saved = journeymap::format::load(&path).unwrap().journey;
    let title = |id: &str| saved.touchpoint(&id.into()).unwrap().title.clone();
    assert_eq!(title("tp-1"), "Retitled by the sheet");
    assert!(
        title("tp-2").ends_with("(edited meanwhile)"),
        "{}",
        title("tp-2")
    );
}

#[test]
fn an_edit_to_the_same_field_while_a_paste_is_reviewed_refuses_the_paste() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut h) = review_open(dir.path());
    retitle_in_inspector(&mut h, "tp-1", "(edited meanwhile)");
    let typed = h
        .state()
        .journey()
        .touchpoint(&"tp-1".into())
        .unwrap()
        .title
        .clone();
    assert!(typed.ends_with("(edited meanwhile)"));
    click(&mut h, "Apply (Enter)");
    assert_eq!(
        h.state()
            .journey()
            .touchpoint(&"tp-1".into())
            .unwrap()
            .title,
        typed,
        "the inspector's value is kept"
    );
    let notice = format!("{:?}", h.state().workspace().notice);
    assert!(
        notice.contains("Not applied") && notice.contains(typed.trim()),
        "{notice}"
    );
}
