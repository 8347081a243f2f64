//! Mermaid `journey` diagrams. Export: the title, a section per stage (its name on the
//! map, in the journey's language), a task per touchpoint with its emotion mapped from
//! -2..2 to Mermaid's 1..5 (3 when unscored) and its department as the actor. Import:
//! such a diagram becomes a new journey: sections are matched to stages by name
//! (English, Spanish or the stage's own label), else in order; each task is a
//! touchpoint; actors become departments.
//!
//! Mermaid ends a task's name at `:`, reads `#`, `;`, `%%` and leading keywords
//! (`title`, `section`, `accTitle`) specially and splits actors at `,`: such characters
//! are written as Mermaid's entity codes (`#58;` for `:`), which the diagram renders as
//! the character and import reads back, so a title round-trips exactly. (Files written
//! by older versions used look-alike characters, which import still reads.)

use crate::i18n::I18n;
use crate::model::{DepartmentId, Emotion, Journey, Language, Stage, Touchpoint, TouchpointId};
use thiserror::Error;

/// A line of a Mermaid journey that cannot be read.
#[derive(Debug, Error, PartialEq)]
#[error("{line}: {message}")]
pub struct MermaidError {
    pub line: usize,
    pub message: String,
}

/// Mermaid's score for an emotion score (-2..2 → 1..5; none → 3).
pub fn score(emotion: Option<i8>) -> u8 {
    (emotion.unwrap_or(0).clamp(-2, 2) + 3) as u8
}

