//! The compliance record of one department for one requirement: its claims in the order of
//! what they describe.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use crate::{Claim, DepartmentCode, RequirementSlug};

/// Its claims are owned (`Claim`) or borrowed from a snapshot (`&Claim`) by what only reads
/// them, such as the gap rules over every record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceRecord<C = Claim> {
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    /// Every claim, corrected ones included, in chronological order ([`Claim::chronology`]).
    pub claims: Vec<C>,
}

impl<C: Borrow<Claim>> ComplianceRecord<C> {
    /// A record of `claims` in any order; they are put in chronological order.
    pub fn new(department: DepartmentCode, requirement: RequirementSlug, claims: Vec<C>) -> Self {
        let mut claims = claims;
        claims.sort_by_key(|c| c.borrow().chronology());
        Self {
            department,
            requirement,
            claims,
        }
    }

    /// The claims that count: all but those a later claim corrected, oldest first.
    pub fn standing(&self) -> impl DoubleEndedIterator<Item = &Claim> + Clone {
        self.claims
            .iter()
            .map(|c| c.borrow())
            .filter(|c| !c.is_corrected())
    }

    /// The current state: the standing claim about the latest moment (ties: the most
    /// recently published source, then the last recorded), not simply the last one typed in.
    pub fn current(&self) -> Option<&Claim> {
        self.standing().next_back()
    }

    /// When sources disagree about the current state: the current claim first, then, for each
    /// other original author, their latest claim that disagrees with it. Two claims disagree
    /// when they describe overlapping moments with different statuses, or give different ends
    /// to validities that overlap (one source says a plan runs to 2025, another to 2028).
    /// Empty when nobody disagrees. A change over time is not a disagreement: claims about
    /// moments and validities that do not overlap never count.
    ///
    /// The gap rules keep following the current claim, ends included: the newest source's end
    /// of validity is the one that raises `expiring-soon` and `expired`, and the other ends
    /// are shown beside it here.
    pub fn disagreement(&self) -> Vec<&Claim> {
        let Some(current) = self.current() else {
            return Vec::new();
        };
        let mut sides = vec![current];
        let mut heard: Vec<&Claim> = vec![current];
        let relevant = self.standing().rev().filter(|c| {
            c.event_date.overlaps(current.event_date) || validities_overlap(c, current)
        });
        for claim in relevant {
            if heard.iter().any(|c| same_author(c, claim)) {
                continue;
            }
            heard.push(claim);
            let other_status =
                claim.event_date.overlaps(current.event_date) && claim.status != current.status;
            if other_status || ends_differ(claim, current) {
                sides.push(claim);
            }
        }
        if sides.len() > 1 {
            sides
        } else {
            Vec::new()
        }
    }
}

impl ComplianceRecord {
    /// The record as it was before the claims `added` were recorded: without them, and with
    /// what they corrected counting again. A write reads the record once, after its change.
    pub fn without(&self, added: &[i64]) -> ComplianceRecord {
        let claims = self
            .claims
            .iter()
            .filter(|c| !added.contains(&c.id))
            .map(|c| {
                let mut claim = c.clone();
                if claim.corrected_by.is_some_and(|by| added.contains(&by)) {
                    claim.corrected_by = None;
                }
                claim
            })
            .collect();
        Self {
            department: self.department,
            requirement: self.requirement.clone(),
            claims,
        }
    }

    /// The record once the claims `added` are recorded, `corrections` (corrected id,
    /// correcting id) among them: the inverse of [`Self::without`], so a write can take the
    /// record before from memory and read only what it added.
    pub fn with(&self, added: Vec<Claim>, corrections: &[(i64, i64)]) -> ComplianceRecord {
        let claims = self
            .claims
            .iter()
            .map(|c| {
                let mut claim = c.clone();
                if let Some((_, by)) = corrections.iter().find(|(corrected, _)| *corrected == c.id)
                {
                    claim.corrected_by = Some(*by);
                }
                claim
            })
            .chain(added)
            .collect();
        Self::new(self.department, self.requirement.clone(), claims)
    }
}

/// The days a claim says its instrument is valid, when it gives an end: from the start it
/// gives (its validity's, else the status's), else from the moment it describes, when the
/// instrument was valid by its own account.
fn validity(claim: &Claim) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let end = claim.valid_until?.last_day();
    let start = claim
        .valid_from
        .or(claim.status_since)
        .unwrap_or(claim.event_date)
        .first_day();
    Some((start.min(end), end))
}

fn validities_overlap(a: &Claim, b: &Claim) -> bool {
    match (validity(a), validity(b)) {
        (Some((a_start, a_end)), Some((b_start, b_end))) => a_start <= b_end && b_start <= a_end,
        _ => false,
    }
}

/// Overlapping validities that end on different days ("2025" and "2028"; "2025" and
/// "2025-12-31" end together).
fn ends_differ(a: &Claim, b: &Claim) -> bool {
    validities_overlap(a, b)
        && a.valid_until.map(|d| d.last_day()) != b.valid_until.map(|d| d.last_day())
}

fn same_author(a: &Claim, b: &Claim) -> bool {
    a.source
        .author
        .trim()
        .eq_ignore_ascii_case(b.source.author.trim())
}
