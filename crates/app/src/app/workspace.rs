//! The view state the components share, never saved with the document: what is
//! selected, which stage is active, how the map is shown, what is filtered, the notice
//! in the status bar. Components read it; they change it only through actions
//! (`ViewChange`), which the handler applies here. What belongs to one component (the
//! canvas's pan and zoom, the Find bar's query) lives in that component.

use crate::layout::Arrangement;
use crate::model::{ChannelId, DepartmentId};
use crate::model::{CurveId, ElementId, GreyAreaId, Journey, Stage, Touchpoint, TouchpointId};
use crate::theme::Theme;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
    /// Worth reading before going on: Esc or Enter dismisses it (nothing is blocked).
    Warning(String),
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

/// What the quick filters highlight; the rest is dimmed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    None,
    NoEvidence,
    Channel(ChannelId),
    Department(DepartmentId),
}

impl Filter {
    pub fn matches(&self, touchpoint: &Touchpoint) -> bool {
        match self {
            Filter::None => true,
            Filter::NoEvidence => touchpoint.evidence.is_empty(),
            Filter::Channel(id) => touchpoint.channel.as_ref() == Some(id),
            Filter::Department(id) => touchpoint.department.as_ref() == Some(id),
        }
    }
}

/// What the export window is preparing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportRequest {
    pub format: crate::export::Format,
    pub options: crate::export::ExportOptions,
}

#[derive(Debug)]
pub struct Workspace {
    /// Selected elements; the last one is shown in the inspector.
    pub selection: Vec<ElementId>,
    /// Where "add touchpoint" puts the new card.
    pub active_stage: Option<Stage>,
    /// Editor or presentation (full screen, panels hidden, projector theme).
    pub display: DisplayMode,
    /// The theme of the display mode.
    pub theme: Theme,
    pub filter: Filter,
    /// The grey area in the spotlight: everything else is dimmed.
    pub spotlight: Option<GreyAreaId>,
    /// Extra curves switched off in the view (View menu); exports draw them all.
    pub hidden_curves: Vec<CurveId>,
    /// Timeline or wall: remembered per journey file in the settings.
    pub arrangement: Arrangement,
    /// The table in place of the map (View ▸ Table): remembered per file too.
    pub table: bool,
    /// Empty stages drawn narrow (a view option, not saved in the journey).
    pub collapse_empty_stages: bool,
    /// The evidence lane under the cards (a view option; exports draw it).
    pub show_evidence_lane: bool,
    /// An event log's numbers over the map (View ▸ Data; `export --data`).
    pub show_data: bool,
    /// The blueprint's lanes under the touchpoints when the map has steps (View ▸
    /// Blueprint lanes; on by default).
    pub show_blueprint: bool,
    /// The side panels, hidden to give the map the window.
    pub hide_journey_panel: bool,
    pub hide_inspector: bool,
    pub show_catalogue: bool,
    /// View ▸ Outline: the map as headings and lists beside the canvas.
    pub show_outline: bool,
    /// The interface's size, 1 to 2 (100 % to 200 %): every widget and word, not the
    /// map's zoom.
    pub interface_scale: f32,
    pub notice: Option<Notice>,
    /// Scroll the canvas to show this card (the canvas takes it).
    pub reveal: Option<TouchpointId>,
    /// The widget that takes the keyboard when this frame ends (a new card's title).
    pub focus_request: Option<egui::Id>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            selection: Vec::new(),
            active_stage: None,
            display: DisplayMode::Editor,
            theme: DisplayMode::Editor.theme(),
            filter: Filter::None,
            spotlight: None,
            hidden_curves: Vec::new(),
            arrangement: Arrangement::Timeline,
            table: false,
            collapse_empty_stages: false,
            show_evidence_lane: false,
            show_data: false,
            show_blueprint: true,
            hide_journey_panel: false,
            hide_inspector: false,
            show_catalogue: false,
            show_outline: false,
            interface_scale: 1.0,
            notice: None,
            reveal: None,
            focus_request: None,
        }
    }
}

impl Workspace {
    pub fn is_selected(&self, id: &ElementId) -> bool {
        self.selection.contains(id)
    }

