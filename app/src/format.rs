//! Dates, ages and labels in the reader's language, all through the catalog.

use chrono::{Datelike, NaiveDate};

use crate::i18n::{t, tr, Lang};
use vigia::requirement::Requirement;
use vigia::{DatePrecision, PartialDate, Status};

pub fn month_name(lang: Lang, month: u32) -> String {
    t(lang, &format!("month-{month}"))
}

pub fn date(lang: Lang, date: NaiveDate) -> String {
    tr(
        lang,
        "date-day",
        &[
            ("day", i64::from(date.day()).into()),
            ("month", month_name(lang, date.month()).into()),
            ("year", i64::from(date.year()).into()),
        ],
    )
}

/// A date to the precision its source gave: "18 de febrero de 2020", "marzo de 2023", "2028".
pub fn partial_date(lang: Lang, value: PartialDate) -> String {
    let first = value.first_day();
    match value.precision() {
        DatePrecision::Day => date(lang, first),
        DatePrecision::Month => tr(
            lang,
            "date-month",
            &[
                ("month", month_name(lang, first.month()).into()),
                ("year", i64::from(first.year()).into()),
            ],
        ),
        DatePrecision::Year => first.year().to_string(),
    }
}

/// How old something is, in words ("hace 3 años").
pub fn age(lang: Lang, since: NaiveDate, today: NaiveDate) -> String {
    let days = (today - since).num_days();
    let (key, n) = match days {
        d if d < 0 => ("age-future", 0),
        d if d < 31 => ("age-days", d),
        d if d < 365 => ("age-months", d / 30),
        d => ("age-years", d / 365),
    };
    tr(lang, key, &[("n", n.into())])
}

/// The requirement's own wording for a status, else the generic name.
pub fn status_label(lang: Lang, requirement: Option<&Requirement>, status: Status) -> String {
    requirement
        .and_then(|r| r.status_label(status))
        .map(|label| label.get(lang.is_spanish()).to_owned())
        .unwrap_or_else(|| t(lang, &format!("status-{}", status.slug())))
}

/// A requirement's name as a noun phrase inside a sentence ("plan departamental …").
pub fn requirement_phrase(lang: Lang, requirement: &Requirement) -> String {
    let name = requirement.name.get(lang.is_spanish());
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Defensoría del Pueblo, vía InSight Crime".
pub fn source_names(lang: Lang, author: &str, publisher: Option<&str>) -> String {
    match publisher {
        Some(publisher) => tr(
            lang,
            "source-via",
            &[("author", author.into()), ("publisher", publisher.into())],
        ),
        None => author.to_owned(),
    }
}

pub fn number(lang: Lang, value: u32) -> String {
    let digits = value.to_string();
    let separator = if lang.is_spanish() { '.' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Percent-encodes text for a query-string value, leaving `/` readable so that a path stays
/// recognisable in a link (`?next=/gaps%3Fseverity%3Dcritical`).
pub fn query_value(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}
