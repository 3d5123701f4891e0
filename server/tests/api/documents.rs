//! PDF evidence over HTTP: uploads checked by content and size, served back as downloads,
//! counted as evidence, and withheld by an admin with the reason kept in public.

use crate::helpers::TestApp;
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use sha2::{Digest, Sha256};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Pando's plan in force and verified, with no evidence link: the PDF is the evidence.
fn plan_form(expected: &str, document: Option<(&str, Vec<u8>)>) -> Form {
    let mut form = Form::new();
    for (name, value) in [
        ("expected", expected),
        ("status", "in-force"),
        ("event_date", "2025-05-02"),
        ("status_since", "2025-05-02"),
        ("evidence_level", "verified"),
        ("note", "Plan approved; the resolution is attached."),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Resolución 45/2025"),
        ("source_url", "https://example.org/res-45"),
        ("source_published", "2025-05-02"),
    ] {
        form = form.text(name, value.to_owned());
    }
    if let Some((filename, bytes)) = document {
        form = form.part(
            "document",
            Part::bytes(bytes).file_name(filename.to_owned()),
        );
    }
    form
}

async fn plan_claim_ids(app: &TestApp) -> Vec<i64> {
    let pando = app.json("/api/v1/departments/BO-N").await;
    pando["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["requirement"] == "action-plan")
        .filter_map(|e| e["id"].as_i64())
        .collect()
}

fn plan_documents(pando: &Value) -> Vec<Value> {
    pando["history"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["documents"].as_array().cloned().unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn a_pdf_is_stored_by_its_hash_served_as_a_download_and_counts_as_evidence() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let expected = plan_claim_ids(&app)
        .await
        .into_iter()
        .max()
        .unwrap()
        .to_string();
    let response = app
        .post_multipart(
            &officer,
            "/departments/BO-N/action-plan/claims",
            plan_form(&expected, Some(("resolución 45.pdf", PDF.to_vec()))),
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/departments/BO-N", "saved");

    let pando = app.json("/api/v1/departments/BO-N").await;
    let documents = plan_documents(&pando);
    assert_eq!(documents.len(), 1, "{documents:?}");
    let sha = hex::encode(Sha256::digest(PDF));
    assert_eq!(documents[0]["sha256"], sha);
    assert_eq!(documents[0]["size"], PDF.len());
    let url = documents[0]["url"].as_str().unwrap().to_owned();

    let download = app.get(&url).await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    let disposition = download.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);
    assert!(app
        .settings
        .data_dir
        .join("documents")
        .join(format!("{sha}.pdf"))
        .exists());
}

#[tokio::test]
async fn a_non_pdf_or_oversized_upload_changes_nothing_and_is_explained_beside_the_field() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let before = plan_claim_ids(&app).await;
    let expected = before.iter().max().unwrap().to_string();
    let mut too_big = PDF.to_vec();
    too_big.resize(10 * 1024 * 1024 + 1, b' ');
    let cases = [
        (
            "html named .pdf",
            b"<html><script>alert(1)</script></html>".to_vec(),
            "El archivo no es un PDF",
        ),
        ("over 10 MB", too_big, "El documento supera los 10 MB"),
    ];
    for (name, bytes, message) in cases {
        let response = app
            .post_multipart(
                &officer,
                "/departments/BO-N/action-plan/claims",
                plan_form(&expected, Some(("plan.pdf", bytes))),
            )
            .await;
        assert_eq!(response.status(), 303, "{name}");
        assert_eq!(
            response.headers()["location"],
            "/departments/BO-N/action-plan/new",
            "{name}"
        );
        let form = app
            .html_as(&officer, "/departments/BO-N/action-plan/new")
            .await;
        assert!(form.contains(message), "{name}: the problem is shown");
        assert!(
            form.contains("Resolución 45/2025"),
            "{name}: what was typed is kept"
        );
        assert_eq!(
            plan_claim_ids(&app).await,
            before,
            "{name}: nothing recorded"
        );
    }
    let stored = std::fs::read_dir(app.settings.data_dir.join("documents"))
        .unwrap()
        .count();
    assert_eq!(stored, 0, "no file kept");
}

#[tokio::test]
async fn an_admin_withholds_a_document_and_the_history_keeps_its_hash_and_reason() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let expected = plan_claim_ids(&app)
        .await
        .into_iter()
        .max()
        .unwrap()
        .to_string();
    app.post_multipart(
        &officer,
        "/departments/BO-N/action-plan/claims",
        plan_form(&expected, Some(("plan.pdf", PDF.to_vec()))),
    )
    .await;
    let pando = app.json("/api/v1/departments/BO-N").await;
    let url = plan_documents(&pando)[0]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let withhold = format!("{url}/withhold");
    let reason = [
        ("reason", "Names a victim on page 3"),
        ("next", "/departments/BO-N"),
    ];

    let refused = app.post_form(&officer, &withhold, &reason).await;
    assert_eq!(refused.status(), 403, "officers may not withhold");
    let anonymous = app.post_form(&app.client, &withhold, &reason).await;
    assert_eq!(anonymous.status(), 303, "anonymous is sent to sign in");
    assert_eq!(app.get(&url).await.status(), 200, "still public");

    let done = app.post_form(&admin, &withhold, &reason).await;
    assert_eq!(done.status(), 303);
    assert_eq!(app.get(&url).await.status(), 410);
    let pando = app.json("/api/v1/departments/BO-N").await;
    let document = &plan_documents(&pando)[0];
    assert!(document["url"].is_null());
    assert_eq!(document["withheld_reason"], "Names a victim on page 3");
    assert_eq!(document["sha256"], hex::encode(Sha256::digest(PDF)));
    let entry = pando["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "document-withheld")
        .expect("a history entry");
    assert_eq!(entry["actor"], "Test admin");
    assert_eq!(entry["reason"], "Names a victim on page 3");
    assert_eq!(
        std::fs::read_dir(app.settings.data_dir.join("documents"))
            .unwrap()
            .count(),
        0,
        "content removed"
    );
    let page = app.html("/departments/BO-N").await;
    assert!(page.contains("Documento retenido del público: Names a victim on page 3"));
}

#[tokio::test]
async fn a_document_is_streamed_in_ranges_and_never_compressed() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let expected = plan_claim_ids(&app)
        .await
        .into_iter()
        .max()
        .unwrap()
        .to_string();
    // Large enough that a compressor would take it, and compressible.
    let mut pdf = PDF.to_vec();
    pdf.resize(200_000, b' ');
    let response = app
        .post_multipart(
            &officer,
            "/departments/BO-N/action-plan/claims",
            plan_form(&expected, Some(("resolución.pdf", pdf.clone()))),
        )
        .await;
    assert_eq!(response.status(), 303);
    let url = plan_documents(&app.json("/api/v1/departments/BO-N").await)[0]["url"]
        .as_str()
        .unwrap()
        .to_owned();

    let whole = app
        .client
        .get(app.url(&url))
        .header("accept-encoding", "gzip, deflate, br, zstd")
        .send()
        .await
        .unwrap();
    assert_eq!(whole.status(), 200);
    let headers = whole.headers().clone();
    assert!(headers.get("content-encoding").is_none(), "{headers:?}");
    assert_eq!(headers["accept-ranges"], "bytes");
    assert_eq!(headers["content-length"], pdf.len().to_string().as_str());
    assert_eq!(headers["content-security-policy"], "sandbox");
    assert_eq!(headers["cache-control"], "no-cache");
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"resoluci_n.pdf\""));
    assert_eq!(whole.bytes().await.unwrap().as_ref(), pdf.as_slice());

    let resumed = app
        .client
        .get(app.url(&url))
        .header("accept-encoding", "gzip, deflate, br, zstd")
        .header("range", "bytes=100000-")
        .send()
        .await
        .unwrap();
    assert_eq!(resumed.status(), 206);
    assert_eq!(
        resumed.headers()["content-range"],
        format!("bytes 100000-199999/{}", pdf.len()).as_str()
    );
    assert_eq!(
        resumed.headers()["content-disposition"],
        headers["content-disposition"]
    );
    assert_eq!(resumed.bytes().await.unwrap().as_ref(), &pdf[100_000..]);
}
