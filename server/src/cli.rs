//! Command-line account management: the first admin comes from here, and nothing has a
//! default password. The same checks as the admin page apply.

use vigia::drafts::AccountDraft;
use vigia::ports::AccountWriter;

use crate::settings::Settings;
use crate::store::Store;

/// An account as the command line gives it.
pub struct NewAccount {
    pub email: String,
    pub role: String,
    pub departments: Vec<String>,
    pub name: String,
}

/// Creates the account and returns its one-time link to set a password.
pub async fn add_user(
    store: &Store,
    settings: &Settings,
    account: NewAccount,
) -> anyhow::Result<String> {
    let draft = AccountDraft {
        email: account.email,
        display_name: account.name,
        role: account.role,
        departments: account.departments,
    };
    let account = draft.validate().map_err(|errors| {
        let problems: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.problem.slug()))
            .collect();
        anyhow::anyhow!("the account was not created: {}", problems.join(", "))
    })?;
    let (_, token) = store
        .add_account(None, account)
        .await
        .map_err(|e| anyhow::anyhow!("the account was not created: {e}"))?;
    let base = settings
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", settings.site_addr));
    Ok(format!(
        "{}/account/set-password?token={token}",
        base.trim_end_matches('/')
    ))
}
