//! Corrections suggested by the public, and officers' decisions on them. The form is
//! rate-limited per client address and keeps only what it asks for.

use axum::extract::{ConnectInfo, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use http::StatusCode;
use serde::Deserialize;
use std::net::SocketAddr;
use tower_sessions::Session;

use app::context::{ClaimFormState, FormFlash};
use vigia::new_claim::{is_web_url, ClaimDraft, Problem};
use vigia::ports::ComplianceReader;
use vigia::{DepartmentCode, RequirementSlug};

use super::viewer::{leave_flash, CLAIM_FORM_KEY};
use crate::auth::AuthSession;
use crate::db::office::{self, NewSuggestion};
use crate::state::AppState;

/// The longest suggestion kept; longer text is refused rather than cut.
const MAX_TEXT: usize = 4000;

#[derive(Deserialize)]
pub struct SuggestionForm {
    #[serde(default)]
    requirement: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    source_url: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    contact: String,
}

/// `POST /departments/{code}/suggestions`
pub async fn suggest(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    session: Session,
    Path(code): Path<String>,
    Form(form): Form<SuggestionForm>,
) -> Response {
    let Ok(department) = DepartmentCode::parse(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let form_path = format!("/departments/{department}/suggest");
    let Ok(snapshot) = state.store.snapshot().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let text = |v: &str| v.trim().to_owned();
    let (body, source_url, organisation, contact) = (
        text(&form.body),
        text(&form.source_url),
        text(&form.organisation),
        text(&form.contact),
    );
    let requirement = RequirementSlug::parse(form.requirement.trim())
        .ok()
        .filter(|slug| snapshot.requirement(slug).is_some());
    let mut errors = Vec::new();
    if !form.requirement.trim().is_empty() && requirement.is_none() {
        errors.push(("requirement".to_owned(), Problem::UnknownRequirement));
    }
    if body.is_empty() {
        errors.push(("body".to_owned(), Problem::Required));
    }
    if [&body, &source_url, &organisation, &contact]
        .iter()
        .any(|v| v.len() > MAX_TEXT)
    {
        errors.push(("body".to_owned(), Problem::InvalidChoice));
    }
    if !source_url.is_empty() && !is_web_url(&source_url) {
        errors.push(("source_url".to_owned(), Problem::InvalidUrl));
    }
    // Counted only for well-formed submissions, so a typo does not use up the allowance.
    if errors.is_empty() && state.suggestion_limit.check_key(&client.ip()).is_err() {
        errors.push(("body".to_owned(), Problem::TooMany));
    }
    let fields = vec![
        ("requirement".to_owned(), form.requirement.clone()),
        ("body".to_owned(), body.clone()),
        ("source_url".to_owned(), source_url.clone()),
        ("organisation".to_owned(), organisation.clone()),
        ("contact".to_owned(), contact.clone()),
    ];
    if !errors.is_empty() {
        let flash = FormFlash {
            path: form_path.clone(),
            fields,
            errors,
            notice: None,
        };
        leave_flash(&session, flash).await;
        return Redirect::to(&form_path).into_response();
    }
    let suggestion = NewSuggestion {
        department,
        requirement: requirement.as_ref(),
        body: &body,
        source_url: optional(&source_url),
        organisation: optional(&organisation),
        contact: optional(&contact),
    };
    match office::add_suggestion(state.store.pool(), &suggestion, state.clock.now()).await {
        Ok(id) => {
            tracing::info!(suggestion = id, department = %department, "suggestion received");
            let flash = FormFlash {
                path: form_path.clone(),
                notice: Some("suggestion-thanks".into()),
                ..FormFlash::default()
            };
            leave_flash(&session, flash).await;
            Redirect::to(&form_path).into_response()
        }
        Err(error) => {
            tracing::error!(error = ?error, "could not keep a suggestion");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

/// `POST /moderation/{id}`: accept or reject. Accepting opens the claim form prefilled from
/// the suggestion, crediting the submitter's organisation as the source.
pub async fn decide(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> Response {
    let Some(user) = auth_session.user else {
        return Redirect::to("/signin?next=/moderation").into_response();
    };
    let suggestion = match office::pending_suggestion(state.store.pool(), id).await {
        Ok(Some(suggestion)) => suggestion,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    if !user.actor().may_moderate(suggestion.department) {
        return super::forbidden();
    }
    let accepted = match form.decision.as_str() {
        "accept" => true,
        "reject" => false,
        _ => return super::refusal(StatusCode::UNPROCESSABLE_ENTITY, "decision-invalid"),
    };
    let reason = form.reason.trim();
    if reason.is_empty() {
        let flash = FormFlash {
            path: "/moderation".into(),
            errors: vec![(format!("reason-{id}"), Problem::Required)],
            ..FormFlash::default()
        };
        leave_flash(&session, flash).await;
        return Redirect::to("/moderation").into_response();
    }
    if let Err(error) = office::decide_suggestion(
        state.store.pool(),
        &suggestion,
        accepted,
        reason,
        user.id,
        state.clock.now(),
    )
    .await
    {
        tracing::error!(error = ?error, "could not record a decision");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    state.store.data_changed();
    let requirement = suggestion.requirement.clone();
    match (accepted, requirement) {
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
            if let Err(error) = session.insert(CLAIM_FORM_KEY, prefilled).await {
                tracing::error!(error = ?error, "could not prefill the claim form");
            }
            Redirect::to(&format!(
                "/departments/{}/{requirement}/new",
                suggestion.department
            ))
            .into_response()
        }
        _ => Redirect::to("/moderation").into_response(),
    }
}

fn optional(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}
