//! Feeds anyone can follow without signing up: the alert events as Atom, and the due dates
//! and ends of validity as an iCalendar. Both answer conditional requests themselves (the
//! page cache does not keep `Last-Modified`).

mod atom;
mod calendar;

pub use atom::events_atom;
pub use calendar::deadlines_ics;

use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use http::header::{
    CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, VARY,
};
use http::{HeaderMap, HeaderValue, StatusCode};

use app::i18n::Lang;

use vigia::ports::PortError;

/// Why a feed could not be answered. Only the status is set: the web layer's error pages give
/// it a body in the reader's language.
#[derive(Debug)]
pub enum FeedError {
    /// A parameter that does not parse.
    BadRequest,
    /// The store did not answer (it logged why).
    Unavailable,
}

impl IntoResponse for FeedError {
    fn into_response(self) -> Response {
        match self {
            FeedError::BadRequest => StatusCode::BAD_REQUEST,
            FeedError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
        .into_response()
    }
}

impl From<PortError> for FeedError {
    fn from(_: PortError) -> Self {
        FeedError::Unavailable
    }
}

/// The `lang` parameter, else the reader's.
pub fn feed_lang(raw: Option<&str>, reader: Lang) -> Result<Lang, FeedError> {
    match raw.filter(|l| !l.is_empty()) {
        Some(code) => Lang::parse(code).ok_or(FeedError::BadRequest),
        None => Ok(reader),
    }
}

/// A filter value that does not parse is refused, not ignored.
pub fn filter<T: std::str::FromStr>(raw: Option<&str>) -> Result<Option<T>, FeedError> {
    raw.filter(|v| !v.is_empty())
        .map(|v| v.parse().map_err(|_| FeedError::BadRequest))
        .transpose()
}

/// The body, or 304 when the reader has it already (by ETag first, else by date).
pub fn conditional(
    headers: &HeaderMap,
    content_type: &'static str,
    body: String,
    last_modified: Option<DateTime<Utc>>,
) -> Response {
    let hash = xxhash_rust::xxh3::xxh3_128(body.as_bytes());
    let etag = HeaderValue::from_str(&format!("\"{hash:032x}\"")).expect("hex");
    let modified = last_modified.map(|at| at.format("%a, %d %b %Y %H:%M:%S GMT").to_string());
    let fresh = match headers.get(IF_NONE_MATCH).and_then(|v| v.to_str().ok()) {
        Some(tags) => tags.split(',').any(|t| {
            t.trim().trim_start_matches("W/") == etag.to_str().unwrap_or_default()
                || t.trim() == "*"
        }),
        None => match (
            headers.get(IF_MODIFIED_SINCE).and_then(|v| v.to_str().ok()),
            last_modified,
        ) {
            (Some(since), Some(at)) => DateTime::parse_from_rfc2822(since)
                .is_ok_and(|since| at.timestamp() <= since.timestamp()),
            _ => false,
        },
    };
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(CONTENT_TYPE, content_type)], body).into_response()
    };
    let headers = response.headers_mut();
    headers.insert(ETAG, etag);
    if let Some(modified) = modified.and_then(|m| HeaderValue::from_str(&m).ok()) {
        headers.insert(LAST_MODIFIED, modified);
    }
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    headers.insert(
        VARY,
        HeaderValue::from_static("Cookie, Accept-Language, Accept-Encoding"),
    );
    response
}
