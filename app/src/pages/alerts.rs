//! Alerts without an account: `/alerts` (subscribe by email or webhook), and the pages the
//! links in every message open: confirm (a button, since a GET confirms nothing), manage,
//! unsubscribe. Plain forms: all of it works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::alert_choices::followed_choices;
use crate::components::{CopyableText, FormField, Input, Layout, PageMeta, WithPublicView};
use crate::context::{set_http_status, AlertLink, AlertPorts, PublicView};
use crate::flash::{form_flash, FormFlash};
use crate::i18n::{t, tr, use_lang, Lang};
use vigia::events::{EventKind, THRESHOLDS};
use vigia::gaps::Severity;
use vigia::new_claim::Problem;
use vigia::subscriptions::{AlertLinkPurpose, Channel, Filters, State, Subscription};
use vigia::DepartmentCode;

/// Renders `render` with what this page's `?token=` link opens, once the server has checked
/// it (through its port), so the page is whole when it leaves the server.
#[component]
fn WithAlertLink<F, V>(purpose: AlertLinkPurpose, render: F) -> impl IntoView
where
    F: Fn(AlertLink) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let token = use_query_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let ports = use_context::<AlertPorts>();
    view! {
        <Suspense fallback=|| ()>
            {
                let (token, ports, render) = (token.clone(), ports.clone(), render.clone());
                Suspend::new(async move {
                    let subscription = match &ports {
                        Some(ports) => match ports.reader.opened(purpose, &token).await {
                            Ok(subscription) => subscription,
                            Err(_) => {
                                set_http_status(503);
                                None
                            }
                        },
                        None => None,
                    };
                    render(AlertLink { token, subscription })
                })
            }
        </Suspense>
    }
}

/// What the filter fields show checked: a refused form's values, a subscription's, or the
/// defaults (with the department the reader came from, if any).
#[derive(Clone)]
struct Chosen {
    /// "All departments" (`Some(true)`) or "only those ticked" (`Some(false)`), or neither
    /// yet; kept apart from the boxes so that a refused form that had both comes back as it
    /// was sent.
    all: Option<bool>,
    departments: Vec<String>,
    kinds: Vec<String>,
    severities: Vec<String>,
    thresholds: Vec<String>,
    daily: bool,
    lang: Lang,
}

impl Chosen {
    fn from_filters(filters: &Filters, daily: bool, lang: Lang) -> Self {
        Self {
            all: Some(filters.departments.is_none()),
            departments: filters
                .departments
                .iter()
                .flatten()
                .map(|d| d.to_string())
                .collect(),
            kinds: filters.kinds.iter().map(|k| k.slug().to_owned()).collect(),
            severities: filters
                .severities
                .iter()
                .map(|s| s.slug().to_owned())
                .collect(),
            thresholds: filters.thresholds.iter().map(|d| d.to_string()).collect(),
            daily,
            lang,
        }
    }

    fn from_flash(flash: &FormFlash, lang: Lang) -> Option<Self> {
        if flash.fields.is_empty() || flash.field("kinds").is_empty() && flash.errors.is_empty() {
            return None;
        }
        let values = |name: &str| -> Vec<String> {
            flash
                .fields
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .collect()
        };
        Some(Self {
            all: match flash.field("scope").as_str() {
                "all" => Some(true),
                "chosen" => Some(false),
                _ => None,
            },
            departments: values("departments"),
            kinds: values("kinds"),
            severities: values("severities"),
            thresholds: values("thresholds"),
            daily: flash.field("frequency") == "daily",
            lang: Lang::parse(&flash.field("lang")).unwrap_or(lang),
        })
    }

    fn defaults(department: Option<DepartmentCode>, lang: Lang) -> Self {
        // Nothing about departments is chosen for the person, unless they came from one.
        let mut chosen = Self::from_filters(&Filters::default(), false, lang);
        chosen.all = department.map(|_| false);
        chosen.departments = department.iter().map(|d| d.to_string()).collect();
        chosen
    }
}

