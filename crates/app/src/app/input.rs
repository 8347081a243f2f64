//! Keyboard input as real platforms deliver it. egui-winit sends a key press *and* the
//! text it typed (`Key(Num4, alt)` then `Text("4")` for Alt+4), and a slow frame (a
//! projector laptop, software GL) carries several key presses at once. egui's
//! `consume_shortcut` looks at the whole frame, so "type, Enter, type" would run the
//! command before the text it follows, or swallow both Enters at once.
//!
//! The `KeyboardQueue` keeps the order: each frame it hands egui only the keyboard
//! events up to the next boundary — a command shortcut, or a click that may move the
//! focus — and keeps the rest for the next frame. A command found at the front is taken
//! out with the text its key typed, so a shortcut never also types into a field.
//! Invariant: no keyboard event is dropped or reordered, except the text of a consumed
//! shortcut.

use super::commands::AppCommand;
use egui::{Event, Key, RawInput};
use std::sync::{Arc, Mutex, MutexGuard};

/// What the app and the input hook share.
#[derive(Debug, Default)]
struct Shared {
    deferred: Vec<Event>,
    /// A consumed shortcut's key types text that has not arrived yet.
    swallow_text: bool,
    /// The command found at the front of this frame's events.
    command: Option<AppCommand>,
    /// App state when the last frame ended: which shortcuts apply.
    entering: bool,
    modal: bool,
}

/// The app's handle on the queue. The splitting runs in an egui plugin's input hook,
/// before egui reads the frame's input (egui drops the focus on Escape and moves it on
/// Tab as it reads), in the window and in kittest alike.
#[derive(Debug, Default)]
pub struct KeyboardQueue {
    shared: Arc<Mutex<Shared>>,
    installed: bool,
}

impl KeyboardQueue {
    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The command at the front of this frame's keys. Installs the hook on first use
    /// (the very first frame's keys pass unsplit).
    pub fn take_command(&mut self, ctx: &egui::Context) -> Option<AppCommand> {
        if !self.installed {
            self.installed = true;
            ctx.add_plugin(KeyboardPlugin {
                shared: Arc::clone(&self.shared),
            });
        }
        self.lock().command.take()
    }

    /// What the next frame's keys mean depends on how this frame ended.
    pub fn end_frame(&self, entering: bool, modal: bool) {
        let mut shared = self.lock();
        shared.entering = entering;
        shared.modal = modal;
    }
}

struct KeyboardPlugin {
    shared: Arc<Mutex<Shared>>,
}

impl egui::Plugin for KeyboardPlugin {
    fn debug_name(&self) -> &'static str {
        "journeymap keyboard queue"
    }

    fn input_hook(&mut self, ctx: &egui::Context, input: &mut RawInput) {
        let typing = ctx.memory(|m| m.focused().is_some());
        let mut shared = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        let mut events = std::mem::take(&mut shared.deferred);
        events.append(&mut input.events);
        if shared.swallow_text {
            shared.swallow_text = drop_typed_text(&mut events);
        }
        let (now, mut later, command) = split(events, typing || shared.modal, shared.entering);
        if command.is_some_and(|(_, key_types)| key_types) {
            shared.swallow_text = drop_typed_text(&mut later);
        }
        input.events = now;
        shared.command = command.map(|(command, _)| command);
        shared.deferred = later;
        if !shared.deferred.is_empty() {
            ctx.request_repaint();
        }
    }
}

/// Splits a frame's events into what egui sees now and what waits, with the command
/// found at the front.
fn split(
    mut events: Vec<Event>,
    typing: bool,
    entering: bool,
) -> (Vec<Event>, Vec<Event>, Option<(AppCommand, bool)>) {
    let mut command = None;
    let mut boundary = None;
    for (index, event) in events.iter().enumerate() {
        if is_keyboard(event)
            && let Some(found) = AppCommand::for_event(event, typing, entering)
        {
            if index == 0 || !events[..index].iter().any(is_keyboard) {
                command = Some((index, found));
                boundary = Some(index + 1);
            } else {
                boundary = Some(index);
            }
            break;
        }
        if moves_focus(event) && events[index + 1..].iter().any(is_keyboard) {
            boundary = Some(index + 1);
            break;
        }
        // egui moves or drops the focus on these keys before any widget runs, so they
        // go alone: keys before them to the old focus, keys after them to the new one.
        if is_focus_key(event) {
            if events[..index].iter().any(is_keyboard) {
                boundary = Some(index);
                break;
            }
            if events[index + 1..].iter().any(is_keyboard) {
                boundary = Some(index + 1);
                break;
            }
        }
    }
    let mut later = Vec::new();
    if let Some(boundary) = boundary {
        // Only keyboard events wait: pointer state was already read from this frame.
        let tail = events.split_off(boundary);
        for event in tail {
            if is_keyboard(&event) {
                later.push(event);
            } else {
                events.push(event);
            }
        }
    }
    let command = command.map(|(index, found)| {
        let key_event = events.remove(index);
        (found, types_text(&key_event))
    });
    (events, later, command)
}

