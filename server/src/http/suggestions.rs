//! Corrections suggested by the public, and officers' decisions on them. The form is
//! rate-limited per client address (refused posts count too) and keeps only what it asks for.

use axum::extract::{Path, State};
use axum::response::Redirect;
use tower_sessions::Session;

use app::context::{bounded, ClaimFormState, FormFlash};
use vigia::drafts::{self, SuggestionDraft};
use vigia::new_claim::{ClaimDraft, Problem};
use vigia::ports::{ComplianceReader, ComplianceWriter};
use vigia::DepartmentCode;

use super::client::{limit_key, ClientAddress};
use super::error::PageError;
use super::form::{signed_in, Fields};
use super::viewer::{leave_flash, CLAIM_FORM_KEY};
use crate::auth::AuthSession;
use crate::state::AppState;

/// `POST /departments/{code}/suggestions`
pub async fn suggest(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    session: Session,
    Path(code): Path<String>,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let department = DepartmentCode::parse(&code).map_err(|_| PageError::NotFound)?;
    let form_path = format!("/departments/{department}/suggest");
    let draft: SuggestionDraft = fields.parse()?;
    let known: Vec<_> = state
        .store
        .snapshot()
        .await?
        .requirements
        .iter()
        .map(|r| r.slug.clone())
        .collect();
    // Every post counts, refused or not, so nobody can fill the session store with them.
    let within_limit = state.suggestion_limit.check_key(&limit_key(client)).is_ok();
    let mut errors: Vec<(String, Problem)> = match draft.validate(&known) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| (e.field.to_owned(), e.problem))
            .collect(),
    };
    if !within_limit {
        errors.push(("body".to_owned(), Problem::TooMany));
    }
    let suggestion = match draft.validate(&known) {
        Ok(suggestion) if errors.is_empty() => suggestion,
        _ => {
            let flash = FormFlash {
                path: form_path.clone(),
                fields: fields.0,
                errors,
                notice: None,
            };
            leave_flash(&session, flash).await;
            return Ok(Redirect::to(&form_path));
        }
    };
    let id = state.store.add_suggestion(department, suggestion).await?;
    tracing::info!(suggestion = id, department = %department, "suggestion received");
    let flash = FormFlash {
        path: form_path.clone(),
        notice: Some("suggestion-thanks".into()),
        ..FormFlash::default()
    };
    leave_flash(&session, flash).await;
    Ok(Redirect::to(&form_path))
}

/// `POST /moderation/{id}`: accept or reject. Accepting opens the claim form prefilled from
/// the suggestion, crediting the submitter's organisation as the source.
pub async fn decide(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let user = signed_in(&auth_session, "/moderation")?;
    // Out of scope answers exactly as an id that does not exist.
    let suggestion = state
        .store
        .pending_suggestion(id)
        .await?
        .filter(|s| user.actor().may_moderate(s.department))
        .ok_or(PageError::NotFound)?;
    let accepted = match fields.value("decision") {
        "accept" => true,
        "reject" => false,
        _ => return Err(PageError::BadRequest),
    };
    let reason = match drafts::reason("reason", fields.value("reason")) {
        Ok(reason) => reason,
        Err(errors) => {
            let flash = FormFlash {
                path: "/moderation".into(),
                errors: errors
                    .into_iter()
                    .map(|e| (format!("reason-{id}"), e.problem))
                    .collect(),
                ..FormFlash::default()
            };
            leave_flash(&session, flash).await;
            return Ok(Redirect::to("/moderation"));
        }
    };
    state
        .store
        .decide_suggestion(user.id, id, accepted, reason)
        .await?;
    match (accepted, suggestion.requirement.clone()) {
        (true, Some(requirement)) if user.actor().may_record_claim(suggestion.department) => {
            let draft = ClaimDraft {
                note: suggestion.body.clone(),
                source_author: suggestion.organisation.clone().unwrap_or_default(),
                source_url: suggestion.source_url.clone().unwrap_or_default(),
                source_title: suggestion.organisation.clone().unwrap_or_default(),
                ..ClaimDraft::default()
            };
            let prefilled = ClaimFormState {
                draft,
                errors: Vec::new(),
                stale: false,
            };
            if let Err(error) = session.insert(CLAIM_FORM_KEY, bounded(&prefilled)).await {
                tracing::error!(error = ?error, "could not prefill the claim form");
            }
            Ok(Redirect::to(&format!(
                "/departments/{}/{requirement}/new",
                suggestion.department
            )))
        }
        _ => Ok(Redirect::to("/moderation")),
    }
}
