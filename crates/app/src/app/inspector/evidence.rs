//! Evidence: the links from a touchpoint (add, link, unlink) and the evidence inspector
//! (kind, text, source, date, confidence, metric, attachments with thumbnails).

use crate::app::action::{Action, DialogPurpose};
use crate::app::dialogs::file_dialog::DialogKind;
use crate::app::panels::Panel;
use crate::app::thumbnails::Thumbnail;
use crate::app::widgets::{
    choice, field_id, focus_field, heading, remove_button, text_area_with_id, text_field,
};
use crate::model::{
    Confidence, Edit, Element, ElementId, Evidence, EvidenceId, EvidenceKind, Metric, MetricName,
    Touchpoint,
};

/// The evidence linked to a touchpoint, with link, unlink and new.
pub fn links_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, tp: &Touchpoint) {
    let i18n = &p.i18n;
    let journey = p.journey;
    ui.label(
        egui::RichText::new(i18n.tr("field-evidence"))
            .small()
            .strong(),
    );
    if tp.evidence.is_empty() {
        ui.colored_label(
            crate::app::widgets::colour(p.theme.no_evidence),
            i18n.tr("evidence-none"),
        );
    }
    for link in &tp.evidence {
        let Some(item) = journey.evidence_item(link) else {
            continue;
        };
        ui.horizontal(|ui| {
            let unlink = crate::tr!(i18n, "evidence-unlink", id = link.as_str());
            if remove_button(ui, &unlink).clicked() {
                let mut changed = tp.clone();
                changed.evidence.retain(|e| e != link);
                p.actions.edit(
                    Edit::Replace(Element::Touchpoint(changed)),
                    "edit-unlink-evidence",
                );
            }
            let kind = i18n.term("evidence-kind", item.kind.key());
            if ui
                .link(format!("{kind}: {}", summary(&item.text)))
                .clicked()
            {
                p.actions.select(vec![ElementId::Evidence(link.clone())]);
            }
        });
    }
    let unlinked: Vec<&Evidence> = journey
        .evidence
        .iter()
        .filter(|e| !tp.evidence.contains(&e.id))
        .collect();
    ui.horizontal(|ui| {
        let mut picked: Option<EvidenceId> = None;
        egui::ComboBox::from_label(i18n.tr("evidence-link"))
            .selected_text("…")
            .show_ui(ui, |ui| {
                for item in unlinked {
                    let kind = i18n.term("evidence-kind", item.kind.key());
                    ui.selectable_value(
                        &mut picked,
                        Some(item.id.clone()),
                        format!("{kind}: {}", summary(&item.text)),
                    );
                }
            });
        if let Some(id) = picked {
            let mut changed = tp.clone();
            changed.evidence.push(id);
            p.actions.edit(
                Edit::Replace(Element::Touchpoint(changed)),
                "edit-link-evidence",
            );
        }
    });
    if ui.button(i18n.tr("evidence-new")).clicked() {
        let item = Evidence::new(
            journey.next_evidence_id(),
            EvidenceKind::Quote,
            String::new(),
        );
        focus_field(ui, field_id(item.id.as_str(), "text"));
        let mut linked = tp.clone();
        linked.evidence.push(item.id.clone());
        p.actions.select(vec![ElementId::Evidence(item.id.clone())]);
        let index = journey.evidence.len();
        let edit = Edit::Batch(vec![
            Edit::Insert {
                index,
                element: Element::Evidence(item),
            },
            Edit::Replace(Element::Touchpoint(linked)),
        ]);
        p.actions.edit(edit, "edit-add-evidence");
    }
}

fn summary(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() > MAX {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    } else if text.is_empty() {
        "…".to_owned()
    } else {
        text.to_owned()
    }
}

pub fn evidence_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, id: &EvidenceId) {
    let journey = p.journey;
    let Some(original) = journey.evidence_item(id) else {
        return;
    };
    let i18n = &p.i18n;
    let mut e = original.clone();
    let mut typed = None;
    heading(ui, &i18n.tr("inspector-evidence"));
    ui.label(egui::RichText::new(id.as_str()).small().weak());
    choice(
        ui,
        &i18n.tr("field-kind"),
        &mut e.kind,
        EvidenceKind::ALL,
        |k| i18n.term("evidence-kind", k.key()),
    );
    let evidence_id = e.id.as_str().to_owned();
    for (field, label, value, rows) in [
        ("text", "field-evidence-text", &mut e.text, 3),
        ("source", "field-source", &mut e.source, 1),
    ] {
        let id = field_id(&evidence_id, field);
        if text_area_with_id(ui, i18n, Some(id), &i18n.tr(label), value, rows).changed() {
            typed = Some(field.to_owned());
        }
    }
    if text_field(ui, i18n, &i18n.tr("field-date"), &mut e.date).changed() {
        typed = Some("date".to_owned());
    }
    if !e.date.is_empty() && !crate::format::is_valid_date(&e.date) {
        ui.colored_label(ui.visuals().error_fg_color, i18n.tr("date-invalid"));
    }
    choice(
        ui,
        &i18n.tr("field-confidence"),
        &mut e.confidence,
        Confidence::ALL,
        |c| i18n.term("confidence", c.key()),
    );
    metric_ui(ui, i18n, &mut e, &mut typed);
    if e != *original {
        let edit = Edit::Replace(Element::Evidence(e.clone()));
        match typed {
            Some(field) => p
                .actions
                .typing(edit, "edit-evidence", format!("{id}/{field}")),
            None => p.actions.edit(edit, "edit-evidence"),
        }
    }
    ui.separator();
    attachments_ui(p, ui, &e);
    ui.separator();
    if ui.button(p.i18n.tr("delete-evidence")).clicked() {
        p.actions.edit(
            Edit::delete(p.journey, &ElementId::Evidence(id.clone())),
            "edit-delete",
        );
    }
}

