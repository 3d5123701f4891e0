//! Accounts: people, passwords, one-time sign-in links, and the axum-login backend.

mod backend;
mod password;
mod tokens;
mod users;

pub use backend::{AuthSession, Backend, Credentials, User};
pub use password::{hash_password, MIN_PASSWORD_LENGTH};
pub use tokens::{create_sign_in_token, redeem_sign_in_token, TokenError};
pub use users::{add_user, NewUser, UserError};
