//! The command line: `journeymap check|fmt|new ...`. Needs no display. Messages are in
//! English; journey text inside them is quoted as written, in any language.

mod check;
mod conform;
mod export;
mod fmt;
mod git;
mod history;
mod interchange;

pub use git::load_pair;
mod new;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "journeymap",
    version,
    about = "Author customer journey maps. With no command, opens the editor.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A journey file to open in the editor.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report errors and warnings in journey files (exit 1 on errors).
    Check(CheckArgs),
    /// Rewrite journey files in canonical form.
    Fmt(FmtArgs),
    /// Write a new journey: empty with the default catalogues, or from a template.
    New(NewArgs),
    /// List the templates `new --template` starts from.
    Templates,
    /// Export the map as PNG, SVG or PDF (a picture, a poster or slides), or as JSON
    /// or a Mermaid journey diagram (.mmd, or .md fenced); format from the extension.
    Export(ExportArgs),
    /// Start a journey from a spreadsheet of touchpoints (.csv), a Mermaid journey
    /// diagram (.mmd, or the first ```mermaid block of a .md) or journeymap's JSON; or
    /// merge a spreadsheet into a journey by touchpoint id (--into).
    Import(ImportArgs),
    /// Print the JSON Schema of the journey format (of `export -o map.json`).
    Schema(SchemaArgs),
    /// Semantic diff of two journeys (exit 0 when equal, 1 when different).
    Diff(DiffArgs),
    /// Three-way merge by structure, as a git merge driver: merge %O %A %B %P.
    Merge(MergeArgs),
    /// Set up .gitattributes and git config for the diff and merge drivers here.
    GitSetup(GitSetupArgs),
    /// The commits that touched a journey, with its counts at each, from git; -o draws
    /// them (.svg, .png or .html).
    History(HistoryArgs),
    /// The last commit that changed each touchpoint, step, grey area and opportunity,
    /// found by id.
    Blame(BlameArgs),
    /// A shared catalogue of channels, departments and actors for many journeys.
    Catalogue(CatalogueArgs),
    /// One report over many journeys (files and folders): grey areas ranked, seams,
    /// open opportunities, emotion lows, evidence health; .html, .pdf or .md.
    Report(ReportArgs),
    /// Measure the map against an event log (.csv or .xes): reach, waiting, drop-off
    /// and deviations; -o writes them (.json, .md, .html), --into puts them on the map
    /// as evidence.
    Conform(ConformArgs),
    /// Open the room: participants join from their phones on the local network (a
    /// PIN), add notes and dot-vote; the facilitator's token drives it (docs/room.md).
    Room(RoomArgs),
    /// Write an event log of the map's planned journey with chosen deviations, and its
    /// truth beside it (LOG.truth.json), for tests and demos.
    GenerateLog(GenerateLogArgs),
    /// Write a large synthetic journey for benchmarks (deterministic from the seed).
    Generate(GenerateArgs),
    /// git's external diff driver (7 arguments); set up by git-setup.
    #[command(hide = true)]
    GitDiff(GitDiffArgs),
}

#[derive(Debug, Args)]
pub struct ConformArgs {
    /// The journey whose planned journey the log is measured against.
    pub map: PathBuf,
    /// The event log: CSV (case, activity, timestamp; optionally channel, resource,
    /// outcome) or XES.
    pub log: PathBuf,
    /// A sheet `activity,element` naming the element (by id) of each activity; others
    /// map by id or exact title.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// Write the numbers: .json (documented in docs/conformance.md), .md or .html.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Put the numbers on this journey as evidence (one item per element, replaced on
    /// every run).
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// A case not at the journey's end counts as dropped when its last event is this
    /// long before the log's end ("0 d" counts every one); else it is in flight.
    #[arg(long, default_value = "30 d")]
    pub inactive: String,
    /// With -o .json: every case with its verdict.
    #[arg(long)]
    pub cases: bool,
    /// Skip rows that do not read (counted and reported) instead of stopping.
    #[arg(long)]
    pub skip_bad: bool,
    /// With --into: suggest a grey area before an element that this share of the
    /// previous one's cases never reach (`20%`).
    #[arg(long, default_value = "20%", value_parser = parse_share)]
    pub drop: f64,
    /// With --into: suggest a grey area before an element whose median wait is this
    /// many times its standard, or the log's median (`2x`).
    #[arg(long, default_value = "2x", value_parser = parse_times)]
    pub wait: f64,
    /// The report's words: en or es (default: the map's language).
    #[arg(long, value_enum)]
    pub language: Option<crate::model::Language>,
    /// With --into: write even though the journey's // comments will be lost.
    #[arg(long)]
    pub strip_comments: bool,
}

