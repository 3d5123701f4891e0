//! What alerts are sent to, on loopback: a small SMTP server that keeps every message, and
//! an HTTP receiver that keeps every webhook call. Both can be told to fail.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A message as the SMTP server received it.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: Vec<String>,
    pub raw: String,
}

impl Mail {
    fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(self.raw.as_bytes())
            .expect("a message")
    }

    pub fn message_id(&self) -> String {
        self.parsed().message_id().unwrap_or_default().to_owned()
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .unwrap_or_default()
            .replace("\r\n", "\n")
    }

    pub fn html(&self) -> String {
        self.parsed().body_html(0).unwrap_or_default().into_owned()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        let parsed = self.parsed();
        parsed
            .header_raw(name)
            .map(|value| value.trim().replace(['\r', '\n'], ""))
    }

    /// The first link in the text part that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        self.text()
            .split_whitespace()
            .find(|w| w.starts_with(prefix))
            .map(str::to_owned)
    }
}

#[derive(Default)]
struct SinkState {
    messages: Vec<Mail>,
    /// Addresses answered with a permanent refusal (550).
    refused: HashSet<String>,
}

/// An SMTP server on loopback that accepts everything (but the addresses it is told to
/// refuse) and keeps each message.
#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    state: Arc<Mutex<SinkState>>,
    /// Milliseconds to wait, after a message is kept, before saying it was accepted.
    hold_ms: Arc<AtomicU64>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::serve(listener)
    }

    /// On a given port (to come up where a server already expects it).
    pub async fn start_on(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
        Self::serve(listener)
    }

    fn serve(listener: TcpListener) -> Self {
        let sink = Self {
            port: listener.local_addr().unwrap().port(),
            state: Arc::default(),
            hold_ms: Arc::default(),
        };
        let serving = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let sink = serving.clone();
                tokio::spawn(async move {
                    let _ = sink.session(stream).await;
                });
            }
        });
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn refuse(&self, address: &str) {
        self.state
            .lock()
            .unwrap()
            .refused
            .insert(address.to_owned());
    }

    pub fn hold(&self, millis: u64) {
        self.hold_ms.store(millis, Ordering::SeqCst);
    }

    pub fn messages(&self) -> Vec<Mail> {
        self.state.lock().unwrap().messages.clone()
    }

    pub fn to(&self, address: &str) -> Vec<Mail> {
        self.messages()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == address))
            .collect()
    }

    /// Waits up to ten seconds for `address` to have `count` messages.
    pub async fn wait_for(&self, address: &str, count: usize) -> Vec<Mail> {
        for _ in 0..200 {
            let got = self.to(address);
            if got.len() >= count {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "{address} received {} messages, not {count}",
            self.to(address).len()
        );
    }

    async fn session(&self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 sink ESMTP\r\n").await?;
        let mut to = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let command = line.trim_end().to_owned();
            let upper = command.to_ascii_uppercase();
            let answer: &[u8] = if upper.starts_with("EHLO") {
                b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
            } else if upper.starts_with("HELO")
                || upper.starts_with("NOOP")
                || upper.starts_with("MAIL FROM")
            {
                b"250 OK\r\n"
            } else if upper.starts_with("RSET") {
                to.clear();
                b"250 OK\r\n"
            } else if upper.starts_with("RCPT TO") {
                let address = command
                    .split_once('<')
                    .and_then(|(_, rest)| rest.split_once('>'))
                    .map(|(a, _)| a.to_owned())
                    .unwrap_or_default();
                let refused = self.state.lock().unwrap().refused.contains(&address);
                if refused {
                    // As real servers do, the refusal quotes the address.
                    let answer = format!("550 5.1.1 <{address}>: No such mailbox\r\n");
                    write.write_all(answer.as_bytes()).await?;
                    continue;
                } else {
                    to.push(address);
                    b"250 OK\r\n"
                }
            } else if upper == "DATA" {
                write.write_all(b"354 Go on\r\n").await?;
                let mut raw = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    raw.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                self.state.lock().unwrap().messages.push(Mail {
                    to: std::mem::take(&mut to),
                    raw,
                });
                let hold = self.hold_ms.load(Ordering::SeqCst);
                if hold > 0 {
                    tokio::time::sleep(Duration::from_millis(hold)).await;
                }
                b"250 Kept\r\n"
            } else if upper.starts_with("QUIT") {
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            } else {
                b"502 Not implemented\r\n"
            };
            write.write_all(answer).await?;
        }
    }
}