fn field_problems(lang: Lang, problems: &[Problem]) -> Option<impl IntoView> {
    (!problems.is_empty()).then(|| {
        let text = problems
            .iter()
            .map(|p| crate::format::problem(lang, *p))
            .collect::<Vec<_>>()
            .join(" ");
        view! { <p class="field-error">{text}</p> }
    })
}

fn checkbox(name: &'static str, value: String, label: String, checked: bool) -> impl IntoView {
    view! {
        <label class="checkbox"><input type="checkbox" name=name value=value checked=checked/>" "{label}</label>
    }
}

/// The filters every subscription has: departments, kinds, severities, thresholds,
/// frequency and language.
#[component]
fn FilterFields(
    chosen: Chosen,
    flash: FormFlash,
    /// The departments' names, in the map's order.
    names: Vec<(DepartmentCode, String)>,
    #[prop(optional)] webhook: bool,
) -> impl IntoView {
    let lang = use_lang();
    let all = chosen.all;
    let departments = names
        .into_iter()
        .map(|(code, name)| {
            let checked = chosen.departments.contains(&code.to_string());
            checkbox("departments", code.to_string(), name, checked)
        })
        .collect_view();
    let kinds = EventKind::ALL
        .into_iter()
        .map(|kind| {
            let slug = kind.slug().to_owned();
            let label = t(lang, &format!("event-kind-{}", slug.replace('.', "-")));
            checkbox("kinds", slug.clone(), label, chosen.kinds.contains(&slug))
        })
        .collect_view();
    let severities = [Severity::Critical, Severity::Warning, Severity::Notice]
        .into_iter()
        .map(|s| {
            let slug = s.slug().to_owned();
            checkbox(
                "severities",
                slug.clone(),
                t(lang, &format!("severity-{slug}")),
                chosen.severities.contains(&slug),
            )
        })
        .collect_view();
    let thresholds = THRESHOLDS
        .into_iter()
        .map(|days| {
            let label = tr(
                lang,
                "alerts-threshold",
                &[("days", i64::from(days).into())],
            );
            checkbox(
                "thresholds",
                days.to_string(),
                label,
                chosen.thresholds.contains(&days.to_string()),
            )
        })
        .collect_view();
    let language = Lang::ALL
        .into_iter()
        .map(|l| {
            view! {
                <label class="checkbox"><input type="radio" name="lang" value=l.code() checked=chosen.lang == l/>" "{t(lang, &format!("lang-name-{}", l.code()))}</label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="department-scope" id="departments">
            <legend>{t(lang, "alerts-departments")}</legend>
            {field_problems(lang, &flash.errors_for("departments"))}
            <p class="hint">{t(lang, "alerts-departments-hint")}</p>
            <label class="checkbox"><input type="radio" name="scope" value="all" checked=all == Some(true)/>" "{t(lang, "alerts-all-departments")}</label>
            <label class="checkbox"><input type="radio" name="scope" value="chosen" checked=all == Some(false)/>" "{t(lang, "alerts-some-departments")}</label>
            <div class="checkbox-grid chosen-departments">{departments}</div>
        </fieldset>
        <fieldset id="kinds">
            <legend>{t(lang, "alerts-kinds")}</legend>
            {field_problems(lang, &flash.errors_for("kinds"))}
            <div class="checkbox-grid">{kinds}</div>
        </fieldset>
        <fieldset id="severities">
            <legend>{t(lang, "alerts-severities")}</legend>
            <p class="hint">{t(lang, "alerts-severities-hint")}</p>
            {field_problems(lang, &flash.errors_for("severities"))}
            <div class="checkbox-grid">{severities}</div>
        </fieldset>
        <fieldset id="thresholds">
            <legend>{t(lang, "alerts-thresholds")}</legend>
            {field_problems(lang, &flash.errors_for("thresholds"))}
            <div class="checkbox-grid">{thresholds}</div>
        </fieldset>
        {(!webhook).then(|| view! {
            <fieldset id="frequency">
                <legend>{t(lang, "alerts-frequency")}</legend>
                {field_problems(lang, &flash.errors_for("frequency"))}
                <label class="checkbox"><input type="radio" name="frequency" value="each" checked=!chosen.daily/>" "{t(lang, "alerts-frequency-each")}</label>
                <label class="checkbox"><input type="radio" name="frequency" value="daily" checked=chosen.daily/>" "{t(lang, "alerts-frequency-daily")}</label>
            </fieldset>
        })}
        <fieldset id="lang">
            <legend>{t(lang, "alerts-language")}</legend>
            {language}
        </fieldset>
    }
}

/// Shows a secret (and a management link) once, with the warning that it will not be shown
/// again.
#[component]
fn ShownOnce(flash: FormFlash) -> impl IntoView {
    let lang = use_lang();
    let secret = flash.field("secret");
    let manage = flash.field("manage");
    (!secret.is_empty()).then(|| {
        view! {
            <div class="shown-once" role="status">
                <p><strong>{t(lang, "alerts-secret-once")}</strong></p>
                <p>{t(lang, "alerts-secret")}</p>
                <CopyableText id="webhook-secret" text=secret/>
                {(!manage.is_empty()).then(|| view! {
                    <p><label for="webhook-manage">{t(lang, "alerts-manage-link")}</label></p>
                    <input id="webhook-manage" class="one-time-link" readonly value=manage.clone()/>
                    <p><a href=manage.clone()>{t(lang, "alerts-open-manage")}</a></p>
                })}
            </div>
        }
    })
}

pub(super) fn department_names(view: &PublicView) -> Vec<(DepartmentCode, String)> {
    crate::alert_choices::department_names(&view.snapshot)
}

#[component]
pub fn AlertsPage() -> impl IntoView {
    view! { <WithPublicView render=move |view| view! { <AlertsForm names=department_names(&view)/> }/> }
}

#[component]
fn AlertsForm(names: Vec<(DepartmentCode, String)>) -> AnyView {
    let lang = use_lang();
    let flash = form_flash().unwrap_or_default();
    let query = use_query_map().get_untracked();
    let department = query
        .get("department")
        .and_then(|d| DepartmentCode::parse(&d).ok());
    let chosen =
        Chosen::from_flash(&flash, lang).unwrap_or_else(|| Chosen::defaults(department, lang));
    let webhook = flash.field("channel") == "webhook";
    let replacing = flash.field("if_subscribed") == "replace";
    let webhook_error = flash.field("webhook_error");
    let title = t(lang, "alerts-title");
    let channel_errors = flash.errors_for("channel");
    if flash.field("requested") == "email" {
        return view! {
            <PageMeta title=title.clone() description=t(lang, "alerts-intro")/>
            <Layout><h1>{title}</h1><CheckInbox flash/></Layout>
        }
        .into_any();
    }
    view! {
        <PageMeta title=title.clone() description=t(lang, "alerts-intro")/>
        <Layout>
            <h1>{title}</h1>
            <ShownOnce flash=flash.clone()/>
            <p>{t(lang, "alerts-intro")}</p>
            <p class="hint">{t(lang, "alerts-privacy")}</p>
            <form method="post" action="/alerts" class="claim-form alerts-form">
                <fieldset id="channel">
                    <legend>{t(lang, "alerts-channel")}</legend>
                    {field_problems(lang, &channel_errors)}
                    <label class="checkbox"><input type="radio" name="channel" value="email" checked=!webhook/>" "{t(lang, "alerts-channel-email")}</label>
                    <label class="checkbox"><input type="radio" name="channel" value="webhook" checked=webhook/>" "{t(lang, "alerts-channel-webhook")}</label>
                </fieldset>
                <FormField name="address" label=t(lang, "alerts-address") value=flash.field("address")
                    hint=t(lang, "alerts-address-hint") problems=flash.errors_for("address") required=true/>
                {(!webhook_error.is_empty()).then(|| view! {
                    <p class="field-error">{tr(lang, "alerts-webhook-answer", &[("answer", webhook_error.clone().into())])}</p>
                })}
                <FormField name="contact" label=t(lang, "alerts-contact") value=flash.field("contact")
                    hint=t(lang, "alerts-contact-hint") problems=flash.errors_for("contact") input=Input::Line("email")/>
                <FilterFields chosen flash=flash.clone() names/>
                <fieldset id="if_subscribed">
                    <legend>{t(lang, "alerts-if-subscribed")}</legend>
                    <p class="hint">{t(lang, "alerts-if-subscribed-hint")}</p>
                    {field_problems(lang, &flash.errors_for("if_subscribed"))}
                    <label class="checkbox"><input type="radio" name="if_subscribed" value="add" checked=!replacing/>" "{t(lang, "alerts-if-subscribed-add")}</label>
                    <label class="checkbox"><input type="radio" name="if_subscribed" value="replace" checked=replacing/>" "{t(lang, "alerts-if-subscribed-replace")}</label>
                </fieldset>
                <button type="submit">{t(lang, "alerts-submit")}</button>
            </form>
            <details class="webhook-help">
                <summary>{t(lang, "alerts-how-webhooks")}</summary>
                <p>{t(lang, "alerts-how-webhooks-body")}</p>
                <p><a href="/api/openapi.json">{t(lang, "alerts-how-webhooks-schema")}</a></p>
            </details>
        </Layout>
    }
    .into_any()
}

/// In place of the form once an email subscription was asked for: where the link went, and
/// a button that sends the same request again (counted like any other post). It reads the
/// same whatever the address's state, so it reveals nothing about who subscribed.
#[component]
fn CheckInbox(flash: FormFlash) -> impl IntoView {
    let lang = use_lang();
    let address = flash.field("address");
    let again = flash
        .fields
        .iter()
        .filter(|(name, _)| name != "requested")
        .map(|(name, value)| view! { <input type="hidden" name=name.clone() value=value.clone()/> })
        .collect_view();
    view! {
        <section class="check-inbox" role="status" aria-labelledby="check-inbox-title">
            <h2 id="check-inbox-title">{t(lang, "alerts-check-inbox-title")}</h2>
            <p>{tr(lang, "alerts-check-inbox-sent", &[("address", address.into())])}</p>
            <p>{t(lang, "alerts-check-inbox-replaces")}</p>
            <form method="post" action="/alerts" class="inline-form">
                {again}
                <button type="submit" class="secondary">{t(lang, "alerts-check-inbox-resend")}</button>
            </form>
            <p><a href="/alerts">{t(lang, "alerts-check-inbox-other")}</a></p>
        </section>
    }
}

/// A link that no longer opens anything.
pub(super) fn dead_link(lang: Lang) -> AnyView {
    view! {
        <p class="form-error" role="alert">{t(lang, "alerts-link-dead")}</p>
        <p><a href="/alerts">{t(lang, "alerts-subscribe-again")}</a></p>
    }
    .into_any()
}

pub(super) fn describe(lang: Lang, subscription: &Subscription) -> String {
    let channel = match subscription.channel {
        Channel::Email => t(lang, "alerts-channel-email"),
        Channel::Webhook => t(lang, "alerts-channel-webhook"),
    };
    tr(
        lang,
        "alerts-describe",
        &[
            ("channel", channel.into()),
            ("address", subscription.address.clone().into()),
        ],
    )
}

#[component]
pub fn ConfirmAlertPage() -> impl IntoView {
    view! { <WithPublicView render=move |view| view! { <ConfirmAlert names=department_names(&view)/> }/> }
}

#[component]
fn ConfirmAlert(names: Vec<(DepartmentCode, String)>) -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "alerts-confirm-title");
    let body = move |AlertLink {
                         token,
                         subscription,
                     }: AlertLink| match subscription {
        Some(s) if s.state == State::Pending => view! {
            <p>{describe(lang, &s)}</p>
            <p>{t(lang, "alerts-confirm-what")}</p>
            {followed_choices(lang, &s, &names)}
            <form method="post" action="/alerts/confirm" class="inline-form">
                <input type="hidden" name="token" value=token/>
                <button type="submit">{t(lang, "alerts-confirm-button")}</button>
            </form>
        }
        .into_any(),
        Some(_) => view! { <p role="status">{t(lang, "alerts-confirmed-already")}</p> }.into_any(),
        None => dead_link(lang),
    };
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <WithAlertLink purpose=AlertLinkPurpose::Confirm render=body/>
        </Layout>
    }
}

