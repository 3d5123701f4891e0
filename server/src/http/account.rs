//! Signing in and out, and setting a password through a one-time link. Plain form posts
//! with redirects, so they work without JavaScript.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_login::AuthnBackend;
use serde::Deserialize;

use super::client::{limit_key, ClientAddress};
use super::error::PageError;
use super::form::Fields;
use crate::auth::{self, AuthSession, Credentials, MIN_PASSWORD_LENGTH};
use crate::state::AppState;
use vigia::ports::{AccountWriter, WriteError};
use vigia::text;

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    mut auth_session: AuthSession,
    fields: Fields,
) -> Result<Response, PageError> {
    let form: SignInForm = fields.parse()?;
    let next = super::local_path(&form.next);
    let email = text::neutralise(&form.email, text::EMAIL).to_lowercase();
    let retry = |error: &str| {
        Redirect::to(&format!(
            "/signin?error={error}&email={}&next={}",
            app::format::query_value(&email),
            app::format::query_value(&next)
        ))
        .into_response()
    };
    let address = limit_key(client);
    let now = state.clock.now();
    // Checked before the password, and a limited attempt reads like any other failure plus a
    // request to wait, whether or not the account exists.
    if !state.sign_in_throttle.allows(&email, address, now) {
        return Ok(retry("too-many"));
    }
    if form.password.chars().count() > text::PASSWORD.max_chars {
        state.sign_in_throttle.failed(&email, address, now);
        return Ok(retry("invalid"));
    }
    let credentials = Credentials {
        email: email.clone(),
        password: form.password,
    };
    match auth_session.authenticate(credentials).await {
        Ok(Some(user)) => {
            state.sign_in_throttle.succeeded(&email, address);
            // A new session id at every sign-in, even over someone else's session.
            auth_session
                .session
                .cycle_id()
                .await
                .map_err(|e| PageError::Internal(e.into()))?;
            auth_session.login(&user).await.map_err(|e| {
                PageError::Internal(anyhow::anyhow!("could not start a session: {e}"))
            })?;
            Ok(Redirect::to(&next).into_response())
        }
        Ok(None) => {
            state.sign_in_throttle.failed(&email, address, now);
            Ok(retry("invalid"))
        }
        Err(error) => {
            tracing::error!(error = ?error, "sign-in failed");
            Ok(retry("unavailable"))
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

pub async fn set_password(
    State(state): State<AppState>,
    mut auth_session: AuthSession,
    fields: Fields,
) -> Result<Response, PageError> {
    let form: SetPasswordForm = fields.parse()?;
    let token = text::neutralise(&form.token, text::CHOICE);
    let retry = |error: &str| {
        Redirect::to(&format!(
            "/account/set-password?token={}&error={error}",
            app::format::query_value(&token)
        ))
        .into_response()
    };
    let length = form.password.chars().count();
    if length < MIN_PASSWORD_LENGTH {
        return Ok(retry("too-short"));
    }
    if length > text::PASSWORD.max_chars {
        return Ok(retry("too-long"));
    }
    if form.password != form.confirm {
        return Ok(retry("mismatch"));
    }
    let Ok(hash) = auth::hash_password(form.password).await else {
        return Ok(retry("unavailable"));
    };
    let user_id = match state.store.redeem_sign_in_link(&token, hash).await {
        Ok(user_id) => user_id,
        Err(WriteError::NotFound) => return Ok(retry("invalid-link")),
        Err(_) => return Ok(retry("unavailable")),
    };
    // The person is signed in with the password they just chose, in a new session.
    let user = auth_session.backend.get_user(&user_id).await.ok().flatten();
    if let Some(user) = user {
        if auth_session.session.cycle_id().await.is_ok() && auth_session.login(&user).await.is_ok()
        {
            return Ok(Redirect::to("/").into_response());
        }
    }
    Ok(Redirect::to("/signin").into_response())
}
