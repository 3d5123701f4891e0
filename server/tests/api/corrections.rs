//! Correcting a claim without losing anything, and forms that never throw work away: a
//! refused form keeps its file and every text typed, says how many problems it has, and a
//! saved one says so where the reader is.

use reqwest::multipart::{Form, Part};
use serde_json::Value;

use crate::helpers::TestApp;

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

const PLAN: &str = "/departments/BO-N/action-plan";

/// Pando's plan in force and verified by a PDF, with every field a claim has.
fn verified_plan(expected: &str) -> Vec<(&'static str, String)> {
    [
        ("expected", expected),
        ("status", "in-force"),
        ("basis", "stated"),
        ("event_date", "2025-04-02"),
        ("status_since", "2025-04-02"),
        ("valid_from", "2025"),
        ("valid_until", "2029"),
        ("approving_instrument", "Resolución 45/2025"),
        ("evidence_level", "verified"),
        ("evidence_links", "Nota | https://example.org/nota"),
        ("quality_timetable", "yes"),
        (
            "note",
            "El consejo aprobó el plan; se adjunta la resolución.",
        ),
        ("source_author", "Gobernación de Pando"),
        ("source_outlet", "Diario Pando"),
        ("source_title", "Resolución 45/2025"),
        ("source_url", "https://example.org/res-45"),
        ("source_published", "2025-05-02"),
        ("source_locator", "artículo 2"),
        ("source_quote", "Se aprueba el Plan Departamental"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

fn multipart(fields: &[(&'static str, String)], pdf: Option<&[u8]>) -> Form {
    let mut form = Form::new();
    for (name, value) in fields {
        form = form.text(*name, value.clone());
    }
    if let Some(bytes) = pdf {
        form = form.part(
            "document",
            Part::bytes(bytes.to_vec()).file_name("informe.pdf"),
        );
    }
    form
}

async fn pando(app: &TestApp) -> Value {
    app.json("/api/v1/departments/BO-N").await
}

fn claims(pando: &Value) -> Vec<Value> {
    pando["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["requirement"] == "action-plan")
        .cloned()
        .collect()
}

fn claim(pando: &Value, id: i64) -> Value {
    claims(pando)
        .into_iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("claim {id} in {pando}"))
}

async fn latest(app: &TestApp) -> i64 {
    claims(&pando(app).await)
        .iter()
        .filter_map(|c| c["id"].as_i64())
        .max()
        .unwrap()
}

/// Records the verified plan with its PDF; its claim id.
async fn recorded(app: &TestApp, officer: &reqwest::Client) -> i64 {
    let expected = latest(app).await.to_string();
    let saved = app
        .post_multipart(
            officer,
            &format!("{PLAN}/claims"),
            multipart(&verified_plan(&expected), Some(PDF)),
        )
        .await;
    assert_eq!(saved.status(), 303);
    latest(app).await
}

#[tokio::test]
async fn correcting_one_date_of_a_verified_claim_keeps_everything_else_its_pdf_included() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let first = recorded(&app, &officer).await;
    let before = claim(&pando(&app).await, first);
    let document: i64 = before["documents"][0]["url"]
        .as_str()
        .and_then(|url| url.strip_prefix("/documents/"))
        .and_then(|id| id.parse().ok())
        .expect("the PDF's permalink");

    // The form opens with every field of the claim, its evidence and its document.
    let page = app
        .html_as(&officer, &format!("{PLAN}/new?corrects={first}"))
        .await;
    for shown in [
        "value=\"Diario Pando\"",
        "value=\"artículo 2\"",
        "value=\"2025-04-02\"",
        "value=\"2029\"",
        "Nota | https://example.org/nota",
        "Se aprueba el Plan Departamental",
        "El consejo aprobó el plan; se adjunta la resolución.",
        &format!("name=\"corrects\" value=\"{first}\""),
        &format!("name=\"carry_document\" value=\"{document}\" checked"),
    ] {
        assert!(page.contains(shown), "the form holds {shown}");
    }

    // One date was wrong.
    let mut fields = verified_plan(&first.to_string());
    fields.retain(|(k, _)| *k != "status_since");
    fields.extend([
        ("status_since", "2025-05-02".to_owned()),
        ("corrects", first.to_string()),
        (
            "correction_reason",
            "La resolución es del 2 de mayo, no del 2 de abril.".to_owned(),
        ),
        ("carry_document", document.to_string()),
    ]);
    let saved = app
        .post_multipart(
            &officer,
            &format!("{PLAN}/claims"),
            multipart(&fields, None),
        )
        .await;
    assert_eq!(saved.headers()["location"], "/departments/BO-N");
    let pando = pando(&app).await;
    let correction = latest_claim(&pando);
    let id = correction["id"].as_i64().unwrap();
    assert!(id > first);
    assert_eq!(correction["corrects"], first);
    assert_eq!(
        correction["correction_reason"],
        "La resolución es del 2 de mayo, no del 2 de abril."
    );
    assert_eq!(claim(&pando, first)["corrected_by"], id);
    assert_eq!(correction["status_since"], "2025-05-02");
    for unchanged in [
        "status",
        "basis",
        "event_date",
        "valid_from",
        "valid_until",
        "approving_instrument",
        "evidence_level",
        "evidence",
        "quality",
        "note",
        "source",
        "locator",
        "quote",
    ] {
        let mut was = before[unchanged].clone();
        let mut now = correction[unchanged].clone();
        // The source is stored again, with an id of its own.
        for value in [&mut was, &mut now] {
            if let Some(object) = value.as_object_mut() {
                object.remove("id");
            }
        }
        assert_eq!(now, was, "{unchanged} kept");
    }
    assert_eq!(
        correction["documents"][0]["sha256"], before["documents"][0]["sha256"],
        "the PDF is carried, not lost"
    );
    let plan = pando["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["requirement"] == "action-plan")
        .unwrap()
        .clone();
    assert_eq!(
        plan["status_since"], "2025-05-02",
        "the correction is the current state"
    );

    let csv = app.get("/api/v1/claims.csv").await.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| r[0] == id.to_string())
        .unwrap();
    assert_eq!(&row[column("corrects")], first.to_string().as_str());

    // The page pairs them, and the change's alert says it is a correction.
    let page = app.html("/departments/BO-N").await;
    let (new_at, old_at) = (
        page.find(&format!("id=\"claim-{id}\"")).unwrap(),
        page.find(&format!("id=\"claim-{first}\"")).unwrap(),
    );
    assert!(
        new_at < old_at,
        "the corrected claim right under its correction"
    );
    assert!(page.contains(&format!("Corrige la afirmación n.º {first}")));
    assert!(page.contains(&format!("Corregida por la afirmación n.º {id}")));
    assert_eq!(
        page.matches("download=\"informe.pdf\"").count(),
        3,
        "the PDF in the current state and under both claims"
    );
    // A claim corrected once cannot be corrected again.
    let again = app
        .get_with(&format!("{PLAN}/new?corrects={first}"), "cookie", "")
        .await;
    assert_ne!(again.status(), 200);
}

/// The hash of the file a refused form kept, as the form sends it back.
fn kept_hash(page: &str) -> String {
    page.split("name=\"kept_document\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the kept file's hash")
        .to_owned()
}

fn latest_claim(pando: &Value) -> Value {
    let list = claims(pando);
    list.into_iter()
        .max_by_key(|c| c["id"].as_i64().unwrap())
        .unwrap()
}

#[tokio::test]
async fn a_refused_form_keeps_its_file_and_every_text_and_names_its_problems() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let before = latest(&app).await;
    let long_note = "Nota larga. ".repeat(400);
    let mut fields = verified_plan(&before.to_string());
    fields.retain(|(k, _)| !matches!(*k, "note" | "due_date"));
    fields.extend([
        ("note", long_note.clone()),
        ("due_date", "2026-02-30".to_owned()),
    ]);
    let refused = app
        .post_multipart(
            &officer,
            &format!("{PLAN}/claims"),
            multipart(&fields, Some(PDF)),
        )
        .await;
    let (location, page) = app.next_page(&officer, refused).await;
    assert_eq!(location, format!("{PLAN}/new"));
    assert_eq!(latest(&app).await, before, "nothing saved");
    assert!(page.contains("<title>Error: "), "the title says so first");
    assert!(page.contains("Hay 2 problemas"));
    assert!(page.contains("href=\"#note\"") && page.contains("href=\"#due_date\""));
    assert!(page.contains("Esa fecha no existe en el calendario"));
    assert!(
        page.contains(long_note.trim()),
        "the over-long note comes back whole"
    );
    assert!(page.contains("Tiene 4800 caracteres; como máximo 4000"));
    assert!(page.contains("Archivo conservado: informe.pdf"));
    let kept = kept_hash(&page);

    // Sent again without the file: the kept one is saved with the claim.
    let mut fields = verified_plan(&before.to_string());
    fields.push(("kept_document", kept));
    let saved = app
        .post_multipart(
            &officer,
            &format!("{PLAN}/claims"),
            multipart(&fields, None),
        )
        .await;
    let (location, page) = app.next_page(&officer, saved).await;
    assert_eq!(location, "/departments/BO-N");
    let id = latest(&app).await;
    assert!(
        page.contains(&format!("href=\"#claim-{id}\"")),
        "the confirmation, at the top, links to the entry"
    );
    let pando = pando(&app).await;
    assert_eq!(
        claim(&pando, id)["documents"].as_array().unwrap().len(),
        1,
        "the kept PDF was saved"
    );
}

#[tokio::test]
async fn a_kept_file_is_only_its_sessions() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let other = app.signed_in("p@example.org", "officer", &["BO-N"]).await;
    let before = latest(&app).await;
    let mut fields = verified_plan(&before.to_string());
    fields.retain(|(k, _)| *k != "note");
    let refused = app
        .post_multipart(
            &officer,
            &format!("{PLAN}/claims"),
            multipart(&fields, Some(PDF)),
        )
        .await;
    let (_, page) = app.next_page(&officer, refused).await;
    let kept = kept_hash(&page);
    let mut fields = verified_plan(&before.to_string());
    fields.retain(|(k, _)| *k != "evidence_links");
    fields.push(("kept_document", kept));
    // Verified needs the PDF: without the file, another session's form is refused.
    let (location, _) = app
        .next_page(
            &other,
            app.post_multipart(&other, &format!("{PLAN}/claims"), multipart(&fields, None))
                .await,
        )
        .await;
    assert_eq!(location, format!("{PLAN}/new"));
    assert_eq!(latest(&app).await, before);
}

#[tokio::test]
async fn the_password_page_says_beside_the_field_that_the_two_differ() {
    let app = TestApp::spawn().await;
    let token = app.add_user("ana@example.org", "officer", &["BO-N"]).await;
    let browser = app.browser();
    let form = [
        ("token", token.as_str()),
        ("password", "a long enough passphrase"),
        ("confirm", "a long enough passphrasf"),
    ];
    let answer = app
        .post_form(&browser, "/account/set-password", &form)
        .await;
    let (_, page) = app.next_page(&browser, answer).await;
    assert!(page.contains("id=\"confirm-error\""));
    assert!(page.contains("Las dos contraseñas no coinciden"));
}
