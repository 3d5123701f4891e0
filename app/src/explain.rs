//! Plain-language explanations of gaps, for the pages, the API and (later) alerts.

use crate::format;
use crate::i18n::{tr, Arg, Lang};
use vigia::gaps::Gap;
use vigia::Snapshot;

/// "La Paz no tiene plan departamental contra la trata y tráfico de personas, según
/// Defensoría del Pueblo (2020)."
pub fn gap_message(lang: Lang, gap: &Gap, snapshot: &Snapshot) -> String {
    let department = snapshot
        .department(gap.department)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| gap.department.to_string());
    let requirement = snapshot
        .requirement(&gap.requirement)
        .map(|r| format::requirement_phrase(lang, r))
        .unwrap_or_else(|| gap.requirement.to_string());
    let optional_date =
        |d: Option<chrono::NaiveDate>| d.map(|d| format::date(lang, d)).unwrap_or_default();
    let args: Vec<(&'static str, Arg)> = vec![
        ("department", department.into()),
        ("requirement", requirement.into()),
        (
            "source",
            gap.source_author.clone().unwrap_or_default().into(),
        ),
        (
            "year",
            i64::from(gap.source_year.unwrap_or_default()).into(),
        ),
        ("due", optional_date(gap.due_date).into()),
        ("until", optional_date(gap.valid_until).into()),
        ("since", optional_date(gap.since).into()),
    ];
    let key = match (gap.kind, gap.source_author.is_some()) {
        (vigia::GapKind::StatusUnknown, false) => "gap-no-claim".to_owned(),
        (kind, _) => format!("gap-{}", kind.slug()),
    };
    tr(lang, &key, &args)
}
