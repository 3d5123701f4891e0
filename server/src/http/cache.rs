//! Caches rendered pages and API answers until the data or the date changes, and answers
//! `If-None-Match` with 304. The ETag hashes the uncompressed body, so it is the same whatever
//! encoding the client accepts.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use http::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_TYPE, COOKIE, ETAG, IF_NONE_MATCH, VARY,
};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use std::collections::HashMap;
use std::sync::Mutex;

use app::i18n::Lang;

use super::security;
use crate::state::AppState;
use vigia::ports::ComplianceReader;

/// Past this many entries the cache starts over, so odd query strings cannot exhaust memory.
const MAX_ENTRIES: usize = 512;
/// Bodies larger than this are passed through uncached.
const MAX_BODY: usize = 8 * 1024 * 1024;

#[derive(Clone)]
struct Entry {
    status: StatusCode,
    content_type: HeaderValue,
    etag: HeaderValue,
    /// The page's Content-Security-Policy (tied to its nonce) and framing rules.
    security: Vec<(HeaderName, HeaderValue)>,
    body: Bytes,
}

/// How many locks share out the cache misses (by path and language).
const FILL_LOCKS: usize = 16;

/// Entries valid for one data version on one day.
#[derive(Default)]
pub struct PageCache {
    inner: Mutex<Generation>,
    /// After a write every cached page goes stale at once; without these, each of the
    /// requests waiting on a popular page would render it again, all together.
    fills: [tokio::sync::Mutex<()>; FILL_LOCKS],
}

#[derive(Default)]
struct Generation {
    version: u64,
    today: Option<NaiveDate>,
    /// One map per language, keyed by path and query (looked up without allocating).
    entries: [HashMap<String, Entry>; 2],
    len: usize,
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Es => 0,
        Lang::En => 1,
    }
}

impl PageCache {
    fn get(&self, version: u64, today: NaiveDate, lang: Lang, path: &str) -> Option<Entry> {
        let mut generation = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if generation.version != version || generation.today != Some(today) {
            *generation = Generation {
                version,
                today: Some(today),
                ..Generation::default()
            };
            return None;
        }
        generation.entries[slot(lang)].get(path).cloned()
    }

    fn fill_lock(&self, lang: Lang, path: &str) -> &tokio::sync::Mutex<()> {
        let hash = xxhash_rust::xxh3::xxh3_64(path.as_bytes()) as usize + slot(lang);
        &self.fills[hash % FILL_LOCKS]
    }

    fn put(&self, version: u64, today: NaiveDate, lang: Lang, path: String, entry: Entry) {
        let mut generation = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if generation.version != version || generation.today != Some(today) {
            return;
        }
        if generation.len >= MAX_ENTRIES {
            generation.entries = Default::default();
            generation.len = 0;
        }
        generation.len += 1;
        generation.entries[slot(lang)].insert(path, entry);
    }
}

/// Only data-derived GET answers are cached; static files, health and metrics are not, nor
/// anything a signed-in person sees (their pages show who they are).
fn cacheable(request: &Request) -> bool {
    let path = request.uri().path();
    let signed_in = request.headers().get_all(COOKIE).iter().any(|v| {
        v.to_str()
            .is_ok_and(|c| c.contains(crate::http::SESSION_COOKIE))
    });
    request.method() == Method::GET
        && !signed_in
        && path != "/signin"
        && path != "/account/set-password"
        && !path.starts_with("/pkg/")
        && !path.starts_with("/lang/")
        && !path.starts_with("/documents/")
        && path != "/healthz"
        && path != "/metrics"
        && !path.ends_with(".svg")
}

pub fn request_lang(headers: &HeaderMap) -> Lang {
    let get = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    Lang::negotiate(get(COOKIE), get(ACCEPT_LANGUAGE))
}

