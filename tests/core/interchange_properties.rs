//! Every exchange format round-trips, by property, over generated journeys whose text
//! is hostile to it: Mermaid keywords and punctuation, CSV separators and quotes,
//! spreadsheet formulas, line breaks, surrounding spaces.

use journeymap::interchange::{csv, json, mermaid};
use journeymap::model::*;
use proptest::prelude::*;

/// Text that each format would take for syntax if written raw.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 ,.:;#%\"'=+@<>{}\\\\\\-\n\t]{1,30}",
        1 => Just("title of the deed".to_owned()),
        1 => Just("section 2".to_owned()),
        1 => Just("%% not a comment".to_owned()),
        1 => Just("accTitle: x".to_owned()),
        1 => Just("journey".to_owned()),
        1 => Just("=HYPERLINK(\"http://evil\",\"x\")".to_owned()),
        1 => Just("+cmd|' /C calc'!A0".to_owned()),
        1 => Just("@SUM(1+1)".to_owned()),
        1 => Just("-2".to_owned()),
        1 => Just("'quoted".to_owned()),
        1 => Just("  padded  ".to_owned()),
        1 => Just("\u{2003}em space\u{a0}".to_owned()),
        1 => Just("Sales, EMEA".to_owned()),
        1 => Just("two\r\nlines".to_owned()),
        1 => Just("back\\slash\\n".to_owned()),
        1 => Just("#58; literal".to_owned()),
        1 => Just("</script><script>alert(1)</script>".to_owned()),
        1 => any::<String>().prop_filter("not empty", |s| !s.is_empty()),
    ]
}

fn maybe_hostile() -> impl Strategy<Value = String> {
    prop_oneof![1 => Just(String::new()), 3 => hostile()]
}

#[derive(Clone, Debug)]
struct Card {
    stage: usize,
    title: String,
    doing: String,
    thinking: String,
    expectation: String,
    emotion: Option<(i8, String)>,
    pain_points: Vec<String>,
    opportunities: Vec<(String, String, usize, String)>,
    channel: usize,
    department: Option<usize>,
    evidence: bool,
}

fn card() -> impl Strategy<Value = Card> {
    (
        (
            0..Stage::ALL.len(),
            hostile(),
            maybe_hostile(),
            maybe_hostile(),
            maybe_hostile(),
        ),
        proptest::option::of((EMOTION_MIN..=EMOTION_MAX, maybe_hostile())),
        proptest::collection::vec(hostile(), 0..3),
        proptest::collection::vec(
            (
                hostile(),
                maybe_hostile(),
                0..OpportunityStatus::ALL.len(),
                maybe_hostile(),
            ),
            0..3,
        ),
        (0..8usize, proptest::option::of(0..5usize), any::<bool>()),
    )
        .prop_map(
            |(
                (stage, title, doing, thinking, expectation),
                emotion,
                pain_points,
                opportunities,
                (channel, department, evidence),
            )| Card {
                stage,
                title,
                doing,
                thinking,
                expectation,
                emotion,
                pain_points,
                opportunities,
                channel,
                department,
                evidence,
            },
        )
}

prop_compose! {
    fn journey()(
        title in hostile(),
        spanish in any::<bool>(),
        cards in proptest::collection::vec(card(), 0..10),
        hundredths in -100i32..=100,
        department_name in hostile(),
    ) -> Journey {
        let language = if spanish { Language::Es } else { Language::En };
        let mut journey = Journey::new(title, language);
        // Named so it completes to no standard department: a new journey's import
        // would match it to one (that matching is tested on its own).
        journey.departments[0].name = format!("Dept· {department_name}");
        journey.evidence.push(Evidence {
            id: "ev-1".into(),
            kind: EvidenceKind::Metric,
            text: "NPS".into(),
            source: String::new(),
            date: "2026-11".into(),
            confidence: Confidence::Observed,
            metric: Some(Metric {
                name: MetricName::Nps,
                label: String::new(),
                value: f64::from(hundredths),
                scale: String::new(),
                sample_size: Some(10),
            }),
            attachments: vec![],
        });
        let mut next_opportunity = 1;
        for (n, card) in cards.into_iter().enumerate() {
            let id = TouchpointId(format!("tp-{}", n + 1));
            let mut tp = Touchpoint::new(id.clone(), Stage::ALL[card.stage], card.title);
            tp.action = card.doing;
            tp.thought = card.thinking;
            tp.expectation = card.expectation;
            tp.emotion = card.emotion.map(|(score, word)| Emotion { score, word });
            tp.pain_points = card.pain_points;
            tp.channel = Some(journey.channels[card.channel % journey.channels.len()].id.clone());
            tp.department = card
                .department
                .map(|d| journey.departments[d % journey.departments.len()].id.clone());
            if card.evidence {
                tp.evidence = vec!["ev-1".into()];
            }
            for (idea, owner, status, effect) in card.opportunities {
                journey.opportunities.push(Opportunity {
                    id: OpportunityId(format!("op-{next_opportunity}")),
                    target: OpportunityTarget::Touchpoint(id.clone()),
                    idea,
                    expected_effect: effect,
                    owner,
                    status: OpportunityStatus::ALL[status],
                    value: None,
                    effort: None,
                });
                next_opportunity += 1;
            }
            journey.touchpoints.push(tp);
        }
        journey.normalize();
        journey
    }
}

