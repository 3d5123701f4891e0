//! Recording a claim from the form on a record's page: a plain POST with a redirect, so it
//! works without JavaScript. A refused form comes back with what was typed; a saved one is
//! confirmed on the department's page. A claim opened from a suggestion accepts it, in the
//! same transaction.

use axum::extract::{Path, Request, State};
use axum::response::Redirect;
use serde::Deserialize;
use tower_sessions::Session;

use app::flash::{FlashMessage, FormFlash};
use app::i18n::tr;
use vigia::new_claim::{ClaimDraft, NewClaim, Problem};
use vigia::ports::{ComplianceWriter, WriteError};
use vigia::{DepartmentCode, RequirementSlug, Snapshot};

use super::error::PageError;
use super::flash::{back_with, refused_because};
use super::form::{problems, signed_in, SubmittedForm, DOCUMENT_FIELD};
use crate::auth::{AuthSession, User};
use crate::http::state::AppState;

/// The hidden field naming the suggestion a claim answers.
pub const SUGGESTION_FIELD: &str = "suggestion";

#[derive(Deserialize)]
pub struct ClaimForm {
    #[serde(flatten)]
    draft: ClaimDraft,
    /// The record's latest claim id when the form was opened (0 when it had none).
    #[serde(default)]
    expected: String,
    #[serde(default)]
    suggestion: String,
}

/// Whether suggestion `id` is still pending, about `department`, and this person's to accept.
async fn answerable(
    state: &AppState,
    user: &User,
    department: DepartmentCode,
    id: i64,
) -> Result<bool, PageError> {
    let pending = state.store.pending_suggestion(id).await?;
    Ok(
        pending
            .is_some_and(|s| s.department == department && user.actor().may_moderate(department)),
    )
}

/// The form back as typed, without the suggestion it no longer answers, and why.
async fn without_suggestion(
    session: &Session,
    form_path: &str,
    fields: Vec<(String, String)>,
) -> Redirect {
    let fields = fields
        .into_iter()
        .filter(|(name, _)| name != SUGGESTION_FIELD)
        .collect();
    let refused = FormFlash::refused(form_path, fields, Vec::new())
        .with_message(refused_because("record-suggestion-decided"));
    back_with(session, refused, form_path).await
}

/// A source that cites a stored document must name one that exists.
async fn unknown_document(state: &AppState, draft: &ClaimDraft) -> Result<bool, PageError> {
    match vigia::document::permalink_id(draft.source_url.trim()) {
        Some(id) => Ok(state.store.document(id).await?.is_none()),
        None => Ok(false),
    }
}

/// "Afirmación registrada: Plan de acción, Pando", in both languages. Names come from the
/// reference snapshot (a claim renames nothing), so the answer does not wait for
/// the whole record to be loaded again.
fn recorded(snapshot: &Snapshot, claim: &NewClaim, accepted: Option<i64>) -> FlashMessage {
    let department = snapshot
        .department(claim.department)
        .map_or_else(|| claim.department.to_string(), |d| d.name.clone());
    let requirement = snapshot.requirement(&claim.requirement).cloned();
    FlashMessage::done(|lang| {
        let name = requirement.as_ref().map_or_else(
            || claim.requirement.to_string(),
            |r| r.name.get(lang.is_spanish()).to_owned(),
        );
        let args = [
            ("department", department.clone().into()),
            ("requirement", name.into()),
            ("id", accepted.unwrap_or_default().into()),
        ];
        match accepted {
            Some(_) => tr(lang, "done-claim-recorded-accepting", &args),
            None => tr(lang, "done-claim-recorded", &args),
        }
    })
}

