//! The one command table: every app command declares its label, tooltip and keyboard
//! shortcuts here. Menus, the shortcut handling and the shortcut sheet all read it, so
//! they cannot disagree, and a test catches two commands sharing a shortcut.

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AppCommand {
    New,
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
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl AppCommand {
    pub const ALL: &'static [AppCommand] = &[
        AppCommand::New,
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
    ];

    /// Message id of the command's name.
    pub fn label_id(self) -> &'static str {
        match self {
            AppCommand::New => "cmd-new",
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
        }
    }

    /// Message id of the command's tooltip.
    pub fn tooltip_id(self) -> String {
        format!("{}-tip", self.label_id())
    }

    /// Keyboard shortcuts; the first is the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: &[KeyboardShortcut] = &[cmd(Key::N)];
        const OPEN: &[KeyboardShortcut] = &[cmd(Key::O)];
        const SAVE: &[KeyboardShortcut] = &[cmd(Key::S)];
        const SAVE_AS: &[KeyboardShortcut] = &[cmd_shift(Key::S)];
        const EXPORT_PNG: &[KeyboardShortcut] = &[cmd(Key::E)];
        const EXPORT_SVG: &[KeyboardShortcut] = &[cmd_shift(Key::E)];
        const QUIT: &[KeyboardShortcut] = &[cmd(Key::Q)];
        const UNDO: &[KeyboardShortcut] = &[cmd(Key::Z)];
        const REDO: &[KeyboardShortcut] = &[cmd_shift(Key::Z), cmd(Key::Y)];
        const ADD: &[KeyboardShortcut] = &[cmd(Key::Enter)];
        const DELETE: &[KeyboardShortcut] = &[plain(Key::Delete)];
        const GREY: &[KeyboardShortcut] = &[cmd(Key::G)];
        const ZOOM_IN: &[KeyboardShortcut] = &[cmd(Key::Plus), cmd(Key::Equals)];
        const ZOOM_OUT: &[KeyboardShortcut] = &[cmd(Key::Minus)];
        const ZOOM_FIT: &[KeyboardShortcut] = &[cmd(Key::Num0)];
        const SHORTCUTS: &[KeyboardShortcut] = &[plain(Key::F1)];
        match self {
            AppCommand::New => NEW,
            AppCommand::Open => OPEN,
            AppCommand::Save => SAVE,
            AppCommand::SaveAs => SAVE_AS,
            AppCommand::ExportPng => EXPORT_PNG,
            AppCommand::ExportSvg => EXPORT_SVG,
            AppCommand::Quit => QUIT,
            AppCommand::Undo => UNDO,
            AppCommand::Redo => REDO,
            AppCommand::AddTouchpoint => ADD,
            AppCommand::Delete => DELETE,
            AppCommand::MarkGreyArea => GREY,
            AppCommand::ZoomIn => ZOOM_IN,
            AppCommand::ZoomOut => ZOOM_OUT,
            AppCommand::ZoomFit => ZOOM_FIT,
            AppCommand::ShowShortcuts => SHORTCUTS,
        }
    }

    /// Commands whose plain-key shortcut would eat typing; only run outside text fields.
    pub fn needs_keyboard_free(self) -> bool {
        self.shortcuts().iter().any(|s| s.modifiers.is_none())
    }

    /// The command a key press triggers this frame, consuming it. Shortcuts with more
    /// modifiers are tried first, since egui matches Ctrl+Z inside Ctrl+Shift+Z.
    pub fn consume_pressed(ctx: &egui::Context, typing: bool) -> Option<AppCommand> {
        let mut candidates: Vec<(AppCommand, &KeyboardShortcut)> = AppCommand::ALL
            .iter()
            .filter(|c| !(typing && c.needs_keyboard_free()))
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*c, s)))
            .collect();
        candidates.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        ctx.input_mut(|input| {
            candidates
                .into_iter()
                .find(|(_, shortcut)| input.consume_shortcut(shortcut))
                .map(|(c, _)| c)
        })
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
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, AppCommand)> = Vec::new();
        for command in AppCommand::ALL {
            assert!(
                !command.shortcuts().is_empty(),
                "{command:?} has no shortcut"
            );
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| s == shortcut) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
                seen.push((*shortcut, *command));
            }
        }
    }

    #[test]
    fn every_command_is_in_the_table_once() {
        for (i, a) in AppCommand::ALL.iter().enumerate() {
            assert!(!AppCommand::ALL[i + 1..].contains(a), "{a:?} listed twice");
        }
    }
}
