//! How a department is drawn on the map: its status, whether an in-force status is only
//! reported, and whether Vigía inferred it.

use super::palette::Tone;
use chrono::NaiveDate;
use vigia::{Claim, Glance, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MapCategory {
    pub status: Status,
    pub only_reported: bool,
    pub inferred: bool,
}

impl MapCategory {
    /// How a record whose current claim is `current` is drawn on `day`: a plan in force past
    /// the end of the validity its source gives is drawn expired, as Vigía's inference.
    pub fn of(current: Option<&Claim>, day: NaiveDate) -> Self {
        let Glance {
            status,
            only_reported,
            inferred,
        } = Glance::of(current, day);
        Self {
            status,
            only_reported,
            inferred,
        }
    }

    /// The legend entry's colour, before the "inferred" dots.
    pub fn tone(self) -> Tone {
        Tone::of(self.status, self.only_reported)
    }
}
