//! The closed vocabularies of a journey: stages, states, kinds, severities, statuses.
//! Files store these as stable, language-neutral variant names (`Awareness`,
//! `DepartmentHandoff`); the interface shows them translated.

use serde::{Deserialize, Serialize};

/// Defines a fieldless enum with an `ALL` table in declaration order and a stable
/// `key()` (the variant name as written in files, used for message ids too).
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident $(default $default:ident)? { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable key, lowercase with dashes (`department-handoff`).
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
        }

        $(impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        })?
    };
}

vocabulary!(
    /// The six stages of every journey, in their fixed order.
    Stage {
        Awareness => "awareness",
        Interest => "interest",
        Consideration => "consideration",
        Action => "action",
        Usage => "usage",
        Advocacy => "advocacy",
    }
);

impl Stage {
    /// Position of the stage, 0 for awareness through 5 for advocacy.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Stage> {
        self.index().checked_sub(1).map(|i| Stage::ALL[i])
    }
}

vocabulary!(
    /// Whether the map shows the journey as it is, as it should become, as it was
    /// planned, or as customers actually went through it (deviations marked).
    JourneyState default Current {
        Current => "current",
        Future => "future",
        Planned => "planned",
        Actual => "actual",
    }
);

vocabulary!(
    /// How an actual journey departs from the planned one at a touchpoint (the
    /// customer journey modelling language's deviations, Halvorsrud et al.): ad hoc, a
    /// touchpoint the plan did not have (an unplanned call to support); missing, a
    /// planned one that never happened (a letter that never arrives); failing, one that
    /// happened and failed (the modem does not work); out of order, one that came at
    /// another place than planned (the invoice before the installation).
    Deviation {
        AdHoc => "ad-hoc",
        Missing => "missing",
        Failing => "failing",
        OutOfOrder => "out-of-order",
    }
);

vocabulary!(
    /// The language a journey is written in; exports and diffs use it.
    Language default En {
        En => "en",
        Es => "es",
    }
);

vocabulary!(
    /// What kind of channel a catalogue entry is.
    ChannelKind {
        Store => "store",
        Web => "web",
        MobileApp => "mobile-app",
        Email => "email",
        Phone => "phone",
        Chat => "chat",
        Social => "social",
        Partner => "partner",
        Other => "other",
    }
);

vocabulary!(
    /// What a piece of evidence is.
    EvidenceKind {
        Quote => "quote",
        Metric => "metric",
        Observation => "observation",
        Survey => "survey",
        Interview => "interview",
        Analytics => "analytics",
        Social => "social",
        Complaint => "complaint",
        Photo => "photo",
    }
);

vocabulary!(
    /// How sure the team is of a piece of evidence.
    Confidence default Observed {
        Observed => "observed",
        Inferred => "inferred",
        Assumed => "assumed",
    }
);

vocabulary!(
    /// The kind of break a grey area marks.
    GreyAreaKind {
        DepartmentHandoff => "department-handoff",
        ChannelSwitch => "channel-switch",
        SystemGap => "system-gap",
        InconsistentMessage => "inconsistent-message",
        MissingTouchpoint => "missing-touchpoint",
        FailingTouchpoint => "failing-touchpoint",
        OutOfOrderStep => "out-of-order-step",
        AdHoc => "ad-hoc",
        Other => "other",
    }
);

vocabulary!(
    /// How badly a grey area hurts the journey; ordered from low to critical.
    Severity {
        Low => "low",
        Medium => "medium",
        High => "high",
        Critical => "critical",
    }
);

vocabulary!(
    /// Where the work on a grey area stands.
    GreyAreaStatus default Open {
        Open => "open",
        Mitigating => "mitigating",
        Resolved => "resolved",
    }
);

vocabulary!(
    /// Where an opportunity (an intervention, a nudge) stands.
    OpportunityStatus default Idea {
        Idea => "idea",
        Testing => "testing",
        Validated => "validated",
        Dropped => "dropped",
    }
);

vocabulary!(
    /// The standard customer metrics; anything else is `Custom` with a name.
    MetricName {
        Nps => "nps",
        Csat => "csat",
        Ces => "ces",
        Isat => "isat",
        Ir => "ir",
        If => "if",
        Custom => "custom",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_in_fixed_order() {
        let keys: Vec<_> = Stage::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(
            keys,
            [
                "awareness",
                "interest",
                "consideration",
                "action",
                "usage",
                "advocacy"
            ]
        );
        assert_eq!(Stage::Awareness.next(), Some(Stage::Interest));
        assert_eq!(Stage::Advocacy.next(), None);
        assert_eq!(Stage::Awareness.previous(), None);
        assert!(Severity::Critical > Severity::Low);
    }
}
