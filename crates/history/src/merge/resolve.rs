//! Resolving a conflicted journey file: the text between git's markers is split into
//! our side and their side, each read as a journey, and every difference between the
//! two becomes one choice (a field of an element or of the header, or a whole element
//! one side deleted). The person picks ours, theirs, or types a new text; the result is
//! validated like any loaded file before it can replace anything.

use crate::model::*;
use crate::tree::Node;

/// The two sides of a file with conflict markers, and the markers' labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sides {
    pub ours: String,
    pub theirs: String,
    pub ours_label: String,
    pub theirs_label: String,
}

/// Splits a conflicted text into our and their side (a diff3 base section is dropped).
/// None when the text has no markers or they are unbalanced.
pub fn split_sides(text: &str) -> Option<Sides> {
    #[derive(PartialEq)]
    enum In {
        Both,
        Ours,
        Base,
        Theirs,
    }
    let mut sides = Sides {
        ours: String::with_capacity(text.len()),
        theirs: String::with_capacity(text.len()),
        ours_label: String::new(),
        theirs_label: String::new(),
    };
    let mut state = In::Both;
    let mut seen = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        let label = |marker: &str| bare[marker.len()..].trim().to_owned();
        if bare.starts_with("<<<<<<<") && state == In::Both {
            state = In::Ours;
            seen = true;
            if sides.ours_label.is_empty() {
                sides.ours_label = label("<<<<<<<");
            }
        } else if bare.starts_with("|||||||") && state == In::Ours {
            state = In::Base;
        } else if bare == "=======" && matches!(state, In::Ours | In::Base) {
            state = In::Theirs;
        } else if bare.starts_with(">>>>>>>") && state == In::Theirs {
            state = In::Both;
            if sides.theirs_label.is_empty() {
                sides.theirs_label = label(">>>>>>>");
            }
        } else {
            match state {
                In::Both => {
                    sides.ours.push_str(line);
                    sides.theirs.push_str(line);
                }
                In::Ours => sides.ours.push_str(line),
                In::Theirs => sides.theirs.push_str(line),
                In::Base => {}
            }
        }
    }
    (seen && state == In::Both).then_some(sides)
}

/// What the person keeps for one difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    Ours,
    Theirs,
    /// A new text (for text values only).
    Edited(String),
}

/// One difference between the sides.
#[derive(Clone, Debug)]
pub struct Choice {
    /// The element's kind, or None for the journey's header.
    pub kind: Option<ElementKind>,
    pub id: String,
    pub name: String,
    /// The field; None when one side deleted the whole element.
    pub field: Option<&'static str>,
    /// Each side's value, for people to read; None when absent on that side.
    pub ours: Option<String>,
    pub theirs: Option<String>,
    /// Whether the value is a text that can be edited.
    pub editable: bool,
    pub pick: Pick,
    theirs_node: Option<Node>,
}

/// A conflicted journey being resolved.
#[derive(Clone, Debug)]
pub struct Resolution {
    pub sides: Sides,
    pub choices: Vec<Choice>,
    ours: Node,
    theirs: Node,
}

/// A value as people read it: texts without quotes, lists one item per line.
pub fn readable(node: &Node) -> String {
    match node {
        Node::Leaf(text) if text.starts_with('"') => {
            ron::from_str::<String>(text).unwrap_or_else(|_| text.clone())
        }
        Node::Leaf(text) => text.clone(),
        Node::Absent => String::new(),
        Node::Struct(fields) => fields
            .iter()
            .map(|(name, value)| format!("{name}: {}", readable(value)))
            .collect::<Vec<_>>()
            .join(", "),
        Node::Seq(items) | Node::Tuple(items) => items
            .iter()
            .map(|item| format!("• {}", readable(item)))
            .collect::<Vec<_>>()
            .join("\n"),
        Node::Map(entries) => entries
            .iter()
            .map(|(key, value)| format!("{key}: {}", readable(value)))
            .collect::<Vec<_>>()
            .join("\n"),
        Node::Variant(name, body) => format!("{name} {}", readable(body)),
    }
}

