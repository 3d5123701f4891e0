//! Instruments the law requires of every department. They are data, not code: adding one
//! needs neither a schema change nor a release.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::{ParseError, Source, Status};

/// A stable, URL-safe identifier such as `action-plan`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RequirementSlug(String);

impl RequirementSlug {
    /// Lowercase ASCII letters, digits and inner hyphens, 2 to 48 characters.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let ok_chars = input
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let ok_shape =
            (2..=48).contains(&input.len()) && !input.starts_with('-') && !input.ends_with('-');
        if ok_chars && ok_shape {
            Ok(Self(input.to_owned()))
        } else {
            Err(ParseError::InvalidRequirementSlug(input.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RequirementSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for RequirementSlug {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<RequirementSlug> for String {
    fn from(slug: RequirementSlug) -> Self {
        slug.0
    }
}

/// Text in both of Vigía's languages, for data that admins enter (not UI chrome).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bilingual {
    pub es: String,
    pub en: String,
}

impl Bilingual {
    pub fn get(&self, spanish: bool) -> &str {
        if spanish {
            &self.es
        } else {
            &self.en
        }
    }
}

/// How a status reads for one requirement ("adoptado y vigente" for a plan, "en funcionamiento"
/// for a shelter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusLabel {
    pub status: Status,
    pub label: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub slug: RequirementSlug,
    pub name: Bilingual,
    /// As far as a source confirms it; `verified` says whether one does.
    pub legal_basis: Bilingual,
    pub legal_basis_verified: bool,
    /// The sources the legal basis cites (who says the law requires it), each with its link.
    #[serde(default)]
    pub legal_basis_sources: Vec<Source>,
    /// Whether the plan-quality criteria apply (they do to plans, not to shelters).
    pub has_quality_criteria: bool,
    /// Whether "in force" starts on a date a claim must give (a plan's adoption), or is
    /// observed, with its start often unknown (a shelter found operating).
    #[serde(default = "yes")]
    pub in_force_needs_date: bool,
    pub status_labels: Vec<StatusLabel>,
    /// Order on pages.
    pub position: i32,
}

fn yes() -> bool {
    true
}

impl Requirement {
    /// The requirement's own wording for a status, if it defines one.
    pub fn status_label(&self, status: Status) -> Option<&Bilingual> {
        self.status_labels
            .iter()
            .find(|l| l.status == status)
            .map(|l| &l.label)
    }

    /// Whether every source the legal basis cites was out by the end of `date`: its text
    /// quotes them, so a view of an earlier day cannot show it.
    pub fn legal_basis_knowable_on(&self, date: chrono::NaiveDate) -> bool {
        self.legal_basis_sources
            .iter()
            .all(|s| s.published.last_day() <= date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_kebab_case() {
        assert!(RequirementSlug::parse("action-plan").is_ok());
        assert!(RequirementSlug::parse("shelter").is_ok());
        for bad in ["Action-Plan", "-plan", "plan-", "a", "plan plan", "plán"] {
            assert!(RequirementSlug::parse(bad).is_err(), "{bad}");
        }
    }
}
