//! The cited seed as domain values: every seeded claim goes through the same validation as
//! an officer's, so the seed can state nothing a form would refuse.

use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

use vigia::new_claim::{ClaimDraft, NewClaim, NewSource};
use vigia::requirement::{Bilingual, Requirement, StatusLabel};
use vigia::{RequirementSlug, Status};

pub const DEPARTMENTS_CSV: &str = include_str!("../../../../seed/departments.csv");
pub const SEED_JSON: &str = include_str!("../../../../seed/seed.json");

#[derive(Deserialize)]
pub struct SeedFile {
    pub revision: i64,
    pub requirements: Vec<SeedRequirement>,
    pub sources: Vec<SeedSource>,
    pub claims: Vec<SeedClaim>,
    pub national_figures: Vec<SeedFigure>,
}

#[derive(Deserialize)]
pub struct SeedRequirement {
    pub slug: String,
    pub name_es: String,
    pub name_en: String,
    pub legal_basis_es: String,
    pub legal_basis_en: String,
    pub legal_basis_verified: bool,
    /// The keys of the sources the legal basis cites, in the order it cites them.
    #[serde(default)]
    pub sources: Vec<String>,
    pub has_quality_criteria: bool,
    pub in_force_needs_date: bool,
    pub position: i64,
    pub status_labels: HashMap<String, (String, String)>,
}

#[derive(Deserialize, Clone)]
pub struct SeedSource {
    pub key: String,
    pub author: String,
    pub outlet: Option<String>,
    pub title: String,
    pub url: String,
    pub published: String,
    pub attribution_es: Option<String>,
    pub attribution_en: Option<String>,
}

#[derive(Deserialize)]
pub struct SeedClaim {
    pub departments: Vec<String>,
    pub requirement: String,
    pub status: String,
    pub basis: String,
    pub event_date: String,
    pub source: String,
    #[serde(default)]
    pub status_since: Option<String>,
    #[serde(default)]
    pub valid_from: Option<String>,
    #[serde(default)]
    pub valid_until: Option<String>,
    #[serde(default)]
    pub approving_instrument: Option<String>,
    #[serde(default)]
    pub locator: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
    /// `{department}` stands for the department's name.
    pub note_es: String,
    pub note_en: String,
    /// The revision of the seed that last changed this claim; a database seeded from an
    /// earlier one gets it appended.
    #[serde(default = "first_corrected_revision")]
    pub revised: i64,
    /// Why this claim replaces what a database seeded from an earlier revision shows, by the
    /// revision that database holds.
    #[serde(default)]
    pub corrections: BTreeMap<i64, Bilingual>,
}

/// Revision 2 re-read every source, so every claim it kept changed then.
fn first_corrected_revision() -> i64 {
    2
}

#[derive(Deserialize)]
pub struct SeedFigure {
    pub kind: String,
    pub period: String,
    pub value: Option<String>,
    pub source: String,
}

#[derive(Deserialize)]
pub struct DepartmentRow {
    pub iso_code: String,
    pub name: String,
    pub capital: String,
    pub area_km2: i64,
    pub population: i64,
    pub population_year: i64,
    pub population_source: String,
}

/// One seeded claim, checked, with what only the seed carries.
pub struct SeededClaim {
    pub claim: NewClaim,
    pub note_en: String,
    pub source_key: String,
    pub revised: i64,
    pub corrections: BTreeMap<i64, Bilingual>,
}

/// The shipped seed file.
#[cfg(test)]
pub fn seed_file() -> Result<SeedFile, String> {
    parse(SEED_JSON)
}

/// A seed file: the shipped one, or an earlier revision of it in tests.
pub fn parse(json: &str) -> Result<SeedFile, String> {
    serde_json::from_str(json).map_err(|e| format!("seed.json: {e}"))
}

