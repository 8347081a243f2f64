//! Export the whole map as a presentation-grade picture: SVG (vector, real `<text>`)
//! and PNG rendered from that same SVG with resvg. The page is the shared scene (the
//! canvas draws the same one) with a header above and a legend below, in the journey's
//! own language. Fonts are the bundled Inter only, never system fonts, so the same
//! journey gives the same bytes on every machine.

mod change;
pub mod html;
pub mod outline;
mod page;
mod poster;
mod slides;
mod svg;
pub mod web;

pub use change::{Mark, change_svg};
pub use page::{Page, page_numbers, page_with, reference_line, references_at, references_from};
pub use poster::{
    FILL, LARGE_PRINT_PT, LeftOut, MIN_PRINT_PT, PNG_DPI, POINTS_PER_MM, PageSize, Paper, Poster,
    PosterPlan, poster, smallest_text,
};
pub use slides::{SLIDE_HEIGHT, SLIDE_MIN_TEXT, SLIDE_WIDTH, compose_slides, slide_theme, slides};

use crate::layout::Arrangement;
use serde::{Deserialize, Serialize};

use crate::i18n::I18n;
use crate::model::Journey;
use crate::theme::Theme;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use thiserror::Error;

/// Largest PNG side in pixels; bigger pictures should be exported as SVG.
pub const MAX_PNG_SIDE_PX: u32 = 120_000;
/// Largest PNG area in pixels. Rendering holds one RGBA raster (4 bytes a pixel; made
/// straight in place for the encoder) and the compressed file, so the largest allowed
/// PNG peaks at about 1.1 GB (measured: see the README's benchmark table).
pub const MAX_PNG_PIXELS: u64 = 250_000_000;

/// The bytes a PNG of `width` × `height` pixels takes to render: the raster, and the
/// encoded file, which for a map compresses to well under a byte a pixel.
pub fn png_memory_estimate(width: u64, height: u64) -> u64 {
    width.saturating_mul(height).saturating_mul(5)
}

/// The pixel size of a PNG of a `width` × `height` page at `scale` pixels a unit, or
/// why not.
fn png_size(width: f32, height: f32, scale: f32) -> Result<(u64, u64), ExportError> {
    let width = (width * scale).ceil() as u64;
    let height = (height * scale).ceil() as u64;
    if width > u64::from(MAX_PNG_SIDE_PX)
        || height > u64::from(MAX_PNG_SIDE_PX)
        || width.saturating_mul(height) > MAX_PNG_PIXELS
    {
        return Err(ExportError::TooLarge {
            width,
            height,
            megabytes: png_memory_estimate(width, height) / 1_000_000,
        });
    }
    Ok((width, height))
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// 1.0 to 4.0: pixels per layout unit (on paper: times 150 dpi).
    pub scale: f32,
    /// Leave the background transparent instead of white.
    pub transparent: bool,
    /// Draw stages without touchpoints narrow.
    pub collapse_empty_stages: bool,
    /// Timeline or wall. None: the timeline, or on paper whichever draws larger.
    pub layout: Option<Arrangement>,
    /// Fit the map to a sheet of paper, with a title block and legend.
    pub paper: Option<Paper>,
    /// A 16:9 deck instead of the map: an overview, then a page per stage.
    pub slides: bool,
    /// The evidence lane under the cards: each touchpoint's strongest quote and its
    /// metrics.
    pub evidence: bool,
    /// The service blueprint's lanes under the touchpoints, when the map has steps.
    pub blueprint: bool,
    /// A spreadsheet of the blueprint's steps instead of the touchpoints (CSV).
    pub steps: bool,
    /// On paper: the least body size in points, instead of the sheet's floor.
    pub min_body: Option<f32>,
    /// On paper: spread the poster over as many sheets as its floor needs, when one
    /// sheet cannot hold it at that size (`--tiles auto`).
    pub tiles: bool,
    /// An event log's numbers over the map (`--data`): each card's reach, the cases
    /// lost between stages.
    pub data: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            scale: 1.0,
            transparent: false,
            // Empty stages narrow: 20 % of a map's width was three empty stages.
            collapse_empty_stages: true,
            layout: None,
            paper: None,
            slides: false,
            evidence: true,
            blueprint: true,
            steps: false,
            min_body: None,
            tiles: false,
            data: false,
        }
    }
}

