//! Leaving a page what a form post did, for the next request to it (see `app::flash`).

use axum::response::Redirect;
use tower_sessions::Session;

use app::flash::{FlashMessage, FormFlash};
use app::i18n::{tr, Arg};

/// Where a form leaves what the next page should show.
pub const FORM_FLASH_KEY: &str = "form_flash";

/// Leaves `flash` for the next request to its page, bounded whatever was sent.
pub async fn leave_flash(session: &Session, flash: FormFlash) {
    if let Err(error) = session
        .insert(FORM_FLASH_KEY, app::context::bounded(&flash))
        .await
    {
        tracing::error!(error = ?error, "could not keep a form for its page");
    }
}

/// Like [`back_with`], but only for a browser that already has a session: refusals a limit
/// answers (too many sign-ins or suggestions from one address) must not let a client that
/// drops its cookies create a new session with every request.
pub async fn back_if_known(session: &Session, flash: FormFlash, target: &str) -> Redirect {
    if session.id().is_some() {
        leave_flash(session, flash).await;
    }
    Redirect::to(target)
}

/// Leaves `flash` for its page and sends the browser to `target` (that page, perhaps with a
/// fragment pointing at what changed).
pub async fn back_with(session: &Session, flash: FormFlash, target: &str) -> Redirect {
    leave_flash(session, flash).await;
    Redirect::to(target)
}

/// Confirms on `target`'s page what was done, in the words of catalog message `key`.
pub async fn confirm(
    session: &Session,
    target: &str,
    key: &'static str,
    args: &[(&'static str, Arg)],
) -> Redirect {
    let flash = FormFlash::done(target, said(key, args));
    back_with(session, flash, target).await
}

/// A confirmation in both languages from catalog message `key`.
pub fn said(key: &'static str, args: &[(&'static str, Arg)]) -> FlashMessage {
    FlashMessage::done(|lang| tr(lang, key, args))
}

/// Why a form came back, in both languages, from catalog message `key`.
pub fn refused_because(key: &'static str) -> FlashMessage {
    FlashMessage::refused(|lang| tr(lang, key, &[]))
}