#[component]
pub fn ManageAlertPage() -> impl IntoView {
    view! { <WithPublicView render=move |view| view! { <ManageAlert names=department_names(&view)/> }/> }
}

#[component]
fn ManageAlert(names: Vec<(DepartmentCode, String)>) -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "alerts-manage-title");
    let flash = form_flash().unwrap_or_default();
    let shown = flash.clone();
    let body = move |AlertLink {
                         token,
                         subscription,
                     }: AlertLink| match subscription {
        None => dead_link(lang),
        Some(s) => {
            let flash = shown.clone();
            let names = names.clone();
            let webhook = s.channel == Channel::Webhook;
            let sub_lang = Lang::parse(&s.lang).unwrap_or(lang);
            let chosen = Chosen::from_flash(&flash, lang)
                .unwrap_or_else(|| Chosen::from_filters(&s.filters, s.digest, sub_lang));
            let state_note = match s.state {
                State::Pending => Some(t(lang, "alerts-state-pending")),
                State::Paused => Some(t(lang, "alerts-state-paused")),
                State::Bounced => Some(t(lang, "alerts-state-bounced")),
                State::Active => None,
            };
            let paused = s.state == State::Paused;
            view! {
                <p>{describe(lang, &s)}</p>
                {state_note.map(|n| view! { <p class="form-error" role="status">{n}</p> })}
                <p>{t(lang, "alerts-manage-what")}</p>
                {followed_choices(lang, &s, &names)}
                <form method="post" action="/alerts/manage" class="claim-form alerts-form">
                    <input type="hidden" name="token" value=token.clone()/>
                    <input type="hidden" name="action" value="save"/>
                    {webhook.then(|| view! {
                        <FormField name="contact" label=t(lang, "alerts-contact") value=s.contact.clone().unwrap_or_default()
                            hint=t(lang, "alerts-contact-hint") problems=flash.errors_for("contact") input=Input::Line("email")/>
                    })}
                    <FilterFields chosen flash=flash.clone() names=names.clone() webhook/>
                    <button type="submit">{t(lang, "alerts-save")}</button>
                </form>
                {webhook.then(|| view! {
                    <h2>{t(lang, "alerts-webhook-heading")}</h2>
                    <form method="post" action="/alerts/manage" class="inline-form">
                        <input type="hidden" name="token" value=token.clone()/>
                        <button type="submit" name="action" value="rotate">{t(lang, "alerts-rotate")}</button>
                        " "
                        <button type="submit" name="action" value=if paused { "resume" } else { "pause" }>
                            {t(lang, if paused { "alerts-resume" } else { "alerts-pause" })}
                        </button>
                    </form>
                    <p class="hint">{t(lang, "alerts-rotate-hint")}</p>
                })}
                <h2>{t(lang, "alerts-delete-heading")}</h2>
                <form method="post" action="/alerts/manage" class="inline-form">
                    <input type="hidden" name="token" value=token.clone()/>
                    <button type="submit" name="action" value="delete" class="danger">{t(lang, "alerts-delete")}</button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <ShownOnce flash=flash.clone()/>
            <WithAlertLink purpose=AlertLinkPurpose::Manage render=body/>
        </Layout>
    }
}

#[component]
pub fn UnsubscribeAlertPage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "alerts-unsubscribe-title");
    let body = move |AlertLink {
                         token,
                         subscription,
                     }: AlertLink| {
        match subscription {
        Some(s) => view! {
            <p>{describe(lang, &s)}</p>
            <form method="post" action=format!("/alerts/unsubscribe?token={token}") class="inline-form">
                <button type="submit">{t(lang, "alerts-unsubscribe-button")}</button>
            </form>
        }
        .into_any(),
        None => view! { <p role="status">{t(lang, "alerts-unsubscribed-already")}</p> }.into_any(),
    }
    };
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <WithAlertLink purpose=AlertLinkPurpose::Unsubscribe render=body/>
        </Layout>
    }
}

#[component]
pub fn UnsubscribedPage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "alerts-unsubscribed-title");
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <p role="status">{t(lang, "alerts-unsubscribed-body")}</p>
            <p><a href="/alerts">{t(lang, "alerts-subscribe-again")}</a></p>
        </Layout>
    }
}
