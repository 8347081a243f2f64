//! The interface text: English and Spanish define the same messages with the same
//! variables and none is empty; every message the code asks for exists; and UI code
//! passes no hard-coded user-facing text to widgets.

use fluent_syntax::ast;
use journeymap::i18n::{I18n, ftl_source};
use journeymap::model::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Messages = BTreeMap<String, BTreeSet<String>>;

/// Message id -> the variables it uses.
fn messages(source: &str) -> Messages {
    let resource =
        fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let mut out = Messages::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let pattern = message
                .value
                .unwrap_or_else(|| panic!("{} has no value", message.id.name));
            let mut variables = BTreeSet::new();
            pattern_variables(&pattern, &mut variables);
            let text = format!("{pattern:?}");
            assert!(
                !pattern.elements.is_empty() && text.len() > 2,
                "{} is empty",
                message.id.name
            );
            assert!(
                out.insert(message.id.name.to_owned(), variables).is_none(),
                "{} twice",
                message.id.name
            );
        }
    }
    out
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn english_and_spanish_define_the_same_messages_with_the_same_variables() {
    let en = messages(ftl_source(Language::En));
    let es = messages(ftl_source(Language::Es));
    let only_en: Vec<_> = en.keys().filter(|k| !es.contains_key(*k)).collect();
    let only_es: Vec<_> = es.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty() && only_es.is_empty(),
        "only in en: {only_en:?}; only in es: {only_es:?}"
    );
    for (id, variables) in &en {
        assert_eq!(variables, &es[id], "{id} uses different variables");
    }
    assert!(en.len() > 150, "{} messages", en.len());
}

#[test]
fn every_vocabulary_term_is_translated() {
    let en = messages(ftl_source(Language::En));
    let mut wanted: Vec<String> = Vec::new();
    wanted.extend(Stage::ALL.iter().map(|k| format!("stage-{}", k.key())));
    wanted.extend(
        JourneyState::ALL
            .iter()
            .map(|k| format!("state-{}", k.key())),
    );
    wanted.extend(
        Language::ALL
            .iter()
            .map(|k| format!("language-{}", k.key())),
    );
    wanted.extend(
        ChannelKind::ALL
            .iter()
            .map(|k| format!("channel-kind-{}", k.key())),
    );
    wanted.extend(
        EvidenceKind::ALL
            .iter()
            .map(|k| format!("evidence-kind-{}", k.key())),
    );
    wanted.extend(
        Confidence::ALL
            .iter()
            .map(|k| format!("confidence-{}", k.key())),
    );
    wanted.extend(
        GreyAreaKind::ALL
            .iter()
            .map(|k| format!("grey-kind-{}", k.key())),
    );
    wanted.extend(
        Severity::ALL
            .iter()
            .map(|k| format!("severity-{}", k.key())),
    );
    wanted.extend(
        GreyAreaStatus::ALL
            .iter()
            .map(|k| format!("grey-status-{}", k.key())),
    );
    wanted.extend(
        OpportunityStatus::ALL
            .iter()
            .map(|k| format!("opportunity-status-{}", k.key())),
    );
    wanted.extend(
        MetricName::ALL
            .iter()
            .map(|k| format!("metric-{}", k.key())),
    );
    wanted.extend(
        journeymap::layout::Lane::ALL
            .iter()
            .map(|k| format!("lane-{}", k.key())),
    );
    wanted.extend((EMOTION_MIN..=EMOTION_MAX).map(|s| format!("emotion-score-{s}")));
    for command in journeymap::app::AppCommand::ALL {
        wanted.push(command.label_id().to_owned());
        wanted.push(command.tooltip_id());
    }
    let missing: Vec<_> = wanted.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(missing.is_empty(), "missing messages: {missing:?}");
}

fn source_files(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

fn ui_sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    source_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/app/src/app"),
        &mut files,
    );
    assert!(files.len() > 10);
    files
}

