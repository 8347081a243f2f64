//! A table of malformed journey files: each gives its specific message at the right
//! line and column, nothing panics, and `fmt` leaves the file on disk untouched.

use journeymap::format::{self, Level};

const BASE: &str = r##"Journey(
    version: 1,
    title: "T",
    channels: [
        Channel(
            id: "web",
            name: "Web",
            kind: Web,
            colour: "#ff0000",
        ),
    ],
    touchpoints: [
        Touchpoint(
            id: "tp-1",
            stage: Awareness,
            title: "A",
            channel: "web",
            emotion: Emotion(
                score: 1,
            ),
        ),
        Touchpoint(
            id: "tp-2",
            stage: Interest,
            title: "B",
        ),
    ],
    grey_areas: [
        GreyArea(
            id: "ga-1",
            from: "tp-1",
            to: "tp-2",
            kind: SystemGap,
            severity: High,
        ),
    ],
)
"##;

/// BASE with the first occurrence of `from` replaced by `to` (which must exist).
fn with(from: &str, to: &str) -> Vec<u8> {
    assert!(BASE.contains(from), "{from:?} not in BASE");
    BASE.replacen(from, to, 1).into_bytes()
}

struct Case {
    name: &'static str,
    input: Vec<u8>,
    line: usize,
    column: usize,
    message: &'static str,
}

fn case(
    name: &'static str,
    input: Vec<u8>,
    line: usize,
    column: usize,
    message: &'static str,
) -> Case {
    Case {
        name,
        input,
        line,
        column,
        message,
    }
}

