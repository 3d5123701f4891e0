//! The delivery worker: claims due deliveries in small batches (so memory does not grow with
//! the number of subscribers), sends them a few at a time, and records how each went.
//! Several workers (one per server process) may run on one database: a claim is atomic, and
//! a delivery whose worker died is claimed again when its lease ends, carrying the same
//! message id so receivers can drop the duplicate.

use chrono::Duration;
use futures::StreamExt;
use lettre::message::Mailbox;
use std::collections::HashMap;
use std::sync::Arc;

use app::i18n::Lang;
use vigia::events::Event;
use vigia::ports::ComplianceReader;
use vigia::subscriptions::{retry_delay, Channel, Subscription};
use vigia::Snapshot;

use super::letters::{self, Envelope, Letter, Links};
use super::mailer::Mailer;
use super::webhook::WebhookSender;
use crate::db::deliveries::{Claimed, Purpose};
use crate::db::events::{self, EventFilter};
use crate::settings::Settings;
use crate::signing::{self, Signer};
use crate::store::{AfterFailure, Outcome, Store, CONFIRMATION_HOURS};

/// Deliveries claimed at once.
const BATCH: i64 = 64;
/// Deliveries sent at the same time.
const CONCURRENCY: usize = 16;
/// Events of a change, or of a digest's day, read at most.
const EVENTS_READ: i64 = 5_000;

pub struct Worker {
    store: Arc<Store>,
    mailer: Mailer,
    hooks: WebhookSender,
    signer: Signer,
    from: Mailbox,
    unsubscribe_mailto: String,
    base: String,
    host: String,
    max_attempts: u32,
    first_retry: std::time::Duration,
    /// How long a claimed delivery is this worker's before another may take it over.
    lease: Duration,
}

/// What one delivery needs that a whole batch shares.
struct Batch {
    snapshot: Arc<Snapshot>,
    changes: HashMap<i64, Arc<Vec<Event>>>,
}

impl Worker {
    pub async fn new(
        store: Arc<Store>,
        settings: &Settings,
        public_url: &str,
    ) -> anyhow::Result<Self> {
        let from: Mailbox = settings
            .mail_from
            .parse()
            .map_err(|e| anyhow::anyhow!("VIGIA_MAIL_FROM is not an address: {e}"))?;
        let unsubscribe_mailto = settings
            .unsubscribe_mailto
            .clone()
            .unwrap_or_else(|| from.email.to_string());
        Ok(Self {
            mailer: Mailer::new(settings.smtp_url.as_deref(), &settings.data_dir)?,
            hooks: WebhookSender::new(settings.webhook_allow_private)?,
            signer: Signer::load(store.pool()).await?,
            from,
            unsubscribe_mailto,
            base: public_url.trim_end_matches('/').to_owned(),
            host: crate::feeds::authority(public_url),
            max_attempts: settings.delivery_attempts,
            first_retry: std::time::Duration::from_millis(settings.delivery_retry_ms),
            lease: Duration::seconds(i64::try_from(settings.delivery_lease_secs).unwrap_or(300)),
            store,
        })
    }

    pub fn signer(&self) -> &Signer {
        &self.signer
    }

    pub fn webhooks(&self) -> &WebhookSender {
        &self.hooks
    }

    /// Sends until the process ends: at once when deliveries are queued here, every second
    /// for retries and for what other processes queued. Deletes unconfirmed subscriptions
    /// once a minute.
    pub fn spawn(self: Arc<Self>) {
        tokio::spawn(async move {
            let mut last_expiry = std::time::Instant::now() - std::time::Duration::from_secs(60);
            loop {
                if last_expiry.elapsed() >= std::time::Duration::from_secs(60) {
                    last_expiry = std::time::Instant::now();
                    match self.store.expire_unconfirmed().await {
                        Ok(0) => {}
                        Ok(n) => tracing::info!(deleted = n, "unconfirmed subscriptions expired"),
                        Err(error) => {
                            tracing::warn!(error = ?error, "could not expire subscriptions")
                        }
                    }
                }
                match self.run_once().await {
                    Ok(n) if n > 0 => continue,
                    Ok(_) => {}
                    Err(error) => {
                        tracing::error!(error = ?error, "the delivery worker failed; it will try again")
                    }
                }
                let queued = self.store.deliveries_queued().notified();
                let _ = tokio::time::timeout(std::time::Duration::from_secs(1), queued).await;
            }
        });
    }

