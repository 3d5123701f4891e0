//! Alert subscriptions without an account: the form at `/alerts`, the links every message
//! carries (confirm, manage, unsubscribe, each a signed token), and the one-click
//! unsubscribe that mail providers post with no cookie and no Origin (RFC 8058).

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use app::flash::FormFlash;
use vigia::new_claim::Problem;
use vigia::ports::{ComplianceReader, WriteError};
use vigia::subscriptions::{is_public_address, Channel, NewSubscription, SubscriptionDraft};

use super::client::ClientAddress;
use super::error::PageError;
use super::flash::{back_if_known, leave_flash, said};
use super::form::Fields;
use crate::alerts::webhook::new_secret;
use crate::http::state::AppState;
use crate::signing::Purpose;
use vigia_store::RateLimit;

pub const ALERTS_PAGE: &str = "/alerts";
const MANAGE_PAGE: &str = "/alerts/manage";
pub const UNSUBSCRIBE_PATH: &str = "/alerts/unsubscribe";
pub const UNSUBSCRIBED_PAGE: &str = "/alerts/unsubscribed";

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The subscription form's fields, as the domain checks them.
fn draft(fields: &Fields) -> SubscriptionDraft {
    let list = |name| fields.values(name).map(str::to_owned).collect();
    SubscriptionDraft {
        channel: fields.value("channel").to_owned(),
        address: fields.value("address").to_owned(),
        contact: fields.value("contact").to_owned(),
        scope: fields.value("scope").to_owned(),
        departments: list("departments"),
        kinds: list("kinds"),
        severities: list("severities"),
        thresholds: list("thresholds"),
        frequency: fields.value("frequency").to_owned(),
        lang: fields.value("lang").to_owned(),
        if_subscribed: fields.value("if_subscribed").to_owned(),
    }
}

fn problems(errors: Vec<vigia::new_claim::FieldError>) -> Vec<(String, Problem)> {
    errors
        .into_iter()
        .map(|e| (e.field.to_owned(), e.problem))
        .collect()
}

/// `POST /alerts`: an email subscription gets the same answer whether or not the address is
/// known; a webhook is tested before anything is stored, and its secret shown once.
pub async fn subscribe(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    session: Session,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let mut flash = FormFlash {
        path: ALERTS_PAGE.into(),
        fields: fields.0.clone(),
        ..FormFlash::default()
    };
    // Every post counts, refused or not; a refused one keeps nothing for a client without
    // a session, so dropping cookies does not create a session per post.
    if !state.allowance(RateLimit::AlertForms, client).await? {
        flash.errors = vec![("address".into(), Problem::TooMany)];
        return Ok(back_if_known(&session, flash, ALERTS_PAGE).await);
    }
    match draft(&fields).validate(state.settings.webhook_allow_private) {
        Err(errors) => flash.errors = problems(errors),
        Ok(new) if new.channel == Channel::Email => {
            state.store.request_email_subscription(&new).await?;
            // The page shows where the link went, and can send the same request again.
            flash.fields.push(("requested".into(), "email".into()));
        }
        Ok(new) => add_webhook(&state, &new, &mut flash).await?,
    }
    leave_flash(&session, flash).await;
    Ok(Redirect::to(ALERTS_PAGE))
}

