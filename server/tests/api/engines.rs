//! The two engines the suite runs on. SQLite always; PostgreSQL when
//! `VIGIA_TEST_POSTGRES_URL` names a server (`postgres://postgres@127.0.0.1:5432/postgres`):
//! each test then gets a database of its own, named after its temporary folder, created on
//! first use and dropped with the test's server.

use sqlx::{Connection, Executor};
use std::path::Path;
use std::sync::Once;

const PREFIX: &str = "vigia_test_";

/// The PostgreSQL server the suite runs on, if any.
pub fn postgres() -> Option<String> {
    std::env::var("VIGIA_TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

pub fn on_postgres() -> bool {
    postgres().is_some()
}

/// `url` with its database name replaced.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

/// Runs administrative statements on the server's maintenance database, from a thread of its
/// own (callers may be inside a runtime or in `Drop`); the first failure stops them.
fn admin(statements: Vec<String>) -> Result<(), String> {
    let url = postgres().expect("PostgreSQL tests");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let mut connection = sqlx::PgConnection::connect(&url)
                .await
                .map_err(|e| format!("VIGIA_TEST_POSTGRES_URL does not answer: {e}"))?;
            for statement in statements {
                connection
                    .execute(statement.as_str())
                    .await
                    .map_err(|e| format!("{statement}: {e}"))?;
            }
            Ok(())
        })
    })
    .join()
    .expect("administrative thread")
}

/// Drops databases earlier runs left behind (a test that panicked before its cleanup, or one
/// that used `settings_in` alone), once per run.
fn sweep_leftovers() {
    static SWEEP: Once = Once::new();
    SWEEP.call_once(|| {
        let url = postgres().expect("PostgreSQL tests");
        let names = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let mut connection = sqlx::PgConnection::connect(&url).await.unwrap();
                let rows: Vec<(String,)> =
                    sqlx::query_as("SELECT datname FROM pg_database WHERE datname LIKE $1")
                        .bind(format!("{PREFIX}%"))
                        .fetch_all(&mut connection)
                        .await
                        .unwrap();
                rows.into_iter().map(|(name,)| name).collect::<Vec<_>>()
            })
        })
        .join()
        .unwrap();
        admin(
            names
                .into_iter()
                .map(|name| format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .collect(),
        )
        .expect("leftover test databases dropped");
    });
}

/// The table the session store keeps sessions in (its PostgreSQL store uses a schema).
pub fn sessions_table() -> &'static str {
    if on_postgres() {
        "tower_sessions.session"
    } else {
        "tower_sessions"
    }
}

/// The database URL for a test whose files live in `dir`.
pub fn database_url_for(dir: &Path) -> String {
    let Some(server) = postgres() else {
        return format!("sqlite://{}/vigia.db?mode=rwc", dir.display());
    };
    sweep_leftovers();
    let folder = dir.file_name().unwrap().to_string_lossy().to_lowercase();
    let name: String = format!("{PREFIX}{folder}")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    // A second call for the same folder (a restart within one test) finds it made.
    if let Err(error) = admin(vec![format!("CREATE DATABASE \"{name}\"")]) {
        assert!(error.contains("already exists"), "{error}");
    }
    with_database(&server, &name)
}

/// Drops a test's PostgreSQL database when the test is done with it.
pub struct TestDatabase {
    name: String,
}

impl TestDatabase {
    pub fn of(database_url: &str) -> Option<TestDatabase> {
        if !database_url.starts_with("postgres") {
            return None;
        }
        let name = database_url
            .rsplit('/')
            .next()?
            .split('?')
            .next()?
            .to_owned();
        Some(TestDatabase { name })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let drop = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name);
        if let Err(error) = admin(vec![drop]) {
            eprintln!("test database {} left behind: {error}", self.name);
        }
    }
}

#[test]
fn urls_name_the_test_database() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgres://u@h/postgres?sslmode=disable", "x"),
        "postgres://u@h/x?sslmode=disable"
    );
}
