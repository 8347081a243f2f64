//! ISO 8601 timestamps of an event log, read fast (a million a second is the floor):
//! `2026-03-01T10:15:00Z`, `2026-03-01 10:15:00.250+01:00`, `2026-03-01T10:15+0100`,
//! `2026-03-01`. A time without an offset is read as UTC: the log's own clock, the same
//! for all its events, which is all that differences of times need.

/// Milliseconds since 1970-01-01 00:00 UTC.
pub type Millis = i64;

pub const MINUTE: Millis = 60_000;
pub const DAY: Millis = 1440 * MINUTE;

/// Why a timestamp does not read.
pub const EXPECTED: &str = "an ISO 8601 time such as 2026-03-01T10:15:00Z, \
                            2026-03-01 10:15:00+01:00 or 2026-03-01";

/// Reads an ISO 8601 date and time; `None` when it is not one (or names a day that
/// does not exist).
pub fn parse(text: &[u8]) -> Option<Millis> {
    let text = trim(text);
    let mut at = Cursor { text, at: 0 };
    let year = at.digits(4)? as i64;
    at.expect(b'-')?;
    let month = at.digits(2)?;
    at.expect(b'-')?;
    let day = at.digits(2)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut millis = days_from_civil(year, month, day) * DAY;
    if at.done() {
        return Some(millis);
    }
    if !matches!(at.next()?, b'T' | b't' | b' ') {
        return None;
    }
    let hour = at.digits(2)?;
    at.expect(b':')?;
    let minute = at.digits(2)?;
    let mut second = 0;
    let mut fraction = 0;
    if at.peek() == Some(b':') {
        at.next();
        second = at.digits(2)?;
        if matches!(at.peek(), Some(b'.' | b',')) {
            at.next();
            let start = at.at;
            let mut scale = 100;
            while let Some(d) = at.peek().filter(u8::is_ascii_digit) {
                at.next();
                fraction += i64::from(d - b'0') * scale;
                scale /= 10;
            }
            if at.at == start {
                return None;
            }
        }
    }
    // 24:00 is not taken (a day's end written as the next day's start is rare in logs
    // and ambiguous in spreadsheets); a leap second reads as :59.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    millis += (i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second.min(59))) * 1000
        + fraction;
    match at.peek() {
        None => Some(millis),
        Some(b'Z' | b'z') => {
            at.next();
            at.done().then_some(millis)
        }
        Some(sign @ (b'+' | b'-')) => {
            at.next();
            let hours = at.digits(2)?;
            if at.peek() == Some(b':') {
                at.next();
            }
            let minutes = if at.done() { 0 } else { at.digits(2)? };
            if !at.done() || hours > 23 || minutes > 59 {
                return None;
            }
            let offset = (i64::from(hours) * 60 + i64::from(minutes)) * MINUTE;
            Some(if sign == b'+' {
                millis - offset
            } else {
                millis + offset
            })
        }
        Some(_) => None,
    }
}

/// The day of a time, `YYYY-MM-DD` (UTC).
pub fn date(millis: Millis) -> String {
    let (year, month, day) = civil_from_days(millis.div_euclid(DAY));
    format!("{year:04}-{month:02}-{day:02}")
}

/// The time, `YYYY-MM-DDTHH:MM:SSZ` (what the log generator writes).
pub fn format(millis: Millis) -> String {
    let seconds = millis.div_euclid(1000);
    let in_day = seconds.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        date(millis),
        in_day / 3600,
        in_day / 60 % 60,
        in_day % 60
    )
}

fn trim(text: &[u8]) -> &[u8] {
    let start = text.iter().position(|b| !b.is_ascii_whitespace());
    let end = text.iter().rposition(|b| !b.is_ascii_whitespace());
    match (start, end) {
        (Some(s), Some(e)) => &text[s..=e],
        _ => &[],
    }
}

struct Cursor<'a> {
    text: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn done(&self) -> bool {
        self.at == self.text.len()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    /// Exactly `n` ASCII digits as a number.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + n)?;
        let mut value = 0u32;
        for &d in digits {
            if !d.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u32::from(d - b'0');
        }
        self.at += n;
        Some(value)
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_times_read_with_and_without_offsets() {
        let utc = parse(b"2026-03-01T10:15:00Z").unwrap();
        assert_eq!(format(utc), "2026-03-01T10:15:00Z");
        assert_eq!(parse(b"2026-03-01 11:15:00+01:00"), Some(utc));
        assert_eq!(parse(b"2026-03-01T06:15-0400"), Some(utc));
        assert_eq!(parse(b"2026-03-01T10:15:00"), Some(utc));
        assert_eq!(parse(b"2026-03-01T10:15:00.250Z"), Some(utc + 250));
        assert_eq!(parse(b"2026-03-01"), Some(utc - (10 * 60 + 15) * MINUTE));
        assert_eq!(parse(b"1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(date(parse(b"2024-02-29").unwrap()), "2024-02-29");
        assert_eq!(date(parse(b"1969-12-31T23:59:59Z").unwrap()), "1969-12-31");
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "2026-3-1",
            "yesterday",
            "2026-03-01T25:00",
            "2026-03-01T10:15:00+01:00x",
            "2026-03-01T10:15:00.",
            "",
            "1710000000",
        ] {
            assert_eq!(parse(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn days_round_trip_across_four_centuries() {
        for days in (-200_000..200_000).step_by(37) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
