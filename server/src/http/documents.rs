//! Serving a document as a download, and withholding one from the public.

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};
use tower::ServiceExt;
use tower_http::services::ServeFile;
use tower_sessions::Session;

use app::flash::FormFlash;
use app::i18n::tr;
use vigia::drafts;
use vigia::ports::ComplianceWriter;

use super::lang::request_lang;
use crate::auth::AuthSession;
use crate::http::error::PageError;
use crate::http::flash::{back_with, confirm};
use crate::http::form::{signed_in, Fields};
use crate::http::state::AppState;

/// `GET /documents/{id}`: the PDF as a download, never rendered inline on our origin. The
/// file is streamed from disk a chunk at a time (with `Range`, `HEAD` and `If-Modified-Since`),
/// so a slow reader holds a small buffer, not the whole file.
pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, PageError> {
    let row = state.store.document(id).await?.ok_or(PageError::NotFound)?;
    if let Some(reason) = row.withheld_reason {
        let lang = request_lang(None, request.headers());
        let message = tr(lang, "document-withheld-body", &[("reason", reason.into())]);
        return Ok((
            StatusCode::GONE,
            [(CONTENT_TYPE, "text/plain; charset=utf-8")],
            message,
        )
            .into_response());
    }
    let path = state.store.files().path_of(&row.sha256);
    let Ok(response) = ServeFile::new_with_mime(path, &mime::APPLICATION_PDF)
        .oneshot(request)
        .await;
    if response.status() == StatusCode::NOT_FOUND {
        tracing::error!(document = id, "document file missing");
        return Err(PageError::NotFound);
    }
    let disposition = format!(
        "attachment; filename=\"{}\"",
        row.filename
            .replace(|c: char| !c.is_ascii() || c.is_ascii_control(), "_")
    );
    let mut response = response.map(Body::new);
    let headers = response.headers_mut();
    if let Ok(disposition) = HeaderValue::from_str(&disposition) {
        headers.insert(CONTENT_DISPOSITION, disposition);
    }
    // Revalidated every time, so a withheld document stops being served at once.
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox"));
    Ok(response)
}

/// `POST /documents/{id}/withhold`: an admin removes the content from the public, with a
/// reason. The entry, its hash and the reason stay in the history.
pub async fn withhold(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let back = crate::http::local_path(fields.value("next"));
    let user = signed_in(&auth_session, &back)?;
    if !user.actor().may_withhold_documents() {
        return Err(PageError::Forbidden);
    }
    let reason = match drafts::reason("reason", fields.value("reason")) {
        Ok(reason) => reason,
        Err(errors) => {
            let errors = errors
                .into_iter()
                .map(|e| (format!("withhold-{id}"), e.problem))
                .collect();
            let refused = FormFlash::refused(&back, Vec::new(), errors);
            return Ok(back_with(&session, refused, &back).await);
        }
    };
    state.store.withhold_document(user.id, id, reason).await?;
    Ok(confirm(&session, &back, "done-document-withheld", &[]).await)
}
