//! File ▸ Import event log…: the log measured on a worker (a progress bar for logs that
//! take over a second), then this review: what the log holds, and which activity is
//! which card or step, each choice changeable (Measure again re-reads the log with the
//! choices as a mapping sheet). Put on the map writes the numbers as evidence, one
//! item per element, in one undo step.

use crate::app::action::{Action, Actions};
use crate::i18n::I18n;
use crate::interchange::eventlog::Conformance;
use crate::interchange::eventlog::evidence::{self, LogSource, Thresholds};
use crate::model::{Edit, Journey};
use std::path::PathBuf;

/// A log being measured: how far the worker has read.
#[derive(Debug)]
pub struct Measuring {
    pub file: String,
    pub read: u64,
    pub len: u64,
}

/// One activity of the log and the element it is.
#[derive(Debug)]
struct Row {
    activity: String,
    events: u64,
    /// Index into `LogReview::elements`; `None`: not in the map.
    chosen: Option<usize>,
    measured: Option<usize>,
}

#[derive(Debug)]
pub struct LogReview {
    path: PathBuf,
    file: String,
    summary: String,
    rows: Vec<Row>,
    /// Every card and step: its id and how the list names it.
    elements: Vec<(String, String)>,
    edit: Edit,
}

impl LogReview {
    pub fn new(
        journey: &Journey,
        path: PathBuf,
        numbers: &Conformance,
        sha256: &str,
        i18n: &I18n,
    ) -> Self {
        let file = crate::session::open::file_name(&path);
        let percent = |n: u64| {
            if numbers.cases == 0 {
                "–".to_owned()
            } else {
                format!("{:.0} %", n as f64 * 100.0 / numbers.cases as f64)
            }
        };
        let v = &numbers.conformance;
        let summary = crate::tr!(
            i18n,
            "log-review-summary",
            cases = numbers.cases as i64,
            events = numbers.events as i64,
            first = numbers
                .first
                .as_deref()
                .unwrap_or("")
                .get(..10)
                .unwrap_or("")
                .to_owned(),
            last = numbers
                .last
                .as_deref()
                .unwrap_or("")
                .get(..10)
                .unwrap_or("")
                .to_owned(),
            conformant = percent(v.conformant),
            deviating = percent(v.deviating),
            dropped = percent(v.dropped),
            flight = percent(v.in_flight)
        );
        let elements: Vec<(String, String)> = journey
            .touchpoints
            .iter()
            .map(|t| (t.id.to_string(), t.title.clone()))
            .chain(
                journey
                    .steps
                    .iter()
                    .map(|s| (s.id.to_string(), s.title.clone())),
            )
            .map(|(id, title)| {
                let title = if title.trim().is_empty() {
                    i18n.tr("untitled")
                } else {
                    title
                };
                let label = format!("{title} ({id})");
                (id, label)
            })
            .collect();
        let index = |reference: &str| elements.iter().position(|(id, _)| id == reference);
        let mut rows: Vec<Row> = numbers
            .mapped
            .iter()
            .map(|m| (m.activity.clone(), m.events, index(&m.reference)))
            .chain(
                numbers
                    .unmapped
                    .iter()
                    .map(|u| (u.activity.clone(), u.events, None)),
            )
            .map(|(activity, events, chosen)| Row {
                activity,
                events,
                chosen,
                measured: chosen,
            })
            .collect();
        // What needs a look first: the activities the map does not have.
        rows.sort_by(|a, b| {
            (
                a.measured.is_some(),
                std::cmp::Reverse(a.events),
                &a.activity,
            )
                .cmp(&(
                    b.measured.is_some(),
                    std::cmp::Reverse(b.events),
                    &b.activity,
                ))
        });
        let edit = evidence::edit(
            journey,
            numbers,
            &LogSource {
                name: file.clone(),
                sha256: sha256.to_owned(),
            },
            Thresholds::default(),
        );
        Self {
            path,
            file,
            summary,
            rows,
            elements,
            edit,
        }
    }

