//! The data version: one counter every write moves on in its transaction, read by every
//! server process to know its caches are stale.

use super::{DbError, Pool, Tx};

/// Moves the version on; the new value is visible once the transaction commits.
pub async fn bump(tx: &mut Tx<'_>) -> Result<u64, DbError> {
    let (n,): (i64,) = sqlx::query_as("UPDATE data_version SET n = n + 1 WHERE id = 1 RETURNING n")
        .fetch_one(&mut **tx)
        .await?;
    Ok(n as u64)
}

pub async fn current(pool: &Pool) -> Result<u64, DbError> {
    let (n,): (i64,) = sqlx::query_as("SELECT n FROM data_version WHERE id = 1")
        .fetch_one(pool)
        .await?;
    Ok(n as u64)
}
