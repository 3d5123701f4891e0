//! Accounts: passwords, sessions and the axum-login backend. The SQL is in the store's `db::accounts`,
//! the writes in the store.

mod backend;
mod password;
pub mod sessions;

pub use backend::{AuthSession, Backend, BackendError, Credentials, User};
pub use password::{HashError, Hasher, MIN_PASSWORD_LENGTH};
