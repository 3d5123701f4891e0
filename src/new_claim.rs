//! A claim an officer wants to record, checked before anything is stored. The same checks run
//! for forms, imports and the seed, on the server and, because the domain compiles to wasm,
//! in the browser.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::requirement::Bilingual;
use crate::text::{self, Limit};
use crate::{
    Basis, DepartmentCode, EvidenceKind, EvidenceLevel, EvidenceLink, PartialDate, Quality,
    Requirement, RequirementSlug, Status, TriState,
};

/// What a form or an import row sends, as typed: every field a string, nothing trusted yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimDraft {
    pub department: String,
    pub requirement: String,
    pub status: String,
    /// `stated` (the default) or `inferred`.
    pub basis: String,
    /// The moment the claim is about.
    pub event_date: String,
    pub status_since: String,
    pub due_date: String,
    pub valid_from: String,
    pub valid_until: String,
    pub approving_instrument: String,
    pub evidence_level: String,
    /// Links to the instrument itself or to the body that issued it, one per line:
    /// `label | url` or just the URL.
    pub evidence_primary: String,
    /// Links to articles and third parties' reports, in the same form.
    pub evidence_links: String,
    /// Each `yes`, `no`, `unknown` or empty (unknown).
    pub quality_responsible_institutions: String,
    pub quality_timetable: String,
    pub quality_financing: String,
    pub quality_indicators: String,
    pub quality_published: String,
    pub note: String,
    pub source_author: String,
    pub source_outlet: String,
    pub source_title: String,
    pub source_url: String,
    pub source_published: String,
    pub source_locator: String,
    pub source_quote: String,
    pub source_attribution_es: String,
    pub source_attribution_en: String,
    /// The claim this one corrects (its id), when it is a correction.
    pub corrects: String,
    /// What is corrected and why: required for a correction.
    pub correction_reason: String,
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
    /// Written as a date, but no such day exists (30 February).
    NoSuchDate,
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
    /// Longer than the field allows (the maximum, in characters).
    TooLong(u32),
    /// Control characters or characters that reorder text.
    ControlCharacter,
    /// A date after today where only the past can be known.
    InFuture,
    /// The claim is about a moment after its source was published.
    EventAfterPublication,
    TooManyLinks,
    /// An admin may not do this to their own account.
    NotSelf,
    /// A webhook address that is plain HTTP, or on this machine or a private network.
    WebhookNotPublic,
    /// The webhook's receiver did not answer the signed test with 2xx.
    WebhookFailed,
    /// This address receives a webhook already.
    WebhookTaken,
    /// A document permalink that names no document.
    UnknownDocument,
    /// The password typed twice differs.
    PasswordsDiffer,
    /// "All" chosen together with some of the items it covers.
    AllAndSome,
    /// A webhook's host name does not resolve.
    WebhookUnknownHost,
    /// A department this person may not record claims for.
    OutOfScope,
    /// The current password typed to change it is not the account's.
    WrongPassword,
    /// A new password shorter than twelve characters.
    PasswordTooShort,
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
            Problem::NoSuchDate => "no-such-date",
            Problem::InvalidUrl => "invalid-url",
            Problem::EndBeforeStart => "end-before-start",
            Problem::InForceWithoutDate => "in-force-without-date",
            Problem::VerifiedWithoutEvidence => "verified-without-evidence",
            Problem::DocumentTooLarge => "document-too-large",
            Problem::DocumentNotPdf => "document-not-pdf",
            Problem::TooMany => "too-many",
            Problem::InvalidEmail => "invalid-email",
            Problem::EmailTaken => "email-taken",
            Problem::TooLong(_) => "too-long",
            Problem::ControlCharacter => "control-character",
            Problem::InFuture => "in-future",
            Problem::EventAfterPublication => "event-after-publication",
            Problem::TooManyLinks => "too-many-links",
            Problem::NotSelf => "not-self",
            Problem::WebhookNotPublic => "webhook-not-public",
            Problem::WebhookFailed => "webhook-failed",
            Problem::WebhookTaken => "webhook-taken",
            Problem::UnknownDocument => "unknown-document",
            Problem::PasswordsDiffer => "passwords-differ",
            Problem::AllAndSome => "all-and-some",
            Problem::WebhookUnknownHost => "webhook-unknown-host",
            Problem::OutOfScope => "out-of-scope",
            Problem::WrongPassword => "wrong-password",
            Problem::PasswordTooShort => "password-too-short",
        }
    }

    /// The number a message needs (the maximum length), if any.
    pub fn limit(self) -> Option<u32> {
        match self {
            Problem::TooLong(max) => Some(max),
            _ => None,
        }
    }
}

