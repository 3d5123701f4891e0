//! Starts a real Vigía on port 0 with a fresh database, and talks HTTP to it. The database
//! is a SQLite file in a temporary folder, or, when `VIGIA_TEST_POSTGRES_URL` names a
//! PostgreSQL server, a database of its own there, created for the test and dropped after.

use std::net::SocketAddr;

use vigia_server::settings::{ClientIpHeader, LogFormat, Settings};
use vigia_server::Application;

/// The password test accounts choose.
pub const PASSWORD: &str = "a long enough passphrase";

/// The date the gap rules see in tests, so expected gaps never drift with the calendar.
pub const TEST_TODAY: &str = "2025-06-01";

pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    pub settings: Settings,
    worker: std::sync::Arc<vigia_server::alerts::worker::Worker>,
    _database: Option<crate::engines::TestDatabase>,
    _data: tempfile::TempDir,
}

/// Settings for a server whose files (and SQLite database) live in `dir`; on PostgreSQL, the
/// database named after `dir` (created when missing).
pub fn settings_in(dir: &std::path::Path) -> Settings {
    Settings {
        database_url: crate::engines::database_url_for(dir),
        site_addr: "127.0.0.1:0".parse().unwrap(),
        site_root: "target/site".into(),
        data_dir: dir.join("files"),
        log_format: LogFormat::Text,
        log_filter: "warn".into(),
        today: Some(TEST_TODAY.parse().unwrap()),
        public_url: Some("http://vigia.test".into()),
        secure_cookies: false,
        trusted_proxies: Vec::new(),
        client_ip_header: ClientIpHeader::XForwardedFor,
        header_timeout_secs: 10,
        max_connections: None,
        max_connections_per_address: 64,
        data_downloads: 32,
        data_downloads_per_address: 4,
        password_hash_workers: None,
        password_hash_queue: 16,
        metrics_allow: vec!["127.0.0.0/8".parse().unwrap()],
        cache_bytes: 24 * 1024 * 1024,
        alerts_hour: 7,
        smtp_url: None,
        mail_from: "Vigía <alertas@vigia.test>".into(),
        unsubscribe_mailto: None,
        delivery_attempts: 14,
        delivery_retry_ms: 30_000,
        delivery_lease_secs: 300,
        webhook_allow_private: false,
        delivery_loop: true,
    }
}

/// The clock the test servers run on: real time moved to `TEST_TODAY`.
pub fn clock() -> vigia_server::clock::ShiftedClock {
    vigia_server::clock::ShiftedClock::starting_on(TEST_TODAY.parse().unwrap())
}

/// A pool on the database `settings` name, for what tests check underneath the store.
pub async fn pool_for(settings: &Settings) -> vigia_store::db::Pool {
    vigia_store::db::connect(&settings.database_url)
        .await
        .expect("the test database answers")
}

/// A migrated, seeded database in `dir`, as a server started there would have it.
pub async fn database_in(dir: &std::path::Path) -> vigia_store::db::Pool {
    vigia_server::prepare_database(&settings_in(dir), &clock())
        .await
        .expect("database prepared")
}

