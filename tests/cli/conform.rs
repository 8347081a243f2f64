//! `conform` and `generate-log`: a map measured against event logs whose truth is
//! known (each deviation alone and all together, grouped by case and sorted by time,
//! CSV and XES), the numbers put on the map as evidence (twice is once, drawn, aged by
//! `check --stale`, suggesting grey areas) and bad logs refused at their line with
//! nothing written.

use journeymap::interchange::eventlog::Conformance;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for a in args {
        command.arg(a);
    }
    command.output().unwrap()
}

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name)
}

fn read_json(path: &Path) -> Conformance {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Generates a log of `map` with `rates` (flag value pairs), measures it with
/// `--cases`, and gives the numbers found and the generator's truth.
fn measured(
    dir: &Path,
    map: &Path,
    log: &str,
    extra: &[&str],
    rates: &[(&str, &str)],
) -> (Conformance, Conformance) {
    let log = dir.join(log);
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"generate-log", &map, &"-o", &log];
    for a in &["--cases", "600", "--seed", "7"] {
        args.push(a);
    }
    for a in extra {
        args.push(a);
    }
    for (flag, value) in rates {
        args.push(flag);
        args.push(value);
    }
    ok(&journeymap(&args));
    let out = dir.join("out.json");
    ok(&journeymap(&[
        &"conform", &map, &log, &"-o", &out, &"--cases",
    ]));
    let mut truth = log.clone().into_os_string();
    truth.push(".truth.json");
    (read_json(&out), read_json(Path::new(&truth)))
}

#[test]
fn every_number_equals_the_truth_for_each_deviation_alone_and_all_together() {
    let dir = tempfile::tempdir().unwrap();
    let all = [
        ("--ad-hoc", "0.15"),
        ("--missing", "0.15"),
        ("--failing", "15%"),
        ("--out-of-order", "0.15"),
        ("--drop", "0.2"),
    ];
    for map in [
        example("online-order-delivery-return.ron"),
        example("broadband-onboarding-planned-vs-actual.ron"),
    ] {
        let mut runs: Vec<Vec<(&str, &str)>> = all.iter().map(|r| vec![*r]).collect();
        runs.push(all.to_vec());
        for rates in &runs {
            let (found, truth) = measured(dir.path(), &map, "log.csv", &[], rates);
            assert_eq!(found, truth, "{} with {rates:?}", map.display());
            // The deviation asked for is there, and no other.
            for (flag, _) in rates {
                let key = flag.trim_start_matches("--");
                if key != "drop" {
                    assert!(found.deviations[key] > 40, "{key}: {:?}", found.deviations);
                }
            }
            if rates.len() == 1 && rates[0].0 != "--drop" {
                let key = rates[0].0.trim_start_matches("--");
                let others: u64 = found
                    .deviations
                    .iter()
                    .filter(|(k, _)| *k != key)
                    .map(|(_, v)| v)
                    .sum();
                assert_eq!(others, 0, "{key} alone: {:?}", found.deviations);
            }
        }
        // Dropping is seen stage by stage, and ages into dropped or in flight.
        let (found, _) = measured(dir.path(), &map, "log.csv", &[], &[("--drop", "0.3")]);
        let dropped: u64 = found.stages.iter().map(|s| s.dropped).sum();
        let flight: u64 = found.stages.iter().map(|s| s.in_flight).sum();
        assert!(dropped > 100 && flight > 0, "{:?}", found.stages);
        assert_eq!(found.conformance.dropped, dropped);
    }
}

