//! The published page (`journeymap export map.ron -o map.html`): one self-contained HTML
//! file anyone can open, offline. Its map is the SVG writer's output of the one
//! composition (the same picture as the PNG and PDF), with the bundled faces the text
//! needs embedded, so the words fit their boxes as measured. A little inline script
//! pans and zooms, shows a card's, grey area's or step's whole text, evidence and
//! photos when it is clicked (from the layout's own rectangles: no second layout), and
//! switches the blueprint lanes and extra curves (each combination is the composition
//! drawn again, not hidden by script). It prints the A3 poster.
//!
//! Nothing leaves the page: no external script, style, font, image or frame, and a
//! Content-Security-Policy that allows only this page's one style and one script (by
//! hash) and `data:` fonts and images. Every journey text is escaped for where it goes:
//! HTML text and attributes, and JSON in a script (where `</script>` must not end it).
//! Photos are embedded only when they are regular files inside the journey's folder,
//! decoded and re-encoded, within `MAX_PHOTO_BYTES`; any other is named in a warning.

use super::{ExportOptions, Page, PageSize, Paper, compose, page_of};
use crate::i18n::I18n;
use crate::layout::Rect;
use crate::model::{ElementKind, Evidence, Journey, Step, Touchpoint};
use base64::Engine;
use serde_json::{Value, json};
use std::path::Path;

/// The largest photo file embedded, in bytes.
pub const MAX_PHOTO_BYTES: u64 = 8 * 1024 * 1024;
/// Photos are re-encoded at most this many pixels on their longer side.
pub const MAX_PHOTO_SIDE: u32 = 1600;

/// The page and what was left out of it.
#[derive(Debug)]
pub struct Published {
    pub html: String,
    /// Photos that were not embedded, each with why, in the person's words.
    pub warnings: Vec<String>,
}

const SCRIPT: &str = include_str!("html/page.js");
const STYLE: &str = include_str!("html/page.css");

pub use super::web::escape;

