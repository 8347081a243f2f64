//! A sheet pasted into the table or imported from a file, waiting for the person to
//! confirm it (`dialogs/paste.rs` shows it): the plan (`interchange::csv::plan`), the
//! person's choices for catalogue values, and the one edit that applies it. Knows
//! nothing of the app's actions or windows.

use crate::interchange::csv;
use crate::model::Journey;

/// A sheet pasted (or imported) into the journey, waiting for the person to confirm:
/// the rows to add and update, each catalogue value's match (changeable), the new
/// entries. The journey it was planned against is kept, so a changed choice plans again.
#[derive(Debug)]
pub struct PasteReview {
    pub base: Box<Journey>,
    pub text: String,
    pub options: csv::Options,
    pub plan: Result<csv::Plan, csv::CsvError>,
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
    pub fn new(journey: &Journey, text: String, columns: Option<Vec<csv::Column>>) -> Self {
        let options = csv::Options {
            columns_without_header: columns,
            choices: Vec::new(),
        };
        let plan = csv::plan(journey, &text, &options);
        PasteReview {
            base: Box::new(journey.clone()),
            text,
            options,
            plan,
            import: None,
        }
    }

    /// The person chose another entry (or a new one) for a value: plan again.
    pub fn choose(&mut self, catalogue: csv::Catalogue, value: &str, entry: Option<String>) {
        self.options
            .choices
            .retain(|(c, v, _)| !(*c == catalogue && v == value));
        self.options
            .choices
            .push((catalogue, value.to_owned(), entry));
        self.plan = csv::plan(&self.base, &self.text, &self.options);
    }

    /// The one step that applies the plan to the journey it was planned against.
    pub fn edit(&self) -> Option<crate::model::Edit> {
        let plan = self.plan.as_ref().ok()?;
        Some(crate::model::Edit::between(&self.base, &plan.journey))
    }
}
