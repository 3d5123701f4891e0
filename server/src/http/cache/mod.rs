//! Caches rendered pages and API answers until the data or the date changes, each with its
//! compressed forms made once, and answers `If-None-Match` with 304. One weak ETag, hashed
//! from the uncompressed body, stands for every coding. Public pages are stored without a
//! per-render nonce, so every reader of a language gets the same bytes and a shared cache
//! (nginx, a CDN) in front of Vigía can keep them.

mod keys;
mod store;

pub use keys::{cache_key, route_parameters};
pub use store::PageCache;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, COOKIE, ETAG,
    IF_NONE_MATCH, VARY,
};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use http_body_util::BodyExt;
use std::sync::Arc;
use std::time::Instant;

use app::i18n::Lang;

use super::encoding;
use super::metrics::CacheOutcome;
use super::security;
use crate::http::state::AppState;
use store::{Entry, Stored};
use vigia::ports::ComplianceReader;

const SERVER_TIMING: HeaderName = HeaderName::from_static("server-timing");
const HIT_TIMING: &str = "cache;desc=hit";
const STALE_TIMING: &str = "cache;desc=stale";

/// Marks an answer whose coding the cache chose, so the compression layer leaves it alone.
#[derive(Clone, Copy)]
pub struct CodedByCache;

/// Only data-derived GET answers are cached (a HEAD gets the GET's headers; the server sends
/// no body with them), and nothing a signed-in person sees (their pages show who they are).
fn cacheable(request: &Request) -> bool {
    let signed_in = request.headers().get_all(COOKIE).iter().any(|v| {
        v.to_str()
            .is_ok_and(|c| c.contains(crate::http::SESSION_COOKIE))
    });
    matches!(*request.method(), Method::GET | Method::HEAD) && !signed_in
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

/// What a request asks of a cached answer, read before the request moves on.
struct Wanted {
    lang: Lang,
    /// A `?lang=` address names its language, so its answer varies only by coding.
    lang_in_url: bool,
    if_none_match: Option<HeaderValue>,
    accept_encoding: Option<String>,
}

impl Wanted {
    fn of(request: &Request) -> Self {
        Self {
            lang: super::lang::request_lang(request.uri().query(), request.headers()),
            lang_in_url: Lang::in_query(request.uri().query()).is_some(),
            if_none_match: request.headers().get(IF_NONE_MATCH).cloned(),
            accept_encoding: request
                .headers()
                .get(ACCEPT_ENCODING)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
        }
    }
}

/// The cached answer to `request` and its route family, if it is one the cache keeps and holds
/// now: no session, no database, no rendering.
pub fn hit(state: &AppState, request: &Request) -> Option<(Response, &'static str)> {
    if !cacheable(request) {
        return None;
    }
    let key = cache_key(request.uri().path(), request.uri().query())?;
    let wanted = Wanted::of(request);
    let at = (state.store.data_version(), state.clock.today());
    let entry = state
        .cache
        .get(at, wanted.lang, &key, changed_since(state, at))?;
    let route = super::metrics::route_family(request.uri().path());
    state.metrics.count_cache(route, CacheOutcome::Hit);
    let response = respond(&entry, &wanted, HeaderValue::from_static(HIT_TIMING));
    Some((response, route))
}

/// What the writes after a cached version up to `version` changed, as the store knows it.
fn changed_since(
    state: &AppState,
    (version, today): (u64, chrono::NaiveDate),
) -> impl FnOnce(u64) -> Option<Vec<vigia_store::Touched>> + '_ {
    move |from| state.store.changed_between(from, version, today)
}

