//! `/suggestions/{token}`: where a suggestion stands, for whoever holds the signed link its
//! submitter was given: queued (and whether an officer is working on it), accepted with a
//! link to the claim it became, or rejected with the reason.

use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

use crate::components::{HiddenNotice, Layout, PageMeta};
use crate::context::{keep_private, set_http_status, FollowPorts, Ports};
use crate::format;
use crate::i18n::{t, tr, use_lang};
use vigia::la_paz_date;
use vigia::office::{SuggestionProgress, SuggestionState};
use vigia::Snapshot;

#[component]
pub fn FollowSuggestionPage() -> impl IntoView {
    let lang = use_lang();
    let token = use_params_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let tracker = use_context::<FollowPorts>();
    let ports = use_context::<Ports>();
    let title = t(lang, "follow-title");
    keep_private();
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        // The link is a capability: search engines must not keep it.
        <Meta name="robots" content="noindex"/>
        <Layout>
            <h1>{title}</h1>
            <Suspense fallback=|| ()>
                {
                    let token = token.clone();
                    let tracker = tracker.clone();
                    let ports = ports.clone();
                    Suspend::new(async move {
                        let (Some(tracker), Some(ports)) = (tracker, ports) else {
                            set_http_status(503);
                            return view! { <p class="form-error">{t(lang, "error-unavailable-body")}</p> }.into_any();
                        };
                        let found = tracker.tracker.follow(&token).await;
                        let snapshot = ports.reader.snapshot().await;
                        match (found, snapshot) {
                            (Ok(Some(progress)), Ok(snapshot)) => view! { <Progress progress snapshot/> }.into_any(),
                            (Ok(None), _) => {
                                set_http_status(404);
                                view! { <p class="form-error" role="alert">{t(lang, "follow-unknown")}</p> }.into_any()
                            }
                            _ => {
                                set_http_status(503);
                                view! { <p class="form-error">{t(lang, "error-unavailable-body")}</p> }.into_any()
                            }
                        }
                    })
                }
            </Suspense>
        </Layout>
    }
}

#[component]
fn Progress(progress: SuggestionProgress, snapshot: std::sync::Arc<Snapshot>) -> impl IntoView {
    let lang = use_lang();
    let department = snapshot
        .department(progress.department)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| progress.department.to_string());
    let requirement = progress
        .requirement
        .as_ref()
        .and_then(|slug| snapshot.requirement(slug))
        .map(|r| r.name.get(lang.is_spanish()).to_owned());
    let sent = format::date(lang, la_paz_date(progress.submitted_at));
    let code = progress.department;
    let state = match progress.state.clone() {
        SuggestionState::Queued { in_hand: false } => view! {
            <p class="follow-state" role="status"><span class="badge state-queued">{t(lang, "follow-queued")}</span>" "{t(lang, "follow-queued-body")}</p>
        }
        .into_any(),
        SuggestionState::Queued { in_hand: true } => view! {
            <p class="follow-state" role="status"><span class="badge state-queued">{t(lang, "follow-queued")}</span>" "{t(lang, "follow-in-hand-body")}</p>
        }
        .into_any(),
        SuggestionState::Accepted { claim, at } => {
            let when = format::date(lang, la_paz_date(at));
            let link = claim.map(|id| view! {
                <p><a href=format!("/departments/{code}#claim-{id}")>{tr(lang, "follow-claim-link", &[("id", id.into())])}</a></p>
            });
            view! {
                <p class="follow-state" role="status"><span class="badge state-accepted">{t(lang, "follow-accepted")}</span>" "
                    {tr(lang, "follow-accepted-body", &[("date", when.into())])}</p>
                {link}
            }
            .into_any()
        }
        SuggestionState::Rejected { reason, at } => {
            let when = format::date(lang, la_paz_date(at));
            view! {
                <p class="follow-state" role="status"><span class="badge state-rejected">{t(lang, "follow-rejected")}</span>" "
                    {tr(lang, "follow-rejected-body", &[("date", when.into())])}</p>
                <p class="follow-reason">{tr(lang, "follow-reason", &[("reason", reason.into())])}</p>
            }
            .into_any()
        }
    };
    let text = match (progress.body.clone(), progress.hidden.clone()) {
        (_, Some(hidden)) => view! { <HiddenNotice hidden/> }.into_any(),
        (Some(body), None) => {
            view! { <blockquote class="suggestion-text">{body}</blockquote> }.into_any()
        }
        (None, None) => ().into_any(),
    };
    let publication = if progress.private {
        "follow-private"
    } else {
        "follow-public"
    };
    view! {
        <p>{tr(lang, "follow-about", &[("id", progress.id.into()), ("department", department.into()), ("date", sent.into())])}
            {requirement.map(|r| view! { " · "{r} })}</p>
        {state}
        <h2>{t(lang, "follow-your-text")}</h2>
        {text}
        <p class="hint">{t(lang, publication)}</p>
        <p><a href=format!("/departments/{code}")>{t(lang, "follow-department-link")}</a></p>
    }
}
