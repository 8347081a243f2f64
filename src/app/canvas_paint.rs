//! Painting the map on screen from the layout, with the theme's tokens. At small zoom
//! cards become plain shapes and unreadable text is skipped (level of detail).

use super::canvas::View;
use crate::i18n::I18n;
use crate::layout::{Lane, MapLayout, Rect, Slot};
use crate::model::{ElementId, Journey, Rgb, Stage, Touchpoint};
use crate::theme::Theme;
use egui::epaint::text::{LayoutJob, TextWrapping};
use egui::{Align2, Color32, CornerRadius, FontId, Pos2, Shape, Stroke, StrokeKind, Vec2};

/// Text smaller than this on screen is not drawn.
const MIN_TEXT_PX: f32 = 5.5;

pub fn colour(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

pub struct Painter<'a> {
    pub egui: egui::Painter,
    pub view: &'a View,
    pub origin: Pos2,
    pub theme: &'a Theme,
    pub i18n: &'a I18n,
}

impl<'a> Painter<'a> {
    pub fn new(
        egui: egui::Painter,
        view: &'a View,
        origin: Pos2,
        theme: &'a Theme,
        i18n: &'a I18n,
    ) -> Self {
        Self {
            egui,
            view,
            origin,
            theme,
            i18n,
        }
    }

    fn rect(&self, r: &Rect) -> egui::Rect {
        self.view.rect_to_screen(self.origin, r)
    }

    fn zoom(&self) -> f32 {
        self.view.zoom
    }

    /// Wrapped text in a box, at most `max_rows` rows, ending in "…" when cut.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        pos: Pos2,
        text: &str,
        size: f32,
        color: Rgb,
        bold: bool,
        width: f32,
        max_rows: usize,
    ) -> f32 {
        let px = size * self.zoom();
        if px < MIN_TEXT_PX || text.is_empty() || width <= 0.0 {
            return 0.0;
        }
        let family = if bold {
            super::fonts::bold()
        } else {
            egui::FontFamily::Proportional
        };
        let mut job = LayoutJob::simple(
            text.to_owned(),
            FontId::new(px, family),
            colour(color),
            width,
        );
        job.wrap = TextWrapping {
            max_width: width,
            max_rows,
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        let galley = self.egui.layout_job(job);
        let height = galley.size().y;
        self.egui.galley(pos, galley, colour(color));
        height
    }
}

pub fn background(p: &Painter, layout: &MapLayout, journey: &Journey, visible: &Rect) {
    let t = p.theme;
    p.egui
        .rect_filled(p.egui.clip_rect(), CornerRadius::ZERO, colour(t.background));
    let z = p.zoom();
    for (i, stage_box) in layout.stages.iter().enumerate() {
        if !stage_box.column.intersects(visible) {
            continue;
        }
        p.egui.rect_filled(
            p.rect(&stage_box.column),
            CornerRadius::ZERO,
            colour(t.stage_fill[i % 2]),
        );
        let header = p.rect(&stage_box.header).shrink(2.0 * z);
        p.egui.rect_filled(
            header,
            CornerRadius::same((6.0 * z) as u8),
            colour(t.stage_header_fill),
        );
        let pad = 12.0 * z;
        let name = p.i18n.term("stage", stage_box.stage.key());
        let used = p.text(
            header.min + Vec2::splat(pad),
            &name,
            t.stage_size,
            t.stage_header_text,
            true,
            header.width() - 60.0 * z,
            1,
        );
        if let Some(notes) = journey.stages.get(&stage_box.stage) {
            let goal = if notes.goal.is_empty() {
                &notes.doing
            } else {
                &notes.goal
            };
            let pos = header.min + Vec2::new(pad, pad + used + 4.0 * z);
            p.text(
                pos,
                goal,
                t.small_size,
                t.stage_header_text,
                false,
                header.width() - 2.0 * pad,
                2,
            );
        }
    }
    for lane in &layout.lanes {
        let y = p.rect(&lane.rect).bottom() + layout_gap(p) / 2.0;
        let x0 = p.rect(&layout.bounds).left();
        let x1 = p.rect(&layout.bounds).right();
        p.egui.line_segment(
            [Pos2::new(x0, y), Pos2::new(x1, y)],
            Stroke::new(1.0, colour(t.lane_rule)),
        );
    }
}

fn layout_gap(p: &Painter) -> f32 {
    p.theme.metrics.lane_gap * p.zoom()
}

