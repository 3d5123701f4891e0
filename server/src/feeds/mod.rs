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
    ACCEPT, CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED,
    VARY,
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

/// Whether a request for a feed comes from a person's browser, which gets a page of the same
/// entries, rather than from a feed reader, which gets the feed. Browsers ask for `text/html`
/// first and name no feed type; feed readers name `application/atom+xml` or
/// `application/rss+xml` (Feedly, Miniflux, Python's feedparser, NetNewsWire), or send
/// `*/*` or nothing. A fetch from a script (`Sec-Fetch-Dest: empty`, as a reader built on a
/// browser engine sends) gets the feed whatever it accepts.
pub fn wants_page(headers: &HeaderMap) -> bool {
    let script = headers
        .get("sec-fetch-dest")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|dest| dest != "document");
    let Some(accept) = headers.get(ACCEPT).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mut html = 0.0_f32;
    let mut feed = 0.0_f32;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        match media.as_str() {
            "text/html" | "application/xhtml+xml" => html = html.max(quality),
            "application/atom+xml"
            | "application/rss+xml"
            | "application/rdf+xml"
            | "application/feed+json" => feed = feed.max(quality),
            _ => {}
        }
    }
    !script && html > 0.0 && html > feed
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
    // The Atom feed answers a browser with a page: the same address, two variants.
    headers.insert(
        VARY,
        HeaderValue::from_static("Accept, Cookie, Accept-Language, Accept-Encoding"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asking(accept: &str, dest: Option<&str>) -> bool {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_str(accept).unwrap());
        if let Some(dest) = dest {
            headers.insert("sec-fetch-dest", HeaderValue::from_str(dest).unwrap());
        }
        wants_page(&headers)
    }

    #[test]
    fn browsers_get_the_page_and_feed_readers_the_feed() {
        let chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,\
                        image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
        let firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert!(asking(chromium, Some("document")));
        assert!(asking(firefox, None));
        let feedparser = "application/atom+xml,application/rdf+xml,application/rss+xml,\
                          application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1";
        let miniflux = "application/rss+xml, application/rdf+xml;q=0.9, \
                        application/atom+xml;q=0.9, text/xml;q=0.8, text/html;q=0.7, */*;q=0.5";
        assert!(!asking(feedparser, None));
        assert!(!asking(miniflux, None));
        assert!(!asking("*/*", None));
        assert!(!wants_page(&HeaderMap::new()), "no Accept: the feed");
        assert!(
            !asking(firefox, Some("empty")),
            "a script's fetch gets the feed"
        );
        assert!(
            !asking("text/html;q=0.5, application/atom+xml", None),
            "a reader that prefers Atom"
        );
    }
}
