//! A department's answer to one of its gaps, with evidence. The public reads it beside the
//! gap; an officer reviews it, but only a new claim closes the gap.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{DepartmentCode, Document, GapKind, RequirementSlug};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapReply {
    pub id: i64,
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    pub gap_kind: GapKind,
    pub body: String,
    pub evidence_url: Option<String>,
    pub documents: Vec<Document>,
    /// The public display name of the department's representative.
    pub replied_by: String,
    pub replied_at: DateTime<Utc>,
    pub review: Option<ReplyReview>,
    /// Set when an admin hid the body from the public (it is then empty).
    #[serde(default)]
    pub hidden: Option<crate::history::HiddenText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyReview {
    pub note: String,
    pub reviewed_by: String,
    pub reviewed_at: DateTime<Utc>,
    /// What the officer decided; `None` for reviews given before officers chose one.
    #[serde(default)]
    pub outcome: Option<ReviewOutcome>,
}

/// What an officer made of a reply: enough to act on (a new claim will follow), or more is
/// needed from the department. Neither closes the gap; only a new claim does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewOutcome {
    Accepted,
    MoreRequested,
}

impl ReviewOutcome {
    pub const ALL: [ReviewOutcome; 2] = [ReviewOutcome::Accepted, ReviewOutcome::MoreRequested];

    pub fn slug(self) -> &'static str {
        match self {
            ReviewOutcome::Accepted => "accepted",
            ReviewOutcome::MoreRequested => "more-requested",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.slug() == raw)
    }
}

impl GapReply {
    pub fn answers(
        &self,
        department: DepartmentCode,
        requirement: &RequirementSlug,
        kind: GapKind,
    ) -> bool {
        self.department == department && &self.requirement == requirement && self.gap_kind == kind
    }
}
