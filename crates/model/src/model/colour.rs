//! A plain sRGB colour written as `"#rrggbb"` in files. No egui here.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const fn hex(value: u32) -> Self {
        Self((value >> 16) as u8, (value >> 8) as u8, value as u8)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl FromStr for Rgb {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits = s
            .strip_prefix('#')
            .filter(|d| d.len() == 6 && d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| format!("colour {s:?} is not of the form \"#rrggbb\""))?;
        let value = u32::from_str_radix(digits, 16).map_err(|e| e.to_string())?;
        Ok(Self::hex(value))
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// In the file and in JSON, `"#rrggbb"`.
impl schemars::JsonSchema for Rgb {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Rgb".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^#[0-9a-fA-F]{6}$",
            "description": "A colour, #rrggbb"
        })
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The colour-vision deficiencies a palette must survive: red-green, the commonest
/// (about 1 man in 12 has one of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vision {
    Deuteranopia,
    Protanopia,
}

impl Vision {
    pub const ALL: [Vision; 2] = [Vision::Deuteranopia, Vision::Protanopia];

    pub fn key(self) -> &'static str {
        match self {
            Vision::Deuteranopia => "deuteranopia",
            Vision::Protanopia => "protanopia",
        }
    }

    /// Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Vision::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            Vision::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
        }
    }
}

impl Rgb {
    /// The colour in CIE L*a*b* (D65), as someone with `vision` sees it (`None`: as
    /// typical colour vision sees it).
    pub fn lab(self, vision: Option<Vision>) -> [f64; 3] {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let mut rgb = [linear(self.0), linear(self.1), linear(self.2)];
        if let Some(vision) = vision {
            let m = vision.matrix();
            rgb = [0, 1, 2].map(|i| {
                (0..3)
                    .map(|j| m[i][j] * rgb[j])
                    .sum::<f64>()
                    .clamp(0.0, 1.0)
            });
        }
        let [r, g, b] = rgb;
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
        let f = |t: f64| {
            if t > 0.008_856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    /// How far apart two colours look (CIE76 ΔE) to someone with `vision`.
    pub fn distance(self, other: Rgb, vision: Option<Vision>) -> f64 {
        let (a, b) = (self.lab(vision), other.lab(vision));
        (0..3).map(|k| (a[k] - b[k]).powi(2)).sum::<f64>().sqrt()
    }

    /// The closest two colours come under typical vision, deuteranopia or protanopia,
    /// and under which (`None`: typical vision).
    pub fn least_distance(self, other: Rgb) -> (f64, Option<Vision>) {
        [None, Some(Vision::Deuteranopia), Some(Vision::Protanopia)]
            .into_iter()
            .map(|v| (self.distance(other, v), v))
            .fold((f64::MAX, None), |a, b| if b.0 < a.0 { b } else { a })
    }
}

/// Two colours of one palette closer than this (ΔE under any of the visions) are
/// taken for one another.
pub const LEAST_DISTANCE: f64 = 10.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hex() {
        let c: Rgb = "#1A2b3c".parse().unwrap();
        assert_eq!(c, Rgb(0x1a, 0x2b, 0x3c));
        assert_eq!(c.to_string(), "#1a2b3c");
        assert!("1a2b3c".parse::<Rgb>().is_err());
        assert!("#12345".parse::<Rgb>().is_err());
        assert!("#12345g".parse::<Rgb>().is_err());
    }

    /// The pair the published maps used for "Mobile app" and "Contact centre": apart
    /// to most eyes, one colour to a deuteranope.
    #[test]
    fn tableau_green_and_red_are_one_colour_to_a_deuteranope() {
        let (green, red) = (Rgb::hex(0x59a14f), Rgb::hex(0xe15759));
        assert!(green.distance(red, None) > 50.0);
        let (least, vision) = green.least_distance(red);
        assert!(least < 2.0, "{least}");
        assert_eq!(vision, Some(Vision::Deuteranopia));
        assert_eq!(green.distance(green, Some(Vision::Protanopia)), 0.0);
    }
}
