//! Vigía's integration tests: one binary (it links once), one module per area, each test
//! against a real server on port 0 with a fresh database.

mod accounts;
mod admin_pages;
mod alert_requests;
mod alerts_email;
mod alerts_webhooks;
mod bench_alerts;
mod binary;
mod citable;
mod claims;
mod confirmations;
mod crash;
mod database;
mod documents;
mod engines;
mod events;
mod forms;
mod hardening;
mod helpers;
mod import;
mod instances;
mod methodology;
mod no_account;
mod office;
mod open_data;
mod pages;
mod receivers;
mod roles;
mod seed_corrections;
mod speed;
mod suggestions;
mod transfer;
mod validity_ends;
