//! The open document: the journey, where it lives, and its history. Every change goes
//! through `apply`, which records the inverse edit for undo. Unsaved changes are a
//! revision number (`revision != saved_revision`), never a flag set in many places.
//! Revisions come from one process-wide counter, so no two documents ever share one and
//! a cache keyed by revision alone can never mix two documents. No egui here: the
//! editor, the tests and the command line all use it.

mod delete;
mod elements;

pub use delete::{Deletion, Referrers, delete_edit, deletion, neighbour, referring};

pub use crate::format::{attachment_path, resolve_attachment};
pub use elements::{
    grey_area_suggestions, new_row, new_step, new_touchpoint, new_touchpoint_after,
    ranked_handoffs, step_handoff_suggestions, suggested_grey_area, suggested_grey_area_between,
};

use crate::format;
use crate::model::{Edit, EditError, ElementId, Journey};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

/// A revision number no document has used yet.
fn fresh_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// How many undo steps are kept; older ones are dropped.
pub const HISTORY_LIMIT: usize = 500;

/// What an undo step is called, as a message id (`edit-move-touchpoint`).
pub type EditLabel = &'static str;

#[derive(Debug)]
struct Step {
    label: EditLabel,
    /// Undoing applies this.
    inverse: Edit,
    /// Consecutive edits with the same key (typing in one field) merge into one step.
    coalesce: Option<String>,
    revision_before: u64,
    revision_after: u64,
}

#[derive(Debug)]
pub struct Document {
    /// Unique across documents (from the revision counter): results of work started for
    /// one document are never applied to another.
    id: u64,
    pub journey: Journey,
    pub path: Option<PathBuf>,
    revision: u64,
    saved_revision: u64,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Set when the next edit must start a new undo step even with the same key.
    break_coalescing: bool,
    /// The line endings of the file it was read from, kept on save.
    pub line_ending: format::LineEnding,
    /// Every change so far, counted (edits, undos and redos alike; revisions go back
    /// on undo, this never does).
    changes: u64,
    /// What the latest changes touched: (the count after it, its elements, the header).
    touched: std::collections::VecDeque<(u64, Vec<ElementId>, bool)>,
}

/// How many changes back `touched_since` can look.
const TOUCHED_KEPT: usize = 512;

impl Document {
    pub fn new(journey: Journey, path: Option<PathBuf>) -> Self {
        let revision = fresh_revision();
        Self {
            id: revision,
            journey,
            path,
            revision,
            saved_revision: revision,
            undo: Vec::new(),
            redo: Vec::new(),
            break_coalescing: false,
            changes: 0,
            touched: std::collections::VecDeque::new(),
            line_ending: format::LineEnding::Lf,
        }
    }

    /// A document with changes not yet saved anywhere (restored or generated text).
    pub fn new_unsaved(journey: Journey, path: Option<PathBuf>) -> Self {
        let mut document = Self::new(journey, path);
        document.saved_revision = u64::MAX;
        document
    }

    pub fn load(path: &Path) -> Result<(Self, format::Parsed), format::FormatError> {
        let parsed = format::load(path)?;
        let mut document = Self::new(parsed.journey.clone(), Some(path.to_owned()));
        document.line_ending = parsed.line_ending;
        Ok((document, parsed))
    }

    /// The document of a file just read from `path`.
    pub fn from_parsed(parsed: format::Parsed, path: &Path) -> Self {
        let format::Parsed {
            journey,
            comments: _,
            line_ending,
        } = parsed;
        let mut document = Self::new(journey, Some(path.to_owned()));
        document.line_ending = line_ending;
        document
    }

