//! Each kind's fields, described once: the name files give a field, the column a sheet
//! gives it (and other names a header may use), the message id of its label, its shape
//! (text, lines, yes/no, a number, a duration, a choice, a stage, references) and how to
//! read and write its value. The sheets (import, paste, copy, a typed cell), the table
//! view's columns, Find, the diff's and the resolver's field words read this table, so
//! a new field is its struct's line, its row here, its drawing and its words.
//!
//! `Value` borrows the element's text (`get` copies nothing), and `set` takes any value
//! of the field's shape: a value of another shape is refused, never coerced.

use super::*;
use std::borrow::Cow;

/// What a field holds, and so how a cell reads and writes it.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// Free text; spaces and line breaks kept.
    Text,
    /// Several texts: one a line in a cell.
    Lines,
    /// Yes or no.
    YesNo,
    /// A whole number in a range; empty for none.
    Whole { min: i64, max: i64 },
    /// A number in a range; empty for none.
    Number { min: f64, max: f64 },
    /// A length of time (`30 min`); empty for none.
    Duration,
    /// One of a closed vocabulary, by key; `family` names its words. Empty for none
    /// when `optional`.
    Choice {
        family: &'static str,
        keys: fn() -> Vec<&'static str>,
        optional: bool,
    },
    /// One of the six stages.
    Stage,
    /// An element of one of `kinds`, by id or name; empty for none when `optional`.
    Ref {
        kinds: &'static [ElementKind],
        optional: bool,
    },
    /// Elements of one of `kinds`, one a line.
    Refs { kinds: &'static [ElementKind] },
    /// Scores on the journey's extra curves (-2..2), one `curve: score` a line.
    Scores,
    /// Only the file carries it (a catalogue entry's colour): no cell, no column.
    Other,
}

impl Shape {
    /// Whether a sheet and a table cell carry it.
    pub fn in_sheets(self) -> bool {
        !matches!(self, Shape::Other)
    }

    /// Whether it holds a catalogue entry made from a new name (channels, departments,
    /// actors), rather than an element that must exist.
    pub fn makes_entries(self) -> bool {
        match self {
            Shape::Ref { kinds, .. } | Shape::Refs { kinds } => kinds.iter().all(|k| {
                matches!(
                    k,
                    ElementKind::Channel | ElementKind::Department | ElementKind::Actor
                )
            }),
            _ => false,
        }
    }
}

/// A field's value; texts borrowed from the element.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    Lines(Vec<Cow<'a, str>>),
    YesNo(bool),
    Whole(Option<i64>),
    Number(Option<f64>),
    Duration(Option<Duration>),
    Choice(Option<&'static str>),
    Stage(Stage),
    Ref(Option<ElementId>),
    Refs(Vec<ElementId>),
    /// Each curve and its score.
    Scores(Vec<(ElementId, i64)>),
    Other,
}

impl Value<'_> {
    /// Nothing there: an empty text or list, no number, no reference, "no".
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Text(t) => t.is_empty(),
            Value::Lines(l) => l.is_empty(),
            Value::YesNo(b) => !b,
            Value::Whole(n) => n.is_none(),
            Value::Number(n) => n.is_none(),
            Value::Duration(d) => d.is_none(),
            Value::Choice(c) => c.is_none(),
            Value::Stage(_) | Value::Other => false,
            Value::Ref(r) => r.is_none(),
            Value::Refs(r) => r.is_empty(),
            Value::Scores(s) => s.is_empty(),
        }
    }

    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Text(t) => Value::Text(Cow::Owned(t.into_owned())),
            Value::Lines(l) => {
                Value::Lines(l.into_iter().map(|t| Cow::Owned(t.into_owned())).collect())
            }
            Value::YesNo(b) => Value::YesNo(b),
            Value::Whole(n) => Value::Whole(n),
            Value::Number(n) => Value::Number(n),
            Value::Duration(d) => Value::Duration(d),
            Value::Choice(c) => Value::Choice(c),
            Value::Stage(s) => Value::Stage(s),
            Value::Ref(r) => Value::Ref(r),
            Value::Refs(r) => Value::Refs(r),
            Value::Scores(s) => Value::Scores(s),
            Value::Other => Value::Other,
        }
    }

    /// The texts it holds, for Find.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Value::Text(t) => vec![t.as_ref()],
            Value::Lines(l) => l.iter().map(AsRef::as_ref).collect(),
            _ => Vec::new(),
        }
    }

    fn mismatch(&self) -> String {
        format!("a value of the wrong shape: {self:?}")
    }

    pub fn text(self) -> Result<String, String> {
        match self {
            Value::Text(t) => Ok(t.into_owned()),
            other => Err(other.mismatch()),
        }
    }

    pub fn lines(self) -> Result<Vec<String>, String> {
        match self {
            Value::Lines(l) => Ok(l.into_iter().map(Cow::into_owned).collect()),
            other => Err(other.mismatch()),
        }
    }

    pub fn yes_no(self) -> Result<bool, String> {
        match self {
            Value::YesNo(b) => Ok(b),
            other => Err(other.mismatch()),
        }
    }

    pub fn whole(self) -> Result<Option<i64>, String> {
        match self {
            Value::Whole(n) => Ok(n),
            other => Err(other.mismatch()),
        }
    }

    pub fn number(self) -> Result<Option<f64>, String> {
        match self {
            Value::Number(n) => Ok(n),
            other => Err(other.mismatch()),
        }
    }

    pub fn duration(self) -> Result<Option<Duration>, String> {
        match self {
            Value::Duration(d) => Ok(d),
            other => Err(other.mismatch()),
        }
    }

    /// A choice's value as its vocabulary's type.
    pub fn choice<V: std::str::FromStr>(self) -> Result<Option<V>, String> {
        match self {
            Value::Choice(None) => Ok(None),
            Value::Choice(Some(key)) => key
                .parse()
                .map(Some)
                .map_err(|_| format!("{key:?} is not a known choice")),
            other => Err(other.mismatch()),
        }
    }

    pub fn stage(self) -> Result<Stage, String> {
        match self {
            Value::Stage(s) => Ok(s),
            other => Err(other.mismatch()),
        }
    }

    pub fn reference(self) -> Result<Option<ElementId>, String> {
        match self {
            Value::Ref(r) => Ok(r),
            other => Err(other.mismatch()),
        }
    }

    pub fn references(self) -> Result<Vec<ElementId>, String> {
        match self {
            Value::Refs(r) => Ok(r),
            other => Err(other.mismatch()),
        }
    }

    pub fn scores(self) -> Result<Vec<(ElementId, i64)>, String> {
        match self {
            Value::Scores(s) => Ok(s),
            other => Err(other.mismatch()),
        }
    }
}