pub async fn record(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path((code, slug)): Path<(String, String)>,
    request: Request,
) -> Result<Redirect, PageError> {
    let department = DepartmentCode::parse(&code).map_err(|_| PageError::NotFound)?;
    let requirement = RequirementSlug::parse(&slug).map_err(|_| PageError::NotFound)?;
    let form_path = format!("/departments/{department}/{requirement}/new");
    let user = signed_in(&auth_session, &form_path)?;
    // Checked here, on the server, whatever the page showed.
    if !user.actor().may_record_claim(department) {
        tracing::warn!(user = user.id, department = %department, "claim refused: out of scope");
        return Err(PageError::Forbidden);
    }
    let mut submitted = SubmittedForm::read(request).await?;
    let form: ClaimForm = submitted.parse()?;
    let document = super::kept::document_of(&state, &session, &mut submitted).await;
    let accepting = form.suggestion.trim().parse::<i64>().ok();
    if let Some(id) = accepting {
        if !answerable(&state, &user, department, id).await? {
            return Ok(without_suggestion(&session, &form_path, submitted.fields).await);
        }
    }
    let back_to = match accepting {
        Some(id) => format!("{form_path}?suggestion={id}"),
        None => form_path.clone(),
    };
    let mut draft = form.draft;
    draft.department = department.to_string();
    draft.requirement = requirement.to_string();
    let expected = form.expected.trim().parse::<i64>().unwrap_or(-1);
    // The corrected claim's documents it keeps: evidence as much as a new upload.
    let carried: Vec<i64> = if draft.corrects.trim().is_empty() {
        Vec::new()
    } else {
        submitted
            .fields
            .iter()
            .filter(|(name, _)| name == "carry_document")
            .filter_map(|(_, id)| id.trim().parse().ok())
            .collect()
    };
    let reference = state.store.reference().await?;
    let validated = draft.validate(
        &reference.requirements,
        usize::from(document.is_some()) + carried.len(),
        state.clock.today(),
    );
    let mut errors = problems(&validated);
    errors.extend(
        submitted
            .document_problem
            .map(|p| (DOCUMENT_FIELD.to_owned(), p)),
    );
    if unknown_document(&state, &draft).await? {
        errors.push(("source_url".to_owned(), Problem::UnknownDocument));
    }
    // The form comes back (with its file kept) when it has a problem or was too late.
    let refuse = |errors, message: Option<&'static str>| {
        let (state, session, back_to) = (&state, &session, &back_to);
        let (mut fields, document) = (submitted.fields.clone(), document.clone());
        let form_path = &form_path;
        async move {
            fields.retain(|(name, _)| name != DOCUMENT_FIELD);
            let mut refused = FormFlash::refused(form_path, fields, errors);
            if let Some(message) = message {
                refused = refused.with_message(refused_because(message));
            }
            if let Some(upload) = &document {
                super::kept::keep(state, session, &mut refused, upload).await;
            }
            back_with(session, refused, back_to).await
        }
    };
    let claim = match validated {
        Ok(claim) if errors.is_empty() => claim,
        _ => return Ok(refuse(errors, None).await),
    };
    let documents: Vec<_> = document.clone().into_iter().collect();
    let saved = state
        .store
        .record_claim(
            user.id,
            claim.clone(),
            expected,
            documents,
            carried,
            accepting,
        )
        .await;
    match saved {
        Ok(id) => {
            tracing::info!(claim = id, user = user.id, "claim recorded");
            super::kept::forget(&session).await;
            // The confirmation at the top of the page, in view, with a link to the entry.
            let target = format!("/departments/{department}");
            let mut done = FormFlash::done(&target, recorded(&reference, &claim, accepting));
            done.fields = vec![("saved_claim".into(), id.to_string())];
            Ok(back_with(&session, done, &target).await)
        }
        Err(WriteError::Stale) => Ok(refuse(Vec::new(), Some("record-stale")).await),
        // The claim it corrects was corrected meanwhile, or is not of this record.
        Err(WriteError::Conflict | WriteError::NotFound) if claim.corrects.is_some() => {
            Ok(refuse(Vec::new(), Some("correct-taken")).await)
        }
        // Someone decided on the suggestion meanwhile: the form comes back without it.
        Err(WriteError::Conflict) if accepting.is_some() => {
            Ok(without_suggestion(&session, &form_path, submitted.fields).await)
        }
        Err(error) => Err(error.into()),
    }
}
