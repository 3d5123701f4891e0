//! Request ids from a counter: unique within a process and free of a random-number syscall
//! per request (a UUID's cost showed in profiles).

use axum::extract::{Request as AxumRequest, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderValue, Request};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Names every request: a client may name its request (to find it in our logs) only with a
/// short, printable id; anything else is replaced by ours, so logs and answers never echo
/// what it sent.
pub async fn name_request(
    State(ids): State<CountingRequestId>,
    mut request: AxumRequest,
    next: Next,
) -> Response {
    match ids.for_request(&request) {
        Some(id) => request.headers_mut().insert(super::REQUEST_ID, id),
        None => request.headers_mut().remove(super::REQUEST_ID),
    };
    next.run(request).await
}

/// Whether a client's own request id may be kept: short and printable.
fn acceptable(id: &HeaderValue) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
}

#[derive(Clone)]
pub struct CountingRequestId {
    /// Distinguishes this process's ids from a previous run's in the logs.
    prefix: u32,
    next: Arc<AtomicU64>,
}

impl Default for CountingRequestId {
    fn default() -> Self {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as u32)
            .unwrap_or_default();
        Self {
            prefix: started,
            next: Arc::new(AtomicU64::new(1)),
        }
    }
}

impl CountingRequestId {
    /// The client's id when acceptable, else the next of ours.
    pub fn for_request<B>(&self, request: &Request<B>) -> Option<HeaderValue> {
        match request.headers().get(super::REQUEST_ID) {
            Some(id) if acceptable(id) => Some(id.clone()),
            _ => self.next_id(),
        }
    }

    fn next_id(&self) -> Option<HeaderValue> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{:08x}-{n}", self.prefix)).ok()
    }
}
