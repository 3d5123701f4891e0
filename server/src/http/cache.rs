//! Caches rendered pages and API answers until the data or the date changes, and answers
//! `If-None-Match` with 304. The ETag hashes the uncompressed body, so it is the same whatever
//! encoding the client accepts. The cache keeps only the query parameters each route
//! understands (listed in [`route_parameters`]) and holds at most a byte budget, evicting the
//! least recently used answers; an answer too large to keep is served uncached.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use http::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_TYPE, COOKIE, ETAG, IF_NONE_MATCH, VARY,
};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use http_body_util::BodyExt;
use lru::LruCache;
use std::sync::Mutex;

use app::i18n::Lang;

use super::security;
use crate::state::AppState;
use vigia::ports::ComplianceReader;

#[derive(Clone)]
struct Entry {
    status: StatusCode,
    content_type: HeaderValue,
    etag: HeaderValue,
    /// The page's Content-Security-Policy (tied to its nonce) and framing rules.
    security: Vec<(HeaderName, HeaderValue)>,
    body: Bytes,
}

impl Entry {
    /// What the entry costs the budget: its bytes and a fixed allowance for the rest.
    fn cost(&self, key: &str) -> usize {
        self.body.len() + key.len() + 512
    }
}

/// How many locks share out the cache misses (by path and language).
const FILL_LOCKS: usize = 16;

/// The query parameters a cached route answers to. Any other parameter is ignored, so odd
/// query strings all share one entry; routes not listed are never cached.
pub fn route_parameters(path: &str) -> Option<&'static [&'static str]> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    Some(match segments.as_slice() {
        [""] => &["as_of"],
        ["departments", _] => &["as_of", "page"],
        ["gaps"] => &["department", "kind", "severity", "as_of"],
        ["embed", "map"] => &["department", "as_of"],
        ["methodology"] | ["history", _] => &[],
        ["api", "v1", "departments"] | ["api", "v1", "departments", _] => &["lang", "as_of"],
        ["api", "v1", "gaps"] => &["department", "kind", "severity", "lang", "as_of"],
        ["api", "v1", "history"] => &["page", "department", "lang", "as_of"],
        ["api", "v1", "events"] => &["department", "kind", "severity", "since", "before"],
        ["api", "v1", "export.csv"] | ["api", "v1", "claims.csv"] | ["api", "openapi.json"] => &[],
        _ => return None,
    })
}

/// The key an answer is kept under: the path and the parameters its route understands, in a
/// fixed order; `None` for routes that are not cached.
pub fn cache_key(path: &str, query: Option<&str>) -> Option<String> {
    let known = route_parameters(path)?;
    let mut key = path.to_owned();
    let pairs: Vec<(&str, &str)> = query
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .collect();
    let mut separator = '?';
    for name in known {
        if let Some((_, value)) = pairs.iter().rev().find(|(k, _)| k == name) {
            key.push(separator);
            key.push_str(name);
            key.push('=');
            key.push_str(value);
            separator = '&';
        }
    }
    Some(key)
}

/// Entries valid for one data version on one day, within a byte budget.
pub struct PageCache {
    inner: Mutex<Generation>,
    budget: usize,
    /// After a write every cached page goes stale at once; without these, each of the
    /// requests waiting on a popular page would render it again, all together.
    fills: [tokio::sync::Mutex<()>; FILL_LOCKS],
}

struct Generation {
    version: u64,
    today: Option<NaiveDate>,
    /// Keyed by language and key; the least recently used go first.
    entries: LruCache<(Lang, String), Entry>,
    bytes: usize,
}

impl Generation {
    fn empty(version: u64, today: Option<NaiveDate>) -> Self {
        Self {
            version,
            today,
            entries: LruCache::unbounded(),
            bytes: 0,
        }
    }
}

impl PageCache {
    pub fn new(budget: usize) -> Self {
        Self {
            inner: Mutex::new(Generation::empty(0, None)),
            budget,
            fills: Default::default(),
        }
    }

    fn get(&self, version: u64, today: NaiveDate, lang: Lang, key: &str) -> Option<Entry> {
        let mut generation = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if generation.version != version || generation.today != Some(today) {
            *generation = Generation::empty(version, Some(today));
            return None;
        }
        generation.entries.get(&(lang, key.to_owned())).cloned()
    }

    fn fill_lock(&self, lang: Lang, key: &str) -> &tokio::sync::Mutex<()> {
        let hash = xxhash_rust::xxh3::xxh3_64(key.as_bytes()) as usize + lang as usize;
        &self.fills[hash % FILL_LOCKS]
    }