/// The shape the wall takes when exported at the map's own size: its stages, cards
/// and curve as wide as a slide.
pub const WALL_ASPECT: f32 = 16.0 / 9.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Png,
    Svg,
    Pdf,
    /// The journey as JSON (see `journeymap schema`).
    Json,
    /// A spreadsheet, one row per touchpoint.
    Csv,
    /// A Mermaid `journey` diagram.
    Mermaid,
    /// A Mermaid diagram fenced for markdown.
    Markdown,
    /// The published page: one self-contained HTML file (`html.rs`).
    Html,
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{}: unknown format; use a .png, .svg, .pdf, .html, .csv, .json, .mmd or .md file name", path.display())]
    UnknownFormat { path: std::path::PathBuf },
    #[error("scale {0} is outside 1 to 4")]
    Scale(f32),
    #[error(
        "the picture would be {width}×{height} pixels (about {megabytes} MB to render), too \
         large for PNG; export at a smaller scale or as SVG"
    )]
    TooLarge {
        width: u64,
        height: u64,
        megabytes: u64,
    },
    #[error("cannot render the picture: {0}")]
    Render(String),
    /// Options that do not go with the format asked for.
    #[error("{0}")]
    Format(String),
    /// Not a `source` too: the message already says it (a chain would repeat it).
    #[error("{}: {error}", path.display())]
    Io {
        path: std::path::PathBuf,
        error: std::io::Error,
    },
}

impl Format {
    /// The pictures.
    pub const ALL: [Format; 3] = [Format::Png, Format::Svg, Format::Pdf];
    /// The journey's data for other tools.
    pub const DATA: [Format; 5] = [
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Mermaid,
        Format::Markdown,
    ];

    /// The format's name, as tools call it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Svg => "SVG",
            Format::Pdf => "PDF",
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Mermaid => "Mermaid",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        }
    }

    pub fn extension(self) -> &'static str {
        self.extensions()[0]
    }

    /// The file name extensions of the format, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Png => &["png"],
            Format::Svg => &["svg"],
            Format::Pdf => &["pdf"],
            Format::Json => &["json"],
            Format::Csv => &["csv"],
            Format::Mermaid => &["mmd"],
            Format::Markdown => &["md"],
            Format::Html => &["html", "htm"],
        }
    }

    pub fn from_path(path: &Path) -> Result<Self, ExportError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            Some("pdf") => Ok(Format::Pdf),
            Some("json") => Ok(Format::Json),
            Some("csv") => Ok(Format::Csv),
            Some("mmd") => Ok(Format::Mermaid),
            Some("md") => Ok(Format::Markdown),
            Some("html" | "htm") => Ok(Format::Html),
            _ => Err(ExportError::UnknownFormat {
                path: path.to_owned(),
            }),
        }
    }
}

/// A composed picture: its size and one display list in one coordinate space (page
/// units; points on paper). Every writer draws it (SVG, and PNG and PDF from the SVG),
/// and the overlap check reads it.
#[derive(Clone, Debug)]
pub struct Picture {
    pub width: f32,
    pub height: f32,
    pub shapes: Vec<crate::scene::Shape>,
    /// The printed size in millimetres, for a sheet of paper.
    pub paper_mm: Option<(f32, f32)>,
    pub background: Option<crate::model::Rgb>,
    pub title: String,
    /// What the picture shows, in words: the map's outline (stages, cards with their
    /// facts, grey areas), or a slide's message. The SVG's `<desc>`, read by screen
    /// readers where the picture is shown.
    pub description: String,
}

impl Picture {
    /// The smallest type on the picture, in its units (points on paper).
    pub fn smallest_text(&self) -> Option<f32> {
        self.shapes
            .iter()
            .filter_map(|s| match s {
                crate::scene::Shape::Text(t) if !t.text.trim().is_empty() => Some(t.size),
                _ => None,
            })
            .min_by(f32::total_cmp)
    }

    /// The SVG document of the picture.
    pub fn svg(&self) -> String {
        let mut writer = svg::SvgWriter::new();
        if let Some((width, height)) = self.paper_mm {
            writer.on_paper(width, height);
        }
        writer.shapes(&self.shapes);
        writer.finish(
            self.width,
            self.height,
            self.background,
            &self.title,
            &self.description,
        )
    }
}

/// The SVG document of the whole map.
pub fn svg(journey: &Journey, transparent: bool) -> String {
    svg_with(
        journey,
        &ExportOptions {
            transparent,
            ..ExportOptions::default()
        },
    )
}

/// The SVG document of the whole map, with the options' layout, background and
/// stages; on the options' paper, if any (`slides` is for `slides`).
pub fn svg_with(journey: &Journey, options: &ExportOptions) -> String {
    compose(journey, options).svg()
}

/// The whole map as one picture: the page (title block, map, legend) at its own size,
/// or fitted to the options' sheet (its first sheet, when tiled).
pub fn compose(journey: &Journey, options: &ExportOptions) -> Picture {
    compose_sheets(journey, options, None)
        .into_iter()
        .next()
        .unwrap_or_else(|| unreachable!("a picture has a sheet"))
}

