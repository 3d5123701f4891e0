//! The public's suggestions and officers' decisions on them.

use chrono::{DateTime, Utc};

use vigia::drafts::SuggestionText;
use vigia::office::Suggestion;
use vigia::{DepartmentCode, RequirementSlug};

use super::snapshot::{corrupt, instant};
use super::{stamp, DbError, Pool, Tx};

pub async fn insert(
    tx: &mut Tx<'_>,
    department: DepartmentCode,
    s: &SuggestionText,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO suggestions (department, requirement, body, source_url, organisation, contact, submitted_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(department.as_str())
    .bind(s.requirement.as_ref().map(|r| r.as_str()))
    .bind(&s.body)
    .bind(&s.source_url)
    .bind(&s.organisation)
    .bind(&s.contact)
    .bind(stamp(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

type SuggestionRow = (
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

fn suggestion_from(row: SuggestionRow) -> Result<Suggestion, DbError> {
    let (id, department, requirement, body, source_url, organisation, contact, at) = row;
    Ok(Suggestion {
        id,
        department: DepartmentCode::parse(&department).map_err(corrupt)?,
        requirement: requirement
            .map(|r| RequirementSlug::parse(&r).map_err(corrupt))
            .transpose()?,
        body,
        source_url,
        organisation,
        contact,
        submitted_at: instant(&at)?,
    })
}

const COLUMNS: &str =
    "s.id, s.department, s.requirement, s.body, s.source_url, s.organisation, s.contact, s.submitted_at";

pub async fn pending(pool: &Pool) -> Result<Vec<Suggestion>, DbError> {
    let rows: Vec<SuggestionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM suggestions s \
         WHERE NOT EXISTS (SELECT 1 FROM suggestion_decisions d WHERE d.suggestion_id = s.id) ORDER BY s.id"
    ))
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(suggestion_from).collect()
}

pub async fn pending_one(pool: &Pool, id: i64) -> Result<Option<Suggestion>, DbError> {
    let row: Option<SuggestionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM suggestions s WHERE s.id = $1 \
         AND NOT EXISTS (SELECT 1 FROM suggestion_decisions d WHERE d.suggestion_id = s.id)"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(suggestion_from).transpose()
}

pub async fn any(pool: &Pool, id: i64) -> Result<Option<Suggestion>, DbError> {
    let row: Option<SuggestionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM suggestions s WHERE s.id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(suggestion_from).transpose()
}

/// Records a decision; `false` when someone decided first.
pub async fn decide(
    tx: &mut Tx<'_>,
    id: i64,
    accepted: bool,
    reason: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO suggestion_decisions (suggestion_id, accepted, reason, decided_by, decided_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (suggestion_id) DO NOTHING",
    )
    .bind(id)
    .bind(accepted)
    .bind(reason)
    .bind(user_id)
    .bind(stamp(now))
    .execute(&mut **tx)
    .await?;
    Ok(inserted.rows_affected() == 1)
}
