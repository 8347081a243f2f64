//! How the map's elements read in words, in the map's (or the interface's) language:
//! a metric ("CSAT 4.5 (1-5, n = 312)"), a grey area's title or its two ends, a
//! duration, a step's facts, a field's value as a cell shows it. Used by the scene,
//! the table, the sheets, the published page, the report and the history; it draws
//! nothing.

use crate::i18n::I18n;
use crate::model::fields::{Shape, Value};
use crate::model::{ElementId, Evidence, EvidenceKind, GreyArea, Journey, Step};

/// What a step's card says under its title: the actor, and the duration over its
/// time standard.
pub fn step_facts(journey: &Journey, step: &Step, i18n: &I18n) -> (Option<String>, Option<String>) {
    let actor = step
        .actor
        .as_ref()
        .and_then(|a| journey.actor(a))
        .map(|a| a.name.clone())
        .filter(|n| !n.trim().is_empty());
    let shown = |d: crate::model::Duration| duration_text(d, i18n);
    let time = match (step.duration, step.time_standard) {
        (Some(d), Some(s)) => Some(crate::tr!(
            i18n,
            "step-duration-standard",
            duration = shown(d),
            standard = shown(s)
        )),
        (Some(d), None) => Some(shown(d)),
        (None, Some(s)) => Some(crate::tr!(i18n, "step-standard-only", standard = shown(s))),
        (None, None) => None,
    };
    (actor, time)
}

/// A step's wait before it starts, in words ("Waits 2 h").
pub fn step_wait(step: &Step, i18n: &I18n) -> Option<String> {
    step.wait
        .map(|w| crate::tr!(i18n, "step-wait", wait = duration_text(w, i18n)))
}

/// A step's fail rate as its marker shows it ("23.5 %").
pub fn fail_rate(rate: f64) -> String {
    let rounded = (rate * 10.0).round() / 10.0;
    format!("{rounded} %")
}

/// A length of time in minutes, in days, hours and minutes ("2 d 4 h 30 min"), the
/// largest two parts that are not zero; "0 min" for none.
pub fn elapsed_text(minutes: f64, i18n: &I18n) -> String {
    let total = minutes.max(0.0).round() as u64;
    let parts = [
        (total / 1440, "d"),
        (total % 1440 / 60, "h"),
        (total % 60, "min"),
    ];
    let shown: Vec<String> = parts
        .iter()
        .skip_while(|(n, _)| *n == 0)
        .take(2)
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {}", i18n.term("time-unit", unit)))
        .collect();
    if shown.is_empty() {
        format!("0 {}", i18n.term("time-unit", "min"))
    } else {
        shown.join(" ")
    }
}

/// The flow's time over some steps in words: "Elapsed 2 d 4 h, 1 d of it waiting",
/// and how many steps had no duration; None when no step there has a time.
pub fn elapsed_line(elapsed: &crate::model::flow::Elapsed, i18n: &I18n) -> Option<String> {
    if elapsed.steps == 0 || (elapsed.minutes <= 0.0 && elapsed.steps == elapsed.without_duration) {
        return None;
    }
    let mut line = if elapsed.waiting > 0.0 {
        crate::tr!(
            i18n,
            "flow-elapsed-waiting",
            elapsed = elapsed_text(elapsed.minutes, i18n),
            waiting = elapsed_text(elapsed.waiting, i18n)
        )
    } else {
        crate::tr!(
            i18n,
            "flow-elapsed",
            elapsed = elapsed_text(elapsed.minutes, i18n)
        )
    };
    if elapsed.without_duration > 0 {
        line.push_str(&crate::tr!(
            i18n,
            "flow-without-duration",
            count = elapsed.without_duration
        ));
    }
    Some(line)
}

/// When a step runs on the clock, from the journey's start: "11:30 → 11:50".
pub fn step_clock(
    journey: &Journey,
    timing: &crate::model::flow::Timing,
    index: usize,
) -> Option<String> {
    let start = crate::model::flow::read_clock(&journey.start)?;
    let step = journey.steps.get(index)?;
    if step.wait.is_none() && step.duration.is_none() && step.after.is_empty() {
        return None;
    }
    let (from, to) = (*timing.start.get(index)?, *timing.end.get(index)?);
    let (a, b) = (
        crate::model::flow::clock_after(start, from),
        crate::model::flow::clock_after(start, to),
    );
    Some(if a == b { a } else { format!("{a} → {b}") })
}

