//! The portfolio report over the examples and the templates in both languages: every
//! grey area's title in severity order (first seen in that list), a PDF poppler opens
//! and reads, Markdown tables whole, and a file that does not load listed, not fatal.

use journeymap::model::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

/// The examples and every template in both languages, in a folder with a broken file
/// and a link to a folder (not followed).
fn portfolio(dir: &Path) -> Vec<Journey> {
    let maps = dir.join("maps");
    std::fs::create_dir_all(maps.join("templates")).unwrap();
    let mut journeys = Vec::new();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys")).unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&path, maps.join(path.file_name().unwrap())).unwrap();
            journeys.push(journeymap::format::load(&path).unwrap().journey);
        }
    }
    for template in journeymap::templates::TEMPLATES {
        for language in [Language::En, Language::Es] {
            let journey = journeymap::templates::build(template, language);
            let path =
                maps.join("templates")
                    .join(format!("{}-{}.ron", template.key, language.key()));
            journeymap::format::save(&path, &journey).unwrap();
            journeys.push(journey);
        }
    }
    std::fs::write(maps.join("broken.ron"), "Journey(version: 2, title: ").unwrap();
    std::os::unix::fs::symlink(&maps, maps.join("loop")).unwrap();
    journeys
}

fn severity_order(journeys: &[Journey]) -> Vec<(Severity, String)> {
    let mut all: Vec<(Severity, String)> = journeys
        .iter()
        .flat_map(|j| {
            let i18n = journeymap::i18n::I18n::new(j.language);
            j.grey_areas
                .iter()
                .map(move |g| (g.severity, journeymap::words::grey_area_title(j, g, &i18n)))
        })
        .collect();
    all.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
    all
}

