//! `GET /api/v1/departments` and `GET /api/v1/departments/{code}`.

use axum::extract::{Path, State};

use super::query::ApiQuery;
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

use super::dto::{department_dto, DepartmentDto};
use super::error::{echo, ApiError, ErrorBody};
use super::history::{entry_dto, history_page, page_number, push_params};
use crate::present::{ReaderLang, Reading};
use vigia::DepartmentCode;

#[derive(Deserialize, IntoParams)]
pub struct LangQuery {
    /// `es` (default) or `en`, for labels and messages.
    pub lang: Option<String>,
    /// `YYYY-MM-DD`: the state as it stood at the end of that day, rebuilt from the history.
    pub as_of: Option<String>,
}

/// Every department with its requirements' current state and open gaps.
#[utoipa::path(
    get,
    path = "/api/v1/departments",
    params(LangQuery),
    responses((status = 200, description = "The nine departments", body = [DepartmentDto]), (status = 400, body = ErrorBody))
)]
pub async fn list_departments(
    State(state): State<Reading>,
    ApiQuery(query): ApiQuery<LangQuery>,
    reader: ReaderLang,
) -> Result<Json<Vec<DepartmentDto>>, ApiError> {
    let view = super::gaps::load_view(
        &state,
        query.lang.as_deref(),
        query.as_of.as_deref(),
        reader,
    )
    .await?;
    let body = view
        .snapshot
        .departments
        .iter()
        .map(|d| department_dto(view.lang, d, &view.snapshot, (&view.gaps, view.today), None))
        .collect();
    Ok(Json(body))
}

/// The query of one department: its language and day, and the page of its history.
#[derive(Deserialize, IntoParams)]
pub struct DepartmentQuery {
    /// `es` (default) or `en`, for labels and messages.
    pub lang: Option<String>,
    /// `YYYY-MM-DD`: the state as it stood at the end of that day, rebuilt from the history.
    pub as_of: Option<String>,
    /// The page of the history, newest first, from 1 (default).
    pub page: Option<String>,
}

/// One department, with its claim history a page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/departments/{code}",
    params(("code" = String, Path, description = "ISO 3166-2:BO code, e.g. BO-L"), DepartmentQuery),
    responses(
        (status = 200, description = "The department", body = DepartmentDto),
        (status = 404, description = "No department has this code", body = ErrorBody)
    )
)]
pub async fn get_department(
    State(state): State<Reading>,
    Path(code): Path<String>,
    ApiQuery(query): ApiQuery<DepartmentQuery>,
    reader: ReaderLang,
) -> Result<Json<DepartmentDto>, ApiError> {
    let code = DepartmentCode::parse(&code)
        .map_err(|_| ApiError::NotFound(format!("no department has the code {}", echo(&code))))?;
    let view = super::gaps::load_view(
        &state,
        query.lang.as_deref(),
        query.as_of.as_deref(),
        reader,
    )
    .await?;
    let department = view
        .snapshot
        .department(code)
        .ok_or_else(|| ApiError::NotFound(format!("department {code} is not in the database")))?;
    let page = page_number(query.page.as_deref())?;
    let (entries, more) = history_page(
        &state,
        &view.snapshot,
        Some(code),
        query.as_of.is_some(),
        page,
    )
    .await?;
    let entries = entries
        .iter()
        .map(|e| entry_dto(view.lang, e, &view.snapshot, &state.public_url))
        .collect();
    let next = more.then(|| {
        let mut url = format!("/api/v1/departments/{code}?page={}", page + 1);
        push_params(&mut url, &[("lang", &query.lang), ("as_of", &query.as_of)]);
        url
    });
    Ok(Json(department_dto(
        view.lang,
        department,
        &view.snapshot,
        (&view.gaps, view.today),
        Some((entries, next)),
    )))
}
