//! Where time enters the program, so rules and tests never read the system clock directly,
//! and the one place an instant becomes a date in La Paz.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::sync::Mutex;

/// Tells the current instant; the date in La Paz follows from it.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in La Paz (America/La_Paz).
    fn today(&self) -> NaiveDate {
        la_paz_date(self.now())
    }
}

/// America/La_Paz has been UTC−4 without daylight saving since 1932, so a fixed offset is
/// exact for every instant Vigía records.
pub fn la_paz_offset() -> FixedOffset {
    FixedOffset::west_opt(4 * 3600).expect("valid offset")
}

/// An instant as wall-clock time in La Paz.
pub fn la_paz_time(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    at.with_timezone(&la_paz_offset())
}

/// The date in La Paz of an instant: a claim recorded at 21:00 in La Paz (01:00 UTC the next
/// day) belongs to the day it was recorded there.
pub fn la_paz_date(at: DateTime<Utc>) -> NaiveDate {
    la_paz_time(at).date_naive()
}

/// Noon in La Paz on `date`, as an instant: a stable time of day for clocks set to a date.
pub fn la_paz_noon(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(16, 0, 0).expect("valid time").and_utc()
}

/// A clock stopped at one instant, for tests and reproducible reports.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl FixedClock {
    /// Stopped at noon in La Paz on `date`.
    pub fn on(date: NaiveDate) -> Self {
        Self(la_paz_noon(date))
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// A clock a test moves by hand (across midnight, over a day, backwards).
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = at;
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn nine_in_the_evening_in_la_paz_is_still_that_day() {
        // 21:00 in La Paz on 1 March is 01:00 UTC on 2 March.
        let at = Utc.with_ymd_and_hms(2024, 3, 2, 1, 0, 0).unwrap();
        assert_eq!(la_paz_date(at), ymd(2024, 3, 1));
        // 23:59:59 in La Paz, the day before, and 00:00 the day after.
        let before = Utc.with_ymd_and_hms(2024, 3, 2, 3, 59, 59).unwrap();
        assert_eq!(la_paz_date(before), ymd(2024, 3, 1));
        let after = Utc.with_ymd_and_hms(2024, 3, 2, 4, 0, 0).unwrap();
        assert_eq!(la_paz_date(after), ymd(2024, 3, 2));
    }

    #[test]
    fn clocks_give_the_la_paz_date_of_their_instant() {
        assert_eq!(FixedClock::on(ymd(2025, 6, 1)).today(), ymd(2025, 6, 1));
        let clock = ManualClock::new(Utc.with_ymd_and_hms(2025, 6, 2, 3, 30, 0).unwrap());
        assert_eq!(clock.today(), ymd(2025, 6, 1));
        clock.advance(chrono::Duration::hours(1));
        assert_eq!(clock.today(), ymd(2025, 6, 2));
    }
}
