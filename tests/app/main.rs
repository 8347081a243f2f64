//! The desktop editor, driven as people use it: egui_kittest tests of the real app
//! (built by `JourneyApp::start`, as `main` does), and real-window tests of the binary
//! under Xvfb. Only with the `app` feature.
#![cfg(feature = "app")]

#[path = "../support/browser.rs"]
mod browser;
mod common;
#[path = "../support/http.rs"]
mod http;

mod accessibility;
mod attachments;
mod blueprint;
mod deviations;
mod editor;
mod editor_spanish;
mod eventlog;
mod find;
mod flow;
mod hostile;
mod i18n;
mod measure;
mod monkey;
mod panels;
mod real_window;
mod resolve;
mod room;
mod safety;
mod sheets;
mod slow_disk;
mod table;
mod templates;
mod wall;
mod workshop;
mod xwindow;
