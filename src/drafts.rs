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

/// An officer's review of a reply: the outcome chosen (accept, or ask for more) and the note.
pub fn review(
    outcome: &str,
    note: &str,
) -> Result<(crate::reply::ReviewOutcome, String), Vec<FieldError>> {
    let mut c = Checker::default();
    let chosen = crate::reply::ReviewOutcome::parse(outcome);
    if chosen.is_none() {
        c.fail("outcome", Problem::InvalidChoice);
    }
    let note = c.required("note", note, text::REASON);
    match (chosen, note) {
        (Some(outcome), Some(note)) if c.0.is_empty() => Ok((outcome, note)),
        _ => Err(c.0),
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

/// An email address as mail is sent to it: a bare `local@domain`, nothing else. A display
/// name, angle brackets, quotes, comments or an IP literal are refused, because each lets
/// one mailbox be written many ways (and so escape per-address limits) or names a mailbox
/// the mailer cannot write. The result is normalised: the local part (at most RFC 5321's
/// 64 characters) lower-cased, the domain lower-cased in its ASCII (IDNA) form.
pub fn email(field: &'static str, input: &str, c: &mut Checker) -> Option<String> {
    let raw = c.text(field, input, text::EMAIL)?;
    if raw.is_empty() {
        c.fail(field, Problem::Required);
        return None;
    }
    match normalised_email(&raw) {
        Some(address) => Some(address),
        None => {
            c.fail(field, Problem::InvalidEmail);
            None
        }
    }
}

/// The most characters of an address's local part (RFC 5321, 4.5.3.1.1).
const LOCAL_PART_MAX: usize = 64;

/// Characters a local part may hold besides letters, digits and dots (RFC 5322's atext).
const LOCAL_PART_SYMBOLS: &str = "!#$%&'*+-/=?^_`{|}~";

fn normalised_email(raw: &str) -> Option<String> {
    let (local, domain) = raw.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.len() <= LOCAL_PART_MAX
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || LOCAL_PART_SYMBOLS.contains(ch));
    if !local_ok || domain.contains(|ch: char| "[]@".contains(ch)) {
        return None;
    }
    let domain = idna::domain_to_ascii_strict(domain).ok()?;
    let labels: Vec<&str> = domain.split('.').collect();
    let top = labels.last()?;
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| !label.is_empty())
        && !top.chars().all(|ch| ch.is_ascii_digit());
    let address = format!("{}@{domain}", local.to_ascii_lowercase());
    (domain_ok && address.len() <= text::EMAIL.max_chars).then_some(address)
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
    use crate::reply::ReviewOutcome;

    #[test]
    fn a_review_needs_an_outcome_from_the_list_and_a_note() {
        assert_eq!(
            super::review("more-requested", " Falta la resolución. "),
            Ok((ReviewOutcome::MoreRequested, "Falta la resolución.".into()))
        );
        let refused = super::review("", "Visto.").unwrap_err();
        assert_eq!(refused[0].field, "outcome");
        assert_eq!(refused[0].problem, Problem::InvalidChoice);
        let refused = super::review("closed", "").unwrap_err();
        let fields: Vec<&str> = refused.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["outcome", "note"]);
        let long = "a".repeat(1001);
        assert!(matches!(
            super::review("accepted", &long).unwrap_err()[0].problem,
            Problem::TooLong(1000)
        ));
    }

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

    fn checked_email(input: &str) -> Result<String, Vec<(&'static str, Problem)>> {
        let mut c = Checker::default();
        match email("address", input, &mut c) {
            Some(address) => Ok(address),
            None => Err(c.0.into_iter().map(|e| (e.field, e.problem)).collect()),
        }
    }

    #[test]
    fn one_mailbox_has_one_spelling() {
        for (typed, kept) in [
            ("target@y.org", "target@y.org"),
            (" Target@Y.ORG ", "target@y.org"),
            ("o'brien+alerts@example.org", "o'brien+alerts@example.org"),
            ("ana@bücher.example", "ana@xn--bcher-kva.example"),
            ("ana@BÜCHER.example", "ana@xn--bcher-kva.example"),
        ] {
            assert_eq!(checked_email(typed).as_deref(), Ok(kept), "{typed:?}");
        }
    }

    #[test]
    fn names_quotes_comments_brackets_and_ip_literals_are_refused() {
        let local_65 = format!("{}@example.org", "a".repeat(65));
        for typed in [
            "n1<target@y.org>",
            "<target@y.org>",
            "\"target\"@y.org",
            "Target <target@y.org>",
            "victim@x.org>",
            "victim@[127.0.0.1]",
            "victim@127.0.0.1",
            "(c)victim@x.org",
            "victim(c)@x.org",
            "a@b@x.org",
            ".ana@x.org",
            "ana.@x.org",
            "an..a@x.org",
            "ana@x..org",
            "ana@-x.org",
            "ana@x",
            "josé@x.org",
            "ana@x.org,bob@y.org",
            local_65.as_str(),
        ] {
            assert_eq!(
                checked_email(typed),
                Err(vec![("address", Problem::InvalidEmail)]),
                "{typed:?}"
            );
        }
        let local_64 = format!("{}@example.org", "a".repeat(64));
        assert!(checked_email(&local_64).is_ok(), "64 characters fit");
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
