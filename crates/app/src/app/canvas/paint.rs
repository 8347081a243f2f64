//! Renders the shared scene (`crate::scene`) with egui, plus the editor's own chrome:
//! selection outlines, sticky lane labels, the drag ghost. Sizes in the scene are layout
//! units; here they are scaled by the zoom. At small zoom, text too small to read is
//! skipped and strokes keep a minimum width (level of detail).

use super::view::View;
use crate::app::widgets::colour;
use crate::i18n::I18n;
use crate::layout::{Lane, MapLayout, Rect, Slot};
use crate::model::{Stage, Touchpoint};
use crate::scene::{self, Align, Line, Paint, Shape, TextBox};
use crate::theme::Theme;
use egui::epaint::text::LayoutJob;
use egui::{Color32, CornerRadius, FontId, Pos2, Stroke, StrokeKind, Vec2};

/// Dashes and gaps stay at least this long on screen, however far out the zoom.
const MIN_DASH_PX: f32 = 3.0;

/// Text smaller than this many screen pixels is not drawn.
const MIN_TEXT_PX: f32 = 5.5;
/// The least size the blueprint's line names are drawn at on screen.
pub const LINE_LABEL_PX: f32 = 11.0;

fn paint(p: Paint) -> Color32 {
    colour(p.colour).gamma_multiply(p.alpha)
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

    fn pos(&self, p: crate::layout::Point) -> Pos2 {
        self.view.to_screen(self.origin, p)
    }

    pub fn view_rect(&self, r: &Rect) -> egui::Rect {
        self.rect(r)
    }

    fn rect(&self, r: &Rect) -> egui::Rect {
        self.view.rect_to_screen(self.origin, r)
    }

    fn stroke(&self, line: &Line) -> Stroke {
        Stroke::new((line.width * self.view.zoom).max(1.0), paint(line.paint))
    }

    fn radius(&self, r: f32) -> CornerRadius {
        CornerRadius::same((r * self.view.zoom).clamp(0.0, 255.0) as u8)
    }

    pub fn render(&self, shapes: &[Shape]) {
        for (i, shape) in shapes.iter().enumerate() {
            match shape {
                // A label's frame (a pill, a chip) goes with its words: hidden when they
                // are too small to draw, never an empty frame.
                Shape::Rect { rect, .. } if self.empty_frame(rect, shapes.get(i + 1)) => {}
                Shape::Rect {
                    rect,
                    radius,
                    fill,
                    stroke,
                } => self.rect_shape(rect, *radius, fill, stroke),
                Shape::Polyline { points, line } => self.polyline(points, line),
                Shape::Circle {
                    center,
                    radius,
                    fill,
                    stroke,
                } => {
                    let (c, r) = (self.pos(*center), (radius * self.view.zoom).max(2.0));
                    if let Some(fill) = fill {
                        self.egui.circle_filled(c, r, paint(*fill));
                    }
                    if let Some(line) = stroke {
                        self.egui.circle_stroke(c, r, self.stroke(line));
                    }
                }
                Shape::Hatch {
                    rect,
                    line,
                    spacing,
                } => self.hatch(rect, line, *spacing),
                Shape::Area { rect, paint: fill } => {
                    self.rect_shape(rect, 0.0, &Some(*fill), &None);
                }
                Shape::Icon { rect, kind, colour } => {
                    let r = self.rect(rect);
                    if r.width() >= 4.0 {
                        let texture = icon_texture(self.egui.ctx(), *kind);
                        self.egui.image(
                            texture.id(),
                            r,
                            egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                            super::colour(*colour),
                        );
                    }
                }
                Shape::Flow {
                    points, head, line, ..
                } => {
                    self.polyline(points, line);
                    self.polyline(
                        head,
                        &Line {
                            dash: None,
                            ..*line
                        },
                    );
                }
                Shape::Text(text) => self.text(text),
            }
        }
    }

    fn rect_shape(&self, rect: &Rect, radius: f32, fill: &Option<Paint>, stroke: &Option<Line>) {
        let r = self.rect(rect);
        if let Some(fill) = fill {
            self.egui.rect_filled(r, self.radius(radius), paint(*fill));
        }
        match stroke {
            Some(
                line @ Line {
                    dash: Some((dash, gap)),
                    ..
                },
            ) => {
                let corners = [
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                    r.left_top(),
                ];
                let z = self.view.zoom;
                self.egui.extend(egui::Shape::dashed_line(
                    &corners,
                    self.stroke(line),
                    (dash * z).max(MIN_DASH_PX),
                    (gap * z).max(MIN_DASH_PX),
                ));
            }
            Some(line) => {
                self.egui.rect_stroke(
                    r,
                    self.radius(radius),
                    self.stroke(line),
                    StrokeKind::Inside,
                );
            }
            None => {}
        }
    }

    fn polyline(&self, points: &[crate::layout::Point], line: &Line) {
        let screen: Vec<Pos2> = points.iter().map(|p| self.pos(*p)).collect();
        match line.dash {
            Some((dash, gap)) => {
                let z = self.view.zoom;
                self.egui.extend(egui::Shape::dashed_line(
                    &screen,
                    self.stroke(line),
                    (dash * z).max(MIN_DASH_PX),
                    (gap * z).max(MIN_DASH_PX),
                ));
            }
            None => {
                self.egui.add(egui::Shape::line(screen, self.stroke(line)));
            }
        }
    }

    fn hatch(&self, rect: &Rect, line: &Line, spacing: f32) {
        let r = self.rect(rect);
        let clip = self.egui.with_clip_rect(r.intersect(self.egui.clip_rect()));
        let step = (spacing * self.view.zoom).max(6.0);
        let stroke = self.stroke(line);
        let mut x = r.left() - r.height();
        while x < r.right() {
            clip.line_segment(
                [Pos2::new(x, r.bottom()), Pos2::new(x + r.height(), r.top())],
                stroke,
            );
            x += step;
        }
    }

    /// Whether `rect` frames the text that follows it and that text is too small to
    /// draw at this zoom.
    fn empty_frame(&self, rect: &Rect, next: Option<&Shape>) -> bool {
        let Some(Shape::Text(text)) = next else {
            return false;
        };
        text.size * self.view.zoom < MIN_TEXT_PX && rect.contains(text.pos)
    }

    /// The text box's lines, as the text engine broke them (the exports' lines), each
    /// laid out by egui at the zoomed size without wrapping.
    fn text(&self, text: &TextBox) {
        let z = self.view.zoom;
        let px = text.size * z;
        if px < MIN_TEXT_PX || text.text.is_empty() || text.max_width <= 0.0 {
            return;
        }
        let family = if text.bold {
            crate::app::fonts::bold()
        } else {
            egui::FontFamily::Proportional
        };
        let line_height = crate::text::line_height(text.size) * z;
        let mut pos = self.pos(text.pos);
        for line in text.lines() {
            let job = LayoutJob::simple_singleline(
                line,
                FontId::new(px, family.clone()),
                colour(text.colour),
            );
            let galley = self.egui.layout_job(job);
            let mut at = pos;
            match text.align {
                Align::Left => {}
                Align::Center => at.x -= galley.size().x / 2.0,
                Align::Right => at.x -= galley.size().x,
            }
            self.egui.galley(at, galley, colour(text.colour));
            pos.y += line_height;
        }
    }
}

