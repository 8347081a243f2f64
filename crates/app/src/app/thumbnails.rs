//! Thumbnails of photo evidence, decoded with `image` under strict limits so a huge or
//! hostile file cannot exhaust memory, on a thread of their own with a timeout so a
//! slow file never stalls the editor. Cached per path for the session.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// Files larger than this are not decoded.
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;
/// Images wider or taller than this are refused by the decoder.
pub const MAX_SIDE_PX: u32 = 10_000;
/// The most the decoder may allocate.
pub const MAX_ALLOC_BYTES: u64 = 256 * 1024 * 1024;
const THUMBNAIL_PX: u32 = 320;

/// How long a thumbnail may take to read and decode before it is given up on (a file
/// on a hung network share, say). The reading thread is left to finish on its own.
pub const DECODE_TIMEOUT: Duration = Duration::from_secs(10);

/// A thumbnail as the inspector can show it this frame.
#[derive(Clone)]
pub enum Thumbnail {
    /// Being read and decoded on a thread of its own: the UI never waits for a file.
    Loading,
    Ready(egui::TextureHandle),
    Failed(String),
    /// Not read within `DECODE_TIMEOUT`.
    TimedOut,
}

enum Entry {
    Loading {
        since: Instant,
        result: Receiver<Result<egui::ColorImage, String>>,
    },
    Done(Thumbnail),
}

/// Decodes a file into a thumbnail; `decode_thumbnail` in the app, a stand-in in tests.
pub type Decoder = fn(&Path) -> Result<egui::ColorImage, String>;

pub struct Thumbnails {
    cache: HashMap<PathBuf, Entry>,
    decode: Decoder,
    timeout: Duration,
}

impl Default for Thumbnails {
    fn default() -> Self {
        Self::with_decoder(decode_thumbnail, DECODE_TIMEOUT)
    }
}

impl Thumbnails {
    pub fn with_decoder(decode: Decoder, timeout: Duration) -> Self {
        Self {
            cache: HashMap::new(),
            decode,
            timeout,
        }
    }

    /// The thumbnail of `path`: started on first ask, then polled each frame (the
    /// reading thread asks for a repaint when it is done).
    pub fn get(&mut self, ctx: &egui::Context, path: &Path) -> Thumbnail {
        let decode = self.decode;
        let entry = self.cache.entry(path.to_owned()).or_insert_with(|| {
            let (sender, result) = channel();
            let (file, repaint) = (path.to_owned(), ctx.clone());
            let started = std::thread::Builder::new()
                .name("thumbnail".into())
                .spawn(move || {
                    sender.send(decode(&file)).ok();
                    repaint.request_repaint();
                });
            match started {
                Ok(_) => Entry::Loading {
                    since: Instant::now(),
                    result,
                },
                Err(error) => Entry::Done(Thumbnail::Failed(error.to_string())),
            }
        });
        if let Entry::Loading { since, result } = entry {
            let done = match result.try_recv() {
                Ok(Ok(image)) => Some(Thumbnail::Ready(ctx.load_texture(
                    path.display().to_string(),
                    image,
                    egui::TextureOptions::LINEAR,
                ))),
                Ok(Err(message)) => Some(Thumbnail::Failed(message)),
                Err(TryRecvError::Disconnected) => Some(Thumbnail::Failed(format!(
                    "{}: not decoded",
                    path.display()
                ))),
                Err(TryRecvError::Empty) if since.elapsed() >= self.timeout => {
                    Some(Thumbnail::TimedOut)
                }
                Err(TryRecvError::Empty) => {
                    // Look again for the timeout even if the thread never reports.
                    ctx.request_repaint_after(self.timeout.min(Duration::from_millis(250)));
                    None
                }
            };
            if let Some(done) = done {
                *entry = Entry::Done(done);
            }
        }
        match entry {
            Entry::Loading { .. } => Thumbnail::Loading,
            Entry::Done(thumbnail) => thumbnail.clone(),
        }
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