/// Who said it, as checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSource {
    pub author: String,
    pub outlet: Option<String>,
    pub title: String,
    /// A web address, or a document's permalink (`/documents/12`); `None` when the source
    /// is the PDF attached to the claim, whose permalink it takes once stored.
    pub url: Option<String>,
    pub published: PartialDate,
    pub attribution: Option<Bilingual>,
}

/// A claim that passed every check, ready to append.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewClaim {
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    pub status: Status,
    pub basis: Basis,
    pub event_date: PartialDate,
    pub status_since: Option<PartialDate>,
    pub due_date: Option<NaiveDate>,
    pub valid_from: Option<PartialDate>,
    pub valid_until: Option<PartialDate>,
    pub approving_instrument: Option<String>,
    pub evidence: Vec<EvidenceLink>,
    pub evidence_level: EvidenceLevel,
    pub quality: Quality,
    pub note: String,
    pub source: NewSource,
    pub locator: Option<String>,
    pub quote: Option<String>,
    /// The claim this one corrects, and what is corrected and why.
    #[serde(default)]
    pub corrects: Option<Correction>,
}

/// A claim corrected by a later one, which replaces it wherever it counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub claim: i64,
    pub reason: String,
}

/// Why a typed date was refused.
fn date_problem(error: &crate::ParseError) -> Problem {
    match error {
        crate::ParseError::NoSuchDate(_) => Problem::NoSuchDate,
        _ => Problem::InvalidDate,
    }
}

pub fn is_web_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace))
}

/// Collects every problem at once, so a form can show them all beside their fields.
#[derive(Default)]
pub struct Checker(pub Vec<FieldError>);

