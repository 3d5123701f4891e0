//! `/admin/users/{id}/disable`: the step before disabling an account. It says what will
//! happen (every session ends at once; the history keeps what the person did) and asks for
//! confirmation, with an optional public reason. One's own account cannot be disabled.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::admin_users::department_name;
use crate::components::{FormField, Layout, PageMeta, Refused};
use crate::context::{current_viewer, set_http_status, OfficePorts, Ports};
use crate::flash::form_flash;
use crate::i18n::{t, tr, use_lang};

#[component]
pub fn AdminDisablePage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "admin-disable-title");
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok())
        .unwrap_or_default();
    let here = format!("/admin/users/{id}/disable");
    let Some(viewer) = current_viewer().filter(|v| v.actor.may_manage_users()) else {
        return view! { <Refused title message="admin-only" next=here/> }.into_any();
    };
    let office = use_context::<OfficePorts>();
    let ports = use_context::<Ports>();
    let flash = form_flash().unwrap_or_default();
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <nav class="breadcrumb" aria-label=t(lang, "breadcrumb-label")>
                <a href="/admin/users">{t(lang, "admin-users-title")}</a>" › "<span>{title.clone()}</span>
            </nav>
            <h1>{title.clone()}</h1>
            <Suspense fallback=|| ()>
                {
                    let office = office.clone();
                    let ports = ports.clone();
                    let flash = flash.clone();
                    let viewer = viewer.clone();
                    Suspend::new(async move {
                        let (Some(office), Some(ports)) = (office, ports) else {
                            set_http_status(503);
                            return view! { <p class="form-error">{t(lang, "error-unavailable-body")}</p> }.into_any();
                        };
                        let accounts = office.reader.accounts().await.unwrap_or_default();
                        let Some(account) = accounts.into_iter().find(|a| a.id == id && !a.disabled) else {
                            set_http_status(404);
                            return view! { <p class="form-error" role="alert">{t(lang, "admin-disable-gone")}</p> }.into_any();
                        };
                        if account.id == viewer.account_id {
                            return view! { <p class="form-error" role="alert">{t(lang, "admin-not-self")}</p> }.into_any();
                        }
                        let scope = match ports.reader.snapshot().await {
                            Ok(snapshot) => account
                                .departments
                                .iter()
                                .map(|code| department_name(&snapshot, *code))
                                .collect::<Vec<_>>()
                                .join(", "),
                            Err(_) => String::new(),
                        };
                        let role = t(lang, &format!("role-{}", account.role.slug()));
                        view! {
                            <p>{tr(lang, "admin-disable-who", &[("name", account.display_name.clone().into()), ("email", account.email.clone().into()), ("role", role.into())])}</p>
                            {(!scope.is_empty()).then(|| view! { <p>{tr(lang, "admin-disable-scope", &[("departments", scope.into())])}</p> })}
                            <p>{t(lang, "admin-disable-effects")}</p>
                            <form method="post" action=format!("/admin/users/{id}/access") class="claim-form">
                                <input type="hidden" name="action" value="disable"/>
                                <input type="hidden" name="confirm" value="yes"/>
                                <FormField name="reason" id_suffix=format!("-{id}") label=t(lang, "admin-access-reason")
                                    value=flash.field("reason") problems=flash.errors_for(&format!("reason-{id}"))/>
                                <div class="form-actions">
                                    <button type="submit" class="danger">{tr(lang, "admin-disable-confirm", &[("name", account.display_name.clone().into())])}</button>
                                    <a href=format!("/admin/users#user-{id}")>{t(lang, "admin-disable-cancel")}</a>
                                </div>
                            </form>
                        }
                        .into_any()
                    })
                }
            </Suspense>
        </Layout>
    }
    .into_any()
}
