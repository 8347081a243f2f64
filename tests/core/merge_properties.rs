//! Property tests of diff and merge by structure. Edits are made on the journey's serde
//! tree, so they reach every field at any depth: the header, persona lists, stage notes,
//! metrics, catalogues and every kind of element.
//!
//! - a random single-value edit is always reported by `diff`, naming its element or
//!   header field;
//! - two edits at disjoint places merge without conflict into exactly the journey with
//!   both edits, and the merged text loads;
//! - two different edits of the same value always conflict, and the written file holds
//!   both values.

use journeymap::diff::{self, Change};
use journeymap::format;
use journeymap::merge;
use journeymap::model::*;
use journeymap::tree::Node;
use proptest::prelude::*;
use std::path::Path;

#[derive(Clone, Debug, PartialEq, PartialOrd)]
enum Step {
    Field(&'static str),
    Key(String),
    Index(usize),
}

#[derive(Clone, Debug)]
enum Op {
    /// Replace a scalar by another (as written in the file).
    Set(String),
    /// Remove an optional field.
    RemoveField,
    /// Remove the list item at the path's index.
    RemoveItem,
    /// Insert a list item at the path's index.
    InsertItem(Node),
}

#[derive(Clone, Debug)]
struct Edit {
    path: Vec<Step>,
    op: Op,
}

/// A journey with every optional field filled somewhere.
fn rich() -> Journey {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let mut j = format::load(&path).unwrap().journey;
    j.date = "2026-03".into();
    j.persona.needs.push("Clear delivery dates".into());
    j.persona.expectations.push("Free returns".into());
    j.stages.entry(Stage::Usage).or_default().feeling = "Relieved".into();
    let t = &mut j.touchpoints[0];
    t.description = "Seen on the phone".into();
    t.action = "Scrolls".into();
    t.thought = "Nice boots".into();
    t.expectation = "A discount".into();
    t.key_moment = true;
    t.pain_points.push("Too many ads".into());
    let e = &mut j.evidence[0];
    e.source = "Interview 3".into();
    e.date = "2026-02-11".into();
    e.attachments.push("photos/wall.jpg".into());
    e.metrics = vec![Metric {
        name: MetricName::Custom,
        label: "Repeat rate".into(),
        value: 12.5,
        scale: "%".into(),
        sample_size: Some(200),
    }];
    let g = &mut j.grey_areas[0];
    g.title = "Handoff".into();
    g.experience = "Waits".into();
    g.fix = "One owner".into();
    g.owner = "Ops".into();
    let o = &mut j.opportunities[0];
    o.expected_effect = "Fewer calls".into();
    o.owner = "CX".into();
    assert!(
        format::validate(&j).is_empty(),
        "{:?}",
        format::validate(&j)
    );
    j
}

fn variants() -> Vec<String> {
    let mut out = Vec::new();
    macro_rules! all {
        ($($t:ty),*) => {$(out.extend(<$t>::ALL.iter().map(|v| format!("{v:?}")));)*};
    }
    all!(
        Stage,
        JourneyState,
        Language,
        ChannelKind,
        EvidenceKind,
        Confidence,
        GreyAreaKind,
        Severity,
        GreyAreaStatus,
        OpportunityStatus,
        MetricName
    );
    out.sort();
    out.dedup();
    out
}

/// Other values for a scalar, of the same type.
fn alternatives(text: &str) -> Vec<String> {
    if let Ok(s) = ron::from_str::<String>(text)
        && text.starts_with('"')
    {
        return vec![
            ron::to_string(&format!("{s} edited")).unwrap(),
            ron::to_string(&format!("{s} changed")).unwrap(),
            ron::to_string("#123456").unwrap(),
            ron::to_string("#654321").unwrap(),
        ];
    }
    match text {
        "true" => return vec!["false".into()],
        "false" => return vec!["true".into()],
        _ => {}
    }
    if let Ok(i) = text.parse::<i64>() {
        return vec![(i + 1).to_string(), (i - 1).to_string()];
    }
    if let Ok(f) = text.parse::<f64>() {
        return vec![
            ron::to_string(&(f + 1.5)).unwrap(),
            ron::to_string(&(f - 2.5)).unwrap(),
        ];
    }
    variants().into_iter().filter(|v| v != text).collect()
}

/// Every place an edit can go, with its ops.
fn sites(node: &Node, path: &mut Vec<Step>, out: &mut Vec<Edit>) {
    match node {
        Node::Leaf(text) => {
            for alternative in alternatives(text) {
                out.push(Edit {
                    path: path.clone(),
                    op: Op::Set(alternative),
                });
            }
        }
        Node::Struct(fields) => {
            for (name, value) in fields {
                if path.is_empty() && *name == "version" {
                    continue; // not an edit a journey can hold
                }
                path.push(Step::Field(name));
                out.push(Edit {
                    path: path.clone(),
                    op: Op::RemoveField,
                });
                sites(value, path, out);
                path.pop();
            }
        }
        Node::Map(entries) => {
            for (key, value) in entries {
                path.push(Step::Key(key.clone()));
                sites(value, path, out);
                path.pop();
            }
        }
        Node::Seq(items) => {
            let element_list = path.len() == 1;
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                out.push(Edit {
                    path: path.clone(),
                    op: Op::RemoveItem,
                });
                sites(item, path, out);
                path.pop();
            }
            if let (false, Some(Node::Leaf(last))) = (element_list, items.last()) {
                for value in alternatives(last).into_iter().take(2) {
                    path.push(Step::Index(items.len()));
                    out.push(Edit {
                        path: path.clone(),
                        op: Op::InsertItem(Node::Leaf(value)),
                    });
                    path.pop();
                }
            }
        }
        Node::Variant(_, body) => sites(body, path, out),
        Node::Tuple(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                sites(item, path, out);
                path.pop();
            }
        }
        Node::Absent => {}
    }
}

