//! `POST /account/password`: a signed-in person changes their password. The current one is
//! checked under the sign-in lock-out rules (the same failures, counted per account and
//! address), the cheap checks come before any hashing, and the change ends every other
//! session of the account (their auth hash includes the password's) and its unused links.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum_login::AuthnBackend;
use serde::Deserialize;

use app::flash::FormFlash;
use vigia::new_claim::Problem;
use vigia::ports::AccountWriter;
use vigia::text;

use super::account::hashing_failed;
use super::client::{limit_key, ClientAddress};
use super::error::PageError;
use super::flash::{back_if_known, confirm, refused_because};
use super::form::{signed_in, Fields};
use super::metrics::Refusal;
use crate::auth::{AuthSession, BackendError, Credentials, MIN_PASSWORD_LENGTH};
use crate::http::state::AppState;

pub const CHANGE_PASSWORD: &str = "/account/password";

#[derive(Deserialize)]
pub struct ChangePasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// What is wrong with the new password, before anything costly runs.
fn new_password_problem(form: &ChangePasswordForm) -> Option<(&'static str, Problem)> {
    let length = form.password.chars().count();
    if length < MIN_PASSWORD_LENGTH {
        Some(("password", Problem::PasswordTooShort))
    } else if length > text::PASSWORD.max_chars {
        Some((
            "password",
            Problem::TooLong(text::PASSWORD.max_chars as u32),
        ))
    } else if form.password != form.confirm {
        Some(("confirm", Problem::PasswordsDiffer))
    } else {
        None
    }
}

/// Back to the form with why. Passwords never come back; the field at fault says so.
async fn retry(
    auth_session: &AuthSession,
    key: &'static str,
    field: Option<(&'static str, Problem)>,
) -> Response {
    let errors = field
        .map(|(name, problem)| vec![(name.to_owned(), problem)])
        .unwrap_or_default();
    let refused =
        FormFlash::refused(CHANGE_PASSWORD, Vec::new(), errors).with_message(refused_because(key));
    back_if_known(&auth_session.session, refused, CHANGE_PASSWORD)
        .await
        .into_response()
}

pub async fn change_password(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    mut auth_session: AuthSession,
    fields: Fields,
) -> Result<Response, PageError> {
    let user = signed_in(&auth_session, CHANGE_PASSWORD)?;
    let form: ChangePasswordForm = fields.parse()?;
    let address = limit_key(client);
    if !state.store.sign_in_allowed(&user.email, address).await? {
        state.metrics.refuse(Refusal::RateLimit);
        let too_many = Some(("current", Problem::TooMany));
        return Ok(retry(&auth_session, "signin-error-too-many", too_many).await);
    }
    if form.current.chars().count() > text::PASSWORD.max_chars {
        state.store.sign_in_failed(&user.email, address).await?;
        let wrong = Some(("current", Problem::WrongPassword));
        return Ok(retry(&auth_session, "password-change-error-current", wrong).await);
    }
    if let Some(problem) = new_password_problem(&form) {
        return Ok(retry(&auth_session, "password-change-error-new", Some(problem)).await);
    }
    let credentials = Credentials {
        email: user.email.clone(),
        password: form.current,
    };
    match auth_session.authenticate(credentials).await {
        Ok(Some(_)) => {}
        Ok(None) => {
            state.store.sign_in_failed(&user.email, address).await?;
            let wrong = Some(("current", Problem::WrongPassword));
            return Ok(retry(&auth_session, "password-change-error-current", wrong).await);
        }
        Err(axum_login::Error::Backend(BackendError::Hashing(error))) => {
            return Err(hashing_failed(&state, error))
        }
        Err(error) => return Err(PageError::Internal(anyhow::anyhow!("{error}"))),
    }
    state.store.sign_in_succeeded(&user.email, address).await?;
    let hash = state
        .hasher
        .hash(form.password)
        .await
        .map_err(|error| hashing_failed(&state, error))?;
    if state.store.change_password(user.id, hash).await.is_err() {
        return Ok(retry(&auth_session, "password-error-unavailable", None).await);
    }
    // This session goes on under the new password, with a new id; the others end.
    let renewed = auth_session.backend.get_user(&user.id).await.ok().flatten();
    let Some(renewed) = renewed else {
        return Err(PageError::SignIn(CHANGE_PASSWORD.to_owned()));
    };
    auth_session
        .session
        .cycle_id()
        .await
        .map_err(|e| PageError::Internal(e.into()))?;
    auth_session
        .login(&renewed)
        .await
        .map_err(|e| PageError::Internal(anyhow::anyhow!("could not renew a session: {e}")))?;
    let done = confirm(
        &auth_session.session,
        "/dashboard",
        "done-password-changed",
        &[],
    );
    Ok(done.await.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(password: &str, confirm: &str) -> ChangePasswordForm {
        ChangePasswordForm {
            current: "whatever it was".into(),
            password: password.into(),
            confirm: confirm.into(),
        }
    }

    #[test]
    fn a_new_password_is_long_enough_bounded_and_typed_twice_alike() {
        let short = new_password_problem(&form("corta", "corta"));
        assert_eq!(short, Some(("password", Problem::PasswordTooShort)));
        let huge = "x".repeat(text::PASSWORD.max_chars + 1);
        let long = new_password_problem(&form(&huge, &huge));
        assert!(matches!(long, Some(("password", Problem::TooLong(_)))));
        let differ = new_password_problem(&form("una frase larga", "otra frase larga"));
        assert_eq!(differ, Some(("confirm", Problem::PasswordsDiffer)));
        assert_eq!(
            new_password_problem(&form("una frase larga", "una frase larga")),
            None
        );
    }
}
