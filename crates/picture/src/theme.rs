//! Design tokens: every colour, size and spacing the canvas and the exports use. UI
//! and export code ask for `theme.grey_area_fill(severity)`, never a literal colour.
//! Egui-free, so the export draws with exactly the same tokens.

use crate::model::{EMOTION_MAX, EMOTION_MIN, Rgb, Severity};

/// Room on a stage header's right for the editor's "+" (`Theme::header_button_room`:
/// the editor's themes keep it; exports, which have no button, use the whole header).
pub const HEADER_BUTTON_ROOM: f32 = 48.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    pub stage_fill: [Rgb; 2],
    /// A stage header's tint: quiet structure, so the story (the curve, the grey
    /// areas) is what the eye meets first.
    pub stage_header_fill: Rgb,
    pub stage_header_text: Rgb,
    /// The rule across a stage header's top, and the phases' labels.
    pub stage_rule: Rgb,
    /// The emotion lane's tint above zero and below it.
    pub emotion_above: Rgb,
    pub emotion_below: Rgb,
    pub lane_label_text: Rgb,
    pub lane_rule: Rgb,
    pub card_fill: Rgb,
    pub card_border: Rgb,
    pub text: Rgb,
    pub text_muted: Rgb,
    pub emotion_line: Rgb,
    /// One colour per emotion score, -2 to +2: a red–orange–grey–blue scale that stays
    /// apart under colour-vision deficiency (tested) and reads as text on cards.
    pub emotion_scale: [Rgb; 5],
    pub emotion_neutral_line: Rgb,
    pub emotion_low_marker: Rgb,
    pub no_evidence: Rgb,
    pub key_moment: Rgb,
    pub selection: Rgb,
    pub pain_point: Rgb,
    pub opportunity: Rgb,
    /// A grey area's colour by severity, Low to Critical: a neutral for Low, then an
    /// amber-to-red ramp; on its band, badge, callout border and slide.
    pub grey_area: [Rgb; 4],
    /// How much of its severity's colour a grey area's callout is filled with, 0 to 1:
    /// none on the map (the callout sits on the stage's tint), a wash on a slide, where
    /// callouts stand alone on white and are read as panels.
    pub callout_tint: f32,
    /// Type sizes in points at zoom 1.
    pub title_size: f32,
    pub stage_size: f32,
    pub card_title_size: f32,
    pub body_size: f32,
    pub small_size: f32,
    /// Grey-area "!" and key-moment "★" badges.
    pub badge_size: f32,
    /// The lines a card's title may take before it is cut with "…" (the editor caps
    /// cards; exports draw every title whole).
    pub card_title_lines: usize,
    /// Room kept on a stage header's right for the editor's "+" (none in exports,
    /// which have no button).
    pub header_button_room: f32,
    /// The projector's composition: a stage's cards, its curve, its grey areas and its
    /// blueprint, big. The lanes of words (doing and thinking, pains and
    /// opportunities, departments, evidence, the physical-evidence row) and the stage
    /// headers' notes are left to the spotlight and the editor.
    pub brief: bool,
    /// An event log's numbers over the map (View ▸ Data, `export --data`): each card's
    /// reach, and the cases lost between stages on the curve lane.
    pub data: bool,
    pub metrics: Metrics,
}