/// A webhook call as the receiver got it.
#[derive(Debug, Clone)]
pub struct Call {
    pub path: String,
    pub headers: http::HeaderMap,
    pub body: String,
}

impl Call {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("JSON body")
    }

    pub fn id(&self) -> String {
        self.headers["webhook-id"].to_str().unwrap().to_owned()
    }

    /// Whether the Standard Webhooks signature holds for `secret`.
    pub fn signed_with(&self, secret: &str) -> bool {
        standardwebhooks::Webhook::new(secret)
            .unwrap()
            .verify(self.body.as_bytes(), &self.headers)
            .is_ok()
    }
}

/// An HTTP server on loopback that keeps every call and answers with the status it is told
/// (a 3xx answers with a redirect to `redirect_to`).
#[derive(Clone)]
pub struct Receiver {
    pub port: u16,
    calls: Arc<Mutex<Vec<Call>>>,
    status: Arc<AtomicU16>,
    redirect_to: Arc<Mutex<String>>,
    /// Milliseconds to wait, after a call is kept, before answering.
    hold_ms: Arc<AtomicU64>,
}

impl Receiver {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let receiver = Self {
            port: listener.local_addr().unwrap().port(),
            calls: Arc::default(),
            status: Arc::new(AtomicU16::new(200)),
            redirect_to: Arc::default(),
            hold_ms: Arc::default(),
        };
        let serving = receiver.clone();
        let app = axum::Router::new().fallback(move |request: axum::extract::Request| {
            let receiver = serving.clone();
            async move {
                let (parts, body) = request.into_parts();
                let body = axum::body::to_bytes(body, 1 << 20)
                    .await
                    .unwrap_or_default();
                receiver.calls.lock().unwrap().push(Call {
                    path: parts.uri.path().to_owned(),
                    headers: parts.headers,
                    body: String::from_utf8_lossy(&body).into_owned(),
                });
                let hold = receiver.hold_ms.load(Ordering::SeqCst);
                if hold > 0 {
                    tokio::time::sleep(Duration::from_millis(hold)).await;
                }
                let status =
                    http::StatusCode::from_u16(receiver.status.load(Ordering::SeqCst)).unwrap();
                let mut response = axum::response::IntoResponse::into_response((status, "answer"));
                if status.is_redirection() {
                    let to = receiver.redirect_to.lock().unwrap().clone();
                    response
                        .headers_mut()
                        .insert(http::header::LOCATION, to.parse().unwrap());
                }
                response
            }
        });
        tokio::spawn(async move { axum::serve(listener, app).await });
        receiver
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn answer(&self, status: u16) {
        self.status.store(status, Ordering::SeqCst);
    }

    /// Answers every call `millis` late from now on.
    pub fn hold(&self, millis: u64) {
        self.hold_ms.store(millis, Ordering::SeqCst);
    }

    pub fn redirect(&self, to: &str) {
        *self.redirect_to.lock().unwrap() = to.to_owned();
        self.answer(307);
    }

    pub fn calls(&self) -> Vec<Call> {
        self.calls.lock().unwrap().clone()
    }

    pub fn calls_to(&self, path: &str) -> Vec<Call> {
        self.calls()
            .into_iter()
            .filter(|c| c.path == path)
            .collect()
    }

    /// Waits up to ten seconds for `count` calls to `path`.
    pub async fn wait_for(&self, path: &str, count: usize) -> Vec<Call> {
        for _ in 0..200 {
            let got = self.calls_to(path);
            if got.len() >= count {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "{path} received {} calls, not {count}",
            self.calls_to(path).len()
        );
    }
}
