//! Interface text in English and Spanish, from Project Fluent message files in
//! `assets/i18n/`. Every user-facing string in the app goes through `I18n::tr`;
//! vocabulary (stages, kinds, severities) through `I18n::term`, so files keep
//! language-neutral keys while people read their own language.

use crate::model::Language;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use unic_langid::{LanguageIdentifier, langid};

const EN_FTL: &str = include_str!("../../../../assets/i18n/en.ftl");
const ES_FTL: &str = include_str!("../../../../assets/i18n/es.ftl");

/// The message source for one language.
pub fn ftl_source(language: Language) -> &'static str {
    match language {
        Language::En => EN_FTL,
        Language::Es => ES_FTL,
    }
}

fn langid(language: Language) -> LanguageIdentifier {
    match language {
        Language::En => langid!("en"),
        Language::Es => langid!("es"),
    }
}

pub struct I18n {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

impl I18n {
    pub fn new(language: Language) -> Self {
        let mut bundle = FluentBundle::new(vec![langid(language)]);
        // egui would draw the Unicode isolation marks around arguments as boxes.
        bundle.set_use_isolating(false);
        match FluentResource::try_new(ftl_source(language).to_owned()) {
            Ok(resource) | Err((resource, _)) => {
                // Message files are checked by tests; a broken entry shows its id.
                if let Err(errors) = bundle.add_resource(resource) {
                    debug_assert!(errors.is_empty(), "duplicate messages: {errors:?}");
                }
            }
        }
        Self { language, bundle }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The message `id`, or the id itself if it is missing (tests forbid that).
    pub fn tr(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments.
    pub fn tr_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
    }

    /// A stage as this journey names it: the team's own label, else the standard name.
    pub fn stage_name(
        &self,
        journey: &crate::model::Journey,
        stage: crate::model::Stage,
    ) -> String {
        journey
            .stage_label(stage)
            .map_or_else(|| self.term("stage", stage.key()), str::to_owned)
    }

    /// A vocabulary term: `term("stage", "awareness")` reads message `stage-awareness`.
    pub fn term(&self, family: &str, key: &str) -> String {
        self.tr(&format!("{family}-{key}"))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        // A missing argument renders as a literal `{$name}`: a defect of the caller,
        // caught by every test that shows the message.
        debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
        text
    }
}

/// Spanish stage names earlier versions showed (machine-translated: "conciencia" reads
/// as conscience, "abogacía" is the legal profession). Display only: files keep their
/// keys, and every reader of stage names (CSV, Mermaid) still accepts these.
pub const FORMER_STAGE_NAMES: [(&str, crate::model::Stage); 2] = [
    ("Conciencia", crate::model::Stage::Awareness),
    ("Abogacía", crate::model::Stage::Advocacy),
];

/// The interface language the system asks for: Spanish for any `es*` locale.
pub fn system_language() -> Language {
    match sys_locale::get_locale() {
        Some(locale) if locale.to_ascii_lowercase().starts_with("es") => Language::Es,
        _ => Language::En,
    }
}

/// The value type `tr!` hands to Fluent (so the macro needs no dependency where it
/// is used).
pub use fluent_bundle::FluentValue;

/// `tr!(i18n, "id")` or `tr!(i18n, "id", name = value, ...)`.
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $id:expr) => {
        $i18n.tr($id)
    };
    ($i18n:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $i18n.tr_args($id, &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+])
    };
}