pub async fn cached_with_etag(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let key = cache_key(request.uri().path(), request.uri().query());
    let (Some(key), true) = (key, cacheable(&request)) else {
        let path = request.uri().path().to_owned();
        return with_page_headers(&path, next.run(request).await).await;
    };
    let route = super::metrics::route_family(request.uri().path());
    let wanted = Wanted::of(&request);
    let version = state.store.data_version();
    let today = state.clock.today();
    let lang = wanted.lang;
    // Hits were answered before the layers (`super::hits`). One request renders a missing
    // page; the others answer with the page it last rendered, stale by less than a render, as
    // a shared cache does with `stale-while-revalidate`, or, without one, wait for it.
    let filling = state.cache.fill_lock(lang, &key);
    let _filling = match filling.try_lock() {
        Ok(filling) => filling,
        Err(_) => match state.cache.recently_rendered(lang, &key) {
            Some(entry) => {
                state.metrics.count_cache(route, CacheOutcome::Stale);
                return respond(&entry, &wanted, HeaderValue::from_static(STALE_TIMING));
            }
            None => filling.lock().await,
        },
    };
    if let Some(entry) = state.cache.get(
        (version, today),
        lang,
        &key,
        changed_since(&state, (version, today)),
    ) {
        state.metrics.count_cache(route, CacheOutcome::Hit);
        return respond(&entry, &wanted, HeaderValue::from_static(HIT_TIMING));
    }
    state.metrics.count_cache(route, CacheOutcome::Miss);
    let path = request.uri().path().to_owned();
    // The cache makes the compressed forms itself, and keeps a GET's body even for a HEAD.
    request.headers_mut().remove(ACCEPT_ENCODING);
    *request.method_mut() = Method::GET;
    let started = Instant::now();
    let response = next.run(request).await;
    let (parts, body) = response.into_parts();
    let Some(body) = collect(body).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let rendered_ms = started.elapsed().as_secs_f64() * 1000.0;
    let Some(content_type) = parts.headers.get(CONTENT_TYPE).cloned() else {
        return Response::from_parts(parts, Body::from(body));
    };
    let (body, security) = if is_html(&content_type) {
        let public = Bytes::from(security::without_nonce(&body));
        let headers = security::page_headers(&path, &public);
        (public, headers)
    } else {
        (body, Vec::new())
    };
    let entry = Arc::new(Entry::new(parts.status, content_type, security, body));
    // Errors are not cached: a failing database must not be remembered once it recovers.
    if parts.status == StatusCode::OK {
        state.cache.rendered(lang, key.clone(), entry.clone());
        match state.cache.put(version, today, lang, key, entry.clone()) {
            Stored::Kept { evicted } => state.metrics.count_evictions(route, evicted),
            Stored::Refused => tracing::debug!(path, "answer served uncached"),
        }
    }
    let timing = format!("cache;desc=miss, render;dur={rendered_ms:.1}");
    let timing =
        HeaderValue::from_str(&timing).unwrap_or(HeaderValue::from_static("cache;desc=miss"));
    let mut response = respond(&entry, &wanted, timing);
    for (name, value) in parts.headers.iter() {
        // The length is the chosen coding's, set with its body.
        if name != CONTENT_LENGTH && !response.headers().contains_key(name) {
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

/// Adds the page security headers to an answer that bypasses the cache (a signed-in page, a
/// form), which no shared cache may keep.
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
    if !parts.headers.contains_key(CACHE_CONTROL) {
        parts
            .headers
            .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    Response::from_parts(parts, Body::from(body))
}

fn matches(if_none_match: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(candidates) = if_none_match.to_str() else {
        return false;
    };
    // Weak comparison (RFC 9110 §13.1.2): the opaque tags match, whatever their W/ prefixes.
    let etag = etag.to_str().unwrap_or_default().trim_start_matches("W/");
    candidates
        .split(',')
        .map(str::trim)
        .any(|c| c == "*" || c.trim_start_matches("W/") == etag)
}

fn respond(entry: &Entry, wanted: &Wanted, timing: HeaderValue) -> Response {
    let Some(coding) = encoding::negotiate(wanted.accept_encoding.as_deref(), entry.codings())
    else {
        return StatusCode::NOT_ACCEPTABLE.into_response();
    };
    let fresh = entry.status == StatusCode::OK
        && wanted
            .if_none_match
            .as_ref()
            .is_some_and(|inm| matches(inm, &entry.etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (entry.status, entry.body(coding)).into_response()
    };
    response.extensions_mut().insert(CodedByCache);
    let headers = response.headers_mut();
    // Room for every header a hit gets, here and in the outer layer, at once: the map
    // otherwise grows and rehashes twice on the way.
    headers.reserve(16);
    if !fresh {
        headers.insert(CONTENT_TYPE, entry.content_type.clone());
        if let Some(name) = coding.header() {
            headers.insert(CONTENT_ENCODING, HeaderValue::from_static(name));
        }
    }
    for (name, value) in &entry.security {
        headers.insert(name, value.clone());
    }
    headers.insert(ETAG, entry.etag.clone());
    headers.insert(
        VARY,
        HeaderValue::from_static(if wanted.lang_in_url {
            "Accept-Encoding"
        } else {
            "Cookie, Accept-Language, Accept-Encoding"
        }),
    );
    // A shared cache may keep a page a minute and serve it stale while it asks again;
    // browsers always ask (and mostly get a 304).
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=0, s-maxage=60, stale-while-revalidate=300"),
    );
    headers.insert(SERVER_TIMING, timing);
    response
}

/// Whether the compression layer may compress an answer: not one the cache already coded.
pub fn not_coded_by_cache(
    _: StatusCode,
    _: http::Version,
    _: &HeaderMap,
    extensions: &http::Extensions,
) -> bool {
    extensions.get::<CodedByCache>().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let etag = HeaderValue::from_static("W/\"abc\"");
        assert!(matches(&HeaderValue::from_static("\"abc\""), &etag));
        assert!(matches(&HeaderValue::from_static("W/\"abc\""), &etag));
        assert!(matches(
            &HeaderValue::from_static("\"x\", W/\"abc\""),
            &etag
        ));
        assert!(matches(&HeaderValue::from_static("*"), &etag));
        assert!(!matches(&HeaderValue::from_static("\"abd\""), &etag));
    }
}
