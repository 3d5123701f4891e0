//! What each write committed here changed, by data version, so that caches can keep what a
//! write left as it was. Only writes that just add claims to records say so; any other
//! version (another process's write, an account or moderation change) is unknown here, and
//! whoever asks must take everything as changed.

use chrono::NaiveDate;
use std::collections::VecDeque;
use std::sync::Mutex;

use vigia::{DepartmentCode, RequirementSlug};

/// One record a write changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touched {
    pub department: DepartmentCode,
    pub requirement: RequirementSlug,
    /// Whether it reads differently at a glance (`vigia::Glance`) on the write's day, so a
    /// map of every department changed too.
    pub glance_moved: bool,
}

/// How many versions are remembered: a cache further behind than this starts afresh.
const REMEMBERED: usize = 64;

#[derive(Default)]
pub struct TouchedLog {
    versions: Mutex<VecDeque<(u64, NaiveDate, Vec<Touched>)>>,
}

impl TouchedLog {
    pub fn remember(&self, version: u64, day: NaiveDate, touched: Vec<Touched>) {
        let mut versions = self.versions.lock().unwrap_or_else(|p| p.into_inner());
        if versions.len() == REMEMBERED {
            versions.pop_front();
        }
        versions.push_back((version, day, touched));
    }

    /// The records changed by every version after `from` up to `to`, each written here on
    /// `day`; `None` when any of them is unknown.
    pub fn between(&self, from: u64, to: u64, day: NaiveDate) -> Option<Vec<Touched>> {
        let versions = self.versions.lock().unwrap_or_else(|p| p.into_inner());
        let mut touched = Vec::new();
        for version in from.checked_add(1)?..=to {
            let (_, written_on, records) = versions.iter().find(|(v, _, _)| *v == version)?;
            if *written_on != day {
                return None;
            }
            touched.extend(records.iter().cloned());
        }
        Some(touched)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touched(department: DepartmentCode, glance_moved: bool) -> Vec<Touched> {
        vec![Touched {
            department,
            requirement: RequirementSlug::parse("action-plan").unwrap(),
            glance_moved,
        }]
    }

    #[test]
    fn versions_are_known_only_when_each_was_written_here_on_the_day() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let log = TouchedLog::default();
        log.remember(5, day, touched(DepartmentCode::Pando, false));
        log.remember(6, day, touched(DepartmentCode::Beni, true));
        // Version 7 was another process's.
        log.remember(8, day, touched(DepartmentCode::Oruro, false));
        let both = log.between(4, 6, day).unwrap();
        assert_eq!(both.len(), 2);
        assert_eq!(both[1].department, DepartmentCode::Beni);
        assert_eq!(log.between(6, 6, day), Some(Vec::new()));
        assert_eq!(log.between(6, 8, day), None);
        assert_eq!(log.between(3, 5, day), None, "version 4 is unknown");
        assert_eq!(log.between(4, 5, day.succ_opt().unwrap()), None);
        for version in 9..9 + REMEMBERED as u64 {
            log.remember(version, day, Vec::new());
        }
        assert_eq!(log.between(7, 8, day), None, "forgotten");
    }
}
