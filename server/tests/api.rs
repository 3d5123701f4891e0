//! The open data API over HTTP, against the seeded database.

mod common;

use common::TestApp;
use serde_json::Value;

fn find<'a>(items: &'a Value, key: &str, value: &str) -> &'a Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i[key] == value)
        .unwrap_or_else(|| panic!("no {key}={value}"))
}

#[tokio::test]
async fn departments_lists_the_nine_with_their_seeded_state() {
    let app = TestApp::spawn().await;
    let departments = app.json("/api/v1/departments").await;
    let codes: Vec<&str> = departments
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["BO-L", "BO-O", "BO-P", "BO-C", "BO-H", "BO-T", "BO-S", "BO-B", "BO-N"]
    );

    let la_paz = find(&departments, "code", "BO-L");
    let plan = find(&la_paz["requirements"], "requirement", "action-plan");
    assert_eq!(plan["status"], "missing");
    assert_eq!(plan["evidence_level"], "reported");
    assert_eq!(plan["sources"][0]["author"], "Defensoría del Pueblo");
    assert_eq!(plan["sources"][0]["publisher"], "InSight Crime");
    assert!(la_paz.get("history").is_none(), "the list omits history");

    let tarija = find(&departments, "code", "BO-T");
    let plan = find(&tarija["requirements"], "requirement", "action-plan");
    assert_eq!(plan["status"], "in-force");
    assert_eq!(plan["valid_until"], "2028");
    assert_eq!(plan["status_since"], "2023-03");
    assert_eq!(
        plan["sources"].as_array().unwrap().len(),
        2,
        "both sources of Tarija's plan"
    );

    let missing_shelters: Vec<&str> = departments
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| find(&d["requirements"], "requirement", "shelter")["status"] == "missing")
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(missing_shelters, ["BO-O", "BO-H", "BO-T", "BO-B", "BO-N"]);
}

#[tokio::test]
async fn one_department_has_its_history_in_order() {
    let app = TestApp::spawn().await;
    let tarija = app.json("/api/v1/departments/bo-t").await;
    assert_eq!(tarija["code"], "BO-T");
    let plan_claims: Vec<&Value> = tarija["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["requirement"] == "action-plan")
        .collect();
    assert_eq!(plan_claims.len(), 2);
    assert_eq!(plan_claims[0]["source"]["author"], "Defensoría del Pueblo");
    assert_eq!(plan_claims[1]["source"]["author"], "El País (Tarija)");
    assert!(plan_claims[0]["recorded_at"].as_str() < plan_claims[1]["recorded_at"].as_str());

    let la_paz = app.json("/api/v1/departments/BO-L").await;
    let shelter_claims: Vec<&Value> = la_paz["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["requirement"] == "shelter")
        .collect();
    assert_eq!(
        shelter_claims.len(),
        2,
        "La Paz's shelter: the Ombudsman, then the 2023 TIP report"
    );
    assert_eq!(shelter_claims[1]["status"], "in-force");
}

#[tokio::test]
async fn unknown_department_is_a_json_404() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/v1/departments/BO-X").await;
    assert_eq!(response.status(), 404);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "not_found");
}

