//! Everything the public pages need at one moment: small enough (nine departments, a handful
//! of requirements) to load whole and derive gaps from in memory.

use chrono::NaiveDate;
use imbl::Vector;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

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
    /// Every claim, in the order recorded. Shared between versions: a write's next version
    /// holds the claims before it and copies only what it changes.
    pub claims: Vector<Claim>,
    pub national: Vec<NationalFigure>,
    /// The public audit trail, oldest first (shared between versions as the claims are).
    #[serde(default)]
    pub history: Vector<HistoryEntry>,
    /// Departments' replies to their gaps, oldest first.
    #[serde(default)]
    pub replies: Vec<GapReply>,
    /// Which claims belong to which record, found on first use.
    #[serde(skip)]
    pub index: RecordIndex,
}

/// The positions of each record's claims in [`Snapshot::claims`]. A page asks for records
/// dozens of times per render, and a scan of every claim each time was most of `/` at 20,000
/// claims. Built on first use; a copy of the snapshot starts without one (it may change), and
/// one built before claims were added or removed is built again.
#[derive(Default)]
pub struct RecordIndex(RwLock<Option<Arc<Positions>>>);

struct Positions {
    claims: usize,
    of: HashMap<(DepartmentCode, RequirementSlug), Arc<[usize]>>,
}

impl Clone for RecordIndex {
    fn clone(&self) -> Self {
        Self::default()
    }
}

/// Derived from the claims, so it never makes two snapshots differ.
impl PartialEq for RecordIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for RecordIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecordIndex")
    }
}

impl Snapshot {
    pub fn department(&self, code: DepartmentCode) -> Option<&Department> {
        self.departments.iter().find(|d| d.code == code)
    }

    pub fn requirement(&self, slug: &RequirementSlug) -> Option<&Requirement> {
        self.requirements.iter().find(|r| &r.slug == slug)
    }

    /// The claim numbered `id`. Claims are kept in the order of their ids, so it is found by
    /// halving; a snapshot put together in another order (by a test) is searched instead.
    pub fn claim(&self, id: i64) -> Option<&Claim> {
        match self.claims.binary_search_by_key(&id, |c| c.id) {
            Ok(at) => self.claims.get(at),
            Err(_) => self.claims.iter().find(|c| c.id == id),
        }
    }

    /// The record of one department and requirement (empty when nobody has claimed anything).
    pub fn record(&self, code: DepartmentCode, slug: &RequirementSlug) -> ComplianceRecord {
        ComplianceRecord::new(
            code,
            slug.clone(),
            self.claims_of(code, slug).cloned().collect(),
        )
    }

    /// [`Self::record`], borrowing the snapshot's claims: for what only reads the record.
    pub fn borrowed_record(
        &self,
        code: DepartmentCode,
        slug: &RequirementSlug,
    ) -> ComplianceRecord<&Claim> {
        ComplianceRecord::new(code, slug.clone(), self.claims_of(code, slug).collect())
    }

    /// One record per requirement for a department, in the requirements' order, borrowing
    /// the snapshot's claims.
    pub fn borrowed_records_of(&self, code: DepartmentCode) -> Vec<ComplianceRecord<&Claim>> {
        self.requirements
            .iter()
            .map(|r| self.borrowed_record(code, &r.slug))
            .collect()
    }

