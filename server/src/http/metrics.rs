//! Prometheus metrics: requests and latencies by route, and database pool use. Each app has
//! its own registry (tests run several servers in one process).

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use std::time::Instant;

use crate::http::state::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: &'static str,
    route: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DeliveryLabels {
    channel: String,
    state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CacheLabels {
    route: &'static str,
    outcome: CacheOutcome,
}

/// What the page cache did for a request, or to an entry.
#[derive(
    Clone, Copy, Debug, Hash, PartialEq, Eq, prometheus_client::encoding::EncodeLabelValue,
)]
pub enum CacheOutcome {
    Hit,
    Miss,
    /// Answered with the page last rendered while it was being rendered again.
    Stale,
    Eviction,
}

/// Why a request was turned away before its work was done.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
pub enum Refusal {
    /// A per-address limit on a form, or the sign-in throttle.
    RateLimit,
    BodyTooLarge,
    /// Every password-hashing worker busy and the queue full.
    HashQueueFull,
    /// A connection that did not send a request's headers in time (idle keep-alives included).
    HeaderTimeout,
    /// A connection over the server's or its address's cap, closed at once.
    TooManyConnections,
    /// A data file asked for while its address, or everyone, had as many downloading as allowed.
    DataDownloads,
}

impl Refusal {
    const ALL: [Refusal; 6] = [
        Refusal::RateLimit,
        Refusal::BodyTooLarge,
        Refusal::HashQueueFull,
        Refusal::HeaderTimeout,
        Refusal::TooManyConnections,
        Refusal::DataDownloads,
    ];

    fn label(self) -> &'static str {
        match self {
            Refusal::RateLimit => "rate_limit",
            Refusal::BodyTooLarge => "body_too_large",
            Refusal::HashQueueFull => "hash_queue_full",
            Refusal::HeaderTimeout => "header_timeout",
            Refusal::TooManyConnections => "too_many_connections",
            Refusal::DataDownloads => "data_downloads",
        }
    }
}

impl prometheus_client::encoding::EncodeLabelValue for Refusal {
    fn encode(
        &self,
        encoder: &mut prometheus_client::encoding::LabelValueEncoder,
    ) -> Result<(), std::fmt::Error> {
        std::fmt::Write::write_str(encoder, self.label())
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RefusalLabels {
    reason: Refusal,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LatencyLabels {
    method: &'static str,
    route: &'static str,
}

/// Static labels keep the per-request cost free of allocations.
fn method_label(method: &http::Method) -> &'static str {
    match *method {
        http::Method::GET => "GET",
        http::Method::HEAD => "HEAD",
        http::Method::POST => "POST",
        _ => "other",
    }
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RouteLabels, Counter>,
    latency: Family<LatencyLabels, Histogram>,
    pool_size: Gauge,
    pool_idle: Gauge,
    cache_bytes: Gauge,
    cache: Family<CacheLabels, Counter>,
    events: Gauge,
    deliveries: Family<DeliveryLabels, Gauge>,
    refused: Family<RefusalLabels, Counter>,
    password_hashes: Counter,
    open_connections: Gauge,
}

fn latency_histogram() -> Histogram {
    Histogram::new([
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    ])
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("vigia");
        let requests = Family::<RouteLabels, Counter>::default();
        let latency = Family::<LatencyLabels, Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        let pool_size = Gauge::default();
        let pool_idle = Gauge::default();
        let cache_bytes = Gauge::default();
        let cache = Family::<CacheLabels, Counter>::default();
        let events = Gauge::default();
        let deliveries = Family::<DeliveryLabels, Gauge>::default();
        let refused = Family::<RefusalLabels, Counter>::default();
        let password_hashes = Counter::default();
        let open_connections = Gauge::default();
        registry.register(
            "refused",
            "Requests and connections turned away, by reason",
            refused.clone(),
        );
        registry.register(
            "password_hashes",
            "Argon2 password hashes computed or verified",
            password_hashes.clone(),
        );
        registry.register(
            "open_connections",
            "Client connections open now",
            open_connections.clone(),
        );
        registry.register(
            "alert_events",
            "Alert events written, by every server process",
            events.clone(),
        );
        registry.register(
            "alert_deliveries",
            "Alert deliveries by channel and state (pending, sending, sent, skipped, failed)",
            deliveries.clone(),
        );
        registry.register(
            "page_cache_bytes",
            "Bytes the page cache holds, every stored form counted",
            cache_bytes.clone(),
        );
        registry.register(
            "page_cache",
            "Page cache hits and misses (by request) and evictions (by entry), by route",
            cache.clone(),
        );
        registry.register(
            "http_requests",
            "HTTP requests by route and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "HTTP request latency by route",
            latency.clone(),
        );
        registry.register(
            "db_pool_connections",
            "Open database connections",
            pool_size.clone(),
        );
        registry.register(
            "db_pool_idle_connections",
            "Idle database connections",
            pool_idle.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            pool_size,
            pool_idle,
            cache_bytes,
            cache,
            events,
            deliveries,
            refused,
            password_hashes,
            open_connections,
        }
    }
}

impl Metrics {
    /// Counts a request or connection turned away.
    pub fn refuse(&self, reason: Refusal) {
        self.refused.get_or_create(&RefusalLabels { reason }).inc();
    }

