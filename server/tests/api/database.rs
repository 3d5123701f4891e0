//! Seeding and the append-only history, straight against the database.

use vigia_store::db;

use crate::helpers::database_in;

#[tokio::test]
async fn seeding_happens_once() {
    let dir = tempfile::tempdir().unwrap();
    let pool = database_in(dir.path()).await;
    let first = db::load_snapshot(&pool).await.unwrap();
    assert_eq!(first.departments.len(), 9);
    assert_eq!(first.requirements.len(), 2);
    assert_eq!(first.claims.len(), 24);
    drop(pool);
    let pool = database_in(dir.path()).await;
    let second = db::load_snapshot(&pool).await.unwrap();
    assert_eq!(second.claims.len(), 24, "a second start adds nothing");
}

#[tokio::test]
async fn claims_cannot_be_edited_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let pool = database_in(dir.path()).await;
    let update = sqlx::query("UPDATE claims SET status = 'in-force' WHERE department = 'BO-L'")
        .execute(&pool)
        .await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = sqlx::query("DELETE FROM claims").execute(&pool).await;
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    assert_eq!(db::load_snapshot(&pool).await.unwrap().claims.len(), 24);
}

#[tokio::test]
async fn the_audit_trail_and_its_companions_cannot_be_edited_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let pool = database_in(dir.path()).await;
    let history = db::load_snapshot(&pool).await.unwrap().history;
    assert_eq!(
        history.len(),
        24,
        "the seed's claims open the public history"
    );
    for (table, key) in [
        ("audit_log", "id"),
        ("gap_replies", "id"),
        ("reply_reviews", "reply_id"),
        ("documents", "id"),
        ("document_withholdings", "document_id"),
        ("suggestion_decisions", "suggestion_id"),
    ] {
        let update = sqlx::query(&format!("UPDATE {table} SET {key} = {key}"))
            .execute(&pool)
            .await;
        let delete = sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&pool)
            .await;
        if table == "audit_log" {
            assert!(update.unwrap_err().to_string().contains("append-only"));
            assert!(delete.unwrap_err().to_string().contains("append-only"));
        } else {
            // Empty tables fire no row triggers; the triggers themselves must exist (on
            // SQLite one for updates and one for deletes, on PostgreSQL one for both).
            let (triggers, expected): (i64, i64) = if crate::engines::on_postgres() {
                let query = "SELECT COUNT(DISTINCT trigger_name) FROM information_schema.triggers \
                             WHERE event_object_table = $1";
                let (n,) = sqlx::query_as(query)
                    .bind(table)
                    .fetch_one(&pool)
                    .await
                    .unwrap();
                (n, 1)
            } else {
                let query =
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $1";
                let (n,) = sqlx::query_as(query)
                    .bind(table)
                    .fetch_one(&pool)
                    .await
                    .unwrap();
                (n, 2)
            };
            assert_eq!(triggers, expected, "{table} has its append-only triggers");
        }
    }
    assert_eq!(db::load_snapshot(&pool).await.unwrap().history.len(), 24);
}

#[tokio::test]
async fn seed_history_carries_the_time_it_was_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let before = crate::helpers::clock();
    let pool = database_in(dir.path()).await;
    let history = db::load_snapshot(&pool).await.unwrap().history;
    let first_start = vigia::Clock::now(&before);
    for entry in &history {
        let gap = (entry.at - first_start).num_seconds().abs();
        assert!(
            gap < 60,
            "entry {} at {}, not an invented date",
            entry.id,
            entry.at
        );
    }
}

/// The migrations of the engine this run is on build exactly the tables and columns
/// `schema.txt` describes (SQLite on every run, PostgreSQL when a server answers).
#[tokio::test]
async fn schema_matches_the_description() {
    let dir = tempfile::tempdir().unwrap();
    let settings = crate::helpers::settings_in(dir.path());
    let _database = crate::engines::TestDatabase::of(&settings.database_url);
    let pool = database_in(dir.path()).await;
    let differences = vigia_store::db::schema::differences(&pool).await.unwrap();
    assert!(differences.is_empty(), "{differences:#?}");
}