#[derive(Debug, Args)]
pub struct RoomArgs {
    /// The journey the room votes on; closing the room writes the round into it.
    pub map: PathBuf,
    /// The address to listen on (default: this machine's address on the local
    /// network, else 127.0.0.1).
    #[arg(long)]
    pub bind: Option<std::net::IpAddr>,
    /// The port (0: any free one).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The six-digit PIN (default: a random one).
    #[arg(long, value_parser = parse_pin)]
    pub pin: Option<String>,
    /// How long an address that gave ten wrong PINs waits (tests shorten it).
    #[arg(long, default_value_t = 300, hide = true)]
    pub lockout_seconds: u64,
}

fn parse_pin(text: &str) -> Result<String, String> {
    if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
        Ok(text.to_owned())
    } else {
        Err(format!("{text:?} is not six digits"))
    }
}

#[derive(Debug, Args)]
pub struct GenerateLogArgs {
    /// The journey whose planned journey the cases walk.
    pub map: PathBuf,
    /// The log to write (.csv or .xes); its truth goes beside it as LOG.truth.json.
    #[arg(short, long)]
    pub output: PathBuf,
    #[arg(long, default_value_t = 1000)]
    pub cases: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// csv or xes (default: from the output's name).
    #[arg(long, value_parser = parse_log_format)]
    pub format: Option<crate::interchange::eventlog::read::LogFormat>,
    /// Write the events sorted by time, cases interleaved (default: grouped by case).
    #[arg(long)]
    pub by_time: bool,
    /// Share of cases (0 to 1, or `15%`) with an activity the plan does not have.
    #[arg(long, default_value = "0", value_parser = parse_share)]
    pub ad_hoc: f64,
    /// Share of cases skipping a planned element a later one needs.
    #[arg(long, default_value = "0", value_parser = parse_share)]
    pub missing: f64,
    /// Share of cases with a failed event.
    #[arg(long, default_value = "0", value_parser = parse_share)]
    pub failing: f64,
    /// Share of cases doing two planned neighbours the other way round.
    #[arg(long, default_value = "0", value_parser = parse_share)]
    pub out_of_order: f64,
    /// Share of cases that stop before the journey's end.
    #[arg(long, default_value = "0", value_parser = parse_share)]
    pub drop: f64,
}

/// A share: `0.2` or `20%`.
fn parse_share(text: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    let (number, scale) = match trimmed.strip_suffix('%') {
        Some(n) => (n.trim(), 100.0),
        None => (trimmed, 1.0),
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a share: write 0.2 or 20%"))?;
    let value = value / scale;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{text:?} is outside 0 to 1 (0 % to 100 %)"))
    }
}

/// A ratio: `2x`, `2×` or `2`.
fn parse_times(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches(['x', 'X', '×']).trim();
    match number.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("{text:?} is not a ratio: write 2x")),
    }
}

fn parse_log_format(text: &str) -> Result<crate::interchange::eventlog::read::LogFormat, String> {
    use crate::interchange::eventlog::read::LogFormat;
    match text.to_ascii_lowercase().as_str() {
        "csv" => Ok(LogFormat::Csv),
        "xes" => Ok(LogFormat::Xes),
        _ => Err(format!("{text:?}: csv or xes")),
    }
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(short, long)]
    pub output: PathBuf,
    /// At most 1,000,000.
    #[arg(long, default_value_t = 1000, value_parser = parse_touchpoints)]
    pub touchpoints: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Make this many touchpoints have no evidence (one warning each).
    #[arg(long, default_value_t = 0, value_parser = parse_touchpoints)]
    pub warnings: usize,
    /// Add this many links to evidence that does not exist (one error each).
    #[arg(long, default_value_t = 0, value_parser = parse_touchpoints)]
    pub errors: usize,
    /// Add this many `//` comment lines.
    #[arg(long, default_value_t = 0, value_parser = parse_touchpoints)]
    pub comments: usize,
    /// Make the first touchpoint's title a pasted log of about this many bytes.
    #[arg(long, value_parser = parse_field_bytes)]
    pub huge_field: Option<usize>,
}