impl Checker {
    pub fn fail(&mut self, field: &'static str, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }

    /// The text within its limit (trimmed), or `None` after noting why not.
    pub fn text(&mut self, field: &'static str, input: &str, limit: Limit) -> Option<String> {
        text::clean(input, limit)
            .map_err(|problem| self.fail(field, problem))
            .ok()
    }

    /// Optional text: `None` when empty or refused.
    pub fn optional(&mut self, field: &'static str, input: &str, limit: Limit) -> Option<String> {
        self.text(field, input, limit).filter(|t| !t.is_empty())
    }

    /// Required text: `None` (and a problem) when empty or refused.
    pub fn required(&mut self, field: &'static str, input: &str, limit: Limit) -> Option<String> {
        let value = self.text(field, input, limit)?;
        if value.is_empty() {
            self.fail(field, Problem::Required);
            return None;
        }
        Some(value)
    }

    pub fn url(&mut self, field: &'static str, input: &str) -> Option<String> {
        let url = self.optional(field, input, text::URL)?;
        if is_web_url(&url) {
            Some(url)
        } else {
            self.fail(field, Problem::InvalidUrl);
            None
        }
    }

    fn choice<T: std::str::FromStr>(
        &mut self,
        field: &'static str,
        input: &str,
        problem: Problem,
    ) -> Option<T> {
        input
            .trim()
            .parse::<T>()
            .map_err(|_| self.fail(field, problem))
            .ok()
    }

    fn tri_state(&mut self, field: &'static str, input: &str) -> TriState {
        match input.trim() {
            "" => TriState::Unknown,
            t => t.parse().unwrap_or_else(|_| {
                self.fail(field, Problem::InvalidChoice);
                TriState::Unknown
            }),
        }
    }

    pub fn partial_date(&mut self, field: &'static str, input: &str) -> Option<PartialDate> {
        let input = input.trim();
        if input.is_empty() {
            return None;
        }
        PartialDate::parse(input)
            .map_err(|e| self.fail(field, date_problem(&e)))
            .ok()
    }

    /// A date that names the past (or today): the future cannot have been reported.
    fn past_date(
        &mut self,
        field: &'static str,
        input: &str,
        today: NaiveDate,
    ) -> Option<PartialDate> {
        if input.trim().is_empty() {
            self.fail(field, Problem::Required);
            return None;
        }
        let date = self.partial_date(field, input)?;
        if date.first_day() > today {
            self.fail(field, Problem::InFuture);
            return None;
        }
        Some(date)
    }

    fn day(&mut self, field: &'static str, input: &str) -> Option<NaiveDate> {
        let input = input.trim();
        if input.is_empty() {
            return None;
        }
        PartialDate::parse_day(input)
            .map_err(|e| self.fail(field, date_problem(&e)))
            .ok()
    }

    fn links(&mut self, field: &'static str, input: &str, kind: EvidenceKind) -> Vec<EvidenceLink> {
        let Some(input) = self.text(field, input, text::EVIDENCE_LIST) else {
            return Vec::new();
        };
        let lines: Vec<&str> = input
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.len() > text::MAX_EVIDENCE_LINKS {
            self.fail(field, Problem::TooManyLinks);
            return Vec::new();
        }
        lines
            .into_iter()
            .filter_map(|line| {
                let (label, url) = match line.split_once('|') {
                    Some((label, url)) => (label.trim(), url.trim()),
                    None => (line, line),
                };
                let label = self.text(field, label, text::EVIDENCE_LABEL)?;
                let url = self.text(field, url, text::URL)?;
                // A stored document is cited by its permalink, as the source may be.
                if !is_web_url(&url) && crate::document::permalink_id(&url).is_none() {
                    self.fail(field, Problem::InvalidUrl);
                    return None;
                }
                Some(EvidenceLink { label, url, kind })
            })
            .collect()
    }
}

impl ClaimDraft {
    /// Checks the draft against the known requirements on `today`; `Err` lists every problem
    /// found. `attached_documents` counts the PDFs that came with it, which are evidence too.
    pub fn validate(
        &self,
        requirements: &[Requirement],
        attached_documents: usize,
        today: NaiveDate,
    ) -> Result<NewClaim, Vec<FieldError>> {
        let mut c = Checker::default();
        let department = DepartmentCode::parse(self.department.trim())
            .map_err(|_| c.fail("department", Problem::UnknownDepartment))
            .ok();
        let requirement = RequirementSlug::parse(self.requirement.trim())
            .ok()
            .and_then(|slug| requirements.iter().find(|r| r.slug == slug));
        if requirement.is_none() {
            c.fail("requirement", Problem::UnknownRequirement);
        }
        let status: Option<Status> = c.choice("status", &self.status, Problem::UnknownStatus);
        let basis = match self.basis.trim() {
            "" => Some(Basis::Stated),
            _ => c.choice("basis", &self.basis, Problem::InvalidChoice),
        };
        let evidence_level: Option<EvidenceLevel> = c.choice(
            "evidence_level",
            &self.evidence_level,
            Problem::UnknownEvidenceLevel,
        );
        let event_date = c.past_date("event_date", &self.event_date, today);
        let published = c.past_date("source_published", &self.source_published, today);
        if let (Some(event), Some(published)) = (event_date, published) {
            if event.first_day() > published.last_day() {
                c.fail("event_date", Problem::EventAfterPublication);
            }
        }
        let status_since = c.partial_date("status_since", &self.status_since);
        let due_date = c.day("due_date", &self.due_date);
        let valid_from = c.partial_date("valid_from", &self.valid_from);
        let valid_until = c.partial_date("valid_until", &self.valid_until);
        if let (Some(from), Some(until)) = (valid_from, valid_until) {
            if until.last_day() < from.first_day() {
                c.fail("valid_until", Problem::EndBeforeStart);
            }
        }
        // An instrument in force needs a date the gap rules can follow: when it took effect, or
        // when its validity ends, which is all some sources give ("el plan concluirá en 2025").
        let needs_date = requirement.is_none_or(|r| r.in_force_needs_date);
        let dated = !self.status_since.trim().is_empty() || !self.valid_until.trim().is_empty();
        if status == Some(Status::InForce) && needs_date && !dated {
            c.fail("status_since", Problem::InForceWithoutDate);
        }
        let primary = c.links(
            "evidence_primary",
            &self.evidence_primary,
            EvidenceKind::Primary,
        );
        let reports = c.links("evidence_links", &self.evidence_links, EvidenceKind::Report);
        if evidence_level == Some(EvidenceLevel::Verified)
            && primary.is_empty()
            && attached_documents == 0
        {
            c.fail("evidence_primary", Problem::VerifiedWithoutEvidence);
        }
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
        let approving_instrument = c.optional(
            "approving_instrument",
            &self.approving_instrument,
            text::INSTRUMENT,
        );
        let note = c.required("note", &self.note, text::NOTE);
        let source = self.source(&mut c, published, attached_documents);
        let locator = c.optional("source_locator", &self.source_locator, text::LOCATOR);
        let quote = c.optional("source_quote", &self.source_quote, text::QUOTE);
        let corrects = self.correction(&mut c);
        match (
            department,
            requirement,
            status,
            basis,
            evidence_level,
            event_date,
            note,
            source,
        ) {
            (
                Some(department),
                Some(requirement),
                Some(status),
                Some(basis),
                Some(evidence_level),
                Some(event_date),
                Some(note),
                Some(source),
            ) if c.0.is_empty() => Ok(NewClaim {
                department,
                requirement: requirement.slug.clone(),
                status,
                basis,
                event_date,
                status_since,
                due_date,
                valid_from,
                valid_until,
                approving_instrument,
                evidence: primary.into_iter().chain(reports).collect(),
                evidence_level,
                quality,
                note,
                source,
                locator,
                quote,
                corrects,
            }),
            _ => Err(c.0),
        }
    }

