//! The compliance record of one department for one requirement: its claims, oldest first.

use serde::{Deserialize, Serialize};

use crate::{Claim, DepartmentCode, RequirementSlug};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceRecord {
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    /// Append-only history, in the order the claims were recorded.
    pub claims: Vec<Claim>,
}

impl ComplianceRecord {
    /// The current state: the latest claim recorded.
    pub fn current(&self) -> Option<&Claim> {
        self.claims.last()
    }

    /// The latest claim from each distinct source, when they do not all give the same status:
    /// the public sees every side of a disagreement.
    pub fn disagreement(&self) -> Vec<&Claim> {
        let mut latest_per_source: Vec<&Claim> = Vec::new();
        for claim in self.claims.iter().rev() {
            let seen = latest_per_source.iter().any(|c| same_source(c, claim));
            if !seen {
                latest_per_source.push(claim);
            }
        }
        let first_status = latest_per_source.first().map(|c| c.status);
        if latest_per_source
            .iter()
            .all(|c| Some(c.status) == first_status)
        {
            Vec::new()
        } else {
            latest_per_source
        }
    }
}

fn same_source(a: &Claim, b: &Claim) -> bool {
    a.source.author == b.source.author && a.source.publisher == b.source.publisher
}
