//! One error shape for pages and forms. Handlers return `Result<_, PageError>` and use `?`;
//! every refusal becomes a page in the reader's language (filled in by [`error_pages`],
//! which knows the request), and internal causes are logged once, here.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};

use app::error_page::ErrorKind;
use vigia::ports::{PortError, WriteError};

use crate::http::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// Not signed in: sign in, then come back to `next`.
    #[error("sign-in required")]
    SignIn(String),
    /// A form or query that does not have the shape any of our pages sends.
    #[error("bad request")]
    BadRequest,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Someone else changed it first.
    #[error("conflict")]
    Conflict,
    #[error("request too large")]
    TooLarge,
    /// Too many requests from one client address.
    #[error("too many requests")]
    TooMany,
    #[error("unavailable")]
    Unavailable,
    /// Too many password hashes waiting: answered 503 with `Retry-After`.
    #[error("busy")]
    Busy,
    /// As many data files building or downloading as the server allows: 503 with `Retry-After`.
    #[error("data files busy")]
    FilesBusy,
    /// As many data files downloading to one address as it may have at once.
    #[error("too many downloads")]
    TooManyDownloads,
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl PageError {
    fn kind(&self) -> ErrorKind {
        match self {
            PageError::SignIn(_) | PageError::Forbidden => ErrorKind::Forbidden,
            PageError::BadRequest => ErrorKind::BadRequest,
            PageError::NotFound => ErrorKind::NotFound,
            PageError::Conflict => ErrorKind::Conflict,
            PageError::TooLarge => ErrorKind::TooLarge,
            PageError::TooMany => ErrorKind::TooMany,
            PageError::Unavailable => ErrorKind::Unavailable,
            PageError::Busy => ErrorKind::Busy,
            PageError::FilesBusy => ErrorKind::FilesBusy,
            PageError::TooManyDownloads => ErrorKind::TooManyDownloads,
            PageError::Internal(_) => ErrorKind::Internal,
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if let PageError::SignIn(next) = &self {
            let next = app::format::query_value(&super::local_path(next));
            return Redirect::to(&format!("/signin?next={next}")).into_response();
        }
        if let PageError::Internal(cause) = &self {
            tracing::error!(error = ?cause, "request failed");
        }
        let kind = self.kind();
        let mut response = kind.status().into_response();
        if let Some(seconds) = kind.retry_after() {
            response
                .headers_mut()
                .insert(http::header::RETRY_AFTER, HeaderValue::from_static(seconds));
        }
        response.extensions_mut().insert(kind);
        response
    }
}

impl From<PortError> for PageError {
    fn from(_: PortError) -> Self {
        // The port logged the cause.
        PageError::Unavailable
    }
}

impl From<WriteError> for PageError {
    fn from(error: WriteError) -> Self {
        match error {
            WriteError::NotFound => PageError::NotFound,
            WriteError::Conflict | WriteError::Stale | WriteError::EmailTaken => {
                PageError::Conflict
            }
            // The store logged the cause.
            WriteError::Unavailable => PageError::Unavailable,
        }
    }
}

trait StatusKind {
    fn status(self) -> StatusCode;
}

impl StatusKind for ErrorKind {
    fn status(self) -> StatusCode {
        StatusCode::from_u16(self.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// Gives every error answer a body: a page in the reader's language, or JSON under `/api/`.
/// Answers that already have one (a rendered 404 page, an API error) pass untouched.
pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let lang = super::lang::request_lang(request.uri().query(), request.headers());
    let api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let status = response.status();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    // Under /api/ every error is JSON, whoever produced it (an extractor's plain text too).
    let has_body = if api {
        content_type.starts_with("application/json")
    } else {
        !content_type.is_empty()
    };
    if !(status.is_client_error() || status.is_server_error()) || has_body {
        return response;
    }
    let kind = response
        .extensions()
        .get::<ErrorKind>()
        .copied()
        .unwrap_or_else(|| ErrorKind::from_status(status.as_u16()));
    let (content_type, body) = if api {
        let body = serde_json::json!({ "error": kind.slug(), "message": kind.english() });
        ("application/json", body.to_string())
    } else {
        let page = app::error_page::render(lang, kind, &state.stylesheet);
        ("text/html; charset=utf-8", page)
    };
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.remove(CONTENT_LENGTH);
    *response.body_mut() = Body::from(body);
    response
}
