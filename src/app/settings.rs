//! The user's settings, persisted by eframe between runs: interface language and
//! recent files. Not the document, not transient UI state.

use crate::model::Language;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const STORAGE_KEY: &str = "journeymap-settings";
const RECENT_LIMIT: usize = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: crate::i18n::system_language(),
            recent_files: Vec::new(),
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

    pub fn last_file(&self) -> Option<&Path> {
        self.recent_files.first().map(PathBuf::as_path)
    }
}
