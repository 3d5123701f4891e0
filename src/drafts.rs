//! What the smaller forms send (replies, reviews, suggestions, decisions, reasons, accounts),
//! checked in one place so forms, imports and the command line apply the same limits.

use serde::{Deserialize, Serialize};

use crate::access::Role;
use crate::new_claim::{is_web_url, Checker, FieldError, Problem};
use crate::text;
use crate::{DepartmentCode, RequirementSlug};

/// A department's answer to a gap, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReplyDraft {
    pub body: String,
    pub evidence_url: String,
}

/// A reply that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyText {
    pub body: String,
    pub evidence_url: Option<String>,
}

impl ReplyDraft {
    pub fn validate(&self) -> Result<ReplyText, Vec<FieldError>> {
        let mut c = Checker::default();
        let body = c.required("body", &self.body, text::NOTE);
        let evidence_url = c.url("evidence_url", &self.evidence_url);
        match body {
            Some(body) if c.0.is_empty() => Ok(ReplyText { body, evidence_url }),
            _ => Err(c.0),
        }
    }
}

/// A required reason or note (a review, a decision, a withholding, an account change),
/// checked for field `field`.
pub fn reason(field: &'static str, input: &str) -> Result<String, Vec<FieldError>> {
    let mut c = Checker::default();
    match c.required(field, input, text::REASON) {
        Some(reason) => Ok(reason),
        None => Err(c.0),
    }
}

/// An optional reason, empty when none was given.
pub fn optional_reason(field: &'static str, input: &str) -> Result<String, Vec<FieldError>> {
    let mut c = Checker::default();
    match c.text(field, input, text::REASON) {
        Some(reason) => Ok(reason),
        None => Err(c.0),
    }
}

/// A correction suggested by anyone, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SuggestionDraft {
    pub requirement: String,
    pub body: String,
    pub source_url: String,
    pub organisation: String,
    pub contact: String,
    /// A checkbox: present (any value) when the submitter asks to keep the text unpublished.
    pub private: String,
}

/// A suggestion that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionText {
    pub requirement: Option<RequirementSlug>,
    pub body: String,
    pub source_url: Option<String>,
    pub organisation: Option<String>,
    pub contact: Option<String>,
    /// The text stays out of the public history whatever the decision.
    pub private: bool,
}

impl SuggestionDraft {
    /// `known` holds the requirements a suggestion may name.
    pub fn validate(&self, known: &[RequirementSlug]) -> Result<SuggestionText, Vec<FieldError>> {
        let mut c = Checker::default();
        let requirement = match self.requirement.trim() {
            "" => None,
            raw => {
                let slug = RequirementSlug::parse(raw)
                    .ok()
                    .filter(|s| known.contains(s));
                if slug.is_none() {
                    c.fail("requirement", Problem::UnknownRequirement);
                }
                slug
            }
        };
        let body = c.required("body", &self.body, text::NOTE);
        let source_url = c.url("source_url", &self.source_url);
        let organisation = c.optional("organisation", &self.organisation, text::NAME);
        let contact = c.optional("contact", &self.contact, text::CONTACT);
        match body {
            Some(body) if c.0.is_empty() => Ok(SuggestionText {
                requirement,
                body,
                source_url,
                organisation,
                contact,
                private: !self.private.trim().is_empty(),
            }),
            _ => Err(c.0),
        }
    }
}

/// An email address as Vigía keeps it: trimmed, lower-case, one `@` with text on both sides,
/// no spaces, at most 254 characters.
pub fn email(field: &'static str, input: &str, c: &mut Checker) -> Option<String> {
    let raw = c.text(field, input, text::EMAIL)?;
    let address = raw.to_lowercase();
    let well_formed = match address.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !address.contains(char::is_whitespace)
        }
        None => false,
    };
    if address.is_empty() {
        c.fail(field, Problem::Required);
        None
    } else if well_formed {
        Some(address)
    } else {
        c.fail(field, Problem::InvalidEmail);
        None
    }
}

/// An account an admin or the command line creates, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountDraft {
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub departments: Vec<String>,
}

/// An account that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub departments: Vec<DepartmentCode>,
}

impl AccountDraft {
    pub fn validate(&self) -> Result<NewAccount, Vec<FieldError>> {
        let mut c = Checker::default();
        let email = email("email", &self.email, &mut c);
        let display_name = c.required("display_name", &self.display_name, text::DISPLAY_NAME);
        let role = self
            .role
            .trim()
            .parse::<Role>()
            .map_err(|_| c.fail("role", Problem::InvalidChoice))
            .ok();
        let departments = scope(&self.departments, &mut c);
        if role.is_some_and(|r| r != Role::Admin) && departments.is_empty() {
            c.fail("department", Problem::Required);
        }
        match (email, display_name, role) {
            (Some(email), Some(display_name), Some(role)) if c.0.is_empty() => Ok(NewAccount {
                email,
                display_name,
                role,
                departments,
            }),
            _ => Err(c.0),
        }
    }
}

