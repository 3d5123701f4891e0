//! A record anyone can cite and share: permalinks that stand alone, the language in the
//! address, canonical and alternate addresses, share images and map downloads.

use crate::claims::latest;
use crate::helpers::TestApp;
use reqwest::multipart::{Form, Part};
use resvg::{tiny_skia, usvg};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A claim an officer types once, in Spanish, with a source link and a PDF.
fn claim_with_document(expected: &str) -> Form {
    let mut form = Form::new();
    for (name, value) in [
        ("expected", expected),
        ("status", "in-preparation"),
        ("event_date", "2025-05"),
        ("evidence_level", "reported"),
        (
            "note",
            "El borrador del plan fue enviado al consejo departamental.",
        ),
        ("source_author", "Gobernación de Pando"),
        ("source_title", "Nota 12/2025 sobre el plan departamental"),
        ("source_url", "https://pando.example/nota-12"),
        ("source_published", "2025-05"),
    ] {
        form = form.text(name, value.to_owned());
    }
    form.part(
        "document",
        Part::bytes(PDF.to_vec()).file_name("nota-12.pdf"),
    )
}

/// The newest public history entry of a department, by its permalink's path.
async fn newest_entry(app: &TestApp, code: &str) -> String {
    let history = app
        .json(&format!("/api/v1/history?department={code}"))
        .await;
    let permalink = history["entries"][0]["permalink"].as_str().unwrap();
    permalink.trim_start_matches("http://vigia.test").to_owned()
}

#[tokio::test]
async fn a_permalink_shows_the_claims_status_source_and_document_and_how_to_cite_it() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    let saved = app
        .post_multipart(
            &officer,
            "/departments/BO-N/action-plan/claims",
            claim_with_document(&expected),
        )
        .await;
    assert_eq!(saved.status(), 303);
    let path = newest_entry(&app, "BO-N").await;
    let page = app.html(&path).await;
    assert!(
        page.contains("class=\"badge status-in-preparation\""),
        "the status"
    );
    assert!(page.contains("según la fuente"), "the basis");
    assert!(
        page.contains("href=\"https://pando.example/nota-12\""),
        "the source link"
    );
    assert!(page.contains("Gobernación de Pando"), "the source's author");
    assert!(
        page.contains("download=\"nota-12.pdf\"") && page.contains("href=\"/documents/"),
        "the document link"
    );
    assert!(page.contains("Test officer"), "who recorded it");
    assert!(page.contains("(hora de Bolivia)"), "when, in La Paz time");
    let reference = field(&page, "cite-plain");
    assert!(reference.starts_with("Vigía ("), "{reference}");
    assert!(
        reference.contains(&format!("http://vigia.test{path}?lang=es")),
        "{reference}"
    );
    assert!(reference.contains("consultado el"), "{reference}");
    let bibtex = field(&page, "cite-bibtex");
    assert!(bibtex.starts_with("@online{vigia-history-"), "{bibtex}");
    assert!(bibtex.contains("author = {{Vigía}}"), "{bibtex}");

    // In English, the note the officer wrote in Spanish says so.
    let english = app.html(&format!("{path}?lang=en")).await;
    assert!(
        english.contains("<span lang=\"es\">El borrador del plan"),
        "{english}"
    );
    assert!(english.contains("(in Spanish)"));
    assert!(english.contains("How to cite"));
}

#[tokio::test]
async fn a_permalink_shows_the_whole_claim_validity_and_approving_instrument_included() {
    let app = TestApp::spawn().await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    let saved = app
        .post_form(
            &officer,
            "/departments/BO-N/action-plan/claims",
            &crate::claims::plan_in_force(&expected),
        )
        .await;
    assert_eq!(saved.status(), 303);
    let path = newest_entry(&app, "BO-N").await;
    let record = app.html(&path).await;
    let record = &record[record
        .find("class=\"claim-record\"")
        .expect("the claim in full")..];
    for (label, value) in [
        ("Vigencia", "2025 – 2029"),
        ("Instrumento de aprobación", "Resolución 123/2025"),
    ] {
        assert!(
            record.contains(&format!("<dt>{label}</dt><dd>{value}</dd>")),
            "{label}: {value}"
        );
    }
    let english = app.html(&format!("{path}?lang=en")).await;
    assert!(english.contains("<dt>Validity</dt><dd>2025 – 2029</dd>"));

    // A claim whose source gives neither says so rather than leaving them out.
    let seed = app.json("/api/v1/history?department=BO-N").await;
    let unknown = seed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "claim-recorded" && e["approving_instrument"].is_null())
        .filter_map(|e| e["permalink"].as_str())
        .map(|p| p.trim_start_matches("http://vigia.test").to_owned())
        .find(|p| p != &path)
        .expect("a seed claim");
    let page = app.html(&unknown).await;
    assert!(
        page.contains("<dt>Instrumento de aprobación</dt><dd>desconocido</dd>"),
        "{unknown}"
    );
}