/// Text read back from a diagram: entity codes (`#58;`) and the look-alikes of older
/// exports become their characters.
fn restore(text: &str) -> String {
    // Look-alikes are read in the diagram's own characters only: an entity code stands
    // for exactly its character (a title may hold a look-alike itself).
    let plain = |raw: &str, out: &mut String| {
        out.extend(raw.chars().map(|c| match c {
            '꞉' => ':',
            '＃' => '#',
            '﹔' => ';',
            c => c,
        }));
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        plain(&rest[..at], &mut out);
        let after = &rest[at + 1..];
        let code = after
            .find(';')
            .map(|end| &after[..end])
            .filter(|digits| !digits.is_empty() && digits.len() <= 7)
            .and_then(|digits| digits.parse::<u32>().ok().map(|n| (digits.len(), n)))
            .and_then(|(len, n)| char::from_u32(n).map(|c| (len, c)));
        match code {
            Some((len, c)) => {
                out.push(c);
                rest = &after[len + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    plain(rest, &mut out);
    out
}

/// Text as Mermaid reads it back unchanged: what it would take as syntax is written as
/// an entity code.
fn clean(text: &str) -> String {
    let code = |c: char| format!("#{};", u32::from(c));
    let lower = text.to_lowercase();
    let keyword = ["title", "section", "acc", "journey"]
        .iter()
        .any(|k| lower.starts_with(k));
    let last = text.chars().count().saturating_sub(1);
    text.chars()
        .enumerate()
        .map(|(i, c)| match c {
            ':' | '#' | ';' | ',' | '%' | '\n' | '\r' | '\t' | '{' | '}' | '<' | '>' => code(c),
            // What older exports wrote for syntax reads back as syntax: written as codes.
            '꞉' | '＃' | '﹔' => code(c),
            c if (i == 0 || i == last) && c.is_whitespace() => code(c),
            c if i == 0 && keyword => code(c),
            c => c.to_string(),
        })
        .collect()
}

/// The journey as a Mermaid `journey` diagram.
pub fn to_mermaid(journey: &Journey) -> String {
    let i18n = I18n::new(journey.language);
    let mut out = String::from("journey\n");
    out.push_str(&format!("    title {}\n", clean(&journey.title)));
    if !journey.steps.is_empty() {
        // A Mermaid journey has no service blueprint: say what is left out.
        let note = crate::tr!(i18n, "mermaid-steps-left-out", count = journey.steps.len());
        out.push_str(&format!("    %% {}\n", note.replace(['\n', '\r'], " ")));
    }
    let fallback = if journey.persona.name.trim().is_empty() {
        i18n.tr("mermaid-customer")
    } else {
        clean(&journey.persona.name)
    };
    for stage in Stage::ALL {
        out.push_str(&format!(
            "    section {}\n",
            clean(&i18n.stage_name(journey, *stage))
        ));
        for index in journey.stage_range(*stage) {
            let tp = &journey.touchpoints[index];
            let actor = tp
                .department
                .as_ref()
                .and_then(|d| journey.department(d))
                .map_or_else(|| fallback.clone(), |d| clean(&d.name));
            let title = if tp.title.is_empty() {
                i18n.tr("new-touchpoint")
            } else {
                clean(&tp.title)
            };
            out.push_str(&format!(
                "      {title}: {}: {actor}\n",
                score(tp.emotion_score())
            ));
        }
    }
    out
}

/// The diagram fenced for a markdown file.
pub fn to_markdown(journey: &Journey) -> String {
    format!("```mermaid\n{}```\n", to_mermaid(journey))
}

/// A new journey from a Mermaid `journey` diagram (bare, or the first ```mermaid block
/// of a markdown file), in `language`.
pub fn from_mermaid(text: &str, language: Language) -> Result<Journey, MermaidError> {
    let lines = diagram_lines(text);
    let mut journey = Journey::new("", language);
    journey.departments.clear();
    let mut started = false;
    let mut section: Option<Stage> = None;
    let mut sections = 0;
    let names = stage_names();
    for (number, line) in lines {
        let line = line.trim();
        if line.is_empty() || line.starts_with("%%") {
            continue;
        }
        let error = |message: String| MermaidError {
            line: number,
            message,
        };
        if !started {
            if line != "journey" {
                return Err(error(format!(
                    "a Mermaid journey starts with \"journey\", not {line:?}"
                )));
            }
            started = true;
            continue;
        }
        if let Some(title) = line.strip_prefix("title ") {
            journey.title = restore(title.trim());
        } else if line.starts_with("accTitle") || line.starts_with("accDescr") {
            continue;
        } else if let Some(name) = line.strip_prefix("section ") {
            let name = &restore(name.trim());
            let by_name = names
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, s)| *s);
            let stage = by_name.unwrap_or(Stage::ALL[sections.min(Stage::ALL.len() - 1)]);
            sections += 1;
            let default_name = I18n::new(language).term("stage", stage.key());
            if by_name.is_none() && *name != default_name {
                let notes = journey.stages.entry(stage).or_default();
                if notes.label.is_empty() {
                    notes.label = name.clone();
                }
            }
            section = Some(stage);
        } else {
            let Some(stage) = section else {
                return Err(error(format!(
                    "{line:?} comes before any section: write \"section NAME\" first"
                )));
            };
            let mut parts = line.splitn(3, ':');
            let title = parts.next().unwrap_or("").trim();
            let Some(score) = parts.next() else {
                return Err(error(format!(
                    "{line:?} is not a task: write \"Task name: score: actors\""
                )));
            };
            let score: u8 = score
                .trim()
                .parse()
                .map_err(|_| error(format!("{:?} is not a score: use 1 to 5", score.trim())))?;
            if !(1..=5).contains(&score) {
                return Err(error(format!("score {score} is outside 1 to 5")));
            }
            let actors: Vec<&str> = parts
                .next()
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect();
            let id = TouchpointId(format!("tp-{}", journey.touchpoints.len() + 1));
            let mut tp = Touchpoint::new(id, stage, restore(title));
            tp.emotion = Some(Emotion {
                score: score as i8 - 3,
                word: String::new(),
            });
            tp.department = actors
                .first()
                .map(|name| department(&mut journey, &restore(name)));
            for other in actors.iter().skip(1) {
                department(&mut journey, &restore(other));
            }
            journey.touchpoints.push(tp);
        }
    }
    if !started {
        return Err(MermaidError {
            line: 1,
            message: "no Mermaid journey here: it starts with \"journey\"".to_owned(),
        });
    }
    if journey.title.is_empty() {
        journey.title = I18n::new(language).tr("untitled-journey");
    }
    // Stage order, sections in the order they came (a stable sort).
    journey.touchpoints.sort_by_key(|t| t.stage);
    Ok(journey)
}

/// The lines of the diagram with their numbers in the file: all of it, or the first
/// ```mermaid block of a markdown file.
fn diagram_lines(text: &str) -> Vec<(usize, &str)> {
    let numbered: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
    let Some(start) = numbered
        .iter()
        .position(|(_, l)| l.trim_start().starts_with("```mermaid"))
    else {
        return numbered;
    };
    numbered[start + 1..]
        .iter()
        .take_while(|(_, l)| !l.trim_start().starts_with("```"))
        .copied()
        .collect()
}

/// The department named `name`, added if the journey has none by that name.
fn department(journey: &mut Journey, name: &str) -> DepartmentId {
    if let Some(d) = journey.departments.iter().find(|d| d.name == name) {
        return d.id.clone();
    }
    let department = crate::model::new_department(journey, name);
    let id = department.id.clone();
    journey.departments.push(department);
    id
}

/// Every stage's name in English and Spanish, and the Spanish names of earlier
/// versions.
fn stage_names() -> Vec<(String, Stage)> {
    let mut names: Vec<(String, Stage)> = [Language::En, Language::Es]
        .iter()
        .flat_map(|language| {
            let i18n = I18n::new(*language);
            Stage::ALL
                .iter()
                .map(move |s| (i18n.term("stage", s.key()), *s))
        })
        .collect();
    names.extend(
        crate::i18n::FORMER_STAGE_NAMES
            .iter()
            .map(|(name, stage)| ((*name).to_owned(), *stage)),
    );
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_mermaid_syntax_survive_as_entity_codes() {
        let mut j = Journey::new("Order: #1; fast", Language::En);
        for (n, title) in [
            "Pay: card\nor cash",
            "title of the deed",
            "section 3",
            "%% not a comment",
            "accTitle: x",
            " spaced ",
        ]
        .iter()
        .enumerate()
        {
            j.touchpoints.push(Touchpoint::new(
                TouchpointId(format!("tp-{}", n + 1)),
                Stage::Action,
                *title,
            ));
        }
        j.departments[0].name = "Sales, EMEA".into();
        j.touchpoints[0].department = Some(j.departments[0].id.clone());
        let text = to_mermaid(&j);
        assert!(text.contains("title Order#58; #35;1#59; fast"), "{text}");
        assert!(
            text.contains("      Pay#58; card#10;or cash: 3: Sales#44; EMEA"),
            "{text}"
        );
        assert!(text.contains("      #116;itle of the deed: 3:"), "{text}");
        let back = from_mermaid(&text, Language::En).unwrap();
        let titles: Vec<&str> = back.touchpoints.iter().map(|t| t.title.as_str()).collect();
        let wanted: Vec<&str> = j.touchpoints.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, wanted);
        assert_eq!(back.title, "Order: #1; fast");
        let department = back.touchpoints[0].department.as_ref().unwrap();
        assert_eq!(back.department(department).unwrap().name, "Sales, EMEA");
        // Older exports wrote look-alikes; they still read.
        let old = "journey\n title Order꞉ ＃1\n section Action\n  Pay꞉ now: 3: Me\n";
        let back = from_mermaid(old, Language::En).unwrap();
        assert_eq!(back.touchpoints[0].title, "Pay: now");
        // A title that holds a look-alike itself keeps it (found by the property test).
        let mut j = Journey::new("t", Language::En);
        j.touchpoints
            .push(Touchpoint::new("tp-1".into(), Stage::Awareness, "꞉ ＃ ﹔"));
        let back = from_mermaid(&to_mermaid(&j), Language::En).unwrap();
        assert_eq!(back.touchpoints[0].title, "꞉ ＃ ﹔");
    }

    #[test]
    fn former_spanish_stage_names_still_read() {
        let text = "journey\n title Día\n section Conciencia\n  Ve un anuncio: 4: Yo\n section Abogacía\n  Lo recomienda: 5: Yo\n";
        let j = from_mermaid(text, Language::Es).unwrap();
        assert_eq!(j.touchpoints[0].stage, Stage::Awareness);
        assert_eq!(j.touchpoints[1].stage, Stage::Advocacy);
        assert!(j.stages.is_empty(), "no label: they name the stages");
    }

    #[test]
    fn a_bad_line_says_where_and_what() {
        let text = "journey\n  title T\n  section A\n    Make tea: 9: Me\n";
        let error = from_mermaid(text, Language::En).unwrap_err();
        assert_eq!(error.line, 4);
        assert!(error.message.contains("outside 1 to 5"));
        let error = from_mermaid("journey\n  Make tea: 3: Me\n", Language::En).unwrap_err();
        assert_eq!(error.line, 2);
        assert!(from_mermaid("graph TD\n", Language::En).is_err());
    }

    #[test]
    fn sections_map_to_stages_by_name_then_in_order_and_keep_their_names() {
        let text = "```mermaid\njourney\n  title Day\n  section Go to work\n    Make tea: 5: Me\n    Go upstairs: 3: Me, Cat\n  section Uso\n    Do work: 1: Me\n```\n";
        let j = from_mermaid(text, Language::En).unwrap();
        assert_eq!(j.title, "Day");
        assert_eq!(j.touchpoints.len(), 3);
        assert_eq!(j.touchpoints[0].stage, Stage::Awareness);
        assert_eq!(j.stage_label(Stage::Awareness), Some("Go to work"));
        assert_eq!(j.touchpoints[2].stage, Stage::Usage, "Spanish stage name");
        assert_eq!(j.touchpoints[0].emotion_score(), Some(2));
        assert_eq!(j.touchpoints[2].emotion_score(), Some(-2));
        let names: Vec<&str> = j.departments.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["Me", "Cat"]);
    }
}
