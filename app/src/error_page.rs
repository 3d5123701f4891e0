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
    /// As many open data files building or downloading as the server allows.
    FilesBusy,
    /// As many data files downloading to one address as it may have at once.
    TooManyDownloads,
    Internal,
}

impl ErrorKind {
    pub const ALL: [ErrorKind; 12] = [
        Self::BadRequest,
        Self::Forbidden,
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::Conflict,
        Self::TooLarge,
        Self::TooMany,
        Self::Unavailable,
        Self::Busy,
        Self::FilesBusy,
        Self::TooManyDownloads,
        Self::Internal,
    ];

    pub fn status_code(self) -> u16 {
        match self {
            Self::BadRequest => 400,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::Conflict => 409,
            Self::TooLarge => 413,
            Self::TooMany | Self::TooManyDownloads => 429,
            Self::Unavailable | Self::Busy | Self::FilesBusy => 503,
            Self::Internal => 500,
        }
    }

    /// Seconds a busy answer asks the client to wait (`Retry-After`): a few hashes' time, or a
    /// file's build. Only answers that will pass by themselves have one.
    pub fn retry_after(self) -> Option<&'static str> {
        match self {
            Self::Busy | Self::FilesBusy => Some("5"),
            _ => None,
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
            Self::TooMany | Self::TooManyDownloads => "too_many_requests",
            Self::Unavailable => "unavailable",
            Self::Busy | Self::FilesBusy => "busy",
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
            Self::FilesBusy => {
                "other data files are being built or downloaded; try again after the seconds in \
                 Retry-After"
            }
            Self::TooManyDownloads => {
                "this address is downloading as many data files as it may at once; wait for one \
                 to finish"
            }
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
            Self::FilesBusy => "files-busy",
            Self::TooManyDownloads => "too-many-downloads",
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// A kind without its words in a catalog would show the reader a lookup failure.
    #[test]
    fn every_kind_has_its_own_title_and_sentence_in_both_languages() {
        for lang in [Lang::Es, Lang::En] {
            let mut seen = std::collections::HashSet::new();
            for kind in ErrorKind::ALL {
                for part in ["title", "body"] {
                    let key = format!("error-{}-{part}", kind.key());
                    let text = t(lang, &key);
                    assert!(
                        !text.is_empty() && !text.contains(&key),
                        "{lang:?} {key}: {text}"
                    );
                    assert!(
                        seen.insert(text),
                        "{lang:?} {key} says what another kind says"
                    );
                }
            }
        }
    }
}