pub async fn cached_with_etag(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if !cacheable(&request) {
        let path = request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default();
        return with_page_headers(&path, next.run(request).await).await;
    }
    let lang = request_lang(request.headers());
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or_default();
    let if_none_match = request.headers().get(IF_NONE_MATCH).cloned();
    let version = state.store.data_version();
    let today = state.clock.today();
    if let Some(entry) = state.cache.get(version, today, lang, path) {
        return respond(entry, if_none_match.as_ref());
    }
    // One request renders a missing page; the others wait for it and answer from the cache.
    let _filling = state.cache.fill_lock(lang, path).lock().await;
    if let Some(entry) = state.cache.get(version, today, lang, path) {
        return respond(entry, if_none_match.as_ref());
    }
    let path = path.to_owned();
    let response = next.run(request).await;
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        tracing::error!("response body too large or broken; not cached");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Some(content_type) = parts.headers.get(CONTENT_TYPE).cloned() else {
        return Response::from_parts(parts, Body::from(body));
    };
    let security = if is_html(&content_type) {
        security::page_headers(&path, &body)
    } else {
        Vec::new()
    };
    let entry = Entry {
        status: parts.status,
        content_type,
        etag: etag_of(&body),
        security,
        body,
    };
    // Errors are not cached: a failing database must not be remembered once it recovers.
    if parts.status == StatusCode::OK {
        state.cache.put(version, today, lang, path, entry.clone());
    }
    let mut response = respond(entry, if_none_match.as_ref());
    for (name, value) in parts.headers.iter() {
        if !response.headers().contains_key(name) {
            response.headers_mut().insert(name, value.clone());
        }
    }
    response
}

fn is_html(content_type: &HeaderValue) -> bool {
    content_type
        .to_str()
        .is_ok_and(|t| t.starts_with("text/html"))
}

/// Adds the page security headers to an answer that bypasses the cache (a signed-in page).
async fn with_page_headers(path: &str, response: Response) -> Response {
    if !response.headers().get(CONTENT_TYPE).is_some_and(is_html) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        tracing::error!("page body too large or broken");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    for (name, value) in security::page_headers(path, &body) {
        parts.headers.insert(name, value);
    }
    Response::from_parts(parts, Body::from(body))
}

fn etag_of(body: &[u8]) -> HeaderValue {
    let hash = xxhash_rust::xxh3::xxh3_128(body);
    HeaderValue::from_str(&format!("\"{hash:032x}\"")).expect("hex is a valid header value")
}

fn matches(if_none_match: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(candidates) = if_none_match.to_str() else {
        return false;
    };
    let etag = etag.to_str().unwrap_or_default();
    candidates
        .split(',')
        .map(str::trim)
        .any(|c| c == "*" || c.trim_start_matches("W/") == etag)
}

fn respond(entry: Entry, if_none_match: Option<&HeaderValue>) -> Response {
    let fresh = entry.status == StatusCode::OK
        && if_none_match.is_some_and(|inm| matches(inm, &entry.etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (entry.status, entry.body).into_response()
    };
    let headers = response.headers_mut();
    if !fresh {
        headers.insert(CONTENT_TYPE, entry.content_type);
    }
    for (name, value) in entry.security {
        headers.insert(name, value);
    }
    headers.insert(ETAG, entry.etag);
    headers.insert(
        VARY,
        HeaderValue::from_static("Cookie, Accept-Language, Accept-Encoding"),
    );
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=0, must-revalidate"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let etag = HeaderValue::from_static("\"abc\"");
        assert!(matches(&HeaderValue::from_static("\"abc\""), &etag));
        assert!(matches(
            &HeaderValue::from_static("\"x\", W/\"abc\""),
            &etag
        ));
        assert!(matches(&HeaderValue::from_static("*"), &etag));
        assert!(!matches(&HeaderValue::from_static("\"abd\""), &etag));
    }

    #[test]
    fn etag_depends_on_the_body_only() {
        assert_eq!(etag_of(b"hello"), etag_of(b"hello"));
        assert_ne!(etag_of(b"hello"), etag_of(b"hello!"));
    }
}
