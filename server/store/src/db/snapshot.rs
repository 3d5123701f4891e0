//! Loads the whole public state in a handful of queries (the data set is small by nature:
//! nine departments, a few requirements, their claims).

use chrono::{DateTime, NaiveDate, Utc};
use futures::TryStreamExt;
use sqlx::FromRow;

use super::Pool;
use std::collections::HashMap;
use std::str::FromStr;

use vigia::history::HiddenText;
use vigia::national::NationalFigure;
use vigia::requirement::{Bilingual, StatusLabel};
use vigia::{
    Claim, Department, DepartmentCode, EvidenceLink, PartialDate, Quality, Requirement,
    RequirementSlug, Snapshot, Source, Status, TriState,
};

use super::DbError;

#[derive(FromRow)]
struct DepartmentRow {
    code: String,
    name: String,
    capital: String,
    area_km2: i64,
    population: i64,
    population_year: i64,
    population_source: String,
}

#[derive(FromRow)]
struct RequirementRow {
    slug: String,
    name_es: String,
    name_en: String,
    legal_basis_es: String,
    legal_basis_en: String,
    #[sqlx(try_from = "crate::db::Flag")]
    legal_basis_verified: bool,
    #[sqlx(try_from = "crate::db::Flag")]
    has_quality_criteria: bool,
    #[sqlx(try_from = "crate::db::Flag")]
    in_force_needs_date: bool,
    position: i64,
}

#[derive(FromRow)]
struct LabelRow {
    requirement: String,
    status: String,
    label_es: String,
    label_en: String,
}

#[derive(FromRow)]
pub(super) struct ClaimRow {
    pub(super) id: i64,
    department: String,
    requirement: String,
    status: String,
    basis: String,
    event_date: String,
    status_since: Option<String>,
    due_date: Option<String>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    approving_instrument: Option<String>,
    evidence_level: String,
    q_responsible: String,
    q_timetable: String,
    q_financing: String,
    q_indicators: String,
    q_published: String,
    note_es: String,
    note_en: String,
    locator: Option<String>,
    quote: Option<String>,
    recorded_at: String,
    recorded_by: Option<String>,
    corrected_by: Option<i64>,
    corrects_id: Option<i64>,
    correction_reason: Option<String>,
    #[sqlx(flatten)]
    source: SourceRow,
}

#[derive(FromRow)]
struct SourceRow {
    source_id: i64,
    author: String,
    publisher: Option<String>,
    title: String,
    url: String,
    source_date: String,
    attribution_es: Option<String>,
    attribution_en: Option<String>,
}

impl SourceRow {
    fn into_source(self) -> Result<Source, DbError> {
        let attribution = match (self.attribution_es, self.attribution_en) {
            (Some(es), Some(en)) => Some(Box::new(Bilingual { es, en })),
            _ => None,
        };
        Ok(Source {
            id: self.source_id,
            author: self.author,
            outlet: self.publisher,
            title: self.title,
            url: self.url,
            published: PartialDate::parse(&self.source_date).map_err(corrupt)?,
            attribution,
        })
    }
}

/// The source columns every query that loads a source selects, in `SourceRow`'s names.
pub(super) const SOURCE_COLUMNS: &str =
    "s.id AS source_id, s.author, s.publisher, s.title, s.url, \
     s.date AS source_date, s.attribution_es, s.attribution_en";

#[derive(FromRow)]
struct FigureRow {
    kind: String,
    period: String,
    value: Option<String>,
    #[sqlx(flatten)]
    source: SourceRow,
}

pub(super) fn corrupt(what: impl std::fmt::Display) -> DbError {
    DbError::Corrupt(what.to_string())
}

pub(super) fn parse<T: FromStr>(text: &str) -> Result<T, DbError>
where
    T::Err: std::fmt::Display,
{
    text.parse().map_err(corrupt)
}

fn partial(text: Option<String>) -> Result<Option<PartialDate>, DbError> {
    text.map(|t| PartialDate::parse(&t).map_err(corrupt))
        .transpose()
}

