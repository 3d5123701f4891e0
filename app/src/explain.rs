//! Plain-language explanations of gaps, for the pages, the API and alerts. Each names who
//! said what it rests on, and speaks of the past in the past tense.

use chrono::NaiveDate;

use crate::format;
use crate::i18n::{tr, Arg, Lang};
use vigia::gaps::{Gap, GapKind};
use vigia::{Basis, Claim, Snapshot};

/// "En 2020, La Paz no tenía plan departamental contra la trata y tráfico de personas, según
/// el análisis de InSight Crime."
pub fn gap_message(lang: Lang, gap: &Gap, snapshot: &Snapshot, today: NaiveDate) -> String {
    let department = snapshot
        .department(gap.department)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| gap.department.to_string());
    let requirement = snapshot
        .requirement(&gap.requirement)
        .map(|r| format::requirement_phrase(lang, r))
        .unwrap_or_else(|| gap.requirement.to_string());
    let claim: Option<&Claim> = gap.claim_id.and_then(|id| snapshot.claim(id));
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

/// What an alert event says, in the reader's language: for a gap that opened, the same
/// sentence the gaps page shows.
pub fn event_message(lang: Lang, event: &vigia::events::Event, snapshot: &Snapshot) -> String {
    use vigia::events::EventKind;
    let draft = &event.draft;
    let department = snapshot
        .department(draft.department)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| draft.department.to_string());
    let requirement_data = snapshot.requirement(&draft.requirement);
    let requirement = requirement_data
        .map(|r| format::requirement_phrase(lang, r))
        .unwrap_or_else(|| draft.requirement.to_string());
    let kind_label = draft
        .gap_kind
        .map(|k| crate::i18n::t(lang, &format!("gap-kind-{}", k.slug())))
        .unwrap_or_default();
    let status = |s: Option<vigia::Status>| {
        s.map(|s| format::status_label(lang, requirement_data, s))
            .unwrap_or_else(|| crate::i18n::t(lang, "status-unknown"))
    };
    let mut args: Vec<(&'static str, Arg)> = vec![
        ("department", department.into()),
        ("requirement", requirement.into()),
        ("kind", kind_label.into()),
        ("from", status(draft.status_before).into()),
        ("to", status(draft.status_after).into()),
    ];
    args.extend(date_args(lang, draft));
    let key = match draft.kind {
        EventKind::GapOpened => {
            let gap = vigia::gaps::Gap {
                department: draft.department,
                requirement: draft.requirement.clone(),
                kind: draft.gap_kind.unwrap_or(vigia::GapKind::StatusUnknown),
                severity: draft.severity.unwrap_or(vigia::Severity::Notice),
                since: draft.refers_to.map(vigia::PartialDate::day),
                claim_id: draft.claim_id,
                due_date: None,
                valid_until: None,
                newest_source: None,
            };
            let today = vigia::la_paz_date(event.at);
            let sentence = gap_message(lang, &gap, snapshot, today);
            args.push(("sentence", sentence.into()));
            "event-gap-opened"
        }
        EventKind::GapClosed => "event-gap-closed",
        EventKind::DeadlineApproaching => "event-deadline-approaching",
        EventKind::StatusChanged => "event-status-changed",
        EventKind::ReplyPosted => "event-reply-posted",
        EventKind::ReplyReviewed => "event-reply-reviewed",
    };
    let message = tr(lang, key, &args);
    // A change made by correcting an earlier claim says so: the record was not news, a
    // mistake was.
    if corrected_by_event(event, snapshot) {
        format!("{}: {message}", crate::i18n::t(lang, "event-correction"))
    } else {
        message
    }
}

/// A short title for an event (a feed entry's title).
/// What happened, in a line that tells one change from another: "Pando · plan departamental
/// contra la trata y tráfico de personas: sin plan → en elaboración". Feed entry titles,
/// email headings and subjects use it.
pub fn event_title(lang: Lang, event: &vigia::events::Event, snapshot: &Snapshot) -> String {
    use vigia::events::EventKind;
    let draft = &event.draft;
    let requirement_data = snapshot.requirement(&draft.requirement);
    let status = |s: Option<vigia::Status>| {
        s.map(|s| format::status_label(lang, requirement_data, s))
            .unwrap_or_else(|| crate::i18n::t(lang, "status-unknown"))
    };
    let mut args: Vec<(&'static str, Arg)> = vec![
        ("from", status(draft.status_before).into()),
        ("to", status(draft.status_after).into()),
        (
            "kind",
            draft
                .gap_kind
                .map(|k| crate::i18n::t(lang, &format!("gap-kind-{}", k.slug())))
                .unwrap_or_default()
                .into(),
        ),
        (
            "severity",
            draft
                .severity
                .map(|s| crate::i18n::t(lang, &format!("severity-{}", s.slug())))
                .unwrap_or_default()
                .into(),
        ),
    ];
    args.extend(date_args(lang, draft));
    let what_key = match draft.kind {
        EventKind::StatusChanged => "event-what-status-changed",
        EventKind::GapOpened => "event-what-gap-opened",
        EventKind::GapClosed => "event-what-gap-closed",
        EventKind::DeadlineApproaching => "event-what-deadline-approaching",
        EventKind::ReplyPosted => "event-what-reply-posted",
        EventKind::ReplyReviewed => "event-what-reply-reviewed",
    };
    let mut what = tr(lang, what_key, &args);
    if corrected_by_event(event, snapshot) {
        what = tr(lang, "event-what-correction", &[("what", what.into())]);
    }
    let department = snapshot
        .department(draft.department)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| draft.department.to_string());
    let requirement = requirement_data
        .map(|r| format::requirement_phrase(lang, r))
        .unwrap_or_else(|| draft.requirement.to_string());
    tr(
        lang,
        "event-headline",
        &[
            ("department", department.into()),
            ("requirement", requirement.into()),
            ("what", what.into()),
        ],
    )
}

/// The date an event refers to, how many days before it, and what kind of date it is.
fn date_args(lang: Lang, draft: &vigia::events::EventDraft) -> [(&'static str, Arg); 3] {
    use vigia::events::DeadlineKind;
    [
        (
            "date",
            draft
                .refers_to
                .map(|d| format::date(lang, d))
                .unwrap_or_default()
                .into(),
        ),
        (
            "days",
            i64::from(draft.threshold_days.unwrap_or_default()).into(),
        ),
        (
            "deadline",
            match draft.deadline {
                Some(DeadlineKind::ValidityEnd) => "validity-end",
                _ => "due",
            }
            .into(),
        ),
    ]
}

/// Whether the claim behind an event corrects an earlier one.
fn corrected_by_event(event: &vigia::events::Event, snapshot: &Snapshot) -> bool {
    event
        .draft
        .claim_id
        .and_then(|id| snapshot.claim(id))
        .is_some_and(|c| c.corrects.is_some())
}
