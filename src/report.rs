//! The portfolio report (`journeymap report PATH... -o report.html|pdf|md`): a folder
//! of journeys as one body of evidence. Files and folders are walked (linked folders
//! are not followed), every `.ron` journey read through the guarded reader; a file
//! that does not load is listed with its first error and stops nothing. The report's
//! own words follow its language; each journey's text stays as written.
//!
//! In order: every grey area, ranked by severity then status (this list is the first
//! place their titles appear), with its journey, stage, owner and, from git, how long
//! it has been open; the seams (departments, channels and actors by the grey areas
//! that involve them); open opportunities by owner and status; each journey's emotion
//! lows; evidence health; and each journey with a thumbnail of its curve, linked to
//! its published page where one sits beside it.

use crate::i18n::I18n;
use crate::layout::Point;
use crate::model::{
    Confidence, End, GreyArea, GreyAreaStatus, Journey, Language, OpportunityStatus, Severity,
};
use crate::scene::{Align, Line, Shape, TextBox};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One journey of the report.
pub struct Entry {
    pub path: PathBuf,
    pub journey: Journey,
    /// The commit date each grey area first appeared, by id (from git).
    pub opened: BTreeMap<String, String>,
}

/// What the report reads.
pub struct Portfolio {
    pub entries: Vec<Entry>,
    /// The shared catalogue the seams are named by, if one was given.
    pub catalogue: Option<crate::catalogue::Catalogue>,
    /// Files that did not load, and folders that could not be read, with why.
    pub failed: Vec<(PathBuf, String)>,
    /// What the reader should know of a file's history (a shallow clone cuts it).
    pub notes: Vec<(PathBuf, String)>,
}

/// Every `.ron` under `paths` (files as given, folders recursively, links to folders
/// not followed), sorted; and every folder that could not be read, with why.
pub fn files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>, unreadable: &mut Vec<(PathBuf, String)>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => {
                unreadable.push((dir.to_owned(), format!("cannot read the folder: {error}")));
                return;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                walk(&path, out, unreadable);
            } else if kind.is_file() && path.extension().is_some_and(|e| e == "ron") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut out, &mut unreadable),
            _ => out.push(path.clone()),
        }
    }
    out.sort();
    out.dedup();
    (out, unreadable)
}

/// Reads the journeys (and, unless `history` is off, when each grey area opened).
pub fn read(paths: &[PathBuf], history: bool) -> Portfolio {
    let mut entries = Vec::new();
    let (files, mut failed) = files(paths);
    let mut notes = Vec::new();
    for path in files {
        match crate::format::load(&path) {
            Ok(parsed) => {
                let opened = if history {
                    let (opened, cut) = opened(&path);
                    if let Some(cut) = cut {
                        notes.push((path.clone(), cut));
                    }
                    opened
                } else {
                    BTreeMap::new()
                };
                entries.push(Entry {
                    path,
                    journey: parsed.journey,
                    opened,
                });
            }
            Err(error) => {
                let first = error
                    .to_string()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                failed.push((path, first));
            }
        }
    }
    Portfolio {
        entries,
        catalogue: None,
        failed,
        notes,
    }
}

/// The date of the first commit in which each grey area of `path` appears, and what
/// cuts that history (a shallow clone) if anything does.
fn opened(path: &Path) -> (BTreeMap<String, String>, Option<String>) {
    let mut out = BTreeMap::new();
    let mut cut = None;
    if let Ok(versions) = crate::history::versions(path) {
        cut = versions.cut();
        for (commit, journey) in &versions.commits {
            for g in journey.iter().flat_map(|j| &j.grey_areas) {
                out.entry(g.id.to_string())
                    .or_insert_with(|| commit.date.clone());
            }
        }
    }
    (out, cut)
}

/// A grey area of the portfolio, for the ranked list.
pub struct Ranked<'a> {
    pub entry: &'a Entry,
    pub grey: &'a GreyArea,
}

fn status_rank(status: GreyAreaStatus) -> u8 {
    match status {
        GreyAreaStatus::Open => 0,
        GreyAreaStatus::Mitigating => 1,
        GreyAreaStatus::Resolved => 2,
    }
}

/// Every grey area, most severe first; among equals open before mitigating before
/// resolved, then by journey and id.
pub fn ranked(portfolio: &Portfolio) -> Vec<Ranked<'_>> {
    let mut out: Vec<Ranked<'_>> = portfolio
        .entries
        .iter()
        .flat_map(|entry| {
            entry
                .journey
                .grey_areas
                .iter()
                .map(move |grey| Ranked { entry, grey })
        })
        .collect();
    out.sort_by(|a, b| {
        std::cmp::Reverse(a.grey.severity)
            .cmp(&std::cmp::Reverse(b.grey.severity))
            .then(status_rank(a.grey.status).cmp(&status_rank(b.grey.status)))
            .then(a.entry.path.cmp(&b.entry.path))
            .then(a.grey.id.cmp(&b.grey.id))
    });
    out
}

