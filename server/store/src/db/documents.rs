//! Documents attached to claims and replies, and their withholding.

use chrono::{DateTime, Utc};

use super::{stamp, DbError, Pool, Tx};

/// A PDF's record: its hash names the file on disk.
#[derive(Debug, Clone)]
pub struct DocumentRecord {
    pub sha256: String,
    pub filename: String,
    pub size: u64,
}

/// What a document belongs to.
pub enum Owner {
    Claim(i64),
    Reply(i64),
}

/// Records the documents of `owner`; their ids, in order.
pub async fn insert(
    tx: &mut Tx<'_>,
    owner: Owner,
    documents: &[DocumentRecord],
    uploaded_by: i64,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, DbError> {
    let (claim_id, reply_id) = match owner {
        Owner::Claim(id) => (Some(id), None),
        Owner::Reply(id) => (None, Some(id)),
    };
    let mut ids = Vec::with_capacity(documents.len());
    for document in documents {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO documents (sha256, filename, size, claim_id, reply_id, uploaded_by, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&document.sha256)
        .bind(&document.filename)
        .bind(document.size as i64)
        .bind(claim_id)
        .bind(reply_id)
        .bind(uploaded_by)
        .bind(stamp(now))
        .fetch_one(&mut **tx)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// Attaches to claim `to` the documents `ids` of claim `from` that are still public (a
/// correction carries its claim's evidence by reference: the file is stored once, by its
/// hash); how many were carried.
pub async fn carry(
    tx: &mut Tx<'_>,
    from: i64,
    ids: &[i64],
    to: i64,
    uploaded_by: i64,
    now: DateTime<Utc>,
) -> Result<usize, DbError> {
    let mut carried = 0;
    for id in ids {
        let done = sqlx::query(
            "INSERT INTO documents (sha256, filename, size, claim_id, reply_id, uploaded_by, uploaded_at) \
             SELECT d.sha256, d.filename, d.size, $1, NULL, $2, $3 FROM documents d \
             WHERE d.id = $4 AND d.claim_id = $5 \
             AND NOT EXISTS (SELECT 1 FROM document_withholdings w WHERE w.document_id = d.id)",
        )
        .bind(to)
        .bind(uploaded_by)
        .bind(stamp(now))
        .bind(*id)
        .bind(from)
        .execute(&mut **tx)
        .await?;
        carried += done.rows_affected() as usize;
    }
    Ok(carried)
}

/// A document as the download and the withholding need it.
#[derive(sqlx::FromRow)]
pub struct DocumentRow {
    pub sha256: String,
    pub filename: String,
    pub department: String,
    pub withheld_reason: Option<String>,
}

pub async fn find(pool: &Pool, id: i64) -> Result<Option<DocumentRow>, DbError> {
    sqlx::query_as(
        "SELECT d.sha256, d.filename, COALESCE(c.department, r.department) AS department, \
         w.reason AS withheld_reason \
         FROM documents d LEFT JOIN claims c ON c.id = d.claim_id \
         LEFT JOIN gap_replies r ON r.id = d.reply_id \
         LEFT JOIN document_withholdings w ON w.document_id = d.id WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(DbError::from)
}

/// Withholds a document; `false` when it was withheld already (someone else was faster).
pub async fn withhold(
    tx: &mut Tx<'_>,
    id: i64,
    reason: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO document_withholdings (document_id, reason, withheld_by, withheld_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (document_id) DO NOTHING",
    )
    .bind(id)
    .bind(reason)
    .bind(user_id)
    .bind(stamp(now))
    .execute(&mut **tx)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// How many documents with these bytes the public may still download.
pub async fn public_copies(tx: &mut Tx<'_>, sha256: &str) -> Result<i64, DbError> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM documents d LEFT JOIN document_withholdings w ON w.document_id = d.id \
         WHERE d.sha256 = $1 AND w.document_id IS NULL",
    )
    .bind(sha256)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count)
}

/// Whether any document row names these bytes (so the file must stay on disk).
pub async fn is_referenced(pool: &Pool, sha256: &str) -> Result<bool, DbError> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM documents WHERE sha256 = $1")
        .bind(sha256)
        .fetch_one(pool)
        .await?;
    Ok(count > 0)
}
