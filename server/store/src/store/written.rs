//! The records the last write left behind, kept with the data version it committed: the next
//! write to one of them, finding the database still at that version, reads only the claims it
//! adds rather than the whole record again (a record with hundreds of claims made every write
//! to it slower than the last), nor the gaps recorded open.

use std::sync::Mutex;

use vigia::events::OpenGap;
use vigia::{ComplianceRecord, DepartmentCode, RequirementSlug};

/// A record as a write left it.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub record: ComplianceRecord,
    /// Its gaps recorded open, when the write knows them.
    pub open: Option<Vec<OpenGap>>,
}

#[derive(Default)]
pub struct WrittenRecords {
    last: Mutex<(u64, Vec<Written>)>,
}

impl WrittenRecords {
    /// The record as the write that committed `version` left it, when that write touched it.
    pub fn take(
        &self,
        version: u64,
        department: DepartmentCode,
        requirement: &RequirementSlug,
    ) -> Option<Written> {
        let mut last = self
            .last
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if last.0 != version {
            return None;
        }
        let position = last.1.iter().position(|w| {
            w.record.department == department && &w.record.requirement == requirement
        })?;
        Some(last.1.swap_remove(position))
    }

    /// Keeps what the write that committed `version` wrote, unless a later write already
    /// left its own.
    pub fn remember(&self, version: u64, records: Vec<Written>) {
        let mut last = self
            .last
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if version > last.0 {
            *last = (version, records);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty(department: DepartmentCode) -> Written {
        let plan = RequirementSlug::parse("action-plan").unwrap();
        Written {
            record: ComplianceRecord::new(department, plan, Vec::new()),
            open: None,
        }
    }

    #[test]
    fn a_record_is_given_back_once_and_only_at_the_version_it_was_written() {
        let written = WrittenRecords::default();
        let plan = RequirementSlug::parse("action-plan").unwrap();
        written.remember(
            7,
            vec![empty(DepartmentCode::Pando), empty(DepartmentCode::Beni)],
        );
        assert_eq!(
            written.take(8, DepartmentCode::Pando, &plan),
            None,
            "moved on since"
        );
        assert_eq!(
            written.take(7, DepartmentCode::Oruro, &plan),
            None,
            "not written"
        );
        assert_eq!(
            written.take(7, DepartmentCode::Pando, &plan),
            Some(empty(DepartmentCode::Pando))
        );
        assert_eq!(written.take(7, DepartmentCode::Pando, &plan), None, "taken");
        written.remember(6, vec![empty(DepartmentCode::Oruro)]);
        assert_eq!(
            written.take(6, DepartmentCode::Oruro, &plan),
            None,
            "an older write does not replace a newer one"
        );
        assert!(written.take(7, DepartmentCode::Beni, &plan).is_some());
    }
}
