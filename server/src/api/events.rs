//! `GET /api/v1/events`: the alert events, newest first, filtered as the feed is.

use axum::extract::State;
use axum::Json;
use http::HeaderMap;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, ErrorBody};
use super::gaps::parse_filter;
use super::query::ApiQuery;
use crate::state::AppState;
use app::i18n::Lang;
use vigia::events::{Event, EventKind};
use vigia::gaps::Severity;
use vigia::ports::ComplianceReader;
use vigia::{DepartmentCode, Snapshot};
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

/// Where to read more about an event.
#[derive(Serialize, ToSchema)]
pub struct EventLinks {
    pub department: String,
    /// The history entry of the change that caused it (absent for the daily scheduler's).
    pub history: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EventDto {
    /// Stable id.
    pub id: i64,
    /// Events of one change share it: deliver them together.
    pub change_id: i64,
    /// When Vigía recorded it (RFC 3339, UTC).
    pub at: String,
    pub kind: String,
    pub department: String,
    pub requirement: String,
    pub gap_kind: Option<String>,
    pub severity: Option<String>,
    /// For `deadline.approaching`: 30, 7 or 1.
    pub threshold_days: Option<u32>,
    /// For `deadline.approaching`: `due` or `validity-end`.
    pub deadline: Option<String>,
    /// The date the event refers to (`YYYY-MM-DD`).
    pub refers_to: Option<String>,
    pub status_before: Option<String>,
    pub status_after: Option<String>,
    pub reply_id: Option<i64>,
    pub links: EventLinks,
    pub message_es: String,
    pub message_en: String,
}

/// What a webhook receives: the events of one change that its filters want (`vigia.events`),
/// or, when it is created, a test with no events (`vigia.test`). Signed as Standard Webhooks
/// specifies; `webhook-id` is the same on every retry of one delivery.
#[derive(Serialize, ToSchema)]
pub struct WebhookPayload {
    /// `vigia.events` or `vigia.test`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The change whose events these are (absent for a test).
    pub change_id: Option<i64>,
    pub events: Vec<EventDto>,
}

pub fn event_dto(event: &Event, snapshot: &Snapshot, public_url: &str) -> EventDto {
    let d = &event.draft;
    EventDto {
        id: event.id,
        change_id: event.change_id,
        at: event.at.to_rfc3339(),
        kind: d.kind.slug().to_owned(),
        department: d.department.to_string(),
        requirement: d.requirement.to_string(),
        gap_kind: d.gap_kind.map(|k| k.slug().to_owned()),
        severity: d.severity.map(|s| s.slug().to_owned()),
        threshold_days: d.threshold_days,
        deadline: d.deadline.map(|k| k.slug().to_owned()),
        refers_to: d.refers_to.map(|r| r.to_string()),
        status_before: d.status_before.map(|s| s.slug().to_owned()),
        status_after: d.status_after.map(|s| s.slug().to_owned()),
        reply_id: d.reply_id,
        links: EventLinks {
            department: format!("{public_url}/departments/{}", d.department),
            history: event
                .history_entry
                .map(|id| format!("{public_url}/history/{id}")),
        },
        message_es: app::explain::event_message(Lang::Es, event, snapshot),
        message_en: app::explain::event_message(Lang::En, event, snapshot),
    }
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
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<EventQuery>,
    _headers: HeaderMap,
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
