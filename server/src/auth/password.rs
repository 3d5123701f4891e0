//! Argon2id password hashing. Each hash takes about 19 MiB and a core for a moment, so every
//! hash in the server goes through one [`Hasher`]: at most one per worker at a time, a bounded
//! queue behind them, and beyond it a refusal the caller turns into "busy, retry shortly".
//! Nothing without an account can then make the server hold more than a few hashes' memory.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use prometheus_client::metrics::counter::Counter;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Shorter passwords are refused.
pub const MIN_PASSWORD_LENGTH: usize = 12;

/// Why no hash was computed.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    /// Every worker is busy and the queue is full: try again in a moment.
    #[error("password hashing is busy")]
    Busy,
    #[error("could not hash a password: {0}")]
    Failed(String),
}

/// Runs password hashes on blocking threads, a bounded number at a time.
#[derive(Clone)]
pub struct Hasher {
    workers: Arc<Semaphore>,
    /// Workers plus queue places: a request that finds none free is refused at once.
    admitted: Arc<Semaphore>,
    computed: Counter,
}

impl Hasher {
    /// `workers` hashes at once (at least one), `queue` more waiting; each hash computed or
    /// verified adds one to `computed`.
    pub fn new(workers: usize, queue: usize, computed: Counter) -> Self {
        Self {
            workers: Arc::new(Semaphore::new(workers)),
            admitted: Arc::new(Semaphore::new(workers + queue)),
            computed,
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let _place = self
            .admitted
            .clone()
            .try_acquire_owned()
            .map_err(|_| HashError::Busy)?;
        let _worker = self
            .workers
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| HashError::Busy)?;
        self.computed.inc();
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| HashError::Failed(e.to_string()))
    }

    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        self.run(move || {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|e| HashError::Failed(e.to_string()))
        })
        .await?
    }

    /// Whether `password` matches the `stored` hash; a stored value that is not a hash
    /// matches nothing.
    pub async fn verify(&self, password: String, stored: String) -> Result<bool, HashError> {
        self.run(move || {
            PasswordHash::new(&stored)
                .map(|parsed| {
                    Argon2::default()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_queue_refuses_at_once_and_frees_its_place_after() {
        let hasher = Hasher::new(1, 0, Counter::default());
        // Hold the only place, as a hash in progress would.
        let held = hasher.admitted.clone().try_acquire_owned().unwrap();
        let refused = hasher.hash("correct horse battery".into()).await;
        assert!(matches!(refused, Err(HashError::Busy)));
        assert_eq!(hasher.computed.get(), 0, "nothing was hashed");
        drop(held);
        let hash = hasher.hash("correct horse battery".into()).await.unwrap();
        assert!(hasher
            .verify("correct horse battery".into(), hash)
            .await
            .unwrap());
        assert_eq!(hasher.computed.get(), 2);
    }

    #[tokio::test]
    async fn queued_hashes_wait_for_a_worker_instead_of_being_refused() {
        let hasher = Hasher::new(1, 3, Counter::default());
        let hashes =
            futures::future::join_all((0..4).map(|i| hasher.hash(format!("password number {i}"))))
                .await;
        assert!(hashes.iter().all(Result::is_ok), "{hashes:?}");
    }
}
