//! A signed-in person changes their password: the current one checked under the sign-in
//! lock-out rules, the new one typed twice, the other sessions ended and this one kept.

use crate::helpers::{TestApp, PASSWORD};

const NEW_PASSWORD: &str = "una frase nueva y larga";
const EMAIL: &str = "ana@example.org";

async fn change(
    app: &TestApp,
    client: &reqwest::Client,
    current: &str,
    new: &str,
    confirm: &str,
) -> (String, String) {
    let form = [
        ("current", current),
        ("password", new),
        ("confirm", confirm),
    ];
    let answer = app.post_form(client, "/account/password", &form).await;
    app.next_page(client, answer).await
}

async fn status_as(app: &TestApp, client: &reqwest::Client, path: &str) -> u16 {
    let answer = client.get(app.url(path)).send().await.unwrap();
    answer.status().as_u16()
}

async fn signs_in_with(app: &TestApp, password: &str) -> bool {
    let form = [("email", EMAIL), ("password", password)];
    let answer = app.post_form(&app.browser(), "/signin", &form).await;
    answer.headers()["location"] == "/dashboard"
}

#[tokio::test]
async fn a_signed_in_officer_changes_the_password_and_only_this_session_goes_on() {
    let app = TestApp::spawn().await;
    let here = app.signed_in(EMAIL, "officer", &["BO-N"]).await;
    let elsewhere = app.browser();
    assert!(signs_in_with(&app, PASSWORD).await);
    let form = [("email", EMAIL), ("password", PASSWORD)];
    app.post_form(&elsewhere, "/signin", &form).await;
    assert_eq!(status_as(&app, &elsewhere, "/dashboard").await, 200);

    let page = app.html_as(&here, "/account/password").await;
    assert!(page.contains("Contraseña actual"), "{page}");
    assert!(page.contains(r#"autocomplete="current-password""#));

    let (landed, page) = change(&app, &here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(landed, "/dashboard");
    assert!(page.contains("Contraseña cambiada"), "{page}");
    assert_eq!(
        status_as(&app, &here, "/dashboard").await,
        200,
        "this one goes on"
    );
    assert_ne!(
        status_as(&app, &elsewhere, "/dashboard").await,
        200,
        "the other session ended"
    );
    assert!(
        !signs_in_with(&app, PASSWORD).await,
        "the old one no longer works"
    );
    assert!(signs_in_with(&app, NEW_PASSWORD).await);
}

#[tokio::test]
async fn a_change_is_refused_with_the_field_at_fault_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in(EMAIL, "officer", &["BO-N"]).await;

    let (back, page) = change(&app, &officer, "no es la mía", NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(back, "/account/password");
    assert!(
        page.contains("No es la contraseña de esta cuenta"),
        "{page}"
    );
    assert!(!page.contains(NEW_PASSWORD), "passwords never come back");

    let (_, page) = change(&app, &officer, PASSWORD, NEW_PASSWORD, "otra cosa distinta").await;
    assert!(page.contains("Las dos contraseñas no coinciden"), "{page}");
    let (_, page) = change(&app, &officer, PASSWORD, "corta", "corta").await;
    assert!(page.contains("al menos 12 caracteres"), "{page}");

    assert!(signs_in_with(&app, PASSWORD).await, "nothing changed");
}

#[tokio::test]
async fn guessing_the_current_password_meets_the_sign_in_lock_out() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in(EMAIL, "officer", &["BO-N"]).await;
    for guess in 0..5 {
        let wrong = format!("adivinanza número {guess}");
        change(&app, &officer, &wrong, NEW_PASSWORD, NEW_PASSWORD).await;
    }
    let (back, page) = change(&app, &officer, PASSWORD, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(back, "/account/password");
    assert!(page.contains("Demasiados intentos"), "{page}");
    assert!(!signs_in_with(&app, NEW_PASSWORD).await, "nothing changed");
}

#[tokio::test]
async fn without_an_account_the_change_asks_to_sign_in_and_costs_nothing() {
    let app = TestApp::spawn().await;
    let visitor = app.browser();
    assert_eq!(status_as(&app, &visitor, "/account/password").await, 401);
    let form = [
        ("current", "x"),
        ("password", NEW_PASSWORD),
        ("confirm", NEW_PASSWORD),
    ];
    let answer = app.post_form(&visitor, "/account/password", &form).await;
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/signin"), "{location}");
}
