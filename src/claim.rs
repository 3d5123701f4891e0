//! A claim: one dated, sourced statement about where a department stands on a requirement.
//! Claims are only ever appended; the latest one is the current state.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::la_paz_date;
use crate::requirement::Bilingual;
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

/// Whether the source says the status, or Vigía concludes it from what the source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The source states it.
    #[default]
    Stated,
    /// Vigía's conclusion from what the source says; shown as such, credited to Vigía.
    Inferred,
}

impl Basis {
    pub const ALL: [Basis; 2] = [Self::Stated, Self::Inferred];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Inferred => "inferred",
        }
    }
}

impl FromStr for Basis {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|b| b.slug() == s)
            .ok_or_else(|| ParseError::UnknownBasis(s.to_owned()))
    }
}

/// Who said it and when it was published. `author` made the finding; when it reached Vigía
/// second-hand, `outlet` is who reported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: i64,
    pub author: String,
    pub outlet: Option<String>,
    pub title: String,
    pub url: String,
    /// When the page or report was published, as precisely as it says.
    pub published: PartialDate,
    /// How a sentence credits the finding when the author's name alone would say too much
    /// or too little ("el análisis de InSight Crime", not its summary of someone's report).
    /// Boxed, as few sources have one: see [`Claim`]'s size.
    #[serde(default)]
    pub attribution: Option<Box<Bilingual>>,
}

/// A link is `primary` when it is the instrument itself or comes from the body that issued
/// it, and a `report` when it is an article or a third party's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    Primary,
    #[default]
    Report,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 2] = [Self::Primary, Self::Report];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Primary => "primary",
            Self::Report => "report",
        }
    }
}

