//! Default channel and department catalogues for a new journey, named in the journey's
//! language. These are document content (the team renames and recolours them), not
//! interface text, so they live here rather than in the message files.

use super::{
    Actor, ActorKind, Channel, ChannelId, ChannelKind, Curve, Department, DepartmentId, Journey,
    Language, Rgb,
};

/// Channel colours are the Okabe–Ito palette (and a dark grey), which colour-blind
/// readers can tell apart; `theme`'s tests check it under simulated deuteranopia.
const CHANNELS: &[(&str, ChannelKind, &str, &str, u32)] = &[
    ("store", ChannelKind::Store, "Store", "Tienda", 0x0072b2),
    ("web", ChannelKind::Web, "Web", "Web", 0xe69f00),
    (
        "mobile-app",
        ChannelKind::MobileApp,
        "Mobile app",
        "App móvil",
        0x009e73,
    ),
    (
        "email",
        ChannelKind::Email,
        "Email",
        "Correo electrónico",
        0xcc79a7,
    ),
    (
        "phone",
        ChannelKind::Phone,
        "Phone / contact centre",
        "Teléfono / contact center",
        0xd55e00,
    ),
    ("chat", ChannelKind::Chat, "Chat", "Chat", 0x56b4e9),
    (
        "social",
        ChannelKind::Social,
        "Social media",
        "Redes sociales",
        0xf0e442,
    ),
    (
        "partner",
        ChannelKind::Partner,
        "Partner",
        "Socio",
        0x4d4d4d,
    ),
];

/// Department colours from Paul Tol's "muted" scheme: light enough for dark text on a
/// pill, apart under deuteranopia and protanopia (ΔE >= 10, tested with the channels).
const DEPARTMENTS: &[(&str, &str, &str, u32)] = &[
    ("marketing", "Marketing", "Marketing", 0xcc6677),
    ("sales", "Sales", "Ventas", 0xddcc77),
    (
        "service",
        "Customer service",
        "Atención al cliente",
        0x88ccee,
    ),
    ("billing", "Billing", "Facturación", 0xaa4499),
    ("logistics", "Logistics", "Logística", 0x44aa99),
];

pub fn default_channels(language: Language) -> Vec<Channel> {
    CHANNELS
        .iter()
        .map(|&(id, kind, en, es, colour)| Channel {
            id: ChannelId::new(id),
            name: pick(language, en, es).to_owned(),
            kind,
            colour: Rgb::hex(colour),
        })
        .collect()
}

pub fn default_departments(language: Language) -> Vec<Department> {
    DEPARTMENTS
        .iter()
        .map(|&(id, en, es, colour)| Department {
            id: DepartmentId::new(id),
            name: pick(language, en, es).to_owned(),
            colour: Rgb::hex(colour),
        })
        .collect()
}

fn pick<'a>(language: Language, en: &'a str, es: &'a str) -> &'a str {
    match language {
        Language::En => en,
        Language::Es => es,
    }
}

/// Colours for catalogue entries made on the fly (an import, a paste, a new entry):
/// the Okabe–Ito palette, then colours of Paul Tol's schemes that keep every pair at
/// least ΔE 10 apart under deuteranopia and protanopia (tested), then a dark grey.
pub const NEW_ENTRY_COLOURS: &[u32] = &[
    0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0xd55e00, 0x56b4e9, 0xf0e442, 0x332288, 0xddcc77,
    0x117733, 0x88ccee, 0x999933, 0xffaabb, 0x44bb99, 0x4d4d4d,
];

/// The first palette colour not in `used`; when every one is taken, the one used
/// least, so colours repeat as rarely as they can.
pub fn distinct_colour(used: impl IntoIterator<Item = Rgb>) -> Rgb {
    let mut counts = vec![0usize; NEW_ENTRY_COLOURS.len()];
    for colour in used {
        if let Some(at) = NEW_ENTRY_COLOURS
            .iter()
            .position(|c| Rgb::hex(*c) == colour)
        {
            counts[at] += 1;
        }
    }
    let least = counts
        .iter()
        .enumerate()
        .min_by_key(|(_, n)| **n)
        .map_or(0, |(at, _)| at);
    Rgb::hex(NEW_ENTRY_COLOURS[least])
}

