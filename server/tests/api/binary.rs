//! The real `vigia` binary, started as a separate process (to be killed, restarted, measured).

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::helpers::{settings_in, PASSWORD};

/// The real `vigia` binary on a database in `dir`, restartable on the same port.
pub struct Server {
    settings: vigia_server::settings::Settings,
    child: Option<Child>,
    port: u16,
    env: Vec<(String, String)>,
    /// Variables of this test process the server does not inherit.
    cleared: Vec<String>,
    log: std::path::PathBuf,
}

impl Server {
    pub fn new(dir: &std::path::Path, smtp: &str) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let settings = settings_in(dir);
        let env = [
            ("DATABASE_URL", settings.database_url.clone()),
            ("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}")),
            ("LEPTOS_SITE_ROOT", "target/site".into()),
            ("VIGIA_DATA_DIR", settings.data_dir.display().to_string()),
            ("VIGIA_TODAY", crate::helpers::TEST_TODAY.into()),
            ("VIGIA_PUBLIC_URL", "http://vigia.test".into()),
            ("VIGIA_SMTP_URL", smtp.into()),
            ("VIGIA_WEBHOOK_ALLOW_PRIVATE", "true".into()),
            ("VIGIA_DELIVERY_LEASE_SECS", "1".into()),
            ("VIGIA_DELIVERY_RETRY_MS", "100".into()),
            ("RUST_LOG", "warn".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        Self {
            settings,
            child: None,
            port,
            env,
            cleared: Vec::new(),
            log: dir.join("server.log"),
        }
    }

    /// Changes one setting for the next start.
    pub fn set(&mut self, name: &str, value: &str) {
        self.env.retain(|(k, _)| k != name);
        self.env.push((name.to_owned(), value.to_owned()));
    }

    /// Starts the next server without `name` in its environment, whatever this process has.
    pub fn clear(&mut self, name: &str) {
        self.env.retain(|(k, _)| k != name);
        self.cleared.push(name.to_owned());
    }

    pub async fn start(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_vigia"));
        for name in &self.cleared {
            command.env_remove(name);
        }
        let child = command
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("the server starts");
        self.child = Some(child);
        let health = format!("{}/healthz", self.url());
        for _ in 0..200 {
            if reqwest::get(&health).await.is_ok_and(|r| r.status() == 200) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the server did not come up: {}",
            std::fs::read_to_string(&self.log).unwrap_or_default()
        );
    }

    /// An officer for `departments`, signed in to this running server through the one-time
    /// link the command line makes (`store` opens the server's database).
    pub async fn officer(
        &self,
        store: &vigia_store::Store,
        departments: &[&str],
    ) -> reqwest::Client {
        let account = vigia_server::cli::NewAccount {
            email: "o@example.org".into(),
            role: "officer".into(),
            departments: departments.iter().map(|d| d.to_string()).collect(),
            name: "Officer".into(),
        };
        let link = vigia_server::cli::add_user(store, &self.settings, account)
            .await
            .unwrap();
        let token = link.split("token=").nth(1).unwrap().to_owned();
        let browser = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let set = browser
            .post(format!("{}/account/set-password", self.url()))
            .header("origin", self.url())
            .form(&[
                ("token", token.as_str()),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(set.status(), 303, "the officer signed in");
        browser
    }

    /// The process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("SIGKILL");
            child.wait().unwrap();
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// mimalloc reads its settings from the environment before the first allocation: the binary
/// puts the ones left unset there and starts itself again, as the same process, and leaves
/// the ones an operator set.
#[tokio::test]
async fn the_server_runs_with_mimallocs_settings_in_its_environment() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::new(dir.path(), "smtp://127.0.0.1:9");
    server.set("MIMALLOC_PURGE_DELAY", "10");
    server.clear("MIMALLOC_ARENA_EAGER_COMMIT");
    server.start().await;
    let pid = server.pid().unwrap();
    let environment = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
    let variables: Vec<&[u8]> = environment.split(|byte| *byte == 0).collect();
    assert!(variables.contains(&&b"MIMALLOC_ARENA_EAGER_COMMIT=0"[..]));
    assert!(variables.contains(&&b"MIMALLOC_PURGE_DELAY=10"[..]));
    assert!(
        variables.contains(&&b"RUST_LOG=warn"[..]),
        "the rest as it was"
    );
}
