//! The table view (View ▸ Table, Ctrl+T): the journey as a spreadsheet, in place of
//! the canvas. One tab per kind of element (touchpoints, evidence, grey areas,
//! opportunities, from `sheets.rs`); one row per element, fixed row heights, only the
//! visible rows drawn (a 10,000-touchpoint journey scrolls as fast as ten).
//!
//! Keys as in a spreadsheet: arrows and Tab move, Enter or typing starts editing, Esc
//! cancels an edit (the table keeps the keyboard), Enter commits and moves down, Tab
//! commits and moves right. Catalogue, stage and choice cells complete as you type
//! (`model::names`, the rule a paste uses). Every edit is one undo step, built by the
//! sheet: a touchpoint cell goes through the CSV rules (`interchange::csv::set_cells`),
//! so typing a cell and pasting it are one path. Ctrl+V pastes a sheet (TSV or CSV)
//! after a confirmation (`PasteReview`); one value pasted over several selected rows
//! fills them; Ctrl+C copies the selected rows as TSV with a header.

mod sheets;

pub use sheets::Tab;

use super::review::PasteReview;

use super::action::{Action, Actions, ViewChange};
use super::workspace::Workspace;
use crate::i18n::I18n;
use crate::model::{ElementId, Journey, TouchpointId};
use egui::{Key, Modifiers, Sense, Ui, Vec2};
use sheets::{Cell, Row};

/// Every row has this height: the table scrolls by arithmetic, not by measuring.
pub const ROW_HEIGHT: f32 = 26.0;
const HEADER_HEIGHT: f32 = 28.0;
/// The widget that holds the keyboard while no cell is being edited.
pub fn grid_id() -> egui::Id {
    egui::Id::unique("journey_table")
}
/// The field a cell is edited in.
pub fn editor_id() -> egui::Id {
    egui::Id::unique("journey_table_editor")
}

/// What the table reads.
pub struct Context<'a> {
    pub journey: &'a Journey,
    /// The document's revision: the cells shown are kept until it changes.
    pub revision: u64,
    pub workspace: &'a Workspace,
    pub i18n: &'a I18n,
    pub actions: &'a Actions,
    /// A window is over the table: it has the keyboard.
    pub covered: bool,
}

#[derive(Debug, Default)]
pub struct Table {
    pub tab: Tab,
    /// The cell under the cursor: row (of the tab's rows) and column.
    pub row: usize,
    pub col: usize,
    /// Where a Shift-selection started (touchpoint rows).
    anchor: Option<usize>,
    editing: Option<Editing>,
    /// Which completion Enter takes (Up and Down choose).
    pick: usize,
    scroll_to_cursor: bool,
    /// A new row asked to be edited (its id and column), once it exists.
    edit_when_there: Option<(String, usize)>,
    /// The selection changed: tell the workspace when the frame's rows are drawn.
    pending_select: bool,
    focus_editor: bool,
    /// The vertical scroll offset and height the rows were last shown in.
    viewport: (f32, f32),
    /// Cells already worked out, for this revision, tab and language.
    cells: CellCache,
}

/// The cells of the rows shown so far: a frame draws from here, and only rows scrolled
/// into view for the first time are worked out (a cell may look up evidence, names,
/// translated terms).
#[derive(Debug, Default)]
struct CellCache {
    key: Option<(u64, Tab, crate::model::Language)>,
    cells: foldhash::HashMap<(usize, usize), Cell>,
    evidence: sheets::EvidenceIndex,
}

impl CellCache {
    fn cell(
        &mut self,
        cx: &Context<'_>,
        tab: Tab,
        row: &Row<'_>,
        index: usize,
        col: usize,
    ) -> &Cell {
        let key = Some((cx.revision, tab, cx.i18n.language()));
        if self.key != key {
            self.key = key;
            self.cells.clear();
            self.evidence = sheets::EvidenceIndex::default();
        }
        let evidence = &mut self.evidence;
        self.cells
            .entry((index, col))
            .or_insert_with(|| sheets::cell(tab, cx.journey, cx.i18n, evidence, row, col))
    }
}

#[derive(Debug, Clone)]
struct Editing {
    id: String,
    col: usize,
    text: String,
    /// The cell's text when editing began (Esc goes back to it).
    original: String,
}

