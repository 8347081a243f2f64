//! Writing a merge result with its conflicts: canonical text where each conflict becomes
//! git-style markers around ours and theirs, at the exact lines of the field (or the
//! whole element, for a delete against an edit), so both values are in the file and it
//! refuses to load until a person keeps one side.

use super::{Conflict, Merged};
use crate::format::{Anchor, Finding, SourceIndex};

/// The labels after `<<<<<<<` and `>>>>>>>`: git passes the branch names.
#[derive(Clone, Debug)]
pub struct Labels {
    pub ours: String,
    pub theirs: String,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            ours: "ours".to_owned(),
            theirs: "theirs".to_owned(),
        }
    }
}

/// The merged journey's canonical text, with each conflict written as git-style
/// markers around ours and theirs, so both values are in the file.
pub fn to_text(merged: &Merged) -> Result<String, crate::format::FormatError> {
    to_text_labelled(merged, &Labels::default())
}

/// `to_text` with the marker labels git gives (branch names).
pub fn to_text_labelled(
    merged: &Merged,
    labels: &Labels,
) -> Result<String, crate::format::FormatError> {
    let text = crate::format::to_text(&merged.journey)?;
    if merged.conflicts.is_empty() {
        return Ok(text);
    }
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let index = SourceIndex::new(&text);
    // Work from the bottom up so earlier line numbers stay valid.
    let mut blocks: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for conflict in &merged.conflicts {
        if let Some(block) = conflict_block(&index, &lines, conflict, labels) {
            blocks.push(block);
        }
    }
    blocks.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    blocks.dedup_by_key(|(start, _, _)| *start);
    for (start, end, replacement) in blocks {
        lines.splice(start..end, replacement);
    }
    Ok(lines.join("\n") + "\n")
}

fn conflict_block(
    index: &SourceIndex<'_>,
    lines: &[String],
    conflict: &Conflict,
    labels: &Labels,
) -> Option<(usize, usize, Vec<String>)> {
    let open = format!("<<<<<<< {}", labels.ours);
    let close = format!(">>>>>>> {}", labels.theirs);
    let indent = |line: &str| line.len() - line.trim_start().len();
    let id = conflict.id.as_str();
    let anchor = match (conflict.kind, conflict.top) {
        (None, Some(top)) => Anchor::TopLevel(top),
        (Some(kind), Some(top)) => Anchor::field(kind.section(), id, top),
        (Some(kind), None) => Anchor::element(kind.section(), id),
        (None, None) => return None,
    };
    let placed = index.place(vec![Finding::error(anchor, String::new())]);
    let line = placed.first()?.line.checked_sub(1)?;
    if let Some(top) = conflict.top {
        if !lines[line].trim_start().starts_with(&format!("{top}:")) {
            // Ours has no such field (left empty): theirs goes after the anchor line,
            // with an empty ours side.
            let depth = indent(&lines[line]).max(4);
            let pad = " ".repeat(depth.saturating_sub(4));
            let mut block = vec![open, "=======".to_owned()];
            block.extend(conflict.theirs_lines.iter().map(|l| format!("{pad}{l}")));
            block.push(close);
            return Some((line + 1, line + 1, block));
        }
        let depth = indent(&lines[line]);
        let mut end = line + 1;
        while end < lines.len() && indent(&lines[end]) > depth {
            end += 1;
        }
        if end > line + 1 && end < lines.len() && indent(&lines[end]) == depth {
            let t = lines[end].trim_start();
            if t.starts_with(')') || t.starts_with(']') || t.starts_with('}') {
                end += 1;
            }
        }
        let pad = " ".repeat(depth.saturating_sub(4));
        let mut block = vec![open];
        block.extend(lines[line..end].iter().cloned());
        block.push("=======".to_owned());
        block.extend(conflict.theirs_lines.iter().map(|l| format!("{pad}{l}")));
        block.push(close);
        Some((line, end, block))
    } else {
        // The whole element: from its struct-name line to its closing line.
        let start = line.checked_sub(1)?;
        let depth = indent(&lines[start]);
        let mut end = start + 1;
        while end < lines.len()
            && !(indent(&lines[end]) == depth && lines[end].trim_start().starts_with(')'))
        {
            end += 1;
        }
        let end = (end + 1).min(lines.len());
        let element: Vec<String> = lines[start..end].to_vec();
        let mut block = vec![open];
        if !conflict.deleted_by_ours {
            block.extend(element.iter().cloned());
        }
        block.push("=======".to_owned());
        if conflict.deleted_by_ours {
            block.extend(element);
        }
        block.push(close);
        Some((start, end, block))
    }
}