#[tokio::test]
async fn gaps_are_most_severe_first_and_explained() {
    let app = TestApp::spawn().await;
    let gaps = app.json("/api/v1/gaps").await;
    let rank = |s: &str| {
        ["critical", "warning", "notice"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    let severities: Vec<usize> = gaps
        .as_array()
        .unwrap()
        .iter()
        .map(|g| rank(g["severity"].as_str().unwrap()))
        .collect();
    assert!(
        severities.windows(2).all(|w| w[0] <= w[1]),
        "sorted by severity: {severities:?}"
    );

    let la_paz_missing = gaps
        .as_array()
        .unwrap()
        .iter()
        .find(|g| {
            g["department"] == "BO-L" && g["requirement"] == "action-plan" && g["kind"] == "missing"
        })
        .expect("La Paz lacks a plan");
    assert_eq!(la_paz_missing["severity"], "critical");
    assert_eq!(la_paz_missing["since"], "2020-02-18");
    assert_eq!(
        la_paz_missing["message"],
        "La Paz no tiene plan departamental contra la trata y tráfico de personas, según Defensoría del Pueblo (2020)."
    );
}

#[tokio::test]
async fn gaps_filter_and_reject_bad_values() {
    let app = TestApp::spawn().await;
    let pando = app
        .json("/api/v1/gaps?department=BO-N&severity=critical")
        .await;
    let kinds: Vec<(&str, &str)> = pando
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["requirement"].as_str().unwrap(),
                g["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(kinds, [("action-plan", "missing"), ("shelter", "missing")]);

    let stale = app.json("/api/v1/gaps?kind=unverified").await;
    assert_eq!(
        stale.as_array().unwrap().len(),
        7 + 4,
        "seven implied plans and four reported shelters"
    );

    for bad in [
        "kind=nope",
        "severity=urgent",
        "department=BO-Z",
        "lang=fr",
        "kind=%FF",
    ] {
        let response = app.get(&format!("/api/v1/gaps?{bad}")).await;
        assert_eq!(response.status(), 400, "{bad}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"], "bad_request");
    }
}

#[tokio::test]
async fn messages_follow_the_language() {
    let app = TestApp::spawn().await;
    let english = app
        .json("/api/v1/gaps?department=BO-L&kind=missing&lang=en")
        .await;
    assert_eq!(
        english[0]["message"],
        "La Paz has no departmental action plan against human trafficking, according to Defensoría del Pueblo (2020)."
    );
    let by_header: Value = app
        .get_with(
            "/api/v1/gaps?department=BO-L&kind=missing",
            "accept-language",
            "en-GB,en;q=0.9",
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_header[0]["message"], english[0]["message"]);
}

#[tokio::test]
async fn export_csv_has_one_row_per_department_and_requirement() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/v1/export.csv").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let body = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "department_code",
            "requirement",
            "status",
            "status_since",
            "due_date",
            "valid_until",
            "approving_instrument",
            "evidence_level",
            "last_claim_date",
            "source_url"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 18);
    let tarija_plan = rows
        .iter()
        .find(|r| &r[0] == "BO-T" && &r[1] == "action-plan")
        .unwrap();
    assert_eq!(&tarija_plan[2], "in-force");
    assert_eq!(&tarija_plan[5], "2028");
    assert_eq!(&tarija_plan[8], "2023-03-23");
    assert!(tarija_plan[9].contains("elpais.bo"));
}

#[tokio::test]
async fn claims_csv_lists_every_claim() {
    let app = TestApp::spawn().await;
    let body = app.get("/api/v1/claims.csv").await.text().await.unwrap();
    let rows = csv::Reader::from_reader(body.as_bytes()).records().count();
    // 9 plans + Tarija's second + 9 shelters + La Paz's second.
    assert_eq!(rows, 20);
}

#[tokio::test]
async fn openapi_describes_every_public_endpoint() {
    let app = TestApp::spawn().await;
    let spec = app.json("/api/openapi.json").await;
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/departments",
        "/api/v1/departments/{code}",
        "/api/v1/gaps",
        "/api/v1/export.csv",
        "/api/v1/claims.csv",
        "/api/openapi.json",
        "/healthz",
    ] {
        assert!(spec["paths"].get(path).is_some(), "{path} is documented");
    }
}

#[tokio::test]
async fn unknown_api_paths_answer_json_not_html() {
    let app = TestApp::spawn().await;
    for path in ["/api/v2/departments", "/api/nothing", "/api"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let body: Value = response.json().await.expect("JSON, not HTML");
        assert_eq!(body["error"], "not_found");
    }
}

#[tokio::test]
async fn etag_is_stable_across_encodings_and_answers_304() {
    let app = TestApp::spawn().await;
    let plain = app.get("/api/v1/departments").await;
    let etag = plain.headers()["etag"].to_str().unwrap().to_owned();
    let gzip = app
        .get_with("/api/v1/departments", "accept-encoding", "gzip")
        .await;
    assert_eq!(gzip.headers()["content-encoding"], "gzip");
    assert_eq!(gzip.headers()["etag"].to_str().unwrap(), etag);
    let again = app
        .get_with("/api/v1/departments", "if-none-match", &etag)
        .await;
    assert_eq!(again.status(), 304);
    let other = app
        .get_with("/api/v1/departments", "if-none-match", "\"something-else\"")
        .await;
    assert_eq!(other.status(), 200);
}

#[tokio::test]
async fn health_and_metrics() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/healthz").await.status(), 200);
    app.get("/api/v1/gaps").await;
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(
        metrics.contains(
            "vigia_http_requests_total{method=\"GET\",route=\"/api/v1/gaps\",status=\"200\"} 1"
        ),
        "{metrics}"
    );
    assert!(metrics.contains("vigia_db_pool_connections"));
}
