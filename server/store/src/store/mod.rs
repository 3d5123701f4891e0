//! The store: the one seam every read and write of Vigía's data goes through. Each write is a
//! method that appends its audit entry and moves the data version on in the same transaction
//! as the change, so no caller can forget either; reads serve a snapshot cached until the
//! version moves.

mod accounts;
mod alerts;
mod compliance;
mod events;
mod limits;
mod suggestions;
mod touched;
mod written;

pub use alerts::{AfterFailure, AlertCounts, Outcome, CONFIRMATION_HOURS};
pub use events::Change;
pub use limits::RateLimit;
pub use touched::Touched;

use async_trait::async_trait;
use chrono::NaiveDate;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use vigia::ports::{ComplianceReader, PortError, WriteError};
use vigia::{Clock, Snapshot};

use crate::db::version::{Effect, Versions};
use crate::db::{self, DbError, Pool, Tx};
use crate::documents::DocumentStore;

/// The snapshot held, with the data version and count of rewrites it was loaded at.
struct Held {
    version: u64,
    rewrites: u64,
    snapshot: Arc<Snapshot>,
}

/// The connection pool's use, as `/metrics` shows it.
#[derive(Clone, Copy, Debug)]
pub struct PoolStats {
    pub size: u32,
    pub idle: usize,
}

pub struct Store {
    pool: Pool,
    clock: Arc<dyn Clock>,
    files: DocumentStore,
    version: AtomicU64,
    /// How many of the writes up to `version` did not only append ([`Versions::rewrites`]),
    /// here or in another process. Moved on after `version` and read before it, so a count
    /// read beside a version is never above that version's.
    rewrites: AtomicU64,
    cached: RwLock<Option<Held>>,
    /// How many snapshots were extended (or kept) rather than loaded whole.
    extended: AtomicU64,
    /// How many writes read a record whole, not knowing it at the version they began at.
    read_whole: AtomicU64,
    /// One reload at a time: requests arriving while the snapshot loads wait for it.
    loading: tokio::sync::Mutex<()>,
    /// Told when deliveries are queued, so the worker sends at once rather than at its next
    /// look at the queue.
    queued: tokio::sync::Notify,
    written: written::WrittenRecords,
    touched: touched::TouchedLog,
}

/// Why a read could not answer (the ports' read error): the cause is logged, never shown.
pub type ReadError = PortError;

/// A database failure during a write: logged here, once; the caller learns only that the
/// store is unavailable, and nothing was written.
impl From<DbError> for WriteError {
    fn from(error: DbError) -> Self {
        tracing::error!(error = ?error, "a write failed; nothing was written");
        WriteError::Unavailable
    }
}

/// A read inside a write failed: the read logged why; nothing was written.
fn read_failed(_: PortError) -> WriteError {
    WriteError::Unavailable
}

/// A database failure during a read: logged here, once.
impl From<DbError> for PortError {
    fn from(error: DbError) -> Self {
        tracing::error!(error = ?error, "a read failed");
        PortError::Unavailable
    }
}

impl Store {
    pub async fn new(
        pool: Pool,
        clock: Arc<dyn Clock>,
        files: DocumentStore,
    ) -> Result<Self, db::DbError> {
        let versions = db::version::current(&pool).await?;
        Ok(Self {
            pool,
            clock,
            files,
            version: AtomicU64::new(versions.current),
            rewrites: AtomicU64::new(versions.rewrites),
            extended: AtomicU64::new(0),
            read_whole: AtomicU64::new(0),
            cached: RwLock::new(None),
            loading: tokio::sync::Mutex::new(()),
            queued: tokio::sync::Notify::new(),
            written: written::WrittenRecords::default(),
            touched: touched::TouchedLog::default(),
        })
    }

    /// How many connections the pool holds, and how many are idle (for `/metrics`).
    pub fn pool_stats(&self) -> PoolStats {
        PoolStats {
            size: self.pool.size(),
            idle: self.pool.num_idle(),
        }
    }

