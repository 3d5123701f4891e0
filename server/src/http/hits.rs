//! Cached answers served before the layers every other request goes through. A cache hit
//! needs none of them (sessions, compression, error pages, routing), and under load their
//! per-request cost was most of a hit's: here it gets what they would have given it (its
//! request id, the headers every answer carries, its count and time in the metrics, one log
//! line) and nothing else.

use axum::extract::Request;
use axum::response::Response;
use futures::future::{Either, Ready};
use std::convert::Infallible;
use std::task::{Context, Poll};
use std::time::Instant;
use tower::{Layer, Service};

use super::request_id::CountingRequestId;
use super::{cache, security, REQUEST_ID};
use crate::http::state::AppState;

#[derive(Clone)]
pub struct ServeHitsLayer {
    state: AppState,
    ids: CountingRequestId,
}

impl ServeHitsLayer {
    /// `ids` is the counter the other requests take their ids from.
    pub fn new(state: AppState, ids: CountingRequestId) -> Self {
        Self { state, ids }
    }
}

impl<S> Layer<S> for ServeHitsLayer {
    type Service = ServeHits<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ServeHits {
            state: self.state.clone(),
            ids: self.ids.clone(),
            inner,
        }
    }
}

#[derive(Clone)]
pub struct ServeHits<S> {
    state: AppState,
    ids: CountingRequestId,
    inner: S,
}

impl<S> Service<Request> for ServeHits<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Either<Ready<Result<Response, Infallible>>, S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let started = Instant::now();
        match cache::hit(&self.state, &request) {
            Some((response, route)) => Either::Left(futures::future::ok(
                self.finish(&request, response, route, started),
            )),
            None => Either::Right(self.inner.call(request)),
        }
    }
}

impl<S> ServeHits<S> {
    fn finish(
        &self,
        request: &Request,
        mut response: Response,
        route: &'static str,
        started: Instant,
    ) -> Response {
        let id = self.ids.for_request(request);
        let headers = response.headers_mut();
        headers.insert(http::header::X_CONTENT_TYPE_OPTIONS, security::NOSNIFF);
        headers.insert(http::header::REFERRER_POLICY, security::REFERRER_POLICY);
        if self.state.settings.secure_cookies {
            headers.insert(http::header::STRICT_TRANSPORT_SECURITY, security::HSTS);
        }
        if let Some(id) = &id {
            headers.insert(REQUEST_ID, id.clone());
        }
        let path = request.uri().path();
        let status = response.status();
        self.state
            .metrics
            .observe(request.method(), route, status.as_u16(), started);
        // The fields of the trace layer's span and line for every other request, on the line
        // itself: nothing else is logged inside a hit, and a span cost about a tenth of a hit.
        let id = id.as_ref().and_then(|v| v.to_str().ok()).unwrap_or("-");
        tracing::info!(
            id = %id, method = %request.method(), path = %path,
            latency = %format_args!("{} μs", started.elapsed().as_micros()),
            status = status.as_u16(),
            "finished processing request"
        );
        response
    }
}
