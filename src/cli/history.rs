//! `journeymap history FILE [-o history.svg|png|html]` and `journeymap blame FILE`.

use super::{BlameArgs, HistoryArgs, ReportArgs};
use crate::export::Picture;
use crate::history::{self, Counts, Versions};
use crate::i18n::I18n;
use crate::layout::{Point, Rect};
use crate::model::{Journey, OpportunityStatus, Rgb};
use crate::scene::{Align, Line, Paint, Shape, TextBox};
use anyhow::Context;
use std::process::ExitCode;

/// The language of the output: the journey's as it is now, else the system's.
fn language_of(file: &std::path::Path) -> crate::model::Language {
    crate::format::load(file)
        .map(|p| p.journey.language)
        .unwrap_or_else(|_| crate::i18n::system_language())
}

fn rows(versions: &Versions) -> Vec<(&history::Commit, Option<Counts>)> {
    versions
        .commits
        .iter()
        .map(|(c, j)| (c, j.as_ref().map(history::counts)))
        .collect()
}

pub fn run_history(args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    let versions = history::versions(&args.file)?;
    if let Some(cut) = versions.cut() {
        eprintln!("{}: {cut}", args.file.display());
    }
    let i18n = I18n::new(language_of(&args.file));
    let rows = rows(&versions);
    let statuses: Vec<String> = OpportunityStatus::ALL
        .iter()
        .map(|s| i18n.term("opportunity-status", s.key()))
        .collect();
    let mut out = String::new();
    out.push_str(&format!(
        "{}\n",
        [
            i18n.tr("history-commit"),
            i18n.tr("history-date"),
            i18n.tr("history-author"),
            i18n.tr("kinds-touchpoints"),
            i18n.tr("history-grey-open"),
            i18n.tr("history-grey-resolved"),
            statuses.join("/"),
            i18n.tr("history-mean-emotion"),
            i18n.tr("history-subject"),
        ]
        .join("\t")
    ));
    for (commit, counts) in &rows {
        let numbers = match counts {
            Some(c) => vec![
                c.touchpoints.to_string(),
                c.grey_open.to_string(),
                c.grey_resolved.to_string(),
                c.opportunities
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join("/"),
                c.mean_emotion
                    .map_or_else(|| "–".to_owned(), |m| format!("{m:+.2}")),
            ],
            None => vec![
                i18n.tr("history-unreadable"),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
        };
        let mut line = vec![
            commit.short.clone(),
            commit.date.clone(),
            commit.author.clone(),
        ];
        line.extend(numbers);
        line.push(commit.subject.clone());
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    print_all(&out);
    if let Some(output) = &args.output {
        let picture = picture(&versions, &rows, &i18n);
        let svg = picture.svg();
        let bytes = match output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("svg") => svg.into_bytes(),
            Some("png") => crate::export::svg_to_png(&svg, 2.0)?,
            Some("html" | "htm") => page(&svg, &rows, &i18n, &versions).into_bytes(),
            _ => anyhow::bail!(
                "{}: draw the history as .svg, .png or .html",
                output.display()
            ),
        };
        crate::format::write_output(output, &bytes)
            .with_context(|| format!("cannot write {}", output.display()))?;
        eprintln!("wrote {}", output.display());
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_blame(args: &BlameArgs) -> anyhow::Result<ExitCode> {
    let versions = history::versions(&args.file)?;
    if let Some(cut) = versions.cut() {
        eprintln!("{}: {cut}", args.file.display());
    }
    let current: Journey = crate::format::load(&args.file)?.journey;
    let i18n = I18n::new(current.language);
    let mut out = String::new();
    for blamed in history::blame(&versions, &current) {
        let commit = match &blamed.commit {
            Some(c) => format!("{}\t{}\t{}\t{}", c.short, c.date, c.author, c.subject),
            None => i18n.tr("blame-not-committed"),
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{commit}\n",
            i18n.term("element", blamed.kind.key()),
            blamed.id,
            blamed.name.replace(['\t', '\n'], " "),
        ));
    }
    print_all(&out);
    Ok(ExitCode::SUCCESS)
}

/// Standard output, all at once; a reader that stops early (`| head`) is no error.
fn print_all(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// One of the counts a line of the picture follows.
type Count = fn(&Counts) -> usize;

/// The picture's colours: the theme's roles, as every picture of the app.
struct Colours {
    ink: Rgb,
    muted: Rgb,
    rule: Rgb,
    /// Touchpoints, open grey areas, resolved ones, the mean emotion.
    series: [Rgb; 4],
}

fn colours() -> Colours {
    let theme = crate::theme::Theme::light();
    Colours {
        ink: theme.text,
        muted: theme.text_muted,
        rule: theme.lane_rule,
        series: [
            theme.selection,
            theme.pain_point,
            theme.opportunity,
            theme.emotion_line,
        ],
    }
}

fn text(pos: Point, text: String, size: f32, bold: bool, colour: Rgb, align: Align) -> Shape {
    Shape::Text(TextBox {
        pos,
        max_width: crate::text::width(&text, size, bold) + 2.0,
        text,
        size,
        bold,
        colour,
        max_lines: 1,
        align,
    })
}

/// The history drawn: touchpoints and grey areas (open, resolved) over the commits, and
/// the mean emotion under them; through the one picture writer.
fn picture(
    versions: &Versions,
    rows: &[(&history::Commit, Option<Counts>)],
    i18n: &I18n,
) -> Picture {
    let width = 1200.0;
    let left = 70.0;
    let right = width - 40.0;
    let mut shapes = Vec::new();
    let title = format!(
        "{} · {}",
        i18n.tr("history-title"),
        versions
            .file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    );
    shapes.push(text(
        Point::new(left, 20.0),
        title.clone(),
        20.0,
        true,
        colours().ink,
        Align::Left,
    ));
    let n = rows.len().max(2) as f32 - 1.0;
    let x = |i: usize| left + (right - left) * i as f32 / n.max(1.0);
    // The counts panel.
    let (top, bottom) = (90.0, 330.0);
    let most = rows
        .iter()
        .filter_map(|(_, c)| c.as_ref())
        .map(|c| c.touchpoints.max(c.grey_open + c.grey_resolved))
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let y = |v: usize| bottom - (bottom - top) * v as f32 / most;
    for v in [0, most as usize] {
        shapes.push(Shape::Polyline {
            points: vec![Point::new(left, y(v)), Point::new(right, y(v))],
            line: Line::solid(colours().rule, 1.0),
        });
        shapes.push(text(
            Point::new(left - 8.0, y(v) - 7.0),
            v.to_string(),
            12.0,
            false,
            colours().muted,
            Align::Right,
        ));
    }
    let series: [(String, Count); 3] = [
        (i18n.tr("kinds-touchpoints"), |c| c.touchpoints),
        (i18n.tr("history-grey-open"), |c| c.grey_open),
        (i18n.tr("history-grey-resolved"), |c| c.grey_resolved),
    ];
    let mut legend_x = left;
    for (k, (name, value)) in series.iter().enumerate() {
        let points: Vec<Point> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, (_, c))| c.as_ref().map(|c| Point::new(x(i), y(value(c)))))
            .collect();
        for p in &points {
            shapes.push(Shape::Circle {
                center: *p,
                radius: 3.0,
                fill: Some(Paint::solid(colours().series[k])),
                stroke: None,
            });
        }
        if points.len() > 1 {
            shapes.push(Shape::Polyline {
                points,
                line: Line::solid(colours().series[k], 2.5),
            });
        }
        shapes.push(Shape::Rect {
            rect: Rect::from_min_size(legend_x, 58.0, 14.0, 14.0),
            radius: 3.0,
            fill: Some(Paint::solid(colours().series[k])),
            stroke: None,
        });
        shapes.push(text(
            Point::new(legend_x + 20.0, 57.0),
            name.clone(),
            13.0,
            false,
            colours().ink,
            Align::Left,
        ));
        legend_x += 40.0 + crate::text::width(name, 13.0, false);
    }
    // The mean emotion panel, -2..2.
    let (top2, bottom2) = (380.0, 520.0);
    let y2 = |m: f64| bottom2 - (bottom2 - top2) * ((m + 2.0) / 4.0) as f32;
    shapes.push(text(
        Point::new(left, top2 - 26.0),
        i18n.tr("history-mean-emotion"),
        13.0,
        true,
        colours().ink,
        Align::Left,
    ));
    for m in [-2.0, 0.0, 2.0] {
        shapes.push(Shape::Polyline {
            points: vec![Point::new(left, y2(m)), Point::new(right, y2(m))],
            line: Line::solid(colours().rule, 1.0),
        });
        shapes.push(text(
            Point::new(left - 8.0, y2(m) - 7.0),
            format!("{m:+}").replace("+0", "0"),
            12.0,
            false,
            colours().muted,
            Align::Right,
        ));
    }
    let points: Vec<Point> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, (_, c))| {
            c.as_ref()
                .and_then(|c| c.mean_emotion)
                .map(|m| Point::new(x(i), y2(m)))
        })
        .collect();
    if points.len() > 1 {
        shapes.push(Shape::Polyline {
            points: points.clone(),
            line: Line::solid(colours().series[3], 2.5),
        });
    }
    for p in points {
        shapes.push(Shape::Circle {
            center: p,
            radius: 3.0,
            fill: Some(Paint::solid(colours().series[3])),
            stroke: None,
        });
    }
    // The first and last commits' dates and hashes under the panels.
    if let (Some((first, _)), Some((last, _))) = (rows.first(), rows.last()) {
        shapes.push(text(
            Point::new(left, bottom2 + 12.0),
            format!("{} {}", first.date, first.short),
            12.0,
            false,
            colours().muted,
            Align::Left,
        ));
        if rows.len() > 1 {
            shapes.push(text(
                Point::new(right, bottom2 + 12.0),
                format!("{} {}", last.date, last.short),
                12.0,
                false,
                colours().muted,
                Align::Right,
            ));
        }
        shapes.push(text(
            Point::new((left + right) / 2.0, bottom2 + 12.0),
            crate::tr!(i18n, "history-commits", count = rows.len()),
            12.0,
            false,
            colours().muted,
            Align::Center,
        ));
    }
    Picture {
        width,
        height: bottom2 + 48.0,
        shapes,
        paper_mm: None,
        background: Some(crate::theme::Theme::light().background),
        description: String::new(),
        title,
    }
}

