//! The README and the docs stay true: every file or folder they name exists, every
//! link and picture resolves, every `journeymap` command and flag they show exists, and
//! every RON example passes `check` with no error.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README, ARCHITECTURE, CONTRIBUTING and everything in docs/.
fn documents() -> Vec<(PathBuf, String)> {
    let mut files: Vec<PathBuf> = ["README.md", "ARCHITECTURE.md", "CONTRIBUTING.md"]
        .iter()
        .map(|f| root().join(f))
        .collect();
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{f:?}: {e}"));
            (f, text)
        })
        .collect()
}

/// The fenced blocks of `language` in a markdown text.
fn blocks<'a>(text: &'a str, language: &str) -> Vec<&'a str> {
    let open = format!("```{language}\n");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        let body = &rest[start + open.len()..];
        let end = body.find("```").unwrap_or(body.len());
        out.push(&body[..end]);
        rest = &body[end..];
    }
    out
}

#[test]
fn the_readme_is_short_and_starts_with_the_two_commands() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let lines = readme.lines().count();
    assert!(lines <= 150, "README.md has {lines} lines");
    let first = blocks(&readme, "sh")[0];
    assert_eq!(
        first.trim(),
        "bash scripts/install-deps.sh && cargo run -- journeys/online-order-delivery-return.ron\ncargo test"
    );
}

#[test]
fn every_link_picture_and_named_path_exists() {
    let link = regex::Regex::new(r"\]\(([^)#\s]+)(#[^)]*)?\)").unwrap();
    let named = regex::Regex::new(
        r"`((?:src|crates|tests|benches|scripts|assets|journeys|docs|fuzz|\.ci)/[^`\s]*)`",
    )
    .unwrap();
    let mut missing = Vec::new();
    let mut checked = 0;
    for (file, text) in documents() {
        let folder = file.parent().unwrap();
        for capture in link.captures_iter(&text) {
            let target = &capture[1];
            if target.starts_with("http") || target.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            if !folder.join(target).exists() {
                missing.push(format!("{}: link {target}", file.display()));
            }
        }
        for capture in named.captures_iter(&text) {
            let path = capture[1].trim_end_matches(['.', ',', ':', ')']);
            // A glob names a folder's files: the folder exists and one file matches.
            let exists = match path.split_once('*') {
                Some((dir, _)) => root().join(dir).exists(),
                None => root().join(path).exists(),
            };
            checked += 1;
            if !exists {
                missing.push(format!("{}: path {path}", file.display()));
            }
        }
    }
    assert!(
        checked > 60,
        "only {checked} names found: the scan is broken"
    );
    assert!(missing.is_empty(), "{missing:#?}");
}

/// `journeymap SUB --help`, or None when SUB is not a command.
fn help(sub: &str) -> Option<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args([sub, "--help"])
        .output()
        .unwrap();
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn every_command_and_flag_shown_exists() {
    let mut wrong = Vec::new();
    let mut checked = 0;
    // Commands in running text too: `journeymap export … --page a3`.
    let inline = regex::Regex::new(r"`(journeymap [^`]+)`").unwrap();
    for (file, text) in documents() {
        let mut lines: Vec<&str> = blocks(&text, "sh")
            .into_iter()
            .flat_map(str::lines)
            .collect();
        let inline_lines: Vec<String> = inline
            .captures_iter(&text)
            .map(|c| c[1].to_owned())
            .collect();
        lines.extend(inline_lines.iter().map(String::as_str));
        for line in lines {
            let command = line.split('#').next().unwrap_or_default();
            let Some(rest) = command.trim().strip_prefix("journeymap ") else {
                continue;
            };
            let mut words = rest.split_whitespace();
            let Some(sub) = words.next() else { continue };
            if sub.starts_with('-') || sub.ends_with(".ron") || sub.contains('/') {
                continue; // `journeymap --version`, `journeymap FILE.ron`
            }
            checked += 1;
            let Some(help) = help(sub) else {
                wrong.push(format!("{}: no command `journeymap {sub}`", file.display()));
                continue;
            };
            for flag in words.filter(|w| w.starts_with("--")) {
                let flag = flag.split('=').next().unwrap_or(flag);
                if !help.contains(flag) {
                    wrong.push(format!(
                        "{}: `journeymap {sub}` has no {flag}",
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(
        checked > 20,
        "only {checked} commands found: the scan is broken"
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_ron_example_passes_check() {
    let mut checked = 0;
    for (file, text) in documents() {
        for (n, block) in blocks(&text, "ron").into_iter().enumerate() {
            checked += 1;
            if block.trim_start().starts_with("Catalogue(") {
                // A shared catalogue (docs/portfolio.md): it reads as one.
                journeymap::format::ron_options()
                    .from_str::<journeymap::catalogue::Catalogue>(block)
                    .unwrap_or_else(|e| panic!("{} RON example {}: {e}", file.display(), n + 1));
                continue;
            }
            let errors: Vec<String> = journeymap::format::check(block)
                .into_iter()
                .filter(|d| d.level == journeymap::format::Level::Error)
                .map(|d| d.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "{} RON example {}: {errors:#?}",
                file.display(),
                n + 1
            );
        }
    }
    assert!(checked >= 2);
}

#[test]
fn the_format_doc_names_every_field_of_the_model() {
    let format = std::fs::read_to_string(root().join("docs/format.md")).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&journeymap::interchange::json::schema()).unwrap();
    let mut fields: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    for definition in schema["$defs"].as_object().unwrap().values() {
        if let Some(properties) = definition["properties"].as_object() {
            fields.extend(properties.keys().cloned());
        }
    }
    assert!(fields.len() > 50, "{fields:?}");
    let missing: Vec<&String> = fields
        .iter()
        .filter(|f| !format.contains(&format!("`{f}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/format.md does not name {missing:?}"
    );
}

#[test]
fn the_docs_call_deviations_what_the_app_calls_them() {
    use journeymap::model::{Deviation, Language};
    let i18n = journeymap::i18n::I18n::new(Language::En);
    for doc in ["docs/editor.md", "docs/format.md"] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        for deviation in Deviation::ALL {
            let label = i18n.term("deviation", deviation.key());
            assert!(text.contains(&label), "{doc} does not say {label:?}");
        }
    }
}

#[test]
fn the_glossary_names_what_the_spanish_interface_shows() {
    use journeymap::model::{Deviation, Language, Stage};
    let glossary = std::fs::read_to_string(root().join("docs/glosario.md")).unwrap();
    let es = journeymap::i18n::I18n::new(Language::Es);
    for stage in Stage::ALL {
        let name = es.term("stage", stage.key());
        assert!(glossary.contains(&format!("| {name} |")), "{name}");
    }
    for deviation in Deviation::ALL {
        let name = es.term("deviation", deviation.key()).to_lowercase();
        assert!(glossary.contains(&name), "{name}");
    }
    for (former, _) in journeymap::i18n::FORMER_STAGE_NAMES {
        assert!(glossary.contains(former), "{former}");
    }
}