fn run_generate(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    use crate::generate::{generate, hostile};
    let mut journey = if let Some(bytes) = args.huge_field {
        hostile::with_huge_field(args.touchpoints, bytes, args.seed)
    } else {
        generate(args.touchpoints, args.seed)
    };
    hostile::add_warnings(&mut journey, args.warnings);
    hostile::add_errors(&mut journey, args.errors);
    let text = crate::format::to_text(&journey)?;
    let text = hostile::with_comments(&text, args.comments);
    crate::format::write_output(&args.output, text.as_bytes())
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.output.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// `journeymap room MAP`: prints the join URL and the facilitator's token (stdout,
/// before serving), serves until the facilitator closes the room, says what it wrote,
/// and goes on answering "closed" until interrupted.
fn run_room(args: &RoomArgs) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let journey = crate::format::load(&args.map)?.journey;
    let ip = args.bind.unwrap_or_else(crate::room::lan_address);
    let mut options = crate::room::RoomOptions::new(std::net::SocketAddr::new(ip, args.port));
    options.pin = args.pin.clone();
    options.lockout = std::time::Duration::from_secs(args.lockout_seconds);
    let room = crate::room::Room::open(journey, args.map.clone(), options)?;
    println!("{}", room.join_url());
    println!("facilitator token: {}", room.facilitator_token());
    std::io::stdout().flush().ok();
    let tally = room.wait_closed()?;
    match &tally.round {
        Some(round) => eprintln!(
            "wrote {} to {} ({} participants, {} elements voted on)",
            round.id,
            args.map.display(),
            round.participants,
            round.counts.len()
        ),
        None => eprintln!("no round was opened; {} is unchanged", args.map.display()),
    }
    if let Some(path) = &tally.notes_file {
        eprintln!("wrote {} notes to {}", tally.notes.len(), path.display());
    }
    eprintln!("the room is closed; Ctrl+C ends this");
    loop {
        std::thread::park();
    }
}

fn parse_touchpoints(text: &str) -> Result<usize, String> {
    let count: usize = text.parse().map_err(|e| format!("{e}"))?;
    let max = crate::generate::MAX_TOUCHPOINTS;
    if count > max {
        return Err(format!("at most {max}"));
    }
    Ok(count)
}

fn parse_field_bytes(text: &str) -> Result<usize, String> {
    let bytes: usize = text.parse().map_err(|e| format!("{e}"))?;
    let max = crate::format::MAX_JOURNEY_BYTES as usize;
    if bytes > max {
        return Err(format!(
            "at most {max} (the largest journey the loader reads)"
        ));
    }
    Ok(bytes)
}

/// Whether a poster may be spread over several sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tiles {
    Off,
    Auto,
}

/// A body size in points: 4 to 200.
fn parse_min_body(text: &str) -> Result<f32, String> {
    let size: f32 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a size in points"))?;
    if (4.0..=200.0).contains(&size) {
        Ok(size)
    } else {
        Err(format!("{size} pt is outside 4 to 200"))
    }
}

/// What an export does with stages that have no touchpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EmptyStages {
    Show,
    Collapse,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    pub file: PathBuf,
    /// Draw the history: a .svg, .png or .html file.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Journey files and folders (searched for .ron files; linked folders not followed).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The report: a .html, .pdf or .md file.
    #[arg(short, long)]
    pub output: PathBuf,
    /// The report's own words: en or es (default: the system's); journeys' text stays
    /// as written.
    #[arg(long, value_enum)]
    pub language: Option<crate::model::Language>,
    /// Do not ask git how long each grey area has been open.
    #[arg(long)]
    pub no_history: bool,
    /// Evidence older than this counts as stale.
    #[arg(long, default_value = "12m", value_parser = crate::format::Age::parse)]
    pub stale: crate::format::Age,
    /// The day ages count back from, `YYYY-MM-DD` (default: today).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Name the seams as this shared catalogue names them.
    #[arg(long)]
    pub catalogue: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BlameArgs {
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    pub old: PathBuf,
    pub new: PathBuf,
    /// Markdown (for a pull-request comment) is written in the new journey's language.
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// Also draw the change: the new map with added and changed elements outlined
    /// (.png, .svg or .pdf). Markdown output then shows the picture.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The picture's address in the markdown, when it is not the output path (e.g. the
    /// URL a CI job uploads it to).
    #[arg(long, requires = "output")]
    pub image_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (%O).
    pub base: PathBuf,
    /// Ours (%A); the result is written here.
    pub ours: PathBuf,
    /// Theirs (%B).
    pub theirs: PathBuf,
    /// The journey's path in the repository (%P), named in messages.
    pub path: Option<String>,
    /// The label of ours' side in conflict markers (git's %X: the branch name).
    #[arg(long, default_value = "ours")]
    pub ours_label: String,
    /// The label of theirs' side in conflict markers (git's %Y).
    #[arg(long, default_value = "theirs")]
    pub theirs_label: String,
}

