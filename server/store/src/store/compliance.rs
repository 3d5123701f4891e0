//! The writes to the compliance record: claims, imports, replies, reviews, suggestions,
//! decisions, withholdings and hidden texts.

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

use vigia::document::Upload;
use vigia::drafts::{ReplyText, SuggestionText};
use vigia::events::{EventDraft, EventKind};
use vigia::new_claim::NewClaim;
use vigia::ports::{ComplianceWriter, GapRef, HideTarget, WriteError};
use vigia::{DepartmentCode, HistoryAction, RequirementSlug};

use super::{read_failed, Change, Store};
use crate::db::audit::{self, Audit};
use crate::db::claims::{self, Append, AppendError};
use crate::db::documents::{self, Owner};
use crate::db::events::Origin;
use crate::db::{hidden, replies, suggestions};
use crate::db::{DbError, Tx};
use crate::documents::Staged;

impl Store {
    async fn stage(&self, uploads: &[Upload]) -> Result<Vec<Staged>, WriteError> {
        let mut staged = Vec::with_capacity(uploads.len());
        for upload in uploads {
            staged.push(self.files.stage(upload).await.map_err(DbError::from)?);
        }
        Ok(staged)
    }

    /// After the commit: the files join the records that name them.
    async fn keep(&self, staged: Vec<Staged>) {
        for file in staged {
            let sha256 = file.record.sha256.clone();
            if let Err(error) = file.keep().await {
                tracing::error!(error = ?error, sha256, "a recorded document could not be kept");
            }
        }
    }
}

/// A record an import added claims to.
struct Touched {
    department: DepartmentCode,
    requirement: RequirementSlug,
    added: Vec<i64>,
    /// Its last history entry.
    entry: i64,
}

/// Links a correction to the claim it corrects, which must be of the same record and not
/// corrected already.
async fn correct(
    tx: &mut Tx<'_>,
    claim: &NewClaim,
    correction: &vigia::new_claim::Correction,
    correcting: i64,
) -> Result<(), WriteError> {
    let (department, requirement, corrected) = claims::correctable(tx, correction.claim)
        .await?
        .ok_or(WriteError::NotFound)?;
    if department != claim.department.as_str() || requirement != claim.requirement.as_str() {
        return Err(WriteError::NotFound);
    }
    if corrected {
        return Err(WriteError::Conflict);
    }
    claims::record_correction(tx, correction.claim, correcting, Some(&correction.reason)).await?;
    Ok(())
}

fn append_error(error: AppendError) -> WriteError {
    match error {
        AppendError::Stale => WriteError::Stale,
        AppendError::NoDocument => {
            tracing::error!("a claim cited a document that is not stored; nothing was written");
            WriteError::Unavailable
        }
        AppendError::Database(error) => error.into(),
    }
}

#[async_trait]
impl ComplianceWriter for Store {
    #[tracing::instrument(skip_all, fields(by, department = %claim.department))]
    async fn record_claim(
        &self,
        by: i64,
        claim: NewClaim,
        expected_latest: i64,
        documents: Vec<Upload>,
        carried: Vec<i64>,
        accepting: Option<i64>,
    ) -> Result<i64, WriteError> {
        let staged = self.stage(&documents).await?;
        let records: Vec<_> = staged.iter().map(|s| s.record.clone()).collect();
        let requirements = self.requirements().await?;
        let now = self.clock.now();
        let (mut tx, begun_at) = self.begin_at().await?;
        let append = Append {
            recorded_by: Some(by),
            expected_latest: Some(expected_latest),
            note_en: None,
            now,
        };
        let appended = claims::append(&mut tx, &claim, &append, &records)
            .await
            .map_err(append_error)?;
        if let Some(suggestion) = accepting {
            super::suggestions::accept(&mut tx, by, suggestion, &claim, appended.claim, now)
                .await?;
        }
        if let Some(correction) = &claim.corrects {
            correct(&mut tx, &claim, correction, appended.claim).await?;
            documents::carry(&mut tx, correction.claim, &carried, appended.claim, by, now).await?;
        }
        let mut change = Change::to_records(now, begun_at).appending_only();
        self.record_changed(
            &mut tx,
            &mut change,
            (claim.department, &claim.requirement),
            &[appended.claim],
            &requirements,
            Some(appended.entry),
        )
        .await?;
        self.commit_change(tx, change).await?;
        self.keep(staged).await;
        Ok(appended.claim)
    }

