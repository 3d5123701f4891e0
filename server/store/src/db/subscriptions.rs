//! Alert subscriptions and their filters.

use chrono::{DateTime, NaiveDate, Utc};

use vigia::events::EventKind;
use vigia::gaps::Severity;
use vigia::subscriptions::{Channel, Filters, NewSubscription, State, Subscription, WebhookRow};
use vigia::DepartmentCode;

use super::snapshot::parse;
use super::{stamp, DbError, Pool, Tx};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    channel: String,
    address: String,
    contact: Option<String>,
    lang: String,
    #[sqlx(try_from = "crate::db::Flag")]
    digest: bool,
    #[sqlx(try_from = "crate::db::Flag")]
    all_departments: bool,
    state: String,
}

// Booleans are read as integers: the Any driver reads no SQLite column declared BOOLEAN.
const COLUMNS: &str = "id, channel, address, contact, lang, CAST(digest AS INTEGER) AS digest, \
     CAST(all_departments AS INTEGER) AS all_departments, state";

async fn filters_of(tx: &mut Tx<'_>, id: i64, all_departments: bool) -> Result<Filters, DbError> {
    let departments: Vec<(String,)> = sqlx::query_as(
        "SELECT department FROM subscription_departments WHERE subscription_id = $1",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    let kinds: Vec<(String,)> =
        sqlx::query_as("SELECT kind FROM subscription_kinds WHERE subscription_id = $1")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?;
    let severities: Vec<(String,)> =
        sqlx::query_as("SELECT severity FROM subscription_severities WHERE subscription_id = $1")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?;
    let thresholds: Vec<(i64,)> =
        sqlx::query_as("SELECT days FROM subscription_thresholds WHERE subscription_id = $1")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?;
    let mut departments = departments
        .iter()
        .map(|(d,)| parse::<DepartmentCode>(d))
        .collect::<Result<Vec<_>, _>>()?;
    departments.sort_by_key(|d| DepartmentCode::ALL.iter().position(|c| c == d));
    let mut kinds = kinds
        .iter()
        .map(|(k,)| parse::<EventKind>(k))
        .collect::<Result<Vec<_>, _>>()?;
    kinds.sort();
    let mut severities = severities
        .iter()
        .map(|(s,)| parse::<Severity>(s))
        .collect::<Result<Vec<_>, _>>()?;
    severities.sort();
    let mut thresholds: Vec<u32> = thresholds.iter().map(|(d,)| *d as u32).collect();
    thresholds.sort_by(|a, b| b.cmp(a));
    Ok(Filters {
        departments: (!all_departments).then_some(departments),
        kinds,
        severities,
        thresholds,
    })
}

async fn from_row(tx: &mut Tx<'_>, row: Row) -> Result<Subscription, DbError> {
    Ok(Subscription {
        id: row.id,
        channel: parse(&row.channel)?,
        filters: filters_of(tx, row.id, row.all_departments).await?,
        address: row.address,
        contact: row.contact,
        lang: row.lang,
        digest: row.digest,
        state: parse::<State>(&row.state)?,
    })
}

pub async fn get(tx: &mut Tx<'_>, id: i64) -> Result<Option<Subscription>, DbError> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM subscriptions WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    match row {
        Some(row) => Ok(Some(from_row(tx, row).await?)),
        None => Ok(None),
    }
}

pub async fn find(
    tx: &mut Tx<'_>,
    channel: Channel,
    address: &str,
) -> Result<Option<Subscription>, DbError> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM subscriptions WHERE channel = $1 AND address = $2"
    ))
    .bind(channel.slug())
    .bind(address)
    .fetch_optional(&mut **tx)
    .await?;
    match row {
        Some(row) => Ok(Some(from_row(tx, row).await?)),
        None => Ok(None),
    }
}

