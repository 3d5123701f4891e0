//! Accounts over HTTP with real sessions: one-time links, sign-in, sign-out, the generic
//! failure message, rate limiting and the cross-site guard.

use crate::helpers::{TestApp, PASSWORD};

async fn signed_in_officer(app: &TestApp) -> reqwest::Client {
    app.signed_in("officer@example.org", "officer", &["BO-N"])
        .await
}

#[tokio::test]
async fn a_link_sets_the_password_and_signs_the_person_in() {
    let app = TestApp::spawn().await;
    let browser = signed_in_officer(&app).await;
    let home = browser.get(app.url("/")).send().await.unwrap();
    assert_eq!(home.headers()["cache-control"], "private, no-store");
    assert!(!home.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("unsafe-inline"));
    let html = home.text().await.unwrap();
    assert!(
        html.contains(">Test officer</strong>"),
        "the header names the officer"
    );
    assert!(!html.contains("officer@example.org"), "never the email");

    let out = app.post_form(&browser, "/signout", &[]).await;
    assert_eq!(out.status(), 303);
    let html = browser
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains("Test officer"), "signed out on the server");
}

#[tokio::test]
async fn a_link_works_once_and_passwords_are_checked() {
    let app = TestApp::spawn().await;
    let token = app.add_user("admin@example.org", "admin", &[]).await;
    let browser = app.browser();
    let short = app
        .post_form(
            &browser,
            "/account/set-password",
            &[
                ("token", &token),
                ("password", "short"),
                ("confirm", "short"),
            ],
        )
        .await;
    let (location, page) = app.next_page(&browser, short).await;
    assert!(
        location.starts_with("/account/set-password?token="),
        "{location}"
    );
    assert!(page.contains("La contraseña debe tener al menos 12 caracteres."));
    let mismatch = app
        .post_form(
            &browser,
            "/account/set-password",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("confirm", "another long passphrase"),
            ],
        )
        .await;
    let (_, page) = app.next_page(&browser, mismatch).await;
    assert!(page.contains("Las dos contraseñas no coinciden."));
    let ok = app
        .post_form(
            &browser,
            "/account/set-password",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    let (location, page) = app.next_page(&browser, ok).await;
    assert_eq!(location, "/dashboard", "signed in, on the dashboard");
    assert!(page.contains("Contraseña guardada. Ya ingresó a Vigía."));
    let stranger = app.browser();
    let again = app
        .post_form(
            &stranger,
            "/account/set-password",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    let (_, page) = app.next_page(&stranger, again).await;
    assert!(page.contains("Este enlace no es válido, ya se usó o venció."));
}

#[tokio::test]
async fn sign_in_fails_the_same_way_for_wrong_passwords_and_unknown_accounts() {
    let app = TestApp::spawn().await;
    signed_in_officer(&app).await;
    let browser = app.browser();
    let attempt = |email: &'static str| {
        let (app, browser) = (&app, &browser);
        async move {
            let form = [("email", email), ("password", "not the password")];
            let response = app.post_form(browser, "/signin", &form).await;
            app.next_page(browser, response).await
        }
    };
    let (to_wrong, page) = attempt("officer@example.org").await;
    let (to_unknown, unknown_page) = attempt("nobody@example.org").await;
    assert_eq!(to_wrong, to_unknown, "the same answer either way");
    assert!(to_wrong.starts_with("/signin?next="), "{to_wrong}");
    for page in [&page, &unknown_page] {
        assert!(page.contains("El correo o la contraseña no son correctos."));
    }
    assert!(
        page.contains("value=\"officer@example.org\""),
        "the email typed is kept"
    );
    let again = app.html_as(&browser, &to_wrong).await;
    assert!(
        !again.contains("no son correctos"),
        "the message is shown once"
    );

    let right = app
        .post_form(
            &browser,
            "/signin",
            &[
                ("email", "Officer@Example.org"),
                ("password", PASSWORD),
                ("next", "/gaps"),
            ],
        )
        .await;
    assert_eq!(
        right.headers()["location"],
        "/gaps",
        "back where they were going; email case ignored"
    );
}

#[tokio::test]
async fn repeated_failures_are_rate_limited_per_account() {
    let app = TestApp::spawn().await;
    signed_in_officer(&app).await;
    let browser = app.browser();
    for _ in 0..5 {
        app.post_form(
            &browser,
            "/signin",
            &[
                ("email", "officer@example.org"),
                ("password", "guess guess guess"),
            ],
        )
        .await;
    }
    let blocked = app
        .post_form(
            &browser,
            "/signin",
            &[("email", "officer@example.org"), ("password", PASSWORD)],
        )
        .await;
    let (_, page) = app.next_page(&browser, blocked).await;
    assert!(
        page.contains("Demasiados intentos."),
        "even the right password waits"
    );
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = TestApp::spawn().await;
    signed_in_officer(&app).await;
    let forged = app
        .client
        .post(app.url("/signin"))
        .header("origin", "https://evil.example")
        .form(&[("email", "officer@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    let no_origin = app.client.post(app.url("/signout")).send().await.unwrap();
    assert_eq!(no_origin.status(), 403);
}

#[tokio::test]
async fn disabled_accounts_cannot_sign_in() {
    let app = TestApp::spawn().await;
    signed_in_officer(&app).await;
    let pool = app.database().await;
    sqlx::query("UPDATE users SET disabled = TRUE")
        .execute(&pool)
        .await
        .unwrap();
    let browser = app.browser();
    let attempt = app
        .post_form(
            &browser,
            "/signin",
            &[("email", "officer@example.org"), ("password", PASSWORD)],
        )
        .await;
    let (_, page) = app.next_page(&browser, attempt).await;
    assert!(page.contains("El correo o la contraseña no son correctos."));
}

#[tokio::test]
async fn signing_in_lands_on_the_dashboard_and_the_dashboard_asks_to_sign_in() {
    let app = TestApp::spawn().await;
    signed_in_officer(&app).await;
    let signed_out = app.get("/dashboard").await;
    assert_eq!(signed_out.status(), 302);
    assert_eq!(
        signed_out.headers()["location"],
        "/signin?next=%2Fdashboard"
    );
    let browser = app.browser();
    let form = [
        ("email", "officer@example.org"),
        ("password", PASSWORD),
        ("next", ""),
    ];
    let response = app.post_form(&browser, "/signin", &form).await;
    let (location, page) = app.next_page(&browser, response).await;
    assert_eq!(location, "/dashboard");
    assert!(page.contains("Sesión iniciada. Hola, Test officer."));
    let again = app.html_as(&browser, "/dashboard").await;
    assert!(!again.contains("Sesión iniciada"), "shown once");
}