/// The whole map as its sheets: one picture, or on paper as many sheets as the poster
/// is tiled onto; `footer` says where it came from (version, date, commit).
pub fn compose_sheets(
    journey: &Journey,
    options: &ExportOptions,
    footer: Option<&str>,
) -> Vec<Picture> {
    let plan = options.paper.map(|_| PosterPlan::new(journey, options));
    compose_planned(journey, options, plan.as_ref(), footer)
}

/// `compose_sheets`, on paper from a plan already made (an export makes one, and says
/// what it found from the same plan).
fn compose_planned(
    journey: &Journey,
    options: &ExportOptions,
    plan: Option<&PosterPlan>,
    footer: Option<&str>,
) -> Vec<Picture> {
    let theme = export_theme(options);
    let i18n = I18n::new(journey.language);
    let background = (!options.transparent).then_some(theme.background);
    match (options.paper, plan) {
        (Some(paper), Some(plan)) => {
            let poster = plan.on(paper);
            let page = page::compose(journey, &poster.page, &poster.theme, &i18n);
            let provenance = footer
                .map(str::to_owned)
                .unwrap_or_else(|| poster::provenance(journey, None, &i18n));
            poster::sheets(&poster, &page, &provenance, &i18n)
                .into_iter()
                .map(|shapes| {
                    let (width, height) = paper.points();
                    Picture {
                        width,
                        height,
                        shapes,
                        paper_mm: Some(paper.mm()),
                        background,
                        title: journey.title.clone(),
                        description: outline::text(journey, &i18n),
                    }
                })
                .collect()
        }
        _ => {
            let page = map_page(journey, options, &theme, &i18n);
            vec![Picture {
                width: page.width,
                height: page.height,
                shapes: page::compose(journey, &page, &theme, &i18n),
                paper_mm: None,
                background,
                title: journey.title.clone(),
                description: outline::text(journey, &i18n),
            }]
        }
    }
}

/// The page of the map as exported at its own size with `options`: where its map,
/// title block and legend are.
pub fn page_of(journey: &Journey, options: &ExportOptions) -> Page {
    let theme = export_theme(options);
    let i18n = I18n::new(journey.language);
    map_page(journey, options, &theme, &i18n)
}

/// The page of the map at its own size, in the options' layout.
fn map_page(journey: &Journey, options: &ExportOptions, theme: &Theme, i18n: &I18n) -> Page {
    let arrangement = options.layout.unwrap_or_default();
    let metrics = crate::scene::fitted(journey, theme, i18n, options.evidence);
    let layout = crate::layout::arrange(journey, &metrics, arrangement, WALL_ASPECT);
    page_with(journey, layout, theme, i18n)
}

/// The theme of exports: light (for print on paper), with the options' stage widths;
/// every title whole.
pub fn export_theme(options: &ExportOptions) -> Theme {
    let mut theme = if options.paper.is_some() && !options.slides {
        Theme::print()
    } else {
        Theme::light()
    };
    theme.card_title_lines = usize::MAX;
    theme.header_button_room = 0.0;
    theme.metrics = theme
        .metrics
        .collapsing_empty_stages(options.collapse_empty_stages);
    if !options.blueprint {
        theme.metrics.step_height = 0.0;
    }
    theme.data = options.data;
    theme
}

fn usvg_options() -> &'static resvg::usvg::Options<'static> {
    static OPTIONS: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| options_with(bundled_fonts()))
}

/// The options with the bundled fonts and the machine's own, for text the bundled
/// fonts do not cover (CJK, say): the picture then depends on the machine.
fn usvg_options_with_system_fonts() -> &'static resvg::usvg::Options<'static> {
    static OPTIONS: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut fonts = bundled_fonts();
        fonts.load_system_fonts();
        options_with(fonts)
    })
}

fn bundled_fonts() -> resvg::usvg::fontdb::Database {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    for face in crate::fonts::all_faces() {
        fonts.load_font_data(face.to_vec());
    }
    fonts
}

fn options_with(fonts: resvg::usvg::fontdb::Database) -> resvg::usvg::Options<'static> {
    resvg::usvg::Options {
        fontdb: Arc::new(fonts),
        font_family: crate::fonts::FAMILY.to_owned(),
        ..Default::default()
    }
}