    /// The server secret named `name`, made by `make` if there is none yet.
    pub async fn secret(
        &self,
        name: &str,
        make: impl FnOnce() -> String,
    ) -> Result<String, DbError> {
        db::secrets::get_or_make(&self.pool, name, make).await
    }

    /// Now, by the store's clock (the one the gap rules and signed links use).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    pub fn files(&self) -> &DocumentStore {
        &self.files
    }

    /// The departments and requirements (with every name and label): the last snapshot
    /// loaded, even when the data has moved on since, because they are seeded before the
    /// server starts and no write changes them. A write needs them, and must not wait for the
    /// whole record to be loaded again after the previous write.
    pub async fn reference(&self) -> Result<Arc<Snapshot>, PortError> {
        let last = self
            .cached
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .as_ref()
            .map(|held| held.snapshot.clone());
        match last {
            Some(snapshot) => Ok(snapshot),
            None => self.snapshot().await,
        }
    }

    /// Follows writes made by other processes (the command line, another server): the data
    /// version is read from the database twice a second.
    pub fn watch_version(self: &Arc<Self>) {
        let store = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(500));
            loop {
                tick.tick().await;
                let Some(store) = store.upgrade() else { break };
                match db::version::current(&store.pool).await {
                    Ok(versions) => store.follow(versions),
                    Err(error) => tracing::warn!(error = ?error, "could not read the data version"),
                }
            }
        });
    }

    /// Writes take the write lock at once, so what they read (the record before, the gaps
    /// recorded open) is what they change: writes run one after another.
    async fn begin(&self) -> Result<Tx<'static>, WriteError> {
        db::begin_write(&self.pool).await.map_err(WriteError::from)
    }

    /// [`Self::begin`], with the data version the write began at.
    async fn begin_at(&self) -> Result<(Tx<'static>, u64), WriteError> {
        db::begin_write_at(&self.pool)
            .await
            .map_err(WriteError::from)
    }

    /// Moves the data version on and commits a write that may have changed anything a
    /// snapshot holds; caches follow at once.
    async fn commit(&self, tx: Tx<'static>) -> Result<(), WriteError> {
        self.commit_version(tx, Effect::Rewrites).await.map(drop)
    }

    /// [`Self::commit`] for a write that only appended rows, or wrote none a snapshot reads
    /// ([`Effect::Appends`]): the snapshot held is extended rather than loaded again.
    async fn commit_appending(&self, tx: Tx<'static>) -> Result<(), WriteError> {
        self.commit_version(tx, Effect::Appends).await.map(drop)
    }

    /// Commits a write of `effect`, giving the version committed.
    async fn commit_version(&self, mut tx: Tx<'static>, effect: Effect) -> Result<u64, WriteError> {
        let versions = db::version::bump(&mut tx, effect).await?;
        tx.commit().await.map_err(DbError::from)?;
        self.follow(versions);
        Ok(versions.current)
    }

    /// Takes in versions read from the database or just committed (neither moves back).
    fn follow(&self, versions: Versions) {
        self.version.fetch_max(versions.current, Ordering::SeqCst);
        self.rewrites.fetch_max(versions.rewrites, Ordering::SeqCst);
    }

    /// The records changed by the data versions after `from` up to `to`, each a write made
    /// here on `day` that only added claims; `None` when any version is another kind of
    /// change or another process's, so that everything must be taken as changed.
    pub fn changed_between(&self, from: u64, to: u64, day: NaiveDate) -> Option<Vec<Touched>> {
        self.touched.between(from, to, day)
    }

    /// How many snapshots were an earlier one plus the rows appended since (or the earlier
    /// one itself, when nothing it reads was), not loaded whole.
    pub fn snapshots_extended(&self) -> u64 {
        self.extended.load(Ordering::Relaxed)
    }

    /// How many writes read the record they changed whole, not knowing it at the version
    /// they began at.
    pub fn records_read_whole(&self) -> u64 {
        self.read_whole.load(Ordering::Relaxed)
    }

    /// The snapshot held, when it is of a version before `version` and every write since
    /// only appended: the count of rewrites, read after `version` (so at least `version`'s),
    /// is still the one read when the snapshot was (at most its version's).
    fn extendable(&self, version: u64) -> Option<Arc<Snapshot>> {
        let guard = self
            .cached
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let held = guard.as_ref()?;
        let rewrites = self.rewrites.load(Ordering::SeqCst);
        (held.version < version && held.rewrites == rewrites).then(|| held.snapshot.clone())
    }

    fn cached(&self, version: u64) -> Option<Arc<Snapshot>> {
        let guard = self
            .cached
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard
            .as_ref()
            .filter(|held| held.version == version)
            .map(|held| held.snapshot.clone())
    }

    /// The reply nobody has reviewed yet: its department and requirement.
    pub async fn unreviewed_reply(&self, id: i64) -> Result<Option<(String, String)>, PortError> {
        db::replies::unreviewed(&self.pool, id)
            .await
            .map_err(PortError::from)
    }

    pub async fn pending_suggestion(
        &self,
        id: i64,
    ) -> Result<Option<vigia::office::Suggestion>, PortError> {
        db::suggestions::pending_one(&self.pool, id)
            .await
            .map_err(PortError::from)
    }

    /// One page of the public history, newest first, of one department or of all, and
    /// whether more follow: read from the database page by page, not from the snapshot.
    pub async fn history_page(
        &self,
        department: Option<vigia::DepartmentCode>,
        page: usize,
        per_page: usize,
    ) -> Result<(Vec<vigia::HistoryEntry>, bool), PortError> {
        let hidden = db::hidden::all(&self.pool).await?;
        let skip = page.saturating_sub(1).saturating_mul(per_page);
        let limits = (
            i64::try_from(skip).unwrap_or(i64::MAX),
            i64::try_from(per_page).unwrap_or(i64::MAX),
        );
        Ok(db::history_page(&self.pool, &hidden, department, limits).await?)
    }

    pub async fn document(&self, id: i64) -> Result<Option<db::documents::DocumentRow>, PortError> {
        db::documents::find(&self.pool, id)
            .await
            .map_err(PortError::from)
    }

    pub async fn ping(&self) -> Result<(), PortError> {
        db::ping(&self.pool).await.map_err(PortError::from)
    }
}