/// One field of a kind of element.
pub struct Field<T: 'static> {
    /// Its name in files (`time_standard`).
    pub name: &'static str,
    /// Its column in sheets (`time standard`).
    pub column: &'static str,
    /// Other names a sheet's header may give the column.
    pub aliases: &'static [&'static str],
    /// Message id of its label (`field-time-standard`).
    pub label: &'static str,
    pub shape: Shape,
    pub get: for<'a> fn(&'a T) -> Value<'a>,
    /// Writes a value of the field's shape; the error says why not, in words.
    pub set: fn(&mut T, Value<'_>) -> Result<(), String>,
}

impl<T> std::fmt::Debug for Field<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field").field("name", &self.name).finish()
    }
}

impl<T> Field<T> {
    /// Whether `header` names this field's column (its column, file name or an alias,
    /// ignoring case, accents, spaces and underscores).
    pub fn is_named(&self, header: &str) -> bool {
        let wanted = header_key(header);
        !wanted.is_empty()
            && (header_key(self.column) == wanted
                || header_key(self.name) == wanted
                || self.aliases.iter().any(|a| header_key(a) == wanted))
    }
}

/// A header cell as compared: folded, underscores as spaces.
pub fn header_key(text: &str) -> String {
    names::fold(&text.replace('_', " "))
}

fn text_of(text: &str) -> Value<'_> {
    Value::Text(Cow::Borrowed(text))
}

fn lines_of(lines: &[String]) -> Value<'_> {
    Value::Lines(lines.iter().map(|l| Cow::Borrowed(l.as_str())).collect())
}

fn ref_of<I: AsRef<str>>(kind: ElementKind, id: Option<&I>) -> Value<'static> {
    Value::Ref(id.map(|id| ElementId::new(kind, id.as_ref())))
}

fn refs_of<I: AsRef<str>>(kind: ElementKind, ids: &[I]) -> Value<'static> {
    Value::Refs(
        ids.iter()
            .map(|id| ElementId::new(kind, id.as_ref()))
            .collect(),
    )
}

/// The ids of `kind` among `refs`; another kind is refused.
fn ids_of<I: for<'s> From<&'s str>>(
    kind: ElementKind,
    refs: Vec<ElementId>,
) -> Result<Vec<I>, String> {
    refs.into_iter()
        .map(|r| one_id(kind, r))
        .collect::<Result<Vec<_>, _>>()
}

fn one_id<I: for<'s> From<&'s str>>(kind: ElementKind, r: ElementId) -> Result<I, String> {
    if r.kind() == kind {
        Ok(I::from(r.as_str()))
    } else {
        Err(format!(
            "{} {} is not a {}",
            r.kind().singular(),
            r.as_str(),
            kind.singular()
        ))
    }
}

fn keys_of<V: Copy + Into<&'static str>>(all: &[V]) -> Vec<&'static str> {
    all.iter().map(|v| (*v).into()).collect()
}

const TOUCHPOINT: &[ElementKind] = &[ElementKind::Touchpoint];
const EVIDENCE: &[ElementKind] = &[ElementKind::Evidence];
const CHANNEL: &[ElementKind] = &[ElementKind::Channel];
const DEPARTMENT: &[ElementKind] = &[ElementKind::Department];
const ACTOR: &[ElementKind] = &[ElementKind::Actor];
const ENDS: &[ElementKind] = &[ElementKind::Touchpoint, ElementKind::Step];
const TARGETS: &[ElementKind] = &[
    ElementKind::Touchpoint,
    ElementKind::GreyArea,
    ElementKind::Step,
];
const STEP: &[ElementKind] = &[ElementKind::Step];