/// Text of the journey no bundled font covers, by element: ("tp-3", ['配', '送']);
/// "journey" for the header. Exports draw it with the machine's fonts, if any.
pub fn uncovered_characters(journey: &Journey) -> Vec<(String, Vec<char>)> {
    use crate::model::{Item, KindVisitor};
    struct Scan<'a> {
        journey: &'a Journey,
        found: Vec<(String, Vec<char>)>,
    }
    impl KindVisitor for Scan<'_> {
        fn visit<T: Item>(&mut self) {
            for element in T::list(self.journey) {
                let text = ron::to_string(element).unwrap_or_default();
                let chars = crate::fonts::uncovered(&text);
                if !chars.is_empty() {
                    self.found.push((element.id().to_owned(), chars));
                }
            }
        }
    }
    let header = ron::to_string(&journey.header()).unwrap_or_default();
    let chars = crate::fonts::uncovered(&header);
    let mut scan = Scan {
        journey,
        found: Vec::new(),
    };
    if !chars.is_empty() {
        scan.found.push(("journey".to_owned(), chars));
    }
    crate::model::each_kind(&mut scan);
    scan.found
}

/// Which of `chars` no font on this machine has either: they draw as boxes.
pub fn missing_everywhere(chars: &[char]) -> Vec<char> {
    let fonts = &usvg_options_with_system_fonts().fontdb;
    chars
        .iter()
        .copied()
        .filter(|&c| {
            !fonts.faces().any(|face| {
                fonts
                    .with_face_data(face.id, |data, index| {
                        skrifa::FontRef::from_index(data, index).is_ok_and(|font| {
                            skrifa::MetadataProvider::charmap(&font).map(c).is_some()
                        })
                    })
                    .unwrap_or(false)
            })
        })
        .collect()
}

/// The PNG bytes of the whole map at `options.scale` (on paper: 150 dpi times it).
pub fn png(journey: &Journey, options: ExportOptions) -> Result<Vec<u8>, ExportError> {
    check_scale(options.scale)?;
    png_of(&compose(journey, &options), options.scale)
}

/// The PNG of a composed picture; refused from its size, before its SVG is written and
/// parsed.
fn png_of(picture: &Picture, scale: f32) -> Result<Vec<u8>, ExportError> {
    let pixels_per_unit = if picture.paper_mm.is_some() {
        PNG_DPI / 72.0 * scale
    } else {
        scale
    };
    png_size(picture.width, picture.height, pixels_per_unit)?;
    let css_pixels = if picture.paper_mm.is_some() {
        PNG_DPI / 96.0 * scale
    } else {
        scale
    };
    svg_to_png(&picture.svg(), css_pixels)
}

fn check_scale(scale: f32) -> Result<(), ExportError> {
    if (1.0..=4.0).contains(&scale) {
        Ok(())
    } else {
        Err(ExportError::Scale(scale))
    }
}

/// The picture of the change from `old` to `new` (`journeymap diff -o`), as SVG or PNG
/// by the extension of `path`, written atomically.
pub fn export_change(
    old: &Journey,
    new: &Journey,
    path: &Path,
    options: ExportOptions,
) -> Result<(), ExportError> {
    let (document, _) = change_svg(old, new);
    let bytes = match Format::from_path(path)? {
        Format::Png => {
            check_scale(options.scale)?;
            svg_to_png(&document, options.scale)?
        }
        Format::Svg => document.into_bytes(),
        Format::Pdf => pdf(&document)?,
        Format::Json | Format::Csv | Format::Mermaid | Format::Markdown | Format::Html => {
            return Err(ExportError::UnknownFormat {
                path: path.to_owned(),
            });
        }
    };
    write(&crate::format::fs::RealFs, path, bytes)
}

/// `work` on each of `items`, spread over the machine's cores, the results in order:
/// a deck's pages are rendered side by side (each holds one page's pixels at a time).
fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> Result<R, ExportError> + Sync,
) -> Result<Vec<R>, ExportError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Each core takes the next page left, so a few heavy pages do not hold one core
    // while the other waits.
    let next = AtomicUsize::new(0);
    let done: std::sync::Mutex<Vec<Option<Result<R, ExportError>>>> =
        std::sync::Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..cores.min(items.len()) {
            scope.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(k) else {
                        break;
                    };
                    let result = work(item);
                    done.lock().unwrap_or_else(|e| e.into_inner())[k] = Some(result);
                }
            });
        }
    });
    done.into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| {
            r.unwrap_or_else(|| Err(ExportError::Render("a page was not rendered".to_owned())))
        })
        .collect()
}

/// A one-page vector PDF of an SVG document of ours, the page the SVG's size (one
/// layout unit a point): every text is real, selectable PDF text in the bundled fonts,
/// embedded as subsets (krilla, through krilla-svg).
pub fn pdf(document: &str) -> Result<Vec<u8>, ExportError> {
    pdf_pages(&[document.to_owned()], None, &PdfInfo::default())
}

