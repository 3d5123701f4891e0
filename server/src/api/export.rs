//! CSV exports. The records export's columns are stable: the officers' bulk import reads them.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};

use super::error::ApiError;
use crate::state::AppState;
use vigia::ports::ComplianceReader;
use vigia::Snapshot;

/// The first ten columns are the original export's, in their order; later ones were added.
pub const RECORD_COLUMNS: [&str; 16] = [
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
    "basis",
    "event_date",
    "source_author",
    "source_publisher",
    "source_title",
    "source_date",
];

/// Writes one row, neutralising cells a spreadsheet would run as formulas.
fn write_row<const N: usize>(
    writer: &mut csv::Writer<Vec<u8>>,
    cells: [String; N],
) -> csv::Result<()> {
    writer.write_record(
        cells
            .iter()
            .map(|c| vigia::spreadsheet::neutralise(c).into_owned()),
    )
}

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
            write_row(
                &mut writer,
                [
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
                    text(current.map(|c| vigia::la_paz_date(c.recorded_at))),
                    text(current.map(|c| c.source.url.clone())),
                    text(current.map(|c| c.basis.slug())),
                    text(current.map(|c| c.event_date)),
                    text(current.map(|c| c.source.author.clone())),
                    text(current.and_then(|c| c.source.outlet.clone())),
                    text(current.map(|c| c.source.title.clone())),
                    text(current.map(|c| c.source.published)),
                ],
            )?;
        }
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// `label | url` lines, as the claim form and the import read them.
fn links(claim: &vigia::Claim, kind: vigia::EvidenceKind) -> String {
    claim
        .evidence
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| format!("{} | {}", e.label, e.url))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every claim ever recorded, oldest first. Importable as it is: its columns are the
/// import's, and a corrected claim says which claim corrected it.
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
        "basis",
        "event_date",
        "evidence_primary",
        "evidence_links",
        "quality_responsible_institutions",
        "quality_timetable",
        "quality_financing",
        "quality_indicators",
        "quality_published",
        "source_locator",
        "source_quote",
        "source_attribution_es",
        "source_attribution_en",
        "corrected_by",
    ])?;
    for c in &snapshot.claims {
        let attribution = c.source.attribution.as_ref();
        let q = &c.quality;
        write_row(
            &mut writer,
            [
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
                text(c.source.outlet.clone()),
                c.source.title.clone(),
                c.source.url.clone(),
                c.source.published.to_string(),
                c.recorded_at.to_rfc3339(),
                c.basis.slug().to_owned(),
                c.event_date.to_string(),
                links(c, vigia::EvidenceKind::Primary),
                links(c, vigia::EvidenceKind::Report),
                q.responsible_institutions.slug().to_owned(),
                q.timetable.slug().to_owned(),
                q.financing.slug().to_owned(),
                q.indicators.slug().to_owned(),
                q.published.slug().to_owned(),
                text(c.locator.clone()),
                text(c.quote.clone()),
                text(attribution.map(|a| a.es.clone())),
                text(attribution.map(|a| a.en.clone())),
                text(c.corrected_by),
            ],
        )?;
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
