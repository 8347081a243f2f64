//! Posters: the exported page (title block, map, legend) fitted to a sheet of paper,
//! A4 to A0, landscape unless portrait. The map is laid out as the timeline or as the
//! wall in whichever number of card rows keeps its text largest on that sheet; a chosen
//! layout is kept. SVG and PDF are page-size-true (millimetres, points); PNG is
//! 150 dpi times the scale.

use super::page::{Page, poster_page};
use crate::i18n::I18n;
use crate::layout::{Arrangement, Point, Rect};
use crate::model::Journey;
use crate::scene::{Align, Line, Paint, Shape, TextBox};
use crate::theme::Theme;
use serde::{Deserialize, Serialize};

/// ISO 216 sheets, and the North American Letter and Tabloid.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    clap::ValueEnum,
)]
#[strum(serialize_all = "lowercase")]
pub enum PageSize {
    A4,
    A3,
    A2,
    A1,
    A0,
    Letter,
    Tabloid,
}

impl PageSize {
    pub const ALL: &'static [PageSize] = <PageSize as strum::VariantArray>::VARIANTS;

    /// Stable key, for the command line and message ids (`a3`).
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// Width and height in millimetres, portrait.
    pub fn portrait_mm(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0, 297.0),
            PageSize::A3 => (297.0, 420.0),
            PageSize::A2 => (420.0, 594.0),
            PageSize::A1 => (594.0, 841.0),
            PageSize::A0 => (841.0, 1189.0),
            PageSize::Letter => (215.9, 279.4),
            PageSize::Tabloid => (279.4, 431.8),
        }
    }

    /// The least body text a reader needs on this sheet, in points, at the distance it
    /// is read from: a handout in the hand, a sheet on a table, a poster from 1.5 m.
    pub fn body_floor_pt(self) -> f32 {
        match self {
            PageSize::A4 | PageSize::A3 | PageSize::Letter | PageSize::Tabloid => 9.0,
            PageSize::A2 => 12.0,
            PageSize::A1 | PageSize::A0 => 18.0,
        }
    }

    /// The sheet's area in square millimetres (to find a larger one).
    pub fn area(self) -> f32 {
        let (w, h) = self.portrait_mm();
        w * h
    }
}

/// A sheet and its orientation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Paper {
    pub size: PageSize,
    pub portrait: bool,
}

/// Points (1/72 inch) per millimetre.
pub const POINTS_PER_MM: f32 = 72.0 / 25.4;
/// The white border around the poster.
pub const MARGIN_MM: f32 = 10.0;
/// Pixels per inch of a poster's PNG at scale 1.
pub const PNG_DPI: f32 = 150.0;
/// The smallest type worth printing; `export` warns below it.
pub const MIN_PRINT_PT: f32 = 6.0;

impl Paper {
    /// Width and height in millimetres, in this orientation.
    pub fn mm(self) -> (f32, f32) {
        let (short, long) = self.size.portrait_mm();
        if self.portrait {
            (short, long)
        } else {
            (long, short)
        }
    }

    /// Width and height in points.
    pub fn points(self) -> (f32, f32) {
        let (w, h) = self.mm();
        (w * POINTS_PER_MM, h * POINTS_PER_MM)
    }
}

/// Type at least this large on a sheet lets it carry every lane (kept for the wall's
/// every-lane choice on small sheets).
pub const LARGE_PRINT_PT: f32 = 8.0;

/// How much of the sheet's printable width and height a poster's content should fill.
pub const FILL: f32 = 0.85;
/// A poster's title, as a share of the sheet's height (read from across a room).
pub const TITLE_SHARE: f32 = 0.05;

/// The lanes a poster leaves out, in this order, when its words would print under the
/// sheet's floor with every lane: first the evidence lane's text, then doing and
/// thinking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeftOut {
    Nothing,
    Evidence,
    EvidenceAndDoing,
}

impl LeftOut {
    pub const ALL: [LeftOut; 3] = [
        LeftOut::Nothing,
        LeftOut::Evidence,
        LeftOut::EvidenceAndDoing,
    ];

    /// Message key naming what was left out.
    pub fn key(self) -> &'static str {
        match self {
            LeftOut::Nothing => "nothing",
            LeftOut::Evidence => "evidence",
            LeftOut::EvidenceAndDoing => "evidence-and-doing",
        }
    }
}

