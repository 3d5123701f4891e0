//! Several server processes on one database, as a deployment behind a reverse proxy runs
//! them (on PostgreSQL when `VIGIA_TEST_POSTGRES_URL` is set, else on one SQLite file):
//! sessions, writes, caches, rate limits and alert delivery are shared.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::binary::Server;
use crate::claims::{latest, map_class, plan_in_force};
use crate::crash::{drained, record, subscribe_everyone, Tally};
use crate::helpers::{clock, settings_in, TestApp, PASSWORD};
use crate::receivers::{Receiver, SmtpSink};

/// A second server on the first one's database and files.
async fn beside(first: &TestApp) -> TestApp {
    let database_url = first.settings.database_url.clone();
    let data_dir = first.settings.data_dir.clone();
    TestApp::spawn_with(move |s| {
        s.database_url = database_url;
        s.data_dir = data_dir;
    })
    .await
}

fn plan_status(department: &serde_json::Value) -> String {
    department["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["requirement"] == "action-plan")
        .map(|r| r["status"].as_str().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn signed_in_on_one_instance_recorded_through_the_other_and_shown_by_both_within_a_second() {
    let one = TestApp::spawn().await;
    let two = beside(&one).await;
    // Cookies are kept per host, not per port: one browser, as behind one proxy.
    let officer = one
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let before = plan_status(&one.json("/api/v1/departments/BO-N").await);
    assert_ne!(before, "in-force");

    let expected = latest(&two, "BO-N", "action-plan").await;
    let response = two
        .post_form(
            &officer,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&expected),
        )
        .await;
    assert_eq!(
        response.status(),
        303,
        "the session made on one serves the other"
    );
    assert_eq!(response.headers()["location"], "/departments/BO-N", "saved");

    let written = Instant::now();
    loop {
        if plan_status(&one.json("/api/v1/departments/BO-N").await) == "in-force" {
            break;
        }
        assert!(
            written.elapsed() < Duration::from_secs(1),
            "the other instance still serves the old map after a second"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!(
        "the other instance showed the claim after {:?}",
        written.elapsed()
    );
}

#[tokio::test]
async fn rate_limits_are_shared_by_the_instances() {
    let one = TestApp::spawn().await;
    let two = beside(&one).await;
    let visitor = one.browser();
    let mut refused = 0;
    // Five suggestions an hour per address: alternating instances must not double that.
    for i in 0..8 {
        let app = if i % 2 == 0 { &one } else { &two };
        let body = format!("Sugerencia {i}: el plan de Pando fue aprobado en 2025.");
        let form = [("requirement", "action-plan"), ("body", body.as_str())];
        let response = app
            .post_form(&visitor, "/departments/BO-N/suggestions", &form)
            .await;
        let (_, page) = app.next_page(&visitor, response).await;
        if page.contains("Recibimos demasiados envíos desde su conexión") {
            refused += 1;
        }
    }
    assert_eq!(
        refused, 3,
        "five allowed across both instances, three refused"
    );

    // Sign-in failures counted on one instance stop the guesser on the other. (A throttled
    // attempt says so only to a browser that kept its session, so the guesser keeps one.)
    one.add_user("ana@example.org", "officer", &["BO-N"]).await;
    let guesser = one.browser();
    for i in 0..5 {
        let app = if i % 2 == 0 { &one } else { &two };
        let guess = [
            ("email", "ana@example.org"),
            ("password", "wrong password!!"),
        ];
        app.post_form(&guesser, "/signin", &guess).await;
    }
    let answer = two
        .post_form(
            &guesser,
            "/signin",
            &[("email", "ana@example.org"), ("password", PASSWORD)],
        )
        .await;
    let (_, page) = two.next_page(&guesser, answer).await;
    assert!(
        page.contains("Demasiados intentos."),
        "the sixth try waits, whichever instance it reaches"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_deliver_every_alert_exactly_once() {
    let changes: usize = std::env::var("INSTANCE_CHANGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let sink = SmtpSink::start().await;
    let receiver = Receiver::start().await;
    let settings = settings_in(dir.path());
    let store = vigia_server::open_store(&settings, Arc::new(clock()))
        .await
        .unwrap();
    let pool = crate::helpers::pool_for(&settings).await;
    subscribe_everyone(&store, &pool, &receiver, 50, 0).await;
    let mut one = Server::new(dir.path(), &sink.url());
    let mut two = Server::new(dir.path(), &sink.url());
    for server in [&mut one, &mut two] {
        // No crash here, so no lease runs out: a delivery taken is sent by who took it.
        server.set("VIGIA_DELIVERY_LEASE_SECS", "300");
        server.start().await;
    }
    let browser = one.officer(&store, &["BO-N", "BO-L"]).await;

    for i in 0..changes {
        let (server, department) = if i % 2 == 0 {
            (&one, "BO-N")
        } else {
            (&two, "BO-L")
        };
        assert_eq!(
            record(server, &browser, department, i).await,
            Some(true),
            "claim {i}"
        );
    }
    drained(&pool).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let tally = Tally::of(&store, &pool, &sink, &receiver).await;
    println!(
        "changes {}, deliveries expected {}, received {}, duplicates {}, lost {}",
        tally.changes,
        tally.expected.len(),
        tally.received.values().sum::<usize>(),
        tally.duplicates(),
        tally.lost().len()
    );
    // A claim that leaves its status as it was raises no event (and sends nothing).
    assert!(
        tally.changes > changes / 2 && tally.expected.len() > changes * 10,
        "enough to prove anything"
    );
    assert!(tally.lost().is_empty(), "lost: {:?}", tally.lost());
    assert!(
        tally.unexpected().is_empty(),
        "unwanted: {:?}",
        tally.unexpected()
    );
    assert_eq!(tally.duplicates(), 0, "nothing sent twice without a crash");
    one.kill();
    two.kill();
}

/// The status changes the events feed reports for Pando's plan, oldest first.
async fn plan_status_changes(app: &TestApp) -> Vec<(String, String)> {
    let events = app.json("/api/v1/events?department=BO-N").await;
    let mut changes: Vec<(i64, String, String)> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "status.changed" && e["requirement"] == "action-plan")
        .map(|e| {
            (
                e["change_id"].as_i64().unwrap(),
                e["status_before"].as_str().unwrap_or_default().to_owned(),
                e["status_after"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    changes.sort();
    changes
        .into_iter()
        .map(|(_, from, to)| (from, to))
        .collect()
}

#[track_caller]
fn assert_saved(response: reqwest::Response) {
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/departments/") && !location.ends_with("/new"),
        "refused: {location}"
    );
}

#[tokio::test]
async fn a_write_through_the_other_instance_counts_in_the_next_one_through_this_one() {
    let one = TestApp::spawn().await;
    let two = beside(&one).await;
    let officer = one
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let path = "/departments/BO-N/action-plan/claims";

    let expected = latest(&one, "BO-N", "action-plan").await;
    assert_saved(
        one.post_form(&officer, path, &plan_in_force(&expected))
            .await,
    );

    // The other instance records that the plan lapsed, later, once it shows the first claim
    // (it follows other processes' writes twice a second).
    let first = latest(&one, "BO-N", "action-plan").await;
    let waited = Instant::now();
    while latest(&two, "BO-N", "action-plan").await != first {
        assert!(
            waited.elapsed() < Duration::from_secs(2),
            "the other instance still shows the record before the first claim"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let expected = first;
    let lapsed = [
        ("expected", expected.as_str()),
        ("status", "missing"),
        ("event_date", "2025-06"),
        ("evidence_level", "reported"),
        ("note", "The governorate says the plan was withdrawn."),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Comunicado"),
        ("source_url", "https://example.org/comunicado"),
        ("source_published", "2025-06"),
    ];
    assert_saved(two.post_form(&officer, path, &lapsed).await);

    // Back through the first, at once (before its pages follow the other's write): the
    // record before this claim is the other instance's, not the one this instance wrote last.
    // (Claims about the same day: the one recorded last is current.)
    let expected = latest(&two, "BO-N", "action-plan").await;
    let mut again = plan_in_force(&expected);
    for field in again.iter_mut() {
        if ["event_date", "status_since", "source_published"].contains(&field.0) {
            field.1 = "2025-06-01";
        }
    }
    assert_saved(one.post_form(&officer, path, &again).await);

    // And once more through the first, which now reads only the claim it adds.
    let expected = latest(&one, "BO-N", "action-plan").await;
    let mut lapsed_again = lapsed.to_vec();
    lapsed_again[0].1 = expected.as_str();
    assert_saved(one.post_form(&officer, path, &lapsed_again).await);

    let missing = || "missing".to_owned();
    let in_force = || "in-force".to_owned();
    assert_eq!(
        plan_status_changes(&one).await,
        [
            (missing(), in_force()),
            (in_force(), missing()),
            (missing(), in_force()),
            (in_force(), missing())
        ]
    );
}

/// Whether `path` was answered from the cache (`Server-Timing`), and its body.
async fn cached(app: &TestApp, path: &str) -> (bool, String) {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let timing = response.headers()["server-timing"]
        .to_str()
        .unwrap()
        .to_owned();
    (timing == "cache;desc=hit", response.text().await.unwrap())
}

/// A claim keeps, on the instance that recorded it, the cached pages of the other departments
/// (their map too, when no department reads differently on it), and drops its own
/// department's, `/` and past dates'. Another instance only sees the version move, and
/// drops everything. What is kept is what a fresh render gives.
#[tokio::test]
async fn a_claim_keeps_other_departments_pages_cached_only_where_it_was_recorded() {
    let one = TestApp::spawn().await;
    let two = beside(&one).await;
    let officer = one
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let kept = ["/departments/BO-L", "/api/v1/departments/BO-L"];
    let dropped = [
        "/departments/BO-N",
        "/api/v1/departments/BO-N",
        "/",
        "/departments/BO-L?as_of=2024-01-01",
    ];
    // Until a whole pass, begun after the instances' version polls, answers every page from
    // both caches: the sign-in (an account write) reaches the other within half a second.
    let fill = || async {
        let started = Instant::now();
        loop {
            let mut every_one_kept = true;
            for app in [&one, &two] {
                for path in kept.iter().chain(&dropped) {
                    every_one_kept &= cached(app, path).await.0;
                }
            }
            if every_one_kept {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "the caches settle"
            );
            tokio::time::sleep(Duration::from_millis(600)).await;
        }
    };
    fill().await;
    let map_before = map_class(&one.html("/").await, "BO-N");
    let path = "/departments/BO-N/action-plan/claims";
    let seen = history_len(&two, "BO-N").await;

    // Pando still has no plan, by a later source: its record changes, its colour does not.
    let expected = latest(&one, "BO-N", "action-plan").await;
    let still_none = [
        ("expected", expected.as_str()),
        ("status", "missing"),
        ("event_date", "2025-04"),
        ("evidence_level", "reported"),
        ("note", "The governorate says there is still no plan."),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Comunicado"),
        ("source_url", "https://example.org/comunicado"),
        ("source_published", "2025-04"),
    ];
    assert_saved(one.post_form(&officer, path, &still_none).await);
    let written = Instant::now();
    while history_len(&two, "BO-N").await == seen {
        assert!(
            written.elapsed() < Duration::from_secs(1),
            "the other follows"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for path in kept {
        let (hit, body) = cached(&one, path).await;
        assert!(hit, "{path} outlasts a write to another department");
        let (hit, fresh) = cached(&two, path).await;
        assert!(!hit, "{path}: the other instance cannot tell what changed");
        assert_eq!(body, fresh, "{path} as kept is {path} rendered afresh");
    }
    for path in dropped {
        assert!(!cached(&one, path).await.0, "{path} is rendered again");
    }
    let pando = one.html("/departments/BO-N").await;
    assert!(pando.contains("still no plan"), "its own page follows");
    let home = one.html("/").await;
    assert_eq!(map_class(&home, "BO-N"), map_before, "reads the same");

    // Now Pando's plan is in force: every department page carries the map, so each is
    // rendered again; the API's answers carry no map.
    fill().await;
    let expected = latest(&one, "BO-N", "action-plan").await;
    assert_saved(
        one.post_form(&officer, path, &plan_in_force(&expected))
            .await,
    );
    assert!(!cached(&one, "/departments/BO-L").await.0);
    assert!(cached(&one, "/api/v1/departments/BO-L").await.0);
    assert_ne!(
        map_class(&one.html("/departments/BO-L").await, "BO-N"),
        map_before
    );
}

/// How many history entries a department's API answer lists.
async fn history_len(app: &TestApp, code: &str) -> usize {
    let answer = app.json(&format!("/api/v1/departments/{code}")).await;
    answer["history"].as_array().unwrap().len()
}
