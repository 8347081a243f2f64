//! Posters: the exported page (title block, map, legend) fitted to a sheet of paper,
//! A4 to A0, landscape unless portrait. The map is laid out as the timeline or as the
//! wall in whichever number of card rows keeps its text largest on that sheet; a chosen
//! layout is kept. SVG and PDF are page-size-true (millimetres, points); PNG is
//! 150 dpi times the scale.

use super::page::{Page, poster_page};
use crate::layout::{Arrangement, Point};
use crate::model::Journey;
use crate::theme::Theme;
use serde::{Deserialize, Serialize};

/// ISO 216 sheets.
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
        }
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

/// Where the exported page sits on the sheet, in points.
#[derive(Clone, Debug)]
pub struct Poster {
    pub page: Page,
    pub arrangement: Arrangement,
    /// Points per layout unit.
    pub scale: f32,
    /// The page's top-left corner on the sheet.
    pub origin: Point,
    pub paper: Paper,
}

impl Poster {
    /// The size of the smallest text on the sheet, in points.
    pub fn smallest_text_pt(&self, theme: &Theme) -> f32 {
        smallest_text(theme) * self.scale
    }
}

/// The smallest type size the page uses, in layout units.
pub fn smallest_text(theme: &Theme) -> f32 {
    theme
        .small_size
        .min(theme.body_size)
        .min(theme.card_title_size)
}

/// Fits the journey's page to `paper`: in `layout` if given, else in the layout (the
/// timeline, or the wall with the best number of rows) that draws it largest.
pub fn poster(
    journey: &Journey,
    theme: &Theme,
    paper: Paper,
    layout: Option<Arrangement>,
) -> Poster {
    let (width, height) = paper.points();
    let margin = MARGIN_MM * POINTS_PER_MM;
    let fit = |page: &Page| {
        ((width - 2.0 * margin) / page.width).min((height - 2.0 * margin) / page.height)
    };
    let mut best: Option<(Page, Arrangement, f32)> = None;
    let mut consider = |page: Page, arrangement: Arrangement| {
        let scale = fit(&page);
        if best.as_ref().is_none_or(|(_, _, s)| scale > *s) {
            best = Some((page, arrangement, scale));
        }
    };
    if layout != Some(Arrangement::Wall) {
        let map = crate::layout::layout(journey, &theme.metrics);
        consider(poster_page(journey, map), Arrangement::Timeline);
    }
    if layout != Some(Arrangement::Timeline) {
        for rows in crate::layout::wall_rows(journey) {
            let map = crate::layout::wall_with_rows(journey, &theme.metrics, rows);
            consider(poster_page(journey, map), Arrangement::Wall);
        }
    }
    let (page, arrangement, scale) = best.unwrap_or_else(|| {
        let map = crate::layout::layout(journey, &theme.metrics);
        let page = poster_page(journey, map);
        let scale = fit(&page);
        (page, Arrangement::Timeline, scale)
    });
    let origin = Point::new(
        (width - page.width * scale) / 2.0,
        (height - page.height * scale) / 2.0,
    );
    Poster {
        page,
        arrangement,
        scale,
        origin,
        paper,
    }
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
        let theme = Theme::light();
        for &size in PageSize::ALL {
            for portrait in [false, true] {
                let paper = Paper { size, portrait };
                let p = poster(&journey, &theme, paper, None);
                let (w, h) = paper.points();
                let margin = MARGIN_MM * POINTS_PER_MM - 0.01;
                assert!(p.origin.x >= margin && p.origin.y >= margin);
                assert!(p.origin.x + p.page.width * p.scale <= w - margin);
                assert!(p.origin.y + p.page.height * p.scale <= h - margin);
            }
        }
    }

    #[test]
    fn the_chosen_layout_is_at_least_as_large_as_the_other() {
        let journey = crate::generate::generate(60, 1);
        let theme = Theme::light();
        let paper = Paper {
            size: PageSize::A3,
            portrait: false,
        };
        let auto = poster(&journey, &theme, paper, None);
        for &forced in Arrangement::ALL {
            let p = poster(&journey, &theme, paper, Some(forced));
            assert_eq!(p.arrangement, forced);
            assert!(auto.scale >= p.scale);
        }
    }
}
