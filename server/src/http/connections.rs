//! The accept loop. `axum::serve` gives hyper no timer, so hyper's header timeout never runs
//! and a client that trickles one header line every few seconds (or connects and sends
//! nothing) holds a connection, and a file descriptor, for as long as it likes. Here every
//! connection must send each request's headers within the timeout (which also closes idle
//! keep-alives), and connections are capped in all and per client address, so nobody without
//! an account can use up the server's open files.

use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use ipnet::IpNet;
use prometheus_client::metrics::gauge::Gauge;
use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

use super::client::limit_key;
use super::metrics::Refusal;
use super::places::{Caps, Place, Places};
use crate::http::state::AppState;
use crate::settings::Settings;

/// File descriptors kept back from client connections: the database pools, documents being
/// read or written, the log, the listener.
const RESERVED_FILES: u64 = 128;

/// How many connections may be open, in all and from one address.
#[derive(Clone, Debug)]
pub struct ConnectionLimits {
    pub header_timeout: Duration,
    pub total: usize,
    pub per_address: usize,
    /// Proxies every visitor comes through: never limited per address.
    pub trusted: Vec<IpNet>,
}

impl ConnectionLimits {
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            header_timeout: Duration::from_secs(settings.header_timeout_secs),
            total: settings.max_connections.unwrap_or_else(default_total),
            per_address: settings.max_connections_per_address,
            trusted: settings.trusted_proxies.clone(),
        }
    }
}

/// The open-file limit less what the server needs besides connections.
fn default_total() -> usize {
    let (soft, _) = rlimit::Resource::NOFILE.get().unwrap_or((1024, 1024));
    soft.saturating_sub(RESERVED_FILES).max(16) as usize
}

/// Who holds the connections open now.
struct Open {
    trusted: Vec<IpNet>,
    places: Arc<Places>,
    gauge: Gauge,
}

/// A connection's place, given back when the connection closes.
struct Slot {
    _place: Place,
    gauge: Gauge,
}

impl Open {
    fn new(limits: &ConnectionLimits, gauge: Gauge) -> Arc<Self> {
        Arc::new(Self {
            trusted: limits.trusted.clone(),
            places: Places::new(Caps {
                total: limits.total,
                per_address: limits.per_address,
            }),
            gauge,
        })
    }

    fn admit(&self, peer: IpAddr) -> Option<Slot> {
        let trusted = self.trusted.iter().any(|net| net.contains(&peer));
        let address = (!trusted).then(|| limit_key(peer));
        let place = self.places.take(address).ok()?;
        self.gauge.inc();
        Some(Slot {
            _place: place,
            gauge: self.gauge.clone(),
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.gauge.dec();
    }
}

/// Accept errors that concern one connection only; others (too many open files) mean waiting
/// a moment before accepting again.
fn concerns_one_connection(error: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        error.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    )
}

/// Whether a connection ended because its headers did not arrive in time.
fn timed_out(error: &(dyn std::error::Error + 'static)) -> bool {
    error
        .downcast_ref::<hyper::Error>()
        .is_some_and(hyper::Error::is_timeout)
}

/// Serves `service` on `listener` until `shutdown` resolves, then lets the requests in flight
/// finish. Each request carries its connection's `ConnectInfo<SocketAddr>`.
pub async fn serve<S>(
    listener: TcpListener,
    service: S,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()>
where
    S: tower::Service<
            axum::extract::Request,
            Response = axum::response::Response,
            Error = Infallible,
            Future: Send + 'static,
        > + Clone
        + Send
        + Sync
        + 'static,
{
    let limits = ConnectionLimits::from_settings(&state.settings);
    let mut builder = auto::Builder::new(TokioExecutor::new()).http1_only();
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let open = Open::new(&limits, state.metrics.open_connections());
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) if concerns_one_connection(&error) => continue,
                Err(error) => {
                    tracing::error!(error = %error, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = open.admit(peer.ip()) else {
            state.metrics.refuse(Refusal::TooManyConnections);
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service =
            service
                .clone()
                .map_request(move |request: http::Request<hyper::body::Incoming>| {
                    let mut request = request.map(axum::body::Body::new);
                    request
                        .extensions_mut()
                        .insert(ConnectInfo::<SocketAddr>(peer));
                    request
                });
        let connection = builder
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let connection = graceful.watch(connection);
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                if timed_out(error.as_ref()) {
                    state.metrics.refuse(Refusal::HeaderTimeout);
                }
            }
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(total: usize, per_address: usize, trusted: &[&str]) -> Arc<Open> {
        let limits = ConnectionLimits {
            header_timeout: Duration::from_secs(1),
            total,
            per_address,
            trusted: trusted.iter().map(|t| t.parse().unwrap()).collect(),
        };
        Open::new(&limits, Gauge::default())
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn ipv6_neighbours_share_their_slash_64_and_proxies_are_not_limited() {
        let open = open(10, 1, &["10.0.0.0/8"]);
        let _one = open.admit(ip("2001:db8:1:2::1")).unwrap();
        assert!(open.admit(ip("2001:db8:1:2::2")).is_none());
        assert!(open.admit(ip("2001:db8:1:3::1")).is_some(), "another /64");
        let proxied: Vec<_> = (0..5).filter_map(|_| open.admit(ip("10.0.0.1"))).collect();
        assert_eq!(proxied.len(), 5);
    }

    #[test]
    fn the_gauge_counts_open_connections() {
        let open = open(3, 3, &[]);
        let held: Vec<_> = ["198.51.100.1", "198.51.100.2", "198.51.100.3"]
            .iter()
            .filter_map(|a| open.admit(ip(a)))
            .collect();
        assert!(open.admit(ip("198.51.100.4")).is_none(), "the total");
        assert_eq!(open.gauge.get(), 3);
        drop(held);
        assert_eq!(open.gauge.get(), 0);
        assert_eq!(open.places.held(), 0);
    }
}
