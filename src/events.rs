//! Alert events: what changed, derived with the same gap rules the map uses. A write turns the
//! records it touches into events by comparing their gaps with the gaps recorded as open; the
//! daily scheduler does the same for gaps that open or close with the calendar, and raises
//! approaching deadlines, each threshold once.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::str::FromStr;

use crate::gaps::{Gap, GapKind, Severity};
use crate::{Claim, ComplianceRecord, DepartmentCode, ParseError, RequirementSlug, Status};

/// Stable slugs: subscriptions, feeds and webhooks depend on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    #[serde(rename = "gap.opened")]
    GapOpened,
    #[serde(rename = "gap.closed")]
    GapClosed,
    #[serde(rename = "deadline.approaching")]
    DeadlineApproaching,
    #[serde(rename = "status.changed")]
    StatusChanged,
    #[serde(rename = "reply.posted")]
    ReplyPosted,
    #[serde(rename = "reply.reviewed")]
    ReplyReviewed,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        Self::GapOpened,
        Self::GapClosed,
        Self::DeadlineApproaching,
        Self::StatusChanged,
        Self::ReplyPosted,
        Self::ReplyReviewed,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::GapOpened => "gap.opened",
            Self::GapClosed => "gap.closed",
            Self::DeadlineApproaching => "deadline.approaching",
            Self::StatusChanged => "status.changed",
            Self::ReplyPosted => "reply.posted",
            Self::ReplyReviewed => "reply.reviewed",
        }
    }
}

impl FromStr for EventKind {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.slug() == s)
            .ok_or_else(|| ParseError::UnknownEventKind(s.to_owned()))
    }
}

/// The days before a due date or the end of a validity at which a deadline event fires.
pub const THRESHOLDS: [u32; 3] = [30, 7, 1];

/// Which date a deadline event counts down to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineKind {
    /// A due date for an instrument that is not in force.
    Due,
    /// The last day an instrument in force is valid.
    ValidityEnd,
}

impl DeadlineKind {
    pub fn slug(self) -> &'static str {
        match self {
            Self::Due => "due",
            Self::ValidityEnd => "validity-end",
        }
    }
}

impl FromStr for DeadlineKind {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "due" => Ok(Self::Due),
            "validity-end" => Ok(Self::ValidityEnd),
            other => Err(ParseError::UnknownEventKind(other.to_owned())),
        }
    }
}

/// An event before it is stored: the facts its message and its subscribers' filters need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDraft {
    pub kind: EventKind,
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    /// For gap events.
    pub gap_kind: Option<GapKind>,
    pub severity: Option<Severity>,
    /// For deadline events: how many days before, which date, and what kind of date.
    pub threshold_days: Option<u32>,
    pub deadline: Option<DeadlineKind>,
    /// The date the event refers to (a deadline, or the day a gap began).
    pub refers_to: Option<NaiveDate>,
    /// For status changes.
    pub status_before: Option<Status>,
    pub status_after: Option<Status>,
    /// The claim whose source the message cites, when there is one.
    pub claim_id: Option<i64>,
    pub reply_id: Option<i64>,
    /// Makes a date-driven event fire once however often the scheduler runs.
    pub dedupe_key: Option<String>,
}

impl EventDraft {
    pub fn new(kind: EventKind, department: DepartmentCode, requirement: RequirementSlug) -> Self {
        Self {
            kind,
            department,
            requirement,
            gap_kind: None,
            severity: None,
            threshold_days: None,
            deadline: None,
            refers_to: None,
            status_before: None,
            status_after: None,
            claim_id: None,
            reply_id: None,
            dedupe_key: None,
        }
    }

    fn gap(kind: EventKind, gap: &Gap) -> Self {
        Self {
            gap_kind: Some(gap.kind),
            severity: Some(gap.severity),
            refers_to: gap.since.map(|s| s.first_day()),
            claim_id: gap.claim_id,
            ..Self::new(kind, gap.department, gap.requirement.clone())
        }
    }
}

/// A stored event: its id, the change it belongs to, when Vigía recorded it, and the history
/// entry of the write that caused it (none for the scheduler's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: i64,
    pub change_id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    pub draft: EventDraft,
    pub history_entry: Option<i64>,
}

/// A gap as recorded open: enough to say what closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenGap {
    pub kind: GapKind,
    pub severity: Severity,
}

/// The gaps that opened and closed for one record: `now` against what was recorded open.
pub fn gap_differences(recorded_open: &[OpenGap], now: &[Gap]) -> (Vec<Gap>, Vec<OpenGap>) {
    let opened = now
        .iter()
        .filter(|g| recorded_open.iter().all(|o| o.kind != g.kind))
        .cloned()
        .collect();
    let closed = recorded_open
        .iter()
        .filter(|o| now.iter().all(|g| g.kind != o.kind))
        .cloned()
        .collect();
    (opened, closed)
}