fn read_side(text: &str) -> Result<Journey, String> {
    crate::format::ron_options()
        .from_str::<Journey>(text)
        .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))
}

fn id_of(element: &Node) -> Option<String> {
    match element.field("id")? {
        Node::Leaf(text) => ron::from_str::<String>(text).ok(),
        _ => None,
    }
}

fn fields(node: &Node) -> &[(&'static str, Node)] {
    match node {
        Node::Struct(fields) => fields,
        _ => &[],
    }
}

/// Field names of both structs, `a`'s order first.
fn names(a: &Node, b: &Node) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = fields(a).iter().map(|(n, _)| *n).collect();
    for (name, _) in fields(b) {
        if !out.contains(name) {
            out.push(name);
        }
    }
    out
}

impl Resolution {
    /// The choices of a conflicted text; an error when a side is not a journey.
    pub fn new(text: &str) -> Result<Resolution, String> {
        let sides = split_sides(text).ok_or("no complete conflict markers")?;
        let ours = read_side(&sides.ours).map_err(|e| format!("ours: {e}"))?;
        let theirs = read_side(&sides.theirs).map_err(|e| format!("theirs: {e}"))?;
        let tree = |j: &Journey| Node::of(j).map_err(|e| e.to_string());
        let (ours_tree, theirs_tree) = (tree(&ours)?, tree(&theirs)?);
        let mut choices = Vec::new();
        // The header, field by field.
        let header = |j: &Journey| Node::of(&j.header()).map_err(|e| e.to_string());
        let (oh, th) = (header(&ours)?, header(&theirs)?);
        for name in names(&oh, &th) {
            let (o, t) = (oh.field(name).cloned(), th.field(name).cloned());
            if o != t {
                choices.push(Choice::field(None, "", &ours.title, name, o, t));
            }
        }
        // Every kind of element: by id, then field by field.
        for kind in ElementKind::ALL {
            let list = |tree: &Node| match tree.field(kind.section()) {
                Some(Node::Seq(items)) => items.clone(),
                _ => Vec::new(),
            };
            let (o_list, t_list) = (list(&ours_tree), list(&theirs_tree));
            let find = |list: &[Node], id: &str| {
                list.iter()
                    .find(|e| id_of(e).as_deref() == Some(id))
                    .cloned()
            };
            let name_of = |journey: &Journey, id: &str| element_name(journey, kind, id);
            for o in &o_list {
                let Some(id) = id_of(o) else { continue };
                match find(&t_list, &id) {
                    Some(t) if t != *o => {
                        for field in names(o, &t) {
                            let (of, tf) = (o.field(field).cloned(), t.field(field).cloned());
                            if of != tf {
                                let name = name_of(&ours, &id);
                                choices.push(Choice::field(Some(kind), &id, &name, field, of, tf));
                            }
                        }
                    }
                    Some(_) => {}
                    None => choices.push(Choice::element(
                        kind,
                        &id,
                        &name_of(&ours, &id),
                        Some(o.clone()),
                        None,
                    )),
                }
            }
            for t in &t_list {
                let Some(id) = id_of(t) else { continue };
                if find(&o_list, &id).is_none() {
                    choices.push(Choice::element(
                        kind,
                        &id,
                        &name_of(&theirs, &id),
                        None,
                        Some(t.clone()),
                    ));
                }
            }
        }
        Ok(Resolution {
            sides,
            choices,
            ours: ours_tree,
            theirs: theirs_tree,
        })
    }