pub fn departments() -> Result<Vec<DepartmentRow>, String> {
    csv::Reader::from_reader(DEPARTMENTS_CSV.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .map_err(|e| format!("departments.csv: {e}"))
}

impl SeedSource {
    /// The source as a claim cites it. Each seeded claim validates its own copy of these
    /// fields; this one is what the sources table keeps.
    pub fn to_domain(&self) -> Result<NewSource, String> {
        let attribution = self
            .attribution_es
            .clone()
            .zip(self.attribution_en.clone())
            .map(|(es, en)| Bilingual { es, en });
        Ok(NewSource {
            author: self.author.clone(),
            outlet: self.outlet.clone(),
            title: self.title.clone(),
            url: Some(self.url.clone()),
            published: vigia::PartialDate::parse(&self.published).map_err(|e| e.to_string())?,
            attribution,
        })
    }
}

impl SeedRequirement {
    pub fn to_domain(&self) -> Result<Requirement, String> {
        let status_labels = self
            .status_labels
            .iter()
            .map(|(status, (es, en))| {
                Ok(StatusLabel {
                    status: status.parse::<Status>().map_err(|e| e.to_string())?,
                    label: Bilingual {
                        es: es.clone(),
                        en: en.clone(),
                    },
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Requirement {
            slug: RequirementSlug::parse(&self.slug).map_err(|e| e.to_string())?,
            name: Bilingual {
                es: self.name_es.clone(),
                en: self.name_en.clone(),
            },
            legal_basis: Bilingual {
                es: self.legal_basis_es.clone(),
                en: self.legal_basis_en.clone(),
            },
            legal_basis_verified: self.legal_basis_verified,
            // The domain's requirement checks claims; the cited sources are stored apart.
            legal_basis_sources: Vec::new(),
            has_quality_criteria: self.has_quality_criteria,
            in_force_needs_date: self.in_force_needs_date,
            status_labels,
            position: self.position as i32,
        })
    }
}

/// Every claim of the seed, one per department, validated as of `today`; `Err` lists each
/// claim that would not pass and why.
pub fn claims(seed: &SeedFile, today: NaiveDate) -> Result<Vec<SeededClaim>, String> {
    let names: HashMap<String, String> = departments()?
        .into_iter()
        .map(|d| (d.iso_code, d.name))
        .collect();
    let requirements = seed
        .requirements
        .iter()
        .map(SeedRequirement::to_domain)
        .collect::<Result<Vec<_>, _>>()?;
    let mut checked = Vec::new();
    let mut problems = Vec::new();
    for entry in &seed.claims {
        let Some(source) = seed.sources.iter().find(|s| s.key == entry.source) else {
            problems.push(format!("unknown source {}", entry.source));
            continue;
        };
        for code in &entry.departments {
            let name = names.get(code).cloned().unwrap_or_else(|| code.clone());
            let draft = draft(entry, source, code, &name);
            match draft.validate(&requirements, 0, today) {
                Ok(claim) => checked.push(SeededClaim {
                    claim,
                    note_en: entry.note_en.replace("{department}", &name),
                    source_key: source.key.clone(),
                    revised: entry.revised,
                    corrections: entry.corrections.clone(),
                }),
                Err(errors) => problems.push(format!(
                    "{code} {} {}: {errors:?}",
                    entry.requirement, entry.status
                )),
            }
        }
    }
    if problems.is_empty() {
        Ok(checked)
    } else {
        Err(problems.join("; "))
    }
}

fn draft(entry: &SeedClaim, source: &SeedSource, code: &str, name: &str) -> ClaimDraft {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    ClaimDraft {
        department: code.to_owned(),
        requirement: entry.requirement.clone(),
        status: entry.status.clone(),
        basis: entry.basis.clone(),
        event_date: entry.event_date.clone(),
        status_since: text(&entry.status_since),
        valid_from: text(&entry.valid_from),
        valid_until: text(&entry.valid_until),
        approving_instrument: text(&entry.approving_instrument),
        // Nobody has checked a seeded claim against the instrument itself.
        evidence_level: "reported".to_owned(),
        note: entry.note_es.replace("{department}", name),
        source_author: source.author.clone(),
        source_outlet: text(&source.outlet),
        source_title: source.title.clone(),
        source_url: source.url.clone(),
        source_published: source.published.clone(),
        source_locator: text(&entry.locator),
        source_quote: text(&entry.quote),
        source_attribution_es: text(&source.attribution_es),
        source_attribution_en: text(&source.attribution_en),
        ..ClaimDraft::default()
    }
}

#[cfg(test)]
mod tests;