fn child<'a>(node: &'a mut Node, step: &Step) -> Option<&'a mut Node> {
    match (node, step) {
        (Node::Struct(fields), Step::Field(name)) => {
            fields.iter_mut().find(|(n, _)| n == name).map(|(_, v)| v)
        }
        (Node::Map(entries), Step::Key(key)) => {
            entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
        }
        (Node::Seq(items) | Node::Tuple(items), Step::Index(i)) => items.get_mut(*i),
        (Node::Variant(_, body), step) => child(body, step),
        _ => None,
    }
}

fn apply(tree: &mut Node, edit: &Edit) -> bool {
    let (last, parents) = edit.path.split_last().unwrap();
    let mut node = tree;
    for step in parents {
        match child(node, step) {
            Some(next) => node = next,
            None => return false,
        }
    }
    if let Node::Variant(_, body) = node {
        node = body;
    }
    match (&edit.op, node, last) {
        (Op::Set(value), parent, step) => match child(parent, step) {
            Some(leaf @ Node::Leaf(_)) => {
                *leaf = Node::Leaf(value.clone());
                true
            }
            _ => false,
        },
        (Op::RemoveField, Node::Struct(fields), Step::Field(name)) => {
            let before = fields.len();
            fields.retain(|(n, _)| n != name);
            fields.len() < before
        }
        (Op::RemoveItem, Node::Seq(items), Step::Index(i)) if *i < items.len() => {
            items.remove(*i);
            true
        }
        (Op::InsertItem(item), Node::Seq(items), Step::Index(i)) if *i <= items.len() => {
            items.insert(*i, item.clone());
            true
        }
        _ => false,
    }
}

/// The journey with `edits` made (paths of disjoint edits, deepest and latest first, so
/// indices stay valid); None when the result is not a journey.
fn edited(base: &Journey, edits: &[&Edit]) -> Option<Journey> {
    let mut tree = Node::of(base).unwrap();
    let mut edits = edits.to_vec();
    edits.sort_by(|a, b| b.path.partial_cmp(&a.path).unwrap());
    for edit in edits {
        if !apply(&mut tree, edit) {
            return None;
        }
    }
    tree.rebuild::<Journey>().ok()
}

