//! The SQLite implementation of the domain's read port, with the snapshot cached in memory
//! until the data version changes.

use async_trait::async_trait;
use sqlx::SqlitePool;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use vigia::ports::{ComplianceReader, PortError};
use vigia::Snapshot;

use crate::db;

pub struct SqliteStore {
    pool: SqlitePool,
    version: AtomicU64,
    cached: RwLock<Option<(u64, Arc<Snapshot>)>>,
    /// One reload at a time: requests arriving while the snapshot loads wait for it.
    loading: tokio::sync::Mutex<()>,
}

impl SqliteStore {
    pub async fn new(pool: SqlitePool) -> Result<Self, db::DbError> {
        let version = db::data_version(&pool).await?;
        Ok(Self {
            pool,
            version: AtomicU64::new(version),
            cached: RwLock::new(None),
            loading: tokio::sync::Mutex::new(()),
        })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Called after every write so caches and ETags follow the data at once.
    pub fn data_changed(&self) {
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    fn cached(&self, version: u64) -> Option<Arc<Snapshot>> {
        let guard = self
            .cached
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard
            .as_ref()
            .filter(|(v, _)| *v == version)
            .map(|(_, s)| s.clone())
    }
}

#[async_trait]
impl ComplianceReader for SqliteStore {
    async fn snapshot(&self) -> Result<Arc<Snapshot>, PortError> {
        let version = self.data_version();
        if let Some(snapshot) = self.cached(version) {
            return Ok(snapshot);
        }
        let _loading = self.loading.lock().await;
        if let Some(snapshot) = self.cached(version) {
            return Ok(snapshot);
        }
        let snapshot = Arc::new(db::load_snapshot(&self.pool).await.map_err(|error| {
            tracing::error!(error = ?error, "could not load the snapshot");
            PortError::Unavailable
        })?);
        let mut guard = self
            .cached
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *guard = Some((version, snapshot.clone()));
        Ok(snapshot)
    }

    fn data_version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }
}

#[async_trait]
impl vigia::ports::OfficeReader for SqliteStore {
    async fn pending_suggestions(&self) -> Result<Vec<vigia::office::Suggestion>, PortError> {
        db::office::pending_suggestions(&self.pool)
            .await
            .map_err(|error| {
                tracing::error!(error = ?error, "could not load suggestions");
                PortError::Unavailable
            })
    }

    async fn accounts(&self) -> Result<Vec<vigia::office::Account>, PortError> {
        db::office::accounts(&self.pool).await.map_err(|error| {
            tracing::error!(error = ?error, "could not load accounts");
            PortError::Unavailable
        })
    }
}