/// What a PDF says about itself: its title and language (which a screen reader reads
/// it in) and its bookmarks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PdfInfo {
    pub title: String,
    /// A BCP 47 tag ("en", "es"); none when empty.
    pub language: String,
    pub bookmarks: Vec<Bookmark>,
}

/// One entry of a PDF's outline: its words, the page it opens (from 0), and the
/// entries under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    pub text: String,
    pub page: usize,
    pub children: Vec<Bookmark>,
}

impl PdfInfo {
    /// A deck's PDF: the map's title and language, a bookmark a slide (its title).
    pub fn of_slides(journey: &Journey, slides: &[Picture]) -> Self {
        Self {
            title: journey.title.clone(),
            language: journey.language.key().to_owned(),
            bookmarks: slides
                .iter()
                .enumerate()
                .map(|(page, slide)| Bookmark {
                    text: slide.description.clone(),
                    page,
                    children: Vec::new(),
                })
                .collect(),
        }
    }

    /// A map's PDF: its title and language, and its outline as bookmarks (each stage
    /// with its cards and grey areas under it), all on `page`.
    pub fn of_map(journey: &Journey, page: usize) -> Self {
        let i18n = I18n::new(journey.language);
        let mut bookmarks: Vec<Bookmark> = Vec::new();
        for block in outline::blocks(journey, &i18n) {
            let entry = |text: String| Bookmark {
                text,
                page,
                children: Vec::new(),
            };
            match block {
                outline::Block::Stage(name) => bookmarks.push(entry(name)),
                outline::Block::Card(title) => {
                    if let Some(stage) = bookmarks.last_mut() {
                        stage.children.push(entry(title));
                    }
                }
                outline::Block::Grey(number, words) => {
                    if let Some(stage) = bookmarks.last_mut() {
                        stage.children.push(entry(format!("{number}. {words}")));
                    }
                }
                _ => {}
            }
        }
        Self {
            title: journey.title.clone(),
            language: journey.language.key().to_owned(),
            bookmarks,
        }
    }
}

/// A vector PDF with a page per SVG document, each `page_points` large (or its SVG's
/// size, one unit a point), with `info`'s title, language and bookmarks.
pub fn pdf_pages(
    documents: &[String],
    page_points: Option<(f32, f32)>,
    info: &PdfInfo,
) -> Result<Vec<u8>, ExportError> {
    use krilla_svg::{SurfaceExt, SvgSettings};
    let mut pdf = krilla::Document::new();
    let mut metadata = krilla::metadata::Metadata::new();
    if !info.title.trim().is_empty() {
        metadata = metadata.title(info.title.trim().to_owned());
    }
    if !info.language.is_empty() {
        metadata = metadata.language(info.language.clone());
    }
    pdf.set_metadata(metadata);
    if !info.bookmarks.is_empty() {
        fn node(b: &Bookmark, pages: usize) -> krilla::outline::OutlineNode {
            let at = krilla::destination::XyzDestination::new(
                b.page.min(pages.saturating_sub(1)),
                krilla::geom::Point::from_xy(0.0, 0.0),
            );
            let mut n = krilla::outline::OutlineNode::new(b.text.clone(), at);
            for child in &b.children {
                n.push_child(node(child, pages));
            }
            n
        }
        let mut tree = krilla::outline::Outline::new();
        for b in &info.bookmarks {
            tree.push_child(node(b, documents.len()));
        }
        pdf.set_outline(tree);
    }
    for document in documents {
        let tree = parse_ours(document)?;
        let (width, height) = page_points.unwrap_or((tree.size().width(), tree.size().height()));
        let size = krilla::geom::Size::from_wh(width, height)
            .ok_or_else(|| ExportError::Render(format!("a page of {width}×{height}")))?;
        let mut page = pdf.start_page_with(krilla::page::PageSettings::new(size));
        let mut surface = page.surface();
        surface
            .draw_svg(&tree, size, SvgSettings::default())
            .ok_or_else(|| ExportError::Render("cannot draw the map into the PDF".to_owned()))?;
        surface.finish();
        page.finish();
    }
    pdf.finish()
        .map_err(|e| ExportError::Render(format!("cannot write the PDF: {e:?}")))
}

/// Reads an SVG document of ours with the bundled fonts, and the machine's own when
/// the bundled ones do not cover its text.
fn parse_ours(document: &str) -> Result<resvg::usvg::Tree, ExportError> {
    let fonts = if crate::fonts::uncovered(document).is_empty() {
        usvg_options()
    } else {
        usvg_options_with_system_fonts()
    };
    resvg::usvg::Tree::from_str(document, fonts).map_err(|e| ExportError::Render(e.to_string()))
}

