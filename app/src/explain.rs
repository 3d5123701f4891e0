//! Plain-language explanations of gaps, for the pages, the API and alerts. Each names who
//! said what it rests on, and speaks of the past in the past tense.

use chrono::NaiveDate;

use crate::format;
use crate::i18n::{tr, Arg, Lang};
use vigia::gaps::{Gap, GapKind};
use vigia::{Basis, Claim, Snapshot};

/// "En 2020, La Paz no tenía plan departamental contra la trata y tráfico de personas, según
/// el análisis de InSight Crime, que cita a expertos."
pub fn gap_message(lang: Lang, gap: &Gap, snapshot: &Snapshot, today: NaiveDate) -> String {
    let department = snapshot
        .department(gap.department)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| gap.department.to_string());
    let requirement = snapshot
        .requirement(&gap.requirement)
        .map(|r| format::requirement_phrase(lang, r))
        .unwrap_or_else(|| gap.requirement.to_string());
    let claim: Option<&Claim> = gap
        .claim_id
        .and_then(|id| snapshot.claims.iter().find(|c| c.id == id));
    let day = |d: Option<NaiveDate>| d.map(|d| format::date(lang, d)).unwrap_or_default();
    let partial = |d: Option<vigia::PartialDate>| {
        d.map(|d| format::partial_date(lang, d)).unwrap_or_default()
    };
    let tense = claim.map_or("present", |c| {
        if format::is_present(c.event_date, today) {
            "present"
        } else {
            "past"
        }
    });
    let args: Vec<(&'static str, Arg)> = vec![
        ("department", department.into()),
        ("requirement", requirement.into()),
        (
            "who",
            claim
                .map(|c| format::attribution(lang, &c.source))
                .unwrap_or_default()
                .into(),
        ),
        (
            "published",
            partial(claim.map(|c| c.source.published)).into(),
        ),
        (
            "when",
            claim
                .map(|c| format::when(lang, c.event_date))
                .unwrap_or_default()
                .into(),
        ),
        ("tense", tense.into()),
        ("period", partial(claim.map(|c| c.event_date)).into()),
        ("due", day(gap.due_date).into()),
        ("until", partial(gap.valid_until).into()),
        ("since", partial(gap.since).into()),
        ("newest", partial(gap.newest_source).into()),
        (
            "basis",
            claim.map_or(Basis::Stated, |c| c.basis).slug().into(),
        ),
    ];
    let key = match (gap.kind, claim) {
        (GapKind::StatusUnknown, None) => "gap-no-claim".to_owned(),
        (kind, _) => format!("gap-{}", kind.slug()),
    };
    tr(lang, &key, &args)
}
