//! The one place the system clock is read.

use chrono::{DateTime, NaiveDate, Utc};
use vigia::Clock;

/// The real time.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Real time moved to another day (`VIGIA_TODAY`): it starts at noon in La Paz on that day
/// and runs on from there, so reports are reproducible and records still come in order.
pub struct ShiftedClock {
    offset: chrono::Duration,
}

impl ShiftedClock {
    pub fn starting_on(date: NaiveDate) -> Self {
        Self {
            offset: vigia::clock::la_paz_noon(date) - Utc::now(),
        }
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }
}

/// The clock the settings ask for.
pub fn from_settings(today: Option<NaiveDate>) -> std::sync::Arc<dyn Clock> {
    match today {
        Some(date) => std::sync::Arc::new(ShiftedClock::starting_on(date)),
        None => std::sync::Arc::new(SystemClock),
    }
}
