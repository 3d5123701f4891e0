//! Text an admin hid from the public, with the hash of what it said and why.

use chrono::{DateTime, Utc};
use std::collections::HashMap;

use vigia::history::HiddenText;

use super::{stamp, DbError, Pool, Tx};

/// Hides the text of `subject`; `false` when it was hidden already.
pub async fn hide(
    tx: &mut Tx<'_>,
    subject: &str,
    sha256: &str,
    reason: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO hidden_texts (subject, sha256, reason, hidden_by, hidden_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (subject) DO NOTHING",
    )
    .bind(subject)
    .bind(sha256)
    .bind(reason)
    .bind(user_id)
    .bind(stamp(now))
    .execute(&mut **tx)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// Every hidden text, by subject (`reply:12`).
pub async fn all(pool: &Pool) -> Result<HashMap<String, HiddenText>, DbError> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT subject, sha256, reason FROM hidden_texts")
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(subject, sha256, reason)| (subject, HiddenText { sha256, reason }))
        .collect())
}

/// What hid the text of `subject`, if an admin hid it.
pub async fn of(pool: &Pool, subject: &str) -> Result<Option<HiddenText>, DbError> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT sha256, reason FROM hidden_texts WHERE subject = $1")
            .bind(subject)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(sha256, reason)| HiddenText { sha256, reason }))
}
