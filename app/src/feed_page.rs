//! The alert feed as a browser shows it: the same entries as the Atom document, on a page
//! of the site, with the feed's address to copy into a reader. Written without the router,
//! as the feed's own route answers it (a browser asks for `text/html` first).

use crate::error_page::escape;
use crate::i18n::{t, Lang};

/// One entry, as the feed has it.
pub struct FeedEntry {
    pub title: String,
    pub message: String,
    /// When it happened, as the reader reads dates.
    pub when: String,
    pub href: String,
}

pub struct FeedPage {
    pub title: String,
    /// The feed's own address, for a reader.
    pub feed_url: String,
    pub entries: Vec<FeedEntry>,
}

/// The whole page, as HTML.
pub fn render(lang: Lang, page: &FeedPage, stylesheet: &str) -> String {
    let tagline = escape(&t(lang, "site-tagline"));
    let entries: String = page
        .entries
        .iter()
        .map(|e| {
            format!(
                "<li class=\"feed-entry\"><h2><a href=\"{href}\">{title}</a></h2>\
                 <p class=\"meta\">{when}</p><p>{message}</p></li>",
                href = escape(&e.href),
                title = escape(&e.title),
                when = escape(&e.when),
                message = escape(&e.message),
            )
        })
        .collect();
    let empty = if page.entries.is_empty() {
        format!("<p>{}</p>", escape(&t(lang, "feed-page-empty")))
    } else {
        String::new()
    };
    format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Vigía</title><link rel=\"stylesheet\" href=\"{stylesheet}\">\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\
         <link rel=\"alternate\" type=\"application/atom+xml\" href=\"{feed}\"></head><body>\
         <header class=\"site-header\"><a class=\"brand\" href=\"/\"><span class=\"brand-name\">Vigía</span>\
         <span class=\"brand-tagline\">{tagline}</span></a></header>\
         <main id=\"content\"><h1>{title}</h1>\
         <p>{intro}</p><p><code class=\"copyable-text\">{feed}</code></p>\
         <p><a href=\"/feeds\">{how}</a></p>{empty}<ol class=\"feed-entries\">{entries}</ol></main></body></html>",
        code = lang.code(),
        title = escape(&page.title),
        stylesheet = escape(stylesheet),
        feed = escape(&page.feed_url),
        intro = escape(&t(lang, "feed-page-intro")),
        how = escape(&t(lang, "feed-page-how")),
    )
}
