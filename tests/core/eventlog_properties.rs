//! Event logs round-trip, by property: a map whose titles are hostile to CSV and XML
//! (separators, quotes, line breaks, markup, any Unicode XML can hold) is walked into
//! a log by the generator, written as CSV (grouped by case and sorted by time) and as
//! XES, read back through the streaming readers and measured: the numbers are the
//! generator's truth, every activity mapped by its title or id.

use journeymap::interchange::eventlog::generate::{self, Order, Rates};
use journeymap::interchange::eventlog::read::{LogFormat, ReadOptions, read_file};
use journeymap::interchange::eventlog::{Conformer, Options, Plan};
use journeymap::model::*;
use proptest::prelude::*;

fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 ,.:;#%\"'=+@<>&{}\\\\\\-\n\t]{1,30}",
        1 => Just("Sales, EMEA".to_owned()),
        1 => Just("\"quoted\", and \"\"doubled\"\"".to_owned()),
        1 => Just("two\r\nlines".to_owned()),
        1 => Just("</string><event>".to_owned()),
        1 => Just("&amp; &#10; ]]>".to_owned()),
        1 => Just("=HYPERLINK(\"http://evil\",\"x\")".to_owned()),
        1 => Just("  padded  ".to_owned()),
        1 => Just("Atención · 顧客 · 🚚".to_owned()),
        // XML 1.0 holds no control characters but tab and line breaks.
        1 => any::<String>().prop_map(|s| s
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
            .collect()),
    ]
}

fn journey(titles: &[(usize, String)], steps: &[(usize, String, Option<u8>)]) -> Journey {
    let mut journey = Journey::empty("Hostile", Language::En);
    for (i, (stage, title)) in titles.iter().enumerate() {
        journey.touchpoints.push(Touchpoint::new(
            TouchpointId(format!("tp-{}", i + 1)),
            Stage::ALL[*stage],
            title.clone(),
        ));
    }
    for (i, (stage, title, standard)) in steps.iter().enumerate() {
        let mut step = Step::new(
            StepId(format!("st-{}", i + 1)),
            Stage::ALL[*stage],
            BlueprintLane::Backstage,
            title.clone(),
        );
        step.time_standard = standard.map(|m| Duration {
            amount: f64::from(m),
            unit: TimeUnit::Min,
        });
        if i > 0 && steps[i - 1].0 == *stage {
            step.after.push(StepId(format!("st-{i}")));
        }
        journey.steps.push(step);
    }
    journey.normalize();
    journey
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        ..ProptestConfig::default()
    })]

    #[test]
    fn logs_round_trip_through_csv_and_xes_with_hostile_titles(
        titles in prop::collection::vec((0usize..6, hostile()), 1..7),
        steps in prop::collection::vec((0usize..6, hostile(), prop::option::of(1u8..90)), 0..4),
        seed in any::<u64>(),
    ) {
        let journey = journey(&titles, &steps);
        let plan = Plan::new(&journey, None).unwrap();
        let dir = tempfile::tempdir().unwrap();
        for (format, order, name) in [
            (LogFormat::Csv, Order::Case, "log.csv"),
            (LogFormat::Csv, Order::Time, "time.csv"),
            (LogFormat::Xes, Order::Case, "log.xes"),
        ] {
            let options = generate::Options {
                cases: 40,
                seed,
                rates: Rates {
                    ad_hoc: 0.2,
                    missing: 0.2,
                    failing: 0.2,
                    out_of_order: 0.2,
                    drop: 0.2,
                },
                format,
                order,
            };
            let (log, truth) = generate::generate(&journey, &options).unwrap();
            let path = dir.path().join(name);
            std::fs::write(&path, log).unwrap();
            let mut conformer = Conformer::new(&plan, Options { cases: true, ..Options::default() });
            read_file(&path, format, ReadOptions::default(), &mut |e| conformer.event(e)).unwrap();
            let found = conformer.finish().unwrap();
            prop_assert_eq!(&found, &truth, "{}", name);
            prop_assert_eq!(found.mapped.iter().map(|m| m.events).sum::<u64>()
                + found.unmapped.iter().map(|u| u.events).sum::<u64>(), found.events);
        }
    }
}
