//! Webhook alerts against a real HTTP receiver on loopback that checks Standard Webhooks
//! signatures: the signed test that confirms, one delivery per change and webhook, refusal of
//! addresses that are not public, no redirects, retries, pause and resume, secret rotation.

use crate::alerts_email::{email_form, record_plan};
use crate::helpers::TestApp;
use crate::receivers::{Receiver, SmtpSink};

fn hook_form<'a>(
    address: &'a str,
    department: &'a str,
    contact: &'a str,
) -> Vec<(&'a str, &'a str)> {
    let mut form = email_form(address, department, "each");
    form.retain(|(k, _)| !matches!(*k, "channel" | "frequency"));
    form.push(("channel", "webhook"));
    form.push(("contact", contact));
    form
}

async fn private_app(sink: Option<&SmtpSink>) -> TestApp {
    let smtp = sink.map(SmtpSink::url);
    TestApp::spawn_with(move |s| {
        s.webhook_allow_private = true;
        s.delivery_retry_ms = 200;
        s.smtp_url = smtp;
    })
    .await
}

/// Like [`private_app`], but it sends only when the test says so (`dispatch_all_pending`).
async fn driven_app(sink: Option<&SmtpSink>) -> TestApp {
    let smtp = sink.map(SmtpSink::url);
    TestApp::spawn_with(move |s| {
        s.webhook_allow_private = true;
        s.delivery_retry_ms = 200;
        s.smtp_url = smtp;
        s.delivery_loop = false;
    })
    .await
}