/// Kebab-case literals in the editor's code that are not message ids.
const NOT_MESSAGES: &[&str] = &[
    "inter-bold",          // a font family name
    "journeymap-settings", // the settings' storage key
    "grey-areas",          // the table of kinds' key (`kinds-grey-areas` is the message)
];

#[test]
fn every_message_the_code_asks_for_exists() {
    let en = messages(ftl_source(Language::En));
    // Every kebab-case string literal is a message id (tr, tr!, edit labels, ids
    // returned as reasons), a family passed to `term`, or named in NOT_MESSAGES.
    let id = regex::Regex::new(r#""([a-z][a-z0-9]*(?:-[a-z0-9]+)+)""#).unwrap();
    let family = regex::Regex::new(r#"term\(\s*"([a-z-]+)""#).unwrap();
    let mut sources = ui_sources();
    source_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/session/src/document"),
        &mut sources,
    );
    // The field labels of the table of kinds, and Find's.
    for file in [
        "crates/model/src/model/element.rs",
        "crates/model/src/model/fields.rs",
        "crates/model/src/model/search.rs",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        sources.push((file.to_owned(), std::fs::read_to_string(path).unwrap()));
    }
    // Unit tests at the end of a file use ids such as "tp-1", not messages.
    for (_, text) in &mut sources {
        if let Some(tests) = text.find("#[cfg(test)]") {
            text.truncate(tests);
        }
    }
    let families: BTreeSet<String> = sources
        .iter()
        .flat_map(|(_, text)| family.captures_iter(text).map(|c| c[1].to_owned()))
        .collect();
    let mut missing = BTreeSet::new();
    let mut checked = 0;
    for (file, text) in &sources {
        for capture in id.captures_iter(text) {
            let name = &capture[1];
            if families.contains(name) || NOT_MESSAGES.contains(&name) {
                continue;
            }
            checked += 1;
            if !en.contains_key(name) {
                missing.insert(format!("{file}: {name}"));
            }
        }
    }
    assert!(
        checked > 200,
        "only {checked} ids found: the pattern is broken"
    );
    assert!(
        missing.is_empty(),
        "message ids used in code but not defined: {missing:#?}"
    );
}

/// Widget calls whose first string literal argument holds words: user-facing text
/// that bypasses the message files. Returns the offending literals.
fn hard_coded_literals(line: &str) -> Vec<String> {
    let call = regex::Regex::new(
        r#"\b(label|button|small_button|heading|on_hover_text|link|checkbox|radio|selectable_label|colored_label|monospace|Button::new|RichText::new|Label::new|Window::new|CollapsingHeader::new|from_label|text_field|text_area|string_list|choice)\((?:[^()"]|\([^()]*\))*?"((?:[^"\\]|\\.)*)""#,
    )
    .unwrap();
    let placeholder = regex::Regex::new(r"\{[^}]*\}").unwrap();
    if line.trim_start().starts_with("//") {
        return Vec::new();
    }
    call.captures_iter(line)
        .map(|capture| placeholder.replace_all(&capture[2], "").into_owned())
        .filter(|literal| literal.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect()
}

#[test]
fn ui_code_passes_no_hard_coded_text_to_widgets() {
    let mut offenders = Vec::new();
    for (file, text) in ui_sources() {
        for (number, line) in text.lines().enumerate() {
            if !hard_coded_literals(line).is_empty() {
                offenders.push(format!("{file}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "user-facing literals must come from the message files:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_lint_catches_a_hard_coded_label() {
    // The check above must be able to fail: the same function on known offenders.
    for offender in [
        r#"if ui.button("Save").clicked() {"#,
        r#"ui.label(egui::RichText::new("Grey areas").strong());"#,
        r#"egui::Window::new("Export").show(ctx, |ui| {"#,
    ] {
        assert!(!hard_coded_literals(offender).is_empty(), "{offender}");
    }
    for fine in [
        r#"if ui.button(i18n.tr("cmd-save")).clicked() {"#,
        r#"ui.small_button("×")"#,
        r#"// ui.button("Save") in a comment"#,
    ] {
        assert!(hard_coded_literals(fine).is_empty(), "{fine}");
    }
}

#[test]
fn plurals_follow_the_language_rules() {
    let en = I18n::new(Language::En);
    let es = I18n::new(Language::Es);
    let one = journeymap::tr!(en, "grey-suggestions", count = 1);
    let many = journeymap::tr!(en, "grey-suggestions", count = 3);
    assert_eq!(
        (one.as_str(), many.as_str()),
        ("One suggested handoff", "3 suggested handoffs")
    );
    assert_eq!(
        journeymap::tr!(es, "grey-suggestions", count = 3),
        "3 traspasos sugeridos"
    );
    assert_eq!(es.term("stage", "advocacy"), "Recomendación");
    assert_eq!(es.term("stage", "awareness"), "Descubrimiento");
}

/// The `tr!` and `.tr(` calls of a source file: (message id, argument names).
fn message_calls(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut calls = Vec::new();
    let plain = regex::Regex::new(r#"\.tr\(\s*"([a-z][a-z0-9-]*)"\s*\)"#).unwrap();
    for capture in plain.captures_iter(text) {
        calls.push((capture[1].to_owned(), BTreeSet::new()));
    }
    let id = regex::Regex::new(r#"^\s*"([a-z][a-z0-9-]*)"\s*$"#).unwrap();
    let name = regex::Regex::new(r"^\s*([a-z_][a-z0-9_]*)\s*=").unwrap();
    for (start, _) in text.match_indices("tr!(") {
        // The call's arguments, split at top-level commas.
        let (mut depth, mut args, mut current) = (0usize, Vec::new(), String::new());
        let mut in_string = false;
        for c in text[start + 4..].chars() {
            match c {
                '"' => in_string = !in_string,
                '(' | '[' | '{' if !in_string => depth += 1,
                ')' | ']' | '}' if !in_string && depth == 0 => break,
                ')' | ']' | '}' if !in_string => depth -= 1,
                ',' if !in_string && depth == 0 => {
                    args.push(std::mem::take(&mut current));
                    continue;
                }
                _ => {}
            }
            current.push(c);
        }
        args.push(current);
        let Some(message) = args.get(1).and_then(|a| id.captures(a)) else {
            continue; // an id chosen at run time
        };
        let names = args[2..]
            .iter()
            .filter_map(|a| name.captures(a).map(|c| c[1].to_owned()))
            .collect();
        calls.push((message[1].to_owned(), names));
    }
    calls
}

#[test]
fn every_message_renders_whole_with_the_arguments_its_callers_pass() {
    // Each message, given every variable it uses, renders no placeable literally.
    for language in [Language::En, Language::Es] {
        let i18n = I18n::new(language);
        for (id, variables) in messages(ftl_source(language)) {
            let args: Vec<(&str, journeymap::i18n::FluentValue<'_>)> = variables
                .iter()
                .map(|v| (v.as_str(), journeymap::i18n::FluentValue::from(2)))
                .collect();
            let text = i18n.tr_args(&id, &args);
            assert!(
                !text.contains("{$") && !text.contains('{'),
                "{language:?} {id}: {text}"
            );
        }
    }
    // Each call site passes every variable its message uses.
    let en = messages(ftl_source(Language::En));
    let mut sources = Vec::new();
    for dir in ["src", "crates"] {
        source_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
            &mut sources,
        );
    }
    let mut missing = Vec::new();
    let mut checked = 0;
    for (file, text) in &sources {
        for (id, names) in message_calls(text) {
            let Some(variables) = en.get(&id) else {
                continue;
            };
            checked += 1;
            let absent: Vec<&String> = variables.difference(&names).collect();
            if !absent.is_empty() {
                missing.push(format!("{file}: {id} without {absent:?}"));
            }
        }
    }
    assert!(
        checked > 150,
        "only {checked} calls found: the scan is broken"
    );
    assert!(missing.is_empty(), "{missing:#?}");
}
