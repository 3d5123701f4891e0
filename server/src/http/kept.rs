//! A file that passed its checks survives its form coming back with errors: it is kept on
//! disk by its hash for a day (`vigia_store::documents::KeptFile`), named in the session
//! (one at a time, so a session holds at most one kept file), and the refused form says
//! "archivo conservado: informe.pdf (2,1 MB)" with a box to remove it. Re-sending 10 MB on a
//! rural connection takes minutes.

use tower_sessions::Session;

use app::flash::FormFlash;
use vigia::document::Upload;
use vigia_store::documents::KeptFile;

use super::form::SubmittedForm;
use super::state::AppState;

/// Where the session names its kept file.
const KEPT_KEY: &str = "kept_document";
/// The form's fields that carry it back: its hash (hidden), and the box that removes it.
const KEPT_FIELD: &str = "kept_document";
const DROP_FIELD: &str = "drop_kept_document";

/// The document a post brings: a new upload, else the file kept for this session's form
/// (unless the person ticked "quitar").
pub async fn document_of(
    state: &AppState,
    session: &Session,
    form: &mut SubmittedForm,
) -> Option<Upload> {
    if let Some(upload) = form.document.take() {
        return Some(upload);
    }
    let named = form.field(KEPT_FIELD);
    if named.is_empty() || form.field(DROP_FIELD) == "on" {
        return None;
    }
    let kept = session.get::<KeptFile>(KEPT_KEY).await.ok().flatten()?;
    if kept.sha256 != named {
        return None;
    }
    state.store.files().kept(&kept).await
}

/// Keeps `upload` for the form's next post, and names it in the refused form's fields.
pub async fn keep(state: &AppState, session: &Session, flash: &mut FormFlash, upload: &Upload) {
    flash
        .fields
        .retain(|(name, _)| !name.starts_with(KEPT_FIELD) && name != DROP_FIELD);
    let kept = match state.store.files().keep_for_form(upload).await {
        Ok(kept) => kept,
        Err(error) => {
            tracing::error!(error = ?error, "a checked file could not be kept for its form");
            return;
        }
    };
    if let Err(error) = session.insert(KEPT_KEY, &kept).await {
        tracing::error!(error = ?error, "a kept file could not be named in its session");
        return;
    }
    flash.fields.extend([
        (KEPT_FIELD.to_owned(), kept.sha256),
        (format!("{KEPT_FIELD}_name"), kept.filename),
        (format!("{KEPT_FIELD}_size"), kept.size.to_string()),
    ]);
}

/// The form was saved: nothing is kept for it any more (the file itself goes with the day).
pub async fn forget(session: &Session) {
    let _ = session.remove::<KeptFile>(KEPT_KEY).await;
}
