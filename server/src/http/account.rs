//! Signing in and out, and setting a password through a one-time link. Plain form posts
//! with redirects, so they work without JavaScript.

use axum::extract::{ConnectInfo, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

use axum_login::AuthnBackend;

use crate::auth::{self, AuthSession, Credentials, MIN_PASSWORD_LENGTH};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    mut auth_session: AuthSession,
    Form(form): Form<SignInForm>,
) -> Response {
    let next = super::local_path(&form.next).to_owned();
    let retry = |error: &str| {
        Redirect::to(&format!(
            "/signin?error={error}&email={}&next={}",
            app::format::query_value(form.email.trim()),
            app::format::query_value(&next)
        ))
        .into_response()
    };
    let account_key = form.email.trim().to_lowercase();
    // Both limits are checked before the password, and a limited attempt reads like any other
    // failure plus a request to wait, whether or not the account exists.
    if state
        .sign_in_limits
        .per_account
        .check_key(&account_key)
        .is_err()
        || state
            .sign_in_limits
            .per_client
            .check_key(&client.ip())
            .is_err()
    {
        return retry("too-many");
    }
    let credentials = Credentials {
        email: form.email.clone(),
        password: form.password.clone(),
    };
    match auth_session.authenticate(credentials).await {
        Ok(Some(user)) => match auth_session.login(&user).await {
            Ok(()) => Redirect::to(&next).into_response(),
            Err(error) => {
                tracing::error!(error = ?error, "could not start a session");
                retry("unavailable")
            }
        },
        Ok(None) => retry("invalid"),
        Err(error) => {
            tracing::error!(error = ?error, "sign-in failed");
            retry("unavailable")
        }
    }
}

pub async fn sign_out(mut auth_session: AuthSession) -> Response {
    if let Err(error) = auth_session.logout().await {
        tracing::error!(error = ?error, "could not end a session");
    }
    Redirect::to("/").into_response()
}

#[derive(Deserialize)]
pub struct SetPasswordForm {
    token: String,
    password: String,
    confirm: String,
}

pub async fn set_password(
    State(state): State<AppState>,
    mut auth_session: AuthSession,
    Form(form): Form<SetPasswordForm>,
) -> Response {
    let retry = |error: &str| {
        Redirect::to(&format!(
            "/account/set-password?token={}&error={error}",
            app::format::query_value(&form.token)
        ))
        .into_response()
    };
    if form.password.chars().count() < MIN_PASSWORD_LENGTH {
        return retry("too-short");
    }
    if form.password != form.confirm {
        return retry("mismatch");
    }
    let Ok(hash) = auth::hash_password(form.password.clone()).await else {
        return retry("unavailable");
    };
    let user_id =
        match auth::redeem_sign_in_token(state.store.pool(), &form.token, &hash, state.clock.now())
            .await
        {
            Ok(user_id) => user_id,
            Err(auth::TokenError::Invalid) => return retry("invalid-link"),
            Err(error) => {
                tracing::error!(error = ?error, "could not set a password");
                return retry("unavailable");
            }
        };
    // The person is signed in with the password they just chose.
    let user = auth_session.backend.get_user(&user_id).await.ok().flatten();
    match user {
        Some(user) if auth_session.login(&user).await.is_ok() => Redirect::to("/").into_response(),
        _ => Redirect::to("/signin").into_response(),
    }
}
