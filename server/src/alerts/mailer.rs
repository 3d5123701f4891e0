//! Sending email: to an SMTP server when `VIGIA_SMTP_URL` names one, else as `.eml` files in
//! `VIGIA_DATA_DIR/outbox/`, so the app runs with no mail server and a person can read what
//! would have been sent.

use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::Path;

/// Connections kept open to the SMTP server; also how many messages are sent at once.
pub const SMTP_CONNECTIONS: u32 = 8;

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(AsyncFileTransport<Tokio1Executor>),
}

/// Why a message was not sent, and whether trying again could help.
#[derive(Debug, Clone)]
pub struct MailError {
    pub message: String,
    /// The server refused the address for good (a 5xx answer).
    pub permanent: bool,
}

impl Mailer {
    pub fn new(smtp_url: Option<&str>, data_dir: &Path) -> anyhow::Result<Self> {
        match smtp_url.filter(|url| !url.trim().is_empty()) {
            Some(url) => {
                let pool = lettre::transport::smtp::PoolConfig::new().max_size(SMTP_CONNECTIONS);
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| {
                        anyhow::anyhow!("VIGIA_SMTP_URL is not a usable SMTP address: {e}")
                    })?
                    .pool_config(pool)
                    .timeout(Some(std::time::Duration::from_secs(30)))
                    .build();
                Ok(Self::Smtp(transport))
            }
            None => {
                let outbox = data_dir.join("outbox");
                std::fs::create_dir_all(&outbox)?;
                Ok(Self::Outbox(AsyncFileTransport::new(outbox)))
            }
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), MailError> {
        match self {
            Self::Smtp(transport) => {
                transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| MailError {
                        permanent: e.is_permanent(),
                        message: e.to_string(),
                    })
            }
            Self::Outbox(transport) => {
                transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| MailError {
                        permanent: false,
                        message: e.to_string(),
                    })
            }
        }
    }
}