/// A text field whose column is its name.
macro_rules! text_field {
    ($t:ty, $name:literal, $column:literal, $label:literal, $field:ident $(, $alias:literal)*) => {
        Field {
            name: $name,
            column: $column,
            aliases: &[$($alias),*],
            label: $label,
            shape: Shape::Text,
            get: |e: &$t| text_of(&e.$field),
            set: |e: &mut $t, v| {
                e.$field = v.text()?;
                Ok(())
            },
        }
    };
}

/// The phase of its stage an element is in: a name, spaces around it dropped.
macro_rules! phase_field {
    ($t:ty) => {
        Field {
            name: "phase",
            column: "phase",
            aliases: &["fase"],
            label: "field-phase",
            shape: Shape::Text,
            get: |e: &$t| text_of(&e.phase),
            set: |e: &mut $t, v| {
                e.phase = v.text()?.trim().to_owned();
                Ok(())
            },
        }
    };
}

pub const TOUCHPOINT_FIELDS: &[Field<Touchpoint>] = &[
    Field {
        name: "stage",
        column: "stage",
        aliases: &[],
        label: "field-stage",
        shape: Shape::Stage,
        get: |t| Value::Stage(t.stage),
        set: |t, v| {
            t.stage = v.stage()?;
            Ok(())
        },
    },
    phase_field!(Touchpoint),
    text_field!(Touchpoint, "title", "title", "field-title", title),
    text_field!(
        Touchpoint,
        "description",
        "description",
        "field-description",
        description
    ),
    Field {
        name: "channel",
        column: "channel",
        aliases: &[],
        label: "field-channel",
        shape: Shape::Ref {
            kinds: CHANNEL,
            optional: true,
        },
        get: |t| ref_of(ElementKind::Channel, t.channel.as_ref()),
        set: |t, v| {
            t.channel = v
                .reference()?
                .map(|r| one_id(ElementKind::Channel, r))
                .transpose()?;
            Ok(())
        },
    },
    Field {
        name: "department",
        column: "department",
        aliases: &[],
        label: "field-department",
        shape: Shape::Ref {
            kinds: DEPARTMENT,
            optional: true,
        },
        get: |t| ref_of(ElementKind::Department, t.department.as_ref()),
        set: |t, v| {
            t.department = v
                .reference()?
                .map(|r| one_id(ElementKind::Department, r))
                .transpose()?;
            Ok(())
        },
    },
    text_field!(
        Touchpoint,
        "action",
        "doing",
        "field-action",
        action,
        "does"
    ),
    text_field!(
        Touchpoint,
        "thought",
        "thinking",
        "field-thought",
        thought,
        "thinks"
    ),
    text_field!(
        Touchpoint,
        "expectation",
        "expectation",
        "field-expectation",
        expectation
    ),
    Field {
        name: "emotion",
        column: "emotion",
        aliases: &["emotion score", "score", "emocion", "puntuacion"],
        label: "field-emotion",
        shape: Shape::Whole {
            min: EMOTION_MIN as i64,
            max: EMOTION_MAX as i64,
        },
        get: |t| Value::Whole(t.emotion.as_ref().map(|e| i64::from(e.score))),
        set: |t, v| {
            match v.whole()? {
                None => t.emotion = None,
                Some(score) => {
                    let score = i8::try_from(score)
                        .ok()
                        .filter(|s| (EMOTION_MIN..=EMOTION_MAX).contains(s))
                        .ok_or_else(|| format!("emotion {score} is not -2 to 2"))?;
                    t.emotion.get_or_insert_with(Emotion::default).score = score;
                }
            }
            Ok(())
        },
    },
    Field {
        name: "word",
        column: "word",
        aliases: &["emotion word", "palabra"],
        label: "field-emotion-word",
        shape: Shape::Text,
        get: |t| text_of(t.emotion.as_ref().map_or("", |e| e.word.as_str())),
        set: |t, v| {
            let word = v.text()?;
            match &mut t.emotion {
                Some(emotion) => emotion.word = word,
                None if word.is_empty() => {}
                None => return Err("an emotion word needs a score (-2 to 2)".to_owned()),
            }
            Ok(())
        },
    },
    Field {
        name: "key_moment",
        column: "moment of truth",
        aliases: &["key moment"],
        label: "field-key-moment",
        shape: Shape::YesNo,
        get: |t| Value::YesNo(t.key_moment),
        set: |t, v| {
            t.key_moment = v.yes_no()?;
            Ok(())
        },
    },
    Field {
        name: "pain_points",
        column: "pain points",
        aliases: &[],
        label: "field-pain-points",
        shape: Shape::Lines,
        get: |t| lines_of(&t.pain_points),
        set: |t, v| {
            t.pain_points = v.lines()?;
            Ok(())
        },
    },
    Field {
        name: "evidence",
        column: "evidence",
        aliases: &[],
        label: "field-evidence",
        shape: Shape::Refs { kinds: EVIDENCE },
        get: |t| refs_of(ElementKind::Evidence, &t.evidence),
        set: |t, v| {
            t.evidence = ids_of(ElementKind::Evidence, v.references()?)?;
            Ok(())
        },
    },
    Field {
        name: "deviation",
        column: "deviation",
        aliases: &[],
        label: "field-deviation",
        shape: Shape::Choice {
            family: "deviation",
            keys: || keys_of(Deviation::ALL),
            optional: true,
        },
        get: |t| Value::Choice(t.deviation.map(Deviation::key)),
        set: |t, v| {
            t.deviation = v.choice()?;
            Ok(())
        },
    },
    Field {
        name: "planned_after",
        column: "planned after",
        aliases: &[],
        label: "field-planned-after",
        shape: Shape::Ref {
            kinds: TOUCHPOINT,
            optional: true,
        },
        get: |t| ref_of(ElementKind::Touchpoint, t.planned_after.as_ref()),
        set: |t, v| {
            t.planned_after = v
                .reference()?
                .map(|r| one_id(ElementKind::Touchpoint, r))
                .transpose()?;
            Ok(())
        },
    },
    Field {
        name: "scores",
        column: "curves",
        aliases: &["curve scores"],
        label: "field-curves",
        shape: Shape::Scores,
        get: |t| {
            Value::Scores(
                t.scores
                    .iter()
                    .map(|s| (ElementId::Curve(s.curve.clone()), i64::from(s.score)))
                    .collect(),
            )
        },
        set: |t, v| {
            let mut scores = Vec::new();
            for (curve, score) in v.scores()? {
                let curve: CurveId = one_id(ElementKind::Curve, curve)?;
                let score = i8::try_from(score)
                    .ok()
                    .filter(|s| (EMOTION_MIN..=EMOTION_MAX).contains(s))
                    .ok_or_else(|| format!("a curve's score {score} is not -2 to 2"))?;
                if scores.iter().any(|s: &CurveScore| s.curve == curve) {
                    return Err(format!("curve {curve} is scored twice"));
                }
                scores.push(CurveScore { curve, score });
            }
            t.scores = scores;
            Ok(())
        },
    },
    text_field!(
        Touchpoint,
        "physical_evidence",
        "physical evidence",
        "field-physical-evidence",
        physical_evidence
    ),
];