/// JSON that can sit inside `<script>`: no `<`, `>` or `&` (so no `</script>` or
/// `<!--`), no line separators JavaScript once took for line ends.
pub fn script_json(value: &Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".to_owned())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

fn data_url(mime: &str, bytes: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The `@font-face` rules of the bundled faces the page's text needs: Inter always,
/// each fallback when some character of `text` needs it.
fn font_faces(text: &str) -> String {
    use skrifa::MetadataProvider;
    let mut css = String::new();
    let mut face = |family: &str, bytes: &[u8], bold: bool| {
        let mime = if bytes.starts_with(b"OTTO") {
            "font/otf"
        } else {
            "font/ttf"
        };
        css.push_str(&format!(
            "@font-face{{font-family:'{family}';font-weight:{};src:url({}) format('{}')}}\n",
            if bold { 700 } else { 400 },
            data_url(mime, bytes),
            if mime == "font/otf" {
                "opentype"
            } else {
                "truetype"
            }
        ));
    };
    face(crate::fonts::FAMILY, crate::fonts::INTER_REGULAR, false);
    face(crate::fonts::FAMILY, crate::fonts::INTER_BOLD, true);
    let inter = skrifa::FontRef::new(crate::fonts::INTER_REGULAR).ok();
    let needs_fallback = |c: &char| {
        !c.is_whitespace() && inter.as_ref().is_none_or(|f| f.charmap().map(*c).is_none())
    };
    let missing: Vec<char> = text.chars().filter(needs_fallback).collect();
    for (family, regular, bold) in crate::fonts::FALLBACKS {
        let Ok(font) = skrifa::FontRef::new(regular) else {
            continue;
        };
        if missing.iter().any(|c| font.charmap().map(*c).is_some()) {
            face(family, regular, false);
            if let Some(bold) = bold {
                face(family, bold, true);
            }
        }
    }
    css
}

/// A photo as a `data:` image: a regular file inside `folder` (no link), no larger than
/// `MAX_PHOTO_BYTES`, that decodes as an image; re-encoded (JPEG, or PNG with
/// transparency), at most `MAX_PHOTO_SIDE` pixels on a side. Else why not.
fn photo(folder: &Path, relative: &str) -> Result<String, String> {
    let path = crate::format::resolve_attachment(folder, relative)
        .map_err(|_| "it is not a file inside the journey's folder".to_owned())?;
    let joined = folder.join(relative);
    let link = std::fs::symlink_metadata(&joined)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(true);
    if link {
        return Err("it is a link, not a file of the journey's folder".to_owned());
    }
    let bytes = crate::format::read_regular(&path, MAX_PHOTO_BYTES).map_err(|e| e.to_string())?;
    let image = image::load_from_memory(&bytes).map_err(|_| "it is not an image".to_owned())?;
    let image = if image.width().max(image.height()) > MAX_PHOTO_SIDE {
        image.thumbnail(MAX_PHOTO_SIDE, MAX_PHOTO_SIDE)
    } else {
        image
    };
    let mut out = std::io::Cursor::new(Vec::new());
    if image.color().has_alpha() {
        image
            .write_to(&mut out, image::ImageFormat::Png)
            .map_err(|e| e.to_string())?;
        Ok(data_url("image/png", out.get_ref()))
    } else {
        image
            .to_rgb8()
            .write_to(&mut out, image::ImageFormat::Jpeg)
            .map_err(|e| e.to_string())?;
        Ok(data_url("image/jpeg", out.get_ref()))
    }
}

/// The photos of a page, each embedded once however many elements cite it: its
/// `data:` URL under a key, the evidence naming the key.
struct Photos<'a> {
    folder: Option<&'a Path>,
    /// Each attachment path met, and its key (`None`: left out, already said why).
    seen: foldhash::HashMap<String, Option<String>>,
    /// Key and `data:` URL, in the order first met.
    urls: serde_json::Map<String, Value>,
    warnings: Vec<String>,
}

impl Photos<'_> {
    /// The key of `attachment` of evidence `owner`, embedding it the first time.
    fn key(&mut self, owner: &str, attachment: &str) -> Option<String> {
        if let Some(seen) = self.seen.get(attachment) {
            return seen.clone();
        }
        let embedded = match self.folder {
            Some(folder) => photo(folder, attachment),
            None => Err("the journey's folder is not known".to_owned()),
        };
        let key = match embedded {
            Ok(url) => {
                let key = format!("photo-{}", self.urls.len() + 1);
                self.urls.insert(key.clone(), Value::String(url));
                Some(key)
            }
            Err(why) => {
                self.warnings.push(format!(
                    "photo {attachment} of evidence {owner} left out of the page: {why}"
                ));
                None
            }
        };
        self.seen.insert(attachment.to_owned(), key.clone());
        key
    }
}

/// What the page says about one piece of evidence.
fn evidence_item(e: &Evidence, i18n: &I18n, photos: &mut Photos<'_>) -> Value {
    let source = e.source.trim();
    let link = (source.starts_with("https://") || source.starts_with("http://"))
        .then(|| source.to_owned());
    let keys: Vec<String> = e
        .attachments
        .iter()
        .filter_map(|attachment| photos.key(e.id.as_str(), attachment))
        .collect();
    json!({
        "kind": i18n.term("evidence-kind", e.kind.key()),
        "text": e.text,
        "metric": crate::words::metric_line(e, i18n),
        "source": source,
        "link": link,
        "date": e.date,
        "confidence": i18n.term("confidence", e.confidence.key()),
        "photos": keys,
    })
}

fn line(label: String, text: impl Into<String>) -> Option<Value> {
    let text = text.into();
    (!text.trim().is_empty()).then(|| json!([label, text]))
}

