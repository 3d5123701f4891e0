//! `/feeds/events.atom`: the last 100 alert events as Atom 1.0 (RFC 4287), newest first,
//! filtered by department, kind and severity, in Spanish or English.

use atom_syndication::{Category, Content, Entry, Feed, Link, Person, Text};
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{DateTime, FixedOffset, Utc};
use http::HeaderMap;
use serde::Deserialize;

use app::i18n::{t, tr};
use vigia::events::EventKind;
use vigia::gaps::Severity;
use vigia::ports::ComplianceReader;
use vigia::DepartmentCode;

use super::FeedError;
use super::{conditional, feed_lang, filter};
use crate::present::authority;
use crate::present::{ReaderLang, Reading};
use vigia_store::EventFilter;

/// Entries in the feed; older events are in `/api/v1/events`.
const ENTRIES: i64 = 100;

#[derive(Deserialize, Default)]
pub struct FeedQuery {
    department: Option<String>,
    kind: Option<String>,
    severity: Option<String>,
    lang: Option<String>,
}

fn fixed(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    at.fixed_offset()
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(mime.map(str::to_owned));
    link
}

/// The page that tells an event's story: its history entry, else its department.
fn event_page(base: &str, event: &vigia::events::Event) -> String {
    match event.history_entry {
        Some(entry) => format!("{base}/history/{entry}"),
        None => format!("{base}/departments/{}", event.draft.department),
    }
}

pub async fn events_atom(
    State(state): State<Reading>,
    Query(query): Query<FeedQuery>,
    ReaderLang(reader): ReaderLang,
    headers: HeaderMap,
) -> Result<Response, FeedError> {
    let lang = feed_lang(query.lang.as_deref(), reader)?;
    let filters = EventFilter {
        department: filter::<DepartmentCode>(query.department.as_deref())?,
        kind: filter::<EventKind>(query.kind.as_deref())?,
        severity: filter::<Severity>(query.severity.as_deref())?,
        ..EventFilter::default()
    };
    let snapshot = state.store.snapshot().await?;
    let list = state.store.events(&filters, ENTRIES).await?;
    let base = &state.public_url;
    let host = authority(base);
    let mut self_href = format!("{base}/feeds/events.atom?lang={}", lang.code());
    for (name, value) in [
        ("department", &query.department),
        ("kind", &query.kind),
        ("severity", &query.severity),
    ] {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            self_href.push_str(&format!("&{name}={}", app::format::query_value(value)));
        }
    }
    let title = match filters.department.and_then(|d| snapshot.department(d)) {
        Some(d) => tr(
            lang,
            "feed-title-department",
            &[("department", d.name.clone().into())],
        ),
        None => t(lang, "feed-title"),
    };
    let entries: Vec<Entry> = list
        .iter()
        .map(|event| {
            let draft = &event.draft;
            let page = event_page(base, event);
            let mut entry = Entry::default();
            entry.set_id(format!("tag:{host},2026:event/{}", event.id));
            entry.set_title(Text::plain(app::explain::event_title(
                lang, event, &snapshot,
            )));
            entry.set_updated(fixed(event.at));
            entry.set_published(Some(fixed(event.at)));
            entry.set_links(vec![link(page, "alternate", Some("text/html"))]);
            let mut content = Content::default();
            content.set_value(app::explain::event_message(lang, event, &snapshot));
            content.set_content_type("text".to_owned());
            entry.set_content(Some(content));
            let mut categories = vec![draft.kind.slug().to_owned(), draft.department.to_string()];
            categories.extend(draft.severity.map(|s| s.slug().to_owned()));
            entry.set_categories(
                categories
                    .into_iter()
                    .map(|term| {
                        let mut category = Category::default();
                        category.set_term(term);
                        category
                    })
                    .collect::<Vec<_>>(),
            );
            entry
        })
        .collect();
    let updated = list.first().map(|e| e.at);
    if super::wants_page(&headers) {
        let page = app::feed_page::FeedPage {
            title: title.clone(),
            feed_url: self_href.clone(),
            entries: list
                .iter()
                .map(|event| app::feed_page::FeedEntry {
                    title: app::explain::event_title(lang, event, &snapshot),
                    message: app::explain::event_message(lang, event, &snapshot),
                    when: app::format::date(lang, vigia::la_paz_date(event.at)),
                    href: event_page(base, event),
                })
                .collect(),
        };
        let html = app::feed_page::render(lang, &page, &state.stylesheet);
        return Ok(conditional(
            &headers,
            "text/html; charset=utf-8",
            html,
            updated,
        ));
    }
    let mut feed = Feed::default();
    feed.set_id(format!("tag:{host},2026:events"));
    feed.set_title(Text::plain(title));
    feed.set_subtitle(Some(Text::plain(t(lang, "feed-subtitle"))));
    feed.set_lang(Some(lang.code().to_owned()));
    // With no event yet, the feed is as old as Vigía's alerts.
    let epoch = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").expect("valid date");
    feed.set_updated(updated.map(fixed).unwrap_or(epoch));
    let mut author = Person::default();
    author.set_name("Vigía");
    feed.set_authors(vec![author]);
    feed.set_links(vec![
        link(self_href, "self", Some("application/atom+xml")),
        link(format!("{base}/"), "alternate", Some("text/html")),
    ]);
    feed.set_rights(Some(Text::plain("CC BY 4.0")));
    feed.set_entries(entries);
    Ok(conditional(
        &headers,
        "application/atom+xml; charset=utf-8",
        feed.to_string(),
        updated,
    ))
}