pub const STEP_FIELDS: &[Field<Step>] = &[
    Field {
        name: "stage",
        column: "stage",
        aliases: &[],
        label: "field-stage",
        shape: Shape::Stage,
        get: |s| Value::Stage(s.stage),
        set: |s, v| {
            s.stage = v.stage()?;
            Ok(())
        },
    },
    phase_field!(Step),
    Field {
        name: "lane",
        column: "lane",
        aliases: &["layer"],
        label: "field-lane",
        shape: Shape::Choice {
            family: "blueprint-lane",
            keys: || keys_of(BlueprintLane::ALL),
            optional: false,
        },
        get: |s| Value::Choice(Some(s.lane.key())),
        set: |s, v| {
            s.lane = v
                .choice()?
                .ok_or_else(|| "a step needs its lane".to_owned())?;
            Ok(())
        },
    },
    Field {
        name: "actor",
        column: "actor",
        aliases: &[],
        label: "field-actor",
        shape: Shape::Ref {
            kinds: ACTOR,
            optional: true,
        },
        get: |s| ref_of(ElementKind::Actor, s.actor.as_ref()),
        set: |s, v| {
            s.actor = v
                .reference()?
                .map(|r| one_id(ElementKind::Actor, r))
                .transpose()?;
            Ok(())
        },
    },
    text_field!(Step, "title", "title", "field-title", title),
    text_field!(
        Step,
        "description",
        "description",
        "field-description",
        description
    ),
    Field {
        name: "serves",
        column: "serves",
        aliases: &[],
        label: "field-serves",
        shape: Shape::Refs { kinds: TOUCHPOINT },
        get: |s| refs_of(ElementKind::Touchpoint, &s.serves),
        set: |s, v| {
            s.serves = ids_of(ElementKind::Touchpoint, v.references()?)?;
            Ok(())
        },
    },
    Field {
        name: "after",
        column: "after",
        aliases: &["follows", "despues de"],
        label: "field-after",
        shape: Shape::Refs { kinds: STEP },
        get: |s| refs_of(ElementKind::Step, &s.after),
        set: |s, v| {
            s.after = ids_of(ElementKind::Step, v.references()?)?;
            Ok(())
        },
    },
    Field {
        name: "wait",
        column: "wait",
        aliases: &["waiting", "espera"],
        label: "field-wait",
        shape: Shape::Duration,
        get: |s| Value::Duration(s.wait),
        set: |s, v| {
            s.wait = v.duration()?;
            Ok(())
        },
    },
    Field {
        name: "duration",
        column: "duration",
        aliases: &[],
        label: "field-duration",
        shape: Shape::Duration,
        get: |s| Value::Duration(s.duration),
        set: |s, v| {
            s.duration = v.duration()?;
            Ok(())
        },
    },
    Field {
        name: "time_standard",
        column: "time standard",
        aliases: &[],
        label: "field-time-standard",
        shape: Shape::Duration,
        get: |s| Value::Duration(s.time_standard),
        set: |s, v| {
            s.time_standard = v.duration()?;
            Ok(())
        },
    },
    Field {
        name: "fail_point",
        column: "fail point",
        aliases: &[],
        label: "field-fail-point",
        shape: Shape::YesNo,
        get: |s| Value::YesNo(s.fail_point),
        set: |s, v| {
            s.fail_point = v.yes_no()?;
            Ok(())
        },
    },
    Field {
        name: "fail_rate",
        column: "fail rate",
        aliases: &["failure rate"],
        label: "field-fail-rate",
        shape: Shape::Number {
            min: 0.0,
            max: 100.0,
        },
        get: |s| Value::Number(s.fail_rate),
        set: |s, v| {
            s.fail_rate = match v.number()? {
                Some(rate) if !(0.0..=100.0).contains(&rate) => {
                    return Err(format!("a fail rate of {rate} is not 0 to 100 %"));
                }
                rate => rate,
            };
            Ok(())
        },
    },
    text_field!(
        Step,
        "physical_evidence",
        "physical evidence",
        "field-physical-evidence",
        physical_evidence
    ),
    Field {
        name: "evidence",
        column: "evidence",
        aliases: &[],
        label: "field-evidence",
        shape: Shape::Refs { kinds: EVIDENCE },
        get: |s| refs_of(ElementKind::Evidence, &s.evidence),
        set: |s, v| {
            s.evidence = ids_of(ElementKind::Evidence, v.references()?)?;
            Ok(())
        },
    },
];