/// Where the exported page sits on the sheet, in points.
#[derive(Clone, Debug)]
pub struct Poster {
    pub page: Page,
    /// The theme it was laid out in (print type, empty stages narrow).
    pub theme: Theme,
    pub arrangement: Arrangement,
    /// Whether every lane is on the sheet (the timeline, or the wall with each card's
    /// cells under it), not only the cards, curve and grey areas.
    pub every_lane: bool,
    /// Points per layout unit.
    pub scale: f32,
    /// The page's top-left corner on the sheet (on the first sheet, when tiled).
    pub origin: Point,
    pub paper: Paper,
    /// The body size it must print at: the sheet's floor, or `--min-body`.
    pub floor: f32,
    /// The lanes left out to reach the floor.
    pub left_out: LeftOut,
    /// Sheets across and down: (1, 1) for one sheet.
    pub tiles: (usize, usize),
}

impl Poster {
    /// The size of the smallest text on the sheet, in points.
    pub fn smallest_text_pt(&self) -> f32 {
        smallest_text(&self.theme) * self.scale
    }

    /// How much of the printable width and height the page fills (on one sheet).
    pub fn fill(&self) -> (f32, f32) {
        let (w, h) = printable(self.paper);
        (
            self.page.width * self.scale / w,
            self.page.height * self.scale / h,
        )
    }

    /// Whether the poster is spread over several sheets.
    pub fn tiled(&self) -> bool {
        self.tiles.0 * self.tiles.1 > 1
    }
}

/// The smallest type size the page uses, in layout units.
pub fn smallest_text(theme: &Theme) -> f32 {
    theme
        .small_size
        .min(theme.body_size)
        .min(theme.card_title_size)
}

/// The sheet's printable width and height in points: inside its white border.
pub fn printable(paper: Paper) -> (f32, f32) {
    let (width, height) = paper.points();
    let margin = MARGIN_MM * POINTS_PER_MM;
    (width - 2.0 * margin, height - 2.0 * margin)
}

/// One way to lay the page out: the arrangement, the wall's rows, whether the wall
/// carries every lane, what is left out, and how wide the cards are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Choice {
    arrangement: Arrangement,
    rows: usize,
    every_lane: bool,
    left_out: LeftOut,
    slot_bits: u32,
}

/// The pages a journey can be printed as: the timeline with every lane and the wall in
/// each number of card rows worth trying, with lanes left out or cards widened as a
/// sheet needs, each laid out once and kept. `on` fits one to a sheet.
pub struct PosterPlan<'a> {
    journey: &'a Journey,
    theme: Theme,
    evidence: bool,
    forced: Option<Arrangement>,
    min_body: Option<f32>,
    tiles: bool,
    pages: std::cell::RefCell<std::collections::HashMap<(Choice, u32), Page>>,
    fits: std::cell::RefCell<std::collections::HashMap<(LeftOut, u32), crate::theme::Metrics>>,
}

impl<'a> PosterPlan<'a> {
    pub fn new(journey: &'a Journey, options: &super::ExportOptions) -> Self {
        let mut theme = super::export_theme(options);
        // Empty stages are narrow on paper: the sheet goes to the stages that speak.
        theme.metrics = theme.metrics.collapsing_empty_stages(true);
        Self {
            journey,
            theme,
            evidence: options.evidence,
            forced: options.layout,
            min_body: options.min_body,
            tiles: options.tiles,
            pages: Default::default(),
            fits: Default::default(),
        }
    }

    /// The metrics for cards `slot` wide with `left_out` left out, fitted once.
    fn metrics(&self, left_out: LeftOut, slot: f32) -> crate::theme::Metrics {
        let key = (left_out, slot.to_bits());
        if let Some(m) = self.fits.borrow().get(&key) {
            return m.clone();
        }
        let i18n = crate::i18n::I18n::new(self.journey.language);
        let mut theme = self.theme.clone();
        theme.metrics.slot_width = slot;
        let evidence = self.evidence && left_out == LeftOut::Nothing;
        let mut m = crate::scene::fitted(self.journey, &theme, &i18n, evidence);
        if left_out == LeftOut::EvidenceAndDoing {
            m.doing_height = 0.0;
        }
        self.fits.borrow_mut().insert(key, m.clone());
        m
    }

