//! Recording claims over HTTP with real sessions: who may, what is checked, and that the
//! public state follows at once.

use crate::helpers::TestApp;
use serde_json::Value;

/// The latest claim id of a record, as the form would carry it.
pub async fn latest(app: &TestApp, code: &str, requirement: &str) -> String {
    let department = app.json(&format!("/api/v1/departments/{code}")).await;
    department["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["requirement"] == requirement)
        .filter_map(|c| c["id"].as_i64())
        .max()
        .unwrap_or(0)
        .to_string()
}

pub fn plan_in_force(expected: &str) -> Vec<(&str, &str)> {
    vec![
        ("expected", expected),
        ("status", "in-force"),
        ("event_date", "2025-05-02"),
        ("status_since", "2025-05-02"),
        ("valid_from", "2025"),
        ("valid_until", "2029"),
        ("approving_instrument", "Resolución 123/2025"),
        ("evidence_level", "verified"),
        (
            "evidence_primary",
            "Resolución 123/2025 | https://example.org/res-123.pdf",
        ),
        ("note", "The council approved the plan; resolution checked."),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Resolución 123/2025"),
        ("source_url", "https://example.org/res-123.pdf"),
        ("source_published", "2025-05-02"),
    ]
}

/// How a department's outline is drawn on the map: its category and its classes
/// (`missing: department`, `in-preparation: department inferred`).
pub fn map_class(html: &str, code: &str) -> String {
    let path = html
        .split("<path ")
        .find(|p| p.contains(&format!("data-code=\"{code}\"")))
        .expect("outline");
    let attribute = |name: &str| {
        path.split(&format!("{name}=\""))
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned()
    };
    format!("{}: {}", attribute("data-category"), attribute("class"))
}

#[tokio::test]
async fn an_officer_records_pandos_plan_and_the_public_state_follows() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    assert_eq!(
        map_class(&app.html("/").await, "BO-N"),
        "missing: department",
        "cached before"
    );

    let expected = latest(&app, "BO-N", "action-plan").await;
    let response = app
        .post_form(
            &officer,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&expected),
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(location, "/departments/BO-N", "saved");

    let pando = app.json("/api/v1/departments/BO-N").await;
    let plan = pando["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["requirement"] == "action-plan")
        .unwrap();
    assert_eq!(plan["status"], "in-force");
    assert_eq!(plan["evidence_level"], "verified");
    assert_eq!(plan["valid_until"], "2029");
    let gaps: Vec<&Value> = pando["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["requirement"] == "action-plan")
        .collect();
    assert!(gaps.is_empty(), "no gap left on Pando's plan: {gaps:?}");

    let map = app.html("/").await;
    assert_eq!(
        map_class(&map, "BO-N"),
        "in-force: department",
        "the map follows at once"
    );
    let page = app.html("/departments/BO-N").await;
    assert!(
        page.contains("Registrado por Test officer"),
        "the history names who recorded it"
    );
    assert!(page.contains("Resolución 123/2025"));
}

#[tokio::test]
async fn each_role_may_or_may_not_record_for_la_paz() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let outsider = app
        .signed_in("officer-pando@example.org", "officer", &["BO-N"])
        .await;
    let department = app
        .signed_in("gobernacion@example.org", "department", &["BO-L"])
        .await;
    let before = app.claim_count().await;

    let expected = latest(&app, "BO-L", "action-plan").await;
    for (who, client) in [
        ("officer of another department", &outsider),
        ("department user", &department),
    ] {
        let refused = app
            .post_form(
                client,
                "/departments/BO-L/action-plan/claims",
                &plan_in_force(&expected),
            )
            .await;
        assert_eq!(refused.status(), 403, "{who}");
    }
    let anonymous = app
        .post_form(
            &app.browser(),
            "/departments/BO-L/action-plan/claims",
            &plan_in_force(&expected),
        )
        .await;
    assert!(
        anonymous.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/signin?next="),
        "anonymous is asked to sign in"
    );
    assert_eq!(app.claim_count().await, before, "nothing written");

    let allowed = app
        .post_form(
            &admin,
            "/departments/BO-L/action-plan/claims",
            &plan_in_force(&expected),
        )
        .await;
    assert_eq!(allowed.headers()["location"], "/departments/BO-L", "saved");
    assert_eq!(app.claim_count().await, before + 1);
}

#[tokio::test]
async fn a_disabled_officer_loses_the_session() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let pool = app.database().await;
    sqlx::query("UPDATE users SET disabled = TRUE")
        .execute(&pool)
        .await
        .unwrap();
    let expected = latest(&app, "BO-N", "action-plan").await;
    let response = app
        .post_form(
            &officer,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&expected),
        )
        .await;
    assert!(response.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/signin"));
}

