//! The state every handler shares.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use std::net::{IpAddr, SocketAddr};
use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use crate::alerts::worker::Worker;
use crate::auth::Hasher;
use crate::http::cache::PageCache;
use crate::http::metrics::{Metrics, Refusal};
use crate::settings::Settings;
use crate::signing::Signer;
use vigia::ports::WriteError;
use vigia_store::{RateLimit, Store};

/// Cheap to clone (one reference count), which matters: axum clones the state for every
/// middleware of every request.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub store: Arc<Store>,
    pub clock: Arc<dyn vigia::Clock>,
    pub settings: Settings,
    /// Where the public reaches this server (share previews, embed code).
    pub public_url: String,
    /// The stylesheet's address, for pages written outside the router (error pages).
    pub stylesheet: String,
    pub cache: PageCache,
    pub metrics: Metrics,
    /// Every password hash the server computes, sign-ins' included, bounded.
    pub hasher: Hasher,
    /// Sends alerts; its webhook client tests a webhook when it subscribes.
    pub alerts: Arc<Worker>,
    /// Signs and checks the links of alert emails and suggestions.
    pub signer: Signer,
}

impl Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl FromRef<AppState> for crate::present::Reading {
    fn from_ref(state: &AppState) -> Self {
        crate::present::Reading {
            store: state.store.clone(),
            clock: state.clock.clone(),
            public_url: state.public_url.clone(),
            stylesheet: state.stylesheet.clone(),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Where the public reaches this server: `VIGIA_PUBLIC_URL`, else the address it listens on.
pub fn public_url(settings: &Settings, address: SocketAddr) -> String {
    settings
        .public_url
        .clone()
        .map(|url| url.trim_end_matches('/').to_owned())
        .unwrap_or_else(|| format!("http://{address}"))
}

impl AppState {
    pub fn new(
        settings: Settings,
        store: Arc<Store>,
        clock: Arc<dyn vigia::Clock>,
        address: SocketAddr,
        alerts: Arc<Worker>,
        signer: Signer,
    ) -> Self {
        let hashes = SiteHashes::next_to_binary();
        let leptos_options = LeptosOptions::builder()
            .output_name(option_env!("LEPTOS_OUTPUT_NAME").unwrap_or("vigia"))
            .site_root(settings.site_root.to_string_lossy().into_owned())
            .site_pkg_dir("pkg")
            .site_addr(address)
            .hash_files(hashes.is_some())
            .build();
        let public_url = public_url(&settings, address);
        let metrics = Metrics::default();
        let workers = settings
            .password_hash_workers
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        let hasher = Hasher::new(
            workers,
            settings.password_hash_queue,
            metrics.password_hashes(),
        );
        Self(Arc::new(Shared {
            leptos_options,
            public_url,
            stylesheet: match hashes.and_then(|h| h.css) {
                Some(hash) => format!("/pkg/vigia.{hash}.css"),
                None => "/pkg/vigia.css".to_owned(),
            },
            cache: PageCache::new(settings.cache_bytes),
            store,
            clock,
            settings,
            metrics,
            hasher,
            alerts,
            signer,
        }))
    }

    /// Counts one use of a limited form by `client` (its limit key); false, and counted as
    /// refused, once its allowance is spent.
    pub async fn allowance(&self, limit: RateLimit, client: IpAddr) -> Result<bool, WriteError> {
        let allowed = self
            .store
            .take_allowance(limit, crate::http::client::limit_key(client))
            .await?;
        if !allowed {
            self.metrics.refuse(Refusal::RateLimit);
        }
        Ok(allowed)
    }

    /// Forgets rate-limit uses and sign-in failures older than their windows, so the tables
    /// stay small.
    pub fn prune_limits_regularly(&self) {
        let state = Arc::downgrade(&self.0);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(state) = state.upgrade() else { break };
                if let Err(error) = state.store.forget_old_limits().await {
                    tracing::warn!(error = ?error, "old rate-limit rows were not forgotten");
                }
                if let Err(error) = state.store.files().forget_old_kept() {
                    tracing::warn!(error = ?error, "files kept for forms were not forgotten");
                }
            }
        });
    }

    /// The ports and site facts the UI reads through Leptos context.
    pub fn provide_ui_context(&self) {
        leptos::prelude::provide_context(app::context::Ports {
            reader: self.store.clone(),
            clock: self.clock.clone(),
        });
        leptos::prelude::provide_context(app::context::OfficePorts {
            reader: self.store.clone(),
        });
        leptos::prelude::provide_context(app::context::FollowPorts {
            tracker: Arc::new(crate::follow::Tracker {
                signer: self.signer.clone(),
                store: self.store.clone(),
            }),
        });
        leptos::prelude::provide_context(app::context::AlertPorts {
            reader: Arc::new(crate::alerts::reader::AlertPages {
                signer: self.signer.clone(),
                store: self.store.clone(),
            }),
        });
        leptos::prelude::provide_context(app::context::SiteInfo {
            public_url: self.public_url.clone(),
            stylesheet: self.stylesheet.clone(),
            route_parameters: crate::http::cache::route_parameters,
        });
    }
}

/// The content hashes cargo-leptos put in the names of the site's files (`hash-files`),
/// from the file it writes next to the binary; Leptos reads the same file for the script
/// and wasm names. Without that file (tests run from their own binaries) names are plain.
struct SiteHashes {
    css: Option<String>,
}

impl SiteHashes {
    fn next_to_binary() -> Option<Self> {
        let exe = std::env::current_exe().ok()?;
        let text = std::fs::read_to_string(exe.parent()?.join("hash.txt")).ok()?;
        let css = text.lines().find_map(|line| {
            let (kind, hash) = line.split_once(':')?;
            (kind.trim() == "css").then(|| hash.trim().to_owned())
        });
        Some(Self { css })
    }
}
