//! The delivery worker: claims due deliveries in small batches (so memory does not grow with
//! the number of subscribers) and sends each as its own task, in its receiver's lane (see
//! `lanes`), recording how it went as soon as it is done: a receiver that hangs delays only
//! its own deliveries. Several workers (one per server process) may run on one database: a
//! claim is atomic, and a delivery whose worker died is claimed again when its lease ends
//! (counted as a takeover, not an attempt), carrying the same message id so receivers can
//! drop the duplicate.

use chrono::Duration;
use lettre::message::Mailbox;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

use app::alert_choices::choice_lines;
use app::i18n::Lang;
use vigia::events::Event;
use vigia::ports::ComplianceReader;
use vigia::subscriptions::{retry_delay, Channel, IfSubscribed, Subscription};
use vigia::Snapshot;

use super::lanes::{lane_of, Lanes};
use super::letters::{self, Envelope, Letter, Links};
use super::mailer::Mailer;
use super::webhook::WebhookSender;
use crate::settings::Settings;
use crate::signing::{self, Signer};
use vigia_store::db::deliveries::{Claimed, Purpose};
use vigia_store::EventFilter;
use vigia_store::{AfterFailure, Outcome, Store, CONFIRMATION_HOURS};

/// Deliveries claimed at once.
const BATCH: i64 = 64;
/// Deliveries being handled at once (waiting for their lane or sending), at most.
const IN_FLIGHT: usize = 256;
/// Events of a change, or of a digest's day, read at most.
const EVENTS_READ: i64 = 5_000;
/// Changes whose events are kept for the deliveries that follow.
const CHANGES_KEPT: usize = 64;
/// A webhook that takes this long to answer counts as failing, though its answer counts as
/// received: one that is this slow every time is paused like one that fails.
const SLOW_ANSWER: std::time::Duration = std::time::Duration::from_secs(5);
/// How long a delivery whose lane is full waits before it is claimed again.
const LANE_FULL_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

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
    lanes: Arc<Lanes>,
    in_flight: InFlight,
    /// The events of recent changes, read once for all their deliveries.
    changes: Mutex<lru::LruCache<i64, Arc<Vec<Event>>>>,
}

/// The deliveries being handled, and a signal each time one is done.
#[derive(Default)]
struct InFlight {
    count: AtomicUsize,
    done: Notify,
}

