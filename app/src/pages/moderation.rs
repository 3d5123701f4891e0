//! `/moderation`: the public's suggestions waiting for an officer, oldest first. Accepting
//! opens the claim form the suggestion asks for (it is accepted when that claim is saved, and
//! shows who is handling it until then); rejecting needs a public reason. Only suggestions
//! for departments in the officer's scope are listed.

use leptos::prelude::*;

use crate::components::{FieldProblems, HideForm, Layout, PageMeta, ReasonInput, Refused};
use crate::context::{current_viewer, OfficePorts, Ports, Viewer};
use crate::flash::{form_flash, FormFlash};
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
        .map(|s| view! { <QueuedSuggestion s snapshot=snapshot.clone() flash=flash.clone()/> })
        .collect_view();
    view! { <ol class="timeline">{items}</ol> }.into_any()
}

#[component]
fn QueuedSuggestion(s: Suggestion, snapshot: Arc<Snapshot>, flash: FormFlash) -> impl IntoView {
    let lang = use_lang();
    let when = format::date(lang, la_paz_date(s.submitted_at));
    let department = snapshot
        .department(s.department)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| s.department.to_string());
    let requirement = s
        .requirement
        .as_ref()
        .and_then(|slug| snapshot.requirement(slug))
        .map(|r| r.name.get(lang.is_spanish()).to_owned());
    let reason_field = format!("reason-{}", s.id);
    let reason_problems = flash.errors_for(&reason_field);
    let typed_reason = if reason_problems.is_empty() {
        String::new()
    } else {
        flash.field("reason")
    };
    let choose_field = format!("requirement-{}", s.id);
    // A suggestion that names no instrument needs one before its claim form can open.
    let choose = s.requirement.is_none().then(|| {
        let options = snapshot
            .requirements
            .iter()
            .map(|r| view! { <option value=r.slug.to_string()>{r.name.get(lang.is_spanish()).to_owned()}</option> })
            .collect_view();
        view! {
            <label for=choose_field.clone()>{t(lang, "moderation-choose-requirement")}</label>
            <select id=choose_field.clone() name="requirement">{options}</select>
            <FieldProblems id=format!("{choose_field}-error") problems=flash.errors_for(&choose_field)/>
        }
    });
    view! {
        <li class="suggestion" id=format!("suggestion-{}", s.id)>
            <p class="timeline-date">{tr(lang, "moderation-number", &[("id", s.id.into())])}" · "{when}" · "
                <a href=format!("/departments/{}", s.department)>{department}</a>{requirement.map(|r| view! { " · "{r} })}</p>
            <blockquote class="suggestion-text">{s.body.clone()}</blockquote>
            {s.private.then(|| view! { <p class="hint">{t(lang, "moderation-private")}</p> })}
            <HideForm kind="suggestion" id=s.id back_to=format!("/moderation#suggestion-{}", s.id)/>
            {s.source_url.clone().map(|u| { let href = u.clone(); view! { <p><a href=href rel="noopener nofollow">{u}</a></p> } })}
            {s.organisation.clone().map(|o| view! { <p>{tr(lang, "moderation-organisation", &[("name", o.into())])}</p> })}
            {s.contact.clone().map(|c| view! { <p class="hint">{tr(lang, "moderation-contact", &[("contact", c.into())])}</p> })}
            {s.handled_by.clone().map(|name| view! { <p class="badge in-hand">{tr(lang, "moderation-in-hand", &[("name", name.into())])}</p> })}
            <form method="post" action=format!("/moderation/{}", s.id) class="inline-form">
                <input type="hidden" name="decision" value="accept"/>
                {choose}
                <button type="submit">{t(lang, "moderation-accept")}</button>
            </form>
            <form method="post" action=format!("/moderation/{}", s.id) class="inline-form">
                <input type="hidden" name="decision" value="reject"/>
                <ReasonInput id=reason_field name="reason" label=t(lang, "moderation-reason")
                    problems=reason_problems value=typed_reason/>
                <button type="submit">{t(lang, "moderation-reject")}</button>
            </form>
        </li>
    }
}