impl TestApp {
    /// The server's own database, for what tests check underneath the HTTP surface.
    pub async fn database(&self) -> vigia_store::db::Pool {
        vigia_server::prepare_database(&self.settings, &clock())
            .await
            .unwrap()
    }

    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// A server whose settings `adjust` changes first.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let data = tempfile::tempdir().expect("temp dir");
        let mut settings = settings_in(data.path());
        let database = crate::engines::TestDatabase::of(&settings.database_url);
        adjust(&mut settings);
        let app = Application::build(settings.clone())
            .await
            .expect("app builds");
        let address = app.address();
        let worker = app.worker();
        tokio::spawn(app.run_until_stopped(std::future::pending()));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        TestApp {
            address,
            client,
            settings,
            worker,
            _database: database,
            _data: data,
        }
    }

    /// Carries out the waiting subscription forms and sends every delivery that is due, as
    /// the delivery loop would, until nothing is left; for servers started with the loop off.
    pub async fn dispatch_all_pending(&self) {
        while self.worker.run_once().await.expect("the worker runs") > 0 {}
    }

    /// A browser-like client that keeps cookies, as a signed-in person's browser does.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// Creates an account through the same code as `vigia user add`; returns its link token.
    pub async fn add_user(&self, email: &str, role: &str, departments: &[&str]) -> String {
        let store = vigia_server::open_store(&self.settings, std::sync::Arc::new(clock()))
            .await
            .unwrap();
        let account = vigia_server::cli::NewAccount {
            email: email.into(),
            role: role.into(),
            departments: departments.iter().map(|d| d.to_string()).collect(),
            name: format!("Test {role}"),
        };
        let link = vigia_server::cli::add_user(&store, &self.settings, account)
            .await
            .unwrap();
        link.split("token=").nth(1).unwrap().to_owned()
    }

    /// The id of the account with this email.
    pub async fn user_id(&self, email: &str) -> i64 {
        let pool = self.database().await;
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&pool)
            .await
            .unwrap();
        id
    }

    /// Creates an account, sets its password through its link and returns its signed-in
    /// browser.
    pub async fn signed_in(
        &self,
        email: &str,
        role: &str,
        departments: &[&str],
    ) -> reqwest::Client {
        let token = self.add_user(email, role, departments).await;
        let browser = self.browser();
        let form = [
            ("token", token.as_str()),
            ("password", PASSWORD),
            ("confirm", PASSWORD),
        ];
        let response = self
            .post_form(&browser, "/account/set-password", &form)
            .await;
        assert_eq!(
            response.headers()["location"],
            "/dashboard",
            "{email} signed in"
        );
        browser
    }

    /// Where a form post sent the browser, and the page it shows there (once: a flash is
    /// shown on the first visit only).
    pub async fn next_page(
        &self,
        client: &reqwest::Client,
        response: reqwest::Response,
    ) -> (String, String) {
        assert_eq!(response.status(), 303, "a form post redirects");
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let html = self.html_as(client, &location).await;
        (location, html)
    }

    /// Posts a form from one of our own pages (the browser says so in Origin).
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(path))
            .header("origin", format!("http://{}", self.address))
            .form(form)
            .send()
            .await
            .expect("request sent")
    }

    /// Posts a multipart form (text fields and files) from one of our own pages.
    pub async fn post_multipart(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: reqwest::multipart::Form,
    ) -> reqwest::Response {
        client
            .post(self.url(path))
            .header("origin", format!("http://{}", self.address))
            .multipart(form)
            .send()
            .await
            .expect("request sent")
    }

    /// A signed-in client's view of a page.
    pub async fn html_as(&self, client: &reqwest::Client, path: &str) -> String {
        let response = client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent");
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.unwrap()
    }

    /// How many claims the public claims export lists.
    pub async fn claim_count(&self) -> usize {
        let body = self.get("/api/v1/claims.csv").await.text().await.unwrap();
        csv::Reader::from_reader(body.as_bytes()).records().count()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    pub async fn get_with(&self, path: &str, header: &str, value: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header(header, value)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn json(&self, path: &str) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.expect("JSON body")
    }

    pub async fn html(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.unwrap()
    }
}

/// The words of a page or SVG as a reader meets them: tags as spaces, whitespace collapsed
/// (an image wraps its lines into separate `<text>` elements).
pub fn words(markup: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The days the timeline's table on `/` links to, newest first.
pub fn timeline_table_days(home: &str) -> Vec<String> {
    let table = home
        .split(r#"class="timeline-data""#)
        .nth(1)
        .and_then(|rest| rest.split("</details>").next())
        .expect("the timeline's table");
    table
        .split(r#"href="/?as_of="#)
        .skip(1)
        .map(|link| link[..10].to_owned())
        .collect()
}

/// A fresh server, and the record it was seeded with.
pub async fn seeded() -> (TestApp, vigia::Snapshot) {
    let app = TestApp::spawn().await;
    let snapshot = vigia_store::db::load_snapshot(&app.database().await)
        .await
        .unwrap();
    (app, snapshot)
}

/// Every source the record cites anywhere: claims, national figures, requirements' legal bases.
pub fn cited_sources(snapshot: &vigia::Snapshot) -> Vec<&vigia::Source> {
    snapshot
        .claims
        .iter()
        .map(|c| &c.source)
        .chain(snapshot.national.iter().filter_map(|f| f.source.as_ref()))
        .chain(
            snapshot
                .requirements
                .iter()
                .flat_map(|r| r.legal_basis_sources.iter()),
        )
        .collect()
}

/// The id of the first suggestion listed on a moderation page.
pub fn first_suggestion_id(queue: &str) -> String {
    queue
        .split("id=\"suggestion-")
        .nth(1)
        .expect("a suggestion is listed")
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}