/// Inserts a pending subscription; its filters follow with [`set_filters`].
pub async fn insert(
    tx: &mut Tx<'_>,
    subscription: &NewSubscription,
    secret: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO subscriptions (channel, address, contact, lang, digest, all_departments, state, created_at, secret) \
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8) RETURNING id",
    )
    .bind(subscription.channel.slug())
    .bind(&subscription.address)
    .bind(&subscription.contact)
    .bind(&subscription.lang)
    .bind(subscription.digest)
    .bind(subscription.filters.departments.is_none())
    .bind(stamp(now))
    .bind(secret)
    .fetch_one(&mut **tx)
    .await?;
    set_filters(tx, id, subscription).await?;
    Ok(id)
}

async fn clear_filters(tx: &mut Tx<'_>, id: i64) -> Result<(), DbError> {
    for table in [
        "subscription_departments",
        "subscription_kinds",
        "subscription_severities",
        "subscription_thresholds",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE subscription_id = $1"))
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Replaces what a subscription follows, how often and in which language.
pub async fn set_filters(tx: &mut Tx<'_>, id: i64, s: &NewSubscription) -> Result<(), DbError> {
    // A subscription that turns to digests starts from the newest event, not from the first.
    sqlx::query(
        "UPDATE subscriptions SET digest_after_event = CASE WHEN NOT digest AND $2 \
         THEN (SELECT COALESCE(MAX(id), 0) FROM events) ELSE digest_after_event END, \
         lang = $1, digest = $2, all_departments = $3, contact = $4 WHERE id = $5",
    )
    .bind(&s.lang)
    .bind(s.digest)
    .bind(s.filters.departments.is_none())
    .bind(&s.contact)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    clear_filters(tx, id).await?;
    for department in s.filters.departments.iter().flatten() {
        sqlx::query(
            "INSERT INTO subscription_departments (subscription_id, department) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(department.as_str())
        .execute(&mut **tx)
        .await?;
    }
    for kind in &s.filters.kinds {
        sqlx::query("INSERT INTO subscription_kinds (subscription_id, kind) VALUES ($1, $2)")
            .bind(id)
            .bind(kind.slug())
            .execute(&mut **tx)
            .await?;
    }
    for severity in &s.filters.severities {
        sqlx::query(
            "INSERT INTO subscription_severities (subscription_id, severity) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(severity.slug())
        .execute(&mut **tx)
        .await?;
    }
    for days in &s.filters.thresholds {
        sqlx::query("INSERT INTO subscription_thresholds (subscription_id, days) VALUES ($1, $2)")
            .bind(id)
            .bind(i64::from(*days))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub async fn set_state(
    tx: &mut Tx<'_>,
    id: i64,
    from: &[State],
    to: State,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let mut query = super::Statement::new("UPDATE subscriptions SET state = ");
    query.bind(to.slug());
    if to == State::Active {
        query
            .push(", confirmed_at = COALESCE(confirmed_at, ")
            .bind(stamp(now))
            .push(
                "), failing_since = NULL, digest_after_event = CASE WHEN confirmed_at IS NULL \
                   THEN (SELECT COALESCE(MAX(id), 0) FROM events) ELSE digest_after_event END",
            );
    }
    query.push(" WHERE id = ").bind(id).push(" AND state IN (");
    for (i, state) in from.iter().enumerate() {
        if i > 0 {
            query.push(", ");
        }
        query.bind(state.slug());
    }
    query.push(")");
    Ok(query.query().execute(&mut **tx).await?.rows_affected() == 1)
}

/// Starts a pending subscription's 48 hours again (its confirmation was sent anew).
pub async fn restart_pending(tx: &mut Tx<'_>, id: i64, now: DateTime<Utc>) -> Result<(), DbError> {
    sqlx::query("UPDATE subscriptions SET created_at = $1 WHERE id = $2 AND state = 'pending'")
        .bind(stamp(now))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Counts a confirmation email for today; `false` past three a day (nothing counted).
pub async fn count_confirmation(tx: &mut Tx<'_>, id: i64, day: NaiveDate) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE subscriptions SET confirmations_sent = CASE WHEN confirmations_day = $1 THEN confirmations_sent + 1 ELSE 1 END, \
         confirmations_day = $1 WHERE id = $2 AND (confirmations_day IS NULL OR confirmations_day <> $1 OR confirmations_sent < 3)",
    )
    .bind(day.to_string())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// Deletes a subscription with its deliveries, keeping only their counts.
pub async fn delete(tx: &mut Tx<'_>, id: i64) -> Result<bool, DbError> {
    sqlx::query(
        "INSERT INTO delivery_counts (channel, state, n) \
         SELECT s.channel, d.state, COUNT(*) FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id \
         WHERE s.id = $1 GROUP BY s.channel, d.state \
         ON CONFLICT (channel, state) DO UPDATE SET n = delivery_counts.n + excluded.n",
    )
    .bind(id)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM deliveries WHERE subscription_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    clear_filters(tx, id).await?;
    let deleted = sqlx::query("DELETE FROM subscriptions WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(deleted.rows_affected() == 1)
}

/// The pending subscriptions created before `cutoff` (their link expired).
pub async fn expired_pending(tx: &mut Tx<'_>, cutoff: DateTime<Utc>) -> Result<Vec<i64>, DbError> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM subscriptions WHERE state = 'pending' AND channel = 'email' AND created_at < $1")
        .bind(stamp(cutoff))
        .fetch_all(&mut **tx)
        .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Subscriptions by channel and state.
pub async fn totals(pool: &Pool) -> Result<Vec<(String, String, i64)>, DbError> {
    sqlx::query_as(
        "SELECT channel, state, COUNT(*) FROM subscriptions GROUP BY channel, state ORDER BY 1, 2",
    )
    .fetch_all(pool)
    .await
    .map_err(DbError::from)
}

/// Subscribers by channel, state and department (all departments as `*`): counts only.
pub async fn counts(pool: &Pool) -> Result<Vec<(String, String, String, i64)>, DbError> {
    sqlx::query_as(
        "SELECT s.channel, s.state, COALESCE(d.department, '*') AS department, COUNT(*) \
         FROM subscriptions s LEFT JOIN subscription_departments d ON d.subscription_id = s.id \
         GROUP BY s.channel, s.state, COALESCE(d.department, '*') ORDER BY 1, 2, 3",
    )
    .fetch_all(pool)
    .await
    .map_err(DbError::from)
}

/// The signing secrets of a webhook: the current one and, during a rotation, the previous.
pub async fn secrets(tx: &mut Tx<'_>, id: i64, now: DateTime<Utc>) -> Result<Vec<String>, DbError> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT secret, previous_secret, secret_overlap_until FROM subscriptions WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((secret, previous, until)) = row else {
        return Ok(Vec::new());
    };
    let overlapping = until.is_some_and(|until| until > stamp(now));
    Ok(secret
        .into_iter()
        .chain(previous.filter(|_| overlapping))
        .collect())
}

pub async fn rotate_secret(
    tx: &mut Tx<'_>,
    id: i64,
    secret: &str,
    overlap_until: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE subscriptions SET previous_secret = secret, secret = $1, secret_overlap_until = $2 WHERE id = $3",
    )
    .bind(secret)
    .bind(stamp(overlap_until))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records how a webhook delivery went; returns when it started failing, if it is failing.
pub async fn note_outcome(
    tx: &mut Tx<'_>,
    id: i64,
    error: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    match error {
        None => {
            sqlx::query(
                "UPDATE subscriptions SET last_success_at = $1, failing_since = NULL WHERE id = $2",
            )
            .bind(stamp(now))
            .bind(id)
            .execute(&mut **tx)
            .await?;
            Ok(None)
        }
        Some(error) => {
            let (since,): (Option<String>,) = sqlx::query_as(
                "UPDATE subscriptions SET last_error = $1, failing_since = COALESCE(failing_since, $2) \
                 WHERE id = $3 RETURNING failing_since",
            )
            .bind(error)
            .bind(stamp(now))
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
            since.map(|s| super::snapshot::instant(&s)).transpose()
        }
    }
}

#[derive(sqlx::FromRow)]
struct StoredWebhook {
    id: i64,
    address: String,
    state: String,
    last_success_at: Option<String>,
    last_error: Option<String>,
    failing_since: Option<String>,
}

/// Webhooks as the admins' page shows them (no address beyond its host).
pub async fn webhooks(pool: &Pool) -> Result<Vec<WebhookRow>, DbError> {
    let rows: Vec<StoredWebhook> = sqlx::query_as(
        "SELECT id, address, state, last_success_at, last_error, failing_since FROM subscriptions \
         WHERE channel = 'webhook' ORDER BY id",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| WebhookRow {
            host: row
                .address
                .split("://")
                .nth(1)
                .and_then(|r| r.split(['/', '?']).next())
                .unwrap_or_default()
                .to_owned(),
            id: row.id,
            state: row.state,
            last_success_at: row.last_success_at,
            last_error: row.last_error,
            failing_since: row.failing_since,
        })
        .collect())
}

pub async fn last_error(pool: &Pool, id: i64) -> Result<Option<String>, DbError> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT last_error FROM subscriptions WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(row.and_then(|(e,)| e))
}

/// Keeps a checked email subscription form for the worker to carry out.
pub async fn add_request(
    pool: &Pool,
    request: &NewSubscription,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let text = serde_json::to_string(request).map_err(|e| DbError::Corrupt(e.to_string()))?;
    sqlx::query("INSERT INTO subscription_requests (request, created_at) VALUES ($1, $2)")
        .bind(text)
        .bind(stamp(now))
        .execute(pool)
        .await?;
    Ok(())
}

/// Takes the oldest waiting request (removing it with the transaction), if any.
pub async fn take_request(tx: &mut Tx<'_>) -> Result<Option<NewSubscription>, DbError> {
    let taken: Option<(String,)> = sqlx::query_as(
        "DELETE FROM subscription_requests WHERE id = (SELECT MIN(id) FROM subscription_requests) \
         RETURNING request",
    )
    .fetch_optional(&mut **tx)
    .await?;
    taken
        .map(|(text,)| serde_json::from_str(&text).map_err(|e| DbError::Corrupt(e.to_string())))
        .transpose()
}

/// Keeps new choices asked for a subscribed address, until its owner applies them. A newer
/// request replaces one not applied yet, so strangers typing the address into the form keep
/// at most one row per subscription, however often they post.
pub async fn add_change(
    tx: &mut Tx<'_>,
    subscription: i64,
    request: &NewSubscription,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let text = serde_json::to_string(request).map_err(|e| DbError::Corrupt(e.to_string()))?;
    sqlx::query(
        "DELETE FROM subscription_changes WHERE subscription_id = $1 AND applied_at IS NULL",
    )
    .bind(subscription)
    .execute(&mut **tx)
    .await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO subscription_changes (subscription_id, request, created_at) \
         VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(subscription)
    .bind(text)
    .bind(stamp(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// A change asked for: its subscription, what it asks and whether it was applied.
pub async fn change(
    tx: &mut Tx<'_>,
    id: i64,
) -> Result<Option<(i64, NewSubscription, bool)>, DbError> {
    let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT subscription_id, request, applied_at FROM subscription_changes WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|(subscription, text, applied)| {
        let asked = serde_json::from_str(&text).map_err(|e| DbError::Corrupt(e.to_string()))?;
        Ok((subscription, asked, applied.is_some()))
    })
    .transpose()
}

/// The latest change asked for a subscription and not applied yet, with its id.
pub async fn latest_change(
    tx: &mut Tx<'_>,
    subscription: i64,
) -> Result<Option<(i64, NewSubscription)>, DbError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM subscription_changes WHERE subscription_id = $1 AND applied_at IS NULL \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(subscription)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((id,)) = row else { return Ok(None) };
    Ok(change(tx, id).await?.map(|(_, asked, _)| (id, asked)))
}

/// Marks a change applied; false when it was applied already.
pub async fn mark_applied(tx: &mut Tx<'_>, id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE subscription_changes SET applied_at = $1 WHERE id = $2 AND applied_at IS NULL",
    )
    .bind(stamp(now))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