impl Worker {
    pub fn new(
        store: Arc<Store>,
        settings: &Settings,
        public_url: &str,
        signer: Signer,
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
            signer,
            from,
            unsubscribe_mailto,
            base: public_url.trim_end_matches('/').to_owned(),
            host: crate::present::authority(public_url),
            max_attempts: settings.delivery_attempts,
            first_retry: std::time::Duration::from_millis(settings.delivery_retry_ms),
            lease: Duration::seconds(i64::try_from(settings.delivery_lease_secs).unwrap_or(300)),
            store,
            lanes: Arc::default(),
            in_flight: InFlight::default(),
            changes: Mutex::new(lru::LruCache::new(
                NonZeroUsize::new(CHANGES_KEPT).expect("not zero"),
            )),
        })
    }

    /// A message about a person's account (a password reset link), sent now, not queued:
    /// it is no alert, and a link that arrives an hour late is no use.
    pub async fn send_account_letter(
        &self,
        to: &str,
        letter: &Letter,
        lang: Lang,
    ) -> Result<(), String> {
        let envelope = Envelope {
            from: &self.from,
            to,
            message_id: format!(
                "<account-{}@{}>",
                hex::encode(rand::random::<[u8; 12]>()),
                self.host
            ),
            unsubscribe: None,
        };
        let message = letters::message(letter, lang, envelope)?;
        self.mailer.send(message).await.map_err(|e| e.message)
    }

    pub fn webhooks(&self) -> &WebhookSender {
        &self.hooks
    }

    /// Sends until the process ends: at once when deliveries are queued here or a send ends,
    /// every second for retries and for what other processes queued. Deletes unconfirmed
    /// subscriptions once a minute.
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
                let queued = self.store.deliveries_queued().notified();
                let done = self.in_flight.done.notified();
                match self.dispatch_due().await {
                    Ok(n) if n > 0 => continue,
                    Ok(_) => {}
                    Err(error) => {
                        tracing::error!(error = ?error, "the delivery worker failed; it will try again")
                    }
                }
                let wake = async {
                    tokio::select! {
                        () = queued => {},
                        () = done => {},
                    }
                };
                let _ = tokio::time::timeout(std::time::Duration::from_secs(1), wake).await;
            }
        });
    }

    /// Carries out the subscription forms waiting (their confirmations join the queue),
    /// then claims what is due (as much as there is room for) and starts each delivery on
    /// its own task; how many requests and deliveries it started. It does not wait for the
    /// deliveries.
    pub async fn dispatch_due(self: &Arc<Self>) -> anyhow::Result<usize> {
        let mut requests = 0;
        while requests < BATCH && self.store.carry_out_subscription_request().await? {
            requests += 1;
        }
        let room = IN_FLIGHT.saturating_sub(self.in_flight.count.load(Ordering::Acquire));
        if room == 0 {
            return Ok(requests as usize);
        }
        let limit = BATCH.min(i64::try_from(room).unwrap_or(BATCH));
        let claimed = self.store.claim_deliveries(limit, self.lease).await?;
        let started = requests as usize + claimed.len();
        for delivery in claimed {
            self.in_flight.count.fetch_add(1, Ordering::AcqRel);
            let worker = self.clone();
            tokio::spawn(async move {
                worker.handle(delivery).await;
                worker.in_flight.count.fetch_sub(1, Ordering::AcqRel);
                worker.in_flight.done.notify_waiters();
                worker.in_flight.done.notify_one();
            });
        }
        Ok(started)
    }

    /// Waits until every delivery started so far is done.
    pub async fn settle(&self) {
        loop {
            let done = self.in_flight.done.notified();
            if self.in_flight.count.load(Ordering::Acquire) == 0 {
                return;
            }
            done.await;
        }
    }

    /// Claims what is due and sends it, waiting for every send; how many it handled.
    pub async fn run_once(self: &Arc<Self>) -> anyhow::Result<usize> {
        let started = self.dispatch_due().await?;
        self.settle().await;
        Ok(started)
    }

    /// One delivery from its claim to its record: put back untried when its lane is full.
    async fn handle(&self, delivery: Claimed) {
        let subscription = match self.store.subscription(delivery.subscription_id).await {
            Ok(subscription) => subscription,
            Err(error) => {
                let outcome = failed(format!("{error}"));
                return self.record(delivery, Channel::Email, outcome).await;
            }
        };
        let Some(subscription) = subscription else {
            return self
                .record(delivery, Channel::Email, Outcome::Skipped)
                .await;
        };
        let lane = lane_of(&subscription);
        let Some(place) = self.lanes.enter(&lane) else {
            let wait = LANE_FULL_WAIT.mul_f64(1.0 + rand::random::<f64>());
            if let Err(error) = self.store.put_back_delivery(delivery.id, wait).await {
                tracing::warn!(delivery = delivery.id, error = ?error, "a delivery could not be put back; its lease will end");
            }
            return;
        };
        let channel = subscription.channel;
        let outcome = self.deliver(&delivery, &subscription, &place).await;
        drop(place);
        self.record(delivery, channel, outcome).await;
    }

    /// Records how a delivery went, and logs a failure.
    async fn record(&self, delivery: Claimed, channel: Channel, outcome: Outcome) {
        let finished = [(delivery, channel, outcome)];
        let after = self
            .store
            .finish_deliveries(&finished, self.max_attempts, |attempts| {
                retry_delay(attempts, rand::random::<f64>(), self.first_retry)
            })
            .await;
        let [(delivery, channel, outcome)] = &finished;
        match (outcome, after.as_deref()) {
            (_, Err(error)) => {
                tracing::error!(delivery = delivery.id, error = ?error, "how a delivery went could not be recorded; its lease will end");
            }
            (Outcome::Failed { error, .. }, Ok([Some(after)])) => {
                let level_error = matches!(after, AfterFailure::GaveUp | AfterFailure::Bounced);
                if level_error {
                    tracing::error!(delivery = delivery.id, channel = channel.slug(), error = %error, after = ?after, "a delivery failed");
                } else {
                    tracing::warn!(delivery = delivery.id, channel = channel.slug(), error = %error, after = ?after, "a delivery failed");
                }
            }
            (Outcome::Slow { error }, Ok(after)) => {
                tracing::warn!(delivery = delivery.id, error = %error, after = ?after, "a webhook answered slowly");
            }
            _ => {}
        }
    }

    /// The events of one change, oldest first, read once for all its deliveries.
    async fn change_events(&self, change: i64) -> Result<Arc<Vec<Event>>, String> {
        let kept = self
            .changes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&change)
            .cloned();
        if let Some(events) = kept {
            return Ok(events);
        }
        let filter = EventFilter {
            change: Some(change),
            ..EventFilter::default()
        };
        let mut list = self
            .store
            .events(&filter, EVENTS_READ)
            .await
            .map_err(|e| format!("could not read the events: {e}"))?;
        list.reverse();
        let list = Arc::new(list);
        self.changes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .put(change, list.clone());
        Ok(list)
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

    /// Composes and sends one delivery, once its lane gives it a turn.
    async fn deliver(
        &self,
        delivery: &Claimed,
        subscription: &Subscription,
        place: &super::lanes::Place,
    ) -> Outcome {
        let snapshot = match self.store.snapshot().await {
            Ok(snapshot) => snapshot,
            Err(error) => return failed(format!("{error:?}")),
        };
        match self.compose(delivery, subscription, &snapshot).await {
            Ok(None) => Outcome::Skipped,
            Ok(Some(Compose::Mail {
                letter,
                to,
                message_id,
                list,
            })) => {
                let _turn = place.turn().await;
                self.mail(subscription, &letter, &to, message_id, list)
                    .await
            }
            Ok(Some(Compose::Hook { id, body })) => {
                let _turn = place.turn().await;
                self.call(subscription, &id, &body).await
            }
            Err(error) => failed(error),
        }
    }

    async fn compose(
        &self,
        delivery: &Claimed,
        subscription: &Subscription,
        snapshot: &Snapshot,
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
                let (wanted, more) = self.wanted_events(delivery, subscription).await?;
                if wanted.is_empty() {
                    return Ok(None);
                }
                if subscription.channel == Channel::Webhook {
                    let change = delivery.change_id.unwrap_or_default();
                    let body = crate::present::webhook_payload(
                        "vigia.events",
                        Some(change),
                        &wanted,
                        snapshot,
                        &self.base,
                    );
                    return Ok(Some(Compose::Hook {
                        id: format!("msg_change-{change}.subscription-{id}"),
                        body,
                    }));
                }
                let (letter, message_id) = match (delivery.purpose, delivery.change_id) {
                    (Purpose::Change, Some(change)) => (
                        letters::change_letter(lang, snapshot, &wanted, &links),
                        format!("<change-{change}.subscription-{id}@{}>", self.host),
                    ),
                    _ => {
                        let day = vigia::clock::la_paz_date(
                            wanted.last().map(|e| e.at).unwrap_or_default(),
                        );
                        let day = app::format::date(lang, day);
                        (
                            letters::digest_letter(lang, snapshot, &day, &wanted, more, &links),
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
                let names = app::alert_choices::department_names(snapshot);
                let expires = self.store.now() + Duration::hours(CONFIRMATION_HOURS);
                let letter = if delivery.purpose == Purpose::Confirmation {
                    let token =
                        self.signer
                            .sign(signing::Purpose::ConfirmSubscription, id, Some(expires));
                    letters::confirmation_letter(
                        lang,
                        &format!("{}/alerts/confirm?token={token}", self.base),
                        choice_lines(lang, subscription, &names),
                    )
                } else {
                    let change = self
                        .store
                        .latest_subscription_change(id)
                        .await
                        .map_err(|e| e.to_string())?
                        .map(|(change, asked)| {
                            let token = self.signer.sign(
                                signing::Purpose::ApplySubscriptionChange,
                                change,
                                Some(expires),
                            );
                            letters::AskedChange {
                                now: choice_lines(lang, subscription, &names),
                                asked: choice_lines(lang, &subscription.as_asked(&asked), &names),
                                after: choice_lines(lang, &subscription.with_asked(&asked), &names),
                                replaces: asked.if_subscribed == IfSubscribed::Replace,
                                apply: format!("{}/alerts/apply?token={token}", self.base),
                            }
                        });
                    letters::reminder_letter(lang, &links.manage, change)
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
    ) -> Result<(Vec<Event>, usize), String> {
        let all: Arc<Vec<Event>> =
            match (delivery.change_id, delivery.digest_from, delivery.digest_to) {
                (Some(change), _, _) => self.change_events(change).await?,
                (None, Some(from), Some(to)) => {
                    let filter = EventFilter {
                        after: Some(from),
                        before: Some(to + 1),
                        ..EventFilter::default()
                    };
                    let mut list = self
                        .store
                        .events(&filter, EVENTS_READ)
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
            Ok(took) if took >= SLOW_ANSWER => Outcome::Slow {
                error: format!("answered after {:.1} s", took.as_secs_f64()),
            },
            Ok(_) => Outcome::Sent,
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
