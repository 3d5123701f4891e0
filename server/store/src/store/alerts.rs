//! Alert subscriptions and their deliveries, as the store writes them. Subscriptions are
//! personal data, not part of the public record: they leave no history entry and do not move
//! the data version.

use chrono::{DateTime, Duration, Utc};

use vigia::ports::WriteError;
use vigia::subscriptions::{Channel, NewSubscription, State, Subscription};

use super::Store;
use crate::db::deliveries::{self, Claimed, Purpose};
use crate::db::subscriptions;
use crate::db::DbError;
use crate::db::Tx;
use crate::ReadError;

/// How long a confirmation link works; unconfirmed subscriptions go after it.
pub const CONFIRMATION_HOURS: i64 = 48;
/// How long a rotated-out webhook secret still signs deliveries.
pub const SECRET_OVERLAP_HOURS: i64 = 24;
/// How long a webhook may keep failing before it is paused.
pub const FAILING_HOURS_BEFORE_PAUSE: i64 = 24;

/// Counts for the admins' page and `/metrics`.
#[derive(Debug, Clone, Default)]
pub struct AlertCounts {
    pub events: i64,
    /// (channel, state, subscriptions)
    pub subscriptions: Vec<(String, String, i64)>,
    /// (channel, state, department or `*`, subscribers)
    pub subscribers: Vec<(String, String, String, i64)>,
    /// (channel, state, deliveries)
    pub deliveries: Vec<(String, String, i64)>,
}

/// How a delivery went, as the worker reports it.
#[derive(Debug, Clone)]
pub enum Outcome {
    Sent,
    /// Sent, but the receiver took so long to answer that it counts as failing (a webhook
    /// slow every time is paused like one that fails).
    Slow {
        error: String,
    },
    /// Nothing was left to send (the filters changed, the subscription went).
    Skipped,
    Failed {
        error: String,
        /// The receiver refused for good (a 5xx SMTP answer about the address).
        permanent: bool,
    },
}

/// What became of a failed delivery, for the worker's logs and metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    Retry,
    GaveUp,
    Bounced,
    Paused,
}

impl Store {
    /// Wakes the delivery worker: something was queued.
    pub fn deliveries_queued(&self) -> &tokio::sync::Notify {
        &self.queued
    }