#[async_trait]
impl ComplianceReader for Store {
    async fn snapshot(&self) -> Result<Arc<Snapshot>, PortError> {
        // Read before the version, so that it is at most the version's.
        let rewrites = self.rewrites.load(Ordering::SeqCst);
        let version = self.data_version();
        if let Some(snapshot) = self.cached(version) {
            return Ok(snapshot);
        }
        let _loading = self.loading.lock().await;
        if let Some(snapshot) = self.cached(version) {
            return Ok(snapshot);
        }
        let snapshot = match self.extendable(version) {
            Some(before) => {
                self.extended.fetch_add(1, Ordering::Relaxed);
                match db::extend_snapshot(&self.pool, &before).await? {
                    Some(extended) => Arc::new(extended),
                    None => before,
                }
            }
            None => Arc::new(db::load_snapshot(&self.pool).await?),
        };
        let mut guard = self
            .cached
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *guard = Some(Held {
            version,
            rewrites,
            snapshot: snapshot.clone(),
        });
        Ok(snapshot)
    }

    fn data_version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }
}

#[async_trait]
impl vigia::ports::OfficeReader for Store {
    async fn pending_suggestions(&self) -> Result<Vec<vigia::office::Suggestion>, PortError> {
        db::suggestions::pending(&self.pool)
            .await
            .map_err(PortError::from)
    }

    async fn accounts(&self) -> Result<Vec<vigia::office::Account>, PortError> {
        db::accounts::all(&self.pool).await.map_err(PortError::from)
    }
}
