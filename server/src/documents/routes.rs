//! Serving a document as a download, and withholding one from the public.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderMap, StatusCode};
use serde::Deserialize;

use crate::auth::AuthSession;
use crate::db::office::{audit, Audit};
use crate::http::cache::request_lang;
use crate::state::AppState;
use app::i18n::{t, tr};

#[derive(sqlx::FromRow)]
struct DocumentRow {
    sha256: String,
    filename: String,
    department: String,
    withheld_reason: Option<String>,
}

async fn find(state: &AppState, id: i64) -> Result<Option<DocumentRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT d.sha256, d.filename, COALESCE(c.department, r.department) AS department, \
         w.reason AS withheld_reason \
         FROM documents d LEFT JOIN claims c ON c.id = d.claim_id \
         LEFT JOIN gap_replies r ON r.id = d.reply_id \
         LEFT JOIN document_withholdings w ON w.document_id = d.id WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(state.store.pool())
    .await
}

/// `GET /documents/{id}`: the PDF as a download, never rendered inline on our origin.
pub async fn download(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    let lang = request_lang(&headers);
    let row = match find(&state, id).await {
        Ok(Some(row)) => row,
        Ok(None) => return (StatusCode::NOT_FOUND, t(lang, "document-not-found")).into_response(),
        Err(error) => {
            tracing::error!(error = ?error, "could not look up a document");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    if let Some(reason) = row.withheld_reason {
        let message = tr(lang, "document-withheld-body", &[("reason", reason.into())]);
        return (StatusCode::GONE, message).into_response();
    }
    let bytes = match tokio::fs::read(state.documents.path_of(&row.sha256)).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(error = ?error, document = id, "document file missing");
            return (StatusCode::NOT_FOUND, t(lang, "document-not-found")).into_response();
        }
    };
    let disposition = format!(
        "attachment; filename=\"{}\"",
        row.filename.replace(|c: char| !c.is_ascii(), "_")
    );
    (
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (CONTENT_DISPOSITION, disposition),
            (CONTENT_LENGTH, bytes.len().to_string()),
            // Revalidated every time, so a withheld document stops being served at once.
            (CACHE_CONTROL, "no-cache".to_owned()),
            (http::header::CONTENT_SECURITY_POLICY, "sandbox".to_owned()),
        ],
        Body::from(bytes),
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct WithholdForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    next: String,
}

/// `POST /documents/{id}/withhold`: an admin removes the content from the public, with a
/// reason. The entry, its hash and the reason stay in the history.
pub async fn withhold(
    State(state): State<AppState>,
    auth_session: AuthSession,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<WithholdForm>,
) -> Response {
    let lang = request_lang(&headers);
    let Some(user) = auth_session.user else {
        return Redirect::to("/signin").into_response();
    };
    if !user.actor().may_withhold_documents() {
        return (StatusCode::FORBIDDEN, t(lang, "not-allowed")).into_response();
    }
    let reason = form.reason.trim();
    if reason.is_empty() {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            t(lang, "withhold-reason-required"),
        )
            .into_response();
    }
    let row = match find(&state, id).await {
        Ok(Some(row)) => row,
        Ok(None) => return (StatusCode::NOT_FOUND, t(lang, "document-not-found")).into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    if row.withheld_reason.is_none() {
        if let Err(error) = record_withholding(&state, id, user.id, reason, &row.department).await {
            tracing::error!(error = ?error, "could not withhold a document");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        // The content goes once no public document shares the same bytes.
        let still_public: Result<(i64,), _> = sqlx::query_as(
            "SELECT COUNT(*) FROM documents d LEFT JOIN document_withholdings w ON w.document_id = d.id \
             WHERE d.sha256 = $1 AND w.document_id IS NULL",
        )
        .bind(&row.sha256)
        .fetch_one(state.store.pool())
        .await;
        if matches!(still_public, Ok((0,))) {
            if let Err(error) = state.documents.remove(&row.sha256).await {
                tracing::error!(error = ?error, "could not remove a withheld document's file");
            }
        }
        state.store.data_changed();
    }
    Redirect::to(crate::http::local_path(&form.next)).into_response()
}

async fn record_withholding(
    state: &AppState,
    id: i64,
    user_id: i64,
    reason: &str,
    department: &str,
) -> Result<(), sqlx::Error> {
    let now = crate::db::stamp(state.clock.now());
    let mut tx = state.store.pool().begin().await?;
    sqlx::query("INSERT INTO document_withholdings (document_id, reason, withheld_by, withheld_at) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(reason)
        .bind(user_id)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    let subject = format!("document:{id}");
    let entry = Audit {
        action: "document-withheld",
        subject,
        reason,
        department: Some(department),
        requirement: None,
    };
    audit(&mut tx, Some(user_id), entry, state.clock.now()).await?;
    tx.commit().await
}