    async fn begin_alerts(&self) -> Result<Tx<'static>, WriteError> {
        self.begin().await
    }

    async fn commit_alerts(&self, tx: Tx<'static>, queued: bool) -> Result<(), WriteError> {
        tx.commit().await.map_err(DbError::from)?;
        if queued {
            self.queued.notify_one();
        }
        Ok(())
    }

    /// An email subscription asked for: kept, as it came, for the worker to carry out. The
    /// form's answer is the same whatever the address's state, and so is the work done before
    /// it: one row written.
    pub async fn request_email_subscription(
        &self,
        new: &NewSubscription,
    ) -> Result<(), WriteError> {
        subscriptions::add_request(&self.pool, new, self.clock.now()).await?;
        self.queued.notify_one();
        Ok(())
    }

    /// Carries out the oldest waiting subscription request; false when none waited.
    pub async fn carry_out_subscription_request(&self) -> Result<bool, WriteError> {
        let mut tx = self.begin_alerts().await?;
        let Some(new) = subscriptions::take_request(&mut tx).await? else {
            return Ok(false);
        };
        let queued = self.subscribe_email_in(&mut tx, &new).await?;
        self.commit_alerts(tx, queued).await?;
        Ok(true)
    }

    /// An email subscription asked for, carried out at once (the worker and the command line
    /// use it). A new or pending address gets a confirmation (at most three a day), an address
    /// subscribed already gets its management link, a refused one is tried again.
    pub async fn subscribe_email(&self, new: &NewSubscription) -> Result<(), WriteError> {
        let mut tx = self.begin_alerts().await?;
        let queued = self.subscribe_email_in(&mut tx, new).await?;
        self.commit_alerts(tx, queued).await
    }

    /// Whether a message was queued.
    async fn subscribe_email_in(
        &self,
        tx: &mut Tx<'static>,
        new: &NewSubscription,
    ) -> Result<bool, WriteError> {
        let now = self.clock.now();
        let today = self.clock.today();
        let existing = subscriptions::find(tx, Channel::Email, &new.address).await?;
        let (id, purpose) = match existing {
            None => {
                let id = subscriptions::insert(tx, new, None, now).await?;
                (id, Purpose::Confirmation)
            }
            Some(found) if matches!(found.state, State::Pending | State::Bounced) => {
                subscriptions::set_filters(tx, found.id, new).await?;
                subscriptions::set_state(tx, found.id, &[State::Bounced], State::Pending, now)
                    .await?;
                subscriptions::restart_pending(tx, found.id, now).await?;
                (found.id, Purpose::Confirmation)
            }
            // Subscribed already: the choices asked for wait until the owner applies them
            // from the email, so a stranger cannot change someone else's subscription.
            Some(found) => {
                subscriptions::add_change(tx, found.id, new, now).await?;
                (found.id, Purpose::Reminder)
            }
        };
        let allowed = subscriptions::count_confirmation(tx, id, today).await?;
        if allowed {
            deliveries::queue(tx, id, purpose, now).await?;
        }
        Ok(allowed)
    }

    /// A webhook whose receiver answered the signed test: stored active with its secret.
    /// `Conflict` when the address has a webhook already.
    pub async fn add_webhook(
        &self,
        new: &NewSubscription,
        secret: &str,
    ) -> Result<i64, WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin_alerts().await?;
        if subscriptions::find(&mut tx, Channel::Webhook, &new.address)
            .await?
            .is_some()
        {
            return Err(WriteError::Conflict);
        }
        let id = subscriptions::insert(&mut tx, new, Some(secret), now).await?;
        subscriptions::set_state(&mut tx, id, &[State::Pending], State::Active, now).await?;
        self.commit_alerts(tx, false).await?;
        Ok(id)
    }

    pub async fn subscription(&self, id: i64) -> Result<Option<Subscription>, ReadError> {
        let mut tx = self.pool.begin().await.map_err(DbError::from)?;
        let found = subscriptions::get(&mut tx, id).await?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(found)
    }

    /// A change asked for a subscribed address: its subscription as it is, what was asked,
    /// and whether it was applied already.
    pub async fn subscription_change(
        &self,
        change: i64,
    ) -> Result<Option<(Subscription, NewSubscription, bool)>, ReadError> {
        let mut tx = self.pool.begin().await.map_err(DbError::from)?;
        let Some((id, asked, applied)) = subscriptions::change(&mut tx, change).await? else {
            return Ok(None);
        };
        let found = subscriptions::get(&mut tx, id).await?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(found.map(|subscription| (subscription, asked, applied)))
    }

    /// The latest change asked for a subscription and not applied yet, with its id.
    pub async fn latest_subscription_change(
        &self,
        subscription: i64,
    ) -> Result<Option<(i64, NewSubscription)>, ReadError> {
        let mut tx = self.pool.begin().await.map_err(DbError::from)?;
        let found = subscriptions::latest_change(&mut tx, subscription).await?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(found)
    }

    /// Applies a change its owner confirmed from the email; returns the subscription's id.
    /// `Conflict` when it was applied already, `NotFound` when it or its subscription is gone.
    pub async fn apply_subscription_change(&self, change: i64) -> Result<i64, WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin_alerts().await?;
        let (id, asked, _) = subscriptions::change(&mut tx, change)
            .await?
            .ok_or(WriteError::NotFound)?;
        let current = subscriptions::get(&mut tx, id)
            .await?
            .ok_or(WriteError::NotFound)?;
        if !subscriptions::mark_applied(&mut tx, change, now).await? {
            return Err(WriteError::Conflict);
        }
        let after = current.with_asked(&asked);
        let new = NewSubscription {
            channel: after.channel,
            address: after.address,
            contact: after.contact,
            filters: after.filters,
            digest: after.digest,
            lang: after.lang,
            if_subscribed: asked.if_subscribed,
        };
        subscriptions::set_filters(&mut tx, id, &new).await?;
        self.commit_alerts(tx, false).await?;
        tracing::info!(subscription = id, change, "subscription change applied");
        Ok(id)
    }

    /// Confirms a pending email subscription; `false` when there is none to confirm.
    pub async fn confirm_subscription(&self, id: i64) -> Result<bool, WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin_alerts().await?;
        let confirmed =
            subscriptions::set_state(&mut tx, id, &[State::Pending], State::Active, now).await?;
        self.commit_alerts(tx, false).await?;
        if confirmed {
            tracing::info!(subscription = id, "subscription confirmed");
        }
        Ok(confirmed)
    }

    /// Deletes a subscription: only anonymous counts of its deliveries stay.
    pub async fn delete_subscription(&self, id: i64) -> Result<bool, WriteError> {
        let mut tx = self.begin_alerts().await?;
        let deleted = subscriptions::delete(&mut tx, id).await?;
        self.commit_alerts(tx, false).await?;
        if deleted {
            tracing::info!(subscription = id, "subscription deleted");
        }
        Ok(deleted)
    }

    /// Changes what a subscription follows (its channel and address stay).
    pub async fn update_subscription(
        &self,
        id: i64,
        new: &NewSubscription,
    ) -> Result<(), WriteError> {
        let mut tx = self.begin_alerts().await?;
        if subscriptions::get(&mut tx, id).await?.is_none() {
            return Err(WriteError::NotFound);
        }
        subscriptions::set_filters(&mut tx, id, new).await?;
        self.commit_alerts(tx, false).await
    }

    /// Pauses (`false`) or resumes (`true`) a webhook; what waited is sent on resuming.
    pub async fn set_webhook_running(&self, id: i64, running: bool) -> Result<bool, WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin_alerts().await?;
        let (from, to) = if running {
            (State::Paused, State::Active)
        } else {
            (State::Active, State::Paused)
        };
        let changed = subscriptions::set_state(&mut tx, id, &[from], to, now).await?;
        if changed && running {
            deliveries::restart_waiting(&mut tx, id, now).await?;
        }
        self.commit_alerts(tx, changed && running).await?;
        Ok(changed)
    }

    /// Gives a webhook a new secret; the old one keeps signing for a day beside it.
    pub async fn rotate_webhook_secret(&self, id: i64, secret: &str) -> Result<(), WriteError> {
        let until = self.clock.now() + Duration::hours(SECRET_OVERLAP_HOURS);
        let mut tx = self.begin_alerts().await?;
        subscriptions::rotate_secret(&mut tx, id, secret, until).await?;
        self.commit_alerts(tx, false).await
    }

    /// The secrets that sign a webhook's deliveries now (the new one first).
    pub async fn webhook_secrets(&self, id: i64) -> Result<Vec<String>, ReadError> {
        let mut tx = self.pool.begin().await.map_err(DbError::from)?;
        let secrets = subscriptions::secrets(&mut tx, id, self.clock.now()).await?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(secrets)
    }

    /// Why a webhook's last delivery failed, if it did.
    pub async fn webhook_last_error(&self, id: i64) -> Result<Option<String>, ReadError> {
        crate::db::subscriptions::last_error(&self.pool, id)
            .await
            .map_err(ReadError::from)
    }

    /// Subscribers by channel, state and department (`*` for all), and deliveries by
    /// channel and state: counts only, never addresses.
    pub async fn alert_counts(&self) -> Result<AlertCounts, ReadError> {
        Ok(AlertCounts {
            events: crate::db::events::count(&self.pool).await?,
            subscriptions: subscriptions::totals(&self.pool).await?,
            subscribers: subscriptions::counts(&self.pool).await?,
            deliveries: deliveries::counts(&self.pool).await?,
        })
    }

    /// Deliveries in `state`, newest first, for the admins' page.
    pub async fn recent_deliveries(
        &self,
        state: &str,
        limit: i64,
    ) -> Result<Vec<vigia::subscriptions::DeliveryRow>, ReadError> {
        deliveries::recent(&self.pool, state, limit)
            .await
            .map_err(ReadError::from)
    }

    pub async fn webhook_statuses(
        &self,
    ) -> Result<Vec<vigia::subscriptions::WebhookRow>, ReadError> {
        subscriptions::webhooks(&self.pool)
            .await
            .map_err(ReadError::from)
    }

    /// Deletes the email subscriptions nobody confirmed within 48 hours.
    pub async fn expire_unconfirmed(&self) -> Result<usize, WriteError> {
        let cutoff = self.clock.now() - Duration::hours(CONFIRMATION_HOURS);
        let mut tx = self.begin_alerts().await?;
        let expired = subscriptions::expired_pending(&mut tx, cutoff).await?;
        for id in &expired {
            subscriptions::delete(&mut tx, *id).await?;
        }
        self.commit_alerts(tx, false).await?;
        Ok(expired.len())
    }

    /// Queues today's digests (once a day, however many processes ask).
    pub async fn queue_digests(&self) -> Result<u64, WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin_alerts().await?;
        let up_to = deliveries::newest_event(&mut tx).await?;
        let queued = deliveries::queue_digests(&mut tx, self.clock.today(), up_to, now).await?;
        self.commit_alerts(tx, queued > 0).await?;
        Ok(queued)
    }

    /// Puts a failed delivery back in the queue (an admin asked).
    pub async fn retry_delivery(&self, id: i64) -> Result<bool, WriteError> {
        let mut tx = self.begin_alerts().await?;
        let queued = deliveries::retry(&mut tx, id, self.clock.now()).await?;
        self.commit_alerts(tx, queued).await?;
        Ok(queued)
    }

    /// Deliveries that are due, marked as being sent for the next `lease`.
    pub async fn claim_deliveries(
        &self,
        limit: i64,
        lease: Duration,
    ) -> Result<Vec<Claimed>, WriteError> {
        let now = self.clock.now();
        deliveries::claim(&self.pool, now, now + lease, limit)
            .await
            .map_err(WriteError::from)
    }

    /// Gives a claimed delivery back, untried, to be claimed again after `wait`.
    pub async fn put_back_delivery(
        &self,
        id: i64,
        wait: std::time::Duration,
    ) -> Result<(), WriteError> {
        let at =
            self.clock.now() + Duration::from_std(wait).unwrap_or_else(|_| Duration::seconds(5));
        deliveries::put_back(&self.pool, id, at)
            .await
            .map_err(WriteError::from)
    }

    /// Records how deliveries went, in one transaction. `max_attempts` bounds the retries;
    /// `retry_in` says how long to wait before the next attempt of a delivery tried so often.
    pub async fn finish_deliveries(
        &self,
        finished: &[(Claimed, Channel, Outcome)],
        max_attempts: u32,
        retry_in: impl Fn(u32) -> std::time::Duration,
    ) -> Result<Vec<Option<AfterFailure>>, WriteError> {
        let now = self.clock.now();
        let mut tx = self.begin_alerts().await?;
        let mut results = Vec::with_capacity(finished.len());
        let mut queued = false;
        for (delivery, channel, outcome) in finished {
            let about_webhook = *channel == Channel::Webhook && delivery.purpose != Purpose::Paused;
            let result = match outcome {
                Outcome::Sent | Outcome::Skipped => {
                    let state = if matches!(outcome, Outcome::Sent) {
                        "sent"
                    } else {
                        "skipped"
                    };
                    deliveries::mark_done(&mut tx, delivery.id, state, now).await?;
                    if about_webhook && matches!(outcome, Outcome::Sent) {
                        subscriptions::note_outcome(&mut tx, delivery.subscription_id, None, now)
                            .await?;
                    }
                    None
                }
                Outcome::Slow { error } => {
                    deliveries::mark_done(&mut tx, delivery.id, "sent", now).await?;
                    let paused = about_webhook
                        && self
                            .pause_if_failing(&mut tx, delivery.subscription_id, error, now)
                            .await?;
                    queued |= paused;
                    paused.then_some(AfterFailure::Paused)
                }
                Outcome::Failed { error, permanent } => {
                    let after = self
                        .failed(
                            &mut tx,
                            delivery,
                            about_webhook,
                            (error, *permanent),
                            max_attempts,
                            &retry_in,
                            now,
                        )
                        .await?;
                    queued |= after == AfterFailure::Paused;
                    Some(after)
                }
            };
            results.push(result);
        }
        self.commit_alerts(tx, queued).await?;
        Ok(results)
    }

    #[allow(clippy::too_many_arguments)]
    async fn failed(
        &self,
        tx: &mut Tx<'_>,
        delivery: &Claimed,
        about_webhook: bool,
        (error, permanent): (&str, bool),
        max_attempts: u32,
        retry_in: &impl Fn(u32) -> std::time::Duration,
        now: DateTime<Utc>,
    ) -> Result<AfterFailure, WriteError> {
        let subscription = delivery.subscription_id;
        if permanent && !about_webhook && delivery.purpose != Purpose::Paused {
            deliveries::mark_failed(tx, delivery.id, error, None).await?;
            subscriptions::set_state(
                tx,
                subscription,
                &[State::Active, State::Pending],
                State::Bounced,
                now,
            )
            .await?;
            deliveries::cancel_queued(tx, subscription, "the mail server refused the address")
                .await?;
            tracing::warn!(
                subscription,
                "the mail server refused an address for good; nothing more is sent to it"
            );
            return Ok(AfterFailure::Bounced);
        }
        // This attempt included: the claim does not count it.
        let attempts = u32::try_from(delivery.attempts + 1).unwrap_or(u32::MAX);
        let retry_at =
            now + Duration::from_std(retry_in(attempts)).unwrap_or_else(|_| Duration::hours(6));
        if about_webhook && self.pause_if_failing(tx, subscription, error, now).await? {
            // It waits, pending, for the webhook to be resumed.
            deliveries::mark_failed(tx, delivery.id, error, Some(now)).await?;
            return Ok(AfterFailure::Paused);
        }
        let gave_up = attempts >= max_attempts;
        deliveries::mark_failed(tx, delivery.id, error, (!gave_up).then_some(retry_at)).await?;
        Ok(if gave_up {
            AfterFailure::GaveUp
        } else {
            AfterFailure::Retry
        })
    }

    /// Notes a webhook's failure; pauses it (telling its contact, if it gave one) once it has
    /// failed for a day. `true` when it was paused now.
    async fn pause_if_failing(
        &self,
        tx: &mut Tx<'_>,
        subscription: i64,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, WriteError> {
        let since = subscriptions::note_outcome(tx, subscription, Some(error), now).await?;
        let failing_for_a_day =
            since.is_some_and(|since| now - since >= Duration::hours(FAILING_HOURS_BEFORE_PAUSE));
        if !failing_for_a_day
            || !subscriptions::set_state(tx, subscription, &[State::Active], State::Paused, now)
                .await?
        {
            return Ok(false);
        }
        tracing::warn!(subscription, "a webhook failed for a day and was paused");
        let has_contact = subscriptions::get(tx, subscription)
            .await?
            .is_some_and(|s| s.contact.is_some());
        if has_contact {
            deliveries::queue(tx, subscription, Purpose::Paused, now).await?;
        }
        Ok(true)
    }
}
