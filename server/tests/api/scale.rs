//! A record of 20,000 claims, as years of use will leave it: its pages render, its history
//! pages, and its claims export streams. Timings are bench/scale's business; this checks that
//! the code paths built for size work at size.

use serde_json::{json, Value};

use crate::helpers::{settings_in, timeline_table_days, TestApp};

const CLAIMS: usize = 20_000;

/// A small deterministic generator (no seed files, no extra dependency): xorshift.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The rows of one table of an export, by column name.
fn row(columns: &[String], values: &[(&str, Value)]) -> Value {
    let cell = |name: &String| {
        values
            .iter()
            .find(|(n, _)| n == name)
            .map_or(Value::Null, |(_, v)| v.clone())
    };
    Value::Array(columns.iter().map(cell).collect())
}

/// `seed` (a `vigia export`) grown to `CLAIMS` claims spread over 2013 – 2026, the nine
/// departments and both requirements, each with a source of its own and its audit entry.
fn grown(seed: &str) -> String {
    let seed_claims = seed
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|header| header["table"] == "claims")
        .and_then(|header| header["rows"].as_u64())
        .unwrap() as usize;
    let mut lines = seed.lines();
    let mut out = vec![lines.next().unwrap().to_owned()];
    let mut dice = Dice(37);
    let codes = [
        "BO-L", "BO-C", "BO-S", "BO-O", "BO-P", "BO-H", "BO-T", "BO-B", "BO-N",
    ];
    let statuses = ["missing", "in-preparation", "in-force", "expired"];
    // Far above the seed's ids, so nothing collides.
    let first = 1_000;
    while let Some(line) = lines.next() {
        let mut header: Value = serde_json::from_str(line).unwrap();
        let count = header["rows"].as_u64().unwrap() as usize;
        let mut rows: Vec<String> = (0..count)
            .map(|_| lines.next().unwrap().to_owned())
            .collect();
        let columns: Vec<String> = serde_json::from_value(header["columns"].clone()).unwrap();
        let table = header["table"].as_str().unwrap().to_owned();
        // Each claim adds a row to these three tables; the seed's claims stay.
        let grows = ["sources", "claims", "audit_log"].contains(&table.as_str());
        let added = if grows { CLAIMS - seed_claims } else { 0 };
        for n in 0..added {
            let id = (first + n) as i64;
            let (year, month, day) = (
                2013 + dice.below(14),
                1 + dice.below(12),
                1 + dice.below(28),
            );
            let event = format!("{year}-{month:02}-{day:02}");
            let code = codes[dice.below(9)];
            let requirement = ["action-plan", "shelter"][dice.below(2)];
            let status = statuses[dice.below(4)];
            // Recorded before the test clock's today, so the data files hold them too.
            let at = format!("2025-0{}-{:02}T12:00:00Z", 1 + n % 5, 1 + n % 28);
            let values: Vec<(&str, Value)> = match table.as_str() {
                "sources" => vec![
                    ("id", json!(id)),
                    ("author", json!(format!("Fuente {}", id % 97))),
                    ("date", json!(event)),
                    ("title", json!(format!("Informe {id}"))),
                    ("url", json!(format!("https://example.org/informes/{id}"))),
                ],
                "claims" => {
                    let mut values = vec![
                        ("id", json!(id)),
                        ("basis", json!("stated")),
                        ("department", json!(code)),
                        ("requirement", json!(requirement)),
                        ("status", json!(status)),
                        ("event_date", json!(event)),
                        ("evidence_level", json!("reported")),
                        ("note_es", json!(format!("Afirmación {id}"))),
                        ("note_en", json!(format!("Claim {id}"))),
                        ("recorded_at", json!(at)),
                        ("source_id", json!(id)),
                    ];
                    for q in ["q_financing", "q_indicators", "q_published"] {
                        values.push((q, json!("unknown")));
                    }
                    values.push(("q_responsible", json!("unknown")));
                    values.push(("q_timetable", json!("unknown")));
                    values
                }
                "audit_log" => vec![
                    ("id", json!(id)),
                    ("action", json!("claim-recorded")),
                    ("at", json!(at)),
                    ("department", json!(code)),
                    ("requirement", json!(requirement)),
                    ("reason", json!(format!("Afirmación {id}"))),
                    ("subject", json!(format!("claim:{id}"))),
                ],
                _ => unreachable!("only {table:?} grows"),
            };
            rows.push(row(&columns, &values).to_string());
        }
        header["rows"] = json!(rows.len());
        out.push(header.to_string());
        out.extend(rows);
    }
    out.join("\n") + "\n"
}

