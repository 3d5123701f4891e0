//! What only signed-in staff see: the public's suggestions waiting for a decision, and the
//! accounts an admin manages.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::access::Role;
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
