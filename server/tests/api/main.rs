//! Vigía's integration tests: one binary (it links once), one module per area, each test
//! against a real server on port 0 with a fresh database.

mod accounts;
mod admin_pages;
mod claims;
mod confirmations;
mod database;
mod documents;
mod events;
mod forms;
mod hardening;
mod helpers;
mod import;
mod office;
mod open_data;
mod pages;
mod roles;
mod suggestions;