#[derive(Debug, Args)]
pub struct GitSetupArgs {
    /// Which files are journeys.
    #[arg(long, default_value = "*.ron")]
    pub pattern: String,
}

#[derive(Debug, Args)]
pub struct GitDiffArgs {
    pub path: String,
    pub old_file: PathBuf,
    pub old_hex: String,
    pub old_mode: String,
    pub new_file: PathBuf,
    pub new_hex: String,
    pub new_mode: String,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A .csv, .mmd, .md or .json file.
    pub file: PathBuf,
    /// The new journey to write.
    #[arg(short, long, required_unless_present = "into", conflicts_with = "into")]
    pub output: Option<PathBuf>,
    /// Merge the spreadsheet's rows into this journey by touchpoint id (CSV only).
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// Language of a journey started from Mermaid: en or es (default: the system's).
    #[arg(long, value_enum)]
    pub language: Option<crate::model::Language>,
    /// The title of a journey started from a spreadsheet (asked at a terminal when not
    /// given; a sheet's file name is not a title).
    #[arg(long)]
    pub title: Option<String>,
    /// With --into: the sheet is the blueprint's steps (`export --steps`), merged by
    /// step id.
    #[arg(long, requires = "into")]
    pub steps: bool,
    /// With --into: import even though the journey's // comments will be lost.
    #[arg(long)]
    pub strip_comments: bool,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write it to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    pub file: PathBuf,
    /// The picture to write: a .png, .svg or .pdf file.
    #[arg(short, long)]
    pub output: PathBuf,
    /// PNG pixels per point, 1 to 4 (4 is poster quality).
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f32,
    /// Transparent background instead of white.
    #[arg(long)]
    pub transparent: bool,
    /// Stages without touchpoints: collapse (drawn narrow, the default) or show (as
    /// wide as a card, room to fill in).
    #[arg(long, value_enum, default_value = "collapse")]
    pub empty_stages: EmptyStages,
    /// The same as --empty-stages collapse (still accepted from older scripts).
    #[arg(long, hide = true, conflicts_with = "empty_stages")]
    pub collapse_empty_stages: bool,
    /// Fit the map to a sheet (a4, a3, a2, a1, a0, letter, tabloid; landscape unless
    /// --portrait), with margins, title block and legend, its body at the sheet's floor
    /// (9 pt on A4, A3, Letter and Tabloid, 12 pt on A2, 18 pt on A1 and A0). PNG: 150
    /// dpi times --scale.
    #[arg(long, value_enum, ignore_case = true)]
    pub page: Option<crate::export::PageSize>,
    /// With --page: the least body size in points, instead of the sheet's floor.
    #[arg(long, requires = "page", value_parser = parse_min_body)]
    pub min_body: Option<f32>,
    /// With --page: `auto` spreads the poster over as many sheets as its floor needs
    /// when one sheet cannot hold it (crop marks and a map of the sheets on each);
    /// `off` prints one sheet and says how small.
    #[arg(long, value_enum, requires = "page", default_value = "off")]
    pub tiles: Tiles,
    /// The sheet upright (with --page).
    #[arg(long, requires = "page")]
    pub portrait: bool,
    /// The layout: timeline or wall. Default: the timeline, or on a page whichever keeps
    /// the text larger.
    #[arg(long, value_enum, ignore_case = true)]
    pub layout: Option<crate::layout::Arrangement>,
    /// A 16:9 deck: an overview and a page per stage (a PDF, or numbered PNG or SVG
    /// files: deck-01.png, deck-02.png, …).
    #[arg(long, conflicts_with = "page")]
    pub slides: bool,
    /// Leave out the evidence lane (each touchpoint's strongest quote and metrics).
    #[arg(long)]
    pub no_evidence: bool,
    /// The service blueprint's lanes (frontstage, backstage, support) under the
    /// touchpoints, when the map has steps.
    #[arg(long, value_enum, default_value_t = OnOff::On)]
    pub blueprint: OnOff,
    /// With a .csv output: the blueprint's steps sheet instead of the touchpoints.
    #[arg(long)]
    pub steps: bool,
    /// An event log's numbers over the map (from `conform --into`): each card's reach,
    /// the cases lost between stages on the curve lane.
    #[arg(long)]
    pub data: bool,
}

