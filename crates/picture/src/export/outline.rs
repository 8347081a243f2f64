//! The map as text, in reading order: each stage with its notes, the curve through it,
//! its cards with their facts, and its grey areas by number. Built once as blocks, then
//! written as HTML (the published page's layout for phones and its text alternative on
//! wider screens) or as plain text (a picture's description).

use crate::i18n::I18n;
use crate::model::{End, Journey, OpportunityTarget, Stage};

/// One piece of the outline.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A stage: its name.
    Stage(String),
    /// A card: its title.
    Card(String),
    /// A heading inside a stage ("Grey areas").
    Heading(String),
    /// A line of facts.
    Line(String),
    /// A quote or thought, in the customer's words.
    Quote(String),
    /// A pain point (`false`) or an opportunity (`true`).
    Item(bool, String),
    /// A grey area: its number and its words.
    Grey(usize, String),
    /// The end of a card's facts.
    EndCard,
}

/// The outline of `journey`, in the map's language: every stage that has cards.
pub fn blocks(journey: &Journey, i18n: &I18n) -> Vec<Block> {
    let numbers = journey.grey_area_numbers();
    let mut out = Vec::new();
    for stage in Stage::ALL {
        let range = journey.stage_range(*stage);
        if range.is_empty() {
            continue;
        }
        let cards = &journey.touchpoints[range];
        out.push(Block::Stage(format!(
            "{} · {}",
            i18n.stage_name(journey, *stage),
            crate::tr!(i18n, "outline-cards", count = cards.len())
        )));
        if let Some(notes) = journey.stages.get(stage) {
            for (label, value) in [
                ("field-stage-goal", &notes.goal),
                ("field-stage-doing", &notes.doing),
                ("field-stage-thinking", &notes.thinking),
                ("field-stage-feeling", &notes.feeling),
            ] {
                if !value.trim().is_empty() {
                    out.push(Block::Line(format!("{}: {}", i18n.tr(label), value.trim())));
                }
            }
        }
        // The curve through the stage, score by score.
        let scores: Vec<String> = cards
            .iter()
            .filter_map(|t| t.emotion_score())
            .map(signed)
            .collect();
        if !scores.is_empty() {
            out.push(Block::Line(crate::tr!(
                i18n,
                "outline-curve",
                scores = scores.join(" → ")
            )));
        }
        for tp in cards {
            out.push(Block::Card(tp.title.trim().to_owned()));
            let mut facts: Vec<String> = Vec::new();
            if let Some(c) = tp.channel.as_ref().and_then(|c| journey.channel(c)) {
                facts.push(c.name.clone());
            }
            if let Some(d) = tp.department.as_ref().and_then(|d| journey.department(d)) {
                facts.push(d.name.clone());
            }
            if let Some(e) = &tp.emotion {
                let word = e.word.trim();
                facts.push(
                    format!("{} {} {word}", i18n.tr("field-emotion"), signed(e.score))
                        .trim_end()
                        .to_owned(),
                );
            }
            facts.push(if tp.evidence.is_empty() {
                i18n.tr("tag-assumption")
            } else {
                crate::tr!(i18n, "card-evidence", count = tp.evidence.len())
            });
            out.push(Block::Line(facts.join(" · ")));
            if !tp.action.trim().is_empty() {
                out.push(Block::Line(tp.action.trim().to_owned()));
            }
            if !tp.thought.trim().is_empty() {
                out.push(Block::Quote(tp.thought.trim().to_owned()));
            }
            for pain in &tp.pain_points {
                out.push(Block::Item(false, pain.trim().to_owned()));
            }
            for o in journey
                .opportunities
                .iter()
                .filter(|o| matches!(&o.target, OpportunityTarget::Touchpoint(t) if *t == tp.id))
            {
                out.push(Block::Item(true, o.idea.trim().to_owned()));
            }
            out.push(Block::EndCard);
        }
        // The grey areas whose earlier end is in this stage, by number.
        let mut greys: Vec<(usize, &crate::model::GreyArea)> = journey
            .grey_areas
            .iter()
            .zip(&numbers)
            .filter(|(g, _)| first_stage(journey, &g.from, &g.to) == Some(*stage))
            .map(|(g, n)| (*n, g))
            .collect();
        greys.sort_by_key(|(n, _)| *n);
        if !greys.is_empty() {
            out.push(Block::Heading(i18n.tr("export-legend-grey-areas")));
        }
        for (n, g) in greys {
            let mut words = format!(
                "{} — {}, {}",
                crate::words::grey_area_title(journey, g, i18n),
                i18n.term("grey-kind", g.kind.key()),
                i18n.term("severity", g.severity.key()).to_lowercase()
            );
            if !g.experience.trim().is_empty() {
                words.push_str(&format!(". {}", g.experience.trim()));
            }
            if !g.fix.trim().is_empty() {
                words.push_str(&format!(
                    " {}",
                    crate::tr!(i18n, "callout-fix", fix = g.fix.trim())
                ));
            }
            if !g.owner.trim().is_empty() {
                words.push_str(&format!(
                    " {}",
                    crate::tr!(i18n, "callout-owner", owner = g.owner.trim())
                ));
            }
            out.push(Block::Grey(n, words));
        }
    }
    out
}

