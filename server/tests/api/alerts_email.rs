//! Email alerts against a real SMTP server on loopback: double opt-in, expiry, one-click
//! unsubscribe, one message per change and subscriber, the digest, and retries.

use std::sync::Arc;

use chrono::Duration;
use vigia::{Clock, ManualClock};

use crate::events::{latest_claim, plan_in_force};
use crate::helpers::TestApp;
use crate::receivers::SmtpSink;

/// A subscription form for `address`, following `department` ("all" for every one).
pub fn email_form<'a>(
    address: &'a str,
    department: &'a str,
    frequency: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("channel", "email"),
        ("address", address),
        ("departments", department),
        ("kinds", "gap.opened"),
        ("kinds", "gap.closed"),
        ("kinds", "status.changed"),
        ("kinds", "deadline.approaching"),
        ("kinds", "reply.posted"),
        ("kinds", "reply.reviewed"),
        ("severities", "critical"),
        ("severities", "warning"),
        ("thresholds", "7"),
        ("thresholds", "1"),
        ("frequency", frequency),
        ("lang", "en"),
    ]
}

/// A server that sends to `sink` only when the test says so (`dispatch_all_pending`), so a
/// test that finds nothing more was sent has given the worker every chance to send it.
async fn app_with(sink: &SmtpSink) -> TestApp {
    let url = sink.url();
    TestApp::spawn_with(move |s| {
        s.smtp_url = Some(url);
        s.delivery_retry_ms = 200;
        s.delivery_loop = false;
    })
    .await
}

/// The token in a link.
fn token(link: &str) -> String {
    link.split("token=").nth(1).unwrap().to_owned()
}

async fn subscription_state(app: &TestApp, address: &str) -> Option<String> {
    let pool = app.database().await;
    sqlx::query_as::<_, (String,)>("SELECT state FROM subscriptions WHERE address = $1")
        .bind(address)
        .fetch_optional(&pool)
        .await
        .unwrap()
        .map(|(s,)| s)
}

/// Subscribes and confirms `address` through the pages, as its owner would.
pub async fn subscribed(
    app: &TestApp,
    sink: &SmtpSink,
    address: &str,
    department: &str,
    frequency: &str,
) {
    let browser = app.browser();
    let answer = app
        .post_form(
            &browser,
            "/alerts",
            &email_form(address, department, frequency),
        )
        .await;
    assert_eq!(answer.status(), 303);
    app.dispatch_all_pending().await;
    let mail = sink.wait_for(address, 1).await.remove(0);
    let link = mail
        .link("http://vigia.test/alerts/confirm?token=")
        .expect("a confirmation link");
    let confirmed = app
        .post_form(
            &browser,
            "/alerts/confirm",
            &[("token", token(&link).as_str())],
        )
        .await;
    assert_eq!(confirmed.status(), 303);
    assert_eq!(
        subscription_state(app, address).await.as_deref(),
        Some("active")
    );
}

pub async fn record_plan(app: &TestApp, officer: &reqwest::Client, code: &str) {
    let expected = latest_claim(app, code).await;
    let saved = app
        .post_form(
            officer,
            &format!("/departments/{code}/action-plan/claims"),
            &plan_in_force(&expected),
        )
        .await;
    assert_eq!(saved.status(), 303);
}