/// The item's metrics, each with its name, value, sample size and scale, removable;
/// and a button that adds one (a survey with several figures).
fn metric_ui(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
    e: &mut Evidence,
    typed: &mut Option<String>,
) {
    let mut remove = None;
    for (index, metric) in e.metrics.iter_mut().enumerate() {
        ui.push_id(("metric", index), |ui| {
            ui.horizontal(|ui| {
                let name = crate::words::metric_text(metric, i18n);
                ui.label(egui::RichText::new(&name).small().strong());
                let label = crate::tr!(i18n, "metric-remove-named", metric = name);
                if remove_button(ui, &label).clicked() {
                    remove = Some(index);
                }
            });
            metric_fields(ui, i18n, metric, index, typed);
        });
        ui.add_space(4.0);
    }
    if let Some(index) = remove {
        e.metrics.remove(index);
    }
    if ui.button(i18n.tr("metric-add")).clicked() {
        e.metrics.push(Metric {
            name: if e.metrics.is_empty() {
                MetricName::Nps
            } else {
                MetricName::Custom
            },
            label: String::new(),
            value: 0.0,
            scale: String::new(),
            sample_size: None,
        });
    }
}

fn metric_fields(
    ui: &mut egui::Ui,
    i18n: &crate::i18n::I18n,
    metric: &mut Metric,
    index: usize,
    typed: &mut Option<String>,
) {
    choice(
        ui,
        &i18n.tr("field-metric"),
        &mut metric.name,
        MetricName::ALL,
        |m| i18n.term("metric", m.key()),
    );
    if metric.name == MetricName::Custom
        && text_field(ui, i18n, &i18n.tr("field-metric-label"), &mut metric.label).changed()
    {
        *typed = Some(format!("metric_label/{index}"));
    }
    ui.horizontal(|ui| {
        let label = ui.label(i18n.tr("field-metric-value"));
        let range = if metric.name == MetricName::Nps {
            -100.0..=100.0
        } else {
            f64::MIN..=f64::MAX
        };
        if ui
            .add(
                egui::DragValue::new(&mut metric.value)
                    .speed(0.1)
                    .range(range),
            )
            .labelled_by(label.id)
            .changed()
        {
            *typed = Some(format!("metric_value/{index}"));
        }
        let mut sample = metric.sample_size.unwrap_or(0);
        let label = ui.label(i18n.tr("field-sample-size"));
        if ui
            .add(egui::DragValue::new(&mut sample))
            .labelled_by(label.id)
            .changed()
        {
            metric.sample_size = (sample > 0).then_some(sample);
            *typed = Some(format!("sample_size/{index}"));
        }
    });
    if text_field(ui, i18n, &i18n.tr("field-metric-scale"), &mut metric.scale).changed() {
        *typed = Some(format!("metric_scale/{index}"));
    }
}

fn attachments_ui(p: &mut Panel<'_>, ui: &mut egui::Ui, e: &Evidence) {
    ui.label(
        egui::RichText::new(p.i18n.tr("field-attachments"))
            .small()
            .strong(),
    );
    let folder = p
        .journey_path
        .and_then(|path| path.parent())
        .map(std::path::Path::to_path_buf);
    for relative in &e.attachments {
        ui.horizontal(|ui| {
            let remove = crate::tr!(p.i18n, "attachment-remove-named", file = relative.clone());
            if remove_button(ui, &remove).clicked() {
                let mut changed = e.clone();
                changed.attachments.retain(|a| a != relative);
                p.actions
                    .edit(Edit::Replace(Element::Evidence(changed)), "edit-attach");
            }
            ui.label(relative);
        });
        let Some(folder) = folder.as_ref() else {
            continue;
        };
        let shown = match crate::document::resolve_attachment(folder, relative) {
            Ok(file) => p.caches.thumbnails.get(ui.ctx(), &file),
            Err(id) => Thumbnail::Failed(crate::tr!(p.i18n, id, file = relative.clone())),
        };
        match shown {
            Thumbnail::Ready(texture) => {
                let size = texture.size_vec2();
                let scale = (300.0 / size.x.max(size.y)).min(1.0);
                ui.image((texture.id(), size * scale));
            }
            Thumbnail::Loading => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(p.i18n.tr("attachment-loading"));
                });
            }
            Thumbnail::TimedOut => {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    p.i18n.tr("attachment-timed-out"),
                );
            }
            Thumbnail::Failed(message) => {
                ui.colored_label(ui.visuals().warn_fg_color, message);
            }
        }
    }
    if ui.button(p.i18n.tr("attachment-add")).clicked() {
        let purpose = DialogPurpose::AttachImage {
            evidence: e.id.clone(),
        };
        p.actions
            .push(Action::AskFile(DialogKind::OpenImage, purpose));
    }
    ui.label(
        egui::RichText::new(p.i18n.tr("attachment-drop-hint"))
            .small()
            .weak(),
    );
}
