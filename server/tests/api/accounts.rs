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
    assert!(home.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("'nonce-"));
    let html = home.text().await.unwrap();
    assert!(
        html.contains("<strong>Test officer</strong>"),
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
    assert!(short.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("error=too-short"));
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
    assert!(mismatch.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("error=mismatch"));
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
    assert_eq!(ok.headers()["location"], "/");
    let again = app
        .post_form(
            &app.browser(),
            "/account/set-password",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert!(again.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("error=invalid-link"));
}

#[tokio::test]
async fn sign_in_fails_the_same_way_for_wrong_passwords_and_unknown_accounts() {
    let app = TestApp::spawn().await;
    signed_in_officer(&app).await;
    let browser = app.browser();
    let wrong = app
        .post_form(
            &browser,
            "/signin",
            &[
                ("email", "officer@example.org"),
                ("password", "not the password"),
            ],
        )
        .await;
    let unknown = app
        .post_form(
            &browser,
            "/signin",
            &[
                ("email", "nobody@example.org"),
                ("password", "not the password"),
            ],
        )
        .await;
    let location = |r: &reqwest::Response| r.headers()["location"].to_str().unwrap().to_owned();
    assert!(location(&wrong).starts_with("/signin?error=invalid"));
    assert!(location(&unknown).starts_with("/signin?error=invalid"));

    let page = browser
        .get(app.url(&location(&wrong)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("El correo o la contraseña no son correctos."));
    assert!(
        page.contains("value=\"officer@example.org\""),
        "the email typed is kept"
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
        location(&right),
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
    assert!(
        blocked.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/signin?error=too-many"),
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
    let attempt = app
        .post_form(
            &app.browser(),
            "/signin",
            &[("email", "officer@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert!(attempt.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/signin?error=invalid"));
}
