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
    assert_eq!(first.claims.len(), 21);
    drop(pool);
    let pool = database_in(dir.path()).await;
    let second = db::load_snapshot(&pool).await.unwrap();
    assert_eq!(second.claims.len(), 21, "a second start adds nothing");
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
    assert_eq!(db::load_snapshot(&pool).await.unwrap().claims.len(), 21);
}

#[tokio::test]
async fn the_audit_trail_and_its_companions_cannot_be_edited_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let pool = database_in(dir.path()).await;
    let history = db::load_snapshot(&pool).await.unwrap().history;
    assert_eq!(
        history.len(),
        21,
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
    assert_eq!(db::load_snapshot(&pool).await.unwrap().history.len(), 21);
}

/// A database seeded from the first revision of the cited data, before the provenance
/// migration: the schema of the first three migrations and that revision's rows.
async fn revision_one_database(dir: &std::path::Path) {
    let settings = crate::helpers::settings_in(dir);
    let pool = db::connect(&settings.database_url).await.unwrap();
    let mut first_three = sqlx::migrate!("../migrations/sqlite");
    first_three.migrations = first_three.migrations[..3].to_vec().into();
    first_three.run(&pool).await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    for statement in include_str!("fixtures/seed_revision_1.sql")
        .lines()
        .filter(|l| l.starts_with("INSERT"))
    {
        sqlx::query(statement).execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
    pool.close().await;
}

#[tokio::test]
async fn a_database_seeded_from_the_first_revision_is_corrected_once_by_appending() {
    if crate::engines::on_postgres() {
        // No PostgreSQL database ever held the first revision: its schema starts later.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    revision_one_database(dir.path()).await;
    let pool = database_in(dir.path()).await;
    let snapshot = db::load_snapshot(&pool).await.unwrap();
    assert_eq!(
        snapshot.claims.len(),
        20 + 21,
        "nothing deleted, the corrections appended"
    );
    let corrected = snapshot.claims.iter().filter(|c| c.is_corrected()).count();
    assert_eq!(
        corrected, 20,
        "every claim of the first revision is superseded"
    );
    let plan = vigia::RequirementSlug::parse("action-plan").unwrap();
    let la_paz = snapshot.record(vigia::DepartmentCode::LaPaz, &plan);
    let current = la_paz.current().unwrap();
    assert_eq!(current.source.author, "InSight Crime");
    assert!(
        current
            .note_es
            .starts_with("Corrección: antes se atribuía este dato a la Defensoría del Pueblo"),
        "{}",
        current.note_es
    );
    let oruro = snapshot.record(vigia::DepartmentCode::Oruro, &plan);
    let current = oruro.current().unwrap();
    assert_eq!(
        (current.status, current.basis),
        (vigia::Status::Unknown, vigia::Basis::Inferred)
    );
    assert!(current
        .note_en
        .starts_with("Correction: this showed a plan in force"));
    // The old in-force claim is still there, marked, and points at its correction.
    let old = oruro
        .claims
        .iter()
        .find(|c| c.status == vigia::Status::InForce)
        .unwrap();
    assert_eq!(old.corrected_by, Some(current.id));
    let tiers: Vec<(&str, Option<&str>)> = snapshot
        .national
        .iter()
        .filter(|f| f.kind == "tip-tier")
        .map(|f| (f.period.as_str(), f.value.as_deref()))
        .collect();
    assert_eq!(tiers.len(), 7, "2017 to 2023: {tiers:?}");
    assert!(tiers.contains(&("2022", Some("tier-2"))));
    let (mismatched,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM sources WHERE title = 'Bolivia Struggles to Help Human Trafficking Victims' AND date = '2018'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        mismatched, 0,
        "the source that paired InSight's title with 2018 is gone"
    );

    drop(pool);
    let again = database_in(dir.path()).await;
    assert_eq!(
        db::load_snapshot(&again).await.unwrap().claims.len(),
        41,
        "a second start corrects nothing twice"
    );
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