/// Lane names, pinned to the left edge of the canvas while the map scrolls.
pub fn lane_labels(p: &Painter, layout: &MapLayout, canvas: egui::Rect) {
    let t = p.theme;
    let width = t.metrics.lane_label_width * p.zoom();
    let left = p.rect(&layout.bounds).left().max(canvas.left());
    let top = p.rect(&layout.lanes[0].label).top();
    let bottom = p.rect(&layout.bounds).bottom();
    let column = egui::Rect::from_min_max(Pos2::new(left, top), Pos2::new(left + width, bottom));
    p.egui
        .rect_filled(column, CornerRadius::ZERO, colour(t.background));
    p.egui.line_segment(
        [column.right_top(), column.right_bottom()],
        Stroke::new(1.0, colour(t.lane_rule)),
    );
    for lane in &layout.lanes {
        let row = p.rect(&lane.label);
        let pos = Pos2::new(left + 10.0 * p.zoom(), row.top() + 8.0 * p.zoom());
        let name = p.i18n.term("lane", lane.lane.key());
        p.text(
            pos,
            &name,
            t.body_size,
            t.lane_label_text,
            true,
            width - 16.0 * p.zoom(),
            3,
        );
    }
}

pub fn grey_areas(
    p: &Painter,
    layout: &MapLayout,
    journey: &Journey,
    visible: &Rect,
    selection: &[ElementId],
) {
    let t = p.theme;
    for band in layout
        .grey_areas
        .iter()
        .filter(|b| b.band.intersects(visible))
    {
        let rect = p.rect(&band.band);
        let fill = colour(t.grey_area_fill(band.severity));
        p.egui.rect_filled(
            rect,
            CornerRadius::same((4.0 * p.zoom()) as u8),
            fill.gamma_multiply(0.28),
        );
        // Hatching: diagonal stripes make the band unmistakable even in greyscale.
        let step = (14.0 * p.zoom()).max(6.0);
        let stroke = Stroke::new((2.0 * p.zoom()).max(1.0), fill.gamma_multiply(0.55));
        let clip = p.egui.with_clip_rect(rect.intersect(p.egui.clip_rect()));
        let mut x = rect.left() - rect.height();
        while x < rect.right() {
            clip.line_segment(
                [
                    Pos2::new(x, rect.bottom()),
                    Pos2::new(x + rect.height(), rect.top()),
                ],
                stroke,
            );
            x += step;
        }
        let selected = selection.contains(&ElementId::GreyArea(band.id.clone()));
        let edge = if selected {
            Stroke::new(3.0, colour(t.selection))
        } else {
            Stroke::new((2.0 * p.zoom()).max(1.0), fill)
        };
        p.egui.rect_stroke(
            rect,
            CornerRadius::same((4.0 * p.zoom()) as u8),
            edge,
            StrokeKind::Inside,
        );
        // Severity badge at the top of the band.
        let badge_center = Pos2::new(rect.center().x, rect.top() + 14.0 * p.zoom());
        p.egui.circle_filled(badge_center, 11.0 * p.zoom(), fill);
        if 12.0 * p.zoom() >= MIN_TEXT_PX {
            p.egui.text(
                badge_center,
                Align2::CENTER_CENTER,
                "!",
                FontId::new(14.0 * p.zoom(), super::fonts::bold()),
                Color32::WHITE,
            );
        }
        if let Some(grey) = journey.grey_area(&band.id) {
            let severity = p.i18n.term("severity", grey.severity.key());
            let label_pos = Pos2::new(
                rect.left() + 3.0 * p.zoom(),
                rect.bottom() - 18.0 * p.zoom(),
            );
            p.text(
                label_pos,
                &severity,
                t.small_size,
                t.text,
                true,
                rect.width() - 4.0 * p.zoom(),
                1,
            );
        }
    }
}

