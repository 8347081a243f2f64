//! The room (issue 43), over loopback. Targets: a phone's join to its first state
//! <= 100 ms; fifty participants casting five votes each, all at once, applied <= 1 s;
//! the facilitator's window showing a vote (the vote's answer, then one frame, and
//! the map holds it) <= 200 ms.

#[path = "../tests/support/http.rs"]
mod http;

use criterion::{Criterion, criterion_group, criterion_main};
use http::{join, ok as request};
use journeymap::app::{Action, AppCommand, JourneyApp, ScriptedDialogs, Settings, Startup};
use journeymap::model::Language;
use journeymap::room::{Room, RoomOptions};

fn example() -> journeymap::model::Journey {
    journeymap::format::parse(include_str!("../journeys/online-order-delivery-return.ron"))
        .unwrap()
        .journey
}

fn server(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    std::fs::write(
        &map,
        include_str!("../journeys/online-order-delivery-return.ron"),
    )
    .unwrap();
    let mut options = RoomOptions::new("127.0.0.1:0".parse().unwrap());
    options.pin = Some("424242".into());
    options.max_participants = usize::MAX;
    let room = Room::open(example(), map, options).unwrap();
    let host = room.address().to_string();
    let mut group = c.benchmark_group("room");
    group.sample_size(20);
    group.bench_function("join_to_first_state", |b| {
        b.iter(|| {
            let token = join(&host, "424242");
            request(&host, "GET", "/api/state", Some(&token), "")
        })
    });
    let refs = ["grey_areas".to_owned()];
    group.bench_function("fifty_participants_five_votes_each_at_once", |b| {
        b.iter(|| {
            room.open_round(&refs, 5, 5, "", None).unwrap();
            let threads: Vec<_> = (0..50)
                .map(|n| {
                    let host = host.clone();
                    std::thread::spawn(move || {
                        let token = join(&host, "424242");
                        for k in 0..5 {
                            let r = format!("ga-{}", 1 + (n + k) % 6);
                            let body = format!(r#"{{"ref": "{r}", "delta": 1}}"#);
                            request(&host, "POST", "/api/vote", Some(&token), &body);
                        }
                    })
                })
                .collect();
            for t in threads {
                t.join().unwrap();
            }
        })
    });
    group.finish();
}

fn window(c: &mut Criterion) {
    let settings = Settings {
        language: Language::En,
        recent_files: Vec::new(),
        ..Settings::default()
    };
    let recovery = tempfile::tempdir().unwrap().keep();
    let mut app = JourneyApp::start(Startup {
        journey: Some(example()),
        recovery_dir: Some(recovery),
        ..Startup::new(settings, Box::new(ScriptedDialogs::default()))
    });
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    let frame = |app: &mut JourneyApp| {
        let output = ctx.run_ui(input(), |ui| app.ui(ui));
        ctx.tessellate(output.shapes, output.pixels_per_point).len()
    };
    frame(&mut app);
    app.act(Action::Command(AppCommand::OpenRoom));
    frame(&mut app);
    let (url, facilitator) = app.room().expect("the room is open");
    let host = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let pin = url.rsplit("pin=").next().unwrap().to_owned();
    request(
        &host,
        "POST",
        "/api/facilitator/vote",
        Some(&facilitator),
        r#"{"refs": ["ga-1"], "budget": 1, "cap": 1}"#,
    );
    let token = join(&host, &pin);
    let mut group = c.benchmark_group("room_window");
    group.sample_size(20);
    group.bench_function("a_vote_shown_in_the_window", |b| {
        b.iter(|| {
            // A vote, or taking it back: the participant's one vote goes and comes.
            let delta = if app.journey().latest_votes("ga-1") == Some(1) {
                -1
            } else {
                1
            };
            request(
                &host,
                "POST",
                "/api/vote",
                Some(&token),
                &format!(r#"{{"ref": "ga-1", "delta": {delta}}}"#),
            );
            let want = if delta == 1 { Some(1) } else { None };
            let mut frames = 0;
            while app.journey().latest_votes("ga-1") != want {
                frame(&mut app);
                frames += 1;
                assert!(frames < 10, "the vote never showed");
            }
        })
    });
    group.finish();
}

criterion_group!(benches, server, window);
criterion_main!(benches);