/// A duration in the map's language ("30 min", "2 sem").
pub fn duration_text(d: crate::model::Duration, i18n: &I18n) -> String {
    format!("{} {}", d.amount, i18n.term("time-unit", d.unit.key()))
}

/// The strongest quote among `items` (a touchpoint's evidence, already looked up).
pub fn strongest_of<'a>(items: &[&'a Evidence]) -> Option<&'a Evidence> {
    items
        .iter()
        .copied()
        .filter(|e| is_voice(e.kind) && e.metrics.is_empty() && !e.text.trim().is_empty())
        .min_by_key(|e| (e.confidence, e.kind != EvidenceKind::Quote))
}

/// The first metric of `evidence` as a reader reads it: "CSAT 4.5 (1-5, n = 312)".
pub fn metric_line(evidence: &Evidence, i18n: &I18n) -> Option<String> {
    evidence.metric().map(|m| metric_text(m, i18n))
}

/// Every metric of `evidence`, a line each.
pub fn metric_lines(evidence: &Evidence, i18n: &I18n) -> Vec<String> {
    evidence
        .metrics
        .iter()
        .map(|m| metric_text(m, i18n))
        .collect()
}

/// One metric in words: its name (or label), value, scale and sample size.
pub fn metric_text(metric: &crate::model::Metric, i18n: &I18n) -> String {
    let name = if metric.name == crate::model::MetricName::Custom && !metric.label.is_empty() {
        metric.label.clone()
    } else {
        i18n.term("metric", metric.name.key())
    };
    let value = if metric.value.fract() == 0.0 {
        format!("{}", metric.value as i64)
    } else {
        format!("{}", (metric.value * 100.0).round() / 100.0)
    };
    let scale = metric.scale.trim();
    let measured = match scale_range(scale) {
        // "3.1 of 7": a scale from 0 or 1 up.
        Some((low, high, rest)) if (low == 0.0 || low == 1.0) && high > low => {
            let of = crate::tr!(i18n, "metric-of", value = value, top = scale_end(high));
            with_rest(of, rest)
        }
        Some((low, high, rest)) => {
            let on = crate::tr!(
                i18n,
                "metric-on",
                value = value,
                low = scale_end(low),
                high = scale_end(high)
            );
            with_rest(on, rest)
        }
        None if scale.is_empty() => value,
        // "56.1 % of prescriptions".
        None if scale.starts_with('%') => format!("{value} {scale}"),
        None => format!("{value} ({scale})"),
    };
    match metric.sample_size {
        Some(n) => format!("{name} {measured}, n = {n}"),
        None => format!("{name} {measured}"),
    }
}

/// A scale's end as a reader reads it: a real minus sign.
fn scale_end(value: f64) -> String {
    number(value).replace('-', "\u{2212}")
}

/// What follows a scale's range ("(7 = very easy)"), after the words.
fn with_rest(words: String, rest: &str) -> String {
    let rest = rest.trim();
    if rest.is_empty() {
        words
    } else if rest.starts_with('(') {
        format!("{words} {rest}")
    } else {
        format!("{words} ({rest})")
    }
}

