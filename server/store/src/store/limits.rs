//! Rate limits and the sign-in throttle, kept in the database so that several server
//! processes share them: three instances do not triple them.

use chrono::{DateTime, Duration, Utc};
use std::net::IpAddr;

use vigia::ports::WriteError;

use super::Store;
use crate::db;
use crate::throttle::{self, Recent};
use crate::ReadError;

/// The forms limited per client address (IPv6 by /64).
#[derive(Clone, Copy, Debug)]
pub enum RateLimit {
    /// Public suggestions: a handful an hour.
    Suggestions,
    /// Alert subscription forms.
    AlertForms,
    /// Confirm, manage and unsubscribe posts (mail providers post one-click unsubscribes for
    /// many people from few addresses: a generous limit).
    AlertLinks,
    /// Choosing a password through a one-time link: a person needs a few tries at most.
    PasswordLinks,
    /// "¿Olvidó su contraseña?" forms.
    PasswordResets,
}

impl RateLimit {
    fn scope(self) -> &'static str {
        match self {
            RateLimit::Suggestions => "suggestions",
            RateLimit::AlertForms => "alert-forms",
            RateLimit::AlertLinks => "alert-links",
            RateLimit::PasswordLinks => "password-links",
            RateLimit::PasswordResets => "password-resets",
        }
    }

    /// Uses allowed within the window.
    fn allowance(self) -> (i64, Duration) {
        match self {
            RateLimit::Suggestions => (5, Duration::hours(1)),
            RateLimit::AlertForms => (10, Duration::hours(1)),
            RateLimit::AlertLinks => (60, Duration::minutes(1)),
            RateLimit::PasswordLinks => (20, Duration::hours(1)),
            RateLimit::PasswordResets => (5, Duration::hours(1)),
        }
    }
}

/// How long anything is kept: the longest window.
const KEPT: Duration = Duration::hours(1);

impl Store {
    /// Counts one use of a limited form by `client`; false once its allowance is spent.
    pub async fn take_allowance(
        &self,
        limit: RateLimit,
        client: IpAddr,
    ) -> Result<bool, WriteError> {
        let now = self.now();
        let (uses, window) = limit.allowance();
        let subject = client.to_string();
        db::limits::take(&self.pool, limit.scope(), &subject, uses, now - window, now)
            .await
            .map_err(WriteError::from)
    }

    /// Whether `account` may try a password from `client` now.
    pub async fn sign_in_allowed(&self, account: &str, client: IpAddr) -> Result<bool, ReadError> {
        let now = self.now();
        let found = db::limits::recent_failures(
            &self.pool,
            account,
            &client.to_string(),
            now - throttle::WINDOW,
        )
        .await?;
        let recent = Recent {
            account_and_address: found.account_and_address,
            address: found.address,
            account: found.account,
            last_from_address: found
                .last_from_address
                .and_then(|at| at.parse::<DateTime<Utc>>().ok()),
        };
        Ok(throttle::allows(&recent, now))
    }

    pub async fn sign_in_failed(&self, account: &str, client: IpAddr) -> Result<(), WriteError> {
        db::limits::sign_in_failed(&self.pool, account, &client.to_string(), self.now())
            .await
            .map_err(WriteError::from)
    }

    pub async fn sign_in_succeeded(&self, account: &str, client: IpAddr) -> Result<(), WriteError> {
        db::limits::sign_in_succeeded(&self.pool, account, &client.to_string())
            .await
            .map_err(WriteError::from)
    }

    /// Forgets uses and failures older than every window.
    pub async fn forget_old_limits(&self) -> Result<u64, WriteError> {
        db::limits::forget_before(&self.pool, self.now() - KEPT)
            .await
            .map_err(WriteError::from)
    }
}
