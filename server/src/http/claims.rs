//! Recording a claim from the form on a record's page: a plain POST with a redirect, so it
//! works without JavaScript. A refused form comes back with what was typed.

use axum::extract::{Path, Request, State};
use axum::response::Redirect;
use serde::Deserialize;
use tower_sessions::Session;

use app::context::{bounded, ClaimFormState};
use vigia::new_claim::{ClaimDraft, Problem};
use vigia::ports::{ComplianceReader, ComplianceWriter, WriteError};
use vigia::DepartmentCode;

use super::error::PageError;
use super::form::{signed_in, SubmittedForm, DOCUMENT_FIELD};
use super::viewer::CLAIM_FORM_KEY;
use crate::auth::AuthSession;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct ClaimForm {
    #[serde(flatten)]
    draft: ClaimDraft,
    /// The record's latest claim id when the form was opened (0 when it had none).
    #[serde(default)]
    expected: String,
}

/// Keeps a refused form for its page, bounded, and sends the officer back to it.
async fn refuse(session: &Session, form_path: &str, state: ClaimFormState) -> Redirect {
    if let Err(error) = session.insert(CLAIM_FORM_KEY, bounded(&state)).await {
        tracing::error!(error = ?error, "could not keep the refused form");
    }
    Redirect::to(form_path)
}

pub async fn record(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path((code, slug)): Path<(String, String)>,
    request: Request,
) -> Result<Redirect, PageError> {
    let department = DepartmentCode::parse(&code).map_err(|_| PageError::NotFound)?;
    let form_path = format!(
        "/departments/{department}/{}/new",
        app::format::query_value(&slug)
    );
    let user = signed_in(&auth_session, &form_path)?;
    // Checked here, on the server, whatever the page showed.
    if !user.actor().may_record_claim(department) {
        tracing::warn!(user = user.id, department = %department, "claim refused: out of scope");
        return Err(PageError::Forbidden);
    }
    let mut submitted = SubmittedForm::read(request).await?;
    let form: ClaimForm = submitted.parse()?;
    let mut draft = form.draft;
    draft.department = department.to_string();
    draft.requirement = slug;
    let expected = form.expected.trim().parse::<i64>().unwrap_or(-1);
    let requirements = state.store.snapshot().await?.requirements.clone();
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
            let errors: Vec<(String, Problem)> = validated
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| (e.field.to_owned(), e.problem))
                .chain(upload_problem)
                .collect();
            let refused = ClaimFormState {
                draft,
                errors,
                stale: false,
            };
            return Ok(refuse(&session, &form_path, refused).await);
        }
    };
    let documents = submitted.documents();
    match state
        .store
        .record_claim(user.id, claim, expected, documents)
        .await
    {
        Ok(id) => {
            tracing::info!(claim = id, user = user.id, "claim recorded");
            Ok(Redirect::to(&format!(
                "/departments/{department}#claim-{id}"
            )))
        }
        Err(WriteError::Stale) => {
            let refused = ClaimFormState {
                draft,
                errors: Vec::new(),
                stale: true,
            };
            Ok(refuse(&session, &form_path, refused).await)
        }
        Err(error) => Err(error.into()),
    }
}
