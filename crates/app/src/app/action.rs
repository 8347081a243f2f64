//! The one action stream. Everything that changes the session or the shared view
//! state is an `Action`: a command, an edit, a menu choice, a prompt's answer, a file
//! dialog's answer, a worker's result. Components push actions during the frame; worker
//! threads push theirs through a `Sender` (which wakes the window); the shell drains the
//! queue once per frame into one exhaustive handler (`handle.rs`).
//!
//! An edit names the document it was made against: an edit of a document replaced in
//! the meantime (a file opened between the widget's frame and the handler) is dropped,
//! never applied to the new one.

use super::commands::AppCommand;
use super::dialogs::file_dialog::DialogKind;
use super::workspace::Notice;
use crate::document::EditLabel;
use crate::model::{CurveId, Edit, ElementId, Journey, Language, Stage, TouchpointId};
use crate::session::{Answer, Event, Pending};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

#[derive(Debug)]
pub enum Action {
    Command(AppCommand),
    Edit(Box<EditRequest>),
    View(ViewChange),
    /// Replace the document (new, open, quit…), asking about unsaved changes first.
    Request(Pending),
    /// The unsaved-changes prompt: save first, then do `Pending`.
    SaveThen(Pending),
    /// The unsaved-changes prompt: lose the changes and do `Pending`.
    DiscardThen(Pending),
    /// The recovery prompt: restore (true) or delete (false) the offer at `index`.
    Recovery {
        index: usize,
        restore: bool,
    },
    Overwrite(Answer),
    Outside(Answer),
    /// The failed-load view's buttons.
    Failure(FailureChoice),
    /// The merge-conflict resolver's result, to become the open document.
    Resolved(Box<Journey>),
    /// Ask the person for a file (a system dialog, or the app's own picker).
    AskFile(DialogKind, DialogPurpose),
    /// A file dialog's answer.
    FileChosen(DialogPurpose, PathBuf),
    /// The export window's choices, ready for a file name.
    Export(super::workspace::ExportRequest),
    Language(Language),
    CancelOpening,
    /// Files dropped on the window.
    Dropped(Vec<PathBuf>),
    /// Focus moved to another field: the next edit starts a new undo step.
    FocusMoved,
    /// A worker's result.
    Session(Event),
    /// A sheet pasted into the table: show what it would do, for confirmation.
    ReviewPaste(Box<super::review::PasteReview>),
    /// A reviewed sheet's journey, planned from the journey as it was after `base`
    /// changes: applied as one undo step, rebased or refused.
    ApplyPlanned {
        base: u64,
        from: Box<Journey>,
        to: Box<Journey>,
        label: EditLabel,
    },
    /// Delete these elements (one undo step); what refers to them is asked about first.
    Delete(Vec<crate::model::ElementId>),
    /// The delete confirmation's answer: what to do with the referrers (none: cancel).
    DeleteConfirmed(
        Vec<crate::model::ElementId>,
        Option<crate::document::Referrers>,
    ),
    /// A file to import was read (on a worker): its path and text, or why not.
    ImportRead(PathBuf, Result<String, String>),
    /// Measure the map against the event log at the path, with a mapping sheet.
    MeasureLog(PathBuf, Option<String>),
    /// How far the worker measuring a log has read it: bytes read and its length.
    LogProgress(PathBuf, u64, u64),
    /// A log measured (on a worker).
    LogMeasured(Box<LogMeasured>),
    /// A phone called the room: its notes and votes to take in.
    RoomChanged,
}

/// An event log's numbers, or why there are none.
#[derive(Debug)]
pub struct LogMeasured {
    pub path: PathBuf,
    /// The numbers and the log's SHA-256.
    pub result: Result<(crate::interchange::eventlog::Conformance, String), String>,
}

/// What the answer is for, so the app knows what to do when it arrives.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogPurpose {
    Open,
    /// Save As; `then` runs after a successful save (quit, open, new).
    SaveAs {
        then: Option<Pending>,
    },
    AttachImage {
        evidence: crate::model::EvidenceId,
    },
    Export {
        options: crate::export::ExportOptions,
    },
    Import,
    /// File ▸ Import event log….
    ImportLog,
}