fn is_prefix(a: &[Step], b: &[Step]) -> bool {
    a.len() <= b.len() && a == &b[..a.len()]
}

fn all_sites(journey: &Journey) -> Vec<Edit> {
    let mut out = Vec::new();
    sites(&Node::of(journey).unwrap(), &mut Vec::new(), &mut out);
    out
}

/// The edits that, alone, leave a journey that loads (most other enum variants are not
/// of the field's type; most changed ids leave references dangling).
/// The valid edit sites of `rich()`, found once for every test that needs them (each
/// site is edited and validated: most of these tests' time).
fn rich_valid_sites() -> &'static [Edit] {
    static SITES: std::sync::OnceLock<Vec<Edit>> = std::sync::OnceLock::new();
    SITES.get_or_init(|| valid_sites(&rich()))
}

fn valid_sites(journey: &Journey) -> Vec<Edit> {
    all_sites(journey)
        .into_iter()
        .filter(|e| edited(journey, &[e]).is_some_and(|j| valid(&j) && j != *journey))
        .collect()
}

fn show(path: &[Step]) -> String {
    let parts: Vec<String> = path
        .iter()
        .map(|s| match s {
            Step::Field(f) => f.to_string(),
            Step::Key(k) => k.clone(),
            Step::Index(i) => format!("[{i}]"),
        })
        .collect();
    parts.join(".")
}

/// The element an edit is in, if it is in one of the journey's lists.
fn element_of(journey: &Journey, path: &[Step]) -> Option<(ElementKind, String)> {
    let [Step::Field(section), Step::Index(i), ..] = path else {
        return None;
    };
    let kind = ElementKind::ALL
        .into_iter()
        .find(|k| k.section() == *section)?;
    let tree = Node::of(journey).unwrap();
    let Some(Node::Seq(items)) = tree.field(section) else {
        return None;
    };
    let id = items.get(*i)?.field("id")?.to_ron();
    Some((kind, ron::from_str::<String>(&id).unwrap()))
}

fn valid(journey: &Journey) -> bool {
    format::validate(journey).is_empty()
}

/// Random inputs per property: 300 in CI and by default, `MERGE_CASES` for a long run
/// (1,000 and more).
fn cases() -> u32 {
    std::env::var("MERGE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_single_edit_is_reported(pick in any::<prop::sample::Index>()) {
        let base = rich();
        let sites = all_sites(&base);
        let edit = &sites[pick.index(sites.len())];
        let Some(new) = edited(&base, &[edit]) else {
            return Ok(()); // not a value of the field's type (another enum's variant)
        };
        prop_assume!(new != base);
        let changes = diff::diff(&base, &new);
        let place = show(&edit.path);
        if let [Step::Field(section)] = edit.path.as_slice()
            && let Some(kind) = ElementKind::ALL.into_iter().find(|k| k.section() == *section)
        {
            // A whole list removed: each of its elements.
            let all_removed = changes
                .iter()
                .all(|c| matches!(c, Change::Removed { kind: k, .. } if *k == kind));
            prop_assert!(all_removed, "{:?}", changes);
            let Some(Node::Seq(items)) = Node::of(&base).unwrap().field(section).cloned() else {
                unreachable!()
            };
            prop_assert_eq!(changes.len(), items.len());
            return Ok(());
        }
        match element_of(&base, &edit.path) {
            Some((kind, id)) => prop_assert!(
                changes.iter().any(|c| c.element() == Some((kind, id.as_str()))
                    || matches!(c, Change::Added { kind: k, .. } if *k == kind)),
                "{place} {:?}: {changes:?}", edit.op
            ),
            None => {
                let Some(Step::Field(top)) = edit.path.first() else { unreachable!() };
                prop_assert!(
                    changes.iter().any(|c| matches!(c, Change::Header(f) if f.field().starts_with(top))),
                    "{place} {:?}: {changes:?}", edit.op
                );
            }
        }
    }

}