/// The text of the read-only field with id `id`.
fn field(page: &str, id: &str) -> String {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} is on the page"));
    let open = start + page[start..].find('>').unwrap() + 1;
    let close = open + page[open..].find("</textarea>").unwrap();
    html_escape::decode_html_entities(&page[open..close]).into_owned()
}

#[tokio::test]
async fn account_entries_say_what_changed_without_internal_words() {
    let app = TestApp::spawn().await;
    // The first admin comes from the command line; it invites an officer.
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let invite = [
        ("email", "o@example.org"),
        ("display_name", "Nueva Oficial"),
        ("role", "officer"),
        ("department", "BO-L"),
        ("department", "BO-N"),
    ];
    let invited = app.post_form(&admin, "/admin/users", &invite).await;
    assert_eq!(invited.status(), 303);
    let history = app.json("/api/v1/history").await;
    let added: Vec<String> = history["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "user-added")
        .map(|e| {
            e["permalink"]
                .as_str()
                .unwrap()
                .trim_start_matches("http://vigia.test")
                .to_owned()
        })
        .collect();
    assert_eq!(added.len(), 2, "{history}");
    // Newest first: the officer, then the admin.
    let officer = app.html(&added[0]).await;
    assert!(
        officer.contains("Rol de la cuenta: Oficial de supervisión"),
        "{officer}"
    );
    assert!(
        officer.contains("Departamentos a cargo: La Paz, Pando"),
        "{officer}"
    );
    assert!(officer.contains("Por: Test admin"));
    let first = app.html(&added[1]).await;
    assert!(
        first.contains("Rol de la cuenta: Administración"),
        "{first}"
    );
    assert!(first.contains("línea de comandos"));
    for page in [&officer, &first] {
        assert!(!page.contains("datos iniciales citados"));
        assert!(!page.contains("officer BO-"));
        assert!(!page.contains("<p class=\"history-reason\">admin</p>"));
    }
}

#[tokio::test]
async fn lang_in_the_address_wins_over_cookie_and_browser_and_links_keep_it() {
    let app = TestApp::spawn().await;
    for path in ["/", "/departments/BO-L", "/gaps", "/methodology"] {
        let response = app
            .client
            .get(app.url(&format!("{path}?lang=en")))
            .header("cookie", "vigia_lang=es")
            .header("accept-language", "es-BO,es;q=0.9")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let page = response.text().await.unwrap();
        assert!(page.contains("<html lang=\"en\""), "{path}");
        assert!(
            page.contains("href=\"/gaps?lang=en\""),
            "{path}: links keep the language"
        );
        assert!(
            page.contains("href=\"/lang/es?next="),
            "{path}: the switch stays"
        );
        assert!(
            !page.contains("href=\"/pkg/vigia.css?lang"),
            "{path}: files do not"
        );
    }
    // The same page in the reader's own language has plain links, whatever was cached.
    let plain = app
        .get_with("/departments/BO-L", "cookie", "vigia_lang=en")
        .await
        .text()
        .await
        .unwrap();
    assert!(plain.contains("<html lang=\"en\""));
    assert!(plain.contains("href=\"/gaps\""), "no language in links");
    let spanish = app
        .get_with("/departments/BO-L?lang=es", "accept-language", "en")
        .await
        .text()
        .await
        .unwrap();
    assert!(spanish.contains("<html lang=\"es\""));
    let api = app
        .get_with(
            "/api/v1/departments/BO-L?lang=en",
            "cookie",
            "vigia_lang=es",
        )
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert!(api["requirements"][0]["requirement_name"]
        .as_str()
        .unwrap()
        .starts_with("Departmental action plan"));
}

#[tokio::test]
async fn every_page_names_its_canonical_address_and_its_languages() {
    let app = TestApp::spawn().await;
    let entry = newest_entry(&app, "BO-L").await;
    for (path, canonical) in [
        ("/", "/?lang=es"),
        ("/?utm_source=x", "/?lang=es"),
        (
            "/departments/BO-L?page=1",
            "/departments/BO-L?page=1&lang=es",
        ),
        ("/gaps?severity=critical", "/gaps?severity=critical&lang=es"),
        ("/methodology?lang=en", "/methodology?lang=en"),
        ("/embed/map", "/embed/map?lang=es"),
        ("/signin", "/signin?lang=es"),
        ("/alerts", "/alerts?lang=es"),
        (entry.as_str(), &format!("{entry}?lang=es")),
    ] {
        let page = app.html(path).await;
        let canonical = canonical.replace('&', "&amp;");
        assert!(
            page.contains(&format!(
                "<link rel=\"canonical\" href=\"http://vigia.test{canonical}\""
            )),
            "{path}: {page}"
        );
        for lang in ["es", "en", "x-default"] {
            assert!(
                page.contains(&format!(
                    "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"http://vigia.test"
                )),
                "{path}: {lang}"
            );
        }
    }
    let missing = app.get("/no-such-page").await;
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("rel=\"canonical\""));
}

