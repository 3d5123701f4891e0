//! A department's reply to one of its gaps, and an officer's review of it. Plain form posts
//! with redirects; the reply form is multipart so it can carry a PDF.

use axum::extract::{Path, Request, State};
use axum::response::Redirect;
use tower_sessions::Session;

use app::flash::FormFlash;
use vigia::drafts::{self, ReplyDraft};
use vigia::ports::{ComplianceReader, ComplianceWriter, GapRef};
use vigia::{DepartmentCode, GapKind, RequirementSlug};

use super::error::PageError;
use super::flash::{back_with, confirm};
use super::form::{problems, signed_in, Fields, SubmittedForm, DOCUMENT_FIELD};
use crate::auth::AuthSession;
use crate::http::state::AppState;

/// `POST /departments/{code}/{requirement}/gaps/{kind}/replies`
pub async fn post_reply(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path((code, slug, kind)): Path<(String, String, String)>,
    request: Request,
) -> Result<Redirect, PageError> {
    let (Ok(department), Ok(requirement), Ok(gap_kind)) = (
        DepartmentCode::parse(&code),
        RequirementSlug::parse(&slug),
        kind.parse::<GapKind>(),
    ) else {
        return Err(PageError::NotFound);
    };
    let form_path = format!(
        "/departments/{department}/{requirement}/gaps/{}/reply",
        gap_kind.slug()
    );
    let user = signed_in(&auth_session, &form_path)?;
    if !user.actor().may_reply(department) {
        tracing::warn!(user = user.id, department = %department, "reply refused: out of scope");
        return Err(PageError::Forbidden);
    }
    let gap_is_open = state
        .store
        .snapshot()
        .await?
        .gaps(state.clock.today())
        .iter()
        .any(|g| g.department == department && g.requirement == requirement && g.kind == gap_kind);
    if !gap_is_open {
        return Err(PageError::NotFound);
    }
    let mut submitted = SubmittedForm::read(request).await?;
    let document = super::kept::document_of(&state, &session, &mut submitted).await;
    let draft = ReplyDraft {
        body: submitted.field("body"),
        evidence_url: submitted.field("evidence_url"),
    };
    let validated = draft.validate();
    let mut errors = problems(&validated);
    errors.extend(
        submitted
            .document_problem
            .map(|p| (DOCUMENT_FIELD.to_owned(), p)),
    );
    let reply = match validated {
        Ok(reply) if errors.is_empty() => reply,
        _ => {
            let mut refused = FormFlash::refused(&form_path, submitted.fields, errors);
            if let Some(upload) = &document {
                super::kept::keep(&state, &session, &mut refused, upload).await;
            }
            return Ok(back_with(&session, refused, &form_path).await);
        }
    };
    let gap = GapRef {
        department,
        requirement,
        kind: gap_kind,
    };
    let id = state
        .store
        .post_reply(user.id, gap, reply, document.into_iter().collect())
        .await?;
    super::kept::forget(&session).await;
    let target = format!("/departments/{department}#reply-{id}");
    Ok(confirm(&session, &target, "done-reply-posted", &[]).await)
}

/// `POST /replies/{id}/review`: an officer in scope decides what they make of a reply
/// (accepted, or more asked of the department) and says why. A refused review goes back to
/// its page with what was typed.
pub async fn review(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Redirect, PageError> {
    let user = signed_in(&auth_session, "/dashboard")?;
    // Out of scope answers exactly as an id that does not exist, so nobody learns which
    // replies are waiting elsewhere.
    let (department, _) = state
        .store
        .unreviewed_reply(id)
        .await?
        .ok_or(PageError::NotFound)?;
    let department = DepartmentCode::parse(&department).map_err(|_| PageError::NotFound)?;
    if !user.actor().may_moderate(department) {
        return Err(PageError::NotFound);
    }
    let (outcome, note) = match drafts::review(fields.value("outcome"), fields.value("note")) {
        Ok(review) => review,
        Err(errors) => {
            let page = review_page(id);
            let errors = errors
                .into_iter()
                .map(|e| (e.field.to_owned(), e.problem))
                .collect();
            let refused = FormFlash::refused(&page, fields.0, errors);
            return Ok(back_with(&session, refused, &page).await);
        }
    };
    state.store.review_reply(user.id, id, outcome, note).await?;
    let target = format!("/departments/{department}#reply-{id}");
    Ok(confirm(&session, &target, "done-reply-reviewed", &[]).await)
}

/// Where an officer reviews reply `id`.
pub fn review_page(id: i64) -> String {
    format!("/replies/{id}/review")
}
