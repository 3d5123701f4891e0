//! Databases seeded from an earlier revision of the cited data get the corrections appended,
//! once, each saying what it corrects and why; nothing is deleted, and what the seed still
//! stands by is left as it is.

use vigia::{Basis, DepartmentCode, RequirementSlug, Status};
use vigia_store::db;

use crate::helpers::database_in;

fn plan() -> RequirementSlug {
    RequirementSlug::parse("action-plan").unwrap()
}

fn shelter() -> RequirementSlug {
    RequirementSlug::parse("shelter").unwrap()
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

/// A database seeded from the second revision (`fixtures/seed_revision_2.json`, the seed as it
/// was), with today's schema.
pub async fn revision_two_database(dir: &std::path::Path) {
    let settings = crate::helpers::settings_in(dir);
    let pool = db::connect(&settings.database_url).await.unwrap();
    db::migrate(&pool).await.unwrap();
    let seeded = db::seed_with(
        &pool,
        &crate::helpers::clock(),
        include_str!("fixtures/seed_revision_2.json"),
    )
    .await
    .unwrap();
    assert!(seeded);
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
        20 + 24,
        "nothing deleted, the corrections appended"
    );
    let corrected = snapshot.claims.iter().filter(|c| c.is_corrected()).count();
    assert_eq!(
        corrected, 20,
        "every claim of the first revision is superseded"
    );
    let la_paz = snapshot.record(DepartmentCode::LaPaz, &plan());
    let current = la_paz.current().unwrap();
    assert_eq!(current.source.author, "InSight Crime");
    assert!(
        current
            .note_es
            .starts_with("Corrección: antes se atribuía este dato a la Defensoría del Pueblo"),
        "{}",
        current.note_es
    );
    let oruro = snapshot.record(DepartmentCode::Oruro, &plan());
    let current = oruro.current().unwrap();
    assert_eq!(
        (current.status, current.basis),
        (Status::Unknown, Basis::Inferred)
    );
    assert!(current
        .note_en
        .starts_with("Correction: this showed a plan in force"));
    // The old in-force claim is still there, marked, and points at its correction.
    let old = oruro
        .claims
        .iter()
        .find(|c| c.status == Status::InForce)
        .unwrap();
    assert_eq!(old.corrected_by, Some(current.id));
    // Tarija's first-revision claim from El País is corrected by the one from the same page,
    // whose note says what changed since that revision; FIIAPP's claims correct nothing.
    let tarija = snapshot.record(DepartmentCode::Tarija, &plan());
    let el_pais: Vec<_> = tarija
        .claims
        .iter()
        .filter(|c| c.source.url.contains("elpais.bo"))
        .collect();
    let (old, new): (Vec<&vigia::Claim>, Vec<&vigia::Claim>) =
        el_pais.into_iter().partition(|c| c.is_corrected());
    assert_eq!((old.len(), new.len()), (1, 1));
    assert_eq!(old[0].corrected_by, Some(new[0].id));
    assert!(new[0].note_es.starts_with("Corrección: la nota añade"));
    assert!(tarija
        .claims
        .iter()
        .filter(|c| c.source.author == "FIIAPP")
        .all(|c| !c.note_es.starts_with("Corrección")));
    let tiers: Vec<(&str, Option<&str>)> = snapshot
        .national
        .iter()
        .filter(|f| f.kind == "tip-tier")
        .map(|f| (f.period.as_str(), f.value.as_deref()))
        .collect();
    assert_eq!(tiers.len(), 7, "2017 to 2023: {tiers:?}");
    assert!(tiers.contains(&("2022", Some("tier-2"))));
    let mismatched = count(
        &pool,
        "SELECT COUNT(*) FROM sources WHERE title = 'Bolivia Struggles to Help Human Trafficking Victims' AND date = '2018'",
    )
    .await;
    assert_eq!(
        mismatched, 0,
        "the source that paired InSight's title with 2018 is gone"
    );
    drop(pool);
    a_second_start_adds_nothing(dir.path(), 44).await;
}

