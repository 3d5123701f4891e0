//! Where a required instrument stands.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::ParseError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Missing,
    InPreparation,
    InForce,
    Expired,
    Unknown,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Self::Missing,
        Self::InPreparation,
        Self::InForce,
        Self::Expired,
        Self::Unknown,
    ];

    /// The stable slug used in URLs, the API and the CSV export.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::InPreparation => "in-preparation",
            Self::InForce => "in-force",
            Self::Expired => "expired",
            Self::Unknown => "unknown",
        }
    }
}

impl FromStr for Status {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|status| status.slug() == s)
            .ok_or_else(|| ParseError::UnknownStatus(s.to_owned()))
    }
}
