//! A picture of a change, for pull-request comments: the new map as exported, with
//! every added and changed card and grey area outlined where it sits, the header
//! outlined when it changed, and a strip below that counts the changes and names what
//! the picture cannot show (removed elements, catalogue edits). In the new journey's
//! language. It also compares a current-state map with its future state.

use super::page::{self, Page};
use super::svg::SvgWriter;
use crate::diff::Change;
use crate::i18n::I18n;
use crate::layout::{Point, Rect};
use crate::model::*;
use crate::scene::{Line, Paint, Shape, text};
use crate::theme::Theme;
use std::collections::BTreeMap;

/// How an element on the new map changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Changed,
    Added,
}

impl Mark {
    /// The outline colour (both have at least 3:1 contrast on the white page).
    pub fn colour(self) -> Rgb {
        match self {
            Mark::Added => Rgb::hex(0x1f8a4c),
            Mark::Changed => Rgb::hex(0xb35c00),
        }
    }

    fn sign(self) -> &'static str {
        match self {
            Mark::Added => "+",
            Mark::Changed => "~",
        }
    }
}

const REMOVED: Rgb = Rgb(0xc0, 0x39, 0x2b);
const STRIP_TOP_GAP: f32 = 24.0;
const ROW: f32 = 22.0;
const MAX_ROWS: usize = 14;

/// What the picture marks.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    pub touchpoints: BTreeMap<String, Mark>,
    pub grey_areas: BTreeMap<String, Mark>,
    pub steps: BTreeMap<String, Mark>,
    pub header: bool,
    /// Lines for what has no place on the new map: removed elements, catalogue edits.
    pub notes: Vec<(Rgb, String)>,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

fn mark(map: &mut BTreeMap<String, Mark>, id: &str, m: Mark) {
    let entry = map.entry(id.to_owned()).or_insert(m);
    *entry = (*entry).max(m);
}

/// The marks of `changes` on the `new` map.
pub fn marks(changes: &[Change], new: &Journey, i18n: &I18n) -> Marks {
    let mut marks = Marks::default();
    // Evidence and opportunities show on the cards and grey areas they belong to.
    let holders_of_evidence = |marks: &mut Marks, id: &str| {
        for t in new
            .touchpoints
            .iter()
            .filter(|t| t.evidence.iter().any(|e| e.as_str() == id))
        {
            mark(&mut marks.touchpoints, t.id.as_str(), Mark::Changed);
        }
        for g in new
            .grey_areas
            .iter()
            .filter(|g| g.evidence.iter().any(|e| e.as_str() == id))
        {
            mark(&mut marks.grey_areas, g.id.as_str(), Mark::Changed);
        }
    };
    let target_of = |marks: &mut Marks, id: &str| {
        if let Some(o) = new.opportunity(&id.into()) {
            match &o.target {
                OpportunityTarget::Touchpoint(t) => {
                    mark(&mut marks.touchpoints, t.as_str(), Mark::Changed)
                }
                OpportunityTarget::GreyArea(g) => {
                    mark(&mut marks.grey_areas, g.as_str(), Mark::Changed)
                }
                OpportunityTarget::Step(s) => mark(&mut marks.steps, s.as_str(), Mark::Changed),
            }
        }
    };
    for change in changes {
        match change {
            Change::Header(_) => {
                marks.header = true;
                marks.changed += 1;
            }
            Change::Removed { kind, id, name } => {
                marks.removed += 1;
                let kind = i18n.term("element", kind.key());
                marks.notes.push((
                    REMOVED,
                    crate::tr!(
                        i18n,
                        "change-removed-item",
                        kind = kind,
                        id = id.as_str(),
                        name = name.as_str()
                    ),
                ));
            }
            Change::Added { kind, id, .. }
            | Change::Edited { kind, id, .. }
            | Change::Reordered { kind, id, .. } => {
                let m = if matches!(change, Change::Added { .. }) {
                    marks.added += 1;
                    Mark::Added
                } else {
                    marks.changed += 1;
                    Mark::Changed
                };
                match kind {
                    ElementKind::Touchpoint => mark(&mut marks.touchpoints, id, m),
                    ElementKind::GreyArea => mark(&mut marks.grey_areas, id, m),
                    ElementKind::Step => mark(&mut marks.steps, id, m),
                    ElementKind::Evidence => holders_of_evidence(&mut marks, id),
                    ElementKind::Opportunity => target_of(&mut marks, id),
                    ElementKind::Channel
                    | ElementKind::Department
                    | ElementKind::Curve
                    | ElementKind::Actor
                    | ElementKind::VoteRound => {
                        let what = i18n.term("element", kind.key());
                        let name = match kind {
                            ElementKind::Channel => {
                                new.channel(&id.as_str().into()).map(|c| c.name.clone())
                            }
                            ElementKind::Curve => new.item::<Curve>(id).map(|c| c.name.clone()),
                            ElementKind::Actor => {
                                new.item::<crate::model::Actor>(id).map(|a| a.name.clone())
                            }
                            ElementKind::VoteRound => new
                                .item::<crate::model::VoteRound>(id)
                                .map(|v| v.question.clone()),
                            _ => new.department(&id.as_str().into()).map(|d| d.name.clone()),
                        }
                        .unwrap_or_default();
                        let key = if m == Mark::Added {
                            "change-added-item"
                        } else {
                            "change-changed-item"
                        };
                        marks.notes.push((
                            m.colour(),
                            crate::tr!(
                                i18n,
                                key,
                                kind = what,
                                id = id.as_str(),
                                name = name.as_str()
                            ),
                        ));
                    }
                }
            }
            Change::Moved { id, .. } => {
                marks.changed += 1;
                mark(&mut marks.touchpoints, id, Mark::Changed);
            }
            Change::Resolved { id, .. } => {
                marks.changed += 1;
                mark(&mut marks.grey_areas, id, Mark::Changed);
            }
        }
    }
    marks
}

