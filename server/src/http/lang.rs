//! The language switch: a plain link that sets a cookie and returns the reader where they
//! were, so it works without JavaScript.

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use http::header::SET_COOKIE;
use serde::Deserialize;

use app::i18n::{Lang, LANG_COOKIE};

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
