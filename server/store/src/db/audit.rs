//! The public audit trail: every write appends its entry here, in its own transaction.

use chrono::{DateTime, Utc};

use vigia::HistoryAction;

use super::{stamp, DbError, Tx};

/// What an audit entry records besides who and when.
pub struct Audit<'a> {
    pub action: HistoryAction,
    /// `kind:id`, e.g. `claim:12`.
    pub subject: String,
    pub reason: &'a str,
    pub department: Option<&'a str>,
    pub requirement: Option<&'a str>,
}

pub async fn append(
    tx: &mut Tx<'_>,
    actor_id: Option<i64>,
    entry: Audit<'_>,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO audit_log (at, actor_id, action, subject, reason, department, requirement) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(stamp(now))
    .bind(actor_id)
    .bind(entry.action.slug())
    .bind(entry.subject)
    .bind(entry.reason)
    .bind(entry.department)
    .bind(entry.requirement)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}