/// A scale that starts with a range, "1-7", "0..10", "-100 to 100", "1–5": its ends
/// and the words after it.
fn scale_range(scale: &str) -> Option<(f64, f64, &str)> {
    fn leading_number(text: &str) -> Option<(f64, &str)> {
        let text = text.trim_start();
        let (sign, digits) = match text.strip_prefix(['-', '\u{2212}']) {
            Some(rest) => (-1.0, rest),
            None => (1.0, text),
        };
        let bytes = digits.as_bytes();
        let mut end = 0;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || (bytes[end] == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        let value: f64 = digits[..end].parse().ok()?;
        Some((sign * value, &digits[end..]))
    }
    let (low, rest) = leading_number(scale)?;
    let rest = rest.trim_start();
    let rest = ["..", "\u{2013}", "-", "to ", "a "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?;
    let (high, rest) = leading_number(rest)?;
    Some((low, high, rest))
}

/// A grey area's title, or "From card → To card" when it has none.
pub fn grey_area_title(journey: &Journey, grey: &GreyArea, i18n: &I18n) -> String {
    if !grey.title.trim().is_empty() {
        return grey.title.clone();
    }
    grey_area_between(journey, grey, i18n)
}

/// "From card → To card": the titles of a grey area's two ends.
pub fn grey_area_between(journey: &Journey, grey: &GreyArea, i18n: &I18n) -> String {
    let name = |end: &crate::model::End| {
        journey
            .end_title(end)
            .map_or_else(|| end.to_string(), str::to_owned)
    };
    crate::tr!(
        i18n,
        "callout-between",
        from = name(&grey.from),
        to = name(&grey.to)
    )
}

/// Kinds of evidence that are someone's own words.
pub fn is_voice(kind: EvidenceKind) -> bool {
    matches!(
        kind,
        EvidenceKind::Quote
            | EvidenceKind::Interview
            | EvidenceKind::Complaint
            | EvidenceKind::Social
            | EvidenceKind::Survey
    )
}

/// An element's name as a cell shows a reference to it: a catalogue entry's name, a
/// card's or a step's title, a grey area's title (or its ends), else its id.
pub fn element_name(journey: &Journey, id: &ElementId, i18n: &I18n) -> String {
    let named = match id {
        ElementId::Touchpoint(t) => journey.touchpoint(t).map(|t| t.title.trim().to_owned()),
        ElementId::Step(s) => journey.step(s).map(|s| s.title.trim().to_owned()),
        ElementId::GreyArea(g) => journey
            .grey_area(g)
            .map(|g| grey_area_title(journey, g, i18n)),
        ElementId::Evidence(e) => journey.evidence_item(e).map(|e| evidence_words(e, i18n)),
        ElementId::Opportunity(o) => journey
            .opportunities
            .iter()
            .find(|x| &x.id == o)
            .map(|o| o.idea.trim().to_owned()),
        ElementId::Channel(c) => journey.channel(c).map(|c| c.name.clone()),
        ElementId::Department(d) => journey.department(d).map(|d| d.name.clone()),
        ElementId::Actor(a) => journey.actor(a).map(|a| a.name.clone()),
        ElementId::Curve(c) => journey
            .curves
            .iter()
            .find(|x| &x.id == c)
            .map(|c| c.name.clone()),
        ElementId::VoteRound(v) => journey
            .votes
            .iter()
            .find(|x| &x.id == v)
            .map(|v| v.question.trim().to_owned()),
    };
    named
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| id.as_str().to_owned())
}

/// A piece of evidence as one line: its metric with the value, else "Quote: …".
pub fn evidence_words(evidence: &Evidence, i18n: &I18n) -> String {
    metric_line(evidence, i18n).unwrap_or_else(|| {
        format!(
            "{}: {}",
            i18n.term("evidence-kind", evidence.kind.key()),
            evidence.text.trim()
        )
    })
}

/// A field's value as a person reads it (the table's cells): choices and stages by
/// their words, references by name, yes as "yes", durations in the language's units,
/// lists joined by " · ".
pub fn value(journey: &Journey, i18n: &I18n, shape: Shape, value: &Value<'_>) -> String {
    match value {
        Value::Text(t) => t.to_string(),
        Value::Lines(l) => l
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<&str>>()
            .join(" · "),
        Value::YesNo(true) => i18n.tr("yes"),
        Value::YesNo(false) => String::new(),
        Value::Whole(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        Value::Number(n) => n.map(number).unwrap_or_default(),
        Value::Duration(d) => d.map(|d| duration_text(d, i18n)).unwrap_or_default(),
        Value::Choice(c) => match (shape, c) {
            (Shape::Choice { family, .. }, Some(key)) => i18n.term(family, key),
            _ => String::new(),
        },
        Value::Stage(s) => i18n.stage_name(journey, *s),
        Value::Ref(r) => r
            .as_ref()
            .map(|r| element_name(journey, r, i18n))
            .unwrap_or_default(),
        Value::Refs(r) => r
            .iter()
            .map(|r| element_name(journey, r, i18n))
            .collect::<Vec<_>>()
            .join(" · "),
        Value::Scores(scores) => scores
            .iter()
            .map(|(curve, score)| format!("{} {score:+}", element_name(journey, curve, i18n)))
            .collect::<Vec<_>>()
            .join(" · "),
        Value::Other => String::new(),
    }
}

/// A number as people write it: no ".0", at most two decimals.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{}", (value * 100.0).round() / 100.0)
    }
}

