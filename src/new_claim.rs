//! A claim an officer wants to record, checked before anything is stored. The same checks run
//! on the server and, because the domain compiles to wasm, can run in the browser.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    DepartmentCode, EvidenceLevel, EvidenceLink, PartialDate, Quality, Requirement,
    RequirementSlug, Status, TriState,
};

/// What a form or an import row sends, as typed: every field a string, nothing trusted yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimDraft {
    pub department: String,
    pub requirement: String,
    pub status: String,
    pub status_since: String,
    pub due_date: String,
    pub valid_from: String,
    pub valid_until: String,
    pub approving_instrument: String,
    pub evidence_level: String,
    /// One link per line: `label | url` or just the URL.
    pub evidence_links: String,
    /// Each `yes`, `no`, `unknown` or empty (unknown).
    pub quality_responsible_institutions: String,
    pub quality_timetable: String,
    pub quality_financing: String,
    pub quality_indicators: String,
    pub quality_published: String,
    pub note: String,
    pub source_author: String,
    pub source_publisher: String,
    pub source_title: String,
    pub source_url: String,
    pub source_date: String,
}

/// Which field is wrong and why; the UI words it in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: Problem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    Required,
    UnknownDepartment,
    UnknownRequirement,
    UnknownStatus,
    UnknownEvidenceLevel,
    InvalidChoice,
    InvalidDate,
    InvalidUrl,
    EndBeforeStart,
    InForceWithoutDate,
    VerifiedWithoutEvidence,
    DocumentTooLarge,
    DocumentNotPdf,
    /// Too many submissions from one place in a short time.
    TooMany,
    InvalidEmail,
    EmailTaken,
}

/// A claim that passed every check, ready to append.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewClaim {
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    pub status: Status,
    pub status_since: Option<PartialDate>,
    pub due_date: Option<NaiveDate>,
    pub valid_from: Option<PartialDate>,
    pub valid_until: Option<PartialDate>,
    pub approving_instrument: Option<String>,
    pub evidence: Vec<EvidenceLink>,
    pub evidence_level: EvidenceLevel,
    pub quality: Quality,
    pub note: String,
    pub source_author: String,
    pub source_publisher: Option<String>,
    pub source_title: String,
    pub source_url: String,
    pub source_date: PartialDate,
}

fn optional(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

pub fn is_web_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace))
}

/// Collects every problem at once, so a form can show them all beside their fields.
struct Checker(Vec<FieldError>);

impl Checker {
    fn fail(&mut self, field: &'static str, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }

    fn required<'a>(&mut self, field: &'static str, text: &'a str) -> Option<&'a str> {
        let value = optional(text);
        if value.is_none() {
            self.fail(field, Problem::Required);
        }
        value
    }

    fn tri_state(&mut self, field: &'static str, text: &str) -> TriState {
        match optional(text) {
            None => TriState::Unknown,
            Some(t) => t.parse().unwrap_or_else(|_| {
                self.fail(field, Problem::InvalidChoice);
                TriState::Unknown
            }),
        }
    }

    fn partial_date(&mut self, field: &'static str, text: &str) -> Option<PartialDate> {
        let text = optional(text)?;
        PartialDate::parse(text)
            .map_err(|_| self.fail(field, Problem::InvalidDate))
            .ok()
    }
}

fn parse_links(text: &str, checker: &mut Checker) -> Vec<EvidenceLink> {
    text.lines()
        .filter_map(optional)
        .filter_map(|line| {
            let (label, url) = match line.split_once('|') {
                Some((label, url)) => (label.trim(), url.trim()),
                None => (line, line),
            };
            if is_web_url(url) {
                Some(EvidenceLink {
                    label: label.to_owned(),
                    url: url.to_owned(),
                })
            } else {
                checker.fail("evidence_links", Problem::InvalidUrl);
                None
            }
        })
        .collect()
}

impl Problem {
    /// A stable slug, for messages in the catalog (`problem-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::UnknownDepartment => "unknown-department",
            Problem::UnknownRequirement => "unknown-requirement",
            Problem::UnknownStatus => "unknown-status",
            Problem::UnknownEvidenceLevel => "unknown-evidence-level",
            Problem::InvalidChoice => "invalid-choice",
            Problem::InvalidDate => "invalid-date",
            Problem::InvalidUrl => "invalid-url",
            Problem::EndBeforeStart => "end-before-start",
            Problem::InForceWithoutDate => "in-force-without-date",
            Problem::VerifiedWithoutEvidence => "verified-without-evidence",
            Problem::DocumentTooLarge => "document-too-large",
            Problem::DocumentNotPdf => "document-not-pdf",
            Problem::TooMany => "too-many",
            Problem::InvalidEmail => "invalid-email",
            Problem::EmailTaken => "email-taken",
        }
    }
}