#[tokio::test]
async fn double_opt_in_confirms_only_by_the_button_and_never_tells_who_is_subscribed() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink).await;
    let browser = app.browser();

    let first = app
        .post_form(
            &browser,
            "/alerts",
            &email_form("ana@example.org", "BO-N", "each"),
        )
        .await;
    assert_eq!(first.headers()["location"], "/alerts");
    let answer_page = app.html_as(&browser, "/alerts").await;
    assert!(answer_page.contains("Check your email") || answer_page.contains("Revise su correo"));
    app.dispatch_all_pending().await;
    let mail = sink.wait_for("ana@example.org", 1).await.remove(0);
    assert!(mail.subject().contains("Confirm"), "{}", mail.subject());
    assert!(
        mail.header("List-Unsubscribe").is_none(),
        "a confirmation is not a list message"
    );
    let link = mail
        .link("http://vigia.test/alerts/confirm?token=")
        .expect("confirmation link");
    let path = link.trim_start_matches("http://vigia.test");

    // A GET (a mail scanner following the link) shows a button and changes nothing.
    for _ in 0..2 {
        let page = app.html(path).await;
        assert!(
            page.contains("action=\"/alerts/confirm\""),
            "a button that posts"
        );
    }
    assert_eq!(
        subscription_state(&app, "ana@example.org").await.as_deref(),
        Some("pending")
    );

    let confirmed = app
        .post_form(
            &browser,
            "/alerts/confirm",
            &[("token", token(&link).as_str())],
        )
        .await;
    assert_eq!(confirmed.status(), 303);
    let manage = confirmed.headers()["location"].to_str().unwrap().to_owned();
    assert!(manage.starts_with("/alerts/manage?token="));
    assert_eq!(
        subscription_state(&app, "ana@example.org").await.as_deref(),
        Some("active")
    );
    let manage_page = app.html_as(&browser, &manage).await;
    assert!(
        manage_page.contains("ana@example.org"),
        "its owner sees the address"
    );

    // The same answer for a known address and an unknown one; the known one gets its
    // management link, not a second confirmation.
    let stranger = app.browser();
    let known = app
        .post_form(
            &stranger,
            "/alerts",
            &email_form("ana@example.org", "BO-L", "each"),
        )
        .await;
    let known_page = app.html_as(&stranger, "/alerts").await;
    let other = app.browser();
    let unknown = app
        .post_form(
            &other,
            "/alerts",
            &email_form("new@example.org", "BO-L", "each"),
        )
        .await;
    let unknown_page = app.html_as(&other, "/alerts").await;
    assert_eq!(known.status(), unknown.status());
    assert_eq!(known.headers()["location"], unknown.headers()["location"]);
    // The panel that replaces the form reads the same but for the address it names.
    let notice = |page: &str, address: &str| {
        let found = page.split("class=\"check-inbox\"").nth(1);
        let rest = found.unwrap_or_else(|| panic!("no panel in {page}"));
        rest.split("</section>")
            .next()
            .unwrap()
            .replace(address, "…")
    };
    assert_eq!(
        notice(&known_page, "ana@example.org"),
        notice(&unknown_page, "new@example.org")
    );
    app.dispatch_all_pending().await;
    let reminder = sink.wait_for("ana@example.org", 2).await.remove(1);
    assert!(reminder
        .link("http://vigia.test/alerts/manage?token=")
        .is_some());
    assert!(reminder
        .link("http://vigia.test/alerts/confirm?token=")
        .is_none());
    // The stranger changed nothing: Ana still follows Pando only.
    assert!(app
        .html_as(&browser, &manage)
        .await
        .contains("value=\"BO-N\" checked"));

    // The address is nowhere public.
    for path in [
        "/api/v1/events",
        "/api/v1/export.csv",
        "/api/v1/claims.csv",
        "/api/v1/history",
        "/feeds/events.atom",
    ] {
        assert!(
            !app.get(path)
                .await
                .text()
                .await
                .unwrap()
                .contains("ana@example.org"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_pending_address_gets_at_most_three_confirmations_a_day_and_bad_input_stores_nothing() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink).await;
    for _ in 0..5 {
        let browser = app.browser();
        app.post_form(
            &browser,
            "/alerts",
            &email_form("eve@example.org", "BO-N", "each"),
        )
        .await;
    }
    app.dispatch_all_pending().await;
    assert_eq!(sink.to("eve@example.org").len(), 3);

    let browser = app.browser();
    let mut form = email_form("not an address", "BO-Q", "each");
    form.retain(|(k, _)| *k != "kinds");
    form.push(("kinds", "gap.exploded"));
    app.post_form(&browser, "/alerts", &form).await;
    let page = app.html_as(&browser, "/alerts").await;
    for message in [
        "Enter a valid email address",
        "Choose an option from the list",
    ] {
        assert!(
            page.contains(message) || page.contains("válid"),
            "{message}"
        );
    }
    let pool = app.database().await;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM subscriptions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(count, 1, "only eve, pending");
}

#[tokio::test]
async fn unconfirmed_subscriptions_expire_after_48_hours_with_their_link() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink).await;
    let browser = app.browser();
    app.post_form(
        &browser,
        "/alerts",
        &email_form("late@example.org", "BO-N", "each"),
    )
    .await;
    app.dispatch_all_pending().await;
    let mail = sink.wait_for("late@example.org", 1).await.remove(0);
    let link = mail
        .link("http://vigia.test/alerts/confirm?token=")
        .unwrap();

    let clock = Arc::new(ManualClock::new(
        crate::helpers::clock().now() + Duration::hours(47),
    ));
    let store = vigia_server::open_store(&app.settings, clock.clone())
        .await
        .unwrap();
    assert_eq!(store.expire_unconfirmed().await.unwrap(), 0, "not yet");
    clock.advance(Duration::hours(2));
    assert_eq!(store.expire_unconfirmed().await.unwrap(), 1);
    assert_eq!(subscription_state(&app, "late@example.org").await, None);
    let refused = app
        .post_form(
            &browser,
            "/alerts/confirm",
            &[("token", token(&link).as_str())],
        )
        .await;
    assert_eq!(refused.status(), 404, "the link opens nothing");
    let page = app.html(link.trim_start_matches("http://vigia.test")).await;
    assert!(page.contains("no longer works") || page.contains("ya no funciona"));
}