/// A touchpoint as a screen reader says it, in `i18n`'s language: "Touchpoint 3 of 5
/// in Usage: Courier misses the delivery. Channel Courier. Department Logistics.
/// Emotion -2, frustrated. 2 pain points. 1 opportunity. Evidence: 2 sources. In grey
/// area 1, critical." `index` is the touchpoint's place in `journey.touchpoints`.
pub fn touchpoint_spoken(journey: &Journey, index: usize, i18n: &I18n) -> String {
    let Some(tp) = journey.touchpoints.get(index) else {
        return String::new();
    };
    let range = journey.stage_range(tp.stage);
    let title = if tp.title.trim().is_empty() {
        i18n.tr("new-touchpoint")
    } else {
        tp.title.trim().to_owned()
    };
    let mut parts = vec![crate::tr!(
        i18n,
        "spoken-touchpoint",
        n = (index.saturating_sub(range.start) + 1) as u64,
        count = range.len() as u64,
        stage = i18n.stage_name(journey, tp.stage),
        title = title
    )];
    if let Some(channel) = tp.channel.as_ref().and_then(|c| journey.channel(c)) {
        parts.push(crate::tr!(
            i18n,
            "spoken-channel",
            channel = channel.name.trim()
        ));
    }
    if let Some(department) = tp.department.as_ref().and_then(|d| journey.department(d)) {
        parts.push(crate::tr!(
            i18n,
            "spoken-department",
            department = department.name.trim()
        ));
    }
    if let Some(emotion) = &tp.emotion {
        let word = if emotion.word.trim().is_empty() {
            i18n.tr(&format!("emotion-score-{}", emotion.score))
                .to_lowercase()
        } else {
            emotion.word.trim().to_owned()
        };
        parts.push(crate::tr!(
            i18n,
            "spoken-emotion",
            score = format!("{:+}", emotion.score).replace("+0", "0"),
            word = word
        ));
    }
    if !tp.pain_points.is_empty() {
        parts.push(crate::tr!(
            i18n,
            "spoken-pains",
            count = tp.pain_points.len() as u64
        ));
    }
    let opportunities = journey
        .opportunities
        .iter()
        .filter(
            |o| matches!(&o.target, crate::model::OpportunityTarget::Touchpoint(t) if *t == tp.id),
        )
        .count();
    if opportunities > 0 {
        parts.push(crate::tr!(
            i18n,
            "spoken-opportunities",
            count = opportunities as u64
        ));
    }
    parts.push(crate::tr!(
        i18n,
        "spoken-evidence",
        count = tp.evidence.len() as u64
    ));
    let numbers = journey.grey_area_numbers();
    for (grey, number) in journey.grey_areas.iter().zip(&numbers) {
        let here = |end: &crate::model::End| matches!(end, crate::model::End::Touchpoint(t) if *t == tp.id);
        if here(&grey.from) || here(&grey.to) {
            parts.push(crate::tr!(
                i18n,
                "spoken-in-grey-area",
                number = *number as u64,
                severity = i18n.term("severity", grey.severity.key()).to_lowercase()
            ));
        }
    }
    parts.join(" ")
}

