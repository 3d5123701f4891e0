//! What only signed-in staff see: the public's suggestions waiting for a decision, and the
//! accounts an admin manages.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::access::Role;
use crate::history::HiddenText;
use crate::{DepartmentCode, RequirementSlug};

/// A correction suggested by anyone, waiting in the moderation queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub id: i64,
    pub department: DepartmentCode,
    pub requirement: Option<RequirementSlug>,
    pub body: String,
    pub source_url: Option<String>,
    /// Credited on the claim if the suggestion is accepted.
    pub organisation: Option<String>,
    /// For officers to ask follow-up questions; never shown publicly.
    pub contact: Option<String>,
    pub submitted_at: DateTime<Utc>,
    /// The submitter asked to keep the text out of the public history.
    #[serde(default)]
    pub private: bool,
    /// The officer recording the claim it asks for, if one opened the claim form; it stays
    /// in the queue until that claim is saved.
    #[serde(default)]
    pub handled_by: Option<String>,
}

/// Where a suggestion stands, as its follow link shows it to whoever holds the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestionProgress {
    pub id: i64,
    pub department: DepartmentCode,
    pub requirement: Option<RequirementSlug>,
    /// The text as sent; `None` once an admin hid it.
    pub body: Option<String>,
    pub hidden: Option<HiddenText>,
    pub private: bool,
    pub submitted_at: DateTime<Utc>,
    pub state: SuggestionState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SuggestionState {
    /// Waiting for a decision; `in_hand` once an officer is recording the claim it asks for.
    Queued { in_hand: bool },
    /// The claim it led to was saved (`None` for decisions made before claims were linked).
    Accepted {
        claim: Option<i64>,
        at: DateTime<Utc>,
    },
    /// Turned down, with the reason the history publishes.
    Rejected { reason: String, at: DateTime<Utc> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub departments: Vec<DepartmentCode>,
    pub disabled: bool,
    /// False until the person has chosen a password through their link.
    pub activated: bool,
}
