//! The open data API over HTTP, against the seeded database.

use crate::helpers::TestApp;
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
    assert_eq!(plan["basis"], "stated");
    assert_eq!(plan["event_date"], "2020");
    assert_eq!(plan["evidence_level"], "reported");
    assert_eq!(plan["sources"][0]["author"], "InSight Crime");
    assert_eq!(plan["sources"][0]["outlet"], Value::Null);
    assert_eq!(
        plan["sources"][0]["attribution"],
        "el análisis de InSight Crime"
    );
    assert!(la_paz.get("history").is_none(), "the list omits history");

    let tarija = find(&departments, "code", "BO-T");
    let plan = find(&tarija["requirements"], "requirement", "action-plan");
    assert_eq!(
        plan["status"], "in-force",
        "El Andaluz, September 2024: a five-year plan being carried out"
    );
    assert_eq!(plan["valid_until"], "2025", "the newest source's end");
    assert_eq!(plan["status_since"], Value::Null, "it gives no start");
    let authors: Vec<&str> = plan["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["author"].as_str().unwrap())
        .collect();
    assert_eq!(
        authors,
        ["El Andaluz", "El País (Tarija)", "InSight Crime", "FIIAPP"],
        "every source of Tarija's plan, the current one first"
    );
    assert_eq!(plan["sources_total"], 4);

    for code in ["BO-O", "BO-P", "BO-C", "BO-H", "BO-S", "BO-B"] {
        let department = find(&departments, "code", code);
        let plan = find(&department["requirements"], "requirement", "action-plan");
        assert_eq!(
            (&plan["status"], &plan["basis"]),
            (&Value::from("unknown"), &Value::from("inferred")),
            "{code}"
        );
    }

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
    let told: Vec<(&str, &str, &str)> = plan_claims
        .iter()
        .map(|c| {
            (
                c["source"]["author"].as_str().unwrap(),
                c["status"].as_str().unwrap(),
                c["event_date"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        told,
        [
            ("El Andaluz", "in-force", "2024-09-24"),
            ("El País (Tarija)", "in-force", "2023-03-22"),
            ("FIIAPP", "in-preparation", "2018-03-23"),
            ("FIIAPP", "in-force", "2017"),
            ("InSight Crime", "unknown", "2020"),
        ],
        "the last recorded first, each with the moment it describes"
    );
    assert_eq!(plan_claims[4]["basis"], "inferred");
    assert_eq!(
        plan_claims[1]["quote"],
        "Todas las instituciones involucradas acudieron a la sesión del Consejo Departamental y aprobaron el plan, que asigna a cada una de ellas tareas específicas en prevención"
    );
    assert_eq!(plan_claims[1]["valid_until"], "2028");

    let la_paz = app.json("/api/v1/departments/BO-L").await;
    let shelter_claims: Vec<&Value> = la_paz["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["requirement"] == "shelter")
        .collect();
    let statuses: Vec<(&str, &str)> = shelter_claims
        .iter()
        .map(|c| (c["status"].as_str().unwrap(), c["basis"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("in-force", "stated"),
            ("unknown", "inferred"),
            ("in-force", "stated")
        ],
        "La Paz's shelter: the Ombudsman in 2020, the 2023 TIP report, La Octava in 2025"
    );
    assert_eq!(
        shelter_claims[1]["source"]["title"],
        "2023 Trafficking in Persons Report: Bolivia"
    );
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
    assert_eq!(
        la_paz_missing["since"], "2020",
        "at the precision the source gives"
    );
    assert_eq!(
        la_paz_missing["message"],
        "En 2020, La Paz no tenía plan departamental contra la trata y tráfico de personas, según el análisis de InSight Crime."
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

    let inferred = app.json("/api/v1/gaps?kind=inferred").await;
    let departments: Vec<&str> = inferred
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["department"].as_str().unwrap())
        .collect();
    assert_eq!(
        departments,
        ["BO-O", "BO-P", "BO-C", "BO-H", "BO-S", "BO-B"],
        "the plans nobody states, Tarija's aside (articles of 2018, 2023 and 2024 state it)"
    );
    let unverified = app.json("/api/v1/gaps?kind=unverified").await;
    assert_eq!(
        unverified.as_array().unwrap().len(),
        5,
        "the four shelters reported operating and Tarija's plan, none checked against a document"
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
        "In 2020, La Paz had no departmental action plan against human trafficking, according to InSight Crime's analysis."
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
            "source_url",
            "basis",
            "event_date",
            "source_author",
            "source_publisher",
            "source_title",
            "source_date",
        ],
        "the original ten columns first, the added ones after"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 18);
    let tarija_plan = rows
        .iter()
        .find(|r| &r[0] == "BO-T" && &r[1] == "action-plan")
        .unwrap();
    assert_eq!(&tarija_plan[2], "in-force");
    assert_eq!(&tarija_plan[5], "2025");
    assert_eq!(
        &tarija_plan[8], "2025-06-01",
        "recorded on the (test) day of the first start"
    );
    assert!(tarija_plan[9].contains("elandaluz.com.bo"));
    assert_eq!(
        (&tarija_plan[10], &tarija_plan[11]),
        ("stated", "2024-09-24")
    );
    assert_eq!(&tarija_plan[15], "2024-09-24");
}

#[tokio::test]
async fn claims_csv_lists_every_claim() {
    let app = TestApp::spawn().await;
    let body = app.get("/api/v1/claims.csv").await.text().await.unwrap();
    let rows = csv::Reader::from_reader(body.as_bytes()).records().count();
    // 9 plans + Tarija's second to fifth + 9 shelters + La Paz's second and third.
    assert_eq!(rows, 24);
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

#[tokio::test]
async fn public_sentences_name_who_said_it_and_when() {
    let app = TestApp::spawn().await;
    let message = |gaps: &Value| gaps[0]["message"].as_str().unwrap().to_owned();
    let pando = app.json("/api/v1/gaps?department=BO-N&kind=missing").await;
    let plan_gap = pando
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["requirement"] == "action-plan")
        .unwrap();
    assert_eq!(
        plan_gap["message"],
        "En 2020, Pando no tenía plan departamental contra la trata y tráfico de personas, según el análisis de InSight Crime."
    );
    let tarija = app
        .json("/api/v1/gaps?department=BO-T&kind=unverified")
        .await;
    assert_eq!(
        message(&tarija),
        "Que Tarija tenga plan departamental contra la trata y tráfico de personas vigente solo lo informa El Andaluz (24 de septiembre de 2024); nadie lo verificó con el documento."
    );
    let la_paz = app
        .json("/api/v1/gaps?department=BO-L&kind=unverified&lang=en")
        .await;
    assert!(
        message(&la_paz)
            .contains("La Paz's departmental government, as reported by La Octava (30 April 2025)"),
        "{}",
        message(&la_paz)
    );
}

#[tokio::test]
async fn as_of_shows_what_could_be_known_that_day() {
    let app = TestApp::spawn().await;
    let plan_status = |department: &Value| {
        find(&department["requirements"], "requirement", "action-plan")["status"].clone()
    };
    // InSight Crime's article is dated only to 2020: it counts once 2020 is over.
    let march_2020 = app.json("/api/v1/departments/BO-L?as_of=2020-03-01").await;
    assert_eq!(plan_status(&march_2020), "unknown");
    assert_eq!(
        find(&march_2020["requirements"], "requirement", "shelter")["status"],
        "in-force",
        "La Razón's 19 February article was out"
    );
    let next_year = app.json("/api/v1/departments/BO-L?as_of=2021-01-01").await;
    assert_eq!(plan_status(&next_year), "missing");

    let page = app.html("/?as_of=2030-01-01").await;
    assert!(page.contains("es hoy o posterior: se muestra el estado de hoy"));
    let today = app.json("/api/v1/departments/BO-L").await;
    let future = app.json("/api/v1/departments/BO-L?as_of=2030-01-01").await;
    assert_eq!(today["requirements"], future["requirements"]);
}

#[tokio::test]
async fn the_gaps_csv_is_the_filtered_json_list() {
    let app = TestApp::spawn().await;
    for query in [
        "",
        "?department=BO-N&severity=critical",
        "?kind=stale&lang=en",
    ] {
        let json = app.json(&format!("/api/v1/gaps{query}")).await;
        let response = app.get(&format!("/api/v1/gaps.csv{query}")).await;
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        let body = response.text().await.unwrap();
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let list = json.as_array().unwrap();
        let keys: Vec<String> = list[0].as_object().unwrap().keys().cloned().collect();
        let mut sorted_header = header.clone();
        sorted_header.sort();
        let mut sorted_keys = keys.clone();
        sorted_keys.sort();
        assert_eq!(sorted_header, sorted_keys, "the same columns as the JSON");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), list.len(), "{query}");
        for (row, gap) in rows.iter().zip(list) {
            for (column, value) in header.iter().zip(row.iter()) {
                assert_eq!(
                    gap[column].as_str().unwrap_or_default(),
                    value,
                    "{query} {column}"
                );
            }
        }
    }
    assert_eq!(
        app.get("/api/v1/gaps.csv?severity=bogus").await.status(),
        400
    );
}
