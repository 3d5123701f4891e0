//! The one place the system clock is read.

use chrono::{FixedOffset, NaiveDate, Utc};
use vigia::Clock;

/// Today's date in Bolivia. America/La_Paz is UTC−4 all year (no daylight saving time).
pub struct BoliviaClock;

impl Clock for BoliviaClock {
    fn today(&self) -> NaiveDate {
        let la_paz = FixedOffset::west_opt(4 * 3600).expect("valid offset");
        Utc::now().with_timezone(&la_paz).date_naive()
    }
}
