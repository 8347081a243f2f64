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

/// Type at least this large on a sheet lets it carry every lane: the timeline is
/// printed when its smallest text reaches it, else the wall.
pub const LARGE_PRINT_PT: f32 = 8.0;

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
    /// The page's top-left corner on the sheet.
    pub origin: Point,
    pub paper: Paper,
}

impl Poster {
    /// The size of the smallest text on the sheet, in points.
    pub fn smallest_text_pt(&self) -> f32 {
        smallest_text(&self.theme) * self.scale
    }
}

/// The smallest type size the page uses, in layout units.
pub fn smallest_text(theme: &Theme) -> f32 {
    theme
        .small_size
        .min(theme.body_size)
        .min(theme.card_title_size)
}

/// The pages a journey can be printed as, laid out once: the timeline with every lane
/// and the wall in each number of card rows worth trying. `on` fits one to a sheet
/// without laying anything out again.
pub struct PosterPlan {
    theme: Theme,
    /// Each page with its arrangement and whether it holds every lane.
    candidates: Vec<(Page, Arrangement, bool)>,
    forced: Option<Arrangement>,
}

impl PosterPlan {
    pub fn new(journey: &Journey, options: &super::ExportOptions) -> Self {
        let mut theme = super::export_theme(options);
        // Empty stages are narrow on paper: the sheet goes to the stages that speak.
        theme.metrics = theme.metrics.collapsing_empty_stages(true);
        let i18n = crate::i18n::I18n::new(journey.language);
        let metrics = crate::scene::fitted(journey, &theme, &i18n, options.evidence);
        let mut candidates = Vec::new();
        if options.layout != Some(Arrangement::Wall) {
            let map = crate::layout::layout(journey, &metrics);
            let page = poster_page(journey, map, &theme, &i18n);
            candidates.push((page, Arrangement::Timeline, true));
        }
        if options.layout != Some(Arrangement::Timeline) {
            for every_lane in [true, false] {
                for rows in crate::layout::wall_rows(journey) {
                    let map = crate::layout::wall_with(journey, &metrics, rows, every_lane);
                    let page = poster_page(journey, map, &theme, &i18n);
                    candidates.push((page, Arrangement::Wall, every_lane));
                }
            }
        }
        Self {
            theme,
            candidates,
            forced: options.layout,
        }
    }

    /// The page on `paper`: the timeline when its type prints at `LARGE_PRINT_PT` or
    /// more (a larger sheet prints more, not the same larger), else whichever candidate
    /// prints largest.
    pub fn on(&self, paper: Paper) -> Poster {
        let (width, height) = paper.points();
        let margin = MARGIN_MM * POINTS_PER_MM;
        let fit = |page: &Page| {
            ((width - 2.0 * margin) / page.width).min((height - 2.0 * margin) / page.height)
        };
        let smallest = smallest_text(&self.theme);
        let readable = |page: &Page| fit(page) * smallest >= LARGE_PRINT_PT;
        let largest = |every_lane: Option<bool>| {
            self.candidates
                .iter()
                .filter(|(_, _, e)| every_lane.is_none_or(|want| *e == want))
                .max_by(|(a, ..), (b, ..)| fit(a).total_cmp(&fit(b)))
        };
        // The most the sheet prints readably: the timeline, else the wall with every
        // lane; else whatever prints largest. A forced timeline is the timeline.
        let timeline = self
            .candidates
            .iter()
            .find(|(_, a, _)| *a == Arrangement::Timeline)
            .filter(|(page, ..)| self.forced.is_some() || readable(page));
        let best = timeline
            .or_else(|| largest(Some(true)).filter(|(page, ..)| readable(page)))
            .or_else(|| largest(None));
        let (page, arrangement, every_lane) = best
            .cloned()
            .unwrap_or_else(|| unreachable!("a plan has a candidate"));
        let scale = fit(&page);
        let origin = Point::new(
            (width - page.width * scale) / 2.0,
            (height - page.height * scale) / 2.0,
        );
        Poster {
            page,
            theme: self.theme.clone(),
            arrangement,
            every_lane,
            scale,
            origin,
            paper,
        }
    }
}

/// Fits the journey's page to `paper` (see `PosterPlan::on`).
pub fn poster(journey: &Journey, paper: Paper, options: &super::ExportOptions) -> Poster {
    PosterPlan::new(journey, options).on(paper)
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
    fn a_larger_sheet_prints_more_and_a_small_one_prints_large() {
        let options = crate::export::ExportOptions::default();
        let landscape = |size| Paper {
            size,
            portrait: false,
        };
        // Sixteen cards and nine blueprint steps: on A0 the timeline, every lane, at
        // 8 pt or more; on A1 the wall (with the blueprint's lanes the every-lane wall
        // no longer prints at 8 pt there), at 8 pt or more; on A3 the wall of cards, as
        // large as it goes.
        let example = crate::format::load(std::path::Path::new(concat!(
            concat!(env!("CARGO_MANIFEST_DIR"), "/../.."),
            "/journeys/online-order-delivery-return.ron"
        )))
        .unwrap()
        .journey;
        let plan = PosterPlan::new(&example, &options);
        let a0 = plan.on(landscape(PageSize::A0));
        assert_eq!(
            (a0.arrangement, a0.every_lane),
            (Arrangement::Timeline, true)
        );
        assert!(a0.smallest_text_pt() >= LARGE_PRINT_PT);
        let a1 = plan.on(landscape(PageSize::A1));
        assert_eq!(a1.arrangement, Arrangement::Wall);
        assert!(a1.smallest_text_pt() >= LARGE_PRINT_PT);
        let a3 = plan.on(landscape(PageSize::A3));
        assert_eq!((a3.arrangement, a3.every_lane), (Arrangement::Wall, false));
        // Sixty cards: every lane on A0 still, at 8 pt or more.
        let sixty = crate::generate::generate(60, 1);
        let a0 = poster(&sixty, landscape(PageSize::A0), &options);
        assert!(a0.every_lane && a0.smallest_text_pt() >= LARGE_PRINT_PT);
        // A forced layout is kept; the chosen one prints at least as large.
        let a3 = poster(&sixty, landscape(PageSize::A3), &options);
        for &forced in Arrangement::ALL {
            let options = crate::export::ExportOptions {
                layout: Some(forced),
                ..options
            };
            let p = poster(&sixty, landscape(PageSize::A3), &options);
            assert_eq!(p.arrangement, forced);
            assert!(a3.scale >= p.scale || forced == Arrangement::Wall);
        }
    }
}
