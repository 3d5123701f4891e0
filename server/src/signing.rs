//! Signed links: a token names what it opens (a subscription to confirm, manage or leave, a
//! suggestion to follow) and, for some, until when, with an HMAC-SHA256 over both under a key only the server
//! knows. Nothing needs storing per link, and any server process on the database can check
//! one. The key lives in the database (`server_secrets`), made on first use.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What a link is for; a token signed for one purpose opens nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    ConfirmSubscription,
    ManageSubscription,
    Unsubscribe,
    /// Where a suggestion stands, for whoever submitted it.
    FollowSuggestion,
    /// New choices asked for a subscribed address (the subject is the change, not the
    /// subscription, so a link applies exactly what its email showed).
    ApplySubscriptionChange,
}

impl Purpose {
    fn label(self) -> &'static str {
        match self {
            Self::ConfirmSubscription => "confirm",
            Self::ManageSubscription => "manage",
            Self::Unsubscribe => "unsubscribe",
            Self::FollowSuggestion => "suggestion",
            Self::ApplySubscriptionChange => "apply-change",
        }
    }
}

/// The key that signs links. Its `Debug` prints nothing of it.
#[derive(Clone)]
pub struct Signer {
    key: Vec<u8>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Signer(…)")
    }
}

const KEY_NAME: &str = "link-signing-key";

impl Signer {
    /// The database's key, made (32 random bytes) if there is none yet.
    pub async fn load(store: &vigia_store::Store) -> Result<Self, vigia_store::DbError> {
        let value = store
            .secret(KEY_NAME, || hex::encode(rand::random::<[u8; 32]>()))
            .await?;
        Ok(Self {
            key: hex::decode(value).unwrap_or_default(),
        })
    }

    fn mac(&self, purpose: Purpose, subject: i64, expires: i64) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(format!("{}.{subject}.{expires}", purpose.label()).as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// A token for `subject`, valid until `expires` (or for ever).
    pub fn sign(&self, purpose: Purpose, subject: i64, expires: Option<DateTime<Utc>>) -> String {
        let expires = expires.map(|e| e.timestamp()).unwrap_or(0);
        format!(
            "{subject}.{expires}.{}",
            self.mac(purpose, subject, expires)
        )
    }

    /// The subject of a token signed for `purpose` and still valid at `now`.
    pub fn verify(&self, purpose: Purpose, token: &str, now: DateTime<Utc>) -> Option<i64> {
        let mut parts = token.trim().splitn(3, '.');
        let subject: i64 = parts.next()?.parse().ok()?;
        let expires: i64 = parts.next()?.parse().ok()?;
        let given = parts.next()?;
        let expected = self.mac(purpose, subject, expires);
        let same = given.len() == expected.len()
            && given
                .bytes()
                .zip(expected.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        let fresh = expires == 0 || now.timestamp() < expires;
        (same && fresh).then_some(subject)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn a_token_opens_only_what_it_was_signed_for_and_only_in_time() {
        let signer = Signer { key: vec![7; 32] };
        let now = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
        let token = signer.sign(
            Purpose::ConfirmSubscription,
            42,
            Some(now + Duration::hours(48)),
        );
        assert_eq!(
            signer.verify(Purpose::ConfirmSubscription, &token, now),
            Some(42)
        );
        assert_eq!(
            signer.verify(Purpose::Unsubscribe, &token, now),
            None,
            "another purpose"
        );
        assert_eq!(
            signer.verify(
                Purpose::ConfirmSubscription,
                &token,
                now + Duration::hours(48)
            ),
            None,
            "expired"
        );
        let forged = token.replacen("42.", "43.", 1);
        assert_eq!(
            signer.verify(Purpose::ConfirmSubscription, &forged, now),
            None
        );
        let other_key = Signer { key: vec![8; 32] };
        assert_eq!(
            other_key.verify(Purpose::ConfirmSubscription, &token, now),
            None
        );
        let forever = signer.sign(Purpose::Unsubscribe, 9, None);
        assert_eq!(
            signer.verify(Purpose::Unsubscribe, &forever, now + Duration::days(3650)),
            Some(9)
        );
        assert_eq!(format!("{signer:?}"), "Signer(…)");
    }
}