/// Sizes of the map's parts, in points at zoom 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    pub lane_label_width: f32,
    pub slot_width: f32,
    pub slot_gap: f32,
    /// Gap between two neighbouring touchpoints joined by a grey area.
    pub grey_gap: f32,
    pub stage_padding: f32,
    pub empty_stage_width: f32,
    pub stage_header_height: f32,
    pub card_height: f32,
    pub doing_height: f32,
    pub emotion_height: f32,
    pub pains_height: f32,
    pub department_height: f32,
    pub lane_gap: f32,
    pub card_rounding: f32,
    /// A grey area's callout (its title, kind, severity, experience and fix).
    pub callout_width: f32,
    pub callout_height: f32,
    /// Width of an empty stage when empty stages are collapsed.
    pub collapsed_stage_width: f32,
    /// The evidence lane under the cards (the strongest quote and the metrics of each
    /// touchpoint); none when 0.
    pub evidence_height: f32,
    /// Room a grey area's badge needs above the callouts (it sits on the bracket).
    pub badge_room: f32,
    /// The narrowest each stage's column may be (its cards centred in it), so its
    /// header holds its name's longest word; 0 for no limit.
    pub stage_least: [f32; 6],
    /// A step's card in a blueprint lane (its title, actor and duration); 0 hides the
    /// blueprint lanes.
    pub step_height: f32,
    /// A blueprint lane with no steps: room for its name between two of the lines.
    pub step_empty_height: f32,
    /// Room above a blueprint lane's steps for its line's label where there is no label
    /// column (the wall); set by the fit.
    pub line_label_room: f32,
    /// Room over the curve's highest dot and under its lowest for their names (grown
    /// by the fit to what they need); 0 leaves the names out.
    pub curve_label_room: f32,
    /// The blueprint's physical-evidence row above the cards (grown by the fit to what
    /// it holds); 0 leaves it out.
    pub physical_height: f32,
    /// The row under the stage headers that names each stage's phases (when the map
    /// has phases); 0 leaves them out.
    pub phase_height: f32,
    /// Whether the grey-area lane is drawn when the map has no grey areas (the editor
    /// keeps it, as the place they go; a slide's strip of the map leaves it out).
    pub grey_lane_when_empty: bool,
}

impl Metrics {
    /// The width of `stage`'s column when it has no touchpoints: the metrics' empty
    /// width (collapsed or not) or its least, whichever is wider; none when hidden.
    pub fn empty_width(&self, stage: crate::model::Stage) -> f32 {
        if self.empty_stage_width < 1.0 {
            return 0.0;
        }
        self.empty_stage_width.max(self.least(stage))
    }

    /// The narrowest `stage`'s column may be.
    pub fn least(&self, stage: crate::model::Stage) -> f32 {
        self.stage_least[stage.index()]
    }

    /// These metrics with empty stages narrow, when `collapse` is set.
    pub fn collapsing_empty_stages(&self, collapse: bool) -> Metrics {
        let mut metrics = self.clone();
        if collapse {
            metrics.empty_stage_width = metrics.collapsed_stage_width;
        }
        metrics
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            lane_label_width: 150.0,
            slot_width: 190.0,
            slot_gap: 14.0,
            grey_gap: 56.0,
            stage_padding: 12.0,
            empty_stage_width: 190.0,
            stage_header_height: 112.0,
            card_height: 118.0,
            doing_height: 124.0,
            emotion_height: 200.0,
            pains_height: 150.0,
            department_height: 34.0,
            lane_gap: 10.0,
            card_rounding: 8.0,
            callout_width: 270.0,
            callout_height: 154.0,
            collapsed_stage_width: 120.0,
            evidence_height: 0.0,
            badge_room: 24.0,
            step_height: 96.0,
            step_empty_height: 48.0,
            line_label_room: 0.0,
            physical_height: 40.0,
            curve_label_room: 36.0,
            phase_height: 30.0,
            stage_least: [0.0; 6],
            grey_lane_when_empty: true,
        }
    }
}

impl Theme {
    /// The light theme for print: no type under 12 units, so a poster whose smallest
    /// text prints at 6 pt can be scaled to half size; cards a little narrower, so
    /// the wall packs more of them on a sheet.
    pub fn print() -> Self {
        let light = Self::light();
        Self {
            small_size: 12.0,
            body_size: 12.5,
            metrics: Metrics {
                slot_width: 160.0,
                ..light.metrics.clone()
            },
            ..light
        }
    }

