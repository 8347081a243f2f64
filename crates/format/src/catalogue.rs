//! A shared catalogue: one file of channels, departments and actors that a folder of
//! journeys agrees on (`catalogue.ron`, `Catalogue(channels: [...], departments: [...],
//! actors: [...])`). Journeys stay self-contained (each keeps its own catalogue);
//! `check --catalogue` says where one differs from the shared one, and `catalogue sync`
//! brings it in line: entries matched by id or by name (the one naming rule), ids
//! renamed through the table of element kinds (every reference follows), names, kinds
//! and colours taken from the shared file.

use crate::model::names::{Found, find};
use crate::model::{Actor, Channel, Department, ElementKind, Journey};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    #[serde(default)]
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub departments: Vec<Department>,
    #[serde(default)]
    pub actors: Vec<Actor>,
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("{0}")]
    Read(String),
    #[error("{line}:{column}: {message}")]
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
}

/// Reads a catalogue file through the guarded reader.
pub fn load(path: &std::path::Path) -> Result<Catalogue, CatalogueError> {
    let bytes = crate::format::read_regular(path, crate::format::MAX_JOURNEY_BYTES)
        .map_err(|e| CatalogueError::Read(format!("cannot read {}: {e}", path.display())))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| CatalogueError::Read(format!("{}: not UTF-8 text", path.display())))?;
    crate::format::ron_options()
        .from_str::<Catalogue>(&text)
        .map_err(|e| CatalogueError::Parse {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// One way a journey's entry differs from the shared catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub kind: ElementKind,
    /// The journey's entry id.
    pub id: String,
    pub message: String,
}

/// An entry of either side: its id, its name.
trait Entry {
    const KIND: ElementKind;
    fn id(&self) -> &str;
    fn name(&self) -> &str;
}

impl Entry for Channel {
    const KIND: ElementKind = ElementKind::Channel;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn name(&self) -> &str {
        &self.name
    }
}

impl Entry for Department {
    const KIND: ElementKind = ElementKind::Department;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn name(&self) -> &str {
        &self.name
    }
}

impl Entry for Actor {
    const KIND: ElementKind = ElementKind::Actor;
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// An entry whose id is one shared entry and whose name is another: taking either
/// reading would move every reference to the other, so it is said and nothing done.
fn ambiguous<'a, T: Entry>(entry: &T, shared: &'a [T]) -> Option<(&'a T, &'a T)> {
    let by_id = shared.iter().find(|s| s.id() == entry.id())?;
    if by_id.name() == entry.name() {
        return None;
    }
    let names: Vec<(&str, &str)> = shared.iter().map(|s| (s.id(), s.name())).collect();
    let by_name = match find(entry.name(), names) {
        Found::Entry(at, _) => shared.get(at)?,
        _ => return None,
    };
    (by_name.id() != by_id.id()).then_some((by_id, by_name))
}

/// Every entry of `journey` that could be either of two shared entries, in words.
pub fn ambiguities(journey: &Journey, shared: &Catalogue) -> Vec<String> {
    fn each<T: Entry>(own: &[T], shared: &[T], out: &mut Vec<String>) {
        for entry in own {
            if let Some((by_id, by_name)) = ambiguous(entry, shared) {
                out.push(format!(
                    "{word} {} \"{}\": its id is the shared {word} {} \"{}\" and its name is the \
                     shared {word} {} \"{}\"; say which by renaming it or changing its id",
                    entry.id(),
                    entry.name(),
                    by_id.id(),
                    by_id.name(),
                    by_name.id(),
                    by_name.name(),
                    word = T::KIND.singular(),
                ));
            }
        }
    }
    let mut out = Vec::new();
    each(&journey.channels, &shared.channels, &mut out);
    each(&journey.departments, &shared.departments, &mut out);
    each(&journey.actors, &shared.actors, &mut out);
    out
}

/// The shared entry an entry of a journey is: the same id, else the one its name
/// names.
fn counterpart<'a, T: Entry>(entry: &T, shared: &'a [T]) -> Option<&'a T> {
    shared.iter().find(|s| s.id() == entry.id()).or_else(|| {
        let names: Vec<(&str, &str)> = shared.iter().map(|s| (s.id(), s.name())).collect();
        match find(entry.name(), names) {
            Found::Entry(at, _) => shared.get(at),
            _ => None,
        }
    })
}