fn cases() -> Vec<Case> {
    let evidence = |e: &str| {
        with(
            "    title: \"T\",\n",
            &format!("    title: \"T\",\n    evidence: [{e}],\n"),
        )
    };
    vec![
        case("empty file", vec![], 1, 1, "the file is empty"),
        case(
            "only whitespace",
            b"  \n\t\n".to_vec(),
            1,
            1,
            "the file is empty",
        ),
        case(
            "binary data",
            b"Journey(\x00\x01)".to_vec(),
            1,
            9,
            "binary data",
        ),
        case(
            "not UTF-8",
            b"Journey(\n  title: \"\xff\xfe\"\n)".to_vec(),
            2,
            11,
            "not UTF-8",
        ),
        case(
            "missing comma",
            with("title: \"T\",", "title: \"T\""),
            4,
            5,
            "Expected comma",
        ),
        case(
            "unclosed journey",
            BASE.trim_end().trim_end_matches(')').as_bytes().to_vec(),
            36,
            7,
            "Unexpected end of RON",
        ),
        case(
            "wrong struct name",
            with("Journey(", "Jorney("),
            1,
            1,
            "Expected struct `Journey` but found `Jorney`",
        ),
        case(
            "unknown field",
            with(
                "title: \"A\",",
                "title: \"A\",\n            colour: \"red\",",
            ),
            17,
            13,
            "Unexpected field named `colour` in `Touchpoint`",
        ),
        case(
            "missing field",
            with("            title: \"B\",\n", ""),
            25,
            9,
            "missing field named `title` in `Touchpoint`",
        ),
        case(
            "wrong type",
            with("score: 1,", "score: \"high\","),
            19,
            24,
            "Expected integer",
        ),
        case(
            "unknown stage",
            with("stage: Interest,", "stage: Interes,"),
            24,
            20,
            "Unexpected variant named `Interes` in enum `Stage`, expected one of `Awareness`",
        ),
        case(
            "unknown severity",
            with("severity: High,", "severity: Huge,"),
            34,
            23,
            "variant named `Huge` in enum `Severity`",
        ),
        case(
            "unknown channel kind",
            with("kind: Web,", "kind: Fax,"),
            8,
            19,
            "variant named `Fax` in enum `ChannelKind`",
        ),
        case(
            "duplicate id",
            with("id: \"tp-2\",", "id: \"tp-1\","),
            23,
            13,
            "duplicate touchpoint id tp-1",
        ),
        case(
            "an id two kinds share",
            with("id: \"ga-1\",", "id: \"tp-2\","),
            30,
            13,
            "grey area id tp-2 is also a touchpoint's: touchpoints, steps, grey areas, evidence and opportunities share one id space",
        ),
        case(
            "duplicate field",
            with("title: \"A\",", "title: \"A\",\n            title: \"A2\","),
            17,
            13,
            "duplicate field named `title`",
        ),
        case(
            "invalid id",
            with("id: \"tp-2\",", "id: \"TP 2\","),
            23,
            13,
            "touchpoint id \"TP 2\" is not valid",
        ),
        case(
            "dangling channel",
            with("channel: \"web\",", "channel: \"fax\","),
            17,
            13,
            "touchpoint tp-1 refers to channel \"fax\", which does not exist",
        ),
        case(
            "dangling grey area end",
            with("to: \"tp-2\",", "to: \"tp-9\","),
            32,
            13,
            "grey area ga-1 refers to touchpoint \"tp-9\"",
        ),
        case(
            "dangling evidence link",
            with(
                "title: \"B\",",
                "title: \"B\",\n            evidence: [\"ev-7\"],",
            ),
            26,
            13,
            "touchpoint tp-2 refers to evidence \"ev-7\"",
        ),
        case(
            "dangling opportunity target",
            with(
                "    grey_areas: [",
                "    opportunities: [Opportunity(id: \"op-1\", target: GreyArea(\"ga-9\"), idea: \"x\")],\n    grey_areas: [",
            ),
            28,
            45,
            "opportunity op-1 refers to grey area \"ga-9\"",
        ),
        case(
            "emotion off the scale",
            with("score: 1,", "score: 3,"),
            18,
            13,
            "emotion score 3 is outside the scale -2..2",
        ),
        case(
            "emotion overflows",
            with("score: 1,", "score: 300,"),
            19,
            24,
            "Integer is out of bounds",
        ),
        case(
            "grey area joins itself",
            with("to: \"tp-2\",", "to: \"tp-1\","),
            32,
            13,
            "joins touchpoint tp-1 to itself",
        ),
        case(
            "newer version",
            with("version: 1,", "version: 4,"),
            2,
            5,
            "format version 4, written by a newer journeymap",
        ),
        case(
            "version zero",
            with("version: 1,", "version: 0,"),
            2,
            5,
            "format version 0 does not exist",
        ),
        case(
            "missing version",
            with("    version: 1,\n", ""),
            36,
            1,
            "missing field named `version`",
        ),
        case(
            "merge conflict markers",
            with(
                "    title: \"T\",\n",
                "<<<<<<< HEAD\n    title: \"T\",\n=======\n    title: \"U\",\n>>>>>>> theirs\n",
            ),
            3,
            1,
            "unresolved merge conflict marker",
        ),
        case(
            "bad colour",
            with("#ff0000", "#zz0000"),
            9,
            22,
            "colour \"#zz0000\" is not of the form",
        ),
        case(
            "dangling department",
            with(
                "channel: \"web\",",
                "channel: \"web\",\n            department: \"legal\",",
            ),
            18,
            13,
            "touchpoint tp-1 refers to department \"legal\", which does not exist",
        ),
        case(
            "NPS off its scale",
            evidence(
                "Evidence(id: \"ev-1\", kind: Metric, text: \"x\", metric: Metric(name: Nps, value: 150.0))",
            ),
            4,
            62,
            "evidence ev-1: NPS 150 is outside -100..100",
        ),
        case(
            "attachment escapes the folder",
            evidence(
                "Evidence(id: \"ev-1\", kind: Photo, text: \"x\", attachments: [\"../../etc/passwd\"])",
            ),
            4,
            61,
            "points outside the journey's folder",
        ),
        case(
            "trailing characters",
            format!("{BASE})").into_bytes(),
            37,
            2,
            "trailing characters",
        ),
        case(
            "not a journey",
            b"[1, 2, 3]".to_vec(),
            1,
            1,
            "this is not a journey file: a journey file starts with `Journey(`",
        ),
    ]
}