#[tokio::test]
async fn one_click_unsubscribe_works_with_a_bare_post_and_leaves_only_counts() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink).await;
    subscribed(&app, &sink, "leo@example.org", "BO-N", "each").await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    record_plan(&app, &officer, "BO-N").await;
    app.dispatch_all_pending().await;
    let alert = sink.wait_for("leo@example.org", 2).await.remove(1);
    let header = alert.header("List-Unsubscribe").expect("List-Unsubscribe");
    assert!(header.contains("<mailto:"), "{header}");
    assert_eq!(
        alert.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let https = header.split('<').nth(1).unwrap().split('>').next().unwrap();
    assert!(https.starts_with("http://vigia.test/alerts/unsubscribe?token="));

    // As a mail provider sends it: no cookie, no Origin, the fixed body.
    let bare = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = bare
        .post(app.url(https.trim_start_matches("http://vigia.test")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    // RFC 8058 3.1: "The mail sender MUST NOT return an HTTPS redirect".
    assert_eq!(answer.status(), 200);
    assert!(answer.headers().get("location").is_none());
    assert!(answer
        .text()
        .await
        .unwrap()
        .contains("<h1>Se dio de baja</h1>"));
    assert_eq!(subscription_state(&app, "leo@example.org").await, None);
    let pool = app.database().await;
    let rows: Vec<(String,)> = sqlx::query_as("SELECT address FROM subscriptions")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(rows.is_empty());
    let (kept,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM delivery_counts WHERE channel = 'email'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        kept, 2,
        "the confirmation and the alert, counted without the address"
    );
    // Nothing more is sent to it.
    record_plan(&app, &officer, "BO-N").await;
    app.dispatch_all_pending().await;
    assert_eq!(sink.to("leo@example.org").len(), 2);
}

#[tokio::test]
async fn an_officers_claim_sends_one_email_per_matching_subscriber_and_none_to_others() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink).await;
    subscribed(&app, &sink, "pando@example.org", "BO-N", "each").await;
    subscribed(&app, &sink, "all@example.org", "all", "each").await;
    subscribed(&app, &sink, "lapaz@example.org", "BO-L", "each").await;
    subscribed(&app, &sink, "daily@example.org", "all", "daily").await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    record_plan(&app, &officer, "BO-N").await;

    app.dispatch_all_pending().await;
    let pando = sink.wait_for("pando@example.org", 2).await;
    let all = sink.wait_for("all@example.org", 2).await;
    assert_eq!(
        sink.to("pando@example.org").len(),
        2,
        "confirmation and one alert"
    );
    assert_eq!(sink.to("all@example.org").len(), 2);
    assert_eq!(
        sink.to("lapaz@example.org").len(),
        1,
        "the confirmation only"
    );
    assert_eq!(
        sink.to("daily@example.org").len(),
        1,
        "digests wait for their hour"
    );

    let alert = &pando[1];
    // The status change and the gaps it closed travel together.
    assert!(
        alert.subject().starts_with("Pando: ") && alert.subject().ends_with(" changes"),
        "the subject names the department and the count: {}",
        alert.subject()
    );
    let text = alert.text();
    assert!(text.contains("Pando · "), "each change titled: {text}");
    assert!(text.contains("no plan → adopted and in force"), "{text}");
    // The date of the change and of its source, and the evidence level.
    assert!(text.contains("Recorded on "), "{text}");
    assert!(text.contains("(published: "), "{text}");
    assert!(text.contains("Evidence level: "), "{text}");
    assert!(text.contains("Source: "), "{text}");
    assert!(text.contains("See the change and its source"), "{text}");
    assert!(
        text.contains("Change or cancel your subscription"),
        "{text}"
    );
    assert!(text.contains("http://vigia.test/history/"), "{text}");
    assert!(alert
        .html()
        .contains("<a href=\"http://vigia.test/history/"));
    let id = alert.message_id();
    assert!(
        id.starts_with("change-") && id.ends_with("@vigia.test"),
        "{id}"
    );
    assert_ne!(all[1].message_id(), id, "one id per subscription");
}

