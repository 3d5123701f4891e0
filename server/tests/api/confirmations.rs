//! Every action confirms what happened on the next page, once, in the reader's language; a
//! refused form comes back to its own page with what was typed, and to no other.

use crate::claims::{latest, plan_in_force};
use crate::helpers::TestApp;
use reqwest::multipart::{Form, Part};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const PANDO_REPLIES: &str = "/departments/BO-N/action-plan/gaps/missing/replies";
const PANDO_REPLY_FORM: &str = "/departments/BO-N/action-plan/gaps/missing/reply";

/// A page as a browser preferring English sees it.
async fn in_english(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let response = client
        .get(app.url(path))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_claim_a_reply_a_review_and_a_withholding_each_confirm_what_happened() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let department = app
        .signed_in("d@example.org", "department", &["BO-N"])
        .await;
    let form = Form::new()
        .text("body", "Aprobado por Resolución 45/2025.")
        .part(
            "document",
            Part::bytes(PDF.to_vec()).file_name("res-45.pdf"),
        );
    let posted = app.post_multipart(&department, PANDO_REPLIES, form).await;
    let (to, page) = app.next_page(&department, posted).await;
    let reply = to.split("#reply-").nth(1).expect("the reply").to_owned();
    assert!(page.contains("Respuesta publicada junto a la brecha."));

    let reviewed = app
        .post_form(
            &officer,
            &format!("/replies/{reply}/review"),
            &[("outcome", "accepted"), ("note", "Seen.")],
        )
        .await;
    assert_eq!(reviewed.status(), 303);
    let page = in_english(&officer, &app, "/departments/BO-N").await;
    assert!(
        page.contains("Review recorded; it is shown beside the reply."),
        "in English too"
    );

    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let page = app.html("/departments/BO-N").await;
    let document = page
        .split("href=\"/documents/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the reply's document")
        .to_owned();
    let withheld = app
        .post_form(
            &admin,
            &format!("/documents/{document}/withhold"),
            &[("reason", "Names a victim."), ("next", "/departments/BO-N")],
        )
        .await;
    let (_, page) = app.next_page(&admin, withheld).await;
    assert!(page.contains("Documento retenido: ya no se puede descargar."));

    // Last: a claim in force closes the gap the department answered.
    let expected = latest(&app, "BO-N", "action-plan").await;
    let saved = app
        .post_form(
            &officer,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&expected),
        )
        .await;
    let (to, page) = app.next_page(&officer, saved).await;
    assert_eq!(to, "/departments/BO-N", "at the top of the page, in view");
    assert!(page.contains("href=\"#claim-"), "with a link to the entry");
    assert!(page.contains("Afirmación registrada en el historial:"));
    assert!(page.contains("role=\"status\""), "announced politely");
    let again = app.html_as(&officer, "/departments/BO-N").await;
    assert!(
        !again.contains("Afirmación registrada en el historial"),
        "once"
    );
}

#[tokio::test]
async fn a_refused_form_comes_back_to_its_own_page_and_to_no_other() {
    let app = TestApp::spawn().await;
    let department = app
        .signed_in("d@example.org", "department", &["BO-N"])
        .await;
    let refused = app
        .post_form(
            &department,
            PANDO_REPLIES,
            &[
                ("body", "Typed but refused."),
                ("evidence_url", "ftp://nope"),
            ],
        )
        .await;
    assert_eq!(refused.headers()["location"], PANDO_REPLY_FORM);
    // Another page first: it shows nothing of the refused form, which keeps waiting.
    let elsewhere = app.html_as(&department, "/departments/BO-N/suggest").await;
    assert!(!elsewhere.contains("Typed but refused."));
    assert!(!elsewhere.contains("Hay datos por corregir"));
    let page = app.html_as(&department, PANDO_REPLY_FORM).await;
    assert!(
        page.contains("Typed but refused."),
        "what was typed is back"
    );
    assert!(page.contains("Hay 1 problema"), "a summary of the problems");
    assert!(page.contains("Debe ser un enlace que empiece con https://"));
    assert!(page.contains("aria-invalid=\"true\""));
    let reload = app.html_as(&department, PANDO_REPLY_FORM).await;
    assert!(!reload.contains("Typed but refused."), "shown once");

    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    let mut claim = plan_in_force(&expected);
    claim.retain(|(name, _)| *name != "source_author");
    claim.push(("source_outlet", "Kept outlet"));
    let refused = app
        .post_form(&officer, "/departments/BO-N/action-plan/claims", &claim)
        .await;
    assert_eq!(
        refused.headers()["location"],
        "/departments/BO-N/action-plan/new"
    );
    let shelter = app.html_as(&officer, "/departments/BO-N/shelter/new").await;
    assert!(
        !shelter.contains("Kept outlet"),
        "not on another record's form"
    );
    let page = app
        .html_as(&officer, "/departments/BO-N/action-plan/new")
        .await;
    assert!(page.contains("value=\"Kept outlet\""));
    assert!(page.contains("id=\"source_author-error\""));
}