#[test]
fn a_log_of_the_planned_journey_is_wholly_conformant_in_any_order_and_form() {
    let dir = tempfile::tempdir().unwrap();
    let map = example("online-order-delivery-return.ron");
    let (csv, truth) = measured(dir.path(), &map, "plan.csv", &[], &[]);
    assert_eq!(csv, truth);
    assert_eq!(csv.conformance.conformant, 600);
    assert_eq!(csv.cases, 600);
    assert!(csv.unmapped.is_empty());
    assert!(csv.deviations.values().all(|v| *v == 0));
    assert!(
        csv.elements
            .iter()
            .all(|e| e.cases == 600 && e.share == 1.0)
    );
    // Steps with a time standard say how often they take longer.
    assert!(csv.elements.iter().any(|e| e.over_standard.is_some()));
    let rates = [
        ("--ad-hoc", "0.1"),
        ("--missing", "0.1"),
        ("--failing", "0.1"),
        ("--out-of-order", "0.1"),
        ("--drop", "0.1"),
    ];
    let (grouped, _) = measured(dir.path(), &map, "all.csv", &[], &rates);
    let (by_time, truth) = measured(dir.path(), &map, "time.csv", &["--by-time"], &rates);
    assert_eq!(by_time, truth);
    let (xes, truth) = measured(dir.path(), &map, "all.xes", &[], &rates);
    assert_eq!(xes, truth);
    // The same log in three shapes: the same JSON.
    assert_eq!(grouped, by_time);
    assert_eq!(grouped, xes);
    // The JSON's documented keys.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
            .unwrap();
    for key in [
        "cases",
        "events",
        "unmapped",
        "elements",
        "stages",
        "deviations",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    for key in [
        "ref",
        "cases",
        "share",
        "p50_minutes",
        "p90_minutes",
        "over_standard",
    ] {
        assert!(json["elements"][0].get(key).is_some(), "{key}");
    }
    for key in ["ad-hoc", "missing", "failing", "out-of-order"] {
        assert!(json["deviations"].get(key).is_some(), "{key}");
    }
    for key in ["stage", "entered", "dropped", "in_flight"] {
        assert!(json["stages"][0].get(key).is_some(), "{key}");
    }
}

/// A map with a stage of two parallel steps and a flow: the plan's partial order.
fn parallel_map(dir: &Path) -> PathBuf {
    let text = r#"(
    version: 3,
    title: "Parallel",
    touchpoints: [
        (id: "tp-1", stage: Action, title: "Order"),
        (id: "tp-2", stage: Action, title: "Pay"),
        (id: "tp-3", stage: Usage, title: "Receive"),
    ],
    steps: [
        (id: "st-1", stage: Action, lane: Backstage, title: "Pick"),
        (id: "st-2", stage: Action, lane: Backstage, title: "Check credit"),
        (id: "st-3", stage: Action, lane: Support, title: "Pack", after: ["st-1"]),
    ],
)
"#;
    let path = dir.join("parallel.ron");
    std::fs::write(&path, text).unwrap();
    path
}

fn log(dir: &Path, name: &str, rows: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut text = String::from("case,activity,timestamp,outcome\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn conform_json(map: &Path, log: &Path, extra: &[&str]) -> Conformance {
    let out = log.with_extension("json");
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"conform", &map, &log, &"-o", &out];
    for a in extra {
        args.push(a);
    }
    ok(&journeymap(&args));
    read_json(&out)
}

