//! Data files in flight. Each `/data/…` file is written to disk and its file held open until
//! its download ends, so a client that reads slowly, or not at all, holds the file's size on
//! disk for as long as it likes. Downloads open at once are capped per address and in all;
//! beyond them a request is refused before anything is built, with a page saying why.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use ipnet::IpNet;
use prometheus_client::metrics::counter::Counter;
use std::net::IpAddr;
use std::sync::Arc;

use super::client::{limit_key, of_request};
use super::error::PageError;
use super::places::{Caps, Full, Places};
use crate::settings::{ClientIpHeader, Settings};

#[derive(Clone)]
pub struct Downloads {
    places: Arc<Places>,
    trusted: Arc<[IpNet]>,
    header: ClientIpHeader,
    /// Refusals, counted under `data_downloads`.
    refused: Counter,
}

impl Downloads {
    pub fn from_settings(settings: &Settings, refused: Counter) -> Self {
        let caps = Caps {
            total: settings.data_downloads,
            per_address: settings.data_downloads_per_address,
        };
        Self::new(
            caps,
            &settings.trusted_proxies,
            settings.client_ip_header,
            refused,
        )
    }

    fn new(caps: Caps, trusted: &[IpNet], header: ClientIpHeader, refused: Counter) -> Self {
        Self {
            places: Places::new(caps),
            trusted: trusted.into(),
            header,
            refused,
        }
    }

    fn client(&self, request: &Request) -> IpAddr {
        limit_key(of_request(
            request.extensions(),
            request.headers(),
            &self.trusted,
            self.header,
        ))
    }
}

/// Takes a place for the download, held by its body until the body is dropped: sent to the
/// end, or the client gone.
pub async fn hold_a_place(
    State(downloads): State<Downloads>,
    request: Request,
    next: Next,
) -> Response {
    let place = match downloads.places.take(Some(downloads.client(&request))) {
        Ok(place) => place,
        Err(full) => {
            downloads.refused.inc();
            return match full {
                Full::Address => PageError::TooManyDownloads,
                Full::Total => PageError::FilesBusy,
            }
            .into_response();
        }
    };
    next.run(request).await.map(|body| {
        Body::new(body.map_frame(move |frame| {
            let _held = &place;
            frame
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::extract::ConnectInfo;
    use axum::routing::get;
    use axum::Router;
    use http::StatusCode;
    use std::net::SocketAddr;
    use tower::ServiceExt;

    /// A download that never ends unless its client lets it go.
    async fn endless() -> Body {
        Body::from_stream(futures::stream::pending::<Result<Vec<u8>, std::io::Error>>())
    }

    async fn ask(app: &Router, from: &str) -> Response {
        let mut request = Request::get("/data/claims.csv")
            .body(Body::empty())
            .unwrap();
        let peer: SocketAddr = format!("{from}:4000").parse().unwrap();
        request.extensions_mut().insert(ConnectInfo(peer));
        app.clone().oneshot(request).await.unwrap()
    }

    #[tokio::test]
    async fn a_download_holds_its_place_until_its_body_is_dropped() {
        let caps = Caps {
            total: 3,
            per_address: 2,
        };
        let downloads =
            Downloads::new(caps, &[], ClientIpHeader::XForwardedFor, Counter::default());
        let refused = downloads.refused.clone();
        let app = Router::new()
            .route("/data/claims.csv", get(endless))
            .route_layer(axum::middleware::from_fn_with_state(
                downloads,
                hold_a_place,
            ));
        let first = ask(&app, "203.0.113.1").await;
        let _second = ask(&app, "203.0.113.1").await;
        let third = ask(&app, "203.0.113.1").await;
        assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
        let _other = ask(&app, "198.51.100.1").await;
        let over = ask(&app, "192.0.2.1").await;
        assert_eq!(over.status(), StatusCode::SERVICE_UNAVAILABLE, "the total");
        assert!(over.headers().contains_key(http::header::RETRY_AFTER));
        assert_eq!(refused.get(), 2);
        drop(first);
        assert_eq!(
            ask(&app, "203.0.113.1").await.status(),
            StatusCode::OK,
            "a place came back when its download was let go"
        );
    }
}
