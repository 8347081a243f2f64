//! The components around and over the map, each owning its transient state: the
//! canvas, the Find bar, the keyboard-entry bar, the failed-load view and the panels'
//! caches. A side panel gets a `Panel` (the journey to read, the shared view state,
//! where its actions go, its caches), never the app.

pub mod catalogue;
pub mod find;
pub mod grey_list;
pub mod journey;
pub mod menu_bar;
pub mod outline;
pub mod status_bar;

use super::action::Actions;
use super::canvas::Canvas;
use super::dialogs::load_failure::FailureView;
use super::thumbnails::Thumbnails;
use super::workshop::EntryBar;
use super::workspace::Workspace;
use crate::i18n::I18n;
use crate::model::Journey;
use crate::theme::Theme;

/// What a side panel may read and where its actions go, and nothing more.
pub struct Panel<'a> {
    pub journey: &'a Journey,
    /// The journey's file (attachments are relative to its folder).
    pub journey_path: Option<&'a std::path::Path>,
    /// The document revision: caches are keyed by it (unique across documents).
    pub revision: u64,
    pub i18n: &'a I18n,
    pub theme: &'a Theme,
    pub workspace: &'a Workspace,
    pub actions: &'a Actions,
    pub caches: &'a mut Caches,
}

/// What the side panels keep between frames, keyed by document revision.
#[derive(Default)]
pub struct Caches {
    pub grey_list: grey_list::ListCache,
    pub thumbnails: Thumbnails,
}

/// The components, each with its own state.
#[derive(Default)]
pub struct Panels {
    pub canvas: Canvas,
    pub table: crate::app::table::Table,
    pub find: find::Find,
    pub entry: EntryBar,
    pub failure: FailureView,
    /// "See what changed" was asked for in the outside-change prompt.
    pub show_outside_changes: bool,
    pub caches: Caches,
}

impl Panels {
    /// A new document: what pointed into the old one goes; the display stays.
    pub fn reset_for_new_document(&mut self) {
        self.canvas.refit();
        self.table.reset();
        self.find.forget_matches();
        self.entry.stop();
        self.show_outside_changes = false;
    }
}
