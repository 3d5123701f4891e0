//! Starts a real Vigía on port 0 with a fresh SQLite file, and talks HTTP to it.
// Each test binary uses a different part of these helpers.
#![allow(dead_code)]

use std::net::SocketAddr;

use vigia_server::settings::{LogFormat, Settings};
use vigia_server::Application;

/// The date the gap rules see in tests, so expected gaps never drift with the calendar.
pub const TEST_TODAY: &str = "2025-06-01";

pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    _data: tempfile::TempDir,
}

pub fn settings_in(dir: &std::path::Path) -> Settings {
    Settings {
        database_url: format!("sqlite://{}/vigia.db?mode=rwc", dir.display()),
        site_addr: "127.0.0.1:0".parse().unwrap(),
        site_root: "target/site".into(),
        data_dir: dir.join("files"),
        log_format: LogFormat::Text,
        log_filter: "warn".into(),
        today: Some(TEST_TODAY.parse().unwrap()),
        public_url: Some("http://vigia.test".into()),
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        let data = tempfile::tempdir().expect("temp dir");
        let app = Application::build(settings_in(data.path()))
            .await
            .expect("app builds");
        let address = app.address();
        tokio::spawn(app.run_until_stopped(std::future::pending()));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        TestApp {
            address,
            client,
            _data: data,
        }
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