#[test]
fn parallel_branches_are_never_out_of_order_and_a_flow_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let map = parallel_map(dir.path());
    let log = log(
        dir.path(),
        "p.csv",
        &[
            // Steps of no flow in either order; the pack after its pick.
            "a,Order,2026-01-01T10:00:00Z,",
            "a,Check credit,2026-01-01T10:05:00Z,",
            "a,Pick,2026-01-01T10:06:00Z,",
            "a,Pack,2026-01-01T10:20:00Z,",
            "a,Pay,2026-01-01T10:30:00Z,",
            "a,Receive,2026-01-03T10:30:00Z,",
            // Pack before pick: against the flow. Times out of line within the case.
            "b,Receive,2026-01-05T09:00:00+01:00,",
            "b,Order,2026-01-01T11:00:00Z,",
            "b,Pack,2026-01-01T11:05:00Z,",
            "b,Pick,2026-01-01T11:06:00Z,",
            "b,Check credit,2026-01-01T11:07:00Z,",
            "b,Pay,2026-01-01T11:30:00Z,failed",
            // Receive without paying: missing; a call the plan does not have.
            "c,Order,2026-01-02T10:00:00Z,",
            "c,Called the shop,2026-01-02T10:10:00Z,",
            "c,Receive,2026-01-04T10:00:00Z,",
        ],
    );
    let numbers = conform_json(&map, &log, &["--cases", "--inactive", "0 d"]);
    assert_eq!(numbers.conformance.dropped, 0, "every case reached the end");
    let verdict = |case: &str| {
        numbers
            .per_case
            .iter()
            .find(|c| c.case == case)
            .unwrap()
            .clone()
    };
    assert_eq!(verdict("a").verdict, "conformant", "{numbers:#?}");
    assert_eq!(verdict("b").deviations, ["failing", "out-of-order"]);
    assert_eq!(verdict("c").deviations, ["ad-hoc", "missing"]);
    assert_eq!(numbers.unmapped[0].activity, "Called the shop");
    // Case b's times, in its own order: the pay 23 min after the credit check.
    let pay = numbers
        .elements
        .iter()
        .find(|e| e.reference == "tp-2")
        .unwrap();
    assert_eq!(pay.cases, 2);
    assert_eq!(pay.p90_minutes, Some(23.0));
    assert_eq!(pay.p50_minutes, Some(10.0));
}

#[test]
fn a_mapping_sheet_names_activities_and_the_rest_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let map = parallel_map(dir.path());
    let sheet = dir.path().join("mapping.csv");
    std::fs::write(
        &sheet,
        "activity,element\nORDER_CREATED,tp-1\nPAYMENT_OK,tp-2\n",
    )
    .unwrap();
    let log = log(
        dir.path(),
        "m.csv",
        &[
            "x,ORDER_CREATED,2026-01-01T10:00:00Z,",
            "x,PAYMENT_OK,2026-01-01T10:03:00Z,",
            "x,tp-3,2026-01-02T10:00:00Z,",
            "x,NEWSLETTER_OPENED,2026-01-02T11:00:00Z,",
        ],
    );
    let numbers = conform_json(&map, &log, &["--mapping", sheet.to_str().unwrap()]);
    let by: Vec<(&str, &str, &str)> = numbers
        .mapped
        .iter()
        .map(|m| (m.activity.as_str(), m.reference.as_str(), m.by.as_str()))
        .collect();
    assert_eq!(
        by,
        [
            ("ORDER_CREATED", "tp-1", "sheet"),
            ("PAYMENT_OK", "tp-2", "sheet"),
            ("tp-3", "tp-3", "id"),
        ]
    );
    assert_eq!(numbers.unmapped.len(), 1);
    assert_eq!(numbers.unmapped[0].activity, "NEWSLETTER_OPENED");
    // A sheet naming what the map does not have is an error at its line.
    std::fs::write(&sheet, "activity,element\nA,tp-1\nB,tp-99\n").unwrap();
    let output = journeymap(&[&"conform", &map, &log, &"--mapping", &sheet]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("mapping.csv:3:1: \"tp-99\" is not a touchpoint or step"),
        "{stderr}"
    );
}