#[tokio::test]
async fn the_daily_digest_groups_the_days_changes_and_is_not_sent_when_there_are_none() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink).await;
    subscribed(&app, &sink, "daily@example.org", "all", "daily").await;
    let officer = app
        .signed_in("o@example.org", "officer", &["BO-N", "BO-L"])
        .await;
    record_plan(&app, &officer, "BO-N").await;
    record_plan(&app, &officer, "BO-L").await;

    let clock = Arc::new(ManualClock::new(crate::helpers::clock().now()));
    let store = vigia_server::open_store(&app.settings, clock.clone())
        .await
        .unwrap();
    assert_eq!(store.queue_digests().await.unwrap(), 1);
    assert_eq!(store.queue_digests().await.unwrap(), 0, "one a day");
    app.dispatch_all_pending().await;
    let digest = sink.wait_for("daily@example.org", 2).await.remove(1);
    let text = digest.text();
    let (pando, la_paz) = (
        text.find("Pando\n").unwrap(),
        text.find("La Paz\n").unwrap(),
    );
    assert!(
        la_paz < pando,
        "in the map's order, each department once: {text}"
    );
    assert!(digest.subject().contains("changes"), "{}", digest.subject());
    assert!(digest.header("List-Unsubscribe").is_some());

    clock.advance(Duration::days(1));
    assert_eq!(
        store.queue_digests().await.unwrap(),
        0,
        "nothing new: no digest"
    );
    app.dispatch_all_pending().await;
    assert_eq!(sink.to("daily@example.org").len(), 2);
}

#[tokio::test]
async fn when_the_mail_server_is_down_alerts_wait_and_arrive_once_it_is_back() {
    // A port with nothing listening, for now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = TestApp::spawn_with(move |s| {
        s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        s.delivery_retry_ms = 300;
        s.delivery_loop = false;
    })
    .await;
    let browser = app.browser();
    app.post_form(
        &browser,
        "/alerts",
        &email_form("wait@example.org", "BO-N", "each"),
    )
    .await;
    app.dispatch_all_pending().await;
    let pool = app.database().await;
    let (state, attempts, error): (String, i64, Option<String>) =
        sqlx::query_as("SELECT state, attempts, last_error FROM deliveries")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(state, "pending", "waiting to be tried again");
    assert!(attempts >= 1);
    assert!(error.is_some());

    let sink = SmtpSink::start_on(port).await;
    // The retry falls due within 450 ms (300 ms, spread by half either way).
    for _ in 0..100 {
        app.dispatch_all_pending().await;
        if !sink.to("wait@example.org").is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let got = sink.to("wait@example.org");
    app.dispatch_all_pending().await;
    assert_eq!(got.len(), 1);
    assert_eq!(sink.to("wait@example.org").len(), 1, "once");
    let (state,): (String,) = sqlx::query_as("SELECT state FROM deliveries")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(state, "sent");
}

#[tokio::test]
async fn an_address_the_mail_server_refuses_for_good_stops_and_admins_see_it() {
    let sink = SmtpSink::start().await;
    let app = app_with(&sink).await;
    subscribed(&app, &sink, "gone@example.org", "BO-N", "each").await;
    sink.refuse("gone@example.org");
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    record_plan(&app, &officer, "BO-N").await;
    app.dispatch_all_pending().await;
    assert_eq!(
        subscription_state(&app, "gone@example.org")
            .await
            .as_deref(),
        Some("bounced")
    );
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let page = app.html_as(&admin, "/admin/alerts").await;
    assert!(
        page.contains("refused 1 address") || page.contains("rechazó 1 dirección"),
        "admins are told"
    );
    assert!(page.contains("550"), "with the server's answer");
    assert!(!page.contains("gone@example.org"), "never the address");
    assert!(
        page.contains("(hora de Bolivia)") && !page.contains(".000000Z"),
        "times in La Paz time, as the rest of the site writes them"
    );

    // An admin can retry a failed delivery.
    let pool = app.database().await;
    let (failed,): (i64,) = sqlx::query_as("SELECT id FROM deliveries WHERE state = 'failed'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let retried = app
        .post_form(
            &admin,
            &format!("/admin/alerts/deliveries/{failed}/retry"),
            &[],
        )
        .await;
    assert_eq!(retried.status(), 303);
    let (state,): (String,) = sqlx::query_as("SELECT state FROM deliveries WHERE id = $1")
        .bind(failed)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(state, "pending");
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(
        metrics.contains("vigia_alert_deliveries{channel=\"email\",state=\"sent\"}"),
        "{metrics}"
    );
    assert!(metrics.contains("vigia_alert_events"));
}
