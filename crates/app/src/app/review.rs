//! A sheet pasted into the table or imported from a file, waiting for the person to
//! confirm it (`dialogs/paste.rs` shows it): the kind its rows are, the plan
//! (`interchange::plan`), the person's choices for catalogue values, and the one edit
//! that applies it. Knows nothing of the app's actions or windows.

use crate::interchange::sheet::{Catalogue, CsvError, Options, Plan};
use crate::model::{ElementKind, Journey};

/// A sheet pasted (or imported) into the journey, waiting for the person to confirm:
/// the rows to add and update, the fields it would clear, each catalogue value's match
/// (changeable), the new entries. The journey it was planned against is kept, so a
/// changed choice plans again.
#[derive(Debug)]
pub struct PasteReview {
    /// The kind of element the sheet's rows are.
    pub kind: ElementKind,
    pub base: Box<Journey>,
    /// The document's count of changes `base` was taken at.
    pub base_changes: u64,
    pub text: String,
    pub options: Options,
    pub plan: Result<Plan, CsvError>,
    /// A file imported (File ▸ Import…), which may start a new journey instead.
    pub import: Option<ImportSource>,
}

/// The file a review came from, and the title a new journey from it would take.
#[derive(Debug)]
pub struct ImportSource {
    pub file: String,
    pub title: String,
}

impl PasteReview {
    /// `columns`: the column names a sheet without a header row is read with.
    pub fn new(
        kind: ElementKind,
        journey: &Journey,
        base_changes: u64,
        text: String,
        columns: Option<Vec<&'static str>>,
    ) -> Self {
        let options = Options {
            columns_without_header: columns.filter(|c| !c.is_empty()),
            choices: Vec::new(),
        };
        let plan = crate::interchange::plan(kind, journey, &text, &options);
        PasteReview {
            kind,
            base: Box::new(journey.clone()),
            base_changes,
            text,
            options,
            plan,
            import: None,
        }
    }

    /// The person chose another entry (or a new one) for a value: plan again.
    pub fn choose(&mut self, catalogue: Catalogue, value: &str, entry: Option<String>) {
        self.options
            .choices
            .retain(|(c, v, _)| !(*c == catalogue && v == value));
        self.options
            .choices
            .push((catalogue, value.to_owned(), entry));
        self.plan = crate::interchange::plan(self.kind, &self.base, &self.text, &self.options);
    }
}