    /// The light theme used by the editor and the exports.
    pub fn light() -> Self {
        Self {
            background: Rgb::hex(0xffffff),
            stage_fill: [Rgb::hex(0xf6f7f9), Rgb::hex(0xeef1f5)],
            stage_header_fill: Rgb::hex(0xe4e9f1),
            stage_header_text: Rgb::hex(0x1f2430),
            stage_rule: Rgb::hex(0x2f3b52),
            emotion_above: Rgb::hex(0xdce9f7),
            emotion_below: Rgb::hex(0xfbe6d6),
            lane_label_text: Rgb::hex(0x4a5263),
            lane_rule: Rgb::hex(0xd9dee7),
            card_fill: Rgb::hex(0xffffff),
            card_border: Rgb::hex(0x7d8696),
            text: Rgb::hex(0x1f2430),
            text_muted: Rgb::hex(0x4a5263),
            emotion_line: Rgb::hex(0x2f3b52),
            emotion_scale: [
                Rgb::hex(0xb2182b),
                Rgb::hex(0xb04a0a),
                Rgb::hex(0x5e6673),
                Rgb::hex(0x2c7bb6),
                Rgb::hex(0x143d7a),
            ],
            emotion_neutral_line: Rgb::hex(0x9aa3b2),
            emotion_low_marker: Rgb::hex(0xd64541),
            no_evidence: Rgb::hex(0x8a5300),
            key_moment: Rgb::hex(0x6a3fc4),
            selection: Rgb::hex(0x1a73e8),
            pain_point: Rgb::hex(0xb42318),
            opportunity: Rgb::hex(0x136c3a),
            grey_area: [
                Rgb::hex(0x6b7280),
                Rgb::hex(0xb36b00),
                Rgb::hex(0xc0392b),
                Rgb::hex(0x7a0d12),
            ],
            callout_tint: 0.0,
            title_size: 26.0,
            stage_size: 17.0,
            card_title_size: 14.0,
            body_size: 12.5,
            small_size: 11.0,
            badge_size: 14.0,
            card_title_lines: 4,
            header_button_room: HEADER_BUTTON_ROOM,
            brief: false,
            data: false,
            metrics: Metrics::default(),
        }
    }

    /// The projector theme: large type (nothing under 24 px at zoom 1), bigger cards,
    /// strong contrast for washed-out projectors. `dark` is the light-on-dark variant.
    pub fn presentation(dark: bool) -> Self {
        let base = Self::light();
        // The projector's composition (`brief`): a stage and its blueprint in a
        // 1280x720 window at 18 px type and more; every lane grows to what it holds.
        let metrics = Metrics {
            lane_label_width: 200.0,
            slot_width: 236.0,
            slot_gap: 20.0,
            grey_gap: 56.0,
            stage_padding: 16.0,
            empty_stage_width: 320.0,
            stage_header_height: 0.0,
            card_height: 110.0,
            doing_height: 236.0,
            emotion_height: 100.0,
            pains_height: 250.0,
            department_height: 50.0,
            lane_gap: 8.0,
            card_rounding: 10.0,
            callout_width: 460.0,
            callout_height: 280.0,
            collapsed_stage_width: 200.0,
            evidence_height: 0.0,
            badge_room: 48.0,
            step_height: 90.0,
            step_empty_height: 64.0,
            line_label_room: 0.0,
            physical_height: 64.0,
            curve_label_room: 0.0,
            phase_height: 44.0,
            stage_least: [0.0; 6],
            grey_lane_when_empty: true,
        };
        let sizes = Self {
            title_size: 40.0,
            stage_size: 32.0,
            card_title_size: 28.0,
            body_size: 24.0,
            small_size: 24.0,
            badge_size: 28.0,
            // Three lines of a title on the projector; the whole title is the
            // inspector's and every export's.
            card_title_lines: 3,
            brief: true,
            metrics,
            ..base
        };
        if !dark {
            return Self {
                text_muted: Rgb::hex(0x2f3645),
                lane_label_text: Rgb::hex(0x1f2430),
                ..sizes
            };
        }
        Self {
            background: Rgb::hex(0x000000),
            stage_fill: [Rgb::hex(0x10141c), Rgb::hex(0x181e29)],
            stage_header_fill: Rgb::hex(0x232b38),
            stage_header_text: Rgb::hex(0xffffff),
            stage_rule: Rgb::hex(0xffd23f),
            emotion_above: Rgb::hex(0x14263d),
            emotion_below: Rgb::hex(0x3a2216),
            lane_label_text: Rgb::hex(0xffffff),
            lane_rule: Rgb::hex(0x556070),
            card_fill: Rgb::hex(0x1d2430),
            card_border: Rgb::hex(0x8a96a8),
            text: Rgb::hex(0xffffff),
            text_muted: Rgb::hex(0xd6dde8),
            emotion_line: Rgb::hex(0xffffff),
            emotion_scale: [
                Rgb::hex(0xff6b5e),
                Rgb::hex(0xffb27a),
                Rgb::hex(0xb8c0cc),
                Rgb::hex(0x8cc8ff),
                Rgb::hex(0x4da3ff),
            ],
            emotion_neutral_line: Rgb::hex(0xa0aab8),
            emotion_low_marker: Rgb::hex(0xff5a52),
            no_evidence: Rgb::hex(0xffb020),
            key_moment: Rgb::hex(0xc9a2ff),
            selection: Rgb::hex(0x4db2ff),
            pain_point: Rgb::hex(0xff8078),
            opportunity: Rgb::hex(0x6fe39a),
            grey_area: [
                Rgb::hex(0xb8c0cc),
                Rgb::hex(0xffc53d),
                Rgb::hex(0xff9147),
                Rgb::hex(0xff5a52),
            ],
            ..sizes
        }
    }

