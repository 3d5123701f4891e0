//! Alert events: written with the change that causes them, raised by the scheduler once per
//! date, and published as Atom, iCalendar and JSON.

use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use serde_json::Value;
use vigia::ManualClock;

use crate::helpers::TestApp;

pub(crate) fn plan_in_force(expected: &str) -> Vec<(&str, &str)> {
    vec![
        ("expected", expected),
        ("status", "in-force"),
        ("event_date", "2025-05-02"),
        ("status_since", "2025-05-02"),
        ("valid_until", "2029"),
        ("evidence_level", "verified"),
        (
            "evidence_primary",
            "Resolución 45/2025 | https://example.org/r45",
        ),
        ("note", "Approved by resolution 45/2025."),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Resolución 45/2025"),
        ("source_url", "https://example.org/r45"),
        ("source_published", "2025-05-02"),
    ]
}

pub(crate) async fn latest_claim(app: &TestApp, code: &str) -> String {
    app.json(&format!("/api/v1/departments/{code}")).await["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["requirement"] == "action-plan")
        .filter_map(|c| c["id"].as_i64())
        .max()
        .unwrap_or(0)
        .to_string()
}

fn kinds(events: &Value) -> Vec<(String, String)> {
    let mut kinds: Vec<(String, String)> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_owned(),
                e["gap_kind"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    kinds.sort();
    kinds
}

#[tokio::test]
async fn an_officers_claim_on_pando_writes_exactly_its_events_with_it() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    assert!(
        app.json("/api/v1/events").await["events"]
            .as_array()
            .unwrap()
            .is_empty(),
        "the seed raises none"
    );

    // A refused write (stale) writes no event.
    app.post_form(
        &officer,
        "/departments/BO-N/action-plan/claims",
        &plan_in_force("1"),
    )
    .await;
    assert!(app.json("/api/v1/events").await["events"]
        .as_array()
        .unwrap()
        .is_empty());

    let expected = latest_claim(&app, "BO-N").await;
    let saved = app
        .post_form(
            &officer,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&expected),
        )
        .await;
    assert_eq!(saved.status(), 303);
    let events = app.json("/api/v1/events?department=BO-N").await;
    assert_eq!(
        kinds(&events),
        [
            ("gap.closed".to_owned(), "missing".to_owned()),
            ("gap.closed".to_owned(), "stale".to_owned()),
            ("status.changed".to_owned(), String::new()),
        ]
    );
    let list = events["events"].as_array().unwrap();
    let change = &list[0]["change_id"];
    assert!(list.iter().all(|e| &e["change_id"] == change), "one change");
    let status = list.iter().find(|e| e["kind"] == "status.changed").unwrap();
    assert_eq!(
        (
            status["status_before"].as_str(),
            status["status_after"].as_str()
        ),
        (Some("missing"), Some("in-force"))
    );
    assert_eq!(
        status["message_es"],
        "En Pando, el estado del plan departamental contra la trata y tráfico de personas pasó de «sin plan» a «adoptado y vigente»."
    );
    assert!(status["links"]["history"]
        .as_str()
        .unwrap()
        .starts_with("http://vigia.test/history/"));
    // The map and the feed agree.
    let pando = app.json("/api/v1/gaps?department=BO-N").await;
    assert!(pando
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["requirement"] != "action-plan" || g["kind"] == "expiring-soon"));
}

