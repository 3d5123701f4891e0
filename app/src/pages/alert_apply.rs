//! `/alerts/apply?token=…`: new choices asked for an address that receives alerts already,
//! side by side with what it receives now, applied only with this page's button (a GET
//! changes nothing, as mail scanners fetch links).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::alerts::{dead_link, department_names, describe};
use crate::alert_choices::followed_choices;
use crate::components::{Layout, PageMeta, WithPublicView};
use crate::context::{set_http_status, AlertPorts};
use crate::i18n::{t, use_lang};
use vigia::subscriptions::{AskedChange, IfSubscribed};
use vigia::DepartmentCode;

#[component]
pub fn ApplyAlertChangePage() -> impl IntoView {
    view! { <WithPublicView render=move |view| view! { <ApplyAlertChange names=department_names(&view)/> }/> }
}

#[component]
fn ApplyAlertChange(names: Vec<(DepartmentCode, String)>) -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "alerts-apply-title");
    let token = use_query_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let ports = use_context::<AlertPorts>();
    let body = move |change: Option<AskedChange>, token: String| match change {
        None => dead_link(lang),
        Some(change) if change.applied => {
            view! { <p role="status">{t(lang, "alerts-apply-already")}</p> }.into_any()
        }
        Some(AskedChange {
            subscription,
            asked,
            ..
        }) => {
            let after = if asked.if_subscribed == IfSubscribed::Replace {
                "alerts-mail-change-after-replace"
            } else {
                "alerts-mail-change-after-add"
            };
            view! {
                <p>{describe(lang, &subscription)}</p>
                <div class="choices-compared">
                    <section>
                        <h2>{t(lang, "alerts-manage-what")}</h2>
                        {followed_choices(lang, &subscription, &names)}
                    </section>
                    <section>
                        <h2>{t(lang, "alerts-mail-change-asked")}</h2>
                        {followed_choices(lang, &subscription.as_asked(&asked), &names)}
                    </section>
                </div>
                <h2>{t(lang, after)}</h2>
                {followed_choices(lang, &subscription.with_asked(&asked), &names)}
                <form method="post" action="/alerts/apply" class="inline-form">
                    <input type="hidden" name="token" value=token/>
                    <button type="submit">{t(lang, "alerts-apply-button")}</button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <Suspense fallback=|| ()>
                {
                    let (token, ports, body) = (token.clone(), ports.clone(), body.clone());
                    Suspend::new(async move {
                        let change = match &ports {
                            Some(ports) => match ports.reader.asked_change(&token).await {
                                Ok(change) => change,
                                Err(_) => {
                                    set_http_status(503);
                                    None
                                }
                            },
                            None => None,
                        };
                        body(change, token)
                    })
                }
            </Suspense>
        </Layout>
    }
}
