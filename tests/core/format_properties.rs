//! Property tests of the file format: random journeys survive save then load unchanged,
//! and a random single-field edit changes exactly one line of the saved text.

use journeymap::format;
use journeymap::model::*;
use proptest::prelude::*;
use similar::{ChangeTag, TextDiff};

/// Any text, including quotes, backslashes, newlines, accents and emoji.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ,.¿?¡!áéíóúñÑ\"\\\\/*#()\\[\\]{}:'\n\t-]{0,40}",
        1 => any::<String>(),
    ]
}

fn emotion() -> impl Strategy<Value = Option<Emotion>> {
    proptest::option::of(
        (EMOTION_MIN..=EMOTION_MAX, text()).prop_map(|(score, word)| Emotion { score, word }),
    )
}

fn touchpoint_fields() -> impl Strategy<
    Value = (
        usize,
        String,
        String,
        String,
        Option<Emotion>,
        bool,
        Vec<String>,
    ),
> {
    (
        0..Stage::ALL.len(),
        text(),
        text(),
        text(),
        emotion(),
        any::<bool>(),
        proptest::collection::vec(text(), 0..3),
    )
}

prop_compose! {
    fn journey()(
        title in text(),
        scenario in text(),
        persona in text(),
        goals in proptest::collection::vec(text(), 0..3),
        spanish in any::<bool>(),
        future in any::<bool>(),
        fields in proptest::collection::vec(touchpoint_fields(), 0..12),
        metric_value in -100.0f64..100.0,
        question in text(),
        dots in proptest::collection::vec(0u32..60, 0..12),
    ) -> Journey {
        let language = if spanish { Language::Es } else { Language::En };
        let mut journey = Journey::new(title, language);
        journey.scenario = scenario;
        journey.persona.name = persona;
        journey.persona.goals = goals;
        journey.state = if future { JourneyState::Future } else { JourneyState::Current };
        journey.evidence.push(Evidence {
            date: "2026-11".into(),
            metrics: vec![Metric {
                name: MetricName::Nps,
                label: String::new(),
                value: metric_value,
                scale: String::new(),
                sample_size: Some(10),
            }],
            ..Evidence::new("ev-1".into(), EvidenceKind::Metric, "NPS")
        });
        for (n, (stage, title, action, thought, emotion, key_moment, pain_points)) in fields.into_iter().enumerate() {
            let mut tp = Touchpoint::new(TouchpointId(format!("tp-{}", n + 1)), Stage::ALL[stage], title);
            tp.action = action;
            tp.thought = thought;
            tp.emotion = emotion;
            tp.key_moment = key_moment;
            tp.pain_points = pain_points;
            tp.channel = Some(journey.channels[n % journey.channels.len()].id.clone());
            tp.evidence = vec!["ev-1".into()];
            journey.touchpoints.push(tp);
        }
        // The room's votes on the cards (as many as there are), hostile question.
        if !dots.is_empty() {
            let mut round = VoteRound::new(VoteRoundId("vote-1".into()), question);
            round.date = "2026-12-05".into();
            round.participants = dots.len() as u32;
            round.counts = journey
                .touchpoints
                .iter()
                .zip(&dots)
                .map(|(t, n)| (VoteTarget::Touchpoint(t.id.clone()), *n))
                .collect();
            journey.votes.push(round);
        }
        journey.normalize();
        journey
    }
}

/// How many lines a change removed and added.
fn changed_lines(before: &str, after: &str) -> (usize, usize) {
    let diff = TextDiff::from_lines(before, after);
    let removed = diff
        .iter_all_changes()
        .filter(|c| c.tag() == ChangeTag::Delete)
        .count();
    let added = diff
        .iter_all_changes()
        .filter(|c| c.tag() == ChangeTag::Insert)
        .count();
    (removed, added)
}

