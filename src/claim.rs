//! A claim: one dated, sourced statement about where a department stands on a requirement.
//! Claims are only ever appended; the latest one is the current state.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::{DepartmentCode, ParseError, PartialDate, RequirementSlug, Status};

/// How far Vigía has checked a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceLevel {
    /// A source says so; nobody has seen the document.
    Reported,
    /// Checked against the document itself.
    Verified,
}

impl EvidenceLevel {
    pub fn slug(self) -> &'static str {
        match self {
            Self::Reported => "reported",
            Self::Verified => "verified",
        }
    }
}

impl FromStr for EvidenceLevel {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "reported" => Ok(Self::Reported),
            "verified" => Ok(Self::Verified),
            other => Err(ParseError::UnknownEvidenceLevel(other.to_owned())),
        }
    }
}

/// Who said it. When second-hand, `publisher` is who reported the author's finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: i64,
    pub author: String,
    pub publisher: Option<String>,
    pub title: String,
    pub url: String,
    pub date: PartialDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceLink {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TriState {
    Yes,
    No,
    #[default]
    Unknown,
}

impl TriState {
    pub fn slug(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Unknown => "unknown",
        }
    }
}

impl FromStr for TriState {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "yes" => Ok(Self::Yes),
            "no" => Ok(Self::No),
            "unknown" => Ok(Self::Unknown),
            other => Err(ParseError::UnknownStatus(other.to_owned())),
        }
    }
}

/// The five criteria of a plan's quality, judged apart from whether the plan exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QualityCriterion {
    ResponsibleInstitutions,
    Timetable,
    Financing,
    Indicators,
    Published,
}

impl QualityCriterion {
    pub const ALL: [QualityCriterion; 5] = [
        Self::ResponsibleInstitutions,
        Self::Timetable,
        Self::Financing,
        Self::Indicators,
        Self::Published,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::ResponsibleInstitutions => "responsible-institutions",
            Self::Timetable => "timetable",
            Self::Financing => "financing",
            Self::Indicators => "indicators",
            Self::Published => "published",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Quality {
    pub responsible_institutions: TriState,
    pub timetable: TriState,
    pub financing: TriState,
    pub indicators: TriState,
    pub published: TriState,
}

impl Quality {
    pub fn get(&self, criterion: QualityCriterion) -> TriState {
        match criterion {
            QualityCriterion::ResponsibleInstitutions => self.responsible_institutions,
            QualityCriterion::Timetable => self.timetable,
            QualityCriterion::Financing => self.financing,
            QualityCriterion::Indicators => self.indicators,
            QualityCriterion::Published => self.published,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: i64,
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    pub status: Status,
    /// The date the status took effect (e.g. a plan's approval), when known.
    pub status_since: Option<PartialDate>,
    pub due_date: Option<NaiveDate>,
    pub valid_from: Option<PartialDate>,
    pub valid_until: Option<PartialDate>,
    pub approving_instrument: Option<String>,
    pub evidence: Vec<EvidenceLink>,
    /// PDFs uploaded with the claim.
    #[serde(default)]
    pub documents: Vec<crate::Document>,
    pub evidence_level: EvidenceLevel,
    pub quality: Quality,
    pub note_es: String,
    pub note_en: String,
    pub source: Source,
    /// When the claim entered Vigía (UTC).
    pub recorded_at: DateTime<Utc>,
    /// The public display name of who recorded it; `None` for the cited seed data.
    pub recorded_by: Option<String>,
}

impl Claim {
    /// The date the claim speaks for: its source's date (first day of the period it names).
    pub fn as_of(&self) -> NaiveDate {
        self.source.date.first_day()
    }
}
