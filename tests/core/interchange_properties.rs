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
            date: "2026-11".into(),
            metrics: vec![Metric {
                name: MetricName::Nps,
                label: String::new(),
                value: f64::from(hundredths),
                scale: String::new(),
                sample_size: Some(10),
            }],
            ..Evidence::new("ev-1".into(), EvidenceKind::Metric, "NPS")
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
                    expected_effect: effect,
                    owner,
                    status: OpportunityStatus::ALL[status],
                    ..Opportunity::new(
                        OpportunityId(format!("op-{next_opportunity}")),
                        OpportunityTarget::Touchpoint(id.clone()),
                        idea,
                    )
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
        .all(|c| csv::column_named(c.trim_matches('"')).is_some())
}

/// The touchpoint sheet's column names, in export order.
fn csv_column_names() -> Vec<&'static str> {
    csv::columns().into_iter().map(|c| c.name).collect()
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
    fn copied_rows_pasted_back_change_nothing(journey in journey(), picks in proptest::collection::vec(any::<bool>(), 10), columns in proptest::sample::subsequence(csv_column_names(), 1..csv_column_names().len())) {
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
        columns.retain(|c| *c != "id");
        columns.insert(0, "id");
        let aligned = ["opportunity owners", "opportunity statuses", "expected effects"];
        if columns.iter().any(|c| aligned.contains(c)) && !columns.contains(&"opportunities") {
            columns.push("opportunities");
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
                (
                    hostile(),
                    maybe_hostile(),
                    0..3usize,
                    hostile(),
                    0..200u32,
                    0..4usize,
                    any::<bool>(),
                ),
                (
                    0..5usize,
                    proptest::option::of(0..1001u32),
                    maybe_hostile(),
                    0..3usize,
                    any::<bool>(),
                    0..4usize,
                ),
            ),
            0..12,
        ),
    )
        .prop_map(|(mut journey, steps)| {
            // Phases with words a sheet must carry whole (a formula's first character,
            // quotes, a tab, another script).
            const PHASES: [&str; 2] = ["=Pharmacy \"check\"", "Dispensación\t第二"];
            for (n, ((title, description, lane, actor, amount, unit, fail), more)) in
                steps.into_iter().enumerate()
            {
                let (wait, rate, seen, phase, follows, kind) = more;
                let Some(tp) = journey
                    .touchpoints
                    .get(n % journey.touchpoints.len().max(1))
                    .cloned()
                else {
                    break;
                };
                // One actor per distinct name (ids from the name, as the sheet makes them),
                // of any kind.
                let name = format!("Actor· {}", actor.trim());
                let actor_id = match journey.actors.iter().find(|a| a.name == name) {
                    Some(a) => a.id.clone(),
                    None => {
                        let id = journey.new_actor_id(&name);
                        journey.actors.push(Actor {
                            id: id.clone(),
                            name,
                            kind: ActorKind::ALL[kind],
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
                step.wait = (wait > 0).then(|| Duration {
                    amount: f64::from(amount) / 4.0,
                    unit: TimeUnit::ALL[wait - 1],
                });
                step.fail_point = fail;
                step.fail_rate = rate.map(|r| f64::from(r) / 10.0);
                step.physical_evidence = seen;
                if phase > 0 {
                    let name = PHASES[phase - 1];
                    let notes = journey.stages.entry(tp.stage).or_default();
                    if !notes.phases.iter().any(|p| p == name) {
                        notes.phases.push(name.to_owned());
                    }
                    step.phase = name.to_owned();
                }
                // The flow: after the step before (never a circle).
                if follows && n > 0 {
                    step.after = vec![StepId(format!("st-{n}"))];
                }
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

/// A journey with every kind a sheet holds: cards, steps, grey areas between
/// neighbours, evidence, opportunities on cards and on grey areas; hostile text.
fn full_journey() -> impl Strategy<Value = Journey> {
    (
        journey_with_steps(),
        proptest::collection::vec(
            (hostile(), maybe_hostile(), 0..8usize, 0..4usize, hostile()),
            0..6,
        ),
        proptest::collection::vec((hostile(), maybe_hostile(), 0..9usize), 0..5),
    )
        .prop_map(|(mut journey, greys, evidence)| {
            for (n, (text, source, kind)) in evidence.into_iter().enumerate() {
                journey.evidence.push(Evidence {
                    source,
                    confidence: Confidence::Inferred,
                    ..Evidence::new(
                        EvidenceId(format!("ev-{}", n + 2)),
                        EvidenceKind::ALL[kind % EvidenceKind::ALL.len()],
                        text,
                    )
                });
            }
            let count = journey.touchpoints.len();
            for (n, (title, fix, kind, severity, idea)) in greys.into_iter().enumerate() {
                if count < 2 {
                    break;
                }
                let from = journey.touchpoints[n % (count - 1)].id.clone();
                let to = journey.touchpoints[n % (count - 1) + 1].id.clone();
                let id = GreyAreaId(format!("ga-{}", n + 1));
                journey.grey_areas.push(GreyArea {
                    title,
                    kind: GreyAreaKind::ALL[kind % GreyAreaKind::ALL.len()],
                    severity: Severity::ALL[severity],
                    evidence: vec!["ev-1".into()],
                    fix,
                    ..GreyArea::new(id.clone(), End::Touchpoint(from), End::Touchpoint(to))
                });
                journey.opportunities.push(Opportunity {
                    status: OpportunityStatus::Testing,
                    value: Some(3),
                    ..Opportunity::new(
                        OpportunityId(format!("op-g{}", n + 1)),
                        OpportunityTarget::GreyArea(id),
                        idea,
                    )
                });
            }
            journey
        })
}

/// Every column of `kind`'s sheet, the whole list of that kind, written as the app
/// writes it (the table's copy, export).
fn whole_sheet(journey: &Journey, kind: ElementKind) -> String {
    use journeymap::interchange::sheet;
    let columns = journeymap::interchange::columns(kind);
    match kind {
        ElementKind::Touchpoint => csv::to_csv(journey),
        ElementKind::Step => journeymap::interchange::steps::to_csv(journey),
        ElementKind::Evidence => {
            let all: Vec<&Evidence> = journey.evidence.iter().collect();
            sheet::write(journey, &all, &columns, b'\t', &|_, _| String::new())
        }
        ElementKind::GreyArea => {
            let all: Vec<&GreyArea> = journey.grey_areas.iter().collect();
            sheet::write(journey, &all, &columns, b',', &|_, _| String::new())
        }
        _ => {
            let all: Vec<&Opportunity> = journey.opportunities.iter().collect();
            sheet::write(journey, &all, &columns, b'\t', &|_, _| String::new())
        }
    }
}

/// The ids of `kind` whose element differs between the two journeys (or is new).
fn changed_ids(before: &Journey, after: &Journey, kind: ElementKind) -> Vec<String> {
    struct Changed<'a>(&'a Journey, &'a Journey, Vec<String>);
    impl KindVisitor for Changed<'_> {
        fn visit<T: Item>(&mut self) {
            for element in T::list(self.1) {
                if self.0.item::<T>(element.id()) != Some(element) {
                    self.2.push(element.id().to_owned());
                }
            }
        }
    }
    let mut changed = Changed(before, after, Vec::new());
    with_kind(kind, &mut changed);
    changed.2
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_sheet_the_app_writes_reads_back_as_the_identity(journey in full_journey()) {
        for kind in journeymap::interchange::SHEET_KINDS {
            let sheet = whole_sheet(&journey, kind);
            let plan = journeymap::interchange::plan(kind, &journey, &sheet, &Default::default());
            let plan = plan.map_err(|e| TestCaseError::fail(format!("{kind:?} {e}\n{sheet}")))?;
            prop_assert_eq!(&plan.journey, &journey, "{:?} sheet:\n{}", kind, sheet);
            prop_assert!(plan.added.is_empty() && plan.updated.is_empty() && plan.cleared.is_empty());
            prop_assert!(plan.report.new_entries.is_empty(), "{:?}", plan.report);
        }
    }

    #[test]
    fn a_random_sheet_applies_with_every_change_listed_or_is_refused_at_its_line(
        journey in full_journey(),
        kind in 0..5usize,
        picks in proptest::collection::vec(any::<bool>(), 30),
        with_id in any::<bool>(),
        rows in proptest::collection::vec((0..20usize, proptest::collection::vec(maybe_hostile(), 30)), 1..5),
    ) {
        let kind = journeymap::interchange::SHEET_KINDS[kind];
        let names: Vec<&str> = journeymap::interchange::columns(kind)
            .iter()
            .map(|c| c.name)
            .filter(|n| *n != "id")
            .zip(picks.iter().cycle())
            .filter(|(_, pick)| **pick)
            .map(|(n, _)| n)
            .collect();
        prop_assume!(!names.is_empty());
        let ids = changed_ids(&Journey::new("", Language::En), &journey, kind);
        let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
        let mut header: Vec<&str> = names.clone();
        if with_id {
            header.insert(0, "id");
        }
        writer.write_record(&header).unwrap();
        for (pick, cells) in &rows {
            let mut record: Vec<String> = cells.iter().take(names.len()).cloned().collect();
            record.resize(names.len(), String::new());
            if with_id {
                let id = ids.get(*pick).cloned().unwrap_or_else(|| format!("new-{pick}"));
                record.insert(0, id);
            }
            writer.write_record(&record).unwrap();
        }
        let sheet = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        let lines = sheet.lines().count() as u64;
        match journeymap::interchange::plan(kind, &journey, &sheet, &Default::default()) {
            Err(error) => {
                prop_assert!((1..=lines).contains(&error.line), "{} of {} lines:\n{}", error, lines, sheet);
                prop_assert!(!error.message.is_empty());
            }
            Ok(plan) => {
                let listed: Vec<String> = plan
                    .added
                    .iter()
                    .chain(&plan.updated)
                    .map(|id| id.as_str().to_owned())
                    .collect();
                for id in changed_ids(&journey, &plan.journey, kind) {
                    prop_assert!(listed.contains(&id), "{} changed but the review does not list it:\n{}", id, sheet);
                }
                // Every field emptied is named.
                for id in &plan.updated {
                    let before = journey_value_count(&journey, kind, id.as_str());
                    let after = journey_value_count(&plan.journey, kind, id.as_str());
                    let cleared = plan.cleared.iter().filter(|(c, _)| c == id).count();
                    prop_assert!(before.saturating_sub(after) <= cleared, "{} lost {} fields, {} named", id.as_str(), before - after, cleared);
                }
                // New catalogue entries are the ones reported.
                let new_channels = plan.journey.channels.len() + plan.journey.departments.len() + plan.journey.actors.len()
                    - journey.channels.len() - journey.departments.len() - journey.actors.len();
                prop_assert_eq!(new_channels, plan.report.new_entries.len());
                prop_assert!(journeymap::format::validate(&plan.journey).is_empty());
            }
        }
    }
}

/// How many of the element's fields hold something.
fn journey_value_count(journey: &Journey, kind: ElementKind, id: &str) -> usize {
    struct Count<'a>(&'a Journey, &'a str, usize);
    impl KindVisitor for Count<'_> {
        fn visit<T: Item>(&mut self) {
            if let Some(element) = self.0.item::<T>(self.1) {
                self.2 = T::FIELDS
                    .iter()
                    .filter(|f| !(f.get)(element).is_empty())
                    .count();
            }
        }
    }
    let mut count = Count(journey, id, 0);
    with_kind(kind, &mut count);
    count.2
}