#[derive(Clone, Debug)]
enum FieldEdit {
    Title(String),
    Action(String),
    Thought(String),
    Score(i8),
    KeyMoment,
    Channel(usize),
    JourneyTitle(String),
    Scenario(String),
    /// Another number of dots for a card in the room's round.
    Dots(u32),
}

fn field_edit() -> impl Strategy<Value = FieldEdit> {
    prop_oneof![
        text().prop_map(FieldEdit::Title),
        text().prop_map(FieldEdit::Action),
        text().prop_map(FieldEdit::Thought),
        (EMOTION_MIN..=EMOTION_MAX).prop_map(FieldEdit::Score),
        Just(FieldEdit::KeyMoment),
        (0usize..8).prop_map(FieldEdit::Channel),
        text().prop_map(FieldEdit::JourneyTitle),
        text().prop_map(FieldEdit::Scenario),
        (0u32..60).prop_map(FieldEdit::Dots),
    ]
}

/// Applies the edit; false when it would change nothing or does not apply.
fn apply(journey: &mut Journey, target: usize, edit: &FieldEdit) -> bool {
    if let FieldEdit::Dots(n) = edit {
        let Some(round) = journey.votes.first_mut() else {
            return false;
        };
        let at = target % round.counts.len().max(1);
        let Some(count) = round.counts.get_mut(at) else {
            return false;
        };
        let changed = count.1 != *n;
        count.1 = *n;
        return changed;
    }
    let channels: Vec<ChannelId> = journey.channels.iter().map(|c| c.id.clone()).collect();
    let count = journey.touchpoints.len();
    let tp = if count == 0 {
        None
    } else {
        journey.touchpoints.get_mut(target % count)
    };
    let (slot, value) = match (edit, tp) {
        (FieldEdit::JourneyTitle(v), _) => (&mut journey.title, v),
        (FieldEdit::Scenario(v), _) => (&mut journey.scenario, v),
        (_, None) | (FieldEdit::Dots(_), _) => return false,
        (FieldEdit::Title(v), Some(tp)) => (&mut tp.title, v),
        (FieldEdit::Action(v), Some(tp)) => (&mut tp.action, v),
        (FieldEdit::Thought(v), Some(tp)) => (&mut tp.thought, v),
        (FieldEdit::Score(score), Some(tp)) => {
            let Some(emotion) = tp.emotion.as_mut() else {
                return false;
            };
            let changed = emotion.score != *score;
            emotion.score = *score;
            return changed;
        }
        (FieldEdit::KeyMoment, Some(tp)) => {
            tp.key_moment = !tp.key_moment;
            return true;
        }
        (FieldEdit::Channel(n), Some(tp)) => {
            let new = Some(channels[n % channels.len()].clone());
            let changed = tp.channel != new;
            tp.channel = new;
            return changed;
        }
    };
    let changed = slot != value;
    slot.clone_from(value);
    changed
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn save_then_load_gives_back_the_journey(journey in journey()) {
        let text = format::to_text(&journey).unwrap();
        let parsed = format::parse(&text).map_err(|d| TestCaseError::fail(format!("{d:?}\n{text}")))?;
        prop_assert_eq!(&parsed.journey, &journey);
        prop_assert!(parsed.comments.is_empty());
        prop_assert_eq!(format::to_text(&parsed.journey).unwrap(), text.clone());
        prop_assert!(text.ends_with('\n'));
    }

    #[test]
    fn a_single_field_edit_changes_exactly_one_line(
        journey in journey(),
        target in 0usize..100,
        edit in field_edit(),
    ) {
        let before = format::to_text(&journey).unwrap();
        let mut edited = journey.clone();
        prop_assume!(apply(&mut edited, target, &edit));
        let after = format::to_text(&edited).unwrap();
        let (removed, added) = changed_lines(&before, &after);
        prop_assert!(removed <= 1 && added <= 1 && removed + added >= 1,
            "{edit:?} removed {removed} and added {added} lines\n--- before\n{before}\n--- after\n{after}");
    }
}