/// Drops the text a consumed key typed: the first text event, unless another key press
/// comes first. Returns whether it is still to come (not in `events` yet).
fn drop_typed_text(events: &mut Vec<Event>) -> bool {
    match events
        .iter()
        .position(|e| matches!(e, Event::Text(_) | Event::Key { pressed: true, .. }))
    {
        Some(index) if matches!(events[index], Event::Text(_)) => {
            events.remove(index);
            false
        }
        Some(_) => false,
        None => true,
    }
}

fn is_keyboard(event: &Event) -> bool {
    matches!(
        event,
        Event::Key { .. }
            | Event::Text(_)
            | Event::Paste(_)
            | Event::Copy
            | Event::Cut
            | Event::Ime(_)
    )
}

/// Keys egui handles itself while reading input: Esc drops the focus, Tab and the
/// arrows may move it.
fn is_focus_key(event: &Event) -> bool {
    matches!(
        event,
        Event::Key {
            key: Key::Escape
                | Key::Tab
                | Key::ArrowUp
                | Key::ArrowDown
                | Key::ArrowLeft
                | Key::ArrowRight,
            pressed: true,
            ..
        }
    )
}

/// A click or an accessibility action: what follows may belong to another widget.
fn moves_focus(event: &Event) -> bool {
    matches!(
        event,
        Event::PointerButton { pressed: false, .. } | Event::AccessKitActionRequest(_)
    )
}

/// Whether egui-winit sends a text event with this key press (printable keys without
/// Ctrl/Cmd; Alt+digit included).
fn types_text(event: &Event) -> bool {
    let Event::Key { key, modifiers, .. } = event else {
        return false;
    };
    if modifiers.ctrl || modifiers.command || modifiers.mac_cmd {
        return false;
    }
    let name = key.name();
    *key == Key::Space || name.chars().count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Modifiers;

    fn press(key: Key, modifiers: Modifiers) -> Event {
        Event::Key {
            key,
            physical_key: Some(key),
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    fn text(s: &str) -> Event {
        Event::Text(s.to_owned())
    }

    #[test]
    fn text_before_a_command_goes_first_and_the_rest_waits() {
        let events = vec![
            text("Reads reviews"),
            press(Key::Enter, Modifiers::NONE),
            text("Compares"),
        ];
        let (now, later, command) = split(events, true, true);
        assert_eq!(now, vec![text("Reads reviews")]);
        assert_eq!(command, None);
        let (now, later, command) = split(later, true, true);
        assert_eq!(command, Some((AppCommand::EntryNext, false)));
        assert!(now.is_empty());
        assert_eq!(later, vec![text("Compares")]);
    }

    #[test]
    fn a_consumed_alt_digit_drops_its_text() {
        let events = vec![
            press(Key::Num4, Modifiers::ALT),
            text("4"),
            press(Key::A, Modifiers::NONE),
            text("a"),
        ];
        let (now, mut later, command) = split(events, true, true);
        assert_eq!(command, Some((AppCommand::Emotion(1), true)));
        assert!(now.is_empty());
        assert!(!drop_typed_text(&mut later));
        assert_eq!(later, vec![press(Key::A, Modifiers::NONE), text("a")]);
    }

    #[test]
    fn ctrl_shortcuts_keep_the_following_text() {
        let events = vec![press(Key::S, Modifiers::COMMAND), text("x")];
        let (_, later, command) = split(events, true, false);
        assert_eq!(command, Some((AppCommand::Save, false)));
        assert_eq!(later, vec![text("x")]);
    }

    #[test]
    fn esc_after_typing_waits_for_the_next_frame() {
        let events = vec![
            press(Key::T, Modifiers::NONE),
            text("t"),
            press(Key::Escape, Modifiers::NONE),
        ];
        let (now, later, command) = split(events, true, false);
        assert_eq!(command, None);
        assert_eq!(now, vec![press(Key::T, Modifiers::NONE), text("t")]);
        assert_eq!(later, vec![press(Key::Escape, Modifiers::NONE)]);
        let (now, later, _) = split(
            vec![
                press(Key::Escape, Modifiers::NONE),
                press(Key::N, Modifiers::NONE),
            ],
            true,
            false,
        );
        assert_eq!(now, vec![press(Key::Escape, Modifiers::NONE)]);
        assert_eq!(later, vec![press(Key::N, Modifiers::NONE)]);
    }

    #[test]
    fn the_text_of_a_key_may_come_in_the_next_frame() {
        let mut later = Vec::new();
        assert!(drop_typed_text(&mut later), "still to come");
        let mut next = vec![text("4"), text("x")];
        assert!(!drop_typed_text(&mut next));
        assert_eq!(next, vec![text("x")]);
        let mut other_key_first = vec![press(Key::B, Modifiers::NONE), text("b")];
        assert!(!drop_typed_text(&mut other_key_first));
        assert_eq!(other_key_first.len(), 2);
    }

    #[test]
    fn keys_after_a_click_wait_for_the_new_focus() {
        let click = Event::PointerButton {
            pos: egui::pos2(1.0, 1.0),
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        };
        let events = vec![click.clone(), press(Key::X, Modifiers::NONE), text("x")];
        let (now, later, command) = split(events, false, false);
        assert_eq!(command, None);
        assert_eq!(now, vec![click]);
        assert_eq!(later.len(), 2);
    }
}
