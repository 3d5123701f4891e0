//! The data version: one counter every write moves on in its transaction, read by every
//! server process to know its caches are stale. Beside it, how many of those writes only
//! appended, so that a process holding an older snapshot knows, without having made the
//! writes since, whether reading what they appended brings it up to date.

use super::{DbError, Pool, Tx};

/// What a write did to the rows a snapshot reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// It changed or removed rows a snapshot may hold (or nobody said otherwise): every
    /// snapshot of an earlier version must be loaded again.
    Rewrites,
    /// It only added rows a snapshot reads in id order (claims, their evidence, documents
    /// and correction links, audit entries) or wrote rows no snapshot reads (accounts,
    /// suggestions, alert events): an earlier snapshot plus the rows after its last ones is
    /// this version's.
    Appends,
}

/// The data version, and how many of the writes that moved it did not only append: a
/// snapshot of an earlier version with the same count needs only the rows appended since.
/// Counting the appends (not the rewrites) makes any write that does not say what it did,
/// such as a binary from before the count, count as a rewrite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Versions {
    pub current: u64,
    pub rewrites: u64,
}

/// Moves the version on; the new value is visible once the transaction commits. Gives the
/// row as the write leaves it, counting every write committed before, which another process
/// may have made since this one last looked.
pub async fn bump(tx: &mut Tx<'_>, effect: Effect) -> Result<Versions, DbError> {
    let sql = match effect {
        Effect::Rewrites => "UPDATE data_version SET n = n + 1 WHERE id = 1 RETURNING n, appends",
        Effect::Appends => {
            "UPDATE data_version SET n = n + 1, appends = appends + 1 WHERE id = 1 \
             RETURNING n, appends"
        }
    };
    let row: (i64, i64) = sqlx::query_as(sql).fetch_one(&mut **tx).await?;
    Ok(Versions::from(row))
}

pub async fn current(pool: &Pool) -> Result<Versions, DbError> {
    let row: (i64, i64) = sqlx::query_as("SELECT n, appends FROM data_version WHERE id = 1")
        .fetch_one(pool)
        .await?;
    Ok(Versions::from(row))
}

impl From<(i64, i64)> for Versions {
    fn from((current, appends): (i64, i64)) -> Self {
        let current = current as u64;
        Self {
            current,
            rewrites: current.saturating_sub(appends as u64),
        }
    }
}