fn compare<T: Entry>(own: &[T], shared: &[T], out: &mut Vec<Difference>) {
    let word = T::KIND.singular();
    for entry in own {
        if let Some((by_id, by_name)) = ambiguous(entry, shared) {
            out.push(Difference {
                kind: T::KIND,
                id: entry.id().to_owned(),
                message: format!(
                    "{word} {} \"{}\" reads two ways: by its id it is the shared \"{}\", by its \
                     name the shared {} \"{}\"",
                    entry.id(),
                    entry.name(),
                    by_id.name(),
                    by_name.id(),
                    by_name.name()
                ),
            });
            continue;
        }
        let message = match counterpart(entry, shared) {
            None => Some(format!(
                "{word} {} \"{}\" is not in the shared catalogue",
                entry.id(),
                entry.name()
            )),
            Some(s) if s.id() != entry.id() => Some(format!(
                "{word} {} \"{}\" is \"{}\" in the shared catalogue, with id {}",
                entry.id(),
                entry.name(),
                s.name(),
                s.id()
            )),
            Some(s) if s.name() != entry.name() => Some(format!(
                "{word} {} is named \"{}\" here and \"{}\" in the shared catalogue",
                entry.id(),
                entry.name(),
                s.name()
            )),
            Some(_) => None,
        };
        if let Some(message) = message {
            out.push(Difference {
                kind: T::KIND,
                id: entry.id().to_owned(),
                message,
            });
        }
    }
}

/// The shared catalogue's name for a journey's channel, department or actor (`what`:
/// `"channel"`, `"department"`, `"actor"`), matched by id or name.
pub fn shared_name(shared: &Catalogue, what: &str, id: &str, name: &str) -> Option<String> {
    struct Probe<'a>(&'a str, &'a str);
    impl Entry for Probe<'_> {
        const KIND: ElementKind = ElementKind::Channel;
        fn id(&self) -> &str {
            self.0
        }
        fn name(&self) -> &str {
            self.1
        }
    }
    let probe = Probe(id, name);
    fn named<T: Entry>(probe: &Probe<'_>, list: &[T]) -> Option<String> {
        let found = list.iter().find(|s| s.id() == probe.id()).or_else(|| {
            let names: Vec<(&str, &str)> = list.iter().map(|s| (s.id(), s.name())).collect();
            match find(probe.name(), names) {
                Found::Entry(at, _) => list.get(at),
                _ => None,
            }
        });
        found.map(|s| s.name().to_owned())
    }
    match what {
        "channel" => named(&probe, &shared.channels),
        "department" => named(&probe, &shared.departments),
        _ => named(&probe, &shared.actors),
    }
}

/// Warnings where the journey in `text` differs from `shared`, each at its entry's
/// name (`check --catalogue`).
pub fn differences_in(text: &str, shared: &Catalogue) -> Vec<crate::format::Diagnostic> {
    use crate::format::{Anchor, Finding, SourceIndex};
    let Ok(journey) = crate::format::ron_options().from_str::<Journey>(text) else {
        return Vec::new();
    };
    let findings = differences(&journey, shared)
        .into_iter()
        .map(|d| Finding::warning(Anchor::field(d.kind.section(), &d.id, "name"), d.message))
        .collect();
    SourceIndex::new(text).place(findings)
}

/// Where `journey`'s channels, departments and actors differ from `shared`.
pub fn differences(journey: &Journey, shared: &Catalogue) -> Vec<Difference> {
    let mut out = Vec::new();
    compare(&journey.channels, &shared.channels, &mut out);
    compare(&journey.departments, &shared.departments, &mut out);
    compare(&journey.actors, &shared.actors, &mut out);
    out
}

/// `journey` brought in line with `shared`: each entry that has a counterpart takes its
/// id (references follow), name and colour (and kind); entries the shared catalogue
/// lacks stay. Returns how many entries changed.
pub fn sync(journey: &mut Journey, shared: &Catalogue) -> Result<usize, Vec<String>> {
    let ambiguous = ambiguities(journey, shared);
    if !ambiguous.is_empty() {
        return Err(ambiguous);
    }
    let mut changed = 0;
    macro_rules! each {
        ($list:ident, $kind:expr, $copy:expr) => {{
            let mut renames: foldhash::HashMap<String, String> = foldhash::HashMap::default();
            for entry in &journey.$list {
                if let Some(s) = counterpart(entry, &shared.$list)
                    && s.id() != entry.id()
                    && !journey.$list.iter().any(|o| o.id() == s.id())
                {
                    renames.insert(entry.id().to_owned(), s.id().to_owned());
                }
            }
            changed += renames.len();
            journey.rename_all($kind, &renames);
            for entry in &mut journey.$list {
                if let Some(s) = shared.$list.iter().find(|s| s.id() == entry.id()) {
                    let before = entry.clone();
                    $copy(entry, s);
                    if *entry != before && !renames.values().any(|v| v == entry.id()) {
                        changed += 1;
                    }
                }
            }
        }};
    }
    each!(
        channels,
        ElementKind::Channel,
        |e: &mut Channel, s: &Channel| {
            e.name.clone_from(&s.name);
            e.kind = s.kind;
            e.colour = s.colour;
        }
    );
    each!(
        departments,
        ElementKind::Department,
        |e: &mut Department, s: &Department| {
            e.name.clone_from(&s.name);
            e.colour = s.colour;
        }
    );
    each!(actors, ElementKind::Actor, |e: &mut Actor, s: &Actor| {
        e.name.clone_from(&s.name);
        e.kind = s.kind;
        e.colour = s.colour;
    });
    Ok(changed)
}