    /// Claims one batch of due deliveries and sends it; returns how many it handled.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let claimed = self.store.claim_deliveries(BATCH, self.lease).await?;
        if claimed.is_empty() {
            return Ok(0);
        }
        let mut batch = Batch {
            snapshot: self.store.snapshot().await?,
            changes: HashMap::new(),
        };
        for change in claimed.iter().filter_map(|c| c.change_id) {
            if let std::collections::hash_map::Entry::Vacant(slot) = batch.changes.entry(change) {
                let filter = EventFilter {
                    change: Some(change),
                    ..EventFilter::default()
                };
                let mut list = events::list(self.store.pool(), &filter, EVENTS_READ).await?;
                list.reverse();
                slot.insert(Arc::new(list));
            }
        }
        let batch = &batch;
        let finished: Vec<(Claimed, Channel, Outcome)> = futures::stream::iter(claimed)
            .map(|delivery| async move {
                let (channel, outcome) = self.deliver(&delivery, batch).await;
                (delivery, channel, outcome)
            })
            .buffer_unordered(CONCURRENCY)
            .collect()
            .await;
        let results = self
            .store
            .finish_deliveries(&finished, self.max_attempts, |attempts| {
                retry_delay(attempts, rand::random::<f64>(), self.first_retry)
            })
            .await?;
        for ((delivery, channel, outcome), after) in finished.iter().zip(&results) {
            if let (Outcome::Failed { error, .. }, Some(after)) = (outcome, after) {
                let level_error = matches!(after, AfterFailure::GaveUp | AfterFailure::Bounced);
                if level_error {
                    tracing::error!(delivery = delivery.id, channel = channel.slug(), error = %error, after = ?after, "a delivery failed");
                } else {
                    tracing::warn!(delivery = delivery.id, channel = channel.slug(), error = %error, after = ?after, "a delivery failed");
                }
            }
        }
        Ok(finished.len())
    }

    fn links(&self, subscription: i64) -> Links {
        Links {
            base: self.base.clone(),
            manage: format!(
                "{}/alerts/manage?token={}",
                self.base,
                self.signer
                    .sign(signing::Purpose::ManageSubscription, subscription, None)
            ),
            unsubscribe: format!(
                "{}/alerts/unsubscribe?token={}",
                self.base,
                self.signer
                    .sign(signing::Purpose::Unsubscribe, subscription, None)
            ),
        }
    }

    async fn deliver(&self, delivery: &Claimed, batch: &Batch) -> (Channel, Outcome) {
        let subscription = match self.store.subscription(delivery.subscription_id).await {
            Ok(Some(subscription)) => subscription,
            Ok(None) => return (Channel::Email, Outcome::Skipped),
            Err(error) => return (Channel::Email, failed(format!("{error}"))),
        };
        let channel = subscription.channel;
        let outcome = match self.compose(delivery, &subscription, batch).await {
            Ok(None) => Outcome::Skipped,
            Ok(Some(Compose::Mail {
                letter,
                to,
                message_id,
                list,
            })) => {
                self.mail(&subscription, &letter, &to, message_id, list)
                    .await
            }
            Ok(Some(Compose::Hook { id, body })) => self.call(&subscription, &id, &body).await,
            Err(error) => failed(error),
        };
        (channel, outcome)
    }

    async fn compose(
        &self,
        delivery: &Claimed,
        subscription: &Subscription,
        batch: &Batch,
    ) -> Result<Option<Compose>, String> {
        let lang = Lang::parse(&subscription.lang).unwrap_or_default();
        let id = subscription.id;
        let links = self.links(id);
        let unsubscribe = || {
            Some((
                links.unsubscribe.clone(),
                format!(
                    "mailto:{}?subject=unsubscribe%20{id}",
                    self.unsubscribe_mailto
                ),
            ))
        };
        match delivery.purpose {
            Purpose::Change | Purpose::Digest => {
                let (wanted, more) = self.wanted_events(delivery, subscription, batch).await?;
                if wanted.is_empty() {
                    return Ok(None);
                }
                if subscription.channel == Channel::Webhook {
                    let change = delivery.change_id.unwrap_or_default();
                    let body = payload(
                        "vigia.events",
                        Some(change),
                        &wanted,
                        &batch.snapshot,
                        &self.base,
                    );
                    return Ok(Some(Compose::Hook {
                        id: format!("msg_change-{change}.subscription-{id}"),
                        body,
                    }));
                }
                let (letter, message_id) = match (delivery.purpose, delivery.change_id) {
                    (Purpose::Change, Some(change)) => (
                        letters::change_letter(lang, &batch.snapshot, &wanted, &links),
                        format!("<change-{change}.subscription-{id}@{}>", self.host),
                    ),
                    _ => {
                        let day = vigia::clock::la_paz_date(
                            wanted.last().map(|e| e.at).unwrap_or_default(),
                        );
                        let day = app::format::date(lang, day);
                        (
                            letters::digest_letter(
                                lang,
                                &batch.snapshot,
                                &day,
                                &wanted,
                                more,
                                &links,
                            ),
                            format!(
                                "<digest-{}-{}.subscription-{id}@{}>",
                                delivery.digest_from.unwrap_or_default(),
                                delivery.digest_to.unwrap_or_default(),
                                self.host
                            ),
                        )
                    }
                };
                Ok(Some(Compose::Mail {
                    letter,
                    to: subscription.address.clone(),
                    message_id,
                    list: unsubscribe(),
                }))
            }
            Purpose::Confirmation | Purpose::Reminder => {
                let letter = if delivery.purpose == Purpose::Confirmation {
                    let expires = self.store.now() + Duration::hours(CONFIRMATION_HOURS);
                    let token =
                        self.signer
                            .sign(signing::Purpose::ConfirmSubscription, id, Some(expires));
                    letters::confirmation_letter(
                        lang,
                        &format!("{}/alerts/confirm?token={token}", self.base),
                    )
                } else {
                    letters::reminder_letter(lang, &links.manage)
                };
                let message_id = format!("<delivery-{}@{}>", delivery.id, self.host);
                Ok(Some(Compose::Mail {
                    letter,
                    to: subscription.address.clone(),
                    message_id,
                    list: None,
                }))
            }
            Purpose::Paused => {
                let Some(contact) = subscription.contact.clone() else {
                    return Ok(None);
                };
                let last_error = self
                    .store
                    .webhook_last_error(id)
                    .await
                    .map_err(|e| e.to_string())?;
                let letter = letters::paused_letter(
                    lang,
                    subscription,
                    &last_error.unwrap_or_default(),
                    &links.manage,
                );
                let message_id = format!("<delivery-{}@{}>", delivery.id, self.host);
                Ok(Some(Compose::Mail {
                    letter,
                    to: contact,
                    message_id,
                    list: None,
                }))
            }
        }
    }

    /// The events of the delivery's change or digest that the subscription wants, oldest
    /// first, and how many more a digest leaves out.
    async fn wanted_events(
        &self,
        delivery: &Claimed,
        subscription: &Subscription,
        batch: &Batch,
    ) -> Result<(Vec<Event>, usize), String> {
        let all: Arc<Vec<Event>> =
            match (delivery.change_id, delivery.digest_from, delivery.digest_to) {
                (Some(change), _, _) => batch.changes.get(&change).cloned().unwrap_or_default(),
                (None, Some(from), Some(to)) => {
                    let filter = EventFilter {
                        after: Some(from),
                        before: Some(to + 1),
                        ..EventFilter::default()
                    };
                    let mut list = events::list(self.store.pool(), &filter, EVENTS_READ)
                        .await
                        .map_err(|e| format!("could not read the events: {e}"))?;
                    list.reverse();
                    Arc::new(list)
                }
                _ => Arc::default(),
            };
        let mut wanted: Vec<Event> = all
            .iter()
            .filter(|e| subscription.filters.wants(&e.draft))
            .cloned()
            .collect();
        let more = wanted.len().saturating_sub(letters::DIGEST_EVENTS);
        wanted.truncate(letters::DIGEST_EVENTS);
        Ok((wanted, more))
    }

    async fn mail(
        &self,
        subscription: &Subscription,
        letter: &Letter,
        to: &str,
        message_id: String,
        list: Option<(String, String)>,
    ) -> Outcome {
        let lang = Lang::parse(&subscription.lang).unwrap_or_default();
        let envelope = Envelope {
            from: &self.from,
            to,
            message_id,
            unsubscribe: list
                .as_ref()
                .map(|(https, mailto)| (https.as_str(), mailto.clone())),
        };
        let message = match letters::message(letter, lang, envelope) {
            Ok(message) => message,
            Err(error) => {
                return Outcome::Failed {
                    error,
                    permanent: true,
                }
            }
        };
        match self.mailer.send(message).await {
            Ok(()) => Outcome::Sent,
            // Mail servers often quote the address in their refusal; admins see the error,
            // never the address.
            Err(error) => Outcome::Failed {
                error: error.message.replace(to, "<address>"),
                permanent: error.permanent,
            },
        }
    }

    async fn call(&self, subscription: &Subscription, id: &str, body: &str) -> Outcome {
        let secrets = match self.store.webhook_secrets(subscription.id).await {
            Ok(secrets) => secrets,
            Err(error) => return failed(error.to_string()),
        };
        match self
            .hooks
            .post(&subscription.address, id, body, &secrets)
            .await
        {
            Ok(()) => Outcome::Sent,
            Err(error) => failed(error.0),
        }
    }
}

enum Compose {
    Mail {
        letter: Letter,
        to: String,
        message_id: String,
        list: Option<(String, String)>,
    },
    Hook {
        id: String,
        body: String,
    },
}

fn failed(error: String) -> Outcome {
    Outcome::Failed {
        error,
        permanent: false,
    }
}

/// The JSON a webhook receives (its schema is `WebhookPayload` in the OpenAPI document).
pub fn payload(
    kind: &str,
    change: Option<i64>,
    events: &[Event],
    snapshot: &Snapshot,
    base: &str,
) -> String {
    let payload = crate::api::events::WebhookPayload {
        kind: kind.to_owned(),
        change_id: change,
        events: events
            .iter()
            .map(|e| crate::api::events::event_dto(e, snapshot, base))
            .collect(),
    };
    serde_json::to_string(&payload).unwrap_or_default()
}
