//! Bolivia's nine departments, identified by their ISO 3166-2:BO codes.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::{ParseError, PartialDate};

/// An ISO 3166-2:BO department code; only the nine real ones parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum DepartmentCode {
    LaPaz,
    Oruro,
    Potosi,
    Cochabamba,
    Chuquisaca,
    Tarija,
    SantaCruz,
    Beni,
    Pando,
}

impl DepartmentCode {
    /// All nine, in the order the law and the Ombudsman's reports usually list them.
    pub const ALL: [DepartmentCode; 9] = [
        Self::LaPaz,
        Self::Oruro,
        Self::Potosi,
        Self::Cochabamba,
        Self::Chuquisaca,
        Self::Tarija,
        Self::SantaCruz,
        Self::Beni,
        Self::Pando,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::LaPaz => "BO-L",
            Self::Oruro => "BO-O",
            Self::Potosi => "BO-P",
            Self::Cochabamba => "BO-C",
            Self::Chuquisaca => "BO-H",
            Self::Tarija => "BO-T",
            Self::SantaCruz => "BO-S",
            Self::Beni => "BO-B",
            Self::Pando => "BO-N",
        }
    }

    /// Accepts the code in any letter case ("bo-l" as well as "BO-L").
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let wanted = input.trim().to_ascii_uppercase();
        Self::ALL
            .into_iter()
            .find(|code| code.as_str() == wanted)
            .ok_or_else(|| ParseError::UnknownDepartment(input.to_owned()))
    }
}

impl fmt::Display for DepartmentCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DepartmentCode {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for DepartmentCode {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<DepartmentCode> for String {
    fn from(code: DepartmentCode) -> Self {
        code.as_str().to_owned()
    }
}

/// Facts about a department, each from a cited public source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Department {
    pub code: DepartmentCode,
    pub name: String,
    pub capital: String,
    pub area_km2: u32,
    /// `None` in a view of a day before the census was published.
    pub census: Option<Census>,
}

/// A department's population as a census counted it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Census {
    pub population: u32,
    pub year: u16,
    /// Who published the figure, and when, in words.
    pub source: String,
}

impl Census {
    /// When the figure could first be known. Only the census year is stored, so it counts as
    /// published by the end of that year: a view of an earlier day never shows it, at the
    /// cost of hiding it for the months between its presentation and the year's end.
    pub fn published(&self) -> Option<PartialDate> {
        PartialDate::parse(&self.year.to_string()).ok()
    }

    /// Whether the figure was out by the end of `date` (a year no date parses as never is).
    pub fn knowable_on(&self, date: chrono::NaiveDate) -> bool {
        self.published().is_some_and(|p| p.last_day() <= date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for code in DepartmentCode::ALL {
            assert_eq!(DepartmentCode::parse(code.as_str()), Ok(code));
        }
    }

    #[test]
    fn parsing_ignores_case_and_rejects_strangers() {
        assert_eq!(DepartmentCode::parse("bo-n"), Ok(DepartmentCode::Pando));
        assert!(DepartmentCode::parse("BO-X").is_err());
        assert!(DepartmentCode::parse("").is_err());
        assert!(DepartmentCode::parse("BO-L-1").is_err());
    }
}
