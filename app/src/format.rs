//! Dates, ages and labels in the reader's language, all through the catalog.

use chrono::{Datelike, NaiveDate};

use crate::i18n::{t, tr, Lang};
use vigia::requirement::Requirement;
use vigia::{DatePrecision, PartialDate, Source, Status};

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

/// A moment as the store writes it (RFC 3339, UTC), in La Paz time as the history shows
/// moments: "4 de diciembre de 2026, 08:15 (hora de Bolivia)". Text that is not such a moment
/// is shown as it is.
pub fn moment(lang: Lang, stored: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stored) {
        Ok(at) => {
            let local = vigia::la_paz_time(at.with_timezone(&chrono::Utc));
            tr(
                lang,
                "history-when",
                &[
                    ("date", date(lang, local.date_naive()).into()),
                    ("time", local.format("%H:%M").to_string().into()),
                ],
            )
        }
        Err(_) => stored.to_owned(),
    }
}

/// A validity as its source gives it ("2019 – diciembre de 2023"), either end "desconocido"
/// when the source does not give it, or `None` when it gives neither.
pub fn validity(
    lang: Lang,
    from: Option<PartialDate>,
    until: Option<PartialDate>,
) -> Option<String> {
    if from.is_none() && until.is_none() {
        return None;
    }
    let end = |d: Option<PartialDate>| {
        d.map(|d| partial_date(lang, d))
            .unwrap_or_else(|| t(lang, "unknown"))
    };
    Some(tr(
        lang,
        "validity-range",
        &[("from", end(from).into()), ("until", end(until).into())],
    ))
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

/// Why a field was refused, in the reader's language (with the limit it broke, if any).
pub fn problem(lang: Lang, problem: vigia::new_claim::Problem) -> String {
    let key = format!("problem-{}", problem.slug());
    match problem.limit() {
        Some(max) => tr(lang, &key, &[("max", i64::from(max).into())]),
        None => t(lang, &key),
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

/// Who a sentence credits with a source's finding: its own wording when it has one ("el
/// análisis de InSight Crime"), else the author, and the outlet when it reported the finding
/// second-hand.
pub fn attribution(lang: Lang, source: &Source) -> String {
    match &source.attribution {
        Some(words) => words.get(lang.is_spanish()).to_owned(),
        None => source_names(lang, source),
    }
}

/// Who a citation names: the author, and the outlet when it reported the finding
/// second-hand ("Defensoría del Pueblo, según La Razón").
pub fn source_names(lang: Lang, source: &Source) -> String {
    match &source.outlet {
        Some(outlet) => tr(
            lang,
            "source-via",
            &[
                ("author", source.author.as_str().into()),
                ("outlet", outlet.as_str().into()),
            ],
        ),
        None => source.author.clone(),
    }
}

/// Whether a sentence about `event` speaks of the present (the moment described includes
/// today) or of the past.
pub fn is_present(event: PartialDate, today: NaiveDate) -> bool {
    event.contains(today)
}

/// The opening of a sentence about a past moment, at its precision: "En 2020", "En marzo de
/// 2023", "El 18 de febrero de 2020".
pub fn when(lang: Lang, event: PartialDate) -> String {
    let key = match event.precision() {
        DatePrecision::Day => "when-day",
        DatePrecision::Month => "when-month",
        DatePrecision::Year => "when-year",
    };
    tr(lang, key, &[("date", partial_date(lang, event).into())])
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

/// A file's size as people read it: "2,1 MB" (or "2.1 MB" in English), "340 KB" below one.
pub fn file_size(lang: Lang, bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        return format!("{} KB", number(lang, bytes.div_ceil(1024) as u32));
    }
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    let point = if lang.is_spanish() { ',' } else { '.' };
    format!("{}{point}{} MB", tenths / 10, tenths % 10)
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

/// A national figure as the sentence the map page shows, with who reported it.
pub fn national_figure(lang: Lang, figure: &vigia::national::NationalFigure) -> String {
    let value = match (figure.kind.as_str(), &figure.value) {
        ("tip-tier", Some(tier)) => t(lang, &format!("tip-{tier}")),
        // Spanish writes decimals with a comma (71,8 %).
        (_, Some(value)) if lang.is_spanish() => value.replace('.', ","),
        (_, Some(value)) => value.clone(),
        (_, None) => t(lang, "unknown"),
    };
    let who = figure
        .source
        .as_ref()
        .map(|s| attribution(lang, s))
        .unwrap_or_default();
    tr(
        lang,
        &format!("national-{}", figure.kind),
        &[
            ("value", value.into()),
            ("period", figure.period.clone().into()),
            ("who", who.into()),
        ],
    )
}

#[cfg(test)]
mod file_size_tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(file_size(Lang::Es, 2_200_000), "2,1 MB");
        assert_eq!(file_size(Lang::En, 2_200_000), "2.1 MB");
        assert_eq!(file_size(Lang::Es, 340 * 1024), "340 KB");
    }
}
