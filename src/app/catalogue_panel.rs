//! The journey's catalogues: channels (name, kind, colour) and departments (name,
//! colour). Add, rename, recolour, delete (delete clears the references).

use super::widgets::{choice, field_id, focus_field_selecting};
use super::*;
use crate::model::*;

fn rgb_edit(ui: &mut egui::Ui, colour: &mut Rgb) -> bool {
    let mut rgb = [colour.0, colour.1, colour.2];
    let changed = ui.color_edit_button_srgb(&mut rgb).changed();
    *colour = Rgb(rgb[0], rgb[1], rgb[2]);
    changed
}

pub fn ui(app: &mut JourneyApp, ui: &mut egui::Ui, edits: &mut Edits) {
    let i18n = &app.i18n;
    let journey = &app.document.journey;
    ui.label(
        egui::RichText::new(i18n.tr("field-channels"))
            .small()
            .strong(),
    );
    for channel in &journey.channels {
        let mut c = channel.clone();
        let mut typed = false;
        ui.horizontal(|ui| {
            rgb_edit(ui, &mut c.colour);
            let name = crate::tr!(i18n, "channel-name", id = c.id.as_str());
            let field = egui::TextEdit::singleline(&mut c.name)
                .id(field_id(c.id.as_str(), "name"))
                .desired_width(110.0);
            let response = ui.add(field);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, &name)
            });
            typed = response.changed();
            ui.push_id(&c.id, |ui| {
                choice(ui, "", &mut c.kind, ChannelKind::ALL, |k| {
                    i18n.term("channel-kind", k.key())
                });
            });
            if ui
                .small_button("×")
                .on_hover_text(crate::tr!(i18n, "delete-named", name = c.name.clone()))
                .clicked()
            {
                edits.push(Edit::delete_channel(journey, &c.id), "edit-delete");
            }
        });
        if c != *channel {
            let key = format!("{}/name", c.id);
            let edit = Edit::Replace(Element::Channel(c));
            if typed {
                edits.push_typing(edit, "edit-catalogue", key)
            } else {
                edits.push(edit, "edit-catalogue")
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
        edits.push(
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
        ui.horizontal(|ui| {
            rgb_edit(ui, &mut d.colour);
            let name = crate::tr!(i18n, "department-name", id = d.id.as_str());
            let field = egui::TextEdit::singleline(&mut d.name)
                .id(field_id(d.id.as_str(), "name"))
                .desired_width(150.0);
            let response = ui.add(field);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, &name)
            });
            typed = response.changed();
            if ui
                .small_button("×")
                .on_hover_text(crate::tr!(i18n, "delete-named", name = d.name.clone()))
                .clicked()
            {
                edits.push(Edit::delete_department(journey, &d.id), "edit-delete");
            }
        });
        if d != *department {
            let key = format!("{}/name", d.id);
            let edit = Edit::Replace(Element::Department(d));
            if typed {
                edits.push_typing(edit, "edit-catalogue", key)
            } else {
                edits.push(edit, "edit-catalogue")
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
        edits.push(
            Edit::Insert {
                index,
                element: Element::Department(department),
            },
            "edit-catalogue",
        );
    }
}