#[test]
fn bad_logs_are_refused_at_their_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let map = parallel_map(dir.path());
    let before = std::fs::read(&map).unwrap();
    let refused = |log: &Path, extra: &[&str], expected: &str| {
        let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> =
            vec![&"conform", &map, &log, &"--into", &map];
        for a in extra {
            args.push(a);
        }
        let output = journeymap(&args);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!output.status.success(), "{expected}: {stderr}");
        assert!(stderr.contains(expected), "{expected}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(std::fs::read(&map).unwrap(), before, "the map is untouched");
    };
    let bad_time = log(
        dir.path(),
        "bad.csv",
        &[
            "a,Order,2026-01-01T10:00:00Z,",
            "a,Pay,yesterday,",
            "a,Receive,2026-02-30,",
        ],
    );
    refused(&bad_time, &[], "bad.csv:3:7: \"yesterday\" is not a time");
    // With --skip-bad the bad rows are counted and the rest measured.
    let out = dir.path().join("skipped.json");
    let output = journeymap(&[&"conform", &map, &bad_time, &"--skip-bad", &"-o", &out]);
    let stderr = ok(&output);
    assert!(stderr.contains("2 bad rows skipped"), "{stderr}");
    assert_eq!(read_json(&out).events, 1);
    let no_time = dir.path().join("cols.csv");
    std::fs::write(&no_time, "case,activity,when\na,Order,2026-01-01\n").unwrap();
    refused(
        &no_time,
        &[],
        "cols.csv:1:1: the log has no `timestamp` column",
    );
    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(
        &latin1,
        b"case,activity,timestamp\na,Direcci\xf3n,2026-01-01\n",
    )
    .unwrap();
    refused(
        &latin1,
        &[],
        "latin1.csv:2:1: the activity is not UTF-8 text",
    );
    // Neither grouped by case nor sorted by time: refused with the sort that fixes it.
    let tangled = log(
        dir.path(),
        "tangled.csv",
        &[
            "a,Order,2026-01-01T10:00:00Z,",
            "b,Order,2026-01-01T11:00:00Z,",
            "a,Pay,2026-01-01T09:00:00Z,",
        ],
    );
    refused(&tangled, &[], "tangled.csv:4:1: case \"a\" comes back");
    let xes = dir.path().join("broken.xes");
    std::fs::write(
        &xes,
        "<log>\n<trace><string key=\"concept:name\" value=\"a\"/>\n<event>\n<string key=\"concept:name\" value=\"Order\"/>\n<date key=\"time:timestamp\" value=\"soon\"/>\n</event></trace></log>\n",
    )
    .unwrap();
    refused(&xes, &[], "broken.xes:3:1: \"soon\" is not a time");
    // A FIFO is refused without being opened (opening it would wait for a writer).
    let fifo = dir.path().join("pipe.csv");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    refused(&fifo, &[], "not a regular file");
    refused(Path::new("/dev/zero.csv"), &[], "cannot read");
}

