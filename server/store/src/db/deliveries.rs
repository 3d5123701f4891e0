//! Deliveries: one row per message to send, claimed atomically by whichever worker gets
//! there first, marked before and after sending.

use chrono::{DateTime, NaiveDate, Utc};

use vigia::subscriptions::DeliveryRow;

use super::{stamp, DbError, Pool, Tx};

/// Why a delivery exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The events of one change.
    Change,
    /// A day's events for a digest subscription.
    Digest,
    /// The email that asks to confirm a subscription.
    Confirmation,
    /// For an address subscribed already: its management link, instead of a confirmation.
    Reminder,
    /// Tells a webhook's contact that it was paused after failing for a day.
    Paused,
}

impl Purpose {
    pub fn slug(self) -> &'static str {
        match self {
            Self::Change => "change",
            Self::Digest => "digest",
            Self::Confirmation => "confirmation",
            Self::Reminder => "reminder",
            Self::Paused => "paused",
        }
    }

    fn parse(text: &str) -> Result<Self, DbError> {
        match text {
            "change" => Ok(Self::Change),
            "digest" => Ok(Self::Digest),
            "confirmation" => Ok(Self::Confirmation),
            "reminder" => Ok(Self::Reminder),
            "paused" => Ok(Self::Paused),
            other => Err(DbError::Corrupt(format!(
                "unknown delivery purpose {other}"
            ))),
        }
    }
}

/// The condition, on `e` (an event) and `s` (a subscription), that the subscription wants
/// the event: the same rule as `vigia::subscriptions::Filters::wants`.
const WANTS: &str = "(s.all_departments OR EXISTS (SELECT 1 FROM subscription_departments d \
     WHERE d.subscription_id = s.id AND d.department = e.department)) \
     AND EXISTS (SELECT 1 FROM subscription_kinds k WHERE k.subscription_id = s.id AND k.kind = e.kind) \
     AND (e.severity IS NULL OR e.kind IN ('reply.posted', 'reply.reviewed') \
          OR EXISTS (SELECT 1 FROM subscription_severities v WHERE v.subscription_id = s.id AND v.severity = e.severity)) \
     AND (e.threshold_days IS NULL OR EXISTS (SELECT 1 FROM subscription_thresholds t \
          WHERE t.subscription_id = s.id AND t.days = e.threshold_days))";

/// One delivery per active, per-change subscription that wants any event of `change`, in
/// the change's own transaction; one statement, however many subscribers.
pub async fn fan_out(tx: &mut Tx<'_>, change: i64, now: DateTime<Utc>) -> Result<u64, DbError> {
    let inserted = sqlx::query(&format!(
        "INSERT INTO deliveries (subscription_id, purpose, change_id, state, next_attempt_at, created_at) \
         SELECT s.id, 'change', $1, 'pending', $2, $2 FROM subscriptions s \
         WHERE s.state = 'active' AND NOT s.digest \
         AND EXISTS (SELECT 1 FROM events e WHERE e.change_id = $1 AND {WANTS}) \
         ON CONFLICT DO NOTHING"
    ))
    .bind(change)
    .bind(stamp(now))
    .execute(&mut **tx)
    .await?;
    Ok(inserted.rows_affected())
}