/// Renders an SVG document of ours to PNG at `scale` pixels per pixel of its size (a
/// page of paper is sized in millimetres, which usvg gives in 96 dpi pixels).
pub fn svg_to_png(document: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let tree = parse_ours(document)?;
    let size = tree.size();
    let (width, height) = png_size(size.width(), size.height(), scale)?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width as u32, height as u32)
        .ok_or_else(|| ExportError::Render(format!("cannot allocate {width}×{height} pixels")))?;
    let transform = resvg::tiny_skia::Transform::from_scale(scale, scale);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    drop(tree);
    encode_png(pixmap)
}

/// PNG-encodes a rendered picture. tiny-skia keeps premultiplied alpha and PNG wants
/// it straight: converted in place, so the raster is held once.
fn encode_png(mut pixmap: resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, ExportError> {
    for pixel in pixmap.data_mut().chunks_exact_mut(4) {
        let alpha = u16::from(pixel[3]);
        if alpha != 0 && alpha != 255 {
            for channel in &mut pixel[..3] {
                let straight = (u16::from(*channel) * 255 + alpha / 2) / alpha;
                *channel = straight.min(255) as u8;
            }
        }
    }
    let rgba = pixmap.data();
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        &mut out,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    );
    image::ImageEncoder::write_image(
        encoder,
        rgba,
        pixmap.width(),
        pixmap.height(),
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| ExportError::Render(e.to_string()))?;
    Ok(out)
}

/// Exports to `path` (format from its extension), atomically: a failed export leaves no
/// partial file behind and an existing picture untouched. Slides as PNG or SVG are
/// numbered files beside it (`deck-01.png`, …). Returns the files written.
pub fn export_file(
    journey: &Journey,
    path: &Path,
    options: ExportOptions,
) -> Result<Exported, ExportError> {
    export_file_from(journey, None, path, options)
}

/// What an export wrote, and what the person should know of it (photos left out of a
/// page, text too small on its sheet, characters no bundled face has).
#[derive(Debug, Default, PartialEq)]
pub struct Exported {
    pub files: Vec<std::path::PathBuf>,
    pub warnings: Vec<String>,
}

/// The one export every front end uses (the command line, the app's export window):
/// the format from `path`'s extension, a journey read from `source` (the published
/// page embeds the photos its evidence attaches from its folder; a poster's footer
/// names its date and git commit). On paper the sheet's plan is made once: the picture
/// and what the export says of it come from the same plan.
pub fn export_file_from(
    journey: &Journey,
    source: Option<&Path>,
    path: &Path,
    options: ExportOptions,
) -> Result<Exported, ExportError> {
    export_file_with(&crate::format::fs::RealFs, journey, source, path, options)
}

