//! Request ids from a counter: unique within a process and free of a random-number syscall
//! per request (a UUID's cost showed in profiles).

use http::{HeaderValue, Request};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tower_http::request_id::{MakeRequestId, RequestId};

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

impl MakeRequestId for CountingRequestId {
    fn make_request_id<B>(&mut self, _request: &Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{:08x}-{n}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}