#[tokio::test]
async fn feeds_parse_filter_and_answer_conditional_requests() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let expected = latest_claim(&app, "BO-N").await;
    app.post_form(
        &officer,
        "/departments/BO-N/action-plan/claims",
        &plan_in_force(&expected),
    )
    .await;

    let response = app.get("/feeds/events.atom?department=BO-N&lang=en").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let modified = response.headers()["last-modified"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = response.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&body[..]).expect("valid Atom");
    assert_eq!(feed.entries.len(), 3);
    assert!(feed
        .entries
        .iter()
        .all(|e| e.id.starts_with("tag:vigia.test,2026:event/")));
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    let mut distinct = titles.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        titles.len(),
        "each title says what happened: {titles:?}"
    );
    let status = feed
        .entries
        .iter()
        .find(|e| {
            let title = &e.title.as_ref().unwrap().content;
            title.starts_with("Pando · ") && title.ends_with(": no plan → adopted and in force")
        })
        .unwrap_or_else(|| panic!("a status change titled by what changed: {titles:?}"));
    assert!(status
        .content
        .as_ref()
        .unwrap()
        .body
        .as_ref()
        .unwrap()
        .contains("from \"no plan\" to \"adopted and in force\""));

    let again = app
        .get_with(
            "/feeds/events.atom?department=BO-N&lang=en",
            "if-none-match",
            &etag,
        )
        .await;
    assert_eq!(again.status(), 304);
    let since = app
        .get_with(
            "/feeds/events.atom?department=BO-N&lang=en",
            "if-modified-since",
            &modified,
        )
        .await;
    assert_eq!(since.status(), 304);
    // A browser gets a page of the same entries; a feed reader, the feed. Two variants of
    // one address, each with its own ETag.
    let chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,\
                    image/webp,*/*;q=0.8";
    let page = app
        .get_with(
            "/feeds/events.atom?department=BO-N&lang=en",
            "accept",
            chromium,
        )
        .await;
    assert!(page.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(page.headers()["vary"].to_str().unwrap().contains("Accept"));
    assert_ne!(page.headers()["etag"].to_str().unwrap(), etag);
    let html = page.text().await.unwrap();
    for title in &titles {
        assert!(
            html.contains(&title.replace('"', "&quot;")),
            "{title} on the page"
        );
    }
    assert!(html.contains("http://vigia.test/feeds/events.atom?lang=en&amp;department=BO-N"));
    let reader = app
        .get_with(
            "/feeds/events.atom?department=BO-N&lang=en",
            "accept",
            "application/atom+xml,application/rdf+xml,application/rss+xml,application/xml;q=0.9,*/*;q=0.1",
        )
        .await;
    assert!(reader.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    assert_eq!(reader.headers()["etag"].to_str().unwrap(), etag);
    let other = app.get("/feeds/events.atom?department=BO-L").await;
    let other = feed_rs::parser::parse(&other.bytes().await.unwrap()[..]).unwrap();
    assert!(other.entries.is_empty(), "La Paz has no event");
    for bad in [
        "department=BO-Z",
        "kind=gap.exploded",
        "severity=urgent",
        "lang=fr",
    ] {
        assert_eq!(
            app.get(&format!("/feeds/events.atom?{bad}")).await.status(),
            400,
            "{bad}"
        );
    }
    assert_eq!(app.get("/api/v1/events?kind=nope").await.status(), 400);

    // Pando's plan is valid until 2029: one future end of validity.
    let ics = app.get("/feeds/deadlines.ics?department=BO-N").await;
    assert!(ics.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let etag = ics.headers()["etag"].to_str().unwrap().to_owned();
    let text = ics.text().await.unwrap();
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .expect("a calendar")
        .expect("valid iCalendar");
    assert_eq!(calendar.events.len(), 1);
    let property = |name: &str| {
        calendar.events[0]
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap()
    };
    assert_eq!(
        property("UID"),
        "deadline-BO-N-action-plan-validity-end-2029-12-31@vigia.test"
    );
    assert_eq!(property("URL"), "http://vigia.test/departments/BO-N");
    let description = property("DESCRIPTION");
    assert!(
        description.contains("Pando") && description.contains("Fuente: "),
        "what is due, by whom, from which source: {description}"
    );
    assert_eq!(property("DTSTART"), "20291231");
    let again = app
        .get_with(
            "/feeds/deadlines.ics?department=BO-N",
            "if-none-match",
            &etag,
        )
        .await;
    assert_eq!(again.status(), 304);
    assert_eq!(
        app.get("/feeds/deadlines.ics?department=BO-Q")
            .await
            .status(),
        400
    );
}

/// A store on the test server's database, on a clock the test moves.
async fn store_at(app: &TestApp, clock: Arc<ManualClock>) -> vigia_store::Store {
    vigia_server::open_store(&app.settings, clock)
        .await
        .unwrap()
}

fn noon(date: &str) -> chrono::DateTime<chrono::Utc> {
    vigia::clock::la_paz_noon(date.parse::<NaiveDate>().unwrap())
}

#[tokio::test]
async fn each_deadline_threshold_fires_once_across_restarts_and_jumps() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let expected = latest_claim(&app, "BO-N").await;
    let drafting = [
        ("expected", expected.as_str()),
        ("status", "in-preparation"),
        ("event_date", "2025-05"),
        ("due_date", "2025-09-30"),
        ("evidence_level", "reported"),
        ("note", "The council set a due date."),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Acta"),
        ("source_url", "https://example.org/acta"),
        ("source_published", "2025-05-20"),
    ];
    app.post_form(&officer, "/departments/BO-N/action-plan/claims", &drafting)
        .await;
    let clock = Arc::new(ManualClock::new(noon("2025-08-30")));
    let store = store_at(&app, clock.clone()).await;
    // Read from the database itself: the test server notices other processes' writes only
    // within half a second.
    let events_of = |kind: vigia::events::EventKind| {
        let store = &store;
        async move {
            let filter = vigia_store::EventFilter {
                department: Some(vigia::DepartmentCode::Pando),
                kind: Some(kind),
                ..Default::default()
            };
            store.events(&filter, 100).await.unwrap()
        }
    };
    let deadlines = || async {
        let mut days: Vec<u32> = events_of(vigia::events::EventKind::DeadlineApproaching)
            .await
            .iter()
            .map(|e| e.draft.threshold_days.unwrap())
            .collect();
        days.sort();
        days
    };
    store.run_scheduler().await.unwrap();
    assert!(deadlines().await.is_empty(), "31 days before: nothing");
    clock.set(noon("2025-08-31"));
    store.run_scheduler().await.unwrap();
    store.run_scheduler().await.unwrap();
    assert_eq!(deadlines().await, [30], "twice on the day, once");
    // A restart the same day: a new store, the same database.
    let restarted = store_at(&app, clock.clone()).await;
    restarted.run_scheduler().await.unwrap();
    assert_eq!(deadlines().await, [30]);
    // The clock jumps from 30 to 2 days before: the 7-day threshold, once.
    clock.set(noon("2025-09-28"));
    restarted.run_scheduler().await.unwrap();
    clock.advance(Duration::hours(3));
    restarted.run_scheduler().await.unwrap();
    assert_eq!(deadlines().await, [7, 30]);
    clock.set(noon("2025-09-29"));
    store.run_scheduler().await.unwrap();
    assert_eq!(deadlines().await, [1, 7, 30]);
    // The due date passes: the overdue gap opens by the calendar, once.
    clock.set(noon("2025-10-01"));
    store.run_scheduler().await.unwrap();
    restarted.run_scheduler().await.unwrap();
    let opened = events_of(vigia::events::EventKind::GapOpened).await;
    let overdue: Vec<_> = opened
        .iter()
        .filter(|e| e.draft.gap_kind == Some(vigia::GapKind::Overdue))
        .collect();
    assert_eq!(overdue.len(), 1);
    assert_eq!(
        overdue[0].history_entry, None,
        "the calendar, not a write, opened it"
    );
}

#[tokio::test]
async fn the_feeds_page_gives_each_address_and_every_follow_box_links_to_it() {
    let app = TestApp::spawn().await;
    let page = app.html("/feeds").await;
    assert!(page.contains("http://vigia.test/feeds/events.atom?lang=es"));
    assert!(page.contains("http://vigia.test/feeds/deadlines.ics?lang=es"));
    assert!(page.contains("Google Calendar") && page.contains("Thunderbird"));
    assert!(page.contains("Outlook"));
    assert!(
        page.contains("/feeds/events.atom?department=BO-N&amp;lang=es"),
        "one department's own feed"
    );
    for path in ["/", "/departments/BO-N"] {
        assert!(
            app.html(path).await.contains("href=\"/feeds\""),
            "{path} links to how to follow"
        );
    }
}
