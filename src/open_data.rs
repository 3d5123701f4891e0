//! The open data tables: their columns, each column's type and allowed values, and which
//! columns carry a code that spreadsheets show with its name beside it. The CSV exports,
//! the workbook, the data package descriptor and the data dictionary all read this one
//! description, so they cannot disagree.

use chrono::{NaiveDate, Utc};
use std::sync::Arc;

use crate::claim::{Basis, EvidenceLevel, TriState};
use crate::gaps::{GapKind, Severity};
use crate::snapshot::claims_keeping;
use crate::{la_paz_date, DepartmentCode, Snapshot, Status};

/// A column's type, as the Frictionless table schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Integer,
    /// `YYYY-MM-DD`.
    Date,
    /// RFC 3339, in UTC.
    DateTime,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the source is.
    PartialDate,
}

impl FieldType {
    /// The slug the data dictionary shows and the catalog names (`data-type-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Integer => "integer",
            Self::Date => "date",
            Self::DateTime => "datetime",
            Self::PartialDate => "partial-date",
        }
    }
}

/// The pattern a partial date matches.
pub const PARTIAL_DATE_PATTERN: &str = r"\d{4}(-\d{2}(-\d{2})?)?";

/// Where a column's allowed values come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    Any,
    Departments,
    /// The requirements the record tracks (data, not code).
    Requirements,
    Statuses,
    EvidenceLevels,
    Bases,
    TriStates,
    GapKinds,
    Severities,
}

impl Values {
    /// The allowed codes, when they are fixed by the domain.
    pub fn fixed(self) -> Option<Vec<&'static str>> {
        Some(match self {
            Self::Any | Self::Requirements => return None,
            Self::Departments => DepartmentCode::ALL.iter().map(|d| d.as_str()).collect(),
            Self::Statuses => Status::ALL.iter().map(|s| s.slug()).collect(),
            Self::EvidenceLevels => [EvidenceLevel::Reported, EvidenceLevel::Verified]
                .iter()
                .map(|e| e.slug())
                .collect(),
            Self::Bases => Basis::ALL.iter().map(|b| b.slug()).collect(),
            Self::TriStates => [TriState::Yes, TriState::No, TriState::Unknown]
                .iter()
                .map(|t| t.slug())
                .collect(),
            Self::GapKinds => GapKind::ALL.iter().map(|k| k.slug()).collect(),
            Self::Severities => Severity::ALL.iter().map(|s| s.slug()).collect(),
        })
    }
}

/// The names spreadsheets show beside a code, in columns of their own after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    None,
    /// `<column>_name`: the department's name (the same in both languages).
    DepartmentName,
    /// `<column>_es` and `<column>_en`: the requirement's name.
    Requirement,
    /// `<column>_es` and `<column>_en`: the requirement's own words for the status.
    Status,
    /// `<column>_es` and `<column>_en`: the catalog's words for `<prefix><code>`.
    Catalog(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub field_type: FieldType,
    pub values: Values,
    pub labels: Labels,
    /// Never empty.
    pub required: bool,
}

impl Column {
    const fn text(name: &'static str) -> Self {
        Self::of(name, FieldType::Text)
    }

    const fn of(name: &'static str, field_type: FieldType) -> Self {
        Self {
            name,
            field_type,
            values: Values::Any,
            labels: Labels::None,
            required: false,
        }
    }

    const fn coded(name: &'static str, values: Values, labels: Labels) -> Self {
        Self {
            values,
            labels,
            required: true,
            ..Self::text(name)
        }
    }

    const fn required(self) -> Self {
        Self {
            required: true,
            ..self
        }
    }

    /// The label columns spreadsheets get after this one.
    pub fn label_columns(&self) -> Vec<String> {
        match self.labels {
            Labels::None => Vec::new(),
            Labels::DepartmentName => vec![format!("{}_name", self.name)],
            Labels::Requirement | Labels::Status | Labels::Catalog(_) => {
                vec![format!("{}_es", self.name), format!("{}_en", self.name)]
            }
        }
    }
}

/// One table of the open data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// The file's stem and the data package's resource name.
    pub name: &'static str,
    pub columns: &'static [Column],
}

impl Table {
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.columns.iter().map(|c| c.name)
    }

    /// The spreadsheet header: each column, then its label columns.
    pub fn labelled_names(&self) -> Vec<String> {
        self.columns
            .iter()
            .flat_map(|c| std::iter::once(c.name.to_owned()).chain(c.label_columns()))
            .collect()
    }
}

const DEPARTMENT: Column = Column::coded(
    "department_code",
    Values::Departments,
    Labels::DepartmentName,
);
const REQUIREMENT: Column = Column::coded("requirement", Values::Requirements, Labels::Requirement);
const STATUS: Column = Column::coded("status", Values::Statuses, Labels::Status);
const BASIS: Column = Column::coded("basis", Values::Bases, Labels::Catalog("basis-"));
const fn quality(name: &'static str) -> Column {
    Column::coded(name, Values::TriStates, Labels::Catalog("tri-state-"))
}