    /// The page laid out in `shape`, once, its title at the page's own size.
    fn page(&self, shape: Choice) -> Page {
        self.titled(shape, super::page::TITLE_SIZE)
    }

    /// The page laid out in `shape` with its title `title_size` units, once.
    fn titled(&self, shape: Choice, title_size: f32) -> Page {
        let key = (shape, title_size.to_bits());
        if let Some(page) = self.pages.borrow().get(&key) {
            return page.clone();
        }
        let i18n = crate::i18n::I18n::new(self.journey.language);
        let m = self.metrics(shape.left_out, f32::from_bits(shape.slot_bits));
        let map = match shape.arrangement {
            Arrangement::Timeline => crate::layout::layout(self.journey, &m),
            Arrangement::Wall => {
                crate::layout::wall_with(self.journey, &m, shape.rows, shape.every_lane)
            }
        };
        let theme = Theme {
            metrics: m,
            ..self.theme.clone()
        };
        let page = poster_page(self.journey, map, title_size, &theme, &i18n);
        self.pages.borrow_mut().insert(key, page.clone());
        page
    }

    /// `page` (laid out in `shape`) with its title at about `TITLE_SHARE` of the
    /// sheet's height, as long as the words still print at `floor`; else the largest
    /// title between that keeps them there (a few halvings), else the page as it was.
    fn sheet_title(&self, shape: Choice, page: Page, paper: Paper, floor: f32) -> Page {
        let (width, height) = printable(paper);
        let (_, sheet_height) = paper.points();
        let smallest = smallest_text(&self.theme);
        let fit = |page: &Page| (width / page.width).min(height / page.height);
        let prints = |page: &Page| fit(page) * smallest >= floor - 1e-3;
        let wanted = TITLE_SHARE * sheet_height;
        // The title in units that prints `wanted` points high on this page.
        let size_for = |page: &Page| (wanted / fit(page)).round();
        let mut best = page;
        let mut low = best.title_size;
        let mut high = size_for(&best);
        for _ in 0..5 {
            if high <= low + 1.0 {
                break;
            }
            let candidate = self.titled(shape, high);
            if prints(&candidate) {
                // A larger header shrinks the page a little: aim again from there.
                let again = size_for(&candidate);
                best = candidate;
                low = high;
                high = again.max(low);
                if (again - low).abs() <= 1.0 {
                    break;
                }
            } else {
                let middle = ((low + high) / 2.0).round();
                let candidate = self.titled(shape, middle);
                if prints(&candidate) {
                    best = candidate;
                    low = middle;
                } else {
                    high = middle;
                }
            }
        }
        best
    }

    /// The shapes worth trying with `left_out` left out, cards at the theme's width.
    fn shapes(&self, left_out: LeftOut) -> Vec<Choice> {
        let slot_bits = self.theme.metrics.slot_width.to_bits();
        let mut out = Vec::new();
        if self.forced != Some(Arrangement::Wall) {
            out.push(Choice {
                arrangement: Arrangement::Timeline,
                rows: 1,
                every_lane: true,
                left_out,
                slot_bits,
            });
        }
        if self.forced != Some(Arrangement::Timeline) {
            for every_lane in [true, false] {
                for rows in crate::layout::wall_rows(self.journey) {
                    out.push(Choice {
                        arrangement: Arrangement::Wall,
                        rows,
                        every_lane,
                        left_out,
                        slot_bits,
                    });
                }
            }
        }
        out
    }

