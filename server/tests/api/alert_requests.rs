//! The alert forms and queue against abuse: one spelling per mailbox, a box sent twice,
//! the same work for known and unknown addresses, and lease takeovers that do not use up a
//! delivery's attempts. Servers here run with the delivery loop off and send when told.

use std::sync::Arc;

use chrono::Duration;

use crate::alerts_email::email_form;
use crate::helpers::{clock, TestApp};
use crate::receivers::SmtpSink;

/// A server that sends to `sink` only when the test says so.
pub async fn driven(sink: &SmtpSink) -> TestApp {
    let url = sink.url();
    TestApp::spawn_with(move |s| {
        s.smtp_url = Some(url);
        s.delivery_loop = false;
    })
    .await
}

async fn count(app: &TestApp, query: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(query)
        .fetch_one(&app.database().await)
        .await
        .unwrap();
    n
}

/// Posts the form from a fresh browser; the page it comes back to.
async fn subscribe(app: &TestApp, form: &[(&str, &str)]) -> String {
    let browser = app.browser();
    let answer = app.post_form(&browser, "/alerts", form).await;
    app.next_page(&browser, answer).await.1
}

#[tokio::test]
async fn one_mailbox_written_many_ways_is_one_subscription_with_one_limit() {
    let sink = SmtpSink::start().await;
    let app = driven(&sink).await;
    for spelling in [
        "n1<target@y.org>",
        "\"target\"@y.org",
        "<target@y.org>",
        "victim@[127.0.0.1]",
        "(c)victim@x.org",
    ] {
        let page = subscribe(&app, &email_form(spelling, "BO-N", "each")).await;
        assert!(
            page.contains("Escriba una dirección de correo válida"),
            "{spelling}: refused beside the field"
        );
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM subscription_requests").await,
        0
    );
    for spelling in [
        "target@y.org",
        "Target@Y.ORG",
        "TARGET@y.org",
        "target@Y.org",
        "target@y.org",
    ] {
        let page = subscribe(&app, &email_form(spelling, "BO-N", "each")).await;
        assert!(page.contains("Revise su correo") || page.contains("Check your email"));
    }
    app.dispatch_all_pending().await;
    assert_eq!(count(&app, "SELECT COUNT(*) FROM subscriptions").await, 1);
    let mails = sink.to("target@y.org");
    assert_eq!(
        mails.len(),
        3,
        "three confirmations a day, however it is written"
    );
    assert!(mails
        .iter()
        .all(|m| m.header("To").as_deref() == Some("target@y.org")));
}

#[tokio::test]
async fn a_department_box_sent_twice_is_one_choice() {
    let sink = SmtpSink::start().await;
    let app = driven(&sink).await;
    let mut form = email_form("ana@example.org", "BO-L", "each");
    form.push(("departments", "BO-L"));
    let page = subscribe(&app, &form).await;
    assert!(page.contains("Revise su correo") || page.contains("Check your email"));
    app.dispatch_all_pending().await;
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM subscription_departments").await,
        1
    );
}

/// Rows in the tables a subscription touches, and in the requests waiting.
async fn counts(app: &TestApp) -> Vec<i64> {
    let mut all = Vec::new();
    for table in [
        "subscriptions",
        "subscription_departments",
        "subscription_kinds",
        "deliveries",
        "subscription_requests",
    ] {
        all.push(count(app, &format!("SELECT COUNT(*) FROM {table}")).await);
    }
    all
}

#[tokio::test]
async fn a_known_and_an_unknown_address_cost_the_form_the_same_work() {
    let sink = SmtpSink::start().await;
    let app = driven(&sink).await;
    subscribe(&app, &email_form("known@example.org", "BO-N", "each")).await;
    app.dispatch_all_pending().await;
    let before = counts(&app).await;
    let known = subscribe(&app, &email_form("known@example.org", "BO-N", "each")).await;
    let after_known = counts(&app).await;
    let unknown = subscribe(&app, &email_form("new@example.org", "BO-N", "each")).await;
    let after_unknown = counts(&app).await;
    let one_request =
        |from: &[i64], to: &[i64]| from.iter().zip(to).map(|(a, b)| b - a).collect::<Vec<_>>();
    assert_eq!(one_request(&before, &after_known), [0, 0, 0, 0, 1]);
    assert_eq!(one_request(&after_known, &after_unknown), [0, 0, 0, 0, 1]);
    let message = |page: &str| {
        page.split("role=\"status\"")
            .nth(1)
            .map(|rest| rest.split("</").next().unwrap_or_default().to_owned())
    };
    assert!(message(&known).is_some());
    assert_eq!(message(&known), message(&unknown), "the same answer");
    app.dispatch_all_pending().await;
    assert_eq!(counts(&app).await[4], 0, "the worker carried both out");
    assert_eq!(sink.to("new@example.org").len(), 1);
    assert_eq!(
        sink.to("known@example.org").len(),
        2,
        "its confirmation, then a reminder"
    );
}

#[tokio::test]
async fn lease_takeovers_after_crashes_do_not_use_up_a_deliverys_attempts() {
    let dir = tempfile::tempdir().unwrap();
    let settings = crate::helpers::settings_in(dir.path());
    let _database = crate::engines::TestDatabase::of(&settings.database_url);
    let store = vigia_server::open_store(&settings, Arc::new(clock()))
        .await
        .unwrap();
    let draft = vigia::subscriptions::SubscriptionDraft {
        channel: "email".into(),
        address: "ana@example.org".into(),
        departments: vec!["BO-N".into()],
        kinds: vec!["status.changed".into()],
        frequency: "each".into(),
        lang: "es".into(),
        ..Default::default()
    };
    store
        .subscribe_email(&draft.validate(false).unwrap())
        .await
        .unwrap();
    let pool = &crate::helpers::pool_for(&settings).await;
    // The store's own clock: each test clock starts the day afresh.
    let start = store.now();
    // Three workers take the confirmation in turn and die holding it.
    for crash in 0..3 {
        let now = start + Duration::seconds(10 * crash);
        let claimed = vigia_store::db::deliveries::claim(pool, now, now + Duration::seconds(5), 10)
            .await
            .unwrap();
        assert_eq!(claimed.len(), 1, "taken over after crash {crash}");
    }
    let now = start + Duration::seconds(60);
    let claimed = vigia_store::db::deliveries::claim(pool, now, now + Duration::seconds(5), 10)
        .await
        .unwrap()
        .remove(0);
    assert_eq!((claimed.attempts, claimed.takeovers), (0, 3));
    // Then the mail server refuses once, with two attempts allowed.
    let outcome = vigia_store::Outcome::Failed {
        error: "421 try later".into(),
        permanent: false,
    };
    let after = store
        .finish_deliveries(
            &[(claimed, vigia::subscriptions::Channel::Email, outcome)],
            2,
            |_| std::time::Duration::from_secs(1),
        )
        .await
        .unwrap();
    assert_eq!(after, [Some(vigia_store::AfterFailure::Retry)]);
    let (state, attempts): (String, i64) = sqlx::query_as("SELECT state, attempts FROM deliveries")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!((state.as_str(), attempts), ("pending", 1));
}