/// A step of the blueprint as a screen reader says it: "Step 2 of 6 in Usage,
/// Backstage: Courier dispatch plans the delivery round. Actor Courier dispatch.
/// 4 h. Waits 1 d. Fail point."
pub fn step_spoken(journey: &Journey, index: usize, i18n: &I18n) -> String {
    let Some(step) = journey.steps.get(index) else {
        return String::new();
    };
    let range = journey.step_range(step.stage);
    let title = if step.title.trim().is_empty() {
        i18n.tr("new-step-title")
    } else {
        step.title.trim().to_owned()
    };
    let mut parts = vec![crate::tr!(
        i18n,
        "spoken-step",
        n = (index.saturating_sub(range.start) + 1) as u64,
        count = range.len() as u64,
        stage = i18n.stage_name(journey, step.stage),
        lane = i18n.term("blueprint-lane", step.lane.key()),
        title = title
    )];
    let (actor, time) = step_facts(journey, step, i18n);
    if let Some(actor) = actor {
        parts.push(crate::tr!(i18n, "spoken-actor", actor = actor));
    }
    if let Some(time) = time {
        parts.push(format!("{time}."));
    }
    if let Some(wait) = step_wait(step, i18n) {
        parts.push(format!("{wait}."));
    }
    if step.fail_point {
        parts.push(i18n.tr("spoken-fail-point"));
    }
    parts.join(" ")
}

/// A grey area as a screen reader says it: "Grey area 1, critical, department handoff:
/// Courier to contact centre. From Courier misses the delivery to Call the contact
/// centre. Fix: …. Owner: …."
pub fn grey_area_spoken(journey: &Journey, index: usize, i18n: &I18n) -> String {
    let Some(grey) = journey.grey_areas.get(index) else {
        return String::new();
    };
    let number = journey.grey_area_numbers().get(index).copied().unwrap_or(0);
    let end = |end: &crate::model::End| {
        journey
            .end_title(end)
            .map_or_else(|| end.to_string(), |t| t.trim().to_owned())
    };
    let mut parts = vec![crate::tr!(
        i18n,
        "spoken-grey-area",
        number = number as u64,
        severity = i18n.term("severity", grey.severity.key()).to_lowercase(),
        kind = i18n.term("grey-kind", grey.kind.key()).to_lowercase(),
        title = grey_area_title(journey, grey, i18n),
        from = end(&grey.from),
        to = end(&grey.to)
    )];
    if !grey.fix.trim().is_empty() {
        parts.push(crate::tr!(i18n, "spoken-fix", fix = grey.fix.trim()));
    }
    if !grey.owner.trim().is_empty() {
        parts.push(crate::tr!(i18n, "spoken-owner", owner = grey.owner.trim()));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Language, Metric, MetricName};

    fn metric(name: MetricName, value: f64, scale: &str, n: Option<u32>) -> Metric {
        Metric {
            name,
            label: String::new(),
            value,
            scale: scale.to_owned(),
            sample_size: n,
        }
    }

    #[test]
    fn metrics_read_as_words() {
        let en = I18n::new(Language::En);
        let es = I18n::new(Language::Es);
        let ces = metric(MetricName::Ces, 3.1, "1-7 (7 = very easy)", Some(540));
        assert_eq!(
            metric_text(&ces, &en),
            "CES 3.1 of 7 (7 = very easy), n = 540"
        );
        assert_eq!(
            metric_text(&ces, &es),
            "CES 3.1 de 7 (7 = very easy), n = 540"
        );
        let nps = metric(MetricName::Nps, -31.0, "-100..100", Some(410));
        assert_eq!(
            metric_text(&nps, &en),
            "NPS -31 on \u{2212}100 to 100, n = 410"
        );
        let share = metric(MetricName::Custom, 56.1, "% of prescriptions", Some(387));
        assert!(metric_text(&share, &en).ends_with("56.1 % of prescriptions, n = 387"));
        let plain = metric(MetricName::Csat, 4.5, "", None);
        assert_eq!(metric_text(&plain, &en), "CSAT 4.5");
        let words = metric(MetricName::Csat, 4.5, "stars", Some(3));
        assert_eq!(metric_text(&words, &en), "CSAT 4.5 (stars), n = 3");
        let zero = metric(MetricName::Csat, 8.0, "0-10", None);
        assert_eq!(metric_text(&zero, &en), "CSAT 8 of 10");
    }
}