/// The departments a person acts for; an unknown code is refused, not dropped.
pub fn scope(codes: &[String], c: &mut Checker) -> Vec<DepartmentCode> {
    let mut departments = Vec::new();
    for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        match DepartmentCode::parse(code) {
            Ok(d) if !departments.contains(&d) => departments.push(d),
            Ok(_) => {}
            Err(_) => c.fail("department", Problem::UnknownDepartment),
        }
    }
    departments.sort_by_key(|d| DepartmentCode::ALL.iter().position(|c| c == d));
    departments
}

/// A new scope for an existing account: officers and departments need at least one.
pub fn rescope(role: Role, codes: &[String]) -> Result<Vec<DepartmentCode>, Vec<FieldError>> {
    let mut c = Checker::default();
    let departments = scope(codes, &mut c);
    if role != Role::Admin && departments.is_empty() && c.0.is_empty() {
        c.fail("department", Problem::Required);
    }
    if c.0.is_empty() {
        Ok(departments)
    } else {
        Err(c.0)
    }
}

/// Whether a text is a web link (for callers that check a lone URL).
pub fn is_link(text: &str) -> bool {
    is_web_url(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems<T: std::fmt::Debug>(
        result: Result<T, Vec<FieldError>>,
    ) -> Vec<(&'static str, Problem)> {
        result
            .expect_err("refused")
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn replies_are_bounded_and_need_a_body() {
        let ok = ReplyDraft {
            body: " Aprobado por Resolución 12/2025. ".into(),
            evidence_url: "https://example.org/r".into(),
        };
        assert_eq!(
            ok.validate().unwrap().body,
            "Aprobado por Resolución 12/2025."
        );
        let huge = ReplyDraft {
            body: "x".repeat(9 * 1024 * 1024),
            ..ReplyDraft::default()
        };
        assert_eq!(
            problems(huge.validate()),
            [("body", Problem::TooLong(4000))]
        );
        let bad = ReplyDraft {
            body: String::new(),
            evidence_url: "ftp://x".into(),
        };
        assert_eq!(
            problems(bad.validate()),
            [
                ("body", Problem::Required),
                ("evidence_url", Problem::InvalidUrl)
            ]
        );
    }

    #[test]
    fn suggestions_name_only_known_requirements_and_keep_only_what_fits() {
        let known = [RequirementSlug::parse("action-plan").unwrap()];
        let draft = SuggestionDraft {
            requirement: "shelter".into(),
            body: "x".into(),
            contact: "c".repeat(201),
            ..SuggestionDraft::default()
        };
        assert_eq!(
            problems(draft.validate(&known)),
            [
                ("requirement", Problem::UnknownRequirement),
                ("contact", Problem::TooLong(200))
            ]
        );
    }

    #[test]
    fn accounts_need_a_real_address_a_short_name_and_known_departments() {
        let draft = AccountDraft {
            email: " Ana@Example.ORG ".into(),
            display_name: "Ana Quispe".into(),
            role: "officer".into(),
            departments: vec!["BO-N".into(), "BO-N".into()],
        };
        let account = draft.validate().unwrap();
        assert_eq!(account.email, "ana@example.org");
        assert_eq!(account.departments, [DepartmentCode::Pando]);
        for (email, problem) in [
            ("ana", Problem::InvalidEmail),
            ("@example.org", Problem::InvalidEmail),
            ("ana@localhost", Problem::InvalidEmail),
            ("a b@example.org", Problem::InvalidEmail),
            ("", Problem::Required),
        ] {
            let draft = AccountDraft {
                email: email.into(),
                ..draft.clone()
            };
            assert_eq!(
                problems(draft.validate()),
                [("email", problem)],
                "{email:?}"
            );
        }
        let draft = AccountDraft {
            display_name: "Ana\u{202E}".into(),
            departments: vec!["BO-X".into()],
            ..draft.clone()
        };
        assert_eq!(
            problems(draft.validate()),
            [
                ("display_name", Problem::ControlCharacter),
                ("department", Problem::UnknownDepartment),
                ("department", Problem::Required)
            ]
        );
    }

    #[test]
    fn rescoping_an_officer_to_nothing_is_refused() {
        assert!(rescope(Role::Admin, &[]).unwrap().is_empty());
        assert_eq!(
            problems(rescope(Role::Officer, &[])),
            [("department", Problem::Required)]
        );
        assert_eq!(
            problems(rescope(Role::Officer, &["BO-Q".into()])),
            [("department", Problem::UnknownDepartment)]
        );
    }
}
