//! `/admin/users`: an admin invites people, disables or re-enables them, and changes which
//! departments they act for. Emails appear only here, never on public pages.

use leptos::prelude::*;

use crate::components::{FormField, Layout, PageMeta, Refused};
use crate::context::{current_viewer, form_flash, FormFlash, OfficePorts};
use crate::i18n::{t, use_lang};
use vigia::access::Role;
use vigia::office::Account;
use vigia::DepartmentCode;

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "admin-users-title");
    if !current_viewer().is_some_and(|v| v.actor.may_manage_users()) {
        return view! { <Refused title message="admin-only" next="/admin/users".to_owned()/> }
            .into_any();
    }
    let office = use_context::<OfficePorts>();
    let flash = form_flash().unwrap_or_default();
    let list_flash = flash.clone();
    let invited = flash.notice.is_some().then(|| {
        let link = flash.field("link");
        view! {
            <div class="form-notice" role="status">
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
                    Suspend::new(async move {
                        let accounts = match office {
                            Some(office) => office.reader.accounts().await.ok(),
                            None => None,
                        };
                        match accounts {
                            Some(accounts) => view! { <AccountList accounts flash=list_flash.clone()/> }.into_any(),
                            None => view! { <p class="form-error">{t(lang, "error-unavailable-body")}</p> }.into_any(),
                        }
                    })
                }
            </Suspense>
            <InviteForm flash/>
        </Layout>
    }
    .into_any()
}

fn department_boxes(prefix: String, checked: Vec<DepartmentCode>) -> impl IntoView {
    DepartmentCode::ALL
        .into_iter()
        .map(|code| {
            let id = format!("{prefix}-{code}");
            let on = checked.contains(&code);
            view! {
                <span class="checkbox">
                    <input type="checkbox" id=id.clone() name="department" value=code.to_string() checked=on/>
                    <label for=id>{code.to_string()}</label>
                </span>
            }
        })
        .collect_view()
}

#[component]
fn AccountList(accounts: Vec<Account>, flash: FormFlash) -> impl IntoView {
    let lang = use_lang();
    let problems = move |field: String| {
        let messages: Vec<String> = flash
            .errors_for(&field)
            .into_iter()
            .map(|p| crate::format::problem(lang, p))
            .collect();
        (!messages.is_empty())
            .then(|| view! { <p class="field-error" role="alert">{messages.join(" ")}</p> })
    };
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
            let (action, label) = if a.disabled {
                ("enable", t(lang, "admin-enable"))
            } else {
                ("disable", t(lang, "admin-disable"))
            };
            let reason_id = format!("access-reason-{}", a.id);
            view! {
                <li class="account" id=format!("user-{}", a.id)>
                    <p><strong>{a.display_name.clone()}</strong>" · "{a.email.clone()}" · "
                        {t(lang, &format!("role-{}", a.role.slug()))}" · "<span class="badge">{state}</span></p>
                    <form method="post" action=format!("/admin/users/{}/scope", a.id) class="inline-form">
                        <fieldset>
                            <legend>{t(lang, "admin-scope")}</legend>
                            {department_boxes(format!("scope-{}", a.id), a.departments.clone())}
                        </fieldset>
                        {problems(format!("scope-{}", a.id))}
                        <button type="submit">{t(lang, "admin-scope-submit")}</button>
                    </form>
                    <form method="post" action=format!("/admin/users/{}/access", a.id) class="inline-form">
                        <input type="hidden" name="action" value=action/>
                        <label for=reason_id.clone()>{t(lang, "admin-access-reason")}</label>
                        <input id=reason_id name="reason"/>
                        <button type="submit">{label}</button>
                        {problems(format!("reason-{}", a.id))}
                    </form>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="accounts">{rows}</ul> }
}

#[component]
fn InviteForm(flash: FormFlash) -> impl IntoView {
    let lang = use_lang();
    let errors = if flash.notice.is_some() {
        FormFlash::default()
    } else {
        flash
    };
    let role = errors.field("role");
    let roles = [Role::Officer, Role::Department, Role::Admin]
        .into_iter()
        .map(|r| view! { <option value=r.slug() selected=role == r.slug()>{t(lang, &format!("role-{}", r.slug()))}</option> })
        .collect_view();
    let chosen: Vec<DepartmentCode> = errors
        .fields
        .iter()
        .filter(|(k, _)| k == "department")
        .filter_map(|(_, v)| DepartmentCode::parse(v).ok())
        .collect();
    let department_problem = !errors.errors_for("department").is_empty();
    view! {
        <h2>{t(lang, "admin-invite-heading")}</h2>
        <form method="post" action="/admin/users" class="claim-form">
            <FormField name="email" label=t(lang, "admin-field-email") value=errors.field("email")
                input=crate::components::Input::Line("email") problems=errors.errors_for("email") required=true/>
            <FormField name="display_name" label=t(lang, "admin-field-display_name") value=errors.field("display_name")
                hint=t(lang, "admin-hint-display_name") problems=errors.errors_for("display_name") required=true/>
            <div class="form-field">
                <label for="role">{t(lang, "admin-field-role")}</label>
                <select id="role" name="role">{roles}</select>
            </div>
            <fieldset>
                <legend>{t(lang, "admin-scope")}</legend>
                {department_boxes("invite".into(), chosen)}
                {department_problem.then(|| view! { <p class="field-error">{t(lang, "admin-needs-department")}</p> })}
            </fieldset>
            <button type="submit">{t(lang, "admin-invite-submit")}</button>
        </form>
    }
}