#[test]
fn the_report_ranks_every_grey_area_and_reads_as_pdf_and_markdown_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let journeys = portfolio(dir.path());
    let maps: PathBuf = dir.path().join("maps");
    let greys = severity_order(&journeys);
    assert!(greys.len() > 20);
    for (language, heading) in [
        ("en", "Grey areas, most severe first"),
        ("es", "Zonas grises, de la más grave a la menos"),
    ] {
        let md = dir.path().join(format!("report-{language}.md"));
        let output = journeymap(&[
            &"report",
            &maps,
            &"-o",
            &md,
            &"--language",
            &language,
            &"--no-history",
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("broken.ron: not in the report"), "{stderr}");
        assert!(
            stderr.contains(&format!("({} journeys)", journeys.len())),
            "{stderr}"
        );
        let text = std::fs::read_to_string(&md).unwrap();
        assert!(text.contains(heading));
        // The ranked list: every title, severity never rising, each first seen there.
        let start = text.find(heading).unwrap();
        let end = start + text[start..].find("\n## ").unwrap();
        let list = &text[start..end];
        let rows: Vec<&str> = list
            .lines()
            .filter(|l| l.starts_with("| ") && !l.contains("---"))
            .skip(1)
            .collect();
        assert_eq!(rows.len(), greys.len());
        let md_escape = journeymap::diff::escape_markdown;
        let mut last = usize::MAX;
        for (severity, title) in &greys {
            let escaped = md_escape(title);
            let at = list
                .find(&format!("| {escaped} |"))
                .unwrap_or_else(|| panic!("{title:?} in the list"));
            assert_eq!(
                text.find(&escaped),
                Some(start + at + 2),
                "{title:?} first appears in the list"
            );
            let _ = severity;
        }
        // Each row starts with the grey area's number, as its map shows it.
        for r in &rows {
            let number = r.split(" | ").next().unwrap().trim_start_matches("| ");
            assert!(number.parse::<usize>().is_ok_and(|n| n >= 1), "{r}");
        }
        let ranks: Vec<usize> = rows
            .iter()
            .map(|r| {
                let cell = r.split(" | ").nth(1).unwrap();
                [
                    "Critical", "High", "Medium", "Low", "Crítica", "Alta", "Media", "Baja",
                ]
                .iter()
                .position(|s| *s == cell)
                .map(|p| p % 4)
                .unwrap_or_else(|| panic!("{cell}"))
            })
            .collect();
        for r in ranks {
            assert!(last == usize::MAX || r >= last, "severity order");
            last = r;
        }
        // Markdown tables hold: every row has its header's cells (pipes escaped in text).
        for table in text
            .split("\n\n")
            .filter(|b| b.trim_start().starts_with('|'))
        {
            let cells = |l: &str| l.replace("\\|", "").matches('|').count();
            let lines: Vec<&str> = table.lines().filter(|l| l.starts_with('|')).collect();
            assert!(lines.iter().all(|l| cells(l) == cells(lines[0])), "{table}");
        }
        // The PDF opens with poppler and holds the ranked titles.
        let pdf = dir.path().join(format!("report-{language}.pdf"));
        let output = journeymap(&[
            &"report",
            &maps,
            &"-o",
            &pdf,
            &"--language",
            &language,
            &"--no-history",
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let info = Command::new("pdfinfo")
            .arg(&pdf)
            .output()
            .expect("pdfinfo (poppler-utils)");
        assert!(info.status.success());
        let pages: usize = String::from_utf8_lossy(&info.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap();
        assert!(pages >= 2);
        let words = Command::new("pdftotext")
            .arg("-raw")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let words = String::from_utf8_lossy(&words.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(words.contains(heading));
        let first_title = greys[0]
            .1
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(words.contains(&first_title), "{first_title}");
        // And the HTML page: nothing loaded from elsewhere.
        let html = dir.path().join(format!("report-{language}.html"));
        assert!(
            journeymap(&[
                &"report",
                &maps,
                &"-o",
                &html,
                &"--language",
                &language,
                &"--no-history"
            ])
            .status
            .success()
        );
        let page = std::fs::read_to_string(&html).unwrap();
        assert!(page.contains("default-src 'none'") && !page.contains("src=\"http"));
    }
}

#[test]
fn grey_areas_open_for_as_long_as_git_says() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir.path())
            .args(args)
            .env("GIT_AUTHOR_DATE", "2026-01-10T12:00:00")
            .env("GIT_COMMITTER_DATE", "2026-01-10T12:00:00")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["config", "user.name", "T"]);
    git(&["config", "user.email", "t@example.org"]);
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/broadband-onboarding-planned-vs-actual.ron");
    std::fs::copy(&source, dir.path().join("map.ron")).unwrap();
    git(&["add", "map.ron"]);
    git(&["commit", "-qm", "map"]);
    let md = dir.path().join("r.md");
    let output = journeymap(&[
        &"report",
        &dir.path().join("map.ron"),
        &"-o",
        &md,
        &"--language",
        &"en",
        &"--as-of",
        &"2026-03-01",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&md).unwrap();
    // 2026-01-10 to 2026-03-01: 50 days, for every grey area not resolved.
    let journey = journeymap::format::load(&source).unwrap().journey;
    let open = journey
        .grey_areas
        .iter()
        .filter(|g| g.status != GreyAreaStatus::Resolved)
        .count();
    assert_eq!(text.matches("| 50 days |").count(), open, "{text}");
}

#[test]
fn rated_opportunities_are_placed_on_the_value_effort_matrix_and_bad_ratings_refused() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let mut journey = journeymap::format::load(&source).unwrap().journey;
    let open: Vec<usize> = (0..journey.opportunities.len())
        .filter(|&i| {
            matches!(
                journey.opportunities[i].status,
                OpportunityStatus::Idea | OpportunityStatus::Testing
            )
        })
        .collect();
    assert!(open.len() >= 2);
    journey.opportunities[open[0]].value = Some(5);
    journey.opportunities[open[0]].effort = Some(1);
    journey.opportunities[open[1]].value = Some(2);
    journey.opportunities[open[1]].effort = Some(4);
    let map = dir.path().join("map.ron");
    journeymap::format::save(&map, &journey).unwrap();
    let text = std::fs::read_to_string(&map).unwrap();
    assert!(
        text.contains("value: 5,") && text.contains("effort: 1,"),
        "one line each"
    );
    let md = dir.path().join("r.md");
    assert!(
        journeymap(&[
            &"report",
            &map,
            &"-o",
            &md,
            &"--language",
            &"en",
            &"--no-history"
        ])
        .status
        .success()
    );
    let report = std::fs::read_to_string(&md).unwrap();
    let md_escape = journeymap::diff::escape_markdown;
    // The matrix's rows (after the grey areas' table, whose first column is their
    // numbers).
    let row = |value: u8| {
        report
            .lines()
            .rev()
            .find(|l| l.starts_with(&format!("| {value} |")))
            .unwrap()
            .to_owned()
    };
    // Value 5 row, effort 1 column; value 2 row, effort 4 column.
    let five: Vec<String> = row(5).split(" | ").map(str::to_owned).collect();
    assert!(
        five[1].contains(&md_escape(&journey.opportunities[open[0]].idea)),
        "{report}"
    );
    let two: Vec<String> = row(2).split(" | ").map(str::to_owned).collect();
    assert!(
        two[4].contains(&md_escape(&journey.opportunities[open[1]].idea)),
        "{report}"
    );
    let html = dir.path().join("r.html");
    assert!(
        journeymap(&[&"report", &map, &"-o", &html, &"--no-history"])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read_to_string(&html)
            .unwrap()
            .matches("<circle")
            .count(),
        2
    );
    // A rating outside 1..5 is an error at its line.
    std::fs::write(&map, text.replace("value: 5,", "value: 9,")).unwrap();
    let output = journeymap(&[&"check", &map]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("value 9 is outside 1..5"));
}

#[test]
fn with_a_shared_catalogue_the_seams_take_its_names() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let english = journeymap::format::load(&source).unwrap().journey;
    // The same department under another name in a second journey.
    let mut other = english.clone();
    other.title = "Second journey".into();
    other
        .departments
        .iter_mut()
        .find(|d| d.id.as_str() == "logistics")
        .unwrap()
        .name = "Logística".into();
    journeymap::format::save(&dir.path().join("a.ron"), &english).unwrap();
    journeymap::format::save(&dir.path().join("b.ron"), &other).unwrap();
    let mut shared = journeymap::catalogue::Catalogue::default();
    let mut logistics = english
        .departments
        .iter()
        .find(|d| d.id.as_str() == "logistics")
        .unwrap()
        .clone();
    logistics.name = "Logistics and delivery".into();
    shared.departments.push(logistics);
    let catalogue = dir.path().join("catalogue.ron");
    std::fs::write(&catalogue, journeymap::format::pretty(&shared).unwrap()).unwrap();
    let md = dir.path().join("r.md");
    let maps = [dir.path().join("a.ron"), dir.path().join("b.ron")];
    let output = journeymap(&[
        &"report",
        &maps[0],
        &maps[1],
        &"-o",
        &md,
        &"--language",
        &"en",
        &"--no-history",
        &"--catalogue",
        &catalogue,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&md).unwrap();
    let seams: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.contains("| department |")
                && (l.starts_with("| Logistics") || l.starts_with("| Logística"))
        })
        .collect();
    assert_eq!(seams.len(), 1, "one seam for both journeys: {seams:?}");
    assert!(
        seams[0].starts_with("| Logistics and delivery |"),
        "{seams:?}"
    );
}

#[test]
fn a_table_running_onto_more_pages_repeats_its_header_on_each() {
    use journeymap::report::Block;
    let rows: Vec<Vec<String>> = (0..150)
        .map(|n| {
            vec![
                format!("row {n}"),
                "a cell long enough to wrap across two lines of the column".to_owned(),
            ]
        })
        .collect();
    let blocks = vec![
        Block::Heading("Title".into()),
        Block::Table(vec!["Headerleft".into(), "Headerright".into()], rows),
    ];
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("t.pdf");
    std::fs::write(&pdf, journeymap::report::pdf(&blocks).unwrap()).unwrap();
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let pages: usize = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages >= 3, "{pages}");
    for page in 1..=pages {
        let text = Command::new("pdftotext")
            .args(["-f", &page.to_string(), "-l", &page.to_string(), "-raw"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(
            text.contains("Headerleft") && text.contains("Headerright"),
            "page {page}: {text}"
        );
    }
}