impl FromStr for EvidenceKind {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.slug() == s)
            .ok_or_else(|| ParseError::UnknownEvidenceKind(s.to_owned()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceLink {
    pub label: String,
    pub url: String,
    #[serde(default)]
    pub kind: EvidenceKind,
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
    /// Whether the source states the status or Vigía infers it.
    pub basis: Basis,
    /// The moment the claim is about ("in February 2020, La Paz had no plan"), as precisely
    /// as the source gives it; distinct from when the source was published.
    pub event_date: PartialDate,
    /// The date the status took effect (e.g. a plan's approval), when known.
    pub status_since: Option<PartialDate>,
    pub due_date: Option<NaiveDate>,
    pub valid_from: Option<PartialDate>,
    pub valid_until: Option<PartialDate>,
    pub approving_instrument: Option<Box<str>>,
    pub evidence: Vec<EvidenceLink>,
    /// PDFs uploaded with the claim.
    #[serde(default)]
    pub documents: Vec<crate::Document>,
    pub evidence_level: EvidenceLevel,
    pub quality: Quality,
    pub note_es: String,
    pub note_en: String,
    pub source: Source,
    /// Where in the source: a page or a section.
    pub locator: Option<Box<str>>,
    /// The source's own words, at most 300 characters.
    pub quote: Option<Box<str>>,
    /// When the claim entered Vigía (UTC).
    pub recorded_at: DateTime<Utc>,
    /// The public display name of who recorded it; `None` for the cited seed data.
    pub recorded_by: Option<Box<str>>,
    /// The later claim that corrected this one: it stays in the history but no longer counts.
    #[serde(default)]
    pub corrected_by: Option<i64>,
    /// The earlier claim this one corrects, and what was corrected and why (as its officer
    /// wrote it; the seed's corrections say it in their notes).
    #[serde(default)]
    pub corrects: Option<i64>,
    #[serde(default)]
    pub correction_reason: Option<Box<str>>,
    /// Set when an admin hid the note from the public (the notes are then empty).
    #[serde(default)]
    pub note_hidden: Option<Box<crate::history::HiddenText>>,
}

impl Claim {
    /// The order in which claims describe a record: by the date they are about, then by when
    /// their source was published, then by when Vigía recorded them. The last is current.
    pub fn chronology(&self) -> (NaiveDate, NaiveDate, DateTime<Utc>, i64) {
        (
            self.event_date.first_day(),
            self.source.published.first_day(),
            self.recorded_at,
            self.id,
        )
    }

    /// Whether anyone could have known this claim on `date`: what it describes had begun and
    /// its source was out (a source dated only to a month or year counts once that period
    /// ends, or from the day the claim citing it was recorded, if that came first).
    pub fn knowable_on(&self, date: NaiveDate) -> bool {
        self.knowable_from() <= date
    }

    /// The first day [`Self::knowable_on`] holds: what it describes had begun and its source
    /// was out. Views of the past change only on such days, so a replay can jump to them.
    pub fn knowable_from(&self) -> NaiveDate {
        self.event_date.first_day().max(self.source_out_by())
    }

    /// The first day its source was surely out: the end of the period it is dated to, or the
    /// day it was cited here when that falls within the period (whoever recorded the claim had
    /// read it; a day before the period means a date is wrong, so the end stands). Without
    /// the second, every claim recorded this year from a source dated only "this year" would
    /// stay out of today's data until 31 December.
    fn source_out_by(&self) -> NaiveDate {
        let published = self.source.published;
        let cited = la_paz_date(self.recorded_at);
        if (published.first_day()..published.last_day()).contains(&cited) {
            cited
        } else {
            published.last_day()
        }
    }

    /// The period in which the claim became knowable, at the precision its dates give: its
    /// source's publication date when what it describes had begun by then (a claim about
    /// "2020" from a "2020" article is knowable in 2020, not on a day of it), else the date
    /// of what it describes. `knowable_on` answers from the end of this period, or the day
    /// the claim was recorded within it (or the first day of the event); charts draw the whole
    /// period, marked as uncertain.
    pub fn knowable_in(&self) -> PartialDate {
        let published = self.source.published;
        if published.last_day() >= self.event_date.first_day() {
            published
        } else {
            self.event_date
        }
    }

    pub fn is_corrected(&self) -> bool {
        self.corrected_by.is_some()
    }

    /// The status the claim implies on `day`: an instrument it says is in force has expired
    /// once the validity it gives has ended ("valid until 2025" is expired in 2026), as the
    /// `expired` gap says, so the map, the figures and the gaps agree.
    pub fn status_on(&self, day: NaiveDate) -> Status {
        match self.valid_until {
            Some(until) if self.status == Status::InForce && until.last_day() < day => {
                Status::Expired
            }
            _ => self.status,
        }
    }

    /// How the claim reads at a glance on `day` (the map's colour, the timeline's group).
    pub fn glance_on(&self, day: NaiveDate) -> Glance {
        let status = self.status_on(day);
        Glance {
            status,
            only_reported: status == Status::InForce
                && self.evidence_level == EvidenceLevel::Reported,
            inferred: self.inferred_on(day),
        }
    }

    /// Whether the status shown on `day` is Vigía's conclusion: the claim's own inference, or
    /// an expiry the calendar implies and no source states.
    pub fn inferred_on(&self, day: NaiveDate) -> bool {
        self.basis == Basis::Inferred || self.status_on(day) != self.status
    }
}

/// A record at a glance on a day, from its current claim: the status shown, whether an
/// in-force one is only reported, and whether Vigía inferred it. Two records that read the
/// same at a glance are drawn alike on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Glance {
    pub status: Status,
    pub only_reported: bool,
    pub inferred: bool,
}

impl Glance {
    /// A record whose current claim is `current`, on `day` (nothing known: unknown).
    pub fn of(current: Option<&Claim>, day: NaiveDate) -> Self {
        current.map_or(
            Self {
                status: Status::Unknown,
                only_reported: false,
                inferred: false,
            },
            |claim| claim.glance_on(day),
        )
    }
}