/// A change to the journey asked for by a widget.
#[derive(Debug)]
pub struct EditRequest {
    /// The document the edit was made against (`Document::id`).
    pub document: u64,
    /// How many changes that document had seen (`Document::changes`): the edit was made
    /// against that state, and is rebased or refused if it changed since.
    pub base: u64,
    pub edit: Edit,
    pub label: EditLabel,
    /// Consecutive edits with the same key (typing in one field) are one undo step.
    pub coalesce: Option<String>,
}

/// A change to the view state the components share.
#[derive(Debug)]
pub enum ViewChange {
    Select(Vec<ElementId>),
    /// Shift+click: add to the selection, or take out of it.
    ToggleSelected(ElementId),
    /// A card just made: select it, focus its title, show it.
    SelectNew(TouchpointId, Stage),
    ActiveStage(Stage),
    /// Scroll the canvas to show this card.
    Reveal(TouchpointId),
    /// Zoom the canvas to this stage.
    FocusStage(Stage),
    /// Give this widget the keyboard when the frame ends.
    Focus(egui::Id),
    ShowCatalogue(bool),
    ShowJourneyPanel,
    ToggleCurve(CurveId),
    Notice(Option<Notice>),
}

/// What the person chose in the view of a file that failed to load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureChoice {
    Reload,
    Back,
}

/// A component's way to ask for changes during the frame.
#[derive(Clone)]
pub struct Actions {
    queue: Arc<Mutex<VecDeque<Action>>>,
    document: u64,
    /// The document's count of changes when the frame began.
    base: u64,
}

impl Actions {
    /// The document's count of changes when the frame began: what its edits are made
    /// against.
    pub fn base(&self) -> u64 {
        self.base
    }

    pub fn push(&self, action: Action) {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(action);
    }

    /// An edit of the open document as one undo step.
    pub fn edit(&self, edit: Edit, label: EditLabel) {
        self.push(Action::Edit(Box::new(EditRequest {
            document: self.document,
            base: self.base,
            edit,
            label,
            coalesce: None,
        })));
    }

    /// An edit that merges with the previous one of the same key (typing in a field).
    pub fn typing(&self, edit: Edit, label: EditLabel, key: String) {
        self.push(Action::Edit(Box::new(EditRequest {
            document: self.document,
            base: self.base,
            edit,
            label,
            coalesce: Some(key),
        })));
    }

    pub fn view(&self, change: ViewChange) {
        self.push(Action::View(change));
    }

    pub fn select(&self, selection: Vec<ElementId>) {
        self.view(ViewChange::Select(selection));
    }

    pub fn notice(&self, notice: Notice) {
        self.view(ViewChange::Notice(Some(notice)));
    }
}

/// Wakes the window from another thread (set on the first frame).
#[derive(Clone, Default)]
pub struct Waker(Arc<Mutex<Option<egui::Context>>>);

impl Waker {
    pub fn set(&self, ctx: &egui::Context) {
        let mut slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some(ctx.clone());
        }
    }

    fn wake(&self) {
        let slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ctx) = &*slot {
            ctx.request_repaint();
        }
    }
}

/// How worker threads push actions: into the workers' queue, waking the window.
#[derive(Clone, Default)]
pub struct Sender {
    queue: Arc<Mutex<VecDeque<Action>>>,
    waker: Waker,
}

impl Sender {
    pub fn send(&self, action: Action) {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(action);
        self.waker.wake();
    }
}

/// The queue the shell drains once per frame: what components pushed during the frame
/// (in order), then what worker threads sent.
#[derive(Default)]
pub struct ActionQueue {
    frame: Arc<Mutex<VecDeque<Action>>>,
    sender: Sender,
}

impl ActionQueue {
    /// The components' handle for this frame, for edits of `document`.
    pub fn for_frame(&self, document: u64, base: u64) -> Actions {
        Actions {
            queue: Arc::clone(&self.frame),
            document,
            base,
        }
    }

    pub fn sender(&self) -> Sender {
        self.sender.clone()
    }

    pub fn waker(&self) -> &Waker {
        &self.sender.waker
    }

    pub fn push(&self, action: Action) {
        self.frame
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(action);
    }

    /// The next action to handle: the frame's first, in order, then the workers'.
    pub fn next(&self) -> Option<Action> {
        let first = self
            .frame
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front();
        first.or_else(|| {
            self.sender
                .queue
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .pop_front()
        })
    }

    /// Whether nothing waits to be handled.
    pub fn is_empty(&self) -> bool {
        self.frame
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty()
            && self
                .sender
                .queue
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .is_empty()
    }
}
