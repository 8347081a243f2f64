//! Channel icons: one outline icon per channel kind, from Tabler Icons (MIT; the files
//! and their licence are in `assets/icons/`). Cards, legends and the table draw them in
//! the one composition (`Shape::Icon`); SVG writes their paths (`data-icon="KIND"`),
//! PNG and PDF draw that SVG, and the editor draws each icon rendered once.

use crate::model::{ChannelKind, Rgb};

/// The icon of a channel kind: its Tabler name and its file.
pub fn source(kind: ChannelKind) -> (&'static str, &'static str) {
    match kind {
        ChannelKind::Store => (
            "building-store",
            include_str!("../../../assets/icons/building-store.svg"),
        ),
        ChannelKind::Web => ("world", include_str!("../../../assets/icons/world.svg")),
        ChannelKind::MobileApp => (
            "device-mobile",
            include_str!("../../../assets/icons/device-mobile.svg"),
        ),
        ChannelKind::Email => ("mail", include_str!("../../../assets/icons/mail.svg")),
        ChannelKind::Phone => ("phone", include_str!("../../../assets/icons/phone.svg")),
        ChannelKind::Chat => (
            "message-circle",
            include_str!("../../../assets/icons/message-circle.svg"),
        ),
        ChannelKind::Social => ("share", include_str!("../../../assets/icons/share.svg")),
        ChannelKind::Partner => (
            "heart-handshake",
            include_str!("../../../assets/icons/heart-handshake.svg"),
        ),
        ChannelKind::Other => (
            "dots-circle-horizontal",
            include_str!("../../../assets/icons/dots-circle-horizontal.svg"),
        ),
    }
}

/// The side of the box the icons are drawn in.
pub const BOX: f32 = 24.0;
/// Their stroke in that box.
pub const STROKE: f32 = 2.0;

/// The drawn paths of a kind's icon (`d` attributes; the file's invisible bounding
/// path left out), in a `BOX`-unit box.
pub fn paths(kind: ChannelKind) -> Vec<&'static str> {
    let (_, svg) = source(kind);
    svg.split("<path")
        .skip(1)
        .filter(|element| !element.contains("stroke=\"none\""))
        .filter_map(|element| {
            let start = element.find("d=\"")? + 3;
            let end = start + element[start..].find('"')?;
            Some(&element[start..end])
        })
        .collect()
}

/// The icon as an SVG group at (x, y), `size` units square, stroked in `colour`.
pub fn svg_group(kind: ChannelKind, x: f32, y: f32, size: f32, colour: Rgb) -> String {
    let scale = size / BOX;
    let mut out = format!(
        "<g class=\"icon\" data-icon=\"{}\" transform=\"translate({x:.2} {y:.2}) scale({scale:.4})\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{STROKE}\" stroke-linecap=\"round\" stroke-linejoin=\"round\">",
        kind.key()
    );
    for d in paths(kind) {
        out.push_str("<path d=\"");
        out.push_str(d);
        out.push_str("\"/>");
    }
    out.push_str("</g>");
    out
}

/// The icon `size` pixels square in white on transparent, straight RGBA (the editor
/// tints it with the colour it is drawn in).
pub fn rgba(kind: ChannelKind, size: u32) -> Vec<u8> {
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {size} {size}\">{}</svg>",
        svg_group(kind, 0.0, 0.0, size as f32, Rgb::hex(0xffffff))
    );
    let blank = || vec![0; (size * size * 4) as usize];
    let Ok(tree) = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()) else {
        return blank();
    };
    let Some(mut pixmap) = resvg::tiny_skia::Pixmap::new(size, size) else {
        return blank();
    };
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    crate::icon::straight_rgba(&pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_kind_has_an_icon_that_draws() {
        for kind in ChannelKind::ALL {
            assert!(!paths(*kind).is_empty(), "{kind:?}");
            let pixels = rgba(*kind, 32);
            let inked = pixels.chunks(4).filter(|p| p[3] > 128).count();
            assert!(inked > 40, "{kind:?} draws {inked} pixels");
        }
        let names: std::collections::HashSet<_> =
            ChannelKind::ALL.iter().map(|k| source(*k).0).collect();
        assert_eq!(names.len(), ChannelKind::ALL.len(), "one icon per kind");
    }
}
