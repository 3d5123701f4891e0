//! Typed settings: defaults, then environment variables, then flags. `vigia --help` lists them.

use clap::{Parser, Subcommand, ValueEnum};
use ipnet::IpNet;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "vigia",
    version,
    about = "Vigía: public tracker of Bolivia's departmental anti-trafficking instruments"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub settings: Settings,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate, seed on first start, and serve the site and API (the default).
    Serve,
    /// Apply database migrations and seed an empty database, then exit.
    Migrate,
    /// Print the compliance export (the same CSV as /api/v1/export.csv) to standard output.
    ExportCsv,
    /// Write the whole database (history, documents' metadata, accounts, subscriptions,
    /// outbox) to FILE, to move it to another engine with `import`.
    Export { file: std::path::PathBuf },
    /// Read a file written by `export` into an empty database (SQLite or PostgreSQL).
    Import { file: std::path::PathBuf },
    /// Copy a running SQLite database to FILE, consistently, while it serves.
    Backup { file: std::path::PathBuf },
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account and print a one-time link to set its password.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["admin", "officer", "department"])]
        role: String,
        /// A department the account acts for (repeat for several), e.g. BO-L.
        #[arg(long = "department")]
        departments: Vec<String>,
        /// The name the public sees in the history.
        #[arg(long)]
        name: String,
    },
}