/// Lane names, pinned to the left edge of the canvas while the map scrolls.
pub fn sticky_lane_labels(p: &Painter, layout: &MapLayout, canvas: egui::Rect) {
    let t = p.theme;
    let z = p.view.zoom;
    // The wall has no label column.
    let Some(first) = layout.lanes.first().filter(|l| l.label.width() > 0.0) else {
        return;
    };
    let width = first.label.width() * z;
    let left = p.rect(&layout.bounds).left().max(canvas.left());
    // On the projector the column reaches the canvas's top: the stage before never
    // shows beside the one presented.
    let top = if t.brief {
        canvas.top()
    } else {
        p.rect(&first.label).top()
    };
    let bottom = p.rect(&layout.bounds).bottom();
    let column = egui::Rect::from_min_max(Pos2::new(left, top), Pos2::new(left + width, bottom));
    p.egui
        .rect_filled(column, CornerRadius::ZERO, colour(t.background));
    p.egui.line_segment(
        [column.right_top(), column.right_bottom()],
        Stroke::new(1.0, colour(t.lane_rule)),
    );
    // The scene's labels, shifted to the pinned column; the blueprint's lines keep
    // their names readable (11 px or more) however far the map is zoomed out.
    let mut shapes = Vec::new();
    scene::lane_labels(&mut shapes, layout, t, p.i18n);
    // Zoomed out, the blueprint's line names stay readable: 11 px or more, on their
    // lines, reaching past the column where they must.
    let lines_theme = crate::theme::Theme {
        small_size: t.small_size.max(LINE_LABEL_PX / z),
        ..t.clone()
    };
    scene::blueprint_line_labels(&mut shapes, layout, &lines_theme, p.i18n);
    let shift = (left - p.rect(&layout.bounds).left()) / z;
    for shape in &mut shapes {
        match shape {
            Shape::Text(text) => text.pos.x += shift,
            Shape::Rect { rect, .. } => {
                rect.min.x += shift;
                rect.max.x += shift;
            }
            _ => {}
        }
    }
    p.render(&shapes);
}

