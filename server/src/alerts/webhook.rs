//! Calling webhooks: signed as Standard Webhooks specifies, never to an address that is not
//! public (every address a name resolves to is checked when connecting, and redirects are
//! not followed), with a 10-second limit and at most 64 KB of an answer read.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use vigia::subscriptions::is_public_address;

/// How much of a receiver's answer is read (for the error shown to admins).
const ANSWER_BYTES: usize = 64 * 1024;
const TIMEOUT: Duration = Duration::from_secs(10);

/// Resolves names as the system does, then refuses them if any address is not public.
struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addresses: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if addresses.is_empty() || addresses.iter().any(|a| !is_public_address(a.ip())) {
                return Err(format!("{host} resolves to an address that is not public").into());
            }
            let addrs: Addrs = Box::new(addresses.into_iter());
            Ok(addrs)
        })
    }
}

/// A secret as receivers are given it: `whsec_` and 32 random bytes in base64.
pub fn new_secret() -> String {
    format!("whsec_{}", STANDARD.encode(rand::random::<[u8; 32]>()))
}

/// Why a call failed, as admins and the subscription form show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallError(pub String);

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone)]
pub struct WebhookSender {
    client: reqwest::Client,
    allow_private: bool,
}

impl WebhookSender {
    pub fn new(allow_private: bool) -> anyhow::Result<Self> {
        let mut builder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(TIMEOUT)
            .connect_timeout(TIMEOUT)
            .user_agent(concat!("Vigia-Webhooks/", env!("CARGO_PKG_VERSION")));
        if !allow_private {
            builder = builder.dns_resolver(Arc::new(PublicOnly)).https_only(true);
        }
        Ok(Self {
            client: builder.build()?,
            allow_private,
        })
    }

    /// Refuses an address written as a literal IP that is not public (names are checked by
    /// the resolver when connecting).
    fn check_literal(&self, url: &reqwest::Url) -> Result<(), CallError> {
        if self.allow_private {
            return Ok(());
        }
        let host = url
            .host_str()
            .ok_or_else(|| CallError("the address has no host".into()))?;
        let literal = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .ok();
        match literal {
            Some(ip) if !is_public_address(ip) => {
                Err(CallError(format!("{ip} is not a public address")))
            }
            _ => Ok(()),
        }
    }

    /// Posts `body`, signed with every secret given (during a rotation, old and new), and
    /// waits for a 2xx; how long the receiver took to answer.
    pub async fn post(
        &self,
        address: &str,
        id: &str,
        body: &str,
        secrets: &[String],
    ) -> Result<Duration, CallError> {
        let url =
            reqwest::Url::parse(address).map_err(|e| CallError(format!("not an address: {e}")))?;
        self.check_literal(&url)?;
        // Receivers compare the timestamp with their own clock, so it is the real time, not
        // the clock the gap rules run on (which tests and reports may move).
        let timestamp = chrono::Utc::now().timestamp();
        let signatures = secrets
            .iter()
            .map(|secret| {
                standardwebhooks::Webhook::new(secret)
                    .and_then(|hook| hook.sign(id, timestamp, body.as_bytes()))
                    .map_err(|e| CallError(format!("could not sign: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()?
            .join(" ");
        let started = std::time::Instant::now();
        let response = self
            .client
            .post(url)
            .header(http::header::CONTENT_TYPE, "application/json")
            .header(standardwebhooks::HEADER_WEBHOOK_ID, id)
            .header(
                standardwebhooks::HEADER_WEBHOOK_TIMESTAMP,
                timestamp.to_string(),
            )
            .header(standardwebhooks::HEADER_WEBHOOK_SIGNATURE, signatures)
            .body(body.to_owned())
            .send()
            .await
            .map_err(|e| CallError(describe(&e)))?;
        let status = response.status();
        let answer = read_some(response).await;
        if status.is_success() {
            Ok(started.elapsed())
        } else {
            let answer: String = answer
                .chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect();
            Err(CallError(format!(
                "the receiver answered {status}: {answer}"
            )))
        }
    }
}

/// A request error in a sentence, with its cause (reqwest's own text hides it).
fn describe(error: &reqwest::Error) -> String {
    use std::error::Error;
    let mut text = if error.is_timeout() {
        "no answer within 10 seconds".to_owned()
    } else if error.is_connect() {
        "could not connect".to_owned()
    } else {
        "the request failed".to_owned()
    };
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// The start of an answer, never more than [`ANSWER_BYTES`].
async fn read_some(mut response: reqwest::Response) -> String {
    let mut kept = Vec::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        let room = ANSWER_BYTES - kept.len();
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if kept.len() >= ANSWER_BYTES {
            break;
        }
    }
    String::from_utf8_lossy(&kept).into_owned()
}