/// Why a webhook's host may not be called, if it may not: a name that does not resolve
/// and a private address get different messages (checked again when each delivery
/// connects).
async fn host_problem(address: &str) -> Option<Problem> {
    let Some(url) = reqwest::Url::parse(address).ok() else {
        return Some(Problem::InvalidUrl);
    };
    let Some(host) = url.host_str() else {
        return Some(Problem::InvalidUrl);
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = host.parse() {
        return (!is_public_address(ip)).then_some(Problem::WebhookNotPublic);
    }
    let port = url.port_or_known_default().unwrap_or(443);
    let resolved: Vec<std::net::SocketAddr> = match tokio::net::lookup_host((host, port)).await {
        Ok(addresses) => addresses.collect(),
        Err(_) => return Some(Problem::WebhookUnknownHost),
    };
    if resolved.is_empty() {
        Some(Problem::WebhookUnknownHost)
    } else if resolved.iter().all(|a| is_public_address(a.ip())) {
        None
    } else {
        Some(Problem::WebhookNotPublic)
    }
}

async fn add_webhook(
    state: &AppState,
    new: &NewSubscription,
    flash: &mut FormFlash,
) -> Result<(), PageError> {
    if !state.settings.webhook_allow_private {
        if let Some(problem) = host_problem(&new.address).await {
            flash.errors = vec![("address".into(), problem)];
            return Ok(());
        }
    }
    let secret = new_secret();
    let test_id = format!("msg_test-{}", hex::encode(rand::random::<[u8; 8]>()));
    let body = crate::present::webhook_payload(
        "vigia.test",
        None,
        &[],
        &*state.store.snapshot().await?,
        &state.public_url,
    );
    if let Err(error) = state
        .alerts
        .webhooks()
        .post(&new.address, &test_id, &body, std::slice::from_ref(&secret))
        .await
    {
        flash.errors = vec![("address".into(), Problem::WebhookFailed)];
        flash.fields.push(("webhook_error".into(), error.0));
        return Ok(());
    }
    match state.store.add_webhook(new, &secret).await {
        Ok(id) => {
            let token = state.signer.sign(Purpose::ManageSubscription, id, None);
            flash.fields = vec![
                ("secret".into(), secret),
                (
                    "manage".into(),
                    format!("{}{MANAGE_PAGE}?token={token}", state.public_url),
                ),
            ];
            flash.message = Some(said("alerts-webhook-created", &[]));
            tracing::info!(subscription = id, "webhook subscription created");
        }
        Err(WriteError::Conflict) => flash.errors = vec![("address".into(), Problem::WebhookTaken)],
        Err(error) => return Err(error.into()),
    }
    Ok(())
}

/// The subscription a posted token opens, or a page saying the link no longer works.
async fn opened(
    state: &AppState,
    purpose: Purpose,
    token: &str,
    client: std::net::IpAddr,
) -> Result<i64, PageError> {
    if !state.allowance(RateLimit::AlertLinks, client).await? {
        return Err(PageError::TooMany);
    }
    state
        .signer
        .verify(purpose, token, state.store.now())
        .ok_or(PageError::NotFound)
}

/// `POST /alerts/confirm`: the button on the confirmation page (a GET of the link confirms
/// nothing, as mail scanners fetch links).
pub async fn confirm(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    session: Session,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let id = opened(
        &state,
        Purpose::ConfirmSubscription,
        fields.value("token"),
        client,
    )
    .await?;
    let confirmed = state.store.confirm_subscription(id).await?;
    let still_there = state.store.subscription(id).await?.is_some();
    if !confirmed && !still_there {
        return Err(PageError::NotFound);
    }
    let token = state.signer.sign(Purpose::ManageSubscription, id, None);
    let page = format!("{MANAGE_PAGE}?token={token}");
    let flash = FormFlash {
        path: MANAGE_PAGE.into(),
        message: Some(said(
            if confirmed {
                "alerts-confirmed"
            } else {
                "alerts-confirmed-already"
            },
            &[],
        )),
        ..FormFlash::default()
    };
    leave_flash(&session, flash).await;
    Ok(Redirect::to(&page))
}

/// `POST /alerts/apply`: the button under the choices an emailed change link shows; then
/// the manage page, which shows what the address receives now.
pub async fn apply(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    session: Session,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let token = fields.value("token");
    let change = opened(&state, Purpose::ApplySubscriptionChange, token, client).await?;
    match state.store.apply_subscription_change(change).await {
        Ok(id) => {
            let manage = state.signer.sign(Purpose::ManageSubscription, id, None);
            let flash = FormFlash::done(MANAGE_PAGE, said("alerts-apply-done", &[]));
            leave_flash(&session, flash).await;
            Ok(Redirect::to(&format!("{MANAGE_PAGE}?token={manage}")))
        }
        // Applied already: its page says so.
        Err(WriteError::Conflict) => Ok(Redirect::to(&format!("/alerts/apply?token={token}"))),
        Err(WriteError::NotFound) => Err(PageError::NotFound),
        Err(error) => Err(error.into()),
    }
}

/// `POST /alerts/unsubscribe?token=…`: one click, from the page or straight from the mail
/// provider (`List-Unsubscribe=One-Click`). The token is the only credential needed. The
/// answer is the page itself, not a redirect: RFC 8058 (3.1) says the sender "MUST NOT
/// return an HTTPS redirect".
pub async fn unsubscribe(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Query(query): Query<TokenQuery>,
    headers: http::HeaderMap,
    fields: Fields,
) -> Result<Response, PageError> {
    let token = match query.token.as_str() {
        "" => fields.value("token").to_owned(),
        token => token.to_owned(),
    };
    let id = opened(&state, Purpose::Unsubscribe, &token, client).await?;
    state.store.delete_subscription(id).await?;
    let lang = super::lang::request_lang(None, &headers);
    let page = app::error_page::notice(
        lang,
        &app::i18n::t(lang, "alerts-unsubscribed-title"),
        &app::i18n::t(lang, "alerts-unsubscribed-body"),
        (ALERTS_PAGE, app::i18n::t(lang, "alerts-subscribe-again")),
        &state.stylesheet,
    );
    Ok((
        [
            (http::header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (http::header::CACHE_CONTROL, "private, no-store"),
        ],
        page,
    )
        .into_response())
}

/// `POST /alerts/manage`: the owner's changes, by the token in their messages: save the
/// filters, delete, and for webhooks rotate the secret, pause or resume.
pub async fn manage(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    session: Session,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let token = fields.value("token").to_owned();
    let id = opened(&state, Purpose::ManageSubscription, &token, client).await?;
    let subscription = state
        .store
        .subscription(id)
        .await?
        .ok_or(PageError::NotFound)?;
    let page = format!("{MANAGE_PAGE}?token={token}");
    let mut flash = FormFlash {
        path: MANAGE_PAGE.into(),
        ..FormFlash::default()
    };
    let webhook = subscription.channel == Channel::Webhook;
    match fields.value("action") {
        "delete" => {
            state.store.delete_subscription(id).await?;
            return Ok(Redirect::to(UNSUBSCRIBED_PAGE));
        }
        "rotate" if webhook => {
            let secret = new_secret();
            state.store.rotate_webhook_secret(id, &secret).await?;
            flash.fields = vec![("secret".into(), secret)];
            flash.message = Some(said("alerts-secret-rotated", &[]));
        }
        "pause" | "resume" if webhook => {
            let running = fields.value("action") == "resume";
            state.store.set_webhook_running(id, running).await?;
            flash.message = Some(said(
                if running {
                    "alerts-resumed"
                } else {
                    "alerts-paused"
                },
                &[],
            ));
        }
        "save" => {
            let mut draft = draft(&fields);
            draft.channel = subscription.channel.slug().to_owned();
            draft.address = subscription.address.clone();
            if !webhook {
                draft.contact = String::new();
            }
            match draft.validate(true) {
                Ok(new) => {
                    state.store.update_subscription(id, &new).await?;
                    flash.message = Some(said("alerts-saved", &[]));
                }
                Err(errors) => {
                    flash.fields = fields.0.clone();
                    flash.errors = problems(errors);
                }
            }
        }
        _ => return Err(PageError::BadRequest),
    }
    leave_flash(&session, flash).await;
    Ok(Redirect::to(&page))
}

const ADMIN_ALERTS_PAGE: &str = "/admin/alerts";

/// Back to the admins' page, saying what happened.
async fn back_to_admin(session: &Session, notice: &'static str) -> Redirect {
    let flash = FormFlash::done(ADMIN_ALERTS_PAGE, said(notice, &[]));
    leave_flash(session, flash).await;
    Redirect::to(ADMIN_ALERTS_PAGE)
}

/// `POST /admin/alerts/deliveries/{id}/retry`: a failed delivery goes back in the queue.
pub async fn retry(
    State(state): State<AppState>,
    auth_session: crate::auth::AuthSession,
    session: Session,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Result<Redirect, PageError> {
    super::admin::admin(&auth_session, ADMIN_ALERTS_PAGE)?;
    let notice = match state.store.retry_delivery(id).await? {
        true => "alerts-admin-retried",
        false => "alerts-admin-not-failed",
    };
    Ok(back_to_admin(&session, notice).await)
}

/// `POST /admin/alerts/webhooks/{id}/resume`: a paused webhook sends what waited.
pub async fn resume(
    State(state): State<AppState>,
    auth_session: crate::auth::AuthSession,
    session: Session,
    axum::extract::Path(id): axum::extract::Path<i64>,
) -> Result<Redirect, PageError> {
    super::admin::admin(&auth_session, ADMIN_ALERTS_PAGE)?;
    let notice = match state.store.set_webhook_running(id, true).await? {
        true => "alerts-resumed",
        false => "alerts-admin-not-paused",
    };
    Ok(back_to_admin(&session, notice).await)
}
