//! A page named with `?lang=` keeps its language in every link to another page, so a
//! reader who follows a shared English link stays in English whatever their browser says.
//! Done once here, on the rendered HTML (before the cache keeps it), rather than in each of
//! the pages' links.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::StatusCode;
use http_body_util::BodyExt;

use app::i18n::Lang;

pub async fn keep_lang(request: Request, next: Next) -> Response {
    let Some(lang) = Lang::in_query(request.uri().query()) else {
        return next.run(request).await;
    };
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if !html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(collected) = body.collect().await else {
        tracing::error!("a page's body could not be read");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let bytes = collected.to_bytes();
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(rewrite(text, lang)))
}

/// Adds `lang=` to every `href` that leads to another page of the site or to an API answer
/// (whose labels follow it): not to files (a last segment with a dot), documents, feeds or
/// the language switch.
pub fn rewrite(html: &str, lang: Lang) -> String {
    const MARK: &str = "href=\"/";
    let mut out = String::with_capacity(html.len() + html.len() / 20);
    let mut rest = html;
    while let Some(at) = rest.find(MARK) {
        let start = at + MARK.len() - 1;
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let href = &rest[..end];
        if is_page(href) {
            out.push_str(&with_lang(href, lang));
        } else {
            out.push_str(href);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn is_page(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default().contains('.');
    let elsewhere = ["//", "/lang/", "/documents/", "/pkg/", "/feeds/"]
        .iter()
        .any(|prefix| path.starts_with(prefix));
    !file && !elsewhere && !href.contains("lang=")
}

/// The href (HTML-escaped, so `&amp;` separates parameters) with `lang=` before its fragment.
fn with_lang(href: &str, lang: Lang) -> String {
    let (rest, fragment) = match href.split_once('#') {
        Some((rest, fragment)) => (rest, format!("#{fragment}")),
        None => (href, String::new()),
    };
    let separator = if rest.contains('?') { "&amp;" } else { "?" };
    format!("{rest}{separator}lang={}{fragment}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_pages_keep_the_language_and_files_do_not() {
        let html = r#"<a href="/">m</a><a href="/departments/BO-L?page=2&amp;as_of=2020-01-01#history">d</a>
<link href="/pkg/vigia.css"><a href="/api/v1/export.csv">c</a><a href="/documents/3">p</a>
<a href="/lang/es?next=%2F">es</a><a href="https://x.example/">x</a><a href="/gaps#top">g</a>
<a href="/api/v1/departments">j</a>"#;
        let out = rewrite(html, Lang::En);
        assert!(out.contains(r#"href="/?lang=en""#), "{out}");
        assert!(out.contains(
            r#"href="/departments/BO-L?page=2&amp;as_of=2020-01-01&amp;lang=en#history""#
        ));
        assert!(out.contains(r#"href="/gaps?lang=en#top""#));
        assert!(out.contains(r#"href="/api/v1/departments?lang=en""#));
        for kept in [
            r#"href="/pkg/vigia.css""#,
            r#"href="/api/v1/export.csv""#,
            r#"href="/documents/3""#,
            r#"href="/lang/es?next=%2F""#,
            r#"href="https://x.example/""#,
        ] {
            assert!(out.contains(kept), "{kept}");
        }
    }
}