    /// The choices as a mapping sheet (`activity,element`; an empty element: not in
    /// the map).
    fn sheet(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record(["activity", "element"]);
        for row in &self.rows {
            let element = row
                .chosen
                .and_then(|i| self.elements.get(i))
                .map_or("", |(id, _)| id.as_str());
            let _ = writer.write_record([row.activity.as_str(), element]);
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

/// The progress window; always stays open (the result replaces it).
pub fn measuring_ui(ctx: &egui::Context, i18n: &I18n, measuring: &Measuring) -> bool {
    egui::Window::new(crate::tr!(
        i18n,
        "log-measuring",
        file = measuring.file.clone()
    ))
    .collapsible(false)
    .resizable(false)
    .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
    .show(ctx, |ui| {
        let share = if measuring.len == 0 {
            0.0
        } else {
            measuring.read as f32 / measuring.len as f32
        };
        ui.add(
            egui::ProgressBar::new(share.min(1.0))
                .desired_width(360.0)
                .show_percentage(),
        );
    });
    true
}

/// One frame of the review; whether it stays open.
pub fn review_ui(
    ctx: &egui::Context,
    i18n: &I18n,
    review: &mut LogReview,
    actions: &Actions,
) -> bool {
    let escape = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    let mut open = !escape;
    let mut keep = true;
    let title = crate::tr!(i18n, "log-review-title", file = review.file.clone());
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_max_width(720.0);
            ui.label(&review.summary);
            ui.add_space(8.0);
            ui.strong(i18n.tr("log-review-mapping"));
            let not_in_map = i18n.tr("log-review-not-in-map");
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    egui::Grid::new("log_mapping")
                        .striped(true)
                        .num_columns(3)
                        .show(ui, |ui| {
                            ui.strong(i18n.tr("log-review-activity"));
                            ui.strong(i18n.tr("log-review-events"));
                            ui.strong(i18n.tr("log-review-element"));
                            ui.end_row();
                            for (r, row) in review.rows.iter_mut().enumerate() {
                                let name = ui.label(&row.activity);
                                ui.label(row.events.to_string());
                                let shown = row
                                    .chosen
                                    .and_then(|i| review.elements.get(i))
                                    .map_or(not_in_map.clone(), |(_, label)| label.clone());
                                let combo = egui::ComboBox::from_id_salt(("log_row", r))
                                    .selected_text(shown)
                                    .width(320.0)
                                    .show_ui(ui, |ui| {
                                        ui.selectable_value(
                                            &mut row.chosen,
                                            None,
                                            not_in_map.clone(),
                                        );
                                        for (i, (_, label)) in review.elements.iter().enumerate() {
                                            ui.selectable_value(
                                                &mut row.chosen,
                                                Some(i),
                                                label.as_str(),
                                            );
                                        }
                                    });
                                // Read out (and found) by its activity's name.
                                combo.response.labelled_by(name.id);
                                ui.end_row();
                            }
                        });
                });
            ui.add_space(8.0);
            let changed = review.rows.iter().any(|r| r.chosen != r.measured);
            let unchanged_map = matches!(&review.edit, Edit::Batch(edits) if edits.is_empty());
            if unchanged_map && !changed {
                ui.label(egui::RichText::new(i18n.tr("log-review-unchanged")).weak());
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(changed, egui::Button::new(i18n.tr("log-review-remeasure")))
                    .clicked()
                {
                    actions.push(Action::MeasureLog(
                        review.path.clone(),
                        Some(review.sheet()),
                    ));
                }
                let apply = ui
                    .add_enabled(
                        !changed && !unchanged_map,
                        egui::Button::new(i18n.tr("log-review-apply")),
                    )
                    .on_hover_text(i18n.tr("log-review-apply-tip"));
                if apply.clicked() {
                    let edit = std::mem::replace(&mut review.edit, Edit::Batch(Vec::new()));
                    actions.edit(edit, "edit-import-log");
                    keep = false;
                }
            });
        });
    open && keep
}