pub fn emotion_curve(p: &Painter, layout: &MapLayout, slots: std::ops::Range<usize>) {
    let t = p.theme;
    let lane = p.rect(&layout.lane(Lane::Emotion).rect);
    let neutral = p
        .view
        .to_screen(p.origin, crate::layout::Point::new(0.0, layout.neutral_y))
        .y;
    let dash = Shape::dashed_line(
        &[
            Pos2::new(lane.left(), neutral),
            Pos2::new(lane.right(), neutral),
        ],
        Stroke::new(1.5, colour(t.emotion_neutral_line)),
        8.0,
        6.0,
    );
    p.egui.extend(dash);
    // One point either side of the visible range keeps the line continuous at the edges.
    let start = slots.start.saturating_sub(1);
    let end = (slots.end + 1).min(layout.slots.len());
    let points: Vec<(Pos2, &Slot)> = layout.slots[start..end]
        .iter()
        .filter_map(|s| s.emotion.map(|e| (p.view.to_screen(p.origin, e), s)))
        .collect();
    let line: Vec<Pos2> = points.iter().map(|(pos, _)| *pos).collect();
    if line.len() >= 2 {
        p.egui.add(Shape::line(
            line,
            Stroke::new((3.0 * p.zoom()).max(1.5), colour(t.emotion_line)),
        ));
    }
    let radius = (7.0 * p.zoom()).max(2.5);
    for (pos, slot) in &points {
        let fill = colour(t.emotion_colour(slot.score.unwrap_or(0)));
        if slot.is_low {
            p.egui.circle_stroke(
                *pos,
                radius * 2.0,
                Stroke::new((2.5 * p.zoom()).max(1.0), colour(t.emotion_low_marker)),
            );
        }
        p.egui.circle_filled(*pos, radius, fill);
        p.egui
            .circle_stroke(*pos, radius, Stroke::new(1.5, Color32::WHITE));
    }
}