fn outline(out: &mut Vec<Shape>, rect: Rect, m: Mark, theme: &Theme) {
    let grown = Rect {
        min: Point::new(rect.min.x - 5.0, rect.min.y - 5.0),
        max: Point::new(rect.max.x + 5.0, rect.max.y + 5.0),
    };
    out.push(Shape::Rect {
        rect: grown,
        radius: 8.0,
        fill: None,
        stroke: Some(Line::solid(m.colour(), 4.0)),
    });
    let badge = Point::new(grown.max.x - 2.0, grown.min.y + 2.0);
    out.push(Shape::Circle {
        center: badge,
        radius: 11.0,
        fill: Some(Paint::solid(m.colour())),
        stroke: Some(Line::solid(theme.background, 2.0)),
    });
    out.push(Shape::Text(crate::scene::TextBox {
        pos: Point::new(badge.x, badge.y - 9.0),
        text: m.sign().to_owned(),
        size: 15.0,
        bold: true,
        colour: theme.text_on(m.colour()),
        max_width: 20.0,
        max_lines: 1,
        align: crate::scene::Align::Center,
    }));
}

/// The outlines on the map, in map layout units.
fn map_marks(marks: &Marks, page: &Page, theme: &Theme) -> Vec<Shape> {
    let mut out = Vec::new();
    for slot in &page.layout.slots {
        if let Some(m) = marks.touchpoints.get(slot.id.as_str()) {
            outline(&mut out, slot.card, *m, theme);
        }
    }
    for grey in &page.layout.grey_areas {
        if let Some(m) = marks.grey_areas.get(grey.id.as_str()) {
            outline(&mut out, grey.band, *m, theme);
        }
    }
    for step in &page.layout.steps {
        if let Some(m) = marks.steps.get(step.id.as_str()) {
            outline(&mut out, step.rect, *m, theme);
        }
    }
    out
}

