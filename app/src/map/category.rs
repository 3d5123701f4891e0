//! How a department is drawn on the map: its status, whether an in-force status is only
//! reported, and whether Vigía inferred it.

use super::palette::Tone;
use vigia::{Basis, Claim, EvidenceLevel, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MapCategory {
    pub status: Status,
    pub only_reported: bool,
    pub inferred: bool,
}

impl MapCategory {
    pub fn of(current: Option<&Claim>) -> Self {
        match current {
            None => Self {
                status: Status::Unknown,
                only_reported: false,
                inferred: false,
            },
            Some(c) => Self {
                status: c.status,
                only_reported: c.status == Status::InForce
                    && c.evidence_level == EvidenceLevel::Reported,
                inferred: c.basis == Basis::Inferred,
            },
        }
    }

    /// The legend entry's colour, before the "inferred" dots.
    pub fn tone(self) -> Tone {
        Tone::of(self.status, self.only_reported)
    }

    /// The catalog key of the legend entry.
    pub fn legend_key(self) -> &'static str {
        match self.tone() {
            Tone::Missing => "legend-missing",
            Tone::InPreparation => "legend-in-preparation",
            Tone::InForceVerified => "legend-in-force-verified",
            Tone::InForceReported => "legend-in-force-reported",
            Tone::Expired => "legend-expired",
            Tone::Unknown => "legend-unknown",
        }
    }
}
