//! Follow links for suggestions: whoever submits one gets a link, signed with a key only the
//! server holds, that shows where their suggestion stands without an account. The key lives
//! in `VIGIA_DATA_DIR/follow.key` (created on first start, readable by its owner only), so
//! links survive restarts and every process serving the same data signs alike.

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use vigia::office::SuggestionProgress;
use vigia::ports::{PortError, SuggestionTracker};

use crate::store::Store;

/// Bytes of the HMAC kept in a link: 128 bits, past any guessing.
const TAG_BYTES: usize = 16;
const KEY_FILE: &str = "follow.key";

/// The signing key. Its `Debug` never shows it.
#[derive(Clone)]
pub struct FollowKey([u8; 32]);

impl std::fmt::Debug for FollowKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FollowKey([redacted])")
    }
}

impl FollowKey {
    /// The key kept in `data_dir`, created (owner-only) when missing.
    pub fn load_or_create(data_dir: &Path) -> std::io::Result<Self> {
        let path = data_dir.join(KEY_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => bytes.try_into().map(Self).map_err(|_| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{} must hold 32 bytes", path.display()),
                )
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let key: [u8; 32] = rand::random();
                write_private(&path, &key)?;
                Ok(Self(key))
            }
            Err(error) => Err(error),
        }
    }

    fn mac(&self, id: i64) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(format!("suggestion:{id}").as_bytes());
        mac
    }

    /// The token of suggestion `id`: its number and the truncated HMAC, `12-9f…`.
    pub fn token(&self, id: i64) -> String {
        let tag = self.mac(id).finalize().into_bytes();
        format!("{id}-{}", hex::encode(&tag[..TAG_BYTES]))
    }

    /// The suggestion a token names, if we signed it (compared in constant time).
    pub fn verify(&self, token: &str) -> Option<i64> {
        let (id, tag) = token.split_once('-')?;
        let id: i64 = id.parse().ok().filter(|id| *id > 0)?;
        let tag = hex::decode(tag).ok().filter(|t| t.len() == TAG_BYTES)?;
        self.mac(id).verify_truncated_left(&tag).ok().map(|_| id)
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

/// Answers the follow page through the store, for tokens the key signed.
pub struct Tracker {
    pub key: FollowKey,
    pub store: Arc<Store>,
}

#[async_trait]
impl SuggestionTracker for Tracker {
    async fn follow(&self, token: &str) -> Result<Option<SuggestionProgress>, PortError> {
        match self.key.verify(token) {
            Some(id) => self.store.suggestion_progress(id).await,
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_as_signed() {
        let dir = tempfile::tempdir().unwrap();
        let key = FollowKey::load_or_create(dir.path()).unwrap();
        let token = key.token(42);
        assert_eq!(key.verify(&token), Some(42));
        let again = FollowKey::load_or_create(dir.path()).unwrap();
        assert_eq!(again.verify(&token), Some(42), "the key survives a restart");
        let (_, tag) = token.split_once('-').unwrap();
        for forged in [
            format!("43-{tag}"),
            format!("42-{}", &tag[..30]),
            format!("42-{}", &tag[..2]),
            "42-".to_owned(),
            "42".to_owned(),
            format!("-42-{tag}"),
        ] {
            assert_eq!(key.verify(&forged), None, "{forged}");
        }
        let other = FollowKey::load_or_create(tempfile::tempdir().unwrap().path()).unwrap();
        assert_eq!(other.verify(&token), None, "another key signs differently");
        assert!(!format!("{key:?}").contains(&hex::encode(key.0)));
    }
}
