//! Where "today" enters the program, so rules and tests never read the system clock directly.

use chrono::NaiveDate;

/// Tells the current date in Bolivia (America/La_Paz).
pub trait Clock: Send + Sync {
    fn today(&self) -> NaiveDate;
}

/// A clock stopped at one date, for tests and for reproducible reports.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub NaiveDate);

impl Clock for FixedClock {
    fn today(&self) -> NaiveDate {
        self.0
    }
}
