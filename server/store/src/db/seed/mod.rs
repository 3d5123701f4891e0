//! First-start seeding from the cited data shipped in `server/seed/`, and the one-time
//! correction of databases seeded from an earlier revision of it.

mod plan;

use super::{Pool, Tx};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

use plan::{SeedFile, SeededClaim};
use vigia::Clock;

use super::claims::{append_with_source, insert_source, record_correction, Append};
use super::{stamp, DbError};

fn corrupt(what: impl std::fmt::Display) -> DbError {
    DbError::Corrupt(what.to_string())
}

/// Seeds an empty database, or brings one seeded from an earlier revision up to date, in one
/// transaction; a database that holds the current revision is left alone.
#[tracing::instrument(skip_all)]
pub async fn seed_if_empty(pool: &Pool, clock: &dyn Clock) -> Result<bool, DbError> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM departments")
        .fetch_one(pool)
        .await?;
    let (revision,): (Option<i64>,) = sqlx::query_as("SELECT MAX(revision) FROM seed_revisions")
        .fetch_one(pool)
        .await?;
    let seed = plan::seed_file().map_err(corrupt)?;
    if count > 0 && revision.unwrap_or(1) >= seed.revision {
        return Ok(false);
    }
    let now = clock.now();
    let claims = plan::claims(&seed, clock.today()).map_err(corrupt)?;
    let mut tx = pool.begin().await?;
    if count == 0 {
        insert_departments(&mut tx).await?;
        insert_requirements(&mut tx, &seed).await?;
        let sources = insert_sources(&mut tx, &seed).await?;
        for seeded in &claims {
            append_seeded(&mut tx, seeded, &sources, now).await?;
        }
        replace_figures(&mut tx, &seed, &sources).await?;
        tracing::info!("seeded the database with cited data");
    } else {
        correct(&mut tx, &seed, &claims, now).await?;
        tracing::info!(
            revision = seed.revision,
            "appended corrections to the cited seed"
        );
    }
    super::version::bump(&mut tx).await?;
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
    let source_id = sources[&seeded.source_key];
    let append = Append {
        recorded_by: None,
        expected_latest: None,
        note_en: Some(&seeded.note_en),
        now,
    };
    append_with_source(tx, &seeded.claim, source_id, &append, &[])
        .await
        .map(|appended| appended.claim)
        .map_err(|e| corrupt(format!("could not seed a claim: {e}")))
}

/// Brings a database seeded from revision 1 to the current revision. The history is
/// append-only, so every seeded claim of a record the seed speaks about is corrected by a new
/// claim whose note says what changed and why; officers' claims are left as they are.
async fn correct(
    tx: &mut Tx<'_>,
    seed: &SeedFile,
    claims: &[SeededClaim],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    insert_requirements(tx, seed).await?;
    let sources = insert_sources(tx, seed).await?;
    let old: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT c.id, c.department, c.requirement, s.url, s.title FROM claims c \
         JOIN sources s ON s.id = c.source_id WHERE c.recorded_by IS NULL \
         AND c.id NOT IN (SELECT corrected_claim_id FROM claim_corrections) ORDER BY c.id",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut appended: Vec<(&SeededClaim, i64)> = Vec::new();
    for seeded in claims {
        let mut with_note = seeded.claim.clone();
        let mut note_en = seeded.note_en.clone();
        let record = (
            seeded.claim.department.as_str(),
            seeded.claim.requirement.as_str(),
        );
        let corrects_something = old
            .iter()
            .any(|(_, d, r, ..)| (d.as_str(), r.as_str()) == record);
        if let (Some(correction), true) = (&seeded.correction, corrects_something) {
            with_note.note = format!("{} {}", correction.es, with_note.note);
            note_en = format!("{} {note_en}", correction.en);
        }
        let corrected = SeededClaim {
            claim: with_note,
            note_en,
            source_key: seeded.source_key.clone(),
            correction: None,
        };
        let id = append_seeded(tx, &corrected, &sources, now).await?;
        appended.push((seeded, id));
    }
    for (old_id, department, requirement, url, title) in &old {
        let same_record: Vec<&(&SeededClaim, i64)> = appended
            .iter()
            .filter(|(s, _)| {
                s.claim.department.as_str() == department
                    && s.claim.requirement.as_str() == requirement
            })
            .collect();
        // The new claim citing the same page corrects it; otherwise the record's latest.
        let by_page = same_record.iter().find(|(s, _)| {
            s.claim.source.url.as_ref() == Some(url) || &s.claim.source.title == title
        });
        if let Some((_, new_id)) = by_page.or(same_record.last()) {
            record_correction(tx, *old_id, *new_id).await?;
        }
    }
    // Figures are the seed's own table, not history: they are replaced, and the sources only
    // they cited (one of which paired a page's title with another's date) go with them.
    replace_figures(tx, seed, &sources).await?;
    sqlx::query(
        "DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM claims) \
         AND id NOT IN (SELECT source_id FROM national_figures WHERE source_id IS NOT NULL)",
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
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