/// What a Mermaid diagram carries of each card: stage, title, score (unscored is 0).
fn mermaid_cards(journey: &Journey) -> Vec<(Stage, String, i8)> {
    journey
        .touchpoints
        .iter()
        .map(|t| (t.stage, t.title.clone(), t.emotion_score().unwrap_or(0)))
        .collect()
}

/// The sheet without its evidence columns (a new journey has no evidence to link).
fn without_evidence(sheet: &str) -> Vec<Vec<String>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(sheet.as_bytes());
    let mut rows = reader.records().map(|r| r.unwrap());
    let header = rows.next().unwrap();
    let evidence: Vec<bool> = header.iter().map(|c| c.starts_with("evidence")).collect();
    std::iter::once(header.iter().map(str::to_owned).collect())
        .chain(rows.map(|record| {
            record
                .iter()
                .zip(&evidence)
                .map(|(c, e)| if *e { String::new() } else { c.to_owned() })
                .collect()
        }))
        .collect()
}

/// Whether a headerless body's first row happens to name columns (then it is read as
/// a header, as a person pasting a header would mean).
fn columns_named_by(body: &str) -> bool {
    let first = body.split('\n').next().unwrap_or_default();
    first
        .split('\t')
        .filter(|c| !c.trim().is_empty())
        .all(|c| csv::Column::named(c.trim_matches('"')).is_some())
}

fn schema_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: serde_json::Value = serde_json::from_str(&json::schema()).unwrap();
        jsonschema::validator_for(&schema).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn csv_into_its_own_journey_changes_nothing(journey in journey()) {
        let sheet = csv::to_csv(&journey);
        let mut merged = journey.clone();
        let report = csv::import_into(&mut merged, &sheet).unwrap();
        prop_assert_eq!(&merged, &journey, "sheet:\n{}", sheet);
        prop_assert!(report.new_entries.is_empty());
    }

    #[test]
    fn csv_starts_a_new_journey_with_every_field_it_carries(journey in journey()) {
        let sheet = csv::to_csv(&journey);
        let (new, report) = csv::new_from_csv(&sheet, &journey.title, journey.language).unwrap();
        prop_assert!(journeymap::format::validate(&new).is_empty());
        prop_assert_eq!(without_evidence(&csv::to_csv(&new)), without_evidence(&sheet));
        let links = journey.touchpoints.iter().filter(|t| !t.evidence.is_empty()).count();
        prop_assert_eq!(report.warnings.len(), links, "each dropped link is named");
    }

    #[test]
    fn copied_rows_pasted_back_change_nothing(journey in journey(), picks in proptest::collection::vec(any::<bool>(), 10), columns in proptest::sample::subsequence(csv::ALL_COLUMNS.to_vec(), 1..csv::ALL_COLUMNS.len())) {
        let rows: Vec<&Touchpoint> = journey
            .touchpoints
            .iter()
            .zip(picks.iter().cycle())
            .filter(|(_, pick)| **pick)
            .map(|(t, _)| t)
            .collect();
        // The table copies the id with the visible columns; the aligned opportunity
        // columns need their ideas.
        let mut columns = columns;
        columns.retain(|c| *c != csv::Column::Id);
        columns.insert(0, csv::Column::Id);
        let aligned = [
            csv::Column::OpportunityOwners,
            csv::Column::OpportunityStatuses,
            csv::Column::ExpectedEffects,
        ];
        if columns.iter().any(|c| aligned.contains(c)) && !columns.contains(&csv::Column::Opportunities) {
            columns.push(csv::Column::Opportunities);
        }
        let sheet = csv::to_tsv(&journey, &rows, &columns);
        let plan = csv::plan(&journey, &sheet, &csv::Options::default()).unwrap();
        prop_assert_eq!(&plan.journey, &journey, "sheet:\n{}", sheet);
        prop_assert!(plan.added.is_empty() && plan.updated.is_empty());
        prop_assert!(plan.report.matches.is_empty() && plan.report.new_entries.is_empty());
        // Without the header, in the same column order: the same.
        let body = sheet.split_once('\n').map_or("", |(_, b)| b);
        let options = csv::Options { columns_without_header: Some(columns.clone()), ..csv::Options::default() };
        if !body.trim().is_empty() && !columns_named_by(body) {
            let plan = csv::plan(&journey, body, &options).unwrap();
            prop_assert_eq!(&plan.journey, &journey, "body:\n{}", body);
        }
    }

    #[test]
    fn the_step_between_two_journeys_goes_and_comes_back(a in journey(), b in journey()) {
        let mut work = a.clone();
        let inverse = Edit::between(&a, &b).apply(&mut work).unwrap();
        prop_assert_eq!(&work, &b);
        inverse.apply(&mut work).unwrap();
        prop_assert_eq!(&work, &a);
        // A sheet merged in is the same journey whether applied directly or as a step.
        let sheet = csv::to_csv(&b);
        if let Ok(plan) = csv::plan(&a, &sheet, &csv::Options::default()) {
            let mut stepped = a.clone();
            Edit::between(&a, &plan.journey).apply(&mut stepped).unwrap();
            prop_assert_eq!(stepped, plan.journey);
        }
    }

    #[test]
    fn csv_cells_never_start_a_formula(journey in journey()) {
        let sheet = csv::to_csv(&journey);
        for record in without_evidence(&sheet) {
            for cell in record {
                let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
                prop_assert!(!risky || cell.parse::<f64>().is_ok(), "{:?}", cell);
            }
        }
    }

    #[test]
    fn mermaid_keeps_every_card_stage_and_score(journey in journey()) {
        let diagram = mermaid::to_mermaid(&journey);
        let back = mermaid::from_mermaid(&diagram, journey.language).unwrap();
        prop_assert_eq!(mermaid_cards(&back), mermaid_cards(&journey), "diagram:\n{}", diagram);
        prop_assert_eq!(&back.title, &journey.title);
        for (old, new) in journey.touchpoints.iter().zip(&back.touchpoints) {
            let name = |j: &Journey, t: &Touchpoint| {
                t.department.as_ref().and_then(|d| j.department(d)).map(|d| d.name.clone())
            };
            if let Some(department) = name(&journey, old) {
                prop_assert_eq!(name(&back, new), Some(department));
            }
        }
    }

    #[test]
    fn json_is_the_identity_and_what_the_schema_accepts_imports(journey in journey()) {
        let text = json::to_json(&journey);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert!(schema_validator().is_valid(&value));
        let back = json::from_json(&text).unwrap();
        let canonical = journeymap::format::to_text(&back).unwrap();
        let loaded = journeymap::format::parse(&canonical).err();
        prop_assert!(loaded.is_none(), "it loads: {:?}", loaded);
        prop_assert_eq!(back, journey);
    }
}