/// The history as a page: the picture and the table, nothing loaded from elsewhere.
fn page(
    svg: &str,
    rows: &[(&history::Commit, Option<Counts>)],
    i18n: &I18n,
    versions: &Versions,
) -> String {
    use crate::export::html::escape;
    let mut table = String::from("<table><thead><tr>");
    for head in [
        "history-commit",
        "history-date",
        "history-author",
        "kinds-touchpoints",
        "history-grey-open",
        "history-grey-resolved",
        "history-mean-emotion",
        "history-subject",
    ] {
        table.push_str(&format!("<th>{}</th>", escape(&i18n.tr(head))));
    }
    table.push_str("</tr></thead><tbody>");
    for (c, counts) in rows.iter().rev() {
        let cells = match counts {
            Some(n) => [
                n.touchpoints.to_string(),
                n.grey_open.to_string(),
                n.grey_resolved.to_string(),
                n.mean_emotion
                    .map_or_else(|| "–".to_owned(), |m| format!("{m:+.2}")),
            ],
            None => [
                i18n.tr("history-unreadable"),
                String::new(),
                String::new(),
                String::new(),
            ],
        };
        table.push_str(&format!(
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&c.short), escape(&c.date), escape(&c.author), cells[0], cells[1], cells[2], cells[3], escape(&c.subject)
        ));
    }
    table.push_str("</tbody></table>");
    let style = crate::report::page_style();
    let body = format!(
        "<h1>{}</h1>\n{svg}{table}\n",
        escape(&i18n.tr("history-title"))
    );
    let title = versions.file.display().to_string();
    crate::export::web::Page::plain(i18n.language().key(), &title, &style, &body).html()
}