fn end_of(end: &End) -> ElementId {
    match end {
        End::Touchpoint(t) => ElementId::Touchpoint(t.clone()),
        End::Step(s) => ElementId::Step(s.clone()),
    }
}

fn end_from(value: Value<'_>) -> Result<End, String> {
    match value.reference()? {
        Some(ElementId::Touchpoint(t)) => Ok(End::Touchpoint(t)),
        Some(ElementId::Step(s)) => Ok(End::Step(s)),
        Some(other) => Err(format!(
            "{} {} is neither a touchpoint nor a step",
            other.kind().singular(),
            other.as_str()
        )),
        None => Err("a grey area needs both its ends".to_owned()),
    }
}

pub const GREY_AREA_FIELDS: &[Field<GreyArea>] = &[
    text_field!(GreyArea, "title", "title", "field-title", title),
    Field {
        name: "from",
        column: "from",
        aliases: &[],
        label: "resolve-field-from",
        shape: Shape::Ref {
            kinds: ENDS,
            optional: false,
        },
        get: |g| Value::Ref(Some(end_of(&g.from))),
        set: |g, v| {
            g.from = end_from(v)?;
            Ok(())
        },
    },
    Field {
        name: "to",
        column: "to",
        aliases: &[],
        label: "resolve-field-to",
        shape: Shape::Ref {
            kinds: ENDS,
            optional: false,
        },
        get: |g| Value::Ref(Some(end_of(&g.to))),
        set: |g, v| {
            g.to = end_from(v)?;
            Ok(())
        },
    },
    Field {
        name: "kind",
        column: "kind",
        aliases: &[],
        label: "field-grey-kind",
        shape: Shape::Choice {
            family: "grey-kind",
            keys: || keys_of(GreyAreaKind::ALL),
            optional: false,
        },
        get: |g| Value::Choice(Some(g.kind.key())),
        set: |g, v| {
            g.kind = v
                .choice()?
                .ok_or_else(|| "a grey area needs its kind".to_owned())?;
            Ok(())
        },
    },
    Field {
        name: "severity",
        column: "severity",
        aliases: &[],
        label: "field-severity",
        shape: Shape::Choice {
            family: "severity",
            keys: || keys_of(Severity::ALL),
            optional: false,
        },
        get: |g| Value::Choice(Some(g.severity.key())),
        set: |g, v| {
            g.severity = v
                .choice()?
                .ok_or_else(|| "a grey area needs its severity".to_owned())?;
            Ok(())
        },
    },
    text_field!(
        GreyArea,
        "experience",
        "experience",
        "field-experience",
        experience
    ),
    Field {
        name: "departments",
        column: "departments",
        aliases: &[],
        label: "field-departments",
        shape: Shape::Refs { kinds: DEPARTMENT },
        get: |g| refs_of(ElementKind::Department, &g.departments),
        set: |g, v| {
            g.departments = ids_of(ElementKind::Department, v.references()?)?;
            Ok(())
        },
    },
    Field {
        name: "channels",
        column: "channels",
        aliases: &[],
        label: "field-channels",
        shape: Shape::Refs { kinds: CHANNEL },
        get: |g| refs_of(ElementKind::Channel, &g.channels),
        set: |g, v| {
            g.channels = ids_of(ElementKind::Channel, v.references()?)?;
            Ok(())
        },
    },
    Field {
        name: "evidence",
        column: "evidence",
        aliases: &[],
        label: "field-evidence",
        shape: Shape::Refs { kinds: EVIDENCE },
        get: |g| refs_of(ElementKind::Evidence, &g.evidence),
        set: |g, v| {
            g.evidence = ids_of(ElementKind::Evidence, v.references()?)?;
            Ok(())
        },
    },
    text_field!(GreyArea, "fix", "fix", "field-fix", fix),
    text_field!(GreyArea, "owner", "owner", "field-owner", owner),
    Field {
        name: "status",
        column: "status",
        aliases: &[],
        label: "field-status",
        shape: Shape::Choice {
            family: "grey-status",
            keys: || keys_of(GreyAreaStatus::ALL),
            optional: false,
        },
        get: |g| Value::Choice(Some(g.status.key())),
        set: |g, v| {
            g.status = v.choice()?.unwrap_or_default();
            Ok(())
        },
    },
];