/// A switch on the command line: `on` or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

fn parse_scale(text: &str) -> Result<f32, String> {
    let scale: f32 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if (1.0..=4.0).contains(&scale) {
        Ok(scale)
    } else {
        Err(format!("scale {scale} is outside 1 to 4"))
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Treat warnings as errors (for CI).
    #[arg(long)]
    pub deny_warnings: bool,
    /// Warn on each piece of evidence older than this (`12m`, `90d`, `6w`, `2y`), and
    /// end with how many are older and how many undated.
    #[arg(long, value_parser = crate::format::Age::parse)]
    pub stale: Option<crate::format::Age>,
    /// The day `--stale` counts back from, `YYYY-MM-DD` (default: today).
    #[arg(long, requires = "stale")]
    pub as_of: Option<String>,
    /// Warn where a journey's channels, departments or actors differ from this shared
    /// catalogue (`catalogue sync` brings them in line).
    #[arg(long)]
    pub catalogue: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CatalogueArgs {
    #[command(subcommand)]
    pub action: CatalogueAction,
}

#[derive(Debug, Subcommand)]
pub enum CatalogueAction {
    /// Bring each journey's channels, departments and actors in line with the shared
    /// catalogue (ids renamed with their references, names and colours taken), through
    /// the canonical writer.
    Sync {
        catalogue: PathBuf,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Change nothing; list the files that are not canonical and exit 1 if any.
    #[arg(long)]
    pub check: bool,
    /// Rewrite files even if that removes hand-written comments.
    #[arg(long)]
    pub strip_comments: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write the journey.
    #[arg(short, long)]
    pub output: PathBuf,
    /// The journey's title (default: the template's, or "Untitled journey").
    #[arg(long)]
    pub title: Option<String>,
    /// Language of the journey: en or es (default: the system's).
    #[arg(long, value_enum)]
    pub language: Option<crate::model::Language>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
    /// Start from a template (see `journeymap templates`); its title unless --title.
    #[arg(long, value_parser = parse_template)]
    pub template: Option<String>,
}

fn parse_template(text: &str) -> Result<String, String> {
    match crate::templates::find(text) {
        Some(t) => Ok(t.key.to_owned()),
        None => Err(format!(
            "{text:?} is not a template; `journeymap templates` lists them: {}",
            crate::templates::TEMPLATES
                .iter()
                .map(|t| t.key)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Runs a command; the caller prints nothing further.
pub fn run(command: Command) -> ExitCode {
    let diff_like = matches!(command, Command::Diff(_) | Command::Merge(_));
    let result = match command {
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::New(args) => new::run(&args),
        Command::Templates => new::list_templates(),
        Command::Export(args) => export::run(&args),
        Command::Import(args) => interchange::run_import(&args),
        Command::Schema(args) => interchange::run_schema(&args),
        Command::Diff(args) => git::run_diff(&args),
        Command::Merge(args) => git::run_merge(&args),
        Command::GitSetup(args) => git::run_git_setup(&args),
        Command::History(args) => history::run_history(&args),
        Command::Blame(args) => history::run_blame(&args),
        Command::Catalogue(args) => check::run_catalogue(&args),
        Command::Report(args) => history::run_report(&args),
        Command::GitDiff(args) => git::run_git_diff(&args),
        Command::Generate(args) => run_generate(&args),
        Command::Conform(args) => conform::run(&args),
        Command::Room(args) => run_room(&args),
        Command::GenerateLog(args) => conform::run_generate_log(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("journeymap: {error:#}");
            // diff and merge use 1 for "different" / "conflicts"; trouble is 2.
            if diff_like {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
