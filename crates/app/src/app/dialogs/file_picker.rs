//! The app's own file picker, for systems with no file dialog to show (no
//! xdg-desktop-portal, no zenity). A modal window: the folder, its sub-folders and the
//! files of the wanted kind, a file name, and Open/Save. Its answer goes through the
//! same channel as a native dialog's, so everything after the choice is shared.

use super::file_dialog::{DialogKind, Reply};
use crate::i18n::I18n;
use std::path::{Path, PathBuf};

pub struct FilePicker {
    kind: DialogKind,
    /// Where the pick goes (taken when it is made).
    reply: Option<Reply>,
    dir: PathBuf,
    /// The folder field, as typed.
    dir_text: String,
    entries: Vec<Entry>,
    name: String,
    error: Option<String>,
    /// Saving over an existing file needs a second click.
    replace_confirmed: Option<PathBuf>,
}

#[derive(Debug)]
struct Entry {
    name: String,
    is_dir: bool,
}

enum Outcome {
    Picked(PathBuf),
    Cancelled,
}

impl std::fmt::Debug for FilePicker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FilePicker")
            .field("kind", &self.kind)
            .field("dir", &self.dir)
            .finish()
    }
}

impl FilePicker {
    pub fn new(kind: DialogKind, reply: Reply, near: Option<&Path>) -> Self {
        let dir = near
            .filter(|d| d.is_dir())
            .map(Path::to_owned)
            .or_else(|| std::env::current_dir().ok())
            .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_owned()))
            .unwrap_or_else(|| PathBuf::from("/"));
        let name = match &kind {
            DialogKind::SaveJourney { suggested_name }
            | DialogKind::SavePicture { suggested_name, .. } => suggested_name.clone(),
            DialogKind::OpenJourney
            | DialogKind::OpenImage
            | DialogKind::OpenImport
            | DialogKind::OpenLog => String::new(),
        };
        let mut picker = Self {
            kind,
            reply: Some(reply),
            dir: PathBuf::new(),
            dir_text: String::new(),
            entries: Vec::new(),
            name,
            error: None,
            replace_confirmed: None,
        };
        picker.enter(dir);
        picker
    }

    fn saving(&self) -> bool {
        matches!(
            self.kind,
            DialogKind::SaveJourney { .. } | DialogKind::SavePicture { .. }
        )
    }

    fn extensions(&self) -> &'static [&'static str] {
        match &self.kind {
            DialogKind::OpenJourney | DialogKind::SaveJourney { .. } => &["ron"],
            DialogKind::OpenImage => &["png", "jpg", "jpeg"],
            DialogKind::OpenImport => &crate::app::IMPORT_EXTENSIONS,
            DialogKind::OpenLog => &crate::app::LOG_EXTENSIONS,
            DialogKind::SavePicture { format, .. } => format.extensions(),
        }
    }

    fn title_id(&self) -> &'static str {
        match &self.kind {
            DialogKind::OpenJourney => "picker-title-open",
            DialogKind::SaveJourney { .. } => "picker-title-save",
            DialogKind::OpenImage => "picker-title-image",
            DialogKind::OpenImport => "picker-title-import",
            DialogKind::OpenLog => "picker-title-log",
            DialogKind::SavePicture { .. } => "picker-title-export",
        }
    }

    /// Shows `dir`: its folders first, then the files of the wanted kind, by name.
    fn enter(&mut self, dir: PathBuf) {
        // Absolute, so the folder field and "Up" work from a relative start.
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        match std::fs::read_dir(&dir) {
            Ok(read) => {
                let extensions = self.extensions();
                let mut entries: Vec<Entry> = read
                    .filter_map(Result::ok)
                    .filter_map(|entry| {
                        let name = entry.file_name().to_string_lossy().into_owned();
                        let is_dir = entry.path().is_dir();
                        let wanted = is_dir
                            || Path::new(&name).extension().is_some_and(|e| {
                                extensions
                                    .iter()
                                    .any(|x| e.to_string_lossy().eq_ignore_ascii_case(x))
                            });
                        (wanted && !name.starts_with('.')).then_some(Entry { name, is_dir })
                    })
                    .collect();
                entries.sort_by(|a, b| {
                    b.is_dir
                        .cmp(&a.is_dir)
                        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                });
                self.entries = entries;
                self.dir_text = dir.display().to_string();
                self.dir = dir;
                self.error = None;
            }
            Err(error) => {
                self.error = Some(format!("{}: {error}", dir.display()));
                self.dir_text = self.dir.display().to_string();
            }
        }
    }

    /// The chosen path, or why not (a message id).
    fn choose(&mut self) -> Result<PathBuf, &'static str> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err("picker-no-name");
        }
        let mut path = self.dir.join(name);
        if path.is_dir() {
            self.enter(path);
            self.name.clear();
            return Err("");
        }
        if self.saving() {
            if path.extension().is_none()
                && let Some(extension) = self.extensions().first()
            {
                path.set_extension(extension);
            }
            if path.exists() && self.replace_confirmed.as_ref() != Some(&path) {
                self.replace_confirmed = Some(path);
                return Err("picker-replace");
            }
            Ok(path)
        } else if path.is_file() {
            Ok(path)
        } else {
            Err("picker-not-found")
        }
    }

    fn ui(&mut self, ctx: &egui::Context, i18n: &I18n) -> Option<Outcome> {
        let mut outcome = None;
        let mut go_to: Option<PathBuf> = None;
        let mut confirm = false;
        egui::Modal::new(egui::Id::unique("file_picker")).show(ctx, |ui| {
            ui.set_width(640.0);
            ui.heading(i18n.tr(self.title_id()));
            ui.horizontal(|ui| {
                if ui.button(i18n.tr("picker-up")).clicked()
                    && let Some(parent) = self.dir.parent()
                {
                    go_to = Some(parent.to_owned());
                }
                let label = ui.label(i18n.tr("picker-folder"));
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.dir_text).desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    go_to = Some(PathBuf::from(self.dir_text.trim()));
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .min_scrolled_height(320.0)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if self.entries.is_empty() {
                        ui.label(egui::RichText::new(i18n.tr("picker-empty")).weak());
                    }
                    for entry in &self.entries {
                        let text = if entry.is_dir {
                            format!("{}/", entry.name)
                        } else {
                            entry.name.clone()
                        };
                        let selected = !entry.is_dir && entry.name == self.name;
                        let response = ui.selectable_label(selected, text);
                        if response.clicked() {
                            if entry.is_dir {
                                go_to = Some(self.dir.join(&entry.name));
                            } else {
                                self.name.clone_from(&entry.name);
                            }
                        }
                        if response.double_clicked() && !entry.is_dir {
                            confirm = true;
                        }
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label(i18n.tr("picker-file-name"));
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    confirm = true;
                }
            });
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.horizontal(|ui| {
                let action = if self.saving() {
                    i18n.tr("picker-save")
                } else {
                    i18n.tr("picker-open")
                };
                if ui.button(action).clicked() {
                    confirm = true;
                }
                if ui.button(i18n.tr("cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    outcome = Some(Outcome::Cancelled);
                }
            });
        });
        if let Some(dir) = go_to {
            self.enter(dir);
        }
        if confirm && outcome.is_none() {
            match self.choose() {
                Ok(path) => outcome = Some(Outcome::Picked(path)),
                Err("") => {}
                Err(id) => {
                    let message = crate::tr!(i18n, id, file = self.name.clone());
                    self.error = Some(message);
                }
            }
        }
        outcome
    }
}

impl FilePicker {
    /// The picker's frame; returns whether it stays open. A pick is answered as a
    /// native dialog's is.
    pub fn frame(&mut self, ctx: &egui::Context, i18n: &I18n) -> bool {
        match self.ui(ctx, i18n) {
            Some(Outcome::Picked(path)) => {
                if let Some(reply) = self.reply.take() {
                    reply(path);
                }
                false
            }
            Some(Outcome::Cancelled) => false,
            None => true,
        }
    }
}