#[tracing::instrument(skip_all)]
pub async fn load_snapshot(pool: &Pool) -> Result<Snapshot, DbError> {
    let hidden = super::hidden::all(pool).await?;
    let claims = claims_after(pool, 0, &hidden).await?;
    Ok(Snapshot {
        departments: load_departments(pool).await?,
        requirements: load_requirements(pool).await?,
        claims,
        national: load_figures(pool).await?,
        history: super::history::history_after(pool, 0, &hidden).await?,
        replies: super::history::load_replies(pool, &hidden).await?,
        index: Default::default(),
    })
}

/// `before` and what was appended to the database since: claims and history entries with
/// higher ids, and the correction links those claims make; `None` when nothing was, and
/// `before` stands. Only for versions whose writes did nothing else
/// ([`super::version::Effect::Appends`]); it reads the new rows, not the record, and shares
/// `before`'s claims and entries rather than copying them.
pub async fn extend_snapshot(pool: &Pool, before: &Snapshot) -> Result<Option<Snapshot>, DbError> {
    let last_claim = before.claims.last().map_or(0, |c| c.id);
    let last_entry = before.history.last().map_or(0, |e| e.id);
    let hidden = super::hidden::all(pool).await?;
    let added: Vec<Claim> = claims_after(pool, last_claim, &hidden).await?;
    let entries: Vec<_> = super::history::history_after(pool, last_entry, &hidden).await?;
    if added.is_empty() && entries.is_empty() {
        return Ok(None);
    }
    let mut snapshot = before.clone();
    for claim in &added {
        let Some(corrected) = claim.corrects else {
            continue;
        };
        // Claims are kept in the order of their ids: found by halving, and only the corrected
        // claim's branch of the shared vector is copied.
        if let Ok(at) = snapshot.claims.binary_search_by_key(&corrected, |c| c.id) {
            if let Some(old) = snapshot.claims.get_mut(at) {
                old.corrected_by = Some(claim.id);
            }
        }
    }
    snapshot.claims.extend(added);
    snapshot.history.extend(entries);
    Ok(Some(snapshot))
}

pub(super) use super::history::instant;

async fn load_departments(pool: &Pool) -> Result<Vec<Department>, DbError> {
    let rows: Vec<DepartmentRow> = sqlx::query_as(
        "SELECT code, name, capital, area_km2, population, population_year, population_source \
         FROM departments ORDER BY position",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Department {
                code: DepartmentCode::parse(&r.code).map_err(corrupt)?,
                name: r.name,
                capital: r.capital,
                area_km2: u32::try_from(r.area_km2).map_err(corrupt)?,
                census: Some(vigia::Census {
                    population: u32::try_from(r.population).map_err(corrupt)?,
                    year: u16::try_from(r.population_year).map_err(corrupt)?,
                    source: r.population_source,
                }),
            })
        })
        .collect()
}

async fn load_requirements(pool: &Pool) -> Result<Vec<Requirement>, DbError> {
    let rows: Vec<RequirementRow> = sqlx::query_as(
        "SELECT slug, name_es, name_en, legal_basis_es, legal_basis_en, \
         CAST(legal_basis_verified AS INTEGER) AS legal_basis_verified, \
         CAST(has_quality_criteria AS INTEGER) AS has_quality_criteria, \
         CAST(in_force_needs_date AS INTEGER) AS in_force_needs_date, position \
         FROM requirements ORDER BY position",
    )
    .fetch_all(pool)
    .await?;
    let labels: Vec<LabelRow> = sqlx::query_as(
        "SELECT requirement, status, label_es, label_en FROM requirement_status_labels",
    )
    .fetch_all(pool)
    .await?;
    let mut cited = requirement_sources(pool).await?;
    rows.into_iter()
        .map(|r| {
            let legal_basis_sources = cited.remove(&r.slug).unwrap_or_default();
            let status_labels = labels
                .iter()
                .filter(|l| l.requirement == r.slug)
                .map(|l| {
                    Ok(StatusLabel {
                        status: parse::<Status>(&l.status)?,
                        label: Bilingual {
                            es: l.label_es.clone(),
                            en: l.label_en.clone(),
                        },
                    })
                })
                .collect::<Result<Vec<_>, DbError>>()?;
            Ok(Requirement {
                slug: RequirementSlug::parse(&r.slug).map_err(corrupt)?,
                name: Bilingual {
                    es: r.name_es,
                    en: r.name_en,
                },
                legal_basis: Bilingual {
                    es: r.legal_basis_es,
                    en: r.legal_basis_en,
                },
                legal_basis_verified: r.legal_basis_verified,
                legal_basis_sources,
                has_quality_criteria: r.has_quality_criteria,
                in_force_needs_date: r.in_force_needs_date,
                status_labels,
                position: i32::try_from(r.position).map_err(corrupt)?,
            })
        })
        .collect()
}

