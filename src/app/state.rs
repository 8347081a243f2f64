//! The editor's transient state, never saved with the document: the selection, the
//! view, the open window, the display mode; and the small types widgets hand back
//! (`Edits`) or commands wait on (`PendingAction`).

use super::*;

/// Edits requested by widgets during a frame.
#[derive(Default)]
pub struct Edits {
    pub(super) list: Vec<(Edit, EditLabel, Option<String>)>,
}

impl Edits {
    pub fn push(&mut self, edit: Edit, label: EditLabel) {
        self.list.push((edit, label, None));
    }

    /// An edit that merges with the previous one of the same key (typing in a field).
    pub fn push_typing(&mut self, edit: Edit, label: EditLabel, key: String) {
        self.list.push((edit, label, Some(key)));
    }
}

/// Something to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingAction {
    New,
    /// A new journey from the template with this key.
    NewFromTemplate(&'static str),
    Open,
    OpenPath(PathBuf),
    Quit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
    /// Worth reading before going on: Esc or Enter dismisses it (nothing is blocked).
    Warning(String),
}

/// Transient UI state: never saved with the document.
#[derive(Debug, Default)]
pub struct UiState {
    /// Selected elements; the last one is shown in the inspector.
    pub selection: Vec<ElementId>,
    pub view: View,
    /// Where "add touchpoint" puts the new card.
    pub active_stage: Option<Stage>,
    pub drag: Option<canvas::Drag>,
    /// The field that takes the keyboard focus when this frame ends (a new card's
    /// title): set where the command runs, so the next frame's keys already go there.
    pub focus_request: Option<egui::Id>,
    pub show_catalogue: bool,
    /// The window or prompt over the map, if any: one at a time.
    pub modal: Option<Modal>,
    pub notice: Option<Notice>,
    /// Scroll the canvas to show this touchpoint.
    pub reveal: Option<TouchpointId>,
    /// Editor or presentation (full screen, panels hidden, projector theme).
    pub display: DisplayMode,
    /// Empty stages drawn narrow (a view option, not saved in the journey).
    pub collapse_empty_stages: bool,
    /// The side panels, hidden to give the map the window (presentation hides both).
    pub hide_journey_panel: bool,
    pub hide_inspector: bool,
    /// Timeline or wall: a view setting remembered per journey file in the settings.
    pub arrangement: crate::layout::Arrangement,
    /// Extra curves switched off in the view (View menu); exports draw them all.
    pub hidden_curves: Vec<crate::model::CurveId>,
    /// The Find bar (Ctrl+F).
    pub find: crate::app::panels::find::Find,
    /// The card whose title is being typed in keyboard entry.
    pub entry: Option<TouchpointId>,
    pub filter: Filter,
    /// The grey area in the spotlight: everything else is dimmed.
    pub spotlight: Option<crate::model::GreyAreaId>,
    /// Where the canvas was on screen last frame.
    pub canvas_rect: Option<egui::Rect>,
}

/// How the map is shown; the theme follows from it (`theme`), never stored beside it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DisplayMode {
    #[default]
    Editor,
    /// Full screen, panels hidden, the projector theme.
    Presentation,
    /// Presentation, light on black for washed-out projectors.
    PresentationDark,
}

impl DisplayMode {
    pub fn presenting(self) -> bool {
        self != DisplayMode::Editor
    }

    pub fn theme(self) -> Theme {
        match self {
            DisplayMode::Editor => Theme::light(),
            DisplayMode::Presentation => Theme::presentation(false),
            DisplayMode::PresentationDark => Theme::presentation(true),
        }
    }
}

/// What the export window is preparing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportRequest {
    pub format: crate::export::Format,
    pub options: crate::export::ExportOptions,
}

impl UiState {
    pub fn selected_touchpoints(&self) -> Vec<TouchpointId> {
        self.selection
            .iter()
            .filter_map(|e| match e {
                ElementId::Touchpoint(id) => Some(id.clone()),
                _ => None,
            })
            .collect()
    }

    /// Selects a just-created touchpoint, focuses its title and scrolls to it.
    pub fn select_new_touchpoint(&mut self, id: TouchpointId, stage: Stage) {
        self.selection = vec![ElementId::Touchpoint(id.clone())];
        self.active_stage = Some(stage);
        self.focus_request = Some(widgets::field_id(id.as_str(), "title"));
        self.reveal = Some(id);
    }

    /// Forgets everything that pointed into the previous document; display mode,
    /// notices and open tool windows stay.
    pub fn reset_for_new_document(&mut self) {
        let UiState {
            selection,
            view,
            active_stage,
            drag,
            focus_request,
            show_catalogue,
            modal: _,
            notice: _,
            reveal,
            display: _,
            collapse_empty_stages: _,
            hide_journey_panel: _,
            hide_inspector: _,
            arrangement: _,
            find,
            hidden_curves,
            entry,
            filter,
            spotlight,
            canvas_rect: _,
        } = self;
        selection.clear();
        *view = View::fit_on_next_frame();
        *active_stage = None;
        *drag = None;
        *focus_request = None;
        *show_catalogue = false;
        *reveal = None;
        *entry = None;
        *filter = Filter::None;
        *spotlight = None;
        find.forget_matches();
        hidden_curves.clear();
    }

    pub fn is_selected(&self, id: &ElementId) -> bool {
        self.selection.contains(id)
    }
}

/// What a panel may touch, and nothing more: the journey to read, the edit sink, the
/// view state it shares with the canvas, its caches, and requests for the app (a file
/// to ask for). Panels never see the dialogs, the safety state or the settings.
pub struct Panel<'a> {
    pub journey: &'a Journey,
    /// The journey's file (attachments are relative to its folder).
    pub journey_path: Option<&'a std::path::Path>,
    /// The document revision: caches are keyed by it (unique across documents).
    pub revision: u64,
    pub i18n: &'a I18n,
    pub theme: &'a Theme,
    pub ui_state: &'a mut UiState,
    pub edits: &'a mut Edits,
    pub caches: &'a mut Caches,
    /// Files to ask the person for, once the panels are drawn.
    pub file_requests: &'a mut Vec<(DialogKind, DialogPurpose)>,
}

/// Per-document caches the panels keep between frames, keyed by document revision.
#[derive(Default)]
pub struct Caches {
    pub grey_list: super::inspector::grey_area::ListCache,
    pub thumbnails: super::thumbnails::Thumbnails,
}