    /// The page on `paper`, designed for it: the shape whose words print at the
    /// sheet's floor (or `--min-body`) and that fills the printable area best (cards
    /// widened when the page is too narrow for the sheet); when none prints at the
    /// floor, lanes left out in their order; when still none, tiled onto as many
    /// sheets as the floor needs (`--tiles auto`), else the largest it prints.
    pub fn on(&self, paper: Paper) -> Poster {
        let (width, height) = printable(paper);
        let floor = self.min_body.unwrap_or(paper.size.body_floor_pt());
        let smallest = smallest_text(&self.theme);
        let fit = |page: &Page| (width / page.width).min(height / page.height);
        let fill = |page: &Page| {
            let s = fit(page);
            (page.width * s / width).min(page.height * s / height)
        };
        let poster = |shape: Choice, page: Page, scale: f32, tiles: (usize, usize)| {
            let (sheet_w, sheet_h) = paper.points();
            let origin = if tiles == (1, 1) {
                Point::new(
                    (sheet_w - page.width * scale) / 2.0,
                    (sheet_h - page.height * scale) / 2.0,
                )
            } else {
                let margin = MARGIN_MM * POINTS_PER_MM;
                Point::new(margin, margin)
            };
            Poster {
                page,
                theme: self.theme.clone(),
                arrangement: shape.arrangement,
                every_lane: shape.every_lane,
                scale,
                origin,
                paper,
                floor,
                left_out: shape.left_out,
                tiles,
            }
        };
        for left_out in LeftOut::ALL {
            let readable: Vec<(Choice, Page)> = self
                .shapes(left_out)
                .into_iter()
                .map(|shape| (shape, self.page(shape)))
                .filter(|(_, page)| fit(page) * smallest >= floor - 1e-3)
                .collect();
            // The timeline first when it prints at the floor and fills the sheet;
            // else the shape that fills it best, the larger type between equals.
            let Some((shape, page)) = readable
                .iter()
                .max_by(|(a_shape, a), (b_shape, b)| {
                    let key = |shape: &Choice, page: &Page| {
                        (
                            fill(page).min(FILL),
                            shape.every_lane,
                            shape.arrangement == Arrangement::Timeline,
                            fit(page),
                        )
                    };
                    let (ka, kb) = (key(a_shape, a), key(b_shape, b));
                    ka.0.total_cmp(&kb.0)
                        .then(ka.1.cmp(&kb.1))
                        .then(ka.2.cmp(&kb.2))
                        .then(ka.3.total_cmp(&kb.3))
                })
                .cloned()
            else {
                continue;
            };
            let (shape, page) = self.widened(shape, page, paper, floor);
            let page = self.sheet_title(shape, page, paper, floor);
            let scale = fit(&page);
            return poster(shape, page, scale, (1, 1));
        }
        // Nothing prints at the floor on one sheet, whatever is left out.
        let last = LeftOut::EvidenceAndDoing;
        let pages: Vec<(Choice, Page)> = self
            .shapes(last)
            .into_iter()
            .map(|shape| (shape, self.page(shape)))
            .collect();
        if self.tiles {
            // At the floor, the shape that needs the fewest sheets, the one that fills
            // them best between equals.
            let scale = floor / smallest;
            let tiles = |page: &Page| {
                let across = ((page.width * scale) / width - 1e-3).ceil().max(1.0) as usize;
                let down = ((page.height * scale) / height - 1e-3).ceil().max(1.0) as usize;
                (across, down)
            };
            let used = |page: &Page| {
                let (across, down) = tiles(page);
                (page.width * scale * page.height * scale)
                    / (across as f32 * width * down as f32 * height)
            };
            let (shape, page) = pages
                .into_iter()
                .min_by(|(_, a), (_, b)| {
                    let (ta, tb) = (tiles(a), tiles(b));
                    (ta.0 * ta.1)
                        .cmp(&(tb.0 * tb.1))
                        .then(used(b).total_cmp(&used(a)))
                })
                .unwrap_or_else(|| unreachable!("a plan has a shape"));
            let count = tiles(&page);
            return poster(shape, page, scale, count);
        }
        let (shape, page) = pages
            .into_iter()
            .max_by(|(_, a), (_, b)| fit(a).total_cmp(&fit(b)))
            .unwrap_or_else(|| unreachable!("a plan has a shape"));
        let scale = fit(&page);
        poster(shape, page, scale, (1, 1))
    }

