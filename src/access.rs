//! Who may do what. Pure rules, checked on the server for every request that changes data.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::{DepartmentCode, ParseError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Manages users and requirements; acts on every department.
    Admin,
    /// An oversight body's staff: records claims for the departments assigned to them.
    Officer,
    /// A departmental government's representative: evidence and replies for their own
    /// department; cannot change a status.
    Department,
}

impl Role {
    pub fn slug(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Officer => "officer",
            Role::Department => "department",
        }
    }
}

impl FromStr for Role {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "admin" => Ok(Role::Admin),
            "officer" => Ok(Role::Officer),
            "department" => Ok(Role::Department),
            other => Err(ParseError::UnknownRole(other.to_owned())),
        }
    }
}

/// A signed-in person as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub role: Role,
    pub departments: Vec<DepartmentCode>,
    pub disabled: bool,
}

impl Actor {
    /// Whether this person works on a department's records (an admin, on all of them).
    pub fn covers(&self, department: DepartmentCode) -> bool {
        !self.disabled && (self.role == Role::Admin || self.departments.contains(&department))
    }

    /// Recording a claim changes a status: admins anywhere, officers in their departments.
    pub fn may_record_claim(&self, department: DepartmentCode) -> bool {
        matches!(self.role, Role::Admin | Role::Officer) && self.covers(department)
    }

    /// Replying to a gap is the department's own word: its representatives only. Oversight
    /// staff record claims and review replies; a reply from them would speak for the
    /// department.
    pub fn may_reply(&self, department: DepartmentCode) -> bool {
        self.role == Role::Department && self.covers(department)
    }

    /// Reviewing a department's reply and deciding on public suggestions is oversight work.
    pub fn may_moderate(&self, department: DepartmentCode) -> bool {
        self.may_record_claim(department)
    }

    pub fn may_manage_users(&self) -> bool {
        !self.disabled && self.role == Role::Admin
    }

    /// Withholding a document from the public is an admin's decision.
    pub fn may_withhold_documents(&self) -> bool {
        !self.disabled && self.role == Role::Admin
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DepartmentCode::{LaPaz, Pando};

    fn actor(role: Role, departments: &[DepartmentCode], disabled: bool) -> Actor {
        Actor {
            role,
            departments: departments.to_vec(),
            disabled,
        }
    }

    #[test]
    fn who_may_record_a_claim_for_la_paz() {
        let cases = [
            ("admin", actor(Role::Admin, &[], false), true),
            (
                "officer in scope",
                actor(Role::Officer, &[LaPaz], false),
                true,
            ),
            (
                "officer out of scope",
                actor(Role::Officer, &[Pando], false),
                false,
            ),
            (
                "department user of La Paz",
                actor(Role::Department, &[LaPaz], false),
                false,
            ),
            ("disabled admin", actor(Role::Admin, &[], true), false),
            (
                "disabled officer",
                actor(Role::Officer, &[LaPaz], true),
                false,
            ),
        ];
        for (name, actor, allowed) in cases {
            assert_eq!(actor.may_record_claim(LaPaz), allowed, "{name}");
        }
    }

    #[test]
    fn department_users_reply_only_for_their_own() {
        let la_paz = actor(Role::Department, &[LaPaz], false);
        assert!(la_paz.may_reply(LaPaz));
        assert!(!la_paz.may_reply(Pando));
        assert!(!actor(Role::Officer, &[LaPaz], false).may_reply(LaPaz));
        assert!(!actor(Role::Admin, &[], false).may_reply(LaPaz));
        assert!(!actor(Role::Department, &[LaPaz], true).may_reply(LaPaz));
        assert!(!la_paz.may_manage_users());
        assert!(actor(Role::Admin, &[], false).may_manage_users());
    }

    #[test]
    fn only_oversight_in_scope_moderates_and_only_admins_withhold() {
        assert!(actor(Role::Officer, &[LaPaz], false).may_moderate(LaPaz));
        assert!(!actor(Role::Officer, &[Pando], false).may_moderate(LaPaz));
        assert!(!actor(Role::Department, &[LaPaz], false).may_moderate(LaPaz));
        assert!(actor(Role::Admin, &[], false).may_withhold_documents());
        assert!(!actor(Role::Officer, &[LaPaz], false).may_withhold_documents());
        assert!(!actor(Role::Admin, &[], true).may_withhold_documents());
    }

    #[test]
    fn roles_round_trip() {
        for role in [Role::Admin, Role::Officer, Role::Department] {
            assert_eq!(role.slug().parse::<Role>(), Ok(role));
        }
        assert!("root".parse::<Role>().is_err());
    }
}
