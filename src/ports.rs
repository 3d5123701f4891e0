//! The ports through which the UI and the API reach data. The server implements them with a
//! database; tests can implement them in memory.

use async_trait::async_trait;

use crate::office::{Account, Suggestion};
use crate::Snapshot;

/// Why a port could not answer. Carries no database text: callers show a generic error and
/// the implementation logs the cause.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PortError {
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
