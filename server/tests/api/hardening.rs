//! What a hostile or careless visitor, officer or department could try, and what happens.

use reqwest::multipart::{Form, Part};

use crate::helpers::{TestApp, PASSWORD};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// The id of the most recent reply, from the public API.
async fn history_len(app: &TestApp) -> usize {
    let page = app.json("/api/v1/history?department=BO-N").await;
    page["entries"].as_array().unwrap().len()
}

#[tokio::test]
async fn a_huge_reply_is_refused_beside_its_field_and_public_pages_keep_working() {
    let app = TestApp::spawn().await;
    let department = app
        .signed_in("d@example.org", "department", &["BO-N"])
        .await;
    let before = history_len(&app).await;
    let huge = "x".repeat(9 * 1024 * 1024);
    let form = Form::new().text("body", huge);
    let response = app
        .post_multipart(
            &department,
            "/departments/BO-N/action-plan/gaps/missing/replies",
            form,
        )
        .await;
    assert_eq!(response.status(), 303);
    let page = app
        .html_as(
            &department,
            "/departments/BO-N/action-plan/gaps/missing/reply",
        )
        .await;
    assert!(
        page.contains("Demasiado largo: como máximo 4000 caracteres."),
        "{page}"
    );
    assert_eq!(history_len(&app).await, before, "nothing stored");
    for path in [
        "/departments/BO-N",
        "/gaps",
        "/api/v1/departments/BO-N",
        "/api/v1/history",
    ] {
        assert_eq!(app.get(path).await.status(), 200, "{path}");
    }
    let longest = format!(
        "SELECT CAST(MAX(LENGTH(data)) AS BIGINT) FROM {}",
        crate::engines::sessions_table()
    );
    let session_rows: (i64,) = sqlx::query_as(&longest)
        .fetch_one(&app.database().await)
        .await
        .unwrap();
    assert!(
        session_rows.0 < 100_000,
        "the refused form kept in the session is bounded: {}",
        session_rows.0
    );
}

#[tokio::test]
async fn a_body_over_every_limit_gets_a_localised_413_page() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let big_file = Form::new().text("note", "x").part(
        "document",
        Part::bytes(vec![b'%'; 20 * 1024 * 1024]).file_name("big.pdf"),
    );
    let response = app
        .post_multipart(&officer, "/departments/BO-N/action-plan/claims", big_file)
        .await;
    assert_eq!(response.status(), 413);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Envío demasiado grande"));

    let long_text = [("body", "y".repeat(300 * 1024))];
    let response = app
        .client
        .post(app.url("/departments/BO-N/suggestions"))
        .header("origin", format!("http://{}", app.address))
        .header("accept-language", "en")
        .form(&long_text)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert!(response.text().await.unwrap().contains("Too large"));

    // A file a little over the document limit gets the form back with the message.
    let mut just_over = PDF.to_vec();
    just_over.resize(10 * 1024 * 1024 + 10, b' ');
    let form = Form::new()
        .text("note", "x")
        .part("document", Part::bytes(just_over).file_name("plan.pdf"));
    let response = app
        .post_multipart(&officer, "/departments/BO-N/action-plan/claims", form)
        .await;
    assert_eq!(
        response.headers()["location"],
        "/departments/BO-N/action-plan/new"
    );
    let page = app
        .html_as(&officer, "/departments/BO-N/action-plan/new")
        .await;
    assert!(page.contains("El documento supera los 10 MB."));
}