    async fn import_claims(
        &self,
        by: i64,
        claims: Vec<NewClaim>,
        expected: HashMap<(String, String), i64>,
    ) -> Result<Vec<i64>, WriteError> {
        let requirements = self.requirements().await?;
        let (mut tx, begun_at) = self.begin_at().await?;
        let mut latest = expected;
        let mut ids = Vec::with_capacity(claims.len());
        let now = self.clock.now();
        // Each record touched, the claims the import added to it, and its last history entry.
        let mut touched: Vec<Touched> = Vec::new();
        for claim in &claims {
            let key = (claim.department.to_string(), claim.requirement.to_string());
            let position = touched.iter().position(|t| {
                t.department == claim.department && t.requirement == claim.requirement
            });
            let position = position.unwrap_or_else(|| {
                touched.push(Touched {
                    department: claim.department,
                    requirement: claim.requirement.clone(),
                    added: Vec::new(),
                    entry: 0,
                });
                touched.len() - 1
            });
            let append = Append {
                recorded_by: Some(by),
                expected_latest: Some(latest.get(&key).copied().unwrap_or(0)),
                note_en: None,
                now,
            };
            let appended = claims::append(&mut tx, claim, &append, &[])
                .await
                .map_err(append_error)?;
            latest.insert(key, appended.claim);
            touched[position].added.push(appended.claim);
            touched[position].entry = appended.entry;
            ids.push(appended.claim);
        }
        let mut change = Change::to_records(now, begun_at);
        for t in &touched {
            let record = (t.department, &t.requirement);
            self.record_changed(
                &mut tx,
                &mut change,
                record,
                &t.added,
                &requirements,
                Some(t.entry),
            )
            .await?;
        }
        self.commit_change(tx, change).await?;
        Ok(ids)
    }

    async fn post_reply(
        &self,
        by: i64,
        gap: GapRef,
        reply: ReplyText,
        documents: Vec<Upload>,
    ) -> Result<i64, WriteError> {
        let staged = self.stage(&documents).await?;
        let records: Vec<_> = staged.iter().map(|s| s.record.clone()).collect();
        let now = self.clock.now();
        let mut tx = self.begin().await?;
        let target = (gap.department, &gap.requirement, gap.kind);
        let id = replies::insert(&mut tx, target, &reply, by, now).await?;
        documents::insert(&mut tx, Owner::Reply(id), &records, by, now).await?;
        let entry = Audit {
            action: HistoryAction::ReplyPosted,
            subject: format!("reply:{id}"),
            reason: &reply.body,
            department: Some(gap.department.as_str()),
            requirement: Some(gap.requirement.as_str()),
        };
        let history_entry = audit::append(&mut tx, Some(by), entry, now).await?;
        let posted = EventDraft {
            gap_kind: Some(gap.kind),
            severity: Some(gap.kind.severity()),
            reply_id: Some(id),
            ..EventDraft::new(
                EventKind::ReplyPosted,
                gap.department,
                gap.requirement.clone(),
            )
        };
        let mut change = Change::new(Origin::Write, now);
        self.write_events(&mut tx, &mut change, vec![posted], Some(history_entry))
            .await?;
        self.commit_change(tx, change).await?;
        self.keep(staged).await;
        Ok(id)
    }