/// The current state of every department and requirement. The first ten columns are the
/// original export's, in their order; later ones were added.
pub const RECORDS: Table = Table {
    name: "records",
    columns: &[
        DEPARTMENT,
        REQUIREMENT,
        STATUS,
        Column::of("status_since", FieldType::PartialDate),
        Column::of("due_date", FieldType::Date),
        Column::of("valid_until", FieldType::PartialDate),
        Column::text("approving_instrument"),
        Column {
            required: false,
            ..Column::coded(
                "evidence_level",
                Values::EvidenceLevels,
                Labels::Catalog("evidence-"),
            )
        },
        Column::of("last_claim_date", FieldType::Date),
        Column::text("source_url"),
        Column {
            required: false,
            ..BASIS
        },
        Column::of("event_date", FieldType::PartialDate),
        Column::text("source_author"),
        Column::text("source_publisher"),
        Column::text("source_title"),
        Column::of("source_date", FieldType::PartialDate),
    ],
};

/// Every claim ever recorded, oldest first: the import's columns, so it imports as it is.
pub const CLAIMS: Table = Table {
    name: "claims",
    columns: &[
        Column::of("claim_id", FieldType::Integer).required(),
        DEPARTMENT,
        REQUIREMENT,
        STATUS,
        Column::of("status_since", FieldType::PartialDate),
        Column::of("due_date", FieldType::Date),
        Column::of("valid_from", FieldType::PartialDate),
        Column::of("valid_until", FieldType::PartialDate),
        Column::text("approving_instrument"),
        Column::coded(
            "evidence_level",
            Values::EvidenceLevels,
            Labels::Catalog("evidence-"),
        ),
        Column::text("note_es"),
        Column::text("note_en"),
        Column::text("source_author").required(),
        Column::text("source_publisher"),
        Column::text("source_title").required(),
        Column::text("source_url").required(),
        Column::of("source_date", FieldType::PartialDate).required(),
        Column::of("recorded_at", FieldType::DateTime).required(),
        BASIS,
        Column::of("event_date", FieldType::PartialDate).required(),
        Column::text("evidence_primary"),
        Column::text("evidence_links"),
        quality("quality_responsible_institutions"),
        quality("quality_timetable"),
        quality("quality_financing"),
        quality("quality_indicators"),
        quality("quality_published"),
        Column::text("source_locator"),
        Column::text("source_quote"),
        Column::text("source_attribution_es"),
        Column::text("source_attribution_en"),
        Column::of("corrected_by", FieldType::Integer),
        Column::of("corrects", FieldType::Integer),
        Column::text("correction_reason"),
    ],
};

/// The open gaps, most severe first, as `/api/v1/gaps` lists them.
pub const GAPS: Table = Table {
    name: "gaps",
    columns: &[
        Column::coded("department", Values::Departments, Labels::DepartmentName),
        REQUIREMENT,
        Column::coded("kind", Values::GapKinds, Labels::Catalog("gap-kind-")),
        Column::coded("severity", Values::Severities, Labels::Catalog("severity-")),
        Column::of("since", FieldType::PartialDate),
        Column::text("message").required(),
    ],
};

/// The national figures shown beside the map, each with its source.
pub const NATIONAL: Table = Table {
    name: "national",
    columns: &[
        Column::coded("figure", Values::Any, Labels::None),
        Column::text("period").required(),
        Column::text("value"),
        Column::text("source_author"),
        Column::text("source_publisher"),
        Column::text("source_title"),
        Column::text("source_url"),
        Column::of("source_date", FieldType::PartialDate),
        Column::text("statement_es").required(),
        Column::text("statement_en").required(),
    ],
};

const fn count(name: &'static str) -> Column {
    Column::of(name, FieldType::Integer).required()
}

/// How many departments stood in each state of each requirement, from every day that changed
/// it: the series the timeline on `/` draws, whole (the page shows only its latest steps).
/// The count columns follow the map's groups; `unconfirmed` counts what nobody stated (an
/// unknown status, or one Vigía inferred).
pub const TIMELINE: Table = Table {
    name: "timeline",
    columns: &[
        REQUIREMENT,
        Column::of("changed_in", FieldType::PartialDate).required(),
        Column::of("shown_from", FieldType::Date).required(),
        count("missing"),
        count("expired"),
        count("in_preparation"),
        count("in_force_reported"),
        count("in_force_verified"),
        count("unconfirmed"),
    ],
};

/// Every table, in the order the data page, the workbook and the data package list them.
pub const TABLES: [Table; 5] = [RECORDS, CLAIMS, GAPS, NATIONAL, TIMELINE];

