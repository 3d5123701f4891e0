//! `/admin/alerts`: how the alerts are doing. Subscriber counts by department and channel,
//! deliveries pending, sent and failed with their last error, webhooks with their state;
//! never an address. Admins retry a failed delivery and resume a paused webhook.

use leptos::prelude::*;

use crate::components::{Layout, PageMeta, Refused};
use crate::context::{current_viewer, set_http_status, AlertPorts, AlertsOverview, DeliveryRow};
use crate::i18n::{t, tr, use_lang, Lang};

#[component]
pub fn AdminAlertsPage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "alerts-admin-title");
    if !current_viewer().is_some_and(|v| v.actor.may_manage_users()) {
        return view! { <Refused title message="admin-only" next="/admin/alerts".to_owned()/> }
            .into_any();
    }
    let ports = use_context::<AlertPorts>();
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <Suspense fallback=|| ()>
                {
                    let ports = ports.clone();
                    Suspend::new(async move {
                        let overview = match ports {
                            Some(ports) => ports.reader.overview().await.ok(),
                            None => None,
                        };
                        match overview {
                            Some(overview) => view! { <Overview overview/> }.into_any(),
                            None => {
                                set_http_status(503);
                                view! { <p class="form-error">{t(lang, "error-unavailable-body")}</p> }.into_any()
                            }
                        }
                    })
                }
            </Suspense>
        </Layout>
    }
    .into_any()
}

fn count_of(list: &[(String, String, i64)], channel: &str, state: &str) -> i64 {
    list.iter()
        .filter(|(c, s, _)| c == channel && s == state)
        .map(|(_, _, n)| n)
        .sum()
}

