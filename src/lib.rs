//! Vigía's domain: Bolivia's departments, the instruments the anti-trafficking law requires of
//! them, the dated and sourced claims about each, and the rules that turn claims into gaps.
//!
//! Plain Rust with no I/O: it compiles for the server and for the browser (wasm), and the
//! persistence and UI layers depend on it, never the reverse.

pub mod access;
pub mod claim;
pub mod clock;
pub mod date;
pub mod department;
pub mod document;
pub mod drafts;
pub mod events;
pub mod gaps;
pub mod history;
pub mod import;
pub mod language;
pub mod national;
pub mod new_claim;
pub mod office;
pub mod open_data;
pub mod ports;
pub mod record;
pub mod reply;
pub mod requirement;
pub mod snapshot;
pub mod spreadsheet;
pub mod status;
pub mod subscriptions;
pub mod text;

pub use claim::{
    Basis, Claim, EvidenceKind, EvidenceLevel, EvidenceLink, Glance, Quality, QualityCriterion,
    Source, TriState,
};
pub use clock::{la_paz_date, la_paz_time, Clock, FixedClock, ManualClock};
pub use date::{DatePrecision, PartialDate};
pub use department::{Census, Department, DepartmentCode};
pub use document::Document;
pub use gaps::{Gap, GapKind, Severity};
pub use history::{HistoryAction, HistoryEntry};
pub use record::ComplianceRecord;
pub use reply::{GapReply, ReviewOutcome};
pub use requirement::{Requirement, RequirementSlug};
pub use snapshot::Snapshot;
pub use status::Status;

/// An input that did not parse into a domain value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("unknown department code {0:?}")]
    UnknownDepartment(String),
    #[error("unknown status {0:?}")]
    UnknownStatus(String),
    #[error("unknown gap kind {0:?}")]
    UnknownGapKind(String),
    #[error("unknown severity {0:?}")]
    UnknownSeverity(String),
    #[error("invalid requirement slug {0:?}")]
    InvalidRequirementSlug(String),
    #[error("unknown evidence level {0:?}")]
    UnknownEvidenceLevel(String),
    #[error("unknown basis {0:?}")]
    UnknownBasis(String),
    #[error("unknown evidence kind {0:?}")]
    UnknownEvidenceKind(String),
    #[error("unknown event kind {0:?}")]
    UnknownEventKind(String),
    #[error("unknown history action {0:?}")]
    UnknownHistoryAction(String),
    #[error("unknown role {0:?}")]
    UnknownRole(String),
    #[error("invalid date {0:?}")]
    InvalidDate(String),
    /// Written as a date, but the calendar has no such day (`2026-02-30`).
    #[error("no such date {0:?}")]
    NoSuchDate(String),
}
