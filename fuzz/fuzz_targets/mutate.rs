//! Structured edits for the diff and merge targets: a fuzz input picks a real example
//! journey and a script of edits (retitle, delete, move, add with colliding ids, link,
//! reorder, header changes...). Only edits that leave a loadable journey are kept, as
//! the merge driver only ever gets sides that load.

use journeymap::format;
use journeymap::model::*;

const BASES: [&str; 3] = [
    include_str!("../../journeys/online-order-delivery-return.ron"),
    include_str!("../../journeys/portabilidad-operador-movil.ron"),
    // Curves, curve scores and deviations.
    include_str!("../../journeys/broadband-onboarding-planned-vs-actual.ron"),
];

const WORDS: [&str; 8] = [
    "Calls support",
    "Llamó al soporte",
    "مرحبا",
    "",
    "Waits\nfor the parcel",
    "\"quoted\" \\ text",
    "😡 late",
    "x",
];

/// The base journey a byte picks.
pub fn base(pick: u8) -> Journey {
    format::parse(BASES[usize::from(pick) % BASES.len()])
        .expect("the examples load")
        .journey
}

struct Script<'a>(&'a [u8]);

impl Script<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*first)
    }
    fn index(&mut self, len: usize) -> Option<usize> {
        let b = self.byte()?;
        (len > 0).then(|| usize::from(b) % len)
    }
    fn word(&mut self) -> Option<String> {
        Some(WORDS[usize::from(self.byte()?) % WORDS.len()].to_owned())
    }
}

/// `journey` after the edits of `script`.
pub fn edited(journey: &Journey, script: &[u8]) -> Journey {
    let mut journey = journey.clone();
    let mut script = Script(script);
    while let Some(op) = script.byte() {
        let mut next = journey.clone();
        if apply(&mut next, op, &mut script).is_none() {
            break;
        }
        next.normalize();
        if format::validate(&next).is_empty() {
            journey = next;
        }
    }
    journey
}

fn apply(j: &mut Journey, op: u8, s: &mut Script) -> Option<()> {
    let tps = j.touchpoints.len();
    match op % 20 {
        0 => j.touchpoints.get_mut(s.index(tps)?)?.title = s.word()?,
        1 => {
            let i = s.index(tps)?;
            j.touchpoints.remove(i);
        }
        2 => {
            let i = s.index(tps)?;
            j.touchpoints[i].stage = Stage::ALL[usize::from(s.byte()?) % 6];
        }
        3 => {
            // Ids both sides may pick: tp-20…tp-23.
            let id = TouchpointId(format!("tp-{}", 20 + s.byte()? % 4));
            let stage = Stage::ALL[usize::from(s.byte()?) % 6];
            j.touchpoints.push(Touchpoint::new(id, stage, s.word()?));
        }
        4 => {
            let i = s.index(tps)?;
            let score = (s.byte()? % 5) as i8 - 2;
            j.touchpoints[i].emotion = Some(Emotion {
                score,
                word: s.word()?,
            });
        }
        5 => {
            let i = s.index(j.evidence.len())?;
            j.evidence.remove(i);
        }
        6 => {
            let (t, e) = (s.index(tps)?, s.index(j.evidence.len())?);
            let id = j.evidence[e].id.clone();
            j.touchpoints[t].evidence.push(id);
        }
        7 => j.title = s.word()?,
        8 => j.scenario = s.word()?,
        9 => {
            let i = s.index(tps)?;
            let point = s.word()?;
            j.touchpoints[i].pain_points.push(point);
        }
        10 => {
            let (a, b) = (s.index(tps)?, s.index(tps)?);
            j.touchpoints.swap(a, b);
        }
        11 => {
            let i = s.index(j.grey_areas.len())?;
            j.grey_areas.remove(i);
        }
        12 => {
            let i = s.index(j.grey_areas.len())?;
            j.grey_areas[i].severity = Severity::ALL[usize::from(s.byte()?) % Severity::ALL.len()];
        }
        13 => {
            let i = s.index(j.opportunities.len())?;
            j.opportunities.remove(i);
        }
        14 => {
            // Curve ids both sides may pick.
            let id = CurveId(format!("curve-{}", s.byte()? % 3));
            let name = s.word()?;
            j.curves.push(Curve {
                id,
                name,
                colour: Rgb::hex(0x7b4fd6),
            });
        }
        15 => {
            let i = s.index(j.curves.len())?;
            j.curves.remove(i);
        }
        16 => {
            let (t, c) = (s.index(tps)?, s.index(j.curves.len())?);
            let curve = j.curves[c].id.clone();
            let score = (s.byte()? % 5) as i8 - 2;
            j.touchpoints[t].scores.push(CurveScore { curve, score });
        }
        17 => {
            let i = s.index(tps)?;
            j.touchpoints[i].deviation =
                Some(Deviation::ALL[usize::from(s.byte()?) % Deviation::ALL.len()]);
        }
        18 => {
            // A channel both sides may add under one id.
            let name = s.word()?;
            let id = ChannelId(format!("channel-{}", s.byte()? % 3));
            j.channels.push(Channel {
                id,
                name,
                kind: ChannelKind::Other,
                colour: Rgb::hex(0x0072b2),
            });
        }
        _ => {
            let i = s.index(j.departments.len())?;
            let name = s.word()?;
            j.departments[i].name = name;
        }
    }
    Some(())
}

/// Splits a fuzz input into a base pick and two edit scripts.
pub fn sides(data: &[u8]) -> Option<(Journey, Journey, Journey)> {
    let (&pick, rest) = data.split_first()?;
    let cut = rest
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(rest.len() / 2);
    let (ours, theirs) = rest.split_at(cut);
    let theirs = theirs.get(1..).unwrap_or_default();
    let base = base(pick);
    let (o, t) = (edited(&base, ours), edited(&base, theirs));
    Some((base, o, t))
}