    /// The counter of one reason's refusals, for a part that counts its own.
    pub fn refusals(&self, reason: Refusal) -> Counter {
        self.refused
            .get_or_create(&RefusalLabels { reason })
            .clone()
    }

    /// The counter the password hasher adds to.
    pub fn password_hashes(&self) -> Counter {
        self.password_hashes.clone()
    }

    /// The gauge the connection loop keeps at the number of open connections.
    pub fn open_connections(&self) -> Gauge {
        self.open_connections.clone()
    }

    pub fn count_cache(&self, route: &'static str, outcome: CacheOutcome) {
        self.cache
            .get_or_create(&CacheLabels { route, outcome })
            .inc();
    }

    pub fn count_evictions(&self, route: &'static str, evicted: usize) {
        if evicted > 0 {
            let outcome = CacheOutcome::Eviction;
            self.cache
                .get_or_create(&CacheLabels { route, outcome })
                .inc_by(evicted as u64);
        }
    }

    pub fn render(
        &self,
        pool_size: u32,
        pool_idle: usize,
        cache_bytes: usize,
        alerts: &vigia_store::AlertCounts,
    ) -> String {
        self.events.set(alerts.events);
        // Every series exists, at zero when empty, so alerting rules find it.
        for channel in ["email", "webhook"] {
            for state in ["pending", "sending", "sent", "skipped", "failed"] {
                self.deliveries
                    .get_or_create(&DeliveryLabels {
                        channel: channel.to_owned(),
                        state: state.to_owned(),
                    })
                    .set(0);
            }
        }
        for (channel, state, n) in &alerts.deliveries {
            self.deliveries
                .get_or_create(&DeliveryLabels {
                    channel: channel.clone(),
                    state: state.clone(),
                })
                .set(*n);
        }
        // Every reason exists, at zero when nothing was refused, so alerting rules find it.
        for reason in Refusal::ALL {
            let _ = self.refused.get_or_create(&RefusalLabels { reason });
        }
        self.pool_size.set(i64::from(pool_size));
        self.pool_idle.set(pool_idle as i64);
        self.cache_bytes.set(cache_bytes as i64);
        let mut out = String::new();
        if encode(&mut out, &self.registry).is_err() {
            tracing::error!("could not encode metrics");
        }
        out
    }

    /// Counts one answered request and its time under its route pattern.
    pub fn observe(
        &self,
        method: &http::Method,
        route: &'static str,
        status: u16,
        started: Instant,
    ) {
        let method = method_label(method);
        let elapsed = started.elapsed().as_secs_f64();
        self.requests
            .get_or_create(&RouteLabels {
                method,
                route,
                status,
            })
            .inc();
        self.latency
            .get_or_create(&LatencyLabels { method, route })
            .observe(elapsed);
    }
}

/// Counts and times every request under its route pattern.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let route = route_family(request.uri().path());
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    if response.status() == http::StatusCode::PAYLOAD_TOO_LARGE {
        state.metrics.refuse(Refusal::BodyTooLarge);
    }
    state.metrics.observe(&method, route, status, started);
    response
}

/// The route pattern of a path, so that every department or query does not get a series.
pub fn route_family(path: &str) -> &'static str {
    match path {
        "/" => "/",
        "/gaps" => "/gaps",
        "/methodology" => "/methodology",
        "/embed/map" => "/embed/map",
        "/map.svg" => "/map.svg",
        "/map.png" => "/map.png",
        "/healthz" => "/healthz",
        "/metrics" => "/metrics",
        "/api/openapi.json" => "/api/openapi.json",
        "/api/v1/departments" => "/api/v1/departments",
        "/api/v1/gaps" => "/api/v1/gaps",
        "/api/v1/gaps.csv" => "/api/v1/gaps.csv",
        "/api/v1/export.csv" => "/api/v1/export.csv",
        "/api/v1/claims.csv" => "/api/v1/claims.csv",
        "/api/v1/events" => "/api/v1/events",
        "/api/v1/history" => "/api/v1/history",
        "/feeds/events.atom" => "/feeds/events.atom",
        "/feeds/deadlines.ics" => "/feeds/deadlines.ics",
        p if p.starts_with("/api/v1/departments/") => "/api/v1/departments/{code}",
        p if p.starts_with("/departments/") => "/departments/{code}",
        p if p.starts_with("/lang/") => "/lang/{code}",
        p if p.starts_with("/history/") => "/history/{id}",
        p if p.starts_with("/pkg/") => "/pkg/{file}",
        p if p.starts_with("/api/") || p == "/api" => "/api/{unknown}",
        _ => "other",
    }
}
