//! CSV exports. The records export's columns are stable: the officers' bulk import reads them.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use futures::{stream, StreamExt, TryStreamExt};
use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use std::borrow::Cow;
use std::io::Write;

use super::error::ApiError;
use crate::present::Reading;
use vigia::open_data::{CLAIMS, RECORDS};
use vigia::ports::ComplianceReader;
use vigia::Snapshot;

/// Writes one row, neutralising cells a spreadsheet would run as formulas.
fn write_row<W: Write>(writer: &mut csv::Writer<W>, cells: &[String]) -> csv::Result<()> {
    writer.write_record(
        cells
            .iter()
            .map(|c| match vigia::spreadsheet::neutralise(c) {
                Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
                Cow::Owned(text) => Cow::Owned(text.into_bytes()),
            }),
    )
}

/// An optional value as a cell: empty when absent.
pub(crate) fn text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// One department's record as a row of the records table.
fn record_cells(
    department: &vigia::Department,
    record: &vigia::ComplianceRecord<&vigia::Claim>,
) -> Vec<String> {
    let current = record.current();
    vec![
        department.code.to_string(),
        record.requirement.to_string(),
        current
            .map(|c| c.status.slug().to_owned())
            .unwrap_or_else(|| "unknown".to_owned()),
        text(current.and_then(|c| c.status_since)),
        text(current.and_then(|c| c.due_date)),
        text(current.and_then(|c| c.valid_until)),
        text(current.and_then(|c| c.approving_instrument.as_deref())),
        text(current.map(|c| c.evidence_level.slug())),
        text(current.map(|c| vigia::la_paz_date(c.recorded_at))),
        text(current.map(|c| c.source.url.clone())),
        text(current.map(|c| c.basis.slug())),
        text(current.map(|c| c.event_date)),
        text(current.map(|c| c.source.author.clone())),
        text(current.and_then(|c| c.source.outlet.clone())),
        text(current.map(|c| c.source.title.clone())),
        text(current.map(|c| c.source.published)),
    ]
}

/// One row per department and requirement: the current state, in [`RECORDS`]' columns.
pub fn record_rows(snapshot: &Snapshot) -> Vec<Vec<String>> {
    snapshot
        .departments
        .iter()
        .flat_map(|department| {
            snapshot
                .borrowed_records_of(department.code)
                .iter()
                .map(|record| record_cells(department, record))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A CSV file written to `out`: the header, then each row `rows` writes, a row at a time,
/// neutralising cells a spreadsheet would run as formulas.
pub fn csv_file<W: Write, H: AsRef<[u8]>>(
    out: W,
    header: impl IntoIterator<Item = H>,
    rows: impl FnOnce(&mut dyn FnMut(&[String]) -> csv::Result<()>) -> csv::Result<()>,
) -> anyhow::Result<W> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header)?;
    rows(&mut |row| write_row(&mut writer, row))?;
    Ok(writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?)
}

/// One row per department and requirement: the current state.
pub fn records_csv(snapshot: &Snapshot) -> anyhow::Result<String> {
    let rows = record_rows(snapshot);
    let body = csv_file(Vec::new(), RECORDS.names(), |write| {
        rows.iter().try_for_each(|row| write(row))
    })?;
    Ok(String::from_utf8(body)?)
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

/// One claim as a row of the claims export, in [`CLAIMS`]' columns.
pub fn claim_cells(c: &vigia::Claim) -> Vec<String> {
    let attribution = c.source.attribution.as_ref();
    let q = &c.quality;
    vec![
        c.id.to_string(),
        c.department.to_string(),
        c.requirement.to_string(),
        c.status.slug().to_owned(),
        text(c.status_since),
        text(c.due_date),
        text(c.valid_from),
        text(c.valid_until),
        text(c.approving_instrument.as_deref()),
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
        text(c.locator.as_deref()),
        text(c.quote.as_deref()),
        text(attribution.map(|a| a.es.clone())),
        text(attribution.map(|a| a.en.clone())),
        text(c.corrected_by),
        text(c.corrects),
        text(c.correction_reason.as_deref()),
    ]
}

/// `claims` as lines of the claims export, after its header line when `header`.
fn claims_csv_lines<'a>(
    claims: impl IntoIterator<Item = &'a vigia::Claim>,
    header: bool,
) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    if header {
        writer.write_record(CLAIMS.names())?;
    }
    for claim in claims {
        write_row(&mut writer, &claim_cells(claim))?;
    }
    Ok(writer.into_inner()?)
}

/// Every claim ever recorded, oldest first. Importable as it is: its columns are the
/// import's, and a corrected claim says which claim corrected it.
pub fn claims_csv_text(snapshot: &Snapshot) -> anyhow::Result<String> {
    Ok(String::from_utf8(claims_csv_lines(
        &snapshot.claims,
        true,
    )?)?)
}

pub(crate) fn csv_response(body: impl Into<Body>, filename: &str) -> Response {
    attachment(body, "text/csv; charset=utf-8", filename)
}

/// A file to download under `filename`.
pub(crate) fn attachment(body: impl Into<Body>, content_type: &str, filename: &str) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body.into(),
    )
        .into_response()
}

/// The current state of every department and requirement, as CSV.
#[utoipa::path(get, path = "/api/v1/export.csv", responses((status = 200, description = "CSV with a header row", content_type = "text/csv")))]
pub async fn export_csv(State(state): State<Reading>) -> Result<Response, ApiError> {
    let snapshot = state.store.snapshot().await?;
    let body = records_csv(&snapshot).map_err(ApiError::Internal)?;
    Ok(csv_response(body, "vigia-export.csv"))
}