/// `export_file_from`, writing through `fs` (the session's: a test can fail it).
pub fn export_file_with(
    fs: &dyn crate::format::fs::Fs,
    journey: &Journey,
    source: Option<&Path>,
    path: &Path,
    options: ExportOptions,
) -> Result<Exported, ExportError> {
    let folder = source.and_then(Path::parent);
    let format = Format::from_path(path)?;
    if options.steps && format != Format::Csv {
        return Err(ExportError::Format(
            "--steps writes a spreadsheet: give a .csv output".to_owned(),
        ));
    }
    let picture = matches!(format, Format::Png | Format::Svg | Format::Pdf);
    let mut warnings = if picture || format == Format::Html {
        uncovered_warnings(journey, format)
    } else {
        Vec::new()
    };
    if options.slides && picture {
        let pictures = compose_slides(journey, &options);
        let deck: Vec<String> = pictures.iter().map(Picture::svg).collect();
        let files: Vec<(std::path::PathBuf, Vec<u8>)> = match format {
            Format::Pdf => vec![(
                path.to_owned(),
                pdf_pages(&deck, None, &PdfInfo::of_slides(journey, &pictures))?,
            )],
            _ => {
                check_scale(options.scale)?;
                let bytes: Vec<Vec<u8>> = match format {
                    Format::Png => on_every_core(&deck, |d| svg_to_png(d, options.scale))?,
                    _ => deck.iter().map(|d| d.clone().into_bytes()).collect(),
                };
                bytes
                    .into_iter()
                    .enumerate()
                    .map(|(i, bytes)| (numbered(path, i + 1, deck.len()), bytes))
                    .collect()
            }
        };
        let files = write_deck(fs, path, files)?;
        return Ok(Exported { files, warnings });
    }
    if let Some(paper) = options.paper.filter(|_| picture) {
        let plan = PosterPlan::new(journey, &options);
        let poster = plan.on(paper);
        warnings.extend(poster_warnings(&plan, &poster));
        let i18n = I18n::new(journey.language);
        let footer = poster::provenance(journey, source, &i18n);
        let sheets = compose_planned(journey, &options, Some(&plan), Some(&footer));
        let documents: Vec<String> = sheets.iter().map(Picture::svg).collect();
        let files: Vec<(std::path::PathBuf, Vec<u8>)> = match format {
            Format::Pdf => vec![(
                path.to_owned(),
                pdf_pages(
                    &documents,
                    Some(paper.points()),
                    &PdfInfo::of_map(journey, 0),
                )?,
            )],
            _ => {
                check_scale(options.scale)?;
                let count = sheets.len();
                sheets
                    .iter()
                    .zip(&documents)
                    .enumerate()
                    .map(|(i, (sheet, document))| {
                        let bytes = match format {
                            Format::Png => png_of(sheet, options.scale)?,
                            _ => document.clone().into_bytes(),
                        };
                        let file = if count > 1 {
                            numbered(path, i + 1, count)
                        } else {
                            path.to_owned()
                        };
                        Ok((file, bytes))
                    })
                    .collect::<Result<_, ExportError>>()?
            }
        };
        let files = if files.len() > 1 {
            write_deck(fs, path, files)?
        } else {
            let mut written = Vec::new();
            for (file, bytes) in files {
                write(fs, &file, bytes)?;
                written.push(file);
            }
            written
        };
        return Ok(Exported { files, warnings });
    }
    let bytes = match format {
        Format::Png => {
            check_scale(options.scale)?;
            png_of(&compose(journey, &options), options.scale)?
        }
        Format::Svg => compose(journey, &options).svg().into_bytes(),
        Format::Pdf => pdf_pages(
            &[compose(journey, &options).svg()],
            None,
            &PdfInfo::of_map(journey, 0),
        )?,
        Format::Json => crate::interchange::json::to_json(journey).into_bytes(),
        Format::Csv if options.steps => crate::interchange::steps::to_csv(journey).into_bytes(),
        Format::Csv => crate::interchange::csv::to_csv(journey).into_bytes(),
        Format::Mermaid => crate::interchange::mermaid::to_mermaid(journey).into_bytes(),
        Format::Markdown => crate::interchange::mermaid::to_markdown(journey).into_bytes(),
        Format::Html => {
            let published = html::publish(journey, folder, &options);
            warnings.extend(published.warnings);
            published.html.into_bytes()
        }
    };
    write(fs, path, bytes)?;
    Ok(Exported {
        files: vec![path.to_owned()],
        warnings,
    })
}

/// What a poster's plan did to print the body at its floor (lanes left out, sheets
/// tiled), or that it could not and what would.
fn poster_warnings(plan: &PosterPlan, poster: &Poster) -> Vec<String> {
    let paper = poster.paper;
    let sheet = paper.size.key().to_uppercase();
    let floor = poster.floor;
    let mut out = Vec::new();
    let left = match poster.left_out {
        LeftOut::Nothing => None,
        LeftOut::Evidence => Some("the evidence lane"),
        LeftOut::EvidenceAndDoing => Some("the evidence lane and doing and thinking"),
    };
    if let Some(left) = left {
        let reached = poster.tiled() || poster.smallest_text_pt() + 1e-3 >= floor;
        out.push(if reached {
            format!("left out {left} to print the body at {floor} pt or more on {sheet}")
        } else {
            format!(
                "left out {left} to print the body as near its {floor} pt floor as {sheet} allows"
            )
        });
    }
    if poster.tiled() {
        let (across, down) = poster.tiles;
        out.push(format!(
            "tiled onto {} sheets ({across} across, {down} down) to print the body at {floor} pt on {sheet}: each sheet has crop marks and a map of the sheets",
            across * down
        ));
        return out;
    }
    let size = poster.smallest_text_pt();
    if size + 1e-3 >= floor {
        return out;
    }
    // A larger sheet that holds it at the floor, if any.
    let larger = PageSize::ALL
        .iter()
        .filter(|s| s.area() > paper.size.area())
        .map(|&size| Paper { size, ..paper })
        .filter(|p| plan.on(*p).smallest_text_pt() + 1e-3 >= floor)
        .min_by(|a, b| a.size.area().total_cmp(&b.size.area()));
    let advice = match larger {
        Some(p) => format!(
            "--tiles auto spreads it over as many sheets as it needs, or --page {} prints it at {floor} pt",
            p.size.key()
        ),
        None => "--tiles auto spreads it over as many sheets as it needs".to_owned(),
    };
    out.push(format!(
        "the body prints at {size:.1} pt on {sheet}, under its {floor} pt floor: {advice}"
    ));
    out
}