/// A new channel named `name` for `journey` (not yet in it): a fresh id from the name,
/// kind "other", and a colour no other channel has while the palette lasts. Every way
/// a channel is made on the fly (the catalogue panel, a paste, an import) goes through
/// here.
pub fn new_channel(journey: &Journey, name: &str) -> Channel {
    Channel {
        id: journey.new_channel_id(name),
        name: name.to_owned(),
        kind: ChannelKind::Other,
        colour: distinct_colour(journey.channels.iter().map(|c| c.colour)),
    }
}

/// A new actor named `name` for `journey` (staff, until someone says otherwise), as
/// `new_channel`.
pub fn new_actor(journey: &Journey, name: &str) -> Actor {
    Actor {
        id: journey.new_actor_id(name),
        name: name.to_owned(),
        kind: ActorKind::Staff,
        colour: distinct_colour(journey.actors.iter().map(|a| a.colour)),
    }
}

/// A new extra curve named `name` for `journey`, as `new_channel`.
pub fn new_curve(journey: &Journey, name: &str) -> Curve {
    Curve {
        id: journey.new_curve_id(name),
        name: name.to_owned(),
        colour: distinct_colour(journey.curves.iter().map(|c| c.colour)),
    }
}

/// A new department named `name` for `journey`, as `new_channel`.
pub fn new_department(journey: &Journey, name: &str) -> Department {
    Department {
        id: journey.new_department_id(name),
        name: name.to_owned(),
        colour: distinct_colour(journey.departments.iter().map(|d| d.colour)),
    }
}

/// Whether `id` is one given to a catalogue entry made under the placeholder name
/// `placeholder` ("New actor": `new-actor`, or with a number, `new-actor-5`).
pub fn is_placeholder_id(id: &str, placeholder: &str) -> bool {
    let base = super::slug(placeholder);
    !base.is_empty()
        && (id == base
            || id
                .strip_prefix(base.as_str())
                .and_then(|rest| rest.strip_prefix('-'))
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())))
}

/// The journey with the catalogue entry `id` of `kind` (a channel, department, actor or
/// curve made under one of the `placeholders` names and renamed since) given an id made
/// from its name, every reference to it following: `pharmacist`, not `new-actor-5`.
/// None when its id is not a placeholder's, its name still is a placeholder (or empty),
/// or the kind has no names.
pub fn id_from_name(
    journey: &Journey,
    kind: super::ElementKind,
    id: &str,
    placeholders: &[String],
) -> Option<Journey> {
    use super::ElementKind as K;
    let name = match kind {
        K::Channel => journey
            .channels
            .iter()
            .find(|e| e.id.as_str() == id)?
            .name
            .clone(),
        K::Department => journey
            .departments
            .iter()
            .find(|e| e.id.as_str() == id)?
            .name
            .clone(),
        K::Actor => journey
            .actors
            .iter()
            .find(|e| e.id.as_str() == id)?
            .name
            .clone(),
        K::Curve => journey
            .curves
            .iter()
            .find(|e| e.id.as_str() == id)?
            .name
            .clone(),
        _ => return None,
    };
    let name = name.trim();
    if name.is_empty()
        || !placeholders.iter().any(|p| is_placeholder_id(id, p))
        || placeholders
            .iter()
            .any(|p| super::slug(p) == super::slug(name))
    {
        return None;
    }
    let new = match kind {
        K::Channel => journey.new_channel_id(name).0,
        K::Department => journey.new_department_id(name).0,
        K::Actor => journey.new_actor_id(name).0,
        _ => journey.new_curve_id(name).0,
    };
    if new == id || journey.map_ids().any(|taken| taken == new) {
        return None;
    }
    let mut work = journey.clone();
    let renames: foldhash::HashMap<String, String> = [(id.to_owned(), new)].into_iter().collect();
    work.rename_all(kind, &renames);
    Some(work)
}
