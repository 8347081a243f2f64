//! Workshop ▸ Open the room… in the editor: phones join over HTTP with the PIN the
//! window shows, a note lands in the inbox and is accepted onto a card (one undo step),
//! the vote the facilitator starts fills the map's `votes` as the dots arrive (one undo
//! step for the round), the results stay hidden until revealed, and closing the room
//! answers 410.

use crate::common::*;
use crate::http::{json, request};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

/// Every text the window's accessibility tree holds (labels and values).
fn texts(h: &egui_kittest::Harness<'_, journeymap::app::JourneyApp>) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect()
}

#[test]
fn the_room_joins_notes_and_votes_into_the_open_map() {
    let journey = journeymap::format::parse(include_str!(
        "../../journeys/online-order-delivery-return.ron"
    ))
    .unwrap()
    .journey;
    let (app, _dialogs) = app_with(journey.clone(), journeymap::model::Language::En);
    let mut h = harness(app);
    click(&mut h, "Workshop");
    h.get_by_label_contains("Open the room…").click();
    settle(&mut h);
    // The window says where to join and the PIN, in large type.
    let url = texts(&h)
        .into_iter()
        .find(|t| t.starts_with("http://"))
        .expect("the join address is shown");
    let host = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let pin = url.rsplit("pin=").next().unwrap().to_owned();
    assert!(texts(&h).contains(&format!("PIN {pin}")));

    // A phone joins and sends a pain point for the Usage stage.
    let (status, body) = request(
        &host,
        "POST",
        "/api/join",
        None,
        format!(r#"{{"pin": "{pin}"}}"#),
    );
    assert_eq!(status, 200, "{body}");
    let token = json(&body)["token"].as_str().unwrap().to_owned();
    let (status, _) = request(
        &host,
        "POST",
        "/api/note",
        Some(&token),
        r#"{"stage": "usage", "kind": "pain", "text": "Nobody told me the parcel was held <b>at the depot</b>"}"#,
    );
    assert_eq!(status, 201);
    settle(&mut h);
    assert!(
        texts(&h).contains(&"Nobody told me the parcel was held <b>at the depot</b>".to_owned()),
        "the note is in the inbox, as text"
    );
    let last_usage = journey
        .touchpoints_in(journeymap::model::Stage::Usage)
        .last()
        .unwrap()
        .id
        .clone();
    click(&mut h, "Accept");
    let card = h.state().journey().touchpoint(&last_usage).unwrap().clone();
    assert_eq!(
        card.pain_points.last().map(String::as_str),
        Some("Nobody told me the parcel was held <b>at the depot</b>")
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state()
            .journey()
            .touchpoint(&last_usage)
            .unwrap()
            .pain_points,
        journey.touchpoint(&last_usage).unwrap().pain_points,
        "one undo step"
    );

    // The facilitator starts a vote on the grey areas; two phones vote.
    click(&mut h, "Start the vote");
    let other = {
        let (_, body) = request(
            &host,
            "POST",
            "/api/join",
            None,
            format!(r#"{{"pin": "{pin}"}}"#),
        );
        json(&body)["token"].as_str().unwrap().to_owned()
    };
    for (t, r) in [
        (&token, "ga-1"),
        (&token, "ga-1"),
        (&other, "ga-1"),
        (&other, "ga-2"),
    ] {
        let (status, body) = request(
            &host,
            "POST",
            "/api/vote",
            Some(t),
            format!(r#"{{"ref": "{r}", "delta": 1}}"#),
        );
        assert_eq!(status, 200, "{body}");
        settle(&mut h);
    }
    // The dots are in the map as they arrive; hidden from the phones until revealed.
    let round = h
        .state()
        .journey()
        .votes
        .last()
        .cloned()
        .expect("the round is in the map");
    assert_eq!(round.count("ga-1"), Some(3));
    assert_eq!(round.count("ga-2"), Some(1));
    assert_eq!(round.participants, 2);
    let (_, state) = request(&host, "GET", "/api/state", Some(&token), "");
    assert!(json(&state)["counts"].is_null());
    click(&mut h, "Reveal the results");
    let (_, state) = request(&host, "GET", "/api/state", Some(&token), "");
    assert!(json(&state)["counts"].is_array());
    // The whole round is one undo step.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(
        h.state().journey().votes.is_empty(),
        "{:?}",
        h.state().journey().votes
    );
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(h.state().journey().votes.last(), Some(&round));

    click(&mut h, "Close the room");
    let (status, _) = request(&host, "GET", "/api/state", Some(&token), "");
    assert_eq!(status, 410);
}

/// A phone (headless Chromium at 390 × 844) opens the join link, joins with the PIN
/// the link carries, votes by tapping and adds a note; the facilitator's window has
/// the vote in the map and the note in its inbox.
#[test]
fn a_phone_joins_votes_and_notes_from_the_real_page() {
    // A browser is as heavy as a real window: not beside one.
    let _turn = crate::xwindow::exclusive();
    let journey = journeymap::format::parse(include_str!(
        "../../journeys/online-order-delivery-return.ron"
    ))
    .unwrap()
    .journey;
    let (app, _dialogs) = app_with(journey.clone(), journeymap::model::Language::En);
    let mut h = harness(app);
    press(&mut h, Modifiers::COMMAND | Modifiers::ALT, Key::R);
    let url = texts(&h)
        .into_iter()
        .find(|t| t.starts_with("http://"))
        .expect("the join address is shown");
    let mut phone = crate::browser::Browser::start();
    phone.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": true}),
    );
    phone.navigate(&url);
    // The PIN came with the link; one tap joins.
    assert_eq!(
        phone.eval("document.getElementById('pin').value"),
        url.rsplit("pin=").next().unwrap()
    );
    phone.click("#join-button");
    let until = |condition: &str| {
        format!(
            "new Promise((done, fail) => {{ const start = Date.now(); const t = setInterval(() => {{ \
             if ({condition}) {{ clearInterval(t); done(true); }} \
             else if (Date.now() - start > 10000) {{ clearInterval(t); fail('timed out'); }} }}, 50); }})"
        )
    };
    phone.eval(&until("!document.getElementById('room').hidden"));
    // The facilitator opens the vote; the phone's ballot shows within its next poll.
    click(&mut h, "Start the vote");
    phone.eval(&until(
        "document.querySelectorAll('#items .item').length > 0",
    ));
    let first = journey.grey_areas[0].id.to_string();
    phone.click("#items .item:first-child button:nth-of-type(2)");
    phone.eval(&until(
        "document.querySelector('#items .item:first-child .mine').textContent === '1'",
    ));
    settle(&mut h);
    assert_eq!(
        h.state().journey().latest_votes(&first),
        Some(1),
        "the tap is in the map"
    );
    // A note for the Usage stage, typed as a phone types.
    phone.eval("document.getElementById('stage').value = 'usage'");
    phone.click("#text");
    phone.call(
        "Input.insertText",
        serde_json::json!({"text": "The driver never rang"}),
    );
    phone.click("#note-button");
    phone.eval(&until(
        "document.getElementById('note-status').textContent.length > 0",
    ));
    settle(&mut h);
    assert!(
        texts(&h).contains(&"The driver never rang".to_owned()),
        "the note is in the inbox"
    );
    // Readable at 390 px: nothing wider than the screen; clean and self-contained.
    assert_eq!(
        phone.eval("document.documentElement.scrollWidth <= 390"),
        true
    );
    assert!(phone.problems().is_empty(), "{:?}", phone.problems());
    let origin = url.split("/?").next().unwrap().to_owned();
    let foreign: Vec<String> = phone
        .requests_besides(&url)
        .into_iter()
        .filter(|r| !r.starts_with(&origin))
        .collect();
    assert!(foreign.is_empty(), "{foreign:?}");
}