/// Claims written into each part of the streamed export: enough to keep parts few, little
/// enough that no part grows with the record.
const CLAIMS_A_BATCH: usize = 500;

/// Every claim ever recorded, for researchers, as of the version current when asked: written
/// a batch at a time from the claims the server already holds (nothing is read again or built
/// whole, so memory stays flat however many claims there are, and a claim recorded meanwhile
/// waits for the next download instead of appearing half-way through this one).
#[utoipa::path(get, path = "/api/v1/claims.csv", responses((status = 200, description = "CSV with a header row", content_type = "text/csv")))]
pub async fn claims_csv(State(state): State<Reading>) -> Result<Response, ApiError> {
    let header = claims_csv_lines(&[], true).map_err(ApiError::Internal)?;
    let snapshot = state.store.snapshot().await?;
    let starts = (0..snapshot.claims.len()).step_by(CLAIMS_A_BATCH);
    let batches = stream::iter(starts)
        .map(move |start| {
            // A focus reads the shared claims in place (`skip` and `take` would copy the
            // chunks they cut).
            let end = (start + CLAIMS_A_BATCH).min(snapshot.claims.len());
            let batch = snapshot.claims.focus().narrow(start..end);
            claims_csv_lines(batch, false).map(Bytes::from)
        })
        .inspect_err(|error| tracing::error!(error = ?error, "the claims export stopped"));
    let body = stream::once(async { Ok(Bytes::from(header)) }).chain(batches);
    Ok(csv_response(Body::from_stream(body), "vigia-claims.csv"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use vigia::new_claim::ClaimDraft;
    use vigia::requirement::{Bilingual, Requirement};
    use vigia::{Claim, RequirementSlug, Source};

    fn requirements() -> Vec<Requirement> {
        vec![Requirement {
            slug: RequirementSlug::parse("action-plan").unwrap(),
            name: Bilingual::default(),
            legal_basis: Bilingual::default(),
            legal_basis_verified: false,
            legal_basis_sources: Vec::new(),
            has_quality_criteria: true,
            in_force_needs_date: true,
            status_labels: Vec::new(),
            position: 1,
        }]
    }

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    /// The claim a store would load back for an accepted draft.
    fn stored(claim: vigia::new_claim::NewClaim) -> Claim {
        Claim {
            id: 1,
            department: claim.department,
            requirement: claim.requirement,
            status: claim.status,
            basis: claim.basis,
            event_date: claim.event_date,
            status_since: claim.status_since,
            due_date: claim.due_date,
            valid_from: claim.valid_from,
            valid_until: claim.valid_until,
            approving_instrument: claim.approving_instrument.map(Into::into),
            evidence: claim.evidence,
            documents: Vec::new(),
            evidence_level: claim.evidence_level,
            quality: claim.quality,
            note_es: claim.note.clone(),
            note_en: claim.note,
            source: Source {
                id: 1,
                author: claim.source.author,
                outlet: claim.source.outlet,
                title: claim.source.title,
                url: claim
                    .source
                    .url
                    .unwrap_or_else(|| vigia::document::permalink(1)),
                published: claim.source.published,
                attribution: claim.source.attribution.map(Box::new),
            },
            locator: claim.locator.map(Into::into),
            quote: claim.quote.map(Into::into),
            recorded_at: chrono::Utc::now(),
            recorded_by: None,
            corrected_by: None,
            corrects: None,
            correction_reason: None,
            note_hidden: None,
        }
    }

    /// Running text a spreadsheet would choke on: separators, quotes, line breaks, formula
    /// starts.
    fn awkward() -> impl Strategy<Value = String> {
        "[=+@-]?[a-zA-Záñ,;\"' |\n\t=+-]{1,60}"
    }

    /// The same on one line, as names and titles are.
    fn awkward_line() -> impl Strategy<Value = String> {
        "[=+@-]?[a-zA-Záñ,;\"' |=+-]{1,60}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn an_exported_claim_imports_as_the_same_claim(
            note in awkward(),
            author in awkward_line(),
            title in awkward_line(),
            quote in awkward(),
            primary_label in "[a-zA-Z=+ ]{1,20}",
        ) {
            let draft = ClaimDraft {
                department: "BO-N".into(),
                requirement: "action-plan".into(),
                status: "in-force".into(),
                basis: "inferred".into(),
                event_date: "2024-03".into(),
                status_since: "2024-03-02".into(),
                valid_until: "2028".into(),
                evidence_level: "verified".into(),
                evidence_primary: format!("{primary_label} | https://example.org/r"),
                quality_financing: "no".into(),
                note,
                source_author: author,
                source_title: title,
                source_url: "https://example.org/s".into(),
                source_published: "2024-03-05".into(),
                source_quote: quote,
                source_attribution_es: "la fuente".into(),
                source_attribution_en: "the source".into(),
                ..ClaimDraft::default()
            };
            let Ok(accepted) = draft.validate(&requirements(), 0, today()) else {
                // Refused (e.g. a line break in a one-line field): nothing to round-trip.
                return Ok(());
            };
            let snapshot = Snapshot { claims: vec![stored(accepted.clone())].into(), ..Snapshot::default() };
            let csv_text = claims_csv_text(&snapshot).unwrap();
            let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
            let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
            let rows: Vec<Vec<String>> = reader
                .records()
                .map(|r| r.unwrap().iter().map(str::to_owned).collect())
                .collect();
            let drafts = vigia::import::drafts(&header, &rows).unwrap();
            let again = drafts[0].validate(&requirements(), 0, today()).unwrap();
            prop_assert_eq!(again, accepted);
        }
    }
}