/// The first metric of `e` (the one a sheet's metric columns hold), made (a custom
/// one, value 0) if it has none.
fn metric_of(e: &mut Evidence) -> &mut Metric {
    if e.metrics.is_empty() {
        e.metrics.push(Metric {
            name: MetricName::Custom,
            label: String::new(),
            value: 0.0,
            scale: String::new(),
            sample_size: None,
        });
    }
    &mut e.metrics[0]
}

pub const EVIDENCE_FIELDS: &[Field<Evidence>] = &[
    Field {
        name: "kind",
        column: "kind",
        aliases: &[],
        label: "field-kind",
        shape: Shape::Choice {
            family: "evidence-kind",
            keys: || keys_of(EvidenceKind::ALL),
            optional: false,
        },
        get: |e| Value::Choice(Some(e.kind.key())),
        set: |e, v| {
            e.kind = v
                .choice()?
                .ok_or_else(|| "evidence needs its kind".to_owned())?;
            Ok(())
        },
    },
    text_field!(Evidence, "text", "text", "field-evidence-text", text),
    text_field!(Evidence, "source", "source", "field-source", source),
    Field {
        name: "date",
        column: "date",
        aliases: &[],
        label: "field-date",
        shape: Shape::Text,
        get: |e| text_of(&e.date),
        set: |e, v| {
            e.date = v.text()?.trim().to_owned();
            Ok(())
        },
    },
    Field {
        name: "confidence",
        column: "confidence",
        aliases: &[],
        label: "field-confidence",
        shape: Shape::Choice {
            family: "confidence",
            keys: || keys_of(Confidence::ALL),
            optional: false,
        },
        get: |e| Value::Choice(Some(e.confidence.key())),
        set: |e, v| {
            e.confidence = v.choice()?.unwrap_or_default();
            Ok(())
        },
    },
    // The first metric's parts. Setting one never changes the evidence's kind (a survey
    // keeps being a survey when its number is typed); no name drops that metric. The
    // others are edited in the inspector; a sheet leaves them as they are.
    Field {
        name: "metric",
        column: "metric",
        aliases: &[],
        label: "field-metric",
        shape: Shape::Choice {
            family: "metric",
            keys: || keys_of(MetricName::ALL),
            optional: true,
        },
        get: |e| Value::Choice(e.metric().map(|m| m.name.key())),
        set: |e, v| {
            match v.choice()? {
                None if e.metrics.is_empty() => {}
                None => drop(e.metrics.remove(0)),
                Some(name) => metric_of(e).name = name,
            }
            Ok(())
        },
    },
    Field {
        name: "label",
        column: "metric label",
        aliases: &[],
        label: "field-metric-label",
        shape: Shape::Text,
        get: |e| text_of(e.metric().map_or("", |m| m.label.as_str())),
        set: |e, v| {
            let label = v.text()?;
            if e.metric().is_some() || !label.is_empty() {
                metric_of(e).label = label;
            }
            Ok(())
        },
    },
    Field {
        name: "value",
        column: "value",
        aliases: &["metric value"],
        label: "field-metric-value",
        shape: Shape::Number {
            min: f64::MIN,
            max: f64::MAX,
        },
        get: |e| Value::Number(e.metric().map(|m| m.value)),
        set: |e, v| {
            match v.number()? {
                Some(value) => metric_of(e).value = value,
                None if e.metric().is_some() => {
                    return Err("a metric needs its value: clear its name to drop it".to_owned());
                }
                None => {}
            }
            Ok(())
        },
    },
    Field {
        name: "scale",
        column: "scale",
        aliases: &[],
        label: "field-metric-scale",
        shape: Shape::Text,
        get: |e| text_of(e.metric().map_or("", |m| m.scale.as_str())),
        set: |e, v| {
            let scale = v.text()?;
            if e.metric().is_some() || !scale.is_empty() {
                metric_of(e).scale = scale;
            }
            Ok(())
        },
    },
    Field {
        name: "sample_size",
        column: "sample size",
        aliases: &["n"],
        label: "field-sample-size",
        shape: Shape::Whole {
            min: 0,
            max: u32::MAX as i64,
        },
        get: |e| Value::Whole(e.metric().and_then(|m| m.sample_size).map(i64::from)),
        set: |e, v| {
            let n = v.whole()?;
            if e.metric().is_some() || n.is_some() {
                metric_of(e).sample_size = n.and_then(|n| u32::try_from(n).ok());
            }
            Ok(())
        },
    },
    Field {
        name: "attachments",
        column: "attachments",
        aliases: &["photos"],
        label: "field-attachments",
        shape: Shape::Lines,
        get: |e| lines_of(&e.attachments),
        set: |e, v| {
            e.attachments = v.lines()?;
            Ok(())
        },
    },
];

