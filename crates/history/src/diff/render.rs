//! A diff as people read it: plain text for the terminal and git (English, like the
//! rest of the command line), markdown for pull requests (in the journey's language).

use super::{Change, FieldChange, Kind};
use crate::i18n::I18n;
use crate::model::Journey;

fn describe(change: &FieldChange) -> String {
    match change {
        FieldChange::Set { field, old, new } => {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
            format!("{field} {} -> {}", show(old), show(new))
        }
        FieldChange::List {
            field,
            added,
            removed,
        } => {
            let mut parts: Vec<String> = added.iter().map(|a| format!("+{a}")).collect();
            parts.extend(removed.iter().map(|r| format!("-{r}")));
            format!("{field} {}", parts.join(" "))
        }
    }
}

/// Plain text, one change per line (English, like the rest of the command line); names
/// quoted with their line breaks and quotes escaped, so a change is always one line.
pub fn render_text(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let line = match change {
            Change::Header(c) => format!("journey: {}", describe(c)),
            Change::Added { kind, id, name } => {
                format!("+ {} {id} {name:?} added", kind.singular())
            }
            Change::Removed { kind, id, name } => {
                format!("- {} {id} {name:?} removed", kind.singular())
            }
            Change::Moved { id, name, from, to } => {
                format!(
                    "> touchpoint {id} {name:?} moved from {} to {}",
                    from.key(),
                    to.key()
                )
            }
            Change::Reordered {
                kind,
                id,
                name,
                stage,
            } => match stage {
                Some(stage) => format!(
                    "> {} {id} {name:?} reordered within {}",
                    kind.singular(),
                    stage.key()
                ),
                None => format!("> {} {id} {name:?} reordered", kind.singular()),
            },
            Change::Edited {
                kind,
                id,
                name,
                changes,
            } => {
                let what: Vec<String> = changes.iter().map(describe).collect();
                format!("~ {} {id} {name:?}: {}", kind.singular(), what.join("; "))
            }
            Change::Resolved { id, name } => format!("✓ grey area {id} {name:?} resolved"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Text as written, safe inside Markdown: every character Markdown or its HTML would
/// read as syntax is escaped (a backslash for Markdown's punctuation, an entity for
/// `<`, `>` and `&`), and line breaks become spaces, so a title shows as typed and
/// never as a link, an image, code or HTML in a pull-request comment.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '!' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Markdown for a pull-request comment, in the journey's language, with the stages as
/// `new` names them. Every value from the journey is escaped (`escape_markdown`).
pub fn render_markdown(changes: &[Change], i18n: &I18n, new: &Journey) -> String {
    let md = |text: &str| escape_markdown(text);
    let mut out = format!(
        "### {}\n",
        crate::tr!(i18n, "diff-title", count = changes.len())
    );
    let section = |change: &Change| match change {
        Change::Header(_) => "diff-section-journey",
        Change::Added { kind, .. }
        | Change::Removed { kind, .. }
        | Change::Edited { kind, .. }
        | Change::Reordered { kind, .. } => match kind {
            Kind::Touchpoint => "diff-section-touchpoints",
            Kind::GreyArea => "diff-section-grey-areas",
            Kind::Evidence => "diff-section-evidence",
            Kind::Opportunity => "diff-section-opportunities",
            Kind::Channel | Kind::Department => "diff-section-catalogue",
            Kind::Step => "diff-section-steps",
            Kind::Actor => "diff-section-actors",
            Kind::Curve => "diff-section-curves",
            Kind::VoteRound => "diff-section-votes",
        },
        Change::Moved { .. } => "diff-section-touchpoints",
        Change::Resolved { .. } => "diff-section-grey-areas",
    };
    let mut current = "";
    for change in changes {
        if section(change) != current {
            current = section(change);
            out.push_str(&format!("\n**{}**\n\n", i18n.tr(current)));
        }
        let line = match change {
            Change::Header(c) => md(&describe(c)),
            Change::Added { id, name, .. } => {
                crate::tr!(
                    i18n,
                    "diff-added",
                    id = md(id.as_str()),
                    name = md(name.as_str())
                )
            }
            Change::Removed { id, name, .. } => {
                crate::tr!(
                    i18n,
                    "diff-removed",
                    id = md(id.as_str()),
                    name = md(name.as_str())
                )
            }
            Change::Moved { id, name, from, to } => crate::tr!(
                i18n,
                "diff-moved",
                id = md(id.as_str()),
                name = md(name.as_str()),
                from = md(&i18n.stage_name(new, *from)),
                to = md(&i18n.stage_name(new, *to))
            ),
            Change::Reordered {
                id,
                name,
                stage: Some(stage),
                ..
            } => crate::tr!(
                i18n,
                "diff-reordered",
                id = md(id.as_str()),
                name = md(name.as_str()),
                stage = md(&i18n.stage_name(new, *stage))
            ),
            Change::Reordered {
                id,
                name,
                stage: None,
                ..
            } => crate::tr!(
                i18n,
                "diff-reordered-list",
                id = md(id.as_str()),
                name = md(name.as_str())
            ),
            Change::Edited {
                id, name, changes, ..
            } => {
                let what: Vec<String> = changes.iter().map(|c| md(&describe(c))).collect();
                format!(
                    "{} · {}",
                    crate::tr!(
                        i18n,
                        "diff-edited",
                        id = md(id.as_str()),
                        name = md(name.as_str())
                    ),
                    what.join(", ")
                )
            }
            Change::Resolved { id, name } => crate::tr!(
                i18n,
                "diff-resolved",
                id = md(id.as_str()),
                name = md(name.as_str())
            ),
        };
        out.push_str(&format!("- {line}\n"));
    }
    out
}
