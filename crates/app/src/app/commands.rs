//! The one command table: every app command declares its label, tooltip, keyboard
//! shortcuts and the context they work in. Menus, shortcut handling and the shortcut
//! sheet (F1) all read it, so they cannot disagree, and a test catches two commands
//! sharing a shortcut in the same context.

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AppCommand {
    New,
    NewFromTemplate,
    Open,
    Save,
    SaveAs,
    ExportPng,
    ExportSvg,
    Quit,
    Undo,
    Redo,
    AddTouchpoint,
    Delete,
    MarkGreyArea,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    ShowShortcuts,
    CollapseEmptyStages,
    EvidenceLane,
    BlueprintLanes,
    AddStep,
    ToggleJourneyPanel,
    ToggleInspector,
    TogglePanels,
    WallLayout,
    TableView,
    Import,
    ImportLog,
    DataView,
    OpenRoom,
    Find,
    Outline,
    InterfaceLarger,
    InterfaceSmaller,
    // Workshop: presentation and keyboard-first entry.
    Presentation,
    PresentationDark,
    StartEntry,
    OpenCard,
    NextCard,
    PreviousCard,
    NextStage,
    PreviousStage,
    FocusNextStage,
    FocusPreviousStage,
    MoveToNextStage,
    MoveToPreviousStage,
    Emotion(i8),
    MarkGreyAreaWithNext,
    Spotlight,
    FilterNoEvidence,
    FilterChannel,
    FilterDepartment,
    ClearFilter,
    PanLeft,
    PanRight,
    PanUp,
    PanDown,
    EntryNext,
    EntryNextStage,
    EntryStop,
    // The keyboard's paths for what the mouse does on the map.
    IntoBlueprint,
    OutOfBlueprint,
    GreyAreaHere,
    LinkEvidence,
    MoveLater,
    MoveEarlier,
}

/// Where a shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Anywhere, even while typing (shortcuts with Ctrl or Alt, function keys).
    Global,
    /// On the map, when no text field is being typed in.
    Canvas,
    /// While typing a new card's title in keyboard entry.
    Entry,
}

impl Context {
    #[cfg(test)]
    fn overlaps(self, other: Context) -> bool {
        self == other || self == Context::Global || other == Context::Global
    }
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;
const ALT_SHIFT: Modifiers = Modifiers::ALT.plus(Modifiers::SHIFT);
const CMD_ALT: Modifiers = Modifiers::COMMAND.plus(Modifiers::ALT);

impl AppCommand {
    pub const ALL: &'static [AppCommand] = &[
        AppCommand::New,
        AppCommand::NewFromTemplate,
        AppCommand::Open,
        AppCommand::Save,
        AppCommand::SaveAs,
        AppCommand::ExportPng,
        AppCommand::ExportSvg,
        AppCommand::Quit,
        AppCommand::Undo,
        AppCommand::Redo,
        AppCommand::AddTouchpoint,
        AppCommand::Delete,
        AppCommand::MarkGreyArea,
        AppCommand::ZoomIn,
        AppCommand::ZoomOut,
        AppCommand::ZoomFit,
        AppCommand::ShowShortcuts,
        AppCommand::CollapseEmptyStages,
        AppCommand::EvidenceLane,
        AppCommand::BlueprintLanes,
        AppCommand::AddStep,
        AppCommand::ToggleJourneyPanel,
        AppCommand::ToggleInspector,
        AppCommand::TogglePanels,
        AppCommand::WallLayout,
        AppCommand::TableView,
        AppCommand::Import,
        AppCommand::ImportLog,
        AppCommand::DataView,
        AppCommand::OpenRoom,
        AppCommand::Find,
        AppCommand::Outline,
        AppCommand::InterfaceLarger,
        AppCommand::InterfaceSmaller,
        AppCommand::Presentation,
        AppCommand::PresentationDark,
        AppCommand::StartEntry,
        AppCommand::OpenCard,
        AppCommand::NextCard,
        AppCommand::PreviousCard,
        AppCommand::NextStage,
        AppCommand::PreviousStage,
        AppCommand::FocusNextStage,
        AppCommand::FocusPreviousStage,
        AppCommand::MoveToNextStage,
        AppCommand::MoveToPreviousStage,
        AppCommand::Emotion(-2),
        AppCommand::Emotion(-1),
        AppCommand::Emotion(0),
        AppCommand::Emotion(1),
        AppCommand::Emotion(2),
        AppCommand::MarkGreyAreaWithNext,
        AppCommand::Spotlight,
        AppCommand::FilterNoEvidence,
        AppCommand::FilterChannel,
        AppCommand::FilterDepartment,
        AppCommand::ClearFilter,
        AppCommand::PanLeft,
        AppCommand::PanRight,
        AppCommand::PanUp,
        AppCommand::PanDown,
        AppCommand::EntryNext,
        AppCommand::EntryNextStage,
        AppCommand::EntryStop,
        AppCommand::IntoBlueprint,
        AppCommand::OutOfBlueprint,
        AppCommand::GreyAreaHere,
        AppCommand::LinkEvidence,
        AppCommand::MoveLater,
        AppCommand::MoveEarlier,
    ];

