//! Vigía's persistence, apart from the web: every SQL statement (`db`, one file per area), the
//! store (`Store`), the one way in for every read and write, which appends the audit entry and
//! moves the data version on with each write; the document files; and the sign-in throttle's
//! rules. Nothing here knows HTTP or the pages; the server calls it, and it calls the domain.

pub mod db;
pub mod documents;
mod store;
pub mod throttle;

pub use db::accounts::{Find, UserRow};
pub use db::events::EventFilter;
pub use db::{DbError, Engine};
pub use store::{
    AfterFailure, AlertCounts, Change, Outcome, PoolStats, RateLimit, ReadError, Store, Touched,
    CONFIRMATION_HOURS,
};

use std::path::Path;
use std::sync::Arc;

/// Connects, migrates and seeds an empty database (or corrects one seeded from an earlier
/// revision of the cited data); the pool, for the commands that move whole databases.
pub async fn prepare(database_url: &str, clock: &dyn vigia::Clock) -> Result<db::Pool, DbError> {
    let pool = db::connect(database_url).await?;
    db::migrate(&pool).await?;
    db::seed_if_empty(&pool, clock).await?;
    Ok(pool)
}

/// The store over a prepared database and the documents folder under `data_dir`, with the
/// open gaps recorded.
pub async fn open(
    database_url: &str,
    data_dir: &Path,
    clock: Arc<dyn vigia::Clock>,
) -> Result<Store, OpenError> {
    std::fs::create_dir_all(data_dir)?;
    let pool = prepare(database_url, clock.as_ref()).await?;
    let files = documents::DocumentStore::new(data_dir)?;
    let store = Store::new(pool, clock, files).await?;
    store
        .ensure_gap_baseline()
        .await
        .map_err(|_| OpenError::Baseline)?;
    Ok(store)
}

/// Why the store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Database(#[from] DbError),
    #[error("the data folder could not be made: {0}")]
    Files(#[from] std::io::Error),
    #[error("could not record the open gaps")]
    Baseline,
}

/// Writes the whole database to `out` (see `db::transfer`); how many rows.
pub async fn export_database(
    database_url: &str,
    out: &mut impl std::io::Write,
) -> Result<u64, db::transfer::TransferError> {
    let pool = db::connect(database_url).await?;
    db::migrate(&pool).await?;
    db::transfer::export(&pool, out).await
}

/// Reads an export into the (migrated, still empty) database; how many rows.
pub async fn import_database(
    database_url: &str,
    input: impl std::io::BufRead,
) -> Result<u64, db::transfer::TransferError> {
    let pool = db::connect(database_url).await?;
    db::migrate(&pool).await?;
    db::transfer::import(&pool, input).await
}

/// A consistent copy of a running SQLite database.
pub async fn backup_database(
    database_url: &str,
    file: &Path,
) -> Result<(), db::transfer::TransferError> {
    let pool = db::connect(database_url).await?;
    db::transfer::backup(&pool, file).await
}