/// Today's digests: one delivery per active digest subscription with wanted events since its
/// last digest (up to `up_to`), and every digest subscription moved past `up_to`.
pub async fn queue_digests(
    tx: &mut Tx<'_>,
    day: NaiveDate,
    up_to: i64,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let inserted = sqlx::query(&format!(
        "INSERT INTO deliveries (subscription_id, purpose, digest_day, digest_from, digest_to, state, next_attempt_at, created_at) \
         SELECT s.id, 'digest', $1, s.digest_after_event, $2, 'pending', $3, $3 FROM subscriptions s \
         WHERE s.state = 'active' AND s.digest \
         AND EXISTS (SELECT 1 FROM events e WHERE e.id > s.digest_after_event AND e.id <= $2 AND {WANTS}) \
         ON CONFLICT DO NOTHING"
    ))
    .bind(day.to_string())
    .bind(up_to)
    .bind(stamp(now))
    .execute(&mut **tx)
    .await?;
    // A subscription whose digest for today was queued earlier (before a restart, say) keeps
    // its place: what came since goes in tomorrow's.
    sqlx::query(
        "UPDATE subscriptions SET digest_after_event = $1 WHERE digest AND state = 'active' AND digest_after_event < $1 \
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.subscription_id = subscriptions.id \
             AND d.digest_day = $2 AND d.digest_to <> $1)",
    )
    .bind(up_to)
    .bind(day.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(inserted.rows_affected())
}

/// A message about the subscription itself (confirmation, reminder, pause notice), to send now.
pub async fn queue(
    tx: &mut Tx<'_>,
    subscription: i64,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO deliveries (subscription_id, purpose, state, next_attempt_at, created_at) \
         VALUES ($1, $2, 'pending', $3, $3) RETURNING id",
    )
    .bind(subscription)
    .bind(purpose.slug())
    .bind(stamp(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// A delivery a worker holds.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub subscription_id: i64,
    pub purpose: Purpose,
    pub change_id: Option<i64>,
    pub digest_from: Option<i64>,
    pub digest_to: Option<i64>,
    /// Attempts made before this one: the receiver was reached, or tried and failed.
    pub attempts: i64,
    /// Times a worker took the delivery over from one that died holding it.
    pub takeovers: i64,
}

type ClaimedRow = (
    i64,
    i64,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    i64,
    i64,
);

/// Takes up to `limit` deliveries that are due (or whose sender died holding them) and marks
/// them as being sent until `lease_until`. One statement, so two workers never take the
/// same row: on PostgreSQL a worker that waited for another's row lock checks the row's
/// state again (the outer condition) and leaves a row just taken. Alerts wait while their
/// subscription is paused; messages about the subscription itself go in any state. Taking
/// over a lease counts as a takeover, not an attempt: attempts are counted when a send ends.
/// The longest-due go first, so deliveries put back for a busy receiver wait behind others.
pub async fn claim(
    pool: &Pool,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Claimed>, DbError> {
    let rows: Vec<ClaimedRow> = sqlx::query_as(
        "UPDATE deliveries SET takeovers = takeovers + CASE WHEN state = 'sending' THEN 1 ELSE 0 END, \
         state = 'sending', lease_until = $2 \
         WHERE id IN (SELECT d.id FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id \
             WHERE ((d.state = 'pending' AND d.next_attempt_at <= $1) OR (d.state = 'sending' AND d.lease_until < $1)) \
             AND (s.state = 'active' OR d.purpose IN ('confirmation', 'reminder', 'paused')) \
             ORDER BY d.next_attempt_at, d.id LIMIT $3) \
         AND ((state = 'pending' AND next_attempt_at <= $1) OR (state = 'sending' AND lease_until < $1)) \
         RETURNING id, subscription_id, purpose, change_id, digest_from, digest_to, attempts, takeovers",
    )
    .bind(stamp(now))
    .bind(stamp(lease_until))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(
            |(
                id,
                subscription_id,
                purpose,
                change_id,
                digest_from,
                digest_to,
                attempts,
                takeovers,
            )| {
                Ok(Claimed {
                    id,
                    subscription_id,
                    purpose: Purpose::parse(&purpose)?,
                    change_id,
                    digest_from,
                    digest_to,
                    attempts,
                    takeovers,
                })
            },
        )
        .collect()
}

/// A delivery done: `sent` (one more attempt), or `skipped` when nothing was left to send.
pub async fn mark_done(
    tx: &mut Tx<'_>,
    id: i64,
    state: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE deliveries SET state = $1, sent_at = $2, lease_until = NULL, last_error = NULL, \
         attempts = attempts + CASE WHEN $1 = 'sent' THEN 1 ELSE 0 END WHERE id = $3",
    )
    .bind(state)
    .bind(stamp(now))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Puts a claimed delivery back, untried, to be claimed again at `at` (its receiver was busy
/// with others); attempts are not counted.
pub async fn put_back(pool: &Pool, id: i64, at: DateTime<Utc>) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE deliveries SET state = 'pending', lease_until = NULL, next_attempt_at = $1 \
         WHERE id = $2 AND state = 'sending'",
    )
    .bind(stamp(at))
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// A failed attempt, counted: tried again at `retry_at`, or failed for good when `None`.
pub async fn mark_failed(
    tx: &mut Tx<'_>,
    id: i64,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<(), DbError> {
    let (state, next) = match retry_at {
        Some(at) => ("pending", Some(stamp(at))),
        None => ("failed", None),
    };
    sqlx::query(
        "UPDATE deliveries SET state = $1, next_attempt_at = COALESCE($2, next_attempt_at), lease_until = NULL, \
         last_error = $3, attempts = attempts + 1 WHERE id = $4",
    )
    .bind(state)
    .bind(next)
    .bind(error)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Puts a failed delivery back in the queue (an admin asked); `false` if it was not failed.
pub async fn retry(tx: &mut Tx<'_>, id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = $1 WHERE id = $2 AND state = 'failed'",
    )
    .bind(stamp(now))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// Sends what waited for a paused webhook now, with its attempts counted afresh.
pub async fn restart_waiting(
    tx: &mut Tx<'_>,
    subscription: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE deliveries SET attempts = 0, next_attempt_at = $1 WHERE subscription_id = $2 AND state = 'pending'",
    )
    .bind(stamp(now))
    .bind(subscription)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Stops every queued delivery of a subscription (it bounced, paused or left).
pub async fn cancel_queued(
    tx: &mut Tx<'_>,
    subscription: i64,
    reason: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE deliveries SET state = 'failed', last_error = $1 WHERE subscription_id = $2 AND state = 'pending'",
    )
    .bind(reason)
    .bind(subscription)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Deliveries by channel and state, those of deleted subscriptions included.
pub async fn counts(pool: &Pool) -> Result<Vec<(String, String, i64)>, DbError> {
    sqlx::query_as(
        // PostgreSQL sums integers to NUMERIC, which the Any driver does not read.
        "SELECT channel, state, CAST(SUM(n) AS BIGINT) FROM ( \
            SELECT s.channel AS channel, d.state AS state, COUNT(*) AS n FROM deliveries d \
            JOIN subscriptions s ON s.id = d.subscription_id GROUP BY s.channel, d.state \
            UNION ALL SELECT channel, state, n FROM delivery_counts) AS all_counts \
         GROUP BY channel, state ORDER BY channel, state",
    )
    .fetch_all(pool)
    .await
    .map_err(DbError::from)
}

type ListedRow = (
    i64,
    String,
    String,
    String,
    i64,
    Option<String>,
    String,
    Option<String>,
);

/// Deliveries in `state`, newest first, as the admins' page lists them: no address.
pub async fn recent(pool: &Pool, state: &str, limit: i64) -> Result<Vec<DeliveryRow>, DbError> {
    let rows: Vec<ListedRow> = sqlx::query_as(
        "SELECT d.id, s.channel, d.purpose, d.state, d.attempts, d.last_error, d.created_at, d.sent_at \
         FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id \
         WHERE d.state = $1 ORDER BY d.id DESC LIMIT $2",
    )
    .bind(state)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, channel, purpose, state, attempts, last_error, created_at, sent_at)| {
                DeliveryRow {
                    id,
                    channel,
                    purpose,
                    state,
                    attempts,
                    last_error,
                    created_at,
                    sent_at,
                }
            },
        )
        .collect())
}

/// The newest event id (digests cover events up to it).
pub async fn newest_event(tx: &mut Tx<'_>) -> Result<i64, DbError> {
    let (id,): (Option<i64>,) = sqlx::query_as("SELECT MAX(id) FROM events")
        .fetch_one(&mut **tx)
        .await?;
    Ok(id.unwrap_or(0))
}
