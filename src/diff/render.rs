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

/// Plain text, one change per line (English, like the rest of the command line).
pub fn render_text(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let line = match change {
            Change::Header(c) => format!("journey: {}", describe(c)),
            Change::Added { kind, id, name } => {
                format!("+ {} {id} \"{name}\" added", kind.singular())
            }
            Change::Removed { kind, id, name } => {
                format!("- {} {id} \"{name}\" removed", kind.singular())
            }
            Change::Moved { id, name, from, to } => {
                format!(
                    "> touchpoint {id} \"{name}\" moved from {} to {}",
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
                    "> {} {id} \"{name}\" reordered within {}",
                    kind.singular(),
                    stage.key()
                ),
                None => format!("> {} {id} \"{name}\" reordered", kind.singular()),
            },
            Change::Edited {
                kind,
                id,
                name,
                changes,
            } => {
                let what: Vec<String> = changes.iter().map(describe).collect();
                format!("~ {} {id} \"{name}\": {}", kind.singular(), what.join("; "))
            }
            Change::Resolved { id, name } => format!("✓ grey area {id} \"{name}\" resolved"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Markdown for a pull-request comment, in the journey's language, with the stages as
/// `new` names them.
pub fn render_markdown(changes: &[Change], i18n: &I18n, new: &Journey) -> String {
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
            Change::Header(c) => describe(c),
            Change::Added { id, name, .. } => {
                crate::tr!(i18n, "diff-added", id = id.as_str(), name = name.as_str())
            }
            Change::Removed { id, name, .. } => {
                crate::tr!(i18n, "diff-removed", id = id.as_str(), name = name.as_str())
            }
            Change::Moved { id, name, from, to } => crate::tr!(
                i18n,
                "diff-moved",
                id = id.as_str(),
                name = name.as_str(),
                from = i18n.stage_name(new, *from),
                to = i18n.stage_name(new, *to)
            ),
            Change::Reordered {
                id,
                name,
                stage: Some(stage),
                ..
            } => crate::tr!(
                i18n,
                "diff-reordered",
                id = id.as_str(),
                name = name.as_str(),
                stage = i18n.stage_name(new, *stage)
            ),
            Change::Reordered {
                id,
                name,
                stage: None,
                ..
            } => crate::tr!(
                i18n,
                "diff-reordered-list",
                id = id.as_str(),
                name = name.as_str()
            ),
            Change::Edited {
                id, name, changes, ..
            } => {
                let what: Vec<String> = changes
                    .iter()
                    .map(|c| format!("`{}`", describe(c)))
                    .collect();
                format!(
                    "{} · {}",
                    crate::tr!(i18n, "diff-edited", id = id.as_str(), name = name.as_str()),
                    what.join(", ")
                )
            }
            Change::Resolved { id, name } => crate::tr!(
                i18n,
                "diff-resolved",
                id = id.as_str(),
                name = name.as_str()
            ),
        };
        out.push_str(&format!("- {line}\n"));
    }
    out
}
