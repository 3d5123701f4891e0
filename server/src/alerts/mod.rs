//! NGO alerts: the scheduler that raises the events the calendar causes, and their
//! delivery by email and signed webhooks.

pub mod lanes;
pub mod letters;
pub mod mailer;
pub mod reader;
pub mod scheduler;
pub mod webhook;
pub mod worker;
