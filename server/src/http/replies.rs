//! A department's reply to one of its gaps, and an officer's review of it. Plain form posts
//! with redirects; the reply form is multipart so it can carry a PDF.

use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use http::StatusCode;
use serde::Deserialize;
use tower_sessions::Session;

use app::context::FormFlash;
use vigia::new_claim::{is_web_url, Problem};
use vigia::ports::ComplianceReader;
use vigia::{DepartmentCode, GapKind, RequirementSlug};

use super::form::{SubmittedForm, DOCUMENT_FIELD};
use super::viewer::leave_flash;
use crate::auth::AuthSession;
use crate::db::office::{self, NewReply};
use crate::state::AppState;

/// `POST /departments/{code}/{requirement}/gaps/{kind}/replies`
pub async fn post_reply(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path((code, slug, kind)): Path<(String, String, String)>,
    request: Request,
) -> Response {
    let form_path = format!("/departments/{code}/{slug}/gaps/{kind}/reply");
    let Some(user) = auth_session.user else {
        return Redirect::to(&format!("/signin?next={form_path}")).into_response();
    };
    let (Ok(department), Ok(requirement), Ok(gap_kind)) = (
        DepartmentCode::parse(&code),
        RequirementSlug::parse(&slug),
        kind.parse::<GapKind>(),
    ) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !user.actor().may_reply(department) {
        tracing::warn!(user = user.id, department = %department, "reply refused: out of scope");
        return super::forbidden();
    }
    let Ok(snapshot) = state.store.snapshot().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let gap_is_open = snapshot
        .gaps(state.clock.today())
        .iter()
        .any(|g| g.department == department && g.requirement == requirement && g.kind == gap_kind);
    if !gap_is_open {
        return StatusCode::NOT_FOUND.into_response();
    }
    let submitted = match SubmittedForm::read(request).await {
        Ok(submitted) => submitted,
        Err(response) => return response,
    };
    let field = |name: &str| {
        submitted
            .fields
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let body = field("body");
    let evidence_url = field("evidence_url");
    let mut errors = Vec::new();
    if body.is_empty() {
        errors.push(("body".to_owned(), Problem::Required));
    }
    if !evidence_url.is_empty() && !is_web_url(&evidence_url) {
        errors.push(("evidence_url".to_owned(), Problem::InvalidUrl));
    }
    if let Some(problem) = submitted.document_problem {
        errors.push((DOCUMENT_FIELD.to_owned(), problem));
    }
    if !errors.is_empty() {
        let flash = FormFlash {
            path: form_path.clone(),
            fields: submitted.fields.clone(),
            errors,
            notice: None,
        };
        leave_flash(&session, flash).await;
        return Redirect::to(&form_path).into_response();
    }
    let documents = match submitted.store_document(&state.documents).await {
        Ok(documents) => documents,
        Err(status) => return status.into_response(),
    };
    let reply = NewReply {
        department,
        requirement: &requirement,
        gap_kind: gap_kind.slug(),
        body: &body,
        evidence_url: (!evidence_url.is_empty()).then_some(evidence_url.as_str()),
    };
    match office::append_reply(
        state.store.pool(),
        &reply,
        user.id,
        &documents,
        state.clock.now(),
    )
    .await
    {
        Ok(id) => {
            state.store.data_changed();
            Redirect::to(&format!("/departments/{department}#reply-{id}")).into_response()
        }
        Err(error) => {
            tracing::error!(error = ?error, "could not record a reply");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    note: String,
}

/// `POST /replies/{id}/review`: an officer in scope notes what they made of a reply.
pub async fn review(
    State(state): State<AppState>,
    auth_session: AuthSession,
    Path(id): Path<i64>,
    Form(form): Form<ReviewForm>,
) -> Response {
    let Some(user) = auth_session.user else {
        return Redirect::to("/signin").into_response();
    };
    let reply = match office::unreviewed_reply(state.store.pool(), id).await {
        Ok(Some(reply)) => reply,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let Ok(department) = DepartmentCode::parse(&reply.0) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !user.actor().may_moderate(department) {
        return super::forbidden();
    }
    let note = form.note.trim();
    if note.is_empty() {
        return super::refusal(StatusCode::UNPROCESSABLE_ENTITY, "review-note-required");
    }
    match office::review_reply(
        state.store.pool(),
        id,
        note,
        user.id,
        (&reply.0, &reply.1),
        state.clock.now(),
    )
    .await
    {
        Ok(()) => {
            state.store.data_changed();
            Redirect::to(&format!("/departments/{department}#reply-{id}")).into_response()
        }
        Err(error) => {
            tracing::error!(error = ?error, "could not record a review");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
