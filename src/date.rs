//! Dates as sources give them: sometimes to the day, sometimes only a month or a year.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::ParseError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

/// The years a date may name: earlier or later ones are typing mistakes (`99999`, `0`), not
/// sources Vigía could cite or deadlines anyone set.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A date known to a given precision; `date` is the first day of the period it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    first_day: NaiveDate,
    precision: DatePrecision,
}

impl PartialDate {
    pub fn day(date: NaiveDate) -> Self {
        Self {
            first_day: date,
            precision: DatePrecision::Day,
        }
    }

    /// The month a day falls in, known to the month.
    pub fn month_of(date: NaiveDate) -> Self {
        Self {
            first_day: date.with_day(1).expect("every month has a first day"),
            precision: DatePrecision::Month,
        }
    }

    /// Parses `2020-02-18`, `2023-03` or `2028`.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let bad = || ParseError::InvalidDate(input.to_owned());
        let parts: Vec<&str> = input.trim().split('-').collect();
        let number = |s: &str| {
            let digits = !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
            digits
                .then(|| s.parse::<u32>().ok())
                .flatten()
                .ok_or_else(bad)
        };
        let (year, month, day, precision) = match parts.as_slice() {
            [y] => (number(y)?, 1, 1, DatePrecision::Year),
            [y, m] => (number(y)?, number(m)?, 1, DatePrecision::Month),
            [y, m, d] => (number(y)?, number(m)?, number(d)?, DatePrecision::Day),
            _ => return Err(bad()),
        };
        let year = i32::try_from(year).map_err(|_| bad())?;
        if !YEARS.contains(&year) {
            return Err(bad());
        }
        // Twelve months and 31 days at most look like a date; past those the typing is wrong,
        // within them the calendar has no such day (30 February).
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return Err(bad());
        }
        let first_day = NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| ParseError::NoSuchDate(input.to_owned()))?;
        Ok(Self {
            first_day,
            precision,
        })
    }

    /// A day as people in Bolivia write it (`31/12/2019`, also `31-12-2019`) or as the site
    /// writes it (`2019-12-31`), for fields where a reader types a day to look at.
    pub fn parse_typed_day(input: &str) -> Result<NaiveDate, ParseError> {
        let typed = input.trim();
        let parts: Vec<&str> = typed.split(['/', '-']).collect();
        match parts.as_slice() {
            [d, m, y]
                if y.len() == 4 && (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) =>
            {
                Self::parse_day(&format!("{y}-{m:0>2}-{d:0>2}")).map_err(|e| match e {
                    ParseError::NoSuchDate(_) => ParseError::NoSuchDate(typed.to_owned()),
                    _ => ParseError::InvalidDate(typed.to_owned()),
                })
            }
            _ if typed.contains('/') => Err(ParseError::InvalidDate(typed.to_owned())),
            _ => Self::parse_day(typed),
        }
    }

    /// Parses a full day (`2025-06-30`), as due dates need, with the same year limits.
    pub fn parse_day(input: &str) -> Result<NaiveDate, ParseError> {
        let date = Self::parse(input)?;
        match date.precision {
            DatePrecision::Day => Ok(date.first_day),
            _ => Err(ParseError::InvalidDate(input.to_owned())),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        self.first_day
    }

    /// The last day of the period, so "valid until 2028" means through 31 December 2028.
    pub fn last_day(self) -> NaiveDate {
        match self.precision {
            DatePrecision::Day => self.first_day,
            DatePrecision::Month => {
                let (y, m) = (self.first_day.year(), self.first_day.month());
                let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(next.0, next.1, 1).expect("valid month")
                    - chrono::Days::new(1)
            }
            DatePrecision::Year => {
                NaiveDate::from_ymd_opt(self.first_day.year(), 12, 31).expect("valid year end")
            }
        }
    }

    /// Whether `date` falls within the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first_day..=self.last_day()).contains(&date)
    }

    /// Whether two dates can name the same moment at their precisions: "2020" overlaps
    /// "2020-02-18", "2020-02" does not overlap "2020-03".
    pub fn overlaps(self, other: PartialDate) -> bool {
        self.first_day <= other.last_day() && other.first_day <= self.last_day()
    }

    pub fn precision(self) -> DatePrecision {
        self.precision
    }

    pub fn year(self) -> i32 {
        self.first_day.year()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            DatePrecision::Day => write!(f, "{}", self.first_day.format("%Y-%m-%d")),
            DatePrecision::Month => write!(f, "{}", self.first_day.format("%Y-%m")),
            DatePrecision::Year => write!(f, "{}", self.first_day.year()),
        }
    }
}

impl TryFrom<String> for PartialDate {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PartialDate> for String {
    fn from(date: PartialDate) -> Self {
        date.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_month_of_a_day_is_that_month_to_the_month() {
        let day = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let month = PartialDate::month_of(day);
        assert_eq!(month, PartialDate::parse("2024-02").unwrap());
        assert_eq!(month.last_day(), day);
    }

    #[test]
    fn a_day_is_read_as_bolivians_write_it_or_as_iso_and_nothing_else() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            PartialDate::parse_typed_day("31/12/2019"),
            Ok(day(2019, 12, 31))
        );
        assert_eq!(
            PartialDate::parse_typed_day(" 1/2/2020 "),
            Ok(day(2020, 2, 1))
        );
        assert_eq!(
            PartialDate::parse_typed_day("01-02-2020"),
            Ok(day(2020, 2, 1))
        );
        assert_eq!(
            PartialDate::parse_typed_day("2019-12-31"),
            Ok(day(2019, 12, 31))
        );
        assert_eq!(
            PartialDate::parse_typed_day("30/02/2020"),
            Err(ParseError::NoSuchDate("30/02/2020".into()))
        );
        for refused in ["12/31/2019", "2019/12/31", "31/12/19", "2019", "ayer", ""] {
            assert!(PartialDate::parse_typed_day(refused).is_err(), "{refused}");
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2020-02-18", "2023-03", "2028"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn last_day_covers_the_whole_period() {
        assert_eq!(
            PartialDate::parse("2028").unwrap().last_day(),
            ymd(2028, 12, 31)
        );
        assert_eq!(
            PartialDate::parse("2024-02").unwrap().last_day(),
            ymd(2024, 2, 29)
        );
        assert_eq!(
            PartialDate::parse("2023-12").unwrap().last_day(),
            ymd(2023, 12, 31)
        );
        assert_eq!(
            PartialDate::parse("2020-02-18").unwrap().last_day(),
            ymd(2020, 2, 18)
        );
    }

    #[test]
    fn overlap_and_containment_follow_the_precision() {
        let year = PartialDate::parse("2020").unwrap();
        let day = PartialDate::parse("2020-02-18").unwrap();
        let march = PartialDate::parse("2020-03").unwrap();
        assert!(year.overlaps(day) && day.overlaps(year));
        assert!(!day.overlaps(march));
        assert!(year.overlaps(march));
        assert!(!PartialDate::parse("2019").unwrap().overlaps(year));
        assert!(march.contains(ymd(2020, 3, 31)));
        assert!(!march.contains(ymd(2020, 4, 1)));
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in [
            "2023-13",
            "2023-02-30",
            "abc",
            "",
            "2020-01-01-01",
            "99999-01-01",
            "0",
            "0000-01-01",
            "1899-12-31",
            "2201",
        ] {
            assert!(PartialDate::parse(text).is_err(), "{text}");
        }
    }
}
