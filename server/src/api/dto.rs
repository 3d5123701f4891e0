//! What the API sends: purpose-built shapes, separate from the domain and the database rows.

use serde::Serialize;
use utoipa::ToSchema;

use app::i18n::Lang;
use vigia::gaps::Gap;
use vigia::{Claim, ComplianceRecord, Department, Snapshot, Source};

#[derive(Serialize, ToSchema)]
pub struct SourceDto {
    /// Who made the finding (e.g. Defensoría del Pueblo, or InSight Crime for its own
    /// analysis).
    pub author: String,
    /// Who reported the finding, when second-hand (e.g. La Razón).
    pub outlet: Option<String>,
    pub title: String,
    pub url: String,
    /// When the source was published: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as it is.
    pub published: String,
    /// `day`, `month` or `year`.
    pub published_precision: String,
    /// How a sentence credits the finding, in the language asked for ("InSight Crime's
    /// analysis"); the author's name when no wording was given.
    pub attribution: String,
}

fn precision(date: vigia::PartialDate) -> String {
    match date.precision() {
        vigia::DatePrecision::Day => "day",
        vigia::DatePrecision::Month => "month",
        vigia::DatePrecision::Year => "year",
    }
    .to_owned()
}

pub fn source_dto(lang: Lang, s: &Source) -> SourceDto {
    SourceDto {
        author: s.author.clone(),
        outlet: s.outlet.clone(),
        title: s.title.clone(),
        url: s.url.clone(),
        published: s.published.to_string(),
        published_precision: precision(s.published),
        attribution: app::format::attribution(lang, s),
    }
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceLinkDto {
    pub label: String,
    pub url: String,
    /// `primary` (the instrument itself or the body that issued it) or `report`.
    pub kind: String,
}

#[derive(Serialize, ToSchema)]
pub struct QualityDto {
    /// Each `yes`, `no` or `unknown`.
    pub responsible_institutions: String,
    pub timetable: String,
    pub financing: String,
    pub indicators: String,
    pub published: String,
}

#[derive(Serialize, ToSchema)]
pub struct RequirementStateDto {
    /// Requirement slug, e.g. `action-plan`.
    pub requirement: String,
    pub requirement_name: String,
    /// `missing`, `in-preparation`, `in-force`, `expired` or `unknown`.
    pub status: String,
    pub status_label: String,
    pub status_since: Option<String>,
    pub due_date: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub approving_instrument: Option<String>,
    /// `reported` or `verified`; absent when nothing was ever claimed.
    pub evidence_level: Option<String>,
    /// `stated` (the source says it) or `inferred` (Vigía concludes it); absent when nothing
    /// was ever claimed.
    pub basis: Option<String>,
    /// The moment the current claim describes, at its precision.
    pub event_date: Option<String>,
    pub quality: Option<QualityDto>,
    pub note: Option<String>,
    /// The sources of the claims standing in this record, each once, the current claim's
    /// first and then the newest: at most 20 (each claim with its source is in
    /// `/api/v1/claims.csv`).
    pub sources: Vec<SourceDto>,
    /// How many sources the standing claims cite, of which `sources` lists at most 20.
    pub sources_total: usize,
}

/// How many sources a record lists: an answer's size must not grow with the record's years
/// (at 100,000 claims every source made one department 2 MB, and every department 17 MB).
pub const SOURCES_LISTED: usize = 20;

#[derive(Serialize, ToSchema)]
pub struct GapDto {
    pub department: String,
    pub requirement: String,
    /// A stable slug: `missing`, `overdue`, `expired`, `due-soon`, `expiring-soon`,
    /// `not-in-force`, `status-unknown`, `unfunded`, `unpublished`, `unverified`,
    /// `inferred`, `sources-disagree` or `stale`.
    pub kind: String,
    /// `critical`, `warning` or `notice`.
    pub severity: String,
    /// When the gap began, as precisely as its claims say: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub since: Option<String>,
    /// A plain-language explanation.
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct ClaimDto {
    pub id: i64,
    pub requirement: String,
    pub status: String,
    pub status_since: Option<String>,
    pub due_date: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub approving_instrument: Option<String>,
    pub evidence_level: String,
    /// `stated` or `inferred`.
    pub basis: String,
    /// The moment the claim describes: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub event_date: String,
    /// `day`, `month` or `year`.
    pub event_date_precision: String,
    pub evidence: Vec<EvidenceLinkDto>,
    pub note: String,
    pub source: SourceDto,
    /// Where in the source: a page or section.
    pub locator: Option<String>,
    /// The source's own words (at most 300 characters).
    pub quote: Option<String>,
    /// The later claim that corrected this one, which then no longer counts.
    pub corrected_by: Option<i64>,
    /// The earlier claim this one corrects (and replaces), and what was corrected and why.
    pub corrects: Option<i64>,
    pub correction_reason: Option<String>,
    /// When the claim was recorded (RFC 3339, UTC).
    pub recorded_at: String,
    /// Uploaded PDFs; a withheld one has no `url` and says why.
    pub documents: Vec<DocumentDto>,
}

#[derive(Serialize, ToSchema)]
pub struct DocumentDto {
    pub filename: String,
    pub sha256: String,
    pub size: u64,
    /// Where to download it (relative to this site); absent once withheld.
    pub url: Option<String>,
    pub withheld_reason: Option<String>,
}

impl From<&vigia::Document> for DocumentDto {
    fn from(d: &vigia::Document) -> Self {
        Self {
            filename: d.filename.clone(),
            sha256: d.sha256.clone(),
            size: d.size,
            url: (!d.is_withheld()).then(|| format!("/documents/{}", d.id)),
            withheld_reason: d.withheld_reason.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct DepartmentDto {
    /// ISO 3166-2:BO code, e.g. `BO-L`.
    pub code: String,
    pub name: String,
    pub capital: String,
    /// The census count; `null` in a view of a day before the census was published.
    pub population: Option<u32>,
    pub population_year: Option<u16>,
    pub requirements: Vec<RequirementStateDto>,
    pub gaps: Vec<GapDto>,
    /// One page of the department's audit trail, newest first, 50 a page (`?page=`): every
    /// claim (with its fields), reply, decision and withheld document (only on the
    /// single-department endpoint).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<super::history::HistoryEntryDto>>,
    /// The next (older) page of the history, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history_next: Option<String>,
}

pub fn gap_dto(lang: Lang, gap: &Gap, snapshot: &Snapshot, today: chrono::NaiveDate) -> GapDto {
    GapDto {
        department: gap.department.to_string(),
        requirement: gap.requirement.to_string(),
        kind: gap.kind.slug().to_owned(),
        severity: gap.severity.slug().to_owned(),
        since: gap.since.map(|d| d.to_string()),
        message: app::explain::gap_message(lang, gap, snapshot, today),
    }
}

fn note(lang: Lang, claim: &Claim) -> String {
    if lang.is_spanish() || claim.note_en.is_empty() {
        claim.note_es.clone()
    } else {
        claim.note_en.clone()
    }
}

pub fn claim_dto(lang: Lang, claim: &Claim) -> ClaimDto {
    ClaimDto {
        id: claim.id,
        requirement: claim.requirement.to_string(),
        status: claim.status.slug().to_owned(),
        status_since: claim.status_since.map(|d| d.to_string()),
        due_date: claim.due_date.map(|d| d.to_string()),
        valid_from: claim.valid_from.map(|d| d.to_string()),
        valid_until: claim.valid_until.map(|d| d.to_string()),
        approving_instrument: claim.approving_instrument.as_deref().map(str::to_owned),
        evidence_level: claim.evidence_level.slug().to_owned(),
        basis: claim.basis.slug().to_owned(),
        event_date: claim.event_date.to_string(),
        event_date_precision: precision(claim.event_date),
        evidence: claim
            .evidence
            .iter()
            .map(|e| EvidenceLinkDto {
                label: e.label.clone(),
                url: e.url.clone(),
                kind: e.kind.slug().to_owned(),
            })
            .collect(),
        note: note(lang, claim),
        source: source_dto(lang, &claim.source),
        locator: claim.locator.as_deref().map(str::to_owned),
        quote: claim.quote.as_deref().map(str::to_owned),
        corrected_by: claim.corrected_by,
        corrects: claim.corrects,
        correction_reason: claim.correction_reason.as_deref().map(str::to_owned),
        recorded_at: claim.recorded_at.to_rfc3339(),
        documents: claim.documents.iter().map(DocumentDto::from).collect(),
    }
}

fn requirement_state(
    lang: Lang,
    record: &ComplianceRecord<&Claim>,
    snapshot: &Snapshot,
) -> RequirementStateDto {
    let requirement = snapshot.requirement(&record.requirement);
    let current = record.current();
    let status = current.map(|c| c.status).unwrap_or(vigia::Status::Unknown);
    // Each source once, newest claim's first; a set, so a long record is not searched again
    // for every claim. Counted to the end, listed to the limit.
    let mut seen = std::collections::HashSet::new();
    let mut sources: Vec<&Source> = Vec::new();
    for source in record.standing().rev().map(|claim| &claim.source) {
        if seen.insert(source.id) && sources.len() < SOURCES_LISTED {
            sources.push(source);
        }
    }
    let with_quality = requirement.is_some_and(|r| r.has_quality_criteria);
    RequirementStateDto {
        requirement: record.requirement.to_string(),
        requirement_name: requirement
            .map(|r| r.name.get(lang.is_spanish()).to_owned())
            .unwrap_or_default(),
        status: status.slug().to_owned(),
        status_label: app::format::status_label(lang, requirement, status),
        status_since: current.and_then(|c| c.status_since).map(|d| d.to_string()),
        due_date: current.and_then(|c| c.due_date).map(|d| d.to_string()),
        valid_from: current.and_then(|c| c.valid_from).map(|d| d.to_string()),
        valid_until: current.and_then(|c| c.valid_until).map(|d| d.to_string()),
        approving_instrument: current
            .and_then(|c| c.approving_instrument.as_deref().map(str::to_owned)),
        evidence_level: current.map(|c| c.evidence_level.slug().to_owned()),
        basis: current.map(|c| c.basis.slug().to_owned()),
        event_date: current.map(|c| c.event_date.to_string()),
        quality: current.filter(|_| with_quality).map(|c| QualityDto {
            responsible_institutions: c.quality.responsible_institutions.slug().to_owned(),
            timetable: c.quality.timetable.slug().to_owned(),
            financing: c.quality.financing.slug().to_owned(),
            indicators: c.quality.indicators.slug().to_owned(),
            published: c.quality.published.slug().to_owned(),
        }),
        note: current.map(|c| note(lang, c)),
        sources: sources.into_iter().map(|s| source_dto(lang, s)).collect(),
        sources_total: seen.len(),
    }
}

pub fn department_dto(
    lang: Lang,
    department: &Department,
    snapshot: &Snapshot,
    (gaps, today): (&[Gap], chrono::NaiveDate),
    history: Option<(Vec<super::history::HistoryEntryDto>, Option<String>)>,
) -> DepartmentDto {
    let (history, history_next) = history.unzip();
    let records = snapshot.borrowed_records_of(department.code);
    DepartmentDto {
        code: department.code.to_string(),
        name: department.name.clone(),
        capital: department.capital.clone(),
        population: department.census.as_ref().map(|c| c.population),
        population_year: department.census.as_ref().map(|c| c.year),
        requirements: records
            .iter()
            .map(|r| requirement_state(lang, r, snapshot))
            .collect(),
        gaps: gaps
            .iter()
            .filter(|g| g.department == department.code)
            .map(|g| gap_dto(lang, g, snapshot, today))
            .collect(),
        history,
        history_next: history_next.flatten(),
    }
}
