//! Gap rules: pure functions of a compliance record and a date. Each gap says what is wrong,
//! how serious it is, since when, and carries the facts its plain-language explanation needs.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::str::FromStr;

use crate::{
    Basis, Claim, ComplianceRecord, DepartmentCode, EvidenceLevel, ParseError, PartialDate,
    Requirement, RequirementSlug, Status, TriState,
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
    NotInForce,
    StatusUnknown,
    Unfunded,
    Unpublished,
    Unverified,
    Inferred,
    SourcesDisagree,
    Stale,
}

impl GapKind {
    pub const ALL: [GapKind; 13] = [
        Self::Missing,
        Self::Overdue,
        Self::Expired,
        Self::DueSoon,
        Self::ExpiringSoon,
        Self::NotInForce,
        Self::StatusUnknown,
        Self::Unfunded,
        Self::Unpublished,
        Self::Unverified,
        Self::Inferred,
        Self::SourcesDisagree,
        Self::Stale,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Overdue => "overdue",
            Self::Expired => "expired",
            Self::DueSoon => "due-soon",
            Self::ExpiringSoon => "expiring-soon",
            Self::NotInForce => "not-in-force",
            Self::StatusUnknown => "status-unknown",
            Self::Unfunded => "unfunded",
            Self::Unpublished => "unpublished",
            Self::Unverified => "unverified",
            Self::Inferred => "inferred",
            Self::SourcesDisagree => "sources-disagree",
            Self::Stale => "stale",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Self::Missing | Self::Overdue | Self::Expired => Severity::Critical,
            Self::DueSoon
            | Self::ExpiringSoon
            | Self::NotInForce
            | Self::StatusUnknown
            | Self::Unfunded
            | Self::Unpublished => Severity::Warning,
            Self::Unverified | Self::Inferred | Self::SourcesDisagree | Self::Stale => {
                Severity::Notice
            }
        }
    }

    /// Gaps that open or close with the passing of days alone, with no new claim.
    pub fn follows_the_calendar(self) -> bool {
        matches!(
            self,
            Self::Overdue | Self::Expired | Self::DueSoon | Self::ExpiringSoon | Self::Stale
        )
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
/// How old the newest source about a record may be before the record is stale.
pub const STALE_AFTER_MONTHS: u32 = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    pub kind: GapKind,
    pub severity: Severity,
    /// When the gap began, as precisely as its claims say; `None` only when no claim exists.
    pub since: Option<PartialDate>,
    /// The current claim, whose source and dates the explanation cites.
    pub claim_id: Option<i64>,
    pub due_date: Option<NaiveDate>,
    pub valid_until: Option<PartialDate>,
    /// When the newest source about the record was published (for `stale`).
    pub newest_source: Option<PartialDate>,
}

/// Every gap that `record` shows on `today`.
pub fn gaps_for<C: Borrow<Claim>>(
    record: &ComplianceRecord<C>,
    requirement: &Requirement,
    today: NaiveDate,
) -> Vec<Gap> {
    let Some(claim) = record.current() else {
        return vec![gap(record, GapKind::StatusUnknown, None, None)];
    };
    let with_status = |status| move |c: &Claim| (c.status == status).then(|| started(c));
    let unfunded = |c: &Claim| criterion_no(c, requirement, c.quality.financing);
    let unpublished = |c: &Claim| criterion_no(c, requirement, c.quality.published);
    let inferred = |c: &Claim| (c.basis == Basis::Inferred).then_some(c.event_date);
    let disagreement = (!record.disagreement().is_empty()).then_some(claim.event_date);
    let kinds: [(GapKind, Option<PartialDate>); 13] = [
        (
            GapKind::Missing,
            held_since(record, with_status(Status::Missing)),
        ),
        (GapKind::Overdue, overdue(claim, today)),
        (GapKind::Expired, lapsed(record, today)),
        (GapKind::DueSoon, due_soon(claim, today)),
        (GapKind::ExpiringSoon, expiring_soon(claim, today)),
        (
            GapKind::NotInForce,
            held_since(record, with_status(Status::InPreparation)),
        ),
        (
            GapKind::StatusUnknown,
            held_since(record, with_status(Status::Unknown)),
        ),
        (GapKind::Unfunded, held_since(record, unfunded)),
        (GapKind::Unpublished, held_since(record, unpublished)),
        (
            GapKind::Unverified,
            held_since(record, |c| unverified(c, today)),
        ),
        (GapKind::Inferred, held_since(record, inferred)),
        (GapKind::SourcesDisagree, disagreement),
        (GapKind::Stale, stale(record, today)),
    ];
    kinds
        .into_iter()
        .filter_map(|(kind, since)| since.map(|since| gap(record, kind, Some(since), Some(claim))))
        .collect()
}

