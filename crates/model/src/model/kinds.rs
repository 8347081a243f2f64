//! The closed vocabularies of a journey: stages, states, kinds, severities, statuses.
//! Files store these as stable, language-neutral variant names (`Awareness`,
//! `DepartmentHandoff`); the interface shows them translated.

use serde::{Deserialize, Serialize};

/// Defines a fieldless enum with strum's table of its variants in declaration order
/// (`ALL`) and a stable `key()`: the variant name in kebab case (`department-handoff`),
/// used for message ids and on the command line; files store the variant name.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident $(default $default:ident)? { $($variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
            schemars::JsonSchema, strum::VariantArray, strum::IntoStaticStr, strum::EnumString,
        )]
        #[strum(serialize_all = "kebab-case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = <$name as strum::VariantArray>::VARIANTS;

            /// Stable key, lowercase with dashes (`department-handoff`).
            pub fn key(self) -> &'static str {
                self.into()
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
        Awareness,
        Interest,
        Consideration,
        Action,
        Usage,
        Advocacy,
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
        Current,
        Future,
        Planned,
        Actual,
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
        AdHoc,
        Missing,
        Failing,
        OutOfOrder,
    }
);

vocabulary!(
    /// The language a journey is written in; exports and diffs use it.
    #[derive(clap::ValueEnum)]
    Language default En {
        En,
        Es,
    }
);

vocabulary!(
    /// What kind of channel a catalogue entry is.
    ChannelKind {
        Store,
        Web,
        MobileApp,
        Email,
        Phone,
        Chat,
        Social,
        Partner,
        Other,
    }
);

vocabulary!(
    /// Who an actor of the service blueprint is.
    ActorKind {
        Customer,
        Staff,
        System,
        Partner,
    }
);

vocabulary!(
    /// The layer of the service blueprint a step belongs to (Shostack; NN/g): what
    /// staff do in view of the customer, what they do out of view, and the systems
    /// and teams that support both.
    BlueprintLane {
        Frontstage,
        Backstage,
        Support,
    }
);

vocabulary!(
    /// The unit of a step's duration.
    TimeUnit {
        Min,
        H,
        D,
        W,
    }
);

vocabulary!(
    /// What a piece of evidence is.
    EvidenceKind {
        Quote,
        Metric,
        Observation,
        Survey,
        Interview,
        Analytics,
        Social,
        Complaint,
        Photo,
    }
);

vocabulary!(
    /// How sure the team is of a piece of evidence.
    Confidence default Observed {
        Observed,
        Inferred,
        Assumed,
    }
);

vocabulary!(
    /// The kind of break a grey area marks.
    GreyAreaKind {
        DepartmentHandoff,
        ChannelSwitch,
        SystemGap,
        InconsistentMessage,
        MissingTouchpoint,
        FailingTouchpoint,
        OutOfOrderStep,
        AdHoc,
        ActorHandoff,
        Other,
    }
);

vocabulary!(
    /// How badly a grey area hurts the journey; ordered from low to critical.
    Severity {
        Low,
        Medium,
        High,
        Critical,
    }
);

vocabulary!(
    /// Where the work on a grey area stands.
    GreyAreaStatus default Open {
        Open,
        Mitigating,
        Resolved,
    }
);

vocabulary!(
    /// Where an opportunity (an intervention, a nudge) stands.
    OpportunityStatus default Idea {
        Idea,
        Testing,
        Validated,
        Dropped,
    }
);

vocabulary!(
    /// The standard customer metrics; anything else is `Custom` with a name.
    MetricName {
        Nps,
        Csat,
        Ces,
        Isat,
        Ir,
        If,
        Custom,
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
