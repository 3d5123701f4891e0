//! The public's suggestions, who is handling them, and officers' decisions on them.

use chrono::{DateTime, Utc};

use vigia::drafts::SuggestionText;
use vigia::office::{Suggestion, SuggestionProgress, SuggestionState};
use vigia::{DepartmentCode, RequirementSlug};

use super::snapshot::{corrupt, instant};
use super::{stamp, DbError, Pool, Tx};

pub async fn insert(
    tx: &mut Tx<'_>,
    department: DepartmentCode,
    s: &SuggestionText,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO suggestions (department, requirement, body, source_url, organisation, contact, submitted_at, private) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(department.as_str())
    .bind(s.requirement.as_ref().map(|r| r.as_str()))
    .bind(&s.body)
    .bind(&s.source_url)
    .bind(&s.organisation)
    .bind(&s.contact)
    .bind(stamp(now))
    .bind(s.private)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct SuggestionRow {
    id: i64,
    department: String,
    requirement: Option<String>,
    body: String,
    source_url: Option<String>,
    organisation: Option<String>,
    contact: Option<String>,
    submitted_at: String,
    #[sqlx(try_from = "crate::db::Flag")]
    private: bool,
    handled_by: Option<String>,
}

fn suggestion_from(row: SuggestionRow) -> Result<Suggestion, DbError> {
    Ok(Suggestion {
        id: row.id,
        department: DepartmentCode::parse(&row.department).map_err(corrupt)?,
        requirement: row
            .requirement
            .map(|r| RequirementSlug::parse(&r).map_err(corrupt))
            .transpose()?,
        body: row.body,
        source_url: row.source_url,
        organisation: row.organisation,
        contact: row.contact,
        submitted_at: instant(&row.submitted_at)?,
        private: row.private,
        handled_by: row.handled_by,
    })
}

const SELECT: &str =
    "SELECT s.id, s.department, s.requirement, s.body, s.source_url, s.organisation, \
     s.contact, s.submitted_at, CAST(s.private AS INTEGER) AS private, u.display_name AS handled_by \
     FROM suggestions s LEFT JOIN suggestion_handling h ON h.suggestion_id = s.id \
     LEFT JOIN users u ON u.id = h.handled_by";

const PENDING: &str =
    "NOT EXISTS (SELECT 1 FROM suggestion_decisions d WHERE d.suggestion_id = s.id)";

pub async fn pending(pool: &Pool) -> Result<Vec<Suggestion>, DbError> {
    let rows: Vec<SuggestionRow> =
        sqlx::query_as(&format!("{SELECT} WHERE {PENDING} ORDER BY s.id"))
            .fetch_all(pool)
            .await?;
    rows.into_iter().map(suggestion_from).collect()
}

pub async fn pending_one(pool: &Pool, id: i64) -> Result<Option<Suggestion>, DbError> {
    let row: Option<SuggestionRow> =
        sqlx::query_as(&format!("{SELECT} WHERE s.id = $1 AND {PENDING}"))
            .bind(id)
            .fetch_optional(pool)
            .await?;
    row.map(suggestion_from).transpose()
}

pub async fn any(pool: &Pool, id: i64) -> Result<Option<Suggestion>, DbError> {
    let row: Option<SuggestionRow> = sqlx::query_as(&format!("{SELECT} WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.map(suggestion_from).transpose()
}

/// Marks a pending suggestion as handled by `user_id`; `false` when it was decided already.
pub async fn take_up(
    tx: &mut Tx<'_>,
    id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let marked = sqlx::query(&format!(
        "INSERT INTO suggestion_handling (suggestion_id, handled_by, since) \
         SELECT s.id, $2, $3 FROM suggestions s WHERE s.id = $1 AND {PENDING} \
         ON CONFLICT (suggestion_id) DO UPDATE SET handled_by = excluded.handled_by, since = excluded.since"
    ))
    .bind(id)
    .bind(user_id)
    .bind(stamp(now))
    .execute(&mut **tx)
    .await?;
    Ok(marked.rows_affected() == 1)
}

/// What a decision records.
pub struct Decision<'a> {
    pub accepted: bool,
    pub reason: &'a str,
    /// The claim an accepted suggestion became.
    pub claim: Option<i64>,
    pub by: i64,
    pub now: DateTime<Utc>,
}

/// Records a decision; `false` when someone decided first.
pub async fn decide(tx: &mut Tx<'_>, id: i64, decision: Decision<'_>) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO suggestion_decisions (suggestion_id, accepted, reason, decided_by, decided_at, claim_id) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (suggestion_id) DO NOTHING",
    )
    .bind(id)
    .bind(decision.accepted)
    .bind(decision.reason)
    .bind(decision.by)
    .bind(stamp(decision.now))
    .bind(decision.claim)
    .execute(&mut **tx)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    #[sqlx(try_from = "crate::db::Flag")]
    accepted: bool,
    reason: String,
    decided_at: String,
    claim_id: Option<i64>,
}

/// Where suggestion `id` stands (its text as stored: the caller hides what was hidden).
pub async fn progress(pool: &Pool, id: i64) -> Result<Option<SuggestionProgress>, DbError> {
    let Some(suggestion) = any(pool, id).await? else {
        return Ok(None);
    };
    let decision: Option<DecisionRow> = sqlx::query_as(
        "SELECT CAST(accepted AS INTEGER) AS accepted, reason, decided_at, claim_id \
         FROM suggestion_decisions WHERE suggestion_id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let state = match decision {
        Some(d) if d.accepted => SuggestionState::Accepted {
            claim: d.claim_id,
            at: instant(&d.decided_at)?,
        },
        Some(d) => SuggestionState::Rejected {
            reason: d.reason,
            at: instant(&d.decided_at)?,
        },
        None => SuggestionState::Queued {
            in_hand: suggestion.handled_by.is_some(),
        },
    };
    Ok(Some(SuggestionProgress {
        id: suggestion.id,
        department: suggestion.department,
        requirement: suggestion.requirement,
        body: Some(suggestion.body),
        hidden: None,
        private: suggestion.private,
        submitted_at: suggestion.submitted_at,
        state,
    }))
}