#[derive(FromRow)]
struct CitedRow {
    requirement: String,
    #[sqlx(flatten)]
    source: SourceRow,
}

/// The sources each requirement's legal basis cites, in the order it cites them.
async fn requirement_sources(pool: &Pool) -> Result<HashMap<String, Vec<Source>>, DbError> {
    let rows: Vec<CitedRow> = sqlx::query_as(&format!(
        "SELECT r.requirement, {SOURCE_COLUMNS} FROM requirement_sources r \
         JOIN sources s ON s.id = r.source_id ORDER BY r.requirement, r.position"
    ))
    .fetch_all(pool)
    .await?;
    let mut cited: HashMap<String, Vec<Source>> = HashMap::new();
    for row in rows {
        cited
            .entry(row.requirement)
            .or_default()
            .push(row.source.into_source()?);
    }
    Ok(cited)
}

pub(super) const CLAIM_COLUMNS: &str = "c.id, c.department, c.requirement, c.status, c.basis, c.event_date, \
     c.status_since, c.due_date, c.valid_from, c.valid_until, c.approving_instrument, c.evidence_level, \
     c.q_responsible, c.q_timetable, c.q_financing, c.q_indicators, c.q_published, c.note_es, \
     c.note_en, c.locator, c.quote, c.recorded_at, u.display_name AS recorded_by, \
     k.correcting_claim_id AS corrected_by, \
     (SELECT MIN(mc.corrected_claim_id) FROM claim_corrections mc WHERE mc.correcting_claim_id = c.id) AS corrects_id, \
     (SELECT MIN(mc.reason) FROM claim_corrections mc WHERE mc.correcting_claim_id = c.id) AS correction_reason";

pub(super) const CLAIM_JOINS: &str = "FROM claims c JOIN sources s ON s.id = c.source_id \
     LEFT JOIN users u ON u.id = c.recorded_by \
     LEFT JOIN claim_corrections k ON k.corrected_claim_id = c.id";

/// One record's claims, as the gap rules need them (without evidence or documents), read in
/// the transaction that is about to change it.
pub async fn load_record(
    tx: &mut super::Tx<'_>,
    department: DepartmentCode,
    requirement: &RequirementSlug,
) -> Result<vigia::ComplianceRecord, DbError> {
    let claims = record_claims(tx, department, requirement, 0).await?;
    Ok(vigia::ComplianceRecord::new(
        department,
        requirement.clone(),
        claims,
    ))
}

/// A claim read with a correction it makes: a row for each (or one without any).
#[derive(FromRow)]
struct CorrectingRow {
    #[sqlx(flatten)]
    claim: ClaimRow,
    corrects: Option<i64>,
}

