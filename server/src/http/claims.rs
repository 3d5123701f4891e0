//! Recording a claim from the form on a record's page: a plain POST with a redirect, so it
//! works without JavaScript. A refused form comes back with what was typed.

use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use serde::Deserialize;
use tower_sessions::Session;

use app::context::ClaimFormState;
use vigia::new_claim::ClaimDraft;
use vigia::ports::ComplianceReader;
use vigia::DepartmentCode;

use super::form::{SubmittedForm, DOCUMENT_FIELD};
use super::viewer::CLAIM_FORM_KEY;
use crate::auth::AuthSession;
use crate::db::{self, AppendError};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct ClaimForm {
    #[serde(flatten)]
    draft: ClaimDraft,
    /// The record's latest claim id when the form was opened (0 when it had none).
    #[serde(default)]
    expected: String,
}

pub async fn record(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path((code, slug)): Path<(String, String)>,
    request: Request,
) -> Response {
    let form_path = format!("/departments/{code}/{slug}/new");
    let Some(user) = auth_session.user else {
        return Redirect::to(&format!("/signin?next={form_path}")).into_response();
    };
    let Ok(department) = DepartmentCode::parse(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // Checked here, on the server, whatever the page showed.
    if !user.actor().may_record_claim(department) {
        tracing::warn!(user = user.id, department = %department, "claim refused: out of scope");
        return (
            StatusCode::FORBIDDEN,
            "You may not record claims for this department.",
        )
            .into_response();
    }
    let submitted = match SubmittedForm::read(request).await {
        Ok(submitted) => submitted,
        Err(response) => return response,
    };
    let form: ClaimForm = match submitted.parse() {
        Ok(form) => form,
        Err(rejection) => return rejection.into_response(),
    };
    let mut draft = form.draft;
    draft.department = department.to_string();
    draft.requirement = slug;
    let expected = form.expected.trim().parse::<i64>().unwrap_or(-1);
    let refuse = |errors: Vec<(String, vigia::new_claim::Problem)>,
                  stale: bool,
                  draft: ClaimDraft| async move {
        let state = ClaimFormState {
            draft,
            errors,
            stale,
        };
        if let Err(error) = session.insert(CLAIM_FORM_KEY, state).await {
            tracing::error!(error = ?error, "could not keep the refused form");
        }
        Redirect::to(&form_path).into_response()
    };
    let requirements = match state.store.snapshot().await {
        Ok(snapshot) => snapshot.requirements.clone(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let validated = draft.validate(
        &requirements,
        usize::from(submitted.document.is_some()),
        state.clock.today(),
    );
    let upload_problem = submitted
        .document_problem
        .map(|p| (DOCUMENT_FIELD.to_owned(), p));
    let claim = match (validated, upload_problem) {
        (Ok(claim), None) => claim,
        (validated, upload_problem) => {
            let errors = validated
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| (e.field.to_owned(), e.problem))
                .chain(upload_problem)
                .collect();
            return refuse(errors, false, draft).await;
        }
    };
    let documents = match submitted.store_document(&state.documents).await {
        Ok(documents) => documents,
        Err(status) => return status.into_response(),
    };
    match db::append_claim(
        state.store.pool(),
        &claim,
        user.id,
        expected,
        &documents,
        state.clock.now(),
    )
    .await
    {
        Ok(id) => {
            state.store.data_changed();
            tracing::info!(claim = id, user = user.id, "claim recorded");
            Redirect::to(&format!("/departments/{department}#claim-{id}")).into_response()
        }
        Err(AppendError::Stale) => refuse(Vec::new(), true, draft).await,
        Err(AppendError::Database(error)) => {
            tracing::error!(error = ?error, "could not record a claim");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
