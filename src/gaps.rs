//! Gap rules: pure functions of a compliance record and a date. Each gap says what is wrong,
//! how serious it is, since when, and carries the facts its plain-language explanation needs.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::{
    Claim, ComplianceRecord, DepartmentCode, EvidenceLevel, ParseError, Requirement,
    RequirementSlug, Status, TriState,
};

/// Most severe first, so sorting by severity puts critical gaps on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Critical,
    Warning,
    Notice,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Self::Critical, Self::Warning, Self::Notice];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::Warning => "warning",
            Self::Notice => "notice",
        }
    }
}

impl FromStr for Severity {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.slug() == s)
            .ok_or_else(|| ParseError::UnknownSeverity(s.to_owned()))
    }
}

/// Stable slugs: alert subscriptions and the API depend on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapKind {
    Missing,
    Overdue,
    Expired,
    DueSoon,
    ExpiringSoon,
    StatusUnknown,
    Unfunded,
    Unpublished,
    Unverified,
    Stale,
}

impl GapKind {
    pub const ALL: [GapKind; 10] = [
        Self::Missing,
        Self::Overdue,
        Self::Expired,
        Self::DueSoon,
        Self::ExpiringSoon,
        Self::StatusUnknown,
        Self::Unfunded,
        Self::Unpublished,
        Self::Unverified,
        Self::Stale,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Overdue => "overdue",
            Self::Expired => "expired",
            Self::DueSoon => "due-soon",
            Self::ExpiringSoon => "expiring-soon",
            Self::StatusUnknown => "status-unknown",
            Self::Unfunded => "unfunded",
            Self::Unpublished => "unpublished",
            Self::Unverified => "unverified",
            Self::Stale => "stale",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Self::Missing | Self::Overdue | Self::Expired => Severity::Critical,
            Self::DueSoon
            | Self::ExpiringSoon
            | Self::StatusUnknown
            | Self::Unfunded
            | Self::Unpublished => Severity::Warning,
            Self::Unverified | Self::Stale => Severity::Notice,
        }
    }
}

impl FromStr for GapKind {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.slug() == s)
            .ok_or_else(|| ParseError::UnknownGapKind(s.to_owned()))
    }
}

/// How long before a due date a gap warns.
pub const DUE_SOON_DAYS: u64 = 30;
/// How long before the end of a validity period a gap warns.
pub const EXPIRING_SOON_DAYS: u64 = 60;
/// How long a record may go without a new claim before it is stale.
pub const STALE_AFTER_MONTHS: u32 = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    pub kind: GapKind,
    pub severity: Severity,
    /// The first day the gap held; `None` only when no claim exists at all.
    pub since: Option<NaiveDate>,
    /// The facts the explanation cites: who said so, and when.
    pub source_author: Option<String>,
    pub source_year: Option<i32>,
    pub due_date: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
}

/// Every gap that `record` shows on `today`.
pub fn gaps_for(
    record: &ComplianceRecord,
    requirement: &Requirement,
    today: NaiveDate,
) -> Vec<Gap> {
    let Some(claim) = record.current() else {
        return vec![gap(record, GapKind::StatusUnknown, None, None)];
    };
    let status_unknown = |c: &Claim| (c.status == Status::Unknown).then(|| started(c));
    let unfunded = |c: &Claim| criterion_no(c, requirement, c.quality.financing);
    let unpublished = |c: &Claim| criterion_no(c, requirement, c.quality.published);
    let kinds: [(GapKind, Option<NaiveDate>); 10] = [
        (GapKind::Missing, held_since(record, missing)),
        (GapKind::Overdue, overdue(claim, today)),
        (GapKind::Expired, expired(claim, today)),
        (GapKind::DueSoon, due_soon(claim, today)),
        (GapKind::ExpiringSoon, expiring_soon(claim, today)),
        (GapKind::StatusUnknown, held_since(record, status_unknown)),
        (GapKind::Unfunded, held_since(record, unfunded)),
        (GapKind::Unpublished, held_since(record, unpublished)),
        (
            GapKind::Unverified,
            held_since(record, |c| unverified(c, today)),
        ),
        (GapKind::Stale, stale(claim, today)),
    ];
    kinds
        .into_iter()
        .filter_map(|(kind, since)| since.map(|since| gap(record, kind, Some(since), Some(claim))))
        .collect()
}

