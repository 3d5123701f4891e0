//! Seeding and the append-only history, straight against the database.

mod common;

use vigia_server::{db, prepare_database};

#[tokio::test]
async fn seeding_happens_once() {
    let dir = tempfile::tempdir().unwrap();
    let settings = common::settings_in(dir.path());
    let pool = prepare_database(&settings).await.unwrap();
    let first = db::load_snapshot(&pool).await.unwrap();
    assert_eq!(first.departments.len(), 9);
    assert_eq!(first.requirements.len(), 2);
    assert_eq!(first.claims.len(), 20);
    drop(pool);
    let pool = prepare_database(&settings).await.unwrap();
    let second = db::load_snapshot(&pool).await.unwrap();
    assert_eq!(second.claims.len(), 20, "a second start adds nothing");
}

#[tokio::test]
async fn claims_cannot_be_edited_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let pool = prepare_database(&common::settings_in(dir.path()))
        .await
        .unwrap();
    let update = sqlx::query("UPDATE claims SET status = 'in-force' WHERE department = 'BO-L'")
        .execute(&pool)
        .await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = sqlx::query("DELETE FROM claims").execute(&pool).await;
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    assert_eq!(db::load_snapshot(&pool).await.unwrap().claims.len(), 20);
}

#[tokio::test]
async fn the_audit_trail_and_its_companions_cannot_be_edited_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let pool = prepare_database(&common::settings_in(dir.path()))
        .await
        .unwrap();
    let history = db::load_snapshot(&pool).await.unwrap().history;
    assert_eq!(
        history.len(),
        20,
        "the seed's claims open the public history"
    );
    for table in [
        "audit_log",
        "gap_replies",
        "reply_reviews",
        "documents",
        "document_withholdings",
        "suggestion_decisions",
    ] {
        let update = sqlx::query(&format!("UPDATE {table} SET rowid = rowid"))
            .execute(&pool)
            .await;
        let delete = sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&pool)
            .await;
        if table == "audit_log" {
            assert!(update.unwrap_err().to_string().contains("append-only"));
            assert!(delete.unwrap_err().to_string().contains("append-only"));
        } else {
            // Empty tables fire no row triggers; the triggers themselves must exist.
            let (triggers,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $1",
            )
            .bind(table)
            .fetch_one(&pool)
            .await
            .unwrap();
            assert_eq!(
                triggers, 2,
                "{table} has its no-update and no-delete triggers"
            );
        }
    }
    assert_eq!(db::load_snapshot(&pool).await.unwrap().history.len(), 20);
}