    /// The journey the picks make, validated; else every problem, as the loader says it.
    pub fn result(&self) -> Result<Journey, Vec<String>> {
        let mut tree = self.ours.clone();
        for choice in &self.choices {
            let value = match &choice.pick {
                Pick::Ours => continue,
                Pick::Theirs => choice.theirs_node.clone(),
                Pick::Edited(text) => Some(Node::Leaf(
                    ron::to_string(text).map_err(|e| vec![e.to_string()])?,
                )),
            };
            match choice.kind {
                None => set_field(&mut tree, choice.field.unwrap_or_default(), value),
                Some(kind) => {
                    let Node::Struct(top) = &mut tree else {
                        continue;
                    };
                    let Some((_, Node::Seq(list))) =
                        top.iter_mut().find(|(n, _)| *n == kind.section())
                    else {
                        continue;
                    };
                    let at = list
                        .iter()
                        .position(|e| id_of(e).as_deref() == Some(&choice.id));
                    match (choice.field, at, value) {
                        (Some(field), Some(at), value) => set_field(&mut list[at], field, value),
                        (None, Some(at), None) => {
                            list.remove(at);
                        }
                        (None, None, Some(element)) => {
                            let after = self.position_in_theirs(kind, &choice.id, list);
                            list.insert(after, element);
                        }
                        _ => {}
                    }
                }
            }
        }
        let mut journey: Journey = tree.rebuild().map_err(|e| vec![e.to_string()])?;
        journey.normalize();
        let findings = crate::format::validate(&journey);
        if findings.is_empty() {
            Ok(journey)
        } else {
            Err(findings.into_iter().map(|f| f.message).collect())
        }
    }

    /// Where an element that only theirs has goes: after its predecessor there.
    fn position_in_theirs(&self, kind: ElementKind, id: &str, list: &[Node]) -> usize {
        let Some(Node::Seq(theirs)) = self.theirs.field(kind.section()) else {
            return list.len();
        };
        let index = theirs
            .iter()
            .position(|e| id_of(e).as_deref() == Some(id))
            .unwrap_or(0);
        theirs[..index]
            .iter()
            .rev()
            .filter_map(id_of)
            .find_map(|p| {
                list.iter()
                    .position(|e| id_of(e).as_deref() == Some(p.as_str()))
            })
            .map_or(0, |p| p + 1)
    }
}

fn set_field(node: &mut Node, field: &'static str, value: Option<Node>) {
    let Node::Struct(fields) = node else { return };
    match (fields.iter().position(|(n, _)| *n == field), value) {
        (Some(at), Some(value)) => fields[at].1 = value,
        (Some(at), None) => {
            fields.remove(at);
        }
        (None, Some(value)) => fields.push((field, value)),
        (None, None) => {}
    }
}

fn element_name(journey: &Journey, kind: ElementKind, id: &str) -> String {
    struct Name<'a> {
        journey: &'a Journey,
        kind: ElementKind,
        id: &'a str,
        name: String,
    }
    impl KindVisitor for Name<'_> {
        fn visit<T: Item>(&mut self) {
            if T::KIND == self.kind
                && let Some(e) = self.journey.item::<T>(self.id)
            {
                self.name = e.name();
            }
        }
    }
    let mut name = Name {
        journey,
        kind,
        id,
        name: String::new(),
    };
    each_kind(&mut name);
    name.name
}

impl Choice {
    fn field(
        kind: Option<ElementKind>,
        id: &str,
        name: &str,
        field: &'static str,
        ours: Option<Node>,
        theirs: Option<Node>,
    ) -> Choice {
        let editable = [&ours, &theirs].iter().all(|n| match n {
            None => true,
            Some(Node::Leaf(t)) => t.starts_with('"'),
            Some(_) => false,
        }) && !matches!(
            field,
            "id" | "channel" | "department" | "from" | "to" | "target"
        );
        Choice {
            kind,
            id: id.to_owned(),
            name: name.to_owned(),
            field: Some(field),
            ours: ours.as_ref().map(readable),
            theirs: theirs.as_ref().map(readable),
            editable,
            pick: Pick::Ours,
            theirs_node: theirs,
        }
    }

