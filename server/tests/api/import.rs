//! Bulk import over HTTP: a preview that stores nothing, then all rows or none.

use crate::helpers::TestApp;
use reqwest::multipart::{Form, Part};

const HEADER: &str = "department_code,requirement,status,status_since,valid_until,evidence_level,note,source_author,source_title,source_url,source_date\n";
const GOOD: &str = "BO-N,action-plan,in-force,2025-03,2029,reported,Approved in March,Gobernación de Pando,Resolución 9/2025,https://example.org/r9,2025-03\n\
BO-L,action-plan,in-preparation,,,reported,Drafting started,Gobernación de La Paz,Nota de prensa,https://example.org/n1,2025-04\n";
const BAD_ROW: &str = "BO-O,action-plan,in-force,,,verified,Claimed without date,Someone,Title,https://example.org/x,2025-04\n";

async fn upload(app: &TestApp, client: &reqwest::Client, csv: String) -> reqwest::Response {
    let form = Form::new().part("table", Part::text(csv).file_name("import.csv"));
    app.post_multipart(client, "/admin/import", form).await
}

#[tokio::test]
async fn a_valid_table_is_previewed_then_appended_whole() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let before = app.claim_count().await;
    let response = upload(&app, &admin, format!("{HEADER}{GOOD}")).await;
    assert_eq!(response.headers()["location"], "/admin/import");
    let page = app.html_as(&admin, "/admin/import").await;
    assert!(page.contains("Todas las filas son válidas."), "{page}");
    assert_eq!(
        app.claim_count().await,
        before,
        "the preview stores nothing"
    );

    let confirmed = app.post_form(&admin, "/admin/import/confirm", &[]).await;
    assert_eq!(confirmed.status(), 303);
    assert!(app
        .html_as(&admin, "/admin/import")
        .await
        .contains("Se agregaron 2 afirmaciones"));
    assert_eq!(app.claim_count().await, before + 2);
    let pando = app.json("/api/v1/departments/BO-N").await;
    let plan = pando["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["requirement"] == "action-plan")
        .unwrap()
        .clone();
    assert_eq!(plan["status"], "in-force");
    let again = app.post_form(&admin, "/admin/import/confirm", &[]).await;
    assert_eq!(again.status(), 303);
    assert_eq!(
        app.claim_count().await,
        before + 2,
        "a confirmation is used once"
    );
}

#[tokio::test]
async fn one_bad_row_shows_its_problem_and_nothing_is_appended() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let before = app.claim_count().await;
    upload(&app, &admin, format!("{HEADER}{GOOD}{BAD_ROW}")).await;
    let page = app.html_as(&admin, "/admin/import").await;
    assert!(page.contains("Una fila tiene problemas."));
    assert!(page.contains("status_since: Un instrumento vigente necesita la fecha"));
    assert!(
        !page.contains("Confirmar la importación"),
        "no confirmation offered"
    );
    app.post_form(&admin, "/admin/import/confirm", &[]).await;
    assert_eq!(app.claim_count().await, before);

    upload(&app, &admin, "name,colour\nx,y\n".into()).await;
    assert!(app
        .html_as(&admin, "/admin/import")
        .await
        .contains("Faltan columnas obligatorias"));
}

#[tokio::test]
async fn a_record_changed_after_the_preview_refuses_the_whole_import() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    upload(&app, &admin, format!("{HEADER}{GOOD}")).await;
    // Someone else records on La Paz's plan between preview and confirmation.
    let other = app.signed_in("admin2@example.org", "admin", &[]).await;
    upload(
        &app,
        &other,
        format!("{HEADER}{}", GOOD.lines().nth(1).unwrap()),
    )
    .await;
    app.post_form(&other, "/admin/import/confirm", &[]).await;
    let before = app.claim_count().await;
    app.post_form(&admin, "/admin/import/confirm", &[]).await;
    assert!(app
        .html_as(&admin, "/admin/import")
        .await
        .contains("No se importó nada"));
    assert_eq!(
        app.claim_count().await,
        before,
        "not even the unchanged Pando row"
    );
}

#[tokio::test]
async fn officers_import_for_their_departments_and_are_refused_for_others() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let before = app.claim_count().await;
    // GOOD has a Pando row and a La Paz row: the La Paz row is refused, with the reason.
    upload(&app, &officer, format!("{HEADER}{GOOD}")).await;
    let page = app.html_as(&officer, "/admin/import").await;
    assert!(page.contains("Usted no puede registrar afirmaciones para este departamento"));
    assert!(!page.contains("Todas las filas son válidas."));
    assert_eq!(
        app.post_form(&officer, "/admin/import/confirm", &[])
            .await
            .status(),
        303
    );
    assert_eq!(
        app.claim_count().await,
        before,
        "nothing, not even Pando's row"
    );

    let pando_only = GOOD.lines().next().unwrap();
    upload(&app, &officer, format!("{HEADER}{pando_only}\n")).await;
    assert!(app
        .html_as(&officer, "/admin/import")
        .await
        .contains("Todas las filas son válidas."));
    app.post_form(&officer, "/admin/import/confirm", &[]).await;
    assert_eq!(app.claim_count().await, before + 1);

    let department = app
        .signed_in("d@example.org", "department", &["BO-N"])
        .await;
    assert_eq!(
        upload(&app, &department, format!("{HEADER}{pando_only}\n"))
            .await
            .status(),
        403,
        "a department's account records no claims"
    );
    let anonymous = upload(&app, &app.client, format!("{HEADER}{GOOD}")).await;
    assert!(anonymous.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/signin"));
}

#[tokio::test]
async fn the_import_applies_the_same_evidence_rule_as_the_form() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let header = "department_code,requirement,status,event_date,status_since,evidence_level,evidence_links,note,source_author,source_title,source_url,source_date\n";
    let row = "BO-O,action-plan,in-force,2025-03,2025-03,verified,Nota | https://example.org/n,Approved,Someone,Title,https://example.org/x,2025-04\n";
    upload(&app, &admin, format!("{header}{row}")).await;
    let page = app.html_as(&admin, "/admin/import").await;
    assert!(page.contains("Una fila tiene problemas."), "{page}");
    assert!(page.contains("evidence_primary: Para marcarlo como verificado"));
}

#[tokio::test]
async fn a_latin1_table_is_refused_at_its_line_or_read_as_windows_1252_when_chosen() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("admin@example.org", "admin", &[]).await;
    let latin1: Vec<u8> = format!("{HEADER}{GOOD}")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let form = Form::new().part("table", Part::bytes(latin1.clone()).file_name("excel.csv"));
    app.post_multipart(&admin, "/admin/import", form).await;
    let page = app.html_as(&admin, "/admin/import").await;
    assert!(
        page.contains("La línea 2 del archivo no está en UTF-8"),
        "{page}"
    );
    assert!(!page.contains('\u{fffd}'));

    let form = Form::new()
        .text("encoding", "windows-1252")
        .part("table", Part::bytes(latin1).file_name("excel.csv"));
    app.post_multipart(&admin, "/admin/import", form).await;
    let page = app.html_as(&admin, "/admin/import").await;
    assert!(page.contains("Todas las filas son válidas."), "{page}");
    assert!(page.contains("Gobernación de Pando"), "accents read right");
    assert!(!page.contains('\u{fffd}'));
}
