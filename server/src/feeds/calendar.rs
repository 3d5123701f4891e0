//! `/feeds/deadlines.ics`: every future due date and end of validity as an iCalendar
//! (RFC 5545), one all-day event each, with a stable `UID` and the department page as `URL`.

use axum::extract::{Query, State};
use axum::response::Response;
use chrono::Days;
use http::HeaderMap;
use icalendar::{Calendar, Component, EventLike};
use serde::Deserialize;

use app::i18n::{t, tr};
use vigia::events::{upcoming_deadline, DeadlineKind};
use vigia::ports::ComplianceReader;
use vigia::DepartmentCode;

use super::FeedError;
use super::{conditional, feed_lang, filter};
use crate::present::authority;
use crate::present::{ReaderLang, Reading};

#[derive(Deserialize, Default)]
pub struct CalendarQuery {
    department: Option<String>,
    lang: Option<String>,
}

pub async fn deadlines_ics(
    State(state): State<Reading>,
    Query(query): Query<CalendarQuery>,
    ReaderLang(reader): ReaderLang,
    headers: HeaderMap,
) -> Result<Response, FeedError> {
    let lang = feed_lang(query.lang.as_deref(), reader)?;
    let only = filter::<DepartmentCode>(query.department.as_deref())?;
    let snapshot = state.store.snapshot().await?;
    let today = state.clock.today();
    let base = &state.public_url;
    let host = authority(base);
    let mut calendar = Calendar::new();
    calendar.name(&t(lang, "calendar-title"));
    let mut last_modified = None;
    for department in snapshot
        .departments
        .iter()
        .filter(|d| only.is_none_or(|o| o == d.code))
    {
        for requirement in &snapshot.requirements {
            let record = snapshot.borrowed_record(department.code, &requirement.slug);
            let Some((kind, date)) = upcoming_deadline(&record, today) else {
                continue;
            };
            let Some(claim) = record.current() else {
                continue;
            };
            let key = match kind {
                DeadlineKind::Due => "calendar-due",
                DeadlineKind::ValidityEnd => "calendar-validity-end",
            };
            let summary = tr(
                lang,
                key,
                &[
                    ("department", department.name.clone().into()),
                    (
                        "requirement",
                        app::format::requirement_phrase(lang, requirement).into(),
                    ),
                ],
            );
            let uid = format!(
                "deadline-{}-{}-{}-{date}@{host}",
                department.code,
                requirement.slug,
                kind.slug()
            );
            let page = format!("{base}/departments/{}", department.code);
            let description = tr(
                lang,
                "calendar-description",
                &[
                    ("what", summary.clone().into()),
                    ("department", department.name.clone().into()),
                    ("who", app::format::attribution(lang, &claim.source).into()),
                    ("title", claim.source.title.clone().into()),
                    (
                        "published",
                        app::format::partial_date(lang, claim.source.published).into(),
                    ),
                    ("page", page.clone().into()),
                ],
            );
            let event = icalendar::Event::new()
                .uid(&uid)
                .summary(&summary)
                .description(&description)
                .url(&page)
                .starts(date)
                .ends(date.checked_add_days(Days::new(1)).unwrap_or(date))
                .timestamp(claim.recorded_at)
                .done();
            calendar.push(event);
            last_modified = last_modified.max(Some(claim.recorded_at));
        }
    }
    let body = calendar.done().to_string();
    Ok(conditional(
        &headers,
        "text/calendar; charset=utf-8",
        body,
        last_modified,
    ))
}