pub const OPPORTUNITY_FIELDS: &[Field<Opportunity>] = &[
    Field {
        name: "target",
        column: "target",
        aliases: &["for"],
        label: "resolve-field-target",
        shape: Shape::Ref {
            kinds: TARGETS,
            optional: false,
        },
        get: |o| Value::Ref(Some(o.target.element())),
        set: |o, v| {
            o.target = match v.reference()? {
                Some(ElementId::Touchpoint(t)) => OpportunityTarget::Touchpoint(t),
                Some(ElementId::GreyArea(g)) => OpportunityTarget::GreyArea(g),
                Some(ElementId::Step(s)) => OpportunityTarget::Step(s),
                Some(other) => {
                    return Err(format!(
                        "{} {} cannot hold an opportunity",
                        other.kind().singular(),
                        other.as_str()
                    ));
                }
                None => return Err("an opportunity needs what it is for".to_owned()),
            };
            Ok(())
        },
    },
    text_field!(Opportunity, "idea", "idea", "field-idea", idea),
    text_field!(
        Opportunity,
        "expected_effect",
        "expected effect",
        "field-expected-effect",
        expected_effect
    ),
    text_field!(Opportunity, "owner", "owner", "field-owner", owner),
    Field {
        name: "status",
        column: "status",
        aliases: &[],
        label: "field-status",
        shape: Shape::Choice {
            family: "opportunity-status",
            keys: || keys_of(OpportunityStatus::ALL),
            optional: false,
        },
        get: |o| Value::Choice(Some(o.status.key())),
        set: |o, v| {
            o.status = v.choice()?.unwrap_or_default();
            Ok(())
        },
    },
    Field {
        name: "value",
        column: "value",
        aliases: &[],
        label: "field-value",
        shape: Shape::Whole { min: 1, max: 5 },
        get: |o| Value::Whole(o.value.map(i64::from)),
        set: |o, v| {
            o.value = rating(v)?;
            Ok(())
        },
    },
    Field {
        name: "effort",
        column: "effort",
        aliases: &[],
        label: "field-effort",
        shape: Shape::Whole { min: 1, max: 5 },
        get: |o| Value::Whole(o.effort.map(i64::from)),
        set: |o, v| {
            o.effort = rating(v)?;
            Ok(())
        },
    },
];

fn rating(value: Value<'_>) -> Result<Option<u8>, String> {
    value
        .whole()?
        .map(|n| {
            u8::try_from(n)
                .ok()
                .filter(|r| (1..=5).contains(r))
                .ok_or_else(|| format!("{n} is not a rating from 1 to 5"))
        })
        .transpose()
}

/// A catalogue entry's colour: shown, carried by the file, not by sheets.
macro_rules! colour_field {
    ($t:ty) => {
        Field {
            name: "colour",
            column: "colour",
            aliases: &["color"],
            label: "resolve-field-colour",
            shape: Shape::Other,
            get: |_: &$t| Value::Other,
            set: |_: &mut $t, _| Err("a colour is picked in the catalogue".to_owned()),
        }
    };
}

pub const CHANNEL_FIELDS: &[Field<Channel>] = &[
    text_field!(Channel, "name", "name", "resolve-field-name", name),
    Field {
        name: "kind",
        column: "kind",
        aliases: &[],
        label: "field-kind",
        shape: Shape::Choice {
            family: "channel-kind",
            keys: || keys_of(ChannelKind::ALL),
            optional: false,
        },
        get: |c| Value::Choice(Some(c.kind.key())),
        set: |c, v| {
            c.kind = v
                .choice()?
                .ok_or_else(|| "a channel needs its kind".to_owned())?;
            Ok(())
        },
    },
    colour_field!(Channel),
];

pub const DEPARTMENT_FIELDS: &[Field<Department>] = &[
    text_field!(Department, "name", "name", "resolve-field-name", name),
    colour_field!(Department),
];

pub const ACTOR_FIELDS: &[Field<Actor>] = &[
    text_field!(Actor, "name", "name", "resolve-field-name", name),
    Field {
        name: "kind",
        column: "kind",
        aliases: &[],
        label: "field-kind",
        shape: Shape::Choice {
            family: "actor-kind",
            keys: || keys_of(ActorKind::ALL),
            optional: false,
        },
        get: |a| Value::Choice(Some(a.kind.key())),
        set: |a, v| {
            a.kind = v
                .choice()?
                .ok_or_else(|| "an actor needs its kind".to_owned())?;
            Ok(())
        },
    },
    colour_field!(Actor),
];

