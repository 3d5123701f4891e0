//! Replies, suggestions, moderation, accounts and the public history over HTTP, with real
//! sessions: each role against each action, and what the public sees afterwards.

use crate::helpers::TestApp;
use serde_json::Value;

const PANDO_PLAN_REPLIES: &str = "/departments/BO-N/action-plan/gaps/missing/replies";

fn reply_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("body", "El plan fue aprobado por Resolución 123/2025."),
        ("evidence_url", "https://example.org/res-123"),
    ]
}

#[tokio::test]
async fn each_role_may_or_may_not_reply_to_a_pando_gap() {
    let app = TestApp::spawn().await;
    let cases = [
        // Oversight staff review replies; only the department's own people reply.
        (
            "admin",
            app.signed_in("admin@example.org", "admin", &[]).await,
            403,
        ),
        (
            "officer in scope",
            app.signed_in("o1@example.org", "officer", &["BO-N"]).await,
            403,
        ),
        (
            "officer out of scope",
            app.signed_in("o2@example.org", "officer", &["BO-L"]).await,
            403,
        ),
        (
            "Pando's representative",
            app.signed_in("d1@example.org", "department", &["BO-N"])
                .await,
            303,
        ),
        (
            "La Paz's representative",
            app.signed_in("d2@example.org", "department", &["BO-L"])
                .await,
            403,
        ),
    ];
    for (who, client, status) in cases {
        let response = app
            .post_form(&client, PANDO_PLAN_REPLIES, &reply_form())
            .await;
        assert_eq!(response.status(), status, "{who}");
        if status == 303 {
            let location = response.headers()["location"].to_str().unwrap().to_owned();
            assert!(
                location.starts_with("/departments/BO-N#reply-"),
                "{who}: {location}"
            );
        }
    }
    let anonymous = app
        .post_form(&app.client, PANDO_PLAN_REPLIES, &reply_form())
        .await;
    assert_eq!(anonymous.status(), 303);
    assert!(anonymous.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/signin"));
    let no_such_gap = app
        .post_form(
            &app.signed_in("d3@example.org", "department", &["BO-N"])
                .await,
            "/departments/BO-N/action-plan/gaps/expired/replies",
            &reply_form(),
        )
        .await;
    assert_eq!(no_such_gap.status(), 404, "only open gaps take replies");
}

#[tokio::test]
async fn a_reply_sits_beside_its_gap_an_officer_reviews_it_and_the_gap_stays_open() {
    let app = TestApp::spawn().await;
    let department = app
        .signed_in("d@example.org", "department", &["BO-N"])
        .await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let outsider = app.signed_in("x@example.org", "officer", &["BO-L"]).await;
    let recorded = app
        .post_form(&department, PANDO_PLAN_REPLIES, &reply_form())
        .await;
    assert_eq!(recorded.status(), 303);
    let department_cannot_record = app
        .post_form(
            &department,
            "/departments/BO-N/action-plan/claims",
            &[("status", "in-force")],
        )
        .await;
    assert_eq!(
        department_cannot_record.status(),
        403,
        "a department cannot change a status"
    );

    let page = app.html("/departments/BO-N").await;
    assert!(page.contains("Respuesta del departamento"));
    assert!(page.contains("El plan fue aprobado por Resolución 123/2025."));
    assert!(page.contains("Pendiente de revisión"));
    assert!(
        app.html("/gaps")
            .await
            .contains("El plan fue aprobado por Resolución 123/2025."),
        "also on the gaps page"
    );

    let history = app.json("/api/v1/history?department=BO-N").await;
    let reply_entry = &history["entries"][0];
    assert_eq!(reply_entry["action"], "reply-posted");
    let reply_id: i64 = reply_entry["subject"]
        .as_str()
        .unwrap()
        .trim_start_matches("reply:")
        .parse()
        .unwrap();
    let review = format!("/replies/{reply_id}/review");
    let note = [
        ("outcome", "accepted"),
        (
            "note",
            "Resolution seen; a claim will follow once the plan is published.",
        ),
    ];
    // Out of scope answers as an unknown id would, so nobody learns which replies wait.
    assert_eq!(app.post_form(&outsider, &review, &note).await.status(), 404);
    assert_eq!(
        app.post_form(&department, &review, &note).await.status(),
        404
    );
    assert_eq!(
        app.post_form(&officer, "/replies/999999/review", &note)
            .await
            .status(),
        404
    );
    assert_eq!(app.post_form(&officer, &review, &note).await.status(), 303);
    assert_eq!(
        app.post_form(&officer, &review, &note).await.status(),
        404,
        "reviewed once"
    );

    let pando = app.json("/api/v1/departments/BO-N").await;
    let still_open = pando["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["requirement"] == "action-plan" && g["kind"] == "missing");
    assert!(still_open, "only a new claim closes a gap");
    assert!(app
        .html("/departments/BO-N")
        .await
        .contains("Revisada por Test officer"));
}

#[tokio::test]
async fn a_reply_is_reviewed_on_its_own_page_with_an_outcome_and_a_note_kept_when_refused() {
    let app = TestApp::spawn().await;
    let department = app
        .signed_in("d@example.org", "department", &["BO-N"])
        .await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let outsider = app.signed_in("x@example.org", "officer", &["BO-L"]).await;
    app.post_form(&department, PANDO_PLAN_REPLIES, &reply_form())
        .await;
    let history = app.json("/api/v1/history?department=BO-N").await;
    let reply_id = history["entries"][0]["subject"]
        .as_str()
        .unwrap()
        .trim_start_matches("reply:")
        .to_owned();
    let review = format!("/replies/{reply_id}/review");

    // The department page leads to the review page; the page shows the reply and the form.
    let department_page = app.html_as(&officer, "/departments/BO-N").await;
    assert!(department_page.contains(&format!("href=\"{review}\"")));
    let page = app.html_as(&officer, &review).await;
    assert!(page.contains("El plan fue aprobado por Resolución 123/2025."));
    assert!(page.contains("<textarea id=\"note\" name=\"note\""));
    for outcome in ["accepted", "more-requested"] {
        assert!(page.contains(&format!("value=\"{outcome}\"")), "{outcome}");
    }
    // Out of scope reads as not found, as the post does.
    let elsewhere = outsider.get(app.url(&review)).send().await.unwrap();
    assert_eq!(elsewhere.status(), 404);

    // No outcome chosen and a note over the limit: refused, the note kept with its count.
    let long = format!("Falta el anexo. {}", "x".repeat(1100));
    let refused = app
        .post_form(&officer, &review, &[("note", long.as_str())])
        .await;
    let (to, page) = app.next_page(&officer, refused).await;
    assert_eq!(to, review);
    assert!(page.contains("Falta el anexo. xxxx"), "the note comes back");
    assert!(
        ["1116", "1.116", "1,116"].iter().any(|n| page.contains(n)),
        "with how long it is"
    );
    assert!(
        page.contains("id=\"outcome-error\""),
        "the outcome is asked for"
    );

    let done = app
        .post_form(
            &officer,
            &review,
            &[
                ("outcome", "more-requested"),
                ("note", "Falta el anexo con el presupuesto."),
            ],
        )
        .await;
    assert_eq!(done.status(), 303);
    let public = app.html("/departments/BO-N").await;
    assert!(public.contains("<strong>Se pidió más información</strong>"));
    assert!(public.contains("Falta el anexo con el presupuesto."));
    let english = app.html("/departments/BO-N?lang=en").await;
    assert!(english.contains("<strong>More information requested</strong>"));
    // The public history's entry says what was decided, not only that a review happened.
    let history = app.json("/api/v1/history?department=BO-N").await;
    let entry = history["entries"][0]["entry_id"].as_i64().unwrap();
    let permalink = app.html(&format!("/history/{entry}")).await;
    assert!(
        permalink.contains("<strong>Respuesta revisada: Se pidió más información</strong>"),
        "{permalink}"
    );
}

#[tokio::test]
async fn a_public_suggestion_reaches_the_right_officers_and_a_decision_is_public() {
    let app = TestApp::spawn().await;
    let suggestion = [
        ("requirement", "action-plan"),
        ("body", "Pando approved its plan in March 2025."),
        ("source_url", "https://example.org/news"),
        ("organisation", "Fundación Ejemplo"),
        ("contact", "contact@example.org"),
    ];
    let response = app
        .post_form(&app.browser(), "/departments/BO-N/suggestions", &suggestion)
        .await;
    assert_eq!(response.status(), 303);

    let in_scope = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let out_of_scope = app.signed_in("x@example.org", "officer", &["BO-L"]).await;
    let queue = app.html_as(&in_scope, "/moderation").await;
    assert!(queue.contains("Pando approved its plan in March 2025."));
    assert!(
        queue.contains("contact@example.org"),
        "officers may contact the submitter"
    );
    assert!(!app
        .html_as(&out_of_scope, "/moderation")
        .await
        .contains("Pando approved"));
    assert!(
        !app.html("/departments/BO-N")
            .await
            .contains("contact@example.org"),
        "never public"
    );

    let id = crate::helpers::first_suggestion_id(&queue);
    let decide = format!("/moderation/{id}");
    let reject = [
        ("decision", "reject"),
        ("reason", "The source does not say so."),
    ];
    assert_eq!(
        app.post_form(&out_of_scope, &decide, &reject)
            .await
            .status(),
        404,
        "out of scope answers as an unknown id"
    );
    assert_eq!(
        app.post_form(&in_scope, &decide, &reject).await.status(),
        303
    );
    assert!(
        !app.html_as(&in_scope, "/moderation")
            .await
            .contains("Pando approved"),
        "decided once"
    );
    let history = app.json("/api/v1/history").await;
    assert_eq!(history["entries"][0]["action"], "suggestion-rejected");
    assert_eq!(
        history["entries"][0]["reason"],
        "The source does not say so."
    );
    assert_eq!(history["entries"][0]["actor"], "Test officer");
}

#[tokio::test]
async fn suggestions_are_rate_limited_per_client_and_checked() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let empty = app
        .post_form(&browser, "/departments/BO-N/suggestions", &[("body", " ")])
        .await;
    assert_eq!(empty.headers()["location"], "/departments/BO-N/suggest");
    assert!(app
        .html_as(&browser, "/departments/BO-N/suggest")
        .await
        .contains("Este dato es obligatorio."));
    let form = [("body", "Something is wrong.")];
    for _ in 0..4 {
        app.post_form(&browser, "/departments/BO-N/suggestions", &form)
            .await;
    }
    app.post_form(&browser, "/departments/BO-N/suggestions", &form)
        .await;
    let page = app.html_as(&browser, "/departments/BO-N/suggest").await;
    assert!(
        page.contains("demasiados envíos"),
        "the sixth post in an hour is refused, the refused first one counted"
    );
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let queue = app.html_as(&officer, "/moderation").await;
    assert_eq!(queue.matches("Something is wrong.").count(), 4);
}

#[tokio::test]
async fn admins_invite_disable_and_rescope_people_and_others_may_not() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let invite = [
        ("email", "new@example.org"),
        ("display_name", "Nueva Oficial"),
        ("role", "officer"),
        ("department", "BO-L"),
        ("department", "BO-N"),
    ];
    assert_eq!(
        app.post_form(&officer, "/admin/users", &invite)
            .await
            .status(),
        403
    );
    let refused = officer.get(app.url("/admin/users")).send().await.unwrap();
    assert_eq!(refused.status(), 403, "the accounts page is for admins");
    assert!(!refused.text().await.unwrap().contains("admin@example.org"));
    assert_eq!(
        app.post_form(&admin, "/admin/users", &invite)
            .await
            .status(),
        303
    );
    let page = app.html_as(&admin, "/admin/users").await;
    assert!(
        page.contains("/account/set-password?token="),
        "the one-time link is shown once"
    );
    assert!(page.contains("new@example.org"));
    let again = app.post_form(&admin, "/admin/users", &invite).await;
    assert_eq!(again.status(), 303);
    assert!(app
        .html_as(&admin, "/admin/users")
        .await
        .contains("Ya existe una cuenta con este correo."));

    let officer_id = app.user_id("o@example.org").await;
    let rescope = app
        .post_form(
            &admin,
            &format!("/admin/users/{officer_id}/scope"),
            &[("department", "BO-L")],
        )
        .await;
    assert_eq!(rescope.status(), 303);
    let pando_claim = app
        .post_form(
            &officer,
            "/departments/BO-N/action-plan/claims",
            &[("status", "in-force")],
        )
        .await;
    assert_eq!(pando_claim.status(), 403, "no longer in scope");

    let disable = app
        .post_form(
            &admin,
            &format!("/admin/users/{officer_id}/access"),
            &[
                ("action", "disable"),
                ("confirm", "yes"),
                ("reason", "Left the office"),
            ],
        )
        .await;
    assert_eq!(disable.status(), 303);
    let after = app
        .post_form(
            &officer,
            "/departments/BO-L/action-plan/claims",
            &[("status", "in-force")],
        )
        .await;
    assert_eq!(
        after.status(),
        303,
        "a disabled person's session no longer counts"
    );
    assert!(after.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/signin"));
    let history = app.json("/api/v1/history").await;
    let actions: Vec<&str> = history["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        &actions[..3],
        ["user-disabled", "user-rescoped", "user-added"]
    );
    let text = history.to_string();
    assert!(
        !text.contains("new@example.org") && !text.contains("o@example.org"),
        "no email is public"
    );
}

#[tokio::test]
async fn the_history_is_paginated_with_permalinks_and_the_api_shows_past_states() {
    let app = TestApp::spawn().await;
    let first = app.json("/api/v1/history").await;
    let entries = first["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    let ids: Vec<i64> = entries
        .iter()
        .map(|e| e["entry_id"].as_i64().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first");
    let permalink = entries[0]["permalink"].as_str().unwrap();
    assert!(permalink.starts_with("http://vigia.test/history/"));
    let path = permalink.trim_start_matches("http://vigia.test");
    assert!(app
        .html(path)
        .await
        .contains(&format!("Registro n.º {}", ids[0])));
    assert_eq!(app.get("/history/999999").await.status(), 404);
    assert_eq!(app.get("/api/v1/history?page=0").await.status(), 400);
    assert_eq!(
        app.get("/api/v1/history?department=BO-X").await.status(),
        400
    );

    let now: Value = app.json("/api/v1/departments/BO-T").await;
    let past: Value = app.json("/api/v1/departments/BO-T?as_of=2019-01-01").await;
    let count = |v: &Value| v["history"].as_array().unwrap().len();
    assert!(count(&past) < count(&now), "the past has less history");
    assert_eq!(
        app.get("/api/v1/departments?as_of=yesterday")
            .await
            .status(),
        400
    );
    assert_eq!(app.get("/api/v1/gaps?as_of=2019-01-01").await.status(), 200);
}

#[tokio::test]
async fn the_dashboard_lists_the_records_in_scope_most_severe_first() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("o@example.org", "officer", &["BO-N", "BO-T"])
        .await;
    let page = app.html_as(&officer, "/dashboard").await;
    let table = page
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tbody>")
        .next()
        .unwrap();
    let rows: Vec<&str> = table.split("<tr>").skip(1).collect();
    assert_eq!(rows.len(), 4, "two departments, two requirements each");
    assert!(rows
        .iter()
        .all(|r| r.contains("/departments/BO-N#req-") || r.contains("/departments/BO-T#req-")));
    assert!(rows[0].contains("severity-critical"), "{}", rows[0]);
    let rank = |row: &str| {
        ["severity-critical", "severity-warning", "severity-notice"]
            .iter()
            .position(|s| row.contains(s))
            .unwrap_or(3)
    };
    assert!(
        rows.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "most severe first"
    );
    let anonymous = app.get("/dashboard").await;
    assert_eq!(anonymous.status(), 302, "signed out, sent to sign in");
}

/// The number shown beside a to-do heading.
fn todo_count(page: &str, heading: &str) -> usize {
    let after = page
        .split(heading)
        .nth(1)
        .unwrap_or_else(|| panic!("no {heading} on the dashboard"));
    after
        .split("class=\"todo-count\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .and_then(|n| n.parse().ok())
        .expect("a count")
}

#[tokio::test]
async fn the_dashboard_starts_with_a_to_do_list_whose_counts_match_the_record() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let page = app.html_as(&officer, "/dashboard").await;
    let todo = page.find("Para hacer").expect("the to-do list");
    assert!(
        todo < page.find("Registros a su cargo").unwrap(),
        "it leads the page"
    );
    assert_eq!(todo_count(&page, "Respuestas esperando su revisión"), 0);
    assert_eq!(todo_count(&page, "Sugerencias pendientes"), 0);
    let gaps = app.json("/api/v1/gaps?department=BO-N").await;
    let due = ["overdue", "expired", "due-soon", "expiring-soon"];
    let count = |kinds: &[&str]| {
        gaps.as_array()
            .unwrap()
            .iter()
            .filter(|g| kinds.contains(&g["kind"].as_str().unwrap()))
            .count()
    };
    assert_eq!(
        todo_count(&page, "Plazos vencidos o en los próximos 30 días"),
        count(&due)
    );
    assert_eq!(
        todo_count(&page, "Afirmaciones de hace más de un año"),
        count(&["stale"])
    );

    // A department's reply and a public suggestion each join the list, with a link.
    let department = app
        .signed_in("d@example.org", "department", &["BO-N"])
        .await;
    let posted = app
        .post_form(&department, PANDO_PLAN_REPLIES, &reply_form())
        .await;
    let location = posted.headers()["location"].to_str().unwrap().to_owned();
    app.post_form(
        &app.browser(),
        "/departments/BO-N/suggestions",
        &[("body", "El plan se aprobó en mayo.")],
    )
    .await;
    let page = app.html_as(&officer, "/dashboard").await;
    assert_eq!(todo_count(&page, "Respuestas esperando su revisión"), 1);
    // It leads to the reply's review page.
    let reply_id = location.rsplit("#reply-").next().unwrap();
    let review = format!("/replies/{reply_id}/review");
    assert!(page.contains(&format!("href=\"{review}\"")), "{review}");
    assert_eq!(todo_count(&page, "Sugerencias pendientes"), 1);
    // An officer of La Paz sees none of Pando's.
    let other = app.signed_in("x@example.org", "officer", &["BO-L"]).await;
    let page = app.html_as(&other, "/dashboard").await;
    assert_eq!(todo_count(&page, "Respuestas esperando su revisión"), 0);
    assert_eq!(todo_count(&page, "Sugerencias pendientes"), 0);
}
