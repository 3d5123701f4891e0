//! What the API, the feeds and the alerts show of the record, in one place below all three:
//! an alert event as the API lists it and a webhook receives it, and what a reader of the
//! record needs to build an answer (the store, the clock, the public address). The API and
//! the feeds take [`Reading`] as their state, so they know nothing of the web layer above
//! them, and the alerts worker builds its payloads here instead of reaching into the API.

use serde::Serialize;
use std::sync::Arc;
use utoipa::ToSchema;

use app::i18n::Lang;
use vigia::events::Event;
use vigia::Snapshot;
use vigia_store::Store;

/// The language the reader's `?lang=`, cookie and browser ask for, as the web layer worked it
/// out (`http::lang`) and left in the request; Spanish when it did not.
#[derive(Clone, Copy, Debug)]
pub struct ReaderLang(pub Lang);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ReaderLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self(
            parts.extensions.get::<Lang>().copied().unwrap_or_default(),
        ))
    }
}

/// What the API and the feeds read with: the store, the clock and the public address.
#[derive(Clone)]
pub struct Reading {
    pub store: Arc<Store>,
    pub clock: Arc<dyn vigia::Clock>,
    /// Where the public reaches this server, without a trailing slash.
    pub public_url: String,
    /// The stylesheet's address, for pages written outside the router (a feed read in a
    /// browser).
    pub stylesheet: String,
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

/// The JSON a webhook receives (its schema is `WebhookPayload` in the OpenAPI document).
pub fn webhook_payload(
    kind: &str,
    change: Option<i64>,
    events: &[Event],
    snapshot: &Snapshot,
    base: &str,
) -> String {
    let payload = WebhookPayload {
        kind: kind.to_owned(),
        change_id: change,
        events: events
            .iter()
            .map(|e| event_dto(e, snapshot, base))
            .collect(),
    };
    serde_json::to_string(&payload).unwrap_or_default()
}

/// The host part of the public address, for `tag:` ids, calendar UIDs and message ids.
pub fn authority(public_url: &str) -> String {
    public_url
        .split("://")
        .nth(1)
        .unwrap_or(public_url)
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}
