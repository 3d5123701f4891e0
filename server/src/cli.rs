//! Command-line account management: the first admin comes from here, and nothing has a
//! default password. The same checks as the admin page apply.

use vigia::drafts::AccountDraft;
use vigia::ports::AccountWriter;

use crate::settings::Settings;
use vigia_store::Store;

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

/// Writes the whole database to `file` (see the store's `db::transfer`); how many rows.
pub async fn export(settings: &Settings, file: &std::path::Path) -> anyhow::Result<u64> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(file)?);
    let rows = vigia_store::export_database(&settings.database_url, &mut out).await?;
    std::io::Write::flush(&mut out)?;
    Ok(rows)
}

/// Reads an export into the (migrated, still empty) database; how many rows.
pub async fn import(settings: &Settings, file: &std::path::Path) -> anyhow::Result<u64> {
    let input = std::io::BufReader::new(std::fs::File::open(file)?);
    Ok(vigia_store::import_database(&settings.database_url, input).await?)
}

/// A consistent copy of the running SQLite database.
pub async fn backup(settings: &Settings, file: &std::path::Path) -> anyhow::Result<()> {
    if file.exists() {
        anyhow::bail!("{} exists already; choose a new file", file.display());
    }
    Ok(vigia_store::backup_database(&settings.database_url, file).await?)
}
