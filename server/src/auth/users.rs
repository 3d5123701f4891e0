//! Creating accounts (from the command line for now; the admin UI follows).

use chrono::Utc;
use sqlx::SqlitePool;

use vigia::access::Role;
use vigia::DepartmentCode;

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub departments: Vec<DepartmentCode>,
}

#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error("the email address is not valid")]
    InvalidEmail,
    #[error("the public display name is empty")]
    EmptyName,
    #[error("officers and department users need at least one --department")]
    NoDepartment,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Creates the account (without a password) and records who did it, in one transaction.
pub async fn add_user(
    pool: &SqlitePool,
    user: &NewUser,
    actor_id: Option<i64>,
    at: chrono::DateTime<Utc>,
) -> Result<i64, UserError> {
    let email = user.email.trim().to_lowercase();
    if !email.contains('@')
        || email.starts_with('@')
        || email.ends_with('@')
        || email.contains(char::is_whitespace)
    {
        return Err(UserError::InvalidEmail);
    }
    if user.display_name.trim().is_empty() {
        return Err(UserError::EmptyName);
    }
    if user.role != Role::Admin && user.departments.is_empty() {
        return Err(UserError::NoDepartment);
    }
    let mut tx = pool.begin().await?;
    let now = crate::db::stamp(at);
    let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO users (email, display_name, role, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&email)
    .bind(user.display_name.trim())
    .bind(user.role.slug())
    .bind(&now)
    .fetch_one(&mut *tx)
    .await;
    let (id,) = match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(UserError::EmailTaken)
        }
        other => other?,
    };
    for department in &user.departments {
        sqlx::query("INSERT INTO user_departments (user_id, department) VALUES ($1, $2)")
            .bind(id)
            .bind(department.as_str())
            .execute(&mut *tx)
            .await?;
    }
    let scope: Vec<&str> = user.departments.iter().map(|d| d.as_str()).collect();
    sqlx::query("INSERT INTO audit_log (at, actor_id, action, subject, reason) VALUES ($1, $2, 'user-added', $3, $4)")
        .bind(&now)
        .bind(actor_id)
        .bind(format!("user:{id}"))
        .bind(format!("role {} {}", user.role.slug(), scope.join(" ")))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}
