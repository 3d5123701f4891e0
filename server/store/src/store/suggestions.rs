//! The public's suggestions: receiving them, an officer taking one up, rejecting it, and
//! accepting it, which happens only with the claim it leads to (see `record_claim`).

use chrono::{DateTime, Utc};

use vigia::drafts::SuggestionText;
use vigia::new_claim::NewClaim;
use vigia::office::SuggestionProgress;
use vigia::ports::{PortError, WriteError};
use vigia::{DepartmentCode, HistoryAction};

use super::Store;
use crate::db::audit::{self, Audit};
use crate::db::suggestions::{self, Decision};
use crate::db::{hidden, Tx};

impl Store {
    pub(super) async fn suggest(
        &self,
        department: DepartmentCode,
        suggestion: SuggestionText,
    ) -> Result<i64, WriteError> {
        let mut tx = self.begin().await?;
        let id = suggestions::insert(&mut tx, department, &suggestion, self.clock.now()).await?;
        self.commit_appending(tx).await?;
        Ok(id)
    }

    /// Not in the public history: only the decision is, once the claim is saved.
    pub(super) async fn take_up(&self, by: i64, suggestion: i64) -> Result<(), WriteError> {
        let mut tx = self.begin().await?;
        if !suggestions::take_up(&mut tx, suggestion, by, self.clock.now()).await? {
            return Err(WriteError::Conflict);
        }
        self.commit_appending(tx).await
    }

    pub(super) async fn reject(
        &self,
        by: i64,
        suggestion: i64,
        reason: String,
    ) -> Result<(), WriteError> {
        let found = suggestions::any(&self.pool, suggestion)
            .await?
            .ok_or(WriteError::NotFound)?;
        let now = self.clock.now();
        let mut tx = self.begin().await?;
        let decision = Decision {
            accepted: false,
            reason: &reason,
            claim: None,
            by,
            now,
        };
        if !suggestions::decide(&mut tx, suggestion, decision).await? {
            return Err(WriteError::Conflict);
        }
        let entry = Audit {
            action: HistoryAction::SuggestionRejected,
            subject: format!("suggestion:{suggestion}"),
            reason: &reason,
            department: Some(found.department.as_str()),
            requirement: found.requirement.as_ref().map(|r| r.as_str()),
        };
        audit::append(&mut tx, Some(by), entry, now).await?;
        self.commit_appending(tx).await
    }

    /// Where a suggestion stands, its text left out once an admin hid it.
    pub async fn suggestion_progress(
        &self,
        id: i64,
    ) -> Result<Option<SuggestionProgress>, PortError> {
        let found = suggestions::progress(&self.pool, id).await?;
        let Some(mut progress) = found else {
            return Ok(None);
        };
        let subject = format!("suggestion:{id}");
        progress.hidden = hidden::of(&self.pool, &subject).await?;
        if progress.hidden.is_some() {
            progress.body = None;
        }
        Ok(Some(progress))
    }
}

/// Records `suggestion` as accepted by the claim just appended in `tx`, with the claim's
/// note as the public reason; `Conflict` when someone decided on it first.
pub(super) async fn accept(
    tx: &mut Tx<'static>,
    by: i64,
    suggestion: i64,
    claim: &NewClaim,
    claim_id: i64,
    now: DateTime<Utc>,
) -> Result<(), WriteError> {
    let decision = Decision {
        accepted: true,
        reason: &claim.note,
        claim: Some(claim_id),
        by,
        now,
    };
    if !suggestions::decide(tx, suggestion, decision).await? {
        return Err(WriteError::Conflict);
    }
    let entry = Audit {
        action: HistoryAction::SuggestionAccepted,
        subject: format!("suggestion:{suggestion}"),
        reason: &claim.note,
        department: Some(claim.department.as_str()),
        requirement: Some(claim.requirement.as_str()),
    };
    audit::append(tx, Some(by), entry, now).await?;
    Ok(())
}