use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `case` on `cases()` random inputs and fails unless at least `needed` in 1,000
/// of them were real cases (the others pick edits that do not apply, e.g. another
/// enum's variant).
fn run_counted<S: Strategy>(
    strategy: S,
    needed: usize,
    case: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) {
    let counted = AtomicUsize::new(0);
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let result = runner.run(&strategy, |value| {
        if case(value)? {
            counted.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
    let counted = counted.into_inner();
    let (total, needed) = (cases() as usize, needed * cases() as usize / 1000);
    assert!(counted >= needed, "only {counted} real cases of {total}");
}

#[test]
fn disjoint_edits_merge_into_both() {
    let base = rich();
    let sites = rich_valid_sites();
    // Half the pairs are neighbours: two fields of one value, two items of one list.
    let strategy = (
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<bool>(),
    );
    run_counted(strategy, 900, |(a, b, near)| {
        let ours_edit = &sites[a.index(sites.len())];
        let disjoint = |e: &&Edit| {
            !is_prefix(&ours_edit.path, &e.path) && !is_prefix(&e.path, &ours_edit.path)
        };
        let parent = &ours_edit.path[..ours_edit.path.len() - 1];
        let candidates: Vec<&Edit> = sites
            .iter()
            .filter(disjoint)
            .filter(|e| !near || e.path.starts_with(parent))
            .collect();
        if candidates.is_empty() {
            return Ok(false);
        }
        let theirs_edit = candidates[b.index(candidates.len())];
        let (Some(ours), Some(theirs), Some(mut both)) = (
            edited(&base, &[ours_edit]),
            edited(&base, &[theirs_edit]),
            edited(&base, &[ours_edit, theirs_edit]),
        ) else {
            return Ok(false);
        };
        if !(valid(&ours) && valid(&theirs) && valid(&both)) {
            return Ok(false);
        }
        let merged = merge::merge(&base, &ours, &theirs).unwrap();
        prop_assert!(
            merged.conflicts.is_empty(),
            "ours {} {:?} / theirs {} {:?}: {:?}",
            show(&ours_edit.path),
            ours_edit.op,
            show(&theirs_edit.path),
            theirs_edit.op,
            merged.conflicts
        );
        both.normalize();
        prop_assert!(
            merged.journey == both,
            "ours {} / theirs {}: merged differs from both edits made:\n{}",
            show(&ours_edit.path),
            show(&theirs_edit.path),
            diff::render_text(&diff::diff(&both, &merged.journey))
        );
        let text = merge::to_text(&merged).unwrap();
        prop_assert!(format::parse(&text).is_ok());
        Ok(true)
    });
}

#[test]
fn overlapping_edits_conflict_and_keep_both_values() {
    let base = rich();
    let sites: Vec<&Edit> = rich_valid_sites()
        .iter()
        .filter(|e| matches!(e.op, Op::Set(_)))
        .collect();
    run_counted(any::<prop::sample::Index>(), 800, |pick| {
        let ours_edit = &sites[pick.index(sites.len())];
        let Some(ours) = edited(&base, &[ours_edit]).filter(valid) else {
            return Ok(false);
        };
        // Another value for the same place.
        let Some((theirs_edit, theirs)) = sites.iter().find_map(|e| {
            let other = e.path == ours_edit.path
                && matches!((&e.op, &ours_edit.op), (Op::Set(x), Op::Set(y)) if x != y);
            other
                .then(|| edited(&base, &[e]).filter(valid))
                .flatten()
                .map(|j| (e, j))
        }) else {
            return Ok(false);
        };
        if ours == theirs {
            return Ok(false);
        }
        let merged = merge::merge(&base, &ours, &theirs).unwrap();
        prop_assert!(
            !merged.conflicts.is_empty(),
            "{} {:?}",
            show(&ours_edit.path),
            ours_edit.op
        );
        let text = merge::to_text(&merged).unwrap();
        for op in [&ours_edit.op, &theirs_edit.op] {
            let Op::Set(value) = op else { unreachable!() };
            prop_assert!(
                text.contains(value.as_str()),
                "{} lost {value} in\n{text}",
                show(&ours_edit.path)
            );
        }
        prop_assert!(
            format::parse(&text).is_err(),
            "a conflicted file must not load"
        );
        Ok(true)
    });
}
