//! Accounts: people, their departments, one-time sign-in links.

use chrono::{DateTime, Utc};

use vigia::access::Role;
use vigia::drafts::NewAccount;
use vigia::office::Account;
use vigia::DepartmentCode;

use super::snapshot::{corrupt, parse};
use super::{stamp, DbError, Param, Pool, Statement, Tx};

/// An account as sign-in needs it. Server-side only: it holds the password hash.
#[derive(sqlx::FromRow, Clone)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub password_hash: Option<String>,
    #[sqlx(try_from = "crate::db::Flag")]
    pub disabled: bool,
    pub session_epoch: i64,
}

const USER_COLUMNS: &str =
    "SELECT id, email, display_name, role, password_hash, CAST(disabled AS INTEGER) AS disabled, \
     session_epoch FROM users";

pub async fn user_by_id(pool: &Pool, id: i64) -> Result<Option<UserRow>, DbError> {
    sqlx::query_as(&format!("{USER_COLUMNS} WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(DbError::from)
}

/// An account with the departments it covers: a row for each (or one without any).
#[derive(sqlx::FromRow)]
struct ScopedRow {
    #[sqlx(flatten)]
    user: UserRow,
    department: Option<String>,
}

/// Which account to read.
pub enum Find<'a> {
    Id(i64),
    Email(&'a str),
}

/// An account and the departments it covers, in one query: every signed-in request reads it.
pub async fn scoped_user(
    pool: &Pool,
    find: Find<'_>,
) -> Result<Option<(UserRow, Vec<DepartmentCode>)>, DbError> {
    let select = "SELECT u.id, u.email, u.display_name, u.role, u.password_hash, \
         CAST(u.disabled AS INTEGER) AS disabled, u.session_epoch, d.department \
         FROM users u LEFT JOIN user_departments d ON d.user_id = u.id";
    let (column, value): (&str, Param) = match find {
        Find::Id(id) => ("u.id", id.into()),
        Find::Email(email) => ("u.email", email.into()),
    };
    let mut statement = Statement::new(select);
    statement
        .push(" WHERE ")
        .push(column)
        .push(" = ")
        .bind(value);
    let rows: Vec<ScopedRow> = statement.query_as().fetch_all(pool).await?;
    let departments = rows
        .iter()
        .filter_map(|r| r.department.as_deref())
        .filter_map(|code| DepartmentCode::parse(code).ok())
        .collect();
    Ok(rows.into_iter().next().map(|r| (r.user, departments)))
}

/// Inserts the account; `None` when the address is taken.
pub async fn insert(
    tx: &mut Tx<'_>,
    account: &NewAccount,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbError> {
    let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO users (email, display_name, role, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&account.email)
    .bind(&account.display_name)
    .bind(account.role.slug())
    .bind(stamp(now))
    .fetch_one(&mut **tx)
    .await;
    let id = match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(None),
        other => other?.0,
    };
    set_departments(tx, id, &account.departments).await?;
    Ok(Some(id))
}

pub async fn set_departments(
    tx: &mut Tx<'_>,
    user_id: i64,
    departments: &[DepartmentCode],
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM user_departments WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    for department in departments {
        sqlx::query("INSERT INTO user_departments (user_id, department) VALUES ($1, $2)")
            .bind(user_id)
            .bind(department.as_str())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The role of an account, if it exists.
pub async fn role_of(tx: &mut Tx<'_>, user_id: i64) -> Result<Option<Role>, DbError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT role FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|(role,)| parse(&role)).transpose()
}

/// Disables or re-enables; `None` when there is no such account, `Some(false)` when it was
/// already so. Disabling moves the session epoch on, ending every session the person had.
pub async fn set_disabled(
    tx: &mut Tx<'_>,
    user_id: i64,
    disabled: bool,
) -> Result<Option<bool>, DbError> {
    let exists: Option<(super::Flag,)> =
        sqlx::query_as("SELECT CAST(disabled AS INTEGER) FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&mut **tx)
            .await?;
    let Some((super::Flag(was),)) = exists else {
        return Ok(None);
    };
    if was == disabled {
        return Ok(Some(false));
    }
    sqlx::query(
        "UPDATE users SET disabled = $1, \
         session_epoch = session_epoch + CASE WHEN $1 THEN 1 ELSE 0 END WHERE id = $2",
    )
    .bind(disabled)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(Some(true))
}

/// Every account, for the admin's user management.
pub async fn all(pool: &Pool) -> Result<Vec<Account>, DbError> {
    let rows: Vec<UserRow> = sqlx::query_as(&format!("{USER_COLUMNS} ORDER BY display_name"))
        .fetch_all(pool)
        .await?;
    let scopes: Vec<(i64, String)> =
        sqlx::query_as("SELECT user_id, department FROM user_departments")
            .fetch_all(pool)
            .await?;
    rows.into_iter()
        .map(|r| {
            let mut departments = scopes
                .iter()
                .filter(|(id, _)| *id == r.id)
                .map(|(_, d)| DepartmentCode::parse(d).map_err(corrupt))
                .collect::<Result<Vec<_>, _>>()?;
            departments.sort_by_key(|d| DepartmentCode::ALL.iter().position(|c| c == d));
            Ok(Account {
                id: r.id,
                email: r.email,
                display_name: r.display_name,
                role: parse(&r.role)?,
                departments,
                disabled: r.disabled,
                activated: r.password_hash.is_some(),
            })
        })
        .collect()
}

pub async fn insert_sign_in_token(
    tx: &mut Tx<'_>,
    user_id: i64,
    token_hash: &str,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO sign_in_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(user_id)
        .bind(stamp(expires_at))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether a link is unused, unexpired and belongs to an enabled account (without spending it).
pub async fn sign_in_token_works(
    pool: &Pool,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT user_id FROM sign_in_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 \
         AND user_id IN (SELECT id FROM users WHERE NOT disabled)",
    )
    .bind(token_hash)
    .bind(stamp(now))
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// Spends a link that is unused, unexpired and belongs to an enabled account; the owner's id.
pub async fn spend_sign_in_token(
    tx: &mut Tx<'_>,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbError> {
    let spent: Option<(i64,)> = sqlx::query_as(
        "UPDATE sign_in_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
         AND user_id IN (SELECT id FROM users WHERE NOT disabled) RETURNING user_id",
    )
    .bind(stamp(now))
    .bind(token_hash)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(spent.map(|(id,)| id))
}

pub async fn set_password(
    tx: &mut Tx<'_>,
    user_id: i64,
    password_hash: &str,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Spends every link of an account that still works, so a link mailed before a password
/// change cannot undo it.
pub async fn spend_live_tokens(
    tx: &mut Tx<'_>,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE sign_in_tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(stamp(now))
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The enabled account with this (normalised) email, if any.
pub async fn enabled_by_email(tx: &mut Tx<'_>, email: &str) -> Result<Option<i64>, DbError> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM users WHERE email = $1 AND NOT disabled")
            .bind(email)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(found.map(|(id,)| id))
}

/// How many of an account's one-time links still work.
pub async fn live_tokens(
    tx: &mut Tx<'_>,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM sign_in_tokens WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(user_id)
    .bind(stamp(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(n)
}