#[test]
fn numbers_go_on_the_map_as_evidence_once_however_often_it_runs() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    std::fs::copy(example("online-order-delivery-return.ron"), &map).unwrap();
    let log = dir.path().join("orders.csv");
    ok(&journeymap(&[
        &"generate-log",
        &map,
        &"-o",
        &log,
        &"--cases",
        &"400",
        &"--drop",
        &"0.3",
    ]));
    ok(&journeymap(&[
        &"conform", &map, &log, &"--into", &map, &"--drop", &"5%",
    ]));
    let once = std::fs::read_to_string(&map).unwrap();
    ok(&journeymap(&[
        &"conform", &map, &log, &"--into", &map, &"--drop", &"5%",
    ]));
    assert_eq!(
        std::fs::read_to_string(&map).unwrap(),
        once,
        "twice is once"
    );
    let journey = journeymap::format::load(&map).unwrap().journey;
    let items: Vec<_> = journey
        .evidence
        .iter()
        .filter(|e| e.id.as_str().starts_with("ev-log-orders-"))
        .collect();
    let planned = journey.touchpoints.len() + journey.steps.len();
    assert_eq!(items.len(), planned, "one item per element");
    let sha = {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(std::fs::read(&log).unwrap());
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    for item in &items {
        assert_eq!(item.kind, journeymap::model::EvidenceKind::Metric);
        assert!(
            item.source.contains("orders.csv") && item.source.contains(&sha),
            "{}",
            item.source
        );
        assert!(item.source.contains("400 cases"), "{}", item.source);
        assert_eq!(item.date.len(), 10);
        assert!(
            item.metrics
                .iter()
                .any(|m| m.label == "reach" && m.scale == "%")
        );
        let element = item.id.as_str().trim_start_matches("ev-log-orders-");
        let linked = journey
            .touchpoints
            .iter()
            .map(|t| (t.id.as_str(), &t.evidence))
            .chain(journey.steps.iter().map(|s| (s.id.as_str(), &s.evidence)))
            .any(|(id, links)| id == element && links.contains(&item.id));
        assert!(linked, "{} is linked to its element", item.id);
    }
    // The numbers suggest grey areas where the cases drop off; nothing is written.
    assert!(
        items
            .iter()
            .any(|e| e.metrics.iter().any(|m| m.label == "drop-off"))
    );
    let suggested = journeymap::document::grey_area_suggestions(&journey);
    let flagged: Vec<_> = journey
        .touchpoints
        .windows(2)
        .filter(|w| journeymap::interchange::eventlog::evidence::flagged(&journey, &w[1].evidence))
        .map(|w| (w[0].id.clone(), w[1].id.clone()))
        .collect();
    assert!(!flagged.is_empty());
    for pair in &flagged {
        let marked = journey
            .grey_areas
            .iter()
            .any(|g| g.from == pair.0 && g.to == pair.1);
        assert!(marked || suggested.contains(pair), "{pair:?} is suggested");
    }
    // The items show on the picture: the evidence lane draws their metrics.
    let svg = dir.path().join("map.svg");
    ok(&journeymap(&[&"export", &map, &"-o", &svg]));
    let texts = crate::support::svg_texts(&std::fs::read_to_string(&svg).unwrap()).join(" ");
    assert!(texts.contains("reach"), "the log's evidence is drawn");
    // `check --stale` ages them by the log's last day.
    let output = journeymap(&[&"check", &"--stale", &"1d", &"--as-of", &"2030-01-01", &map]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    for item in &items {
        let warned = format!(
            "warning: evidence {}: dated {}, older than 1d",
            item.id, item.date
        );
        assert!(stdout.contains(&warned), "{warned}: {stdout}");
    }
    // And nothing else about them: linked, sized, dated.
    let output = journeymap(&[&"check", &map]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("ev-log-"), "{stdout}");
    // Another log of the same name replaces the items, never adds more.
    ok(&journeymap(&[
        &"generate-log",
        &map,
        &"-o",
        &log,
        &"--cases",
        &"50",
        &"--seed",
        &"9",
    ]));
    ok(&journeymap(&[&"conform", &map, &log, &"--into", &map]));
    let again = journeymap::format::load(&map).unwrap().journey;
    let count = again
        .evidence
        .iter()
        .filter(|e| e.id.as_str().starts_with("ev-log-orders-"))
        .count();
    assert_eq!(count, planned);
    assert!(again.evidence.iter().any(|e| e.source.contains("50 cases")));
}

#[test]
fn the_reports_draw_the_funnel_in_the_maps_language() {
    let dir = tempfile::tempdir().unwrap();
    let map = example("portabilidad-operador-movil.ron");
    let log = dir.path().join("porta.csv");
    ok(&journeymap(&[
        &"generate-log",
        &map,
        &"-o",
        &log,
        &"--cases",
        &"200",
        &"--drop",
        &"0.2",
    ]));
    let html = dir.path().join("r.html");
    let md = dir.path().join("r.md");
    ok(&journeymap(&[&"conform", &map, &log, &"-o", &html]));
    ok(&journeymap(&[&"conform", &map, &log, &"-o", &md]));
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(
        html.contains("Casos por etapa") && html.contains("<svg"),
        "Spanish, drawn"
    );
    assert!(html.contains("Content-Security-Policy"));
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(
        md.contains("## Casos por etapa") && md.contains("█"),
        "{md}"
    );
}