    /// Message id of the command's name.
    pub fn label_id(self) -> &'static str {
        match self {
            AppCommand::New => "cmd-new",
            AppCommand::NewFromTemplate => "cmd-new-from-template",
            AppCommand::Open => "cmd-open",
            AppCommand::Save => "cmd-save",
            AppCommand::SaveAs => "cmd-save-as",
            AppCommand::ExportPng => "cmd-export-png",
            AppCommand::ExportSvg => "cmd-export-svg",
            AppCommand::Quit => "cmd-quit",
            AppCommand::Undo => "cmd-undo",
            AppCommand::Redo => "cmd-redo",
            AppCommand::AddTouchpoint => "cmd-add-touchpoint",
            AppCommand::Delete => "cmd-delete",
            AppCommand::MarkGreyArea => "cmd-mark-grey-area",
            AppCommand::ZoomIn => "cmd-zoom-in",
            AppCommand::ZoomOut => "cmd-zoom-out",
            AppCommand::ZoomFit => "cmd-zoom-fit",
            AppCommand::ShowShortcuts => "cmd-shortcuts",
            AppCommand::Presentation => "cmd-presentation",
            AppCommand::PresentationDark => "cmd-presentation-dark",
            AppCommand::StartEntry => "cmd-start-entry",
            AppCommand::OpenCard => "cmd-open-card",
            AppCommand::NextCard => "cmd-next-card",
            AppCommand::PreviousCard => "cmd-previous-card",
            AppCommand::NextStage => "cmd-next-stage",
            AppCommand::PreviousStage => "cmd-previous-stage",
            AppCommand::FocusNextStage => "cmd-focus-next-stage",
            AppCommand::FocusPreviousStage => "cmd-focus-previous-stage",
            AppCommand::MoveToNextStage => "cmd-move-next-stage",
            AppCommand::MoveToPreviousStage => "cmd-move-previous-stage",
            AppCommand::Emotion(-2) => "cmd-emotion-very-negative",
            AppCommand::Emotion(-1) => "cmd-emotion-negative",
            AppCommand::Emotion(0) => "cmd-emotion-neutral",
            AppCommand::Emotion(1) => "cmd-emotion-positive",
            AppCommand::Emotion(_) => "cmd-emotion-very-positive",
            AppCommand::MarkGreyAreaWithNext => "cmd-grey-with-next",
            AppCommand::Spotlight => "cmd-spotlight",
            AppCommand::CollapseEmptyStages => "cmd-collapse-empty-stages",
            AppCommand::EvidenceLane => "cmd-evidence-lane",
            AppCommand::BlueprintLanes => "cmd-blueprint-lanes",
            AppCommand::AddStep => "cmd-add-step",
            AppCommand::ToggleJourneyPanel => "cmd-toggle-journey-panel",
            AppCommand::ToggleInspector => "cmd-toggle-inspector",
            AppCommand::TogglePanels => "cmd-toggle-panels",
            AppCommand::WallLayout => "cmd-wall-layout",
            AppCommand::TableView => "cmd-table-view",
            AppCommand::Import => "cmd-import",
            AppCommand::ImportLog => "cmd-import-log",
            AppCommand::DataView => "cmd-data-view",
            AppCommand::OpenRoom => "cmd-open-room",
            AppCommand::Find => "cmd-find",
            AppCommand::Outline => "cmd-outline",
            AppCommand::InterfaceLarger => "cmd-interface-larger",
            AppCommand::InterfaceSmaller => "cmd-interface-smaller",
            AppCommand::FilterNoEvidence => "cmd-filter-no-evidence",
            AppCommand::FilterChannel => "cmd-filter-channel",
            AppCommand::FilterDepartment => "cmd-filter-department",
            AppCommand::ClearFilter => "cmd-clear-filter",
            AppCommand::PanLeft => "cmd-pan-left",
            AppCommand::PanRight => "cmd-pan-right",
            AppCommand::PanUp => "cmd-pan-up",
            AppCommand::PanDown => "cmd-pan-down",
            AppCommand::EntryNext => "cmd-entry-next",
            AppCommand::EntryNextStage => "cmd-entry-next-stage",
            AppCommand::EntryStop => "cmd-entry-stop",
            AppCommand::IntoBlueprint => "cmd-into-blueprint",
            AppCommand::OutOfBlueprint => "cmd-out-of-blueprint",
            AppCommand::GreyAreaHere => "cmd-grey-area-here",
            AppCommand::LinkEvidence => "cmd-link-evidence",
            AppCommand::MoveLater => "cmd-move-later",
            AppCommand::MoveEarlier => "cmd-move-earlier",
        }
    }

    /// Message id of the command's tooltip.
    pub fn tooltip_id(self) -> String {
        format!("{}-tip", self.label_id())
    }

    pub fn context(self) -> Context {
        use AppCommand::*;
        match self {
            EntryNext | EntryNextStage | EntryStop => Context::Entry,
            StartEntry | OpenCard | NextCard | PreviousCard | NextStage | PreviousStage
            | MarkGreyAreaWithNext | Spotlight | FilterNoEvidence | FilterChannel
            | FilterDepartment | ClearFilter | PanLeft | PanRight | PanUp | PanDown | Delete
            | IntoBlueprint | OutOfBlueprint | GreyAreaHere | MoveLater | MoveEarlier => {
                Context::Canvas
            }
            _ => Context::Global,
        }
    }

    /// Keyboard shortcuts; the first is the one menus show.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        use AppCommand::*;
        let digit = |score: i8| {
            [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5][(score + 2) as usize]
        };
        match self {
            New => vec![key(CMD, Key::N)],
            NewFromTemplate => vec![key(CMD_SHIFT, Key::N)],
            Open => vec![key(CMD, Key::O)],
            Save => vec![key(CMD, Key::S)],
            SaveAs => vec![key(CMD_SHIFT, Key::S)],
            ExportPng => vec![key(CMD, Key::E)],
            ExportSvg => vec![key(CMD_SHIFT, Key::E)],
            Quit => vec![key(CMD, Key::Q)],
            Undo => vec![key(CMD, Key::Z)],
            Redo => vec![key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)],
            AddTouchpoint => vec![key(CMD, Key::Enter)],
            Delete => vec![key(NONE, Key::Delete)],
            MarkGreyArea => vec![key(CMD, Key::G)],
            ZoomIn => vec![key(CMD, Key::Plus), key(CMD, Key::Equals)],
            ZoomOut => vec![key(CMD, Key::Minus)],
            ZoomFit => vec![key(CMD, Key::Num0)],
            ShowShortcuts => vec![key(NONE, Key::F1)],
            CollapseEmptyStages => vec![key(CMD_SHIFT, Key::K)],
            EvidenceLane => vec![key(CMD_SHIFT, Key::V)],
            BlueprintLanes => vec![key(CMD_SHIFT, Key::B)],
            AddStep => vec![key(CMD_SHIFT, Key::Enter)],
            ToggleJourneyPanel => vec![key(CMD_SHIFT, Key::L)],
            ToggleInspector => vec![key(CMD_SHIFT, Key::I)],
            TogglePanels => vec![key(CMD_SHIFT, Key::H)],
            WallLayout => vec![key(CMD_SHIFT, Key::W)],
            TableView => vec![key(CMD, Key::T)],
            Import => vec![key(CMD, Key::I)],
            ImportLog => vec![key(CMD_ALT, Key::I)],
            DataView => vec![key(CMD_SHIFT, Key::D)],
            OpenRoom => vec![key(CMD_ALT, Key::R)],
            Find => vec![key(CMD, Key::F)],
            Outline => vec![key(CMD_SHIFT, Key::O)],
            // Ctrl+plus and Ctrl+minus zoom the map; with Shift, the interface.
            InterfaceLarger => vec![key(CMD_SHIFT, Key::Plus), key(CMD_SHIFT, Key::Equals)],
            InterfaceSmaller => vec![key(CMD_SHIFT, Key::Minus)],
            Presentation => vec![key(NONE, Key::F11)],
            PresentationDark => vec![key(SHIFT, Key::F11)],
            StartEntry => vec![key(NONE, Key::N)],
            OpenCard => vec![key(NONE, Key::Enter)],
            NextCard => vec![key(NONE, Key::ArrowRight), key(NONE, Key::Tab)],
            PreviousCard => vec![key(NONE, Key::ArrowLeft), key(SHIFT, Key::Tab)],
            NextStage => vec![key(NONE, Key::ArrowDown)],
            PreviousStage => vec![key(NONE, Key::ArrowUp)],
            FocusNextStage => vec![key(NONE, Key::PageDown)],
            FocusPreviousStage => vec![key(NONE, Key::PageUp)],
            MoveToNextStage => vec![key(ALT, Key::ArrowRight)],
            MoveToPreviousStage => vec![key(ALT, Key::ArrowLeft)],
            Emotion(score) => vec![key(ALT, digit(score)), key(NONE, digit(score))],
            MarkGreyAreaWithNext => vec![key(NONE, Key::G)],
            Spotlight => vec![key(NONE, Key::S)],
            FilterNoEvidence => vec![key(NONE, Key::E)],
            FilterChannel => vec![key(NONE, Key::C)],
            FilterDepartment => vec![key(NONE, Key::D)],
            ClearFilter => vec![key(NONE, Key::Escape)],
            PanLeft => vec![key(SHIFT, Key::ArrowLeft)],
            PanRight => vec![key(SHIFT, Key::ArrowRight)],
            PanUp => vec![key(SHIFT, Key::ArrowUp)],
            PanDown => vec![key(SHIFT, Key::ArrowDown)],
            EntryNext => vec![key(NONE, Key::Enter)],
            EntryNextStage => vec![key(NONE, Key::Tab)],
            EntryStop => vec![key(NONE, Key::Escape)],
            IntoBlueprint => vec![key(CMD, Key::ArrowDown)],
            OutOfBlueprint => vec![key(CMD, Key::ArrowUp)],
            GreyAreaHere => vec![key(SHIFT, Key::G)],
            LinkEvidence => vec![key(CMD, Key::L)],
            MoveLater => vec![key(ALT_SHIFT, Key::ArrowRight)],
            MoveEarlier => vec![key(ALT_SHIFT, Key::ArrowLeft)],
        }
    }

    /// Whether a shortcut may fire in the current state. A shortcut with no modifier (or
    /// only Shift) would eat typed text, so it fires while typing only in entry.
    fn applies(self, shortcut: &KeyboardShortcut, typing: bool, entering: bool) -> bool {
        let plain = !(shortcut.modifiers.command
            || shortcut.modifiers.ctrl
            || shortcut.modifiers.alt
            || matches!(shortcut.logical_key, Key::F1 | Key::F11));
        match self.context() {
            Context::Entry => entering,
            Context::Canvas => !typing && !entering,
            Context::Global => !plain || !typing,
        }
    }

    /// The command a key event triggers in the current state. Shortcuts with more
    /// modifiers are tried first, since egui matches Ctrl+Z inside Ctrl+Shift+Z.
    pub fn for_event(event: &egui::Event, typing: bool, entering: bool) -> Option<AppCommand> {
        let egui::Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } = event
        else {
            return None;
        };
        let mut candidates: Vec<(AppCommand, KeyboardShortcut)> = AppCommand::ALL
            .iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (*c, s)))
            .filter(|(_, s)| s.logical_key == *key && modifiers.matches_logically(s.modifiers))
            .filter(|(c, s)| c.applies(s, typing, entering))
            .collect();
        candidates.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        candidates.first().map(|(c, _)| *c)
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt)
        + u8::from(m.ctrl)
        + u8::from(m.shift)
        + u8::from(m.mac_cmd)
        + u8::from(m.command)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_in_one_context() {
        let mut seen: Vec<(KeyboardShortcut, AppCommand)> = Vec::new();
        for command in AppCommand::ALL {
            assert!(
                !command.shortcuts().is_empty(),
                "{command:?} has no shortcut"
            );
            for shortcut in command.shortcuts() {
                let clash = seen.iter().find(|(s, other)| {
                    *s == shortcut && other.context().overlaps(command.context())
                });
                if let Some((_, other)) = clash {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
                seen.push((shortcut, *command));
            }
        }
    }

    /// Each command's place in `ALL`. Exhaustive: a new command does not compile until
    /// it has one, and then `every_command_is_in_the_table` fails until it is listed.
    fn ordinal(command: AppCommand) -> usize {
        use AppCommand::*;
        match command {
            New => 0,
            Open => 1,
            Save => 2,
            SaveAs => 3,
            ExportPng => 4,
            ExportSvg => 5,
            Quit => 6,
            Undo => 7,
            Redo => 8,
            AddTouchpoint => 9,
            Delete => 10,
            MarkGreyArea => 11,
            ZoomIn => 12,
            ZoomOut => 13,
            ZoomFit => 14,
            ShowShortcuts => 15,
            Presentation => 16,
            PresentationDark => 17,
            StartEntry => 18,
            OpenCard => 19,
            NextCard => 20,
            PreviousCard => 21,
            NextStage => 22,
            PreviousStage => 23,
            FocusNextStage => 24,
            FocusPreviousStage => 25,
            MoveToNextStage => 26,
            MoveToPreviousStage => 27,
            Emotion(score) => 28 + (score.clamp(-2, 2) + 2) as usize,
            MarkGreyAreaWithNext => 33,
            Spotlight => 34,
            FilterNoEvidence => 35,
            FilterChannel => 36,
            FilterDepartment => 37,
            ClearFilter => 38,
            PanLeft => 39,
            PanRight => 40,
            PanUp => 41,
            PanDown => 42,
            EntryNext => 43,
            EntryNextStage => 44,
            EntryStop => 45,
            CollapseEmptyStages => 46,
            ToggleJourneyPanel => 47,
            ToggleInspector => 48,
            TogglePanels => 49,
            WallLayout => 50,
            Find => 51,
            NewFromTemplate => 52,
            EvidenceLane => 53,
            TableView => 54,
            Import => 55,
            BlueprintLanes => 56,
            AddStep => 57,
            Outline => 58,
            InterfaceLarger => 59,
            InterfaceSmaller => 60,
            IntoBlueprint => 61,
            OutOfBlueprint => 62,
            GreyAreaHere => 63,
            LinkEvidence => 64,
            MoveLater => 65,
            MoveEarlier => 66,
            ImportLog => 67,
            DataView => 68,
            OpenRoom => 69,
        }
    }

    #[test]
    fn every_command_is_in_the_table() {
        let mut listed: Vec<usize> = AppCommand::ALL.iter().map(|c| ordinal(*c)).collect();
        listed.sort_unstable();
        let expected: Vec<usize> = (0..=69).collect();
        assert_eq!(
            listed, expected,
            "AppCommand::ALL misses or repeats a command"
        );
    }

    #[test]
    fn every_command_is_in_the_table_once() {
        for (i, a) in AppCommand::ALL.iter().enumerate() {
            assert!(!AppCommand::ALL[i + 1..].contains(a), "{a:?} listed twice");
        }
    }

    #[test]
    fn plain_keys_do_not_fire_while_typing() {
        let n = key(NONE, Key::N);
        assert!(AppCommand::StartEntry.applies(&n, false, false));
        assert!(!AppCommand::StartEntry.applies(&n, true, false));
        assert!(AppCommand::Undo.applies(&key(CMD, Key::Z), true, false));
        assert!(AppCommand::Emotion(1).applies(&key(ALT, Key::Num4), true, true));
        assert!(!AppCommand::Emotion(1).applies(&key(NONE, Key::Num4), true, true));
        assert!(AppCommand::EntryNext.applies(&key(NONE, Key::Enter), true, true));
        assert!(!AppCommand::OpenCard.applies(&key(NONE, Key::Enter), true, true));
    }
}
