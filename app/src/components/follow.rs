//! Following the alerts without an account: the Atom feed and the calendar of deadlines,
//! announced to feed readers in the page head and offered as plain links.

use leptos::prelude::*;
use leptos_meta::Link;

use crate::i18n::{t, use_lang};
use vigia::DepartmentCode;

fn query(department: Option<DepartmentCode>, lang: crate::i18n::Lang) -> String {
    match department {
        Some(code) => format!("?department={code}&lang={}", lang.code()),
        None => format!("?lang={}", lang.code()),
    }
}

/// `<link rel="alternate">` to the page's feed, for readers that discover feeds.
#[component]
pub fn FeedLink(#[prop(optional)] department: Option<DepartmentCode>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Link rel="alternate" type_="application/atom+xml" title=t(lang, "follow-feed-label")
            href=format!("/feeds/events.atom{}", query(department, lang))/>
    }
}

/// The visible "follow" links.
#[component]
pub fn FollowLinks(#[prop(optional)] department: Option<DepartmentCode>) -> impl IntoView {
    let lang = use_lang();
    let q = query(department, lang);
    let calendar = match department {
        Some(code) => format!(
            "/feeds/deadlines.ics?department={code}&lang={}",
            lang.code()
        ),
        None => format!("/feeds/deadlines.ics?lang={}", lang.code()),
    };
    let alerts = match department {
        Some(code) => format!("/alerts?department={code}"),
        None => "/alerts".to_owned(),
    };
    view! {
        <section class="follow" aria-labelledby="follow-heading">
            <h2 id="follow-heading">{t(lang, "follow-heading")}</h2>
            <p>{t(lang, "follow-intro")}</p>
            <p class="follow-links">
                <a href=format!("/feeds/events.atom{q}") type="application/atom+xml">{t(lang, "follow-atom")}</a>
                " · "
                <a href=calendar type="text/calendar">{t(lang, "follow-calendar")}</a>
                " · "
                <a href=alerts>{t(lang, "follow-alerts")}</a>
                " · "
                <a href="/feeds">{t(lang, "follow-how")}</a>
            </p>
        </section>
    }
}
