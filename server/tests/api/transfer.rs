//! Moving a whole database between engines: SQLite to PostgreSQL and back (or SQLite to
//! SQLite when no PostgreSQL is configured) loses nothing, and a backup of a running SQLite
//! database opens with everything in it.

use std::collections::BTreeMap;

use crate::claims::{latest, plan_in_force};
use crate::helpers::{settings_in, TestApp};

/// Each table's rows as sorted lines (engines may list rows in different orders).
fn tables_of(export: &std::path::Path) -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(export).unwrap();
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = String::new();
    for line in text.lines().skip(1) {
        if line.starts_with("{\"") {
            let header: serde_json::Value = serde_json::from_str(line).unwrap();
            current = header["table"].as_str().unwrap().to_owned();
            tables.entry(current.clone()).or_default();
        } else {
            tables.get_mut(&current).unwrap().push(line.to_owned());
        }
    }
    for rows in tables.values_mut() {
        rows.sort();
    }
    tables
}

fn sqlite_settings(dir: &std::path::Path) -> vigia_server::settings::Settings {
    let mut settings = settings_in(dir);
    settings.database_url = format!("sqlite://{}/moved.db?mode=rwc", dir.display());
    settings
}

#[tokio::test]
async fn a_database_moves_between_engines_and_back_without_losing_anything() {
    // A SQLite database with history, an account, a suggestion and a subscription.
    let source = tempfile::tempdir().unwrap();
    let source_settings = sqlite_settings(source.path());
    let url = source_settings.database_url.clone();
    let app = TestApp::spawn_with(move |s| s.database_url = url).await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    let saved = app
        .post_form(
            &officer,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&expected),
        )
        .await;
    assert_eq!(saved.status(), 303);
    let form = [("body", "El plan de Pando se aprobó en 2025.")];
    app.post_form(&app.client, "/departments/BO-N/suggestions", &form)
        .await;
    let subscribe = [
        ("channel", "email"),
        ("address", "ong@example.org"),
        ("departments", "all"),
        ("kinds", "gap.opened"),
        ("severities", "critical"),
        ("frequency", "each"),
        ("lang", "es"),
    ];
    app.post_form(&app.client, "/alerts", &subscribe).await;
    // The form is kept as a request the worker carries out: carry it out now.
    app.dispatch_all_pending().await;

    let files = tempfile::tempdir().unwrap();
    let first = files.path().join("first.jsonl");
    let rows = vigia_server::cli::export(&source_settings, &first)
        .await
        .unwrap();
    assert!(rows > 100, "{rows} rows");

    // Into the engine under test (PostgreSQL when configured), then into a new SQLite file.
    let middle_dir = tempfile::tempdir().unwrap();
    let middle_settings = settings_in(middle_dir.path());
    let _dropped_after = crate::engines::TestDatabase::of(&middle_settings.database_url);
    assert_eq!(
        vigia_server::cli::import(&middle_settings, &first)
            .await
            .unwrap(),
        rows
    );
    let middle = files.path().join("middle.jsonl");
    vigia_server::cli::export(&middle_settings, &middle)
        .await
        .unwrap();
    let last_dir = tempfile::tempdir().unwrap();
    let last_settings = sqlite_settings(last_dir.path());
    vigia_server::cli::import(&last_settings, &middle)
        .await
        .unwrap();
    let last = files.path().join("last.jsonl");
    vigia_server::cli::export(&last_settings, &last)
        .await
        .unwrap();

    let (before, between, after) = (tables_of(&first), tables_of(&middle), tables_of(&last));
    assert_eq!(before.len(), vigia_store::db::schema::moved().count());
    for (table, rows) in &before {
        assert_eq!(&between[table], rows, "{table} on the second engine");
        assert_eq!(&after[table], rows, "{table} back on SQLite");
    }
    assert!(before["claims"]
        .iter()
        .any(|row| row.contains("Resolución 123/2025")));
    assert!(before["subscriptions"]
        .iter()
        .any(|row| row.contains("ong@example.org")));
    assert!(before["users"]
        .iter()
        .any(|row| row.contains("officer@example.org")));

    // The moved database keeps working: new rows get new ids after the imported ones.
    let pool = vigia_store::db::connect(&middle_settings.database_url)
        .await
        .unwrap();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO changes (at, origin) VALUES ('2025-06-02T00:00:00.000000Z', 'test') RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let (max,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM changes WHERE origin <> 'test'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(id > max, "identity restarted past the imported ids");
    let again = vigia_server::cli::import(&middle_settings, &first).await;
    assert!(
        format!("{:#}", again.unwrap_err()).contains("already holds data"),
        "an import never mixes two databases"
    );
}

#[tokio::test]
async fn a_backup_of_a_running_sqlite_database_opens_with_everything() {
    let dir = tempfile::tempdir().unwrap();
    let settings = sqlite_settings(dir.path());
    let url = settings.database_url.clone();
    let app = TestApp::spawn_with(move |s| s.database_url = url).await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    app.post_form(
        &officer,
        "/departments/BO-N/action-plan/claims",
        &plan_in_force(&expected),
    )
    .await;
    let copy = dir.path().join("backup.db");
    vigia_server::cli::backup(&settings, &copy).await.unwrap();
    let pool = vigia_store::db::connect(&format!("sqlite://{}", copy.display()))
        .await
        .unwrap();
    let snapshot = vigia_store::db::load_snapshot(&pool).await.unwrap();
    assert_eq!(snapshot.claims.len(), 25, "the seed's 24 and the new one");
    assert!(
        vigia_server::cli::backup(&settings, &copy).await.is_err(),
        "an existing file is never overwritten"
    );
}
