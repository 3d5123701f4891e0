//! Every mutating action against every kind of person: the server allows or refuses each,
//! whatever the pages show. "Allowed" means the request got past the role and scope checks
//! (it may still be sent back for its content); "refused" is a 403 or a trip to sign in.

use crate::helpers::TestApp;
use reqwest::multipart::{Form, Part};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

/// What is done, where, with which form, and whether each person (in `people`'s order) may.
type Action<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], [bool; 7]);

async fn allowed(response: reqwest::Response) -> bool {
    let to_sign_in = response
        .headers()
        .get("location")
        .is_some_and(|l| l.to_str().unwrap().starts_with("/signin"));
    // Out of scope, a pending id answers as one that does not exist (404).
    !matches!(response.status().as_u16(), 403 | 404) && !to_sign_in
}

#[tokio::test]
async fn each_role_against_each_mutating_action() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let officer_in = app.signed_in("oin@example.org", "officer", &["BO-N"]).await;
    let department_in = app
        .signed_in("din@example.org", "department", &["BO-N"])
        .await;

    // Something to act on: a document, a reply and a suggestion, all about Pando.
    let pando = app.json("/api/v1/departments/BO-N").await;
    let latest = pando["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["requirement"] == "action-plan")
        .filter_map(|e| e["id"].as_i64())
        .max()
        .unwrap();
    let mut form = Form::new().part("document", Part::bytes(PDF.to_vec()).file_name("carta.pdf"));
    for (name, value) in [
        ("expected", latest.to_string()),
        ("status", "missing".into()),
        ("evidence_level", "reported".into()),
        (
            "note",
            "Still no plan; the Gobernación's letter is attached.".into(),
        ),
        ("source_author", "Gobernación de Pando".into()),
        ("source_title", "Carta".into()),
        ("source_url", "https://example.org/carta".into()),
        ("event_date", "2025-05".into()),
        ("source_published", "2025-05".into()),
    ] {
        form = form.text(name, value);
    }
    let recorded = app
        .post_multipart(&officer_in, "/departments/BO-N/action-plan/claims", form)
        .await;
    assert_eq!(recorded.status(), 303);
    let pando = app.json("/api/v1/departments/BO-N").await;
    let document_url = pando["history"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|e| e["documents"][0]["url"].as_str())
        .expect("a document")
        .to_owned();
    let reply = [("body", "Estamos elaborando el plan.")];
    app.post_form(
        &department_in,
        "/departments/BO-N/action-plan/gaps/missing/replies",
        &reply,
    )
    .await;
    let history = app.json("/api/v1/history?department=BO-N").await;
    let reply_id = history["entries"][0]["subject"]
        .as_str()
        .unwrap()
        .trim_start_matches("reply:")
        .to_owned();
    app.post_form(
        &app.browser(),
        "/departments/BO-N/suggestions",
        &[("body", "Check the plan.")],
    )
    .await;
    let queue = app.html_as(&officer_in, "/moderation").await;
    let suggestion_id = crate::helpers::first_suggestion_id(&queue);

    let disabled = app
        .signed_in("gone@example.org", "officer", &["BO-N"])
        .await;
    let gone = app.user_id("gone@example.org").await;
    let disable = [
        ("action", "disable"),
        ("confirm", "yes"),
        ("reason", "Left"),
    ];
    app.post_form(&admin, &format!("/admin/users/{gone}/access"), &disable)
        .await;

    let people = [
        ("admin", admin),
        ("officer in scope", officer_in),
        (
            "officer out of scope",
            app.signed_in("oout@example.org", "officer", &["BO-L"])
                .await,
        ),
        ("Pando's representative", department_in),
        (
            "La Paz's representative",
            app.signed_in("dout@example.org", "department", &["BO-L"])
                .await,
        ),
        ("disabled officer", disabled),
        ("anonymous", app.browser()),
    ];
    // Payloads that pass the checks of role and scope but not of content, so nothing changes.
    let review = format!("/replies/{reply_id}/review");
    let decide = format!("/moderation/{suggestion_id}");
    let withhold = format!("{document_url}/withhold");
    let actions: [Action; 7] = [
        (
            "record a claim",
            "/departments/BO-N/action-plan/claims",
            &[("status", "in-force")],
            [true, true, false, false, false, false, false],
        ),
        (
            "reply to a gap",
            "/departments/BO-N/action-plan/gaps/missing/replies",
            &[("body", "")],
            // The department's own word: its representatives only.
            [false, false, false, true, false, false, false],
        ),
        (
            "review a reply",
            &review,
            &[("note", "")],
            [true, true, false, false, false, false, false],
        ),
        (
            "decide on a suggestion",
            &decide,
            &[("decision", "maybe")],
            [true, true, false, false, false, false, false],
        ),
        (
            "withhold a document",
            &withhold,
            &[("reason", "")],
            [true, false, false, false, false, false, false],
        ),
        (
            "invite someone",
            "/admin/users",
            &[("role", "nobody")],
            [true, false, false, false, false, false, false],
        ),
        (
            "import claims",
            "/admin/import",
            &[("table", "")],
            // Officers import too (rows out of their scope are refused in the preview).
            [true, true, true, false, false, false, false],
        ),
    ];
    let mut wrong = Vec::new();
    for (action, path, form, expected) in actions {
        for ((who, client), expected) in people.iter().zip(expected) {
            let got = allowed(app.post_form(client, path, form).await).await;
            if got != expected {
                wrong.push(format!(
                    "{who} may {action}: expected {expected}, got {got}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
