//! Everything the public pages need at one moment: small enough (nine departments, a handful
//! of requirements) to load whole and derive gaps from in memory.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::gaps::{gaps_for, Gap};
use crate::national::NationalFigure;
use crate::requirement::Bilingual;
use crate::{
    la_paz_date, Claim, ComplianceRecord, Department, DepartmentCode, GapReply, HistoryEntry,
    PartialDate, Requirement, RequirementSlug,
};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Snapshot {
    pub departments: Vec<Department>,
    pub requirements: Vec<Requirement>,
    /// Every claim, in the order recorded.
    pub claims: Vec<Claim>,
    pub national: Vec<NationalFigure>,
    /// The public audit trail, oldest first.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// Departments' replies to their gaps, oldest first.
    #[serde(default)]
    pub replies: Vec<GapReply>,
}

impl Snapshot {
    pub fn department(&self, code: DepartmentCode) -> Option<&Department> {
        self.departments.iter().find(|d| d.code == code)
    }

    pub fn requirement(&self, slug: &RequirementSlug) -> Option<&Requirement> {
        self.requirements.iter().find(|r| &r.slug == slug)
    }

    /// The record of one department and requirement (empty when nobody has claimed anything).
    pub fn record(&self, code: DepartmentCode, slug: &RequirementSlug) -> ComplianceRecord {
        ComplianceRecord::new(
            code,
            slug.clone(),
            self.claims_of(code, slug).cloned().collect(),
        )
    }

    /// The claims of one department and requirement, in the order recorded, borrowed: what
    /// needs only to read them need not copy the record.
    pub fn claims_of(
        &self,
        code: DepartmentCode,
        slug: &RequirementSlug,
    ) -> impl Iterator<Item = &Claim> + use<'_> {
        let slug = slug.clone();
        self.claims
            .iter()
            .filter(move |c| c.department == code && c.requirement == slug)
    }

    /// The current claim of one department and requirement, as [`ComplianceRecord::current`]
    /// gives it, without copying the record.
    pub fn current(&self, code: DepartmentCode, slug: &RequirementSlug) -> Option<&Claim> {
        self.claims_of(code, slug)
            .filter(|c| !c.is_corrected())
            .max_by_key(|c| c.chronology())
    }

    /// One record per requirement for a department, in the requirements' order.
    pub fn records_of(&self, code: DepartmentCode) -> Vec<ComplianceRecord> {
        self.requirements
            .iter()
            .map(|r| self.record(code, &r.slug))
            .collect()
    }

    /// What could be known on a past date: claims about moments up to that day whose source
    /// was out by then, the replies and history entries recorded by the end of that day in
    /// La Paz, the national figures and census counts published by then, and only the legal
    /// bases whose every cited source was (the others are left empty: their text quotes
    /// later sources, and the page says so).
    pub fn as_of(&self, date: NaiveDate) -> Snapshot {
        let claims: Vec<Claim> = self
            .claims
            .iter()
            .filter(|c| c.knowable_on(date))
            .cloned()
            .collect();
        let known = |id: i64| claims.iter().any(|c| c.id == id);
        let claims = claims
            .iter()
            .cloned()
            .map(|mut c| {
                c.corrected_by = c.corrected_by.filter(|by| known(*by));
                c
            })
            .collect();
        let by_day_end = |at: chrono::DateTime<chrono::Utc>| la_paz_date(at) <= date;
        Snapshot {
            claims,
            history: self
                .history
                .iter()
                .filter(|e| by_day_end(e.at))
                .cloned()
                .collect(),
            replies: self
                .replies
                .iter()
                .filter(|r| by_day_end(r.replied_at))
                .cloned()
                .map(|mut r| {
                    r.review = r.review.filter(|v| by_day_end(v.reviewed_at));
                    r
                })
                .collect(),
            national: self
                .national
                .iter()
                .filter(|f| {
                    f.source
                        .as_ref()
                        .is_none_or(|s| s.published.last_day() <= date)
                })
                .cloned()
                .collect(),
            departments: self
                .departments
                .iter()
                .cloned()
                .map(|mut d| {
                    d.census = d.census.filter(|c| c.knowable_on(date));
                    d
                })
                .collect(),
            requirements: self
                .requirements
                .iter()
                .cloned()
                .map(|mut r| {
                    if !r.legal_basis_knowable_on(date) {
                        r.legal_basis = Bilingual::default();
                        r.legal_basis_sources.clear();
                    }
                    r
                })
                .collect(),
        }
    }

    /// Whether [`Self::as_of`] `date` would leave everything as it is (nothing in the record
    /// is later than that day), so a caller can share this snapshot instead of copying it.
    pub fn unchanged_as_of(&self, date: NaiveDate) -> bool {
        let by_day_end = |at: chrono::DateTime<chrono::Utc>| la_paz_date(at) <= date;
        self.claims.iter().all(|c| c.knowable_on(date))
            && self.history.iter().all(|e| by_day_end(e.at))
            && self.replies.iter().all(|r| {
                by_day_end(r.replied_at)
                    && r.review.as_ref().is_none_or(|v| by_day_end(v.reviewed_at))
            })
            && self.national.iter().all(|f| {
                f.source
                    .as_ref()
                    .is_none_or(|s| s.published.last_day() <= date)
            })
            && self
                .departments
                .iter()
                .all(|d| d.census.as_ref().is_none_or(|c| c.knowable_on(date)))
            && self.requirements.iter().all(|r| {
                r.legal_basis_knowable_on(date)
                    || (r.legal_basis == Bilingual::default() && r.legal_basis_sources.is_empty())
            })
    }

    /// Every open gap on `today`, most severe first, then by department and requirement.
    pub fn gaps(&self, today: NaiveDate) -> Vec<Gap> {
        let mut all: Vec<Gap> = self
            .departments
            .iter()
            .flat_map(|d| self.records_of(d.code))
            .flat_map(|record| {
                let requirement = self.requirement(&record.requirement).cloned();
                requirement
                    .map(|r| gaps_for(&record, &r, today))
                    .unwrap_or_default()
            })
            .collect();
        let position = |code: DepartmentCode| DepartmentCode::ALL.iter().position(|c| *c == code);
        let req_position = |slug: &RequirementSlug| self.requirement(slug).map(|r| r.position);
        all.sort_by(|a, b| {
            a.severity
                .cmp(&b.severity)
                .then_with(|| position(a.department).cmp(&position(b.department)))
                .then_with(|| req_position(&a.requirement).cmp(&req_position(&b.requirement)))
                .then_with(|| a.kind.cmp(&b.kind))
        });
        all
    }

    /// The history of one department, oldest first.
    pub fn history_of(&self, code: DepartmentCode) -> Vec<HistoryEntry> {
        self.history
            .iter()
            .filter(|e| e.department == Some(code))
            .cloned()
            .collect()
    }

    /// The day (in La Paz) Vigía last recorded anything, for "last update" headlines.
    pub fn last_update(&self) -> Option<NaiveDate> {
        self.history.iter().map(|e| la_paz_date(e.at)).max()
    }

    /// The latest moment any standing claim describes: the date the data is about.
    pub fn newest_event(&self) -> Option<PartialDate> {
        self.claims
            .iter()
            .filter(|c| !c.is_corrected())
            .map(|c| c.event_date)
            .max_by_key(|d| (d.first_day(), d.last_day()))
    }
}
