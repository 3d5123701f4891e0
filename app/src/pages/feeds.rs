//! `/feeds`: following the changes without an account, in plain words: what the alert feed
//! (Atom) and the deadlines calendar hold, their addresses to copy (for everything or one
//! department), and how to add them to a feed reader, Thunderbird, Google Calendar or Outlook.

use leptos::prelude::*;

use crate::alert_choices::department_names;
use crate::components::{CopyableText, Layout, PageMeta, WithPublicView};
use crate::context::{PublicView, SiteInfo};
use crate::i18n::{t, use_lang, Lang};

/// The steps of one "how to add it" list, from the catalog (`{key}-1`, `{key}-2`, …).
fn steps(lang: Lang, key: &str, count: usize) -> impl IntoView {
    (1..=count)
        .map(|n| view! { <li>{t(lang, &format!("{key}-{n}"))}</li> })
        .collect_view()
}

#[component]
pub fn FeedsPage() -> impl IntoView {
    let lang = use_lang();
    let base = use_context::<SiteInfo>()
        .map(|s| s.public_url)
        .unwrap_or_default();
    let atom = format!("{base}/feeds/events.atom?lang={}", lang.code());
    let calendar = format!("{base}/feeds/deadlines.ics?lang={}", lang.code());
    let title = t(lang, "feeds-title");
    view! {
        <PageMeta title=title.clone() description=t(lang, "feeds-intro")/>
        <Layout>
            <h1>{title}</h1>
            <p class="lede">{t(lang, "feeds-intro")}</p>
            <section aria-labelledby="feeds-atom">
                <h2 id="feeds-atom">{t(lang, "feeds-atom-heading")}</h2>
                <p>{t(lang, "feeds-atom-body")}</p>
                <CopyableText id="feed-atom-url" text=atom/>
                <h3>{t(lang, "feeds-reader-heading")}</h3>
                <ol>{steps(lang, "feeds-reader-step", 3)}</ol>
                <h3>{t(lang, "feeds-thunderbird-heading")}</h3>
                <ol>{steps(lang, "feeds-thunderbird-step", 3)}</ol>
            </section>
            <section aria-labelledby="feeds-calendar">
                <h2 id="feeds-calendar">{t(lang, "feeds-calendar-heading")}</h2>
                <p>{t(lang, "feeds-calendar-body")}</p>
                <CopyableText id="feed-calendar-url" text=calendar/>
                <h3>{t(lang, "feeds-google-heading")}</h3>
                <ol>{steps(lang, "feeds-google-step", 3)}</ol>
                <h3>{t(lang, "feeds-outlook-heading")}</h3>
                <ol>{steps(lang, "feeds-outlook-step", 3)}</ol>
                <p class="hint">{t(lang, "feeds-calendar-refresh")}</p>
            </section>
            <WithPublicView render=move |view| view! { <PerDepartment view base=base.clone()/> }/>
            <p><a href="/alerts">{t(lang, "feeds-by-email")}</a></p>
        </Layout>
    }
}

/// Each department's own two addresses.
#[component]
fn PerDepartment(view: PublicView, base: String) -> impl IntoView {
    let lang = use_lang();
    let rows = department_names(&view.snapshot)
        .into_iter()
        .map(|(code, name)| {
            let query = format!("?department={code}&lang={}", lang.code());
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td><a href=format!("{base}/feeds/events.atom{query}")>{t(lang, "follow-atom")}</a></td>
                    <td><a href=format!("{base}/feeds/deadlines.ics{query}")>{t(lang, "follow-calendar")}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="feeds-departments">
            <h2 id="feeds-departments">{t(lang, "feeds-departments-heading")}</h2>
            <p>{t(lang, "feeds-departments-body")}</p>
            <table class="feeds-table"><tbody>{rows}</tbody></table>
        </section>
    }
}