    /// The smallest type size the theme uses.
    pub fn smallest_text_size(&self) -> f32 {
        [
            self.title_size,
            self.stage_size,
            self.card_title_size,
            self.body_size,
            self.small_size,
        ]
        .into_iter()
        .fold(f32::MAX, f32::min)
    }

    /// A grey area's colour: the severity ramp (a neutral for Low, amber, orange, red).
    pub fn grey_area_fill(&self, severity: Severity) -> Rgb {
        self.grey_area[severity as usize]
    }

    /// A grey area's callout's fill: the card's, washed with its severity's colour by
    /// `callout_tint`.
    pub fn callout_fill(&self, severity: Severity) -> Rgb {
        let (paper, ink, t) = (
            self.card_fill,
            self.grey_area_fill(severity),
            self.callout_tint,
        );
        let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        Rgb(
            mix(paper.0, ink.0),
            mix(paper.1, ink.1),
            mix(paper.2, ink.2),
        )
    }

    /// Hatch spacing of a grey area: denser the more severe, so severities differ
    /// without colour too.
    pub fn grey_area_hatch(&self, severity: Severity) -> f32 {
        [20.0, 13.0, 8.0, 5.0][severity as usize]
    }

    /// Black or white, whichever reads better on `fill` (badge marks, header text).
    pub fn text_on(&self, fill: Rgb) -> Rgb {
        let (black, white) = (Rgb::hex(0x000000), Rgb::hex(0xffffff));
        if contrast_ratio(black, fill) >= contrast_ratio(white, fill) {
            black
        } else {
            white
        }
    }

    /// Colour of an emotion score: each of the five scores has its own.
    pub fn emotion_colour(&self, score: i8) -> Rgb {
        let index =
            (i32::from(score.clamp(EMOTION_MIN, EMOTION_MAX)) - i32::from(EMOTION_MIN)) as usize;
        self.emotion_scale[index]
    }
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance(colour: Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.0) + 0.7152 * channel(colour.1) + 0.0722 * channel(colour.2)
}