#[component]
fn Overview(overview: AlertsOverview) -> impl IntoView {
    let lang = use_lang();
    let bounced: i64 = overview
        .subscriptions
        .iter()
        .filter(|(_, state, _)| state == "bounced")
        .map(|(_, _, n)| n)
        .sum();
    let channels = ["email", "webhook"];
    let states = ["pending", "sending", "sent", "skipped", "failed"];
    let delivery_rows = channels
        .into_iter()
        .map(|channel| {
            let cells = states
                .into_iter()
                .map(|state| view! { <td class="number">{count_of(&overview.deliveries, channel, state)}</td> })
                .collect_view();
            view! { <tr><th scope="row">{t(lang, &format!("alerts-channel-{channel}"))}</th>{cells}</tr> }
        })
        .collect_view();
    let state_headers = states
        .into_iter()
        .map(|state| view! { <th scope="col" class="number">{t(lang, &format!("alerts-delivery-{state}"))}</th> })
        .collect_view();
    let no_subscribers = overview.subscribers.is_empty();
    let no_webhooks = overview.webhooks.is_empty();
    let none = move |columns: &'static str| view! { <tr><td colspan=columns>{t(lang, "alerts-admin-none")}</td></tr> };
    let subscriber_rows = overview
        .subscribers
        .iter()
        .map(|(channel, state, department, n)| {
            let department = if department == "*" {
                t(lang, "alerts-all-departments")
            } else {
                department.clone()
            };
            view! {
                <tr>
                    <td>{t(lang, &format!("alerts-channel-{channel}"))}</td>
                    <td>{t(lang, &format!("alerts-subscriber-{state}"))}</td>
                    <td>{department}</td>
                    <td class="number">{*n}</td>
                </tr>
            }
        })
        .collect_view();
    let webhooks = overview
        .webhooks
        .iter()
        .map(|w| {
            let paused = w.state == "paused";
            view! {
                <tr>
                    <th scope="row">{w.host.clone()}</th>
                    <td data-label=t(lang, "alerts-admin-state")>{t(lang, &format!("alerts-subscriber-{}", w.state))}</td>
                    <td data-label=t(lang, "alerts-admin-last-success")>{w.last_success_at.as_deref().map(|at| crate::format::moment(lang, at)).unwrap_or_default()}</td>
                    <td data-label=t(lang, "alerts-admin-last-error") class="wrap">{w.last_error.clone().unwrap_or_default()}</td>
                    <td>
                        {paused.then(|| view! {
                            <form method="post" action=format!("/admin/alerts/webhooks/{}/resume", w.id) class="inline-form">
                                <button type="submit">{t(lang, "alerts-resume")}</button>
                            </form>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p>{tr(lang, "alerts-admin-events", &[("count", overview.events.into())])}</p>
        {(bounced > 0).then(|| view! {
            <p class="form-error" role="alert">{tr(lang, "alerts-admin-bounced", &[("count", bounced.into())])}</p>
        })}
        <h2 id="deliveries-heading">{t(lang, "alerts-admin-deliveries")}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="deliveries-heading">
            <table>
                <thead><tr><th scope="col">{t(lang, "alerts-channel")}</th>{state_headers}</tr></thead>
                <tbody>{delivery_rows}</tbody>
            </table>
        </div>
        <h2 id="subscribers-heading">{t(lang, "alerts-admin-subscribers")}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="subscribers-heading">
            <table>
                <thead><tr>
                    <th scope="col">{t(lang, "alerts-channel")}</th>
                    <th scope="col">{t(lang, "alerts-admin-state")}</th>
                    <th scope="col">{t(lang, "alerts-departments")}</th>
                    <th scope="col" class="number">{t(lang, "alerts-admin-count")}</th>
                </tr></thead>
                <tbody>{subscriber_rows}{no_subscribers.then(|| none("4"))}</tbody>
            </table>
        </div>
        <h2 id="webhooks-heading">{t(lang, "alerts-admin-webhooks")}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="webhooks-heading">
            <table class="card-table">
                <thead><tr>
                    <th scope="col">{t(lang, "alerts-admin-host")}</th>
                    <th scope="col">{t(lang, "alerts-admin-state")}</th>
                    <th scope="col">{t(lang, "alerts-admin-last-success")}</th>
                    <th scope="col">{t(lang, "alerts-admin-last-error")}</th>
                    <th scope="col"><span class="visually-hidden">{t(lang, "alerts-admin-actions")}</span></th>
                </tr></thead>
                <tbody>{webhooks}{no_webhooks.then(|| none("5"))}</tbody>
            </table>
        </div>
        <DeliveryList heading="alerts-admin-failed" rows=overview.failed retry=true/>
        <DeliveryList heading="alerts-admin-pending" rows=overview.pending/>
        <DeliveryList heading="alerts-admin-sent" rows=overview.sent/>
    }
}

fn purpose_label(lang: Lang, purpose: &str) -> String {
    t(lang, &format!("alerts-purpose-{purpose}"))
}

#[component]
fn DeliveryList(
    heading: &'static str,
    rows: Vec<DeliveryRow>,
    #[prop(optional)] retry: bool,
) -> impl IntoView {
    let lang = use_lang();
    let body = if rows.is_empty() {
        view! { <p>{t(lang, "alerts-admin-none")}</p> }.into_any()
    } else {
        let rows = rows
            .into_iter()
            .map(|d| {
                view! {
                    <tr>
                        <th scope="row" class="number">"#"{d.id}</th>
                        <td data-label=t(lang, "alerts-channel")>{t(lang, &format!("alerts-channel-{}", d.channel))}</td>
                        <td data-label=t(lang, "alerts-admin-purpose")>{purpose_label(lang, &d.purpose)}</td>
                        <td data-label=t(lang, "alerts-admin-attempts") class="number">{d.attempts}</td>
                        <td data-label=t(lang, "alerts-admin-when")>{crate::format::moment(lang, d.sent_at.as_deref().unwrap_or(&d.created_at))}</td>
                        <td data-label=t(lang, "alerts-admin-last-error") class="wrap">{d.last_error.clone().unwrap_or_default()}</td>
                        <td>
                            {retry.then(|| view! {
                                <form method="post" action=format!("/admin/alerts/deliveries/{}/retry", d.id) class="inline-form">
                                    <button type="submit">{t(lang, "alerts-admin-retry")}</button>
                                </form>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=heading>
                <table class="card-table">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{t(lang, "alerts-channel")}</th>
                        <th scope="col">{t(lang, "alerts-admin-purpose")}</th>
                        <th scope="col">{t(lang, "alerts-admin-attempts")}</th>
                        <th scope="col">{t(lang, "alerts-admin-when")}</th>
                        <th scope="col">{t(lang, "alerts-admin-last-error")}</th>
                        <th scope="col"><span class="visually-hidden">{t(lang, "alerts-admin-actions")}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <h2 id=heading>{t(lang, heading)}</h2>
        {body}
    }
}
