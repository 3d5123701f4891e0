//! The public audit trail: who did what, when and why. Entries are only ever appended; each
//! has a stable id for its permalink.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::{DepartmentCode, ParseError, RequirementSlug};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HistoryAction {
    ClaimRecorded,
    DocumentWithheld,
    TextHidden,
    ReplyPosted,
    ReplyReviewed,
    SuggestionAccepted,
    SuggestionRejected,
    UserAdded,
    UserDisabled,
    UserEnabled,
    UserRescoped,
    /// Kept in the audit log but never shown: when someone chose a password.
    PasswordSet,
}

impl HistoryAction {
    pub const ALL: [HistoryAction; 12] = [
        Self::ClaimRecorded,
        Self::DocumentWithheld,
        Self::TextHidden,
        Self::ReplyPosted,
        Self::ReplyReviewed,
        Self::SuggestionAccepted,
        Self::SuggestionRejected,
        Self::UserAdded,
        Self::UserDisabled,
        Self::UserEnabled,
        Self::UserRescoped,
        Self::PasswordSet,
    ];

    /// Whether the public history shows entries of this kind.
    pub fn is_public(self) -> bool {
        self != Self::PasswordSet
    }

    pub fn slug(self) -> &'static str {
        match self {
            Self::ClaimRecorded => "claim-recorded",
            Self::DocumentWithheld => "document-withheld",
            Self::TextHidden => "text-hidden",
            Self::ReplyPosted => "reply-posted",
            Self::ReplyReviewed => "reply-reviewed",
            Self::SuggestionAccepted => "suggestion-accepted",
            Self::SuggestionRejected => "suggestion-rejected",
            Self::UserAdded => "user-added",
            Self::UserDisabled => "user-disabled",
            Self::UserEnabled => "user-enabled",
            Self::UserRescoped => "user-rescoped",
            Self::PasswordSet => "password-set",
        }
    }
}

impl FromStr for HistoryAction {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|a| a.slug() == s)
            .ok_or_else(|| ParseError::UnknownHistoryAction(s.to_owned()))
    }
}

/// Text an admin hid from the public: what stays is the hash of what it said and why it was
/// hidden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HiddenText {
    pub sha256: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub id: i64,
    /// Stored in UTC; shown in Bolivian time.
    pub at: DateTime<Utc>,
    /// The public display name of who acted; `None` for the system (the cited seed data).
    pub actor: Option<String>,
    pub action: HistoryAction,
    /// What it concerns, as `kind:id` (`claim:12`, `document:3`, `user:4`).
    pub subject: String,
    pub department: Option<DepartmentCode>,
    pub requirement: Option<RequirementSlug>,
    /// Why: the claim's note, the reason for a withholding or a decision.
    pub reason: String,
    /// Set when an admin hid the text this entry quoted (its `reason` is then empty, or,
    /// for a decision on a suggestion, its `suggestion`).
    #[serde(default)]
    pub hidden: Option<Box<HiddenText>>,
    /// For a decision on a suggestion: the public's text it decided on, unless its submitter
    /// asked to keep it private or an admin hid it.
    #[serde(default)]
    pub suggestion: Option<String>,
}

impl HistoryEntry {
    /// The date of the entry in La Paz.
    pub fn local_date(&self) -> NaiveDate {
        crate::la_paz_date(self.at)
    }

    /// The id of a claim entry's claim, for linking to it.
    pub fn claim_id(&self) -> Option<i64> {
        self.subject.strip_prefix("claim:")?.parse().ok()
    }
}

/// One page of the newest-first history (past the end: an empty page).
/// Only the page's entries are copied: `entries` may be borrowed from a snapshot.
pub fn page<E: std::borrow::Borrow<HistoryEntry>>(
    entries: &[E],
    page: usize,
    per_page: usize,
) -> (Vec<HistoryEntry>, bool) {
    let start = page.saturating_sub(1).saturating_mul(per_page);
    let newest_first = entries.iter().rev().skip(start);
    let items: Vec<HistoryEntry> = newest_first
        .clone()
        .take(per_page)
        .map(|e| e.borrow().clone())
        .collect();
    let more = newest_first.count() > per_page;
    (items, more)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn entry(id: i64, at: DateTime<Utc>) -> HistoryEntry {
        HistoryEntry {
            id,
            at,
            actor: None,
            action: HistoryAction::ClaimRecorded,
            subject: format!("claim:{id}"),
            department: Some(DepartmentCode::Pando),
            requirement: None,
            reason: String::new(),
            hidden: None,
            suggestion: None,
        }
    }

    #[test]
    fn late_evening_in_la_paz_is_already_tomorrow_in_utc() {
        let at = Utc.with_ymd_and_hms(2024, 3, 2, 2, 30, 0).unwrap();
        assert_eq!(
            entry(1, at).local_date(),
            NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()
        );
        let at = Utc.with_ymd_and_hms(2024, 3, 2, 4, 0, 0).unwrap();
        assert_eq!(
            entry(1, at).local_date(),
            NaiveDate::from_ymd_opt(2024, 3, 2).unwrap()
        );
    }

    #[test]
    fn pages_run_newest_first_and_say_when_more_follow() {
        let at = Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0).unwrap();
        let all: Vec<_> = (1..=5).map(|id| entry(id, at)).collect();
        let (first, more) = page(&all, 1, 2);
        assert_eq!(first.iter().map(|e| e.id).collect::<Vec<_>>(), [5, 4]);
        assert!(more);
        let (last, more) = page(&all, 3, 2);
        assert_eq!(last.iter().map(|e| e.id).collect::<Vec<_>>(), [1]);
        assert!(!more);
        assert!(page(&all, 4, 2).0.is_empty());
    }

    #[test]
    fn actions_round_trip_and_claim_ids_are_read_from_the_subject() {
        for action in HistoryAction::ALL {
            assert_eq!(action.slug().parse::<HistoryAction>(), Ok(action));
        }
        let at = Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0).unwrap();
        assert_eq!(entry(7, at).claim_id(), Some(7));
        let mut other = entry(7, at);
        other.subject = "document:7".into();
        assert_eq!(other.claim_id(), None);
    }
}