#[tokio::test]
async fn the_share_image_is_a_png_of_the_declared_size_coloured_like_the_map() {
    let app = TestApp::spawn().await;
    let page = app.html("/departments/BO-L?lang=en").await;
    let image = meta(&page, "og:image");
    assert_eq!(image, "http://vigia.test/map.png?department=BO-L&lang=en");
    assert!(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\""));
    let (width, height) = (
        meta(&page, "og:image:width"),
        meta(&page, "og:image:height"),
    );
    let response = app.get(image.trim_start_matches("http://vigia.test")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/png");
    assert!(
        response.headers().get("content-encoding").is_none(),
        "a PNG is not compressed again"
    );
    let png = response.bytes().await.unwrap();
    let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
    assert_eq!(pixmap.width().to_string(), width);
    assert_eq!(pixmap.height().to_string(), height);

    let department = app.json("/api/v1/departments/BO-L").await;
    let status = department["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["requirement"] == "action-plan")
        .and_then(|r| r["status"].as_str())
        .unwrap()
        .to_owned();
    let status = vigia::Status::ALL
        .into_iter()
        .find(|s| s.slug() == status)
        .unwrap();
    let expected = app::map::standalone::status_colour(status);
    // A point well inside La Paz, away from its name and its outline.
    let (x, y) = app::map::standalone::to_image(180.0, 700.0);
    let pixel = pixmap.pixel(x as u32, y as u32).unwrap().demultiply();
    let got = format!(
        "#{:02x}{:02x}{:02x}",
        pixel.red(),
        pixel.green(),
        pixel.blue()
    );
    assert_eq!(
        got,
        expected.to_ascii_lowercase(),
        "La Paz is drawn in its status colour"
    );
    // Another department's colour differs where La Paz's does (the test can fail).
    let (x, y) = app::map::standalone::to_image(800.0, 900.0);
    let elsewhere = pixmap.pixel(x as u32, y as u32).unwrap().demultiply();
    assert_ne!(
        format!(
            "#{:02x}{:02x}{:02x}",
            elsewhere.red(),
            elsewhere.green(),
            elsewhere.blue()
        ),
        got
    );
}

/// The `content` of the `<meta property=…>` named `property`.
fn meta(page: &str, property: &str) -> String {
    let mark = format!("property=\"{property}\" content=\"");
    let start = page
        .find(&mark)
        .unwrap_or_else(|| panic!("{property} in {page}"))
        + mark.len();
    let end = start + page[start..].find('"').unwrap();
    html_escape::decode_html_entities(&page[start..end]).into_owned()
}

#[tokio::test]
async fn the_downloaded_map_parses_and_holds_title_date_legend_and_credit() {
    let app = TestApp::spawn().await;
    let home = app.html("/").await;
    assert!(home.contains("Descargar mapa:"));
    assert!(home.contains("href=\"/map.svg?lang=es\""));
    assert!(home.contains("href=\"/map.png?lang=es\""));
    let department = app.html("/departments/BO-L").await;
    assert!(department.contains("href=\"/map.svg?department=BO-L&amp;lang=es\""));

    for (lang, legend, credit, date) in [
        (
            "es",
            "Leyenda del mapa",
            "Vigía, http://vigia.test. Datos de Vigía bajo licencia CC BY 4.0.",
            "Estado al ",
        ),
        (
            "en",
            "Map legend",
            "Vigía, http://vigia.test. Vigía",
            "Status as of ",
        ),
    ] {
        let response = app
            .get(&format!("/map.svg?department=BO-L&lang={lang}"))
            .await;
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("image/svg+xml"));
        let svg = response.text().await.unwrap();
        let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("valid SVG");
        assert_eq!(tree.size().width(), 1200.0);
        for words in [legend, credit, date, "Natural Earth"] {
            assert!(svg.contains(words), "{lang}: {words}");
        }
        assert!(!svg.contains("var(--"), "explicit fills only");
    }
    assert_eq!(app.get("/map.svg?department=XX").await.status(), 400);
}
