//! One-time sign-in links: the person sets their password through one. Only a SHA-256 of
//! the token is stored, so a database leak does not leak working links.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

/// How long a link works.
const VALID_FOR: Duration = Duration::days(7);

fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Returns the raw token to put in the link.
pub async fn create_sign_in_token(
    pool: &SqlitePool,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<String, sqlx::Error> {
    let token: String = rand::random::<[u8; 32]>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    sqlx::query("INSERT INTO sign_in_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)")
        .bind(digest(&token))
        .bind(user_id)
        .bind(crate::db::stamp(now + VALID_FOR))
        .execute(pool)
        .await?;
    Ok(token)
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the link is unknown, used or expired")]
    Invalid,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Sets the password of the link's owner and spends the link, atomically.
pub async fn redeem_sign_in_token(
    pool: &SqlitePool,
    token: &str,
    password_hash: &str,
    at: DateTime<Utc>,
) -> Result<i64, TokenError> {
    let mut tx = pool.begin().await?;
    let now = crate::db::stamp(at);
    let spent: Option<(i64,)> = sqlx::query_as(
        "UPDATE sign_in_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
         RETURNING user_id",
    )
    .bind(&now)
    .bind(digest(token))
    .fetch_optional(&mut *tx)
    .await?;
    let (user_id,) = spent.ok_or(TokenError::Invalid)?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2 AND NOT disabled")
        .bind(password_hash)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, subject) VALUES ($1, $2, 'password-set', $3)",
    )
    .bind(&now)
    .bind(user_id)
    .bind(format!("user:{user_id}"))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(user_id)
}
