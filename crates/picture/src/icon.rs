//! The app's icon: one SVG (`assets/icon/journeymap.svg`), rendered with resvg for the
//! window and for the PNG sizes a desktop installs (`assets/icon/journeymap-N.png`, kept
//! equal to the SVG by a test).

/// The icon's source.
pub const SVG: &str = include_str!("../../../assets/icon/journeymap.svg");

/// The sizes installed under `share/icons/hicolor/NxN/apps`.
pub const PNG_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

/// The icon `size` pixels square, as straight (not premultiplied) RGBA.
pub fn rgba(size: u32) -> Vec<u8> {
    let options = resvg::usvg::Options::default();
    let Ok(tree) = resvg::usvg::Tree::from_str(SVG, &options) else {
        return vec![0; (size * size * 4) as usize];
    };
    let Some(mut pixmap) = resvg::tiny_skia::Pixmap::new(size, size) else {
        return Vec::new();
    };
    let scale = size as f32 / tree.size().width();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    straight_rgba(&pixmap)
}

/// A rendered pixmap's pixels as straight (not premultiplied) RGBA, as images and
/// textures take them.
pub fn straight_rgba(pixmap: &resvg::tiny_skia::Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

/// The icon `size` pixels square, PNG-encoded.
pub fn png(size: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    let _ = image::ImageEncoder::write_image(
        encoder,
        &rgba(size),
        size,
        size,
        image::ExtendedColorType::Rgba8,
    );
    out
}