/// A blue outline around a selected card or grey area.
pub fn selection_outline(p: &Painter, rect: &Rect, radius: f32) {
    let r = p.rect(rect).expand(3.0);
    p.egui.rect_stroke(
        r,
        p.radius(radius),
        Stroke::new(3.0, colour(p.theme.selection)),
        StrokeKind::Outside,
    );
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
    let dragged = touchpoint.map(|t| &t.id);
    let others: Vec<&Slot> = layout.slots[stage_box.slots.clone()]
        .iter()
        .filter(|s| Some(&s.id) != dragged)
        .collect();
    // The insertion mark: a bar beside the card the drop goes before (or after the
    // last), as tall as that card (the wall stacks cards in rows).
    let cards = view.rect_to_screen(origin, &layout.lane(Lane::Cards).rect);
    let (x, top, bottom) = match (others.get(index), others.last()) {
        (Some(slot), _) => {
            let card = view.rect_to_screen(origin, &slot.card);
            (card.left() - 4.0, card.top(), card.bottom())
        }
        (None, Some(last)) => {
            let card = view.rect_to_screen(origin, &last.card);
            (card.right() + 4.0, card.top(), card.bottom())
        }
        (None, None) => (column.left() + 10.0, cards.top(), cards.bottom()),
    };
    painter.line_segment(
        [Pos2::new(x, top), Pos2::new(x, bottom)],
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
        let font = FontId::new(theme.card_title_size, crate::app::fonts::bold());
        painter.text(
            ghost.min + Vec2::splat(10.0),
            egui::Align2::LEFT_TOP,
            &tp.title,
            font,
            colour(theme.text),
        );
    }
}

/// Pixels each channel icon is rendered at once (drawn smaller or larger, filtered).
const ICON_PIXELS: u32 = 64;

/// A channel kind's icon as a texture, white on transparent (tinted when drawn),
/// rendered the first time it is drawn.
pub(crate) fn icon_texture(
    ctx: &egui::Context,
    kind: crate::model::ChannelKind,
) -> egui::TextureHandle {
    type Icons = std::collections::HashMap<crate::model::ChannelKind, egui::TextureHandle>;
    let id = egui::Id::unique(std::any::TypeId::of::<Icons>());
    if let Some(texture) = ctx.data(|d| d.get_temp::<Icons>(id).and_then(|m| m.get(&kind).cloned()))
    {
        return texture;
    }
    let size = ICON_PIXELS as usize;
    let image = egui::ColorImage::from_rgba_unmultiplied(
        [size, size],
        &crate::icons::rgba(kind, ICON_PIXELS),
    );
    let texture = ctx.load_texture(
        format!("channel-icon-{}", kind.key()),
        image,
        egui::TextureOptions::LINEAR,
    );
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Icons>(id)
            .insert(kind, texture.clone());
    });
    texture
}
