//! Loading the public audit trail and the departments' replies into the snapshot.

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use sqlx::FromRow;

use super::Pool;
use std::collections::HashMap;

use vigia::history::HiddenText;
use vigia::reply::ReplyReview;
use vigia::{DepartmentCode, Document, GapReply, HistoryAction, HistoryEntry, RequirementSlug};

use super::snapshot::{corrupt, parse};
use super::DbError;

#[derive(FromRow)]
struct EntryRow {
    id: i64,
    at: String,
    actor: Option<String>,
    action: String,
    subject: String,
    department: Option<String>,
    requirement: Option<String>,
    reason: String,
    /// The text of the suggestion a decision is about, unless its submitter kept it private.
    suggestion: Option<String>,
}

/// The public audit trail's entries: account changes are public (who may edit is part of
/// accountability); password changes are not, so they are left out.
const PUBLIC_ENTRIES: &str =
    "SELECT a.id, a.at, u.display_name AS actor, a.action, a.subject, a.department, a.requirement, a.reason, \
     s.body AS suggestion \
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id \
     LEFT JOIN suggestions s ON a.action IN ('suggestion-accepted', 'suggestion-rejected') \
       AND a.subject = 'suggestion:' || s.id AND NOT s.private \
     WHERE a.action <> 'password-set'";

/// The public entries after `after`, oldest first (the whole trail after 0), each made as its
/// row arrives. Text an admin hid is left out with its hash and reason.
pub async fn history_after<C: Default + Extend<HistoryEntry>>(
    pool: &Pool,
    after: i64,
    hidden: &HashMap<String, HiddenText>,
) -> Result<C, DbError> {
    let query = format!("{PUBLIC_ENTRIES} AND a.id > $1 ORDER BY a.id");
    let mut rows = sqlx::query_as::<_, EntryRow>(&query)
        .bind(after)
        .fetch(pool);
    let mut entries = C::default();
    while let Some(row) = rows.try_next().await? {
        entries.extend([entry(row, hidden)?]);
    }
    Ok(entries)
}

/// One page of the public audit trail, newest first, of one department or of all: at most
/// `per_page` entries after the first `skip`, and whether more follow. Reads only those rows
/// (the primary key orders them), so a page costs the same however long the trail grows.
pub async fn history_page(
    pool: &Pool,
    hidden: &HashMap<String, HiddenText>,
    department: Option<DepartmentCode>,
    (skip, per_page): (i64, i64),
) -> Result<(Vec<HistoryEntry>, bool), DbError> {
    // One more than the page, to know whether another follows.
    let query = match department {
        Some(_) => {
            format!("{PUBLIC_ENTRIES} AND a.department = $1 ORDER BY a.id DESC LIMIT $2 OFFSET $3")
        }
        None => format!("{PUBLIC_ENTRIES} ORDER BY a.id DESC LIMIT $1 OFFSET $2"),
    };
    let mut query = sqlx::query_as::<_, EntryRow>(&query);
    if let Some(code) = department {
        query = query.bind(code.as_str());
    }
    let rows = query.bind(per_page + 1).bind(skip).fetch_all(pool).await?;
    let more = rows.len() as i64 > per_page;
    let entries = rows
        .into_iter()
        .take(per_page as usize)
        .map(|r| entry(r, hidden))
        .collect::<Result<_, _>>()?;
    Ok((entries, more))
}

/// An entry as the public sees it: text an admin hid is left out with its hash and reason.
fn entry(r: EntryRow, hidden: &HashMap<String, HiddenText>) -> Result<HistoryEntry, DbError> {
    let action: HistoryAction = parse(&r.action)?;
    let quotes_text = matches!(
        action,
        HistoryAction::ClaimRecorded | HistoryAction::ReplyPosted
    );
    let decides_suggestion = matches!(
        action,
        HistoryAction::SuggestionAccepted | HistoryAction::SuggestionRejected
    );
    let hidden = hidden
        .get(&r.subject)
        .filter(|_| quotes_text || decides_suggestion)
        .cloned()
        .map(Box::new);
    // A decision keeps its own reason when the suggestion's text is hidden.
    let hides_reason = hidden.is_some() && quotes_text;
    Ok(HistoryEntry {
        suggestion: r.suggestion.filter(|_| hidden.is_none()),
        id: r.id,
        at: instant(&r.at)?,
        actor: r.actor,
        action,
        reason: if hides_reason {
            String::new()
        } else {
            r.reason
        },
        hidden,
        subject: r.subject,
        department: r
            .department
            .map(|d| DepartmentCode::parse(&d).map_err(corrupt))
            .transpose()?,
        requirement: r
            .requirement
            .map(|r| RequirementSlug::parse(&r).map_err(corrupt))
            .transpose()?,
    })
}

