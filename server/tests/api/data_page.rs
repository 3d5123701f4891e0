//! `/data`: the files journalists download (CSV for spreadsheets with a byte-order mark and
//! names, CSV for programs, one workbook) and the data package descriptor, each for a version.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;

use crate::helpers::{timeline_table_days, TestApp, TEST_TODAY};

const BOM: &[u8] = "\u{feff}".as_bytes();

async fn bytes(app: &TestApp, path: &str) -> (u16, Vec<u8>) {
    let answer = app.get(path).await;
    let status = answer.status().as_u16();
    (status, answer.bytes().await.unwrap().to_vec())
}

fn csv_rows(body: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn spreadsheets_get_a_byte_order_mark_and_names_beside_the_codes() {
    let app = TestApp::spawn().await;
    let (status, body) = bytes(&app, "/data/spreadsheet/records.csv").await;
    assert_eq!(status, 200);
    assert!(body.starts_with(BOM), "Excel reads it as UTF-8");
    let rows = csv_rows(&body[BOM.len()..]);
    assert_eq!(
        rows[0][..3],
        ["department_code", "department_code_name", "requirement"]
    );
    let la_paz_plan = rows
        .iter()
        .find(|r| r[0] == "BO-L" && r[2] == "action-plan")
        .expect("La Paz's plan");
    assert_eq!(la_paz_plan[1], "La Paz");
    let status_at = rows[0].iter().position(|c| c == "status_es").unwrap();
    assert_eq!(la_paz_plan[status_at - 1], "missing");
    assert_eq!(la_paz_plan[status_at], "sin plan");
    assert_eq!(la_paz_plan[status_at + 1], "no plan");

    // For programs: no mark, codes only, the same as the API's export.
    let (_, plain) = bytes(&app, "/data/records.csv").await;
    assert!(!plain.starts_with(BOM));
    let (_, api) = bytes(&app, "/api/v1/export.csv").await;
    assert_eq!(plain, api);
    let (_, claims) = bytes(&app, "/data/claims.csv").await;
    let (_, api_claims) = bytes(&app, "/api/v1/claims.csv").await;
    assert_eq!(claims, api_claims);
}

#[tokio::test]
async fn the_workbook_has_a_sheet_per_table_and_one_describing_the_columns() {
    let app = TestApp::spawn().await;
    let (status, body) = bytes(&app, "/data/vigia.xlsx").await;
    assert_eq!(status, 200);
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(body)).expect("an XLSX file");
    assert_eq!(
        workbook.sheet_names(),
        ["records", "claims", "gaps", "national", "timeline", "columnas"]
    );
    let (_, claims_csv) = bytes(&app, "/data/claims.csv").await;
    let claim_rows = csv_rows(&claims_csv);
    let claims = workbook.worksheet_range("claims").unwrap();
    assert_eq!(
        claims.height(),
        claim_rows.len(),
        "every claim, and the header"
    );
    assert_eq!(claims.get((0, 0)), Some(&Data::String("claim_id".into())));
    assert_eq!(
        claims.get((0, 2)),
        Some(&Data::String("department_code_name".into()))
    );
    let first_id: f64 = claim_rows[1][0].parse().unwrap();
    assert_eq!(
        claims.get((1, 0)),
        Some(&Data::Float(first_id)),
        "ids are numbers"
    );
    let columns = workbook.worksheet_range("columnas").unwrap();
    let described: Vec<String> = columns.rows().skip(1).map(|r| r[1].to_string()).collect();
    assert!(described.contains(&"recorded_at".to_owned()));
    let meaning = columns
        .rows()
        .find(|r| r[1] == "recorded_at")
        .map(|r| r[3].to_string())
        .unwrap();
    assert!(meaning.contains("Cuándo se registró"), "{meaning}");
}

#[tokio::test]
async fn the_data_package_describes_each_plain_csv_by_a_relative_path() {
    let app = TestApp::spawn().await;
    let package: Value = app.json("/data/datapackage.json").await;
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    assert!(package.get("profile").is_none(), "no remote profile");
    let version = package["version"].as_str().unwrap();
    assert!(version.starts_with(TEST_TODAY), "{version}");
    for resource in package["resources"].as_array().unwrap() {
        let path = resource["path"].as_str().unwrap();
        assert!(!path.contains('/'), "relative to the descriptor: {path}");
        let (status, body) = bytes(&app, &format!("/data/{path}")).await;
        assert_eq!(status, 200, "{path}");
        let header = &csv_rows(&body)[0];
        let fields: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, &fields, "{path}");
    }
}

