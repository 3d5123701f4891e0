//! Appending a claim: the only way the compliance history grows.

use chrono::Utc;
use sqlx::{Sqlite, SqlitePool, Transaction};
use std::collections::HashMap;

use vigia::new_claim::NewClaim;

use super::office::{audit, insert_documents, Audit, Owner};
use crate::documents::StoredDocument;

#[derive(Debug, thiserror::Error)]
pub enum AppendError {
    /// Someone recorded a newer claim on this record since the form was opened.
    #[error("the record changed since the form was opened")]
    Stale,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Appends `claim` if the record's latest claim is still `expected_latest` (0 for none), with
/// its source, evidence links, documents and an audit entry, all in one transaction.
pub async fn append_claim(
    pool: &SqlitePool,
    claim: &NewClaim,
    recorded_by: i64,
    expected_latest: i64,
    documents: &[StoredDocument],
) -> Result<i64, AppendError> {
    let mut tx = pool.begin().await?;
    let id = append_in(&mut tx, claim, recorded_by, expected_latest, documents).await?;
    tx.commit().await?;
    Ok(id)
}

/// Appends every claim of a bulk import, or none. `expected` holds each record's latest claim
/// id when the preview was made; a record changed since then refuses the whole import.
pub async fn append_claims(
    pool: &SqlitePool,
    claims: &[NewClaim],
    recorded_by: i64,
    expected: &HashMap<(String, String), i64>,
) -> Result<Vec<i64>, AppendError> {
    let mut tx = pool.begin().await?;
    let mut latest = expected.clone();
    let mut ids = Vec::with_capacity(claims.len());
    for claim in claims {
        let key = (claim.department.to_string(), claim.requirement.to_string());
        let expected_latest = latest.get(&key).copied().unwrap_or(0);
        let id = append_in(&mut tx, claim, recorded_by, expected_latest, &[]).await?;
        latest.insert(key, id);
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

async fn append_in(
    tx: &mut Transaction<'_, Sqlite>,
    claim: &NewClaim,
    recorded_by: i64,
    expected_latest: i64,
    documents: &[StoredDocument],
) -> Result<i64, AppendError> {
    let now = Utc::now().to_rfc3339();
    let (source_id,): (i64,) = sqlx::query_as(
        "INSERT INTO sources (author, publisher, title, url, date) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(&claim.source_author)
    .bind(&claim.source_publisher)
    .bind(&claim.source_title)
    .bind(&claim.source_url)
    .bind(claim.source_date.to_string())
    .fetch_one(&mut **tx)
    .await?;
    let q = &claim.quality;
    // The version check and the insert are one statement, so two officers saving at once
    // cannot both pass it.
    let inserted: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO claims (department, requirement, status, status_since, due_date, valid_from, valid_until, \
         approving_instrument, evidence_level, q_responsible, q_timetable, q_financing, q_indicators, q_published, \
         note_es, note_en, source_id, recorded_at, recorded_by) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18 \
         WHERE (SELECT COALESCE(MAX(id), 0) FROM claims WHERE department = $1 AND requirement = $2) = $19 \
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
    .bind(source_id)
    .bind(&now)
    .bind(recorded_by)
    .bind(expected_latest)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((claim_id,)) = inserted else {
        return Err(AppendError::Stale);
    };
    for link in &claim.evidence {
        sqlx::query("INSERT INTO claim_evidence (claim_id, label, url) VALUES ($1, $2, $3)")
            .bind(claim_id)
            .bind(&link.label)
            .bind(&link.url)
            .execute(&mut **tx)
            .await?;
    }
    insert_documents(tx, Owner::Claim(claim_id), documents, recorded_by, &now).await?;
    let entry = Audit {
        action: "claim-recorded",
        subject: format!("claim:{claim_id}"),
        reason: &claim.note,
        department: Some(claim.department.as_str()),
        requirement: Some(claim.requirement.as_str()),
    };
    audit(tx, Some(recorded_by), entry).await?;
    Ok(claim_id)
}