    pub fn id(&self) -> u64 {
        self.id
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_modified(&self) -> bool {
        self.revision != self.saved_revision
    }

    pub fn file_name(&self) -> Option<String> {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
    }

    /// Applies an edit as one undo step (or merges it into the last one when it has the
    /// same coalescing key). On error nothing changes.
    pub fn apply(
        &mut self,
        edit: Edit,
        label: EditLabel,
        coalesce: Option<String>,
    ) -> Result<(), EditError> {
        let touches = edit.touches();
        let inverse = edit.apply(&mut self.journey)?;
        let (touched, header) = (touches.0.clone(), touches.1);
        self.record(touches);
        let revision_after = fresh_revision();
        let merge = !self.break_coalescing
            && coalesce.is_some()
            && self.redo.is_empty()
            && self.undo.last().is_some_and(|s| s.coalesce == coalesce);
        self.break_coalescing = false;
        if merge && let Some(last) = self.undo.last_mut() {
            // Keep the oldest inverse: undo returns to before the first keystroke. An
            // edit that reaches past what the step touched so far (an entry given its
            // id from the name typed) has its own inverse run first.
            let (before, before_header) = last.inverse.touches();
            let covered =
                (!header || before_header) && touched.iter().all(|id| before.contains(id));
            if !covered {
                let oldest = std::mem::replace(&mut last.inverse, Edit::Batch(Vec::new()));
                last.inverse = Edit::Batch(vec![inverse, oldest]);
            }
            last.revision_after = revision_after;
        } else {
            self.undo.push(Step {
                label,
                inverse,
                coalesce,
                revision_before: self.revision,
                revision_after,
            });
            if self.undo.len() > HISTORY_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.revision = revision_after;
        Ok(())
    }

    /// How many changes the document has seen (edits, undos, redos): what an edit made
    /// now is made against.
    pub fn changes(&self) -> u64 {
        self.changes
    }

    /// The elements (and whether the header) changed after the document had seen
    /// `changes` changes; `None` when that is further back than the document remembers.
    pub fn touched_since(&self, changes: u64) -> Option<(Vec<ElementId>, bool)> {
        if changes > self.changes {
            return None;
        }
        if changes < self.changes
            && self
                .touched
                .front()
                .is_none_or(|(after, ..)| *after > changes + 1)
        {
            return None;
        }
        let mut ids = Vec::new();
        let mut header = false;
        for (after, touched, head) in &self.touched {
            if *after > changes {
                ids.extend(touched.iter().cloned());
                header |= *head;
            }
        }
        Some((ids, header))
    }

    fn record(&mut self, (ids, header): (Vec<ElementId>, bool)) {
        self.changes += 1;
        self.touched.push_back((self.changes, ids, header));
        if self.touched.len() > TOUCHED_KEPT {
            self.touched.pop_front();
        }
    }

    /// The next edit starts a new undo step (focus moved to another field).
    pub fn break_coalescing(&mut self) {
        self.break_coalescing = true;
    }

    pub fn undo_label(&self) -> Option<EditLabel> {
        self.undo.last().map(|s| s.label)
    }

    pub fn redo_label(&self) -> Option<EditLabel> {
        self.redo.last().map(|s| s.label)
    }

    pub fn undo(&mut self) -> bool {
        self.step_back_or_forth(true)
    }

    pub fn redo(&mut self) -> bool {
        self.step_back_or_forth(false)
    }

    fn step_back_or_forth(&mut self, back: bool) -> bool {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else { return false };
        let Step {
            label,
            inverse,
            coalesce,
            revision_before,
            revision_after,
        } = step;
        let touches = inverse.touches();
        match inverse.apply(&mut self.journey) {
            Ok(redo) => {
                to.push(Step {
                    label,
                    inverse: redo,
                    coalesce,
                    revision_before,
                    revision_after,
                });
                self.revision = if back {
                    revision_before
                } else {
                    revision_after
                };
                self.break_coalescing = true;
                self.record(touches);
                true
            }
            Err(_) => {
                // An inverse that no longer applies means history is out of step with
                // the document; drop history rather than corrupt the journey.
                self.undo.clear();
                self.redo.clear();
                false
            }
        }
    }

    /// Saves to `path` (atomically, on this thread) and makes it the document's path;
    /// returns the text written. The editor saves through the session instead.
    pub fn save_as(&mut self, path: &Path) -> Result<String, format::FormatError> {
        let text = format::save_returning_text(path, &self.journey, self.line_ending)?;
        self.mark_saved(self.revision, path.to_owned());
        self.break_coalescing = true;
        Ok(text)
    }

    /// `revision` of the journey is on disk at `path` (a save finished). Edits made
    /// since it started keep the document modified.
    pub fn mark_saved(&mut self, revision: u64, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = revision;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn add(doc: &mut Document, stage: Stage) -> TouchpointId {
        let id = doc.journey.next_touchpoint_id();
        let edit = Edit::add_touchpoint(&doc.journey, Touchpoint::new(id.clone(), stage, "x"));
        doc.apply(edit, "edit-add-touchpoint", None).unwrap();
        id
    }

    fn retitle(doc: &mut Document, id: &TouchpointId, title: &str) {
        let mut tp = doc.journey.touchpoint(id).unwrap().clone();
        tp.title = title.into();
        doc.apply(
            Edit::Replace(Element::Touchpoint(tp)),
            "edit-touchpoint",
            Some(format!("{id}/title")),
        )
        .unwrap();
    }

    #[test]
    fn typing_coalesces_into_one_step() {
        let mut doc = Document::new(Journey::new("t", Language::En), None);
        let id = add(&mut doc, Stage::Usage);
        for title in ["C", "Ch", "Che", "Check"] {
            retitle(&mut doc, &id, title);
        }
        assert_eq!(doc.journey.touchpoints[0].title, "Check");
        assert!(doc.undo());
        assert_eq!(doc.journey.touchpoints[0].title, "x");
        assert!(doc.undo());
        assert!(doc.journey.touchpoints.is_empty());
        assert!(!doc.is_modified(), "back at the loaded state");
    }

    #[test]
    fn undo_after_save_marks_modified_and_redo_returns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.ron");
        let mut doc = Document::new(Journey::new("t", Language::En), None);
        add(&mut doc, Stage::Action);
        assert!(doc.is_modified());
        doc.save_as(&path).unwrap();
        assert!(!doc.is_modified());
        doc.undo();
        assert!(doc.is_modified());
        doc.redo();
        assert!(!doc.is_modified());
    }

    #[test]
    fn a_new_edit_clears_redo_and_history_is_bounded() {
        let mut doc = Document::new(Journey::new("t", Language::En), None);
        for _ in 0..HISTORY_LIMIT + 20 {
            add(&mut doc, Stage::Awareness);
        }
        let mut undone = 0;
        while doc.undo() {
            undone += 1;
        }
        assert_eq!(undone, HISTORY_LIMIT);
        add(&mut doc, Stage::Interest);
        assert!(!doc.redo());
    }
}