pub fn table(name: &str) -> Option<Table> {
    TABLES.into_iter().find(|t| t.name == name)
}

/// What a citation names: the day the data describes and the version, the number of the
/// last public history entry recorded by the end of that day (it grows with every change).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataVersion {
    pub as_of: NaiveDate,
    pub entry: i64,
}

impl DataVersion {
    /// `2026-12-05.1234`: the day, then the last history entry.
    pub fn label(&self) -> String {
        format!("{}.{}", self.as_of, self.entry)
    }
}

/// The record as it stood at the end of `as_of` in La Paz: only what had been recorded by
/// then, as it could be known then. Exports built from it give the same bytes again once
/// that day is over, so a citation's version can be downloaded again. When nothing in the
/// record is later than that day, the snapshot itself is shared rather than copied.
pub fn as_recorded(snapshot: &Arc<Snapshot>, as_of: NaiveDate) -> (Arc<Snapshot>, DataVersion) {
    let by_day_end = |at: chrono::DateTime<Utc>| la_paz_date(at) <= as_of;
    let known = if snapshot.claims.iter().all(|c| by_day_end(c.recorded_at))
        && snapshot.unchanged_as_of(as_of)
    {
        snapshot.clone()
    } else {
        let recorded = Snapshot {
            claims: claims_keeping(&snapshot.claims, |c| by_day_end(c.recorded_at)),
            ..Snapshot::clone(snapshot)
        };
        Arc::new(recorded.as_of(as_of))
    };
    let entry = known.history.iter().map(|e| e.id).max().unwrap_or(0);
    (known, DataVersion { as_of, entry })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_names_each_column_once_and_labels_follow_their_code() {
        for table in TABLES {
            let mut names: Vec<&str> = table.names().collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), table.columns.len(), "{}", table.name);
        }
        let labelled = RECORDS.labelled_names();
        assert_eq!(
            labelled[..7],
            [
                "department_code",
                "department_code_name",
                "requirement",
                "requirement_es",
                "requirement_en",
                "status",
                "status_es"
            ]
        );
    }

    #[test]
    fn fixed_values_are_the_domain_codes() {
        assert_eq!(Values::Statuses.fixed().unwrap().len(), Status::ALL.len());
        assert!(Values::Departments.fixed().unwrap().contains(&"BO-N"));
        assert_eq!(Values::Requirements.fixed(), None);
        assert_eq!(table("claims"), Some(CLAIMS));
        assert_eq!(table("nothing"), None);
    }

    #[test]
    fn a_version_holds_only_what_was_recorded_by_the_end_of_its_day() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
        // 20 January, 12:00 UTC; the second is recorded two days later and corrects it.
        let first = crate::gaps::tests::claim(Status::Missing);
        let mut second = crate::gaps::tests::claim(Status::InForce);
        second.id = 2;
        second.recorded_at = first.recorded_at + chrono::Duration::days(2);
        second.corrects = Some(1);
        let mut first = first;
        first.corrected_by = Some(2);
        let snapshot = Arc::new(Snapshot {
            claims: vec![first, second].into(),
            ..Snapshot::default()
        });
        let (before, version) = as_recorded(&snapshot, day(21));
        assert_eq!(before.claims.len(), 1);
        assert_eq!(
            before.claims[0].corrected_by, None,
            "its correction came later"
        );
        assert_eq!(version.label(), "2024-01-21.0");
        let (after, _) = as_recorded(&snapshot, day(22));
        assert_eq!(after.claims.len(), 2);
        assert_eq!(after.claims[0].corrected_by, Some(2));
        assert_eq!(as_recorded(&snapshot, day(19)).0.claims.len(), 0);
        // Once nothing is later than the day, the snapshot is shared, not copied.
        let (later, _) = as_recorded(&snapshot, day(30));
        assert!(Arc::ptr_eq(&later, &snapshot));
        assert!(!Arc::ptr_eq(&before, &snapshot));
    }

    #[test]
    fn a_snapshot_said_unchanged_on_a_day_is_what_that_day_shows() {
        let first = crate::gaps::tests::claim(Status::Missing);
        let mut second = crate::gaps::tests::claim(Status::InForce);
        second.id = 2;
        second.event_date = crate::PartialDate::parse("2024-03").unwrap();
        second.source.published = crate::PartialDate::parse("2024-03-10").unwrap();
        let snapshot = Snapshot {
            claims: vec![first, second].into(),
            ..Snapshot::default()
        };
        let mut said = 0;
        for offset in 0..120 {
            let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(offset);
            if snapshot.unchanged_as_of(day) {
                said += 1;
                assert_eq!(snapshot.as_of(day), snapshot, "{day}");
            } else {
                assert_ne!(snapshot.as_of(day), snapshot, "{day}");
            }
        }
        assert!(said > 0 && said < 120, "both answers are exercised");
    }
}