    async fn review_reply(
        &self,
        by: i64,
        reply: i64,
        outcome: vigia::ReviewOutcome,
        note: String,
    ) -> Result<(), WriteError> {
        let (department, requirement) = self
            .unreviewed_reply(reply)
            .await
            .map_err(read_failed)?
            .ok_or(WriteError::Conflict)?;
        let now = self.clock.now();
        let mut tx = self.begin().await?;
        if !replies::review(&mut tx, reply, outcome, &note, by, now).await? {
            return Err(WriteError::Conflict);
        }
        let entry = Audit {
            action: HistoryAction::ReplyReviewed,
            subject: format!("reply:{reply}"),
            reason: &note,
            department: Some(&department),
            requirement: Some(&requirement),
        };
        let history_entry = audit::append(&mut tx, Some(by), entry, now).await?;
        let mut change = Change::new(Origin::Write, now);
        if let (Ok(department), Ok(requirement)) = (
            DepartmentCode::parse(&department),
            vigia::RequirementSlug::parse(&requirement),
        ) {
            let reviewed = EventDraft {
                reply_id: Some(reply),
                ..EventDraft::new(EventKind::ReplyReviewed, department, requirement)
            };
            self.write_events(&mut tx, &mut change, vec![reviewed], Some(history_entry))
                .await?;
        }
        self.commit_change(tx, change).await
    }

    async fn add_suggestion(
        &self,
        department: DepartmentCode,
        suggestion: SuggestionText,
    ) -> Result<i64, WriteError> {
        self.suggest(department, suggestion).await
    }

    async fn take_up_suggestion(&self, by: i64, suggestion: i64) -> Result<(), WriteError> {
        self.take_up(by, suggestion).await
    }

    async fn reject_suggestion(
        &self,
        by: i64,
        suggestion: i64,
        reason: String,
    ) -> Result<(), WriteError> {
        self.reject(by, suggestion, reason).await
    }

    async fn withhold_document(
        &self,
        by: i64,
        document: i64,
        reason: String,
    ) -> Result<(), WriteError> {
        let row = self
            .document(document)
            .await
            .map_err(read_failed)?
            .ok_or(WriteError::NotFound)?;
        let now = self.clock.now();
        let mut tx = self.begin().await?;
        if !documents::withhold(&mut tx, document, &reason, by, now).await? {
            return Err(WriteError::Conflict);
        }
        let entry = Audit {
            action: HistoryAction::DocumentWithheld,
            subject: format!("document:{document}"),
            reason: &reason,
            department: Some(&row.department),
            requirement: None,
        };
        audit::append(&mut tx, Some(by), entry, now).await?;
        let still_public = documents::public_copies(&mut tx, &row.sha256).await?;
        self.commit(tx).await?;
        // The content goes once no public document shares the same bytes.
        if still_public == 0 {
            if let Err(error) = self.files.remove(&row.sha256).await {
                tracing::error!(error = ?error, "could not remove a withheld document's file");
            }
        }
        Ok(())
    }

    async fn hide_text(
        &self,
        by: i64,
        target: HideTarget,
        reason: String,
    ) -> Result<(), WriteError> {
        let found = match target {
            HideTarget::Reply(id) => replies::text(&self.pool, id).await?,
            HideTarget::ClaimNote(id) => claims::note_of(&self.pool, id).await?,
            HideTarget::Suggestion(id) => suggestions::any(&self.pool, id).await?.map(|s| {
                let requirement = s.requirement.map(|r| r.to_string()).unwrap_or_default();
                (s.department.to_string(), requirement, s.body)
            }),
        };
        let (department, requirement, text) = found.ok_or(WriteError::NotFound)?;
        let subject = target.subject();
        let sha256 = hex::encode(Sha256::digest(text.as_bytes()));
        let now = self.clock.now();
        let mut tx = self.begin().await?;
        if !hidden::hide(&mut tx, &subject, &sha256, &reason, by, now).await? {
            return Err(WriteError::Conflict);
        }
        let entry = Audit {
            action: HistoryAction::TextHidden,
            subject,
            reason: &reason,
            department: Some(&department),
            requirement: Some(&requirement)
                .filter(|r| !r.is_empty())
                .map(|r| r.as_str()),
        };
        audit::append(&mut tx, Some(by), entry, now).await?;
        self.commit(tx).await
    }
}