#[derive(FromRow)]
struct ReplyRow {
    id: i64,
    department: String,
    requirement: String,
    gap_kind: String,
    body: String,
    evidence_url: Option<String>,
    replied_by: String,
    replied_at: String,
    review_note: Option<String>,
    reviewed_by: Option<String>,
    reviewed_at: Option<String>,
    review_outcome: Option<String>,
}

pub async fn load_replies(
    pool: &Pool,
    hidden: &HashMap<String, HiddenText>,
) -> Result<Vec<GapReply>, DbError> {
    let rows: Vec<ReplyRow> = sqlx::query_as(
        "SELECT r.id, r.department, r.requirement, r.gap_kind, r.body, r.evidence_url, \
         u.display_name AS replied_by, r.replied_at, v.note AS review_note, \
         rv.display_name AS reviewed_by, v.reviewed_at, v.outcome AS review_outcome \
         FROM gap_replies r JOIN users u ON u.id = r.replied_by \
         LEFT JOIN reply_reviews v ON v.reply_id = r.id LEFT JOIN users rv ON rv.id = v.reviewed_by \
         ORDER BY r.id",
    )
    .fetch_all(pool)
    .await?;
    let mut documents = load_documents(pool, "reply_id", 0).await?;
    rows.into_iter()
        .map(|r| {
            let review = match (r.review_note, r.reviewed_by, r.reviewed_at) {
                (Some(note), Some(reviewed_by), Some(at)) => Some(ReplyReview {
                    note,
                    reviewed_by,
                    reviewed_at: instant(&at)?,
                    // Reviews before outcomes were chosen have none.
                    outcome: r
                        .review_outcome
                        .as_deref()
                        .map(|raw| vigia::ReviewOutcome::parse(raw).ok_or(()))
                        .transpose()
                        .map_err(|()| corrupt("an unknown review outcome"))?,
                }),
                _ => None,
            };
            let hidden = hidden.get(&format!("reply:{}", r.id)).cloned();
            Ok(GapReply {
                id: r.id,
                department: DepartmentCode::parse(&r.department).map_err(corrupt)?,
                requirement: RequirementSlug::parse(&r.requirement).map_err(corrupt)?,
                gap_kind: parse(&r.gap_kind)?,
                body: if hidden.is_some() {
                    String::new()
                } else {
                    r.body
                },
                hidden,
                evidence_url: r.evidence_url,
                documents: documents.remove(&r.id).unwrap_or_default(),
                replied_by: r.replied_by,
                replied_at: instant(&r.replied_at)?,
                review,
            })
        })
        .collect()
}

/// Documents keyed by the claim or reply they belong to (`column` is `claim_id` or
/// `reply_id`, never user input), of owners with ids above `after` (0 for all).
pub async fn load_documents(
    pool: &Pool,
    column: &'static str,
    after: i64,
) -> Result<HashMap<i64, Vec<Document>>, DbError> {
    let rows: Vec<(i64, i64, String, String, i64, Option<String>)> = sqlx::query_as(&format!(
        "SELECT d.{column}, d.id, d.sha256, d.filename, d.size, w.reason FROM documents d \
         LEFT JOIN document_withholdings w ON w.document_id = d.id \
         WHERE d.{column} > $1 ORDER BY d.id"
    ))
    .bind(after)
    .fetch_all(pool)
    .await?;
    let mut by_owner: HashMap<i64, Vec<Document>> = HashMap::new();
    for (owner, id, sha256, filename, size, withheld_reason) in rows {
        by_owner.entry(owner).or_default().push(Document {
            id,
            sha256,
            filename,
            size: u64::try_from(size).map_err(corrupt)?,
            withheld_reason,
        });
    }
    Ok(by_owner)
}

pub(super) fn instant(text: &str) -> Result<DateTime<Utc>, DbError> {
    Ok(DateTime::parse_from_rfc3339(text)
        .map_err(corrupt)?
        .with_timezone(&Utc))
}