fn details(journey: &Journey, i18n: &I18n, photos: &mut Photos<'_>) -> Value {
    let mut items = serde_json::Map::new();
    let evidence_of = |ids: &[crate::model::EvidenceId], photos: &mut Photos<'_>| -> Vec<Value> {
        ids.iter()
            .filter_map(|id| journey.evidence_item(id))
            .map(|e| evidence_item(e, i18n, photos))
            .collect()
    };
    let tr = |id: &str| i18n.tr(id);
    for t in &journey.touchpoints {
        items.insert(
            key(ElementKind::Touchpoint, t.id.as_str()),
            touchpoint(journey, t, i18n, evidence_of(&t.evidence, photos)),
        );
    }
    let numbers = journey.grey_area_numbers();
    for (index, g) in journey.grey_areas.iter().enumerate() {
        let mut lines: Vec<Option<Value>> = vec![
            line(tr("field-grey-kind"), i18n.term("grey-kind", g.kind.key())),
            line(
                tr("field-severity"),
                i18n.term("severity", g.severity.key()),
            ),
            line(tr("field-status"), i18n.term("grey-status", g.status.key())),
            line(tr("field-experience"), g.experience.clone()),
            line(tr("field-fix"), g.fix.clone()),
            line(tr("field-owner"), g.owner.clone()),
        ];
        let names =
            |ids: Vec<Option<&str>>| ids.into_iter().flatten().collect::<Vec<_>>().join(", ");
        lines.push(line(
            tr("field-departments"),
            names(
                g.departments
                    .iter()
                    .map(|d| journey.department(d).map(|d| d.name.as_str()))
                    .collect(),
            ),
        ));
        lines.push(line(
            tr("field-channels"),
            names(
                g.channels
                    .iter()
                    .map(|c| journey.channel(c).map(|c| c.name.as_str()))
                    .collect(),
            ),
        ));
        items.insert(
            key(ElementKind::GreyArea, g.id.as_str()),
            json!({
                "kind": tr("element-grey-areas"),
                "title": format!("{}. {}", numbers.get(index).copied().unwrap_or(0), crate::words::grey_area_title(journey, g, i18n)),
                "between": crate::words::grey_area_between(journey, g, i18n),
                "lines": lines.into_iter().flatten().collect::<Vec<_>>(),
                "opportunities": opportunities(journey, i18n, |o| matches!(&o.target, crate::model::OpportunityTarget::GreyArea(id) if *id == g.id)),
                "evidence": evidence_of(&g.evidence, photos),
            }),
        );
    }
    for s in &journey.steps {
        items.insert(
            key(ElementKind::Step, s.id.as_str()),
            step(journey, s, i18n, evidence_of(&s.evidence, photos)),
        );
    }
    Value::Object(items)
}

/// A small picture of the whole page (stages, cards, grey areas) with a frame where
/// the view is: a click on it brings that part into view.
fn minimap_svg(page: &Page, width: f32, height: f32) -> String {
    let mut shapes = String::new();
    let rect = |r: &Rect, class: &str| {
        let min = page.on_page(r.min);
        format!(
            "<rect class=\"{class}\" x=\"{:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"{:.0}\"/>",
            min.x,
            min.y,
            r.width().max(1.0),
            r.height().max(1.0)
        )
    };
    for s in &page.layout.stages {
        shapes.push_str(&rect(&s.column, "m-stage"));
    }
    for slot in &page.layout.slots {
        shapes.push_str(&rect(&slot.card, "m-card"));
    }
    for g in page.layout.grey_areas.iter().filter(|g| g.neighbours) {
        shapes.push_str(&rect(&g.band, "m-grey"));
    }
    format!(
        "<svg id=\"minimap\" aria-hidden=\"true\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" preserveAspectRatio=\"xMinYMin meet\">{shapes}<rect id=\"mini-view\" x=\"0\" y=\"0\" width=\"0\" height=\"0\"/></svg>"
    )
}

