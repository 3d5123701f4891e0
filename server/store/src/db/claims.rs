//! Appending a claim: the only way the compliance history grows.

use chrono::{DateTime, Utc};

use vigia::new_claim::{NewClaim, NewSource};
use vigia::HistoryAction;

use super::audit::{self, Audit};
use super::documents::{self, DocumentRecord, Owner};
use super::{stamp, DbError, Tx};

#[derive(Debug, thiserror::Error)]
pub enum AppendError {
    /// Someone recorded a newer claim on this record since the form was opened.
    #[error("the record changed since the form was opened")]
    Stale,
    /// The claim's source is its attached document, and none came with it.
    #[error("the source is the attached document, and none was attached")]
    NoDocument,
    #[error(transparent)]
    Database(#[from] DbError),
}

impl From<sqlx::Error> for AppendError {
    fn from(error: sqlx::Error) -> Self {
        AppendError::Database(error.into())
    }
}

/// Who appends a claim, and what they expect the record to hold.
pub struct Append<'a> {
    /// The account that records it; `None` for the cited seed data.
    pub recorded_by: Option<i64>,
    /// The record's latest claim id when the form was opened (0 for none); `None` skips the
    /// check (the seed).
    pub expected_latest: Option<i64>,
    /// The English note, when it differs from the one typed (the seed has both).
    pub note_en: Option<&'a str>,
    pub now: DateTime<Utc>,
}

pub async fn insert_source(tx: &mut Tx<'_>, source: &NewSource) -> Result<i64, DbError> {
    let (es, en) = match &source.attribution {
        Some(a) => (Some(a.es.as_str()), Some(a.en.as_str())),
        None => (None, None),
    };
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO sources (author, publisher, title, url, date, attribution_es, attribution_en) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(&source.author)
    .bind(&source.outlet)
    .bind(&source.title)
    // Filled in with the document's permalink once stored, in the same transaction.
    .bind(source.url.as_deref().unwrap_or_default())
    .bind(source.published.to_string())
    .bind(es)
    .bind(en)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// A claim appended, and the history entry that records it.
#[derive(Debug, Clone, Copy)]
pub struct Appended {
    pub claim: i64,
    pub entry: i64,
}

/// Appends one claim in `tx` with a new source row; see [`append_with_source`].
pub async fn append(
    tx: &mut Tx<'_>,
    claim: &NewClaim,
    append: &Append<'_>,
    documents: &[DocumentRecord],
) -> Result<Appended, AppendError> {
    let source_id = insert_source(tx, &claim.source).await?;
    append_with_source(tx, claim, source_id, append, documents).await
}

/// Appends one claim citing the stored source `source_id`, with its evidence, documents and
/// audit entry.
pub async fn append_with_source(
    tx: &mut Tx<'_>,
    claim: &NewClaim,
    source_id: i64,
    append: &Append<'_>,
    documents: &[DocumentRecord],
) -> Result<Appended, AppendError> {
    let now = stamp(append.now);
    let q = &claim.quality;
    // The version check and the insert are one statement, so two officers saving at once
    // cannot both pass it.
    let inserted: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO claims (department, requirement, status, status_since, due_date, valid_from, valid_until, \
         approving_instrument, evidence_level, q_responsible, q_timetable, q_financing, q_indicators, q_published, \
         note_es, note_en, source_id, recorded_at, recorded_by, basis, event_date, locator, quote) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23 \
         WHERE $24 < 0 OR (SELECT COALESCE(MAX(id), 0) FROM claims WHERE department = $1 AND requirement = $2) = $24 \
         RETURNING id",
    )
    .bind(claim.department.as_str())
    .bind(claim.requirement.as_str())
    .bind(claim.status.slug())
    .bind(claim.status_since.map(|d| d.to_string()))
    .bind(claim.due_date.map(|d| d.to_string()))
    .bind(claim.valid_from.map(|d| d.to_string()))
    .bind(claim.valid_until.map(|d| d.to_string()))
    .bind(&claim.approving_instrument)
    .bind(claim.evidence_level.slug())
    .bind(q.responsible_institutions.slug())
    .bind(q.timetable.slug())
    .bind(q.financing.slug())
    .bind(q.indicators.slug())
    .bind(q.published.slug())
    .bind(&claim.note)
    .bind(append.note_en.unwrap_or(&claim.note))
    .bind(source_id)
    .bind(&now)
    .bind(append.recorded_by)
    .bind(claim.basis.slug())
    .bind(claim.event_date.to_string())
    .bind(&claim.locator)
    .bind(&claim.quote)
    .bind(append.expected_latest.unwrap_or(-1))
    .fetch_optional(&mut **tx)
    .await?;
    let Some((claim_id,)) = inserted else {
        return Err(AppendError::Stale);
    };
    for link in &claim.evidence {
        sqlx::query(
            "INSERT INTO claim_evidence (claim_id, label, url, kind) VALUES ($1, $2, $3, $4)",
        )
        .bind(claim_id)
        .bind(&link.label)
        .bind(&link.url)
        .bind(link.kind.slug())
        .execute(&mut **tx)
        .await?;
    }
    let stored = match append.recorded_by {
        Some(user) => {
            documents::insert(tx, Owner::Claim(claim_id), documents, user, append.now).await?
        }
        None => Vec::new(),
    };
    if claim.source.url.is_none() {
        let document = stored.first().ok_or(AppendError::NoDocument)?;
        cite_document(tx, source_id, *document).await?;
    }
    let entry = Audit {
        action: HistoryAction::ClaimRecorded,
        subject: format!("claim:{claim_id}"),
        reason: &claim.note,
        department: Some(claim.department.as_str()),
        requirement: Some(claim.requirement.as_str()),
    };
    let entry = audit::append(tx, append.recorded_by, entry, append.now).await?;
    Ok(Appended {
        claim: claim_id,
        entry,
    })
}