/// The strip under the page: counts, a key and the notes.
fn strip(marks: &Marks, top: f32, width: f32, theme: &Theme, i18n: &I18n) -> (Vec<Shape>, f32) {
    let margin = page::MARGIN;
    let mut out = vec![Shape::Polyline {
        points: vec![Point::new(margin, top), Point::new(width - margin, top)],
        line: Line::solid(theme.lane_rule, 1.0),
    }];
    let mut y = top + STRIP_TOP_GAP;
    out.push(text(
        Point::new(margin, y),
        crate::tr!(
            i18n,
            "change-summary",
            added = marks.added,
            changed = marks.changed,
            removed = marks.removed
        ),
        16.0,
        true,
        theme.text,
        width - 2.0 * margin,
        1,
    ));
    y += 30.0;
    let mut x = margin;
    for (colour, key) in [
        (Mark::Added.colour(), "change-key-added"),
        (Mark::Changed.colour(), "change-key-changed"),
        (REMOVED, "change-key-removed"),
    ] {
        out.push(Shape::Rect {
            rect: Rect {
                min: Point::new(x, y + 1.0),
                max: Point::new(x + 26.0, y + 15.0),
            },
            radius: 3.0,
            fill: None,
            stroke: Some(Line::solid(colour, 3.0)),
        });
        out.push(text(
            Point::new(x + 34.0, y),
            i18n.tr(key),
            theme.small_size,
            false,
            theme.text,
            260.0,
            1,
        ));
        x += 300.0;
    }
    y += ROW + 8.0;
    let shown = marks.notes.len().min(MAX_ROWS);
    for (colour, note) in &marks.notes[..shown] {
        out.push(Shape::Circle {
            center: Point::new(margin + 6.0, y + 8.0),
            radius: 4.0,
            fill: Some(Paint::solid(*colour)),
            stroke: None,
        });
        out.push(text(
            Point::new(margin + 18.0, y),
            note.clone(),
            theme.small_size,
            false,
            theme.text,
            width - 2.0 * margin - 18.0,
            1,
        ));
        y += ROW;
    }
    if marks.notes.len() > shown {
        out.push(text(
            Point::new(margin + 18.0, y),
            crate::tr!(i18n, "change-more", count = marks.notes.len() - shown),
            theme.small_size,
            false,
            theme.text_muted,
            width - 2.0 * margin,
            1,
        ));
        y += ROW;
    }
    (out, y + margin / 2.0)
}

/// The SVG picture of the change from `old` to `new`, and where the map sits on it.
pub fn change_svg(old: &Journey, new: &Journey) -> (String, Page) {
    let theme = Theme::light();
    let i18n = I18n::new(new.language);
    let changes = crate::diff::diff(old, new);
    let marks = marks(&changes, new, &i18n);
    let mut theme = theme;
    theme.card_title_lines = usize::MAX;
    let metrics = crate::scene::fitted(new, &theme, &i18n, false);
    let page = page::page_with(new, crate::layout::layout(new, &metrics), &theme, &i18n);
    let mut writer = SvgWriter::new();
    writer.shapes(&page::compose(new, &page, &theme, &i18n));
    if marks.header {
        let mut shapes = Vec::new();
        let rect = Rect {
            min: Point::new(page::MARGIN, page::MARGIN),
            max: Point::new(page.width - page::MARGIN, page.map_origin.y - 24.0),
        };
        outline(&mut shapes, rect, Mark::Changed, &theme);
        writer.shapes(&shapes);
    }
    writer.begin_group(page.map_origin.x, page.map_origin.y);
    writer.shapes(&map_marks(&marks, &page, &theme));
    writer.end_group();
    let (strip, height) = strip(&marks, page.height, page.width, &theme, &i18n);
    writer.shapes(&strip);
    let title = crate::tr!(i18n, "change-title", title = new.title.as_str());
    (
        writer.finish(page.width, height, Some(theme.background), &title, ""),
        page,
    )
}
