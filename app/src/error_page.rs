//! The page every refusal and failure answers with, in the reader's language. It is written
//! without the router (the request never reached a page), so it has its own small frame.

use serde::{Deserialize, Serialize};

use crate::i18n::{t, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorKind {
    BadRequest,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    TooLarge,
    TooMany,
    Unavailable,
    /// Too much of one costly kind of work at once (password hashing): retry in a moment.
    Busy,
    Internal,
}

impl ErrorKind {
    pub fn status_code(self) -> u16 {
        match self {
            Self::BadRequest => 400,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::Conflict => 409,
            Self::TooLarge => 413,
            Self::TooMany => 429,
            Self::Unavailable | Self::Busy => 503,
            Self::Internal => 500,
        }
    }

    pub fn from_status(status: u16) -> Self {
        match status {
            403 | 401 => Self::Forbidden,
            404 => Self::NotFound,
            405 => Self::MethodNotAllowed,
            409 => Self::Conflict,
            413 => Self::TooLarge,
            429 => Self::TooMany,
            503 => Self::Unavailable,
            400..=499 => Self::BadRequest,
            _ => Self::Internal,
        }
    }

    /// The stable code of the API's JSON errors.
    pub fn slug(self) -> &'static str {
        match self {
            Self::BadRequest => "bad_request",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Conflict => "conflict",
            Self::TooLarge => "too_large",
            Self::TooMany => "too_many_requests",
            Self::Unavailable => "unavailable",
            Self::Busy => "busy",
            Self::Internal => "internal",
        }
    }

    /// The API's messages are in English, like its field names.
    pub fn english(self) -> &'static str {
        match self {
            Self::BadRequest => "the request is not valid",
            Self::Forbidden => "not allowed",
            Self::NotFound => "no such resource",
            Self::MethodNotAllowed => "this method is not allowed here; see the Allow header",
            Self::Conflict => "someone else changed this first",
            Self::TooLarge => "the request is too large",
            Self::TooMany => "too many requests; try again later",
            Self::Unavailable => "the data store is unavailable",
            Self::Busy => "the server is busy; try again after the seconds in Retry-After",
            Self::Internal => "internal error",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::BadRequest => "bad-request",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not-found",
            Self::MethodNotAllowed => "method-not-allowed",
            Self::Conflict => "conflict",
            Self::TooLarge => "too-large",
            Self::TooMany => "too-many",
            Self::Unavailable => "unavailable",
            Self::Busy => "busy",
            Self::Internal => "internal",
        }
    }
}

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The whole page, as HTML.
pub fn render(lang: Lang, kind: ErrorKind, stylesheet: &str) -> String {
    let key = kind.key();
    let home = ("/", t(lang, "not-found-home"));
    notice(
        lang,
        &t(lang, &format!("error-{key}-title")),
        &t(lang, &format!("error-{key}-body")),
        home,
        stylesheet,
    )
}

/// A page of a title, a sentence and one link, in the small frame error pages use: for
/// answers written without the router (a one-click unsubscribe, which must not redirect).
pub fn notice(
    lang: Lang,
    title: &str,
    body: &str,
    (href, link): (&str, String),
    stylesheet: &str,
) -> String {
    let title = escape(title);
    let body = escape(body);
    let tagline = escape(&t(lang, "site-tagline"));
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Vigía</title><link rel=\"stylesheet\" href=\"{stylesheet}\"></head><body>\
         <header class=\"site-header\"><a class=\"brand\" href=\"/\"><span class=\"brand-name\">Vigía</span>\
         <span class=\"brand-tagline\">{tagline}</span></a></header>\
         <main id=\"content\"><section class=\"error-page\"><h1>{title}</h1><p>{body}</p>\
         <p><a href=\"{href}\">{link}</a></p></section></main></body></html>",
        lang = lang.code(),
        stylesheet = escape(stylesheet),
        href = escape(href),
        link = escape(&link),
    )
}
