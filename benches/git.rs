//! Diff and merge by structure on generated 10,000-touchpoint journeys, with a realistic
//! change set (100 edited cards, 10 moved, 50 added) and hostile ones (every card's
//! pain points edited on both sides; 5,000 cards added on each side).
//! Target: diff and merge of the 10,000-touchpoint map under 1 s; cost linear in size.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use journeymap::{diff, generate::generate, merge, model::*};
use std::hint::black_box;

fn add(journey: &mut Journey, count: usize, title: &str) {
    for i in 0..count {
        let stage = Stage::ALL[i % Stage::ALL.len()];
        let card = Touchpoint::new(journey.next_touchpoint_id(), stage, format!("{title} {i}"));
        Edit::add_touchpoint(journey, card).apply(journey).unwrap();
    }
}

/// Ours retitles every 100th card; theirs changes the emotion word of every 100th card
/// from the 50th, moves ten cards to another stage and adds `added` cards.
fn sides(base: &Journey, added: usize) -> (Journey, Journey) {
    let mut ours = base.clone();
    for t in ours.touchpoints.iter_mut().step_by(100) {
        t.title.push_str(" (ours)");
    }
    let mut theirs = base.clone();
    for t in theirs.touchpoints.iter_mut().skip(50).step_by(100) {
        t.emotion.get_or_insert_with(Emotion::default).word = "theirs".into();
    }
    for i in 0..10 {
        let id = theirs.touchpoints[i * 37].id.clone();
        Edit::move_touchpoint(&theirs, &id, Stage::Advocacy, 0)
            .unwrap()
            .apply(&mut theirs)
            .unwrap();
    }
    add(&mut theirs, added, "Theirs");
    (ours, theirs)
}

fn realistic(c: &mut Criterion) {
    let mut group = c.benchmark_group("git");
    group.sample_size(10);
    for size in [1_000, 10_000] {
        let base = generate(size, 7);
        let (ours, theirs) = sides(&base, 50);
        group.bench_with_input(BenchmarkId::new("diff", size), &size, |b, _| {
            b.iter(|| diff::diff(black_box(&base), black_box(&theirs)))
        });
        group.bench_with_input(BenchmarkId::new("merge", size), &size, |b, _| {
            b.iter(|| merge::merge(black_box(&base), &ours, &theirs).unwrap())
        });
    }
    group.finish();
}

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("git_hostile");
    group.sample_size(10);
    for size in [1_000, 10_000] {
        let base = generate(size, 7);
        // Both sides add a pain point to every card: list merges everywhere.
        let mut ours = base.clone();
        let mut theirs = base.clone();
        for t in &mut ours.touchpoints {
            t.pain_points.insert(0, "Ours: slow".into());
        }
        for t in &mut theirs.touchpoints {
            t.pain_points.push("Theirs: confusing".into());
        }
        group.bench_with_input(
            BenchmarkId::new("every_card_both_sides", size),
            &size,
            |b, _| b.iter(|| merge::merge(black_box(&base), &ours, &theirs).unwrap()),
        );
        // Half as many cards again added on each side, with colliding ids.
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        add(&mut ours, size / 2, "Ours");
        add(&mut theirs, size / 2, "Theirs");
        group.bench_with_input(
            BenchmarkId::new("half_again_added_each_side", size),
            &size,
            |b, _| b.iter(|| merge::merge(black_box(&base), &ours, &theirs).unwrap()),
        );
    }
    group.finish();
}

criterion_group!(benches, realistic, hostile);
criterion_main!(benches);