#[tokio::test]
async fn a_refused_form_comes_back_with_what_was_typed() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let before = app.claim_count().await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    let mut form = plan_in_force(&expected);
    // In force with neither a start nor an end, about a moment after today: two problems,
    // both shown beside their fields.
    form.retain(|(k, _)| !["status_since", "valid_until", "event_date"].contains(k));
    form.push(("event_date", "2099-01"));
    let response = app
        .post_form(&officer, "/departments/BO-N/action-plan/claims", &form)
        .await;
    assert_eq!(
        response.headers()["location"],
        "/departments/BO-N/action-plan/new"
    );
    let page = officer
        .get(app.url("/departments/BO-N/action-plan/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(
        "Un instrumento vigente necesita la fecha en que empezó a regir o la de fin de su vigencia."
    ));
    assert!(page.contains("La fecha no puede ser posterior a hoy."));
    assert!(
        page.contains("The council approved the plan; resolution checked."),
        "the note is kept"
    );
    assert_eq!(app.claim_count().await, before, "nothing written");
}

#[tokio::test]
async fn a_save_on_stale_data_does_not_go_through() {
    let app = TestApp::spawn().await;
    let first = app
        .signed_in("first@example.org", "officer", &["BO-N"])
        .await;
    let second = app
        .signed_in("second@example.org", "officer", &["BO-N"])
        .await;
    let opened_at = latest(&app, "BO-N", "action-plan").await;
    let saved = app
        .post_form(
            &first,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&opened_at),
        )
        .await;
    // Saved: the department's page (a refused form goes back to the form).
    assert_eq!(saved.headers()["location"], "/departments/BO-N");

    let late = app
        .post_form(
            &second,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&opened_at),
        )
        .await;
    assert_eq!(
        late.headers()["location"],
        "/departments/BO-N/action-plan/new"
    );
    let page = second
        .get(app.url("/departments/BO-N/action-plan/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Otra persona registró una afirmación más reciente"));
    let now = latest(&app, "BO-N", "action-plan").await;
    assert!(
        page.contains(&format!("name=\"expected\" value=\"{now}\"")),
        "the re-submit carries the newer version"
    );
    let resubmitted = app
        .post_form(
            &second,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&now),
        )
        .await;
    assert_eq!(
        resubmitted.headers()["location"],
        "/departments/BO-N",
        "saved"
    );
}

#[tokio::test]
async fn verified_needs_primary_evidence_or_a_pdf_and_dates_cannot_be_ahead() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let before = app.claim_count().await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    let mut form = plan_in_force(&expected);
    // A press article is not the instrument: it cannot make a claim verified.
    form.retain(|(k, _)| *k != "evidence_primary");
    form.push(("evidence_links", "Nota | https://example.org/nota"));
    // Test today is 2025-06-01: a source published after it cannot be cited yet.
    form.retain(|(k, _)| *k != "source_published");
    form.push(("source_published", "2025-07"));
    app.post_form(&officer, "/departments/BO-N/action-plan/claims", &form)
        .await;
    let page = app
        .html_as(&officer, "/departments/BO-N/action-plan/new")
        .await;
    assert!(
        page.contains("agregue un enlace de evidencia primaria"),
        "{page}"
    );
    assert!(page.contains("La fecha no puede ser posterior a hoy."));
    assert_eq!(app.claim_count().await, before, "nothing written");
}

#[tokio::test]
async fn an_inferred_claim_is_shown_as_an_inference_on_the_map_and_in_the_api() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    let form = [
        ("expected", expected.as_str()),
        ("status", "in-preparation"),
        ("basis", "inferred"),
        ("event_date", "2025-05"),
        ("evidence_level", "reported"),
        ("note", "The council met; we infer a plan is being drafted."),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Acta del Consejo"),
        ("source_url", "https://example.org/acta"),
        ("source_published", "2025-05-20"),
    ];
    let saved = app
        .post_form(&officer, "/departments/BO-N/action-plan/claims", &form)
        .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(
        map_class(&app.html("/").await, "BO-N"),
        "in-preparation: department inferred"
    );
    let gaps = app
        .json("/api/v1/gaps?department=BO-N&kind=inferred&lang=en")
        .await;
    assert_eq!(
        gaps[0]["message"],
        "The status of Pando's departmental action plan against human trafficking is Vigía's inference from what Gobernación de Pando (20 May 2025) says; the source does not state it."
    );
}