    /// `page` with its cards widened (or narrowed) until it fills the sheet's width as
    /// it fills its height, while its words still print at the floor (a few tries; the
    /// best kept).
    fn widened(&self, shape: Choice, page: Page, paper: Paper, floor: f32) -> (Choice, Page) {
        let (width, height) = printable(paper);
        let smallest = smallest_text(&self.theme);
        let fit = |page: &Page| (width / page.width).min(height / page.height);
        let fill = |page: &Page| {
            let s = fit(page);
            (page.width * s / width).min(page.height * s / height)
        };
        let mut best = (shape, page);
        for _ in 0..3 {
            let (shape, page) = &best;
            if fill(page) >= FILL {
                break;
            }
            // Too narrow for the sheet: wider cards; too wide: narrower ones, whose
            // words take more lines (the shapes tried already hold more rows).
            let narrow = page.width / page.height < width / height;
            let want = (width / height) * page.height;
            let slot = f32::from_bits(shape.slot_bits);
            let factor = if narrow {
                (want / page.width).clamp(1.05, 3.0)
            } else {
                (want / page.width).sqrt().clamp(0.7, 0.95)
            };
            let grown = (slot * factor).round();
            let wider = Choice {
                slot_bits: grown.to_bits(),
                ..*shape
            };
            let candidate = self.page(wider);
            if fit(&candidate) * smallest >= floor - 1e-3 && fill(&candidate) > fill(page) {
                best = (wider, candidate);
            } else {
                break;
            }
        }
        best
    }
}

/// Fits the journey's page to `paper` (see `PosterPlan::on`).
pub fn poster(journey: &Journey, paper: Paper, options: &super::ExportOptions) -> Poster {
    PosterPlan::new(journey, options).on(paper)
}

/// Where a poster came from, for its footer: the journeymap version, the map's date
/// and, when `source` is in a git work tree, the commit it was exported at ("with
/// changes" when the file differs from it). Nothing of git when it is not in one.
pub fn provenance(journey: &Journey, source: Option<&std::path::Path>, i18n: &I18n) -> String {
    let mut parts = vec![crate::tr!(
        i18n,
        "poster-made-with",
        version = env!("CARGO_PKG_VERSION")
    )];
    if !journey.date.trim().is_empty() {
        parts.push(journey.date.trim().to_owned());
    }
    if let Some(commit) = source.and_then(git_commit) {
        parts.push(match commit {
            (hash, false) => crate::tr!(i18n, "poster-commit", commit = hash),
            (hash, true) => crate::tr!(i18n, "poster-commit-changed", commit = hash),
        });
    }
    parts.join(" · ")
}

/// The short commit of the work tree `file` is in, and whether the file has changes
/// since; none outside git (or without git).
fn git_commit(file: &std::path::Path) -> Option<(String, bool)> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let git = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let hash = git(&["rev-parse".as_ref(), "--short".as_ref(), "HEAD".as_ref()])?;
    let name = file.file_name()?;
    let changed = git(&[
        "status".as_ref(),
        "--porcelain".as_ref(),
        "--".as_ref(),
        name,
    ])
    .is_some_and(|s| !s.is_empty());
    Some((hash, changed))
}

/// The poster's sheets, each a display list in points: the page placed on it (the
/// whole page, or on a tiled poster this sheet's part of it at the floor's scale, the
/// margins kept white, crop marks at the corners and a map of the sheets), and the
/// footer in the bottom margin.
pub fn sheets(poster: &Poster, page: &[Shape], footer: &str, i18n: &I18n) -> Vec<Vec<Shape>> {
    let (across, down) = poster.tiles;
    let (w, h) = printable(poster.paper);
    let (sheet_w, sheet_h) = poster.paper.points();
    let margin = MARGIN_MM * POINTS_PER_MM;
    // Notes in the border for whoever prints and joins the sheets: up to 9 pt, never
    // under 6 pt.
    let note = poster.floor.clamp(MIN_PRINT_PT, 9.0);
    let mut out = Vec::new();
    for row in 0..down {
        for column in 0..across {
            let dx = poster.origin.x - column as f32 * w;
            let dy = poster.origin.y - row as f32 * h;
            // A tile holds only what reaches its sheet.
            let sheet = Rect::from_min_size(0.0, 0.0, sheet_w, sheet_h);
            let mut shapes: Vec<Shape> = page
                .iter()
                .map(|s| s.placed(dx, dy, poster.scale))
                .filter(|s| !poster.tiled() || s.reach().intersects(&sheet))
                .collect();
            if poster.tiled() {
                margins(&mut shapes, sheet_w, sheet_h, margin);
                crop_marks(&mut shapes, sheet_w, sheet_h, margin);
                let n = row * across + column + 1;
                let label = crate::tr!(
                    i18n,
                    "poster-sheet",
                    n = n,
                    count = across * down,
                    row = row + 1,
                    column = column + 1
                );
                sheet_map(
                    &mut shapes,
                    (across, down),
                    (column, row),
                    margin,
                    sheet_h,
                    note,
                    label,
                );
            }
            // What the sheet leaves out, named where the reader looks for it.
            let footer = match poster.left_out {
                LeftOut::Nothing => footer.to_owned(),
                left => format!("{} · {footer}", i18n.term("poster-left-out", left.key())),
            };
            // Right of the sheet map, whole: smaller down to 6 pt, then on two lines.
            let room = sheet_w
                - 2.0 * margin
                - if poster.tiled() {
                    90.0 * POINTS_PER_MM
                } else {
                    0.0
                };
            let mut size = note;
            while crate::text::width(&footer, size, false) > room && size > MIN_PRINT_PT {
                size = (size - 0.5).max(MIN_PRINT_PT);
            }
            // Clear of the crop mark at the corner.
            let right = sheet_w
                - margin
                - if poster.tiled() {
                    3.0 * POINTS_PER_MM
                } else {
                    0.0
                };
            shapes.push(Shape::Text(TextBox {
                pos: Point::new(right, sheet_h - margin + 1.5 * POINTS_PER_MM),
                text: footer,
                size,
                bold: false,
                colour: crate::model::Rgb::hex(0x4a5263),
                max_width: room,
                max_lines: 2,
                align: Align::Right,
            }));
            out.push(shapes);
        }
    }
    out
}