/// The claims of one record after claim `since`, in the form [`load_record`] reads them, and
/// the corrections they make (corrected id, correcting id), read in one query in the
/// transaction that wrote them.
pub async fn load_record_since(
    tx: &mut super::Tx<'_>,
    department: DepartmentCode,
    requirement: &RequirementSlug,
    since: i64,
) -> Result<(Vec<Claim>, Vec<(i64, i64)>), DbError> {
    let rows: Vec<CorrectingRow> = sqlx::query_as(&format!(
        "SELECT {CLAIM_COLUMNS}, {SOURCE_COLUMNS}, m.corrected_claim_id AS corrects {CLAIM_JOINS} \
         LEFT JOIN claim_corrections m ON m.correcting_claim_id = c.id \
         WHERE c.department = $1 AND c.requirement = $2 AND c.id > $3 ORDER BY c.id"
    ))
    .bind(department.as_str())
    .bind(requirement.as_str())
    .bind(since)
    .fetch_all(&mut **tx)
    .await?;
    let mut claims: Vec<Claim> = Vec::with_capacity(rows.len());
    let mut corrections = Vec::new();
    for row in rows {
        if let Some(corrected) = row.corrects {
            corrections.push((corrected, row.claim.id));
        }
        // Rows of one claim come together, ordered by id.
        if claims.last().map(|c| c.id) != Some(row.claim.id) {
            claims.push(claim_from_row(row.claim, &mut HashMap::new())?);
        }
    }
    Ok((claims, corrections))
}

async fn record_claims(
    tx: &mut super::Tx<'_>,
    department: DepartmentCode,
    requirement: &RequirementSlug,
    since: i64,
) -> Result<Vec<Claim>, DbError> {
    let rows: Vec<ClaimRow> = sqlx::query_as(&format!(
        "SELECT {CLAIM_COLUMNS}, {SOURCE_COLUMNS} {CLAIM_JOINS} \
         WHERE c.department = $1 AND c.requirement = $2 AND c.id > $3 ORDER BY c.id"
    ))
    .bind(department.as_str())
    .bind(requirement.as_str())
    .bind(since)
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter()
        .map(|row| claim_from_row(row, &mut HashMap::new()))
        .collect()
}

/// The claims with ids above `after` and up to the last when the read starts, oldest first,
/// with their evidence links and documents, and with the notes an admin hid (`hidden`) left
/// out. Each row becomes a claim as it arrives, so the rows are never all held beside the
/// claims they make (at 100,000 claims the start's peak went from 291 to 240 MB).
pub async fn claims_after<C: Default + Extend<Claim>>(
    pool: &Pool,
    after: i64,
    hidden: &HashMap<String, HiddenText>,
) -> Result<C, DbError> {
    let mut claims = C::default();
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM claims")
        .fetch_one(pool)
        .await?;
    let Some(last) = last.filter(|last| *last > after) else {
        return Ok(claims);
    };
    let evidence: Vec<EvidenceRow> = sqlx::query_as(
        "SELECT claim_id, label, url, kind FROM claim_evidence \
         WHERE claim_id > $1 AND claim_id <= $2 ORDER BY id",
    )
    .bind(after)
    .bind(last)
    .fetch_all(pool)
    .await?;
    let mut evidence = by_claim(evidence)?;
    let mut documents = super::history::load_documents(pool, "claim_id", after).await?;
    let query = format!(
        "SELECT {CLAIM_COLUMNS}, {SOURCE_COLUMNS} {CLAIM_JOINS} \
         WHERE c.id > $1 AND c.id <= $2 ORDER BY c.id"
    );
    let mut rows = sqlx::query_as::<_, ClaimRow>(&query)
        .bind(after)
        .bind(last)
        .fetch(pool);
    while let Some(row) = rows.try_next().await? {
        let mut claim = claim_from_row(row, &mut evidence)?;
        claim.documents = documents.remove(&claim.id).unwrap_or_default();
        hide_note(&mut claim, hidden);
        claims.extend([claim]);
    }
    Ok(claims)
}

/// A claim's evidence link as stored: claim id, label, URL and kind.
pub(super) type EvidenceRow = (i64, String, String, String);

/// Evidence links grouped by the claim they support, in the order given.
pub(super) fn by_claim(rows: Vec<EvidenceRow>) -> Result<HashMap<i64, Vec<EvidenceLink>>, DbError> {
    let mut evidence_by_claim: HashMap<i64, Vec<EvidenceLink>> = HashMap::new();
    for (claim_id, label, url, kind) in rows {
        evidence_by_claim
            .entry(claim_id)
            .or_default()
            .push(EvidenceLink {
                label,
                url,
                kind: parse(&kind)?,
            });
    }
    Ok(evidence_by_claim)
}

