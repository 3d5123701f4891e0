//! The writes to accounts: invitations, access, scope and one-time links.

use async_trait::async_trait;
use chrono::Duration;
use sha2::{Digest, Sha256};

use vigia::access::Role;
use vigia::drafts::NewAccount;
use vigia::ports::{AccountWriter, PortError, WriteError};
use vigia::{DepartmentCode, HistoryAction};

use super::Store;
use crate::db::accounts;
use crate::db::audit::{self, Audit};
use crate::ReadError;

/// How long a one-time link works.
const LINK_VALID_FOR: Duration = Duration::days(7);
/// A password reset link works for an hour; an account has at most three at once.
const RESET_VALID_FOR: Duration = Duration::hours(1);
const RESET_LINKS_AT_ONCE: i64 = 3;

/// Only a SHA-256 of a link's token is stored, so a database leak does not leak working links.
fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The history entry of a person choosing their own password.
fn password_set(user: i64) -> Audit<'static> {
    Audit {
        action: HistoryAction::PasswordSet,
        subject: format!("user:{user}"),
        reason: "",
        department: None,
        requirement: None,
    }
}

impl Store {
    /// An account with its departments, found by id or email, for signing in and for every
    /// signed-in request.
    pub async fn account(
        &self,
        find: accounts::Find<'_>,
    ) -> Result<Option<(accounts::UserRow, Vec<DepartmentCode>)>, PortError> {
        Ok(accounts::scoped_user(&self.pool, find).await?)
    }

    /// The role of an account, if it exists.
    pub async fn account_role(&self, user: i64) -> Result<Option<Role>, PortError> {
        let row = accounts::user_by_id(&self.pool, user).await?;
        Ok(row.and_then(|r| r.role.parse().ok()))
    }

    /// Whether a one-time link would set a password now (unused, unexpired, for an enabled
    /// account): checked before a password is hashed for it.
    pub async fn sign_in_link_works(&self, token: &str) -> Result<bool, ReadError> {
        accounts::sign_in_token_works(&self.pool, &digest(token), self.clock.now())
            .await
            .map_err(ReadError::from)
    }

    /// A one-time link to choose a new password, valid for an hour, for the enabled account
    /// with this email; `None` when there is none, or when it has three links working
    /// already (so nobody can fill someone's mailbox).
    pub async fn password_reset_link(&self, email: &str) -> Result<Option<String>, WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin().await?;
        let Some(user) = accounts::enabled_by_email(&mut tx, email).await? else {
            return Ok(None);
        };
        if accounts::live_tokens(&mut tx, user, now).await? >= RESET_LINKS_AT_ONCE {
            return Ok(None);
        }
        let token = hex::encode(rand::random::<[u8; 32]>());
        accounts::insert_sign_in_token(&mut tx, user, &digest(&token), now + RESET_VALID_FOR)
            .await?;
        self.commit_appending(tx).await?;
        Ok(Some(token))
    }

    /// The public display name of an account, if it exists.
    pub async fn account_name(&self, user: i64) -> Result<Option<String>, PortError> {
        let row = accounts::user_by_id(&self.pool, user).await?;
        Ok(row.map(|r| r.display_name))
    }
}

#[async_trait]
impl AccountWriter for Store {
    async fn add_account(
        &self,
        by: Option<i64>,
        account: NewAccount,
    ) -> Result<(i64, String), WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin().await?;
        let id = accounts::insert(&mut tx, &account, now)
            .await?
            .ok_or(WriteError::EmailTaken)?;
        let token = hex::encode(rand::random::<[u8; 32]>());
        accounts::insert_sign_in_token(&mut tx, id, &digest(&token), now + LINK_VALID_FOR).await?;
        let scope: Vec<&str> = account.departments.iter().map(|d| d.as_str()).collect();
        let reason = format!("{} {}", account.role.slug(), scope.join(" "));
        let entry = Audit {
            action: HistoryAction::UserAdded,
            subject: format!("user:{id}"),
            reason: reason.trim(),
            department: None,
            requirement: None,
        };
        audit::append(&mut tx, by, entry, now).await?;
        self.commit_appending(tx).await?;
        Ok((id, token))
    }

    async fn set_access(
        &self,
        by: i64,
        user: i64,
        disabled: bool,
        reason: String,
    ) -> Result<bool, WriteError> {
        let mut tx = self.begin().await?;
        let changed = accounts::set_disabled(&mut tx, user, disabled)
            .await?
            .ok_or(WriteError::NotFound)?;
        if !changed {
            return Ok(false);
        }
        let entry = Audit {
            action: if disabled {
                HistoryAction::UserDisabled
            } else {
                HistoryAction::UserEnabled
            },
            subject: format!("user:{user}"),
            reason: &reason,
            department: None,
            requirement: None,
        };
        audit::append(&mut tx, Some(by), entry, self.clock.now()).await?;
        self.commit_appending(tx).await?;
        Ok(true)
    }

    async fn set_scope(
        &self,
        by: i64,
        user: i64,
        departments: Vec<DepartmentCode>,
    ) -> Result<(), WriteError> {
        let mut tx = self.begin().await?;
        if accounts::role_of(&mut tx, user).await?.is_none() {
            return Err(WriteError::NotFound);
        }
        accounts::set_departments(&mut tx, user, &departments).await?;
        let scope: Vec<&str> = departments.iter().map(|d| d.as_str()).collect();
        let entry = Audit {
            action: HistoryAction::UserRescoped,
            subject: format!("user:{user}"),
            reason: &scope.join(" "),
            department: None,
            requirement: None,
        };
        audit::append(&mut tx, Some(by), entry, self.clock.now()).await?;
        self.commit_appending(tx).await
    }

    async fn redeem_sign_in_link(
        &self,
        token: &str,
        password_hash: String,
    ) -> Result<i64, WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin().await?;
        let user = accounts::spend_sign_in_token(&mut tx, &digest(token), now)
            .await?
            .ok_or(WriteError::NotFound)?;
        accounts::set_password(&mut tx, user, &password_hash).await?;
        audit::append(&mut tx, Some(user), password_set(user), now).await?;
        self.commit_appending(tx).await?;
        Ok(user)
    }

    async fn change_password(&self, user: i64, password_hash: String) -> Result<(), WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin().await?;
        accounts::set_password(&mut tx, user, &password_hash).await?;
        accounts::spend_live_tokens(&mut tx, user, now).await?;
        audit::append(&mut tx, Some(user), password_set(user), now).await?;
        self.commit_appending(tx).await
    }
}
