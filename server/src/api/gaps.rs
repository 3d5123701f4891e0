//! `GET /api/v1/gaps`, and loading the state every API answer is built from.

use axum::extract::State;

use super::query::ApiQuery;
use axum::Json;
use serde::Deserialize;
use std::sync::Arc;
use utoipa::IntoParams;

use super::dto::{gap_dto, GapDto};
use super::error::{echo, ApiError, ErrorBody};
use crate::present::{ReaderLang, Reading};
use app::i18n::Lang;
use vigia::gaps::{Gap, GapKind, Severity};
use vigia::ports::ComplianceReader;
use vigia::{DepartmentCode, Snapshot};

pub struct ApiView {
    pub lang: Lang,
    pub snapshot: Arc<Snapshot>,
    pub gaps: Vec<Gap>,
    /// The day the view describes (today, or the `as_of` date).
    pub today: chrono::NaiveDate,
}

/// The state and its gaps, today or as of a past date (`as_of`, rebuilt from the history),
/// in the language asked for (`lang`, else the reader's).
pub async fn load_view(
    state: &Reading,
    lang: Option<&str>,
    as_of: Option<&str>,
    ReaderLang(reader): ReaderLang,
) -> Result<ApiView, ApiError> {
    let lang = match lang {
        Some(code) => Lang::parse(code).ok_or_else(|| {
            ApiError::BadRequest(format!("unknown lang {}; use es or en", echo(code)))
        })?,
        None => reader,
    };
    let as_of = parse_filter::<chrono::NaiveDate>("as_of (YYYY-MM-DD)", as_of)?;
    let snapshot = state.store.snapshot().await?;
    let view = app::context::PublicView::build(snapshot, state.clock.today(), as_of);
    Ok(ApiView {
        lang,
        snapshot: view.snapshot,
        gaps: view.gaps,
        today: view.today,
    })
}

#[derive(Deserialize, IntoParams)]
pub struct GapFilters {
    /// ISO 3166-2:BO department code.
    pub department: Option<String>,
    /// Gap kind slug, e.g. `missing`.
    pub kind: Option<String>,
    /// `critical`, `warning` or `notice`.
    pub severity: Option<String>,
    /// `es` (default) or `en`.
    pub lang: Option<String>,
    /// `YYYY-MM-DD`: the gaps as they stood at the end of that day.
    pub as_of: Option<String>,
}

pub fn parse_filter<T: std::str::FromStr>(
    name: &str,
    raw: Option<&str>,
) -> Result<Option<T>, ApiError> {
    raw.filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<T>()
                .map_err(|_| ApiError::BadRequest(format!("invalid {name}: {}", echo(v))))
        })
        .transpose()
}

/// Open gaps, most severe first.
#[utoipa::path(
    get,
    path = "/api/v1/gaps",
    params(GapFilters),
    responses((status = 200, description = "Open gaps", body = [GapDto]), (status = 400, description = "A filter is not valid", body = ErrorBody))
)]
pub async fn list_gaps(
    State(state): State<Reading>,
    ApiQuery(filters): ApiQuery<GapFilters>,
    reader: ReaderLang,
) -> Result<Json<Vec<GapDto>>, ApiError> {
    Ok(Json(filtered_gaps(&state, &filters, reader).await?))
}

/// The open gaps the filters select, as the JSON list gives them.
async fn filtered_gaps(
    state: &Reading,
    filters: &GapFilters,
    reader: ReaderLang,
) -> Result<Vec<GapDto>, ApiError> {
    let department: Option<DepartmentCode> =
        parse_filter("department", filters.department.as_deref())?;
    let kind: Option<GapKind> = parse_filter("kind", filters.kind.as_deref())?;
    let severity: Option<Severity> = parse_filter("severity", filters.severity.as_deref())?;
    let view = load_view(
        state,
        filters.lang.as_deref(),
        filters.as_of.as_deref(),
        reader,
    )
    .await?;
    Ok(view
        .gaps
        .iter()
        .filter(|g| department.is_none_or(|d| g.department == d))
        .filter(|g| kind.is_none_or(|k| g.kind == k))
        .filter(|g| severity.is_none_or(|s| g.severity == s))
        .map(|g| gap_dto(view.lang, g, &view.snapshot, view.today))
        .collect())
}

/// The same open gaps as `/api/v1/gaps`, with the same filters, as CSV.
#[utoipa::path(
    get,
    path = "/api/v1/gaps.csv",
    params(GapFilters),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv"), (status = 400, description = "A filter is not valid", body = ErrorBody))
)]
pub async fn list_gaps_csv(
    State(state): State<Reading>,
    ApiQuery(filters): ApiQuery<GapFilters>,
    reader: ReaderLang,
) -> Result<axum::response::Response, ApiError> {
    let gaps = filtered_gaps(&state, &filters, reader).await?;
    let body = gaps_csv(&gaps).map_err(ApiError::Internal)?;
    Ok(super::export::csv_response(body, "vigia-gaps.csv"))
}

fn gaps_csv(gaps: &[GapDto]) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(vigia::open_data::GAPS.names())?;
    for g in gaps {
        writer.write_record([
            g.department.as_str(),
            g.requirement.as_str(),
            g.kind.as_str(),
            g.severity.as_str(),
            g.since.as_deref().unwrap_or_default(),
            g.message.as_str(),
        ])?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}
