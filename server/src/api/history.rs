//! `GET /api/v1/history`: the public audit trail, newest first, a page at a time.

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::dto::{claim_dto, ClaimDto};
use super::error::{ApiError, ErrorBody};
use super::gaps::{load_view, parse_filter};
use super::query::ApiQuery;
use crate::present::{ReaderLang, Reading};
use app::i18n::Lang;
use vigia::{DepartmentCode, HistoryEntry, Snapshot};

const PER_PAGE: usize = 50;
/// Far beyond any history Vigía will hold; larger numbers are mistakes or probes.
const MAX_PAGE: usize = 100_000;

/// One entry of the audit trail. A claim entry carries the claim's fields too.
#[derive(Serialize, ToSchema)]
pub struct HistoryEntryDto {
    /// Stable id; the permalink is `/history/{entry_id}`.
    pub entry_id: i64,
    pub permalink: String,
    /// RFC 3339, UTC.
    pub at: String,
    /// `claim-recorded`, `document-withheld`, `reply-posted`, `reply-reviewed`,
    /// `suggestion-accepted`, `suggestion-rejected`, `user-added`, `user-disabled`,
    /// `user-enabled` or `user-rescoped`.
    pub action: String,
    /// Public display name; absent for the cited seed data.
    pub actor: Option<String>,
    /// `kind:id`, e.g. `claim:12`.
    pub subject: String,
    pub department: Option<String>,
    /// Why: the claim's note or the reason given.
    pub reason: String,
    /// For a decision on a suggestion: the public's text it decided on, unless the submitter
    /// asked to keep it private or an admin hid it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub claim: Option<ClaimDto>,
}

pub fn entry_dto(
    lang: Lang,
    entry: &HistoryEntry,
    snapshot: &Snapshot,
    public_url: &str,
) -> HistoryEntryDto {
    let claim = entry
        .claim_id()
        .and_then(|id| snapshot.claim(id))
        .map(|c| claim_dto(lang, c));
    HistoryEntryDto {
        entry_id: entry.id,
        permalink: format!("{public_url}/history/{}", entry.id),
        at: entry.at.to_rfc3339(),
        action: entry.action.slug().to_owned(),
        actor: entry.actor.clone(),
        subject: entry.subject.clone(),
        department: entry.department.map(|d| d.to_string()),
        reason: entry.reason.clone(),
        suggestion: entry.suggestion.clone(),
        claim,
    }
}

#[derive(Deserialize, IntoParams)]
pub struct HistoryQuery {
    /// 1 (newest) and up.
    pub page: Option<String>,
    /// ISO 3166-2:BO code: only this department's entries.
    pub department: Option<String>,
    /// `es` (default) or `en`.
    pub lang: Option<String>,
    /// `YYYY-MM-DD`: the history up to the end of that day.
    pub as_of: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct HistoryPageDto {
    pub page: usize,
    pub per_page: usize,
    pub entries: Vec<HistoryEntryDto>,
    /// The next page's URL, when there is one.
    pub next: Option<String>,
}

/// The page asked for, from 1 (the default).
pub(super) fn page_number(text: Option<&str>) -> Result<usize, ApiError> {
    let page: usize = parse_filter("page", text)?.unwrap_or(1);
    if !(1..=MAX_PAGE).contains(&page) {
        return Err(ApiError::BadRequest(format!(
            "page runs from 1 to {MAX_PAGE}"
        )));
    }
    Ok(page)
}

/// Adds the query's parameters that were given to a link to another page.
pub(super) fn push_params(url: &mut String, params: &[(&str, &Option<String>)]) {
    for (name, value) in params {
        if let Some(value) = value {
            url.push_str(&format!("&{name}={}", app::format::query_value(value)));
        }
    }
}

/// One page of the history, newest first: today's from the database, a page at a time; a
/// past day's from the snapshot rebuilt for that day (entries recorded by then), which
/// `load_view` has built already.
pub(super) async fn history_page(
    state: &Reading,
    snapshot: &Snapshot,
    department: Option<DepartmentCode>,
    past: bool,
    page: usize,
) -> Result<(Vec<HistoryEntry>, bool), ApiError> {
    if !past {
        return Ok(state.store.history_page(department, page, PER_PAGE).await?);
    }
    let entries: Vec<&HistoryEntry> = match department {
        Some(code) => snapshot.history_of(code),
        None => snapshot.history.iter().collect(),
    };
    Ok(vigia::history::page(&entries, page, PER_PAGE))
}

/// Recent entries of the audit trail, newest first, 50 a page.
#[utoipa::path(
    get,
    path = "/api/v1/history",
    params(HistoryQuery),
    responses((status = 200, description = "A page of the history", body = HistoryPageDto), (status = 400, body = ErrorBody))
)]
pub async fn list_history(
    State(state): State<Reading>,
    ApiQuery(query): ApiQuery<HistoryQuery>,
    reader: ReaderLang,
) -> Result<Json<HistoryPageDto>, ApiError> {
    let page = page_number(query.page.as_deref())?;
    let department: Option<DepartmentCode> =
        parse_filter("department", query.department.as_deref())?;
    let view = load_view(
        &state,
        query.lang.as_deref(),
        query.as_of.as_deref(),
        reader,
    )
    .await?;
    let (items, more) = history_page(
        &state,
        &view.snapshot,
        department,
        query.as_of.is_some(),
        page,
    )
    .await?;
    let next = more.then(|| {
        let mut url = format!("/api/v1/history?page={}", page + 1);
        push_params(
            &mut url,
            &[
                ("department", &query.department),
                ("lang", &query.lang),
                ("as_of", &query.as_of),
            ],
        );
        url
    });
    Ok(Json(HistoryPageDto {
        page,
        per_page: PER_PAGE,
        entries: items
            .iter()
            .map(|e| entry_dto(view.lang, e, &view.snapshot, &state.public_url))
            .collect(),
        next,
    }))
}
