//! NGO alerts: the scheduler that raises the events the calendar causes, and (in later
//! parts) their delivery.

pub mod scheduler;
