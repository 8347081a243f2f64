//! Semantic diff of two journeys: elements matched by id, changes named in the domain's
//! terms (touchpoint added, moved to another stage, emotion -1 -> -2, grey area
//! resolved...). Fields are compared through the canonical RON of each element, so
//! every field is covered and values read exactly as in the file.

use crate::i18n::I18n;
use crate::model::*;
use serde::Serialize;

/// One field's value as written in the file: a single line, or the items of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Scalar(String),
    List(Vec<String>),
}

/// The fields of an element, in file order, flattened one level (`emotion.score`).
pub fn fields<T: Serialize>(element: &T) -> Vec<(String, Value)> {
    let Ok(text) = crate::format::pretty(element) else {
        return Vec::new();
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 1; // skip `Name(`
    while i + 1 < lines.len() {
        let line = lines[i].trim();
        let Some((name, value)) = line.split_once(": ") else {
            i += 1;
            continue;
        };
        let value = value.trim_end_matches(',');
        if value.ends_with('(') || value.ends_with('[') || value.ends_with('{') {
            let indent = lines[i].len() - lines[i].trim_start().len();
            let mut items = Vec::new();
            i += 1;
            while i < lines.len() && lines[i].len() - lines[i].trim_start().len() > indent {
                items.push(lines[i].trim().trim_end_matches(',').to_owned());
                i += 1;
            }
            if value.ends_with('(') {
                for item in items {
                    if let Some((sub, v)) = item.split_once(": ") {
                        out.push((format!("{name}.{sub}"), Value::Scalar(v.to_owned())));
                    }
                }
            } else {
                out.push((name.to_owned(), Value::List(items)));
            }
        } else {
            out.push((name.to_owned(), Value::Scalar(value.to_owned())));
        }
        i += 1;
    }
    out
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldChange {
    Set {
        field: String,
        old: Option<String>,
        new: Option<String>,
    },
    List {
        field: String,
        added: Vec<String>,
        removed: Vec<String>,
    },
}

/// Field-by-field changes between two versions of an element, skipping `skip` fields.
pub fn field_changes(
    old: &[(String, Value)],
    new: &[(String, Value)],
    skip: &[&str],
) -> Vec<FieldChange> {
    let mut names: Vec<&str> = new.iter().map(|(n, _)| n.as_str()).collect();
    for (name, _) in old {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    let get = |list: &'_ [(String, Value)], name: &str| {
        list.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    };
    let mut out = Vec::new();
    for name in names.into_iter().filter(|n| !skip.contains(n)) {
        let (a, b) = (get(old, name), get(new, name));
        if a == b {
            continue;
        }
        match (a, b) {
            (Some(Value::List(a)), Some(Value::List(b))) => out.push(FieldChange::List {
                field: name.to_owned(),
                added: b.iter().filter(|x| !a.contains(x)).cloned().collect(),
                removed: a.iter().filter(|x| !b.contains(x)).cloned().collect(),
            }),
            (None, Some(Value::List(b))) => out.push(FieldChange::List {
                field: name.to_owned(),
                added: b,
                removed: vec![],
            }),
            (Some(Value::List(a)), None) => out.push(FieldChange::List {
                field: name.to_owned(),
                added: vec![],
                removed: a,
            }),
            (a, b) => out.push(FieldChange::Set {
                field: name.to_owned(),
                old: scalar(a),
                new: scalar(b),
            }),
        }
    }
    // A reordered list with the same items is still a change: say so as a set.
    out.retain(|c| !matches!(c, FieldChange::List { added, removed, .. } if added.is_empty() && removed.is_empty()));
    out
}

fn scalar(value: Option<Value>) -> Option<String> {
    match value? {
        Value::Scalar(s) => Some(s),
        Value::List(items) => Some(format!("[{}]", items.join(", "))),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Touchpoint,
    GreyArea,
    Evidence,
    Opportunity,
    Channel,
    Department,
}

impl Kind {
    /// The element's name in command-line messages.
    pub fn singular(self) -> &'static str {
        match self {
            Kind::Touchpoint => "touchpoint",
            Kind::GreyArea => "grey area",
            Kind::Evidence => "evidence",
            Kind::Opportunity => "opportunity",
            Kind::Channel => "channel",
            Kind::Department => "department",
        }
    }

    /// The journey field holding this kind of element in files.
    pub fn section(self) -> &'static str {
        match self {
            Kind::Touchpoint => "touchpoints",
            Kind::GreyArea => "grey_areas",
            Kind::Evidence => "evidence",
            Kind::Opportunity => "opportunities",
            Kind::Channel => "channels",
            Kind::Department => "departments",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Kind::Touchpoint => "touchpoints",
            Kind::GreyArea => "grey-areas",
            Kind::Evidence => "evidence",
            Kind::Opportunity => "opportunities",
            Kind::Channel => "channels",
            Kind::Department => "departments",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Header(FieldChange),
    Added {
        kind: Kind,
        id: String,
        name: String,
    },
    Removed {
        kind: Kind,
        id: String,
        name: String,
    },
    /// A touchpoint moved to another stage.
    Moved {
        id: String,
        name: String,
        from: Stage,
        to: Stage,
    },
    /// A touchpoint changed place within its stage.
    Reordered {
        id: String,
        name: String,
        stage: Stage,
    },
    Edited {
        kind: Kind,
        id: String,
        name: String,
        changes: Vec<FieldChange>,
    },
    /// A grey area whose status became resolved.
    Resolved {
        id: String,
        name: String,
    },
}

/// An element of one of the journey's lists: its id and a name people recognise.
pub trait Named: Serialize {
    fn id(&self) -> &str;
    fn name(&self) -> String;
}

macro_rules! named {
    ($t:ty, |$x:ident| $name:expr) => {
        impl Named for $t {
            fn id(&self) -> &str {
                self.id.as_str()
            }
            fn name(&self) -> String {
                let $x = self;
                $name
            }
        }
    };
}
named!(Touchpoint, |t| t.title.clone());
named!(GreyArea, |g| if g.title.is_empty() {
    format!("{} → {}", g.from, g.to)
} else {
    g.title.clone()
});
named!(Evidence, |e| e.text.chars().take(60).collect());
named!(Opportunity, |o| o.idea.clone());
named!(Channel, |c| c.name.clone());
named!(Department, |d| d.name.clone());

fn elements<T: Named + PartialEq>(
    out: &mut Vec<Change>,
    kind: Kind,
    old: &[T],
    new: &[T],
    skip: &[&str],
) {
    use std::collections::HashMap;
    let old_by_id: HashMap<&str, &T> = old.iter().map(|e| (e.id(), e)).collect();
    let new_by_id: HashMap<&str, &T> = new.iter().map(|e| (e.id(), e)).collect();
    for e in new.iter().filter(|e| !old_by_id.contains_key(e.id())) {
        out.push(Change::Added {
            kind,
            id: e.id().to_owned(),
            name: e.name(),
        });
    }
    for e in old.iter().filter(|e| !new_by_id.contains_key(e.id())) {
        out.push(Change::Removed {
            kind,
            id: e.id().to_owned(),
            name: e.name(),
        });
    }
    for e in new {
        let Some(before) = old_by_id.get(e.id()) else {
            continue;
        };
        if *before == e {
            continue;
        }
        let changes = field_changes(&fields(*before), &fields(e), skip);
        if !changes.is_empty() {
            out.push(Change::Edited {
                kind,
                id: e.id().to_owned(),
                name: e.name(),
                changes,
            });
        }
    }
}

/// Every change from `old` to `new`, grouped by kind of element.
pub fn diff(old: &Journey, new: &Journey) -> Vec<Change> {
    let mut out = Vec::new();
    let header = |j: &Journey| fields(&j.header());
    out.extend(
        field_changes(&header(old), &header(new), &[])
            .into_iter()
            .map(Change::Header),
    );

    let mut touchpoints = Vec::new();
    elements(
        &mut touchpoints,
        Kind::Touchpoint,
        &old.touchpoints,
        &new.touchpoints,
        &["stage"],
    );
    for t in &new.touchpoints {
        if let Some(before) = old.touchpoint(&t.id)
            && before.stage != t.stage
        {
            touchpoints.push(Change::Moved {
                id: t.id.to_string(),
                name: t.title.clone(),
                from: before.stage,
                to: t.stage,
            });
        }
    }
    for stage in Stage::ALL {
        reordered(&mut touchpoints, old, new, *stage);
    }
    out.extend(touchpoints);

    let mut greys = Vec::new();
    elements(
        &mut greys,
        Kind::GreyArea,
        &old.grey_areas,
        &new.grey_areas,
        &[],
    );
    for g in &new.grey_areas {
        if g.status == GreyAreaStatus::Resolved
            && old
                .grey_area(&g.id)
                .is_some_and(|b| b.status != GreyAreaStatus::Resolved)
        {
            // Said once, as "resolved", not also as a status edit.
            for change in &mut greys {
                if let Change::Edited { id, changes, .. } = change
                    && id == g.id.as_str()
                {
                    changes.retain(
                        |c| !matches!(c, FieldChange::Set { field, .. } if field == "status"),
                    );
                }
            }
            greys.retain(|c| !matches!(c, Change::Edited { changes, .. } if changes.is_empty()));
            greys.push(Change::Resolved {
                id: g.id.to_string(),
                name: g.name(),
            });
        }
    }
    out.extend(greys);
    elements(&mut out, Kind::Evidence, &old.evidence, &new.evidence, &[]);
    elements(
        &mut out,
        Kind::Opportunity,
        &old.opportunities,
        &new.opportunities,
        &[],
    );
    elements(&mut out, Kind::Channel, &old.channels, &new.channels, &[]);
    elements(
        &mut out,
        Kind::Department,
        &old.departments,
        &new.departments,
        &[],
    );
    out
}

/// Touchpoints that stayed in `stage` but changed place relative to the others that
/// stayed: those outside the longest common subsequence.
fn reordered(out: &mut Vec<Change>, old: &Journey, new: &Journey, stage: Stage) {
    let stayed = |j: &Journey, other: &Journey| -> Vec<TouchpointId> {
        j.touchpoints_in(stage)
            .iter()
            .filter(|t| other.touchpoint(&t.id).is_some_and(|o| o.stage == stage))
            .map(|t| t.id.clone())
            .collect()
    };
    let (a, b) = (stayed(old, new), stayed(new, old));
    if a == b || a.len() > 2000 {
        return;
    }
    let mut table = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut common) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            common.push(a[i].clone());
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    for id in b.iter().filter(|id| !common.contains(id)) {
        let name = new
            .touchpoint(id)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        out.push(Change::Reordered {
            id: id.to_string(),
            name,
            stage,
        });
    }
}

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
            Change::Reordered { id, name, stage } => {
                format!(
                    "> touchpoint {id} \"{name}\" reordered within {}",
                    stage.key()
                )
            }
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

/// Markdown for a pull-request comment, in the journey's language.
pub fn render_markdown(changes: &[Change], i18n: &I18n) -> String {
    let mut out = format!(
        "### {}\n",
        crate::tr!(i18n, "diff-title", count = changes.len())
    );
    let section = |change: &Change| match change {
        Change::Header(_) => "diff-section-journey",
        Change::Added { kind, .. } | Change::Removed { kind, .. } | Change::Edited { kind, .. } => {
            match kind {
                Kind::Touchpoint => "diff-section-touchpoints",
                Kind::GreyArea => "diff-section-grey-areas",
                Kind::Evidence => "diff-section-evidence",
                Kind::Opportunity => "diff-section-opportunities",
                Kind::Channel | Kind::Department => "diff-section-catalogue",
            }
        }
        Change::Moved { .. } | Change::Reordered { .. } => "diff-section-touchpoints",
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
                from = i18n.term("stage", from.key()),
                to = i18n.term("stage", to.key())
            ),
            Change::Reordered { id, name, stage } => crate::tr!(
                i18n,
                "diff-reordered",
                id = id.as_str(),
                name = name.as_str(),
                stage = i18n.term("stage", stage.key())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_flatten_structs_and_keep_lists() {
        let mut tp = Touchpoint::new("tp-1".into(), Stage::Usage, "Call");
        tp.emotion = Some(Emotion {
            score: -1,
            word: "sad".into(),
        });
        tp.pain_points = vec!["a".into(), "b".into()];
        let f = fields(&tp);
        assert!(f.contains(&("stage".into(), Value::Scalar("Usage".into()))));
        assert!(f.contains(&("emotion.score".into(), Value::Scalar("-1".into()))));
        assert!(f.contains(&(
            "pain_points".into(),
            Value::List(vec!["\"a\"".into(), "\"b\"".into()])
        )));
    }
}
