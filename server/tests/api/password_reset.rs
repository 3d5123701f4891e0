//! "¿Olvidó su contraseña?": the same answer whether or not an address has an account, a
//! one-time link by email that works for an hour, limits per address and per account, and a
//! reset that ends the account's other sessions.

use crate::helpers::{TestApp, PASSWORD};
use crate::receivers::SmtpSink;

const NEW_PASSWORD: &str = "otra frase larga y segura";

async fn status_as(app: &TestApp, client: &reqwest::Client, path: &str) -> u16 {
    client
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Where choosing the new password through the link sends the browser.
async fn set_new_password(app: &TestApp, client: &reqwest::Client, token: &str) -> String {
    let form = [
        ("token", token),
        ("password", NEW_PASSWORD),
        ("confirm", NEW_PASSWORD),
    ];
    let answer = app.post_form(client, "/account/set-password", &form).await;
    answer.headers()["location"].to_str().unwrap().to_owned()
}

async fn ask(app: &TestApp, client: &reqwest::Client, email: &str) -> String {
    let answer = app
        .post_form(client, "/account/forgot", &[("email", email)])
        .await;
    app.next_page(client, answer).await.1
}

/// The notice the page shows after the form.
fn notice(page: &str) -> String {
    page.split("form-notice")
        .nth(1)
        .and_then(|rest| rest.split('>').nth(1))
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_else(|| panic!("no notice in {page}"))
        .to_owned()
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_an_emailed_link_that_ends_other_sessions() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(move |s| s.smtp_url = Some(url)).await;
    let elsewhere = app.signed_in("ana@example.org", "officer", &["BO-N"]).await;
    assert_eq!(status_as(&app, &elsewhere, "/dashboard").await, 200);

    let visitor = app.browser();
    let known = ask(&app, &visitor, "Ana@Example.org").await;
    let unknown = ask(&app, &app.browser(), "nadie@example.org").await;
    assert_eq!(notice(&known), notice(&unknown), "the same answer for both");
    assert!(notice(&known).contains("Si esa dirección tiene una cuenta"));

    let mail = sink.wait_for("ana@example.org", 1).await.remove(0);
    assert!(sink.to("nadie@example.org").is_empty());
    let link = mail
        .link("http://vigia.test/account/set-password?token=")
        .expect("a one-time link");
    let token = link.split("token=").nth(1).unwrap();
    let set = set_new_password(&app, &visitor, token).await;
    assert_eq!(set, "/dashboard", "signed in anew");
    assert_ne!(
        status_as(&app, &elsewhere, "/dashboard").await,
        200,
        "the other session ended"
    );
    let old = app
        .post_form(
            &app.browser(),
            "/signin",
            &[("email", "ana@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_ne!(
        old.headers()["location"],
        "/dashboard",
        "the old password no longer works"
    );
    let again = set_new_password(&app, &visitor, token).await;
    assert_ne!(again, "/dashboard", "the link works once");
}

#[tokio::test]
async fn resets_are_limited_per_account_and_per_address() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(move |s| s.smtp_url = Some(url)).await;
    app.add_user("ana@example.org", "officer", &["BO-N"]).await;
    // The invitation's link works, so two more reset links at most.
    let visitor = app.browser();
    for _ in 0..5 {
        ask(&app, &visitor, "ana@example.org").await;
    }
    sink.wait_for("ana@example.org", 2).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        sink.to("ana@example.org").len(),
        2,
        "three working links at most"
    );
    let page = ask(&app, &visitor, "otra@example.org").await;
    assert!(
        page.contains("Demasiados intentos") || page.contains("demasiad"),
        "{page}"
    );
}