/// A server on a fresh SQLite database holding the grown record, imported as `vigia import`
/// imports.
async fn app_with_a_large_record() -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = |name: &str| {
        let mut settings = settings_in(dir.path());
        settings.database_url = format!("sqlite://{}/{name}.db?mode=rwc", dir.path().display());
        settings
    };
    let seed = sqlite("seed");
    vigia_server::prepare_database(&seed, &crate::helpers::clock())
        .await
        .unwrap();
    let seed_export = dir.path().join("seed.jsonl");
    vigia_server::cli::export(&seed, &seed_export)
        .await
        .unwrap();
    let record = dir.path().join("record.jsonl");
    std::fs::write(
        &record,
        grown(&std::fs::read_to_string(&seed_export).unwrap()),
    )
    .unwrap();
    let large = sqlite("large");
    vigia_server::cli::import(&large, &record).await.unwrap();
    let url = large.database_url.clone();
    (
        TestApp::spawn_with(move |s| s.database_url = url).await,
        dir,
    )
}

/// Too many steps to draw or list one by one: `/` draws months and lists the latest steps,
/// and the data file holds every one of them, ending with those the table lists.
async fn the_timeline_shows_its_latest_steps_and_offers_them_all(app: &TestApp, home: &str) {
    assert!(home.contains("el gráfico dibuja cada mes como estaba en su último día"));
    assert!(home.contains(r#"href="/data/spreadsheet/timeline.csv""#));
    let listed = timeline_table_days(home);
    assert_eq!(listed.len(), 30, "the latest steps only");
    let csv = app.get("/data/timeline.csv").await.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let plan_days: Vec<String> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[0] == "action-plan")
        .map(|r| r[2].to_owned())
        .collect();
    assert!(plan_days.len() > 120, "{} steps", plan_days.len());
    assert!(
        home.contains(&format!("de {}.", plan_days.len())),
        "the note counts them all"
    );
    let latest: Vec<String> = plan_days.iter().rev().take(30).cloned().collect();
    assert_eq!(listed, latest);
    assert!(home.len() < 300_000, "/ is {} bytes", home.len());
}

fn ids(entries: &Value, id: &str) -> Vec<i64> {
    entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e[id].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_record_of_twenty_thousand_claims_renders_pages_and_streams_exports() {
    let (app, _dir) = app_with_a_large_record().await;
    assert_eq!(app.claim_count().await, CLAIMS);

    for path in [
        "/",
        "/departments/BO-N",
        "/departments/BO-N?page=3",
        "/gaps",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
    }
    let home = app.html("/").await;
    assert!(home.contains("De los 9 departamentos"));
    the_timeline_shows_its_latest_steps_and_offers_them_all(&app, &home).await;
    let department = app.html("/departments/BO-N").await;
    assert!(department.contains("?page=2#history"), "the history pages");
    // Its strips draw months, each worded as it ended, and say so.
    assert!(department.contains("la franja muestra cada mes como estaba en su último día"));
    let strip_words: Vec<&str> = department
        .split(r#"class="strip-text""#)
        .skip(1)
        .filter_map(|rest| rest.split("</p>").next())
        .collect();
    assert_eq!(strip_words.len(), 2, "a strip per requirement");
    assert!(
        department.contains(r#"<details class="strip-words">"#),
        "the long words folded"
    );
    for words in strip_words {
        assert!(words.contains("a fines de "), "{words}");
        assert!(!words.contains("desde el "), "no month is worded as a day");
    }
    assert!(
        department.len() < 150_000,
        "the department page is {} bytes",
        department.len()
    );

    // The department's history: a page of the newest, then the next older page.
    let first = app.json("/api/v1/departments/BO-N").await;
    // Each record lists its newest sources and counts them all: no answer grows with the
    // record's years.
    for record in first["requirements"].as_array().unwrap() {
        assert_eq!(record["sources"].as_array().unwrap().len(), 20);
        assert!(
            record["sources_total"].as_u64().unwrap() > 1_000,
            "{record}"
        );
    }
    let every_department = app.get("/api/v1/departments").await.text().await.unwrap();
    assert!(
        every_department.len() < 150_000,
        "the departments' answer is {} bytes",
        every_department.len()
    );
    let newest = ids(&first["history"], "entry_id");
    assert_eq!(newest.len(), 50);
    assert!(newest.windows(2).all(|w| w[0] > w[1]), "newest first");
    assert_eq!(first["history_next"], "/api/v1/departments/BO-N?page=2");
    let second = app.json("/api/v1/departments/BO-N?page=2").await;
    let older = ids(&second["history"], "entry_id");
    assert_eq!(older.len(), 50);
    assert!(
        older[0] < newest[49],
        "the second page goes on where the first ended"
    );

    let first = app.json("/api/v1/history").await;
    let second = app.json("/api/v1/history?page=2").await;
    let (first, second) = (
        ids(&first["entries"], "entry_id"),
        ids(&second["entries"], "entry_id"),
    );
    assert_eq!((first.len(), second.len()), (50, 50));
    assert!(second[0] < first[49]);

    // The claims export streams (no length known before it is sent) and holds every claim
    // once, oldest first.
    let response = app.get("/api/v1/claims.csv").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.content_length().is_none(),
        "streamed, not built whole"
    );
    let text = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let claim_ids: Vec<i64> = reader
        .records()
        .map(|r| r.unwrap()[0].parse().unwrap())
        .collect();
    assert_eq!(claim_ids.len(), CLAIMS);
    assert!(claim_ids.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(app.get("/api/v1/export.csv").await.status(), 200);
}