/// `journeymap report PATH... -o report.html|pdf|md`.
pub fn run_report(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let today = match &args.as_of {
        Some(text) => crate::format::stale::day(text)
            .ok_or_else(|| anyhow::anyhow!("--as-of {text}: write the day as YYYY-MM-DD"))?,
        None => crate::format::stale::today(),
    };
    let kind = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(kind.as_deref(), Some("html" | "htm" | "pdf" | "md")) {
        anyhow::bail!(
            "{}: write the report as .html, .pdf or .md",
            args.output.display()
        );
    }
    let mut portfolio = crate::report::read(&args.paths, !args.no_history);
    if let Some(path) = &args.catalogue {
        portfolio.catalogue = Some(crate::catalogue::load(path).map_err(|e| match e {
            crate::catalogue::CatalogueError::Read(message) => anyhow::anyhow!(message),
            parse => anyhow::anyhow!("{}:{parse}", path.display()),
        })?);
    }
    for (path, error) in &portfolio.failed {
        eprintln!("{}: not in the report: {error}", path.display());
    }
    for (path, note) in &portfolio.notes {
        eprintln!("{}: {note}", path.display());
    }
    let language = args.language.unwrap_or_else(crate::i18n::system_language);
    let blocks = crate::report::blocks(
        &portfolio,
        &crate::report::Options {
            language,
            stale: args.stale,
            today,
            report_dir: args
                .output
                .parent()
                .map(|p| {
                    if p.as_os_str().is_empty() {
                        std::path::Path::new(".")
                    } else {
                        p
                    }
                })
                .map(std::path::Path::to_path_buf),
        },
    );
    let bytes = match kind.as_deref() {
        Some("md") => crate::report::markdown(&blocks).into_bytes(),
        Some("pdf") => crate::report::pdf(&blocks)?,
        _ => crate::report::html(&blocks, language).into_bytes(),
    };
    crate::format::write_output(&args.output, &bytes)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "wrote {} ({} journeys)",
        args.output.display(),
        portfolio.entries.len()
    );
    Ok(ExitCode::SUCCESS)
}