/// Whole days from `from` (`YYYY-MM-DD`) to `to`.
fn days_between(from: &str, to: time::Date) -> Option<i64> {
    let from = crate::format::stale::day(from)?;
    Some((to - from).whole_days())
}

/// A seam: a department, channel or actor (by its name, folded) and the grey areas that
/// involve it.
#[derive(Default)]
pub struct Seam {
    pub name: String,
    pub what: &'static str,
    pub count: usize,
    pub by_severity: [usize; 4],
    pub open: usize,
}

/// The seams, most involved (by severity, then count) first.
pub fn seams(portfolio: &Portfolio) -> Vec<Seam> {
    let mut seams: BTreeMap<(String, &'static str), Seam> = BTreeMap::new();
    for entry in &portfolio.entries {
        let j = &entry.journey;
        for g in &j.grey_areas {
            // (id, name, what) of each entry the grey area involves.
            let mut names: Vec<(String, String, &'static str)> = Vec::new();
            names.extend(
                g.departments
                    .iter()
                    .filter_map(|d| j.department(d))
                    .map(|d| (d.id.to_string(), d.name.clone(), "department")),
            );
            names.extend(
                g.channels
                    .iter()
                    .filter_map(|c| j.channel(c))
                    .map(|c| (c.id.to_string(), c.name.clone(), "channel")),
            );
            for end in [&g.from, &g.to] {
                match end {
                    End::Touchpoint(t) => {
                        if let Some(t) = j.touchpoint(t) {
                            names.extend(
                                t.department
                                    .as_ref()
                                    .and_then(|d| j.department(d))
                                    .map(|d| (d.id.to_string(), d.name.clone(), "department")),
                            );
                            names.extend(
                                t.channel
                                    .as_ref()
                                    .and_then(|c| j.channel(c))
                                    .map(|c| (c.id.to_string(), c.name.clone(), "channel")),
                            );
                        }
                    }
                    End::Step(s) => {
                        if let Some(s) = j.step(s) {
                            names.extend(
                                s.actor
                                    .as_ref()
                                    .and_then(|a| j.actor(a))
                                    .map(|a| (a.id.to_string(), a.name.clone(), "actor")),
                            );
                        }
                    }
                }
            }
            // Named as the shared catalogue names them, when one is given.
            let names: Vec<(String, &'static str)> = names
                .into_iter()
                .map(|(id, name, what)| {
                    let shared = portfolio
                        .catalogue
                        .as_ref()
                        .and_then(|c| crate::catalogue::shared_name(c, what, &id, &name));
                    (shared.unwrap_or(name), what)
                })
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            for (name, what) in names {
                let key = (crate::model::names::fold(&name), what);
                if !seen.insert(key.clone()) {
                    continue;
                }
                let seam = seams.entry(key).or_insert_with(|| Seam {
                    name: name.clone(),
                    what,
                    ..Seam::default()
                });
                seam.count += 1;
                seam.by_severity[g.severity as usize] += 1;
                if g.status != GreyAreaStatus::Resolved {
                    seam.open += 1;
                }
            }
        }
    }
    let mut out: Vec<Seam> = seams.into_values().collect();
    out.sort_by(|a, b| {
        let weight = |s: &Seam| {
            s.by_severity
                .iter()
                .enumerate()
                .map(|(i, n)| n * (i + 1) * (i + 1))
                .sum::<usize>()
        };
        weight(b)
            .cmp(&weight(a))
            .then(b.count.cmp(&a.count))
            .then(a.name.cmp(&b.name))
    });
    out
}

/// The report as blocks, in the report's words.
pub enum Block {
    Heading(String),
    Text(String),
    /// A table: its header and rows.
    Table(Vec<String>, Vec<Vec<String>>),
    /// Open opportunities rated for value and effort: (value, effort, idea, journey).
    Matrix(Vec<(u8, u8, String, String)>),
    /// A journey's curve, scores -2..2 in journey order, and its title and published
    /// page, if any.
    Thumbnail {
        title: String,
        scores: Vec<Option<i8>>,
        page: Option<String>,
    },
    /// A funnel: each row's name, its count and what the row says of it, as a bar over
    /// `of` (the whole).
    Funnel {
        of: u64,
        rows: Vec<FunnelRow>,
    },
}

/// A row of a funnel: a stage and the cases that entered it.
pub struct FunnelRow {
    pub name: String,
    pub count: u64,
    /// What the row adds in words (`12 dropped · 3 in flight`).
    pub note: String,
}

/// A funnel's bars in `width` at `origin`, a row each: the name, a bar as long as its
/// share of `of`, and the count and note after the bar. Its height is `rows × ROW`.
fn funnel_shapes(origin: Point, width: f32, of: u64, rows: &[FunnelRow]) -> Vec<Shape> {
    use crate::layout::Rect;
    use crate::scene::Paint;
    let theme = theme();
    let (label, gap) = (130.0, 8.0);
    let bars = (width - label - 220.0).max(60.0);
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let y = origin.y + i as f32 * FUNNEL_ROW;
        let share = if of == 0 {
            0.0
        } else {
            row.count as f32 / of as f32
        };
        out.push(Shape::Text(TextBox {
            pos: Point::new(origin.x, y + 5.0),
            text: row.name.clone(),
            size: 12.0,
            bold: false,
            colour: theme.text,
            max_width: label - gap,
            max_lines: 1,
            align: Align::Left,
        }));
        out.push(Shape::Rect {
            rect: Rect::from_min_size(origin.x + label, y + 3.0, bars, FUNNEL_ROW - 8.0),
            radius: 3.0,
            fill: Some(Paint::solid(theme.stage_header_fill)),
            stroke: None,
        });
        out.push(Shape::Rect {
            rect: Rect::from_min_size(
                origin.x + label,
                y + 3.0,
                (bars * share).max(1.0),
                FUNNEL_ROW - 8.0,
            ),
            radius: 3.0,
            fill: Some(Paint::solid(theme.emotion_line)),
            stroke: None,
        });
        out.push(Shape::Text(TextBox {
            pos: Point::new(origin.x + label + bars + gap, y + 5.0),
            text: if row.note.is_empty() {
                row.count.to_string()
            } else {
                format!("{} · {}", row.count, row.note)
            },
            size: 12.0,
            bold: false,
            colour: theme.text,
            max_width: width - label - bars - gap,
            max_lines: 1,
            align: Align::Left,
        }));
    }
    out
}

/// The height of a funnel's row.
const FUNNEL_ROW: f32 = 26.0;

/// Options of the report.
pub struct Options {
    pub language: Language,
    pub stale: crate::format::Age,
    pub today: time::Date,
    /// The folder the report is written to: links to pages are relative to it.
    pub report_dir: Option<PathBuf>,
}

/// A link from a report in `from` to `target`: relative to the report's folder, each
/// part percent-encoded, starting `./` or `../` (a file name is never read as a scheme
/// such as `javascript:`).
pub fn relative_link(from: Option<&Path>, target: &Path) -> String {
    let absolute = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let target = absolute(target);
    let base = from.map_or_else(|| PathBuf::from("."), absolute);
    let to: Vec<_> = target.components().collect();
    let at: Vec<_> = base.components().collect();
    let common = to.iter().zip(&at).take_while(|(a, b)| a == b).count();
    let ups = at.len() - common;
    let mut parts: Vec<String> = if ups == 0 {
        vec![".".to_owned()]
    } else {
        vec!["..".to_owned(); ups]
    };
    parts.extend(
        to[common..]
            .iter()
            .map(|c| percent_encode(&c.as_os_str().to_string_lossy())),
    );
    parts.join("/")
}

/// Every byte but letters, digits and `-._~` as `%XX` (UTF-8).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The report's blocks.
pub fn blocks(portfolio: &Portfolio, options: &Options) -> Vec<Block> {
    let i18n = I18n::new(options.language);
    let tr = |id: &str| i18n.tr(id);
    let mut out = vec![Block::Heading(tr("report-title"))];
    out.push(Block::Text(crate::tr!(
        i18n,
        "report-summary",
        journeys = portfolio.entries.len(),
        greys = portfolio
            .entries
            .iter()
            .map(|e| e.journey.grey_areas.len())
            .sum::<usize>()
    )));
    for (path, note) in &portfolio.notes {
        out.push(Block::Text(format!("{}: {note}", path.display())));
    }
    if !portfolio.failed.is_empty() {
        out.push(Block::Heading(tr("report-failed")));
        out.push(Block::Table(
            vec![tr("report-file"), tr("report-error")],
            portfolio
                .failed
                .iter()
                .map(|(p, e)| vec![p.display().to_string(), e.clone()])
                .collect(),
        ));
    }
    // 1. Grey areas, ranked.
    out.push(Block::Heading(tr("report-grey-areas")));
    // Each map's grey-area numbers, as its pictures show them.
    let numbers: std::collections::HashMap<*const GreyArea, usize> = portfolio
        .entries
        .iter()
        .flat_map(|e| {
            e.journey
                .grey_areas
                .iter()
                .map(|g| g as *const GreyArea)
                .zip(e.journey.grey_area_numbers())
        })
        .collect();
    let number = |r: &Ranked<'_>| numbers.get(&(r.grey as *const GreyArea)).copied();
    let rows = ranked(portfolio)
        .into_iter()
        .map(|r| {
            let no = number(&r).map(|n| n.to_string()).unwrap_or_default();
            let j = &r.entry.journey;
            let stage = j
                .end_stage(&r.grey.from)
                .map(|s| i18n.stage_name(j, s))
                .unwrap_or_default();
            let open = r
                .entry
                .opened
                .get(r.grey.id.as_str())
                .filter(|_| r.grey.status != GreyAreaStatus::Resolved)
                .and_then(|date| days_between(date, options.today))
                .map(|days| crate::tr!(i18n, "report-days", count = days))
                .unwrap_or_default();
            vec![
                no,
                i18n.term("severity", r.grey.severity.key()),
                i18n.term("grey-status", r.grey.status.key()),
                crate::words::grey_area_title(j, r.grey, &i18n),
                j.title.clone(),
                stage,
                r.grey.owner.clone(),
                open,
            ]
        })
        .collect();
    out.push(Block::Table(
        vec![
            tr("report-number"),
            tr("field-severity"),
            tr("field-status"),
            tr("field-title"),
            tr("report-journey"),
            tr("field-stage"),
            tr("field-owner"),
            tr("report-open-for"),
        ],
        rows,
    ));
    // 1b. What the rooms voted for: grey areas and opportunities by their dots in their
    // journey's latest round, most first.
    let mut voted: Vec<(u32, String, String, String, String)> = Vec::new();
    for e in &portfolio.entries {
        let j = &e.journey;
        let Some(round) = j.votes.last() else {
            continue;
        };
        for (target, count) in &round.counts {
            let (kind, name) = match target {
                crate::model::VoteTarget::GreyArea(g) => (
                    "element-grey-areas",
                    j.grey_area(g)
                        .map(|g| crate::words::grey_area_title(j, g, &i18n)),
                ),
                crate::model::VoteTarget::Opportunity(o) => (
                    "element-opportunities",
                    j.opportunity(o).map(|o| o.idea.clone()),
                ),
                crate::model::VoteTarget::Touchpoint(_) => continue,
            };
            voted.push((
                *count,
                tr(kind),
                name.unwrap_or_else(|| target.as_str().to_owned()),
                j.title.clone(),
                round.question.clone(),
            ));
        }
    }
    if !voted.is_empty() {
        voted.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
        out.push(Block::Heading(tr("report-votes")));
        out.push(Block::Table(
            vec![
                tr("field-counts"),
                tr("field-kind"),
                tr("field-title"),
                tr("report-journey"),
                tr("field-question"),
            ],
            voted
                .into_iter()
                .map(|(n, kind, name, journey, question)| {
                    vec![n.to_string(), kind, name, journey, question]
                })
                .collect(),
        ));
    }
    // 2. The seams.
    out.push(Block::Heading(tr("report-seams")));
    out.push(Block::Table(
        vec![
            tr("report-seam"),
            tr("field-kind"),
            tr("kinds-grey-areas"),
            tr("report-open"),
            Severity::ALL
                .iter()
                .rev()
                .map(|s| i18n.term("severity", s.key()))
                .collect::<Vec<_>>()
                .join(" / "),
        ],
        seams(portfolio)
            .into_iter()
            .map(|s| {
                vec![
                    s.name,
                    tr(match s.what {
                        "channel" => "element-channels",
                        "actor" => "element-actors",
                        _ => "element-departments",
                    }),
                    s.count.to_string(),
                    s.open.to_string(),
                    s.by_severity
                        .iter()
                        .rev()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(" / "),
                ]
            })
            .collect(),
    ));
    // 3. Open opportunities by owner and status.
    out.push(Block::Heading(tr("report-opportunities")));
    let mut owners: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for e in &portfolio.entries {
        for o in &e.journey.opportunities {
            if o.status == OpportunityStatus::Dropped {
                continue;
            }
            let owner = if o.owner.trim().is_empty() {
                tr("report-no-owner")
            } else {
                o.owner.trim().to_owned()
            };
            owners.entry(owner).or_default()[o.status as usize] += 1;
        }
    }
    let mut header = vec![tr("field-owner")];
    header.extend(
        OpportunityStatus::ALL
            .iter()
            .filter(|s| **s != OpportunityStatus::Dropped)
            .map(|s| i18n.term("opportunity-status", s.key())),
    );
    out.push(Block::Table(
        header,
        owners
            .into_iter()
            .map(|(owner, counts)| {
                let mut row = vec![owner];
                row.extend(counts[..3].iter().map(usize::to_string));
                row
            })
            .collect(),
    ));
    // The value/effort matrix of the open opportunities that are rated.
    out.push(Block::Heading(tr("report-matrix")));
    let rated: Vec<(u8, u8, String, String)> = portfolio
        .entries
        .iter()
        .flat_map(|e| {
            e.journey.opportunities.iter().filter_map(|o| {
                let open = !matches!(
                    o.status,
                    OpportunityStatus::Dropped | OpportunityStatus::Validated
                );
                match (o.value, o.effort) {
                    (Some(v), Some(f)) if open => {
                        Some((v, f, o.idea.clone(), e.journey.title.clone()))
                    }
                    _ => None,
                }
            })
        })
        .collect();
    if rated.is_empty() {
        out.push(Block::Text(tr("report-matrix-none")));
    } else {
        out.push(Block::Matrix(rated));
    }
    // 4. Emotion lows.
    out.push(Block::Heading(tr("report-lows")));
    let mut lows = Vec::new();
    for e in &portfolio.entries {
        let j = &e.journey;
        let Some(lowest) = j.touchpoints.iter().filter_map(|t| t.emotion_score()).min() else {
            continue;
        };
        for t in j
            .touchpoints
            .iter()
            .filter(|t| t.emotion_score() == Some(lowest))
        {
            lows.push(vec![
                j.title.clone(),
                format!("{lowest:+}"),
                t.title.clone(),
                i18n.stage_name(j, t.stage),
            ]);
        }
    }
    out.push(Block::Table(
        vec![
            tr("report-journey"),
            tr("field-emotion"),
            tr("field-title"),
            tr("field-stage"),
        ],
        lows,
    ));
    // 5. Evidence health.
    out.push(Block::Heading(tr("report-evidence")));
    let cutoff = options.stale.before(options.today);
    let mut health = Vec::new();
    for e in &portfolio.entries {
        let j = &e.journey;
        let without = j
            .touchpoints
            .iter()
            .filter(|t| t.evidence.is_empty())
            .count();
        let weak = j
            .touchpoints
            .iter()
            .filter(|t| {
                !t.evidence.is_empty()
                    && t.evidence
                        .iter()
                        .filter_map(|id| j.evidence_item(id))
                        .all(|ev| ev.confidence != Confidence::Observed)
            })
            .count();
        let old = j
            .evidence
            .iter()
            .filter(|ev| crate::format::stale::last_day(&ev.date).is_some_and(|d| d < cutoff))
            .count();
        health.push(vec![
            j.title.clone(),
            j.touchpoints.len().to_string(),
            without.to_string(),
            weak.to_string(),
            old.to_string(),
        ]);
    }
    out.push(Block::Table(
        vec![
            tr("report-journey"),
            tr("kinds-touchpoints"),
            tr("report-no-evidence"),
            tr("report-weak-evidence"),
            crate::tr!(i18n, "report-stale", age = options.stale.to_string()),
        ],
        health,
    ));
    // 6. The journeys.
    out.push(Block::Heading(tr("report-journeys")));
    for e in &portfolio.entries {
        let page = e.path.with_extension("html");
        let link = page
            .is_file()
            .then(|| relative_link(options.report_dir.as_deref(), &page));
        out.push(Block::Thumbnail {
            title: e.journey.title.clone(),
            scores: e
                .journey
                .touchpoints
                .iter()
                .map(|t| t.emotion_score())
                .collect(),
            page: link,
        });
    }
    out
}

/// The report as Markdown for a pull-request comment: every text escaped as the diff's
/// Markdown is, thumbnails as links to the published pages.
pub fn markdown(blocks: &[Block]) -> String {
    use crate::diff::escape_markdown as md;
    let mut out = String::new();
    let mut first = true;
    for block in blocks {
        match block {
            Block::Heading(h) => {
                out.push_str(if first { "# " } else { "\n## " });
                out.push_str(&md(h));
                out.push('\n');
                first = false;
            }
            Block::Text(t) => {
                out.push('\n');
                out.push_str(&md(t));
                out.push('\n');
            }
            Block::Table(header, rows) => {
                out.push('\n');
                out.push_str(&format!(
                    "| {} |\n",
                    header.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | ")
                ));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for row in rows {
                    out.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
            }
            Block::Matrix(points) => {
                out.push_str("\n| ↑ | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|\n");
                for value in (1..=5).rev() {
                    let cells: Vec<String> = (1..=5)
                        .map(|effort| {
                            points
                                .iter()
                                .filter(|p| p.0 == value && p.1 == effort)
                                .map(|p| md(&p.2))
                                .collect::<Vec<_>>()
                                .join("; ")
                        })
                        .collect();
                    out.push_str(&format!("| {value} | {} |\n", cells.join(" | ")));
                }
            }
            Block::Funnel { of, rows } => {
                out.push('\n');
                for row in rows {
                    let share = if *of == 0 {
                        0.0
                    } else {
                        row.count as f64 / *of as f64
                    };
                    let bar = "█".repeat((share * 20.0).round() as usize);
                    out.push_str(&format!(
                        "- {} `{bar:<20}` {}{}\n",
                        md(&row.name),
                        row.count,
                        if row.note.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", md(&row.note))
                        }
                    ));
                }
            }
            Block::Thumbnail { title, page, .. } => match page {
                Some(page) => out.push_str(&format!(
                    "- [{}]({})\n",
                    md(title),
                    page.replace(' ', "%20").replace(['(', ')'], "")
                )),
                None => out.push_str(&format!("- {}\n", md(title))),
            },
        }
    }
    out
}

/// The report's colours: the theme's, as every picture of the app.
fn theme() -> crate::theme::Theme {
    crate::theme::Theme::light()
}

/// The value/effort matrix in a square of `size` at `origin`: effort across, value up,
/// each opportunity a numbered dot (the list under it names them).
fn matrix_shapes(origin: Point, size: f32, points: &[(u8, u8, String, String)]) -> Vec<Shape> {
    let theme = theme();
    let cell = size / 5.0;
    let mut out = Vec::new();
    for k in 0..=5 {
        let at = k as f32 * cell;
        for (from, to) in [
            (Point::new(0.0, at), Point::new(size, at)),
            (Point::new(at, 0.0), Point::new(at, size)),
        ] {
            out.push(Shape::Polyline {
                points: vec![
                    Point::new(origin.x + from.x, origin.y + from.y),
                    Point::new(origin.x + to.x, origin.y + to.y),
                ],
                line: Line::solid(theme.lane_rule, 0.75),
            });
        }
    }
    let label = |pos: Point, text: String, align: Align| {
        Shape::Text(TextBox {
            pos,
            max_width: 24.0,
            text,
            size: 9.0,
            bold: false,
            colour: theme.text_muted,
            max_lines: 1,
            align,
        })
    };
    for k in 1..=5u8 {
        let mid = (f32::from(k) - 0.5) * cell;
        out.push(label(
            Point::new(origin.x + mid, origin.y + size + 4.0),
            k.to_string(),
            Align::Center,
        ));
        out.push(label(
            Point::new(origin.x - 6.0, origin.y + size - mid - 6.0),
            k.to_string(),
            Align::Right,
        ));
    }
    let mut placed: BTreeMap<(u8, u8), usize> = BTreeMap::new();
    for (n, (value, effort, ..)) in points.iter().enumerate() {
        let k = placed.entry((*value, *effort)).or_insert(0);
        let step = (cell / 4.0).min(14.0);
        let x = origin.x + (f32::from(*effort) - 0.5) * cell + (*k % 4) as f32 * step - 1.5 * step;
        let y = origin.y + size - (f32::from(*value) - 0.5) * cell + (*k / 4) as f32 * step
            - 0.5 * step;
        *k += 1;
        let radius = (step / 2.0).min(7.0);
        out.push(Shape::Circle {
            center: Point::new(x, y),
            radius,
            fill: Some(crate::scene::Paint::solid(theme.opportunity)),
            stroke: None,
        });
        out.push(Shape::Text(TextBox {
            pos: Point::new(x, y - radius * 0.7),
            max_width: radius * 2.0 + 8.0,
            text: (n + 1).to_string(),
            size: radius * 1.3,
            bold: true,
            colour: theme.background,
            max_lines: 1,
            align: Align::Center,
        }));
    }
    out
}

/// A journey's curve in `width` × `height` at `origin`: its scores joined over the
/// neutral line.
fn thumbnail_shapes(origin: Point, width: f32, height: f32, scores: &[Option<i8>]) -> Vec<Shape> {
    let theme = theme();
    let n = scores.len().max(2) as f32 - 1.0;
    let mid = origin.y + height / 2.0;
    let points: Vec<Point> = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .map(|(i, s)| {
            Point::new(
                origin.x + 4.0 + (width - 8.0) * i as f32 / n,
                mid - f32::from(s) * (height / 2.0 - 6.0) / 2.0,
            )
        })
        .collect();
    let mut out = vec![Shape::Polyline {
        points: vec![Point::new(origin.x, mid), Point::new(origin.x + width, mid)],
        line: Line::dashed(theme.emotion_neutral_line, 1.0, 4.0, 3.0),
    }];
    if points.len() > 1 {
        out.push(Shape::Polyline {
            points,
            line: Line::solid(theme.emotion_line, 2.0),
        });
    }
    out
}

/// Shapes as an inline SVG of `width` × `height`, through the one picture writer.
fn inline_svg(width: f32, height: f32, shapes: Vec<Shape>) -> String {
    crate::export::Picture {
        width,
        height,
        shapes,
        paper_mm: None,
        background: Some(theme().background),
        title: String::new(),
        description: String::new(),
    }
    .svg()
}

/// The report as one page: no external resource, a CSP allowing only its own style.
pub fn html(blocks: &[Block], language: Language) -> String {
    use crate::export::html::escape;
    let mut body = String::new();
    let mut first = true;
    for block in blocks {
        match block {
            Block::Heading(h) => {
                let tag = if first { "h1" } else { "h2" };
                body.push_str(&format!("<{tag}>{}</{tag}>\n", escape(h)));
                first = false;
            }
            Block::Text(t) => body.push_str(&format!("<p>{}</p>\n", escape(t))),
            Block::Table(header, rows) => {
                body.push_str("<table><thead><tr>");
                for h in header {
                    body.push_str(&format!("<th>{}</th>", escape(h)));
                }
                body.push_str("</tr></thead><tbody>");
                for row in rows {
                    body.push_str("<tr>");
                    for c in row {
                        body.push_str(&format!("<td>{}</td>", escape(c)));
                    }
                    body.push_str("</tr>");
                }
                body.push_str("</tbody></table>\n");
            }
            Block::Matrix(points) => {
                let (size, pad) = (360.0, 40.0);
                let shapes = matrix_shapes(Point::new(pad, pad), size, points);
                body.push_str(&inline_svg(size + 2.0 * pad, size + 2.0 * pad, shapes));
                body.push_str("<ol>");
                for (idea, journey) in points.iter().map(|(_, _, i, j)| (i, j)) {
                    body.push_str(&format!(
                        "<li>{} <small>({})</small></li>",
                        escape(idea),
                        escape(journey)
                    ));
                }
                body.push_str("</ol>\n");
            }
            Block::Funnel { of, rows } => {
                let width = 720.0;
                let shapes = funnel_shapes(Point::new(0.0, 0.0), width, *of, rows);
                body.push_str(&inline_svg(width, rows.len() as f32 * FUNNEL_ROW, shapes));
                body.push('\n');
            }
            Block::Thumbnail {
                title,
                scores,
                page,
            } => {
                let picture = inline_svg(
                    240.0,
                    60.0,
                    thumbnail_shapes(Point::new(0.0, 0.0), 240.0, 60.0, scores),
                );
                let name = escape(title);
                match page {
                    Some(page) => body.push_str(&format!(
                        "<figure><a href=\"{}\">{picture}</a><figcaption><a href=\"{}\">{name}</a></figcaption></figure>\n",
                        escape(page),
                        escape(page)
                    )),
                    None => body.push_str(&format!("<figure>{picture}<figcaption>{name}</figcaption></figure>\n")),
                }
            }
        }
    }
    let style = page_style();
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading(h) => Some(h.clone()),
            _ => None,
        })
        .unwrap_or_default();
    crate::export::web::Page::plain(language.key(), &title, &style, &body).html()
}