#[tokio::test]
async fn a_database_seeded_from_the_second_revision_gets_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    revision_two_database(dir.path()).await;
    let before = {
        let pool = database_in_revision_two(dir.path()).await;
        db::load_snapshot(&pool).await.unwrap()
    };
    assert_eq!(before.claims.len(), 21);
    let la_paz_tip = before
        .record(DepartmentCode::LaPaz, &shelter())
        .claims
        .iter()
        .find(|c| c.source.title.starts_with("2023 Trafficking"))
        .map(|c| c.id)
        .unwrap();

    let pool = database_in(dir.path()).await;
    let snapshot = db::load_snapshot(&pool).await.unwrap();
    assert_eq!(
        snapshot.claims.len(),
        21 + 23,
        "every claim but the one the seed still stands by"
    );
    let corrected: Vec<i64> = snapshot
        .claims
        .iter()
        .filter(|c| c.is_corrected())
        .map(|c| c.id)
        .collect();
    assert_eq!(
        corrected.len(),
        20,
        "FIIAPP's and El Andaluz's claims are new"
    );
    assert!(
        !corrected.contains(&la_paz_tip),
        "the 2023 TIP claim stands"
    );

    // Tarija: El País's "being drafted" is corrected to "adopted" by a claim saying why; the
    // newest claim, El Andaluz's, ends in 2025 and disagrees with El País's 2028.
    let tarija = snapshot.record(DepartmentCode::Tarija, &plan());
    let current = tarija.current().unwrap();
    assert_eq!(current.source.author, "El Andaluz");
    assert_eq!(current.valid_until.unwrap().to_string(), "2025");
    let drafting = tarija
        .claims
        .iter()
        .find(|c| c.status == Status::InPreparation && c.source.url.contains("elpais.bo"))
        .unwrap();
    let correction = tarija
        .claims
        .iter()
        .find(|c| Some(c.id) == drafting.corrected_by)
        .unwrap();
    assert_eq!(correction.status, Status::InForce);
    assert!(
        correction
            .note_es
            .starts_with("Corrección: antes figuraba «en elaboración»."),
        "{}",
        correction.note_es
    );
    let sides: Vec<&str> = tarija
        .disagreement()
        .iter()
        .map(|c| c.source.author.as_str())
        .collect();
    assert_eq!(sides, ["El Andaluz", "El País (Tarija)"]);

    // Cochabamba's shelter: La Razón's words corrected by Fides's, which are the report's.
    let cochabamba = snapshot.record(DepartmentCode::Cochabamba, &shelter());
    let current = cochabamba.current().unwrap();
    assert_eq!(
        current.source.outlet.as_deref(),
        Some("Agencia de Noticias Fides")
    );
    assert!(current
        .note_es
        .contains("«de administración delegada y/o de convenio»"));
    assert!(cochabamba
        .claims
        .iter()
        .any(|c| c.corrected_by == Some(current.id)));

    let cited: Vec<&str> = snapshot
        .requirement(&plan())
        .unwrap()
        .legal_basis_sources
        .iter()
        .map(|s| s.author.as_str())
        .collect();
    assert_eq!(cited, ["FIIAPP", "InSight Crime"]);
    assert!(snapshot
        .national
        .iter()
        .any(|f| f.kind == "specialised-shelters"));
    let stale_copy = count(
        &pool,
        "SELECT COUNT(*) FROM sources WHERE url LIKE '%londrestv%' AND date = '2020'",
    )
    .await;
    assert_eq!(
        stale_copy, 0,
        "the figure's source dated only to 2020 is gone"
    );
    drop(pool);
    a_second_start_adds_nothing(dir.path(), 44).await;
}

async fn count(pool: &db::Pool, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(pool).await.unwrap();
    n
}

async fn a_second_start_adds_nothing(dir: &std::path::Path, claims: usize) {
    let again = database_in(dir).await;
    assert_eq!(
        db::load_snapshot(&again).await.unwrap().claims.len(),
        claims,
        "a second start corrects nothing twice"
    );
}

/// The revision-two database as it is, without bringing it up to date.
async fn database_in_revision_two(dir: &std::path::Path) -> db::Pool {
    let settings = crate::helpers::settings_in(dir);
    db::connect(&settings.database_url).await.unwrap()
}
