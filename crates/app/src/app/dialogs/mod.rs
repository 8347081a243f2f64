//! Everything that opens over the map: the one `Modal` slot, the prompts (unsaved
//! changes, export, shortcuts, recovery, overwrite, outside change), the file dialogs
//! (system or built-in) and the view of a file that failed to load.

pub mod delete;
pub mod file_dialog;
pub mod file_picker;
pub mod link_evidence;
pub mod load_failure;
pub mod log_review;
pub mod modal;
pub mod paste;
pub mod prompts;
pub mod resolve;
pub mod safety_prompts;
