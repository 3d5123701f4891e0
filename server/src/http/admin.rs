//! The admin's work: invite people (with a one-time link to set a password), disable or
//! re-enable them, change which departments they act for, and hide abusive text from the
//! public. Each change is audited by the store.

use axum::extract::{Path, State};
use axum::response::Redirect;
use tower_sessions::Session;

use app::context::FormFlash;
use vigia::drafts::{self, AccountDraft};
use vigia::new_claim::Problem;
use vigia::ports::{AccountWriter, ComplianceWriter, HideTarget, WriteError};

use super::error::PageError;
use super::form::Fields;
use super::viewer::leave_flash;
use crate::auth::{AuthSession, User};
use crate::state::AppState;

const USERS_PAGE: &str = "/admin/users";

/// The signed-in admin, for the admin pages' form posts (`page` is where they come from).
pub fn admin(auth_session: &AuthSession, page: &str) -> Result<User, PageError> {
    match &auth_session.user {
        None => Err(PageError::SignIn(page.to_owned())),
        Some(user) if user.actor().may_manage_users() => Ok(user.clone()),
        Some(user) => {
            tracing::warn!(user = user.id, page, "admin work refused");
            Err(PageError::Forbidden)
        }
    }
}

fn to_errors(errors: Vec<vigia::new_claim::FieldError>) -> Vec<(String, Problem)> {
    errors
        .into_iter()
        .map(|e| (e.field.to_owned(), e.problem))
        .collect()
}

/// `POST /admin/users`: creates the account and shows its one-time link once.
pub async fn invite(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let admin = admin(&auth_session, USERS_PAGE)?;
    let draft = AccountDraft {
        email: fields.value("email").to_owned(),
        display_name: fields.value("display_name").to_owned(),
        role: fields.value("role").to_owned(),
        departments: fields.values("department").map(str::to_owned).collect(),
    };
    let mut flash = FormFlash {
        path: USERS_PAGE.into(),
        fields: fields.0.clone(),
        ..FormFlash::default()
    };
    match draft.validate() {
        Err(errors) => flash.errors = to_errors(errors),
        Ok(account) => match state.store.add_account(Some(admin.id), account).await {
            Ok((_, token)) => {
                flash.fields = vec![(
                    "link".into(),
                    format!("{}/account/set-password?token={token}", state.public_url),
                )];
                flash.notice = Some("admin-invited".into());
            }
            Err(WriteError::EmailTaken) => {
                flash.errors = vec![("email".into(), Problem::EmailTaken)];
            }
            Err(error) => return Err(error.into()),
        },
    }
    leave_flash(&session, flash).await;
    Ok(Redirect::to(USERS_PAGE))
}

/// Sends the admin back to the account they changed, or with the problem beside it.
async fn back_to_account(session: &Session, id: i64, errors: Vec<(String, Problem)>) -> Redirect {
    if !errors.is_empty() {
        let flash = FormFlash {
            path: USERS_PAGE.into(),
            errors,
            ..FormFlash::default()
        };
        leave_flash(session, flash).await;
    }
    Redirect::to(&format!("{USERS_PAGE}#user-{id}"))
}

/// `POST /admin/users/{id}/access`: `action=disable` or `action=enable`, with a reason.
pub async fn set_access(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let admin = admin(&auth_session, USERS_PAGE)?;
    let disabled = match fields.value("action") {
        "disable" => true,
        "enable" => false,
        _ => return Err(PageError::BadRequest),
    };
    let field = format!("reason-{id}");
    if disabled && id == admin.id {
        return Ok(back_to_account(&session, id, vec![(field, Problem::NotSelf)]).await);
    }
    let reason = match drafts::optional_reason("reason", fields.value("reason")) {
        Ok(reason) => reason,
        Err(errors) => {
            let errors = errors
                .into_iter()
                .map(|e| (field.clone(), e.problem))
                .collect();
            return Ok(back_to_account(&session, id, errors).await);
        }
    };
    state
        .store
        .set_access(admin.id, id, disabled, reason)
        .await?;
    Ok(back_to_account(&session, id, Vec::new()).await)
}

/// `POST /admin/users/{id}/scope`: the departments the person acts for, replacing the old.
pub async fn set_scope(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let admin = admin(&auth_session, USERS_PAGE)?;
    let role = state
        .store
        .account_role(id)
        .await?
        .ok_or(PageError::NotFound)?;
    let codes: Vec<String> = fields.values("department").map(str::to_owned).collect();
    match drafts::rescope(role, &codes) {
        Ok(departments) => {
            state.store.set_scope(admin.id, id, departments).await?;
            Ok(back_to_account(&session, id, Vec::new()).await)
        }
        Err(errors) => {
            let errors = errors
                .into_iter()
                .map(|e| (format!("scope-{id}"), e.problem))
                .collect();
            Ok(back_to_account(&session, id, errors).await)
        }
    }
}

/// `POST /hide/{kind}/{id}`: hides an abusive reply, suggestion or claim note from the public
/// with a stated reason; the history keeps the entry, the text's hash and the reason.
pub async fn hide(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path((kind, id)): Path<(String, i64)>,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let back = super::local_path(fields.value("next"));
    let admin = admin(&auth_session, &back)?;
    let target = match kind.as_str() {
        "reply" => HideTarget::Reply(id),
        "suggestion" => HideTarget::Suggestion(id),
        "claim" => HideTarget::ClaimNote(id),
        _ => return Err(PageError::NotFound),
    };
    let reason = match drafts::reason("reason", fields.value("reason")) {
        Ok(reason) => reason,
        Err(errors) => {
            let path = back.split('#').next().unwrap_or("/").to_owned();
            let flash = FormFlash {
                path,
                errors: errors
                    .into_iter()
                    .map(|e| (format!("hide-{}", target.subject()), e.problem))
                    .collect(),
                ..FormFlash::default()
            };
            leave_flash(&session, flash).await;
            return Ok(Redirect::to(&back));
        }
    };
    state.store.hide_text(admin.id, target, reason).await?;
    Ok(Redirect::to(&back))
}
