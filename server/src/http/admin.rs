//! The admin's user management: invite (with a one-time link to set a password), disable or
//! re-enable, and change which departments a person acts for. Each change is audited.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use http::StatusCode;
use tower_sessions::Session;

use app::context::FormFlash;
use vigia::new_claim::Problem;
use vigia::DepartmentCode;

use super::viewer::leave_flash;
use crate::auth::{self, AuthSession, NewUser, User, UserError};
use crate::db::office;
use crate::state::AppState;

const USERS_PAGE: &str = "/admin/users";

type Fields = Vec<(String, String)>;

fn values<'a>(fields: &'a Fields, name: &'a str) -> impl Iterator<Item = &'a str> {
    fields
        .iter()
        .filter(move |(k, _)| k == name)
        .map(|(_, v)| v.trim())
}

fn value<'a>(fields: &'a Fields, name: &'a str) -> &'a str {
    values(fields, name).last().unwrap_or_default()
}

fn departments(fields: &Fields) -> Vec<DepartmentCode> {
    values(fields, "department")
        .filter_map(|code| DepartmentCode::parse(code).ok())
        .collect()
}

/// Why someone may not do an admin's work: not signed in (then sign in and come back to
/// the page named), or not an admin.
pub enum Denied {
    SignIn(&'static str),
    Forbidden,
}

impl IntoResponse for Denied {
    fn into_response(self) -> Response {
        match self {
            Denied::SignIn(page) => Redirect::to(&format!("/signin?next={page}")).into_response(),
            Denied::Forbidden => super::forbidden(),
        }
    }
}

/// The signed-in admin, for the admin pages' form posts (`page` is where they come from).
pub fn admin(auth_session: &AuthSession, page: &'static str) -> Result<User, Denied> {
    match &auth_session.user {
        None => Err(Denied::SignIn(page)),
        Some(user) if user.actor().may_manage_users() => Ok(user.clone()),
        Some(user) => {
            tracing::warn!(user = user.id, page, "admin work refused");
            Err(Denied::Forbidden)
        }
    }
}

/// `POST /admin/users`: creates the account and shows its one-time link once.
pub async fn invite(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Form(fields): Form<Fields>,
) -> Response {
    let admin = match admin(&auth_session, USERS_PAGE) {
        Ok(admin) => admin,
        Err(denied) => return denied.into_response(),
    };
    let mut errors = Vec::new();
    let role = value(&fields, "role").parse();
    if role.is_err() {
        errors.push(("role".to_owned(), Problem::InvalidChoice));
    }
    let mut flash = FormFlash {
        path: USERS_PAGE.into(),
        fields: fields.clone(),
        ..FormFlash::default()
    };
    if let Ok(role) = role {
        let user = NewUser {
            email: value(&fields, "email").to_owned(),
            display_name: value(&fields, "display_name").to_owned(),
            role,
            departments: departments(&fields),
        };
        match auth::add_user(state.store.pool(), &user, Some(admin.id), state.clock.now()).await {
            Ok(id) => {
                match auth::create_sign_in_token(state.store.pool(), id, state.clock.now()).await {
                    Ok(token) => {
                        state.store.data_changed();
                        flash.fields = vec![(
                            "link".into(),
                            format!("{}/account/set-password?token={token}", state.public_url),
                        )];
                        flash.notice = Some("admin-invited".into());
                    }
                    Err(error) => {
                        tracing::error!(error = ?error, "could not create a sign-in link");
                        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                    }
                }
            }
            Err(UserError::EmailTaken) => errors.push(("email".into(), Problem::EmailTaken)),
            Err(UserError::InvalidEmail) => errors.push(("email".into(), Problem::InvalidEmail)),
            Err(UserError::EmptyName) => errors.push(("display_name".into(), Problem::Required)),
            Err(UserError::NoDepartment) => errors.push(("department".into(), Problem::Required)),
            Err(UserError::Database(error)) => {
                tracing::error!(error = ?error, "could not add a user");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        }
    }
    flash.errors = errors;
    leave_flash(&session, flash).await;
    Redirect::to(USERS_PAGE).into_response()
}

/// `POST /admin/users/{id}/access`: `action=disable` or `action=enable`, with a reason.
pub async fn set_access(
    State(state): State<AppState>,
    auth_session: AuthSession,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Response {
    let admin = match admin(&auth_session, USERS_PAGE) {
        Ok(admin) => admin,
        Err(denied) => return denied.into_response(),
    };
    let disabled = match value(&fields, "action") {
        "disable" => true,
        "enable" => false,
        _ => return super::refusal(StatusCode::UNPROCESSABLE_ENTITY, "decision-invalid"),
    };
    if disabled && id == admin.id {
        return super::refusal(StatusCode::UNPROCESSABLE_ENTITY, "admin-not-self");
    }
    let reason = value(&fields, "reason");
    let changed = office::set_disabled(
        state.store.pool(),
        id,
        disabled,
        reason,
        admin.id,
        state.clock.now(),
    )
    .await;
    back_to_account(&state, id, changed.map(drop))
}

/// `POST /admin/users/{id}/scope`: the departments the person acts for, replacing the old.
pub async fn set_scope(
    State(state): State<AppState>,
    auth_session: AuthSession,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Response {
    let admin = match admin(&auth_session, USERS_PAGE) {
        Ok(admin) => admin,
        Err(denied) => return denied.into_response(),
    };
    let scope = departments(&fields);
    let changed =
        office::set_scope(state.store.pool(), id, &scope, admin.id, state.clock.now()).await;
    back_to_account(&state, id, changed)
}

/// After an account change: the public history has a new entry, and the admin goes back to
/// the account they changed.
fn back_to_account(state: &AppState, id: i64, changed: Result<(), sqlx::Error>) -> Response {
    match changed {
        Ok(()) => {
            state.store.data_changed();
            Redirect::to(&format!("{USERS_PAGE}#user-{id}")).into_response()
        }
        Err(error) => {
            tracing::error!(error = ?error, account = id, "could not change an account");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
