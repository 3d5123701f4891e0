//! What differs between SQLite and PostgreSQL, in one place. Every other statement is written
//! once, in SQL both understand, and runs through sqlx's `Any` driver.

use sqlx::migrate::Migrator;

use super::Engine;

pub struct Dialect {
    /// Run on every new connection.
    pub connection_setup: Option<&'static str>,
    /// How a write transaction begins (`None`: a plain `BEGIN`).
    pub begin_write: Option<&'static str>,
    /// Takes the write lock and reads the data version, in one round trip.
    pub lock_version: &'static str,
    /// Run first in the export's transaction, so it reads one consistent state.
    pub export_snapshot: Option<&'static str>,
    /// The tables of Vigía's own (the engine's and the migrator's bookkeeping left out).
    pub list_tables: &'static str,
    /// A table's columns (`$1`): name, declared type, 1 when it may be NULL; in name order.
    pub list_columns: &'static str,
    pub migrator: &'static Migrator,
}

static SQLITE_MIGRATOR: Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATOR: Migrator = sqlx::migrate!("../../migrations/postgres");

/// With WAL, NORMAL cannot corrupt the database; a power cut may lose the last commits but a
/// crash of Vigía itself loses nothing.
static SQLITE: Dialect = Dialect {
    connection_setup: Some(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
    ),
    // IMMEDIATE takes the database's write lock at once.
    begin_write: Some("BEGIN IMMEDIATE"),
    lock_version: "SELECT n FROM data_version WHERE id = 1",
    export_snapshot: None,
    list_tables: "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' AND name <> 'tower_sessions' \
         ORDER BY name",
    // A primary key is never NULL, whatever SQLite's own flag says of a TEXT key.
    list_columns:
        "SELECT name, type, CAST(CASE WHEN \"notnull\" = 1 OR pk > 0 THEN 0 ELSE 1 END AS INTEGER) \
         FROM pragma_table_info($1) ORDER BY name",
    migrator: &SQLITE_MIGRATOR,
};

static POSTGRES: Dialect = Dialect {
    connection_setup: None,
    begin_write: None,
    // The version's row lock is the write lock: taking it waits for the write before to
    // commit and then reads the version that write left.
    lock_version: "SELECT n FROM data_version WHERE id = 1 FOR UPDATE",
    export_snapshot: Some("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"),
    list_tables: "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
         AND table_name NOT LIKE '\\_sqlx%' ORDER BY table_name",
    list_columns: "SELECT column_name::text, data_type::text, \
         CAST(CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS BIGINT) \
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 \
         ORDER BY column_name",
    migrator: &POSTGRES_MIGRATOR,
};

impl Engine {
    pub fn dialect(self) -> &'static Dialect {
        match self {
            Engine::Sqlite => &SQLITE,
            Engine::Postgres => &POSTGRES,
        }
    }
}