/// WCAG contrast ratio between two colours, 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn themes() -> [(&'static str, Theme); 3] {
        [
            ("light", Theme::light()),
            ("presentation", Theme::presentation(false)),
            ("presentation dark", Theme::presentation(true)),
        ]
    }

    /// Text needs 4.5:1 (WCAG AA), marks and lines 3:1, against what they are drawn on.
    #[test]
    fn every_colour_pair_has_contrast() {
        for (name, t) in themes() {
            let text_pairs = [
                ("text on background", t.text, t.background),
                ("text on card", t.text, t.card_fill),
                ("muted text on card", t.text_muted, t.card_fill),
                ("stage header", t.stage_header_text, t.stage_header_fill),
                ("text on the emotion tint", t.text, t.emotion_above),
                ("text on the emotion tint", t.text, t.emotion_below),
                (
                    "muted text on the emotion tint",
                    t.text_muted,
                    t.emotion_below,
                ),
                ("lane label on stage", t.lane_label_text, t.stage_fill[0]),
                ("lane label on stage", t.lane_label_text, t.stage_fill[1]),
                ("text on stage", t.text, t.stage_fill[1]),
            ];
            let mut mark_pairs = vec![
                ("emotion line on stage", t.emotion_line, t.stage_fill[1]),
                ("low marker on stage", t.emotion_low_marker, t.stage_fill[1]),
                ("no evidence on card", t.no_evidence, t.card_fill),
                ("key moment on card", t.key_moment, t.card_fill),
                ("selection on background", t.selection, t.background),
                ("pain point on card", t.pain_point, t.card_fill),
                ("opportunity on card", t.opportunity, t.card_fill),
                ("card border on stage", t.card_border, t.stage_fill[1]),
            ];
            let mut text_pairs = text_pairs.to_vec();
            for colour in t.emotion_scale {
                // Scores are written on cards and drawn as dots on the stages.
                text_pairs.push(("emotion score on card", colour, t.card_fill));
                mark_pairs.push(("emotion dot on stage", colour, t.stage_fill[1]));
                mark_pairs.push(("emotion dot on stage", colour, t.stage_fill[0]));
            }
            for fill in t.grey_area {
                text_pairs.push(("grey-area badge number", t.text_on(fill), fill));
                mark_pairs.push(("grey-area outline on stage", fill, t.stage_fill[1]));
            }
            for (what, a, b) in text_pairs {
                let ratio = contrast_ratio(a, b);
                assert!(ratio >= 4.5, "{name}: {what} {a} on {b} is {ratio:.2}:1");
            }
            for (what, a, b) in mark_pairs {
                let ratio = contrast_ratio(a, b);
                assert!(ratio >= 3.0, "{name}: {what} {a} on {b} is {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn the_dark_critical_badge_gets_a_dark_mark() {
        let dark = Theme::presentation(true);
        let critical = dark.grey_area_fill(Severity::Critical);
        assert_eq!(dark.text_on(critical), Rgb::hex(0x000000));
        assert_eq!(
            Theme::light().text_on(Theme::light().grey_area[3]),
            Rgb::hex(0xffffff)
        );
    }

    #[test]
    fn presentation_badges_follow_the_projector_rule() {
        for dark in [false, true] {
            let t = Theme::presentation(dark);
            assert!(t.badge_size >= 24.0);
            assert!(t.smallest_text_size() >= 24.0);
        }
    }

    #[test]
    fn contrast_ratio_extremes() {
        assert!((contrast_ratio(Rgb::hex(0), Rgb::hex(0xffffff)) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Rgb::hex(0x777777), Rgb::hex(0x777777)) - 1.0).abs() < 1e-9);
    }

    /// Every pair of `colours` at least `least` apart (ΔE) under typical vision,
    /// deuteranopia and protanopia.
    fn assert_apart(what: &str, colours: &[Rgb], least: f64) {
        for i in 0..colours.len() {
            for j in i + 1..colours.len() {
                let (distance, vision) = colours[i].least_distance(colours[j]);
                assert!(
                    distance >= least,
                    "{what}: {} and {} look alike under {vision:?} (ΔE {distance:.1})",
                    colours[i],
                    colours[j]
                );
            }
        }
    }

    #[test]
    fn emotion_colours_stay_apart_for_colour_blind_readers() {
        for (name, t) in themes() {
            assert_apart(&format!("{name} emotion scale"), &t.emotion_scale, 12.0);
            assert_apart(&format!("{name} severities"), &t.grey_area, 10.0);
        }
    }

    #[test]
    fn the_default_catalogues_and_new_entry_colours_stay_apart_for_colour_blind_readers() {
        use crate::model::{
            LEAST_DISTANCE, Language, NEW_ENTRY_COLOURS, default_channels, default_departments,
        };
        for language in [Language::En, Language::Es] {
            let channels: Vec<Rgb> = default_channels(language)
                .iter()
                .map(|c| c.colour)
                .collect();
            let departments: Vec<Rgb> = default_departments(language)
                .iter()
                .map(|d| d.colour)
                .collect();
            assert_apart("channels", &channels, LEAST_DISTANCE);
            assert_apart("departments", &departments, LEAST_DISTANCE);
        }
        let fresh: Vec<Rgb> = NEW_ENTRY_COLOURS.iter().map(|c| Rgb::hex(*c)).collect();
        assert_apart("new-entry colours", &fresh, LEAST_DISTANCE);
    }
}
