//! CSV exports. The records export's columns are stable: the officers' bulk import reads them.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};

use super::error::ApiError;
use crate::state::AppState;
use vigia::ports::ComplianceReader;
use vigia::Snapshot;

pub const RECORD_COLUMNS: [&str; 10] = [
    "department_code",
    "requirement",
    "status",
    "status_since",
    "due_date",
    "valid_until",
    "approving_instrument",
    "evidence_level",
    "last_claim_date",
    "source_url",
];

fn text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// One row per department and requirement: the current state.
pub fn records_csv(snapshot: &Snapshot) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(RECORD_COLUMNS)?;
    for department in &snapshot.departments {
        for record in snapshot.records_of(department.code) {
            let current = record.current();
            writer.write_record([
                department.code.to_string(),
                record.requirement.to_string(),
                current
                    .map(|c| c.status.slug().to_owned())
                    .unwrap_or_else(|| "unknown".to_owned()),
                text(current.and_then(|c| c.status_since)),
                text(current.and_then(|c| c.due_date)),
                text(current.and_then(|c| c.valid_until)),
                text(current.and_then(|c| c.approving_instrument.clone())),
                text(current.map(|c| c.evidence_level.slug())),
                text(current.map(|c| c.recorded_at.date_naive())),
                text(current.map(|c| c.source.url.clone())),
            ])?;
        }
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// Every claim ever recorded, oldest first.
pub fn claims_csv_text(snapshot: &Snapshot) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "claim_id",
        "department_code",
        "requirement",
        "status",
        "status_since",
        "due_date",
        "valid_from",
        "valid_until",
        "approving_instrument",
        "evidence_level",
        "note_es",
        "note_en",
        "source_author",
        "source_publisher",
        "source_title",
        "source_url",
        "source_date",
        "recorded_at",
    ])?;
    for c in &snapshot.claims {
        writer.write_record([
            c.id.to_string(),
            c.department.to_string(),
            c.requirement.to_string(),
            c.status.slug().to_owned(),
            text(c.status_since),
            text(c.due_date),
            text(c.valid_from),
            text(c.valid_until),
            text(c.approving_instrument.clone()),
            c.evidence_level.slug().to_owned(),
            c.note_es.clone(),
            c.note_en.clone(),
            c.source.author.clone(),
            text(c.source.publisher.clone()),
            c.source.title.clone(),
            c.source.url.clone(),
            c.source.date.to_string(),
            c.recorded_at.to_rfc3339(),
        ])?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

fn csv_response(body: String, filename: &str) -> Response {
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The current state of every department and requirement, as CSV.
#[utoipa::path(get, path = "/api/v1/export.csv", responses((status = 200, description = "CSV with a header row", content_type = "text/csv")))]
pub async fn export_csv(State(state): State<AppState>) -> Result<Response, ApiError> {
    let snapshot = state.store.snapshot().await?;
    let body = records_csv(&snapshot).map_err(ApiError::Internal)?;
    Ok(csv_response(body, "vigia-export.csv"))
}

/// Every claim ever recorded, for researchers.
#[utoipa::path(get, path = "/api/v1/claims.csv", responses((status = 200, description = "CSV with a header row", content_type = "text/csv")))]
pub async fn claims_csv(State(state): State<AppState>) -> Result<Response, ApiError> {
    let snapshot = state.store.snapshot().await?;
    let body = claims_csv_text(&snapshot).map_err(ApiError::Internal)?;
    Ok(csv_response(body, "vigia-claims.csv"))
}