/// The gaps recorded open once the gap events of [`gap_differences`] are written: a gap still
/// open keeps the severity it was recorded with, and those that opened join.
pub fn recorded_open_after(recorded_open: &[OpenGap], now: &[Gap]) -> Vec<OpenGap> {
    now.iter()
        .map(|g| {
            recorded_open
                .iter()
                .find(|o| o.kind == g.kind)
                .cloned()
                .unwrap_or(OpenGap {
                    kind: g.kind,
                    severity: g.severity,
                })
        })
        .collect()
}

/// The events of one record's change: the gaps that opened and closed, and a status change
/// when the current status differs from before.
pub fn record_events(
    before: &ComplianceRecord,
    after: &ComplianceRecord,
    recorded_open: &[OpenGap],
    gaps_after: &[Gap],
) -> Vec<EventDraft> {
    let mut events = Vec::new();
    let status_before = before.current().map(|c| c.status);
    let status_after = after.current().map(|c| c.status);
    if status_before != status_after {
        events.push(EventDraft {
            status_before,
            status_after,
            claim_id: after.current().map(|c| c.id),
            ..EventDraft::new(
                EventKind::StatusChanged,
                after.department,
                after.requirement.clone(),
            )
        });
    }
    events.extend(gap_events(after, recorded_open, gaps_after));
    events
}

/// Gap events alone (for the scheduler, where no claim changed).
pub fn gap_events(
    record: &ComplianceRecord,
    recorded_open: &[OpenGap],
    gaps_now: &[Gap],
) -> Vec<EventDraft> {
    let (opened, closed) = gap_differences(recorded_open, gaps_now);
    let mut events: Vec<EventDraft> = opened
        .iter()
        .map(|g| EventDraft::gap(EventKind::GapOpened, g))
        .collect();
    events.extend(closed.into_iter().map(|o| EventDraft {
        gap_kind: Some(o.kind),
        severity: Some(o.severity),
        claim_id: record.current().map(|c| c.id),
        ..EventDraft::new(
            EventKind::GapClosed,
            record.department,
            record.requirement.clone(),
        )
    }));
    events
}

/// The deadline the current claim counts down to, if any: a due date while the instrument is
/// not in force, else the end of the validity of one in force.
fn deadline_of<C: Borrow<Claim>>(
    record: &ComplianceRecord<C>,
) -> Option<(DeadlineKind, NaiveDate, i64)> {
    let claim = record.current()?;
    match (claim.status, claim.due_date, claim.valid_until) {
        (Status::InForce, _, Some(until)) => {
            Some((DeadlineKind::ValidityEnd, until.last_day(), claim.id))
        }
        (Status::InForce, _, None) => None,
        (_, Some(due), _) => Some((DeadlineKind::Due, due, claim.id)),
        _ => None,
    }
}

/// The deadline event due on `today`, if any: the tightest threshold already reached before a
/// deadline still ahead (or today). A scheduler that missed days raises only that one, so a
/// reader is not told "30 days left" two days before; the key makes it fire once.
pub fn approaching_deadline(record: &ComplianceRecord, today: NaiveDate) -> Option<EventDraft> {
    let (deadline, date, claim_id) = deadline_of(record)?;
    if today > date {
        return None;
    }
    let threshold = THRESHOLDS
        .into_iter()
        .filter(|days| {
            date.checked_sub_days(Days::new(u64::from(*days)))
                .is_some_and(|d| d <= today)
        })
        .min()?;
    let key = format!(
        "deadline:{}:{}:{}:{threshold}:{date}",
        record.department,
        record.requirement,
        deadline.slug()
    );
    Some(EventDraft {
        threshold_days: Some(threshold),
        deadline: Some(deadline),
        refers_to: Some(date),
        claim_id: Some(claim_id),
        dedupe_key: Some(key),
        ..EventDraft::new(
            EventKind::DeadlineApproaching,
            record.department,
            record.requirement.clone(),
        )
    })
}

/// The record's deadline if it is today or later (for calendars).
pub fn upcoming_deadline<C: Borrow<Claim>>(
    record: &ComplianceRecord<C>,
    today: NaiveDate,
) -> Option<(DeadlineKind, NaiveDate)> {
    deadline_of(record)
        .filter(|(_, date, _)| *date >= today)
        .map(|(kind, date, _)| (kind, date))
}

#[cfg(test)]
mod tests;