impl ClaimDraft {
    /// Checks the draft against the known requirements; `Err` lists every problem found.
    /// `attached_documents` counts the PDFs that came with it, which are evidence too.
    pub fn validate(
        &self,
        requirements: &[Requirement],
        attached_documents: usize,
    ) -> Result<NewClaim, Vec<FieldError>> {
        let mut c = Checker(Vec::new());
        let department = DepartmentCode::parse(&self.department)
            .map_err(|_| c.fail("department", Problem::UnknownDepartment))
            .ok();
        let requirement = RequirementSlug::parse(self.requirement.trim())
            .ok()
            .filter(|slug| requirements.iter().any(|r| &r.slug == slug));
        if requirement.is_none() {
            c.fail("requirement", Problem::UnknownRequirement);
        }
        let status = self
            .status
            .trim()
            .parse::<Status>()
            .map_err(|_| c.fail("status", Problem::UnknownStatus))
            .ok();
        let evidence_level = self
            .evidence_level
            .trim()
            .parse::<EvidenceLevel>()
            .map_err(|_| c.fail("evidence_level", Problem::UnknownEvidenceLevel))
            .ok();
        let status_since = c.partial_date("status_since", &self.status_since);
        let due_date = optional(&self.due_date).and_then(|d| {
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| c.fail("due_date", Problem::InvalidDate))
                .ok()
        });
        let valid_from = c.partial_date("valid_from", &self.valid_from);
        let valid_until = c.partial_date("valid_until", &self.valid_until);
        if let (Some(from), Some(until)) = (valid_from, valid_until) {
            if until.last_day() < from.first_day() {
                c.fail("valid_until", Problem::EndBeforeStart);
            }
        }
        if status == Some(Status::InForce) && optional(&self.status_since).is_none() {
            c.fail("status_since", Problem::InForceWithoutDate);
        }
        let evidence = parse_links(&self.evidence_links, &mut c);
        let quality = Quality {
            responsible_institutions: c.tri_state(
                "quality_responsible_institutions",
                &self.quality_responsible_institutions,
            ),
            timetable: c.tri_state("quality_timetable", &self.quality_timetable),
            financing: c.tri_state("quality_financing", &self.quality_financing),
            indicators: c.tri_state("quality_indicators", &self.quality_indicators),
            published: c.tri_state("quality_published", &self.quality_published),
        };
        if evidence_level == Some(EvidenceLevel::Verified)
            && evidence.is_empty()
            && attached_documents == 0
        {
            c.fail("evidence_links", Problem::VerifiedWithoutEvidence);
        }
        let note = c.required("note", &self.note).map(str::to_owned);
        let source_author = c
            .required("source_author", &self.source_author)
            .map(str::to_owned);
        let source_title = c
            .required("source_title", &self.source_title)
            .map(str::to_owned);
        let source_url = c
            .required("source_url", &self.source_url)
            .map(str::to_owned);
        if source_url.as_deref().is_some_and(|u| !is_web_url(u)) {
            c.fail("source_url", Problem::InvalidUrl);
        }
        let source_date = c
            .required("source_date", &self.source_date)
            .and_then(|_| c.partial_date("source_date", &self.source_date));
        match (
            department,
            requirement,
            status,
            evidence_level,
            note,
            source_author,
            source_title,
            source_url,
            source_date,
        ) {
            (
                Some(department),
                Some(requirement),
                Some(status),
                Some(evidence_level),
                Some(note),
                Some(source_author),
                Some(source_title),
                Some(source_url),
                Some(source_date),
            ) if c.0.is_empty() => Ok(NewClaim {
                department,
                requirement,
                status,
                status_since,
                due_date,
                valid_from,
                valid_until,
                approving_instrument: optional(&self.approving_instrument).map(str::to_owned),
                evidence,
                evidence_level,
                quality,
                note,
                source_author,
                source_publisher: optional(&self.source_publisher).map(str::to_owned),
                source_title,
                source_url,
                source_date,
            }),
            _ => Err(c.0),
        }
    }
}

#[cfg(test)]
mod tests;