/// The style of the report's and the history's pages, in the theme's colours.
pub fn page_style() -> String {
    let t = theme();
    format!(
        "body{{font-family:Inter,sans-serif;margin:24px;color:{ink};background:{bg};max-width:1200px}}svg{{max-width:100%;height:auto}}table{{border-collapse:collapse;font-size:14px;margin:8px 0 16px}}th,td{{border-bottom:1px solid {rule};padding:4px 10px;text-align:left;vertical-align:top}}th{{color:{muted}}}figure{{display:inline-block;margin:8px 16px 8px 0}}figcaption{{font-size:13px;max-width:240px}}",
        ink = t.text,
        bg = t.background,
        rule = t.lane_rule,
        muted = t.text_muted,
    )
}

/// The report as A4 pages of the one picture writer (text engine lines, SVG, PDF).
pub fn pdf(blocks: &[Block]) -> Result<Vec<u8>, crate::export::ExportError> {
    use crate::model::Rgb;
    let (width, height) = (595.0, 842.0);
    let margin = 40.0;
    let room = width - 2.0 * margin;
    let mut pages: Vec<Vec<Shape>> = vec![Vec::new()];
    let mut y = margin;
    let theme = theme();
    let (ink, muted) = (theme.text, theme.text_muted);
    let put = |pages: &mut Vec<Vec<Shape>>,
               y: &mut f32,
               x: f32,
               w: f32,
               text: &str,
               size: f32,
               bold: bool,
               colour: Rgb|
     -> f32 {
        let lines = crate::text::wrap(text, size, bold, w).len().max(1);
        let h = crate::text::height(lines, size);
        if *y + h > height - margin {
            pages.push(Vec::new());
            *y = margin;
        }
        if let Some(page) = pages.last_mut() {
            page.push(Shape::Text(TextBox {
                pos: Point::new(x, *y),
                text: text.to_owned(),
                size,
                bold,
                colour,
                max_width: w,
                max_lines: usize::MAX,
                align: Align::Left,
            }));
        }
        h
    };
    for block in blocks {
        match block {
            Block::Heading(h) => {
                y += 10.0;
                let size = if y <= margin + 10.0 { 20.0 } else { 14.0 };
                y += put(&mut pages, &mut y, margin, room, h, size, true, ink) + 6.0;
            }
            Block::Text(t) => y += put(&mut pages, &mut y, margin, room, t, 10.0, false, ink) + 6.0,
            Block::Table(header, rows) => {
                let columns = header.len().max(1);
                let w = room / columns as f32;
                let size = 8.0;
                let row_height = |row: &Vec<String>, bold: bool| {
                    let lines = row
                        .iter()
                        .map(|c| crate::text::wrap(c, size, bold, w - 6.0).len().max(1))
                        .max()
                        .unwrap_or(1);
                    crate::text::height(lines, size) + 4.0
                };
                let draw =
                    |pages: &mut Vec<Vec<Shape>>, y: &mut f32, row: &Vec<String>, bold: bool| {
                        for (i, cell) in row.iter().enumerate() {
                            let mut at = *y;
                            put(
                                pages,
                                &mut at,
                                margin + i as f32 * w,
                                w - 6.0,
                                cell,
                                size,
                                bold,
                                if bold { muted } else { ink },
                            );
                        }
                        *y += row_height(row, bold);
                        if let Some(page) = pages.last_mut() {
                            page.push(Shape::Polyline {
                                points: vec![
                                    Point::new(margin, *y - 2.0),
                                    Point::new(width - margin, *y - 2.0),
                                ],
                                line: Line::solid(theme.lane_rule, 0.5),
                            });
                        }
                    };
                // The header, and again atop every page the table runs on to.
                if y + row_height(header, true) + row_height(rows.first().unwrap_or(header), false)
                    > height - margin
                {
                    pages.push(Vec::new());
                    y = margin;
                }
                draw(&mut pages, &mut y, header, true);
                for row in rows {
                    if y + row_height(row, false) > height - margin {
                        pages.push(Vec::new());
                        y = margin;
                        draw(&mut pages, &mut y, header, true);
                    }
                    draw(&mut pages, &mut y, row, false);
                }
                y += 8.0;
            }
            Block::Matrix(points) => {
                let size = 200.0;
                if y + size + 30.0 > height - margin {
                    pages.push(Vec::new());
                    y = margin;
                }
                if let Some(page) = pages.last_mut() {
                    page.extend(matrix_shapes(Point::new(margin + 20.0, y), size, points));
                }
                y += size + 12.0;
                for (n, (value, effort, idea, journey)) in points.iter().enumerate() {
                    let line = format!("{}. {idea} ({journey}) · {value}/{effort}", n + 1);
                    y += put(&mut pages, &mut y, margin, room, &line, 8.0, false, ink) + 2.0;
                }
                y += 8.0;
            }
            Block::Funnel { of, rows } => {
                let h = rows.len() as f32 * FUNNEL_ROW;
                if y + h > height - margin {
                    pages.push(Vec::new());
                    y = margin;
                }
                if let Some(page) = pages.last_mut() {
                    page.extend(funnel_shapes(Point::new(margin, y), room, *of, rows));
                }
                y += h + 8.0;
            }
            Block::Thumbnail { title, scores, .. } => {
                let h = 40.0;
                if y + h + 14.0 > height - margin {
                    pages.push(Vec::new());
                    y = margin;
                }
                if let Some(page) = pages.last_mut() {
                    page.extend(thumbnail_shapes(Point::new(margin, y), 160.0, h, scores));
                }
                let mut at = y + h / 2.0 - 6.0;
                put(
                    &mut pages,
                    &mut at,
                    margin + 180.0,
                    room - 180.0,
                    title,
                    10.0,
                    false,
                    ink,
                );
                y += h + 6.0;
            }
        }
    }
    let documents: Vec<String> = pages
        .into_iter()
        .map(|shapes| {
            crate::export::Picture {
                width,
                height,
                shapes,
                paper_mm: Some((210.0, 297.0)),
                background: Some(theme.background),
                title: String::new(),
                description: String::new(),
            }
            .svg()
        })
        .collect();
    // Titled by its first heading.
    let info = crate::export::PdfInfo {
        title: blocks
            .iter()
            .find_map(|b| match b {
                Block::Heading(h) => Some(h.clone()),
                _ => None,
            })
            .unwrap_or_default(),
        ..Default::default()
    };
    crate::export::pdf_pages(&documents, Some((width, height)), &info)
}
