//! All of Vigía's SQL lives under this module.

mod claims;
mod history;
pub mod office;
mod seed;
mod snapshot;

pub use claims::{append_claim, append_claims, AppendError};
pub use seed::seed_if_empty;
pub use snapshot::load_snapshot;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::str::FromStr;
use std::time::Duration;

/// A database failure; its text is logged, never sent to a client.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error")]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");

/// Opens the pool, creating the database file (and its folder) when missing.
pub async fn connect(database_url: &str) -> Result<SqlitePool, DbError> {
    let options = SqliteConnectOptions::from_str(database_url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // With WAL, NORMAL cannot corrupt the database; a power cut may lose the last commits
        // but a crash of Vigía itself loses nothing. Commits no longer wait for a disk flush.
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    if let Some(parent) = options.get_filename().parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(|e| DbError::Corrupt(e.to_string()))?;
        }
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    Ok(pool)
}

pub async fn migrate(pool: &SqlitePool) -> Result<(), DbError> {
    MIGRATOR.run(pool).await?;
    Ok(())
}

/// Counts claims; with the latest claim id this makes the data version.
pub async fn data_version(pool: &SqlitePool) -> Result<u64, DbError> {
    let (max_id,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM claims")
        .fetch_one(pool)
        .await?;
    Ok(max_id.unwrap_or(0) as u64)
}

/// How instants are stored: UTC, always with six decimals and `Z`, so text order is time
/// order on every engine.
pub fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub async fn ping(pool: &SqlitePool) -> Result<(), DbError> {
    sqlx::query("SELECT 1").execute(pool).await?;
    Ok(())
}
