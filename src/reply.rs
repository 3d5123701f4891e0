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
