//! Command-line account management: the first admin comes from here, and nothing has a
//! default password.

use sqlx::SqlitePool;

use crate::auth::{self, NewUser};
use crate::settings::Settings;
use vigia::DepartmentCode;

/// An account as the command line gives it.
pub struct NewAccount {
    pub email: String,
    pub role: String,
    pub departments: Vec<String>,
    pub name: String,
}

/// Creates the account and returns its one-time link to set a password.
pub async fn add_user(
    pool: &SqlitePool,
    settings: &Settings,
    clock: &dyn vigia::Clock,
    account: NewAccount,
) -> anyhow::Result<String> {
    let NewAccount {
        email,
        role,
        departments,
        name: display_name,
    } = account;
    let role = role.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
    let departments = departments
        .iter()
        .map(|code| DepartmentCode::parse(code).map_err(|e| anyhow::anyhow!("{e}")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let user = NewUser {
        email,
        display_name,
        role,
        departments,
    };
    let id = auth::add_user(pool, &user, None, clock.now()).await?;
    let token = auth::create_sign_in_token(pool, id, clock.now()).await?;
    let base = settings
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", settings.site_addr));
    Ok(format!(
        "{}/account/set-password?token={token}",
        base.trim_end_matches('/')
    ))
}
