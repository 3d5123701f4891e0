//! `/admin/users`: an admin invites people, disables (after a confirmation page) or re-enables
//! them, and changes which departments they act for. Departments are named, not coded; an
//! admin's own account offers no way to disable it. Emails appear only here.

use leptos::prelude::*;
use std::sync::Arc;

use crate::components::{FieldProblems, FormField, Input, Layout, PageMeta, Refused};
use crate::context::{current_viewer, OfficePorts, Ports, Viewer};
use crate::flash::{form_flash, FormFlash};
use crate::i18n::{t, use_lang};
use vigia::access::Role;
use vigia::office::Account;
use vigia::{DepartmentCode, Snapshot};

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "admin-users-title");
    let Some(viewer) = current_viewer().filter(|v| v.actor.may_manage_users()) else {
        return view! { <Refused title message="admin-only" next="/admin/users".to_owned()/> }
            .into_any();
    };
    let office = use_context::<OfficePorts>();
    let ports = use_context::<Ports>();
    let flash = form_flash().unwrap_or_default();
    let link = flash.field("link");
    let invited = (!link.is_empty()).then(|| {
        view! {
            <div class="form-notice">
                <p>{t(lang, "admin-invited")}</p>
                <p><code class="one-time-link">{link}</code></p>
            </div>
        }
    });
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            {invited}
            <Suspense fallback=|| ()>
                {
                    let office = office.clone();
                    let ports = ports.clone();
                    let flash = flash.clone();
                    let viewer = viewer.clone();
                    Suspend::new(async move {
                        let loaded = match (office, ports) {
                            (Some(office), Some(ports)) => office
                                .reader
                                .accounts()
                                .await
                                .ok()
                                .zip(ports.reader.snapshot().await.ok()),
                            _ => None,
                        };
                        match loaded {
                            Some((accounts, snapshot)) => view! {
                                <AccountList accounts flash=flash.clone() viewer snapshot=snapshot.clone()/>
                                <InviteForm flash snapshot/>
                            }.into_any(),
                            None => view! { <p class="form-error">{t(lang, "error-unavailable-body")}</p> }.into_any(),
                        }
                    })
                }
            </Suspense>
        </Layout>
    }
    .into_any()
}

/// A department's name as the snapshot has it (its code if unknown).
pub fn department_name(snapshot: &Snapshot, code: DepartmentCode) -> String {
    snapshot
        .department(code)
        .map_or_else(|| code.to_string(), |d| d.name.clone())
}

fn department_boxes(
    prefix: String,
    checked: Vec<DepartmentCode>,
    snapshot: &Snapshot,
) -> impl IntoView {
    DepartmentCode::ALL
        .into_iter()
        .map(|code| {
            let id = format!("{prefix}-{code}");
            let on = checked.contains(&code);
            view! {
                <span class="checkbox">
                    <input type="checkbox" id=id.clone() name="department" value=code.to_string() checked=on/>
                    <label for=id>{department_name(snapshot, code)}</label>
                </span>
            }
        })
        .collect_view()
}

#[component]
fn AccountList(
    accounts: Vec<Account>,
    flash: FormFlash,
    viewer: Viewer,
    snapshot: Arc<Snapshot>,
) -> impl IntoView {
    let lang = use_lang();
    let rows = accounts
        .into_iter()
        .map(|a| {
            let state = if a.disabled {
                t(lang, "admin-state-disabled")
            } else if a.activated {
                t(lang, "admin-state-active")
            } else {
                t(lang, "admin-state-invited")
            };
            let own = a.id == viewer.account_id;
            let scope_field = format!("scope-{}", a.id);
            let reason_field = format!("reason-{}", a.id);
            let access = if a.disabled {
                view! {
                    <form method="post" action=format!("/admin/users/{}/access", a.id) class="inline-form">
                        <input type="hidden" name="action" value="enable"/>
                        <label for=reason_field.clone()>{t(lang, "admin-access-reason")}" "<span class="optional-mark">{t(lang, "field-optional")}</span></label>
                        <input id=reason_field.clone() name="reason"/>
                        <button type="submit">{t(lang, "admin-enable")}</button>
                    </form>
                }
                .into_any()
            } else if own {
                view! { <p class="hint">{t(lang, "admin-not-self")}</p> }.into_any()
            } else {
                view! {
                    <p><a class="button-link" href=format!("/admin/users/{}/disable", a.id)>{t(lang, "admin-disable-ask")}</a></p>
                }
                .into_any()
            };
            view! {
                <li class="account" id=format!("user-{}", a.id)>
                    <p><strong>{a.display_name.clone()}</strong>{own.then(|| view! { " "{t(lang, "admin-you")} })}" · "{a.email.clone()}" · "
                        {t(lang, &format!("role-{}", a.role.slug()))}" · "<span class="badge">{state}</span></p>
                    <form method="post" action=format!("/admin/users/{}/scope", a.id) class="inline-form">
                        <fieldset>
                            <legend>{t(lang, "admin-scope")}</legend>
                            {department_boxes(scope_field.clone(), a.departments.clone(), &snapshot)}
                        </fieldset>
                        <FieldProblems id=format!("{scope_field}-error") problems=flash.errors_for(&scope_field)/>
                        <button type="submit">{t(lang, "admin-scope-submit")}</button>
                    </form>
                    {access}
                    <FieldProblems id=format!("{reason_field}-error") problems=flash.errors_for(&reason_field)/>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="accounts">{rows}</ul> }
}

#[component]
fn InviteForm(flash: FormFlash, snapshot: Arc<Snapshot>) -> impl IntoView {
    let lang = use_lang();
    // After an invitation the form starts empty; after a refusal, as typed.
    let typed = if flash.field("link").is_empty() {
        flash
    } else {
        FormFlash::default()
    };
    let role = typed.field("role");
    let roles = [Role::Officer, Role::Department, Role::Admin]
        .into_iter()
        .map(|r| view! { <option value=r.slug() selected=role == r.slug()>{t(lang, &format!("role-{}", r.slug()))}</option> })
        .collect_view();
    let chosen: Vec<DepartmentCode> = typed
        .values("department")
        .iter()
        .filter_map(|v| DepartmentCode::parse(v).ok())
        .collect();
    let department_problem = !typed.errors_for("department").is_empty();
    view! {
        <h2 id="invite">{t(lang, "admin-invite-heading")}</h2>
        <form method="post" action="/admin/users" class="claim-form">
            <p class="hint">{t(lang, "form-marks")}</p>
            <FormField name="email" label=t(lang, "admin-field-email") value=typed.field("email")
                input=Input::Line("email") problems=typed.errors_for("email") required=true/>
            <FormField name="display_name" label=t(lang, "admin-field-display_name") value=typed.field("display_name")
                hint=t(lang, "admin-hint-display_name") problems=typed.errors_for("display_name") required=true/>
            <div class="form-field">
                <label for="role">{t(lang, "admin-field-role")}</label>
                <select id="role" name="role">{roles}</select>
            </div>
            <fieldset>
                <legend>{t(lang, "admin-scope")}" "<span class="optional-mark">{t(lang, "admin-scope-when")}</span></legend>
                {department_boxes("invite".into(), chosen, &snapshot)}
                {department_problem.then(|| view! { <p class="field-error">{t(lang, "admin-needs-department")}</p> })}
            </fieldset>
            <button type="submit">{t(lang, "admin-invite-submit")}</button>
        </form>
    }
}
