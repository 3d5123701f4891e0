//! First-start seeding from the cited data shipped in `server/seed/`, and the one-time
//! correction of databases seeded from an earlier revision of it.

mod correct;
mod plan;

use super::{Pool, Tx};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

use plan::{SeedFile, SeededClaim};
use vigia::new_claim::NewClaim;
use vigia::Clock;

use super::claims::{append_with_source, insert_source, Append};
use super::{stamp, DbError};

fn corrupt(what: impl std::fmt::Display) -> DbError {
    DbError::Corrupt(what.to_string())
}

/// Seeds an empty database, or brings one seeded from an earlier revision up to date, in one
/// transaction; a database that holds the current revision is left alone.
#[tracing::instrument(skip_all)]
pub async fn seed_if_empty(pool: &Pool, clock: &dyn Clock) -> Result<bool, DbError> {
    seed_with(pool, clock, plan::SEED_JSON).await
}

/// [`seed_if_empty`] with the seed file `json`: the shipped one, or an earlier revision of it,
/// which tests use to build a database as that revision left it.
pub async fn seed_with(pool: &Pool, clock: &dyn Clock, json: &str) -> Result<bool, DbError> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM departments")
        .fetch_one(pool)
        .await?;
    let (revision,): (Option<i64>,) = sqlx::query_as("SELECT MAX(revision) FROM seed_revisions")
        .fetch_one(pool)
        .await?;
    let seed = plan::parse(json).map_err(corrupt)?;
    // Databases seeded before revisions were recorded hold the first one.
    let held = revision.unwrap_or(1);
    if count > 0 && held >= seed.revision {
        return Ok(false);
    }
    let now = clock.now();
    let claims = plan::claims(&seed, clock.today()).map_err(corrupt)?;
    let mut tx = pool.begin().await?;
    if count == 0 {
        insert_departments(&mut tx).await?;
        insert_requirements(&mut tx, &seed).await?;
        let sources = insert_sources(&mut tx, &seed).await?;
        cite_requirement_sources(&mut tx, &seed, &sources).await?;
        for seeded in &claims {
            append_seeded(&mut tx, seeded, &sources, now).await?;
        }
        replace_figures(&mut tx, &seed, &sources).await?;
        tracing::info!("seeded the database with cited data");
    } else {
        correct::correct(&mut tx, &seed, &claims, held, now).await?;
        tracing::info!(
            from = held,
            revision = seed.revision,
            "appended corrections to the cited seed"
        );
    }
    super::version::bump(&mut tx, super::version::Effect::Rewrites).await?;
    sqlx::query("INSERT INTO seed_revisions (revision, applied_at) VALUES ($1, $2)")
        .bind(seed.revision)
        .bind(stamp(now))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

async fn append_seeded(
    tx: &mut Tx<'_>,
    seeded: &SeededClaim,
    sources: &HashMap<String, i64>,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    append_claim(
        tx,
        &seeded.claim,
        &seeded.note_en,
        &seeded.source_key,
        sources,
        now,
    )
    .await
}

async fn append_claim(
    tx: &mut Tx<'_>,
    claim: &NewClaim,
    note_en: &str,
    source_key: &str,
    sources: &HashMap<String, i64>,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let source_id = sources[source_key];
    let append = Append {
        recorded_by: None,
        expected_latest: None,
        note_en: Some(note_en),
        now,
    };
    append_with_source(tx, claim, source_id, &append, &[])
        .await
        .map(|appended| appended.claim)
        .map_err(|e| corrupt(format!("could not seed a claim: {e}")))
}

async fn insert_departments(tx: &mut Tx<'_>) -> Result<(), DbError> {
    for (position, row) in plan::departments().map_err(corrupt)?.iter().enumerate() {
        sqlx::query(
            "INSERT INTO departments (code, name, capital, area_km2, population, population_year, \
             population_source, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&row.iso_code)
        .bind(&row.name)
        .bind(&row.capital)
        .bind(row.area_km2)
        .bind(row.population)
        .bind(row.population_year)
        .bind(&row.population_source)
        .bind(position as i64)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Inserts the requirements, or updates their wording when they exist.
async fn insert_requirements(tx: &mut Tx<'_>, seed: &SeedFile) -> Result<(), DbError> {
    for r in &seed.requirements {
        sqlx::query(
            "INSERT INTO requirements (slug, name_es, name_en, legal_basis_es, legal_basis_en, \
             legal_basis_verified, has_quality_criteria, in_force_needs_date, position) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (slug) DO UPDATE SET name_es = $2, name_en = $3, legal_basis_es = $4, \
             legal_basis_en = $5, legal_basis_verified = $6, has_quality_criteria = $7, \
             in_force_needs_date = $8",
        )
        .bind(&r.slug)
        .bind(&r.name_es)
        .bind(&r.name_en)
        .bind(&r.legal_basis_es)
        .bind(&r.legal_basis_en)
        .bind(r.legal_basis_verified)
        .bind(r.has_quality_criteria)
        .bind(r.in_force_needs_date)
        .bind(r.position)
        .execute(&mut **tx)
        .await?;
        for (status, (es, en)) in &r.status_labels {
            sqlx::query(
                "INSERT INTO requirement_status_labels (requirement, status, label_es, label_en) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (requirement, status) DO UPDATE SET label_es = $3, label_en = $4",
            )
            .bind(&r.slug)
            .bind(status)
            .bind(es)
            .bind(en)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

async fn insert_sources(tx: &mut Tx<'_>, seed: &SeedFile) -> Result<HashMap<String, i64>, DbError> {
    let mut ids = HashMap::new();
    for s in &seed.sources {
        let id = insert_source(tx, &s.to_domain().map_err(corrupt)?).await?;
        ids.insert(s.key.clone(), id);
    }
    Ok(ids)
}

/// Replaces which sources each requirement's legal basis cites: like the figures, they are
/// the seed's own table, not history.
async fn cite_requirement_sources(
    tx: &mut Tx<'_>,
    seed: &SeedFile,
    sources: &HashMap<String, i64>,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM requirement_sources")
        .execute(&mut **tx)
        .await?;
    for r in &seed.requirements {
        for (position, key) in r.sources.iter().enumerate() {
            let source_id = sources
                .get(key)
                .ok_or_else(|| corrupt(format!("unknown seed source {key}")))?;
            sqlx::query(
                "INSERT INTO requirement_sources (requirement, source_id, position) VALUES ($1, $2, $3)",
            )
            .bind(&r.slug)
            .bind(source_id)
            .bind(position as i64)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

async fn replace_figures(
    tx: &mut Tx<'_>,
    seed: &SeedFile,
    sources: &HashMap<String, i64>,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM national_figures")
        .execute(&mut **tx)
        .await?;
    for (position, f) in seed.national_figures.iter().enumerate() {
        let source_id = sources
            .get(&f.source)
            .ok_or_else(|| corrupt(format!("unknown seed source {}", f.source)))?;
        sqlx::query("INSERT INTO national_figures (kind, period, value, source_id, position) VALUES ($1, $2, $3, $4, $5)")
            .bind(&f.kind)
            .bind(&f.period)
            .bind(&f.value)
            .bind(source_id)
            .bind(position as i64)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
