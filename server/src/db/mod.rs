//! All of Vigía's SQL lives under this module, one file per area. Writes are small functions
//! on a transaction; the store (`crate::store`) strings them together so that every write
//! appends its audit entry and moves the data version on in the same transaction.

pub mod accounts;
pub mod audit;
pub mod claims;
pub mod deliveries;
pub mod documents;
pub mod events;
pub mod hidden;
mod history;
pub mod replies;
mod seed;
mod snapshot;
pub mod subscriptions;
pub mod suggestions;
pub mod version;

pub use claims::AppendError;
pub use seed::seed_if_empty;
pub use snapshot::{load_record, load_snapshot};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// The engine Vigía talks to.
pub type Db = sqlx::Sqlite;
pub type Pool = sqlx::Pool<Db>;
pub type Tx<'c> = sqlx::Transaction<'c, Db>;

/// A database failure; its text is logged, never sent to a client.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error")]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    #[error("unsupported database URL {0:?}: Vigía uses SQLite (sqlite://path/to/file.db)")]
    UnsupportedUrl(String),
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");

/// Opens the pool, creating the database file (and its folder) when missing. A URL of another
/// kind is refused rather than taken for a file name.
pub async fn connect(database_url: &str) -> Result<Pool, DbError> {
    if !database_url.starts_with("sqlite:") {
        let scheme = database_url.split("://").next().unwrap_or(database_url);
        return Err(DbError::UnsupportedUrl(format!("{scheme}://…")));
    }
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

pub async fn migrate(pool: &Pool) -> Result<(), DbError> {
    MIGRATOR.run(pool).await?;
    Ok(())
}

/// How instants are stored: UTC, always with six decimals and `Z`, so text order is time
/// order on every engine.
pub fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub async fn ping(pool: &Pool) -> Result<(), DbError> {
    sqlx::query("SELECT 1").execute(pool).await?;
    Ok(())
}