#[tokio::test]
async fn odd_query_strings_share_one_cache_entry_and_the_cache_stays_in_budget() {
    let app = TestApp::spawn_with(|s| s.cache_bytes = 2 * 1024 * 1024).await;
    let cache_bytes = |metrics: String| -> usize {
        metrics
            .lines()
            .find(|l| l.starts_with("vigia_page_cache_bytes "))
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap()
    };
    // (The records export: the claims export streams, uncached.)
    app.get("/api/v1/export.csv").await;
    let one = cache_bytes(app.get("/metrics").await.text().await.unwrap());
    assert!(one > 0, "the export is cached");
    for n in 0..200 {
        let response = app.get(&format!("/api/v1/export.csv?v={n}")).await;
        assert_eq!(response.status(), 200);
    }
    let after = cache_bytes(app.get("/metrics").await.text().await.unwrap());
    assert_eq!(after, one, "unknown parameters are not part of the key");
    for n in 0..60 {
        app.get(&format!(
            "/gaps?severity=critical&department=BO-N&as_of=2024-01-{:02}",
            n % 28 + 1
        ))
        .await;
        app.get(&format!(
            "/departments/BO-L?as_of=2024-02-{:02}",
            n % 28 + 1
        ))
        .await;
    }
    let full = cache_bytes(app.get("/metrics").await.text().await.unwrap());
    assert!(full <= 2 * 1024 * 1024, "within the budget: {full}");
}

#[tokio::test]
async fn an_admin_hides_an_abusive_reply_and_the_history_keeps_its_hash_and_reason() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let department = app
        .signed_in("d@example.org", "department", &["BO-N"])
        .await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let abuse = "Insultos contra la oficial de turno.";
    let response = app
        .post_form(
            &department,
            "/departments/BO-N/action-plan/gaps/missing/replies",
            &[("body", abuse)],
        )
        .await;
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let id = location.rsplit("reply-").next().unwrap().to_owned();
    assert!(app.html("/departments/BO-N").await.contains(abuse));
    let hide = [
        ("reason", "Insultos personales."),
        ("next", "/departments/BO-N"),
    ];
    let path = format!("/hide/reply/{id}");
    assert_eq!(
        app.post_form(&officer, &path, &hide).await.status(),
        403,
        "admins only"
    );
    assert_eq!(app.post_form(&admin, &path, &hide).await.status(), 303);
    let page = app.html("/departments/BO-N").await;
    assert!(!page.contains(abuse), "gone from the public page");
    assert!(page.contains(
        "Texto retirado del público por la administración. Motivo: Insultos personales."
    ));
    let history = app.json("/api/v1/history?department=BO-N").await;
    let entries = history["entries"].as_array().unwrap();
    assert!(entries
        .iter()
        .any(|e| e["action"] == "text-hidden" && e["reason"] == "Insultos personales."));
    let posted = entries
        .iter()
        .find(|e| e["action"] == "reply-posted")
        .unwrap();
    assert_eq!(posted["reason"], "", "the history no longer quotes it");
    assert_eq!(
        app.post_form(&admin, &path, &hide).await.status(),
        409,
        "hidden once"
    );
}

