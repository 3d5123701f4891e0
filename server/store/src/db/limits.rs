//! Rate limits and sign-in failures, kept where every server process sees them.

use chrono::{DateTime, Utc};

use super::{stamp, DbError, Pool};

/// Records one use of `scope` by `subject` at `now` if fewer than `limit` happened since
/// `since`; whether it was allowed. Two processes may both pass at the very edge of a limit
/// (the check and the insert are not one statement); a limit of a few an hour tolerates it.
pub async fn take(
    pool: &Pool,
    scope: &str,
    subject: &str,
    limit: i64,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let (used,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM limited_uses WHERE scope = $1 AND subject = $2 AND at > $3",
    )
    .bind(scope)
    .bind(subject)
    .bind(stamp(since))
    .fetch_one(pool)
    .await?;
    if used >= limit {
        return Ok(false);
    }
    sqlx::query("INSERT INTO limited_uses (scope, subject, at) VALUES ($1, $2, $3)")
        .bind(scope)
        .bind(subject)
        .bind(stamp(now))
        .execute(pool)
        .await?;
    Ok(true)
}

/// Failed sign-ins since a moment: for the account from the address, from the address, for
/// the account, and the last one for the account from the address.
pub struct RecentFailures {
    pub account_and_address: i64,
    pub address: i64,
    pub account: i64,
    pub last_from_address: Option<String>,
}

pub async fn recent_failures(
    pool: &Pool,
    account: &str,
    address: &str,
    since: DateTime<Utc>,
) -> Result<RecentFailures, DbError> {
    let since = stamp(since);
    let (account_and_address, address_count, on_account, last_from_address): (
        i64,
        i64,
        i64,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT \
            (SELECT COUNT(*) FROM sign_in_failures WHERE account = $1 AND address = $2 AND at > $3), \
            (SELECT COUNT(*) FROM sign_in_failures WHERE address = $2 AND at > $3), \
            (SELECT COUNT(*) FROM sign_in_failures WHERE account = $1 AND at > $3), \
            (SELECT MAX(at) FROM sign_in_failures WHERE account = $1 AND address = $2 AND at > $3)",
    )
    .bind(account)
    .bind(address)
    .bind(&since)
    .fetch_one(pool)
    .await?;
    Ok(RecentFailures {
        account_and_address,
        address: address_count,
        account: on_account,
        last_from_address,
    })
}

pub async fn sign_in_failed(
    pool: &Pool,
    account: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO sign_in_failures (account, address, at) VALUES ($1, $2, $3)")
        .bind(account)
        .bind(address)
        .bind(stamp(now))
        .execute(pool)
        .await?;
    Ok(())
}

/// A correct password: the guesses from this address at this account are forgotten.
pub async fn sign_in_succeeded(pool: &Pool, account: &str, address: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sign_in_failures WHERE account = $1 AND address = $2")
        .bind(account)
        .bind(address)
        .execute(pool)
        .await?;
    Ok(())
}

/// Forgets uses and failures from before `before`; how many rows went.
pub async fn forget_before(pool: &Pool, before: DateTime<Utc>) -> Result<u64, DbError> {
    let before = stamp(before);
    let uses = sqlx::query("DELETE FROM limited_uses WHERE at < $1")
        .bind(&before)
        .execute(pool)
        .await?;
    let failures = sqlx::query("DELETE FROM sign_in_failures WHERE at < $1")
        .bind(&before)
        .execute(pool)
        .await?;
    Ok(uses.rows_affected() + failures.rows_affected())
}
