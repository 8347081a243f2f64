//! Thumbnails of photo evidence, decoded with `image` under strict limits so a huge or
//! hostile file cannot exhaust memory. Cached per path for the session.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Files larger than this are not decoded.
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;
/// Images wider or taller than this are refused by the decoder.
pub const MAX_SIDE_PX: u32 = 10_000;
/// The most the decoder may allocate.
pub const MAX_ALLOC_BYTES: u64 = 256 * 1024 * 1024;
const THUMBNAIL_PX: u32 = 320;

#[derive(Default)]
pub struct Thumbnails {
    cache: HashMap<PathBuf, Result<egui::TextureHandle, String>>,
}

impl Thumbnails {
    pub fn get(&mut self, ctx: &egui::Context, path: &Path) -> Result<egui::TextureHandle, String> {
        self.cache
            .entry(path.to_owned())
            .or_insert_with(|| {
                let image = decode_thumbnail(path)?;
                Ok(ctx.load_texture(
                    path.display().to_string(),
                    image,
                    egui::TextureOptions::LINEAR,
                ))
            })
            .clone()
    }
}

/// Decodes an image file into a thumbnail at most 320 px on its longer side.
pub fn decode_thumbnail(path: &Path) -> Result<egui::ColorImage, String> {
    // Only a regular file, and not a byte past the limit: a pipe or a device would
    // block the UI thread or never end.
    let bytes = crate::format::read_regular(path, MAX_FILE_BYTES)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    limits.max_alloc = Some(MAX_ALLOC_BYTES);
    reader.limits(limits);
    let image = reader
        .decode()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let thumbnail = image.thumbnail(THUMBNAIL_PX, THUMBNAIL_PX).to_rgba8();
    let (w, h) = thumbnail.dimensions();
    Ok(egui::ColorImage::from_rgba_unmultiplied(
        [w as usize, h as usize],
        thumbnail.as_raw(),
    ))
}