    /// The claims of one department and requirement, in the order recorded, borrowed: what
    /// needs only to read them need not copy the record.
    pub fn claims_of(
        &self,
        code: DepartmentCode,
        slug: &RequirementSlug,
    ) -> impl Iterator<Item = &Claim> + use<'_> {
        let positions = self
            .positions()
            .of
            .get(&(code, slug.clone()))
            .cloned()
            .unwrap_or_else(|| Arc::from([]));
        (0..positions.len()).filter_map(move |i| self.claims.get(positions[i]))
    }

    fn positions(&self) -> Arc<Positions> {
        let current = |p: &Arc<Positions>| p.claims == self.claims.len();
        let built = self.index.0.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(positions) = built.as_ref().filter(|p| current(p)) {
            return positions.clone();
        }
        drop(built);
        let mut of: HashMap<(DepartmentCode, RequirementSlug), Vec<usize>> = HashMap::new();
        for (at, claim) in self.claims.iter().enumerate() {
            of.entry((claim.department, claim.requirement.clone()))
                .or_default()
                .push(at);
        }
        let positions = Arc::new(Positions {
            claims: self.claims.len(),
            of: of.into_iter().map(|(k, v)| (k, Arc::from(v))).collect(),
        });
        let mut slot = self.index.0.write().unwrap_or_else(PoisonError::into_inner);
        *slot = Some(positions.clone());
        positions
    }

    /// The current claim of one department and requirement, as [`ComplianceRecord::current`]
    /// gives it, without copying the record.
    pub fn current(&self, code: DepartmentCode, slug: &RequirementSlug) -> Option<&Claim> {
        self.claims_of(code, slug)
            .filter(|c| !c.is_corrected())
            .max_by_key(|c| c.chronology())
    }

    /// What could be known on a past date: claims about moments up to that day whose source
    /// was out by then, the replies and history entries recorded by the end of that day in
    /// La Paz, the national figures and census counts published by then, and only the legal
    /// bases whose every cited source was (the others are left empty: their text quotes
    /// later sources, and the page says so).
    pub fn as_of(&self, date: NaiveDate) -> Snapshot {
        let claims = claims_keeping(&self.claims, |c| c.knowable_on(date));
        let by_day_end = |at: chrono::DateTime<chrono::Utc>| la_paz_date(at) <= date;
        Snapshot {
            index: RecordIndex::default(),
            claims,
            history: keeping(&self.history, |e| by_day_end(e.at)),
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
    /// The records borrow the snapshot's claims: gaps are computed for every page.
    pub fn gaps(&self, today: NaiveDate) -> Vec<Gap> {
        let mut all: Vec<Gap> = self
            .departments
            .iter()
            .flat_map(|d| self.requirements.iter().map(move |r| (d.code, r)))
            .flat_map(|(code, requirement)| {
                gaps_for(
                    &self.borrowed_record(code, &requirement.slug),
                    requirement,
                    today,
                )
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

    /// The history of one department, oldest first, borrowed.
    pub fn history_of(&self, code: DepartmentCode) -> Vec<&HistoryEntry> {
        self.history
            .iter()
            .filter(|e| e.department == Some(code))
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

/// `items` without those `keep` refuses, sharing with `items` what stays: a prefix (history
/// is kept in the order recorded, so a past day keeps one) or all but a few costs no copy of
/// the items kept; otherwise the kept ones are copied.
pub fn keeping<T: Clone>(items: &Vector<T>, keep: impl Fn(&T) -> bool) -> Vector<T> {
    let dropped: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| !keep(item))
        .map(|(at, _)| at)
        .collect();
    let kept = items.len() - dropped.len();
    if dropped.first().is_none_or(|first| *first == kept) {
        return items.take(kept);
    }
    if dropped.len() <= FEW {
        let mut shared = items.clone();
        for at in dropped.into_iter().rev() {
            shared.remove(at);
        }
        return shared;
    }
    items.iter().filter(|item| keep(item)).cloned().collect()
}

/// Removed one by one below this many, each copying a branch of the shared vector.
const FEW: usize = 64;

/// [`keeping`] for claims: a kept claim that a dropped one corrected stands again.
pub fn claims_keeping(claims: &Vector<Claim>, keep: impl Fn(&Claim) -> bool) -> Vector<Claim> {
    let mut kept = keeping(claims, keep);
    let mut ids: Vec<i64> = kept.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    let orphaned: Vec<usize> = kept
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.corrected_by
                .is_some_and(|by| ids.binary_search(&by).is_err())
        })
        .map(|(at, _)| at)
        .collect();
    for at in orphaned {
        if let Some(claim) = kept.get_mut(at) {
            claim.corrected_by = None;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gaps::tests::claim;
    use crate::Status;
    use proptest::prelude::*;

    /// What `claims_keeping` must equal: the kept claims copied one by one, a correction by
    /// a dropped claim undone.
    fn filtered(claims: &[Claim], keep: &[bool]) -> Vec<Claim> {
        let kept_ids: Vec<i64> = claims
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c.id)
            .collect();
        claims
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| {
                let mut c = c.clone();
                c.corrected_by = c.corrected_by.filter(|by| kept_ids.contains(by));
                c
            })
            .collect()
    }

    /// A record's claims through the index are those a scan finds, in the same order, also
    /// once claims were added after the index was built.
    #[test]
    fn a_records_claims_are_those_a_scan_finds() {
        use crate::DepartmentCode::{LaPaz, Oruro};
        let at = |id: i64, code: DepartmentCode| Claim {
            id,
            department: code,
            ..claim(Status::Missing)
        };
        let scan = |s: &Snapshot, code: DepartmentCode| -> Vec<i64> {
            let slug = claim(Status::Missing).requirement;
            s.claims
                .iter()
                .filter(|c| c.department == code && c.requirement == slug)
                .map(|c| c.id)
                .collect()
        };
        let indexed = |s: &Snapshot, code: DepartmentCode| -> Vec<i64> {
            let slug = claim(Status::Missing).requirement;
            s.claims_of(code, &slug).map(|c| c.id).collect()
        };
        let mut snapshot = Snapshot {
            claims: vec![at(1, LaPaz), at(2, Oruro), at(3, LaPaz)].into(),
            ..Snapshot::default()
        };
        assert_eq!(indexed(&snapshot, LaPaz), vec![1, 3]);
        assert_eq!(indexed(&snapshot, LaPaz), scan(&snapshot, LaPaz));
        snapshot.claims.push_back(at(4, Oruro));
        assert_eq!(indexed(&snapshot, Oruro), vec![2, 4]);
        let copy = snapshot.clone();
        assert_eq!(indexed(&copy, LaPaz), scan(&snapshot, LaPaz));
    }

    proptest! {
        /// Whether a prefix, a few or many are dropped (each a different way to share), the
        /// result is the plain filter's.
        #[test]
        fn keeping_equals_filtering(
            keep in prop::collection::vec(prop_oneof![9 => Just(true), 1 => Just(false)], 0..300),
            prefix in any::<bool>(),
            corrections in prop::collection::vec((0usize..300, 0usize..300), 0..20),
        ) {
            let keep: Vec<bool> = if prefix {
                let kept = keep.iter().filter(|k| **k).count();
                (0..keep.len()).map(|i| i < kept).collect()
            } else {
                keep
            };
            let mut claims: Vec<Claim> = (0..keep.len())
                .map(|i| Claim { id: i as i64 + 1, ..claim(Status::Missing) })
                .collect();
            for (corrected, by) in corrections {
                if corrected < by && by < claims.len() {
                    claims[corrected].corrected_by = Some(by as i64 + 1);
                }
            }
            let shared: Vector<Claim> = claims.clone().into();
            let kept = claims_keeping(&shared, |c| keep[(c.id - 1) as usize]);
            prop_assert_eq!(kept.into_iter().collect::<Vec<_>>(), filtered(&claims, &keep));
            // The original is untouched.
            prop_assert_eq!(shared.into_iter().collect::<Vec<_>>(), claims);
        }

        #[test]
        fn keeping_many_dropped_equals_filtering(
            keep in prop::collection::vec(any::<bool>(), 0..400),
        ) {
            let items: Vector<usize> = (0..keep.len()).collect();
            let expected: Vec<usize> = (0..keep.len()).filter(|i| keep[*i]).collect();
            let kept = keeping(&items, |i| keep[*i]);
            prop_assert_eq!(kept.into_iter().collect::<Vec<_>>(), expected);
        }
    }
}

#[cfg(test)]
mod layout {
    use super::*;
    use std::mem::size_of;

    /// What one chunk of a snapshot's vectors takes: imbl keeps 64 items in one allocation,
    /// after the shared pointer's two counts and the chunk's two bounds.
    fn chunk_bytes<T>() -> usize {
        64 * size_of::<T>() + 4 * size_of::<usize>()
    }

    /// mimalloc serves each chunk from a block of the size class above it (four classes to a
    /// doubling: 24, 28, 32, 40 KiB). At 552 bytes a claim put every 64 claims in a 40 KiB
    /// block, at 472 in a 32 KiB one; at 447 or fewer they fit 28 KiB, about 6 MB less at
    /// 100,000 claims (its optional texts are boxed `str`s, 8 bytes less each than a
    /// `String`). A field that takes either type over its class is worth a box.
    #[test]
    fn a_chunk_of_claims_fits_28_kib_and_one_of_history_entries_10_kib() {
        println!(
            "claim {} bytes, history entry {} bytes",
            size_of::<Claim>(),
            size_of::<HistoryEntry>()
        );
        assert!(chunk_bytes::<Claim>() <= 28 * 1024);
        assert!(chunk_bytes::<HistoryEntry>() <= 10 * 1024);
    }
}
