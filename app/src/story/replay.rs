//! The current claim of one record as it could be known on a day, for days taken in order:
//! what `?as_of=` rebuilds for one day, computed for many days from the record's change
//! points. Rebuilding the record for every day the timeline steps on cost days × claims,
//! which at 20,000 claims took seconds; this sweep costs a sort and a set operation per
//! change.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use vigia::Claim;

/// A claim entering (`true`) or leaving the standing set on a day, by its position in the
/// record's chronological order.
type Change = (NaiveDate, usize, bool);

pub struct Replay<'a> {
    /// The record's claims in chronological order ([`Claim::chronology`]).
    claims: Vec<&'a Claim>,
    /// Sorted by day; the next one not yet applied is `changes[next]`.
    changes: Vec<Change>,
    next: usize,
    /// Positions of the claims that stand on the last day asked about.
    standing: BTreeSet<usize>,
}

impl<'a> Replay<'a> {
    /// A replay of the record made of `claims`, in any order.
    pub fn new(claims: impl IntoIterator<Item = &'a Claim>) -> Self {
        let mut claims: Vec<&Claim> = claims.into_iter().collect();
        claims.sort_by_key(|c| c.chronology());
        // A correction counts once the correcting claim is knowable, and only when it is in
        // the same record; should an id repeat, the first day any claim with it is knowable.
        let mut knowable_from: HashMap<i64, NaiveDate> = HashMap::with_capacity(claims.len());
        for claim in &claims {
            let from = claim.knowable_from();
            knowable_from
                .entry(claim.id)
                .and_modify(|day| *day = (*day).min(from))
                .or_insert(from);
        }
        let mut changes: Vec<Change> = Vec::with_capacity(claims.len() * 2);
        for (position, claim) in claims.iter().enumerate() {
            let from = claim.knowable_from();
            let until = claim
                .corrected_by
                .and_then(|by| knowable_from.get(&by).copied());
            match until {
                // Corrected by the time anyone could know it: it never stands.
                Some(until) if until <= from => {}
                Some(until) => changes.extend([(from, position, true), (until, position, false)]),
                None => changes.push((from, position, true)),
            }
        }
        changes.sort_unstable();
        Self {
            claims,
            changes,
            next: 0,
            standing: BTreeSet::new(),
        }
    }

    /// The record's claims, in chronological order.
    pub fn claims(&self) -> impl Iterator<Item = &'a Claim> + '_ {
        self.claims.iter().copied()
    }

    /// The current claim on `day`, as [`vigia::ComplianceRecord::current`] gives it for the
    /// record as known that day. Days asked about must not go back.
    pub fn current_on(&mut self, day: NaiveDate) -> Option<&'a Claim> {
        while let Some(&(at, position, enters)) = self.changes.get(self.next) {
            if at > day {
                break;
            }
            if enters {
                self.standing.insert(position);
            } else {
                self.standing.remove(&position);
            }
            self.next += 1;
        }
        self.standing.last().map(|position| self.claims[*position])
    }
}
