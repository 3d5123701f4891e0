//! The state every handler shares.

use axum::extract::FromRef;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use leptos::prelude::LeptosOptions;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::ops::Deref;
use std::sync::Arc;

use crate::documents::DocumentStore;
use crate::http::cache::PageCache;
use crate::http::metrics::Metrics;
use crate::settings::Settings;
use crate::store::SqliteStore;

/// Cheap to clone (one reference count), which matters: axum clones the state for every
/// middleware of every request.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub store: Arc<SqliteStore>,
    pub clock: Arc<dyn vigia::Clock>,
    pub settings: Settings,
    /// Where the public reaches this server (share previews, embed code).
    pub public_url: String,
    pub cache: PageCache,
    pub metrics: Metrics,
    pub sign_in_limits: SignInLimits,
    /// Public suggestions per client address: a handful an hour.
    pub suggestion_limit: DefaultKeyedRateLimiter<IpAddr>,
    pub documents: DocumentStore,
}

/// Failed sign-ins are slowed per account and per client address.
pub struct SignInLimits {
    pub per_account: DefaultKeyedRateLimiter<String>,
    pub per_client: DefaultKeyedRateLimiter<IpAddr>,
}

impl Default for SignInLimits {
    fn default() -> Self {
        let per_minute = |n: u32, burst: u32| {
            Quota::per_minute(NonZeroU32::new(n).expect("positive"))
                .allow_burst(NonZeroU32::new(burst).expect("positive"))
        };
        Self {
            per_account: RateLimiter::keyed(per_minute(1, 5)),
            per_client: RateLimiter::keyed(per_minute(10, 20)),
        }
    }
}

impl Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    pub fn new(
        settings: Settings,
        store: Arc<SqliteStore>,
        clock: Arc<dyn vigia::Clock>,
        address: SocketAddr,
        documents: DocumentStore,
    ) -> Self {
        let leptos_options = LeptosOptions::builder()
            .output_name(option_env!("LEPTOS_OUTPUT_NAME").unwrap_or("vigia"))
            .site_root(settings.site_root.to_string_lossy().into_owned())
            .site_pkg_dir("pkg")
            .site_addr(address)
            .build();
        let public_url = settings
            .public_url
            .clone()
            .map(|url| url.trim_end_matches('/').to_owned())
            .unwrap_or_else(|| format!("http://{address}"));
        Self(Arc::new(Shared {
            leptos_options,
            public_url,
            store,
            clock,
            settings,
            cache: PageCache::default(),
            metrics: Metrics::default(),
            sign_in_limits: SignInLimits::default(),
            suggestion_limit: RateLimiter::keyed(Quota::per_hour(
                NonZeroU32::new(5).expect("positive"),
            )),
            documents,
        }))
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
        leptos::prelude::provide_context(app::context::SiteInfo {
            public_url: self.public_url.clone(),
        });
    }
}
