//! Speed as a browser sees it: cached answers in every coding under one validator, static
//! files precompressed and kept forever, no script where nothing is interactive, and public
//! pages that are the same bytes for every reader.

use std::io::Read;

use crate::claims::{latest, plan_in_force};
use crate::helpers::TestApp;

const BROWSER: &str = "gzip, deflate, br, zstd";

async fn get(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &bytes[..], &mut out).unwrap();
    out
}

/// The body of `path` as each coding delivers it, decoded, with the ETag each came with.
async fn every_coding(app: &TestApp, path: &str) -> Vec<(String, Vec<u8>, String)> {
    let mut seen = Vec::new();
    for (accept, expected) in [
        (Some(BROWSER), "br"),
        (Some("gzip"), "gzip"),
        (Some("identity"), "identity"),
        (None, "identity"),
    ] {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("accept-encoding", a)).into_iter().collect();
        let response = get(app, path, &headers).await;
        assert_eq!(response.status(), 200, "{path} {accept:?}");
        let coding = response
            .headers()
            .get("content-encoding")
            .map_or("identity", |v| v.to_str().unwrap())
            .to_owned();
        assert_eq!(coding, expected, "{path} with {accept:?}");
        let etag = response.headers()["etag"].to_str().unwrap().to_owned();
        let raw = response.bytes().await.unwrap();
        let body = match expected {
            "br" => unbrotli(&raw),
            "gzip" => gunzip(&raw),
            _ => raw.to_vec(),
        };
        seen.push((coding, body, etag));
    }
    seen
}

#[tokio::test]
async fn every_coding_carries_the_same_body_under_one_weak_etag() {
    let app = TestApp::spawn().await;
    for path in ["/", "/api/v1/departments"] {
        let seen = every_coding(&app, path).await;
        let (_, plain, etag) = &seen[2];
        assert!(etag.starts_with("W/\""), "{etag}");
        for (coding, body, tag) in &seen {
            assert_eq!(body, plain, "{path}: {coding} decodes to the same bytes");
            assert_eq!(tag, etag, "{path}: {coding} has the same validator");
        }
        for accept in [BROWSER, "gzip", "identity"] {
            let again = get(
                &app,
                path,
                &[("accept-encoding", accept), ("if-none-match", etag)],
            )
            .await;
            assert_eq!(again.status(), 304, "{path} {accept}");
            assert!(again.headers().get("content-encoding").is_none());
        }
        let refused = get(&app, path, &[("accept-encoding", "*;q=0")]).await;
        assert_eq!(
            refused.status(),
            406,
            "{path}: not even identity is acceptable"
        );
    }
    let page = get(&app, "/", &[("accept-encoding", BROWSER)]).await;
    assert_eq!(
        page.headers()["cache-control"],
        "public, max-age=0, s-maxage=60, stale-while-revalidate=300"
    );
    assert_eq!(
        page.headers()["vary"],
        "Cookie, Accept-Language, Accept-Encoding"
    );
    assert!(page.headers()["server-timing"]
        .to_str()
        .unwrap()
        .contains("cache;desc=hit"));
    let english = get(&app, "/?lang=en", &[("accept-encoding", BROWSER)]).await;
    assert_eq!(
        english.headers()["vary"],
        "Accept-Encoding",
        "the address names the language"
    );
    let html = String::from_utf8(unbrotli(&english.bytes().await.unwrap())).unwrap();
    assert!(
        html.contains("<html lang=\"en\""),
        "?lang= beats the default"
    );
}

#[tokio::test]
async fn a_cache_hit_carries_what_every_answer_carries_and_is_counted() {
    let app = TestApp::spawn().await;
    let miss = get(&app, "/", &[("accept-encoding", BROWSER)]).await;
    let hit = get(&app, "/", &[("accept-encoding", BROWSER)]).await;
    let timing = |r: &reqwest::Response| r.headers()["server-timing"].to_str().unwrap().to_owned();
    assert!(
        timing(&miss).contains("cache;desc=miss"),
        "{}",
        timing(&miss)
    );
    assert_eq!(timing(&hit), "cache;desc=hit");
    for name in [
        "x-content-type-options",
        "referrer-policy",
        "content-security-policy",
        "etag",
        "vary",
        "cache-control",
    ] {
        assert_eq!(hit.headers().get(name), miss.headers().get(name), "{name}");
    }
    let (miss_id, hit_id) = (
        &miss.headers()["x-request-id"],
        &hit.headers()["x-request-id"],
    );
    assert_ne!(miss_id, hit_id, "each request has its own id");
    let named = get(&app, "/", &[("x-request-id", "trace-7")]).await;
    assert_eq!(named.headers()["x-request-id"], "trace-7");
    let odd = get(&app, "/", &[("x-request-id", "no spaces allowed")]).await;
    assert_ne!(odd.headers()["x-request-id"], "no spaces allowed");
    let metrics = app.get("/metrics").await.text().await.unwrap();
    for line in [
        "vigia_http_requests_total{method=\"GET\",route=\"/\",status=\"200\"} 4",
        "vigia_page_cache_total{route=\"/\",outcome=\"Hit\"} 3",
        "vigia_page_cache_total{route=\"/\",outcome=\"Miss\"} 1",
    ] {
        assert!(metrics.contains(line), "{line} in\n{metrics}");
    }
}