/// Which elements hold text the bundled faces do not cover: drawn with this machine's
/// fonts in a PNG (so the picture depends on the machine), or as boxes where no font
/// here has them; an SVG or a page leaves it to its viewer.
fn uncovered_warnings(journey: &Journey, format: Format) -> Vec<String> {
    let png = format == Format::Png;
    uncovered_characters(journey)
        .into_iter()
        .map(|(element, chars)| {
            let list = |chars: &[char]| chars.iter().take(12).collect::<String>();
            let missing = if png {
                missing_everywhere(&chars)
            } else {
                Vec::new()
            };
            let how = if !png {
                "the viewer needs a font for them"
            } else if missing.is_empty() {
                "drawn with this machine's own fonts, so the picture depends on the machine"
            } else {
                "no font here has them either: they show as boxes"
            };
            let shown = if missing.is_empty() {
                list(&chars)
            } else {
                list(&missing)
            };
            format!("{element}: no bundled font has {shown:?}: {how}")
        })
        .collect()
}

/// `deck.png` → `deck-01.png`: numbers padded to the deck's width (at least two
/// digits), so the pages sort in order.
pub fn numbered(path: &Path, n: usize, pages: usize) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let width = pages.max(1).to_string().len().max(2);
    let name = match path.extension() {
        Some(extension) => format!("{stem}-{n:0width$}.{}", extension.to_string_lossy()),
        None => format!("{stem}-{n:0width$}"),
    };
    path.with_file_name(name)
}

/// Writes a deck's pages as a set (all or none), then removes the pages of an older
/// deck of the same name that the new one does not have.
fn write_deck(
    fs: &dyn crate::format::fs::Fs,
    path: &Path,
    files: Vec<(std::path::PathBuf, Vec<u8>)>,
) -> Result<Vec<std::path::PathBuf>, ExportError> {
    fs.write_outputs(&files).map_err(|error| ExportError::Io {
        path: path.to_owned(),
        error,
    })?;
    let new: Vec<std::path::PathBuf> = files.into_iter().map(|(file, _)| file).collect();
    for old in older_pages(path) {
        if !new.contains(&old) {
            fs.remove(&old).ok();
        }
    }
    Ok(new)
}

/// The files beside `path` named as its numbered pages (`deck-7.png`, `deck-007.png`).
fn older_pages(path: &Path) -> Vec<std::path::PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_prefix(&format!("{stem}-"))
                .and_then(|rest| rest.strip_suffix(&extension))
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
        .map(|entry| path.with_file_name(entry.file_name()))
        .collect()
}

fn write(fs: &dyn crate::format::fs::Fs, path: &Path, bytes: Vec<u8>) -> Result<(), ExportError> {
    fs.write_outputs(&[(path.to_owned(), bytes)])
        .map_err(|error| ExportError::Io {
            path: path.to_owned(),
            error,
        })
}

#[cfg(test)]
mod text_engine_tests {
    use super::*;

    /// The width usvg (which draws every PNG and PDF) gives a one-line text.
    fn drawn_width(line: &str, size: f32, bold: bool) -> f32 {
        let weight = if bold { " font-weight=\"700\"" } else { "" };
        let document = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4000\" height=\"100\" font-family=\"{}\"><text x=\"0\" y=\"50\" font-size=\"{size}\"{weight}>{}</text></svg>",
            crate::fonts::svg_family_list(),
            line.replace('&', "&amp;").replace('<', "&lt;")
        );
        let tree = parse_ours(&document).unwrap();
        let mut width = 0.0;
        for node in tree.root().children() {
            if let resvg::usvg::Node::Text(text) = node {
                width = text.bounding_box().width();
            }
        }
        width
    }

    #[test]
    fn the_engine_measures_what_usvg_draws() {
        let lines = [
            "Orders online, pays by card",
            "AVATAR Wave “quoted” — 23 % · NPS 23",
            "Llamada al centro de contacto: ¿dónde está mi pedido?",
            "Entrega fallida, nadie en casa",
            "مرحبا بالعالم",
            "שלום עולם",
            "Courier 🚚 at the door ✅",
            "Mixed مرحبا and שלום in one line",
        ];
        for line in lines {
            for bold in [false, true] {
                let measured = crate::text::width(line, 20.0, bold);
                let drawn = drawn_width(line, 20.0, bold);
                assert!(
                    (measured - drawn).abs() <= 0.001 * drawn.max(1.0),
                    "{line:?} bold {bold}: measured {measured}, drawn {drawn}"
                );
            }
        }
    }
}
