//! The command line on real files: check, fmt, new, export, diff, merge and the git
//! drivers with the real `git`. No display needed; runs with `--no-default-features`.

mod blueprint;
mod catalogue;
mod cli_files;
mod conform;
mod curves;
mod design;
mod deviations;
mod diff;
mod docs;
mod export;
mod flow;
mod format_errors;
mod git;
mod history;
mod history_edges;
mod html;
#[path = "../support/http.rs"]
mod http;
mod install;
mod interchange;
mod layers;
mod nothing_lost;
mod pages;
mod posters;
mod report;
mod room;
mod stale;
mod support;
mod templates;
mod votes;