/// White over the sheet's border, so a tile shows only its own part of the page.
fn margins(out: &mut Vec<Shape>, width: f32, height: f32, margin: f32) {
    for rect in [
        Rect::from_min_size(0.0, 0.0, width, margin),
        Rect::from_min_size(0.0, height - margin, width, margin),
        Rect::from_min_size(0.0, 0.0, margin, height),
        Rect::from_min_size(width - margin, 0.0, margin, height),
    ] {
        out.push(Shape::Area {
            rect,
            paint: Paint::solid(crate::model::Rgb::hex(0xffffff)),
        });
    }
}

/// Crop marks at the printable area's corners, in the border, where the sheets are cut
/// to be joined.
fn crop_marks(out: &mut Vec<Shape>, width: f32, height: f32, margin: f32) {
    let gap = 1.5 * POINTS_PER_MM;
    let length = 6.0 * POINTS_PER_MM;
    let line = Line::solid(crate::model::Rgb::hex(0x000000), 0.5);
    for (x, sx) in [(margin, -1.0), (width - margin, 1.0)] {
        for (y, sy) in [(margin, -1.0), (height - margin, 1.0)] {
            out.push(Shape::Polyline {
                points: vec![
                    Point::new(x + sx * gap, y),
                    Point::new(x + sx * (gap + length), y),
                ],
                line,
            });
            out.push(Shape::Polyline {
                points: vec![
                    Point::new(x, y + sy * gap),
                    Point::new(x, y + sy * (gap + length)),
                ],
                line,
            });
        }
    }
}

