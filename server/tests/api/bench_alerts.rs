//! Alert fan-out, measured (run by `bench/alerts`, ignored by the test suite): one event to
//! many email subscribers through a loopback SMTP server and to many webhooks through a
//! loopback receiver, next to a plain loop of sends to the same receivers in the same run, and
//! the server's peak memory for a small and a large number of subscribers.

use std::sync::Arc;
use std::time::{Duration, Instant};

use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::binary::Server;
use crate::crash::record;
use crate::helpers::{clock, settings_in};
use crate::receivers::{Receiver, SmtpSink};

fn count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Peak resident memory of a process, in MiB.
fn peak_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// Active subscribers following Pando's status changes, written in one statement each.
pub async fn subscribers(
    pool: &vigia_store::db::Pool,
    channel: &str,
    n: usize,
    address: impl Fn(usize) -> String,
) {
    let mut tx = pool.begin().await.unwrap();
    for i in 0..n {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO subscriptions (channel, address, lang, digest, all_departments, state, created_at, confirmed_at, secret) \
             VALUES ($1, $2, 'es', FALSE, FALSE, 'active', '2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z', $3) RETURNING id",
        )
        .bind(channel)
        .bind(address(i))
        .bind("whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        sqlx::query("INSERT INTO subscription_departments VALUES ($1, 'BO-N')")
            .bind(id)
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query("INSERT INTO subscription_kinds VALUES ($1, 'status.changed')")
            .bind(id)
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

/// Starts a release server with `n` subscribers of `channel`, records one claim on Pando,
/// and times until every subscriber got it. Returns (messages per second, peak MiB).
async fn fan_out(channel: &str, n: usize, sink: &SmtpSink, receiver: &Receiver) -> (f64, f64) {
    let dir = tempfile::tempdir().unwrap();
    let settings = settings_in(dir.path());
    let store = vigia_server::open_store(&settings, Arc::new(clock()))
        .await
        .unwrap();
    let base = match channel {
        "email" => sink.messages().len(),
        _ => receiver.calls().len(),
    };
    let hooks = receiver.url("/bench");
    let pool = crate::helpers::pool_for(&settings).await;
    subscribers(&pool, channel, n, |i| match channel {
        "email" => format!("b{i}@example.org"),
        _ => format!("{hooks}?n={i}"),
    })
    .await;
    let mut server = Server::new(dir.path(), &sink.url());
    server.start().await;
    let browser = server.officer(&store, &["BO-N"]).await;
    let started = Instant::now();
    assert_eq!(record(&server, &browser, "BO-N", 0).await, Some(true));
    loop {
        let got = match channel {
            "email" => sink.messages().len(),
            _ => receiver.calls().len(),
        } - base;
        if got >= n {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "{got} of {n} after ten minutes"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let rate = n as f64 / started.elapsed().as_secs_f64();
    let peak = peak_mib(server.pid().unwrap());
    server.kill();
    (rate, peak)
}

/// The same receiver, fed by a plain loop: one send after another on one connection.
async fn plain_smtp(sink: &SmtpSink, n: usize) -> f64 {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(sink.port)
        .build();
    let started = Instant::now();
    for i in 0..n {
        let message = Message::builder()
            .from("Vigía <alertas@vigia.test>".parse().unwrap())
            .to(format!("p{i}@example.org").parse().unwrap())
            .subject("Vigía: plain loop")
            .body(format!("Message {i}: the same size as an alert, roughly.\n").repeat(20))
            .unwrap();
        transport.send(message).await.unwrap();
    }
    n as f64 / started.elapsed().as_secs_f64()
}

async fn plain_http(receiver: &Receiver, n: usize) -> f64 {
    let client = reqwest::Client::new();
    let body = "x".repeat(2000);
    let started = Instant::now();
    for i in 0..n {
        client
            .post(receiver.url(&format!("/plain?n={i}")))
            .body(body.clone())
            .send()
            .await
            .unwrap();
    }
    n as f64 / started.elapsed().as_secs_f64()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: bench/alerts runs it in release"]
async fn bench_alert_fan_out() {
    let emails = count("EMAILS", 10_000);
    let hooks = count("WEBHOOKS", 1_000);
    let sink = SmtpSink::start().await;
    let receiver = Receiver::start().await;

    // The plain loops' rates settle within a thousand sends.
    let plain_mail = plain_smtp(&sink, emails.min(1_000)).await;
    let (small_rate, small_peak) = fan_out("email", emails / 10, &sink, &receiver).await;
    let (mail_rate, mail_peak) = fan_out("email", emails, &sink, &receiver).await;
    println!("email fan-out: {emails} subscribers, {mail_rate:.0} messages/s (plain loop of SMTP sends: {plain_mail:.0}/s, {:.0} %)", 100.0 * mail_rate / plain_mail);
    println!("email peak memory: {mail_peak:.1} MiB with {emails} subscribers, {small_peak:.1} MiB with {} ({small_rate:.0} messages/s)", emails / 10);

    let plain_hooks = plain_http(&receiver, hooks.min(1_000)).await;
    let (small_hook_rate, small_hook_peak) = fan_out("webhook", hooks / 10, &sink, &receiver).await;
    let (hook_rate, hook_peak) = fan_out("webhook", hooks, &sink, &receiver).await;
    println!("webhook fan-out: {hooks} webhooks, {hook_rate:.0} deliveries/s (plain loop of HTTP posts: {plain_hooks:.0}/s, {:.0} %)", 100.0 * hook_rate / plain_hooks);
    println!("webhook peak memory: {hook_peak:.1} MiB with {hooks} webhooks, {small_hook_peak:.1} MiB with {} ({small_hook_rate:.0} deliveries/s)", hooks / 10);
}
