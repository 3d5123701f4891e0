//! `GET /api/v1/events`: the alert events, newest first, filtered as the feed is.

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, ErrorBody};
use super::gaps::parse_filter;
use super::query::ApiQuery;
use crate::present::{event_dto, EventDto, Reading};
use vigia::events::{Event, EventKind};
use vigia::gaps::Severity;
use vigia::ports::ComplianceReader;
use vigia::DepartmentCode;
use vigia_store::EventFilter;

const PER_PAGE: i64 = 100;

#[derive(Deserialize, IntoParams)]
pub struct EventQuery {
    /// ISO 3166-2:BO department code.
    pub department: Option<String>,
    /// `gap.opened`, `gap.closed`, `deadline.approaching`, `status.changed`, `reply.posted`
    /// or `reply.reviewed`.
    pub kind: Option<String>,
    /// `critical`, `warning` or `notice`: gap events of another severity are left out.
    pub severity: Option<String>,
    /// Only events after this event id (to catch up).
    pub since: Option<String>,
    /// Only events before this event id (the next page of older events).
    pub before: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EventPageDto {
    pub events: Vec<EventDto>,
    /// The next page of older events, when there is one.
    pub next: Option<String>,
}

/// Alert events, newest first, 100 a page.
#[utoipa::path(
    get,
    path = "/api/v1/events",
    params(EventQuery),
    responses((status = 200, description = "A page of events", body = EventPageDto), (status = 400, description = "A filter is not valid", body = ErrorBody))
)]
pub async fn list_events(
    State(state): State<Reading>,
    ApiQuery(query): ApiQuery<EventQuery>,
) -> Result<Json<EventPageDto>, ApiError> {
    let filter = EventFilter {
        department: parse_filter::<DepartmentCode>("department", query.department.as_deref())?,
        kind: parse_filter::<EventKind>("kind", query.kind.as_deref())?,
        severity: parse_filter::<Severity>("severity", query.severity.as_deref())?,
        after: parse_filter::<i64>("since", query.since.as_deref())?,
        before: parse_filter::<i64>("before", query.before.as_deref())?,
        change: None,
    };
    let snapshot = state.store.snapshot().await?;
    let list = state
        .store
        .events(&filter, PER_PAGE + 1)
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let more = list.len() as i64 > PER_PAGE;
    let shown: Vec<&Event> = list.iter().take(PER_PAGE as usize).collect();
    let next = more.then(|| {
        let last = shown.last().map(|e| e.id).unwrap_or_default();
        let mut url = format!("/api/v1/events?before={last}");
        for (name, value) in [
            ("department", &query.department),
            ("kind", &query.kind),
            ("severity", &query.severity),
            ("since", &query.since),
        ] {
            if let Some(value) = value {
                url.push_str(&format!("&{name}={}", app::format::query_value(value)));
            }
        }
        url
    });
    Ok(Json(EventPageDto {
        events: shown
            .into_iter()
            .map(|e| event_dto(e, &snapshot, &state.public_url))
            .collect(),
        next,
    }))
}