fn opportunities(
    journey: &Journey,
    i18n: &I18n,
    on: impl Fn(&crate::model::Opportunity) -> bool,
) -> Vec<String> {
    journey
        .opportunities
        .iter()
        .filter(|o| on(o))
        .map(|o| {
            let status = i18n.term("opportunity-status", o.status.key());
            [o.idea.trim(), o.owner.trim(), status.as_str()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .collect()
}

fn touchpoint(journey: &Journey, t: &Touchpoint, i18n: &I18n, evidence: Vec<Value>) -> Value {
    let tr = |id: &str| i18n.tr(id);
    let emotion = t.emotion.as_ref().map(|e| {
        let meaning = i18n.tr(&format!("emotion-score-{}", e.score));
        if e.word.trim().is_empty() {
            format!("{:+} {meaning}", e.score).replace("+0", "0")
        } else {
            format!("{:+} {meaning} · {}", e.score, e.word.trim()).replace("+0", "0")
        }
    });
    let lines: Vec<Value> = [
        line(tr("field-stage"), i18n.stage_name(journey, t.stage)),
        line(
            tr("field-channel"),
            t.channel
                .as_ref()
                .and_then(|c| journey.channel(c))
                .map(|c| c.name.clone())
                .unwrap_or_default(),
        ),
        line(
            tr("field-department"),
            t.department
                .as_ref()
                .and_then(|d| journey.department(d))
                .map(|d| d.name.clone())
                .unwrap_or_default(),
        ),
        line(tr("field-description"), t.description.clone()),
        line(tr("field-action"), t.action.clone()),
        line(tr("field-thought"), t.thought.clone()),
        line(tr("field-expectation"), t.expectation.clone()),
        line(tr("field-physical-evidence"), t.physical_evidence.clone()),
        line(tr("field-emotion"), emotion.unwrap_or_default()),
        line(
            tr("field-key-moment"),
            if t.key_moment {
                tr("yes")
            } else {
                String::new()
            },
        ),
        line(
            tr("field-deviation"),
            t.deviation
                .map(|d| i18n.term("deviation", d.key()))
                .unwrap_or_default(),
        ),
        line(tr("field-pain-points"), t.pain_points.join("\n")),
    ]
    .into_iter()
    .flatten()
    .collect();
    json!({
        "kind": tr("element-touchpoints"),
        "title": t.title,
        "lines": lines,
        "opportunities": opportunities(journey, i18n, |o| matches!(&o.target, crate::model::OpportunityTarget::Touchpoint(id) if *id == t.id)),
        "evidence": evidence,
    })
}

fn step(journey: &Journey, s: &Step, i18n: &I18n, evidence: Vec<Value>) -> Value {
    let tr = |id: &str| i18n.tr(id);
    let (actor, time) = crate::words::step_facts(journey, s, i18n);
    let serves: Vec<&str> = s
        .serves
        .iter()
        .filter_map(|t| journey.touchpoint(t).map(|t| t.title.as_str()))
        .collect();
    let lines: Vec<Value> = [
        line(tr("field-stage"), i18n.stage_name(journey, s.stage)),
        line(
            tr("field-lane"),
            i18n.term("lane", crate::layout::Lane::of(s.lane).key()),
        ),
        line(tr("field-actor"), actor.unwrap_or_default()),
        line(tr("field-duration"), time.unwrap_or_default()),
        line(tr("field-description"), s.description.clone()),
        line(tr("field-serves"), serves.join(" · ")),
        line(
            tr("field-fail-point"),
            if s.fail_point {
                tr("yes")
            } else {
                String::new()
            },
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    json!({
        "kind": tr("element-steps"),
        "title": s.title,
        "lines": lines,
        "opportunities": Vec::<String>::new(),
        "evidence": evidence,
    })
}

/// What the page keys an element's details and hit areas by: its kind and its id
/// (`touchpoints:tp-3`), so an element is never shown another kind's details.
fn key(kind: ElementKind, id: &str) -> String {
    format!("{}:{id}", kind.key())
}

/// The transparent rectangles over the map that a click selects: each card, grey area
/// (band and callout) and step, where the layout put it on the page.
fn hits(page: &Page, journey: &Journey) -> String {
    let mut out = String::new();
    let mut rect = |r: &Rect, id: &str, label: &str| {
        let min = page.on_page(r.min);
        out.push_str(&format!(
            "<rect class=\"hit\" data-id=\"{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"><title>{}</title></rect>",
            escape(id),
            min.x,
            min.y,
            r.width().max(1.0),
            r.height().max(1.0),
            escape(label)
        ));
    };
    for slot in &page.layout.slots {
        if let Some(t) = journey.touchpoints.get(slot.index) {
            rect(
                &slot.card,
                &key(ElementKind::Touchpoint, t.id.as_str()),
                &t.title,
            );
        }
    }
    for step in &page.layout.steps {
        if let Some(s) = journey.steps.get(step.index) {
            rect(&step.rect, &key(ElementKind::Step, s.id.as_str()), &s.title);
        }
    }
    for grey in &page.layout.grey_areas {
        if let Some(g) = journey.grey_areas.get(grey.index) {
            let id = key(ElementKind::GreyArea, g.id.as_str());
            rect(&grey.band, &id, &g.title);
            rect(&grey.callout, &id, &g.title);
        }
    }
    out
}

/// The page of `journey`; photos are looked for in `folder` (the journey file's).
pub fn publish(journey: &Journey, folder: Option<&Path>, options: &ExportOptions) -> Published {
    let i18n = I18n::new(journey.language);
    let mut photos = Photos {
        folder,
        seen: foldhash::HashMap::default(),
        urls: serde_json::Map::new(),
        warnings: Vec::new(),
    };
    let data = details(journey, &i18n, &mut photos);
    let Photos {
        urls: photo_urls,
        warnings,
        ..
    } = photos;
    let has_steps = !journey.steps.is_empty() && options.blueprint;
    let has_curves = !journey.curves.is_empty();
    // Each combination of the switches is the composition drawn again.
    let mut variants = String::new();
    let mut minimap = String::new();
    let mut all_text = String::new();
    for blueprint in [true, false] {
        if !blueprint && !has_steps {
            continue;
        }
        for curves in [true, false] {
            if !curves && !has_curves {
                continue;
            }
            let mut shown = journey.clone();
            if !curves {
                shown.curves.clear();
                for t in &mut shown.touchpoints {
                    t.scores.clear();
                }
            }
            let options = ExportOptions {
                paper: None,
                slides: false,
                blueprint: blueprint && has_steps,
                ..*options
            };
            let picture = compose(&shown, &options);
            let page = page_of(&shown, &options);
            for shape in &picture.shapes {
                if let crate::scene::Shape::Text(t) = shape {
                    all_text.push_str(&t.text);
                }
            }
            let first = variants.is_empty();
            // Where each stage's column starts and the map's top, on the page: the page
            // opens on the first stage and its tabs go to the others.
            let stages: Vec<String> = page
                .layout
                .stages
                .iter()
                .map(|s| format!("{:.0}", page.on_page(s.column.min).x))
                .collect();
            if first {
                minimap = minimap_svg(&page, picture.width, picture.height);
            }
            variants.push_str(&format!(
                "<div class=\"variant\" data-blueprint=\"{}\" data-curves=\"{}\" data-stages=\"{}\" data-top=\"{:.0}\" data-left=\"{:.0}\"{}><div class=\"sheet\">{svg}<svg class=\"hits\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">{hits}</svg></div></div>\n",
                u8::from(blueprint && has_steps),
                u8::from(curves && has_curves),
                stages.join(" "),
                page.map_origin.y,
                page.map_origin.x,
                if first { "" } else { " hidden" },
                w = picture.width,
                h = picture.height,
                svg = picture.svg(),
                hits = hits(&page, &shown),
            ));
        }
    }
    // The poster for print: A3 landscape, the sheet plan's own arrangement.
    let poster = compose(
        journey,
        &ExportOptions {
            paper: Some(Paper {
                size: PageSize::A3,
                portrait: false,
            }),
            slides: false,
            ..*options
        },
    );
    for shape in &poster.shapes {
        if let crate::scene::Shape::Text(t) = shape {
            all_text.push_str(&t.text);
        }
    }
    // The page's own colours are the theme's, as the picture's are.
    let theme = super::export_theme(options);
    let colours = format!(
        ":root{{--ink:{};--muted:{};--rule:{};--rule-strong:{};--pain:{};--opportunity:{};--badge:{}}}",
        theme.text,
        theme.text_muted,
        theme.lane_rule,
        theme.stage_rule,
        theme.pain_point,
        theme.opportunity,
        theme.grey_area_fill(crate::model::Severity::Critical),
    );
    let style = format!("{}{STYLE}{colours}", font_faces(&all_text));
    let words = json!({
        "close": i18n.tr("html-close"),
        "evidence": i18n.tr("kinds-evidence"),
        "opportunities": i18n.tr("kinds-opportunities"),
        "source": i18n.tr("field-source"),
    });
    let toggle = |id: &str, label: &str, shown: bool| {
        if shown {
            format!(
                "<label><input type=\"checkbox\" id=\"{id}\" checked> {}</label>",
                escape(label)
            )
        } else {
            String::new()
        }
    };
    // The grey areas by number, as the map numbers them, one tap from their details.
    let numbers = journey.grey_area_numbers();
    let mut by_number: Vec<(usize, &crate::model::GreyArea)> =
        numbers.iter().copied().zip(&journey.grey_areas).collect();
    by_number.sort_by_key(|(n, _)| *n);
    let grey_list = if by_number.is_empty() {
        String::new()
    } else {
        let items: String = by_number
            .iter()
            .map(|(n, g)| {
                format!(
                    "<li value=\"{n}\"><button type=\"button\" class=\"open\" data-id=\"{id}\">{n}. {title} · {severity}</button></li>",
                    id = escape(&key(ElementKind::GreyArea, g.id.as_str())),
                    title = escape(&crate::words::grey_area_title(journey, g, &i18n)),
                    severity = escape(&i18n.term("severity", g.severity.key())),
                )
            })
            .collect();
        format!(
            "<details class=\"greys\"><summary>{label}</summary><ol>{items}</ol></details>",
            label = escape(&crate::tr!(
                i18n,
                "html-grey-areas",
                count = by_number.len()
            )),
        )
    };
    // The stages as tabs: each brings its stage into view.
    let tabs: String = crate::model::Stage::ALL
        .iter()
        .enumerate()
        .map(|(k, stage)| {
            format!(
                "<button type=\"button\" class=\"tab\" data-stage=\"{k}\">{}</button>",
                escape(&i18n.stage_name(journey, *stage))
            )
        })
        .collect();
    // The map as text: the layout on a phone, and what a screen reader reads.
    let outline = format!(
        "<section id=\"outline\" class=\"outline\" aria-label=\"{label}\"><h1>{title}</h1>{body}</section>",
        label = escape(&i18n.tr("html-outline")),
        title = escape(&journey.title),
        body = super::outline::html(journey, &i18n),
    );
    all_text.push_str(&super::outline::text(journey, &i18n));
    let body = format!(
        "<header class=\"bar\"><h1>{title}</h1><nav class=\"tabs\" aria-label=\"{stages_label}\">{tabs}</nav><div class=\"tools\">{grey_list}{blueprint}{curves}<button type=\"button\" id=\"fit\">{fit}</button><button type=\"button\" id=\"zoom-in\" aria-label=\"{zoom_in}\">+</button><button type=\"button\" id=\"zoom-out\" aria-label=\"{zoom_out}\">−</button></div></header>\n<main id=\"viewport\" aria-label=\"{title}\"><div id=\"stage\">\n{variants}</div></main>\n{minimap}\n{outline}\n<aside id=\"panel\" hidden aria-live=\"polite\"><button type=\"button\" id=\"close\" aria-label=\"{close}\">×</button><div id=\"details\"></div></aside>\n<div class=\"print\">{poster}</div>\n<script type=\"application/json\" id=\"data\">{data}</script>\n<script type=\"application/json\" id=\"words\">{words}</script>\n<script type=\"application/json\" id=\"photos\">{photos}</script>\n",
        title = escape(&journey.title),
        stages_label = escape(&i18n.tr("html-stages")),
        blueprint = toggle(
            "toggle-blueprint",
            &i18n.tr("cmd-blueprint-lanes"),
            has_steps
        ),
        curves = toggle("toggle-curves", &i18n.tr("html-curves"), has_curves),
        fit = escape(&i18n.tr("html-fit")),
        zoom_in = escape(&i18n.tr("cmd-zoom-in")),
        zoom_out = escape(&i18n.tr("cmd-zoom-out")),
        close = escape(&i18n.tr("html-close")),
        poster = poster.svg(),
        data = script_json(&data),
        words = script_json(&words),
        photos = script_json(&Value::Object(photo_urls)),
    );
    let html = super::web::Page {
        language: journey.language.key(),
        title: &journey.title,
        style: &style,
        script: Some(SCRIPT),
        images: true,
        fonts: true,
        connect: false,
        head: "",
        body: &body,
    }
    .html();
    Published { html, warnings }
}