pub fn touchpoint(p: &Painter, journey: &Journey, slot: &Slot, tp: &Touchpoint, selected: bool) {
    let t = p.theme;
    let z = p.zoom();
    let card = p.rect(&slot.card);
    let rounding = CornerRadius::same((t.metrics.card_rounding * z) as u8);
    let channel = tp.channel.as_ref().and_then(|c| journey.channel(c));
    let channel_colour = channel.map_or(t.card_border, |c| c.colour);
    p.egui.rect_filled(card, rounding, colour(t.card_fill));
    let strip = egui::Rect::from_min_size(card.min, Vec2::new(card.width(), (7.0 * z).max(2.0)));
    p.egui.rect_filled(
        strip,
        CornerRadius {
            nw: rounding.nw,
            ne: rounding.ne,
            sw: 0,
            se: 0,
        },
        colour(channel_colour),
    );
    if tp.evidence.is_empty() {
        // An assumption: dashed amber outline and a tag.
        let corners = [
            card.left_top(),
            card.right_top(),
            card.right_bottom(),
            card.left_bottom(),
            card.left_top(),
        ];
        p.egui.extend(Shape::dashed_line(
            &corners,
            Stroke::new((2.0 * z).max(1.0), colour(t.no_evidence)),
            6.0 * z,
            4.0 * z,
        ));
    } else {
        p.egui.rect_stroke(
            card,
            rounding,
            Stroke::new(1.0, colour(t.card_border)),
            StrokeKind::Inside,
        );
    }
    if selected {
        p.egui.rect_stroke(
            card.expand(3.0),
            rounding,
            Stroke::new(3.0, colour(t.selection)),
            StrokeKind::Outside,
        );
    }
    if t.card_title_size * z < MIN_TEXT_PX {
        return;
    }
    let pad = 10.0 * z;
    let width = card.width() - 2.0 * pad;
    let mut y = card.top() + pad + 4.0 * z;
    y += p.text(
        Pos2::new(card.left() + pad, y),
        &tp.title,
        t.card_title_size,
        t.text,
        true,
        width - if tp.key_moment { 16.0 * z } else { 0.0 },
        3,
    );
    let meta: Vec<&str> = [
        channel.map(|c| c.name.as_str()),
        tp.department
            .as_ref()
            .and_then(|d| journey.department(d))
            .map(|d| d.name.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    p.text(
        Pos2::new(card.left() + pad, y + 4.0 * z),
        &meta.join(" · "),
        t.small_size,
        t.text_muted,
        false,
        width,
        1,
    );
    if tp.key_moment {
        p.egui.text(
            Pos2::new(card.right() - pad, card.top() + pad + 4.0 * z),
            Align2::RIGHT_TOP,
            "★",
            FontId::proportional(14.0 * z),
            colour(t.key_moment),
        );
    }
    let bottom = card.bottom() - pad - t.small_size * z;
    if let Some(emotion) = &tp.emotion {
        let text = format!("{:+} {}", emotion.score, emotion.word).replace("+0", "0");
        p.text(
            Pos2::new(card.left() + pad, bottom),
            &text,
            t.small_size,
            t.emotion_colour(emotion.score),
            true,
            width / 2.0,
            1,
        );
    }
    if tp.evidence.is_empty() {
        let tag = p.i18n.tr("tag-assumption");
        let galley_width = width / 2.0;
        p.text(
            Pos2::new(card.right() - pad - galley_width, bottom),
            &tag,
            t.small_size,
            t.no_evidence,
            true,
            galley_width,
            1,
        );
    }
    lanes_below(p, journey, slot, tp);
}

/// The doing/thinking, pain points and opportunities, and department lanes of a slot.
fn lanes_below(p: &Painter, journey: &Journey, slot: &Slot, tp: &Touchpoint) {
    let t = p.theme;
    let z = p.zoom();
    let pad = 6.0 * z;
    let doing = p.rect(&slot.doing);
    let mut y = doing.top() + pad;
    y += p.text(
        Pos2::new(doing.left() + pad, y),
        &tp.action,
        t.body_size,
        t.text,
        false,
        doing.width() - 2.0 * pad,
        3,
    );
    if !tp.thought.is_empty() {
        let thought = format!("“{}”", tp.thought);
        p.text(
            Pos2::new(doing.left() + pad, y + 4.0 * z),
            &thought,
            t.body_size,
            t.text_muted,
            false,
            doing.width() - 2.0 * pad,
            3,
        );
    }
    let pains = p.rect(&slot.pains);
    let mut y = pains.top() + pad;
    let items = tp
        .pain_points
        .iter()
        .map(|s| (s.as_str(), t.pain_point, "–"));
    let opportunities = journey
        .opportunities_for(&tp.id)
        .map(|o| (o.idea.as_str(), t.opportunity, "+"));
    for (text, color, mark) in items.chain(opportunities) {
        if y > pains.bottom() - t.body_size * z {
            break;
        }
        let line = format!("{mark} {text}");
        y += p.text(
            Pos2::new(pains.left() + pad, y),
            &line,
            t.body_size,
            color,
            false,
            pains.width() - 2.0 * pad,
            2,
        ) + 3.0 * z;
    }
    if let Some(department) = tp.department.as_ref().and_then(|d| journey.department(d)) {
        let chip = p.rect(&slot.department).shrink(4.0 * z);
        p.egui.rect_filled(
            chip,
            CornerRadius::same((chip.height() / 2.0).min(255.0) as u8),
            colour(department.colour).gamma_multiply(0.35),
        );
        p.text(
            chip.min + Vec2::new(10.0 * z, 4.0 * z),
            &department.name,
            t.small_size,
            t.text,
            true,
            chip.width() - 14.0 * z,
            1,
        );
    }
}

/// The card under the pointer while dragging, and where it will land.
#[allow(clippy::too_many_arguments)]
pub fn drag_ghost(
    painter: &egui::Painter,
    ghost: egui::Rect,
    theme: &Theme,
    touchpoint: Option<&Touchpoint>,
    layout: &MapLayout,
    stage: Stage,
    index: usize,
    view: &View,
    origin: Pos2,
) {
    let stage_box = &layout.stages[stage.index()];
    let column = view.rect_to_screen(origin, &stage_box.column);
    painter.rect_stroke(
        column.shrink(2.0),
        CornerRadius::same(6),
        Stroke::new(2.0, colour(theme.selection)),
        StrokeKind::Inside,
    );
    let others: Vec<&Slot> = layout.slots[stage_box.slots.clone()]
        .iter()
        .filter(|s| Some(&s.id) != touchpoint.map(|t| &t.id))
        .collect();
    let x = match others.get(index) {
        Some(slot) => view.rect_to_screen(origin, &slot.card).left() - 4.0,
        None => others.last().map_or(column.left() + 10.0, |s| {
            view.rect_to_screen(origin, &s.card).right() + 4.0
        }),
    };
    let card_row = view.rect_to_screen(origin, &layout.lane(Lane::Cards).rect);
    painter.line_segment(
        [
            Pos2::new(x, card_row.top()),
            Pos2::new(x, card_row.bottom()),
        ],
        Stroke::new(4.0, colour(theme.selection)),
    );
    painter.rect_filled(
        ghost,
        CornerRadius::same(8),
        colour(theme.card_fill).gamma_multiply(0.85),
    );
    painter.rect_stroke(
        ghost,
        CornerRadius::same(8),
        Stroke::new(2.0, colour(theme.selection)),
        StrokeKind::Inside,
    );
    if let Some(tp) = touchpoint {
        painter.text(
            ghost.min + Vec2::splat(10.0),
            Align2::LEFT_TOP,
            &tp.title,
            FontId::new(14.0, super::fonts::bold()),
            colour(theme.text),
        );
    }
}
