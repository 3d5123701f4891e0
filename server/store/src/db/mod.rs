//! All of Vigía's SQL lives under this module, one file per area. Writes are small functions
//! on a transaction; the store (`crate::Store`) strings them together so that every write
//! appends its audit entry and moves the data version on in the same transaction.

pub mod accounts;
pub mod audit;
pub mod claims;
pub mod deliveries;
pub mod dialect;
pub mod documents;
pub mod events;
pub mod hidden;
mod history;
pub mod limits;
pub mod replies;
pub mod schema;
pub mod secrets;
mod seed;
mod snapshot;
pub mod subscriptions;
pub mod suggestions;
pub mod transfer;
pub mod version;

pub use claims::AppendError;
pub(crate) use history::history_page;
pub use seed::{seed_if_empty, seed_with};
pub use snapshot::{extend_snapshot, load_record, load_record_since, load_snapshot};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{ConnectOptions, Executor};
use std::str::FromStr;

/// The engine Vigía talks to: SQLite or PostgreSQL, chosen by the database URL. Every query
/// is written once, in SQL both understand (`$1` placeholders, ISO-8601 text dates, `TRUE`
/// and `FALSE`, no engine-only functions), and runs through sqlx's `Any` driver.
pub type Db = sqlx::Any;
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
    /// A document file could not be written, moved or removed.
    #[error("document files: {0}")]
    Files(#[from] std::io::Error),
    #[error(
        "unsupported database URL {0:?}: Vigía uses SQLite (sqlite://path/to/file.db) or \
         PostgreSQL (postgres://user@host/database)"
    )]
    UnsupportedUrl(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn of_url(database_url: &str) -> Result<Engine, DbError> {
        let scheme = database_url.split("://").next().unwrap_or(database_url);
        match scheme.split(':').next().unwrap_or_default() {
            "sqlite" => Ok(Engine::Sqlite),
            "postgres" | "postgresql" => Ok(Engine::Postgres),
            _ => Err(DbError::UnsupportedUrl(format!("{scheme}://…"))),
        }
    }

    /// The engine behind a pool.
    pub fn of(pool: &Pool) -> Engine {
        match pool.connect_options().database_url.scheme() {
            "sqlite" => Engine::Sqlite,
            _ => Engine::Postgres,
        }
    }
}

/// Opens the pool; for SQLite, creates the database file (and its folder) when missing. A URL
/// of another kind is refused rather than taken for a file name.
pub async fn connect(database_url: &str) -> Result<Pool, DbError> {
    sqlx::any::install_default_drivers();
    let engine = Engine::of_url(database_url)?;
    let url = match engine {
        Engine::Sqlite => sqlite_url(database_url)?,
        Engine::Postgres => database_url.to_owned(),
    };
    // Statements are logged by our own spans, not once more by sqlx at info level.
    let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .after_connect(move |connection, _| {
            Box::pin(async move {
                if let Some(setup) = engine.dialect().connection_setup {
                    connection.execute(setup).await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    Ok(pool)
}

/// The SQLite URL with `mode=rwc` (create when missing), its folder made.
fn sqlite_url(database_url: &str) -> Result<String, DbError> {
    let path = database_url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() && path != ":memory:" {
            std::fs::create_dir_all(parent).map_err(|e| DbError::Corrupt(e.to_string()))?;
        }
    }
    Ok(if database_url.contains("mode=") {
        database_url.to_owned()
    } else if database_url.contains('?') {
        format!("{database_url}&mode=rwc")
    } else {
        format!("{database_url}?mode=rwc")
    })
}

pub async fn migrate(pool: &Pool) -> Result<(), DbError> {
    Engine::of(pool).dialect().migrator.run(pool).await?;
    Ok(())
}

/// A migrated SQLite database in a folder of its own, for tests that read what the engine
/// makes of the schema; the folder goes when the first value is dropped.
#[cfg(test)]
pub(crate) async fn migrated_sqlite() -> (tempfile::TempDir, Pool) {
    let dir = tempfile::tempdir().unwrap();
    let pool = connect(&format!("sqlite://{}/test.db", dir.path().display()))
        .await
        .unwrap();
    migrate(&pool).await.unwrap();
    (dir, pool)
}

/// A transaction that holds the write lock from its first statement, so what it reads (the
/// record before, the gaps recorded open) is what it changes: writes run one after another,
/// also across several server processes on one PostgreSQL database.
pub async fn begin_write(pool: &Pool) -> Result<Tx<'static>, DbError> {
    begin_write_at(pool).await.map(|(tx, _)| tx)
}

/// [`begin_write`], with the data version it began at: under the write lock, the version of
/// everything it reads, which nobody else can move on until it commits.
pub async fn begin_write_at(pool: &Pool) -> Result<(Tx<'static>, u64), DbError> {
    let dialect = Engine::of(pool).dialect();
    let mut tx = match dialect.begin_write {
        Some(begin) => pool.begin_with(begin).await?,
        None => pool.begin().await?,
    };
    let (n,): (i64,) = sqlx::query_as(dialect.lock_version)
        .fetch_one(&mut *tx)
        .await?;
    Ok((tx, n as u64))
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

/// A stored boolean, read alike from both engines. sqlx's `Any` driver reads no SQLite column
/// declared `BOOLEAN` (and decodes `bool` from PostgreSQL's booleans only), so queries select
/// `CAST(column AS INTEGER)` and row fields read it with `#[sqlx(try_from = "Flag")]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(flag: Flag) -> bool {
        flag.0
    }
}

impl sqlx::Type<Db> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <bool as sqlx::Type<Db>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <bool as sqlx::Type<Db>>::compatible(ty) || <i64 as sqlx::Type<Db>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, Db> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        match <bool as sqlx::Decode<Db>>::decode(value.clone()) {
            Ok(flag) => Ok(Flag(flag)),
            Err(_) => Ok(Flag(<i64 as sqlx::Decode<Db>>::decode(value)? != 0)),
        }
    }
}