fn gap<C: Borrow<Claim>>(
    record: &ComplianceRecord<C>,
    kind: GapKind,
    since: Option<PartialDate>,
    claim: Option<&Claim>,
) -> Gap {
    Gap {
        department: record.department,
        requirement: record.requirement.clone(),
        kind,
        severity: kind.severity(),
        since,
        claim_id: claim.map(|c| c.id),
        due_date: claim.and_then(|c| c.due_date),
        valid_until: claim.and_then(|c| c.valid_until),
        newest_source: newest_source(record),
    }
}

/// For a gap that follows from the claims alone: the start of the unbroken run of latest claims
/// that all raise it, so a new claim repeating the same finding does not restart the gap.
fn held_since<C: Borrow<Claim>>(
    record: &ComplianceRecord<C>,
    rule: impl Fn(&Claim) -> Option<PartialDate>,
) -> Option<PartialDate> {
    record.standing().rev().map_while(&rule).last()
}

/// When the claimed status began: its own date if given, else the moment the claim is about.
fn started(claim: &Claim) -> PartialDate {
    claim.status_since.unwrap_or(claim.event_date)
}

fn overdue(claim: &Claim, today: NaiveDate) -> Option<PartialDate> {
    let due = claim.due_date?;
    (claim.status != Status::InForce && due < today).then(|| PartialDate::day(due + Days::new(1)))
}

fn due_soon(claim: &Claim, today: NaiveDate) -> Option<PartialDate> {
    let due = claim.due_date?;
    let warn_from = due - Days::new(DUE_SOON_DAYS);
    (claim.status != Status::InForce && (warn_from..=due).contains(&today))
        .then_some(PartialDate::day(warn_from))
}

/// Declared expired, or in force past the end of its validity.
fn expired(claim: &Claim, today: NaiveDate) -> Option<PartialDate> {
    let ended = claim
        .valid_until
        .map(|d| PartialDate::day(d.last_day() + Days::new(1)));
    match claim.status {
        Status::Expired => Some(claim.status_since.or(ended).unwrap_or(claim.event_date)),
        Status::InForce => ended.filter(|first_day_expired| today >= first_day_expired.first_day()),
        _ => None,
    }
}

/// The instrument lapsed and nothing has put it back in force: the current claim says so, or
/// it says a new one is being drafted (with no due date) after an earlier claim showed the
/// lapse. A due date hands the matter to `overdue` and `due-soon` instead.
fn lapsed<C: Borrow<Claim>>(record: &ComplianceRecord<C>, today: NaiveDate) -> Option<PartialDate> {
    for claim in record.standing().rev() {
        if let Some(since) = expired(claim, today) {
            return Some(since);
        }
        let drafting_without_deadline =
            claim.status == Status::InPreparation && claim.due_date.is_none();
        if !drafting_without_deadline {
            return None;
        }
    }
    None
}

fn expiring_soon(claim: &Claim, today: NaiveDate) -> Option<PartialDate> {
    let last_valid_day = claim.valid_until?.last_day();
    let warn_from = last_valid_day - Days::new(EXPIRING_SOON_DAYS);
    (claim.status == Status::InForce && (warn_from..=last_valid_day).contains(&today))
        .then_some(PartialDate::day(warn_from))
}

/// A criterion answered "no" about an instrument a claim says exists; unknown answers, and
/// instruments that are missing or of unknown status, raise nothing.
fn criterion_no(claim: &Claim, requirement: &Requirement, answer: TriState) -> Option<PartialDate> {
    let exists = !matches!(claim.status, Status::Missing | Status::Unknown);
    (requirement.has_quality_criteria && exists && answer == TriState::No)
        .then_some(claim.event_date)
}

fn unverified(claim: &Claim, today: NaiveDate) -> Option<PartialDate> {
    let in_force = claim.status == Status::InForce && expired(claim, today).is_none();
    (in_force && claim.evidence_level == EvidenceLevel::Reported).then(|| started(claim))
}

/// When the newest source about the record was published.
fn newest_source<C: Borrow<Claim>>(record: &ComplianceRecord<C>) -> Option<PartialDate> {
    record
        .standing()
        .map(|c| c.source.published)
        .max_by_key(|d| d.last_day())
}

/// The newest source about the record was published more than 12 months ago. A source dated
/// only to a month or a year counts from the end of that period, so nothing is called stale
/// before it surely is.
fn stale<C: Borrow<Claim>>(record: &ComplianceRecord<C>, today: NaiveDate) -> Option<PartialDate> {
    let newest = newest_source(record)?;
    let stale_from = newest
        .last_day()
        .checked_add_months(Months::new(STALE_AFTER_MONTHS))?
        + Days::new(1);
    (today >= stale_from).then_some(PartialDate::day(stale_from))
}

#[cfg(test)]
pub(crate) mod tests;