    /// The claim this draft corrects and why; `None` for a claim that corrects nothing.
    fn correction(&self, c: &mut Checker) -> Option<Correction> {
        let named = self.corrects.trim();
        if named.is_empty() {
            return None;
        }
        let claim = named.parse::<i64>().ok().filter(|id| *id > 0).or_else(|| {
            c.fail("corrects", Problem::InvalidChoice);
            None
        });
        let reason = c.required("correction_reason", &self.correction_reason, text::REASON);
        Some(Correction {
            claim: claim?,
            reason: reason?,
        })
    }

    fn source(
        &self,
        c: &mut Checker,
        published: Option<PartialDate>,
        attached_documents: usize,
    ) -> Option<NewSource> {
        let author = c.required("source_author", &self.source_author, text::NAME);
        let outlet = c.optional("source_outlet", &self.source_outlet, text::NAME);
        let title = c.required("source_title", &self.source_title, text::TITLE);
        let typed = self.source_url.trim();
        // An uploaded PDF stands in for the link: the source is then the document itself.
        let url = match typed {
            "" if attached_documents > 0 => Some(None),
            "" => {
                c.fail("source_url", Problem::Required);
                None
            }
            _ if crate::document::permalink_id(typed).is_some() => Some(Some(typed.to_owned())),
            _ => c.url("source_url", typed).map(Some),
        };
        let es = c.optional(
            "source_attribution_es",
            &self.source_attribution_es,
            text::NAME,
        );
        let en = c.optional(
            "source_attribution_en",
            &self.source_attribution_en,
            text::NAME,
        );
        let attribution = match (es, en) {
            (None, None) => None,
            (es, en) => {
                let es = es.or_else(|| en.clone()).unwrap_or_default();
                let en = en.unwrap_or_else(|| es.clone());
                Some(Bilingual { es, en })
            }
        };
        Some(NewSource {
            author: author?,
            outlet,
            title: title?,
            url: url?,
            published: published?,
            attribution,
        })
    }
}

#[cfg(test)]
mod tests;