#[tokio::test]
async fn a_version_holds_what_was_recorded_by_its_day_and_never_a_future_one() {
    let app = TestApp::spawn().await;
    // The seed was recorded on the test day: the day before holds none of its claims.
    let today: chrono::NaiveDate = TEST_TODAY.parse().unwrap();
    let yesterday = today.pred_opt().unwrap();
    let (status, before) = bytes(&app, &format!("/data/claims.csv?as_of={yesterday}")).await;
    assert_eq!(status, 200);
    assert_eq!(csv_rows(&before).len(), 1, "the header only");
    let (_, now) = bytes(&app, &format!("/data/claims.csv?as_of={today}")).await;
    let (_, plain) = bytes(&app, "/data/claims.csv").await;
    assert_eq!(now, plain, "today is the default");
    assert!(csv_rows(&now).len() > 10);

    let tomorrow = today.succ_opt().unwrap();
    let (status, _) = bytes(&app, &format!("/data/claims.csv?as_of={tomorrow}")).await;
    assert_eq!(status, 400);
    let (status, _) = bytes(&app, "/data/claims.csv?as_of=ayer").await;
    assert_eq!(status, 400);
    let (status, _) = bytes(&app, "/data/passwords.csv").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_data_page_offers_every_file_with_its_version_and_citation() {
    let app = TestApp::spawn().await;
    let page = app.html("/data").await;
    for file in ["records", "claims", "gaps", "national", "timeline"] {
        assert!(
            page.contains(&format!("/data/spreadsheet/{file}.csv?as_of={TEST_TODAY}")),
            "{file}"
        );
        assert!(
            page.contains(&format!("/data/{file}.csv?as_of={TEST_TODAY}")),
            "{file}"
        );
    }
    assert!(page.contains(&format!("/data/vigia.xlsx?as_of={TEST_TODAY}")));
    assert!(page.contains("Para programadores"));
    assert!(
        page.contains("Datos al"),
        "the date field says what its day means here"
    );
    assert!(
        page.contains(&format!("versión {TEST_TODAY}.")),
        "the citation names the version"
    );
    assert!(page.contains("<code>recorded_at</code>"), "the dictionary");
    let english = app.html("/data?lang=en").await;
    assert!(english.contains("How to cite this data"));
}

/// The timeline's file holds the series the chart on `/` draws: a row per step of each
/// requirement, every department counted once in each.
#[tokio::test]
async fn the_timeline_file_holds_every_step_the_home_page_lists() {
    let app = TestApp::spawn().await;
    let (status, body) = bytes(&app, "/data/timeline.csv").await;
    assert_eq!(status, 200);
    let rows = csv_rows(&body);
    assert_eq!(
        rows[0][..4],
        ["requirement", "changed_in", "shown_from", "missing"]
    );
    for row in &rows[1..] {
        let departments: usize = row[3..].iter().map(|n| n.parse::<usize>().unwrap()).sum();
        assert_eq!(departments, 9, "{row:?}");
    }
    let mut plan_days: Vec<String> = rows[1..]
        .iter()
        .filter(|r| r[0] == "action-plan")
        .map(|r| r[2].clone())
        .collect();
    assert!(!plan_days.is_empty());
    assert!(rows[1..].iter().any(|r| r[0] == "shelter"));
    plan_days.reverse();
    let home = app.html("/").await;
    assert_eq!(timeline_table_days(&home), plan_days);
    // Few steps: every one is drawn and listed, with no note about months.
    assert!(!home.contains("timeline.csv"));
    assert!(!home.contains("el gráfico dibuja cada mes"));
}

/// Files streamed to a browser are compressed with zstd when it accepts it (brotli took five
/// times as long on a large file), the same bytes once decoded; the workbook, a zip file
/// already, is sent as it is.
#[tokio::test]
async fn downloads_stream_in_zstd_to_browsers_and_the_workbook_as_it_is() {
    let app = TestApp::spawn().await;
    let browser = "gzip, deflate, br, zstd";
    let (_, plain) = bytes(&app, "/data/spreadsheet/claims.csv").await;
    let coded = app
        .get_with("/data/spreadsheet/claims.csv", "accept-encoding", browser)
        .await;
    assert_eq!(coded.headers()["content-encoding"], "zstd");
    let body = coded.bytes().await.unwrap();
    assert_eq!(zstd::decode_all(&body[..]).unwrap(), plain);
    let brotli_only = app
        .get_with(
            "/data/spreadsheet/claims.csv",
            "accept-encoding",
            "gzip, br",
        )
        .await;
    assert_eq!(brotli_only.headers()["content-encoding"], "br");
    let workbook = app
        .get_with("/data/vigia.xlsx", "accept-encoding", browser)
        .await;
    assert_eq!(workbook.status(), 200);
    assert!(workbook.headers().get("content-encoding").is_none());
}

/// Files are written to the data directory before they are sent, so a large record never
/// holds one whole in memory: nothing stays there after the download, a disk that cannot take
/// one is an error rather than a truncated file, and a failed build gives its place back.
#[tokio::test]
async fn data_files_pass_through_the_data_directory_and_leave_nothing_there() {
    let app = TestApp::spawn().await;
    let dir = app.settings.data_dir.clone();
    let listing = || {
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    for path in [
        "/data/vigia.xlsx",
        "/data/spreadsheet/claims.csv",
        "/data/claims.csv",
    ] {
        let answer = app.get(path).await;
        assert_eq!(answer.status(), 200, "{path}");
        let length: usize = answer.headers()["content-length"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        let body = answer.bytes().await.unwrap();
        assert_eq!(
            body.len(),
            length,
            "{path}: the length told before the file"
        );
    }
    assert_eq!(listing(), before, "nothing left behind");

    let away = dir.with_extension("away");
    std::fs::rename(&dir, &away).unwrap();
    // More failures than files are built at once.
    for _ in 0..3 {
        assert_eq!(app.get("/data/claims.csv").await.status(), 500);
    }
    let descriptor = app.get("/data/datapackage.json").await;
    assert_eq!(descriptor.status(), 200, "not written to disk");
    std::fs::rename(&away, &dir).unwrap();
    let (status, body) = bytes(&app, "/data/claims.csv").await;
    assert_eq!(status, 200, "every build's place given back");
    assert!(body.starts_with(b"claim_id,"));
}
