//! `/moderation`: the public's suggestions waiting for an officer, oldest first, each with
//! accept and reject. Only suggestions for departments in the officer's scope are listed.

use leptos::prelude::*;

use crate::components::{HideForm, Layout, PageMeta, Refused};
use crate::context::{current_viewer, form_flash, OfficePorts, Ports, Viewer};
use crate::format;
use crate::i18n::{t, tr, use_lang};
use std::sync::Arc;
use vigia::la_paz_date;
use vigia::office::Suggestion;
use vigia::Snapshot;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "moderation-title");
    let viewer = current_viewer().filter(|v| v.role != vigia::access::Role::Department);
    let Some(viewer) = viewer else {
        return view! { <Refused title message="staff-only" next="/moderation".to_owned()/> }
            .into_any();
    };
    let office = use_context::<OfficePorts>();
    let ports = use_context::<Ports>();
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <p>{t(lang, "moderation-intro")}</p>
            <Suspense fallback=|| ()>
                {
                    let office = office.clone();
                    let ports = ports.clone();
                    let viewer = viewer.clone();
                    Suspend::new(async move {
                        let loaded = match (office, ports) {
                            (Some(office), Some(ports)) => office
                                .reader
                                .pending_suggestions()
                                .await
                                .ok()
                                .zip(ports.reader.snapshot().await.ok()),
                            _ => None,
                        };
                        match loaded {
                            Some((list, snapshot)) => view! { <Queue list viewer snapshot/> }.into_any(),
                            None => view! { <p class="form-error">{t(lang, "error-unavailable-body")}</p> }.into_any(),
                        }
                    })
                }
            </Suspense>
        </Layout>
    }
    .into_any()
}

#[component]
fn Queue(list: Vec<Suggestion>, viewer: Viewer, snapshot: Arc<Snapshot>) -> impl IntoView {
    let lang = use_lang();
    let flash = form_flash().unwrap_or_default();
    let mine: Vec<Suggestion> = list
        .into_iter()
        .filter(|s| viewer.actor.may_moderate(s.department))
        .collect();
    if mine.is_empty() {
        return view! { <p class="no-gaps">{t(lang, "moderation-empty")}</p> }.into_any();
    }
    let items = mine
        .into_iter()
        .map(|s| {
            let when = format::date(lang, la_paz_date(s.submitted_at));
            let field = format!("reason-{}", s.id);
            let department = snapshot
                .department(s.department)
                .map(|d| d.name.clone())
                .unwrap_or_else(|| s.department.to_string());
            let requirement = s
                .requirement
                .as_ref()
                .and_then(|slug| snapshot.requirement(slug))
                .map(|r| r.name.get(lang.is_spanish()).to_owned());
            let missing_reason = !flash.errors_for(&field).is_empty();
            view! {
                <li class="suggestion" id=format!("suggestion-{}", s.id)>
                    <p class="timeline-date">{when}" · "<a href=format!("/departments/{}", s.department)>{department}</a>
                        {requirement.map(|r| view! { " · "{r} })}</p>
                    <p>{s.body.clone()}</p>
                    <HideForm kind="suggestion" id=s.id back_to=format!("/moderation#suggestion-{}", s.id)/>
                    {s.source_url.clone().map(|u| { let href = u.clone(); view! { <p><a href=href rel="noopener nofollow">{u}</a></p> } })}
                    {s.organisation.clone().map(|o| view! { <p>{tr(lang, "moderation-organisation", &[("name", o.into())])}</p> })}
                    {s.contact.clone().map(|c| view! { <p class="hint">{tr(lang, "moderation-contact", &[("contact", c.into())])}</p> })}
                    <form method="post" action=format!("/moderation/{}", s.id) class="inline-form">
                        <label for=field.clone()>{t(lang, "moderation-reason")}</label>
                        <input id=field.clone() name="reason" required aria-invalid=missing_reason.then_some("true")/>
                        {missing_reason.then(|| view! { <p class="field-error">{t(lang, "problem-required")}</p> })}
                        <button type="submit" name="decision" value="accept">{t(lang, "moderation-accept")}</button>
                        <button type="submit" name="decision" value="reject">{t(lang, "moderation-reject")}</button>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline">{items}</ol> }.into_any()
}
