//! The user's settings, persisted by eframe between runs: interface language and
//! recent files. Not the document, not transient UI state.

use crate::layout::Arrangement;
use crate::model::Language;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const STORAGE_KEY: &str = "journeymap-settings";
const RECENT_LIMIT: usize = 10;
const LAYOUT_LIMIT: usize = 200;

/// The export window's last choices.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportChoices {
    pub format: crate::export::Format,
    pub options: crate::export::ExportOptions,
}

impl Default for ExportChoices {
    fn default() -> Self {
        Self {
            format: crate::export::Format::Png,
            options: crate::export::ExportOptions::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    /// The layout each journey file was last shown in, when not the timeline (by
    /// canonical path; at most `LAYOUT_LIMIT`, most recent last).
    pub layouts: Vec<(PathBuf, Arrangement)>,
    /// The export window's last choices.
    pub export: ExportChoices,
    /// The journey files last shown as a table (by canonical path; at most
    /// `LAYOUT_LIMIT`, most recent last).
    pub tables: Vec<PathBuf>,
    /// The interface's size, 1 to 2 (View ▸ Interface size).
    pub interface_scale: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: crate::i18n::system_language(),
            recent_files: Vec::new(),
            layouts: Vec::new(),
            export: ExportChoices::default(),
            tables: Vec::new(),
            interface_scale: 1.0,
        }
    }
}

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(RECENT_LIMIT);
    }

    /// The layout `path` was last shown in (the timeline unless set).
    pub fn arrangement_for(&self, path: Option<&Path>) -> Arrangement {
        let Some(path) = path else {
            return Arrangement::Timeline;
        };
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.layouts
            .iter()
            .find(|(p, _)| *p == path)
            .map_or(Arrangement::Timeline, |(_, a)| *a)
    }

    /// Remembers the layout `path` is shown in.
    pub fn remember_arrangement(&mut self, path: &Path, arrangement: Arrangement) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.layouts.retain(|(p, _)| *p != path);
        if arrangement != Arrangement::Timeline {
            self.layouts.push((path, arrangement));
        }
        let excess = self.layouts.len().saturating_sub(LAYOUT_LIMIT);
        self.layouts.drain(..excess);
    }

    /// Whether `path` was last shown as a table.
    pub fn table_for(&self, path: Option<&Path>) -> bool {
        let Some(path) = path else {
            return false;
        };
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.tables.contains(&path)
    }

    /// Remembers whether `path` is shown as a table.
    pub fn remember_table(&mut self, path: &Path, table: bool) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.tables.retain(|p| *p != path);
        if table {
            self.tables.push(path);
        }
        let excess = self.tables.len().saturating_sub(LAYOUT_LIMIT);
        self.tables.drain(..excess);
    }

    pub fn last_file(&self) -> Option<&Path> {
        self.recent_files.first().map(PathBuf::as_path)
    }
}