/// The log lines of the request `id`, once the log writer has written them.
async fn log_lines_of(log: &std::path::Path, id: &str) -> Vec<String> {
    let mark = format!("id={id}");
    for _ in 0..100 {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let lines: Vec<String> = text
            .lines()
            .filter(|l| l.split(['{', ' ', '}']).any(|field| field == mark))
            .map(str::to_owned)
            .collect();
        if !lines.is_empty() {
            return lines;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    Vec::new()
}

#[tokio::test]
async fn every_request_writes_one_log_line_a_cache_hit_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = crate::binary::Server::new(dir.path(), "smtp://127.0.0.1:9");
    server.set("RUST_LOG", "info");
    server.start().await;
    let client = reqwest::Client::new();
    let mut answers = Vec::new();
    for _ in 0..2 {
        let response = client
            .get(format!("{}/", server.url()))
            .send()
            .await
            .unwrap();
        let header = |name: &str| response.headers()[name].to_str().unwrap().to_owned();
        answers.push((header("x-request-id"), header("server-timing")));
    }
    assert_eq!(answers[1].1, "cache;desc=hit");
    for (id, timing) in &answers {
        let lines = log_lines_of(&dir.path().join("server.log"), id).await;
        assert_eq!(lines.len(), 1, "one line for {id} ({timing}): {lines:?}");
        for field in [
            "finished processing request",
            "method=GET",
            "status=200",
            "latency=",
        ] {
            assert!(lines[0].contains(field), "{field} in {}", lines[0]);
        }
        assert!(
            lines[0].contains("path=/ ") || lines[0].contains("path=/}"),
            "{}",
            lines[0]
        );
    }
}

#[tokio::test]
async fn a_head_request_gets_the_cached_get_headers_and_no_body() {
    let app = TestApp::spawn().await;
    let head = |app: &TestApp| {
        app.client
            .head(app.url("/departments/BO-L"))
            .header("accept-encoding", BROWSER)
            .send()
    };
    // The first HEAD renders the page: it must store the GET's body, not an empty one.
    let first = head(&app).await.unwrap();
    let get_after = get(&app, "/departments/BO-L", &[("accept-encoding", BROWSER)]).await;
    let second = head(&app).await.unwrap();
    for name in [
        "cache-control",
        "etag",
        "vary",
        "content-encoding",
        "content-length",
        "content-security-policy",
    ] {
        assert_eq!(
            first.headers().get(name),
            get_after.headers().get(name),
            "{name}"
        );
        assert_eq!(
            second.headers().get(name),
            get_after.headers().get(name),
            "{name}"
        );
    }
    assert!(second.headers()["cache-control"]
        .to_str()
        .unwrap()
        .starts_with("public"));
    assert!(
        second.bytes().await.unwrap().is_empty(),
        "a HEAD has no body"
    );
    let html = String::from_utf8(unbrotli(&get_after.bytes().await.unwrap())).unwrap();
    assert!(html.contains("La Paz"), "the stored page is the whole page");
}

#[tokio::test]
async fn a_write_makes_every_stored_coding_stale_at_once() {
    let app = TestApp::spawn().await;
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let before = every_coding(&app, "/api/v1/departments/BO-N").await;
    let expected = latest(&app, "BO-N", "action-plan").await;
    let response = app
        .post_form(
            &officer,
            "/departments/BO-N/action-plan/claims",
            &plan_in_force(&expected),
        )
        .await;
    assert_eq!(response.status(), 303);
    let after = every_coding(&app, "/api/v1/departments/BO-N").await;
    for ((coding, old, old_tag), (_, new, new_tag)) in before.iter().zip(&after) {
        assert_ne!(old, new, "{coding} changed with the data");
        assert_ne!(old_tag, new_tag, "{coding} has a new validator");
        assert!(
            String::from_utf8_lossy(new).contains("Resolución 123/2025"),
            "{coding}"
        );
    }
}

#[tokio::test]
async fn hashed_static_files_are_served_precompressed_and_kept_forever() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let css = "body { color: #0b3d5c; }\n".repeat(40);
    let hashed = "vigia.AbCdEfGhIjKlMnOpQrStUv.css";
    std::fs::write(pkg.join(hashed), &css).unwrap();
    std::fs::write(pkg.join(format!("{hashed}.br")), b"brotli bytes as built").unwrap();
    std::fs::write(pkg.join(format!("{hashed}.gz")), b"gzip bytes as built").unwrap();
    std::fs::write(pkg.join("plain.css"), &css).unwrap();
    let root = site.path().to_owned();
    let app = TestApp::spawn_with(move |s| s.site_root = root).await;

    let path = format!("/pkg/{hashed}");
    let brotli = get(&app, &path, &[("accept-encoding", BROWSER)]).await;
    assert_eq!(brotli.status(), 200);
    assert_eq!(brotli.headers()["content-encoding"], "br");
    assert_eq!(
        brotli.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        brotli.bytes().await.unwrap(),
        "brotli bytes as built",
        "the file built, not made again"
    );
    let gzip = get(&app, &path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzip.bytes().await.unwrap(), "gzip bytes as built");
    let plain = get(&app, &path, &[]).await;
    assert_eq!(plain.bytes().await.unwrap(), css.as_bytes());

    let unhashed = get(&app, "/pkg/plain.css", &[]).await;
    assert_eq!(unhashed.status(), 200);
    assert_eq!(unhashed.headers()["cache-control"], "public, max-age=300");
}