    /// Keeps `entry` unless it alone would take more than a quarter of the budget.
    fn put(&self, version: u64, today: NaiveDate, lang: Lang, key: String, entry: Entry) -> bool {
        let cost = entry.cost(&key);
        if cost > self.budget / 4 {
            return false;
        }
        let mut generation = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if generation.version != version || generation.today != Some(today) {
            return false;
        }
        while generation.bytes + cost > self.budget {
            match generation.entries.pop_lru() {
                Some(((_, old_key), old)) => generation.bytes -= old.cost(&old_key),
                None => break,
            }
        }
        generation.bytes += cost;
        if let Some(old) = generation.entries.put((lang, key.clone()), entry) {
            generation.bytes -= old.cost(&key);
        }
        true
    }

    /// Bytes held now (for tests and metrics).
    pub fn bytes(&self) -> usize {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).bytes
    }
}

/// Only data-derived GET answers are cached, and nothing a signed-in person sees (their pages
/// show who they are).
fn cacheable(request: &Request) -> bool {
    let signed_in = request.headers().get_all(COOKIE).iter().any(|v| {
        v.to_str()
            .is_ok_and(|c| c.contains(crate::http::SESSION_COOKIE))
    });
    request.method() == Method::GET && !signed_in
}

pub fn request_lang(headers: &HeaderMap) -> Lang {
    let get = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    Lang::negotiate(get(COOKIE), get(ACCEPT_LANGUAGE))
}

/// The whole body of one of our own answers (already in memory as rendered).
async fn collect(body: Body) -> Option<Bytes> {
    match body.collect().await {
        Ok(collected) => Some(collected.to_bytes()),
        Err(error) => {
            tracing::error!(error = ?error, "an answer's body could not be read");
            None
        }
    }
}

pub async fn cached_with_etag(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let key = cache_key(request.uri().path(), request.uri().query());
    let (Some(key), true) = (key, cacheable(&request)) else {
        let path = request.uri().path().to_owned();
        return with_page_headers(&path, next.run(request).await).await;
    };
    let lang = request_lang(request.headers());
    let if_none_match = request.headers().get(IF_NONE_MATCH).cloned();
    let version = state.store.data_version();
    let today = state.clock.today();
    if let Some(entry) = state.cache.get(version, today, lang, &key) {
        return respond(entry, if_none_match.as_ref());
    }
    // One request renders a missing page; the others wait for it and answer from the cache.
    let _filling = state.cache.fill_lock(lang, &key).lock().await;
    if let Some(entry) = state.cache.get(version, today, lang, &key) {
        return respond(entry, if_none_match.as_ref());
    }
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let (parts, body) = response.into_parts();
    let Some(body) = collect(body).await else {
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
    if parts.status == StatusCode::OK && !state.cache.put(version, today, lang, key, entry.clone())
    {
        tracing::debug!(path, "answer served uncached");
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
    let Some(body) = collect(body).await else {
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

    #[test]
    fn keys_keep_only_the_parameters_a_route_understands() {
        assert_eq!(
            cache_key("/api/v1/claims.csv", Some("v=1")).unwrap(),
            "/api/v1/claims.csv"
        );
        assert_eq!(
            cache_key("/gaps", Some("severity=critical&x=1&department=BO-N")).unwrap(),
            "/gaps?department=BO-N&severity=critical"
        );
        assert_eq!(cache_key("/", None).unwrap(), "/");
        assert!(cache_key("/signin", None).is_none());
        assert!(cache_key("/documents/1", None).is_none());
        assert!(cache_key("/pkg/vigia.css", None).is_none());
    }

    fn entry(size: usize) -> Entry {
        Entry {
            status: StatusCode::OK,
            content_type: HeaderValue::from_static("text/plain"),
            etag: etag_of(b"x"),
            security: Vec::new(),
            body: Bytes::from(vec![b'x'; size]),
        }
    }

    #[test]
    fn the_budget_evicts_the_least_recently_used_and_refuses_the_oversized() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        // Each entry costs 1,514 bytes: four fit in 7,000, a fifth evicts one.
        let cache = PageCache::new(7_000);
        cache.get(1, today, Lang::Es, "/");
        for key in ["/a", "/b", "/c", "/d"] {
            assert!(cache.put(1, today, Lang::Es, key.into(), entry(1000)));
        }
        cache.get(1, today, Lang::Es, "/a");
        assert!(cache.put(1, today, Lang::Es, "/e".into(), entry(1000)));
        assert!(cache.bytes() <= 7_000);
        assert!(
            cache.get(1, today, Lang::Es, "/b").is_none(),
            "least recently used went"
        );
        assert!(cache.get(1, today, Lang::Es, "/a").is_some());
        assert!(
            !cache.put(1, today, Lang::Es, "/huge".into(), entry(3000)),
            "over a quarter"
        );
    }
}
