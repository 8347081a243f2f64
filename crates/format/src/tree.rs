//! A journey (or any part of one) as a tree of values, read through serde: every field
//! at any depth, in file order, with scalars written exactly as in the file. Diff and
//! merge walk these trees; `Node::to_ron` and `Node::rebuild` turn a merged tree back
//! into the typed value through the same parser that reads files.

use serde::ser::{self, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    /// A scalar as written in a file: `"text"`, `-1`, `true`, `Awareness`, `42.5`.
    Leaf(String),
    /// An absent optional value.
    Absent,
    /// A struct's fields in file order; fields left out when empty are missing.
    Struct(Vec<(&'static str, Node)>),
    /// A list.
    Seq(Vec<Node>),
    /// A map, keys written as in a file.
    Map(Vec<(String, Node)>),
    /// A tuple or the body of a tuple variant.
    Tuple(Vec<Node>),
    /// An enum variant that holds data: `Touchpoint("tp-1")`.
    Variant(&'static str, Box<Node>),
}

impl Node {
    /// The tree of `value`.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Node, TreeError> {
        value.serialize(NodeSerializer)
    }

    /// The field `name` of a struct node.
    pub fn field(&self, name: &str) -> Option<&Node> {
        match self {
            Node::Struct(fields) => fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Compact RON for this value, readable by the journey parser.
    pub fn to_ron(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        fn list<'a>(
            out: &mut String,
            open: char,
            close: char,
            items: impl Iterator<Item = &'a Node>,
        ) {
            out.push(open);
            for (i, item) in items.enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                item.write(out);
            }
            out.push(close);
        }
        match self {
            Node::Leaf(text) => out.push_str(text),
            Node::Absent => out.push_str("None"),
            Node::Struct(fields) => {
                out.push('(');
                for (i, (name, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(name);
                    out.push_str(": ");
                    value.write(out);
                }
                out.push(')');
            }
            Node::Seq(items) => list(out, '[', ']', items.iter()),
            Node::Tuple(items) => list(out, '(', ')', items.iter()),
            Node::Map(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(key);
                    out.push_str(": ");
                    value.write(out);
                }
                out.push('}');
            }
            Node::Variant(name, body) => {
                out.push_str(name);
                match body.as_ref() {
                    Node::Tuple(_) | Node::Struct(_) => body.write(out),
                    other => {
                        out.push('(');
                        other.write(out);
                        out.push(')');
                    }
                }
            }
        }
    }

    /// The typed value this tree describes, read by the journey parser's options.
    pub fn rebuild<T: serde::de::DeserializeOwned>(&self) -> Result<T, TreeError> {
        crate::format::ron_options()
            .from_str(&self.to_ron())
            .map_err(|e| TreeError(format!("{}: {}", e.code, self.to_ron())))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot read the value back: {0}")]
pub struct TreeError(pub String);

impl ser::Error for TreeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TreeError(msg.to_string())
    }
}

struct NodeSerializer;

fn leaf<T: Serialize + ?Sized>(value: &T) -> Result<Node, TreeError> {
    crate::format::ron_options()
        .to_string(value)
        .map(Node::Leaf)
        .map_err(|e| TreeError(e.to_string()))
}

impl ser::Serializer for NodeSerializer {
    type Ok = Node;
    type Error = TreeError;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = Items;
    type SerializeMap = Entries;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Fields;

    fn serialize_bool(self, v: bool) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_i8(self, v: i8) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_i16(self, v: i16) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_i32(self, v: i32) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_i64(self, v: i64) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_u8(self, v: u8) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_u16(self, v: u16) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_u32(self, v: u32) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_u64(self, v: u64) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_f32(self, v: f32) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_f64(self, v: f64) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_char(self, v: char) -> Result<Node, TreeError> {
        leaf(&v)
    }
    fn serialize_str(self, v: &str) -> Result<Node, TreeError> {
        leaf(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Node, TreeError> {
        leaf(v)
    }
    fn serialize_none(self) -> Result<Node, TreeError> {
        Ok(Node::Absent)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Node, TreeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, TreeError> {
        Ok(Node::Leaf("()".to_owned()))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Node, TreeError> {
        Ok(Node::Leaf("()".to_owned()))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Node, TreeError> {
        Ok(Node::Leaf(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Node, TreeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Node, TreeError> {
        Ok(Node::Variant(variant, Box::new(value.serialize(self)?)))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items, TreeError> {
        Ok(Items::new(len, None, false))
    }
    fn serialize_tuple(self, len: usize) -> Result<Items, TreeError> {
        Ok(Items::new(Some(len), None, true))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Items, TreeError> {
        Ok(Items::new(Some(len), None, true))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Items, TreeError> {
        Ok(Items::new(Some(len), Some(variant), true))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Entries, TreeError> {
        Ok(Entries {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Fields, TreeError> {
        Ok(Fields {
            fields: Vec::with_capacity(len),
            variant: None,
        })
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Fields, TreeError> {
        Ok(Fields {
            fields: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
}

struct Items {
    items: Vec<Node>,
    variant: Option<&'static str>,
    tuple: bool,
}

impl Items {
    fn new(len: Option<usize>, variant: Option<&'static str>, tuple: bool) -> Self {
        Items {
            items: Vec::with_capacity(len.unwrap_or(0).min(4096)),
            variant,
            tuple,
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        self.items.push(value.serialize(NodeSerializer)?);
        Ok(())
    }

    fn finish(self) -> Node {
        let body = if self.tuple {
            Node::Tuple(self.items)
        } else {
            Node::Seq(self.items)
        };
        match self.variant {
            Some(variant) => Node::Variant(variant, Box::new(body)),
            None => body,
        }
    }
}

impl ser::SerializeSeq for Items {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        self.push(value)
    }
    fn end(self) -> Result<Node, TreeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeTuple for Items {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        self.push(value)
    }
    fn end(self) -> Result<Node, TreeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleStruct for Items {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        self.push(value)
    }
    fn end(self) -> Result<Node, TreeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleVariant for Items {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        self.push(value)
    }
    fn end(self) -> Result<Node, TreeError> {
        Ok(self.finish())
    }
}

struct Entries {
    entries: Vec<(String, Node)>,
    key: Option<String>,
}

impl ser::SerializeMap for Entries {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), TreeError> {
        self.key = Some(key.serialize(NodeSerializer)?.to_ron());
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| TreeError("a map value without its key".to_owned()))?;
        self.entries.push((key, value.serialize(NodeSerializer)?));
        Ok(())
    }
    fn end(self) -> Result<Node, TreeError> {
        Ok(Node::Map(self.entries))
    }
}

struct Fields {
    fields: Vec<(&'static str, Node)>,
    variant: Option<&'static str>,
}

impl Fields {
    fn push<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TreeError> {
        self.fields.push((key, value.serialize(NodeSerializer)?));
        Ok(())
    }

    fn finish(self) -> Node {
        let body = Node::Struct(self.fields);
        match self.variant {
            Some(variant) => Node::Variant(variant, Box::new(body)),
            None => body,
        }
    }
}

impl ser::SerializeStruct for Fields {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TreeError> {
        self.push(key, value)
    }
    fn end(self) -> Result<Node, TreeError> {
        Ok(self.finish())
    }
}

impl ser::SerializeStructVariant for Fields {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TreeError> {
        self.push(key, value)
    }
    fn end(self) -> Result<Node, TreeError> {
        Ok(self.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn a_journey_survives_the_round_trip() {
        for name in [
            "online-order-delivery-return",
            "portabilidad-operador-movil",
        ] {
            let path = format!(
                "{}/journeys/{name}.ron",
                concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
            );
            let parsed = crate::format::load(std::path::Path::new(&path)).unwrap();
            let node = Node::of(&parsed.journey).unwrap();
            let back: Journey = node.rebuild().unwrap();
            assert_eq!(back, parsed.journey);
        }
    }

    #[test]
    fn nested_lists_and_variants_are_seen() {
        let mut journey = Journey::new("t", Language::En);
        journey.persona.goals = vec!["Save time".into()];
        journey.opportunities.push(Opportunity::new(
            "op-1".into(),
            OpportunityTarget::GreyArea("ga-1".into()),
            "x",
        ));
        let node = Node::of(&journey).unwrap();
        let goals = node.field("persona").and_then(|p| p.field("goals"));
        assert_eq!(
            goals,
            Some(&Node::Seq(vec![Node::Leaf("\"Save time\"".into())]))
        );
        let target = Node::of(&journey.opportunities[0]).unwrap();
        assert_eq!(
            target.field("target").map(Node::to_ron).as_deref(),
            Some("GreyArea(\"ga-1\")")
        );
        let back: Journey = node.rebuild().unwrap();
        assert_eq!(back, journey);
    }
}