pub const CURVE_FIELDS: &[Field<Curve>] = &[
    text_field!(Curve, "name", "name", "resolve-field-name", name),
    colour_field!(Curve),
];

pub const VOTE_FIELDS: &[Field<VoteRound>] = &[
    text_field!(
        VoteRound,
        "question",
        "question",
        "field-question",
        question
    ),
    text_field!(VoteRound, "date", "date", "field-date", date),
    Field {
        name: "participants",
        column: "participants",
        aliases: &[],
        label: "field-participants",
        shape: Shape::Whole {
            min: 0,
            max: u32::MAX as i64,
        },
        get: |v| Value::Whole(Some(i64::from(v.participants))),
        set: |v, value| {
            v.participants = value
                .whole()?
                .map(u32::try_from)
                .transpose()
                .map_err(|_| "participants are a number from 0".to_owned())?
                .unwrap_or(0);
            Ok(())
        },
    },
    // The dots each element got: references through the table (renames, deletions,
    // merges and validation reach them), each with its number.
    Field {
        name: "counts",
        column: "counts",
        aliases: &[],
        label: "field-counts",
        shape: Shape::Other,
        get: |v| {
            Value::Scores(
                v.counts
                    .iter()
                    .map(|(target, n)| (target.element(), i64::from(*n)))
                    .collect(),
            )
        },
        set: |v, value| {
            let mut counts = Vec::new();
            for (element, n) in value.scores()? {
                let target = VoteTarget::of(&element).ok_or_else(|| {
                    format!(
                        "a room votes on grey areas, opportunities and touchpoints, not {} {}",
                        element.kind().singular(),
                        element.as_str()
                    )
                })?;
                let n = u32::try_from(n).map_err(|_| format!("{n} is not a number of votes"))?;
                counts.push((target, n));
            }
            v.counts = counts;
            Ok(())
        },
    },
];

/// A kind a sheet's row can make: an element with only its id, and the fields a new
/// row must give.
pub trait Blank: Item {
    /// The fields a row that adds an element must fill.
    const REQUIRED: &'static [&'static str];
    fn blank(id: &str) -> Self;
}

impl Blank for Touchpoint {
    const REQUIRED: &'static [&'static str] = &["stage", "title"];
    fn blank(id: &str) -> Self {
        Touchpoint::new(TouchpointId::new(id), Stage::Awareness, "")
    }
}

impl Blank for Step {
    const REQUIRED: &'static [&'static str] = &["stage"];
    fn blank(id: &str) -> Self {
        Step::new(
            StepId::new(id),
            Stage::Awareness,
            BlueprintLane::Frontstage,
            "",
        )
    }
}

impl Blank for GreyArea {
    const REQUIRED: &'static [&'static str] = &["from", "to"];
    fn blank(id: &str) -> Self {
        GreyArea::new(
            GreyAreaId::new(id),
            End::Touchpoint(TouchpointId::new("")),
            End::Touchpoint(TouchpointId::new("")),
        )
    }
}

impl Blank for Evidence {
    const REQUIRED: &'static [&'static str] = &["text"];
    fn blank(id: &str) -> Self {
        Evidence::new(EvidenceId::new(id), EvidenceKind::Quote, String::new())
    }
}

impl Blank for Opportunity {
    const REQUIRED: &'static [&'static str] = &["target", "idea"];
    fn blank(id: &str) -> Self {
        Opportunity::new(
            OpportunityId::new(id),
            OpportunityTarget::Touchpoint(TouchpointId::new("")),
            String::new(),
        )
    }
}

/// The stage an element sits in, if its kind has one (touchpoints and steps stay
/// grouped by stage).
pub fn stage_of<T: Item>(element: &T) -> Option<Stage> {
    T::FIELDS
        .iter()
        .find(|f| matches!(f.shape, Shape::Stage))
        .and_then(|f| match (f.get)(element) {
            Value::Stage(stage) => Some(stage),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_a_metric_keeps_the_evidences_kind() {
        let mut e = Evidence::new("ev-1".into(), EvidenceKind::Survey, "Post-delivery survey");
        let value = EVIDENCE_FIELDS.iter().find(|f| f.name == "value").unwrap();
        (value.set)(&mut e, Value::Number(Some(59.0))).unwrap();
        assert_eq!(e.kind, EvidenceKind::Survey);
        assert_eq!(e.metric().map(|m| m.value), Some(59.0));
    }

    #[test]
    fn a_field_is_named_by_its_column_its_file_name_or_an_alias() {
        let standard = STEP_FIELDS
            .iter()
            .find(|f| f.name == "time_standard")
            .unwrap();
        for header in [
            "time standard",
            "time_standard",
            "Time Standard",
            " TIME_standard ",
        ] {
            assert!(standard.is_named(header), "{header}");
        }
        assert!(!standard.is_named("standard"));
    }
}