impl Table {
    /// Edits the title of a row just added, once the journey has it.
    pub fn edit_new_row(&mut self, id: &TouchpointId) {
        self.tab = Tab::Touchpoints;
        self.edit_when_there = Some((id.as_str().to_owned(), self.tab.first_text_column()));
    }

    /// Edits the first text cell of a row just added to the tab shown, once the
    /// journey has it.
    pub fn edit_new(&mut self, id: &str) {
        self.edit_when_there = Some((id.to_owned(), self.tab.first_text_column()));
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The id of the element in the cursor's row, if it is on one.
    pub fn cursor_id(&self, journey: &crate::model::Journey) -> Option<String> {
        sheets::rows(self.tab, journey)
            .get(self.row)
            .and_then(|r| r.id().map(str::to_owned))
    }

    /// A new document: nothing points into the old one.
    pub fn reset(&mut self) {
        self.row = 0;
        self.col = 0;
        self.anchor = None;
        self.editing = None;
        self.edit_when_there = None;
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>) {
        let rows = sheets::rows(self.tab, cx.journey);
        let columns = self.tab.columns();
        if let Some((id, col)) = self.edit_when_there.clone()
            && let Some(at) = rows.iter().position(|r| r.id() == Some(id.as_str()))
        {
            self.edit_when_there = None;
            // What was being typed in the row before is kept.
            self.commit(cx);
            self.row = at;
            self.col = col.min(columns.len() - 1);
            self.start_editing(ui.ctx(), cx, &rows, None);
            self.scroll_to_cursor = true;
        }
        self.row = self.row.min(rows.len().saturating_sub(1));
        self.col = self.col.min(columns.len() - 1);
        // The cursor rests on a row, not on a stage's heading.
        if rows.get(self.row).is_some_and(|r| r.id().is_none())
            && let Some(next) = (self.row..rows.len()).find(|i| rows[*i].id().is_some())
        {
            self.row = next;
        }
        let tab = self.tab;
        self.tabs_ui(ui, cx);
        if self.tab != tab {
            // Another tab's rows from the next frame on.
            return;
        }
        if !cx.covered {
            self.keys(ui, cx, &rows);
        }
        if self.tab != tab {
            // Ctrl+PageDown: another tab's rows from the next frame on.
            ui.ctx().request_repaint();
            return;
        }
        self.grid_ui(ui, cx, &rows);
    }

    fn tabs_ui(&mut self, ui: &mut Ui, cx: &Context<'_>) {
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                let count = tab.count(cx.journey);
                let label = format!("{} ({count})", cx.i18n.tr(tab.label_id()));
                let shown = self.tab == *tab;
                let response = ui.selectable_label(shown, &label);
                // A tab, and which one is shown, for a screen reader.
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::accesskit::Role::Tab, true, shown, &label)
                });
                if response.clicked() && self.tab != *tab {
                    self.commit(cx);
                    self.tab = *tab;
                    self.row = 0;
                    self.col = 0;
                    self.anchor = None;
                    ui.ctx().memory_mut(|m| m.request_focus(grid_id()));
                }
            }
            ui.separator();
            ui.label(egui::RichText::new(cx.i18n.tr("table-keys")).small().weak());
        });
    }

    /// The keyboard, before any widget reads it.
    fn keys(&mut self, ui: &mut Ui, cx: &Context<'_>, rows: &[Row]) {
        let ctx = ui.ctx().clone();
        let focused = ctx.memory(|m| m.focused());
        // The table takes the keyboard when nothing else has it, and reads this frame's
        // keys at once (a paste right after Ctrl+T is not lost).
        let focused = if focused.is_none() {
            ctx.memory_mut(|m| m.request_focus(grid_id()));
            Some(grid_id())
        } else {
            focused
        };
        let mine = focused == Some(grid_id()) || focused == Some(editor_id());
        if !mine {
            return;
        }
        let filter = egui::EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: true,
        };
        ctx.memory_mut(|m| m.set_focus_lock_filter(focused.unwrap_or(grid_id()), filter));
        let press = |mods: Modifiers, key: Key| ctx.input_mut(|i| i.consume_key(mods, key));
        if self.editing.is_some() {
            let completions = self.completions(cx);
            if !completions.is_empty() {
                if press(Modifiers::NONE, Key::ArrowDown) {
                    self.pick = (self.pick + 1).min(completions.len() - 1);
                }
                if press(Modifiers::NONE, Key::ArrowUp) {
                    self.pick = self.pick.saturating_sub(1);
                }
            }
            if press(Modifiers::NONE, Key::Escape) {
                self.editing = None;
                ctx.memory_mut(|m| m.request_focus(grid_id()));
            } else if press(Modifiers::NONE, Key::Enter) {
                self.accept_completion(&completions);
                self.commit(cx);
                self.move_to(rows, self.row as isize + 1, self.col as isize, false);
                ctx.memory_mut(|m| m.request_focus(grid_id()));
            } else if press(Modifiers::SHIFT, Key::Tab) {
                self.accept_completion(&completions);
                self.commit(cx);
                self.move_to(rows, self.row as isize, self.col as isize - 1, false);
                ctx.memory_mut(|m| m.request_focus(grid_id()));
            } else if press(Modifiers::NONE, Key::Tab) {
                self.accept_completion(&completions);
                self.commit(cx);
                self.move_to(rows, self.row as isize, self.col as isize + 1, false);
                ctx.memory_mut(|m| m.request_focus(grid_id()));
            }
            return;
        }
        let (row, col) = (self.row as isize, self.col as isize);
        // Ctrl+PageDown / Ctrl+PageUp: the next or previous tab, as in a spreadsheet.
        let turn = if press(Modifiers::COMMAND, Key::PageDown) {
            1
        } else if press(Modifiers::COMMAND, Key::PageUp) {
            Tab::ALL.len() - 1
        } else {
            0
        };
        if turn > 0 {
            self.commit(cx);
            let at = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
            self.tab = Tab::ALL[(at + turn) % Tab::ALL.len()];
            self.row = 0;
            self.col = 0;
            self.anchor = None;
            return;
        }
        if press(Modifiers::SHIFT, Key::ArrowDown) {
            self.move_to(rows, row + 1, col, true);
        } else if press(Modifiers::SHIFT, Key::ArrowUp) {
            self.move_to(rows, row - 1, col, true);
        } else if press(Modifiers::ALT, Key::ArrowUp) {
            self.move_rows(cx, rows, -1);
        } else if press(Modifiers::ALT, Key::ArrowDown) {
            self.move_rows(cx, rows, 1);
        } else if press(Modifiers::NONE, Key::ArrowDown) {
            self.move_to(rows, row + 1, col, false);
        } else if press(Modifiers::NONE, Key::ArrowUp) {
            self.move_to(rows, row - 1, col, false);
        } else if press(Modifiers::NONE, Key::ArrowRight) || press(Modifiers::NONE, Key::Tab) {
            self.move_to(rows, row, col + 1, false);
        } else if press(Modifiers::NONE, Key::ArrowLeft) || press(Modifiers::SHIFT, Key::Tab) {
            self.move_to(rows, row, col - 1, false);
        } else if press(Modifiers::NONE, Key::PageDown) {
            self.move_to(rows, row + 20, col, false);
        } else if press(Modifiers::NONE, Key::PageUp) {
            self.move_to(rows, row - 20, col, false);
        } else if press(Modifiers::NONE, Key::Home) {
            self.move_to(rows, row, 0, false);
        } else if press(Modifiers::NONE, Key::End) {
            self.move_to(rows, row, self.tab.columns().len() as isize - 1, false);
        } else if press(Modifiers::NONE, Key::Enter) || press(Modifiers::NONE, Key::F2) {
            self.start_editing(&ctx, cx, rows, None);
        } else if press(Modifiers::NONE, Key::Delete) {
            self.delete_rows(cx, rows);
        } else if press(Modifiers::NONE, Key::Escape) {
            self.anchor = None;
            self.select_cursor(cx, rows);
        }
        // Typing starts editing with what was typed; a paste or a copy is the sheet's.
        let events = ctx.input(|i| i.events.clone());
        let mut started = false;
        for event in events {
            match event {
                egui::Event::Text(text) if self.editing.is_none() && !text.trim().is_empty() => {
                    self.start_editing(&ctx, cx, rows, Some(text));
                    started = self.editing.is_some();
                }
                // The rest of what this frame typed goes after it (a slow frame
                // carries several keys).
                egui::Event::Text(text) if started => {
                    if let Some(editing) = &mut self.editing {
                        editing.text.push_str(&text);
                    }
                }
                egui::Event::Paste(text) if self.editing.is_none() => self.paste(cx, rows, &text),
                egui::Event::Copy | egui::Event::Cut if self.editing.is_none() => {
                    ctx.copy_text(self.copied(cx, rows));
                }
                _ => {}
            }
        }
        if started && let Some(editing) = &self.editing {
            let mut state = egui::text_edit::TextEditState::default();
            let end = egui::text::CCursor::new(editing.text.chars().count());
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(end)));
            state.store(&ctx, editor_id());
        }
        if self.editing.is_some() {
            ctx.input_mut(|i| {
                i.events
                    .retain(|e| !matches!(e, egui::Event::Text(_) | egui::Event::Paste(_)));
            });
        }
    }

    /// Moves the cursor (clamped, skipping stage header rows in the direction of travel);
    /// `extend` grows the selection from the anchor instead of replacing it.
    fn move_to(&mut self, rows: &[Row], row: isize, col: isize, extend: bool) {
        if rows.is_empty() {
            return;
        }
        let last = rows.len() as isize - 1;
        let down = row >= self.row as isize;
        let mut target = row.clamp(0, last);
        while rows[target as usize].id().is_none() {
            let next = if down { target + 1 } else { target - 1 };
            if !(0..=last).contains(&next) {
                // Nothing further that way: stay where the cursor was.
                target = self.row as isize;
                break;
            }
            target = next;
        }
        if extend && self.anchor.is_none() {
            self.anchor = Some(self.row);
        }
        if !extend {
            self.anchor = None;
        }
        self.row = target as usize;
        self.col = col.clamp(0, self.tab.columns().len() as isize - 1) as usize;
        self.scroll_to_cursor = true;
        self.pending_select = true;
    }

    fn select_cursor(&mut self, _cx: &Context<'_>, _rows: &[Row]) {
        self.pending_select = true;
    }

    /// The rows selected: from the anchor to the cursor, or the cursor's.
    fn selected_rows(&self, rows: &[Row]) -> Vec<usize> {
        if rows.is_empty() {
            return Vec::new();
        }
        let (a, b) = match self.anchor {
            Some(anchor) => (anchor.min(self.row), anchor.max(self.row)),
            None => (self.row, self.row),
        };
        (a..=b.min(rows.len().saturating_sub(1)))
            .filter(|i| rows[*i].id().is_some())
            .collect()
    }

    fn start_editing(
        &mut self,
        ctx: &egui::Context,
        cx: &Context<'_>,
        rows: &[Row],
        typed: Option<String>,
    ) {
        let Some(row) = rows.get(self.row) else {
            return;
        };
        let Some(id) = row.id() else {
            return;
        };
        if !self.tab.editable(self.col) {
            cx.actions.notice(super::workspace::Notice::Info(
                cx.i18n.tr("table-read-only"),
            ));
            return;
        }
        let original = sheets::edit_text(self.tab, cx.journey, cx.i18n, row, self.col);
        let text = typed.unwrap_or_else(|| original.clone());
        self.editing = Some(Editing {
            id: id.to_owned(),
            col: self.col,
            text: text.clone(),
            original,
        });
        self.pick = 0;
        // The cursor at the end of the text, not all of it selected.
        let mut state = egui::text_edit::TextEditState::default();
        let end = egui::text::CCursor::new(text.chars().count());
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ctx, editor_id());
        self.focus_editor = true;
    }

    /// The completions of what is being typed, for a cell that completes.
    fn completions(&self, cx: &Context<'_>) -> Vec<String> {
        let Some(editing) = &self.editing else {
            return Vec::new();
        };
        if editing.text == editing.original {
            return Vec::new();
        }
        let choices = sheets::choices(self.tab, cx.journey, cx.i18n, editing.col);
        if choices.is_empty() {
            return Vec::new();
        }
        let exact = choices
            .iter()
            .any(|c| crate::model::names::fold(c) == crate::model::names::fold(&editing.text));
        let found: Vec<String> =
            crate::model::names::completions(&editing.text, choices.iter().map(String::as_str))
                .into_iter()
                .map(|i| choices[i].clone())
                .collect();
        if exact {
            let mut found = found;
            let folded = crate::model::names::fold(&editing.text);
            found.retain(|c| crate::model::names::fold(c) == folded);
            return found;
        }
        found
    }

    fn accept_completion(&mut self, completions: &[String]) {
        if let (Some(editing), Some(pick)) = (
            &mut self.editing,
            completions.get(self.pick.min(completions.len().saturating_sub(1))),
        ) {
            editing.text = pick.clone();
        }
    }

    /// Writes the edited cell into the journey (one undo step), if it changed.
    fn commit(&mut self, cx: &Context<'_>) {
        let Some(editing) = self.editing.take() else {
            return;
        };
        if editing.text == editing.original {
            return;
        }
        match sheets::set(
            self.tab,
            cx.journey,
            cx.i18n,
            &[(editing.id, editing.col)],
            &editing.text,
        ) {
            Ok(Some(edit)) => cx.actions.edit(edit, "edit-table-cell"),
            Ok(None) => {}
            Err(message) => cx.actions.notice(super::workspace::Notice::Error(message)),
        }
    }

    /// Delete: the selected rows, by the rule the canvas uses (what refers to a card
    /// or a step is asked about first), as one undo step.
    fn delete_rows(&mut self, cx: &Context<'_>, rows: &[Row]) {
        let ids: Vec<ElementId> = self
            .selected_rows(rows)
            .into_iter()
            .filter_map(|i| rows[i].element(self.tab))
            .collect();
        if ids.is_empty() {
            return;
        }
        cx.actions.push(Action::Delete(ids));
        self.anchor = None;
    }

    /// Alt+Up / Alt+Down: the selected rows one place up or down (cards and steps
    /// within their stage); the order is the journey's, and is saved.
    fn move_rows(&mut self, cx: &Context<'_>, rows: &[Row], by: isize) {
        let ids: Vec<String> = self
            .selected_rows(rows)
            .iter()
            .filter_map(|i| rows[*i].id().map(str::to_owned))
            .collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let Some(work) = crate::model::moved(cx.journey, self.tab.kind(), &ids, by) else {
            return;
        };
        cx.actions.edit(
            crate::model::Edit::between(cx.journey, &work),
            "edit-move-row",
        );
        self.row = (self.row as isize + by).max(0) as usize;
        if let Some(anchor) = &mut self.anchor {
            *anchor = (*anchor as isize + by).max(0) as usize;
        }
        self.scroll_to_cursor = true;
    }

    /// Ctrl+V: one value over several selected rows fills the cursor's column in each;
    /// a sheet is reviewed before anything changes, in any tab (its rows are the tab's
    /// kind, or another kind's when its header says so).
    fn paste(&mut self, cx: &Context<'_>, rows: &[Row], text: &str) {
        let selected = self.selected_rows(rows);
        let single = !text.trim_end_matches(['\n', '\r']).contains(['\t', '\n']);
        if single && self.tab.editable(self.col) && !selected.is_empty() {
            let value = text.trim_end_matches(['\n', '\r']);
            let cells: Vec<(String, usize)> = selected
                .iter()
                .filter_map(|i| rows[*i].id().map(|id| (id.to_owned(), self.col)))
                .collect();
            match sheets::set(self.tab, cx.journey, cx.i18n, &cells, value) {
                Ok(Some(edit)) => cx.actions.edit(edit, "edit-paste"),
                Ok(None) => {}
                Err(message) => cx.actions.notice(super::workspace::Notice::Error(message)),
            }
            return;
        }
        let kind = crate::interchange::kind_of(text, self.tab.kind());
        let columns: Vec<&'static str> = if kind == self.tab.kind() {
            (0..self.tab.columns().len())
                .filter_map(|col| self.tab.sheet_column(col))
                .map(|c| c.name)
                .collect()
        } else {
            Vec::new()
        };
        let review = PasteReview::new(
            kind,
            cx.journey,
            cx.actions.base(),
            text.to_owned(),
            Some(columns),
        );
        cx.actions.push(Action::ReviewPaste(Box::new(review)));
    }

    /// Ctrl+C: the selected rows as TSV with a header (touchpoints: the sheet's columns).
    fn copied(&self, cx: &Context<'_>, rows: &[Row]) -> String {
        let selected = self.selected_rows(rows);
        sheets::copy(self.tab, cx.journey, cx.i18n, rows, &selected)
    }

    fn grid_ui(&mut self, ui: &mut Ui, cx: &Context<'_>, rows: &[Row]) {
        let columns = self.tab.columns();
        let total_width: f32 = columns.iter().map(|c| c.width).sum();
        let grid = ui.interact(
            ui.available_rect_before_wrap(),
            grid_id(),
            Sense::focusable_noninteractive(),
        );
        grid.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Grid, true, cx.i18n.tr("table"))
        });
        let selection: Vec<usize> = self.selected_rows(rows);
        let cursor = (self.row, self.col);
        let scroll_to = std::mem::take(&mut self.scroll_to_cursor).then_some(self.row);
        let mut clicked: Option<(usize, usize, Modifiers, bool)> = None;
        egui::ScrollArea::horizontal()
            .id_salt(("table_h", self.tab))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_min_width(total_width);
                ui.spacing_mut().item_spacing = Vec2::ZERO;
                // The header stays while the rows scroll under it.
                ui.horizontal(|ui| {
                    for (col, column) in columns.iter().enumerate() {
                        let (rect, _) = ui.allocate_exact_size(
                            egui::vec2(column.width, HEADER_HEIGHT),
                            Sense::hover(),
                        );
                        ui.painter()
                            .rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
                        ui.painter().text(
                            rect.left_center() + egui::vec2(6.0, 0.0),
                            egui::Align2::LEFT_CENTER,
                            cx.i18n.tr(self.tab.column_label(col)),
                            egui::FontId::proportional(13.0),
                            ui.visuals().strong_text_color(),
                        );
                    }
                });
                let mut area = egui::ScrollArea::vertical()
                    .id_salt(("table_v", self.tab))
                    .auto_shrink([false, false]);
                if let Some(row) = scroll_to {
                    let (offset, height) = self.viewport;
                    let top = row as f32 * ROW_HEIGHT;
                    if top < offset {
                        area = area.vertical_scroll_offset(top);
                    } else if top + ROW_HEIGHT > offset + height && height > 0.0 {
                        area = area.vertical_scroll_offset(top + ROW_HEIGHT - height);
                    }
                }
                let output = area.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
                    for index in range {
                        let row = &rows[index];
                        ui.horizontal(|ui| {
                            if let Row::Stage(stage) = row {
                                let (rect, _) = ui.allocate_exact_size(
                                    egui::vec2(total_width, ROW_HEIGHT),
                                    Sense::hover(),
                                );
                                ui.painter().rect_filled(
                                    rect,
                                    0.0,
                                    ui.visuals().widgets.inactive.bg_fill,
                                );
                                ui.painter().text(
                                    rect.left_center() + egui::vec2(6.0, 0.0),
                                    egui::Align2::LEFT_CENTER,
                                    cx.i18n.stage_name(cx.journey, *stage),
                                    egui::FontId::proportional(14.0),
                                    ui.visuals().strong_text_color(),
                                );
                                return;
                            }
                            for (col, column) in columns.iter().enumerate() {
                                let size = egui::vec2(column.width, ROW_HEIGHT);
                                let editing_here = self.editing.as_ref().is_some_and(|e| {
                                    Some(e.id.as_str()) == row.id() && e.col == col
                                });
                                if editing_here {
                                    let rect = ui.allocate_exact_size(size, Sense::hover()).0;
                                    self.editor_ui(ui, cx, rect);
                                    continue;
                                }
                                let cell = self.cells.cell(cx, self.tab, row, index, col).clone();
                                let (rect, response) = ui.allocate_exact_size(size, Sense::click());
                                paint_cell(
                                    ui,
                                    rect,
                                    &cell,
                                    selection.contains(&index),
                                    cursor == (index, col),
                                );
                                response.widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::accesskit::Role::Cell,
                                        true,
                                        &cell.text,
                                    )
                                });
                                if response.clicked() || response.double_clicked() {
                                    let mods = ui.input(|i| i.modifiers);
                                    clicked = Some((index, col, mods, response.double_clicked()));
                                }
                            }
                        });
                    }
                });
                self.viewport = (output.state.clamped_offset().y, output.inner_rect.height());
            });
        if let Some((index, col, mods, double)) = clicked {
            self.commit(cx);
            if mods.shift {
                if self.anchor.is_none() {
                    self.anchor = Some(self.row);
                }
            } else {
                self.anchor = None;
            }
            self.row = index;
            self.col = col;
            self.pending_select = true;
            ui.ctx().memory_mut(|m| m.request_focus(grid_id()));
            if double {
                self.start_editing(ui.ctx(), cx, rows, None);
            }
        }
        if std::mem::take(&mut self.pending_select) {
            let ids: Vec<ElementId> = self
                .selected_rows(rows)
                .into_iter()
                .filter_map(|i| rows[i].element(self.tab))
                .collect();
            if ids != cx.workspace.selection {
                cx.actions.push(Action::View(ViewChange::Select(ids)));
            }
        }
    }

    fn editor_ui(&mut self, ui: &mut Ui, cx: &Context<'_>, rect: egui::Rect) {
        let completions = self.completions(cx);
        let Some(editing) = &mut self.editing else {
            return;
        };
        let multiline = self.tab.list(editing.col);
        let label = cx.i18n.tr(self.tab.column_label(editing.col));
        let mut edit = if multiline {
            egui::TextEdit::multiline(&mut editing.text).desired_rows(1)
        } else {
            egui::TextEdit::singleline(&mut editing.text)
        };
        edit = edit
            .id(editor_id())
            // The table's keys, not egui's: Tab and the arrows never move the focus
            // away, Esc cancels the edit instead of leaving the field.
            .event_filter(egui::EventFilter {
                tab: true,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            })
            .desired_width(rect.width() - 8.0)
            .margin(Vec2::new(4.0, 3.0));
        let response = ui
            .scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                let label = ui.label(egui::RichText::new(label).size(0.1));
                ui.put(rect, edit).labelled_by(label.id)
            })
            .inner;
        if std::mem::take(&mut self.focus_editor) {
            response.request_focus();
        }
        if !completions.is_empty() {
            let pick = self.pick.min(completions.len() - 1);
            egui::Area::new(egui::Id::unique("journey_table_completions"))
                .order(egui::Order::Foreground)
                .fixed_pos(rect.left_bottom())
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_min_width(rect.width());
                        for (i, name) in completions.iter().enumerate().take(8) {
                            let _ = ui.selectable_label(i == pick, name);
                        }
                    });
                });
        } else if sheets::completes(self.tab, editing.col)
            && !editing.text.trim().is_empty()
            && editing.text != editing.original
        {
            let note = crate::tr!(
                cx.i18n,
                "table-new-entry",
                name = editing.text.trim().to_owned()
            );
            egui::Area::new(egui::Id::unique("journey_table_completions"))
                .order(egui::Order::Foreground)
                .fixed_pos(rect.left_bottom())
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.label(note);
                    });
                });
        }
    }
}

