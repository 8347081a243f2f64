//! Identifiers: short, readable, stable strings (`tp-12`, `web`) handed out by the
//! journey. They never change on save; a file's ids are its own.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Prefix used when the journey hands out a new id of this kind.
            pub const PREFIX: &'static str = $prefix;

            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }
    };
}

id_type!(
    /// A touchpoint, e.g. `tp-7`.
    TouchpointId,
    "tp"
);
id_type!(
    /// An evidence item, e.g. `ev-3`.
    EvidenceId,
    "ev"
);
id_type!(
    /// A grey area, e.g. `ga-2`.
    GreyAreaId,
    "ga"
);
id_type!(
    /// An opportunity, e.g. `op-4`.
    OpportunityId,
    "op"
);
id_type!(
    /// A channel of the journey's catalogue, e.g. `web`.
    ChannelId,
    "ch"
);
id_type!(
    /// An extra curve of the map (relevance, enjoyability, a segment), e.g. `relevance`.
    CurveId,
    "curve"
);

id_type!(
    /// A round of dot voting in a workshop, e.g. `vote-1`.
    VoteRoundId,
    "vote"
);

id_type!(
    /// A step of the service blueprint, e.g. `st-4`.
    StepId,
    "st"
);
id_type!(
    /// An actor of the journey's catalogue (who does a step), e.g. `courier`.
    ActorId,
    "actor"
);

id_type!(
    /// A department of the journey's catalogue, e.g. `billing`.
    DepartmentId,
    "dept"
);

/// Whether `id` is a well-formed identifier: 1..=64 characters of lowercase ASCII
/// letters, digits, `-` and `_`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'_')
}

/// The next free `PREFIX-N` id given the ids already in use: one more than the largest
/// `N` in use, so ids are never reused within a document's history.
pub fn next_numbered_id<'a>(prefix: &str, existing: impl Iterator<Item = &'a str>) -> String {
    format!("{prefix}-{}", largest_number(prefix, existing) + 1)
}

/// The largest `N` among ids of the form `PREFIX-N`, or 0.
pub fn largest_number<'a>(prefix: &str, existing: impl Iterator<Item = &'a str>) -> u64 {
    existing
        .filter_map(|id| {
            id.strip_prefix(prefix)?
                .strip_prefix('-')?
                .parse::<u64>()
                .ok()
        })
        .max()
        .unwrap_or(0)
}

/// Lowercase ASCII slug of a name, for catalogue ids (`"Mobile app"` -> `mobile-app`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    trimmed.chars().take(40).collect()
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => 'a',
        'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_id_is_one_past_the_largest() {
        let ids = ["tp-1", "tp-9", "tp-3", "ev-40", "tp-x"];
        assert_eq!(next_numbered_id("tp", ids.iter().copied()), "tp-10");
        assert_eq!(next_numbered_id("ga", ids.iter().copied()), "ga-1");
    }

    #[test]
    fn slugs_fold_spanish() {
        assert_eq!(slug("Atención al cliente"), "atencion-al-cliente");
        assert_eq!(slug("  Mobile app!"), "mobile-app");
        assert!(is_valid_id(&slug("Teléfono / centro")));
    }

    #[test]
    fn id_validity() {
        assert!(is_valid_id("tp-1"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Tp-1"));
        assert!(!is_valid_id("-tp"));
        assert!(!is_valid_id("tp 1"));
    }
}
