//! Writes and private reads behind the staff's work: replies and their reviews, suggestions
//! and decisions on them, account changes. Each write appends its audit entry in the same
//! transaction.

use chrono::{DateTime, Utc};
use sqlx::{Sqlite, SqlitePool, Transaction};

use vigia::office::{Account, Suggestion};
use vigia::{DepartmentCode, RequirementSlug};

use super::snapshot::{corrupt, parse};
use super::{stamp, DbError};
use crate::documents::StoredDocument;

/// What an audit entry records besides who and when.
pub struct Audit<'a> {
    pub action: &'static str,
    pub subject: String,
    pub reason: &'a str,
    pub department: Option<&'a str>,
    pub requirement: Option<&'a str>,
}

pub async fn audit(
    tx: &mut Transaction<'_, Sqlite>,
    actor_id: Option<i64>,
    entry: Audit<'_>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, subject, reason, department, requirement) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(stamp(now))
    .bind(actor_id)
    .bind(entry.action)
    .bind(entry.subject)
    .bind(entry.reason)
    .bind(entry.department)
    .bind(entry.requirement)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What a document belongs to.
pub enum Owner {
    Claim(i64),
    Reply(i64),
}

pub async fn insert_documents(
    tx: &mut Transaction<'_, Sqlite>,
    owner: Owner,
    documents: &[StoredDocument],
    uploaded_by: i64,
    now: &str,
) -> Result<(), sqlx::Error> {
    let (claim_id, reply_id) = match owner {
        Owner::Claim(id) => (Some(id), None),
        Owner::Reply(id) => (None, Some(id)),
    };
    for document in documents {
        sqlx::query(
            "INSERT INTO documents (sha256, filename, size, claim_id, reply_id, uploaded_by, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&document.sha256)
        .bind(&document.filename)
        .bind(document.size as i64)
        .bind(claim_id)
        .bind(reply_id)
        .bind(uploaded_by)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub struct NewReply<'a> {
    pub department: DepartmentCode,
    pub requirement: &'a RequirementSlug,
    pub gap_kind: &'a str,
    pub body: &'a str,
    pub evidence_url: Option<&'a str>,
}

pub async fn append_reply(
    pool: &SqlitePool,
    reply: &NewReply<'_>,
    user_id: i64,
    documents: &[StoredDocument],
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let now = stamp(at);
    let mut tx = pool.begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO gap_replies (department, requirement, gap_kind, body, evidence_url, replied_by, replied_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(reply.department.as_str())
    .bind(reply.requirement.as_str())
    .bind(reply.gap_kind)
    .bind(reply.body)
    .bind(reply.evidence_url)
    .bind(user_id)
    .bind(&now)
    .fetch_one(&mut *tx)
    .await?;
    insert_documents(&mut tx, Owner::Reply(id), documents, user_id, &now).await?;
    let entry = Audit {
        action: "reply-posted",
        subject: format!("reply:{id}"),
        reason: reply.body,
        department: Some(reply.department.as_str()),
        requirement: Some(reply.requirement.as_str()),
    };
    audit(&mut tx, Some(user_id), entry, at).await?;
    tx.commit().await?;
    Ok(id)
}

/// The department and requirement of a reply, if it exists and nobody reviewed it yet.
pub async fn unreviewed_reply(
    pool: &SqlitePool,
    id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.department, r.requirement FROM gap_replies r \
         WHERE r.id = $1 AND NOT EXISTS (SELECT 1 FROM reply_reviews v WHERE v.reply_id = r.id)",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
}

pub async fn review_reply(
    pool: &SqlitePool,
    id: i64,
    note: &str,
    user_id: i64,
    (department, requirement): (&str, &str),
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO reply_reviews (reply_id, note, reviewed_by, reviewed_at) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(note)
        .bind(user_id)
        .bind(stamp(at))
        .execute(&mut *tx)
        .await?;
    let entry = Audit {
        action: "reply-reviewed",
        subject: format!("reply:{id}"),
        reason: note,
        department: Some(department),
        requirement: Some(requirement),
    };
    audit(&mut tx, Some(user_id), entry, at).await?;
    tx.commit().await
}

pub struct NewSuggestion<'a> {
    pub department: DepartmentCode,
    pub requirement: Option<&'a RequirementSlug>,
    pub body: &'a str,
    pub source_url: Option<&'a str>,
    pub organisation: Option<&'a str>,
    pub contact: Option<&'a str>,
}

pub async fn add_suggestion(
    pool: &SqlitePool,
    s: &NewSuggestion<'_>,
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO suggestions (department, requirement, body, source_url, organisation, contact, submitted_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(s.department.as_str())
    .bind(s.requirement.map(|r| r.as_str()))
    .bind(s.body)
    .bind(s.source_url)
    .bind(s.organisation)
    .bind(s.contact)
    .bind(stamp(at))
    .fetch_one(pool)
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
        submitted_at: chrono::DateTime::parse_from_rfc3339(&at)
            .map_err(corrupt)?
            .with_timezone(&Utc),
    })
}

const SUGGESTION_COLUMNS: &str =
    "s.id, s.department, s.requirement, s.body, s.source_url, s.organisation, s.contact, s.submitted_at";

pub async fn pending_suggestions(pool: &SqlitePool) -> Result<Vec<Suggestion>, DbError> {
    let rows: Vec<SuggestionRow> = sqlx::query_as(&format!(
        "SELECT {SUGGESTION_COLUMNS} FROM suggestions s \
         WHERE NOT EXISTS (SELECT 1 FROM suggestion_decisions d WHERE d.suggestion_id = s.id) ORDER BY s.id"
    ))
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(suggestion_from).collect()
}

pub async fn pending_suggestion(pool: &SqlitePool, id: i64) -> Result<Option<Suggestion>, DbError> {
    let row: Option<SuggestionRow> = sqlx::query_as(&format!(
        "SELECT {SUGGESTION_COLUMNS} FROM suggestions s WHERE s.id = $1 \
         AND NOT EXISTS (SELECT 1 FROM suggestion_decisions d WHERE d.suggestion_id = s.id)"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(suggestion_from).transpose()
}

pub async fn decide_suggestion(
    pool: &SqlitePool,
    suggestion: &Suggestion,
    accepted: bool,
    reason: &str,
    user_id: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO suggestion_decisions (suggestion_id, accepted, reason, decided_by, decided_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(suggestion.id)
    .bind(accepted)
    .bind(reason)
    .bind(user_id)
    .bind(stamp(at))
    .execute(&mut *tx)
    .await?;
    let entry = Audit {
        action: if accepted {
            "suggestion-accepted"
        } else {
            "suggestion-rejected"
        },
        subject: format!("suggestion:{}", suggestion.id),
        reason,
        department: Some(suggestion.department.as_str()),
        requirement: suggestion.requirement.as_ref().map(|r| r.as_str()),
    };
    audit(&mut tx, Some(user_id), entry, at).await?;
    tx.commit().await
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    disabled: bool,
    activated: bool,
    departments: Option<String>,
}

pub async fn accounts(pool: &SqlitePool) -> Result<Vec<Account>, DbError> {
    let rows: Vec<AccountRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, u.role, u.disabled, u.password_hash IS NOT NULL AS activated, \
         (SELECT group_concat(department, ' ') FROM user_departments d WHERE d.user_id = u.id) AS departments \
         FROM users u ORDER BY u.display_name",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let mut departments = r
                .departments
                .unwrap_or_default()
                .split_whitespace()
                .map(|d| DepartmentCode::parse(d).map_err(corrupt))
                .collect::<Result<Vec<_>, _>>()?;
            departments.sort_by_key(|d| DepartmentCode::ALL.iter().position(|c| c == d));
            Ok(Account {
                id: r.id,
                email: r.email,
                display_name: r.display_name,
                role: parse(&r.role)?,
                departments,
                disabled: r.disabled,
                activated: r.activated,
            })
        })
        .collect()
}

/// Disables or re-enables an account; a disabled account's sessions stop working at once
/// because every request reloads the user.
pub async fn set_disabled(
    pool: &SqlitePool,
    user_id: i64,
    disabled: bool,
    reason: &str,
    admin_id: i64,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let changed = sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2 AND disabled <> $1")
        .bind(disabled)
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        > 0;
    if changed {
        let entry = Audit {
            action: if disabled {
                "user-disabled"
            } else {
                "user-enabled"
            },
            subject: format!("user:{user_id}"),
            reason,
            department: None,
            requirement: None,
        };
        audit(&mut tx, Some(admin_id), entry, at).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

pub async fn set_scope(
    pool: &SqlitePool,
    user_id: i64,
    departments: &[DepartmentCode],
    admin_id: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM user_departments WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    for department in departments {
        sqlx::query("INSERT INTO user_departments (user_id, department) VALUES ($1, $2)")
            .bind(user_id)
            .bind(department.as_str())
            .execute(&mut *tx)
            .await?;
    }
    let scope: Vec<&str> = departments.iter().map(|d| d.as_str()).collect();
    let reason = scope.join(" ");
    let entry = Audit {
        action: "user-rescoped",
        subject: format!("user:{user_id}"),
        reason: &reason,
        department: None,
        requirement: None,
    };
    audit(&mut tx, Some(admin_id), entry, at).await?;
    tx.commit().await
}