fn paint_cell(ui: &Ui, rect: egui::Rect, cell: &Cell, selected: bool, cursor: bool) {
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    if selected {
        painter.rect_filled(rect, 0.0, visuals.selection.bg_fill.gamma_multiply(0.35));
    }
    painter.line_segment(
        [rect.left_bottom(), rect.right_bottom()],
        egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
    painter.line_segment(
        [rect.right_top(), rect.right_bottom()],
        egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
    let colour = if cell.muted {
        visuals.weak_text_color()
    } else {
        visuals.text_color()
    };
    let mut inset = 6.0;
    if let Some(swatch) = cell.swatch {
        // A channel's icon on its colour, as on the cards; else the colour alone.
        let side = if cell.icon.is_some() { 18.0 } else { 10.0 };
        let dot = egui::Rect::from_center_size(
            rect.left_center() + egui::vec2(6.0 + side / 2.0, 0.0),
            Vec2::splat(side),
        );
        painter.rect_filled(dot, 3.0, super::widgets::colour(swatch));
        if let Some(kind) = cell.icon {
            let texture = super::canvas::paint::icon_texture(ui.ctx(), kind);
            let ink = crate::theme::Theme::light().text_on(swatch);
            painter.image(
                texture.id(),
                dot.shrink(2.5),
                egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                super::widgets::colour(ink),
            );
        }
        inset = 12.0 + side;
    }
    // One line, ended with "…" where the column is too narrow, and a gap before the
    // column's edge.
    let one_line = cell.text.replace('\n', " · ");
    let mut job = egui::text::LayoutJob::single_section(
        one_line,
        egui::TextFormat::simple(egui::FontId::proportional(14.0), colour),
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width((rect.width() - inset - 8.0).max(8.0));
    let galley = painter.layout_job(job);
    painter.galley(
        egui::pos2(rect.left() + inset, rect.center().y - galley.size().y / 2.0),
        galley,
        colour,
    );
    if cursor {
        painter.rect_stroke(
            rect.shrink(1.0),
            0.0,
            egui::Stroke::new(2.0, visuals.selection.stroke.color),
            egui::StrokeKind::Inside,
        );
    }
}