/// A generated journey with a blueprint: steps behind its cards with hostile titles,
/// descriptions and actor names, durations, fail points.
fn journey_with_steps() -> impl Strategy<Value = Journey> {
    (
        journey(),
        proptest::collection::vec(
            (
                hostile(),
                maybe_hostile(),
                0..3usize,
                hostile(),
                0..200u32,
                0..4usize,
                any::<bool>(),
            ),
            0..12,
        ),
    )
        .prop_map(|(mut journey, steps)| {
            for (n, (title, description, lane, actor, amount, unit, fail)) in
                steps.into_iter().enumerate()
            {
                let Some(tp) = journey
                    .touchpoints
                    .get(n % journey.touchpoints.len().max(1))
                    .cloned()
                else {
                    break;
                };
                // One actor per distinct name (ids from the name, as the sheet makes them).
                let name = format!("Actor· {}", actor.trim());
                let actor_id = match journey.actors.iter().find(|a| a.name == name) {
                    Some(a) => a.id.clone(),
                    None => {
                        let id = journey.new_actor_id(&name);
                        journey.actors.push(Actor {
                            id: id.clone(),
                            name,
                            kind: ActorKind::Staff,
                            colour: Rgb::hex(0x4e79a7),
                        });
                        id
                    }
                };
                let mut step = Step::new(
                    StepId(format!("st-{}", n + 1)),
                    tp.stage,
                    BlueprintLane::ALL[lane],
                    title,
                );
                step.description = description;
                step.actor = Some(actor_id);
                step.serves = vec![tp.id.clone()];
                step.duration = Some(Duration {
                    amount: f64::from(amount),
                    unit: TimeUnit::ALL[unit],
                });
                step.fail_point = fail;
                journey.steps.push(step);
            }
            journey.normalize();
            journey
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_steps_sheet_into_a_journey_without_steps_gives_them_back(journey in journey_with_steps()) {
        let sheet = journeymap::interchange::steps::to_csv(&journey);
        let mut bare = journey.clone();
        bare.steps.clear();
        let report = journeymap::interchange::steps::import_into(&mut bare, &sheet).unwrap();
        prop_assert_eq!(&bare, &journey, "sheet:\n{}", sheet);
        prop_assert!(report.new_actors.is_empty());
        prop_assert_eq!(report.added.len(), journey.steps.len());
        // And into itself it changes nothing.
        let mut same = journey.clone();
        journeymap::interchange::steps::import_into(&mut same, &sheet).unwrap();
        prop_assert_eq!(&same, &journey);
    }

    #[test]
    fn json_and_the_file_carry_the_blueprint_whole(journey in journey_with_steps()) {
        let text = json::to_json(&journey);
        prop_assert_eq!(&json::from_json(&text).unwrap(), &journey);
        let ron = journeymap::format::to_text(&journey).unwrap();
        prop_assert_eq!(&journeymap::format::parse(&ron).unwrap().journey, &journey);
        // Mermaid leaves the steps out and says so; its cards round-trip as before.
        let diagram = mermaid::to_mermaid(&journey);
        prop_assert_eq!(journey.steps.is_empty(), !diagram.contains("blueprint"));
    }
}