/// "+2", "0", "−1".
fn signed(score: i8) -> String {
    match score {
        0 => "0".to_owned(),
        s if s > 0 => format!("+{s}"),
        s => format!("\u{2212}{}", -s),
    }
}

/// The stage of a grey area's earlier end.
fn first_stage(journey: &Journey, from: &End, to: &End) -> Option<Stage> {
    [from, to]
        .iter()
        .filter_map(|end| journey.end_stage(end))
        .min()
}

/// The outline as HTML: headings and lists, every text escaped.
pub fn html(journey: &Journey, i18n: &I18n) -> String {
    let escape = super::web::escape;
    let mut out = String::new();
    let mut in_cards = false;
    let mut in_card = false;
    let mut in_greys = false;
    let close_card = |out: &mut String, in_card: &mut bool| {
        if *in_card {
            out.push_str("</li>");
            *in_card = false;
        }
    };
    for block in blocks(journey, i18n) {
        match block {
            Block::Stage(name) => {
                close_card(&mut out, &mut in_card);
                if in_cards {
                    out.push_str("</ol>");
                    in_cards = false;
                }
                if in_greys {
                    out.push_str("</ol>");
                    in_greys = false;
                }
                out.push_str(&format!("<h2>{}</h2>", escape(&name)));
            }
            Block::Card(title) => {
                close_card(&mut out, &mut in_card);
                if !in_cards {
                    out.push_str("<ol class=\"cards\">");
                    in_cards = true;
                }
                out.push_str(&format!("<li><h3>{}</h3>", escape(&title)));
                in_card = true;
            }
            Block::EndCard => close_card(&mut out, &mut in_card),
            Block::Line(text) => out.push_str(&format!("<p>{}</p>", escape(&text))),
            Block::Quote(text) => {
                out.push_str(&format!("<p class=\"quote\">“{}”</p>", escape(&text)))
            }
            Block::Item(opportunity, text) => out.push_str(&format!(
                "<p class=\"{}\">{} {}</p>",
                if opportunity { "opportunity" } else { "pain" },
                if opportunity { "+" } else { "–" },
                escape(&text)
            )),
            Block::Heading(text) => {
                if in_cards {
                    out.push_str("</ol>");
                    in_cards = false;
                }
                out.push_str(&format!(
                    "<h3 class=\"greys-heading\">{}</h3><ol class=\"greys-list\">",
                    escape(&text)
                ));
                in_greys = true;
            }
            Block::Grey(n, text) => out.push_str(&format!(
                "<li value=\"{n}\"><span class=\"number\">{n}</span> {}</li>",
                escape(&text)
            )),
        }
    }
    close_card(&mut out, &mut in_card);
    if in_cards || in_greys {
        out.push_str("</ol>");
    }
    out
}

/// The outline as plain text, a line a block (a picture's description).
pub fn text(journey: &Journey, i18n: &I18n) -> String {
    let mut lines = Vec::new();
    for block in blocks(journey, i18n) {
        match block {
            Block::Stage(name) => lines.push(format!("\n{name}")),
            Block::Card(title) => lines.push(format!("- {title}")),
            Block::Heading(text) => lines.push(format!("{text}:")),
            Block::Line(text) => lines.push(format!("  {text}")),
            Block::Quote(text) => lines.push(format!("  “{text}”")),
            Block::Item(opportunity, text) => {
                lines.push(format!("  {} {text}", if opportunity { "+" } else { "–" }))
            }
            Block::Grey(n, text) => lines.push(format!("{n}. {text}")),
            Block::EndCard => {}
        }
    }
    lines.join("\n").trim().to_owned()
}
