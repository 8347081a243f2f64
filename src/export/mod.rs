//! Export the whole map as a presentation-grade picture: SVG (vector, real `<text>`)
//! and PNG rendered from that same SVG with resvg. The page is the shared scene (the
//! canvas draws the same one) with a header above and a legend below, in the journey's
//! own language. Fonts are the bundled Inter only, never system fonts, so the same
//! journey gives the same bytes on every machine.

mod change;
mod page;
mod svg;
pub mod text;

pub use change::{Mark, change_svg};
pub use page::{Page, page};

use crate::i18n::I18n;
use crate::model::Journey;
use crate::theme::Theme;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use thiserror::Error;

/// Largest PNG side in pixels; bigger pictures should be exported as SVG.
pub const MAX_PNG_SIDE_PX: u32 = 120_000;
/// Largest PNG area in pixels (about 1 GB of RGBA while rendering).
pub const MAX_PNG_PIXELS: u64 = 250_000_000;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportOptions {
    /// 1.0 to 4.0: pixels per layout unit.
    pub scale: f32,
    /// Leave the background transparent instead of white.
    pub transparent: bool,
    /// Draw stages without touchpoints narrow.
    pub collapse_empty_stages: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            scale: 1.0,
            transparent: false,
            collapse_empty_stages: false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{}: unknown picture format; use a .png or .svg file name", path.display())]
    UnknownFormat { path: std::path::PathBuf },
    #[error("scale {0} is outside 1 to 4")]
    Scale(f32),
    #[error(
        "the picture would be {width}×{height} pixels, too large for PNG; export at a smaller scale or as SVG"
    )]
    TooLarge { width: u64, height: u64 },
    #[error("cannot render the picture: {0}")]
    Render(String),
    #[error("{}: {source}", path.display())]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Format {
    pub fn from_path(path: &Path) -> Result<Self, ExportError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            _ => Err(ExportError::UnknownFormat {
                path: path.to_owned(),
            }),
        }
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

/// The SVG document of the whole map, with the options' background and stages.
pub fn svg_with(journey: &Journey, options: &ExportOptions) -> String {
    let transparent = options.transparent;
    let mut theme = Theme::light();
    theme.metrics = theme
        .metrics
        .collapsing_empty_stages(options.collapse_empty_stages);
    let i18n = I18n::new(journey.language);
    let page = page(journey, &theme);
    let mut writer = svg::SvgWriter::new();
    writer.shapes(&page::header(journey, &page, &theme, &i18n));
    writer.begin_group(page.map_origin.x, page.map_origin.y);
    writer.shapes(&crate::scene::map(journey, &page.layout, &theme, &i18n));
    writer.end_group();
    writer.shapes(&page::legend(journey, &page, &theme, &i18n));
    let background = (!transparent).then_some(theme.background);
    writer.finish(page.width, page.height, background, &journey.title)
}

fn usvg_options() -> &'static resvg::usvg::Options<'static> {
    static OPTIONS: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut options = resvg::usvg::Options::default();
        let mut fonts = resvg::usvg::fontdb::Database::new();
        fonts.load_font_data(crate::fonts::INTER_REGULAR.to_vec());
        fonts.load_font_data(crate::fonts::INTER_BOLD.to_vec());
        options.fontdb = Arc::new(fonts);
        options.font_family = crate::fonts::FAMILY.to_owned();
        options
    })
}

/// The PNG bytes of the whole map at `options.scale`.
pub fn png(journey: &Journey, options: ExportOptions) -> Result<Vec<u8>, ExportError> {
    svg_to_png(&svg_with(journey, &options), options)
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
        Format::Png => svg_to_png(&document, options)?,
        Format::Svg => document.into_bytes(),
    };
    crate::format::atomic_write(path, &bytes).map_err(|source| ExportError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Renders an SVG document of ours to PNG at `options.scale`.
fn svg_to_png(document: &str, options: ExportOptions) -> Result<Vec<u8>, ExportError> {
    if !(1.0..=4.0).contains(&options.scale) {
        return Err(ExportError::Scale(options.scale));
    }
    let tree = resvg::usvg::Tree::from_str(document, usvg_options())
        .map_err(|e| ExportError::Render(e.to_string()))?;
    let size = tree.size();
    let width = (size.width() * options.scale).ceil() as u64;
    let height = (size.height() * options.scale).ceil() as u64;
    if width > u64::from(MAX_PNG_SIDE_PX)
        || height > u64::from(MAX_PNG_SIDE_PX)
        || width * height > MAX_PNG_PIXELS
    {
        return Err(ExportError::TooLarge { width, height });
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width as u32, height as u32)
        .ok_or_else(|| ExportError::Render(format!("cannot allocate {width}×{height} pixels")))?;
    let transform = resvg::tiny_skia::Transform::from_scale(options.scale, options.scale);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode_png(&pixmap)
}

/// PNG-encodes a rendered picture (tiny-skia keeps premultiplied alpha; PNG wants it
/// straight).
fn encode_png(pixmap: &resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, ExportError> {
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for pixel in pixmap.pixels() {
        let c = pixel.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        &mut out,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    );
    image::ImageEncoder::write_image(
        encoder,
        &rgba,
        pixmap.width(),
        pixmap.height(),
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| ExportError::Render(e.to_string()))?;
    Ok(out)
}

/// Exports to `path` (format from its extension), atomically: a failed export leaves no
/// partial file behind and an existing picture untouched.
pub fn export_file(
    journey: &Journey,
    path: &Path,
    options: ExportOptions,
) -> Result<(), ExportError> {
    let bytes = match Format::from_path(path)? {
        Format::Png => png(journey, options)?,
        Format::Svg => svg_with(journey, &options).into_bytes(),
    };
    crate::format::atomic_write(path, &bytes).map_err(|source| ExportError::Io {
        path: path.to_owned(),
        source,
    })
}
