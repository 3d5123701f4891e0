//! Departments' replies to gaps, and officers' reviews of them.

use chrono::{DateTime, Utc};

use vigia::drafts::ReplyText;
use vigia::{DepartmentCode, GapKind, RequirementSlug};

use super::{stamp, DbError, Pool, Tx};

pub async fn insert(
    tx: &mut Tx<'_>,
    (department, requirement, gap_kind): (DepartmentCode, &RequirementSlug, GapKind),
    reply: &ReplyText,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO gap_replies (department, requirement, gap_kind, body, evidence_url, replied_by, replied_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(department.as_str())
    .bind(requirement.as_str())
    .bind(gap_kind.slug())
    .bind(&reply.body)
    .bind(&reply.evidence_url)
    .bind(user_id)
    .bind(stamp(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// The department and requirement of a reply nobody has reviewed yet.
pub async fn unreviewed(pool: &Pool, id: i64) -> Result<Option<(String, String)>, DbError> {
    sqlx::query_as(
        "SELECT r.department, r.requirement FROM gap_replies r \
         WHERE r.id = $1 AND NOT EXISTS (SELECT 1 FROM reply_reviews v WHERE v.reply_id = r.id)",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(DbError::from)
}

/// Records a review; `false` when the reply was reviewed in the meantime.
pub async fn review(
    tx: &mut Tx<'_>,
    id: i64,
    outcome: vigia::ReviewOutcome,
    note: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO reply_reviews (reply_id, outcome, note, reviewed_by, reviewed_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (reply_id) DO NOTHING",
    )
    .bind(id)
    .bind(outcome.slug())
    .bind(note)
    .bind(user_id)
    .bind(stamp(now))
    .execute(&mut **tx)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// The department, requirement and body of a reply (for hiding it).
pub async fn text(pool: &Pool, id: i64) -> Result<Option<(String, String, String)>, DbError> {
    sqlx::query_as("SELECT department, requirement, body FROM gap_replies WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(DbError::from)
}
