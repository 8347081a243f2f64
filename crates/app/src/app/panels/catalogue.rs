//! The journey's catalogues: channels (name, kind, colour), departments (name,
//! colour) and extra curves (name, colour). Add, rename, recolour, delete (delete
//! clears the references).

use super::Panel;
use crate::app::widgets::{field_id, focus_field_selecting, id_from_name_edit, remove_button};
use crate::model::{
    Channel, ChannelKind, Curve, CurveId, Department, Edit, Element, ElementId, ElementKind, Rgb,
};

/// A colour button named for what it colours ("Colour of Web shop").
fn rgb_edit(ui: &mut egui::Ui, colour: &mut Rgb, name: &str) -> bool {
    let mut rgb = [colour.0, colour.1, colour.2];
    let response = ui.color_edit_button_srgb(&mut rgb);
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::ColorWell, true, name));
    *colour = Rgb(rgb[0], rgb[1], rgb[2]);
    response.changed()
}

pub fn ui(p: &mut Panel<'_>, ui: &mut egui::Ui) {
    let i18n = &p.i18n;
    let journey = p.journey;
    ui.label(
        egui::RichText::new(i18n.tr("field-channels"))
            .small()
            .strong(),
    );
    for channel in &journey.channels {
        let mut c = channel.clone();
        let mut typed = false;
        let mut recoloured = false;
        let mut lost = false;
        ui.horizontal(|ui| {
            let colour_name = crate::tr!(i18n, "colour-of", name = c.name.clone());
            recoloured = rgb_edit(ui, &mut c.colour, &colour_name);
            let name = crate::tr!(i18n, "channel-name", id = c.id.as_str());
            let field = egui::TextEdit::singleline(&mut c.name)
                .id(field_id(c.id.as_str(), "name"))
                .desired_width(110.0);
            let response = ui.add(field);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, &name)
            });
            typed = response.changed();
            lost = response.lost_focus();
            // No visible label (the row is narrow), but an accessible name.
            let kind_label = crate::tr!(i18n, "channel-kind-of", channel = c.name.clone());
            let kind = egui::ComboBox::from_id_salt(("channel_kind", c.id.as_str()))
                .selected_text(i18n.term("channel-kind", c.kind.key()))
                .show_ui(ui, |ui| {
                    for option in ChannelKind::ALL {
                        let name = i18n.term("channel-kind", option.key());
                        ui.selectable_value(&mut c.kind, *option, name);
                    }
                });
            kind.response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, &kind_label)
            });
            let delete = crate::tr!(i18n, "delete-named", name = c.name.clone());
            if remove_button(ui, &delete).clicked() {
                p.actions.edit(
                    Edit::delete(journey, &ElementId::Channel(c.id.clone())),
                    "edit-delete",
                );
            }
        });
        if c != *channel {
            // A drag in the colour picker changes the colour every frame: like typing,
            // the frames of one drag merge into one undo step.
            let field = if recoloured { "colour" } else { "name" };
            let key = format!("{}/{field}", c.id);
            let edit = Edit::Replace(Element::Channel(c.clone()));
            if typed || recoloured {
                p.actions.typing(edit, "edit-catalogue", key)
            } else {
                p.actions.edit(edit, "edit-catalogue")
            }
        }
        // Named over its placeholder: its id from the name, in the typing's undo step.
        if lost {
            let mut named = journey.clone();
            if let Some(e) = named.channels.iter_mut().find(|e| e.id == c.id) {
                e.name.clone_from(&c.name);
            }
            let id = c.id.as_str();
            if let Some(edit) = id_from_name_edit(journey, &named, ElementKind::Channel, id) {
                p.actions
                    .typing(edit, "edit-catalogue", format!("{id}/name"));
            }
        }
    }
    if ui.small_button(i18n.tr("add-channel")).clicked() {
        let name = i18n.tr("new-channel");
        let channel = Channel {
            id: journey.new_channel_id(&name),
            name,
            kind: ChannelKind::Other,
            colour: Rgb::hex(0x8899aa),
        };
        focus_field_selecting(ui, field_id(channel.id.as_str(), "name"), &channel.name);
        let index = journey.channels.len();
        p.actions.edit(
            Edit::Insert {
                index,
                element: Element::Channel(channel),
            },
            "edit-catalogue",
        );
    }
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(i18n.tr("field-departments"))
            .small()
            .strong(),
    );
    for department in &journey.departments {
        let mut d = department.clone();
        let mut typed = false;
        let mut recoloured = false;
        let mut lost = false;
        ui.horizontal(|ui| {
            let colour_name = crate::tr!(i18n, "colour-of", name = d.name.clone());
            recoloured = rgb_edit(ui, &mut d.colour, &colour_name);
            let name = crate::tr!(i18n, "department-name", id = d.id.as_str());
            let field = egui::TextEdit::singleline(&mut d.name)
                .id(field_id(d.id.as_str(), "name"))
                .desired_width(150.0);
            let response = ui.add(field);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, &name)
            });
            typed = response.changed();
            lost = response.lost_focus();
            let delete = crate::tr!(i18n, "delete-named", name = d.name.clone());
            if remove_button(ui, &delete).clicked() {
                p.actions.edit(
                    Edit::delete(journey, &ElementId::Department(d.id.clone())),
                    "edit-delete",
                );
            }
        });
        if d != *department {
            // A drag in the colour picker changes the colour every frame: like typing,
            // the frames of one drag merge into one undo step.
            let field = if recoloured { "colour" } else { "name" };
            let key = format!("{}/{field}", d.id);
            let edit = Edit::Replace(Element::Department(d.clone()));
            if typed || recoloured {
                p.actions.typing(edit, "edit-catalogue", key)
            } else {
                p.actions.edit(edit, "edit-catalogue")
            }
        }
        // Named over its placeholder: its id from the name, in the typing's undo step.
        if lost {
            let mut named = journey.clone();
            if let Some(e) = named.departments.iter_mut().find(|e| e.id == d.id) {
                e.name.clone_from(&d.name);
            }
            let id = d.id.as_str();
            if let Some(edit) = id_from_name_edit(journey, &named, ElementKind::Department, id) {
                p.actions
                    .typing(edit, "edit-catalogue", format!("{id}/name"));
            }
        }
    }
    if ui.small_button(i18n.tr("add-department")).clicked() {
        let name = i18n.tr("new-department");
        let department = Department {
            id: journey.new_department_id(&name),
            name,
            colour: Rgb::hex(0xaab0bb),
        };
        focus_field_selecting(
            ui,
            field_id(department.id.as_str(), "name"),
            &department.name,
        );
        let index = journey.departments.len();
        p.actions.edit(
            Edit::Insert {
                index,
                element: Element::Department(department),
            },
            "edit-catalogue",
        );
    }
    ui.add_space(8.0);
    curves_ui(p, ui);
}

