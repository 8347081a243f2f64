//! The library below the editor: atomic saves, format round trips, the bundled
//! examples, undo history. No egui, no window; runs with `--no-default-features`.

mod atomic_save;
mod eventlog_properties;
mod format_properties;
mod fuzz_bounded;
mod interchange_properties;
mod journeys_examples;
mod merge_properties;
mod model_on_files;
mod pictures;
mod session;
mod undo_properties;