/// Leaves out a note an admin hid, keeping the hash and reason in its place.
fn hide_note(claim: &mut Claim, hidden: &HashMap<String, HiddenText>) {
    if hidden.is_empty() {
        return;
    }
    if let Some(h) = hidden.get(&format!("claim:{}", claim.id)) {
        claim.note_es.clear();
        claim.note_en.clear();
        claim.note_hidden = Some(Box::new(h.clone()));
    }
}

pub(super) fn claim_from_row(
    r: ClaimRow,
    evidence: &mut HashMap<i64, Vec<EvidenceLink>>,
) -> Result<Claim, DbError> {
    let due_date = r
        .due_date
        .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(corrupt))
        .transpose()?;
    let recorded_at = DateTime::parse_from_rfc3339(&r.recorded_at)
        .map_err(corrupt)?
        .with_timezone(&Utc);
    Ok(Claim {
        id: r.id,
        department: DepartmentCode::parse(&r.department).map_err(corrupt)?,
        requirement: RequirementSlug::parse(&r.requirement).map_err(corrupt)?,
        status: parse(&r.status)?,
        basis: parse(&r.basis)?,
        event_date: PartialDate::parse(&r.event_date).map_err(corrupt)?,
        status_since: partial(r.status_since)?,
        due_date,
        valid_from: partial(r.valid_from)?,
        valid_until: partial(r.valid_until)?,
        approving_instrument: r.approving_instrument.map(Into::into),
        evidence: evidence.remove(&r.id).unwrap_or_default(),
        documents: Vec::new(),
        evidence_level: parse(&r.evidence_level)?,
        quality: Quality {
            responsible_institutions: parse::<TriState>(&r.q_responsible)?,
            timetable: parse(&r.q_timetable)?,
            financing: parse(&r.q_financing)?,
            indicators: parse(&r.q_indicators)?,
            published: parse(&r.q_published)?,
        },
        note_es: r.note_es,
        note_en: r.note_en,
        source: r.source.into_source()?,
        locator: r.locator.map(Into::into),
        quote: r.quote.map(Into::into),
        recorded_at,
        recorded_by: r.recorded_by.map(Into::into),
        corrected_by: r.corrected_by,
        corrects: r.corrects_id,
        correction_reason: r.correction_reason.map(Into::into),
        note_hidden: None,
    })
}

async fn load_figures(pool: &Pool) -> Result<Vec<NationalFigure>, DbError> {
    // Every seeded figure has a source; the join is inner so a row without one is not shown
    // as if it had.
    let rows: Vec<FigureRow> = sqlx::query_as(&format!(
        "SELECT f.kind, f.period, f.value, {SOURCE_COLUMNS} \
         FROM national_figures f JOIN sources s ON s.id = f.source_id ORDER BY f.position"
    ))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(NationalFigure {
                kind: r.kind,
                period: r.period,
                value: r.value,
                source: Some(r.source.into_source()?),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every claim read says which claim it corrects, looked up by the correcting claim for
    /// each claim: SQLite must find it by index, or loading the record costs claims ×
    /// corrections.
    #[tokio::test]
    async fn a_claims_correction_is_found_by_index() {
        let (_dir, pool) = crate::db::migrated_sqlite().await;
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(&format!(
            "EXPLAIN QUERY PLAN SELECT {CLAIM_COLUMNS}, {SOURCE_COLUMNS} {CLAIM_JOINS}"
        ))
        .fetch_all(&pool)
        .await
        .unwrap();
        let lookups: Vec<&str> = plan
            .iter()
            .map(|(.., detail)| detail.as_str())
            .filter(|detail| detail.contains(" mc"))
            .collect();
        assert_eq!(lookups.len(), 2, "{plan:?}");
        assert!(
            lookups
                .iter()
                .all(|detail| detail.contains("claim_corrections_by_correcting")),
            "{plan:?}"
        );
    }
}
