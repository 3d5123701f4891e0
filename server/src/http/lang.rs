//! The reader's language: worked out once per request (`?lang=`, then the cookie, then
//! Accept-Language) and left in the request for the API and the feeds; and the language
//! switch, a plain link that sets a cookie and returns the reader where they were, so it works
//! without JavaScript.

use axum::extract::{Path, Query, Request};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use http::{HeaderMap, HeaderValue};
use serde::Deserialize;

use app::i18n::{Lang, LANG_COOKIE};

/// The reader's language: `?lang=` in `query`, then the cookie, then Accept-Language.
pub fn request_lang(query: Option<&str>, headers: &HeaderMap) -> Lang {
    let get = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    Lang::of_request(query, get(COOKIE), get(ACCEPT_LANGUAGE))
}

/// Leaves the reader's language in the request (`present::ReaderLang` reads it).
pub async fn provide(mut request: Request, next: Next) -> Response {
    let lang = request_lang(request.uri().query(), request.headers());
    request.extensions_mut().insert(lang);
    next.run(request).await
}

#[derive(Deserialize)]
pub struct SwitchQuery {
    next: Option<String>,
}

/// Only same-site paths: `/x` but never `//host` or `http://…`, so the switch cannot be used
/// to send people elsewhere.
fn safe_next(next: Option<String>) -> String {
    super::local_path(next.as_deref().unwrap_or("/"))
}

pub async fn switch(Path(code): Path<String>, Query(query): Query<SwitchQuery>) -> Response {
    let target = safe_next(query.next);
    let Some(lang) = Lang::parse(&code) else {
        return Redirect::to(&target).into_response();
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    ([(SET_COOKIE, cookie)], Redirect::to(&target)).into_response()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            safe_next(Some("/gaps?kind=missing".into())),
            "/gaps?kind=missing"
        );
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\\evil.example".into())), "/");
        assert_eq!(safe_next(None), "/");
    }
}
