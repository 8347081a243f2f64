//! Helpers that make new elements the way the editor does (a new card takes its stage's
//! channel and department; a new grey area guesses its kind), the handoffs worth marking,
//! and attachment paths relative to the journey's folder.

use crate::format;
use crate::model::*;

/// Consecutive touchpoints where the department or channel changes and no grey area
/// is marked yet: the handoffs most likely to break.
pub fn grey_area_suggestions(journey: &Journey) -> Vec<(TouchpointId, TouchpointId)> {
    let marked: std::collections::HashSet<(&TouchpointId, &TouchpointId)> = journey
        .grey_areas
        .iter()
        .flat_map(|g| [(&g.from, &g.to), (&g.to, &g.from)])
        .collect();
    journey
        .touchpoints
        .windows(2)
        .filter(|w| w[0].department != w[1].department || w[0].channel != w[1].channel)
        .filter(|w| !marked.contains(&(&w[0].id, &w[1].id)))
        .map(|w| (w[0].id.clone(), w[1].id.clone()))
        .collect()
}

/// The edit adding an untitled touchpoint at the end of `stage`, and its id. It takes
/// the channel and department of the stage's last card: rooms call out steps in a row.
pub fn new_touchpoint(journey: &Journey, stage: Stage) -> (Edit, TouchpointId) {
    let id = journey.next_touchpoint_id();
    let mut touchpoint = Touchpoint::new(id.clone(), stage, "");
    if let Some(previous) = journey.touchpoints_in(stage).last() {
        touchpoint.channel.clone_from(&previous.channel);
        touchpoint.department.clone_from(&previous.department);
    }
    (Edit::add_touchpoint(journey, touchpoint), id)
}

/// A new grey area between two touchpoints, its kind guessed from what changes there.
pub fn suggested_grey_area(
    journey: &Journey,
    id: GreyAreaId,
    from: &TouchpointId,
    to: &TouchpointId,
) -> GreyArea {
    let (a, b) = (journey.touchpoint(from), journey.touchpoint(to));
    let department_changes = a.map(|t| &t.department) != b.map(|t| &t.department);
    let channel_changes = a.map(|t| &t.channel) != b.map(|t| &t.channel);
    let kind = if department_changes {
        GreyAreaKind::DepartmentHandoff
    } else if channel_changes {
        GreyAreaKind::ChannelSwitch
    } else {
        GreyAreaKind::Other
    };
    let departments: Vec<DepartmentId> = [a, b]
        .iter()
        .flatten()
        .filter_map(|t| t.department.clone())
        .collect();
    let channels: Vec<ChannelId> = [a, b]
        .iter()
        .flatten()
        .filter_map(|t| t.channel.clone())
        .collect();
    GreyArea {
        id,
        title: String::new(),
        from: from.clone(),
        to: to.clone(),
        kind,
        severity: Severity::Medium,
        experience: String::new(),
        departments: dedup(departments),
        channels: dedup(channels),
        evidence: Vec::new(),
        fix: String::new(),
        owner: String::new(),
        status: GreyAreaStatus::Open,
    }
}

fn dedup<T: PartialEq>(mut items: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The path of `file` relative to the journey's folder, or the message id of why not.
pub fn attachment_path(
    journey_path: Option<&std::path::Path>,
    file: &std::path::Path,
) -> Result<String, &'static str> {
    let Some(folder) = journey_path.and_then(|p| p.parent()) else {
        return Err("notice-attach-save-first");
    };
    let folder = std::fs::canonicalize(if folder.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        folder
    })
    .map_err(|_| "notice-attach-outside")?;
    let file = std::fs::canonicalize(file).map_err(|_| "notice-attach-missing")?;
    let relative = file
        .strip_prefix(&folder)
        .map_err(|_| "notice-attach-outside")?;
    let text: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let text = text.join("/");
    format::check_attachment_path(&text).map_err(|_| "notice-attach-outside")?;
    Ok(text)
}
