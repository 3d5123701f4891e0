//! Cross-site request forgery guard for every form post: the browser must say the request
//! comes from our own pages (`Sec-Fetch-Site`), or its `Origin`, scheme included, must be
//! ours. Plain HTML forms send both, so this needs no token and no JavaScript.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{HOST, ORIGIN};
use http::HeaderMap;

use super::error::PageError;
use crate::http::state::AppState;

/// The origins our pages are served from: the public address, and the address the request
/// itself names (with the scheme the deployment uses).
fn our_origins(headers: &HeaderMap, public_url: &str, https: bool) -> Vec<String> {
    let mut origins = Vec::new();
    if let Some((scheme, rest)) = public_url.split_once("://") {
        let host = rest.split('/').next().unwrap_or_default();
        origins.push(format!("{scheme}://{host}").to_ascii_lowercase());
    }
    if let Some(host) = headers.get(HOST).and_then(|v| v.to_str().ok()) {
        let scheme = if https { "https" } else { "http" };
        origins.push(format!("{scheme}://{host}").to_ascii_lowercase());
    }
    origins
}

/// Whether the headers prove the request comes from a page of this site.
pub fn same_origin(headers: &HeaderMap, public_url: &str, https: bool) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match headers.get(ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => {
            our_origins(headers, public_url, https).contains(&origin.to_ascii_lowercase())
        }
        None => false,
    }
}

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if same_origin(
        request.headers(),
        &state.public_url,
        state.settings.secure_cookies,
    ) {
        return next.run(request).await;
    }
    tracing::warn!(path = %request.uri().path(), "cross-site request refused");
    PageError::Forbidden.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (http::HeaderName::from_static(k), v.parse().unwrap()))
            .collect()
    }

    #[test]
    fn accepts_only_our_own_pages_scheme_included() {
        let public = "https://vigia.bo";
        assert!(same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            public,
            true
        ));
        assert!(!same_origin(
            &headers(&[
                ("sec-fetch-site", "cross-site"),
                ("origin", "https://vigia.bo"),
                ("host", "vigia.bo")
            ]),
            public,
            true
        ));
        assert!(same_origin(
            &headers(&[("origin", "https://vigia.bo"), ("host", "vigia.bo")]),
            public,
            true
        ));
        assert!(
            !same_origin(
                &headers(&[("origin", "http://vigia.bo"), ("host", "vigia.bo")]),
                public,
                true
            ),
            "the scheme counts"
        );
        assert!(!same_origin(
            &headers(&[("origin", "https://evil.example"), ("host", "vigia.bo")]),
            public,
            true
        ));
        assert!(
            !same_origin(&headers(&[("host", "vigia.bo")]), public, true),
            "no proof at all"
        );
        assert!(same_origin(
            &headers(&[
                ("origin", "http://127.0.0.1:3000"),
                ("host", "127.0.0.1:3000")
            ]),
            "http://127.0.0.1:3000",
            false
        ));
    }
}
