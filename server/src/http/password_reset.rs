//! "¿Olvidó su contraseña?": `POST /account/forgot` emails a one-time link (an hour) to
//! choose a new password at `/account/set-password`, which ends the account's other
//! sessions. The answer on screen is the same, and as quick, whether or not the address has
//! an account: the lookup and the mail happen after it. Limited per client address (the
//! form) and per account (three working links at most).

use axum::extract::State;
use axum::response::Redirect;
use http::HeaderMap;
use tower_sessions::Session;

use app::flash::FormFlash;
use vigia::new_claim::Problem;
use vigia::text;
use vigia_store::RateLimit;

use super::client::ClientAddress;
use super::error::PageError;
use super::flash::{back_if_known, leave_flash, said};
use super::form::Fields;
use crate::alerts::letters::password_reset_letter;
use crate::http::state::AppState;

pub const FORGOT_PAGE: &str = "/account/forgot";

pub async fn forgot(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    session: Session,
    headers: HeaderMap,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let email = text::neutralise(fields.value("email"), text::EMAIL).to_lowercase();
    let mut flash = FormFlash {
        path: FORGOT_PAGE.into(),
        fields: vec![("email".into(), email.clone())],
        ..FormFlash::default()
    };
    if !state.allowance(RateLimit::PasswordResets, client).await? {
        flash.errors = vec![("email".into(), Problem::TooMany)];
        return Ok(back_if_known(&session, flash, FORGOT_PAGE).await);
    }
    if !email.contains('@') {
        flash.errors = vec![("email".into(), Problem::InvalidEmail)];
        return Ok(back_if_known(&session, flash, FORGOT_PAGE).await);
    }
    let lang = super::lang::request_lang(None, &headers);
    let (store, alerts, base) = (
        state.store.clone(),
        state.alerts.clone(),
        state.public_url.clone(),
    );
    let to = email.clone();
    tokio::spawn(async move {
        match store.password_reset_link(&to).await {
            Ok(Some(token)) => {
                let link = format!("{base}/account/set-password?token={token}");
                let letter = password_reset_letter(lang, &link);
                if let Err(error) = alerts.send_account_letter(&to, &letter, lang).await {
                    tracing::warn!(%error, "a password reset link could not be sent");
                }
            }
            Ok(None) => {}
            Err(error) => tracing::error!(?error, "a password reset link could not be made"),
        }
    });
    flash.message = Some(said("reset-sent", &[]));
    leave_flash(&session, flash).await;
    Ok(Redirect::to(FORGOT_PAGE))
}