#[tokio::test]
async fn redirects_never_leave_the_site_and_odd_next_values_do_not_fail() {
    let app = TestApp::spawn().await;
    app.add_user("ana@example.org", "officer", &["BO-N"]).await;
    for next in [
        "/\t/evil.example/x",
        "/\r\n/evil.example",
        "//evil.example",
        "https://evil.example",
    ] {
        let response = app
            .post_form(
                &app.browser(),
                "/signin",
                &[
                    ("email", "nobody@example.org"),
                    ("password", "wrong"),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "{next:?}");
        let location = response.headers()["location"].to_str().unwrap();
        assert!(
            location.contains("next=/&") || location.ends_with("next=/"),
            "{next:?}: {location}"
        );
    }
    // The query value decodes to "/<tab>/evil.example", which a browser reads as //evil.example.
    let response = app.get("/lang/en?next=/%09/evil.example").await;
    assert_eq!(response.headers()["location"], "/");
    let response = app.get("/lang/en?next=/%2509/x").await;
    assert_eq!(
        response.headers()["location"],
        "/%09/x",
        "an encoded tab stays a path"
    );
}

#[tokio::test]
async fn a_new_session_at_every_sign_in_and_disabling_ends_sessions_for_good() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    // Signing in over someone else's session gets a new session id.
    let cookie_of = |response: &reqwest::Response| {
        response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned()
    };
    let token = app.add_user("o@example.org", "officer", &["BO-N"]).await;
    let browser = app.browser();
    let first = app
        .post_form(
            &browser,
            "/account/set-password",
            &[
                ("token", token.as_str()),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    app.signed_in("b@example.org", "officer", &["BO-L"]).await;
    let second = app
        .post_form(
            &browser,
            "/signin",
            &[("email", "b@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(second.headers()["location"], "/dashboard");
    assert_ne!(
        cookie_of(&first),
        cookie_of(&second),
        "the session id changed"
    );

    let officer_id = app.user_id("o@example.org").await;
    let officer = app.browser();
    app.post_form(
        &officer,
        "/signin",
        &[("email", "o@example.org"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(
        officer
            .get(app.url("/dashboard"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let access = format!("/admin/users/{officer_id}/access");
    app.post_form(
        &admin,
        &access,
        &[
            ("action", "disable"),
            ("confirm", "yes"),
            ("reason", "Left"),
        ],
    )
    .await;
    app.post_form(&admin, &access, &[("action", "enable"), ("reason", "Back")])
        .await;
    let dashboard = officer.get(app.url("/dashboard")).send().await.unwrap();
    assert!(
        dashboard.status() == 302 || !dashboard.text().await.unwrap().contains("Test officer"),
        "the old session did not come back"
    );
}

#[tokio::test]
async fn a_disabled_accounts_link_sets_no_password_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let token = app.add_user("gone@example.org", "officer", &["BO-N"]).await;
    let id = app.user_id("gone@example.org").await;
    app.post_form(
        &admin,
        &format!("/admin/users/{id}/access"),
        &[
            ("action", "disable"),
            ("confirm", "yes"),
            ("reason", "Left"),
        ],
    )
    .await;
    let browser = app.browser();
    let response = app
        .post_form(
            &browser,
            "/account/set-password",
            &[
                ("token", token.as_str()),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    let (_, page) = app.next_page(&browser, response).await;
    assert!(page.contains("Este enlace no es válido"));
    let (written,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'password-set' AND subject = $1",
    )
    .bind(format!("user:{id}"))
    .fetch_one(&app.database().await)
    .await
    .unwrap();
    assert_eq!(written, 0);
}

#[tokio::test]
async fn guesses_lock_out_the_guesser_not_the_owner() {
    let app =
        TestApp::spawn_with(|s| s.trusted_proxies = vec!["127.0.0.0/8".parse().unwrap()]).await;
    app.signed_in("ana@example.org", "officer", &["BO-N"]).await;
    // Where each attempt lands, and what that page says, for a browser that keeps cookies.
    let from = |browser: reqwest::Client, address: &'static str, password: &'static str| {
        let app = &app;
        async move {
            let response = browser
                .post(app.url("/signin"))
                .header("origin", format!("http://{}", app.address))
                .header("x-forwarded-for", address)
                .form(&[("email", "ana@example.org"), ("password", password)])
                .send()
                .await
                .unwrap();
            app.next_page(&browser, response).await
        }
    };
    let guesser = app.browser();
    for _ in 0..5 {
        let (_, page) = from(guesser.clone(), "203.0.113.9", "wrong").await;
        assert!(page.contains("no son correctos"));
    }
    let (_, page) = from(guesser.clone(), "203.0.113.9", PASSWORD).await;
    assert!(page.contains("Demasiados intentos"), "the guesser waits");
    let (landing, _) = from(app.browser(), "198.51.100.7", PASSWORD).await;
    assert_eq!(landing, "/dashboard", "the owner, elsewhere, signs in");
}

#[tokio::test]
async fn admin_actions_on_unknown_accounts_or_departments_write_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let count = || async {
        app.json("/api/v1/history?page=1").await["entries"]
            .as_array()
            .unwrap()
            .len()
    };
    let before = count().await;
    let scope = app
        .post_form(&admin, "/admin/users/999/scope", &[("department", "BO-L")])
        .await;
    assert_eq!(scope.status(), 404);
    let access = app
        .post_form(
            &admin,
            "/admin/users/999/access",
            &[("action", "disable"), ("confirm", "yes"), ("reason", "x")],
        )
        .await;
    assert_eq!(access.status(), 404);
    app.add_user("o@example.org", "officer", &["BO-N"]).await;
    let id = app.user_id("o@example.org").await;
    // The account was made by the command line's code, beside the server: the server sees it
    // at its next look at the data version (twice a second).
    let shown = || async {
        let history = app.json("/api/v1/history?page=1").await.to_string();
        history.contains(&format!("\"user:{id}\""))
    };
    for _ in 0..40 {
        if shown().await {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let before_scope = count().await;
    for form in [vec![("department", "BO-Q")], vec![]] {
        let response = app
            .post_form(&admin, &format!("/admin/users/{id}/scope"), &form)
            .await;
        assert_eq!(response.status(), 303);
    }
    assert_eq!(count().await, before_scope, "refused, nothing written");
    assert!(before <= before_scope);
    let page = app.html_as(&admin, "/admin/users").await;
    assert!(
        page.contains("Departamento desconocido.") || page.contains("Este dato es obligatorio.")
    );
}

#[tokio::test]
async fn a_second_review_or_withholding_is_a_conflict() {
    let app = TestApp::spawn().await;
    let store =
        vigia_server::open_store(&app.settings, std::sync::Arc::new(crate::helpers::clock()))
            .await
            .unwrap();
    use vigia::ports::{ComplianceWriter, GapRef, WriteError};
    let department = app
        .signed_in("d@example.org", "department", &["BO-N"])
        .await;
    let officer_id = {
        app.signed_in("o@example.org", "officer", &["BO-N"]).await;
        app.user_id("o@example.org").await
    };
    let _ = department;
    let gap = GapRef {
        department: vigia::DepartmentCode::Pando,
        requirement: vigia::RequirementSlug::parse("action-plan").unwrap(),
        kind: vigia::GapKind::Missing,
    };
    let reply = vigia::drafts::ReplyText {
        body: "Trabajamos en ello.".into(),
        evidence_url: None,
    };
    let by = app.user_id("d@example.org").await;
    let reply_id = store.post_reply(by, gap, reply, Vec::new()).await.unwrap();
    store
        .review_reply(
            officer_id,
            reply_id,
            vigia::ReviewOutcome::Accepted,
            "Visto.".into(),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .review_reply(
                officer_id,
                reply_id,
                vigia::ReviewOutcome::MoreRequested,
                "Otra vez.".into(),
            )
            .await,
        Err(WriteError::Conflict)
    );
    let response = app
        .post_form(
            &app.browser(),
            &format!("/replies/{reply_id}/review"),
            &[("note", "x")],
        )
        .await;
    assert!(response.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/signin"));
}

#[tokio::test]
async fn refused_urls_and_schemes() {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::settings_in(dir.path());
    settings.database_url = "mysql://localhost/vigia".into();
    let refused = vigia_server::prepare_database(&settings, &crate::helpers::clock()).await;
    let message = format!("{:#}", refused.unwrap_err());
    assert!(message.contains("unsupported database URL"), "{message}");
    assert!(
        !dir.path().join("mysql:").exists(),
        "no folder named after the scheme"
    );
}

#[tokio::test]
async fn a_claim_refused_as_stale_leaves_no_file_behind() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let mut form = Form::new().part("document", Part::bytes(PDF.to_vec()).file_name("plan.pdf"));
    for (name, value) in [
        ("expected", "1"),
        ("status", "missing"),
        ("event_date", "2025-05"),
        ("evidence_level", "reported"),
        ("note", "Still none."),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Carta"),
        ("source_url", "https://example.org/c"),
        ("source_published", "2025-05"),
    ] {
        form = form.text(name, value);
    }
    let response = app
        .post_multipart(&officer, "/departments/BO-N/action-plan/claims", form)
        .await;
    assert_eq!(
        response.headers()["location"],
        "/departments/BO-N/action-plan/new"
    );
    let page = app
        .html_as(&officer, "/departments/BO-N/action-plan/new")
        .await;
    assert!(page.contains("Otra persona registró"), "refused as stale");
    let files = std::fs::read_dir(app.settings.data_dir.join("documents"))
        .unwrap()
        .count();
    assert_eq!(files, 0, "the PDF of a refused claim is not kept");
}

#[tokio::test]
async fn metrics_only_for_allowed_addresses() {
    let app =
        TestApp::spawn_with(|s| s.trusted_proxies = vec!["127.0.0.0/8".parse().unwrap()]).await;
    assert_eq!(app.get("/metrics").await.status(), 200, "loopback");
    let outside = app
        .get_with("/metrics", "x-forwarded-for", "203.0.113.9")
        .await;
    assert_eq!(outside.status(), 404);
}

#[tokio::test]
async fn api_errors_do_not_grow_with_the_value_sent() {
    let app = TestApp::spawn().await;
    let long = "x".repeat(4000);
    for (path, status) in [
        (format!("/api/v1/departments/{long}"), 404),
        (format!("/api/v1/gaps?severity={long}"), 400),
        (format!("/api/v1/gaps?lang={long}"), 400),
        (format!("/api/v1/history?department={long}"), 400),
        (format!("/data/{long}.csv"), 404),
        (format!("/map.svg?department={long}"), 400),
    ] {
        let response = app.get(&path).await;
        assert_eq!(response.status(), status, "{}", &path[..30]);
        let body: serde_json::Value = response.json().await.expect("JSON");
        let message = body["message"].as_str().unwrap();
        assert!(message.contains("xxxx\"…"), "{message}");
        assert!(message.len() < 240, "{} bytes", message.len());
    }
}

#[tokio::test]
async fn the_api_answers_odd_requests_with_json() {
    let app = TestApp::spawn().await;
    for path in [
        "/api/v1/history?page=99999999999999999999999",
        "/api/v1/history?page=100001",
        "/api/v1/departments/%FF",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 400, "{path}");
        let body: serde_json::Value = response.json().await.expect("JSON");
        assert_eq!(body["error"], "bad_request", "{path}");
    }
    let post = app
        .client
        .post(app.url("/api/v1/departments"))
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), 405);
    assert!(post.headers()["allow"].to_str().unwrap().contains("GET"));
    let body: serde_json::Value = post.json().await.unwrap();
    assert_eq!(body["error"], "method_not_allowed");
    let put = app.client.put(app.url("/signin")).send().await.unwrap();
    assert_eq!(
        put.status(),
        405,
        "not 403: the method is wrong, not the origin"
    );
    assert!(put
        .text()
        .await
        .unwrap()
        .contains("Acción no disponible aquí"));
}

#[tokio::test]
async fn the_cross_site_check_compares_the_scheme_and_request_ids_are_checked() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/departments/BO-N/suggestions"))
        .header("origin", format!("https://{}", app.address))
        .form(&[("body", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let echoed = app.get_with("/healthz", "x-request-id", "abc-123").await;
    assert_eq!(echoed.headers()["x-request-id"], "abc-123");
    let odd = app
        .get_with("/healthz", "x-request-id", &"x".repeat(200))
        .await;
    assert_ne!(
        odd.headers()["x-request-id"].to_str().unwrap(),
        "x".repeat(200)
    );
}

#[tokio::test]
async fn exports_neutralise_formulas_and_the_import_restores_them() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let header = "department_code,requirement,status,event_date,evidence_level,note,source_author,source_title,source_url,source_date\n";
    let row = "BO-N,action-plan,missing,2025-05,reported,\"=HYPERLINK(\"\"http://evil\"\")\",Someone,Title,https://example.org/x,2025-05\n";
    let form = Form::new().part(
        "table",
        Part::text(format!("{header}{row}")).file_name("t.csv"),
    );
    app.post_multipart(&admin, "/admin/import", form).await;
    app.post_form(&admin, "/admin/import/confirm", &[]).await;
    let csv = app.get("/api/v1/claims.csv").await.text().await.unwrap();
    assert!(csv.contains("'=HYPERLINK"), "neutralised in the export");
    // The export goes back in as it is and the note is the original text.
    let form = Form::new().part("table", Part::text(csv).file_name("claims.csv"));
    app.post_multipart(&admin, "/admin/import", form).await;
    let page = app.html_as(&admin, "/admin/import").await;
    assert!(!page.contains("control"), "{page}");
    let note = app.json("/api/v1/departments/BO-N").await["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["note"].as_str())
        .any(|n| n == "=HYPERLINK(\"http://evil\")");
    assert!(note, "stored as typed");
}
