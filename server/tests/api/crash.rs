//! Proof that alerts survive crashes: the real server binary, killed with SIGKILL while it
//! records claims and sends their alerts, then started again. Every (change, subscription)
//! pair must arrive at least once, and a duplicate must carry the same `Message-ID` or
//! `webhook-id`. `CRASH_CLAIMS` sets how many claims the run records (`bench/alerts-crash`
//! runs it longer).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use vigia::subscriptions::{Channel, SubscriptionDraft};

use crate::binary::Server;
use crate::helpers::{clock, settings_in};
use crate::receivers::{Receiver, SmtpSink};

pub fn claim_form(expected: &str, i: usize) -> Vec<(String, String)> {
    // A department's claims (every other one) a day apart, after its seeded claims and never
    // after the tests' today (2025-06-01) for up to 300 claims.
    let date = (chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
        + chrono::Days::new((i / 2) as u64))
    .to_string();
    // Each department's claims alternate, so each changes its status.
    let status = if (i / 2).is_multiple_of(2) {
        "in-preparation"
    } else {
        "missing"
    };
    [
        ("expected", expected.to_owned()),
        ("status", status.into()),
        ("event_date", date.clone()),
        ("evidence_level", "reported".into()),
        ("note", format!("Claim {i}.")),
        ("source_author", "Gobernación".into()),
        ("source_title", format!("Nota {i}")),
        ("source_url", format!("https://example.org/{i}")),
        ("source_published", date),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// Records claim `i`; `Some(true)` when it was saved, `None` when the server died before
/// answering.
pub async fn record(
    server: &Server,
    browser: &reqwest::Client,
    department: &str,
    i: usize,
) -> Option<bool> {
    let detail: serde_json::Value = browser
        .get(format!("{}/api/v1/departments/{department}", server.url()))
        .send()
        .await
        .ok()?
        .json()
        .await
        .ok()?;
    let expected = detail["history"]
        .as_array()?
        .iter()
        .filter(|c| c["requirement"] == "action-plan")
        .filter_map(|c| c["id"].as_i64())
        .max()
        .unwrap_or(0)
        .to_string();
    let answer = browser
        .post(format!(
            "{}/departments/{department}/action-plan/claims",
            server.url()
        ))
        .header("origin", server.url())
        .form(&claim_form(&expected, i))
        .send()
        .await
        .ok()?;
    let location = answer.headers().get("location")?.to_str().ok()?.to_owned();
    Some(answer.status() == 303 && !location.ends_with("/new"))
}

pub async fn subscribe_everyone(
    store: &vigia_store::Store,
    pool: &vigia_store::db::Pool,
    receiver: &Receiver,
    emails: usize,
    hooks: usize,
) {
    let departments = ["BO-N", "BO-L", "all"];
    for i in 0..emails {
        let draft = SubscriptionDraft {
            channel: "email".into(),
            address: format!("s{i}@example.org"),
            departments: vec![departments[i % 3].into()],
            kinds: vec![
                "status.changed".into(),
                "gap.opened".into(),
                "gap.closed".into(),
            ],
            severities: vec!["critical".into(), "warning".into(), "notice".into()],
            frequency: "each".into(),
            ..SubscriptionDraft::default()
        };
        store
            .subscribe_email(&draft.validate(false).unwrap())
            .await
            .unwrap();
    }
    for i in 0..hooks {
        let draft = SubscriptionDraft {
            channel: "webhook".into(),
            address: receiver.url(&format!("/h/{i}")),
            departments: vec![departments[i % 3].into()],
            kinds: vec!["status.changed".into()],
            ..SubscriptionDraft::default()
        };
        store
            .add_webhook(
                &draft.validate(true).unwrap(),
                "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0",
            )
            .await
            .unwrap();
    }
    sqlx::query("UPDATE subscriptions SET state = 'active', confirmed_at = created_at")
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM deliveries")
        .execute(pool)
        .await
        .unwrap();
}

/// Waits until nothing is left to send.
pub async fn drained(pool: &vigia_store::db::Pool) {
    for _ in 0..1200 {
        let (left,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM deliveries WHERE state IN ('pending', 'sending')")
                .fetch_one(pool)
                .await
                .unwrap();
        if left == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("deliveries still pending after two minutes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_alert_is_lost_or_sent_under_another_id_when_the_server_is_killed() {
    let claims: usize = std::env::var("CRASH_CLAIMS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12);
    let dir = tempfile::tempdir().unwrap();
    let sink = SmtpSink::start().await;
    let receiver = Receiver::start().await;
    let settings = settings_in(dir.path());
    let store = vigia_server::open_store(&settings, Arc::new(clock()))
        .await
        .unwrap();
    let pool = crate::helpers::pool_for(&settings).await;
    subscribe_everyone(&store, &pool, &receiver, 200, 50).await;
    let mut server = Server::new(dir.path(), &sink.url());
    server.start().await;
    let browser = server.officer(&store, &["BO-N", "BO-L"]).await;

    let mut kills = 0;
    let mut acknowledged = 0;
    for i in 0..claims {
        let department = if i % 2 == 0 { "BO-N" } else { "BO-L" };
        if record(&server, &browser, department, i).await == Some(true) {
            acknowledged += 1;
        }
        // Kill at a random moment while the alerts of what was just recorded go out.
        if rand::random::<f64>() < 0.5 {
            tokio::time::sleep(Duration::from_millis(rand::random::<u64>() % 400)).await;
            server.kill();
            kills += 1;
            server.start().await;
        }
    }
    drained(&pool).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let tally = Tally::of(&store, &pool, &sink, &receiver).await;
    assert!(
        tally.changes >= acknowledged,
        "every acknowledged claim's change is there"
    );
    let (lost, unexpected, duplicates) = (tally.lost(), tally.unexpected(), tally.duplicates());
    println!(
        "claims {claims} (acknowledged {acknowledged}), kills {kills}, changes {}, deliveries expected {}, received {}, duplicates {duplicates}, lost {}",
        tally.changes,
        tally.expected.len(),
        tally.received.values().sum::<usize>(),
        lost.len()
    );
    assert!(lost.is_empty(), "lost: {lost:?}");
    assert!(
        unexpected.is_empty(),
        "sent without being wanted: {unexpected:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_between_sending_and_marking_resends_with_the_same_message_id() {
    let dir = tempfile::tempdir().unwrap();
    let sink = SmtpSink::start().await;
    let receiver = Receiver::start().await;
    let settings = settings_in(dir.path());
    let store = vigia_server::open_store(&settings, Arc::new(clock()))
        .await
        .unwrap();
    let pool = crate::helpers::pool_for(&settings).await;
    subscribe_everyone(&store, &pool, &receiver, 1, 0).await;
    let mut server = Server::new(dir.path(), &sink.url());
    server.start().await;
    let browser = server.officer(&store, &["BO-N"]).await;

    // The mail server keeps the message but is slow to say so: the server dies before it
    // can mark the delivery sent.
    sink.hold(5_000);
    assert_eq!(record(&server, &browser, "BO-N", 0).await, Some(true));
    let first = sink.wait_for("s0@example.org", 1).await.remove(0);
    server.kill();
    sink.hold(0);
    server.start().await;
    let both = sink.wait_for("s0@example.org", 2).await;
    assert_eq!(
        both[1].message_id(),
        first.message_id(),
        "the same Message-ID"
    );
    drained(&pool).await;
    let (state,): (String,) = sqlx::query_as("SELECT state FROM deliveries")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(state, "sent");
}

/// What should have arrived and what did, by (change, subscription).
pub struct Tally {
    pub changes: usize,
    pub expected: HashSet<(i64, i64)>,
    pub received: HashMap<(i64, i64), usize>,
}

impl Tally {
    /// For every change committed, every subscription whose filters want one of its events,
    /// worked out here from the events and the filters themselves; and what the mail sink and
    /// the webhook receiver got, by the id each message carries.
    pub async fn of(
        store: &vigia_store::Store,
        pool: &vigia_store::db::Pool,
        sink: &SmtpSink,
        receiver: &Receiver,
    ) -> Tally {
        let events = store.events(&Default::default(), 1_000_000).await.unwrap();
        let mut by_change: HashMap<i64, Vec<vigia::events::EventDraft>> = HashMap::new();
        for event in events {
            by_change
                .entry(event.change_id)
                .or_default()
                .push(event.draft);
        }
        let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM subscriptions")
            .fetch_all(pool)
            .await
            .unwrap();
        let mut expected: HashSet<(i64, i64)> = HashSet::new();
        let mut addresses: HashMap<i64, (Channel, String)> = HashMap::new();
        for (id,) in ids {
            let subscription = store.subscription(id).await.unwrap().unwrap();
            for (change, drafts) in &by_change {
                if drafts.iter().any(|d| subscription.filters.wants(d)) {
                    expected.insert((*change, id));
                }
            }
            addresses.insert(id, (subscription.channel, subscription.address));
        }
        let mut received: HashMap<(i64, i64), usize> = HashMap::new();
        let parse = |id: &str, prefix: &str| -> Option<(i64, i64)> {
            let rest = id.strip_prefix(prefix)?;
            let (change, rest) = rest.split_once(".subscription-")?;
            let subscription = rest.split('@').next()?;
            Some((change.parse().ok()?, subscription.parse().ok()?))
        };
        for mail in sink.messages() {
            let pair = parse(&mail.message_id(), "change-")
                .expect("an alert's id names its change and subscription");
            assert_eq!(
                mail.to,
                [addresses[&pair.1].1.clone()],
                "sent to its subscriber"
            );
            *received.entry(pair).or_default() += 1;
        }
        for call in receiver.calls() {
            let pair = parse(&call.id(), "msg_change-")
                .expect("a delivery's id names its change and subscription");
            assert_eq!(
                receiver.url(&call.path),
                addresses[&pair.1].1,
                "sent to its webhook"
            );
            assert_eq!(call.json()["change_id"], pair.0);
            *received.entry(pair).or_default() += 1;
        }
        Tally {
            changes: by_change.len(),
            expected,
            received,
        }
    }

    pub fn lost(&self) -> Vec<&(i64, i64)> {
        self.expected
            .iter()
            .filter(|pair| !self.received.contains_key(pair))
            .collect()
    }

    pub fn unexpected(&self) -> Vec<&(i64, i64)> {
        self.received
            .keys()
            .filter(|pair| !self.expected.contains(pair))
            .collect()
    }

    pub fn duplicates(&self) -> usize {
        self.received.values().map(|n| n - 1).sum()
    }
}
