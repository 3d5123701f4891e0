//! The axum-login backend: finds people by email and checks their password.

use axum_login::{AuthUser, AuthnBackend, UserId};

use super::password::{HashError, Hasher};
use std::sync::Arc;
use vigia::access::{Actor, Role};
use vigia::DepartmentCode;
use vigia_store::{Find, Store, UserRow};

/// A signed-in person. Server-side only: it holds the password hash, so it is never sent
/// to a page or the API (they get purpose-built views of it).
#[derive(Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub departments: Vec<DepartmentCode>,
    pub disabled: bool,
    password_hash: String,
    /// The password hash and the session epoch: a session lives while both are unchanged.
    auth_hash: String,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl User {
    pub fn actor(&self) -> Actor {
        Actor {
            role: self.role,
            departments: self.departments.clone(),
            disabled: self.disabled,
        }
    }
}

impl AuthUser for User {
    type Id = i64;

    fn id(&self) -> i64 {
        self.id
    }

    /// Changing the password, or disabling the account, ends every session.
    fn session_auth_hash(&self) -> &[u8] {
        self.auth_hash.as_bytes()
    }
}

#[derive(Clone, Debug, serde::Deserialize)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

#[derive(Clone)]
pub struct Backend {
    store: Arc<Store>,
    hasher: Hasher,
}

impl Backend {
    pub fn new(store: Arc<Store>, hasher: Hasher) -> Self {
        Self { store, hasher }
    }
}

/// Why a sign-in could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error(transparent)]
    Store(#[from] vigia::ports::PortError),
    #[error(transparent)]
    Hashing(#[from] HashError),
}

pub type AuthSession = axum_login::AuthSession<Backend>;

fn load(found: Option<(UserRow, Vec<DepartmentCode>)>) -> Option<User> {
    let (row, departments) = found?;
    let (Some(password_hash), Ok(role)) = (row.password_hash, row.role.parse::<Role>()) else {
        return None;
    };
    Some(User {
        id: row.id,
        email: row.email,
        display_name: row.display_name,
        role,
        departments,
        disabled: row.disabled,
        auth_hash: format!("{password_hash}#{}", row.session_epoch),
        password_hash,
    })
}

impl AuthnBackend for Backend {
    type User = User;
    type Credentials = Credentials;
    type Error = BackendError;

    async fn authenticate(&self, creds: Credentials) -> Result<Option<User>, BackendError> {
        let email = creds.email.trim().to_lowercase();
        let user = load(self.store.account(Find::Email(&email)).await?);
        // Verify even without an account, so timing does not tell whether the email exists.
        let stored = user
            .as_ref()
            .map(|u| u.password_hash.clone())
            .unwrap_or_else(|| DUMMY_HASH.to_owned());
        let matches = self.hasher.verify(creds.password, stored).await?;
        Ok(user.filter(|u| matches && !u.disabled))
    }

    async fn get_user(&self, id: &UserId<Self>) -> Result<Option<User>, BackendError> {
        let found = self.store.account(Find::Id(*id)).await?;
        Ok(load(found).filter(|u| !u.disabled))
    }
}

/// An Argon2id hash of a random string nobody knows, for equal-time failures.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2/9WAnYFJ3FxVYbj7bqFJ0Yl9M+LUwmiSsZP7bZqg3Q";
