//! The server's own secrets, kept where every server process on the database finds them.

use super::{begin_write, DbError, Pool};

/// The secret named `name`, made by `make` (and kept) if there is none yet. Two processes
/// starting at once make one: the write lock orders them.
pub async fn get_or_make(
    pool: &Pool,
    name: &str,
    make: impl FnOnce() -> String,
) -> Result<String, DbError> {
    let mut tx = begin_write(pool).await?;
    let existing: Option<(String,)> =
        sqlx::query_as("SELECT value FROM server_secrets WHERE name = $1")
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?;
    let value = match existing {
        Some((value,)) => value,
        None => {
            let value = make();
            sqlx::query("INSERT INTO server_secrets (name, value) VALUES ($1, $2)")
                .bind(name)
                .bind(&value)
                .execute(&mut *tx)
                .await?;
            value
        }
    };
    tx.commit().await?;
    Ok(value)
}