/// A statement whose conditions depend on the request, with its placeholders numbered `$1`,
/// `$2`… as both engines read them (sqlx's `QueryBuilder` writes `?` for the Any driver, which
/// PostgreSQL refuses).
#[derive(Default)]
pub struct Statement {
    sql: String,
    params: Vec<Param>,
}

/// A value a statement binds; `None` is SQL's NULL, typed as the column it goes in.
pub enum Param {
    Text(Option<String>),
    Int(Option<i64>),
}

impl From<&str> for Param {
    fn from(text: &str) -> Param {
        Param::Text(Some(text.to_owned()))
    }
}

impl From<String> for Param {
    fn from(text: String) -> Param {
        Param::Text(Some(text))
    }
}

impl From<Option<String>> for Param {
    fn from(text: Option<String>) -> Param {
        Param::Text(text)
    }
}

impl From<Option<&str>> for Param {
    fn from(text: Option<&str>) -> Param {
        Param::Text(text.map(str::to_owned))
    }
}

impl From<i64> for Param {
    fn from(n: i64) -> Param {
        Param::Int(Some(n))
    }
}

impl From<Option<i64>> for Param {
    fn from(n: Option<i64>) -> Param {
        Param::Int(n)
    }
}

impl Statement {
    pub fn new(sql: &str) -> Self {
        Self {
            sql: sql.to_owned(),
            params: Vec::new(),
        }
    }

    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    /// Appends the next placeholder and the value it stands for.
    pub fn bind(&mut self, value: impl Into<Param>) -> &mut Self {
        self.params.push(value.into());
        self.sql.push_str(&format!("${}", self.params.len()));
        self
    }

    /// Appends a placeholder for each value, separated by commas.
    pub fn bind_all(&mut self, values: impl IntoIterator<Item = Param>) -> &mut Self {
        for (n, value) in values.into_iter().enumerate() {
            if n > 0 {
                self.sql.push_str(", ");
            }
            self.bind(value);
        }
        self
    }

    pub fn query(&self) -> sqlx::query::Query<'_, Db, sqlx::any::AnyArguments<'_>> {
        self.params
            .iter()
            .fold(sqlx::query(&self.sql), |query, param| match param {
                Param::Text(text) => query.bind(text.as_deref()),
                Param::Int(n) => query.bind(*n),
            })
    }

    pub fn query_as<T>(&self) -> sqlx::query::QueryAs<'_, Db, T, sqlx::any::AnyArguments<'_>>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
    {
        self.params
            .iter()
            .fold(sqlx::query_as(&self.sql), |query, param| match param {
                Param::Text(text) => query.bind(text.as_deref()),
                Param::Int(n) => query.bind(*n),
            })
    }
}
