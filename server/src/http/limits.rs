//! How much a request may send, per kind of route. A body over the limit gets the localised
//! "too large" page: it is read to the end first (up to a cap), because a browser still
//! sending when the server hangs up shows a connection reset instead of the answer.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{CONNECTION, CONTENT_LENGTH};
use http::HeaderValue;
use http_body_util::BodyExt;
use std::time::Duration;

use super::error::PageError;
use vigia::document::MAX_DOCUMENT_BYTES;

/// Forms of text only: the longest note with every other field, and room to spare.
pub const TEXT_FORM: usize = 256 * 1024;
/// Forms with a file: one document and the form around it. A file a little over the
/// document limit still fits, so the form comes back with the message beside the file field.
pub const UPLOAD_FORM: usize = MAX_DOCUMENT_BYTES + 1024 * 1024;
/// How much of an oversized body is read (and thrown away) before answering, and for how long.
const DRAIN_CAP: u64 = 64 * 1024 * 1024;
const DRAIN_TIME: Duration = Duration::from_secs(30);

fn declared_length(request: &Request) -> Option<u64> {
    request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

/// Reads and discards the body, within the cap and the time allowed.
async fn drain(body: Body) {
    let mut body = body;
    let mut read: u64 = 0;
    let _ = tokio::time::timeout(DRAIN_TIME, async {
        while read < DRAIN_CAP {
            match body.frame().await {
                Some(Ok(frame)) => read += frame.data_ref().map_or(0, |d| d.len() as u64),
                _ => break,
            }
        }
    })
    .await;
}

/// The answer to a body over every limit.
pub fn too_large() -> Response {
    let mut response = PageError::TooLarge.into_response();
    response
        .headers_mut()
        .insert(CONNECTION, HeaderValue::from_static("close"));
    response
}

async fn enforce(limit: usize, request: Request, next: Next) -> Response {
    if declared_length(&request).is_some_and(|length| length > limit as u64) {
        drain(request.into_body()).await;
        return too_large();
    }
    // A body without a declared length is cut at the limit by the extractors
    // (`DefaultBodyLimit`), whose refusal handlers turn into the same page.
    next.run(request).await
}

pub async fn text_form(request: Request, next: Next) -> Response {
    enforce(TEXT_FORM, request, next).await
}

pub async fn upload_form(request: Request, next: Next) -> Response {
    enforce(UPLOAD_FORM, request, next).await
}
