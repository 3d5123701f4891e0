//! Accounts: passwords, sessions and the axum-login backend. The SQL is in `db::accounts`,
//! the writes in the store.

mod backend;
mod password;
pub mod sessions;
pub mod throttle;

pub use backend::{AuthSession, Backend, Credentials, User};
pub use password::{hash_password, MIN_PASSWORD_LENGTH};
