#![recursion_limit = "256"]
//! Vigía's user interface. Pages render on the server (islands mode); only the components in
//! `islands` hydrate in the browser.

pub mod alert_choices;
pub mod components;
pub mod context;
pub mod data_dictionary;
pub mod error_page;
pub mod explain;
pub mod feed_page;
pub mod flash;
pub mod format;
pub mod i18n;
pub mod islands;
pub mod map;
pub mod memo;
pub mod pages;
pub mod story;
pub mod urls;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use i18n::Lang;
use pages::{
    AdminAlertsPage, AdminDisablePage, AdminUsersPage, AlertsPage, ApplyAlertChangePage,
    ChangePasswordPage, ConfirmAlertPage, DashboardPage, DataPage, DepartmentPage, EmbedMapPage,
    FeedsPage, FollowSuggestionPage, ForgotPasswordPage, GapsPage, HistoryEntryPage, HomePage,
    ImportPage, ManageAlertPage, MethodologyPage, ModerationPage, NotFoundPage, RecordClaimPage,
    ReplyPage, ReplyReviewPage, SetPasswordPage, SignInPage, SuggestPage, UnsubscribeAlertPage,
    UnsubscribedPage,
};

/// The HTML document around every page, in the reader's language.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = request_lang();
    provide_context(lang);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b3d5c"/>
                {has_island(&request_path()).then(|| view! { <HydrationScripts options islands=true/> })}
                {head_links(lang)}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The routes whose pages hold an island (`islands/`): only these load the script and the
/// wasm; every other page is plain HTML and CSS.
pub fn has_island(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    matches!(
        segments.as_slice(),
        ["departments", _, _, "new"]
            | ["departments", _, _, "gaps", _, "reply"]
            | ["departments", _, "suggest"]
    )
}

/// The page's canonical address in its language and its address in each language.
fn head_links(lang: Lang) -> impl IntoView {
    let Some(site) = use_context::<context::SiteInfo>() else {
        return Vec::new();
    };
    let path = request_path();
    let known = (site.route_parameters)(&path).unwrap_or_default();
    let kept = urls::kept_query(&request_query(), known);
    urls::head_links(&site.public_url, &path, &kept, lang)
        .into_iter()
        .map(|link| view! { <link rel=link.rel hreflang=link.hreflang href=link.href/> })
        .collect()
}

fn request_query() -> String {
    context::request_info().query
}

fn request_path() -> String {
    context::request_info().path
}

/// The language of the request: `?lang=`, then the cookie, then Accept-Language.
fn request_lang() -> Lang {
    context::request_info().lang
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let stylesheet = use_context::<context::SiteInfo>()
        .map(|site| site.stylesheet)
        .unwrap_or_else(|| "/pkg/vigia.css".to_owned());
    view! {
        <Link rel="stylesheet" href=stylesheet/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/departments/:code") view=DepartmentPage ssr=SsrMode::Async/>
                <Route path=path!("/gaps") view=GapsPage ssr=SsrMode::Async/>
                <Route path=path!("/embed/map") view=EmbedMapPage ssr=SsrMode::Async/>
                <Route path=path!("/methodology") view=MethodologyPage ssr=SsrMode::Async/>
                <Route path=path!("/data") view=DataPage ssr=SsrMode::Async/>
                <Route path=path!("/history/:id") view=HistoryEntryPage ssr=SsrMode::Async/>
                <Route path=path!("/signin") view=SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/account/forgot") view=ForgotPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/departments/:code/:requirement/new") view=RecordClaimPage ssr=SsrMode::Async/>
                <Route path=path!("/account/set-password") view=SetPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/account/password") view=ChangePasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/departments/:code/suggest") view=SuggestPage ssr=SsrMode::Async/>
                <Route path=path!("/departments/:code/:requirement/gaps/:kind/reply") view=ReplyPage ssr=SsrMode::Async/>
                <Route path=path!("/replies/:id/review") view=ReplyReviewPage ssr=SsrMode::Async/>
                <Route path=path!("/dashboard") view=DashboardPage ssr=SsrMode::Async/>
                <Route path=path!("/moderation") view=ModerationPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/users") view=AdminUsersPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/import") view=ImportPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/alerts") view=AdminAlertsPage ssr=SsrMode::Async/>
                <Route path=path!("/alerts") view=AlertsPage ssr=SsrMode::Async/>
                <Route path=path!("/feeds") view=FeedsPage ssr=SsrMode::Async/>
                <Route path=path!("/alerts/confirm") view=ConfirmAlertPage ssr=SsrMode::Async/>
                <Route path=path!("/alerts/manage") view=ManageAlertPage ssr=SsrMode::Async/>
                <Route path=path!("/alerts/apply") view=ApplyAlertChangePage ssr=SsrMode::Async/>
                <Route path=path!("/alerts/unsubscribe") view=UnsubscribeAlertPage ssr=SsrMode::Async/>
                <Route path=path!("/alerts/unsubscribed") view=UnsubscribedPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/users/:id/disable") view=AdminDisablePage ssr=SsrMode::Async/>
                <Route path=path!("/suggestions/:token") view=FollowSuggestionPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
