//! Corrections suggested by the public, and officers' decisions on them. The form is
//! rate-limited per client address (refused posts count too) and keeps only what it asks for;
//! the submitter gets a signed link to follow it. Accepting opens the claim form, and the
//! suggestion is accepted only once that claim is saved; rejecting needs a public reason.

use axum::extract::{Path, State};
use axum::response::Redirect;
use tower_sessions::Session;

use app::flash::FormFlash;
use vigia::drafts::{self, SuggestionDraft};
use vigia::new_claim::Problem;
use vigia::ports::{ComplianceReader, ComplianceWriter};
use vigia::{DepartmentCode, RequirementSlug};

use super::client::ClientAddress;
use super::error::PageError;
use super::flash::{back_if_known, back_with, confirm, said};
use super::form::{problems, signed_in, Fields};
use crate::auth::AuthSession;
use crate::http::state::AppState;
use vigia_store::RateLimit;

const QUEUE: &str = "/moderation";

/// The address of a suggestion's follow page (`/suggestions/{token}`).
pub fn follow_path(token: &str) -> String {
    format!("/suggestions/{token}")
}

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
    let known = tracked(&state).await?;
    // Every post counts, refused or not, so nobody can fill the session store with them.
    let within_limit = state.allowance(RateLimit::Suggestions, client).await?;
    let validated = draft.validate(&known);
    let mut errors = problems(&validated);
    if !within_limit {
        errors.push(("body".to_owned(), Problem::TooMany));
    }
    let suggestion = match validated {
        Ok(suggestion) if errors.is_empty() => suggestion,
        _ if !within_limit => {
            let refused = FormFlash::refused(&form_path, fields.0, errors);
            return Ok(back_if_known(&session, refused, &form_path).await);
        }
        _ => {
            let refused = FormFlash::refused(&form_path, fields.0, errors);
            return Ok(back_with(&session, refused, &form_path).await);
        }
    };
    let id = state.store.add_suggestion(department, suggestion).await?;
    tracing::info!(suggestion = id, department = %department, "suggestion received");
    let link = format!(
        "{}{}",
        state.public_url,
        follow_path(&crate::follow::token(&state.signer, id))
    );
    let mut thanks = FormFlash::done(&form_path, said("suggestion-thanks", &[]));
    thanks.fields = vec![("follow".into(), link)];
    Ok(back_with(&session, thanks, &form_path).await)
}

/// The instruments Vigía tracks, which a suggestion may name.
async fn tracked(state: &AppState) -> Result<Vec<RequirementSlug>, PageError> {
    let snapshot = state.store.snapshot().await?;
    Ok(snapshot
        .requirements
        .iter()
        .map(|r| r.slug.clone())
        .collect())
}

/// The requirement an accepted suggestion's claim is about: the one it named, or the one the
/// officer chose for it.
fn requirement_for(
    named: Option<RequirementSlug>,
    chosen: &str,
    known: &[RequirementSlug],
) -> Option<RequirementSlug> {
    named.or_else(|| {
        RequirementSlug::parse(chosen)
            .ok()
            .filter(|slug| known.contains(slug))
    })
}

/// `POST /moderation/{id}`: `decision=accept` opens the claim form the suggestion asks for
/// (and marks it as being handled); `decision=reject` turns it down with a public reason.
pub async fn decide(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let user = signed_in(&auth_session, QUEUE)?;
    // Out of scope answers exactly as an id that does not exist.
    let suggestion = state
        .store
        .pending_suggestion(id)
        .await?
        .filter(|s| user.actor().may_moderate(s.department))
        .ok_or(PageError::NotFound)?;
    let back = format!("{QUEUE}#suggestion-{id}");
    match fields.value("decision") {
        "accept" => {
            let known = tracked(&state).await?;
            let chosen = fields.value("requirement");
            let Some(requirement) = requirement_for(suggestion.requirement, chosen, &known) else {
                let errors = vec![(format!("requirement-{id}"), Problem::Required)];
                let refused = FormFlash::refused(QUEUE, fields.0, errors);
                return Ok(back_with(&session, refused, &back).await);
            };
            state.store.take_up_suggestion(user.id, id).await?;
            Ok(Redirect::to(&format!(
                "/departments/{}/{requirement}/new?suggestion={id}",
                suggestion.department
            )))
        }
        "reject" => match drafts::reason("reason", fields.value("reason")) {
            Ok(reason) => {
                state.store.reject_suggestion(user.id, id, reason).await?;
                Ok(confirm(
                    &session,
                    QUEUE,
                    "done-suggestion-rejected",
                    &[("id", id.into())],
                )
                .await)
            }
            Err(errors) => {
                let errors = errors
                    .into_iter()
                    .map(|e| (format!("reason-{id}"), e.problem))
                    .collect();
                let refused = FormFlash::refused(QUEUE, fields.0, errors);
                Ok(back_with(&session, refused, &back).await)
            }
        },
        _ => Err(PageError::BadRequest),
    }
}
