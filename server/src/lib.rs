//! Vigía's server: settings, persistence, the open data API and the rendered pages.
//! `main.rs` is a thin wrapper; tests build the same [`Application`] on port 0.

pub mod alerts;
pub mod api;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod feeds;
pub mod follow;
pub mod http;
pub mod open_data;
pub mod present;
pub mod settings;
pub mod signing;
pub mod telemetry;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

pub use http::state::AppState;
use settings::Settings;

/// Connects, migrates and seeds an empty database (or corrects one seeded from an earlier
/// revision of the cited data); the pool, for the commands that move whole databases.
pub async fn prepare_database(
    settings: &Settings,
    clock: &dyn vigia::Clock,
) -> anyhow::Result<vigia_store::db::Pool> {
    std::fs::create_dir_all(&settings.data_dir)?;
    Ok(vigia_store::prepare(&settings.database_url, clock).await?)
}

/// A bound, ready-to-serve Vigía.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    auth: http::AuthLayer,
    address: SocketAddr,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let clock = clock::from_settings(settings.today);
        let store = Arc::new(open_store(&settings, clock.clone()).await?);
        // Loaded before the first request, not by it: at 20,000 claims this is most of a
        // second the first visitor would otherwise wait.
        vigia::ports::ComplianceReader::snapshot(store.as_ref()).await?;
        store.watch_version();
        alerts::scheduler::spawn(store.clone(), clock.clone(), settings.alerts_hour);
        let listener = TcpListener::bind(settings.site_addr).await?;
        let address = listener.local_addr()?;
        let public_url = http::state::public_url(&settings, address);
        let signer = signing::Signer::load(&store).await?;
        let worker = Arc::new(alerts::worker::Worker::new(
            store.clone(),
            &settings,
            &public_url,
            signer.clone(),
        )?);
        if settings.delivery_loop {
            worker.clone().spawn();
        }
        let state = AppState::new(settings, store, clock, address, worker, signer);
        let auth = auth_layer(&state).await?;
        state.prune_limits_regularly();
        Ok(Self {
            listener,
            state,
            auth,
            address,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The alerts worker, for whoever drives it when its loop is off.
    pub fn worker(&self) -> Arc<alerts::worker::Worker> {
        self.state.alerts.clone()
    }

    /// Serves until `shutdown` resolves, then finishes the requests in flight.
    pub async fn run_until_stopped(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let service = http::router(self.state.clone(), self.auth);
        http::connections::serve(self.listener, service, self.state, shutdown).await
    }
}

/// The store over a prepared database and the documents folder.
pub async fn open_store(
    settings: &Settings,
    clock: Arc<dyn vigia::Clock>,
) -> anyhow::Result<vigia_store::Store> {
    Ok(vigia_store::open(&settings.database_url, &settings.data_dir, clock).await?)
}

/// Sessions stored in the database, expiring after inactivity, and axum-login on top.
async fn auth_layer(state: &AppState) -> anyhow::Result<http::AuthLayer> {
    use tower_sessions::{cookie::SameSite, Expiry, SessionManagerLayer};
    let settings = &state.settings;
    let store = auth::sessions::Sessions::open(&settings.database_url).await?;
    let cleaner = store.clone();
    tokio::spawn(async move {
        use tower_sessions::ExpiredDeletion;
        let every = tokio::time::Duration::from_secs(3600);
        if let Err(error) = cleaner.continuously_delete_expired(every).await {
            tracing::error!(error = ?error, "expired-session cleanup stopped");
        }
    });
    let sessions = SessionManagerLayer::new(store)
        .with_name(http::SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(settings.secure_cookies)
        .with_expiry(Expiry::OnInactivity(
            tower_sessions::cookie::time::Duration::hours(8),
        ));
    let backend = auth::Backend::new(state.store.clone(), state.hasher.clone());
    Ok(axum_login::AuthManagerLayerBuilder::new(backend, sessions).build())
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
