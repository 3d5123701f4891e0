//! What the forms say and take: required fields marked, dates typed in one format, a PDF
//! standing in for the source link (and the claims export still importing), and import
//! problems that say what a cell may hold.

use crate::claims::latest;
use crate::helpers::TestApp;
use reqwest::multipart::{Form, Part};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// The opening tag of the input or textarea named `name`.
fn control<'a>(page: &'a str, name: &str) -> &'a str {
    let at = page
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("{name} is on the form"));
    let start = page[..at].rfind('<').unwrap();
    let end = at + page[at..].find('>').unwrap();
    &page[start..=end]
}

/// The label of the control with id `id`.
fn label<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<label for=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} is labelled"));
    let end = start + page[start..].find("</label>").unwrap();
    &page[start..end]
}

#[tokio::test]
async fn the_claim_form_marks_what_is_required_and_takes_dates_as_typed_text() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let page = app
        .html_as(&officer, "/departments/BO-N/action-plan/new")
        .await;
    for required in [
        "event_date",
        "note",
        "source_author",
        "source_title",
        "source_published",
    ] {
        assert!(
            control(&page, required).contains("aria-required=\"true\""),
            "{required}"
        );
    }
    for optional in [
        "approving_instrument",
        "due_date",
        "source_outlet",
        "source_url",
    ] {
        assert!(
            !control(&page, optional).contains("aria-required"),
            "{optional}"
        );
    }
    assert!(page.contains("(obligatorio)") && page.contains("(opcional)"));
    assert!(page.contains("(obligatorio, salvo que adjunte el PDF de la fuente)"));
    assert!(!page.contains("type=\"date\""), "no date pickers");
    for date in [
        "event_date",
        "status_since",
        "due_date",
        "valid_from",
        "source_published",
    ] {
        assert!(control(&page, date).contains("type=\"text\""), "{date}");
    }
    assert!(
        page.contains("AAAA-MM-DD, por ejemplo 2026-03-31."),
        "the due date's format"
    );
    assert!(
        page.contains("AAAA-MM-DD, o AAAA-MM, o AAAA"),
        "partial dates' format"
    );
    let suggest = app.html("/departments/BO-N/suggest").await;
    assert!(control(&suggest, "body").contains("aria-required=\"true\""));
    assert!(label(&suggest, "organisation").contains("(opcional)"));
    assert!(label(&suggest, "body").contains("(obligatorio)"));
}

fn pdf_sourced_claim(expected: &str, source_url: &str, pdf: bool) -> Form {
    let mut form = Form::new();
    for (name, value) in [
        ("expected", expected),
        ("status", "in-preparation"),
        ("event_date", "2025-05"),
        ("evidence_level", "reported"),
        ("note", "The draft plan was sent to the council."),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Nota 12/2025"),
        ("source_url", source_url),
        ("source_published", "2025-05"),
    ] {
        form = form.text(name, value.to_owned());
    }
    if pdf {
        form = form.part(
            "document",
            Part::bytes(PDF.to_vec()).file_name("nota-12.pdf"),
        );
    }
    form
}

#[tokio::test]
async fn a_pdf_stands_in_for_the_source_link_and_the_claims_export_imports_back() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let path = "/departments/BO-N/action-plan/claims";
    let expected = latest(&app, "BO-N", "action-plan").await;
    let neither = app
        .post_multipart(&officer, path, pdf_sourced_claim(&expected, "", false))
        .await;
    let (to, page) = app.next_page(&officer, neither).await;
    assert_eq!(to, "/departments/BO-N/action-plan/new");
    assert!(
        page.contains("id=\"source_url-error\""),
        "a link or a PDF is needed"
    );
    let unknown = app
        .post_multipart(
            &officer,
            path,
            pdf_sourced_claim(&expected, "/documents/999", false),
        )
        .await;
    let (_, page) = app.next_page(&officer, unknown).await;
    assert!(page.contains("No hay ningún documento con esa dirección en Vigía."));

    let saved = app
        .post_multipart(&officer, path, pdf_sourced_claim(&expected, "", true))
        .await;
    let (to, page) = app.next_page(&officer, saved).await;
    assert_eq!(to, "/departments/BO-N", "saved");
    let document = page
        .split("download=\"nota-12.pdf\"")
        .next()
        .and_then(|before| before.rsplit("href=\"/documents/").next())
        .and_then(|rest| rest.split('"').next())
        .expect("the document is listed")
        .to_owned();
    let permalink = format!("/documents/{document}");
    assert!(page.contains(&format!(
        "href=\"{permalink}\" rel=\"noopener external\">Nota 12/2025"
    )));
    let export = app.get("/api/v1/claims.csv").await.text().await.unwrap();
    assert!(
        export.contains(&format!(",{permalink},")),
        "the source is the document"
    );

    // The claims export, with that source, imports back as it is.
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let form = Form::new().part("table", Part::text(export).file_name("claims.csv"));
    let previewed = app.post_multipart(&admin, "/admin/import", form).await;
    let (_, page) = app.next_page(&admin, previewed).await;
    assert!(page.contains("Todas las filas son válidas."), "importable");
}

#[tokio::test]
async fn import_problems_list_the_allowed_values_and_rows_show_their_note_and_source() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let csv = "department_code,requirement,status,note,source_author,source_title,source_url,source_date\n\
        BO-N,action-plan,approved,Approved in March,Gobernación de Pando,Resolución 9,https://example.org/r9,2025-03\n\
        BO-L,school,missing,No school plan,Defensoría,Informe,https://example.org/i,2025-03\n";
    let form = Form::new().part("table", Part::text(csv).file_name("bad.csv"));
    let previewed = app.post_multipart(&admin, "/admin/import", form).await;
    let (_, page) = app.next_page(&admin, previewed).await;
    assert!(
        page.contains("status: elija uno de missing, in-preparation, in-force, expired, unknown.")
    );
    assert!(page.contains("requirement: elija uno de action-plan, shelter."));
    assert!(page.contains("Approved in March"), "each row's note");
    assert!(page.contains("Gobernación de Pando · Resolución 9 · https://example.org/r9"));
    assert!(page.contains(">Pando</td>"), "departments by name");
    assert!(
        page.contains(">Plan departamental contra la trata y tráfico de personas</td>"),
        "requirements by name"
    );
    // "school" names no instrument, so its status reads in the general words.
    assert!(
        page.contains(">no existe</td>") && !page.contains(">missing</td>"),
        "statuses by their label"
    );
    assert!(
        page.contains("source_date: 2025-03"),
        "every date the row gives"
    );
}