    fn element(
        kind: ElementKind,
        id: &str,
        name: &str,
        ours: Option<Node>,
        theirs: Option<Node>,
    ) -> Choice {
        Choice {
            kind: Some(kind),
            id: id.to_owned(),
            name: name.to_owned(),
            field: None,
            ours: ours.as_ref().map(readable),
            theirs: theirs.as_ref().map(readable),
            editable: false,
            pick: Pick::Ours,
            theirs_node: theirs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Journey {
        let mut j = Journey::new("Base", Language::En);
        j.touchpoints
            .push(Touchpoint::new("tp-1".into(), Stage::Awareness, "Ad"));
        j.touchpoints
            .push(Touchpoint::new("tp-2".into(), Stage::Usage, "Call"));
        j
    }

    #[test]
    fn a_merge_conflict_becomes_choices_and_each_pick_is_applied() {
        let base = base();
        let mut ours = base.clone();
        ours.touchpoints[1].title = "Call centre".into();
        ours.scenario = "Ours".into();
        let mut theirs = base.clone();
        theirs.touchpoints[1].title = "Contact centre".into();
        theirs.scenario = "Theirs".into();
        let merged = crate::merge::merge(&base, &ours, &theirs).unwrap();
        let text = crate::merge::to_text_labelled(
            &merged,
            &crate::merge::Labels {
                ours: "HEAD".into(),
                theirs: "feature".into(),
            },
        )
        .unwrap();
        let mut resolution = Resolution::new(&text).unwrap();
        assert_eq!(resolution.sides.ours_label, "HEAD");
        assert_eq!(resolution.sides.theirs_label, "feature");
        let shown: Vec<(Option<&str>, Option<&str>)> = resolution
            .choices
            .iter()
            .map(|c| (c.ours.as_deref(), c.theirs.as_deref()))
            .collect();
        assert_eq!(
            shown,
            [
                (Some("Ours"), Some("Theirs")),
                (Some("Call centre"), Some("Contact centre"))
            ]
        );
        assert_eq!(resolution.result().unwrap().scenario, "Ours");
        resolution.choices[0].pick = Pick::Edited("Both, reworded".into());
        resolution.choices[1].pick = Pick::Theirs;
        let journey = resolution.result().unwrap();
        assert_eq!(journey.scenario, "Both, reworded");
        assert_eq!(journey.touchpoints[1].title, "Contact centre");
    }

    #[test]
    fn a_deleted_element_is_one_choice_and_the_result_is_validated() {
        let base = base();
        let mut ours = base.clone();
        ours.touchpoints.remove(0);
        let mut theirs = base.clone();
        theirs.opportunities.push(Opportunity::new(
            "op-1".into(),
            OpportunityTarget::Touchpoint("tp-1".into()),
            "x",
        ));
        let merged = crate::merge::merge(&base, &ours, &theirs).unwrap();
        assert_eq!(merged.conflicts.len(), 1);
        let text = crate::merge::to_text(&merged).unwrap();
        let mut resolution = Resolution::new(&text).unwrap();
        assert_eq!(resolution.choices.len(), 1);
        assert_eq!(resolution.choices[0].field, None);
        // Keeping ours' deletion leaves the opportunity pointing nowhere: refused.
        let errors = resolution.result().unwrap_err();
        assert!(
            errors[0].contains("refers to touchpoint \"tp-1\""),
            "{errors:?}"
        );
        resolution.choices[0].pick = Pick::Theirs;
        let journey = resolution.result().unwrap();
        assert!(journey.touchpoint(&"tp-1".into()).is_some());
        assert_eq!(
            journey.touchpoints[0].id.as_str(),
            "tp-1",
            "back in its place"
        );
    }

    #[test]
    fn unbalanced_markers_are_not_split() {
        assert!(split_sides("a\n<<<<<<< x\nb\n").is_none());
        assert!(split_sides("no markers\n").is_none());
    }
}
