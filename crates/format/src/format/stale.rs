//! Stale evidence (`journeymap check --stale 12m`): each piece of evidence whose `date`
//! is surely older than an age, placed at its `date` field, and the counts a CI log
//! ends with. A date of a year or a month counts as its last day, so only evidence
//! certainly older is reported.

use super::diagnostic::{Anchor, Finding};
use super::validate::EVIDENCE;
use super::{Diagnostic, SourceIndex, ron_options};
use crate::model::Journey;

/// An age: a number of days, weeks, months or years (`90d`, `6w`, `12m`, `2y`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Age {
    pub amount: u32,
    pub unit: char,
}

impl Age {
    pub fn parse(text: &str) -> Result<Age, String> {
        let text = text.trim();
        let unit = text.chars().last().unwrap_or(' ');
        let amount = text[..text.len() - unit.len_utf8().min(text.len())]
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|_| matches!(unit, 'd' | 'w' | 'm' | 'y'));
        match amount {
            Some(amount) => Ok(Age { amount, unit }),
            None => Err(format!(
                "`{text}` is not an age: a number and d, w, m or y (`12m`, `90d`)"
            )),
        }
    }

    /// The day `self` before `today`.
    pub fn before(self, today: time::Date) -> time::Date {
        let days = |n: i64| {
            today
                .checked_sub(time::Duration::days(n))
                .unwrap_or(time::Date::MIN)
        };
        match self.unit {
            'd' => days(i64::from(self.amount)),
            'w' => days(7 * i64::from(self.amount)),
            _ => {
                let months = if self.unit == 'y' {
                    12 * i64::from(self.amount)
                } else {
                    i64::from(self.amount)
                };
                let index =
                    i64::from(today.year()) * 12 + i64::from(u8::from(today.month())) - 1 - months;
                let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
                let month = time::Month::try_from(month as u8).unwrap_or(time::Month::January);
                let year = i32::try_from(year).unwrap_or(0);
                let day = today.day().min(month.length(year));
                time::Date::from_calendar_date(year, month, day).unwrap_or(time::Date::MIN)
            }
        }
    }
}

impl std::fmt::Display for Age {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.amount, self.unit)
    }
}

/// Today's date in UTC, from the system clock.
pub fn today() -> time::Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    // The Unix epoch is Julian day 2,440,588.
    time::Date::from_julian_day(2_440_588 + days as i32).unwrap_or(time::Date::MIN)
}

/// Reads `YYYY-MM-DD`.
pub fn day(text: &str) -> Option<time::Date> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()
}

/// The last day a date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) can mean, by the one reading
/// of dates (`read_date`): a date that is not one is undated, never old.
pub fn last_day(text: &str) -> Option<time::Date> {
    super::validate::read_date(text).and_then(super::validate::Dated::last_day)
}

/// What `--stale` found in one file.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Staleness {
    pub evidence: usize,
    pub older: usize,
    pub undated: usize,
}

/// The warnings for evidence in `text` older than `age` before `today`, and the counts
/// (none for a file that does not read: `check` reports why).
pub fn stale(text: &str, age: Age, today: time::Date) -> (Vec<Diagnostic>, Staleness) {
    let Ok(journey) = ron_options().from_str::<Journey>(text) else {
        return (Vec::new(), Staleness::default());
    };
    let cutoff = age.before(today);
    let mut counts = Staleness {
        evidence: journey.evidence.len(),
        ..Staleness::default()
    };
    let mut findings = Vec::new();
    for e in &journey.evidence {
        match last_day(&e.date) {
            None => counts.undated += 1,
            Some(last) if last < cutoff => {
                counts.older += 1;
                findings.push(Finding::warning(
                    Anchor::field(EVIDENCE, e.id.as_str(), "date"),
                    format!(
                        "evidence {}: dated {}, older than {age} (before {cutoff}): check it still holds, or date it again",
                        e.id, e.date
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    (SourceIndex::new(text).place(findings), counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_count_back_by_calendar() {
        let today = day("2026-12-03").unwrap();
        let back = |a: &str| Age::parse(a).unwrap().before(today).to_string();
        assert_eq!(back("12m"), "2025-12-03");
        assert_eq!(back("90d"), "2026-09-04");
        assert_eq!(back("2w"), "2026-11-19");
        assert_eq!(back("1y"), "2025-12-03");
        assert_eq!(
            Age::parse("3m")
                .unwrap()
                .before(day("2026-05-31").unwrap())
                .to_string(),
            "2026-02-28"
        );
        assert!(
            Age::parse("12").is_err() && Age::parse("m").is_err() && Age::parse("12q").is_err()
        );
        assert_eq!(last_day("2025").unwrap().to_string(), "2025-12-31");
        assert_eq!(last_day("2024-02").unwrap().to_string(), "2024-02-29");
    }
}
