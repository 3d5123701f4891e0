//! The ports through which the UI, the API and the form handlers reach data. The server
//! implements them with a database; tests can implement them in memory.

use async_trait::async_trait;
use std::collections::HashMap;

use crate::document::Upload;
use crate::drafts::{NewAccount, ReplyText, SuggestionText};
use crate::new_claim::NewClaim;
use crate::office::{Account, Suggestion};
use crate::{DepartmentCode, GapKind, RequirementSlug, Snapshot};

/// Why a port could not answer. Carries no database text: callers show a generic error and
/// the implementation logs the cause.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PortError {
    #[error("the data store is unavailable")]
    Unavailable,
}

/// Why a write did not happen. Nothing was written in any case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// The record changed since the form was opened.
    #[error("the record changed since the form was opened")]
    Stale,
    /// What the write names does not exist (or is not what the caller may touch).
    #[error("not found")]
    NotFound,
    /// Someone else did it first (a review, a decision, a withholding).
    #[error("someone else changed it first")]
    Conflict,
    /// An account with this email exists.
    #[error("the email address is taken")]
    EmailTaken,
    #[error("the data store is unavailable")]
    Unavailable,
}

/// Reads the public state of the tracker.
#[async_trait]
pub trait ComplianceReader: Send + Sync {
    /// Everything the public pages show, as of now.
    async fn snapshot(&self) -> Result<std::sync::Arc<Snapshot>, PortError>;

    /// A number that changes whenever the data changes, for caches and ETags.
    fn data_version(&self) -> u64;
}

/// Reads what only signed-in staff see. Pages check the viewer's rights before asking.
#[async_trait]
pub trait OfficeReader: Send + Sync {
    /// Suggestions nobody has decided on yet, oldest first.
    async fn pending_suggestions(&self) -> Result<Vec<Suggestion>, PortError>;

    /// Every account, for the admin's user management.
    async fn accounts(&self) -> Result<Vec<Account>, PortError>;
}

/// Where a suggestion stands, for whoever holds its follow link (a signed token).
#[async_trait]
pub trait SuggestionTracker: Send + Sync {
    /// `None` for a token that is not one of ours.
    async fn follow(
        &self,
        token: &str,
    ) -> Result<Option<crate::office::SuggestionProgress>, PortError>;
}

/// The alerts' own reads, for the pages that need them: what a signed link from an email
/// opens, and how the deliveries are doing.
#[async_trait]
pub trait AlertReader: Send + Sync {
    /// The subscription a link of this purpose opens; `None` when the token is not one we
    /// signed for that purpose, has expired, or its subscription is gone.
    async fn opened(
        &self,
        purpose: crate::subscriptions::AlertLinkPurpose,
        token: &str,
    ) -> Result<Option<crate::subscriptions::Subscription>, PortError>;

    /// What an emailed link to apply new choices opens: the change asked for, or `None`
    /// when the token is not one we signed, has expired, or its subscription is gone.
    async fn asked_change(
        &self,
        token: &str,
    ) -> Result<Option<crate::subscriptions::AskedChange>, PortError>;

    /// Counts, recent deliveries and webhooks, for the admins' page.
    async fn overview(&self) -> Result<crate::subscriptions::AlertsOverview, PortError>;
}

/// The gap a department answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapRef {
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    pub kind: GapKind,
}

/// What text an admin may hide from the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HideTarget {
    /// A department's reply.
    Reply(i64),
    /// A public suggestion.
    Suggestion(i64),
    /// A claim's note.
    ClaimNote(i64),
}

impl HideTarget {
    /// The subject the history and the hidden-texts table name it by.
    pub fn subject(self) -> String {
        match self {
            Self::Reply(id) => format!("reply:{id}"),
            Self::Suggestion(id) => format!("suggestion:{id}"),
            Self::ClaimNote(id) => format!("claim:{id}"),
        }
    }
}

/// Every change to the compliance record. Each write appends its public history entry (and
/// whatever else must follow it) in the same transaction as the change, or writes nothing.
/// `by` is the account acting; callers check its rights first.
#[async_trait]
pub trait ComplianceWriter: Send + Sync {
    /// Appends a claim; with `accepting`, the suggestion it answers is recorded as accepted
    /// in the same transaction (`Conflict` if someone decided on it first). A claim that
    /// corrects another (`claim.corrects`) is linked to it, and `carried` names documents of
    /// the corrected claim it keeps as evidence (`Conflict` if that claim is corrected
    /// already, `NotFound` if it is not of this record).
    async fn record_claim(
        &self,
        by: i64,
        claim: NewClaim,
        expected_latest: i64,
        documents: Vec<Upload>,
        carried: Vec<i64>,
        accepting: Option<i64>,
    ) -> Result<i64, WriteError>;

    /// All claims or none; `expected` holds each record's latest claim id at the preview.
    async fn import_claims(
        &self,
        by: i64,
        claims: Vec<NewClaim>,
        expected: HashMap<(String, String), i64>,
    ) -> Result<Vec<i64>, WriteError>;

    async fn post_reply(
        &self,
        by: i64,
        gap: GapRef,
        reply: ReplyText,
        documents: Vec<Upload>,
    ) -> Result<i64, WriteError>;

    async fn review_reply(
        &self,
        by: i64,
        reply: i64,
        outcome: crate::ReviewOutcome,
        note: String,
    ) -> Result<(), WriteError>;

    async fn add_suggestion(
        &self,
        department: DepartmentCode,
        suggestion: SuggestionText,
    ) -> Result<i64, WriteError>;

    /// Marks a pending suggestion as being handled by `by`, who opened the claim form it asks
    /// for; it stays in the queue until that claim is saved (or another officer takes it up).
    async fn take_up_suggestion(&self, by: i64, suggestion: i64) -> Result<(), WriteError>;

    /// Turns a pending suggestion down with a public reason.
    async fn reject_suggestion(
        &self,
        by: i64,
        suggestion: i64,
        reason: String,
    ) -> Result<(), WriteError>;

    async fn withhold_document(
        &self,
        by: i64,
        document: i64,
        reason: String,
    ) -> Result<(), WriteError>;

    async fn hide_text(
        &self,
        by: i64,
        target: HideTarget,
        reason: String,
    ) -> Result<(), WriteError>;
}

/// Every change to accounts, with its public history entry.
#[async_trait]
pub trait AccountWriter: Send + Sync {
    /// Creates the account (without a password) and returns its id and the raw token of a
    /// one-time link to choose one. `by` is `None` for the command line.
    async fn add_account(
        &self,
        by: Option<i64>,
        account: NewAccount,
    ) -> Result<(i64, String), WriteError>;

    /// Disables or re-enables; `Ok(false)` when it was already so.
    async fn set_access(
        &self,
        by: i64,
        user: i64,
        disabled: bool,
        reason: String,
    ) -> Result<bool, WriteError>;

    async fn set_scope(
        &self,
        by: i64,
        user: i64,
        departments: Vec<DepartmentCode>,
    ) -> Result<(), WriteError>;

    /// Spends a one-time link and sets the password; the account's id.
    async fn redeem_sign_in_link(
        &self,
        token: &str,
        password_hash: String,
    ) -> Result<i64, WriteError>;

    /// A signed-in person's new password (the current one checked by the caller); the
    /// account's unused one-time links stop working.
    async fn change_password(&self, user: i64, password_hash: String) -> Result<(), WriteError>;
}
