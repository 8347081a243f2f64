//! Frame time of the real app (layout, painting, tessellation) in a headless egui
//! context at 1920x1080. Targets: the whole 1,000-touchpoint map in view under 4 ms;
//! one stage of the 10,000-touchpoint map under 2 ms; the whole 10,000-touchpoint map
//! (overview) under 8 ms; a card whose title is a 10 MB pasted log, selected, under
//! 50 ms; the table of the 10,000-touchpoint journey scrolling under 4 ms. Also a
//! frame while dragging a card; the 1,000-touchpoint map with AccessKit on (a screen
//! reader asking), under 8 ms. Autosave and recovery are on.

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::app::{
    Action, AppCommand, JourneyApp, ScriptedDialogs, Settings, Startup, ViewChange,
};
use journeymap::generate::generate;
use journeymap::model::{Language, Stage};
use std::hint::black_box;

fn screen() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

fn app(touchpoints: usize) -> JourneyApp {
    app_with(generate(touchpoints, 11))
}

fn app_with(journey: journeymap::model::Journey) -> JourneyApp {
    let settings = Settings {
        language: Language::En,
        recent_files: Vec::new(),
        ..Settings::default()
    };
    // Autosave and recovery on, as in the window: the session's tick is in every frame.
    let recovery = tempfile::tempdir().expect("a recovery folder").keep();
    JourneyApp::start(Startup {
        journey: Some(journey),
        recovery_dir: Some(recovery),
        ..Startup::new(settings, Box::new(ScriptedDialogs::default()))
    })
}

fn frame(ctx: &egui::Context, app: &mut JourneyApp, input: egui::RawInput) -> usize {
    let output = ctx.run_ui(input, |ui| app.ui(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

/// Runs a few frames so fonts, layout and the view settle.
fn settle(ctx: &egui::Context, app: &mut JourneyApp) {
    for _ in 0..4 {
        frame(ctx, app, screen());
    }
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(30);

    let ctx = egui::Context::default();
    let mut thousand = app(1_000);
    settle(&ctx, &mut thousand);
    thousand.act(Action::Command(AppCommand::ZoomFit));
    settle(&ctx, &mut thousand);
    group.bench_function("1000_whole_map", |b| {
        b.iter(|| black_box(frame(&ctx, &mut thousand, screen())))
    });

    // The same with a screen reader asking: every element's node and facts built.
    let ctx = egui::Context::default();
    ctx.enable_accesskit();
    let mut read = app(1_000);
    settle(&ctx, &mut read);
    read.act(Action::Command(AppCommand::ZoomFit));
    settle(&ctx, &mut read);
    group.bench_function("1000_whole_map_accesskit", |b| {
        b.iter(|| black_box(frame(&ctx, &mut read, screen())))
    });

    let ctx = egui::Context::default();
    let mut large = app(10_000);
    settle(&ctx, &mut large);
    large.act(Action::View(ViewChange::FocusStage(Stage::Usage)));
    settle(&ctx, &mut large);
    group.bench_function("10000_one_stage", |b| {
        b.iter(|| black_box(frame(&ctx, &mut large, screen())))
    });

    large.act(Action::Command(AppCommand::ZoomFit));
    settle(&ctx, &mut large);
    group.bench_function("10000_whole_map", |b| {
        b.iter(|| black_box(frame(&ctx, &mut large, screen())))
    });

    // The service blueprint: 20,000 steps under 10,000 touchpoints, the overview.
    let ctx = egui::Context::default();
    let mut blueprint = generate(10_000, 11);
    journeymap::generate::add_steps(&mut blueprint, 2);
    let mut blueprint = app_with(blueprint);
    settle(&ctx, &mut blueprint);
    blueprint.act(Action::Command(AppCommand::ZoomFit));
    settle(&ctx, &mut blueprint);
    group.bench_function("10000_with_20000_steps_overview", |b| {
        b.iter(|| black_box(frame(&ctx, &mut blueprint, screen())))
    });
    blueprint.act(Action::View(ViewChange::FocusStage(Stage::Usage)));
    settle(&ctx, &mut blueprint);
    group.bench_function("10000_with_20000_steps_one_stage", |b| {
        b.iter(|| black_box(frame(&ctx, &mut blueprint, screen())))
    });

    // Dragging a card of the 1,000-touchpoint map at the default (fit height) zoom.
    let ctx = egui::Context::default();
    let mut dragging = app(1_000);
    settle(&ctx, &mut dragging);
    // The card where the canvas drew it (its boxes grow to what the map holds).
    let start = dragging.card_on_screen(1).expect("drawn").center();
    let press = egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    };
    let mut input = screen();
    input.events = vec![egui::Event::PointerMoved(start), press];
    frame(&ctx, &mut dragging, input);
    let mut x = 0.0f32;
    let mut ran = false;
    group.bench_function("1000_dragging_a_card", |b| {
        ran = true;
        b.iter(|| {
            x = (x + 7.0) % 600.0;
            let mut input = screen();
            input.events = vec![egui::Event::PointerMoved(
                start + egui::vec2(20.0 + x, 10.0),
            )];
            black_box(frame(&ctx, &mut dragging, input))
        })
    });
    assert!(!ran || dragging.is_dragging(), "the benchmark really drags");

    // The table of the 10,000-touchpoint journey, scrolled a page a frame (PageDown to
    // the end, then PageUp back): only the visible rows are drawn.
    let ctx = egui::Context::default();
    let mut table = app(10_000);
    settle(&ctx, &mut table);
    table.act(Action::Command(AppCommand::TableView));
    settle(&ctx, &mut table);
    assert!(table.workspace().table, "the benchmark shows the table");
    let page = |key| egui::Event::Key {
        key,
        physical_key: Some(key),
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    let mut step = 0usize;
    group.bench_function("10000_table_scrolling", |b| {
        b.iter(|| {
            step += 1;
            let key = if (step / 500).is_multiple_of(2) {
                egui::Key::PageDown
            } else {
                egui::Key::PageUp
            };
            let mut input = screen();
            input.events = vec![page(key)];
            black_box(frame(&ctx, &mut table, input))
        })
    });

    // A 10 MB pasted log as a card's title, the card selected (the inspector shows
    // the field): the frame stays under 50 ms.
    let ctx = egui::Context::default();
    let journey = journeymap::generate::hostile::with_huge_field(100, 10_000_000, 11);
    let id = journey.touchpoints[0].id.clone();
    let mut huge = app_with(journey);
    huge.act(Action::View(ViewChange::Select(vec![
        journeymap::model::ElementId::Touchpoint(id),
    ])));
    settle(&ctx, &mut huge);
    group.bench_function("10mb_field_selected", |b| {
        b.iter(|| black_box(frame(&ctx, &mut huge, screen())))
    });
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