fn gap(
    record: &ComplianceRecord,
    kind: GapKind,
    since: Option<NaiveDate>,
    claim: Option<&Claim>,
) -> Gap {
    Gap {
        department: record.department,
        requirement: record.requirement.clone(),
        kind,
        severity: kind.severity(),
        since,
        source_author: claim.map(|c| c.source.author.clone()),
        source_year: claim.map(|c| c.source.date.year()),
        due_date: claim.and_then(|c| c.due_date),
        valid_until: claim.and_then(|c| c.valid_until).map(|d| d.last_day()),
    }
}

/// For a gap that follows from the claims alone: the start of the unbroken run of latest claims
/// that all raise it, so a new claim repeating the same finding does not restart the gap.
fn held_since(
    record: &ComplianceRecord,
    rule: impl Fn(&Claim) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    record.claims.iter().rev().map_while(&rule).last()
}

/// When the claimed status began: its own date if given, else the date of the source.
fn started(claim: &Claim) -> NaiveDate {
    claim
        .status_since
        .map(|d| d.first_day())
        .unwrap_or_else(|| claim.as_of())
}

fn missing(claim: &Claim) -> Option<NaiveDate> {
    (claim.status == Status::Missing).then(|| started(claim))
}

fn overdue(claim: &Claim, today: NaiveDate) -> Option<NaiveDate> {
    let due = claim.due_date?;
    (claim.status != Status::InForce && due < today).then(|| due + Days::new(1))
}

fn due_soon(claim: &Claim, today: NaiveDate) -> Option<NaiveDate> {
    let due = claim.due_date?;
    let warn_from = due - Days::new(DUE_SOON_DAYS);
    (claim.status != Status::InForce && (warn_from..=due).contains(&today)).then_some(warn_from)
}

/// Declared expired, or in force past the end of its validity.
fn expired(claim: &Claim, today: NaiveDate) -> Option<NaiveDate> {
    let ended = claim.valid_until.map(|d| d.last_day() + Days::new(1));
    match claim.status {
        Status::Expired => Some(
            claim
                .status_since
                .map(|d| d.first_day())
                .or(ended)
                .unwrap_or(claim.as_of()),
        ),
        Status::InForce => ended.filter(|first_day_expired| today >= *first_day_expired),
        _ => None,
    }
}

fn expiring_soon(claim: &Claim, today: NaiveDate) -> Option<NaiveDate> {
    let last_valid_day = claim.valid_until?.last_day();
    let warn_from = last_valid_day - Days::new(EXPIRING_SOON_DAYS);
    (claim.status == Status::InForce && (warn_from..=last_valid_day).contains(&today))
        .then_some(warn_from)
}

/// A criterion answered "no" on an instrument that exists; unknown answers raise nothing.
fn criterion_no(claim: &Claim, requirement: &Requirement, answer: TriState) -> Option<NaiveDate> {
    let applies = requirement.has_quality_criteria && claim.status != Status::Missing;
    (applies && answer == TriState::No).then(|| claim.as_of())
}

fn unverified(claim: &Claim, today: NaiveDate) -> Option<NaiveDate> {
    let in_force = claim.status == Status::InForce && expired(claim, today).is_none();
    (in_force && claim.evidence_level == EvidenceLevel::Reported).then(|| started(claim))
}

fn stale(claim: &Claim, today: NaiveDate) -> Option<NaiveDate> {
    let stale_from = claim
        .as_of()
        .checked_add_months(Months::new(STALE_AFTER_MONTHS))?
        + Days::new(1);
    (today >= stale_from).then_some(stale_from)
}

#[cfg(test)]
mod tests;
