//! The admin's work: invite people (with a one-time link to set a password), disable (after a
//! confirmation step) or re-enable them, change which departments they act for, and hide
//! abusive text from the public. Each change is audited by the store and confirmed on the
//! next page.

use axum::extract::{Path, State};
use axum::response::Redirect;
use tower_sessions::Session;

use app::flash::FormFlash;
use app::i18n::Arg;
use vigia::drafts::{self, AccountDraft};
use vigia::new_claim::Problem;
use vigia::ports::{AccountWriter, ComplianceReader, ComplianceWriter, HideTarget, WriteError};
use vigia::DepartmentCode;

use super::error::PageError;
use super::flash::{back_with, confirm, said};
use super::form::{problems, Fields};
use crate::auth::{AuthSession, User};
use crate::http::state::AppState;

const USERS_PAGE: &str = "/admin/users";

/// The page that asks an admin to confirm disabling account `id`.
pub fn disable_page(id: i64) -> String {
    format!("{USERS_PAGE}/{id}/disable")
}

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
    let validated = draft.validate();
    let errors = match validated {
        Err(_) => problems(&validated),
        Ok(account) => {
            let name = account.display_name.clone();
            match state.store.add_account(Some(admin.id), account).await {
                Ok((_, token)) => {
                    let mut done = FormFlash::done(
                        USERS_PAGE,
                        said("done-user-invited", &[("name", name.into())]),
                    );
                    done.fields = vec![(
                        "link".into(),
                        format!("{}/account/set-password?token={token}", state.public_url),
                    )];
                    return Ok(back_with(&session, done, USERS_PAGE).await);
                }
                Err(WriteError::EmailTaken) => vec![("email".into(), Problem::EmailTaken)],
                Err(error) => return Err(error.into()),
            }
        }
    };
    let refused = FormFlash::refused(USERS_PAGE, fields.0, errors);
    Ok(back_with(&session, refused, &format!("{USERS_PAGE}#invite")).await)
}

/// The public name of account `id`, or 404.
async fn name_of(state: &AppState, id: i64) -> Result<String, PageError> {
    state
        .store
        .account_name(id)
        .await?
        .ok_or(PageError::NotFound)
}

/// `POST /admin/users/{id}/access`: `action=enable`, or `action=disable` with `confirm=yes`
/// from the confirmation page (without it, the admin is sent there first). The reason is
/// optional and public.
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
    let name = name_of(&state, id).await?;
    let back = format!("{USERS_PAGE}#user-{id}");
    if disabled && id == admin.id {
        let errors = vec![(format!("reason-{id}"), Problem::NotSelf)];
        let refused = FormFlash::refused(USERS_PAGE, Vec::new(), errors);
        return Ok(back_with(&session, refused, &back).await);
    }
    if disabled && fields.value("confirm") != "yes" {
        return Ok(Redirect::to(&disable_page(id)));
    }
    let reason = match drafts::optional_reason("reason", fields.value("reason")) {
        Ok(reason) => reason,
        Err(errors) => {
            let errors = errors
                .into_iter()
                .map(|e| (format!("reason-{id}"), e.problem))
                .collect();
            let page = if disabled {
                disable_page(id)
            } else {
                USERS_PAGE.to_owned()
            };
            let refused = FormFlash::refused(&page, fields.0, errors);
            return Ok(back_with(&session, refused, &page).await);
        }
    };
    let changed = state
        .store
        .set_access(admin.id, id, disabled, reason)
        .await?;
    let key = match (changed, disabled) {
        (false, _) => "done-user-unchanged",
        (true, true) => "done-user-disabled",
        (true, false) => "done-user-enabled",
    };
    Ok(confirm(&session, &back, key, &[("name", name.into())]).await)
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
    let name = name_of(&state, id).await?;
    let back = format!("{USERS_PAGE}#user-{id}");
    let codes: Vec<String> = fields.values("department").map(str::to_owned).collect();
    match drafts::rescope(role, &codes) {
        Ok(departments) => {
            let names = department_names(&state, &departments).await?;
            state.store.set_scope(admin.id, id, departments).await?;
            let args: [(&'static str, Arg); 2] =
                [("name", name.into()), ("departments", names.into())];
            Ok(confirm(&session, &back, "done-user-rescoped", &args).await)
        }
        Err(errors) => {
            let errors = errors
                .into_iter()
                .map(|e| (format!("scope-{id}"), e.problem))
                .collect();
            let refused = FormFlash::refused(USERS_PAGE, fields.0, errors);
            Ok(back_with(&session, refused, &back).await)
        }
    }
}

/// "La Paz, Pando" (names are the same in both languages); "—" for none.
async fn department_names(
    state: &AppState,
    departments: &[DepartmentCode],
) -> Result<String, PageError> {
    if departments.is_empty() {
        return Ok("—".to_owned());
    }
    let snapshot = state.store.snapshot().await?;
    Ok(departments
        .iter()
        .map(|code| {
            snapshot
                .department(*code)
                .map_or_else(|| code.to_string(), |d| d.name.clone())
        })
        .collect::<Vec<_>>()
        .join(", "))
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
            let errors = errors
                .into_iter()
                .map(|e| (format!("hide-{}", target.subject()), e.problem))
                .collect();
            let refused = FormFlash::refused(&back, Vec::new(), errors);
            return Ok(back_with(&session, refused, &back).await);
        }
    };
    state.store.hide_text(admin.id, target, reason).await?;
    Ok(confirm(&session, &back, "done-text-hidden", &[]).await)
}
