//! First-start seeding from the cited data shipped in `server/seed/`.

use serde::Deserialize;
use sqlx::{Sqlite, SqlitePool, Transaction};
use std::collections::HashMap;

use super::DbError;

const DEPARTMENTS_CSV: &str = include_str!("../../seed/departments.csv");
const SEED_JSON: &str = include_str!("../../seed/seed.json");

#[derive(Deserialize)]
struct SeedFile {
    requirements: Vec<SeedRequirement>,
    sources: Vec<SeedSource>,
    claims: Vec<SeedClaim>,
    claim_groups: HashMap<String, Vec<String>>,
    national_figures: Vec<SeedFigure>,
}

#[derive(Deserialize)]
struct SeedRequirement {
    slug: String,
    name_es: String,
    name_en: String,
    legal_basis_es: String,
    legal_basis_en: String,
    legal_basis_verified: bool,
    has_quality_criteria: bool,
    position: i64,
    status_labels: HashMap<String, (String, String)>,
}

#[derive(Deserialize)]
struct SeedSource {
    key: String,
    author: String,
    publisher: Option<String>,
    title: String,
    url: String,
    date: String,
}

#[derive(Deserialize)]
struct SeedClaim {
    department: String,
    requirement: String,
    status: String,
    source: String,
    status_since: Option<String>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    approving_instrument: Option<String>,
    note_es: String,
    note_en: String,
}

#[derive(Deserialize)]
struct SeedFigure {
    kind: String,
    period: String,
    value: Option<String>,
    source: String,
}

#[derive(Deserialize)]
struct DepartmentRow {
    iso_code: String,
    name: String,
    capital: String,
    area_km2: i64,
    population: i64,
    population_year: i64,
    population_source: String,
}

/// Seeds an empty database in one transaction; a database that has departments is left alone.
#[tracing::instrument(skip_all)]
pub async fn seed_if_empty(pool: &SqlitePool) -> Result<bool, DbError> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM departments")
        .fetch_one(pool)
        .await?;
    if count > 0 {
        return Ok(false);
    }
    let seed: SeedFile =
        serde_json::from_str(SEED_JSON).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let mut tx = pool.begin().await?;
    insert_departments(&mut tx).await?;
    insert_requirements(&mut tx, &seed.requirements).await?;
    let sources = insert_sources(&mut tx, &seed.sources).await?;
    insert_claims(&mut tx, &seed, &sources).await?;
    insert_figures(&mut tx, &seed.national_figures, &sources).await?;
    tx.commit().await?;
    tracing::info!("seeded the database with cited data");
    Ok(true)
}

async fn insert_departments(tx: &mut Transaction<'_, Sqlite>) -> Result<(), DbError> {
    let mut reader = csv::Reader::from_reader(DEPARTMENTS_CSV.as_bytes());
    for (position, row) in reader.deserialize::<DepartmentRow>().enumerate() {
        let row = row.map_err(|e| DbError::Corrupt(e.to_string()))?;
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

async fn insert_requirements(
    tx: &mut Transaction<'_, Sqlite>,
    requirements: &[SeedRequirement],
) -> Result<(), DbError> {
    for r in requirements {
        sqlx::query(
            "INSERT INTO requirements (slug, name_es, name_en, legal_basis_es, legal_basis_en, \
             legal_basis_verified, has_quality_criteria, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&r.slug)
        .bind(&r.name_es)
        .bind(&r.name_en)
        .bind(&r.legal_basis_es)
        .bind(&r.legal_basis_en)
        .bind(r.legal_basis_verified)
        .bind(r.has_quality_criteria)
        .bind(r.position)
        .execute(&mut **tx)
        .await?;
        for (status, (es, en)) in &r.status_labels {
            sqlx::query(
                "INSERT INTO requirement_status_labels (requirement, status, label_es, label_en) \
                 VALUES ($1, $2, $3, $4)",
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

async fn insert_sources(
    tx: &mut Transaction<'_, Sqlite>,
    sources: &[SeedSource],
) -> Result<HashMap<String, (i64, String)>, DbError> {
    let mut ids = HashMap::new();
    for s in sources {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO sources (author, publisher, title, url, date) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&s.author)
        .bind(&s.publisher)
        .bind(&s.title)
        .bind(&s.url)
        .bind(&s.date)
        .fetch_one(&mut **tx)
        .await?;
        ids.insert(s.key.clone(), (id, s.date.clone()));
    }
    Ok(ids)
}

/// Seed claims are dated as recorded on their source's date, so "as of" views of the past
/// show what was publicly known then.
async fn insert_claims(
    tx: &mut Transaction<'_, Sqlite>,
    seed: &SeedFile,
    sources: &HashMap<String, (i64, String)>,
) -> Result<(), DbError> {
    for claim in &seed.claims {
        let (source_id, source_date) = sources
            .get(&claim.source)
            .ok_or_else(|| DbError::Corrupt(format!("unknown seed source {}", claim.source)))?;
        let recorded_at = vigia::PartialDate::parse(source_date)
            .map_err(|e| DbError::Corrupt(e.to_string()))?
            .first_day()
            .and_hms_opt(12, 0, 0)
            .expect("noon exists")
            .and_utc()
            .to_rfc3339();
        let departments = seed
            .claim_groups
            .get(&claim.department)
            .cloned()
            .unwrap_or_else(|| vec![claim.department.clone()]);
        for department in departments {
            sqlx::query(
                "INSERT INTO claims (department, requirement, status, status_since, valid_from, valid_until, \
                 approving_instrument, evidence_level, note_es, note_en, source_id, recorded_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'reported', $8, $9, $10, $11)",
            )
            .bind(&department)
            .bind(&claim.requirement)
            .bind(&claim.status)
            .bind(&claim.status_since)
            .bind(&claim.valid_from)
            .bind(&claim.valid_until)
            .bind(&claim.approving_instrument)
            .bind(&claim.note_es)
            .bind(&claim.note_en)
            .bind(source_id)
            .bind(&recorded_at)
            .execute(&mut **tx)
            .await?;
            // The public history starts with the cited data, recorded by nobody in particular.
            sqlx::query(
                "INSERT INTO audit_log (at, actor_id, action, subject, reason, department, requirement) \
                 VALUES ($1, NULL, 'claim-recorded', 'claim:' || last_insert_rowid(), $2, $3, $4)",
            )
            .bind(&recorded_at)
            .bind(&claim.note_es)
            .bind(&department)
            .bind(&claim.requirement)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

async fn insert_figures(
    tx: &mut Transaction<'_, Sqlite>,
    figures: &[SeedFigure],
    sources: &HashMap<String, (i64, String)>,
) -> Result<(), DbError> {
    for (position, f) in figures.iter().enumerate() {
        let source_id = sources.get(&f.source).map(|(id, _)| *id);
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
