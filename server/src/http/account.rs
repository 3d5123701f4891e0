//! Signing in and out, and setting a password through a one-time link. Plain form posts
//! with redirects, so they work without JavaScript; a refusal comes back through the flash
//! (with the email typed), and signing in lands on the dashboard unless `next` says where.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_login::AuthnBackend;
use serde::Deserialize;

use app::flash::FormFlash;
use tower_sessions::Session;

use super::client::{limit_key, ClientAddress};
use super::error::PageError;
use super::flash::{back_if_known, back_with, confirm, refused_because};
use super::form::Fields;
use super::metrics::Refusal;
use crate::auth::{AuthSession, BackendError, Credentials, HashError, MIN_PASSWORD_LENGTH};
use crate::http::state::AppState;
use vigia::new_claim::Problem;
use vigia::ports::{AccountWriter, WriteError};
use vigia::text;
use vigia_store::RateLimit;

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

const SIGN_IN: &str = "/signin";
const SET_PASSWORD: &str = "/account/set-password";
/// Where signing in (or choosing a password) lands when nothing else was asked for.
const LANDING: &str = "/dashboard";

/// Back to the sign-in form with why, keeping the email typed and where to go next.
async fn retry_sign_in(session: &Session, key: &'static str, email: &str, next: &str) -> Response {
    let refused = FormFlash::refused(
        SIGN_IN,
        vec![("email".into(), email.to_owned())],
        Vec::new(),
    )
    .with_message(refused_because(key));
    let target = format!("{SIGN_IN}?next={}", app::format::query_value(next));
    // A throttled attempt says so only to a browser that kept its session.
    if key == "signin-error-too-many" {
        return back_if_known(session, refused, &target)
            .await
            .into_response();
    }
    back_with(session, refused, &target).await.into_response()
}

/// Back to the password form with why, keeping the one-time link's token in the address.
async fn retry_password(session: &Session, key: &'static str, token: &str) -> Response {
    // Passwords never come back; the field they differ in says so.
    let errors = match key {
        "password-error-mismatch" => vec![("confirm".to_owned(), Problem::PasswordsDiffer)],
        _ => Vec::new(),
    };
    let refused =
        FormFlash::refused(SET_PASSWORD, Vec::new(), errors).with_message(refused_because(key));
    let target = format!("{SET_PASSWORD}?token={}", app::format::query_value(token));
    // A rate-limited post says so only to a browser that kept its session.
    if key == "password-error-too-many" {
        return back_if_known(session, refused, &target)
            .await
            .into_response();
    }
    back_with(session, refused, &target).await.into_response()
}

/// A password hash that could not run: busy (503 with `Retry-After`, counted) or failed.
pub(super) fn hashing_failed(state: &AppState, error: HashError) -> PageError {
    match error {
        HashError::Busy => {
            state.metrics.refuse(Refusal::HashQueueFull);
            PageError::Busy
        }
        HashError::Failed(cause) => PageError::Internal(anyhow::anyhow!(cause)),
    }
}

pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    mut auth_session: AuthSession,
    fields: Fields,
) -> Result<Response, PageError> {
    let form: SignInForm = fields.parse()?;
    let next = match form.next.trim() {
        "" => LANDING.to_owned(),
        next => super::local_path(next),
    };
    let email = text::neutralise(&form.email, text::EMAIL).to_lowercase();
    let session = auth_session.session.clone();
    let address = limit_key(client);
    // Checked before the password, and a limited attempt reads like any other failure plus a
    // request to wait, whether or not the account exists.
    if !state.store.sign_in_allowed(&email, address).await? {
        state.metrics.refuse(Refusal::RateLimit);
        return Ok(retry_sign_in(&session, "signin-error-too-many", &email, &next).await);
    }
    if form.password.chars().count() > text::PASSWORD.max_chars {
        state.store.sign_in_failed(&email, address).await?;
        return Ok(retry_sign_in(&session, "signin-error-invalid", &email, &next).await);
    }
    let credentials = Credentials {
        email: email.clone(),
        password: form.password,
    };
    match auth_session.authenticate(credentials).await {
        Ok(Some(user)) => {
            state.store.sign_in_succeeded(&email, address).await?;
            // A new session id at every sign-in, even over someone else's session.
            auth_session
                .session
                .cycle_id()
                .await
                .map_err(|e| PageError::Internal(e.into()))?;
            auth_session.login(&user).await.map_err(|e| {
                PageError::Internal(anyhow::anyhow!("could not start a session: {e}"))
            })?;
            let name = [("name", user.display_name.clone().into())];
            let done = confirm(&auth_session.session, &next, "done-signed-in", &name).await;
            Ok(done.into_response())
        }
        Ok(None) => {
            state.store.sign_in_failed(&email, address).await?;
            Ok(retry_sign_in(&session, "signin-error-invalid", &email, &next).await)
        }
        Err(axum_login::Error::Backend(BackendError::Hashing(error))) => {
            Err(hashing_failed(&state, error))
        }
        Err(error) => {
            tracing::error!(error = ?error, "sign-in failed");
            Ok(retry_sign_in(&session, "signin-error-unavailable", &email, &next).await)
        }
    }
}

pub async fn sign_out(mut auth_session: AuthSession) -> Result<Redirect, PageError> {
    auth_session
        .logout()
        .await
        .map_err(|e| PageError::Internal(anyhow::anyhow!("could not end a session: {e}")))?;
    Ok(Redirect::to("/"))
}

#[derive(Deserialize)]
pub struct SetPasswordForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// `POST /account/set-password`: the costly hash comes last, after the per-address limit and
/// the one-time link are checked, and within the hasher's bounds.
pub async fn set_password(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    mut auth_session: AuthSession,
    fields: Fields,
) -> Result<Response, PageError> {
    let form: SetPasswordForm = fields.parse()?;
    let token = text::neutralise(&form.token, text::CHOICE);
    let session = auth_session.session.clone();
    if !state.allowance(RateLimit::PasswordLinks, client).await? {
        return Ok(retry_password(&session, "password-error-too-many", &token).await);
    }
    if !state.store.sign_in_link_works(&token).await? {
        return Ok(retry_password(&session, "password-error-invalid-link", &token).await);
    }
    let length = form.password.chars().count();
    let problem = if length < MIN_PASSWORD_LENGTH {
        Some("password-error-too-short")
    } else if length > text::PASSWORD.max_chars {
        Some("password-error-too-long")
    } else if form.password != form.confirm {
        Some("password-error-mismatch")
    } else {
        None
    };
    if let Some(key) = problem {
        return Ok(retry_password(&session, key, &token).await);
    }
    let hash = match state.hasher.hash(form.password).await {
        Ok(hash) => hash,
        Err(error) => return Err(hashing_failed(&state, error)),
    };
    let user_id = match state.store.redeem_sign_in_link(&token, hash).await {
        Ok(user_id) => user_id,
        Err(WriteError::NotFound) => {
            return Ok(retry_password(&session, "password-error-invalid-link", &token).await)
        }
        Err(_) => return Ok(retry_password(&session, "password-error-unavailable", &token).await),
    };
    // The person is signed in with the password they just chose, in a new session.
    let user = auth_session.backend.get_user(&user_id).await.ok().flatten();
    if let Some(user) = user {
        if auth_session.session.cycle_id().await.is_ok() && auth_session.login(&user).await.is_ok()
        {
            let done = confirm(&auth_session.session, LANDING, "done-password-set", &[]);
            return Ok(done.await.into_response());
        }
    }
    Ok(Redirect::to(SIGN_IN).into_response())
}