#[test]
fn each_malformed_input_gets_its_message_at_its_position() {
    let cases = cases();
    assert!(cases.len() >= 20);
    let mut wrong = Vec::new();
    for Case {
        name,
        input,
        line,
        column,
        message,
    } in cases
    {
        let Err(errors) = format::parse_bytes(&input) else {
            wrong.push(format!("{name}: accepted"));
            continue;
        };
        let first = &errors[0];
        if first.level != Level::Error
            || !first.message.contains(message)
            || (first.line, first.column) != (line, column)
        {
            wrong.push(format!(
                "{name}: expected {line}:{column} {message:?}, got {}:{} {:?}",
                first.line, first.column, first.message
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_malformed_date_is_a_warning_not_an_error() {
    let text = String::from_utf8(with(
        "    title: \"T\",\n",
        "    title: \"T\",\n    date: \"yesterday\",\n",
    ))
    .unwrap();
    format::parse(&text).expect("loads");
    let diagnostics = format::check(&text);
    let date = diagnostics
        .iter()
        .find(|d| d.message.contains("date \"yesterday\""))
        .expect("warned");
    assert_eq!((date.level, date.line, date.column), (Level::Warning, 4, 5));
}

#[test]
fn the_base_case_is_valid() {
    format::parse(BASE).unwrap();
}

#[test]
fn errors_read_file_line_column_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, with("score: 1,", "score: 3,")).unwrap();
    let error = format::load(&path).unwrap_err();
    let text = error.to_string();
    assert_eq!(
        text,
        format!(
            "{}:18:13: error: touchpoint tp-1: emotion score 3 is outside the scale -2..2",
            path.display()
        )
    );
}

#[test]
fn fmt_leaves_a_malformed_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (index, Case { name, input, .. }) in cases().into_iter().enumerate() {
        let path = dir.path().join(format!("case-{index}.ron"));
        std::fs::write(&path, &input).unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .arg("fmt")
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("{}:", path.display())),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            input,
            "{name}: the file changed"
        );
    }
}

#[test]
fn check_reports_every_semantic_problem_in_one_pass() {
    // Five problems of different kinds in one hand-written file.
    let text = BASE
        .replacen(
            "    title: \"T\",\n",
            "    title: \"T\",\n    date: \"2026-02-31\",\n",
            1,
        )
        .replacen("channel: \"web\",", "channel: \"webb\",", 1)
        .replacen("score: 1,", "score: 7,", 1)
        .replacen("id: \"tp-2\",", "id: \"tp-1\",", 1)
        .replacen("to: \"tp-2\",", "to: \"tp-9\",", 1);
    let diagnostics = format::check(&text);
    let said: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
    for expected in [
        "warning: date \"2026-02-31\" is not a real date",
        "error: touchpoint tp-1 refers to channel \"webb\", which does not exist",
        "error: touchpoint tp-1: emotion score 7 is outside the scale",
        "error: duplicate touchpoint id tp-1",
        "error: grey area ga-1 refers to touchpoint \"tp-9\", which does not exist",
    ] {
        assert!(
            said.iter().any(|s| s.contains(expected)),
            "missing {expected:?} in {said:#?}"
        );
    }
    let positions: Vec<(usize, usize)> = diagnostics.iter().map(|d| (d.line, d.column)).collect();
    assert!(positions.is_sorted(), "sorted by position: {positions:?}");
}

#[test]
fn dates_are_real_calendar_dates() {
    for (date, valid) in [
        ("2026", true),
        ("2026-02", true),
        ("2024-02-29", true),
        ("2026-02-29", false),
        ("2026-02-31", false),
        ("2026-13", false),
        ("26-02-01", false),
    ] {
        assert_eq!(format::is_valid_date(date), valid, "{date}");
    }
}