/// The one header that names the client behind a trusted proxy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClientIpHeader {
    /// `X-Forwarded-For`, as nginx's `$proxy_add_x_forwarded_for` sets it.
    #[value(name = "x-forwarded-for")]
    XForwardedFor,
    /// `Forwarded` (RFC 7239).
    #[value(name = "forwarded")]
    Forwarded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Settings {
    /// Database URL: sqlite://FILE (the default, created on first start) or
    /// postgres://USER@HOST/DATABASE (several instances may share one).
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/vigia.db",
        global = true
    )]
    pub database_url: String,
    /// Address to listen on (host:port; port 0 picks a free one).
    #[arg(
        long,
        env = "LEPTOS_SITE_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub site_addr: SocketAddr,
    /// Folder with the built site (CSS, JS, wasm) that cargo-leptos produces.
    #[arg(
        long,
        env = "LEPTOS_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: PathBuf,
    /// Folder for files Vigía keeps (uploads, later); created when missing.
    #[arg(long, env = "VIGIA_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
    /// Log format: text for people, json for log collectors.
    #[arg(
        long,
        env = "VIGIA_LOG_FORMAT",
        value_enum,
        default_value = "text",
        global = true
    )]
    pub log_format: LogFormat,
    /// Log filter, in tracing's EnvFilter syntax.
    #[arg(
        long,
        env = "RUST_LOG",
        default_value = "info,sqlx=warn",
        global = true
    )]
    pub log_filter: String,
    /// Pretend today is this date (YYYY-MM-DD) for gap rules: reproducible reports and tests.
    #[arg(long, env = "VIGIA_TODAY", global = true)]
    pub today: Option<chrono::NaiveDate>,
    /// Public base URL, used in share previews and the embed code; defaults to the address
    /// the server listens on.
    #[arg(long, env = "VIGIA_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// Mark session cookies Secure: set it when the site is served over HTTPS.
    #[arg(long, env = "VIGIA_SECURE_COOKIES", global = true)]
    pub secure_cookies: bool,
    /// Reverse proxies whose `Forwarded`/`X-Forwarded-For` headers name the client
    /// (comma-separated CIDRs, e.g. `127.0.0.1/32,10.0.0.0/8`); none by default.
    #[arg(
        long,
        env = "VIGIA_TRUSTED_PROXIES",
        value_delimiter = ',',
        global = true
    )]
    pub trusted_proxies: Vec<IpNet>,
    /// The header a trusted proxy names the client in; the other one is ignored, so a client
    /// cannot choose its address by sending it. Make the proxy clear or overwrite it.
    #[arg(
        long,
        env = "VIGIA_CLIENT_IP_HEADER",
        value_enum,
        default_value = "x-forwarded-for",
        global = true
    )]
    pub client_ip_header: ClientIpHeader,
    /// Seconds a connection may take to send a request's headers, and stay idle between
    /// requests, before it is closed.
    #[arg(long, env = "VIGIA_HEADER_TIMEOUT_SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..3600), global = true)]
    pub header_timeout_secs: u64,
    /// The most client connections open at once; by default the open-file limit less room for
    /// the database, documents and logs. Connections beyond it are closed at once.
    #[arg(long, env = "VIGIA_MAX_CONNECTIONS", value_parser = at_least_one, global = true)]
    pub max_connections: Option<usize>,
    /// The most connections open at once from one address (IPv6 by /64); trusted proxies are
    /// not limited.
    #[arg(
        long,
        env = "VIGIA_MAX_CONNECTIONS_PER_ADDRESS",
        value_parser = at_least_one,
        default_value_t = 64,
        global = true
    )]
    pub max_connections_per_address: usize,
    /// Open data files (`/data/…`) downloading at once, in all: each holds a file of its size
    /// on disk until its download ends.
    #[arg(
        long,
        env = "VIGIA_DATA_DOWNLOADS",
        value_parser = at_least_one,
        default_value_t = 32,
        global = true
    )]
    pub data_downloads: usize,
    /// Open data files downloading at once to one address (IPv6 by /64).
    #[arg(
        long,
        env = "VIGIA_DATA_DOWNLOADS_PER_ADDRESS",
        value_parser = at_least_one,
        default_value_t = 4,
        global = true
    )]
    pub data_downloads_per_address: usize,
    /// Password hashes computed at once (about 19 MiB each); by default one per core.
    #[arg(long, env = "VIGIA_PASSWORD_HASH_WORKERS", value_parser = at_least_one, global = true)]
    pub password_hash_workers: Option<usize>,
    /// Sign-ins and password changes that may wait for a hashing worker; beyond them a
    /// request is answered 503 with `Retry-After`.
    #[arg(
        long,
        env = "VIGIA_PASSWORD_HASH_QUEUE",
        default_value_t = 16,
        global = true
    )]
    pub password_hash_queue: usize,
    /// Addresses that may read `/metrics` (comma-separated CIDRs).
    #[arg(
        long,
        env = "VIGIA_METRICS_ALLOW",
        value_delimiter = ',',
        default_value = "127.0.0.0/8,::1/128",
        global = true
    )]
    pub metrics_allow: Vec<IpNet>,
    /// The hour (0-23, La Paz time) at which the daily alerts run: gaps the calendar opens or
    /// closes, approaching deadlines.
    #[arg(long, env = "VIGIA_ALERTS_HOUR", default_value_t = 7, value_parser = clap::value_parser!(u32).range(0..24), global = true)]
    pub alerts_hour: u32,
    /// The most memory the page cache may use, in bytes, every stored form counted.
    #[arg(
        long,
        env = "VIGIA_CACHE_BYTES",
        default_value_t = 24 * 1024 * 1024,
        global = true
    )]
    pub cache_bytes: usize,
    /// Where alert emails go: `smtp://host:port`, or `smtps://user:password@host` for TLS.
    /// Without it, each message is written as an `.eml` file under `VIGIA_DATA_DIR/outbox/`.
    #[arg(long, env = "VIGIA_SMTP_URL", global = true)]
    pub smtp_url: Option<String>,
    /// The sender of alert emails.
    #[arg(
        long,
        env = "VIGIA_MAIL_FROM",
        default_value = "Vigía <alertas@vigia.invalid>",
        global = true
    )]
    pub mail_from: String,
    /// The address in each email's `List-Unsubscribe` mailto (a mailbox someone reads); the
    /// sender's address when unset.
    #[arg(long, env = "VIGIA_UNSUBSCRIBE_MAILTO", global = true)]
    pub unsubscribe_mailto: Option<String>,
    /// Attempts at a delivery before it is marked failed (retries back off from
    /// `VIGIA_DELIVERY_RETRY_MS`, doubling, up to six hours apart: 14 is about a day and a half).
    #[arg(long, env = "VIGIA_DELIVERY_ATTEMPTS", default_value_t = 14, value_parser = clap::value_parser!(u32).range(1..100), global = true)]
    pub delivery_attempts: u32,
    /// The wait before the first retry of a failed delivery, in milliseconds.
    #[arg(
        long,
        env = "VIGIA_DELIVERY_RETRY_MS",
        default_value_t = 30_000,
        global = true
    )]
    pub delivery_retry_ms: u64,
    /// How long a worker holds a delivery it is sending, in seconds: if its process dies, another
    /// sends the delivery again (with the same message id) once this has passed.
    #[arg(
        long,
        env = "VIGIA_DELIVERY_LEASE_SECS",
        default_value_t = 300,
        global = true
    )]
    pub delivery_lease_secs: u64,
    /// Run the delivery loop, which sends alerts as they are queued (`false` only where
    /// something else drives the worker: tests that send what is due at chosen moments).
    #[arg(long, env = "VIGIA_DELIVERY_LOOP", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub delivery_loop: bool,
    /// Let webhooks call plain-HTTP, loopback and private addresses (tests, local trials
    /// only: on a server it lets anyone make Vigía call its own network).
    #[arg(long, env = "VIGIA_WEBHOOK_ALLOW_PRIVATE", global = true)]
    pub webhook_allow_private: bool,
}

/// A cap of places or workers: zero would refuse everyone, so it is refused at start instead
/// of being raised silently.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1 (0 would refuse everyone)".to_owned()),
        Ok(count) => Ok(count),
        Err(error) => Err(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cap_of_zero_is_refused_with_the_settings_name() {
        for flag in [
            "--max-connections",
            "--max-connections-per-address",
            "--data-downloads",
            "--data-downloads-per-address",
            "--password-hash-workers",
        ] {
            let error = Cli::try_parse_from(["vigia", flag, "0"])
                .unwrap_err()
                .to_string();
            assert!(error.contains(flag), "{flag}: {error}");
            assert!(error.contains("at least 1"), "{flag}: {error}");
            let cli = Cli::try_parse_from(["vigia", flag, "1"]).unwrap();
            assert!(cli.command.is_none(), "{flag}");
        }
    }
}