    pub fn selected_touchpoints(&self) -> Vec<TouchpointId> {
        self.selection
            .iter()
            .filter_map(|e| match e {
                ElementId::Touchpoint(id) => Some(id.clone()),
                _ => None,
            })
            .collect()
    }

    /// The selected touchpoints and steps, as grey-area ends, in selection order.
    pub fn selected_ends(&self) -> Vec<crate::model::End> {
        self.selection
            .iter()
            .filter_map(|e| match e {
                ElementId::Touchpoint(id) => Some(crate::model::End::Touchpoint(id.clone())),
                ElementId::Step(id) => Some(crate::model::End::Step(id.clone())),
                _ => None,
            })
            .collect()
    }

    /// The card shown in the inspector, if the last selected element is one.
    pub fn selected_touchpoint(&self) -> Option<TouchpointId> {
        match self.selection.last() {
            Some(ElementId::Touchpoint(id)) => Some(id.clone()),
            _ => None,
        }
    }

    /// The stage keyboard actions work in: the selected card's, or the active stage.
    pub fn current_stage(&self, journey: &Journey) -> Stage {
        self.selected_touchpoint()
            .and_then(|id| journey.touchpoint(&id).map(|t| t.stage))
            .or(self.active_stage)
            .unwrap_or(Stage::Awareness)
    }

    /// Selects one card, makes its stage active and scrolls to it.
    pub fn select_card(&mut self, journey: &Journey, id: TouchpointId) {
        if let Some(t) = journey.touchpoint(&id) {
            self.active_stage = Some(t.stage);
        }
        self.selection = vec![ElementId::Touchpoint(id.clone())];
        self.reveal = Some(id);
    }

    /// Selects a just-created touchpoint, focuses its title and scrolls to it.
    pub fn select_new_touchpoint(&mut self, id: TouchpointId, stage: Stage) {
        self.selection = vec![ElementId::Touchpoint(id.clone())];
        self.active_stage = Some(stage);
        self.focus_request = Some(super::widgets::field_id(id.as_str(), "title"));
        self.reveal = Some(id);
    }

    /// Selects a step just made, its title taking the keyboard.
    pub fn select_new_step(&mut self, id: crate::model::StepId, stage: Stage) {
        self.selection = vec![ElementId::Step(id.clone())];
        self.active_stage = Some(stage);
        self.focus_request = Some(super::widgets::field_id(id.as_str(), "title"));
    }

    /// Drops selected elements that no longer exist (after undo, delete, reload).
    pub fn prune(&mut self, journey: &Journey) {
        self.selection
            .retain(|element| journey.has(element.kind(), element.as_str()));
        if self
            .spotlight
            .as_ref()
            .is_some_and(|id| journey.grey_area(id).is_none())
        {
            self.spotlight = None;
        }
    }

    /// Forgets everything that pointed into the previous document; display mode,
    /// layout choices and notices stay.
    pub fn reset_for_new_document(&mut self, arrangement: Arrangement, table: bool) {
        let Workspace {
            selection,
            active_stage,
            display: _,
            theme: _,
            filter,
            spotlight,
            hidden_curves,
            arrangement: current,
            table: shown_table,
            collapse_empty_stages: _,
            show_evidence_lane: _,
            show_data: _,
            show_blueprint: _,
            hide_journey_panel: _,
            hide_inspector: _,
            show_catalogue,
            show_outline: _,
            interface_scale: _,
            notice: _,
            reveal,
            focus_request,
        } = self;
        selection.clear();
        *active_stage = None;
        *filter = Filter::None;
        *spotlight = None;
        hidden_curves.clear();
        *current = arrangement;
        *shown_table = table;
        *show_catalogue = false;
        *reveal = None;
        *focus_request = None;
    }

    /// Shows an extra curve, or hides it.
    pub fn toggle_curve(&mut self, id: CurveId) {
        if let Some(at) = self.hidden_curves.iter().position(|h| *h == id) {
            self.hidden_curves.remove(at);
        } else {
            self.hidden_curves.push(id);
        }
    }
}
