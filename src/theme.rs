//! Design tokens: every colour, size and spacing the canvas and the exports use. UI
//! and export code ask for `theme.grey_area_fill(severity)`, never a literal colour.
//! Egui-free, so the export draws with exactly the same tokens.

use crate::model::{Rgb, Severity};

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    pub stage_fill: [Rgb; 2],
    pub stage_header_fill: Rgb,
    pub stage_header_text: Rgb,
    pub lane_label_text: Rgb,
    pub lane_rule: Rgb,
    pub card_fill: Rgb,
    pub card_border: Rgb,
    pub text: Rgb,
    pub text_muted: Rgb,
    pub emotion_line: Rgb,
    pub emotion_positive: Rgb,
    pub emotion_negative: Rgb,
    pub emotion_neutral_line: Rgb,
    pub emotion_low_marker: Rgb,
    pub no_evidence: Rgb,
    pub key_moment: Rgb,
    pub selection: Rgb,
    pub pain_point: Rgb,
    pub opportunity: Rgb,
    pub grey_area: [Rgb; 4],
    /// Type sizes in points at zoom 1.
    pub title_size: f32,
    pub stage_size: f32,
    pub card_title_size: f32,
    pub body_size: f32,
    pub small_size: f32,
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
            stage_header_height: 78.0,
            card_height: 118.0,
            doing_height: 92.0,
            emotion_height: 170.0,
            pains_height: 120.0,
            department_height: 34.0,
            lane_gap: 10.0,
            card_rounding: 8.0,
        }
    }
}

impl Theme {
    /// The light theme used by the editor and the exports.
    pub fn light() -> Self {
        Self {
            background: Rgb::hex(0xffffff),
            stage_fill: [Rgb::hex(0xf6f7f9), Rgb::hex(0xeef1f5)],
            stage_header_fill: Rgb::hex(0x2f3b52),
            stage_header_text: Rgb::hex(0xffffff),
            lane_label_text: Rgb::hex(0x5b6475),
            lane_rule: Rgb::hex(0xd9dee7),
            card_fill: Rgb::hex(0xffffff),
            card_border: Rgb::hex(0xc4cad6),
            text: Rgb::hex(0x1f2430),
            text_muted: Rgb::hex(0x5b6475),
            emotion_line: Rgb::hex(0x2f3b52),
            emotion_positive: Rgb::hex(0x2e9e5b),
            emotion_negative: Rgb::hex(0xd64541),
            emotion_neutral_line: Rgb::hex(0x9aa3b2),
            emotion_low_marker: Rgb::hex(0xd64541),
            no_evidence: Rgb::hex(0xb9770e),
            key_moment: Rgb::hex(0x7b4fd6),
            selection: Rgb::hex(0x1a73e8),
            pain_point: Rgb::hex(0xc0392b),
            opportunity: Rgb::hex(0x1e8449),
            grey_area: [
                Rgb::hex(0x9e9e9e),
                Rgb::hex(0x757575),
                Rgb::hex(0x4a4a4a),
                Rgb::hex(0x1c1c1c),
            ],
            title_size: 26.0,
            stage_size: 17.0,
            card_title_size: 14.0,
            body_size: 12.5,
            small_size: 11.0,
            metrics: Metrics::default(),
        }
    }

    /// The projector theme: large type (nothing under 24 px at zoom 1), bigger cards,
    /// strong contrast for washed-out projectors. `dark` is the light-on-dark variant.
    pub fn presentation(dark: bool) -> Self {
        let base = Self::light();
        let metrics = Metrics {
            lane_label_width: 230.0,
            slot_width: 320.0,
            slot_gap: 20.0,
            grey_gap: 84.0,
            stage_padding: 16.0,
            empty_stage_width: 320.0,
            stage_header_height: 108.0,
            card_height: 190.0,
            doing_height: 150.0,
            emotion_height: 230.0,
            pains_height: 170.0,
            department_height: 50.0,
            lane_gap: 12.0,
            card_rounding: 10.0,
        };
        let sizes = Self {
            title_size: 40.0,
            stage_size: 32.0,
            card_title_size: 28.0,
            body_size: 24.0,
            small_size: 24.0,
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
            stage_header_fill: Rgb::hex(0xffd23f),
            stage_header_text: Rgb::hex(0x000000),
            lane_label_text: Rgb::hex(0xffffff),
            lane_rule: Rgb::hex(0x556070),
            card_fill: Rgb::hex(0x1d2430),
            card_border: Rgb::hex(0x8a96a8),
            text: Rgb::hex(0xffffff),
            text_muted: Rgb::hex(0xd6dde8),
            emotion_line: Rgb::hex(0xffffff),
            emotion_positive: Rgb::hex(0x4cd97b),
            emotion_negative: Rgb::hex(0xff5a52),
            emotion_neutral_line: Rgb::hex(0xa0aab8),
            emotion_low_marker: Rgb::hex(0xff5a52),
            no_evidence: Rgb::hex(0xffb020),
            key_moment: Rgb::hex(0xc9a2ff),
            selection: Rgb::hex(0x4db2ff),
            pain_point: Rgb::hex(0xff8078),
            opportunity: Rgb::hex(0x6fe39a),
            grey_area: [
                Rgb::hex(0x8c8c8c),
                Rgb::hex(0xb0b0b0),
                Rgb::hex(0xd4d4d4),
                Rgb::hex(0xf2f2f2),
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

    /// Fill of a grey area's band: darker the more severe.
    pub fn grey_area_fill(&self, severity: Severity) -> Rgb {
        self.grey_area[severity as usize]
    }

    /// Colour of an emotion score, red through neutral grey to green.
    pub fn emotion_colour(&self, score: i8) -> Rgb {
        match score {
            s if s < 0 => self.emotion_negative,
            0 => self.emotion_neutral_line,
            _ => self.emotion_positive,
        }
    }
}