/// Sends what falls due, again and again, until `path` has received `count` calls (retries
/// fall due a few hundred milliseconds apart).
async fn dispatch_until(app: &TestApp, receiver: &Receiver, path: &str, count: usize) {
    for _ in 0..200 {
        app.dispatch_all_pending().await;
        if receiver.calls_to(path).len() >= count {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!(
        "{path} received {} calls, not {count}",
        receiver.calls_to(path).len()
    );
}

/// Subscribes a webhook through the form; returns its secret and management link.
async fn hooked(app: &TestApp, address: &str, department: &str) -> (String, String) {
    let browser = app.browser();
    let answer = app
        .post_form(&browser, "/alerts", &hook_form(address, department, ""))
        .await;
    assert_eq!(answer.status(), 303);
    let page = app.html_as(&browser, "/alerts").await;
    let value = |id: &str| {
        page.split(&format!("id=\"{id}\""))
            .nth(1)
            .and_then(|rest| rest.split("value=\"").nth(1))
            .and_then(|rest| rest.split('"').next())
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("no {id} shown"))
    };
    (
        shown_secret(&page),
        value("webhook-manage").replace("&amp;", "&"),
    )
}

/// The secret a page shows once, whole, as text to copy.
fn shown_secret(page: &str) -> String {
    page.split("id=\"webhook-secret\"")
        .nth(1)
        .and_then(|rest| rest.split('>').nth(1))
        .and_then(|rest| rest.split('<').next())
        .map(str::to_owned)
        .expect("the secret, shown once")
}

async fn subscriptions(app: &TestApp) -> Vec<(String, String)> {
    let pool = app.database().await;
    sqlx::query_as("SELECT address, state FROM subscriptions ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_webhook_is_confirmed_by_a_signed_test_and_gets_one_delivery_per_matching_change() {
    let receiver = Receiver::start().await;
    let app = driven_app(None).await;
    let (secret, manage) = hooked(&app, &receiver.url("/pando"), "BO-N").await;
    assert!(secret.starts_with("whsec_"));
    assert!(manage.starts_with("http://vigia.test/alerts/manage?token="));
    let test = receiver.wait_for("/pando", 1).await.remove(0);
    assert!(
        test.signed_with(&secret),
        "the test is signed with the secret shown"
    );
    assert_eq!(test.json()["type"], "vigia.test");
    hooked(&app, &receiver.url("/la-paz"), "BO-L").await;
    assert_eq!(
        subscriptions(&app)
            .await
            .iter()
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>(),
        ["active", "active"]
    );

    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    record_plan(&app, &officer, "BO-N").await;
    app.dispatch_all_pending().await;
    let calls = receiver.calls_to("/pando");
    assert_eq!(
        receiver.calls_to("/pando").len(),
        2,
        "the test and one delivery"
    );
    assert_eq!(receiver.calls_to("/la-paz").len(), 1, "the test only");
    let delivery = &calls[1];
    assert!(delivery.signed_with(&secret));
    let body = delivery.json();
    assert_eq!(body["type"], "vigia.events");
    let events = body["events"].as_array().unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(
        kinds.contains(&"status.changed") && kinds.contains(&"gap.closed"),
        "{kinds:?}"
    );
    assert!(events
        .iter()
        .all(|e| e["change_id"] == body["change_id"] && e["department"] == "BO-N"));
    assert!(
        delivery.id().starts_with("msg_change-"),
        "{}",
        delivery.id()
    );
    // The API documents the body.
    let spec = app.json("/api/openapi.json").await;
    assert!(spec["components"]["schemas"]["WebhookPayload"].is_object());
}

#[tokio::test]
async fn a_receiver_that_does_not_answer_2xx_or_redirects_is_not_subscribed() {
    let receiver = Receiver::start().await;
    let app = private_app(None).await;
    receiver.answer(500);
    let browser = app.browser();
    app.post_form(
        &browser,
        "/alerts",
        &hook_form(&receiver.url("/broken"), "BO-N", ""),
    )
    .await;
    let page = app.html_as(&browser, "/alerts").await;
    assert!(page.contains("500"), "the receiver's answer is shown");
    assert!(!page.contains("whsec_"));

    // A redirect is not followed: the target never hears of it.
    receiver.redirect(&receiver.url("/elsewhere"));
    app.post_form(
        &browser,
        "/alerts",
        &hook_form(&receiver.url("/moved"), "BO-N", ""),
    )
    .await;
    assert!(app.html_as(&browser, "/alerts").await.contains("307"));
    assert_eq!(receiver.calls_to("/moved").len(), 1);
    assert!(receiver.calls_to("/elsewhere").is_empty());
    assert!(subscriptions(&app).await.is_empty(), "nothing stored");
}

#[tokio::test]
async fn private_loopback_and_plain_http_addresses_are_refused_without_the_setting() {
    let receiver = Receiver::start().await;
    let app = TestApp::spawn().await;
    let port = receiver.port;
    for address in [
        format!("http://example.org/{port}"),
        format!("https://127.0.0.1:{port}/hook"),
        format!("https://localhost:{port}/hook"),
        format!("https://[::1]:{port}/hook"),
        "https://10.0.0.7/hook".to_owned(),
        "https://169.254.169.254/latest".to_owned(),
        // 6to4 of 127.0.0.1, site-local, IPv4-translated loopback, local-use NAT64.
        "https://[2002:7f00:1::]/hook".to_owned(),
        "https://[fec0::1]/hook".to_owned(),
        "https://[::ffff:0:127.0.0.1]/hook".to_owned(),
        "https://[64:ff9b:1::a00:1]/hook".to_owned(),
    ] {
        let browser = app.browser();
        app.post_form(&browser, "/alerts", &hook_form(&address, "BO-N", ""))
            .await;
        let page = app.html_as(&browser, "/alerts").await;
        assert!(
            page.contains("internet p"),
            "{address} refused beside the field"
        );
    }
    // A name that does not resolve says so, not that it is private (on a server of its
    // own: the ten posts above used up this client's hour).
    let fresh = TestApp::spawn().await;
    let browser = fresh.browser();
    let unknown = "https://nobody-here.invalid/hook";
    fresh
        .post_form(&browser, "/alerts", &hook_form(unknown, "BO-N", ""))
        .await;
    let page = fresh.html_as(&browser, "/alerts").await;
    assert!(page.contains("No encontramos ese servidor"), "{unknown}");
    assert!(
        !page.contains("internet p"),
        "{unknown} is not called private"
    );
    assert!(receiver.calls().is_empty(), "nothing was called");
    assert!(subscriptions(&app).await.is_empty());

    // A name that resolved to a public address when it subscribed and to loopback now (as a
    // rebinding attacker would arrange) is refused when the delivery connects.
    let store =
        vigia_server::open_store(&app.settings, std::sync::Arc::new(crate::helpers::clock()))
            .await
            .unwrap();
    let draft = vigia::subscriptions::SubscriptionDraft {
        channel: "webhook".into(),
        address: format!("https://localhost:{port}/rebound"),
        departments: vec!["BO-N".into()],
        kinds: vec!["status.changed".into()],
        ..Default::default()
    };
    store
        .add_webhook(
            &draft.validate(false).unwrap(),
            "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0",
        )
        .await
        .unwrap();
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    record_plan(&app, &officer, "BO-N").await;
    let pool = app.database().await;
    let mut error = None;
    for _ in 0..100 {
        let row: Option<(Option<String>,)> =
            sqlx::query_as("SELECT last_error FROM deliveries WHERE last_error IS NOT NULL")
                .fetch_optional(&pool)
                .await
                .unwrap();
        if let Some((found,)) = row {
            error = found;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        error.unwrap_or_default().contains("not public"),
        "refused at connect time"
    );
    assert!(receiver.calls().is_empty());
}

#[tokio::test]
async fn deliveries_retry_with_the_same_id_until_the_receiver_is_back() {
    let receiver = Receiver::start().await;
    let app = driven_app(None).await;
    let (secret, _) = hooked(&app, &receiver.url("/flaky"), "BO-N").await;
    receiver.answer(503);
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    record_plan(&app, &officer, "BO-N").await;
    // The test and two refused attempts.
    dispatch_until(&app, &receiver, "/flaky", 3).await;
    receiver.answer(200);
    dispatch_until(&app, &receiver, "/flaky", 4).await;
    let calls = receiver.calls_to("/flaky");
    let deliveries: Vec<_> = calls.iter().skip(1).collect();
    assert!(deliveries.len() >= 3);
    assert!(
        deliveries.iter().all(|c| c.id() == deliveries[0].id()),
        "one id on every attempt"
    );
    assert!(deliveries.iter().all(|c| c.signed_with(&secret)));
    let pool = app.database().await;
    let (state,): (String,) = sqlx::query_as("SELECT state FROM deliveries")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(state, "sent");
    let after = receiver.calls_to("/flaky").len();
    app.dispatch_all_pending().await;
    assert_eq!(
        receiver.calls_to("/flaky").len(),
        after,
        "nothing more once sent"
    );
}

#[tokio::test]
async fn a_webhook_failing_for_a_day_is_paused_its_contact_told_and_resumed_by_an_admin() {
    let sink = SmtpSink::start().await;
    let receiver = Receiver::start().await;
    let app = driven_app(Some(&sink)).await;
    let browser = app.browser();
    app.post_form(
        &browser,
        "/alerts",
        &hook_form(&receiver.url("/down"), "BO-N", "ops@example.org"),
    )
    .await;
    receiver.wait_for("/down", 1).await;
    receiver.answer(502);
    let pool = app.database().await;
    // It has been failing since yesterday.
    sqlx::query("UPDATE subscriptions SET failing_since = '2000-01-01T00:00:00.000000Z'")
        .execute(&pool)
        .await
        .unwrap();
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    record_plan(&app, &officer, "BO-N").await;
    app.dispatch_all_pending().await;
    let told = sink.wait_for("ops@example.org", 1).await.remove(0);
    assert!(
        told.subject().contains("paused") || told.subject().contains("pausa"),
        "{}",
        told.subject()
    );
    assert!(told.text().contains("502"), "with the last error");
    assert_eq!(subscriptions(&app).await[0].1, "paused");
    let calls_when_paused = receiver.calls_to("/down").len();
    app.dispatch_all_pending().await;
    assert_eq!(
        receiver.calls_to("/down").len(),
        calls_when_paused,
        "nothing is sent while paused"
    );

    receiver.answer(200);
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let page = app.html_as(&admin, "/admin/alerts").await;
    assert!(
        page.contains(&format!("127.0.0.1:{}", receiver.port)),
        "the host is listed"
    );
    assert!(page.contains("502"));
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM subscriptions")
        .fetch_one(&pool)
        .await
        .unwrap();
    let resumed = app
        .post_form(&admin, &format!("/admin/alerts/webhooks/{id}/resume"), &[])
        .await;
    assert_eq!(resumed.status(), 303);
    app.dispatch_all_pending().await;
    let calls = receiver.wait_for("/down", calls_when_paused + 1).await;
    assert_eq!(
        calls.last().unwrap().json()["type"],
        "vigia.events",
        "what waited is sent"
    );
    assert_eq!(subscriptions(&app).await[0].1, "active");
}

#[tokio::test]
async fn during_a_rotation_both_secrets_sign_and_afterwards_only_the_new_one() {
    let receiver = Receiver::start().await;
    let app = private_app(None).await;
    let (old, manage) = hooked(&app, &receiver.url("/rotating"), "all").await;
    let token = manage.split("token=").nth(1).unwrap().to_owned();
    let browser = app.browser();
    let rotated = app
        .post_form(
            &browser,
            "/alerts/manage",
            &[("token", token.as_str()), ("action", "rotate")],
        )
        .await;
    assert_eq!(rotated.status(), 303);
    let page = app
        .html_as(&browser, rotated.headers()["location"].to_str().unwrap())
        .await;
    let new = shown_secret(&page);
    assert_ne!(new, old);

    let officer = app
        .signed_in("o@example.org", "officer", &["BO-N", "BO-L"])
        .await;
    record_plan(&app, &officer, "BO-N").await;
    let during = receiver.wait_for("/rotating", 2).await.remove(1);
    assert!(
        during.signed_with(&old) && during.signed_with(&new),
        "both valid during the overlap"
    );

    let pool = app.database().await;
    sqlx::query("UPDATE subscriptions SET secret_overlap_until = '2000-01-01T00:00:00.000000Z'")
        .execute(&pool)
        .await
        .unwrap();
    record_plan(&app, &officer, "BO-L").await;
    let after = receiver.wait_for("/rotating", 3).await.remove(2);
    assert!(after.signed_with(&new));
    assert!(!after.signed_with(&old), "the old secret no longer signs");
}

#[tokio::test]
async fn a_hanging_receiver_delays_only_its_own_deliveries() {
    let hanging = Receiver::start().await;
    let answering = Receiver::start().await;
    let app = private_app(None).await;
    let pool = app.database().await;
    // Twenty webhooks on a host that answered their test, then hangs; one on another host.
    crate::bench_alerts::subscribers(&pool, "webhook", 20, |i| hanging.url(&format!("/h{i}")))
        .await;
    crate::bench_alerts::subscribers(&pool, "webhook", 1, |_| answering.url("/fine")).await;
    hanging.hold(20_000);
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let started = std::time::Instant::now();
    record_plan(&app, &officer, "BO-N").await;
    answering.wait_for("/fine", 1).await;
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "the other host's alert waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_receiver_slow_every_time_counts_as_failing_and_is_paused_after_a_day() {
    let receiver = Receiver::start().await;
    let app = private_app(None).await;
    hooked(&app, &receiver.url("/slow"), "BO-N").await;
    let pool = app.database().await;
    // It has been answering late since yesterday.
    sqlx::query("UPDATE subscriptions SET failing_since = '2000-01-01T00:00:00.000000Z'")
        .execute(&pool)
        .await
        .unwrap();
    receiver.hold(5_200);
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    record_plan(&app, &officer, "BO-N").await;
    receiver.wait_for("/slow", 2).await;
    for _ in 0..100 {
        if subscriptions(&app).await[0].1 == "paused" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(subscriptions(&app).await[0].1, "paused");
    let (state, attempts): (String, i64) = sqlx::query_as("SELECT state, attempts FROM deliveries")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        (state.as_str(), attempts),
        ("sent", 1),
        "what it got counts as received"
    );
    let (error,): (Option<String>,) = sqlx::query_as("SELECT last_error FROM subscriptions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(error.unwrap().starts_with("answered after 5."));
}