/// A map of the sheets in the bottom border: a cell per sheet, this one filled, and
/// which it is in words.
fn sheet_map(
    out: &mut Vec<Shape>,
    (across, down): (usize, usize),
    (column, row): (usize, usize),
    margin: f32,
    height: f32,
    note: f32,
    label: String,
) {
    let top = height - margin + 2.0 * POINTS_PER_MM;
    let room = margin - 4.0 * POINTS_PER_MM;
    let cell = (room / down as f32).min(3.0 * POINTS_PER_MM);
    let left = margin + 8.0 * POINTS_PER_MM;
    for r in 0..down {
        for c in 0..across {
            let here = (c, r) == (column, row);
            out.push(Shape::Rect {
                rect: Rect::from_min_size(
                    left + c as f32 * cell,
                    top + r as f32 * cell,
                    cell,
                    cell,
                ),
                radius: 0.0,
                fill: here.then(|| Paint::solid(crate::model::Rgb::hex(0x1f2430))),
                stroke: Some(Line::solid(crate::model::Rgb::hex(0x4a5263), 0.4)),
            });
        }
    }
    out.push(Shape::Text(TextBox {
        pos: Point::new(left + across as f32 * cell + 2.0 * POINTS_PER_MM, top),
        text: label,
        size: note,
        bold: true,
        colour: crate::model::Rgb::hex(0x1f2430),
        max_width: 120.0 * POINTS_PER_MM,
        max_lines: 1,
        align: Align::Left,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_iso_216() {
        let a3 = Paper {
            size: PageSize::A3,
            portrait: false,
        };
        assert_eq!(a3.mm(), (420.0, 297.0));
        let (w, h) = a3.points();
        assert!((w - 1190.55).abs() < 0.1 && (h - 841.89).abs() < 0.1);
        use clap::ValueEnum;
        assert_eq!(PageSize::from_str("A0", true), Ok(PageSize::A0));
        assert!(PageSize::from_str("b4", true).is_err());
        assert_eq!(PageSize::A3.key(), "a3");
    }

    #[test]
    fn a_poster_fits_inside_its_margins() {
        let journey = crate::generate::generate(60, 1);
        for &size in PageSize::ALL {
            for portrait in [false, true] {
                let paper = Paper { size, portrait };
                let p = poster(&journey, paper, &crate::export::ExportOptions::default());
                let (w, h) = paper.points();
                let margin = MARGIN_MM * POINTS_PER_MM - 0.01;
                assert!(p.origin.x >= margin && p.origin.y >= margin);
                assert!(p.origin.x + p.page.width * p.scale <= w - margin);
                assert!(p.origin.y + p.page.height * p.scale <= h - margin);
            }
        }
    }

    #[test]
    fn each_sheet_prints_at_its_floor_or_leaves_lanes_out_or_tiles() {
        let options = crate::export::ExportOptions::default();
        let example = crate::format::load(std::path::Path::new(concat!(
            concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
            "/journeys/online-order-delivery-return.ron"
        )))
        .unwrap()
        .journey;
        let sixty = crate::generate::generate(60, 1);
        for journey in [&example, &sixty] {
            let plan = PosterPlan::new(journey, &options);
            let tiled = PosterPlan::new(
                journey,
                &crate::export::ExportOptions {
                    tiles: true,
                    ..options
                },
            );
            let mut left_before = LeftOut::EvidenceAndDoing;
            for size in [PageSize::A3, PageSize::A2, PageSize::A1, PageSize::A0] {
                let paper = Paper {
                    size,
                    portrait: false,
                };
                let p = plan.on(paper);
                assert_eq!(p.floor, size.body_floor_pt());
                if p.smallest_text_pt() + 1e-3 >= p.floor {
                    // At the floor on one sheet, filling it.
                    let (w, h) = p.fill();
                    assert!(w.min(h) >= FILL - 0.02, "{size:?}: {w} × {h}");
                } else {
                    // Nothing held at the floor: every lane that may go is gone, and
                    // tiles hold it at the floor exactly.
                    assert_eq!(p.left_out, LeftOut::EvidenceAndDoing, "{size:?}");
                    let t = tiled.on(paper);
                    assert!(t.tiled(), "{size:?}");
                    assert!((t.smallest_text_pt() - t.floor).abs() < 1e-3);
                }
                // A3 to A0 the floor doubles, so no rule that a larger sheet keeps
                // more; within one floor (A1 and A0) it does.
                if size == PageSize::A0 {
                    assert!(p.left_out <= left_before, "A0 keeps what A1 keeps");
                }
                left_before = p.left_out;
            }
            // --min-body holds the type at that size.
            let big = PosterPlan::new(
                journey,
                &crate::export::ExportOptions {
                    min_body: Some(6.0),
                    ..options
                },
            )
            .on(Paper {
                size: PageSize::A0,
                portrait: false,
            });
            assert!(big.smallest_text_pt() + 1e-3 >= 6.0);
            assert_eq!(big.left_out, LeftOut::Nothing);
        }
        // A forced layout is kept.
        for &forced in Arrangement::ALL {
            let options = crate::export::ExportOptions {
                layout: Some(forced),
                ..options
            };
            let p = poster(
                &sixty,
                Paper {
                    size: PageSize::A3,
                    portrait: false,
                },
                &options,
            );
            assert_eq!(p.arrangement, forced);
        }
    }
}
