//! Suggestions, honestly: accepted only once the claim they ask for is saved, rejected with
//! a reason published beside the text (unless kept private), and followed by their submitter
//! through a signed link.

use crate::claims::{latest, plan_in_force};
use crate::helpers::{first_suggestion_id, TestApp};

/// Sends a suggestion about Pando as a visitor; the follow link's path and the suggestion id.
async fn suggest(app: &TestApp, form: &[(&str, &str)]) -> String {
    let visitor = app.browser();
    let response = app
        .post_form(&visitor, "/departments/BO-N/suggestions", form)
        .await;
    let (location, page) = app.next_page(&visitor, response).await;
    assert_eq!(location, "/departments/BO-N/suggest");
    assert!(page.contains("Gracias. Su sugerencia está en la cola de revisión"));
    let link = page
        .split("id=\"follow-link\">")
        .nth(1)
        .expect("the follow link is given")
        .split('<')
        .next()
        .unwrap();
    link.strip_prefix("http://vigia.test")
        .expect("an absolute link on the public address")
        .to_owned()
}

/// The follow page as anyone holding the link sees it.
async fn follow(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    response.text().await.unwrap()
}

fn history_actions(history: &serde_json::Value) -> Vec<String> {
    history["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_suggestion_is_accepted_only_once_its_claim_exists_and_its_link_follows_it() {
    let app = TestApp::spawn().await;
    let link = suggest(
        &app,
        &[
            ("requirement", "action-plan"),
            ("body", "Pando approved its plan in May 2025."),
            ("organisation", "Fundación Ejemplo"),
        ],
    )
    .await;
    assert!(follow(&app, &link).await.contains("Espera la revisión"));

    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let id = first_suggestion_id(&app.html_as(&officer, "/moderation").await);
    let opened = app
        .post_form(
            &officer,
            &format!("/moderation/{id}"),
            &[("decision", "accept")],
        )
        .await;
    let (form_path, form) = app.next_page(&officer, opened).await;
    assert_eq!(
        form_path,
        format!("/departments/BO-N/action-plan/new?suggestion={id}")
    );
    assert!(form.contains(&format!("responde a la sugerencia n.º {id}")));
    assert!(
        form.contains("value=\"Fundación Ejemplo\""),
        "the organisation is the author"
    );
    assert!(form.contains("Pando approved its plan in May 2025."));

    // Opened is not accepted: still queued, now in the officer's hands.
    let queue = app.html_as(&officer, "/moderation").await;
    assert!(queue.contains("En manos de Test officer"));
    let before = history_actions(&app.json("/api/v1/history").await);
    assert!(!before.contains(&"suggestion-accepted".to_owned()));
    assert!(follow(&app, &link)
        .await
        .contains("está registrando la afirmación"));

    let expected = latest(&app, "BO-N", "action-plan").await;
    let id_text = id.to_string();
    let mut claim = plan_in_force(&expected);
    claim.push(("suggestion", &id_text));
    let saved = app
        .post_form(&officer, "/departments/BO-N/action-plan/claims", &claim)
        .await;
    let (to, page) = app.next_page(&officer, saved).await;
    assert_eq!(to, "/departments/BO-N");
    let claim_id = page
        .split("href=\"#claim-")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the confirmation links to the new claim")
        .to_owned();
    assert!(page.contains(&format!("La sugerencia n.º {id} quedó aceptada.")));

    let history = app.json("/api/v1/history").await;
    assert_eq!(
        history_actions(&history)[..2],
        ["suggestion-accepted", "claim-recorded"]
    );
    assert_eq!(
        history["entries"][0]["suggestion"], "Pando approved its plan in May 2025.",
        "the text is published beside the decision"
    );
    assert!(!app
        .html_as(&officer, "/moderation")
        .await
        .contains("Pando approved"));
    let followed = follow(&app, &link).await;
    assert!(followed.contains("Aceptada"));
    assert!(followed.contains(&format!("href=\"/departments/BO-N#claim-{claim_id}\"")));
}

#[tokio::test]
async fn a_rejection_is_published_beside_the_text_unless_it_was_kept_private() {
    let app = TestApp::spawn().await;
    let public = suggest(&app, &[("body", "The shelter closed in 2024.")]).await;
    let private = suggest(
        &app,
        &[
            ("body", "My cousin works there and says so."),
            ("private", "yes"),
        ],
    )
    .await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    for reason in ["No source says so.", "Hearsay; no source."] {
        let id = first_suggestion_id(&app.html_as(&officer, "/moderation").await);
        let rejected = app
            .post_form(
                &officer,
                &format!("/moderation/{id}"),
                &[("decision", "reject"), ("reason", reason)],
            )
            .await;
        let (to, page) = app.next_page(&officer, rejected).await;
        assert_eq!(to, "/moderation");
        assert!(page.contains(&format!("Sugerencia n.º {id} rechazada.")));
    }
    let history = app.json("/api/v1/history").await;
    let entries = history["entries"].as_array().unwrap();
    assert_eq!(entries[1]["reason"], "No source says so.");
    assert_eq!(entries[1]["suggestion"], "The shelter closed in 2024.");
    assert_eq!(entries[0]["reason"], "Hearsay; no source.");
    assert!(entries[0].get("suggestion").is_none(), "kept private");
    let department = app.html("/departments/BO-N").await;
    assert!(department.contains("The shelter closed in 2024."));
    assert!(!department.contains("My cousin works there"));

    let followed = follow(&app, &public).await;
    assert!(followed.contains("Rechazada") && followed.contains("Motivo: No source says so."));
    let followed = follow(&app, &private).await;
    assert!(followed.contains("Motivo: Hearsay; no source."));
    assert!(followed.contains("Pidió no publicar este texto"));

    // An admin hides abusive text: it leaves the history and the follow page, the reason stays.
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let subject = entries[1]["subject"].as_str().unwrap().to_owned();
    let suggestion_id = subject.trim_start_matches("suggestion:");
    let entry = entries[1]["entry_id"].as_i64().unwrap();
    let hidden = app
        .post_form(
            &admin,
            &format!("/hide/suggestion/{suggestion_id}"),
            &[
                ("reason", "Insults a person"),
                ("next", &format!("/history/{entry}")),
            ],
        )
        .await;
    let (_, page) = app.next_page(&admin, hidden).await;
    assert!(page.contains("Texto retirado del público."));
    let history = app.json("/api/v1/history").await;
    let decision = history["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["subject"] == subject.as_str() && e["action"] == "suggestion-rejected")
        .unwrap();
    assert!(decision.get("suggestion").is_none());
    assert_eq!(
        decision["reason"], "No source says so.",
        "the decision's reason stays"
    );
    let followed = follow(&app, &public).await;
    assert!(!followed.contains("The shelter closed in 2024."));
    assert!(followed.contains("Insults a person"));
}

#[tokio::test]
async fn only_links_the_server_signed_show_a_suggestion() {
    let app = TestApp::spawn().await;
    let link = suggest(&app, &[("body", "Something is wrong.")]).await;
    // `id.expiry.signature`
    let (id, signed) = link
        .trim_start_matches("/suggestions/")
        .split_once('.')
        .unwrap();
    let (expiry, tag) = signed.split_once('.').unwrap();
    let flipped = if tag.starts_with('A') { "B" } else { "A" };
    for forged in [
        format!("/suggestions/{}.{signed}", id.parse::<i64>().unwrap() + 1),
        format!("/suggestions/{id}.{expiry}.{flipped}{}", &tag[1..]),
        format!("/suggestions/{id}"),
        "/suggestions/x".to_owned(),
    ] {
        let response = app.get(&forged).await;
        assert_eq!(response.status(), 404, "{forged}");
        assert!(!response
            .text()
            .await
            .unwrap()
            .contains("Something is wrong."));
    }
}

#[tokio::test]
async fn a_suggestion_decided_meanwhile_does_not_block_the_claim_nor_get_accepted() {
    let app = TestApp::spawn().await;
    suggest(
        &app,
        &[("requirement", "action-plan"), ("body", "Approved.")],
    )
    .await;
    let first = app.signed_in("o1@example.org", "officer", &["BO-N"]).await;
    let second = app.signed_in("o2@example.org", "officer", &["BO-N"]).await;
    let id = first_suggestion_id(&app.html_as(&first, "/moderation").await);
    let decide = format!("/moderation/{id}");
    app.post_form(&first, &decide, &[("decision", "accept")])
        .await;
    app.post_form(
        &second,
        &decide,
        &[("decision", "reject"), ("reason", "Duplicate.")],
    )
    .await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    let id_text = id.to_string();
    let mut claim = plan_in_force(&expected);
    claim.push(("suggestion", &id_text));
    let before = app.claim_count().await;
    let late = app
        .post_form(&first, "/departments/BO-N/action-plan/claims", &claim)
        .await;
    let (to, page) = app.next_page(&first, late).await;
    assert_eq!(to, "/departments/BO-N/action-plan/new");
    assert!(page.contains("ya no está pendiente") || page.contains("Otra persona decidió"));
    assert!(
        page.contains("The council approved the plan"),
        "what was typed is kept"
    );
    assert!(
        !page.contains("name=\"suggestion\""),
        "the form no longer answers it"
    );
    assert_eq!(app.claim_count().await, before, "nothing written");
}

#[tokio::test]
async fn a_suggestion_naming_no_instrument_needs_one_before_its_claim_form_opens() {
    let app = TestApp::spawn().await;
    suggest(&app, &[("body", "The shelter opened.")]).await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let queue = app.html_as(&officer, "/moderation").await;
    let id = first_suggestion_id(&queue);
    assert!(
        queue.contains(&format!("id=\"requirement-{id}\"")),
        "a choice is offered"
    );
    let decide = format!("/moderation/{id}");
    let unchosen = app
        .post_form(&officer, &decide, &[("decision", "accept")])
        .await;
    let (to, page) = app.next_page(&officer, unchosen).await;
    assert_eq!(to, format!("/moderation#suggestion-{id}"));
    assert!(page.contains("Este dato es obligatorio."));
    let chosen = app
        .post_form(
            &officer,
            &decide,
            &[("decision", "accept"), ("requirement", "shelter")],
        )
        .await;
    assert_eq!(
        chosen.headers()["location"],
        format!("/departments/BO-N/shelter/new?suggestion={id}").as_str()
    );
}

#[tokio::test]
async fn refusals_by_the_limit_create_no_session_for_a_client_without_cookies() {
    let app = TestApp::spawn().await;
    let sessions = || async {
        let count = format!("SELECT COUNT(*) FROM {}", crate::engines::sessions_table());
        let (n,): (i64,) = sqlx::query_as(&count)
            .fetch_one(&app.database().await)
            .await
            .unwrap();
        n
    };
    let form = [("body", "Something is wrong.")];
    for _ in 0..5 {
        app.post_form(&app.client, "/departments/BO-N/suggestions", &form)
            .await;
    }
    let within = sessions().await;
    for _ in 0..20 {
        let refused = app
            .post_form(&app.client, "/departments/BO-N/suggestions", &form)
            .await;
        assert_eq!(refused.status(), 303);
    }
    assert_eq!(
        sessions().await,
        within,
        "refused by the limit, nothing kept"
    );
}