/// Makes a source cite a stored document: the source is the document itself.
async fn cite_document(tx: &mut Tx<'_>, source_id: i64, document: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE sources SET url = $1 WHERE id = $2")
        .bind(vigia::document::permalink(document))
        .bind(source_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Marks `corrected` as superseded by `correcting`, with what was corrected and why when an
/// officer said it; the corrected claim stays in the history.
pub async fn record_correction(
    tx: &mut Tx<'_>,
    corrected: i64,
    correcting: i64,
    reason: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO claim_corrections (corrected_claim_id, correcting_claim_id, reason) VALUES ($1, $2, $3)",
    )
    .bind(corrected)
    .bind(correcting)
    .bind(reason)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The record a claim belongs to, and whether a later claim corrects it already.
pub async fn correctable(
    tx: &mut Tx<'_>,
    claim: i64,
) -> Result<Option<(String, String, bool)>, DbError> {
    let found: Option<(String, String, i64)> = sqlx::query_as(
        "SELECT department, requirement, \
         (SELECT COUNT(*) FROM claim_corrections k WHERE k.corrected_claim_id = claims.id) \
         FROM claims WHERE id = $1",
    )
    .bind(claim)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(found.map(|(d, r, n)| (d, r, n > 0)))
}

/// The id of the last claim appended to a record (0 for none): the version a form carries.
pub async fn latest_id(
    tx: &mut Tx<'_>,
    department: &str,
    requirement: &str,
) -> Result<i64, DbError> {
    let (id,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(id) FROM claims WHERE department = $1 AND requirement = $2")
            .bind(department)
            .bind(requirement)
            .fetch_one(&mut **tx)
            .await?;
    Ok(id.unwrap_or(0))
}

/// The department, requirement and Spanish note of a claim (for hiding its note).
pub async fn note_of(
    pool: &super::Pool,
    id: i64,
) -> Result<Option<(String, String, String)>, DbError> {
    sqlx::query_as("SELECT department, requirement, note_es FROM claims WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(DbError::from)
}