/// The journey's extra curves (relevance, enjoyability, a segment…): name and colour,
/// added and deleted (deleting removes every touchpoint's score on it, in one step).
fn curves_ui(p: &mut Panel<'_>, ui: &mut egui::Ui) {
    let i18n = &p.i18n;
    let journey = p.journey;
    ui.label(
        egui::RichText::new(i18n.tr("field-curves"))
            .small()
            .strong(),
    );
    for curve in &journey.curves {
        let mut c = curve.clone();
        let mut recoloured = false;
        ui.horizontal(|ui| {
            let colour_name = crate::tr!(i18n, "colour-of", name = c.name.clone());
            recoloured = rgb_edit(ui, &mut c.colour, &colour_name);
            let name = crate::tr!(i18n, "curve-name", id = c.id.as_str());
            let field = egui::TextEdit::singleline(&mut c.name)
                .id(field_id(c.id.as_str(), "name"))
                .desired_width(150.0);
            let response = ui.add(field);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, &name)
            });
            let delete = crate::tr!(i18n, "delete-named", name = c.name.clone());
            if remove_button(ui, &delete).clicked() {
                p.actions.edit(
                    Edit::delete(journey, &ElementId::Curve(c.id.clone())),
                    "edit-delete",
                );
            }
        });
        if c != *curve {
            let field = if recoloured { "colour" } else { "name" };
            let key = format!("curve/{}/{field}", c.id);
            p.actions
                .typing(Edit::Replace(Element::Curve(c)), "edit-catalogue", key);
        }
    }
    if ui.small_button(i18n.tr("add-curve")).clicked() {
        const COLOURS: [u32; 4] = [0x7b4fd6, 0x1e8449, 0xd35400, 0x2471a3];
        let name = i18n.tr("new-curve");
        let mut n = journey.curves.len() + 1;
        while journey
            .curves
            .iter()
            .any(|c| c.id.0 == format!("curve-{n}"))
        {
            n += 1;
        }
        let curve = Curve {
            id: CurveId(format!("curve-{n}")),
            name,
            colour: Rgb::hex(COLOURS[journey.curves.len() % COLOURS.len()]),
        };
        focus_field_selecting(ui, field_id(curve.id.as_str(), "name"), &curve.name);
        p.actions.edit(
            Edit::Insert {
                index: journey.curves.len(),
                element: Element::Curve(curve),
            },
            "edit-catalogue",
        );
    }
}
