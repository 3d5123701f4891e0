//! Command-line account management: the first admin comes from here, and nothing has a
//! default password.

use sqlx::SqlitePool;

use crate::auth::{self, NewUser};
use crate::settings::Settings;
use vigia::DepartmentCode;

/// Creates the account and returns its one-time link to set a password.
pub async fn add_user(
    pool: &SqlitePool,
    settings: &Settings,
    email: String,
    role: String,
    departments: Vec<String>,
    display_name: String,
) -> anyhow::Result<String> {
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
    let id = auth::add_user(pool, &user, None).await?;
    let token = auth::create_sign_in_token(pool, id).await?;
    let base = settings
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", settings.site_addr));
    Ok(format!(
        "{}/account/set-password?token={token}",
        base.trim_end_matches('/')
    ))
}