fn loads_wasm(html: &str) -> bool {
    html.contains(".wasm") || html.contains("/pkg/vigia") && html.contains(".js\"")
}

#[tokio::test]
async fn only_pages_with_an_island_load_script_or_wasm() {
    let app = TestApp::spawn().await;
    for path in [
        "/",
        "/gaps",
        "/departments/BO-L",
        "/methodology",
        "/alerts",
        "/embed/map",
        "/signin",
    ] {
        let html = app.html(path).await;
        assert!(!loads_wasm(&html), "{path} has nothing interactive");
        // Leptos' constant resource lines stay (allowed by hash); no loader, no module.
        assert!(!html.contains("type=\"module\""), "{path} loads no module");
    }
    let officer = app
        .signed_in("officer@example.org", "officer", &["BO-N"])
        .await;
    let form = app
        .html_as(&officer, "/departments/BO-N/action-plan/new")
        .await;
    assert!(
        loads_wasm(&form),
        "the claim form checks its PDF in the browser"
    );
    let dashboard = app.html_as(&officer, "/dashboard").await;
    assert!(!loads_wasm(&dashboard));
}

#[tokio::test]
async fn two_servers_on_one_database_give_the_same_bytes_and_scripts_match_the_policy() {
    let first = TestApp::spawn().await;
    let database_url = first.settings.database_url.clone();
    let data_dir = first.settings.data_dir.clone();
    let second = TestApp::spawn_with(move |s| {
        s.database_url = database_url;
        s.data_dir = data_dir;
    })
    .await;
    for path in ["/", "/departments/BO-L", "/gaps?severity=critical"] {
        let one = get(&first, path, &[("accept-language", "es")]).await;
        let two = get(&second, path, &[("accept-language", "es")]).await;
        assert_eq!(one.headers()["etag"], two.headers()["etag"], "{path}");
        assert_eq!(
            one.headers()["content-security-policy"],
            two.headers()["content-security-policy"],
            "{path}"
        );
        let csp = one.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        let (one, two) = (one.text().await.unwrap(), two.text().await.unwrap());
        assert_eq!(one, two, "{path} is the same bytes from either server");
        assert!(
            !one.contains("nonce="),
            "{path}: a public page has no per-render nonce"
        );
        assert!(
            !csp.contains("'nonce-") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        for script in one.split("<script").skip(1) {
            let (attributes, rest) = script.split_once('>').unwrap();
            if attributes.contains("src=") {
                continue;
            }
            let content = rest.split("</script>").next().unwrap();
            use base64::Engine;
            use sha2::Digest;
            let hash =
                base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(content));
            assert!(csp.contains(&format!("'sha256-{hash}'")), "{path}: {csp}");
        }
    }
}

/// The page budget: the first screen's story, the map and the compliance timeline all fit in
/// 20 KB of brotli-compressed HTML, whichever requirement the map shows.
#[tokio::test]
async fn the_home_page_stays_within_its_budget() {
    let app = TestApp::spawn().await;
    for path in ["/", "/?requirement=shelter", "/?lang=en"] {
        let response = get(&app, path, &[("accept-encoding", BROWSER)]).await;
        assert_eq!(response.headers()["content-encoding"], "br", "{path}");
        let compressed = response.bytes().await.unwrap();
        assert!(
            compressed.len() <= 20 * 1024,
            "{path}: {} bytes compressed",
            compressed.len()
        );
        let html = String::from_utf8(unbrotli(&compressed)).unwrap();
        assert!(html.contains("class=\"timeline-chart\""), "{path}");
    }
}
